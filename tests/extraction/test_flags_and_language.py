"""Loaded language and languages the engine cannot read."""
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

from claims.extraction import extract
from claims.extraction.language import language_name, not_english_reason

from .conftest import claim_with, worthy


def test_terms_from_the_topic_lexicon_are_flagged():
    claim = claim_with("Ulm", worthy("Norlandic officials said the occupiers shelled Ulm for 6 hours.", lexicon=("occupiers",)))
    assert claim.loaded_terms == ("occupiers",)


def test_scare_quotes_are_flagged():
    claim = claim_with("Ulm", worthy('Norlandic officials said their troops had "freed" Ulm on Sunday.'))
    assert claim.loaded_terms == ("freed",)


def test_plain_claims_carry_no_flags():
    claim = claim_with("Ulm", worthy("Norlandic officials said their troops entered Ulm on Sunday."))
    assert claim.loaded_terms == ()


def test_an_unsupported_language_is_not_split_and_says_why():
    text = "El ministerio dijo que las tropas habían entrado en la ciudad el domingo por la mañana."
    result = extract(text)
    assert result.claims == []
    assert result.language == "es"
    assert "This article is in Spanish" in result.not_split_reason
    assert "'es'" not in result.not_split_reason


def test_every_language_langdetect_can_answer_has_a_name():
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    assert all(language_name(code) for code in factory.get_lang_list())


def test_an_unknown_language_is_said_in_words_too():
    assert language_name("und") is None
    assert "could not tell which language" in not_english_reason("und")
    assert "add its claims by hand" in not_english_reason("xx").lower()


def test_text_without_words_does_not_crash():
    result = extract("12 34 56 --- ###")
    assert result.claims == [] and result.not_split_reason
