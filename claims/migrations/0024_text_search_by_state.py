"""The claims' text index again, split by review state, on PostgreSQL: what the state tabs of a
text search count.

A search for a common word (one claim in a hundred: 10,000 at a million claims) was counted per
state in one pass that read every match's table page to learn its state (about 9,000 pages, the
slowest view of the queue). Counted here, each state's matches come from that state's own index
and the count stops at the cap (selectors.queue.COUNT_CAP), as the other filters' counts do: at
most the cap's worth of pages per state. A claim is in one of these indexes only (its state's,
when it is check-worthy), so together they are about the size of claim_search_vector_idx, which
stays for every other text search (the API, the matching's candidates, the article page).
"""
from django.db import migrations

STATES = ("new", "in_review", "awaiting_approval", "published", "dismissed")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # the embedded default (SQLite) has no tsvector: its search is a substring match
    for state in STATES:
        schema_editor.execute(
            f"CREATE INDEX CONCURRENTLY IF NOT EXISTS claim_search_{state}_idx ON claims_claim USING gin (search_vector) "
            f"WHERE check_worthy AND state = '{state}'"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for state in STATES:
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS claim_search_{state}_idx")


class Migration(migrations.Migration):
    # Built CONCURRENTLY (outside a transaction): a million claims take some seconds an index, and
    # imports and reviews go on writing claims meanwhile.
    atomic = False
    dependencies = [("claims", "0023_narrative_name_key")]
    operations = [migrations.RunPython(create, drop)]
