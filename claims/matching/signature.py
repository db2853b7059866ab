"""A claim's signature: the cheap features that say what it asserts, stored once per claim.

One spaCy parse per claim gives: the key terms (stemmed, synonyms folded, weighted by rarity),
the numbers (as values, or ranges for "dozens"), the names of places and actors (as loose keys,
so "Russia" and "Russian" agree), the words that pin the time, the polarity (asserted or
denied?), the stances on general opposite axes ("captured" against "held"), and the arguments
of each verb (who acts, on what, where) so that a changed actor or place is seen even when it is
a common noun ("the regulator" against "the manufacturer").
Who *said* it (the subject of "said", "according to ...") is set aside: the same claim is the same
whoever repeats it. Except where the claim names its actor only by a pronoun of whoever says it
("we did not strike civilian areas", "the ministry said it had not ...", "our troops"): then the
one who says it is the one who acts, and is read in as the actor (see `_stand_ins`): from the text
when it names them, else from the claim's speaker as the article gives it, else its side's name.
Everything here is plain data, so it can be stored as JSON beside the claim.
"""
import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from itertools import repeat

import snowballstemmer
from wordfreq import zipf_frequency

from claims.extraction.nlp import pipeline

from .lexicon import (
    ALIASES, CAPITALS, SYNONYM_AS_NOUN_ONLY, SYNONYM_AS_VERB_ONLY, CLAIM_NOUNS, DENYING_OF_CLAIMS, DENYING_PREDICATES, EXTRA_STOP, NAME_PHRASES,
    NEGATING, NEGATING_PHRASES, NEGATING_WITH_CLAUSE, NEGATING_WITH_CLAUSE_OR_CLAIM, NEGATION_WORDS,
    NOT_NEGATING_AFTER_NO, PERSON_WORDS, REPORTING, OPPOSING_HEADS, SELF_GROUP, SELF_IT, SELF_PERSON, STANCE_PHRASES,
    STANCE_VERBS, STANCES, SYNONYMS,
)
from .counts import count_bindings, quantities
from .numbers import DURATIONS, FRACTIONS, LENGTHS, SCALES, VAGUE, percents_in, ranges_in, word_value

