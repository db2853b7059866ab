"""An interview printed as questions and answers: the answers are the words of the person interviewed, even
without quotation marks or a reporting verb; a column's rhetorical questions and a transcript's named
speakers are not read that way."""
from claims.extraction import SideCues

from .conftest import claim_with, claims_of

PORT = (
    SideCues("Port authority", ("Kelby Port", "the port", "port authority")),
    SideCues("Residents", ("residents' association", "residents")),
)

INTERVIEW = """Mara Lindqvist became director of Kelby Port in 2021, a year before the dredging row began. She talked to Owen Pryce. This interview has been edited for length.

Residents say the dredging has doubled the silt in the bay. Is that true?

No. Our own survey found silt levels fell by 8 percent last year. We publish the readings every month.

Why did the port stop the night shipments?

We stopped them in June after 140 noise complaints. I think that was the right call.

Will you pay compensation to the fishermen?

We have offered 2 million crowns, and the offer stands.
"""


def test_an_answer_without_quotation_marks_is_spoken_by_the_person_interviewed():
    claims = claims_of(INTERVIEW, sides=PORT)
    for part in ("silt levels fell by 8 percent", "after 140 noise complaints", "offered 2 million crowns"):
        assert claim_with(part, claims).speaker == "Mara Lindqvist", part


def test_the_person_interviewed_takes_the_side_the_introduction_ties_them_to():
    assert claim_with("silt levels fell", claims_of(INTERVIEW, sides=PORT)).side == "Port authority"


def test_what_the_interviewer_reports_in_a_question_keeps_its_own_speaker():
    claim = claim_with("doubled the silt", claims_of(INTERVIEW, sides=PORT))
    assert claim.speaker != "Mara Lindqvist"
    assert claim.side == "Residents"


def test_a_first_person_reporting_verb_in_an_answer_is_the_person_interviewed():
    text = INTERVIEW.replace("We have offered 2 million crowns", "I told the fishermen we had offered 2 million crowns")
    assert claim_with("offered 2 million crowns", claims_of(text, sides=PORT)).speaker == "Mara Lindqvist"


def test_a_column_with_a_few_rhetorical_questions_is_no_interview():
    paragraphs = [
        "The council has spent 4 million crowns on the new bridge. What did the town get for it?",
        "The bridge opened two years late. Traffic on the old road has not fallen.",
        "The contractor was paid a bonus of 300,000 crowns for finishing early.",
        "Who signed off that bonus?",
        "The minutes of the March meeting do not say.",
        "The mayor has not explained why the tender was never published.",
        "Auditors flagged the contract in 2022.",
        "Is this how a town should spend its money?",
        "Residents deserve an answer before the next budget.",
        "The council meets again on Thursday.",
        "Its finance committee has 9 members.",
        "Three of them voted against the bridge.",
    ]
    claims = claims_of("\n\n".join(paragraphs), sides=PORT)
    assert claim_with("Traffic on the old road", claims).speaker is None
    assert claim_with("flagged the contract", claims).speaker is None


def test_a_transcript_names_each_speaker_and_is_not_given_to_the_guest():
    text = """Governor Ada Roe joined the programme on Sunday.

HOST: Why not debate?

TOM VALE: The governor has debated four times. Her rival skipped the last two.

HOST: Will she debate again?

TOM VALE: She has offered three dates in May.

HOST: And the polls?
"""
    claims = claims_of(text, sides=PORT)
    assert claim_with("offered three dates", claims).speaker != "Ada Roe"
