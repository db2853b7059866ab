"""Reading articles out of files: every format, and every way a file can be bad."""
import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st

from claims.documents import ParseError, article_from_html, article_from_upload, rows_from_bulk

from .pages import ARTICLE_HTML, LATIN1_HTML


def make_docx(paragraphs, title="Port report"):
    import docx

    document = docx.Document()
    document.core_properties.title = title
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_pdf(text: str, *, font: str = "F1", stream_filter: str = "") -> bytes:
    """A minimal one-page PDF with a text layer, offsets computed so any reader accepts it. A font
    the page does not define, or a filter no reader knows, makes the damaged PDFs editors meet."""
    stream = f"BT /{font} 12 Tf 72 720 Td ({text}) Tj ET".encode()
    filters = f"/Filter /{stream_filter} ".encode() if stream_filter else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d %s>>\nstream\n" % (len(stream), filters) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_main_text_title_and_date_come_out_of_a_page():
    article = article_from_html(ARTICLE_HTML)
    assert article.title == "Harbour strike enters second day"
    assert "4,200 members stayed away" in article.text and "All rights reserved" not in article.text
    assert str(article.published_on) == "2024-06-12"


def test_a_page_without_main_text_is_refused():
    with pytest.raises(ParseError, match="No article text"):
        article_from_html("<html><body><nav>Menu</nav></body></html>")


@pytest.mark.parametrize("name", ["story.txt", "story.md"])
def test_text_and_markdown_files_are_read(name):
    assert article_from_upload(name, "The ferry sailed at 9.\n".encode()).text.startswith("The ferry sailed")


def test_html_files_are_read():
    assert "4,200 members" in article_from_upload("page.html", ARTICLE_HTML.encode()).text


def test_docx_files_are_read():
    article = article_from_upload("report.docx", make_docx(["The mayor said 300 homes flooded.", "Water fell by noon."]))
    assert article.text == "The mayor said 300 homes flooded.\n\nWater fell by noon." and article.title == "Port report"


