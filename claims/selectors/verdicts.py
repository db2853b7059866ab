"""Reading published verdicts for exports."""
from django.db.models import Prefetch, QuerySet

from ..models import Evidence, Verdict


def published_verdicts() -> QuerySet[Verdict]:
    """Published verdicts only: nothing unapproved ever leaves the workbench."""
    return (
        Verdict.objects.filter(published_at__isnull=False, claim__state="published")
        .select_related("claim__article__outlet", "claim__source", "claim__side", "reviewer", "approver")
        .prefetch_related(Prefetch("claim__evidence", queryset=Evidence.objects.order_by("added_at", "id")))
        .order_by("-published_at", "id")
    )
