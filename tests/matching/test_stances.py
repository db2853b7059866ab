"""Opposite stances news copy takes on one event, in our own sentences: each pair says opposite things.

A claim and its opposite share nearly every word ("voted for the bill", "voted against the bill"),
so the matcher must see the one word that turns it. Each test has its counterpart that must still
match, so no rule buys precision by refusing paraphrases.
"""
from claims.matching import same_claim


def is_same(a, b):
    return same_claim(a, b).same


def test_voting_for_a_bill_is_not_voting_against_it():
    assert not is_same("The senator voted for the harbour bill.", "The senator voted against the harbour bill.")
    assert is_same("Councillor Brenn voted against the harbour levy.", "Councillor Brenn opposed the harbour levy in the vote.")


def test_signing_a_bill_is_not_vetoing_it():
    assert not is_same("The governor signed the ferry bill into law.", "The governor vetoed the ferry bill.")
    assert is_same("The governor signed the ferry bill into law.", "The ferry bill was signed into law by the governor.")


def test_releasing_suspects_is_not_arresting_them_though_they_were_detained_before():
    # "detained" only describes the suspects; what the claim says happened is the release.
    assert not is_same(
        "Police in Holm arrested three men after the bank raid.",
        "Police in Holm released the three men detained after the bank raid.",
    )
    assert is_same(
        "Police in Holm released the three men detained after the bank raid.",
        "The three men held over the Holm bank raid were freed by police.",
    )


def test_found_alive_is_not_found_dead_whoever_found_them():
    # "rescue" in "rescue teams" names the teams; it says nothing of whether anyone survived.
    assert not is_same(
        "Rescue teams found the two missing climbers alive.",
        "The two missing climbers were found dead by rescue teams.",
    )
    assert is_same(
        "Rescue teams found the two missing climbers alive.",
        "The two missing climbers were found alive by rescue teams.",
    )


def test_a_failed_launch_described_is_not_a_successful_one():
    assert not is_same("The failed launch of the weather satellite cost 40 million euros.",
                       "The successful launch of the weather satellite cost 40 million euros.")


def test_having_enough_is_not_being_short():
    assert not is_same("The clinic in Ostby has enough insulin for the winter.",
                       "The clinic in Ostby is short of insulin for the winter.")
    assert is_same("The clinic in Ostby is short of insulin for the winter.",
                   "The Ostby clinic faces a shortage of insulin this winter.")


def test_succeeding_is_not_a_failure():
    assert not is_same("The vaccine trial in Varde succeeded.", "The vaccine trial in Varde was a failure.")


def test_playing_is_not_missing_the_match():
    assert not is_same("The captain will play in Saturday's derby.", "The captain will miss Saturday's derby.")
    assert is_same("The captain will miss Saturday's derby.", "The captain is set to miss the derby on Saturday.")


def test_being_beaten_is_losing():
    assert is_same("The home side lost the cup final.", "The home side was beaten in the cup final.")
    assert not is_same("The home side won the cup final.", "The home side was beaten in the cup final.")
    # Named sides keep their own signs: the winner is the one "by" whom the other was beaten.
    assert is_same("Holm beat Varde in the cup final.", "Varde were beaten by Holm in the cup final.")
    assert not is_same("Holm beat Varde in the cup final.", "Holm were beaten by Varde in the cup final.")


def test_charges_dropped_are_not_charges_brought():
    assert not is_same("Prosecutors in Holm charged the harbour master with bribery.",
                       "Prosecutors in Holm dropped the bribery charges against the harbour master.")
    assert is_same("Prosecutors in Holm dropped the bribery charges against the harbour master.",
                   "The bribery charges against the harbour master were dropped by prosecutors in Holm.")


def test_a_boat_that_stayed_afloat_did_not_sink():
    assert not is_same("The cargo ship sank in the storm off Varde.", "The cargo ship stayed afloat in the storm off Varde.")


def test_people_who_came_back_are_not_still_missing():
    # "missing" stands as written, not as the verb "to miss", and describes them in the first.
    assert not is_same("The missing climbers have returned to their camp.", "The climbers remain missing.")
    assert is_same("The climbers remain missing.", "The climbers are still missing.")


def test_an_outbreak_that_spread_was_not_contained():
    assert not is_same("The cholera outbreak has spread to three districts of Holm.",
                       "The cholera outbreak has been contained to three districts of Holm.")


def test_talks_that_broke_down_did_not_make_progress():
    assert not is_same("The wage talks at the Varde plant broke down on Thursday.",
                       "The wage talks at the Varde plant made progress on Thursday.")


def test_a_runway_still_operational_is_not_closed():
    assert not is_same("The main runway at Holm airport remains operational.", "The main runway at Holm airport has been closed.")


def test_refraining_from_an_act_denies_it():
    assert not is_same("The bakery chain refrained from raising bread prices.", "The bakery chain raised bread prices.")
    assert is_same("The bakery chain refrained from raising bread prices.", "The bakery chain did not raise bread prices.")


def test_reports_confirmed_are_not_reports_called_false():
    # The parser hangs "false" on the wrong noun here; "confirmed" still stands on the true/false axis.
    assert not is_same("The Holm council called reports of a water shortage false.",
                       "The Holm council confirmed reports of a water shortage.")


def test_taking_part_is_not_being_absent():
    assert not is_same("Councillor Brenn was absent from the budget vote.", "Councillor Brenn took part in the budget vote.")


def test_a_scheme_approved_is_not_a_scheme_halted():
    # Two axes of one question, whether the thing goes on.
    assert not is_same("The Holm council approved the harbour tunnel scheme.", "The Holm harbour tunnel scheme was halted.")
    assert not is_same("The coalition in Varde held together after the vote.", "The coalition in Varde ended after the vote.")
    # Both ways the same way: approved, and going ahead.
    assert is_same("The Holm council approved the harbour tunnel scheme.", "The harbour tunnel scheme in Holm will go ahead after the council approved it.")


def test_a_fair_election_is_not_a_rigged_one():
    assert not is_same("The mayoral election in Varde was fair.", "The mayoral election in Varde was rigged.")


def test_a_convoy_that_got_there_was_not_turned_back_or_stopped():
    assert not is_same("The fuel convoy reached Ostby on Friday.", "The fuel convoy to Ostby was turned back on Friday.")
    assert not is_same("The vaccine shipment arrived at the Holm clinic.", "The vaccine shipment was stopped on its way to the Holm clinic.")
    assert is_same("The fuel convoy reached Ostby on Friday.", "On Friday the fuel convoy arrived in Ostby.")
