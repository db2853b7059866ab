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


# --- what the sentence says of the speaker outside the speaker's own phrase --------------------

BUS_STRIKE = (("Drivers", ("Riders Union", "union", "drivers")), ("Operator", ("Tern Buses", "Tern", "operator")))


def test_a_signed_quotation_takes_the_side_of_the_organisation_in_the_signature():
    text = (
        "Tern Buses said half its routes ran on Monday.\n\n"
        '"Every timetable we publish meets the national rules on driving hours."\n'
        "-Tern Buses finance director Dana Roos"
    )
    assert claim_with("timetable", worthy(text, sides=_cues(*BUS_STRIKE))).side == "Operator"


def test_a_signed_quotation_by_a_passer_by_has_no_side():
    text = (
        "Tern Buses said half its routes ran on Monday.\n\n"
        '"I waited an hour and a half for the number 12 this morning."\n'
        "-Dana Roos, a commuter"
    )
    assert claim_with("an hour and a half", worthy(text, sides=_cues(*BUS_STRIKE))).side is None


def test_a_committee_chair_does_not_speak_for_the_organisation_quoted_before():
    text = (
        "The Riders Union said 600 drivers joined the strike.\n\n"
        "City roads committee chair Ivo Marr said the council had received 300 complaints."
    )
    assert claim_with("300 complaints", worthy(text, sides=_cues(*BUS_STRIKE))).side is None


def test_a_doctor_who_works_with_the_association_takes_its_side():
    sides = _cues(("Ministry", ("health ministry", "ministry")), ("Doctors", ("Free Doctors Union", "association")))
    text = "Dr Ilse Brun, a Tolvik GP who works with the association, said 40 of her patients fell ill."
    assert claim_with("40 of her patients", worthy(text, sides=sides)).side == "Doctors"


def test_a_relative_clause_that_is_not_about_membership_gives_no_side():
    sides = _cues(("Ministry", ("health ministry", "ministry")), ("Doctors", ("Free Doctors Union", "association")))
    text = "Ilse Brun, who lives opposite the association's clinic, said 40 people queued outside."
    assert claim_with("40 people", worthy(text, sides=sides)).side is None


def test_the_chair_of_a_campaign_in_a_relative_clause_keeps_its_side_when_named_again():
    text = (
        "Tom Vickers, who chairs the Harlow campaign and spoke to reporters on Monday, said turnout had doubled.\n\n"
        "Vickers said 2,000 volunteers had joined since March."
    )
    assert claim_with("2,000 volunteers", worthy(text, sides=_cues(*HARLOW_MENDEZ))).side == "Harlow"


def test_a_member_of_a_party_in_a_relative_clause_takes_the_party_s_side():
    text = "Anna Pell, who is a member of the Conservative group on the council, said rents rose 9 percent."
    assert claim_with("rents rose", worthy(text, sides=_cues(*HARLOW_MENDEZ))).side == "Mendez"


def test_court_papers_filed_by_one_side_speak_for_that_side():
    text = "According to court papers filed by the union, Tern Buses cut 40 jobs in 2022."
    assert claim_with("40 jobs", worthy(text, sides=_cues(*BUS_STRIKE))).side == "Drivers"


def test_court_papers_filed_by_a_neighbour_have_no_side():
    text = "According to court papers filed by a neighbour, Tern Buses cut 40 jobs in 2022."
    assert claim_with("40 jobs", worthy(text, sides=_cues(*BUS_STRIKE))).side is None


def test_its_annual_report_belongs_to_the_subject_of_its_own_sentence():
    sides = _cues(("Regulator", ("Safety Board", "regulator")), ("Company", ("Kelby Stoves", "company")))
    text = (
        "The Safety Board said 30 stoves had caught fire.\n\n"
        "The company, based in Arnholt, employs about 900 people, according to its annual report."
    )
    assert claim_with("900 people", worthy(text, sides=sides)).side == "Company"


def test_a_tribunal_s_own_ruling_does_not_take_the_side_quoted_before():
    sides = _cues(("Regulator", ("Safety Board", "regulator")), ("Company", ("Kelby Stoves", "company")))
    text = (
        "Kelby Stoves said its stoves were safe.\n\n"
        "The tribunal fined six retailers in 2021, according to its written ruling."
    )
    assert claim_with("six retailers", worthy(text, sides=sides)).side is None


def test_a_rail_operator_in_a_bus_strike_is_not_the_bus_operator():
    text = (
        "Tern Buses said half of its buses ran on Monday, and the bus timetable would hold.\n\n"
        "Trains added two carriages to morning services, the rail operator said."
    )
    assert claim_with("two carriages", worthy(text, sides=_cues(*BUS_STRIKE))).side is None


