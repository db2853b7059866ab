"""The REST API, as another newsroom system uses it: token in, JSON out, clear errors."""
import pytest

from claims.models import ApiToken, ImportJob
from claims.services import reviews
from claims.services.tokens import create_token

from .factories import ClaimFactory, EvidenceFactory, UserFactory, VerdictFactory

TEXT = "The harbour master said 31 ships waited at anchor outside the port on Monday evening."


@pytest.fixture
def editor_token(editor):
    return create_token(user=editor, name="CMS importer")[1]


def auth(token):
    return {"Authorization": f"Bearer {token}"}


def test_an_article_submitted_by_text_is_imported(client, editor_token, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/articles", {"title": "Ships", "text": TEXT}, content_type="application/json", headers=auth(editor_token))
    assert response.status_code == 202
    job = response.json()
    assert (job["channel"], job["total"]) == ("api", 1)
    state = client.get(f"/api/imports/{job['id']}", headers=auth(editor_token)).json()
    assert state["done"] == 1 and state["items"][0]["article_id"]


@pytest.mark.parametrize(
    "payload, status",
    [({}, 400), ({"text": TEXT, "url": "https://news.example/a"}, 400), ({"text": TEXT, "published_on": "soon"}, 422),
     ({"text": TEXT, "topic": 999999}, 404)],
)
def test_bad_submissions_are_refused_with_a_reason(client, editor_token, payload, status):
    response = client.post("/api/articles", payload, content_type="application/json", headers=auth(editor_token))
    assert response.status_code == status and response.json()["detail"]
    assert not ImportJob.objects.exists()


def test_no_token_or_a_wrong_or_revoked_token_is_401(client, editor_token):
    assert client.get("/api/claims").status_code == 401
    assert client.get("/api/claims", headers=auth("not-a-token")).status_code == 401
    ApiToken.objects.update(revoked=True)
    assert client.get("/api/claims", headers=auth(editor_token)).status_code == 401


def test_a_reviewers_token_reads_but_cannot_submit(client, reviewer):
    token = create_token(user=reviewer, name="dashboard")[1]
    assert client.get("/api/claims", headers=auth(token)).status_code == 200
    response = client.post("/api/articles", {"text": TEXT}, content_type="application/json", headers=auth(token))
    assert response.status_code == 403


def test_a_token_of_someone_without_a_role_is_refused(client, db):
    token = create_token(user=UserFactory(), name="stray")[1]
    assert client.get("/api/claims", headers=auth(token)).status_code == 401


def test_claims_are_listed_with_filters_and_pages(client, editor_token, db):
    ClaimFactory.create_batch(3, state="new")
    ClaimFactory(state="dismissed", text="gone")
    body = client.get("/api/claims", headers=auth(editor_token)).json()
    assert len(body["claims"]) == 3 and body["next"] is None
    dismissed = client.get("/api/claims", {"state": "dismissed"}, headers=auth(editor_token)).json()
    assert [c["text"] for c in dismissed["claims"]] == ["gone"]


def test_a_bad_filter_is_a_400(client, editor_token, db):
    response = client.get("/api/claims", {"state": "bogus"}, headers=auth(editor_token))
    assert response.status_code == 400 and "state" in response.json()["detail"]


def test_only_published_verdicts_are_listed(client, editor, editor_token, db):
    VerdictFactory()  # awaiting approval: not public
    published = reviews.approve_and_publish(claim=VerdictFactory(rating="false").claim, editor=editor)
    body = client.get("/api/verdicts", headers=auth(editor_token)).json()
    assert [(v["claim_id"], v["rating"]) for v in body] == [(published.claim_id, "False")]


def test_a_published_verdict_comes_with_its_side_and_evidence_links(client, editor, editor_token, db):
    verdict = VerdictFactory(rating="misleading")
    EvidenceFactory(claim=verdict.claim, url="https://records.example/a")
    EvidenceFactory(claim=verdict.claim, url="", note="The port office confirmed it by phone.")  # no link
    EvidenceFactory(claim=verdict.claim, url="https://records.example/b")
    reviews.approve_and_publish(claim=verdict.claim, editor=editor)
    [item] = client.get("/api/verdicts", headers=auth(editor_token)).json()
    assert item["side"] == verdict.claim.side.name and item["rating"] == "Misleading"
    assert item["evidence_urls"] == ["https://records.example/a", "https://records.example/b"]


def test_the_openapi_schema_describes_the_endpoints(client, db):
    schema = client.get("/api/openapi.json").json()
    assert {"/api/articles", "/api/imports/{job_id}", "/api/claims", "/api/verdicts"} <= set(schema["paths"])
    assert schema["components"]["securitySchemes"]


def test_tokens_are_stored_hashed(editor):
    token, key = create_token(user=editor, name="bot")
    assert key not in (token.key_hash, token.prefix) and key.startswith(token.prefix)


# --- The queue's marks as filters: "matches a published verdict" and "repeats a known narrative" ---


@pytest.fixture
def marked_claims(db):
    """A claim repeating a published verdict, one repeating a known narrative, and one doing neither."""
    from claims.services.matching import find_matches

    from .services.test_claim_matches import by_hand, published
    from .services.test_narrative_matching import MASTS, narrative_of

    published("Russian forces have captured the city of Lysychansk, the defence ministry said.")
    narrative = narrative_of(MASTS)
    repeat = by_hand("The Defence Ministry in Moscow said Lysychansk had been taken by Russian troops.")
    told = by_hand("Schoolchildren in Lindholm are being made ill by the 5G masts.")
    plain = ClaimFactory(text="The council approved a new swimming pool for Lindholm.")
    find_matches([plain])
    return {"repeat": repeat, "told": told, "plain": plain, "narrative": narrative}


def _ids(client, token, **params) -> set[int]:
    response = client.get("/api/claims", params, headers=auth(token))
    assert response.status_code == 200, response.content
    return {c["id"] for c in response.json()["claims"]}


def test_claims_are_filtered_on_matching_a_published_verdict(client, editor_token, marked_claims):
    m = marked_claims
    assert _ids(client, editor_token, matches_published="true") == {m["repeat"].pk}
    assert _ids(client, editor_token, matches_published="false") == {m["told"].pk, m["plain"].pk}


def test_claims_are_filtered_on_the_narrative_they_repeat(client, editor_token, marked_claims):
    assert _ids(client, editor_token, narrative=str(marked_claims["narrative"].pk)) == {marked_claims["told"].pk}


def test_each_claim_says_whether_it_carries_either_mark(client, editor_token, marked_claims):
    rows = {c["id"]: (c["matches_published"], c["repeats_narrative"])
            for c in client.get("/api/claims", headers=auth(editor_token)).json()["claims"]}
    m = marked_claims
    assert (rows[m["repeat"].pk], rows[m["told"].pk], rows[m["plain"].pk]) == ((True, False), (False, True), (False, False))


def test_the_published_match_filter_takes_any_case_and_1_or_0_as_disputed_does(client, editor_token, marked_claims):
    m = marked_claims
    assert _ids(client, editor_token, matches_published="TRUE") == _ids(client, editor_token, matches_published="1") == {m["repeat"].pk}
    assert _ids(client, editor_token, matches_published="False") == {m["told"].pk, m["plain"].pk}


@pytest.mark.parametrize("params, status, named", [
    # Not the kind of value the filter takes: the API's rule for yes-or-no and id parameters (test_api_filters).
    ({"matches_published": "maybe"}, 422, "true or false"),
    ({"matches_published": "TRUE' OR 1=1"}, 422, "true or false"),
    ({"matches_published": "t" * 10_000}, 422, "true or false"),
    ({"narrative": "nine"}, 422, "a record's id"),
    ({"narrative": "-1"}, 422, "a record's id"),
    ({"narrative": "٣"}, 422, "a record's id"),
    ({"narrative": "9" * 10_000}, 422, "a record's id"),
    # Well formed, but no known narrative: the queue filter's refusal.
    ({"narrative": "999999"}, 400, "narrative:"),
])
def test_a_bad_mark_filter_is_refused_naming_it(client, editor_token, marked_claims, params, status, named):
    response = client.get("/api/claims", params, headers=auth(editor_token))
    assert response.status_code == status and named in str(response.json()["detail"])
    assert str(response.json()["detail"]).count(named) == 1 and len(response.content) < 500


def test_an_archived_narrative_is_no_filter(client, editor_token, marked_claims):
    from claims.services import narratives

    narrative = marked_claims["narrative"]
    narratives.archive_narrative(narrative=narrative, user=UserFactory(role="Editor"))
    response = client.get("/api/claims", {"narrative": str(narrative.pk)}, headers=auth(editor_token))
    assert response.status_code == 400 and "narrative:" in response.json()["detail"]


# --- Who may is asked before what was sent is read: a 403, not a 400, 404 or 422 to fix first ---


@pytest.mark.parametrize("payload", [{}, {"text": TEXT, "published_on": "soon"}, {"text": TEXT, "topic": 999999},
                                     {"text": TEXT, "topic": 0}, {"text": "short"}])
def test_a_reviewers_token_submitting_a_bad_article_is_told_403(client, reviewer, payload):
    token = create_token(user=reviewer, name="dashboard")[1]
    response = client.post("/api/articles", payload, content_type="application/json", headers=auth(token))
    assert response.status_code == 403 and not ImportJob.objects.exists()


@pytest.mark.parametrize("job_id", ["0", "nine", "999999"])
def test_a_reviewers_token_following_a_bad_import_number_is_told_403(client, reviewer, job_id):
    token = create_token(user=reviewer, name="dashboard")[1]
    assert client.get(f"/api/imports/{job_id}", headers=auth(token)).status_code == 403
