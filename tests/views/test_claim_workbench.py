"""The claim page as a reviewer uses it: corrections, evidence, comments, history, reshaping."""
import pytest
from django.urls import reverse

from claims.models import Claim, Comment, Dispute, Evidence

from ..factories import ArticleFactory, ClaimFactory, EvidenceFactory, SideFactory, SourceFactory

HTMX = {"HX-Request": "true"}


@pytest.fixture
def claim(db):
    return ClaimFactory(speaker="officials")


def test_reviewer_corrects_speaker_side_and_kind_and_history_shows_who(reviewer_client, reviewer, claim):
    side = SideFactory(topic=claim.article.topic, name="Sudmark")
    source = SourceFactory(name="Sudmark Army", side=side)
    response = reviewer_client.post(
        reverse("claims:claim_correct", args=[claim.pk]),
        {"speaker": "army spokesman", "source": source.pk, "side": side.pk, "kind": "direct_quote", "version": claim.version},
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.speaker, claim.source, claim.side, claim.kind) == ("army spokesman", source, side, "direct_quote")
    page = reviewer_client.get(claim.get_absolute_url()).content.decode()
    assert "rita" in page and "Speaker: officials → army spokesman" in page


def test_a_side_from_another_topic_cannot_be_set(reviewer_client, claim):
    from ..factories import TopicFactory

    foreign = SideFactory(topic=TopicFactory(name="Other story"), name="Them")
    response = reviewer_client.post(
        reverse("claims:claim_correct", args=[claim.pk]), {"speaker": "x", "side": foreign.pk, "kind": "narration"}, headers=HTMX
    )
    assert response.status_code == 400 and Claim.objects.get(pk=claim.pk).side_id != foreign.pk


@pytest.mark.parametrize("typed", ["army\u200bspokesman", "army\nspokesman", "\ufeffarmy spokesman", "army \u202espokesman\u202c"])
def test_a_speaker_typed_with_hidden_characters_is_refused_and_nothing_is_saved(reviewer_client, claim, typed):
    response = reviewer_client.post(
        reverse("claims:claim_correct", args=[claim.pk]), {"speaker": typed, "kind": "narration", "version": claim.version},
        headers=HTMX,
    )
    assert response.status_code == 400
    assert Claim.objects.get(pk=claim.pk).speaker == "officials"


def test_a_published_claim_cannot_be_corrected(reviewer_client, db):
    claim = ClaimFactory(state="published")
    response = reviewer_client.post(reverse("claims:claim_correct", args=[claim.pk]), {"speaker": "x", "kind": "narration"})
    assert response.status_code == 403


def test_reviewer_edits_evidence_inline(reviewer_client, reviewer, claim):
    item = EvidenceFactory(claim=claim, added_by=reviewer, url="https://old.example/a")
    form = reviewer_client.get(reverse("claims:evidence_edit", args=[item.pk]), headers=HTMX)
    assert 'value="https://old.example/a"' in form.content.decode() and "<html" not in form.content.decode()
    response = reviewer_client.post(
        reverse("claims:evidence_edit", args=[item.pk]),
        {"url": "https://new.example/b", "stance": "supports", "version": claim.version}, headers=HTMX,
    )
    assert response.status_code == 200
    item.refresh_from_db()
    assert (item.url, item.stance) == ("https://new.example/b", "supports")


def test_evidence_edit_with_a_non_http_url_is_refused(reviewer_client, reviewer, claim):
    item = EvidenceFactory(claim=claim, added_by=reviewer)
    response = reviewer_client.post(reverse("claims:evidence_edit", args=[item.pk]), {"url": "javascript:alert(1)", "stance": "context"}, headers=HTMX)
    assert response.status_code == 400
    item.refresh_from_db()
    assert item.url == "https://evidence.example/report"


def test_reviewer_removes_evidence(reviewer_client, reviewer, claim):
    item = EvidenceFactory(claim=claim, added_by=reviewer)
    response = reviewer_client.post(reverse("claims:evidence_remove", args=[item.pk]), {"version": claim.version}, headers=HTMX)
    assert response.status_code == 200 and not Evidence.objects.exists()


def test_evidence_on_another_reviewers_claim_cannot_be_touched(reviewer_client, other_reviewer, db):
    claim = ClaimFactory(state="in_review", assignee=other_reviewer)
    item = EvidenceFactory(claim=claim, added_by=other_reviewer)
    assert reviewer_client.post(reverse("claims:evidence_remove", args=[item.pk])).status_code == 403
    assert Evidence.objects.exists()


def test_unknown_evidence_is_a_404(reviewer_client, db):
    assert reviewer_client.post(reverse("claims:evidence_remove", args=[999])).status_code == 404


