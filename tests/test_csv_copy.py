"""The CSV PostgreSQL writes itself (claims/csv_copy.py) is the CSV Python writes, byte for byte.

Every test here needs PostgreSQL: on SQLite the export is Python's alone (tests/test_exports.py).
The rows are written as old data may hold them (straight into the tables): formulas in any
column, NULLs, empty text, quotes, commas and line ends inside cells, Unicode beyond the Basic
Multilingual Plane, right-to-left and zero-width characters.
"""
import datetime

import pytest
from django.db import DataError, connection, transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st
from psycopg.pq import TransactionStatus

from claims import csv_copy, exports
from claims.models import Article, Claim, Evidence, Outlet, Side, Source, Topic, Verdict
from claims.ratings import Rating
from claims.safe_output import BLANK, FIRST_ALONE, FORMULA_TRIGGERS, spreadsheet_safe_cells, spreadsheet_safe_sql
from claims.selectors.verdicts import published_verdicts
from claims.services import reviews

from .conftest import ON_POSTGRES
from .factories import EvidenceFactory, SourceFactory, VerdictFactory
from .test_exports import RUN_BY_A_SPREADSHEET, WRITTEN_AS_IT_IS

pytestmark = pytest.mark.skipif(not ON_POSTGRES, reason="PostgreSQL writes this CSV; SQLite has only Python's")

SITE = "https://factcheck.example/"


def _by_python(site=SITE) -> str:
    return "".join(exports.python_csv_chunks(exports.export_rows("csv", published_verdicts()), site))


def _by_postgresql(site=SITE) -> str:
    rows = exports.export_rows("csv", published_verdicts())
    assert csv_copy.available(rows)
    return "".join(exports.csv_chunks(rows, site))


def _publish(editor, **fields) -> Verdict:
    verdict = VerdictFactory(**fields)
    return reviews.approve_and_publish(claim=verdict.claim, editor=editor)


def _store(verdict, **columns) -> None:
    """Text written as old rows hold it, without validation: a None makes a nullable link NULL."""
    claim, article = verdict.claim, verdict.claim.article
    updates = {
        Claim.objects.filter(pk=claim.pk): {"text": "claim", "speaker": "speaker"},
        Source.objects.filter(pk=claim.source_id): {"name": "source"},
        Side.objects.filter(pk=claim.side_id): {"name": "side"},
        Article.objects.filter(pk=article.pk): {"title": "article", "url": "article_url"},
        Outlet.objects.filter(pk=article.outlet_id): {"name": "outlet"},
        Topic.objects.filter(pk=article.topic_id): {"name": "topic"},
        Verdict.objects.filter(pk=verdict.pk): {"rationale": "rationale"},
        Evidence.objects.filter(claim=claim): {"url": "evidence_url"},
    }
    for rows, fields in updates.items():
        values = {field: columns[name] for field, name in fields.items() if name in columns}
        if values:
            rows.update(**values)


HOSTILE_ROWS = [
    # Formulas, plain and disguised, in every text column.
    {"claim": '=HYPERLINK("http://evil.example","click")', "speaker": "+cmd", "source": "-2+3", "side": "@SUM(A1)",
     "article": "\t=1+1", "article_url": "\r=1", "outlet": "\uff1dcmd", "topic": "\u3000\uff0b1",
     "rationale": "\u200b=1", "evidence_url": "\ufeff-1"},
    # Quotes, commas and line ends inside cells; a cell that is only a quote; a lone CR.
    {"claim": 'He said "no", twice,\nthen "yes"', "speaker": '"', "source": "a,b", "side": "line\r\nend",
     "article": "cr\ronly", "rationale": '""', "evidence_url": "https://e.example/a,b https://e.example/\"q\""},
    # Beyond the Basic Multilingual Plane, right to left, zero width, combining marks, NEL, LS.
    {"claim": "\U0001F600 \U0001D54F \U00010348", "speaker": "\u0645\u062d\u0645\u062f \u05e9\u05dc\u05d5\u05dd",
     "source": "\u202eevil\u202c", "side": "zero\u200bwidth\u200d", "article": "e\u0301\u0308",
     "outlet": "\x85next\u2028line", "topic": "\u00a0no-break", "rationale": "\U0010fffd private"},
    # Empty text where the export writes an empty cell.
    {"speaker": "", "rationale": "", "article_url": "", "evidence_url": ""},
    # Characters a spreadsheet or a parser may read specially, not at the start.
    {"claim": "5 - 3 = 2", "speaker": "editor@news.example", "source": "'=already quoted", "side": "\u2212 5",
     "article": "x=1", "rationale": "\\N \\. \\\\", "outlet": "NULL", "topic": "''"},
]


