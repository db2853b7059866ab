"""Import jobs: links, uploaded files and spreadsheets, each article its own item.

A job and its items are saved in one transaction; workers then take the items a batch at a time
(see `batches`), read each, save the batch's articles together and split them together.
Processing is safe to repeat: an item already done is left alone, the same link or the same text
arriving twice is linked to the article that exists, and a batch delivered again after a worker
died splits the articles its first run saved but did not split. Every failure is stored on its
item with a reason; the rest of the job goes on.
"""
import datetime
import logging
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from .. import permissions
from ..input_rules import clean_plain_text, require_plain_text, require_web_address
from ..documents import ParseError, article_from_html, article_from_upload, rows_from_bulk
from ..fetching import FetchError, fetch
from ..models import Article, ArticleState, ImportChannel, ImportItem, ImportJob, ItemState, Outlet
from .articles import ArticleDraft, DuplicateArticle, check_article_text, enqueue_split, save_articles
from .splitting import AWAITING_SPLIT, SplitFailed, split_articles
from .topics import NO_TOPIC

log = logging.getLogger(__name__)
MAX_LINKS = 500
STALLED_AFTER = datetime.timedelta(minutes=15)
ALREADY_IMPORTED = "Already imported: linked to the existing article."


def start(*, channel: str, label: str, items: list[ImportItem], user, topic) -> ImportJob:
    """Save the job and its items and hand them to the workers. Every item has passed the input
    rules first (`item_problem`): one that breaks them is saved as failed, with the reason, and
    without the text that broke them, so nothing unstorable reaches the database. `topic` is given
    to every article: a Topic, None to choose each one's from its text, or NO_TOPIC for none."""
    permissions.require(permissions.can_import_articles(user), "Only editors can import articles.")
    if not items:
        raise ValidationError("There is nothing to import.")
    for item in items:
        _refuse_if_broken(item)
    with transaction.atomic():
        job = ImportJob.objects.create(
            channel=channel, label=clean_plain_text(label)[:300], created_by=user,
            topic=None if topic is NO_TOPIC else topic, no_topic=topic is NO_TOPIC,
        )
        for position, item in enumerate(items, start=1):
            item.job, item.position = job, position
        ImportItem.objects.bulk_create(items, batch_size=1000)
        transaction.on_commit(lambda: dispatch(job.pk))
    return job


ITEM_FIELDS = {"title": "Title", "filename": "File name", "text": "Text", "url": "Link"}


def item_problem(item: ImportItem) -> str | None:
    """Why this link, file or row cannot be imported as it stands, or None. The same rules as every
    other channel: the input rule for text, the rule for links, and what an article's text is."""
    item.filename = clean_plain_text(item.filename)  # a name the browser sent: nothing to lose
    try:
        for field, label in ITEM_FIELDS.items():
            _with_label(label, _storable, item, field)
        if item.url:
            _with_label("Link", require_web_address, item.url)
        elif item.text:
            _with_label("Text", check_article_text, item.text)
    except ValidationError as exc:
        return " ".join(exc.messages)
    return None


def _storable(item: ImportItem, field: str) -> None:
    value, limit = getattr(item, field), ImportItem._meta.get_field(field).max_length
    require_plain_text(value)
    if limit and len(value) > limit:
        raise ValidationError(f"{len(value):,} characters; the limit is {limit:,}.")


def _with_label(label: str, rule, *args) -> None:
    try:
        rule(*args)
    except ValidationError as exc:
        raise ValidationError(f"{label}: {' '.join(exc.messages)}") from None


def _refuse_if_broken(item: ImportItem) -> None:
    problem = item_problem(item)
    if problem is None:
        return
    for field in ITEM_FIELDS:  # what the database cannot hold is not kept; the reason says what it was
        try:
            _storable(item, field)
        except ValidationError:
            setattr(item, field, "")
    item.state, item.error = ItemState.FAILED, clean_plain_text(item.error or problem)[:2000]