def test_the_bus_operator_in_a_bus_strike_is_the_operator():
    text = (
        "Half of the city's buses stood idle on Monday as the bus strike went on.\n\n"
        "About 40 buses left the depot by noon, the bus operator said."
    )
    assert claim_with("40 buses", worthy(text, sides=_cues(*BUS_STRIKE))).side == "Operator"


def test_a_spokesman_for_an_army_takes_the_army_s_side():
    text = "A spokesman for the Sudmarkian army said two drones were shot down."
    assert claim_with("two drones", worthy(text)).side == "Sudmark"


def test_an_electoral_commission_keeps_no_side_after_a_campaign_spoke():
    text = (
        "The Harlow campaign said 3,000 ballots were missing.\n\n"
        "The electoral commission said every ballot had been counted twice."
    )
    assert claim_with("counted twice", worthy(text, sides=_cues(*HARLOW_MENDEZ))).side is None


def test_an_organisation_named_between_a_quotation_and_its_verb_gives_the_side():
    sides = _cues(("Dam", ("Build the Dam", "Yes campaign")), ("No dam", ("Save the Marsh Valley", "No campaign")))
    text = '"We counted 300 people turned away at the door," Save the Marsh Valley spokeswoman Ilse Brun told us.'
    assert claim_with("300 people", worthy(text, sides=sides)).side == "No dam"


def test_a_bystander_named_between_a_quotation_and_its_verb_has_no_side():
    sides = _cues(("Dam", ("Build the Dam", "Yes campaign")), ("No dam", ("Save the Marsh Valley", "No campaign")))
    text = '"We counted 300 people turned away at the door," Marsh Valley farmer Ilse Brun told us.'
    assert claim_with("300 people", worthy(text, sides=sides)).side is None


# --- an earlier description kept for later mentions ------------------------------------------

CYCLING = (("Agency", ("anti-doping agency", "agency")), ("Rider", ("Ivo Brandt", "Team Kestrel", "rider")))


def test_the_team_speaks_for_the_side_named_after_it():
    text = (
        "The anti-doping agency said Brandt failed a test in March.\n\n"
        "The team also said Brandt had passed six tests in February."
    )
    assert claim_with("six tests", worthy(text, sides=_cues(*CYCLING))).side == "Rider"


def test_a_word_two_sides_share_in_their_names_points_to_neither():
    sides = _cues(("Yes", ("Yes campaign", "Build Orrin")), ("No", ("No campaign", "Save Orrin")))
    text = "Polls closed at ten.\n\nThe campaign said 4,000 volunteers had worked on the day."
    assert claim_with("4,000 volunteers", worthy(text, sides=sides)).side is None


def test_the_memo_keeps_the_side_of_its_first_description():
    sides = _cues(("Merger", ("Kelby", "Kelby Foods")), ("Regulator", ("Trade Board", "regulator")))
    text = (
        "An internal Kelby memo was seen by this newspaper.\n\n"
        "The memo said prices would rise by 3 percent after the merger."
    )
    assert claim_with("3 percent", worthy(text, sides=sides)).side == "Merger"


def test_a_memo_never_described_has_no_side():
    sides = _cues(("Merger", ("Kelby", "Kelby Foods")), ("Regulator", ("Trade Board", "regulator")))
    text = "Kelby Foods said the merger would cut costs.\n\nThe memo said prices would rise by 3 percent."
    assert claim_with("3 percent", worthy(text, sides=sides)).side is None


def test_a_port_official_speaks_for_the_side_whose_port_it_is():
    text = (
        "Drones struck a grain store in the Sudmarkian port of Arvik on Friday.\n\n"
        "A port official said 30,000 tonnes of wheat had burned."
    )
    assert claim_with("30,000 tonnes", worthy(text)).side == "Sudmark"


def test_a_port_official_has_no_side_when_both_sides_own_ports():
    text = (
        "Drones struck the Sudmarkian port of Arvik and the Norlandic port of Vell on Friday.\n\n"
        "A port official said 30,000 tonnes of wheat had burned."
    )
    assert claim_with("30,000 tonnes", worthy(text)).side is None


# --- US party conventions ---------------------------------------------------------------------

ROE_OAKES = (("Roe", ("Roe", "Democrats", "Democratic")), ("Oakes", ("Oakes", "Republicans", "GOP")))


def test_a_democrat_s_party_tag_gives_the_side_whose_cues_name_the_democrats():
    text = "Sen. Ann Lutz (D-Mass.) said the bill would cost $4 billion."
    assert claim_with("$4 billion", worthy(text, sides=_cues(*ROE_OAKES))).side == "Roe"


