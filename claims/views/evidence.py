"""Evidence edited and removed inline on the claim page."""
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods, require_POST

from ..forms import EvidenceForm
from ..models import Evidence
from ..services import evidence as evidence_services
from .access import workbench_required
from .review import MAY_WORK, run_action


@require_http_methods(["GET", "POST"])
@workbench_required
def evidence_edit(request, pk):
    item = get_object_or_404(Evidence.objects.select_related("claim"), pk=pk)
    if request.method == "GET":
        form = EvidenceForm(initial={f: getattr(item, f) for f in ("url", "archived_url", "excerpt", "note", "stance")})
        template = "claims/evidence_edit.html#form" if request.htmx else "claims/evidence_edit.html"
        return render(request, template, {"item": item, "form": form})
    form = EvidenceForm(request.POST)
    return run_action(
        request, item.claim_id,
        lambda claim, version, data: evidence_services.edit_evidence(evidence=item, user=request.user, seen_version=version, **data),
        form, "evidence_form", allowed=MAY_WORK,
    )


@require_POST
@workbench_required
def evidence_remove(request, pk):
    item = get_object_or_404(Evidence.objects.select_related("claim"), pk=pk)
    return run_action(
        request, item.claim_id,
        lambda claim, version, data: evidence_services.remove_evidence(evidence=item, user=request.user, seen_version=version),
        allowed=MAY_WORK,
    )
