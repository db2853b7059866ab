"""What a claim talks about: its telling words, the names it mentions and the figures it gives.

Two claims share a subject when they share words that few texts use. How rare a word is comes from
`wordfreq`, a maintained list of how often English words appear across large bodies of text, so a
"kettle" or a town's name weighs much more than a "year" or "people" in any story, and nothing is
learnt from the article at hand. Words are compared by their Snowball stem, so "warned" meets
"warning" and "elected" meets "election".
"""
import re
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer
from spacy.tokens import Token
from wordfreq import zipf_frequency

# Zipf frequency (log10 of uses per billion words): "the" is 7.7, "said" 6.1, "kettle" 3.5.
COMMON_ZIPF = 6.3  # as common as "people": says nothing about the subject
RARE_ZIPF = 4.0  # as rare as "warehouse" or rarer: says a great deal
MIN_WEIGHT = 0.05
CONTENT_POS = frozenset(("NOUN", "PROPN", "VERB", "ADJ"))
NAME_ENTITIES = frozenset(("GPE", "LOC", "FAC", "ORG", "PERSON", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"))
NOT_FIGURES = frozenset(("DATE", "TIME", "ORDINAL"))
# Verbs that report speech say who talks, not what about.
REPORTING = frozenset("say tell add claim state announce insist report note explain write".split())
# News counts people under many names; figures for any of them may be counts of the same crowd.
PEOPLE = frozenset(
    """people person worker employee staff member driver civilian resident soldier troop serviceman fighter
    voter patient passenger student child adult man woman victim fan supporter protester demonstrator""".split()
)
# The few things news on any subject names in several ways within one story: the dead, a building
# hit, a vessel, footage, the vote, money made or lost, who knew what. A claim naming one of them
# shares the subject with a claim naming another word of the same family.
FAMILIES = {
    "casualties": "kill dead death die casualty fatality victim wounded injure injury body",
    "premises": "depot warehouse building site facility plant base factory store",
    "vessel": "ship vessel boat ferry tanker",
    "footage": "video footage film recording photo image picture",
    "vote": "vote ballot poll election",
    "earnings": "profit money loss revenue earnings income",
    "knowing": "know knew aware inform notify warn tell",
}
FAMILY = {word: "~" + name for name, words in FAMILIES.items() for word in words.split()}
FAMILY_WEIGHT = 0.6  # a family is a looser match than the same word
WEAK_UNITS = frozenset(("percent", "money"))  # say how much, not of what
UNIT_WORDS = frozenset("percent per cent %".split())  # carried by the figure, not a subject word
NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}
NONE = frozenset(("no", "none"))  # "no civilians" is a figure too: zero
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "dozen": 12}

_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word.lower())


@lru_cache(maxsize=50_000)
def rarity(word: str) -> float:
    """0 for the commonest words of English, 1 for rare words and names no word list knows."""
    zipf = zipf_frequency(word, "en")
    return min(1.0, max(MIN_WEIGHT, (COMMON_ZIPF - zipf) / (COMMON_ZIPF - RARE_ZIPF)))


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str  # the stem of what it counts, "~people" for any crowd, "percent", "money"
    text: str


@dataclass
class Subject:
    weights: dict[str, float] = field(default_factory=dict)  # stem -> rarity
    words: dict[str, str] = field(default_factory=dict)  # stem -> the word as a reviewer reads it
    names: set[str] = field(default_factory=set)  # stems of places, people and organisations
    figures: list[Figure] = field(default_factory=list)


