"""Every view of the queue reads the claims through an index (PostgreSQL plans, asserted).

Each view the queue offers (claims.benchmarks.queue_views: every filter, each sort and state tab,
page 2; a filter added to QueueFilter is picked up) is requested, every statement it sends that
reads claims_claim is captured and run through EXPLAIN, and the plan must reach the claim table
through an index, never a sequential scan. An index read either has an index condition (the
filter's value narrows it: a state, a side, the articles of an outlet) or walks an index in the
page's order under a LIMIT, so that it stops after a page's worth of rows (a popular value).

The test table holds a few hundred claims, where a sequential scan is the cheapest plan whatever
indexes exist, so the planner is told to price it out (SET LOCAL enable_seqscan = off, inside the
test's transaction): what is asserted is that an index CAN serve each statement, which is what a
missing or mismatched index breaks. Whether the planner picks it at a million rows, and how fast,
is bench_queue's job (docs/benchmarks.md). Seeding enough rows for the planner to choose indexes
unprompted would make the test slow and its plans hang on cost estimates of a tiny table.
"""
import json

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.benchmarks.queue_views import next_pages, queue_views
from claims.benchmarks.seed import seed, seed_queue_extras
from claims.selectors.queue import QueueFilter

from ..conftest import ON_POSTGRES

pytestmark = [
    pytest.mark.skipif(not ON_POSTGRES, reason="plans are PostgreSQL's; SQLite (the embedded default) has its own"),
    pytest.mark.django_db,
]

CLAIMS = "claims_claim"


@pytest.fixture
def seeded(client):
    seed(2000, articles=1000)
    seed_queue_extras(matched_share=0.05)
    reviewer = get_user_model().objects.get(username="bench-reviewer-0")
    client.force_login(reviewer)
    views, untimed = queue_views(reviewer)
    assert not untimed, f"filters with no sample value in claims.benchmarks.queue_views: {untimed}"
    views.update(next_pages(client, views))
    return views


def _claim_statements(client, params) -> list[str]:
    """The statements that select claims: the page's rows and the state tabs' counts (not the
    lookups of other tables that join a page's claims by id)."""
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/", params).status_code == 200
    # The counts come with their own "SET LOCAL enable_seqscan = off; " (selectors.queue), which
    # _plan sets itself: EXPLAIN takes one statement.
    return [q["sql"].removeprefix("SET LOCAL enable_seqscan = off; ") for q in ctx.captured_queries if f'FROM "{CLAIMS}"' in q["sql"]]


def _plan(sql: str) -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}")
        return cursor.fetchone()[0][0]["Plan"]


def _thrown_away(node: dict) -> int:
    """Rows the plan read and then dropped with a filter (all loops): what an index that matched
    the filter would not have read."""
    own = (node.get("Rows Removed by Filter", 0) + node.get("Rows Removed by Join Filter", 0)) * node.get("Actual Loops", 1)
    return own + sum(_thrown_away(child) for child in node.get("Plans", []))


def _claim_reads(node: dict, under_limit: bool = False):
    """(node, whether a Limit is above it) for each node of the plan that reads claims_claim."""
    if node.get("Relation Name") == CLAIMS or (node.get("Node Type") == "Bitmap Index Scan" and node.get("Index Name", "").startswith("claim")):
        yield node, under_limit
    for child in node.get("Plans", []):
        yield from _claim_reads(child, under_limit or node["Node Type"] == "Limit")


def _problems(plan: dict) -> list[str]:
    problems = []
    for node, under_limit in _claim_reads(plan):
        kind = node["Node Type"]
        if kind == "Seq Scan":
            problems.append(f"sequential scan of {CLAIMS} (filter: {node.get('Filter')})")
        elif kind in ("Index Scan", "Index Only Scan") and "Index Cond" not in node and not under_limit:
            problems.append(f"whole index {node['Index Name']} read without a condition or a LIMIT")
        elif kind in ("Index Scan", "Index Only Scan") and "Index Cond" not in node and node["Index Name"].endswith("_pkey"):
            problems.append(f"the primary key walked in place of an index for the filter ({node.get('Filter')})")
    return problems


def test_every_view_reads_the_claims_through_an_index(client, seeded):
    failures = {}
    for name, params in seeded.items():
        statements = _claim_statements(client, params)
        assert statements, name
        for sql in statements:
            plan = _plan(sql)
            if problems := _problems(plan):
                failures.setdefault(name, []).append((problems, sql[:200]))
    assert not failures, json.dumps(failures, indent=1)


def test_the_views_cover_every_filter_of_the_queue(seeded):
    named = {key for params in seeded.values() for key in params}
    assert set(QueueFilter.base_filters) <= named
