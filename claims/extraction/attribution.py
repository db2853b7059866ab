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
    tweet counter respond reply blame predict concede contend complain caution charge lament proclaim""".split()
)
# Verbs through which documents speak ("a poll released Tuesday found that ...", "records show
# he gave ...", "the log records that ...", "the report lists staffing as a factor"): a reported
# clause only, never the act itself ("showed no sign of ...").
FINDING_VERBS = frozenset("find show reveal suggest indicate conclude record list recommend".split())
# What can find or show something: "His popularity shows how ..." is the writer's own reasoning.
EVIDENCE = frozenset(
    """poll survey study report analysis data figure record document email memo census statistic research
    finding result estimate investigation audit review filing paper count tally polling footage video photo
    image post datum disclosure inquiry probe examination summary transcript projection outcome""".split()
)
RESEARCHERS = frozenset("researcher investigator scientist analyst economist author auditor pollster".split())
RELATIVE = frozenset("who that which whom".split())
# Nouns a speaker speaks through: "issued a statement saying ...".
UTTERANCES = frozenset("statement letter message post tweet note release email memo video".split())
# Verbs that say the opposite of their clause: what is denied is not the speaker's account.
DENIALS = frozenset("deny reject dispute refute rebut dismiss".split())
# Verbs whose content is the act itself, not a reported clause: "accused X of Y", "denied Y".
ACT_VERBS = frozenset("accuse deny reject dispute blame confirm report announce declare admit acknowledge charge".split())
# Verbs whose object is the person spoken to: "told reporters", "warned voters".
LISTENER_VERBS = frozenset("tell warn accuse blame charge caution remind assure inform".split())
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
    lemma = token.lemma_.lower()
    if lemma == "add" and any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "NUM") for c in token.children):
        return False  # "the budget adds 24 police posts", "the state added 8,000 jobs": a deed
    return token.pos_ in ("VERB", "AUX") and (lemma in SPEECH_VERBS or lemma in FINDING_VERBS)


def _finds_out(verb: Token, subject: Token | None) -> bool:
    """A poll, a study or records report a finding; what anyone named "found" or "revealed" is
    theirs too ("the inquiry found that", "the Gazette revealed that"), while what a thing
    "shows" ("his popularity shows") is the writer's reasoning."""
    if subject is None:
        return False
    noun = subject.lemma_.lower()
    if noun in EVIDENCE:
        return True
    return verb.lemma_.lower() in ("find", "reveal") and (
        noun in RESEARCHERS or subject.ent_type_ in ("PERSON", "ORG") or subject.pos_ in ("NOUN", "PROPN")
    )


