"""What editors do with known narratives: record one, edit it, archive or restore it, give its
examples and attach the published verdicts that debunk it.

Each service checks the permission (claims.permissions.can_record_narratives), validates the rows
with full_clean and writes inside one transaction, so a refusal leaves nothing half-saved. The
history (django-simple-history) records who did what. When the examples change, the stored
claims are matched against the new ones by a task queued once the change is committed
(services.narrative_matching.match_examples): the page answers at once, the flags follow.
"""
import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from .. import permissions
from ..concurrency import StaleEdit
from ..input_rules import name_key, require_plain_text
from ..models import Claim, Narrative, NarrativeDebunk, NarrativeExample, Topic, Verdict
from ..selectors.verdicts import is_published
from .narrative_matching import example_signature, forget_example, narrative_switched

log = logging.getLogger(__name__)

MAX_EXAMPLES = 50  # each is compared with every new claim that shares a word with it


def _require_editor(user) -> None:
    permissions.require(permissions.can_record_narratives(user), "Only editors can record narratives.")


def _require_unique_name(name: str, narrative: Narrative | None = None) -> None:
    """The desk's answer before the database's constraint (on the same key) would give its own."""
    others = Narrative.objects.filter(name_key=name_key(name))
    if narrative is not None:
        others = others.exclude(pk=narrative.pk)
    if others.exists():
        raise ValidationError({"name": f"A narrative named “{name}” is already recorded."})


def _queue_matching(example_ids: list[int]) -> None:
    """Match the stored claims against new examples once they are committed. A broker that
    refuses costs the flags of claims already stored, not the narrative: the log says so, and
    restoring or re-adding the example queues it again."""
    from ..tasks import match_narrative_task

    if not example_ids:
        return

    def send():
        try:
            match_narrative_task.delay(example_ids)
        except Exception:
            log.exception("Could not queue matching of narrative examples %s", example_ids)

    transaction.on_commit(send)


@transaction.atomic
def record_narrative(*, name: str, summary: str, user, topic: Topic | None = None, examples: tuple[str, ...] = ()) -> Narrative:
    """An editor records a narrative, with the first ways it is told if they have them."""
    _require_editor(user)
    name, summary = name.strip(), summary.strip()
    narrative = Narrative(name=name, summary=summary, topic=topic, recorded_by=user)
    # The fields first, so a name PostgreSQL cannot hold (a NUL) never reaches a query; then the
    # name's uniqueness, in the desk's words (the database's constraint stands behind it).
    narrative.full_clean(validate_constraints=False)
    _require_unique_name(narrative.name)  # as clean() stored it: normal_name
    narrative._history_user = user
    _saved_under_unique_name(narrative, narrative.save)
    for text in examples:
        if text.strip():
            add_example(narrative=narrative, user=user, text=text)
    return narrative


def _locked(narrative: Narrative, seen_version) -> Narrative:
    current = Narrative.objects.select_for_update().get(pk=narrative.pk)
    if seen_version is not None and int(seen_version) != current.version:
        raise StaleEdit(current.version, int(seen_version))
    return current


def _save(narrative: Narrative, user, *fields: str) -> None:
    narrative.version += 1
    narrative._history_user = user
    _saved_under_unique_name(narrative, lambda: narrative.save(update_fields=[*fields, "version", "updated_at"]))


def _saved_under_unique_name(narrative: Narrative, save) -> None:
    """Two editors recording one name at the same moment both pass the check; the database's
    constraint stops the second, which gets the same answer as if it had come later."""
    try:
        with transaction.atomic():
            save()
    except IntegrityError:
        raise ValidationError({"name": f"A narrative named “{narrative.name}” is already recorded."}) from None


@transaction.atomic
def edit_narrative(*, narrative: Narrative, name: str, summary: str, topic: Topic | None, user, seen_version=None) -> Narrative:
    _require_editor(user)
    narrative = _locked(narrative, seen_version)
    narrative.name, narrative.summary, narrative.topic = name.strip(), summary.strip(), topic
    narrative.full_clean(validate_constraints=False)
    _require_unique_name(narrative.name, narrative)
    _save(narrative, user, "name", "summary", "topic")
    return narrative


@transaction.atomic
def archive_narrative(*, narrative: Narrative, user, seen_version=None) -> Narrative:
    """The narrative no longer flags claims (it stopped circulating, or was recorded in error); it
    stays on record and in the reports' counts."""
    _require_editor(user)
    narrative = _locked(narrative, seen_version)
    if narrative.archived:
        raise ValidationError("This narrative is already archived.")
    narrative.archived_at = timezone.now()
    _save(narrative, user, "archived_at")
    narrative_switched(narrative)
    return narrative


