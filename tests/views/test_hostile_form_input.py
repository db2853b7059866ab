"""People typing or pasting odd characters into the workbench's forms and the admin: each form
says which character is wrong and where, answers 400, and saves nothing; never a 500."""
import pytest
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.models import Article, Comment, Evidence, Source, Verdict
from claims.workflow import ReviewState

from ..factories import ClaimFactory, VerdictFactory
from ..test_input_rules import texts

GOOD = "The port authority said 300 containers were stuck at the terminal on Friday after the strike began."
# A browser sends form fields as UTF-8 bytes: a lone surrogate cannot be among them.
typed = texts.map(lambda t: "".join(c for c in t if not 0xD800 <= ord(c) <= 0xDFFF))


@pytest.fixture
def claim(db):
    return ClaimFactory()


def test_editor_sees_why_a_title_with_a_nul_was_refused(editor_client):
    response = editor_client.post(reverse("claims:article_import"), {"title": "Ships\x00", "text": GOOD})
    assert response.status_code == 400
    assert "Remove the control character U+0000 (NUL) at character 6" in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.parametrize("char, name", [("\x0c", "form feed"), ("\x0b", "vertical tab"), ("\x1b", "escape")])
def test_reviewer_sees_why_a_rationale_with_a_control_character_was_refused(reviewer_client, claim, char, name):
    response = reviewer_client.post(
        reverse("claims:claim_verdict", args=[claim.pk]),
        {"rating": "false", "rationale": f"The records show{char} otherwise."},
    )
    assert response.status_code == 400 and f"({name}) at character 17" in response.content.decode()
    assert not Verdict.objects.exists()
    assert ClaimFactory._meta.model.objects.get(pk=claim.pk).state == ReviewState.NEW


def test_a_comment_evidence_or_correction_with_a_control_character_is_refused(reviewer_client, claim):
    posts = [
        ("claims:claim_comment", {"body": "See page\x0c 4"}),
        ("claims:claim_evidence", {"excerpt": "Turnout\x1b was 61%", "stance": "refutes"}),
        ("claims:claim_evidence", {"url": "https://records.example/a\x7fb", "stance": "context"}),
        ("claims:claim_correct", {"speaker": "The\x0b minister", "kind": "narration"}),
    ]
    for name, data in posts:
        response = reviewer_client.post(reverse(name, args=[claim.pk]), data)
        assert response.status_code == 400 and "Remove the control character" in response.content.decode(), name
    assert not Comment.objects.exists() and not Evidence.objects.exists()
    assert ClaimFactory._meta.model.objects.get(pk=claim.pk).speaker == claim.speaker


def test_editor_sending_a_verdict_back_with_a_control_character_is_told_why(editor_client, claim):
    verdict = VerdictFactory(claim=claim)
    ClaimFactory._meta.model.objects.filter(pk=claim.pk).update(state=ReviewState.AWAITING_APPROVAL)
    response = editor_client.post(reverse("claims:claim_send_back", args=[claim.pk]), {"comment": "Fix\x00 this"})
    assert response.status_code == 400 and "U+0000 (NUL)" in response.content.decode()
    verdict.refresh_from_db()
    assert verdict.editor_comment == ""


def test_a_link_list_with_a_control_character_is_refused(editor_client):
    response = editor_client.post(
        reverse("claims:import_new"), {"channel": "links", "links-urls": "https://news.example/a\x1bb"}
    )
    assert response.status_code == 400 and "U+001B (escape)" in response.content.decode()


def test_admin_cannot_save_a_source_whose_name_holds_a_control_character(client, admin_user):
    admin_user.is_superuser = True
    admin_user.save()
    client.force_login(admin_user)
    response = client.post(reverse("admin:claims_source_add"), {
        "name": "Cash\x0bFlow Institute", "aliases": "", "kind": "organisation", "reliability": "unrated", "notes": "",
    })
    assert response.status_code == 200 and "U+000B (vertical tab)" in response.content.decode()
    assert not Source.objects.exists()


def test_an_api_token_name_with_a_control_character_is_refused(editor):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match=r"U\+001B \(escape\)"):
        call_command("create_api_token", editor.username, "wire\x1b bot")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=typed, text=st.one_of(typed, typed.map(lambda t: GOOD + t)))
def test_any_pasted_article_is_saved_whole_or_refused_with_nothing_saved(editor_client, title, text):
    with transaction.atomic():
        response = editor_client.post(reverse("claims:article_import"), {"title": title, "text": text})
        assert response.status_code in (302, 400)
        assert Article.objects.exists() == (response.status_code == 302)
        transaction.set_rollback(True)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rationale=typed, comment=typed)
def test_any_rationale_or_comment_is_saved_whole_or_refused_with_nothing_saved(reviewer_client, claim, rationale, comment):
    with transaction.atomic():
        response = reviewer_client.post(reverse("claims:claim_verdict", args=[claim.pk]), {"rating": "false", "rationale": rationale})
        assert response.status_code in (302, 400)
        assert Verdict.objects.filter(claim=claim).exists() == (response.status_code == 302)
        response = reviewer_client.post(reverse("claims:claim_comment", args=[claim.pk]), {"body": comment})
        assert response.status_code in (302, 400)
        assert Comment.objects.exists() == (response.status_code == 302)
        transaction.set_rollback(True)
