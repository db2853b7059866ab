"""Known narratives on the workbench's pages: who may read and change them, what bad input gets,
and the flags they put on the queue, the claim page and the report."""
import datetime
import itertools

import pytest
from django.urls import reverse
from django.utils import timezone

from claims.models import Claim, Narrative, NarrativeDebunk, NarrativeExample, NarrativeMatch
from claims.services import narratives
from claims.services.claims import add_claim_by_hand
from claims.workflow import ReviewState

from ..factories import ArticleFactory, ClaimFactory, OutletFactory, TopicFactory, UserFactory, VerdictFactory

MASTS = "The 5G masts in Lindholm are making schoolchildren sick."
REPEAT = "Schoolchildren in Lindholm are being made ill by the 5G masts."
_reports = itertools.count(1)

ALL = {"Reviewer", "Editor", "Admin"}
EDITORS = {"Editor", "Admin"}

# (url name, method, roles allowed, which object the url needs)
VIEWS = [
    ("claims:narratives", "get", ALL, None),
    ("claims:narrative_new", "get", EDITORS, None),
    ("claims:narrative_new", "post", EDITORS, None),
    ("claims:narrative", "get", ALL, "narrative"),
    ("claims:narrative_edit", "get", EDITORS, "narrative"),
    ("claims:narrative_edit", "post", EDITORS, "narrative"),
    ("claims:narrative_archive", "post", EDITORS, "narrative"),
    ("claims:narrative_restore", "post", EDITORS, "narrative"),
    ("claims:narrative_example_add", "post", EDITORS, "narrative"),
    ("claims:narrative_example_remove", "post", EDITORS, "example"),
    ("claims:narrative_debunk_add", "post", EDITORS, "narrative"),
    ("claims:narrative_debunk_remove", "post", EDITORS, "debunk"),
]


def published_verdict(text="Officials found no link between the masts and illness.", **claim_fields):
    claim = ClaimFactory(text=text, state=ReviewState.PUBLISHED, **claim_fields)
    return VerdictFactory(claim=claim, rating="false", published_at=timezone.now())


def recorded(editor=None, **fields):
    editor = editor or UserFactory(role="Editor")
    fields = {"name": "5G masts make children ill", "summary": "No study found it.", "examples": (MASTS,), **fields}
    return narratives.record_narrative(user=editor, **fields)


def by_hand(text: str, **article_fields) -> Claim:
    article = ArticleFactory(body=f"{text}\n\nFiled number {next(_reports)}.", **article_fields)
    return add_claim_by_hand(article=article, text=text, added_by=UserFactory(role="Reviewer"))


def _url(name, target):
    if target is None:
        return reverse(name)
    narrative = recorded()
    if target == "narrative":
        return reverse(name, args=[narrative.pk])
    if target == "example":
        return reverse(name, args=[narrative.examples.get().pk])
    debunk = narratives.attach_debunk(narrative=narrative, verdict=published_verdict(), user=narrative.recorded_by)
    return reverse(name, args=[debunk.pk])


@pytest.mark.parametrize("name, method, allowed, target", VIEWS, ids=[f"{v[1]} {v[0]}" for v in VIEWS])
@pytest.mark.parametrize("role", ["anonymous", "none", "Reviewer", "Editor", "Admin"])
@pytest.mark.django_db
def test_each_narrative_view_answers_each_role(client, name, method, allowed, target, role):
    url = _url(name, target)
    if role != "anonymous":
        client.force_login(UserFactory(role=None if role == "none" else role))
    response = getattr(client, method)(url, {})
    if role == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    elif role in allowed:
        assert response.status_code not in (403, 500)
    else:
        assert response.status_code == 403


@pytest.mark.django_db
def test_a_reviewer_refused_from_htmx_is_told_to_reload(reviewer_client):
    narrative = recorded()
    response = reviewer_client.post(
        reverse("claims:narrative_example_add", args=[narrative.pk]), {"text": REPEAT}, headers={"HX-Request": "true"}
    )
    assert (response.status_code, response["HX-Refresh"], narrative.examples.count()) == (403, "true", 1)


