"""Form widgets for pages that must stay fast with large registries.

Django renders every <option> of a select through its own template; a filter bar with a few
hundred sources then costs more than the database query behind the page. FastSelect builds
the same HTML in Python, every value escaped (claims.markup).
"""
from django import forms
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
