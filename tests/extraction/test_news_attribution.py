"""Attribution as news copy writes it: appositions, relative clauses, fronted phrases, documents."""
from claims.extraction import SideCues

from .conftest import claim_with, claims_of, worthy


def test_a_speaker_after_a_fronted_phrase_is_still_the_speaker():
    text = (
        "On Tuesday in Marsk, while touring the flooded harbour with her deputy, former mayor Ada Roe said "
        "the sea wall had failed in two places."
    )
    assert claim_with("sea wall", worthy(text)).speaker == "Ada Roe"


def test_a_description_in_apposition_after_a_fronted_phrase_stands_for_the_name():
    text = "Worried by the strike in Holm, Senator Paul Ortez, the budget chairman, said that wages rose 4 percent."
    assert claim_with("4 percent", worthy(text)).speaker == "Paul Ortez"


def test_a_relative_clause_speaker_is_the_person_not_who():
    text = "Sen. Paul Ortez, who chairs the budget committee, said the deficit had doubled to 40 million."
    assert claim_with("deficit", worthy(text)).speaker == "Paul Ortez"


def test_who_told_reporters_is_the_person_the_clause_describes():
    text = "Mayor Ada Roe, who told reporters on Friday that the ferry fares would fall by a third, left early."
    assert claim_with("ferry fares", worthy(text)).speaker == "Ada Roe"


def test_a_relative_clause_between_speaker_and_verb_is_not_what_was_said():
    text = "Ortez, meanwhile, who sits on the harbour board, said the new crane had cost 9 million."
    claim = claim_with("9 million", worthy(text))
    assert (claim.speaker, claim.text) == ("Ortez", "the new crane had cost 9 million")


def test_issued_a_statement_saying_is_the_issuer_speaking():
    text = "Ada Roe issued a statement on Friday saying the ferry had carried 300 passengers."
    assert claim_with("300 passengers", worthy(text)).speaker == "Ada Roe"


def test_saying_after_a_preposition_is_the_subject_of_the_sentence_speaking():
    text = "Ada Roe angered the harbour board by saying that the new crane had cost 9 million."
    assert claim_with("9 million", worthy(text)).speaker == "Ada Roe"


def test_a_speaker_who_was_asked_and_said_keeps_the_shared_subject():
    text = "Paul Ortez was pressed by reporters on Friday and said the budget had a gap of 40 million."
    assert claim_with("40 million", worthy(text)).speaker == "Paul Ortez"


def test_people_more_likely_to_say_something_are_the_ones_saying_it():
    text = "Younger voters were more likely to say the ferry fares had risen by a third."
    assert claim_with("a third", worthy(text)).speaker == "Younger voters"


def test_said_in_a_statement_that_gives_the_clause_after_that():
    text = "Ada Roe said in a statement on Friday that the ferry had carried 300 passengers."
    claim = claim_with("300 passengers", worthy(text))
    assert (claim.speaker, claim.text) == ("Ada Roe", "the ferry had carried 300 passengers")


def test_as_the_newspaper_reported_attributes_the_rest_of_the_sentence():
    text = "As the Marsk Courier reported on Monday, the harbour board spent 9 million on a new crane."
    claim = claim_with("9 million", worthy(text))
    assert claim.speaker == "Marsk Courier"


def test_a_poll_that_found_something_is_its_source():
    text = "A poll released Tuesday by the Holm Institute found that 62 percent of voters would back a new bridge over the river."
    assert "poll" in claim_with("62 percent", worthy(text)).speaker


def test_records_that_show_something_are_their_source():
    text = "County records show the mayor gave 2,000 dollars to both candidates in 2019."
    assert claim_with("2,000 dollars", worthy(text)).speaker == "County records"


def test_a_news_report_with_no_owner_is_itself_the_source():
    text = "A news report published Friday said the harbour master had resigned over the crane contract."
    assert claim_with("harbour master", worthy(text)).speaker == "news report"


