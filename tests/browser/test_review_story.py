"""The review story in a real browser: filter, open, compare, gather evidence, judge, approve,
and a second reviewer on a stale page told of the conflict instead of overwriting."""

import pytest
from playwright.sync_api import expect

from claims.models import Claim
from claims.services.demo import load_demo

from ..factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def newsroom(db):
    load_demo()
    return {
        "reviewer": UserFactory(username="rita", role="Reviewer"),
        "second": UserFactory(username="oscar", role="Reviewer"),
        "editor": UserFactory(username="edith", role="Editor"),
    }


def test_reviewer_checks_the_lysychansk_claim_and_editor_publishes_it(newsroom, sign_in, live_server, shots):
    page = sign_in("rita")
    page.get_by_label("Has a dispute").select_option("true")
    page.wait_for_url("**disputed=true**")  # htmx pushes the filter into the address bar
    expect(page.get_by_role("link", name="three districts of the city were shelled")).to_have_count(0)
    claim_link = page.get_by_role("link", name="its forces had taken full control of Lysychansk")
    expect(claim_link).to_be_visible()
    page.screenshot(path=str(shots / "queue.png"))
    claim_link.click()

    rivals = page.get_by_role("region", name="The other side says")
    expect(rivals).to_contain_text("Ukrainian troops were still defending Lysychansk")

    page.get_by_role("button", name="Assign to me and start review").click()
    expect(page.get_by_role("region", name="Review")).to_contain_text("assigned to rita")
    page.get_by_label("Source URL").fill("https://records.example/lysychansk-july-3")
    page.get_by_label("Excerpt").fill("Ukrainian units still held the refinery district on 3 July.")
    page.get_by_label("Stance").select_option(label="Refutes the claim")
    page.get_by_role("button", name="Add evidence").click()
    expect(page.locator("#evidence-list")).to_contain_text("records.example/lysychansk-july-3")

    page.get_by_label("Rating").select_option(label="Misleading")
    page.get_by_label("Rationale").fill("Fighting continued on the outskirts for at least another day.")
    page.get_by_role("button", name="Submit for approval").click()
    expect(page.get_by_text("Waiting for an editor")).to_be_visible()
    page.screenshot(path=str(shots / "claim.png"), full_page=True)

    editor = sign_in("edith")
    editor.goto(page.url)
    editor.get_by_role("button", name="Approve and publish").click()
    expect(editor.get_by_role("region", name="Review")).to_contain_text("approved by edith")
    claim = Claim.objects.get(text__startswith="its forces had taken full control of Lysychansk")
    assert claim.state == "published"


def test_second_reviewer_on_a_stale_page_is_told_of_the_conflict(newsroom, sign_in, live_server):
    claim = Claim.objects.get(text__startswith="Ukrainian troops were still defending Lysychansk")
    url = f"{live_server.url}{claim.get_absolute_url()}"
    first, second = sign_in("rita"), sign_in("oscar")
    first.goto(url)
    second.goto(url)  # both pages now show the same version

    first.get_by_role("button", name="Assign to me and start review").click()
    expect(first.get_by_role("region", name="Review")).to_contain_text("assigned to rita")

    second.get_by_role("button", name="Dismiss: not check-worthy").click()
    expect(second.get_by_role("alert")).to_contain_text("Someone else changed this claim")
    expect(second.get_by_role("region", name="Review")).to_contain_text("assigned to rita")
    assert Claim.objects.get(pk=claim.pk).state == "in_review"


def test_keyboard_opens_the_help_and_the_first_claim(newsroom, sign_in, live_server):
    page = sign_in("rita")
    page.keyboard.press("?")
    expect(page.get_by_role("dialog", name="Keyboard shortcuts")).to_be_visible()
    page.keyboard.press("Escape")
    page.keyboard.press("j")
    page.keyboard.press("o")
    page.wait_for_url("**/claims/**")
    expect(page.get_by_role("region", name="Review")).to_be_visible()
