"""Known narratives, as a desk uses them: an editor records a narrative with an example and the
published verdict that debunks it; a new claim that repeats it is flagged in the queue and on its
claim page, and the report counts it. At a desk's width and a phone's, nothing scrolls sideways."""
import datetime

import pytest
from playwright.sync_api import expect

from claims.models import Claim
from claims.services.claims import add_claim_by_hand
from claims.workflow import ReviewState

from ..factories import ArticleFactory, ClaimFactory, OutletFactory, UserFactory, VerdictFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NAME = "5G masts make children ill"
EXAMPLE = "The 5G masts in Lindholm are making schoolchildren sick."
REPEAT = "Schoolchildren in Lindholm are being made ill by the 5G masts."
DEBUNKED = "Lindholm's 5G masts have put dozens of pupils in hospital, a parents' group claimed."


@pytest.fixture
def desk(db):
    UserFactory(username="edna", role="Editor")
    UserFactory(username="rita", role="Reviewer")
    checked = ClaimFactory(
        article=ArticleFactory(title="Parents' group on the masts", body=DEBUNKED, outlet=OutletFactory(name="Wire One")),
        text=DEBUNKED, speaker="A parents' group", state=ReviewState.PUBLISHED,
    )
    VerdictFactory(claim=checked, rating="false", rationale="The hospital admitted no pupil with such symptoms.",
                   published_at=datetime.datetime(2026, 10, 12, 9, 0, tzinfo=datetime.UTC))
    return checked


def no_sideways_scrolling(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [1400, 390])
def test_an_editor_records_a_narrative_and_a_repeating_claim_is_flagged_and_counted(desk, sign_in, live_server, width):
    editor = sign_in("edna", width=width)
    editor.get_by_role("navigation", name="Main").get_by_role("link", name="Narratives").click()
    no_sideways_scrolling(editor, width)
    editor.get_by_role("link", name="Record a narrative").click()
    editor.get_by_label("Name").fill(NAME)
    editor.get_by_label("Summary").fill("Parents' groups say the new masts make children ill; no pupil was admitted with such symptoms.")
    editor.get_by_label("An example of how it is told").fill(EXAMPLE)
    no_sideways_scrolling(editor, width)
    editor.get_by_role("button", name="Record the narrative").click()

    expect(editor.get_by_role("heading", level=1)).to_have_text(NAME)
    examples = editor.get_by_role("region", name="How it is told")
    expect(examples).to_contain_text(EXAMPLE)
    debunks = editor.get_by_role("region", name="Debunked by")
    debunks.get_by_label("Claim number of the published fact-check").fill(str(desk.pk + 1000))
    debunks.get_by_role("button", name="Attach the verdict").click()
    expect(debunks).to_contain_text(f"There is no claim number {desk.pk + 1000}")  # htmx swapped the answer in
    debunks.get_by_label("Claim number of the published fact-check").fill(str(desk.pk))
    debunks.get_by_role("button", name="Attach the verdict").click()
    expect(debunks.get_by_role("link", name="put dozens of pupils in hospital")).to_be_visible()
    no_sideways_scrolling(editor, width)

    # A new article repeats the narrative in words of its own.
    article = ArticleFactory(title="Lindholm parents protest", body=f"{REPEAT}\n\nThe council meets on Thursday.",
                             outlet=OutletFactory(name="Daily Two"))
    claim = add_claim_by_hand(article=article, text=REPEAT, added_by=UserFactory(role="Reviewer"))

    reviewer = sign_in("rita", width=width)
    reviewer.get_by_label("Known narrative").select_option(label=NAME)
    reviewer.wait_for_url("**narrative=**")  # htmx pushes the filter into the address bar
    expect(reviewer.get_by_role("link", name=f"narrative: {NAME}")).to_be_visible()
    reviewer.get_by_role("link", name="Lindholm are being made ill").click()
    known = reviewer.get_by_role("region", name="Known narrative")
    expect(known.get_by_role("link", name=NAME)).to_be_visible()
    expect(known).to_contain_text("no pupil was admitted")
    expect(known).to_contain_text("Debunked: False")
    no_sideways_scrolling(reviewer, width)
    known.get_by_role("link", name="put dozens of pupils in hospital").click()  # the public fact-check
    expect(reviewer.get_by_role("heading", level=1)).to_contain_text("put dozens of pupils in hospital")
    reviewer.go_back()
    known.get_by_role("link", name=NAME).click()
    expect(reviewer.get_by_role("region", name="Claims repeating it")).to_contain_text(REPEAT)
    no_sideways_scrolling(reviewer, width)

    # The report counts the checked claims that repeat it: the debunked one, then the new one once checked.
    editor.get_by_role("navigation", name="Main").get_by_role("link", name="Reports").click()
    counted = editor.get_by_role("region", name="Claims per known narrative").get_by_role("row", name=NAME).get_by_role("cell").nth(1)
    expect(counted).to_have_text("1")
    Claim.objects.filter(pk=claim.pk).update(state=ReviewState.PUBLISHED)
    VerdictFactory(claim=claim, rating="false", rationale="No pupil was admitted.", published_at=datetime.datetime.now(datetime.UTC))
    editor.reload()
    expect(counted).to_have_text("2")
    assert claim.narrative_matches.count() == 1


def test_an_editor_adds_a_claim_as_an_example_and_sees_it_listed_without_reloading(desk, sign_in, live_server):
    from django.contrib.auth import get_user_model

    from claims.services import narratives

    edna = get_user_model().objects.get(username="edna")
    narrative = narratives.record_narrative(name=NAME, summary="No pupil was admitted.", user=edna)
    article = ArticleFactory(title="Lindholm parents protest", body=f"{REPEAT}\n\nThe council meets on Thursday.")
    claim = add_claim_by_hand(article=article, text=REPEAT, added_by=UserFactory(role="Reviewer"))

    editor = sign_in("edna")
    editor.goto(live_server.url + narrative.get_absolute_url())
    repeating = editor.get_by_role("region", name="Claims repeating it")
    expect(repeating).to_contain_text("No claim repeats it yet.")
    examples = editor.get_by_role("region", name="How it is told")
    examples.get_by_label("Or the number of a claim that tells it").fill(str(claim.pk))
    examples.get_by_role("button", name="Add the example").click()

    expect(examples.get_by_role("status")).to_have_text(f"Claim {claim.pk} added as an example.")
    expect(repeating.get_by_role("link", name="Lindholm are being made ill")).to_be_visible()  # no reload
