"""The verdict rating scale, and its numeric form for schema.org ClaimReview.

The scale runs from True (5) to False (1). Unsupported and Unverifiable are verdicts about the
evidence, not about truth, so they carry no number: ClaimReview gets only their name.
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
}


def numeric_value(rating) -> int | None:
    return NUMERIC.get(Rating(rating))
