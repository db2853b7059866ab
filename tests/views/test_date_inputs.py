"""Every date box is a browser date picker, which reads and writes ISO dates only. Filled in the
site's British format ("30/11/2026") the browser shows it empty, and an editor who saves the form
for another reason erases the date without seeing it."""
import datetime
import re

import pytest
from django.urls import reverse

from claims.models import Article

from ..factories import ArticleFactory

DATE_BOXES = re.compile(r'<input type="date"[^>]*>')


def _values(html: str) -> list[str]:
    return [re.search(r'value="([^"]*)"', box).group(1) if 'value="' in box else "" for box in DATE_BOXES.findall(html)]


@pytest.mark.django_db
def test_the_article_details_form_shows_the_date_the_browser_can_read(editor_client):
    article = ArticleFactory(published_on=datetime.date(2026, 11, 30))
    page = editor_client.get(reverse("claims:article_edit", args=[article.pk])).content.decode()
    assert _values(page) == ["2026-11-30"]


@pytest.mark.django_db
def test_saving_the_details_form_as_shown_keeps_the_date(editor_client):
    article = ArticleFactory(published_on=datetime.date(2026, 11, 30))
    page = editor_client.get(reverse("claims:article_edit", args=[article.pk])).content.decode()
    # The browser's value sanitisation: a date box's value that is not yyyy-mm-dd becomes empty.
    shown = _values(page)[0] if re.fullmatch(r"\d{4}-\d{2}-\d{2}", _values(page)[0]) else ""
    editor_client.post(
        reverse("claims:article_edit", args=[article.pk]),
        {"topic": article.topic_id or "", "outlet": article.outlet_id or "", "published_on": shown},
    )
    assert Article.objects.get(pk=article.pk).published_on == datetime.date(2026, 11, 30)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", [reverse("claims:report") + "?published_from=2026-11-01&published_to=2026-11-30", reverse("claims:article_import")]
)
def test_every_other_date_box_is_iso_too(editor_client, url):
    page = editor_client.get(url).content.decode()
    assert DATE_BOXES.findall(page), "the page has date boxes"
    assert all(value == "" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) for value in _values(page))
