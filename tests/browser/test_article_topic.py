"""The topic of an article in a real browser, at desktop and phone width: chosen from the text
when it is clear, asked for when it is not, and changed by an editor afterwards, after which the
claims have sides and disputes."""
import pytest
from playwright.sync_api import expect

from claims.models import Article
from claims.services.articles import import_article
from claims.services.splitting import split_article
from claims.services.topics import NO_TOPIC

from ..factories import OutletFactory, UserFactory
from ..topic_registry import CLEAR_WAR_TEXT, UNCLEAR_TEXT, build_registry

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WIDTHS = pytest.mark.parametrize("width", [1400, 390], ids=["desktop", "phone"])


@pytest.fixture
def newsroom(db):
    build_registry()
    return UserFactory(username="edith", role="Editor")


def _paste(page, title, text):
    page.get_by_role("link", name="Paste article").click()
    page.get_by_label("Title").fill(title)
    page.get_by_label("Text:", exact=True).fill(text)
    page.get_by_role("button", name="Import and split into claims").click()


def _the_claims_have_sides_and_dispute(page):
    work_list = page.get_by_role("region", name="Claims in this article")
    work_list.get_by_role("link", name="air defences had shot down 40 drones over the Bryansk region overnight").click()
    other_side = page.get_by_role("region", name="The other side says")
    expect(other_side.get_by_role("columnheader", name="Russia")).to_be_visible()
    expect(other_side).to_contain_text("only 12 drones had been launched")
    expect(other_side).to_contain_text("Serhiy Haidai · Ukraine")


@WIDTHS
def test_editor_pastes_without_a_topic_and_it_is_chosen_from_the_text(newsroom, sign_in, width):
    page = sign_in("edith", width=width)
    _paste(page, "Drones over Bryansk", CLEAR_WAR_TEXT)
    expect(page.get_by_text("Topic chosen from the text: Russia-Ukraine war")).to_be_visible()
    expect(page.get_by_role("link", name="change")).to_be_visible()
    expect(page.get_by_text("State: Ready")).to_be_visible()
    _the_claims_have_sides_and_dispute(page)


@WIDTHS
def test_an_unclear_article_makes_the_form_ask_and_no_topic_is_a_choice(newsroom, sign_in, width):
    page = sign_in("edith", width=width)
    _paste(page, "Harbour closed to Russian ships", UNCLEAR_TEXT)
    question = page.get_by_role("group", name="Which topic is this article about?")
    expect(question.get_by_role("alert")).to_contain_text("does not make its topic clear")
    expect(question.get_by_role("alert")).to_contain_text("Harbour strike (Ivo Brandt)")
    expect(question).to_be_in_viewport(ratio=0.9)  # on a phone too, where it sits below the long text box
    assert not Article.objects.exists()

    question.get_by_label("Topic:").select_option(label="No topic (no sides, no disputes)")
    page.get_by_role("button", name="Import and split into claims").click()
    expect(page.get_by_text("No topic: sides and disputes are off.")).to_be_visible()

    page.get_by_role("link", name="Articles").click()
    expect(page.get_by_role("row", name="Harbour closed to Russian ships")).to_contain_text("No topic: sides and disputes are off")
    page.get_by_role("link", name="Set the topic of Harbour closed to Russian ships").click()
    page.get_by_label("Topic:").select_option(label="Harbour strike")
    page.get_by_role("button", name="Save details").click()
    expect(page.get_by_text("Details saved. The article is split again for its new topic.")).to_be_visible()
    assert Article.objects.get().topic.name == "Harbour strike"


@WIDTHS
def test_editor_changes_the_topic_of_an_article_and_its_claims_get_sides(newsroom, sign_in, live_server, width):
    article = import_article(title="Drones over Bryansk", raw_text=CLEAR_WAR_TEXT, imported_by=newsroom, topic=NO_TOPIC)
    split_article(article.pk)  # as the worker did when it was pasted
    outlet = OutletFactory(name="Border Courier")
    page = sign_in("edith", width=width)
    page.goto(live_server.url + article.get_absolute_url())
    expect(page.get_by_text("No topic: sides and disputes are off.")).to_be_visible()

    details = page.get_by_role("region", name="Topic, outlet and date")
    details.get_by_text("Change topic, outlet or date").click()
    details.get_by_label("Topic:").select_option(label="Russia-Ukraine war")
    details.get_by_label("Outlet:").select_option(label=outlet.name)
    details.get_by_label("Published on:").fill("2026-03-02")
    details.get_by_role("button", name="Save details").click()

    expect(page.get_by_text("Details saved. The article is split again for its new topic.")).to_be_visible()
    expect(page.get_by_text("No topic: sides and disputes are off.")).to_have_count(0)
    expect(page.get_by_text("Border Courier · 2 Mar 2026 · Russia-Ukraine war")).to_be_visible()
    _the_claims_have_sides_and_dispute(page)


@WIDTHS
def test_a_bad_date_is_explained_in_the_page_and_nothing_changes(newsroom, sign_in, live_server, width):
    article = import_article(title="Drones over Bryansk", raw_text=CLEAR_WAR_TEXT, imported_by=newsroom, topic=NO_TOPIC)
    page = sign_in("edith", width=width)
    page.goto(live_server.url + article.get_absolute_url())
    details = page.get_by_role("region", name="Topic, outlet and date")
    details.get_by_text("Change topic, outlet or date").click()
    details.get_by_label("Topic:").select_option(label="Russia-Ukraine war")
    # A date input only takes dates; a forged post is what sends a bad one.
    page.evaluate("document.querySelector('#article-details input[name=published_on]').type = 'text'")
    details.get_by_label("Published on:").fill("2026-02-30")
    details.get_by_role("button", name="Save details").click()
    expect(details.get_by_role("alert")).to_contain_text("Nothing was saved")
    expect(details).to_contain_text("Enter a real date")
    article.refresh_from_db()
    assert article.topic is None
