"""A narrative's page and the report, as an editor reads them: the report's narrative names lead to
their pages, the history prints times as it prints the time of each change, and the counts at the
top follow what htmx adds and removes below them."""
import itertools
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from claims.models import Claim
from claims.services import narratives
from claims.services.claims import add_claim_by_hand
from claims.workflow import ReviewState

from ..factories import ArticleFactory, ClaimFactory, UserFactory, VerdictFactory

MASTS = "The 5G masts in Lindholm are making schoolchildren sick."
REPEAT = "Schoolchildren in Lindholm are being made ill by the 5G masts."
_reports = itertools.count(1)
HTMX = {"HX-Request": "true"}


def recorded(editor, **fields):
    fields = {"name": "5G masts make children ill", "summary": "No study found it.", "examples": (MASTS,), **fields}
    return narratives.record_narrative(user=editor, **fields)


def by_hand(text):
    article = ArticleFactory(body=f"{text}\n\nFiled number {next(_reports)}.")
    return add_claim_by_hand(article=article, text=text, added_by=UserFactory(role="Reviewer"))


def checked(claim):
    """The claim's verdict published: a report counts its checked claims."""
    Claim.objects.filter(pk=claim.pk).update(state=ReviewState.PUBLISHED)
    return VerdictFactory(claim=claim, rating="false", published_at=timezone.now())


def published_verdict():
    claim = ClaimFactory(text="Officials found no link between the masts and illness.", state=ReviewState.PUBLISHED)
    return VerdictFactory(claim=claim, rating="false", published_at=timezone.now())


def counts(body: str) -> str:
    """The text of the counts line, and whether it came to be swapped out of band."""
    found = re.search(r'<span id="narrative-counts"( hx-swap-oob="true")?>(.*?)</span>', body, re.S)
    assert found, body[:800]
    return ("oob: " if found.group(1) else "") + found.group(2)


# --- 3. The report's claims per narrative ---------------------------------------------------------
@pytest.mark.django_db
def test_each_narrative_in_the_report_links_to_its_page(editor_client, editor):
    narrative = recorded(editor)
    checked(by_hand(REPEAT))
    page = editor_client.get(reverse("claims:report")).content.decode()
    table = page[page.index("Claims per known narrative"):]
    assert f'<a href="{narrative.get_absolute_url()}"><bdi>{narrative.name}</bdi></a>' in table


@pytest.mark.django_db
def test_the_report_pdf_names_the_narratives_without_links_to_the_workbench(editor, rf):
    from django.template.loader import render_to_string

    from claims.reports import build_report
    from claims.selectors.verdicts import VerdictSelection

    narrative = recorded(editor)
    checked(by_hand(REPEAT))
    request = rf.get("/")
    request.user = editor
    html = render_to_string("claims/report/document.html", {
        "report": build_report(VerdictSelection(None)), "newsroom": "Desk", "document": True,
    }, request=request)
    table = html[html.index("Claims per known narrative"):]
    assert (narrative.name in table, narrative.get_absolute_url() in table) == (True, False)


# --- 4. The narrative's history -------------------------------------------------------------------
@pytest.mark.django_db
def test_archiving_shows_in_the_history_as_a_readable_time_not_a_stored_timestamp(editor_client, editor, settings):
    settings.TIME_ZONE = "Europe/Kyiv"
    narrative = narratives.archive_narrative(narrative=recorded(editor), user=editor)
    kyiv = narrative.archived_at.astimezone(ZoneInfo("Europe/Kyiv"))
    page = editor_client.get(narrative.get_absolute_url()).content.decode()
    details = re.findall(r"<small>(.*?)</small>", page[page.index('id="history-head"'):], re.S)
    assert f"Archived at: – → {kyiv.day} {kyiv:%b %Y %H:%M}" in details, details


@pytest.mark.django_db
def test_restoring_shows_the_time_it_had_and_the_dash_it_has(editor_client, editor):
    narrative = recorded(editor)
    narratives.archive_narrative(narrative=narrative, user=editor)
    narratives.restore_narrative(narrative=narrative, user=editor)
    history = editor_client.get(narrative.get_absolute_url()).content.decode()
    assert re.search(r"Archived at: \d{1,2} \w{3} \d{4} \d\d:\d\d → –", history), history[history.index('id="history-head"'):]


@pytest.mark.django_db
def test_a_published_verdict_in_the_claims_history_reads_as_a_time_too(reviewer_client, editor):
    from claims.services import reviews

    claim = ClaimFactory(state=ReviewState.AWAITING_APPROVAL)
    VerdictFactory(claim=claim, reviewer=UserFactory(role="Reviewer"))
    reviews.approve_and_publish(claim=claim, editor=editor)
    page = reviewer_client.get(claim.get_absolute_url()).content.decode()
    details = " ".join(re.findall(r"<small>(.*?)</small>", page.split('class="timeline"')[-1], re.S))
    assert re.search(r"Published at: – → \d{1,2} \w{3} \d{4} \d\d:\d\d", details) and "+00:00" not in details, details


