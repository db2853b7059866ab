"""Import jobs: every way articles come in (a list of links, uploaded files, a spreadsheet of a
day's coverage) is one job with one item per article, each with its own state and error."""
from django.conf import settings
from django.db import models
from django.urls import reverse

from .fields import PlainCharField, PlainTextField, PlainURLField
from .articles import Article
from .topics import Topic


class ImportChannel(models.TextChoices):
    URL = "url", "Links"
    FILE = "file", "Files"
    BULK = "bulk", "Spreadsheet (CSV or JSON Lines)"
    API = "api", "API"
    FEED = "feed", "Feed"


class ItemState(models.TextChoices):
    PENDING = "pending", "Pending"
    DONE = "done", "Imported"
    FAILED = "failed", "Failed"


class ImportJob(models.Model):
    channel = models.CharField(max_length=10, choices=ImportChannel)
    label = PlainCharField(max_length=300, help_text="What was imported: a file name, or how many links.")
    topic = models.ForeignKey(Topic, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # The editor chose "No topic": the articles get none, and none is chosen from their text (a
    # job with neither has each article's topic chosen from its text).
    no_topic = models.BooleanField(default=False, help_text="The editor chose no topic (no sides, no disputes).")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(no_topic=False) | models.Q(topic__isnull=True), name="import_job_topic_or_no_topic"
            ),
        ]

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return reverse("claims:import_job", args=[self.pk])


class ImportItem(models.Model):
    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(help_text="1 for the first link, file or row.")
    url = PlainURLField(max_length=2000, blank=True)
    filename = PlainCharField(max_length=255, blank=True)
    text = PlainTextField(blank=True, help_text="Article text given directly (a spreadsheet row).")
    data = models.BinaryField(null=True, blank=True, help_text="An uploaded file, exactly as received.")
    title = PlainCharField(max_length=500, blank=True)
    published_on = models.DateField(null=True, blank=True)
    state = models.CharField(max_length=10, choices=ItemState, default=ItemState.PENDING, db_index=True)
    error = PlainTextField(blank=True)
    note = PlainCharField(max_length=300, blank=True, help_text="For example: already imported as another article.")
    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    attempts = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["job", "position"]
        constraints = [models.UniqueConstraint(fields=["job", "position"], name="unique_item_position")]

    def __str__(self):
        return self.url or self.filename or f"row {self.position}"
