"""python manage.py bench_matching --claims 1000000: the match lookup and the fact-check search at scale.

Builds a throwaway PostgreSQL database (claims.benchmarks.database), seeds it with COPY (the
queue benchmark's claims, a tenth published with a verdict), then times in the same run:

- the match lookup for a new claim (claims.selectors.fact_check_search.matches_for_text: the text search on
  search_vector for candidates, then the claim matcher's compare over them), one new claim text
  per run, so no run repeats another's work;
- the search API (/api/fact-checks/search through the test client, token and all), one query
  per run.

Each is timed twice, on different texts:
- "cold": the matcher's per-process signature cache emptied before every run, so every candidate
  is parsed with spaCy; this is what the code costs today, as claims do not store signatures yet.
  The JSON line reports these figures: the real cost, not the flattering one.
- "signatures stored": the candidates' signatures put in the cache by an untimed step first (which
  also reads their rows, so their pages are warm), then the lookup timed: what it would cost once
  each claim's signature is stored beside it, as claims.matching.Signature.as_json allows.
Prints median and p95 per step and ends with one JSON line. Nothing touches the configured
database's own data.
"""
import json
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client

from claims.benchmarks.database import throwaway_database
from claims.benchmarks.matching import new_claims, seed_with_verdicts
from claims.benchmarks.timing import summary
from claims.selectors import fact_check_search as matching


class Command(BaseCommand):
    help = "Seed N claims in a throwaway PostgreSQL database and time the match lookup and the search API."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--claims", type=int, default=1_000_000)
        parser.add_argument("--repeat", type=int, default=100, help="timed lookups and searches of each kind (each a new text)")
        parser.add_argument("--keep", action="store_true", help="keep the benchmark database afterwards")

    def handle(self, *args, claims, repeat, keep, **options):
        if connection.vendor != "postgresql":
            raise CommandError("bench_matching needs PostgreSQL: set DATABASE_URL (it uses COPY and a throwaway database).")
        if claims < 100 or repeat < 1:
            raise CommandError("--claims must be at least 100 and --repeat at least 1")
        with throwaway_database(keep=keep):
            self._run(claims, repeat)

    def _run(self, claims, repeat):
        from django.conf import settings

        from claims.services.tokens import create_token

        settings.SECURE_SSL_REDIRECT = False
        started = time.perf_counter()
        self.stdout.write(f"seeding {claims:,} claims with COPY ...")
        verdicts = seed_with_verdicts(claims)
        self.stdout.write(f"seeded {claims:,} claims, {verdicts:,} published verdicts in {time.perf_counter() - started:.0f} s")
        from django.contrib.auth import get_user_model

        reviewer = get_user_model().objects.get(username="bench-reviewer-0")
        client = Client(headers={"Authorization": f"Bearer {create_token(user=reviewer, name='bench')[1]}"})
        texts = new_claims(2 * repeat + 1)
        queries = [" ".join(text.split()[:4]) for text in new_claims(2 * repeat + 1, seed_value=123)]
        # Once untimed: loads the language model, warms the connection and PostgreSQL's buffers.
        matching.matches_for_text(texts[0])
        self._search(client, queries[0])
        texts, queries = texts[1:], queries[1:]

        figures = {}
        self.stdout.write(f"{'step':<40} {'median ms':>10} {'p95 ms':>8}")
        for stored, some_texts, some_queries in (
            (False, texts[:repeat], queries[:repeat]), (True, texts[repeat:], queries[repeat:]),
        ):
            kind = "signatures stored" if stored else "cold"
            match_times = self._timed(matching.matches_for_text, some_texts, stored=stored, published_only=False)
            search_times = self._timed(lambda q: self._search(client, q), some_queries, stored=stored, published_only=True)
            for name, times in ((f"match lookup ({kind})", match_times), (f"search API ({kind})", search_times)):
                median, p95 = summary(times)
                figures[name] = p95
                self.stdout.write(f"{name:<40} {median:>10.1f} {p95:>8.1f}")
        same = sum(any(r.same for r in matching.matches_for_text(t)) for t in texts[:20])
        self.stdout.write(f"new claims with a same-claim match among the first 20: {same}")
        self.stdout.write(json.dumps({
            "claims": claims, "match_p95_ms": round(figures["match lookup (cold)"], 1),
            "search_p95_ms": round(figures["search API (cold)"], 1),
        }))

    @staticmethod
    def _timed(step, inputs, *, stored: bool, published_only: bool) -> list[float]:
        times = []
        for value in inputs:
            matching._SIGNATURES.clear()
            if stored:
                found = matching.search_candidates(value, matching.CANDIDATES, published_only=published_only)
                matching._parsed([c.text for c in found])  # as if stored: parsed outside the timing
            began = time.perf_counter()
            step(value)
            times.append((time.perf_counter() - began) * 1000)
        return times

    @staticmethod
    def _search(client, q):
        response = client.get("/api/fact-checks/search", {"q": q})
        if response.status_code != 200:
            raise CommandError(f"search {q!r} answered {response.status_code}: {response.content[:200]!r}")
        return response
