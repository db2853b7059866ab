"""A signature is plain data, stored beside the claim and read back for re-ranking."""
import json

from claims.matching import Signature, claim_signature, compare


def test_signature_survives_a_round_trip_through_json():
    signature = claim_signature("Sudmark's army said 3 civilians were killed in Holm on Monday.")
    again = Signature.from_json(json.loads(json.dumps(signature.as_json())))
    assert again == signature


def test_speaker_is_not_part_of_the_claimed_terms():
    signature = claim_signature("The bridge at Varde was destroyed, Sudmark's defence ministry said.")
    assert "minist" not in signature.search_text


def test_compare_of_a_claim_with_itself_is_certain():
    signature = claim_signature("Norlandic troops captured Ostby.")
    assert compare(signature, signature).score == 1.0
