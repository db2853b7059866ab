"""What each number counts, and how much of a thing a claim speaks of: part or all.

A claim's numbers mean nothing without their nouns: "3 killed and 8 wounded" and "8 killed and 3
wounded" hold the same numbers and say different things. So every number is bound to the words it
counts: the noun it modifies ("3 civilians"), the verb that noun is the subject or object of
("killed"), or the verb a bare number acts in ("eight wounded"). Durations are bound to "hour" in
hours, so "48 hours" and "two days" still agree.

And a claim about part of a thing is not one about all of it: "14 of 34 counts", "some of the
residents", "part of the city" against "all 34 counts", "the entire city" or plainly "the city".
Each noun a quantifier or a partitive ("N of the M ...") speaks of gets a mark: "part" or "all".
Pure functions over a parsed spaCy Doc, like the rest of the signature.
"""
from .numbers import COUNT_WORDS, DURATIONS, SCALES, numbers_in, word_value

# Words that take a part of what follows "of" ("some of", "half of", "most of", "part of").
PART_WORDS = frozenset(
    "some most many much several few half part majority minority portion share fraction proportion bulk "
    "third quarter fifth tenth percent cent %".split()
)
# The same words as determiners take a part of their own noun ("most residents"); "some 3,500"
# before a number means "about", and "many" or "few" alone say how many, not which part.
PART_DETERMINERS = frozenset("some most half".split())
WHOLE_WORDS = frozenset("all every each entire whole full".split())
# Words that measure a proportion: a claim with one says how much, so it is not silent about the part.
PROPORTION_WORDS = frozenset("percent cent % share proportion half third quarter fifth tenth".split())
PROPORTION = ("*", "proportion")
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj"}
BARE_NUMBER_DEPS = {"nsubj", "nsubjpass", "dobj", "attr"}


def _is_number(token) -> bool:
    return (token.like_num or word_value(token.lower_) is not None or token.lower_ in SCALES) \
        and token.ent_type_ not in {"DATE", "TIME", "ORDINAL"} or token.lower_ in COUNT_WORDS


def _partitive(token) -> bool:
    """"five of twelve charges", parsed as a modifier of "twelve"."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.dep_ == "quantmod" and nxt is not None and nxt.lower_ == "of"


def _value(top) -> float | None:
    words = [t.lower_ for t in top.subtree if (_is_number(t) and not _partitive(t))
             or t.lower_ in {"a", "and"} and t.head.i == top.i]
    values = numbers_in(words)
    return values[0] if values else None


def count_bindings(doc, skip: set[int], term) -> list[tuple[str, float, float]]:
    """(term counted, low, high) for every number outside `skip`; `term(token)` gives a token's term or None."""
    out = []
    for token in doc:
        if token.i in skip or not _is_number(token) or _is_number(token.head) and token.head.i != token.i:
            continue  # only the top of a number phrase ("1.2" in "1.2 million" is not)
        value = _value(token)
        if value is None:
            continue
        # A number with its own predicate ("eight wounded", "four dead") counts that; one that
        # modifies a noun counts the verb the noun is the subject or object of, else the noun.
        counted = [c for c in token.children if c.dep_ in {"acl", "relcl", "amod"} and c.pos_ in {"VERB", "ADJ"}]
        if counted:
            pass
        elif token.dep_ == "nummod":
            noun = token.head
            unit = DURATIONS.get(noun.lower_)
            if unit:
                out.append(("hour", value * unit, value * unit))
                continue
            verb = noun.head if noun.dep_ in ARGUMENT_DEPS and noun.head.pos_ == "VERB" else None
            counted.append(verb if verb is not None else noun)
        elif token.dep_ in BARE_NUMBER_DEPS and token.head.pos_ == "VERB":
            counted.append(token.head)
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            counted += [c for c in prep.children if c.dep_ == "pobj"]  # "14 of 34 counts"
        for word in counted:
            found = term(word)
            if found:
                out.append((found, value, value))
    return sorted(set(out))


def quantities(doc, skip: set[int], term) -> list[tuple[str, str]]:
    """(term, "part" or "all") for each noun a claim takes a part of, or all of; and PROPORTION
    when the claim measures a proportion ("14 percent of the vote", "a vote share of 14%")."""
    out = set()
    for token in doc:
        if token.i in skip:
            continue
        word = token.lower_
        if word in PROPORTION_WORDS:
            out.add(PROPORTION)
        of_objects = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"]
        if word in PART_WORDS and of_objects:
            out.update((term(p), "part") for p in of_objects)
        elif word in WHOLE_WORDS and of_objects:
            out.update((term(p), "all") for p in of_objects)
        elif _is_number(token) and of_objects and not _is_number(token.head):
            # "14 of 34 counts", "two of the hostages"; but "every one of", "all three of" take the whole
            whole = any(t.lower_ in WHOLE_WORDS for t in token.children) or \
                token.i > 0 and token.nbor(-1).lower_ in WHOLE_WORDS
            out.update((term(p), "all" if whole else "part") for p in of_objects)
        elif _is_number(token) and _partitive(token):
            noun = token.head
            while _is_number(noun) and noun.head.i != noun.i:
                noun = noun.head
            out.add((term(noun), "part"))
        elif token.dep_ in {"det", "amod", "predet", "quantmod"} and token.head.pos_ in {"NOUN", "PROPN"}:
            noun = token.head
            if word in WHOLE_WORDS:
                # "full control of the town" speaks of all of the town
                targets = [noun] + [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                                    for p in c.children if p.dep_ == "pobj"]
                out.update((term(t), "all") for t in targets)
            elif word in PART_DETERMINERS and not any(_is_number(c) for c in noun.children):
                out.add((term(noun), "part"))
    return sorted((t, mark) for t, mark in out if t)  # PROPORTION is kept: its term is "*"
