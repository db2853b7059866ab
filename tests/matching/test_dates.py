"""A date said in words pins a time only when it names one (our own sentences)."""
from claims.matching import same_claim


def test_a_phrase_the_parser_takes_for_a_date_does_not_pin_a_time():
    # The parser reads "age to 64" as a date phrase; it names no time.
    assert same_claim(
        "Farmers marched through Varde on Saturday against the plan to raise the retirement age from 62 to 64.",
        "Farmers protested in Varde against raising the retirement age to 64.",
    ).same


def test_a_date_in_words_still_differs_from_a_pinned_one():
    assert not same_claim(
        "The new tram line in Varde opened in March.",
        "The new tram line in Varde opened last summer.",
    ).same
