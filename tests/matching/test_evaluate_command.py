"""python manage.py evaluate_matching FILE: a gold file in, figures and a JSON last line out."""
import json

import pytest
from django.core.management import CommandError, call_command

PAIRS = [
    {"id": "1", "a": "Three civilians were killed in Holm.", "b": "The strike on Holm killed 3 civilians.",
     "same": True, "kind": "paraphrase", "story": "holm"},
    {"id": "2", "a": "Three civilians were killed in Holm.", "b": "Thirty civilians were killed in Holm.",
     "same": False, "kind": "number", "story": "holm"},
    {"id": "3", "a": "Norlandic troops captured Ostby.", "b": "Sudmark's army still holds Ostby.",
     "same": False, "kind": "dispute", "story": "ostby"},
]


def run(path, *args):
    from io import StringIO

    out = StringIO()
    call_command("evaluate_matching", str(path), *args, stdout=out)
    return out.getvalue().strip().splitlines()


def test_last_line_is_json_with_the_figures(tmp_path):
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(json.dumps(p) for p in PAIRS) + "\n")
    assert json.loads(run(path)[-1]) == {"pairs": 3, "precision": 1.0, "recall": 1.0, "precision_at_1": 1.0}


def test_output_gives_the_speed_of_each_call(tmp_path):
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(json.dumps(p) for p in PAIRS))
    assert any(line.startswith("speed: claim_signature()") and "compare()" in line for line in run(path))


def test_a_line_without_a_verdict_is_refused_with_its_line_number(tmp_path):
    path = tmp_path / "pairs.jsonl"
    path.write_text(json.dumps(PAIRS[0]) + "\n" + json.dumps({"a": "x", "b": "y"}) + "\n")
    with pytest.raises(CommandError, match="line 2"):
        run(path)


def test_a_missing_file_is_refused_clearly(tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        run(tmp_path / "nowhere.jsonl")