@pytest.mark.django_db
def test_a_reviewer_reads_a_narrative_without_the_editors_forms(reviewer_client):
    narrative = recorded()
    page = reviewer_client.get(narrative.get_absolute_url()).content.decode()
    assert (MASTS in page, "Add the example" in page, "Archive" in page) == (True, False, False)


@pytest.mark.django_db
def test_only_admins_reach_the_narratives_in_the_django_admin(client, editor, admin_user):
    recorded()
    client.force_login(editor)
    assert client.get("/admin/claims/narrative/").status_code == 302
    client.force_login(admin_user)
    assert client.get("/admin/claims/narrative/").status_code == 200


# --- Recording and editing ------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_editor_records_a_narrative_from_the_form(editor_client, editor):
    topic = TopicFactory(name="Health")
    response = editor_client.post(reverse("claims:narrative_new"), {
        "name": "5G masts make children ill", "summary": "No study found it.", "topic": topic.pk, "example": MASTS,
    })
    narrative = Narrative.objects.get()
    assert (response.status_code, response["Location"], narrative.topic, narrative.examples.get().text) == (
        302, narrative.get_absolute_url(), topic, MASTS
    )


@pytest.mark.django_db
@pytest.mark.parametrize("fields, message", [
    ({"name": ""}, "This field is required."),
    ({"summary": ""}, "This field is required."),
    ({"name": "n" * 201}, "at most 200 characters"),
    ({"summary": "s" * 5001}, "at most 5000 characters"),
    ({"example": "e" * 2001}, "at most 2000 characters"),
    ({"name": "Masts\x1b[31m"}, "U+001B (escape)"),
    ({"summary": "Line one\nline \x00two"}, "at line 2, column 6"),
    ({"example": "Masts \x0c sick"}, "U+000C (form feed)"),
    ({"topic": "999999999999"}, "Select a valid choice"),
    ({"topic": "nine"}, "Select a valid choice"),
])
def test_bad_input_on_the_form_is_a_400_with_the_reason_and_nothing_saved(editor_client, fields, message):
    data = {"name": "5G masts make children ill", "summary": "No study found it.", "example": MASTS, **fields}
    response = editor_client.post(reverse("claims:narrative_new"), data)
    assert (response.status_code, message in response.content.decode(), Narrative.objects.count()) == (400, True, 0)


@pytest.mark.django_db
def test_a_second_narrative_of_the_same_name_is_a_form_error(editor_client):
    recorded()
    response = editor_client.post(reverse("claims:narrative_new"), {"name": "5G MASTS make children ill", "summary": "Again."})
    assert (response.status_code, "already recorded" in response.content.decode(), Narrative.objects.count()) == (400, True, 1)


@pytest.mark.django_db
def test_an_editor_edits_a_narrative(editor_client):
    narrative = recorded()
    response = editor_client.post(
        reverse("claims:narrative_edit", args=[narrative.pk]),
        {"name": "Masts and children", "summary": "Still false.", "version": narrative.version},
    )
    narrative.refresh_from_db()
    assert (response.status_code, narrative.name, narrative.summary) == (302, "Masts and children", "Still false.")


@pytest.mark.django_db
@pytest.mark.parametrize("version", ["0", "abc", "99999999999999999999999"])
def test_an_edit_from_a_stale_or_forged_page_is_a_409_and_keeps_the_narrative(editor_client, version):
    narrative = recorded()
    response = editor_client.post(
        reverse("claims:narrative_edit", args=[narrative.pk]), {"name": "Other", "summary": "Other.", "version": version}
    )
    narrative.refresh_from_db()
    assert (response.status_code, "Someone else changed" in response.content.decode(), narrative.name) == (
        409, True, "5G masts make children ill"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["claims:narrative", "claims:narrative_edit"])
def test_an_unknown_narrative_is_a_404(editor_client, name):
    assert editor_client.get(reverse(name, args=[987654])).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("name", [
    "claims:narrative_archive", "claims:narrative_restore", "claims:narrative_example_add", "claims:narrative_example_remove",
    "claims:narrative_debunk_add", "claims:narrative_debunk_remove",
])
def test_an_unknown_record_in_an_action_is_a_404(editor_client, name):
    assert editor_client.post(reverse(name, args=[987654]), {"text": MASTS, "claim": "1"}).status_code == 404


