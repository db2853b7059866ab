"""The registry admins keep: sources who make claims, and outlets whose articles are imported."""
from django.db import models
from simple_history.models import HistoricalRecords

from .fields import PlainCharField, PlainTextField
from .topics import Side, split_words


class Reliability(models.TextChoices):
    UNRATED = "unrated", "Not rated"
    HIGH = "high", "High"
    MIXED = "mixed", "Mixed"
    LOW = "low", "Low"


class SourceKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANISATION = "organisation", "Organisation"
    GROUP = "group", "Group"


class Source(models.Model):
    name = PlainCharField(max_length=200, unique=True)
    aliases = PlainTextField(blank=True, help_text="Comma-separated other names: Zelenskyy, the Ukrainian president")
    kind = models.CharField(max_length=20, choices=SourceKind, default=SourceKind.PERSON)
    side = models.ForeignKey(Side, null=True, blank=True, on_delete=models.SET_NULL, related_name="sources")
    reliability = models.CharField(max_length=20, choices=Reliability, default=Reliability.UNRATED)
    notes = PlainTextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def alias_list(self) -> list[str]:
        return split_words(self.aliases)


class Outlet(models.Model):
    name = PlainCharField(max_length=200, unique=True)
    domain = PlainCharField(max_length=200, blank=True, help_text="example.com")
    reliability = models.CharField(max_length=20, choices=Reliability, default=Reliability.UNRATED)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
