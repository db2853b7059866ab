"""Two things that happened about the same subject are two claims; a word is a synonym in one sense only.

Our own sentences.
"""
from claims.matching import same_claim


def is_same(a, b):
    return same_claim(a, b).same


def test_other_verbs_done_to_other_things_are_other_events():
    assert not is_same("Floods closed the main bridge into Ostby.", "Floods damaged the main school in Ostby.")
    # A paraphrase that changes its verb keeps what it acts on.
    assert is_same("Floods closed the main bridge into Ostby.", "The main bridge into Ostby was shut by floods.")


def test_blocking_a_road_is_not_a_building():
    # "a block of flats" is a building; "to block" a road is not.
    assert not is_same("Farmers blocked the ring road around Holm.", "Farmers built a ring road around Holm.")


def test_a_fire_is_not_a_launch():
    assert not is_same("A fire destroyed the depot in Brenn.", "A missile launch destroyed the depot in Brenn.")
    assert is_same("Sudmark fired two missiles at the depot in Brenn.", "Sudmark launched two missiles at the depot in Brenn.")


def test_a_fragment_that_only_says_who_reported_it_matches_nothing():
    # What is left when a claim is cut away from its attribution claims nothing of its own.
    assert not is_same("confirmed by harbour officials",
                       "Two cranes at the Holm harbour collapsed overnight, harbour officials said.")
    assert not is_same("reported by city officials", "Three streets of the city were flooded overnight, city officials said.")
