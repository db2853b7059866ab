"""Pairs of claims by opposing sides that contradict each other about the same thing.

A pair needs three things. The claims come from different sides (neither unknown). They share a
subject: rare words, names and the things their figures count, weighed by how rare each word is in
English at large (`subject`). And one of them shows a sign of disagreement: a denial, a negation,
a different figure for the same thing, a word of opposite sense, or both sides claiming the same
prize or ground (`signs`); or, lacking any sign, the two say so much about one specific thing
that one is the other's answer, their figures not agreeing. A claim set right after the other
side's, one of the two saying "not" or "denied", answers it even when the words barely meet. Each claim is then paired only with its closest counterparts, those
scoring near its best pair, never with everything on the other side that touches its subject.
A clash found so spreads to the rest of the two speakers' accounts, the claims each makes in a row,
where they stay on its subject (`_whole_accounts`).
"""
from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Token

from .signs import Stance, different_figures, negated_act, opposite_words, same_figures, stance_of
from .subject import WEAK_UNITS, Subject, subject_of

MIN_SCORE = 0.9
NEAR_BEST = 0.75
NAME_BOOST = 1.3  # a shared place or person pins the subject down more than a shared noun
FIGURE_SCORE = MIN_SCORE  # two different counts of the same thing are a dispute in themselves
HOLDING_SCORE = 1.0  # both sides claiming one named prize is the core of many disputes
OPPOSITE_SCORE = 0.7  # words of opposite sense are themselves about the same thing
# Opposing sides saying this much about one specific thing rarely agree: in a story of their
# dispute, a claim that close to the other side's is its answer, unless the figures match.
SAME_THING = 1.6
SHOWN_WORDS = 3
# One shared rare word (or a few common ones) keeps a claim of an account on the account's subject.
ACCOUNT_LINK = 0.4


@dataclass(frozen=True)
class ClaimForDisputes:
    tokens: tuple[Token, ...]
    side: str | None
    speaker: str | None
    context: tuple[Token, ...] = ()  # the sentence before the claim, in the same paragraph


@dataclass
class _Read:
    subject: Subject
    stance: Stance


def find_disputes(claims: list[ClaimForDisputes], side_words: set[str]) -> list[tuple[int, int, str]]:
    read = [
        _Read(subject_of(c.tokens, set(side_words) | set((c.speaker or "").lower().split())), stance_of(c.tokens, c.context))
        if c.side and c.speaker else None
        for c in claims
    ]
    scored: dict[tuple[int, int], tuple[float, str]] = {}
    answers = set()  # pairs read from their place in the story, too loose to carry a whole account
    for i, a in enumerate(claims):
        if read[i] is None:
            continue
        for j in range(i + 1, len(claims)):
            if read[j] is None or claims[j].side == a.side:
                continue
            found = _compare(read[i], read[j])
            if found and found[0] >= MIN_SCORE:
                scored[(i, j)] = found
            elif found and j == i + 1 and not read[i].stance.answers_back and _one_says_not(read[i], read[j]):
                scored[(i, j)] = (MIN_SCORE, f"{found[1]}, in answer to the claim just before")
                answers.add((i, j))
    best: dict[int, float] = defaultdict(float)
    for (i, j), (score, _) in scored.items():
        best[i] = max(best[i], score)
        best[j] = max(best[j], score)
    for j, r in enumerate(read):
        # "X rejected that account. X said ...": a denial pointing back whose own words do not say
        # what it denies answers the other side's latest claim.
        if r is not None and r.stance.answers_back and not best[j]:
            i = next((i for i in range(j - 1, -1, -1) if read[i] and claims[i].side != claims[j].side), None)
            if i is not None:
                scored[(i, j)] = (MIN_SCORE, "disagree about what the first has just said: the second denies it")
                best[i], best[j] = max(best[i], MIN_SCORE), MIN_SCORE
    found = {
        (i, j): f"{claims[i].side} and {claims[j].side} {why}"
        for (i, j), (score, why) in scored.items()
        if score >= NEAR_BEST * best[i] or score >= NEAR_BEST * best[j]
    }
    spread = _whole_accounts({k: v for k, v in found.items() if k not in answers}, claims, read)
    return sorted((i, j, why) for (i, j), why in (found | spread).items())


