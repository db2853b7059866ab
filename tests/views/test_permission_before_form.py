"""Someone without the right to act on a claim is told so (403) whatever they sent: a malformed
version, a form with every field wrong. They were told 400 first (fix the form, reload the page),
and would then be told 403 after fixing it. Each family of the claim page's actions, and the
evidence edits, ask who may act before they read what was sent (views.review.run_action)."""
import pytest
from django.urls import reverse

from claims.models import Claim, Comment, Evidence, Verdict
from claims.workflow import ReviewState

from ..factories import ClaimFactory, EvidenceFactory, VerdictFactory

HTMX = {"HX-Request": "true"}
# Every field of every claim form wrong at once, and a version no page ever sent.
BAD_BODY = {
    "version": "not-a-number", "rating": "bogus", "rationale": "", "comment": "", "body": "",
    "url": "javascript:alert(1)", "stance": "sideways", "excerpt": "\x00", "note": "\x1b[2J",
    "assignee": "nobody", "original": "x", "other": "x", "at": "x",
    "speaker": "\x00", "source": "x", "side": "x", "kind": "x",
}


@pytest.fixture
def ritas_claim(reviewer):
    """A claim rita is working on: another reviewer may not act on it."""
    return ClaimFactory(state=ReviewState.IN_REVIEW, assignee=reviewer)


def saved(claim):
    current = Claim.objects.get(pk=claim.pk)
    return (current.version, current.state, current.assignee_id, Evidence.objects.count(), Verdict.objects.count(),
            Comment.objects.count())


def refused(client, url, claim):
    before = saved(claim)
    response = client.post(url, BAD_BODY, headers=HTMX)
    return response.status_code, saved(claim) == before


@pytest.mark.parametrize("action", ["claim_start", "claim_dismiss", "claim_reopen", "claim_verdict", "claim_assign",
                                    "claim_duplicate", "claim_take_verdict"])
def test_another_reviewer_working_a_claim_gets_403_before_the_form_is_read(client, ritas_claim, other_reviewer, action):
    client.force_login(other_reviewer)
    assert refused(client, reverse(f"claims:{action}", args=[ritas_claim.pk]), ritas_claim) == (403, True)


@pytest.mark.parametrize("action", ["claim_approve", "claim_send_back"])
def test_a_reviewer_approving_or_sending_back_gets_403_before_the_form_is_read(client, other_reviewer, action):
    claim = VerdictFactory().claim
    client.force_login(other_reviewer)
    assert refused(client, reverse(f"claims:{action}", args=[claim.pk]), claim) == (403, True)


def test_the_editor_who_wrote_the_verdict_gets_403_approving_it_before_the_form_is_read(client, editor):
    claim = VerdictFactory(reviewer=editor).claim
    client.force_login(editor)
    assert refused(client, reverse("claims:claim_send_back", args=[claim.pk]), claim) == (403, True)


@pytest.mark.parametrize("action", ["claim_evidence", "evidence_edit", "evidence_remove"])
def test_another_reviewer_adding_or_editing_evidence_gets_403_before_the_form_is_read(client, ritas_claim,
                                                                                     other_reviewer, action):
    item = EvidenceFactory(claim=ritas_claim)
    target = ritas_claim.pk if action == "claim_evidence" else item.pk
    client.force_login(other_reviewer)
    assert refused(client, reverse(f"claims:{action}", args=[target]), ritas_claim) == (403, True)


@pytest.mark.parametrize("action", ["claim_correct", "claim_split", "claim_merge"])
def test_another_reviewer_reshaping_a_claim_gets_403_before_the_form_is_read(client, ritas_claim, other_reviewer, action):
    client.force_login(other_reviewer)
    assert refused(client, reverse(f"claims:{action}", args=[ritas_claim.pk]), ritas_claim) == (403, True)


@pytest.mark.parametrize("action", ["claim_link_same", "claim_unlink_same"])
def test_another_reviewer_linking_a_claim_gets_403_before_the_form_is_read(client, ritas_claim, other_reviewer, action):
    client.force_login(other_reviewer)
    assert refused(client, reverse(f"claims:{action}", args=[ritas_claim.pk]), ritas_claim) == (403, True)


def test_a_published_claim_is_corrected_by_nobody_whatever_the_form_says(client, editor):
    claim = VerdictFactory(claim__state=ReviewState.PUBLISHED).claim
    client.force_login(editor)
    assert refused(client, reverse("claims:claim_correct", args=[claim.pk]), claim) == (403, True)


@pytest.mark.parametrize("action", ["claim_start", "claim_verdict", "claim_correct", "claim_link_same", "claim_evidence"])
def test_the_reviewer_on_the_claim_sending_a_bad_body_is_still_told_what_to_fix(client, ritas_claim, reviewer, action):
    client.force_login(reviewer)
    assert refused(client, reverse(f"claims:{action}", args=[ritas_claim.pk]), ritas_claim) == (400, True)


def test_a_page_drawn_before_a_colleague_took_the_claim_is_told_of_the_conflict_not_refused(client, ritas_claim, other_reviewer):
    """The refusal comes from a change the page does not show yet: the stale page's 409, with the
    current claim, as any stale edit; the same action from a current page is the 403."""
    client.force_login(other_reviewer)
    url = reverse("claims:claim_dismiss", args=[ritas_claim.pk])
    before = saved(ritas_claim)
    stale = client.post(url, {"version": ritas_claim.version - 1}, headers=HTMX)
    assert stale.status_code == 409 and "Someone else changed this claim" in stale.content.decode()
    assert "assigned to rita" in stale.content.decode()
    current = client.post(url, {"version": ritas_claim.version}, headers=HTMX)
    assert current.status_code == 403
    # A version no page ever showed (from the future) is no stale page either.
    assert client.post(url, {"version": ritas_claim.version + 5}, headers=HTMX).status_code == 403
    assert saved(ritas_claim) == before
