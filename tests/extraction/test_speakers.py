"""Who makes each claim: every way an article attributes what is said."""
import pytest

from claims.extraction import KnownSource, SideCues

from .conftest import claim_with, claims_of, worthy


@pytest.mark.parametrize(
    "text",
    [
        "Ines Varga said the ferry carried 300 passengers on Sunday.",
        "The ferry carried 300 passengers on Sunday, said Ines Varga.",
        "The ferry carried 300 passengers on Sunday, Ines Varga said.",
        '"The ferry carried 300 passengers on Sunday," Ines Varga said.',
        '"The ferry carried 300 passengers on Sunday," said Ines Varga.',
        "Ines Varga told reporters that the ferry carried 300 passengers on Sunday.",
        "Ines Varga wrote on Telegram that the ferry carried 300 passengers on Sunday.",
        "In a statement, Ines Varga said the ferry carried 300 passengers on Sunday.",
    ],
    ids=["X said", "said X", "X said after", "quote X said", "quote said X", "X told", "X wrote on", "in a statement"],
)
def test_each_attribution_pattern_finds_the_speaker(text):
    claim = claim_with("300 passengers", worthy(text))
    assert claim.speaker == "Ines Varga"


def test_according_to_names_the_source():
    claim = claim_with("300 passengers", worthy("According to the port office, the ferry carried 300 passengers."))
    assert (claim.speaker, claim.kind) == ("port office", "according_to")


def test_trailing_according_to_names_the_source():
    claim = claim_with("300 passengers", worthy("The ferry carried 300 passengers, according to the port office."))
    assert claim.speaker == "port office"


def test_the_article_own_narration_has_no_speaker():
    [claim] = worthy("The ferry carried 300 passengers on Sunday.")
    assert (claim.speaker, claim.kind) == (None, "narration")


def test_reported_speech_is_marked_as_such():
    [claim] = worthy("Ines Varga said the ferry carried 300 passengers on Sunday.")
    assert claim.kind == "reported_speech" and claim.text == "the ferry carried 300 passengers on Sunday"


def test_titles_and_roles_are_stripped_from_a_name():
    claim = claim_with("2,000", worthy("Deputy harbour master Colonel Aron Hale said 2,000 tonnes of grain were lost."))
    assert claim.speaker == "Aron Hale"


def test_apposition_gives_the_name_not_the_role():
    claim = claim_with("2,000", worthy("Its chairman, Aron Hale, said 2,000 tonnes of grain were lost."))
    assert claim.speaker == "Aron Hale"


def test_he_and_she_point_back_to_the_last_person_who_spoke():
    text = (
        "Mayor Ines Varga said the school had been evacuated.\n\n"
        "She said 200 pupils were taken to the sports hall."
    )
    assert claim_with("200 pupils", worthy(text)).speaker == "Ines Varga"


def test_it_points_back_to_the_last_organisation_that_spoke():
    text = (
        "The Harbour Authority said the channel was closed.\n\n"
        "It said two tankers had run aground near the lighthouse."
    )
    assert claim_with("two tankers", worthy(text)).speaker == "Harbour Authority"


def test_the_ministry_points_back_to_the_ministry_named_before():
    text = (
        "The Norlandic Interior Ministry said 40 people were detained.\n\n"
        "The ministry later said 12 of them had been released."
    )
    assert claim_with("12 of them", worthy(text)).speaker == "Norlandic Interior Ministry"


def test_the_governor_points_back_to_the_governor_named_before():
    text = (
        "Holm governor Aron Hale said the dam was safe.\n\n"
        "Police evacuated two villages overnight.\n\n"
        "The governor said 900 people had left their homes."
    )
    assert claim_with("900 people", worthy(text)).speaker == "Aron Hale"


