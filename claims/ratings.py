"""The verdict rating scale: its names, its numbers for schema.org ClaimReview, its colours.

The one place the scale is defined. ClaimReview numbers run from 1 (False) to 5 (True); Google
shows a review's `alternateName` (the name below), and the number only orders verdicts for
machines. Unsupported (the evidence offered does not back the claim) sits with Misleading at 2;
Unverifiable (no evidence either way) at the midpoint, 3, because it says nothing about truth.
"""
from django.db import models


class Rating(models.TextChoices):
    TRUE = "true", "True"
    MOSTLY_TRUE = "mostly_true", "Mostly true"
    MIXED = "mixed", "Mixed"
    MISLEADING = "misleading", "Misleading"
    FALSE = "false", "False"
    UNSUPPORTED = "unsupported", "Unsupported"
    UNVERIFIABLE = "unverifiable", "Unverifiable"


BEST_RATING = 5
WORST_RATING = 1
NUMERIC = {
    Rating.TRUE: 5,
    Rating.MOSTLY_TRUE: 4,
    Rating.MIXED: 3,
    Rating.MISLEADING: 2,
    Rating.FALSE: 1,
    Rating.UNSUPPORTED: 2,
    Rating.UNVERIFIABLE: 3,
}

# Chart colours, from true (green) to false (red); the evidence verdicts in greys.
COLOURS = {
    Rating.TRUE: "#1a7f37",
    Rating.MOSTLY_TRUE: "#7bc47f",
    Rating.MIXED: "#e3b341",
    Rating.MISLEADING: "#f0883e",
    Rating.FALSE: "#cf222e",
    Rating.UNSUPPORTED: "#8c959f",
    Rating.UNVERIFIABLE: "#d0d7de",
}


_LABELS = {rating.value: rating.label for rating in Rating}


def numeric_value(rating) -> int:
    return NUMERIC[rating]


def label(rating) -> str:
    return _LABELS[rating]
