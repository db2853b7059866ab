"""Sentences about how the story was made, not about the story.

A fact-checker cannot check "The ministry did not respond to a request for comment" or "The
figures could not be independently verified": they report the newsroom's own process. Neither
is "Here's what we know so far" or "This blog is now closed": the publication talking to its
readers. Such a sentence is set aside only when the process is its main clause; as an aside in
a sentence that states something else ("A ministry official, who declined to be named, said
40 buses were hit") it leaves the claim alone.
"""
import re

from spacy.tokens import Token

PROCESS = re.compile(
    r"\b(?:did|does|do|has|have|had)\s*(?:not|n't)\s+(?:yet\s+)?(?:immediately\s+)?"
    # ("has not responded to the offer" is an answer a government owes, and stays)
    r"(?:(?:respond|repl(?:y|ie))\w*\b(?!\s+to\s+(?:the|an?|its|their|his|her|this|that)\s+(?![\w'’]+\s+(?:requests?|questions?|e-?mails?|messages?|calls?|inquir|quer))"
    r"(?!requests?|questions?|e-?mails?|messages?|calls?|inquir|quer)\w)|comment|(?:return|answer|provide)\s+(?:\w+\s+){0,2}?"
    r"(?:calls?|messages?|e-?mails?|requests?|inquiries|phone|comment|response))"
    r"|\bdeclined\s+(?:repeated\s+requests\s+)?to\s+(?:say|comment|elaborate|be\s+(?:named|identified|quoted)|discuss|"
    r"provide|give|answer|respond|disclose|confirm|specify|reveal|speculate|detail|address|share)"
    r"|\bdeclined\s+(?:comment|an\s+interview|requests?\s+for)"
    # a refusal to tell: "would not comment further", "will not release the names"; "did not give details"
    r"|\b(?:would|will|wo)\s*(?:not|n't)\s+(?:say|comment|elaborate|discuss|disclose|specify|release|name|identify|give\s+details)\b"
    r"|\b(?:did|does|do)\s*(?:not|n't)\s+(?:give|provide|offer)\s+(?:any\s+|further\s+|more\s+)*(?:details|specifics|a\s+reason)\b"
    r"|\bgave\s+no\s+(?:further\s+)?(?:details|reason)"
    r"|\b(?:could|can|can't|couldn't)\s*(?:not\s+)?(?:immediately\s+|independently\s+)?(?:be\s+)?(?:immediately\s+|independently\s+)?"
    r"(?:verif|confirm|reach)"
    r"|\bcannot\s+(?:immediately\s+|independently\s+)?(?:be\s+)?(?:independently\s+)?(?:verif|confirm)"
    r"|\b(?:not|un)\s*(?:been\s+)?able\s+to\s+(?:independently\s+)?(?:verify|confirm|reach)"
    r"|\bnot\s+(?:immediately\s+)?(?:available|reachable)\s+for\s+comment"
    r"|\brequests?\s+for\s+comment"
    r"|\bno\s+immediate\s+(?:comment|response|reply)"
    r"|\b(?:spoke|speaking|talked|talking)\s+on\s+(?:the\s+)?condition\s+(?:of|that)"
    r"|\basked\s+not\s+to\s+be\s+(?:named|identified)"
    r"|\bnot\s+authori[sz]ed\s+to\s+(?:speak|talk|comment|discuss)"
    r"|\bit\s*(?:is|was|'s|remains|remained)\s+(?:not\s+(?:yet\s+)?(?:immediately\s+)?clear|unclear)\b"
    r"|\bcontributed\s+(?:reporting|to\s+this)"
    r"|\btoo\s+(?:early|soon)\s+to\s+(?:say|tell|know)\b"
    r"|\b(?:an\s+)?earlier\s+version\s+of\s+this\b"
    # a refusal announced: "I'm not going to answer hypotheticals", "We are not going to comment on rumours"
    r"|\bnot\s+going\s+to\s+(?:answer|comment|discuss|speculate|get\s+into|respond|go\s+into)\b"
    # the newsroom's note on its own text: "This interview has been edited for length and clarity."
    r"|\bedited\s+for\s+(?:length|clarity|brevity|style)\b",
    re.IGNORECASE,
)
TELLING = frozenset("say tell comment disclose reveal confirm specify explain elaborate discuss answer know".split())
THE_PRESS = frozenset("journalist reporter correspondent press media newsroom".split())
# Who may go where to report: "Journalists are barred from ...", "Reporters were kept out of the hearing"
ACCESS = frozenset("bar ban allow permit keep deny prevent restrict admit let block exclude".split())
WH_WORDS = frozenset("which what who whom whose when where why how whether if".split())
# The publication naming itself: "this blog", "our live coverage", "this story has been updated"
# (a press release calls itself "this release"; an interview page, "this interview" or "this transcript")
PUBLICATION = frozenset(
    "blog story article page newsletter coverage report post podcast live updates release interview transcript".split()
)
FIRST_PERSON = frozenset("we us our ours".split())
SINGULAR_FIRST_PERSON = frozenset("i me my mine".split())
SECOND_PERSON = frozenset("you your".split())
# The public a service line speaks to: "Voters can check their registration online", "Fans are asked to ..."
THE_PUBLIC = frozenset(
    "residents voters fans readers viewers listeners customers passengers parents visitors patients travellers travelers anyone".split()
)
WHERE_TO_LOOK = frozenset("website site online app hotline helpline".split())
WAYS_TO_GET_HELP = frozenset("contact call phone ring email write visit apply register report text".split())
NAMED = frozenset("GPE ORG PERSON LOC FAC NORP EVENT".split())
INTERVIEW_QUESTIONS = 3
# A telephone number says where to call, it counts nothing: "0800 555 0190", "555-0142", "(212) 555-0100"
PHONE_NUMBER = re.compile(
    r"(?<![\w.,])(?:\+\d{1,3}[\s-]?)?"
    r"(?:\(?0\d{2,4}\)?[\s-]?\d{3,4}(?:[\s-]?\d{3,4})?|\(?\d{3}\)?[\s-]\d{3}-\d{4}|\d{3}-\d{4})"
    r"(?![\w,]|\.\d)"
)


