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
