"""python manage.py evaluate_matching FILE: how well the matcher tells the same claim from a near miss.

FILE is JSON Lines of gold pairs (see claims/matching/evaluation.py for the format). Prints the
score per kind of pair, the mistakes (with --mistakes), the speed of claim_signature() and
compare(), and last a JSON line {"pairs", "precision", "recall", "precision_at_1"}. No database.
"""
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims.matching.evaluation import PairFileError, evaluate, read_pairs, time_one_signature


class Command(BaseCommand):
    help = "Precision and recall of 'same claim' and precision@1 of the panel on a file of gold pairs."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--mistakes", action="store_true", help="list every pair judged wrongly")

    def handle(self, *args, file, mistakes, **options):
        try:
            pairs = read_pairs(Path(file))
        except PairFileError as error:
            raise CommandError(str(error)) from error
        result = evaluate(pairs)
        for kind, (count, correct) in result.by_kind.items():
            self.stdout.write(f"{kind or '(no kind)':<16} {correct:>4}/{count:<4} right")
        if mistakes:
            for pair, match in result.mistakes:
                gold = "same" if pair.same else "different"
                self.stdout.write(f"- {pair.id} [{pair.kind}] gold {gold}, said {match.reason} ({match.score})")
                self.stdout.write(f"    a: {pair.a}\n    b: {pair.b}")
        single = time_one_signature(pairs[0].a)
        self.stdout.write(
            f"speed: claim_signature() {single:.0f} us per call alone, {result.signature_us:.0f} us per text "
            f"in batches; compare() {result.compare_us:.1f} us per call"
        )
        self.stdout.write(f"panels ranked for precision@1: {result.panels}")
        self.stdout.write(
            json.dumps(
                {
                    "pairs": result.pairs,
                    "precision": round(result.precision, 4),
                    "recall": round(result.recall, 4),
                    "precision_at_1": round(result.precision_at_1, 4),
                }
            )
        )
