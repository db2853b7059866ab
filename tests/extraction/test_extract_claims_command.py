"""`manage.py extract_claims`: the evaluation's contract, and clear errors for bad files."""
import json

import pytest
from django.core.management import CommandError, call_command

ARTICLE = {
    "id": "ferry-row",
    "title": "Ferry row",
    "text": "Ines Varga said the ferry carried 300 passengers on Sunday.\n\nWho paid for the tickets?",
    "sides": [{"name": "Port", "cues": ["port"]}],
    "registry": [{"name": "Ines Varga", "side": "Port", "aliases": []}],
    "gold": {"claims": "ignored"},
}


def run(capsys, *paths):
    call_command("extract_claims", *map(str, paths))
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_prints_one_json_line_per_file_in_order(tmp_path, capsys):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text(json.dumps(ARTICLE))
    second.write_text(json.dumps({**ARTICLE, "id": "second"}))
    assert [out["id"] for out in run(capsys, first, second)] == ["ferry-row", "second"]


def test_claims_carry_offsets_speaker_side_and_check_worthiness(tmp_path, capsys):
    path = tmp_path / "a.json"
    path.write_text(json.dumps(ARTICLE))
    [out] = run(capsys, path)
    claim, question = out["claims"]
    assert ARTICLE["text"][claim["start"] : claim["end"]] == claim["text"]
    assert (claim["speaker"], claim["side"], claim["check_worthy"]) == ("Ines Varga", "Port", True)
    assert question["check_worthy"] is False
    assert out["disputes"] == []


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="cannot read article file"):
        call_command("extract_claims", str(tmp_path / "missing.json"))


def test_a_file_that_is_not_json_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.json"
    path.write_bytes(b"\xff\xfe not json")
    with pytest.raises(CommandError, match="cannot read article file"):
        call_command("extract_claims", str(path))


def test_a_file_without_text_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"id": "x", "sides": []}))
    with pytest.raises(CommandError, match="'text' string"):
        call_command("extract_claims", str(path))


def test_malformed_sides_are_a_clear_error(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"id": "x", "text": "Some text here.", "sides": [{"cues": []}]}))
    with pytest.raises(CommandError, match="malformed"):
        call_command("extract_claims", str(path))
