"""A reviewer finds, in the queue and on the claim page, that the desk has already published a
verdict on the claim in front of them ("Checked before?"), at a desk's width and a phone's."""
import datetime

import pytest
from playwright.sync_api import expect

from claims.services.claims import add_claim_by_hand
from claims.workflow import ReviewState

from ..factories import ArticleFactory, ClaimFactory, OutletFactory, UserFactory, VerdictFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

EARLIER = "Russian forces have captured the city of Lysychansk, the defence ministry said."
REPEAT = "The Defence Ministry in Moscow said Lysychansk had been taken by Russian troops."


@pytest.fixture
def repeated_claim(db):
    """A claim the desk rated False on 12 Oct, repeated in words of its own by another outlet's article."""
    UserFactory(username="rita", role="Reviewer")
    earlier = ClaimFactory(
        article=ArticleFactory(title="Ministry claims Lysychansk", body=EARLIER, outlet=OutletFactory(name="Wire One")),
        text=EARLIER, speaker="The defence ministry", state=ReviewState.PUBLISHED,
    )
    VerdictFactory(claim=earlier, rating="false", published_at=datetime.datetime(2026, 10, 12, 9, 0, tzinfo=datetime.UTC))
    article = ArticleFactory(title="Moscow repeats Lysychansk claim", body=f"{REPEAT}\n\nMore followed on Tuesday.")
    return add_claim_by_hand(article=article, text=REPEAT, speaker="The Defence Ministry", added_by=UserFactory(role="Reviewer"))


@pytest.mark.parametrize("width", [1400, 390])
def test_reviewer_sees_the_earlier_verdict_of_a_repeated_claim(repeated_claim, sign_in, width):
    page = sign_in("rita", width=width)
    page.get_by_label("Matches a published verdict").select_option("yes")
    page.wait_for_url("**matches_verdict=yes**")  # htmx pushes the filter into the address bar
    expect(page.get_by_role("link", name="matches: False, 12 Oct")).to_be_visible()
    page.get_by_role("link", name="Lysychansk had been taken by Russian troops").click()

    checked = page.get_by_role("region", name="Checked before?")
    expect(checked).to_contain_text("Russian forces have captured the city of Lysychansk")
    expect(checked).to_contain_text("False, published 12 Oct 2026")
    expect(checked).to_contain_text("Ministry claims Lysychansk (Wire One)")
    expect(checked).to_contain_text("% close")
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling
    checked.get_by_role("link", name="Russian forces have captured the city of Lysychansk").click()
    expect(page.get_by_role("region", name="Review")).to_contain_text("False")


def test_reviewer_turns_down_a_wrong_match_and_restores_it(repeated_claim, sign_in, live_server):
    """The matcher paired the claims; the reviewer, who read both, says they are not the same claim
    (with why), sees it leave the panel and the queue's mark, and then thinks better of it."""
    page = sign_in("rita")
    page.goto(live_server.url + repeated_claim.get_absolute_url())
    checked = page.get_by_role("region", name="Checked before?")
    expect(checked).to_contain_text("False, published 12 Oct 2026")

    checked.get_by_text("Not the same claim…").click()
    checked.get_by_label("Why (optional)").fill("The ministry spoke of another town of that name.")
    checked.get_by_role("button", name="Not the same claim", exact=True).click()
    expect(checked).to_contain_text("No earlier claim matches.")
    expect(checked).to_contain_text("Turned down (1)")
    expect(page.get_by_role("region", name="History")).to_contain_text("said it is not the same claim as")

    page.get_by_role("link", name="Queue").first.click()
    expect(page.get_by_role("link", name="Lysychansk had been taken by Russian troops")).to_be_visible()
    expect(page.get_by_role("link", name="matches: False, 12 Oct")).to_have_count(0)

    page.goto(live_server.url + repeated_claim.get_absolute_url())
    checked = page.get_by_role("region", name="Checked before?")
    checked.get_by_text("Turned down (1)").click()
    checked.get_by_role("button", name="Restore the suggestion").click()
    expect(checked).to_contain_text("False, published 12 Oct 2026")
    expect(checked).not_to_contain_text("Turned down")
