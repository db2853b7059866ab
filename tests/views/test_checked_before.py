""""Checked before?" on the claim page, and the queue's mark and filter for claims that repeat a
published verdict."""
import datetime
import itertools

import pytest
from django.urls import reverse

from claims.models import Claim
from claims.services.matching import find_matches
from claims.workflow import ReviewState

from ..factories import ArticleFactory, ClaimFactory, OutletFactory, SideFactory, VerdictFactory

KILLED = "Three people were killed in the strike on Kharkiv on Monday."
BRIDGE = "The bridge over the Dnipro was closed to traffic for repairs."
PUBLISHED_ON = datetime.datetime(2026, 10, 12, 9, 30, tzinfo=datetime.UTC)
_reports = itertools.count(1)


def stored(text: str, **fields) -> Claim:
    article = fields.pop("article", None) or ArticleFactory(
        body=f"{text}\n\nReport number {next(_reports)}.", title=f"Report {next(_reports)}"
    )
    return ClaimFactory(article=article, text=text, **fields)


@pytest.fixture
def story(db):
    """A strike the desk rated False on 12 Oct, repeated in another outlet's article, and an unrelated claim."""
    earlier = stored(
        KILLED, state=ReviewState.PUBLISHED, speaker="Regional governor", side=SideFactory(name="Ukraine"),
        article=ArticleFactory(
            title="Governor on the Kharkiv strike", body=f"{KILLED}\n\nThe governor spoke.",
            outlet=OutletFactory(name="Kyiv Wire"), published_on=datetime.date(2026, 10, 10),
        ),
    )
    VerdictFactory(claim=earlier, rating="false", published_at=PUBLISHED_ON)
    repeat = stored(KILLED)
    unrelated = stored(BRIDGE)
    find_matches([repeat, unrelated])
    return {"earlier": earlier, "repeat": repeat, "unrelated": unrelated}


def region(response) -> str:
    body = response.content.decode()
    start = body.index('<section class="checked-before"')
    return body[start : body.index("</section>", start)]


def test_the_claim_page_shows_the_earlier_published_verdict(reviewer_client, story):
    shown = region(reviewer_client.get(story["repeat"].get_absolute_url()))
    for expected in ("Checked before?", KILLED, "Regional governor", "Ukraine", "Governor on the Kharkiv strike",
                     "Kyiv Wire", "10 Oct 2026", "Published", "<strong>False</strong>, published 12 Oct 2026",
                     "100% close", story["earlier"].get_absolute_url()):
        assert expected in shown


def test_a_claim_without_matches_says_so(reviewer_client, story):
    shown = region(reviewer_client.get(story["unrelated"].get_absolute_url()))
    assert "No earlier claim matches." in shown


def test_the_published_claim_learns_of_its_later_repeat(reviewer_client, story):
    shown = region(reviewer_client.get(story["earlier"].get_absolute_url()))
    assert story["repeat"].get_absolute_url() in shown and "New" in shown


def test_published_verdicts_come_before_closer_unpublished_matches(reviewer_client, story):
    unpublished = stored(KILLED)
    newest = stored("Three people were killed in the strike on Kharkiv on Monday, the governor said.")
    find_matches([unpublished, newest])
    shown = region(reviewer_client.get(newest.get_absolute_url()))
    assert shown.index(story["earlier"].get_absolute_url()) < shown.index(unpublished.get_absolute_url())


def test_the_panel_after_an_action_still_shows_the_matches(reviewer_client, story):
    response = reviewer_client.post(
        reverse("claims:claim_start", args=[story["repeat"].pk]), {"version": story["repeat"].version},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200 and "<strong>False</strong>" in region(response)


def test_the_queue_marks_a_claim_that_repeats_a_published_verdict(reviewer_client, story):
    body = reviewer_client.get(reverse("claims:queue")).content.decode()
    assert body.count("matches: False, 12 Oct") == 1
    row = body[body.index(f'data-url="/claims/{story["repeat"].pk}/"'):]
    assert row[: row.index("</tr>")].count("matches: False, 12 Oct") == 1


@pytest.mark.parametrize("value, expected", [("yes", {"repeat"}), ("no", {"unrelated"}), ("", {"repeat", "unrelated"})])
def test_the_queue_filters_on_matching_a_published_verdict(reviewer_client, story, value, expected):
    body = reviewer_client.get(reverse("claims:queue"), {"matches_verdict": value}).content.decode()
    shown = {name for name in ("repeat", "unrelated") if f'data-url="/claims/{story[name].pk}/"' in body}
    assert shown == expected


@pytest.mark.parametrize("value, expected", [("TRUE", {"repeat"}), ("1", {"repeat"}), ("off", {"unrelated"})])
def test_the_match_filter_takes_the_words_the_api_takes(reviewer_client, story, value, expected):
    body = reviewer_client.get(reverse("claims:queue"), {"matches_verdict": value}).content.decode()
    assert {name for name in ("repeat", "unrelated") if f'data-url="/claims/{story[name].pk}/"' in body} == expected


@pytest.mark.parametrize("forged", ["maybe", "yes' OR 1=1 --", "2", "y" * 10_000, "yes\x00", "\u202eyes"])
def test_a_forged_match_filter_is_a_filter_error_not_a_failure(reviewer_client, story, forged):
    response = reviewer_client.get(reverse("claims:queue"), {"matches_verdict": forged})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Some filters are not valid and were left out" in body and "Matches a published verdict (" in body
    assert f'data-url="/claims/{story["unrelated"].pk}/"' in body  # left out: the queue is not narrowed


def test_anonymous_visitors_are_sent_to_sign_in(client, story):
    for url in (story["repeat"].get_absolute_url(), reverse("claims:queue") + "?matches_verdict=yes"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_signed_in_user_without_a_role_sees_no_matches(client, story):
    from ..factories import UserFactory

    client.force_login(UserFactory(role=None))
    response = client.get(story["repeat"].get_absolute_url())
    assert response.status_code == 403 and KILLED not in response.content.decode()


def test_a_claim_added_by_hand_shows_the_published_claim_it_repeats(reviewer_client, story):
    article = ArticleFactory(body=f"Officials said: {KILLED}")
    response = reviewer_client.post(reverse("claims:article_add_claim", args=[article.pk]), {"text": KILLED})
    assert response.status_code == 302
    shown = region(reviewer_client.get(response["Location"]))
    assert story["earlier"].get_absolute_url() in shown and "<strong>False</strong>" in shown
