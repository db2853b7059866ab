"""The claim page's answers to the matcher: "Not the same claim" on a match of "Checked before?",
"Not this narrative" on a Known narrative flag, and "Restore suggestion" for either
(services.rejections).

Each answers htmx with the one section it changed (the page's `checked_before` or
`known_narrative` partial), not the whole review panel: a verdict being typed beside it is kept.
Refusals come back in that section with 400 (a claim that is no match, a linked pair, a reason
past the limit or holding a control character); an id that names nothing is a 404, another
reviewer's claim a 403. Without JavaScript: a redirect back to the claim page, or the page with
the refusal.
"""
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST
from django_htmx.http import trigger_client_event

from ..forms import RejectSuggestionForm
from ..models import Claim, MatchRejection, Narrative, NarrativeRejection
from ..services import rejections
from .access import workbench_required
from .review import _context, load_claim, panel


def _get(model, pk):
    try:
        return model.objects.get(pk=pk)
    except model.DoesNotExist:
        raise Http404(f"No such {model._meta.verbose_name}.") from None


def _answer(request, claim: Claim, part: str, *, error: str = "", note: str = "", form=None):
    """The changed section (htmx) or the claim page; a refusal keeps what the reviewer typed."""
    claim = load_claim(claim.pk)
    status = 400 if error else 200
    if not request.htmx:
        if not error:
            return redirect(claim)
        return panel(request, claim, status=status, error=error)
    context = _context(request, claim, section_error=error, section_note=note, reject_form=form or RejectSuggestionForm())
    response = render(request, f"claims/claim_detail.html#{part}", context, status=status)
    # The history section reloads on this; a refusal changed nothing.
    return response if error else trigger_client_event(response, "claimChanged")


def _run(request, claim: Claim, part: str, action, form=None, *, if_nothing: str = ""):
    """`if_nothing`: what to tell the reviewer when the action found nothing to bring back."""
    rejections.require_allowed(request.user, claim)  # a 403 before a 400 about the reason
    if form is not None and not form.is_valid():
        messages = [f"{form[name].label}: {' '.join(errors)}" if name in form.fields else " ".join(errors)
                    for name, errors in form.errors.items()]
        return _answer(request, claim, part, error=" ".join(messages), form=form)
    try:
        result = action(form.cleaned_data if form is not None else None)
    except ValidationError as exc:
        return _answer(request, claim, part, error=" ".join(exc.messages), form=form)
    return _answer(request, claim, part, note="" if result else if_nothing)


@require_POST
@workbench_required
def claim_not_same(request, pk, other):
    claim, other = load_claim(pk), _get(Claim, other)
    return _run(
        request, claim, "checked_before",
        lambda data: rejections.reject_match(claim=claim, other=other, user=request.user, reason=data["reason"]),
        RejectSuggestionForm(request.POST),
    )


@require_POST
@workbench_required
def claim_restore_match(request, pk, rejection):
    claim, rejection = load_claim(pk), _get(MatchRejection, rejection)
    return _run(
        request, claim, "checked_before",
        lambda data: rejections.restore_match(claim=claim, rejection=rejection, user=request.user),
        if_nothing="Restored, but the matcher does not call these the same claim now (their words or its rules changed, "
                   "or the other claim is no longer in its article), so there is no suggestion to show.",
    )


@require_POST
@workbench_required
def claim_not_narrative(request, pk, narrative):
    claim, narrative = load_claim(pk), _get(Narrative, narrative)
    return _run(
        request, claim, "known_narrative",
        lambda data: rejections.reject_narrative(claim=claim, narrative=narrative, user=request.user, reason=data["reason"]),
        RejectSuggestionForm(request.POST),
    )


@require_POST
@workbench_required
def claim_restore_narrative(request, pk, rejection):
    claim, rejection = load_claim(pk), _get(NarrativeRejection, rejection)
    return _run(
        request, claim, "known_narrative",
        lambda data: rejections.restore_narrative(claim=claim, rejection=rejection, user=request.user),
        if_nothing="Restored, but the matcher does not find that the claim repeats the narrative now (its words or the "
                   "narrative's examples changed), so there is no flag to show.",
    )
