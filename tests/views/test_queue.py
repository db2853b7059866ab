"""The queue: filters in the URL, keyset pages, bulk actions, constant queries."""
import datetime

import pytest
from django.urls import reverse

from claims.models import Claim

from ..factories import ArticleFactory, ClaimFactory, OutletFactory, SideFactory, SourceFactory, TopicFactory

HTMX = {"HX-Request": "true"}


def texts(response):
    body = response.content.decode()
    return {c.text for c in Claim.objects.all() if c.text in body}


@pytest.fixture
def claims(db, reviewer):
    war, vote = TopicFactory(name="War"), TopicFactory(name="Vote")
    north, south = SideFactory(topic=war, name="North"), SideFactory(topic=war, name="South")
    wire, daily = OutletFactory(name="Wire"), OutletFactory(name="Daily")
    minister = SourceFactory(name="The minister", side=north)
    old = ArticleFactory(topic=war, outlet=wire, published_on=datetime.date(2024, 1, 5))
    new = ArticleFactory(topic=vote, outlet=daily, published_on=datetime.date(2024, 6, 1))
    return {
        "mine": ClaimFactory(text="Claim mine", article=old, side=north, source=minister, assignee=reviewer, state="in_review", check_worthiness=0.9),
        "free": ClaimFactory(text="Claim free", article=old, side=south, check_worthiness=0.4, has_dispute=True),
        "vote": ClaimFactory(text="Claim about ballots", article=new, side=None, check_worthiness=0.7),
        "done": ClaimFactory(text="Claim published", article=new, state="published", check_worthiness=0.95),
        "aside": ClaimFactory(text="Claim set aside", article=new, check_worthy=False),
    }


def test_default_view_shows_open_check_worthy_claims_most_worthy_first(reviewer_client, claims):
    body = reviewer_client.get(reverse("claims:queue")).content.decode()
    assert body.index("Claim mine") < body.index("Claim about ballots") < body.index("Claim free")
    assert "Claim published" not in body and "Claim set aside" not in body


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"state": "published"}, {"Claim published"}),
        ({"assigned": "mine"}, {"Claim mine"}),
        ({"assigned": "unassigned"}, {"Claim free", "Claim about ballots"}),
        ({"min_worthiness": "0.6"}, {"Claim mine", "Claim about ballots"}),
        ({"disputed": "true"}, {"Claim free"}),
        ({"q": "ballots"}, {"Claim about ballots"}),
        ({"published_from": "2024-03-01"}, {"Claim about ballots"}),
        ({"published_to": "2024-03-01"}, {"Claim mine", "Claim free"}),
    ],
)
def test_each_filter_narrows_the_queue(reviewer_client, claims, params, expected):
    assert texts(reviewer_client.get(reverse("claims:queue"), params)) == expected


@pytest.mark.parametrize("word", ["yes", "YES", "1", "on", "t", "y", "True"])
def test_the_dispute_filter_takes_the_yes_words_the_api_takes(reviewer_client, claims, word):
    assert texts(reviewer_client.get(reverse("claims:queue"), {"disputed": word})) == {"Claim free"}


@pytest.mark.parametrize("word", ["no", "0", "OFF", "n", "False"])
def test_the_dispute_filter_takes_the_no_words_the_api_takes(reviewer_client, claims, word):
    assert texts(reviewer_client.get(reverse("claims:queue"), {"disputed": word})) == {"Claim mine", "Claim about ballots"}


@pytest.mark.parametrize("name, label", [("disputed", "Has a dispute"), ("matches_verdict", "Matches a published verdict")])
def test_a_word_that_is_not_yes_or_no_is_the_same_filter_error_on_each_yes_no_filter(reviewer_client, claims, name, label):
    body = reviewer_client.get(reverse("claims:queue"), {name: "perhaps"}).content.decode()
    assert "Some filters are not valid and were left out" in body
    assert f"{label} (Choose yes or no (or true or false, 1 or 0, on or off, in any case).)" in body
    assert "Claim free" in body and "Claim mine" in body  # left out: the queue is not narrowed


def test_the_menu_shows_the_answer_however_it_was_written(reviewer_client, claims):
    body = reviewer_client.get(reverse("claims:queue"), {"disputed": "YES", "matches_verdict": "0"}).content.decode()
    assert '<option value="true" selected>Yes</option>' in body  # the links the page makes keep their words
    assert '<option value="no" selected>No</option>' in body


