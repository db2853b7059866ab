"""python manage.py bench_narratives --claims 1000000: the queue's narrative flag and filter at scale.

Builds a throwaway PostgreSQL database (claims.benchmarks.database), seeds it with COPY (the queue
benchmark's claims), records two narratives whose matches are spread over the claims (a small
one, --small claims, and a large one, --large claims), then times the queue page through the test
client (the whole request: rows, "narrative: <name>" marks and the state tabs) with no narrative
filter, "any known narrative", the small narrative and the large one. Prints median and p95 per
view and ends with one JSON line. Nothing touches the configured database's own data.
"""
import json
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client

from claims.benchmarks.database import throwaway_database
from claims.benchmarks.seed import seed, seed_narratives
from claims.benchmarks.timing import summary, time_round_robin


class Command(BaseCommand):
    help = "Seed N claims and two narratives in a throwaway PostgreSQL database and time the queue's narrative filter."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--claims", type=int, default=1_000_000)
        parser.add_argument("--small", type=int, default=200, help="claims repeating the small narrative")
        parser.add_argument("--large", type=int, default=20_000, help="claims repeating the large narrative")
        parser.add_argument("--repeat", type=int, default=20)
        parser.add_argument("--keep", action="store_true", help="keep the benchmark database afterwards")

    def handle(self, *args, claims, small, large, repeat, keep, **options):
        if connection.vendor != "postgresql":
            raise CommandError("bench_narratives needs PostgreSQL: set DATABASE_URL (it uses COPY and a throwaway database).")
        if claims < 1000 or repeat < 1 or not 0 < small <= large <= claims // 10:
            raise CommandError("--claims at least 1000, --repeat at least 1, and 0 < --small <= --large <= a tenth of --claims")
        with throwaway_database(keep=keep):
            self._run(claims, small, large, repeat)

    def _run(self, claims, small, large, repeat):
        from django.conf import settings

        settings.SECURE_SSL_REDIRECT = False
        started = time.perf_counter()
        self.stdout.write(f"seeding {claims:,} claims with COPY ...")
        seeded = seed(claims)
        reviewer = seeded["reviewer"]
        narratives = seed_narratives({"small": small, "large": large})
        with connection.cursor() as cursor:
            # As bench_queue settles its seed: a newsroom's tables have been through autovacuum,
            # whose visibility map lets an index-only scan skip the table; tables just written by
            # COPY have none until its first pass.
            for table in ("claims_claim", "claims_article", "claims_narrativematch"):
                cursor.execute(f"VACUUM ANALYZE {table}")
        self.stdout.write(f"seeded in {time.perf_counter() - started:.0f} s: narratives of {small:,} and {large:,} claims")

        client = Client()
        client.force_login(reviewer)
        views = {
            "queue, no narrative filter": {},
            "narrative=any": {"narrative": "any"},
            f"narrative=small ({small:,} claims)": {"narrative": narratives["small"]},
            f"narrative=large ({large:,} claims)": {"narrative": narratives["large"]},
        }
        figures = {}
        # One request of each view in turn (claims.benchmarks.timing): a slow minute of a shared
        # machine falls on every view alike.
        times = time_round_robin({name: (client, "/", params) for name, params in views.items()}, repeat=repeat)
        self.stdout.write(f"{'view':<40} {'median ms':>10} {'p95 ms':>8}")
        for name, params in views.items():
            median, p95 = summary(times[name])
            figures[name] = p95
            self.stdout.write(f"{name:<40} {median:>10.1f} {p95:>8.1f}")
        self.stdout.write(json.dumps({"claims": claims, "p95_ms": {k: round(v, 1) for k, v in figures.items()}}))
