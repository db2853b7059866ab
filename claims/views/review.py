"""The claim page: the claim in its article, the other side's claims, evidence, verdict,
approval, comments and history. Every action answers with the review panel for htmx (or a
redirect back to the page without JavaScript); refusals come back in the panel with 400, 403
(raised), 404 or 409."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST
from django_htmx.http import trigger_client_event

from .. import permissions
from ..concurrency import StaleEdit, check_version
from ..forms import (
    AssignForm, ClaimCorrectionForm, CommentForm, DuplicateForm, EvidenceForm, MergeForm, RejectSuggestionForm,
    SameClaimForm, SendBackForm, SplitForm, VerdictForm,
)
from ..input_rules import record_number
from ..models import Claim
from ..selectors.clusters import cluster_spread, published_verdict_of_cluster
from ..selectors.claims import article_segments, claim_for_review, disputes_of
from ..selectors.history import claim_history
from ..selectors.matches import checked_before
from ..selectors.merges import merged_into
from ..selectors.narratives import known_narratives
from ..selectors.rejections import rejected_matches, rejected_narratives
from ..services import claims as claim_services, clusters, comments, evidence, reviews
from ..workflow import TransitionNotAllowed
from .access import workbench_required


class BadVersion(Exception):
    pass


def load_claim(pk) -> Claim:
    try:
        return claim_for_review(pk)
    except Claim.DoesNotExist:
        raise Http404("No such claim.") from None


def seen_version(request):
    """The claim version the person's page showed; absent means the caller asked for no check."""
    value = request.POST.get("version")
    if value in (None, ""):
        return None
    number = record_number(value, minimum=0)  # a version field can hold 0
    if number is None:
        raise BadVersion()
    return number


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
        "correction_form": ClaimCorrectionForm(claim=claim),
        "assign_form": AssignForm(initial={"assignee": claim.assignee_id}),
        "comment_form": CommentForm(),
        "may_work": permissions.can_work_on(user, claim),
        "may_correct": permissions.can_correct(user, claim),
        "may_assign_others": permissions.can_assign(user, claim, None) and permissions.can_export(user),
        "may_approve": verdict is not None and permissions.can_approve(user, verdict),
        "disputes": disputes_of(claim),
        "checked_before": checked_before(claim),
        "known_narratives": known_narratives(claim),
        "may_link": permissions.can_link_same_claim(user, claim),
        "may_reject": permissions.can_reject_suggestion(user, claim),
        "rejected_matches": rejected_matches(claim),
        "rejected_narratives": rejected_narratives(claim),
        "reject_form": RejectSuggestionForm(),
        "cluster_verdict": published_verdict_of_cluster(claim),
        "spread": cluster_spread(claim),
        "error": None,
    }
    context.update(extra)
    return context


def panel(request, claim, *, status=200, **extra):
    """The review panel alone for htmx; the whole page otherwise."""
    context = _context(request, claim, **extra)
    if request.htmx:
        response = render(request, "claims/claim_detail.html#review_panel", context, status=status)
        return trigger_client_event(response, "claimChanged")
    others = list(claim.article.claims.filter(check_worthy=True).only("id", "start", "end", "state"))
    context["segments"] = article_segments(claim.article.body, others, focus_id=claim.pk)
    context["history"] = claim_history(claim)
    return render(request, "claims/claim_detail.html", context, status=status)


@workbench_required
def claim_detail(request, pk):
    try:
        claim = load_claim(pk)
    except Http404:
        # A link shared before the claim was merged leads to the claim it was merged into.
        merged = merged_into(pk)
        if merged is None:
            raise
        messages.info(request, f"Claim {pk} was merged into this claim.")
        return redirect(merged)
    if request.htmx and request.GET.get("part") == "history":
        return render(request, "claims/claim_detail.html#history", {"claim": claim, "history": claim_history(claim)})
    return panel(request, claim)


def may(check, refusal: str):
    """What a claim action needs of the person, asked by run_action of the claim as the page read
    it before anything the request sent is read: someone without the right is told so (403), not
    asked to fix a form or reload for a version first, only to be refused once they have. The
    service asks again, under the claim's lock, and its answer is the one that counts."""

    def require(user, claim) -> None:
        permissions.require(check(user, claim), refusal)

    return require


