"""The match lookup: the text search finds candidates, the claim matcher ranks them."""
import pytest
from django.core.exceptions import ValidationError

from claims.selectors import candidates as candidate_query
from claims.selectors import fact_check_search as matching
from claims.selectors.candidates import ROW_BUDGET, _anchor_queries, key_terms
from claims.selectors.fact_check_search import clean_query, matches_for_text

from .factories import ClaimFactory


def test_a_repeated_claim_is_found_first_and_a_changed_number_after_it(db):
    same = ClaimFactory(text="Drones hit the power station in Kharkiv overnight, killing 3 workers.")
    other = ClaimFactory(text="Drones hit the power station in Kharkiv overnight, killing 30 workers.")
    ClaimFactory(text="The mayor opened a new school in Lviv.")
    found = matches_for_text("Three workers were killed when drones struck a Kharkiv power station overnight")
    assert [r.candidate.claim_id for r in found] == [same.pk, other.pk]
    assert found[0].same and not found[1].same


def test_stop_words_and_repeats_are_not_key_terms():
    assert key_terms("The bridge, the BRIDGE and the river's bank") == ["bridge", "river's", "bank"]


def test_a_search_of_only_common_words_is_refused_with_a_reason():
    with pytest.raises(ValidationError, match="only common words"):
        clean_query("it was what they had to do")


# The candidate query on PostgreSQL: what it asks the GIN index for, by the table's statistics.
TABLE = 1_000_000


def queries(lexemes, common):
    return [query for query, _ in _anchor_queries(lexemes, (common, TABLE))]


def test_rare_words_are_asked_for_with_or():
    common = {"said": 0.3}
    assert queries(["kharkiv", "drone"], common) == ["'kharkiv' | 'drone'"]


def test_a_word_in_a_third_of_all_claims_is_never_asked_for_alone():
    common = {"said": 0.3, "kharkiv": 0.0002, "drone": 0.01}
    asked = queries(["said", "kharkiv", "drone"], common)
    assert asked[0] == "'kharkiv'"
    assert all(q != "'said'" and "| 'said'" not in q for q in asked)


def test_common_words_are_narrowed_to_what_fits_the_row_budget():
    common = {"bridge": 0.05, "shell": 0.08, "peopl": 1.0}
    # Each alone, and bridge with shell, would still match thousands of rows at a million claims.
    assert 0.05 * 0.08 * TABLE > ROW_BUDGET
    assert queries(["peopl", "bridge", "shell"], common) == ["'bridge' & 'shell' & 'peopl'"]


def test_a_number_is_not_the_word_a_narrowed_query_requires():
    common = {"89": 0.001, "clinic": 0.07, "kasford": 0.01}
    assert not queries(["89", "clinic", "kasford"], common)[-1].startswith("'89'")


def test_quotes_in_a_lexeme_cannot_break_the_query():
    assert queries(["o'neil"], {}) == ["'o''neil'"]


def test_a_text_of_only_common_words_still_finds_the_newest_claims_holding_them(db, monkeypatch):
    # As if "school" were in nine claims of ten at a million: PostgreSQL ranks only the newest span.
    monkeypatch.setattr(candidate_query, "_lexeme_frequencies", lambda: ({"school": 0.9}, TABLE))
    ClaimFactory(text="The school reopened on Monday.")
    newest = ClaimFactory(text="The school closed again.")
    assert newest.pk in [c.claim_id for c in candidate_query.candidates_for("the school", 10)]


def test_a_candidate_s_stored_signature_is_read_not_parsed_again(db, monkeypatch):
    from claims.services.matching import signatures_for

    stored = ClaimFactory(text="Drones hit the power station in Kharkiv overnight, killing 3 workers.")
    signatures_for([stored])  # stored with the claim, as a split does
    matching._SIGNATURES.clear()
    parsed = []
    monkeypatch.setattr(matching, "signatures", lambda texts: parsed.extend(texts) or [])
    found = matches_for_text("Three workers were killed when drones struck a Kharkiv power station overnight")
    assert [r.candidate.claim_id for r in found] == [stored.pk] and found[0].same
    assert parsed == []
