"""Puts what the signed-in user may do into every template, for showing the right buttons."""
from django.contrib.auth.models import AnonymousUser

from . import permissions


def roles(request):
    # A request refused before AuthenticationMiddleware ran (a Host header not allowed, refused by
    # CommonMiddleware) has no user, and Django renders its 400 page with this context: that
    # page must not fail into a 500. Anonymous may do nothing, as django.contrib.auth's own
    # context processor assumes.
    user = getattr(request, "user", None) or AnonymousUser()
    return {
        "may_import": permissions.can_import_articles(user),
        "may_export": permissions.can_export(user),
        "may_manage": permissions.can_manage_registry(user),
        "may_review": permissions.can_review(user),
    }
