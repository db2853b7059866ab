"""On the claim page, a reviewer turns down a wrong suggestion: "Not the same claim" in Checked
before?, "Not this narrative" in Known narrative, and "Restore suggestion" for either. htmx gets
the changed section back (a verdict being typed elsewhere on the panel is kept), the queue's
marks and filters follow, and every refusal is clear: 400 with the reason, 403, 404, 405, never
a 500, nothing half-saved."""
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import Claim, ClaimMatch, MatchRejection, NarrativeMatch, NarrativeRejection
from claims.services import clusters, rejections
from claims.workflow import ReviewState

from ..factories import UserFactory
from ..services.test_narrative_matching import MASTS, narrative_of
from ..services.test_same_claim import repeated, story  # noqa: F401  (the fixture)

HTMX = {"HX-Request": "true"}
PARAPHRASE = "Schoolchildren in Lindholm are being made ill by the 5G masts."


def not_same_url(claim, other):
    return reverse("claims:claim_not_same", args=[claim.pk, other.pk])


def section(response, css: str) -> str:
    body = response.content.decode()
    start = body.index(f'<section class="{css}"')
    return body[start : body.index("</section>", start)]


def saved() -> tuple:
    """Everything a rejection or its undoing could change."""
    return (
        sorted(ClaimMatch.objects.values_list("claim_id", "earlier_id")),
        sorted(NarrativeMatch.objects.values_list("claim_id", "narrative_id")),
        MatchRejection.objects.count(), NarrativeRejection.objects.count(),
        sorted(Claim.objects.values_list("pk", "matches_published", "repeats_narrative", "version")),
    )


@pytest.fixture
def flagged(db, editor):
    narrative = narrative_of(MASTS, editor=editor)
    claim = repeated(PARAPHRASE)
    from claims.services.matching import find_matches

    find_matches([claim])
    assert Claim.objects.get(pk=claim.pk).repeats_narrative
    return {"narrative": narrative, "claim": claim}


# --- Not the same claim ---------------------------------------------------------------------------


def test_every_unlinked_match_offers_not_the_same_claim(reviewer_client, story):
    shown = section(reviewer_client.get(story["repeat"].get_absolute_url()), "checked-before")
    assert shown.count(">Not the same claim</button>") == 2


def test_a_reviewer_says_not_the_same_claim_and_gets_checked_before_back_without_it(reviewer_client, story):
    response = reviewer_client.post(not_same_url(story["repeat"], story["earlier"]), {"reason": "Another strike, in 2023."},
                                     headers=HTMX)
    body = response.content.decode().strip()
    assert (response.status_code, body.startswith('<section class="checked-before" id="checked-before"')) == (200, True)
    assert 'id="review-panel"' not in body and "claimChanged" in response["HX-Trigger"]
    listed = body[: body.index("Turned down (1)")]
    assert story["earlier"].get_absolute_url() not in listed and story["third"].get_absolute_url() in listed
    assert "not the same claim, said rita on" in body and "Another strike, in 2023." in body


def test_the_queue_no_longer_marks_the_claim_as_matching_the_published_verdict(reviewer_client, story):
    assert "matches: False, 12 Oct" in reviewer_client.get(reverse("claims:queue")).content.decode()
    reviewer_client.post(not_same_url(story["repeat"], story["earlier"]), headers=HTMX)
    reviewer_client.post(not_same_url(story["third"], story["earlier"]), headers=HTMX)
    page = reviewer_client.get(reverse("claims:queue"), {"matches_verdict": "yes"}).content.decode()
    assert ("matches: False, 12 Oct" in page, f"/claims/{story['repeat'].pk}/" in page) == (False, False)


def test_without_javascript_the_reviewer_is_sent_back_to_the_claim_page(reviewer_client, story):
    response = reviewer_client.post(not_same_url(story["repeat"], story["earlier"]))
    assert (response.status_code, response["Location"]) == (302, story["repeat"].get_absolute_url())


