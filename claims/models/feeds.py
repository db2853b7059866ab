"""RSS and Atom feeds of the outlets a newsroom monitors."""
from django.conf import settings
from django.db import models

from .fields import PlainTextField, PlainURLField
from .sources import Outlet
from .topics import Topic


class Feed(models.Model):
    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="feeds")
    url = PlainURLField(max_length=2000, unique=True)
    topic = models.ForeignKey(Topic, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                              help_text="The topic given to articles imported from this feed.")
    active = models.BooleanField(default=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                 help_text="Imports from this feed run in this person's name.")
    last_checked_at = models.DateTimeField(null=True, blank=True)
    last_ok_at = models.DateTimeField(null=True, blank=True)
    last_error = PlainTextField(blank=True)

    class Meta:
        ordering = ["outlet__name", "url"]

    def __str__(self):
        return self.url


class FeedEntry(models.Model):
    """A link seen in a feed: each is imported once, however often the feed lists it."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="entries")
    link = PlainURLField(max_length=2000)
    first_seen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["feed", "link"], name="unique_feed_entry")]
