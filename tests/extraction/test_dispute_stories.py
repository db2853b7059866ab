"""Disputes in small invented stories from many kinds of news.

Each story has pairs that a fact-checker must see side by side (the two sides contradict each other
about one thing) and pairs that must stay apart (the sides agree, or talk about different things).
The wording is varied on purpose: the rules must read how news reports a disagreement, not the
words of one story.
"""
from claims.extraction import SideCues, extract

STRIKE = (
    SideCues("Guild", ("Rail Workers' Guild", "guild", "drivers")),
    SideCues("Corvane", ("Corvane Rail", "Corvane", "company")),
)
RECALL = (
    SideCues("Regulator", ("Consumer Safety Office", "regulator", "office")),
    SideCues("Halvorn", ("Halvorn Appliances", "Halvorn", "manufacturer")),
)
COURT = (
    SideCues("Prosecution", ("prosecutors", "prosecution", "state")),
    SideCues("Defence", ("defence lawyers", "defence", "defense")),
)
ELECTION = (
    SideCues("Green Front", ("Green Front", "Front")),
    SideCues("Civic Union", ("Civic Union",)),
)
WAR = (
    SideCues("Norland", ("Norland", "Norlandic", "Nordby")),
    SideCues("Sudmark", ("Sudmark", "Sudmarkian", "Sudstad")),
)
SPORT = (
    SideCues("Ravens", ("Tarvik Ravens", "Ravens")),
    SideCues("Mariners", ("Olsa Mariners", "Mariners")),
)
HEALTH = (
    SideCues("Ministry", ("Health Ministry", "ministry")),
    SideCues("Waterworks", ("Dunmere Waterworks", "Waterworks")),
)


def disputes_in(text, sides):
    result = extract(text, sides=sides)
    return [(result.claims[d.first].text, result.claims[d.second].text, d.reason) for d in result.disputes]


def paired(text, sides, part_a, part_b):
    return any(
        (part_a in a and part_b in b) or (part_b in a and part_a in b) for a, b, _ in disputes_in(text, sides)
    )


# A strike: how many walked out, and what the pay offer is worth.
STRIKE_STORY = (
    "The Rail Workers' Guild said 9,000 of its drivers joined the walkout on Tuesday.\n\n"
    "Corvane Rail said fewer than 2,000 staff had stayed away from work.\n\n"
    "The guild said the company's pay offer was worth 1.5 percent.\n\n"
    "Corvane said its offer was worth 4 percent once overtime was counted.\n\n"
    "The guild said the canteen at Pell depot had been closed for a month.\n\n"
    "Corvane said new signalling would be installed on the coast line in the autumn."
)


def test_union_and_company_give_different_headcounts_for_a_walkout():
    assert paired(STRIKE_STORY, STRIKE, "9,000", "fewer than 2,000")


def test_union_and_company_value_the_same_pay_offer_differently():
    assert paired(STRIKE_STORY, STRIKE, "1.5 percent", "4 percent")


def test_a_canteen_and_signalling_are_different_subjects_in_a_strike():
    assert not paired(STRIKE_STORY, STRIKE, "canteen", "signalling")


def test_a_headcount_is_not_paired_with_the_pay_offer():
    assert not paired(STRIKE_STORY, STRIKE, "9,000", "4 percent")


# A product recall: is the kettle safe, and when was the maker told.
RECALL_STORY = (
    "The Consumer Safety Office said the Brisa kettles were unsafe and should be returned.\n\n"
    "Halvorn Appliances said the Brisa kettles were safe when used as instructed.\n\n"
    "The Consumer Safety Office said its inspectors had warned Halvorn about overheating switches in March.\n\n"
    "Halvorn denied that it had received any warning about the switches before May.\n\n"
    "The office said its inspectors would visit shops in Tarra next week.\n\n"
    "Halvorn said its new factory in Brell would open in the spring."
)


