"""Claims people add or correct by hand, next to what extraction found."""
from django.core.exceptions import ValidationError
from django.db import transaction

from .. import permissions
from ..models import Article, Claim, ClaimKind, Side


@transaction.atomic
def add_claim_by_hand(*, article: Article, text: str, added_by, speaker: str = "", side: Side | None = None) -> Claim:
    """A claim the engine missed (or could not look for: an unsupported language).

    The text must be copied from the article, so that its offsets point into the body.
    """
    permissions.require(permissions.can_review(added_by), "Only reviewers and editors can add claims.")
    text = text.strip()
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
    claim.full_clean()
    claim.save()
    return claim
