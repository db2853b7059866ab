"""Paragraphs that belong to the news page, not to the story: they are set aside whole.

A web page or wire story carries lines around its text that say nothing a fact-checker can check:
photo captions and their credits, the title line above a caption, headlines, bylines and
reporting credits, live-blog timestamps and navigation labels ("Read more:"). Each is its own
paragraph, so each is recognised by the shape of that paragraph (its length, its punctuation,
its tense, where a credit stands), never by the words of a particular article.
"""
import re

from spacy.tokens import Doc, Span

# A credit is the last thing in a caption: "... on Tuesday. Photo: Jan Berg", "... Jan Berg/Getty Images",
# "... AFP via Getty Images", "... (Reuters)", "... (AP Photo/Ida Holm)", "Credit: Ida Holm". Names are
# capitalised words; a label is a capitalised word for a picture and a colon.
_CAPITALISED = r"[A-Z][\w.'&-]*"
_NAMES = rf"{_CAPITALISED}(?:\s+(?:{_CAPITALISED}|of|de|van|von|al|bin|for))*"
_PICTURE_WORD = r"(?i:photo(?:graph)?|picture|image|video|credit|illustration|graphic|footage)s?"
_CREDIT_LABEL = rf"(?:[A-Z][\w.'-]*\s+{_PICTURE_WORD}|(?=[A-Z]){_PICTURE_WORD})(?:\s+(?i:by|credit))?\s*:"
_SENTENCE_END = r"(?:^|[.!?\"']\s+)"
_TRAILING_CREDIT = re.compile(
    rf"(?:"
    rf"(?:^|\s){_CREDIT_LABEL}\s*[^.!?:]{{1,80}}"  # Photo: Jan Berg
    rf"|(?:^|\s)\((?:[^()]*/[^()]*|[^()]*\b(?i:photo|credit|file)\b[^()]*)\)"  # (AP Photo/Ida Holm)
    rf"|{_SENTENCE_END}(?:"
    rf"P(?i:hoto(?:graph)?|icture)s?\s+by\s+{_NAMES}"  # Photo by Jan Berg
    rf"|{_NAMES}\s*/\s*{_NAMES}"  # Jan Berg/Getty Images, Ida Holm / AP
    rf"|(?:{_NAMES}\s+)?via\s+{_NAMES}"  # AFP via Getty Images
    rf"|\({_NAMES}\)"  # (Reuters)
    rf"|(?:{_CAPITALISED}\s+)?(?i:photo(?:graph)?|picture)s?"  # Staff photo
    rf"))\s*\.?$"
)
_LEADING_CREDIT_LABEL = re.compile(rf"^{_CREDIT_LABEL}")

_CREDIT_LINE = re.compile(
    r"^\(?\s*(?:additional\s+|further\s+)?"
    r"(?:reporting|writing|editing|edited|compiled|produced|translated|translation|graphics|research|"
    r"fact-checking|production|design|data|photography|video)\s+by\b",
    re.IGNORECASE,
)
# "Copyright 2024 Holm Post. All rights reserved.", "Jane Doe can be reached at jdoe@example.com"
_COPYRIGHT_OR_CONTACT = re.compile(
    r"^(?:copyright|\u00a9|\(c\))|\ball rights reserved\b|\bcan be (?:reached|contacted|emailed)\b|^follow\s+\S+\s+on\s+\w+",
    re.IGNORECASE,
)
# "Ida Holm contributed reporting.", "... contributed to this report"
_CONTRIBUTED = re.compile(r"\bcontributed\s+(?:(?:additional\s+)?reporting|to\s+this\s+(?:report|story|article))\b", re.I)
# "By Jane Doe and Ali Khan, Reuters": after "By", only names, the words that join them, and where they write from
_BYLINE_JOINERS = frozenset("and in of the for at from with & | , staff writer writers reporter reporters correspondent".split())
JOURNALIST_ROLES = frozenset(
    """reporter correspondent journalist writer editor columnist producer contributor photographer
    photojournalist videographer analyst commentator presenter anchor intern fellow bureau chief""".split()
)

# A press release closes on a paragraph about its sender: "About Holm Water: Holm Water serves ...", or the label
# "About Holm Water" on a line of its own above that paragraph. What the sender says of itself is its advertisement.
_ABOUT_THE_SENDER = re.compile(rf"^About\s+(?:the\s+)?[A-Z][\w.'&-]*(?:\s+(?:{_CAPITALISED}|of|the|and|for|&)){{0,7}}\s*(?::|$)")

