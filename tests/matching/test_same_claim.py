"""What "the same claim" means: one phenomenon per test, plain pytest, no database.

The sentences are invented for these tests (places and people of a fictional war between
Norland and Sudmark as well as real-world ones), so no rule is fitted to the gold pairs' wording.
"""
from claims.matching import same_claim


def is_same(a, b):
    return same_claim(a, b).same


# The same event in other words
def test_paraphrase_is_the_same_claim():
    assert is_same(
        "Sudmark shelled the port of Holm overnight, destroying two warehouses.",
        "Two warehouses in Holm's port were destroyed by Sudmark shelling during the night.",
    )


def test_passive_voice_is_the_same_claim():
    assert is_same("Norlandic troops captured the village of Ostby.", "The village of Ostby was captured by Norlandic troops.")


def test_synonyms_for_killed_and_troops_are_the_same_claim():
    assert is_same("Five soldiers died in the ambush near Ostby.", "The ambush near Ostby killed five troops.")


def test_summary_of_a_quote_is_the_same_claim():
    assert is_same(
        '"Our forces have taken full control of Ostby," the Norlandic army chief told reporters on Tuesday.',
        "Norland's army says it has seized Ostby.",
    )


def test_a_claim_without_a_source_matches_the_same_claim_with_one():
    assert is_same(
        "Sudmark's defence ministry said the bridge at Varde was destroyed.",
        "The bridge at Varde was destroyed.",
    )


def test_the_same_words_from_another_reporter_are_the_same_claim():
    assert is_same(
        "The bridge at Varde was destroyed, Sudmark's defence ministry said.",
        "The bridge at Varde was destroyed, according to Norlandic officials.",
    )


def test_each_side_in_its_own_words_is_a_dispute_not_a_match():
    assert not is_same(
        "Norland's shells hit only the fuel depot at Varde, its army said.",
        "Norlandic shelling hit homes near the depot at Varde, Sudmark's governor said.",
    )


def test_numbers_in_words_and_digits_are_the_same_claim():
    assert is_same("Three civilians were killed in the strike on Holm.", "The strike on Holm killed 3 civilians.")


def test_thousands_separator_and_millions_agree():
    assert is_same("The fund lost 1.2 million dollars in Holm.", "In Holm the fund lost $1,200,000.")


def test_country_and_its_adjective_agree():
    assert is_same("Russia launched 40 drones at Odesa overnight.", "Russian forces fired 40 drones at Odesa during the night.")


def test_denial_repeated_in_other_words_is_the_same_claim():
    assert is_same("Sudmark did not attack the hospital in Holm.", "Sudmark never struck Holm's hospital.")


# Not the same claim
def test_changed_number_is_not_the_same_claim():
    assert not is_same("Three people were killed in the strike on Holm.", "Thirty people were killed in the strike on Holm.")


def test_changed_percentage_is_not_the_same_claim():
    assert not is_same("Bread prices in Norland rose 5% in March.", "Bread prices in Norland rose 15% in March.")


def test_negation_is_not_the_same_claim():
    assert not is_same("Sudmark attacked the hospital in Holm.", "Sudmark did not attack the hospital in Holm.")


def test_captured_against_still_held_is_not_the_same_claim():
    assert not is_same("Norlandic troops captured Ostby.", "Sudmark's army still holds Ostby.")


def test_denial_by_the_other_side_is_a_dispute_not_a_match():
    assert not is_same(
        "Norland says its missiles hit an arms depot in Varde.",
        "Sudmark denied that Norlandic missiles hit an arms depot in Varde.",
    )


def test_intercepted_against_hit_is_not_the_same_claim():
    assert not is_same("The missile hit a school in Holm.", "The missile aimed at a school in Holm was intercepted.")


def test_rose_against_fell_is_not_the_same_claim():
    assert not is_same("Unemployment in Norland rose last year.", "Unemployment in Norland fell last year.")


def test_another_place_is_not_the_same_claim():
    assert not is_same("Sudmark shelled a school in Holm.", "Sudmark shelled a school in Varde.")


def test_another_actor_is_not_the_same_claim():
    assert not is_same("Norland shelled a school in Holm.", "Sudmark shelled a school in Holm.")


def test_swapped_roles_are_not_the_same_claim():
    assert not is_same("Norland attacked Sudmark first.", "Sudmark attacked Norland first.")


def test_another_day_is_not_the_same_claim():
    assert not is_same("The bridge at Varde was blown up on Monday.", "The bridge at Varde was blown up on Friday.")


def test_another_year_is_not_the_same_claim():
    assert not is_same("Norland held elections in 2019.", "Norland held elections in 2023.")


def test_unrelated_claim_about_the_same_place_is_not_the_same_claim():
    assert not is_same("Sudmark shelled a school in Holm.", "Holm's mayor opened a new bakery.")


def test_a_reason_is_given_for_a_changed_number():
    assert "numbers" in same_claim("Three people died in Holm.", "Thirty people died in Holm.").reason


def test_durations_in_other_units_are_the_same_claim():
    assert is_same("Dock workers in Holm will strike for 72 hours.", "Dock workers in Holm will walk out for three days.")


