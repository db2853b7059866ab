"""The one rule for a date range a person types into a filter (the queue's article dates, the
reports' and exports' verdict dates): its start may not be after its end. Such a range is not
"nothing matches", it is a mistake, and every page says so in the same words."""
from django import forms

REVERSED_RANGE = "The start of the date range is after its end."


class DateRangeForm(forms.Form):
    """A filter form with a date range: `date_range` names its start and end fields. A reversed
    range is the form's error, and neither of its dates is applied (a page that leaves invalid
    filters out, as the queue does, shows everything else; one that refuses them answers 400)."""

    date_range: tuple[str, str] = ("since", "until")

    def clean(self):
        data = super().clean()
        start_name, end_name = self.date_range
        start, end = data.get(start_name), data.get(end_name)
        if start and end and start > end:
            data.pop(start_name)
            data.pop(end_name)
            raise forms.ValidationError(REVERSED_RANGE, code="reversed_range")
        return data
