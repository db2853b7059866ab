"""Forms: they parse and check what a person typed; services decide what happens with it."""
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.forms.models import ModelChoiceIterator

from .documents import ParseError, decode_upload
from .input_rules import (
    HTTP_ONLY, MAX_ID, WHOLE_NUMBER, record_number, require_plain_name, require_plain_text, require_web_address,
)
from .models import Claim, ClaimKind, Outlet, Side, Source, Stance, Topic, Verdict
from .models.rejections import MAX_REASON_CHARS
from .ratings import Rating
from .services.articles import check_article_text
from .services.topics import NO_TOPIC
from .widgets import DayInput

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_RATIONALE_CHARS = 20_000


class Form(forms.Form):
    """The base of the workbench's forms: every text field follows the input rule
    (claims.input_rules), which says which character is wrong and where. It takes the place of
    Django's own NUL check, which says less. Fields a service checks with the same rule itself
    (the article text) are named in `checked_by_service`, so a mistake is reported once."""

    checked_by_service: tuple[str, ...] = ()
    # The form's own errors once, in an alert box above the fields (Django's as_div prints them
    # plainly, and pages that added their own box printed them twice).
    template_name_div = "claims/forms/div.html"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.CharField):
                rules = [v for v in field.validators if not isinstance(v, ProhibitNullCharactersValidator)]
                field.validators = rules if name in self.checked_by_service else [*rules, require_plain_text]


