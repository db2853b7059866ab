"""A hostile reader of the fact-check search (/api/fact-checks/search and the public route): text
search syntax, odd characters and sizes, broken encodings. Every one is answered with a 200 or a
refusal that says why (400/422/429), never a 500, and nothing but published work comes out.

The candidate query writes PostgreSQL tsquery text from the searched words
(claims/selectors/candidates.py); these tests run on SQLite and on PostgreSQL alike."""
import pytest
from django.core.cache import cache

from claims.selectors.candidates import Wanted, candidates_for, candidates_for_batch, MATCHING
from claims.services import reviews
from claims.services.tokens import create_token

from .factories import VerdictFactory

SEARCH = "/api/fact-checks/search"
PUBLIC = "/api/public/fact-checks/search"
CLAIM = "The school in Velgrad reopened after the shelling."


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def token(reviewer):
    return create_token(user=reviewer, name="hostile")[1]


@pytest.fixture
def published(db, editor):
    verdict = VerdictFactory(claim__text=CLAIM)
    return reviews.approve_and_publish(claim=verdict.claim, editor=editor)


def _get(client, route, token, query):
    """The query string as sent, byte for byte (the test client would encode it for us)."""
    headers = {"Authorization": f"Bearer {token}"} if route == SEARCH else {}
    return client.get(f"{route}?{query}", headers=headers)


# Search syntax of every kind PostgreSQL's tsquery parser knows, and words it cannot take.
TSQUERY_SYNTAX = [
    "Velgrad & school",
    "Velgrad | school",
    "!Velgrad",
    "(Velgrad",
    "Velgrad)",
    "Velgrad:*",
    "Velgrad:AB",
    "Velgrad <-> school",
    "Velgrad <2> school",
    "'Velgrad'",
    "Velgrad'",
    "O'Brien's school",
    "l’école d’Velgrad",
    "Velgrad\\",
    "\\Velgrad",
    "Velgrad\\'school",
    "Velgrad''school",
    "Velgrad\\\\'school\\\\",
    "Velgrad ' school",
    "Velgrad :: school",
    "Velgrad * school",
    "'' & '' | !()",
    "Velgrad\u2019s \u2018school\u2019",
    "Velgrad'); DROP TABLE claims_claim; --",
    "Velgrad' OR '1'='1",
    "Velgrad %s %(q)s {q}",
    "Velgrad $1 $$ E'\\x00'",
    "école Velgrad caf\u0065\u0301",  # decomposed é: a combining mark inside a word
    "٣٤ ١٢ Velgrad",  # Arabic-Indic digits
    "Velgrad ²³ ½",
    "Velgrad \u200b\u200c\u200d school \ufeff",
    "Velgrad \u202eloohcs\u202c",
    "ℌ𝔢𝔩𝔩𝔬 𝕍𝕖𝕝𝕘𝕣𝕒𝕕",  # letters outside the basic plane
    "Velgrad 🏫 school",
    "ＶＥＬＧＲＡＤ　ｓｃｈｏｏｌ",
    "Velgrad\u00a0school\u3000reopened",
    "a1 " * 100,
    "velgrad " * 60,
    "-" * 10 + "Velgrad" + "-" * 10,
    "Velgrad_school_reopened",
]


@pytest.mark.django_db
@pytest.mark.parametrize("route", [SEARCH, PUBLIC])
@pytest.mark.parametrize("q", TSQUERY_SYNTAX)
def test_search_syntax_and_odd_words_are_searched_as_words_never_a_500(client, token, published, route, q):
    response = client.get(route, {"q": q}, headers={"Authorization": f"Bearer {token}"} if route == SEARCH else {})
    assert response.status_code in (200, 400), response.content
    body = response.json()
    if response.status_code == 200:
        assert all(hit["claim"] == CLAIM for hit in body)
    else:
        assert body["detail"].startswith("q: ")


@pytest.mark.django_db
@pytest.mark.parametrize("q", [
    "Velgrad's school",
    "Velgrad & school | !reopened",
    "(Velgrad) <-> school:*",
    "Velgrad\\ school\\",
    "VELGRAD SCHOOL",
])
def test_search_syntax_around_real_words_still_finds_the_fact_check(client, token, published, q):
    hits = _get(client, SEARCH, token, "q=" + q.replace("&", "%26").replace("|", "%7C").replace(" ", "+")).json()
    assert [h["claim"] for h in hits] == [CLAIM]


@pytest.mark.django_db
@pytest.mark.parametrize("route", [SEARCH, PUBLIC])
@pytest.mark.parametrize("query, status, says", [
    ("q=", 400, "give the words"),
    ("q=+++%09%0A", 400, "give the words"),
    ("q=%E2%80%83%E3%80%80", 400, "give the words"),  # em space, ideographic space
    ("q=the+of+and+was+it+to+be", 400, "only common words"),
    ("q=THE+Of+AnD", 400, "only common words"),
    ("q=%21%21%21+%3F%3F+...", 400, "only punctuation"),
    ("q=%E2%80%8B%E2%80%8B", 400, "only punctuation"),  # zero-width spaces only
    ("q=" + "word+" * 10_000, 422, "500"),  # 10,000 words
    ("q=" + "a" * 5_000, 422, "500"),  # a word of 5,000 letters
    ("q=" + "x" * 1_048_576, 422, "500"),  # a megabyte
    ("q=Velgrad%00school", 422, "U+0000"),
    ("q=Velgrad%1B%5B2J", 422, "escape"),
    ("q=Velgrad%7Fschool", 422, "U+007F"),
    ("q=Velgrad%C2%85school", 422, "U+0085"),
    ("q=Velgrad%EF%BF%BE", 422, "U+FFFE"),
])
def test_bad_searches_are_refused_with_the_reason(client, token, db, route, query, status, says):
    response = _get(client, route, token, query)
    assert (response.status_code, says in str(response.json()["detail"])) == (status, True)


