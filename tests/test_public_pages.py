"""Readers see published fact-checks, without signing in, and nothing else."""
import json
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from claims.services import reviews

from .factories import EvidenceFactory, VerdictFactory
from .test_exports import assert_valid_claim_review

SECRET = "The reservoir was poisoned overnight."


@pytest.fixture
def published(db, editor):
    verdict = VerdictFactory(claim__text="The ferry ran 40 crossings on Sunday.", rationale="The port log shows 12.")
    return reviews.approve_and_publish(claim=verdict.claim, editor=editor)


@pytest.fixture
def unpublished(db):
    return VerdictFactory(claim__text=SECRET, rationale="Draft: still checking the water board's figures.")


def test_a_reader_opens_a_published_fact_check_with_its_claimreview(client, published):
    response = client.get(reverse("public:fact_check", args=[published.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "The ferry ran 40 crossings on Sunday." in page and "The port log shows 12." in page
    ld = page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert_valid_claim_review(json.loads(ld))


def test_the_embedded_json_cannot_close_its_script_element(client, editor, db):
    verdict = VerdictFactory(claim__text="</script><script>alert(1)</script> was said")
    reviews.approve_and_publish(claim=verdict.claim, editor=editor)
    page = client.get(reverse("public:fact_check", args=[verdict.pk])).content.decode()
    assert "<script>alert(1)" not in page
    ld = page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert json.loads(ld)["claimReviewed"].startswith("</script>")


def test_unpublished_work_is_never_public(client, published, unpublished):
    assert client.get(reverse("public:fact_check", args=[unpublished.pk])).status_code == 404
    assert client.get(reverse("public:fact_check", args=[999999])).status_code == 404
    for name in ("public:fact_checks", "public:feed_rss", "public:feed_json"):
        response = client.get(reverse(name))
        assert response.status_code == 200
        assert SECRET not in response.content.decode() and "water board" not in response.content.decode()
        assert "The ferry ran 40 crossings" in response.content.decode()


def test_a_verdict_sent_back_after_publishing_leaves_the_public_pages(client, published):
    published.claim.state = "in_review"
    published.claim.save()
    assert client.get(reverse("public:fact_check", args=[published.pk])).status_code == 404
    assert "The ferry ran" not in client.get(reverse("public:feed_rss")).content.decode()


def test_the_rss_feed_lists_published_fact_checks(client, published):
    response = client.get(reverse("public:feed_rss"))
    assert response["Content-Type"].startswith("application/rss+xml")
    body = response.content.decode()
    assert "<title>False: The ferry ran 40 crossings on Sunday.</title>" in body
    assert reverse("public:fact_check", args=[published.pk]) in body


def test_the_json_feed_lists_published_fact_checks(client, published):
    feed = client.get(reverse("public:feed_json")).json()
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    [item] = feed["items"]
    assert item["title"] == "False: The ferry ran 40 crossings on Sunday." and item["content_text"] == "The port log shows 12."


def test_the_list_pages_through_fact_checks(client, editor, db):
    for n in range(35):
        verdict = VerdictFactory(claim__text=f"Claim number {n} about the harbour.")
        reviews.approve_and_publish(claim=verdict.claim, editor=editor)
    first = client.get(reverse("public:fact_checks")).content.decode()
    assert "Page 1 of 2" in first
    assert client.get(reverse("public:fact_checks"), {"page": "nonsense"}).status_code == 200


def test_feeds_and_the_embedded_claimreview_link_to_the_port_the_site_is_served_on(client, published, settings):
    """`make run PORT=8040`: a reader's feed reader follows links to port 8040, not 8000."""
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    on_8040 = {"HTTP_HOST": "127.0.0.1:8040"}
    page = f"http://127.0.0.1:8040/fact-checks/{published.pk}/"
    rss = ElementTree.fromstring(client.get(reverse("public:feed_rss"), **on_8040).content)
    assert rss.findtext("channel/link") == "http://127.0.0.1:8040/fact-checks/"
    assert rss.findtext("channel/item/link") == rss.findtext("channel/item/guid") == page
    feed = client.get(reverse("public:feed_json"), **on_8040).json()
    assert feed["home_page_url"] == "http://127.0.0.1:8040/fact-checks/"
    assert feed["feed_url"] == "http://127.0.0.1:8040/fact-checks/feed.json"
    assert feed["items"][0]["url"] == feed["items"][0]["id"] == page
    html = client.get(page.removeprefix("http://127.0.0.1:8040"), **on_8040).content.decode()
    ld = json.loads(html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0])
    assert ld["url"] == page


def test_feeds_link_to_the_configured_public_site(client, published, settings):
    settings.PUBLIC_SITE_URL = "https://factcheck.example/"
    rss = ElementTree.fromstring(client.get(reverse("public:feed_rss")).content)
    assert rss.findtext("channel/link") == "https://factcheck.example/fact-checks/"
    assert rss.findtext("channel/item/link") == f"https://factcheck.example/fact-checks/{published.pk}/"
    assert client.get(reverse("public:feed_json")).json()["feed_url"] == "https://factcheck.example/fact-checks/feed.json"


def test_a_rationale_with_control_characters_keeps_the_rss_feed_up(client, published):
    """A rationale pasted from a PDF brought a form feed, a vertical tab and an escape code; the
    feed still answers, parses as XML, and reads as the words were meant."""
    published.rationale = "The port log\x0cshows 12\x0bcrossings.\x1b[0m"
    published.save()
    response = client.get(reverse("public:feed_rss"))
    assert response.status_code == 200
    item = ElementTree.fromstring(response.content).find("channel/item")
    assert item.findtext("description") == "The port log shows 12 crossings.[0m"
    assert client.get(reverse("public:feed_json")).json()["items"][0]["content_text"] == published.rationale


def test_the_public_list_shows_each_verdicts_rating(client, editor, db):
    for text, rating in (("The ferry ran 40 crossings.", "false"), ("The bridge reopened on Monday.", "mostly_true")):
        verdict = VerdictFactory(claim__text=text, rating=rating)
        reviews.approve_and_publish(claim=verdict.claim, editor=editor)
    page = client.get(reverse("public:fact_checks")).content.decode()
    ferry, bridge = page.index("The ferry ran"), page.index("The bridge reopened")
    assert page.rfind(">False</span>", 0, ferry) > page.rfind("</li>", 0, ferry)
    assert page.rfind(">Mostly true</span>", 0, bridge) > page.rfind("</li>", 0, bridge)


def test_the_public_page_shows_each_sources_archived_copy_and_when_it_was_taken(client, published):
    wayback = "https://web.archive.org/web/20240305101010/https://port.example/log"
    EvidenceFactory(claim=published.claim, url="https://port.example/log", archived_url=wayback)
    EvidenceFactory(claim=published.claim, url="https://port.example/short", archived_url="https://archive.ph/AbCd1")
    EvidenceFactory(claim=published.claim, url="https://port.example/unsaved", archived_url="")
    page = client.get(reverse("public:fact_check", args=[published.pk])).content.decode()
    assert f'<a href="{wayback}" rel="nofollow noopener noreferrer">Archived copy</a>' in page
    assert "at the Internet Archive, taken" in page and "5 March 2024, 10:10 UTC" in page
    assert "at archive.today, which shows when the copy was taken." in page
    assert page.count("No archived copy of this source was kept.") == 1


def test_evidence_with_no_source_link_claims_no_archive(client, published):
    EvidenceFactory(claim=published.claim, url="", excerpt="The port log, page 3.")
    page = client.get(reverse("public:fact_check", args=[published.pk])).content.decode()
    assert "The port log, page 3." in page and "archived copy" not in page.lower()


def test_both_base_pages_link_the_favicon_and_favicon_ico_answers(client, reviewer_client, published):
    for page in (client.get(reverse("public:fact_checks")), reviewer_client.get(reverse("claims:queue"))):
        assert 'rel="icon" href="/static/favicon.svg"' in page.content.decode()
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/favicon.ico"
    icon = client.get(response["Location"])
    assert icon.status_code == 200 and b"".join(icon.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file
