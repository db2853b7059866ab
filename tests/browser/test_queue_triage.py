"""Triage in a real browser, at desktop and phone width: tab counts that follow the filters and the
reviewer's own actions, a keyboard cursor that keeps its place, refusals said in the page, a
rating that must be chosen, and an approval panel with one text box."""
import re

import pytest
from playwright.sync_api import expect

from claims.models import Claim, Verdict
from claims.workflow import ReviewState

from ..factories import ArticleFactory, ClaimFactory, TopicFactory, UserFactory, VerdictFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WIDTHS = pytest.mark.parametrize("width", [1400, 390], ids=["desktop", "phone"])


@pytest.fixture
def desk(db):
    return {
        "rita": UserFactory(username="rita", role="Reviewer"),
        "oscar": UserFactory(username="oscar", role="Reviewer"),
        "edith": UserFactory(username="edith", role="Editor"),
    }


def tab(page, label):
    return page.get_by_role("navigation", name="Review state").get_by_role("link", name=label)


def refuse_native_dialogs(page) -> list[str]:
    """Every alert()/confirm() the page opens, dismissed: the queue must never need one."""
    seen = []

    def record(dialog):
        seen.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    return seen


@WIDTHS
def test_reviewer_filters_and_the_tab_counts_follow(desk, sign_in, width):
    war, vote = TopicFactory(name="War"), TopicFactory(name="Vote")
    ClaimFactory.create_batch(3, article=ArticleFactory(topic=war))
    VerdictFactory(claim__article=ArticleFactory(topic=war))
    ClaimFactory.create_batch(2, article=ArticleFactory(topic=vote))

    page = sign_in("rita", width=width)
    expect(tab(page, "New")).to_have_text(re.compile(r"New\s+5"))
    expect(tab(page, "Awaiting approval")).to_have_text(re.compile(r"Awaiting approval\s+1"))

    page.get_by_label("Topic", exact=True).select_option(label="Vote")
    page.wait_for_url("**topic=**")
    expect(tab(page, "New")).to_have_text(re.compile(r"New\s+2"))
    expect(tab(page, "Awaiting approval")).to_have_text(re.compile(r"Awaiting approval\s+0"))

    tab(page, "Awaiting approval").click()  # the tab keeps the topic
    expect(page.get_by_text("No claims match the filters.")).to_be_visible()
    assert f"topic={vote.pk}" in page.url and "state=awaiting_approval" in page.url


@WIDTHS
def test_j_j_a_keeps_the_cursor_on_the_claim_now_assigned_to_me(desk, sign_in, width):
    article = ArticleFactory()
    for worthiness, text in [(0.9, "The dam was breached at dawn."), (0.8, "The depot was shelled twice."),
                             (0.7, "The school reopened on Monday.")]:
        ClaimFactory(article=article, text=text, check_worthiness=worthiness)
    page = sign_in("rita", width=width)
    dialogs = refuse_native_dialogs(page)
    current = page.get_by_role("row", selected=True)

    page.keyboard.press("j")
    page.keyboard.press("j")
    expect(current).to_contain_text("The depot was shelled twice.")
    page.keyboard.press("a")

    expect(page.get_by_role("status").filter(has_text="is now assigned to you")).to_be_visible()
    expect(current).to_contain_text("The depot was shelled twice.")
    expect(current).to_contain_text("rita")
    expect(current).to_contain_text("In review")
    expect(current.get_by_role("link", name="The depot was shelled twice.")).to_be_focused()
    expect(tab(page, "In review")).to_have_text(re.compile(r"In review\s+1"))  # no reload, no wait
    expect(tab(page, "New")).to_have_text(re.compile(r"New\s+2"))

    page.keyboard.press("j")  # the cursor goes on from where it was
    expect(current).to_contain_text("The school reopened on Monday.")
    assert dialogs == []
    assert Claim.objects.get(text="The depot was shelled twice.").assignee.username == "rita"


