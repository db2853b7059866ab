"""Finding earlier claims like a given text: candidates from the database, ranked by the matcher.

Two steps, so a million claims cost what a few dozen do:

1. `match_candidates(text, limit)` asks the database for the claims sharing the text's key terms.
   On PostgreSQL that is the generated `search_vector` column of migration 0005 (GIN index), read
   with an OR of the key terms (any shared term is a candidate, more shared terms rank higher), and
   ordered by `ts_rank_cd`. On SQLite (the embedded default, no tsvector) it is a substring match on
   the text's rarest key term, ranked by how many key terms each candidate holds.
2. `rank_by_matcher(text, candidates)` re-ranks those candidates with claims.matching (signatures
   and `compare`), which knows that "3 killed" is not "30 killed" and "captured" is not "held".

`search_fact_checks(q)` does both over published verdicts only, for the API's search.

Candidate signatures are read from those stored with the claims (claims.services.matching), and
parsed, then kept in a bounded per-process cache, for claims stored before matching existed.
(Matching a stored claim in bulk, when an article is split, is claims.selectors.matches and
claims.services.matching: one statement for a whole batch. This module serves one text at a
time: the search API and the lookup that bench_matching times.)
"""
import re
from collections import OrderedDict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import connection

from ..input_rules import require_plain_text
from ..matching import Signature, claim_signature, compare, signatures
from ..models import Claim
from ..workflow import ReviewState
from .signatures import stored_signatures
from .verdicts import published_verdicts

MAX_QUERY_CHARS = 500
MAX_TERMS = 24  # a pasted paragraph is searched by its first key terms, not by every word in it
CANDIDATES = 30  # how many the database hands to the matcher; the matcher costs per candidate
SIGNATURE_CACHE = 50_000

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Words that say nothing about which claim it is. PostgreSQL's own english dictionary drops these
# (and more) from a tsquery; the list is here so SQLite refuses the same queries and the API can
# say "only stop words" before asking the database.
STOP_WORDS = frozenset("""
a about above after again against all am an and any are as at be because been before being below between both but
by can could did do does doing down during each few for from further had has have having he her here hers herself
him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or
other our ours ourselves out over own same she should so some such than that the their theirs them themselves then
there these they this those through to too under until up very was we were what when where which while who whom why
will with would you your yours yourself yourselves
""".split())


@dataclass(frozen=True)
class Candidate:
    claim_id: int
    text: str
    rank: float  # the database's rank: ts_rank_cd on PostgreSQL, shared key terms on SQLite


@dataclass(frozen=True)
class Ranked:
    candidate: Candidate
    score: float  # the matcher's closeness, 0..1
    same: bool  # the matcher says: the same claim


