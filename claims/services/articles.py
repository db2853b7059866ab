"""Importing articles and splitting them into claims.

Every import channel calls `import_article`: it checks the text, saves the article (raw input
untouched) in state QUEUED, and asks a worker to split it once the transaction has committed
(the splitting itself is in `splitting`).
"""
import hashlib
import logging
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q

from .. import permissions
from ..models import Article, ArticleState

log = logging.getLogger(__name__)

# Control characters other than tab, newline and carriage return mean the input is not text.
_ALLOWED_CONTROLS = {"\t", "\n", "\r"}


class DuplicateArticle(Exception):
    def __init__(self, existing: Article):
        self.existing = existing
        super().__init__(f"This article was already imported as “{existing.title}”.")


def clean_body(raw: str) -> str:
    """The text that gets split: Unicode-normalised, with uniform line ends and no outer blank space."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def check_article_text(raw: str) -> str:
    """Return the cleaned body or raise ValidationError saying what is wrong with the text."""
    if "\x00" in raw or sum(1 for ch in raw if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS) > 0:
        raise ValidationError("This looks like binary data, not article text. Paste or upload plain text.", code="binary")
    body = clean_body(raw)
    if not body:
        raise ValidationError("The article text is empty.", code="empty")
    limit = settings.MAX_ARTICLE_CHARS
    if len(body) > limit:
        raise ValidationError(
            f"The article is {len(body):,} characters long; the limit is {limit:,}. Split it into parts.",
            code="too_long",
        )
    return body


def content_hash(body: str) -> str:
    # Whitespace differences alone do not make a different article.
    canonical = " ".join(body.split()).casefold()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def import_article(
    *,
    title: str,
    raw_text: str,
    imported_by,
    url: str = "",
    outlet=None,
    published_on=None,
    topic=None,
    extracted_text: str | None = None,
    raw_file: bytes | None = None,
    queue_split: bool = True,
) -> Article:
    """Save a new article and queue it for splitting. Raises ValidationError or DuplicateArticle.

    raw_text is exactly what was received (pasted text, fetched HTML); extracted_text, when given,
    is the article text read out of it (or out of raw_file, an uploaded PDF or DOCX).
    queue_split=False is for callers already in a worker, which split the article themselves.
    """
    permissions.require(permissions.can_import_articles(imported_by), "Only editors can import articles.")
    body = check_article_text(raw_text if extracted_text is None else extracted_text)
    digest = content_hash(body)
    same = Q(content_hash=digest) | Q(url=url) if url else Q(content_hash=digest)
    existing = Article.objects.filter(same).only("pk", "title").first()
    if existing:
        raise DuplicateArticle(existing)
    article = Article(
        title=(title.strip() or body.split("\n", 1)[0])[:500],
        body=body,
        raw_input=raw_text,
        raw_file=raw_file,
        url=url,
        outlet=outlet,
        published_on=published_on,
        topic=topic,
        content_hash=digest,
        imported_by=imported_by,
    )
    # Uniqueness is checked above and enforced by the database (IntegrityError below), and the
    # related rows were handed to us: full_clean need not ask the database about either again.
    article.full_clean(validate_unique=False, validate_constraints=False, exclude=["imported_by", "outlet", "topic"])
    try:
        with transaction.atomic():
            article.save()
            if queue_split:
                transaction.on_commit(lambda: enqueue_split(article.pk))
    except IntegrityError:
        # Another import of the same text or link won the race between our check and our insert.
        winner = Article.objects.filter(content_hash=digest).first() or Article.objects.filter(url=url).first()
        if winner is None:
            raise
        raise DuplicateArticle(winner) from None
    return article


def enqueue_split(article_id: int) -> bool:
    """Hand the article to a worker. If the broker is unreachable the article stays QUEUED."""
    from ..tasks import split_article_task

    try:
        split_article_task.delay(article_id)
    except Exception:  # the broker's own errors vary by transport; the article is safe either way
        log.exception("Could not enqueue article %s; it stays queued", article_id)
        return False
    return True


def retry_split(*, article: Article, user) -> None:
    permissions.require(permissions.can_import_articles(user), "Only editors can retry an import.")
    Article.objects.filter(pk=article.pk).update(state=ArticleState.QUEUED, error="")
    transaction.on_commit(lambda: enqueue_split(article.pk))
