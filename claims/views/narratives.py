"""Known narratives: the list, a narrative's page, and the editors' forms (record, edit, archive or
restore, examples and debunking verdicts). Reviewers read; editors and admins change
(claims.permissions.can_record_narratives). The examples and the verdicts are parts of the page
that htmx swaps alone; without JavaScript each form posts and comes back to the page.

Refusals: a form error 400 (shown beside the field), an unknown narrative, example or claim 404 or
a form error, an edit from a stale page 409 with the current version shown.
"""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from .. import permissions
from ..concurrency import StaleEdit
from ..forms import NarrativeDebunkForm, NarrativeExampleForm, NarrativeForm, NewNarrativeForm
from ..input_rules import record_number
from ..models import Narrative, NarrativeDebunk, NarrativeExample
from ..selectors.history import narrative_history
from ..selectors.narratives import claims_repeating, narrative_for_page, narrative_list as listed_narratives
from ..services import narratives
from .access import role_required, workbench_required

narrative_editor_required = role_required(permissions.can_record_narratives, "Only editors can record narratives.")
# The forms' pages: read with GET, sent with POST. Another method (PUT, DELETE) was answered with
# the empty form as if it were a GET, which told a client nothing about what it did wrong.
form_methods = require_http_methods(["GET", "HEAD", "POST"])

STALE = "Someone else changed this narrative while you had it open. Your change was not saved; the current version is shown."


def _narrative_or_404(pk) -> Narrative:
    try:
        return narrative_for_page(pk)
    except Narrative.DoesNotExist:
        raise Http404("No such narrative.") from None


def _seen_version(request) -> int | None:
    """The version the person's page showed; absent means no check. One that is not a number we
    wrote can match no version: the edit is refused as stale (409), never applied unchecked."""
    value = request.POST.get("version")
    if value in (None, ""):
        return None
    number = record_number(value, minimum=0)
    return -1 if number is None else number


def _add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


@workbench_required
def narrative_list(request):
    filters = listed_narratives(request.GET)
    return render(request, "claims/narratives/list.html", {
        "narratives": filters.qs, "archived": filters.archived_shown, "filters": filters,
        "may_record": permissions.can_record_narratives(request.user),
    })


@form_methods
@narrative_editor_required
def narrative_new(request):
    form = NewNarrativeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            narrative = narratives.record_narrative(
                name=data["name"], summary=data["summary"], topic=data["topic"], user=request.user,
                examples=(data["example"],) if data["example"] else (),
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, f"Narrative “{narrative.name}” recorded.")
            return redirect(narrative)
    status = 400 if form.is_bound else 200
    return render(request, "claims/narratives/form.html", {"form": form, "narrative": None}, status=status)


def _page(request, narrative: Narrative, *, status=200, partial: str = "", **extra):
    context = {
        "narrative": narrative,
        "repeating": claims_repeating(narrative),
        "history": narrative_history(narrative) if not (partial and request.htmx) else [],
        "may_record": permissions.can_record_narratives(request.user),
        "example_form": NarrativeExampleForm(),
        "debunk_form": NarrativeDebunkForm(),
        **extra,
    }
    # A part swapped by htmx comes with the page's counts, which it changes (`<partial>_answer`).
    template = f"claims/narratives/detail.html#{partial}_answer" if partial and request.htmx else "claims/narratives/detail.html"
    return render(request, template, context, status=status)


@workbench_required
def narrative_detail(request, pk):
    return _page(request, _narrative_or_404(pk))


@form_methods
@narrative_editor_required
def narrative_edit(request, pk):
    narrative = _narrative_or_404(pk)
    if request.method != "POST":
        form = NarrativeForm(initial={"name": narrative.name, "summary": narrative.summary, "topic": narrative.topic_id})
        return render(request, "claims/narratives/form.html", {"form": form, "narrative": narrative})
    form = NarrativeForm(request.POST)
    status = 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            narratives.edit_narrative(
                narrative=narrative, name=data["name"], summary=data["summary"], topic=data["topic"], user=request.user,
                seen_version=_seen_version(request),
            )
        except StaleEdit:
            narrative = _narrative_or_404(pk)
            form.add_error(None, STALE)
            status = 409
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, "Narrative saved.")
            return redirect(narrative)
    return render(request, "claims/narratives/form.html", {"form": form, "narrative": narrative}, status=status)


def _state_change(service, done: str):
    @require_POST
    @narrative_editor_required
    def view(request, pk):
        narrative = _narrative_or_404(pk)
        try:
            service(narrative=narrative, user=request.user, seen_version=_seen_version(request))
        except StaleEdit:
            return _page(request, _narrative_or_404(pk), status=409, error=STALE)
        except ValidationError as exc:
            return _page(request, _narrative_or_404(pk), status=400, error=" ".join(exc.messages))
        messages.success(request, done)
        return redirect(narrative)

    return view


narrative_archive = _state_change(narratives.archive_narrative, "Narrative archived: it no longer flags claims.")
narrative_restore = _state_change(narratives.restore_narrative, "Narrative restored: claims are matched against it again.")


def _part_answer(request, pk, partial: str, form_name: str, form, status: int, done: str = ""):
    """The examples or the verdicts part for htmx, the page otherwise; a form with errors is shown as
    sent. `done` says what happened: in the part htmx swaps in, or as the page's message after the
    redirect (a message stored for an htmx answer would surface on some later page instead)."""
    if status == 200 and not request.htmx:
        if done:
            messages.success(request, done)
        return redirect("claims:narrative", pk=pk)
    return _page(request, _narrative_or_404(pk), status=status, partial=partial, done=done, **{form_name: form})


@require_POST
@narrative_editor_required
def narrative_example_add(request, pk):
    narrative = _narrative_or_404(pk)
    form = NarrativeExampleForm(request.POST)
    if form.is_valid():
        claim = form.cleaned_data["claim"]
        try:
            narratives.add_example(narrative=narrative, user=request.user, text=form.cleaned_data["text"], claim=claim)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            done = f"Claim {claim.pk} added as an example." if claim else "Example added."
            return _part_answer(request, pk, "examples", "example_form", NarrativeExampleForm(), 200, done)
    return _part_answer(request, pk, "examples", "example_form", form, 400)


@require_POST
@narrative_editor_required
def narrative_example_remove(request, pk):
    example = NarrativeExample.objects.filter(pk=pk).only("id", "narrative_id").first()
    if example is None:
        raise Http404("No such example.")
    narratives.remove_example(example=example, user=request.user)
    return _part_answer(request, example.narrative_id, "examples", "example_form", NarrativeExampleForm(), 200, "Example removed.")


@require_POST
@narrative_editor_required
def narrative_debunk_add(request, pk):
    narrative = _narrative_or_404(pk)
    form = NarrativeDebunkForm(request.POST)
    if form.is_valid():
        try:
            narratives.attach_debunk(narrative=narrative, verdict=form.cleaned_data["claim"], user=request.user)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            return _part_answer(request, pk, "debunks", "debunk_form", NarrativeDebunkForm(), 200)
    return _part_answer(request, pk, "debunks", "debunk_form", form, 400)


@require_POST
@narrative_editor_required
def narrative_debunk_remove(request, pk):
    debunk = NarrativeDebunk.objects.filter(pk=pk).only("id", "narrative_id").first()
    if debunk is None:
        raise Http404("No such verdict on a narrative.")
    narratives.detach_debunk(debunk=debunk, user=request.user)
    return _part_answer(request, debunk.narrative_id, "debunks", "debunk_form", NarrativeDebunkForm(), 200)
