"""Topics (a story such as the Russia-Ukraine war) and the sides taking part in them."""
from django.db import models

from .fields import PlainCharField, PlainTextField


def split_words(text: str) -> list[str]:
    """Comma-separated admin input ("Moscow, Kremlin") as a clean list."""
    return [word.strip() for word in text.split(",") if word.strip()]


class Topic(models.Model):
    name = PlainCharField(max_length=200, unique=True)
    description = PlainTextField(blank=True)
    loaded_terms = PlainTextField(
        blank=True,
        help_text="Comma-separated partisan or loaded words reviewers should see flagged: liberated, occupiers",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def loaded_lexicon(self) -> list[str]:
        return split_words(self.loaded_terms)


class Side(models.Model):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="sides")
    name = PlainCharField(max_length=100)
    cues = PlainTextField(
        blank=True, help_text="Comma-separated words that mark this side in a speaker's description: Moscow, Kremlin, Russian"
    )

    class Meta:
        ordering = ["topic", "name"]
        constraints = [models.UniqueConstraint(fields=["topic", "name"], name="unique_side_per_topic")]

    def __str__(self):
        return self.name

    @property
    def cue_words(self) -> list[str]:
        return split_words(self.cues)
