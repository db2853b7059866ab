"""Published verdicts in the shapes editors hand on: CSV, JSON and schema.org ClaimReview.

One code path for every channel: the web downloads and `manage.py export_verdicts` both call
`export_chunks` with the selection's verdicts; it reads them as rows (selectors.verdicts.verdict_rows)
and turns them into text a piece at a time, so an export of any size streams in constant memory.
Public addresses come from claims.public_links (the caller passes the site); every CSV cell goes
through the spreadsheet rule of claims.safe_output.

On PostgreSQL the database writes the CSV itself (claims/csv_copy.py, COPY ... TO STDOUT);
elsewhere (SQLite, the embedded default) Python's csv module writes the same bytes.
"""
import csv
import io
import json
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import QuerySet

from . import csv_copy, ratings
from .long_reads import streamed
from .public_links import fact_check_urls, newsroom_url
from .safe_output import spreadsheet_safe_cells
from .selectors.verdicts import FIRST_APPEARANCE, ROW_FIELDS, verdict_rows

FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "json": ("application/json", "json"),
    "claimreview": ("application/ld+json", "jsonld"),
}

CSV_HEADER = [
    "claim_id", "claim", "speaker", "source", "side", "article", "article_url", "outlet", "topic",
    "rating", "rating_value", "rationale", "evidence_urls", "reviewer", "approver", "published_at", "fact_check_url",
]

def record(row, url_of) -> dict:
    """One verdict as plain data (the JSON export); url_of is public_links.fact_check_urls(site)."""
    return {
        "claim_id": row.claim_id,
        "claim": row.claim_text,
        "speaker": row.speaker,
        "source": row.source or "",
        "side": row.side or "",
        "article": row.article,
        "article_url": row.article_url,
        "outlet": row.outlet or "",
        "topic": row.topic or "",
        "rating": ratings.label(row.rating),
        "rating_value": ratings.numeric_value(row.rating),
        "rationale": row.rationale,
        "evidence_urls": (row.evidence_urls or "").split(),
        "reviewer": row.reviewer_name,
        "approver": row.approver_name or "",
        "published_at": row.published_at.isoformat(),
        "fact_check_url": url_of(row.id),
    }


# What the CSV reads of each verdict (selectors.verdicts.ROW_FIELDS).
CSV_FIELDS = (
    "id", "claim_id", "claim_text", "speaker", "source", "side", "article", "article_url", "outlet", "topic",
    "rating", "rationale", "reviewer_name", "approver_name", "published_at",
)


# What the JSON reads: every column but where the claim first appeared, which only ClaimReview says.
JSON_FIELDS = tuple(name for name in ROW_FIELDS if name not in FIRST_APPEARANCE)


def csv_row(row, url_of) -> list[str]:
    """The CSV columns (CSV_HEADER) of one verdict, every cell spreadsheet-safe; url_of is
    public_links.fact_check_urls(site)."""
    # One comprehension over the whole row rather than a call per cell: at 100,000 rows the calls
    # alone cost a third of the export's own time.
    return spreadsheet_safe_cells([
        str(row.claim_id), row.claim_text, row.speaker, row.source or "", row.side or "",
        row.article, row.article_url, row.outlet or "", row.topic or "",
        ratings.label(row.rating), str(ratings.numeric_value(row.rating)), row.rationale,
        row.evidence_urls or "", row.reviewer_name, row.approver_name or "",
        row.published_at.isoformat(), url_of(row.id),
    ])


def claim_author(row) -> dict:
    """Who made the claim: the registered source, else the named speaker, else the outlet (the
    article's own claim), else the site it was published on."""
    if row.source:
        kind = "Person" if row.source_kind == "person" else "Organization"
        return {"@type": kind, "name": row.source}
    if row.speaker:
        return {"@type": "Person" if _looks_like_a_person(row.speaker) else "Organization", "name": row.speaker}
    name = row.outlet or _host(row.article_url) or "Unknown publisher"
    return {"@type": "Organization", "name": name}


def _host(address: str) -> str | None:
    # A stored address need not be one urlsplit can take apart ("https://[::1", kept before
    # addresses were checked on the way in): then no host is known.
    try:
        return urlsplit(address).hostname
    except ValueError:
        return None


_BODY_WORDS = {"ministry", "authorities", "office", "army", "forces", "government", "council", "command",
               "staff", "service", "police", "agency", "department", "committee", "administration", "press"}


def _looks_like_a_person(speaker: str) -> bool:
    # A speaker with no registry entry is a person when it reads as a name ("Serhiy Haidai") and
    # an organisation when it reads as a body ("the ministry", "Ukrainian Armed Forces").
    words = speaker.split()
    return (
        1 < len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not {w.lower().strip(".,'’s") for w in words} & _BODY_WORDS
    )


