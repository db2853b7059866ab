"""Claims people add or correct by hand, next to what extraction found: adding a missed claim,
correcting its speaker, source, side or kind, and splitting or merging spans.

Each of these changes what the article's disputes rest on (a claim more, another speaker or side,
other spans), so each reads them again with `refresh_disputes`, the one rule for them
(services.disputes), having taken the article's lock first, in the split's order. Each also has
the changed claims matched again ("Checked before?", services.matching)."""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from .. import permissions
from ..models import Article, Claim, ClaimKind, Dispute, Side, Source
from ..selectors.merges import merged_reason
from ..workflow import ReviewState
from .clusters import members_removed
from .disputes import article_locked, refresh_disputes
from .matching import find_matches, refresh_matches, speaker_corrected
from .reviews import locked, locked_in_order, save_claim

# Only claims nobody has started on may be cut up or joined: reviewed work keeps its span.
RESHAPEABLE = (ReviewState.NEW,)


@transaction.atomic
def add_claim_by_hand(
    *, article: Article, text: str, added_by, speaker: str = "", side: Side | None = None, start: int | None = None
) -> Claim:
    """A claim the engine missed (or could not look for: an unsupported language).

    The text must be copied from the article, so that its offsets point into the body; when the
    same words occur twice, `start` (from a selection in the page) says which.
    """
    permissions.require(permissions.can_review(added_by), "Only reviewers and editors can add claims.")
    article_locked(article.pk)  # the article's disputes are read again below, in the split's order
    text = text.strip()
    if start is not None and text and article.body[start : start + len(text)] != text:
        start = None
    if start is None:
        start = article.body.find(text) if text else -1
    if start < 0:
        raise ValidationError("Copy the claim exactly as it stands in the article text.", code="not_in_article")
    if side is not None and side.topic_id != article.topic_id:
        raise ValidationError("That side belongs to another topic.", code="wrong_side")
    claim = Claim(
        article=article,
        text=text,
        start=start,
        end=start + len(text),
        speaker=speaker.strip(),
        side=side,
        kind=ClaimKind.REPORTED_SPEECH if speaker.strip() else ClaimKind.NARRATION,
        check_worthiness=0.5,
        added_by=added_by,
    )
    claim._history_user = added_by
    claim.full_clean()
    claim.save()
    find_matches([claim])
    refresh_disputes(article.pk)  # the claim the engine missed may be what the other side contradicts
    return claim


@transaction.atomic
def correct_claim(
    *, claim: Claim, user, speaker: str, source: Source | None, side: Side | None, kind: str, seen_version=None
) -> Claim:
    """A reviewer fixes what extraction got wrong. The history records who changed what. Another
    speaker or side is another reading of the article's disputes: they are read again."""
    article_locked(claim.article_id)  # before the claim's lock, in the split's order
    claim = locked(claim, seen_version)
    permissions.require(permissions.can_correct(user, claim), "You cannot correct this claim.")
    if side is not None and side.topic_id != claim.article.topic_id:
        raise ValidationError("That side belongs to another topic.", code="wrong_side")
    who_before = (claim.speaker, claim.side_id)
    claim.speaker, claim.source, claim.side, claim.kind = speaker.strip(), source, side, kind
    claim.full_clean()
    save_claim(claim, user, "speaker", "source", "side", "kind")
    if (claim.speaker, claim.side_id) != who_before:
        speaker_corrected([claim])  # "we did not strike ..." is another actor's claim now
        refresh_disputes(claim.article_id)
    return claim