def test_the_claim_page_history_says_who_turned_the_suggestion_down(reviewer_client, story):
    reviewer_client.post(not_same_url(story["repeat"], story["earlier"]), {"reason": "Another strike."}, headers=HTMX)
    history = reviewer_client.get(story["repeat"].get_absolute_url(), {"part": "history"}, headers=HTMX).content.decode()
    assert "<strong>rita</strong> said it is not the same claim as" in history and "Another strike." in history


def test_a_reviewer_restores_the_suggestion(reviewer_client, story):
    reviewer_client.post(not_same_url(story["repeat"], story["earlier"]), headers=HTMX)
    rejection = MatchRejection.objects.get()
    response = reviewer_client.post(
        reverse("claims:claim_restore_match", args=[story["repeat"].pk, rejection.pk]), headers=HTMX
    )
    assert (response.status_code, "Turned down" in response.content.decode()) == (200, False)
    assert story["earlier"].get_absolute_url() in section(response, "checked-before")
    assert Claim.objects.get(pk=story["repeat"].pk).matches_published


def test_restoring_a_pair_the_matcher_no_longer_pairs_says_so(reviewer_client, story, reviewer):
    rejection = rejections.reject_match(claim=story["repeat"], other=story["earlier"], user=reviewer)
    # The published claim's words were corrected since (as an admin may): the pair is gone for good.
    Claim.objects.filter(pk=story["earlier"].pk).update(text="The bridge over the Dnipro was closed to traffic for repairs.")
    response = reviewer_client.post(
        reverse("claims:claim_restore_match", args=[story["repeat"].pk, rejection.pk]), headers=HTMX
    )
    assert (response.status_code, MatchRejection.objects.exists()) == (200, False)
    assert "the matcher does not call these the same claim now" in section(response, "checked-before")


def test_restoring_a_pair_whose_other_claim_was_deleted_says_that_may_be_why(reviewer_client, story, reviewer):
    rejection = rejections.reject_match(claim=story["repeat"], other=story["earlier"], user=reviewer)
    Claim.objects.filter(pk=story["earlier"].pk).delete()  # an admin removed it; its article stays
    response = reviewer_client.post(
        reverse("claims:claim_restore_match", args=[story["repeat"].pk, rejection.pk]), headers=HTMX
    )
    assert (response.status_code, MatchRejection.objects.exists()) == (200, False)
    assert "the other claim is no longer in its article" in section(response, "checked-before")


def test_a_linked_pair_is_refused_with_the_way_out(reviewer_client, story, reviewer):
    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    before = saved()
    response = reviewer_client.post(not_same_url(story["repeat"], story["earlier"]), headers=HTMX)
    assert (response.status_code, saved()) == (400, before)
    assert "is linked as the same claim. Unlink it first" in section(response, "checked-before")


def test_linking_through_a_third_claim_a_pair_turned_down_is_a_400_naming_both(reviewer_client, story, reviewer):
    rejections.reject_match(claim=story["repeat"], other=story["earlier"], user=reviewer)
    clusters.link_as_same_claim(claim=story["third"], other=story["earlier"], user=reviewer)
    before = saved()
    response = reviewer_client.post(reverse("claims:claim_link_same", args=[story["repeat"].pk]),
                                    {"other": story["third"].pk, "version": 1}, headers=HTMX)
    assert (response.status_code, saved(), Claim.objects.get(pk=story["repeat"].pk).cluster_id) == (400, before, None)
    assert (f"claim {story['earlier'].pk} and claim {story['repeat'].pk} are not the same claim"
            in response.content.decode())


def test_a_linked_match_offers_unlink_not_a_rejection(reviewer_client, story, reviewer):
    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    shown = section(reviewer_client.get(story["repeat"].get_absolute_url()), "checked-before")
    assert shown.count(">Not the same claim</button>") == 1 and ">Unlink</button>" in shown