class HttpURLField(forms.URLField):
    default_validators = [require_web_address]
    default_error_messages = {"invalid": HTTP_ONLY}

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class WholeNumberField(forms.IntegerField):
    """A whole number typed into a form (a character offset, a record's number): ASCII digits, a
    minus in front at most (input_rules.WHOLE_NUMBER). Django's IntegerField reads what Python's
    int() reads, and "10.0" besides, so "٣٥" was 35, "１" 1 and "1_0" 10."""

    def to_python(self, value):
        if isinstance(value, str) and value.strip() not in self.empty_values and not WHOLE_NUMBER.fullmatch(value.strip()):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class RecordNumberField(WholeNumberField):
    """A record's number (a claim's) typed into a form: ASCII digits from 1 to the database's
    largest id ("٣" was claim 3): the same rule as the numbers views read themselves
    (input_rules.record_number), with the form's own messages for what is out of range."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(**kwargs)


NO_TOPIC_LABEL = "No topic (no sides, no disputes)"


class _TopicsThenNone(ModelChoiceIterator):
    def __iter__(self):
        yield from super().__iter__()
        yield ("none", NO_TOPIC_LABEL)

    def __len__(self):
        return super().__len__() + 1


class TopicOrNoneField(forms.ModelChoiceField):
    """The topic of an import: a topic, "choose it from the text" (empty) or an explicit no topic
    (NO_TOPIC), so that an editor asked about an unclear text is never stuck. Every import form
    (paste, links, files, spreadsheet) has this field, so their choices cannot drift apart again
    (the bulk forms lacked "No topic"). A topic's number follows the input rule for record numbers
    ("٣" is not topic 3, nor "9" * 30 a database error); anything else is "Select a valid choice"."""

    iterator = _TopicsThenNone

    def __init__(self, **kwargs):
        super().__init__(Topic.objects.all(), required=False, empty_label="Choose from the text", **kwargs)

    def to_python(self, value):
        if value == "none":
            return NO_TOPIC
        if isinstance(value, str) and value not in self.empty_values and record_number(value) is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


# What "Choose from the text" does for the forms that import many articles: nobody is there to ask.
BULK_TOPIC_HELP = (
    "Left on “Choose from the text”, each article's topic is chosen from the sources and cue words it names; "
    "an article whose topic is unclear is imported without one."
)


class ArticleImportForm(Form):
    checked_by_service = ("text",)
    title = forms.CharField(max_length=500, required=False, help_text="Leave empty to use the first line.")
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 16}), required=False, strip=False)
    file = forms.FileField(required=False, help_text="Or upload a plain-text (.txt) file in UTF-8.")
    url = HttpURLField(max_length=2000, required=False, label="URL")
    outlet = forms.ModelChoiceField(Outlet.objects.all(), required=False)
    published_on = forms.DateField(required=False, widget=DayInput())
    topic = TopicOrNoneField(
        help_text="Left on “Choose from the text”, the topic is chosen from the sources and cue words the article "
        "names; if that is unclear you are asked."
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(f"The file is {upload.size / 1_048_576:.1f} MB; the limit is 5 MB.")
        try:
            return decode_upload(upload.read())
        except ParseError as exc:
            raise ValidationError(str(exc)) from None

    def clean(self):
        data = super().clean()
        text, file_text = data.get("text") or "", data.get("file")
        if "file" in self.errors:
            return data
        if text.strip() and file_text:
            raise ValidationError("Paste text or upload a file, not both.")
        raw = file_text if file_text is not None else text
        try:
            check_article_text(raw)
        except ValidationError as exc:
            self.add_error("file" if file_text is not None else "text", exc)
        data["raw_text"] = raw
        return data


class EvidenceForm(Form):
    url = HttpURLField(max_length=2000, required=False, label="Source URL")
    archived_url = HttpURLField(max_length=2000, required=False, label="Archived copy URL")
    excerpt = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=10_000)
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=10_000)
    stance = forms.ChoiceField(choices=Stance.choices, initial=Stance.CONTEXT)

    def clean(self):
        data = super().clean()
        if not self.errors and not (data.get("url") or data.get("excerpt") or data.get("note")):
            raise ValidationError("Give a URL, an excerpt or a note.")
        return data


class VerdictForm(Form):
    # No rating is chosen for the reviewer: a default would be submitted by whoever did not look.
    rating = forms.ChoiceField(
        choices=[("", "Choose a rating…"), *Rating.choices],
        error_messages={"required": "Choose a rating: no verdict is recorded without one."},
    )
    rationale = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=MAX_RATIONALE_CHARS,
        help_text="Why this rating: what the evidence shows.",
    )


class SendBackForm(Form):
    comment = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=10_000)


class ManualClaimForm(Form):
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), max_length=5000, help_text="Copy it exactly from the article."
    )
    # A speaker typed by a person is a name: one line, nothing invisible (extraction's speakers,
    # taken from the article's own characters, are checked by the model's text rule alone).
    speaker = forms.CharField(max_length=300, required=False, help_text="Leave empty when the article says it itself.",
                              validators=[require_plain_name])
    side = forms.ModelChoiceField(Side.objects.none(), required=False)
    start = WholeNumberField(required=False, min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args, article, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["side"].queryset = Side.objects.filter(topic=article.topic_id)


class ClaimCorrectionForm(Form):
    speaker = forms.CharField(max_length=300, required=False, help_text="As the article names them; empty for the article itself.",
                              validators=[require_plain_name])
    source = forms.ModelChoiceField(Source.objects.none(), required=False, help_text="The registry entry, if any.")
    side = forms.ModelChoiceField(Side.objects.none(), required=False)
    kind = forms.ChoiceField(choices=ClaimKind.choices)

    def __init__(self, *args, claim, **kwargs):
        kwargs.setdefault(
            "initial",
            {"speaker": claim.speaker, "source": claim.source_id, "side": claim.side_id, "kind": claim.kind},
        )
        super().__init__(*args, **kwargs)
        topic = claim.article.topic_id
        self.fields["side"].queryset = Side.objects.filter(topic=topic)
        self.fields["source"].queryset = Source.objects.filter(side__topic=topic) | Source.objects.filter(side__isnull=True)


class CommentForm(Form):
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=5000, label="Comment")


class AssignForm(Form):
    assignee = forms.ModelChoiceField(get_user_model().objects.none(), required=False, empty_label="Nobody")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = (
            get_user_model().objects.filter(groups__name__in=["Reviewer", "Editor", "Admin"], is_active=True)
            .distinct().order_by("username")
        )


class DuplicateForm(Form):
    original = RecordNumberField(label="Duplicate of claim number")


class SplitForm(Form):
    at = WholeNumberField(min_value=0, label="Split at character")


class MergeForm(Form):
    other = RecordNumberField(label="Merge with claim number")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class LinkImportForm(Form):
    urls = forms.CharField(
        label="Links", widget=forms.Textarea(attrs={"rows": 5}), max_length=200_000,
        help_text="One link per line (http or https).",
    )
    topic = TopicOrNoneField(help_text=BULK_TOPIC_HELP)

    def clean_urls(self):
        links = [line.strip() for line in self.cleaned_data["urls"].splitlines() if line.strip()]
        bad = [link for link in links if not _is_http_url(link)]
        if bad:
            raise ValidationError(f"Not a web address: {bad[0][:100]}" + (f" (and {len(bad) - 1} more)" if len(bad) > 1 else ""))
        if not links:
            raise ValidationError("Give at least one link.")
        return links


def _is_http_url(value: str) -> bool:
    try:
        require_web_address(value)
    except ValidationError:
        return False
    return True


class FileImportForm(Form):
    files = MultipleFileField(help_text="Text, Markdown, HTML, Word (.docx) or PDF; at most 5 MB each.")
    topic = TopicOrNoneField(help_text=BULK_TOPIC_HELP)


class SpreadsheetImportForm(Form):
    spreadsheet = forms.FileField(help_text="CSV with a header row (text or url, optional title, published_on) or JSON Lines.")
    topic = TopicOrNoneField(help_text=BULK_TOPIC_HELP)



# --- Changing an article's topic, outlet and date (issue 14: topic and sides never lost silently) ---


class ArticleDetailsForm(Form):
    """What an editor may change on an imported article: the rest is what was received."""

    topic = forms.ModelChoiceField(Topic.objects.all(), required=False, empty_label=NO_TOPIC_LABEL)
    outlet = forms.ModelChoiceField(Outlet.objects.all(), required=False, empty_label="Unknown outlet")
    published_on = forms.DateField(
        required=False, label="Published on", widget=DayInput(),
        error_messages={"invalid": "Enter a real date, such as 2026-03-31."},
    )


# --- Same claim, one verdict (issue 15): the match a reviewer links or unlinks -------------------
class SameClaimForm(Form):
    # Held to the database's ids: a forged number past them is a form error, not a database one.
    other = RecordNumberField(label="Claim number")


class RejectSuggestionForm(Form):
    """Why a suggested match or narrative flag is wrong ("Not the same claim", "Not this
    narrative"): optional, one line, in the reviewer's words."""

    reason = forms.CharField(label="Why (optional)", required=False, max_length=MAX_REASON_CHARS)


# --- Known narratives (issue 15): what editors record --------------------------------------------
MAX_SUMMARY_CHARS = 5000
MAX_EXAMPLE_CHARS = 2000


class NarrativeForm(Form):
    name = forms.CharField(max_length=200, help_text="A short name the desk will recognise: “Bridge destroyed on Monday”.")
    summary = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}), max_length=MAX_SUMMARY_CHARS,
        help_text="What the narrative claims, and what the desk found.",
    )
    topic = forms.ModelChoiceField(Topic.objects.all(), required=False, empty_label="No topic")


