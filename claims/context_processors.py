"""Puts what the signed-in user may do into every template, for showing the right buttons."""
from . import permissions


def roles(request):
    user = request.user
    return {
        "may_import": permissions.can_import_articles(user),
        "may_export": permissions.can_export(user),
        "may_manage": permissions.can_manage_registry(user),
        "may_review": permissions.can_review(user),
    }
