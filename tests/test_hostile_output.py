"""Whatever stored text holds, no output breaks: one Hypothesis test per output format.

Rows stored before the input rule, or edited in the admin, may hold control characters,
noncharacters, markup, formulas or dollar signs. Each test writes generated text into every text
field an output shows (straight into the rows, as old data sits there), then reads the output as
its consumers do: RSS with an XML parser, JSON with json, CSV with the csv module, ClaimReview
through pyld, charts as SVG, the PDF with pypdf. Nothing answers 500, everything parses, and the
text comes back (through the format's rule where it has one).
"""
import base64
import csv
import io
import json
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st
from pypdf import PdfReader

from claims.models import Article, Claim, Dispute, Evidence, Outlet, Side, Source, Topic, Verdict
from claims.safe_output import printable, spreadsheet_safe_cells
from claims.services import reviews

from .conftest import ON_POSTGRES
from .factories import EvidenceFactory, SourceFactory, VerdictFactory
from .test_exports import assert_valid_claim_review

# Characters that have broken outputs somewhere, or that a format gives a meaning to. Lone
# surrogates are left out: neither database can store one. PostgreSQL cannot store NUL either.
ODD = (
    "\x00\x01\x08\x0b\x0c\x0e\x1b\x1f\x7f\x80\x85\x9f\u2028\u2029\u200b\u202e\ufeff\ufffe\uffff\U0010ffff"
    "\t\r\n \xa0\u3000=+-@\uff1d\uff0b\uff0d\uff20$\\{}^_<>&\"';,"
)
if ON_POSTGRES:
    ODD = ODD.replace("\x00", "")
hostile = st.text(
    alphabet=st.one_of(st.sampled_from(ODD), st.characters(exclude_categories=["Cs"], exclude_characters="\x00")),
    min_size=1, max_size=40,
)
examples = hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@pytest.fixture
def stored(db, editor):
    """Two published verdicts on competing claims of one source, with a side, an outlet, a topic and evidence."""
    first = VerdictFactory(claim__source=SourceFactory(name="Defence ministry"))
    second = VerdictFactory(claim__article=first.claim.article, claim__side=first.claim.side, claim__source=first.claim.source)
    EvidenceFactory(claim=first.claim, url="https://records.example/minutes")
    Dispute.objects.create(first=first.claim, second=second.claim, reason="captured / held")
    for verdict in (first, second):
        reviews.approve_and_publish(claim=verdict.claim, editor=editor)
    return first


def store(verdict, text: str) -> None:
    """The text in every field an output shows, written as old rows hold it (no validation)."""
    claim = verdict.claim
    Claim.objects.filter(article=claim.article).update(text=text, speaker=text)
    Source.objects.filter(pk=claim.source_id).update(name=text)
    Side.objects.filter(pk=claim.side_id).update(name=text)
    Article.objects.filter(pk=claim.article_id).update(title=text, url=text)
    Outlet.objects.filter(pk=claim.article.outlet_id).update(name=text)
    Topic.objects.filter(pk=claim.article.topic_id).update(name=text)
    Verdict.objects.filter(claim__article=claim.article).update(rationale=text)
    Evidence.objects.filter(claim=claim).update(url=text, note=text)
    Dispute.objects.filter(first=claim).update(reason=text)


def _download(client, fmt: str) -> str:
    response = client.get(reverse("claims:export", args=[fmt]))
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


def _as_xml_reads_it(text: str) -> str:
    # An XML parser reads every line end as a line feed (XML 1.0, 2.11).
    return text.replace("\r\n", "\n").replace("\r", "\n")


@examples
@given(text=hostile)
def test_the_rss_feed_parses_as_xml_whatever_a_verdict_holds(client, stored, text):
    store(stored, text)
    response = client.get(reverse("public:feed_rss"))
    assert response.status_code == 200
    items = ElementTree.fromstring(response.content).findall("channel/item")
    assert len(items) == 2
    assert {item.findtext("description") or "" for item in items} == {_as_xml_reads_it(printable(text))}


@examples
@given(text=hostile)
def test_the_json_feed_carries_any_text_exactly(client, stored, text):
    store(stored, text)
    response = client.get(reverse("public:feed_json"))
    assert response.status_code == 200
    assert {item["content_text"] for item in json.loads(response.content)["items"]} == {text}


@examples
@given(text=hostile)
def test_the_json_export_carries_any_text_exactly(editor_client, stored, text):
    store(stored, text)
    records = json.loads(_download(editor_client, "json"))
    assert [(r["claim"], r["source"], r["rationale"], r["outlet"]) for r in records] == [(text, text, text, text)] * 2


@examples
@given(text=hostile)
def test_the_claimreview_export_stays_valid_linked_data(editor_client, stored, text):
    store(stored, text)
    documents = json.loads(_download(editor_client, "claimreview"))
    assert len(documents) == 2
    for document in documents:
        assert_valid_claim_review(document)
        assert document["claimReviewed"] == text
        assert document["itemReviewed"]["firstAppearance"]["url"] == text


@examples
@given(text=hostile)
def test_the_csv_export_reads_back_cell_for_cell_and_runs_nothing(editor_client, stored, text):
    store(stored, text)
    rows = list(csv.DictReader(io.StringIO(_download(editor_client, "csv"), newline="")))
    [safe] = spreadsheet_safe_cells([text])
    assert len(rows) == 2
    for row in rows:
        for column in ("claim", "speaker", "side", "article", "article_url", "outlet", "topic", "rationale"):
            assert row[column] == safe, column


@examples
@given(text=hostile)
def test_the_public_page_and_the_report_answer_with_their_claimreview_and_charts_intact(client, editor_client, stored, text):
    store(stored, text)
    public = client.get(reverse("public:fact_check", args=[stored.pk]))
    assert public.status_code == 200
    ld = public.content.decode().split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert json.loads(ld)["claimReviewed"] == text
    report = editor_client.get(reverse("claims:report"))
    assert report.status_code == 200
    charts = [part.split('"', 1)[0] for part in report.content.decode().split('src="data:image/svg+xml;base64,')[1:]]
    assert len(charts) == 3
    for chart in charts:
        ElementTree.fromstring(base64.b64decode(chart))  # valid XML, so a browser and WeasyPrint draw it


@hypothesis_settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=hostile)
def test_the_pdf_report_opens_whatever_the_verdicts_hold(editor_client, stored, text):
    store(stored, text)
    response = editor_client.get(reverse("claims:report_pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    # It opens and has pages. (Its text layer is not compared: a character no installed font has,
    # a Chinese name say, garbles what pypdf reads back, whatever the workbench does.)
    assert len(PdfReader(io.BytesIO(response.content)).pages) >= 1
