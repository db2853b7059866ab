"""A speaker's name is put in front of a claim that starts with its reporting verb (claims.
presentation). The name comes from the article, so from whoever wrote it: it must stay escaped
everywhere the claim is listed, and it must not reach into the claim's words. A bidirectional
override (U+202E RIGHT-TO-LEFT OVERRIDE) in the name, never closed, would make the browser draw the
claim that follows it backwards in the same line: the reviewer would read words that are not
the article's ("Trojan Source" for news)."""
import pytest
from django.test import Client
from django.urls import reverse

from claims.services import reviews

from ..factories import VerdictFactory

TEXT = "said the bridge over the river was destroyed on Monday."


@pytest.fixture
def published(db, editor):
    verdict = VerdictFactory(claim__text=TEXT, claim__speaker="Port \u202eauthority", claim__source=None)
    reviews.approve_and_publish(claim=verdict.claim, editor=editor)
    return verdict


def _pages(editor, verdict):
    workbench = Client()
    workbench.force_login(editor)
    claim = verdict.claim
    return {
        "queue": workbench.get(reverse("claims:queue") + "?state=published"),
        "article": workbench.get(reverse("claims:article", args=[claim.article_id])),
        "claim": workbench.get(reverse("claims:claim", args=[claim.pk])),
        "report": workbench.get(reverse("claims:report")),
        "public list": Client().get(reverse("public:fact_checks")),
    }


def test_a_bidi_override_in_a_speaker_name_does_not_reach_the_claim_it_heads(editor, published):
    for name, response in _pages(editor, published).items():
        page = response.content.decode()
        assert response.status_code == 200, name
        # In front of the claim the name is there without the override (a page may still show the
        # name as stored in a cell of its own, where the override reaches no further than the cell).
        assert "Port authority</span> said the bridge" in page or "Port authority “said the bridge" in page, name
        assert "\u202eauthority</span>" not in page and "\u202eauthority “" not in page, name


def test_markup_in_a_speaker_name_is_shown_never_run(editor, db):
    verdict = VerdictFactory(claim__text=TEXT, claim__speaker='<img src=x onerror="alert(1)">', claim__source=None)
    reviews.approve_and_publish(claim=verdict.claim, editor=editor)
    for name, response in _pages(editor, verdict).items():
        page = response.content.decode()
        assert "<img src=x" not in page, name
        assert "&lt;img src=x" in page, name