def import_links(*, urls: list[str], user, topic=None) -> ImportJob:
    links = list(dict.fromkeys(u.strip() for u in urls if u.strip()))
    if len(links) > MAX_LINKS:
        raise ValidationError(f"At most {MAX_LINKS} links at once; use a spreadsheet for more.")
    label = links[0] if len(links) == 1 else f"{len(links)} links"
    return start(channel=ImportChannel.URL, label=label, items=[ImportItem(url=u) for u in links], user=user, topic=topic)


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
            url=row.url, text=row.text, title=row.title, published_on=row.published_on,
            state=ItemState.FAILED if row.error else ItemState.PENDING, error=row.error,
        )
        for row in rows
    ]
    return start(channel=ImportChannel.BULK, label=filename, items=items, user=user, topic=topic)


def import_one(*, user, text: str = "", url: str = "", title: str = "", published_on=None, topic=None) -> ImportJob:
    """One article sent by another system (the API): a job of one item, like every channel."""
    if bool(text.strip()) == bool(url.strip()):
        raise ValidationError("Send either the article's text or its URL, not both and not neither.")
    item = ImportItem(url=url.strip(), text=text, title=title, published_on=published_on)
    if problem := item_problem(item):  # refused at once: the system sending it can correct it
        raise ValidationError(problem)
    label = url.strip() or title or text.strip()[:80]
    return start(channel=ImportChannel.API, label=label, items=[item], user=user, topic=topic)


def dispatch(job_id: int) -> None:
    from ..tasks import dispatch_job_task

    try:
        dispatch_job_task.delay(job_id)
    except Exception:  # broker down: the items stay pending and the sweep sends them later
        log.exception("Could not enqueue import job %s; the sweep will retry", job_id)


def enqueue(batches: list[list[int]]) -> list[list[int]]:
    """Hand the batches to the workers; returns those the broker took (it stops at the first refusal)."""
    from ..tasks import process_import_items_task

    sent = []
    for batch in batches:
        try:
            process_import_items_task.delay(batch)
        except Exception:  # broker down: see dispatch
            log.exception("Could not enqueue import items %s; the sweep will retry", batch)
            break
        sent.append(batch)
    return sent


def batches(items) -> list[list[int]]:
    """The items' ids in job order, grouped as workers take them.

    Items whose text is in hand (a spreadsheet row, an API call) go IMPORT_BATCH_SIZE at a time:
    the engine parses them together and a worker's fixed costs per task (taking the items, one
    duplicate check, one insert, the broker's round trip) are shared by many articles. Links and
    files go IMPORT_DOCUMENT_BATCH_SIZE at a time: a page must be fetched (mostly waiting on another
    site) and a file parsed (a PDF can hold megabytes and take seconds), so small batches let
    several workers share a job, keep a worker's memory small and the job's progress moving.
    """
    sizes = {False: settings.IMPORT_BATCH_SIZE, True: settings.IMPORT_DOCUMENT_BATCH_SIZE}
    filling, ready = {False: [], True: []}, []
    for pk, url, filename in items.order_by("job_id", "position").values_list("pk", "url", "filename"):
        document = bool(url or filename)
        filling[document].append(pk)
        if len(filling[document]) == sizes[document]:
            ready.append(filling[document])
            filling[document] = []
    return ready + [batch for batch in filling.values() if batch]


def pending_batches(job_id: int) -> list[list[int]]:
    return batches(ImportItem.objects.filter(job_id=job_id, state=ItemState.PENDING))


