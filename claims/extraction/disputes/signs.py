"""The signs that two claims about one subject disagree, as news writes a disagreement.

A denial ("denied", "false", "baseless"), in the claim or in the sentence that introduces it
("X rejected that account. ..."); a negation ("never", "no civilians"); the same act affirmed by
one side and negated by the other ("the council replied" against "nobody replied"); different
figures for the same thing; words of opposite sense ("safe" and "unsafe", "rose" and "fell"); or both sides
claiming the same prize or ground ("won the race", "took the town", "in our hands").
The word lists are short and general: the verbs and adjectives news uses for any disagreement.
"""
from dataclasses import dataclass

from spacy.tokens import Token

from .subject import REPORTING, Figure, stem

NEGATIONS = frozenset("not no none never nobody nothing neither nor without".split())
# "no more than 43 percent" puts a limit on a figure; it denies nothing.
BOUNDS = frozenset("more less fewer over under".split())
DENIALS = frozenset(
    """deny denial reject dispute dismiss refute rebut contradict counter false untrue baseless groundless
    unfounded fabricate fabricated lie wrong misleading nonsense inaccurate exaggerate exaggerated fake
    distort propaganda""".split()
)
OPPOSITE_PAIRS = [
    ("rise", "fall"), ("increase", "decrease"), ("increase", "fall"), ("rise", "drop"), ("gain", "loss"),
    ("gain", "lose"), ("profit", "loss"), ("profit", "lose"), ("win", "lose"), ("win", "defeat"),
    ("victory", "defeat"), ("up", "down"), ("more", "less"), ("more", "fewer"), ("high", "low"),
    ("higher", "lower"), ("true", "false"), ("open", "close"), ("open", "closed"), ("safe", "dangerous"),
    ("guilty", "innocent"), ("genuine", "forged"), ("genuine", "fake"), ("real", "fake"), ("accept", "reject"),
    ("support", "oppose"), ("allow", "ban"), ("agree", "refuse"), ("success", "failure"), ("succeed", "fail"),
    ("improve", "worsen"), ("strong", "weak"), ("present", "absent"), ("clean", "dirty"), ("peaceful", "violent"),
    ("advance", "retreat"), ("attack", "defend"), ("military", "civilian"), ("soldier", "civilian"),
]
OPPOSITE = {}
for _a, _b in OPPOSITE_PAIRS:
    OPPOSITE.setdefault(_a, set()).add(_b)
    OPPOSITE.setdefault(_b, set()).add(_a)
# "unsafe", "illegal", "disagree", "noncompliant": English makes an opposite with a prefix.
NEGATING_PREFIXES = ("un", "in", "il", "im", "ir", "dis", "non")
# Verbs and nouns of holding or winning something: when both sides use them of the same name,
# both claim it ("took Vell" against "Vell is in our hands"; "won the race" twice).
HOLDING = frozenset(
    """win won victory lead control hold capture take seize keep retain secure liberate occupy own hand""".split()
)


# An act is denied by its own negation ("did not reply", "never replied") or by an empty doer or
# thing done ("nobody replied", "we have cut nothing", "found no trace").
EMPTY_ARGUMENTS = frozenset("nothing nobody none neither".split())
ARGUMENTS = frozenset(("nsubj", "nsubjpass", "dobj", "attr"))
# Verbs too general to name an act of their own: "be", "have", "do" a thing says nothing of which.
LIGHT_VERBS = frozenset("be have do get make go come give put let seem become".split())

# "rejected that account", "disputed both figures", "denied it": a denial of what was just said.
POINTING_BACK = frozenset("it this that these those both such the".split())


@dataclass
class Stance:
    denies: bool  # a denial in the claim or in the sentence that introduces it
    answers_back: bool  # the denial points back at what the other side has just said
    negated: bool
    words: frozenset[str]  # lemmas and words as written, to find words of opposite sense
    holds: bool  # speaks of holding or winning something
    acts: dict[str, bool]  # stem of each act the claim tells of -> whether it says the act happened


