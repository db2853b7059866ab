"""Importing articles and splitting them into claims.

Pasting calls `import_article`: it checks the text, saves the article (raw input untouched) in
state QUEUED, and asks a worker to split it once the transaction has committed. Import jobs'
workers save their batch with `save_articles` and split it themselves (see `imports` and
`splitting`).

An article that comes without a topic gets the one its text makes clear (`topics.guess_topic`).
When the text does not make it clear, the paste form asks (import_article raises TopicUnclear);
the other channels save the article without a topic, which its page then says plainly. An
editor can change the topic later (`change_article_details`), which splits the article again.
"""
import datetime
import hashlib
import itertools
import logging
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from .. import permissions
from ..input_rules import clean_plain_text, require_plain_text
from ..models import Article, ArticleState
from .bulk_insert import insert_new
from .topics import TopicUnclear, guess_topic, load_topic_terms

log = logging.getLogger(__name__)

# Fewer letters than this is a stray value (a number, a word, a test), not an article: refused like
# an empty text. Letters, not words, so that it holds for languages written without spaces.
MIN_ARTICLE_LETTERS = 20


class DuplicateArticle(Exception):
    def __init__(self, existing: Article):
        self.existing = existing
        super().__init__(f"This article was already imported as “{existing.title}”.")


def clean_body(raw: str) -> str:
    """The text that gets split: Unicode-normalised, with uniform line ends and no outer blank space."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def check_article_text(raw: str) -> str:
    """Return the cleaned body or raise ValidationError saying what is wrong with the text.

    Every channel's article text passes here (paste form, API, spreadsheet rows, pages and files),
    so the rules for what is an article's text are the same whichever way it came.
    """
    require_plain_text(raw)
    body = clean_body(raw)
    if not body:
        raise ValidationError("The article text is empty.", code="empty")
    letters = sum(1 for _ in itertools.islice((c for c in body if c.isalpha()), MIN_ARTICLE_LETTERS))
    if letters < MIN_ARTICLE_LETTERS:
        raise ValidationError(
            f"The text is too short to be an article ({letters} letters; at least {MIN_ARTICLE_LETTERS}). "
            "Send the article's whole text.",
            code="too_short",
        )
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


@dataclass
class ArticleDraft:
    """An article as a channel received it, not yet saved.

    raw_text is exactly what was received (pasted text, fetched HTML); extracted_text, when given,
    is the article text read out of it (or out of raw_file, an uploaded PDF or DOCX).
    """

    title: str
    raw_text: str
    imported_by: object
    url: str = ""
    outlet: object = None
    published_on: datetime.date | None = None
    # A Topic; None to choose it from the text; NO_TOPIC when an editor chose to have none.
    topic: object = None
    extracted_text: str | None = None
    raw_file: bytes | None = None
    # Someone is there to be asked: a text whose topic is unclear is refused with TopicUnclear
    # instead of being saved without one.
    ask_topic: bool = False


def import_article(**draft) -> Article:
    """Save one new article and queue it for splitting. Raises ValidationError (TopicUnclear when
    no topic was given and the text does not make it clear), PermissionDenied or DuplicateArticle;
    takes the fields of ArticleDraft. The paste form calls it, so it asks by default."""
    draft.setdefault("ask_topic", True)
    [saved] = save_articles([ArticleDraft(**draft)])
    if isinstance(saved, Exception):
        raise saved
    transaction.on_commit(lambda: enqueue_split(saved.pk))
    return saved


def save_articles(drafts: list[ArticleDraft]) -> list[Article | Exception]:
    """Save new articles (QUEUED) and return, for each draft in order, its saved Article or why it
    was not saved: ValidationError, PermissionDenied or DuplicateArticle.

    A worker saves a batch at a time: one query finds the texts and links already imported, one
    insert saves the rest. A draft repeating an earlier one of the same batch is saved after it,
    and so becomes its duplicate.
    """
    outcomes: list = [None] * len(drafts)
    checked = {}
    for index, draft in enumerate(drafts):
        try:
            checked[index] = _checked_article(draft)
        except (ValidationError, PermissionDenied) as exc:
            outcomes[index] = exc
    known = _already_imported(checked.values())
    first, repeats, seen = {}, {}, set()
    for index, article in checked.items():
        keys = _identity(article)
        if twin := next((known[key] for key in keys if key in known), None):
            outcomes[index] = DuplicateArticle(twin)
        else:
            (repeats if seen & keys else first)[index] = article
            seen |= keys
    for index, unclear in _choose_topics(drafts, {**first, **repeats}).items():
        outcomes[index] = unclear
        first.pop(index, None), repeats.pop(index, None)
    try:
        with transaction.atomic():
            insert_new(Article, list(first.values()))
    except DatabaseError:
        # Another import saved one of these texts or links between our check and our insert (or
        # one article is unsavable): one at a time, so each gets its own answer.
        for article in first.values():  # as they were before the insert that was rolled back
            article.pk, article._state.adding = None, True
        repeats = {**first, **repeats}
    else:
        for index, article in first.items():
            outcomes[index] = article
    for index, article in repeats.items():  # in batch order: a repeat finds the article it repeats
        outcomes[index] = _save_one(article)
    return outcomes


def _checked_article(draft: ArticleDraft) -> Article:
    permissions.require(permissions.can_import_articles(draft.imported_by), "Only editors can import articles.")
    title, raw_text, extracted = draft.title, draft.raw_text, draft.extracted_text
    if extracted is not None:
        # Read out of a page or a file by a parser: what no text may hold carries nothing there
        # (claims.input_rules), and the editor could not remove it anyway.
        title, raw_text, extracted = clean_plain_text(title), clean_plain_text(raw_text), clean_plain_text(extracted)
    body = check_article_text(raw_text if extracted is None else extracted)
    article = Article(
        title=(title.strip() or body.split("\n", 1)[0])[:500],
        body=body,
        raw_input=raw_text,
        raw_file=draft.raw_file,
        url=draft.url,
        outlet=draft.outlet,
        published_on=draft.published_on,
        topic=draft.topic or None,
        content_hash=content_hash(body),
        imported_by=draft.imported_by,
    )
    # Uniqueness is checked by save_articles and enforced by the database, and the related rows
    # were handed to us: full_clean need not ask the database about either again.
    article.full_clean(validate_unique=False, validate_constraints=False, exclude=["imported_by", "outlet", "topic"])
    return article


def _choose_topics(drafts: list[ArticleDraft], articles: dict[int, Article]) -> dict[int, TopicUnclear]:
    """Give each article that came without a topic the one its text makes clear. Returns, by
    draft index, the articles whose editor is to be asked instead; the others keep no topic."""
    waiting = {index: article for index, article in articles.items() if drafts[index].topic is None}
    if not waiting:
        return {}
    registry = load_topic_terms()  # once for the batch
    if not any(entry.terms for entry in registry):
        return {}  # no topic has sides or sources yet: there is nothing to choose or ask about
    unclear = {}
    for index, article in waiting.items():
        guess = guess_topic(article.body, registry)
        if guess.topic is not None:
            article.topic, article.topic_from_text = guess.topic, True
        elif drafts[index].ask_topic:
            unclear[index] = TopicUnclear(guess)
    return unclear


def _identity(article: Article) -> set[tuple[str, str]]:
    """What makes two imports the same article: the same text, or the same link."""
    return {("hash", article.content_hash)} | ({("url", article.url)} if article.url else set())


def _already_imported(articles) -> dict[tuple[str, str], Article]:
    """Articles already saved with the text or the link of one of these, by identity key."""
    articles = list(articles)
    if not articles:
        return {}
    same = Q(content_hash__in=[a.content_hash for a in articles])
    if urls := [a.url for a in articles if a.url]:
        same |= Q(url__in=urls)
    found = Article.objects.filter(same).only("pk", "title", "content_hash", "url")
    return {key: existing for existing in found for key in _identity(existing)}


def _save_one(article: Article) -> Article | Exception:
    if twin := next(iter(_already_imported([article]).values()), None):
        return DuplicateArticle(twin)
    try:
        with transaction.atomic():
            article.save()
    except IntegrityError as exc:
        # Another import of the same text or link won the race between our check and our insert.
        twin = next(iter(_already_imported([article]).values()), None)
        return DuplicateArticle(twin) if twin else exc
    except DatabaseError as exc:
        return exc
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
    Article.objects.filter(pk=article.pk).update(state=ArticleState.QUEUED, error="", queued_at=timezone.now())
    transaction.on_commit(lambda: enqueue_split(article.pk))


class ArticleBeingSplit(Exception):
    """The article's topic cannot change while a worker is splitting it with the old one."""


