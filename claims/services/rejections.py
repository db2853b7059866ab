"""A reviewer turns down what the matcher suggested, and may take it back.

"Not the same claim" on a match of "Checked before?": the pair's match goes, the rejection is
kept (models.rejections says how it outlives re-splits and `match_claims --again`), and both
claims' "matches a published verdict" mark is made to follow. "Not this narrative" on a claim's
Known narrative flag: the same for NarrativeMatch and the "repeats a narrative" flag. Each mark
is kept by its one function (services.matching.refresh_published_marks,
services.narrative_matching.refresh_narrative_marks).

"Restore suggestion" deletes the rejection and lets the matcher judge the pair again: the match
comes back if the matcher still calls it the same claim (it may not, once its code changed).

Who may: permissions.can_reject_suggestion. Both the rejection and its undoing are recorded by
django-simple-history with the reviewer, and the claim's history shows them
(selectors.history). Neither changes the claim itself, so neither raises its version: a verdict
being typed on the same page is not made stale by turning down a suggestion beside it.
"""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from .. import permissions
from ..models import Claim, ClaimMatch, MatchRejection, Narrative, NarrativeMatch, NarrativeRejection, wording_key
from ..presentation import moment
from ..selectors.history import RESTORED
from ..selectors.rejections import narrative_rejection_for, same_words
from . import reviews
from .matching import match_again, refresh_published_marks
from .narrative_matching import flag_again, refresh_narrative_marks


def _already(rejection) -> str:
    """Who turned it down and when, for a second "Not the same claim" or "Not this narrative" (a
    double click, two reviewers at once): the first one stands."""
    return f"already turned down by {rejection.rejected_by.get_username()} on {moment(rejection.rejected_at)}"


RESTORED_ALREADY = "That suggestion was restored already (a second click, or another reviewer). Reload the page."


def require_allowed(user, claim: Claim) -> None:
    """Also called by the views before they read what was sent: someone who may not act on the
    claim is told so, not asked to shorten a reason first."""
    permissions.require(permissions.can_reject_suggestion(user, claim), "You cannot turn down suggestions for this claim.")


def _matches_between(one: list[int], two: list[int]):
    return ClaimMatch.objects.filter(Q(claim_id__in=one, earlier_id__in=two) | Q(claim_id__in=two, earlier_id__in=one))


def _still_there(model, rejection):
    """The rejection read again under a lock: of two restores at once (a double click), the
    second finds it gone and says so, instead of recording a second restore."""
    current = model.objects.select_for_update().filter(pk=rejection.pk).first()
    if current is None:
        raise ValidationError(RESTORED_ALREADY)
    return current


@transaction.atomic
def reject_match(*, claim: Claim, other: Claim, user, reason: str = "") -> MatchRejection:
    """The reviewer says a suggested match is not the same claim: the suggestion goes from both
    claims' "Checked before?" and is never made again."""
    claim, other = reviews.locked_in_order(claim, other)
    require_allowed(user, claim)
    pair = (max(claim.pk, other.pk), min(claim.pk, other.pk))
    matched = claim.pk != other.pk and ClaimMatch.objects.filter(claim_id=pair[0], earlier_id=pair[1]).exists()
    ends = MatchRejection.ends(claim, other)
    earlier = MatchRejection.objects.select_related("rejected_by").filter(
        first_article_id=ends["first_article_id"], first_key=ends["first_key"],
        second_article_id=ends["second_article_id"], second_key=ends["second_key"],
    ).first()
    if earlier is not None and not matched:
        raise ValidationError(f"Claim {other.pk} was {_already(earlier)} as not the same claim.")
    if not matched:
        raise ValidationError(f"Claim {other.pk} is not one of this claim's matches.")
    if claim.cluster_id is not None and claim.cluster_id == other.cluster_id:
        # A reviewer (maybe this one) confirmed the pair: that is undone by unlinking, on purpose.
        raise ValidationError(
            f"Claim {other.pk} is linked as the same claim. Unlink it first, then say it is not the same claim."
        )
    rejection = earlier
    if rejection is None:
        rejection = MatchRejection(**ends, reason=reason.strip(), rejected_by=user)
        rejection.full_clean()
        rejection._history_user = user
        rejection.save()
    # else the matcher stored the pair again while it was being turned down (it read the
    # rejections just before they were saved): the one rejection stands, the stray match goes.
    # Every claim of the two articles with these words: the rejection names words, not rows.
    one = same_words(rejection.first_article_id, rejection.first_key)
    two = same_words(rejection.second_article_id, rejection.second_key)
    _matches_between(one, two).delete()
    refresh_published_marks({*one, *two})
    return rejection