def test_what_a_fact_shows_in_the_writer_s_reasoning_has_no_speaker():
    text = "Her popularity shows how deeply the party misjudged its own voters in Holm."
    assert all(c.speaker is None for c in claims_of(text))


def test_what_a_poll_shows_without_a_clause_is_still_its_finding():
    text = "A Holm Gazette poll showed the mayor leading her rival by six points among older voters."
    assert "poll" in claim_with("six points", worthy(text)).speaker


def test_a_campaign_named_after_a_person_is_not_the_person():
    text = "Ada Roe toured the harbour on Monday.\n\nThe Roe campaign said 4,000 volunteers had signed up."
    assert claim_with("4,000 volunteers", worthy(text)).speaker == "Roe campaign"


def test_the_report_said_is_the_report_not_whoever_was_named_last():
    text = (
        "Paul Ortez, a witness, described the collapse of the crane.\n\n"
        "The inspectors' report said the crane had not been serviced for six years."
    )
    assert claim_with("six years", worthy(text)).speaker != "Paul Ortez"


def test_a_comma_dropped_from_a_description_does_not_glue_words_together():
    text = "A fisherman in Marsk, Ohio, told reporters that the ferry had been late for a week."
    assert claim_with("ferry", worthy(text)).speaker == "fisherman in Marsk Ohio"


def test_a_person_who_found_a_way_reports_no_finding():
    text = "In the port towns, Ada Roe found a receptive audience for her plan to rebuild the harbour."
    assert all(c.speaker is None for c in claims_of(text))


def test_a_plan_to_admit_refugees_is_not_someone_admitting_something():
    text = "The council debated the mayor's plan to admit 300 refugees to the town by the summer."
    assert all(c.speaker is None for c in claims_of(text))


def test_what_the_poll_found_after_the_finding_is_the_polls():
    text = "Nearly half of the farmers in Oslen have an unfavourable view of the mayor, the poll found."
    assert claim_with("unfavourable view", claims_of(text)).speaker == "poll"


def test_what_data_show_is_a_finding():
    text = "Data show that the average wage for nurses in Oslen is higher than for teachers."
    assert claim_with("average wage", claims_of(text)).speaker == "Data"


def test_what_an_inquiry_found_is_its_finding():
    text = "The inquiry found that the harbour office almost never searched its own files before 2011."
    assert claim_with("searched its own files", claims_of(text)).speaker == "inquiry"


def test_what_a_newspaper_revealed_is_its_report():
    text = "The Harbor Gazette revealed that the mayor used a private account for city business."
    assert claim_with("private account", claims_of(text)).speaker == "Harbor Gazette"


def test_a_poll_showing_a_candidate_with_a_lead_is_a_finding_with_all_it_says():
    text = "A Harbor poll out Monday showed Reyes with a healthy lead over Lind in Oslen, earning 51 percent of the vote."
    claim = claim_with("healthy lead", claims_of(text))
    assert (claim.speaker, "51 percent" in claim.text) == ("Harbor poll out Monday", True)


def test_what_a_person_found_without_a_clause_is_narration():
    text = "Ines Varga interviewed twenty farmers in Oslen and found a surprisingly angry mood."
    assert all(c.speaker is None for c in claims_of(text))


def test_a_speaker_between_commas_after_a_fronted_word_speaks_for_the_whole_sentence():
    text = "Rita Holm spoke at the fair in Oslen. Perhaps, she said, this small town has grown too big too fast."
    assert claim_with("grown too big", claims_of(text)).speaker == "Rita Holm"


def test_a_reported_clause_whose_subject_the_parser_took_for_an_object_is_still_said():
    text = (
        "Nina Varga criticised Tom Bale's votes. She said his constant appeal to his rural county in "
        "defending those votes (though he now backs a new bill) does not work."
    )
    assert claim_with("does not work", claims_of(text)).speaker == "Nina Varga"


