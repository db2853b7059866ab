"""bench_queue runs end to end at a tiny size and ends with its JSON line (no timing is asserted).

It needs PostgreSQL (COPY, a throwaway database). With DATABASE_URL set the command runs in its
own process, as a newsroom runs it (it builds and drops its own database, which cannot happen
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


def test_bench_times_every_view_and_the_admin_and_ends_with_json():
    if not ON_POSTGRES:
        with pytest.raises(CommandError, match="needs PostgreSQL"):
            call_command("bench_queue", "--claims", "300", "--repeat", "2")
        return
    done = subprocess.run(
        [sys.executable, "manage.py", "bench_queue", "--claims", "2000", "--repeat", "2"],
        cwd=ROOT, env={**os.environ, "DATABASE_URL": os.environ["DATABASE_URL"]}, capture_output=True, text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.strip().splitlines()
    last = json.loads(lines[-1])
    assert {"p95_ms", "admin_p95_ms", "speedup_vs_admin", "median_ms", "admin_median_ms"} <= set(last)
    assert last["claims"] == 2000 and last["requests_each"] == 2 and last["untimed_filters"] == []
    # Worked out before rounding: the printed figures give it back to within rounding.
    assert last["speedup_vs_admin"] == pytest.approx(last["admin_p95_ms"] / last["p95_ms"], rel=0.02)
    assert last["best_p95_ms"] <= last["p95_ms"] and last["best_view"] != last["worst_view"]
    for view in ("matches_verdict=yes", "sort=spread", "page 2 of default", "outlet: largest", "state=dismissed"):
        assert any(line.startswith(view) for line in lines), view
    assert any(line.startswith("Django admin claim change list") for line in lines)


@pytest.mark.parametrize("args", [["--claims", "0"], ["--claims", "1000", "--repeat", "0"]])
def test_bench_refuses_nonsense_counts(args):
    with pytest.raises(CommandError):
        call_command("bench_queue", *args)
