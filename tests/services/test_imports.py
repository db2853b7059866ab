"""Import jobs: every item imported once, every failure kept with its reason, nothing lost."""
import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from claims.models import Article, ArticleState, Claim, ImportItem, ItemState
from claims.services import imports
from factcheck.celery import app as celery_app

from ..factories import OutletFactory


def run(job_factory, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = job_factory()
    return job, {item.position: item for item in ImportItem.objects.filter(job=job)}


@pytest.mark.django_db
def test_links_become_articles_with_the_page_kept_as_raw_input(editor, pages, django_capture_on_commit_callbacks):
    OutletFactory(name="Local Harbour News", domain="127.0.0.1")
    job, items = run(lambda: imports.import_links(urls=[pages.url("/article")], user=editor), django_capture_on_commit_callbacks)
    article = items[1].article
    assert items[1].state == ItemState.DONE
    assert article.title == "Harbour strike enters second day" and article.url == pages.url("/article")
    assert "<script>" in article.raw_input and "<script>" not in article.body
    assert article.outlet.name == "Local Harbour News" and str(article.published_on) == "2024-06-12"
    assert article.state == ArticleState.READY and article.claims.exists()


@pytest.mark.django_db
def test_the_same_link_twice_is_one_article(editor, pages, django_capture_on_commit_callbacks):
    url = pages.url("/article")
    run(lambda: imports.import_links(urls=[url], user=editor), django_capture_on_commit_callbacks)
    _, items = run(lambda: imports.import_links(urls=[url], user=editor), django_capture_on_commit_callbacks)
    assert Article.objects.count() == 1
    assert items[1].state == ItemState.DONE and "Already imported" in items[1].note


@pytest.mark.django_db
def test_the_same_text_at_another_link_is_one_article(editor, pages, django_capture_on_commit_callbacks):
    run(lambda: imports.import_links(urls=[pages.url("/article"), pages.url("/same-text")], user=editor), django_capture_on_commit_callbacks)
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_a_failed_link_keeps_its_reason_and_the_rest_goes_on(editor, pages, django_capture_on_commit_callbacks):
    urls = [pages.url("/nowhere"), pages.url("/to-private"), pages.url("/empty"), pages.url("/article")]
    _, items = run(lambda: imports.import_links(urls=urls, user=editor), django_capture_on_commit_callbacks)
    assert [items[i].state for i in (1, 2, 3, 4)] == ["failed", "failed", "failed", "done"]
    assert "404" in items[1].error and "not a public internet address" in items[2].error
    assert "No article text" in items[3].error


@pytest.mark.django_db
def test_a_batch_of_links_is_fetched_at_the_same_time(editor, pages, settings, django_capture_on_commit_callbacks):
    """Each of these pages answers only while the other is being fetched too."""
    settings.IMPORT_DOCUMENT_BATCH_SIZE, settings.FETCH_TIMEOUT = 2, 10
    urls = [pages.url("/together-1"), pages.url("/together-2")]
    _, items = run(lambda: imports.import_links(urls=urls, user=editor), django_capture_on_commit_callbacks)
    assert [items[1].state, items[2].state] == [ItemState.DONE, ItemState.DONE]
    assert Article.objects.count() == 2


@pytest.mark.django_db
def test_the_same_link_twice_in_one_spreadsheet_is_fetched_once_and_is_one_article(editor, pages, django_capture_on_commit_callbacks):
    url = pages.url("/article")
    data = f"url\n{url}\n{url}\n".encode()
    _, items = run(lambda: imports.import_spreadsheet(filename="day.csv", data=data, user=editor), django_capture_on_commit_callbacks)
    assert Article.objects.count() == 1 and len(pages.server.seen_hosts) == 1
    assert items[1].state == items[2].state == ItemState.DONE
    assert items[2].article_id == items[1].article_id and items[2].note == imports.ALREADY_IMPORTED


@pytest.mark.django_db
def test_processing_an_item_twice_leaves_one_article(editor, pages, django_capture_on_commit_callbacks):
    _, items = run(lambda: imports.import_links(urls=[pages.url("/article")], user=editor), django_capture_on_commit_callbacks)
    ImportItem.objects.filter(pk=items[1].pk).update(state=ItemState.PENDING)  # as if redelivered mid-way
    imports.process_items([items[1].pk])
    imports.process_items([items[1].pk])
    assert Article.objects.count() == 1 and ImportItem.objects.get(pk=items[1].pk).state == ItemState.DONE


@pytest.mark.django_db
def test_a_batch_redelivered_after_a_worker_died_splits_what_the_first_run_saved(editor, monkeypatch):
    rows = "text\n" + "\n".join(f"The port authority said {n} ferries sailed from the north quay on Friday." for n in (11, 12, 13))
    job = imports.import_spreadsheet(filename="day.csv", data=rows.encode(), user=editor)
    ids = list(job.items.order_by("position").values_list("pk", flat=True))

    class WorkerKilled(BaseException):
        pass

    def killed(article_ids):
        raise WorkerKilled  # the first delivery dies after saving its articles, before splitting

    monkeypatch.setattr(imports, "split_articles", killed)
    with pytest.raises(WorkerKilled):
        imports.process_items(ids)
    assert Article.objects.filter(state=ArticleState.QUEUED).count() == 3
    monkeypatch.undo()

    imports.process_items(ids)  # the broker delivers the batch again

    assert Article.objects.count() == 3
    assert set(Article.objects.values_list("state", flat=True)) == {ArticleState.READY}
    assert Claim.objects.count() == 3


@pytest.mark.django_db
def test_one_article_that_breaks_the_engine_fails_alone(editor, monkeypatch, django_capture_on_commit_callbacks):
    from claims import extraction

    real = extraction.engine._analyse

    def fragile(doc, article, prepared):
        if "poison" in article.text:
            raise RuntimeError("the parser choked")
        return real(doc, article, prepared)

    monkeypatch.setattr(extraction.engine, "_analyse", fragile)
    rows = "text\nThe mayor said 40 buses ran on Sunday.\nThe poison report said 9 wells were closed.\nThe council said 7 bridges reopened.\n"
    with django_capture_on_commit_callbacks(execute=True):
        job = imports.import_spreadsheet(filename="day.csv", data=rows.encode(), user=editor)
    states = dict(Article.objects.values_list("title", "state"))
    assert sorted(states.values()) == [ArticleState.FAILED, ArticleState.READY, ArticleState.READY]
    failed = Article.objects.get(state=ArticleState.FAILED)
    assert "poison" in failed.body and "the parser choked" in failed.error
    # The import itself went through: every item is done and links to its article.
    assert set(job.items.values_list("state", flat=True)) == {ItemState.DONE}


@pytest.mark.django_db
def test_a_failed_item_is_retried(editor, pages, settings, django_capture_on_commit_callbacks):
    settings.FETCH_ALLOWED_NETWORKS = []
    _, items = run(lambda: imports.import_links(urls=[pages.url("/article")], user=editor), django_capture_on_commit_callbacks)
    assert items[1].state == ItemState.FAILED
    settings.FETCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    with django_capture_on_commit_callbacks(execute=True):
        imports.retry_item(item=items[1], user=editor)
    assert ImportItem.objects.get(pk=items[1].pk).state == ItemState.DONE


@pytest.mark.django_db
def test_only_failed_items_can_be_retried(editor, pages, django_capture_on_commit_callbacks):
    _, items = run(lambda: imports.import_links(urls=[pages.url("/article")], user=editor), django_capture_on_commit_callbacks)
    with pytest.raises(ValidationError):
        imports.retry_item(item=items[1], user=editor)


@pytest.mark.django_db
def test_a_spreadsheet_imports_text_rows_and_keeps_bad_rows_as_failures(editor, django_capture_on_commit_callbacks):
    data = (
        b"title,text,published_on\n"
        b"Dam,The water board said the dam held overnight and levels fell by two metres.,2024-05-01\n"
        b"Empty,,\n"
    )
    _, items = run(lambda: imports.import_spreadsheet(filename="day.csv", data=data, user=editor), django_capture_on_commit_callbacks)
    assert items[1].state == ItemState.DONE and items[1].article.title == "Dam"
    assert items[2].state == ItemState.FAILED and "neither text nor url" in items[2].error


@pytest.mark.django_db
def test_an_unreadable_spreadsheet_is_refused_whole(editor):
    with pytest.raises(ValidationError, match="needs a 'text' or a 'url' column"):
        imports.import_spreadsheet(filename="day.csv", data=b"a,b\n1,2\n", user=editor)
    assert not ImportItem.objects.exists()


@pytest.mark.django_db
def test_uploaded_files_keep_their_bytes(editor, django_capture_on_commit_callbacks):
    from ..test_documents import make_pdf

    pdf = make_pdf("The regional council said the new bridge would open in March next year")
    _, items = run(lambda: imports.import_files(files=[("bridge.pdf", pdf), ("bad.docx", b"junk")], user=editor),
                   django_capture_on_commit_callbacks)
    assert items[1].state == ItemState.DONE, items[1].error
    assert bytes(items[1].article.raw_file) == pdf
    assert items[2].state == ItemState.FAILED and "damaged" in items[2].error


@pytest.mark.django_db
def test_reviewers_cannot_start_imports(reviewer):
    with pytest.raises(PermissionDenied):
        imports.import_links(urls=["https://news.example/a"], user=reviewer)


@pytest.mark.django_db
def test_with_the_broker_down_work_is_kept_and_the_sweep_sends_it_later(editor, pages, django_capture_on_commit_callbacks):
    """The broker points at a dead port: the job and the pasted article are saved and wait;
    once the broker is back the periodic sweep hands them to the workers."""
    from claims.services.articles import import_article

    conf = celery_app.conf
    saved = (conf.broker_url, conf.task_always_eager, conf.broker_transport_options, conf.task_publish_retry)
    conf.broker_url, conf.task_always_eager, conf.task_publish_retry = "redis://127.0.0.1:9/0", False, False
    conf.broker_transport_options = {"max_retries": 0}
    celery_app._pool = None  # connect afresh, to the dead port
    try:
        with django_capture_on_commit_callbacks(execute=True):
            job = imports.import_links(urls=[pages.url("/article")], user=editor)
            pasted = import_article(title="Pasted", raw_text="The mayor said the ferry will run again from Friday, 9 May.", imported_by=editor)
    finally:
        conf.broker_url, conf.task_always_eager, conf.broker_transport_options, conf.task_publish_retry = saved
        celery_app._pool = None
    item = job.items.get()
    assert item.state == ItemState.PENDING and Article.objects.get(pk=pasted.pk).state == ArticleState.QUEUED

    long_ago = timezone.now() - datetime.timedelta(hours=1)
    ImportItem.objects.filter(pk=item.pk).update(updated_at=long_ago)
    Article.objects.filter(pk=pasted.pk).update(queued_at=long_ago)
    assert imports.requeue_stalled() == 2  # broker back (eager here): the sweep sends both
    assert ImportItem.objects.get(pk=item.pk).state == ItemState.DONE
    assert Article.objects.get(pk=pasted.pk).state == ArticleState.READY


def _spreadsheet(editor, *texts):
    rows = "text\n" + "\n".join(texts)
    job = imports.import_spreadsheet(filename="day.csv", data=rows.encode(), user=editor)
    return job, list(job.items.order_by("position").values_list("pk", flat=True))


@pytest.mark.django_db
def test_the_same_text_twice_in_one_batch_is_one_article(editor):
    text = "The harbour master said 14 trawlers stayed in port on Monday."
    job, ids = _spreadsheet(editor, text, "The coastguard said two crews were rescued overnight.", "  " + text)
    imports.process_items(ids)
    items = list(job.items.order_by("position"))
    assert Article.objects.count() == 2
    assert [item.state for item in items] == [ItemState.DONE] * 3
    assert items[2].article_id == items[0].article_id and items[2].note == imports.ALREADY_IMPORTED


@pytest.mark.django_db
def test_an_article_saved_elsewhere_during_the_batch_is_linked_and_the_rest_saved(editor, monkeypatch):
    """Another worker saves one of the texts between this batch's check and its insert."""
    from claims.services import articles

    first = "The water board said the reservoir was 61 percent full."
    job, ids = _spreadsheet(editor, first, "The fire service said 3 crews were on standby.")
    checked = articles._already_imported

    def raced(found):
        found = list(found)
        answer = checked(found)
        if len(found) > 1:  # the batch's check: the other worker's insert lands right after it
            articles.import_article(title="Elsewhere", raw_text=first, imported_by=editor)
        return answer

    monkeypatch.setattr(articles, "_already_imported", raced)
    imports.process_items(ids)

    items = list(job.items.order_by("position"))
    assert Article.objects.count() == 2
    assert items[0].state == ItemState.DONE and items[0].article.title == "Elsewhere"
    assert items[0].note == imports.ALREADY_IMPORTED
    assert items[1].state == ItemState.DONE and "fire service" in items[1].article.body


@pytest.mark.django_db
def test_an_editor_who_lost_the_role_since_starting_the_job_gets_a_reason(editor):
    job, ids = _spreadsheet(editor, "The council said the library reopens on 2 June.")
    editor.groups.clear()
    imports.process_items(ids)
    item = job.items.get()
    assert item.state == ItemState.FAILED and item.error == "Only editors can import articles."
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_a_batch_is_saved_with_the_same_queries_whatever_its_size(editor, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr(imports, "split_articles", lambda ids: None)  # the split has its own test

    def queries(count):
        _, ids = _spreadsheet(editor, *(f"The port said {count * 100 + n} containers left on day {n}." for n in range(count)))
        with CaptureQueriesContext(connection) as captured:
            imports.process_items(ids)
        return len(captured)

    assert queries(2) == queries(12)


@pytest.mark.django_db
def test_workers_take_texts_in_large_batches_and_links_in_small_ones(editor, settings, monkeypatch):
    """A day's spreadsheet mixes rows with text and rows with a link: the texts are parsed many at
    a time, while links, which mostly wait on other sites, are shared out a few at a time."""
    from claims import tasks

    settings.IMPORT_BATCH_SIZE, settings.IMPORT_DOCUMENT_BATCH_SIZE = 3, 2
    rows = ["text,url"] + [
        f"The ferry operator said {n} sailings ran on day {n}.," if n % 3 else f",https://news.example/{n}"
        for n in range(1, 11)
    ]
    job = imports.import_spreadsheet(filename="day.csv", data="\n".join(rows).encode(), user=editor)
    position = dict(job.items.values_list("pk", "position"))
    sent = []
    monkeypatch.setattr(tasks.process_import_items_task, "delay", sent.append)

    assert tasks.dispatch_job_task(job.pk) == 10
    assert [[position[pk] for pk in batch] for batch in sent] == [[1, 2, 4], [3, 6], [5, 7, 8], [10], [9]]


@pytest.mark.django_db
def test_uploaded_files_are_shared_out_a_few_at_a_time(editor, settings):
    """A PDF can hold megabytes and take seconds to read: files go in small batches too."""
    settings.IMPORT_BATCH_SIZE, settings.IMPORT_DOCUMENT_BATCH_SIZE = 10, 2
    files = [(f"note-{n}.txt", f"The council said {n} roads were closed.".encode()) for n in range(1, 6)]
    job = imports.import_files(files=files, user=editor)
    position = dict(job.items.values_list("pk", "position"))
    assert [[position[pk] for pk in batch] for batch in imports.pending_batches(job.pk)] == [[1, 2], [3, 4], [5]]


@pytest.mark.django_db
def test_only_pending_items_are_sent_to_workers_again(editor, settings):
    settings.IMPORT_BATCH_SIZE = 10
    job, ids = _spreadsheet(editor, *(f"The zoo said {n} penguins hatched this spring." for n in range(1, 5)))
    ImportItem.objects.filter(pk__in=ids[:2]).update(state=ItemState.DONE)
    ImportItem.objects.filter(pk=ids[2]).update(state=ItemState.FAILED, error="Broken row")
    assert imports.pending_batches(job.pk) == [[ids[3]]]


@pytest.mark.django_db
def test_the_sweep_sends_stalled_items_again_once_not_every_minute(editor, monkeypatch):
    """A long queue, not a lost message, is what delays these items: one more send is enough."""
    from claims import tasks

    _, ids = _spreadsheet(editor, "The lighthouse keeper said the lamp failed twice in May.")
    ImportItem.objects.filter(pk__in=ids).update(updated_at=timezone.now() - datetime.timedelta(hours=1))
    sent = []
    monkeypatch.setattr(tasks.process_import_items_task, "delay", sent.append)

    assert imports.requeue_stalled() == 1
    assert imports.requeue_stalled() == 0
    assert sent == [ids]


@pytest.mark.django_db
def test_items_the_broker_refused_again_are_tried_by_the_next_sweep(editor, monkeypatch):
    from claims import tasks

    _, ids = _spreadsheet(editor, "The lighthouse keeper said the lamp failed twice in May.")
    ImportItem.objects.filter(pk__in=ids).update(updated_at=timezone.now() - datetime.timedelta(hours=1))

    def refuse(batch):
        raise ConnectionError("broker unreachable")

    monkeypatch.setattr(tasks.process_import_items_task, "delay", refuse)
    assert imports.requeue_stalled() == 0
    sent = []
    monkeypatch.setattr(tasks.process_import_items_task, "delay", sent.append)
    assert imports.requeue_stalled() == 1 and sent == [ids]


@pytest.mark.django_db
def test_the_sweep_sends_a_waiting_pasted_article_again_once_not_every_minute(editor, monkeypatch):
    from claims import tasks
    from claims.services.articles import import_article

    sent = []
    monkeypatch.setattr(tasks.split_article_task, "delay", sent.append)
    article = import_article(title="Pasted", raw_text="The mayor said the tram will run again from 9 May.", imported_by=editor)
    Article.objects.filter(pk=article.pk).update(queued_at=timezone.now() - datetime.timedelta(hours=1))

    assert imports.requeue_stalled() == 1
    assert imports.requeue_stalled() == 0
    assert sent == [article.pk]
