"""The review queue, its bulk actions and its keyboard's "assign to me"."""
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_htmx.http import trigger_client_event

from ..input_rules import record_number
from ..markup import escaped
from ..models import Claim
from ..selectors.queue import DATE_FILTERS, QueueFilter, bulk_assignees, queue_claims, queue_page, queue_row, state_counts
from ..services import bulk, reviews
from ..templatetags.queue_rows import queue_rows
from ..workflow import TransitionNotAllowed
from .access import workbench_required


def _row_urls() -> dict:
    # One reverse() per page instead of three per row: rows build their links from these.
    return {
        "claim_url": reverse("claims:claim", args=[0]).removesuffix("0/"),
        "article_url": reverse("claims:article", args=[0]).removesuffix("0/"),
    }


@workbench_required
def queue(request):
    filters = QueueFilter(request.GET, queryset=queue_claims(), user=request.user)
    params = request.GET.copy()
    for internal in ("after", "part"):
        params.pop(internal, None)
    tab_params = params.copy()
    tab_params.pop("state", None)
    in_every_state = filters.qs_in_every_state()
    context = {
        "queue_url": reverse("claims:queue"),  # once, not once per tab and link
        "filters": filters,
        "query": params.urlencode(),
        # The tabs count what the other filters let through, so each tab's link keeps them.
        "tab_query": tab_params.urlencode(),
        "counts": state_counts(in_every_state),
        "current_state": request.GET.get("state", ""),
    }
    if request.htmx and request.GET.get("part") == "tabs":
        # The tabs alone, after the reviewer's own action in the page changed a count.
        return render(request, "claims/queue.html#tabs", context)
    claims = filters.in_state(in_every_state)  # an invalid filter (a forged id, a bad date) is left out and its error shown
    sort = (filters.form.cleaned_data.get("sort") if filters.form.is_valid() else None) or "worthiness"
    undated = filters.undated_left_out()  # one count, and only when an article date filter is applied
    undated_and_dated = filters.undated_and_dated()
    context.update(
        _row_urls(),
        page=queue_page(claims, sort=sort, cursor=request.GET.get("after", "")),
        reviewers=bulk_assignees(request.user),
        undated_left_out=undated,
        undated_query=_undated_query(params) if undated or undated_and_dated else "",
        undated_and_dated=undated_and_dated,
        dated_query=_dated_query(params) if undated_and_dated else "",
        narrowed=filters.narrowed(),
        # "Clear the filters" keeps the state tab the reviewer is on.
        unfiltered_query=_unfiltered_query(params),
    )
    if request.htmx and not request.htmx.boosted:
        # The results, and the tabs beside them swapped out of band: their counts follow the filters.
        return render(request, "claims/queue.html#results_and_tabs", context)
    return render(request, "claims/queue.html", context)


def _undated_query(params: QueryDict) -> str:
    """The queue's filters with the article dates taken out and "undated" put in: the link that
    shows the claims the date filter leaves out."""
    params = params.copy()
    for name in DATE_FILTERS:
        params.pop(name, None)
    params["undated"] = "yes"
    return params.urlencode()


def _dated_query(params: QueryDict) -> str:
    """The queue's filters with "undated" taken out: the claims in the article date range."""
    params = params.copy()
    params.pop("undated", None)
    return params.urlencode()


def _unfiltered_query(params: QueryDict) -> str:
    """The queue without its filters, on the same state tab and in the same order."""
    kept = QueryDict(mutable=True)
    for name in ("state", "sort"):
        if params.get(name):
            kept[name] = params[name]
    return kept.urlencode()


