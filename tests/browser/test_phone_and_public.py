"""A desk on phones and tablets, and the reader of the public pages, in a real browser.

Every story runs at a desk's width (1400 px) and a phone's (390 px); the no-sideways-scrolling
walk also at a tablet's (768 px). "Fits" means what a thumb feels: the page is no wider than the
window (document.documentElement.scrollWidth <= the window's width).
"""
import pytest
from playwright.sync_api import expect

from claims.models import Claim
from claims.services import reviews
from claims.services.demo import load_demo
from claims.services.evidence import add_evidence

from ..factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
DESK, TABLET, PHONE = 1400, 768, 390
WAYBACK = "https://web.archive.org/web/20240305101010/https://records.example/lysychansk-july-3"


@pytest.fixture
def desk(db):
    """The demo articles, a published fact-check with archived and unarchived evidence, and a
    verdict awaiting an editor's approval."""
    load_demo()
    rita = UserFactory(username="rita", role="Reviewer")
    edith = UserFactory(username="edith", role="Editor")
    published, waiting = Claim.objects.filter(check_worthy=True).order_by("pk")[:2]
    reviews.start_review(claim=published, reviewer=rita)
    add_evidence(claim=published, added_by=rita, url="https://records.example/lysychansk-july-3",
                 archived_url=WAYBACK, excerpt="Ukrainian units still held the refinery district.", stance="refutes")
    add_evidence(claim=published, added_by=rita, url="https://unsaved.example/briefing", stance="context")
    reviews.submit_verdict(claim=Claim.objects.get(pk=published.pk), reviewer=rita, rating="misleading",
                           rationale="Fighting went on for another day.")
    verdict = reviews.approve_and_publish(claim=Claim.objects.get(pk=published.pk), editor=edith)
    reviews.start_review(claim=waiting, reviewer=rita)
    reviews.submit_verdict(claim=Claim.objects.get(pk=waiting.pk), reviewer=rita, rating="false", rationale="No.")
    return {"published": Claim.objects.get(pk=published.pk), "verdict": verdict, "waiting": Claim.objects.get(pk=waiting.pk)}


@pytest.fixture
def reader(browser, live_server):
    """An anonymous reader's window, with every failed request it makes (a missing favicon too)."""
    contexts = []

    def open_at(width):
        context = browser.new_context(viewport={"width": width, "height": 1000})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.failed = []
        page.on("response", lambda response: response.status >= 400 and page.failed.append(response.url))
        page.on("requestfailed", lambda request: page.failed.append(request.url))
        return page

    yield open_at
    for context in contexts:
        context.close()


def fits(page) -> bool:
    """No sideways scrolling: the page is no wider than the window it was opened in."""
    return page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


@pytest.mark.parametrize("width", [PHONE, TABLET])
def test_no_page_of_the_walk_scrolls_sideways(desk, sign_in, live_server, width):
    page = sign_in("edith", width=width)
    published, waiting = desk["published"], desk["waiting"]
    walk = {
        "queue": "/",
        "approvals": "/?state=awaiting_approval",
        "claim": published.get_absolute_url(),
        "approval": waiting.get_absolute_url(),
        "article": published.article.get_absolute_url(),
        "articles": "/articles/",
        "paste": "/articles/new/",
        "imports": "/imports/",
        "new import": "/imports/new/",
        "report": "/reports/",
        "public list": "/fact-checks/",
        "public page": f"/fact-checks/{desk['verdict'].pk}/",
    }
    wide = []
    for name, path in walk.items():
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        if not fits(page):
            wide.append((name, page.evaluate("document.documentElement.scrollWidth")))
    assert wide == []


def test_phone_queue_is_a_list_of_cards_a_thumb_can_use(desk, sign_in, shots):
    page = sign_in("rita", width=PHONE)
    claim = Claim.objects.filter(check_worthy=True, state="new").order_by("-check_worthiness", "pk").first()
    link = page.get_by_role("link", name=claim.text[:40])
    expect(link).to_be_visible()
    box = page.get_by_role("checkbox", name=f"Select claim {claim.pk}").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE
    # Each fact of the row under its column's name, on the card itself.
    label = page.locator(f'tr:has(a[href$="/claims/{claim.pk}/"]) td[data-label="Speaker"]')
    assert label.evaluate("cell => getComputedStyle(cell, '::before').content") == '"Speaker: "'
    page.screenshot(path=str(shots / "queue-phone.png"))
    link.click()
    expect(page.get_by_role("region", name="Review")).to_be_visible()
    page.screenshot(path=str(shots / "claim-phone.png"))


