"""A claim whose side nobody knows reads the same on every page that lists it: "No side", not a
dash in one place, "Unknown" in another and "no side" in a third."""
import base64

import pytest
from django.urls import reverse
from django.utils import timezone

from claims.presentation import NO_SIDE
from claims.workflow import ReviewState

from ..factories import ArticleFactory, ClaimFactory, SideFactory, TopicFactory, VerdictFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sideless():
    article = ArticleFactory(topic=TopicFactory(name="War"), body="Nobody knows who fired the shells at the market.")
    return ClaimFactory(article=article, text="Nobody knows who fired the shells at the market.", side=None)


def cell(body: str, label: str) -> str:
    start = body.index(f'data-label="{label}">') + len(f'data-label="{label}">')
    return body[start:body.index("</td>", start)]


def test_no_side_is_written_one_way():
    assert NO_SIDE == "No side"


def test_the_queue_row_says_no_side(reviewer_client, sideless):
    assert cell(reviewer_client.get(reverse("claims:queue")).content.decode(), "Side") == "No side"


def test_the_article_table_says_no_side(reviewer_client, sideless):
    assert cell(reviewer_client.get(sideless.article.get_absolute_url()).content.decode(), "Side") == "No side"


def test_the_claim_page_says_no_side(reviewer_client, sideless):
    assert "<dt>Side</dt><dd>No side</dd>" in reviewer_client.get(sideless.get_absolute_url()).content.decode()


def test_the_claim_pages_other_side_line_says_no_side(reviewer_client, sideless):
    from claims.models import Dispute

    north = SideFactory(topic=sideless.article.topic, name="North")
    mine = ClaimFactory(article=sideless.article, text="The South fired the shells at the market.", side=north)
    Dispute.objects.create(first=mine, second=sideless, reason="who fired")
    body = reviewer_client.get(mine.get_absolute_url()).content.decode()
    assert " · No side · " in body and "no side" not in body


def test_the_reports_chart_of_sides_says_no_side(sideless):
    from claims.reports import build_report
    from claims.selectors.verdicts import VerdictSelection

    sideless.state = ReviewState.PUBLISHED
    sideless.save()
    VerdictFactory(claim=sideless, rating="false", published_at=timezone.now())
    chart = build_report(VerdictSelection({})).charts["Verdicts by side"]
    assert "No side" in base64.b64decode(chart.split(",", 1)[1]).decode()
