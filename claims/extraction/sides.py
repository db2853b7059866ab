"""What the text says about a speaker beyond the speaker's own noun phrase, read for their side.

`speakers.Discourse` decides each speaker's side from the registry, cue words in the speaker's
description, possessives and places. The phrase it reads is the subject's subtree without its
relative clauses, and the parser sometimes leaves a title outside it. These functions find the
other places where news copy ties a speaker to a side: a relative clause of membership ("who
chairs the Yes campaign"), the author of a document ("court documents filed by the prosecution"),
a name the parser cut off after a quotation ("Save the Valley spokeswoman Ada Roe"), a US party label ("(D-Mass.)",
"R-Texas"). None of them reads the claim itself.
"""
import re

from spacy.tokens import Token

# Verbs by which a relative clause says whom someone belongs to or speaks for.
AFFILIATION_VERBS = frozenset(
    """lead head chair run found co-found direct manage represent advise work serve volunteer campaign speak
    belong join coach captain organise organize coordinate""".split()
)
# "who is a member of the association": the noun that makes "be" a statement of membership.
MEMBERSHIP_NOUNS = frozenset(
    """member supporter volunteer activist founder organiser organizer leader head chair chairman chairwoman
    spokesman spokeswoman spokesperson adviser advisor official officer director trustee lawyer executive chief
    president owner manager secretary""".split()
)
_CLAUSES = ("relcl", "acl", "ccomp", "advcl", "xcomp")
# The party words of US politics, each family under one name: "Democratic" and "Democrats" are
# the same party, and so are "Republican", "GOP" and the RNC (its national committee).
PARTIES = {
    "democrat": frozenset({"democrat", "democrats", "democratic", "dem", "dems", "dnc"}),
    "republican": frozenset({"republican", "republicans", "gop", "rnc"}),
}
# "Sen. Ann Roe (D-Mass.)", "Rep. Tim Oakes, R-Texas,", "Sen. Roe (D)": the party letter after a name.
_PARTY_TAG = re.compile(r"(?:^|[(,])\s*([DR])\s*(?:-\s*[A-Z]|\))")


def cue_words(text: str) -> str:
    """Lower-case words for matching cue words; a dash glued to a word ("-Coastline" in a signed
    quotation) is punctuation, not part of the word."""
    text = re.sub(r"'s\b", "", text.lower())
    return " ".join(w.strip("-") for w in re.findall(r"[\w-]+", text) if w.strip("-"))


def one_of(cue: str) -> str | None:
    """ "head teachers", "charities", "aid groups": a side named by a plural common noun includes
    any one of its members ("a head teacher", "the medical charity"). A name ("Democrats",
    "NGOs") is left as written, and so is a singular cue: other companies are not "the company"."""
    *before, last = cue.split() or [""]
    if not last.islower() or not last.endswith("s") or last.endswith("ss"):
        return None
    if last.endswith("ies"):
        one = last[:-3] + "y"
    elif last.endswith(("ches", "shes", "xes", "sses")):
        one = last[:-2]
    else:
        one = last[:-1]
    return " ".join([*before, one]) if len(one) >= 4 else None


def _text(tokens) -> str:
    return " ".join(t.text for t in sorted(tokens, key=lambda t: t.i))


def _without_clauses(token: Token) -> list[Token]:
    skip = {t for c in token.subtree if c.dep_ in _CLAUSES and c.i != token.i for t in c.subtree}
    return [t for t in token.subtree if t not in skip]


def affiliations(subject: Token) -> list[str]:
    """ "Ada Roe, who chairs the Yes campaign and told reporters ...", "a GP who works with the
    association", "who is a member of the friends group": what a relative clause on the speaker
    (or on the speaker's apposition), or the main clause the speaker is the subject of, says they belong to. Other relative clauses ("who fled the
    town") say nothing about a side."""
    described = {subject} | {c for c in subject.children if c.dep_ == "appos"}
    clauses = [c for d in described for c in d.children if c.dep_ == "relcl"]
    if subject.dep_ == "nsubj" and subject.head.i != subject.i:
        clauses.append(subject.head)  # "Ada Roe became chief executive of Holm Water in 2022": said of her, in the main clause
    found = []
    for clause in clauses:
        for verb in (clause, *clause.conjuncts):
            lemma = verb.lemma_.lower()
            if lemma in AFFILIATION_VERBS:
                heads = [c for c in verb.children if c.dep_ in ("dobj", "prep", "dative")]
            elif lemma in ("be", "become", "remain"):
                heads = [c for c in verb.children if c.dep_ == "attr" and c.lemma_.lower() in MEMBERSHIP_NOUNS]
            else:
                continue
            found.extend(_text(_without_clauses(head)) for head in heads)
    return found


