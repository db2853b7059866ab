"""The queue's `after` cursor comes back from the browser, so anyone can forge one. A cursor that is
not one of ours is ignored (the first page), never a 500: numbers past the database's integers,
moments past year 9999 or before year 1 once turned into UTC, NaN and infinity."""
import base64
import json

import pytest

from ..factories import ClaimFactory


def _cursor(values) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "sort, values",
    [
        ("newest", ["0001-01-01T00:00:00+14:00", 1]),
        ("newest", ["9999-12-31T23:59:59-14:00", 1]),
        ("newest", ["2026-03-01T10:00:00", 10**30]),
        ("article", [10**30, 10**30, 10**30]),
        ("article", [-(10**30), 0, 1]),
        ("worthiness", [float("nan"), 1]),
        ("worthiness", [float("inf"), 1]),
        ("worthiness", [0.5, 10**30]),
    ],
    ids=["before-year-1", "after-year-9999", "newest-huge-id", "huge-ids", "huge-negative", "nan", "inf", "worthiness-huge-id"],
)
@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_a_forged_cursor_shows_the_first_page(reviewer_client, db, sort, values, htmx):
    claim = ClaimFactory(text="The bridge was destroyed on Monday.")
    headers = {"HX-Request": "true"} if htmx else {}
    response = reviewer_client.get("/", {"sort": sort, "after": _cursor(values)}, headers=headers)
    assert response.status_code == 200
    assert claim.get_absolute_url() in response.content.decode()
