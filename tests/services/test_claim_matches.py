"""When claims are stored, the claims of other articles that assert the same thing are found."""
import itertools

import pytest
from django.utils import timezone

from claims.models import ArticleState, Claim, ClaimMatch, ClaimSignature
from claims.services.claims import add_claim_by_hand, merge_claims, split_claim
from claims.services.matching import find_matches
from claims.services.splitting import split_article
from claims.workflow import ReviewState

from ..factories import ArticleFactory, ClaimFactory, UserFactory, VerdictFactory

_reports = itertools.count(1)
CAPTURED = "Russian forces have captured the city of Lysychansk, the defence ministry said."
KILLED = "Three people were killed in the strike on Kharkiv on Monday."


def stored(text: str, **fields) -> Claim:
    """A claim stored before, as the whole of its own article (bodies differ: one article per text)."""
    article = ArticleFactory(body=f"{text}\n\nReport number {next(_reports)}.")
    return ClaimFactory(article=article, text=text, **fields)


def published(text: str) -> Claim:
    """A claim of its own article whose verdict the desk has published."""
    claim = stored(text, state=ReviewState.PUBLISHED)
    VerdictFactory(claim=claim, published_at=timezone.now())
    return claim


def by_hand(body: str, text: str | None = None) -> Claim:
    return add_claim_by_hand(article=ArticleFactory(body=body), text=text or body, added_by=UserFactory(role="Reviewer"))


def matched(claim: Claim) -> set[int]:
    pairs = ClaimMatch.objects.filter(claim=claim).values_list("earlier_id", flat=True)
    return set(pairs) | set(ClaimMatch.objects.filter(earlier=claim).values_list("claim_id", flat=True))


def marked(claim: Claim) -> bool:
    """The queue's "matches a published verdict" mark, as stored."""
    return Claim.objects.get(pk=claim.pk).matches_published


@pytest.mark.django_db
def test_a_claim_added_by_hand_that_repeats_a_published_one_matches_it():
    earlier = published(CAPTURED)
    claim = by_hand("The Defence Ministry in Moscow said Lysychansk had been taken by Russian troops.")
    match = ClaimMatch.objects.get(claim=claim)
    assert (match.earlier, match.score > 0.5) == (earlier, True)


REPEATING_ARTICLE = (
    "The Defence Ministry in Moscow said on Sunday that Lysychansk had been taken by Russian troops.\n\n"
    "Local officials said the water supply was restored in the suburbs."
)


@pytest.mark.django_db
def test_a_split_article_that_repeats_a_published_claim_gets_the_match(django_capture_on_commit_callbacks):
    earlier = published(CAPTURED)
    article = ArticleFactory(body=REPEATING_ARTICLE, state=ArticleState.QUEUED)
    with django_capture_on_commit_callbacks(execute=True):  # the matching task, eager as in the embedded default
        split_article(article.pk)
    repeated = article.claims.get(text__contains="Lysychansk")
    assert matched(repeated) == {earlier.pk}


@pytest.mark.django_db
def test_a_split_stores_its_claims_without_waiting_for_their_matches(django_capture_on_commit_callbacks):
    published(CAPTURED)
    article = ArticleFactory(body=REPEATING_ARTICLE, state=ArticleState.QUEUED)
    with django_capture_on_commit_callbacks() as queued:
        split_article(article.pk)
    article.refresh_from_db()
    assert (article.state, article.claims.exists(), ClaimMatch.objects.exists(), len(queued)) == (
        ArticleState.READY, True, False, 1
    )


@pytest.mark.django_db
def test_the_matching_task_of_a_split_matches_its_new_check_worthy_claims(django_capture_on_commit_callbacks, monkeypatch):
    from claims import tasks

    earlier = published(CAPTURED)
    article = ArticleFactory(body=REPEATING_ARTICLE, state=ArticleState.QUEUED)
    sent = []
    monkeypatch.setattr(tasks.match_claims_task, "delay", sent.append)
    with django_capture_on_commit_callbacks(execute=True):
        split_article(article.pk)
    tasks.match_claims_task(*sent)  # as a worker runs it, a moment later
    repeated = article.claims.get(text__contains="Lysychansk")
    assert (sorted(sent[0]), matched(repeated)) == (
        sorted(article.claims.filter(check_worthy=True).values_list("pk", flat=True)), {earlier.pk}
    )


