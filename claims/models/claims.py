"""Check-worthy claims found in an article, with who makes them and for which side."""
from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from .fields import PlainCharField, PlainTextField
from ..workflow import ReviewState
from .articles import Article
from .sources import Source
from .topics import Side


class ClaimKind(models.TextChoices):
    DIRECT_QUOTE = "direct_quote", "Direct quote"
    REPORTED_SPEECH = "reported_speech", "Reported speech"
    ACCORDING_TO = "according_to", "According to"
    NARRATION = "narration", "The article's own narration"


class Claim(models.Model):
    # The foreign keys that lead one of the indexes in Meta need no index of their own: every
    # index costs each of the thousands of claims a split inserts.
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims", db_index=False)
    text = PlainTextField()
    start = models.PositiveIntegerField(help_text="Character offset of the claim in the article body.")
    end = models.PositiveIntegerField()
    speaker = PlainCharField(max_length=300, blank=True, help_text="Who makes the claim, as the article names them.")
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims", db_index=False
    )
    side = models.ForeignKey(Side, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims", db_index=False)
    kind = models.CharField(max_length=20, choices=ClaimKind, default=ClaimKind.NARRATION)
    check_worthiness = models.FloatField(default=0.5)
    check_worthy = models.BooleanField(
        default=True, help_text="False when extraction set the span aside (caption, question, call to action, ...)."
    )
    set_aside_reason = PlainCharField(max_length=100, blank=True)
    loaded_terms = models.JSONField(default=list, blank=True, help_text="Loaded or scare-quoted words in the claim.")
    state = models.CharField(max_length=20, choices=ReviewState, default=ReviewState.NEW)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="assigned_claims",
        db_index=False,
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who added the claim by hand; empty when extraction found it.",
    )
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates",
        help_text="The claim this one repeats, when a reviewer marked it a duplicate.",
    )
    has_dispute = models.BooleanField(default=False, help_text="Whether a claim of the other side contradicts it.")
    cluster = models.ForeignKey(
        "ClaimCluster", null=True, blank=True, on_delete=models.SET_NULL, related_name="members",
        help_text="The claims a reviewer linked as the same claim (one verdict for all).",
    )
    # Stored, not counted per page: the queue sorts on it ("Most repeated first") through an index.
    # Kept by services.clusters whenever a cluster gains or loses a member. A database default too:
    # rows written by COPY (the benchmarks' seeds) name only the columns they know.
    spread = models.PositiveIntegerField(
        default=1, db_default=1, help_text="How many articles repeat the claim (its cluster's)."
    )
    # Stored, not worked out per request: "matches a published verdict" (the rule is
    # selectors.matches.matches_published_verdict) read per request took seconds at a million
    # claims, a pass over every match and verdict. Kept by services.matching.refresh_published_marks
    # wherever a match is stored or dropped and wherever a verdict is published.
    matches_published = models.BooleanField(
        default=False, db_default=False, help_text="Whether the claim matches a claim whose verdict is published."
    )
    # Stored for the same reason: "repeats a known narrative" read per request (an EXISTS over the
    # narrative matches) cost the state tabs 600 ms at a million claims. Kept by
    # services.narrative_matching.refresh_narrative_marks wherever a narrative match is stored or
    # dropped and wherever a narrative is archived or restored.
    repeats_narrative = models.BooleanField(
        default=False, db_default=False, help_text="Whether the claim repeats an active known narrative."
    )
    version = models.PositiveIntegerField(default=1, help_text="Raised on every change, to catch edits from stale pages.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The timeline reads a claim's history by claim and date; indexes on the copied foreign keys
    # would only slow down the history row every new claim gets.
    history = HistoricalRecords(no_db_index=["article", "source", "side", "assignee", "added_by", "duplicate_of", "cluster"])

    class Meta:
        ordering = ["article", "start"]
        # The queue reads claims most check-worthy first, filtered one way at a time: each filter
        # has an index that already holds that order, so a page is read without sorting.
        indexes = [
            models.Index(
                fields=["-check_worthiness", "-id"],
                condition=models.Q(check_worthy=True, state__in=["new", "in_review", "awaiting_approval"]),
                name="claim_open_queue_idx",
            ),
            # check_worthy last: a state tab's count under "check-worthiness at least" is read
            # from the index alone, without visiting each claim to see that it is check-worthy.
            models.Index(fields=["state", "-check_worthiness", "-id", "check_worthy"], name="claim_state_queue_idx"),
            models.Index(fields=["side", "-check_worthiness", "-id"], name="claim_side_queue_idx"),
            models.Index(fields=["source", "-check_worthiness", "-id"], name="claim_source_queue_idx"),
            models.Index(fields=["assignee", "-check_worthiness", "-id"], name="claim_assignee_queue_idx"),
            models.Index(
                fields=["-check_worthiness", "-id"], condition=models.Q(has_dispute=True), name="claim_disputed_queue_idx"
            ),
            models.Index(fields=["-created_at", "-id"], name="claim_newest_idx"),
            models.Index(
                fields=["-spread", "-check_worthiness", "-id"],
                condition=models.Q(check_worthy=True, state__in=["new", "in_review", "awaiting_approval"]),
                name="claim_spread_queue_idx",
            ),
            models.Index(fields=["article", "start", "id"], name="claim_article_order_idx"),
            # "Matches a published verdict": a few claims in a hundred, read in the page's order
            # (the open queue) or by state (the other tabs, and their counts). Partial: only the
            # marked claims are in them, so storing an unmarked claim costs them nothing.
            models.Index(
                fields=["-check_worthiness", "-id"],
                condition=models.Q(check_worthy=True, matches_published=True, state__in=["new", "in_review", "awaiting_approval"]),
                name="claim_verdict_match_queue_idx",
            ),
            models.Index(
                fields=["state", "-check_worthiness", "-id"],
                condition=models.Q(check_worthy=True, matches_published=True),
                name="claim_verdict_match_state_idx",
            ),
            # "Known narrative": a few claims in a hundred, as above. The filter on one narrative
            # reads these too (the flag AND its matches), so it starts from the flagged claims.
            models.Index(
                fields=["-check_worthiness", "-id"],
                condition=models.Q(check_worthy=True, repeats_narrative=True, state__in=["new", "in_review", "awaiting_approval"]),
                name="claim_narrative_queue_idx",
            ),
            models.Index(
                fields=["state", "-check_worthiness", "-id"],
                condition=models.Q(check_worthy=True, repeats_narrative=True),
                name="claim_narrative_state_idx",
            ),
            # The queue's state tabs count each state under the filters, stopping at a cap
            # (selectors.queue.state_counts). These let a count stop at the cap, or find a state
            # empty under a filter, by reading index entries instead of the table: the first for
            # the claim's own columns, the second for the article's (topic, outlet, date).
            models.Index(
                fields=["state", "assignee", "side", "source", "has_dispute", "check_worthiness", "matches_published"],
                condition=models.Q(check_worthy=True), name="claim_state_count_idx",
            ),
            models.Index(fields=["article", "state"], condition=models.Q(check_worthy=True), name="claim_article_state_idx"),
            # The first one serves a filter on its second column (the assignee) but not on the
            # ones after it: a count of a side's claims in a state read every claim in that state
            # (PostgreSQL 15 cannot skip through the assignees), 10-30 ms at a million claims.
            models.Index(fields=["state", "side"], condition=models.Q(check_worthy=True), name="claim_state_side_idx"),
            models.Index(fields=["state", "source"], condition=models.Q(check_worthy=True), name="claim_state_source_idx"),
            models.Index(
                fields=["state"], condition=models.Q(check_worthy=True, has_dispute=True), name="claim_state_disputed_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="claim_span_not_empty"),
            models.CheckConstraint(
                condition=models.Q(check_worthiness__gte=0) & models.Q(check_worthiness__lte=1),
                name="check_worthiness_between_0_and_1",
            ),
        ]

    def __str__(self):
        return self.text[:80]

    def get_absolute_url(self):
        return reverse("claims:claim", args=[self.pk])


class ClaimCluster(models.Model):
    """Claims of different articles that a reviewer linked as the same claim, so that one verdict
    answers them all. Membership is Claim.cluster; its changes are in the claims' history (who
    linked or unlinked, when)."""

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    def __str__(self):
        return f"Same claim #{self.pk}"


class Comment(models.Model):
    """A short discussion note on a claim between reviewers and editors."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = PlainTextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.body[:60]


class Dispute(models.Model):
    """Two claims by opposing sides that contradict each other."""

    first = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="+", db_index=False)  # unique_dispute_pair leads with it
    second = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="+")
    reason = PlainCharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="unique_dispute_pair"),
            models.CheckConstraint(condition=~models.Q(first=models.F("second")), name="dispute_between_two_claims"),
        ]

    def __str__(self):
        return self.reason
