"""A claim's speaker or side corrected by hand: the article's disputes are read again.

From the new user's trial: an article set Norland's "we captured Ulm" against Sudmark's "Ulm
remained under our control". A reviewer saw that the second was Norland's too and corrected its
side; the claim page, the article page and the report still said "Norland and Sudmark disagree"
between the two. And a claim the engine gave no side, corrected to Sudmark, disputed nothing.
"""
import pytest
from django.urls import reverse

from claims.models import Claim, Dispute
from claims.services import reviews
from claims.services.disputes import refresh_disputes

from ..border_war import split_border_war_article
from ..factories import UserFactory
from ..services.test_published_marks import _admin_form  # the admin change form as the page posts it

SAY_BOTH_SIDES = (
    "Norlandic commanders said their troops had captured Ulm on Sunday.\n\n"
    "Sudmarkian officials said Ulm remained under Sudmarkian control.\n\n"
    "Who controls the bridge?"
)
# The town's mayor names no side the engine knows.
SAYS_THE_MAYOR = SAY_BOTH_SIDES.replace("Sudmarkian officials", "The town's mayor")
DISAGREE = "Norland and Sudmark disagree"


def split(body: str):
    article = split_border_war_article(body)
    captured = article.claims.get(text__contains="captured Ulm")
    held = article.claims.get(text__contains="remained under")
    return article, captured, held


def correct_side(client, claim: Claim, side_name: str):
    side = claim.article.topic.sides.get(name=side_name)
    return client.post(
        reverse("claims:claim_correct", args=[claim.pk]),
        {"speaker": claim.speaker, "side": side.pk, "kind": claim.kind, "version": claim.version},
    )


def disputed(*claims: Claim) -> list[bool]:
    return [Claim.objects.get(pk=c.pk).has_dispute for c in claims]


@pytest.mark.django_db
def test_correcting_a_claim_to_the_same_side_ends_its_dispute_on_every_page(client, reviewer, editor):
    article, captured, held = split(SAY_BOTH_SIDES)
    reviews.submit_verdict(claim=captured, reviewer=reviewer, rating="false", rationale="The garrison is still there.")
    reviews.approve_and_publish(claim=captured, editor=editor)
    assert pages_saying_they_disagree(client, editor, article, held) == ["claim", "article", "report"]
    assert disputed(captured, held) == [True, True]

    client.force_login(reviewer)
    assert correct_side(client, held, "Norland").status_code == 302

    assert pages_saying_they_disagree(client, editor, article, held) == []
    assert (Dispute.objects.count(), disputed(captured, held)) == (0, [False, False])


def pages_saying_they_disagree(client, editor, article, claim) -> list[str]:
    """Where the pair is still shown as a dispute: the claim page and the article page give the
    engine's reason; the report's "Competing claims" table sets the two claims side by side."""
    client.force_login(editor)
    shown = []
    for name in ("claim", "article"):
        url = claim.get_absolute_url() if name == "claim" else reverse("claims:article", args=[article.pk])
        if DISAGREE in client.get(url).content.decode():
            shown.append(name)
    report = client.get(reverse("claims:report"), {"article": article.pk}).content.decode()
    if claim.text in report.split('<section class="competing">', 1)[1].split("</section>", 1)[0]:
        shown.append("report")
    return shown


@pytest.mark.django_db
def test_correcting_a_claim_with_no_side_to_the_other_side_finds_its_dispute(reviewer_client):
    article, captured, held = split(SAYS_THE_MAYOR)
    assert (held.side, Dispute.objects.count()) == (None, 0)

    assert correct_side(reviewer_client, held, "Sudmark").status_code == 302

    dispute = Dispute.objects.get()
    assert {dispute.first_id, dispute.second_id} == {captured.pk, held.pk} and DISAGREE in dispute.reason
    assert disputed(captured, held) == [True, True]
    assert DISAGREE in reviewer_client.get(captured.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_the_admin_correcting_a_side_ends_the_dispute_too(client):
    article, captured, held = split(SAY_BOTH_SIDES)
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    url = reverse("admin:claims_claim_change", args=[held.pk])
    changed = {"side": article.topic.sides.get(name="Norland").pk}
    response = client.post(url, {**_admin_form(client, url), **changed})
    assert (response.status_code, Dispute.objects.count(), disputed(captured, held)) == (302, 0, [False, False])


@pytest.mark.django_db
def test_reading_the_disputes_again_without_a_correction_changes_nothing(db):
    article, captured, held = split(SAY_BOTH_SIDES)
    before = list(Dispute.objects.values_list("pk", "first_id", "second_id", "reason"))
    refresh_disputes(article.pk)
    assert list(Dispute.objects.values_list("pk", "first_id", "second_id", "reason")) == before


@pytest.mark.django_db
def test_a_claim_added_by_hand_finds_the_dispute_the_engine_would_have(reviewer):
    """The engine missed Sudmark's claim (here: it was removed); a reviewer adds it with its side."""
    article, captured, held = split(SAY_BOTH_SIDES)
    text, start = held.text, held.start
    held.delete()
    Dispute.objects.all().delete()
    from claims.services.claims import add_claim_by_hand

    added = add_claim_by_hand(article=article, text=text, start=start, added_by=reviewer,
                              speaker="Sudmarkian officials", side=article.topic.sides.get(name="Sudmark"))
    assert disputed(captured, added) == [True, True]
    assert Dispute.objects.filter(first__in=[captured, added], second__in=[captured, added]).count() == 1

