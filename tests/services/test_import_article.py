"""Importing an article: it is saved first, split by a worker, and never lost or doubled."""
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from claims import extraction
from claims.models import Article, ArticleState, Claim
from claims import tasks
from claims.services.articles import DuplicateArticle, import_article
from claims.services.splitting import split_article
from claims.workflow import ReviewState

from ..factories import SideFactory, SourceFactory, TopicFactory, VerdictFactory

TEXT = (
    "The regional council said on Tuesday that the new bridge will open in March.\n\n"
    "Opposition members said the project is two years late and 40 percent over budget.\n"
)


def _import(editor, text=TEXT, **kwargs):
    return import_article(title="Bridge row", raw_text=text, imported_by=editor, **kwargs)


@pytest.mark.django_db
def test_imported_article_is_split_into_claims(editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = _import(editor)
    article.refresh_from_db()
    assert article.state == ArticleState.READY
    assert [(c.speaker, c.text) for c in article.claims.order_by("start")] == [
        ("regional council", "the new bridge will open in March"),
        ("Opposition members", "the project is two years late and 40 percent over budget"),
    ]


@pytest.mark.django_db
def test_claim_offsets_point_into_the_body(editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = _import(editor, text="\r\n  " + TEXT.replace("\n", "\r\n"))
    article.refresh_from_db()
    for claim in article.claims.all():
        assert article.body[claim.start : claim.end] == claim.text


@pytest.mark.django_db
def test_raw_input_is_kept_exactly_as_received(editor):
    raw = "  Line one.\r\nThe mayor said the water is safe to drink again.  "
    assert _import(editor, text=raw).raw_input == raw


@pytest.mark.django_db
def test_same_text_with_other_whitespace_is_a_duplicate(editor):
    first = _import(editor)
    with pytest.raises(DuplicateArticle) as caught:
        _import(editor, text="  " + TEXT.replace("\n\n", "\n \n"))
    assert caught.value.existing == first
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    "text, code",
    [("", "empty"), ("   \n\t  ", "empty"), ("ab\x00cd", "control_character"), ("\x01\x02\x03 junk", "control_character"),
     ("A terminal escape \x9b31m in copied text", "control_character"), ("DEL \x7f inside", "control_character"),
     ("\ud800 said the minister", "control_character"), ("0", "too_short"), ("Ships sank.", "too_short")],
)
@pytest.mark.django_db
def test_unusable_text_is_refused_and_nothing_is_saved(editor, text, code):
    with pytest.raises(ValidationError) as caught:
        _import(editor, text=text)
    assert caught.value.code == code
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_text_over_the_limit_is_refused(editor, settings):
    settings.MAX_ARTICLE_CHARS = 100
    with pytest.raises(ValidationError) as caught:
        _import(editor, text="word " * 50)
    assert caught.value.code == "too_long"


@pytest.mark.django_db
def test_reviewers_cannot_import(reviewer):
    with pytest.raises(PermissionDenied):
        _import(reviewer)


@pytest.mark.django_db
def test_failed_split_marks_the_article_failed_and_keeps_the_input(editor, monkeypatch):
    article = _import(editor)

    def broken(*args, **kwargs):
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(extraction, "extract_many", broken)
    with pytest.raises(RuntimeError):
        split_article(article.pk)
    article.refresh_from_db()
    assert article.state == ArticleState.FAILED
    assert "parser exploded" in article.error
    assert article.raw_input == TEXT


@pytest.mark.django_db
def test_splitting_again_replaces_new_claims_but_keeps_reviewed_ones(editor):
    article = _import(editor)
    split_article(article.pk)
    reviewed = article.claims.order_by("start").first()
    VerdictFactory(claim=reviewed)
    Claim.objects.filter(pk=reviewed.pk).update(state=ReviewState.AWAITING_APPROVAL)
    split_article(article.pk)
    assert article.claims.count() == 2
    assert Claim.objects.filter(pk=reviewed.pk, state=ReviewState.AWAITING_APPROVAL).exists()


@pytest.mark.django_db
def test_splitting_twice_does_not_double_the_claims(editor):
    article = _import(editor)
    split_article(article.pk)
    split_article(article.pk)
    assert article.claims.count() == 2


@pytest.mark.django_db
def test_extracted_speaker_and_side_are_linked_to_the_registry(editor, monkeypatch):
    topic = TopicFactory()
    side = SideFactory(topic=topic, name="Council")
    source = SourceFactory(name="Regional council", side=side)
    article = _import(editor, topic=topic)

    def engine(articles):
        [article_input] = articles
        assert [s.name for s in article_input.sides] == ["Council"]
        assert [s.name for s in article_input.registry] == ["Regional council"]
        text = article_input.text
        return [extraction.Extraction(
            language="en",
            claims=[extraction.FoundClaim(text=text[:20], start=0, end=20, speaker="the council",
                                          side="Council", source="Regional council")],
        )]

    monkeypatch.setattr(extraction, "extract_many", engine)
    split_article(article.pk)
    claim = article.claims.get()
    assert (claim.source, claim.side, claim.speaker) == (source, side, "the council")


@pytest.mark.django_db
def test_broker_down_leaves_the_article_queued(editor, monkeypatch, django_capture_on_commit_callbacks):
    def refuse(*args, **kwargs):
        raise ConnectionError("broker unreachable")

    monkeypatch.setattr(tasks.split_article_task, "delay", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        article = _import(editor)
    article.refresh_from_db()
    assert article.state == ArticleState.QUEUED


@pytest.mark.django_db
def test_a_split_task_for_an_article_already_split_parses_nothing(editor, monkeypatch):
    """The broker delivers the task again, or the sweep sent it twice while the queue was long."""
    from claims.services.splitting import split_waiting_article

    article = _import(editor)
    split_article(article.pk)
    claims = list(article.claims.values_list("pk", flat=True))

    def engine(*args, **kwargs):
        raise AssertionError("the article was parsed again")

    monkeypatch.setattr(extraction, "extract_many", engine)
    assert split_waiting_article(article.pk).state == ArticleState.READY
    assert list(article.claims.values_list("pk", flat=True)) == claims
