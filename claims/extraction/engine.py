"""A first, simple splitter: one claim per declarative sentence.

This stands in until the full engine (speakers, sides, disputes) replaces it behind `extract`.
"""
import re

from .types import Extraction, FoundClaim, KnownSource, SideCues

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'”’]?|$)")
_MIN_WORDS = 5


def extract(text: str, *, sides: tuple[SideCues, ...] = (), registry: tuple[KnownSource, ...] = ()) -> Extraction:
    claims = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group()
        stripped = sentence.strip()
        if len(stripped.split()) < _MIN_WORDS or stripped.endswith("?"):
            continue
        start = match.start() + (len(sentence) - len(sentence.lstrip()))
        end = start + len(stripped)
        claims.append(FoundClaim(text=text[start:end], start=start, end=end))
    return Extraction(language="en", claims=claims)
