"""python manage.py bench_extraction: the engine's speed against spaCy's parse alone, in one run.

The corpus is the evaluation's development articles when they are beside the project (repeated
to reach --articles), otherwise the demo articles. Both sides are timed in the same process on
the same texts, alternating, and the best of --rounds is kept for each, so a busy machine
slows both alike. No database is touched.
"""
import json
import resource
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from claims.demo.articles import ARTICLES
from claims.extraction import ArticleInput, extract_many
from claims.extraction.articles_file import ArticleFileError, read_article_file
from claims.extraction.nlp import pipeline
from claims.extraction.text import prepare

DEFAULT_CORPUS = Path(settings.BASE_DIR).parent / "shared" / "eval" / "dev"


class Command(BaseCommand):
    help = "Time the extraction engine against raw nlp.pipe on the same articles."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=210)
        parser.add_argument("--rounds", type=int, default=3)
        parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="folder of article files (evaluation format)")

    def handle(self, *args, articles, rounds, corpus, **options):
        if articles < 1 or rounds < 1:
            raise CommandError("--articles and --rounds must be at least 1")
        base = self._corpus(Path(corpus))
        inputs = [base[i % len(base)] for i in range(articles)]
        texts = [prepare(a.text) for a in inputs]
        nlp = pipeline()
        list(nlp.pipe(texts[: len(base)]))  # load and warm up both paths
        extract_many(inputs[: len(base)])
        parse_times, engine_times = [], []
        for _ in range(rounds):
            started = time.perf_counter()
            for _doc in nlp.pipe(texts, batch_size=16):
                pass
            parse_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            extract_many(inputs, batch_size=16)
            engine_times.append(time.perf_counter() - started)
        parse, engine = min(parse_times), min(engine_times)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(f"corpus: {len(base)} distinct articles ({self.source}), repeated to {articles}")
        self.stdout.write(f"raw nlp.pipe : {parse:.2f} s  ({articles / parse:.1f} articles/s)")
        self.stdout.write(f"engine       : {engine:.2f} s  ({articles / engine:.1f} articles/s)")
        self.stdout.write(f"ratio engine / parse: {engine / parse:.3f}   peak RSS: {peak_mb:.0f} MB")
        self.stdout.write(
            json.dumps(
                {
                    "articles": articles,
                    "articles_per_s": round(articles / engine, 2),
                    "ratio_vs_parse": round(engine / parse, 3),
                    "peak_rss_mb": round(peak_mb, 1),
                }
            )
        )

    def _corpus(self, folder: Path) -> list[ArticleInput]:
        self.source = "demo articles"
        if folder.is_dir() and any(folder.glob("*.json")):
            self.source = str(folder)
            try:
                return [read_article_file(path)[1] for path in sorted(folder.glob("*.json"))]
            except ArticleFileError as exc:
                raise CommandError(str(exc)) from exc
        return [ArticleInput(item["text"]) for item in ARTICLES]
