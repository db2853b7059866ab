"""The one input rule for text and links (claims.input_rules): what it refuses, how it says so, and
that every text field of every model follows it."""
import re

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from hypothesis import given
from hypothesis import strategies as st

from claims.input_rules import (
    clean_link, clean_plain_text, normal_name, require_plain_name, require_plain_text, require_web_address,
)

HOSTILE = ["\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9b", "\ud800", "\udfff", "\ufffe", "\uffff"]
# Any text, with the characters the rule is about mixed in more often than chance would.
texts = st.lists(st.one_of(st.sampled_from(HOSTILE + ["\t", "\n", "\r"]), st.characters(exclude_categories=())), max_size=60).map("".join)


def _message(value: str) -> str:
    with pytest.raises(ValidationError) as caught:
        require_plain_text(value)
    assert caught.value.code == "control_character"
    return caught.value.messages[0]


def test_an_editor_is_told_which_character_is_wrong_and_where():
    assert _message("Ships\x00").startswith("Remove the control character U+0000 (NUL) at character 6")
    assert "U+000C (form feed) at line 2, column 4" in _message("Rationale:\nThe\x0c figures")
    assert "U+001B (escape) at character 1 (1 more after it)" in _message("\x1b[31mred\x1b[0m")


def test_a_lone_surrogate_is_named_as_half_a_character():
    assert "lone surrogate U+D800 (half of a character whose other half is missing)" in _message("\ud800 said the minister")


@pytest.mark.parametrize("text", ["Tabs\tand\nline ends\r\nare text", "Emoji 🚢 and accents é ok", "U+2028\u2028 is text", ""])
def test_text_a_person_writes_passes(text):
    require_plain_text(text)


@given(texts)
def test_whatever_passes_the_rule_can_be_stored_and_written_to_xml(text):
    try:
        require_plain_text(text)
    except ValidationError:
        return
    text.encode("utf-8")  # no lone surrogate
    assert "\x00" not in text  # PostgreSQL refuses NUL
    assert all(c in "\t\n\r" or ord(c) >= 0x20 for c in text) and "\ufffe" not in text and "\uffff" not in text


@given(texts)
def test_cleaned_text_always_passes_and_keeps_every_ordinary_character(text):
    cleaned = clean_plain_text(text)
    require_plain_text(cleaned)
    assert [c for c in cleaned if c != "\n"] == [c for c in text if c != "\n" and c not in HOSTILE and
                                                  not (0xD800 <= ord(c) <= 0xDFFF) and clean_plain_text(c) == c]


def test_cleaning_keeps_page_and_line_breaks_as_line_ends():
    assert clean_plain_text("Page one.\x0cPage two.\x0bLine\x00 three") == "Page one.\nPage two.\nLine three"


def test_a_feeds_link_with_control_characters_is_percent_encoded_like_a_browser_does():
    assert clean_link(" \x01https://news.example/a\x00b\x1bc\ud800\n") == "https://news.example/a%00b%1Bc"
    require_web_address(clean_link("https://news.example/a\x00b"))


@pytest.mark.parametrize(
    "link", ["http://[", "http://[::1", "https://news.example:99999/", "ftp://news.example/a", "javascript:alert(1)",
             "https://news.example/\x1b", "https://news.example/" + "a" * 2000],
)
def test_a_link_that_cannot_be_fetched_is_refused_with_a_reason(link):
    with pytest.raises(ValidationError) as caught:
        require_web_address(link)
    assert caught.value.messages[0]


def test_every_text_field_of_every_model_follows_the_rule():
    unruled = [
        f"{model.__name__}.{field.name}"
        for model in apps.get_app_config("claims").get_models()
        for field in model._meta.get_fields()
        if isinstance(field, (models.CharField, models.TextField)) and not field.choices
        and require_plain_text not in field.validators
        and field.name != "history_change_reason"  # django-simple-history's own; the workbench never sets it
    ]
    assert unruled == []


# --- Names (claims.input_rules.normal_name and require_plain_name) --------------------------------


@pytest.mark.parametrize("typed, stored", [
    ("\uff26\uff41\uff4b\uff45 news", "Fake news"),
    ("Vaccins a\u0300 l'e\u0301cole", "Vaccins \u00e0 l'\u00e9cole"),
    ("\ufb01fth\u00a0column\u3000", "fifth column"),
    ("  two   spaces ", "two spaces"),
    ("\u0645\u062d\u0645\u062f", "\u0645\u062d\u0645\u062f"),
    ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"),  # ZWNJ kept
])
def test_a_name_is_stored_in_its_normal_form(typed, stored):
    assert normal_name(typed) == stored


@pytest.mark.parametrize("name, says", [
    ("Fake\u202e news", "invisible character U+202E (right-to-left override) at character 5"),
    ("Fake\u200bnews", "U+200B (zero width space)"),
    ("Fake\nnews", "the line break U+000A"),
    ("Fake\x00news", "U+0000"),
])
def test_a_name_with_an_invisible_character_or_a_line_break_is_refused_saying_which(name, says):
    with pytest.raises(ValidationError, match=re.escape(says)):
        require_plain_name(name)


@pytest.mark.parametrize("name, says", [
    ("\u3164", "U+3164 (hangul filler)"),  # the "blank name" trick: a letter that draws nothing
    ("\uffa0", "U+FFA0 (halfwidth hangul filler)"),
    ("Fake\u034fnews", "U+034F (combining grapheme joiner)"),  # reads as "Fakenews", keyed apart from it
    ("Fake news\u115f", "U+115F (hangul choseong filler)"),
])
def test_a_name_with_a_filler_that_draws_nothing_is_refused_saying_which(name, says):
    with pytest.raises(ValidationError, match=re.escape(says)):
        require_plain_name(name)


@pytest.mark.parametrize("name", ["\u200c", "\u200d", "\u0301", "\u0301\u0302", "\u2800", "\u200c \u200d", "\ufe0f"])
def test_a_name_that_shows_nothing_is_refused(name):
    with pytest.raises(ValidationError, match="shows no letter, digit or sign"):
        require_plain_name(name)


@pytest.mark.parametrize("name", [".", "5G", "\u0645", "\U0001F52C", "e\u0301", "\u263a\ufe0f"])
def test_a_name_of_one_visible_sign_is_a_name(name):
    require_plain_name(name)


def test_a_name_needing_a_joiner_is_accepted():
    require_plain_name("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \U0001F469\u200d\U0001F52C")
