"""Reading clusters ("same claim, one verdict"): the published verdict a member may take, and how
far the claim has spread (articles, outlets, since when) for the claim page."""
from django.db.models import Count, Min, Q
from django.db.models.functions import Coalesce, TruncDate

from ..models import Claim, Verdict
from ..workflow import ReviewState


def published_verdict_of_cluster(claim: Claim) -> Verdict | None:
    """The verdict another member of the claim's cluster has published, the latest first."""
    if claim.cluster_id is None:
        return None
    return (
        Verdict.objects.filter(
            claim__cluster_id=claim.cluster_id, claim__state=ReviewState.PUBLISHED, published_at__isnull=False
        ).exclude(claim_id=claim.pk).select_related("claim").order_by("-published_at", "-pk").first()
    )


def cluster_spread(claim: Claim) -> dict | None:
    """How far the claim has spread: articles and outlets of its cluster and the first article's
    date (published, or imported when it has none). One query; None outside a cluster."""
    if claim.cluster_id is None:
        return None
    return Claim.objects.filter(cluster_id=claim.cluster_id).aggregate(
        claims=Count("pk"),
        articles=Count("article", distinct=True),
        outlets=Count("article__outlet", distinct=True, filter=Q(article__outlet__isnull=False)),
        since=Min(Coalesce("article__published_on", TruncDate("article__imported_at"))),
    )
