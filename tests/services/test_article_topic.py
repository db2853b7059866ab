"""An article's topic is never lost silently: chosen from the text when it is clear, asked for on
the paste form when it is not, and changeable by an editor afterwards (which splits again)."""
import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from claims.models import Article, ArticleState
from claims.services.articles import (
    ArticleBeingSplit, ArticleDraft, DuplicateArticle, change_article_details, import_article, save_articles,
)
from claims.services.topics import NO_TOPIC, TopicUnclear
from claims.workflow import ReviewState

from ..factories import ArticleFactory, ClaimFactory, OutletFactory, UserFactory
from ..topic_registry import CLEAR_WAR_TEXT, UNCLEAR_TEXT, build_registry


@pytest.fixture
def registry(db):
    return build_registry()


def _paste(editor, text, **kwargs):
    return import_article(title="Drones", raw_text=text, imported_by=editor, **kwargs)


def test_pasted_article_without_topic_gets_the_one_its_text_makes_clear_and_sides_and_disputes(
    registry, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = _paste(editor, CLEAR_WAR_TEXT)
    article.refresh_from_db()
    assert (article.topic, article.topic_from_text, article.state) == (registry["war"], True, ArticleState.READY)
    claims = list(article.claims.order_by("start"))
    assert [c.side for c in claims] == [registry["russia"], registry["ukraine"]]
    assert all(c.has_dispute for c in claims)


def test_pasted_article_whose_topic_is_unclear_is_asked_about_and_not_saved(registry, editor):
    with pytest.raises(TopicUnclear) as caught:
        _paste(editor, UNCLEAR_TEXT)
    assert isinstance(caught.value, ValidationError)
    assert [c.topic for c in caught.value.guess.candidates] == [registry["war"], registry["strike"]]
    [message] = caught.value.message_dict["topic"]
    assert "Russia-Ukraine war (Russia, Russian)" in message and "Harbour strike (Ivo Brandt)" in message
    assert "No topic (no sides, no disputes)" in message
    assert not Article.objects.exists()


def test_editor_who_chooses_no_topic_is_not_asked_again(registry, editor):
    article = _paste(editor, UNCLEAR_TEXT, topic=NO_TOPIC)
    assert (article.topic, article.topic_from_text) == (None, False)


def test_a_topic_given_is_kept_even_when_the_text_points_elsewhere(registry, editor):
    article = _paste(editor, CLEAR_WAR_TEXT, topic=registry["strike"])
    assert (article.topic, article.topic_from_text) == (registry["strike"], False)


def test_a_repeated_paste_is_told_it_is_a_duplicate_before_being_asked_for_a_topic(registry, editor):
    first = _paste(editor, UNCLEAR_TEXT, topic=NO_TOPIC)
    with pytest.raises(DuplicateArticle) as caught:
        _paste(editor, UNCLEAR_TEXT)
    assert caught.value.existing == first


def test_without_any_topic_in_the_registry_the_editor_is_not_asked(editor):
    article = _paste(editor, UNCLEAR_TEXT)
    assert article.topic is None


def test_batch_imports_keep_unclear_articles_without_a_topic_and_choose_clear_ones(registry, editor):
    clear, unclear = save_articles(
        [ArticleDraft(title="a", raw_text=CLEAR_WAR_TEXT, imported_by=editor),
         ArticleDraft(title="b", raw_text=UNCLEAR_TEXT, imported_by=editor)]
    )
    assert (clear.topic, clear.topic_from_text) == (registry["war"], True)
    assert (unclear.pk is not None, unclear.topic, unclear.topic_from_text) == (True, None, False)


def test_a_batch_reads_the_registry_once(registry, editor, django_assert_max_num_queries):
    drafts = [ArticleDraft(title=f"{n}", raw_text=f"Story {n}. {CLEAR_WAR_TEXT}", imported_by=editor) for n in range(5)]
    with django_assert_max_num_queries(10):
        saved = save_articles(drafts)
    assert {a.topic for a in saved} == {registry["war"]}


# --- Changing the topic, outlet and date afterwards


def test_editor_changes_the_topic_and_the_claims_get_sides_keeping_reviewed_work(
    registry, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = _paste(editor, CLEAR_WAR_TEXT, topic=NO_TOPIC)
    assert set(article.claims.values_list("side", flat=True)) == {None}
    reviewed = ClaimFactory(
        article=article, text="40 drones", start=article.body.index("40 drones"), end=article.body.index("40 drones") + 9,
        side=None, source=None, state=ReviewState.IN_REVIEW,
    )
    with django_capture_on_commit_callbacks(execute=True):
        resplit = change_article_details(
            article=article, user=editor, topic=registry["war"], outlet=None, published_on=None
        )
    article.refresh_from_db()
    assert resplit and (article.topic, article.state) == (registry["war"], ArticleState.READY)
    reviewed.refresh_from_db()  # kept as it was, as every re-split keeps a reviewer's claim
    assert (reviewed.state, reviewed.side) == (ReviewState.IN_REVIEW, None)
    new = article.claims.exclude(pk=reviewed.pk).order_by("start")
    assert [c.side for c in new] == [registry["russia"], registry["ukraine"]]


def test_changing_only_outlet_and_date_does_not_split_again(registry, editor, django_capture_on_commit_callbacks):
    article = ArticleFactory(topic=registry["war"], topic_from_text=True)
    outlet = OutletFactory()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        resplit = change_article_details(
            article=article, user=editor, topic=registry["war"], outlet=outlet, published_on=datetime.date(2026, 3, 1)
        )
    article.refresh_from_db()
    assert (resplit, callbacks) == (False, [])
    assert (article.outlet, article.published_on, article.state) == (outlet, datetime.date(2026, 3, 1), ArticleState.READY)
    assert not article.topic_from_text  # the editor has seen and kept it


def test_a_reviewer_cannot_change_an_article_and_nothing_is_saved(registry, reviewer):
    article = ArticleFactory(topic=None)
    with pytest.raises(PermissionDenied):
        change_article_details(article=article, user=reviewer, topic=registry["war"], outlet=None, published_on=None)
    article.refresh_from_db()
    assert (article.topic, article.state) == (None, ArticleState.READY)


def test_the_topic_cannot_change_while_a_worker_splits_with_the_old_one(registry, editor):
    article = ArticleFactory(topic=None, state=ArticleState.PROCESSING)
    with pytest.raises(ArticleBeingSplit):
        change_article_details(article=article, user=editor, topic=registry["war"], outlet=None, published_on=None)
    article.refresh_from_db()
    assert article.topic is None


def test_an_editor_who_lost_the_role_cannot_change_anything(registry):
    former = UserFactory()
    article = ArticleFactory(topic=registry["war"])
    with pytest.raises(PermissionDenied):
        change_article_details(article=article, user=former, topic=None, outlet=None, published_on=None)
    article.refresh_from_db()
    assert article.topic == registry["war"]
