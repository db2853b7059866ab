"""Feed monitoring: new links are imported once; a broken feed says what is wrong, and so does an
entry that has no usable link."""
import itertools
from urllib.parse import urljoin
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st

from claims.documents import ParseError
from claims.models import Article, Feed, FeedEntry, ImportItem, ImportJob
from claims.services.feeds import due_feeds, poll_feed, read_feed

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
    assert feed.last_ok_at
    assert feed.last_error == "1 entry was not imported: entry 4 (“Bad link”) has a link that is not a web address: “javascript:alert(1)”."


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


@pytest.mark.django_db
def test_relative_links_in_a_feed_are_imported_from_the_feeds_site(editor, pages, django_capture_on_commit_callbacks):
    feed = feed_at(pages.url("/news/relative-feed.xml"), editor)
    with django_capture_on_commit_callbacks(execute=True):
        assert poll_feed(feed.pk) == 2
    assert set(FeedEntry.objects.values_list("link", flat=True)) == {pages.url("/article"), pages.url("/news/other-article")}
    assert Article.objects.count() == 2


@pytest.mark.django_db
def test_editor_sees_which_feed_entries_had_no_usable_link(editor, editor_client, pages):
    feed = feed_at(pages.url("/news/relative-feed.xml"), editor)
    poll_feed(feed.pk)
    feed.refresh_from_db()
    assert feed.last_ok_at and feed.last_error == (
        "3 entries were not imported: entry 3 (“No link at all”) has no link; "
        "entry 4 (“Id only”) has no link (its id “story-1234” is not a web address); "
        "entry 5 (“Bad link”) has a link that is not a web address: “javascript:alert(1)”."
    )
    assert "entry 3 (“No link at all”) has no link" in editor_client.get("/imports/").content.decode()


