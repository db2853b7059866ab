"""A newsroom colleague follows a link to a claim that has since been merged into another: they
land on the claim it was merged into, told so, instead of on "Not found". A claim deleted for any
other reason is still not found."""
import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from claims.services.claims import add_claim_by_hand, merge_claims

from ..factories import ArticleFactory

BODY = "The governor said 31 ships waited at anchor on Monday, and the port reopened on Tuesday."


@pytest.fixture
def three_claims(reviewer):
    article = ArticleFactory(body=BODY)
    return [
        add_claim_by_hand(article=article, text=words, added_by=reviewer)
        for words in ("The governor said 31 ships waited", "at anchor on Monday", "and the port reopened on Tuesday")
    ]


def claim_page(client, pk):
    return client.get(reverse("claims:claim", args=[pk]))


def test_a_link_to_a_merged_claim_leads_to_the_claim_it_was_merged_into(reviewer_client, reviewer, three_claims):
    first, second, _ = three_claims
    merge_claims(first=first, second=second, user=reviewer)
    response = claim_page(reviewer_client, second.pk)
    assert response.status_code == 302 and response["Location"] == reverse("claims:claim", args=[first.pk])
    assert [str(m) for m in get_messages(response.wsgi_request)] == [f"Claim {second.pk} was merged into this claim."]


def test_the_message_is_shown_on_the_claim_it_was_merged_into(reviewer_client, reviewer, three_claims):
    first, second, _ = three_claims
    merge_claims(first=first, second=second, user=reviewer)
    response = reviewer_client.get(reverse("claims:claim", args=[second.pk]), follow=True)
    assert response.status_code == 200 and f"Claim {second.pk} was merged into this claim." in response.content.decode()


def test_a_claim_merged_twice_over_leads_to_where_it_ended_up(reviewer_client, reviewer, three_claims):
    first, second, third = three_claims
    merge_claims(first=second, second=third, user=reviewer)
    merge_claims(first=first, second=second, user=reviewer)
    response = claim_page(reviewer_client, third.pk)
    assert response["Location"] == reverse("claims:claim", args=[first.pk])


def test_a_claim_deleted_for_another_reason_is_not_found(reviewer_client, three_claims):
    gone = three_claims[1]
    pk = gone.pk
    gone.delete()
    assert claim_page(reviewer_client, pk).status_code == 404


def test_a_merged_claim_whose_claim_is_gone_too_is_not_found(reviewer_client, reviewer, three_claims):
    first, second, _ = three_claims
    merge_claims(first=first, second=second, user=reviewer)
    first.delete()
    assert claim_page(reviewer_client, second.pk).status_code == 404


def test_a_claim_that_never_was_is_not_found(reviewer_client, db):
    assert claim_page(reviewer_client, 999_999).status_code == 404
