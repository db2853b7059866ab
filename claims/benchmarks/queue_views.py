"""Which queue views bench_queue times: every filter, sort and state tab the queue's filter set
offers, read from selectors.queue.QueueFilter itself so that a filter added there is timed too.

A menu of records (outlet, topic, reviewer, ...) is timed with its largest value and its rarest:
the plan that suits an outlet with 40% of the claims walks the order's index and stops early,
the one that suits an outlet with a few hundred claims reads them and sorts; both must be fast.
A filter without menu (a number, a date, a text) is timed with the values in SAMPLES; one that
is neither is reported as untimed, so a new kind of filter cannot slip past the benchmark.
"""
import django_filters
from django.db.models import Count

from ..models import Claim
from ..selectors.queue import OPEN_STATES, SORTS, QueueFilter

# Values for the filters that have no menu to enumerate: {filter name: {view label: value}}.
SAMPLES = {
    "min_worthiness": {"0.8": "0.8", "0.99": "0.99"},
    "published_from": {"2024-03-01": "2024-03-01"},
    "published_to": {"2024-03-31": "2024-03-31"},
    "q": {"a common place": "Kasm", "two words": "Kasm shelled", "a word nobody wrote": "zyzzyva"},
}


def queue_views(reviewer) -> tuple[dict[str, dict], list[str]]:
    """({view name: query parameters}, names of filters this could not time)."""
    views: dict[str, dict] = {"default (open, most check-worthy)": {}}
    untimed = []
    for name, field in QueueFilter.base_filters.items():
        if name == "sort":
            views.update({f"sort={key}": {"sort": key} for key in SORTS if key != "worthiness"})
        elif isinstance(field, django_filters.ModelChoiceFilter):
            views.update(_largest_and_rarest(name, field))
        elif isinstance(field, django_filters.ChoiceFilter):
            choices = field.extra["choices"]
            choices = choices() if callable(choices) else choices  # read from the database (the narratives)
            views.update({f"{name}={key}": {name: key} for key, _ in choices if key})
        elif isinstance(field, django_filters.BooleanFilter):
            # The words the filter's menu sends (selectors.yes_or_no): the same view names run to run.
            views.update({f"{name}={key}": {name: key} for key in field.extra.get("words", ("true", "false"))})
        elif name in SAMPLES:
            views.update({f"{name}: {label}": {name: value} for label, value in SAMPLES[name].items()})
        else:
            untimed.append(name)
    if {"published_from", "published_to"} <= set(QueueFilter.base_filters):
        views["published in one month"] = {"published_from": "2024-03-01", "published_to": "2024-03-31"}
    return views, untimed


def _largest_and_rarest(name: str, field) -> dict[str, dict]:
    """The filter's value with the most check-worthy claims and the one with the fewest (but some)."""
    path = field.field_name
    counted = (
        Claim.objects.filter(check_worthy=True, state__in=OPEN_STATES, **{f"{path}__isnull": False})
        .values(path).annotate(n=Count("pk")).order_by("-n", path)
    )
    rows = list(counted.values_list(path, "n"))
    if not rows:
        return {f"{name} (none seeded)": {name: _any_value(field)}} if _any_value(field) else {}
    (largest, many), (rarest, few) = rows[0], rows[-1]
    views = {f"{name}: largest ({many:,} open)": {name: largest}}
    if rarest != largest:
        views[f"{name}: rarest ({few:,} open)"] = {name: rarest}
    return views


def _any_value(field):
    first = field.queryset.order_by("pk").values_list("pk", flat=True).first()
    return first


def next_pages(client, views: dict[str, dict]) -> dict[str, dict]:
    """Page 2 (read through the cursor of page 1) of the default order and of each sort."""
    pages = {}
    for name, params in views.items():
        if params and set(params) != {"sort"}:
            continue
        cursor = client.get("/", params).context["page"].next_cursor
        if cursor:
            pages[f"page 2 of {name.split(' (')[0]}"] = {**params, "after": cursor}
    return pages