def test_other_duration_is_not_the_same_claim():
    assert not is_same("The ferry to Varde was suspended for 72 hours.", "The ferry to Varde was suspended for two days.")


def test_vague_count_agrees_with_a_number_in_its_range():
    assert is_same("Dozens of homes in Ostby were flooded.", "About 40 homes in Ostby were flooded.")


def test_dozens_against_hundreds_is_not_the_same_claim():
    assert not is_same("Dozens of homes in Ostby were flooded.", "Hundreds of homes in Ostby were flooded.")


def test_acronym_names_the_same_organisation():
    assert is_same(
        "The Norland Broadcasting Corporation dismissed its director.",
        "The NBC dismissed its director.",
    )


def test_another_place_in_the_same_slot_is_not_the_same_claim_whatever_the_parse():
    assert not is_same(
        "Rescuers found twelve survivors in the rubble in Holm.",
        "Rescuers found twelve survivors in the rubble in Varde.",
    )


def test_another_actor_in_common_words_is_not_the_same_claim():
    assert not is_same("The inspectors found the water in Holm unsafe.", "The mayor found the water in Holm unsafe.")


def test_a_qualified_actor_is_another_actor():
    assert not is_same("The minister resigned after the vote in Holm.", "The deputy minister resigned after the vote in Holm.")


def test_a_summary_may_drop_a_qualifier():
    assert is_same(
        "Norland's coastal artillery strike on the depot at Varde destroyed twelve fuel tanks, officials said.",
        "Artillery strike destroys twelve fuel tanks at Varde.",
    )


def test_a_pinned_date_against_a_season_is_not_the_same_claim():
    assert not is_same("The new bridge at Holm will open in March.", "The new bridge at Holm will open in the autumn.")


def test_last_year_against_this_year_is_not_the_same_claim():
    assert not is_same("Thefts in Holm rose by a third last year.", "Thefts in Holm rose by a third this year.")


def test_refused_is_a_denial():
    assert not is_same("Norland agreed to reopen the border crossing.", "Norland refused to reopen the border crossing.")


def test_called_off_is_a_denial():
    assert not is_same("Nurses in Holm will strike on Monday.", "Nurses in Holm have called off Monday's strike.")


def test_ruled_out_is_a_denial():
    assert not is_same("The council will sell the old library.", "The council ruled out selling the old library.")


def test_an_un_word_is_the_denied_word():
    assert is_same("A patient who was not vaccinated died of diphtheria in Holm.", "Unvaccinated patient dies of diphtheria in Holm.")


def test_a_failed_thing_is_not_a_denial():
    assert is_same(
        "A failed rocket launch from Varde caused the explosion at the depot.",
        "The explosion at the depot was caused by a misfired rocket launched from Varde.",
    )


def test_no_more_than_is_not_a_denial():
    assert is_same("Tenants in Holm will pay no more than 400 crowns a month.", "Rents in Holm capped at 400 crowns a month for tenants.")


def test_remained_stable_against_rose_is_not_the_same_claim():
    assert not is_same("Bread prices in Holm remained stable in May.", "Bread prices in Holm rose in May.")


def test_bought_against_sold_is_not_the_same_claim():
    assert not is_same("The club bought the goalkeeper for 3 million crowns.", "The club sold the goalkeeper for 3 million crowns.")


def test_convicted_against_acquitted_is_not_the_same_claim():
    assert not is_same("A court in Holm convicted the former mayor of bribery.", "A court in Holm acquitted the former mayor of bribery.")


def test_the_capital_speaks_for_the_country():
    assert is_same(
        "Russia's foreign ministry said the talks in Varde had failed to produce a ceasefire.",
        "The talks in Varde failed to produce a ceasefire, Moscow said.",
    )


def test_a_numbered_place_change_is_caught_as_a_change_of_place():
    assert not is_same("Twenty lorries crossed into Holm through the north gate.", "Twenty lorries crossed into Holm through the south gate.")


def test_declined_to_is_a_denial():
    assert not is_same("The minister in Holm agreed to testify.", "The minister in Holm declined to testify.")


def test_above_against_below_is_not_the_same_claim():
    assert not is_same("The river at Holm rose above the flood mark.", "The river at Holm stayed below the flood mark.")


def test_warmest_against_coldest_is_not_the_same_claim():
    assert not is_same("March was the warmest month on record in Norland.", "March was the coldest month on record in Norland.")


def test_an_un_word_on_a_stance_axis_is_not_a_denial():
    assert is_same("Side effects of the Holm vaccine are rare, the agency said.", "The agency said side effects of the Holm vaccine are uncommon.")


def test_a_speaker_described_refers_back_to_the_name_in_its_sentence():
    assert is_same(
        "The National Salvation Front has seized the airport at Varde, the group said.",
        "The NSF says it has taken control of the airport at Varde.",
    )


def test_held_against_raised_is_not_the_same_claim():
    assert not is_same("The Bank of Norland raised its main rate to 4 percent.", "The Bank of Norland held its main rate at 4 percent.")


def test_accident_against_deliberate_is_a_dispute():
    assert not is_same("The fire at the Holm depot was an accident, the owners said.", "The fire at the Holm depot was started deliberately, police said.")


