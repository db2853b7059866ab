"""The queue's `after` cursor comes back from the browser, so anyone can forge one. Never a 500:
a cursor that is not one of ours (a moment with no UTC time in years 1-9999, NaN, infinity) is
ignored and the first page shown; an id past the database's integers counts as the largest one
(the API has always answered such a cursor with the page after it: nothing)."""
import base64
import json

import pytest

from ..factories import ClaimFactory


def _cursor(values) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def _queue(client, sort, values, htmx):
    headers = {"HX-Request": "true"} if htmx else {}
    return client.get("/", {"sort": sort, "after": _cursor(values)}, headers=headers)


@pytest.mark.parametrize(
    "sort, values",
    [
        ("newest", ["0001-01-01T00:00:00+14:00", 1]),
        ("newest", ["9999-12-31T23:59:59-14:00", 1]),
        ("worthiness", [float("nan"), 1]),
        ("worthiness", [float("inf"), 1]),
    ],
    ids=["before-year-1", "after-year-9999", "nan", "inf"],
)
@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_a_cursor_not_ours_shows_the_first_page(reviewer_client, db, sort, values, htmx):
    claim = ClaimFactory(text="The bridge was destroyed on Monday.")
    response = _queue(reviewer_client, sort, values, htmx)
    assert response.status_code == 200
    assert claim.get_absolute_url() in response.content.decode()


@pytest.mark.parametrize(
    "sort, values",
    [
        ("newest", ["2026-03-01T10:00:00", 10**30]),
        ("article", [10**30, 10**30, 10**30]),
        ("article", [-(10**30), 0, 1]),
        ("worthiness", [0.5, 10**30]),
    ],
    ids=["newest", "article", "article-negative", "worthiness"],
)
@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_ids_past_the_database_s_integers_are_no_500(reviewer_client, db, sort, values, htmx):
    ClaimFactory(text="The bridge was destroyed on Monday.")
    assert _queue(reviewer_client, sort, values, htmx).status_code == 200
