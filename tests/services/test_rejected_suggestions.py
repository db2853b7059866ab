"""A reviewer says the matcher got it wrong: "Not the same claim" on a suggested match, "Not this
narrative" on a narrative flag. The suggestion goes, the marks the queue filters on follow, and
the matcher never makes it again: not when the matching task runs again, not after
`match_claims --again`, not after the article is split again. "Restore suggestion" takes it back."""
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from claims import tasks
from claims.models import ArticleState, Claim, ClaimMatch, MatchRejection, NarrativeMatch, NarrativeRejection
from claims.selectors.history import claim_history
from claims.selectors.matches import matches_published_verdict
from claims.selectors.narratives import repeats_active_narrative
from claims.services import clusters, narratives, rejections
from claims.services.splitting import split_article
from claims.workflow import ReviewState

from ..at_once import outcomes
from ..conftest import ON_POSTGRES
from ..factories import ArticleFactory, UserFactory
from .test_claim_matches import CAPTURED, REPEATING_ARTICLE, by_hand, matched, published
from .test_narrative_matching import MASTS, narrative_of

LYSYCHANSK = "The Defence Ministry in Moscow said Lysychansk had been taken by Russian troops."
PARAPHRASE = "Schoolchildren in Lindholm are being made ill by the 5G masts."


def marks_agree_with_the_rules() -> bool:
    """Every claim's two stored marks say what their rules say."""
    for field, rule in (("matches_published", matches_published_verdict()), ("repeats_narrative", repeats_active_narrative())):
        by_rule = set(Claim.objects.filter(rule).values_list("pk", flat=True))
        if by_rule != set(Claim.objects.filter(**{field: True}).values_list("pk", flat=True)):
            return False
    return True


def fresh(claim: Claim) -> Claim:
    return Claim.objects.get(pk=claim.pk)


@pytest.fixture
def wrong_match(db):
    """A published verdict, and a later article's claim the matcher paired with it."""
    earlier = published(CAPTURED)
    repeat = by_hand(LYSYCHANSK)
    assert matched(repeat) == {earlier.pk} and fresh(repeat).matches_published
    return earlier, repeat


@pytest.fixture
def split_repeat(db, django_capture_on_commit_callbacks):
    """A published verdict, and an article split into claims, one of which the matcher paired with it."""
    earlier = published(CAPTURED)
    article = ArticleFactory(body=REPEATING_ARTICLE, state=ArticleState.QUEUED)
    with django_capture_on_commit_callbacks(execute=True):
        split_article(article.pk)
    repeat = article.claims.get(text__contains="Lysychansk")
    assert matched(repeat) == {earlier.pk}
    return earlier, repeat


# --- Not the same claim -----------------------------------------------------------------------------


def test_a_reviewer_says_a_match_is_not_the_same_claim_and_it_is_no_longer_suggested(wrong_match, reviewer):
    earlier, repeat = wrong_match
    rejections.reject_match(claim=repeat, other=earlier, user=reviewer, reason="Another city's capture.")
    assert (matched(repeat), matched(earlier)) == (set(), set())


def test_the_claims_mark_follows_and_every_mark_still_agrees_with_its_rule(wrong_match, reviewer):
    earlier, repeat = wrong_match
    rejections.reject_match(claim=repeat, other=earlier, user=reviewer)
    assert (fresh(repeat).matches_published, marks_agree_with_the_rules()) == (False, True)


def test_the_rejection_says_who_when_and_why(wrong_match, reviewer):
    earlier, repeat = wrong_match
    before = timezone.now()
    rejection = rejections.reject_match(claim=repeat, other=earlier, user=reviewer, reason="  Another city's capture. ")
    assert (rejection.rejected_by, rejection.rejected_at >= before, rejection.reason) == (reviewer, True, "Another city's capture.")


def test_the_rejection_is_in_the_history_of_both_claims_with_who_did_it(wrong_match, reviewer):
    earlier, repeat = wrong_match
    rejections.reject_match(claim=repeat, other=earlier, user=reviewer, reason="Another city.")
    for claim, other in ((repeat, earlier), (earlier, repeat)):
        [event] = [e for e in claim_history(fresh(claim)) if "not the same claim" in e.what]
        assert (event.who, other.text[:40] in event.note, "Another city." in event.note) == ("rita", True, True)
    assert MatchRejection.history.get().history_user == reviewer


