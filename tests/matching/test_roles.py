"""Who does what to whom, and from where to where: the same words in other places say another thing.

Our own sentences; each rule is paired with a paraphrase that must still match.
"""
from claims.matching import compare, same_claim
from claims.matching.signature import claim_signature


def is_same(a, b):
    return same_claim(a, b).same


def test_firing_at_someone_is_not_being_fired_at():
    assert not is_same("Riot police fired tear gas at the dockworkers.", "The dockworkers fired tear gas at riot police.")
    assert is_same("Riot police fired tear gas at the dockworkers.", "Tear gas was fired at the dockworkers by riot police.")


def test_strikes_on_a_country_are_not_strikes_by_it():
    assert not is_same("Norland launched missile strikes on Sudmark overnight.",
                       "Sudmark launched missile strikes on Norland overnight.")


def test_where_a_job_cut_happens_is_not_its_target():
    # "at the bakery chain" says where, not at whom: no verb there sends anything.
    assert is_same("The bakery chain will cut 900 jobs by 2028.", "Some 900 jobs will go at the bakery chain by 2028.")


def test_lending_to_someone_is_not_borrowing_from_them():
    assert not is_same("The state bank lent the city of Holm 50 million euros.",
                       "The city of Holm lent the state bank 50 million euros.")
    assert is_same("The state bank lent the city of Holm 50 million euros.",
                   "The state bank lent 50 million euros to the city of Holm.")


def test_leaving_a_town_is_not_arriving_in_it():
    assert not is_same("The army evacuated 2,000 civilians from Ostby.", "The army evacuated 2,000 civilians to Ostby.")
    assert not is_same("Three hundred families fled from Varde on Sunday.", "Three hundred families fled into Varde on Sunday.")
    assert is_same("The army evacuated 2,000 civilians from Ostby.", "2,000 civilians were evacuated from Ostby by the army.")


def test_two_names_trading_places_is_another_claim():
    assert not is_same("A Norlandic drone hit a fuel depot in Sudmark.", "A Sudmarkian drone hit a fuel depot in Norland.")
    assert is_same("A Norlandic drone hit a fuel depot in Sudmark.", "A fuel depot in Sudmark was hit by a Norlandic drone.")


def test_two_qualified_officials_are_two_people():
    assert not is_same("The deputy governor of Holm ordered the evacuation of the coast.",
                       "The acting governor of Holm ordered the evacuation of the coast.")
    # Each with a qualifier of its own, equally detailed otherwise.
    assert not is_same("The health minister closed the border crossing at Varde.",
                       "The finance minister closed the border crossing at Varde.")


def test_who_denies_doing_it_is_who_would_have_done_it():
    # "denied hitting": the ministry that denies is the one that would have hit; the other side's
    # "it" is its own army, and Sudmark is only where, there.
    sudmark = claim_signature("The Sudmark defence ministry denied hitting homes.", speaker="Sudmark defence ministry", side="Sudmark")
    norland = claim_signature("it had not targeted homes in Sudmark", speaker="the Norland army", side="Norland")
    assert not compare(sudmark, norland).same
    again = claim_signature("Sudmark's defence ministry said it did not hit any homes.", speaker="Sudmark defence ministry", side="Sudmark")
    assert compare(sudmark, again).same


def test_ordered_someone_to_pay_is_not_paying():
    # Object control: the tribunal orders, the landlord repays.
    assert is_same("The tribunal ordered the landlord to repay 9,000 pounds to the tenants of Mill Row.",
                   "The landlord must repay 9,000 pounds to the tenants of Mill Row, the tribunal ordered.")
