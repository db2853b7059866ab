"""Scoring the matcher against gold pairs: precision and recall of "same claim", precision@1 of the panel.

The gold file is JSON Lines, one pair a line: {"id", "a", "b", "same": bool, "kind", "story"}
("kind" names the phenomenon: paraphrase, number, negation, place, actor, dispute, ...).

precision@1: for every distinct text "a" with at least one same partner in the file, all other
distinct texts of the file are ranked by score, as the "Checked before?" panel would rank them;
it counts when the top one is a same partner.
"""
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from .compare import compare
from .signature import claim_signature, signatures


class PairFileError(ValueError):
    pass


@dataclass(frozen=True)
class Pair:
    id: str
    a: str
    b: str
    same: bool
    kind: str = ""


@dataclass
class Evaluation:
    pairs: int
    precision: float
    recall: float
    precision_at_1: float
    panels: int
    by_kind: dict = field(default_factory=dict)  # kind -> (pairs, correct)
    mistakes: list = field(default_factory=list)  # (pair, Match)
    signature_us: float = 0.0
    compare_us: float = 0.0


def read_pairs(path: Path) -> list[Pair]:
    pairs = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise PairFileError(f"cannot read {path}: {error.strerror}") from error
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict) or not isinstance(row.get("same"), bool):
                raise ValueError('needs "a", "b" and a true/false "same"')
            a, b = row["a"], row["b"]
            if not isinstance(a, str) or not isinstance(b, str) or not a.strip() or not b.strip():
                raise ValueError('"a" and "b" must be non-empty texts')
        except (ValueError, KeyError) as error:
            raise PairFileError(f"{path}, line {number}: {error}") from error
        pairs.append(Pair(str(row.get("id", number)), a.strip(), b.strip(), row["same"], str(row.get("kind", ""))))
    if not pairs:
        raise PairFileError(f"{path}: no pairs")
    return pairs


def evaluate(pairs: list[Pair]) -> Evaluation:
    texts = sorted({p.a for p in pairs} | {p.b for p in pairs})
    started = time.perf_counter()
    sigs = dict(zip(texts, signatures(texts)))
    signature_us = (time.perf_counter() - started) / len(texts) * 1e6

    tp = fp = fn = 0
    by_kind: dict[str, list[int]] = {}
    mistakes = []
    started = time.perf_counter()
    matches = [compare(sigs[p.a], sigs[p.b]) for p in pairs]
    compare_us = (time.perf_counter() - started) / len(pairs) * 1e6
    for pair, match in zip(pairs, matches):
        tp += match.same and pair.same
        fp += match.same and not pair.same
        fn += pair.same and not match.same
        tally = by_kind.setdefault(pair.kind, [0, 0])
        tally[0] += 1
        tally[1] += match.same == pair.same
        if match.same != pair.same:
            mistakes.append((pair, match))

    partners: dict[str, set[str]] = {}
    for p in pairs:
        if p.same and p.a != p.b:
            partners.setdefault(p.a, set()).add(p.b)
            partners.setdefault(p.b, set()).add(p.a)
    heads = sorted({p.a for p in pairs if p.a in partners})
    hits = 0
    for text in heads:
        best = max((t for t in texts if t != text), key=lambda t: (compare(sigs[text], sigs[t]).score, t))
        hits += best in partners[text]

    return Evaluation(
        pairs=len(pairs),
        precision=tp / (tp + fp) if tp + fp else 0.0,
        recall=tp / (tp + fn) if tp + fn else 0.0,
        precision_at_1=hits / len(heads) if heads else 0.0,
        panels=len(heads),
        by_kind={k: tuple(v) for k, v in sorted(by_kind.items())},
        mistakes=mistakes,
        signature_us=signature_us,
        compare_us=compare_us,
    )


def time_one_signature(text: str, repeat: int = 50) -> float:
    """Microseconds per claim_signature() call on one text (parse included), best of a few rounds."""
    claim_signature(text)
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for _ in range(repeat):
            claim_signature(text)
        best = min(best, (time.perf_counter() - started) / repeat * 1e6)
    return best
