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


@pytest.mark.parametrize("share", [0.9, 0.0005])
def test_a_text_of_only_common_words_still_finds_the_newest_claims_holding_them(db, monkeypatch, share):
    # As if "school" were in nine claims of ten at a million (the newest claims are read by id),
    # or in 500 (the index is read, the newest kept): PostgreSQL ranks only the newest span.
    monkeypatch.setattr(candidate_query, "_lexeme_frequencies", lambda: ({"school": share}, TABLE))
    ClaimFactory(text="The school reopened on Monday.")
    newest = ClaimFactory(text="The school closed again.")
    ClaimFactory(text="The bridge closed again.")
    found = [c.claim_id for c in candidate_query.candidates_for("the school", 10)]
    assert newest.pk in found and len(found) == 2


def test_a_candidate_s_stored_signature_is_read_not_parsed_again(db, monkeypatch):
    from claims.services.matching import signatures_for

    stored = ClaimFactory(text="Drones hit the power station in Kharkiv overnight, killing 3 workers.")
    signatures_for([stored])  # stored with the claim, as a split does
    matching._SIGNATURES.clear()
    parsed = []
    real = matching.signatures
    monkeypatch.setattr(matching, "signatures", lambda texts: parsed.extend(texts) or real(texts))
    asked = "Three workers were killed when drones struck a Kharkiv power station overnight"
    found = matches_for_text(asked)
    assert [r.candidate.claim_id for r in found] == [stored.pk] and found[0].same
    assert parsed == [asked]  # the new claim's own text only


KILLED = "Drones hit the power station in Kharkiv overnight, killing 3 workers."
ASKED = "Three workers were killed when drones struck a Kharkiv power station overnight"


def test_a_signature_written_by_other_matcher_code_is_parsed_not_read(db):
    from claims.models import ClaimSignature
    from claims.services.matching import signatures_for

    stored = ClaimFactory(text=KILLED)
    signatures_for([stored])
    # As if an older matcher had written it: a denial. Read, it would make the pair differ.
    ClaimSignature.objects.filter(claim=stored).update(
        matcher="older-matcher", data={**ClaimSignature.objects.get(claim=stored).data, "polarity": -1}
    )
    matching._SIGNATURES.clear()
    assert matches_for_text(ASKED)[0].same


def test_a_stored_signature_that_cannot_be_read_is_parsed_instead(db):
    from claims.matching import MATCHER
    from claims.models import ClaimSignature

    stored = ClaimFactory(text=KILLED)
    ClaimSignature.objects.create(claim=stored, data={"terms": "not a list of pairs"}, matcher=MATCHER)
    matching._SIGNATURES.clear()
    assert matches_for_text(ASKED)[0].same


def test_the_match_lookup_leaves_out_claims_set_aside_by_extraction_as_the_split_does(db):
    ClaimFactory(text=KILLED, check_worthy=False)
    assert matches_for_text(ASKED) == []


def test_a_batch_gets_each_text_its_own_candidates_from_other_articles_only(db, django_assert_max_num_queries):
    killed = ClaimFactory(text=KILLED)
    school = ClaimFactory(text="The mayor opened a new school in Lviv on Monday.")
    own_article = ClaimFactory(text="The mayor of Lviv opened the school.")
    wanted = [
        candidate_query.Wanted(ASKED),
        candidate_query.Wanted("A new school opened in Lviv, the mayor said", article_id=own_article.article_id),
    ]
    with django_assert_max_num_queries(4):  # lexemes, statistics, the candidates; one more on a cold start
        found = candidate_query.candidates_for_batch(wanted, 10, candidate_query.MATCHING)
    assert [[c.claim_id for c in some] for some in found] == [[killed.pk], [school.pk]]


def test_for_a_new_claim_a_published_claim_comes_before_a_closer_unpublished_one(db):
    from claims.workflow import ReviewState

    closer = ClaimFactory(text="The mayor opened a new school in Lviv on Monday.")
    published = ClaimFactory(text="A school in Lviv opened.", state=ReviewState.PUBLISHED)
    [found] = candidate_query.candidates_for_batch(
        [candidate_query.Wanted("The mayor opened a new school in Lviv on Monday")], 10, candidate_query.MATCHING
    )
    assert [c.claim_id for c in found] == [published.pk, closer.pk]


def test_a_text_without_key_terms_has_no_candidates_and_asks_nothing(db, django_assert_num_queries):
    ClaimFactory(text="It was what they had to do.")
    with django_assert_num_queries(0):
        assert candidate_query.candidates_for_batch([candidate_query.Wanted("it was what they had to do")], 10) == [[]]
