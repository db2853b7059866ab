"""The review queue: which claims a reviewer sees, in what order, one page at a time.

Filters live in the URL (a view can be bookmarked and shared). Pages are read with a keyset
cursor (the sort values of the last row seen) instead of OFFSET and a full COUNT, so page 1 and
page 1,000 cost the same at a million claims. The counts per review state follow the same filters
and are exact up to a cap (COUNT_CAP): each reads at most COUNT_CAP + 1 rows from an index, so they
are fresh on every page, right after the reviewer's own action, for the price of a few index reads.
"""
import base64
import binascii
import json
import math
from dataclasses import dataclass
from datetime import UTC, datetime

import django_filters
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import BooleanField, OuterRef, Q, QuerySet, Subquery
from django.db.models.expressions import RawSQL

from .. import permissions
from ..input_rules import MAX_ID
from ..models import Article, Claim, Outlet, Side, Source, Topic
from ..widgets import FastInput, FastSelect
from .date_range import DateRangeForm
from .matches import by_published_match, queue_with_marks
from .menus import MenuFilter, queue_menus
from .narratives import by_narrative, narrative_choices, with_narrative_marks
from .yes_or_no import YesOrNoFilter
from ..workflow import ReviewState

PAGE_SIZE = 50
OPEN_STATES = [ReviewState.NEW, ReviewState.IN_REVIEW, ReviewState.AWAITING_APPROVAL]
# Above this many claims a state's tab says "1,000+": an exact count of a million rows would cost
# more than the page, and nobody triages by the difference between 1,200 and 1,300.
COUNT_CAP = 1000

# sort name -> (label, fields in order, descending?)
SORTS = {
    "worthiness": ("Most check-worthy first", ("check_worthiness", "id"), True),
    "newest": ("Newest first", ("created_at", "id"), True),
    "article": ("By article", ("article_id", "start", "id"), False),
    # The stored spread (services.clusters keeps it); ties most check-worthy first. Read in this
    # order from claim_spread_queue_idx.
    "spread": ("Most repeated first", ("spread", "check_worthiness", "id"), True),
}


# The filters on an article's published date, which let no undated article through.
DATE_FILTERS = ("published_from", "published_to")


class _QueueForm(DateRangeForm):
    date_range = DATE_FILTERS


class QueueFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(
        choices=ReviewState.choices, empty_label="Open (new, in review, awaiting)", method="by_state", widget=FastSelect
    )
    assigned = django_filters.ChoiceFilter(
        label="Assignee", choices=[("mine", "Mine"), ("unassigned", "Unassigned")], method="by_assignee",
        empty_label="Anyone", widget=FastSelect,
    )
    # The menus of records are kept between requests until one of their records changes (selectors.menus).
    reviewer = MenuFilter(
        label="Assigned to", field_name="assignee", menu="reviewer", empty_label="Anyone",
        queryset=get_user_model().objects.filter(is_active=True).order_by("username"),
    )
    topic = MenuFilter(label="Topic", field_name="article__topic", queryset=Topic.objects.all(), menu="topic", empty_label="Any")
    side = MenuFilter(queryset=Side.objects.all(), menu="side", empty_label="Any")
    source = MenuFilter(queryset=Source.objects.all(), menu="source", empty_label="Any")
    outlet = MenuFilter(label="Outlet", field_name="article__outlet", queryset=Outlet.objects.all(), menu="outlet", empty_label="Any")
    # The article page links here ("Open these in the queue"). A number, not a menu: a newsroom
    # has thousands of articles. An unknown or forged id is a filter error like any other.
    article = django_filters.ModelChoiceFilter(
        label="Article number", field_name="article", queryset=Article.objects.only("id"),  # its text can run to megabytes
        widget=FastInput(attrs={"min": "1"}, input_type="number"),
    )
    min_worthiness = django_filters.NumberFilter(
        label="Check-worthiness at least", field_name="check_worthiness", lookup_expr="gte",
        widget=FastInput(attrs={"step": "0.05", "min": "0", "max": "1"}, input_type="number"),
    )
    disputed = YesOrNoFilter(label="Has a dispute", field_name="has_dispute")
    # Claims that repeat (or were repeated by) a claim whose verdict is published: the desk may
    # already have the answer. Its menu has always sent yes/no, and links say so.
    matches_verdict = YesOrNoFilter(label="Matches a published verdict", method="by_verdict_match", words=("yes", "no"))
    # Claims that repeat a known narrative (selectors.narratives): any, or one by name.
    narrative = django_filters.ChoiceFilter(
        label="Known narrative", choices=narrative_choices, method="by_known_narrative", empty_label="Either",
        widget=FastSelect,
    )
    published_from = django_filters.DateFilter(
        label="Article published from", field_name="article__published_on", lookup_expr="gte", widget=FastInput(input_type="date")
    )
    published_to = django_filters.DateFilter(
        label="Article published to", field_name="article__published_on", lookup_expr="lte", widget=FastInput(input_type="date")
    )
    # An article without a published date passes no date filter: these are the claims the date
    # filter's hint (undated_left_out) links to.
    undated = YesOrNoFilter(label="Article undated", field_name="article__published_on", lookup_expr="isnull", words=("yes", "no"))
    q = django_filters.CharFilter(label="Text", method="by_text", widget=FastInput(input_type="search"))
    sort = django_filters.ChoiceFilter(
        label="Sort",
        choices=[(key, label) for key, (label, _, _) in SORTS.items()], method="no_filter", empty_label=None,
        widget=FastSelect,
    )

    class Meta:
        form = _QueueForm

    def __init__(self, data=None, *args, user=None, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.user = user

    def get_form_class(self):
        # Built once per process, not sixteen fields on every request: no field reads the request
        # or the database when it is built (the menus and the narratives are read when the form
        # is checked and shown), and each form works on its own deep copies of the class's fields.
        form_class = type(self).__dict__.get("_form_class")
        if form_class is None:
            form_class = super().get_form_class()
            type(self)._form_class = form_class
        return form_class

    def by_state(self, queryset, name, value):
        return queryset.filter(state=value)

    def by_assignee(self, queryset, name, value):
        if value == "mine":
            return queryset.filter(assignee=self.user)
        return queryset.filter(assignee__isnull=True)

    def by_text(self, queryset, name, value):
        value = value.strip()[:200]
        if not value:
            return queryset
        if connection.vendor == "postgresql":
            # search_vector is the generated column of migration 0005, not a model field.
            matches = RawSQL(
                "claims_claim.search_vector @@ websearch_to_tsquery('english'::regconfig, %s)",
                [value],
                output_field=BooleanField(),
            )
            return queryset.filter(matches)
        return queryset.filter(text__icontains=value)

    def by_verdict_match(self, queryset, name, value):
        return by_published_match(queryset, wanted=value)

    def by_known_narrative(self, queryset, name, value):
        return by_narrative(queryset, value)

    def no_filter(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("state"):
            queryset = queryset.filter(state__in=OPEN_STATES)
        return queryset

    def in_state(self, in_every_state: QuerySet[Claim]) -> QuerySet[Claim]:
        """The rows' claims (`qs`), from the tabs' (qs_in_every_state) instead of filtered again:
        those in the chosen state, or in the open states when none (or a forged one) is chosen."""
        state = self.form.cleaned_data.get("state")
        return in_every_state.filter(state=state) if state else in_every_state.filter(state__in=OPEN_STATES)

    def undated_left_out(self, *, cap: int = COUNT_CAP) -> "CappedCount | None":
        """The claims of undated articles that the article date filter leaves out of the rows (and
        that every other filter and the state let through), counted to the cap in one query. None
        when no date filter is applied: the queue then reads nothing more."""
        self.errors  # validates the form: a date that is not valid is left out, and leaves nothing out
        data = self.form.cleaned_data
        if not any(data.get(name) for name in DATE_FILTERS) or self.undated_and_dated():
            return None
        queryset = self.queryset.all()
        for name, value in data.items():
            if name != "state" and name not in DATE_FILTERS:
                queryset = self.filters[name].filter(queryset, value)
        return capped_count(self.in_state(queryset).filter(article__published_on__isnull=True), cap=cap)

    def undated_and_dated(self) -> bool:
        """Whether "Article undated: yes" is asked together with an article date: no claim can be
        both (an undated article has no date to fall in the range), so the rows are empty by the
        reviewer's own choice and nothing is "left out" to hint at."""
        self.errors  # validates the form, as filters.qs does
        data = self.form.cleaned_data
        return data.get("undated") is True and any(data.get(name) for name in DATE_FILTERS)

    def narrowed(self) -> bool:
        """Whether any filter but the state tab and the sort narrows the queue: an empty result is
        then the filters' doing, not an empty queue."""
        self.errors  # validates the form, as filters.qs does
        return any(value not in (None, "") for name, value in self.form.cleaned_data.items() if name not in ("state", "sort"))

    def qs_in_every_state(self) -> QuerySet[Claim]:
        """The claims every filter but the state lets through: what the state tabs count. A filter
        that is not valid is left out here as it is from the rows."""
        self.errors  # validates the form, as filters.qs does
        queryset = self.queryset.all()
        for name, value in self.form.cleaned_data.items():
            if name != "state":
                queryset = self.filters[name].filter(queryset, value)
        return queryset


@dataclass
class QueuePage:
    claims: list[Claim]
    next_cursor: str | None
    sort: str
    first_page: bool


def encode_cursor(claim: Claim, sort: str) -> str:
    values = []
    for field in SORTS[sort][1]:
        value = getattr(claim, field)
        values.append(value.isoformat() if isinstance(value, datetime) else value)
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def _decode_cursor(cursor: str, sort: str) -> list | None:
    """The sort values from a cursor, or None when it is missing or not one of ours."""
    if not cursor:
        return None
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        fields = SORTS[sort][1]
        if not isinstance(values, list) or len(values) != len(fields):
            return None
        return [_cursor_value(f, v) for f, v in zip(fields, values)]
    except (ValueError, TypeError, OverflowError, binascii.Error, json.JSONDecodeError, UnicodeDecodeError):
        return None


def _cursor_value(field: str, value):
    """One sort value of a cursor, as the database can compare it; ValueError or OverflowError when
    it is none we wrote (the browser sends the cursor back, so anyone can forge one): NaN or
    infinity, a moment that has no UTC time in years 1-9999. Ids are held to the database's range."""
    if field == "created_at":
        moment = datetime.fromisoformat(value)
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    if field == "check_worthiness":
        number = float(value)
        if not math.isfinite(number):
            raise ValueError("not a finite number")
        return number
    # An id past the database's integers compares as the largest (or smallest) one would: no row
    # lies beyond it, so the page after it is the same (and the API's "finds nothing" holds).
    return max(-MAX_ID, min(int(value), MAX_ID))


def _after(values: list, sort: str) -> Q:
    """Rows strictly after the cursor in sort order: (a < x) or (a = x and b < y) ... for descending."""
    fields, descending = SORTS[sort][1], SORTS[sort][2]
    op = "lt" if descending else "gt"
    condition = Q()
    for i, field in enumerate(fields):
        step = Q(**{f"{field}__{op}": values[i]})
        for earlier, value in zip(fields[:i], values[:i]):
            step &= Q(**{earlier: value})
        condition |= step
    return condition


def queue_page(queryset: QuerySet, *, sort: str, cursor: str = "") -> QueuePage:
    sort = sort if sort in SORTS else "worthiness"
    fields, descending = SORTS[sort][1], SORTS[sort][2]
    order = [f"-{f}" if descending else f for f in fields]
    values = _decode_cursor(cursor, sort)
    if values is not None:
        queryset = queryset.filter(_after(values, sort))
    rows = queue_rows(queryset.order_by(*order)[: PAGE_SIZE + 1])
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    return QueuePage(rows, encode_cursor(rows[-1], sort) if more and rows else None, sort, values is None)


STATE_LABELS = dict(ReviewState.choices)


@dataclass(slots=True)
class QueueRow:
    """A claim as its row in the queue shows it. Read as plain values (no model instances: fifty
    rows with their article, side, source and assignee built as models cost more than the query),
    with what the row says about its side, source and assignee filled in by queue_rows()."""

    pk: int
    article_id: int
    text: str
    start: int
    end: int
    speaker: str
    kind: str
    check_worthiness: float
    state: str
    has_dispute: bool
    spread: int
    created_at: datetime
    side_id: int | None
    source_id: int | None
    assignee_id: int | None
    matches_published: bool
    repeats_narrative: bool
    article_title: str
    side_name: str = ""
    source_name: str = ""
    assignee_name: str = ""
    verdict_match: object = None  # selectors.matches.VerdictMark
    narrative_mark: object = None  # selectors.narratives.NarrativeMark

    @property
    def id(self) -> int:
        return self.pk

    @property
    def state_label(self) -> str:
        return STATE_LABELS.get(self.state, self.state)


# The columns of a QueueRow, in its order: the claim's own, then its article's title.
ROW_COLUMNS = (
    "id", "article_id", "text", "start", "end", "speaker", "kind", "check_worthiness", "state", "has_dispute",
    "spread", "created_at", "side_id", "source_id", "assignee_id", "matches_published", "repeats_narrative",
    "article_title",
)


def _article_title() -> Subquery:
    """The article's title, read for each row of the page, not joined: PostgreSQL reads it after
    the sort and the LIMIT, fifty times, where a join of a search's few hundred matches to the
    articles hashed all 20,000 articles first (20 ms). The article's text and the page it was
    imported from (up to megabytes) stay in the database either way."""
    return Subquery(Article.objects.filter(pk=OuterRef("article_id")).order_by().values("title")[:1])


def queue_rows(claims: QuerySet[Claim]) -> list[QueueRow]:
    """The claims (ordered and sliced by the caller) as queue rows, with their marks.

    Names of sides, sources and assignees come from the filter menus (selectors.menus: read again
    whenever one of those records changes), which keeps the page's query on two tables; a name
    the menus lack (an assignee no longer active) is read. The marks are read only for claims whose
    stored flags say they have one (the flags the "matches a published verdict" and "known
    narrative" filters read): most pages have few, many none."""
    rows = [QueueRow(*values) for values in claims.annotate(article_title=_article_title()).values_list(*ROW_COLUMNS)]
    if not rows:
        return rows
    menus = queue_menus()
    sides = _names(menus["side"].labels, {r.side_id for r in rows}, Side, "name")
    sources = _names(menus["source"].labels, {r.source_id for r in rows}, Source, "name")
    people = _names(menus["reviewer"].labels, {r.assignee_id for r in rows}, get_user_model(), get_user_model().USERNAME_FIELD)
    for row in rows:
        row.side_name = sides.get(row.side_id, "")
        row.source_name = sources.get(row.source_id, "")
        row.assignee_name = people.get(row.assignee_id, "")
    if flagged := [row for row in rows if row.matches_published]:
        queue_with_marks(flagged)
    if flagged := [row for row in rows if row.repeats_narrative]:
        with_narrative_marks(flagged)
    return rows


def _names(known: dict[int, str], ids: set, model, field: str) -> dict[int, str]:
    ids.discard(None)
    missing = ids - known.keys()
    if not missing:
        return known
    return {**known, **dict(model.objects.filter(pk__in=missing).values_list("pk", field))}


def bulk_assignees(user) -> QuerySet:
    """Whom the bulk bar offers to assign claims to: reviewers and editors, for those who may
    assign to others (editors and admins); nobody for a reviewer, who can only take claims."""
    if not permissions.can_export(user):
        return get_user_model().objects.none()
    return get_user_model().objects.filter(groups__name__in=["Reviewer", "Editor"]).distinct().order_by("username")


def queue_claims() -> QuerySet[Claim]:
    return Claim.objects.filter(check_worthy=True)


@dataclass(frozen=True)
class CappedCount:
    number: int  # at most the cap
    capped: bool  # there are more than `number`

    @property
    def shown(self) -> str:
        return f"{self.number:,}+" if self.capped else f"{self.number:,}"


@dataclass(frozen=True)
class StateCount:
    state: str  # "" for the open states together
    label: str
    number: int  # at most the cap
    capped: bool  # there are more than `number`

    @property
    def shown(self) -> str:
        return f"{self.number:,}+" if self.capped else f"{self.number:,}"


def state_counts(claims: QuerySet[Claim], *, cap: int = COUNT_CAP) -> list[StateCount]:
    """Claims per review state among `claims` (the filtered queue in every state), each counted
    to at most the cap; the open states together come first.

    Each state's count is `SELECT COUNT(*) FROM (... AND state = s LIMIT cap + 1)`, the five in
    one query: an index (claim_state_count_idx for the claim's own columns,
    claim_article_state_idx for the article's) is read until the cap is passed and no further, so
    the cost stays small at a million claims and nothing needs caching: the counts are never stale.
    A text search is counted the same way, each state from its own text index (migration 0022)."""
    numbers = _counted_per_state(claims, cap)
    counts = [
        StateCount(state, label, min(numbers[state], cap), numbers[state] > cap)
        for state, label in ReviewState.choices
    ]
    open_ones = [count for count in counts if count.state in OPEN_STATES]
    everything_open = StateCount(
        "", "Open", sum(c.number for c in open_ones), any(c.capped for c in open_ones)
    )
    return [everything_open, *counts]


def _counted_per_state(claims: QuerySet[Claim], cap: int) -> dict[str, int]:
    # The filtered claims are compiled to SQL once and each state's count selects from them: the
    # database folds the state into the filtered query (a plain subquery), so each count reads the
    # same index it would if the state were among the filters, and Django compiles one query a
    # request instead of five.
    sql, filter_params = claims.order_by().values("state").query.sql_with_params()
    parts, params = [], []
    for state in ReviewState.values:
        parts.append(
            f"(SELECT COUNT(*) FROM (SELECT 1 FROM ({sql}) AS filtered_{state} "
            f"WHERE filtered_{state}.state = %s LIMIT {int(cap) + 1}) AS capped_{state})"
        )
        params.extend([*filter_params, state])
    return dict(zip(ReviewState.values, _capped_counts("SELECT " + ", ".join(parts), params)))


def capped_count(claims: QuerySet[Claim], *, cap: int = COUNT_CAP) -> CappedCount:
    """How many `claims` there are, up to the cap, in one statement that reads at most cap + 1 of
    them through an index, as each state tab's count does."""
    sql, params = claims.order_by().values("pk").query.sql_with_params()
    (number,) = _capped_counts(f"SELECT COUNT(*) FROM (SELECT 1 FROM ({sql}) AS filtered LIMIT {int(cap) + 1}) AS capped", params)
    return CappedCount(min(number, cap), number > cap)


def _capped_counts(counting: str, params: list) -> tuple[int, ...]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A LIMIT makes PostgreSQL bet on a sequential scan finding enough rows early; when a
            # state is empty under a filter (unassigned claims in review: none) the bet reads the
            # whole table, where the index answers at once (the claims of undated articles: 35 ms
            # read from the table at 200,000 claims, where their articles' index finds them in
            # one). Price the table scan out for this statement only: sent as one query string,
            # the SET LOCAL and the count run in one implicit transaction (or the caller's), in
            # one round trip instead of BEGIN, SET, SELECT and COMMIT (on a busy server each
            # round trip costs a wait for the CPU).
            cursor.execute("SET LOCAL enable_seqscan = off; " + counting, params)
            cursor.nextset()
        else:
            cursor.execute(counting, params)
        return tuple(cursor.fetchone())


def queue_row(pk: int) -> QueueRow:
    """One claim as a page of the queue shows it; Claim.DoesNotExist when there is none."""
    rows = queue_rows(Claim.objects.filter(pk=pk))
    if not rows:
        raise Claim.DoesNotExist(f"No claim {pk}")
    return rows[0]