def test_the_pair_stays_rejected_when_the_matching_task_runs_again(wrong_match, reviewer):
    earlier, repeat = wrong_match
    rejections.reject_match(claim=repeat, other=earlier, user=reviewer)
    tasks.match_claims_task([repeat.pk, earlier.pk])
    assert (matched(repeat), fresh(repeat).matches_published) == (set(), False)


def test_the_pair_stays_rejected_after_match_claims_again_while_other_matches_come_back(wrong_match, reviewer):
    earlier, repeat = wrong_match
    other_repeat = by_hand("Lysychansk had been taken by Russian troops, the Defence Ministry in Moscow said.")
    rejections.reject_match(claim=repeat, other=earlier, user=reviewer)
    call_command("match_claims", "--again", stdout=io.StringIO())
    assert earlier.pk not in matched(repeat) and earlier.pk in matched(other_repeat)
    assert marks_agree_with_the_rules()


def test_the_pair_stays_rejected_after_the_article_is_split_again(split_repeat, reviewer, django_capture_on_commit_callbacks):
    earlier, repeat = split_repeat
    rejections.reject_match(claim=repeat, other=earlier, user=reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        split_article(repeat.article_id)  # the claim nobody worked on is replaced by a new one
    again = Claim.objects.get(article_id=repeat.article_id, text=repeat.text)
    assert (again.pk != repeat.pk, matched(again), again.matches_published) == (True, set(), False)


def test_the_same_words_in_another_article_are_still_matched(wrong_match, reviewer):
    earlier, repeat = wrong_match
    rejections.reject_match(claim=repeat, other=earlier, user=reviewer)
    elsewhere = by_hand(f"{LYSYCHANSK}\n\nFiled by another outlet.", LYSYCHANSK)  # another outlet: the reviewer judged one article's claim
    assert earlier.pk in matched(elsewhere)


def test_a_linked_pair_must_be_unlinked_before_it_is_rejected(wrong_match, reviewer):
    earlier, repeat = wrong_match
    clusters.link_as_same_claim(claim=repeat, other=earlier, user=reviewer)
    with pytest.raises(ValidationError, match="Unlink it first"):
        rejections.reject_match(claim=repeat, other=earlier, user=reviewer)
    assert (matched(repeat), MatchRejection.objects.exists()) == ({earlier.pk}, False)


def test_a_claim_that_is_not_a_match_cannot_be_rejected(wrong_match, reviewer):
    _, repeat = wrong_match
    unrelated = by_hand("The bridge over the Dnipro was closed to traffic for repairs.")
    with pytest.raises(ValidationError, match="not one of this claim's matches"):
        rejections.reject_match(claim=repeat, other=unrelated, user=reviewer)
    assert not MatchRejection.objects.exists()


def test_a_pair_rejected_once_cannot_be_rejected_again_from_either_end(wrong_match, reviewer, editor):
    earlier, repeat = wrong_match
    rejections.reject_match(claim=repeat, other=earlier, user=reviewer)
    with pytest.raises(ValidationError, match="already turned down by rita"):
        rejections.reject_match(claim=repeat, other=earlier, user=editor)
    assert MatchRejection.objects.count() == 1


def test_a_match_the_matcher_stored_while_the_pair_was_turned_down_goes_without_a_second_rejection(wrong_match, reviewer):
    earlier, repeat = wrong_match
    rejection = rejections.reject_match(claim=repeat, other=earlier, user=reviewer)
    # The matching task of another import read the rejections just before they were saved.
    ClaimMatch.objects.create(claim_id=max(repeat.pk, earlier.pk), earlier_id=min(repeat.pk, earlier.pk), score=0.9)
    Claim.objects.filter(pk=repeat.pk).update(matches_published=True)
    assert rejections.reject_match(claim=repeat, other=earlier, user=reviewer).pk == rejection.pk
    assert (matched(repeat), MatchRejection.objects.count(), MatchRejection.history.count(),
            marks_agree_with_the_rules()) == (set(), 1, 1, True)


def test_turning_down_a_match_whose_claim_was_deleted_meanwhile_is_refused_clearly(wrong_match, reviewer):
    earlier, repeat = wrong_match
    stale = fresh(repeat)  # the page the reviewer still reads
    Claim.objects.filter(pk=repeat.pk).delete()
    with pytest.raises(ValidationError, match=f"Claim {repeat.pk} was deleted"):
        rejections.reject_match(claim=earlier, other=stale, user=reviewer)
    assert not MatchRejection.objects.exists()


def test_two_restores_of_one_rejection_at_once_restore_it_once(wrong_match, reviewer):
    earlier, repeat = wrong_match
    rejection = rejections.reject_match(claim=repeat, other=earlier, user=reviewer)
    twice = MatchRejection.objects.get(pk=rejection.pk)  # the double click's request read it too
    rejections.restore_match(claim=repeat, rejection=rejection, user=reviewer)
    with pytest.raises(ValidationError, match="restored already"):
        rejections.restore_match(claim=repeat, rejection=twice, user=reviewer)
    assert [e.what for e in claim_history(fresh(repeat))].count("restored the suggestion") == 1


def test_a_reviewer_cannot_reject_matches_of_another_reviewers_claim(wrong_match, reviewer, other_reviewer):
    earlier, repeat = wrong_match
    Claim.objects.filter(pk=repeat.pk).update(assignee=other_reviewer, state=ReviewState.IN_REVIEW)
    with pytest.raises(PermissionDenied):
        rejections.reject_match(claim=repeat, other=earlier, user=reviewer)
    assert (matched(repeat), MatchRejection.objects.exists()) == ({earlier.pk}, False)


@pytest.mark.parametrize("reason", ["x" * 501, "Another city\x00", "bell \x07 in it", "\ud800"])
def test_a_reason_too_long_or_with_a_control_character_is_refused_and_nothing_changes(wrong_match, reviewer, reason):
    earlier, repeat = wrong_match
    with pytest.raises(ValidationError):
        rejections.reject_match(claim=repeat, other=earlier, user=reviewer, reason=reason)
    assert (matched(repeat), MatchRejection.objects.exists(), fresh(repeat).matches_published) == ({earlier.pk}, False, True)


def test_restoring_the_suggestion_brings_the_match_and_its_mark_back(wrong_match, reviewer):
    earlier, repeat = wrong_match
    rejection = rejections.reject_match(claim=repeat, other=earlier, user=reviewer)
    restored = rejections.restore_match(claim=repeat, rejection=rejection, user=reviewer)
    assert (len(restored), matched(repeat), fresh(repeat).matches_published) == (1, {earlier.pk}, True)


def test_restoring_is_recorded_with_who_did_it(wrong_match, reviewer, editor):
    earlier, repeat = wrong_match
    rejection = rejections.reject_match(claim=repeat, other=earlier, user=reviewer)
    rejections.restore_match(claim=repeat, rejection=rejection, user=editor)
    latest = MatchRejection.history.order_by("-history_id").first()
    assert (latest.history_type, latest.history_user) == ("-", editor)
    assert [e.who for e in claim_history(fresh(repeat)) if e.what == "restored the suggestion"] == ["edith"]


def test_a_rejection_of_another_claim_cannot_be_restored_from_this_one(wrong_match, reviewer):
    earlier, repeat = wrong_match
    rejection = rejections.reject_match(claim=repeat, other=earlier, user=reviewer)
    bystander = by_hand("The bridge over the Dnipro was closed to traffic for repairs.")
    with pytest.raises(ValidationError, match="not about this claim"):
        rejections.restore_match(claim=bystander, rejection=rejection, user=reviewer)
    assert MatchRejection.objects.filter(pk=rejection.pk).exists()


# --- Not this narrative ---------------------------------------------------------------------------


@pytest.fixture
def flagged_claim(db, editor):
    narrative = narrative_of(MASTS, editor=editor)
    claim = by_hand(PARAPHRASE)
    assert fresh(claim).repeats_narrative
    return narrative, claim


def test_a_reviewer_says_a_claim_is_not_this_narrative_and_its_flag_goes(flagged_claim, reviewer):
    narrative, claim = flagged_claim
    rejections.reject_narrative(claim=claim, narrative=narrative, user=reviewer, reason="A joke, quoted.")
    assert (NarrativeMatch.objects.filter(claim=claim).exists(), fresh(claim).repeats_narrative,
            marks_agree_with_the_rules()) == (False, False, True)


def test_the_narrative_stays_rejected_when_its_examples_are_matched_again(flagged_claim, reviewer, editor,
                                                                           django_capture_on_commit_callbacks):
    narrative, claim = flagged_claim
    rejections.reject_narrative(claim=claim, narrative=narrative, user=reviewer)
    with django_capture_on_commit_callbacks(execute=True):  # match_narrative_task
        narratives.add_example(narrative=narrative, user=editor, text="Lindholm's 5G masts make schoolchildren ill.")
    assert (NarrativeMatch.objects.filter(claim=claim).exists(), fresh(claim).repeats_narrative) == (False, False)


def test_the_narrative_stays_rejected_after_match_claims_again(flagged_claim, reviewer):
    narrative, claim = flagged_claim
    rejections.reject_narrative(claim=claim, narrative=narrative, user=reviewer)
    another = by_hand(f"{PARAPHRASE}\n\nFiled by another outlet.", PARAPHRASE)  # the same words in another article are still flagged
    call_command("match_claims", "--again", stdout=io.StringIO())
    assert (fresh(claim).repeats_narrative, fresh(another).repeats_narrative, marks_agree_with_the_rules()) == (False, True, True)


def test_a_narrative_turned_down_twice_says_it_was_already_turned_down(flagged_claim, reviewer, editor):
    narrative, claim = flagged_claim
    rejections.reject_narrative(claim=claim, narrative=narrative, user=reviewer)
    with pytest.raises(ValidationError, match="already turned down by rita"):
        rejections.reject_narrative(claim=claim, narrative=narrative, user=editor)
    assert NarrativeRejection.objects.count() == 1


def test_two_restores_of_one_narrative_rejection_at_once_restore_it_once(flagged_claim, reviewer):
    narrative, claim = flagged_claim
    rejection = rejections.reject_narrative(claim=claim, narrative=narrative, user=reviewer)
    twice = NarrativeRejection.objects.get(pk=rejection.pk)
    rejections.restore_narrative(claim=claim, rejection=rejection, user=reviewer)
    with pytest.raises(ValidationError, match="restored already"):
        rejections.restore_narrative(claim=claim, rejection=twice, user=reviewer)
    assert NarrativeRejection.history.filter(history_type="-").count() == 1


def test_a_claim_not_flagged_cannot_be_rejected_for_the_narrative(flagged_claim, reviewer):
    narrative, _ = flagged_claim
    unrelated = by_hand("The council approved a new swimming pool for Lindholm.")
    with pytest.raises(ValidationError, match="not flagged as repeating"):
        rejections.reject_narrative(claim=unrelated, narrative=narrative, user=reviewer)
    assert not NarrativeRejection.objects.exists()


def test_restoring_the_narrative_flags_the_claim_again_and_both_steps_are_in_its_history(flagged_claim, reviewer):
    narrative, claim = flagged_claim
    rejection = rejections.reject_narrative(claim=claim, narrative=narrative, user=reviewer, reason="A joke, quoted.")
    assert rejections.restore_narrative(claim=claim, rejection=rejection, user=reviewer) == 1
    assert fresh(claim).repeats_narrative
    said = [(e.who, e.what, e.note) for e in claim_history(fresh(claim)) if "narrative" in e.what]
    assert said == [("rita", f"restored the narrative {narrative.name}", ""),
                    ("rita", f"said it does not repeat the narrative {narrative.name}", "A joke, quoted.")]


@pytest.mark.parametrize("reason", ["y" * 501, "quoted\x1b[31m"])
def test_a_bad_reason_for_a_narrative_is_refused_and_the_flag_stays(flagged_claim, reviewer, reason):
    narrative, claim = flagged_claim
    with pytest.raises(ValidationError):
        rejections.reject_narrative(claim=claim, narrative=narrative, user=reviewer, reason=reason)
    assert (fresh(claim).repeats_narrative, NarrativeRejection.objects.exists()) == (True, False)


def test_nobody_without_a_role_rejects_a_narrative_flag(flagged_claim):
    narrative, claim = flagged_claim
    with pytest.raises(PermissionDenied):
        rejections.reject_narrative(claim=claim, narrative=narrative, user=UserFactory(role=None))
    assert fresh(claim).repeats_narrative


def test_a_published_claims_matches_are_not_rejected_by_anyone(wrong_match, editor):
    earlier, repeat = wrong_match
    with pytest.raises(PermissionDenied):
        rejections.reject_match(claim=earlier, other=repeat, user=editor)
    assert matched(repeat) == {earlier.pk}


@pytest.mark.skipif(not ON_POSTGRES, reason="SQLite serialises writers: no two transactions are open at once")
@pytest.mark.django_db(transaction=True)
def test_linking_and_turning_down_one_pair_from_its_two_ends_at_once_do_not_deadlock(monkeypatch):
    """One reviewer links the pair from the later claim's page while another says it is not the
    same claim from the earlier one's: one of them wins, the other is told why, neither is a 500."""
    import threading
    import time

    from claims.services import reviews
    from claims.services.matching import find_matches

    from .test_same_claim import repeated

    earlier, later = repeated(), repeated()
    find_matches([earlier, later])
    assert matched(later) == {earlier.pk}
    one, two = UserFactory(role="Editor"), UserFactory(role="Editor")
    barrier = threading.Barrier(2)
    original = reviews.locked

    def slow_locked(claim, seen_version):  # the link holds its first lock while the other request starts
        current = original(claim, seen_version)
        barrier.wait()
        time.sleep(0.5)
        return current

    monkeypatch.setattr(reviews, "locked", slow_locked)

    def turn_down():
        barrier.wait()
        rejections.reject_match(claim=earlier, other=later, user=two)

    answers = outcomes(lambda: clusters.link_as_same_claim(claim=later, other=earlier, user=one), turn_down)
    assert answers == ["ValidationError", "done"]


@pytest.mark.skipif(not ON_POSTGRES, reason="SQLite serialises writers: no two transactions are open at once")
@pytest.mark.django_db(transaction=True)
def test_two_reviewers_turning_down_one_narrative_for_the_same_words_at_once_are_both_answered(monkeypatch):
    """An article that says the same sentence twice has two claims of the same words; two
    reviewers, one on each claim's page, say at the same moment that it is not the narrative.
    The rejection names the words, so there is one: the second reviewer is told it was turned
    down already, and neither gets a 500."""
    import threading
    import time

    from claims.services import narrative_matching

    from ..factories import ClaimFactory

    narrative = narrative_of(MASTS)
    article = ArticleFactory(body=f"{PARAPHRASE} The mayor said it. {PARAPHRASE}")
    twins = [ClaimFactory(article=article, text=PARAPHRASE, start=start, end=start + len(PARAPHRASE))
             for start in (0, len(PARAPHRASE) + 20)]
    narrative_matching.flag_again([claim.pk for claim in twins], narrative)
    assert NarrativeMatch.objects.filter(claim__in=twins).count() == 2
    barrier = threading.Barrier(2)
    original = rejections.narrative_rejection_for

    def looked_up_together(claim, narrative):
        # Each reads "not turned down yet" before either stores its rejection (unless one waits
        # for the other's locks: then the other goes on alone after a while).
        found = original(claim, narrative)
        try:
            barrier.wait(timeout=3)
        except threading.BrokenBarrierError:
            pass
        if claim.pk == twins[1].pk:
            time.sleep(0.5)
        return found

    monkeypatch.setattr(rejections, "narrative_rejection_for", looked_up_together)

    def turn_down(claim):
        return lambda: rejections.reject_narrative(claim=claim, narrative=narrative, user=UserFactory(role="Reviewer"))

    answers = outcomes(*map(turn_down, twins))
    assert (answers, NarrativeRejection.objects.count(), NarrativeMatch.objects.filter(claim__in=twins).count()) == (
        ["ValidationError", "done"], 1, 0)


@pytest.mark.skipif(not ON_POSTGRES, reason="SQLite serialises writers: no two transactions are open at once")
@pytest.mark.django_db(transaction=True)
def test_two_reviewers_taking_back_one_narratives_rejection_at_once_are_both_answered(monkeypatch):
    """The same two claims of one repeated sentence, turned down: both reviewers take it back at
    the same moment from their own claim's page. One restores it, the other is told it was
    restored already; neither waits on the other's lock while holding the one it needs."""
    import time

    from claims.services import narrative_matching

    from ..factories import ClaimFactory

    narrative = narrative_of(MASTS)
    article = ArticleFactory(body=f"{PARAPHRASE} The mayor said it. {PARAPHRASE}")
    twins = [ClaimFactory(article=article, text=PARAPHRASE, start=start, end=start + len(PARAPHRASE))
             for start in (0, len(PARAPHRASE) + 20)]
    narrative_matching.flag_again([claim.pk for claim in twins], narrative)
    rejection = rejections.reject_narrative(claim=twins[0], narrative=narrative, user=UserFactory(role="Reviewer"))

    def take_back(claim, delay):
        def job():
            time.sleep(delay)  # the second page's request while the first holds its locks
            rejections.restore_narrative(claim=claim, rejection=rejection, user=UserFactory(role="Reviewer"))
        return job

    slow = rejections.flag_again

    def flag_slowly(claim_ids, narrative):
        time.sleep(1)
        return slow(claim_ids, narrative)

    monkeypatch.setattr(rejections, "flag_again", flag_slowly)
    answers = outcomes(take_back(twins[0], 0), take_back(twins[1], 0.3))
    assert (answers, NarrativeRejection.objects.count(), NarrativeMatch.objects.filter(claim__in=twins).count()) == (
        ["ValidationError", "done"], 0, 2)