def test_units_in_short_and_long_form_are_the_same_claim():
    assert is_same("Snow up to 40 cm fell on Holm overnight.", "Up to forty centimetres of snow fell on Holm overnight.")


def test_per_cent_and_percent_are_the_same_claim():
    assert is_same("Unemployment in Holm fell to 6 per cent.", "Holm's unemployment rate dropped to 6%.")


def test_yesterday_may_be_the_weekday_named_in_the_other():
    assert is_same("The ferry to Varde sank on Monday, the coastguard said.", "The ferry to Varde sank yesterday, the coastguard said.")


# Numbers belong to what they count
def test_numbers_swapped_between_nouns_are_not_the_same_claim():
    assert not is_same(
        "Two sailors were killed and five injured when the ferry capsized off Holm.",
        "Five sailors were killed and two injured when the ferry capsized off Holm.",
    )


def test_bare_numbers_swapped_between_verbs_are_not_the_same_claim():
    assert not is_same("Four dead, nine hurt in Varde bus crash.", "Nine dead, four hurt in Varde bus crash.")


def test_the_same_counts_in_another_order_are_the_same_claim():
    assert is_same(
        "The flood in Ostby killed two people and injured five.",
        "Five people were injured and two killed in the Ostby flood.",
    )


# Part against whole
def test_some_of_against_all_is_not_the_same_claim():
    assert not is_same("All of the miners trapped in Holm were rescued.", "Some of the miners trapped in Holm were rescued.")


def test_a_partitive_count_against_the_whole_is_not_the_same_claim():
    assert not is_same(
        "The court in Varde cleared the harbour master on all twelve charges.",
        "The court in Varde cleared the harbour master on five of twelve charges.",
    )


def test_part_of_a_place_against_the_place_is_not_the_same_claim():
    assert not is_same("Norlandic troops control part of Ostby.", "Norlandic troops control Ostby.")


def test_some_before_a_number_means_about_not_a_part():
    assert is_same("Some 300 homes in Ostby lost power.", "About 300 homes in Ostby lost power.")


# Opposites formed by an affix
def test_a_word_against_its_in_prefixed_opposite_is_not_the_same_claim():
    assert not is_same("The strike by Holm's dockers is legal, the court said.", "The strike by Holm's dockers is illegal, the court said.")


def test_a_verb_against_its_dis_prefixed_opposite_is_not_the_same_claim():
    assert not is_same("Varde's council approved the harbour plan.", "Varde's council disapproved of the harbour plan.")


def test_less_against_ful_is_not_the_same_claim():
    assert not is_same("The agency said the new pesticide is harmful to bees.", "The agency said the new pesticide is harmless to bees.")


def test_a_dis_word_is_not_an_opposite_when_the_plain_word_is_absent():
    assert is_same("Divers discovered a wreck off Holm.", "A wreck was discovered by divers off Holm.")


# Comparatives and order reversed
def test_before_against_after_is_not_the_same_claim():
    assert not is_same("The mayor of Holm resigned before the vote.", "The mayor of Holm resigned after the vote.")


def test_largest_against_smallest_is_not_the_same_claim():
    assert not is_same("Holm recorded the largest harvest in a decade.", "Holm recorded the smallest harvest in a decade.")


def test_upheld_against_reduced_is_not_the_same_claim():
    assert not is_same("The tribunal in Varde upheld the fine.", "The tribunal in Varde reduced the fine.")


def test_one_unit_of_time_said_with_an_article_is_a_number():
    assert not is_same("The ferry to Varde sailed again three days after the storm.", "The ferry to Varde sailed again the day after the storm.")


def test_a_week_later_is_seven_days_later():
    assert is_same("Holm's bridge reopened a week after the flood.", "Holm's bridge reopened seven days after the flood.")


# One word put in another's place
def test_one_verb_swapped_in_an_otherwise_unchanged_claim_is_not_the_same_claim():
    assert not is_same("The shipyard in Ostby will hire 300 welders.", "The shipyard in Ostby will dismiss 300 welders.")


def test_one_object_swapped_in_an_otherwise_unchanged_claim_is_not_the_same_claim():
    assert not is_same("The bakery chain in Holm made a profit last year.", "The bakery chain in Holm made a loss last year.")


def test_another_place_in_a_building_is_not_the_same_claim():
    assert not is_same("The fire started in the kitchen of the Varde hotel.", "The fire started on the roof of the Varde hotel.")


def test_a_rewritten_claim_is_not_a_swap():
    assert is_same("The runner won the Holm marathon in 2:05:10, a course record.", "The runner set a Holm marathon course record of 2:05:10.")


def test_a_phrasal_verb_against_its_one_word_synonym_is_not_a_swap():
    assert is_same("Sudmark's army pulled out of Ostby on Tuesday.", "Sudmark's army withdrew from Ostby on Tuesday.")


def test_units_that_agree_in_number_are_not_a_swap():
    assert is_same("The strike in Holm lasted a week.", "The strike in Holm lasted seven days.")


def test_up_against_down_is_not_the_same_claim():
    assert not is_same("Ferry fares to Varde will go up in May.", "Ferry fares to Varde will go down in May.")