def test_a_claim_that_is_no_match_is_a_400(reviewer_client, story):
    stranger = repeated("The bridge over the Dnipro was closed to traffic for repairs.")
    before = saved()
    response = reviewer_client.post(not_same_url(story["repeat"], stranger), headers=HTMX)
    assert (response.status_code, saved()) == (400, before)
    assert "is not one of this claim&#x27;s matches" in response.content.decode()


@pytest.mark.parametrize("reason, message", [
    ("x" * 10_000, "at most 500 characters"),
    ("Another strike\x00", "U+0000"),
    ("Another \x1b[31mstrike", "U+001B"),
])
def test_a_reason_too_long_or_with_a_control_character_is_a_400_and_nothing_is_saved(reviewer_client, story, reason, message):
    before = saved()
    response = reviewer_client.post(not_same_url(story["repeat"], story["earlier"]), {"reason": reason}, headers=HTMX)
    assert (response.status_code, saved()) == (400, before)
    assert message in section(response, "checked-before")


def test_a_double_click_on_not_the_same_claim_says_it_was_already_turned_down(reviewer_client, story):
    url = not_same_url(story["repeat"], story["earlier"])
    assert reviewer_client.post(url, {"reason": "Another strike."}, headers=HTMX).status_code == 200
    before = saved()
    response = reviewer_client.post(url, {"reason": "Another strike."}, headers=HTMX)
    assert (response.status_code, saved(), MatchRejection.history.count()) == (400, before, 1)
    assert f"Claim {story['earlier'].pk} was already turned down by rita on" in section(response, "checked-before")


def test_a_double_click_on_not_this_narrative_says_it_was_already_turned_down(reviewer_client, flagged):
    url = reverse("claims:claim_not_narrative", args=[flagged["claim"].pk, flagged["narrative"].pk])
    assert reviewer_client.post(url, headers=HTMX).status_code == 200
    before = saved()
    response = reviewer_client.post(url, headers=HTMX)
    assert (response.status_code, saved(), NarrativeRejection.history.count()) == (400, before, 1)
    assert "was already turned down by rita on" in section(response, "known-narrative")


def test_without_javascript_a_refusal_is_the_page_with_the_reason(reviewer_client, story):
    response = reviewer_client.post(not_same_url(story["repeat"], story["earlier"]), {"reason": "x" * 501})
    assert response.status_code == 400 and "at most 500 characters" in response.content.decode()


def test_the_page_reads_turned_down_suggestions_in_a_fixed_number_of_queries(reviewer_client, story, reviewer):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert reviewer_client.get(story["repeat"].get_absolute_url()).status_code == 200
        return len(captured.captured_queries)

    rejections.reject_match(claim=story["repeat"], other=story["earlier"], user=reviewer)
    one = queries()
    rejections.reject_match(claim=story["repeat"], other=story["third"], user=reviewer)
    assert queries() == one


# --- Not this narrative ---------------------------------------------------------------------------


def test_a_reviewer_says_not_this_narrative_and_gets_the_known_narrative_section_back(reviewer_client, flagged):
    claim, narrative = flagged["claim"], flagged["narrative"]
    response = reviewer_client.post(reverse("claims:claim_not_narrative", args=[claim.pk, narrative.pk]),
                                     {"reason": "It quotes the rumour to mock it."}, headers=HTMX)
    body = response.content.decode().strip()
    assert (response.status_code, body.startswith('<section class="known-narrative" id="known-narrative"')) == (200, True)
    assert "No known narrative flagged." in body and "It quotes the rumour to mock it." in body
    assert not Claim.objects.get(pk=claim.pk).repeats_narrative


def test_the_queue_drops_the_narrative_flag_and_filter(reviewer_client, flagged):
    claim, narrative = flagged["claim"], flagged["narrative"]
    reviewer_client.post(reverse("claims:claim_not_narrative", args=[claim.pk, narrative.pk]), headers=HTMX)
    whole = reviewer_client.get(reverse("claims:queue")).content.decode()
    filtered = reviewer_client.get(reverse("claims:queue"), {"narrative": str(narrative.pk)}).content.decode()
    assert ("narrative: <bdi>" in whole, f"/claims/{claim.pk}/" in filtered) == (False, False)


