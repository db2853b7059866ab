"""Is this span worth a fact-checker's time?

Some text is never a claim: photo captions and credits, bylines and editing credits, questions,
calls to action ("Donate ...", "Please follow ...", "Parents should ..."), and newsroom process
("did not immediately respond", "could not be independently verified"). Pure opinion and
promises ("we will not accept ...", "our neighbours have been very generous") are not checkable.
Everything else gets a score in [0, 1] that rises with what can be checked: numbers, named
people and places, dates, concrete events.
"""
import re

from spacy.tokens import Token

CAPTION = re.compile(
    r"(\b(?:photo|photograph|picture|image|credit|video)s?\s*(?:by)?\s*:)"
    r"|(/\s*(?:getty images|reuters|afp|ap|epa|shutterstock|anadolu)\b)"
    r"|(\((?:photo|credit|pictured)[^)]*\))",
    re.IGNORECASE,
)
CREDIT = re.compile(
    r"^(?:additional\s+)?(?:reporting|writing|editing|compiled|produced|translated)\s+by\b"
    r"|;\s*(?:writing|editing)\s+by\b|^by\s+[A-Z][a-z]+\s+[A-Z][a-z]+$",
    re.IGNORECASE,
)
PROCESS = re.compile(
    r"\bdid not (?:immediately )?(?:respond|reply|return|provide|answer|comment)"
    r"|\bdeclined to (?:comment|respond|elaborate)"
    r"|\b(?:could|can) not be (?:independently )?(?:verified|confirmed)"
    r"|\bcannot be (?:independently )?(?:verified|confirmed)"
    r"|\bnot (?:immediately )?(?:available|reachable) for comment"
    r"|\brequest for comment",
    re.IGNORECASE,
)
EVALUATIVE = frozenset(
    """good bad great terrible excellent clear honest generous fair unfair wonderful awful proud grateful
    shameful disgraceful outrageous brave heroic cowardly historic tremendous fantastic amazing incredible
    strong weak beautiful horrible disgusting remarkable impressive disappointing unacceptable ridiculous
    absurd best worst happy sad""".split()
)
LIGHT_VERBS = frozenset("be have give seem remain look feel become get".split())
MODAL_INTENT = frozenset("will would shall 'll wo".split())
MODAL_ADVICE = frozenset("should must ought".split())
HEDGES = frozenset("may might could possibly perhaps reportedly allegedly".split())
EVENT_VERBS = frozenset(
    """kill die injure wound attack strike hit shell bomb capture seize take control liberate destroy damage
    launch fire shoot down recall ban test win lose vote count evacuate flood rise fall raise cut close open
    arrest charge sentence infect vaccinate hack breach leak pay offer strike walk halt stop order approve""".split()
)


def is_caption(paragraph: str) -> bool:
    return bool(CAPTION.search(paragraph))


def is_credit(paragraph: str) -> bool:
    return bool(CREDIT.search(paragraph.strip()))


def is_heading(paragraph: str, next_paragraph: str | None) -> bool:
    """A short line with no closing punctuation: a headline, or a caption's title line."""
    stripped = paragraph.strip().strip('"')
    if not stripped or stripped[-1] in ".!?:;,\"'":
        return False
    return len(stripped.split()) <= 12 or bool(next_paragraph and is_caption(next_paragraph))


def _root(tokens: list[Token]) -> Token | None:
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head.i == token.i:
            if token.pos_ in ("VERB", "AUX"):
                return token
    verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX")]
    return verbs[0] if verbs else None


# Verbs that open a call to action; the tagger sometimes reads them as nouns at a sentence start.
ACTION_VERBS = frozenset(
    "donate join follow subscribe sign share click read watch visit contact help support call email download register".split()
)


def _is_imperative(tokens: list[Token]) -> bool:
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words:
        return False
    if words[0].lower_ in ("please", "kindly") or (words[0].lower_ in ACTION_VERBS and words[0].text[0].isupper()):
        return True
    root = _root(words)
    if root is None or root.tag_ != "VB":
        return False
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children)
    has_aux = any(c.dep_ in ("aux", "auxpass") for c in root.children)
    before = [t for t in words if t.i < root.i]
    # Only adverbs, interjections or discourse words ("Therefore,") may stand before the verb.
    return not has_subject and not has_aux and all(t.pos_ in ("ADV", "INTJ", "CCONJ") for t in before)


def _speaks_for_itself(root: Token) -> bool:
    """ "We will not accept ...", "his government would support ...": a commitment, not a fact."""
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in ("i", "we", "he", "she", "they"):
                return True
            return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in child.children)
    return False


def judge(tokens: list[Token], text: str, *, has_speaker: bool) -> tuple[bool, float, str]:
    """(check_worthy, score, reason when not check-worthy)."""
    stripped = text.strip().strip('"').strip()
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if len(words) < 3:
        return False, 0.1, "too short"
    if stripped.endswith("?"):
        return False, 0.05, "question"
    if PROCESS.search(text):
        return False, 0.05, "newsroom process"
    if _is_imperative(tokens):
        return False, 0.05, "call to action"
    root = _root(words)
    if root is None:
        return False, 0.1, "no verb: a fragment"
    aux = {c.lower_ for c in root.children if c.dep_ in ("aux", "auxpass")} if root is not None else set()
    numbers = any(t.like_num or t.pos_ == "NUM" for t in words)
    if aux & MODAL_ADVICE:
        return False, 0.1, "advice"
    if aux & MODAL_INTENT and not numbers and _speaks_for_itself(root):
        return False, 0.15, "promise or intention"
    evaluative = any(t.lemma_.lower() in EVALUATIVE for t in words if t.pos_ == "ADJ")
    named = any(t.ent_type_ in ("GPE", "ORG", "PERSON", "LOC", "FAC", "DATE", "TIME") for t in words)
    if evaluative and root is not None and root.lemma_.lower() in LIGHT_VERBS and not numbers and not named:
        return False, 0.15, "opinion"
    score = 0.45
    score += 0.2 if numbers else 0.0
    score += 0.1 if named else 0.0
    score += 0.1 if any(t.lemma_.lower() in EVENT_VERBS for t in words) else 0.0
    score += 0.05 if has_speaker else 0.0
    score -= 0.15 if any(t.lower_ in HEDGES for t in words) else 0.0
    return True, round(min(max(score, 0.0), 1.0), 3), ""
