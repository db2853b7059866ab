"""What leaves the workbench: only published verdicts, safe CSV, complete ClaimReview."""
import csv
import io
import json
import re

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


# The spreadsheet rule (claims/safe_output.py), case by case: what a spreadsheet would run gets an
# apostrophe in front; everything else is written as it is.
RUN_BY_A_SPREADSHEET = [
    "=1+1", "+1", "-1", "@SUM(A1)",                                  # OWASP's four
    "\tx", "\rx", "\nx", "\x00x",                                     # OWASP's TAB and CR, line feed, NUL (ASVS)
    "\uff1dHYPERLINK(\"http://evil.example\")", "\uff0b1", "\uff0d1", "\uff20SUM(A1)",  # full width
    "\ufe66cmd", "\ufe62cmd", "\ufe63cmd", "\ufe6bcmd",                  # small forms
    "\u207c1", "\u207a1", "\u208c1", "\u208a1", "\ufb291",                 # super- and subscript, Hebrew plus
    " =1+1", "   @SUM(A1)", "\n=1+1", "\r\n-1", "\xa0=1+1", "\u3000=1+1",  # blank, then a formula
    "\u2003+1", "\u202f=1", "\u200b=1", "\ufeff=1", "\u2060=1", " \t\xa0\u3000\uff1d1",
]
WRITTEN_AS_IT_IS = [
    "Lysychansk is held", "", " leading space only", "5 - 3 = 2", "editor@news.example", "'=already quoted",
    "\u2212 5 degrees",  # the minus sign (U+2212) is not a formula trigger
    "x=1", "\xa0text",
]


@pytest.mark.parametrize("cell", RUN_BY_A_SPREADSHEET)
def test_cells_a_spreadsheet_would_run_are_neutralised(cell):
    assert spreadsheet_safe_cells([cell]) == ["'" + cell]


@pytest.mark.parametrize("cell", WRITTEN_AS_IT_IS)
def test_ordinary_cells_are_left_alone(cell):
    assert spreadsheet_safe_cells([cell]) == [cell]


def test_the_rule_names_every_form_of_a_formula_trigger_and_every_blank():
    """The rule's two lists are exactly what their definition says (so a copy of the rule in SQL
    can be checked against them): triggers are what NFKC folds into = + - @, blanks are Unicode
    whitespace plus four invisible characters."""
    import sys
    import unicodedata

    from claims.safe_output import BLANK, FORMULA_TRIGGERS

    everything = [chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF]
    assert set(FORMULA_TRIGGERS) == {c for c in everything if unicodedata.normalize("NFKC", c) in ("=", "+", "-", "@")}
    assert set(BLANK) == {c for c in everything if c.isspace()} | {"\u200b", "\u2060", "\ufeff", "\x00"}


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


def test_disguised_formulas_are_neutralised_in_every_column_of_the_download_and_the_command(editor_client, published, tmp_path, settings):
    """A hostile spreadsheet row hides its formulas behind full-width signs and blanks; whichever
    column they land in, the editor's spreadsheet shows them as text."""
    from django.core.management import call_command

    settings.PUBLIC_SITE_URL = "https://factcheck.example/"
    claim, article = published.claim, published.claim.article
    claim.text, claim.speaker = "\u3000\uff1dHYPERLINK(\"http://evil.example\")", "\xa0+cmd"
    claim.save()
    claim.source.name = "\n@SUM(A1)"
    claim.source.save()
    claim.side.name = "\uff0dSide"
    claim.side.save()
    article.title, article.url = " =1+1", "\uff20https://news.example/bridge"
    article.save()
    article.outlet.name = "\ufe66Outlet"
    article.outlet.save()
    article.topic.name = "\t=Topic"
    article.topic.save()
    published.rationale = "\r\n-2+3"
    published.save()
    downloaded = _csv(editor_client)
    call_command("export_verdicts", "--format", "csv", "--output", str(tmp_path / "out.csv"))
    with open(tmp_path / "out.csv", newline="", encoding="utf-8") as written:
        commanded = list(csv.DictReader(written))
    assert downloaded == commanded
    [row] = downloaded
    for column in ("claim", "speaker", "source", "side", "article", "article_url", "outlet", "topic", "rationale"):
        assert row[column].startswith("'"), column


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
    ("itemReviewed", "appearance", "@type"): "CreativeWork",
}
# Recommended, and given whenever the workbench knows it (an undated article leaves them out).
CLAIMREVIEW_WHEN_KNOWN = {("itemReviewed", "datePublished"), ("itemReviewed", "appearance", "datePublished")}


def assert_valid_claim_review(document: dict) -> None:
    for path in CLAIMREVIEW_WHEN_KNOWN:
        value = document
        for key in path:
            value = value.get(key, {}) if isinstance(value, dict) else {}
        assert value == {} or (isinstance(value, str) and value), f"{'.'.join(path)} is {value!r}"
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


def _expanded_claim(document: dict) -> dict:
    [review] = jsonld.expand(document, {"documentLoader": _schema_org_context})
    [claim] = review["http://schema.org/itemReviewed"]
    return claim


def test_claimreview_names_the_article_as_the_claims_first_appearance(editor_client, published):
    """Fact Check Explorer links a fact-check to where the claim was first published."""
    article = published.claim.article
    [document] = json.loads(_download(editor_client, "claimreview"))
    assert document["itemReviewed"]["firstAppearance"] == {
        "@type": "CreativeWork",
        "headline": article.title,
        "url": "https://news.example/bridge",
        "datePublished": "2024-05-02",
        "publisher": {"@type": "Organization", "name": article.outlet.name},
    }
    [first] = _expanded_claim(document)["http://schema.org/firstAppearance"]
    assert first["@type"] == ["http://schema.org/CreativeWork"]
    assert first["http://schema.org/url"] == [{"@value": "https://news.example/bridge"}]
    assert first["http://schema.org/datePublished"] == [{"@value": "2024-05-02"}]


