"""A claim's signature: the cheap features that say what it asserts, stored once per claim.

One spaCy parse per claim gives: the key terms (stemmed, synonyms folded, weighted by rarity),
the numbers (as values), the names of places and actors (as loose keys, so "Russia" and "Russian"
agree), the dates that pin the time, the polarity (is it asserted or denied?), the stances on
general opposite axes ("captured" against "held"), and which name acts and which is acted on.
Who *said* it (the subject of "said", "according to ...") is set aside: the same claim is the same
whoever repeats it. Everything here is plain data, so it can be stored as JSON beside the claim.
"""
from dataclasses import asdict, dataclass
from functools import lru_cache

import snowballstemmer
from wordfreq import zipf_frequency

from claims.extraction.nlp import pipeline

from .lexicon import (
    ALIASES, EXTRA_STOP, NAME_PHRASES, NEGATING, NEGATION_WORDS, REPORTING, STANCES, SYNONYMS,
)
from .numbers import numbers_in, word_value

NAME_LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART"}
TIME_LABELS = {"DATE", "TIME"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"}
CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"}
# Words whose only job in a name is to say what kind of thing it is ("the Defence Ministry").
COMMON_NAME_ZIPF = 4.6

_stemmer = snowballstemmer.stemmer("english")


@dataclass(frozen=True)
class Signature:
    terms: tuple[tuple[str, float], ...]  # (stem, weight), sorted
    names: tuple[tuple[str, ...], ...]  # each name as its keys ("russi",), ("kharkiv",)
    numbers: tuple[float, ...]
    times: tuple[str, ...]  # "weekday:monday", "month:june", "year:2022"
    polarity: int  # +1 asserted, -1 denied
    stances: tuple[tuple[str, int], ...]  # (axis, sign) after polarity, one sign per axis
    agents: tuple[tuple[str, ...], ...] = ()
    patients: tuple[tuple[str, ...], ...] = ()

    def as_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "Signature":
        return cls(
            terms=tuple((t, float(w)) for t, w in data["terms"]),
            names=tuple(tuple(n) for n in data["names"]),
            numbers=tuple(float(n) for n in data["numbers"]),
            times=tuple(data["times"]),
            polarity=int(data["polarity"]),
            stances=tuple((a, int(s)) for a, s in data["stances"]),
            agents=tuple(tuple(n) for n in data.get("agents", ())),
            patients=tuple(tuple(n) for n in data.get("patients", ())),
        )

    @property
    def search_text(self) -> str:
        """The key terms as one string, for a full-text or trigram index to fetch candidates."""
        return " ".join(t for t, _ in self.terms)


@lru_cache(maxsize=65536)
def rarity(word: str) -> float:
    """How much a shared word says: rare words (names, "Lysychansk") much more than common ones."""
    return min(6.0, max(1.0, 7.0 - zipf_frequency(word, "en")))


def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def name_key(word: str) -> str:
    w = word.lower().strip(".'’")
    if w in ALIASES:
        return ALIASES[w]
    # Five letters keep "Russia"/"Russian" and "Ukraine"/"Ukrainian" together, "Kharkiv"/"Kherson" apart.
    return w[:5] if len(w) > 5 else w


def _attribution(doc) -> set[int]:
    """Token indices that say who claims it: subject of a saying verb with a clause, 'according to X'."""
    out: set[int] = set()
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma == "accord" and token.dep_ == "prep":
            out.update(t.i for t in token.subtree)
            continue
        if token.pos_ in {"VERB", "AUX"} and (lemma in REPORTING or lemma in NEGATING):
            clause = [c for c in token.children if c.dep_ in {"ccomp", "parataxis", "xcomp"}]
            said_before = [c for c in token.children if c.dep_ == "ccomp" and c.i < token.i]
            if not clause and not said_before and token.dep_ not in {"parataxis"}:
                continue
            out.add(token.i)
            for child in token.children:
                if child.dep_ in {"nsubj", "nsubjpass", "agent", "dative", "aux", "auxpass", "neg", "advmod"} \
                        and not (child.dep_ in {"neg", "advmod"} and lemma in NEGATING):
                    if child.dep_ == "neg":
                        continue  # "did not say" is kept for polarity
                    out.update(t.i for t in child.subtree)
    return out


def _time_of(token) -> str | None:
    w = token.lower_
    if w in WEEKDAYS:
        return f"weekday:{w}"
    if w in MONTHS and token.pos_ == "PROPN":
        return f"month:{w}"
    if token.shape_ == "dddd" and 1900 <= int(token.text) <= 2100:
        return f"year:{token.text}"
    return None


def _role(token) -> str | None:
    head = token
    while head.dep_ in {"compound", "poss", "amod", "case", "det", "nmod", "appos", "conj"} and head.head is not head:
        head = head.head
    if head.dep_ == "nsubj":
        return "agent"
    if head.dep_ == "pobj" and head.head.dep_ == "agent":
        return "agent"
    if head.dep_ in {"dobj", "nsubjpass"}:
        return "patient"
    return None


def claim_signature(text: str) -> Signature:
    return signature_of_doc(pipeline()(text))


def signatures(texts, batch_size: int = 64) -> list[Signature]:
    return [signature_of_doc(doc) for doc in pipeline().pipe(texts, batch_size=batch_size)]


def signature_of_doc(doc) -> Signature:
    said_by = _attribution(doc)
    content = [t for t in doc if t.i not in said_by and not t.is_punct and not t.is_space]

    negations = 0
    for token in doc:
        lemma = token.lemma_.lower()
        if token.i in said_by:
            if lemma in NEGATING and token.pos_ in {"VERB", "AUX"}:
                negations += 1
            continue
        if token.lower_ in NEGATION_WORDS or token.dep_ == "neg" or lemma in NEGATING:
            negations += 1
    polarity = -1 if negations % 2 else 1

    times = sorted({t for t in map(_time_of, content) if t})

    # Numbers: counts only, not dates and times.
    words = []
    for token in content:
        if token.ent_type_ in TIME_LABELS or _time_of(token) or token.ent_type_ == "ORDINAL":
            words.append("|")
        elif token.text == "%":
            continue
        else:
            words.append(token.lower_)
    numbers = sorted(set(numbers_in(words)))

    # Names: entities and runs of proper nouns the model left unlabelled.
    groups: list[list] = []
    seen: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in NAME_LABELS:
            toks = [t for t in ent if t.i not in said_by and not t.is_punct and t.lower_ != "the"]
            if toks:
                groups.append(toks)
            seen.update(t.i for t in ent)
    run: list = []
    for token in content + [None]:
        if token is not None and token.pos_ == "PROPN" and token.i not in seen and not token.ent_type_ \
                and _time_of(token) is None:
            run.append(token)
            continue
        if run:
            groups.append(run)
            run = []
    names, agents, patients = [], [], []
    for toks in groups:
        phrase = " ".join(t.lower_ for t in toks)
        if phrase in NAME_PHRASES:
            keys = (NAME_PHRASES[phrase],)
        else:
            rare = [t for t in toks if zipf_frequency(t.lower_, "en") < COMMON_NAME_ZIPF or t.lower_ in ALIASES]
            keys = tuple(sorted({name_key(t.text) for t in (rare or toks)}))
        if keys not in names:
            names.append(keys)
        role = _role(toks[-1])
        if role == "agent":
            agents.append(keys)
        elif role == "patient":
            patients.append(keys)

    # Terms: content words, synonyms folded, stemmed, weighted by rarity.
    terms: dict[str, float] = {}
    for token in content:
        lemma = token.lemma_.lower()
        if token.pos_ not in CONTENT_POS or token.is_stop or lemma in EXTRA_STOP or lemma in REPORTING:
            continue
        if token.lower_ in NEGATION_WORDS or lemma in NEGATING:
            continue
        if word_value(token.lower_) is not None or token.like_num:
            continue
        if token.pos_ == "PROPN" or token.ent_type_ in NAME_LABELS:
            word, key = token.lower_, name_key(token.text)
        else:
            word = SYNONYMS.get(lemma) or SYNONYMS.get(token.lower_) or lemma
            key = stem(word)
        terms[key] = max(terms.get(key, 0.0), rarity(word))

    # Stances on opposite axes, turned by the claim's polarity; an axis seen both ways says nothing.
    signs: dict[str, set[int]] = {}
    for token in content:
        for axis, sign in STANCES.get(token.lemma_.lower(), ()) or STANCES.get(token.lower_, ()):
            signs.setdefault(axis, set()).add(sign * polarity)
    stances = tuple(sorted((axis, next(iter(s))) for axis, s in signs.items() if len(s) == 1))

    return Signature(
        terms=tuple(sorted(terms.items())),
        names=tuple(names),
        numbers=tuple(numbers),
        times=tuple(times),
        polarity=polarity,
        stances=stances,
        agents=tuple(agents),
        patients=tuple(patients),
    )
