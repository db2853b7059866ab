"""View decorators that turn claims.permissions into HTTP answers."""
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from .. import permissions


def role_required(check, message):
    """Anonymous users go to the login page; signed-in users without the role get 403."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not check(request.user):
                raise PermissionDenied(message)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


workbench_required = role_required(permissions.can_use_workbench, "You have no role on the workbench.")
editor_required = role_required(permissions.can_import_articles, "Only editors can do this.")
export_required = role_required(permissions.can_export, "Only editors see reports and export verdicts.")
