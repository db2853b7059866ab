"""Known narratives: misinformation the desk has already met and debunked.

An editor records a narrative (a name and a summary), gives examples of how it is told (typed in
their own words or picked from stored claims) and attaches the published verdicts that debunk it.
Each example's matcher signature is stored with it, so matching a new claim against every
narrative reads signatures instead of parsing examples again. A claim that repeats an example is
stored as a NarrativeMatch, which the queue, the claim page and the reports read.
"""
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from simple_history.models import HistoricalRecords

from .claims import Claim
from ..input_rules import name_key, normal_name, require_plain_name
from .fields import PlainCharField, PlainTextField
from .topics import Topic
from .verdicts import Verdict


class Narrative(models.Model):
    name = PlainCharField(max_length=200)
    # The name as names are compared (input_rules.name_key), kept by save(): "Straße" and "STRASSE"
    # are one narrative. Case folding can lengthen a name ("ß" is "ss"), hence the room.
    name_key = PlainCharField(max_length=800, editable=False, default="")
    summary = PlainTextField(help_text="What the narrative claims, and why it is false, in a few sentences.")
    topic = models.ForeignKey(Topic, null=True, blank=True, on_delete=models.SET_NULL, related_name="narratives")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # An archived narrative is kept (and counted in reports) but no longer flags claims.
    archived_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, help_text="Raised on every change, to catch edits from stale pages.")
    history = HistoricalRecords(excluded_fields=["name_key"])  # the name's own changes are told

    class Meta:
        ordering = [Lower("name"), "id"]
        constraints = [
            # "Vaccine shedding" and "vaccine shedding" are one narrative: two would split its claims.
            models.UniqueConstraint(
                fields=["name_key"], name="unique_narrative_name_key",
                violation_error_message="A narrative with this name is already recorded.",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        # Here, not in one form: the desk's form, the admin and the services all call full_clean.
        # The name is held to the rule for names, then stored in its normal form (claims.input_rules),
        # so the unique constraint below also catches "Ｆａｋｅ" against "fake".
        try:
            require_plain_name(self.name)
        except ValidationError as exc:
            raise ValidationError({"name": exc.messages}) from None
        self.name = normal_name(self.name)
        limit = self._meta.get_field("name").max_length
        if len(self.name) > limit:  # NFKC can lengthen a name ("ﷺ" is 18 letters)
            raise ValidationError({"name": f"Ensure this value has at most {limit} characters (it has {len(self.name)})."})
        self.name_key = name_key(self.name)

    def validate_constraints(self, exclude=None):
        # The key is no form's field, so a form (the admin's) leaves it out of the check; it is
        # checked wherever the name is, as the constraint on the name was.
        if exclude and "name_key" in exclude and "name" not in exclude:
            exclude = set(exclude) - {"name_key"}
        super().validate_constraints(exclude=exclude)

    def save(self, *args, **kwargs):
        # Here as well as in clean(): whatever saves a narrative (a seed, a shell) keeps its key.
        self.name_key = name_key(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "name_key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("claims:narrative", args=[self.pk])

    @property
    def archived(self) -> bool:
        return self.archived_at is not None


class NarrativeExample(models.Model):
    """One way the narrative is told. `claim` is set when it was picked from a stored claim (its
    text copied, so the example stays when that claim is re-split or deleted)."""

    narrative = models.ForeignKey(Narrative, on_delete=models.CASCADE, related_name="examples")
    text = PlainTextField()
    claim = models.ForeignKey(Claim, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # claims.matching.Signature.as_json() of the text, and the fingerprint of the matcher code
    # that wrote it (services.matching.MATCHER): other code's signature is computed again.
    signature = models.JSONField()
    matcher = PlainCharField(max_length=16)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["signature", "matcher"])

    class Meta:
        ordering = ["added_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["narrative", "claim"], condition=models.Q(claim__isnull=False), name="unique_narrative_example_claim"
            ),
        ]

    def __str__(self):
        return self.text[:80]


class NarrativeDebunk(models.Model):
    """A published verdict that debunks the narrative (services.narratives attaches only those)."""

    narrative = models.ForeignKey(Narrative, on_delete=models.CASCADE, related_name="debunks")
    verdict = models.ForeignKey(Verdict, on_delete=models.CASCADE, related_name="narrative_debunks")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["added_at", "id"]
        constraints = [models.UniqueConstraint(fields=["narrative", "verdict"], name="unique_narrative_debunk")]

    def __str__(self):
        return f"{self.narrative} debunked by verdict {self.verdict_id}"


class NarrativeMatch(models.Model):
    """A claim that repeats one of a narrative's examples (the matcher said "same claim")."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="narrative_matches", db_index=False)
    example = models.ForeignKey(NarrativeExample, on_delete=models.CASCADE, related_name="matches")
    # Stored beside the example so the queue's filter and the report's counts need no join.
    narrative = models.ForeignKey(Narrative, on_delete=models.CASCADE, related_name="matches", db_index=False)
    score = models.FloatField(help_text="How close the claim is to the example, 0 to 1 (the matcher's score).")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["claim", "example"], name="unique_narrative_match"),
            models.CheckConstraint(
                condition=models.Q(score__gte=0) & models.Q(score__lte=1), name="narrative_match_score_between_0_and_1"
            ),
        ]
        # The queue's "this narrative" filter and the report's counts read by narrative.
        indexes = [models.Index(fields=["narrative", "claim"], name="narrative_match_claims_idx")]

    @property
    def percent(self) -> int:
        return round(self.score * 100)

    def __str__(self):
        return f"{self.claim_id} repeats {self.narrative_id} ({self.score:.2f})"
