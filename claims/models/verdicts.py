"""A fact-checker's verdict on a claim, and the evidence gathered for it."""
from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from .fields import PlainTextField, PlainURLField
from ..ratings import Rating
from .claims import Claim


class Verdict(models.Model):
    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, related_name="verdict")
    rating = models.CharField(max_length=20, choices=Rating)
    rationale = PlainTextField()
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="verdicts")
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="approved_verdicts"
    )
    editor_comment = PlainTextField(blank=True, help_text="The editor's note when sending the verdict back.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    version = models.PositiveIntegerField(default=1, help_text="Raised on every change, to catch edits from stale pages.")
    history = HistoricalRecords()

    class Meta:
        constraints = [
            # The scale is claims.ratings; a rating off it (written by raw SQL or an old import) would
            # leave every export and public page without a label or a ClaimReview number for it.
            models.CheckConstraint(condition=models.Q(rating__in=Rating.values), name="verdict_rating_on_the_scale"),
        ]

    def __str__(self):
        return f"{self.get_rating_display()}: {self.claim}"


class Stance(models.TextChoices):
    SUPPORTS = "supports", "Supports the claim"
    REFUTES = "refutes", "Refutes the claim"
    CONTEXT = "context", "Context"


class Evidence(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="evidence")
    url = PlainURLField(max_length=2000, blank=True)
    archived_url = PlainURLField(max_length=2000, blank=True)
    excerpt = PlainTextField(blank=True, help_text="The passage quoted from the source.")
    note = PlainTextField(blank=True)
    stance = models.CharField(max_length=20, choices=Stance, default=Stance.CONTEXT)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["added_at", "id"]
        verbose_name_plural = "evidence"
        constraints = [
            models.CheckConstraint(
                condition=~(models.Q(url="") & models.Q(excerpt="") & models.Q(note="")),
                name="evidence_has_content",
            )
        ]

    def __str__(self):
        return self.url or self.excerpt[:60] or self.note[:60]
