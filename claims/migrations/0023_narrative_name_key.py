"""Narrative names compared as the desk reads them: case folded ("Straße" is "STRASSE"), by a key
stored beside each name (claims.input_rules.name_key) that the unique constraint holds, in place
of the constraint on lower(name).

Names recorded before, that only case folding makes one ("Straße" and "STRASSE"), are both kept:
the later one's key carries its id, so the constraint holds and an editor can merge them; new
names are refused against either."""
import unicodedata

import claims.models.fields
from django.conf import settings
from django.db import migrations, models


def _key(name: str) -> str:
    # claims.input_rules.name_key as this migration was written: a migration keeps its own copy.
    normal = " ".join(unicodedata.normalize("NFKC", name).split())
    return unicodedata.normalize("NFKC", normal.casefold())


def fill_keys(apps, schema_editor):
    Narrative = apps.get_model("claims", "Narrative")
    taken = set()
    for narrative in Narrative.objects.order_by("pk").only("pk", "name").iterator():
        key = _key(narrative.name)
        if key in taken:
            key = f"{key} #{narrative.pk}"
        taken.add(key)
        Narrative.objects.filter(pk=narrative.pk).update(name_key=key)


class Migration(migrations.Migration):

    dependencies = [
        ('claims', '0022_rejected_suggestions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='narrative',
            name='unique_narrative_name',
        ),
        migrations.AddField(
            model_name='narrative',
            name='name_key',
            field=claims.models.fields.PlainCharField(default='', editable=False, max_length=800),
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='narrative',
            constraint=models.UniqueConstraint(fields=('name_key',), name='unique_narrative_name_key', violation_error_message='A narrative with this name is already recorded.'),
        ),
    ]
