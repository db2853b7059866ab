"""The claim-pair gold sets are well formed and match their sources (see README.md)."""
import collections
import json

from tests.matching.build_pairs import HERE, KINDS, SAME_KINDS, SETS, load, render

FILES = SETS


def rows_of(name):
    return [json.loads(line) for line in (HERE / name).read_text(encoding="utf-8").splitlines()]


def test_files_are_built_from_the_sources():
    for name, (pattern, prefix) in FILES.items():
        assert (HERE / name).read_text(encoding="utf-8") == render(load(pattern, prefix)), \
            f"{name} is stale: run python tests/matching/build_pairs.py"


def test_every_source_file_feeds_exactly_one_set():
    # held2's sources must not be swept into the first held set (held2.txt is one of its files).
    for path in (HERE / "source").glob("*.txt"):
        owners = [name for name, (pattern, _) in FILES.items() if path.match(pattern)]
        assert len(owners) == 1, (path.name, owners)


def test_every_line_is_a_labelled_pair_with_a_unique_id():
    for name, (_, prefix) in FILES.items():
        rows = rows_of(name)
        assert all(r["id"].startswith(f"{prefix}-") for r in rows)
        assert len({r["id"] for r in rows}) == len(rows)
        assert len({frozenset((r["a"], r["b"])) for r in rows}) == len(rows)
        for r in rows:
            assert set(r) == {"id", "story", "a", "b", "same", "kind"}
            assert r["kind"] in KINDS
            assert r["same"] is (r["kind"] in SAME_KINDS)
            assert r["a"].strip() and r["b"].strip() and r["a"] != r["b"]


def test_sizes_balance_and_kinds():
    dev, held, held2 = rows_of("pairs.jsonl"), rows_of("held_pairs.jsonl"), rows_of("held2_pairs.jsonl")
    assert len(dev) >= 330 and len(held) >= 150 and len(held2) >= 220
    for rows in (dev, held, held2):
        assert 0.35 <= sum(r["same"] for r in rows) / len(rows) <= 0.45
    kinds = collections.Counter(r["kind"] for r in dev)
    for kind in ("number", "negation", "place", "actor", "dispute"):
        assert kinds[kind] >= 25, kind


def test_held_out_pairs_share_no_story_or_claim_with_the_dev_set():
    dev, held = rows_of("pairs.jsonl"), rows_of("held_pairs.jsonl")
    assert not {r["story"] for r in dev} & {r["story"] for r in held}
    assert not {c for r in dev for c in (r["a"], r["b"])} & {c for r in held for c in (r["a"], r["b"])}


def test_second_held_out_set_shares_no_story_or_claim_with_the_earlier_sets():
    earlier = rows_of("pairs.jsonl") + rows_of("held_pairs.jsonl")
    held2 = rows_of("held2_pairs.jsonl")
    assert not {r["story"] for r in earlier} & {r["story"] for r in held2}
    assert not {c for r in earlier for c in (r["a"], r["b"])} & {c for r in held2 for c in (r["a"], r["b"])}
    # every kind is represented, so a per-kind total means something
    assert {r["kind"] for r in held2} == KINDS


def test_third_held_out_set_is_fresh_and_big_enough_to_report_per_kind():
    earlier = rows_of("pairs.jsonl") + rows_of("held_pairs.jsonl") + rows_of("held2_pairs.jsonl")
    blind3 = rows_of("blind3_pairs.jsonl")
    assert not {r["story"] for r in earlier} & {r["story"] for r in blind3}
    assert not {c for r in earlier for c in (r["a"], r["b"])} & {c for r in blind3 for c in (r["a"], r["b"])}
    assert len(blind3) >= 300
    assert len({r["story"] for r in blind3}) >= 50
    # written to be roughly half matches, half near misses
    assert 0.40 <= sum(r["same"] for r in blind3) / len(blind3) <= 0.55
    assert {r["kind"] for r in blind3} == KINDS


def test_readme_examples_are_lines_of_the_dev_set():
    text = (HERE / "README.md").read_text(encoding="utf-8")
    block = text.split("```json\n", 1)[1].split("```", 1)[0]
    dev = {r["id"]: r for r in rows_of("pairs.jsonl")}
    examples = [json.loads(line) for line in block.strip().splitlines()]
    assert len(examples) == 5
    assert {r["same"] for r in examples} == {True, False}
    for r in examples:
        assert dev[r["id"]] == r


def test_the_later_blind_sets_are_fresh_and_big_enough_to_report_per_kind():
    order = list(FILES)
    for name in ("blind4_pairs.jsonl", "blind5_pairs.jsonl", "blind6_pairs.jsonl"):
        earlier = [r for other in order[:order.index(name)] for r in rows_of(other)]
        rows = rows_of(name)
        assert not {r["story"] for r in earlier} & {r["story"] for r in rows}, name
        assert not {c for r in earlier for c in (r["a"], r["b"])} & {c for r in rows for c in (r["a"], r["b"])}, name
        assert len(rows) >= 300 and len({r["story"] for r in rows}) >= 50, name
        assert 0.40 <= sum(r["same"] for r in rows) / len(rows) <= 0.55, name
        assert {r["kind"] for r in rows} == KINDS, name
