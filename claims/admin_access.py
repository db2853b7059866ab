"""Which Django admin pages each role opens: the model permissions behind them, kept in step
with the models.

The roles were first given their model permissions by migration 0002, which named the models of
that day; models added since (feeds, API tokens, import jobs, same-claim clusters) were left out,
so an admin who is not a superuser was refused their admin pages. Granting them here, after every
`migrate`, means a new model is covered the day it is added. What each role may do in the
workbench itself is decided in claims/permissions.py.
"""
from django.contrib.auth.models import Group, Permission

from .permissions import Role

# Editors read the registry, the work and the known narratives in the admin; they change nothing
# there (narratives are recorded on the workbench's own pages).
EDITOR_READS = (
    "source", "outlet", "topic", "side", "article", "claim", "verdict", "evidence",
    "narrative", "narrativeexample", "narrativedebunk",
)


def grant_admin_permissions(app_config, using="default", **kwargs):
    """post_migrate: the Admin role gets every permission on the workbench's models and on users
    and groups; the Editor role view permission on EDITOR_READS."""
    claims_perms = Permission.objects.using(using).filter(content_type__app_label=app_config.label)
    admin, _ = Group.objects.using(using).get_or_create(name=Role.ADMIN)
    admin.permissions.add(*claims_perms, *Permission.objects.using(using).filter(
        content_type__app_label="auth", content_type__model__in=["user", "group"]))
    editor, _ = Group.objects.using(using).get_or_create(name=Role.EDITOR)
    editor.permissions.add(*claims_perms.filter(codename__in=[f"view_{model}" for model in EDITOR_READS]))
    Group.objects.using(using).get_or_create(name=Role.REVIEWER)
