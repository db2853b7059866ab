"""Non-claims in outlet styles the first rules were not written for: press-release disclaimers, interview notes,
service lines with telephone numbers, orders after a condition, boasts about the future, slogans, rebukes."""
import pytest

from .conftest import claim_with, claims_of, worthy


@pytest.mark.parametrize(
    "sentence",
    [
        "This release contains forward-looking statements that involve risks and uncertainties.",
        "This interview has been edited for length and clarity.",
        "The conversation below was edited for clarity.",
    ],
)
def test_the_publication_describing_its_own_text_is_not_a_claim(sentence):
    assert worthy(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Anyone who saw the crash is asked to call the incident line on 0800 555 0190.",
        "Tenants with concerns about their heating can contact the housing office on 01632 555 123.",
        "Readers can reach the helpline at 555-0188.",
    ],
)
def test_a_service_line_with_a_telephone_number_is_not_a_claim(sentence):
    assert worthy(sentence) == []


def test_a_telephone_number_in_a_statement_of_fact_does_not_hide_the_fact():
    assert worthy("The hotline on 0800 555 0190 took 4,000 calls in its first week.")


def test_an_order_after_a_condition_is_a_call_to_action():
    assert worthy('"If you live along Brook Lane or Mill Row, go now. Do not wait for a knock on the door," the chief said.') == []


@pytest.mark.parametrize(
    "sentence",
    [
        '"We\'re going to take this seat, and it won\'t even be close," Orlov told supporters.',
        '"I\'m not going to answer hypotheticals," Maren Tisch said.',
    ],
)
def test_a_boast_or_a_refusal_with_going_to_is_not_a_claim(sentence):
    assert claim_with("going to", claims_of(sentence)).check_worthy is False


def test_what_someone_else_is_going_to_do_on_a_date_stays_a_claim():
    assert worthy("The authority is going to close the Brennock bridge for repairs on March 3.")


@pytest.mark.parametrize(
    "sentence",
    [
        '"Blaming the mine is convenient, but it is not science," said Ilse Varga.',
        '"Selling the depot would be a mistake," Tomas Bery said.',
    ],
)
def test_an_action_judged_is_opinion(sentence):
    assert claim_with("is", claims_of(sentence)).check_worthy is False


def test_what_an_action_costs_by_law_stays_a_claim():
    assert worthy("Breaching the order can lead to an unlimited fine.")


def test_a_slogan_that_says_a_thing_is_itself_is_not_a_claim():
    [claim] = claims_of('"Enough is enough," the protesters chanted.')
    assert not claim.check_worthy and "slogan" in claim.set_aside_reason


@pytest.mark.parametrize(
    "sentence",
    [
        '"You stop noticing the smell after a while," said Brannagh Coyle.',
        '"You\'re comparing a hilltop with a river valley and blaming the turbines," Ravi Dutt said.',
    ],
)
def test_a_present_tense_you_is_a_saying_or_a_rebuke(sentence):
    assert claim_with("You", claims_of(sentence)).check_worthy is False


def test_what_you_did_last_year_stays_a_claim():
    assert worthy("You received a bonus of £400,000 last year.")


def test_a_dare_is_not_a_claim():
    assert claim_with("welcome", claims_of('"Mr Holt is welcome to show us where we went wrong," she said.')).check_worthy is False


def test_what_we_are_saying_given_as_an_order_is_advice():
    quote = '"We are saying think hard about where you put them," said Oona Marsh.'
    assert claim_with("think hard", claims_of(quote)).check_worthy is False


@pytest.mark.parametrize(
    "sentence",
    [
        "Journalists are barred from within 20 kilometres of the border.",
        "Reporters were not allowed into the hearing.",
    ],
)
def test_the_conditions_of_reporting_are_newsroom_process(sentence):
    [claim] = claims_of(sentence)
    assert claim.set_aside_reason == "newsroom process"


def test_a_journalist_who_was_hurt_is_news():
    assert worthy("Two journalists were injured when the shell hit the hotel.")
