"""Creating, checking and revoking API tokens."""
import hashlib
import secrets

from datetime import timedelta

from django.utils import timezone

from ..models import ApiToken


LAST_USED_PRECISION = timedelta(minutes=1)


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def create_token(*, user, name: str) -> tuple[ApiToken, str]:
    """Returns the token record and the token itself, which is not stored and not shown again."""
    key = secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=name[:100], prefix=key[:8], key_hash=_hash(key))
    token.full_clean(validate_unique=False)
    token.save()
    return token, key


def user_for(key: str):
    """The active user a token stands for, or None (unknown, revoked, or the user deactivated)."""
    if not key or len(key) > 200:
        return None
    token = ApiToken.objects.select_related("user").filter(key_hash=_hash(key), revoked=False).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    # To the minute: a write (and its commit) on every call cost a search several milliseconds.
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
