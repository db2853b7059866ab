"""Creates the three roles as groups, with the model permissions the Django admin needs.

What each role may do in the workbench itself is decided in claims/permissions.py; these model
permissions only open the admin to admins and give editors read access there.
"""
from django.contrib.auth.management import create_permissions
from django.db import migrations

REGISTRY = ["source", "outlet", "topic", "side"]
WORK = ["article", "claim", "verdict", "evidence"]


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def perms(app_label, models, actions):
        codenames = [f"{action}_{model}" for model in models for action in actions]
        return Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)

    admin, _ = Group.objects.get_or_create(name="Admin")
    admin.permissions.set(
        list(perms("claims", REGISTRY + WORK, ["add", "change", "delete", "view"]))
        + list(perms("auth", ["user", "group"], ["add", "change", "delete", "view"]))
    )
    editor, _ = Group.objects.get_or_create(name="Editor")
    editor.permissions.set(perms("claims", REGISTRY + WORK, ["view"]))
    Group.objects.get_or_create(name="Reviewer")


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Admin", "Editor", "Reviewer"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
