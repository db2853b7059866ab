"""What leaves the workbench: only published verdicts, safe CSV, complete ClaimReview."""
import csv
import io
import json

import pytest
from django.urls import reverse
from pyld import jsonld

from claims.safe_output import spreadsheet_safe_cells
from claims.ratings import Rating
from claims.services import reviews

from .factories import ArticleFactory, EvidenceFactory, SourceFactory, VerdictFactory


@pytest.fixture
def published(db, editor):
    verdict = VerdictFactory(
        claim__text='=HYPERLINK("http://evil.example")',
        claim__source=SourceFactory(name="Mayor Jane Doe", kind="person"),
        claim__article=ArticleFactory(url="https://news.example/bridge", published_on="2024-05-02"),
    )
    EvidenceFactory(claim=verdict.claim, url="https://records.example/minutes")
    EvidenceFactory(claim=verdict.claim, url="https://records.example/photos")
    return reviews.approve_and_publish(claim=verdict.claim, editor=editor)


def _download(client, fmt, **query):
    response = client.get(reverse("claims:export", args=[fmt]), query)
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content).decode()


def _csv(client, **query):
    return list(csv.DictReader(io.StringIO(_download(client, "csv", **query))))


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_cells_a_spreadsheet_would_run_are_neutralised(cell):
    assert spreadsheet_safe_cells([cell]) == ["'" + cell]


def test_ordinary_cells_are_left_alone():
    assert spreadsheet_safe_cells(["Lysychansk is held"]) == ["Lysychansk is held"]


def test_csv_export_neutralises_formulas_in_every_cell_that_holds_one(editor_client, published):
    claim = published.claim
    claim.speaker = "@attacker"
    claim.save()
    published.rationale = "-2+3 is what the official said"
    published.save()
    [row] = _csv(editor_client)
    assert row["claim"].startswith("'=HYPERLINK")
    assert row["speaker"] == "'@attacker" and row["rationale"].startswith("'-2+3")
    assert row["rating"] == "False" and row["rating_value"] == "1"
    assert row["evidence_urls"] == "https://records.example/minutes https://records.example/photos"
    assert row["approver"] == "edith"


def test_json_export_has_the_same_verdicts_as_data(editor_client, published):
    [record] = json.loads(_download(editor_client, "json"))
    assert record["claim"] == published.claim.text and record["rating"] == "False"
    assert record["evidence_urls"] == ["https://records.example/minutes", "https://records.example/photos"]
    assert record["fact_check_url"].endswith(reverse("public:fact_check", args=[published.pk]))


def test_unpublished_verdicts_are_not_exported_in_any_format(editor_client, db):
    VerdictFactory()
    assert _csv(editor_client) == []
    assert json.loads(_download(editor_client, "json")) == []
    assert json.loads(_download(editor_client, "claimreview")) == []


def test_exports_follow_the_selection(editor_client, editor, published):
    other = VerdictFactory(claim__text="The dam was repaired in March.")
    reviews.approve_and_publish(claim=other.claim, editor=editor)
    article = published.claim.article
    assert [r["claim_id"] for r in _csv(editor_client, article=article.pk)] == [str(published.claim_id)]
    assert len(_csv(editor_client)) == 2


@pytest.mark.parametrize("query, message", [
    ({"topic": "999999"}, "topic"),
    ({"since": "yesterday"}, "since"),
    ({"since": "2025-02-01", "until": "2025-01-01"}, "after its end"),
])
def test_a_bad_selection_is_refused_with_a_reason(editor_client, db, query, message):
    response = editor_client.get(reverse("claims:export", args=["csv"]), query)
    assert response.status_code == 400 and message in response.content.decode()


def test_an_unknown_format_is_not_found(editor_client, db):
    assert editor_client.get(reverse("claims:export", args=["xlsx"])).status_code == 404


def test_anonymous_visitors_cannot_export(client, published):
    response = client.get(reverse("claims:export", args=["csv"]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# Every property Google's fact-check markup requires or recommends, with its type.
CLAIMREVIEW_PROPERTIES = {
    ("@type",): "ClaimReview",
    ("url",): str,
    ("claimReviewed",): str,
    ("datePublished",): str,
    ("author", "@type"): "Organization",
    ("author", "name"): str,
    ("reviewRating", "@type"): "Rating",
    ("reviewRating", "ratingValue"): int,
    ("reviewRating", "bestRating"): int,
    ("reviewRating", "worstRating"): int,
    ("reviewRating", "alternateName"): str,
    ("itemReviewed", "@type"): "Claim",
    ("itemReviewed", "author", "@type"): ("Person", "Organization"),
    ("itemReviewed", "author", "name"): str,
    ("itemReviewed", "datePublished"): str,
    ("itemReviewed", "appearance", "@type"): "CreativeWork",
}


def assert_valid_claim_review(document: dict) -> None:
    for path, expected in CLAIMREVIEW_PROPERTIES.items():
        value = document
        for key in path:
            assert key in value, f"missing {'.'.join(path)}"
            value = value[key]
        if isinstance(expected, type):
            assert isinstance(value, expected) and value != "", f"{'.'.join(path)} is {value!r}"
        elif isinstance(expected, tuple):
            assert value in expected, f"{'.'.join(path)} is {value!r}"
        else:
            assert value == expected, f"{'.'.join(path)} is {value!r}"
    rating = document["reviewRating"]
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    expanded = jsonld.expand(document, {"documentLoader": _schema_org_context})
    assert expanded and expanded[0]["@type"] == ["http://schema.org/ClaimReview"]


def _schema_org_context(url, options=None):
    # No internet in tests: the schema.org context is its vocabulary as the default namespace.
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org")
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": {"@context": {"@vocab": "http://schema.org/"}}}


def test_claimreview_has_everything_search_engines_require_and_recommend(editor_client, published):
    [document] = json.loads(_download(editor_client, "claimreview"))
    assert_valid_claim_review(document)
    assert document["claimReviewed"] == published.claim.text
    assert document["reviewRating"] == {
        "@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1, "alternateName": "False",
    }
    assert document["itemReviewed"]["author"] == {"@type": "Person", "name": "Mayor Jane Doe"}
    assert document["itemReviewed"]["datePublished"] == "2024-05-02"
    assert document["itemReviewed"]["appearance"]["url"] == "https://news.example/bridge"
    assert document["url"].endswith(reverse("public:fact_check", args=[published.pk]))
    assert document["datePublished"] == published.published_at.date().isoformat()


@pytest.mark.parametrize("rating", list(Rating))
def test_every_rating_makes_a_valid_claimreview(editor_client, editor, db, rating):
    verdict = VerdictFactory(rating=rating, claim__source=None, claim__speaker="", claim__article__url="")
    reviews.approve_and_publish(claim=verdict.claim, editor=editor)
    [document] = json.loads(_download(editor_client, "claimreview"))
    assert_valid_claim_review(document)
    assert document["reviewRating"]["alternateName"] == rating.label
    # A claim the article makes itself is the outlet's.
    assert document["itemReviewed"]["author"] == {"@type": "Organization", "name": verdict.claim.article.outlet.name}


def test_csv_and_json_exports_say_the_same_thing_about_each_verdict(editor_client, published):
    [row] = _csv(editor_client)
    [record] = json.loads(_download(editor_client, "json"))
    record["evidence_urls"] = " ".join(record["evidence_urls"])
    assert row == dict(zip(record, spreadsheet_safe_cells([str(value) for value in record.values()])))
