"""python manage.py bench_import --articles 1000: the import pipeline against extraction alone.

Builds a throwaway PostgreSQL database, starts real Celery worker processes on the Redis broker,
imports N distinct articles as one job (JSON Lines, the bulk channel) and waits until every
article is split. In the same run it times the extraction engine alone on the same texts, in
batches of IMPORT_BATCH_SIZE as a worker takes them (batching helps both sides alike).

On a shared machine the speed drifts by tens of percent within minutes, so the two sides are
interleaved: extraction alone, then the pipeline with one worker, then extraction alone again,
for --rounds rounds. Each round's ratio divides its pipeline time by the mean of the extraction
runs either side of it; the figure reported is the median round's. Then one run with two
workers shows whether throughput grows. Ends with one JSON line.

The pipeline's time ends when every article is split (READY): that is what an import costs. The
matching of the new claims runs after, as tasks of its own on the same workers (services.matching
says why); each run also waits for those to finish (the queue empty, the workers idle) and reports
that time too, so the matching is neither hidden nor left to run into the next measurement.
"""
import json
import os
import subprocess
import sys
import time
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from claims.benchmarks.database import throwaway_database
from claims.demo.articles import ARTICLES
from claims.extraction import ArticleInput, extract_many
from claims.models import Article, ArticleState
from claims.services.imports import import_spreadsheet
from factcheck.celery import app as celery_app


def corpus(count: int) -> list[str]:
    """Distinct article texts: the demo articles, each copy told apart by its own figures."""
    texts = []
    for i in range(count):
        base = ARTICLES[i % len(ARTICLES)]["text"]
        texts.append(f"Report {i + 1}: officials counted {1000 + i} residents in shelters on day {i % 28 + 1}.\n\n{base}")
    return texts