NAME_LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART"}
TIME_LABELS = {"DATE", "TIME"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
SEASONS = {"spring", "summer", "autumn", "fall", "winter"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"}
CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}([:.]\d{2})?$")
# Parts of the day, in the two halves news copy tells apart ("overnight" is "during the night").
DAYPARTS = {"morning": "morning", "dawn": "morning", "daybreak": "morning", "afternoon": "afternoon",
            "evening": "night", "night": "night", "overnight": "night", "midnight": "night", "dusk": "night"}
# Words that make a phrase a time: the units of the calendar and the clock, its named parts and
# the words that place a time relative to now.
TIME_WORDS = frozenset(
    "second minute hour day week weekend fortnight month year decade century millennium season quarter "
    "morning afternoon evening night overnight midnight dawn dusk noon today tonight yesterday tomorrow "
    "ago recently recent lately past future time era period term semester holiday christmas easter "
    "ramadan eid new".split()
) | WEEKDAYS | SEASONS | MONTHS
HOLIDAYS = frozenset("christmas easter eve thanksgiving hanukkah diwali ramadan eid passover halloween".split())
WHEN_SAME = {"coming": "next", "come": "next", "forthcoming": "next", "previous": "last", "past": "last"}
DECADE = re.compile(r"^(1[89]|20)\d0s$")
HALF_DAY = {"a.m.": "am", "a.m": "am", "am": "am", "p.m.": "pm", "p.m": "pm", "pm": "pm"}
CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"}
# Words whose only job in a name is to say what kind of thing it is ("the Defence Ministry").
COMMON_NAME_ZIPF = 4.6
NP_INSIDE = {"compound", "amod", "poss", "nmod", "flat", "case"}
UP_THROUGH = {"compound", "poss", "amod", "nmod", "appos", "conj", "case", "flat"}
CONTROL_AXIS_NEEDS = {"nsubj", "nsubjpass", "dobj", "pobj"}
# "lent the city money" is "lent money to the city": the dative is the one it goes to.
ROLE_OF = {"nsubj": "agent", "dobj": "patient", "nsubjpass": "patient", "attr": "attr", "acomp": "attr", "dative": "prep:to"}

_stemmer = snowballstemmer.stemmer("english")


@dataclass(frozen=True)
class Signature:
    terms: tuple[tuple[str, float], ...]  # (term, weight), sorted; names as name keys
    names: tuple[tuple[tuple[str, ...], str], ...]  # (keys, slot): ("kharkiv",), "launch/prep:at"
    numbers: tuple[tuple[float, float], ...]  # (low, high)
    times: tuple[str, ...]  # "weekday:monday", "month:june", "year:2022", "clock:7:36", "when:night"
    polarity: int  # +1 asserted, -1 denied
    stances: tuple[tuple[str, int], ...]  # (axis, sign) after polarity, one sign per axis
    # (anchor, role, terms, head, qualifiers): ("find", "agent", ("regul",), "regul", ())
    arguments: tuple[tuple[str, str, tuple[str, ...], str, tuple[str, ...]], ...] = ()
    mentions: tuple[str, ...] = ()  # every term of the text, the speaker's included
    speakers: tuple[str, ...] = ()  # terms naming who says it ("ministry", "russi")
    speaker_named: bool = False  # the speaker has a name, not only a description ("the group")
    speaker_names: tuple[str, ...] = ()  # the speaker's names alone ("norla" of "Norland's army")
    counts: tuple[tuple[str, float, float], ...] = ()  # (term counted, low, high): ("kill", 3, 3)
    parts: tuple[tuple[str, str], ...] = ()  # (term, "part" or "all"): ("count", "part") for "14 of 34 counts"
    words: tuple[str, ...] = ()  # lemmas of the verbs, adjectives and adverbs, for opposites by affix
    slots: tuple[tuple[str, str], ...] = ()  # (term, where it stands): ("hire", "root"), ("profit", "obj>make")
    percents: tuple[tuple[float, float], ...] = ()  # figures said as percentages, (low, high): "to 4%"

    def as_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "Signature":
        return cls(
            terms=tuple((t, float(w)) for t, w in data["terms"]),
            names=tuple((tuple(k), a) for k, a in data["names"]),
            numbers=tuple((float(lo), float(hi)) for lo, hi in data["numbers"]),
            times=tuple(data["times"]),
            polarity=int(data["polarity"]),
            stances=tuple((a, int(s)) for a, s in data["stances"]),
            arguments=tuple((a, r, tuple(t), h, tuple(q)) for a, r, t, h, q in data.get("arguments", ())),
            mentions=tuple(data.get("mentions", ())),
            speakers=tuple(data.get("speakers", ())),
            speaker_named=bool(data.get("speaker_named", False)),
            speaker_names=tuple(data.get("speaker_names", ())),
            counts=tuple((t, float(lo), float(hi)) for t, lo, hi in data.get("counts", ())),
            parts=tuple((t, m) for t, m in data.get("parts", ())),
            words=tuple(data.get("words", ())),
            slots=tuple((t, w) for t, w in data.get("slots", ())),
            percents=tuple((float(lo), float(hi)) for lo, hi in data.get("percents", ())),
        )

    @property
    def search_text(self) -> str:
        """The key terms as one string, for a full-text or trigram index to fetch candidates."""
        return " ".join(t for t, _ in self.terms)


@lru_cache(maxsize=65536)
def rarity(word: str) -> float:
    """How much a shared word says: rare words (names, "Lysychansk") much more than common ones."""
    return min(6.0, max(1.0, 7.0 - zipf_frequency(word, "en")))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def name_key(word: str) -> str:
    w = word.lower().strip(".'’")
    if w in ALIASES:
        return ALIASES[w]
    # Five letters keep "Russia"/"Russian" and "Ukraine"/"Ukrainian" together, "Kharkiv"/"Kherson" apart.
    return w[:5] if len(w) > 5 else w


def _is_name(token) -> bool:
    # Mid-sentence capitals name something; at the start only an adjective does ("Norlandic troops").
    capitalised = token.text[:1].isupper() and token.pos_ in {"ADJ", "NOUN"} \
        and (not token.is_sent_start or token.pos_ == "ADJ" and zipf_frequency(token.lower_, "en") < 1.5)
    # The small model tags a plain noun that opens a sentence as a proper noun ("Physicians in Varde").
    # A plural it is, most often; a run of capitals ("Thames Water") or a singular ("Arsenal") names something.
    followed_by_name = token.i + 1 < len(token.doc) and token.nbor(1).pos_ == "PROPN" and token.nbor(1).text[:1].isupper()
    common_opener = token.is_sent_start and token.pos_ == "PROPN" and not token.ent_type_ \
        and zipf_frequency(token.lower_, "en") >= 3.5 and token.lower_.endswith("s") and not followed_by_name
    return (token.pos_ == "PROPN" and not common_opener or token.ent_type_ in NAME_LABELS or capitalised) \
        and _time_of(token) is None


def term_of(token) -> tuple[str, str] | None:
    """(word for rarity, term) of a content token, or None for a word that carries no meaning here."""
    lemma = token.lemma_.lower()
    if token.pos_ not in CONTENT_POS or token.is_stop or lemma in EXTRA_STOP or lemma in REPORTING:
        return None
    if token.lower_ in NEGATION_WORDS or lemma in NEGATING or _denies_as_predicate(token) or token.is_punct:
        return None
    when = _time_of(token)
    if word_value(token.lower_) is not None or token.like_num or when and not when.startswith("daypart:"):
        return None  # a date is weighed by the time rule; "overnight" is also a word the claims share
    if token.lower_ in SCALES or token.lower_ in VAGUE or token.lower_ == "half" and token.i >= 2 \
            and token.nbor(-1).lower_ == "a" and token.nbor(-2).lower_ == "and":
        return None  # "thousands", "several thousand", "a year and a half": numbers, weighed by the number rule
    if (token.lower_ in DURATIONS or token.lower_ in LENGTHS) and _counted(token):
        return None  # "18 months" and "a year and a half", "1.5 km": one measure, weighed by the number rule
    if _is_fraction(token):
        return "percent", stem(SYNONYMS["percent"])  # "two-thirds of" is a share, as "67 percent of"
    if _is_name(token):
        return token.lower_, name_key(token.text)
    if lemma in SYNONYM_AS_VERB_ONLY and token.pos_ != "VERB" or lemma in SYNONYM_AS_NOUN_ONLY and token.pos_ == "VERB":
        return lemma, stem(lemma)
    word = SYNONYMS.get(lemma) or SYNONYMS.get(token.lower_) or _unprefixed(token.lower_) or lemma
    return word, stem(word)


def _unprefixed(word: str) -> str | None:
    """"unvaccinated" -> "vaccinated": the un- word is the same term, denied (see polarity)."""
    if word.startswith("un") and len(word) > 5 and zipf_frequency(word[2:], "en") > 2.5:
        return word[2:]
    return None


def _attribution(doc) -> set[int]:
    """Token indices that say who claims it: subject of a saying verb with a clause, 'according to X'."""
    out: set[int] = set()
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma == "accord" and token.dep_ == "prep":
            out.update(t.i for t in token.subtree)
            continue
        if _denies_claim(token):
            # "Sudmark dismissed reports that ...": who dismisses is the source, the reports its
            # subject; what the reports say is the claim (denied, see _negations).
            out.add(token.i)
            for child in token.children:
                if child.dep_ in {"nsubj", "nsubjpass", "agent", "aux", "auxpass"}:
                    out.update(t.i for t in child.subtree)
                elif child.dep_ == "dobj":
                    out.add(child.i)
                    out.update(t.i for t in child.children if t.dep_ in {"det", "amod", "compound"})
            continue
        if token.pos_ in {"VERB", "AUX"} and (lemma in REPORTING or lemma in NEGATING):
            # "Reported the first case of the strain" names what was recorded, not a statement:
            # a verb with an object takes no clause unless the clause has a subject of its own
            # ("reported profits rose"); the small model hangs a stray word on it as "ccomp".
            has_object = any(c.dep_ == "dobj" for c in token.children)
            clause = [c for c in token.children if c.dep_ == "parataxis" or c.dep_ == "ccomp"
                      and any(t.pos_ in {"VERB", "AUX"} for t in c.subtree)
                      and (not has_object or any(g.dep_ in {"nsubj", "nsubjpass", "expl"} for g in c.children))]
            # A fragment that only says who said something ("reported by city officials", left
            # when the claim itself was cut away) claims nothing: it is all attribution.
            fragment = token.dep_ == "ROOT" and not any(
                c.dep_ in {"nsubj", "nsubjpass", "dobj", "expl", "attr"} for c in token.children)
            if not clause and token.dep_ != "parataxis" and not fragment:
                continue
            out.add(token.i)
            for child in token.children:
                if child.dep_ in {"nsubj", "nsubjpass", "agent", "dative", "aux", "auxpass", "npadvmod"}:
                    out.update(t.i for t in child.subtree)
    return out


# Verbs said from the other party's side: "Sudzha fell to Ukrainian forces" is "Ukrainian forces
# took Sudzha", "Newcastle sold Isak to Liverpool" is "Liverpool signed Isak from Newcastle". With
# the party after "to" named, its roles are the converse verb's: (role of the subject, axis to turn).
CONVERSES = {stem("fall"): ("patient", None), stem("sell"): ("prep:from", "trade")}


def _converses(arguments: set, signs: dict) -> tuple[set, dict]:
    turned = {anchor for anchor, role, *_ in arguments if anchor in CONVERSES and role == "prep:to"}
    if not turned:
        return arguments, signs
    out = set()
    for anchor, role, terms, head, qualifiers in arguments:
        if anchor in turned and role == "agent":
            role = CONVERSES[anchor][0]
        elif anchor in turned and role == "prep:to":
            role = "agent"
        out.add((anchor, role, terms, head, qualifiers))
    signs = dict(signs)
    for anchor in turned:
        axis = CONVERSES[anchor][1]
        if axis and axis in signs:
            signs[axis] = {-sign for sign in signs[axis]}
    return out, signs


ABANDONING = frozenset("scrap shelve abandon drop axe ditch cancel".split())
PLAN_NOUNS = frozenset("plan proposal idea scheme".split())


def _drops_plans(token) -> bool:
    """"Scrapped plans to close", "plans to close were shelved": a denial of what was planned."""
    return token.lemma_.lower() in ABANDONING and token.pos_ == "VERB" and any(
        c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in PLAN_NOUNS for c in token.children)


def _says_its_own(verb, place) -> bool:
    """"Voted to reject the offer": the verb voted for says the sign, not the vote."""
    return any(axis == place[0] for axis, _ in STANCES.get(verb.lemma_.lower(), ()))


LISTENING = frozenset("tell inform brief assure warn".split())


def _listeners(doc) -> set[int]:
    """Who is told, not who tells: "Putin was told by the chief of staff", "told the president"."""
    out: set[int] = set()
    for token in doc:
        if token.lemma_.lower() in LISTENING:
            for child in token.children:
                if child.dep_ in {"nsubjpass", "dative", "dobj"}:
                    out.update(t.i for t in child.subtree)
    return out


ACRONYM_GLUE = frozenset("of for and the on".split())


def _spoken_acronyms(doc, said_by) -> set[str]:
    """The initials of a source's name of two words or more: "British Medical Association", "bma"."""
    found, run = set(), []
    for token in [*doc, None]:
        if token is not None and token.i in said_by and (token.pos_ == "PROPN" and token.text[:1].isupper()
                                                         or run and token.lower_ in ACRONYM_GLUE):
            run.append(token)
            continue
        while run and run[-1].lower_ in ACRONYM_GLUE:
            run.pop()
        initials = "".join(t.text[0] for t in run if t.lower_ not in ACRONYM_GLUE).lower()
        if len(initials) >= 2:
            found.add(initials)  # "UN" is the "United Nations"
        run = []
    return found


def _stand_ins(doc, said_by, speaker: str | None, side: str | None) -> dict[int, tuple[tuple[str, ...], bool]]:
    """The pronouns by which whoever says the claim names itself as the actor of what it claims,
    each with who that is: {token index: (keys, named)}. "We did not strike civilian areas", said
    by the Sudmark army, is Sudmark's claim ("sudma", named); said by "the army" of no side, the
    army's ("troop", not named: a description, which another claim may give as a name)."""
    found = {}
    for verb in _main_verbs(doc, said_by):
        for pronoun in _self_pronouns(verb):
            actor = _actor(doc, said_by, pronoun, speaker, side)
            if actor:
                found[pronoun.i] = actor
    return found


def _main_verbs(doc, said_by) -> list:
    """The verbs of what a claim asserts: the root, or the clause a saying verb takes ("the
    ministry said it had not targeted ..."), and the verbs joined to them ("captured ... and held")."""
    main = []
    for root in (t for t in doc if t.dep_ == "ROOT"):
        if root.i in said_by:
            main += [c for c in root.children if c.dep_ in {"ccomp", "parataxis"} and c.i not in said_by]
        else:
            main.append(root)
    return main + [c for verb in main for c in verb.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}]


