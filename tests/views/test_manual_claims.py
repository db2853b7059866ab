"""Reviewers add a claim the engine missed, copied from the article."""
import pytest
from django.urls import reverse

from claims.extraction.language import not_english_reason
from claims.models import Claim

from ..factories import ArticleFactory


@pytest.fixture
def article(db):
    return ArticleFactory(body="El ministerio dijo que las tropas entraron en la ciudad.", state="not_split")


def test_reviewer_adds_a_claim_to_an_article_that_was_not_split(reviewer_client, reviewer, article):
    response = reviewer_client.post(
        reverse("claims:article_add_claim", args=[article.pk]),
        {"text": "las tropas entraron en la ciudad", "speaker": "El ministerio"},
    )
    claim = Claim.objects.get()
    assert response.status_code == 302 and response["Location"] == claim.get_absolute_url()
    assert (claim.start, claim.added_by) == (article.body.index("las tropas"), reviewer)


def test_text_not_in_the_article_is_refused(reviewer_client, article):
    response = reviewer_client.post(reverse("claims:article_add_claim", args=[article.pk]), {"text": "invented words"})
    assert response.status_code == 400
    assert "Copy the claim exactly" in response.content.decode()
    assert not Claim.objects.exists()


def test_empty_text_is_refused(reviewer_client, article):
    response = reviewer_client.post(reverse("claims:article_add_claim", args=[article.pk]), {"text": ""})
    assert response.status_code == 400 and not Claim.objects.exists()


def test_a_side_from_another_topic_is_refused(reviewer_client, article):
    from ..factories import SideFactory, TopicFactory

    other = SideFactory(topic=TopicFactory(name="Elsewhere"), name="Them")
    response = reviewer_client.post(
        reverse("claims:article_add_claim", args=[article.pk]), {"text": "las tropas", "side": other.pk}
    )
    assert response.status_code == 400 and not Claim.objects.exists()


def test_not_split_article_page_explains_and_offers_the_form(reviewer_client, article):
    article.error = not_english_reason("es")
    article.save()
    page = reviewer_client.get(article.get_absolute_url()).content.decode()
    assert "This article is in Spanish" in page and "Add a claim by hand" in page


def test_article_page_title_is_the_article_title(reviewer_client, article):
    page = reviewer_client.get(article.get_absolute_url()).content.decode()
    assert f"<title>{article.title} · Fact-checking workbench</title>" in page
    assert page.count("Set aside by extraction") <= 1