def test_the_post_points_back_to_whoever_posted_it():
    text = (
        "The Norlandic Interior Ministry said troops had entered Holm, "
        "according to a post on the ministry's channel.\n\n"
        '"Order has been restored in 14 streets," the post said.'
    )
    assert claim_with("14 streets", worthy(text)).speaker == "Norlandic Interior Ministry"


def test_a_quote_that_runs_on_into_the_next_paragraph_keeps_its_speaker():
    text = (
        '"The pumps failed at midnight. The water rose a metre in an hour," Aron Hale said.\n\n'
        '"We lost the whole east wing of the hospital."'
    )
    assert claim_with("east wing", worthy(text)).speaker == "Aron Hale"


def test_a_surname_alone_points_back_to_the_person_introduced_before():
    text = (
        "Harbour engineer Aron Hale said the crane collapsed at 6 a.m.\n\n"
        '"Three workers were injured," Hale told reporters.'
    )
    assert claim_with("Three workers", worthy(text)).speaker == "Aron Hale"


def test_names_are_matched_to_the_registry_by_alias(registry):
    claim = claim_with("40 people", worthy("Norland's interior ministry said 40 people were detained.", registry=registry))
    assert (claim.speaker, claim.source) == ("Norlandic Interior Ministry", "Norlandic Interior Ministry")


def test_names_are_matched_to_the_registry_by_surname(registry):
    claim = claim_with("40 people", worthy("Falk said 40 people were detained.", registry=registry))
    assert claim.speaker == "Petra Falk"


def test_an_organisation_name_that_looks_like_a_person_is_still_an_organisation():
    text = (
        "Kestrel Electronics said the recall covered 80,000 chargers.\n\n"
        "The company said only four of them had overheated."
    )
    assert claim_with("only four", worthy(text)).speaker == "Kestrel Electronics"


@pytest.mark.parametrize(
    "text",
    [
        "Chef Ren\u00c3\u00a9e and a second tenant backed out of the lease after the remarks.",
        "\u00a9 and a second tenant backed out of the lease after the remarks.",
        "\u00a9 said the lease was cancelled by the owner of the building.",
        "Chef Ren\u00c3\u00a9e said the lease was cancelled. \u00a9 said the owner agreed.",
    ],
    ids=["mojibake name", "lone symbol", "lone symbol speaks", "surname of nothing"],
)
def test_a_name_that_normalises_to_nothing_does_not_break_the_article(text):
    assert claims_of(text)


def test_a_registry_name_that_normalises_to_nothing_is_ignored():
    from claims.extraction import KnownSource

    claims = claims_of("Dana Kell said the lease was cancelled.", registry=(KnownSource("\u00a9", "Norland"),))
    assert claim_with("lease", claims).speaker == "Dana Kell"


def test_she_points_back_to_the_woman_not_the_man_named_just_before():
    text = (
        "Senator Ines Varga toured the dam on Monday.\n\n"
        "Aron Hale, the engineer in charge, said the spillway was sound.\n\n"
        "She said repairs would cost 9 million euros."
    )
    assert claim_with("9 million", worthy(text)).speaker == "Ines Varga"


def test_for_her_part_the_senator_is_the_senator_and_so_is_she():
    text = (
        "Senator Ines Varga toured the dam on Monday.\n\n"
        "Aron Hale, the engineer in charge, said the spillway was sound.\n\n"
        "For her part, the senator said the repairs were late. She said they would cost 9 million euros."
    )
    claims = worthy(text)
    assert (claim_with("repairs were late", claims).speaker, claim_with("9 million", claims).speaker) == (
        "Ines Varga",
        "Ines Varga",
    )


def test_a_title_tells_he_from_she_when_the_first_name_cannot():
    text = (
        "Mrs. Kell said the ferry was late.\n\n"
        "Harbour master Aron Hale said the tide was low.\n\n"
        "She said 40 passengers missed their trains."
    )
    assert claim_with("40 passengers", worthy(text)).speaker == "Kell"


