"""The review workflow: the one place that says which review state may follow which.

A claim starts as NEW, is taken IN_REVIEW by a fact-checker, goes to AWAITING_APPROVAL when its
verdict is submitted, and is PUBLISHED by an editor (or sent back IN_REVIEW). A claim that is not
worth checking is DISMISSED and can be reopened.
"""
from django.db import models


class ReviewState(models.TextChoices):
    NEW = "new", "New"
    IN_REVIEW = "in_review", "In review"
    AWAITING_APPROVAL = "awaiting_approval", "Awaiting approval"
    PUBLISHED = "published", "Published"
    DISMISSED = "dismissed", "Dismissed"


ALLOWED = {
    ReviewState.NEW: {ReviewState.IN_REVIEW, ReviewState.DISMISSED},
    ReviewState.IN_REVIEW: {ReviewState.AWAITING_APPROVAL, ReviewState.DISMISSED, ReviewState.NEW},
    ReviewState.AWAITING_APPROVAL: {ReviewState.PUBLISHED, ReviewState.IN_REVIEW},
    ReviewState.DISMISSED: {ReviewState.NEW},
    ReviewState.PUBLISHED: set(),
}

# Claims in these states carry a reviewer's work; re-running extraction must leave them alone.
REVIEWED_STATES = {ReviewState.IN_REVIEW, ReviewState.AWAITING_APPROVAL, ReviewState.PUBLISHED}


class TransitionNotAllowed(Exception):
    """Raised when a claim is asked to move to a state that cannot follow its current one."""

    def __init__(self, current, target):
        self.current = ReviewState(current)
        self.target = ReviewState(target)
        super().__init__(f"A claim that is {self.current.label.lower()} cannot become {self.target.label.lower()}.")


def can_move(current, target) -> bool:
    return ReviewState(target) in ALLOWED[ReviewState(current)]


def move(claim, target) -> None:
    """Set the claim's state to target, or raise TransitionNotAllowed. The caller saves."""
    if not can_move(claim.state, target):
        raise TransitionNotAllowed(claim.state, target)
    claim.state = target
