"""Hostile requests to the article details form and to where a bulk action returns: the right
status, nothing half-saved, and never a 500 or a Location header a server or browser misreads."""
import pytest
from django.urls import reverse

from claims.forms import ArticleDetailsForm
from claims.models import Article, Topic

from ..factories import ArticleFactory, ClaimFactory, TopicFactory


@pytest.fixture
def article(db):
    return ArticleFactory()


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_the_details_form_answers_only_get_and_post(editor_client, article, method):
    response = getattr(editor_client, method)(reverse("claims:article_edit", args=[article.pk]))
    assert response.status_code == 405


def test_a_topic_deleted_while_the_editor_saves_is_refused_not_a_500(editor_client, article, monkeypatch):
    doomed = TopicFactory(name="Harbour strike")
    validate = ArticleDetailsForm.is_valid

    def valid_then_deleted(form):
        ok = validate(form)
        Topic.objects.filter(pk=doomed.pk).delete()  # an admin removes it between check and save
        return ok

    monkeypatch.setattr(ArticleDetailsForm, "is_valid", valid_then_deleted)
    before = article.topic_id
    response = editor_client.post(reverse("claims:article_edit", args=[article.pk]), {"topic": doomed.pk})
    assert response.status_code == 400
    assert Article.objects.get(pk=article.pk).topic_id == before


@pytest.mark.parametrize("back", ["state=new\x00", "q=caf\u00e9", "q=\u2028", "q=\t//evil.example", "q=a\x0bb", "q=\x85"])
def test_a_bulk_action_returns_to_the_queue_with_a_location_every_server_can_send(reviewer_client, db, back):
    claim = ClaimFactory()
    response = reviewer_client.post(reverse("claims:queue_bulk"), {"ids": [claim.pk], "action": "take", "back": back})
    assert response.status_code == 302
    location = response["Location"]
    # What gunicorn sends (HEADER_VALUE_RE) and a browser reads back unchanged: printable ASCII.
    assert all(0x21 <= ord(ch) < 0x7F for ch in location), location
    assert location.startswith("/") and not location.startswith(("//", "/\\"))


def test_a_bulk_action_keeps_the_queue_filters_it_was_given(reviewer_client, db):
    claim = ClaimFactory()
    response = reviewer_client.post(
        reverse("claims:queue_bulk"), {"ids": [claim.pk], "action": "take", "back": "state=new&q=caf%C3%A9"}
    )
    assert response["Location"] == reverse("claims:queue") + "?state=new&q=caf%C3%A9"
