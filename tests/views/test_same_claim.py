"""The "Checked before?" panel's same-claim actions over HTTP: link, unlink, take the published
verdict. Who may, and every bad input answered with a clear refusal, never a 500."""
import pytest
from django.urls import reverse

from claims.models import Claim, ClaimCluster, Comment, Verdict
from claims.services import clusters, reviews
from claims.workflow import ReviewState

from ..factories import UserFactory
from ..services.test_same_claim import KILLED, repeated, story  # noqa: F401  (the fixture)

HTMX = {"HX-Request": "true"}


def link_url(claim):
    return reverse("claims:claim_link_same", args=[claim.pk])


def post(client, url, claim, **data):
    return client.post(url, {"version": Claim.objects.get(pk=claim.pk).version, **data}, headers=HTMX)


def test_a_reviewer_links_a_match_and_gets_the_panel_back(reviewer_client, story):
    response = post(reviewer_client, link_url(story["repeat"]), story["repeat"], other=story["earlier"].pk)
    body = response.content.decode()
    assert response.status_code == 200 and 'id="review-panel"' in body
    assert "Linked as the same claim" in body and "Use the published verdict: False (12 Oct)" in body


def test_the_panel_shows_the_spread_once_linked(reviewer_client, story):
    body = post(reviewer_client, link_url(story["repeat"]), story["repeat"], other=story["earlier"].pk).content.decode()
    assert "Same claim in 2 articles from 2 outlets, since 10 Oct 2026." in body


def test_every_match_offers_the_link(reviewer_client, story):
    body = reviewer_client.get(story["repeat"].get_absolute_url()).content.decode()
    assert body.count("Same claim: link</button>") == 2


def test_a_reviewer_unlinks(reviewer_client, story, reviewer):
    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    response = post(reviewer_client, reverse("claims:claim_unlink_same", args=[story["repeat"].pk]), story["repeat"],
                    other=story["earlier"].pk)
    assert response.status_code == 200 and not ClaimCluster.objects.exists()


def test_a_reviewer_takes_the_published_verdict(reviewer_client, story, reviewer):
    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    response = post(reviewer_client, reverse("claims:claim_take_verdict", args=[story["repeat"].pk]), story["repeat"])
    assert response.status_code == 200
    assert Claim.objects.get(pk=story["repeat"].pk).state == ReviewState.AWAITING_APPROVAL


def test_the_note_of_a_taken_verdict_links_to_the_original_claim(reviewer_client, story, reviewer):
    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    post(reviewer_client, reverse("claims:claim_take_verdict", args=[story["repeat"].pk]), story["repeat"])
    body = reviewer_client.get(story["repeat"].get_absolute_url()).content.decode()
    earlier = story["earlier"]
    assert f'Verdict taken from <a href="{earlier.get_absolute_url()}">claim {earlier.pk}</a> (the same claim)' in body


def test_a_comment_names_claims_as_links_and_stays_text_otherwise(reviewer_client, story, reviewer):
    Comment.objects.create(claim=story["repeat"], author=reviewer,
                           body=f'See Claim #{story["earlier"].pk}.\n<script>alert(1)</script> claim 0 or claimant 5')
    body = reviewer_client.get(story["repeat"].get_absolute_url()).content.decode()
    assert f'See <a href="{story["earlier"].get_absolute_url()}">Claim #{story["earlier"].pk}</a>.<br>' in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; claim 0 or claimant 5" in body


def test_without_a_published_verdict_in_the_cluster_taking_one_is_a_clear_400(reviewer_client, story):
    response = post(reviewer_client, reverse("claims:claim_take_verdict", args=[story["repeat"].pk]), story["repeat"])
    assert response.status_code == 400 and b"not linked as the same claim to one with a published verdict" in response.content
    assert not Verdict.objects.filter(claim=story["repeat"]).exists()


URLS = ("claims:claim_link_same", "claims:claim_unlink_same", "claims:claim_take_verdict")


@pytest.mark.parametrize("name", URLS)
def test_anonymous_people_are_sent_to_sign_in(client, story, name):
    response = client.post(reverse(name, args=[story["repeat"].pk]), {"other": story["earlier"].pk})
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", URLS)
def test_people_without_a_role_get_403(client, story, name):
    client.force_login(UserFactory(username="nobody"))
    response = client.post(reverse(name, args=[story["repeat"].pk]), {"other": story["earlier"].pk})
    assert response.status_code == 403


@pytest.mark.parametrize("name", URLS)
def test_get_is_405(reviewer_client, story, name):
    assert reviewer_client.get(reverse(name, args=[story["repeat"].pk])).status_code == 405


def test_a_reviewer_cannot_link_from_a_claim_assigned_to_someone_else(client, story, other_reviewer, reviewer):
    reviews.start_review(claim=story["repeat"], reviewer=other_reviewer)
    client.force_login(reviewer)
    response = post(client, link_url(story["repeat"]), story["repeat"], other=story["earlier"].pk)
    assert response.status_code == 403 and not ClaimCluster.objects.exists()


@pytest.mark.parametrize("other", ["", "abc", "0", "-3", "99999999", str(2**64), "1e3", "\x00"])
def test_forged_or_malformed_ids_are_refused_with_400(reviewer_client, story, other):
    response = post(reviewer_client, link_url(story["repeat"]), story["repeat"], other=other)
    assert response.status_code == 400 and not ClaimCluster.objects.exists()


def test_a_claim_of_the_same_article_is_not_a_match(reviewer_client, story):
    neighbour = Claim.objects.create(article=story["repeat"].article, text="The mayor spoke later.", start=0, end=5)
    response = post(reviewer_client, link_url(story["repeat"]), story["repeat"], other=neighbour.pk)
    assert response.status_code == 400 and b"is not one of this claim&#x27;s matches" in response.content


def test_unlinking_a_claim_that_is_not_linked_is_400(reviewer_client, story):
    response = post(reviewer_client, reverse("claims:claim_unlink_same", args=[story["repeat"].pk]), story["repeat"],
                    other=story["earlier"].pk)
    assert response.status_code == 400


def test_a_stale_page_is_refused_with_409(reviewer_client, story):
    response = reviewer_client.post(link_url(story["repeat"]), {"version": story["repeat"].version + 5,
                                                                 "other": story["earlier"].pk}, headers=HTMX)
    assert response.status_code == 409 and not ClaimCluster.objects.exists()


def test_a_malformed_version_is_400(reviewer_client, story):
    response = reviewer_client.post(link_url(story["repeat"]), {"version": "x", "other": story["earlier"].pk}, headers=HTMX)
    assert response.status_code == 400


def test_an_unknown_claim_is_404(reviewer_client, story):
    assert reviewer_client.post(reverse("claims:claim_link_same", args=[99999]), {"other": story["earlier"].pk}).status_code == 404


def test_without_htmx_the_page_is_reloaded(reviewer_client, story):
    response = reviewer_client.post(link_url(story["repeat"]), {"other": story["earlier"].pk})
    assert response.status_code == 302 and response["Location"] == story["repeat"].get_absolute_url()
