"""Fifth round of matcher rules: our own sentences for each phenomenon, a paraphrase beside every near miss."""
from claims.matching import claim_signature, same_claim


def is_same(a, b):
    return same_claim(a, b).same


# Figures
def test_a_percentage_is_compared_with_percentages_only():
    # The "four" of the vote is no rate: it must not stand in for the 4% the other claim lacks.
    assert not is_same("The central bank cut its rate to 4% on Thursday in a five-to-four vote.",
                       "The central bank cut its rate to 4.25% on Thursday in a five-to-four vote.")
    assert is_same("Unemployment in Holm rose to 5.2% in March.", "Unemployment in Holm rose to 5.2 per cent in March.")
    assert not is_same("Unemployment in Holm rose to 5.2% in March.", "Unemployment in Holm rose to 5.4 per cent in March.")


def test_a_figure_glued_to_its_unit_is_still_a_figure():
    assert not is_same("Last summer was more than 1.5C warmer than the average, the weather service said.",
                       "Last summer was more than 2C warmer than the average, the weather service said.")
    assert is_same("Last summer was more than 1.5C warmer than the average, the weather service said.",
                   "Last summer was over 1.5 degrees Celsius warmer than the average, the weather service said.")
    assert claim_signature("The new wind farm will produce 1.2GW.").numbers == ((1.2, 1.2),)


def test_a_month_is_thirty_days():
    assert is_same("The two parties agreed a 60-day truce on Tuesday.", "The two parties agreed a two-month truce on Tuesday.")
    assert not is_same("The two parties agreed a 90-day truce on Tuesday.", "The two parties agreed a two-month truce on Tuesday.")


def test_a_hedge_before_a_currency_sign_still_hedges_the_sum():
    assert is_same("The appeal has raised £347,000 for the hospice.", "The appeal has raised nearly £350,000 for the hospice.")
    assert not is_same("The appeal has raised £347,000 for the hospice.", "The appeal has raised more than £350,000 for the hospice.")


def test_nil_is_a_score_of_nothing():
    assert is_same("Holm Rovers won 3-0 at home on Saturday.", "Holm Rovers won three-nil at home on Saturday.")


# Who says it
def test_a_source_named_in_full_is_its_initials():
    assert is_same("Varde will host the 2036 regatta, the International Sailing Federation confirmed.",
                   "The 2036 regatta has been awarded to Varde, the ISF confirmed.")
    assert not is_same("Varde will host the 2036 regatta, the International Sailing Federation confirmed.",
                       "Varde will not host the 2036 regatta, the city's mayor said.")


def test_who_is_told_is_not_who_says_it():
    assert is_same('"Ostby has been fully taken," the army chief told the president on Sunday.',
                   "The whole of Ostby has been captured, the president was told on Sunday by the army chief.")


# Who does what to whom
def test_a_place_taken_is_the_place_that_fell():
    assert is_same("Norland's troops seized the town of Ostby in August.", "The town of Ostby fell to Norland's troops in August.")
    assert not is_same("Norland's troops seized the town of Ostby in August.",
                       "Norland's troops fell back from the town of Ostby in August.")


def test_selling_to_someone_is_their_buying():
    assert is_same("Holm City signed the striker Ana Lind from Varde for £40 million.",
                   "Varde sold Ana Lind to Holm City for £40m.")
    assert not is_same("Holm City signed the striker Ana Lind from Varde for £40 million.",
                       "Holm City sold Ana Lind to Varde for £40m.")


def test_a_result_said_from_the_loser_is_the_same_result():
    assert is_same("Holm Rovers beat Varde Town 1-0 in the cup final.", "Varde Town lost 1-0 to Holm Rovers in the cup final.")
    assert not is_same("Holm Rovers beat Varde Town 1-0 in the cup final.", "Holm Rovers lost 1-0 to Varde Town in the cup final.")


def test_two_posts_are_two_people():
    assert not is_same("The company's founder was arrested in Lisbon on Tuesday.",
                       "The company's chief executive was arrested in Lisbon on Tuesday.")
    assert not is_same("The co-pilot was detained at the airport on Friday.", "The pilot was detained at the airport on Friday.")
    assert is_same("Police arrested the firm's founder, Rosa Vale, on Tuesday.", "Rosa Vale, who founded the firm, was detained on Tuesday.")
    assert is_same("The board dismissed the chief executive on Friday.", "The company's chief executive was fired by the board on Friday.")


