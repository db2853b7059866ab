"""The review queue: which claims a reviewer sees, in what order, one page at a time.

Filters live in the URL (a view can be bookmarked and shared). Pages are read with a keyset
cursor (the sort values of the last row seen) instead of OFFSET and a full COUNT, so page 1 and
page 1,000 cost the same at a million claims. The counts per review state are cached briefly.
"""
import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime

import django_filters
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.db.models import BooleanField, Count, Q, QuerySet
from django.db.models.expressions import RawSQL

from .. import permissions
from ..models import Article, Claim, Outlet, Side, Source, Topic
from ..widgets import FastInput, FastSelect
from ..workflow import ReviewState

PAGE_SIZE = 50
OPEN_STATES = [ReviewState.NEW, ReviewState.IN_REVIEW, ReviewState.AWAITING_APPROVAL]
COUNTS_SECONDS = 30

# sort name -> (label, fields in order, descending?)
SORTS = {
    "worthiness": ("Most check-worthy first", ("check_worthiness", "id"), True),
    "newest": ("Newest first", ("created_at", "id"), True),
    "article": ("By article", ("article_id", "start", "id"), False),
}


class QueueFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(
        choices=ReviewState.choices, empty_label="Open (new, in review, awaiting)", method="by_state", widget=FastSelect
    )
    assigned = django_filters.ChoiceFilter(
        label="Assignee", choices=[("mine", "Mine"), ("unassigned", "Unassigned")], method="by_assignee",
        empty_label="Anyone", widget=FastSelect,
    )
    reviewer = django_filters.ModelChoiceFilter(
        label="Assigned to", field_name="assignee", widget=FastSelect(label_field="username"), empty_label="Anyone",
        queryset=get_user_model().objects.filter(is_active=True).order_by("username"),
    )
    topic = django_filters.ModelChoiceFilter(
        label="Topic", field_name="article__topic", queryset=Topic.objects.all(),
        widget=FastSelect(label_field="name"), empty_label="Any",
    )
    side = django_filters.ModelChoiceFilter(
        queryset=Side.objects.all(), widget=FastSelect(label_field="name"), empty_label="Any"
    )
    source = django_filters.ModelChoiceFilter(
        queryset=Source.objects.all(), widget=FastSelect(label_field="name"), empty_label="Any"
    )
    outlet = django_filters.ModelChoiceFilter(
        label="Outlet", field_name="article__outlet", queryset=Outlet.objects.all(),
        widget=FastSelect(label_field="name"), empty_label="Any",
    )
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
    disputed = django_filters.BooleanFilter(
        label="Has a dispute", field_name="has_dispute",
        widget=FastSelect(choices=[("", "Either"), ("true", "Yes"), ("false", "No")]),
    )
    published_from = django_filters.DateFilter(
        label="Published from", field_name="article__published_on", lookup_expr="gte", widget=FastInput(input_type="date")
    )
    published_to = django_filters.DateFilter(
        label="Published to", field_name="article__published_on", lookup_expr="lte", widget=FastInput(input_type="date")
    )
    q = django_filters.CharFilter(label="Text", method="by_text", widget=FastInput(input_type="search"))
    sort = django_filters.ChoiceFilter(
        label="Sort",
        choices=[(key, label) for key, (label, _, _) in SORTS.items()], method="no_filter", empty_label=None,
        widget=FastSelect,
    )

    def __init__(self, data=None, *args, user=None, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.user = user

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

    def no_filter(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("state"):
            queryset = queryset.filter(state__in=OPEN_STATES)
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
        return [datetime.fromisoformat(v) if f == "created_at" else (float(v) if f == "check_worthiness" else int(v))
                for f, v in zip(fields, values)]
    except (ValueError, TypeError, binascii.Error, json.JSONDecodeError, UnicodeDecodeError):
        return None


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
    rows = list(
        queryset.select_related("article", "side", "source", "assignee")
        # A page of claims shows each article's title; its text and the page it was imported from
        # (kept as received: an HTML page can run to megabytes) stay in the database.
        .defer("article__body", "article__raw_input", "article__raw_file")
        .order_by(*order)[: PAGE_SIZE + 1]
    )
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    return QueuePage(rows, encode_cursor(rows[-1], sort) if more and rows else None, sort, values is None)


def bulk_assignees(user) -> QuerySet:
    """Whom the bulk bar offers to assign claims to: reviewers and editors, for those who may
    assign to others (editors and admins); nobody for a reviewer, who can only take claims."""
    if not permissions.can_export(user):
        return get_user_model().objects.none()
    return get_user_model().objects.filter(groups__name__in=["Reviewer", "Editor"]).distinct().order_by("username")


def queue_claims() -> QuerySet[Claim]:
    return Claim.objects.filter(check_worthy=True)


def state_counts() -> dict[str, int]:
    """Claims per review state, at most COUNTS_SECONDS old: counting a million rows per page view
    would cost more than the page itself."""

    def count():
        counts = dict(Claim.objects.filter(check_worthy=True).values_list("state").annotate(n=Count("id")).order_by())
        return {state: counts.get(state, 0) for state in ReviewState.values}

    return cache.get_or_set("queue-state-counts", count, COUNTS_SECONDS)
