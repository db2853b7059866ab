"""Editors record known narratives; nothing else may, and a refusal leaves nothing half-saved."""
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from claims.concurrency import StaleEdit
from claims.models import Narrative, NarrativeDebunk, NarrativeExample
from claims.services import narratives
from claims.workflow import ReviewState

from ..factories import ClaimFactory, UserFactory, VerdictFactory

MASTS = "The 5G masts in Lindholm are making schoolchildren sick."


def record(user, **fields):
    fields = {"name": "5G masts make children ill", "summary": "No study found it.", **fields}
    return narratives.record_narrative(user=user, **fields)


def published_verdict():
    claim = ClaimFactory(state=ReviewState.PUBLISHED)
    return VerdictFactory(claim=claim, published_at=timezone.now())


@pytest.mark.django_db
def test_an_editor_records_a_narrative_with_an_example_and_history_says_who(editor):
    narrative = record(editor, examples=(MASTS,))
    example = narrative.examples.get()
    assert (narrative.recorded_by, example.text, "terms" in example.signature, narrative.history.first().history_user) == (
        editor, MASTS, True, editor
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["Reviewer", None])
def test_only_editors_and_admins_record_narratives(role):
    with pytest.raises(PermissionDenied):
        record(UserFactory(role=role))
    assert not Narrative.objects.exists()


@pytest.mark.django_db
def test_an_admin_records_a_narrative(admin_user):
    assert record(admin_user).recorded_by == admin_user


@pytest.mark.django_db
def test_a_name_differing_only_in_case_is_the_same_narrative(editor):
    record(editor)
    with pytest.raises(ValidationError, match="already recorded"):
        record(editor, name="5g MASTS make children ill")
    assert Narrative.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("fields", [
    {"name": ""}, {"summary": "   "}, {"name": "x" * 201}, {"summary": "Bad \x0c page break"}, {"name": "Bell \x07"},
])
def test_bad_name_or_summary_is_refused_and_nothing_is_saved(editor, fields):
    with pytest.raises(ValidationError):
        record(editor, examples=(MASTS,), **fields)
    assert (Narrative.objects.count(), NarrativeExample.objects.count()) == (0, 0)


@pytest.mark.django_db
def test_an_example_with_a_control_character_is_refused_and_the_narrative_with_it(editor):
    with pytest.raises(ValidationError, match="U\\+0000"):
        record(editor, examples=("The masts \x00 make them sick.",))
    assert not Narrative.objects.exists()


@pytest.mark.django_db
def test_a_picked_claim_becomes_an_example_with_its_text(editor):
    claim = ClaimFactory(text=MASTS)
    example = narratives.add_example(narrative=record(editor), user=editor, claim=claim)
    assert (example.text, example.claim) == (MASTS, claim)


@pytest.mark.django_db
@pytest.mark.parametrize("text, claim, message", [
    ("", False, "Type how the narrative is told"),
    ("Something else", True, "not both"),
])
def test_an_example_needs_text_or_a_claim_not_both(editor, text, claim, message):
    narrative = record(editor)
    with pytest.raises(ValidationError, match=message):
        narratives.add_example(narrative=narrative, user=editor, text=text, claim=ClaimFactory() if claim else None)
    assert not narrative.examples.exists()


@pytest.mark.django_db
def test_the_same_example_twice_is_refused(editor):
    narrative = record(editor, examples=(MASTS,))
    with pytest.raises(ValidationError, match="already recorded"):
        narratives.add_example(narrative=narrative, user=editor, text=f"  {MASTS} ")
    assert narrative.examples.count() == 1


@pytest.mark.django_db
def test_a_narrative_holds_a_bounded_number_of_examples(editor, monkeypatch):
    monkeypatch.setattr(narratives, "MAX_EXAMPLES", 2)
    narrative = record(editor, examples=(MASTS, "Wind turbines killed 4,000 birds in Norland last year."))
    with pytest.raises(ValidationError, match="at most 2 examples"):
        narratives.add_example(narrative=narrative, user=editor, text="Vaccines change your DNA.")
    assert narrative.examples.count() == 2


@pytest.mark.django_db
def test_a_published_verdict_debunks_a_narrative(editor):
    narrative, verdict = record(editor), published_verdict()
    debunk = narratives.attach_debunk(narrative=narrative, verdict=verdict, user=editor)
    assert (debunk.verdict, debunk.added_by) == (verdict, editor)