def test_a_common_noun_after_a_preposition_may_be_a_synonym():
    # "in a row over pay" and "in a dispute over pay": only a named place or actor there tells two claims apart.
    assert is_same("Junior doctors began a three-day strike on Monday in a dispute over pay, their union said.",
                   "Junior doctors began a three-day strike on Monday in a long row over pay, their union said.")
    assert not is_same("Annual inflation in Norland fell to 2.4 percent in May.", "Annual inflation in Sudmark fell to 2.4 percent in May.")


def test_a_company_whose_name_the_parser_splits_is_still_who_acts():
    assert not is_same("Harbour Foods reported a pre-tax profit of £212 million for the year.",
                       "Greenway Stores reported a pre-tax profit of £212 million for the year.")


def test_letting_is_not_barring():
    assert not is_same("The government said it would let the chipmaker sell its processors to Norland.",
                       "The government said it would bar the chipmaker from selling its processors to Norland.")


def test_a_no_that_narrows_a_list_denies_nothing():
    assert is_same("The retailer said hackers had stolen the names and addresses of 2 million customers, but no card details.",
                   "Hackers took the names and addresses of two million of the retailer's customers, the company said.")


def test_the_end_of_a_decade_ends_nothing():
    assert is_same("The carmaker plans to cut 20,000 jobs in Norland under a deal agreed with unions.",
                   "Under an agreement with unions, 20,000 of the carmaker's jobs in Norland will be cut by the end of the decade.")


def test_voting_to_reject_is_a_no():
    assert not is_same("Shareholders in the brewery voted to accept a £92m takeover offer.",
                       "Shareholders in the brewery voted to reject a £92m takeover offer.")
    assert is_same("Shareholders in the brewery voted to accept a £92m takeover offer.",
                   "Shareholders in the brewery approved a £92m takeover offer.")


def test_shelving_a_plan_denies_it():
    assert not is_same("Holm council plans to close three of its ten libraries to save £1.2 million a year.",
                       "Holm council has shelved plans to close three of its ten libraries.")
    assert is_same("Holm council has shelved plans to close three of its ten libraries.",
                   "Plans to shut three of Holm's ten libraries have been dropped by the council.")
    assert not is_same("The government scrapped plans for a new runway at Holm airport.",
                       "The government approved plans for a new runway at Holm airport.")


def test_a_two_word_verb_the_parser_splits_keeps_its_sense():
    # The parser hangs "way" on "overnight"; "gave way" is still a collapse.
    assert not is_same("The flood wall at Varde held overnight as the river peaked at 4.1 metres.",
                       "The flood wall at Varde gave way overnight as the river peaked at 4.1 metres.")


def test_lawfully_is_not_unlawfully():
    assert not is_same("A judge ruled that the landlord had unlawfully evicted the tenants of the Ostby flat.",
                       "A judge ruled that the landlord had lawfully evicted the tenants of the Ostby flat.")
    assert is_same("A judge ruled that the landlord had unlawfully evicted the tenants of the Ostby flat.",
                   "Judge rules eviction of Ostby tenants unlawful")


def test_the_first_day_is_not_the_fourth():
    assert not is_same("Holm were bowled out for 172 on the first day of the second Test in Varde.",
                       "Holm were bowled out for 172 on the fourth day of the second Test in Varde.")


def test_after_a_day_is_one_day():
    assert not is_same("The ministry said its operation in the valley had ended after a day.",
                       "The ministry said its operation in the valley had ended after 44 days.")


def test_driven_back_from_a_place_has_not_taken_it():
    assert not is_same("Rebels have seized the airport in Varde, a rebel spokesman said.",
                       "Rebels have been driven back from the airport in Varde, a rebel spokesman admitted.")


def test_a_name_that_opens_the_sentence_is_a_name():
    assert not is_same("Thames Water has been fined £12m by the regulator for sewage spills.",
                       "Southern Water has been fined £12m by the regulator for sewage spills.")
    assert not is_same("Arsenal signed the winger Tomas Berg from Holm for £40 million.",
                       "Liverpool signed the winger Tomas Berg from Holm for £40 million.")


def test_a_capital_or_a_demonym_speaks_for_its_country():
    assert is_same("Pakistan says it shot down five Indian fighter jets during the overnight clashes.",
                   "Islamabad claims five Indian jets downed")
    assert is_same("Thailand's army said Cambodian troops opened fire first near the border temple on Thursday.",
                   "Thai army says Cambodian troops opened fire first near border temple")
    assert is_same("About 600 aid trucks entered the enclave on Sunday, the UN said.",
                   "Roughly six hundred aid trucks crossed into the enclave on Sunday, according to the United Nations.")