SELF_PRONOUNS = SELF_PERSON | SELF_GROUP | SELF_IT


def _self_pronouns(verb) -> list:
    """The verb's actor as a speaker's pronoun: its subject ("we", "it"), who it is done by ("by
    us"), the owner of its subject ("our troops", "its forces")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subjects += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    found = []
    for subject in subjects:
        if subject.pos_ == "PRON" and subject.lower_ in SELF_PRONOUNS:
            found.append(subject)
        found += [c for c in subject.children if c.dep_ == "poss" and c.lower_ in SELF_PRONOUNS]
    # "It was a mistake", "it is clear": an "it" of "be" stands for no actor.
    return [p for p in found if p.lower_ != "it" or verb.pos_ == "VERB"]


def _actor(doc, said_by, pronoun, speaker: str | None, side: str | None) -> tuple[tuple[str, ...], bool] | None:
    """Who a speaker's pronoun stands for, as (keys, named). The text's own words come first ("the
    Norland ministry said it ..." is Norland, whoever the article's speaker field names); then the
    claim's speaker; for "we" and "it", then the side. "I" is the speaker in person; "we" and "it"
    their organisation, so a person's name is not theirs, and "it" is never a person."""
    person = pronoun.lower_ in SELF_PERSON
    if pronoun.lower_ in SELF_IT and any(
            t.i < pronoun.i and t.i not in said_by and t.pos_ in {"NOUN", "PROPN"} and t.tag_ not in {"NNS", "NNPS"}
            and t.dep_ in {"nsubj", "nsubjpass", "dobj"} for t in doc):
        return None  # "The exchange agreed to pay, and its founder resigned": "it" is the exchange
    source = [t for t in doc if t.i in said_by and t.head.i in said_by and t.head.i != t.i and (
        t.dep_ in {"nsubj", "nsubjpass"} or t.dep_ == "pobj" and t.head.head.i in said_by)]
    source = [t for t in source if t.pos_ != "PRON"]  # "he said it ...": the pronoun names nobody
    description = None
    if source:
        words = {u.i for t in source for u in t.subtree if u.i in said_by}
        if pronoun.lower_ in SELF_IT and any(_a_person(t) for t in source):
            return None  # "the minister said it had ...": "it" is not the minister
        keys = _keys_of(_name_groups(doc, {t.i for t in doc} - words), person)
        if keys:
            return keys, True
        description = next((_described(t) for t in source if t.pos_ in {"NOUN", "PROPN"}), None)
    keys: tuple[str, ...] = ()
    if said := _as_said(speaker):
        if description is None and pronoun.lower_ in SELF_IT and _a_person(said.root):
            return None  # said by a person, "it" is something else
        keys = _keys_of(_name_groups(said.doc, _outside(said)), person)
        if description is None and (person or not _a_person(said.root)) and said.root.pos_ in {"NOUN", "PROPN"}:
            description = _described(said.root)
    # "We" and "it" act for the side too: "the Defence Ministry" of Norland is Norland.
    if not person and (side_said := _as_said(side)):
        keys = tuple(sorted({*keys, *_keys_of(_name_groups(side_said.doc, _outside(side_said)), person=False)}))
    if keys:
        return keys, True
    return ((description,), False) if description else None


def _described(token) -> str:
    """The term of the noun that describes who speaks ("the ministry"), as a claim's text would give
    it: a speaker field parsed alone often takes its nouns for names."""
    lemma = token.lemma_.lower()
    return stem(SYNONYMS.get(lemma) or lemma)


def _a_person(token) -> bool:
    """A speaker who is someone, not an organisation: "Jon Hale", "the minister", "a spokesman"."""
    return token.ent_type_ == "PERSON" or token.lemma_.lower() in PERSON_WORDS \
        or any(t.ent_type_ == "PERSON" for t in token.children if t.dep_ in {"appos", "compound", "flat"})


def _keys_of(groups, person: bool) -> tuple[str, ...]:
    """The keys of the names that say who acts, as one name: a person's own name counts only for
    "I"; a capital also answers for its country ("Moscow" is "Russia")."""
    keys = set()
    for toks, root in groups:
        # A word in small letters describes ("the defence ministry"), as a speaker field often does.
        toks = [t for t in toks if t.text[:1].isupper()]
        if not toks or not person and any(t.ent_type_ == "PERSON" for t in toks):
            continue
        keys |= _name_keys(toks)[0]
    return tuple(sorted(keys | {CAPITALS[k] for k in keys if k in CAPITALS}))


def _as_said(who: str | None):
    """A speaker's or side's words as the subject of "said", where news copy has them: parsed
    alone, "Kyiv" is an adjective and "the defence ministry" a name. None for no words."""
    who = " ".join((who or "").split())
    return _parsed_as_said(who) if who else None


@lru_cache(maxsize=4096)
def _parsed_as_said(who: str):
    # Parsed once: the same few speakers recur on claim after claim.
    doc = pipeline()(f"{who} said so.")
    return doc.char_span(0, len(who), alignment_mode="expand") or doc[:-3]


def _outside(span) -> set[int]:
    return {t.i for t in span.doc if not span.start <= t.i < span.end}


def _time_of(token) -> str | None:
    w = token.lower_
    if w in WEEKDAYS:
        return f"weekday:{w}"
    if w in MONTHS and token.pos_ == "PROPN":
        return f"month:{w}"
    if w in SEASONS and token.pos_ == "NOUN" and (w != "fall" or token.dep_ == "pobj"):
        return f"season:{w}"
    if token.shape_ == "dddd" and 1900 <= int(token.text) <= 2100:
        return f"year:{token.text}"
    if w in DAYPARTS and token.pos_ in {"NOUN", "ADV", "ADJ"}:
        return f"daypart:{DAYPARTS[w]}"
    if DECADE.match(w):
        return f"decade:{w}"
    nxt = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    if CLOCK.match(w) and ":" in w and nxt not in HALF_DAY:
        return f"clock:{w}"
    if w in HALF_DAY and token.i > 0 and (token.nbor(-1).like_num or CLOCK.match(token.nbor(-1).text)):
        return f"clock:{token.nbor(-1).text}{HALF_DAY[w]}"  # "2 p.m." is not "2 a.m."
    return None


ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth").split()


def _rank(word: str) -> int | None:
    """"fifth" or "5th" -> 5."""
    if word in ORDINALS:
        return ORDINALS.index(word) + 1
    digits = re.match(r"^(\d+)(st|nd|rd|th)$", word)
    return int(digits.group(1)) if digits else None


def _counted(token) -> bool:
    """A unit with its count before it: "18 months", "a year", "two-week"."""
    before = [t for t in token.doc[max(0, token.i - 2):token.i] if t.text != "-"]
    return bool(before) and (before[-1].like_num or word_value(before[-1].lower_) is not None
                             or before[-1].lower_ in {"a", "an", "one"})


def _is_fraction(token) -> bool:
    """"a third of the voters", "cut by a fifth": a share, not the third voter."""
    if token.lower_ not in FRACTIONS:
        return False
    after = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    return after == "of" or "by" in {t.lower_ for t in token.doc[max(0, token.i - 4):token.i]} \
        and after not in {"point", "points", "percentage"}


def _anchor(token) -> tuple[str, str]:
    """(the content word that governs this noun phrase, the phrase's role under it)."""
    head = token
    while head.dep_ in UP_THROUGH and head.head is not head:
        head = head.head
    role = ROLE_OF.get(head.dep_)
    if head.dep_ == "pobj" and head.head.dep_ == "agent":
        role, gov = "agent", head.head.head
    elif head.dep_ in {"pobj", "pcomp"}:
        role, gov = f"prep:{head.head.lower_}", head.head.head
    else:
        gov = head.head
    if role is None or gov is head:
        return "", ""
    t = term_of(gov)
    return (t[1] if t else gov.lemma_.lower()), role


def _subject_of(token):
    """The noun phrase's head a name sits in, up to the subject it is part of ("Norland's army")."""
    while token.dep_ in UP_THROUGH and token.head is not token:
        token = token.head
    return token


def _also_done_by(token) -> list[str]:
    """The verbs a subject also does without being named again: "the ministry denied hitting the
    depot", "Norland refused to withdraw", "Sudmark admitted firing": the one who denies, refuses
    or admits is the one who hits, withdraws or fires. The anchors of those verbs (subject control)."""
    if token.dep_ != "nsubj" or any(c.dep_ in {"dobj", "dative"} for c in token.head.children):
        return []  # "ordered the landlord to repay": the landlord repays (object control)
    return [term_of(verb)[1] for verb in token.head.children
            if verb.dep_ == "xcomp" and verb.pos_ == "VERB" and term_of(verb)
            and not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)]