def test_up_in_a_headline_is_a_rise():
    assert is_same("Thefts in Holm rose 12 percent last year.", "Holm thefts up 12% last year.")


def test_inside_against_outside_is_not_the_same_claim():
    assert not is_same("The journalist was detained inside the Holm courthouse.", "The journalist was detained outside the Holm courthouse.")


def test_the_sides_of_a_comparison_swapped_are_not_the_same_claim():
    assert not is_same("Nurses in Norland earn more than teachers.", "Teachers in Norland earn more than nurses.")


def test_doubled_against_tripled_is_not_the_same_claim():
    assert not is_same("Rents in Holm have doubled since 2015.", "Rents in Holm have tripled since 2015.")


def test_doubled_is_twice_as_high():
    assert is_same("Rents in Holm have doubled since 2015.", "Rents in Holm are twice as high as in 2015.")


def test_a_measured_proportion_is_not_a_part_against_the_whole():
    assert is_same("Half of the ballots in Varde have been counted.", "Officials in Varde have counted 50 percent of the ballots.")


def test_much_of_and_most_of_are_both_a_part():
    assert is_same("Most of Holm was without power on Tuesday.", "Much of Holm lost power on Tuesday.")


def test_turned_down_is_a_denial():
    assert not is_same("The Varde council accepted the buyout offer.", "The Varde council turned down the buyout offer.")


def test_operating_against_shut_down_is_not_the_same_claim():
    assert not is_same("The Holm power station is operating normally.", "The Holm power station has been shut down.")


def test_another_rank_is_not_the_same_claim():
    assert not is_same("Holm won the regional title for the first time.", "Holm won the regional title for the third time.")


def test_full_against_empty_is_not_the_same_claim():
    assert not is_same("The reservoir above Varde is full.", "The reservoir above Varde is empty.")


def test_build_against_demolish_is_not_the_same_claim():
    assert not is_same("The council will build 80 flats in Ostby.", "The council will demolish 80 flats in Ostby.")


def test_the_same_hour_in_the_morning_and_the_afternoon_is_not_the_same_claim():
    assert not is_same("The blast at the Holm depot happened at 4 p.m.", "The blast at the Holm depot happened at 4 a.m.")


def test_a_year_against_another_decade_is_not_the_same_claim():
    assert not is_same("The Varde lighthouse was built in 1962.", "The Varde lighthouse was built in the 1930s.")


def test_a_year_in_its_decade_is_the_same_claim():
    assert is_same("The Varde lighthouse was built in 1934.", "The Varde lighthouse was built in the 1930s.")


def test_sender_and_receiver_swapped_are_not_the_same_claim():
    assert not is_same("Norland will send 20 tanks to Sudmark.", "Sudmark will send 20 tanks to Norland.")


def test_two_named_sources_sharing_a_common_word_are_still_two_sides():
    assert not is_same(
        "Norland's army said it pushed back a Sudmark assault near Ostby.",
        "Sudmark's troops broke through Norlandic lines near Ostby, Sudmark's army said.",
    )


def test_one_named_source_described_in_other_words_is_one_source():
    assert is_same(
        "Sudmark's defence ministry said its troops crossed the river at Ostby.",
        "Sudmarkian troops crossed the river at Ostby, Sudmark's army said.",
    )


def test_every_one_of_is_the_whole():
    assert is_same("All 26 crew of the Holm trawler were rescued.", "Every one of the 26 crew of the Holm trawler was rescued.")


def test_a_part_given_in_other_words_is_not_silent_about_it():
    assert is_same(
        "Sudmark fired 30 missiles at Varde overnight; 24 were intercepted, the air force said.",
        "The air force said it intercepted 24 of 30 Sudmark missiles fired at Varde overnight.",
    )


def test_morning_against_night_is_not_the_same_claim():
    assert not is_same("Sudmark shelled the Holm rail yard in the morning.", "Sudmark shelled the Holm rail yard at night.")


def test_overnight_is_during_the_night():
    assert is_same("Sudmark shelled the Holm rail yard overnight.", "Sudmark shelled the Holm rail yard during the night.")


def test_a_part_of_the_day_does_not_contradict_a_weekday():
    assert is_same("Sudmark shelled the Holm rail yard overnight.", "Sudmark shelled the Holm rail yard on Tuesday.")


# Reporting verbs that record rather than say
def test_a_country_that_reports_a_case_is_who_has_it_not_who_says_it():
    assert not is_same(
        "Norland reported the first case of the new fever strain outside the delta.",
        "Sudmark reported the first case of the new fever strain outside the delta.",
    )


def test_the_same_country_reporting_the_case_in_other_words_is_the_same_claim():
    assert is_same(
        "Norland reported the first case of the new fever outside the delta.",
        "The first case of the new fever outside the delta was reported by Norland.",
    )


# Years: each claim pins one the other does not
def test_another_year_is_another_claim_even_when_a_name_holds_a_year():
    assert not is_same(
        "The 2031 flood plan sets aside 40 million crowns for new levees in 2033, the ministry said.",
        "The 2031 flood plan sets aside 40 million crowns for new levees in 2035, the ministry said.",
    )


