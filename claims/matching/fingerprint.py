"""Which matcher wrote a stored signature: a fingerprint of the code that computes signatures.

A claim's signature is stored beside it (claims.models.ClaimSignature) with the fingerprint of
the code that computed it. One written by other code (an upgrade of the matcher) is not compared
with today's but computed again where it is next needed; so every reader of stored signatures
asks for rows of `MATCHER` only.
"""
import hashlib
from pathlib import Path


# The modules a signature is computed from. How two signatures are compared (compare.py) is not
# among them: a new comparison rule reads the stored signatures as they are, instead of sending a
# million claims back through spaCy. tests/matching/test_fingerprint.py checks that every module
# signature.py draws on is listed.
SIGNATURE_MODULES = ("signature.py", "lexicon.py", "numbers.py", "counts.py")


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for name in SIGNATURE_MODULES:
        digest.update(name.encode() + b"\0" + (Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()[:16]


MATCHER = _fingerprint()
