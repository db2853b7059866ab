"""Claim matching: do two claim texts assert the same thing, and how close are they?

Pure Python over spaCy, like claims/extraction: no Django ORM here. Two calls:
- `claim_signature(text) -> Signature`: cheap features to store with each claim (key terms,
  numbers, names of places and actors, dates, polarity, stances);
- `compare(a, b) -> Match(score, same, reason)`: the re-ranking step. The database fetches
  candidates by its own text search (claims.selectors.candidates) and this module decides which
  of them are the same claim.
`MATCHER` fingerprints this package's code: a stored signature is read only when the same code wrote it.

Why lexical and structural, not sentence embeddings: the package index configured here offers
no maintained sentence-embedding model that installs offline (the one repackaged MiniLM wheel
comes from a single uploader with no licence and pulls in sentence-transformers and torch; other
packages fetch their weights from a hub at run time, which this project does not allow).
And the hard cases are not about wording at all: "3 killed" and "30 killed", "captured" and
"still held", Kharkiv and Kherson are near neighbours to any embedding. They need explicit rules
over numbers, polarity, names and roles, which an embedding would need beside it anyway. Words in
other forms are caught by lemmas, Snowball stems and a small list of newsroom synonyms; shared
rare words (names, places) count more than common ones through wordfreq's frequencies.
"""
from .compare import SAME_THRESHOLD, Match, compare, similarity
from .fingerprint import MATCHER
from .signature import Signature, claim_signature, signatures


def same_claim(a: str, b: str) -> Match:
    """Compare two texts directly (parses both; store signatures instead where it repeats)."""
    return compare(claim_signature(a), claim_signature(b))


__all__ = ["MATCHER", "Match", "SAME_THRESHOLD", "Signature", "claim_signature", "compare", "same_claim", "signatures",
           "similarity"]
