"""A hostile editor (or a forged request) against the known narratives: every form, id and filter
of claims/views/narratives.py, the queue's narrative filter and flag, and the report's counts.

Each bad input is refused with the reason and the right status (400, 403, 404, 405, 409), nothing
is half-saved, and nothing is a 500. Runs on SQLite and PostgreSQL."""
import threading

import pytest
from django.db import close_old_connections, connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from claims.models import Claim, Narrative, NarrativeDebunk, NarrativeExample, NarrativeMatch
from claims.services import narratives
from claims.services.narrative_matching import refresh_narrative_marks
from claims.workflow import ReviewState

from .conftest import ON_POSTGRES
from .factories import ClaimFactory, UserFactory, VerdictFactory

MASTS = "The 5G masts in Lindholm are making schoolchildren sick."
MEGABYTE = "x" * 1_048_576


def recorded(name="5G masts make children ill", **fields):
    editor = UserFactory(role="Editor")
    return narratives.record_narrative(user=editor, name=name, summary="No study found it.", examples=(MASTS,), **fields)


def _new(client, **fields):
    return client.post(reverse("claims:narrative_new"), {"name": "Masts", "summary": "No study found it.", **fields})


# --- Names ---------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("first, second", [
    ("Fake vaccine", "FAKE VACCINE"),
    ("Fake vaccine", "\uff26\uff41\uff4b\uff45 vaccine"),  # full-width letters: "Ｆａｋｅ"
    ("Vaccins \u00e0 l'\u00e9cole", "Vaccins a\u0300 l'e\u0301cole"),  # composed and decomposed accents
    ("Vaccins \u00e0 l'\u00e9cole", "VACCINS \u00c0 L'\u00c9COLE"),  # accented capitals
    ("Fake vaccine", "  Fake vaccine\u00a0\u3000"),  # Unicode spaces around it
    ("Fake vaccine", "Fake\u00a0vaccine"),  # a no-break space inside
    ("Fake vaccine", "Fake  vaccine"),  # two spaces inside
    ("ﬁfth column", "fifth column"),  # a ligature
])
def test_a_name_that_reads_the_same_as_a_recorded_one_is_refused(editor_client, first, second):
    recorded(first)
    response = _new(editor_client, name=second)
    assert (response.status_code, "already recorded" in response.content.decode(), Narrative.objects.count()) == (400, True, 1)


@pytest.mark.django_db
@pytest.mark.parametrize("name, says", [
    ("Fake\u202e enicciv", "U+202E"),  # right-to-left override, never closed
    ("\u2067Fake vaccine", "U+2067"),  # right-to-left isolate
    ("Fake\u200bvaccine", "U+200B"),  # zero-width space: two names that look alike
    ("Fake vaccine\u2060", "U+2060"),  # word joiner
    ("\ufeffFake vaccine", "U+FEFF"),  # a byte-order mark pasted in front
    ("Fake\u00advaccine", "U+00AD"),  # soft hyphen, invisible
    ("Fake\nvaccine", "line"),  # a name is one line
    ("\u200b", "U+200B"),
    ("\u3164", "U+3164"),  # a Hangul filler: a name that draws nothing
    ("\u200c", "shows no letter"),  # a joiner alone
    ("\u0301", "shows no letter"),  # a combining accent on nothing
    ("   ", "required"),
    (".", None),
    ("x" * 1_048_576, "at most 200 characters"),
])
def test_a_name_with_invisible_or_direction_characters_is_refused_with_the_reason(editor_client, name, says):
    response = _new(editor_client, name=name)
    body = response.content.decode()
    if says is None:  # punctuation alone is an odd name, but a name: recorded or refused, never a 500
        assert response.status_code in (302, 400)
        return
    assert (response.status_code, says in body, Narrative.objects.count()) == (400, True, 0), body[body.find("errorlist"):][:400]


@pytest.mark.django_db
def test_an_edit_cannot_take_another_narratives_name_in_another_form(editor_client):
    recorded("Fake vaccine")
    other = recorded("Bridge destroyed")
    response = editor_client.post(reverse("claims:narrative_edit", args=[other.pk]), {
        "name": "\uff26\uff41\uff4b\uff45 VACCINE", "summary": "Edited.", "version": str(other.version),
    })
    other.refresh_from_db()
    assert (response.status_code, other.name, other.summary) == (400, "Bridge destroyed", "No study found it.")


