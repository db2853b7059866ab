"""Numbers in claim text come to one value however they are written."""
import pytest

from claims.matching.numbers import ranges_in


def values(text):
    return [lo for lo, hi in ranges_in(text.lower().split()) if lo == hi]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("three civilians", [3]),
        ("1,200 wounded", [1200]),
        ("1.2 million refugees", [1_200_000]),
        ("7.5m people", [7_500_000]),
        ("a dozen drones", [12]),
        ("twenty five boats", [25]),
        ("three hundred and five votes", [305]),
        ("scored twice", [2]),
        ("three and a half thousand jobs", [3500]),
        ("two and a half million voters", [2_500_000]),
    ],
)
def test_number_spellings_come_to_one_value(text, expected):
    assert values(text) == expected


def test_durations_are_counted_in_hours():
    assert ranges_in("for two days".split()) == ranges_in("for 48 hours".split())


def test_vague_counts_are_ranges():
    assert ranges_in(["dozens"]) == [(24, 99)]


def test_a_half_counts_in_a_duration():
    assert ranges_in("for two and a half days".split()) == ranges_in("for 60 hours".split())


def test_a_hedged_figure_is_a_narrow_range():
    assert ranges_in("nearly 500 homes".split()) == [(450.0, 500.0)]
    assert ranges_in("more than 4 million visitors".split()) == [(4_000_000.0, 4_400_000.0)]
    assert ranges_in("about a dozen boats".split()) == [(12 * 0.9, 12 * 1.1)]
