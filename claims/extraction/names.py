"""Reading a person's or an organisation's name off the words that introduce a speaker.

The parse gives a phrase ("Deputy harbour master Colonel Aron Hale", "Sara Lind, an adviser to
Harlow", "the environmental group Clear Tessel"); these functions say which words are the name,
stripped of titles and descriptions, so that later mentions ("Hale", "Ms. Lind") find the same
person. Used by `speakers.Discourse`; no state of its own.
"""
import re

from spacy.tokens import Span, Token

from .gender import is_first_name

TITLES = frozenset(
    """president minister governor mayor spokesman spokeswoman spokesperson secretary chairman chairwoman chair
    director chief executive officer head leader colonel general major captain lieutenant sergeant commander
    prime deputy senator judge lawyer attorney professor dr mr mrs ms sir lord lady king queen prince
    ambassador envoy official adviser advisor manager coach captain chancellor premier commissioner
    prosecutor inspector sheriff councillor councilor representative rep gov sen""".split()
)

# Titles as news copy abbreviates them before a name: "Sen. Ada Roe" is "the senator" later on.
ABBREVIATED_TITLES = {
    "sen": "senator", "gov": "governor", "rep": "representative", "lt": "lieutenant", "col": "colonel",
    "gen": "general", "sgt": "sergeant", "capt": "captain", "cmdr": "commander", "supt": "superintendent",
    "insp": "inspector", "atty": "attorney", "prof": "professor", "pres": "president", "sec": "secretary",
}

ORG_NOUNS = frozenset(
    """company firm group federation organisation organization agency ministry department office board union
    party alliance council committee government authority regulator operator laboratory lab army military
    staff service institute court commission bank association club league team""".split()
)

# Last words that mark a company or institution name, whatever the entity recogniser thinks.
ORG_SUFFIXES = frozenset(
    """inc ltd llc plc corp corporation co holdings group terminals electronics bank airlines airways motors
    systems industries partners capital energy pharmaceuticals pharma media networks technologies labs
    laboratories foods logistics shipping mining oil gas telecom communications insurance solutions
    international associates ventures brands stores""".split()
)


# British and American spellings of the words that name institutions: a registry that says
# "Russian Defense Ministry" must know the "Russian Defence Ministry" of British copy.
_ONE_SPELLING = {
    "defence": "defense", "offence": "offense", "licence": "license", "organisation": "organization",
    "organisations": "organizations", "programme": "program", "programmes": "programs", "labour": "labor",
    "centre": "center", "centres": "centers", "theatre": "theater", "honour": "honor",
}


def norm(text: str) -> str:
    """A name or phrase as compared: lower case, no possessive 's, punctuation dropped, one spelling."""
    text = re.sub(r"'s\b", "", text.lower())
    return " ".join(_ONE_SPELLING.get(word, word) for word in re.findall(r"[\w-]+", text))


def surname(name: str) -> str:
    """The last word of a name; empty for one that normalises to nothing (mojibake, a lone symbol)."""
    words = norm(name).split()
    return words[-1] if words else ""


def name_in_apposition(subject: Token) -> Token | None:
    """ "The environmental group Clear Tessel said": a kind of organisation followed, without a
    comma, by its proper name; the name is who speaks."""
    if subject.pos_ != "NOUN" or subject.lemma_.lower() not in ORG_NOUNS:
        return None
    return next(
        (c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.left_edge.i == subject.i + 1),
        None,
    )


def is_anaphoric(phrase: list[Token], subject: Token) -> bool:
    """ "the ministry", "the general staff": a bare common noun that points back to someone."""
    if subject.pos_ != "NOUN" or not phrase or phrase[0].lower_ not in ("the", "this", "that"):
        return False
    return all(t.i == subject.i or t.dep_ == "det" or (t.pos_ in ("ADJ", "NOUN") and t.text.islower()) for t in phrase)


# What a company makes, runs or sells, as business copy calls it the second time: "the maker of frozen pies".
MAKERS = frozenset(
    """maker manufacturer producer operator owner supplier developer provider distributor retailer publisher
    builder lender insurer carrier exporter importer seller""".split()
)


def describes_a_company(phrase: list[Token], subject: Token) -> bool:
    """ "the Leeds-based maker of frozen pies", "the Oslo-headquartered lender": business copy's second
    reference to the company it named before, by where it is based or what it makes."""
    if subject.tag_ != "NN" or not phrase or phrase[0].lower_ != "the" or subject.lemma_.lower() in TITLES:
        return False
    based = any(t.lower_ in ("based", "headquartered") and t.i < subject.i for t in phrase)
    makes = subject.lemma_.lower() in MAKERS and any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children)
    return based or makes


