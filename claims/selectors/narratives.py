"""Reading known narratives: their pages, the queue's "narrative: <name>" flag and filter, the
claim page's "Known narrative" panel and the reports' claims per narrative.

Each read is a fixed number of queries, whatever the number of claims, examples or verdicts.
Only active narratives flag claims in the queue and on the claim page; an archived one keeps its
stored matches, which the reports count.
"""
from dataclasses import dataclass, field

import django_filters
from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from ..models import Claim, Narrative, NarrativeDebunk, NarrativeExample, NarrativeMatch
from ..ratings import label
from .menus import queue_menus
from .verdicts import is_published
from .yes_or_no import YesOrNoFilter

SHOWN_CLAIMS = 50  # claims a narrative's page lists, newest first


def _count(model, **lookups) -> Subquery:
    """A count per narrative as a subquery: three counts joined in one query would multiply rows."""
    rows = model.objects.filter(narrative=OuterRef("pk"), **lookups).order_by().values("narrative")
    if model is NarrativeMatch:
        counted = rows.annotate(n=Count("claim", distinct=True)).values("n")
    else:
        counted = rows.annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


class NarrativeListFilter(django_filters.FilterSet):
    """The list's one filter, ?archived=: a yes or no like the queue's (selectors.yes_or_no), so
    "yes", "true" and "1" (what the list's own link sends) all show the archived narratives. No,
    nothing, or a word that is neither (the same filter error as the queue's, shown and left out)
    shows those in use."""

    archived = YesOrNoFilter(label="Archived", method="in_use_or_archived", words=("1", "0"))

    def in_use_or_archived(self, queryset, name, value):
        return queryset.filter(archived_at__isnull=not value)

    def filter_queryset(self, queryset):
        if self.form.cleaned_data.get("archived") is None:
            queryset = queryset.filter(archived_at__isnull=True)
        return super().filter_queryset(queryset)

    @property
    def archived_shown(self) -> bool:
        self.errors  # validates the form, as filters.qs does
        return self.form.cleaned_data.get("archived") is True


def narrative_list(data=None) -> NarrativeListFilter:
    """The narratives the list shows for the filter in `data` (a QueryDict; none: those in use),
    each with its counts: `.qs`; the filter's form and errors on the filter set."""
    listed = Narrative.objects.select_related("topic", "recorded_by").annotate(
        example_count=_count(NarrativeExample), debunk_count=_count(NarrativeDebunk), claim_count=_count(NarrativeMatch)
    )
    # Always bound, an empty query string too: an unbound filter set lists every narrative.
    return NarrativeListFilter(data or {}, queryset=listed)


def narrative_for_page(pk: int) -> Narrative:
    """The narrative with its examples and debunking verdicts; Narrative.DoesNotExist if unknown."""
    return (
        Narrative.objects.select_related("topic", "recorded_by")
        .prefetch_related(
            Prefetch("examples", queryset=NarrativeExample.objects.select_related("added_by").defer("signature")),
            Prefetch("debunks", queryset=NarrativeDebunk.objects.select_related("verdict__claim__article", "added_by")),
        )
        .annotate(claim_count=_count(NarrativeMatch))
        .get(pk=pk)
    )


def claims_repeating(narrative: Narrative, *, limit: int = SHOWN_CLAIMS) -> list[NarrativeMatch]:
    """The claims that repeat the narrative, newest first, each once (its closest example)."""
    rows = (
        NarrativeMatch.objects.filter(narrative=narrative)
        .select_related("claim__article__outlet", "example")
        .defer("claim__article__body", "claim__article__raw_input", "claim__article__raw_file")
        .order_by("-claim_id", "-score", "pk")
    )
    seen, shown = set(), []
    for row in rows[: limit * 4]:  # a claim matched by several examples comes once
        if row.claim_id not in seen:
            seen.add(row.claim_id)
            shown.append(row)
        if len(shown) == limit:
            break
    return shown


# --- The queue -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class NarrativeMark:
    """The queue's flag on a claim that repeats a known narrative: "narrative: <name>"."""

    narrative_id: int
    name: str
    score: float


def narrative_marks(claim_ids: list[int]) -> dict[int, NarrativeMark]:
    """For each of the claims (a queue page), the active narrative it repeats most closely. One query."""
    if not claim_ids:
        return {}
    rows = NarrativeMatch.objects.filter(claim_id__in=claim_ids, narrative__archived_at__isnull=True).values_list(
        "claim_id", "narrative_id", "narrative__name", "score"
    )
    marks: dict[int, NarrativeMark] = {}
    for claim_id, narrative_id, name, score in rows:
        best = marks.get(claim_id)
        if best is None or (score, -narrative_id) > (best.score, -best.narrative_id):
            marks[claim_id] = NarrativeMark(narrative_id, name, score)
    return marks


