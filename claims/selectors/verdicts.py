"""Reading published verdicts: the one gate every report, export, public page and feed goes through.

`published_verdicts` is the only place that says what "published" means, so nothing unapproved
can leave the workbench by one channel and not another. `VerdictSelection` narrows it to an
article, a topic, an outlet, a source or a date range, from a query string or from the command
line. `verdict_rows` reads a selection as flat rows (one query, evidence links aggregated by the
database), which is what lets a hundred thousand verdicts stream out in constant memory.
`rating_counts` and `ratings_by` count a whole selection in the database, by rating and by any
group (a side, a source, a day), for a report's counts and charts, however many rows it shows.
"""
import django_filters
from django.db import connection
from django.db.models import CharField, Case, Count, F, Max, OuterRef, QuerySet, StringAgg, Subquery, Value, When
from django.db.models.functions import Coalesce, NullIf, TruncDate

from ..models import Article, Claim, Evidence, Outlet, Source, Topic, Verdict
from ..widgets import DayInput
from ..workflow import ReviewState
from .date_range import DateRangeForm

# The columns of a verdict row: the verdict's own fields by name, the rest read through relations.
ROW_FIELDS = {
    "id": "id",
    "claim_id": "claim_id",
    "claim_text": "claim__text",
    "speaker": "claim__speaker",
    "source": "claim__source__name",
    "source_kind": "claim__source__kind",
    "side": "claim__side__name",
    "article_id": "claim__article_id",
    "article": "claim__article__title",
    "article_url": "claim__article__url",
    "article_published_on": "claim__article__published_on",
    "article_imported_at": "claim__article__imported_at",
    "outlet": "claim__article__outlet__name",
    "topic": "claim__article__topic__name",
    "rating": "rating",
    "rationale": "rationale",
    "reviewer_name": "reviewer__username",
    "approver_name": "approver__username",
    "published_at": "published_at",
    # Where the claim first appeared (schema.org firstAppearance): fields of that article, which
    # _first_appearance finds (its own, or the earliest of the claims linked as the same claim).
    "first_article": "title",
    "first_article_url": "url",
    "first_article_published_on": "published_on",
    "first_outlet": "outlet__name",
}
FIRST_APPEARANCE = ("first_article", "first_article_url", "first_article_published_on", "first_outlet")


def published_verdicts() -> QuerySet[Verdict]:
    """Published verdicts only: approved by an editor and published, their claim published too."""
    return Verdict.objects.filter(published_at__isnull=False, claim__state=ReviewState.PUBLISHED).order_by(
        "-published_at", "-id"
    )


def is_published(verdict) -> bool:
    """The same rule as published_verdicts, for a verdict already in hand."""
    return verdict is not None and verdict.published_at is not None and verdict.claim.state == ReviewState.PUBLISHED


# Who a report credits a claim to: its source, else its speaker, else the outlet that ran it.
WHO_SAID_IT = Coalesce(
    NullIf(F("claim__source__name"), Value("")),
    NullIf(F("claim__speaker"), Value("")),
    NullIf(F("claim__article__outlet__name"), Value("")),
    Value("The article"),
    output_field=CharField(),
)


def verdict_rows(verdicts: QuerySet[Verdict], fields=tuple(ROW_FIELDS)):
    """The verdicts as named rows (the fields, names of ROW_FIELDS or of the verdicts' own
    annotations, plus evidence_urls), for exports and reports. An export asks for only the
    columns it writes: at 100,000 rows every column read costs."""
    links = (
        Evidence.objects.filter(claim=OuterRef("claim_id"))
        .exclude(url="")
        .values("claim")
        .annotate(urls=StringAgg("url", delimiter=Value(" "), **_in_order_added()))
        .values("urls")
    )
    related = {
        name: _first_appearance(ROW_FIELDS[name]) if name in FIRST_APPEARANCE else F(ROW_FIELDS[name])
        for name in fields if ROW_FIELDS.get(name, name) != name
    }
    return verdicts.annotate(evidence_urls=Subquery(links), **related).values_list(*fields, "evidence_urls", named=True)


