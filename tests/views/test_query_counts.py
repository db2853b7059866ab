"""List pages run the same number of SQL queries whatever the number of rows."""
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import Claim, ClaimMatch, NarrativeMatch
from claims.selectors.menus import queue_menus
from claims.selectors.queue import PAGE_SIZE, SORTS, QueueFilter
from claims.services import narratives, reviews
from claims.services.matching import refresh_published_marks
from claims.services.narrative_matching import refresh_narrative_marks

from ..factories import ArticleFactory, ClaimFactory, EvidenceFactory, VerdictFactory


def _queries(client, url):
    # The queue's filter menus are read once after one of their records changes and kept
    # (selectors.menus, tests/views/test_queue_menus.py): what is counted here is what every
    # request costs, with the menus as they are kept between requests.
    queue_menus()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        assert response.status_code == 200
        if response.streaming:  # a streamed export runs its queries as it is read
            b"".join(response.streaming_content)
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_queue_queries_do_not_grow_with_claims(reviewer_client, reviewer):
    ClaimFactory.create_batch(2, assignee=reviewer, state="in_review")
    few = _queries(reviewer_client, reverse("claims:queue"))
    ClaimFactory.create_batch(25, assignee=reviewer, state="in_review")
    VerdictFactory.create_batch(5)
    assert _queries(reviewer_client, reverse("claims:queue")) == few


@pytest.mark.django_db
def test_article_list_queries_do_not_grow_with_articles(reviewer_client):
    ArticleFactory.create_batch(2)
    few = _queries(reviewer_client, reverse("claims:articles"))
    ArticleFactory.create_batch(25)
    assert _queries(reviewer_client, reverse("claims:articles")) == few


@pytest.mark.django_db
def test_claim_page_queries_do_not_grow_with_evidence_or_neighbours(reviewer_client):
    claim = ClaimFactory()
    EvidenceFactory(claim=claim)
    few = _queries(reviewer_client, claim.get_absolute_url())
    EvidenceFactory.create_batch(10, claim=claim)
    ClaimFactory.create_batch(10, article=claim.article)
    assert _queries(reviewer_client, claim.get_absolute_url()) == few


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "json", "claimreview"])
def test_export_queries_do_not_grow_with_verdicts(editor_client, editor, fmt):
    def publish(n):
        for verdict in VerdictFactory.create_batch(n):
            EvidenceFactory.create_batch(2, claim=verdict.claim)
            reviews.approve_and_publish(claim=verdict.claim, editor=editor)

    publish(2)
    few = _queries(editor_client, reverse("claims:export", args=[fmt]))
    publish(10)
    assert _queries(editor_client, reverse("claims:export", args=[fmt])) == few


@pytest.mark.django_db
def test_claim_page_queries_do_not_grow_with_its_history(reviewer_client, reviewer):
    from claims.services.claims import correct_claim

    from ..factories import SideFactory, SourceFactory

    claim = ClaimFactory()
    correct_claim(claim=claim, user=reviewer, speaker="a", source=None, side=None, kind="narration")
    few = _queries(reviewer_client, claim.get_absolute_url())
    for n in range(6):
        side = SideFactory(topic=claim.article.topic, name=f"Side {n}")
        correct_claim(claim=claim, user=reviewer, speaker=f"speaker {n}", source=SourceFactory(side=side), side=side, kind="narration")
    assert _queries(reviewer_client, claim.get_absolute_url()) == few


@pytest.mark.django_db
def test_article_page_queries_do_not_grow_with_its_claims(editor_client):
    from claims.models import Dispute

    article = ArticleFactory()

    def add(n):
        for _ in range(n):
            claim = ClaimFactory(article=article, side__name="North")
            other = ClaimFactory(article=article, side__name="South", has_dispute=True)
            VerdictFactory(claim=claim)
            Dispute.objects.create(first=claim, second=other, reason="figures differ")
        ClaimFactory(article=article, check_worthy=False)

    add(1)
    url = article.get_absolute_url() + "?state=&disputed=true&q=Article"
    few = _queries(editor_client, url)
    add(12)
    assert _queries(editor_client, url) == few
    assert _queries(editor_client, article.get_absolute_url()) == few


@pytest.mark.django_db
def test_public_list_queries_do_not_grow_with_fact_checks(client, editor):
    def publish(n):
        for verdict in VerdictFactory.create_batch(n):
            EvidenceFactory.create_batch(2, claim=verdict.claim, archived_url="https://archive.ph/AbCd1")
            reviews.approve_and_publish(claim=verdict.claim, editor=editor)

    publish(2)
    few = _queries(client, reverse("public:fact_checks"))
    publish(10)
    assert _queries(client, reverse("public:fact_checks")) == few


