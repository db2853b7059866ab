"""Seeding for bench_matching: the queue's seed, verdicts on its published claims, the claims'
stored signatures, and new claims to look up."""
import json
import multiprocessing
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


def seed_signatures(*, processes: int = 2, chunk: int = 2000, progress=None) -> int:
    """Store a signature for every check-worthy claim that has none, as the product has them once
    each claim's matching ran (services.matching.signatures_for, after its split or by
    match_claims): computed by the matcher's own code (claims.matching.signatures, the same
    batched parse), written with today's MATCHER, by COPY. Claims set aside by extraction get
    none, as in the product.

    Every text is parsed, none copied from another's: the seed's template has about 15 million
    distinct texts (place, act, thing and a count of people), so at a million claims nearly all
    are distinct. About a millisecond a claim on an idle core, so the parse runs in `processes`
    worker processes, and each chunk is committed as it comes: a run that is stopped goes on
    where it stopped (bench_matching --reuse). Returns the signatures stored by this call."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.id, c.text FROM claims_claim c WHERE c.check_worthy AND NOT EXISTS"
            " (SELECT 1 FROM claims_claimsignature s WHERE s.claim_id = c.id AND s.matcher = %s) ORDER BY c.id",
            [MATCHER],
        )
        rows = cursor.fetchall()
        # A signature by other matcher code is as good as none: replaced, as signatures_for does.
        cursor.execute("DELETE FROM claims_claimsignature WHERE matcher <> %s", [MATCHER])
    chunks = [rows[start : start + chunk] for start in range(0, len(rows), chunk)]
    connection.close()  # the workers are forked: none may share this connection
    stored = 0
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        for some, data in zip(chunks, pool.imap(_signature_json, [[text for _, text in some] for some in chunks])):
            with connection.cursor() as cursor:
                with cursor.cursor.copy("COPY claims_claimsignature (claim_id, data, matcher) FROM STDIN") as copy:
                    for (claim_id, _), json_data in zip(some, data):
                        copy.write_row((claim_id, json_data, MATCHER))
            stored += len(some)
            if progress:
                progress(stored)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE claims_claimsignature")
    return stored


def _signature_json(texts: list[str]) -> list[str]:
    return [json.dumps(signature.as_json()) for signature in signatures(texts)]


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