def _denies_claim(token) -> bool:
    """"dismissed reports that ...", "rejected accusations that ...": a verb that denies what a
    claim noun, its object, says; reject and deny deny their object whatever it is."""
    lemma = token.lemma_.lower()
    return token.pos_ == "VERB" and (lemma in DENYING_OF_CLAIMS or lemma in NEGATING) and any(
        c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_NOUNS for c in token.children)


def _no_longer(token) -> bool:
    """The negation of "no longer sells", "does not sell anymore", "not any longer"."""
    if token.lower_ == "no" and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "longer":
        return True
    return token.dep_ == "neg" and any(
        c.lower_ == "anymore" or c.lower_ == "longer" and c.i and c.nbor(-1).lower_ == "any" for c in token.head.children)


def _denies_clause(token) -> bool:
    """"refused to sign", "rejected claims that ...": the verb denies what it takes."""
    return any(c.dep_ in {"xcomp", "ccomp"} for c in token.children) or _denies_claim(token)


def _denies_as_predicate(token) -> bool:
    """"called the report a lie", "dismissed the claims as propaganda", "the story is a hoax"."""
    if token.lemma_.lower() not in DENYING_PREDICATES and token.lower_ not in DENYING_PREDICATES:
        return False
    return token.dep_ in {"attr", "oprd", "acomp", "appos"} or token.dep_ == "pobj" and token.head.lower_ == "as"


