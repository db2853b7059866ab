"""Claims of different articles that assert the same thing ("Checked before?").

A claim's signature (claims.matching: key terms, numbers, names, polarity) is stored once, so
that finding a new claim's matches re-ranks fifty candidates from their stored signatures
instead of parsing each again. A match is stored once per pair: `claim` is the one stored later
(the higher id), `earlier` the one stored before it; the claim page and the queue read a pair
from either end, so a claim imported first still learns that a later one was checked.
"""
from django.db import models

from .claims import Claim
from .fields import PlainCharField


class ClaimSignature(models.Model):
    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, primary_key=True, related_name="signature")
    data = models.JSONField(help_text="claims.matching.Signature.as_json() of the claim's text.")
    # A signature is only comparable with those the same matcher code wrote: one written by older
    # code is computed again when it is next needed (claims.matching.MATCHER).
    matcher = PlainCharField(max_length=16, help_text="Fingerprint of the matcher's code that wrote it.")


class ClaimMatch(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="matches", db_index=False)  # unique_claim_match leads with it
    earlier = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="later_matches")
    score = models.FloatField(help_text="How close the two claims are, 0 to 1 (the matcher's score).")
    reason = PlainCharField(max_length=300, help_text="The matcher's reason, as it gave it.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["claim", "earlier"], name="unique_claim_match"),
            # One row per pair, in one order: a pair found from both ends (two articles of one
            # batch) is stored once.
            models.CheckConstraint(condition=models.Q(claim__gt=models.F("earlier")), name="claim_match_later_first"),
            models.CheckConstraint(
                condition=models.Q(score__gte=0) & models.Q(score__lte=1), name="claim_match_score_between_0_and_1"
            ),
        ]

    def __str__(self):
        return f"{self.claim_id} matches {self.earlier_id} ({self.score:.2f})"
