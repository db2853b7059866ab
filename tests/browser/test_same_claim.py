"""Same claim, one verdict, as people do it: a reviewer opens a claim that repeats a published one,
sees the earlier verdict under "Checked before?", links it as the same claim and takes its verdict;
the editor finds it first in the queue sorted Most repeated first and approves it. At a desk's
width and a phone's."""
import datetime

import pytest
from playwright.sync_api import expect

from claims.models import Claim
from claims.services.claims import add_claim_by_hand
from claims.workflow import ReviewState

from ..factories import ArticleFactory, ClaimFactory, OutletFactory, UserFactory, VerdictFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

EARLIER = "Russian forces have captured the city of Lysychansk, the defence ministry said."
REPEAT = "The Defence Ministry in Moscow said Lysychansk had been taken by Russian troops."


@pytest.fixture
def repeated_claim(db):
    """A claim the desk rated False on 12 Oct, repeated by another outlet; a more check-worthy claim
    that nobody repeats."""
    UserFactory(username="rita", role="Reviewer")
    UserFactory(username="edna", role="Editor")
    earlier = ClaimFactory(
        article=ArticleFactory(title="Ministry claims Lysychansk", body=EARLIER, outlet=OutletFactory(name="Wire One"),
                               published_on=datetime.date(2026, 10, 10)),
        text=EARLIER, speaker="The defence ministry", state=ReviewState.PUBLISHED,
    )
    VerdictFactory(claim=earlier, rating="false", rationale="The city was still held by its defenders that day.",
                   published_at=datetime.datetime(2026, 10, 12, 9, 0, tzinfo=datetime.UTC))
    ClaimFactory(text="The bridge over the Donets was closed for repairs.", check_worthiness=0.99)
    article = ArticleFactory(title="Moscow repeats Lysychansk claim", body=f"{REPEAT}\n\nMore followed on Tuesday.",
                             outlet=OutletFactory(name="Daily Two"))
    return add_claim_by_hand(article=article, text=REPEAT, speaker="The Defence Ministry", added_by=UserFactory(role="Reviewer"))


@pytest.mark.parametrize("width", [1400, 390])
def test_reviewer_links_a_repeat_and_takes_its_verdict_the_editor_approves(repeated_claim, sign_in, live_server, width):
    page = sign_in("rita", width=width)
    page.goto(live_server.url + repeated_claim.get_absolute_url())
    checked = page.get_by_role("region", name="Checked before?")
    expect(checked).to_contain_text("False, published 12 Oct 2026")

    checked.get_by_role("button", name="Same claim: link").click()
    expect(checked).to_contain_text("Linked as the same claim")
    expect(checked).to_contain_text("Same claim in 2 articles from 2 outlets, since 10 Oct 2026.")
    checked.get_by_role("button", name="Use the published verdict: False (12 Oct)").click()
    review = page.get_by_role("region", name="Review")
    expect(review).to_contain_text("Awaiting approval")
    expect(review.get_by_role("button", name="Approve and publish")).to_have_count(0)  # four eyes
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling

    desk = sign_in("edna", width=width)
    desk.get_by_label("Sort").select_option(label="Most repeated first")
    desk.wait_for_url("**sort=spread**")
    first = desk.locator("#results tbody").get_by_role("row").first
    expect(first).to_contain_text("Lysychansk had been taken by Russian troops")
    expect(first).to_contain_text("in 2 articles")
    first.get_by_role("link", name="Lysychansk had been taken by Russian troops").click()
    desk.get_by_role("button", name="Approve and publish").click()
    expect(desk.get_by_role("region", name="Review")).to_contain_text("Published")
    assert Claim.objects.get(pk=repeated_claim.pk).verdict.rationale == "The city was still held by its defenders that day."