def _negations(doc, said_by) -> int:
    # The source denying it counts once however many ways it says so ("dismissed the claims as
    # propaganda"); each negation inside the claim counts on its own ("denied it had not ...").
    source_denies = False
    count = 0
    for token in doc:
        lemma = token.lemma_.lower()
        if _denies_as_predicate(token):
            source_denies = True  # "called it a fabrication"
            continue
        if token.lower_ == "yet" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to" \
                and token.head.lemma_.lower() in {"have", "be"}:
            count += 1  # "has yet to approve" has not approved
            continue
        if _no_longer(token):
            continue  # "no longer sells" stopped selling: a change (see the stances), not a denial
        if token.i in said_by:
            source_denies |= (lemma in NEGATING or _denies_claim(token)) and token.pos_ in {"VERB", "AUX"}
            continue
        if token.lower_ == "no" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in NOT_NEGATING_AFTER_NO:
            continue
        if _drops_plans(token):
            count += 1  # "shelved plans to close the libraries" will not close them
            continue
        if token.lower_ == "no" and token.head.dep_ == "pobj" and token.head.head.lower_ == "with":
            continue  # "left with no power" is "left without power": it says what is missing, no denial
        if token.lower_ in {"no", "not"} and token.head.dep_ == "conj" and token.head.pos_ in {"NOUN", "PROPN"}:
            continue  # "stole names and addresses but no card details": it narrows a list, the claim stands
        if token.lower_ in NEGATION_WORDS or token.dep_ == "neg":
            count += 1
        elif lemma in NEGATING_WITH_CLAUSE_OR_CLAIM and not _denies_clause(token):
            continue  # "rejected the offer": a no on the approval axis, not a denial of the claim
        elif lemma in NEGATING and token.dep_ != "amod":  # "a failed launch" denies nothing
            count += 1
        elif lemma in NEGATING_WITH_CLAUSE and any(c.dep_ == "xcomp" for c in token.children):
            count += 1
        elif any((lemma, c.lower_) in NEGATING_PHRASES for c in token.children):
            count += 1
        elif _unprefixed(token.lower_) and token.pos_ in {"ADJ", "VERB"} and token.lower_ not in STANCES:
            # "unvaccinated" denies "vaccinated"; "uncommon" is a word of its own on a stance axis.
            count += 1
        elif token.lower_ == "too" and any(c.dep_ == "xcomp" for c in token.head.children) \
                or token.lower_ == "too" and any(c.dep_ == "xcomp" for c in token.head.head.children
                                                  if token.head.dep_ == "advmod"):
            count += 1  # "too late to be counted": not counted
    return count + source_denies


def claim_signature(text: str, speaker: str | None = None, side: str | None = None) -> Signature:
    """`speaker` and `side`: who says the claim and for which side, as the claim records them ("the
    Norland defence ministry", "Norland"); None when unknown, as for a text alone."""
    return signature_of_doc(pipeline()(_as_parsed(text)), speaker, side)


def signatures(texts, batch_size: int = 64, speakers=None, sides=None) -> list[Signature]:
    """The texts' signatures in one batched parse; `speakers` and `sides`, when given, one per text."""
    docs = pipeline().pipe(map(_as_parsed, texts), batch_size=batch_size)
    return [signature_of_doc(doc, speaker, side)
            for doc, speaker, side in zip(docs, speakers or repeat(None), sides or repeat(None))]


# "co-pilot", "vice-chair": the parser splits them at the hyphen and the post reads as the plain
# one ("pilot", "chair"), another person. Written as one word they stay another post.
_PREFIXED_POST = re.compile(r"\b(co|vice)-(?=[a-z])", re.IGNORECASE)
# "1.5C", "2GW": the parser keeps a figure glued to a unit it does not know as one word, no number.
_GLUED_UNIT = re.compile(r"\b(\d+(?:\.\d+)?)(C|F|GW|MW|kW|GWh|MWh|TWh|kWh)\b")
_UNIT_WORDS = {"C": "degrees Celsius", "F": "degrees Fahrenheit"}


def _as_parsed(text: str) -> str:
    """The text as the parser should see it: posts whole, figures apart from their units."""
    text = _PREFIXED_POST.sub(lambda m: m.group(1), text)
    return _GLUED_UNIT.sub(lambda m: f"{m.group(1)} {_UNIT_WORDS.get(m.group(2), m.group(2))}", text)


