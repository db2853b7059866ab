"""Narrative names and claim words under one folding rule (claims.input_rules.folded), which drops
the dot above that case folding leaves on "İ" ("İstanbul" is "Istanbul") and puts a claim's folded
words in NFKC again: the keys stored under the two older rules are recomputed.

A key already held by another row is not taken from it: a narrative whose new key is taken gets
its id after it, as 0023 did (both names stay for an editor to merge); a turned-down pair (or
narrative flag) that the one rule makes the same as one already stored keeps its old key, so the
constraint holds and the stored one answers for both. Going back changes nothing: the old keys
would only refuse less."""
import hashlib
import re
import unicodedata

from django.db import migrations

_DOT_ABOVE_I = re.compile("i\u0307")


def _folded(text: str) -> str:
    # claims.input_rules.folded as this migration was written: a migration keeps its own copy.
    text = _DOT_ABOVE_I.sub("i", unicodedata.normalize("NFKC", text).casefold())
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _wording_key(text: str) -> str:
    return hashlib.sha256(_folded(text).encode("utf-8", "surrogatepass")).hexdigest()


def _rekey_narratives(Narrative) -> None:
    rows = list(Narrative.objects.order_by("pk").values_list("pk", "name", "name_key"))
    held = {key for _, _, key in rows}  # what the table holds at each step: no update can collide
    for pk, name, old in rows:
        key = wanted = _folded(name)
        if key == old:
            continue
        number = 0
        while key in held:
            number += 1
            key = f"{wanted} #{pk}" + (f"-{number}" if number > 1 else "")
        held.discard(old)
        held.add(key)
        Narrative.objects.filter(pk=pk).update(name_key=key)


def _rekey_match_rejections(MatchRejection) -> None:
    fields = ("pk", "first_article_id", "first_key", "first_text", "second_article_id", "second_key", "second_text")
    rows = list(MatchRejection.objects.order_by("pk").values_list(*fields))
    held = {(r[1], r[2], r[4], r[5]) for r in rows}
    for pk, first_article, first_key, first_text, second_article, second_key, second_text in rows:
        one, two = sorted([(first_article, _wording_key(first_text), first_text),
                           (second_article, _wording_key(second_text), second_text)])
        old, new = (first_article, first_key, second_article, second_key), (one[0], one[1], two[0], two[1])
        # The same words in one article are one claim now: no pair to keep apart (the table's check).
        if new == old or new in held or one[:2] == two[:2]:
            continue
        held.discard(old)
        held.add(new)
        MatchRejection.objects.filter(pk=pk).update(
            first_article_id=one[0], first_key=one[1], first_text=one[2],
            second_article_id=two[0], second_key=two[1], second_text=two[2],
        )


def _rekey_narrative_rejections(NarrativeRejection) -> None:
    rows = list(NarrativeRejection.objects.order_by("pk").values_list("pk", "narrative_id", "article_id", "claim_key", "claim_text"))
    held = {(r[1], r[2], r[3]) for r in rows}
    for pk, narrative, article, old_key, text in rows:
        old, new = (narrative, article, old_key), (narrative, article, _wording_key(text))
        if new == old or new in held:
            continue
        held.discard(old)
        held.add(new)
        NarrativeRejection.objects.filter(pk=pk).update(claim_key=new[2])


def rekey(apps, schema_editor):
    _rekey_narratives(apps.get_model("claims", "Narrative"))
    _rekey_match_rejections(apps.get_model("claims", "MatchRejection"))
    _rekey_narrative_rejections(apps.get_model("claims", "NarrativeRejection"))


class Migration(migrations.Migration):

    dependencies = [
        ("claims", "0026_turned_down_names"),
    ]

    operations = [
        migrations.RunPython(rekey, migrations.RunPython.noop),
    ]