@transaction.atomic
def split_claim(*, claim: Claim, at: int, user, seen_version=None) -> tuple[Claim, Claim]:
    """Cut a claim in two at a character offset of the article (a claim that says two things):
    the person gives the cut, and the spaces, commas and semicolons around it fall on neither
    half. Each half disputes what the other side contradicts in its own words, no more."""
    article_locked(claim.article_id)  # before the claim's lock, in the split's order
    claim = locked(claim, seen_version)
    permissions.require(permissions.can_work_on(user, claim), "This claim is assigned to someone else.")
    if claim.state not in RESHAPEABLE:
        raise ValidationError("Only claims nobody has started on can be split.", code="reviewed")
    if not claim.start < at < claim.end:
        raise ValidationError(
            f"Split inside the claim: between characters {claim.start} and {claim.end}.", code="bad_split"
        )
    body = claim.article.body
    left_end, right_start = at, at
    while left_end > claim.start and body[left_end - 1] in " ,;":
        left_end -= 1
    while right_start < claim.end and body[right_start] in " ,;":
        right_start += 1
    if not (claim.start < left_end and right_start < claim.end):
        raise ValidationError("Split inside the claim, leaving words on both sides.", code="bad_split")
    second = Claim.objects.get(pk=claim.pk)
    second.pk = None
    second.cluster, second.spread = None, 1  # the new half was not linked as the same claim as anything
    second.matches_published = False  # nor matched yet: find_matches below marks it
    second.repeats_narrative = False  # and flags it, when it repeats a narrative
    second.start, second.text, second.version = right_start, body[right_start : claim.end], 1
    claim.end, claim.text = left_end, body[claim.start : left_end]
    claim.full_clean(exclude=["duplicate_of"])
    save_claim(claim, user, "end", "text")
    second._history_user = user
    second.save()
    refresh_matches([claim])
    find_matches([second])
    refresh_disputes(claim.article_id)  # the dispute the whole claim had may belong to either half
    return claim, second


@transaction.atomic
def merge_claims(*, first: Claim, second: Claim, user, seen_version=None) -> Claim:
    """Join two claims of one article that extraction cut apart; the earlier one absorbs the later,
    keeping its speaker and side. The merged claim disputes what the other side contradicts in
    its words as they now stand: a dispute of the absorbed claim that no longer holds goes."""
    if first.pk == second.pk:
        raise ValidationError("A claim cannot be merged with itself: give the number of another claim.", code="same_claim")
    if first.article_id != second.article_id:
        raise ValidationError("Only claims of the same article can be merged.", code="other_article")
    article_locked(first.article_id)  # before the claims' locks, in the split's order
    locked_in_order(first, second)  # in id order, whichever of the two pages merges
    first, second = sorted((locked(first, seen_version), locked(second)), key=lambda c: c.start)
    for claim in (first, second):
        permissions.require(permissions.can_work_on(user, claim), "This claim is assigned to someone else.")
        if claim.state not in RESHAPEABLE or hasattr(claim, "verdict"):
            raise ValidationError("Only claims nobody has started on can be merged.", code="reviewed")
    body = first.article.body
    first.end = max(first.end, second.end)
    first.text = body[first.start : first.end]
    first.check_worthiness = max(first.check_worthiness, second.check_worthiness)
    _move_disputes(second, onto=first)
    save_claim(first, user, "end", "text", "check_worthiness")
    # The history says where it went: a link to it leads to the merged claim (selectors.merges).
    second._history_user, second._change_reason = user, merged_reason(first)
    second_cluster = second.cluster_id
    second.delete()
    members_removed([second_cluster])
    refresh_disputes(first.article_id)  # and the flags: the merged claim may have gained or lost some
    first.refresh_from_db()
    refresh_matches([first])
    return first


def _move_disputes(gone: Claim, *, onto: Claim) -> None:
    """The merged claim inherits the disputes of the claim it absorbed, without doubles: a pair
    that still holds keeps its row when the disputes are read again, and a pair with a claim of
    another article, which the reading leaves alone, is not lost with the absorbed claim."""
    for dispute in Dispute.objects.filter(Q(first=gone) | Q(second=gone)):
        other_id = dispute.second_id if dispute.first_id == gone.pk else dispute.first_id
        already = Dispute.objects.filter(
            Q(first_id=onto.pk, second_id=other_id) | Q(first_id=other_id, second_id=onto.pk)
        ).exists()
        if other_id == onto.pk or already:
            dispute.delete()
        elif dispute.first_id == gone.pk:
            Dispute.objects.filter(pk=dispute.pk).update(first=onto)
        else:
            Dispute.objects.filter(pk=dispute.pk).update(second=onto)
