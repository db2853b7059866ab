"""Extraction tests are plain pytest: a text in, what the engine says out. No database."""
import pytest

from claims.extraction import KnownSource, SideCues, extract

NORTH_SOUTH = (
    SideCues("Norland", ("Norland", "Norlandic", "Nordby")),
    SideCues("Sudmark", ("Sudmark", "Sudmarkian", "Sudstad")),
)


def claims_of(text, sides=NORTH_SOUTH, registry=(), lexicon=()):
    return extract(text, sides=sides, registry=registry, loaded_lexicon=lexicon).claims


def worthy(text, **kwargs):
    return [c for c in claims_of(text, **kwargs) if c.check_worthy]


def claim_with(text_part, claims):
    found = [c for c in claims if text_part in c.text]
    assert found, f"no claim contains {text_part!r}: {[c.text for c in claims]}"
    return min(found, key=lambda c: len(c.text))


@pytest.fixture
def registry():
    return (
        KnownSource("Norlandic Interior Ministry", "Norland", ("Norland's interior ministry",)),
        KnownSource("Petra Falk", "Sudmark", ()),
        KnownSource("Harbour Authority", None, ()),
    )
