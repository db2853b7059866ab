"""The benchmark command runs end to end and ends with its JSON line (no timing is asserted)."""
import json

import pytest
from django.core.management import CommandError, call_command


def test_bench_prints_its_figures_as_a_last_json_line(tmp_path, capsys):
    call_command("bench_extraction", "--articles", "4", "--rounds", "1", "--corpus", str(tmp_path))
    last = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert set(last) == {"articles", "articles_per_s", "ratio_vs_parse", "peak_rss_mb"}
    assert last["articles"] == 4 and last["ratio_vs_parse"] > 0


def test_bench_refuses_nonsense_counts():
    with pytest.raises(CommandError):
        call_command("bench_extraction", "--articles", "0")
