"""An article's disputes: read again when its claims or who says them change, and each claim's
"has a dispute" flag kept true to them (the queue filters on it).

The split stores the disputes the engine finds (services.splitting). A reviewer who corrects a
claim's speaker or side changes what they rest on: two claims of one side are no dispute, and a
claim that had no side may now answer the other side's. So does one who adds a claim the engine
missed, cuts a claim in two (the other side may contradict only one half) or merges two (the
merged claim is the first's speaker's, in longer words). After each of these (services.claims,
and the admin's correction) the article's disputes are read again from its claims as they stand
(`refresh_disputes`). Every dispute is the engine's: nobody records
one by hand (Dispute has no such field, and no page or service adds one), so the engine's new
reading replaces the old one; only a pair with a claim of another article, which the engine never
draws, is left alone.
"""
from django.db import transaction
from django.db.models import Exists, OuterRef, Q

from .. import extraction
from ..models import Article, Claim, Dispute, Side


def article_locked(article_id: int) -> Article:
    """The article under its row lock, as a split takes it: a split and a reading again of its
    disputes wait for each other, so neither stores disputes of claims the other has changed.
    A service that changes a claim and then reads the disputes again takes this lock before the
    claim's, in the split's order, so the two cannot deadlock."""
    return Article.objects.select_for_update().get(pk=article_id)


@transaction.atomic
def refresh_disputes(article_id: int) -> None:
    """Read the article's disputes again from its claims' speakers and sides as they stand now,
    then the claims' flags. A pair still found keeps its row (its reason follows the sides' names);
    a pair no longer found goes; a new pair is stored."""
    article = article_locked(article_id)
    sides = tuple(
        extraction.SideCues(name=s.name, cues=tuple(s.cue_words)) for s in Side.objects.filter(topic_id=article.topic_id)
    ) if article.topic_id else ()
    rows = list(
        Claim.objects.filter(article_id=article_id)
        .order_by("start", "end", "pk")
        .values_list("pk", "start", "end", "speaker", "side__name", "check_worthy")
    )
    claims = [
        extraction.FoundClaim(text="", start=start, end=end, speaker=speaker or None, side=side, check_worthy=worthy)
        for _, start, end, speaker, side, worthy in rows
    ]
    found = {
        frozenset((rows[d.first][0], rows[d.second][0])): (rows[d.first][0], rows[d.second][0], d.reason[:300])
        for d in extraction.disputes_among(article.body, claims, sides)
    }
    stored = Dispute.objects.filter(first__article_id=article_id, second__article_id=article_id)
    kept, gone = set(), []
    for pk, first, second, reason in stored.values_list("pk", "first_id", "second_id", "reason"):
        pair = frozenset((first, second))
        if pair not in found:
            gone.append(pk)
            continue
        kept.add(pair)
        if reason != found[pair][2]:
            Dispute.objects.filter(pk=pk).update(reason=found[pair][2])
    Dispute.objects.filter(pk__in=gone).delete()
    Dispute.objects.bulk_create(
        [Dispute(first_id=first, second_id=second, reason=reason) for pair, (first, second, reason) in found.items()
         if pair not in kept]
    )
    refresh_dispute_flags(article_id)


_IN_A_DISPUTE = Exists(Dispute.objects.filter(Q(first=OuterRef("pk")) | Q(second=OuterRef("pk"))))


def refresh_dispute_flags(article_id: int) -> None:
    """Each claim of the article flagged when it is in a stored dispute, and only then."""
    Claim.objects.filter(article_id=article_id).update(has_dispute=_IN_A_DISPUTE)


def partners_of(claim_id: int) -> set[int]:
    """The claims in a stored dispute with this one, of its article or another."""
    pairs = Dispute.objects.filter(Q(first_id=claim_id) | Q(second_id=claim_id)).values_list("first_id", "second_id")
    return {other for pair in pairs for other in pair} - {claim_id}


def refresh_flags_of(claim_ids) -> None:
    """These claims flagged by the same rule: after a deletion took their partners' disputes with it
    (services.deletions), whatever article they are in."""
    Claim.objects.filter(pk__in=list(claim_ids)).update(has_dispute=_IN_A_DISPUTE)
