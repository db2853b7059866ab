"""Full-text search over claim text for the queue's free-text filter, on PostgreSQL.

A generated tsvector column, kept by PostgreSQL itself and indexed with GIN, so the queue can
test rows against a search without parsing their text on every query. The column is not on the
Django model (SQLite, the embedded default, has no tsvector); the queue falls back to a plain
substring match there.
"""
from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE claims_claim ADD COLUMN search_vector tsvector "
        "GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce(text, ''))) STORED"
    )
    schema_editor.execute("CREATE INDEX claim_search_vector_idx ON claims_claim USING gin (search_vector)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE claims_claim DROP COLUMN IF EXISTS search_vector")


class Migration(migrations.Migration):
    dependencies = [("claims", "0004_reviewer_workbench")]
    operations = [migrations.RunPython(create, drop)]
