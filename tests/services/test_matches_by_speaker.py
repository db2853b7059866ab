"""Claims that say "we" or "it" are matched as said by whoever the claim records as their speaker.

From the new user's trial: one side's "it had not targeted civilian areas" was offered as the
other side's "we did not strike civilian areas". The speaker and side stored with each claim tell
the two actors apart; a correction of the speaker moves the claim's matches with it.
"""
import itertools

import pytest
from django.urls import reverse

from claims.models import Claim, ClaimMatch, ClaimSignature
from claims.services.claims import add_claim_by_hand, correct_claim
from claims.services.matching import find_matches

from ..factories import ArticleFactory, ClaimFactory, SideFactory, UserFactory
from .test_published_marks import _admin_form  # the admin change form as the page posts it

_reports = itertools.count(1)
MINISTRY_DENIES = "it had not targeted civilian areas in Holm"
ARMY_DENIES = "we did not strike civilian areas in Holm"


def stored(text: str, speaker: str, side: str) -> Claim:
    """A claim stored before, as the whole of its own article, with who says it and for which side."""
    article = ArticleFactory(body=f"{text}\n\nReport number {next(_reports)}.")
    return ClaimFactory(article=article, text=text, speaker=speaker, side=SideFactory(name=side), source=None)


def added(text: str, speaker: str, side: str) -> Claim:
    """A claim a reviewer adds by hand to a new article, with its speaker and side (matched at once)."""
    return add_claim_by_hand(article=ArticleFactory(body=f"{text}\n\nReport number {next(_reports)}."), text=text,
                             speaker=speaker, side=SideFactory(name=side), added_by=UserFactory(role="Reviewer"))


def matched(claim: Claim) -> set[int]:
    pairs = ClaimMatch.objects.filter(claim=claim).values_list("earlier_id", flat=True)
    return set(pairs) | set(ClaimMatch.objects.filter(earlier=claim).values_list("claim_id", flat=True))


@pytest.mark.django_db
def test_two_sides_denying_in_the_same_words_are_not_offered_as_checked_before():
    stored(MINISTRY_DENIES, "the Norland defence ministry", "Norland")
    denial = added(ARMY_DENIES, "the Sudmark army", "Sudmark")
    assert (matched(denial), ClaimMatch.objects.count()) == (set(), 0)


@pytest.mark.django_db
def test_one_side_repeating_its_denial_in_other_words_is_matched():
    earlier = stored(MINISTRY_DENIES, "the Sudmark defence ministry", "Sudmark")
    denial = added(ARMY_DENIES, "the Sudmark army", "Sudmark")
    assert matched(denial) == {earlier.pk}


@pytest.mark.django_db
def test_the_same_speakers_paraphrase_naming_itself_is_matched():
    earlier = stored("we captured the bridge at Varde", "the Norland army", "Norland")
    repeat = added("Norland's army captured the bridge at Varde", "a Sudmark governor", "Sudmark")
    assert matched(repeat) == {earlier.pk}


@pytest.mark.django_db
def test_correcting_the_speaker_moves_the_claims_matches(reviewer):
    earlier = stored(MINISTRY_DENIES, "the Sudmark defence ministry", "Sudmark")
    denial = stored(ARMY_DENIES, "the Sudmark army", "Sudmark")
    find_matches([denial])
    assert matched(denial) == {earlier.pk}
    correct_claim(claim=denial, user=reviewer, speaker="the Norland army", source=None, side=SideFactory(name="Norland"),
                  kind=denial.kind)
    assert matched(denial) == set()
    correct_claim(claim=denial, user=reviewer, speaker="the Sudmark army", source=None, side=SideFactory(name="Sudmark"),
                  kind=denial.kind)
    assert matched(denial) == {earlier.pk}


@pytest.mark.django_db
def test_correcting_the_speaker_of_a_claim_that_names_its_actor_keeps_its_matches(reviewer):
    text = "Sudmark's army did not strike civilian areas in Holm"
    earlier = stored(text, "the Sudmark army", "Sudmark")
    repeat = stored(text, "the Sudmark army", "Sudmark")
    find_matches([repeat])
    kept = list(ClaimMatch.objects.values_list("pk", "claim_id", "earlier_id"))
    signature = ClaimSignature.objects.get(claim=repeat).data
    correct_claim(claim=repeat, user=reviewer, speaker="the Norland army", source=None, side=SideFactory(name="Norland"),
                  kind=repeat.kind)
    assert (list(ClaimMatch.objects.values_list("pk", "claim_id", "earlier_id")), matched(earlier)) == (kept, {repeat.pk})
    assert ClaimSignature.objects.get(claim=repeat).data == signature


@pytest.mark.django_db
def test_the_admin_correcting_the_speaker_moves_the_claims_matches(client):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    earlier = stored(MINISTRY_DENIES, "the Sudmark defence ministry", "Sudmark")
    denial = stored(ARMY_DENIES, "the Sudmark army", "Sudmark")
    find_matches([denial])
    assert matched(denial) == {earlier.pk}
    url = reverse("admin:claims_claim_change", args=[denial.pk])
    changed = {"speaker": "the Norland army", "side": SideFactory(name="Norland").pk}
    response = client.post(url, {**_admin_form(client, url), **changed})
    assert (response.status_code, Claim.objects.get(pk=denial.pk).speaker, matched(denial)) == (302, "the Norland army", set())
