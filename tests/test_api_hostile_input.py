"""Another newsroom system sends odd or hostile input to the API: every answer is a clear 4xx, never
a 500, and nothing is half-saved."""
import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.models import Article, ImportItem, ImportJob
from claims.services.tokens import create_token

from .test_input_rules import texts

TEXT = "The harbour master said 31 ships waited at anchor outside the port on Monday evening."


@pytest.fixture
def headers(editor):
    return {"Authorization": f"Bearer {create_token(user=editor, name='wire bot')[1]}"}


def _submit(client, headers, payload):
    return client.post("/api/articles", payload, content_type="application/json", headers=headers)


@pytest.mark.parametrize(
    "payload, field, reason",
    [
        ({"title": "Ships\x00", "text": TEXT}, "title", "U+0000 (NUL) at character 6"),
        ({"title": "Ships", "text": TEXT + "\x00"}, "text", "U+0000 (NUL)"),
        ({"text": "\ud800 said the minister, and " + TEXT}, "text", "lone surrogate U+D800"),
        ({"text": TEXT, "title": "Escape \x1b[31m"}, "title", "U+001B (escape)"),
    ],
)
def test_a_system_sending_control_characters_is_told_which_and_where(client, headers, payload, field, reason):
    response = _submit(client, headers, payload)
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["loc"][-1] == field and reason in problem["msg"]
    assert not ImportJob.objects.exists()


@pytest.mark.parametrize("text", ["0", "  7 ", "Ships sank.", "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"])
def test_a_text_too_short_to_be_an_article_is_refused_like_an_empty_one(client, headers, text):
    response = _submit(client, headers, {"text": text})
    assert response.status_code == 400 and "too short to be an article" in response.json()["detail"]
    assert not ImportJob.objects.exists() and not Article.objects.exists()


@pytest.mark.parametrize("url", ["http://[", "http://[::1", "https://news.example:99999/", "ftp://news.example/a"])
def test_a_link_that_is_not_a_web_address_is_refused_at_once_with_a_reason(client, headers, url):
    response = _submit(client, headers, {"url": url})
    assert response.status_code == 400 and "Enter a web address" in response.json()["detail"]
    assert not ImportJob.objects.exists()


def test_a_link_or_title_over_the_limit_is_refused_not_cut(client, headers):
    assert _submit(client, headers, {"url": "https://news.example/" + "a" * 2000}).status_code == 422
    assert _submit(client, headers, {"text": TEXT, "title": "t" * 501}).status_code == 422
    assert not ImportJob.objects.exists()


@pytest.mark.parametrize(
    "query",
    ["offset=9223372036854775808", "offset=-1", "limit=0", "limit=501", "limit=18446744073709551616", "offset=1e3"],
)
def test_verdict_pages_out_of_bounds_are_a_422_with_the_bound(client, headers, query):
    response = client.get(f"/api/verdicts?{query}", headers=headers)
    assert response.status_code == 422 and response.json()["detail"][0]["msg"]


@pytest.mark.parametrize(
    "path",
    ["/api/claims?topic=99999999999999999999", "/api/claims?source=0", "/api/claims?q=%00",
     "/api/imports/99999999999999999999", "/api/imports/0"],
)
def test_ids_and_filters_out_of_bounds_are_a_422(client, headers, path):
    assert client.get(path, headers=headers).status_code == 422


def test_a_cursor_with_numbers_too_big_for_the_database_finds_nothing(client, headers):
    import base64, json
    cursor = base64.urlsafe_b64encode(json.dumps([0.5, 2**70]).encode()).decode().rstrip("=")
    response = client.get(f"/api/claims?after={cursor}", headers=headers)
    assert response.status_code == 200 and response.json()["claims"] == []


@pytest.mark.parametrize("cursor", ["garbage", "W251bGwsbnVsbF0", "%FF%FE", "e30"])
def test_a_cursor_this_api_never_gave_out_is_refused_with_the_reason(client, headers, cursor):
    response = client.get(f"/api/claims?after={cursor}", headers=headers)
    assert response.status_code == 400
    assert "not a cursor this API gave out" in response.json()["detail"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    payload=st.fixed_dictionaries({}, optional={
        "text": st.one_of(texts, texts.map(lambda t: TEXT + t), texts.map(lambda t: t + TEXT)),
        "title": texts, "url": st.one_of(texts, texts.map(lambda t: "https://news.example/" + t)),
        "topic": st.integers(min_value=-(2**70), max_value=2**70),
    })
)
def test_any_submission_is_answered_without_a_500_and_a_refusal_saves_nothing(client, headers, payload):
    with transaction.atomic():
        jobs = ImportJob.objects.count()
        response = _submit(client, headers, payload)
        assert response.status_code in (202, 400, 404, 422), response.content
        assert response.json()["detail"] if response.status_code != 202 else True
        assert ImportJob.objects.count() == jobs + (response.status_code == 202)
        assert ImportItem.objects.filter(job__isnull=True).count() == 0
        transaction.set_rollback(True)