@pytest.mark.django_db
def test_the_matching_task_run_twice_stores_each_pair_once():
    from claims.tasks import match_claims_task

    published(KILLED)
    claim = stored(KILLED)
    match_claims_task([claim.pk])
    match_claims_task([claim.pk])
    assert ClaimMatch.objects.filter(claim=claim).count() == 1


@pytest.mark.django_db
def test_the_matching_task_skips_a_claim_deleted_before_it_ran():
    from claims.tasks import match_claims_task

    earlier = published(KILLED)
    gone, kept = stored(KILLED), stored(KILLED)
    gone_id = gone.pk
    gone.delete()  # a second split of its article replaced it
    match_claims_task([gone_id, kept.pk])
    assert matched(kept) == {earlier.pk}


@pytest.mark.django_db
def test_a_changed_number_is_not_a_match():
    published(KILLED)
    claim = by_hand("Thirty people were killed in the strike on Kharkiv on Monday.")
    assert matched(claim) == set()


@pytest.mark.django_db
def test_a_denial_is_not_a_match():
    published(CAPTURED)
    claim = by_hand("Russian forces have not captured the city of Lysychansk, the defence ministry said.")
    assert matched(claim) == set()


@pytest.mark.django_db
def test_claims_of_the_same_article_are_not_matched():
    claim = by_hand(f"{KILLED} Officials repeated it: {KILLED}", KILLED)
    twin = add_claim_by_hand(
        article=claim.article, text=KILLED, start=claim.article.body.rindex(KILLED), added_by=claim.added_by
    )
    assert matched(twin) == set()


@pytest.mark.django_db
def test_claims_set_aside_by_extraction_are_not_candidates():
    stored(KILLED, check_worthy=False)
    assert matched(by_hand(KILLED)) == set()


@pytest.mark.django_db
def test_finding_matches_twice_stores_each_pair_once():
    published(KILLED)
    claim = by_hand(KILLED)
    find_matches([claim])
    assert ClaimMatch.objects.filter(claim=claim).count() == 1


@pytest.mark.django_db
def test_a_pair_found_from_both_ends_is_stored_once_with_the_later_claim_first():
    first, second = published(KILLED), stored(KILLED)
    find_matches([first, second])
    assert list(ClaimMatch.objects.values_list("claim_id", "earlier_id")) == [(second.pk, first.pk)]


@pytest.mark.django_db
def test_claims_stored_before_matching_get_their_signature_when_first_compared():
    earlier = published(KILLED)
    assert not ClaimSignature.objects.filter(claim=earlier).exists()
    by_hand(KILLED)
    assert ClaimSignature.objects.filter(claim=earlier).exists()


@pytest.mark.django_db
def test_a_split_claim_is_matched_again_for_what_it_now_says():
    earlier = published(KILLED)
    claim = by_hand(f"{KILLED} The bridge over the Dnipro was closed to traffic.")
    assert matched(claim) == {earlier.pk}
    first, second = split_claim(claim=claim, at=claim.start + len(KILLED), user=claim.added_by)
    assert (matched(first), matched(second)) == ({earlier.pk}, set())
    assert (marked(first), marked(second)) == (True, False)  # the second half is a copy of the first, mark and all


@pytest.mark.django_db
def test_a_merged_claim_is_matched_again():
    published(KILLED)
    article = ArticleFactory(body=KILLED)
    cut = KILLED.index(" on Monday")
    reviewer = UserFactory(role="Reviewer")
    left = add_claim_by_hand(article=article, text=KILLED[:cut], added_by=reviewer)
    right = add_claim_by_hand(article=article, text=KILLED[cut:].strip(), added_by=reviewer)
    merged = merge_claims(first=left, second=right, user=reviewer)
    assert len(matched(merged)) == 1


@pytest.mark.django_db
def test_match_claims_finds_the_matches_of_claims_stored_before_matching():
    import io

    from django.core.management import call_command

    first, second, third = published(KILLED), stored(KILLED), stored(KILLED)
    call_command("match_claims", stdout=io.StringIO())
    call_command("match_claims", stdout=io.StringIO())  # a second run stores nothing twice
    assert set(ClaimMatch.objects.values_list("claim_id", "earlier_id")) == {
        (second.pk, first.pk), (third.pk, first.pk), (third.pk, second.pk)
    }


