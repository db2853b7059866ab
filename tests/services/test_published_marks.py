"""The queue's stored marks follow the records they come from, however those change: "matches a
published verdict" (Claim.matches_published) once a repeat takes the original's verdict, and both
marks (with "Known narrative", Claim.repeats_narrative) when a published claim, its verdict, a
narrative or one of its examples is deleted, from a service, the admin or a cascade."""
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from claims.models import Article, Claim, Narrative, NarrativeExample, NarrativeMatch, Verdict
from claims.selectors.queue import queue_row
from claims.services import clusters, reviews
from claims.services.matching import find_matches, refresh_published_marks
from claims.services.narrative_matching import match_examples
from claims.services.narratives import add_example, record_narrative
from claims.workflow import ReviewState

from ..factories import ArticleFactory, ClaimFactory, UserFactory, VerdictFactory

KILLED = "Three people were killed in the strike on Kharkiv on Monday."
MASTS = "Phone masts in Lindholm spread the virus to people living near them."
_reports = itertools.count(1)


def stored(text: str = KILLED, **fields) -> Claim:
    article = ArticleFactory(body=f"{text}\n\nReport number {next(_reports)}.")
    return ClaimFactory(article=article, text=text, **fields)


def published(text: str = KILLED) -> Claim:
    claim = stored(text, state=ReviewState.PUBLISHED)
    VerdictFactory(claim=claim, rating="false", published_at=timezone.now())
    return claim


def marked(claim: Claim) -> bool:
    return Claim.objects.get(pk=claim.pk).matches_published


def flagged(claim: Claim) -> bool:
    return Claim.objects.get(pk=claim.pk).repeats_narrative


@pytest.fixture
def original_and_repeat(db):
    """A claim published as False and a later article repeating it, matched."""
    original, repeat = published(), stored()
    find_matches([repeat])
    return original, repeat


# --- 1. A published claim is not marked as matching a published verdict --------------------------
def test_an_original_is_not_marked_once_its_repeat_has_taken_and_published_its_verdict(original_and_repeat, reviewer, editor):
    original, repeat = original_and_repeat
    clusters.link_as_same_claim(claim=repeat, other=original, user=reviewer)
    clusters.take_published_verdict(claim=repeat, reviewer=reviewer)
    reviews.approve_and_publish(claim=repeat, editor=editor)
    assert (marked(original), marked(repeat)) == (False, False)


def test_the_queue_row_of_the_original_shows_no_matches_mark_after_its_repeat_is_published(original_and_repeat, reviewer, editor):
    original, repeat = original_and_repeat
    clusters.link_as_same_claim(claim=repeat, other=original, user=reviewer)
    clusters.take_published_verdict(claim=repeat, reviewer=reviewer)
    reviews.approve_and_publish(claim=repeat, editor=editor)
    rows = (queue_row(original.pk).verdict_match, queue_row(repeat.pk).verdict_match)
    assert rows == (None, None)


def test_the_queue_of_published_claims_shows_no_matches_mark_after_the_repeat_is_published(original_and_repeat, reviewer, editor, client):
    original, repeat = original_and_repeat
    clusters.link_as_same_claim(claim=repeat, other=original, user=reviewer)
    clusters.take_published_verdict(claim=repeat, reviewer=reviewer)
    reviews.approve_and_publish(claim=repeat, editor=editor)
    client.force_login(reviewer)
    page = client.get(reverse("claims:queue"), {"state": "published"}).content.decode()
    listed = client.get(reverse("claims:queue"), {"state": "published", "matches_verdict": "yes"}).content.decode()
    row = f'name="ids" value="{original.pk}"'
    assert ("matches: " in page, row in page, row in listed) == (False, True, False)


def test_a_repeat_still_waiting_for_its_verdict_keeps_its_mark(original_and_repeat, reviewer):
    original, repeat = original_and_repeat
    clusters.link_as_same_claim(claim=repeat, other=original, user=reviewer)
    clusters.take_published_verdict(claim=repeat, reviewer=reviewer)
    assert (marked(repeat), queue_row(repeat.pk).verdict_match.claim_id) == (True, original.pk)


def test_two_published_claims_rated_alike_or_not_mark_neither(db):
    first, second = published(), stored()
    find_matches([second])
    second.state = ReviewState.PUBLISHED
    second.save()
    VerdictFactory(claim=second, rating="true", published_at=timezone.now())
    refresh_published_marks([first.pk, second.pk])  # as publishing does
    assert (marked(first), marked(second), queue_row(first.pk).verdict_match, queue_row(second.pk).verdict_match) == (
        False, False, None, None
    )