def test_an_atom_feeds_xml_base_is_followed():
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.example/world/">
    <title>World</title><entry><title>One</title><link href="one-story"/></entry>
    <entry xml:base="/sport/"><title>Two</title><link rel="alternate" href="two-story"/></entry></feed>"""
    read = read_feed(atom, url="https://feeds.example/atom.xml")
    assert read.links == ["https://news.example/world/one-story", "https://news.example/sport/two-story"]


def test_a_feed_in_a_legacy_encoding_named_by_the_server_is_read():
    rss = '<rss version="2.0"><channel><item><title>Grève</title><link>/grève</link></item></channel></rss>'
    read = read_feed(rss.encode("cp1252"), url="https://news.example/rss", charset="windows-1252")
    assert read.links == ["https://news.example/grève"]


def test_a_feed_whose_body_is_a_file_name_is_not_read_from_that_file(tmp_path):
    # feedparser opens a string that looks like a path or a URL; a fetched body is data, never a name.
    local = tmp_path / "local.xml"
    local.write_text('<rss version="2.0"><channel><item><link>https://inside.example/secret</link></item></channel></rss>')
    with pytest.raises(ParseError, match="could not be read"):
        read_feed(str(local).encode(), url="https://news.example/rss")


def test_many_entries_without_links_are_summarised():
    items = "".join(f"<item><title>Story {n}</title></item>" for n in range(1, 9))
    read = read_feed(f'<rss version="2.0"><channel>{items}</channel></rss>'.encode(), url="https://news.example/rss")
    assert read.links == [] and read.problem().startswith("8 entries were not imported: entry 1 (“Story 1”) has no link;")
    assert read.problem().endswith("entry 5 (“Story 5”) has no link; and 3 more.")


# Hypothesis: feeds made of random entries (absolute, relative, junk and missing links, any title),
# then the same with random bytes dropped in.
XML_CHARACTERS = st.characters(exclude_categories=["Cs", "Cc", "Co"], exclude_characters="\ufffe\uffff")  # what XML 1.0 can hold
XML_TEXT = st.text(XML_CHARACTERS, max_size=60)
LINKS = st.one_of(
    st.builds(lambda slug: f"https://news.example/{slug}", st.text(XML_CHARACTERS, min_size=1, max_size=20)),
    st.builds(lambda slug: f"/world/{slug}", st.text(XML_CHARACTERS, max_size=20)),
    st.text(XML_CHARACTERS, max_size=40),
    st.sampled_from(["", "   ", "javascript:alert(1)", "mailto:desk@news.example", "http://[", "ftp://x/y", "//other.example/a"]),
    st.none(),
)


def rss(entries) -> bytes:
    items = "".join(
        f"<item><title>{escape(title)}</title>" + (f"<link>{escape(link)}</link>" if link is not None else "") + "</item>"
        for title, link in entries
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>News</title>{items}</channel></rss>'.encode()


def resolved(base, link):
    try:
        return urljoin(base, as_feedparser_reads(link.strip())) if link and link.strip() else None
    except ValueError:
        return None


def as_feedparser_reads(text):
    # feedparser repairs, in a UTF-8 feed, text that looks like UTF-8 read as Latin-1 ("Â¡" is "¡").
    try:
        return text.encode("iso-8859-1").decode("utf-8")
    except UnicodeError:
        return text


@hypothesis_settings(max_examples=150, deadline=None)
@given(entries=st.lists(st.tuples(XML_TEXT, LINKS), max_size=12))
def test_every_feed_entry_is_imported_or_reported(entries):
    base = "https://feeds.example/rss/all.xml"
    read = read_feed(rss(entries), url=base)
    assert len(read.skipped) <= len(entries)
    for link in read.links:
        assert link.startswith(("http://", "https://")) and link.isprintable() and len(link) <= 2000
    for position, (_title, link) in enumerate(entries, start=1):
        reported = any(reason.startswith(f"entry {position} ") or reason == f"entry {position}" for reason in read.skipped)
        assert reported or resolved(base, link) in read.links, (position, link)
    assert all(reason.isprintable() for reason in read.skipped)


@hypothesis_settings(max_examples=100, deadline=None)
@given(entries=st.lists(st.tuples(XML_TEXT, LINKS), max_size=6), noise=st.binary(min_size=1, max_size=40), at=st.integers(min_value=0))
def test_a_feed_with_odd_bytes_is_read_or_refused_with_a_reason(entries, noise, at):
    body = rss(entries)
    at %= len(body) + 1
    try:
        read = read_feed(body[:at] + noise + body[at:], url="https://feeds.example/rss")
    except ParseError as exc:
        assert str(exc).startswith("The feed could not be read") and str(exc).isprintable()
        return
    assert all(link.startswith(("http://", "https://")) and link.isprintable() for link in read.links)


@hypothesis_settings(max_examples=60, deadline=None)
@given(body=st.binary(max_size=2000))
def test_random_bytes_never_crash_the_feed_reader(body):
    try:
        read = read_feed(body, url="https://feeds.example/rss")
    except ParseError:
        return
    assert all(link.startswith(("http://", "https://")) for link in read.links)


FEED_NUMBERS = itertools.count()


@pytest.mark.django_db
@hypothesis_settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(entries=st.lists(st.tuples(XML_TEXT, LINKS), max_size=8), noise=st.binary(max_size=20))
def test_polling_any_feed_saves_its_new_links_whole_or_says_why(editor, pages, entries, noise):
    number = next(FEED_NUMBERS)
    url = pages.serve(f"/random-feed-{number}.xml", rss(entries) + noise, content_type="application/rss+xml")
    feed = Feed.objects.create(outlet=OutletFactory(name=f"Random News {number}"), url=url, added_by=editor)
    new = poll_feed(feed.pk)
    feed.refresh_from_db()
    assert feed.last_checked_at is not None
    links = set(FeedEntry.objects.filter(feed=feed).values_list("link", flat=True))
    assert len(links) == new
    items = set(ImportItem.objects.filter(job__label__startswith=f"{feed.outlet.name}:", url__in=links).values_list("url", flat=True))
    assert items == links  # each new link is an item of the feed's import job, and nothing else was saved
    if feed.last_ok_at is None:
        assert feed.last_error.startswith("The feed could not be read") and not links
