"""Reading claim matches: candidates for a new claim, the claim page's "Checked before?" and the
queue's "matches: False, 12 Oct".

Candidates come from the database's own text search (claims.selectors.candidates, the one
candidate query), then claims.matching decides (the service in claims.services.matching).
"""
from dataclasses import dataclass
from datetime import datetime

from django.db.models import BooleanField, Case, Exists, ExpressionWrapper, OuterRef, Q, QuerySet, Value, When

from ..models import Claim, ClaimMatch, Verdict
from ..ratings import label
from ..workflow import ReviewState
from .candidates import MATCHING, Wanted, candidates_for_batch

CANDIDATES = 50  # per new claim of a split: its candidates are compared from stored signatures
SHOWN = 10  # matches the claim page lists


def match_candidates(claims: list[Claim], *, limit: int = CANDIDATES) -> dict[int, list[int]]:
    """For each claim, the ids of check-worthy claims of other articles that share key terms with
    it: those already published first (their verdict is what a reviewer wants to find), the best
    ranked next. One statement for the whole batch on PostgreSQL (selectors.candidates)."""
    found = candidates_for_batch([Wanted(claim.text, claim.article_id) for claim in claims], limit, MATCHING)
    return {claim.pk: [c.claim_id for c in some] for claim, some in zip(claims, found)}


def _published(prefix: str) -> Q:
    """The rule of selectors.verdicts.published_verdicts, read through a relation."""
    return Q(**{f"{prefix}state": ReviewState.PUBLISHED, f"{prefix}verdict__published_at__isnull": False})


def has_own_published_verdict() -> Q:
    """Claims whose own verdict is published (the rule of _published, for the claim itself)."""
    own = Verdict.objects.filter(claim=OuterRef("pk"), published_at__isnull=False)
    return Q(state=ReviewState.PUBLISHED) & Q(Exists(own))


def matches_published_verdict() -> Q:
    """Claims that match a claim whose verdict is published, from either end of the pair, and
    have no published verdict of their own. The queue filters on Claim.matches_published, which
    services.matching keeps by this rule; published_match_marks shows the same.

    Why a claim with its own published verdict is never marked, whoever its partner is: the mark
    tells a reviewer "this was checked before: reuse or compare that verdict before you start".
    A published claim needs no work; marking it "matches: False" pointed the desk at its own
    work (an original whose repeat had taken its verdict showed the repeat's copy as if it were
    another verdict to look at). A published claim whose partner was rated otherwise is still
    listed with that partner in its "Checked before?" panel; the queue's mark is not the place."""
    later = ClaimMatch.objects.filter(Q(claim=OuterRef("pk")) & _published("earlier__"))
    earlier = ClaimMatch.objects.filter(Q(earlier=OuterRef("pk")) & _published("claim__"))
    return (Q(Exists(later)) | Q(Exists(earlier))) & ~has_own_published_verdict()


@dataclass(frozen=True)
class VerdictMark:
    """The queue's mark on a claim that repeats a published one: "matches: False, 12 Oct"."""

    claim_id: int  # the published claim
    rating_label: str
    published_at: datetime
    score: float


def published_match_marks(claim_ids: list[int]) -> dict[int, VerdictMark]:
    """For each of the claims (a queue page), its closest match with a published verdict, by the
    rule of matches_published_verdict: a pair with exactly one end published marks the other
    end, and only that one (two published claims mark neither). One query."""
    if not claim_ids:
        return {}
    later_published, earlier_published = _published("claim__"), _published("earlier__")
    rows = (
        ClaimMatch.objects.filter(
            Q(claim_id__in=claim_ids) & earlier_published & ~later_published
            | Q(earlier_id__in=claim_ids) & later_published & ~earlier_published
        )
        .annotate(later_published=ExpressionWrapper(later_published, output_field=BooleanField()))
        .values_list("claim_id", "earlier_id", "score", "later_published", "claim__verdict__rating",
                     "claim__verdict__published_at", "earlier__verdict__rating", "earlier__verdict__published_at")
    )
    marks: dict[int, VerdictMark] = {}
    for later_id, earlier_id, score, later_is_published, later_rating, later_at, earlier_rating, earlier_at in rows:
        if later_is_published:
            claim_id, mark = earlier_id, VerdictMark(later_id, label(later_rating), later_at, score)
        else:
            claim_id, mark = later_id, VerdictMark(earlier_id, label(earlier_rating), earlier_at, score)
        best = marks.get(claim_id)
        if best is None or (mark.score, mark.published_at) > (best.score, best.published_at):
            marks[claim_id] = mark
    return marks


@dataclass(frozen=True)
class CheckedBefore:
    """One row of the claim page's "Checked before?": the other claim and how close it is."""

    other: Claim
    score: float
    reason: str

    @property
    def percent(self) -> int:
        return round(self.score * 100)

    @property
    def published(self) -> bool:
        verdict = getattr(self.other, "verdict", None)
        return verdict is not None and verdict.published_at is not None and self.other.state == ReviewState.PUBLISHED


def checked_before(claim: Claim, *, limit: int = SHOWN) -> list[CheckedBefore]:
    """The claims of other articles that assert the same as this one: those with a published
    verdict first, then the closest. One query, however often the claim was repeated."""
    related = ("article__outlet", "side", "source", "verdict")
    other_published = Case(
        When(Q(claim=claim) & _published("earlier__"), then=Value(0)),
        When(Q(earlier=claim) & _published("claim__"), then=Value(0)),
        default=Value(1),
    )
    rows = (
        ClaimMatch.objects.filter(Q(claim=claim) | Q(earlier=claim))
        .select_related(*(f"claim__{r}" for r in related), *(f"earlier__{r}" for r in related))
        .defer(*(f"{end}__article__{f}" for end in ("claim", "earlier") for f in ("body", "raw_input", "raw_file")))
        .annotate(other_published=other_published)
        .order_by("other_published", "-score", "-pk")[:limit]
    )
    return [CheckedBefore(row.earlier if row.claim_id == claim.pk else row.claim, row.score, row.reason) for row in rows]


def queue_with_marks(claims: list[Claim]) -> list[Claim]:
    """Give each claim of a queue page its `verdict_match` (a VerdictMark or None)."""
    marks = published_match_marks([claim.pk for claim in claims])
    for claim in claims:
        claim.verdict_match = marks.get(claim.pk)
    return claims


def by_published_match(claims: QuerySet[Claim], wanted: bool) -> QuerySet[Claim]:
    """The claims that match a published verdict (wanted) or those that do not: read off the mark
    services.matching keeps by the rule above (matches_published_verdict), through an index."""
    return claims.filter(matches_published=wanted)
