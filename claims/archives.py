"""What the address of an archived copy says about it: which archive keeps it, and when it was taken.

Evidence keeps the archived copy of a source as a link (Evidence.archived_url), not as a date: a
reader who trusts a fact-check wants to know that the page was saved, and when, before the source
could change. The two big web archives write the moment of the snapshot into the address
(web.archive.org/web/20240305101010/..., archive.ph/2024.03.05-101010/...), so it is read from there;
for any other archive the page says the date is not known rather than guessing one.
"""
import datetime
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

WAYBACK_HOSTS = {"web.archive.org", "wayback.archive.org"}
ARCHIVE_TODAY_HOSTS = {f"archive.{tld}" for tld in ("today", "ph", "is", "li", "vn", "fo", "md")}

# Wayback: /web/<4 to 14 digits, YYYYMMDDhhmmss cut anywhere><optional mode such as id_ or im_>/<url>
_WAYBACK = re.compile(r"^/web/(\d{4,14})(?:[a-z]{2}_)?/")
# archive.today: /YYYY.MM.DD-hhmmss/<url> or /YYYYMMDDhhmmss/<url>
_ARCHIVE_TODAY = re.compile(r"^/(?:(\d{4})\.(\d{2})\.(\d{2})-(\d{2})(\d{2})(\d{2})|(\d{14}))/")


_FIELDS = ((0, 4), (4, 6), (6, 8), (8, 10), (10, 12), (12, 14))


@dataclass(frozen=True)
class ArchivedCopy:
    url: str
    archive: str  # the archive's name, as a reader knows it
    taken: datetime.datetime | None  # when the snapshot was taken (UTC), if its address says so


def archived_copy(url: str) -> ArchivedCopy | None:
    """The archived copy behind an address, or None when there is no address."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # kept before addresses were checked on the way in: show it, name no archive
        return ArchivedCopy(url, "an archive", None)
    host = (parts.hostname or "").removeprefix("www.")
    if host in WAYBACK_HOSTS:
        match = _WAYBACK.match(parts.path)
        return ArchivedCopy(url, "the Internet Archive", _moment(match.group(1)) if match else None)
    if host in ARCHIVE_TODAY_HOSTS:
        match = _ARCHIVE_TODAY.match(parts.path)
        digits = (match.group(7) or "".join(match.groups()[:6])) if match else ""
        return ArchivedCopy(url, "archive.today", _moment(digits) if digits else None)
    return ArchivedCopy(url, host or url, None)


def _moment(digits: str) -> datetime.datetime | None:
    """YYYYMMDDhhmmss as UTC, the time possibly cut short; None when the address names no day (the
    Wayback Machine also takes /web/2024/..., which means "the copy nearest to 2024", not a day) or
    when the digits are no real moment (month 13, 30 February)."""
    if len(digits) < 8:
        return None
    padded = digits[:14].ljust(14, "0")
    try:
        return datetime.datetime(*(int(padded[a:b]) for a, b in _FIELDS), tzinfo=datetime.UTC)
    except ValueError:
        return None