# Live-blog furniture: a line that is only a time ("10:42 GMT", "Updated 3 hours ago")
_TIMESTAMP = re.compile(
    r"^(?:(?:updated|published|posted|last\s+updated|first\s+published)\b:?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*\.?,?\s*)?"
    r"(?:\d{1,2}\s+\w{3,9}\.?,?\s+\d{4},?\s*|\w{3,9}\.?\s+\d{1,2},?\s+\d{4},?\s*)?"
    r"(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?|\d+\s*(?:h|hr|hrs|hours?|m|mins?|minutes?|d|days?)\s+ago)$",
    re.IGNORECASE,
)
# Verbs a caption never describes a picture with: states, speech, and events announced for later.
_NOT_PICTURED = frozenset(
    """be have say tell add claim believe think know want need hope expect plan intend seem remain mean
    include contain cost own employ consider represent face lack require depend belong exist appear
    begin start open close end resume expire take continue run come go fall head report accuse deny warn argue
    insist show suggest indicate find reveal estimate predict list cite""".split()
)
_PICTURE_PASSIVES = frozenset("see picture show display photograph film".split())
# Dates that are not the day a picture was taken: an age ("82-year-old"), a day to come ("next Saturday")
_NOT_THE_DAY = frozenset("old year-old next coming later tomorrow".split())
_HABITUAL = frozenset("every each always usually often sometimes never rarely regularly daily weekly".split())
_BULLETS = "\u2022\u00b7\u25aa\u25cf\u2023*-\u2013"
SENDER_BOILERPLATE = "press-release boilerplate: the sender describing itself"
CAPTION_MAX_WORDS = 40
HEADING_MAX_WORDS = 12
LABEL_MAX_WORDS = 3


def set_aside(doc: Doc, article: str, paragraphs: list[tuple[int, int]], k: int) -> str:
    """Why paragraph k is page furniture rather than story text, or "" when it is story text.
    `article` is doc.text, passed in because spaCy rebuilds that string on every access."""
    start, end = paragraphs[k]
    text = article[start:end]
    following = article[slice(*paragraphs[k + 1])] if k + 1 < len(paragraphs) else None
    span = doc.char_span(start, end, alignment_mode="expand")
    if is_caption(text, span):
        return "byline or credit" if _TRAILING_CREDIT.match(text) else "photo caption"
    if following and _TRAILING_CREDIT.match(following) and span is not None and _describes_a_picture(text, span, dated=False):
        return "photo caption"  # a picture line above a credit that stands alone: the credit says it is a caption
    if is_credit(text, span):
        return "byline or credit"
    if _about_the_sender(text, article[slice(*paragraphs[k - 1])] if k else ""):
        return SENDER_BOILERPLATE
    if _TIMESTAMP.match(text.strip()):
        return "timestamp"
    if is_heading(text, following, span):
        return "caption title" if following and is_caption(following) else "headline or page label"
    return ""


def _about_the_sender(paragraph: str, previous: str) -> bool:
    """ "About Holm Water: Holm Water serves 40,000 homes.", or that paragraph under an "About Holm Water" line.
    A sentence about something ("About 300 people marched") has no capitalised name right after "About"."""
    stripped = paragraph.strip()
    if _ABOUT_THE_SENDER.match(stripped):
        return ":" in stripped or len(stripped.split()) <= HEADING_MAX_WORDS
    return bool(previous.strip()) and ":" not in previous and _ABOUT_THE_SENDER.match(previous.strip()) is not None


def is_caption(paragraph: str, span: Span | None = None) -> bool:
    stripped = paragraph.strip()
    if _LEADING_CREDIT_LABEL.match(stripped) or _credited(stripped):
        return True
    return span is not None and _describes_a_picture(stripped, span)


def _credited(paragraph: str) -> bool:
    """A credit closes the paragraph, after a sentence or on its own line. "(pictured)" or "(left)"
    inside a sentence points at a picture but is no credit: the paragraph stays story text."""
    return bool(_TRAILING_CREDIT.search(paragraph))


def _describes_a_picture(paragraph: str, span: Span, dated: bool = True) -> bool:
    """ "Firefighters spray water on a burning warehouse in Dorval on Tuesday.": a short line in the
    present tense about something happening on a given day, which news text proper tells in the past."""
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not words or len(words) > CAPTION_MAX_WORDS or paragraph[-1] not in ".":
        return False
    if '"' in paragraph or len(list(span.sents)) > 1:
        return False
    present = [t for t in words if t.tag_ in ("VBZ", "VBP") and _heads_the_line(t)]
    passive = [t for t in words if t.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in t.children)]
    if any(t.tag_ in ("VBD", "MD") or t.dep_ == "aux" and t.tag_ in ("VBZ", "VBP") for t in words):
        return False  # told in the past, with a modal, or in a perfect or progressive tense
    if any(t.lower_ in _HABITUAL for t in words) or any(_is_figure(t) for t in words):
        return False  # habits and figures are facts, not pictures
    # The day the picture was taken: present-tense news ("Clinton wins the primary in Ohio") gives no date.
    if dated and not any(e.label_ == "DATE" and not any(w.lower_ in _NOT_THE_DAY for w in e) for e in span.ents):
        return False
    if present and all(t.lemma_.lower() not in _NOT_PICTURED for t in present):
        return True
    return any(t.lemma_.lower() in _PICTURE_PASSIVES for t in passive)


