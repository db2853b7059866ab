"""Finding, when claims are stored, the claims of other articles that assert the same thing.

Called wherever claims are stored: a claim added by hand, a split or merged claim, a claim whose
speaker or side is corrected (at once, in the request: one claim), and after a split of articles
(by `claims.tasks.match_claims_task`, for the batch's new claims at once). For each new
check-worthy claim: its signature (one parse, batched through nlp.pipe; its speaker and side are
read with it, as they name the actor of a claim that says "we" or "it"); its candidates
(selectors.matches.match_candidates over selectors.candidates: one statement for the whole batch
on PostgreSQL, a query a claim on SQLite); the candidates' stored signatures in one query
(computed and stored for any claim that has none, as claims stored before matching existed); then
claims.matching.compare() decides. Only pairs the matcher calls the same claim are stored; a
changed number, a denial, another place are not matches, whatever their shared words. The same
signatures are then compared with the examples of the known narratives (services.narrative_matching).
A pair a reviewer said is not the same claim (services.rejections) is never stored again, however
the claims are matched anew.

Why a split queues its matching as a task of its own (on commit) instead of matching inside
the split: matching a batch of claims costs most of what extracting them does, and grows with the
claims already stored (their candidates, each compared). Inside the split it made an import 2 to
3 times slower than extraction alone (`bench_import`, issue 15 allows 1.25x), and a reviewer
waits for claims, not for their matches. Reading each new claim's signature off the engine's own
parse of the article (no second parse) was tried first: it cut the signatures' cost by about
two thirds but left the split at 2x, as the candidates and comparisons dominate. So the split
stores claims and returns; the matches follow a moment later (at once in the embedded default,
where tasks run eagerly). A claim page opened in between shows no matches yet; `manage.py
match_claims` finds those of claims whose task was lost.
"""
from django.db import transaction
from django.db.models import Q

from ..matching import MATCHER, Signature, compare, signatures
from ..models import Claim, ClaimMatch, ClaimSignature
from ..selectors.matches import match_candidates, matches_published_verdict
from ..selectors.rejections import rejected_pairs
from ..selectors.signatures import stored_signatures

KEEP = 20  # matches stored per new claim, the closest


def signatures_for(claims: list[Claim], *, again: bool = False) -> dict[int, Signature]:
    """Each claim's signature, read from storage; computed (in one batch) and stored when missing
    or written by other matcher code. Who says a claim is part of it when its text acts only as
    "we" or "it" (claims.matching.signature), so the claims' speakers and sides are read with
    them, in one query: callers load claims with only the fields they need.

    `again`: computed whatever is stored, and stored over it, for claims whose words, speaker or
    side this transaction changed under the claim's lock. Another worker may have stored one
    meanwhile from what they were before; the changed claim's is the one that stands, and a
    worker storing a signature someone else stored first keeps theirs (two matchers needing one
    earlier claim's signature at once both compute it: the second is no error)."""
    by_id = {claim.pk: claim for claim in claims}
    found = {} if again else stored_signatures(by_id)
    missing = [by_id[pk] for pk in by_id if pk not in found]
    if missing:
        rows = Claim.objects.filter(pk__in=[c.pk for c in missing]).values_list("pk", "speaker", "side__name")
        said = {pk: (speaker, side or "") for pk, speaker, side in rows}
        wanted = {c.pk: (c.text, *said.get(c.pk, ("", ""))) for c in missing}
        # A wire story's claim, repeated word for word by the same speaker, is parsed once.
        unique = list(dict.fromkeys(wanted.values()))
        texts, speakers, sides = zip(*unique)
        parsed = dict(zip(unique, signatures(list(texts), speakers=list(speakers), sides=list(sides))))
        fresh = {pk: parsed[key] for pk, key in wanted.items()}
        new = [ClaimSignature(claim_id=pk, data=sig.as_json(), matcher=MATCHER) for pk, sig in fresh.items()]
        if again:
            ClaimSignature.objects.bulk_create(new, batch_size=500, update_conflicts=True, unique_fields=["claim"],
                                               update_fields=["data", "matcher"])
        else:
            # Only what older matcher code wrote goes: one this matcher stored since it was read
            # (a correction's, computed from the claim as it is now) stays.
            ClaimSignature.objects.filter(claim_id__in=list(fresh)).exclude(matcher=MATCHER).delete()
            ClaimSignature.objects.bulk_create(new, batch_size=500, ignore_conflicts=True)
        found.update(fresh)
    return found