@require_POST
@workbench_required
def queue_take(request, pk):
    """`a` in the queue: assign the claim to me and answer with its row, so the reviewer keeps
    their place; a refusal is answered with a sentence for the queue's status line."""
    user = request.user
    claim = Claim.objects.filter(pk=pk).first()
    if claim is None:
        return _refusal(request, f"Claim {pk} no longer exists.", 404)
    try:
        reviews.assign(claim=claim, assignee=user, user=user)
        row = queue_row(pk)
    except (Claim.DoesNotExist, reviews.ClaimDeleted):
        # Deleted after we read it (a re-split of its article drops unreviewed claims).
        return _refusal(request, f"Claim {pk} no longer exists.", 404)
    except PermissionDenied as exc:
        current = Claim.objects.filter(pk=pk).select_related("assignee").first()
        holder = current.assignee if current is not None else None
        if holder is not None and holder.pk != user.pk:
            return _refusal(request, f"You cannot take claim {pk}: it is already assigned to {holder.get_username()}.", 403)
        return _refusal(request, f"You cannot take claim {pk}: {exc}", 403)
    except TransitionNotAllowed as exc:
        return _refusal(request, f"You cannot take claim {pk}: it is {exc.current.label.lower()}.", 409)
    except ValidationError as exc:
        return _refusal(request, f"You cannot take claim {pk}: {' '.join(exc.messages)}", 400)
    if not request.htmx:
        return redirect(claim)
    urls = _row_urls()
    response = HttpResponse(queue_rows([row], urls["claim_url"], urls["article_url"]))
    # The tabs and the status line listen for this: the counts changed with the reviewer's action.
    return trigger_client_event(response, "queueChanged", {"message": f"Claim {pk} is now assigned to you."})


def _refusal(request, message: str, status: int) -> HttpResponse:
    response = HttpResponse(f'<p class="errors" role="alert">{escaped(message)}</p>', status=status)
    if request.htmx:
        # The request aimed at the row; the row stays as it was and the sentence goes to the status line.
        response["HX-Retarget"] = "#queue-status"
        response["HX-Reswap"] = "innerHTML"
    return response


# A bulk action names at most this many skipped claims, each with its reason, and counts the rest.
SKIPS_NAMED = 10


@require_POST
@workbench_required
def queue_bulk(request):
    ids = [number for number in map(record_number, request.POST.getlist("ids")) if number is not None]
    action = request.POST.get("action", "")
    if not ids:
        messages.error(request, "Select at least one claim first.")
        return _back(request)
    user = request.user
    if action == "take":
        result = bulk.assign_claims(ids, assignee=user, user=user)
        done = "assigned to you"
    elif action == "assign":
        assignee_id = record_number(request.POST.get("assignee"))
        assignee = get_user_model().objects.filter(pk=assignee_id).first() if assignee_id else None
        if assignee is None:
            messages.error(request, "Choose whom to assign the claims to.")
            return _back(request)
        result = bulk.assign_claims(ids, assignee=assignee, user=user)
        done = f"assigned to {assignee.get_username()}"
    elif action == "dismiss":
        result = bulk.dismiss_claims(ids, user=user)
        done = "dismissed as not check-worthy"
    elif action == "duplicate":
        original_id = record_number(request.POST.get("original"))
        original = Claim.objects.filter(pk=original_id).first() if original_id else None
        if original is None:
            messages.error(request, "Give the number of the claim they duplicate.")
            return _back(request)
        result = bulk.mark_duplicates(ids, original=original, user=user)
        done = f"marked as {'a duplicate' if len(result.done) == 1 else 'duplicates'} of claim {original.pk}"
    else:
        messages.error(request, "Unknown bulk action.")
        return _back(request)
    if result.done:
        messages.success(request, f"{len(result.done)} claim{'s' if len(result.done) != 1 else ''} {done}.")
    for claim_id, reason in result.skipped[:SKIPS_NAMED]:
        messages.warning(request, f"Claim {claim_id} skipped: {reason}")
    if (more := len(result.skipped) - SKIPS_NAMED) > 0:  # not fifty warnings, but none left uncounted
        messages.warning(request, f"{more} more claim{'s' if more != 1 else ''} skipped.")
    return _back(request)


def _back(request):
    """Where a bulk action returns: the page it was started from when that is a page of this site
    (`return_to`: the article page, filters and all), else the queue with its filters (`back`)."""
    return_to = request.POST.get("return_to", "")
    if _is_local_path(return_to):
        return HttpResponseRedirect(return_to)
    # The queue's filters, read as a query string and written out again by Django: whatever the
    # form carried (a NUL, a tab, "é", U+2028), the Location is printable ASCII that every server
    # sends and every browser reads back as the same filters.
    query = QueryDict(request.POST.get("back", "")).urlencode()
    queue_url = reverse("claims:queue") + (f"?{query}" if query else "")
    return HttpResponseRedirect(queue_url if _is_local_path(queue_url) else reverse("claims:queue"))


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
