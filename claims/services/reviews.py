"""The review of a claim: taking it on, gathering evidence, recording and approving a verdict.

Each function checks permissions (claims.permissions) and the workflow (claims.workflow) itself,
so the web pages, commands and tests all follow the same rules.
"""
from django.db import transaction
from django.utils import timezone

from .. import permissions, workflow
from ..models import Claim, Evidence, Verdict
from ..workflow import ReviewState


def _locked(claim: Claim) -> Claim:
    """Re-read the claim under a row lock so two people acting at once are applied one after the other."""
    return Claim.objects.select_for_update().get(pk=claim.pk)


@transaction.atomic
def start_review(*, claim: Claim, reviewer) -> Claim:
    """The reviewer takes the claim on: it is assigned to them and moves into review."""
    claim = _locked(claim)
    permissions.require(permissions.can_work_on(reviewer, claim), "This claim is assigned to someone else.")
    workflow.move(claim, ReviewState.IN_REVIEW)
    claim.assignee = reviewer
    claim.save(update_fields=["state", "assignee", "updated_at"])
    return claim


@transaction.atomic
def add_evidence(*, claim: Claim, added_by, url="", archived_url="", excerpt="", note="", stance="context") -> Evidence:
    claim = _locked(claim)
    permissions.require(permissions.can_work_on(added_by, claim), "This claim is assigned to someone else.")
    if claim.state not in (ReviewState.NEW, ReviewState.IN_REVIEW):
        raise workflow.TransitionNotAllowed(claim.state, ReviewState.IN_REVIEW)
    evidence = Evidence(
        claim=claim, url=url, archived_url=archived_url, excerpt=excerpt, note=note, stance=stance, added_by=added_by
    )
    evidence.full_clean()
    evidence.save()
    return evidence


@transaction.atomic
def submit_verdict(*, claim: Claim, reviewer, rating: str, rationale: str) -> Verdict:
    """Record the reviewer's verdict and send it to an editor for approval."""
    claim = _locked(claim)
    permissions.require(permissions.can_work_on(reviewer, claim), "This claim is assigned to someone else.")
    if claim.state == ReviewState.NEW:
        workflow.move(claim, ReviewState.IN_REVIEW)
        claim.assignee = reviewer
    workflow.move(claim, ReviewState.AWAITING_APPROVAL)
    verdict = Verdict.objects.filter(claim=claim).first() or Verdict(claim=claim)
    verdict.rating = rating
    verdict.rationale = rationale
    verdict.reviewer = reviewer
    verdict.submitted_at = timezone.now()
    verdict.full_clean()
    verdict.save()
    claim.save(update_fields=["state", "assignee", "updated_at"])
    return verdict


@transaction.atomic
def approve_and_publish(*, claim: Claim, editor) -> Verdict:
    claim = _locked(claim)
    verdict = Verdict.objects.filter(claim=claim).first()
    if verdict is None:
        raise workflow.TransitionNotAllowed(claim.state, ReviewState.PUBLISHED)
    permissions.require(
        permissions.can_approve(editor, verdict),
        "Only an editor who did not write this verdict can approve it.",
    )
    workflow.move(claim, ReviewState.PUBLISHED)
    verdict.approver = editor
    verdict.published_at = timezone.now()
    verdict.save(update_fields=["approver", "published_at", "updated_at"])
    claim.save(update_fields=["state", "updated_at"])
    return verdict


@transaction.atomic
def send_back(*, claim: Claim, editor, comment: str) -> Verdict:
    """The editor returns the verdict to its reviewer with a comment saying what to fix."""
    claim = _locked(claim)
    verdict = Verdict.objects.get(claim=claim)
    permissions.require(permissions.can_approve(editor, verdict), "Only an editor can send a verdict back.")
    workflow.move(claim, ReviewState.IN_REVIEW)
    verdict.editor_comment = comment
    verdict.save(update_fields=["editor_comment", "updated_at"])
    claim.save(update_fields=["state", "updated_at"])
    return verdict


@transaction.atomic
def dismiss(*, claim: Claim, user) -> Claim:
    """Take a claim out of the queue as not worth checking."""
    claim = _locked(claim)
    permissions.require(permissions.can_work_on(user, claim), "This claim is assigned to someone else.")
    workflow.move(claim, ReviewState.DISMISSED)
    claim.save(update_fields=["state", "updated_at"])
    return claim


@transaction.atomic
def reopen(*, claim: Claim, user) -> Claim:
    claim = _locked(claim)
    permissions.require(permissions.can_work_on(user, claim), "This claim is assigned to someone else.")
    workflow.move(claim, ReviewState.NEW)
    claim.assignee = None
    claim.save(update_fields=["state", "assignee", "updated_at"])
    return claim
