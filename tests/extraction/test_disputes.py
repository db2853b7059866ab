"""Disputes: opposing sides contradicting each other about the same thing, and nothing else."""
from claims.extraction import extract

from .conftest import NORTH_SOUTH


def disputes_of(text):
    result = extract(text, sides=NORTH_SOUTH)
    return [(result.claims[d.first].text, result.claims[d.second].text, d.reason) for d in result.disputes]


def test_control_of_a_town_claimed_by_both_sides_is_a_dispute():
    text = (
        "Norlandic commanders said their troops had captured Ulm on Sunday.\n\n"
        "Sudmarkian officials said Ulm remained under Sudmarkian control."
    )
    [(first, second, reason)] = disputes_of(text)
    assert "captured Ulm" in first and "remained under" in second
    assert "Norland and Sudmark disagree" in reason


def test_different_figures_for_the_same_thing_are_a_dispute():
    text = (
        "Norlandic officials said 14 civilians were killed in the strike on Ulm.\n\n"
        "Sudmarkian officials said no more than three soldiers were killed in the strike."
    )
    assert len(disputes_of(text)) == 1


def test_a_denial_of_the_other_sides_claim_is_a_dispute():
    text = (
        "Norlandic officials said Sudmarkian drones hit the power station in Ulm.\n\n"
        "Sudmarkian officials denied that their drones hit the power station."
    )
    assert len(disputes_of(text)) == 1


def test_claims_of_the_same_side_are_never_a_dispute():
    text = (
        "Norlandic officials said 14 civilians were killed in Ulm.\n\n"
        "Norlandic medics said no more than three civilians were killed in Ulm."
    )
    assert disputes_of(text) == []


def test_opposing_claims_about_different_things_are_not_a_dispute():
    text = (
        "Norlandic officials said the harvest in the north was 20 percent larger this year.\n\n"
        "Sudmarkian officials said a new railway bridge opened in Sudstad."
    )
    assert disputes_of(text) == []


def test_narration_is_never_part_of_a_dispute():
    text = (
        "Norlandic officials said 14 civilians were killed in Ulm.\n\n"
        "No more than three civilians were killed in Ulm, hospital records show."
    )
    assert disputes_of(text) == []


def test_disputes_read_again_over_the_stored_claims_are_the_splits_even_in_messy_copy():
    """A reviewer's correction has the disputes read again from the claims' stored spans, which
    point into the article as it came (CRLF, invisible characters, '' for a quotation mark)."""
    from claims.extraction import disputes_among

    text = (
        "Norlandic\u200b commanders said their troops had captured Ulm on Sunday.\r\n\r\n"
        "Sudmarkian officials said ''Ulm remained under Sudmarkian control.''\r\n\r\n"
        "Norlandic officials said 14 civilians were killed in the strike on Holm.\r\n\r\n"
        "Sudmarkian officials said no more than three soldiers were killed in the strike."
    )
    split = extract(text, sides=NORTH_SOUTH)
    assert len(split.disputes) == 2
    assert disputes_among(text, split.claims, NORTH_SOUTH) == split.disputes


def test_a_claim_corrected_to_the_other_claims_side_disputes_it_no_longer():
    from dataclasses import replace

    from claims.extraction import disputes_among

    text = (
        "Norlandic commanders said their troops had captured Ulm on Sunday.\n\n"
        "Sudmarkian officials said Ulm remained under Sudmarkian control."
    )
    captured, held = extract(text, sides=NORTH_SOUTH).claims
    assert disputes_among(text, [captured, replace(held, side="Norland")], NORTH_SOUTH) == []
    assert len(disputes_among(text, [captured, held], NORTH_SOUTH)) == 1
