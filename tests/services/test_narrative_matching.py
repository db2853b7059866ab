"""Claims that repeat a known narrative are flagged, by the claim matcher's own "same claim" rule:
a paraphrase of an example matches; a denial, another figure or another place does not."""
import io
import itertools

import pytest

from claims.models import ArticleState, Claim, NarrativeExample, NarrativeMatch
from claims.services import narratives
from claims.services.claims import add_claim_by_hand, split_claim
from claims.services.narrative_matching import match_examples
from claims.services.splitting import split_article

from ..factories import ArticleFactory, ClaimFactory, UserFactory

MASTS = "The 5G masts in Lindholm are making schoolchildren sick."
TURBINES = "Wind turbines killed 4,000 birds in Norland last year."
_reports = itertools.count(1)


def stored(text: str, **fields) -> Claim:
    """A claim stored as the whole of its own article."""
    article = ArticleFactory(body=f"{text}\n\nReport number {next(_reports)}.")
    return ClaimFactory(article=article, text=text, **fields)


def by_hand(text: str) -> Claim:
    """A new claim, stored the way every claim is (its matches found at once)."""
    article = ArticleFactory(body=f"{text}\n\nFiled number {next(_reports)}.")
    return add_claim_by_hand(article=article, text=text, added_by=UserFactory(role="Reviewer"))


def narrative_of(*examples: str, name="5G masts make children ill", editor=None):
    editor = editor or UserFactory(role="Editor")
    return narratives.record_narrative(name=name, summary="Invented; no study found it.", user=editor, examples=examples)


def flagged(claim: Claim) -> set[str]:
    return set(NarrativeMatch.objects.filter(claim=claim).values_list("narrative__name", flat=True))


@pytest.mark.django_db
@pytest.mark.parametrize("text", [
    "Schoolchildren in Lindholm are being made ill by the 5G masts.",
    "The 5G masts in Lindholm are making schoolchildren sick.",
])
def test_a_new_claim_that_tells_the_narrative_in_other_words_is_flagged(text):
    narrative_of(MASTS)
    assert flagged(by_hand(text)) == {"5G masts make children ill"}


@pytest.mark.django_db
@pytest.mark.parametrize("text, why", [
    ("The 5G masts in Lindholm are not making schoolchildren sick.", "a denial of the narrative"),
    ("The 5G masts in Brovik are making schoolchildren sick.", "another place"),
])
def test_a_claim_that_differs_in_what_matters_is_not_flagged(text, why):
    narrative_of(MASTS)
    assert flagged(by_hand(text)) == set(), why


@pytest.mark.django_db
@pytest.mark.parametrize("text, flag", [
    ("Last year wind turbines in Norland killed 4,000 birds.", True),
    ("Wind turbines killed 40 birds in Norland last year.", False),  # another figure
    ("Wind turbines killed 4,000 birds in Sudmark last year.", False),  # another country
])
def test_figures_and_places_of_an_example_count(text, flag):
    narrative_of(TURBINES, name="Turbine bird deaths")
    assert bool(flagged(by_hand(text))) is flag


@pytest.mark.django_db
def test_an_article_split_after_the_narrative_was_recorded_has_its_repeating_claim_flagged(django_capture_on_commit_callbacks):
    narrative_of(MASTS)
    article = ArticleFactory(
        body="Parents told the council that the 5G masts in Lindholm are making schoolchildren sick.\n\n"
        "The council meets again on Thursday to discuss the bus timetable.",
        state=ArticleState.QUEUED,
    )
    with django_capture_on_commit_callbacks(execute=True):  # the matching task, eager as in the embedded default
        split_article(article.pk)
    repeating = [c for c in article.claims.all() if flagged(c)]
    assert [c.text for c in repeating] == [c.text for c in article.claims.all() if "masts" in c.text]


@pytest.mark.django_db
def test_claims_stored_before_the_narrative_are_flagged_when_it_is_recorded(django_capture_on_commit_callbacks):
    earlier = stored("Schoolchildren in Lindholm are being made ill by the 5G masts.")
    other = stored("The 5G masts in Brovik are making schoolchildren sick.")
    with django_capture_on_commit_callbacks(execute=True):  # match_narrative_task, queued on commit
        narrative_of(MASTS)
    assert (flagged(earlier), flagged(other)) == ({"5G masts make children ill"}, set())