@transaction.atomic
def restore_match(*, claim: Claim, rejection: MatchRejection, user) -> list[ClaimMatch]:
    """The reviewer takes a "Not the same claim" back: the matcher judges the pair again."""
    [claim] = reviews.locked_in_order(claim)
    require_allowed(user, claim)
    rejection = _still_there(MatchRejection, rejection)
    key = wording_key(claim.text)
    if (claim.article_id, key) not in {(rejection.first_article_id, rejection.first_key),
                                       (rejection.second_article_id, rejection.second_key)}:
        raise ValidationError("That rejected suggestion is not about this claim.")
    other_article, other_key, _ = rejection.other_end(claim.article_id, key)
    rejection._history_user, rejection._change_reason = user, RESTORED
    rejection.delete()
    return match_again(same_words(claim.article_id, key), same_words(other_article, other_key))


def _locked_with_its_words(claim: Claim) -> Claim:
    """The claim under its lock, with the other claims of its words in its article (a sentence the
    article repeats), all in id order: turning a narrative down, or taking that back, changes
    their flags too, and a reviewer on the other claim's page at the same moment would take the
    two locks the other way round (a deadlock on PostgreSQL). Now the second waits, then is told
    it was done already."""
    twins = [Claim(pk=pk) for pk in same_words(claim.article_id, wording_key(claim.text)) if pk != claim.pk]
    return reviews.locked_in_order(claim, *twins)[0]


@transaction.atomic
def reject_narrative(*, claim: Claim, narrative: Narrative, user, reason: str = "") -> NarrativeRejection:
    """The reviewer says the claim does not repeat the narrative: its flag goes and the narrative
    matcher never puts it back, for this claim's words."""
    claim = _locked_with_its_words(claim)
    require_allowed(user, claim)
    flagged = NarrativeMatch.objects.filter(claim=claim, narrative=narrative).exists()
    rejection = narrative_rejection_for(claim, narrative)
    if rejection is not None and not flagged:
        raise ValidationError(f"The narrative “{narrative.name}” was {_already(rejection)} for this claim.")
    if not flagged:
        raise ValidationError(f"This claim is not flagged as repeating the narrative “{narrative.name}”.")
    if rejection is None:
        rejection = NarrativeRejection(
            narrative=narrative, article_id=claim.article_id, claim_key=wording_key(claim.text), claim_text=claim.text,
            reason=reason.strip(), rejected_by=user,
        )
        rejection.full_clean()
        rejection._history_user = user
        rejection.save()
    # else the narrative matcher flagged the claim again while it was being turned down: the flag goes.
    ids = same_words(claim.article_id, rejection.claim_key)
    NarrativeMatch.objects.filter(claim_id__in=ids, narrative=narrative).delete()
    refresh_narrative_marks(ids)
    return rejection


@transaction.atomic
def restore_narrative(*, claim: Claim, rejection: NarrativeRejection, user) -> int:
    """The reviewer takes a "Not this narrative" back: the claim is compared with the narrative's
    examples again; returns how many of them it repeats."""
    claim = _locked_with_its_words(claim)  # taking it back flags them again too
    require_allowed(user, claim)
    rejection = _still_there(NarrativeRejection, rejection)
    current = narrative_rejection_for(claim, rejection.narrative)
    if current is None or current.pk != rejection.pk:
        raise ValidationError("That rejected narrative is not about this claim.")
    rejection._history_user, rejection._change_reason = user, RESTORED
    rejection.delete()
    return flag_again(same_words(claim.article_id, rejection.claim_key), rejection.narrative)