def subject_of(tokens: tuple[Token, ...], exclude: set[str]) -> Subject:
    subject = Subject()
    for token in tokens:
        if token.like_num or token.tag_ == "CD" or token.lower_ in NONE:
            figure = _figure(token)
            if figure:
                subject.figures.append(figure)
            continue
        if token.is_stop or token.pos_ not in CONTENT_POS:
            continue
        lemma = token.lemma_.lower()
        family = FAMILY.get(lemma)
        if family:
            subject.weights[family] = FAMILY_WEIGHT
            subject.words.setdefault(family, family[1:])
        if lemma in REPORTING or lemma in UNIT_WORDS or lemma in exclude or token.lower_ in exclude or not lemma.isalpha():
            continue
        key = stem(lemma)
        subject.weights[key] = max(subject.weights.get(key, 0.0), rarity(lemma))
        capitalised = token.text[:1].isupper() and not token.is_sent_start
        subject.words.setdefault(key, token.text if capitalised or token.pos_ == "PROPN" else lemma)
        # The tagger calls a small town a common noun at times: a capital mid-sentence names it.
        if token.pos_ == "PROPN" or token.ent_type_ in NAME_ENTITIES or capitalised:
            subject.names.add(key)
    return subject


def _figure(number: Token) -> Figure | None:
    if number.ent_type_ in NOT_FIGURES or _is_proportion_base(number):
        return None
    share = _proportion(number)
    if share:
        return share
    value = _value(number)
    if value is None:
        return None
    unit = _unit(number)
    if unit == "percent" and _next_lower(number) in ("percent", "%"):
        return Figure(value, unit, number.doc[number.i : number.i + 2].text)  # "45 percent", not "45"
    return Figure(value, unit, number.text) if unit else None


def _unit(number: Token) -> str | None:
    if number.lower_ in NONE:
        return _counted_unit(number)
    if number.ent_type_ == "PERCENT" or _next_lower(number) in ("percent", "%", "per"):
        return "percent"
    if number.ent_type_ == "MONEY":
        return "money"
    return _counted_unit(number)


def _counted_unit(number: Token) -> str | None:
    """What a bare number counts: "14 civilians", "9,000 of its drivers", "no soldiers"."""
    counted = number.head if number.dep_ in ("nummod", "quantmod", "compound", "det") else None
    if counted is not None and counted.like_num and counted.head is not counted:
        counted = counted.head  # "3 million voters": the scale word stands between
    if counted is None:
        # "9,000 of its drivers": the number stands for the noun after "of"
        of = next((c for c in number.children if c.lower_ == "of"), None)
        counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if counted is None or counted.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = counted.lemma_.lower()
    if lemma in UNIT_WORDS:
        return None
    return "~people" if lemma in PEOPLE else FAMILY.get(lemma, stem(lemma))


def _proportion(number: Token) -> Figure | None:
    """ "one bus in ten", "one in four trains": a share, compared with a percentage of the same thing."""
    doc = number.doc
    if number.dep_ == "nummod":  # "one bus in ten"
        prep = next((c for c in number.head.children if c.dep_ == "prep" and c.lower_ == "in"), None)
        base = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    else:  # "one in four trains"
        nxt = doc[number.i + 1] if number.i + 1 < len(doc) else None
        base = doc[number.i + 2] if nxt is not None and nxt.lower_ == "in" and number.i + 2 < len(doc) else None
    if base is None or not (base.like_num or base.lower_ in NUMBER_WORDS):
        return None
    part, whole = _value(number), _value(base)
    if not part or not whole or part >= whole:
        return None
    return Figure(round(100 * part / whole, 1), "percent", doc[number.i : base.i + 1].text)


def _is_proportion_base(number: Token) -> bool:
    """The "ten" of "one bus in ten" counts nothing itself: the share is read from the "one"."""
    doc = number.doc
    if number.i > 1 and doc[number.i - 1].lower_ == "in" and doc[number.i - 2].like_num:  # "one in four trains"
        return True
    of_share = number.dep_ == "pobj" and number.head.lower_ == "in"  # "one bus in ten"
    return of_share and any(c.dep_ == "nummod" for c in number.head.head.children)


def _next_lower(token: Token) -> str:
    return token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""


def _value(number: Token) -> float | None:
    text = number.lower_.replace(",", "")
    if text in NONE:
        return 0.0
    if text in NUMBER_WORDS:
        value = float(NUMBER_WORDS[text])
    elif re.fullmatch(r"\d+(\.\d+)?", text):
        value = float(text)
    else:
        return None
    scale = SCALES.get(_next_lower(number))
    return value * scale if scale else value
