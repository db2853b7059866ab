"""Actions on many queue rows at once. Each claim is changed in its own transaction through the
same service as on the claim page; the ones that cannot take the action are reported, not
forced, so one taken claim does not block the other forty-nine."""
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError

from ..concurrency import StaleEdit
from ..models import Claim
from ..workflow import TransitionNotAllowed
from . import reviews

MAX_BULK = 200


@dataclass
class BulkResult:
    done: list[int] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)


def apply_to_claims(claim_ids: list[int], action) -> BulkResult:
    result = BulkResult()
    claims = {c.pk: c for c in Claim.objects.filter(pk__in=claim_ids[:MAX_BULK])}
    for claim_id in claim_ids[:MAX_BULK]:
        claim = claims.get(claim_id)
        if claim is None:
            result.skipped.append((claim_id, "no such claim"))
            continue
        try:
            action(claim)
        except (PermissionDenied, TransitionNotAllowed, ValidationError, StaleEdit) as exc:
            message = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            result.skipped.append((claim_id, message))
        else:
            result.done.append(claim_id)
    return result


def assign_claims(claim_ids, *, assignee, user) -> BulkResult:
    return apply_to_claims(claim_ids, lambda claim: reviews.assign(claim=claim, assignee=assignee, user=user))


def dismiss_claims(claim_ids, *, user) -> BulkResult:
    return apply_to_claims(claim_ids, lambda claim: reviews.dismiss(claim=claim, user=user))


def mark_duplicates(claim_ids, *, original: Claim, user) -> BulkResult:
    # The original among the selected goes to the service like the others: its refusal ("cannot
    # be a duplicate of itself") is then reported with the rest, not dropped without a word.
    return apply_to_claims(claim_ids, lambda claim: reviews.mark_duplicate(claim=claim, original=original, user=user))
