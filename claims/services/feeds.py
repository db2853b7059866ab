"""Reading outlets' feeds: new links become an import job, each link imported once."""
import datetime
import io
from dataclasses import dataclass, field
from urllib.parse import urljoin

import feedparser
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..documents import ParseError
from ..fetching import FEED_TYPES, FetchError, fetch
from ..input_rules import clean_link, clean_plain_text, require_web_address
from ..models import Feed, FeedEntry, ImportChannel, ImportItem
from . import imports

SKIPPED_SHOWN = 5


def poll_feed(feed_id: int) -> int:
    """Read the feed and import its new links; returns how many were new.

    What went wrong is kept on the feed for the imports page: the feed's own failure, or the
    entries of the last read that had no usable link (reported each read, never dropped silently).
    """
    feed = Feed.objects.select_related("outlet", "added_by", "topic").get(pk=feed_id)
    now = timezone.now()
    try:
        fetched = fetch(feed.url, accept=FEED_TYPES)
        read = read_feed(fetched.body, url=fetched.url, charset=fetched.charset)
    except (FetchError, ParseError) as exc:
        Feed.objects.filter(pk=feed.pk).update(last_checked_at=now, last_error=clean_plain_text(str(exc))[:2000])
        return 0
    links = read.links
    with transaction.atomic():
        seen = set(FeedEntry.objects.filter(feed=feed, link__in=links).values_list("link", flat=True))
        new = [link for link in links if link not in seen]
        FeedEntry.objects.bulk_create([FeedEntry(feed=feed, link=link) for link in new], ignore_conflicts=True)
        if new:
            imports.start(
                channel=ImportChannel.FEED, label=f"{feed.outlet.name}: {len(new)} new from the feed",
                items=[ImportItem(url=link) for link in new], user=feed.added_by, topic=feed.topic,
            )
        Feed.objects.filter(pk=feed.pk).update(last_checked_at=now, last_ok_at=now, last_error=read.problem()[:2000])
    return len(new)


@dataclass
class FeedLinks:
    links: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # one reason per entry that has no usable link

    def problem(self) -> str:
        if not self.skipped:
            return ""
        shown = "; ".join(self.skipped[:SKIPPED_SHOWN])
        more = f"; and {len(self.skipped) - SKIPPED_SHOWN} more" if len(self.skipped) > SKIPPED_SHOWN else ""
        count = len(self.skipped)
        return f"{count} {'entry was' if count == 1 else 'entries were'} not imported: {shown}{more}."


def read_feed(body: bytes, *, url: str, charset: str | None = None) -> FeedLinks:
    """The article links of an RSS or Atom document, in order, without repeats.

    Relative links are resolved as feedparser resolves them (against xml:base where the feed sets
    one), then against the feed's own address, the document's base by RFC 3986. An entry whose
    link is missing or is not a web address is reported by position and title.
    """
    # The server's charset, when it gave one, is the document's; otherwise feedparser reads the XML
    # declaration and byte order mark. (Handing feedparser a Content-Type without a charset would make
    # it apply RFC 3023's us-ascii default to text/xml.)
    headers = {"content-type": f"application/xml; charset={charset}"} if charset else None
    try:
        parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    except (UnicodeError, ValueError) as exc:
        # feedparser's encoding step raises on some damaged XML declarations (a byte that is not
        # UTF-8 in the encoding name, a NUL in the text) instead of flagging the feed as malformed.
        raise ParseError(f"The feed could not be read: its encoding declaration is damaged ({exc.__class__.__name__}).") from exc
    read = FeedLinks()
    for position, entry in enumerate(parsed.entries, start=1):
        link, reason = _entry_link(entry, url)
        if link is None:
            read.skipped.append(f"{_describe(entry, position)} {reason}")
        elif link not in read.links:
            read.links.append(link)
    if parsed.bozo and not read.links:
        raise ParseError(f"The feed could not be read: {_printable(str(parsed.bozo_exception))[:300]}.")
    return read


def _entry_link(entry, feed_url: str) -> tuple[str | None, str]:
    raw = str(entry.get("link") or "").strip()
    if not raw:
        return None, "has no link"
    # feedparser takes an RSS guid as the link when the entry has none; a guid that is not itself a
    # web address (an id such as "story-1234") is no link, whatever it resolves to.
    if entry.get("guidislink") and not raw.lower().startswith(("http://", "https://")):
        return None, f"has no link (its id {_shown(raw)} is not a web address)"
    try:
        # Control characters in a link are percent-encoded first, as a browser would, so that
        # every link can be stored and compared.
        link = clean_link(urljoin(feed_url, raw))
        require_web_address(link)  # the one rule for a link the workbench may fetch
        if not link.isprintable():
            raise ValidationError("not printable")
    except (ValueError, ValidationError):
        return None, f"has a link that is not a web address: {_shown(raw)}"
    return link, ""


def _describe(entry, position: int) -> str:
    title = _printable(str(entry.get("title") or "")).strip()
    return f"entry {position} ({_shown(title)})" if title else f"entry {position}"


def _shown(value: str) -> str:
    value = _printable(value)
    return f"“{value[:80]}…”" if len(value) > 80 else f"“{value}”"


def _printable(value: str) -> str:
    # What a feed says is shown on the imports page: control characters and lone surrogates are
    # dropped from it (they cannot be stored on PostgreSQL or shown).
    return "".join(ch if ch.isprintable() else " " for ch in value)


def due_feeds() -> list[int]:
    cutoff = timezone.now() - datetime.timedelta(seconds=settings.FEED_POLL_SECONDS)
    stale = Feed.objects.filter(active=True).exclude(last_checked_at__gte=cutoff)
    return list(stale.values_list("pk", flat=True))