def claim_review(row, site: str) -> dict:
    """One schema.org ClaimReview document with every property Google requires and recommends;
    site is public_links.site_url(request)."""
    # The article is always an appearance, dated as _work dates every article: by the day it was
    # published, or not at all (the day it was imported is not when anyone said the claim). The
    # claim is dated by the same day.
    appearance = _work(row.article, row.article_url, row.article_published_on, row.outlet)
    first = first_appearance(row)
    claim = {"@type": "Claim", "author": claim_author(row)}
    if "datePublished" in appearance:
        claim["datePublished"] = appearance["datePublished"]
    claim["appearance"] = appearance
    if first:
        claim["firstAppearance"] = first
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": fact_check_urls(site)(row.id),
        "claimReviewed": row.claim_text,
        "itemReviewed": claim,
        "author": {"@type": "Organization", "name": settings.NEWSROOM_NAME, "url": newsroom_url(site)},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": ratings.numeric_value(row.rating),
            "bestRating": ratings.BEST_RATING,
            "worstRating": ratings.WORST_RATING,
            "alternateName": ratings.label(row.rating),
        },
        "datePublished": row.published_at.date().isoformat(),
    }


def first_appearance(row) -> dict | None:
    """The article the claim first appeared in, as far as the workbench knows (schema.org
    firstAppearance; Google's fact-check markup recommends it, Fact Check Explorer reads its url):
    its own article, or, for a claim linked as the same claim as others, the earliest of theirs
    (selectors.verdicts, the row's first_* fields). Only what is known of where it was published
    (its link, its date, its outlet), never the day it was imported; None when none of those is known."""
    work = _work(row.first_article, row.first_article_url, row.first_article_published_on, row.first_outlet)
    return work if len(work) > 2 else None


def _work(headline, url, published_on, outlet) -> dict:
    """An article as a schema.org CreativeWork, with what is known of it: the one place an
    export or a public page chooses an article's date (its published day, never another)."""
    work = {"@type": "CreativeWork", "headline": headline}
    if url:
        work["url"] = url
    if published_on:
        work["datePublished"] = published_on.isoformat()
    if outlet:
        work["publisher"] = {"@type": "Organization", "name": outlet}
    return work


def _csv_line(cells: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(cells)
    return buffer.getvalue()


CSV_HEADER_LINE = _csv_line(CSV_HEADER)


def csv_chunks(rows: QuerySet, site: str) -> Iterator[str]:
    """The CSV of the rows (export_rows("csv", ...)): written by PostgreSQL where it is the
    database, by Python elsewhere, to the same bytes."""
    if csv_copy.available(rows):
        return csv_copy.csv_chunks(rows, site, columns=CSV_HEADER, header=CSV_HEADER_LINE)
    return python_csv_chunks(rows, site)


def python_csv_chunks(rows: QuerySet, site: str, rows_per_chunk: int = 500) -> Iterator[str]:
    """The CSV of the rows written by Python's csv module, a few hundred rows at a time."""
    url_of = fact_check_urls(site)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write(CSV_HEADER_LINE)
    chunk = []
    for row in streamed(rows):
        chunk.append(csv_row(row, url_of))
        if len(chunk) == rows_per_chunk:
            writer.writerows(chunk)
            chunk.clear()
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    writer.writerows(chunk)
    yield buffer.getvalue()


def _json_array_chunks(documents: Iterable[dict]) -> Iterator[str]:
    yield "["
    for index, document in enumerate(documents):
        yield ("\n" if index == 0 else ",\n") + json.dumps(document, ensure_ascii=False)
    yield "\n]\n"


def export_rows(fmt: str, verdicts: QuerySet):
    """The rows an export of the verdicts reads (selectors.verdicts.verdict_rows)."""
    if fmt not in FORMATS:
        raise ValueError(f"Unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}.")
    if fmt == "csv":
        return verdict_rows(verdicts, CSV_FIELDS)
    return verdict_rows(verdicts, JSON_FIELDS) if fmt == "json" else verdict_rows(verdicts)


def export_chunks(fmt: str, verdicts: QuerySet, *, site: str) -> Iterator[str]:
    """The export of the verdicts (a selection's queryset) as pieces of text, for a streaming
    response or a file; site is public_links.site_url(request), or site_url() without a request.
    Rows are read from the database a few thousand at a time, or as PostgreSQL writes the CSV."""
    if fmt == "csv":
        return csv_chunks(export_rows(fmt, verdicts), site)
    rows = streamed(export_rows(fmt, verdicts))
    url_of = fact_check_urls(site)
    if fmt == "json":
        return _json_array_chunks(record(row, url_of) for row in rows)
    return _json_array_chunks(claim_review(row, site) for row in rows)
