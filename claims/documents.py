"""Reading articles out of what editors hand in: web pages, uploaded files, spreadsheets of links.

Each reader returns plain records or raises ParseError with a sentence an editor can act on.
Maintained parsers do the reading (trafilatura for pages, python-docx, pypdf); this module only
guards them: sizes, zip bombs, and turning their exceptions into clear reasons. Which encoding a
text or HTML file is in is decided in decoding.py, the same rule as for fetched pages. Readers take
all the text a person sees: a .docx's tables and text boxes as well as its paragraphs.
"""
import csv
import datetime
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings

from .decoding import UnknownEncoding, decode_document

MAX_DOCX_UNPACKED = 50 * 1024 * 1024
MAX_DOCX_RATIO = 100  # a real .docx compresses perhaps tenfold; a bomb, a thousandfold
MAX_PDF_PAGES = 300
MAX_UNREADABLE_SHARE = 0.05  # of a PDF's characters that its fonts cannot name; a stray one is kept
MIN_ARTICLE_WORDS = 15  # fewer is a menu, a cookie notice or an error page, not an article
UPLOAD_TYPES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
BULK_TYPES = (".csv", ".jsonl", ".ndjson")


class ParseError(Exception):
    """The document could not be read; the message says why."""


@dataclass
class ParsedArticle:
    text: str
    title: str = ""
    published_on: datetime.date | None = None
    site: str = ""
    source: str = ""  # the whole document as text (a text or HTML file), kept as the article's raw input


@dataclass
class BulkRow:
    position: int
    text: str = ""
    url: str = ""
    title: str = ""
    published_on: datetime.date | None = None
    error: str = ""


def article_from_html(html: str, url: str | None = None) -> ParsedArticle:
    import trafilatura

    try:
        document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    except Exception as exc:  # the extractor's failures on hostile markup vary; none may escape
        raise ParseError(f"The page could not be read ({exc.__class__.__name__}).") from exc
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise ParseError("No article text was found on the page.")
    return ParsedArticle(
        text=text,
        title=(document.title or "").strip()[:500],
        published_on=_date(document.date),
        site=(document.sitename or "").strip()[:200],
    )


def _date(value) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def decode_upload(data: bytes, *, markup: bool = False) -> str:
    """An uploaded file's text, by the one decoding rule (claims.decoding); ParseError says why not."""
    try:
        return decode_document(data, markup=markup)
    except UnknownEncoding as exc:
        raise ParseError(f"The file could not be read as text. {exc}") from exc


def article_from_upload(filename: str, data: bytes) -> ParsedArticle:
    suffix = PurePath(filename).suffix.lower()
    if len(data) > settings.MAX_UPLOAD_BYTES:
        raise ParseError(f"The file is larger than {settings.MAX_UPLOAD_BYTES // (1024 * 1024)} MB.")
    if suffix not in UPLOAD_TYPES:
        raise ParseError(f"Files of type {suffix or '(none)'} cannot be imported; use {', '.join(UPLOAD_TYPES)}.")
    if not data:
        raise ParseError("The file is empty.")
    if suffix in (".txt", ".md"):
        text = decode_upload(data)
        return ParsedArticle(text=text, title=PurePath(filename).stem, source=text)
    if suffix in (".html", ".htm"):
        html = decode_upload(data, markup=True)
        parsed = article_from_html(html)
        parsed.source = html
        return parsed
    if suffix == ".docx":
        return _docx(data, filename)
    return _pdf(data, filename)


def _docx(data: bytes, filename: str) -> ParsedArticle:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            unpacked = sum(entry.file_size for entry in entries)
            if len(entries) > 2000 or unpacked > MAX_DOCX_UNPACKED or unpacked > MAX_DOCX_RATIO * max(len(data), 1):
                raise ParseError("The .docx file unpacks to far more than a document would (a zip bomb?).")
    except zipfile.BadZipFile as exc:
        raise ParseError("The .docx file is damaged: it is not a valid zip archive.") from exc
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        text = _docx_text(document)
        title = (document.core_properties.title or "").strip() or PurePath(filename).stem
    except Exception as exc:  # python-docx raises many kinds on damaged files
        if "not a Word file" in str(exc):  # a zip of another kind: a spreadsheet, a template, a macro file
            raise ParseError("The file is not a Word document; save it as .docx and try again.") from exc
        raise ParseError(f"The .docx file could not be read ({exc.__class__.__name__}).") from exc
    if not text:
        raise ParseError("The .docx file has no text (not in its paragraphs, tables, text boxes, headers or footers).")
    return ParsedArticle(text=text, title=title[:500])


_MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _docx_text(document) -> str:
    """Every paragraph a reader of the document sees, in the order they come.

    python-docx's `document.paragraphs` holds only the body's top-level paragraphs: text in a
    table, a nested table, a text box or a content control is not among them. So the reader walks
    every paragraph element of the body instead. Word writes a text box twice, once for new readers
    and once, inside mc:Fallback, for old ones; the fallback copy is skipped. Headers and footers
    usually hold page furniture (running titles, page numbers), so they are read only when the body
    holds no text: a document laid out in its header.
    """
    from docx.oxml.ns import qn

    body = document.element.body
    text = _paragraphs_text(body)
    if text:
        return text
    # Each section's headers, then its footers, as the section names them (once each).
    parts = {}
    for section in body.iter(qn("w:sectPr")):
        for reference in [*section.iterchildren(qn("w:headerReference")), *section.iterchildren(qn("w:footerReference"))]:
            part = document.part.related_parts.get(reference.get(qn("r:id")))
            if part is not None:
                parts.setdefault(id(part), part)
    return "\n\n".join(filter(None, (_paragraphs_text(part.element) for part in parts.values())))


