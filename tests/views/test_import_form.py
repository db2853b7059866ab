"""The import form: an editor pastes or uploads an article; bad input is explained, never saved."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from claims.models import Article, ArticleState

GOOD = "The port authority said 300 containers were stuck at the terminal on Friday after the strike began."


def _post(client, **data):
    return client.post(reverse("claims:article_import"), {"title": "Port", **data})


@pytest.mark.django_db
def test_editor_pastes_an_article_and_sees_its_claims(editor_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(editor_client, text=GOOD)
    article = Article.objects.get()
    assert response.status_code == 302 and response["Location"] == article.get_absolute_url()
    page = editor_client.get(article.get_absolute_url()).content.decode()
    claim = article.claims.get()
    assert (claim.speaker, claim.text) == ("port authority", "300 containers were stuck at the terminal on Friday after the strike began")
    assert '<a class="claim-mark' in page and claim.text in page


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "The article text is empty."),
        ("  \n\n \t ", "The article text is empty."),
        ("abc\x01\x02\x7fdef", "Remove the control character U+0001 at character 4 (2 more after it)"),
        ("abc\x00def", "Remove the control character U+0000 (NUL) at character 4"),
        ("42", "The text is too short to be an article"),
    ],
    ids=["empty", "whitespace", "binary", "nul-bytes", "too-short"],
)
@pytest.mark.django_db
def test_unusable_paste_is_explained_on_the_form(editor_client, text, message):
    response = _post(editor_client, text=text)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_five_megabyte_paste_is_refused_with_the_limit(editor_client):
    response = _post(editor_client, text="word " * (1024 * 1024))
    assert response.status_code == 400
    assert "the limit is 500,000" in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_a_binary_file_named_txt_is_refused_with_the_reason(editor_client):
    upload = SimpleUploadedFile("story.txt", bytes(range(256)) * 8, content_type="text/plain")
    response = _post(editor_client, file=upload)
    assert response.status_code == 400
    assert "could not be read as text" in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_a_text_file_saved_in_a_legacy_encoding_keeps_its_accents(editor_client):
    text = "Le maire a déclaré que la digue était sûre et que 300 élèves étaient rentrés à l'école."
    upload = SimpleUploadedFile("story.txt", text.encode("cp1252"), content_type="text/plain")
    response = _post(editor_client, file=upload)
    assert response.status_code in (200, 302)
    assert Article.objects.get().body == text


@pytest.mark.django_db
def test_utf8_upload_is_imported(editor_client):
    upload = SimpleUploadedFile("story.txt", GOOD.encode(), content_type="text/plain")
    response = _post(editor_client, file=upload)
    assert response.status_code == 302
    assert Article.objects.get().raw_input == GOOD


@pytest.mark.django_db
def test_paste_and_upload_together_is_refused(editor_client):
    upload = SimpleUploadedFile("story.txt", GOOD.encode(), content_type="text/plain")
    response = _post(editor_client, text=GOOD, file=upload)
    assert response.status_code == 400 and not Article.objects.exists()


@pytest.mark.django_db
def test_duplicate_article_links_to_the_existing_one(editor_client):
    _post(editor_client, text=GOOD)
    first = Article.objects.get()
    response = _post(editor_client, text=GOOD + "\n")
    assert response.status_code == 400
    assert "already imported" in response.content.decode()
    assert first.get_absolute_url() in response.content.decode()
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_the_duplicate_error_is_printed_once_in_one_alert(editor_client):
    _post(editor_client, text=GOOD)
    page = _post(editor_client, text=GOOD).content.decode()
    assert page.count("already imported") == 1 and page.count('role="alert"') == 1


@pytest.mark.django_db
def test_paste_and_upload_together_is_explained_once(editor_client):
    upload = SimpleUploadedFile("story.txt", GOOD.encode(), content_type="text/plain")
    page = _post(editor_client, text=GOOD, file=upload).content.decode()
    assert page.count("Paste text or upload a file, not both.") == 1


@pytest.mark.django_db
def test_url_that_is_not_http_is_refused(editor_client):
    response = _post(editor_client, text=GOOD, url="javascript:alert(1)")
    assert response.status_code == 400 and not Article.objects.exists()


@pytest.mark.django_db
def test_failed_article_shows_its_error_and_a_retry_button(editor_client, editor):
    from ..factories import ArticleFactory

    article = ArticleFactory(state=ArticleState.FAILED, error="Splitting failed: parser exploded")
    page = editor_client.get(article.get_absolute_url()).content.decode()
    assert "parser exploded" in page and "Retry splitting" in page


@pytest.mark.django_db
def test_retry_splits_a_failed_article(editor_client, django_capture_on_commit_callbacks):
    from ..factories import ArticleFactory

    import datetime

    from django.utils import timezone

    long_ago = timezone.now() - datetime.timedelta(days=2)
    article = ArticleFactory(state=ArticleState.FAILED, body=GOOD, error="boom", queued_at=long_ago)
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(reverse("claims:article_retry", args=[article.pk]))
    article.refresh_from_db()
    assert (article.state, article.error, article.claims.count()) == (ArticleState.READY, "", 1)
    assert article.queued_at > long_ago  # queued afresh: the sweep does not count the days it sat failed


@pytest.mark.django_db
def test_article_page_polls_while_queued_and_refreshes_when_ready(editor_client):
    from ..factories import ArticleFactory

    article = ArticleFactory(state=ArticleState.QUEUED)
    polling = editor_client.get(article.get_absolute_url(), headers={"HX-Request": "true"})
    assert 'hx-trigger="every 2s"' in polling.content.decode()
    Article.objects.filter(pk=article.pk).update(state=ArticleState.READY)
    done = editor_client.get(article.get_absolute_url(), headers={"HX-Request": "true"})
    assert done["HX-Refresh"] == "true"
