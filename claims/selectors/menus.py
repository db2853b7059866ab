"""The queue's filter menus: reviewers, topics, sides, sources, outlets and known narratives.

A newsroom's filter bar holds a few hundred of these records and they change a few times a day
(an outlet added, a reviewer joins, a narrative archived), while the queue is read many times a
minute. Reading and rendering every menu on every request cost more than the page's own claims
at a million claims. So each web process keeps the menus it last read, together with the
version they were read at, and reads them again only when the version has moved on.

The version is a token in Django's cache (Redis in a newsroom: one version for every process),
replaced whenever one of the records changes (`menus_changed`, called by the signals below and
by any code that changes these records without save(), such as a queryset update). It is
replaced at once, so the request that made the change sees it, and again when the transaction
commits, so a request that read the menus in between (without the uncommitted change) does not
keep them. The claims themselves are never kept: rows and counts are read on every request.
"""
import uuid
from dataclasses import dataclass, field

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import CharField, IntegerField, Value
from django.db.models.functions import Cast, Lower
from django.db.models.signals import post_delete, post_save
from django.utils.safestring import mark_safe
from django_filters.fields import ModelChoiceField

from ..markup import escaped
from ..widgets import attributes
from ..models import Narrative, Outlet, Side, Source, Topic

VERSION_KEY = "claims:queue-menus:version"


def _menu_querysets() -> dict:
    """{menu name: (records, label field)}: what each menu lists."""
    return {
        "reviewer": (get_user_model().objects.filter(is_active=True), "username"),
        "topic": (Topic.objects.all(), "name"),
        "side": (Side.objects.all(), "name"),
        "source": (Source.objects.all(), "name"),
        "outlet": (Outlet.objects.all(), "name"),
        # Only active narratives flag claims, so only they are offered (see selectors.narratives).
        "narrative": (Narrative.objects.filter(archived_at__isnull=True), "name"),
    }


@dataclass
class Menu:
    """One menu's records, (id, label) in the order shown, and their <option>s without a selection."""

    rows: list[tuple[int, str]]
    labels: dict[int, str] = field(init=False)
    options_html: str = field(init=False)

    def __post_init__(self):
        self.labels = dict(self.rows)
        self.options_html = "".join(f'<option value="{pk}">{escaped(label)}</option>' for pk, label in self.rows)

    def options(self, selected: str | None) -> str:
        """The <option>s with the chosen one selected (the ids are numbers: nothing to escape)."""
        if not selected or not selected.isdigit():
            return self.options_html
        return self.options_html.replace(f'<option value="{selected}">', f'<option value="{selected}" selected>', 1)


_kept: tuple[str, dict] | None = None  # (version, menus) as this process last read them


def queue_menus() -> dict[str, Menu]:
    """Every menu of the queue's filter bar, read again only when a record of one has changed."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)  # after a cache restart: read once more
        version = cache.get(VERSION_KEY)
    kept = _kept
    if kept is not None and version is not None and kept[0] == version:
        return kept[1]
    menus = _read_menus()
    _remember(version, menus)
    return menus


def _remember(version, menus) -> None:
    global _kept
    _kept = (version, menus)


def _read_menus() -> dict[str, Menu]:
    """All the menus in one query (a UNION ALL): one round trip instead of one per menu. Each in
    the order of its labels, as the database collates them; narratives whatever their case, as on
    their own page."""
    querysets = _menu_querysets()
    parts = [
        queryset.order_by().annotate(
            menu_number=Value(number, output_field=IntegerField()),
            menu_label=Cast(label, CharField()),
            menu_sort=Lower(label) if name == "narrative" else Cast(label, CharField()),
        ).values_list("menu_number", "pk", "menu_label", "menu_sort")
        for number, (name, (queryset, label)) in enumerate(querysets.items())
    ]
    rows: dict[int, list] = {number: [] for number in range(len(parts))}
    for number, pk, label, _ in parts[0].union(*parts[1:], all=True).order_by("menu_number", "menu_sort", "pk"):
        rows[number].append((pk, label))
    return {name: Menu(rows[number]) for number, name in enumerate(querysets)}


def menus_changed(update_fields=None, **_signal) -> None:
    """A record a menu lists was added, changed or removed: every process reads the menus again."""
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # a sign-in stamps the user: nothing a menu shows
    _new_version()
    transaction.on_commit(_new_version)


def _new_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def watch_menu_records() -> None:
    """Connected once, from the app's ready(): saving or deleting a listed record changes the version."""
    for model in (get_user_model(), Topic, Side, Source, Outlet, Narrative):
        for signal in (post_save, post_delete):
            signal.connect(menus_changed, sender=model, dispatch_uid=f"claims.menus.{signal is post_save}.{model._meta.label}")


# --- The menus in the queue's filter bar ----------------------------------------------------------


class MenuSelect(forms.Select):
    """A <select> of one of the menus above: its <option>s built once per version of the menus."""

    def __init__(self, menu: str, attrs=None):
        super().__init__(attrs)
        self.menu = menu
        self.empty_label = ""

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, attrs)
        chosen = "" if value is None else str(value)
        options = queue_menus()[self.menu].options(chosen)
        empty = f'<option value="">{escaped(self.empty_label)}</option>'
        return mark_safe(f'<select name="{escaped(name)}"{attributes(final)}>{empty}{options}</select>')


class MenuChoiceField(ModelChoiceField):
    """A record from one of the menus, checked against the menu as shown (the same version) instead
    of with a query: the record's id. A forged or removed id is refused as ModelChoiceField does."""

    def __init__(self, *args, menu: str, **kwargs):
        kwargs.setdefault("widget", MenuSelect(menu))
        super().__init__(*args, **kwargs)
        self.menu = menu
        self.widget.empty_label = self.empty_label or ""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value)
        if not (text.isascii() and text.isdigit() and int(text) in queue_menus()[self.menu].labels):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value})
        return int(text)


class MenuFilter(django_filters.ModelChoiceFilter):
    """A queue filter on a record of one of the menus (`menu`); `queryset` still says which records
    those are (for the benchmark and for anyone reading the filter set)."""

    field_class = MenuChoiceField