def process_items(item_ids: list[int]) -> None:
    """Import each pending item of the batch, then split the articles they brought in together.

    Pages are fetched (all of the batch's at once) and files read first, outside any transaction;
    then the batch's articles are saved and every item's outcome recorded in one transaction, and
    the articles are split.
    """
    items = _take_pending(item_ids)
    known = {a.url: a for a in Article.objects.filter(url__in={item.url for item in items if item.url})}
    pages = _fetch_new_links([item.url for item in items if item.url and item.url not in known])
    drafts = {}
    for item in items:
        with _outcome(item):
            drafts[item] = _read(item, known, pages)
    with transaction.atomic():
        for item, saved in zip(drafts, save_articles(list(drafts.values()))):
            with _outcome(item):
                if isinstance(saved, Exception):
                    raise saved
                _finish(item, ItemState.DONE, article=saved)
        _save_outcomes(items)
    # Articles of this batch not split yet, including those of an earlier delivery that a worker
    # died in the middle of (its items are done). Splitting an article twice leaves one set of
    # claims, so nothing else needs to know who else might be splitting it.
    unsplit = list(
        ImportItem.objects.filter(pk__in=item_ids, state=ItemState.DONE, article__state__in=AWAITING_SPLIT)
        .values_list("article_id", flat=True).distinct()
    )
    try:
        split_articles(unsplit)
    except SplitFailed:
        pass  # each failed article is FAILED with its reason and a retry button; the imports stand


def _take_pending(item_ids: list[int]) -> list[ImportItem]:
    with transaction.atomic():
        # skip_locked: an item another worker holds right now is that worker's (a redelivery race).
        items = list(
            ImportItem.objects.select_for_update(of=("self",), skip_locked=True)
            .select_related("job", "job__created_by", "job__topic")
            .filter(pk__in=item_ids, state=ItemState.PENDING)
            .order_by("position")
        )
        ImportItem.objects.filter(pk__in=[i.pk for i in items]).update(attempts=F("attempts") + 1, updated_at=timezone.now())
    users = {}
    for item in items:  # one user object per person, so their roles are read once per batch
        item.job.created_by = users.setdefault(item.job.created_by_id, item.job.created_by)
    return items


@contextmanager
def _outcome(item: ImportItem):
    """Whatever goes wrong with one item is stored on it with a reason; the batch goes on."""
    try:
        yield
    except DuplicateArticle as duplicate:
        _finish(item, ItemState.DONE, article=duplicate.existing, note=ALREADY_IMPORTED)
    except (FetchError, ParseError) as exc:
        _finish(item, ItemState.FAILED, error=str(exc))
    except ValidationError as exc:
        _finish(item, ItemState.FAILED, error=" ".join(exc.messages))
    except PermissionDenied as exc:  # whoever started the job may have lost the editor role since
        _finish(item, ItemState.FAILED, error=str(exc))
    except Exception as exc:  # a parser or network library failing in a way we did not foresee
        log.exception("Import item %s failed", item.pk)
        _finish(item, ItemState.FAILED, error=f"Unexpected error: {exc.__class__.__name__}. The team has been told.")


def _finish(item: ImportItem, state: str, *, article=None, error: str = "", note: str = "") -> None:
    """Set the item's outcome; process_items saves the batch's outcomes together."""
    # Reasons can quote what a parser or a site said: cleaned, as they are shown and exported.
    item.state, item.article, item.error, item.note = state, article, clean_plain_text(error)[:2000], note
    item.updated_at = timezone.now()


def _save_outcomes(items: list[ImportItem]) -> None:
    # One statement run for every item: Django's bulk_update builds a CASE per item and field,
    # which cost more than saving the batch's articles.
    quote = connection.ops.quote_name
    table, fields = ImportItem._meta.db_table, ["state", "article_id", "error", "note", "updated_at"]
    assignments = ", ".join(f"{quote(field)} = %s" for field in fields)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {quote(table)} SET {assignments} WHERE {quote('id')} = %s",
            [
                [item.state, item.article_id, item.error, item.note, connection.ops.adapt_datetimefield_value(item.updated_at), item.pk]
                for item in items
            ],
        )


def _fetch_new_links(urls: list[str]) -> dict:
    """Each link's page, or the error that stopped its fetch. Fetching is mostly waiting on other
    sites, so a batch's links are fetched at the same time (the fetcher holds no shared state)."""
    urls = list(dict.fromkeys(urls))
    if not urls:
        return {}
    with ThreadPoolExecutor(max_workers=min(len(urls), settings.IMPORT_DOCUMENT_BATCH_SIZE)) as pool:
        return dict(zip(urls, pool.map(_page_or_error, urls)))


