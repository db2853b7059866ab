"""`manage.py export_verdicts` writes what the web download gives, for the same selection."""
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from claims.services import reviews

from .factories import VerdictFactory


@pytest.fixture
def two_published(db, editor):
    verdicts = [VerdictFactory(claim__text=text) for text in ("=SUM(A1) ships sank.", "The bridge reopened in May.")]
    for verdict in verdicts:
        reviews.approve_and_publish(claim=verdict.claim, editor=editor)
    VerdictFactory(claim__text="An unpublished draft claim.")
    return verdicts


@pytest.mark.parametrize("fmt", ["csv", "json", "claimreview"])
def test_the_command_writes_exactly_what_the_web_download_gives(editor_client, two_published, tmp_path, fmt, settings):
    settings.PUBLIC_SITE_URL = "https://factcheck.example/"
    target = tmp_path / f"out.{fmt}"
    article = two_published[0].claim.article_id
    call_command("export_verdicts", "--format", fmt, "--article", str(article), "--output", str(target))
    web = b"".join(editor_client.get(reverse("claims:export", args=[fmt]), {"article": article}).streaming_content)
    assert target.read_bytes() == web
    assert b"unpublished draft" not in web and b"SUM(A1)" in web


def test_the_command_exports_everything_published_without_filters(two_published, tmp_path):
    target = tmp_path / "all.json"
    call_command("export_verdicts", "--format", "json", "--output", str(target))
    assert sorted(r["claim"] for r in json.loads(target.read_text())) == ["=SUM(A1) ships sank.", "The bridge reopened in May."]


@pytest.mark.parametrize("args, message", [
    (["--topic", "424242"], "topic"),
    (["--since", "2025-13-01"], "since"),
    (["--since", "2025-02-01", "--until", "2025-01-01"], "after its end"),
])
def test_a_bad_selection_stops_the_command_and_writes_nothing(two_published, tmp_path, args, message):
    target = tmp_path / "out.csv"
    with pytest.raises(CommandError, match=message):
        call_command("export_verdicts", "--format", "csv", "--output", str(target), *args)
    assert not target.exists()


def test_an_unwritable_output_is_a_clear_error(two_published, tmp_path):
    with pytest.raises(CommandError, match="Cannot write"):
        call_command("export_verdicts", "--format", "csv", "--output", str(tmp_path / "missing" / "out.csv"))


def test_a_write_failing_halfway_leaves_no_file_behind(two_published, tmp_path, monkeypatch):
    """The disk fills up in the middle of the export: neither the file nor its partial copy stays."""
    from claims.management.commands import export_verdicts

    def filling_up(fmt, verdicts, *, site):
        yield "claim_id,claim\n"
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export_verdicts, "export_chunks", filling_up)
    with pytest.raises(CommandError, match="Cannot write .*No space left on device"):
        call_command("export_verdicts", "--format", "csv", "--output", str(tmp_path / "out.csv"))
    assert list(tmp_path.iterdir()) == []


def test_without_a_request_or_a_public_site_the_command_links_to_the_documented_default(two_published, tmp_path, settings):
    from claims.public_links import WITHOUT_A_REQUEST

    settings.PUBLIC_SITE_URL = ""
    target = tmp_path / "out.json"
    call_command("export_verdicts", "--format", "json", "--output", str(target))
    assert WITHOUT_A_REQUEST == "http://127.0.0.1:8000/"
    assert all(r["fact_check_url"].startswith("http://127.0.0.1:8000/fact-checks/") for r in json.loads(target.read_text()))


def test_the_command_links_to_the_configured_public_site(two_published, tmp_path, settings):
    settings.PUBLIC_SITE_URL = "https://factcheck.example/"
    target = tmp_path / "out.claimreview"
    call_command("export_verdicts", "--format", "claimreview", "--output", str(target))
    reviews_ = json.loads(target.read_text())
    assert all(r["url"].startswith("https://factcheck.example/fact-checks/") for r in reviews_)
    assert {r["author"]["url"] for r in reviews_} == {"https://factcheck.example/"}