@pytest.mark.django_db
def test_the_admin_refuses_a_name_that_reads_as_a_recorded_one(client, admin_user):
    recorded("Fake vaccine")
    client.force_login(admin_user)
    response = client.post("/admin/claims/narrative/add/", {
        "name": "\uff26ake vaccine", "summary": "Again.", "topic": "", "archived_at_0": "", "archived_at_1": "",
        "examples-TOTAL_FORMS": "0", "examples-INITIAL_FORMS": "0",
        "debunks-TOTAL_FORMS": "0", "debunks-INITIAL_FORMS": "0",
    })
    assert (response.status_code, Narrative.objects.count()) == (200, 1)


@pytest.mark.django_db
def test_the_admin_refuses_a_direction_override_in_a_name(client, admin_user):
    client.force_login(admin_user)
    response = client.post("/admin/claims/narrative/add/", {
        "name": "Fake\u202e enicciv", "summary": "Again.", "topic": "", "archived_at_0": "", "archived_at_1": "",
        "examples-TOTAL_FORMS": "0", "examples-INITIAL_FORMS": "0",
        "debunks-TOTAL_FORMS": "0", "debunks-INITIAL_FORMS": "0",
    })
    assert (response.status_code, "U+202E" in response.content.decode(), Narrative.objects.count()) == (200, True, 0)


@pytest.mark.skipif(not ON_POSTGRES, reason="SQLite serialises writers: no two transactions are open at once")
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("names", [("Fake vaccine", "FAKE VACCINE"), ("Fake vaccine", "\uff26ake vaccine")])
def test_two_editors_recording_one_name_at_once_make_one_narrative(names):
    editors = [UserFactory(role="Editor"), UserFactory(role="Editor")]
    barrier, answers = threading.Barrier(2), []

    def record(user, name):
        try:
            barrier.wait()
            narratives.record_narrative(user=user, name=name, summary="At once.")
            answers.append("saved")
        except Exception as exc:  # noqa: BLE001 - which exception is what the test reads
            answers.append(type(exc).__name__)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=record, args=pair) for pair in zip(editors, names)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert (sorted(answers), Narrative.objects.count()) == (["ValidationError", "saved"], 1)


# --- Summaries and examples ----------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("fields, says", [
    ({"summary": MEGABYTE}, "at most 5000 characters"),
    ({"summary": " \t\n "}, "required"),
    ({"example": MEGABYTE}, "at most 2000 characters"),
    ({"example": "!!! ??? ..."}, "no words"),
    ({"example": "— … ¿¡ «»"}, "no words"),
])
def test_bad_summaries_and_examples_are_refused_and_nothing_saved(editor_client, fields, says):
    response = _new(editor_client, **fields)
    body = response.content.decode()
    assert (response.status_code, says in body, Narrative.objects.count(), NarrativeExample.objects.count()) == (
        400, True, 0, 0
    ), body[body.find("errorlist"):][:400]


@pytest.mark.django_db
@pytest.mark.parametrize("body", [
    "name=Masts%ED%A0%80&summary=Fine.",  # a lone surrogate as UTF-8 would write one
    "name=Masts&summary=Fine.%ED%BF%BF",
    "name=Masts%FF%FE&summary=%C0%AF",  # no UTF-8 at all, an overlong slash
    "name=Masts&summary=Fine.&example=Masts%E2%82",  # a character cut short
    "name=Masts&name=Other&summary=Fine.",  # a field twice
    "name[]=Masts&summary=Fine.",
])
def test_a_form_post_in_broken_utf8_is_answered_and_stores_only_text(editor_client, body):
    response = editor_client.post(reverse("claims:narrative_new"), body, content_type="application/x-www-form-urlencoded")
    assert response.status_code in (302, 400)
    for narrative in Narrative.objects.all():  # Django reads undecodable bytes as U+FFFD
        assert narrative.name.encode() and narrative.summary.encode()


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["!!!", "...", "— –", "?!" * 500, "()[]{}<>", "'\\'"])
def test_an_example_of_punctuation_alone_is_refused_it_could_flag_nothing(editor_client, text):
    narrative = recorded()
    response = editor_client.post(reverse("claims:narrative_example_add", args=[narrative.pk]), {"text": text})
    assert (response.status_code, "no words" in response.content.decode(), narrative.examples.count()) == (400, True, 1)


@pytest.mark.django_db
def test_an_example_of_common_words_alone_is_refused_it_could_flag_nothing(editor_client):
    narrative = recorded()
    response = editor_client.post(reverse("claims:narrative_example_add", args=[narrative.pk]), {"text": "It was the one they did"})
    assert (response.status_code, narrative.examples.count()) == (400, 1)


