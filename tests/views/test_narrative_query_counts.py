"""Known narratives cost each page a fixed number of queries, however many narratives, examples,
debunking verdicts and repeating claims there are."""
import pytest
from django.urls import reverse
from django.utils import timezone

from claims.models import NarrativeMatch
from claims.services import narratives
from claims.services.narrative_matching import refresh_narrative_marks
from claims.workflow import ReviewState

from ..factories import ClaimFactory, UserFactory, VerdictFactory
from .test_query_counts import _queries


@pytest.fixture
def desk(db):
    """Adds narratives, each with two examples, a debunking verdict and claims repeating it."""
    editor = UserFactory(role="Editor")
    claim = ClaimFactory()
    made = []

    def add(n):
        for _ in range(n):
            number = len(made) + 1
            narrative = narratives.record_narrative(
                name=f"Narrative {number}", summary="Invented.", user=editor,
                examples=(f"Turbines killed {number} thousand birds in Norland.", f"Masts in town {number} made pupils ill."),
            )
            verdict = VerdictFactory(claim=ClaimFactory(state=ReviewState.PUBLISHED), published_at=timezone.now())
            narratives.attach_debunk(narrative=narrative, verdict=verdict, user=editor)
            for example in narrative.examples.all():
                # The debunked claim repeats it too: the report counts its checked claims.
                for repeating in (claim, verdict.claim, *ClaimFactory.create_batch(2)):
                    NarrativeMatch.objects.create(claim=repeating, example=example, narrative=narrative, score=0.8)
            refresh_narrative_marks(NarrativeMatch.objects.values("claim_id"))  # as storing matches does
            made.append(narrative)
        return made[0]

    add.claim = claim
    return add


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?narrative=any", "?narrative=FIRST"])
def test_the_queue_with_narrative_flags_stays_constant(reviewer_client, desk, query):
    first = desk(1)
    url = reverse("claims:queue") + query.replace("FIRST", str(first.pk))
    few = _queries(reviewer_client, url)
    desk(6)
    assert _queries(reviewer_client, url) == few
    shown = {row.pk for row in reviewer_client.get(url).context["page"].claims}
    assert desk.claim.pk in shown  # the filter lets the repeating claim through


@pytest.mark.django_db
def test_the_claim_page_with_known_narratives_stays_constant(reviewer_client, desk):
    desk(1)
    few = _queries(reviewer_client, desk.claim.get_absolute_url())
    desk(6)
    assert _queries(reviewer_client, desk.claim.get_absolute_url()) == few


@pytest.mark.django_db
def test_the_narrative_list_stays_constant(reviewer_client, desk):
    desk(1)
    few = _queries(reviewer_client, reverse("claims:narratives"))
    desk(8)
    assert _queries(reviewer_client, reverse("claims:narratives")) == few


@pytest.mark.django_db
def test_a_narratives_page_stays_constant_with_its_examples_verdicts_and_claims(editor_client, desk):
    narrative = desk(1)
    editor = narrative.recorded_by
    few = _queries(editor_client, narrative.get_absolute_url())
    for n in range(5):
        narratives.add_example(narrative=narrative, user=editor, text=f"Wind farms killed {n} eagles in Sudmark.")
        verdict = VerdictFactory(claim=ClaimFactory(state=ReviewState.PUBLISHED), published_at=timezone.now())
        narratives.attach_debunk(narrative=narrative, verdict=verdict, user=editor)
    example = narrative.examples.first()
    for claim in ClaimFactory.create_batch(10):
        NarrativeMatch.objects.create(claim=claim, example=example, narrative=narrative, score=0.7)
    assert _queries(editor_client, narrative.get_absolute_url()) == few


@pytest.mark.django_db
def test_the_report_with_narrative_counts_stays_constant(editor_client, desk):
    desk(1)
    few = _queries(editor_client, reverse("claims:report"))
    desk(6)
    assert _queries(editor_client, reverse("claims:report")) == few
