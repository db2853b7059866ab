"""What is not a claim: captions, credits, bylines, questions, calls to action, newsroom process."""
import pytest

from .conftest import claim_with, claims_of, worthy


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


@pytest.mark.parametrize(
    "sentence",
    [
        "A spokesman for the port declined to say how many containers were lost.",
        "The mayor declined to be named in the report.",
        "The harbour authority did not return calls seeking comment on Monday.",
        "Tamm's office did not immediately reply to an email.",
        "Holm Post has not been able to verify the footage.",
        "The claims could not be independently confirmed.",
        "Mayor Ida Tamm was not available for comment.",
        "The official spoke on condition of anonymity because he was not authorised to brief reporters.",
        "It was not immediately clear who fired the first shot.",
        "Ali Khan in Dorval contributed to this report.",
        "This story has been updated with the council's response.",
    ],
)
def test_more_newsroom_process_is_set_aside(sentence):
    assert all(not c.check_worthy and c.set_aside_reason for c in claims_of(sentence))


def test_an_anonymous_source_still_makes_a_claim():
    text = "An official, who spoke on condition of anonymity, said 40 buses were damaged in the depot."
    assert claim_with("40 buses were damaged", worthy(text))


def test_a_process_aside_leaves_the_claim_of_the_sentence():
    text = "The ministry, which declined to comment, fined the Holm port operator $2 million in May."
    assert claim_with("fined the Holm port operator", worthy(text))


def test_a_fact_about_a_response_is_not_process():
    assert worthy("The report did not provide any evidence that Sudmark was behind the attack.")


@pytest.mark.parametrize(
    "sentence",
    [
        "This blog is now closed.",
        "Here's what we know so far.",
        "We will bring you the latest as it happens.",
        "You can find the full list of closed roads on our website.",
        "Sign up for our newsletter.",
        "Refresh for updates.",
        "Follow our live coverage of the floods.",
    ],
)
def test_the_newsroom_addressing_its_readers_is_set_aside(sentence):
    assert worthy(sentence) == []


def test_a_reporter_counting_for_the_reader_makes_a_claim():
    assert worthy("We counted 30 burned-out cars on the road to Dorval.")


def test_we_inside_a_quote_in_narration_is_not_the_newsroom():
    assert worthy('The slogan "we will rebuild" was painted on 40 houses in Holm.')


@pytest.mark.parametrize(
    "sentence",
    [
        '"He is a disgrace," the mayor said.',
        '"They are liars and cowards," Falk said.',
        '"What a shameful display this was," Falk said.',
        "Mayor Ida Tamm is a disgrace to this town.",
        '"The response of our volunteers has been remarkable," she said.',
    ],
)
def test_insults_and_pure_opinion_are_set_aside(sentence):
    assert worthy(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        '"He is a convicted fraudster who stole $3 million from the Holm pension fund," the mayor said.',
        '"The bridge was the longest in Norland when it opened in 1931," Falk said.',
        '"The response cost the town 4 million crowns," she said.',
    ],
)
def test_an_evaluation_with_something_checkable_stays_a_claim(sentence):
    assert worthy(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Anyone with information is asked to call Holm police.",
        "Residents are urged to boil their water before drinking it.",
        "Do not travel to the coast until the storm has passed.",
        "Don't share unverified videos of the attack.",
    ],
)
def test_requests_and_warnings_to_the_reader_are_calls_to_action(sentence):
    [claim] = claims_of(sentence)
    assert (claim.check_worthy, claim.set_aside_reason) == (False, "call to action")


def test_an_order_given_in_the_past_is_a_claim():
    assert worthy("Residents of 40 villages were told to leave on Monday.")


def test_a_spokesman_who_would_not_say_claims_nothing():
    assert worthy("A spokesman for the port would not say how many containers were lost.") == []


def test_what_a_report_does_not_say_is_a_claim():
    assert worthy("The inspection report does not say how the fire started in the Holm depot.")


def test_a_first_person_appeal_to_the_public_is_a_call_to_action():
    assert worthy('"I ask every family in Holm to stay indoors tonight," the mayor said.') == []


def test_advice_reported_from_an_authority_is_a_call_to_action():
    assert worthy("The ministry urged residents not to share unverified videos.") == []


def test_an_imperative_the_tagger_reads_as_a_noun_is_still_a_call_to_action():
    assert worthy('"Boil all tap water before drinking, and wash your hands often."') == []


def test_too_early_to_say_is_newsroom_process():
    assert worthy("It is too early to say whether the bridge can be saved.") == []


def test_a_consequence_that_encourages_something_is_a_claim():
    assert worthy("Paying ransoms encourages other gangs to kidnap sailors, the admiral said.")


def test_we_in_a_quote_closed_with_two_apostrophes_is_not_the_newsroom():
    assert worthy("\"We lost our harbour and our boats to the storm.''")


def test_a_columnist_writing_i_is_not_the_newsroom():
    assert worthy("I watched the bridge fall into the river from our window.")


def test_a_quote_that_states_a_fact_then_asks_is_a_claim():
    assert worthy('"The pier has stood for 90 years. Why would we pull it down now?" the mayor of Holm said.')


def test_a_quote_of_opinion_on_opinion_stays_set_aside():
    assert worthy('"The board should resign. Our town deserves better than this," Falk said.') == []


def test_a_refusal_to_tell_is_newsroom_process():
    for sentence in ("Tamm would not release the names of the donors.", "She did not give details.",
                     "The port said it would not comment further."):
        assert worthy(sentence) == [], sentence


