"""Deleting one claim of a dispute: its partner is no longer disputed, whatever deleted it.

The dispute's row goes with the claim (a cascade), but the other claim kept its stored "has a
dispute" flag, so the queue's "Has a dispute" filter and its mark still showed it as disputed,
with nothing on its page to say by whom. The flag is kept by services.disputes; the deletion
(services.deletions, which sees every deletion) has it read again for the partners."""
import pytest
from django.urls import reverse

from claims.models import Article, Claim, Dispute

from ..border_war import split_border_war_article
from ..factories import ArticleFactory, ClaimFactory, UserFactory

BODY = (
    "Norlandic commanders said their troops had captured Ulm on Sunday.\n\n"
    "Sudmarkian officials said Ulm remained under Sudmarkian control."
)


@pytest.fixture
def pair(db):
    """The article's two claims in a dispute, as the split stored it."""
    article = split_border_war_article(BODY)
    captured = article.claims.get(text__contains="captured Ulm")
    held = article.claims.get(text__contains="remained under")
    assert Dispute.objects.count() == 1 and captured.has_dispute and held.has_dispute
    return captured, held


def disputed(claim) -> bool:
    return Claim.objects.get(pk=claim.pk).has_dispute


@pytest.mark.parametrize("how", ["instance", "queryset"])
def test_deleting_one_claim_of_a_dispute_unflags_the_other(pair, how):
    captured, held = pair
    {
        "instance": lambda: Claim.objects.get(pk=captured.pk).delete(),
        "queryset": lambda: Claim.objects.filter(pk=captured.pk).delete(),
    }[how]()
    assert (Dispute.objects.count(), disputed(held)) == (0, False)


def test_the_admin_deleting_one_claim_of_a_dispute_unflags_the_other(pair, client):
    captured, held = pair
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    response = client.post(reverse("admin:claims_claim_delete", args=[captured.pk]), {"post": "yes"})
    assert (response.status_code, disputed(held)) == (302, False)


def test_the_admin_bulk_delete_unflags_the_partners(pair, client):
    captured, held = pair
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    response = client.post(reverse("admin:claims_claim_changelist"),
                           {"action": "delete_selected", "_selected_action": [captured.pk], "post": "yes"})
    assert (response.status_code, disputed(held)) == (302, False)


def test_a_partner_in_another_dispute_stays_flagged(pair):
    captured, held = pair
    other = ClaimFactory(article=held.article, text="Norland took Ulm.")
    Dispute.objects.create(first=other, second=held, reason="Who holds Ulm")
    Claim.objects.filter(pk=captured.pk).delete()
    assert disputed(held) is True


def test_a_partner_in_another_article_is_unflagged_too(pair):
    """A pair across articles, which the engine never draws but the admin may store."""
    captured, held = pair
    elsewhere = ClaimFactory(text="Ulm fell.", has_dispute=True)
    Dispute.objects.create(first=captured, second=elsewhere, reason="Who holds Ulm")
    Claim.objects.filter(pk=captured.pk).delete()
    assert (disputed(held), disputed(elsewhere)) == (False, False)


def test_deleting_the_whole_article_deletes_its_claims_without_error(pair):
    captured, _ = pair
    Article.objects.filter(pk=captured.article_id).delete()
    assert not Claim.objects.exists()


def test_deleting_claims_nobody_disputes_reads_no_disputes(db):
    """Only a flagged claim has partners to read: an article's undisputed claims cost nothing."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    article = ArticleFactory()
    for n in range(5):
        ClaimFactory(article=article, text=f"Claim number {n} about the bridge.")
    with CaptureQueriesContext(connection) as queries:
        Article.objects.filter(pk=article.pk).delete()
    assert not [q for q in queries.captured_queries if "claims_dispute" in q["sql"] and q["sql"].startswith("SELECT")]
