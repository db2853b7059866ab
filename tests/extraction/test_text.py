"""Text handling: quotes and spaces are normalised without moving a single offset."""
from claims.extraction.text import dateline_end, paragraphs, prepare, quote_spans

from .conftest import claims_of


def test_curly_quotes_and_odd_spaces_keep_their_offsets():
    text = "\u201cThe dam\u00a0held,\u201d the engineer said \u2014 twice."
    prepared = prepare(text)
    assert len(prepared) == len(text)
    assert prepared.startswith('"The dam held,"')


def test_claims_point_into_the_original_text_even_with_curly_quotes():
    text = "The mayor said on Friday that the ferry to Holm had \u201cnever once\u201d been late in 2023.\u00a0"
    for claim in claims_of(text):
        assert text[claim.start : claim.end] == claim.text


def test_each_line_is_a_paragraph():
    assert paragraphs("First line.\n\n  Second line.\nThird.") == [(0, 11), (15, 27), (28, 34)]


def test_opening_dateline_is_recognised():
    text = "NORDBY, March 3 - The council met."
    assert text[dateline_end(text, 0) :] == "The council met."


def test_dateline_with_agency_is_recognised():
    text = "SUDSTAD (Wire Service) - Trains stopped."
    assert text[dateline_end(text, 0) :] == "Trains stopped."


def test_an_ordinary_first_sentence_is_not_a_dateline():
    text = "Officials in Nordby said the bridge had reopened."
    assert dateline_end(text, 0) == 0


def test_quote_left_open_runs_to_the_end_of_the_paragraph():
    text = 'She said: "We will rebuild the pier and the school.'
    [(start, end)] = quote_spans(text, 0, len(text))
    assert text[start:end] == "We will rebuild the pier and the school."


def test_dateline_is_not_part_of_the_first_claim():
    text = "NORDBY, March 3 - Floodwater closed 14 schools in the north of the city on Tuesday."
    [claim] = claims_of(text)
    assert claim.text.startswith("Floodwater closed 14 schools")