@pytest.mark.django_db
def test_a_get_on_an_action_is_refused(editor_client):
    narrative = recorded()
    assert editor_client.get(reverse("claims:narrative_archive", args=[narrative.pk])).status_code == 405


@pytest.mark.django_db
def test_archiving_and_restoring_from_the_page(editor_client):
    narrative = recorded()
    editor_client.post(reverse("claims:narrative_archive", args=[narrative.pk]), {"version": narrative.version})
    narrative.refresh_from_db()
    archived_list = editor_client.get(reverse("claims:narratives") + "?archived=1").content.decode()
    active_list = editor_client.get(reverse("claims:narratives")).content.decode()
    assert (narrative.archived, narrative.name in archived_list, narrative.name in active_list) == (True, True, False)
    response = editor_client.post(reverse("claims:narrative_archive", args=[narrative.pk]), {"version": narrative.version})
    assert (response.status_code, "already archived" in response.content.decode()) == (400, True)
    editor_client.post(reverse("claims:narrative_restore", args=[narrative.pk]), {"version": narrative.version})
    narrative.refresh_from_db()
    assert narrative.archived is False


def _in_use_and_archived():
    in_use = recorded(name="Masts make children ill")
    archived = recorded(name="Chemtrails over Lindholm", examples=("Planes spray the harbour with chemicals every night.",))
    narratives.archive_narrative(narrative=archived, user=archived.recorded_by)
    return in_use, archived


def _listed(client, archived):
    body = client.get(reverse("claims:narratives"), {"archived": archived}).content.decode()
    return {name for name in ("Masts make children ill", "Chemtrails over Lindholm") if name in body}


@pytest.mark.django_db
@pytest.mark.parametrize("word", ["1", "yes", "YES", "true", "on", "y"])
def test_the_archived_list_takes_the_yes_words_the_queue_filters_take(reviewer_client, word):
    _in_use_and_archived()
    assert _listed(reviewer_client, word) == {"Chemtrails over Lindholm"}


@pytest.mark.django_db
@pytest.mark.parametrize("word", ["0", "no", "False", "off", ""])
def test_archived_no_lists_the_narratives_in_use(reviewer_client, word):
    _in_use_and_archived()
    assert _listed(reviewer_client, word) == {"Masts make children ill"}


@pytest.mark.django_db
@pytest.mark.parametrize("word", ["perhaps", "2", "yes please", "1\x00", "-1"])
def test_an_archived_value_that_is_not_yes_or_no_is_the_queues_filter_error_and_left_out(reviewer_client, word):
    _in_use_and_archived()
    response = reviewer_client.get(reverse("claims:narratives"), {"archived": word})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Some filters are not valid and were left out: Archived (Choose yes or no (or true or false, 1 or 0, on or off, in any case).)" in body
    assert _listed(reviewer_client, word) == {"Masts make children ill"}  # left out: the narratives in use, as without it


# --- Examples and debunking verdicts -------------------------------------------------------------


@pytest.mark.django_db
def test_an_example_added_with_htmx_answers_with_the_examples_alone(editor_client):
    narrative = recorded()
    response = editor_client.post(
        reverse("claims:narrative_example_add", args=[narrative.pk]), {"text": REPEAT}, headers={"HX-Request": "true"}
    )
    body = response.content.decode()
    assert (response.status_code, body.lstrip().startswith('<section id="examples"'), REPEAT in body, "<html" in body) == (
        200, True, True, False
    )


@pytest.mark.django_db
def test_an_existing_claim_is_picked_as_an_example_by_its_number(editor_client):
    narrative = recorded()
    claim = ClaimFactory(text="Wind turbines killed 4,000 birds in Norland last year.")
    response = editor_client.post(reverse("claims:narrative_example_add", args=[narrative.pk]), {"claim": str(claim.pk)})
    assert (response.status_code, narrative.examples.filter(claim=claim).exists()) == (302, True)


