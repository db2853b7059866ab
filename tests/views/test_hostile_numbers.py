"""Numbers a form sends by hand (the queue's bulk ids, the claim to duplicate, whom to assign, the
claim version a page showed) are parsed the same way everywhere: only ASCII digits within the
database's integer range. str.isdigit() also says yes to "²" and "٣", which int() refuses or reads
as another number, and a 23-digit id overflows SQLite's and PostgreSQL's integers: each was a 500.
"""
import pytest
from django.urls import reverse

from claims.models import Claim, Comment
from claims.workflow import ReviewState

from ..factories import ClaimFactory

NOT_IDS = ["²", "¹²", "99999999999999999999999", "abc", "-1", " 1", "0"]


@pytest.fixture
def claim(db):
    return ClaimFactory()


@pytest.mark.parametrize("bad", NOT_IDS)
def test_a_bulk_action_given_a_malformed_claim_number_skips_it_without_a_500(reviewer_client, claim, bad):
    response = reviewer_client.post(reverse("claims:queue_bulk"), {"ids": [bad, str(claim.pk)], "action": "take"})
    assert response.status_code == 302
    assert Claim.objects.get(pk=claim.pk).state == ReviewState.IN_REVIEW  # the good one is taken


@pytest.mark.parametrize("bad", NOT_IDS)
def test_a_bulk_action_given_only_malformed_numbers_says_select_first(reviewer_client, claim, bad):
    response = reviewer_client.post(reverse("claims:queue_bulk"), {"ids": [bad], "action": "take"}, follow=True)
    assert response.status_code == 200
    assert "Select at least one claim first." in response.content.decode()


@pytest.mark.parametrize("bad", NOT_IDS)
def test_a_malformed_original_or_assignee_is_asked_for_again(editor_client, claim, bad):
    for data, said in [
        ({"action": "duplicate", "original": bad}, "Give the number of the claim they duplicate."),
        ({"action": "assign", "assignee": bad}, "Choose whom to assign the claims to."),
    ]:
        response = editor_client.post(reverse("claims:queue_bulk"), {"ids": [claim.pk], **data}, follow=True)
        assert response.status_code == 200 and said in response.content.decode(), data
    assert Claim.objects.get(pk=claim.pk).state == ReviewState.NEW


@pytest.mark.parametrize("bad", ["²", "99999999999999999999999", "٣"])
def test_a_malformed_version_number_is_a_400_with_a_sentence(reviewer_client, claim, bad):
    response = reviewer_client.post(
        reverse("claims:claim_comment", args=[claim.pk]), {"body": "See page 4.", "version": bad}
    )
    assert response.status_code in (400, 409)
    assert not Comment.objects.exists()
