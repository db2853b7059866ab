"""Pairs of claims by opposing sides that contradict each other about the same thing.

Two claims are about the same thing when they share what they talk about: the same place, thing
or figure, or words of the same family (a "ship" and a "vessel", "killed" and "dead"). Words
every claim in the article uses count for little; words only these two share count for much.
Only claims whose speakers stand on different, known sides are ever paired.
"""
import math
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Token

# Word families that news on any subject uses for the same thing.
FAMILIES = {
    "casualty": "kill killed dead death die casualty casualties victim fatality wounded injure injured wound",
    "military": "soldier troop troops serviceman servicemen military army fighter combatant",
    "civilian": "civilian people resident residents child children",
    "attack": "strike hit attack shell shelling bomb target struck fire",
    "control": "control capture captured seize liberate liberated hold held take fall occupy stronghold",
    "facility": "depot warehouse building site facility plant base",
    "vessel": "ship ships vessel vessels boat boats",
    "walkout": "strike stoppage walkout walk stay join picket",
    "staff": "worker workers member members employee employees staff",
    "recording": "video videos film filmed footage recording record",
    "vote": "vote votes ballot ballots poll polls election percent",
    "leak": "leak leaked leaking information results",
    "money": "profit profits money loss lose lost revenue earnings",
    "payrise": "offer pay rise wage wages percent",
    "inform": "inform informed notify notified tell told",
    "fault": "fault defect problem fix fixed",
    "report": "report reports case cases complaint complaints",
    "fire": "fire fires burn burned blaze",
    "storage": "storage store stored temperature cold chain sample",
}
WORD_FAMILY = {word: name for name, words in FAMILIES.items() for word in words.split()}
IGNORED = frozenset(
    """say tell add state claim announce report be have do make get also other more than least most which who
    that this these those it its their our we they he she his her not no none only own last next year day
    week month percent""".split()
) - {"report", "percent"}
MIN_SCORE = 2.2


@dataclass(frozen=True)
class ClaimForDisputes:
    tokens: tuple[Token, ...]
    side: str | None
    speaker: str | None


def _keys(tokens, exclude: set[str]) -> set[str]:
    keys = set()
    for token in tokens:
        if token.is_stop or token.is_punct or token.is_space:
            continue
        if token.pos_ not in ("NOUN", "PROPN", "VERB", "ADJ", "NUM"):
            continue
        lemma = token.lemma_.lower()
        if lemma in IGNORED or lemma in exclude or token.lower_ in exclude:
            continue
        keys.add(lemma)
        family = WORD_FAMILY.get(lemma) or WORD_FAMILY.get(token.lower_)
        if family:
            keys.add("~" + family)
    return keys


def find_disputes(claims: list[ClaimForDisputes], side_words: set[str]) -> list[tuple[int, int, str]]:
    keysets = []
    for claim in claims:
        exclude = set(side_words)
        exclude.update((claim.speaker or "").lower().split())
        keysets.append(_keys(claim.tokens, exclude))
    frequency = Counter(key for keys in keysets for key in keys)
    total = max(len(claims), 1)

    def weight(key: str) -> float:
        base = math.log(1 + total / frequency[key])
        return base * (0.8 if key.startswith("~") else 1.0)

    pairs = []
    for i, a in enumerate(claims):
        if not a.side or not a.speaker:
            continue
        for j in range(i + 1, len(claims)):
            b = claims[j]
            if not b.side or not b.speaker or b.side == a.side:
                continue
            shared = keysets[i] & keysets[j]
            score = sum(weight(k) for k in shared)
            if score >= MIN_SCORE:
                words = sorted((k.lstrip("~") for k in shared), key=len, reverse=True)[:3]
                pairs.append((i, j, f"{a.side} and {b.side} disagree about: {', '.join(words)}"))
    return pairs
