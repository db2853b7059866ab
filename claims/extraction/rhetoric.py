"""How a speaker argues rather than states: slogans, dares, rebukes to "you", sweeping charges, the other side's
motives read from outside, an action judged, a boast about what is going to happen. Each is a way news quotes
people arguing; none gives a fact-checker anything to check. checkworthiness asks these after its own tests.
"""
from spacy.tokens import Token

# Named things that make a sentence checkable however it is argued
PLACES_AND_PEOPLE = frozenset("GPE ORG PERSON LOC FAC NORP EVENT LAW PRODUCT WORK_OF_ART".split())
# "wants you to think ..."
THINKING = frozenset("think believe imagine forget assume".split())
# "is more worried about X than Y"
CARING = frozenset("worried concerned interested bothered focused keen".split())
# "They always ...", "He blames the unions every time": a habit pinned on someone
SWEEPING = frozenset("always everywhere constantly forever".split())
# "hard to ... and not feel ...", "impossible to overstate ..."
IMPRESSIONS = frozenset("feel believe imagine overstate ignore understand escape see think".split())


def going_to(root: Token) -> bool:
    """ "We're going to win this race": "going to" before a verb speaks of the future as "will" does."""
    return (
        root.lower_ == "going" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in root.children)
        and any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in root.children)
    )


def judges_a_course_of_action(words: list[Token], root: Token) -> bool:
    """ "Blaming the weather is convenient", "Closing the depot would be a mistake": an action (a gerund as the
    subject) judged with an adjective or a noun. What the rule says about it ("Parking here is illegal under the
    2019 bylaw") names a law or a date, and stays."""
    if root.lemma_.lower() != "be":
        return False
    action = [c for c in root.children if c.dep_ == "csubj" or c.dep_ == "nsubj" and c.tag_ == "VBG"]
    if not action or not any(c.dep_ in ("acomp", "attr") for c in root.children):
        return False
    return not any(t.ent_type_ in PLACES_AND_PEOPLE or t.ent_type_ == "DATE" for t in words)


def would_have_you_believe(root: Token) -> bool:
    """ "The defence wants you to think the memo was a formality": an argument about the other side's argument."""
    if root.lemma_.lower() not in ("want", "like", "have"):
        return False
    return any(
        c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in THINKING
        and any(s.lower_ == "you" for s in c.children if s.dep_ in ("nsubj", "dobj"))
        for c in root.children
    ) or any(c.dep_ == "dobj" and c.lower_ == "you" for c in root.children) and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in THINKING for c in root.children
    )


def sweeping(words: list[Token], root: Token) -> bool:
    """ "They make the same promises everywhere", "He always blames the unions": a habit pinned on "they" or "he"
    with no time, place or figure is a charge, not a fact."""
    if root.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in root.children):
        return False
    if not any(c.dep_ == "nsubj" and c.tag_ == "PRP" for c in root.children):
        return False
    if not any(t.lower_ in SWEEPING for t in words):
        return False
    return not any(t.ent_type_ in PLACES_AND_PEOPLE or t.ent_type_ in ("DATE", "TIME") for t in words)


def hard_not_to_feel(root: Token) -> bool:
    """ "It is hard to walk through the town and not feel that something was lost", "It is impossible to overstate
    the damage": how a thing strikes the writer, told as what anyone would feel."""
    if root.lemma_.lower() != "be" or not any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in root.children):
        return False
    judged = [c for c in root.children if c.dep_ == "acomp" and c.pos_ == "ADJ"]
    clauses = [x for a in judged for x in a.children if x.dep_ in ("xcomp", "ccomp")]
    clauses += [c for c in root.children if c.dep_ in ("xcomp", "ccomp")]
    return bool(judged) and any(t.lemma_.lower() in IMPRESSIONS for c in clauses for t in c.subtree if t.pos_ == "VERB")


def tautology(root: Token) -> bool:
    """ "Enough is enough", "Rules are rules", "A deal is a deal": the thing said to be itself, a slogan."""
    if root.lemma_.lower() != "be":
        return False
    subjects = {c.lemma_.lower() for c in root.children if c.dep_ == "nsubj"}
    return any(c.dep_ in ("attr", "acomp") and c.lemma_.lower() in subjects for c in root.children)


def said_to_you(words: list[Token], root: Token) -> bool:
    """ "You stop noticing the smell after a while", "You're mixing up two different surveys": "you" in the present
    is anyone at all (a saying) or the listener told off (a rebuke). "You received a bonus last year" tells what
    happened, and a figure or a name makes it checkable."""
    if not any(c.dep_ == "nsubj" and c.lower_ == "you" for c in root.children):
        return False
    present = root.tag_ == "VBP" or root.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("are", "'re", "re") for c in root.children)
    return present and not any(t.ent_type_ in PLACES_AND_PEOPLE or t.ent_type_ in ("DATE", "TIME") for t in words)


def is_welcome_to(root: Token) -> bool:
    """ "The minister is welcome to show us the figures": a dare put to someone, not a fact."""
    return root.lemma_.lower() == "be" and any(
        c.dep_ == "acomp" and c.lower_ == "welcome" and any(x.dep_ == "xcomp" for x in c.children) for c in root.children
    )


def what_we_are_saying(root: Token) -> bool:
    """ "We are saying think hard about where you build": what the speaker says, given as an order, is advice."""
    if root.lemma_.lower() not in ("say", "tell") or not any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in root.children):
        return False
    return any(
        c.dep_ in ("ccomp", "xcomp", "dobj") and c.tag_ == "VB" and not any(g.dep_ in ("nsubj", "aux", "mark") for g in c.children)
        for c in root.children
    )


def reads_minds(verb: Token) -> bool:
    """ "... and she knows it", "The minister is more worried about tourists than about patients": what another
    person secretly knows or cares about more is a charge no record can settle."""
    third_person = any(c.dep_ == "nsubj" and c.lower_ not in ("i", "we", "you") for c in verb.children)
    if not third_person or verb.tag_ not in ("VBZ", "VBP"):
        return False
    if verb.lemma_.lower() == "know" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children):
        return True
    return verb.lemma_.lower() == "be" and any(
        c.dep_ == "acomp" and c.lemma_.lower() in CARING and any(a.lower_ == "more" for a in c.children)
        and any(t.lower_ == "than" for t in c.subtree)
        for c in verb.children
    )