def test_a_republican_s_party_tag_between_commas_gives_the_republican_side():
    text = "Rep. Tim Hale, R-Texas, said the bill would cost $4 billion."
    assert claim_with("$4 billion", worthy(text, sides=_cues(*ROE_OAKES))).side == "Oakes"


def test_the_republican_senator_takes_the_side_whose_cues_say_republicans():
    text = "The Republican senator said the bill would cost $4 billion."
    assert claim_with("$4 billion", worthy(text, sides=_cues(*ROE_OAKES))).side == "Oakes"


def test_an_independent_s_party_tag_gives_no_side():
    text = "Sen. Ann Lutz (I-Vt.) said the bill would cost $4 billion."
    assert claim_with("$4 billion", worthy(text, sides=_cues(*ROE_OAKES))).side is None


def test_a_party_tag_gives_no_side_when_no_cue_names_a_party():
    text = "Sen. Ann Lutz (D-Mass.) said the bill would cost $4 billion."
    assert claim_with("$4 billion", worthy(text, sides=_cues(("Roe", ("Roe",)), ("Oakes", ("Oakes",))))).side is None


# --- neutral bodies keep no side unless the text gives them one --------------------------------


def test_a_court_does_not_speak_for_the_campaign_quoted_before_it():
    text = "Harlow Labour Group said 3,000 ballots were missing.\n\nThe court said every ballot had been counted twice."
    claim = claim_with("counted twice", worthy(text, sides=_cues(*HARLOW_MENDEZ)))
    assert (claim.speaker, claim.side) == ("court", None)


def test_an_observer_group_is_not_the_group_quoted_before_it():
    text = (
        "Harlow Labour Group said 3,000 ballots were missing.\n\n"
        "The observer group said every ballot had been counted twice."
    )
    assert claim_with("counted twice", worthy(text, sides=_cues(*HARLOW_MENDEZ))).side is None


def test_the_company_still_speaks_for_the_company_quoted_before_it():
    sides = _cues(("Regulator", ("Safety Board", "regulator")), ("Maker", ("Kelby Holdings", "Kelby")))
    text = "Kelby Holdings said its stoves were safe.\n\nThe company said 12,000 stoves had been sold."
    assert claim_with("12,000 stoves", worthy(text, sides=sides)).side == "Maker"


def test_a_court_the_registry_puts_on_a_side_keeps_it():
    from claims.extraction import KnownSource

    registry = (KnownSource("Harlow Appeals Court", "Harlow", ()),)
    text = "The Mendez campaign said 3,000 ballots were missing.\n\nThe court said every ballot had been counted twice."
    claim = claim_with("counted twice", worthy(text, sides=_cues(*HARLOW_MENDEZ), registry=registry))
    assert claim.side == "Harlow"


def test_the_rnc_chairman_takes_the_republican_side():
    text = "RNC chairman Ted Marlow said the bill would cost $4 billion."
    assert claim_with("$4 billion", worthy(text, sides=_cues(*ROE_OAKES))).side == "Oakes"


def test_a_person_first_named_without_a_side_takes_the_side_a_later_description_gives():
    text = (
        "Sara Lind said the rail plan was a year late.\n\n"
        "The Labour councillor Sara Lind said the plan would cost 2 billion."
    )
    assert claim_with("2 billion", worthy(text, sides=_cues(*HARLOW_MENDEZ))).side == "Harlow"


def test_a_person_first_named_without_a_side_keeps_none_when_named_bare_again():
    text = "Sara Lind said the rail plan was a year late.\n\nLind said the plan would cost 2 billion."
    assert claim_with("2 billion", worthy(text, sides=_cues(*HARLOW_MENDEZ))).side is None


def test_one_member_of_a_plural_cue_takes_its_side():
    sides = _cues(("Teachers", ("head teachers", "teachers")), ("Exam board", ("exam board",)))
    text = "Clare Moss, head teacher of Elm School, said none of her staff had seen the paper."
    assert claim_with("none of her staff", worthy(text, sides=sides)).side == "Teachers"


def test_a_singular_cue_does_not_take_in_others_of_its_kind():
    sides = _cues(("Study authors", ("study", "authors")), ("Critics", ("critics",)))
    text = "A 2019 review of 27 studies found a small benefit in some of them."
    assert claim_with("small benefit", worthy(text, sides=sides)).side is None


def test_a_cue_naming_a_person_by_title_and_surname_fits_the_full_name():
    sides = _cues(("Minority", ("Councilmember Tanaka", "minority caucus")), ("Majority", ("Mayor Brandt",)))
    text = "Councilmember Yuki Tanaka said 11 librarian posts had been withdrawn."
    assert claim_with("librarian", worthy(text, sides=sides)).side == "Minority"