def subject_of(verb: Token, quotes=()) -> Token | None:
    """The verb's subject, or the subject of the verb it is coordinated with or hangs from.

    Words inside a quotation never speak for it: in '"... only people buying bread," said the
    mayor' the parser may offer "people" as a second subject.
    """
    repaired = _subject_lost_to_relative_clause(verb)
    if repaired is not None:
        return repaired
    resumed = _reporting_verb_resumed(verb)
    if resumed is not None and is_speech_verb(verb):
        return subject_of(resumed, quotes)  # "said X, adding that Y": the one who said X adds Y
    outside = lambda token: not any(s <= token.idx < e for s, e in quotes)
    first = verb
    seen = 0
    while verb is not None and seen < 4:
        children = [c for c in verb.children if outside(c)]
        if verb.i == first.i and any(c.dep_ in ("nsubjpass", "auxpass") for c in children):
            # "it was reported that ...": nobody named; "had been told by the club": the club
            agents = [p for c in children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            return agents[0] if agents else None
        # "Lind was forced into a retreat and said ...": the shared subject, passive or not
        subjects = [c for c in children if c.dep_ in SUBJECTS or (verb.i != first.i and c.dep_ == "nsubjpass")]
        if subjects:
            subject = min(subjects, key=lambda c: abs(c.i - verb.i))
            # "said Ada Kiely": the parser may make each word of the name a subject; the name ends at the last
            while subject.pos_ == "PROPN" and any(c.i == subject.i + 1 and c.pos_ == "PROPN" for c in subjects):
                subject = subject.doc[subject.i + 1]
            return _antecedent(subject)
        surname = _surname_taken_for_adverb(verb) if verb.i == first.i else None
        if surname is not None:
            return surname
        # '"...," said Skelly, explaining he ...': the one who said it explains
        inverted = _inverted_subject(verb) if verb.i == first.i or is_speech_verb(verb) else None
        if inverted is not None:
            return inverted
        head = verb.head
        if head.i == verb.i:
            break
        controller = _object_of_control(verb) if verb.i == first.i else None
        if controller is not None:
            return controller  # ("ordered the firm to recall it, saying ...": the one who ordered says it)
        if verb.dep_ in ("conj", "advcl", "xcomp", "acomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
            verb = head  # "were more likely to say", "flipped his choice - saying"
        elif verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            verb = head.head  # "landed in trouble by saying", "after saying ..., the man ended up"
        elif verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
            # "issued a statement saying": whoever issued it; "911 calls saying": the calls
            if head.lemma_.lower() in UTTERANCES and head.dep_ in ("dobj", "pobj"):
                owner = head.head if head.dep_ == "dobj" else head.head.head
                verb = owner
            elif head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.pos_ in ("VERB", "AUX", "NOUN"):
                # "made a pitch to voters saying", "sent a letter to the board saying": the ones
                # addressed are not the ones saying it
                verb = head.head.head
                if verb.pos_ == "NOUN":
                    if verb.dep_ != "dobj":
                        return None
                    verb = verb.head
            elif _free_participle(verb) and head.lemma_.lower() not in EVIDENCE and _governor(head) is not None:
                # "rejected the notion that ..., saying ...": after a comma the participle is the
                # subject's, however the parser hung it on the object
                verb = _governor(head)
            else:
                return head
        elif verb.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN"):
            return head
        elif _main_verb_read_as_participle(verb):
            return head
        else:
            break
        seen += 1
    return (_inverted_subject(first) or _misattached_subject(first)) if first.dep_ == "ROOT" else None


def _free_participle(verb: Token) -> bool:
    return verb.left_edge.i > 0 and verb.doc[verb.left_edge.i - 1].text == ","


def _governor(noun: Token) -> Token | None:
    """The verb whose object the noun is, directly or through a preposition."""
    head = noun.head if noun.dep_ == "dobj" else noun.head.head if noun.dep_ == "pobj" else None
    return head if head is not None and head.pos_ == "VERB" else None


def _object_of_control(verb: Token) -> Token | None:
    """ "The win led Ortez to declare the strike over", "prompted Brask to accuse the mayor": the
    one led or prompted to speak is the speaker, not whatever led them."""
    if verb.dep_ != "xcomp" or verb.head.pos_ != "VERB":
        return None
    objects = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
    return objects[0] if objects else None


def _main_verb_read_as_participle(verb: Token) -> bool:
    """ "A Holm poll found last week that ...": the parser may read "found" as a participle
    describing the poll and leave the sentence without a main verb. A participle that reports a
    that-clause, or follows a quotation, hanging on a noun that stands for the whole sentence, is
    that noun speaking."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN"):
        return False
    start = min([head.i] + [c.i for c in head.children if c.dep_ == "compound" and c.i < head.i])
    before = verb.doc[start - 1] if start > 0 else None
    # '"...," Nate Sill, the polling guru, tweeted on Wednesday.': the name after a quotation
    after_quote = before is not None and (before.is_quote or (before.text == "," and before.i > 0 and verb.doc[before.i - 1].is_quote))
    return after_quote or any(c.dep_ in CLAUSES and c.i > verb.i for c in verb.children)


def _inverted_subject(verb: Token) -> Token | None:
    """ '"...," said Dan Brock, a confidant who heads the group Fair Path.': after a quotation the
    speaker follows the verb, and the parser may hang that name on a later word. The speaker is
    the noun phrase right after the verb."""
    doc = verb.doc
    if verb.i == 0 or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    head, end = None, verb.sent.end
    for token in doc[verb.i + 1 : verb.sent.end]:
        if token.pos_ in ("PROPN", "NOUN") or _name_read_as_modifier(token, verb):
            head = token
        elif token.pos_ not in ("DET", "ADJ", "PART") or token.is_punct:
            end = token.i
            break
    if doc[verb.i - 1].is_quote:
        return head
    # "X won the vote, reports the Harbor Gazette.": after a comma only a name that ends the sentence
    closes = end >= verb.sent.end or (doc[end].is_punct and doc[end].text not in (",", "-", "--", "("))
    return head if doc[verb.i - 1].text == "," and closes else None


def _name_read_as_modifier(token: Token, verb: Token) -> bool:
    """ '"...," said Skelly.': a surname the tagger does not know may come out as an adverb; a
    capitalised word right after the verb of a quotation is the speaker's name."""
    return token.i == verb.i + 1 and verb.doc[verb.i - 1].is_quote and token.is_title and token.pos_ in ("ADV", "ADJ", "INTJ", "X")


def _subject_lost_to_relative_clause(verb: Token) -> Token | None:
    """ "The laboratory that analysed the sample said ...": the parser may read "the sample said"
    as a clause inside the relative clause and leave "laboratory" as a verbless root, or the verb
    after the clause as a participle on its last noun."""
    clause = verb.head
    if verb.dep_ == "ccomp" and clause.dep_ == "relcl" and clause.head.dep_ == "ROOT" and clause.head.pos_ in ("NOUN", "PROPN"):
        return clause.head
    # "Ivo Novak, who was booked for the challenge, posted on Instagram: ...": the verb after the
    # clause's closing comma taken for a participle on the clause's last noun
    if verb.dep_ == "acl" and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
        for clause in verb.head.ancestors:
            if clause.dep_ == "relcl" and clause.head.dep_ == "ROOT" and clause.head.pos_ in ("NOUN", "PROPN"):
                return clause.head
    return None


def _surname_taken_for_adverb(verb: Token) -> Token | None:
    """ "Kiely said two nurses had resigned": a capitalised surname ending in -ly right before a verb
    that has no subject, read by the parser as an adverb ("Separately said" is no English)."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is None or before.dep_ != "advmod" or before.head.i != verb.i or not before.text.istitle():
        return None
    if before.i > verb.sent.start and not before.doc[before.i - 1].is_punct:
        return None  # "the minister Kelly said" has its subject; only a name that opens the clause
    return before


def _antecedent(subject: Token) -> Token:
    """ "Sen. Paul Ortez, who told reporters ...": the person the relative pronoun stands for."""
    if subject.lower_ in RELATIVE and subject.head.dep_ == "relcl" and subject.head.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return subject.head.head
    return subject


def subject_after_dateline(verb: Token) -> Token | None:
    """ "HOLM — Four days after the flood, ..., aid groups said": the parser may take the dateline
    for the subject of the whole sentence; the speaker is the phrase right before the verb."""
    return _misattached_subject(verb)


def _misattached_subject(verb: Token) -> Token | None:
    """ "Tuesday in Boston, while on the trail for his wife, former senator Ada Roe said ...": after
    a fronted phrase the parser may hang the speaker on that phrase and leave the verb without a
    subject. The speaker is the noun phrase that ends right before the verb; a description in
    apposition ("Ada Roe, the party's treasurer, said") stands for the name it follows."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].text == ",":
        i -= 1
    relative = _speaker_of_relative_clause(verb)
    if relative is not None:
        return relative
    if i >= 0 and doc[i].pos_ == "NUM" and doc[i].head.i == verb.i:
        return doc[i]  # "About 4 in 10 say ...": the share of those asked, hung on the verb
    if i < 0 or doc[i].pos_ not in ("NOUN", "PROPN") or doc[i].dep_ not in ("appos", "conj", "pobj", "npadvmod", "dobj"):
        return None
    token = doc[i]
    while token.pos_ == "PROPN" and token.dep_ == "compound" and token.head.i > token.i:
        token = token.head
    if token.dep_ == "appos" and token.pos_ == "NOUN" and token.head.pos_ == "PROPN":
        token = token.head
    return token


def _speaker_of_relative_clause(verb: Token) -> Token | None:
    """ "Ortez, meanwhile, who sits on the committee, said ...": the parser may take the relative
    clause for a reported one; the speaker is the name before "who"."""
    clause = _left_relative_clause(verb)
    if clause is None:
        return None
    who = next(_relative_pronoun(c) for c in clause.children if _relative_pronoun(c) is not None)
    before = [t for t in verb.doc[verb.sent.start : who.i] if t.pos_ in ("NOUN", "PROPN")]
    return before[-1] if before else None


def _relative_pronoun(subject: Token) -> Token | None:
    """The "who" or "which" a clause's subject is, or the "whose" it opens with ("whose own office
    collapsed")."""
    if subject.dep_ != "nsubj":
        return None
    if subject.lower_ in ("who", "which"):
        return subject
    return subject.left_edge if subject.left_edge.lower_ == "whose" else None


def _left_relative_clause(verb: Token) -> Token | None:
    for child in verb.lefts:
        if child.dep_ in CLAUSES and any(_relative_pronoun(c) is not None for c in child.children):
            return child
    return None


def _content_tokens(tokens) -> int:
    return sum(1 for t in tokens if t.pos_ in ("NOUN", "PROPN", "NUM", "VERB", "ADJ", "PRON") and not t.is_space)


def _span_of(tokens) -> tuple[int, int]:
    tokens = [t for t in tokens if not t.is_space]
    if not tokens:
        return 0, 0
    first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _clause_content(verb: Token, sentence: Span, subject: Token | None = None) -> tuple[int, int] | None:
    aside = _left_relative_clause(verb)
    clauses = [
        child for child in verb.children
        if child.dep_ in CLAUSES and (aside is None or child.i != aside.i)
        and not (subject is not None and (subject.i == child.i or child in subject.ancestors))
        and not _another_attribution_before(child, verb, subject) and _closing_report(child) is None
    ]
    clauses = _without_fronted_clause(clauses, verb)
    if not clauses:
        clauses = _clause_after_utterance(verb) or _clause_read_as_object(verb) or _gerund_subject_clause(verb)
    if not clauses and verb.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP") and c.dep_ == "dobj" for c in verb.children):
        # "discount chains, which he said now account for 18 percent": what the chains do is said
        clauses = [c for c in verb.rights if c.dep_ == "xcomp"]
    if not clauses:
        return None
    quoted = any(t.is_quote for c in clauses for t in verb.doc[c.right_edge.i : verb.i])
    if all(c.i < verb.i for c in clauses) and not quoted:
        # "X hit the market, officials said, killing 14": the participle after the attribution
        # still belongs to what was said (unless a quotation closed before it: '"...," she
        # said, recalling her race' is what she did).
        clauses += [c for c in verb.rights if c.dep_ == "advcl" and c.tag_ == "VBG" and not is_speech_verb(c)]
    clauses += _subject_taken_for_object(verb, clauses)
    # "which she said would raise 13 million": a clause after the verb starts after it
    tokens = [
        t for clause in clauses for t in clause.subtree
        if sentence.start <= t.i < sentence.end and not (clause.i > verb.i > t.i)
    ]
    tokens = [t for t in tokens if not (t.dep_ == "mark" and t.lower_ == "that" and t.head in clauses)]
    while tokens and tokens[0].lower_ == "that" and tokens[0].tag_ == "IN":
        tokens.pop(0)  # the conjunction of a clause the parser hung elsewhere
    # "it had won 54 percent, while the alliance accused it of ...": another speaker's clause
    # inside this one is theirs, not this speaker's.
    for other in [
        t for t in tokens
        if t.i != verb.i and is_speech_verb(t) and any(c.dep_ == "nsubj" for c in t.children) and not _foretold_testimony(t)
    ]:
        if other.dep_ in ("advcl", "conj", "relcl"):
            cut = {t.i for t in other.subtree}
            cut.update(c.i for c in other.head.children if c.dep_ in ("cc", "punct") and c.i > other.head.i and c.i < other.left_edge.i)
            tokens = [t for t in tokens if t.i not in cut]
    for narrated in _narration_after(clauses, verb) + _speaker_resumes(tokens, verb):
        cut = {t.i for t in narrated.subtree} | {c.i for c in narrated.head.children if c.dep_ in ("cc", "punct") and c.i < narrated.left_edge.i and c.i > narrated.head.i}
        tokens = [t for t in tokens if t.i not in cut]
    tokens = _without_closing_gloss(tokens)
    if _content_tokens(tokens) < 2:
        return None
    return _span_of(tokens)


DASHES = ("-", "--", "\u2013", "\u2014")


def _without_closing_gloss(tokens: list[Token]) -> list[Token]:
    """ "Ortez said he would not run again - a decision he had hinted at for months": a noun phrase
    after a dash at the very end of the reported clause is the writer's gloss on it."""
    tokens = sorted(tokens, key=lambda t: t.i)
    dashes = [k for k, t in enumerate(tokens) if t.text in DASHES]
    if not dashes or dashes[-1] + 1 >= len(tokens):
        return tokens
    k = dashes[-1]
    gloss = tokens[k + 1 :]
    inside = {t.i for t in gloss}
    roots = [t for t in gloss if t.head.i not in inside or t.head.i == t.i]
    opens = gloss[0].pos_ == "DET" or gloss[0].lower_ in ("something", "one")
    if opens and roots and all(r.pos_ in ("NOUN", "PROPN", "PRON", "NUM") for r in roots if not r.is_punct):
        return tokens[:k]
    return tokens


def _without_fronted_clause(clauses: list[Token], verb: Token) -> list[Token]:
    """ "In a statement released after the senator quit, Cruz said he was certain ...": with a
    reported clause after the verb, a clause before the speaker is the writer's scene-setting the
    parser took for another reported clause (a quotation before the speaker is still said)."""
    # ("..., the group said, hours after the company said ...": a clause opened by "after" is no report)
    opened = lambda c: any(m.dep_ == "mark" and m.lower_ not in ("that", "whether", "if") for m in c.children)
    if not any(c.i > verb.i and not opened(c) for c in clauses):
        return clauses
    doc = verb.doc
    quoted = lambda c: any(t.is_quote for t in doc[c.right_edge.i : verb.i])
    return [c for c in clauses if c.i > verb.i or quoted(c)]


def _narration_after(clauses: list[Token], verb: Token) -> list[Token]:
    """ "Ortez said the real culprit is the board, and he attacked its chair for ...": a clause
    reported in the present, then a conjunct in the past about "he" or "she": the writer has gone
    back to telling what the speaker did."""
    found = []
    for clause in clauses:
        if clause.i < verb.i or clause.tag_ not in ("VBZ", "VBP") and not any(c.tag_ == "MD" for c in clause.children):
            continue
        for conj in clause.children:
            if conj.dep_ == "conj" and conj.tag_ == "VBD" and any(
                c.dep_ == "nsubj" and c.lower_ in ("he", "she", "they") for c in conj.children
            ):
                found.append(conj)
    return found


def _speaker_resumes(tokens, verb: Token) -> list[Token]:
    """The acts inside the reported clause that are the speaker's own next ones (see below)."""
    return [t for t in tokens if t.i != verb.i and _reporting_verb_resumed(t) == verb]


def _reporting_verb_resumed(token: Token) -> Token | None:
    """ "Ortez said he saw no need to change the plan, telling reporters that ...", "Roe said she
    admires his resolve and praised their shared goals": after the reported clause the writer goes
    back to what the speaker did, with no subject of its own. A participle of speech after a comma
    or dash, or a conjunct in the reporting verb's own tense where the clause has another
    ("said the plant opened and hired 300" keeps both in the clause). Returns the reporting verb."""
    if token.dep_ not in ("advcl", "conj") or token.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in token.children):
        return None
    clause = token.head
    while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
        clause = clause.head
    reporting = clause.head
    if clause.dep_ != "ccomp" or not is_speech_verb(reporting) or not reporting.i < clause.i < token.i:
        return None
    before = token.doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
    while before is not None and before.dep_ == "cc" and before.i > 0:
        before = token.doc[before.i - 1]
    after_a_break = before is not None and before.text in (",", "-", "--", "\u2013", "\u2014")
    if token.tag_ == "VBG" and after_a_break and is_speech_verb(token):
        return reporting
    own_tense = token.dep_ == "conj" and token.tag_ == reporting.tag_ in ("VBD", "VBZ") and token.head.tag_ != token.tag_
    # "would create jobs and cut bills": a past that reads like the bare verb shows no change of tense
    return reporting if own_tense and token.lower_ != token.lemma_.lower() else None


def _gerund_subject_clause(verb: Token) -> list[Token]:
    """ "said raising the toll would cut traffic": the parser may take the gerund that opens the
    reported clause for a complement of "said", and hang the clause on it. ("she said, recalling
    her race: ..." is what she did while saying it.)"""
    return [
        c for c in verb.rights
        if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.left_edge.i == verb.i + 1 and not c.left_edge.is_punct
        and any(g.dep_ in CLAUSES and g.i > c.i for g in c.children)
    ]


def _clause_read_as_object(verb: Token) -> list[Token]:
    """ "said the gap held after the team adjusted for income": the parser may read the reported
    clause as an object with a participle; an object of "said" that a verb describes is a clause."""
    if verb.lemma_.lower() in LISTENER_VERBS or verb.lemma_.lower() in ACT_VERBS:
        return []
    return [
        c for c in verb.rights
        if c.dep_ == "dobj" and any(
            a.dep_ in ("acl", "relcl") and a.tag_ in ("VBD", "VBN") and a.i > c.i
            and not any(w.tag_ in ("WDT", "WP") for w in a.children)  # "wrote the cap that made the bill pass"
            for a in c.children
        )
    ]


def _another_attribution_before(clause: Token, verb: Token, subject: Token | None) -> bool:
    """ "Marsh said he was injured; Danton said he was fit": the parser may hang the first
    attribution on the second verb, but what Marsh said is not Danton's. ("Marsh said he was
    injured, reports the Gazette" is the Gazette's report of it; "Trains added two carriages, the
    operator said" reports no clause before.)"""
    if subject is None or not clause.right_edge.i < subject.i < verb.i:
        return False
    if not any(c.dep_ in CLAUSES and c.i > verb.i for c in verb.children):
        return False  # "Marsh said he was injured, the Gazette reported.": the Gazette's report of it
    return (
        is_speech_verb(clause) and any(c.dep_ == "nsubj" for c in clause.children)
        and any(c.dep_ in CLAUSES for c in clause.children)
    )


def _subject_taken_for_object(verb: Token, clauses: list[Token]) -> list[Token]:
    """ "She said his appeal to rural voters (though ...) does not work": the parser may take the
    reported clause's subject for the object of "said" and leave the clause without one. Verbs
    that name a listener ("told reporters the plan works") keep their object."""
    if verb.lemma_.lower() in LISTENER_VERBS:
        return []
    found = []
    for clause in clauses:
        if clause.i < verb.i or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children):
            continue
        found += [c for c in verb.rights if c.dep_ == "dobj" and c.i < clause.left_edge.i]
    return found