def rating_counts(verdicts: QuerySet[Verdict]) -> dict[str, int]:
    """How many verdicts of the selection have each rating (ratings none has are left out)."""
    return dict(verdicts.order_by().values_list("rating").annotate(n=Count("id")))


def ratings_by(verdicts: QuerySet[Verdict], group) -> list[tuple[object, str, int]]:
    """(group, rating, how many) over the whole selection, `group` an expression over a verdict
    (its side's name, WHO_SAID_IT, its day): one row per group and rating, counted by the
    database. Groups come as a listing of the selection meets them: the latest verdict's first."""
    counted = list(
        verdicts.order_by().annotate(group=group).values_list("group", "rating")
        .annotate(n=Count("id"), latest=Max("published_at"), last_id=Max("id"))
    )
    latest = {}
    for group_value, _, _, when, last_id in counted:
        latest[group_value] = max(latest.get(group_value, (when, last_id)), (when, last_id))
    counted.sort(key=lambda row: latest[row[0]], reverse=True)
    return [(group_value, rating, n) for group_value, rating, n, _, _ in counted]


def _first_appearance(article_field: str):
    """A field of the article the claim first appeared in: its own, or, for a claim linked as the
    same claim as others (a ClaimCluster), the earliest of its members' articles. Earliest by the
    day the article was published; one of unknown day by the day it came in, by which it was out;
    then the article's number. Only a claim in a cluster reads the subquery (the CASE spares the
    others, most rows of an export), each time among its few members, through the cluster index."""
    earliest = (
        Claim.objects.filter(cluster_id=OuterRef("claim__cluster_id"))
        .order_by(Coalesce("article__published_on", TruncDate("article__imported_at")), "article_id")
        .values(f"article__{article_field}")[:1]
    )
    own = F(f"claim__article__{article_field}")
    return Case(When(claim__cluster__isnull=True, then=own), default=Subquery(earliest))


def _in_order_added() -> dict:
    # SQLite before 3.44 cannot order inside an aggregate; there the links come in table order.
    return {"order_by": "id"} if connection.features.supports_aggregate_order_by_clause else {}


class _SelectionForm(DateRangeForm):
    date_range = ("since", "until")


_DAY = DayInput()  # ISO dates, as the query string and the command line give them


class VerdictSelection(django_filters.FilterSet):
    """What a report or an export covers. Every filter is optional; together they narrow."""

    # Labels by hand: django-filter would name them from the lookup path ("Claim article topic").
    article = django_filters.ModelChoiceFilter(
        field_name="claim__article", queryset=Article.objects.all(), label="Article", empty_label="Any"
    )
    topic = django_filters.ModelChoiceFilter(
        field_name="claim__article__topic", queryset=Topic.objects.all(), label="Topic", empty_label="Any"
    )
    outlet = django_filters.ModelChoiceFilter(
        field_name="claim__article__outlet", queryset=Outlet.objects.all(), label="Outlet", empty_label="Any"
    )
    source = django_filters.ModelChoiceFilter(
        field_name="claim__source", queryset=Source.objects.all(), label="Source", empty_label="Any"
    )
    since = django_filters.DateFilter(
        field_name="published_at", lookup_expr="date__gte", label="Verdict published from", widget=_DAY
    )
    until = django_filters.DateFilter(
        field_name="published_at", lookup_expr="date__lte", label="Verdict published until", widget=_DAY
    )

    class Meta:
        model = Verdict
        fields = []
        form = _SelectionForm

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset=published_verdicts() if queryset is None else queryset, **kwargs)

    def problems(self) -> str:
        """What is wrong with the selection, in one line (for a plain-text answer or a command)."""
        return "; ".join(f"{name}: {' '.join(errors)}" for name, errors in self.errors.items())

    def describe(self) -> str:
        """The selection in words, for a report's title and a file's name."""
        data = self.form.cleaned_data if self.form.is_valid() else {}
        parts = [str(data[name]) for name in ("article", "topic", "outlet", "source") if data.get(name)]
        if data.get("since") or data.get("until"):
            parts.append(f"{data.get('since') or '…'} to {data.get('until') or '…'}")
        return ", ".join(parts) or "All published verdicts"
