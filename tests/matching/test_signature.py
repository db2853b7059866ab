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


def test_compare_decides_the_same_whichever_claim_comes_first():
    pairs = [
        ("Norlandic troops captured Ostby.", "Sudmark's army still holds Ostby."),
        ("Three people died in Holm.", "Thirty people died in Holm."),
        ("The minister resigned after the vote in Holm.", "The deputy minister resigned after the vote in Holm."),
        ("The new bridge at Holm will open in March.", "The new bridge at Holm will open in the autumn."),
    ]
    for a, b in pairs:
        sa, sb = claim_signature(a), claim_signature(b)
        ab, ba = compare(sa, sb), compare(sb, sa)
        assert (ab.score, ab.same) == (ba.score, ba.same)


def test_empty_text_matches_nothing():
    empty = claim_signature("")
    assert not compare(empty, claim_signature("Norlandic troops captured Ostby.")).same
