"""Same claim, one verdict: a reviewer links a match of a claim as the same claim (a cluster),
unlinks it again, and a claim whose cluster has a published verdict takes that verdict.

Only a stored match (services.matching) can be linked: the matcher has said the two assert the
same thing, the reviewer confirms it. Linking and unlinking are saved on both claims, so their
history says who did it and when. Each member's `spread` (how many articles repeat the claim) is
kept here, the one place clusters change, so the queue can sort on it. Taking a verdict goes
through reviews.submit_verdict: the same workflow and the same four eyes as a verdict written by
hand.
"""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q

from .. import permissions
from ..models import Claim, ClaimCluster, ClaimMatch, Comment, Dispute, Evidence, Verdict
from ..presentation import day
from ..selectors.clusters import published_verdict_of_cluster
from ..selectors.rejections import rejected_pairs
from . import reviews


def _require_match(claim: Claim, other: Claim) -> None:
    """Only the claim's own matches are offered; anything else (a forged id, a claim of the same
    article) is refused, whatever the page sent."""
    pair = (max(claim.pk, other.pk), min(claim.pk, other.pk))
    if claim.pk == other.pk or not ClaimMatch.objects.filter(claim_id=pair[0], earlier_id=pair[1]).exists():
        raise ValidationError(f"Claim {other.pk} is not one of this claim's matches.")


def _group(claim: Claim) -> list[Claim]:
    """The claim and the claims already linked with it (text and article loaded)."""
    if claim.cluster_id is None:
        return [claim]
    return [claim, *Claim.objects.filter(cluster_id=claim.cluster_id).exclude(pk=claim.pk).only("id", "article_id", "text")]


def _require_none_turned_down(claim: Claim, other: Claim) -> None:
    """Linking joins two groups, not two claims: a pair a reviewer said is not the same claim
    ("Not the same claim", services.rejections) must not end up in one group by way of a third
    claim, with the group's verdict offered to both. Undoing that rejection is the way, on purpose,
    as unlinking is the way to turn a linked pair down."""
    one, two = _group(claim), _group(other)
    found = rejected_pairs([(a.pk, b.pk) for a in one for b in two], one + two)
    if found:
        low, high = sorted(min(found))
        raise ValidationError(
            f"A reviewer said claim {low} and claim {high} are not the same claim, and this link would put them in "
            "one group. Restore that suggestion on either claim's page first, if they are the same claim after all."
        )


def _require_not_a_dispute(claim: Claim, other: Claim) -> None:
    """A claim and the other side's account of the same event contradict each other: that is a
    dispute, not the same claim, however close their words (the matcher keeps most such pairs
    apart; a reviewer's click must not join the rest)."""
    if claim.side_id and other.side_id and claim.side_id != other.side_id and claim.side.topic_id == other.side.topic_id:
        raise ValidationError(
            f"Claim {other.pk} is {other.side.name}'s account and this claim is {claim.side.name}'s: "
            "two sides' claims are a dispute, not the same claim."
        )
    pair = Q(first=claim, second=other) | Q(first=other, second=claim)
    if Dispute.objects.filter(pair).exists():
        raise ValidationError(f"Claim {other.pk} disputes this claim: they cannot be the same claim.")


def _locked_groups(claim: Claim, other: Claim) -> None:
    """Lock the two claims and every member of their groups, all through reviews.locked_in_order,
    in id order: a join moves the members of one group into the other, and taking their locks
    after the two ends (out of id order) deadlocked on PostgreSQL against a link made from one of
    those members' pages. The members are read before they are locked; one that joined a group
    in between is locked after them, and the groups are read again until none has."""
    ends = [claim.pk, other.pk]
    groups = Claim.objects.filter(pk__in=ends, cluster__isnull=False).values("cluster_id")
    held: set[int] = set()
    while True:
        members = set(Claim.objects.filter(cluster__in=groups).values_list("pk", flat=True))
        waiting = (members | set(ends)) - held
        if not waiting:
            return
        reviews.locked_in_order(*(Claim(pk=pk) for pk in sorted(waiting)))  # a deleted one is a refusal
        held |= waiting


def _refresh_spread(cluster_id: int | None, claim_ids: list[int]) -> None:
    """Every member's spread is its cluster's number of articles; a claim out of any cluster is
    repeated in its own article only."""
    if claim_ids:
        Claim.objects.filter(pk__in=claim_ids, cluster__isnull=True).update(spread=1)
    if cluster_id is not None:
        articles = Claim.objects.filter(cluster_id=cluster_id).aggregate(n=Count("article", distinct=True))["n"]
        Claim.objects.filter(cluster_id=cluster_id).update(spread=max(articles, 1))


def _move(claim: Claim, cluster: ClaimCluster | None, user) -> None:
    claim.cluster = cluster
    reviews.save_claim(claim, user, "cluster")


