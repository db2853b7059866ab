from django.core.management.base import BaseCommand

from claims.services.demo import load_demo


class Command(BaseCommand):
    help = "Create the demo users, topic, sources and articles (safe to run again)."

    def handle(self, *args, **options):
        credentials = load_demo()
        self.stdout.write("Demo accounts (demo only, change them for any real use):")
        for username, password, role in credentials:
            self.stdout.write(f"  {role:<9} {username:<10} password: {password}")