def signature_of_doc(doc, speaker: str | None = None, side: str | None = None) -> Signature:
    said_by = _attribution(doc)
    stand_ins = _stand_ins(doc, said_by, speaker, side) if speaker is not None or side is not None else {}
    content = [t for t in doc if t.i not in said_by and not t.is_punct and not t.is_space]
    polarity = -1 if _negations(doc, said_by) % 2 else 1

    # Time: dates, clock times, and the plain words of date phrases ("last year", "night").
    times = {tag for tag in map(_time_of, content) if tag}
    times.update(f"decade:{tag[5:8]}0s" for tag in list(times) if tag.startswith("year:"))  # 1985 is in the 1980s
    for ent in doc.ents:
        # A date phrase in words ("last year", "the summer") pins the time too; one that starts with
        # a count is a duration ("four years", "48 hours"), which the number rule weighs, and one
        # with a pinned date in it is already held by the tags above.
        words = [t for t in ent if t.lower_ not in {"the", "a", "an", "of", "on", "in"}]
        if ent.label_ != "DATE" or not words or words[0].pos_ == "NUM" or word_value(words[0].lower_) is not None:
            continue
        if any(_time_of(t) or t.i in said_by for t in ent):
            continue
        if words[0].lower_ in {"every", "each"}:
            continue  # "every three weeks" says how often, not when
        words = [WHEN_SAME.get(t.lemma_.lower(), t.lemma_.lower()) for t in words
                 if not t.like_num and word_value(t.lower_) is None]
        # The parser calls other phrases dates too ("the retirement age to 64"): a date in words
        # names a time ("last year", "the weekend", "recently").
        if words and TIME_WORDS.intersection(words):
            times.add("when:" + " ".join(words))

    # A feast or holiday named as a name ("on New Year's Eve") is a date the parser did not call one.
    times.update(f"when:{t.lower_}" for t in content if t.lower_ in HOLIDAYS)

    # Ranks ("the first time", "the fifth time") say which one, as a date does: kept with the times.
    for token in content:
        ordinal = token.ent_type_ == "ORDINAL" or token.ent_type_ == "DATE" and token.pos_ == "ADJ"  # "the first day"
        if ordinal and (rank := _rank(token.lower_)) and not _is_fraction(token):
            times.add(f"rank:{rank}")

    # Numbers: counts only, not years and clock times.
    words = []
    for token in content:
        if _time_of(token) or token.ent_type_ == "ORDINAL" and not _is_fraction(token):
            words.append("|")
        elif token.text != "%":
            words.append(token.lower_)
    numbers = ranges_in(words)
    percents = percents_in([t.lower_ for t in doc if t.i not in said_by and not t.is_space])  # "%" is punctuation

    # Names: entities and runs of proper nouns the model left unlabelled, each with its anchor.
    names = []
    acronyms: dict[str, set[int]] = {}  # "icc" -> the token indices of "International Criminal Court"
    for toks, root in _name_groups(doc, said_by):
        keys, capitals = _name_keys(toks)
        anchor, role = _anchor(root)
        names.append((tuple(sorted(keys)), f"{anchor}/{role}" if anchor else ""))
        if role == "agent":
            names += [(tuple(sorted(keys)), f"{also}/agent") for also in _also_done_by(_subject_of(root))]
        if len(capitals) >= 3 and root.ent_type_ not in {"PERSON"}:
            acronyms["".join(capitals)] = {t.i for t in toks}
    for i, (keys, named) in stand_ins.items():
        anchor, role = _anchor(doc[i])
        if named and anchor:
            names.append((keys, f"{anchor}/{role}"))  # "we" said by the Norland army: "Norland" acts

    # Terms: content words, synonyms folded, stemmed, weighted by rarity.
    terms: dict[str, float] = {}
    mentions: set[str] = set()
    speakers: set[str] = set()
    speaker_named = False
    speaker_names: set[str] = set()
    in_acronym = {i: acronym for acronym, indices in acronyms.items() for i in indices}
    heard_by = _listeners(doc)
    for token in doc:
        found = term_of(token)
        if not found:
            continue
        word, key = found
        if token.i in in_acronym:  # "Court of Arbitration for Sport" counts as one word, "cas"
            mentions.add(key)
            word, key = in_acronym[token.i], in_acronym[token.i]
        mentions.add(key)
        if token.i not in said_by:
            terms[key] = max(terms.get(key, 0.0), rarity(word))
        elif token.pos_ in {"NOUN", "PROPN", "ADJ"} and token.i not in heard_by:
            speakers.add(key)
            speaker_named = speaker_named or _is_name(token)
            if _is_name(token):
                speaker_names.add(key)
    for acronym in _spoken_acronyms(doc, said_by):
        speakers.add(acronym)  # "the International Olympic Committee" is also "the IOC"
        speaker_names.add(acronym)
    for keys, _ in names:
        mentions.update(keys)
    for keys, _ in stand_ins.values():
        mentions.update(keys)

    # Arguments of verbs: who acts, on what, where; as the terms of each noun phrase.
    arguments = set()
    for token in content:
        if token.pos_ not in {"NOUN", "PROPN", "PRON"} or token.dep_ in NP_INSIDE:
            continue
        anchor, role = _anchor(token)
        if not anchor:
            continue
        phrase = [token] + [t for t in token.subtree if t.dep_ in NP_INSIDE and t.head.i != t.i
                            and _within_np(t, token)]
        # Nouns only: "a misfired rocket" and "a failed rocket launch" are the same rocket.
        phrase_terms = {term_of(t)[1] for t in phrase if t.pos_ in {"NOUN", "PROPN"} and term_of(t)}
        # "we", "our troops": whoever says it, as its keys ("Norland's troops").
        phrase_terms = tuple(sorted(phrase_terms.union(*(stand_ins[t.i][0] for t in phrase if t.i in stand_ins))))
        # Common words that narrow who it is: the "deputy" mayor, the "county" council.
        qualifiers = tuple(sorted({term_of(t)[1] for t in phrase if t.dep_ == "compound" and t.i != token.i
                                   and not _is_name(t) and term_of(t)}))
        head = term_of(token)
        if head is None and token.i in stand_ins:
            head = ("", min(stand_ins[token.i][0]))  # "we": named by whoever says it
        if phrase_terms and head:
            arguments.add((anchor, role, phrase_terms, head[1], qualifiers))
            # Without its qualifiers: a summary drops the "crypto" of "the crypto exchange agreed to pay".
            arguments.update((also, role, phrase_terms, head[1], ()) for also in _also_done_by(token))

    # Stances on opposite axes, turned by the claim's polarity; an axis seen both ways says nothing.
    # A word that only describes one of the claim's things ("the suspects detained last week", "the
    # rescue crews", "the missing hikers") gives its axis only when the claim itself says nothing on
    # it: "police released the suspects detained" is a release, "a failed launch cost $2m" a failure.
    main_signs: dict[str, set[int]] = {}
    described_signs: dict[str, set[int]] = {}
    # The word that makes a two-word phrase ("dropped the charges") is the phrase's, not a stance of its own.
    in_phrase = {c.i for t in content for c in t.children if (t.lemma_.lower(), c.lower_) in STANCE_PHRASES}
    in_phrase.update(t.i + 1 for t in content if t.i + 1 < len(doc) and t.pos_ in {"VERB", "AUX"}
                     and (t.lemma_.lower(), doc[t.i + 1].lower_) in STANCE_PHRASES)
    for token in content:
        if token.i in in_phrase or token.ent_type_ == "DATE" or _drops_plans(token):
            continue  # "by the end of the decade" ends nothing
        signs = described_signs if _describes(token) else main_signs
        lemma = token.lemma_.lower()
        phrasal = [STANCE_PHRASES.get((lemma, c.lower_)) or STANCE_PHRASES[lemma, c.dep_] for c in token.children
                   if (lemma, c.lower_) in STANCE_PHRASES or (lemma, c.dep_) in STANCE_PHRASES
                   and not _says_its_own(c, STANCE_PHRASES[lemma, c.dep_])]
        following = token.nbor(1).lower_ if token.i + 1 < len(doc) else ""
        if not phrasal and (lemma, following) in STANCE_PHRASES and token.pos_ in {"VERB", "AUX"}:
            phrasal = [STANCE_PHRASES[lemma, following]]  # "gave way overnight", "way" hung on the wrong word
        if token.lower_ == "against" and token.head.lemma_.lower() not in OPPOSING_HEADS:
            continue  # "won the final against Medvedev" opposes nothing; "voted against the plan" does
        if lemma == "control" and token.dep_ == "pobj" and token.head.lower_ == "under" \
                and any(c.lower_ == "still" for c in token.head.head.children):
            signs.setdefault("control", set()).add(-polarity)  # "still under Sudmark's control": held
            continue
        if token.pos_ == "VERB" and any(c.lower_ == "still" and c.dep_ == "advmod" for c in token.children):
            signs.setdefault("tenure", set()).add(polarity)  # "still sells bread": carries on
        if _no_longer(token):
            for axis in ("open", "tenure"):  # "no longer sells bread" is "stopped selling bread"
                signs.setdefault(axis, set()).add(-polarity)
            continue
        if lemma in NEGATING_WITH_CLAUSE_OR_CLAIM and _denies_clause(token):
            continue  # "refused to extend the deal": a denial of extending (polarity), no stance of its own
        by_role = STANCE_VERBS.get(lemma) if token.pos_ == "VERB" else None
        # "The team was beaten": its subject lost. The named sides below take their signs from
        # their roles already ("beaten by A": A won), so only the claim's own sign turns.
        turned = -1 if by_role and any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children) else 1
        # An adjective stands as written: "missing" is absent, not a miss of the verb "to miss".
        as_adjective = token.pos_ == "ADJ" or token.dep_ in {"acomp", "amod", "oprd"}
        own = (STANCES.get(token.lower_) if as_adjective else None) or STANCES.get(lemma, ()) \
            or STANCES.get(token.lower_, ())
        for axis, sign in phrasal or ([by_role] if by_role else None) or own:
            if axis == "control" and not _has_named_argument(token):
                continue  # "took 3 million euros", "14 held": not a place changing hands
            if axis in BY_WHOM and (sides := _sides(token)):
                # "A beat B" and "B lost to A" say one result: each named side gets its own sign.
                for key, side in sides:
                    signs.setdefault(f"{axis}:{key}", set()).add(sign * side * polarity)
            lacking = -1 if token.dep_ == "pobj" and token.head.lower_ == "without" else 1  # "released without charge"
            signs.setdefault(axis, set()).add(sign * polarity * (turned if by_role else 1) * lacking)
    signs = {**described_signs, **main_signs}
    arguments, signs = _converses(arguments, signs)
    stances = tuple(sorted((axis, next(iter(s))) for axis, s in signs.items() if len(s) == 1))

    def term_key(token):
        found = term_of(token)
        return found[1] if found else None

    counts = count_bindings(doc, said_by, term_key)
    parts = quantities(doc, said_by, term_key)
    slots = sorted({(key, _slot(t, term_key)) for t in content if (key := term_key(t)) and not _is_name(t)})
    affixable = sorted({t.lemma_.lower() for t in content if t.pos_ in {"VERB", "ADJ", "ADV"}})

    return Signature(
        terms=tuple(sorted(terms.items())),
        names=tuple(names),
        numbers=tuple(numbers),
        percents=tuple(percents),
        times=tuple(sorted(times)),
        polarity=polarity,
        stances=stances,
        arguments=tuple(sorted(arguments)),
        mentions=tuple(sorted(mentions)),
        speakers=tuple(sorted(speakers)),
        speaker_named=speaker_named,
        speaker_names=tuple(sorted(speaker_names)),
        counts=tuple(counts),
        parts=tuple(parts),
        words=tuple(affixable),
        slots=tuple(slots),
    )