def _page_or_error(url: str):
    try:
        return fetch(url)
    except Exception as exc:  # raised again for its own item, which fails with the reason
        return exc


def _read(item: ImportItem, known: dict, pages: dict) -> ArticleDraft:
    """The item's article, ready to be saved: from its page (fetched already), file or text."""
    job = item.job
    common = {"imported_by": job.created_by, "topic": NO_TOPIC if job.no_topic else job.topic, "published_on": item.published_on}
    if item.url:
        if item.url in known:
            raise DuplicateArticle(known[item.url])
        page = pages[item.url]
        if isinstance(page, Exception):
            raise page
        parsed = article_from_html(page.text(), page.url)
        return ArticleDraft(**{
            **common, "title": item.title or parsed.title, "raw_text": page.text(), "extracted_text": parsed.text,
            "url": item.url, "outlet": _outlet_for(item.url), "published_on": item.published_on or parsed.published_on,
        })
    if item.filename:
        data = bytes(item.data or b"")
        parsed = article_from_upload(item.filename, data)
        binary = item.filename.lower().endswith((".pdf", ".docx"))
        return ArticleDraft(**{
            **common, "title": item.title or parsed.title, "raw_text": "" if binary else parsed.source,
            "extracted_text": parsed.text, "raw_file": data if binary else None,
        })
    return ArticleDraft(**common, title=item.title, raw_text=item.text)


def _outlet_for(url: str):
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return Outlet.objects.filter(domain__iexact=host).first() if host else None


def retry_item(*, item: ImportItem, user) -> ImportItem:
    permissions.require(permissions.can_import_articles(user), "Only editors can retry imports.")
    if item.state != ItemState.FAILED:
        raise ValidationError("Only failed items can be retried.")
    if item.job.channel == ImportChannel.BULK and not (item.url or item.text):
        raise ValidationError("This row has nothing to import; fix the spreadsheet and import it again.")
    if problem := item_problem(item):
        raise ValidationError(f"{problem} Fix it where it came from and import it again.")
    ImportItem.objects.filter(pk=item.pk).update(state=ItemState.PENDING, error="", updated_at=timezone.now())
    transaction.on_commit(lambda: enqueue([[item.pk]]))
    item.refresh_from_db()
    return item


def requeue_stalled(*, older_than: datetime.timedelta = STALLED_AFTER) -> int:
    """Hand work the broker never received (it was down) to the workers again."""
    cutoff = timezone.now() - older_than
    stalled = batches(ImportItem.objects.filter(state=ItemState.PENDING, updated_at__lt=cutoff))
    sent = [pk for batch in enqueue(stalled) for pk in batch]
    # Items and articles are stamped as sent now: if only a long queue delays them, the next sweeps
    # leave them alone for another STALLED_AFTER instead of queueing them again every minute.
    ImportItem.objects.filter(pk__in=sent, state=ItemState.PENDING).update(updated_at=timezone.now())
    resent = []
    for article_id in Article.objects.filter(state=ArticleState.QUEUED, queued_at__lt=cutoff).values_list("pk", flat=True):
        if not enqueue_split(article_id):
            break  # the broker is still down: the rest wait for the next sweep
        resent.append(article_id)
    Article.objects.filter(pk__in=resent, state=ArticleState.QUEUED).update(queued_at=timezone.now())
    return len(sent) + len(resent)


def job_progress(job: ImportJob) -> dict:
    counts = job.items.aggregate(
        total=Count("id"),
        done=Count("id", filter=Q(state=ItemState.DONE)),
        failed=Count("id", filter=Q(state=ItemState.FAILED)),
        pending=Count("id", filter=Q(state=ItemState.PENDING)),
    )
    counts["percent"] = round(100 * (counts["done"] + counts["failed"]) / counts["total"]) if counts["total"] else 100
    return counts
