"""Odd and hostile text arriving by spreadsheet rows, files, pages and feeds: a row that breaks the
input rule fails alone with its reason, text a parser read is cleaned, and nothing reaches the
database that it cannot hold (on PostgreSQL a NUL would raise DataError)."""
import csv
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.models import Article, Feed, FeedEntry, ImportItem, ItemState
from claims.services import feeds, imports
from tests.pages import PageHandler, _send

from ..factories import OutletFactory
from ..test_input_rules import texts

GOOD = "The water board said the dam held overnight and levels fell by two metres on Tuesday."


def _jsonl(*records) -> bytes:
    return "\n".join(json.dumps(record) for record in records).encode()


def _import(editor, capture, filename, data):
    with capture(execute=True):
        job = imports.import_spreadsheet(filename=filename, data=data, user=editor)
    return {item.position: item for item in ImportItem.objects.filter(job=job)}


@pytest.mark.django_db
def test_editor_sees_why_a_row_with_a_nul_was_refused_and_the_other_rows_are_imported(editor, django_capture_on_commit_callbacks):
    items = _import(editor, django_capture_on_commit_callbacks, "day.jsonl", _jsonl(
        {"title": "Dam", "text": GOOD},
        {"title": "Port", "text": "The port said 31 ships\u0000 waited at anchor outside the harbour on Monday."},
        {"title": "Minister\u0000", "text": GOOD.replace("dam", "weir")},
        {"text": "\ud800 said the minister, who added that the bridge would open in March."},
    ))
    assert items[1].state == ItemState.DONE and items[1].article.title == "Dam"
    assert items[2].state == ItemState.FAILED and items[2].error.startswith("Text: Remove the control character U+0000 (NUL)")
    assert items[3].state == ItemState.FAILED and items[3].error.startswith("Title: Remove the control character U+0000")
    assert items[4].state == ItemState.FAILED and "lone surrogate U+D800" in items[4].error
    assert Article.objects.count() == 1
    assert items[2].text == "" and items[3].title == ""  # what the database cannot hold is not kept


@pytest.mark.django_db
def test_a_row_too_short_to_be_an_article_or_with_a_broken_link_fails_with_its_reason(editor, django_capture_on_commit_callbacks):
    rows = io.StringIO()
    csv.writer(rows).writerows([["title", "text", "url"], ["Zero", "0", ""], ["Bracket", "", "http://["],
                                ["Form feed", "Council\x0cminutes " + GOOD, ""]])
    items = _import(editor, django_capture_on_commit_callbacks, "day.csv", rows.getvalue().encode())
    assert items[1].state == ItemState.FAILED and "too short to be an article" in items[1].error
    assert items[2].state == ItemState.FAILED and items[2].error == "Link: Enter a web address starting with http:// or https://."
    assert items[3].state == ItemState.FAILED and "U+000C (form feed)" in items[3].error
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_a_refused_row_cannot_be_retried_until_the_spreadsheet_is_fixed(editor, django_capture_on_commit_callbacks):
    items = _import(editor, django_capture_on_commit_callbacks, "day.jsonl", _jsonl({"url": "http://["}, {"text": "7"}))
    for item in items.values():
        with pytest.raises(ValidationError, match="Fix it where it came from"):
            imports.retry_item(item=item, user=editor)
        item.refresh_from_db()
        assert item.state == ItemState.FAILED


@pytest.mark.django_db
def test_an_uploaded_text_file_with_stray_nuls_is_imported_cleaned(editor, django_capture_on_commit_callbacks):
    data = ("Ferry strike\n\n" + GOOD.replace("dam", "ferry\x00 dam") + "\x0cPage two.").encode()
    with django_capture_on_commit_callbacks(execute=True):
        job = imports.import_files(files=[("ferry\x1b.txt", data)], user=editor)
    item = ImportItem.objects.get(job=job)
    assert item.state == ItemState.DONE, item.error
    assert item.filename == "ferry.txt" and job.label == "ferry.txt"
    assert "\x00" not in item.article.body and "ferry dam" in item.article.body
    assert item.article.raw_input.endswith("metres on Tuesday.\nPage two.")


