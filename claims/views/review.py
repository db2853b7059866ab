"""The claim page: the claim in its article, evidence, verdict and the editor's approval."""
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from .. import permissions
from ..forms import EvidenceForm, SendBackForm, VerdictForm
from ..models import Claim
from ..selectors.claims import article_segments, claim_for_review, disputes_of
from ..services import reviews
from ..workflow import TransitionNotAllowed
from .access import workbench_required


def _load(pk) -> Claim:
    try:
        return claim_for_review(pk)
    except Claim.DoesNotExist:
        raise Http404("No such claim.") from None


def _context(request, claim, **extra):
    verdict = getattr(claim, "verdict", None)
    user = request.user
    initial = {"rating": verdict.rating, "rationale": verdict.rationale} if verdict else None
    context = {
        "claim": claim,
        "verdict": verdict,
        "evidence_form": EvidenceForm(),
        "verdict_form": VerdictForm(initial=initial),
        "send_back_form": SendBackForm(),
        "may_work": permissions.can_work_on(user, claim),
        "may_approve": verdict is not None and permissions.can_approve(user, verdict),
        "disputes": disputes_of(claim),
        "error": None,
    }
    context.update(extra)
    return context


def _panel(request, claim, *, status=200, **extra):
    """The review panel alone for htmx; the whole page otherwise."""
    context = _context(request, claim, **extra)
    if request.htmx:
        return render(request, "claims/claim_detail.html#review_panel", context, status=status)
    others = list(claim.article.claims.only("id", "start", "end", "state"))
    context["segments"] = article_segments(claim.article.body, others, focus_id=claim.pk)
    return render(request, "claims/claim_detail.html", context, status=status)


@workbench_required
def claim_detail(request, pk):
    return _panel(request, _load(pk))


def _act(request, pk, action):
    """Run a workflow action; answer 409 with the reason when the claim cannot take it."""
    claim = _load(pk)
    try:
        action(claim)
    except TransitionNotAllowed as exc:
        return _panel(request, claim, status=409, error=str(exc))
    if not request.htmx:
        return redirect(claim)
    return _panel(request, _load(pk))


@require_POST
@workbench_required
def claim_start(request, pk):
    return _act(request, pk, lambda claim: reviews.start_review(claim=claim, reviewer=request.user))


@require_POST
@workbench_required
def claim_dismiss(request, pk):
    return _act(request, pk, lambda claim: reviews.dismiss(claim=claim, user=request.user))


@require_POST
@workbench_required
def claim_reopen(request, pk):
    return _act(request, pk, lambda claim: reviews.reopen(claim=claim, user=request.user))


@require_POST
@workbench_required
def claim_approve(request, pk):
    return _act(request, pk, lambda claim: reviews.approve_and_publish(claim=claim, editor=request.user))


def _form_action(request, pk, form_class, form_key, action):
    """Validate a form, run the action; on bad input re-render the panel with the errors and 400."""
    claim = _load(pk)
    form = form_class(request.POST)
    if not form.is_valid():
        return _panel(request, claim, status=400, **{form_key: form})
    try:
        action(claim, form.cleaned_data)
    except TransitionNotAllowed as exc:
        return _panel(request, claim, status=409, error=str(exc), **{form_key: form})
    except ValidationError as exc:
        form.add_error(None, exc)
        return _panel(request, claim, status=400, **{form_key: form})
    if not request.htmx:
        return redirect(claim)
    return _panel(request, _load(pk))


@require_POST
@workbench_required
def claim_evidence(request, pk):
    return _form_action(
        request, pk, EvidenceForm, "evidence_form",
        lambda claim, data: reviews.add_evidence(claim=claim, added_by=request.user, **data),
    )


@require_POST
@workbench_required
def claim_verdict(request, pk):
    return _form_action(
        request, pk, VerdictForm, "verdict_form",
        lambda claim, data: reviews.submit_verdict(claim=claim, reviewer=request.user, **data),
    )


@require_POST
@workbench_required
def claim_send_back(request, pk):
    return _form_action(
        request, pk, SendBackForm, "send_back_form",
        lambda claim, data: reviews.send_back(claim=claim, editor=request.user, **data),
    )