def test_a_year_given_by_one_claim_only_is_a_detail():
    assert is_same(
        "The Ostby bridge reopened to traffic in 2025 after repairs.",
        "The Ostby bridge reopened to traffic after repairs.",
    )


# Opposite outcomes said with two-word verbs
def test_a_dam_that_held_is_not_a_dam_that_gave_way():
    assert not is_same("The flood barrier at Holm held overnight.", "The flood barrier at Holm gave way overnight.")


def test_a_dam_that_burst_is_the_one_that_gave_way():
    assert is_same("The flood barrier at Holm gave way overnight.", "The flood barrier at Holm burst overnight.")


def test_staying_on_in_a_post_is_not_stepping_down_from_it():
    assert not is_same("The Varde mayor will stay on until the election.", "The Varde mayor has stepped down before the election.")
    assert not is_same("The club captain will continue in the national side.", "The club captain has retired from the national side.")


def test_missing_parts_are_not_parts_in_place():
    assert not is_same(
        "Inspectors found that two rivets on the Holm ferry ramp were missing.",
        "Inspectors found that the two rivets on the Holm ferry ramp were present.",
    )


# Winning and losing
def test_beating_a_side_is_defeating_it():
    assert is_same(
        "Holm beat Varde by two goals to win the cup final in Ostby.",
        "Holm defeated Varde by 2 goals in the cup final in Ostby.",
    )


def test_a_defeat_is_not_a_win():
    assert not is_same("Holm defeated Varde in the cup final.", "Holm suffered a defeat against Varde in the cup final.")


def test_a_match_against_someone_takes_no_side():
    assert is_same(
        "Anna Berg won the Ostby Open final in three sets against Maria Lind.",
        "Berg came back to beat Lind in a three-set Ostby Open final.",
    )


def test_being_against_a_plan_is_not_supporting_it():
    assert not is_same("The Holm mayor is against the Ostby bypass.", "The Holm mayor supports the Ostby bypass.")


# Who says it, described twice
def test_the_company_said_refers_back_to_the_firm_its_claim_describes():
    assert is_same(
        "The shipbuilder will open a yard in Holm employing 900 people, the company said.",
        "The shipbuilder said it planned to build a new yard in Holm that will employ 900 workers.",
    )


# Control is held, not taken
def test_troops_that_control_ground_hold_it():
    assert is_same(
        "Norlandic troops control about 400 square kilometres of the Varde district, their commander said.",
        "Norland's troops hold around 400 sq km in the Varde district, their commander said.",
    )


def test_one_side_controlling_a_town_is_not_the_other_side_holding_it():
    assert not is_same("Norlandic troops control the town of Ostby.", "Sudmark's forces still hold the town of Ostby.")


def test_carrying_on_is_not_retiring():
    assert not is_same("The Holm goalkeeper will keep playing for the national side.",
                       "The Holm goalkeeper retired from the national side.")


# Hedged figures: a rounded figure is the exact one, said loosely
def test_nearly_a_round_figure_is_the_exact_figure_below_it():
    assert is_same("The Holm fire destroyed 497 homes, the fire service said.",
                   "Nearly 500 homes were destroyed in the Holm fire, the fire service said.")


def test_nearly_a_figure_is_not_a_much_smaller_one():
    assert not is_same("The Holm fire destroyed 300 homes, the fire service said.",
                       "Nearly 500 homes were destroyed in the Holm fire, the fire service said.")


def test_more_than_a_figure_is_not_a_figure_below_it():
    assert is_same("Varde has recorded 4.2 million visitors this year.", "Varde has recorded more than 4 million visitors this year.")
    assert not is_same("Varde has recorded 3.9 million visitors this year.", "Varde has recorded more than 4 million visitors this year.")


# Two events about the same actors and place
def test_two_things_that_happened_in_one_town_are_two_claims():
    assert not is_same("Sudmark's army has taken full control of Ostby.",
                       "Sudmark's army was deliberately shelling schools and clinics in Ostby, the mayor said.")
    assert not is_same("Sudmark's army has taken full control of Ostby.",
                       "Norlandic troops were still fighting on the edge of Ostby, the general staff said.")


def test_the_same_event_told_with_other_verbs_and_a_shared_figure_is_one_claim():
    assert is_same("Sudmark launched 30 drones at Holm overnight, the governor said.",
                   "Thirty Sudmark drones targeted Holm during the night, according to the governor.")


def test_the_same_event_told_with_another_verb_around_the_same_nouns_is_one_claim():
    assert is_same("Sudmark's army has taken full control of Ostby.", "Ostby is now fully under Sudmark's control, its army said.")


def test_a_word_in_the_speakers_name_is_not_the_event():
    assert not is_same(
        "The Sudmark Defence Ministry said its strikes near Holm hit only Norlandic military positions.",
        "Norlandic troops were still defending Ostby and fighting continued on the outskirts.",
    )


# Denials said without "not"
def test_dismissing_reports_that_something_happened_denies_it():
    assert not is_same(
        "Norlandic troops entered the town of Ostby on Monday.",
        "Sudmark dismissed reports that Norlandic troops had entered Ostby.",
    )


