"""Candidates for the claim matcher: the stored claims that share key terms with a text.

The one candidate query, for every caller: the split's matching (a batch of new claims at once,
check-worthy claims of other articles, published ones first: services.matching), the match
lookup for one text and the fact-check search (published claims only: selectors.fact_check_search).
The database only narrows; claims.matching then decides which candidates are the same claim.

On PostgreSQL it reads the generated, GIN-indexed `search_vector` column (migration 0005) with an
OR of the text's key terms as lexemes (any shared term is a candidate, more shared terms rank
higher: `ts_rank`; ts_rank_cd cost twice as much at a million claims). So that a word held by
most claims ("people", "said") never makes it rank most of the table, each text's query is
sized by PostgreSQL's own statistics of that column (`pg_stats`, kept by ANALYZE) to about
ROW_BUDGET rows whatever the table's size (_anchor_queries). A whole batch is one statement: a
LATERAL subquery per text and tier (one text of the fact-check search is a batch of one).
On SQLite (the embedded default, no tsvector) each text is a substring match on its longest key
terms, ranked by how many key terms each candidate holds.
"""
import re
import time
from dataclasses import dataclass

from django.db import connection
from django.db.models import Case, Q, Value, When

from ..models import Claim
from ..workflow import ReviewState
from .verdicts import published_verdicts

