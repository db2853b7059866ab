"""An editor's verdict report: claims, competing claims and charts, as a page and as a PDF."""
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from claims.models import Dispute
from claims.services import reviews

from .factories import ArticleFactory, ClaimFactory, EvidenceFactory, SideFactory, SourceFactory, TopicFactory, VerdictFactory


@pytest.fixture
def story(db, editor):
    """Moscow says the town was captured, Kyiv says it is held; both verdicts published."""
    topic = TopicFactory(name="Border war")
    moscow = SideFactory(topic=topic, name="Moscow")
    kyiv = SideFactory(topic=topic, name="Kyiv")
    article = ArticleFactory(topic=topic, title="Fighting for the river town")
    captured = VerdictFactory(
        claim__article=article, claim__text="Our forces captured the river town on Sunday.", claim__side=moscow,
        claim__source=SourceFactory(name="Defence ministry", side=moscow), rating="false",
        rationale="Drone footage from Monday shows the garrison still in the town.",
    )
    held = VerdictFactory(
        claim__article=article, claim__text="The river town remains under our control.", claim__side=kyiv,
        claim__source=SourceFactory(name="Regional governor", side=kyiv), rating="mostly_true",
        rationale="Independent reporters confirmed the garrison on Monday.",
    )
    EvidenceFactory(claim=captured.claim, url="https://footage.example/monday")
    Dispute.objects.create(first=captured.claim, second=held.claim, reason="captured / remains under control")
    for verdict in (captured, held):
        reviews.approve_and_publish(claim=verdict.claim, editor=editor)
    return {"topic": topic, "article": article, "captured": captured, "held": held}


def test_editor_reads_a_topic_report_with_both_sides_and_the_charts(editor_client, story):
    response = editor_client.get(reverse("claims:report"), {"topic": story["topic"].pk})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Verdict report: Border war" in page
    assert "Our forces captured the river town on Sunday." in page and "Drone footage from Monday" in page
    assert "https://footage.example/monday" in page
    # The competing claims side by side, Kyiv's column first (sides in name order), both verdicts.
    table = page.split('<section class="competing">', 1)[1].split("</section>", 1)[0]
    assert table.index("remains under our control") < table.index("captured the river town")
    assert "Mostly true" in table and "False" in table
    assert page.count('src="data:image/svg+xml;base64,') == 3


def test_the_report_shows_an_unpublished_competing_claim_as_not_yet_checked(editor_client, story):
    pending = ClaimFactory(article=story["article"], text="The bridge into town was blown up.", side=story["held"].claim.side)
    Dispute.objects.create(first=story["captured"].claim, second=pending, reason="bridge")
    page = editor_client.get(reverse("claims:report"), {"article": story["article"].pk}).content.decode()
    assert "The bridge into town was blown up." in page and "Not yet checked" in page


def test_htmx_filtering_swaps_only_the_report_body(editor_client, story):
    response = editor_client.get(reverse("claims:report"), {"topic": story["topic"].pk}, headers={"HX-Request": "true"})
    assert response.content.decode().lstrip().startswith('<section id="report-body"')


def test_an_empty_selection_says_so(editor_client, story):
    page = editor_client.get(reverse("claims:report"), {"since": "2001-01-01", "until": "2001-01-31"}).content.decode()
    assert "No published verdicts in this selection." in page


@pytest.mark.parametrize("query", [{"outlet": "99999"}, {"until": "31/01/2024x"}, {"since": "2025-02-01", "until": "2025-01-01"}])
def test_a_bad_selection_answers_400_with_the_form(editor_client, story, query):
    response = editor_client.get(reverse("claims:report"), query)
    assert response.status_code == 400 and "The selection is not valid" in response.content.decode()


def test_report_filters_are_labelled_as_a_desk_says_them(editor_client, story):
    page = editor_client.get(reverse("claims:report")).content.decode()
    for label in ("Article", "Topic", "Outlet", "Source", "Verdict published from", "Verdict published until"):
        assert f">{label}</label>" in page
    assert "Claim article" not in page and "Claim source" not in page


def test_reviewers_and_visitors_cannot_read_reports(reviewer_client, story):
    from django.test import Client

    assert reviewer_client.get(reverse("claims:report")).status_code == 403
    assert Client().get(reverse("claims:report_pdf")).status_code == 302


def test_the_pdf_report_holds_the_claims(editor_client, story):
    response = editor_client.get(reverse("claims:report_pdf"), {"topic": story["topic"].pk})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert 'filename="verdicts-border-war.pdf"' in response["Content-Disposition"]
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "Our forces captured the river town on Sunday." in text
    assert "The river town remains under our control." in text
    assert "Verdicts by side" in text  # the charts' text is text in the PDF


def test_report_pages_cost_the_same_queries_whatever_the_number_of_claims(editor_client, editor, story, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert editor_client.get(reverse("claims:report"), {"topic": story["topic"].pk}).status_code == 200
        return len(captured)

    few = queries()
    for n in range(15):
        verdict = VerdictFactory(claim__article=story["article"], claim__text=f"Claim {n} about the town.")
        EvidenceFactory(claim=verdict.claim, url=f"https://e.example/{n}")
        reviews.approve_and_publish(claim=verdict.claim, editor=editor)
    assert queries() == few


def _charts_svg(page: str) -> list[str]:
    import base64

    encoded = [part.split('"', 1)[0] for part in page.split('src="data:image/svg+xml;base64,')[1:]]
    return [base64.b64decode(data).decode() for data in encoded]


@pytest.mark.parametrize("name", ["Cash$$Flow Institute", "Fund for $5 and $10 bills", r"$\frac{a}{b}$ \$ Group", "$"])
def test_a_source_named_with_dollar_signs_is_drawn_as_its_name(editor_client, editor, db, name):
    """Matplotlib reads text between dollar signs as maths: a source's name is drawn as typed."""
    from xml.etree import ElementTree

    verdict = VerdictFactory(claim__source=SourceFactory(name=name))
    reviews.approve_and_publish(claim=verdict.claim, editor=editor)
    response = editor_client.get(reverse("claims:report"))
    assert response.status_code == 200
    by_source = next(svg for svg in _charts_svg(response.content.decode()) if "Verdicts by source" in svg)
    labels = [text.text for text in ElementTree.fromstring(by_source).iter("{http://www.w3.org/2000/svg}text")]
    assert name in labels


def test_names_with_control_characters_keep_the_charts_valid_svg_and_the_pdf_readable(editor_client, editor, db):
    from xml.etree import ElementTree

    side = SideFactory(name="Kyiv\x1b[31m")
    verdict = VerdictFactory(
        claim__text="The ferry\x0cran 40 crossings.", claim__side=side, claim__source=SourceFactory(name="Port\x0bauthority\x7f"),
        rationale="The port log\x0cshows 12.",
    )
    reviews.approve_and_publish(claim=verdict.claim, editor=editor)
    charts = _charts_svg(editor_client.get(reverse("claims:report")).content.decode())
    assert len(charts) == 3
    labels = {text.text for svg in charts for text in ElementTree.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")}
    assert {"Kyiv[31m", "Port authority"} <= labels
    response = editor_client.get(reverse("claims:report_pdf"))
    assert response.status_code == 200
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages).split())
    assert "The ferry ran 40 crossings." in text and "The port log shows 12." in text