def _paragraphs_text(root) -> str:
    from docx.oxml.ns import qn

    fallback, paragraph_tag = f"{{{_MARKUP_COMPATIBILITY}}}Fallback", qn("w:p")
    texts = []
    for paragraph in root.iter(paragraph_tag):
        if any(ancestor.tag == fallback for ancestor in paragraph.iterancestors()):
            continue
        # The paragraph's own runs: those inside a text box it anchors belong to the box's paragraphs.
        runs = (run for run in paragraph.iter(qn("w:r")) if next(run.iterancestors(paragraph_tag)) is paragraph)
        line = "".join(run.text for run in runs).strip()
        if line:
            texts.append(line)
    return "\n\n".join(texts)


def _pdf(data: bytes, filename: str) -> ParsedArticle:
    import pypdf
    from pypdf.errors import DependencyError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            # Many PDFs are encrypted only to restrict printing or copying, with an empty password.
            try:
                opened = reader.decrypt("")
            except DependencyError as exc:
                raise ParseError("The PDF is encrypted in a way this workbench cannot open; save a copy without protection and import that.") from exc
            if not opened:
                raise ParseError("The PDF is protected by a password; save a copy without one and import that.")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise ParseError(f"The PDF has more than {MAX_PDF_PAGES} pages.")
        pages = list(reader.pages)
        title = ((reader.metadata or {}).get("/Title") or "") if reader.metadata is not None else ""
    except ParseError:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files
        raise ParseError(f"The PDF could not be read ({exc.__class__.__name__}).") from exc
    texts = []
    for number, page in enumerate(pages, start=1):
        try:
            texts.append((page.extract_text() or "").strip())
        except Exception as exc:  # one damaged page: say which, rather than import the rest without it
            raise ParseError(f"Page {number} of the PDF could not be read ({exc.__class__.__name__}).") from exc
    text = "\n\n".join(filter(None, texts))
    if not text:
        raise ParseError("The PDF has no text layer (a scan?); run it through text recognition (OCR) first.")
    unreadable = text.count("\ufffd")
    if unreadable > MAX_UNREADABLE_SHARE * len("".join(text.split())):
        # The PDF's fonts do not say which letters their shapes are, so the text comes out as
        # replacement characters: importing it would store gibberish.
        raise ParseError(f"The PDF's text cannot be read: {unreadable} of its characters are unknown to its fonts. Export it again as PDF (or PDF/A), or run it through text recognition (OCR).")
    return ParsedArticle(text=text, title=(str(title).strip() or PurePath(filename).stem)[:500])


def rows_from_bulk(filename: str, data: bytes) -> list[BulkRow]:
    """Rows of a CSV (header row with text and/or url columns) or JSON Lines file."""
    suffix = PurePath(filename).suffix.lower()
    if suffix not in BULK_TYPES:
        raise ParseError(f"Spreadsheets must be .csv or .jsonl, not {suffix or '(none)'}.")
    if len(data) > 10 * settings.MAX_UPLOAD_BYTES:
        raise ParseError(f"The file is larger than {10 * settings.MAX_UPLOAD_BYTES // (1024 * 1024)} MB.")
    text = decode_upload(data)
    rows = _csv_rows(text) if suffix == ".csv" else _jsonl_rows(text)
    if not rows:
        raise ParseError("The file has no rows.")
    if len(rows) > settings.MAX_BULK_ROWS:
        raise ParseError(f"The file has {len(rows):,} rows; at most {settings.MAX_BULK_ROWS:,} can be imported at once.")
    return rows


def _csv_rows(text: str) -> list[BulkRow]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        raise ParseError("The file is empty.") from None
    except csv.Error as exc:
        raise ParseError(f"The CSV header could not be read: {exc}.") from exc
    if "text" not in header and "url" not in header:
        raise ParseError("The CSV needs a 'text' or a 'url' column in its header row.")
    rows = []
    try:
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            position = len(rows) + 1
            if len(values) != len(header):
                rows.append(BulkRow(position, error=f"Line {reader.line_num}: {len(values)} columns, the header has {len(header)}."))
                continue
            rows.append(_row(position, dict(zip(header, values)), f"Line {reader.line_num}"))
    except csv.Error as exc:
        raise ParseError(f"The CSV is malformed at line {reader.line_num}: {exc}.") from exc
    return rows


def _jsonl_rows(text: str) -> list[BulkRow]:
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        position = len(rows) + 1
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            rows.append(BulkRow(position, error=f"Line {number}: not valid JSON ({exc.msg})."))
            continue
        if not isinstance(record, dict):
            rows.append(BulkRow(position, error=f"Line {number}: each line must be a JSON object."))
            continue
        record = {str(k).lower(): v for k, v in record.items()}
        odd = [key for key in ("text", "url", "title", "published_on", "date") if record.get(key) not in (None, "") and not isinstance(record[key], str)]
        if odd:
            rows.append(BulkRow(position, error=f"Line {number}: {odd[0]} must be a string, not {type(record[odd[0]]).__name__}."))
            continue
        rows.append(_row(position, record, f"Line {number}"))
    return rows


def _row(position: int, values: dict, where: str) -> BulkRow:
    text = str(values.get("text") or "").strip()
    url = str(values.get("url") or "").strip()
    title = str(values.get("title") or "").strip()[:500]
    if not text and not url:
        return BulkRow(position, error=f"{where}: neither text nor url is given.")
    published = values.get("published_on") or values.get("date") or ""
    published_on = _date(published) if published else None
    if published and published_on is None:
        return BulkRow(position, error=f"{where}: the date {str(published)[:30]!r} is not YYYY-MM-DD.")
    return BulkRow(position, text=text, url=url, title=title, published_on=published_on)
