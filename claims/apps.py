from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Fact-checking"

    def ready(self):
        from .admin_access import grant_admin_permissions
        from .selectors.menus import watch_menu_records
        from .services import deletions

        # After django.contrib.auth's own handler (its app is listed first), which creates the permissions.
        post_migrate.connect(grant_admin_permissions, sender=self, dispatch_uid="claims.grant_admin_permissions")
        # The queue's stored marks follow deletions made anywhere: the admin, a cascade, a queryset.
        deletions.connect()
        # The queue's filter menus are kept between requests until one of their records changes.
        watch_menu_records()
