"""Sentences and clauses: no breaks on abbreviations, initials, decimals or inside quotes."""
from .conftest import claim_with, worthy


def test_initials_and_titles_do_not_end_a_sentence():
    claims = worthy("Dr. J. R. Okafor said the reservoir held 3.5 million cubic metres on Monday.")
    claim = claim_with("3.5 million cubic metres", claims)
    assert claim.text == "the reservoir held 3.5 million cubic metres on Monday"
    assert claim.speaker.endswith("Okafor")


def test_decimals_do_not_end_a_sentence():
    [claim] = worthy("Unemployment in the province rose to 7.25 percent in June, the highest level since 2009.")
    assert claim.text.endswith("the highest level since 2009.")


def test_two_sentences_inside_one_quote_stay_one_claim():
    text = '"The levee broke at dawn. Water reached the station by noon," the fire chief, Aron Hale, said.'
    [claim] = worthy(text)
    assert claim.text == "The levee broke at dawn. Water reached the station by noon"
    assert claim.kind == "direct_quote"


def test_a_quote_split_by_its_attribution_gives_two_claims_by_the_same_speaker():
    text = '"The bridge is closed to lorries," the mayor, Ines Varga, said, "and it will stay closed until May."'
    claims = worthy(text)
    assert {c.speaker for c in claims} == {"Ines Varga"}
    assert [c.text for c in claims] == [
        "The bridge is closed to lorries",
        "and it will stay closed until May.",
    ]


def test_clauses_of_two_speakers_in_one_sentence_are_separate_claims():
    text = (
        "The governing party said it had won 51 percent of the vote, "
        "while the opposition bloc accused it of buying votes in 40 villages."
    )
    claims = worthy(text)
    first = claim_with("51 percent", claims)
    second = claim_with("buying votes", claims)
    assert first.speaker == "governing party" and "buying" not in first.text
    assert second.speaker == "opposition bloc"


def test_the_writers_aside_about_a_person_is_narration():
    text = "The league fined striker Tomas Reyes, who scored 31 goals last season, for missing a doping test."
    claims = worthy(text)
    aside = claim_with("31 goals", claims)
    assert aside.text == "who scored 31 goals last season" and aside.speaker is None
