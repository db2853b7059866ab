"""python manage.py bench_matching --claims 1000000: the match lookup and the fact-check search at scale.

Builds a throwaway PostgreSQL database (claims.benchmarks.database), seeds it with COPY (the
queue benchmark's claims, a tenth published with a verdict) and stores a signature for every
check-worthy claim, as the product has them once each claim was matched after its split
(claims.benchmarks.matching.seed_signatures: every text parsed by the matcher's own code, about a
millisecond a claim, so a million claims take a quarter of an hour to seed; --keep and --reuse
let a second run skip it). Then times, in the same run:

- the match lookup for a new claim (claims.selectors.fact_check_search.matches_for_text: the
  candidates from the text search, their stored signatures read, the matcher's compare), one new
  claim text per run, so no run repeats another's work;
- the search API (/api/fact-checks/search through the test client, token and all), one query
  per run.

Before every timed run the per-process cache of parsed signatures is emptied, so each run pays
what a fresh worker would: its own text parsed, the candidates' signatures read from their rows.
The JSON line reports these two. One more line, printed but not reported, times the lookup
when none of the candidates has a stored signature (their rows deleted inside a transaction that
is rolled back): what a claim stored before matching existed costs, every candidate parsed.
Prints median and p95 per step and ends with one JSON line. Nothing touches the configured
database's own data.
"""
import json
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client

from claims.benchmarks.database import throwaway_database
from claims.benchmarks.matching import new_claims, seed_signatures, seed_with_verdicts
from claims.benchmarks.timing import summary
from claims.models import Claim, ClaimSignature
from claims.selectors import fact_check_search as matching
from claims.selectors.candidates import CANDIDATES, MATCHING, Wanted, candidates_for_batch


class Command(BaseCommand):
    help = "Seed N claims in a throwaway PostgreSQL database and time the match lookup and the search API."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--claims", type=int, default=1_000_000)
        parser.add_argument("--repeat", type=int, default=100, help="timed lookups and searches of each kind (each a new text)")
        parser.add_argument("--keep", action="store_true", help="keep the benchmark database afterwards")
        parser.add_argument("--reuse", action="store_true",
                            help="use the database an earlier run with --keep left, if it holds the same number of claims (implies --keep)")

    def handle(self, *args, claims, repeat, keep, reuse, **options):
        if connection.vendor != "postgresql":
            raise CommandError("bench_matching needs PostgreSQL: set DATABASE_URL (it uses COPY and a throwaway database).")
        if claims < 100 or repeat < 1:
            raise CommandError("--claims must be at least 100 and --repeat at least 1")
        with throwaway_database(keep=keep or reuse, reuse=reuse):
            self._seed(claims)
            self._run(claims, repeat)

    def _seed(self, claims):
        held = Claim.objects.count()
        if held and held != claims:
            raise CommandError(f"the kept benchmark database holds {held:,} claims, not {claims:,}: run once without --reuse")
        if held:
            self.stdout.write(f"reusing the kept database: {claims:,} claims")
        else:
            started = time.perf_counter()
            self._say(f"seeding {claims:,} claims with COPY ...")
            verdicts = seed_with_verdicts(claims)
            self.stdout.write(f"seeded {claims:,} claims, {verdicts:,} published verdicts in {time.perf_counter() - started:.0f} s")
        started = time.perf_counter()
        stored = seed_signatures(progress=lambda n: n % 100_000 < 2000 and self._say(f"  {n:,} signatures ..."))
        total = ClaimSignature.objects.count()
        self.stdout.write(f"stored {stored:,} signatures in {time.perf_counter() - started:.0f} s; "
                          f"{total:,} signatures (check-worthy claims) in all")

    def _say(self, line):
        self.stdout.write(line)
        self.stdout.flush()  # a quarter of an hour of seeding shows its progress, also into a file

    def _run(self, claims, repeat):
        from django.conf import settings
        from django.contrib.auth import get_user_model

        from claims.services.tokens import create_token

        settings.SECURE_SSL_REDIRECT = False
        reviewer = get_user_model().objects.get(username="bench-reviewer-0")
        client = Client(headers={"Authorization": f"Bearer {create_token(user=reviewer, name='bench')[1]}"})
        texts = new_claims(2 * repeat + 1)
        queries = [" ".join(text.split()[:4]) for text in new_claims(repeat + 1, seed_value=123)]
        # Once untimed: loads the language model, warms the connection and PostgreSQL's buffers.
        matching.matches_for_text(texts[0])
        self._search(client, queries[0])
        texts, queries = texts[1:], queries[1:]

        self.stdout.write(f"{'step':<48} {'median ms':>10} {'p95 ms':>8}")
        match_times = self._timed(matching.matches_for_text, texts[:repeat])
        search_times = self._timed(lambda q: self._search(client, q), queries)
        unstored_times = self._timed(matching.matches_for_text, texts[repeat:], unstored=True)
        figures = {}
        for name, times in (
            ("match lookup", match_times), ("search API", search_times),
            ("match lookup, candidates without stored signature", unstored_times),
        ):
            median, p95 = summary(times)
            figures[name] = p95
            self.stdout.write(f"{name:<48} {median:>10.1f} {p95:>8.1f}")
        same = sum(any(r.same for r in matching.matches_for_text(t)) for t in texts[:20])
        self.stdout.write(f"new claims with a same-claim match among the first 20: {same}")
        self.stdout.write(json.dumps({
            "claims": claims, "match_p95_ms": round(figures["match lookup"], 1),
            "search_p95_ms": round(figures["search API"], 1),
        }))

    @staticmethod
    def _timed(step, inputs, *, unstored: bool = False) -> list[float]:
        times = []
        for value in inputs:
            with transaction.atomic():
                if unstored:
                    found = candidates_for_batch([Wanted(value)], CANDIDATES, MATCHING)[0]
                    ClaimSignature.objects.filter(claim_id__in=[c.claim_id for c in found]).delete()
                matching._SIGNATURES.clear()
                began = time.perf_counter()
                step(value)
                times.append((time.perf_counter() - began) * 1000)
                transaction.set_rollback(True)
        return times

    @staticmethod
    def _search(client, q):
        response = client.get("/api/fact-checks/search", {"q": q})
        if response.status_code != 200:
            raise CommandError(f"search {q!r} answered {response.status_code}: {response.content[:200]!r}")
        return response
