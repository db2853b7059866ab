"""A hostile look at the CSV export since PostgreSQL writes it with COPY (claims/csv_copy.py): the
SQL is built as text with the parameters merged on the client, so every string that reaches it
(the site's address, stored text of every column, the selection's values) must stay data, and
every cell a spreadsheet would run must still be neutralised. On SQLite the same requests go
through Python's writer, which these tests hold to the same answers."""
import csv
import io

import pytest
from django.urls import reverse

from claims import exports
from claims.public_links import fact_check_url
from claims.models import Article, Claim, Outlet, Side, Source, Topic, Verdict
from claims.safe_output import _FORMULA
from claims.selectors.verdicts import published_verdicts
from claims.services import reviews

from .conftest import ON_POSTGRES
from .factories import EvidenceFactory, VerdictFactory

TRIGGERS = ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", " =1", "\u3000=1", "\uff1d1", "\u200b=1", "\ufeff@x", "\xa0-1"]


def _publish(editor, number=0):
    verdict = VerdictFactory()
    EvidenceFactory(claim=verdict.claim)
    verdict = reviews.approve_and_publish(claim=verdict.claim, editor=editor)
    cell = TRIGGERS[number % len(TRIGGERS)]
    claim, article = verdict.claim, verdict.claim.article
    # Straight into the tables, as rows stored before any input rule may hold them.
    Claim.objects.filter(pk=claim.pk).update(text=cell + "claim", speaker=cell + "speaker")
    Source.objects.filter(pk=claim.source_id).update(name=cell + "source")
    Side.objects.filter(pk=claim.side_id).update(name=cell + "side")
    Article.objects.filter(pk=article.pk).update(title=cell + "title", url=cell + "https://a.example/")
    Outlet.objects.filter(pk=article.outlet_id).update(name=cell + "outlet")
    Topic.objects.filter(pk=article.topic_id).update(name=cell + "topic" + str(number))
    Verdict.objects.filter(pk=verdict.pk).update(rationale=cell + "rationale")
    return verdict


def _cells(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.django_db
def test_no_cell_of_the_export_starts_a_formula_whatever_the_rows_hold(editor_client, editor):
    for number in range(len(TRIGGERS)):
        _publish(editor, number)
    response = editor_client.get(reverse("claims:export", args=["csv"]))
    rows = _cells(response)
    assert (response.status_code, len(rows)) == (200, len(TRIGGERS) + 1)
    runnable = [cell for row in rows[1:] for cell in row if _FORMULA.match(cell)]
    assert runnable == []
    assert sum(cell.startswith("'") for row in rows[1:] for cell in row) >= len(TRIGGERS) * 9


@pytest.mark.django_db
@pytest.mark.parametrize("site", [
    "https://o'brien.example/",
    'https://say"hi".example/',
    "https://back\\slash.example/a\\'b/",
    "https://percent.example/%s/%(x)s/%%/",
    "https://dollar.example/$1/$$/",
    "https://e.example/E'\\x41'/",
    "=HYPERLINK(\"http://evil.example\")/",
    "https://x');COPY claims_verdict TO '/tmp/x';--.example/",
])
def test_a_site_address_with_quotes_or_sql_is_written_as_text_by_both_writers(editor_client, editor, settings, site):
    settings.PUBLIC_SITE_URL = site
    verdict = _publish(editor)
    response = editor_client.get(reverse("claims:export", args=["csv"]))
    rows = _cells(response)
    header, row = rows[0], rows[1]
    url = row[header.index("fact_check_url")]
    expected = exports.python_csv_chunks(exports.export_rows("csv", published_verdicts()), site if site.endswith("/") else site + "/")
    assert (response.status_code, url) == (200, fact_check_url(verdict.pk, site))
    assert list(csv.reader(io.StringIO("".join(expected), newline=""))) == rows
    assert not _FORMULA.match(url)
    assert Verdict.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("host", ["o'brien.example", 'x".example', "x\\y.example", "a b.example", "x%27.example"])
def test_a_host_header_with_quotes_never_reaches_the_export(editor_client, editor, settings, host):
    settings.ALLOWED_HOSTS = ["*"]
    settings.PUBLIC_SITE_URL = ""
    _publish(editor)
    response = editor_client.get(reverse("claims:export", args=["csv"]), HTTP_HOST=host)
    assert response.status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize("query", [
    "since=2026-02-30", "until=%00", "outlet=-1", "topic=%D9%A3", "article=" + "9" * 30, "source=1%27%20OR%201=1",
    "since=9999-12-31&until=0001-01-01", "since=%ED%A0%80",
])
def test_a_forged_selection_is_a_400_or_an_empty_export_never_a_500(editor_client, editor, query):
    _publish(editor)
    response = editor_client.get(reverse("claims:export", args=["csv"]) + "?" + query)
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        rows = _cells(response)
        assert rows[0][0] == "claim_id"


@pytest.mark.skipif(not ON_POSTGRES, reason="COPY is PostgreSQL's")
@pytest.mark.django_db
def test_after_an_export_the_connection_takes_the_next_query(editor_client, editor):
    _publish(editor)
    _cells(editor_client.get(reverse("claims:export", args=["csv"]) + "?since=2000-01-01"))
    assert Verdict.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/reports/", "/fact-checks/", "/api/public/fact-checks/search?q=school"])
def test_a_host_not_allowed_is_a_400_page_not_a_500(client, editor, settings, path):
    # Refused by CommonMiddleware before AuthenticationMiddleware: the 400 page has no user to read.
    settings.ALLOWED_HOSTS = ["factcheck.example"]
    client.raise_request_exception = False
    response = client.get(path, HTTP_HOST="evil.example")
    assert (response.status_code, "could not be understood" in response.content.decode()) == (400, True)
