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


def test_what_the_other_side_would_have_you_believe_is_rhetoric():
    quote = '"The defence wants you to think this memo was a formality," the prosecutor, Ines Albe, told the jury.'
    assert claim_with("wants you", claims_of(quote)).check_worthy is False


def test_a_habit_pinned_on_them_is_a_sweeping_charge():
    assert claim_with("promises", claims_of('"They make the same promises everywhere," said Hal Brody.')).check_worthy is False


def test_a_habit_with_a_place_and_a_time_stays_a_claim():
    assert worthy("The ferry always leaves Brennock at 6 a.m.")


def test_how_a_place_strikes_the_writer_is_opinion():
    [claim] = claims_of("It is hard to walk along the quay and not feel that the town has lost something.")
    assert not claim.check_worthy and "impression" in claim.set_aside_reason


def test_an_account_after_a_judgement_in_one_quote_is_a_claim():
    quote = '"It\'s a terrible decision. He never touched him," the manager, Ivo Lask, said.'
    assert claim_with("never touched", claims_of(quote)).check_worthy


def test_a_government_that_has_not_answered_an_offer_is_news():
    assert worthy("Dorland has proposed joint inspections; Velmar has not responded to the offer.")


def test_a_bulleted_key_point_without_a_full_stop_is_a_claim():
    text = "Key points\n\u2022 Route 9 is closed between Aldby and Brisk\n\u2022 About 300 homes have lost power\n\nCrews worked through the night."
    assert "Route 9 is closed between Aldby and Brisk" in " ".join(c.text for c in worthy(text))


def test_the_we_of_an_interview_answer_is_the_one_interviewed():
    text = (
        "Ona Park runs the Velby water board. She spoke to Tim Rees.\n\n"
        "Why are bills rising?\n\nWe have replaced every lead pipe in the old town.\n\n"
        "Is the river safe?\n\nYes.\n\nWill you stay on?\n\nWe have handed the regulator every document it asked for."
    )
    assert "We have handed the regulator every document it asked for." in [c.text for c in worthy(text)]


def test_a_reported_clause_read_across_a_quotation_is_not_a_claim():
    text = '"We are going to win this seat," Dana Roe told supporters at the hall shortly before midnight. "Our voters turned out."'
    assert not any("told supporters" in c.text and c.check_worthy for c in claims_of(text))


@pytest.mark.parametrize(
    "sentence, aside",
    [
        ("Brackley Stone, which employs 310 people at the pit, said it would appeal.", "which employs 310 people at the pit"),
        ('Ivo Renn, who was sent off in the second half, posted on his page after the game: "I never touched the keeper."', "who was sent off in the second half"),
    ],
)
def test_an_aside_about_the_speaker_is_the_writers_claim(sentence, aside):
    assert aside in [c.text for c in worthy(sentence)]


def test_a_thing_reported_by_someone_is_what_happened():
    text = "The blaze was first reported at 9.40am on Monday by a cyclist on Route 7, and it spread through the night."
    assert worthy(text)


def test_a_figure_in_the_senders_boilerplate_is_a_fact_about_it():
    text = (
        "The results beat forecasts, the company said.\n\nAbout Velmor Labs\n\n"
        "Velmor Labs is a trusted pioneer in home testing. Founded in 2009, Velmor employs 1,400 people. "
        "For more information, visit velmor.example."
    )
    texts = [c.text for c in worthy(text)]
    assert "Founded in 2009, Velmor employs 1,400 people." in texts
    assert not any("trusted pioneer" in t or "more information" in t for t in texts)


def test_an_aside_in_a_refusal_to_comment_stays_with_it():
    text = "Mr Obel, who is expected to testify for the defence next week, declined to comment through his lawyer."
    assert worthy(text) == []


def test_a_one_line_profile_of_the_sender_is_set_aside_whole():
    text = "The plant reopened, the company said.\n\nAbout the Town of Velby: Velby is home to about 40,000 residents and a council of nine."
    assert [c.text for c in worthy(text)] == ["The plant reopened"]


def test_advice_after_a_clipped_answer_is_advice():
    text = "A listener asks whether the shelter takes dogs. It does, the council says, but owners should bring a lead and food for 2 days."
    assert not any("owners should" in c.text for c in worthy(text))


@pytest.mark.parametrize(
    "quote",
    [
        '"He is promising a bridge he cannot build, and he knows it," said Lida Verne.',
        '"The mayor is more worried about the festival than about the flooded streets," said Lida Verne.',
    ],
)
def test_what_someone_secretly_knows_or_cares_about_is_opinion(quote):
    assert worthy(quote) == []


def test_what_a_report_says_someone_knew_stays_a_claim():
    assert worthy("The inquiry found that the director knew about the cracks in 2019.")


@pytest.mark.parametrize("line", ["Attendance: 21,370.", "Turnout: 64 percent."])
def test_a_statistic_under_a_label_is_a_claim(line):
    assert worthy(f"Rovers won 2-1 at Brisk Park.\n\n{line}")[-1].text == line


def test_a_time_under_a_label_is_not_a_statistic():
    assert not any("10:42" in c.text for c in worthy("Rovers won 2-1 at Brisk Park.\n\nUpdated: 10:42."))


def test_a_reported_clause_that_ends_on_a_quotation_stays_a_claim():
    text = 'Speaking at a mill in Arlo, Venn said the county had added 9,000 jobs since 2020, "more than in the ten years before."'
    assert any("had added 9,000 jobs" in c.text for c in worthy(text))
