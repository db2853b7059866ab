"""The import path with a real Celery worker on Redis and PostgreSQL, as a newsroom runs it."""
import time

import pytest
from django.urls import reverse

from claims.models import Article, ArticleState
from factcheck.celery import app as celery_app

from .conftest import HAS_BROKER, ON_POSTGRES

pytestmark = [
    pytest.mark.real_worker,
    # A worker thread only sees committed rows; serialized rollback restores the roles afterwards.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not HAS_BROKER, reason="needs a Redis broker: set REDIS_URL"),
    pytest.mark.skipif(not ON_POSTGRES, reason="needs PostgreSQL (a worker thread cannot share SQLite's test database)"),
]

TEXT = "The ferry operator said all crossings to the island were cancelled on Friday because of the storm."


@pytest.fixture
def worker():
    from celery.contrib.testing.worker import start_worker

    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10) as running:
        yield running


def _wait_for(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("the worker did not finish in time")


def _wait_until_done(article_id, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        article = Article.objects.get(pk=article_id)
        if article.state in (ArticleState.READY, ArticleState.FAILED):
            return article
        time.sleep(0.1)
    raise AssertionError(f"article {article_id} still {article.state} after {seconds}s")


def test_worker_splits_an_article_imported_through_the_form(client, editor, worker):
    client.force_login(editor)
    response = client.post(reverse("claims:article_import"), {"title": "Ferries", "text": TEXT})
    assert response.status_code == 302
    article = _wait_until_done(Article.objects.get().pk)
    assert article.state == ArticleState.READY
    assert [(c.speaker, c.text) for c in article.claims.all()] == [
        ("ferry operator", "all crossings to the island were cancelled on Friday because of the storm")
    ]


def test_a_task_delivered_twice_leaves_one_set_of_claims(editor, worker):
    from claims.services.articles import import_article
    from claims.tasks import split_article_task

    article = import_article(title="Ferries", raw_text=TEXT, imported_by=editor)
    _wait_until_done(article.pk)
    # The article waits for its split again (as an editor's retry leaves it) and the broker delivers
    # the message twice (a worker lost its acknowledgement): two runs, one result.
    before = Article.objects.get(pk=article.pk).processed_at
    Article.objects.filter(pk=article.pk).update(state=ArticleState.QUEUED)
    split_article_task.delay(article.pk)
    split_article_task.delay(article.pk)
    _wait_for(lambda: Article.objects.filter(pk=article.pk, processed_at__gt=before, state="ready").exists())
    time.sleep(0.5)  # let the second delivery finish too
    _wait_for(lambda: Article.objects.get(pk=article.pk).state == "ready")
    assert Article.objects.get(pk=article.pk).claims.count() == 1


def test_an_import_item_delivered_twice_leaves_one_article(editor, worker, settings):
    from claims.models import ImportItem
    from claims.services.imports import import_spreadsheet
    from claims.tasks import process_import_items_task

    data = b"text\nThe harbour master said 31 ships waited at anchor outside the port on Monday evening.\n"
    job = import_spreadsheet(filename="day.csv", data=data, user=editor)
    item = job.items.get()
    process_import_items_task.delay([item.pk])
    process_import_items_task.delay([item.pk])
    _wait_for(lambda: ImportItem.objects.get(pk=item.pk).state == "done")
    _wait_for(lambda: Article.objects.filter(state="ready").exists())
    time.sleep(0.5)  # the duplicate delivery, if any, has run
    assert ImportItem.objects.get(pk=item.pk).state == "done"
    assert Article.objects.count() == 1


def _worker_process(extra_env: dict):
    """A real `celery worker` process on the test database, as `make worker` starts one."""
    import os
    import subprocess
    import sys
    from urllib.parse import urlsplit, urlunsplit

    from django.db import connection

    url = urlsplit(os.environ["DATABASE_URL"])
    env = {
        **os.environ,
        "DATABASE_URL": urlunsplit(url._replace(path=f"/{connection.settings_dict['NAME']}")),
        **extra_env,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "factcheck", "worker", "--pool=solo", "--concurrency=1",
         "--loglevel=WARNING", "--without-gossip", "--without-mingle", "--without-heartbeat"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def test_a_worker_killed_in_the_middle_of_a_batch_leaves_one_copy_of_everything(editor, pages):
    import signal

    from claims.models import Claim, ImportItem
    from claims.services.imports import import_spreadsheet

    # One item per batch; the second row's page is held open, so the worker is caught after the
    # first article is saved and split, with the second in hand and the third waiting.
    rows = "\n".join([
        "text,url",
        "The harbour master said 31 ships waited at anchor outside the port on Monday evening.,",
        f",{pages.url('/hold')}",
        "The pilots' union said 12 pilots were on duty during the night shift.,",
    ])
    env = {"IMPORT_BATCH_SIZE": "1", "IMPORT_DOCUMENT_BATCH_SIZE": "1", "CELERY_VISIBILITY_TIMEOUT": "2", "FETCH_ALLOWED_NETWORKS": "127.0.0.1/32", "FETCH_TIMEOUT": "30"}
    celery_app.control.purge()
    first = _worker_process(env)
    try:
        job = import_spreadsheet(filename="night.csv", data=rows.encode(), user=editor)
        assert pages.server.holding.wait(timeout=60), "the worker never reached the held page"
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
    states = dict(job.items.values_list("position", "state"))
    assert states == {1: "done", 2: "pending", 3: "pending"}
    assert Article.objects.get().state == ArticleState.READY

    pages.server.release.set()
    time.sleep(3)  # past the visibility timeout: the broker hands the batch out again
    second = _worker_process(env)
    try:
        _wait_for(lambda: Article.objects.filter(state=ArticleState.READY).count() == 3, seconds=60)
    finally:
        second.terminate()
        second.wait(timeout=30)
    assert set(ImportItem.objects.filter(job=job).values_list("state", flat=True)) == {"done"}
    assert Article.objects.count() == 3
    for article in Article.objects.all():
        spans = list(article.claims.values_list("start", "end"))
        assert spans and len(spans) == len(set(spans))
    assert Claim.objects.count() == sum(a.claims.count() for a in Article.objects.all())