def test_a_first_appearance_known_only_by_its_outlet_has_no_made_up_link_or_date(editor_client, editor, db):
    verdict = VerdictFactory(claim__article__url="", claim__article__published_on=None)
    reviews.approve_and_publish(claim=verdict.claim, editor=editor)
    [document] = json.loads(_download(editor_client, "claimreview"))
    assert_valid_claim_review(document)
    assert document["itemReviewed"]["firstAppearance"] == {
        "@type": "CreativeWork", "headline": verdict.claim.article.title,
        "publisher": {"@type": "Organization", "name": verdict.claim.article.outlet.name},
    }
    # Nor is the claim or its appearance dated by the day the article came in.
    assert "datePublished" not in document["itemReviewed"]
    assert document["itemReviewed"]["appearance"] == document["itemReviewed"]["firstAppearance"]


def test_a_claim_from_an_undated_article_has_no_made_up_date_on_its_public_page(client, editor, db):
    verdict = VerdictFactory(claim__article__published_on=None)
    reviews.approve_and_publish(claim=verdict.claim, editor=editor)
    body = client.get(reverse("public:fact_check", args=[verdict.pk])).content.decode()
    [document] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    item = json.loads(document)["itemReviewed"]
    assert "datePublished" not in item and "datePublished" not in item["appearance"]


def test_a_claim_from_an_article_of_unknown_origin_has_no_first_appearance(editor_client, editor, db):
    verdict = VerdictFactory(claim__article__url="", claim__article__published_on=None, claim__article__outlet=None)
    reviews.approve_and_publish(claim=verdict.claim, editor=editor)
    [document] = json.loads(_download(editor_client, "claimreview"))
    assert_valid_claim_review(document)
    assert "firstAppearance" not in document["itemReviewed"]
    assert "http://schema.org/firstAppearance" not in _expanded_claim(document)


def test_exports_link_to_the_port_the_site_is_served_on(client, editor, published, settings):
    """`make run PORT=8040`: every public link in every export points to port 8040."""
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    client.force_login(editor)
    on_8040 = {"HTTP_HOST": "127.0.0.1:8040"}
    page = f"http://127.0.0.1:8040/fact-checks/{published.pk}/"
    csv_text = b"".join(client.get(reverse("claims:export", args=["csv"]), **on_8040).streaming_content).decode()
    [row] = csv.DictReader(io.StringIO(csv_text))
    [record] = json.loads(b"".join(client.get(reverse("claims:export", args=["json"]), **on_8040).streaming_content))
    [review] = json.loads(b"".join(client.get(reverse("claims:export", args=["claimreview"]), **on_8040).streaming_content))
    assert row["fact_check_url"] == record["fact_check_url"] == review["url"] == page
    assert review["author"]["url"] == "http://127.0.0.1:8040/"


def test_a_configured_public_site_is_used_whatever_address_the_editor_came_in_on(editor_client, published, settings):
    settings.PUBLIC_SITE_URL = "https://factcheck.example"
    settings.NEWSROOM_URL = "https://newsroom.example/"
    [review] = json.loads(_download(editor_client, "claimreview"))
    assert review["url"] == f"https://factcheck.example/fact-checks/{published.pk}/"
    assert review["author"]["url"] == "https://newsroom.example/"


def test_a_claim_linked_as_the_same_claim_first_appeared_in_the_earliest_article_of_them(client, editor, reviewer, db):
    """From the new user's trial: a fact-check of a claim a wire had run days before named the
    reprint as where the claim first appeared, though a reviewer had linked the two as the same
    claim. Fact Check Explorer should lead to the wire."""
    import datetime
    import re

    from claims.services import clusters
    from claims.services.matching import find_matches

    from .factories import ClaimFactory, OutletFactory

    said = "Three people were killed in the strike on the Holm power station on Monday."

    def reported(outlet, url, published_on):
        article = ArticleFactory(title=f"{outlet}: strike on Holm", url=url, published_on=published_on,
                                 body=f"{said}\n\nFiled by {outlet}.", outlet=OutletFactory(name=outlet))
        return ClaimFactory(article=article, text=said)

    reprint = reported("Morning Post", "https://post.example/holm", datetime.date(2024, 5, 2))
    wire = reported("Holm Wire", "https://wire.example/holm", datetime.date(2024, 4, 28))
    undated = reported("Evening Sheet", "https://sheet.example/holm", None)  # came in after both: not first
    find_matches([reprint, wire, undated])
    clusters.link_as_same_claim(claim=reprint, other=wire, user=reviewer)
    clusters.link_as_same_claim(claim=undated, other=reprint, user=reviewer)
    verdict = reviews.submit_verdict(claim=reprint, reviewer=reviewer, rating="false", rationale="The station reports no deaths.")
    reviews.approve_and_publish(claim=verdict.claim, editor=editor)

    client.force_login(editor)
    [document] = json.loads(_download(client, "claimreview"))
    page = client.get(reverse("public:fact_check", args=[verdict.pk])).content.decode()
    [on_the_page] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    wire_article = {
        "@type": "CreativeWork", "headline": "Holm Wire: strike on Holm", "url": "https://wire.example/holm",
        "datePublished": "2024-04-28", "publisher": {"@type": "Organization", "name": "Holm Wire"},
    }
    assert document["itemReviewed"]["firstAppearance"] == json.loads(on_the_page)["itemReviewed"]["firstAppearance"] == wire_article
    # The fact-check's own claim still appeared in the reprint.
    assert document["itemReviewed"]["appearance"]["url"] == "https://post.example/holm"
