"""The queue sorted "Most repeated first": claims linked as the same claim in the most articles
lead; the keyset cursor pages through it, a forged cursor is no 500, and the page's queries do not
grow with the number of claims."""
import base64
import json

import pytest
from django.urls import reverse

from claims.selectors import queue
from claims.services import clusters
from claims.services.matching import find_matches

from ..factories import ClaimFactory
from ..services.test_same_claim import repeated
from .test_query_counts import _queries


def _cursor(values) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


@pytest.fixture
def linked(db, reviewer):
    """A claim repeated in three articles, linked as one; a more check-worthy claim that is not."""
    first, second, third = (repeated(check_worthiness=0.4) for _ in range(3))
    find_matches([second, third])
    clusters.link_as_same_claim(claim=second, other=first, user=reviewer)
    clusters.link_as_same_claim(claim=third, other=first, user=reviewer)
    lone = ClaimFactory(text="The bridge over the Dnipro was closed.", check_worthiness=0.99)
    return {"members": [first, second, third], "lone": lone}


def test_most_repeated_first_puts_the_linked_claims_before_more_check_worthy_ones(reviewer_client, linked):
    body = reviewer_client.get(reverse("claims:queue"), {"sort": "spread"}).content.decode()
    lone = body.index(f'name="ids" value="{linked["lone"].pk}"')
    assert all(body.index(f'name="ids" value="{claim.pk}"') < lone for claim in linked["members"])
    assert "in 3 articles" in body


def test_the_default_sort_is_unchanged(reviewer_client, linked):
    body = reviewer_client.get(reverse("claims:queue")).content.decode()
    assert body.index(f'name="ids" value="{linked["lone"].pk}"') < body.index(f'name="ids" value="{linked["members"][0].pk}"')


def test_the_cursor_pages_through_most_repeated_first_without_gaps_or_repeats(linked, monkeypatch):
    monkeypatch.setattr(queue, "PAGE_SIZE", 2)
    ClaimFactory.create_batch(3)
    seen, cursor = [], ""
    while True:
        page = queue.queue_page(queue.queue_claims().filter(state__in=queue.OPEN_STATES), sort="spread", cursor=cursor)
        seen += [claim.pk for claim in page.claims]
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    expected = list(queue.queue_claims().order_by("-spread", "-check_worthiness", "-id").values_list("pk", flat=True))
    assert seen == expected and len(seen) == 7


@pytest.mark.parametrize("values", [["x", 0.5, 1], [float("nan"), 0.5, 1], [2**80, 0.5, 2**80], [3, 0.5]])
def test_a_forged_spread_cursor_is_no_500(reviewer_client, linked, values):
    response = reviewer_client.get(reverse("claims:queue"), {"sort": "spread", "after": _cursor(values)})
    assert response.status_code == 200


@pytest.mark.django_db
def test_most_repeated_first_queries_do_not_grow_with_claims_or_clusters(reviewer_client, reviewer):
    url = reverse("claims:queue") + "?sort=spread"

    def link_pairs(n):
        for _ in range(n):
            first, second = repeated(), repeated()
            find_matches([second])
            clusters.link_as_same_claim(claim=second, other=first, user=reviewer)

    link_pairs(1)
    few = _queries(reviewer_client, url)
    link_pairs(4)
    ClaimFactory.create_batch(10)
    assert _queries(reviewer_client, url) == few
