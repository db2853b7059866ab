"""Imported news articles. The raw input is kept exactly as received; the body is what gets split."""
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from .fields import PlainCharField, PlainTextField, PlainURLField
from .sources import Outlet
from .topics import Topic


class ArticleState(models.TextChoices):
    QUEUED = "queued", "Queued"
    PROCESSING = "processing", "Processing"
    READY = "ready", "Ready"
    NOT_SPLIT = "not_split", "Not split"
    FAILED = "failed", "Failed"


class Article(models.Model):
    title = PlainCharField(max_length=500)
    body = PlainTextField()
    raw_input = PlainTextField(
        blank=True,
        help_text="What was received at import (text or fetched HTML), never altered, except that control characters "
        "no text may hold are taken out of fetched pages and files (claims.input_rules).",
    )
    raw_file = models.BinaryField(null=True, blank=True, help_text="An uploaded binary file (PDF, DOCX) as received.")
    url = PlainURLField(max_length=2000, blank=True)
    outlet = models.ForeignKey(Outlet, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles")
    published_on = models.DateField(null=True, blank=True, db_index=True)
    topic = models.ForeignKey(Topic, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles")
    topic_from_text = models.BooleanField(
        default=False, help_text="The topic was chosen from the article's text (nobody gave one), so the page says so."
    )
    content_hash = PlainCharField(max_length=64, unique=True, editable=False)
    state = models.CharField(max_length=20, choices=ArticleState, default=ArticleState.QUEUED, db_index=True)
    error = PlainTextField(blank=True, help_text="Why splitting failed or was skipped, shown to the editor.")
    language = PlainCharField(max_length=12, blank=True, help_text="Detected language code, e.g. en.")
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(auto_now_add=True, db_index=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    queued_at = models.DateTimeField(
        default=timezone.now, editable=False,
        help_text="When the article was last handed to the workers to be split; the sweep sends it again if it waits too long.",
    )

    class Meta:
        ordering = ["-imported_at", "-id"]
        constraints = [
            # The same link is one article, however many times it is sent in.
            models.UniqueConstraint(fields=["url"], condition=~models.Q(url=""), name="unique_article_url"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("claims:article", args=[self.pk])
