"""A claim's history as one timeline: changes to the claim, its verdict and its evidence, and
the discussion, each with who and when (from django-simple-history).

Related records named in changes (a side, a source, a reviewer) are looked up in one query per
kind of record, whatever the length of the history.
"""
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Q
from django.utils.text import capfirst

from ..input_rules import shortened
from ..models import Claim, Comment, Evidence, Verdict
from ..presentation import day, moment

# The change reason services.rejections gives a rejection a reviewer takes back.
RESTORED = "restored"

# Fields whose changes are bookkeeping, not something a reviewer needs to read. The stored marks
# (matches a published verdict, repeats a narrative, spread) follow other records' changes, which
# their own pages show; "Matches published: False -> True" read like a rating of False.
QUIET = {"version", "updated_at", "has_dispute", "submitted_at", "matches_published", "repeats_narrative", "spread"}


@dataclass
class Event:
    when: datetime
    who: str
    what: str
    changes: list = field(default_factory=list)  # (model field, old, new)
    note: str = ""  # a comment's text

    @property
    def detail(self) -> str:
        if self.note:
            return self.note
        return "; ".join(f"{capfirst(str(f.verbose_name))}: {old} → {new}" for f, old, new in self.changes)


def _records(history_model, **filters):
    return list(history_model.objects.filter(**filters).select_related("history_user").order_by("history_date", "history_id"))


def _events_for(records, model, noun: str, said: str = "") -> list[Event]:
    """`said`: a field whose text is noted when the record is added or removed (a narrative's
    example: once it is gone, only the timeline can say what it was)."""
    events, previous = [], {}
    for record in records:
        who = record.history_user.get_username() if record.history_user else "extraction"
        if record.history_type == "+":
            events.append(Event(record.history_date, who, f"added the {noun}", note=_note(record, said)))
        elif record.history_type == "-":
            events.append(Event(record.history_date, who, f"removed the {noun}", note=_note(record, said)))
        elif record.id in previous:
            delta = record.diff_against(previous[record.id])
            changes = [
                (model._meta.get_field(c.field), c.old, c.new) for c in delta.changes if c.field not in QUIET
            ]
            if changes:
                events.append(Event(record.history_date, who, f"changed the {noun}", changes))
        previous[record.id] = record
    return events


def _note(record, said: str) -> str:
    text = getattr(record, said, "") if said else ""
    return shortened(text, 300)


def _readable(events: list[Event]) -> None:
    """Replace raw values by what people read: choice labels, and names for related ids."""
    wanted = defaultdict(set)
    for event in events:
        for model_field, old, new in event.changes:
            if model_field.is_relation:
                wanted[model_field.related_model].update(v for v in (old, new) if v not in (None, ""))
    names = {
        model: {obj.pk: str(obj) for obj in model._default_manager.filter(pk__in=ids)} for model, ids in wanted.items()
    }

    def show(model_field, value):
        if value in (None, ""):
            return "–"
        if model_field.is_relation:
            return names[model_field.related_model].get(value, f"#{value} (deleted)")
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        if isinstance(value, (date, datetime)):
            return _moment(value)
        text = str(value)
        return shortened(text, 80)

    for event in events:
        event.changes = [(f, show(f, old), show(f, new)) for f, old, new in event.changes]


def _rejection_events(claim: Claim) -> list[Event]:
    """Suggestions turned down for the claim's words, and taken back (services.rejections): a
    rejection names the claim by its article and words, so its history outlives a re-split."""
    from ..models import MatchRejection, Narrative, NarrativeRejection, wording_key

    key, events = wording_key(claim.text), []
    ends = Q(first_article_id=claim.article_id, first_key=key) | Q(second_article_id=claim.article_id, second_key=key)
    for record in _records_where(MatchRejection, ends):
        mine = (record.first_article_id, record.first_key) == (claim.article_id, key)
        other = f"“{_short(record.second_text if mine else record.first_text)}”"
        if record.history_type == "+":
            events.append(Event(record.history_date, _who(record), "said it is not the same claim as",
                                note=other + (f": {record.reason}" if record.reason else "")))
        else:
            what = "restored the suggestion" if record.history_change_reason == RESTORED else (
                "dropped a turned-down suggestion with the other claim's article")
            events.append(Event(record.history_date, _who(record), what, note=other))
    records = _records_where(NarrativeRejection, Q(article_id=claim.article_id, claim_key=key))
    names = dict(Narrative.objects.filter(pk__in={r.narrative_id for r in records}).values_list("pk", "name"))
    for record in records:
        name = names.get(record.narrative_id, "since deleted")
        if record.history_type == "+":
            events.append(Event(record.history_date, _who(record), f"said it does not repeat the narrative {name}",
                                note=record.reason))
        else:
            what = "restored the narrative" if record.history_change_reason == RESTORED else (
                "dropped a turned-down narrative with the narrative")
            events.append(Event(record.history_date, _who(record), f"{what} {name}"))
    return events


def _records_where(model, condition: Q):
    """Additions and deletions only: a rejection is never edited, only made and taken back."""
    return list(
        model.history.model.objects.filter(condition, history_type__in=["+", "-"])
        .select_related("history_user").order_by("history_date", "history_id")
    )


def _who(record) -> str:
    return record.history_user.get_username() if record.history_user else "an administrator"


def _short(text: str) -> str:
    return shortened(text, 120)


def _moment(value: date | datetime) -> str:
    """A date or time in a change as the pages print the time of each change ("1 Dec 2026 15:40",
    in the newsroom's time zone), not as stored ("2026-12-01 15:40:07.123+00:00")."""
    return moment(value) if isinstance(value, datetime) else day(value)


def claim_history(claim: Claim) -> list[Event]:
    events = _events_for(_records(Claim.history.model, id=claim.pk), Claim, "claim")
    events += _events_for(_records(Verdict.history.model, claim_id=claim.pk), Verdict, "verdict")
    events += _events_for(_records(Evidence.history.model, claim_id=claim.pk), Evidence, "evidence")
    _readable(events)
    events += _rejection_events(claim)
    for comment in Comment.objects.filter(claim=claim).select_related("author"):
        events.append(Event(comment.created_at, comment.author.get_username(), "commented", note=comment.body))
    return sorted(events, key=lambda e: e.when, reverse=True)


def narrative_history(narrative) -> list[Event]:
    """A known narrative's timeline: recorded, edited, archived or restored, its examples and its
    debunking verdicts added and removed. Three queries and one per kind of related record."""
    from ..models import Narrative, NarrativeDebunk, NarrativeExample

    events = _events_for(_records(Narrative.history.model, id=narrative.pk), Narrative, "narrative")
    events += _events_for(_records(NarrativeExample.history.model, narrative_id=narrative.pk), NarrativeExample, "example", said="text")
    events += _events_for(_records(NarrativeDebunk.history.model, narrative_id=narrative.pk), NarrativeDebunk, "debunking verdict")
    _readable(events)
    return sorted(events, key=lambda e: e.when, reverse=True)
