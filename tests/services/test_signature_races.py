"""Two workers that need the same claim's signature at once (two articles matched against one
earlier claim, or a speaker corrected while the claim's matching runs) both compute it; the
second to store it must not fail on the first one's row. PostgreSQL only: SQLite serialises
writers, so no two transactions are ever open at once."""
import threading
import time

import pytest
from django.db import transaction

from claims.matching import Signature, signatures
from claims.models import Claim, ClaimSignature
from claims.services import matching
from claims.services.claims import correct_claim

from ..at_once import outcomes
from ..conftest import ON_POSTGRES
from ..factories import ClaimFactory, UserFactory

pytestmark = [
    pytest.mark.skipif(not ON_POSTGRES, reason="SQLite serialises writers: no two transactions are open at once"),
    pytest.mark.django_db(transaction=True),
]


def _at_once(monkeypatch, *jobs, last=None):
    """Run the jobs in threads, each in its own transaction, all past the signature's computation
    before any stores it (the job `last` a moment after the others); what each raised, by name
    (or 'done')."""
    barrier = threading.Barrier(len(jobs))
    compute = matching.signatures

    def computed_together(*args, **kwargs):
        found = compute(*args, **kwargs)
        barrier.wait(timeout=20)
        if threading.current_thread().name == "last":
            time.sleep(1)
        return found

    monkeypatch.setattr(matching, "signatures", computed_together)

    def in_its_transaction(job):
        return transaction.atomic()(job)

    return outcomes(*map(in_its_transaction, jobs), names=["last" if job is last else None for job in jobs])


def test_two_matchers_computing_one_claims_signature_at_once_both_finish(monkeypatch):
    claim = ClaimFactory(text="we did not strike civilian areas in Holm", speaker="the Sudmark army")
    answers = _at_once(monkeypatch, *[lambda: matching.signatures_for([claim])] * 2)
    assert (answers, ClaimSignature.objects.filter(claim=claim).count()) == (["done", "done"], 1)


def test_a_speaker_corrected_while_the_claim_is_matched_keeps_the_corrected_speakers_signature(monkeypatch):
    reviewer = UserFactory(role="Reviewer")
    claim = ClaimFactory(text="we did not strike civilian areas in Holm", speaker="the Sudmark army", source=None,
                         side=None)
    ClaimSignature.objects.filter(claim=claim).delete()  # the matching task has not stored it yet
    matcher_read = Claim.objects.get(pk=claim.pk)  # the task loaded the claim before the correction

    def correct():
        correct_claim(claim=Claim.objects.get(pk=claim.pk), user=reviewer, speaker="the Norland army", source=None,
                      side=None, kind=claim.kind)

    # The matcher stores its signature (from the speaker as it was) first, then the correction.
    answers = _at_once(monkeypatch, correct, lambda: matching.signatures_for([matcher_read]), last=correct)
    wanted = signatures(["we did not strike civilian areas in Holm"], speakers=["the Norland army"], sides=[""])[0]
    stored = Signature.from_json(ClaimSignature.objects.get(claim=claim).data)
    assert (answers, stored) == (["done", "done"], wanted)
