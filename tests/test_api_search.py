"""Searching published fact-checks by a claim's words: with a token, and on the public route without one."""
import pytest
from django.core.cache import cache

from claims.services import reviews
from claims.services.tokens import create_token

from .factories import ClaimFactory, VerdictFactory

SEARCH = "/api/fact-checks/search"
PUBLIC = "/api/public/fact-checks/search"


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    # The public route counts requests in the cache, which outlives a test in the same process.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def token(reviewer):
    return create_token(user=reviewer, name="desk search")[1]


def auth(token):
    return {"Authorization": f"Bearer {token}"}


def published(editor, text, rating="false"):
    verdict = VerdictFactory(claim__text=text, rating=rating)
    return reviews.approve_and_publish(claim=verdict.claim, editor=editor)


def test_a_search_finds_the_published_verdict_on_the_claim(client, editor, token):
    verdict = published(editor, "Russian forces captured the bridge at Lysychansk on Monday.")
    response = client.get(SEARCH, {"q": "forces captured the Lysychansk bridge"}, headers=auth(token))
    assert response.status_code == 200
    [hit] = response.json()
    assert hit["claim"] == "Russian forces captured the bridge at Lysychansk on Monday."
    assert hit["rating"] == "False" and hit["speaker"] == verdict.claim.speaker and hit["side"] == verdict.claim.side.name
    assert hit["url"] == f"http://testserver/fact-checks/{verdict.pk}/"
    assert hit["published_at"] and 0 < hit["score"] <= 1


def test_the_same_claim_ranks_above_one_with_another_number(client, editor, token):
    # The 30-killed claim shares more words with the search; the matcher still puts it second.
    published(editor, "Artillery shelled the Nova Kakhovka dam overnight, killing 30 people.", rating="true")
    published(editor, "Nova Kakhovka dam: artillery shelling overnight killed 3")
    hits = client.get(SEARCH, {"q": "Artillery shelled the Nova Kakhovka dam overnight, killing 3 people"},
                      headers=auth(token)).json()
    assert [(h["claim"], h["same_claim"]) for h in hits] == [
        ("Nova Kakhovka dam: artillery shelling overnight killed 3", True),
        ("Artillery shelled the Nova Kakhovka dam overnight, killing 30 people.", False),
    ]
    assert hits[0]["score"] > hits[1]["score"]


def test_claims_without_a_published_verdict_are_not_found(client, editor, token):
    ClaimFactory(text="The depot at Tarnford was destroyed by a drone.", state="published")  # no verdict
    VerdictFactory(claim__text="The depot at Tarnford was destroyed by a missile.")  # awaiting approval
    shown = published(editor, "Tarnford depot destroyed in a strike, officials say.")
    for route, headers in ((SEARCH, auth(token)), (PUBLIC, {})):
        hits = client.get(route, {"q": "Tarnford depot destroyed"}, headers=headers).json()
        assert [h["url"] for h in hits] == [f"http://testserver/fact-checks/{shown.pk}/"]


def test_no_token_or_a_wrong_token_is_401(client, db):
    assert client.get(SEARCH, {"q": "bridge"}).status_code == 401
    assert client.get(SEARCH, {"q": "bridge"}, headers=auth("not-a-token")).status_code == 401


def test_the_public_search_needs_no_token(client, editor):
    published(editor, "The school in Velgrad reopened after the shelling.")
    response = client.get(PUBLIC, {"q": "Velgrad school reopened"})
    assert response.status_code == 200 and response.json()[0]["claim"].startswith("The school in Velgrad")


def test_the_public_search_answers_429_with_retry_after_past_the_limit(client, settings, db):
    for _ in range(30):
        assert client.get(PUBLIC, {"q": "Velgrad school"}).status_code == 200
    response = client.get(PUBLIC, {"q": "Velgrad school"})
    assert response.status_code == 429 and response.json()["detail"]
    assert 1 <= int(response["Retry-After"]) <= 60


def test_the_limit_is_per_client_address_and_not_dodged_by_a_forwarded_header(client, db):
    for _ in range(30):
        client.get(PUBLIC, {"q": "Velgrad"}, REMOTE_ADDR="203.0.113.7")
    assert client.get(PUBLIC, {"q": "Velgrad"}, REMOTE_ADDR="203.0.113.7",
                      HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 429
    assert client.get(PUBLIC, {"q": "Velgrad"}, REMOTE_ADDR="203.0.113.8").status_code == 200


def test_the_token_search_is_not_rate_limited_like_the_public_one(client, token):
    for _ in range(31):
        assert client.get(SEARCH, {"q": "Velgrad"}, headers=auth(token)).status_code == 200


@pytest.mark.parametrize("route", [SEARCH, PUBLIC])
@pytest.mark.parametrize(
    "params, status, says",
    [
        ({}, 422, "q"),
        ({"q": ""}, 400, "give the words"),
        ({"q": "   \n\t "}, 400, "give the words"),
        ({"q": "x" * 501}, 422, "500"),
        ({"q": "bridge \x00 destroyed"}, 422, "U+0000"),
        ({"q": "bridge \x1b[2J"}, 422, "escape"),
        ({"q": "the of and was it"}, 400, "only common words"),
        ({"q": "' & | ! :* \\ ()"}, 400, "only punctuation"),
        ({"q": "bridge", "limit": "0"}, 422, "limit"),
        ({"q": "bridge", "limit": "many"}, 422, "limit"),
    ],
)
def test_bad_searches_are_refused_with_a_reason(client, token, route, params, status, says):
    response = client.get(route, params, headers=auth(token) if route == SEARCH else {})
    assert response.status_code == status
    assert says in str(response.json()["detail"])


def test_search_syntax_in_the_text_is_read_as_words(client, editor, token):
    published(editor, "The school in Velgrad reopened after the shelling.")
    response = client.get(SEARCH, {"q": "Velgrad' | !school & (reopened:*) \"or\" -shelling"}, headers=auth(token))
    assert response.status_code == 200 and response.json()[0]["claim"].startswith("The school in Velgrad")


def test_a_token_s_last_use_is_recorded_to_the_minute_without_a_write_per_search(client, reviewer):
    from datetime import timedelta

    from django.utils import timezone

    from claims.models import ApiToken

    record, key = create_token(user=reviewer, name="desk search")
    assert client.get(SEARCH, {"q": "Velgrad"}, headers=auth(key)).status_code == 200
    first = ApiToken.objects.get(pk=record.pk).last_used_at
    assert first is not None
    assert client.get(SEARCH, {"q": "Velgrad"}, headers=auth(key)).status_code == 200
    assert ApiToken.objects.get(pk=record.pk).last_used_at == first
    ApiToken.objects.filter(pk=record.pk).update(last_used_at=timezone.now() - timedelta(minutes=2))
    assert client.get(SEARCH, {"q": "Velgrad"}, headers=auth(key)).status_code == 200
    assert ApiToken.objects.get(pk=record.pk).last_used_at > timezone.now() - timedelta(minutes=1)
