"""Reading claims for the review queue and the claim page."""
from django.db.models import Count, Q, QuerySet

from ..models import Article, Claim, Dispute

def claim_for_review(claim_id: int) -> Claim:
    return (
        Claim.objects.select_related(
            "article", "article__outlet", "article__topic", "side", "source", "assignee", "verdict__reviewer",
            "verdict__approver",
        )
        .prefetch_related("evidence__added_by")
        .get(pk=claim_id)
    )


def disputes_of(claim: Claim) -> list[dict]:
    """The claims of the other side that contradict this one, with the engine's reason."""
    rows = Dispute.objects.filter(Q(first=claim) | Q(second=claim)).select_related(
        "first__side", "second__side", "first__verdict", "second__verdict"
    )
    return [
        {"other": row.second if row.first_id == claim.pk else row.first, "reason": row.reason} for row in rows
    ]


def article_segments(body: str, claims, focus_id: int | None = None) -> list[dict]:
    """Cut the article body into plain text and claim spans for highlighting.

    Overlapping spans are not nested: a span that starts inside the previous one is left out.
    """
    segments, cursor = [], 0
    for claim in sorted(claims, key=lambda c: (c.start, c.end)):
        if claim.start < cursor:
            continue
        if claim.start > cursor:
            segments.append({"text": body[cursor : claim.start], "claim": None})
        segments.append({"text": body[claim.start : claim.end], "claim": claim, "focus": claim.pk == focus_id})
        cursor = claim.end
    if cursor < len(body):
        segments.append({"text": body[cursor:], "claim": None})
    return segments


def articles_list() -> QuerySet[Article]:
    return (
        Article.objects.select_related("outlet", "topic", "imported_by")
        # The claims the article page says it found: the set-aside spans are not claims to check.
        .annotate(claim_count=Count("claims", filter=Q(claims__check_worthy=True)))
        .order_by("-imported_at", "-id")
    )
