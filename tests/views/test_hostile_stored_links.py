"""Addresses stored before the input rule checked them (or written by a path it does not cover:
raw SQL, an old dump, a seed script) reach the pages as links. The pages must never turn one into
a script a reader can click (javascript:, data:), and a malformed one must never take a page down.

The rows are written with .update()/.create() on purpose: no form or service would accept them."""
import re

import pytest
from django.urls import reverse

from claims.models import Article, Evidence
from claims.services import reviews

from ..factories import ArticleFactory, VerdictFactory

HOSTILE = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "\tjavascript:alert(1)",
    "java\nscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
]


def _hrefs(page: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', page)


def _no_script_link(page: str) -> None:
    for href in _hrefs(page):
        # What a browser does before it reads the scheme: strip C0 controls and spaces at the
        # ends, drop tabs and line ends anywhere.
        seen = re.sub(r"[\t\n\r]", "", href).strip("".join(map(chr, range(0x21)))).lower()
        assert not seen.startswith(("javascript:", "data:", "vbscript:")), href


@pytest.fixture
def published(db, editor):
    verdict = VerdictFactory(claim__text="The ferry ran 40 crossings on Sunday.", rationale="The port log shows 12.")
    return reviews.approve_and_publish(claim=verdict.claim, editor=editor)


@pytest.fixture
def hostile_evidence(published):
    for address in HOSTILE:
        Evidence.objects.create(
            claim=published.claim, url=address, archived_url=address, stance="refutes", added_by=published.reviewer
        )
    return published


def test_the_public_page_never_links_a_stored_script_address(client, hostile_evidence):
    response = client.get(reverse("public:fact_check", args=[hostile_evidence.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    _no_script_link(page)
    # The address is still shown, as text, so the desk can see what was kept.
    assert "javascript:alert(1)" in page


def test_the_claim_page_never_links_a_stored_script_address(client, editor, hostile_evidence):
    client.force_login(editor)
    response = client.get(reverse("claims:claim", args=[hostile_evidence.claim_id]))
    assert response.status_code == 200
    _no_script_link(response.content.decode())


def test_the_report_never_links_a_stored_script_address(client, editor, hostile_evidence):
    client.force_login(editor)
    response = client.get(reverse("claims:report"))
    assert response.status_code == 200
    _no_script_link(response.content.decode())


def test_the_article_page_never_links_a_stored_script_address(editor_client, db):
    article = ArticleFactory()
    Article.objects.filter(pk=article.pk).update(url="javascript:alert(document.cookie)")
    response = editor_client.get(reverse("claims:article", args=[article.pk]))
    assert response.status_code == 200
    _no_script_link(response.content.decode())


def test_a_web_address_is_still_a_link(client, published):
    Evidence.objects.create(
        claim=published.claim, url="https://port.example/log", archived_url="https://web.archive.org/web/20240305101010/https://port.example/log",
        stance="refutes", added_by=published.reviewer,
    )
    page = client.get(reverse("public:fact_check", args=[published.pk])).content.decode()
    assert 'href="https://port.example/log"' in page
    assert 'href="https://web.archive.org/web/20240305101010/https://port.example/log"' in page


@pytest.fixture
def malformed_article_url(published):
    # No source, speaker or outlet: the ClaimReview's author falls back to the article's host.
    claim = published.claim
    type(claim).objects.filter(pk=claim.pk).update(speaker="", source=None)
    Article.objects.filter(pk=claim.article_id).update(url="https://[::1", outlet=None)
    return published


def test_a_malformed_stored_article_address_does_not_take_the_public_page_down(client, malformed_article_url):
    response = client.get(reverse("public:fact_check", args=[malformed_article_url.pk]))
    assert response.status_code == 200
    assert '"name": "Unknown publisher"' in response.content.decode()


def test_an_editor_can_still_change_the_topic_of_an_article_with_a_malformed_stored_address(
    editor_client, malformed_article_url
):
    article = malformed_article_url.claim.article
    response = editor_client.post(reverse("claims:article_edit", args=[article.pk]), {"topic": "", "published_on": "2026-03-01"})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.topic is None and str(article.published_on) == "2026-03-01"
    assert article.url == "https://[::1"  # what was received is left as it was
