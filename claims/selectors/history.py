"""A claim's history as one timeline: changes to the claim, its verdict and its evidence, and
the discussion, each with who and when (from django-simple-history)."""
from dataclasses import dataclass
from datetime import datetime

from django.utils.text import capfirst

from ..models import Claim, Comment, Evidence, Verdict

# Fields whose changes are bookkeeping, not something a reviewer needs to read.
QUIET = {"version", "updated_at", "has_dispute", "submitted_at"}


@dataclass
class Event:
    when: datetime
    who: str
    what: str
    detail: str = ""


def _label(model, field: str) -> str:
    return capfirst(str(model._meta.get_field(field).verbose_name))


def _records(history_model, **filters):
    return list(history_model.objects.filter(**filters).select_related("history_user").order_by("history_date", "history_id"))


def _events_for(records, model, noun: str) -> list[Event]:
    events, previous = [], {}
    for record in records:
        who = record.history_user.get_username() if record.history_user else "extraction"
        key = record.id
        if record.history_type == "+":
            events.append(Event(record.history_date, who, f"added the {noun}"))
        elif record.history_type == "-":
            events.append(Event(record.history_date, who, f"removed the {noun}"))
        elif key in previous:
            delta = record.diff_against(previous[key])
            changes = [
                f"{_label(model, c.field)}: {_show(record, c.field, c.old)} → {_show(record, c.field, c.new)}"
                for c in delta.changes
                if c.field not in QUIET
            ]
            if changes:
                events.append(Event(record.history_date, who, f"changed the {noun}", "; ".join(changes)))
        previous[key] = record
    return events


def _show(record, field: str, value) -> str:
    model_field = record.instance._meta.get_field(field)
    if getattr(model_field, "choices", None):
        return str(dict(model_field.choices).get(value, value)) or "–"
    if value in (None, ""):
        return "–"
    if model_field.is_relation:
        # History stores the related id; people read names. Changes are few, so one look-up each.
        related = model_field.related_model._default_manager.filter(pk=value).first()
        value = related if related is not None else f"#{value} (deleted)"
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "…"


def claim_history(claim: Claim) -> list[Event]:
    events = _events_for(_records(Claim.history.model, id=claim.pk), Claim, "claim")
    events += _events_for(_records(Verdict.history.model, claim_id=claim.pk), Verdict, "verdict")
    events += _events_for(_records(Evidence.history.model, claim_id=claim.pk), Evidence, "evidence")
    for comment in Comment.objects.filter(claim=claim).select_related("author"):
        events.append(Event(comment.created_at, comment.author.get_username(), "commented", comment.body))
    return sorted(events, key=lambda e: e.when, reverse=True)
