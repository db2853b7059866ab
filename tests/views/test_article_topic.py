"""The paste form and the article pages never lose a topic silently, and an editor's form to
change an article's topic, outlet and date refuses bad input without saving half of it."""
import pytest
from django.urls import reverse

from claims.models import Article, ArticleState

from ..factories import ArticleFactory, OutletFactory
from ..topic_registry import CLEAR_WAR_TEXT, UNCLEAR_TEXT, build_registry


@pytest.fixture
def registry(db):
    return build_registry()


def _paste(client, **data):
    return client.post(reverse("claims:article_import"), {"title": "Drones", **data})


def _edit(client, article, htmx=False, **data):
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(reverse("claims:article_edit", args=[article.pk]), data, headers=headers)


# --- The paste form


def test_paste_without_topic_says_on_the_article_page_which_topic_was_chosen(registry, editor_client):
    response = _paste(editor_client, text=CLEAR_WAR_TEXT)
    article = Article.objects.get()
    page = editor_client.get(response["Location"]).content.decode()
    assert article.topic == registry["war"]
    assert "Topic chosen from the text: <strong>Russia-Ukraine war</strong>" in page
    assert reverse("claims:article_edit", args=[article.pk]) in page


def test_paste_with_an_unclear_topic_asks_with_the_candidates_and_saves_nothing(registry, editor_client):
    response = _paste(editor_client, text=UNCLEAR_TEXT)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Which topic is this article about?" in page
    assert "Russia-Ukraine war (Russia, Russian)" in page and "Harbour strike (Ivo Brandt)" in page
    assert '<option value="none">No topic (no sides, no disputes)</option>' in page
    assert UNCLEAR_TEXT.split("\n")[0] in page  # what the editor pasted is kept on the form
    assert not Article.objects.exists()


def test_editor_asked_can_choose_no_topic_and_the_page_says_sides_are_off(registry, editor_client):
    response = _paste(editor_client, text=UNCLEAR_TEXT, topic="none")
    article = Article.objects.get()
    page = editor_client.get(response["Location"]).content.decode()
    assert article.topic is None
    assert "No topic: sides and disputes are off." in page


def test_editor_asked_can_choose_a_candidate(registry, editor_client):
    _paste(editor_client, text=UNCLEAR_TEXT, topic=registry["strike"].pk)
    assert Article.objects.get().topic == registry["strike"]


@pytest.mark.parametrize("forged", ["999999", "abc", "-1", "none;drop", "1.5"])
def test_paste_with_a_forged_topic_is_refused(registry, editor_client, forged):
    response = _paste(editor_client, text=CLEAR_WAR_TEXT, topic=forged)
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Article.objects.exists()


def test_article_list_says_plainly_which_articles_have_no_topic(registry, editor_client):
    article = ArticleFactory(topic=None, title="Harbour closure")
    page = editor_client.get(reverse("claims:articles")).content.decode()
    assert "No topic: sides and disputes are off" in page
    assert reverse("claims:article_edit", args=[article.pk]) in page


def test_a_reviewer_sees_that_an_article_has_no_topic_but_no_form(registry, reviewer_client):
    article = ArticleFactory(topic=None)
    page = reviewer_client.get(article.get_absolute_url()).content.decode()
    assert "No topic: sides and disputes are off." in page and "An editor can set it." in page
    assert "Change topic, outlet or date" not in page


# --- Changing the details afterwards


def test_editor_opens_the_details_form_as_a_page(registry, editor_client):
    article = ArticleFactory(topic=None)
    response = editor_client.get(reverse("claims:article_edit", args=[article.pk]))
    assert response.status_code == 200
    assert "Change topic, outlet or date" in response.content.decode()


def test_editor_changes_the_topic_and_the_article_is_split_again(registry, editor_client, django_capture_on_commit_callbacks):
    article = ArticleFactory(topic=None, body=CLEAR_WAR_TEXT.strip(), raw_input=CLEAR_WAR_TEXT)
    with django_capture_on_commit_callbacks(execute=True):
        response = _edit(editor_client, article, topic=registry["war"].pk, outlet="", published_on="2026-03-01")
    assert response.status_code == 302 and response["Location"] == article.get_absolute_url()
    article.refresh_from_db()
    assert (article.topic, article.state, str(article.published_on)) == (registry["war"], ArticleState.READY, "2026-03-01")
    assert {c.side for c in article.claims.all()} == {registry["russia"], registry["ukraine"]}
    page = editor_client.get(article.get_absolute_url()).content.decode()
    assert "split again for its new topic" in page


def test_htmx_save_sends_the_browser_to_the_article(registry, editor_client):
    article = ArticleFactory(topic=None)
    response = _edit(editor_client, article, topic=registry["war"].pk, htmx=True)
    assert response.status_code == 200 and response["HX-Redirect"] == article.get_absolute_url()


@pytest.mark.parametrize(
    "field, value",
    [("topic", "999999"), ("topic", "abc"), ("topic", "none"), ("outlet", "999999"), ("outlet", "x' OR 1=1"),
     ("published_on", "2026-02-30"), ("published_on", "yesterday"), ("published_on", "99999-01-01"),
     ("published_on", "2026-13-01"), ("published_on", "2026-01-01\x00")],
)
def test_forged_or_bad_details_are_refused_and_nothing_is_saved(registry, editor_client, field, value):
    outlet = OutletFactory()
    article = ArticleFactory(topic=registry["strike"])
    data = {"topic": registry["war"].pk, "outlet": outlet.pk, "published_on": "2026-03-01", field: value}
    response = _edit(editor_client, article, **data)
    assert response.status_code == 400
    assert "Nothing was saved" in response.content.decode()
    article.refresh_from_db()
    assert (article.topic, article.published_on, article.state) == (registry["strike"], None, ArticleState.READY)
    assert article.outlet != outlet


def test_htmx_errors_come_back_as_the_form_fragment(registry, editor_client):
    article = ArticleFactory(topic=None)
    response = _edit(editor_client, article, published_on="someday", htmx=True)
    body = response.content.decode()
    assert response.status_code == 400
    assert '<section id="article-details"' in body and "<html" not in body
    assert "Enter a real date" in body


def test_a_reviewer_may_not_change_an_article(registry, reviewer_client):
    article = ArticleFactory(topic=None)
    assert reviewer_client.get(reverse("claims:article_edit", args=[article.pk])).status_code == 403
    assert _edit(reviewer_client, article, topic=registry["war"].pk).status_code == 403
    article.refresh_from_db()
    assert article.topic is None


def test_someone_signed_out_is_sent_to_sign_in(registry, client):
    article = ArticleFactory(topic=None)
    response = _edit(client, article, topic=registry["war"].pk)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_unknown_article_is_not_found(registry, editor_client):
    assert editor_client.post(reverse("claims:article_edit", args=[999999]), {}).status_code == 404


def test_the_topic_of_an_article_being_split_cannot_change(registry, editor_client):
    article = ArticleFactory(topic=None, state=ArticleState.PROCESSING)
    response = _edit(editor_client, article, topic=registry["war"].pk)
    assert response.status_code == 409
    assert "being split right now" in response.content.decode()
    article.refresh_from_db()
    assert article.topic is None
