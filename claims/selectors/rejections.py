"""Reading the suggestions reviewers turned down (models.rejections): what the matcher must leave
out, and what the claim page lists under "Not the same claim" and "Not this narrative".

A rejection names claims by article and words (wording_key), so each read here keys the claims
it is given and looks the rejections up by key: one query per call (a batch of the matcher's is
split in chunks of KEYS), none of them per claim.
"""
from dataclasses import dataclass

from django.db.models import Q

from ..models import Claim, MatchRejection, Narrative, NarrativeRejection, wording_key

KEYS = 900  # keys per statement: SQLite limits the parameters of one
SHOWN = 20  # rejected suggestions the claim page lists


def _chunks(values: list) -> list[list]:
    return [values[i : i + KEYS] for i in range(0, len(values), KEYS)]


def _ends(claims) -> dict[int, tuple[int, str]]:
    return {claim.pk: (claim.article_id, wording_key(claim.text)) for claim in claims}


def rejected_pairs(pairs, claims: list[Claim]) -> set[tuple[int, int]]:
    """Which of these claim pairs (ids; at least one end among `claims`, whose text and article
    are loaded) a reviewer said are not the same claim."""
    if not pairs:
        return set()
    ends = _ends(claims)
    keys = sorted({key for _, key in ends.values()})
    rejected = set()
    for chunk in _chunks(keys):
        rows = MatchRejection.objects.filter(Q(first_key__in=chunk) | Q(second_key__in=chunk)).values_list(
            "first_article_id", "first_key", "second_article_id", "second_key"
        )
        rejected.update(((a, k), (b, j)) for a, k, b, j in rows)
    if not rejected:
        return set()
    near = {end for pair in rejected for end in pair}
    pairs = [pair for pair in pairs if ends.get(pair[0]) in near or ends.get(pair[1]) in near]
    unknown = {pk for pair in pairs for pk in pair} - ends.keys()
    if unknown:  # the other ends: claims of other articles, whose words the caller did not load
        ends.update(_ends(Claim.objects.filter(pk__in=unknown).only("id", "article_id", "text")))
    found = set()
    for one, two in pairs:
        if one in ends and two in ends and tuple(sorted((ends[one], ends[two]))) in rejected:
            found.add((one, two))
    return found


def rejected_flags(claims: list[Claim]) -> set[tuple[int, int]]:
    """(claim id, narrative id) for each of these claims (text and article loaded) that a reviewer
    said does not repeat a narrative."""
    ends = _ends(claims)
    by_end: dict[tuple[int, str], list[int]] = {}
    for pk, end in ends.items():
        by_end.setdefault(end, []).append(pk)
    found = set()
    for chunk in _chunks(sorted({key for _, key in ends.values()})):
        rows = NarrativeRejection.objects.filter(claim_key__in=chunk).values_list("article_id", "claim_key", "narrative_id")
        for article_id, key, narrative_id in rows:
            found.update((pk, narrative_id) for pk in by_end.get((article_id, key), ()))
    return found


def same_words(article_id: int, key: str) -> list[int]:
    """The ids of the article's claims with these words (usually one; a sentence the article
    repeats is one claim to a reviewer)."""
    claims = Claim.objects.filter(article_id=article_id).only("id", "text")
    return [claim.pk for claim in claims if wording_key(claim.text) == key]


@dataclass(frozen=True)
class RejectedMatch:
    """One row of the claim page's "Not the same claim" list."""

    rejection: MatchRejection
    other_text: str
    other: Claim | None  # the claim that holds the other end's words now, if one does


def rejected_matches(claim: Claim, *, limit: int = SHOWN) -> list[RejectedMatch]:
    """The matches of this claim that reviewers turned down, newest first. Two queries."""
    key = wording_key(claim.text)
    rows = list(
        MatchRejection.objects.filter(
            Q(first_article_id=claim.article_id, first_key=key) | Q(second_article_id=claim.article_id, second_key=key)
        )
        .select_related("rejected_by")
        .order_by("-rejected_at", "-pk")[:limit]
    )
    others = [row.other_end(claim.article_id, key) for row in rows]
    articles = {article_id for article_id, _, _ in others}
    current = {}
    if articles:
        for other in Claim.objects.filter(article_id__in=articles).only("id", "article_id", "text", "state").order_by("pk"):
            current.setdefault((other.article_id, wording_key(other.text)), other)
    return [RejectedMatch(row, text, current.get((article_id, other_key))) for row, (article_id, other_key, text) in zip(rows, others)]


def rejected_narratives(claim: Claim) -> list[NarrativeRejection]:
    """The narratives reviewers said this claim does not repeat, newest first. One query."""
    return list(
        NarrativeRejection.objects.filter(article_id=claim.article_id, claim_key=wording_key(claim.text))
        .select_related("narrative", "rejected_by")
        .order_by("-rejected_at", "-pk")
    )


def narrative_rejection_for(claim: Claim, narrative: Narrative) -> NarrativeRejection | None:
    return NarrativeRejection.objects.filter(narrative=narrative, article_id=claim.article_id,
                                             claim_key=wording_key(claim.text)).first()