def _heads_the_line(verb) -> bool:
    """The verb says what the line is about: it is the root, joined to it, or hangs from a noun the
    tagger made root ("Firefighters spray water ...", parsed with "water" at the top)."""
    if verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT":
        return True
    return verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN") and verb.dep_ not in ("relcl", "acl", "aux")


def _is_figure(token) -> bool:
    """A number outside the date, other than how many people are in the picture ("Two men carry ...")."""
    if not (token.like_num or token.pos_ == "NUM") or token.ent_type_ in ("DATE", "TIME"):
        return False
    return not (token.dep_ == "nummod" and token.head.dep_ in ("nsubj", "nsubjpass"))


def is_credit(paragraph: str, span: Span | None = None) -> bool:
    stripped = paragraph.strip()
    if _CREDIT_LINE.match(stripped) or _CONTRIBUTED.search(stripped):
        return True
    if _COPYRIGHT_OR_CONTACT.search(stripped) and len(stripped.split()) <= HEADING_MAX_WORDS * 2:
        return True
    if _is_byline(stripped):
        return True
    return span is not None and _is_author_note(span)


def _is_byline(paragraph: str) -> bool:
    if not paragraph.startswith("By ") or len(paragraph.split()) > 16:
        return False
    words = re.findall(r"[\w.'&|-]+|,", paragraph[3:])
    return bool(words) and all(w[0].isupper() or w.lower() in _BYLINE_JOINERS or "@" in w for w in words)


def _is_author_note(span: Span) -> bool:
    """ "Jane Doe is a senior reporter at the Holm Post.": the note about the writer that ends an article."""
    words = [t for t in span if not t.is_punct]
    if len(words) > 25 or len(list(span.sents)) > 1:
        return False
    root = span.root
    subject = [c for c in root.children if c.dep_ == "nsubj"]
    if not subject or subject[0].ent_type_ != "PERSON":
        return False
    if root.lemma_ == "be":
        return any(c.dep_ == "attr" and c.lemma_.lower() in JOURNALIST_ROLES for c in root.children)
    # "Ali Khan reported from Dorval.": where the reporting was done, and nothing else
    return root.lemma_ == "report" and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in root.children) and any(
        c.dep_ == "prep" and c.lower_ == "from" for c in root.children
    )


def is_heading(paragraph: str, next_paragraph: str | None, span: Span | None = None) -> bool:
    """A short line with no closing punctuation: a headline, a page label ("Key events"), a caption's
    title line; or a navigation label ("Read more:", "Related: Floods close the ring road")."""
    stripped = paragraph.strip().strip('"')
    if not stripped:
        return False
    if span is not None and _is_navigation(stripped, span):
        return True
    if stripped[-1] in ".!?:;,\"'":
        return False
    if span is not None and _key_point(stripped, span):
        return False
    return len(stripped.split()) <= HEADING_MAX_WORDS or bool(next_paragraph and is_caption(next_paragraph))


def _key_point(paragraph: str, span: Span) -> bool:
    """ "• Three roads are closed north of the river": a bulleted line with a subject and a finite verb is a point
    of the story's summary, written without a full stop, not a label."""
    if paragraph[0] not in _BULLETS:
        return False
    return any(t.tag_ in ("VBZ", "VBP", "VBD", "MD") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) for t in span)


def _is_navigation(paragraph: str, span: Span) -> bool:
    """A label of a few common words and a colon, alone or before a headline: a link to elsewhere.
    "And from Mayor Tamm:" or "He added:" name a speaker and lead into a quote: they are not labels."""
    label, colon, rest = paragraph.partition(":")
    if not colon or len(label.split()) > LABEL_MAX_WORDS:
        return False
    tokens = [t for t in span if t.idx < span.start_char + len(label) and not t.is_punct]
    if any(t.pos_ in ("PROPN", "PRON", "NUM") or t.tag_ in ("VBD", "VBZ") for t in tokens):
        return False
    rest = rest.strip()
    return not rest or rest[-1] not in ".!?\"'"
