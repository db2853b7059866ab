"""The demo a newcomer gets from `make run`: besides articles to review, one claim the desk has
already checked and the narrative it belongs to, so "Checked before?", the queue's marks and the
public pages show something on a first run; loading it twice changes nothing."""
import pytest

from claims.demo.articles import CHECKED, KHARKIV_REPEAT, NARRATIVE
from claims.models import Article, Claim, Narrative, NarrativeMatch, Verdict
from claims.services.demo import load_demo
from claims.workflow import ReviewState


# The demo imports its articles as a newsroom does: the split and the matching run when the
# import commits, so these tests commit.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo():
    load_demo()


def _checked():
    return Claim.objects.get(article__url=CHECKED["article"], text__contains=CHECKED["claim_contains"])


def test_the_demo_desk_has_published_one_verdict_with_four_eyes(demo):
    claim = _checked()
    assert claim.state == ReviewState.PUBLISHED
    verdict = Verdict.objects.get()
    assert verdict.claim == claim and verdict.rating == CHECKED["rating"]
    assert verdict.reviewer.username == "reviewer" and verdict.approver.username == "editor"
    assert claim.evidence.get().stance == "refutes"


def test_the_later_article_repeats_the_checked_claim_and_is_marked(demo):
    repeat = Claim.objects.filter(article__url=KHARKIV_REPEAT["url"], matches_published=True)
    assert repeat.exists()
    narrative = Narrative.objects.get(name=NARRATIVE["name"])
    assert list(narrative.debunks.values_list("verdict__claim", flat=True)) == [_checked().pk]
    assert NarrativeMatch.objects.filter(narrative=narrative, claim__in=repeat).exists()


def test_loading_the_demo_twice_changes_nothing(demo):
    counts = (Article.objects.count(), Claim.objects.count(), Verdict.objects.count(), Narrative.objects.count())
    load_demo()
    assert (Article.objects.count(), Claim.objects.count(), Verdict.objects.count(), Narrative.objects.count()) == counts
