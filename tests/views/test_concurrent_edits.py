"""Two people, one claim: the second save from a stale page is refused, never silently applied."""
import pytest
from django.urls import reverse

from claims.models import Claim, Verdict

from ..conftest import ON_POSTGRES
from ..factories import ClaimFactory, UserFactory

HTMX = {"HX-Request": "true"}


@pytest.fixture
def claim(db, editor):
    return ClaimFactory(speaker="the ministry")


def test_a_correction_from_a_stale_page_gets_409_and_the_newer_claim(client, claim, editor):
    seen = claim.version
    client.force_login(editor)
    first = client.post(reverse("claims:claim_correct", args=[claim.pk]),
                        {"speaker": "Defence ministry", "kind": "reported_speech", "version": seen}, headers=HTMX)
    assert first.status_code == 200
    second = client.post(reverse("claims:claim_correct", args=[claim.pk]),
                         {"speaker": "Army press office", "kind": "reported_speech", "version": seen}, headers=HTMX)
    assert second.status_code == 409
    body = second.content.decode()
    assert "Someone else changed this claim" in body and "Defence ministry" in body
    assert Claim.objects.get(pk=claim.pk).speaker == "Defence ministry"


def test_a_verdict_from_a_stale_page_does_not_overwrite_the_other_reviewers(client, claim, editor):
    other = UserFactory(role="Editor")
    seen = claim.version
    client.force_login(editor)
    client.post(reverse("claims:claim_verdict", args=[claim.pk]), {"rating": "false", "rationale": "Satellite images.", "version": seen})
    client.force_login(other)
    response = client.post(reverse("claims:claim_verdict", args=[claim.pk]),
                           {"rating": "true", "rationale": "Looks fine.", "version": seen}, headers=HTMX)
    assert response.status_code == 409
    assert Verdict.objects.get().rationale == "Satellite images."
    assert "Looks fine." in response.content.decode()  # the person's text is kept in the form


def test_a_malformed_version_is_a_400(reviewer_client, claim):
    response = reviewer_client.post(reverse("claims:claim_start", args=[claim.pk]), {"version": "abc"}, headers=HTMX)
    assert response.status_code == 400
    assert Claim.objects.get(pk=claim.pk).state == "new"


def test_every_change_raises_the_version(reviewer_client, claim):
    reviewer_client.post(reverse("claims:claim_start", args=[claim.pk]), {"version": claim.version})
    assert Claim.objects.get(pk=claim.pk).version == claim.version + 1


def test_a_forged_post_without_the_csrf_token_is_refused(claim, reviewer):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(reviewer)
    response = browser.post(reverse("claims:claim_dismiss", args=[claim.pk]), {"version": claim.version})
    assert response.status_code == 403
    assert Claim.objects.get(pk=claim.pk).state == "new"


def test_editors_find_their_approval_queue_in_the_menu(editor_client, db):
    body = editor_client.get(reverse("claims:queue")).content.decode()
    assert 'href="/?state=awaiting_approval">Approvals</a>' in body


def test_the_unsaved_evidence_is_shown_as_the_form_names_it(client, claim, editor):
    seen = claim.version
    client.force_login(editor)
    client.post(reverse("claims:claim_correct", args=[claim.pk]),
                {"speaker": "Defence ministry", "kind": "reported_speech", "version": seen}, headers=HTMX)
    response = client.post(reverse("claims:claim_evidence", args=[claim.pk]), {
        "url": "https://records.example/a", "excerpt": "Units held the district.", "stance": "refutes", "version": seen,
    }, headers=HTMX)
    assert response.status_code == 409
    unsaved = response.content.decode().split("Your change, not saved")[1].split("</details>")[0]
    assert "Excerpt" in unsaved and "Refutes the claim" in unsaved
    assert "<dt>excerpt</dt>" not in unsaved and "<dd>refutes</dd>" not in unsaved


@pytest.mark.skipif(not ON_POSTGRES, reason="SQLite serialises writers: no two transactions are open at once")
@pytest.mark.django_db(transaction=True)
def test_two_reviewers_merging_one_pair_from_its_two_ends_at_once_merge_it_once(monkeypatch):
    """One merges the pair from the first claim's page, the other from the second's: one merge
    is made, the other is told the claim is gone; neither waits forever nor gets a 500."""
    import threading
    import time

    from claims.services import claims as claim_services
    from claims.services.claims import add_claim_by_hand, merge_claims

    from ..at_once import outcomes
    from ..factories import ArticleFactory

    body = "The mayor said the bridge will reopen on Monday. Repairs cost 3 million euros."
    article = ArticleFactory(body=body)
    one, two = UserFactory(role="Editor"), UserFactory(role="Editor")
    left = add_claim_by_hand(article=article, text=body[:48], added_by=one)
    right = add_claim_by_hand(article=article, text=body[49:], added_by=one)
    barrier = threading.Barrier(2)
    original = claim_services.locked

    def slow_locked(claim, seen_version=None):  # each holds its first claim while the other starts
        current = original(claim, None if seen_version == "wait" else seen_version)
        if seen_version == "wait":
            try:
                barrier.wait(timeout=2)
                time.sleep(0.5)
            except threading.BrokenBarrierError:
                pass  # the other request waits for the whole pair, before taking anything
        return current

    monkeypatch.setattr(claim_services, "locked", slow_locked)

    def merge(user, first, second):
        return lambda: merge_claims(first=first, second=second, user=user, seen_version="wait")

    answers = outcomes(merge(one, left, right), merge(two, right, left))
    assert (answers, Claim.objects.filter(article=article).count()) == (["ClaimDeleted", "done"], 1)