def is_newsroom_process(tokens: list[Token], text: str) -> bool:
    if not tokens:
        return False
    inside = {t.i for t in tokens}
    if _withheld(tokens, inside) or _press_kept_out(tokens, inside):
        return True
    verbs = [_clause_verb(_token_at(tokens, tokens[0].idx + m.start()), inside) for m in PROCESS.finditer(text)]
    process = {v.i for v in verbs if v is not None}
    for verb in filter(None, verbs):
        if verb.head.i == verb.i or verb.head.i not in inside:
            return True  # the process is what the sentence says
        main = verb.head
        if verb.dep_ == "conj" and (main.head.i == main.i or main.head.i not in inside):
            # "The minutes were never published, and the trust declined to comment": the first clause states
            # something. "The ministry did not respond and declined to comment" is process from end to end, and
            # so is "Reporters were kept out, and the figures could not be verified": how the news was gathered.
            if main.i in process or _about_the_press(main):
                return True
            others = [t for t in tokens if t.i not in {s.i for s in verb.subtree}]
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in main.children) and not any(
                t.like_num or t.ent_type_ in NAMED for t in others
            ):
                return True
    return False


def _press_kept_out(tokens: list[Token], inside: set[int]) -> bool:
    """ "Journalists are barred from the front line", "Reporters were not allowed into the hearing": the
    conditions the news was gathered under, not the news."""
    return any(
        t.head.i not in inside or t.head.i == t.i
        for t in tokens
        if t.lemma_.lower() in ACCESS and t.pos_ == "VERB" and _about_the_press(t)
    )


def _about_the_press(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in THE_PRESS for c in verb.children)


def _withheld(tokens: list[Token], inside: set[int]) -> bool:
    """What someone "declined to say", "would not say" or it is "too early to say", or which question they "did not say" the answer to:
    nobody claimed it. "The report does not say that ..." or "he never said that ..." is a claim about what
    was said, and stays."""
    roots = [t for t in tokens if t.head.i not in inside]
    if len(roots) != 1 or roots[0].dep_ not in ("ccomp", "dobj", "xcomp"):
        return False
    speech = roots[0].head
    if speech.lemma_.lower() not in TELLING:
        return False  # "The study could not show that ...": a finding's limit, not an answer withheld
    if speech.dep_ == "xcomp" and (
        speech.head.lemma_.lower() in ("decline", "refuse") or any(c.lower_ == "too" for c in speech.head.children)
    ):
        return True  # "declined to say whether ...", "too early to say whether ..."
    negated = any(c.dep_ == "neg" and c.lower_ in ("not", "n't") for c in speech.children)
    tense = {c.lower_ for c in speech.children if c.dep_ == "aux"}
    if not negated or tense & {"does", "do"}:
        return False
    return bool(tense & {"would", "could", "can", "will"}) or tokens[0].lower_ in WH_WORDS


def _token_at(tokens: list[Token], offset: int) -> Token:
    for token in tokens:
        if token.idx + len(token.text) > offset:
            return token
    return tokens[-1]


def _clause_verb(token: Token, inside: set[int]) -> Token | None:
    """The verb whose clause holds the token ("did" -> "respond", "not" -> "was", "request" -> "sent")."""
    while True:
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass", "neg"):
            return token
        if token.head.i == token.i or token.head.i not in inside:
            return token if token.pos_ in ("VERB", "AUX", "ADJ") else None
        token = token.head


