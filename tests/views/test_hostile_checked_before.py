"""A hostile reviewer against "Checked before?" (link, unlink, take the published verdict): ids in
every spelling, actions repeated or on the wrong claim, forged headers, no CSRF token. Each is
refused with the reason and the right status, and nothing is half-saved (no verdict without its
note, no note without its verdict, no cluster of one)."""
import pytest
from django.test import Client
from django.urls import reverse

from claims.models import Claim, ClaimCluster, Comment, Verdict
from claims.services import clusters
from claims.workflow import ReviewState

from ..services.test_same_claim import story  # noqa: F401  (the fixture)

HTMX = {"HX-Request": "true"}


def _post(client, name, claim, headers=HTMX, **data):
    version = Claim.objects.get(pk=claim.pk).version
    return client.post(reverse(name, args=[claim.pk]), {"version": version, **data}, headers=headers)


def _state(story):
    return (
        list(Claim.objects.order_by("pk").values_list("pk", "cluster_id", "state", "version")),
        Verdict.objects.count(), Comment.objects.count(), ClaimCluster.objects.count(),
    )


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["claims:claim_link_same", "claims:claim_unlink_same"])
@pytest.mark.parametrize("spelling", [
    lambda n: n.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")),  # Arabic-Indic digits
    lambda n: n.translate(str.maketrans("0123456789", "０１２３４５６７８９")),  # full width
    lambda n: n.translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")),  # superscript
    lambda n: "_".join(n) if len(n) > 1 else f"0_{n}",  # int() skips underscores
    lambda n: f"{n}.0", lambda n: f"+{n}", lambda n: f"{n}e0", lambda n: hex(int(n)), lambda n: f"{n}\u200b",
], ids=["arabic-indic", "full width", "superscript", "underscores", "decimal", "plus", "exponent", "hex", "zero width"])
def test_a_claim_number_in_another_spelling_is_refused_not_read_as_the_claim(reviewer_client, story, reviewer, name, spelling):
    # The number of a real match, written as int() would read it but no person types a claim number.
    if name == "claims:claim_unlink_same":
        clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    before = _state(story)
    response = _post(reviewer_client, name, story["repeat"], other=spelling(str(story["earlier"].pk)))
    assert (response.status_code, _state(story)) == (400, before)


@pytest.mark.django_db
def test_taking_the_verdict_twice_gives_one_verdict_and_one_note(reviewer_client, story, reviewer):
    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    first = _post(reviewer_client, "claims:claim_take_verdict", story["repeat"])
    before = _state(story)
    second = _post(reviewer_client, "claims:claim_take_verdict", story["repeat"])
    assert (first.status_code, second.status_code, _state(story)) == (200, 409, before)


@pytest.mark.django_db
def test_the_published_claim_cannot_take_its_own_verdict(editor_client, story, editor):
    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=editor)
    before = _state(story)
    response = _post(editor_client, "claims:claim_take_verdict", story["earlier"])
    assert (response.status_code in (400, 403, 409), _state(story)) == (True, before)


@pytest.mark.django_db
def test_a_verdict_unpublished_since_the_link_cannot_be_taken(reviewer_client, story, reviewer):
    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    Verdict.objects.filter(claim=story["earlier"]).update(published_at=None)
    before = _state(story)
    response = _post(reviewer_client, "claims:claim_take_verdict", story["repeat"])
    assert (response.status_code, _state(story)) == (400, before)


@pytest.mark.django_db
def test_a_stale_version_on_take_verdict_is_a_409_and_saves_nothing(reviewer_client, story, reviewer):
    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    before = _state(story)
    response = reviewer_client.post(reverse("claims:claim_take_verdict", args=[story["repeat"].pk]), {"version": "0"}, headers=HTMX)
    assert (response.status_code, _state(story)) == (409, before)


@pytest.mark.django_db
@pytest.mark.parametrize("version", ["٣", "²", "-1", "9" * 30, "1.0", "\x00"])
def test_a_malformed_version_on_any_same_claim_action_is_a_400(reviewer_client, story, version):
    before = _state(story)
    for name in ("claims:claim_link_same", "claims:claim_unlink_same", "claims:claim_take_verdict"):
        response = reviewer_client.post(
            reverse(name, args=[story["repeat"].pk]), {"version": version, "other": story["earlier"].pk}, headers=HTMX
        )
        assert response.status_code == 400
    assert _state(story) == before


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["claims:claim_link_same", "claims:claim_unlink_same", "claims:claim_take_verdict"])
def test_without_the_csrf_token_each_action_is_a_403_and_saves_nothing(reviewer, story, name):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reviewer)
    before = _state(story)
    for headers in ({}, HTMX, {"X-CSRFToken": "forged", **HTMX}):
        assert _post(client, name, story["repeat"], headers=headers, other=story["earlier"].pk).status_code == 403
    assert _state(story) == before


@pytest.mark.django_db
@pytest.mark.parametrize("pk", [str(2**63), "9" * 40])
@pytest.mark.parametrize("name", ["claims:claim_link_same", "claims:claim_unlink_same", "claims:claim_take_verdict"])
def test_a_claim_id_past_the_databases_integers_in_the_url_is_a_404(reviewer_client, story, name, pk):
    url = reverse(name, args=[1]).replace("/1/", f"/{pk}/")
    assert reviewer_client.post(url, {"other": story["earlier"].pk}, headers=HTMX).status_code == 404


@pytest.mark.django_db
def test_an_unlinked_pair_cannot_be_unlinked_and_a_linked_one_not_linked_again(reviewer_client, story, reviewer):
    before = _state(story)
    assert _post(reviewer_client, "claims:claim_unlink_same", story["repeat"], other=story["earlier"].pk).status_code == 400
    assert _state(story) == before
    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    linked = _state(story)
    assert _post(reviewer_client, "claims:claim_link_same", story["repeat"], other=story["earlier"].pk).status_code == 400
    assert _state(story) == linked


@pytest.mark.django_db
def test_the_published_claim_stays_published_whatever_is_linked_to_it(reviewer_client, story, reviewer):
    clusters.link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    _post(reviewer_client, "claims:claim_take_verdict", story["repeat"])
    earlier = Claim.objects.get(pk=story["earlier"].pk)
    assert (earlier.state, earlier.verdict.published_at is not None) == (ReviewState.PUBLISHED, True)
