"""python manage.py bench_queue --claims 1000000: the review queue against the Django admin.

Builds a throwaway PostgreSQL database (Django's test-database machinery: bench_<name>), seeds it
with COPY, then times every view the queue offers (each filter, with the largest and the rarest
value of each menu, each state tab, each sort, page 2 through the cursor: see
claims.benchmarks.queue_views) and the admin's claim change list, the same number of requests
each, one request of each in turn. A request is the whole page a reviewer waits for, state tabs
and all, through the test client. Prints median and p95 per view with the admin's figure divided
by ours, and ends with one JSON line. Nothing touches the configured database's own data.
"""
import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client

from claims.benchmarks.database import throwaway_database
from claims.benchmarks.queue_views import next_pages, queue_views
from claims.benchmarks.seed import seed, seed_queue_extras
from claims.benchmarks.timing import summary, time_round_robin

ADMIN = "Django admin claim change list"


class Command(BaseCommand):
    help = "Seed N claims in a throwaway PostgreSQL database and time every queue view against the admin."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--claims", type=int, default=1_000_000)
        parser.add_argument("--repeat", type=int, default=50, help="timed requests of each view and of the admin")
        parser.add_argument("--keep", action="store_true", help="keep the benchmark database afterwards")
        parser.add_argument(
            "--reuse", action="store_true",
            help="time a database kept by an earlier --keep run (migrated forward) instead of seeding a new one",
        )

    def handle(self, *args, claims, repeat, keep, reuse, **options):
        if connection.vendor != "postgresql":
            raise CommandError("bench_queue needs PostgreSQL: set DATABASE_URL (it uses COPY and a throwaway database).")
        if claims < 100 or repeat < 1:
            raise CommandError("--claims must be at least 100 and --repeat at least 1")
        with throwaway_database(keep=keep, reuse=reuse):
            self._run(claims, repeat, reuse)

    def _run(self, claims, repeat, reuse):
        from django.conf import settings

        from claims.models import Claim

        settings.SECURE_SSL_REDIRECT = False
        found = Claim.objects.count() if reuse else 0
        if found and found != claims:
            raise CommandError(f"the kept benchmark database holds {found:,} claims, not {claims:,}: run without --reuse")
        if found:
            self.stdout.write(f"reusing the kept database of {found:,} claims")
        else:
            self.stdout.write(f"seeding {claims:,} claims with COPY ...")
            seed(claims)
            seed_queue_extras()
            self._settle()
        users = get_user_model().objects
        reviewer = users.get(username="bench-reviewer-0")
        boss = users.filter(username="bench-admin").first() or users.create_superuser("bench-admin", "admin@bench.invalid", "x")
        ours, admin = Client(), Client()
        ours.force_login(reviewer)
        admin.force_login(boss)
        views, untimed = queue_views(reviewer)
        views.update(next_pages(ours, views))
        targets = {name: (ours, "/", params) for name, params in views.items()}
        targets[ADMIN] = (admin, "/admin/claims/claim/", {})
        times = time_round_robin(targets, repeat=repeat)
        self._report(claims, repeat, {name: summary(t) for name, t in times.items()}, untimed)

    def _settle(self):
        """VACUUM ANALYZE the seeded tables: a newsroom's tables have been through autovacuum, whose
        visibility map lets an index-only scan skip the table; a table just written by COPY has
        none, so every count would read the table too (for the admin alike), a state that lasts
        only until autovacuum's first pass."""
        with connection.cursor() as cursor:
            for table in ("claims_claim", "claims_article", "claims_claimmatch", "claims_verdict"):
                cursor.execute(f"VACUUM ANALYZE {table}")

    def _report(self, claims, repeat, figures, untimed):
        admin_median, admin_p95 = figures.pop(ADMIN)
        width = max(len(name) for name in figures) + 2
        self.stdout.write(f"{repeat} requests of each view and of the admin, in turn")
        self.stdout.write(f"{'view':<{width}} {'median ms':>10} {'p95 ms':>8} {'admin/ours p95':>15} {'median':>7}")
        for name, (median, p95) in figures.items():
            self.stdout.write(
                f"{name:<{width}} {median:>10.1f} {p95:>8.1f} {admin_p95 / p95:>14.1f}x {admin_median / median:>6.1f}x"
            )
        self.stdout.write(f"{ADMIN:<{width}} {admin_median:>10.1f} {admin_p95:>8.1f}")
        if untimed:
            self.stdout.write(f"not timed (no sample value in claims.benchmarks.queue_views): {', '.join(untimed)}")
        worst_view = max(figures, key=lambda name: figures[name][1])
        worst_p95 = figures[worst_view][1]
        worst_median = max(median for median, _ in figures.values())
        # The cheapest view (often one with no rows) is the floor every request pays (session,
        # user, form, tabs, template): the admin's p95 over it is the most any view could reach.
        best_view = min(figures, key=lambda name: figures[name][1])
        best_p95 = figures[best_view][1]
        self.stdout.write(
            f"admin p95 / our worst p95 ({worst_view}): {admin_p95 / worst_p95:.1f}x; "
            f"admin median / our worst median: {admin_median / worst_median:.1f}x; "
            f"admin p95 / our best p95 ({best_view}): {admin_p95 / best_p95:.1f}x"
        )
        self.stdout.write(json.dumps({
            "claims": claims, "requests_each": repeat, "views": len(figures),
            "p95_ms": round(worst_p95, 1), "admin_p95_ms": round(admin_p95, 1),
            "speedup_vs_admin": round(admin_p95 / worst_p95, 2),
            "median_ms": round(worst_median, 1), "admin_median_ms": round(admin_median, 1),
            "median_speedup_vs_admin": round(admin_median / worst_median, 2),
            "worst_view": worst_view, "best_p95_ms": round(best_p95, 1), "best_view": best_view,
            "untimed_filters": untimed,
        }))
