"""Two narrative names that read as one to the desk are one narrative, case folded as Unicode folds
case ("Straße" is "STRASSE"), whichever way the second arrives: the desk's form, an edit, the
admin, or a save that skips them all (the database's constraint on the stored key)."""
import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from claims.input_rules import name_key
from claims.models import Narrative
from claims.services import narratives


def record(user, name):
    return narratives.record_narrative(user=user, name=name, summary="No study found it.")


@pytest.mark.parametrize("first, second", [
    ("Straße gesperrt", "STRASSE GESPERRT"),
    ("Straße gesperrt", "strasse gesperrt"),
    ("Straße gesperrt", "STRAẞE GESPERRT"),  # the capital sharp s: lower() makes it "ß", not "ss"
    ("ǅemal", "ǆemal"),  # a title-case digraph and its small form
    ("Σίσυφος", "ΣΊΣΥΦΟΣ"),  # final sigma
    ("ﬁfth column", "FIFTH COLUMN"),
])
def test_names_equal_when_case_folded_share_one_key(first, second):
    assert name_key(first) == name_key(second)


@pytest.mark.parametrize("first, second", [("Straße", "Strase"), ("Masts", "Mästs"), ("Fake vaccine", "Fake vaccines")])
def test_names_that_differ_keep_their_own_keys(first, second):
    assert name_key(first) != name_key(second)


@pytest.mark.django_db
@pytest.mark.parametrize("second", ["STRASSE GESPERRT", "strasse gesperrt", "STRAẞE GESPERRT"])
def test_a_name_equal_when_case_folded_is_refused(editor, second):
    record(editor, "Straße gesperrt")
    with pytest.raises(ValidationError, match="already recorded"):
        record(editor, second)
    assert Narrative.objects.count() == 1


@pytest.mark.django_db
def test_an_edit_to_a_name_equal_when_case_folded_is_refused(editor):
    record(editor, "Straße gesperrt")
    other = record(editor, "Brücke gesperrt")
    with pytest.raises(ValidationError, match="already recorded"):
        narratives.edit_narrative(narrative=other, name="STRASSE GESPERRT", summary="x", topic=None, user=editor)
    assert Narrative.objects.get(pk=other.pk).name == "Brücke gesperrt"


@pytest.mark.django_db
def test_renaming_a_narrative_in_its_own_case_is_allowed(editor):
    narrative = record(editor, "Straße gesperrt")
    narratives.edit_narrative(narrative=narrative, name="STRASSE GESPERRT", summary="x", topic=None, user=editor)
    assert Narrative.objects.get(pk=narrative.pk).name == "STRASSE GESPERRT"


@pytest.mark.django_db
def test_the_database_refuses_a_second_name_that_skipped_the_checks(editor):
    record(editor, "Straße gesperrt")
    with pytest.raises(IntegrityError), transaction.atomic():
        Narrative.objects.create(name="STRASSE GESPERRT", summary="x", recorded_by=editor)


@pytest.mark.django_db
def test_a_name_taken_between_the_check_and_the_save_is_refused_by_the_constraint(editor, monkeypatch):
    record(editor, "Straße gesperrt")
    monkeypatch.setattr(narratives, "_require_unique_name", lambda *args: None)  # as if the other editor saved just after the check
    with pytest.raises(ValidationError, match="already recorded"):
        record(editor, "STRASSE GESPERRT")
    assert Narrative.objects.count() == 1


@pytest.mark.django_db
def test_the_desks_form_answers_400_with_the_reason(editor_client, editor):
    record(editor, "Straße gesperrt")
    response = editor_client.post(reverse("claims:narrative_new"), {"name": "STRASSE GESPERRT", "summary": "Again."})
    assert (response.status_code, "already recorded" in response.content.decode(), Narrative.objects.count()) == (400, True, 1)


@pytest.mark.django_db
def test_the_admin_refuses_it_too(client, admin_user, editor):
    record(editor, "Straße gesperrt")
    client.force_login(admin_user)
    response = client.post(reverse("admin:claims_narrative_add"), {
        "name": "STRASSE GESPERRT", "summary": "Again.", "topic": "", "archived_at_0": "", "archived_at_1": "",
        "examples-TOTAL_FORMS": "0", "examples-INITIAL_FORMS": "0", "examples-MIN_NUM_FORMS": "0", "examples-MAX_NUM_FORMS": "1000",
        "debunks-TOTAL_FORMS": "0", "debunks-INITIAL_FORMS": "0", "debunks-MIN_NUM_FORMS": "0", "debunks-MAX_NUM_FORMS": "1000",
    })
    assert (response.status_code, "already recorded" in response.content.decode(), Narrative.objects.count()) == (200, True, 1)


@pytest.mark.django_db
def test_the_history_does_not_tell_the_key(editor):
    narrative = record(editor, "Straße gesperrt")
    narratives.edit_narrative(narrative=narrative, name="Strasse gesperrt", summary="x", topic=None, user=editor)
    assert "name_key" not in {f.name for f in Narrative.history.model._meta.fields}


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_both_names_recorded_before_the_rule_and_keys_them_apart():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    before, after = [("claims", "0022_rejected_suggestions")], [("claims", "0023_narrative_name_key")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    user = old.get_model("auth", "User").objects.create(username="legacy")
    Old = old.get_model("claims", "Narrative")
    first = Old.objects.create(name="Straße gesperrt", summary="x", recorded_by=user)
    second = Old.objects.create(name="STRASSE GESPERRT", summary="x", recorded_by=user)
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    New = executor.loader.project_state(after).apps.get_model("claims", "Narrative")
    keys = dict(New.objects.values_list("pk", "name_key"))
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes("claims"))
    assert keys == {first.pk: "strasse gesperrt", second.pk: f"strasse gesperrt #{second.pk}"}
