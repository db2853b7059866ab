"""Importing articles and splitting them into claims.

Every import channel calls `import_article`: it checks the text, saves the article (raw input
untouched) in state QUEUED, and asks a worker to split it once the transaction has committed.
The worker calls `split_article`, which replaces the article's unreviewed claims with what the
extraction engine finds and never touches claims a reviewer has started on.
"""
import hashlib
import logging
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from .. import extraction, permissions
from ..models import Article, ArticleState, Claim, Dispute, Side, Source
from ..workflow import REVIEWED_STATES
from .disputes import refresh_dispute_flags

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
    existing = Article.objects.filter(content_hash=digest).first() or (
        Article.objects.filter(url=url).first() if url else None
    )
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
    # Uniqueness is checked above and enforced by the database (IntegrityError below);
    # full_clean would ask the database the same questions again.
    article.full_clean(validate_unique=False, validate_constraints=False)
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


def _story_input(article: Article) -> extraction.ArticleInput:
    """What the engine needs to know about the story, described in plain records."""
    sides, lexicon = (), ()
    if article.topic_id:
        sides = tuple(
            extraction.SideCues(name=side.name, cues=tuple(side.cue_words)) for side in article.topic.sides.all()
        )
        lexicon = tuple(article.topic.loaded_lexicon)
    sources = Source.objects.select_related("side")
    if article.topic_id:
        sources = sources.filter(Q(side__topic=article.topic_id) | Q(side__isnull=True))
    registry = tuple(
        extraction.KnownSource(name=s.name, side=s.side.name if s.side else None, aliases=tuple(s.alias_list))
        for s in sources
    )
    return extraction.ArticleInput(article.body, sides, registry, lexicon)


def split_article(article_id: int) -> Article:
    """Run extraction on the article and store its claims and disputes. Safe to run twice."""
    article = Article.objects.select_related("topic").get(pk=article_id)
    Article.objects.filter(pk=article.pk).update(state=ArticleState.PROCESSING, error="")
    try:
        [result] = extraction.extract_many([_story_input(article)])
        store_extraction(article, result)
    except Exception as exc:
        log.exception("Splitting article %s failed", article_id)
        Article.objects.filter(pk=article.pk).update(
            state=ArticleState.FAILED, error=f"Splitting failed: {exc.__class__.__name__}: {exc}"[:2000]
        )
        raise
    article.refresh_from_db()
    return article


@transaction.atomic
def store_extraction(article: Article, result: extraction.Extraction) -> None:
    """Replace the article's unreviewed claims with the engine's, keeping every reviewed one
    and every claim a person added by hand.

    A claim a reviewer has started on (or given a verdict) stays as it is; when the engine finds
    the same span again, that claim stands in for it in the new disputes.
    """
    Article.objects.select_for_update().filter(pk=article.pk).first()
    existing = list(article.claims.all())
    kept = {}
    if existing:  # a first split has nothing to replace: skip the cascade's queries
        reviewed = article.claims.filter(
            Q(state__in=REVIEWED_STATES) | Q(verdict__isnull=False) | Q(added_by__isnull=False)
        )
        kept = {(c.start, c.end): c for c in reviewed}
        article.claims.exclude(pk__in=[c.pk for c in kept.values()]).delete()
    sides = {side.name: side for side in Side.objects.filter(topic=article.topic_id)} if article.topic_id else {}
    sources = {s.name: s for s in Source.objects.filter(name__in={c.source for c in result.claims if c.source})}
    by_index, new_claims = {}, []
    for index, found in enumerate(result.claims):
        if (found.start, found.end) in kept:
            by_index[index] = kept[(found.start, found.end)]
            continue
        claim = Claim(
            article=article,
            text=found.text,
            start=found.start,
            end=found.end,
            speaker=(found.speaker or "")[:300],
            source=sources.get(found.source),
            side=sides.get(found.side),
            kind=found.kind,
            check_worthiness=min(max(found.score, 0.0), 1.0),
            check_worthy=found.check_worthy,
            set_aside_reason=found.set_aside_reason[:100],
            loaded_terms=list(found.loaded_terms),
        )
        by_index[index] = claim
        new_claims.append(claim)
    disputed = {i for d in result.disputes for i in (d.first, d.second)}
    for index in disputed:
        by_index[index].has_dispute = True
    bulk_create_with_history(new_claims, Claim)
    Dispute.objects.bulk_create(
        [
            Dispute(first=by_index[d.first], second=by_index[d.second], reason=d.reason[:300])
            for d in result.disputes
            if by_index[d.first].pk and by_index[d.second].pk
        ],
        ignore_conflicts=True,
    )
    if kept:
        refresh_dispute_flags(article.pk)  # kept claims may have gained or lost their disputes
    state = ArticleState.NOT_SPLIT if result.not_split_reason else ArticleState.READY
    Article.objects.filter(pk=article.pk).update(
        state=state, error=result.not_split_reason, language=result.language, processed_at=timezone.now()
    )
