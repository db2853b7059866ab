"""The import task stores what the engine finds: claims, speakers, sides, disputes, flags."""
import pytest

from claims.models import ArticleState, Claim, Dispute
from claims.services.splitting import split_article
from claims.services.claims import add_claim_by_hand
from claims.workflow import ReviewState

from ..factories import ArticleFactory, SideFactory, SourceFactory, TopicFactory, VerdictFactory

BODY = (
    "Norlandic commanders said their troops had captured Ulm on Sunday.\n\n"
    "Sudmarkian officials said Ulm remained under Sudmarkian control.\n\n"
    "Who controls the bridge?"
)


@pytest.fixture
def article(db):
    topic = TopicFactory(name="Border war", loaded_terms="occupiers")
    SideFactory(topic=topic, name="Norland", cues="Norland, Norlandic")
    SideFactory(topic=topic, name="Sudmark", cues="Sudmark, Sudmarkian")
    return ArticleFactory(topic=topic, body=BODY, state=ArticleState.QUEUED)


def test_claims_are_stored_with_speaker_side_and_offsets(article):
    split_article(article.pk)
    captured = article.claims.get(text__contains="captured Ulm")
    assert (captured.speaker, captured.side.name, captured.kind) == ("Norlandic commanders", "Norland", "reported_speech")
    assert article.body[captured.start : captured.end] == captured.text


def test_set_aside_spans_are_stored_but_kept_out_of_the_queue(article):
    split_article(article.pk)
    question = article.claims.get(text__startswith="Who controls")
    assert (question.check_worthy, question.set_aside_reason) == (False, "question")


def test_disputes_are_stored_between_the_two_claims(article):
    split_article(article.pk)
    dispute = Dispute.objects.get()
    assert {dispute.first.side.name, dispute.second.side.name} == {"Norland", "Sudmark"}
    assert "disagree" in dispute.reason


def test_registry_sources_are_linked(article):
    source = SourceFactory(name="Norlandic Army", aliases="Norlandic commanders", side=article.topic.sides.get(name="Norland"))
    split_article(article.pk)
    assert article.claims.get(text__contains="captured Ulm").source == source


def test_rerunning_keeps_claims_with_a_verdict_and_relinks_their_disputes(article):
    split_article(article.pk)
    reviewed = article.claims.get(text__contains="captured Ulm")
    VerdictFactory(claim=reviewed)
    Claim.objects.filter(pk=reviewed.pk).update(state=ReviewState.AWAITING_APPROVAL)
    split_article(article.pk)
    assert Claim.objects.filter(pk=reviewed.pk).exists()
    assert article.claims.filter(text__contains="captured Ulm").count() == 1
    dispute = Dispute.objects.get()
    assert reviewed.pk in (dispute.first_id, dispute.second_id)


def test_rerunning_keeps_claims_added_by_hand(article, reviewer):
    split_article(article.pk)
    manual = add_claim_by_hand(article=article, text="Who controls the bridge", added_by=reviewer)
    split_article(article.pk)
    assert Claim.objects.filter(pk=manual.pk).exists()


def test_an_article_in_an_unsupported_language_is_kept_and_marked(db):
    article = ArticleFactory(body="El ministerio dijo que las tropas habían entrado en la ciudad el domingo.", state="queued")
    split_article(article.pk)
    article.refresh_from_db()
    assert article.state == ArticleState.NOT_SPLIT
    assert "This article is in Spanish" in article.error
    assert article.language == "es" and not article.claims.exists()


def test_each_split_claim_starts_its_history_as_added_by_extraction(article):
    split_article(article.pk)
    claim = article.claims.get(text__contains="captured Ulm")
    [record] = claim.history.all()
    assert record.history_type == "+" and record.history_user is None
    assert (record.text, record.speaker, record.side_id, record.article_id) == (claim.text, claim.speaker, claim.side_id, article.pk)
    # The next change is told apart from that first row, as for any claim.
    claim.state = ReviewState.IN_REVIEW
    claim.save()
    assert claim.history.first().diff_against(claim.history.last()).changed_fields == ["state"]


def test_articles_split_together_each_get_their_own_claims_and_disputes(db, article):
    from claims.services.splitting import split_articles

    other = ArticleFactory(topic=article.topic, body=BODY.replace("Ulm", "Rost"), state=ArticleState.QUEUED)
    split_articles([article.pk, other.pk])
    for each, town in ((article, "Ulm"), (other, "Rost")):
        each.refresh_from_db()
        assert each.state == ArticleState.READY
        assert all(town in c.text for c in each.claims.filter(check_worthy=True))
        assert Dispute.objects.filter(first__article=each, second__article=each).count() == 1


def test_a_reviewed_claim_takes_the_side_of_the_article_s_new_topic(article):
    split_article(article.pk)
    reviewed = article.claims.get(text__contains="captured Ulm")
    VerdictFactory(claim=reviewed)
    Claim.objects.filter(pk=reviewed.pk).update(state=ReviewState.AWAITING_APPROVAL)
    retold = TopicFactory(name="Ulm, retold")
    north = SideFactory(topic=retold, name="The north", cues="Norlandic")
    article.topic = retold
    article.save(update_fields=["topic"])
    split_article(article.pk)
    reviewed = Claim.objects.get(pk=reviewed.pk)
    assert (reviewed.side, reviewed.state) == (north, ReviewState.AWAITING_APPROVAL)


def test_a_reviewed_claim_keeps_a_side_its_reviewer_chose_in_the_same_topic(article):
    split_article(article.pk)
    reviewed = article.claims.get(text__contains="captured Ulm")
    sudmark = article.topic.sides.get(name="Sudmark")
    Claim.objects.filter(pk=reviewed.pk).update(state=ReviewState.IN_REVIEW, side=sudmark)
    split_article(article.pk)
    assert Claim.objects.get(pk=reviewed.pk).side == sudmark
