"""Text preparation, in one place, with every offset kept.

Articles arrive from wire copy, web pages, word processors and spreadsheets, each with its own
quotation marks, spaces, line separators and invisible characters. The parser reads one plain
form of the text (`PreparedText.text`); every span found in it maps back to the same words in the
article as it came (`PreparedText.original_span`), so a claim's offsets always point into what the
editor imported.

What the plain form changes:
- line and paragraph separators (CR, U+2028, U+2029, NEL, form feed) become newlines: a new
  paragraph, as in wire copy;
- invisible format characters (direction marks, zero-width spaces and joiners, soft hyphens, the
  byte-order mark) are dropped, so "Haidai\\u200e" reads as the name "Haidai";
- control characters and unpaired surrogates become spaces;
- every style of double quotation mark becomes '"', two apostrophes used as a quotation mark
  ('' in some newspapers' copy) become one '"', and single quotation marks used as quotation
  marks (British style, ‘...’) become '"' where they pair;
- unusual spaces become spaces and dashes become '-'.
"""
import re
from bisect import bisect_right
from dataclasses import dataclass

_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u300c\u300d\u300e\u300f\u301d\u301e\u301f\uff02"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2039\u203a"
_SINGLE_OPENERS = "\u2018\u201a\u201b\u2039"  # marks that only ever open a quotation
_BREAKS = "\r\u2028\u2029\u0085\x0b\x0c\x1c\x1d\x1e"
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"


def _one_for_one() -> dict[int, str]:
    table = {}
    table.update({ord(c): '"' for c in _DOUBLE_QUOTES})
    table.update({ord(c): "'" for c in _SINGLE_QUOTES})
    table.update({ord(c): "\n" for c in _BREAKS})
    table.update({ord(c): " " for c in _SPACES})
    table.update({ord(c): "-" for c in _DASHES})
    controls = [*range(0x00, 0x09), *range(0x0E, 0x1C), 0x1F, *range(0x7F, 0x85), *range(0x86, 0xA0)]
    table.update({c: " " for c in controls})
    table.update({c: " " for c in range(0xD800, 0xE000)})  # unpaired surrogates
    return table


_SAME_LENGTH = _one_for_one()
# Characters and pairs that change length: "\r\n" is one break; invisible format characters go;
# two apostrophes (or two backticks) used as a quotation mark become one.
_INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
_RESIZE = re.compile(rf"\r\n|[{_INVISIBLE}]+|(?<!')''(?!')|``")


@dataclass(frozen=True)
class PreparedText:
    """The parser's plain form of an article, and the way back to the article's own offsets."""

    text: str
    original_length: int
    # Where the plain text's pieces start, in the plain text and in the original: one entry per
    # place the lengths part ways (empty when they never do).
    _plain_starts: tuple[int, ...] = ()
    _original_starts: tuple[int, ...] = ()

    def original_offset(self, offset: int) -> int:
        if not self._plain_starts:
            return offset
        k = bisect_right(self._plain_starts, offset) - 1
        if k < 0:
            return offset
        return min(self._original_starts[k] + offset - self._plain_starts[k], self.original_length)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The article's own span for a span of the plain text (end exclusive)."""
        if end <= start:
            at = self.original_offset(start)
            return at, at
        return self.original_offset(start), self.original_offset(end - 1) + 1

    def plain_offset(self, offset: int) -> int:
        """The way there: where an offset of the article falls in the plain text (an offset inside
        characters the plain form dropped falls where they were)."""
        if not self._original_starts:
            return offset
        k = bisect_right(self._original_starts, offset) - 1
        if k < 0:
            return offset
        plain = self._plain_starts[k] + offset - self._original_starts[k]
        if k + 1 < len(self._plain_starts):
            plain = min(plain, self._plain_starts[k + 1])
        return min(plain, len(self.text))

    def plain_span(self, start: int, end: int) -> tuple[int, int]:
        """The plain text's span for a span of the article (end exclusive): original_span undone."""
        if end <= start:
            at = self.plain_offset(start)
            return at, at
        return self.plain_offset(start), self.plain_offset(end - 1) + 1


def prepare_text(original: str) -> PreparedText:
    # Anchors: from plain offset p on, characters map one for one to original offsets from o on.
    plain_starts, original_starts, pieces = [], [], []
    position, plain_length = 0, 0
    for match in _RESIZE.finditer(original):
        pieces.append(original[position : match.start()])
        plain_length += match.start() - position
        found = match.group()
        replacement = "\n" if found == "\r\n" else '"' if found in ("''", "``") else ""
        if replacement:
            plain_starts.append(plain_length)
            original_starts.append(match.start())
            pieces.append(replacement)
            plain_length += len(replacement)
        position = match.end()
        plain_starts.append(plain_length)
        original_starts.append(position)
    pieces.append(original[position:])
    joined = "".join(pieces)
    plain = _single_quotations_as_double(joined.translate(_SAME_LENGTH), joined)
    return PreparedText(_break_long_runs(plain), len(original), tuple(plain_starts), tuple(original_starts))


LONGEST_RUN = 100


# Ten marks or symbols in a row, with no letter or digit among them: no sentence of news copy.
_WALL = re.compile(r"[^\w\s]{10,}")