def test_dismissing_workers_is_not_a_denial():
    assert is_same("The mill in Brenna dismissed 120 workers.", "120 workers were dismissed by the Brenna mill.")


def test_calling_a_report_a_fabrication_denies_it():
    assert not is_same(
        "The dam at Varde was breached by shelling.",
        "Officials called reports of a breached dam at Varde a fabrication.",
    )


def test_dismissing_claims_as_propaganda_denies_them():
    assert not is_same(
        "Sudmark's drones hit a school in Holm.",
        "Norland dismissed claims that Sudmark's drones hit a school in Holm as propaganda.",
    )


def test_has_yet_to_means_has_not():
    assert not is_same("The minister approved the pipeline.", "The minister has yet to approve the pipeline.")


def test_still_under_one_sides_control_denies_its_fall():
    assert not is_same("Ostby has fallen to Norlandic forces.", "Ostby is still under Sudmark's control.")


def test_still_running_denies_a_shutdown():
    assert not is_same("Witnesses said the power plant was still running.", "The power plant was shut down.")


def test_a_sinking_is_not_a_safe_arrival():
    assert not is_same("The ferry sank off Holm.", "The ferry reached Holm safely.")


def test_going_ahead_is_not_being_scrapped():
    assert not is_same("The council scrapped the tram project.", "The council went ahead with the tram project.")


def test_a_scrapped_project_in_other_words_is_the_same_claim():
    assert is_same("The council scrapped the tram project.", "The tram project was axed by the council.")


def test_postponed_and_delayed_are_one_claim():
    assert is_same("The final was postponed until May.", "The final has been delayed until May.")


# Shares and figures written other ways
def test_a_fraction_is_the_percentage_it_rounds_to():
    assert is_same("Two-thirds of voters in Brenna backed the plan.", "67 percent of Brenna's voters backed the plan.")
    assert is_same("Three in four nurses in Holm backed the deal.", "75% of nurses in Holm backed the deal.")
    assert is_same("Half the trains to Lund were cancelled.", "50 per cent of trains to Lund were cancelled.")


def test_a_hedged_fraction_reaches_as_far_as_a_hedged_figure():
    assert is_same("More than half of the dockers in Holm joined the strike.", "52 percent of Holm's dockers joined the strike.")
    assert is_same("Nearly a third of the wells in Varde ran dry.", "31 percent of Varde's wells ran dry.")


def test_another_share_is_another_claim():
    assert not is_same("A third of the wells in Varde ran dry.", "Half of the wells in Varde ran dry.")
    assert not is_same("One in four pupils in Lund walks to school.", "One in ten pupils in Lund walks to school.")


def test_a_rate_of_one_in_ten_thousand_is_not_one_in_a_hundred():
    assert not is_same("The side effect hits one in 10,000 patients.", "The side effect hits one in 100 patients.")


def test_thousands_separated_by_a_space():
    assert is_same("The storm left 40 000 homes in Holm without power.", "The storm left 40,000 Holm homes without power.")
    assert not is_same("The storm left 40 000 homes in Holm without power.", "The storm left 4,000 Holm homes without power.")


def test_a_year_and_a_half_is_eighteen_months():
    assert is_same("The mayor of Varde was jailed for 18 months.", "Varde's mayor was jailed for a year and a half.")
    assert not is_same("The mayor of Varde was jailed for 18 months.", "Varde's mayor was jailed for two and a half years.")


def test_several_thousand_people_are_thousands():
    assert is_same("Thousands marched in Lund on Saturday.", "Several thousand people marched in Lund on Saturday.")


# A no to a decision is on the approval axis; a no to a clause denies it
def test_rejecting_and_turning_down_an_offer_are_one_claim():
    assert is_same("The Brenna council rejected the developer's offer.", "The developer's offer was turned down by Brenna council.")
    assert is_same("Holm's dockers rejected the pay deal.", "Holm's dockers voted down the pay deal.")


def test_rejecting_is_not_accepting():
    assert not is_same("The Brenna council rejected the developer's offer.", "The Brenna council accepted the developer's offer.")


def test_refusing_to_do_it_denies_agreeing_to_do_it():
    assert not is_same("Norland refused to extend the truce with Sudmark.", "Norland agreed to extend the truce with Sudmark.")


def test_voting_to_do_it_is_not_rejecting_a_bill_to_do_it():
    assert not is_same(
        "Norland's parliament voted to lower the voting age to 16.",
        "Norland's parliament rejected a bill to lower the voting age to 16.",
    )


def test_failing_a_test_is_not_passing_it():
    assert not is_same("The Lund goalkeeper failed his medical.", "The Lund goalkeeper passed his medical.")


# Words news copy uses for the same people and things
def test_scientists_and_researchers_are_one_agent():
    assert is_same("Researchers at Lund University found the drug cut deaths by 20%.",
                   "Scientists at Lund University found the drug cut deaths by 20%.")


def test_police_and_officers_are_one_agent():
    assert is_same("Police in Brenna arrested three men after the raid.", "Brenna officers arrested three men after the raid.")


def test_shares_and_stock_are_one_thing():
    assert is_same("The firm's shares fell 8% on Monday.", "The company's stock dropped 8% on Monday.")


