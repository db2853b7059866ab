"""The queue's new filters (known narrative, matches a published verdict) combined with the text
search and every sort, under hostile values: the page answers (200, the bad filter's error shown)
and never a 500, on SQLite and PostgreSQL."""
import pytest
from django.urls import reverse

from claims.models import NarrativeMatch
from claims.services import narratives

from ..factories import ClaimFactory, UserFactory

TEXTS = [
    "Velgrad & school | !(x) <-> y:* 'z' \\",
    "' OR 1=1 --",
    "\"unclosed",
    "-",
    "or or or",
    "the of and",
    "%_" * 100,
    "a" * 5_000,
    "word " * 10_000,
    "\u202eloohcs",
    "\u200b",
]


@pytest.fixture
def flagged(db):
    narrative = narratives.record_narrative(
        user=UserFactory(role="Editor"), name="Masts", summary="No.", examples=("The 5G masts in Lindholm make children sick.",)
    )
    claim = ClaimFactory(text="The 5G masts in Lindholm make children sick, parents say.")
    NarrativeMatch.objects.create(claim=claim, example=narrative.examples.get(), narrative=narrative, score=0.9)
    return narrative


@pytest.mark.django_db
@pytest.mark.parametrize("q", TEXTS)
@pytest.mark.parametrize("sort", ["worthiness", "newest", "article", "spread", "nonsense"])
def test_the_text_search_with_the_new_filters_never_fails(reviewer_client, flagged, q, sort):
    for extra in ({"narrative": "any"}, {"narrative": str(flagged.pk), "matches_verdict": "yes"}, {"matches_verdict": "no"}):
        response = reviewer_client.get(reverse("claims:queue"), {"q": q, "sort": sort, **extra})
        assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("query", [
    "q=%00", "q=%ED%A0%80", "q=%FF", "narrative=%00", "narrative=%ED%A0%80", "matches_verdict=%FF",
    "narrative=any&narrative=" + "9" * 30, "narrative=" + "٣", "after=%00&narrative=any", "narrative[]=any",
])
def test_broken_bytes_in_the_new_filters_are_answered(reviewer_client, flagged, query):
    response = reviewer_client.get(reverse("claims:queue") + "?" + query)
    assert response.status_code == 200


@pytest.mark.django_db
def test_the_htmx_parts_of_the_queue_take_the_same_values(reviewer_client, flagged):
    for part in ("tabs", "rows", ""):
        response = reviewer_client.get(
            reverse("claims:queue"), {"narrative": "any", "q": "' | !", "part": part}, headers={"HX-Request": "true"}
        )
        assert response.status_code == 200