def phrase_of(subject: Token, skip_before: int = 0, alone: bool = False) -> list[Token]:
    """The subject's own words: its subtree without relative clauses, times and outer punctuation
    (and, `alone`, without the other members of a pair)."""
    skip = set()
    for token in subject.subtree:
        if token.dep_ in ("relcl", "acl", "ccomp") and token.head.i >= subject.left_edge.i and token.i != subject.i:
            skip.update(token.subtree)
        elif token.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in token.children):
            skip.update(token.subtree)  # "the city auditor in March", "the report on Wednesday": when is no part of a name
    if alone:
        for child in subject.children:
            if child.dep_ == "conj":
                skip.update(child.subtree)
            elif child.dep_ == "cc" or (child.is_punct and child.i > subject.i):
                skip.add(child)
    tokens = [t for t in subject.subtree if t not in skip and not t.is_space and t.idx >= skip_before]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ in ("cc", "prep") or tokens[-1].tag_ == "POS"):
        tokens.pop()
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    return tokens


def _people_starting_in(phrase: list[Token]) -> list[Span]:
    """The PERSON entities that start among the phrase's tokens, read off the tokens' own entity
    marks (Doc.ents builds every entity of the article on each call)."""
    doc, found = phrase[0].doc, []
    for token in sorted(phrase, key=lambda t: t.i):
        if token.ent_type_ != "PERSON" or token.ent_iob_ != "B":
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        found.append(doc[token.i : end])
    return found


def person_name(phrase: list[Token]) -> str | None:
    if not phrase:
        return None
    inside = set(t.i for t in phrase)
    # "Sara Lind, an adviser to Harlow": the name the phrase is about, not one in its description
    head = next((t for t in phrase if t.head.i not in inside or t.head.i == t.i), None)
    # A possessor or a modifier is not the speaker: in "Sorvia's general staff" Sorvia owns the
    # staff, and "the Ortez campaign" or "Ortez aides" speak for Ortez without being Ortez. A
    # possessor that is the phrase itself ("Ada Roe's" records) is the person.
    people = [
        ent for ent in _people_starting_in(phrase)
        if ent.start in inside and (ent.root.dep_ != "poss" or ent.root == head)
        and not (ent.root.dep_ in ("compound", "nmod", "amod") and ent.root.head.pos_ == "NOUN")
    ]
    own = [ent for ent in people if head is not None and ent.start <= head.i < ent.end]
    people = own or [ent for ent in people if ent.root.dep_ != "pobj"] or people
    if people:
        ent = people[-1]
        words = [t for t in ent if norm(t.text) not in TITLES and t.tag_ != "POS"]
        # The recogniser may cut a first name off ("Marta" as a place, "Selin" as a person):
        # capitalised proper nouns compounded onto the name belong to it.
        k = ent.start - 1
        while k in inside and _joins_name(ent.doc[k], ent):
            words.insert(0, ent.doc[k])
            k -= 1
        return " ".join(t.text for t in words) if words else ent.text
    # The entity recogniser misses some names after a title ("Colonel Ruslan Dey", "Its leader,
    # Vera Manis"): take the run of capitalised proper nouns that ends the phrase.
    run = []
    for token in reversed(phrase):
        if token.pos_ == "PROPN" and token.text[:1].isupper() and norm(token.text) not in TITLES:
            run.insert(0, token)
        elif run or not token.is_punct:
            break
    titled = any(norm(t.text) in TITLES for t in phrase if t not in run)
    if titled and len(run) >= 2 and run[-1].dep_ in ("nsubj", "appos", "pobj"):
        return " ".join(t.text for t in run)
    # "Renata Vickery" labelled an organisation: a known first name before a surname is a person
    last = norm(run[-1].text) if run else ""
    if 2 <= len(run) <= 3 and is_first_name(run[0].text) and run[-1].tag_ == "NNP" and run[-1].ent_type_ not in ("GPE", "LOC", "FAC", "NORP"):
        if last not in ORG_SUFFIXES and last not in ORG_NOUNS and last.rstrip("s") not in ORG_NOUNS:
            return " ".join(t.text for t in run)
    return None


def _joins_name(token: Token, ent) -> bool:
    return (
        token.pos_ == "PROPN" and token.dep_ == "compound" and ent.start <= token.head.i < ent.end
        and token.text[:1].isupper() and norm(token.text) not in TITLES
    )


def clean_name(phrase: list[Token]) -> str:
    tokens = list(phrase)
    head = next((t for t in tokens if t.head not in tokens or t.head.i == t.i), None)
    if head is not None:
        # "Oster, the reigning champion": the name without its apposition
        aside = {t for child in head.children if child.dep_ == "appos" for t in child.subtree}
        tokens = [t for t in tokens if t not in aside and not (t.is_punct and t.i > head.i)]
    if head is not None:
        # "in the open, aid groups said": the parser may hang a word from before a comma on the
        # name; before the name, a comma ends what belongs to it
        commas = [k for k, t in enumerate(tokens) if t.text == "," and t.i < head.i]
        tokens = tokens[commas[-1] + 1 :] if commas else tokens
    while tokens and tokens[0].dep_ == "det":
        tokens.pop(0)
    # A dropped comma must not glue its neighbours: "a woman in Marsk, Ohio" is not "MarskOhio".
    text = "".join(t.text_with_ws if t.whitespace_ or k + 1 == len(tokens) or tokens[k + 1].i == t.i + 1 else t.text + " " for k, t in enumerate(tokens)).strip()
    return text or " ".join(t.text for t in phrase)