# Opposite outcomes
def test_cleared_is_not_found_guilty():
    assert not is_same("The jury found the Holm banker guilty of fraud.", "The jury cleared the Holm banker of fraud.")


def test_grounded_flights_have_not_resumed():
    assert not is_same("Flights from Lund resumed on Tuesday.", "Flights from Lund remained grounded on Tuesday.")


def test_keeping_production_going_is_not_stopping_it():
    assert not is_same("The Holm plant stopped production.", "The Holm plant kept production going.")


def test_a_service_running_normally_is_not_suspended():
    assert not is_same("The Varde ferry service was suspended.", "The Varde ferry service is running normally.")


def test_a_foiled_attack_did_not_hit():
    assert not is_same("Guards foiled an attack on the Holm depot.", "An attack hit the Holm depot.")


def test_lifting_a_ban_is_not_imposing_it():
    assert not is_same("Brenna lifted its ban on night flights.", "Brenna imposed a ban on night flights.")
    assert is_same("Brenna eased its curfew on Monday.", "Brenna relaxed its curfew on Monday.")


def test_meeting_a_deadline_is_not_missing_it():
    assert not is_same("The Lund rail link met its deadline.", "The Lund rail link missed its deadline.")


def test_falling_short_of_a_majority_is_not_passing():
    assert not is_same("The motion fell short of a majority in Brenna's council.", "The motion passed in Brenna's council.")


def test_contesting_reports_denies_them():
    assert not is_same("Sudmark contested reports that its troops left Varde.", "Sudmark's troops left Varde.")


# Who won: a result belongs to a side
def test_beating_a_side_is_that_side_losing():
    assert is_same("Holm United beat Brenna City 2-1 on Saturday.", "Brenna City lost 2-1 to Holm United on Saturday.")


def test_losing_to_the_side_you_beat_is_another_result():
    assert not is_same("Holm United beat Brenna City 2-1 on Saturday.", "Holm United lost 2-1 to Brenna City on Saturday.")


def test_defeating_someone_is_winning_against_them():
    assert is_same("Anna Berg defeated Lisa Holt in the Lund final.", "Anna Berg won the Lund final against Lisa Holt.")
    assert not is_same("Anna Berg defeated Lisa Holt in the Lund final.", "Lisa Holt won the Lund final against Anna Berg.")


def test_no_longer_doing_it_is_having_stopped():
    assert is_same("The Holm bakery no longer sells bread.", "The Holm bakery stopped selling bread.")
    assert is_same("The Holm bakery does not sell bread anymore.", "The Holm bakery stopped selling bread.")
    assert not is_same("The Holm bakery no longer sells bread.", "The Holm bakery still sells bread and cakes.")


def test_a_summary_that_gives_the_part_figure_is_the_part():
    assert is_same("Two of the five suspects in the Holm robbery were charged.", "Two suspects charged over Holm robbery.")
    assert is_same("Three of Brenna's eight schools will close.", "Three Brenna schools to close.")
    assert not is_same("Two of the five suspects in the Holm robbery were charged.", "Five suspects charged over Holm robbery.")
    assert not is_same("Two of the five suspects in the Holm robbery were charged.", "The Holm robbery suspects were charged.")


# More opposite pairs news copy uses
def test_joining_is_not_leaving_and_quitting_is_leaving():
    assert not is_same("The Greens joined Norland's governing coalition.", "The Greens left Norland's governing coalition.")
    assert is_same("The Greens quit Norland's governing coalition.", "The Greens left Norland's governing coalition.")


def test_praise_is_not_criticism():
    assert not is_same("The Holm mayor praised the police response to the riot.",
                       "The Holm mayor criticised the police response to the riot.")
    assert is_same("The Holm mayor condemned the attack.", "The Holm mayor denounced the attack.")


def test_a_surplus_is_not_a_deficit():
    assert not is_same("Norland posted a trade surplus in May.", "Norland posted a trade deficit in May.")


def test_hiring_is_not_laying_off():
    assert not is_same("The Lund plant will hire 300 workers.", "The Lund plant will lay off 300 workers.")


def test_a_peaceful_protest_is_not_a_violent_one():
    assert not is_same("The Brenna protest was peaceful.", "The Brenna protest turned violent.")


def test_declining_an_offer_is_turning_it_down():
    assert not is_same("The Holm club declined the offer from Lund.", "The Holm club accepted the offer from Lund.")
    assert is_same("The Holm club turned down the offer from Lund.", "The Holm club declined the offer from Lund.")


def test_exports_are_not_imports():
    assert not is_same("Exports to Sudmark rose 10% in May.", "Imports from Sudmark rose 10% in May.")


