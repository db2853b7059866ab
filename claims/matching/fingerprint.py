"""Which matcher wrote a stored signature: a fingerprint of this package's code.

A claim's signature is stored beside it (claims.models.ClaimSignature) with the fingerprint of
the code that computed it. One written by other code (an upgrade of the matcher) is not compared
with today's but computed again where it is next needed; so every reader of stored signatures
asks for rows of `MATCHER` only.
"""
import hashlib
from pathlib import Path


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


MATCHER = _fingerprint()