@pytest.mark.django_db
def test_a_fault_of_the_matcher_costs_the_matches_not_the_split(monkeypatch, django_capture_on_commit_callbacks):
    from claims import tasks

    def broken(claim_ids):
        raise RuntimeError("matcher broke")

    monkeypatch.setattr(tasks, "match_stored_claims", broken)
    article = ArticleFactory(body=f"{KILLED}\n\nThe governor spoke on Tuesday.", state=ArticleState.QUEUED)
    with django_capture_on_commit_callbacks(execute=True):
        split_article(article.pk)
    article.refresh_from_db()
    assert (article.state, article.claims.exists()) == (ArticleState.READY, True)


@pytest.mark.django_db
def test_a_broker_that_refuses_the_matching_task_costs_the_matches_not_the_split(
    monkeypatch, caplog, django_capture_on_commit_callbacks
):
    from claims import tasks

    def refused(claim_ids):
        raise ConnectionError("broker down")

    monkeypatch.setattr(tasks.match_claims_task, "delay", refused)
    article = ArticleFactory(body=f"{KILLED}\n\nThe governor spoke on Tuesday.", state=ArticleState.QUEUED)
    with django_capture_on_commit_callbacks(execute=True):
        split_article(article.pk)
    article.refresh_from_db()
    assert (article.state, article.claims.exists()) == (ArticleState.READY, True)
    assert "stored without matches" in caplog.text


@pytest.mark.django_db
def test_a_signature_written_by_other_matcher_code_is_computed_again():
    from claims.matching import claim_signature
    from claims.services.matching import MATCHER

    earlier = published(KILLED)
    # Readable, but not what today's code makes of the claim (here: another text's signature).
    other_code = claim_signature("The bridge over the Dnipro was closed to traffic.").as_json()
    ClaimSignature.objects.create(claim=earlier, data=other_code, matcher="older-matcher")
    claim = by_hand(KILLED)
    assert (matched(claim), ClaimSignature.objects.get(claim=earlier).matcher) == ({earlier.pk}, MATCHER)


@pytest.mark.django_db
def test_a_claim_that_repeats_a_published_one_is_marked_for_the_queue_and_others_are_not():
    earlier = published(KILLED)
    repeat, unrelated = by_hand(KILLED), by_hand("The bridge over the Dnipro was closed to traffic for repairs.")
    assert (marked(repeat), marked(unrelated), marked(earlier)) == (True, False, False)


@pytest.mark.django_db
def test_publishing_a_verdict_marks_the_claims_that_repeat_it():
    from claims.services.reviews import approve_and_publish

    earlier = stored(KILLED, state=ReviewState.AWAITING_APPROVAL)
    VerdictFactory(claim=earlier)
    repeat = by_hand(KILLED)
    assert matched(repeat) == {earlier.pk} and not marked(repeat)  # a verdict not yet published is no answer
    approve_and_publish(claim=earlier, editor=UserFactory(role="Editor"))
    assert marked(repeat) and not marked(earlier)


@pytest.mark.django_db
def test_matching_everything_again_marks_the_claims_afresh():
    import io

    from django.core.management import call_command

    earlier, repeat, unrelated = published(KILLED), stored(KILLED), stored(CAPTURED)
    Claim.objects.filter(pk=unrelated.pk).update(matches_published=True)  # a mark gone wrong by hand
    call_command("match_claims", "--again", stdout=io.StringIO())
    assert (marked(repeat), marked(unrelated), marked(earlier)) == (True, False, False)


@pytest.mark.django_db
def test_the_stored_marks_are_not_told_in_the_claims_history(editor):
    """"Matches published: False -> True" read like a rating of False; the marks follow other
    records (a match, a published verdict), whose own pages tell it."""
    from claims.models import Claim
    from claims.selectors.history import claim_history
    from claims.services.matching import refresh_published_marks

    from ..factories import ClaimFactory

    claim = ClaimFactory()
    claim.matches_published = True
    claim.spread = 3
    claim.save()
    refresh_published_marks([claim.pk])
    told = [change for event in claim_history(claim) for change in event.changes]
    assert not any(field.name in {"matches_published", "spread"} for field, *_ in told)