def test_filters_by_topic_side_source_and_outlet(reviewer_client, claims):
    mine = claims["mine"]
    for params in ({"topic": mine.article.topic_id}, {"side": mine.side_id}, {"source": mine.source_id}, {"outlet": mine.article.outlet_id}):
        found = texts(reviewer_client.get(reverse("claims:queue"), params))
        assert "Claim mine" in found and "Claim about ballots" not in found


def test_htmx_filtering_swaps_only_the_results(reviewer_client, claims):
    body = reviewer_client.get(reverse("claims:queue"), {"assigned": "mine"}, headers=HTMX).content.decode()
    assert body.lstrip().startswith('<section id="results"') and "Claim mine" in body


def test_an_invalid_filter_is_explained_not_a_500(reviewer_client, claims):
    response = reviewer_client.get(reverse("claims:queue"), {"source": "999999", "published_from": "not-a-date"})
    assert response.status_code == 200
    assert "Some filters are not valid" in response.content.decode()


def test_keyset_pages_follow_each_other_without_overlap(reviewer_client, db):
    ClaimFactory.create_batch(60, check_worthiness=0.5)
    first = reviewer_client.get(reverse("claims:queue"))
    cursor = first.context["page"].next_cursor
    second = reviewer_client.get(reverse("claims:queue"), {"after": cursor})
    first_ids = {c.pk for c in first.context["page"].claims}
    second_ids = {c.pk for c in second.context["page"].claims}
    assert len(first_ids) == 50 and len(second_ids) == 10 and not first_ids & second_ids
    assert second.context["page"].next_cursor is None


@pytest.mark.parametrize("sort", ["newest", "article"])
def test_other_sort_orders_page_too(reviewer_client, db, sort):
    ClaimFactory.create_batch(55)
    first = reviewer_client.get(reverse("claims:queue"), {"sort": sort})
    second = reviewer_client.get(reverse("claims:queue"), {"sort": sort, "after": first.context["page"].next_cursor})
    assert len({c.pk for c in first.context["page"].claims} | {c.pk for c in second.context["page"].claims}) == 55


def test_a_forged_cursor_starts_from_the_first_page(reviewer_client, claims):
    response = reviewer_client.get(reverse("claims:queue"), {"after": "!!not-a-cursor!!"})
    assert response.status_code == 200 and "Claim mine" in response.content.decode()


def test_bulk_assign_to_me_reports_what_was_skipped(reviewer_client, claims, other_reviewer):
    taken = ClaimFactory(text="Claim taken", assignee=other_reviewer, state="in_review")
    response = reviewer_client.post(
        reverse("claims:queue_bulk"), {"action": "take", "ids": [claims["free"].pk, taken.pk]}, follow=True
    )
    body = response.content.decode()
    assert "1 claim assigned to you." in body and f"Claim {taken.pk} skipped" in body
    assert Claim.objects.get(pk=claims["free"].pk).assignee.username == "rita"
    assert Claim.objects.get(pk=taken.pk).assignee == other_reviewer


def test_editor_bulk_assigns_to_a_reviewer(editor_client, claims, other_reviewer):
    editor_client.post(reverse("claims:queue_bulk"), {"action": "assign", "assignee": other_reviewer.pk, "ids": [claims["free"].pk]})
    assert Claim.objects.get(pk=claims["free"].pk).assignee == other_reviewer


def test_reviewer_cannot_bulk_assign_to_someone_else(reviewer_client, claims, other_reviewer):
    reviewer_client.post(reverse("claims:queue_bulk"), {"action": "assign", "assignee": other_reviewer.pk, "ids": [claims["free"].pk]})
    assert Claim.objects.get(pk=claims["free"].pk).assignee is None


def test_bulk_dismiss_and_duplicate(reviewer_client, claims):
    reviewer_client.post(reverse("claims:queue_bulk"), {"action": "dismiss", "ids": [claims["free"].pk]})
    reviewer_client.post(reverse("claims:queue_bulk"), {"action": "duplicate", "original": claims["mine"].pk, "ids": [claims["vote"].pk]})
    assert Claim.objects.get(pk=claims["free"].pk).state == "dismissed"
    assert Claim.objects.get(pk=claims["vote"].pk).duplicate_of == claims["mine"]


def test_bulk_duplicate_of_itself_is_reported_as_skipped(reviewer_client, claims):
    original = claims["mine"]
    response = reviewer_client.post(
        reverse("claims:queue_bulk"), {"action": "duplicate", "original": original.pk, "ids": [original.pk]}, follow=True
    )
    assert f"Claim {original.pk} skipped: A claim cannot be a duplicate of itself." in response.content.decode()
    assert Claim.objects.get(pk=original.pk).state == "in_review"


