"""Who says what inside one sentence, read off spaCy's dependency parse.

A speech event is a reporting verb ("said", "told", "accused", "denied", ...) with the phrase that
says who speaks (its subject, or the subject it shares with the verb it hangs from) and the span
of what is said: the clause it reports ("said that X"), the verb phrase itself when the act is
the claim ("accused Y of Z"), or the clause the verb interrupts ("X, officials said, Y").
"according to X" is an event too, with the rest of the sentence as what is said.
"""
from dataclasses import dataclass

from spacy.tokens import Span, Token

SPEECH_VERBS = frozenset(
    """say tell add state claim announce report warn accuse deny insist write post confirm allege argue
    declare assert maintain acknowledge admit reject dispute estimate note explain stress reiterate testify
    tweet counter respond reply blame predict concede contend complain caution charge""".split()
)
# Verbs whose content is the act itself, not a reported clause: "accused X of Y", "denied Y".
ACT_VERBS = frozenset("accuse deny reject dispute blame confirm report announce declare admit acknowledge charge".split())
SUBJECTS = ("nsubj",)
CLAUSES = ("ccomp",)


@dataclass
class SpeechEvent:
    verb: Token
    subject: Token | None  # head token of the speaker phrase
    start: int  # character span of what is said (may be empty: start == end)
    end: int
    kind: str  # reported_speech | according_to

    @property
    def has_content(self) -> bool:
        return self.end > self.start


def is_speech_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in SPEECH_VERBS


def subject_of(verb: Token, quotes=()) -> Token | None:
    """The verb's subject, or the subject of the verb it is coordinated with or hangs from.

    Words inside a quotation never speak for it: in '"... only people buying bread," said the
    mayor' the parser may offer "people" as a second subject.
    """
    repaired = _subject_lost_to_relative_clause(verb)
    if repaired is not None:
        return repaired
    seen = 0
    while verb is not None and seen < 4:
        children = [c for c in verb.children if not any(s <= c.idx < e for s, e in quotes)]
        if any(c.dep_ == "nsubjpass" for c in children):
            return None  # "it was reported that ...": nobody named
        subjects = [c for c in children if c.dep_ in SUBJECTS]
        if subjects:
            return min(subjects, key=lambda c: abs(c.i - verb.i))
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
            seen += 1
            continue
        return None
    return None


def _subject_lost_to_relative_clause(verb: Token) -> Token | None:
    """ "The laboratory that analysed the sample said ...": the parser may read "the sample said"
    as a clause inside the relative clause and leave "laboratory" as a verbless root."""
    clause = verb.head
    if verb.dep_ == "ccomp" and clause.dep_ == "relcl" and clause.head.dep_ == "ROOT" and clause.head.pos_ in ("NOUN", "PROPN"):
        return clause.head
    return None


def _content_tokens(tokens) -> int:
    return sum(1 for t in tokens if t.pos_ in ("NOUN", "PROPN", "NUM", "VERB", "ADJ", "PRON") and not t.is_space)


def _span_of(tokens) -> tuple[int, int]:
    tokens = [t for t in tokens if not t.is_space]
    if not tokens:
        return 0, 0
    first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _clause_content(verb: Token, sentence: Span) -> tuple[int, int] | None:
    clauses = [child for child in verb.children if child.dep_ in CLAUSES]
    if not clauses:
        return None
    if all(c.i < verb.i for c in clauses):
        # "X hit the market, officials said, killing 14": the participle after the attribution
        # still belongs to what was said.
        clauses += [c for c in verb.rights if c.dep_ == "advcl" and c.tag_ == "VBG" and not is_speech_verb(c)]
    tokens = [t for clause in clauses for t in clause.subtree if t.i >= sentence.start and t.i < sentence.end]
    tokens = [t for t in tokens if not (t.dep_ == "mark" and t.lower_ == "that" and t.head in clauses)]
    # "it had won 54 percent, while the alliance accused it of ...": another speaker's clause
    # inside this one is theirs, not this speaker's.
    for other in [t for t in tokens if t.i != verb.i and is_speech_verb(t) and any(c.dep_ == "nsubj" for c in t.children)]:
        if other.dep_ in ("advcl", "conj"):
            cut = {t.i for t in other.subtree}
            cut.update(c.i for c in other.head.children if c.dep_ in ("cc", "punct") and c.i > other.head.i and c.i < other.left_edge.i)
            tokens = [t for t in tokens if t.i not in cut]
    if _content_tokens(tokens) < 2:
        return None
    return _span_of(tokens)


def _interrupted_clause(verb: Token, sentence: Span) -> tuple[int, int] | None:
    """ "X hit the market, officials said, killing 14": the attribution sits inside the claim."""
    head = verb.head
    if verb.dep_ not in ("parataxis", "ccomp", "advcl", "conj") or head.i == verb.i:
        return None
    if head.pos_ not in ("VERB", "AUX") or head.i > verb.i or is_speech_verb(head):
        return None
    tokens = [t for t in head.subtree if sentence.start <= t.i < sentence.end]
    own = {t.i for t in verb.subtree}
    if _content_tokens([t for t in tokens if t.i not in own]) < 3:
        return None
    return _span_of(tokens)


def _act_content(verb: Token, sentence: Span) -> tuple[int, int] | None:
    """ "accused its rival of leaking the results": the reporting act is itself the claim."""
    if verb.lemma_.lower() not in ACT_VERBS:
        return None
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None  # "no deaths have been reported": the sentence is the writer's own
    stop = sentence.end
    for child in verb.rights:
        if child.dep_ in ("conj", "advcl") and is_speech_verb(child):
            stop = min(stop, child.left_edge.i)
            break
    aux = [c for c in verb.lefts if c.dep_ in ("aux", "neg")]
    first = aux[0].i if aux else verb.i
    tokens = [t for t in verb.doc[first : min(verb.right_edge.i + 1, stop)] if t.dep_ != "cc"]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()
    if _content_tokens(tokens[1:]) < 2:
        return None
    return _span_of(tokens)


def speech_events(sentence: Span, quotes=()) -> list[SpeechEvent]:
    events = []
    for token in sentence:
        if is_speech_verb(token):
            span = _clause_content(token, sentence) or _act_content(token, sentence) or _interrupted_clause(token, sentence)
            start, end = span if span else (token.idx, token.idx)
            events.append(SpeechEvent(token, subject_of(token, quotes), start, end, "reported_speech"))
        elif token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
            event = _according_to(token, sentence)
            if event:
                events.append(event)
    return events


def _according_to(token: Token, sentence: Span) -> SpeechEvent | None:
    to = next(c for c in token.children if c.lower_ == "to")
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    phrase = set(token.subtree)
    rest = [t for t in sentence if t not in phrase and not t.is_space]
    while rest and rest[0].is_punct:
        rest.pop(0)
    while rest and rest[-1].is_punct:
        rest.pop()
    if _content_tokens(rest) < 3:
        return None
    # The phrase sits at one end of the sentence; the claim is the stretch on the other side.
    if token.i <= rest[0].i:
        start, end = _span_of([t for t in rest if t.i > token.right_edge.i])
    else:
        start, end = _span_of([t for t in rest if t.i < token.left_edge.i])
    return SpeechEvent(token, source, start, end, "according_to")
