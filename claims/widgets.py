"""Form widgets for pages that must stay fast with large registries.

Django renders every <option> of a select through its own template; a filter bar with a few
hundred sources then costs more than the database query behind the page. FastSelect builds
the same HTML in Python, every value escaped (claims.markup).
"""
from django import forms
from django.db.models import CharField, IntegerField, Value
from django.db.models.functions import Cast
from django.forms.models import ModelChoiceIterator
from django.utils.safestring import mark_safe

from .markup import escaped


def attributes(attrs: dict) -> str:
    return "".join(f' {escaped(key)}="{escaped(value)}"' for key, value in attrs.items() if value not in (None, False))


class FastSelect(forms.Select):
    def __init__(self, attrs=None, choices=(), label_field: str | None = None):
        super().__init__(attrs, choices)
        # For model choices: read (id, label_field) rows instead of building a model per option.
        self.label_field = label_field
        self.rows = None  # the menu's rows when read_menus() read them with the form's other menus

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, attrs)
        selected = {str(v) for v in (value if isinstance(value, (list, tuple)) else [value]) if v not in (None, "")}
        options = "".join(
            f'<option value="{escaped(option_value)}"{" selected" if str(option_value) in selected else ""}>{escaped(label)}</option>'
            for option_value, label in self._flat_options()
        )
        return mark_safe(f'<select name="{escaped(name)}"{attributes(final)}>{options}</select>')

    def _flat_options(self):
        if self.label_field and isinstance(self.choices, ModelChoiceIterator):
            field = self.choices.field
            if field.empty_label is not None:
                yield "", field.empty_label
            rows = self.rows
            if rows is None:
                rows = field.queryset.order_by(self.label_field).values_list("pk", self.label_field)
            yield from ((str(pk), label) for pk, label in rows)
            return
        for option_value, label in self.choices:
            if isinstance(label, (list, tuple)):  # option groups are flattened: filters do not use them
                yield from ((str(v), l) for v, l in label)
            else:
                yield ("" if option_value is None else str(getattr(option_value, "value", option_value)), label)


class FastInput(forms.TextInput):
    """A text, number or date input rendered without a template (see FastSelect)."""

    def __init__(self, attrs=None, input_type: str = "text"):
        super().__init__(attrs)
        self.input_type = input_type

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, attrs)
        final["value"] = self.format_value(value)
        return mark_safe(f'<input type="{escaped(self.input_type)}" name="{escaped(name)}"{attributes(final)}>')


class DayInput(forms.DateInput):
    """A browser's date picker. It reads and writes ISO dates only (yyyy-mm-dd), whatever the
    site's language: a British "30/11/2026" would be rejected by the browser and shown empty, and
    a form saved from that empty box would erase the date."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def read_menus(form: forms.Form) -> None:
    """Read the rows of every model menu of the form (a FastSelect with label_field) in one query,
    a UNION ALL, instead of one query per menu as each renders: on a busy database server each
    round trip waits for the CPU, and a filter bar has several menus."""
    menus = [
        field.widget for field in form.fields.values()
        if isinstance(field.widget, FastSelect) and field.widget.label_field
        and isinstance(field.widget.choices, ModelChoiceIterator)
    ]
    if len(menus) < 2:
        return
    parts = [
        widget.choices.field.queryset.order_by()
        .annotate(menu_number=Value(number, output_field=IntegerField()), menu_label=Cast(widget.label_field, CharField()))
        .values_list("menu_number", "pk", "menu_label")
        for number, widget in enumerate(menus)
    ]
    rows = {number: [] for number in range(len(menus))}
    for number, pk, label in parts[0].union(*parts[1:], all=True).order_by("menu_number", "menu_label", "pk"):
        rows[number].append((pk, label))
    for number, widget in enumerate(menus):
        widget.rows = rows[number]
