"""Choosing an article's topic from its text: only when the registry makes it clear.

The sentences are invented for these tests; the registry is two made-up stories.
"""
import pytest

from claims.services.topics import TopicUnclear, guess_topic, load_topic_terms, words

from ..factories import SideFactory, SourceFactory, TopicFactory


@pytest.fixture
def registry(db):
    dam = TopicFactory(name="Valley dam dispute")
    SideFactory(topic=dam, name="Builders", cues="Hydra Power, dam company")
    farmers = SideFactory(topic=dam, name="Farmers", cues="growers, Valley Farmers Union")
    SourceFactory(name="Mara Olsen", aliases="the union's chair", side=farmers)
    strike = TopicFactory(name="Harbour strike")
    port = SideFactory(topic=strike, name="Port", cues="port authority, harbour master")
    SideFactory(topic=strike, name="Dockers", cues="dockworkers, stevedores")
    SourceFactory(name="Ivo Brandt", aliases="Brandt", side=port)
    SourceFactory(name="Unaligned Person", side=None)  # a source with no side points nowhere
    return {"dam": dam, "strike": strike}


def test_a_text_naming_one_story_sources_and_cues_gets_that_topic(registry):
    guess = guess_topic("Mara Olsen said growers would lose half their fields if Hydra Power fills the reservoir.")
    assert guess.topic == registry["dam"]
    assert guess.chosen.evidence == ("Mara Olsen", "growers", "Hydra Power")


def test_two_cue_words_are_not_enough(registry):
    guess = guess_topic("Local growers expect a fine harvest this autumn, Hydra Power's weather office said.")
    assert guess.topic is None
    assert [c.topic for c in guess.candidates] == [registry["dam"]]


def test_two_stories_named_alike_are_unclear_and_both_are_candidates(registry):
    text = "Hydra Power and the growers met on Monday while stevedores and the port authority traded accusations."
    guess = guess_topic(text)
    assert guess.topic is None
    assert {c.topic for c in guess.candidates} == {registry["dam"], registry["strike"]}


def test_a_story_well_ahead_of_a_passing_mention_is_chosen(registry):
    text = (
        "Ivo Brandt told dockworkers that the port authority would not reopen talks. "
        "Brandt said stevedores had blocked three berths. Elsewhere, growers met for a fair."
    )
    guess = guess_topic(text)
    assert guess.topic == registry["strike"]
    assert guess.candidates[1].topic == registry["dam"]


def test_a_text_naming_nothing_of_the_registry_has_no_topic_and_no_candidates(registry):
    guess = guess_topic("The library will open late on Sundays during the summer, a spokesperson said.")
    assert (guess.topic, guess.candidates) == (None, [])


def test_a_source_without_a_side_is_no_evidence(registry):
    guess = guess_topic("Unaligned Person said Unaligned Person would speak again tomorrow.")
    assert guess.candidates == []


@pytest.mark.parametrize(
    "text, found",
    [
        ("The pro-Hydra Power camp, the DAM COMPANY and GROWERS rallied.", True),  # hyphen, case
        ("The union's chair spoke; Mara Olsen's growers listened.", True),  # possessives
        ("Hydra\nPower   and the growers beside the dam\ncompany", True),  # names over line breaks
        ("Hydrant power for overgrowers of the damp company", False),  # parts of other words
    ],
)
def test_words_are_matched_whole_whatever_their_case_or_spacing(registry, text, found):
    assert (guess_topic(text).topic == registry["dam"]) is found


def test_an_empty_registry_chooses_nothing(db):
    assert guess_topic("Hydra Power and the growers argued again.", []).topic is None


def test_the_registry_is_read_once_for_many_texts(registry, django_assert_num_queries):
    with django_assert_num_queries(3):
        terms = load_topic_terms()
    with django_assert_num_queries(0):
        guesses = [guess_topic(text, terms) for text in ("Brandt and the dockworkers.", "Mara Olsen and Hydra Power.")]
    assert [g.topic for g in guesses] == [registry["strike"], registry["dam"]]


def test_possessives_and_hyphens_part_words():
    assert words("Pro-Kremlin officials’ and Kyiv's") == ("pro", "kremlin", "officials", "and", "kyiv")


@pytest.mark.parametrize(
    "text, said",
    [
        ("Hydra Power and the growers met while stevedores and the port authority argued.",
         "it names words of Harbour strike (port authority, stevedores); Valley dam dispute (growers, Hydra Power)."),
        ("Some growers came.", "names too little to be sure of its topic: only Valley dam dispute (growers)."),
        ("The library opens late.", "The text names no source or cue word of any topic."),
    ],
    ids=["two-topics", "one-weak-topic", "nothing"],
)
def test_the_question_says_what_the_text_names(registry, text, said):
    [message] = TopicUnclear(guess_topic(text)).message_dict["topic"]
    assert said in message and "No topic (no sides, no disputes)" in message


# Text pasted from web pages carries invisible format characters inside words (a soft hyphen
# where the page may break a line, a zero-width space or joiner) and full-width letters from
# East Asian layouts. A reader sees "Mara Olsen" and "Hydra Power"; so must the guess.
@pytest.mark.parametrize("invisible", ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
def test_invisible_characters_inside_words_do_not_hide_the_registry_s_names(registry, invisible):
    text = (f"Mara Ol{invisible}sen said gro{invisible}wers would lose half their fields if "
            f"Hydra Po{invisible}wer fills the reservoir.")
    assert guess_topic(text).topic == registry["dam"]


def test_full_width_letters_read_as_the_names_they_show(registry):
    text = "Ｍａｒａ Ｏｌｓｅｎ said ｇｒｏｗｅｒｓ would lose half their fields if Hydra Power fills the reservoir."
    assert guess_topic(text).topic == registry["dam"]


def test_the_question_names_a_few_words_of_each_topic_not_thousands(db):
    # A long wire digest can name hundreds of registered sources of two stories at once.
    dam, strike = TopicFactory(name="Valley dam dispute"), TopicFactory(name="Harbour strike")
    builders = SideFactory(topic=dam, name="Builders", cues="")
    port = SideFactory(topic=strike, name="Port", cues="")
    for n in range(300):
        SourceFactory(name=f"Engineer{n}", side=builders)
        SourceFactory(name=f"Pilot{n}", side=port)
    text = " ".join(f"Engineer{n} and Pilot{n} spoke." for n in range(300))
    [message] = TopicUnclear(guess_topic(text)).message_dict["topic"]
    assert len(message) < 600
    assert "and 295 more" in message and "Engineer" in message and "Pilot" in message