def test_a_listener_after_told_is_not_part_of_what_was_said():
    text = "Nina Varga told reporters the plan for the Oslen ferry would fail."
    assert claim_with("ferry", claims_of(text)).text == "the plan for the Oslen ferry would fail"


def test_the_name_after_added_speaks_for_the_quotation_before_it():
    text = (
        '"A lot of people predicted that this issue would fade once the primary was done, and it has not," '
        "added Murphy, referring to the recent spate of shootings."
    )
    assert claim_with("would fade", claims_of(text)).speaker == "Murphy"


def test_a_newspaper_named_at_the_end_reports_the_whole_sentence():
    text = "Nina Varga, director of Farmers for Rivers, said the plan would fail, reports the Harbor Gazette."
    assert claim_with("Nina Varga, director", claims_of(text)).speaker == "Harbor Gazette"


def test_records_a_person_owns_are_that_persons_finding():
    text = "Ada Roe's tax records show that she paid no tax in Oslen in 2019."
    assert claim_with("paid no tax", claims_of(text)).speaker == "Ada Roe"


def test_figures_an_organisation_owns_are_its_finding():
    text = "The Oslen port authority's own figures show that 31 ships were waiting at anchor."
    assert claim_with("31 ships", claims_of(text)).speaker == "Oslen port authority"


def test_its_records_belong_to_the_organisation_just_named():
    text = "The Holm laboratory said in a statement that its storage records showed no break in the cold chain."
    claims = [c for c in claims_of(text) if "cold chain" in c.text]
    assert {c.speaker for c in claims} == {"Holm laboratory"}


def test_two_attributions_joined_by_a_semicolon_keep_their_own_speakers():
    text = "Fiona Marsh said the striker had a hamstring problem; Rui Danton said his client was fit."
    claims = claims_of(text)
    assert (claim_with("hamstring", claims).speaker, claim_with("was fit", claims).speaker) == ("Fiona Marsh", "Rui Danton")


def test_the_person_told_something_is_not_its_speaker():
    text = "Rui Danton said his client was fit and had been told by the club to stay away."
    assert {c.speaker for c in claims_of(text) if "stay away" in c.text} == {"Rui Danton"}


def test_an_act_reported_inside_someones_clause_is_part_of_their_claim():
    text = "Villaro missed training. Fiona Marsh said he had reported a hamstring problem."
    assert {c.speaker for c in claims_of(text) if "hamstring" in c.text} == {"Fiona Marsh"}


def test_who_has_told_clubs_that_is_an_attribution_not_an_aside():
    text = (
        "Harbury Athletic said that Mateo Villaro has no release clause, contradicting his agent, "
        "who has told at least two clubs that the striker can leave for 18 million."
    )
    assert claim_with("can leave", claims_of(text)).speaker == "his agent"


def test_what_someone_said_a_thing_does_in_a_relative_clause_is_theirs():
    text = "Andrea Fitch said the rival campaign had left out the lot levy, which she said would raise 13 million a year."
    assert claim_with("13 million", claims_of(text)).text == "would raise 13 million a year"


def test_an_object_of_said_that_a_participle_describes_is_the_reported_clause():
    text = "The lead author, Dr. Corinne Adebayo, said the gap held after the team adjusted for family income."
    assert claim_with("gap held", claims_of(text)).speaker == "Corinne Adebayo"


def test_what_an_audit_would_find_is_a_prediction_not_a_finding():
    text = "Owen Tramm spoke in Larkin. He said the audit would find at least 15 million in waste."
    assert {c.speaker for c in claims_of(text) if "waste" in c.text} == {"Owen Tramm"}


def test_what_a_study_showed_inside_a_press_release_is_the_press_offices_claim():
    text = "In a news release, the university press office said the findings showed that banning phones improves grades."
    assert {c.speaker for c in claims_of(text) if "improves grades" in c.text} == {"university press office"}


def test_a_speech_verb_with_a_nominal_object_is_an_act_of_speech():
    text = "Mara Lenz tweeted her thanks to the ferry crews of Oslen."
    assert claim_with("her thanks", claims_of(text)).speaker == "Mara Lenz"