@pytest.fixture
def hostile(db, editor):
    verdicts = []
    for number, columns in enumerate(HOSTILE_ROWS):
        verdict = _publish(editor, rating=list(Rating)[number % len(Rating)])
        EvidenceFactory(claim=verdict.claim, url="https://records.example/first", excerpt="From the minutes.")
        EvidenceFactory(claim=verdict.claim, url="https://records.example/second", excerpt="From the photos.")
        _store(verdict, **columns)
        verdicts.append(verdict)
    return verdicts


def test_postgresql_writes_hostile_rows_as_python_does(hostile):
    python = _by_python()
    assert python.count("'=HYPERLINK") == 1 and "\U0001F600" in python  # the rows are there
    assert _by_postgresql() == python


def test_nulls_are_written_as_python_writes_empty_cells(editor, db):
    """No source, side, outlet, topic, approver or evidence: NULL in the database, "" in Python."""
    verdict = _publish(editor, claim__source=None, claim__side=None, claim__article__outlet=None,
                       claim__article__topic=None)
    Verdict.objects.filter(pk=verdict.pk).update(approver=None)
    python = _by_python()
    assert ",,,," in python
    assert _by_postgresql() == python


def test_every_rating_and_both_kinds_of_publication_time(editor, db):
    """isoformat() leaves out microseconds when there are none; to_char must too."""
    for number, rating in enumerate(Rating):
        verdict = _publish(editor, rating=rating)
        moment = datetime.datetime(2025, 3, 9, 23, 59, 59, 0 if number % 2 else 120, tzinfo=datetime.UTC)
        Verdict.objects.filter(pk=verdict.pk).update(published_at=moment)
    python = _by_python()
    assert "2025-03-09T23:59:59+00:00" in python and "2025-03-09T23:59:59.000120+00:00" in python
    assert _by_postgresql() == python


def test_a_site_with_odd_characters_is_passed_as_data(editor, db):
    """The site's address goes into the query as a parameter: quotes and braces stay text."""
    _publish(editor)
    site = "https://x');DROP TABLE claims_verdict;--{0}.example/"
    python = _by_python(site)
    assert "DROP TABLE" in python
    assert _by_postgresql(site) == python
    assert Verdict.objects.count() == 1


def test_a_rating_off_the_scale_stops_both_exports_and_leaves_the_connection_usable(editor, db):
    """The database refuses such a rating (verdict_rating_on_the_scale); a database restored from
    before that constraint may still hold one, and the export must stop rather than guess."""
    verdict = _publish(editor)
    with connection.cursor() as cursor:  # DDL is transactional here: the test's rollback restores it
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("ALTER TABLE claims_verdict DROP CONSTRAINT verdict_rating_on_the_scale")
    Verdict.objects.filter(pk=verdict.pk).update(rating="bogus")
    with pytest.raises(KeyError):
        _by_python()
    with pytest.raises(DataError, match="rating not on the scale: bogus"):
        _by_postgresql()
    assert Verdict.objects.filter(rating="bogus").count() == 1


cell_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(FIRST_ALONE.replace("\x00", "") + BLANK.replace("\x00", "") + FORMULA_TRIGGERS + "\"',;\\\n\r "),
        st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
    ),
    max_size=12,
)
COLUMNS = ["claim", "speaker", "source", "side", "article", "article_url", "outlet", "topic", "rationale", "evidence_url"]


@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.fixed_dictionaries({name: cell_text for name in COLUMNS}))
def test_any_stored_text_is_written_by_postgresql_as_by_python(hostile, values):
    _store(hostile[0], **values)
    assert _by_postgresql() == _by_python()


# The spreadsheet rule in SQL (safe_output.spreadsheet_safe_sql) against the rule in Python.

def _rule_in_sql(cells: list[str | None]) -> list[str | None]:
    sql, params = spreadsheet_safe_sql("c")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {sql} FROM unnest(%s::text[]) WITH ORDINALITY AS t(c, n) ORDER BY n", [*params, cells]
        )
        return [row[0] for row in cursor.fetchall()]


