"""An editor importing many articles at once (links, files, a spreadsheet) has the same topic
choices as one pasting a single article, "No topic" among them; a topic that is not one of them
is a form error, with nothing saved."""
import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from claims.forms import ArticleImportForm, NO_TOPIC_LABEL
from claims.models import Article, ImportItem, ImportJob
from claims.views.imports import FORMS

from ..topic_registry import CLEAR_WAR_TEXT, build_registry


@pytest.fixture
def registry(db):
    return build_registry()


def spreadsheet(*texts) -> SimpleUploadedFile:
    rows = io.StringIO()
    writer = csv.writer(rows)
    writer.writerow(["title", "text"])
    writer.writerows([f"Drones {n}", text] for n, text in enumerate(texts, start=1))
    return SimpleUploadedFile("day.csv", rows.getvalue().encode(), content_type="text/csv")


def text_file() -> SimpleUploadedFile:
    return SimpleUploadedFile("drones.txt", CLEAR_WAR_TEXT.encode(), content_type="text/plain")


def post(client, channel, **data):
    return client.post(reverse("claims:import_new"), {"channel": channel, **{f"{channel}-{k}": v for k, v in data.items()}})


def import_and_run(client, channel, topic, capture):
    upload = {"spreadsheet": spreadsheet(CLEAR_WAR_TEXT)} if channel == "spreadsheet" else {"files": text_file()}
    with capture(execute=True):
        response = post(client, channel, topic=topic, **upload)
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportJob.objects.get()


def test_every_import_form_offers_the_same_topic_choices_no_topic_among_them(registry):
    single = list(ArticleImportForm().fields["topic"].choices)
    assert ("none", NO_TOPIC_LABEL) in single
    for channel, form_class in FORMS.items():
        assert list(form_class(prefix=channel).fields["topic"].choices) == single, channel


def test_the_bulk_import_page_shows_no_topic_on_each_form(registry, editor_client):
    page = editor_client.get(reverse("claims:import_new")).content.decode()
    assert page.count(f'<option value="none">{NO_TOPIC_LABEL}</option>') == len(FORMS)


@pytest.mark.parametrize("channel", ["spreadsheet", "files"])
def test_a_bulk_import_with_no_topic_stores_its_articles_without_one(registry, editor_client, django_capture_on_commit_callbacks, channel):
    job = import_and_run(editor_client, channel, "none", django_capture_on_commit_callbacks)
    article = Article.objects.get()
    assert (article.topic, article.topic_from_text) == (None, False)  # the text names the war clearly: not guessed
    assert (job.topic, job.no_topic) == (None, True)
    assert "No topic" in editor_client.get(job.get_absolute_url()).content.decode()


@pytest.mark.parametrize("channel", ["spreadsheet", "files"])
def test_a_bulk_import_left_on_choose_from_the_text_still_chooses(registry, editor_client, django_capture_on_commit_callbacks, channel):
    job = import_and_run(editor_client, channel, "", django_capture_on_commit_callbacks)
    assert Article.objects.get().topic == registry["war"] and not job.no_topic


def test_a_bulk_import_with_a_topic_gives_it_to_every_article(registry, editor_client, django_capture_on_commit_callbacks):
    import_and_run(editor_client, "spreadsheet", registry["strike"].pk, django_capture_on_commit_callbacks)
    assert Article.objects.get().topic == registry["strike"]


def test_links_with_no_topic_start_a_job_that_keeps_that_choice(registry, editor_client):
    response = post(editor_client, "links", urls="https://news.example/a\nhttps://news.example/b", topic="none")
    job = ImportJob.objects.get()
    assert response.status_code == 302 and (job.topic, job.no_topic, job.items.count()) == (None, True, 2)


@pytest.mark.parametrize("forged", ["999999", "abc", "-1", "1.5", "none;drop", "NONE", "9" * 30, "war in other digits"])
@pytest.mark.parametrize("channel", ["links", "files", "spreadsheet"])
def test_a_forged_topic_is_a_form_error_and_nothing_is_saved(registry, editor_client, channel, forged):
    data = {
        "links": {"urls": "https://news.example/a"},
        "files": {"files": text_file()},
        "spreadsheet": {"spreadsheet": spreadsheet(CLEAR_WAR_TEXT)},
    }[channel]
    if forged == "war in other digits":  # "٣" is 3 to Python's int(), not to the input rules
        forged = str(registry["war"].pk).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    response = post(editor_client, channel, topic=forged, **data)
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not (ImportJob.objects.exists() or ImportItem.objects.exists() or Article.objects.exists())