def change_article_details(*, article: Article, user, topic, outlet, published_on) -> bool:
    """An editor sets an article's topic, outlet and publication date. A new topic means new
    sides and disputes, so the article is split again (`retry_split`: reviewed claims and claims
    added by hand are kept, as in every re-split). Returns whether it was queued for that.

    Saving the details confirms the topic: the page stops saying it was chosen from the text.
    """
    permissions.require(permissions.can_import_articles(user), "Only editors can change an article's details.")
    with transaction.atomic():
        current = Article.objects.select_for_update().get(pk=article.pk)
        new_topic = (topic.pk if topic else None) != current.topic_id
        if new_topic and current.state == ArticleState.PROCESSING:
            # The worker read the old topic and would mark the article done after our change.
            raise ArticleBeingSplit("The article is being split right now. Change its topic when it is done.")
        current.topic, current.outlet, current.published_on, current.topic_from_text = topic, outlet, published_on, False
        # Only what the editor changed is checked: the rest is what was received, and an address
        # or text kept before today's input rules must not stop the topic from being set.
        changed = {"topic", "outlet", "published_on"}
        current.full_clean(
            exclude=[f.name for f in Article._meta.fields if f.name not in changed],
            validate_unique=False, validate_constraints=False,
        )
        current.save(update_fields=[*changed, "topic_from_text"])
        if new_topic:
            retry_split(article=current, user=user)
    log.info("Article %s details changed by %s (new topic: %s)", article.pk, user.pk, new_topic)
    return new_topic