def test_the_sql_rule_neutralises_what_the_python_rule_does(db):
    cases = [cell for cell in RUN_BY_A_SPREADSHEET + WRITTEN_AS_IT_IS if "\x00" not in cell]
    # Every character of the rule's lists, alone, leading, after a blank and after a letter.
    for character in (FIRST_ALONE + BLANK + FORMULA_TRIGGERS).replace("\x00", ""):
        cases += [character, character + "x", " " + character + "1", "x" + character]
    assert _rule_in_sql(cases) == spreadsheet_safe_cells(cases)


def test_the_sql_rule_leaves_null_null(db):
    assert _rule_in_sql([None, ""]) == [None, ""]


@hypothesis_settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(cell_text, min_size=1, max_size=20))
def test_the_sql_rule_is_the_python_rule_for_any_text(db, cells):
    assert _rule_in_sql(cells) == spreadsheet_safe_cells(cells)


# Faults psycopg's COPY is known for: a stream left half read, and the client's encoding.

@pytest.fixture
def large(db, editor):
    """Enough text that PostgreSQL is still sending when the reader goes away (32 MB)."""
    for _ in range(8):
        _publish(editor, rationale="The minutes of the council meeting. " * 110_000)


def _walk_away_after_one_row(pieces, close) -> None:
    """Reads the header and a row of the pieces (text, or bytes from a response), then closes."""
    as_text = lambda piece: piece.decode() if isinstance(piece, bytes) else piece  # noqa: E731
    try:
        assert as_text(next(pieces)).startswith("claim_id,claim,")
        assert "council meeting" in as_text(next(pieces))
        # The COPY is in progress: a client disconnecting now is the case that matters.
        assert connection.connection.info.transaction_status == TransactionStatus.ACTIVE
    finally:
        # Whatever happened above: a COPY left half read holds psycopg's lock on the connection,
        # and the next query on it (the test's teardown) would wait for it for ever.
        close()


def test_an_export_abandoned_halfway_leaves_the_transaction_it_ran_in_usable(large):
    """The export closed after a row, inside a transaction (a test's, or a caller's atomic block)."""
    pieces = exports.export_chunks("csv", published_verdicts(), site=SITE)
    _walk_away_after_one_row(pieces, pieces.close)
    # The COPY was cancelled and rolled back to its savepoint; the transaction goes on.
    assert connection.connection.info.transaction_status == TransactionStatus.INTRANS
    assert Verdict.objects.count() == 8
    assert len(_by_postgresql().splitlines()) == 9


@pytest.mark.django_db(transaction=True)
def test_a_download_dropped_halfway_leaves_the_connection_idle_for_the_next_request(client, editor, large):
    """As a server runs: autocommit, and request_finished checks the connection afterwards; it is
    kept (CONN_MAX_AGE) and must not be in COPY state or in a failed transaction."""
    # A connection opened more than CONN_MAX_AGE (60 s) ago is closed by request_finished as
    # obsolete, which hid what this test reads in any test run longer than a minute: start fresh.
    connection.close()
    client.force_login(editor)
    response = client.get(reverse("claims:export", args=["csv"]))
    assert response.status_code == 200
    # The server closes the response when the client goes away; request_finished follows.
    _walk_away_after_one_row(response.streaming_content, response.close)
    assert connection.connection is not None
    assert connection.connection.info.transaction_status == TransactionStatus.IDLE
    assert connection.in_atomic_block is False and connection.get_autocommit()
    assert Verdict.objects.count() == 8


def test_the_csv_is_utf8_whatever_the_connections_client_encoding(editor, db):
    verdict = _publish(editor)
    _store(verdict, claim="Київ \U0001F600 \u05e9\u05dc\u05d5\u05dd")
    python = _by_python()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL client_encoding = 'LATIN1'")
        written = _by_postgresql()
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL client_encoding = 'UTF8'")
    assert written == python


def test_a_negative_claim_id_goes_through_the_rule_as_in_python(editor, db):
    """The SQL puts only a negative id through the rule, since no digit starts a formula."""
    assert not set("0123456789") & set(FIRST_ALONE + BLANK + FORMULA_TRIGGERS)
    _publish(editor, claim__id=-7)
    python = _by_python()
    assert "\r\n'-7," in python
    assert _by_postgresql() == python
