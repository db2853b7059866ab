"""The article as a work list, in a real browser: a reviewer or an editor opens an article,
filters its claims, takes two of them at once and lands back on the article; then opens the
article's claims in the queue. At desktop width and at 390 px (a phone)."""
import re

import pytest
from playwright.sync_api import expect

from claims.models import Claim

from ..factories import ArticleFactory, ClaimFactory, SideFactory, TopicFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BODY = (
    "The defence ministry accused the South of shelling the plant. Southern officials denied it. "
    "The dam at Kessel was breached on Monday, the ministry said. The ferry ran twice a day."
)


@pytest.fixture
def newsroom(db):
    war = TopicFactory(name="War")
    north, south = SideFactory(topic=war, name="North"), SideFactory(topic=war, name="South")
    article = ArticleFactory(title="Plant shelled", topic=war, body=BODY)

    def claim(text, **fields):
        start = BODY.index(text)
        return ClaimFactory(article=article, text=text, start=start, end=start + len(text), source=None, **fields)

    return {
        "article": article,
        "accused": claim("accused the South of shelling the plant", speaker="the defence ministry", side=north),
        "dam": claim("The dam at Kessel was breached on Monday", speaker="the ministry", side=north),
        "denied": claim("Southern officials denied it", speaker="Southern officials", side=south),
        "ferry": claim("The ferry ran twice a day", speaker="", side=None),
        "elsewhere": ClaimFactory(text="A claim of another article"),
        "people": [UserFactory(username="rita", role="Reviewer"), UserFactory(username="edith", role="Editor")],
    }


def fits_the_screen(region) -> bool:
    """The work list needs no sideways scrolling: nothing in it sticks out, and it ends inside the
    window. (The page's top bar is the responsive layout's business, not this story's.)"""
    return region.evaluate("s => s.scrollWidth <= s.clientWidth && s.getBoundingClientRect().right <= window.innerWidth")


@pytest.mark.parametrize("width", [1400, 390])
@pytest.mark.parametrize("username", ["rita", "edith"])
def test_desk_member_filters_an_article_takes_two_claims_and_opens_the_rest_in_the_queue(
    newsroom, sign_in, live_server, username, width
):
    article = newsroom["article"]
    page = sign_in(username, width=width)
    page.goto(live_server.url + article.get_absolute_url())
    table = page.get_by_role("table", name="Claims in this article")
    # The claim that starts with its verb reads with its speaker in front.
    expect(table.get_by_role("link", name="The defence ministry accused the South of shelling the plant")).to_be_visible()

    page.get_by_role("form", name="Filter the claims").get_by_label("Side").select_option(label="North")
    page.wait_for_url(re.compile(r"side=\d+"))  # htmx puts the filter into the address
    expect(table.get_by_role("link", name="Southern officials denied it")).to_have_count(0)
    expect(table.get_by_role("link", name="The dam at Kessel was breached on Monday")).to_be_visible()
    filtered = page.url

    table.get_by_role("checkbox", name=f"Select claim {newsroom['accused'].pk}").check()
    table.get_by_role("checkbox", name=f"Select claim {newsroom['dam'].pk}").check()
    page.get_by_role("form", name="Bulk actions").get_by_role("button", name="Assign to me").click()

    page.wait_for_url(filtered)  # back on the article, filter kept
    expect(page.get_by_text("2 claims assigned to you.")).to_be_visible()
    expect(table.get_by_role("row").filter(has_text="The dam at Kessel")).to_contain_text("In review")
    assert set(Claim.objects.filter(assignee__username=username).values_list("pk", flat=True)) == {
        newsroom["accused"].pk, newsroom["dam"].pk
    }
    assert fits_the_screen(page.get_by_role("region", name="Claims in this article"))

    page.get_by_role("link", name="Open these in the queue").click()
    page.wait_for_url(re.compile(rf"article={article.pk}"))
    queue = page.get_by_role("table", name="Claims")
    expect(queue.get_by_role("link", name="Southern officials denied it")).to_be_visible()
    expect(queue.get_by_role("link", name="The ferry ran twice a day")).to_be_visible()
    expect(queue.get_by_role("link", name="A claim of another article")).to_have_count(0)


@pytest.mark.parametrize("width", [1400, 390])
def test_reviewer_with_a_forged_filter_is_told_and_sees_every_claim(newsroom, sign_in, live_server, width):
    article = newsroom["article"]
    page = sign_in("rita", width=width)
    page.goto(f"{live_server.url}{article.get_absolute_url()}?side=999999&state=gone")
    expect(page.get_by_role("alert")).to_contain_text("Some filters are not valid and were left out")
    expect(page.get_by_role("table", name="Claims in this article").get_by_role("row")).to_have_count(5)  # head + 4

    page.goto(f"{live_server.url}/?article=abc")
    expect(page.get_by_role("alert")).to_contain_text("Article number")