def _name_groups(doc, left_out: set[int]) -> list[tuple[list, object]]:
    """The names of a text, each as (its words, its root): entities and runs of proper nouns the
    model left unlabelled; the words of `left_out` (who says it) are no part of a name."""
    groups: list = []
    seen: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in NAME_LABELS:
            span = list(ent)
            # The small model often stops a name one word short ("the National Salvation" + "Front").
            while span[-1].i + 1 < len(doc) and doc[span[-1].i + 1].pos_ == "PROPN" \
                    and not doc[span[-1].i + 1].ent_type_ and _time_of(doc[span[-1].i + 1]) is None:
                span.append(doc[span[-1].i + 1])
            toks = [t for t in span if t.i not in left_out and not t.is_punct and t.lower_ != "the"]
            inside = {u.i for u in span}
            tops = [t for t in span if t.head.i not in inside or t.head.i == t.i]
            # "Greenway Stores reported": the parser may hang the first word on the verb as a bare
            # "dep"; the word in a role ("nsubj") says where the name stands.
            root = next((t for t in tops if t.dep_ not in {"dep", "compound"}), tops[0] if tops else ent.root)
            if toks:
                groups.append((toks, root))
            seen.update(t.i for t in span)
    run: list = []
    for token in [t for t in doc if t.i not in left_out and not t.is_punct and not t.is_space] + [None]:
        if token is not None and token.i not in seen and _is_name(token):
            run.append(token)
            continue
        if run:
            groups.append((run, run[-1]))
            run = []
    return groups


