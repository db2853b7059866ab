"""Keeping each claim's "has a dispute" flag true to the stored disputes (the queue filters on it)."""
from django.db.models import Exists, OuterRef, Q

from ..models import Claim, Dispute


def refresh_dispute_flags(article_id: int) -> None:
    in_a_dispute = Dispute.objects.filter(Q(first=OuterRef("pk")) | Q(second=OuterRef("pk")))
    Claim.objects.filter(article_id=article_id).update(has_dispute=Exists(in_a_dispute))
