"""python manage.py bench_queue --claims 1000000: the review queue against the Django admin.

Builds a throwaway PostgreSQL database (Django's test-database machinery: test_<name>), seeds it
with COPY, then times our queue's default view and every filter, and the admin's claim change
list, through the test client in the same run. Prints median and p95 per view and ends with one
JSON line. Nothing touches the configured database's own data.
"""
import json

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client

from claims.benchmarks.database import throwaway_database
from claims.benchmarks.seed import seed
from claims.benchmarks.timing import summary, time_get


class Command(BaseCommand):
    help = "Seed N claims in a throwaway PostgreSQL database and time the queue against the admin."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--claims", type=int, default=1_000_000)
        parser.add_argument("--repeat", type=int, default=30, help="timed requests per queue view")
        parser.add_argument("--admin-repeat", type=int, default=10, help="timed requests of the admin change list")
        parser.add_argument("--keep", action="store_true", help="keep the benchmark database afterwards")

    def handle(self, *args, claims, repeat, admin_repeat, keep, **options):
        if connection.vendor != "postgresql":
            raise CommandError("bench_queue needs PostgreSQL: set DATABASE_URL (it uses COPY and a throwaway database).")
        if claims < 100 or repeat < 1 or admin_repeat < 1:
            raise CommandError("--claims must be at least 100 and the repeats at least 1")
        with throwaway_database(keep=keep):
            self._run(claims, repeat, admin_repeat)

    def _run(self, claims, repeat, admin_repeat):
        from django.conf import settings

        settings.SECURE_SSL_REDIRECT = False
        self.stdout.write(f"seeding {claims:,} claims with COPY ...")
        ids = seed(claims)
        reviewer = ids["reviewer"]
        ours, admin = Client(), Client()
        ours.force_login(reviewer)
        from django.contrib.auth import get_user_model

        boss = get_user_model().objects.create_superuser("bench-admin", "admin@bench.invalid", "x")
        admin.force_login(boss)
        first = ours.get("/").context["page"]
        views = {
            "default (open, most check-worthy)": {},
            "state=in_review": {"state": "in_review"},
            "state=published": {"state": "published"},
            "assigned=mine": {"assigned": "mine"},
            "assigned=unassigned": {"assigned": "unassigned"},
            "reviewer": {"reviewer": reviewer.pk},
            "topic": {"topic": ids["topic"]},
            "side": {"side": ids["side"]},
            "source": {"source": ids["source"]},
            "outlet": {"outlet": ids["outlet"]},
            "article": {"article": ids["article"]},
            "min_worthiness=0.8": {"min_worthiness": "0.8"},
            "disputed": {"disputed": "true"},
            "published range": {"published_from": "2024-03-01", "published_to": "2024-03-31"},
            "text search": {"q": ids["word"]},
            "sort=newest": {"sort": "newest"},
            "sort=article": {"sort": "article"},
            "next page": {"after": first.next_cursor},
        }
        rows, worst = [], 0.0
        self.stdout.write(f"{'view':<36} {'median ms':>10} {'p95 ms':>8}")
        for name, params in views.items():
            median, p95 = summary(time_get(ours, "/", params, repeat=repeat))
            worst = max(worst, p95)
            rows.append((name, median, p95))
            self.stdout.write(f"{name:<36} {median:>10.1f} {p95:>8.1f}")
        admin_median, admin_p95 = summary(time_get(admin, "/admin/claims/claim/", {}, repeat=admin_repeat))
        self.stdout.write(f"{'Django admin claim change list':<36} {admin_median:>10.1f} {admin_p95:>8.1f}")
        speedup = admin_p95 / worst if worst else 0.0
        self.stdout.write(f"admin p95 / our worst p95: {speedup:.1f}x")
        self.stdout.write(
            json.dumps(
                {"claims": claims, "p95_ms": round(worst, 1), "admin_p95_ms": round(admin_p95, 1),
                 "speedup_vs_admin": round(speedup, 2)}
            )
        )