# The rights the claim page's actions need (claims.permissions), with the services' own refusals.
MAY_WORK = may(permissions.can_work_on, "This claim is assigned to someone else.")
# Editors assign anyone; a reviewer takes or releases a claim that is free or theirs: both are
# whoever may work on it. Who the form names is the service's check.
MAY_ASSIGN = may(permissions.can_work_on, "Only editors assign claims to other people.")
MAY_APPROVE = may(permissions.can_decide_verdict, "Only an editor who did not write this verdict can approve it.")
MAY_SEND_BACK = may(permissions.can_decide_verdict, "Only an editor who did not write this verdict can send it back.")
MAY_CORRECT = may(permissions.can_correct, "You cannot correct this claim.")
MAY_LINK = may(permissions.can_link_same_claim, "You cannot link claims to this one.")
MAY_UNLINK = may(permissions.can_link_same_claim, "You cannot unlink claims from this one.")
MAY_COMMENT = may(lambda user, claim: permissions.can_review(user), "Only people on the workbench can comment.")


def run_action(request, pk, action, form=None, form_key=None, *, allowed):
    """Run a service on the claim and answer with the panel; every refusal keeps the person's input.
    `allowed(user, claim)` (one of the MAY_ rights above) is asked first: a 403 before any 400."""
    claim = load_claim(pk)
    keep = {form_key: form} if form is not None and form_key else {}
    try:
        allowed(request.user, claim)
    except PermissionDenied:
        # Refused because of a change the person's page does not show yet (a colleague took the
        # claim meanwhile): that is their stale page's conflict, answered as any stale edit is.
        stale = _stale_page(request, claim)
        if stale is None:
            raise
        return panel(request, claim, status=409, error=str(stale), **keep)
    try:
        version = seen_version(request)
        if form is not None and not form.is_valid():
            # A form the panel shows again shows its own errors; the small ones it does not (split,
            # merge, mark duplicate) are told here, or the person got a 400 that said nothing.
            return panel(request, claim, status=400, error=None if keep else _form_errors(form), **keep)
        result = action(claim, version, form.cleaned_data if form is not None else None)
    except BadVersion:
        return panel(request, claim, status=400, error="The page sent a malformed version number. Reload it.")
    except StaleEdit as exc:
        unsaved = _as_typed(form, request.POST)
        return panel(request, load_claim(pk), status=409, error=str(exc), unsaved=unsaved, **keep)
    except TransitionNotAllowed as exc:
        return panel(request, claim, status=409, error=str(exc), **keep)
    except ValidationError as exc:
        if form is not None:
            form.add_error(None, exc)
        return panel(request, claim, status=400, error=" ".join(exc.messages), **keep)
    target = result if isinstance(result, Claim) and result.pk != claim.pk else claim
    if not request.htmx:
        return redirect(target)
    return panel(request, load_claim(target.pk))


def _stale_page(request, claim) -> StaleEdit | None:
    """The conflict when the person's page showed an older version of the claim; None otherwise
    (no version sent, a malformed one, or the page is current)."""
    try:
        seen = seen_version(request)
        check_version(claim, seen)
    except BadVersion:
        return None
    except StaleEdit as stale:
        # Only a page older than the claim: a version no page ever showed is no conflict to reload.
        return stale if seen < claim.version else None
    return None


def _form_errors(form) -> str:
    """A refused form's errors as one sentence: "Split at character: Enter a whole number." """
    return " ".join(
        f"{form[name].label}: {message}" if name in form.fields else message
        for name, messages in form.errors.items() for message in messages
    )


def _as_typed(form, data) -> list[tuple[str, str]]:
    """What the person sent, named as the form names it ("Excerpt", "Refutes the claim"), not as
    the request does ("excerpt", "refutes")."""
    shown = []
    for name, value in data.items():
        if name in ("csrfmiddlewaretoken", "version") or not value:
            continue
        field = form.fields.get(name) if form is not None else None
        label = str(form[name].label) if field is not None else name.replace("_", " ").capitalize()
        choices = dict((str(k), str(v)) for k, v in getattr(field, "choices", ()) if not isinstance(v, (list, tuple)))
        shown.append((label, choices.get(value, value)))
    return shown