def test_unsafe_against_safe_is_a_dispute_about_a_product():
    assert paired(RECALL_STORY, RECALL, "were unsafe", "were safe")


def test_a_maker_denying_it_was_warned_disputes_the_regulator():
    assert paired(RECALL_STORY, RECALL, "warned Halvorn", "received any warning")


def test_shop_visits_and_a_new_factory_are_not_a_dispute():
    assert not paired(RECALL_STORY, RECALL, "inspectors", "factory")


# A court case: where the accused was, and whether a document is genuine.
COURT_STORY = (
    "Prosecutors said Emil Ortis was at the Varna warehouse on the night of the fire.\n\n"
    "Defence lawyers said Ortis was never at the warehouse that night.\n\n"
    "Prosecutors said the signature on the loan contract was forged.\n\n"
    "The defence said the signature on the contract was genuine.\n\n"
    "Prosecutors said the trial would hear from 14 witnesses.\n\n"
    "Defence lawyers said the trial would hear from 14 witnesses."
)


def test_an_alibi_denial_disputes_the_prosecution_account():
    assert paired(COURT_STORY, COURT, "at the Varna warehouse", "never at the warehouse")


def test_forged_against_genuine_is_a_dispute_about_a_document():
    assert paired(COURT_STORY, COURT, "was forged", "was genuine")


def test_both_sides_giving_the_same_number_of_witnesses_agree():
    assert not paired(COURT_STORY, COURT, "14 witnesses", "14 witnesses")


# An election count: rival tallies and rival victories.
ELECTION_STORY = (
    "The Green Front said its candidate Mara Dusk won 54 percent of the vote in Kelvo district.\n\n"
    "The Civic Union said its own tally gave Dusk 46 percent in Kelvo.\n\n"
    "The Green Front said it had won the race for mayor of Ostrin.\n\n"
    "The Civic Union said its candidate had won the race for mayor of Ostrin.\n\n"
    "The Green Front said it would open a new office in the capital.\n\n"
    "The Civic Union said volunteers had knocked on 30,000 doors in the spring."
)


def test_rival_tallies_for_one_district_are_a_dispute():
    assert paired(ELECTION_STORY, ELECTION, "54 percent", "46 percent")


def test_both_parties_claiming_the_same_race_is_a_dispute():
    assert paired(ELECTION_STORY, ELECTION, "it had won the race", "its candidate had won the race")


def test_an_office_and_doorknocking_are_not_a_dispute():
    assert not paired(ELECTION_STORY, ELECTION, "new office", "30,000 doors")


# A war: a town both sides hold, and the dead of one strike.
WAR_STORY = (
    "Norlandic commanders said their troops had taken Vell on Sunday.\n\n"
    "Sudmarkian officials said Vell was still in Sudmarkian hands.\n\n"
    "Norlandic officials said 11 civilians died when a missile hit a school in Ostra.\n\n"
    "Sudmarkian officials said no civilians were in the school, which was used to store rockets.\n\n"
    "Norlandic officials said grain exports through Nordby had doubled.\n\n"
    "Sudmarkian officials said a new hospital had opened in Sudstad."
)


def test_both_sides_claiming_a_town_is_a_dispute():
    assert paired(WAR_STORY, WAR, "taken Vell", "still in Sudmarkian hands")


def test_civilians_at_a_school_are_disputed():
    assert paired(WAR_STORY, WAR, "11 civilians", "no civilians")


def test_grain_and_a_hospital_are_not_a_dispute():
    assert not paired(WAR_STORY, WAR, "grain", "hospital")


def test_the_town_is_not_paired_with_the_school():
    assert not paired(WAR_STORY, WAR, "taken Vell", "no civilians")


