"""python manage.py export_verdicts --format csv|json|claimreview [filters] --output FILE

The same selection and the same code as the web downloads (VerdictSelection, export_chunks),
for scripts and cron jobs. Writes to FILE, or to standard output with --output -.
Links to the public fact-checks start from PUBLIC_SITE_URL; unset, from http://127.0.0.1:8000/
(there is no request to follow: claims/public_links.py).
"""
import contextlib
import os
import sys

from django.core.management.base import BaseCommand, CommandError

from claims.exports import FORMATS, export_chunks
from claims.public_links import site_url
from claims.selectors.verdicts import VerdictSelection


class Command(BaseCommand):
    help = "Export published verdicts as CSV, JSON or schema.org ClaimReview JSON-LD."

    def add_arguments(self, parser):
        parser.add_argument("--format", required=True, choices=sorted(FORMATS))
        parser.add_argument("--output", required=True, help="a file to write, or - for standard output")
        parser.add_argument("--article", help="an article's id")
        parser.add_argument("--topic", help="a topic's id")
        parser.add_argument("--outlet", help="an outlet's id")
        parser.add_argument("--source", help="a source's id")
        parser.add_argument("--since", help="published on or after this day (YYYY-MM-DD)")
        parser.add_argument("--until", help="published on or before this day (YYYY-MM-DD)")

    def handle(self, *args, format, output, **options):
        filters = {name: options[name] for name in ("article", "topic", "outlet", "source", "since", "until") if options[name]}
        selection = VerdictSelection(filters)
        if not selection.is_valid():
            raise CommandError(f"The selection is not valid: {selection.problems()}")
        chunks = export_chunks(format, selection.qs, site=site_url())
        count = self._write(chunks, output)
        if output != "-":
            self.stderr.write(f"Wrote {output} ({selection.describe()}, {count:,} characters).")

    def _write(self, chunks, output: str) -> int:
        written = 0
        if output == "-":
            for chunk in chunks:
                sys.stdout.write(chunk)
                written += len(chunk)
            return written
        # Write next to the target and rename at the end: a failed export never leaves half a file.
        partial = f"{output}.partial"
        try:
            with open(partial, "w", encoding="utf-8", newline="") as handle:
                for chunk in chunks:
                    handle.write(chunk)
                    written += len(chunk)
        except BaseException as exc:
            with contextlib.suppress(FileNotFoundError):
                os.remove(partial)
            if isinstance(exc, OSError):
                raise CommandError(f"Cannot write {output}: {exc.strerror}") from exc
            raise
        os.replace(partial, output)
        return written
