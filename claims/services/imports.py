"""Import jobs: links, uploaded files and spreadsheets, each article its own item.

A job and its items are saved in one transaction; a worker then takes each item. Processing an
item is safe to repeat: an item already done is left alone, and the same link or the same text
arriving twice is linked to the article that exists, so a task delivered twice, or re-run after
a worker died, leaves one article. Every failure is stored on its item with a reason; the rest
of the job goes on.
"""
import datetime
import logging
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from .. import permissions
from ..documents import ParseError, article_from_html, article_from_upload, rows_from_bulk
from ..fetching import FetchError, fetch
from ..models import Article, ArticleState, ImportChannel, ImportItem, ImportJob, ItemState, Outlet
from .articles import DuplicateArticle, enqueue_split, import_article, split_article

log = logging.getLogger(__name__)
MAX_LINKS = 500
STALLED_AFTER = datetime.timedelta(minutes=15)


def start(*, channel: str, label: str, items: list[ImportItem], user, topic) -> ImportJob:
    permissions.require(permissions.can_import_articles(user), "Only editors can import articles.")
    if not items:
        raise ValidationError("There is nothing to import.")
    with transaction.atomic():
        job = ImportJob.objects.create(channel=channel, label=label[:300], topic=topic, created_by=user)
        for position, item in enumerate(items, start=1):
            item.job, item.position = job, position
        ImportItem.objects.bulk_create(items, batch_size=1000)
        transaction.on_commit(lambda: dispatch(job.pk))
    return job


def import_links(*, urls: list[str], user, topic=None) -> ImportJob:
    links = list(dict.fromkeys(u.strip() for u in urls if u.strip()))
    if len(links) > MAX_LINKS:
        raise ValidationError(f"At most {MAX_LINKS} links at once; use a spreadsheet for more.")
    label = links[0] if len(links) == 1 else f"{len(links)} links"
    return start(channel=ImportChannel.URL, label=label, items=[ImportItem(url=u[:2000]) for u in links], user=user, topic=topic)


def import_files(*, files: list[tuple[str, bytes]], user, topic=None) -> ImportJob:
    label = files[0][0] if len(files) == 1 else f"{len(files)} files"
    items = [ImportItem(filename=name[:255], data=data) for name, data in files]
    return start(channel=ImportChannel.FILE, label=label, items=items, user=user, topic=topic)


def import_spreadsheet(*, filename: str, data: bytes, user, topic=None) -> ImportJob:
    """Raises ValidationError when the file as a whole cannot be read; bad rows become failed items."""
    try:
        rows = rows_from_bulk(filename, data)
    except ParseError as exc:
        raise ValidationError(str(exc)) from exc
    items = [
        ImportItem(
            url=row.url[:2000], text=row.text, title=row.title, published_on=row.published_on,
            state=ItemState.FAILED if row.error else ItemState.PENDING, error=row.error,
        )
        for row in rows
    ]
    return start(channel=ImportChannel.BULK, label=filename, items=items, user=user, topic=topic)


def import_one(*, user, text: str = "", url: str = "", title: str = "", published_on=None, topic=None) -> ImportJob:
    """One article sent by another system (the API): a job of one item, like every channel."""
    if bool(text.strip()) == bool(url.strip()):
        raise ValidationError("Send either the article's text or its URL, not both and not neither.")
    item = ImportItem(url=url.strip()[:2000], text=text, title=title[:500], published_on=published_on)
    label = url.strip() or title or text.strip()[:80]
    return start(channel=ImportChannel.API, label=label, items=[item], user=user, topic=topic)


def dispatch(job_id: int) -> None:
    from ..tasks import dispatch_job_task

    try:
        dispatch_job_task.delay(job_id)
    except Exception:  # broker down: the items stay pending and the sweep sends them later
        log.exception("Could not enqueue import job %s; the sweep will retry", job_id)


def enqueue_item(item_id: int) -> None:
    from ..tasks import process_import_item_task

    try:
        process_import_item_task.delay(item_id)
    except Exception:  # broker down: see dispatch
        log.exception("Could not enqueue import item %s; the sweep will retry", item_id)


def pending_item_ids(job_id: int) -> list[int]:
    return list(ImportItem.objects.filter(job_id=job_id, state=ItemState.PENDING).values_list("pk", flat=True))


