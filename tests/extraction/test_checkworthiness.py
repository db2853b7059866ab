"""What is not a claim: captions, credits, bylines, questions, calls to action, newsroom process."""
import pytest

from .conftest import claims_of, worthy


def test_photo_caption_with_credit_is_not_a_claim():
    text = "Firefighters work at the depot in Holm, May 2. Photo: Jan Berg\n\nThe fire destroyed 12 lorries."
    assert [c.text for c in worthy(text)] == ["The fire destroyed 12 lorries."]


def test_caption_title_line_before_a_credited_caption_is_not_a_claim():
    text = "Smoke over Holm\nSmoke rises over the port of Holm on May 2. Jan Berg/Getty Images\n\nThe blaze burned for 9 hours."
    assert [c.text for c in worthy(text)] == ["The blaze burned for 9 hours."]


def test_reporting_and_editing_credits_are_not_claims():
    text = "The strike closed 40 schools on Monday.\n\nReporting by Mia Lund; Editing by Karl Oster"
    assert [c.text for c in worthy(text)] == ["The strike closed 40 schools on Monday."]


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry did not immediately respond to a request for comment.",
        "The company declined to comment on the figures.",
        "The casualty figures could not be independently verified.",
    ],
)
def test_newsroom_process_is_not_a_claim(sentence):
    assert worthy(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Donate to the flood appeal here.",
        "Please follow the advice of the coastguard and stay off the beaches.",
        "Join our live blog for updates through the night.",
        "Residents should boil their water before drinking it.",
    ],
)
def test_calls_to_action_and_advice_are_not_claims(sentence):
    assert worthy(sentence) == []


def test_questions_are_not_claims():
    assert worthy("Who will pay for the repairs?") == []


def test_set_aside_spans_say_why():
    [claim] = claims_of("Will the bridge reopen before winter?")
    assert not claim.check_worthy and claim.set_aside_reason == "question"


def test_pure_opinion_is_not_a_claim():
    assert worthy('"Our volunteers have been wonderful," the mayor said.') == []


def test_a_promise_in_the_first_person_is_not_a_claim():
    assert worthy('"We will never give up the harbour," the admiral said.') == []


def test_a_scheduled_fact_in_the_future_is_a_claim():
    [claim] = worthy("The new runway will open in March, the airport said.")
    assert claim.text.startswith("The new runway will open in March")


def test_figures_and_names_make_a_claim_more_check_worthy():
    vague = worthy("Officials said things were getting better in the area.")[0]
    concrete = worthy("Officials said 4,300 homes in Holm had power again by Tuesday.")[0]
    assert 0 <= vague.score < concrete.score <= 1
