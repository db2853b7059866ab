"""The queue's state tabs count what the filters let through, and are right the moment the
reviewer's own action changes a count: no cache between the action and the number."""
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import Claim
from claims.selectors.queue import COUNT_CAP, StateCount, queue_claims, state_counts
from claims.workflow import ReviewState

from ..factories import ArticleFactory, ClaimFactory, TopicFactory, VerdictFactory

HTMX = {"HX-Request": "true"}


def tabs(response) -> dict[str, str]:
    """What each state tab shows, as a person reads it: {"Open": "3", "New": "2", ...}."""
    nav = re.search(r'<nav id="state-tabs".*?</nav>', response.content.decode(), re.S).group(0)
    return dict(re.findall(r'<a href="[^"]*"[^>]*>([^<]+?) <span class="count">([^<]+)</span></a>', nav))


@pytest.fixture
def war_and_vote(db):
    war, vote = TopicFactory(name="War"), TopicFactory(name="Vote")
    on_war, on_vote = ArticleFactory(topic=war), ArticleFactory(topic=vote)
    ClaimFactory.create_batch(2, article=on_war)
    VerdictFactory(claim__article=on_war)  # awaiting approval
    ClaimFactory(article=on_war, state=ReviewState.PUBLISHED)
    ClaimFactory.create_batch(3, article=on_vote)
    ClaimFactory(article=on_war, check_worthy=False)  # set aside: never in the queue, never counted
    return {"war": war, "vote": vote}


def test_tabs_count_every_state_of_the_queue(reviewer_client, war_and_vote):
    assert tabs(reviewer_client.get(reverse("claims:queue"))) == {
        "Open": "6", "New": "5", "In review": "0", "Awaiting approval": "1", "Published": "1", "Dismissed": "0",
    }


def test_tabs_follow_the_filters(reviewer_client, war_and_vote):
    shown = tabs(reviewer_client.get(reverse("claims:queue"), {"topic": war_and_vote["war"].pk}))
    assert (shown["New"], shown["Awaiting approval"], shown["Published"], shown["Open"]) == ("2", "1", "1", "3")


def test_tabs_follow_the_filters_when_htmx_swaps_the_results(reviewer_client, war_and_vote):
    response = reviewer_client.get(reverse("claims:queue"), {"topic": war_and_vote["vote"].pk}, headers=HTMX)
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="results"')
    assert re.search(r'<nav id="state-tabs"[^>]*hx-swap-oob="true"', body)
    assert tabs(response)["New"] == "3" and tabs(response)["Awaiting approval"] == "0"


def test_the_tab_of_the_chosen_state_is_current_and_its_count_still_shown(reviewer_client, war_and_vote):
    response = reviewer_client.get(reverse("claims:queue"), {"state": "published"})
    assert re.search(r'aria-current="page">Published <span class="count">1</span>', response.content.decode())
    assert tabs(response)["New"] == "5"


def test_tab_links_keep_the_other_filters(reviewer_client, war_and_vote):
    war = war_and_vote["war"].pk
    body = reviewer_client.get(reverse("claims:queue"), {"topic": war, "state": "new", "after": "x"}).content.decode()
    assert f'href="/?topic={war}&amp;state=published"' in body
    assert f'href="/?topic={war}"' in body  # "Open": every filter but the state
    assert "after=" not in re.search(r'<nav id="state-tabs".*?</nav>', body, re.S).group(0)


def test_an_invalid_filter_is_left_out_of_the_counts_as_from_the_rows(reviewer_client, war_and_vote):
    response = reviewer_client.get(reverse("claims:queue"), {"topic": "999999", "published_from": "not-a-date"})
    assert response.status_code == 200 and tabs(response)["New"] == "5"


def test_the_tabs_alone_for_htmx_follow_the_filters(reviewer_client, war_and_vote):
    response = reviewer_client.get(reverse("claims:queue"), {"topic": war_and_vote["war"].pk, "part": "tabs"}, headers=HTMX)
    body = response.content.decode()
    assert body.lstrip().startswith('<nav id="state-tabs"') and "<table" not in body
    assert tabs(response)["New"] == "2"
    assert "part=tabs" in body and body.count("part=") == 1  # its own reload link, not the tab links


