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


# --- one plain form for the parser, offsets kept --------------------------------------------------
from claims.extraction.text import prepare_text  # noqa: E402


def test_line_and_paragraph_separators_start_a_new_paragraph():
    text = "The pier reopened.\u2028The ferry ran.\u2029Trains stopped.\u0085Buses ran.\r\nShops shut."
    plain = prepare_text(text).text
    assert [plain[s:e] for s, e in paragraphs(plain)] == [
        "The pier reopened.", "The ferry ran.", "Trains stopped.", "Buses ran.", "Shops shut.",
    ]


def test_invisible_characters_vanish_from_names_and_offsets_still_point_into_the_article():
    text = "\ufeffGovernor Lina\u00ad Osk\u200e said 30 homes were flooded in the valley."
    prepared = prepare_text(text)
    assert prepared.text == "Governor Lina Osk said 30 homes were flooded in the valley."
    start = prepared.text.index("30 homes")
    assert text[slice(*prepared.original_span(start, start + 8))] == "30 homes"


def test_two_apostrophes_used_as_a_quotation_mark_become_one_mark():
    text = "''The dam will hold,'' the engineer said."
    prepared = prepare_text(text)
    assert prepared.text == '"The dam will hold," the engineer said.'
    start = prepared.text.index("The dam")
    assert text[slice(*prepared.original_span(start, start + len("The dam will hold")))] == "The dam will hold"


def test_control_characters_and_lone_surrogates_become_spaces():
    assert prepare_text("Ships\x00 sank\x1b and \ud800 sailed.").text == "Ships  sank  and   sailed."


def test_every_double_quotation_mark_style_reads_as_one():
    for opening, closing in ["\u201c\u201d", "\u201e\u201c", "\u00ab\u00bb", "\u00bb\u00ab", "\u300c\u300d", "\u300e\u300f"]:
        assert prepare_text(f"{opening}The dam held,{closing} he said.").text == '"The dam held," he said.'


def test_british_single_quotations_read_as_quotations_but_apostrophes_stay():
    text = "\u2018The dam won\u2019t hold past March,\u2019 the engineer said. It\u2019s the council\u2019s dam."
    assert prepare_text(text).text == "\"The dam won't hold past March,\" the engineer said. It's the council's dam."


def test_single_marks_inside_a_double_quotation_stay_single():
    text = "\"They told us 'the dam is safe' last week,\" she said."
    assert prepare_text(text).text == text


def test_a_quotation_left_open_in_mid_paragraph_does_not_swallow_the_next_one():
    text = 'The mayor said "the pier will reopen. Then the coach said "we lost 12 players this year," and left.'
    assert [text[s:e] for s, e in quote_spans(text, 0, len(text))] == [
        "the pier will reopen.", "we lost 12 players this year,",
    ]


def test_a_wall_of_marks_is_read_as_spaces_so_the_parser_is_not_flooded_with_tokens():
    text = "The mayor said 40 buses ran. " + "\"\u201c\u201d\u00ab\u00bb'`" * 5000
    plain = prepare_text(text).text
    assert len(plain) == len(text) and plain.rstrip() == "The mayor said 40 buses ran."


def test_a_run_without_spaces_is_broken_every_hundred_characters_and_words_are_untouched():
    text = "See https://example.org/" + "a/b" * 100 + " for the 12 ministry figures."
    plain = prepare_text(text).text
    assert len(plain) == len(text)
    assert max(len(word) for word in plain.split()) <= 100
    assert plain.endswith(" for the 12 ministry figures.")