@pytest.mark.django_db
@pytest.mark.parametrize("text", [
    "5G masts & (Lindholm | schools) <-> !sick:*",
    "Lindholm's masts\\' are 'sick'",
    "masts " * 300,
    "Lindholm\u202e masts\u202c",  # an override closed on its line (one left open is refused: test_direction_controls)
])
def test_an_example_with_search_syntax_is_stored_as_typed_and_matched_as_words(editor_client, text):
    narrative = recorded()
    response = editor_client.post(reverse("claims:narrative_example_add", args=[narrative.pk]), {"text": text})
    assert (response.status_code, narrative.examples.filter(text=text.strip()).exists()) == (302, True)


# --- Ids in forms and urls ------------------------------------------------------------------------

NOT_NUMBERS = ["-1", "0", "abc", "", " ", "1.5", "1e3", "²", "٣", "1_0", "0x10", "99999999999999999999999", "\x00", "1\x00"]


@pytest.mark.django_db
@pytest.mark.parametrize("value", NOT_NUMBERS)
def test_a_malformed_claim_number_for_an_example_is_a_400(editor_client, value):
    narrative = recorded()
    ClaimFactory.create_batch(3)
    response = editor_client.post(reverse("claims:narrative_example_add", args=[narrative.pk]), {"claim": value})
    assert (response.status_code, narrative.examples.count()) == (400, 1)


@pytest.mark.django_db
@pytest.mark.parametrize("value", NOT_NUMBERS)
def test_a_malformed_claim_number_for_a_debunking_verdict_is_a_400(editor_client, value):
    narrative = recorded()
    response = editor_client.post(reverse("claims:narrative_debunk_add", args=[narrative.pk]), {"claim": value})
    assert (response.status_code, NarrativeDebunk.objects.count()) == (400, 0)


@pytest.mark.django_db
@pytest.mark.parametrize("state", [ReviewState.AWAITING_APPROVAL, ReviewState.PUBLISHED])
def test_a_verdict_not_published_cannot_debunk_even_on_a_published_claim(editor_client, state):
    narrative = recorded()
    verdict = VerdictFactory(claim__state=state, published_at=None)  # the claim says published, the verdict is not
    response = editor_client.post(reverse("claims:narrative_debunk_add", args=[narrative.pk]), {"claim": str(verdict.claim_id)})
    assert (response.status_code, "not published" in response.content.decode(), NarrativeDebunk.objects.count()) == (400, True, 0)


HUGE_IDS = [str(2**63), str(2**64), "9" * 40]


@pytest.mark.django_db
@pytest.mark.parametrize("pk", HUGE_IDS)
@pytest.mark.parametrize("name, method", [
    ("claims:narrative", "get"), ("claims:narrative_edit", "get"), ("claims:narrative_edit", "post"),
    ("claims:narrative_archive", "post"), ("claims:narrative_restore", "post"),
    ("claims:narrative_example_add", "post"), ("claims:narrative_example_remove", "post"),
    ("claims:narrative_debunk_add", "post"), ("claims:narrative_debunk_remove", "post"),
])
def test_an_id_past_the_databases_integers_in_a_narrative_url_is_a_404(editor_client, pk, name, method):
    url = reverse(name, args=[1]).replace("/1/", f"/{pk}/")
    assert getattr(editor_client, method)(url, {"text": "Masts", "claim": "1"}).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/narratives/-1/", "/narratives/abc/", "/narratives/%D9%A3/", "/narratives/%C2%B2/", "/narratives/1.0/"])
def test_an_id_that_is_not_a_number_in_a_narrative_url_is_a_404(editor_client, path):
    recorded()
    assert editor_client.get(path).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("version", ["-1", "²", "٣", "1e3", "\x00", "9" * 40, "1.0"])
def test_a_forged_version_on_archive_is_a_409_and_nothing_changes(editor_client, version):
    narrative = recorded()
    response = editor_client.post(reverse("claims:narrative_archive", args=[narrative.pk]), {"version": version})
    narrative.refresh_from_db()
    assert (response.status_code, narrative.archived) == (409, False)


# --- Methods, CSRF, htmx --------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("name", [
    "claims:narrative_archive", "claims:narrative_restore", "claims:narrative_example_add", "claims:narrative_debunk_add",
])
@pytest.mark.parametrize("method", ["get", "put", "delete", "patch"])
def test_an_action_asked_with_the_wrong_method_is_a_405(editor_client, name, method):
    narrative = recorded()
    assert getattr(editor_client, method)(reverse(name, args=[narrative.pk])).status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_the_forms_asked_with_another_method_are_a_405_and_save_nothing(editor_client, method):
    narrative = recorded()
    for url in (reverse("claims:narrative_new"), reverse("claims:narrative_edit", args=[narrative.pk])):
        response = getattr(editor_client, method)(url, "name=Other&summary=Other", content_type="application/x-www-form-urlencoded")
        assert response.status_code == 405
    narrative.refresh_from_db()
    assert (Narrative.objects.count(), narrative.name) == (1, "5G masts make children ill")