def _post_view(allowed, action, form_class=None, form_key=None):
    @require_POST
    @workbench_required
    def view(request, pk):
        form = form_class(request.POST) if form_class else None
        return run_action(request, pk, lambda claim, version, data: action(request, claim, version, data), form, form_key,
                          allowed=allowed)

    return view


claim_start = _post_view(MAY_WORK, lambda r, c, v, d: reviews.start_review(claim=c, reviewer=r.user, seen_version=v))
claim_dismiss = _post_view(MAY_WORK, lambda r, c, v, d: reviews.dismiss(claim=c, user=r.user, seen_version=v))
claim_reopen = _post_view(MAY_WORK, lambda r, c, v, d: reviews.reopen(claim=c, user=r.user, seen_version=v))
claim_approve = _post_view(
    MAY_APPROVE, lambda r, c, v, d: reviews.approve_and_publish(claim=c, editor=r.user, seen_version=v)
)
claim_evidence = _post_view(
    MAY_WORK, lambda r, c, v, d: evidence.add_evidence(claim=c, added_by=r.user, seen_version=v, **d),
    EvidenceForm, "evidence_form",
)
claim_verdict = _post_view(
    MAY_WORK, lambda r, c, v, d: reviews.submit_verdict(claim=c, reviewer=r.user, seen_version=v, **d),
    VerdictForm, "verdict_form",
)
claim_send_back = _post_view(
    MAY_SEND_BACK, lambda r, c, v, d: reviews.send_back(claim=c, editor=r.user, seen_version=v, **d),
    SendBackForm, "send_back_form",
)
claim_comment = _post_view(
    MAY_COMMENT, lambda r, c, v, d: comments.add_comment(claim=c, author=r.user, **d), CommentForm, "comment_form"
)
claim_assign = _post_view(
    MAY_ASSIGN, lambda r, c, v, d: reviews.assign(claim=c, assignee=d["assignee"], user=r.user, seen_version=v),
    AssignForm, "assign_form",
)
claim_duplicate = _post_view(
    MAY_WORK,
    lambda r, c, v, d: reviews.mark_duplicate(claim=c, original=_other(c, d["original"]), user=r.user, seen_version=v),
    DuplicateForm,
)
claim_split = _post_view(
    MAY_WORK, lambda r, c, v, d: claim_services.split_claim(claim=c, at=d["at"], user=r.user, seen_version=v)[0],
    SplitForm,
)
claim_merge = _post_view(
    MAY_WORK,
    lambda r, c, v, d: claim_services.merge_claims(first=c, second=_other(c, d["other"]), user=r.user, seen_version=v),
    MergeForm,
)

# Same claim, one verdict: each answers with the whole review panel, which holds "Checked before?",
# so every form on it carries the claim's new version.
claim_link_same = _post_view(
    MAY_LINK,
    lambda r, c, v, d: clusters.link_as_same_claim(claim=c, other=_other(c, d["other"]), user=r.user, seen_version=v),
    SameClaimForm,
)
claim_unlink_same = _post_view(
    MAY_UNLINK,
    lambda r, c, v, d: clusters.unlink(claim=c, other=_other(c, d["other"]), user=r.user, seen_version=v),
    SameClaimForm,
)
claim_take_verdict = _post_view(
    MAY_WORK, lambda r, c, v, d: clusters.take_published_verdict(claim=c, reviewer=r.user, seen_version=v)
)


@require_POST
@workbench_required
def claim_correct(request, pk):
    claim = load_claim(pk)
    form = ClaimCorrectionForm(request.POST, claim=claim)
    return run_action(
        request, pk,
        lambda c, v, d: claim_services.correct_claim(claim=c, user=request.user, seen_version=v, **d),
        form, "correction_form", allowed=MAY_CORRECT,
    )


def _other(claim, other_id) -> Claim:
    try:
        return Claim.objects.get(pk=other_id)
    except Claim.DoesNotExist:
        raise ValidationError(f"There is no claim number {other_id}.") from None
