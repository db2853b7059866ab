"""`a` in the queue: the claim is assigned to me and its row comes back in place; a refusal comes
back as a sentence for the queue's status line, never as a bare status code."""
import json

import pytest
from django.urls import reverse

from claims.models import Claim
from claims.workflow import ReviewState

from ..factories import ClaimFactory

HTMX = {"HX-Request": "true"}


def take(client, claim_id, **kwargs):
    return client.post(reverse("claims:claim_take", args=[claim_id]), **kwargs)


@pytest.fixture
def claim(db):
    return ClaimFactory(text="The bridge was destroyed on Monday.")


def test_taking_a_claim_answers_with_its_row_now_mine(reviewer_client, claim):
    response = take(reviewer_client, claim.pk, headers=HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.startswith(f'<tr data-url="{claim.get_absolute_url()}"') and body.endswith("</tr>")
    assert ">rita</td>" in body and ">In review<" in body
    assert Claim.objects.get(pk=claim.pk).assignee.username == "rita"


def test_taking_a_claim_tells_the_page_the_counts_changed(reviewer_client, claim):
    response = take(reviewer_client, claim.pk, headers=HTMX)
    assert json.loads(response["HX-Trigger"]) == {"queueChanged": {"message": f"Claim {claim.pk} is now assigned to you."}}


def test_a_claim_someone_else_holds_is_refused_with_who_holds_it(reviewer_client, other_reviewer, db):
    held = ClaimFactory(assignee=other_reviewer, state=ReviewState.IN_REVIEW)
    response = take(reviewer_client, held.pk, headers=HTMX)
    assert response.status_code == 403
    assert response.content.decode() == (
        f'<p class="errors" role="alert">You cannot take claim {held.pk}: it is already assigned to oscar.</p>'
    )
    assert (response["HX-Retarget"], response["HX-Reswap"]) == ("#queue-status", "innerHTML")
    assert Claim.objects.get(pk=held.pk).assignee == other_reviewer


def test_a_claim_past_review_is_refused_with_its_state(reviewer_client, db):
    published = ClaimFactory(state=ReviewState.PUBLISHED)
    response = take(reviewer_client, published.pk, headers=HTMX)
    assert response.status_code == 409
    assert f"You cannot take claim {published.pk}: it is published." in response.content.decode()
    assert response["HX-Retarget"] == "#queue-status"
    assert Claim.objects.get(pk=published.pk).assignee is None


def test_a_claim_that_is_gone_is_a_404_with_a_sentence(reviewer_client, db):
    response = take(reviewer_client, 999999, headers=HTMX)
    assert response.status_code == 404 and "Claim 999999 no longer exists." in response.content.decode()


def test_taking_my_own_claim_again_changes_nothing_and_keeps_the_row(reviewer_client, reviewer, db):
    mine = ClaimFactory(assignee=reviewer, state=ReviewState.IN_REVIEW)
    response = take(reviewer_client, mine.pk, headers=HTMX)
    assert response.status_code == 200 and ">rita</td>" in response.content.decode()


def test_without_javascript_taking_leads_to_the_claim(reviewer_client, claim):
    response = take(reviewer_client, claim.pk)
    assert response.status_code == 302 and response["Location"] == claim.get_absolute_url()


def test_taking_needs_a_post(reviewer_client, claim):
    assert reviewer_client.get(reverse("claims:claim_take", args=[claim.pk])).status_code == 405
    assert Claim.objects.get(pk=claim.pk).assignee is None


def test_the_row_of_a_claim_from_an_unvetted_article_is_inert(reviewer_client, db):
    hostile = ClaimFactory(text='Claim <img src=x onerror="alert(1)">')
    body = take(reviewer_client, hostile.pk, headers=HTMX).content.decode()
    assert "<img" not in body and "&lt;img src=x" in body


def test_the_queue_has_a_status_line_for_what_the_keyboard_did(reviewer_client, claim):
    body = reviewer_client.get(reverse("claims:queue")).content.decode()
    assert '<div id="queue-status" class="queue-status" role="status" aria-live="polite"></div>' in body


def test_a_claim_deleted_while_it_is_being_taken_is_a_sentence_not_a_500(reviewer_client, claim, monkeypatch):
    # An editor re-splits the article (a new topic) in the moment between the reviewer's `a`
    # reaching the server and the claim being locked: the unreviewed claim is gone.
    from claims.services import reviews

    assign = reviews.assign

    def deleted_first(**kwargs):
        Claim.objects.filter(pk=kwargs["claim"].pk).delete()
        return assign(**kwargs)

    monkeypatch.setattr(reviews, "assign", deleted_first)
    response = take(reviewer_client, claim.pk, headers=HTMX)
    assert response.status_code == 404
    assert response["HX-Retarget"] == "#queue-status"
    assert f"Claim {claim.pk} no longer exists." in response.content.decode()