def _name_keys(toks) -> tuple[set[str], list[str]]:
    """A name's loose keys ("norla" of "Norland's") and the initials of its capitalised words."""
    phrase = " ".join(t.lower_ for t in toks)
    capitals = [t.text[0].lower() for t in toks if t.text[:1].isupper()]
    words = [t for t in toks if not t.is_stop] or toks  # "of" is never a key; "Front" is a stop word too
    if phrase in NAME_PHRASES:
        return {NAME_PHRASES[phrase]}, capitals
    rare = [t for t in words if zipf_frequency(t.lower_, "en") < COMMON_NAME_ZIPF or t.lower_ in ALIASES]
    keys = {name_key(t.text) for t in (rare or words)}
    if len(capitals) >= 2:
        keys.add("".join(capitals))  # "International Criminal Court" also answers to "ICC"
    return keys, capitals


# Roles coarse enough that active and passive, or "made a profit" and "turned a profit", agree.
COARSE_DEP = {"nsubj": "subj", "nsubjpass": "subj", "dobj": "obj", "attr": "pred", "acomp": "pred",
              "amod": "mod", "compound": "mod", "advmod": "mod", "npadvmod": "mod", "conj": "conj",
              "xcomp": "verb", "ccomp": "verb", "advcl": "verb", "pcomp": "verb"}


PARTICLES = {"out", "up", "down", "off", "away", "back"}


def _slot(token, term_key) -> str:
    """Where a word stands: its role and the word it depends on ("obj>make"); the main verb is "root"."""
    if any(c.dep_ == "prt" or c.i == token.i + 1 and c.lower_ in PARTICLES for c in token.children):
        return "phrasal"  # "pulled out", "turned up": the verb alone says little of what they mean
    if token.dep_ == "ROOT" or token.head.i == token.i:
        return "root"
    head = token.head
    if token.dep_ == "pobj" and head.head.i != head.i:
        head = head.head  # "in the kitchen", "on the roof": the same slot of "started"
        role = "prep"
    else:
        role = COARSE_DEP.get(token.dep_, token.dep_)
    if head.dep_ == "ROOT" and head.pos_ == "AUX":
        return f"{role}>be"
    return f"{role}>{term_key(head) or head.lemma_.lower()}"


# Dependencies by which a word describes a noun rather than says what happened.
DESCRIBING = {"acl", "relcl", "amod", "compound"}


def _describes(token) -> bool:
    """Whether the word sits in a description of a noun: itself a noun's modifier, or inside a
    clause that modifies one ("the men who were arrested")."""
    while token.head.i != token.i:
        if token.dep_ in DESCRIBING and token.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            return True
        token = token.head
    return False


def _within_np(token, head) -> bool:
    while token.i != head.i:
        if token.dep_ not in NP_INSIDE:
            return False
        token = token.head
    return True


# Axes whose sign belongs to a side: who won, not whether winning happened.
BY_WHOM = {"result"}
# How a name stands to the verb's sign: the subject wins when it "beat"; the object of "beat", the
# subject of "was beaten" and the one played "against" lose; the one lost "to" and the agent "by" win.
SIDE_OF = {"nsubj": 1, "nsubjpass": -1, "dobj": -1, "agent": 1, "prep:by": 1, "prep:to": -1, "prep:against": -1,
           "prep:over": -1, "prep:from": -1, "poss": 1}  # "Holm's victory over Varde", "won the seat from Holt"


CONTESTS = frozenset(
    """final semifinal title match game race election cup trophy seat championship tournament medal vote runoff
    round primary series league prize award majority battle case appeal contest bout""".split()
)


def _sides(verb) -> list[tuple[str, int]]:
    """The named sides of a result verb with the sign each takes: ("holm", 1), ("brenn", -1)."""
    out = []
    children = list(verb.children)
    if verb.dep_ in {"conj", "advcl", "xcomp"} and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in children):
        # "loses its majority, wins 240 seats", "beat Varde to win the cup": the first verb's subject.
        children += [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    for child in children:
        dep = child.dep_
        if dep in {"prep", "agent"}:
            dep = "agent" if dep == "agent" else f"prep:{child.lower_}"
            child = next((c for c in child.children if c.dep_ == "pobj"), None)
            if child is None:
                continue
        if dep not in SIDE_OF:
            continue
        if dep == "dobj" and child.lemma_.lower() in CONTESTS:
            continue  # "won the Wimbledon final", "lost the seat": what is won, no side of it
        side = SIDE_OF[dep]
        if verb.pos_ == "NOUN" and dep == "prep:by":
            side = -1  # "Brenna's defeat by Holm": the one it is by is the other side
        names = [t for t in child.subtree if _within_np(t, child) and (
            _is_name(t) or t.text[:1].isupper() and t.pos_ in {"NOUN", "PROPN"} and zipf_frequency(t.lower_, "en") < 1.5)]
        if names:
            out.append((min(name_key(t.text) for t in names), side))
    return out


def _has_named_argument(verb) -> bool:
    # "driven back from the airport in Varde": the place may hang on the particle.
    particles = [g for c in verb.children if c.dep_ in {"advmod", "prt"} for g in c.children]
    for child in [*verb.children, *particles]:
        if child.dep_ == "prep":
            child = next((c for c in child.children if c.dep_ == "pobj"), None)
            if child is None:
                continue
        elif child.dep_ not in CONTROL_AXIS_NEEDS:
            continue
        # A capitalised word no dictionary knows is a place the small model tagged as a noun ("Ostby has fallen").
        if any(t.pos_ == "PROPN" or t.ent_type_ in {"GPE", "LOC", "FAC"}
               or t.text[:1].isupper() and zipf_frequency(t.lower_, "en") < 1.5 for t in child.subtree):
            return True
    return False