def key_terms(text: str) -> list[str]:
    """The words of a text that can tell claims apart: lower-cased, stop words out, each once."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(text.lower()):
        word = word.replace("’", "'")
        if word not in STOP_WORDS:
            seen.setdefault(word, None)
    return list(seen)[:MAX_TERMS]


def clean_query(q: str) -> tuple[str, list[str]]:
    """The search text checked as the API's input rule says, and its key terms; ValidationError
    (a 400 or 422 with the reason) for what cannot be searched."""
    require_plain_text(q)
    text = " ".join(q.split())
    if not text:
        raise ValidationError("q: give the words of a claim to search for.", code="empty")
    if len(text) > MAX_QUERY_CHARS:
        raise ValidationError(f"q: at most {MAX_QUERY_CHARS} characters, not {len(text):,}.", code="too_long")
    if not _WORD.search(text):
        raise ValidationError("q: no words in it, only punctuation or symbols.", code="no_words")
    terms = key_terms(text)
    if not terms:
        raise ValidationError(
            "q: only common words (like 'the', 'was', 'of'); give a word that names what the claim is about.",
            code="stop_words",
        )
    return text, terms


def search_candidates(text: str, limit: int = CANDIDATES, *, published_only: bool = False) -> list[Candidate]:
    """Claims sharing key terms with the text, best database rank first (at most limit)."""
    terms = key_terms(text)
    if not terms:
        return []
    if connection.vendor == "postgresql":
        return _candidates_postgresql(terms, limit, published_only)
    return _candidates_substring(terms, limit, published_only)


def _published_filter(alias: str) -> str:
    # The same rule as selectors.verdicts.published_verdicts, in SQL: a published claim whose
    # verdict was approved and published. Tested against published_verdicts in tests/test_api_search.py.
    return (
        f" AND {alias}.state = %s AND EXISTS (SELECT 1 FROM claims_verdict v"
        f" WHERE v.claim_id = {alias}.id AND v.published_at IS NOT NULL)"
    )


def _candidates_postgresql(terms: list[str], limit: int, published_only: bool) -> list[Candidate]:
    # The words become lexemes as the column holds them (english stemming, its stop words out).
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT unnest(tsvector_to_array(to_tsvector('english'::regconfig, %s)))", [" ".join(terms)]
        )
        lexemes = [row[0] for row in cursor.fetchall()]
        if not lexemes:
            return []
        found: dict[int, Candidate] = {}
        frequencies = _lexeme_frequencies()
        for anchor, estimate in _anchor_queries(lexemes, frequencies):
            # A query still expected to match more than ROW_BUDGET rows (all the text's words
            # are common: a search for "clinic" alone) ranks the newest claims only, a span of ids
            # expected to hold about ROW_BUDGET of its rows. The inner LIMIT is a backstop for when
            # the statistics are wrong.
            newest = ""
            if estimate > ROW_BUDGET:
                cursor.execute("SELECT max(id) FROM claims_claim")
                span = int(ROW_BUDGET * max(frequencies[1], 1) / estimate)
                newest = f" AND id > {int(cursor.fetchone()[0] or 0) - span:d}"
            sql = (
                "SELECT c.id, c.text, ts_rank_cd(c.search_vector, %s::tsquery) AS rank FROM"
                " (SELECT id, text, state, search_vector FROM claims_claim WHERE search_vector @@ %s::tsquery"
                f"{newest} LIMIT %s) c WHERE true"
            )
            params: list = [_any_of(lexemes), anchor, ROW_CAP]
            if published_only:
                sql += _published_filter("c")
                params.append(ReviewState.PUBLISHED)
            sql += " ORDER BY rank DESC, c.id DESC LIMIT %s"
            params.append(limit)
            cursor.execute(sql, params)
            # Every tier runs (each is bounded): a row sharing one rare number must not crowd out
            # the rows sharing a place and a thing that the next tier finds.
            for pk, text, rank in cursor.fetchall():
                found.setdefault(pk, Candidate(pk, text, float(rank)))
    return sorted(found.values(), key=lambda c: (-c.rank, -c.claim_id))[:limit]


# How many rows each candidate query may rank: every matching row is read from the table (about
# 20 microseconds each, one page per claim), so an OR over "people" or "said" would read most of
# the table; past this estimate the query narrows.
ROW_BUDGET = 800
ROW_CAP = 2 * ROW_BUDGET
_FREQUENCIES: dict = {"at": -1e9, "table": None}
FREQUENCIES_TTL = 600  # seconds; ANALYZE (autovacuum) refreshes the statistics on its own schedule


def _lexeme_frequencies() -> tuple[dict[str, float], float]:
    """(share of claims holding each common lexeme, claims in all),
    from PostgreSQL's own statistics of the search_vector column (pg_stats.most_common_elems,
    which ANALYZE keeps), read once per process every FREQUENCIES_TTL seconds."""
    import time

    now = time.monotonic()
    if now - _FREQUENCIES["at"] < FREQUENCIES_TTL and _FREQUENCIES["table"] is not None:
        return _FREQUENCIES["table"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats"
            " WHERE tablename = 'claims_claim' AND attname = 'search_vector'"
        )
        row = cursor.fetchone()
        cursor.execute("SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = 'claims_claim'::regclass")
        total = float(cursor.fetchone()[0])
    # A lexeme not listed is rarer than the least common one listed (the list follows the
    # statistics target: about a thousand lexemes by default).
    common = dict(zip(row[0], row[1])) if row and row[0] else {}
    _FREQUENCIES.update(at=now, table=(common, total))
    return common, total


def _quoted(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def _any_of(lexemes: list[str]) -> str:
    return " | ".join(map(_quoted, lexemes))


def _anchor_queries(lexemes: list[str], frequencies) -> list[tuple[str, float]]:
    """The tsqueries that pick the rows to rank, with the rows each is expected to match; each expected to match at most about ROW_BUDGET
    rows whatever the table's size: OR semantics (a row sharing any rare lexeme is a candidate),
    narrowed where the text's words are common in this table.

    1. every lexeme rarer than PostgreSQL's statistics list (names, places: too rare to be listed),
       and the listed ones, rarest first, as many as fit;
    2. for the listed lexemes left out: the rarest of them together with any of the next ones that
       fit; or, when no pair fits, the rarest ones together, as few as make it fit."""
    common, total = frequencies
    # Numbers go last: a paraphrase drops or rounds them ("dozens") more often than it drops a
    # place, so a count is a poor word to require, however rare.
    listed = sorted((lex for lex in lexemes if lex in common), key=lambda lex: (lex.isdigit(), common[lex], lex))
    first, rows = [lex for lex in lexemes if lex not in common], 0.0
    while listed and rows + common[listed[0]] * total <= ROW_BUDGET:
        rows += common[listed[0]] * total
        first.append(listed.pop(0))
    queries = [(_any_of(first), rows)] if first else []
    if not listed:
        return queries
    head, others, rows = listed[0], [], 0.0
    for lexeme in listed[1:]:
        if rows + common[head] * common[lexeme] * total > ROW_BUDGET:
            break
        rows += common[head] * common[lexeme] * total
        others.append(lexeme)
    if others:
        queries.append((f"{_quoted(head)} & ({_any_of(others)})", rows))
        return queries
    together, rows = [], total
    for lexeme in listed:
        together.append(lexeme)
        rows *= common[lexeme]
        if rows <= ROW_BUDGET:
            break
    queries.append((" & ".join(map(_quoted, together)), rows))
    return queries


def _candidates_substring(terms: list[str], limit: int, published_only: bool) -> list[Candidate]:
    # SQLite: no index serves a substring match, so filter on the one term that narrows most
    # (the longest: names and places are long, "said" and "army" short), then rank a bounded
    # slice of the newest by how many key terms each holds.
    rarest = max(terms, key=len)
    claims = Claim.objects.filter(text__icontains=rarest)
    if published_only:
        claims = claims.filter(state=ReviewState.PUBLISHED, pk__in=published_verdicts().values("claim_id"))
    rows = list(claims.order_by("-id").values_list("id", "text")[: limit * 10])
    scored = [Candidate(pk, text, float(sum(term in text.lower() for term in terms))) for pk, text in rows]
    scored.sort(key=lambda c: (-c.rank, -c.claim_id))
    return scored[:limit]


# Parsed signatures of candidates that have none stored (claims set aside by extraction, which
# are never matched; claims stored before matching existed), kept per process. Only an extra: a
# stored signature is always read from its row first.
_SIGNATURES: OrderedDict = OrderedDict()


def _signatures_for(candidates: list[Candidate]) -> list:
    """The candidates' signatures: those stored with the claims, read in one query; the rest
    parsed (once per process, in a bounded cache)."""
    stored = stored_signatures(c.claim_id for c in candidates)
    parsed = iter(_parsed([c.text for c in candidates if c.claim_id not in stored]))
    return [stored[c.claim_id] if c.claim_id in stored else next(parsed) for c in candidates]


def _parsed(texts: list[str]) -> list:
    missing = list(dict.fromkeys(t for t in texts if t not in _SIGNATURES))
    for text, signature in zip(missing, signatures(missing)):
        _SIGNATURES[text] = signature
    found = []
    for text in texts:
        _SIGNATURES.move_to_end(text)
        found.append(_SIGNATURES[text])
    while len(_SIGNATURES) > SIGNATURE_CACHE:
        _SIGNATURES.popitem(last=False)
    return found


def rank_by_matcher(text: str, candidates: list[Candidate]) -> list[Ranked]:
    """The candidates ordered by the matcher: same claim first, then by closeness, then by the
    database's rank (so ties keep the text search's order)."""
    if not candidates:
        return []
    mine = claim_signature(text)
    theirs = _signatures_for(candidates)
    ranked = []
    for candidate, signature in zip(candidates, theirs):
        match = compare(mine, signature)
        ranked.append(Ranked(candidate, match.score, match.same))
    ranked.sort(key=lambda r: (not r.same, -r.score, -r.candidate.rank, -r.candidate.claim_id))
    return ranked


def matches_for_text(text: str, *, limit: int = 10, candidates: int = CANDIDATES) -> list[Ranked]:
    """Earlier claims that may assert what the text asserts, best first: the match lookup for a new claim."""
    return rank_by_matcher(text, search_candidates(text, candidates))[:limit]


def search_fact_checks(q: str, *, limit: int = 10, candidates: int = CANDIDATES):
    """Published verdicts whose claim matches the text, best first, as (row, Ranked) pairs.

    q must already have passed clean_query. The rows are verdict_rows of published_verdicts, so a
    verdict that is not published cannot come out of here whatever the text search found."""
    from .verdicts import verdict_rows

    ranked = rank_by_matcher(q, search_candidates(q, candidates, published_only=True))[:limit]
    by_claim = {r.candidate.claim_id: r for r in ranked}
    fields = ("id", "claim_id", "claim_text", "speaker", "side", "rating", "published_at")
    rows = verdict_rows(published_verdicts().filter(claim_id__in=by_claim), fields=fields)
    rows = {row.claim_id: row for row in rows}
    return [(rows[r.candidate.claim_id], r) for r in ranked if r.candidate.claim_id in rows]
