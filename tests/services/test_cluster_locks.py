"""Two groups of the same claim joined while a reviewer links from one of their members: every
member's row lock is taken in id order (reviews.locked_in_order), as linking's two ends are, so
the two requests wait for each other instead of deadlocking on PostgreSQL."""
import pytest
from django.core.exceptions import ValidationError

from claims.models import Claim
from claims.services import clusters, reviews
from claims.services.matching import find_matches

from ..conftest import ON_POSTGRES
from ..factories import UserFactory
from .test_same_claim import repeated


def two_groups():
    """Four claims repeating one another (ids in this order), linked as two groups: 1 with 3, 2 with 4."""
    claims = [repeated() for _ in range(4)]
    find_matches(claims)
    editor = UserFactory(role="Editor")
    clusters.link_as_same_claim(claim=claims[2], other=claims[0], user=editor)
    clusters.link_as_same_claim(claim=claims[3], other=claims[1], user=editor)
    return claims


@pytest.mark.django_db
def test_joining_two_groups_locks_every_member_in_one_call_in_id_order(monkeypatch):
    claims = two_groups()
    calls = []
    original = reviews.locked_in_order

    def recorded(*locked):
        calls.append([claim.pk for claim in locked])
        return original(*locked)

    monkeypatch.setattr(reviews, "locked_in_order", recorded)
    clusters.link_as_same_claim(claim=claims[2], other=claims[3], user=UserFactory(role="Editor"))
    assert sorted(calls[0]) == sorted(c.pk for c in claims)
    assert len({c.cluster_id for c in Claim.objects.filter(pk__in=[c.pk for c in claims])}) == 1


@pytest.mark.django_db
def test_a_member_deleted_before_the_join_is_a_refusal_that_says_so():
    claims = two_groups()
    editor = UserFactory(role="Editor")
    Claim.objects.filter(pk=claims[2].pk).delete()  # the claim the page was showing is gone
    with pytest.raises(ValidationError, match="deleted meanwhile"):
        clusters.link_as_same_claim(claim=claims[2], other=claims[3], user=editor)


@pytest.mark.skipif(not ON_POSTGRES, reason="SQLite serialises writers: no two transactions are open at once")
@pytest.mark.django_db(transaction=True)
def test_joining_two_groups_while_a_member_is_linked_from_its_page_does_not_deadlock(monkeypatch):
    """One editor joins the groups from claim 3's page (3 with 4) while another links claim 2 with
    claim 3 from claim 2's page: one of them joins the groups, the other is told they are linked
    already, neither is a 500."""
    import threading
    import time

    from ..at_once import outcomes

    claims = two_groups()
    one, two = UserFactory(role="Editor"), UserFactory(role="Editor")
    holding = threading.Event()
    original = reviews.locked

    def slow_locked(claim, seen_version=None):  # the join holds its first locks while the other request starts
        current = original(claim, seen_version)
        holding.set()
        time.sleep(0.5)
        return current

    monkeypatch.setattr(reviews, "locked", slow_locked)

    def link_from_claim_2():
        holding.wait(5)
        clusters.link_as_same_claim(claim=claims[1], other=claims[2], user=two)

    answers = outcomes(lambda: clusters.link_as_same_claim(claim=claims[2], other=claims[3], user=one), link_from_claim_2)
    assert answers == ["ValidationError", "done"]
    assert len(set(Claim.objects.filter(pk__in=[c.pk for c in claims]).values_list("cluster_id", flat=True))) == 1


@pytest.mark.django_db
def test_unlinking_from_a_group_locks_every_member_in_one_call_in_id_order(monkeypatch):
    claims = two_groups()
    editor = UserFactory(role="Editor")
    clusters.link_as_same_claim(claim=claims[2], other=claims[3], user=editor)  # one group of four
    calls = []
    original = reviews.locked_in_order
    monkeypatch.setattr(reviews, "locked_in_order", lambda *locked: calls.append([c.pk for c in locked]) or original(*locked))
    clusters.unlink(claim=claims[3], other=claims[2], user=editor)
    assert sorted(calls[0]) == sorted(c.pk for c in claims)
    assert Claim.objects.get(pk=claims[2].pk).cluster_id is None