def test_bulk_duplicate_says_a_duplicate_for_one_and_duplicates_for_many(reviewer_client, claims):
    original = claims["mine"]
    one = reviewer_client.post(
        reverse("claims:queue_bulk"), {"action": "duplicate", "original": original.pk, "ids": [claims["vote"].pk]}, follow=True
    )
    assert f"1 claim marked as a duplicate of claim {original.pk}." in one.content.decode()
    repeats = [ClaimFactory(text=f"Claim repeated {n}").pk for n in range(2)]
    many = reviewer_client.post(
        reverse("claims:queue_bulk"), {"action": "duplicate", "original": original.pk, "ids": repeats}, follow=True
    )
    assert f"2 claims marked as duplicates of claim {original.pk}." in many.content.decode()


def test_every_skipped_claim_is_counted_even_past_the_ten_named(reviewer_client, claims, other_reviewer):
    taken = [ClaimFactory(text=f"Claim taken {n}", assignee=other_reviewer, state="in_review").pk for n in range(12)]
    response = reviewer_client.post(reverse("claims:queue_bulk"), {"action": "take", "ids": taken}, follow=True)
    body = response.content.decode()
    assert f"Claim {taken[9]} skipped" in body and f"Claim {taken[10]} skipped" not in body
    assert "2 more claims skipped." in body


@pytest.mark.parametrize(
    "data, message",
    [
        ({"action": "take"}, "Select at least one claim first."),
        ({"action": "explode", "ids": ["1"]}, "Unknown bulk action."),
        ({"action": "duplicate", "ids": ["1"], "original": "abc"}, "Give the number of the claim they duplicate."),
        ({"action": "assign", "ids": ["1"]}, "Choose whom to assign the claims to."),
    ],
)
def test_bad_bulk_requests_are_explained(reviewer_client, claims, data, message):
    response = reviewer_client.post(reverse("claims:queue_bulk"), data, follow=True)
    assert response.status_code == 200 and message in response.content.decode()


def test_keyboard_help_is_on_the_page(reviewer_client, claims):
    body = reviewer_client.get(reverse("claims:queue")).content.decode()
    assert 'id="keys"' in body and "next / previous claim" in body


def test_filtered_queue_queries_do_not_grow_with_rows(reviewer_client, reviewer, db, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as ctx:
            reviewer_client.get(reverse("claims:queue"), {"assigned": "mine", "min_worthiness": "0.1"})
        return len(ctx.captured_queries)

    ClaimFactory.create_batch(2, assignee=reviewer, state="in_review")
    few = count()
    ClaimFactory.create_batch(30, assignee=reviewer, state="in_review")
    assert count() == few


def test_queue_links_lead_to_the_claim_its_article_and_the_take_action(reviewer_client, claims):
    from django.urls import resolve

    body = reviewer_client.get(reverse("claims:queue")).content.decode()
    free = claims["free"]
    assert f'href="{free.get_absolute_url()}"' in body
    assert f'href="{free.article.get_absolute_url()}"' in body
    assert f'data-take-url="{reverse("claims:claim_take", args=[free.pk])}"' in body
    assert resolve(free.get_absolute_url()).url_name == "claim"


def test_every_filter_has_a_readable_label(reviewer_client, claims):
    body = reviewer_client.get(reverse("claims:queue")).content.decode()
    assert "[invalid name]" not in body and "---------" not in body
    for label in ("Topic", "Side", "Source", "Outlet", "Sort", "Has a dispute", "Text"):
        assert f">{label}</label>" in body


def test_markup_from_imported_articles_is_inert_in_the_queue(reviewer_client, db):
    """Claim text, speakers, titles and registry names come from articles nobody vetted: the queue's
    rows and its filter menus show them as text."""
    hostile = '<img src=x onerror="alert(1)">'
    source = SourceFactory(name=f"Ministry {hostile}")
    article = ArticleFactory(title=f"Title {hostile}")
    ClaimFactory(text=f"Claim {hostile} & 'quoted'", speaker="", source=source, article=article, check_worthiness=0.9)
    ClaimFactory(text="Plain claim", speaker=f"Governor {hostile}", source=None, article=article, check_worthiness=0.8)

    body = reviewer_client.get(reverse("claims:queue")).content.decode()

    assert "<img" not in body and 'onerror="' not in body
    escaped = "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
    assert f"Claim {escaped} &amp; &#x27;quoted&#x27;" in body
    assert f"Governor {escaped}" in body and f"Title {escaped}" in body
    assert f">Ministry {escaped}</option>" in body
