"""Same claim, one verdict: linking matches as the same claim, unlinking (recorded), taking the
cluster's published verdict through the editor's approval, and the spread the queue sorts on."""
import datetime
import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from claims.concurrency import StaleEdit
from claims.models import Claim, ClaimCluster, Comment
from claims.selectors.clusters import cluster_spread
from claims.services import clusters, reviews
from claims.services.matching import find_matches
from claims.workflow import ReviewState

from ..factories import ArticleFactory, ClaimFactory, OutletFactory, VerdictFactory

KILLED = "Three people were killed in the strike on Kharkiv on Monday."
_reports = itertools.count(1)
PUBLISHED_AT = datetime.datetime(2026, 10, 12, 9, 30, tzinfo=datetime.UTC)


def repeated(text=KILLED, *, outlet=None, published_on=None, **fields) -> Claim:
    article = ArticleFactory(body=f"{text}\n\nReport number {next(_reports)}.", outlet=outlet, published_on=published_on)
    return ClaimFactory(article=article, text=text, **fields)


@pytest.fixture
def story(db, editor):
    """A claim rated False and published on 12 Oct, and two later articles repeating it."""
    earlier = repeated(state=ReviewState.PUBLISHED, outlet=OutletFactory(name="Kyiv Wire"),
                       published_on=datetime.date(2026, 10, 10))
    VerdictFactory(claim=earlier, rating="false", rationale="The hospital's records show no deaths.",
                   published_at=PUBLISHED_AT, approver=editor)
    repeat = repeated(outlet=OutletFactory(name="Morning Post"))
    third = repeated(outlet=OutletFactory(name="Morning Post 2"))
    find_matches([repeat, third])
    return {"earlier": earlier, "repeat": repeat, "third": third}


def test_linking_a_match_puts_both_claims_in_one_cluster(story, reviewer):
    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    repeat, earlier = (Claim.objects.get(pk=story[k].pk) for k in ("repeat", "earlier"))
    assert repeat.cluster_id is not None and repeat.cluster_id == earlier.cluster_id


def test_linking_is_in_both_claims_history_with_who_did_it(story, reviewer):
    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    for key in ("repeat", "earlier"):
        latest = Claim.objects.get(pk=story[key].pk).history.first()
        assert (latest.cluster_id is not None, latest.history_user) == (True, reviewer)


def test_linking_counts_the_articles_that_repeat_the_claim(story, reviewer):
    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    clusters.link_as_same_claim(claim=story["third"], other=story["repeat"], user=reviewer)
    assert set(Claim.objects.filter(pk__in=[c.pk for c in story.values()]).values_list("spread", flat=True)) == {3}


def test_the_spread_says_articles_outlets_and_since_when(story, reviewer):
    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    spread = cluster_spread(Claim.objects.get(pk=story["repeat"].pk))
    assert (spread["articles"], spread["outlets"], spread["since"]) == (2, 2, datetime.date(2026, 10, 10))


def test_two_clusters_that_meet_become_one(story, reviewer):
    fourth = repeated()
    find_matches([fourth])
    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    clusters.link_as_same_claim(claim=fourth, other=story["third"], user=reviewer)
    clusters.link_as_same_claim(claim=story["third"], other=story["repeat"], user=reviewer)
    assert (ClaimCluster.objects.count(), Claim.objects.filter(cluster__isnull=False).count()) == (1, 4)


def test_a_claim_that_is_not_a_match_cannot_be_linked(story, reviewer):
    unrelated = repeated("The bridge over the Dnipro was closed to traffic for repairs.")
    with pytest.raises(ValidationError, match="not one of this claim's matches"):
        clusters.link_as_same_claim(claim=story["repeat"], other=unrelated, user=reviewer)
    assert not ClaimCluster.objects.exists()


def test_the_other_sides_account_cannot_be_linked_as_the_same_claim(story, reviewer):
    """A contradiction by the other side is a dispute, not a match, whatever the words share."""
    from claims.models import Side

    kyiv = Side.objects.create(topic=story["repeat"].side.topic, name="Ukraine", cues="Ukraine, Kyiv")
    Claim.objects.filter(pk=story["repeat"].pk).update(side=kyiv)
    with pytest.raises(ValidationError, match="two sides' claims are a dispute, not the same claim"):
        clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    assert not ClaimCluster.objects.exists()