def find_matches(claims: list[Claim]) -> list[ClaimMatch]:
    """Store the matches of newly stored claims with the claims of other articles; returns them.
    Safe to run twice: a pair already stored is left as it is."""
    claims = [claim for claim in claims if claim.check_worthy and claim.pk is not None]
    if not claims:
        return []
    own = signatures_for(claims)
    candidates = match_candidates(claims)
    wanted = {pk for ids in candidates.values() for pk in ids} - own.keys()
    others = signatures_for(list(Claim.objects.filter(pk__in=wanted).only("id", "text"))) if wanted else {}
    others.update(own)  # claims of one batch are candidates for each other
    pairs, compared = {}, {}
    for claim in claims:
        found = []
        for other_id in candidates[claim.pk]:
            if other_id not in others:
                continue  # deleted meanwhile
            # Claims repeated word for word (wire copy in many outlets) have equal signatures: one comparison each.
            key = (own[claim.pk], others[other_id])
            if key not in compared:
                compared[key] = compare(*key)
            match = compared[key]
            if match.same:
                found.append((match.score, other_id, match.reason))
        for score, other_id, reason in sorted(found, reverse=True)[:KEEP]:
            later, earlier = max(claim.pk, other_id), min(claim.pk, other_id)
            pairs.setdefault((later, earlier), ClaimMatch(
                claim_id=later, earlier_id=earlier, score=min(max(score, 0.0), 1.0), reason=reason[:300]
            ))
    # The same signatures tell whether the claims repeat a known narrative. Imported here:
    # narrative matching builds on this module's signatures.
    from .narrative_matching import flag_claims

    flag_claims(claims, own)
    # A pair a reviewer said is not the same claim is not suggested again (services.rejections).
    for pair in rejected_pairs(list(pairs), claims):
        del pairs[pair]
    stored = ClaimMatch.objects.bulk_create(list(pairs.values()), batch_size=500, ignore_conflicts=True)
    refresh_published_marks({pk for pair in pairs for pk in pair})
    return stored


def match_stored_claims(claim_ids: list[int]) -> int:
    """What the matching task does after a split: find the matches of the claims still there (a
    claim deleted meanwhile, by a second split, is skipped); returns how many matching pairs it
    found. Safe to run twice, as find_matches is."""
    claims = list(Claim.objects.filter(pk__in=claim_ids).only("id", "text", "article_id", "check_worthy").order_by("pk"))
    with transaction.atomic():
        return len(find_matches(claims))


def match_again(claim_ids: list[int], other_ids: list[int]) -> list[ClaimMatch]:
    """A rejected suggestion taken back (services.rejections): the matcher compares these claims
    with those again, as find_matches would (check-worthy claims of two articles), and stores the
    pairs it still calls the same claim; returns them. Marks follow."""
    claims = {c.pk: c for c in Claim.objects.filter(pk__in={*claim_ids, *other_ids}, check_worthy=True)
              .only("id", "text", "article_id", "check_worthy")}
    found = signatures_for(list(claims.values()))
    pairs = {}
    for one in claim_ids:
        for two in other_ids:
            if one not in claims or two not in claims or claims[one].article_id == claims[two].article_id:
                continue
            match = compare(found[one], found[two])
            if match.same:
                later, earlier = max(one, two), min(one, two)
                pairs[(later, earlier)] = ClaimMatch(
                    claim_id=later, earlier_id=earlier, score=min(max(match.score, 0.0), 1.0), reason=match.reason[:300]
                )
    for pair in rejected_pairs(list(pairs), list(claims.values())):
        del pairs[pair]
    stored = ClaimMatch.objects.bulk_create(list(pairs.values()), ignore_conflicts=True)
    refresh_published_marks({*claim_ids, *other_ids})
    return stored


