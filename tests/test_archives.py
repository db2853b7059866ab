"""Reading an archived copy's address: which archive, and when the snapshot was taken."""
import datetime

import pytest

from claims.archives import archived_copy

UTC = datetime.UTC


@pytest.mark.parametrize("url, archive, taken", [
    ("https://web.archive.org/web/20240305101010/https://x.example/a", "the Internet Archive",
     datetime.datetime(2024, 3, 5, 10, 10, 10, tzinfo=UTC)),
    ("http://web.archive.org/web/20240305id_/http://x.example/a", "the Internet Archive",
     datetime.datetime(2024, 3, 5, tzinfo=UTC)),
    ("https://archive.ph/2024.03.05-101010/https://x.example/a", "archive.today",
     datetime.datetime(2024, 3, 5, 10, 10, 10, tzinfo=UTC)),
    ("https://archive.today/20240305101010/https://x.example/a", "archive.today",
     datetime.datetime(2024, 3, 5, 10, 10, 10, tzinfo=UTC)),
])
def test_the_two_big_archives_say_when_the_copy_was_taken(url, archive, taken):
    copy = archived_copy(url)
    assert (copy.url, copy.archive, copy.taken) == (url, archive, taken)


@pytest.mark.parametrize("url", [
    "https://archive.ph/AbCd1",  # the short form names no moment
    "https://web.archive.org/web/2024/https://x.example/a",  # "nearest to 2024", not a day
    "https://web.archive.org/web/20241399000000/https://x.example/a",  # month 13
    "https://web.archive.org/web/20230230000000/https://x.example/a",  # 30 February
    "https://web.archive.org/web/00000000000000/https://x.example/a",  # year 0
    "https://web.archive.org/web/*/https://x.example/a",  # the calendar, not a copy
])
def test_an_address_that_names_no_real_moment_gives_no_date(url):
    copy = archived_copy(url)
    assert copy.taken is None and copy.url == url


def test_another_archive_is_named_by_its_host_with_no_date():
    copy = archived_copy("https://www.perma.cc/ABC-DEF")
    assert (copy.archive, copy.taken) == ("perma.cc", None)


@pytest.mark.parametrize("url", ["http://[::1", "not a url at all", "https://"])
def test_a_malformed_address_kept_from_before_never_raises(url):
    copy = archived_copy(url)
    assert copy.url == url and copy.taken is None and copy.archive


def test_no_address_is_no_archived_copy():
    assert archived_copy("") is None
