"""Quotations and who signs them, in the shapes news copy gives them."""
from .conftest import claim_with, claims_of, worthy


def test_a_dash_after_the_quotation_names_the_speaker():
    text = "\u201cThe harbour will reopen to ferries by June,\u201d \u2014Port Director Lena Brask"
    claim = claim_with("reopen to ferries", worthy(text))
    assert (claim.speaker, claim.kind) == ("Lena Brask", "direct_quote")


def test_a_dash_line_under_the_quotation_names_the_speaker_and_is_no_claim():
    text = (
        '"The harbour will reopen to ferries by June."\n\n'
        "\u2014 Lena Brask, the port director\n\n"
        "The ferries carried 2 million passengers last year."
    )
    claims = claims_of(text)
    assert claim_with("reopen to ferries", claims).speaker == "Lena Brask"
    assert not [c for c in claims if "port director" in c.text]


def test_a_list_item_after_a_quotation_is_not_a_signature():
    text = '"The harbour will reopen to ferries by June."\n\n- The council will meet on Monday to vote on 12 budget lines.'
    claims = worthy(text)
    assert claim_with("12 budget lines", claims).speaker is None
    assert claim_with("reopen to ferries", claims).speaker is None


def test_a_colon_lead_in_names_who_speaks_in_the_next_paragraph():
    text = (
        "The storm closed the port for a week.\n\n"
        "And from Mayor Rolf Tamm:\n\n"
        '"Eleven of our piers were destroyed and 300 boats sank in one night."'
    )
    claims = claims_of(text)
    assert claim_with("300 boats", claims).speaker == "Rolf Tamm"
    assert not [c for c in claims if "And from" in c.text]


def test_a_speaker_who_only_introduces_a_quote_keeps_it_in_the_next_paragraph():
    text = (
        "The port authority held a news conference on Friday.\n\n"
        "Harbour master Aron Hale told reporters:\n\n"
        '"Eleven piers were destroyed and 300 boats sank in one night."'
    )
    assert claim_with("300 boats", worthy(text)).speaker == "Aron Hale"


def test_guillemets_low_quotes_and_corner_brackets_are_quotations():
    for opening, closing in ["\u00ab\u00bb", "\u201e\u201c", "\u300c\u300d"]:
        text = f"{opening}The dam will hold through the winter,{closing} the engineer Aron Hale said."
        claim = claim_with("dam will hold", worthy(text))
        assert (claim.speaker, claim.kind) == ("Aron Hale", "direct_quote")
        assert claim.text == "The dam will hold through the winter"


def test_an_invisible_mark_after_a_name_does_not_cut_the_name():
    claim = claim_with("30 homes", worthy("Governor Lina Osk\u200e said 30 homes were flooded in the valley."))
    assert claim.speaker == "Lina Osk"


def test_paragraphs_split_by_line_separators_with_a_credit_line_between_keep_their_claims():
    text = (
        "Floodwater closed 14 schools in the north of the city on Tuesday.\u2028"
        "Photo: Wire Service\u2028"
        "Engineers said 300 homes were without power."
    )
    claims = worthy(text)
    assert claim_with("14 schools", claims).speaker is None
    assert claim_with("300 homes", claims).speaker == "Engineers"
    assert not [c for c in claims if "Photo" in c.text]


def test_a_lead_in_that_names_a_new_speaker_takes_the_quote_from_the_one_before():
    text = (
        '"The count was fair," said Ivo Brun, the party secretary.\n\n'
        "And from Marta Selin herself, speaking to supporters in Nordby late on Sunday:\n\n"
        '"Every ballot in the capital was counted twice before observers."'
    )
    assert claim_with("counted twice", worthy(text)).speaker == "Marta Selin"


def test_a_british_quotation_that_runs_over_paragraphs_keeps_its_speaker():
    text = (
        "Jo Bell, 41, said her son fell ill on the first night.\n\n"
        "‘My son was sick ten times in one night,’ she told reporters.\n\n"
        "‘We asked for a doctor and were told there was none on site until Monday.\n\n"
        "‘It was the worst week of our lives and it cost us 5,000 euros.’"
    )
    claim = claim_with("asked for a doctor", claims_of(text))
    assert (claim.speaker, claim.kind) == ("Jo Bell", "direct_quote")
    assert claim.text.startswith("We asked")


def test_an_apostrophe_opening_a_paragraph_is_no_quotation_when_no_quotation_follows():
    text = "Jo Bell said the pool was closed.\n\n’Twas a quiet week at the resort, with 40 rooms empty."
    assert claim_with("40 rooms empty", claims_of(text)).kind == "narration"
