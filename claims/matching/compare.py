"""Do two signatures assert the same thing, and how close are they?

The score is the rarity-weighted overlap of key terms (half Dice, half containment, so a short
summary of a long quote still scores high). A pair is the same claim when the score reaches
SAME_THRESHOLD and no rule says the two differ in what matters:
- numbers: each side has a count the other lacks ("3 killed" against "30 killed");
- stance: opposite signs on one axis ("captured" against "still held"), polarity included;
- polarity: one asserts, the other denies, when no shared axis already decided it;
- names: each side names a place or actor the other does not ("Kharkiv" against "Kherson");
- roles: a name that acts in one is acted on in the other ("A attacked B" against "B attacked A");
- time: both pin the time on the same scale, differently ("Monday" against "Friday", 2022 against 2023).
A rule that fires keeps the pair apart and lowers its score, so a ranked panel shows it after the
true matches but still shows it: a reviewer wants to see "30 killed" next to "3 killed".
"""
from dataclasses import dataclass

from .numbers import same_value
from .signature import Signature

SAME_THRESHOLD = 0.5
CONFLICT_FACTOR = 0.5


@dataclass(frozen=True)
class Match:
    score: float  # 0..1, how close the two claims are
    same: bool
    reason: str


def similarity(a: Signature, b: Signature) -> float:
    wa, wb = dict(a.terms), dict(b.terms)
    total_a, total_b = sum(wa.values()), sum(wb.values())
    if not total_a or not total_b:
        return 0.0
    shared = sum(min(wa[t], wb[t]) for t in wa.keys() & wb.keys())
    dice = 2 * shared / (total_a + total_b)
    containment = shared / min(total_a, total_b)
    return (dice + containment) / 2


def _names_agree(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    return bool(set(x) & set(y))


def _unmatched(names, others):
    return [n for n in names if not any(_names_agree(n, o) for o in others)]


def conflicts(a: Signature, b: Signature) -> str | None:
    """Why two close claims still assert different things, or None."""
    if a.numbers and b.numbers:
        only_a = [x for x in a.numbers if not any(same_value(x, y) for y in b.numbers)]
        only_b = [y for y in b.numbers if not any(same_value(x, y) for x in a.numbers)]
        if only_a and only_b:
            return f"numbers differ: {_fmt(only_a)} against {_fmt(only_b)}"
    stances_a, stances_b = dict(a.stances), dict(b.stances)
    shared_axes = stances_a.keys() & stances_b.keys()
    for axis in sorted(shared_axes):
        if stances_a[axis] != stances_b[axis]:
            return f"opposite on {axis}"
    if not shared_axes and a.polarity != b.polarity:
        return "one asserts what the other denies"
    only_a, only_b = _unmatched(a.names, b.names), _unmatched(b.names, a.names)
    if only_a and only_b:
        return f"another place or actor: {'/'.join(only_a[0])} against {'/'.join(only_b[0])}"
    for name in a.agents:
        if any(_names_agree(name, p) for p in b.patients) and not any(_names_agree(name, g) for g in b.agents):
            return f"roles swapped: {'/'.join(name)}"
    for name in b.agents:
        if any(_names_agree(name, p) for p in a.patients) and not any(_names_agree(name, g) for g in a.agents):
            return f"roles swapped: {'/'.join(name)}"
    for scale in ("weekday", "month", "year"):
        ta = {t for t in a.times if t.startswith(scale)}
        tb = {t for t in b.times if t.startswith(scale)}
        if ta and tb and not ta & tb:
            return f"another time: {min(ta).split(':')[1]} against {min(tb).split(':')[1]}"
    return None


def compare(a: Signature, b: Signature) -> Match:
    score = similarity(a, b)
    conflict = conflicts(a, b)
    if conflict:
        return Match(round(score * CONFLICT_FACTOR, 4), False, conflict)
    if score >= SAME_THRESHOLD:
        return Match(round(score, 4), True, f"same claim in other words ({score:.2f})")
    return Match(round(score, 4), False, f"too different ({score:.2f})")


def _fmt(values) -> str:
    return ", ".join(f"{v:g}" for v in values)
