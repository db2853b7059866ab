"""Seeding for bench_matching: the queue's seed, verdicts on its published claims, the claims'
stored signatures, and new claims to look up."""
import json
import random

from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone

from ..matching import MATCHER, signatures
from .seed import NOUNS, PLACES, RATINGS, VERBS, seed


def seed_with_verdicts(claims: int, *, seed_value: int = 7) -> int:
    """N claims (claims.benchmarks.seed: a tenth of them published), and a published verdict on
    every published claim, so the search has published work to find. Returns the verdicts made."""
    rng = random.Random(seed_value)
    seed(claims, seed_value=seed_value)
    users = list(get_user_model().objects.filter(username__startswith="bench-reviewer-").values_list("pk", flat=True))
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM claims_claim WHERE state = 'published' ORDER BY id")
        claim_ids = [row[0] for row in cursor.fetchall()]
        columns = ("claim_id, rating, rationale, reviewer_id, approver_id, editor_comment, created_at, updated_at, "
                   "submitted_at, published_at, version")
        with cursor.cursor.copy(f"COPY claims_verdict ({columns}) FROM STDIN") as copy:
            for claim_id in claim_ids:
                reviewer, approver = rng.sample(users, 2)
                copy.write_row((claim_id, rng.choice(RATINGS), "Records show otherwise.", reviewer, approver, "",
                                now, now, now, now, 1))
        cursor.execute("ANALYZE claims_verdict")
    return len(claim_ids)


def seed_signatures(*, chunk: int = 5000, progress=None) -> int:
    """Store a signature for every check-worthy claim, as the product has them once each claim's
    matching ran (services.matching.signatures_for, after its split or by match_claims): computed
    by the matcher's own code (claims.matching.signatures, the same batched parse), written with
    today's MATCHER, by COPY. Claims set aside by extraction get none, as in the product.

    Every text is parsed, none copied from another's: the seed's template has about 15 million
    distinct texts (place, act, thing and a count of people), so at a million claims nearly all
    are distinct. About a millisecond a claim. Returns the signatures stored."""
    stored = 0
    with connection.cursor() as cursor:
        # Read first: the connection can run nothing else while its COPY is open.
        cursor.execute("SELECT id, text FROM claims_claim WHERE check_worthy ORDER BY id")
        rows = cursor.fetchall()
        with cursor.cursor.copy("COPY claims_claimsignature (claim_id, data, matcher) FROM STDIN") as copy:
            for start in range(0, len(rows), chunk):
                some = rows[start : start + chunk]
                for (claim_id, _), signature in zip(some, signatures([text for _, text in some])):
                    copy.write_row((claim_id, json.dumps(signature.as_json()), MATCHER))
                stored += len(some)
                if progress:
                    progress(stored)
        cursor.execute("ANALYZE claims_claimsignature")
    return stored


def new_claims(count: int, *, seed_value: int = 99) -> list[str]:
    """Claims as an article might bring them tomorrow: the seed's places, acts and things, in
    other words and other orders, so some repeat stored claims and some do not."""
    rng = random.Random(seed_value)
    shapes = [
        "{place} {verb} the {noun} with {n} people",
        "Officials say the {noun} in {place} was {verb}, {n} people affected",
        "The {noun} at {place} has been {verb} according to the governor",
        "{n} people were inside when the {noun} in {place} was {verb}",
    ]
    return [
        rng.choice(shapes).format(place=rng.choice(PLACES), verb=rng.choice(VERBS), noun=rng.choice(NOUNS),
                                  n=rng.randint(1, 900))
        for _ in range(count)
    ]
