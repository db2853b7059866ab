"""Reading articles out of what editors hand in: web pages, uploaded files, spreadsheets of links.

Each reader returns plain records or raises ParseError with a sentence an editor can act on.
Maintained parsers do the reading (trafilatura for pages, python-docx, pypdf); this module only
guards them: sizes, zip bombs, encodings, and turning their exceptions into clear reasons.
"""
import csv
import datetime
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings

MAX_DOCX_UNPACKED = 50 * 1024 * 1024
MAX_DOCX_RATIO = 100  # a real .docx compresses perhaps tenfold; a bomb, a thousandfold
MAX_PDF_PAGES = 300
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


def _decode(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(f"The {what} is not UTF-8 text (undecodable byte at position {exc.start}).") from exc


def article_from_upload(filename: str, data: bytes) -> ParsedArticle:
    suffix = PurePath(filename).suffix.lower()
    if len(data) > settings.MAX_UPLOAD_BYTES:
        raise ParseError(f"The file is larger than {settings.MAX_UPLOAD_BYTES // (1024 * 1024)} MB.")
    if suffix not in UPLOAD_TYPES:
        raise ParseError(f"Files of type {suffix or '(none)'} cannot be imported; use {', '.join(UPLOAD_TYPES)}.")
    if not data:
        raise ParseError("The file is empty.")
    if suffix in (".txt", ".md"):
        return ParsedArticle(text=_decode(data, "file"), title=PurePath(filename).stem)
    if suffix in (".html", ".htm"):
        return article_from_html(_decode(data, "file"))
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
    except Exception as exc:  # python-docx raises many kinds on damaged files
        raise ParseError(f"The .docx file could not be read ({exc.__class__.__name__}).") from exc
    text = "\n\n".join(p.text.strip() for p in document.paragraphs if p.text.strip())
    if not text:
        raise ParseError("The .docx file has no text.")
    title = (document.core_properties.title or "").strip() or PurePath(filename).stem
    return ParsedArticle(text=text, title=title[:500])


def _pdf(data: bytes, filename: str) -> ParsedArticle:
    import pypdf

    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if len(reader.pages) > MAX_PDF_PAGES:
            raise ParseError(f"The PDF has more than {MAX_PDF_PAGES} pages.")
        text = "\n\n".join((page.extract_text() or "").strip() for page in reader.pages).strip()
        title = ((reader.metadata or {}).get("/Title") or "") if reader.metadata is not None else ""
    except ParseError:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files
        raise ParseError(f"The PDF could not be read ({exc.__class__.__name__}).") from exc
    if not text:
        raise ParseError("The PDF has no text layer (a scan?).")
    return ParsedArticle(text=text, title=(str(title).strip() or PurePath(filename).stem)[:500])


def rows_from_bulk(filename: str, data: bytes) -> list[BulkRow]:
    """Rows of a CSV (header row with text and/or url columns) or JSON Lines file."""
    suffix = PurePath(filename).suffix.lower()
    if suffix not in BULK_TYPES:
        raise ParseError(f"Spreadsheets must be .csv or .jsonl, not {suffix or '(none)'}.")
    if len(data) > 10 * settings.MAX_UPLOAD_BYTES:
        raise ParseError(f"The file is larger than {10 * settings.MAX_UPLOAD_BYTES // (1024 * 1024)} MB.")
    text = _decode(data, "file")
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
        rows.append(_row(position, {str(k).lower(): v for k, v in record.items()}, f"Line {number}"))
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