# --- 2. Deleting a published claim or its verdict unmarks the claims that matched it ----------------
@pytest.mark.parametrize("how", ["instance", "queryset", "article", "verdict", "verdict queryset"])
def test_deleting_the_published_claim_or_its_verdict_unmarks_its_repeats(original_and_repeat, how):
    original, repeat = original_and_repeat
    assert marked(repeat)
    {
        "instance": lambda: Claim.objects.get(pk=original.pk).delete(),
        "queryset": lambda: Claim.objects.filter(pk=original.pk).delete(),
        "article": lambda: Article.objects.filter(pk=original.article_id).delete(),
        "verdict": lambda: Verdict.objects.get(claim=original).delete(),
        "verdict queryset": lambda: Verdict.objects.filter(claim=original).delete(),
    }[how]()
    assert marked(repeat) is False


def test_a_repeat_that_also_matches_another_published_claim_keeps_its_mark(original_and_repeat):
    original, repeat = original_and_repeat
    other = published()
    find_matches([Claim.objects.get(pk=repeat.pk)])
    Claim.objects.filter(pk=original.pk).delete()
    assert marked(repeat) and queue_row(repeat.pk).verdict_match.claim_id == other.pk


def test_a_published_claim_whose_verdict_is_deleted_is_marked_again_by_its_other_published_match(db):
    first, second = published(), published()
    find_matches([Claim.objects.get(pk=second.pk)])
    assert (marked(first), marked(second)) == (False, False)
    Verdict.objects.filter(claim=second).delete()
    assert (marked(first), marked(second)) == (False, True)


def test_deleting_claims_nobody_published_reads_no_matches(original_and_repeat):
    """The deletion reads the partners of published claims only: an article's claims nobody
    checked cost nothing more to delete."""
    article = ArticleFactory()
    for n in range(5):
        ClaimFactory(article=article, text=f"Claim number {n} about the bridge.")
    with CaptureQueriesContext(connection) as queries:
        Article.objects.filter(pk=article.pk).delete()
    assert not [q for q in queries.captured_queries if "claims_claimmatch" in q["sql"] and q["sql"].startswith("SELECT")]


def test_a_deletion_that_failed_halfway_does_not_blind_the_next_one(original_and_repeat):
    from django.db import DatabaseError, transaction
    from django.db.models.signals import pre_delete

    original, repeat = original_and_repeat

    def connection_lost(sender, **kwargs):
        raise DatabaseError("server closed the connection unexpectedly")

    pre_delete.connect(connection_lost, sender=Verdict, dispatch_uid="test.connection_lost")  # after the marks' own
    try:
        with pytest.raises(DatabaseError), transaction.atomic():
            Verdict.objects.get(claim=original).delete()
    finally:
        pre_delete.disconnect(sender=Verdict, dispatch_uid="test.connection_lost")
    another = stored()  # a repeat of the original stored after the failure, in the same worker
    find_matches([another])
    assert marked(another)
    Verdict.objects.get(claim=original).delete()
    assert (marked(repeat), marked(another)) == (False, False)


def test_the_admin_deleting_a_published_claim_unmarks_its_repeats(original_and_repeat, admin_client_for):
    original, repeat = original_and_repeat
    client = admin_client_for
    response = client.post(reverse("admin:claims_claim_delete", args=[original.pk]), {"post": "yes"})
    assert (response.status_code, Claim.objects.filter(pk=original.pk).exists(), marked(repeat)) == (302, False, False)


def test_the_admin_bulk_delete_of_published_claims_unmarks_their_repeats(original_and_repeat, admin_client_for):
    original, repeat = original_and_repeat
    client = admin_client_for
    response = client.post(reverse("admin:claims_claim_changelist"),
                           {"action": "delete_selected", "_selected_action": [original.pk], "post": "yes"})
    assert (response.status_code, Claim.objects.filter(pk=original.pk).exists(), marked(repeat)) == (302, False, False)


def test_the_admin_deleting_a_published_verdict_unmarks_the_repeats(original_and_repeat, admin_client_for):
    original, repeat = original_and_repeat
    verdict = Verdict.objects.get(claim=original)
    response = admin_client_for.post(reverse("admin:claims_verdict_delete", args=[verdict.pk]), {"post": "yes"})
    assert (response.status_code, marked(repeat)) == (302, False)


