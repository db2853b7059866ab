"""Which claims repeat a known narrative: the claim matcher, run against each narrative's examples.

The rule is the matcher's own "same claim" (claims.matching.compare), not a looser one. A
narrative flag tells a reviewer "the desk has debunked this"; a flag on a claim that denies the
narrative (an official's denial, another outlet's debunk), or on one with another figure, place or
actor, would send the reviewer to the wrong verdict, and such claims share nearly all their words
with the narrative. So a claim is flagged when it asserts the same as one of the examples, in any
words; an editor widens a narrative by adding examples (each way it is told), not by loosening
the rule. A stricter bar was measured and refused: on the team's gold pairs, requiring a score of
0.5 or 0.65 besides "same claim" lost recall (held pairs 0.83 to 0.72 and 0.60) and bought no
precision (0.86, 0.86, 0.83): the matcher's false matches are pairs that share rare names and score
high. tests/services/test_narrative_matching.py shows both sides with invented sentences.

The queue's "Known narrative" filter reads Claim.repeats_narrative, not the matches: every
function here that stores or drops matches ends with refresh_narrative_marks for the claims it
touched, and so do the services that archive or restore a narrative (services.narratives). An
example deleted anywhere (its matches with it) is followed by services.deletions.

A claim a reviewer said does not repeat a narrative ("Not this narrative", services.rejections)
is never flagged for it again: both ways in below leave such flags out.

Two ways in, both storing NarrativeMatch rows (one per claim and example) and both safe to run twice:
- new claims (`flag_claims`, called by services.matching.find_matches wherever claims are stored:
  after a split in match_claims_task, a claim added by hand, split or merged): each is compared
  with the examples of the active narratives that share a key term with it (a claim sharing none
  scores 0, so nothing is lost by skipping them); the examples' signatures are stored, not parsed;
- new examples (`match_examples`, by match_narrative_task, queued when a narrative's examples
  change or it is restored): the stored claims come from the database's text search, the same
  candidate query as claim matching (selectors.candidates), then the matcher decides.
"""

from django.db import transaction
from django.db.models import Q, QuerySet

from ..matching import SAME_THRESHOLD, Signature, claim_signature, compare, similarity
from ..models import Claim, NarrativeExample, NarrativeMatch
from ..selectors.candidates import MATCHING, Wanted, candidates_for_batch
from ..selectors.narratives import repeats_active_narrative
from ..selectors.rejections import rejected_flags
from .matching import MATCHER, signatures_for

# Stored claims fetched per new example: a narrative is repeated far more often than a claim is
# matched (KEEP is 20), and each candidate costs one comparison (tens of microseconds).
EXAMPLE_CANDIDATES = 1000


def example_signature(text: str) -> tuple[dict, str]:
    """What an example stores: its signature and the matcher that wrote it."""
    return claim_signature(text).as_json(), MATCHER


def _signatures_of(examples: list[NarrativeExample]) -> dict[int, Signature]:
    """Each example's stored signature; computed again (and stored) when other matcher code wrote it."""
    found = {}
    for example in examples:
        signature = None
        if example.matcher == MATCHER:
            try:
                signature = Signature.from_json(example.signature)
            except (KeyError, TypeError, ValueError):
                signature = None
        if signature is None:
            data, matcher = example_signature(example.text)
            NarrativeExample.objects.filter(pk=example.pk).update(signature=data, matcher=matcher)
            signature = Signature.from_json(data)
        found[example.pk] = signature
    return found


def _active_examples(**lookups) -> list[NarrativeExample]:
    return list(
        NarrativeExample.objects.filter(narrative__archived_at__isnull=True, **lookups)
        .only("id", "narrative_id", "text", "signature", "matcher")
    )


def _score(match) -> float:
    return min(max(match.score, 0.0), 1.0)


def _same(claim: Signature, example: Signature):
    """The matcher's verdict when it can be "same claim", else None. compare() calls a pair the same
    only when its term overlap reaches SAME_THRESHOLD, so the overlap alone (a few dictionary
    reads) rules most pairs out before the rules about numbers, names and polarity run."""
    if similarity(claim, example) < SAME_THRESHOLD:
        return None
    match = compare(claim, example)
    return match if match.same else None


# Claim ids per statement when a list is given: a narrative can be repeated by more claims than
# PostgreSQL takes parameters in one statement (65,535).
MARK_BATCH = 5000


def refresh_narrative_marks(claim_ids: list[int] | set[int] | QuerySet) -> None:
    """Make Claim.repeats_narrative (the queue's "Known narrative" filter) say what the rule says
    (selectors.narratives.repeats_active_narrative) for these claims: ids, or a query of them
    (`.values("claim_id")`), read by the database as a subquery. Two updates a batch, each
    touching only the claims whose flag changes."""
    if isinstance(claim_ids, QuerySet):
        batches = [claim_ids]
    else:
        ids = sorted(set(claim_ids))
        batches = [ids[i : i + MARK_BATCH] for i in range(0, len(ids), MARK_BATCH)]
    rule = repeats_active_narrative()
    for batch in batches:
        Claim.objects.filter(Q(pk__in=batch, repeats_narrative=False) & rule).update(repeats_narrative=True)
        Claim.objects.filter(pk__in=batch, repeats_narrative=True).exclude(rule).update(repeats_narrative=False)


