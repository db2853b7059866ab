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
