"""The yes-or-no filters of the web pages (the queue's "Has a dispute" and "Matches a published
verdict", the article page's "Has a dispute", the narratives list's "archived"): one class, so
that each takes the words the API takes (claims.input_rules.yes_or_no: true/false, 1/0, yes/no,
on/off, t/f, y/n, any case) and refuses anything else with the same filter error, instead of one
page reading "yes" as "either" while another refuses "1"."""
import django_filters
from django import forms
from django.core.exceptions import ValidationError

from ..input_rules import yes_or_no
from ..widgets import FastSelect

# The value sent is not repeated: it may be anything, a direction control that turns the line included.
NOT_YES_OR_NO = "Choose yes or no (or true or false, 1 or 0, on or off, in any case)."


class YesOrNoField(forms.Field):
    """True, False, or None for "either". `words` are what the page's own menu sends for yes and
    no: the links and bookmarks made with them keep working."""

    def __init__(self, *, words: tuple[str, str] = ("true", "false"), empty_label: str = "Either", **kwargs):
        self.words = words
        kwargs.setdefault("widget", FastSelect(choices=[("", empty_label), (words[0], "Yes"), (words[1], "No")]))
        super().__init__(**kwargs)

    def to_python(self, value):
        if value is None or value == "" or isinstance(value, bool):  # the API hands over a bool it has read
            return value if isinstance(value, bool) else None
        answer = yes_or_no(value)
        if answer is None:
            raise ValidationError(NOT_YES_OR_NO, code="invalid")
        return answer

    def prepare_value(self, value):
        # "YES" or "1" in the address selects the menu's own word, so the menu shows what is applied.
        answer = value if isinstance(value, bool) else yes_or_no(value)
        return "" if answer is None else self.words[0] if answer else self.words[1]


class YesOrNoFilter(django_filters.BooleanFilter):
    field_class = YesOrNoField