# --- 5. The counts follow htmx's changes ----------------------------------------------------------
@pytest.mark.django_db
def test_the_page_counts_examples_debunks_and_claims(reviewer_client, editor):
    narrative = recorded(editor)
    by_hand(REPEAT)
    body = reviewer_client.get(narrative.get_absolute_url()).content.decode()
    assert counts(body) == "1 example · debunked by 0 verdicts · 1 claim repeats it"


@pytest.mark.django_db(transaction=True)  # committed as in production: the new example's matching runs before the answer
def test_an_example_added_with_htmx_updates_the_counts(editor_client, editor):
    narrative = recorded(editor, examples=())
    by_hand(REPEAT)
    response = editor_client.post(reverse("claims:narrative_example_add", args=[narrative.pk]), {"text": MASTS}, headers=HTMX)
    body = response.content.decode()
    assert (response.status_code, body.lstrip().startswith('<section id="examples"'), counts(body)) == (
        200, True, "oob: 1 example · debunked by 0 verdicts · 1 claim repeats it"
    )


def repeating(body: str) -> str:
    """The "Claims repeating it" part, when the answer swaps it out of band."""
    found = re.search(r'<section id="repeating"[^>]*hx-swap-oob="true"[^>]*>(.*?)</section>', body, re.S)
    return found.group(1) if found else ""


@pytest.mark.django_db(transaction=True)  # committed as in production: the new example's matching runs before the answer
def test_a_claim_added_as_an_example_by_its_number_is_confirmed_and_listed_as_repeating_it(editor_client, editor):
    narrative = recorded(editor, examples=())
    claim = by_hand(REPEAT)
    response = editor_client.post(
        reverse("claims:narrative_example_add", args=[narrative.pk]), {"claim": str(claim.pk)}, headers=HTMX
    )
    body = response.content.decode()
    assert f"Claim {claim.pk} added as an example" in body
    assert f'href="{claim.get_absolute_url()}"' in repeating(body)


@pytest.mark.django_db(transaction=True)
def test_an_example_removed_with_htmx_is_confirmed_and_its_claims_leave_the_list(editor_client, editor):
    narrative = recorded(editor)
    claim = by_hand(REPEAT)
    assert f'href="{claim.get_absolute_url()}"' in editor_client.get(narrative.get_absolute_url()).content.decode()
    response = editor_client.post(reverse("claims:narrative_example_remove", args=[narrative.examples.get().pk]), headers=HTMX)
    body = response.content.decode()
    assert "Example removed" in body and "No claim repeats it yet." in repeating(body)


@pytest.mark.django_db
def test_an_example_removed_with_htmx_updates_the_counts(editor_client, editor):
    narrative = recorded(editor)
    by_hand(REPEAT)
    response = editor_client.post(reverse("claims:narrative_example_remove", args=[narrative.examples.get().pk]), headers=HTMX)
    assert (response.status_code, counts(response.content.decode())) == (200, "oob: 0 examples · debunked by 0 verdicts · 0 claims repeat it")


@pytest.mark.django_db
def test_a_verdict_attached_and_detached_with_htmx_updates_the_counts(editor_client, editor):
    narrative = recorded(editor)
    verdict = published_verdict()
    added = editor_client.post(reverse("claims:narrative_debunk_add", args=[narrative.pk]), {"claim": str(verdict.claim_id)}, headers=HTMX)
    debunk = narrative.debunks.get()
    removed = editor_client.post(reverse("claims:narrative_debunk_remove", args=[debunk.pk]), headers=HTMX)
    assert (counts(added.content.decode()), counts(removed.content.decode())) == (
        "oob: 1 example · debunked by 1 verdict · 0 claims repeat it",
        "oob: 1 example · debunked by 0 verdicts · 0 claims repeat it",
    )


@pytest.mark.django_db
def test_a_refused_example_still_answers_with_the_counts_as_they_are(editor_client, editor):
    narrative = recorded(editor)
    response = editor_client.post(reverse("claims:narrative_example_add", args=[narrative.pk]), {"text": "   "}, headers=HTMX)
    assert (response.status_code, counts(response.content.decode())) == (400, "oob: 1 example · debunked by 0 verdicts · 0 claims repeat it")


@pytest.mark.django_db
def test_without_htmx_the_forms_come_back_to_the_whole_page_with_one_counts_line(editor_client, editor):
    narrative = recorded(editor)
    response = editor_client.post(reverse("claims:narrative_example_add", args=[narrative.pk]), {"text": REPEAT}, follow=True)
    body = response.content.decode()
    assert (body.count('id="narrative-counts"'), counts(body)) == (1, "2 examples · debunked by 0 verdicts · 0 claims repeat it")