def test_calling_off_is_cancelling():
    assert is_same("The Holm music festival has been cancelled this year because of poor ticket sales, the organisers said.",
                   "Organisers have called off this year's Holm music festival, blaming weak ticket sales.")
    # What one calls off, the other says will happen.
    assert not is_same("Resident doctors in Norland will strike for five days from Friday, their union said.",
                       "The union called off the five-day strike by resident doctors in Norland.")


def test_regaining_is_retaking():
    assert is_same("Sudmark's army said it had regained control of Ostby airport from the rebels.",
                   "Ostby airport has been recaptured from the rebels by the army, Sudmark's military said.")


def test_shot_down_is_intercepted_not_an_amount_going_down():
    assert is_same("Rebels fired about 40 rockets at Varde on Tuesday, most of which were intercepted, the army said.",
                   "Roughly forty rockets were launched by rebels at Varde on Tuesday and most were shot down, the army said.")


def test_with_no_is_without():
    assert is_same("The storm left 200,000 homes without power across the south on Saturday, network operators said.",
                   "Some 200,000 homes were left with no power across the south by the storm on Saturday, operators said.")


def test_figures_read_out_in_words():
    assert is_same("The river crested at 4.9 metres in Holm overnight, the agency said.",
                   "The river in Holm crested at four point nine metres during the night, the agency said.")
    assert is_same("Holm Bank's profit rose 24% to £8.1bn last year.", "Holm Bank's profit rose twenty-four per cent to £8.1 billion last year.")
    assert not is_same("Holm Rovers won 30-5 on Saturday.", "Holm Rovers won 35-0 on Saturday.")


def test_the_coming_years_are_the_next_years():
    assert is_same("Holm council will spend an extra £8m on fixing potholes over the next two years.",
                   "An extra £8 million is to go on repairing potholes in Holm across the coming two years, the council said.")


def test_how_often_is_not_when():
    assert is_same("Holm residents will have their bins emptied every three weeks from October, the council said.",
                   "Holm bins to be emptied every three weeks")


def test_a_headline_giving_the_part_is_not_the_whole():
    assert is_same("The fashion chain will close 46 of its 180 stores after falling into administration.",
                   "Fashion chain to shut 46 stores")
    assert not is_same("The fashion chain will close 46 of its 180 stores after falling into administration.",
                       "The fashion chain will close its stores after falling into administration.")


def test_a_change_by_a_share_is_a_percentage():
    assert is_same("A weekly injection cut the risk of stroke by 20% in a trial of 9,000 patients.",
                   "A weekly injection reduced the risk of stroke by a fifth in a trial of 9,000 patients.")
    assert not is_same("A weekly injection cut the risk of stroke by 20% in a trial of 9,000 patients.",
                       "A weekly injection reduced the risk of stroke by a third in a trial of 9,000 patients.")


def test_what_is_won_is_no_side():
    assert is_same("Carla Ruiz lost the Holm Open final to Ana Lind in four sets.",
                   "Ana Lind beat Carla Ruiz in four sets to win the Holm Open final.")
    assert not is_same("Carla Ruiz lost the Holm Open final to Ana Lind in four sets.",
                       "Carla Ruiz beat Ana Lind in four sets to win the Holm Open final.")


def test_without_a_thing_is_its_opposite():
    assert not is_same("A 17-year-old boy has been charged with the murder of a man in Holm, police said.",
                       "A 17-year-old boy arrested over the murder of a man in Holm has been released without charge, police said.")


def test_kept_in_office_is_not_removed_from_it():
    assert not is_same("Voters in Varde removed Mayor Ann Holt from office in a recall election on Tuesday.",
                       "Voters in Varde kept Mayor Ann Holt in office in a recall election on Tuesday.")
    assert is_same("Voters in Varde removed Mayor Ann Holt from office in a recall election on Tuesday.",
                   "Mayor Ann Holt was ousted by Varde voters in a recall election on Tuesday.")


def test_a_holiday_is_a_date():
    assert not is_same("Shelling of Holm killed two civilians on Saturday, the governor said.",
                       "Shelling of Holm killed two civilians on New Year's Eve, the governor said.")


def test_everyday_synonyms_of_news_copy():
    assert is_same("The wind farm off Holm will power about 1.5 million homes, the government said.",
                   "The wind farm off Holm could power around one and a half million households, the government said.")
    assert is_same("Holm's central library reopened on Saturday after a two-year, £8 million refurbishment.",
                   "Holm library back open after £8m revamp")
