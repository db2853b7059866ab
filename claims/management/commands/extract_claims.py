"""python manage.py extract_claims FILE [FILE ...]: one JSON line per article file, no database."""
import json

from django.core.management.base import BaseCommand, CommandError

from claims.extraction import extract_many
from claims.extraction.articles_file import ArticleFileError, as_output, read_article_file


class Command(BaseCommand):
    help = "Extract claims, speakers, sides and disputes from article files (evaluation format)."
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+")

    def handle(self, *args, files, **options):
        try:
            articles = [read_article_file(path) for path in files]
        except ArticleFileError as exc:
            raise CommandError(str(exc)) from exc
        results = extract_many(article for _, article in articles)
        for (article_id, _), extraction in zip(articles, results):
            self.stdout.write(json.dumps(as_output(article_id, extraction), ensure_ascii=False))
