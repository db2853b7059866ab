"""Feed monitoring: new links are imported once; a broken feed says what is wrong."""
import pytest

from claims.models import Article, Feed, ImportJob
from hypothesis import given, settings as hypothesis_settings, strategies as st

from claims.documents import ParseError
from claims.services.feeds import due_feeds, links_from_feed, poll_feed

from ..factories import OutletFactory


def feed_at(url, editor):
    return Feed.objects.create(outlet=OutletFactory(name="Harbour News"), url=url, added_by=editor)


@pytest.mark.django_db
def test_new_links_in_a_feed_are_imported_once(editor, pages, django_capture_on_commit_callbacks):
    feed = feed_at(pages.url("/feed.xml"), editor)
    with django_capture_on_commit_callbacks(execute=True):
        assert poll_feed(feed.pk) == 3  # the javascript: link is not a web address
    assert Article.objects.count() == 2  # the third link answers 404 and fails on its item
    with django_capture_on_commit_callbacks(execute=True):
        assert poll_feed(feed.pk) == 0
    assert ImportJob.objects.count() == 1 and Article.objects.count() == 2
    feed.refresh_from_db()
    assert feed.last_ok_at and not feed.last_error


@pytest.mark.django_db
def test_a_broken_feed_records_its_problem(editor, pages):
    feed = feed_at(pages.url("/broken-feed.xml"), editor)
    assert poll_feed(feed.pk) == 0
    feed.refresh_from_db()
    assert "could not be read" in feed.last_error and feed.last_ok_at is None
    assert not ImportJob.objects.exists()


@pytest.mark.django_db
def test_a_page_that_is_not_a_feed_is_refused(editor, pages):
    feed = feed_at(pages.url("/html-not-feed"), editor)
    poll_feed(feed.pk)
    feed.refresh_from_db()
    assert "Not a feed: the server sent text/html" in feed.last_error


@pytest.mark.django_db
def test_a_feed_in_the_private_network_is_refused(editor, settings):
    feed = feed_at("http://10.0.0.5/feed.xml", editor)
    poll_feed(feed.pk)
    feed.refresh_from_db()
    assert "not a public internet address" in feed.last_error


@pytest.mark.django_db
def test_only_active_feeds_not_read_recently_are_due(editor, pages):
    fresh = feed_at(pages.url("/feed.xml"), editor)
    paused = Feed.objects.create(outlet=fresh.outlet, url=pages.url("/other.xml"), added_by=editor, active=False)
    assert due_feeds() == [fresh.pk]
    poll_feed(fresh.pk)
    assert due_feeds() == [] and paused.pk not in due_feeds()


@pytest.mark.django_db
def test_editors_see_each_feeds_last_read_and_problem(editor_client, editor, pages):
    feed = feed_at(pages.url("/broken-feed.xml"), editor)
    poll_feed(feed.pk)
    page = editor_client.get("/imports/").content.decode()
    assert "Harbour News" in page and "could not be read" in page
    assert "<title>Imports · Fact-checking workbench</title>" in page and page.count("Monitored feeds") == 1


@hypothesis_settings(max_examples=60, deadline=None)
@given(body=st.binary(max_size=2000))
def test_random_bytes_never_crash_the_feed_reader(body):
    try:
        links = links_from_feed(body)
    except ParseError:
        return
    assert all(link.startswith(("http://", "https://")) for link in links)