def docx_bytes(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# A text box as Word writes it: once for current readers (a drawing) and once more, inside
# mc:Fallback, as VML for old ones. A person sees it once.
TEXT_BOX = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
  xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
  xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
  xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
  xmlns:v="urn:schemas-microsoft-com:vml">
 <mc:AlternateContent>
  <mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>
   <wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>
  </a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
  <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>
  </v:textbox></v:shape></w:pict></mc:Fallback>
 </mc:AlternateContent>
</w:r>"""


def test_an_article_laid_out_in_a_docx_table_is_read_in_order():
    import docx

    document = docx.Document()
    document.add_paragraph("Harbour strike, day two.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "The union said 4,200 members stayed away."
    table.cell(0, 1).text = "The operator said fewer than 1,500 were absent."
    table.cell(1, 0).add_table(rows=1, cols=1).cell(0, 0).text = "A nested table: the port counted 2,000."
    document.add_paragraph("Talks resume on Friday.")
    assert article_from_upload("strike.docx", docx_bytes(document)).text == (
        "Harbour strike, day two.\n\nThe union said 4,200 members stayed away.\n\n"
        "The operator said fewer than 1,500 were absent.\n\nA nested table: the port counted 2,000.\n\n"
        "Talks resume on Friday."
    )


def test_text_in_a_docx_text_box_is_read_once():
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("The mayor said 300 homes flooded.")
    document.add_paragraph()._p.append(parse_xml(TEXT_BOX.format(text="Box: the river rose two metres.")))
    assert article_from_upload("flood.docx", docx_bytes(document)).text == (
        "The mayor said 300 homes flooded.\n\nBox: the river rose two metres."
    )


def test_a_docx_written_in_its_header_is_read_from_the_header():
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "The minister said the bridge reopens in May."
    document.sections[0].footer.paragraphs[0].text = "Ministry of Transport"
    assert article_from_upload("memo.docx", docx_bytes(document)).text == (
        "The minister said the bridge reopens in May.\n\nMinistry of Transport"
    )


def test_a_docx_header_is_left_out_when_the_body_holds_the_article():
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Page furniture"
    document.add_paragraph("The mayor said 300 homes flooded.")
    assert article_from_upload("report.docx", docx_bytes(document)).text == "The mayor said 300 homes flooded."


def test_a_word_template_named_docx_is_refused_as_not_a_word_document():
    data = make_docx(["The mayor said 300 homes flooded."])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            content = source.read(entry)
            if entry.filename == "[Content_Types].xml":
                content = content.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(entry, content)
    with pytest.raises(ParseError, match="not a Word document"):
        article_from_upload("template.docx", out.getvalue())


def test_a_password_protected_pdf_says_so():
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(make_pdf("The mayor said 300 homes flooded"))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(ParseError, match="protected by a password"):
        article_from_upload("locked.pdf", out.getvalue())


def test_a_pdf_encrypted_only_against_copying_is_read():
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(make_pdf("The mayor said 300 homes flooded"))))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    assert "The mayor said 300 homes flooded" in article_from_upload("report.pdf", out.getvalue()).text


def test_a_pdf_page_that_cannot_be_read_is_named():
    with pytest.raises(ParseError, match="Page 1 of the PDF could not be read"):
        article_from_upload("report.pdf", make_pdf("The mayor said 300 homes flooded", stream_filter="NoSuchFilter"))


def test_a_pdf_whose_fonts_cannot_name_their_letters_is_refused_not_imported_as_gibberish():
    with pytest.raises(ParseError, match="text cannot be read"):
        article_from_upload("report.pdf", make_pdf("The mayor said 300 homes flooded", font="F9"))


def test_a_latin_1_html_file_declaring_its_charset_is_read_without_replacement_characters():
    article = article_from_upload("greve.html", LATIN1_HTML.encode("cp1252"))
    assert article.title == "Grève au port : deuxième journée" and "déclaré que 4 200 employés" in article.text
    assert "\ufffd" not in article.source + article.text


def test_a_windows_1252_text_file_is_recognised():
    text = "Le syndicat a déclaré que 4 200 employés étaient restés chez eux à l’aube, selon l’opérateur."
    assert article_from_upload("greve.txt", text.encode("cp1252")).text == text


def test_a_utf_16_text_file_with_a_byte_order_mark_is_read():
    text = "The ferry sailed at 9, the harbour master said."
    assert article_from_upload("ferry.txt", text.encode("utf-16")).text == text


def test_a_spreadsheet_saved_in_windows_1252_keeps_its_accents():
    [row] = rows_from_bulk("day.csv", "text,title\nLe syndicat a déclaré la grève.,Grève\n".encode("cp1252"))
    assert (row.text, row.title) == ("Le syndicat a déclaré la grève.", "Grève")


def test_pdf_files_are_read():
    assert "The mayor said 300 homes flooded" in article_from_upload("report.pdf", make_pdf("The mayor said 300 homes flooded")).text


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("a.pdf", b"%PDF-1.4 this is not really a pdf", "could not be read|no text layer"),
        ("a.docx", b"PK\x03\x04 broken zip", "damaged"),
        ("a.docx", b"not even a zip", "damaged"),
        ("a.txt", bytes(range(256)) * 4, "could not be read as text"),
        ("a.txt", b"", "empty"),
        ("a.exe", b"MZ binary", "cannot be imported"),
        ("a", b"no suffix", "cannot be imported"),
    ],
)
def test_bad_files_fail_with_a_reason(name, data, message):
    with pytest.raises(ParseError, match=message):
        article_from_upload(name, data)


def test_a_docx_zip_bomb_is_refused_before_unpacking():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (20 * 1024 * 1024))
    with pytest.raises(ParseError, match="zip bomb"):
        article_from_upload("bomb.docx", out.getvalue())


def test_an_oversized_file_is_refused(settings):
    settings.MAX_UPLOAD_BYTES = 100
    with pytest.raises(ParseError, match="larger than"):
        article_from_upload("big.txt", b"x" * 101)


def test_csv_rows_with_text_or_url_are_read():
    data = b"title,text,url,published_on\nA,The dam held.,,2024-05-01\nB,,https://news.example/b,\n"
    rows = rows_from_bulk("day.csv", data)
    assert [(r.title, r.text, r.url, str(r.published_on)) for r in rows] == [
        ("A", "The dam held.", "", "2024-05-01"), ("B", "", "https://news.example/b", "None")
    ]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"title,body\nA,B\n", "needs a 'text' or a 'url' column"),
        (b'text,url\n"unclosed quote,x\n', "malformed"),
        (b"", "empty"),
        (bytes(range(256)) * 4, "could not be read as text"),
    ],
)
def test_a_spreadsheet_that_cannot_be_read_says_why(data, message):
    with pytest.raises(ParseError, match=message):
        rows_from_bulk("day.csv", data)


def test_bad_rows_are_marked_and_the_others_kept():
    data = b"text,url,title\nGood row text.,,A\n,,Only a title\n,,\nOther text.,,\nA,B,C,D\n"
    rows = rows_from_bulk("day.csv", data)
    assert [r.error for r in rows] == [
        "", "Line 3: neither text nor url is given.", "", "Line 6: 4 columns, the header has 3.",
    ]  # the blank line 4 is skipped


def test_a_bad_date_is_marked():
    [row] = rows_from_bulk("day.csv", b"text,published_on\nThe dam held.,yesterday\n")
    assert row.error == "Line 2: the date 'yesterday' is not YYYY-MM-DD."


def test_json_lines_are_read_and_bad_lines_marked():
    data = b'{"text": "The dam held."}\nnot json\n[1, 2]\n{"url": "https://news.example/x"}\n'
    rows = rows_from_bulk("day.jsonl", data)
    assert [bool(r.error) for r in rows] == [False, True, True, False]


def test_too_many_rows_are_refused(settings):
    settings.MAX_BULK_ROWS = 2
    with pytest.raises(ParseError, match="at most 2"):
        rows_from_bulk("day.csv", b"text\na\nb\nc\n")


FORMATS = [".txt", ".md", ".html", ".docx", ".pdf"]


@hypothesis_settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(FORMATS))
def test_random_bytes_never_crash_the_file_readers(data, suffix):
    try:
        article_from_upload("random" + suffix, data)
    except ParseError:
        pass


@hypothesis_settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".csv", ".jsonl"]))
def test_random_bytes_never_crash_the_spreadsheet_readers(data, suffix):
    try:
        rows_from_bulk("random" + suffix, data)
    except ParseError:
        pass


@hypothesis_settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=2000))
def test_random_text_never_crashes_the_page_reader(text):
    try:
        article_from_html(text)
    except ParseError:
        pass


@hypothesis_settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(noise=st.binary(min_size=1, max_size=400), cut=st.integers(min_value=0, max_value=600))
def test_damaged_real_documents_never_crash(noise, cut):
    for name, good in (("x.docx", make_docx(["Some text here."])), ("x.pdf", make_pdf("Some text here"))):
        damaged = good[:cut] + noise + good[cut + len(noise):]
        try:
            article_from_upload(name, damaged)
        except ParseError:
            pass


def test_a_json_lines_row_whose_text_is_a_number_says_so():
    from claims.documents import rows_from_bulk

    rows = rows_from_bulk("wire.jsonl", b'{"text": 123}\n{"text": "The mayor said 40 buses ran on Sunday in the north."}\n')
    assert rows[0].error == "Line 1: text must be a string, not int."
    assert rows[1].error == "" and rows[1].text.startswith("The mayor")