def _clause_after_utterance(verb: Token) -> list[Token]:
    """ "said in a statement that X", "wrote in an email on Friday that X", "has told two clubs that
    X": the parser hangs the reported clause on the statement or the listener instead of the verb.
    Its "that" is a conjunction, not the relative pronoun of "clubs that want him"."""
    listeners = [c for c in verb.rights if c.dep_ in ("dobj", "dative")]
    nouns = listeners + [noun for prep in verb.rights if prep.dep_ == "prep" for noun in prep.children]
    # After the listener of "told", "that" opens what was told ("told two clubs that the striker
    # can leave"), even where it could open a relative clause.
    told = verb.lemma_.lower() in LISTENER_VERBS
    found = []
    for noun in nouns:
        found += [
            c for c in noun.children
            if c.dep_ in ("acl", "relcl") and c.i > noun.i and any(
                m.lower_ == "that" and m.dep_ != "nsubj"
                and (m.dep_ == "mark" or m.tag_ == "IN" or (told and noun in listeners))
                for m in c.children
            )
        ]
    return found


def _as_clause(verb: Token, sentence: Span) -> tuple[int, int] | None:
    """ "As the Harbour Gazette reported, the ferry ...": the attribution leads, the claim follows."""
    head = verb.head
    if verb.dep_ != "advcl" or head.i <= verb.i or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    own = {t.i for t in verb.subtree}
    tokens = [t for t in head.subtree if sentence.start <= t.i < sentence.end and t.i not in own]
    if _content_tokens(tokens) < 3:
        return None
    return _span_of(tokens)