def test_a_reviewer_restores_the_narrative(reviewer_client, flagged, reviewer):
    claim, narrative = flagged["claim"], flagged["narrative"]
    rejection = rejections.reject_narrative(claim=claim, narrative=narrative, user=reviewer)
    response = reviewer_client.post(reverse("claims:claim_restore_narrative", args=[claim.pk, rejection.pk]), headers=HTMX)
    assert (response.status_code, "Not this narrative" in response.content.decode()) == (200, True)
    assert Claim.objects.get(pk=claim.pk).repeats_narrative and not NarrativeRejection.objects.exists()


def test_restoring_a_narrative_whose_example_was_removed_meanwhile_says_so(reviewer_client, flagged, reviewer, editor):
    from claims.services import narratives

    claim, narrative = flagged["claim"], flagged["narrative"]
    rejection = rejections.reject_narrative(claim=claim, narrative=narrative, user=reviewer)
    narratives.remove_example(example=narrative.examples.get(), user=editor)
    response = reviewer_client.post(reverse("claims:claim_restore_narrative", args=[claim.pk, rejection.pk]), headers=HTMX)
    assert (response.status_code, Claim.objects.get(pk=claim.pk).repeats_narrative) == (200, False)
    assert "does not find that the claim repeats the narrative now" in section(response, "known-narrative")


def test_a_narrative_the_claim_does_not_repeat_is_a_400(reviewer_client, flagged, editor):
    other = narrative_of("Wind turbines killed 4,000 birds in Norland last year.", name="Turbines", editor=editor)
    before = saved()
    response = reviewer_client.post(reverse("claims:claim_not_narrative", args=[flagged["claim"].pk, other.pk]), headers=HTMX)
    assert (response.status_code, saved()) == (400, before)
    assert "not flagged as repeating the narrative" in response.content.decode()


@pytest.mark.parametrize("reason, message", [("y" * 10_000, "at most 500 characters"), ("quoted\x07", "U+0007")])
def test_a_bad_reason_for_a_narrative_is_a_400_and_the_flag_stays(reviewer_client, flagged, reason, message):
    before = saved()
    response = reviewer_client.post(
        reverse("claims:claim_not_narrative", args=[flagged["claim"].pk, flagged["narrative"].pk]), {"reason": reason},
        headers=HTMX,
    )
    assert (response.status_code, saved(), message in response.content.decode()) == (400, before, True)


# --- Who may, and requests that are wrong -----------------------------------------------------------


def _urls(story, flagged, reviewer):
    """Each new action, on a claim whose suggestion is there to turn down (or to restore)."""
    from claims.services.matching import find_matches

    claim, narrative = flagged["claim"], flagged["narrative"]
    twin = repeated(PARAPHRASE)  # another article telling it, whose flag was turned down
    find_matches([twin])
    match_rejection = rejections.reject_match(claim=story["third"], other=story["earlier"], user=reviewer)
    narrative_rejection = rejections.reject_narrative(claim=twin, narrative=narrative, user=reviewer)
    Claim.objects.filter(pk__in=[story["repeat"].pk, story["third"].pk, claim.pk, twin.pk]).update(
        assignee=reviewer, state=ReviewState.IN_REVIEW
    )
    return {
        "not same": reverse("claims:claim_not_same", args=[story["repeat"].pk, story["earlier"].pk]),
        "restore match": reverse("claims:claim_restore_match", args=[story["third"].pk, match_rejection.pk]),
        "not narrative": reverse("claims:claim_not_narrative", args=[claim.pk, narrative.pk]),
        "restore narrative": reverse("claims:claim_restore_narrative", args=[twin.pk, narrative_rejection.pk]),
    }


