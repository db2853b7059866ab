"""Pairs of claims by opposing sides that contradict each other about the same thing.

Two claims are about the same thing when they share what they talk about: the same place, thing
or figure, or words of the same family (a "ship" and a "vessel", "killed" and "dead"). Words
every claim in the article uses count for little; words only these two share count for much.

Sharing a subject is not yet disagreeing. A pair also needs a sign of contradiction: a denial or
negation, a rebuttal just before the claim ("X rejected that account. ..."), figures for the
same thing on each side ("4,200 members" against "1,500 employees"), words of opposite sense
("profits" against "lost money"), or both sides claiming control of the same ground. Each pair
must be among the closest counterparts of both its claims, not merely touch their subject.
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
    "attack": "strike hit attack shell shelling bomb target struck",
    "control": "control capture captured seize seized liberate liberated hold held occupy stronghold",
    "facility": "depot warehouse building site facility plant base",
    "vessel": "ship ships vessel vessels boat boats",
    "walkout": "strike stoppage walkout picket",
    "staff": "worker workers member members employee employees staff",
    "recording": "video videos film filmed footage recording record recorded",
    "vote": "vote votes ballot ballots poll polls election",
    "money": "profit profits money loss lose lost revenue earnings",
    "pay": "offer pay wage wages salary",
    "inform": "inform informed notify notified warn warned",
    "fault": "fault defect problem fix fixed",
    "case": "report reports case cases complaint complaints incident incidents",
    "fire": "fire fires burn burned blaze",
}
WORD_FAMILY = {word: name for name, words in FAMILIES.items() for word in words.split()}
IGNORED = frozenset(
    """say tell add state claim announce be have do make get also other more than least most which who
    that this these those it its their our we they he she his her not no none only own last next year day
    week month time""".split()
)
WEAK = frozenset("percent per cent number figure".split())  # units say little about the subject
NEGATIONS = frozenset("not no none never nobody nothing neither nor only without".split())
OPPOSITES = [
    ("profit", "loss"), ("profit", "lose"), ("win", "lose"), ("rise", "fall"), ("increase", "decrease"),
    ("gain", "loss"), ("gain", "lose"), ("up", "down"), ("more", "less"), ("true", "false"), ("open", "close"),
    ("safe", "unsafe"), ("guilty", "innocent"), ("legal", "illegal"), ("capture", "hold"), ("advance", "retreat"),
]
OPPOSITE = {a: b for a, b in OPPOSITES} | {b: a for a, b in OPPOSITES}
REBUTTALS = frozenset("deny reject dispute dismiss refute rebut contradict counter".split())
MIN_SCORE = 1.2
NEAR_BEST = 0.75
PLACE_BOOST = 1.5


@dataclass(frozen=True)
class ClaimForDisputes:
    tokens: tuple[Token, ...]
    side: str | None
    speaker: str | None
    context: tuple[Token, ...] = ()  # the sentence before the claim, in the same paragraph


@dataclass
class _Profile:
    keys: set[str]
    lemmas: set[str]
    negated: bool
    rebutting: bool
    units: set[str]  # what the claim's figures count: "percent", "~staff", ...
    control: bool
    places: set[str]


def _unit(number: Token) -> str | None:
    head = number.head if number.dep_ in ("nummod", "quantmod") else None
    if head is None and number.i + 1 < len(number.doc):
        head = number.doc[number.i + 1]
    if head is None:
        return None
    lemma = head.lemma_.lower()
    family = WORD_FAMILY.get(lemma)
    return "~" + family if family else lemma


def _profile(claim: ClaimForDisputes, exclude: set[str]) -> _Profile:
    keys, lemmas, units, places = set(), set(), set(), set()
    negated, control = False, False
    for token in claim.tokens:
        lower, lemma = token.lower_, token.lemma_.lower()
        lemmas.add(lemma)
        negated |= lower in NEGATIONS or token.dep_ == "neg" or lemma in ("deny", "reject")
        if token.tag_ == "CD":
            unit = _unit(token)
            if unit:
                units.add(unit)
        if token.is_stop or token.is_punct or token.is_space or token.pos_ not in ("NOUN", "PROPN", "VERB", "ADJ", "NUM"):
            continue
        if lemma in IGNORED or lemma in exclude or lower in exclude:
            continue
        family = WORD_FAMILY.get(lemma) or WORD_FAMILY.get(lower)
        control |= family == "control"
        keys.add(lemma)
        # Names: the tagger calls a small town a noun at times, so capitals count too.
        if token.pos_ == "PROPN" or token.ent_type_ in ("GPE", "LOC", "FAC", "ORG") or (
            token.text[:1].isupper() and not token.is_sent_start
        ):
            places.add(lemma)
        if family:
            keys.add("~" + family)
    rebutting = any(t.lemma_.lower() in REBUTTALS for t in (*claim.context, *claim.tokens))
    return _Profile(keys, lemmas, negated, rebutting, units, control, places)


def _contradicts(a: _Profile, b: _Profile) -> bool:
    if a.negated or b.negated or a.rebutting or b.rebutting or (a.units & b.units):
        return True
    if any(OPPOSITE.get(lemma) in b.lemmas for lemma in a.lemmas):
        return True
    return a.control and b.control and bool(a.places) and bool(b.places)


def find_disputes(claims: list[ClaimForDisputes], side_words: set[str]) -> list[tuple[int, int, str]]:
    profiles = []
    for claim in claims:
        exclude = set(side_words) | set((claim.speaker or "").lower().split())
        profiles.append(_profile(claim, exclude))
    frequency = Counter(key for p in profiles for key in p.keys)
    total = max(len(claims), 1)

    def weight(key: str) -> float:
        base = math.log(1 + total / frequency[key])
        if key.startswith("~"):
            return base * 0.8
        return base * (0.3 if key in WEAK else 1.0)

    scored = {}
    for i, a in enumerate(claims):
        if not a.side or not a.speaker:
            continue
        for j in range(i + 1, len(claims)):
            b = claims[j]
            if not b.side or not b.speaker or b.side == a.side:
                continue
            if not _contradicts(profiles[i], profiles[j]):
                continue
            shared = profiles[i].keys & profiles[j].keys
            score = sum(weight(k) for k in shared)
            # Figures for the same thing on both sides ("54 percent" against "43 percent"): the unit
            # is then the subject itself, not a passing word.
            score += sum(1.0 for unit in profiles[i].units & profiles[j].units)
            if profiles[i].control and profiles[j].control and profiles[i].places and profiles[j].places:
                score += PLACE_BOOST  # both sides claim the ground: the core dispute of a war story
            if score >= MIN_SCORE:
                scored[(i, j)] = (score, shared)
    best = Counter()
    for (i, j), (score, _) in scored.items():
        best[i] = max(best[i], score)
        best[j] = max(best[j], score)
    pairs = []
    for (i, j), (score, shared) in sorted(scored.items()):
        if score >= NEAR_BEST * best[i] or score >= NEAR_BEST * best[j]:
            words = sorted((k.lstrip("~") for k in shared), key=len, reverse=True)[:3]
            pairs.append((i, j, f"{claims[i].side} and {claims[j].side} disagree about: {', '.join(words)}"))
    return pairs
