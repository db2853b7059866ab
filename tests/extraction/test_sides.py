"""For which side each speaker speaks: registry first, then the speaker's own description."""
from .conftest import claim_with, worthy


def test_the_registry_decides_first(registry):
    claim = claim_with("40 people", worthy("Petra Falk said 40 people were detained.", registry=registry))
    assert claim.side == "Sudmark"


def test_a_cue_word_in_the_speaker_description_gives_the_side():
    claim = claim_with("40 people", worthy("Norlandic officials said 40 people were detained."))
    assert claim.side == "Norland"


def test_a_possessive_cue_gives_the_side():
    claim = claim_with("40 people", worthy("Sudmark's defence minister said 40 people were detained."))
    assert claim.side == "Sudmark"


def test_its_leader_takes_the_side_of_the_organisation_before():
    text = "The Sudmarkian Workers Front called a strike.\n\nIts leader, Mara Holt, said 3,000 members joined."
    assert claim_with("3,000 members", worthy(text)).side == "Sudmark"


def test_a_place_the_article_ties_to_a_side_gives_the_side():
    text = (
        "A shell hit the Norlandic border town of Ulm on Friday, officials said.\n\n"
        "The mayor of Ulm, Sven Dorr, said four houses burned."
    )
    assert claim_with("four houses", worthy(text)).side == "Norland"


def test_a_bare_job_title_takes_the_side_of_the_organisation_that_just_spoke():
    sides = (("Union", ("union", "dock workers")), ("Management", ("Tern Shipping", "company")))
    from claims.extraction import SideCues

    cues = tuple(SideCues(name, words) for name, words in sides)
    text = (
        "Tern Shipping said the strike had cost it 2 million euros.\n\n"
        '"Our offer is fair," chief financial officer Dana Roos said, adding that wages rose 4 percent last year.'
    )
    assert claim_with("4 percent", worthy(text, sides=cues)).side == "Management"


def test_no_side_is_guessed_from_what_the_claim_says():
    [claim] = worthy("Sven Dorr said Norlandic troops had crossed the river.")
    assert claim.side is None


def test_narration_has_no_side():
    [claim] = worthy("Norlandic troops crossed the river on Friday.")
    assert claim.side is None