def with_narrative_marks(claims: list[Claim]) -> list[Claim]:
    """Give each claim of a queue page its `narrative_mark` (a NarrativeMark or None)."""
    marks = narrative_marks([claim.pk for claim in claims])
    for claim in claims:
        claim.narrative_mark = marks.get(claim.pk)
    return claims


ANY = "any"


def narrative_choices() -> list[tuple[str, str]]:
    """The queue filter's choices: any known narrative, then each active one by name (read with
    the queue's other menus, again whenever a narrative changes: selectors.menus)."""
    return [(ANY, "Any known narrative"), *((str(pk), name) for pk, name in queue_menus()["narrative"].rows)]


def repeats_active_narrative() -> Q:
    """Claims that repeat an active narrative. The queue filters on Claim.repeats_narrative, which
    services.narrative_matching keeps by this rule."""
    return Q(Exists(NarrativeMatch.objects.filter(claim=OuterRef("pk"), narrative__archived_at__isnull=True)))


def by_narrative(claims: QuerySet[Claim], value: str) -> QuerySet[Claim]:
    """The claims that repeat an active narrative ("any") or the one with this id. Both read the
    stored flag (its partial indexes hold the queue's order and the states), so a narrative's
    claims are looked for among the few flagged ones, not among a million."""
    flagged = claims.filter(repeats_narrative=True)
    if value == ANY:
        return flagged
    # No join to the narrative for "not archived": the value is one of the active narratives
    # (narrative_choices, read in this request), and the join made PostgreSQL misjudge the page at
    # a million claims (parallel workers, 10 ms for a page read in 1).
    matches = NarrativeMatch.objects.filter(claim=OuterRef("pk"), narrative_id=int(value))
    return flagged.filter(Exists(matches))


# --- The claim page ------------------------------------------------------------------------------


@dataclass
class KnownNarrative:
    """One row of the claim page's "Known narrative": what the narrative says, the example the
    claim repeats, and the published verdicts that debunk it."""

    narrative: Narrative
    example: NarrativeExample
    score: float
    debunks: list = field(default_factory=list)

    @property
    def percent(self) -> int:
        return round(self.score * 100)


@dataclass(frozen=True)
class Debunk:
    verdict: object  # Verdict
    rating: str
    published: bool


def known_narratives(claim: Claim) -> list[KnownNarrative]:
    """The active narratives the claim repeats, closest first, each with its debunking verdicts. Two queries."""
    rows = (
        NarrativeMatch.objects.filter(claim=claim, narrative__archived_at__isnull=True)
        .select_related("narrative", "example")
        .defer("example__signature")
        .prefetch_related(
            Prefetch("narrative__debunks", queryset=NarrativeDebunk.objects.select_related("verdict__claim"))
        )
        .order_by("-score", "narrative_id")
    )
    found: dict[int, KnownNarrative] = {}
    for row in rows:
        if row.narrative_id in found:
            continue  # its closest example only
        debunks = [
            Debunk(d.verdict, label(d.verdict.rating), is_published(d.verdict)) for d in row.narrative.debunks.all()
        ]
        found[row.narrative_id] = KnownNarrative(row.narrative, row.example, row.score, debunks)
    return list(found.values())


# --- Reports -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NarrativeCount:
    narrative_id: int
    name: str
    archived: bool
    claims: int  # claims of the report that repeat it


def claims_per_narrative(verdicts: QuerySet) -> list[NarrativeCount]:
    """How many of a report's claims repeat each known narrative (archived ones too: their stored
    matches still say what a checked claim repeated). The report's claims are those of its
    verdicts, the selection's queryset (selectors.verdicts.VerdictSelection): the same claims its
    other tables count, whatever narrows it, the days the verdicts were published included. A
    claim not yet checked is in no report; the narrative's page and the queue's filter list it.
    One query."""
    rows = (
        NarrativeMatch.objects.filter(claim_id__in=verdicts.order_by().values("claim_id"))
        .values("narrative_id", "narrative__name", "narrative__archived_at")
        .annotate(claims=Count("claim", distinct=True))
        .order_by("-claims", "narrative__name")
    )
    return [
        NarrativeCount(r["narrative_id"], r["narrative__name"], r["narrative__archived_at"] is not None, r["claims"])
        for r in rows
    ]
