"""No default verdict: the rating starts empty and must be chosen; a verdict already written shows
its own rating. The approval panel has one text box, told apart from the discussion's."""
import re

import pytest
from django.urls import reverse

from claims.models import Claim, Verdict
from claims.ratings import Rating
from claims.workflow import ReviewState

from ..factories import ClaimFactory, VerdictFactory

HTMX = {"HX-Request": "true"}


def rating_menu(body: str) -> str:
    return re.search(r'<select name="rating".*?</select>', body, re.S).group(0)


@pytest.fixture
def claim(db):
    return ClaimFactory()


def test_the_rating_starts_empty_and_asks_to_be_chosen(reviewer_client, claim):
    menu = rating_menu(reviewer_client.get(claim.get_absolute_url()).content.decode())
    assert re.search(r'<option value="" selected>Choose a rating…</option>', menu)
    assert menu.count(" selected") == 1
    assert [label for _, label in re.findall(r'<option value="([^"]+)">([^<]+)</option>', menu)] == Rating.labels


def test_a_verdict_without_a_rating_is_refused_beside_the_field_and_nothing_is_saved(reviewer_client, claim):
    response = reviewer_client.post(
        reverse("claims:claim_verdict", args=[claim.pk]),
        {"rating": "", "rationale": "The figure mixes two years.", "version": claim.version}, headers=HTMX,
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Choose a rating: no verdict is recorded without one." in body
    assert "The figure mixes two years." in body  # the rationale typed is kept
    assert not Verdict.objects.exists() and Claim.objects.get(pk=claim.pk).state == ReviewState.NEW


def test_a_verdict_with_no_rating_field_at_all_is_refused_too(reviewer_client, claim):
    response = reviewer_client.post(reverse("claims:claim_verdict", args=[claim.pk]), {"rationale": "x"})
    assert response.status_code == 400 and not Verdict.objects.exists()


def test_a_verdict_sent_back_shows_its_own_rating(reviewer_client, reviewer, db):
    verdict = VerdictFactory(rating=Rating.MISLEADING, reviewer=reviewer, claim__state=ReviewState.IN_REVIEW, claim__assignee=reviewer)
    menu = rating_menu(reviewer_client.get(verdict.claim.get_absolute_url()).content.decode())
    assert '<option value="misleading" selected>Misleading</option>' in menu
    assert '<option value="" selected>' not in menu


def test_the_verdict_form_leaves_missing_fields_to_the_server_to_explain(reviewer_client, claim):
    body = reviewer_client.get(claim.get_absolute_url()).content.decode()
    assert re.search(r'<form [^>]*aria-label="Verdict" novalidate>', body)


def test_the_approval_panel_has_one_text_box_named_for_what_it_does(editor_client, db):
    verdict = VerdictFactory()
    body = editor_client.get(verdict.claim.get_absolute_url()).content.decode()
    approval = re.search(r'<section class="approval" aria-label="Approval">.*?</section>', body, re.S).group(0)
    assert approval.count("<textarea") == 1
    assert ">What the reviewer should change</label>" in approval
    assert ">Add to the discussion</label>" in body
    assert "Comment:" not in body


def test_send_back_reason_is_still_required_and_explained(editor_client, db):
    verdict = VerdictFactory()
    response = editor_client.post(reverse("claims:claim_send_back", args=[verdict.claim_id]), {"comment": ""}, headers=HTMX)
    assert response.status_code == 400 and "This field is required." in response.content.decode()
