"""python manage.py match_claims [--again] [--after ID]: find the matches of claims stored before matching ran.

Claims get their matches when they are stored; this is for the claims of a database that had
them before (an upgrade), or, with --again, for every claim after the matcher changed (matches
found afresh; a signature written by other matcher code is computed again whenever it is read). Every check-worthy claim is matched, in id order,
BATCH at a time, each batch in its own transaction; a pair already stored is kept, so a run that
was stopped can go on from the last id it printed (--after).
"""
from django.core.management.base import BaseCommand
from django.db import transaction

from claims.models import Claim, ClaimMatch, ClaimSignature, NarrativeMatch
from claims.services.matching import find_matches

BATCH = 500


class Command(BaseCommand):
    help = "Find the matches of every check-worthy claim (signatures and matches afresh with --again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--again", action="store_true", help="drop every signature and match (and narrative flag) and find them afresh"
        )
        parser.add_argument("--after", type=int, default=0, help="start after this claim id")

    def handle(self, *args, again, after, **options):
        if again:
            ClaimMatch.objects.all().delete()
            NarrativeMatch.objects.all().delete()  # a claim's narrative flags come from the same matcher
            ClaimSignature.objects.all().delete()
            Claim.objects.filter(matches_published=True).update(matches_published=False)  # found again below
            Claim.objects.filter(repeats_narrative=True).update(repeats_narrative=False)  # likewise
        # Not "claims without a signature": a claim gets one as another's candidate, before its own turn.
        todo = Claim.objects.filter(check_worthy=True).only("id", "text", "article_id", "check_worthy")
        done, last = 0, after
        while True:
            batch = list(todo.filter(pk__gt=last).order_by("pk")[:BATCH])
            if not batch:
                break
            with transaction.atomic():
                find_matches(batch)
            done += len(batch)
            last = batch[-1].pk
            self.stdout.write(f"{done} claims matched, up to claim {last}")
        self.stdout.write(self.style.SUCCESS(f"Done: {done} claims; {ClaimMatch.objects.count()} matches stored."))
