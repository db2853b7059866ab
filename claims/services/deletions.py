"""The queue's stored marks after a deletion, whatever deleted the records: a service, the admin's
delete page or its "delete selected", a queryset's delete, a cascade (an article deleted with its
claims, a narrative with its examples).

Three marks depend on other records: Claim.matches_published (kept by
services.matching.refresh_published_marks) on the published verdicts of a claim's matches,
Claim.repeats_narrative (kept by services.narrative_matching.refresh_narrative_marks) on the
matches with examples of active narratives, and Claim.has_dispute (kept by services.disputes) on
the disputes the claim is in. The services that delete call their keepers; the
admin and cascades did not, and the marks lied until `match_claims --again`. So the one place
that sees every deletion does it: Django's deletion (its Collector) sends pre_delete for every
record it will delete, cascaded ones included, then deletes them all (the matches of a claim or
an example first, in one statement each), then sends post_delete.

- Before: the claims whose marks may change are noted. Only a published claim (or its verdict,
  or a published verdict alone) can change its partners' "matches a published verdict"; their
  ids are read while the matches still stand (one query per published claim: an article's
  claims nobody checked cost nothing). An example's flagged claims, likewise (a narrative's
  examples are deleted with it). A claim match or a narrative match deleted alone has no
  receiver, on purpose: with one, Django loads each row before deleting it, and `match_claims
  --again` deletes all of them (it then marks every claim afresh); the services that delete
  single matches refresh the marks themselves.
- A claim in a dispute: the dispute's row goes with it (a cascade), and its partners' "has a
  dispute" flag (Claim.has_dispute, kept by services.disputes) must be read again. Only a
  flagged claim has partners: the others cost nothing to delete.
- After: at the first post_delete of the deletion every noted claim is refreshed at once, by the
  keepers' own rule, in the deletion's transaction (rolled back with it). The later
  post_delete signals of the same deletion find nothing left to do.
"""
import threading

from ..workflow import ReviewState

_noted = threading.local()  # per thread, as a deletion runs in one


def _pending(name: str, origin=None) -> set[int]:
    """The claims noted by the deletion that `origin` (what delete() was called on, which Django
    sends with every pre_delete and post_delete of one deletion) started. A deletion that failed
    between its pre_delete and post_delete (a lost connection, a deadlock) left its notes here,
    rolled back with it: the next deletion starts afresh instead of taking its claims as read."""
    if origin is not None and getattr(_noted, "origin", None) is not origin:
        _noted.origin, _noted.published, _noted.narrative, _noted.disputed = origin, set(), set(), set()
    if not hasattr(_noted, name):
        setattr(_noted, name, set())
    return getattr(_noted, name)


def claim_to_be_deleted(sender, instance, origin=None, **kwargs) -> None:
    if instance.state == ReviewState.PUBLISHED:
        _note_partners(instance.pk, origin)
    if instance.has_dispute:
        from .disputes import partners_of

        _pending("disputed", origin).update(partners_of(instance.pk))


def verdict_to_be_deleted(sender, instance, origin=None, **kwargs) -> None:
    if instance.published_at is not None:
        _note_partners(instance.claim_id, origin)


def _note_partners(claim_id: int, origin) -> None:
    from .matching import partners_of

    pending = _pending("published", origin)
    if claim_id in pending:
        return  # its verdict's deletion (sent first) read them already
    # The claim itself too: a published claim whose verdict goes may now be marked by another match.
    pending.update({claim_id} | partners_of([claim_id]))


def _refresh_noted(name: str, refresh) -> None:
    """Hand the claims noted under `name` to their keeper once, at the deletion's first post_delete."""
    pending = _pending(name)
    if not pending:
        return
    ids = set(pending)
    pending.clear()
    refresh(ids)


def verdicts_deleted(sender, instance, **kwargs) -> None:
    """post_delete of a claim or a verdict: their matches are gone (deleted before any record of
    the deletion), so the noted claims are marked by the rule as it now reads."""
    from .matching import refresh_published_marks

    _refresh_noted("published", refresh_published_marks)


def disputes_deleted(sender, instance, **kwargs) -> None:
    """post_delete of a claim: its disputes are gone, so its partners are flagged by the rule as it
    now reads (a partner deleted in the same deletion is simply not found)."""
    from .disputes import refresh_flags_of

    _refresh_noted("disputed", refresh_flags_of)


def example_to_be_deleted(sender, instance, origin=None, **kwargs) -> None:
    _pending("narrative", origin).update(instance.matches.values_list("claim_id", flat=True))


def examples_deleted(sender, instance, **kwargs) -> None:
    from .narrative_matching import refresh_narrative_marks

    _refresh_noted("narrative", refresh_narrative_marks)


def connect() -> None:
    """Called once by the app's ready()."""
    from django.db.models.signals import post_delete, pre_delete

    from ..models import Claim, NarrativeExample, Verdict

    pre_delete.connect(claim_to_be_deleted, sender=Claim, dispatch_uid="claims.marks.claim_to_be_deleted")
    pre_delete.connect(verdict_to_be_deleted, sender=Verdict, dispatch_uid="claims.marks.verdict_to_be_deleted")
    post_delete.connect(verdicts_deleted, sender=Claim, dispatch_uid="claims.marks.claim_deleted")
    post_delete.connect(verdicts_deleted, sender=Verdict, dispatch_uid="claims.marks.verdict_deleted")
    post_delete.connect(disputes_deleted, sender=Claim, dispatch_uid="claims.marks.disputes_deleted")
    pre_delete.connect(example_to_be_deleted, sender=NarrativeExample, dispatch_uid="claims.marks.example_to_be_deleted")
    post_delete.connect(examples_deleted, sender=NarrativeExample, dispatch_uid="claims.marks.example_deleted")
