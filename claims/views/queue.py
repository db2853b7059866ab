"""The review queue and its bulk actions."""
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from ..models import Claim
from ..selectors.queue import QueueFilter, bulk_assignees, queue_claims, queue_page, state_counts
from ..services import bulk
from ..workflow import ReviewState
from .access import workbench_required


@workbench_required
def queue(request):
    filters = QueueFilter(request.GET, queryset=queue_claims(), user=request.user)
    claims = filters.qs  # an invalid filter (a forged id, a bad date) is left out and its error shown
    sort = (filters.form.cleaned_data.get("sort") if filters.form.is_valid() else None) or "worthiness"
    page = queue_page(claims, sort=sort, cursor=request.GET.get("after", ""))
    params = request.GET.copy()
    params.pop("after", None)
    context = {
        # One reverse() per page instead of three per row: rows build their links from these.
        "claim_url": reverse("claims:claim", args=[0]).removesuffix("0/"),
        "article_url": reverse("claims:article", args=[0]).removesuffix("0/"),
        "filters": filters,
        "page": page,
        "query": params.urlencode(),
        "counts": state_counts(),
        "states": ReviewState.choices,
        "current_state": request.GET.get("state", ""),
        "reviewers": bulk_assignees(request.user),
    }
    if request.htmx and not request.htmx.boosted:
        return render(request, "claims/queue.html#results", context)
    return render(request, "claims/queue.html", context)


@require_POST
@workbench_required
def queue_bulk(request):
    ids = [int(i) for i in request.POST.getlist("ids") if i.isdigit()]
    action = request.POST.get("action", "")
    if not ids:
        messages.error(request, "Select at least one claim first.")
        return _back(request)
    user = request.user
    if action == "take":
        result = bulk.assign_claims(ids, assignee=user, user=user)
        done = "assigned to you"
    elif action == "assign":
        assignee = get_user_model().objects.filter(pk=request.POST.get("assignee") or 0).first()
        if assignee is None:
            messages.error(request, "Choose whom to assign the claims to.")
            return _back(request)
        result = bulk.assign_claims(ids, assignee=assignee, user=user)
        done = f"assigned to {assignee.get_username()}"
    elif action == "dismiss":
        result = bulk.dismiss_claims(ids, user=user)
        done = "dismissed as not check-worthy"
    elif action == "duplicate":
        original = Claim.objects.filter(pk=request.POST.get("original") or 0).first() if str(request.POST.get("original", "")).isdigit() else None
        if original is None:
            messages.error(request, "Give the number of the claim they duplicate.")
            return _back(request)
        result = bulk.mark_duplicates(ids, original=original, user=user)
        done = f"marked as duplicates of claim {original.pk}"
    else:
        messages.error(request, "Unknown bulk action.")
        return _back(request)
    if result.done:
        messages.success(request, f"{len(result.done)} claim{'s' if len(result.done) != 1 else ''} {done}.")
    for claim_id, reason in result.skipped[:10]:
        messages.warning(request, f"Claim {claim_id} skipped: {reason}")
    return _back(request)


def _back(request):
    """Where a bulk action returns: the page it was started from when that is a page of this site
    (`return_to`: the article page, filters and all), else the queue with its filters (`back`)."""
    return_to = request.POST.get("return_to", "")
    if _is_local_path(return_to):
        return HttpResponseRedirect(return_to)
    query = request.POST.get("back", "")
    response = redirect("claims:queue")
    if query and "\n" not in query and "\r" not in query:
        response["Location"] += "?" + query
    return response


def _is_local_path(url: str) -> bool:
    """A path on this site ("/articles/3/?state=new"), never another site: no scheme or host, not
    "//host" or "/\\host" (which browsers read as another host), no control characters, short."""
    return (
        0 < len(url) <= 2000
        and url.startswith("/")
        and not url.startswith(("//", "/\\"))
        and not any(ord(ch) < 32 or ord(ch) == 127 for ch in url)
        and url_has_allowed_host_and_scheme(url, allowed_hosts=set())
    )