def test_a_fact_joined_to_declined_to_comment_stays_a_claim():
    assert claim_with("accounts have not been filed", worthy(
        "The club's accounts have not been filed, and the board declined to comment on them."))


def test_reporters_kept_out_and_unverified_figures_are_process():
    assert worthy("Reporters were kept out of the valley, and the figures could not be verified.") == []


def test_what_a_study_could_not_show_is_not_withheld_speech():
    assert worthy("The authors said the survey could not show that the tolls reduced traffic.")


def test_a_reported_plan_with_a_date_is_a_claim_and_a_pledge_is_not():
    assert worthy("Tamm announced on Monday that she would stand for governor in May.")
    assert worthy('The minister said his party would back the strikers "to the last."') == []


def test_an_obligation_under_a_law_is_a_claim_but_advice_is_not():
    assert worthy("Under the harbour act, the port authority must publish its accounts every year.")
    assert worthy("Parents must keep sick children at home.") == []


def test_a_saying_with_you_is_opinion():
    assert worthy('"You can\'t fix a roof while it is raining," the mayor said.') == []


def test_a_witch_hunt_is_an_insult():
    assert worthy('"This inquiry is a witch hunt," Falk said.') == []


def test_service_lines_for_the_public_are_set_aside():
    for sentence in ("Voters can check their polling place on the council's website.",
                     "A recording of the meeting is available online.",
                     "Fans are asked to arrive early and wear red for the first half."):
        assert worthy(sentence) == [], sentence
    assert worthy("Drivers can be fined up to 500 crowns for parking on the quay.")


def test_an_imperative_quote_before_its_speaker_is_a_call_to_action():
    assert worthy('"Boil all tap water for two minutes, and wash your hands before meals," the clinic advised.') == []


@pytest.mark.parametrize(
    "sentence",
    [
        '"I want to thank every volunteer who cleared the beach," the mayor said.',
        '"We would like to thank the crews who worked through the night," Olsen said.',
    ],
)
def test_thanks_are_a_courtesy_not_a_claim(sentence):
    [claim] = [c for c in claims_of(sentence) if c.kind == "direct_quote"]
    assert not claim.check_worthy and claim.set_aside_reason == "thanks: a courtesy"


def test_a_speaker_saying_why_they_came_is_not_a_claim():
    assert worthy('"I am not here to pick fights. We are here to listen," Brodsky said.') == []


@pytest.mark.parametrize(
    "sentence",
    [
        '"Tenants deserve a landlord who answers the phone," Pell said.',
        '"We owe it to our members to tell the truth," Pell said.',
    ],
)
def test_what_someone_deserves_is_opinion(sentence):
    assert worthy(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        '"Somebody has to sit them down until they agree," Ana Ruiz said.',
        '"Voters do not need sermons from the Brandt campaign," Ana Ruiz said.',
        '"What the town needs now is a clinic, not a commission," Ana Ruiz said.',
    ],
)
def test_what_someone_needs_is_advice(sentence):
    assert worthy(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The school needed repairs after the storm in March.",
        "The ward needs 12 more nurses to open at night, the trust said.",
    ],
)
def test_a_need_in_the_past_or_with_a_figure_stays_a_claim(sentence):
    assert worthy(sentence) != []


def test_a_saying_about_everyone_is_opinion():
    assert worthy('"Nobody wins a price war between bakeries," Ruiz said.') == []


def test_nobody_in_the_past_tense_is_a_fact():
    assert worthy("Nobody was hurt when the crane fell on Tuesday.") != []


def test_a_label_quoted_by_the_narrator_is_opinion():
    [claim] = claims_of('The league called the ruling "a gift to the rich clubs".')
    assert not claim.check_worthy and claim.set_aside_reason == "a label quoted: opinion"


def test_a_strike_called_is_no_label():
    assert worthy("The union has called a second 48-hour stoppage for next week.") != []


def test_an_unreal_condition_is_a_jibe_not_a_fact():
    assert worthy('"Ostrander wouldn\'t recognise a bus depot if he drove into one," Ruiz said.') == []


@pytest.mark.parametrize(
    "sentence",
    [
        '"Our nurses are blamed for the board\'s own mistakes, and that is shameful," Ruiz said.',
        '"This firm put profit ahead of patients, and it should be ashamed," Ruiz said.',
    ],
)
def test_a_judgement_joined_on_as_a_clause_makes_the_sentence_opinion(sentence):
    assert worthy(sentence) == []


def test_a_figure_before_a_judgement_keeps_the_sentence():
    assert worthy('"The plant shed 400 jobs in 2019, and that was shameful," Ruiz said.') != []


def test_an_order_that_opens_a_bargain_is_a_call_to_action():
    assert worthy('"Mend the roof and the money is yours next week," Ruiz said.') == []


def test_a_label_quoted_after_a_long_subject_is_opinion():
    sentence = 'Harrow, a former dock manager, called the scheme "a bridge to nowhere with a ribbon on it."'
    assert worthy(sentence) == []


def test_a_speaker_giving_the_motive_for_what_they_do_is_not_a_claim():
    assert worthy('"I am doing this for every nurse who was never paid for overtime," Dunne said.') == []


@pytest.mark.parametrize(
    "sentence",
    [
        '"Striking is not the answer, and it puts every pupil at risk," Dunne said.',
        "A ferry is not the solution to the bridge closure, the council said.",
    ],
)
def test_a_course_of_action_judged_is_opinion(sentence):
    assert worthy(sentence) == []


def test_an_answer_that_states_a_figure_stays_a_claim():
    assert worthy("The answer was a fine of 200 crowns.") != []