def stance_of(tokens: tuple[Token, ...], context: tuple[Token, ...]) -> Stance:
    words = frozenset(t.lemma_.lower() for t in tokens) | frozenset(t.lower_ for t in tokens)
    denials = [t for t in (*context, *tokens) if t.lemma_.lower() in DENIALS]
    negated = any((t.dep_ == "neg" or t.lower_ in NEGATIONS) and not _is_bound(t) for t in tokens)
    return Stance(bool(denials), any(_points_back(d) for d in denials), negated, words, bool(words & HOLDING), _acts(tokens))


def _is_bound(word: Token) -> bool:
    """ "no more than 40", "no fewer than 40", "not less than": a limit on a figure, not a denial."""
    nxt = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return nxt is not None and nxt.lower_ in BOUNDS


def _acts(tokens: tuple[Token, ...]) -> dict[str, bool]:
    """Each act the claim tells of, and whether it says the act happened; an act told both ways
    in one claim ("it was not cut, it was cut back") is left out. A denied act counts only when the
    claim itself denies it, not a clause that describes a noun ("tenants who did not pay")."""
    acts: dict[str, bool] = {}
    mixed = set()
    inside = {t.i for t in tokens}
    for verb in tokens:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma in LIGHT_VERBS or lemma in REPORTING or not lemma.isalpha():
            continue
        key, happened = stem(lemma), not _is_negated(verb)
        if not happened and not _is_statement(verb, inside):
            continue
        if acts.get(key, happened) != happened:
            mixed.add(key)
        acts[key] = happened
    return {k: v for k, v in acts.items() if k not in mixed}


def _is_statement(verb: Token, inside: set[int]) -> bool:
    """The verb carries a statement of the claim: it heads the claim, or joins one that does."""
    while verb.dep_ == "conj" and verb.head.i in inside:
        verb = verb.head
    return verb.dep_ == "ROOT" or verb.head.i not in inside or verb.head.dep_ == "ROOT" and verb.dep_ in ("ccomp", "parataxis")


def _is_negated(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ in ARGUMENTS and (
            child.lower_ in EMPTY_ARGUMENTS
            or any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "not") for c in child.children)  # "no trace", "not one"
        ):
            return True
    return False


def negated_act(a: Stance, b: Stance) -> str | None:
    """An act one side says happened and the other says did not ("replied" against "nobody replied")."""
    return next((act for act in sorted(a.acts.keys() & b.acts.keys()) if a.acts[act] != b.acts[act]), None)


def _points_back(denial: Token) -> bool:
    """The denial's object is a pronoun or a noun with "that", "the", "both": it answers something said before."""
    verb = denial if denial.pos_ in ("VERB", "AUX") else denial.head  # "called the allegation false"
    for child in verb.children:
        if child.dep_ not in ("dobj", "nsubjpass"):
            continue
        if child.lower_ in POINTING_BACK or any(c.dep_ in ("det", "predet") and c.lower_ in POINTING_BACK for c in child.children):
            return True
    return False


def opposite_words(a: Stance, b: Stance) -> tuple[str, str] | None:
    for word in a.words:
        for other in OPPOSITE.get(word, ()):
            if other in b.words:
                return word, other
        for prefix in NEGATING_PREFIXES:
            if word.startswith(prefix) and word[len(prefix) :] in b.words and len(word) > len(prefix) + 3:
                return word, word[len(prefix) :]
            if prefix + word in b.words and len(word) > 3:
                return word, prefix + word
    return None


def different_figures(a: list[Figure], b: list[Figure]) -> tuple[Figure, Figure] | None:
    """Two figures for the same thing that do not match ("9,000 drivers" against "2,000 staff")."""
    for x in a:
        for y in b:
            if x.unit == y.unit and abs(x.value - y.value) > 0.005 * max(x.value, y.value):
                return x, y
    return None


def same_figures(a: list[Figure], b: list[Figure]) -> bool:
    return any(x.unit == y.unit and x.value == y.value for x in a for y in b)