def _break_long_runs(plain: str) -> str:
    """Keep the parser's work in proportion to the words of the article. spaCy's tokenizer peels
    punctuation off a run one mark at a time, so a long run of marks costs time growing with the
    square of its length, and every mark becomes a token for the parser: a wall of marks (pasted
    junk, a broken export) is read as spaces, and any other run longer than a hundred characters
    without a space gets a space every hundred characters. Offsets do not move."""
    if not _WALL.search(plain) and not re.search(rf"\S{{{LONGEST_RUN + 1}}}", plain):
        return plain
    plain = _WALL.sub(lambda wall: " " * len(wall.group()), plain)
    chars = None
    for run in re.finditer(rf"\S{{{LONGEST_RUN + 1},}}", plain):
        chars = chars if chars is not None else list(plain)
        for i in range(run.start() + LONGEST_RUN, run.end(), LONGEST_RUN):
            chars[i] = " "
    return "".join(chars) if chars is not None else plain


def prepare(text: str) -> str:
    """The plain form alone (for timing the parser on what the engine parses)."""
    return prepare_text(text).text


# --- single quotation marks ---------------------------------------------------------------------
_OPENING_CONTEXT = " \n(["
_CLOSING_FOLLOWERS = " \n.,;:!?)]-"


def _single_quotations_as_double(plain: str, before_translation: str) -> str:
    """‘British-style quotations’ read as quotations: a single mark that opens at the start of a
    word and one that closes after a word, with at least two words between, in a paragraph that
    has no double quotation marks (inside those, single marks are a quotation within a quotation).
    An apostrophe inside a word ("don't") never opens or closes one. A paragraph that opens a
    quotation and leaves it open, followed by one that opens another, runs on into it."""
    if "'" not in plain:
        return plain
    chars = None
    for paragraph in re.finditer(r"[^\n]+", plain):
        start, end = paragraph.span()
        if '"' in plain[start:end] or "'" not in plain[start:end]:
            continue
        opened = None
        for mark in re.finditer("'", plain[start:end]):
            i = start + mark.start()
            before = plain[i - 1] if i > start else " "
            after = plain[i + 1] if i + 1 < end else " "
            can_open = before in _OPENING_CONTEXT and (after.isalnum() or after in "\"'")
            if before_translation[i] in _SINGLE_OPENERS:
                can_open = True
            can_close = not before.isspace() and after in _CLOSING_FOLLOWERS
            if opened is not None and can_close and len(plain[opened + 1 : i].split()) >= 2:
                chars = chars if chars is not None else list(plain)
                chars[opened] = chars[i] = '"'
                opened = None
            elif can_open:
                opened = i
        if opened == start and _next_paragraph_opens_a_quotation(plain, end):
            # A quotation that runs on over paragraphs opens each one and closes only the last.
            chars = chars if chars is not None else list(plain)
            chars[opened] = '"'
    return "".join(chars) if chars is not None else plain


def _next_paragraph_opens_a_quotation(plain: str, end: int) -> bool:
    following = plain[end:].lstrip("\n")
    return following[:1] in ("'", '"') and following[1:2].isalnum()


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line; a newline always ends a paragraph in wire copy."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


# "GENVALE, July 2 - ", "MARSK, Arvane, May 21 - ", "LONDON (Reuters) - "
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{1,40}(?:,\s*[A-Z][\w .'-]{0,40}){0,2}\s*(?:\([^)]{1,40}\))?\s*-{1,2}\s+"
)


def dateline_end(text: str, start: int) -> int:
    """Where the article's opening dateline ends (or start, when there is none)."""
    match = _DATELINE.match(text, start)
    return match.end() if match else start


def trim(text: str, start: int, end: int, strip: str = " \n,;:-") -> tuple[int, int]:
    """Shrink a span past surrounding spaces and joining punctuation."""
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return start, end


# --- double quotation marks ---------------------------------------------------------------------
def _may_open(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return not after.isspace() and (before.isspace() or before in "([{-/:")


def _may_close(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside double quotation marks within one paragraph.

    A mark opens when it stands before a word and closes when it stands after one. A quotation
    left open at the end of the paragraph runs to its end: wire copy leaves a quote open when it
    continues into the next paragraph. One left open in mid-paragraph (a mark forgotten) stops at
    the end of its sentence before the next quotation opens, so it never swallows that quotation.
    """
    spans, opened = [], None
    i = text.find('"', start, end)
    while i >= 0:
        opens, closes = _may_open(text, i, start, end), _may_close(text, i, start, end)
        if opened is None:
            if opens or not closes:
                opened = i + 1
        elif closes or not opens:
            spans.append((opened, i))
            opened = None
        else:  # a second opening mark: the first quotation was never closed
            cut = _last_sentence_end(text, opened, i)
            if cut is not None:
                spans.append((opened, cut))
            opened = i + 1
        i = text.find('"', i + 1, end)
    if opened is not None and opened < end:
        spans.append((opened, end))
    return spans


def _last_sentence_end(text: str, start: int, end: int) -> int | None:
    ends = [m.end() for m in re.finditer(r"[.!?](?=\s)", text[start:end])]
    return start + ends[-1] if ends else None

