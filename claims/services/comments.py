"""The short discussion thread on each claim."""
from django.core.exceptions import ValidationError

from .. import permissions
from ..models import Claim, Comment

MAX_COMMENT_CHARS = 5000


def add_comment(*, claim: Claim, author, body: str) -> Comment:
    permissions.require(permissions.can_review(author), "Only people on the workbench can comment.")
    body = body.strip()
    if not body:
        raise ValidationError("Write something first.", code="empty")
    if len(body) > MAX_COMMENT_CHARS:
        raise ValidationError(f"Keep comments under {MAX_COMMENT_CHARS:,} characters.", code="too_long")
    comment = Comment(claim=claim, author=author, body=body)
    comment.full_clean()
    comment.save()
    return comment