def _whole_accounts(found: dict[tuple[int, int], str], claims: list[ClaimForDisputes], read: list) -> dict[tuple[int, int], str]:
    """A speaker's claims in a row, with no other claim between, are one account: news quotes a
    denial or a charge over several sentences, and only one of them may name what is disputed.
    When two accounts clash, every claim of one that stays on the clash's subject disputes the other's."""
    account, runs, last = [], [], None
    for k, r in enumerate(read):
        if r is not None and (claims[k].side, claims[k].speaker) != last:
            runs.append([])
        if r is not None:
            runs[-1].append(k)
            last = claims[k].side, claims[k].speaker
        account.append(len(runs) - 1 if r is not None else None)
    out = dict(found)
    for i, j in found:
        for a in runs[account[i]]:
            for b in runs[account[j]]:
                on_subject = a == i or _shared(read[a], read[i]) >= ACCOUNT_LINK
                answers = b == j or _shared(read[b], read[j]) >= ACCOUNT_LINK
                if (on_subject and answers) or _shared(read[a], read[b]) >= ACCOUNT_LINK:
                    lo, hi = min(a, b), max(a, b)
                    out.setdefault((lo, hi), f"{claims[lo].side} and {claims[hi].side} disagree: each goes on with an account that the other side's contradicts")
    return out


def _one_says_not(a: _Read, b: _Read) -> bool:
    """News sets an answer right after the charge it answers: a claim of one side that says "not" or
    "denied", next to the other side's claim that does not, answers it even in other words.
    (A denial that points back, "X rejected that account", answers what came before it, not after.)"""
    return (a.stance.negated or a.stance.denies) != (b.stance.negated or b.stance.denies)


def _shared(a: _Read, b: _Read) -> float:
    return sum(min(a.subject.weights[k], b.subject.weights[k]) for k in a.subject.weights.keys() & b.subject.weights.keys())


def _compare(a: _Read, b: _Read) -> tuple[float, str] | None:
    """How strongly two claims share a subject, and why they disagree on it; None if they don't."""
    shared = a.subject.weights.keys() & b.subject.weights.keys()
    names = shared & a.subject.names & b.subject.names
    score = sum(
        min(a.subject.weights[k], b.subject.weights[k]) * (NAME_BOOST if k in names else 1.0) for k in shared
    )
    about = sorted(shared, key=lambda k: -a.subject.weights[k])[:SHOWN_WORDS]
    words = ", ".join(a.subject.words[k] for k in about) or "the same account"
    figures = different_figures(a.subject.figures, b.subject.figures)
    opposite = opposite_words(a.stance, b.stance)
    if figures:
        x, y = figures
        score += FIGURE_SCORE * (0.5 if x.unit in WEAK_UNITS else 1.0)
        return score, f"disagree about {words}: different figures, {x.text} against {y.text}"
    if a.stance.holds and b.stance.holds and names:
        prize = ", ".join(a.subject.words[k] for k in sorted(names))
        return score + HOLDING_SCORE, f"disagree about {prize}: both sides claim it"
    if opposite:
        return score + OPPOSITE_SCORE, f"disagree about {words}: {opposite[0]!r} against {opposite[1]!r}"
    act = negated_act(a.stance, b.stance)
    if act:
        return score + OPPOSITE_SCORE, f"disagree about {words}: one side says {a.subject.words.get(act, act)!r} happened, the other that it did not"
    if a.stance.denies or b.stance.denies:
        return score, f"disagree about {words}: one side denies the other's account"
    if a.stance.negated or b.stance.negated:
        return score, f"disagree about {words}: one side says it is not so"
    if score >= SAME_THING and not same_figures(a.subject.figures, b.subject.figures):
        return score, f"disagree about {words}: each side gives its own account"
    return None