class Command(BaseCommand):
    help = "Time the import pipeline (job, Celery workers, PostgreSQL, extraction) against extraction alone."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--rounds", type=int, default=3, help="pipeline runs, each between two runs of extraction alone")
        parser.add_argument("--timeout", type=int, default=1800, help="seconds to wait for each run")

    def handle(self, *args, articles, rounds, timeout, **options):
        if connection.vendor != "postgresql" or not settings.REDIS_URL:
            raise CommandError("bench_import needs PostgreSQL and Redis: set DATABASE_URL and REDIS_URL.")
        if articles < 10:
            raise CommandError("--articles must be at least 10")
        if rounds < 1:
            raise CommandError("--rounds must be at least 1")
        texts = corpus(articles)
        alone = [self._extraction_alone(texts)]
        self.stdout.write(f"extraction alone        : {alone[0]:.1f} s  ({articles / alone[0]:.1f} articles/s)")
        runs = []
        with throwaway_database():
            for number in range(1, rounds + 1):
                pipeline, matched = self._pipeline(texts, workers=1, timeout=timeout, batch=f"round {number}")
                alone.append(self._extraction_alone(texts))
                ratio = pipeline / ((alone[-2] + alone[-1]) / 2)
                runs.append((ratio, pipeline, matched))
                self.stdout.write(f"pipeline, 1 worker      : {pipeline:.1f} s  ({articles / pipeline:.1f} articles/s)  round {number}: ratio {ratio:.3f}")
                self.stdout.write(f"  ... and matched       : {matched:.1f} s  (every new claim's matching task done)")
                self.stdout.write(f"extraction alone        : {alone[-1]:.1f} s  ({articles / alone[-1]:.1f} articles/s)")
            two, _ = self._pipeline(texts, workers=2, timeout=timeout, batch="two workers")
            self.stdout.write(f"pipeline, 2 workers     : {two:.1f} s  ({articles / two:.1f} articles/s)")
        ratio, one, matched = sorted(runs)[len(runs) // 2]  # with an even count, the slower of the middle two
        self.stdout.write(
            f"ratio pipeline (1 worker) / extraction alone, median of {rounds}: {ratio:.3f} "
            f"(rounds: {', '.join(f'{r:.3f}' for r, *_ in runs)}); 2 workers / 1 worker throughput: {one / two:.2f}x"
        )
        self.stdout.write(json.dumps({
            "articles": articles,
            "articles_per_s": round(articles / one, 2),
            "ratio_vs_extraction": round(ratio, 3),
            "articles_per_s_2_workers": round(articles / two, 2),
            "seconds_until_matched": round(matched, 1),
        }))

    def _extraction_alone(self, texts: list[str]) -> float:
        extract_many([ArticleInput(texts[0])])  # load the pipeline first, as a worker has
        size = settings.IMPORT_BATCH_SIZE
        started = time.perf_counter()
        for start in range(0, len(texts), size):
            extract_many([ArticleInput(text) for text in texts[start : start + size]])
        return time.perf_counter() - started

    def _pipeline(self, texts, *, workers: int, timeout: int, batch: str) -> float:
        editor, _ = get_user_model().objects.get_or_create(username="bench-editor")
        editor.groups.add(Group.objects.get_or_create(name="Editor")[0])
        celery_app.control.purge()
        processes = [self._start_worker(i) for i in range(workers)]
        try:
            self._wait_for_workers(workers)
            self._run_job(["Warm-up article: the mayor said 12 buses ran on Sunday. " * 3 + batch], editor, 60)
            rows = "\n".join(json.dumps({"title": f"Bench {batch} {i}", "text": f"[{batch}] {t}"}) for i, t in enumerate(texts))
            started = time.perf_counter()
            self._run_job_rows(rows.encode(), editor, len(texts), timeout)
            split = time.perf_counter() - started
            self._wait_until_idle(timeout)
            return split, time.perf_counter() - started
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                process.wait(timeout=30)

    def _run_job(self, texts, editor, timeout):
        rows = "\n".join(json.dumps({"text": t}) for t in texts)
        self._run_job_rows(rows.encode(), editor, len(texts), timeout)

    def _run_job_rows(self, data: bytes, editor, count: int, timeout: int) -> None:
        before = Article.objects.filter(state=ArticleState.READY).count()
        import_spreadsheet(filename="bench.jsonl", data=data, user=editor)
        deadline = time.monotonic() + timeout
        while Article.objects.filter(state=ArticleState.READY).count() < before + count:
            if time.monotonic() > deadline:
                raise CommandError(f"timed out waiting for {count} articles")
            time.sleep(0.2)

    def _wait_until_idle(self, timeout: int) -> None:
        """Until the broker's queue is empty and no worker holds a task: the matching tasks the
        splits queued are done."""
        deadline = time.monotonic() + timeout
        queue = celery_app.conf.task_default_queue
        with celery_app.connection_for_write() as conn:
            client = conn.default_channel.client
            while time.monotonic() < deadline:
                if client.llen(queue) == 0:
                    inspect = celery_app.control.inspect(timeout=1.0)
                    busy = [t for tasks in ((inspect.active() or {}) | (inspect.reserved() or {})).values() for t in tasks]
                    if not busy and client.llen(queue) == 0:
                        return
                time.sleep(0.2)
        raise CommandError("timed out waiting for the matching tasks")

    def _start_worker(self, index: int) -> subprocess.Popen:
        database = settings.DATABASES["default"]["NAME"]
        url = urlsplit(os.environ["DATABASE_URL"])
        env = {**os.environ, "DATABASE_URL": urlunsplit(url._replace(path=f"/{database}"))}
        return subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "factcheck", "worker", "--concurrency=1", "--pool=solo",
             f"--hostname=bench{index}@%h", "--loglevel=WARNING", "--without-gossip", "--without-mingle"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )

    def _wait_for_workers(self, count: int) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            replies = celery_app.control.ping(timeout=1.0) or []
            if len(replies) >= count:
                return
        raise CommandError("the Celery workers did not start")
