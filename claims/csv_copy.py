"""The CSV export written by PostgreSQL itself: COPY (SELECT ...) TO STDOUT, streamed through psycopg.

The Python writer (claims/exports.py, csv_row) spends most of an export's time building cells and
quoting them; PostgreSQL does both in C while it reads the rows. The SELECT here reads the same
rows (exports.export_rows: the selection's verdicts as selectors.verdicts.verdict_rows) and
computes every cell as csv_row does, from the same definitions:

- the rating's name and number: a CASE generated from claims/ratings.py;
- the spreadsheet rule: safe_output.spreadsheet_safe_sql, generated from the lists
  spreadsheet_safe_cells uses, on every cell that can start a formula (not published_at nor a
  positive id, which begin with a digit; the rating's names go through the Python rule once);
- published_at as Python's isoformat() writes the aware datetime Django reads;
- fact_check_url: the site's prefix and suffix around the id (public_links.fact_check_url_parts),
  passed as parameters like every other string.

The bytes equal the Python writer's (tests/test_csv_copy.py holds them to it): an empty cell is
NULL, which COPY writes bare as Python's csv does (an empty string it would quote), and each row's
line feed becomes CR LF, Python's line end. Each cell is one expression of one SELECT over the
rows, kept small: every expression more is work on every row, and JIT compilation. Rows are read
as PostgreSQL sends them and handed on a few dozen kilobytes at a time, so memory stays flat
whatever the export's size.
"""
from collections.abc import Iterator

from django.conf import settings
from psycopg import ClientCursor
from django.db import connections
from django.db.models import QuerySet

from . import ratings
from .long_reads import long_read
from .public_links import fact_check_url_parts
from .safe_output import spreadsheet_safe_cells, spreadsheet_safe_sql

CHUNK_BYTES = 64 * 1024


def available(rows: QuerySet) -> bool:
    """Whether the database the rows come from can write the CSV itself (PostgreSQL)."""
    return connections[rows.db].vendor == "postgresql"


def csv_chunks(rows: QuerySet, site: str, *, columns: list[str], header: str) -> Iterator[str]:
    """The CSV of the rows (exports.export_rows("csv", ...)) as pieces of text: the header line,
    then the columns, each computed by the database, as COPY writes them.

    While the rows stream the connection is the COPY's (psycopg holds its lock): read the pieces
    to the end or close them (a WSGI server closes a response) before the connection's next query."""
    select, params = _select(rows, site, columns)
    yield header
    yield from _copied(rows.db, f"COPY ({select}) TO STDOUT WITH (FORMAT csv, ENCODING 'UTF8')", params)


def _select(rows: QuerySet, site: str, columns: list[str]) -> tuple[str, list]:
    quote = connections[rows.db].ops.quote_name
    cells = _cells(lambda name: f"v.{quote(name)}", site)
    sqls, params = [], []
    for name in columns:
        sql, cell_params = cells[name]
        sqls.append(sql)
        params += cell_params
    inner, inner_params = rows.query.sql_with_params()
    # The rows keep the selection's order: the outer SELECT reads them in order.
    return f"SELECT {', '.join(sqls)} FROM ({inner}) AS v", [*params, *inner_params]


def _cells(column, site: str) -> dict[str, tuple[str, list]]:
    """Each CSV column (exports.CSV_HEADER) as SQL over the row's columns (ROW_FIELDS names), with
    its parameters: what exports.csv_row computes in Python, the spreadsheet rule included."""
    prefix, suffix = fact_check_url_parts(site)
    # Python's isoformat(): microseconds only when there are some, then the offset of the zone
    # the connection reads datetimes in (UTC under USE_TZ). to_char writes ".000000" for none.
    isoformat = 'YYYY-MM-DD"T"HH24:MI:SS.US' + ("TZH:TZM" if settings.USE_TZ else "")
    return {
        "claim_id": _whole_number(column("claim_id")),
        "claim": _stored_text(column("claim_text")),
        "speaker": _stored_text(column("speaker")),
        "source": _stored_text(column("source")),
        "side": _stored_text(column("side")),
        "article": _stored_text(column("article")),
        "article_url": _stored_text(column("article_url")),
        "outlet": _stored_text(column("outlet")),
        "topic": _stored_text(column("topic")),
        "rating": _on_the_scale(column("rating"), ratings.label),
        "rating_value": _on_the_scale(column("rating"), lambda rating: str(ratings.numeric_value(rating))),
        "rationale": _stored_text(column("rationale")),
        "evidence_urls": _stored_text(column("evidence_urls")),
        "reviewer": _stored_text(column("reviewer_name")),
        "approver": _stored_text(column("approver_name")),
        # Begins with the year's digits, and no digit starts a formula: the rule has nothing to do.
        "published_at": (f"replace(to_char({column('published_at')}, %s), '.000000', '')", [isoformat]),
        "fact_check_url": spreadsheet_safe_sql(f"(%s || {column('id')}::text || %s)", [prefix, suffix]),
    }


def _whole_number(column: str) -> tuple[str, list]:
    # A number's digits never start a formula (the rule's first characters hold no digit), so
    # only a negative one is put through the rule: one comparison a row instead of the rule.
    rule, params = spreadsheet_safe_sql(f"{column}::text")
    return f"CASE WHEN {column} < 0 THEN {rule} ELSE {column}::text END", params


def _stored_text(column: str) -> tuple[str, list]:
    # The spreadsheet rule, then an empty cell made NULL: COPY writes NULL bare, as Python's csv
    # writes "", and would quote an empty string.
    sql, params = spreadsheet_safe_sql(column)
    return f"NULLIF({sql}, '')", params


def _on_the_scale(rating: str, text_of) -> tuple[str, list]:
    # A CASE over the rating scale, each cell put through the spreadsheet rule here, once. A value
    # off the scale stops the export, as ratings.label's KeyError stops the Python writer: the
    # cast fails with the value in its message.
    whens, params = [], []
    for value in ratings.Rating:
        whens.append("WHEN %s THEN %s")
        params += [value.value, *spreadsheet_safe_cells([text_of(value)])]
    return f"CASE {rating} {' '.join(whens)} ELSE ('rating not on the scale: ' || {rating})::int::text END", params


def _copied(alias: str, statement: str, params: list) -> Iterator[str]:
    connection = connections[alias]
    # A savepoint (or, outside a transaction, a transaction of its own) around the COPY, JIT off
    # (long_reads): a download the client drops halfway is cancelled by psycopg (the generator is
    # closed, the COPY left with an exception), and the cancelled statement is rolled back here, so
    # the connection's next user finds it idle rather than in COPY state or in a failed transaction.
    with long_read(alias), connection.cursor() as cursor, connection.wrap_database_errors:
        # Parameters merged on the client (COPY takes none), whatever cursor Django is set to use.
        statement = ClientCursor(connection.connection).mogrify(statement, params)
        with cursor.cursor.copy(statement) as copy:
            piece = bytearray()
            for row in copy:  # one row per message, ending in "\n" (libpq's PQgetCopyData)
                piece += row
                piece[-1:] = b"\r\n"
                if len(piece) >= CHUNK_BYTES:
                    yield piece.decode()
                    piece.clear()
            yield piece.decode()