def test_a_deed_told_with_added_stays_narration():
    text = "Regional trains added four extra carriages to morning services on Wednesday."
    assert [c.kind for c in claims_of(text)] == ["narration"]


def test_a_speech_act_in_a_subordinate_clause_is_narration():
    text = "Counting was suspended in two districts on Monday after both candidates claimed victory."
    assert [(c.kind, c.speaker) for c in claims_of(text)] == [("narration", None)]


def test_a_first_name_the_recogniser_missed_still_makes_a_person_for_she():
    text = "Mayor Renata Vickery unveiled the plan on Monday. She said the levy would raise 13 million."
    assert claim_with("levy", claims_of(text)).speaker == "Renata Vickery"


def test_a_past_tense_conjunct_about_the_speaker_after_a_present_claim_is_narration():
    text = "Ortez said the real culprit is the harbour board, and he attacked its chair for failing to repair the crane."
    claim = claim_with("culprit", claims_of(text))
    assert (claim.speaker, claim.text) == ("Ortez", "the real culprit is the harbour board")


def test_a_reported_clause_opening_with_a_gerund_is_what_was_said():
    text = "Ortez said raising the toll could put hundreds of drivers back on the old coast road."
    claim = claim_with("toll", claims_of(text))
    assert (claim.speaker, claim.text) == ("Ortez", "raising the toll could put hundreds of drivers back on the old coast road")


def test_the_people_a_pitch_is_made_to_are_not_the_ones_saying_it():
    text = "Mayor Ada Roe is making a pitch to Holm voters saying a state law banning night ferries is hurting the economy."
    assert claim_with("night ferries", claims_of(text)).speaker == "Ada Roe"


def test_a_letter_sent_to_a_board_saying_something_is_the_senders_claim():
    text = "Paul Ortez sent a letter to the harbour board saying the crane had cost 9 million."
    assert claim_with("9 million", claims_of(text)).speaker == "Paul Ortez"


def test_a_one_word_answer_to_a_pollster_is_what_the_respondents_said():
    text = "Asked whether the ferry should run at night, 72 percent of residents said yes."
    claim = claim_with("yes", claims_of(text))
    assert (claim.speaker, claim.text) == ("72 percent of residents", "yes")


def test_proclaimed_after_a_quotation_is_an_attribution():
    text = "Ferries are “the ultimate safety crisis,” Ada Roe, the former mayor of Marsk, proclaimed to a cheering crowd on Tuesday."
    assert claim_with("safety crisis", claims_of(text)).speaker == "Ada Roe"


def test_saying_no_to_a_war_is_a_vote_not_an_answer():
    text = "Paul Ortez said no to the harbour war in 2008."
    assert not [c for c in claims_of(text) if c.text == "no"]


def test_a_participle_after_said_and_a_comma_is_not_the_reported_clause():
    text = "\"He will never win the valley,\" she said, recalling her own race: \"I'm not sure he hurt me.\""
    assert not [c for c in claims_of(text) if "she said" in c.text]


def test_what_a_speaker_denies_is_stored_with_the_denial_not_as_their_own_account():
    claim = claim_with("had fired on the depot", worthy(
        "Army spokesman Ivo Brun denied that Norlandic troops had fired on the depot at Holm on Sunday."
    ))
    assert (claim.text, claim.speaker) == ("denied that Norlandic troops had fired on the depot at Holm on Sunday", "Ivo Brun")


def test_a_document_by_an_author_speaks_for_its_author():
    text = "A report by the regional auditor in May found that the tunnel cost 30 million more than planned."
    assert claim_with("tunnel", worthy(text)).speaker == "regional auditor"


def test_documents_released_by_a_firm_speak_for_the_firm():
    text = "Satellite images released by the mapping firm Orbital Eye showed 40 tanks near the border."
    assert claim_with("40 tanks", worthy(text)).speaker == "Orbital Eye"


