"""Published verdicts in the shapes editors hand on: CSV, JSON and schema.org ClaimReview.

One code path for every channel: the web downloads and `manage.py export_verdicts` both call
`export_chunks` with the selection's verdicts; it reads them as rows (selectors.verdicts.verdict_rows)
and turns them into text a piece at a time, so an export of any size streams in constant memory.
"""
import csv
import io
import json
from collections.abc import Iterable, Iterator
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse

from . import ratings
from .selectors.verdicts import verdict_rows

FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "json": ("application/json", "json"),
    "claimreview": ("application/ld+json", "jsonld"),
}

CSV_HEADER = [
    "claim_id", "claim", "speaker", "source", "side", "article", "article_url", "outlet", "topic",
    "rating", "rating_value", "rationale", "evidence_urls", "reviewer", "approver", "published_at", "fact_check_url",
]

# A spreadsheet runs a cell starting with one of these as a formula.
_FORMULA_STARTS = frozenset("=+-@\t\r")


def spreadsheet_safe_cells(cells: list[str]) -> list[str]:
    """The cells with a quote mark before any a spreadsheet would run, so it shows as text."""
    return ["'" + cell if cell[:1] in _FORMULA_STARTS else cell for cell in cells]


def fact_check_url(verdict_id: int) -> str:
    """The public page of a published verdict, as readers and search engines reach it."""
    return fact_check_urls()(verdict_id)


def fact_check_urls():
    """fact_check_url for many verdicts: the site's setting read once, not once per row."""
    return _fact_check_url_pattern(settings.PUBLIC_SITE_URL).format


@lru_cache(maxsize=4)
def _fact_check_url_pattern(site: str) -> str:
    # Reversed once per site rather than once per row: an export of 100,000 rows would spend
    # most of its time in the URL resolver.
    marker = 987654321
    return urljoin(site, reverse("public:fact_check", args=[marker])).replace(str(marker), "{}")


def record(row) -> dict:
    """One verdict as plain data (the JSON export and the API's shape)."""
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
        "fact_check_url": fact_check_url(row.id),
    }


# What the CSV reads of each verdict (selectors.verdicts.ROW_FIELDS).
CSV_FIELDS = (
    "id", "claim_id", "claim_text", "speaker", "source", "side", "article", "article_url", "outlet", "topic",
    "rating", "rationale", "reviewer_name", "approver_name", "published_at",
)


def csv_row(row, url_of) -> list[str]:
    """The CSV columns (CSV_HEADER) of one verdict, every cell spreadsheet-safe; url_of is
    fact_check_urls()."""
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
    name = row.outlet or urlsplit(row.article_url).hostname or "Unknown publisher"
    return {"@type": "Organization", "name": name}


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


def claim_review(row) -> dict:
    """One schema.org ClaimReview document with every property Google requires and recommends."""
    appeared = row.article_published_on.isoformat() if row.article_published_on else row.article_imported_at.date().isoformat()
    appearance = {"@type": "CreativeWork", "headline": row.article, "datePublished": appeared}
    if row.article_url:
        appearance["url"] = row.article_url
    if row.outlet:
        appearance["publisher"] = {"@type": "Organization", "name": row.outlet}
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": fact_check_url(row.id),
        "claimReviewed": row.claim_text,
        "itemReviewed": {
            "@type": "Claim",
            "author": claim_author(row),
            "datePublished": appeared,
            "appearance": appearance,
        },
        "author": {"@type": "Organization", "name": settings.NEWSROOM_NAME, "url": settings.NEWSROOM_URL},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": ratings.numeric_value(row.rating),
            "bestRating": ratings.BEST_RATING,
            "worstRating": ratings.WORST_RATING,
            "alternateName": ratings.label(row.rating),
        },
        "datePublished": row.published_at.date().isoformat(),
    }


def _csv_chunks(rows: Iterable, rows_per_chunk: int = 500) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    chunk, url_of = [], fact_check_urls()
    for row in rows:
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
    return verdict_rows(verdicts, CSV_FIELDS) if fmt == "csv" else verdict_rows(verdicts)


def export_chunks(fmt: str, verdicts: QuerySet) -> Iterator[str]:
    """The export of the verdicts (a selection's queryset) as pieces of text, for a streaming
    response or a file. Rows are read from the database a few thousand at a time."""
    rows = export_rows(fmt, verdicts).iterator(chunk_size=2000)
    if fmt == "csv":
        return _csv_chunks(rows)
    if fmt == "json":
        return _json_array_chunks(record(row) for row in rows)
    return _json_array_chunks(claim_review(row) for row in rows)
