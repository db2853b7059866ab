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


def test_a_narrated_clause_before_a_joined_on_attribution_is_a_claim_of_its_own():
    text = (
        "HOLMVIK - A 29-year-old cyclist was struck by a council lorry on Quay Street early Friday, "
        "and her brother said Saturday that the lorry had no working mirrors."
    )
    claims = worthy(text)
    narrated = claim_with("cyclist", claims)
    assert narrated.text == "A 29-year-old cyclist was struck by a council lorry on Quay Street early Friday"
    assert narrated.speaker is None
    assert claim_with("mirrors", claims).text == "the lorry had no working mirrors"


def test_what_the_writer_states_before_saying_is_a_claim_of_its_own():
    text = (
        "The actor Tomas Brell has sued his former agency for $4 million, saying in a court filing "
        "that it kept his fees for three years."
    )
    narrated = claim_with("has sued", worthy(text))
    assert narrated.text == "The actor Tomas Brell has sued his former agency for $4 million"
    assert narrated.speaker is None


def test_a_speech_clause_buried_in_the_writer_sentence_keeps_the_sentence():
    text = "About 60 families in Orlen Row have stopped paying rent in protest at what they say is a broken boiler."
    assert claim_with("stopped paying rent", worthy(text)).text == text


def test_an_attribution_alone_adds_no_narration():
    text = "Mayor Ines Varga said the ferry would resume on Monday."
    assert [c.text for c in worthy(text)] == ["the ferry would resume on Monday"]
