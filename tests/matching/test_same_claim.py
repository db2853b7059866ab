"""What "the same claim" means: one phenomenon per test, plain pytest, no database.

The sentences are invented for these tests (places and people of a fictional war between
Norland and Sudmark as well as real-world ones), so no rule is fitted to the gold pairs' wording.
"""
from claims.matching import same_claim


def is_same(a, b):
    return same_claim(a, b).same


# The same event in other words
def test_paraphrase_is_the_same_claim():
    assert is_same(
        "Sudmark shelled the port of Holm overnight, destroying two warehouses.",
        "Two warehouses in Holm's port were destroyed by Sudmark shelling during the night.",
    )


def test_passive_voice_is_the_same_claim():
    assert is_same("Norlandic troops captured the village of Ostby.", "The village of Ostby was captured by Norlandic troops.")


def test_synonyms_for_killed_and_troops_are_the_same_claim():
    assert is_same("Five soldiers died in the ambush near Ostby.", "The ambush near Ostby killed five troops.")


def test_summary_of_a_quote_is_the_same_claim():
    assert is_same(
        '"Our forces have taken full control of Ostby," the Norlandic army chief told reporters on Tuesday.',
        "Norland's army says it has seized Ostby.",
    )


def test_a_claim_without_a_source_matches_the_same_claim_with_one():
    assert is_same(
        "Sudmark's defence ministry said the bridge at Varde was destroyed.",
        "The bridge at Varde was destroyed.",
    )


def test_the_same_words_from_another_source_are_another_claim():
    # Each source's claim is checked on its own; the other side saying it too is not a repeat.
    assert not is_same(
        "The bridge at Varde was destroyed, Sudmark's defence ministry said.",
        "The bridge at Varde was destroyed, according to Norlandic officials.",
    )


def test_numbers_in_words_and_digits_are_the_same_claim():
    assert is_same("Three civilians were killed in the strike on Holm.", "The strike on Holm killed 3 civilians.")


def test_thousands_separator_and_millions_agree():
    assert is_same("The fund lost 1.2 million dollars in Holm.", "In Holm the fund lost $1,200,000.")


def test_country_and_its_adjective_agree():
    assert is_same("Russia launched 40 drones at Odesa overnight.", "Russian forces fired 40 drones at Odesa during the night.")


def test_denial_repeated_in_other_words_is_the_same_claim():
    assert is_same("Sudmark did not attack the hospital in Holm.", "Sudmark never struck Holm's hospital.")


# Not the same claim
def test_changed_number_is_not_the_same_claim():
    assert not is_same("Three people were killed in the strike on Holm.", "Thirty people were killed in the strike on Holm.")


def test_changed_percentage_is_not_the_same_claim():
    assert not is_same("Bread prices in Norland rose 5% in March.", "Bread prices in Norland rose 15% in March.")


def test_negation_is_not_the_same_claim():
    assert not is_same("Sudmark attacked the hospital in Holm.", "Sudmark did not attack the hospital in Holm.")


def test_captured_against_still_held_is_not_the_same_claim():
    assert not is_same("Norlandic troops captured Ostby.", "Sudmark's army still holds Ostby.")


def test_denial_by_the_other_side_is_a_dispute_not_a_match():
    assert not is_same(
        "Norland says its missiles hit an arms depot in Varde.",
        "Sudmark denied that Norlandic missiles hit an arms depot in Varde.",
    )


def test_intercepted_against_hit_is_not_the_same_claim():
    assert not is_same("The missile hit a school in Holm.", "The missile aimed at a school in Holm was intercepted.")


def test_rose_against_fell_is_not_the_same_claim():
    assert not is_same("Unemployment in Norland rose last year.", "Unemployment in Norland fell last year.")


def test_another_place_is_not_the_same_claim():
    assert not is_same("Sudmark shelled a school in Holm.", "Sudmark shelled a school in Varde.")


def test_another_actor_is_not_the_same_claim():
    assert not is_same("Norland shelled a school in Holm.", "Sudmark shelled a school in Holm.")


def test_swapped_roles_are_not_the_same_claim():
    assert not is_same("Norland attacked Sudmark first.", "Sudmark attacked Norland first.")


def test_another_day_is_not_the_same_claim():
    assert not is_same("The bridge at Varde was blown up on Monday.", "The bridge at Varde was blown up on Friday.")


def test_another_year_is_not_the_same_claim():
    assert not is_same("Norland held elections in 2019.", "Norland held elections in 2023.")


def test_unrelated_claim_about_the_same_place_is_not_the_same_claim():
    assert not is_same("Sudmark shelled a school in Holm.", "Holm's mayor opened a new bakery.")


def test_a_reason_is_given_for_a_changed_number():
    assert "numbers" in same_claim("Three people died in Holm.", "Thirty people died in Holm.").reason