def test_reviewers_discuss_a_claim(reviewer_client, claim):
    response = reviewer_client.post(reverse("claims:claim_comment", args=[claim.pk]), {"body": "Check the port logs too."}, headers=HTMX)
    assert response.status_code == 200 and "Check the port logs too." in response.content.decode()
    assert Comment.objects.get().author.username == "rita"


def test_an_empty_comment_is_refused(reviewer_client, claim):
    response = reviewer_client.post(reverse("claims:claim_comment", args=[claim.pk]), {"body": "   "}, headers=HTMX)
    assert response.status_code == 400 and not Comment.objects.exists()


def test_history_updates_after_an_action(reviewer_client, claim):
    reviewer_client.post(reverse("claims:claim_start", args=[claim.pk]))
    part = reviewer_client.get(claim.get_absolute_url() + "?part=history", headers=HTMX).content.decode()
    assert part.lstrip().startswith('<section id="history"') and "State: New → In review" in part


def test_a_claim_that_says_two_things_is_split(reviewer_client, db):
    article = ArticleFactory(body="The dam held overnight, and the river fell by two metres.")
    claim = ClaimFactory(article=article, text=article.body, start=0, end=len(article.body))
    at = article.body.index(", and")
    response = reviewer_client.post(reverse("claims:claim_split", args=[claim.pk]), {"at": at, "version": claim.version})
    assert response.status_code == 302
    assert sorted(article.claims.values_list("text", flat=True)) == ["The dam held overnight", "and the river fell by two metres."]


def test_a_split_outside_the_claim_is_refused(reviewer_client, claim):
    response = reviewer_client.post(reverse("claims:claim_split", args=[claim.pk]), {"at": claim.end + 50}, headers=HTMX)
    assert response.status_code == 400 and Claim.objects.count() == 1


def test_two_halves_are_merged_and_keep_their_disputes(reviewer_client, db):
    article = ArticleFactory(body="The dam held overnight, and the river fell by two metres.")
    first = ClaimFactory(article=article, text="The dam held overnight", start=0, end=22)
    second = ClaimFactory(article=article, text="and the river fell by two metres.", start=24, end=len(article.body))
    rival = ClaimFactory()
    Dispute.objects.create(first=second, second=rival, reason="river levels")
    response = reviewer_client.post(reverse("claims:claim_merge", args=[first.pk]), {"other": second.pk, "version": first.version})
    assert response.status_code == 302
    merged = Claim.objects.get(pk=first.pk)
    assert merged.text == article.body and merged.has_dispute
    assert not Claim.objects.filter(pk=second.pk).exists()
    assert Dispute.objects.get().first_id == merged.pk


def test_claims_of_different_articles_cannot_be_merged(reviewer_client, claim, db):
    other = ClaimFactory()
    response = reviewer_client.post(reverse("claims:claim_merge", args=[claim.pk]), {"other": other.pk}, headers=HTMX)
    assert response.status_code == 400 and Claim.objects.count() == 2


def test_a_claim_merged_with_itself_is_refused_and_kept(reviewer_client, claim):
    response = reviewer_client.post(reverse("claims:claim_merge", args=[claim.pk]), {"other": claim.pk}, headers=HTMX)
    assert response.status_code == 400 and "cannot be merged with itself" in response.content.decode()
    assert Claim.objects.get(pk=claim.pk).text == claim.text


def test_a_claim_is_marked_a_duplicate_of_another(reviewer_client, claim, db):
    original = ClaimFactory()
    response = reviewer_client.post(reverse("claims:claim_duplicate", args=[claim.pk]), {"original": original.pk})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.state, claim.duplicate_of) == ("dismissed", original)


def test_duplicate_of_an_unknown_claim_is_a_400(reviewer_client, claim):
    response = reviewer_client.post(reverse("claims:claim_duplicate", args=[claim.pk]), {"original": 999999}, headers=HTMX)
    assert response.status_code == 400 and "no claim number 999999" in response.content.decode()


def test_the_competing_claim_is_shown_side_by_side(reviewer_client, db):
    claim = ClaimFactory(text="Troops captured Ulm")
    rival = ClaimFactory(text="Ulm remains under our control", speaker="Sudmark army")
    Dispute.objects.create(first=claim, second=rival, reason="Norland and Sudmark disagree about: ulm")
    page = reviewer_client.get(claim.get_absolute_url()).content.decode()
    assert "The other side says" in page and "Ulm remains under our control" in page and "disagree about: ulm" in page


def test_reviewer_selects_text_to_add_a_claim_at_the_right_place(reviewer_client, db):
    article = ArticleFactory(body="Ulm fell. Ulm fell again on Monday.")
    second = article.body.index("Ulm fell again")
    reviewer_client.post(reverse("claims:article_add_claim", args=[article.pk]), {"text": "Ulm fell", "start": second})
    assert Claim.objects.get().start == second