def flag_claims(claims: list[Claim], signatures: dict[int, Signature]) -> list[NarrativeMatch]:
    """Store which of the newly stored claims (with their signatures) repeat an active narrative."""
    stored = _flag_claims(claims, signatures)
    # Every claim given, not only those found: a claim matched again (split, merged) may carry
    # a flag from what it said before.
    refresh_narrative_marks([claim.pk for claim in claims])
    return stored


def _flag_claims(claims: list[Claim], signatures: dict[int, Signature]) -> list[NarrativeMatch]:
    examples = _active_examples()
    if not examples or not claims:
        return []
    example_sigs = _signatures_of(examples)
    by_term: dict[str, list[NarrativeExample]] = {}
    for example in examples:
        for term, _ in example_sigs[example.pk].terms:
            by_term.setdefault(term, []).append(example)
    found = []
    for claim in claims:
        own = signatures.get(claim.pk)
        if own is None:
            continue
        near = {example.pk: example for term, _ in own.terms for example in by_term.get(term, ())}
        for example in near.values():
            match = _same(own, example_sigs[example.pk])
            if match is not None:
                found.append(NarrativeMatch(claim_id=claim.pk, example_id=example.pk, narrative_id=example.narrative_id, score=_score(match)))
    found = _without_rejected(found, claims)
    return NarrativeMatch.objects.bulk_create(found, batch_size=500, ignore_conflicts=True)


def match_examples(example_ids: list[int]) -> int:
    """Find the stored claims that repeat these examples (of active narratives); returns how many
    claim-example pairs it stored. An example removed meanwhile is skipped."""
    examples = _active_examples(pk__in=example_ids)
    if not examples:
        return 0
    example_sigs = _signatures_of(examples)
    # An example belongs to no article, so no stored claim is left out as "the same article".
    found_for = candidates_for_batch([Wanted(example.text) for example in examples], EXAMPLE_CANDIDATES, MATCHING)
    candidates = {example.pk: [c.claim_id for c in some] for example, some in zip(examples, found_for)}
    wanted = {pk for ids in candidates.values() for pk in ids}
    stored_claims = list(Claim.objects.filter(pk__in=wanted).only("id", "text", "article_id")) if wanted else []
    claim_sigs = signatures_for(stored_claims) if wanted else {}
    found = []
    for example in examples:
        for claim_id in candidates[example.pk]:
            if claim_id not in claim_sigs:
                continue  # deleted meanwhile
            match = _same(claim_sigs[claim_id], example_sigs[example.pk])
            if match is not None:
                found.append(NarrativeMatch(claim_id=claim_id, example_id=example.pk, narrative_id=example.narrative_id, score=_score(match)))
    found = _without_rejected(found, stored_claims)
    with transaction.atomic():
        stored = NarrativeMatch.objects.bulk_create(found, batch_size=500, ignore_conflicts=True)
        refresh_narrative_marks({match.claim_id for match in found})
        return len(stored)


def _without_rejected(found: list[NarrativeMatch], claims: list[Claim]) -> list[NarrativeMatch]:
    """Leave out the flags a reviewer turned down ("Not this narrative", services.rejections)."""
    if not found:
        return found
    flagged = {match.claim_id for match in found}
    rejected = rejected_flags([claim for claim in claims if claim.pk in flagged])
    return [match for match in found if (match.claim_id, match.narrative_id) not in rejected]


def flag_again(claim_ids: list[int], narrative) -> int:
    """A "Not this narrative" taken back: the claims are compared with the narrative's examples
    again (archived or not: an archived narrative keeps its matches, and flags nothing until it is
    restored); returns how many claim-example pairs it stored. Flags follow."""
    claims = list(Claim.objects.filter(pk__in=claim_ids).only("id", "text", "article_id"))
    examples = list(NarrativeExample.objects.filter(narrative=narrative).only("id", "narrative_id", "text", "signature", "matcher"))
    found = []
    if claims and examples:
        claim_sigs, example_sigs = signatures_for(claims), _signatures_of(examples)
        for claim in claims:
            for example in examples:
                match = _same(claim_sigs[claim.pk], example_sigs[example.pk])
                if match is not None:
                    found.append(NarrativeMatch(claim_id=claim.pk, example_id=example.pk, narrative_id=narrative.pk, score=_score(match)))
    stored = NarrativeMatch.objects.bulk_create(_without_rejected(found, claims), ignore_conflicts=True)
    refresh_narrative_marks(claim_ids)
    return len(stored)


def forget_claims(claim_ids: list[int]) -> None:
    """A claim whose text changed (split, merged) is matched again from scratch."""
    NarrativeMatch.objects.filter(claim_id__in=claim_ids).delete()
    refresh_narrative_marks(claim_ids)


def forget_example(example: NarrativeExample) -> None:
    """An example removed: its matches go with it, and the claims only it flagged are unflagged
    (a claim another active example matches keeps its flag) by services.deletions, which follows
    every deletion of an example, the admin's and a narrative's cascade included."""
    example.delete()


def narrative_switched(narrative) -> None:
    """A narrative archived or restored: its claims' flags follow (its stored matches are kept
    while it is archived, so restoring flags them again at once; claims stored meanwhile follow
    when its examples are matched again)."""
    refresh_narrative_marks(NarrativeMatch.objects.filter(narrative=narrative).values("claim_id"))