class NewNarrativeForm(NarrativeForm):
    example = forms.CharField(
        label="An example of how it is told", widget=forms.Textarea(attrs={"rows": 3}), max_length=MAX_EXAMPLE_CHARS,
        required=False, help_text="In your own words, as a claim would say it; add more on the narrative's page.",
    )


class NarrativeExampleForm(Form):
    # The narrative's page holds this form and the debunking verdict's, both with a "claim"
    # field: ids of their own, so each label names its own box.
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "example-%s")
        super().__init__(*args, **kwargs)

    text = forms.CharField(
        label="Example in your own words", widget=forms.Textarea(attrs={"rows": 2}), max_length=MAX_EXAMPLE_CHARS,
        required=False,
    )
    claim = RecordNumberField(label="Or the number of a claim that tells it", required=False)

    def clean_claim(self):
        """The claim itself, or None when none was given."""
        number = self.cleaned_data["claim"]
        if number is None:
            return None
        claim = Claim.objects.filter(pk=number).first()
        if claim is None:
            raise ValidationError(f"There is no claim number {number}.")
        return claim

    def clean(self):
        data = super().clean()
        if not self.errors and not (data.get("text") or "").strip() and data.get("claim") is None:
            raise ValidationError("Type how the narrative is told, or give the number of a claim that tells it.")
        claim_given = data.get("claim") is not None or self.has_error("claim")  # an unknown number was still given
        if (data.get("text") or "").strip() and claim_given:
            raise ValidationError("Type an example or give a claim number, not both.")
        return data


class NarrativeDebunkForm(Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "debunk-%s")
        super().__init__(*args, **kwargs)

    claim = RecordNumberField(
        label="Claim number of the published fact-check",
        help_text="The claim whose published verdict debunks the narrative.",
    )

    def clean_claim(self):
        """The claim's verdict (whether it is published is the service's rule)."""
        number = self.cleaned_data["claim"]
        verdict = Verdict.objects.select_related("claim").filter(claim_id=number).first()
        if verdict is None:
            raise ValidationError(f"Claim {number} has no verdict." if Claim.objects.filter(pk=number).exists()
                                  else f"There is no claim number {number}.")
        return verdict
