"""python manage.py bench_export --verdicts 100000: the CSV export against PostgreSQL's COPY.

Builds a throwaway PostgreSQL database, seeds N published verdicts with evidence (COPY), then
exports them as CSV through the real code path (the selection and export_chunks, as the web
download and `export_verdicts` use them) and has PostgreSQL COPY the same rows (the same SQL,
export_rows("csv", ...), as raw columns) to CSV, with JIT off as the export reads
(claims/long_reads.py; with JIT on, COPY itself is slower). Both write to a file. The machine's speed drifts
between runs, so the two alternate for --rounds rounds and the median round's figures are
reported. Prints rows per second for both, the ratio, and the export's peak memory growth
(resident set sampled every 5 ms while it runs, the largest of all rounds). Then the JSON and
ClaimReview exports of the same verdicts, once each, through the same export_chunks: their rows
per second and peak memory growth. The last line is JSON.
"""
import csv
import json
import os
import tempfile
import threading
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from claims.benchmarks.database import throwaway_database
from claims.benchmarks.seed import seed_published_verdicts
from claims.exports import export_chunks, export_rows
from claims.long_reads import long_read
from claims.public_links import fact_check_url, site_url
from claims.selectors.verdicts import VerdictSelection


class Command(BaseCommand):
    help = "Seed N published verdicts in a throwaway PostgreSQL database and time the CSV export against COPY."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--verdicts", type=int, default=100_000)
        parser.add_argument("--rounds", type=int, default=3, help="export and COPY runs, alternating")
        parser.add_argument("--keep", action="store_true", help="keep the benchmark database afterwards")

    def handle(self, *args, verdicts, rounds, keep, **options):
        if connection.vendor != "postgresql":
            raise CommandError("bench_export needs PostgreSQL: set DATABASE_URL (it compares against COPY).")
        if verdicts < 100:
            raise CommandError("--verdicts must be at least 100")
        if rounds < 1:
            raise CommandError("--rounds must be at least 1")
        runs, growth = [], 0.0
        with throwaway_database(keep=keep):
            seeded = seed_published_verdicts(verdicts)
            self.stdout.write(f"seeded {seeded:,} published verdicts with evidence")
            selection = VerdictSelection({}).qs
            fact_check_url(0, site_url())  # load the URL map first, as a running server has it
            with tempfile.TemporaryDirectory() as folder:
                for number in range(1, rounds + 1):
                    export_s, export_rows_written, round_growth = self._export(selection, os.path.join(folder, "export.csv"))
                    copy_s, copy_rows = self._copy(export_rows("csv", selection), os.path.join(folder, "copy.csv"))
                    if export_rows_written != seeded or copy_rows != seeded:
                        raise CommandError(f"row counts differ: seeded {seeded}, exported {export_rows_written}, copied {copy_rows}")
                    growth = max(growth, round_growth)
                    runs.append((copy_s / export_s, export_s, copy_s))
                    self.stdout.write(
                        f"round {number}: export {export_s:.2f} s ({seeded / export_s:,.0f} rows/s, peak RSS growth "
                        f"{round_growth:.1f} MB); COPY {copy_s:.2f} s ({seeded / copy_s:,.0f} rows/s); ratio {copy_s / export_s:.3f}"
                    )
                documents = {}
                for fmt in ("json", "claimreview"):
                    documents[fmt] = self._export_documents(fmt, selection, os.path.join(folder, f"export.{fmt}"))
                    if documents[fmt][1] != seeded:
                        raise CommandError(f"{fmt}: seeded {seeded}, exported {documents[fmt][1]}")
        ratio, export_s, copy_s = sorted(runs)[(len(runs) - 1) // 2]  # with an even count, the worse of the middle two
        rate, copy_rate = seeded / export_s, seeded / copy_s
        self.stdout.write(f"export (real code path): {export_s:.2f} s  {rate:,.0f} rows/s  peak RSS growth {growth:.1f} MB")
        self.stdout.write(f"COPY (same rows)       : {copy_s:.2f} s  {copy_rate:,.0f} rows/s")
        self.stdout.write(f"ratio export / COPY, median of {rounds}: {ratio:.3f} (rounds: {', '.join(f'{r:.3f}' for r, _, _ in runs)})")
        for fmt, label in (("json", "JSON export       "), ("claimreview", "ClaimReview export")):
            seconds, _, fmt_growth = documents[fmt]
            self.stdout.write(f"{label}     : {seconds:.2f} s  {seeded / seconds:,.0f} rows/s  peak RSS growth {fmt_growth:.1f} MB")
        self.stdout.write(json.dumps({
            "verdicts": seeded,
            "rows_per_s": round(rate),
            "copy_rows_per_s": round(copy_rate),
            "ratio_vs_copy": round(ratio, 3),
            "peak_rss_growth_mb": round(growth, 1),
            "json_rows_per_s": round(seeded / documents["json"][0]),
            "claimreview_rows_per_s": round(seeded / documents["claimreview"][0]),
            "json_peak_rss_growth_mb": round(documents["json"][2], 1),
            "claimreview_peak_rss_growth_mb": round(documents["claimreview"][2], 1),
        }))

    def _export(self, verdicts, path):
        sampler = _PeakRss()
        started = time.perf_counter()
        with sampler, open(path, "w", encoding="utf-8", newline="") as out:
            for chunk in export_chunks("csv", verdicts, site=site_url()):
                out.write(chunk)
        elapsed = time.perf_counter() - started
        return elapsed, _csv_records(path) - 1, sampler.growth_mb  # less the header

    def _export_documents(self, fmt, verdicts, path):
        sampler = _PeakRss()
        started = time.perf_counter()
        with sampler, open(path, "w", encoding="utf-8", newline="") as out:
            for chunk in export_chunks(fmt, verdicts, site=site_url()):
                out.write(chunk)
        elapsed = time.perf_counter() - started
        with open(path, encoding="utf-8") as written:
            count = len(json.load(written))  # read back after the clock and the memory watch stop
        return elapsed, count, sampler.growth_mb

    def _copy(self, rows, path):
        sql, params = rows.query.sql_with_params()
        started = time.perf_counter()
        # The same settings as the export's read (long_reads: JIT off), the faster COPY of the two:
        # the ratio compares the export's own work with the database's, not two configurations.
        with long_read(connection.alias), connection.cursor() as cursor, open(path, "wb") as out:
            statement = cursor.cursor.mogrify(sql, params)
            with cursor.cursor.copy(f"COPY ({statement}) TO STDOUT WITH (FORMAT csv)") as copy:
                for data in copy:
                    out.write(data)
        return time.perf_counter() - started, _csv_records(path)


def _csv_records(path: str) -> int:
    with open(path, encoding="utf-8", newline="") as written:
        return sum(1 for _ in csv.reader(written))


class _PeakRss:
    """The largest resident set seen while the block runs, less the size when it began."""

    def __init__(self, every: float = 0.005):
        self.every, self.peak, self._stop = every, 0, threading.Event()
        self.page = os.sysconf("SC_PAGE_SIZE")

    def _rss(self) -> int:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * self.page

    def _watch(self):
        while not self._stop.wait(self.every):
            self.peak = max(self.peak, self._rss())

    def __enter__(self):
        self.start = self.peak = self._rss()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._rss())

    @property
    def growth_mb(self) -> float:
        return (self.peak - self.start) / 2**20