def process_item(item_id: int) -> ImportItem:
    with transaction.atomic():
        item = (
            ImportItem.objects.select_for_update(of=("self",))
            .select_related("job", "job__created_by", "job__topic")
            .get(pk=item_id)
        )
        if item.state != ItemState.PENDING:
            return item  # delivered again after it was handled
        item.attempts += 1
        item.save(update_fields=["attempts", "updated_at"])
    try:
        article = _import(item)
        _finish(item, ItemState.DONE, article=article)
        _split_here(article)
    except DuplicateArticle as duplicate:
        _finish(item, ItemState.DONE, article=duplicate.existing, note="Already imported: linked to the existing article.")
    except (FetchError, ParseError) as exc:
        _finish(item, ItemState.FAILED, error=str(exc))
    except ValidationError as exc:
        _finish(item, ItemState.FAILED, error=" ".join(exc.messages))
    except Exception as exc:  # a parser or network library failing in a way we did not foresee
        log.exception("Import item %s failed", item_id)
        _finish(item, ItemState.FAILED, error=f"Unexpected error: {exc.__class__.__name__}. The team has been told.")
    return item


def _split_here(article: Article) -> None:
    """We are in a worker already: split now rather than queue one more task per article.
    A failed split leaves the article FAILED with its error and a retry button; the item's import
    itself succeeded."""
    try:
        split_article(article.pk)
    except Exception:
        log.exception("Splitting article %s after import failed", article.pk)


def _finish(item: ImportItem, state: str, *, article=None, error: str = "", note: str = "") -> None:
    ImportItem.objects.filter(pk=item.pk).update(
        state=state, article=article, error=error[:2000], note=note, updated_at=timezone.now()
    )
    item.state, item.article, item.error, item.note = state, article, error, note


def _import(item: ImportItem) -> Article:
    job, user = item.job, item.job.created_by
    common = {"imported_by": user, "topic": job.topic, "published_on": item.published_on, "queue_split": False}
    if item.url:
        existing = Article.objects.filter(url=item.url).first()
        if existing:
            raise DuplicateArticle(existing)
        page = fetch(item.url)
        parsed = article_from_html(page.text(), page.url)
        return import_article(
            title=item.title or parsed.title, raw_text=page.text(), extracted_text=parsed.text, url=item.url,
            outlet=_outlet_for(item.url), **{**common, "published_on": item.published_on or parsed.published_on},
        )
    if item.filename:
        data = bytes(item.data or b"")
        parsed = article_from_upload(item.filename, data)
        binary = item.filename.lower().endswith((".pdf", ".docx"))
        return import_article(
            title=item.title or parsed.title, raw_text="" if binary else data.decode("utf-8-sig"),
            extracted_text=parsed.text, raw_file=data if binary else None, **common,
        )
    return import_article(title=item.title, raw_text=item.text, **common)


def _outlet_for(url: str):
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return Outlet.objects.filter(domain__iexact=host).first() if host else None


def retry_item(*, item: ImportItem, user) -> ImportItem:
    permissions.require(permissions.can_import_articles(user), "Only editors can retry imports.")
    if item.state != ItemState.FAILED:
        raise ValidationError("Only failed items can be retried.")
    if item.job.channel == ImportChannel.BULK and not (item.url or item.text):
        raise ValidationError("This row has nothing to import; fix the spreadsheet and import it again.")
    ImportItem.objects.filter(pk=item.pk).update(state=ItemState.PENDING, error="", updated_at=timezone.now())
    transaction.on_commit(lambda: enqueue_item(item.pk))
    item.refresh_from_db()
    return item


def requeue_stalled(*, older_than: datetime.timedelta = STALLED_AFTER) -> int:
    """Hand work the broker never received (it was down) to the workers again."""
    cutoff = timezone.now() - older_than
    items = list(ImportItem.objects.filter(state=ItemState.PENDING, updated_at__lt=cutoff).values_list("pk", flat=True))
    for item_id in items:
        enqueue_item(item_id)
    articles = list(Article.objects.filter(state=ArticleState.QUEUED, imported_at__lt=cutoff).values_list("pk", flat=True))
    for article_id in articles:
        enqueue_split(article_id)
    return len(items) + len(articles)


def job_progress(job: ImportJob) -> dict:
    counts = job.items.aggregate(
        total=Count("id"),
        done=Count("id", filter=Q(state=ItemState.DONE)),
        failed=Count("id", filter=Q(state=ItemState.FAILED)),
        pending=Count("id", filter=Q(state=ItemState.PENDING)),
    )
    counts["percent"] = round(100 * (counts["done"] + counts["failed"]) / counts["total"]) if counts["total"] else 100
    return counts
