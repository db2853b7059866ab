"""Seeding a newsroom-sized data set with PostgreSQL COPY: a million claims in well under a minute."""
import datetime
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import timezone

from ..models import Article, Outlet, Side, Source, Topic

PLACES = [f"{a}{b}" for a in ("Ul", "Hol", "Bren", "Kas", "Mor", "Tarn", "Vel", "Os", "Dun", "Lir") for b in ("m", "ford", "ava", "grad", "ik", "sk", "wick", "ton", "ez", "ar")]
NOUNS = "bridge depot school hospital station port market factory dam village convoy pipeline clinic runway".split()
VERBS = "shelled captured destroyed evacuated reopened closed flooded hit defended seized repaired blocked".split()
STATES = ["new"] * 70 + ["in_review"] * 10 + ["awaiting_approval"] * 5 + ["published"] * 10 + ["dismissed"] * 5
KINDS = ["narration", "reported_speech", "direct_quote", "according_to"]


def seed(claims: int, *, articles: int | None = None, seed_value: int = 7) -> dict:
    """Create topics, sides, sources, outlets, reviewers and articles with the ORM, then COPY the claims."""
    rng = random.Random(seed_value)
    articles = articles or max(claims // 50, 1)
    topics = [Topic.objects.create(name=f"Bench topic {i}") for i in range(3)]
    sides = [Side.objects.create(topic=t, name=f"Side {t.pk}-{j}", cues="") for t in topics for j in range(2)]
    sources = Source.objects.bulk_create(
        [Source(name=f"Bench source {i}", side=sides[i % len(sides)]) for i in range(300)]
    )
    outlets = Outlet.objects.bulk_create([Outlet(name=f"Bench outlet {i}") for i in range(50)])
    reviewer_group = Group.objects.get(name="Reviewer")
    users = get_user_model().objects.bulk_create(
        [get_user_model()(username=f"bench-reviewer-{i}") for i in range(20)]
    )
    reviewer_group.user_set.add(*users)
    start_day = datetime.date(2024, 1, 1)
    now = timezone.now()
    Article.objects.bulk_create(
        [
            Article(
                title=f"Bench article {i}", body="", raw_input="", content_hash=f"bench-{i}",
                outlet=outlets[_outlet_of(i, len(outlets))], topic=topics[i % len(topics)],
                published_on=start_day + datetime.timedelta(days=i % 700), state="ready",
            )
            for i in range(articles)
        ],
        batch_size=5000,
    )
    article_ids = list(Article.objects.filter(content_hash__startswith="bench-").values_list("id", flat=True))
    topic_of_side = {}
    for side in sides:
        topic_of_side.setdefault(side.topic_id, []).append(side.pk)
    columns = (
        "article_id, text, start, \"end\", speaker, source_id, side_id, kind, check_worthiness, check_worthy, "
        "set_aside_reason, loaded_terms, state, assignee_id, has_dispute, spread, version, created_at, updated_at"
    )
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY claims_claim ({columns}) FROM STDIN") as copy:
            for i in range(claims):
                text = f"{rng.choice(PLACES)} {rng.choice(VERBS)} the {rng.choice(NOUNS)} with {rng.randint(1, 900)} people"
                state = rng.choice(STATES)
                source = sources[rng.randrange(len(sources))] if rng.random() < 0.6 else None
                assignee = users[rng.randrange(len(users))].pk if state != "new" or rng.random() < 0.1 else None
                created = now - datetime.timedelta(minutes=claims - i)
                copy.write_row((
                    article_ids[i % len(article_ids)], text, 0, len(text), "bench speaker",
                    source.pk if source else None, source.side_id if source else None, rng.choice(KINDS),
                    round(rng.random(), 3), rng.random() < 0.9, "", "[]", state, assignee,
                    rng.random() < 0.05, _spread(rng), 1, created, created,
                ))
        cursor.execute("ANALYZE claims_claim")
        cursor.execute("ANALYZE claims_article")
    return {
        "topic": topics[0].pk, "side": sides[0].pk, "source": sources[0].pk, "outlet": outlets[0].pk,
        "article": article_ids[0],
        "reviewer": users[0], "word": PLACES[3],
    }


def _outlet_of(article: int, outlets: int) -> int:
    """A newsroom's outlets are not alike: the first carries 40% of the articles, the last one in
    a thousand (a rare outlet, a few hundred claims at a million), the rest share what is left.
    The queue must stay fast for both ends."""
    share = article % 1000
    if share < 400:
        return 0
    if share == 999:
        return outlets - 1
    return 1 + share % (outlets - 2)


def _spread(rng: random.Random) -> int:
    """Most claims appear in one article; a few are repeated, a handful widely."""
    roll = rng.random()
    if roll < 0.9:
        return 1
    if roll < 0.99:
        return rng.randint(2, 5)
    return rng.randint(6, 60)


RATINGS = ["true", "mostly_true", "mixed", "misleading", "false", "unsupported", "unverifiable"]


def seed_published_verdicts(verdicts: int, *, seed_value: int = 11) -> int:
    """N claims (seed), all published, each with a verdict and one or two pieces of evidence."""
    rng = random.Random(seed_value)
    seed(verdicts, seed_value=seed_value)
    users = list(get_user_model().objects.filter(username__startswith="bench-reviewer-").values_list("pk", flat=True))
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE claims_claim SET state = 'published'")
        cursor.execute("SELECT id FROM claims_claim ORDER BY id")
        claim_ids = [row[0] for row in cursor.fetchall()]
        columns = "claim_id, rating, rationale, reviewer_id, approver_id, editor_comment, created_at, updated_at, submitted_at, published_at, version"
        with cursor.cursor.copy(f"COPY claims_verdict ({columns}) FROM STDIN") as copy:
            for i, claim_id in enumerate(claim_ids):
                when = now - datetime.timedelta(minutes=len(claim_ids) - i)
                reviewer, approver = rng.sample(users, 2)
                copy.write_row((
                    claim_id, rng.choice(RATINGS), f"Records from day {i % 300} show {rng.randint(1, 900)} people, not the figure claimed.",
                    reviewer, approver, "", when, when, when, when, 1,
                ))
        columns = "claim_id, url, archived_url, excerpt, note, stance, added_by_id, added_at"
        with cursor.cursor.copy(f"COPY claims_evidence ({columns}) FROM STDIN") as copy:
            for i, claim_id in enumerate(claim_ids):
                for n in range(1 + i % 2):
                    copy.write_row((
                        claim_id, f"https://records.example/{i}/{n}", "", "The register lists the figure.", "",
                        "refutes", users[i % len(users)], now,
                    ))
        for table in ("claims_claim", "claims_verdict", "claims_evidence"):
            cursor.execute(f"ANALYZE {table}")
    return len(claim_ids)


def seed_queue_extras(*, matched_share: float = 0.02, seed_value: int = 13) -> dict:
    """What the queue's verdict filter reads, on top of seed(): a published verdict for every
    published claim, and a share of the claims matched (claims_claimmatch) to one of them, from
    either end of the pair as matching stores it (the later claim first)."""
    rng = random.Random(seed_value)
    users = list(get_user_model().objects.filter(username__startswith="bench-reviewer-").values_list("pk", flat=True))
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM claims_claim WHERE state = 'published' ORDER BY id")
        published = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT min(id), max(id) FROM claims_claim")
        low, high = cursor.fetchone()
        columns = "claim_id, rating, rationale, reviewer_id, approver_id, editor_comment, created_at, updated_at, submitted_at, published_at, version"
        with cursor.cursor.copy(f"COPY claims_verdict ({columns}) FROM STDIN") as copy:
            for i, claim_id in enumerate(published):
                reviewer, approver = rng.sample(users, 2)
                when = now - datetime.timedelta(minutes=len(published) - i)
                copy.write_row((claim_id, rng.choice(RATINGS), "Records show otherwise.", reviewer, approver, "", when, when, when, when, 1))
        pairs = set()
        for _ in range(int((high - low + 1) * matched_share)):
            one, other = rng.randint(low, high), rng.choice(published)
            if one != other:
                pairs.add((max(one, other), min(one, other)))
        with cursor.cursor.copy("COPY claims_claimmatch (claim_id, earlier_id, score, reason, created_at) FROM STDIN") as copy:
            for later, earlier in sorted(pairs):
                copy.write_row((later, earlier, round(rng.uniform(0.6, 1.0), 3), "same figure, same place", now))
        # The mark services.matching.refresh_published_marks keeps, set here in one statement: a
        # claim matching a published one, unless it is published itself.
        published_set = set(published)
        marked = sorted({one for a, b in pairs for one, other in ((a, b), (b, a))
                         if other in published_set and one not in published_set})
        cursor.execute("UPDATE claims_claim SET matches_published = true WHERE id = ANY(%s)", [marked])
        for table in ("claims_verdict", "claims_claimmatch", "claims_claim"):
            cursor.execute(f"ANALYZE {table}")
    return {"verdicts": len(published), "matches": len(pairs)}


def seed_narratives(sizes: dict[str, int], *, seed_value: int = 5) -> dict[str, int]:
    """Known narratives on top of seed(): for each {label: size}, a narrative with one example
    repeated by `size` check-worthy claims drawn at random, and the queue's flag on those claims
    (kept by services.narrative_matching.refresh_narrative_marks, called here as the matching
    services call it). Returns {label: narrative id}."""
    from ..models import Claim, Narrative, NarrativeExample, NarrativeMatch
    from ..services.narrative_matching import refresh_narrative_marks

    rng = random.Random(seed_value)
    recorder = get_user_model().objects.filter(username__startswith="bench-reviewer-").order_by("pk").first()
    ids = list(Claim.objects.filter(check_worthy=True).values_list("pk", flat=True))
    narratives = {}
    for label, size in sizes.items():
        narrative = Narrative.objects.create(name=f"Bench narrative {label}", summary="Seeded.", recorded_by=recorder)
        # Matches are stored rows: the example's text and signature play no part in reading them.
        example = NarrativeExample.objects.create(narrative=narrative, text=label, signature={}, matcher="", added_by=recorder)
        NarrativeMatch.objects.bulk_create(
            [NarrativeMatch(claim_id=pk, example=example, narrative=narrative, score=0.8) for pk in rng.sample(ids, size)],
            batch_size=5000,
        )
        refresh_narrative_marks(NarrativeMatch.objects.filter(narrative=narrative).values("claim_id"))
        narratives[label] = narrative.pk
    with connection.cursor() as cursor:
        for table in ("claims_narrativematch", "claims_claim"):
            cursor.execute(f"ANALYZE {table}")
    return narratives