@pytest.mark.django_db
@pytest.mark.parametrize("data, message", [
    ({}, "Type how the narrative is told"),
    ({"text": "   "}, "Type how the narrative is told"),
    ({"text": "x" * 2001}, "at most 2000 characters"),
    ({"text": "Masts \x07 ring"}, "U+0007 (bell)"),
    ({"claim": "987654"}, "There is no claim number 987654"),
    ({"claim": "-3"}, "greater than or equal to 1"),
    ({"claim": "99999999999999999999999"}, "less than or equal to"),
    ({"claim": "three"}, "Enter a whole number"),
    ({"text": REPEAT, "claim": "1"}, "not both"),
    ({"text": MASTS}, "already recorded"),
])
def test_a_bad_example_is_a_400_with_the_reason_and_nothing_saved(editor_client, data, message):
    narrative = recorded()
    response = editor_client.post(reverse("claims:narrative_example_add", args=[narrative.pk]), data, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert (response.status_code, message in body, narrative.examples.count()) == (400, True, 1), body[:500]


@pytest.mark.django_db
def test_removing_an_example(editor_client):
    narrative = recorded()
    example = narrative.examples.get()
    response = editor_client.post(reverse("claims:narrative_example_remove", args=[example.pk]))
    assert (response.status_code, NarrativeExample.objects.exists()) == (302, False)


@pytest.mark.django_db
def test_an_editor_attaches_a_published_verdict_by_its_claim_number(editor_client):
    narrative, verdict = recorded(), published_verdict()
    response = editor_client.post(
        reverse("claims:narrative_debunk_add", args=[narrative.pk]), {"claim": str(verdict.claim_id)}, headers={"HX-Request": "true"}
    )
    body = response.content.decode()
    assert (response.status_code, narrative.debunks.get().verdict, reverse("public:fact_check", args=[verdict.pk]) in body) == (
        200, verdict, True
    )


@pytest.mark.django_db
@pytest.mark.parametrize("case, message", [
    ("awaiting", "is not published"),
    ("no verdict", "has no verdict"),
    ("unknown", "There is no claim number"),
    ("empty", "This field is required"),
    ("huge", "less than or equal to"),
])
def test_a_verdict_that_cannot_debunk_is_a_400_with_the_reason(editor_client, case, message):
    narrative = recorded()
    number = {
        "awaiting": lambda: VerdictFactory().claim_id, "no verdict": lambda: ClaimFactory().pk, "unknown": lambda: 987654,
        "empty": lambda: "", "huge": lambda: 10**30,
    }[case]()
    response = editor_client.post(reverse("claims:narrative_debunk_add", args=[narrative.pk]), {"claim": str(number)})
    assert (response.status_code, message in response.content.decode(), NarrativeDebunk.objects.count()) == (400, True, 0)


@pytest.mark.django_db
def test_detaching_a_verdict(editor_client, editor):
    narrative = recorded(editor)
    debunk = narratives.attach_debunk(narrative=narrative, verdict=published_verdict(), user=editor)
    response = editor_client.post(reverse("claims:narrative_debunk_remove", args=[debunk.pk]))
    assert (response.status_code, NarrativeDebunk.objects.exists()) == (302, False)


# --- Where the flags show ------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_queue_flags_a_claim_that_repeats_a_narrative_and_filters_on_it(reviewer_client):
    narrative = recorded()
    repeat = by_hand(REPEAT)
    unrelated = by_hand("The council approved a new swimming pool for Lindholm on Tuesday.")
    whole = reviewer_client.get(reverse("claims:queue")).content.decode()
    assert f"narrative: <bdi>{narrative.name}</bdi>" in whole
    for value in ("any", str(narrative.pk)):
        page = reviewer_client.get(reverse("claims:queue"), {"narrative": value}).content.decode()
        assert (f"/claims/{repeat.pk}/" in page, f"/claims/{unrelated.pk}/" in page) == (True, False)


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["999999", "nine", "\x00", "1" * 40])
def test_a_forged_narrative_filter_is_a_filter_error_not_a_500(reviewer_client, value):
    recorded()
    response = reviewer_client.get(reverse("claims:queue"), {"narrative": value})
    assert (response.status_code, "Some filters are not valid" in response.content.decode()) == (200, True)