CANDIDATES = 30  # how many the database hands to the matcher for one text; the matcher costs per candidate
MAX_TERMS = 24  # a pasted paragraph is searched by its first key terms, not by every word in it
LIKE_TERMS = 3  # SQLite: each is a scan of the claims' text

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Words that say nothing about which claim it is. PostgreSQL's own english dictionary drops these
# (and more) from a tsquery; the list is here so SQLite refuses the same queries and the API can
# say "only stop words" before asking the database.
STOPWORDS = frozenset("""
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
    rank: float  # the database's rank: ts_rank on PostgreSQL, shared key terms on SQLite
    published: bool = False  # the claim is in the published state (its verdict may still be unpublished)


@dataclass(frozen=True)
class Wanted:
    """A text to find candidates for; article_id: its claim's own article, whose claims are not candidates."""

    text: str
    article_id: int | None = None


@dataclass(frozen=True)
class Rules:
    """Which stored claims may be candidates, and in what order."""

    published_only: bool = False  # the fact-check search: published verdicts only
    check_worthy_only: bool = False  # the split's matching: claims set aside by extraction are never matched
    published_first: bool = False  # the split's matching: a published verdict is what a reviewer wants to find


# A new claim's matches: what the split's matching (services.matching) and the match lookup for one
# text (selectors.fact_check_search.matches_for_text) both ask for.
MATCHING = Rules(check_worthy_only=True, published_first=True)


def key_terms(text: str) -> list[str]:
    """The words of a text that can tell claims apart: lower-cased, stop words out, each once."""
    seen: dict[str, None] = {}
    for word in WORD.findall(text.lower()):
        word = word.replace("’", "'")
        if word not in STOPWORDS:
            seen.setdefault(word, None)
    return list(seen)[:MAX_TERMS]


def candidates_for(text: str, limit: int = CANDIDATES, *, published_only: bool = False) -> list[Candidate]:
    """Claims sharing key terms with one text, best database rank first (at most limit)."""
    return candidates_for_batch([Wanted(text)], limit, Rules(published_only=published_only))[0]


def candidates_for_batch(wanted: list[Wanted], limit: int, rules: Rules = Rules()) -> list[list[Candidate]]:
    """For each wanted text, in order, its candidates: best first (published ones first if the
    rules say so), at most limit each."""
    terms = [key_terms(w.text) for w in wanted]
    if connection.vendor == "postgresql":
        found = _candidates_postgresql(wanted, terms, limit, rules)
    else:
        found = [_candidates_substring(w, t, limit, rules) if t else [] for w, t in zip(wanted, terms)]
    def order(c: Candidate):
        return (not c.published, -c.rank, -c.claim_id) if rules.published_first else (-c.rank, -c.claim_id)

    return [sorted(some, key=order)[:limit] for some in found]


# How many rows each candidate query may rank: every matching row is read from the table and
# ranked (about 20 microseconds each, one page per claim), so an OR over "people" or "said" would
# read most of the table; past this estimate the query narrows. 400, not the 800 it was: at a
# million claims it halved the query's time (median 16 to 8 ms) and the new claims of
# bench_matching found as many of their repeats (22 of 59 against 21).
ROW_BUDGET = 400
ROW_CAP = 2 * ROW_BUDGET
_FREQUENCIES: dict = {"at": -1e9, "table": None}
FREQUENCIES_TTL = 600  # seconds; ANALYZE (autovacuum) refreshes the statistics on its own schedule

# One statement for a whole batch: a LATERAL subquery per text and tier (tiers: _anchor_queries).
# The inner LIMIT is a backstop for when the statistics are wrong. A tier is read one of three
# ways, each a block of its own, as PostgreSQL plans a LATERAL subquery once, blind to its values:
# - INDEX: its rows through the GIN index (expected to match at most about ROW_BUDGET rows);
# - INDEX_NEWEST: the same, those past an id kept (expected to match more, but fewer rows than
#   the newest span holds ids). "id + 0": on the bare id, PostgreSQL ANDed the index with a scan
#   of the primary key over the whole span (100 ms at a million claims);
# - NEWEST: the newest claims read by id, backwards, and matched one by one (a word in nearly
#   every claim: the GIN index would hand over the whole table first, 90 ms at a million).
INDEX, INDEX_NEWEST, NEWEST = "index", "index_newest", "newest"
_PG_SOURCES = {
    INDEX: "SELECT id, text, state, search_vector, article_id, check_worthy FROM claims_claim"
           " WHERE search_vector @@ w.anchor::tsquery",
    INDEX_NEWEST: "SELECT id, text, state, search_vector, article_id, check_worthy FROM claims_claim"
                  " WHERE search_vector @@ w.anchor::tsquery AND id + 0 > w.bound",
    NEWEST: "SELECT * FROM (SELECT id, text, state, search_vector, article_id, check_worthy FROM claims_claim"
            " ORDER BY id DESC LIMIT w.bound) newest WHERE search_vector @@ w.anchor::tsquery",
}
_PG_BLOCK = """
SELECT w.n, found.id, found.text, found.rank, found.published
FROM unnest(%s::int[], %s::bigint[], %s::text[], %s::text[], %s::bigint[]) AS w(n, article_id, ranked, anchor, bound)
CROSS JOIN LATERAL (
    SELECT c.id, c.text, ts_rank(c.search_vector, w.ranked::tsquery) AS rank, c.state = %s AS published
    FROM ({source}) c
    WHERE true{published_only}
    ORDER BY {published_first}rank DESC, c.id DESC
    LIMIT %s
) AS found
"""


def _candidates_postgresql(wanted: list[Wanted], terms: list[list[str]], limit: int, rules: Rules) -> list[list]:
    found: list[dict[int, Candidate]] = [{} for _ in wanted]
    asked = [n for n, t in enumerate(terms) if t]
    if not asked:
        return [[] for _ in wanted]
    with connection.cursor() as cursor:
        # The words become lexemes as the column holds them (english stemming, its stop words out).
        cursor.execute(
            "SELECT n, tsvector_to_array(to_tsvector('english'::regconfig, t))"
            " FROM unnest(%s::text[], %s::int[]) AS u(t, n)",
            [[" ".join(terms[n]) for n in asked], asked],
        )
        lexemes = {n: sorted(words) for n, words in cursor.fetchall() if words}
        frequencies = _lexeme_frequencies()
        tiers, newest_id = {INDEX: [], INDEX_NEWEST: [], NEWEST: []}, None
        for n, words in sorted(lexemes.items()):
            for anchor, estimate in _anchor_queries(words, frequencies):
                way, bound = INDEX, 0
                if estimate > ROW_BUDGET:
                    # Still expected to match more than ROW_BUDGET rows (all the text's words are
                    # common: a search for "clinic" alone): rank the newest claims only, a span of
                    # ids expected to hold about ROW_BUDGET of its rows; read whichever is smaller,
                    # the span or the rows the index would hand over.
                    span = int(ROW_BUDGET * max(frequencies[1], 1) / estimate) + 1
                    if span < estimate:
                        way, bound = NEWEST, span
                    else:
                        if newest_id is None:
                            cursor.execute("SELECT coalesce(max(id), 0) FROM claims_claim")
                            newest_id = cursor.fetchone()[0]
                        way, bound = INDEX_NEWEST, newest_id - span
                tiers[way].append((n, wanted[n].article_id, _any_of(words), anchor, bound))
        blocks, params = [], []
        for way, rows in tiers.items():
            if not rows:
                continue
            blocks.append(_PG_BLOCK.format(
                source=f"{_PG_SOURCES[way]} AND article_id IS DISTINCT FROM w.article_id"
                       f"{' AND check_worthy' if rules.check_worthy_only else ''} LIMIT {ROW_CAP:d}",
                published_only=_published_filter("c") if rules.published_only else "",
                published_first="published DESC, " if rules.published_first else "",
            ))
            params += [[r[i] for r in rows] for i in range(5)] + [ReviewState.PUBLISHED.value]
            if rules.published_only:
                params.append(ReviewState.PUBLISHED.value)
            params.append(limit)
        if not blocks:
            return [[] for _ in wanted]
        cursor.execute(" UNION ALL ".join(blocks), params)
        # Every tier's rows count (each is bounded): a row sharing one rare number must not crowd
        # out the rows sharing a place and a thing that the next tier finds.
        for n, pk, text, rank, published in cursor.fetchall():
            found[n].setdefault(pk, Candidate(pk, text, float(rank), bool(published)))
    return [list(f.values()) for f in found]


def _published_filter(alias: str) -> str:
    # The same rule as selectors.verdicts.published_verdicts, in SQL: a published claim whose
    # verdict was approved and published. Tested against published_verdicts in tests/test_api_search.py.
    return (
        f" AND {alias}.state = %s AND EXISTS (SELECT 1 FROM claims_verdict v"
        f" WHERE v.claim_id = {alias}.id AND v.published_at IS NOT NULL)"
    )


def _lexeme_frequencies() -> tuple[dict[str, float], float]:
    """(share of claims holding each common lexeme, claims in all),
    from PostgreSQL's own statistics of the search_vector column (pg_stats.most_common_elems,
    which ANALYZE keeps), read once per process every FREQUENCIES_TTL seconds."""
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


def _candidates_substring(wanted: Wanted, terms: list[str], limit: int, rules: Rules) -> list[Candidate]:
    # SQLite: no index serves a substring match, so filter on the terms that narrow most (the
    # longest: names and places are long, "said" and "army" short), then rank a bounded slice of
    # the newest by how many key terms each holds.
    any_term = Q()
    for term in sorted(terms, key=lambda t: (-len(t), t))[:LIKE_TERMS]:
        any_term |= Q(text__icontains=term)
    claims = Claim.objects.filter(any_term)
    if wanted.article_id is not None:
        claims = claims.exclude(article_id=wanted.article_id)
    if rules.check_worthy_only:
        claims = claims.filter(check_worthy=True)
    if rules.published_only:
        claims = claims.filter(state=ReviewState.PUBLISHED, pk__in=published_verdicts().values("claim_id"))
    order = ["-id"]
    if rules.published_first:  # so that an older published claim is not cut off by the newest
        order.insert(0, Case(When(state=ReviewState.PUBLISHED, then=Value(0)), default=Value(1)).asc())
    rows = claims.order_by(*order).values_list("id", "text", "state")[: limit * 10]
    return [
        Candidate(pk, text, float(sum(term in text.lower() for term in terms)), state == ReviewState.PUBLISHED)
        for pk, text, state in rows
    ]