@transaction.atomic
def restore_narrative(*, narrative: Narrative, user, seen_version=None) -> Narrative:
    """Back in use: claims stored while it was archived are matched against it too."""
    _require_editor(user)
    narrative = _locked(narrative, seen_version)
    if not narrative.archived:
        raise ValidationError("This narrative is not archived.")
    narrative.archived_at = None
    _save(narrative, user, "archived_at")
    narrative_switched(narrative)
    _queue_matching(list(narrative.examples.values_list("pk", flat=True)))
    return narrative


@transaction.atomic
def add_example(*, narrative: Narrative, user, text: str = "", claim: Claim | None = None) -> NarrativeExample:
    """One way the narrative is told: typed by the editor, or a stored claim picked by its number
    (its text is copied)."""
    _require_editor(user)
    # Locked so two editors adding at once cannot pass the limit. The narrative's version is left
    # alone: an example added does not make another editor's open edit of the summary stale (the
    # examples' own history says who added or removed each).
    narrative = Narrative.objects.select_for_update().get(pk=narrative.pk)
    if claim is not None:
        if text.strip():
            raise ValidationError("Type an example or give a claim number, not both.")
        if narrative.examples.filter(claim=claim).exists():
            raise ValidationError(f"Claim {claim.pk} is already an example of this narrative.")
        text = claim.text
    text = text.strip()
    if not text:
        raise ValidationError("Type how the narrative is told, or give the number of a claim that tells it.")
    require_plain_text(text)  # before any query: PostgreSQL cannot compare a NUL
    if narrative.examples.count() >= MAX_EXAMPLES:
        raise ValidationError(f"A narrative has at most {MAX_EXAMPLES} examples; remove one first.")
    if narrative.examples.filter(text=text).exists():
        raise ValidationError("This example is already recorded.")
    example = NarrativeExample(narrative=narrative, text=text, claim=claim, added_by=user, signature={}, matcher="")
    example.full_clean(exclude=["signature", "matcher"])
    example.signature, example.matcher = example_signature(text)
    if not example.signature["terms"]:
        # Claims are compared with an example only when they share one of its terms
        # (narrative_matching.flag_claims): one with none ("!!!", "it was the one") would sit
        # on the page and never flag a claim, and the editor would think it works.
        raise ValidationError(
            "This example has no words that could match a claim, only punctuation or common words "
            "(“the”, “was”); type how the narrative is told, with what it is about."
        )
    example._history_user = user
    example.save()
    if not narrative.archived:
        _queue_matching([example.pk])
    return example


@transaction.atomic
def remove_example(*, example: NarrativeExample, user) -> Narrative:
    """The example goes, and with it the flags it gave (claims another example matches keep theirs)."""
    _require_editor(user)
    narrative = Narrative.objects.select_for_update().get(pk=example.narrative_id)
    if not NarrativeExample.objects.filter(pk=example.pk).exists():
        # Removed by the other request of a double click (it held the lock first): deleting the
        # stale copy again would record a second removal in the narrative's history.
        return narrative
    example._history_user = user
    forget_example(example)
    return narrative


@transaction.atomic
def attach_debunk(*, narrative: Narrative, verdict: Verdict, user) -> NarrativeDebunk:
    """A published verdict that debunks the narrative. Only a published one: the claim page links
    it for reviewers and a draft may still change."""
    _require_editor(user)
    narrative = Narrative.objects.select_for_update().get(pk=narrative.pk)
    if not is_published(verdict):
        raise ValidationError(f"The verdict on claim {verdict.claim_id} is not published; only published verdicts can debunk a narrative.")
    if narrative.debunks.filter(verdict=verdict).exists():
        raise ValidationError(f"The verdict on claim {verdict.claim_id} is already attached.")
    debunk = NarrativeDebunk(narrative=narrative, verdict=verdict, added_by=user)
    debunk._history_user = user
    debunk.save()
    return debunk


@transaction.atomic
def detach_debunk(*, debunk: NarrativeDebunk, user) -> Narrative:
    _require_editor(user)
    narrative = Narrative.objects.select_for_update().get(pk=debunk.narrative_id)
    if not NarrativeDebunk.objects.filter(pk=debunk.pk).exists():
        return narrative  # detached by the other request of a double click (as remove_example)
    debunk._history_user = user
    debunk.delete()
    return narrative
