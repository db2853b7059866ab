"""A report on more verdicts than its page lists: the rating counts and the charts still count
every verdict of the selection (the database counts them), while the list stops at the first
reports.MAX_CLAIMS and says so.

From a desk's report on a long war: the page said "620 published verdicts", but its rating
counts added up to 500 and its charts had no bar for the side whose verdicts were older than
the latest 500.
"""
import base64
import datetime
from xml.etree import ElementTree

import pytest
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from claims import reports
from claims.models import Claim, Verdict
from claims.ratings import Rating
from claims.selectors.verdicts import VerdictSelection, rating_counts, ratings_by
from claims.workflow import ReviewState

from .factories import ArticleFactory, SideFactory, SourceFactory, TopicFactory, UserFactory

OLDER = 10  # Sudmark's verdicts, published before all of Norland's


def published(article, *, side, source, rating, how_many: int, days_ago: int) -> None:
    """Published verdicts on claims of one source, written in two statements (hundreds are needed)."""
    claims = Claim.objects.bulk_create(
        Claim(article=article, text=f"{source.name} claim {n}", start=0, end=10, speaker=source.name, side=side,
              source=source, check_worthiness=0.8, state=ReviewState.PUBLISHED)
        for n in range(how_many)
    )
    reviewer, when = UserFactory(role="Reviewer"), noon(days_ago)
    Verdict.objects.bulk_create(
        Verdict(claim=claim, rating=rating, rationale="Checked.", reviewer=reviewer, approver=reviewer,
                published_at=when + datetime.timedelta(seconds=n))
        for n, claim in enumerate(claims)
    )


def noon(days_ago: int) -> datetime.datetime:
    """Noon UTC that many days ago: the minutes of verdicts after it stay on its day."""
    day = timezone.now() - datetime.timedelta(days=days_ago)
    return day.replace(hour=12, minute=0, second=0, microsecond=0)


@pytest.fixture
def long_war(db):
    """More of Norland's verdicts (all False, published lately) than the report lists, and a few
    older ones of Sudmark's (all True), published three weeks before."""
    topic = TopicFactory(name="Long war")
    norland, sudmark = SideFactory(topic=topic, name="Norland"), SideFactory(topic=topic, name="Sudmark")
    article = ArticleFactory(topic=topic, title="A year of the war")
    published(article, side=norland, source=SourceFactory(name="Norland command", side=norland),
              rating=Rating.FALSE, how_many=reports.MAX_CLAIMS, days_ago=1)
    published(article, side=sudmark, source=SourceFactory(name="Sudmark governor", side=sudmark),
              rating=Rating.TRUE, how_many=OLDER, days_ago=22)
    return topic


def chart_labels(page: str) -> set[str]:
    encoded = [part.split('"', 1)[0] for part in page.split('src="data:image/svg+xml;base64,')[1:]]
    svgs = [ElementTree.fromstring(base64.b64decode(data)) for data in encoded]
    return {text.text for svg in svgs for text in svg.iter("{http://www.w3.org/2000/svg}text")}


def test_the_rating_counts_add_up_to_the_whole_selection_not_the_rows_listed(editor_client, long_war):
    page = editor_client.get(reverse("claims:report"), {"topic": long_war.pk}).content.decode()
    total = reports.MAX_CLAIMS + OLDER
    assert f"{total} published verdicts; the first {reports.MAX_CLAIMS} are shown" in page
    chips = page.split('<p class="summary">', 1)[1].split("</p>", 1)[0]
    assert f">False {reports.MAX_CLAIMS}</span>" in chips and f">True {OLDER}</span>" in chips


def test_the_charts_draw_the_verdicts_beyond_the_rows_listed(editor_client, long_war):
    page = editor_client.get(reverse("claims:report"), {"topic": long_war.pk}).content.decode()
    three_weeks_ago = noon(22).date().isoformat()  # three weeks of verdicts are drawn by day
    assert {"Sudmark", "Sudmark governor", three_weeks_ago} <= chart_labels(page)


def test_the_selection_is_counted_by_side_and_rating_in_the_database(long_war, django_assert_num_queries):
    verdicts = VerdictSelection({"topic": long_war.pk}).qs
    with django_assert_num_queries(2):
        by_rating = rating_counts(verdicts)
        by_side = ratings_by(verdicts, F("claim__side__name"))
    assert by_rating == {"false": reports.MAX_CLAIMS, "true": OLDER}
    assert by_side == [("Norland", "false", reports.MAX_CLAIMS), ("Sudmark", "true", OLDER)]  # the latest first
