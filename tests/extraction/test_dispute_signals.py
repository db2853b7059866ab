"""The general signals disputes are built from: word rarity, stems, figures, opposite words."""
from claims.extraction.disputes.signs import negated_act, opposite_words, stance_of
from claims.extraction.disputes.subject import rarity, stem, subject_of
from claims.extraction.nlp import pipeline


def tokens(text):
    return tuple(pipeline()(text))


def test_a_rare_word_weighs_more_than_a_common_one_in_any_story():
    assert rarity("kettle") > rarity("water") > rarity("people")


def test_an_invented_place_name_weighs_as_much_as_any_word():
    assert rarity("Kelvoria") == 1.0


def test_a_verb_and_its_noun_share_a_stem():
    assert stem("warned") == stem("warning")


def test_no_before_a_noun_is_a_count_of_zero():
    [figure] = subject_of(tokens("No patients were moved from the ward."), set()).figures
    assert figure.value == 0 and figure.unit == "~people"


def test_a_count_of_thousands_reads_the_scale_word():
    [figure] = subject_of(tokens("About 3 million voters stayed at home."), set()).figures
    assert figure.value == 3_000_000


def test_a_negating_prefix_makes_an_opposite_word():
    a, b = stance_of(tokens("The dam is stable."), ()), stance_of(tokens("The dam is unstable."), ())
    assert opposite_words(a, b) == ("stable", "unstable")


def test_a_denial_of_that_account_points_back():
    context = tokens("The ministry rejected that account.")
    assert stance_of(tokens("the convoy carried food"), context).answers_back


def test_a_denial_of_a_stated_fact_does_not_point_back():
    claim = tokens("The ministry denied that the convoy carried weapons.")
    assert not stance_of(claim, ()).answers_back


def test_a_town_the_tagger_reads_as_a_common_noun_is_still_a_name_both_sides_claim():
    from claims.extraction import extract

    from .conftest import NORTH_SOUTH

    text = (
        "Norlandic commanders said their troops had captured Rost on Sunday.\n\n"
        "Sudmarkian officials said Rost remained under Sudmarkian control."
    )
    [dispute] = extract(text, sides=NORTH_SOUTH).disputes
    assert "Rost" in dispute.reason


def test_one_in_ten_is_a_share_read_as_a_percentage():
    [figure] = subject_of(tokens("Only one ferry in ten sailed on Monday."), set()).figures
    assert figure.unit == "percent" and figure.value == 10.0


def test_one_in_four_before_the_noun_is_a_share_too():
    [figure] = subject_of(tokens("One in four trams ran late."), set()).figures
    assert figure.unit == "percent" and figure.value == 25.0


def test_a_number_after_in_that_counts_its_own_noun_stays_a_count():
    figures = subject_of(tokens("Three fires in 14 villages were reported."), set()).figures
    assert sorted(f.value for f in figures) == [3.0, 14.0]


def test_nobody_doing_an_act_denies_the_act():
    a = stance_of(tokens("The mayor's office answered the residents in June."), ())
    b = stance_of(tokens("Nobody at the mayor's office answered the residents."), ())
    assert negated_act(a, b) == stem("answer")


def test_doing_nothing_denies_the_act():
    a = stance_of(tokens("The trust has closed two wards since spring."), ())
    b = stance_of(tokens("We have closed nothing."), ())
    assert negated_act(a, b) == stem("close")


def test_an_act_denied_only_inside_a_description_is_not_denied():
    a = stance_of(tokens("Most families paid the new charge."), ())
    b = stance_of(tokens("Families who did not pay the charge were fined."), ())
    assert negated_act(a, b) is None


def test_the_same_act_affirmed_twice_is_no_disagreement():
    a = stance_of(tokens("The inspectors visited the quarry in May."), ())
    b = stance_of(tokens("The inspectors visited the quarry twice."), ())
    assert negated_act(a, b) is None


def test_no_more_than_a_figure_is_a_limit_not_a_negation():
    assert not stance_of(tokens("The count gave the party no more than 40 percent."), ()).negated
