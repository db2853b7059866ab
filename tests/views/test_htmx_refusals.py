"""A request htmx sends from inside a page (the queue's `a`, the review panel, the article's
status poll) that is refused before its view runs: the session ended, the person lost their role,
or the CSRF token went stale. htmx would swap whatever comes back into the row or the panel (4xx
responses are swapped, and a redirect is followed to the login page), so a whole page would land
inside a table row. Such a refusal tells htmx to reload the page instead, which then shows the
login page, the refusal, or the page with a fresh token."""
import pytest
from django.test import Client
from django.urls import reverse

from claims.models import Claim

from ..factories import ClaimFactory

HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_CURRENT_URL": "http://testserver/?state=new"}


@pytest.fixture
def claim(db):
    return ClaimFactory()


def _reloads(response, status):
    assert response.status_code == status
    assert response["HX-Refresh"] == "true"
    assert b"<html" not in response.content.lower()


def test_a_take_after_the_session_ended_reloads_the_page(claim):
    _reloads(Client().post(reverse("claims:claim_take", args=[claim.pk]), **HTMX), 401)
    assert Claim.objects.get(pk=claim.pk).assignee is None


def test_a_take_by_someone_who_lost_their_role_reloads_the_page(client, outsider, claim):
    client.force_login(outsider)
    _reloads(client.post(reverse("claims:claim_take", args=[claim.pk]), **HTMX), 403)
    assert Claim.objects.get(pk=claim.pk).assignee is None


def test_a_take_with_a_stale_csrf_token_reloads_the_page(reviewer, claim):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(reviewer)
    _reloads(browser.post(reverse("claims:claim_take", args=[claim.pk]), **HTMX), 403)
    assert Claim.objects.get(pk=claim.pk).assignee is None


def test_without_htmx_the_refusals_are_pages_as_before(outsider, reviewer, claim):
    url = reverse("claims:claim_take", args=[claim.pk])
    anonymous = Client().post(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("login"))
    signed_in = Client()
    signed_in.force_login(outsider)
    assert signed_in.post(url).status_code == 403
    stale = Client(enforce_csrf_checks=True)
    stale.force_login(reviewer)
    assert stale.post(url).status_code == 403


def test_a_refusal_the_view_itself_words_is_still_swapped_where_it_belongs(reviewer_client, other_reviewer, claim):
    Claim.objects.filter(pk=claim.pk).update(assignee=other_reviewer, state="in_review")
    response = reviewer_client.post(reverse("claims:claim_take", args=[claim.pk]), **HTMX)
    assert response.status_code == 403 and response["HX-Retarget"] == "#queue-status"
    assert "HX-Refresh" not in response
