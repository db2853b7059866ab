"""The review workflow and the four-eyes rule, through the services every channel calls."""
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from claims import workflow
from claims.models import Claim
from claims.ratings import Rating
from claims.services import evidence, reviews
from claims.workflow import ReviewState, TransitionNotAllowed

from ..factories import ClaimFactory, UserFactory, VerdictFactory


def test_a_published_claim_cannot_move_anywhere():
    assert all(not workflow.can_move(ReviewState.PUBLISHED, target) for target in ReviewState)


def test_a_new_claim_cannot_jump_to_published():
    assert not workflow.can_move(ReviewState.NEW, ReviewState.PUBLISHED)


@pytest.mark.django_db
def test_starting_a_review_assigns_the_claim_to_the_reviewer(reviewer):
    claim = reviews.start_review(claim=ClaimFactory(), reviewer=reviewer)
    assert (claim.state, claim.assignee) == (ReviewState.IN_REVIEW, reviewer)


@pytest.mark.django_db
def test_reviewer_cannot_take_over_a_claim_assigned_to_someone_else(reviewer, other_reviewer):
    claim = reviews.start_review(claim=ClaimFactory(), reviewer=reviewer)
    with pytest.raises(PermissionDenied):
        reviews.submit_verdict(claim=claim, reviewer=other_reviewer, rating=Rating.TRUE, rationale="Looks right.")


@pytest.mark.django_db
def test_submitting_a_verdict_sends_the_claim_for_approval(reviewer):
    claim = reviews.start_review(claim=ClaimFactory(), reviewer=reviewer)
    verdict = reviews.submit_verdict(claim=claim, reviewer=reviewer, rating=Rating.FALSE, rationale="Refuted by video.")
    assert Claim.objects.get(pk=claim.pk).state == ReviewState.AWAITING_APPROVAL
    assert verdict.submitted_at is not None


@pytest.mark.django_db
def test_verdict_with_a_rating_off_the_scale_is_refused_and_nothing_changes(reviewer):
    claim = reviews.start_review(claim=ClaimFactory(), reviewer=reviewer)
    with pytest.raises(ValidationError):
        reviews.submit_verdict(claim=claim, reviewer=reviewer, rating="pants-on-fire", rationale="x")
    assert Claim.objects.get(pk=claim.pk).state == ReviewState.IN_REVIEW


@pytest.mark.django_db
def test_reviewer_cannot_approve_any_verdict(reviewer):
    verdict = VerdictFactory()
    with pytest.raises(PermissionDenied):
        reviews.approve_and_publish(claim=verdict.claim, editor=reviewer)


@pytest.mark.django_db
def test_editor_cannot_approve_own_verdict(editor):
    verdict = VerdictFactory(reviewer=editor)
    with pytest.raises(PermissionDenied):
        reviews.approve_and_publish(claim=verdict.claim, editor=editor)
    assert Claim.objects.get(pk=verdict.claim.pk).state == ReviewState.AWAITING_APPROVAL


@pytest.mark.django_db
def test_editor_approves_and_publishes_someone_elses_verdict(editor):
    verdict = reviews.approve_and_publish(claim=VerdictFactory().claim, editor=editor)
    assert verdict.approver == editor and verdict.published_at is not None
    assert Claim.objects.get(pk=verdict.claim_id).state == ReviewState.PUBLISHED


@pytest.mark.django_db
def test_editor_sends_a_verdict_back_with_a_comment(editor):
    verdict = reviews.send_back(claim=VerdictFactory().claim, editor=editor, comment="Add the second source.")
    assert verdict.editor_comment == "Add the second source."
    assert Claim.objects.get(pk=verdict.claim_id).state == ReviewState.IN_REVIEW


@pytest.mark.django_db
def test_a_claim_without_a_verdict_cannot_be_published(editor):
    with pytest.raises(TransitionNotAllowed):
        reviews.approve_and_publish(claim=ClaimFactory(state=ReviewState.IN_REVIEW), editor=editor)


@pytest.mark.django_db
def test_evidence_needs_some_content(reviewer):
    with pytest.raises(ValidationError):
        evidence.add_evidence(claim=ClaimFactory(), added_by=reviewer)


@pytest.mark.django_db
def test_no_evidence_can_be_added_to_a_published_claim(reviewer):
    claim = ClaimFactory(state=ReviewState.PUBLISHED)
    with pytest.raises(TransitionNotAllowed):
        evidence.add_evidence(claim=claim, added_by=reviewer, note="late note")


@pytest.mark.django_db
def test_dismissed_claim_can_be_reopened_and_is_unassigned(reviewer):
    claim = reviews.dismiss(claim=reviews.start_review(claim=ClaimFactory(), reviewer=reviewer), user=reviewer)
    claim = reviews.reopen(claim=claim, user=reviewer)
    assert (claim.state, claim.assignee) == (ReviewState.NEW, None)


@pytest.mark.django_db
def test_someone_without_a_role_cannot_review():
    with pytest.raises(PermissionDenied):
        reviews.start_review(claim=ClaimFactory(), reviewer=UserFactory())