@pytest.mark.parametrize("width", [DESK, PHONE])
def test_the_review_panel_is_where_the_reviewer_looks(desk, sign_in, live_server, width):
    page = sign_in("rita", width=width)
    page.goto(live_server.url + desk["waiting"].get_absolute_url())
    panel = page.get_by_role("region", name="Review").bounding_box()
    article = page.get_by_role("region", name="Article").bounding_box()
    if width == PHONE:
        assert panel["y"] < article["y"]  # the claim and its panel first, the article after
        page.get_by_role("link", name="Read the claim in the article").click()
        expect(page.locator("#focus")).to_be_in_viewport()
    else:
        assert panel["x"] > article["x"] + article["width"] - 1 and panel["y"] < article["y"] + 200  # side by side
        expect(page.get_by_role("link", name="Read the claim in the article")).to_be_hidden()


@pytest.mark.parametrize("width", [DESK, PHONE])
def test_editor_approves_a_verdict_on_a_phone_or_at_a_desk(desk, sign_in, live_server, width):
    page = sign_in("edith", width=width)
    page.goto(live_server.url + "/?state=awaiting_approval")
    page.get_by_role("link", name=desk["waiting"].text[:40]).click()
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.get_by_role("region", name="Review")).to_contain_text("approved by edith")
    assert fits(page)
    assert Claim.objects.get(pk=desk["waiting"].pk).state == "published"


@pytest.mark.parametrize("width", [DESK, PHONE])
def test_reader_sees_ratings_and_archived_copies_and_no_request_fails(desk, reader, live_server, width):
    page = reader(width)
    page.goto(live_server.url + "/fact-checks/")
    entry = page.get_by_role("listitem").filter(has_text=desk["published"].text[:40])
    expect(entry).to_contain_text("Misleading")
    entry.get_by_role("link").click()

    archived = page.get_by_role("link", name="Archived copy")
    expect(archived).to_have_attribute("href", WAYBACK)
    expect(page.get_by_text("at the Internet Archive, taken 5 March 2024, 10:10 UTC")).to_be_visible()
    expect(page.get_by_text("No archived copy of this source was kept.")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert fits(page)
    assert page.failed == []  # the favicon too: no 404 in the console
    icon = page.evaluate("fetch('/favicon.ico').then(r => [r.status, r.headers.get('content-type')])")
    assert icon[0] == 200 and "icon" in icon[1]


@pytest.mark.parametrize("width", [DESK, PHONE])
def test_report_filters_read_as_words_and_charts_fit_their_column(desk, sign_in, live_server, width):
    page = sign_in("edith", width=width)
    page.goto(live_server.url + "/reports/")
    for label in ("Article", "Topic", "Outlet", "Source", "Verdict published from", "Verdict published until"):
        expect(page.get_by_label(label, exact=True)).to_be_visible()
    expect(page.get_by_text("Claim article topic")).to_have_count(0)
    charts = page.get_by_role("img", name="Verdicts")
    expect(charts).to_have_count(3)
    for box in (charts.nth(i).bounding_box() for i in range(3)):
        assert box["width"] <= min(width, 576) and box["height"] <= 480
    assert fits(page)


@pytest.mark.parametrize("width", [DESK, PHONE])
def test_pasting_an_article_twice_says_so_once(desk, sign_in, live_server, width):
    page = sign_in("edith", width=width)
    text = "Officials said the ferry ran 40 crossings on Sunday. The port said it ran 12."
    for _ in range(2):
        page.goto(live_server.url + "/articles/new/")
        page.get_by_label("Text").fill(text)
        page.get_by_label("Topic").select_option(label="No topic (no sides, no disputes)")  # else the form asks first
        page.get_by_role("button", name="Import and split into claims").click()
    alert = page.get_by_role("alert")
    expect(alert).to_have_count(1)
    expect(page.get_by_text("already", exact=False)).to_have_count(1)
    alert.get_by_role("link", name="Open the existing article").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert fits(page)


@pytest.mark.parametrize("width", [DESK, PHONE])
def test_an_article_in_german_says_so_in_words_and_what_to_do(desk, sign_in, live_server, width):
    page = sign_in("edith", width=width)
    page.goto(live_server.url + "/articles/new/")
    page.get_by_label("Title").fill("Brücke zerstört")
    page.get_by_label("Text").fill(
        "Das Ministerium teilte mit, dass die Brücke über den Fluss am Montag zerstört worden sei. "
        "Die Regierung der Stadt bestätigte die Angaben nicht und sprach von einem leichten Schaden."
    )
    page.get_by_label("Topic").select_option(label="No topic (no sides, no disputes)")
    page.get_by_role("button", name="Import and split into claims").click()
    notice = page.get_by_role("status").filter(has_text="This article is in German")
    expect(notice).to_contain_text("Add its claims by hand")
    expect(page.get_by_text("'de'")).to_have_count(0)
    assert notice.evaluate("el => el.classList.contains('errors')") is False  # a notice, not shown in red
    expect(page.get_by_text("Add a claim by hand")).to_be_visible()
    assert fits(page)