# A sports row: a disallowed goal and a foul.
SPORT_STORY = (
    "The Tarvik Ravens said the late goal was legal and should have stood.\n\n"
    "The Olsa Mariners said the goal was illegal because the striker was offside.\n\n"
    "The Ravens said their captain had been fouled in the penalty area.\n\n"
    "The Mariners rejected that account. The club said its defender had played the ball cleanly.\n\n"
    "The Ravens said ticket prices would stay the same next season.\n\n"
    "The Mariners said their new stadium roof had cost 3 million crowns."
)


def test_legal_against_illegal_is_a_dispute_about_a_goal():
    assert paired(SPORT_STORY, SPORT, "goal was legal", "goal was illegal")


def test_a_rebuttal_in_the_sentence_before_marks_a_dispute():
    assert paired(SPORT_STORY, SPORT, "fouled in the penalty area", "played the ball cleanly")


def test_ticket_prices_and_a_stadium_roof_are_not_a_dispute():
    assert not paired(SPORT_STORY, SPORT, "ticket prices", "stadium roof")


# A health scare: who fell ill, and agreement on the warning.
HEALTH_STORY = (
    "The Health Ministry said 37 people had fallen ill after drinking tap water in Dunmere.\n\n"
    "Dunmere Waterworks said no illness had been traced to its tap water.\n\n"
    "The ministry said 4,000 homes had been told to boil their water.\n\n"
    "Dunmere Waterworks said 4,000 homes had been told to boil their water.\n\n"
    "The ministry said a vaccination drive for schoolchildren would start in June.\n\n"
    "The Waterworks said it had replaced its chief engineer."
)


def test_illness_traced_to_tap_water_is_disputed():
    assert paired(HEALTH_STORY, HEALTH, "37 people", "no illness")


def test_the_same_boil_water_figure_from_both_sides_is_agreement():
    assert not paired(HEALTH_STORY, HEALTH, "4,000 homes", "4,000 homes")


def test_vaccinations_and_an_engineer_are_not_a_dispute():
    assert not paired(HEALTH_STORY, HEALTH, "vaccination", "engineer")


def test_every_dispute_has_a_one_line_reason_naming_both_sides():
    for _, _, reason in disputes_in(STRIKE_STORY, STRIKE):
        assert "\n" not in reason and "Guild" in reason and "Corvane" in reason


def test_two_accounts_of_one_specific_event_are_a_dispute_without_a_denial_word():
    text = (
        "The Rail Workers' Guild said brake inspections at Pell depot were skipped in March.\n\n"
        "Corvane Rail said outside engineers carried out the brake inspections at Pell depot in March."
    )
    assert paired(text, STRIKE, "were skipped", "outside engineers")


# A rebuttal quoted over several sentences: only the first names what it answers.
TANNERY = (
    SideCues("Inspectors", ("River Inspectorate", "inspectorate", "inspectors")),
    SideCues("Brelling", ("Brelling Leather", "Brelling", "tannery")),
)
TANNERY_STORY = (
    "The River Inspectorate said chromium from the Brelling tannery had poisoned the Oske below the weir.\n\n"
    "Brelling Leather director Ana Voss rejected the finding. \"Our chromium never reaches the Oske, "
    "because every drop of waste water goes through our own filter beds,\" Voss said. "
    "\"The filter beds were rebuilt last spring and inspected twice since.\"\n\n"
    "The inspectorate said its boat survey would resume in June.\n\n"
    "Brelling said it would open a visitor centre at its Kamsby shop in the summer."
)


def test_a_rebuttal_quoted_over_several_sentences_disputes_the_charge_in_each_sentence():
    assert paired(TANNERY_STORY, TANNERY, "poisoned the Oske", "every drop of waste water goes through")
    assert paired(TANNERY_STORY, TANNERY, "poisoned the Oske", "filter beds were rebuilt")


def test_a_later_unrelated_claim_by_the_same_side_is_not_pulled_into_the_dispute():
    assert not paired(TANNERY_STORY, TANNERY, "boat survey", "visitor centre")
    assert not paired(TANNERY_STORY, TANNERY, "poisoned the Oske", "visitor centre")