def test_a_claim_recorded_as_disputing_it_cannot_be_linked(story, reviewer):
    from claims.models import Dispute

    Dispute.objects.create(first=story["earlier"], second=story["repeat"], reason="killed against none killed")
    with pytest.raises(ValidationError, match="disputes this claim"):
        clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    assert not ClaimCluster.objects.exists()


@pytest.mark.parametrize("order", ["the original's group first", "the repeat's group first"])
def test_a_link_that_would_join_a_pair_turned_down_as_not_the_same_claim_is_refused(story, reviewer, order):
    from claims.services import rejections

    rejections.reject_match(claim=story["repeat"], other=story["earlier"], user=reviewer, reason="Another strike.")
    first, second = ((story["third"], story["earlier"]), (story["repeat"], story["third"]))
    if order == "the repeat's group first":
        first, second = second, (story["third"], story["earlier"])
    clusters.link_as_same_claim(claim=first[0], other=first[1], user=reviewer)
    with pytest.raises(ValidationError, match=f"claim {story['earlier'].pk} and claim {story['repeat'].pk}"):
        clusters.link_as_same_claim(claim=second[0], other=second[1], user=reviewer)
    repeat, earlier = (Claim.objects.get(pk=story[k].pk) for k in ("repeat", "earlier"))
    assert repeat.cluster_id is None or repeat.cluster_id != earlier.cluster_id


def test_a_claim_cannot_be_linked_to_itself(story, reviewer):
    with pytest.raises(ValidationError):
        clusters.link_as_same_claim(claim=story["repeat"], other=story["repeat"], user=reviewer)


def test_linking_from_a_stale_page_is_refused(story, reviewer):
    with pytest.raises(StaleEdit):
        clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer,
                                    seen_version=story["repeat"].version + 5)
    assert not ClaimCluster.objects.exists()


def test_a_reviewer_cannot_link_a_claim_assigned_to_someone_else(story, reviewer, other_reviewer):
    reviews.start_review(claim=story["repeat"], reviewer=other_reviewer)
    with pytest.raises(PermissionDenied):
        clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)


def test_unlinking_is_recorded_with_who_did_it(story, reviewer, other_reviewer):
    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    clusters.unlink(claim=story["repeat"], other=story["earlier"], user=other_reviewer)
    earlier = Claim.objects.get(pk=story["earlier"].pk)
    latest = earlier.history.first()
    assert (earlier.cluster_id, latest.cluster_id, latest.history_user) == (None, None, other_reviewer)
    assert earlier.history.filter(cluster__isnull=False).exists()  # the link stays in the record


def test_unlinking_the_last_other_member_dissolves_the_cluster(story, reviewer):
    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    clusters.unlink(claim=story["repeat"], other=story["earlier"], user=reviewer)
    repeat = Claim.objects.get(pk=story["repeat"].pk)
    assert (repeat.cluster_id, repeat.spread, ClaimCluster.objects.count()) == (None, 1, 0)


def test_unlinking_one_of_three_keeps_the_others_and_their_spread(story, reviewer):
    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    clusters.link_as_same_claim(claim=story["repeat"], other=story["third"], user=reviewer)
    clusters.unlink(claim=story["repeat"], other=story["third"], user=reviewer)
    repeat, third = Claim.objects.get(pk=story["repeat"].pk), Claim.objects.get(pk=story["third"].pk)
    assert (repeat.spread, third.cluster_id, third.spread) == (2, None, 1)


def test_a_claim_that_is_not_linked_cannot_be_unlinked(story, reviewer):
    with pytest.raises(ValidationError, match="not linked"):
        clusters.unlink(claim=story["repeat"], other=story["earlier"], user=reviewer)


def test_taking_the_published_verdict_sends_it_for_approval(story, reviewer):
    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    verdict = clusters.take_published_verdict(claim=story["repeat"], reviewer=reviewer)
    claim = Claim.objects.get(pk=story["repeat"].pk)
    assert (claim.state, verdict.rating, verdict.rationale, verdict.published_at) == (
        ReviewState.AWAITING_APPROVAL, "false", "The hospital's records show no deaths.", None
    )


def test_the_taken_verdict_brings_the_originals_evidence(story, reviewer):
    from ..factories import EvidenceFactory

    EvidenceFactory(claim=story["earlier"], url="https://hospital.example/records", stance="refutes")
    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    clusters.take_published_verdict(claim=story["repeat"], reviewer=reviewer)
    taken = list(story["repeat"].evidence.values_list("url", "stance", "added_by__username"))
    assert taken == [("https://hospital.example/records", "refutes", reviewer.username)]