def test_a_gendered_noun_in_the_description_tells_he_from_she():
    text = (
        "The port's spokeswoman, Sasha Brun, said the cranes had stopped.\n\n"
        "Aron Hale said the tide was low.\n\n"
        "She said 40 containers were left on the quay."
    )
    assert claim_with("40 containers", worthy(text)).speaker == "Sasha Brun"


def test_mr_and_a_surname_is_the_person_named_in_full_earlier():
    text = (
        "The harbour board met Peter Morrow on Monday to discuss the crane contract.\n\n"
        '"The contract was signed in March," Mr. Morrow said.'
    )
    assert claim_with("signed in March", worthy(text)).speaker == "Peter Morrow"


def test_two_people_who_speak_together_are_named_as_a_pair():
    text = (
        "Senator Chuck Grassley and Senator Pat Leahy wrote to the agency. "
        "Mr. Grassley and Mr. Leahy said other changes to the visa rules are needed."
    )
    assert claim_with("visa rules", claims_of(text)).speaker == "Chuck Grassley and Pat Leahy"


def test_a_pair_from_opposing_sides_has_no_side():
    text = "The Nordby council and the Sudstad council said the ferry between the towns would stop in May."
    claim = claim_with("ferry", claims_of(text))
    assert (claim.speaker, claim.side) == ("Nordby council and Sudstad council", None)


def test_a_pair_from_one_side_keeps_it():
    text = "The Nordby council and the Norlandic navy said the ferry between the towns would stop in May."
    assert claim_with("ferry", claims_of(text)).side == "Norland"


def test_an_organisation_is_not_matched_to_the_registry_by_its_last_word():
    registry = (KnownSource("Sudmarkian Defence Ministry", "Sudmark", ()),)
    text = "Norland's Agriculture Ministry said the depot had shipped 120,000 tonnes of grain since January."
    claim = claim_with("120,000 tonnes", worthy(text, registry=registry))
    assert (claim.speaker, claim.side) == ("Norland's Agriculture Ministry", "Norland")


def test_the_proper_name_after_a_kind_of_organisation_is_the_speaker():
    text = "The environmental group Marren Watch said the river had been polluted for years."
    assert claim_with("river", claims_of(text)).speaker == "Marren Watch"


def test_a_spokeswoman_for_an_organisation_is_named_for_it_and_takes_its_side():
    from claims.extraction import SideCues

    sides = (SideCues("Government", ("government", "Civil Defence Office")), SideCues("Aid groups", ("Relief Alliance",)))
    text = (
        "The Civil Defence Office said it had delivered 14,000 tents.\n\n"
        "The Relief Alliance disputed the figures. The depot is a hub, and goods leave it every day, "
        "a spokeswoman for the office said."
    )
    claim = claim_with("goods leave", worthy(text, sides=sides))
    assert (claim.speaker, claim.side) == ("Civil Defence Office spokeswoman", "Government")


def test_a_bare_spokesman_speaks_for_the_organisation_that_spoke_before():
    text = "The returning office says every station had spare papers. It has received no complaint, a spokesman said."
    assert claim_with("no complaint", worthy(text)).speaker == "returning office spokesman"


def test_it_opening_a_sentence_is_the_subject_of_the_sentence_before():
    from claims.extraction import SideCues

    sides = (SideCues("Harbour First", ("Harbour First",)), SideCues("Board", ("Vale Water Board",)))
    text = (
        "The Vale Water Board said the dam would cost 3 billion.\n\n"
        "The Harbour First campaign meets every Monday in Holm. It says the estimate includes a rail link."
    )
    claim = claim_with("rail link", worthy(text, sides=sides))
    assert (claim.speaker, claim.side) == ("Harbour First campaign", "Harbour First")


