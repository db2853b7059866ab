"""bench_matching runs end to end at a tiny size and ends with its JSON line (no timing is asserted).

It needs PostgreSQL (COPY, search_vector). With DATABASE_URL set the command is run as a newsroom
runs it, in its own process (it builds and drops its own throwaway database, which cannot happen
inside a test's transaction); on SQLite it must refuse with a clear message instead.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from .conftest import ON_POSTGRES

ROOT = Path(__file__).resolve().parent.parent


def test_bench_prints_its_figures_as_a_last_json_line(settings):
    if not ON_POSTGRES:
        with pytest.raises(CommandError, match="needs PostgreSQL"):
            call_command("bench_matching", "--claims", "200", "--repeat", "2")
        return
    done = subprocess.run(
        [sys.executable, "manage.py", "bench_matching", "--claims", "200", "--repeat", "3"],
        cwd=ROOT, env={**os.environ, "DATABASE_URL": os.environ["DATABASE_URL"]}, capture_output=True, text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.strip().splitlines()
    last = json.loads(lines[-1])
    assert set(last) == {"claims", "match_p95_ms", "search_p95_ms"}
    assert last["claims"] == 200 and last["match_p95_ms"] > 0 and last["search_p95_ms"] > 0
    assert any(line.startswith("match lookup, candidates without stored signature") for line in lines)
    assert any(line.startswith("stored ") and " signatures (check-worthy claims)" in line for line in lines)


def test_bench_refuses_nonsense_counts():
    with pytest.raises(CommandError):
        call_command("bench_matching", "--claims", "0")
