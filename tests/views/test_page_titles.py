"""Every page's <title> is plain text: a guard against template blocks closed in the wrong place."""
import re

import pytest
from django.urls import reverse

from ..factories import ArticleFactory, ClaimFactory


@pytest.mark.django_db
def test_titles_hold_no_markup(editor_client):
    article = ArticleFactory()
    claim = ClaimFactory(article=article)
    for url in [reverse("claims:queue"), reverse("claims:articles"), reverse("claims:article_import"), article.get_absolute_url(),
                claim.get_absolute_url(), reverse("claims:imports"), reverse("claims:import_new")]:
        page = editor_client.get(url).content.decode()
        [title] = re.findall(r"<title>(.*?)</title>", page, re.S)
        assert "<" not in title and title.endswith("· Fact-checking workbench"), (url, title[:80])


@pytest.mark.django_db
def test_in_debug_mode_a_refused_form_is_swapped_in_not_shown_as_a_whole_error_page(client, reviewer, settings):
    """`make run` serves with DEBUG on: no debug helper may take over 4xx answers the pages swap in."""
    settings.DEBUG = True
    client.force_login(reviewer)
    page = client.get("/").content.decode()
    assert "htmx-2.min.js" in page and "django-htmx.js" not in page