def test_count_changes_right_after_the_reviewer_takes_a_claim(reviewer_client, war_and_vote):
    before = tabs(reviewer_client.get(reverse("claims:queue")))
    claim = Claim.objects.filter(state=ReviewState.NEW).first()
    reviewer_client.post(reverse("claims:claim_take", args=[claim.pk]), headers=HTMX)
    after = tabs(reviewer_client.get(reverse("claims:queue")))
    assert (before["New"], before["In review"]) == ("5", "0")
    assert (after["New"], after["In review"]) == ("4", "1")


def test_count_changes_right_after_a_bulk_dismissal(reviewer_client, war_and_vote):
    ids = list(Claim.objects.filter(state=ReviewState.NEW).values_list("pk", flat=True)[:2])
    response = reviewer_client.post(reverse("claims:queue_bulk"), {"action": "dismiss", "ids": ids}, follow=True)
    assert (tabs(response)["New"], tabs(response)["Dismissed"]) == ("3", "2")


def test_count_changes_right_after_a_verdict_and_its_approval(reviewer_client, editor, war_and_vote):
    claim = Claim.objects.filter(state=ReviewState.NEW).first()
    reviewer_client.post(reverse("claims:claim_verdict", args=[claim.pk]), {"rating": "false", "rationale": "The records say otherwise."})
    assert tabs(reviewer_client.get(reverse("claims:queue")))["Awaiting approval"] == "2"
    desk = Client()
    desk.force_login(editor)
    desk.post(reverse("claims:claim_approve", args=[claim.pk]))
    shown = tabs(desk.get(reverse("claims:queue")))
    assert (shown["Awaiting approval"], shown["Published"]) == ("1", "2")


def test_counts_stop_at_the_cap_and_say_so(db):
    ClaimFactory.create_batch(4)
    ClaimFactory(state=ReviewState.IN_REVIEW)
    counts = {c.label: c.shown for c in state_counts(queue_claims(), cap=3)}
    assert (counts["New"], counts["In review"], counts["Open"]) == ("3+", "1", "4+")


def test_a_count_at_the_cap_reads_as_a_thousand_and_more():
    assert StateCount("new", "New", COUNT_CAP, capped=True).shown == "1,000+"
    assert StateCount("new", "New", 999, capped=False).shown == "999"


def test_counts_are_one_query_whatever_the_filters_and_rows(reviewer_client, reviewer, war_and_vote):
    params = {"topic": war_and_vote["war"].pk, "min_worthiness": "0.1", "q": "bridge", "disputed": "false"}

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            reviewer_client.get(reverse("claims:queue"), {**params, "part": "tabs"}, headers=HTMX)
        return len(ctx.captured_queries)

    few = queries()
    ClaimFactory.create_batch(20, article=ArticleFactory(topic=war_and_vote["war"]))
    ClaimFactory.create_batch(5, article=ArticleFactory(topic=war_and_vote["war"]), state=ReviewState.DISMISSED)
    assert queries() == few


def test_a_text_searchs_tabs_count_its_matches_in_each_state(reviewer_client, war_and_vote):
    ClaimFactory(text="Ballots were burned in the square.", state=ReviewState.DISMISSED)
    ClaimFactory(text="Ballots arrived late.")
    shown = tabs(reviewer_client.get(reverse("claims:queue"), {"q": "ballots"}))
    assert (shown["New"], shown["Dismissed"], shown["Open"]) == ("1", "1", "1")


def test_a_text_search_matching_more_than_the_cap_reads_as_the_cap_and_more(db):
    ClaimFactory.create_batch(4, text="Ballots arrived late.")
    ClaimFactory(text="Ballots were burned.", state=ReviewState.DISMISSED)
    counts = {c.label: c.shown for c in state_counts(queue_claims().filter(text__icontains="ballots"), cap=3)}
    assert (counts["New"], counts["Open"], counts["Dismissed"]) == ("3+", "3+", "1")
