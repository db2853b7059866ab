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


def _cues(*sides):
    from claims.extraction import SideCues

    return tuple(SideCues(name, words) for name, words in sides)


HARLOW_MENDEZ = (("Harlow", ("Harlow", "Labour")), ("Mendez", ("Mendez", "Conservative")))


def test_a_campaign_title_before_the_name_gives_the_side_and_the_surname_keeps_it():
    text = (
        "Harlow campaign chairman Tom Vickers spoke to reporters in Leeds on Monday.\n\n"
        "Vickers said turnout in the north had doubled since March."
    )
    assert claim_with("turnout", worthy(text, sides=_cues(*HARLOW_MENDEZ))).side == "Harlow"


def test_a_party_word_in_a_bare_description_gives_the_side():
    text = "The Labour lawmaker said the rail budget had been cut by a third."
    assert claim_with("rail budget", worthy(text, sides=_cues(*HARLOW_MENDEZ))).side == "Harlow"


def test_the_governor_s_spokesman_takes_the_governor_s_side():
    text = (
        "Governor Rita Mendez said the bridge would reopen in May.\n\n"
        "The governor's spokesman said the repairs had cost 9 million."
    )
    assert claim_with("9 million", worthy(text, sides=_cues(*HARLOW_MENDEZ))).side == "Mendez"


def test_an_aide_described_earlier_keeps_the_side_when_named_again_with_a_title():
    text = (
        "Sara Lind, an adviser to Harlow, argued that the rail plan was affordable.\n\n"
        '"The plan costs 2 billion," Ms. Lind said.'
    )
    assert claim_with("2 billion", worthy(text, sides=_cues(*HARLOW_MENDEZ))).side == "Harlow"


def test_an_apposition_names_the_speaker_and_gives_the_side():
    text = "Maria Lind, an adviser to Mendez, argued that the tax would raise 40 million."
    claim = claim_with("40 million", worthy(text, sides=_cues(*HARLOW_MENDEZ)))
    assert (claim.speaker, claim.side) == ("Maria Lind", "Mendez")
