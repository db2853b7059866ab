"""Evidence gathered for a claim: added, corrected and removed while the claim is under review."""
from django.db import transaction

from .. import permissions, workflow
from ..models import Claim, Evidence
from ..workflow import ReviewState
from .reviews import locked, save_claim

EDITABLE_STATES = (ReviewState.NEW, ReviewState.IN_REVIEW)


def _open_for_evidence(claim: Claim, user) -> None:
    permissions.require(permissions.can_work_on(user, claim), "This claim is assigned to someone else.")
    if claim.state not in EDITABLE_STATES:
        raise workflow.TransitionNotAllowed(claim.state, ReviewState.IN_REVIEW)


@transaction.atomic
def add_evidence(
    *, claim: Claim, added_by, url="", archived_url="", excerpt="", note="", stance="context", seen_version=None
) -> Evidence:
    claim = locked(claim, seen_version)
    _open_for_evidence(claim, added_by)
    evidence = Evidence(
        claim=claim, url=url, archived_url=archived_url, excerpt=excerpt, note=note, stance=stance, added_by=added_by
    )
    evidence._history_user = added_by
    evidence.full_clean()
    evidence.save()
    save_claim(claim, added_by)
    return evidence


@transaction.atomic
def edit_evidence(*, evidence: Evidence, user, seen_version=None, **fields) -> Evidence:
    claim = locked(evidence.claim, seen_version)
    _open_for_evidence(claim, user)
    for name in ("url", "archived_url", "excerpt", "note", "stance"):
        if name in fields:
            setattr(evidence, name, fields[name])
    evidence._history_user = user
    evidence.full_clean()
    evidence.save()
    save_claim(claim, user)
    return evidence


@transaction.atomic
def remove_evidence(*, evidence: Evidence, user, seen_version=None) -> None:
    claim = locked(evidence.claim, seen_version)
    _open_for_evidence(claim, user)
    evidence._history_user = user
    evidence.delete()
    save_claim(claim, user)
