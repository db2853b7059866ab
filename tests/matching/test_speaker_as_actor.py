"""Who acts when a claim says "we" or "it": whoever says it, as the claim records them.

News copy names the actor once, in the attribution, and the claim itself says "we did not strike"
or "(the ministry said) it had not targeted". Two such claims of two sides read alike word for
word; the speaker (and the side) told with the claim make them two actors' claims. One phenomenon
per test, plain pytest, no database; the sentences are invented (a war between Norland and
Sudmark), as in test_same_claim.py.
"""
from claims.matching import claim_signature, compare


def is_same(a, b):
    """a, b: (text, speaker, side), speaker and side as a claim records them (None: unknown)."""
    return compare(claim_signature(*a), claim_signature(*b)).same


def said(text, speaker=None, side=None):
    return (text, speaker, side)


# Two sides' denials in the same words
def test_two_sides_denying_in_the_same_words_are_two_claims():
    assert not is_same(
        said("it had not targeted civilian areas", "the Norland defence ministry"),
        said("we did not strike civilian areas", "the Sudmark army"),
    )


def test_without_speakers_the_two_denials_still_read_as_one_claim():
    # What the speakers change: the texts alone give no actor to tell apart.
    assert is_same(said("it had not targeted civilian areas"), said("we did not strike civilian areas"))


def test_the_same_speaker_saying_it_in_other_words_is_the_same_claim():
    assert is_same(
        said("we captured the bridge at Varde", "the Norland army"),
        said("Norland's army captured the bridge at Varde", ""),
    )


def test_the_same_side_denying_through_two_bodies_is_the_same_claim():
    assert is_same(
        said("it had not targeted civilian areas", "the defence ministry", "Norland"),
        said("we did not strike civilian areas", "the army", "Norland"),
    )


def test_the_side_names_the_actor_when_the_speaker_gives_no_name():
    assert not is_same(
        said("it had not targeted civilian areas", "the defence ministry", "Norland"),
        said("we did not strike civilian areas", "the army", "Sudmark"),
    )


def test_a_capital_speaks_for_its_country():
    assert is_same(
        said("we have taken the bridge at Varde", "Moscow"),
        said("Russian forces have taken the bridge at Varde", ""),
    )
    assert not is_same(
        said("we have taken the bridge at Varde", "Kyiv"),
        said("Russian forces have taken the bridge at Varde", ""),
    )


# Possessives: "our troops", "its forces"
def test_our_troops_are_the_speakers_troops():
    assert not is_same(
        said("our troops captured the bridge at Varde", "a Norland army spokesman"),
        said("Sudmark's forces captured the bridge at Varde", ""),
    )
    assert is_same(
        said("our troops captured the bridge at Varde", "a Norland army spokesman"),
        said("Norlandic forces captured the bridge at Varde", ""),
    )


def test_its_forces_are_the_speakers_forces():
    assert not is_same(
        said("its forces withdrew from Ostby", "the Sudmark ministry"),
        said("Norland's forces withdrew from Ostby", ""),
    )


def test_we_against_the_other_side_as_actor_swaps_the_roles():
    assert not is_same(
        said("we shelled Sudmark's fuel depot", "the Norland army"),
        said("Sudmark shelled Norland's fuel depot", ""),
    )


# "I": the speaker in person
def test_i_is_the_speaker_in_person():
    assert is_same(said("I ordered the strike on Holm", "Jon Hale"), said("Hale ordered the strike on Holm", ""))
    assert not is_same(
        said("I ordered the strike on Holm", "Jon Hale"),
        said("Sudmark's president Ivo Brenn ordered the strike on Holm", ""),
    )


def test_it_said_by_a_person_is_not_the_person_nor_their_country():
    # A minister is "he" or "she": "it" is the shelling, the bridge, anything but the speaker.
    assert is_same(
        said("it destroyed the bridge at Varde", "Norland's defence minister Jon Hale"),
        said("Sudmark's shelling destroyed the bridge at Varde", ""),
    )


def test_it_that_refers_to_a_thing_the_claim_names_is_that_thing():
    # Both sides may report it: "it" is the bridge, whoever says so.
    assert is_same(
        said("The bridge at Varde was hit twice and it collapsed", "the Norland army"),
        said("The bridge at Varde was hit twice and it collapsed", "the Sudmark army"),
    )
    assert is_same(
        said("The depot at Varde was shelled and its roof collapsed", "the Norland army"),
        said("The depot at Varde was shelled and its roof collapsed", "the Sudmark army"),
    )


# Reported speech: the text names who "it" is
def test_the_text_naming_who_speaks_wins_over_the_speaker_field():
    reported = said("Sudmark's defence ministry said it had not shelled the market in Holm", "the Norland army")
    assert is_same(reported, said("we did not shell the market in Holm", "the Sudmark army"))
    assert not is_same(reported, said("we did not shell the market in Holm", "the Norland army"))


def test_a_description_in_the_text_takes_its_name_from_the_speaker_field():
    assert not is_same(
        said("The ministry said it had not targeted civilian areas", "the Norland defence ministry"),
        said("we did not strike civilian areas", "Sudmark's army"),
    )


def test_a_quote_is_said_by_whom_the_text_says():
    assert not is_same(
        said('"We have taken the bridge," the Norland army said.', ""),
        said("Sudmark's army has taken the bridge", ""),
    )


# Where the speaker changes nothing
def test_a_claim_that_names_its_actor_has_the_same_signature_whoever_says_it():
    text = "Norland's army captured the bridge at Varde."
    assert claim_signature(text, "the Sudmark ministry", "Sudmark") == claim_signature(text)


def test_no_speaker_given_is_the_text_alone():
    # The evaluation command compares texts with no speakers: exactly as before speakers counted.
    text = "The ministry said it had not targeted civilian areas."
    assert claim_signature(text, None, None) == claim_signature(text)
    assert claim_signature(text, "the Norland defence ministry") != claim_signature(text)
