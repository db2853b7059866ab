"""What leaves the workbench: only published verdicts, safe CSV, complete ClaimReview."""
import csv
import io
import json

import pytest
from django.urls import reverse

from claims.exports import spreadsheet_safe
from claims.services import reviews

from .factories import EvidenceFactory, SourceFactory, VerdictFactory


@pytest.fixture
def published(db, editor):
    verdict = VerdictFactory(claim__text="=HYPERLINK(\"http://evil.example\")", claim__source=SourceFactory(name="Mayor Jane Doe", kind="person"))
    EvidenceFactory(claim=verdict.claim, url="https://records.example/minutes")
    return reviews.approve_and_publish(claim=verdict.claim, editor=editor)


def _csv(client):
    response = client.get(reverse("claims:export_csv"))
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_cells_a_spreadsheet_would_run_are_neutralised(cell):
    assert spreadsheet_safe(cell) == "'" + cell


def test_ordinary_cells_are_left_alone():
    assert spreadsheet_safe("Lysychansk is held") == "Lysychansk is held"


def test_csv_export_contains_the_published_verdict_safely(editor_client, published):
    [row] = _csv(editor_client)
    assert row["claim"].startswith("'=HYPERLINK")
    assert row["rating"] == "False"
    assert row["evidence_urls"] == "https://records.example/minutes"
    assert row["approver"] == "edith"


def test_unpublished_verdicts_are_not_exported(editor_client, db):
    VerdictFactory()
    assert _csv(editor_client) == []
    assert json.loads(editor_client.get(reverse("claims:export_claimreview")).content) == []


def test_claimreview_has_the_fields_search_engines_need(editor_client, published):
    [doc] = json.loads(editor_client.get(reverse("claims:export_claimreview")).content)
    assert doc["@context"] == "https://schema.org" and doc["@type"] == "ClaimReview"
    assert doc["claimReviewed"] == published.claim.text
    assert doc["reviewRating"] == {
        "@type": "Rating", "alternateName": "False", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
    }
    assert doc["itemReviewed"]["@type"] == "Claim"
    assert doc["itemReviewed"]["author"] == {"@type": "Person", "name": "Mayor Jane Doe"}
    assert doc["author"]["@type"] == "Organization"
    assert doc["url"].endswith(published.claim.get_absolute_url())
    assert doc["datePublished"] == published.published_at.date().isoformat()


def test_unverifiable_verdicts_carry_a_name_but_no_number(editor_client, editor, db):
    verdict = VerdictFactory(rating="unverifiable")
    reviews.approve_and_publish(claim=verdict.claim, editor=editor)
    [doc] = json.loads(editor_client.get(reverse("claims:export_claimreview")).content)
    assert doc["reviewRating"] == {"@type": "Rating", "alternateName": "Unverifiable"}
