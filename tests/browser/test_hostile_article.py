"""An imported page that attacks its readers: nothing in it runs on any page a newsroom opens."""
import pytest
from django.urls import reverse

from claims.models import Article, ImportItem
from claims.services import imports

from ..factories import UserFactory

# serialized_rollback like every browser story: a flush without it re-creates content types that the
# next serialized story then fails to restore (UNIQUE constraint on django_content_type).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
SPELLED_OUT = '<img src=x onerror="window.pwned=1">'


def test_scripts_handlers_and_spelled_out_markup_stay_inert_everywhere(sign_in, live_server, pages):
    editor = UserFactory(username="edith", role="Editor")
    job = imports.import_links(urls=[pages.url("/hostile")], user=editor)
    imports.process_items([item.pk for item in ImportItem.objects.filter(job=job)])  # no-op where eager
    article = Article.objects.get()
    claims = list(article.claims.filter(check_worthy=True))
    assert SPELLED_OUT in article.title and any(SPELLED_OUT in c.text + c.speaker for c in claims)

    page = sign_in("edith")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    seen = [
        reverse("claims:import_job", args=[job.pk]),
        reverse("claims:imports"),
        reverse("claims:articles"),
        reverse("claims:article", args=[article.pk]),
        reverse("claims:queue"),
        *(reverse("claims:claim", args=[c.pk]) for c in claims),
        reverse("claims:report") + f"?article={article.pk}",
    ]
    for path in seen:
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.pwned") is None, path
        # The spelled-out markup is on the page as text: escaped, not dropped.
        assert page.get_by_text(SPELLED_OUT, exact=False).count() > 0 or path == reverse("claims:imports"), path
    assert dialogs == []