# More words news copy uses for one thing
def test_news_synonyms_for_people_and_things_are_one_claim():
    assert is_same("The typhoon killed 12 people in Holm.", "The storm killed 12 people in Holm.")
    assert is_same("The former Brenna mayor was jailed for six years.", "The former Brenna mayor was sent to prison for six years.")
    assert is_same("Prosecutors indicted the Lund banker on Monday.", "Prosecutors charged the Lund banker on Monday.")
    assert is_same("The regulator approved the new drug for children.", "The regulator approved the new medicine for children.")
    assert is_same("Pupils in Holm will return to school on Monday.", "Students in Holm will return to school on Monday.")
    assert is_same("The court's ruling was welcomed by the Lund council.", "The court's decision was welcomed by the Lund council.")
    assert is_same("Police detained 40 protesters in Holm.", "Police detained 40 demonstrators in Holm.")
    assert not is_same("Police detained 40 protesters in Holm.", "Police detained 40 journalists in Holm.")


def test_a_plain_noun_opening_the_sentence_is_not_a_name():
    assert is_same("Doctors in Varde went on strike.", "Physicians in Varde went on strike.")


# Measures written other ways
def test_a_fraction_of_a_century_is_years():
    assert is_same("The Lund bridge has stood for a quarter of a century.", "The Lund bridge has stood for 25 years.")
    assert not is_same("The Lund bridge has stood for a quarter of a century.", "The Lund bridge has stood for 50 years.")


def test_tenfold_is_ten_times():
    assert is_same("Sales in Holm rose tenfold.", "Sales in Holm rose ten times.")


def test_metres_and_kilometres_are_one_length():
    assert is_same("The Holm tower is 300 metres tall.", "The Holm tower is 300m tall.")
    assert is_same("The Holm tower is 300 metres tall.", "The Holm tower is 0.3 km tall.")
    assert not is_same("The Holm tower is 300 metres tall.", "The Holm tower is 3 km tall.")


def test_millions_written_with_an_m_are_still_millions():
    assert is_same("The club paid £3m for the striker.", "The club paid 3 million pounds for the striker.")


def test_an_age_is_not_a_duration():
    assert not is_same("The 30-year-old was arrested in Holm.", "The 40-year-old was arrested in Holm.")
    assert is_same("A 30-year-old was arrested in Holm.", "A 30-year-old man was arrested in Holm.")


def test_pulling_out_of_a_deal_is_not_signing_it():
    assert not is_same("Norland pulled out of the grain deal.", "Norland signed the grain deal.")
    assert is_same("Norland pulled out of the grain deal.", "Norland withdrew from the grain deal.")


def test_remanded_in_custody_is_not_released():
    assert not is_same("The Holm banker was remanded in custody.", "The Holm banker was released on bail.")


def test_extending_a_truce_is_not_ending_it():
    assert not is_same("Norland extended the truce with Sudmark.", "Norland ended the truce with Sudmark.")


def test_safe_is_not_dangerous():
    assert not is_same("Inspectors said the Lund bridge is safe.", "Inspectors said the Lund bridge is dangerous.")


def test_a_fraction_of_a_figure_is_a_value_not_a_share():
    assert is_same("The Holm bank cut its rate by a quarter of a percentage point.",
                   "The Holm bank cut its rate by 0.25 percentage points.")
    assert is_same("A quarter of a million people fled Varde.", "250,000 people fled Varde.")
    assert is_same("Half a million people live in Brenna.", "500,000 people live in Brenna.")
    assert not is_same("A quarter of a million people fled Varde.", "25,000 people fled Varde.")


def test_a_hundred_and_fifty_is_one_figure():
    assert is_same("A hundred and fifty homes were flooded in Holm.", "150 homes were flooded in Holm.")
    assert is_same("One hundred and fifty homes were flooded in Holm.", "150 homes were flooded in Holm.")
    assert not is_same("A hundred and fifty homes were flooded in Holm.", "100 homes were flooded in Holm.")


def test_millions_raised_from_investors_are_not_metres():
    assert is_same("The Lund startup raised 1.4m from investors.", "The Lund startup raised 1.4 million from investors.")


def test_a_defeat_or_victory_said_as_a_noun_has_its_sides():
    assert is_same("Holm United beat Brenna City on Saturday.", "Brenna City's defeat by Holm United on Saturday.")
    assert is_same("Holm United beat Brenna City on Saturday.", "Holm United's victory over Brenna City on Saturday.")
    assert not is_same("Holm United beat Brenna City on Saturday.", "Holm United's defeat by Brenna City on Saturday.")


def test_losing_a_seat_to_someone_is_their_winning_it():
    assert is_same("Anna Berg lost her seat to Lisa Holt.", "Lisa Holt won the seat from Anna Berg.")
    assert not is_same("Anna Berg lost her seat to Lisa Holt.", "Anna Berg won the seat from Lisa Holt.")


# A description for a name
def test_a_name_and_a_description_of_it_can_be_one_agent():
    assert is_same("Voltaro recalled 10,000 cars over faulty brakes.", "The carmaker recalled 10,000 cars over faulty brakes.")
    assert is_same("Mira Svensson will lead the Holm inquiry.", "The retired judge will lead the Holm inquiry.")


def test_two_names_or_two_descriptions_are_two_agents():
    assert not is_same("Voltaro recalled 10,000 cars over faulty brakes.", "Brakeline recalled 10,000 cars over faulty brakes.")
    assert not is_same("The carmaker recalled 10,000 cars over faulty brakes.", "The regulator recalled 10,000 cars over faulty brakes.")