def test_records_from_an_author_show_the_author_s_finding_even_when_misparsed():
    text = "Records from Dunmere council show that inspectors visited the site twice in the spring."
    assert claim_with("inspectors", worthy(text)).speaker == "Dunmere council"


def test_a_poll_that_puts_a_candidate_at_a_figure_is_the_source_of_the_figure():
    text = "A Tellbridge College poll released Monday put Roe at 44 percent and Ash at 41 percent."
    claim = claim_with("44 percent", worthy(text))
    assert (claim.speaker, claim.kind) == ("Tellbridge College poll", "reported_speech")


def test_the_same_figures_point_back_to_their_author():
    text = (
        "Official figures from the state transport office show ridership fell by 12 percent last year. "
        "The same figures put bus ridership at 40,000 a day."
    )
    assert claim_with("40,000", worthy(text)).speaker == "state transport office"


def test_putting_a_thing_somewhere_is_no_estimate():
    [claim] = worthy("The harbour crew put the damaged boat on a trailer at noon.")
    assert claim.speaker is None


def test_a_share_of_respondents_speaks_through_the_poll():
    text = "A Tellbridge College poll released Monday put Roe at 44 percent. Nine percent said they were undecided."
    assert claim_with("undecided", worthy(text)).speaker == "Nine percent in the Tellbridge College poll"


def test_what_a_study_is_about_is_no_part_of_its_name():
    text = "A study of 9,400 adults found that regular walkers lived two years longer."
    assert claim_with("walkers", worthy(text)).speaker == "study"


def test_adding_posts_is_a_deed_and_the_source_is_who_it_is_according_to():
    text = "The harbour budget adds 24 pilot posts, according to the port office."
    assert claim_with("24 pilot posts", worthy(text)).speaker == "port office"


def test_a_quotation_after_a_deed_of_adding_is_the_speaker_s():
    text = 'Speaking in Holm, Tom Vale said the state had added 8,000 jobs, "more than any governor before me."'
    assert claim_with("more than any governor", worthy(text)).speaker == "Tom Vale"


def test_a_thing_written_with_a_relative_clause_is_no_reported_clause():
    text = "Sen. Ian Moor said she had written the cost cap that made the final bill pass."
    claims = [c for c in worthy(text) if "cost cap" in c.text]
    assert [c.speaker for c in claims] == ["Ian Moor"]


def test_what_someone_could_not_confirm_is_reported_by_who_tells_of_it():
    text = (
        "Ada Roe, the board's chief executive, said the official had not been able to confirm that the "
        'paper was genuine. "We get several fake papers every season," she said.'
    )
    assert claim_with("fake papers", claims_of(text)).speaker == "Ada Roe"
    assert {c.speaker for c in claims_of(text) if "genuine" in c.text} == {"Ada Roe"}


def test_a_warning_given_to_nobody_named_is_reported_by_who_tells_of_it():
    text = "The Holm teachers' union said the board had been warned in March that its printer did not lock its stores."
    claims = [c for c in worthy(text) if "printer" in c.text]
    assert {c.speaker for c in claims} == {"Holm teachers' union"}