def _interrupted_clause(verb: Token, sentence: Span) -> tuple[int, int] | None:
    """ "X hit the market, officials said, killing 14", "Perhaps, she said, the town has grown too
    fast": the attribution sits inside the claim, after its main verb or after a fronted word."""
    head = verb.head
    if verb.dep_ not in ("parataxis", "ccomp", "advcl", "conj") or head.i == verb.i:
        return None
    if head.pos_ not in ("VERB", "AUX") or is_speech_verb(head):
        return None
    if any(c.dep_ == "mark" for c in verb.children):
        return None  # "counting stopped after both candidates claimed victory": a subordinate event
    tokens = [t for t in head.subtree if sentence.start <= t.i < sentence.end]
    own = {t.i for t in verb.subtree}
    if head.i > verb.i and not any(t.i < verb.left_edge.i and not t.is_punct for t in tokens):
        return None  # "Officials said Monday, ...": the attribution leads, nothing is interrupted
    if _content_tokens([t for t in tokens if t.i not in own]) < 3:
        return None
    return _span_of(tokens)


def _object_content(verb: Token, sentence: Span) -> tuple[int, int] | None:
    """ "A poll shows the mayor leading by six points", "showed Roe with a lead over Ash, earning
    51 percent": what is shown, with all that the verb says of it, is the finding."""
    rights = list(verb.rights)
    if not any(child.dep_ in ("dobj", "attr", "oprd") for child in rights):
        return None
    tokens = [t for child in rights if not child.is_punct and child.dep_ != "cc" for t in child.subtree]
    tokens = [t for t in tokens if sentence.start <= t.i < sentence.end]
    if _content_tokens(tokens) < 3:
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in tokens):
        tokens.append(verb)  # "showed smoke over three depots": without its verb it says nothing
    return _span_of(tokens)