@WIDTHS
def test_a_refused_a_is_said_in_the_page(desk, sign_in, width):
    held = ClaimFactory(text="The port was closed to ships.", check_worthiness=0.95, assignee=desk["oscar"],
                        state=ReviewState.IN_REVIEW)
    page = sign_in("rita", width=width)
    dialogs = refuse_native_dialogs(page)

    page.keyboard.press("j")
    page.keyboard.press("a")

    expect(page.get_by_role("alert")).to_have_text(f"You cannot take claim {held.pk}: it is already assigned to oscar.")
    expect(page.get_by_role("row", selected=True)).to_contain_text("The port was closed to ships.")
    assert dialogs == [] and "403" not in page.get_by_role("main").inner_text()
    assert Claim.objects.get(pk=held.pk).assignee.username == "oscar"


@WIDTHS
def test_a_reviewer_must_choose_a_rating(desk, sign_in, live_server, width):
    claim = ClaimFactory(text="The bridge was destroyed on Monday.")
    page = sign_in("rita", width=width)
    page.goto(live_server.url + claim.get_absolute_url())
    expect(page.get_by_label("Rating")).to_have_value("")

    page.get_by_label("Rationale").fill("Photos from Tuesday show the bridge standing.")
    page.get_by_role("button", name="Submit for approval").click()
    expect(page.get_by_text("Choose a rating: no verdict is recorded without one.")).to_be_visible()
    expect(page.get_by_label("Rationale")).to_have_value("Photos from Tuesday show the bridge standing.")
    assert not Verdict.objects.exists()

    page.get_by_label("Rating").select_option(label="False")
    page.get_by_role("button", name="Submit for approval").click()
    expect(page.get_by_text("Waiting for an editor")).to_be_visible()
    assert Verdict.objects.get().rating == "false"


@WIDTHS
def test_the_editor_approval_panel_has_one_text_box(desk, sign_in, live_server, width):
    verdict = VerdictFactory(reviewer=desk["rita"], claim__assignee=desk["rita"])
    page = sign_in("edith", width=width)
    page.goto(live_server.url + verdict.claim.get_absolute_url())

    approval = page.get_by_role("region", name="Approval")
    expect(approval.get_by_role("textbox")).to_have_count(1)
    expect(page.get_by_label("Comment:")).to_have_count(0)
    expect(page.get_by_label("Add to the discussion")).to_be_visible()

    approval.get_by_label("What the reviewer should change").fill("Cite the agency's own figure.")
    approval.get_by_role("button", name="Send back to the reviewer").click()
    expect(page.get_by_role("note")).to_have_text("Editor's comment: Cite the agency's own figure.")
    expect(page.get_by_role("list").filter(has_text="No comments yet.")).to_be_visible()  # not posted to the discussion


@WIDTHS
def test_a_claim_that_starts_with_its_verb_reads_with_who_said_it(desk, sign_in, width):
    body = "The harbour union accused the port of hiding 40 spills. The port said the figure was 12."
    article = ArticleFactory(title="Spills at the port", body=body)
    ClaimFactory(article=article, text="accused the port of hiding 40 spills", speaker="the harbour union", start=18, end=54)
    page = sign_in("rita", width=width)
    row = page.get_by_role("row").filter(has_text="hiding 40 spills")
    expect(row).to_contain_text("The harbour union accused the port of hiding 40 spills")
    row.get_by_role("link", name=re.compile("accused the port")).click()
    expect(page.get_by_role("region", name="Review").locator("blockquote")).to_have_text("The harbour union accused the port of hiding 40 spills")


def test_the_editors_reviewer_menu_in_the_queues_bulk_bar_is_as_wide_as_its_names(desk, sign_in):
    ClaimFactory(article=ArticleFactory())
    page = sign_in("edith", width=1400)
    menu = page.get_by_label("Reviewer", exact=True)
    bar = page.locator(".bulk-bar")
    # It used to take the whole row (width: auto was given only on an article's work list).
    assert menu.bounding_box()["width"] < bar.bounding_box()["width"] / 3
