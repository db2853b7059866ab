"""The review of a claim: taking it on, gathering evidence, recording and approving a verdict.

Each function checks permissions (claims.permissions) and the workflow (claims.workflow) itself,
so the web pages, commands and tests all follow the same rules.
"""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .. import permissions, workflow
from ..concurrency import bump, check_version
from ..input_rules import require_plain_text
from ..models import Claim, Verdict
from ..workflow import ReviewState
from . import matching


class ClaimDeleted(ValidationError):
    """The claim went between the page's reading it and the action's lock: a refusal that says so.
    The queue's `a` answers it as a claim that no longer exists (404); the claim page as a refusal."""

    def __init__(self, pk: int):
        super().__init__(f"Claim {pk} was deleted meanwhile. Reload the page.")


def locked(claim: Claim, seen_version=None) -> Claim:
    """Re-read the claim under a row lock, so two people acting at once are applied one after the
    other, and refuse the change if the person acted on an outdated version of it.

    The lock is PostgreSQL's FOR NO KEY UPDATE: no claim action changes a claim's id, and the
    stronger FOR UPDATE also stops every row that merely refers to the claim (a matching task
    storing its signature, a comment) from being written until the action ends, while the action
    may itself wait for that row: the two transactions deadlocked.

    A claim deleted since the page was read (merged into another while the person acted, or
    deleted in the admin) is a refusal that says so, as in locked_in_order, not a 500."""
    try:
        current = Claim.objects.select_for_update(no_key=True).get(pk=claim.pk)
    except Claim.DoesNotExist:
        raise ClaimDeleted(claim.pk) from None
    check_version(current, seen_version)
    return current


def locked_in_order(*claims: Claim) -> list[Claim]:
    """Re-read several claims under row locks, taken in id order whichever page acted: two
    reviewers acting on one pair from its two ends (one links it, the other turns it down) then
    wait for each other instead of deadlocking. A claim deleted since the page was read is a
    refusal that says so."""
    ids = [claim.pk for claim in claims]
    found = {c.pk: c for c in Claim.objects.select_for_update(no_key=True).filter(pk__in=ids).order_by("pk")}  # as locked()
    for pk in ids:
        if pk not in found:
            raise ClaimDeleted(pk)
    return [found[pk] for pk in ids]


def save_claim(claim: Claim, user, *fields: str) -> None:
    bump(claim, user)
    claim.save(update_fields=[*fields, "version", "updated_at"])


@transaction.atomic
def start_review(*, claim: Claim, reviewer, seen_version=None) -> Claim:
    """The reviewer takes the claim on: it is assigned to them and moves into review."""
    claim = locked(claim, seen_version)
    permissions.require(permissions.can_work_on(reviewer, claim), "This claim is assigned to someone else.")
    workflow.move(claim, ReviewState.IN_REVIEW)
    claim.assignee = reviewer
    save_claim(claim, reviewer, "state", "assignee")
    return claim


@transaction.atomic
def submit_verdict(*, claim: Claim, reviewer, rating: str, rationale: str, seen_version=None) -> Verdict:
    """Record the reviewer's verdict and send it to an editor for approval."""
    claim = locked(claim, seen_version)
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
    verdict.version = (verdict.version or 0) + 1 if verdict.pk else 1
    verdict._history_user = reviewer
    verdict.full_clean()
    verdict.save()
    save_claim(claim, reviewer, "state", "assignee")
    return verdict


@transaction.atomic
def approve_and_publish(*, claim: Claim, editor, seen_version=None) -> Verdict:
    claim = locked(claim, seen_version)
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
    verdict.version += 1
    verdict._history_user = editor
    verdict.save(update_fields=["approver", "published_at", "version", "updated_at"])
    save_claim(claim, editor, "state")
    matching.verdict_published(claim)
    return verdict


@transaction.atomic
def send_back(*, claim: Claim, editor, comment: str, seen_version=None) -> Verdict:
    """The editor returns the verdict to its reviewer with a comment saying what to fix."""
    claim = locked(claim, seen_version)
    verdict = Verdict.objects.filter(claim=claim).first()
    if verdict is None:  # a forged or stale request: nothing awaits approval (it was a 500)
        raise workflow.TransitionNotAllowed(claim.state, ReviewState.IN_REVIEW)
    permissions.require(permissions.can_approve(editor, verdict), "Only an editor who did not write this verdict can send it back.")
    workflow.move(claim, ReviewState.IN_REVIEW)
    verdict.editor_comment = comment
    verdict.version += 1
    verdict._history_user = editor
    require_plain_text(comment)
    verdict.save(update_fields=["editor_comment", "version", "updated_at"])
    save_claim(claim, editor, "state")
    return verdict


@transaction.atomic
def dismiss(*, claim: Claim, user, seen_version=None) -> Claim:
    """Take a claim out of the queue as not worth checking."""
    claim = locked(claim, seen_version)
    permissions.require(permissions.can_work_on(user, claim), "This claim is assigned to someone else.")
    workflow.move(claim, ReviewState.DISMISSED)
    save_claim(claim, user, "state")
    return claim


@transaction.atomic
def reopen(*, claim: Claim, user, seen_version=None) -> Claim:
    claim = locked(claim, seen_version)
    permissions.require(permissions.can_work_on(user, claim), "This claim is assigned to someone else.")
    workflow.move(claim, ReviewState.NEW)
    claim.assignee = None
    claim.duplicate_of = None
    save_claim(claim, user, "state", "assignee", "duplicate_of")
    return claim


@transaction.atomic
def assign(*, claim: Claim, assignee, user, seen_version=None) -> Claim:
    """Give the claim to a reviewer (or take it back: assignee None). Editors assign anyone;
    reviewers only take unassigned claims for themselves."""
    claim = locked(claim, seen_version)
    mine = assignee is not None and assignee.pk == user.pk
    permissions.require(
        permissions.can_assign(user, claim, assignee), "Only editors assign claims to other people."
    )
    if assignee is not None and not permissions.can_review(assignee):
        raise ValidationError("That person is not a reviewer.")
    if claim.state not in (ReviewState.NEW, ReviewState.IN_REVIEW):
        raise workflow.TransitionNotAllowed(claim.state, ReviewState.IN_REVIEW)
    claim.assignee = assignee
    if mine and claim.state == ReviewState.NEW:
        workflow.move(claim, ReviewState.IN_REVIEW)
    save_claim(claim, user, "assignee", "state")
    return claim


@transaction.atomic
def mark_duplicate(*, claim: Claim, original: Claim, user, seen_version=None) -> Claim:
    """The claim repeats another: dismiss it and point to the one that is being checked."""
    claim = locked(claim, seen_version)
    permissions.require(permissions.can_work_on(user, claim), "This claim is assigned to someone else.")
    if original.pk == claim.pk or original.duplicate_of_id == claim.pk:
        raise ValidationError("A claim cannot be a duplicate of itself.")
    workflow.move(claim, ReviewState.DISMISSED)
    claim.duplicate_of = original
    save_claim(claim, user, "state", "duplicate_of")
    return claim