def not_involved(subject: Token) -> bool:
    """ "Dr. Ian Marsh, an epidemiologist at Holm University who was not involved in the work": the
    formula by which science copy marks an independent expert."""
    described = [subject, *(c for c in subject.children if c.dep_ == "appos")]
    return any(
        t.dep_ == "relcl" and t.lemma_.lower() == "involve" and any(c.dep_ == "neg" for c in t.children)
        for d in described for t in d.subtree
    )


def authors(subject: Token) -> list[str]:
    """ "court documents filed by the prosecution", "figures released by the union": who made
    the document that speaks."""
    found = []
    for acl in (c for c in subject.children if c.dep_ == "acl"):
        for agent in (c for c in acl.children if c.dep_ == "agent"):
            found.append(_text(_without_clauses(agent)))
    return found


def description_before(phrase: list[Token], titles: frozenset) -> str:
    """ '"...," Save the Valley spokeswoman Ada Roe told us', "-Tern Buses finance director Dana
    Roos": where the parser kept only part of the speaker's description (it took a capitalised
    word of a name for a verb, or cut a signature short), the words before the phrase up to the
    last punctuation, joined to it. Only when the word before the phrase is a title or the words
    follow a quotation directly; otherwise empty."""
    if not phrase:
        return ""
    doc, first = phrase[0].doc, phrase[0].i
    k, sentence_start = first, phrase[0].sent.start
    while k > sentence_start and not doc[k - 1].is_punct and first - k < 8:
        if doc[k - 1].pos_ in ("VERB", "AUX") and not doc[k - 1].text[:1].isupper():
            return ""
        k -= 1
    if k == first:
        return ""
    closing = doc[k - 1] if k > 0 else None
    after_quote = closing is not None and (closing.is_quote or (closing.text == "," and k >= 2 and doc[k - 2].is_quote))
    if not after_quote and doc[first - 1].lower_ not in titles:
        return ""
    return doc[k : phrase[-1].i + 1].text


def party_in(description: str) -> str | None:
    """The US party a description names: a party tag after the name or a party word."""
    tag = _PARTY_TAG.search(description)
    if tag:
        return "democrat" if tag.group(1) == "D" else "republican"
    words = set(cue_words(description).split())
    return next((party for party, family in PARTIES.items() if words & family), None)


def parties_of(sides) -> dict[str, str]:
    """Which side each party stands for, read off the cue words ("Democrats", "GOP"); a party
    whose words mark two sides, or none, stands for no side."""
    found: dict[str, set[str]] = {}
    for side in sides:
        for cue in side.cues:
            words = set(cue_words(cue).split())
            for party, family in PARTIES.items():
                if words & family:
                    found.setdefault(party, set()).add(side.name)
    return {party: next(iter(names)) for party, names in found.items() if len(names) == 1}


def names_own_organisation(phrase: list[Token], org_nouns: frozenset) -> bool:
    """ "City transport committee chair Neil Abara": the title names the body it belongs to, so
    the speaker does not speak for whichever organisation was quoted last."""
    return any(
        t.ent_type_ != "PERSON" and (t.lemma_.lower() in org_nouns or t.ent_type_ in ("ORG", "GPE", "NORP"))
        for t in phrase
    )


def qualified_otherwise(subject: Token, cue: str, topic: dict[str, int]) -> bool:
    """ "the rail operator" in a story about a bus strike whose side is called "operator": a
    common-noun cue qualified by a word the article does not otherwise use names another one of
    its kind. A qualifier the story keeps coming back to ("the bus operator") does not."""
    if cue != subject.lower_ and cue != subject.lemma_.lower():
        return False
    return any(
        c.dep_ == "compound" and c.pos_ == "NOUN" and topic.get(c.lemma_.lower(), 0) < 2
        for c in subject.children
    )
