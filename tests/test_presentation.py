"""How a listed claim reads: a claim that starts with its reporting verb gets its speaker in front;
every other claim is shown as the article wrote it. Plain pytest, our own sentences."""
import pytest

from claims.presentation import headline, headline_html, said_by, starts_with_reporting_verb


@pytest.mark.parametrize(
    "text",
    [
        "accused the harbour authority of hiding the spill",
        "reported a number of blasts near the depot",
        "denied that any ferry had been cancelled",
        "said the bridge would reopen in May",
        "has repeatedly warned that the dam could fail",
        "also told reporters the count was wrong",
        "had earlier claimed the vote was rigged",
        "  insisted the figures were final",
    ],
)
def test_text_opening_with_a_reporting_verb_is_recognised(text):
    assert starts_with_reporting_verb(text)


@pytest.mark.parametrize(
    "text",
    [
        "The harbour authority accused the council of hiding the spill",  # a sentence of its own
        "three districts of the city were shelled overnight",  # lower case, but no speech verb
        "Said Ahmed reported a number of blasts",  # capitalised: a name, not the verb
        "saidly the bridge reopened",  # a longer word that starts like a verb
        "the mayor said the bridge would reopen",
        "",
    ],
)
def test_other_texts_are_not_taken_for_a_reporting_verb(text):
    assert not starts_with_reporting_verb(text)


def test_claim_starting_with_its_verb_is_shown_with_its_speaker():
    assert headline("accused the harbour authority of hiding the spill", "the port workers' union") == (
        "The port workers' union accused the harbour authority of hiding the spill"
    )


def test_claim_that_reads_on_its_own_is_left_as_written():
    text = "The ferry to Lindholm was cancelled on 14 out of 30 days."
    assert headline(text, "Mayor Rolf Tamm") == text


def test_claim_starting_with_its_verb_but_without_a_speaker_is_left_as_written():
    assert headline("reported a number of blasts near the depot", "") == "reported a number of blasts near the depot"
    assert said_by("reported a number of blasts near the depot", "   ") == ""


def test_speaker_spacing_is_tidied_before_it_is_put_in_front():
    assert said_by("denied the report", "  the\n defence   ministry ") == "The defence ministry"


def test_markup_escapes_both_speaker_and_text_and_marks_the_speaker():
    html = headline_html("claimed <b>victory</b> & more", "<script>Ops</script>")
    assert html == '<span class="said-by">&lt;script&gt;Ops&lt;/script&gt;</span> claimed &lt;b&gt;victory&lt;/b&gt; &amp; more'


def test_markup_of_a_plain_claim_is_only_escaped():
    assert headline_html("Prices rose <5%", "Statistics office") == "Prices rose &lt;5%"
