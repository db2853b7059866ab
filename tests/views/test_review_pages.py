"""A reviewer works a claim on its page; htmx swaps the review panel; bad posts are explained."""
import pytest
from django.urls import reverse

from claims.models import Claim, Evidence, Verdict
from claims.workflow import ReviewState

from ..factories import ClaimFactory, VerdictFactory

HTMX = {"HX-Request": "true"}


@pytest.fixture
def claim(db):
    return ClaimFactory()


def test_claim_page_highlights_the_claim_in_its_article(reviewer_client, claim):
    page = reviewer_client.get(claim.get_absolute_url()).content.decode()
    assert f'<mark id="focus" class="claim-mark focus">{claim.text}</mark>' in page


def test_htmx_action_returns_only_the_review_panel(reviewer_client, claim):
    response = reviewer_client.post(reverse("claims:claim_start", args=[claim.pk]), headers=HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<section id="review-panel"') and "<html" not in body
    assert Claim.objects.get(pk=claim.pk).state == ReviewState.IN_REVIEW


def test_form_posts_without_javascript_redirect_back_to_the_claim(reviewer_client, claim):
    response = reviewer_client.post(reverse("claims:claim_start", args=[claim.pk]))
    assert response.status_code == 302 and response["Location"] == claim.get_absolute_url()


def test_reviewer_adds_evidence_inline(reviewer_client, claim):
    response = reviewer_client.post(
        reverse("claims:claim_evidence", args=[claim.pk]),
        {"url": "https://records.example/vote", "excerpt": "Turnout was 61%", "stance": "refutes"},
        headers=HTMX,
    )
    assert response.status_code == 200
    assert "https://records.example/vote" in response.content.decode()
    assert Evidence.objects.get().stance == "refutes"


@pytest.mark.parametrize("bad_url", ["javascript:alert(1)", "ftp://files.example/a", "file:///etc/passwd"])
def test_evidence_url_must_be_http(reviewer_client, claim, bad_url):
    response = reviewer_client.post(
        reverse("claims:claim_evidence", args=[claim.pk]), {"url": bad_url, "stance": "context"}, headers=HTMX
    )
    assert response.status_code == 400
    assert "http:// or https://" in response.content.decode()
    assert not Evidence.objects.exists()


def test_empty_evidence_is_explained(reviewer_client, claim):
    response = reviewer_client.post(reverse("claims:claim_evidence", args=[claim.pk]), {"stance": "context"}, headers=HTMX)
    assert response.status_code == 400 and "Give a URL, an excerpt or a note." in response.content.decode()


def test_submitting_a_verdict_sends_it_for_approval(reviewer_client, claim):
    response = reviewer_client.post(
        reverse("claims:claim_verdict", args=[claim.pk]),
        {"rating": "misleading", "rationale": "The figure mixes two different years."},
        headers=HTMX,
    )
    assert response.status_code == 200
    assert Claim.objects.get(pk=claim.pk).state == ReviewState.AWAITING_APPROVAL
    assert "Waiting for an editor" in response.content.decode()


def test_a_100kb_rationale_is_refused(reviewer_client, claim):
    response = reviewer_client.post(
        reverse("claims:claim_verdict", args=[claim.pk]), {"rating": "false", "rationale": "x" * 100_000}, headers=HTMX
    )
    assert response.status_code == 400
    assert not Verdict.objects.exists()
    assert Claim.objects.get(pk=claim.pk).state == ReviewState.NEW


def test_rating_off_the_scale_is_refused(reviewer_client, claim):
    response = reviewer_client.post(
        reverse("claims:claim_verdict", args=[claim.pk]), {"rating": "pants-on-fire", "rationale": "no"}, headers=HTMX
    )
    assert response.status_code == 400 and not Verdict.objects.exists()


def test_acting_on_a_published_claim_is_a_409_with_the_reason(editor_client, db):
    claim = ClaimFactory(state=ReviewState.PUBLISHED)
    response = editor_client.post(reverse("claims:claim_dismiss", args=[claim.pk]), headers=HTMX)
    assert response.status_code == 409
    assert "published cannot become dismissed" in response.content.decode()


def test_approving_twice_is_a_409(editor_client, db):
    verdict = VerdictFactory()
    assert editor_client.post(reverse("claims:claim_approve", args=[verdict.claim_id])).status_code == 302
    assert editor_client.post(reverse("claims:claim_approve", args=[verdict.claim_id])).status_code == 409


def test_unknown_claim_is_a_404(reviewer_client, db):
    assert reviewer_client.get(reverse("claims:claim", args=[999999])).status_code == 404


def test_get_on_an_action_is_refused(reviewer_client, claim):
    assert reviewer_client.get(reverse("claims:claim_start", args=[claim.pk])).status_code == 405


def test_editor_sees_the_approval_buttons_only_for_others_verdicts(editor_client, editor, db):
    others = VerdictFactory()
    own = VerdictFactory(reviewer=editor)
    assert "Approve and publish" in editor_client.get(others.claim.get_absolute_url()).content.decode()
    assert "Approve and publish" not in editor_client.get(own.claim.get_absolute_url()).content.decode()


def test_send_back_needs_a_comment(editor_client, db):
    verdict = VerdictFactory()
    response = editor_client.post(reverse("claims:claim_send_back", args=[verdict.claim_id]), {"comment": ""}, headers=HTMX)
    assert response.status_code == 400
    assert Claim.objects.get(pk=verdict.claim_id).state == ReviewState.AWAITING_APPROVAL


def test_queue_filters_by_state_and_swaps_only_the_results(reviewer_client, db):
    ClaimFactory(text="Dismissed one", state=ReviewState.DISMISSED)
    ClaimFactory(text="Fresh one")
    response = reviewer_client.get(reverse("claims:queue"), {"state": "dismissed"}, headers=HTMX)
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="results"')
    assert "Dismissed one" in body and "Fresh one" not in body


def test_queue_ignores_an_unknown_state_filter(reviewer_client, db):
    ClaimFactory(text="Fresh one")
    response = reviewer_client.get(reverse("claims:queue"), {"state": "bogus", "page": "zzz"})
    assert response.status_code == 200 and "Fresh one" in response.content.decode()


@pytest.mark.django_db
def test_a_claim_set_aside_by_extraction_says_why_on_its_page(reviewer_client):
    caption = ClaimFactory(check_worthy=False, set_aside_reason="photo caption")
    page = reviewer_client.get(reverse("claims:claim", args=[caption.pk])).content.decode()
    assert "set aside by extraction" in page and "photo caption" in page


@pytest.mark.parametrize("state", ["new", "in_review", "dismissed"])
def test_sending_back_a_claim_without_a_verdict_is_a_409_not_a_500(editor_client, db, state):
    claim = ClaimFactory(state=state)
    response = editor_client.post(reverse("claims:claim_send_back", args=[claim.pk]), {"comment": "Add a source."},
                                  headers=HTMX)
    assert response.status_code == 409 and Claim.objects.get(pk=claim.pk).state == state