def refresh_matches(claims: list[Claim]) -> list[ClaimMatch]:
    """A claim whose text changed (split, merged): its old signature and matches (with claims and
    with narratives) go, and its matches are found again."""
    signatures_for(claims, again=True)
    # A claim whose text changed is not published (only claims nobody started on are split or
    # merged), so only its own mark can have changed, not its former partners'.
    return _match_anew(claims)


def speaker_corrected(claims: list[Claim]) -> list[ClaimMatch]:
    """A claim's speaker or side was corrected. Where its text names its actor only as "we", "our"
    or "it", the speaker is that actor to the matcher (claims.matching.signature): its signature is
    computed again and, when that changed, its matches are found anew, as after new words; its
    former partners' marks follow (it may be published, unlike a claim split or merged). A claim
    that names its actor keeps its signature, and its matches stay as they are."""
    ids = [claim.pk for claim in claims]
    before = stored_signatures(ids)
    after = signatures_for(claims, again=True)
    changed = [claim for claim in claims if before.get(claim.pk) != after.get(claim.pk)]
    if not changed:
        return []
    partners = partners_of([claim.pk for claim in changed])
    stored = _match_anew(changed)
    refresh_published_marks(partners)
    return stored


def _match_anew(claims: list[Claim]) -> list[ClaimMatch]:
    """The claims' matches (with claims and with narratives) go and are found again from their
    signatures as they are stored now."""
    from .narrative_matching import forget_claims

    ids = [claim.pk for claim in claims]
    forget_claims(ids)
    ClaimMatch.objects.filter(claim_id__in=ids).delete()
    ClaimMatch.objects.filter(earlier_id__in=ids).delete()
    stored = find_matches(claims)
    refresh_published_marks(ids)
    return stored


def refresh_published_marks(claim_ids) -> None:
    """Make Claim.matches_published (the queue's "matches a published verdict" filter) say what
    the rule says (selectors.matches.matches_published_verdict) for these claims. Two updates,
    each touching only the claims whose mark changes.

    The rule, as a reviewer reads the mark: a claim is marked when one of its matches has a
    published verdict and it has none of its own. A published claim is never marked, even when
    its partner's verdict was taken from it or rated it otherwise: the mark sends a reviewer to a
    verdict to reuse, and a published claim needs none (its "Checked before?" panel still lists
    its partners)."""
    ids = list(claim_ids)
    if not ids:
        return
    rule = matches_published_verdict()
    Claim.objects.filter(Q(pk__in=ids, matches_published=False) & rule).update(matches_published=True)
    Claim.objects.filter(pk__in=ids, matches_published=True).exclude(rule).update(matches_published=False)


def verdict_published(claim: Claim) -> None:
    """A claim's verdict was published: the claims that match it now match a published verdict,
    and the claim itself, checked now, is no longer marked."""
    publication_changed([claim.pk])


def publication_changed(claim_ids) -> None:
    """These claims' state or verdict changed in a way that may publish or unpublish them (the
    workflow's publishing, or an admin's repair of a state or a publication date): they and the
    claims matched with them are marked by the rule as it now reads."""
    ids = set(claim_ids)
    refresh_published_marks(ids | partners_of(ids))


def partners_of(claim_ids) -> set[int]:
    """The claims stored as matches of these claims (either end of a pair), these excluded."""
    ids = list(claim_ids)
    pairs = ClaimMatch.objects.filter(Q(claim_id__in=ids) | Q(earlier_id__in=ids)).values_list("claim_id", "earlier_id")
    return {pk for pair in pairs for pk in pair} - set(ids)
