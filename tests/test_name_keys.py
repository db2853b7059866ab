"""Names and claim words are compared by one folding rule (input_rules.folded): a narrative's name
key and a turned-down claim's wording key fold "İstanbul" as "Istanbul", and keys stored under the
two older rules are recomputed by migration 0027 without breaking a constraint."""
import hashlib

import pytest

from claims.input_rules import folded, name_key
from claims.models import wording_key

ALIKE = [
    ("İstanbul floods", "Istanbul floods"),  # the dotted capital I: case folding leaves "i" and U+0307
    ("İSTANBUL FLOODS", "istanbul floods"),
    ("İzmir", "izmir"),
    ("Straße gesperrt", "STRASSE GESPERRT"),
    ("ﬁfth  column", "FIFTH\u00a0COLUMN"),
    ("ῶ", "Ω\u0342"),  # a letter whose case folding is decomposed, and its capital with the mark typed apart
]


@pytest.mark.parametrize("first, second", ALIKE)
def test_a_narratives_name_and_a_claims_words_fold_alike(first, second):
    assert (name_key(first), wording_key(first)) == (name_key(second), wording_key(second))


@pytest.mark.parametrize("first, second", [("ıstanbul", "istanbul"), ("Masts", "Mästs"), ("Straße", "Strase")])
def test_another_letter_is_another_name(first, second):
    # The dotless i is a letter of its own in Turkish, not a capital I folded.
    assert name_key(first) != name_key(second) and wording_key(first) != wording_key(second)


def test_a_wording_key_is_the_folded_words_hashed():
    # One rule: what a name is keyed by is what a claim's words are hashed from.
    text = "İstanbul's  ferries stopped, the ΰ city said"
    assert wording_key(text) == hashlib.sha256(folded(text).encode()).hexdigest() and name_key(text) == folded(text)


@pytest.mark.django_db
def test_a_narrative_spelled_with_the_dotted_capital_i_is_the_one_recorded(editor):
    from django.core.exceptions import ValidationError

    from claims.services import narratives

    narratives.record_narrative(user=editor, name="Istanbul floods staged", summary="No flood was staged.")
    with pytest.raises(ValidationError, match="already recorded"):
        narratives.record_narrative(user=editor, name="İSTANBUL FLOODS STAGED", summary="Again.")


def _old_wording_key(text):  # the rule before 0027
    import unicodedata

    return hashlib.sha256(" ".join(unicodedata.normalize("NFKC", text).casefold().split()).encode()).hexdigest()


@pytest.mark.django_db(transaction=True)
def test_the_migration_rekeys_what_was_stored_and_keeps_apart_what_would_collide():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    before, after = [("claims", "0026_turned_down_names")], [("claims", "0027_faults_name_keys")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    user = old.get_model("auth", "User").objects.create(username="legacy")
    Narrative, Article = old.get_model("claims", "Narrative"), old.get_model("claims", "Article")
    MatchRejection, NarrativeRejection = old.get_model("claims", "MatchRejection"), old.get_model("claims", "NarrativeRejection")

    plain = Narrative.objects.create(name="Istanbul floods", name_key="istanbul floods", summary="x", recorded_by=user)
    dotted = Narrative.objects.create(name="İstanbul floods", name_key="i̇stanbul floods", summary="x", recorded_by=user)
    alone = Narrative.objects.create(name="İzmir fires", name_key="i̇zmir fires", summary="x", recorded_by=user)
    one, two = (Article.objects.create(title=t, body=t, content_hash=t) for t in ("a", "b"))

    def match(first_text, second_text, article=None):
        return MatchRejection.objects.create(
            first_article=article or one, first_key=_old_wording_key(first_text), first_text=first_text,
            second_article=two, second_key=_old_wording_key(second_text), second_text=second_text, rejected_by=user)

    rekeyed = match("İzmir is flooded.", "The port is shut.")
    kept = match("Istanbul is flooded.", "The port is shut.")
    collides = match("İstanbul is flooded.", "The port is shut.")  # the same pair as `kept` under the one rule
    texts = sorted(["İstanbul is flooded.", "ISTANBUL IS FLOODED."], key=_old_wording_key)
    one_claim = MatchRejection.objects.create(  # two ends of one article that the one rule makes one claim
        first_article=one, first_key=_old_wording_key(texts[0]), first_text=texts[0],
        second_article=one, second_key=_old_wording_key(texts[1]), second_text=texts[1], rejected_by=user)
    told = NarrativeRejection.objects.create(narrative=plain, article=one, claim_key=_old_wording_key("İzmir burns."),
                                             claim_text="İzmir burns.", rejected_by=user)

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new = executor.loader.project_state(after).apps
    keys = dict(new.get_model("claims", "Narrative").objects.values_list("pk", "name_key"))
    rows = {r.pk: (r.first_key, r.second_key) for r in new.get_model("claims", "MatchRejection").objects.all()}
    told_key = new.get_model("claims", "NarrativeRejection").objects.get(pk=told.pk).claim_key
    executor = MigrationExecutor(connection)
    executor.migrate(before)  # and back: the keys stay as they are
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes("claims"))

    assert keys == {plain.pk: "istanbul floods", dotted.pk: f"istanbul floods #{dotted.pk}", alone.pk: "izmir fires"}
    assert rows[rekeyed.pk] == (wording_key("İzmir is flooded."), wording_key("The port is shut."))
    assert rows[kept.pk] == (wording_key("Istanbul is flooded."), wording_key("The port is shut."))
    assert rows[collides.pk] == (collides.first_key, collides.second_key)  # left as it was, not a crash
    assert rows[one_claim.pk] == (one_claim.first_key, one_claim.second_key)
    assert told_key == wording_key("İzmir burns.")