@pytest.mark.django_db
@pytest.mark.parametrize("name, data", [
    ("claims:narrative_new", {"name": "Other", "summary": "Other"}),
    ("claims:narrative_archive", {}),
    ("claims:narrative_example_add", {"text": "Masts in Lindholm poison wells."}),
])
def test_a_post_without_the_csrf_token_is_a_403_and_saves_nothing(editor, name, data):
    narrative = recorded()
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    url = reverse(name) if name == "claims:narrative_new" else reverse(name, args=[narrative.pk])
    for headers in ({}, {"HX-Request": "true"}, {"X-CSRFToken": "forged"}):
        assert client.post(url, data, headers=headers).status_code == 403
    narrative.refresh_from_db()
    assert (Narrative.objects.count(), narrative.archived, narrative.examples.count()) == (1, False, 1)


@pytest.mark.django_db
@pytest.mark.parametrize("headers", [
    {"HX-Request": "true", "HX-Target": "<script>", "HX-Current-URL": "javascript:alert(1)"},
    {"HX-Request": "TRUE"},
    {"HX-Request": "true", "HX-Boosted": "true"},
    {"HX-Request": "\x00"},
    {"HX-Request": "true", "HX-Trigger-Name": "x" * 10_000},
])
def test_forged_htmx_headers_change_only_how_much_of_the_page_comes_back(editor_client, headers):
    narrative = recorded()
    for url, data in (
        (reverse("claims:narrative_example_add", args=[narrative.pk]), {"text": "Masts in Lindholm poison wells."}),
        (reverse("claims:narrative_example_add", args=[narrative.pk]), {"text": ""}),
        (reverse("claims:narrative_debunk_add", args=[narrative.pk]), {"claim": "abc"}),
    ):
        response = editor_client.post(url, data, headers=headers)
        assert response.status_code in (200, 302, 400)
        assert "<script>" not in response.content.decode()
    assert editor_client.get(narrative.get_absolute_url(), headers=headers).status_code == 200


# --- The queue's filter and flag ------------------------------------------------------------------


def _flagged(narrative) -> Claim:
    claim = ClaimFactory(text=MASTS)
    NarrativeMatch.objects.create(claim=claim, example=narrative.examples.first(), narrative=narrative, score=0.9)
    refresh_narrative_marks([claim.pk])  # as storing a narrative match does
    return claim


@pytest.mark.django_db
@pytest.mark.parametrize("case", ["archived", "deleted", "any", "negative", "unicode digit", "sql", "list"])
def test_the_queue_filter_on_a_narrative_gone_or_forged_is_a_filter_error_not_a_500(reviewer_client, case):
    narrative = recorded()
    _flagged(narrative)
    value = {
        "archived": str(narrative.pk), "deleted": str(narrative.pk), "any": "any", "negative": "-1",
        "unicode digit": "٣", "sql": "1 OR 1=1", "list": str(narrative.pk),
    }[case]
    if case == "archived":
        narratives.archive_narrative(narrative=narrative, user=narrative.recorded_by)
    if case == "deleted":
        narrative.delete()
    query = f"narrative={value}" + (f"&narrative={value}x" if case == "list" else "")
    response = reviewer_client.get(reverse("claims:queue") + "?" + query)
    body = response.content.decode()
    # The queue's rule for a filter it cannot apply (a forged id, a bad date, a bookmark of a
    # narrative archived since): the page, with the filter's error shown and the filter left out.
    assert response.status_code == 200
    if case == "any":
        assert MASTS in body
    else:
        assert "Select a valid choice" in body


@pytest.mark.django_db
def test_the_api_claims_filter_on_an_archived_narrative_is_answered_without_a_500(client, reviewer):
    from claims.services.tokens import create_token

    narrative = recorded()
    _flagged(narrative)
    narratives.archive_narrative(narrative=narrative, user=narrative.recorded_by)
    key = create_token(user=reviewer, name="t")[1]
    response = client.get("/api/claims", {"narrative": str(narrative.pk)}, headers={"Authorization": f"Bearer {key}"})
    assert response.status_code in (200, 400)