@pytest.mark.django_db
def test_a_fetched_page_with_nuls_and_controls_is_imported_cleaned(editor, pages, monkeypatch, django_capture_on_commit_callbacks):
    html = ("<html><head><title>Harbour\x00 strike</title></head><body><article><h1>Harbour strike</h1>"
            "<p>The dock workers' union\x00 said 4,200 members stayed away from the harbour on Tuesday, the second day.</p>"
            "<p>The operator\x1b said fewer than 1,500 employees were absent and that two ships had been unloaded.</p>"
            "</article></body></html>")
    monkeypatch.setitem(PageHandler.routes, "/nul-page", lambda h: _send(h, html.encode()))
    with django_capture_on_commit_callbacks(execute=True):
        job = imports.import_links(urls=[pages.url("/nul-page")], user=editor)
    item = ImportItem.objects.get(job=job)
    assert item.state == ItemState.DONE, item.error
    article = item.article
    assert "union said 4,200" in article.body and "\x00" not in article.raw_input and "\x1b" not in article.raw_input


@pytest.mark.django_db
def test_a_feed_whose_links_hold_control_characters_is_read_and_each_link_stored(editor, pages, monkeypatch):
    base = pages.url("")
    body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
            f"<item><link>{base}/article\x00x</link></item><item><link>{base}/other&#1;-article&#1;</link></item>"
            f"<item><link>http://[</link></item></channel></rss>").encode()
    monkeypatch.setitem(PageHandler.routes, "/nul-feed.xml", lambda h: _send(h, body, content_type="application/rss+xml"))
    feed = Feed.objects.create(outlet=OutletFactory(), url=pages.url("/nul-feed.xml"), added_by=editor)
    assert feeds.poll_feed(feed.pk) == 2
    assert set(FeedEntry.objects.values_list("link", flat=True)) == {f"{base}/article%00x", f"{base}/other%01-article"}
    feed.refresh_from_db()
    assert "entry 3" in feed.last_error and "http://[" in feed.last_error  # reported, not lost
    assert feeds.poll_feed(feed.pk) == 0  # each link once


cells = st.one_of(texts, texts.map(lambda t: GOOD + t), st.sampled_from(["http://[", "https://news.example/a\x00", "0"]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.fixed_dictionaries({}, optional={"text": cells, "title": texts, "url": cells}), min_size=1, max_size=5),
       as_csv=st.booleans())
@pytest.mark.django_db
def test_any_spreadsheet_row_is_kept_with_a_state_and_never_breaks_the_import(editor, rows, as_csv):
    if as_csv:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=["title", "text", "url"])
        writer.writeheader()
        writer.writerows([{k: v.replace("\ud800", "").encode("utf-8", "ignore").decode() for k, v in row.items()} for row in rows])
        data = out.getvalue().encode("utf-8", "surrogatepass")
    else:
        data = _jsonl(*rows)
    with transaction.atomic():
        try:
            job = imports.import_spreadsheet(filename="rows.csv" if as_csv else "rows.jsonl", data=data, user=editor)
        except ValidationError as exc:  # the file as a whole cannot be read: said so, nothing saved
            assert exc.messages[0] and not ImportItem.objects.exists()
        else:
            items = list(ImportItem.objects.filter(job=job))
            assert all(item.state == ItemState.PENDING or item.error for item in items)
            imports.process_items([item.pk for item in items if item.state == ItemState.PENDING])
            for item in ImportItem.objects.filter(job=job):
                assert item.state in (ItemState.DONE, ItemState.FAILED) and (item.article_id or item.error)
                assert "Unexpected error" not in item.error
        transaction.set_rollback(True)