def test_an_account_going_off_the_subject_is_not_paired():
    story = (
        "The River Inspectorate said chromium from the Brelling tannery had poisoned the Oske below the weir.\n\n"
        "\"Our chromium never reaches the Oske,\" Brelling director Ana Voss said. "
        "\"We are also hiring forty apprentices this autumn.\""
    )
    assert paired(story, TANNERY, "poisoned the Oske", "never reaches the Oske")
    assert not paired(story, TANNERY, "poisoned the Oske", "forty apprentices")


def test_a_reason_for_a_continued_account_is_one_line_naming_both_sides():
    reasons = [r for a, b, r in disputes_in(TANNERY_STORY, TANNERY) if "filter beds were rebuilt" in a + b]
    assert reasons and all("\n" not in r and "Inspectors" in r and "Brelling" in r for r in reasons)


# A ferry strike: a share in words against a percentage.
FERRY = (
    SideCues("Crews", ("Seafarers' League", "league", "crews")),
    SideCues("Operator", ("Nordsund Lines", "Nordsund", "operator")),
)


def test_one_sailing_in_ten_against_a_percentage_of_sailings_is_a_dispute():
    story = (
        "The Seafarers' League said fewer than one sailing in ten had left Harnby harbour on Monday.\n\n"
        "Nordsund Lines said 45 percent of scheduled sailings had left Harnby harbour by midday."
    )
    assert paired(story, FERRY, "one sailing in ten", "45 percent of scheduled sailings")
    [reason] = [r for _, _, r in disputes_in(story, FERRY)]
    assert "one sailing in ten against 45 percent" in reason


def test_the_same_share_in_words_and_in_percent_is_agreement():
    story = (
        "The Seafarers' League said one sailing in four had left Harnby harbour on Monday.\n\n"
        "Nordsund Lines said 25 percent of scheduled sailings had left Harnby harbour on Monday."
    )
    assert not paired(story, FERRY, "one sailing in four", "25 percent of scheduled sailings")


# A council and residents: one says it answered a letter, the other that nobody did.
ESTATE = (
    SideCues("Council", ("Brack Council", "council")),
    SideCues("Residents", ("Ferrow Residents' Group", "residents")),
)


def test_an_act_one_side_affirms_and_the_other_says_nobody_did_is_a_dispute():
    text = (
        "Brack Council said it had replied to the tenants in May.\n\n"
        "The Ferrow Residents' Group said nobody had replied."
    )
    assert paired(text, ESTATE, "had replied to the tenants", "nobody had replied")


def test_an_act_both_sides_affirm_is_not_a_dispute():
    text = (
        "Brack Council said it had replied to the tenants in May.\n\n"
        "The Ferrow Residents' Group said the council had replied."
    )
    assert not paired(text, ESTATE, "had replied to the tenants", "the council had replied")


def test_a_denial_set_right_after_the_charge_answers_it_in_other_words():
    text = (
        "The Ferrow Residents' Group said the lifts in Tower B had been broken since March.\n\n"
        "Brack Council said no tenant had been left without access to the upper floors."
    )
    assert paired(text, ESTATE, "lifts in Tower B", "no tenant had been left")


def test_a_denial_far_from_a_charge_in_other_words_is_not_paired_with_it():
    text = (
        "The Ferrow Residents' Group said the lifts in Tower B had been broken since March.\n\n"
        "Brack Council said the new bin store would open in June.\n\n"
        "The Ferrow Residents' Group said the rent review was due in the autumn.\n\n"
        "Brack Council said no tenant had been left without access to the upper floors."
    )
    assert not paired(text, ESTATE, "lifts in Tower B", "no tenant had been left")


def test_two_denials_side_by_side_do_not_answer_each_other():
    text = (
        "The Ferrow Residents' Group said none of its members had withheld rent.\n\n"
        "Brack Council said it had not sent any eviction notices."
    )
    assert not paired(text, ESTATE, "withheld rent", "eviction notices")
