"""The review queue."""
from django.core.paginator import Paginator
from django.shortcuts import render

from ..selectors.claims import QUEUE_PAGE_SIZE, queue_for, state_counts
from ..workflow import ReviewState
from .access import workbench_required


@workbench_required
def queue(request):
    state = request.GET.get("state") or ""
    if state not in ReviewState.values:
        state = ""
    page = Paginator(queue_for(request.user, state=state or None), QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "state": state, "states": ReviewState.choices, "counts": state_counts()}
    if request.htmx:
        return render(request, "claims/queue.html#results", context)
    return render(request, "claims/queue.html", context)
