"""Imports keep what a person sees in a document: the right characters, every part of the text,
and a clear reason for each document that cannot be read. Nothing is half-saved."""
import pytest
from hypothesis import HealthCheck, event, given, settings as hypothesis_settings, strategies as st

from claims.models import Article, ImportItem, ItemState
from claims.services import imports

from ..test_documents import docx_bytes, make_docx, make_pdf

FRENCH = "Le syndicat des dockers a déclaré que 4 200 employés étaient restés chez eux à l’aube, mardi, selon l’opérateur."


def run(job_factory, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = job_factory()
    return {item.position: item for item in ImportItem.objects.filter(job=job)}


@pytest.mark.django_db
def test_editor_imports_a_latin_1_page_without_replacement_characters(editor, pages, django_capture_on_commit_callbacks):
    items = run(lambda: imports.import_links(urls=[pages.url("/latin1-meta")], user=editor), django_capture_on_commit_callbacks)
    article = items[1].article
    assert items[1].state == ItemState.DONE, items[1].error
    assert article.title == "Grève au port : deuxième journée"
    assert "déclaré que 4 200 employés" in article.body and "\ufffd" not in article.body + article.raw_input


@pytest.mark.django_db
def test_editor_uploads_a_windows_1252_text_file_and_its_accents_survive(editor, django_capture_on_commit_callbacks):
    data = FRENCH.encode("cp1252")
    items = run(lambda: imports.import_files(files=[("greve.txt", data)], user=editor), django_capture_on_commit_callbacks)
    assert items[1].state == ItemState.DONE, items[1].error
    assert items[1].article.body == FRENCH and items[1].article.raw_input == FRENCH


@pytest.mark.django_db
def test_editor_uploads_a_docx_whose_article_sits_in_a_table(editor, django_capture_on_commit_callbacks):
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "The union said 4,200 members stayed away from the harbour on Tuesday."
    table.cell(0, 1).text = "The operator said fewer than 1,500 employees were absent."
    items = run(lambda: imports.import_files(files=[("strike.docx", docx_bytes(document))], user=editor), django_capture_on_commit_callbacks)
    assert items[1].state == ItemState.DONE, items[1].error
    assert "4,200 members" in items[1].article.body and "fewer than 1,500" in items[1].article.body


@pytest.mark.django_db
def test_editor_sees_why_a_binary_file_named_txt_was_refused(editor, django_capture_on_commit_callbacks):
    items = run(lambda: imports.import_files(files=[("photo.txt", bytes(range(256)) * 8)], user=editor), django_capture_on_commit_callbacks)
    assert items[1].state == ItemState.FAILED and "could not be read as text" in items[1].error
    assert not Article.objects.exists()


# Hypothesis: any bytes under any name, and real text in many encodings, through the whole import.
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252", "cp1251", "koi8-r", "shift_jis", "gb18030", "iso-8859-7"]
SUFFIXES = [".txt", ".md", ".html", ".htm", ".docx", ".pdf"]
WORDS = st.text(st.characters(exclude_categories=["Cs", "Cc"]), min_size=1, max_size=12)


@st.composite
def uploads(draw):
    kind = draw(st.sampled_from(["bytes", "encoded", "docx", "pdf"]))
    if kind == "bytes":
        return "random" + draw(st.sampled_from(SUFFIXES)), draw(st.binary(max_size=3000))
    words = draw(st.lists(WORDS, min_size=1, max_size=40))
    text = " ".join(words)
    if kind == "docx":
        return "random.docx", make_docx([text], title=draw(WORDS))
    if kind == "pdf":
        return "random.pdf", make_pdf("".join(ch for ch in text if ch.isascii() and ch.isalnum() or ch == " "))
    encoding = draw(st.sampled_from(ENCODINGS))
    body = text.encode(encoding, errors="ignore")
    if draw(st.booleans()):
        html = f'<html><head><meta charset="{encoding}"><title>t</title></head><body><p>{text}</p></body></html>'
        return "random.html", html.encode(encoding, errors="ignore")
    return "random.txt", body


@pytest.mark.django_db
@hypothesis_settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(files=st.lists(uploads(), min_size=1, max_size=3))
def test_any_uploaded_file_is_imported_or_refused_with_its_own_reason(editor, files):
    articles_before = Article.objects.count()
    job = imports.import_files(files=files, user=editor)  # dispatch waits for a commit the test never makes
    items = list(ImportItem.objects.filter(job=job))
    imports.process_items([item.pk for item in items])
    for item in ImportItem.objects.filter(job=job).select_related("article"):
        event(f"{item.filename.rsplit('.', 1)[-1]}: {item.state}")
        assert item.state in (ItemState.DONE, ItemState.FAILED)
        if item.state == ItemState.FAILED:
            assert item.error and not item.error.startswith("Unexpected error") and item.article_id is None
        else:
            assert item.article is not None and item.article.body.strip()
    # Nothing half-saved: each new article belongs to an item that says it imported it.
    new = ImportItem.objects.filter(job=job, state=ItemState.DONE).exclude(note=imports.ALREADY_IMPORTED)
    assert Article.objects.count() - articles_before == new.values("article_id").distinct().count()


@hypothesis_settings(max_examples=60, deadline=None)
# Control characters are the input rule's business (and a UTF-16 text opening with NUL is spelled
# like UTF-32's byte order mark): the text here is what a person writes.
@given(text=st.text(st.characters(exclude_categories=["Cs", "Cc"]), min_size=1, max_size=500), bom=st.sampled_from(["utf-8-sig", "utf-16", "utf-32"]))
def test_a_text_file_behind_a_byte_order_mark_is_read_exactly(text, bom):
    from claims.documents import article_from_upload

    assert article_from_upload("story.txt", text.encode(bom)).text == text