@pytest.mark.django_db
def test_an_archived_narrative_flags_nothing_in_the_queue_or_on_the_claim_page(reviewer_client, editor):
    narrative = recorded(editor)
    repeat = by_hand(REPEAT)
    narratives.archive_narrative(narrative=narrative, user=editor)
    queue = reviewer_client.get(reverse("claims:queue")).content.decode()
    claim_page = reviewer_client.get(repeat.get_absolute_url()).content.decode()
    assert ("narrative: " in queue, "Known narrative" in claim_page) == (False, False)


@pytest.mark.django_db
def test_the_claim_page_names_the_narrative_its_summary_and_its_debunking_verdict(reviewer_client, editor):
    narrative = recorded(editor)
    verdict = published_verdict()
    narratives.attach_debunk(narrative=narrative, verdict=verdict, user=editor)
    page = reviewer_client.get(by_hand(REPEAT).get_absolute_url()).content.decode()
    panel = page[page.index("Known narrative"):page.index("Checked before?")]
    assert (narrative.name in panel, "No study found it." in panel, reverse("public:fact_check", args=[verdict.pk]) in panel) == (
        True, True, True
    )


@pytest.mark.django_db
def test_a_claim_that_repeats_no_narrative_has_no_panel(reviewer_client):
    recorded()
    page = reviewer_client.get(by_hand("The council approved a new swimming pool.").get_absolute_url()).content.decode()
    assert "Known narrative" not in page


def checked(claim: Claim, on: datetime.date) -> Claim:
    """The claim's verdict published on that day (at noon), as the report's dates read it."""
    Claim.objects.filter(pk=claim.pk).update(state=ReviewState.PUBLISHED)
    VerdictFactory(claim=claim, rating="false", published_at=datetime.datetime.combine(on, datetime.time(12), datetime.UTC))
    return claim


@pytest.mark.django_db
def test_the_report_page_shows_claims_per_narrative(editor_client, editor):
    narrative = recorded(editor)
    checked(by_hand(REPEAT), timezone.now().date())
    page = editor_client.get(reverse("claims:report")).content.decode()
    table = page[page.index("Claims per known narrative"):]
    assert (narrative.name in table, "<td>1</td>" in table) == (True, True)


@pytest.mark.django_db
def test_a_report_of_the_days_verdicts_were_published_counts_their_narratives(editor_client, editor):
    """From the new user's trial: a report of one day's verdicts listed a checked claim repeating a
    narrative, and its narrative table said no claim repeated one (it read the article's date)."""
    narrative = recorded(editor)
    day = datetime.date(2026, 11, 30)
    checked(by_hand(REPEAT, published_on=datetime.date(2026, 3, 2)), day)
    response = editor_client.get(reverse("claims:report"), {"since": day.isoformat(), "until": day.isoformat()})
    page, report = response.content.decode(), response.context["report"]
    assert (report.total, [(row.name, row.claims) for row in report.narratives]) == (1, [(narrative.name, 1)])
    assert "No claim in this selection repeats a known narrative" not in page


@pytest.mark.django_db
def test_the_report_counts_follow_outlet_and_verdict_dates(editor_client, editor):
    recorded(editor)
    here, elsewhere = OutletFactory(name="Lindholm Post"), OutletFactory(name="Brovik Times")
    checked(by_hand(REPEAT, outlet=here), datetime.date(2026, 11, 3))
    checked(by_hand("Schoolchildren in Lindholm are being made ill by the 5G masts, parents say.", outlet=elsewhere),
            datetime.date(2026, 11, 20))

    def claims(query):
        return [row.claims for row in editor_client.get(reverse("claims:report"), query).context["report"].narratives]

    assert (claims({}), claims({"outlet": here.pk}), claims({"since": "2026-11-10"}), claims({"until": "2026-10-01"})) == (
        [2], [1], [1], []
    )


@pytest.mark.django_db
def test_a_claim_not_yet_checked_is_in_no_reports_narrative_counts(editor_client, editor):
    narrative = recorded(editor)
    by_hand(REPEAT)
    checked(by_hand("Schoolchildren in Lindholm are being made ill by the 5G masts, parents say."), timezone.now().date())
    rows = editor_client.get(reverse("claims:report")).context["report"].narratives
    assert ([(row.name, row.claims) for row in rows], NarrativeMatch.objects.count()) == ([(narrative.name, 1)], 2)


