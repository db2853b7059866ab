"""Where a merged claim went. services.claims.merge_claims, the one place claims are merged,
deletes the absorbed claim with the reason `merged_reason(into)` in its history; a link to the
absorbed claim (shared before the merge) is followed here to the claim it lives on in. A claim
deleted for any other reason (a re-split of its article) has no such reason: it stays gone."""
import re

from ..models import Claim

_MERGED = "merged into claim {}"
_MERGED_READ = re.compile(r"merged into claim ([0-9]{1,19})")
# A chain of merges (49 into 48, 48 into 47) is followed this far: an article has few claims to merge.
_MOST_STEPS = 50


def merged_reason(into: Claim) -> str:
    """The history's reason for a claim deleted by merging it into `into`."""
    return _MERGED.format(into.pk)


def merged_into(pk: int) -> Claim | None:
    """The claim that claim `pk` was merged into (or, when that one was merged in turn, the claim
    it ended up in); None when `pk` was never merged or the claim it went into is gone too."""
    for _ in range(_MOST_STEPS):
        reason = (
            Claim.history.filter(id=pk, history_type="-").order_by("-history_date", "-history_id")
            .values_list("history_change_reason", flat=True).first()
        )
        found = _MERGED_READ.fullmatch(reason or "")
        if found is None:
            return None
        pk = int(found.group(1))
        claim = Claim.objects.filter(pk=pk).first()
        if claim is not None:
            return claim
    return None