def _act_content(verb: Token, sentence: Span, main: bool = False) -> tuple[int, int] | None:
    """ "accused its rival of leaking the results", "tweeted her thanks to the president", "wrote an
    op-ed urging ...": the reporting act is itself the claim. ("added two carriages" is a deed.)"""
    lemma = verb.lemma_.lower()
    # Only a main verb: "after both candidates claimed victory, counting stopped" is narration.
    main = main or verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
    speaks_of_object = main and lemma not in LISTENER_VERBS and lemma != "add" and any(c.dep_ == "dobj" for c in verb.children)
    if lemma not in ACT_VERBS and not speaks_of_object:
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
        if is_speech_verb(token) and token.lemma_.lower() in FINDING_VERBS:
            reporter = _coordinated_report(token)
            if reporter is not None:
                clause = [t for t in token.subtree if not (t.dep_ in ("mark", "cc") and t.head.i == token.i)]
                events.append(SpeechEvent(token, subject_of(reporter, quotes), *_span_of(clause), "reported_speech"))
                continue
            subject = subject_of(token, quotes)
            span = None
            if _finds_out(token, subject) and not _foretold(token):
                # "X, the poll found.", "As the survey shows, X"
                span = _clause_content(token, sentence) or _as_clause(token, sentence)
                if span is None and token.dep_ != "conj":  # "interviewed voters and found a mood" is narration
                    span = _interrupted_clause(token, sentence)
            if span is None and subject is not None and subject.lemma_.lower() in EVIDENCE:
                span = _object_content(token, sentence)  # "Sanders found a receptive audience" is no finding
            if span and any(e.start <= token.idx < e.end for e in events):
                span = None  # "the office said the findings showed X": X is part of the office's claim
            opening = _first_token(sentence, span[0]) if span else None
            if opening is not None and opening.tag_ not in ("WRB", "WP", "WDT"):  # "shows how ..." is the writer's
                events.append(SpeechEvent(token, subject, *span, "reported_speech"))
        elif is_speech_verb(token):
            if _could_not(token):
                continue  # "the official had not been able to confirm that X": nobody says X
            if _foretold_testimony(token):
                continue
            subject = subject_of(token, quotes)
            span = _clause_content(token, sentence, subject)
            if span and token.lemma_.lower() in DENIALS:
                # "X denied that troops fired on the site": X's claim is the denial, never the
                # very account X denies.
                span = (_verb_phrase_start(token), span[1])
            resumed = _reporting_verb_resumed(token) is not None
            if span is None:
                span = _closing_report(token)
            if span is None and resumed:
                # "said X and denied targeting Y": the speaker's next act, whatever it is attached
                # to ("said X, conceding the race" tells what they did)
                span = _act_content(token, sentence, main=True) if token.lemma_.lower() in ACT_VERBS else None
            elif span is None and not _passive(token):  # "had been told by the club to stay away" says nothing
                span = _act_content(token, sentence) or _interrupted_clause(token, sentence) or _as_clause(token, sentence)
                if span and any(e.start <= token.idx < e.end for e in events if e.kind == "reported_speech"):
                    span = None  # "Marsh said he had reported an injury": the act is part of her claim
            if span is None:
                span = _one_word_answer(token)
            start, end = span if span else (token.idx, token.idx)
            events.append(SpeechEvent(token, subject, start, end, "reported_speech"))
        elif _is_estimate(token):
            subject = subject_of(token, quotes)
            if subject is not None and subject.lemma_.lower() in EVIDENCE:
                # the figure means nothing without the document that gives it
                start, end = _span_of([t for t in sentence if t.i >= subject.left_edge.i and not t.is_punct])
                events.append(SpeechEvent(token, subject, start, end, "reported_speech"))
            elif subject is not None and subject.head.i == token.i and subject.dep_ == "nsubj" and token.dep_ != "relcl":
                # "The board put turnout at 58 percent": the board's estimate, the figure and what it measures
                start, end = _span_of([t for t in sentence if t.i >= token.i and not t.is_punct])
                events.append(SpeechEvent(token, subject, start, end, "reported_speech"))
        elif document_read_as_noun(token) is not None:
            finding = [t for t in sentence if t.i > token.i and not t.is_punct]
            span = _span_of([t for t in finding if not (t.i == token.i + 1 and t.lower_ == "that")])
            if span[1] > span[0]:
                events.append(SpeechEvent(token, token.doc[token.i - 1], *span, "reported_speech"))
        elif _finding_read_as_noun(token):
            event = _closing_finding(token, sentence)
            if event:
                events.append(event)
        elif token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
            event = _according_to(token, sentence)
            if event:
                events.append(event)
    return events


