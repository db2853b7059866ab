"""Finding earlier claims like a given text: candidates from the database, ranked by the matcher.

Two steps, so a million claims cost what a few dozen do:

1. claims.selectors.candidates asks the database for the claims sharing the text's key terms
   (the one candidate query, which the split's matching uses too);
2. `rank_by_matcher(text, candidates)` re-ranks those candidates with claims.matching (signatures
   and `compare`), which knows that "3 killed" is not "30 killed" and "captured" is not "held".

`matches_for_text(text)` is the match lookup for a new claim; `search_fact_checks(q)` does the same
over published verdicts only, for the API's search.

The text's own signature is parsed (one spaCy parse); the candidates' are read from those stored
with the claims (selectors.signatures: every check-worthy claim gets one when it is matched), in
one query. A candidate without one (a claim stored before matching existed, or set aside by
extraction and still published) is parsed and kept in a bounded per-process cache.
"""
from collections import OrderedDict
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from ..input_rules import require_plain_text
from ..matching import compare, signatures
from .candidates import CANDIDATES, MATCHING, WORD, Candidate, Wanted, candidates_for, candidates_for_batch, key_terms
from .signatures import stored_signatures
from .verdicts import published_verdicts

MAX_QUERY_CHARS = 500
SIGNATURE_CACHE = 50_000

@dataclass(frozen=True)
class Ranked:
    candidate: Candidate
    score: float  # the matcher's closeness, 0..1
    same: bool  # the matcher says: the same claim


def clean_query(q: str) -> tuple[str, list[str]]:
    """The search text checked as the API's input rule says, and its key terms; ValidationError
    (a 400 or 422 with the reason) for what cannot be searched."""
    require_plain_text(q)
    text = " ".join(q.split())
    if not text:
        raise ValidationError("q: give the words of a claim to search for.", code="empty")
    if len(text) > MAX_QUERY_CHARS:
        raise ValidationError(f"q: at most {MAX_QUERY_CHARS} characters, not {len(text):,}.", code="too_long")
    if not WORD.search(text):
        raise ValidationError("q: no words in it, only punctuation or symbols.", code="no_words")
    terms = key_terms(text)
    if not terms:
        raise ValidationError(
            "q: only common words (like 'the', 'was', 'of'); give a word that names what the claim is about.",
            code="stop_words",
        )
    return text, terms


# Parsed signatures of candidates that have none stored (claims set aside by extraction, which
# are never matched; claims stored before matching existed), kept per process. Only an extra: a
# stored signature is always read from its row first.
_SIGNATURES: OrderedDict = OrderedDict()


def rank_by_matcher(text: str, candidates: list[Candidate]) -> list[Ranked]:
    """The candidates ordered by the matcher: same claim first, then by closeness, then by the
    database's rank (so ties keep the text search's order)."""
    if not candidates:
        return []
    stored = stored_signatures(c.claim_id for c in candidates)
    missing = list(dict.fromkeys(c.text for c in candidates if c.claim_id not in stored and c.text not in _SIGNATURES))
    # The text and the candidates without a stored signature are parsed in one call: spaCy's cost
    # per call is a good part of a short text's.
    mine, *fresh = signatures([text, *missing])
    _SIGNATURES.update(zip(missing, fresh))
    theirs = []
    for candidate in candidates:
        if candidate.claim_id in stored:
            theirs.append(stored[candidate.claim_id])
        else:
            _SIGNATURES.move_to_end(candidate.text)
            theirs.append(_SIGNATURES[candidate.text])
    while len(_SIGNATURES) > SIGNATURE_CACHE:
        _SIGNATURES.popitem(last=False)
    ranked = []
    for candidate, signature in zip(candidates, theirs):
        match = compare(mine, signature)
        ranked.append(Ranked(candidate, match.score, match.same))
    ranked.sort(key=lambda r: (not r.same, -r.score, -r.candidate.rank, -r.candidate.claim_id))
    return ranked


def matches_for_text(text: str, *, limit: int = 10, candidates: int = CANDIDATES) -> list[Ranked]:
    """Earlier claims that may assert what the text asserts, best first: the match lookup for a new
    claim, with the candidates the split's matching would give it (check-worthy claims, published first)."""
    return rank_by_matcher(text, candidates_for_batch([Wanted(text)], candidates, MATCHING)[0])[:limit]


def search_fact_checks(q: str, *, limit: int = 10, candidates: int = CANDIDATES):
    """Published verdicts whose claim matches the text, best first, as (row, Ranked) pairs.

    q must already have passed clean_query. The rows are verdict_rows of published_verdicts, so a
    verdict that is not published cannot come out of here whatever the text search found."""
    from .verdicts import verdict_rows

    ranked = rank_by_matcher(q, candidates_for(q, candidates, published_only=True))[:limit]
    by_claim = {r.candidate.claim_id: r for r in ranked}
    fields = ("id", "claim_id", "claim_text", "speaker", "side", "rating", "published_at")
    rows = verdict_rows(published_verdicts().filter(claim_id__in=by_claim), fields=fields)
    rows = {row.claim_id: row for row in rows}
    return [(rows[r.candidate.claim_id], r) for r in ranked if r.candidate.claim_id in rows]
