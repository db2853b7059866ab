"""Suggestions a reviewer turned down: "Not the same claim" on a match, "Not this narrative" on a flag.

The matcher suggests; a reviewer who reads both claims knows better. A rejection is kept so the
matcher never suggests the pair again: not when the claim is matched again (`match_claims
--again`), nor after its article is split again. A split replaces the claims nobody has worked
on with new rows (new ids), so a rejection names each claim by its article and its words (the
wording key below), not by its id: the same words in the same article are the same claim to the
reviewer who rejected the pair, whichever row holds them. A claim whose words change (split or
merged by hand) is another claim, and the matcher may suggest it again.

Each rejection keeps the words as they were, so its history and the claim page can say what was
rejected even once the row that held them is gone. Undoing one ("restore suggestion") deletes the
rejection; django-simple-history records both, with who and when.
"""
import hashlib

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from ..input_rules import folded
from .articles import Article
from .fields import PlainCharField, PlainTextField
from .narratives import Narrative

MAX_REASON_CHARS = 500


def wording_key(text: str) -> str:
    """A claim's words as a rejection names them: folded as names are (input_rules.folded: case,
    spacing and compatibility forms do not make another claim of the same words), then hashed, as
    a claim's words can run long."""
    return hashlib.sha256(folded(text).encode("utf-8", "surrogatepass")).hexdigest()


class MatchRejection(models.Model):
    """A reviewer said two matched claims are not the same claim. The two ends are stored in one
    order (the lower article first), so a pair rejected from either claim's page is one row."""

    first_article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+", db_index=False)
    first_key = PlainCharField(max_length=64, help_text="wording_key() of the first claim's text.")
    first_text = PlainTextField(help_text="The first claim's words when the pair was rejected.")
    second_article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+", db_index=False)
    second_key = PlainCharField(max_length=64)
    second_text = PlainTextField()
    reason = PlainCharField(max_length=MAX_REASON_CHARS, blank=True, help_text="Why, in the reviewer's words (optional).")
    rejected_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    rejected_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        # As the claim page says it: the reviewer turned the suggestion down.
        verbose_name = "turned-down match"
        verbose_name_plural = "turned-down matches"  # Django would add an "s": "matchs"
        constraints = [
            models.UniqueConstraint(
                fields=["first_article", "first_key", "second_article", "second_key"], name="unique_match_rejection"
            ),
            models.CheckConstraint(
                condition=models.Q(first_article__lt=models.F("second_article"))
                | models.Q(first_article=models.F("second_article"), first_key__lt=models.F("second_key")),
                name="match_rejection_in_order",
            ),
        ]
        # The matcher looks a batch's rejections up by words alone (a key is all but unique), from
        # either end; so does the claim page, with the article besides.
        indexes = [
            models.Index(fields=["first_key"], name="match_rejection_first_idx"),
            models.Index(fields=["second_key"], name="match_rejection_second_idx"),
        ]

    def __str__(self):
        return f"Not the same claim: {self.first_text[:40]!r} / {self.second_text[:40]!r}"

    @staticmethod
    def ends(claim, other) -> dict:
        """The fields naming the two claims, in the stored order."""
        one, two = sorted([(claim.article_id, wording_key(claim.text), claim.text), (other.article_id, wording_key(other.text), other.text)])
        return {"first_article_id": one[0], "first_key": one[1], "first_text": one[2],
                "second_article_id": two[0], "second_key": two[1], "second_text": two[2]}

    def other_end(self, article_id: int, key: str) -> tuple[int, str, str]:
        """The (article, key, words) of the end that is not this claim."""
        if (self.first_article_id, self.first_key) == (article_id, key):
            return self.second_article_id, self.second_key, self.second_text
        return self.first_article_id, self.first_key, self.first_text


class NarrativeRejection(models.Model):
    """A reviewer said a claim does not repeat a known narrative."""

    narrative = models.ForeignKey(Narrative, on_delete=models.CASCADE, related_name="rejections", db_index=False)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+", db_index=False)
    claim_key = PlainCharField(max_length=64, help_text="wording_key() of the claim's text.")
    claim_text = PlainTextField(help_text="The claim's words when the flag was rejected.")
    reason = PlainCharField(max_length=MAX_REASON_CHARS, blank=True, help_text="Why, in the reviewer's words (optional).")
    rejected_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    rejected_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "turned-down narrative flag"
        verbose_name_plural = "turned-down narrative flags"
        constraints = [
            models.UniqueConstraint(fields=["narrative", "article", "claim_key"], name="unique_narrative_rejection"),
        ]
        # The matcher and the claim page look a claim's rejections up by its words.
        indexes = [models.Index(fields=["claim_key", "article"], name="narrative_rejection_claim_idx")]

    def __str__(self):
        return f"Not {self.narrative_id}: {self.claim_text[:60]!r}"
