"""Editors start imports from the web pages and follow them; bad input is explained."""
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from claims.models import Article, ImportItem, ImportJob


HTMX = {"HX-Request": "true"}


def post(client, channel, data):
    return client.post(reverse("claims:import_new"), {"channel": channel, **{f"{channel}-{k}": v for k, v in data.items()}})


def test_editor_imports_links_and_follows_the_job(editor_client, pages, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(editor_client, "links", {"urls": f"{pages.url('/article')}\n{pages.url('/nowhere')}"})
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    page = editor_client.get(job.get_absolute_url()).content.decode()
    assert "1 imported · 1 failed · 0 pending, of 2" in page
    assert "Harbour strike enters second day" in page and "404" in page and "Retry" in page


def test_progress_partial_polls_while_items_are_pending(editor_client, editor, db):
    job = ImportJob.objects.create(channel="url", label="2 links", created_by=editor)
    ImportItem.objects.create(job=job, position=1, url="https://news.example/a")
    body = editor_client.get(job.get_absolute_url(), headers=HTMX).content.decode()
    assert body.lstrip().startswith('<section id="progress"') and 'hx-trigger="every 1s"' in body


def test_links_that_are_not_web_addresses_are_refused(editor_client, db):
    response = post(editor_client, "links", {"urls": "https://ok.example/a\njavascript:alert(1)"})
    assert response.status_code == 400 and "Not a web address: javascript:alert(1)" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_form_error_of_an_import_is_printed_once(editor_client, db):
    upload = SimpleUploadedFile("day.csv", b"a,b\n1,2\n", content_type="text/csv")
    page = post(editor_client, "spreadsheet", {"spreadsheet": upload}).content.decode()
    assert page.count("needs a &#x27;text&#x27; or a &#x27;url&#x27; column") == 1


def test_an_unknown_channel_is_a_400(editor_client, db):
    assert editor_client.post(reverse("claims:import_new"), {"channel": "carrier-pigeon"}).status_code == 400


def test_an_unreadable_spreadsheet_is_explained(editor_client, db):
    upload = SimpleUploadedFile("day.csv", b"a,b\n1,2\n", content_type="text/csv")
    response = post(editor_client, "spreadsheet", {"spreadsheet": upload})
    assert response.status_code == 400 and "needs a &#x27;text&#x27; or a &#x27;url&#x27; column" in response.content.decode()
    assert not ImportItem.objects.exists()


def test_an_oversized_upload_is_refused(editor_client, settings, db):
    settings.MAX_UPLOAD_BYTES = 10
    upload = SimpleUploadedFile("story.txt", b"x" * 50, content_type="text/plain")
    response = post(editor_client, "files", {"files": upload})
    assert response.status_code == 400 and "larger than" in response.content.decode()


def test_files_are_imported_each_as_an_item(editor_client, django_capture_on_commit_callbacks, db):
    files = [
        SimpleUploadedFile("a.txt", b"The water board said the reservoir stood at 61 percent on Monday morning after rain."),
        SimpleUploadedFile("b.exe", b"MZ"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        post(editor_client, "files", {"files": files})
    assert list(ImportItem.objects.order_by("position").values_list("state", flat=True)) == ["done", "failed"]


def test_the_fetched_page_is_shown_sanitised(editor_client, pages, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post(editor_client, "links", {"urls": pages.url("/article")})
    page = editor_client.get(Article.objects.get().get_absolute_url()).content.decode()
    start = page.index('class="original-page"')
    original = page[start : page.index("</details>", start)]
    assert "4,200 members" in original
    assert "<script" not in original and "onclick" not in original and "javascript:" not in original
