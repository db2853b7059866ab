"""View decorators that turn claims.permissions into HTTP answers.

A request refused before its view runs (not signed in, no role, a stale CSRF token) is answered
as a page when a browser asked for a page. When htmx asked, from inside a page (the queue's `a`,
the review panel, the article's status poll), it would swap that answer into the row or the panel
(4xx answers are swapped, and a redirect to the login page is followed), so a whole page would
land inside a table row. htmx is told to reload the page instead (HX-Refresh): the reload shows
the login page, the refusal, or the page again with a fresh token.
"""
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.views import csrf
from django_htmx.http import HttpResponseClientRefresh

from .. import permissions


def _reload(status: int) -> HttpResponseClientRefresh:
    response = HttpResponseClientRefresh()
    response.status_code = status
    return response


def _from_htmx(request) -> bool:
    return bool(getattr(request, "htmx", False))


def role_required(check, message):
    """Anonymous users go to the login page; signed-in users without the role get 403."""

    def decorator(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            if not check(request.user):
                raise PermissionDenied(message)
            return view(request, *args, **kwargs)

        signed_in = login_required(checked)

        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if _from_htmx(request):
                if not request.user.is_authenticated:
                    return _reload(401)
                if not check(request.user):
                    return _reload(403)
            return signed_in(request, *args, **kwargs)

        return wrapped

    return decorator


def csrf_failure(request, reason=""):
    """settings.CSRF_FAILURE_VIEW: Django's page, or a reload for htmx (see the module)."""
    if _from_htmx(request):
        return _reload(403)
    return csrf.csrf_failure(request, reason=reason)


workbench_required = role_required(permissions.can_use_workbench, "You have no role on the workbench.")
editor_required = role_required(permissions.can_import_articles, "Only editors can do this.")
export_required = role_required(permissions.can_export, "Only editors see reports and export verdicts.")