@pytest.mark.django_db
def test_the_stored_claims_are_matched_only_once_the_example_is_committed(django_capture_on_commit_callbacks):
    earlier = stored("Schoolchildren in Lindholm are being made ill by the 5G masts.")
    with django_capture_on_commit_callbacks(execute=False) as queued:
        narrative_of(MASTS)
    # The queue's filter menus also note the new narrative on commit (selectors.menus); the
    # matching is the one callback queued by the narrative's examples.
    matching = [c for c in queued if "_queue_matching" in c.__qualname__]
    assert (flagged(earlier), len(matching)) == (set(), 1)


@pytest.mark.django_db
def test_matching_an_example_twice_stores_each_pair_once():
    earlier = stored("Schoolchildren in Lindholm are being made ill by the 5G masts.")
    example = narrative_of(MASTS).examples.get()
    match_examples([example.pk])
    match_examples([example.pk])
    assert NarrativeMatch.objects.filter(claim=earlier).count() == 1


@pytest.mark.django_db
def test_a_picked_claim_is_flagged_as_its_own_example(django_capture_on_commit_callbacks):
    claim = stored(MASTS)
    editor = UserFactory(role="Editor")
    with django_capture_on_commit_callbacks(execute=True):
        narrative = narratives.record_narrative(name="Masts", summary="Invented.", user=editor)
        narratives.add_example(narrative=narrative, user=editor, claim=claim)
    assert NarrativeMatch.objects.get(claim=claim).score == 1.0


@pytest.mark.django_db
def test_an_archived_narrative_flags_no_new_claim():
    editor = UserFactory(role="Editor")
    narrative = narrative_of(MASTS, editor=editor)
    narratives.archive_narrative(narrative=narrative, user=editor)
    assert flagged(by_hand("Schoolchildren in Lindholm are being made ill by the 5G masts.")) == set()


@pytest.mark.django_db
def test_restoring_a_narrative_flags_the_claims_stored_while_it_was_archived(django_capture_on_commit_callbacks):
    editor = UserFactory(role="Editor")
    narrative = narrative_of(MASTS, editor=editor)
    narratives.archive_narrative(narrative=narrative, user=editor)
    claim = by_hand("Schoolchildren in Lindholm are being made ill by the 5G masts.")
    with django_capture_on_commit_callbacks(execute=True):
        narratives.restore_narrative(narrative=narrative, user=editor)
    assert flagged(claim) == {"5G masts make children ill"}


@pytest.mark.django_db
def test_removing_an_example_takes_its_flags_but_not_another_examples():
    editor = UserFactory(role="Editor")
    narrative = narrative_of(MASTS, TURBINES, editor=editor)
    masts = by_hand("Schoolchildren in Lindholm are being made ill by the 5G masts.")
    birds = by_hand("Last year wind turbines in Norland killed 4,000 birds.")
    narratives.remove_example(example=narrative.examples.get(text=MASTS), user=editor)
    assert (flagged(masts), flagged(birds)) == (set(), {"5G masts make children ill"})


@pytest.mark.django_db
def test_a_claim_split_in_two_is_flagged_again_from_its_new_text():
    narrative_of(MASTS)
    text = "The 5G masts in Lindholm are making schoolchildren sick, and the council has approved a new swimming pool."
    claim = by_hand(text)
    assert flagged(claim) == {"5G masts make children ill"}
    first, second = split_claim(claim=claim, at=text.index(", and") + 1 + claim.start, user=UserFactory(role="Editor"))
    assert (flagged(first), flagged(second)) == ({"5G masts make children ill"}, set())


@pytest.mark.django_db
def test_an_example_signature_written_by_other_matcher_code_is_computed_again():
    narrative = narrative_of(MASTS)
    NarrativeExample.objects.update(signature={"not": "ours"}, matcher="0ld")
    claim = by_hand("Schoolchildren in Lindholm are being made ill by the 5G masts.")
    example = NarrativeExample.objects.get(narrative=narrative)
    assert (flagged(claim), example.matcher != "0ld", "terms" in example.signature) == ({narrative.name}, True, True)


@pytest.mark.django_db
def test_match_claims_again_finds_the_narrative_flags_afresh():
    from django.core.management import call_command

    narrative = narrative_of(MASTS)
    claim = by_hand("Schoolchildren in Lindholm are being made ill by the 5G masts.")
    stale = by_hand("The council approved a new swimming pool for Lindholm.")
    NarrativeMatch.objects.create(claim=stale, example=narrative.examples.get(), narrative=narrative, score=0.5)  # an old matcher's mistake
    call_command("match_claims", "--again", stdout=io.StringIO())
    assert (flagged(claim), flagged(stale)) == ({narrative.name}, set())
