"""Another system filters the claims through the API: every yes-or-no filter takes the same words,
and every filter naming a record refuses a number that is none in the same way, whichever it is."""
import pytest

from claims.services.tokens import create_token

from .factories import ClaimFactory

YES_OR_NO = ["disputed", "matches_published"]
RECORD_IDS = ["topic", "side", "source", "narrative"]


@pytest.fixture
def headers(editor):
    return {"Authorization": f"Bearer {create_token(user=editor, name='wire bot')[1]}"}


def _get(client, headers, **params):
    return client.get("/api/claims", params, headers=headers)


@pytest.mark.parametrize("name", YES_OR_NO)
@pytest.mark.parametrize("word", ["true", "TRUE", "True", "false", "FALSE", "1", "0", "yes", "No", "on", "OFF"])
def test_every_yes_or_no_filter_takes_the_same_words_in_any_case(client, headers, name, word):
    assert _get(client, headers, **{name: word}).status_code == 200


@pytest.mark.parametrize("word, wanted", [("TRUE", True), ("1", True), ("False", False), ("0", False)])
def test_a_yes_or_no_filter_reads_its_word_as_meant(client, headers, word, wanted):
    claims = {True: ClaimFactory(has_dispute=True), False: ClaimFactory(has_dispute=False)}
    assert {c["id"] for c in _get(client, headers, disputed=word).json()["claims"]} == {claims[wanted].pk}


@pytest.mark.parametrize("word", ["maybe", "2", "yes please", " true", "TRUE' OR 1=1", "t" * 10_000])
def test_a_yes_or_no_filter_with_another_word_is_refused_alike_whichever_it_is(client, headers, word):
    answers = [_get(client, headers, **{name: word}) for name in YES_OR_NO]
    assert [a.status_code for a in answers] == [422, 422]
    problems = [a.json()["detail"] for a in answers]
    assert [p[0]["loc"] for p in problems] == [["query", name] for name in YES_OR_NO]
    assert problems[0][0]["type"] == problems[1][0]["type"] and problems[0][0]["msg"] == problems[1][0]["msg"]
    assert "true or false" in problems[0][0]["msg"] and len(problems[0][0]["msg"]) < 200


@pytest.mark.parametrize("value", ["0", "-1", "nine", "٣", "１", "1_0", "9" * 30, "1.5"])
def test_a_record_id_that_is_no_id_is_refused_alike_whichever_filter_it_is(client, headers, value):
    answers = [_get(client, headers, **{name: value}) for name in RECORD_IDS]
    assert [a.status_code for a in answers] == [422] * len(RECORD_IDS)
    problems = [a.json()["detail"][0] for a in answers]
    assert [p["loc"] for p in problems] == [["query", name] for name in RECORD_IDS]
    assert {p["type"] for p in problems} == {"record_id"}
    assert all("a record's id" in p["msg"] and len(p["msg"]) < 200 for p in problems)


@pytest.mark.parametrize("path", ["/api/imports/0", "/api/imports/nine", "/api/imports/" + "9" * 30])
def test_an_import_job_number_that_is_no_id_is_refused_as_a_filters_is(client, headers, path):
    response = client.get(path, headers=headers)
    assert response.status_code == 422 and response.json()["detail"][0]["type"] == "record_id"


def test_a_record_id_sent_with_a_submission_follows_the_same_rule(client, headers):
    response = client.post("/api/articles", {"text": "Ships waited.", "topic": 0}, content_type="application/json",
                           headers=headers)
    assert response.status_code == 422 and response.json()["detail"][0]["type"] == "record_id"


@pytest.mark.parametrize("topic", [[1] * 50_000, {"id": "9" * 100_000}, [[[[1]]]] * 10_000])
def test_a_record_id_sent_as_a_long_list_or_object_is_refused_without_echoing_it_whole(client, headers, topic):
    response = client.post("/api/articles", {"text": "Ships waited.", "topic": topic}, content_type="application/json",
                           headers=headers)
    problem = response.json()["detail"][0]
    assert (response.status_code, problem["type"]) == (422, "record_id")
    assert len(response.content) < 500 and "a record's id" in problem["msg"]


@pytest.mark.parametrize("name", YES_OR_NO + RECORD_IDS)
def test_a_filter_left_empty_is_no_filter_as_the_queues_own_links_send_it(client, headers, name):
    ClaimFactory()
    response = _get(client, headers, **{name: ""})
    assert response.status_code == 200 and len(response.json()["claims"]) == 1


@pytest.mark.parametrize("name, value", [("topic", "999999"), ("side", "999999"), ("source", "999999"),
                                         ("narrative", "999999")])
def test_a_well_formed_id_of_no_record_is_a_400_naming_the_filter(client, headers, name, value):
    response = _get(client, headers, **{name: value})
    assert response.status_code == 400 and response.json()["detail"].startswith(f"{name}:")


def test_the_schema_says_what_each_filter_takes(client, db):
    parameters = {p["name"]: p["schema"] for p in client.get("/api/openapi.json").json()["paths"]["/api/claims"]["get"]["parameters"]}
    assert all("boolean" in str(parameters[name]) for name in YES_OR_NO)
    assert all("integer" in str(parameters[name]) for name in RECORD_IDS)