ACTIONS = ["not same", "restore match", "not narrative", "restore narrative"]


@pytest.mark.parametrize("action", ACTIONS)
def test_anonymous_visitors_are_sent_to_sign_in(client, story, flagged, reviewer, action):
    url = _urls(story, flagged, reviewer)[action]
    before = saved()
    response = client.post(url)
    assert (response.status_code, response["Location"].startswith(reverse("login")), saved()) == (302, True, before)


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("who", ["no role", "another reviewer"])
def test_a_user_without_the_role_or_another_reviewer_gets_403(client, story, flagged, reviewer, other_reviewer, action, who):
    url = _urls(story, flagged, reviewer)[action]
    client.force_login(UserFactory(role=None) if who == "no role" else other_reviewer)
    before = saved()
    assert (client.post(url, headers=HTMX).status_code, saved()) == (403, before)


@pytest.mark.parametrize("action", ["not same", "not narrative"])
def test_another_reviewer_sending_a_bad_reason_is_told_403_not_to_fix_the_reason(client, story, flagged, reviewer,
                                                                                 other_reviewer, action):
    url = _urls(story, flagged, reviewer)[action]
    client.force_login(other_reviewer)
    before = saved()
    response = client.post(url, {"reason": "x" * 501}, headers=HTMX)
    assert (response.status_code, saved(), "at most 500 characters" in response.content.decode()) == (403, before, False)


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("who", ["the reviewer on the claim", "an editor"])
def test_the_reviewer_on_the_claim_and_an_editor_may(client, story, flagged, reviewer, editor, action, who):
    url = _urls(story, flagged, reviewer)[action]
    client.force_login(reviewer if who == "the reviewer on the claim" else editor)
    assert client.post(url, headers=HTMX).status_code == 200


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("method", ["get", "put", "delete", "patch"])
def test_any_method_but_post_is_a_405(reviewer_client, story, flagged, reviewer, action, method):
    url = _urls(story, flagged, reviewer)[action]
    before = saved()
    assert (getattr(reviewer_client, method)(url).status_code, saved()) == (405, before)


@pytest.mark.parametrize("action", ACTIONS)
def test_without_the_csrf_token_each_action_is_a_403_and_saves_nothing(story, flagged, reviewer, action):
    url = _urls(story, flagged, reviewer)[action]
    client = Client(enforce_csrf_checks=True)
    client.force_login(reviewer)
    before = saved()
    for headers in ({}, HTMX, {"X-CSRFToken": "forged", **HTMX}):
        assert client.post(url, headers=headers).status_code == 403
    assert saved() == before


@pytest.mark.parametrize("action, position", [
    ("not same", 0), ("not same", 1), ("restore match", 0), ("restore match", 1),
    ("not narrative", 0), ("not narrative", 1), ("restore narrative", 0), ("restore narrative", 1),
])
@pytest.mark.parametrize("bad", ["999999", str(2**63)])
def test_an_id_that_names_nothing_is_a_404(reviewer_client, story, flagged, reviewer, action, position, bad):
    url = _urls(story, flagged, reviewer)[action]
    parts = url.strip("/").split("/")
    numbers = [i for i, part in enumerate(parts) if part.isdigit()]
    parts[numbers[position]] = bad
    before = saved()
    assert (reviewer_client.post("/" + "/".join(parts) + "/", headers=HTMX).status_code, saved()) == (404, before)


def test_a_rejection_restored_from_a_claim_it_is_not_about_is_a_400(reviewer_client, story, flagged, reviewer):
    _urls(story, flagged, reviewer)  # the third claim's match turned down
    rejection = MatchRejection.objects.get()
    before = saved()
    response = reviewer_client.post(reverse("claims:claim_restore_match", args=[story["repeat"].pk, rejection.pk]), headers=HTMX)
    assert (response.status_code, saved(), "not about this claim" in response.content.decode()) == (400, before, True)