def test_a_whose_clause_the_parser_took_for_what_was_said_leaves_the_name_before_it_speaking():
    # The parse as the parser sometimes gives it: the "whose" clause read as reported by "said",
    # with the noun at its end right before the verb.
    from spacy.tokens import Doc

    from claims.extraction.attribution import subject_of
    from claims.extraction.nlp import pipeline

    words = "Holm 's mayor , Ivo Brant , whose own office collapsed in the flood , said the city asked for tents .".split()
    heads = [2, 0, 10, 2, 5, 2, 5, 9, 9, 10, 15, 10, 13, 11, 10, 15, 17, 18, 15, 18, 19, 15]
    deps = ["poss", "case", "nsubj", "punct", "compound", "appos", "punct", "poss", "amod", "nsubj", "ccomp", "prep",
            "det", "pobj", "punct", "ROOT", "det", "nsubj", "ccomp", "prep", "pobj", "punct"]
    pos = ["PROPN", "PART", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "DET", "ADJ", "NOUN", "VERB", "ADP", "DET",
           "NOUN", "PUNCT", "VERB", "DET", "NOUN", "VERB", "ADP", "NOUN", "PUNCT"]
    tags = ["NNP", "POS", "NN", ",", "NNP", "NNP", ",", "WP$", "JJ", "NN", "VBD", "IN", "DT", "NN", ",", "VBD", "DT",
            "NN", "VBD", "IN", "NNS", "."]
    doc = Doc(pipeline().vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    assert subject_of(doc[15]).text == "Brant"


def test_records_shown_as_the_root_of_a_misread_sentence_still_speak_for_their_author():
    text = (
        "Obi said the members had been paying rent into a separate account. Records from Kelwick council show "
        "that health officers visited the block four times between October and January."
    )
    assert claim_with("health officers", worthy(text)).speaker == "Kelwick council"


def test_a_laboratory_report_that_puts_a_figure_speaks_for_the_laboratory():
    text = "A report from the Dunmere laboratory, seen by this newspaper, puts the level at 4.2 nanograms per millilitre."
    assert claim_with("4.2 nanograms", worthy(text)).speaker == "Dunmere laboratory"


def test_a_note_from_a_journal_speaks_for_the_journal():
    text = "The analysis appears in a supplement that was not reviewed, according to a note from the journal."
    assert claim_with("supplement", worthy(text)).speaker == "journal"


def test_a_statement_from_an_office_speaks_for_the_office():
    text = "The ferry carried 300 people on Sunday, according to a statement from the port authority."
    assert claim_with("300 people", worthy(text)).speaker == "port authority"

def test_a_participle_of_speech_after_the_reported_clause_is_the_speakers_next_claim():
    text = "Lena Brask said the ferry was not losing money, noting that most of the fares would go to the harbour fund."
    claims = claims_of(text)
    first, second = claim_with("losing money", claims), claim_with("harbour fund", claims)
    assert (first.text, second.speaker) == ("the ferry was not losing money", "Lena Brask")


def test_telling_someone_after_the_reported_clause_is_not_part_of_it():
    text = "Tomas Ekdal said he saw no reason to change the toll, telling the Marsk Courier that drivers had accepted it."
    assert claim_with("no reason", claims_of(text)).text == "he saw no reason to change the toll"


def test_a_conjunct_in_the_reporting_verbs_tense_is_the_speakers_next_act():
    text = "Mara Lenz said she admires the harbour master's patience and praised the crews of the night ferry."
    assert claim_with("patience", claims_of(text)).text == "she admires the harbour master's patience"


def test_a_conjunct_in_the_clauses_own_tense_stays_in_the_clause():
    text = "Mara Lenz said the shipyard opened a new dock in Holm and hired 300 welders."
    assert "300 welders" in claim_with("new dock", claims_of(text)).text


def test_a_denial_after_the_reported_clause_is_the_speakers_own_claim():
    text = "The Holm port authority said its cranes had been repaired in May and denied closing the night ferry."
    claims = claims_of(text)
    assert (claim_with("repaired", claims).text, claim_with("denied", claims).speaker) == (
        "its cranes had been repaired in May", "Holm port authority"
    )


def test_a_past_that_reads_like_the_bare_verb_stays_in_a_clause_with_would():
    text = "Ortez said the bridge would bring 900 jobs and cut the toll by half."
    assert "cut the toll" in claim_with("900 jobs", claims_of(text)).text


def test_a_poll_that_found_something_last_week_is_its_source():
    text = "A Holm Gazette poll found on Monday that the mayor would beat her rival by six points."
    assert claim_with("six points", claims_of(text)).speaker == "Holm Gazette poll"


def test_the_one_prompted_to_accuse_is_the_accuser_not_what_prompted_them():
    text = "The vote prompted Lena Brask to accuse the mayor of hypocrisy on air."
    assert claim_with("hypocrisy", claims_of(text)).speaker == "Lena Brask"


def test_who_ordered_someone_to_act_saying_something_is_the_speaker():
    text = "The Holm safety board ordered Tessel Radiators to recall 8,000 heaters, saying a faulty switch had caused 14 fires."
    assert claim_with("faulty switch", claims_of(text)).speaker == "Holm safety board"


def test_a_share_of_those_asked_is_the_speaker_even_when_hung_on_the_verb():
    text = "About 4 in 10 say they want the next mayor of Holm to rebuild the harbour."
    assert claim_with("rebuild the harbour", claims_of(text)).speaker == "About 4 in 10"


def test_when_a_report_spoke_is_no_part_of_its_name():
    text = "The congressional report on Wednesday said the harbour crane had not been serviced since 2019."
    assert claim_with("serviced", claims_of(text)).speaker == "congressional report"


def test_the_month_of_a_poll_is_no_part_of_its_name():
    text = "A Holm Gazette poll in June showed Roe with 40 percent of the vote."
    assert claim_with("40 percent", claims_of(text)).speaker == "Holm Gazette poll"


def test_records_named_at_the_end_of_a_sentence_are_its_source():
    text = "In all, the Holm ferry committee raised 57 million dollars, harbour board records show."
    claim = claim_with("57 million", claims_of(text))
    assert (claim.speaker, claim.text) == ("harbour board records", "In all, the Holm ferry committee raised 57 million dollars")


def test_a_show_at_the_harbour_is_no_finding():
    text = "The mayor of Holm watched the whole harbour show."
    assert all(c.speaker is None for c in claims_of(text))


def test_a_newspaper_named_last_before_its_verb_reports_the_whole_attribution():
    text = "The Roe campaign said the mayor would attend two ferry events in Holm on Saturday, the Marsk Courier reported."
    claims = claims_of(text)
    outer = claim_with("The Roe campaign said", claims)
    assert (outer.speaker, claim_with("two ferry events", [c for c in claims if c is not outer]).speaker) == (
        "Marsk Courier", "Roe campaign"
    )


def test_a_name_after_a_quotation_that_the_parser_makes_the_root_still_speaks():
    text = "“Roe needs a plan for the harbour voters,” Nate Sill, the polling expert who founded Holm Data, tweeted on Wednesday."
    assert claim_with("harbour voters", claims_of(text)).speaker == "Nate Sill"


def test_an_unknown_surname_after_said_is_the_speaker_and_explains_too():
    text = "“Having access to the harbour file is valuable,” said Skelly, explaining he worked more closely with Roe."
    claims = claims_of(text)
    assert (claim_with("harbour file", claims).speaker, claim_with("more closely", claims).speaker) == ("Skelly", "Skelly")


def test_saying_after_a_comma_is_the_subjects_not_the_objects():
    text = "Ortez rejected the notion that the crane episode should be forgotten, saying that the harbour board must resign."
    assert claim_with("board must resign", claims_of(text)).speaker == "Ortez"


def test_a_scene_set_before_the_speaker_is_not_part_of_what_was_said():
    text = "In a statement released shortly after the mayor suspended her campaign, Ortez said he is certain Roe will stay a champion of the harbour."
    assert claim_with("champion", claims_of(text)).text == "he is certain Roe will stay a champion of the harbour"


def test_a_clause_opened_by_after_does_not_push_out_what_was_said_before_the_speaker():
    text = (
        "Water samples its volunteers took near the Holm plant showed nitrate levels 30 times the limit, "
        "the group said, hours after the company said the leak had been stopped."
    )
    assert claim_with("nitrate levels", claims_of(text)).speaker == "group"


def test_a_gloss_after_a_dash_at_the_end_of_the_reported_clause_is_the_writers():
    text = "Ortez said he would not run for the harbour board again - a decision he had hinted at for months."
    assert claim_with("harbour board", claims_of(text)).text == "he would not run for the harbour board again"


def test_a_description_between_dashes_stays_in_the_reported_clause():
    text = "Ortez said the harbour board - a body of nine farmers - had failed the town."
    assert claim_with("harbour board", claims_of(text)).text == "the harbour board - a body of nine farmers - had failed the town"


def test_what_a_witness_will_say_is_part_of_the_plan_not_the_witness_s_claim():
    text = "Court filings seen by this newspaper show that the defence intends to call an engineer who will say the railings met the standard."
    claim = claim_with("intends to call an engineer", claims_of(text))
    assert claim.speaker == "Court filings"
    assert "met the standard" in claim.text
    assert all(c.speaker != "engineer" for c in claims_of(text))


def test_a_witness_who_said_something_is_still_reported():
    text = "The court heard from an engineer who said the railings were too low."
    assert claim_with("railings were too low", claims_of(text)).speaker == "engineer"


def test_a_second_that_clause_is_the_speaker_s_even_when_it_says_what_photos_show():
    text = (
        "A company spokeswoman said the pool had been drained deliberately, under a permit granted in 2022, "
        "and that the photos showed fresh paint, not mould."
    )
    claims = claims_of(text)
    assert claim_with("drained deliberately", claims).speaker == "company spokeswoman"
    photos = claim_with("photos showed fresh paint", claims)
    assert photos.speaker == "company spokeswoman"
    assert not photos.text.startswith("that")


def test_a_report_speaks_through_what_it_records_and_lists():
    text = (
        "An incident report seen by this newspaper records that a guest fell on the stairs in May. "
        "The report lists poor lighting as a contributing factor."
    )
    claims = claims_of(text)
    assert claim_with("a guest fell on the stairs", claims).speaker == "incident report"
    assert claim_with("poor lighting", claims).speaker == "incident report"


def test_a_person_who_records_or_lists_something_is_doing_it_not_reporting():
    claims = claims_of("The band recorded an album in Oslo. The teacher listed the pupils who had passed.")
    assert all(c.speaker is None for c in claims)


def test_whoever_puts_a_figure_on_something_makes_the_estimate():
    claim = claim_with("turnout at about 58 percent", worthy("The county board put turnout at about 58 percent, up from 49 percent."))
    assert claim.speaker == "county board"
    assert claim_with("crowd at 4,000", worthy("Police put the crowd at 4,000.")).speaker == "Police"


def test_putting_something_somewhere_without_a_figure_is_no_estimate():
    assert claim_with("blame on the referee", claims_of("The coach put the blame on the referee.")).speaker is None


def test_a_speaker_described_by_a_relative_clause_still_posts_the_quotation():
    text = "Ivo Novak, who was booked for the challenge, posted on Instagram after the match: “Never a foul. Didn’t touch him.”"
    claim = claim_with("Never a foul", claims_of(text))
    assert (claim.speaker, claim.kind) == ("Ivo Novak", "direct_quote")


def test_a_name_the_parser_split_into_two_subjects_is_one_speaker():
    sides = (SideCues("Trust", ("trust", "hospital")), SideCues("Union", ("union", "Nurses Union")))
    text = (
        "\"Our members are going home in tears,\" said Ada Kiely, the union's regional officer.\n\n"
        "Kiely said two nurses on Ward 9 had resigned in November."
    )
    claims = claims_of(text, sides=sides)
    assert (claim_with("going home in tears", claims).speaker, claim_with("going home in tears", claims).side) == ("Ada Kiely", "Union")
    resigned = claim_with("two nurses on Ward 9", claims)
    assert (resigned.speaker, resigned.side) == ("Ada Kiely", "Union")


def test_an_adverb_before_a_verb_with_its_own_subject_is_no_speaker():
    assert claim_with("ward had closed", claims_of("Officials quickly said the ward had closed.")).speaker == "Officials"