@pytest.mark.django_db
def test_the_narrative_pages_titles_hold_no_markup(editor_client):
    import re

    narrative = recorded(name="<b>Masts</b> & children")
    for url in [reverse("claims:narratives"), reverse("claims:narrative_new"), narrative.get_absolute_url(),
                reverse("claims:narrative_edit", args=[narrative.pk])]:
        [title] = re.findall(r"<title>(.*?)</title>", editor_client.get(url).content.decode(), re.S)
        assert "<b>" not in title and title.endswith("· Fact-checking workbench"), (url, title)


@pytest.mark.django_db
def test_the_admin_refuses_a_control_character_and_a_verdict_not_published(client, admin_user):
    narrative = recorded()
    client.force_login(admin_user)
    url = reverse("admin:claims_narrative_change", args=[narrative.pk])
    form = {
        "name": "Masts\x0bwires", "summary": "No study found it.", "topic": "", "archived_at_0": "", "archived_at_1": "",
        "examples-TOTAL_FORMS": "1", "examples-INITIAL_FORMS": "1", "examples-MIN_NUM_FORMS": "0", "examples-MAX_NUM_FORMS": "1000",
        "examples-0-id": str(narrative.examples.get().pk), "examples-0-narrative": str(narrative.pk),
        "debunks-TOTAL_FORMS": "1", "debunks-INITIAL_FORMS": "0", "debunks-MIN_NUM_FORMS": "0", "debunks-MAX_NUM_FORMS": "1000",
        "debunks-0-verdict": str(VerdictFactory().pk), "debunks-0-narrative": str(narrative.pk),
    }
    response = client.post(url, form)
    body = response.content.decode()
    narrative.refresh_from_db()
    assert (response.status_code, "U+000B (vertical tab)" in body, "Only a published verdict" in body, narrative.name, NarrativeDebunk.objects.count()) == (
        200, True, True, "5G masts make children ill", 0
    )


@pytest.mark.django_db
def test_the_queue_filter_offers_any_narrative_and_each_active_one_by_name(reviewer_client, editor):
    narrative = recorded(editor)
    gone = recorded(editor, name="Turbines kill eagles", examples=())
    narratives.archive_narrative(narrative=gone, user=editor)
    page = reviewer_client.get(reverse("claims:queue")).content.decode()
    select = page[page.index('name="narrative"'):]
    select = select[:select.index("</select>")]
    assert ('<option value="">Either</option>' in select, '<option value="any">Any known narrative</option>' in select,
            f'<option value="{narrative.pk}">{narrative.name}</option>' in select, gone.name in select) == (True, True, True, False)


@pytest.mark.django_db
def test_every_id_on_a_narratives_page_is_unique_so_each_label_names_its_own_box(editor_client):
    import re
    from collections import Counter

    page = editor_client.get(recorded().get_absolute_url()).content.decode()
    repeated = [name for name, n in Counter(re.findall(r'\sid="([^"]+)"', page)).items() if n > 1]
    assert (repeated, 'for="example-claim"' in page, 'for="debunk-claim"' in page) == ([], True, True)


@pytest.mark.django_db
def test_the_narratives_page_keeps_its_history_with_who_did_what(editor_client, editor):
    narrative = recorded(editor)
    narratives.edit_narrative(narrative=narrative, name="Masts and children", summary="Still false.", topic=None, user=editor)
    narratives.remove_example(example=narrative.examples.get(), user=editor)
    narratives.attach_debunk(narrative=narrative, verdict=published_verdict(), user=editor)
    page = editor_client.get(narrative.get_absolute_url()).content.decode()
    history = page[page.index('id="history-head"'):]
    assert all(line in history for line in (
        "edith</strong> added the narrative", "edith</strong> changed the narrative", "Masts and children",
        "edith</strong> removed the example", MASTS, "edith</strong> added the debunking verdict",
    )), history


@pytest.mark.django_db
def test_the_narratives_page_lists_its_claims_and_opens_them_in_the_queue(reviewer_client):
    narrative = recorded()
    claim = by_hand(REPEAT)
    page = reviewer_client.get(narrative.get_absolute_url()).content.decode()
    assert (claim.get_absolute_url() in page, f'href="/?narrative={narrative.pk}"' in page, "1 claim repeats it" in page) == (True, True, True)