def test_the_taken_verdict_notes_the_original(story, reviewer):
    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    clusters.take_published_verdict(claim=story["repeat"], reviewer=reviewer)
    note = Comment.objects.get(claim=story["repeat"])
    # Named by number: the claim page shows "claim N" as a link to it (tests/views/test_same_claim.py).
    assert note.body.startswith(f"Verdict taken from claim {story['earlier'].pk} (the same claim), published ")


def test_the_taken_verdicts_note_writes_the_day_as_the_pages_do(story, reviewer, settings):
    # "1 Dec 2026" in the newsroom's time zone, as every page writes a day: not "01 Dec 2026", not
    # the day it already was in UTC.
    settings.TIME_ZONE = "Europe/Kyiv"
    story["earlier"].verdict.__class__.objects.filter(claim=story["earlier"]).update(
        published_at=datetime.datetime(2026, 11, 30, 22, 30, tzinfo=datetime.UTC)
    )
    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    clusters.take_published_verdict(claim=story["repeat"], reviewer=reviewer)
    assert Comment.objects.get(claim=story["repeat"]).body.endswith(", published 1 Dec 2026.")


def test_the_reviewer_who_took_the_verdict_cannot_approve_it(story, reviewer):
    reviewer.groups.add(*type(reviewer.groups.first()).objects.filter(name="Editor"))
    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    clusters.take_published_verdict(claim=story["repeat"], reviewer=reviewer)
    reviewer = type(reviewer).objects.get(pk=reviewer.pk)  # roles are cached on the object
    with pytest.raises(PermissionDenied):
        reviews.approve_and_publish(claim=story["repeat"], editor=reviewer)


def test_another_editor_approves_the_taken_verdict(story, reviewer, editor):
    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    clusters.take_published_verdict(claim=story["repeat"], reviewer=reviewer)
    reviews.approve_and_publish(claim=story["repeat"], editor=editor)
    assert Claim.objects.get(pk=story["repeat"].pk).state == ReviewState.PUBLISHED


def test_a_claim_outside_a_cluster_with_a_published_verdict_cannot_take_one(story, reviewer):
    clusters.link_as_same_claim(claim=story["repeat"], other=story["third"], user=reviewer)  # neither published
    with pytest.raises(ValidationError, match="not linked as the same claim to one with a published verdict"):
        clusters.take_published_verdict(claim=story["repeat"], reviewer=reviewer)
    assert Claim.objects.get(pk=story["repeat"].pk).state == ReviewState.NEW


def test_a_claim_in_no_cluster_cannot_take_a_verdict(story, reviewer):
    with pytest.raises(ValidationError):
        clusters.take_published_verdict(claim=story["repeat"], reviewer=reviewer)
    assert not Comment.objects.exists()


def test_a_member_deleted_by_a_new_split_of_its_article_leaves_the_spread_right(story, reviewer):
    from claims.services.clusters import members_removed

    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    clusters.link_as_same_claim(claim=story["repeat"], other=story["third"], user=reviewer)
    cluster_id = Claim.objects.get(pk=story["third"].pk).cluster_id
    Claim.objects.filter(pk=story["third"].pk).delete()
    members_removed([cluster_id])
    assert Claim.objects.get(pk=story["repeat"].pk).spread == 2


def test_a_cluster_left_with_one_member_is_dissolved(story, reviewer):
    from claims.services.clusters import members_removed

    clusters.link_as_same_claim(claim=story["repeat"], other=story["third"], user=reviewer)
    cluster_id = Claim.objects.get(pk=story["third"].pk).cluster_id
    Claim.objects.filter(pk=story["third"].pk).delete()
    members_removed([cluster_id])
    repeat = Claim.objects.get(pk=story["repeat"].pk)
    assert (repeat.cluster_id, repeat.spread, ClaimCluster.objects.count()) == (None, 1, 0)


def test_splitting_a_linked_claim_leaves_the_new_half_out_of_the_cluster(story, reviewer):
    from claims.services.claims import split_claim

    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    claim = Claim.objects.get(pk=story["repeat"].pk)
    _, second = split_claim(claim=claim, at=claim.start + 20, user=reviewer)
    assert (second.cluster_id, second.spread) == (None, 1)
