"""bench_narratives runs end to end at a small size and ends with its JSON line (no timing is asserted).

Like bench_matching it needs PostgreSQL: with DATABASE_URL set it runs in its own process (it builds
and drops its own throwaway database); on SQLite it refuses with a clear message.
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


def test_bench_prints_the_queue_figures_as_a_last_json_line():
    if not ON_POSTGRES:
        with pytest.raises(CommandError, match="needs PostgreSQL"):
            call_command("bench_narratives", "--claims", "2000", "--small", "10", "--large", "100", "--repeat", "2")
        return
    done = subprocess.run(
        [sys.executable, "manage.py", "bench_narratives", "--claims", "2000", "--small", "10", "--large", "100", "--repeat", "2"],
        cwd=ROOT, env={**os.environ, "DATABASE_URL": os.environ["DATABASE_URL"]}, capture_output=True, text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    last = json.loads(done.stdout.strip().splitlines()[-1])
    assert (last["claims"], sorted(last["p95_ms"])) == (2000, sorted([
        "queue, no narrative filter", "narrative=any", "narrative=small (10 claims)", "narrative=large (100 claims)",
    ]))


@pytest.mark.parametrize("args", [["--claims", "0"], ["--small", "0"], ["--small", "500", "--large", "100"], ["--repeat", "0"]])
def test_bench_refuses_nonsense_counts(args):
    with pytest.raises(CommandError):
        call_command("bench_narratives", *args)