def is_reader_address(words: list[Token], text: str) -> bool:
    """The newsroom speaking to its readers in its own voice: "Here's what we know so far", "This blog is
    now closed", "You can find the full list on our website". A reporter's "we counted 30 graves"
    states a fact and stays."""
    if any(t.lemma_.lower() in PUBLICATION and any(c.lower_ in ("this", "our") for c in t.children) for t in words):
        return True
    if _answers_an_interview_question(words[0]):
        return False  # the "we" of an answer is the one interviewed
    if any(t.tag_ in ("``", "''") or '"' in t.text for t in words[0].sent):
        return False  # a quotation, however it is marked, is someone else's voice
    if _service_line(words):
        return True
    if any(t.lower_ in SINGULAR_FIRST_PERSON for t in words):
        return False  # "I" is a columnist, a memoir or a speaker, not the newsroom
    addressed = any(t.lower_ in SECOND_PERSON and t.dep_ in ("nsubj", "nsubjpass") for t in words)
    speaks = any(t.lower_ in FIRST_PERSON for t in words)
    return (addressed or speaks) and not any(t.like_num or t.ent_type_ in NAMED for t in words)


def phone_number_tokens(words: list[Token]) -> set[int]:
    """The tokens that make up a telephone number in the words (by their index in the document)."""
    if not words:
        return set()
    if not any(t.like_num for t in words):
        return set()
    span = words[0].doc[words[0].i : words[-1].i + 1]
    text, offset = span.text, span.start_char  # (doc.text is rebuilt on every access: read only the span)
    found = set()
    for match in PHONE_NUMBER.finditer(text):
        found.update(t.i for t in words if match.start() <= t.idx - offset < match.end())
    return found


def _answers_an_interview_question(token: Token) -> bool:
    """An interview printed as questions and answers: the paragraph right after a question is the answer. Told
    from a page that asks a question or two of its readers by the number of questions asked."""
    doc = token.doc
    if "text" not in doc.user_data:  # doc.text is rebuilt on every access: keep one copy for the article
        doc.user_data["text"] = doc.text
    text = doc.user_data["text"]
    start = text.rfind("\n", 0, token.idx)
    previous = text[:start].rstrip().rpartition("\n")[2].strip() if start > 0 else ""
    if not previous.endswith("?"):
        return False
    return sum(1 for line in text.split("\n") if line.strip().endswith("?")) >= INTERVIEW_QUESTIONS


def _service_line(words: list[Token]) -> bool:
    """Practical help for the reader: "Voters can check their registration on the state's website", "Video of
    the hearing is available online", "Patients can call the helpline on 0800 555 0190". "Drivers can be fined
    up to $500" states a rule with a figure, and stays."""
    phone = phone_number_tokens(words)
    if any(t.pos_ == "NUM" or t.like_num and t.tag_ == "CD" for t in words if t.ent_type_ != "DATE" and t.i not in phone):
        return False
    if any(t.lower_ == "available" for t in words) and any(t.lower_ in WHERE_TO_LOOK for t in words):
        return True
    return any(
        t.dep_ == "nsubj" and (t.lower_ in THE_PUBLIC or _anyone_who_needs_help(t))
        and not any(c.dep_ == "det" and c.lower_ != "any" for c in t.children)
        and any(a.dep_ == "aux" and a.lower_ in ("can", "may") for a in t.head.children)
        for t in words
    )


def _anyone_who_needs_help(subject: Token) -> bool:
    """ "Tenants with questions can call ...", "Families who were affected may contact ...": people described by
    what they need, told where to turn."""
    return (
        subject.tag_ == "NNS" and subject.head.lemma_.lower() in WAYS_TO_GET_HELP
        and any(c.dep_ in ("prep", "relcl") for c in subject.children)
    )


def interview_answers(text: str, paragraphs: list[tuple[int, int]]) -> tuple[int, set[int]]:
    """An interview printed as questions and answers: (the paragraph of the first question, the paragraphs that
    answer). An answer runs from the paragraph after a question to the next question; a question quoted from
    someone is no interviewer's. A page that asks its readers a question or two is no interview."""
    lines = [text[s:e].strip() for s, e in paragraphs]
    questions = [k for k, line in enumerate(lines) if _asks(line)]
    if len(questions) < INTERVIEW_QUESTIONS or len(questions) * 4 < len(lines) - questions[0]:
        return -1, set()  # a column's rhetorical questions come a few to a page, an interviewer's every answer or two
    answers = set()
    for k, q in enumerate(questions):
        following = questions[k + 1] if k + 1 < len(questions) else len(lines)
        # A transcript names each speaker ("MARSH: We never said that"): the label says who answers.
        answers.update(a for a in range(q + 1, following) if not _TRANSCRIPT_LABEL.match(lines[a]))
    return questions[0], answers


# "Q:", "Question.", "Q." before an interviewer's question; "4)" or "2." before a listicle's heading.
_QUESTION_LABEL = re.compile(r"^(?:Q|Question)\s*[:.]\s*")
_NUMBERED = re.compile(r"^\d+\s*[).]")
_TRANSCRIPT_LABEL = re.compile(r"^(?!A:)[A-Z][A-Z.'’ -]{0,40}:")


def _asks(line: str) -> bool:
    line = _QUESTION_LABEL.sub("", line)
    return line.endswith("?") and line[:1] not in "\"“‘'«" and not _NUMBERED.match(line)