@pytest.mark.django_db
@pytest.mark.parametrize("route", [SEARCH, PUBLIC])
@pytest.mark.parametrize("query", [
    "q=Velgrad%ED%A0%80school",  # a lone surrogate, as UTF-8 would write one (invalid UTF-8)
    "q=Velgrad%FF%FEschool",  # bytes that are no UTF-8 at all
    "q=%C0%AF%C0%AE",  # overlong encodings
    "q=Velgrad%E2%82",  # a character cut short
    "q=Velgrad&q=school",  # the field twice
    "q[]=Velgrad",
    "q=Velgrad&limit=-1",
    "q=Velgrad&limit=99999999999999999999999",
    "q=Velgrad&limit=%D9%A3",  # an Arabic-Indic three
    "q=Velgrad&limit=3.5",
    "q=Velgrad&limit=",
    "q=Velgrad&unknown=1",
    "q=%",
    "q=%%%",
])
def test_broken_encodings_and_odd_parameters_are_answered_without_a_500(client, token, published, route, query):
    response = _get(client, route, token, query)
    assert response.status_code in (200, 400, 422), response.content
    assert isinstance(response.json(), (list, dict))


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
@pytest.mark.parametrize("route", [SEARCH, PUBLIC])
def test_the_search_takes_only_get(client, token, db, route, method):
    headers = {"Authorization": f"Bearer {token}"} if route == SEARCH else {}
    response = getattr(client, method)(f"{route}?q=Velgrad", headers=headers)
    assert response.status_code == 405


@pytest.mark.django_db
def test_past_the_limit_every_kind_of_request_is_429_with_retry_after(client, db, settings):
    # Refused searches count too: a client cannot probe at full speed with malformed ones.
    for _ in range(30):
        assert _get(client, PUBLIC, None, "q=").status_code == 400
    for query in ("q=Velgrad", "q=", "q=%00", "q=" + "x" * 600):
        response = _get(client, PUBLIC, None, query)
        assert (response.status_code, int(response["Retry-After"]) >= 1) == (429, True)


@pytest.mark.django_db
def test_a_token_holder_past_the_public_limit_still_searches_with_the_token(client, token, db):
    for _ in range(31):
        _get(client, PUBLIC, None, "q=Velgrad")
    assert _get(client, SEARCH, token, "q=Velgrad").status_code == 200


# --- The candidate query itself, as the split's matching and narratives call it -----------------------


HOSTILE_TEXTS = [
    "",
    "   ",
    "\x00",
    "'",
    "\\",
    "'\\'",
    "Velgrad\\",
    "Velgrad'\\' school",
    "' | & ! ( ) : * <-> '",
    "a" * 5_000,
    "Velgrad " + "ä" * 3_000,  # a word PostgreSQL is too long to index (over 2,047 bytes)
    "Velgrad " * 10_000,
    " ".join(f"word{n}" for n in range(10_000)),
    "the of and",
    "Velgrad \ud800 school",  # a lone surrogate in memory
]


@pytest.mark.django_db
@pytest.mark.parametrize("text", HOSTILE_TEXTS, ids=range(len(HOSTILE_TEXTS)))
def test_the_candidate_query_takes_any_text_as_words(published, text):
    found = candidates_for_batch([Wanted(text), Wanted(CLAIM)], 10, MATCHING)
    assert [c.text for c in found[1]] == [CLAIM]  # the other texts of the batch are not disturbed
    assert all(c.text == CLAIM for c in found[0])


@pytest.mark.django_db
def test_the_published_only_candidate_query_takes_quotes_and_backslashes(published):
    assert [c.text for c in candidates_for("Velgrad\\' school'", published_only=True)] == [CLAIM]


# --- The verdict ids the search hands out lead to public pages: those ids, forged ---------------------


@pytest.mark.django_db
@pytest.mark.parametrize("pk", ["0", "-1", str(2**63), "9" * 40, "abc", "%D9%A3", "1.0"])
def test_a_forged_verdict_id_in_a_public_address_is_a_404(client, published, pk):
    client.raise_request_exception = False
    assert client.get(f"/fact-checks/{pk}/").status_code == 404


@pytest.mark.django_db
def test_a_verdict_the_search_cannot_find_has_no_public_page(client, db):
    awaiting = VerdictFactory(claim__text="The depot at Tarnford was destroyed by a missile.")
    assert client.get(f"/fact-checks/{awaiting.pk}/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["page=-1", "page=" + "9" * 40, "page=abc", "page=%00", "page=%D9%A3"])
def test_forged_pages_of_the_public_list_are_answered(client, published, query):
    assert client.get(f"/fact-checks/?{query}").status_code in (200, 404)
