"""A reviewer who filters the queue by article date is told how many claims of undated articles
(no published date) the date filter leaves out, and can open them: they used to drop out of
every date-filtered view without a word."""
import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import Claim
from claims.selectors.queue import QueueFilter, queue_claims
from claims.workflow import ReviewState

from ..factories import ArticleFactory, ClaimFactory, TopicFactory

HTMX = {"HX-Request": "true"}
TWO_LEFT_OUT = "2 claims from undated articles are not shown"


@pytest.fixture
def desk(db):
    war, vote = TopicFactory(name="War"), TopicFactory(name="Vote")
    dated = ArticleFactory(topic=war, published_on=datetime.date(2024, 6, 1))
    undated = ArticleFactory(topic=war, published_on=None)
    ClaimFactory(text="Claim dated", article=dated)
    ClaimFactory(text="Claim undated one", article=undated)
    ClaimFactory(text="Claim undated two", article=undated, state=ReviewState.IN_REVIEW)
    ClaimFactory(text="Claim undated published", article=undated, state=ReviewState.PUBLISHED)
    ClaimFactory(text="Claim undated set aside", article=undated, check_worthy=False)  # never in the queue
    ClaimFactory(text="Claim undated vote", article=ArticleFactory(topic=vote, published_on=None), check_worthiness=0.1)
    return {"war": war, "vote": vote}


def queue(client, headers=None, **params):
    return client.get(reverse("claims:queue"), params, headers=headers or {}).content.decode()


def shown(body: str) -> set[str]:
    return {c.text for c in Claim.objects.all() if c.text in body}


def show_them_link(body: str) -> str:
    return re.search(r'<a href="([^"]*)">Show them</a>', body).group(1).replace("&amp;", "&")


def test_a_date_filter_says_how_many_claims_of_undated_articles_it_leaves_out(reviewer_client, desk):
    body = queue(reviewer_client, published_from="2024-01-01", topic=desk["war"].pk)
    assert shown(body) == {"Claim dated"}
    assert TWO_LEFT_OUT in body


@pytest.mark.parametrize("params", [{"published_from": "2024-01-01"}, {"published_to": "2030-12-31"}])
def test_either_end_of_the_date_range_gives_the_hint(reviewer_client, desk, params):
    assert "3 claims from undated articles are not shown" in queue(reviewer_client, **params)


def test_the_hint_counts_only_what_the_other_filters_and_the_state_let_through(reviewer_client, desk):
    body = queue(reviewer_client, published_from="2024-01-01", state="published")
    assert "1 claim from an undated article is not shown" in body


def test_the_link_shows_the_undated_claims_with_the_other_filters_kept(reviewer_client, desk):
    body = queue(reviewer_client, published_from="2024-01-01", topic=desk["war"].pk, sort="newest")
    link = show_them_link(body)
    assert "published_from" not in link and f"topic={desk['war'].pk}" in link and "sort=newest" in link
    assert shown(reviewer_client.get(link).content.decode()) == {"Claim undated one", "Claim undated two"}


def test_no_hint_without_a_date_filter(reviewer_client, desk):
    body = queue(reviewer_client, topic=desk["war"].pk)
    assert "from undated article" not in body and "Show them" not in body


def test_no_hint_when_the_date_filter_leaves_no_undated_claim_out(reviewer_client, desk):
    body = queue(reviewer_client, published_from="2024-01-01", state="dismissed")
    assert "from undated article" not in body


def test_a_date_that_is_not_valid_is_left_out_and_leaves_nothing_out(reviewer_client, desk):
    body = queue(reviewer_client, published_from="someday", topic=desk["war"].pk)
    assert "Some filters are not valid" in body and "from undated article" not in body
    assert shown(body) == {"Claim dated", "Claim undated one", "Claim undated two"}


def test_the_hint_comes_with_the_results_htmx_swaps(reviewer_client, desk):
    body = queue(reviewer_client, HTMX, published_from="2024-01-01", topic=desk["war"].pk)
    assert body.lstrip().startswith('<section id="results"') and TWO_LEFT_OUT in body


@pytest.mark.parametrize("word, expected", [
    ("yes", {"Claim undated one", "Claim undated two", "Claim undated vote"}), ("1", {"Claim undated one", "Claim undated two", "Claim undated vote"}),
    ("no", {"Claim dated"}), ("FALSE", {"Claim dated"}),
])
def test_the_undated_filter_takes_the_yes_no_words_of_the_other_filters(reviewer_client, desk, word, expected):
    assert shown(queue(reviewer_client, undated=word)) == expected


def test_an_undated_value_that_is_not_yes_or_no_is_the_same_filter_error(reviewer_client, desk):
    body = queue(reviewer_client, undated="perhaps")
    assert "Article undated (Choose yes or no (or true or false, 1 or 0, on or off, in any case).)" in body
    assert shown(body) == {"Claim dated", "Claim undated one", "Claim undated two", "Claim undated vote"}


def test_the_count_is_one_query_and_only_with_a_date_filter(reviewer_client, desk):
    def queries(**params):
        with CaptureQueriesContext(connection) as ctx:
            queue(reviewer_client, **params)
        return [q["sql"] for q in ctx.captured_queries]

    queue(reviewer_client)  # the menus are read once and kept (selectors.menus)
    plain, dated = queries(topic=desk["war"].pk), queries(topic=desk["war"].pk, published_from="2024-01-01")
    assert len(dated) == len(plain) + 1
    assert not any("IS NULL" in sql and "published_on" in sql for sql in plain)


def test_the_count_stops_at_the_cap_and_says_so(desk):
    filters = QueueFilter({"published_to": "2030-12-31"}, queryset=queue_claims())
    left_out = filters.undated_left_out(cap=2)
    assert (left_out.number, left_out.capped, left_out.shown) == (2, True, "2+")


def test_asking_for_undated_claims_and_a_date_gives_no_hint_but_says_the_two_exclude_each_other(reviewer_client, desk):
    body = queue(reviewer_client, undated="yes", published_from="2026-11-01")
    assert "are not shown" not in body and "Show them" not in body
    assert "No claim can be from an undated article and have an article date at once" in body
    assert "Import an article" not in body


def test_the_two_ways_out_of_undated_and_dated_show_each_side(reviewer_client, desk):
    body = queue(reviewer_client, undated="yes", published_from="2024-01-01", topic=desk["war"].pk)
    undated_link, dated_link = (
        re.search(rf'<a href="([^"]*)">{text}</a>', body).group(1).replace("&amp;", "&")
        for text in ("Show the claims from undated articles", "the claims in the date range")
    )
    assert shown(reviewer_client.get(undated_link).content.decode()) == {"Claim undated one", "Claim undated two"}
    assert shown(reviewer_client.get(dated_link).content.decode()) == {"Claim dated"}
