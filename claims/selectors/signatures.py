"""Claims' stored signatures: what the matcher compares, read instead of parsed.

Every check-worthy claim gets its signature stored when it is matched (services.matching), with
the fingerprint of the matcher code that wrote it. Whoever compares claims (the split's
matching, the match lookup, the fact-check search) reads them here: one query, rows of today's
matcher only (one written by other code is as good as missing).
"""
from ..matching import MATCHER, Signature
from ..models import ClaimSignature


def stored_signatures(claim_ids) -> dict[int, Signature]:
    """The claims' signatures written by today's matcher, by claim id; a claim without one is left out."""
    found = {}
    rows = ClaimSignature.objects.filter(claim_id__in=list(claim_ids), matcher=MATCHER).values_list("claim_id", "data")
    for claim_id, data in rows:
        try:
            found[claim_id] = Signature.from_json(data)
        except (KeyError, TypeError, ValueError):
            pass  # not what this matcher reads: as good as missing
    return found
