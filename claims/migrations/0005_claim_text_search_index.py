"""Full-text search over claim text for the queue's free-text filter, on PostgreSQL.

SQLite (the embedded default) has no such index; the queue falls back to a plain substring match.
"""
from django.db import migrations

INDEX = "claim_text_search_idx"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector

    Claim = apps.get_model("claims", "Claim")
    schema_editor.add_index(Claim, GinIndex(SearchVector("text", config="english"), name=INDEX))


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("claims", "0004_reviewer_workbench")]
    operations = [migrations.RunPython(create, drop)]