@transaction.atomic
def link_as_same_claim(*, claim: Claim, other: Claim, user, seen_version=None) -> Claim:
    """The reviewer confirms that a match asserts the same as the claim: both join one cluster (two
    clusters that meet become one)."""
    _locked_groups(claim, other)  # both ends and their groups, in id order (whoever acts from another member)
    claim = reviews.locked(claim, seen_version)
    permissions.require(permissions.can_link_same_claim(user, claim), "You cannot link claims to this one.")
    other = Claim.objects.select_for_update().get(pk=other.pk)
    _require_match(claim, other)
    _require_not_a_dispute(claim, other)
    if claim.cluster_id is not None and claim.cluster_id == other.cluster_id:
        raise ValidationError(f"Claim {other.pk} is already linked as the same claim.")
    _require_none_turned_down(claim, other)
    cluster = claim.cluster or other.cluster
    if cluster is None:
        cluster = ClaimCluster(created_by=user)
        cluster._history_user = user
        cluster.save()
    joining = [c for c in (claim, other) if c.cluster_id != cluster.pk]
    for former in {c.cluster_id for c in joining} - {None}:
        # The other cluster's members come along: they were the same claim as one of these.
        members = Claim.objects.select_for_update().filter(cluster_id=former).exclude(pk__in=[claim.pk, other.pk])
        for member in members.order_by("pk"):  # locked already, above
            _move(member, cluster, user)
        ClaimCluster.objects.filter(pk=former).delete()
    for member in joining:
        _move(member, cluster, user)
    _refresh_spread(cluster.pk, [])
    claim.refresh_from_db()
    return claim


@transaction.atomic
def unlink(*, claim: Claim, other: Claim, user, seen_version=None) -> Claim:
    """The reviewer says a linked claim is not the same claim after all: it leaves the claim's
    cluster (recorded in its history). A cluster left with one member is dissolved."""
    _locked_groups(claim, other)  # the members left behind are changed too when the group dissolves
    claim = reviews.locked(claim, seen_version)
    permissions.require(permissions.can_link_same_claim(user, claim), "You cannot unlink claims from this one.")
    other = Claim.objects.select_for_update().get(pk=other.pk)
    if claim.pk == other.pk or claim.cluster_id is None or other.cluster_id != claim.cluster_id:
        raise ValidationError(f"Claim {other.pk} is not linked to this claim.")
    cluster_id = claim.cluster_id
    _move(other, None, user)
    remaining = list(Claim.objects.select_for_update().filter(cluster_id=cluster_id).order_by("pk"))  # locked already
    if len(remaining) < 2:
        for member in remaining:
            _move(member, None, user)
        ClaimCluster.objects.filter(pk=cluster_id).delete()
        cluster_id = None
    else:
        reviews.save_claim(claim, user)  # the claim's page changed: stale pages must reload
    _refresh_spread(cluster_id, [other.pk, *(m.pk for m in remaining)])
    claim.refresh_from_db()
    return claim


def members_removed(cluster_ids) -> None:
    """Claims of these clusters were deleted (a merge, an article split again): their spread is
    counted again, and a cluster left with one member is dissolved. No history row: the member
    did not change, its cluster went away."""
    for cluster_id in set(cluster_ids) - {None}:
        members = list(Claim.objects.filter(cluster_id=cluster_id).values_list("pk", flat=True))
        if len(members) < 2:
            Claim.objects.filter(pk__in=members).update(cluster=None, spread=1)
            ClaimCluster.objects.filter(pk=cluster_id).delete()
        else:
            _refresh_spread(cluster_id, [])


@transaction.atomic
def take_published_verdict(*, claim: Claim, reviewer, seen_version=None) -> Verdict:
    """The claim takes the published verdict of its cluster in one step: the same rating,
    rationale and evidence, a note pointing to the original, and then the editor's approval as for any verdict
    (the reviewer who takes it cannot approve it)."""
    original = published_verdict_of_cluster(Claim.objects.get(pk=claim.pk))
    if original is None:
        raise ValidationError("This claim is not linked as the same claim to one with a published verdict.")
    verdict = reviews.submit_verdict(
        claim=claim, reviewer=reviewer, rating=original.rating, rationale=original.rationale, seen_version=seen_version
    )
    # The evidence comes along: without it the new fact-check's public page stood on a rationale alone.
    for piece in original.claim.evidence.all():
        copy = Evidence(claim_id=claim.pk, url=piece.url, archived_url=piece.archived_url, excerpt=piece.excerpt,
                        note=piece.note, stance=piece.stance, added_by=reviewer)
        copy._history_user = reviewer
        copy.save()
    note = Comment(
        claim_id=claim.pk, author=reviewer,
        # "claim N" is shown as a link to it (templatetags/links.py, comment_text).
        body=f"Verdict taken from claim {original.claim_id} (the same claim), published {day(original.published_at)}.",
    )
    note.full_clean()
    note.save()
    return verdict