def _is_estimate(verb: Token) -> bool:
    """ "The poll put Roe at 44 percent", "the figures put the toll at 1,340": a document that puts
    something at a figure reports that figure."""
    if verb.lemma_.lower() != "put" or verb.pos_ != "VERB":
        return False
    figures = [
        p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("at", "on") for p in c.children if p.dep_ == "pobj"
    ]
    return any(
        p.ent_type_ in ("PERCENT", "MONEY", "QUANTITY", "CARDINAL") or p.like_num or any(c.like_num for c in p.children)
        for p in figures
    )


def document_read_as_noun(token: Token) -> Token | None:
    """ "Records from Dunmere council show that ...": after "documents from an author" the parser
    may take "show" for a noun (a "council show") and the author for its modifiers. Given such a
    "show", the documents it stands for; the author is the noun right before it, and what follows
    is the finding."""
    if token.lower_ not in ("show", "shows") or token.pos_ != "NOUN" or token.i < 3:
        return None
    doc = token.doc
    if doc[token.i - 1].pos_ not in ("NOUN", "PROPN"):
        return None
    opener = token
    while opener.dep_ in ("compound", "pobj") and opener.pos_ != "ADP" and opener.head.i != opener.i:
        opener = opener.head
    document = opener.head if opener.pos_ == "ADP" and opener.lower_ in ("from", "by") else None
    if document is None:  # or "show" stands as the root, with the documents for its subject
        document = next((c for c in token.children if c.dep_ == "nsubj" and c.i < token.i - 2), None)
    if document is None or document.tag_ not in ("NNS", "NNPS"):
        return None
    if document.lemma_.lower() not in EVIDENCE and document.lower_.rstrip("s") not in EVIDENCE:
        return None
    return document if any(t.pos_ in ("VERB", "AUX") for t in doc[token.i + 1 : token.sent.end]) else None