def test_a_lead_in_names_the_person_before_the_nationality():
    from claims.extraction import SideCues

    sides = (SideCues("Estonia", ("Estonian",)), SideCues("Latvia", ("Latvian",)))
    text = (
        "And from Estonian Trade Minister Kaja Lepp, speaking in parliament in Tallinn on Wednesday afternoon:\n\n"
        '"Latvian mills sold steel here below cost for two years. Our steelworkers paid for it."'
    )
    assert claim_with("steelworkers", worthy(text, sides=sides)).speaker == "Kaja Lepp"


def test_a_second_quotation_right_after_the_first_is_a_quotation_too():
    text = (
        'Interior Minister Tor Haug told a news conference that the state had responded "faster than ever before." '
        '"Within six hours we had 3,000 rescuers on the ground. Within a day the road was open again," he said.'
    )
    claim = claim_with("3,000 rescuers", worthy(text))
    assert (claim.speaker, claim.kind) == ("Tor Haug", "direct_quote")


def test_a_word_before_a_comma_is_no_part_of_the_name_after_it():
    # "... sleeping in the open, aid groups said": the parse that hangs "open" on "groups"
    from spacy.tokens import Doc

    from claims.extraction.names import clean_name
    from claims.extraction.nlp import pipeline

    words = ["the", "open", ",", "aid", "groups", "said"]
    doc = Doc(pipeline().vocab, words=words, heads=[4, 4, 4, 4, 5, 5],
              deps=["det", "amod", "punct", "compound", "nsubj", "ROOT"],
              pos=["DET", "ADJ", "PUNCT", "NOUN", "NOUN", "VERB"])
    assert clean_name(list(doc[0:5])) == "aid groups"


TAMSIN = (
    SideCues("Tamsin", ("Tamsin", "Tamsin Foods", "company")),
    SideCues("Critics", ("Corvel Capital", "short seller")),
)


@pytest.mark.parametrize(
    "description", ["the Leeds-based maker of frozen pies", "the Leeds-headquartered group", "the maker of Crumbly pies"]
)
def test_business_copy_s_second_reference_to_a_company_is_the_company(description):
    text = (
        "Tamsin Foods on Monday reported a profit of $80 million, up 20 percent from a year earlier.\n\n"
        f"In a statement, {description} said it had sold 40 million pies in the quarter."
    )
    claim = claim_with("40 million pies", claims_of(text, sides=TAMSIN))
    assert (claim.speaker, claim.side) == ("Tamsin Foods", "Tamsin")


def test_the_maker_of_something_the_article_never_named_as_a_company_is_not_guessed():
    text = "The maker of the documentary said it had taken four years to film."
    assert claim_with("four years", claims_of(text, sides=TAMSIN)).speaker != "Tamsin Foods"


def test_a_name_in_apposition_to_the_subject_of_narration_is_who_she_is_next():
    text = (
        "Corvel Capital's founder, Ruth Gale, was unmoved.\n\n"
        "She said Corvel had found records showing that a director's husband sat on a supplier's board."
    )
    claim = claim_with("Corvel had found records", claims_of(text, sides=TAMSIN))
    assert (claim.speaker, claim.side) == ("Ruth Gale", "Critics")


def test_the_company_is_never_an_unnamed_person_quoted_just_before():
    text = (
        "Tamsin Foods said sales rose 20 percent in the quarter.\n\n"
        'An analyst who asked not to be named said the growth "looks real" but is slowing.\n\n'
        "The company says its pies are sold in 3,000 shops in 12 countries."
    )
    claim = claim_with("3,000 shops", claims_of(text, sides=TAMSIN))
    assert (claim.speaker, claim.side) == ("Tamsin Foods", "Tamsin")


def test_british_spelling_of_a_registered_name_is_the_registered_source():
    registry = (KnownSource("Norlandic Defense Ministry", "Norland", ()),)
    text = "The Norlandic Defence Ministry said its forces had taken the village of Orvik."
    claim = claim_with("taken the village", claims_of(text, registry=registry))
    assert (claim.source, claim.side) == ("Norlandic Defense Ministry", "Norland")
