"""A claim split in two, or two claims merged, on the claim page: the article's disputes are read
again, as after a correction or a claim added by hand (test_disputes_after_correction).

From the new user's trial: Norland's commanders said two things in one sentence, that the bridge
was destroyed and that their troops had captured Ulm; Sudmark's officials said Ulm was still
theirs. A reviewer split the claim, and the dispute stayed with the bridge while the half about
Ulm disputed nothing. Merging had the same fault the other way round: the merged claim carried
whatever its halves had, though it now says something else, in the first half's voice.

The reviewer gives the cut: a character offset of the article, inside the claim; the spaces,
commas and semicolons around it go with neither half.
"""
import pytest
from django.urls import reverse

from claims.models import Claim, Dispute

from ..border_war import split_border_war_article

HELD = "Sudmarkian officials said Ulm remained under Sudmarkian control.\n\nWho controls the bridge?"


split = split_border_war_article


def claim(article, words: str) -> Claim:
    return article.claims.get(text__contains=words)


def disputes() -> set[frozenset[str]]:
    """Each stored dispute as the texts of its two claims."""
    return {frozenset((d.first.text, d.second.text)) for d in Dispute.objects.select_related("first", "second")}


def flagged(article) -> set[str]:
    """The claims the queue shows as disputed."""
    return set(article.claims.filter(has_dispute=True).values_list("text", flat=True))


def post_merge(client, first: Claim, second: Claim):
    return client.post(reverse("claims:claim_merge", args=[first.pk]), {"other": second.pk, "version": first.version})


@pytest.mark.django_db
def test_splitting_a_claim_leaves_the_dispute_with_the_half_the_other_side_contradicts(reviewer_client):
    article = split(
        "Norlandic commanders said the bridge over the Lauter was destroyed and their troops had captured Ulm on Sunday.\n\n"
        + HELD
    )
    both = claim(article, "bridge over the Lauter")
    held = claim(article, "remained under")
    assert disputes() == {frozenset((both.text, held.text))}

    at = article.body.index(" and their troops")  # the reviewer cuts before "and their troops"
    response = reviewer_client.post(reverse("claims:claim_split", args=[both.pk]), {"at": at, "version": both.version})

    assert response.status_code == 302
    bridge, ulm = claim(article, "bridge over the Lauter"), claim(article, "captured Ulm")
    assert (bridge.text, ulm.text) == ("the bridge over the Lauter was destroyed", "and their troops had captured Ulm on Sunday")
    assert disputes() == {frozenset((ulm.text, held.text))}
    assert flagged(article) == {ulm.text, held.text}


@pytest.mark.django_db
def test_a_merged_claim_keeps_the_dispute_of_the_claim_it_absorbed_when_it_still_holds(reviewer_client):
    article = split(
        "Norlandic commanders said the bridge over the Lauter was destroyed. "
        "They said their troops had captured Ulm on Sunday.\n\n" + HELD
    )
    bridge, ulm, held = claim(article, "bridge over"), claim(article, "captured Ulm"), claim(article, "remained under")
    before = Dispute.objects.get()
    assert {before.first_id, before.second_id} == {ulm.pk, held.pk}

    assert post_merge(reviewer_client, bridge, ulm).status_code == 302

    merged = Claim.objects.get(pk=bridge.pk)
    assert merged.text.endswith("captured Ulm on Sunday")
    after = Dispute.objects.get()
    assert ({after.first_id, after.second_id}, after.pk) == ({merged.pk, held.pk}, before.pk)  # the same row, moved
    assert flagged(article) == {merged.text, held.text}


@pytest.mark.django_db
def test_a_merged_claim_drops_the_dispute_that_no_longer_holds(reviewer_client):
    """The engine cut the sentence in two: the narration before "and" has no speaker or side, the
    commanders' words after it are Norland's. The merged claim is the first half's: no side's,
    disputing nothing until a reviewer corrects its speaker (which reads the disputes again)."""
    article = split(
        "The bridge over the Lauter was destroyed on Sunday, and Norlandic commanders said their troops had captured Ulm.\n\n"
        + HELD
    )
    bridge, ulm, held = claim(article, "bridge over"), claim(article, "captured Ulm"), claim(article, "remained under")
    assert (bridge.side, disputes()) == (None, {frozenset((ulm.text, held.text))})

    assert post_merge(reviewer_client, bridge, ulm).status_code == 302

    merged = Claim.objects.get(pk=bridge.pk)
    assert (merged.text.endswith("captured Ulm"), merged.side) == (True, None)
    assert (disputes(), flagged(article)) == (set(), set())


@pytest.mark.django_db
def test_a_merged_claim_finds_the_dispute_its_words_now_make(reviewer_client):
    """The engine gave the second sentence no side ("the commanders" name none); merged into the
    first, it is Norland's claim that Ulm was captured, which Sudmark's officials contradict."""
    article = split(
        "Norlandic commanders said the bridge over the Lauter was destroyed on Saturday. "
        "Their troops had captured Ulm on Sunday, the commanders said.\n\n" + HELD
    )
    bridge, ulm, held = claim(article, "bridge over"), claim(article, "captured Ulm"), claim(article, "remained under")
    assert (ulm.side, disputes()) == (None, set())

    assert post_merge(reviewer_client, bridge, ulm).status_code == 302

    merged = Claim.objects.get(pk=bridge.pk)
    assert merged.side.name == "Norland" and "captured Ulm" in merged.text
    assert disputes() == {frozenset((merged.text, held.text))}
    assert flagged(article) == {merged.text, held.text}