@pytest.mark.django_db
def test_public_page_queries_do_not_grow_with_evidence(client, editor):
    verdict = VerdictFactory()
    reviews.approve_and_publish(claim=verdict.claim, editor=editor)
    EvidenceFactory(claim=verdict.claim)
    few = _queries(client, reverse("public:fact_check", args=[verdict.pk]))
    EvidenceFactory.create_batch(10, claim=verdict.claim, archived_url="https://web.archive.org/web/20240305000000/x")
    assert _queries(client, reverse("public:fact_check", args=[verdict.pk])) == few


@pytest.mark.django_db
def test_queue_and_claim_page_queries_do_not_grow_with_matches(reviewer_client, editor):
    """The queue's "matches: False, 12 Oct" marks and the claim page's "Checked before?" read in one query each."""
    claim = ClaimFactory()

    def repeat_published(n):
        for _ in range(n):
            verdict = VerdictFactory()
            reviews.approve_and_publish(claim=verdict.claim, editor=editor)
            ClaimMatch.objects.create(claim=ClaimFactory(), earlier=verdict.claim, score=0.9, reason="same")
            ClaimMatch.objects.create(claim=ClaimFactory(), earlier=claim, score=0.8, reason="same")
        refresh_published_marks(Claim.objects.values_list("pk", flat=True))  # as storing matches does

    repeat_published(1)
    few_queue = _queries(reviewer_client, reverse("claims:queue"))
    few_page = _queries(reviewer_client, claim.get_absolute_url())
    repeat_published(8)
    assert _queries(reviewer_client, reverse("claims:queue")) == few_queue
    assert _queries(reviewer_client, reverse("claims:queue") + "?matches_verdict=yes") == few_queue
    assert _queries(reviewer_client, claim.get_absolute_url()) == few_page


def _every_queue_view(reviewer, claim, narrative):
    """Each filter and sort of the queue, with a value that lets claims like `claim` through."""
    article = claim.article
    views = [
        {}, {"state": "in_review"}, {"state": "published"}, {"assigned": "mine"}, {"assigned": "unassigned"},
        {"reviewer": reviewer.pk}, {"topic": article.topic_id}, {"side": claim.side_id}, {"source": claim.source_id},
        {"outlet": article.outlet_id}, {"article": article.pk}, {"min_worthiness": "0.5"}, {"disputed": "false"},
        {"matches_verdict": "yes"}, {"matches_verdict": "no"}, {"published_from": "2000-01-01"},
        {"published_to": "2100-01-01"}, {"undated": "yes"}, {"undated": "no"}, {"q": "bridge"}, {"narrative": "any"},
        {"narrative": narrative.pk},
    ]
    return views + [{"sort": key} for key in SORTS]


@pytest.mark.django_db
def test_every_queue_filter_and_sort_runs_a_fixed_number_of_queries(reviewer_client, reviewer, editor):
    """Whatever the filter, sort or page, the queue's queries do not grow with the claims it shows
    (counted with a few claims and with more than a page)."""
    published = VerdictFactory(claim__check_worthiness=0.3)
    reviews.approve_and_publish(claim=published.claim, editor=editor)
    claim = ClaimFactory(assignee=reviewer, state="in_review")
    narrative = narratives.record_narrative(name="Masts", summary="Invented.", user=editor, examples=("Masts made pupils ill.",))

    def add(n):
        for _ in range(n):
            one = ClaimFactory(article=claim.article, side=claim.side, source=claim.source, assignee=reviewer, state="in_review")
            ClaimMatch.objects.create(claim=one, earlier=published.claim, score=0.9, reason="same")
            NarrativeMatch.objects.create(claim=one, example=narrative.examples.get(), narrative=narrative, score=0.8)
        refresh_published_marks(Claim.objects.values_list("pk", flat=True))
        refresh_narrative_marks(Claim.objects.values_list("pk", flat=True))  # as storing the matches does

    add(2)
    views = _every_queue_view(reviewer, claim, narrative)
    assert set(QueueFilter.base_filters) <= {key for params in views for key in params}, "a filter is not counted here"
    urls = [reverse("claims:queue") + "?" + urlencode(params) for params in views]
    few = [_queries(reviewer_client, url) for url in urls]
    add(PAGE_SIZE + 5)
    assert [_queries(reviewer_client, url) for url in urls] == few
    after = reviewer_client.get(urls[1]).context["page"].next_cursor  # state=in_review: more than a page now
    assert after and _queries(reviewer_client, urls[1] + "&after=" + after) == few[1]
    for params in ({"narrative": "any"}, {"narrative": narrative.pk}):  # the narrative filters let the repeats through
        assert reviewer_client.get(reverse("claims:queue"), params).context["page"].next_cursor, params