def _admin_form(client, url) -> dict:
    """The admin change form's fields as the page sends them back (inlines' management forms too)."""
    form = client.get(url).context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            continue
        if hasattr(value, "pk"):
            value = value.pk
        if isinstance(value, timezone.datetime):
            data[f"{name}_0"], data[f"{name}_1"] = value.date().isoformat(), value.time().strftime("%H:%M:%S")
        else:
            data[name] = value
    return data


def test_the_admin_taking_the_publication_date_off_a_verdict_unmarks_the_repeats(original_and_repeat, admin_client_for):
    original, repeat = original_and_repeat
    url = reverse("admin:claims_verdict_change", args=[Verdict.objects.get(claim=original).pk])
    data = {**_admin_form(admin_client_for, url), "published_at_0": "", "published_at_1": ""}
    response = admin_client_for.post(url, data)
    assert (response.status_code, Verdict.objects.get(claim=original).published_at, marked(repeat)) == (302, None, False)


def test_the_admin_sending_a_published_claim_back_to_review_unmarks_the_repeats(original_and_repeat, admin_client_for):
    original, repeat = original_and_repeat
    url = reverse("admin:claims_claim_change", args=[original.pk])
    response = admin_client_for.post(url, {**_admin_form(admin_client_for, url), "state": ReviewState.IN_REVIEW})
    assert (response.status_code, Claim.objects.get(pk=original.pk).state, marked(repeat)) == (302, ReviewState.IN_REVIEW, False)


@pytest.mark.parametrize("corrected", ["original", "repeat"])
def test_the_admin_correcting_a_claims_words_matches_it_again_and_the_marks_follow(original_and_repeat, admin_client_for, corrected):
    original, repeat = original_and_repeat
    claim = {"original": original, "repeat": repeat}[corrected]
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    new_words = "The council approved a new swimming pool for Lindholm on Tuesday."
    response = admin_client_for.post(url, {**_admin_form(admin_client_for, url), "text": new_words})
    assert (response.status_code, Claim.objects.get(pk=claim.pk).text, marked(repeat)) == (302, new_words, False)


def test_the_admin_publishing_a_verdict_marks_the_repeats(original_and_repeat, admin_client_for):
    original, repeat = original_and_repeat
    Verdict.objects.filter(claim=original).update(published_at=None)
    refresh_published_marks([repeat.pk])
    url = reverse("admin:claims_verdict_change", args=[Verdict.objects.get(claim=original).pk])
    data = {**_admin_form(admin_client_for, url), "published_at_0": "2026-10-12", "published_at_1": "09:00:00"}
    assert (admin_client_for.post(url, data).status_code, marked(repeat)) == (302, True)


@pytest.fixture
def admin_client_for(client, db):
    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    return client


# --- 2. ... and deleting a narrative or an example unflags the claims only it flagged ------------
@pytest.fixture
def narrative_and_repeat(db, editor):
    repeat = stored(MASTS)
    narrative = record_narrative(name="Masts spread the virus", summary="They do not.", user=editor, examples=(MASTS,))
    match_examples(list(narrative.examples.values_list("pk", flat=True)))
    assert flagged(repeat)
    return narrative, repeat


@pytest.mark.parametrize("how", ["narrative", "narrative queryset", "example", "example queryset"])
def test_deleting_a_narrative_or_its_example_anywhere_unflags_its_claims(narrative_and_repeat, how):
    narrative, repeat = narrative_and_repeat
    {
        "narrative": lambda: Narrative.objects.get(pk=narrative.pk).delete(),
        "narrative queryset": lambda: Narrative.objects.filter(pk=narrative.pk).delete(),
        "example": lambda: NarrativeExample.objects.get(narrative=narrative).delete(),
        "example queryset": lambda: NarrativeExample.objects.filter(narrative=narrative).delete(),
    }[how]()
    assert (NarrativeMatch.objects.exists(), flagged(repeat)) == (False, False)


def test_a_claim_another_narrative_flags_keeps_its_flag(narrative_and_repeat, editor):
    narrative, repeat = narrative_and_repeat
    other = record_narrative(name="Masts and the virus", summary="Again.", user=editor)
    example = add_example(narrative=other, user=editor, text=MASTS)
    match_examples([example.pk])
    Narrative.objects.filter(pk=narrative.pk).delete()
    assert flagged(repeat)


def test_the_admin_bulk_delete_of_narratives_unflags_their_claims(narrative_and_repeat, admin_client_for):
    narrative, repeat = narrative_and_repeat
    response = admin_client_for.post(reverse("admin:claims_narrative_changelist"),
                                     {"action": "delete_selected", "_selected_action": [narrative.pk], "post": "yes"})
    assert (response.status_code, Narrative.objects.exists(), flagged(repeat)) == (302, False, False)