def _closing_report(verb: Token) -> tuple[int, int] | None:
    """ "Roe's campaign said she would attend, the Courier reported.": a bare attribution that ends
    the sentence after a comma reports all before it, another speaker's attribution included,
    however the parser hung it. Returns what it reports."""
    doc, sentence = verb.doc, verb.sent
    if not is_speech_verb(verb) or verb.lemma_.lower() in FINDING_VERBS or verb.head.i == verb.i:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not subjects:
        return None
    if any(c.i > verb.i and not c.is_punct for c in verb.children):
        return None
    if any(not t.is_punct and not t.is_space for t in doc[verb.i + 1 : sentence.end]):
        return None
    comma = subjects[0].left_edge.i - 1
    if comma <= sentence.start or doc[comma].text != ",":
        return None
    said = [t for t in doc[sentence.start : comma] if not t.is_space]
    if _content_tokens(said) < 3 or not any(is_speech_verb(t) for t in said):
        return None  # a plain "X hit the market, officials said." the interrupted-clause reading already has
    return _span_of(said)


def _finding_read_as_noun(token: Token) -> bool:
    """ "..., county records show.": at the end of a sentence the parser may take "show" for a
    noun ("a records show"); after records, data or a poll it is the verb of a finding."""
    doc = token.doc
    return (
        token.lower_ in ("show", "shows", "showed") and token.pos_ == "NOUN" and 0 < token.i < len(doc) - 1
        and doc[token.i + 1].is_punct and doc[token.i + 1].text != "," and doc[token.i - 1].lemma_.lower() in EVIDENCE
    )


