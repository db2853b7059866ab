"""The queue's "Known narrative" flag (Claim.repeats_narrative) says what the stored matches say:
a claim repeating an active narrative is flagged, whichever way its match was stored or dropped,
and only while some active narrative still matches it."""
import io

import pytest
from django.core.management import call_command

from claims.models import Claim, NarrativeMatch
from claims.selectors.narratives import repeats_active_narrative
from claims.services import narratives
from claims.services.claims import merge_claims, split_claim
from claims.services.matching import signatures_for
from claims.services.narrative_matching import flag_claims, refresh_narrative_marks

from ..factories import ArticleFactory, ClaimFactory, UserFactory
from .test_narrative_matching import MASTS, TURBINES, by_hand, narrative_of, stored

PARAPHRASE = "Schoolchildren in Lindholm are being made ill by the 5G masts."


def marked(claim: Claim) -> bool:
    """The flag, as stored."""
    return Claim.objects.get(pk=claim.pk).repeats_narrative


def flags_agree_with_the_rule() -> bool:
    """Every stored flag says what the rule (the active narratives' matches) says."""
    by_rule = set(Claim.objects.filter(repeats_active_narrative()).values_list("pk", flat=True))
    return by_rule == set(Claim.objects.filter(repeats_narrative=True).values_list("pk", flat=True))


@pytest.fixture
def editor(db):
    return UserFactory(role="Editor")


@pytest.mark.django_db
def test_a_new_claim_that_repeats_a_narrative_is_flagged_and_an_unrelated_one_is_not():
    narrative_of(MASTS)
    repeat, unrelated = by_hand(PARAPHRASE), by_hand("The council approved a new swimming pool for Lindholm.")
    assert (marked(repeat), marked(unrelated), flags_agree_with_the_rule()) == (True, False, True)


@pytest.mark.django_db
def test_an_example_added_flags_the_claims_already_stored(editor, django_capture_on_commit_callbacks):
    narrative = narrative_of(TURBINES, name="Turbine bird deaths", editor=editor)
    claim = stored(PARAPHRASE)
    assert not marked(claim)
    with django_capture_on_commit_callbacks(execute=True):  # match_narrative_task, queued on commit
        narratives.add_example(narrative=narrative, user=editor, text=MASTS)
    assert (marked(claim), flags_agree_with_the_rule()) == (True, True)


@pytest.mark.django_db
def test_an_example_removed_unflags_its_claims_unless_another_example_matches_them(editor):
    narrative = narrative_of(MASTS, "Children in Lindholm fall ill because of the 5G masts.", editor=editor)
    birds = narrative_of(TURBINES, name="Turbine bird deaths", editor=editor)
    masts, turbine = by_hand(PARAPHRASE), by_hand("Last year wind turbines in Norland killed 4,000 birds.")
    assert (marked(masts), marked(turbine)) == (True, True)
    narratives.remove_example(example=birds.examples.get(), user=editor)
    assert (marked(masts), marked(turbine)) == (True, False)
    narratives.remove_example(example=narrative.examples.get(text=MASTS), user=editor)
    assert (marked(masts), flags_agree_with_the_rule()) == (True, True)  # the other telling still matches it


@pytest.mark.django_db
def test_archiving_unflags_claims_that_no_other_active_narrative_matches(editor):
    masts = narrative_of(MASTS, editor=editor)
    again = narrative_of(PARAPHRASE, name="Masts, told again", editor=editor)
    only_masts = by_hand("The 5G masts in Lindholm are making schoolchildren sick.")
    assert marked(only_masts)
    narratives.archive_narrative(narrative=masts, user=editor)
    assert marked(only_masts)  # the narrative told again still matches it
    narratives.archive_narrative(narrative=again, user=editor)
    assert (marked(only_masts), flags_agree_with_the_rule()) == (False, True)


@pytest.mark.django_db
def test_archiving_the_only_narrative_unflags_and_restoring_flags_again_at_once(editor, django_capture_on_commit_callbacks):
    narrative = narrative_of(MASTS, editor=editor)
    claim = by_hand(PARAPHRASE)
    narratives.archive_narrative(narrative=narrative, user=editor)
    assert not marked(claim)
    with django_capture_on_commit_callbacks(execute=False):  # the stored matches flag it, before the task runs
        narratives.restore_narrative(narrative=narrative, user=editor)
    assert (marked(claim), flags_agree_with_the_rule()) == (True, True)


@pytest.mark.django_db
def test_a_claim_split_in_two_keeps_the_flag_on_the_half_that_repeats_the_narrative():
    narrative_of(MASTS)
    text = "The council has approved a new swimming pool, and the 5G masts in Lindholm are making schoolchildren sick."
    claim = by_hand(text)
    first, second = split_claim(claim=claim, at=text.index(", and") + 1 + claim.start, user=UserFactory(role="Editor"))
    assert (marked(first), marked(second), flags_agree_with_the_rule()) == (False, True, True)


@pytest.mark.django_db
def test_the_second_half_of_a_split_does_not_inherit_the_flag():
    narrative_of(MASTS)
    text = "The 5G masts in Lindholm are making schoolchildren sick, and the council has approved a new swimming pool."
    claim = by_hand(text)
    first, second = split_claim(claim=claim, at=text.index(", and") + 1 + claim.start, user=UserFactory(role="Editor"))
    assert (marked(first), marked(second), flags_agree_with_the_rule()) == (True, False, True)


