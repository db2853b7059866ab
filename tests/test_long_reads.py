"""An export reads its whole selection in one transaction with PostgreSQL's JIT off (claims/long_reads.py).

JIT compiling the export's query cost more than the rows it sped up (docs/benchmarks.md), so the
export turns it off for its own read only: the connection's next query has it as before, and a
download dropped halfway still leaves the connection idle for the next request.
"""
import pytest
from django.db import connection
from django.urls import reverse
from psycopg.pq import TransactionStatus

from claims import exports
from claims.models import Verdict
from claims.selectors.verdicts import published_verdicts
from claims.services import reviews

from .conftest import ON_POSTGRES
from .factories import VerdictFactory

pytestmark = pytest.mark.skipif(not ON_POSTGRES, reason="JIT is PostgreSQL's; SQLite has none to turn off")

SITE = "https://factcheck.example/"


def _jit() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        return cursor.fetchone()[0]


@pytest.fixture
def published(editor):
    # Three rows: after its first record the export is suspended inside its read, the transaction open.
    for _ in range(3):
        verdict = VerdictFactory()
        reviews.approve_and_publish(claim=verdict.claim, editor=editor)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("fmt", ["json", "claimreview"])
def test_a_json_export_reads_without_jit_and_leaves_the_setting_as_it_was(editor, published, fmt):
    connection.close()
    assert _jit() == "on"
    pieces = exports.export_chunks(fmt, published_verdicts(), site=SITE)
    assert next(pieces) == "["
    assert '"claim' in next(pieces)
    assert _jit() == "off"  # the export's transaction is open, its cursor mid-read
    rest = "".join(pieces)
    assert rest.endswith("\n]\n")
    assert _jit() == "on"
    assert connection.connection.info.transaction_status == TransactionStatus.IDLE


@pytest.mark.django_db(transaction=True)
def test_the_csv_export_leaves_jit_as_it_was(editor, published):
    connection.close()
    text = "".join(exports.export_chunks("csv", published_verdicts(), site=SITE))
    assert len(text.splitlines()) == 4
    assert _jit() == "on"
    assert connection.connection.info.transaction_status == TransactionStatus.IDLE


@pytest.mark.django_db(transaction=True)
def test_a_json_download_dropped_halfway_leaves_the_connection_idle_for_the_next_request(client, editor, published):
    connection.close()  # see test_csv_copy: a connection older than CONN_MAX_AGE would be replaced
    client.force_login(editor)
    response = client.get(reverse("claims:export", args=["json"]))
    assert response.status_code == 200
    pieces = iter(response.streaming_content)
    assert next(pieces) == b"["
    assert b'"claim' in next(pieces)
    assert connection.in_atomic_block  # the read is under way
    response.close()  # what the server does when the client goes away
    assert connection.connection.info.transaction_status == TransactionStatus.IDLE
    assert connection.in_atomic_block is False and connection.get_autocommit()
    assert _jit() == "on"
    assert Verdict.objects.count() == 3
