from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from claims.services.tokens import create_token


class Command(BaseCommand):
    help = "Create an API token for a user; the token is printed once and not stored."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("name", help="what will use the token, e.g. 'CMS importer'")

    def handle(self, *args, username, name, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        try:
            token, key = create_token(user=user, name=name)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        self.stdout.write(f"Token for {username} ({token.name}); store it now, it is not shown again:\n{key}")