def _closing_finding(token: Token, sentence: Span) -> SpeechEvent | None:
    """The finding is the sentence before the comma that sets off its source, a short phrase
    without a verb ("..., campaign and corporate records show.")."""
    doc = token.doc
    comma = next((t for t in reversed(doc[sentence.start : token.i]) if t.text == ","), None)
    if comma is None or token.i - comma.i > 8 or any(t.pos_ in ("VERB", "AUX") for t in doc[comma.i + 1 : token.i]):
        return None
    said = [t for t in doc[sentence.start : comma.i] if not t.is_space]
    if _content_tokens(said) < 3:
        return None
    return SpeechEvent(token, doc[token.i - 1], *_span_of(said), "reported_speech")


def _first_token(sentence: Span, offset: int) -> Token | None:
    return next((t for t in sentence if t.idx + len(t) > offset and not t.is_space), None)


def _verb_phrase_start(verb: Token) -> int:
    """Where the verb's own phrase starts: its auxiliaries and negation ("has denied", "did not deny")."""
    helpers = [c for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg")]
    return min([verb.idx, *(c.idx for c in helpers)])


def _one_word_answer(verb: Token) -> tuple[int, int] | None:
    """ "Asked whether the ferry should run at night, 72 percent said yes": a poll's or an
    interview's answer is what was said, however short."""
    for child in verb.rights:
        after = verb.doc[child.i + 1] if child.i + 1 < len(verb.doc) else None
        alone = after is None or after.is_punct  # "said no to the war" is a vote, not an answer
        if child.lower_ in ("yes", "no") and child.dep_ in ("intj", "dobj", "ccomp", "attr") and child.i == verb.i + 1 and alone:
            return child.idx, child.idx + len(child.text)
    return None


def _could_not(verb: Token) -> bool:
    """ "had not been able to confirm", "was unable to say": a speech act that could not happen
    reports nothing. (One refused, "refused to say that X", is still reported.)"""
    head = verb.head
    if verb.dep_ != "xcomp" or head.i == verb.i:
        return False
    lemma = head.lemma_.lower()
    return lemma == "unable" or lemma == "able" and any(c.dep_ == "neg" for t in (head, head.head) for c in t.children)


def _foretold(verb: Token) -> bool:
    """ "the audit would find 15 million in waste": what something will find is no finding yet."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _coordinated_report(verb: Token) -> Token | None:
    """ "A spokeswoman said the pool was drained on purpose and that the photos showed fresh paint": the second
    "that" clause is hers too, what the photos show included. The verb of speech it is joined under, if any."""
    if verb.dep_ != "conj" or not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return None
    head = verb.head
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    reporter = head.head
    if head.dep_ == "ccomp" and is_speech_verb(reporter) and reporter.lemma_.lower() not in FINDING_VERBS:
        return reporter
    return None


def _foretold_testimony(verb: Token) -> bool:
    """ "plans to call a witness who will say X": what the witness may say is part of the plan, nobody's claim yet."""
    return verb.dep_ == "relcl" and _foretold(verb)


def _passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


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