@pytest.mark.django_db
def test_a_merged_claim_is_flagged_from_its_new_text():
    narrative_of(MASTS)
    body = "The council has approved a new swimming pool. The 5G masts in Lindholm are making schoolchildren sick."
    article = ArticleFactory(body=body)
    cut = body.index(" The 5G")
    first = ClaimFactory(article=article, text=body[:cut], start=0, end=cut)
    second = ClaimFactory(article=article, text=body[cut + 1 :], start=cut + 1, end=len(body))
    flag_claims([first, second], signatures_for([first, second]))  # as matching does when claims are stored
    assert (marked(first), marked(second)) == (False, True)
    merged = merge_claims(first=first, second=second, user=UserFactory(role="Editor"))
    assert (merged.pk, marked(merged), flags_agree_with_the_rule()) == (first.pk, True, True)


@pytest.mark.django_db
def test_a_flag_gone_wrong_is_put_right_by_refreshing_and_by_matching_everything_again():
    narrative_of(MASTS)
    repeat, unrelated = stored(PARAPHRASE), stored("The council approved a new swimming pool for Lindholm.")
    Claim.objects.filter(pk=unrelated.pk).update(repeats_narrative=True)  # a flag gone wrong by hand
    refresh_narrative_marks([unrelated.pk])
    assert not marked(unrelated)
    Claim.objects.filter(pk=unrelated.pk).update(repeats_narrative=True)
    call_command("match_claims", "--again", stdout=io.StringIO())
    assert (marked(repeat), marked(unrelated), flags_agree_with_the_rule()) == (True, False, True)


@pytest.mark.django_db
def test_refreshing_more_claims_than_one_statement_takes_flags_them_all(editor, monkeypatch):
    from claims.services import narrative_matching

    monkeypatch.setattr(narrative_matching, "MARK_BATCH", 2)  # batches of two, so five claims take three
    narrative = narrative_of(MASTS, editor=editor)
    claims = ClaimFactory.create_batch(5)
    NarrativeMatch.objects.bulk_create(
        [NarrativeMatch(claim=c, example=narrative.examples.get(), narrative=narrative, score=0.8) for c in claims]
    )
    refresh_narrative_marks([c.pk for c in claims])
    assert [marked(c) for c in claims] == [True] * 5


@pytest.mark.django_db
def test_deleting_a_narrative_in_the_admin_unflags_its_claims(client, admin_user):
    narrative = narrative_of(MASTS)
    claim = by_hand(PARAPHRASE)
    client.force_login(admin_user)
    response = client.post(f"/admin/claims/narrative/{narrative.pk}/delete/", {"post": "yes"})
    assert (response.status_code, marked(claim), flags_agree_with_the_rule()) == (302, False, True)


@pytest.mark.django_db
def test_the_migration_flags_the_claims_stored_before_the_flag_by_the_same_rule(editor):
    """Migration 0021 sets the flag of existing claims in one UPDATE of its own SQL: run on claims
    matched to an active and to an archived narrative, it flags what the rule flags."""
    import importlib

    from django.db import connection

    flag_existing = importlib.import_module("claims.migrations.0021_narrative_flag").FLAG_EXISTING
    narrative_of(MASTS, editor=editor)
    archived = narrative_of(TURBINES, name="Turbine bird deaths", editor=editor)
    masts, turbine = by_hand(PARAPHRASE), by_hand("Last year wind turbines in Norland killed 4,000 birds.")
    narratives.archive_narrative(narrative=archived, user=editor)
    Claim.objects.update(repeats_narrative=False)  # as the column's default leaves them
    with connection.cursor() as cursor:
        cursor.execute(flag_existing)
    assert (marked(masts), marked(turbine), flags_agree_with_the_rule()) == (True, False, True)


def _change_form_data(client, url, **changes) -> dict:
    """The admin change form's fields and its inlines' management forms as the page sends them."""
    page = client.get(url)
    data = {}
    forms = [page.context["adminform"].form]
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        forms += [formset.management_form, *formset.forms]
    for form in forms:
        for name, field in form.fields.items():
            value = form[name].value()
            if value is None or value is False:
                continue  # an empty or unticked field is not sent
            # As the widget writes it into the page (a related record as its id, a date as text).
            data[form.add_prefix(name)] = value if isinstance(value, (list, bool)) else field.widget.format_value(value)
    return {**data, **changes}


@pytest.mark.django_db
def test_archiving_a_narrative_in_the_admin_unflags_its_claims(client, admin_user):
    narrative = narrative_of(MASTS)
    claim = by_hand(PARAPHRASE)
    client.force_login(admin_user)
    url = f"/admin/claims/narrative/{narrative.pk}/change/"
    response = client.post(url, _change_form_data(client, url, archived_at_0="2026-11-30", archived_at_1="12:00:00"))
    narrative.refresh_from_db()
    assert (response.status_code, narrative.archived, marked(claim), flags_agree_with_the_rule()) == (302, True, False, True)


@pytest.mark.django_db
def test_the_claim_admin_shows_the_flag_but_does_not_edit_it(client, admin_user):
    narrative_of(MASTS)
    claim = by_hand(PARAPHRASE)
    client.force_login(admin_user)
    form = client.get(f"/admin/claims/claim/{claim.pk}/change/").context["adminform"].form
    assert ("repeats_narrative" in form.fields, marked(claim)) == (False, True)