@pytest.mark.django_db
@pytest.mark.parametrize("state", [ReviewState.AWAITING_APPROVAL, ReviewState.IN_REVIEW])
def test_a_verdict_not_published_cannot_debunk_a_narrative(editor, state):
    narrative = record(editor)
    verdict = VerdictFactory(claim=ClaimFactory(state=state))
    with pytest.raises(ValidationError, match="not published"):
        narratives.attach_debunk(narrative=narrative, verdict=verdict, user=editor)
    assert not NarrativeDebunk.objects.exists()


@pytest.mark.django_db
def test_the_same_verdict_is_attached_once(editor):
    narrative, verdict = record(editor), published_verdict()
    narratives.attach_debunk(narrative=narrative, verdict=verdict, user=editor)
    with pytest.raises(ValidationError, match="already attached"):
        narratives.attach_debunk(narrative=narrative, verdict=verdict, user=editor)


@pytest.mark.django_db
def test_a_reviewer_cannot_change_a_narrative(editor, reviewer):
    narrative = record(editor, examples=(MASTS,))
    verdict = published_verdict()
    attempts = [
        lambda: narratives.edit_narrative(narrative=narrative, name="x", summary="y", topic=None, user=reviewer),
        lambda: narratives.archive_narrative(narrative=narrative, user=reviewer),
        lambda: narratives.add_example(narrative=narrative, user=reviewer, text="Vaccines change your DNA."),
        lambda: narratives.remove_example(example=narrative.examples.get(), user=reviewer),
        lambda: narratives.attach_debunk(narrative=narrative, verdict=verdict, user=reviewer),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied):
            attempt()
    narrative.refresh_from_db()
    assert (narrative.name, narrative.archived, narrative.examples.count(), narrative.debunks.count()) == (
        "5G masts make children ill", False, 1, 0
    )


@pytest.mark.django_db
def test_an_edit_from_a_stale_page_is_refused(editor):
    narrative = record(editor)
    narratives.edit_narrative(narrative=narrative, name="Masts", summary="First.", topic=None, user=editor, seen_version=1)
    with pytest.raises(StaleEdit):
        narratives.edit_narrative(narrative=narrative, name="Other", summary="Second.", topic=None, user=editor, seen_version=1)
    narrative.refresh_from_db()
    assert (narrative.name, narrative.version) == ("Masts", 2)


@pytest.mark.django_db
def test_archiving_twice_is_refused(editor):
    narrative = record(editor)
    narratives.archive_narrative(narrative=narrative, user=editor)
    with pytest.raises(ValidationError, match="already archived"):
        narratives.archive_narrative(narrative=narrative, user=editor)


@pytest.mark.django_db
def test_a_nul_in_a_name_or_an_edit_is_refused_before_any_query(editor):
    with pytest.raises(ValidationError, match="U\\+0000"):
        record(editor, name="Masts\x00")
    narrative = record(editor)
    with pytest.raises(ValidationError, match="U\\+0000"):
        narratives.edit_narrative(narrative=narrative, name="Masts\x00", summary="x", topic=None, user=editor)
    with pytest.raises(ValidationError, match="U\\+0000"):
        narratives.add_example(narrative=narrative, user=editor, text="Masts \x00 sick")
    assert (Narrative.objects.get().name, NarrativeExample.objects.count()) == ("5G masts make children ill", 0)


@pytest.mark.django_db
def test_a_name_taken_between_the_check_and_the_save_is_the_same_answer(editor, monkeypatch):
    record(editor)
    monkeypatch.setattr(narratives, "_require_unique_name", lambda *args: None)  # as if the other editor saved just after the check
    with pytest.raises(ValidationError, match="already recorded"):
        record(editor, name="5G Masts Make Children Ill")
    assert Narrative.objects.count() == 1


@pytest.mark.django_db
def test_two_removals_of_one_example_at_once_record_one_removal(editor):
    from claims.selectors.history import narrative_history

    narrative = record(editor, examples=(MASTS,))
    example, twice = narrative.examples.get(), narrative.examples.get()  # the double click's two requests
    narratives.remove_example(example=example, user=editor)
    narratives.remove_example(example=twice, user=editor)
    assert [e.what for e in narrative_history(narrative)].count("removed the example") == 1


@pytest.mark.django_db
def test_two_detachments_of_one_debunking_verdict_at_once_record_one(editor):
    from claims.selectors.history import narrative_history

    narrative = record(editor)
    debunk = narratives.attach_debunk(narrative=narrative, verdict=published_verdict(), user=editor)
    twice = NarrativeDebunk.objects.get(pk=debunk.pk)
    narratives.detach_debunk(debunk=debunk, user=editor)
    narratives.detach_debunk(debunk=twice, user=editor)
    assert [e.what for e in narrative_history(narrative)].count("removed the debunking verdict") == 1
