"""Reading outlets' feeds: new links become an import job, each link imported once."""
import datetime

import feedparser
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..documents import ParseError
from ..fetching import FEED_TYPES, FetchError, fetch
from ..input_rules import clean_link, clean_plain_text
from ..models import Feed, FeedEntry, ImportChannel, ImportItem
from . import imports


def poll_feed(feed_id: int) -> int:
    """Read the feed and import its new links; returns how many were new. Failures are kept on the feed."""
    feed = Feed.objects.select_related("outlet", "added_by", "topic").get(pk=feed_id)
    now = timezone.now()
    try:
        links = _links(feed.url)
    except (FetchError, ParseError) as exc:
        Feed.objects.filter(pk=feed.pk).update(last_checked_at=now, last_error=clean_plain_text(str(exc))[:2000])
        return 0
    with transaction.atomic():
        seen = set(FeedEntry.objects.filter(feed=feed, link__in=links).values_list("link", flat=True))
        new = [link for link in links if link not in seen]
        FeedEntry.objects.bulk_create([FeedEntry(feed=feed, link=link) for link in new], ignore_conflicts=True)
        if new:
            imports.start(
                channel=ImportChannel.FEED, label=f"{feed.outlet.name}: {len(new)} new from the feed",
                items=[ImportItem(url=link) for link in new], user=feed.added_by, topic=feed.topic,
            )
        Feed.objects.filter(pk=feed.pk).update(last_checked_at=now, last_ok_at=now, last_error="")
    return len(new)


def _links(url: str) -> list[str]:
    # A feed's links are stored (each is imported once) and fetched: control characters in them
    # are percent-encoded first, as a browser would, so every link can be stored and compared.
    return list(dict.fromkeys(clean_link(link) for link in links_from_feed(fetch(url, accept=FEED_TYPES).body)))


def links_from_feed(body: bytes) -> list[str]:
    """The article links of an RSS or Atom document, in order, without repeats or non-web links."""
    parsed = feedparser.parse(body)
    links = []
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip()
        if link.startswith(("http://", "https://")) and len(link) <= 2000 and link not in links:
            links.append(link)
    if parsed.bozo and not links:
        raise ParseError(f"The feed could not be read: {parsed.bozo_exception}.")
    return links


def due_feeds() -> list[int]:
    cutoff = timezone.now() - datetime.timedelta(seconds=settings.FEED_POLL_SECONDS)
    stale = Feed.objects.filter(active=True).exclude(last_checked_at__gte=cutoff)
    return list(stale.values_list("pk", flat=True))
