"""A reviewer whose queue filters cannot match (a date range backwards) is told why, in the words
Reports uses, and an empty result says whether the filters or an empty queue is the reason."""
import datetime

import pytest
from django.urls import reverse

from claims.models import Claim

from ..factories import ArticleFactory, ClaimFactory

REVERSED = "The start of the date range is after its end."


@pytest.fixture
def desk(db):
    ClaimFactory(text="Claim of June", article=ArticleFactory(published_on=datetime.date(2024, 6, 1)))


def queue(client, **params):
    return client.get(reverse("claims:queue"), params).content.decode()


def shown(body: str) -> set[str]:
    return {c.text for c in Claim.objects.all() if c.text in body}


def test_a_backwards_date_range_is_explained_and_left_out(reviewer_client, desk):
    body = queue(reviewer_client, published_from="2024-12-01", published_to="2024-01-01")
    assert REVERSED in body
    assert shown(body) == {"Claim of June"}


def test_reports_and_the_queue_refuse_a_backwards_range_in_the_same_words(editor_client, db):
    body = editor_client.get(reverse("claims:report"), {"since": "2025-02-01", "until": "2025-01-01"}).content.decode()
    assert REVERSED in body


def test_a_range_that_starts_and_ends_on_one_day_is_fine(reviewer_client, desk):
    body = queue(reviewer_client, published_from="2024-06-01", published_to="2024-06-01")
    assert REVERSED not in body and shown(body) == {"Claim of June"}


def test_filters_that_match_nothing_offer_to_clear_them_not_to_import(editor_client, desk):
    body = queue(editor_client, q="nothing like this", state="new")
    assert "No claims match the filters." in body
    assert f'<a href="{reverse("claims:queue")}?state=new">Clear the filters</a>' in body
    assert "Import an article" not in body


def test_an_empty_queue_without_filters_suggests_importing(editor_client, db):
    body = queue(editor_client)
    assert "Import an article" in body and "match the filters" not in body
