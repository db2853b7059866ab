"""Claims and articles written in bulk by a worker are the rows a one-by-one save would write."""
import pytest
from django.db import IntegrityError, transaction

from claims.models import Article, Claim, ClaimKind
from claims.selectors.queue import QueueFilter
from claims.services.bulk_insert import insert_new
from claims.workflow import ReviewState

from ..factories import ArticleFactory, SideFactory, SourceFactory


@pytest.mark.django_db
def test_bulk_claims_read_back_with_every_value_and_default():
    article = ArticleFactory(body="The port said the ferry will sail on 3 May. “Never,” the union said.")
    source, side = SourceFactory(name="Port authority"), SideFactory(name="Harbour")
    claims = [
        Claim(article=article, text="the ferry will sail on 3 May", start=14, end=42, speaker="The port",
              source=source, side=side, kind=ClaimKind.REPORTED_SPEECH, check_worthiness=0.8, loaded_terms=["sail"]),
        Claim(article=article, text="Never", start=45, end=50, speaker="", check_worthy=False,
              set_aside_reason="too short", check_worthiness=0.1),
    ]
    insert_new(Claim, claims)

    first, second = (Claim.objects.get(pk=claim.pk) for claim in claims)
    assert (first.source, first.side, first.kind, first.loaded_terms) == (source, side, ClaimKind.REPORTED_SPEECH, ["sail"])
    assert (first.state, first.version, first.has_dispute, first.check_worthy) == (ReviewState.NEW, 1, False, True)
    assert first.created_at is not None and first.updated_at is not None
    assert (second.source, second.side, second.loaded_terms, second.set_aside_reason) == (None, None, [], "too short")


@pytest.mark.django_db
def test_bulk_claims_can_be_saved_again_and_found_by_text_search():
    article = ArticleFactory(body="The council said the library reopens in June.")
    claim = Claim(article=article, text="the library reopens in June", start=17, end=44, speaker="The council")
    insert_new(Claim, [claim])

    claim.speaker = "The city council"
    claim.save()  # an update of the stored row, not a second insert
    assert Claim.objects.get().speaker == "The city council"
    found = QueueFilter({"q": "library"}, queryset=Claim.objects.all()).qs
    assert list(found) == [claim]


@pytest.mark.django_db
def test_a_bulk_article_that_repeats_a_saved_one_is_refused_whole():
    saved = ArticleFactory()
    twin = Article(title="Again", body=saved.body, content_hash=saved.content_hash)
    fresh = Article(title="New", body="The mayor said 12 buses ran.", content_hash="f" * 64)
    with pytest.raises(IntegrityError), transaction.atomic():
        insert_new(Article, [fresh, twin])
    assert Article.objects.count() == 1
