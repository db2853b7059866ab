"""Published verdicts in the shapes editors hand on: CSV rows and schema.org ClaimReview.

Plain functions over model instances, used by the web downloads (and later the command line),
so every channel exports the same thing.
"""
import csv
from collections.abc import Iterable, Iterator

from . import ratings
from .models import SourceKind, Verdict

CSV_HEADER = [
    "claim_id", "claim", "speaker", "source", "side", "article", "article_url", "outlet",
    "rating", "rationale", "evidence_urls", "reviewer", "approver", "published_at",
]

# A spreadsheet runs a cell starting with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def csv_row(verdict: Verdict) -> list[str]:
    claim = verdict.claim
    article = claim.article
    row = [
        claim.pk,
        claim.text,
        claim.speaker,
        claim.source.name if claim.source else "",
        claim.side.name if claim.side else "",
        article.title,
        article.url,
        article.outlet.name if article.outlet else "",
        verdict.get_rating_display(),
        verdict.rationale,
        " ".join(e.url for e in claim.evidence.all() if e.url),
        verdict.reviewer.get_username(),
        verdict.approver.get_username() if verdict.approver else "",
        verdict.published_at.isoformat() if verdict.published_at else "",
    ]
    return [spreadsheet_safe(cell) for cell in row]


class _Echo:
    """A file-like object whose write returns the line, so csv.writer can feed a stream."""

    def write(self, value):
        return value


def csv_lines(verdicts: Iterable[Verdict]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_HEADER)
    for verdict in verdicts:
        yield writer.writerow(csv_row(verdict))


def claim_review(verdict: Verdict, *, review_url: str, newsroom_name: str, newsroom_url: str) -> dict:
    """One schema.org ClaimReview document for a published verdict."""
    claim = verdict.claim
    article = claim.article
    rating = {"@type": "Rating", "alternateName": verdict.get_rating_display()}
    value = ratings.numeric_value(verdict.rating)
    if value is not None:
        rating.update(ratingValue=value, bestRating=ratings.BEST_RATING, worstRating=ratings.WORST_RATING)
    author_name = claim.source.name if claim.source else (claim.speaker or (article.outlet.name if article.outlet else ""))
    author_type = "Person" if claim.source and claim.source.kind == SourceKind.PERSON else "Organization"
    item = {"@type": "Claim", "author": {"@type": author_type, "name": author_name}}
    if article.published_on:
        item["datePublished"] = article.published_on.isoformat()
    if article.url:
        item["appearance"] = {"@type": "CreativeWork", "url": article.url, "headline": article.title}
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": review_url,
        "claimReviewed": claim.text,
        "itemReviewed": item,
        "author": {"@type": "Organization", "name": newsroom_name, "url": newsroom_url},
        "reviewRating": rating,
        "datePublished": verdict.published_at.date().isoformat(),
    }