@pytest.mark.django_db
def test_a_direction_override_stored_in_a_name_does_not_reach_past_the_queue_flag(reviewer_client):
    # Stored before the rule (or by a path around it): the queue isolates the name in its flag.
    narrative = recorded()
    Narrative.objects.filter(pk=narrative.pk).update(name="Masts \u202eylno")
    claim = _flagged(narrative)
    ClaimFactory(text="other")
    body = reviewer_client.get(reverse("claims:queue")).content.decode()
    row = body[body.find(f'name="ids" value="{claim.pk}"'):]
    row = row[: row.find("</tr>")]
    assert "narrative: <bdi>Masts \u202eylno</bdi></a>" in row


@pytest.mark.django_db
def test_the_report_counts_a_narrative_whose_name_holds_markup_and_controls(editor_client):
    narrative = recorded("<script>alert(1)</script>")
    claim = _flagged(narrative)
    Claim.objects.filter(pk=claim.pk).update(state=ReviewState.PUBLISHED)  # a report counts its checked claims
    VerdictFactory(claim=claim, published_at=timezone.now())
    Narrative.objects.filter(pk=narrative.pk).update(name="<b>x</b>\u202e\x0c")
    response = editor_client.get(reverse("claims:report"))
    body = response.content.decode()
    assert response.status_code == 200 and "<b>x</b>" not in body and "&lt;b&gt;x&lt;/b&gt;" in body
    pdf = editor_client.get(reverse("claims:report_pdf"))
    assert pdf.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("query", [
    "since=2026-13-01", "until=%00", "outlet=-1", "topic=%D9%A3", "article=" + "9" * 30, "since=9999-12-31&until=0001-01-01",
])
def test_the_reports_narrative_counts_take_a_forged_selection_without_a_500(editor_client, query):
    narrative = recorded()
    _flagged(narrative)
    response = editor_client.get(reverse("claims:report") + "?" + query)
    assert response.status_code in (200, 400)


@pytest.mark.django_db
@pytest.mark.parametrize("body", [
    "name=Masts&summary=" + "s" * 3 * 1024 * 1024,  # past DATA_UPLOAD_MAX_MEMORY_SIZE
    "name=Masts&summary=Fine&" + "&".join(f"f{n}=1" for n in range(1200)),  # past DATA_UPLOAD_MAX_NUMBER_FIELDS
])
def test_a_post_too_big_for_django_is_a_400_page_and_saves_nothing(editor_client, body):
    editor_client.raise_request_exception = False
    response = editor_client.post(reverse("claims:narrative_new"), body, content_type="application/x-www-form-urlencoded")
    assert (response.status_code, Narrative.objects.count()) == (400, 0)


@pytest.mark.django_db
@pytest.mark.parametrize("verdict", ["-1", "0", "٣", "１", "9" * 30, str(2**63), "abc", "1;DROP", "\x00"])
def test_the_admin_refuses_a_forged_debunking_verdict_id(client, admin_user, verdict):
    narrative = recorded()
    client.force_login(admin_user)
    client.raise_request_exception = False
    form = {
        "name": narrative.name, "summary": "No study found it.", "topic": "", "archived_at_0": "", "archived_at_1": "",
        "examples-TOTAL_FORMS": "1", "examples-INITIAL_FORMS": "1", "examples-MIN_NUM_FORMS": "0", "examples-MAX_NUM_FORMS": "1000",
        "examples-0-id": str(narrative.examples.get().pk), "examples-0-narrative": str(narrative.pk),
        "debunks-TOTAL_FORMS": "1", "debunks-INITIAL_FORMS": "0", "debunks-MIN_NUM_FORMS": "0", "debunks-MAX_NUM_FORMS": "1000",
        "debunks-0-verdict": verdict, "debunks-0-narrative": str(narrative.pk),
    }
    response = client.post(reverse("admin:claims_narrative_change", args=[narrative.pk]), form)
    assert (response.status_code, NarrativeDebunk.objects.count()) == (200, 0)


@pytest.mark.django_db
@pytest.mark.parametrize("model", ["narrative", "claim", "claimcluster", "verdict", "evidence", "source"])
@pytest.mark.parametrize("pk", ["9" * 30, str(2**63), "-1", "abc", "%D9%A3", "1_0", "_5B", "%00"])
def test_the_admin_answers_a_forged_id_in_its_history_pages_without_a_500(client, admin_user, model, pk):
    recorded()
    client.force_login(admin_user)
    client.raise_request_exception = False
    for suffix in ("change/", "delete/", "history/", "history/1/"):
        assert client.get(f"/admin/claims/{model}/{pk}/{suffix}").status_code in (302, 404)
    assert client.get(f"/admin/claims/{model}/1/history/{pk}/").status_code in (302, 404)