def test_the_group_named_in_narration_keeps_its_side_when_it_speaks():
    sides = _cues(("Minority", ("minority caucus",)), ("Majority", ("majority caucus",)))
    text = (
        "The three members of the council's minority caucus voted against the plan.\n\n"
        "In a joint statement, the caucus said the plan cut bus services by a third."
    )
    assert claim_with("bus services", worthy(text, sides=sides)).side == "Minority"


def test_a_relative_speaks_for_the_family():
    sides = _cues(("Family", ("family", "relatives")), ("Depot", ("depot", "managers")))
    text = "Tom Ashby's sister, Lena Ashby, said her brother had asked for a harness twice."
    assert claim_with("harness", worthy(text, sides=sides)).side == "Family"


def test_a_minister_speaks_for_the_government():
    sides = _cues(("Government", ("government", "ministry")), ("Aid groups", ("aid groups", "charities")))
    text = "Interior Minister Tor Haug told reporters that 3,000 rescuers had been deployed."
    assert claim_with("rescuers", worthy(text, sides=sides)).side == "Government"


def test_the_senator_speaks_for_the_side_of_the_senator_named_with_an_abbreviated_title():
    sides = _cues(("Roe campaign", ("Roe",)), ("Vale campaign", ("Vale", "governor")))
    text = (
        "Gov. Tom Vale and Sen. Ada Roe traded charges over jobs on Tuesday.\n\n"
        "Vale told a crowd that the state had gained 8,000 jobs.\n\n"
        "For her part, the senator told supporters that most of those jobs had simply come back."
    )
    claim = claim_with("come back", worthy(text, sides=sides))
    assert (claim.speaker, claim.side) == ("senator", "Roe campaign")


def test_an_expert_not_involved_in_the_work_speaks_for_the_independent_side():
    sides = _cues(("Study authors", ("study", "authors")), ("Critics", ("critics", "independent researchers")))
    text = (
        "Dr. Ian Marsh, an epidemiologist at Holm University who was not involved in the work, warned that "
        "walkers tend to be healthier to begin with."
    )
    assert claim_with("healthier", worthy(text, sides=sides)).side == "Critics"


def test_the_complaint_speaks_for_whoever_sued():
    sides = _cues(("Mira Dune", ("Mira Dune", "singer")), ("Brightway", ("Brightway Records", "label")))
    text = (
        "Folk singer Mira Dune has sued her former label, Brightway Records, for $2 million. "
        "The label kept 80 cents of every dollar, the complaint says."
    )
    claim = claim_with("80 cents", worthy(text, sides=sides))
    assert (claim.speaker, claim.side) == ("complaint", "Mira Dune")


def test_it_after_the_lawsuit_is_the_lawsuit():
    sides = _cues(("Mira Dune", ("Mira Dune", "singer")), ("Brightway", ("Brightway Records", "label")))
    text = (
        "Folk singer Mira Dune has sued her former label, Brightway Records, for $2 million.\n\n"
        "Her single spent 11 weeks at the top of the chart in 2019.\n\n"
        "The lawsuit also names two Brightway subsidiaries. It says those companies received fees that were never reported."
    )
    claim = claim_with("received fees", worthy(text, sides=sides))
    assert (claim.speaker, claim.side) == ("lawsuit", "Mira Dune")


def test_a_relative_named_in_the_claim_gives_no_side():
    sides = _cues(("Family", ("family", "relatives")), ("Depot", ("depot", "managers")))
    text = "Dr. Ines Kaur said the victim's mother had been told about the injury on Sunday."
    assert claim_with("mother", worthy(text, sides=sides)).side is None


def test_the_main_clause_that_tells_what_a_person_leads_gives_the_side():
    sides = _cues(("Holm Water", ("Holm Water", "the company")), ("Critics", ("campaigners", "council")))
    text = (
        "Ada Roe became chief executive of Holm Water in 2022, months before the drought.\n\n"
        "Roe said leakage had fallen by 12 percent since then."
    )
    assert claim_with("leakage had fallen", worthy(text, sides=sides)).side == "Holm Water"


def test_a_main_clause_that_says_something_else_about_the_person_gives_no_side():
    sides = _cues(("Holm Water", ("Holm Water", "the company")), ("Critics", ("campaigners", "council")))
    text = (
        "Ada Roe lived near the Holm Water treatment works for 20 years.\n\n"
        "Roe said the smell had grown worse every summer since 2019."
    )
    assert claim_with("smell had grown worse", worthy(text, sides=sides)).side is None
