"""Text preparation that never moves a character.

Curly quotes become straight ones and unusual spaces become plain spaces, one character for one,
so every offset found in the prepared text is also an offset into the original article body.
"""
import re

_SAME_LENGTH = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ", "\u2003": " ",
        "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\t": " ",
    }
)


def prepare(text: str) -> str:
    prepared = text.translate(_SAME_LENGTH)
    assert len(prepared) == len(text)
    return prepared


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


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside double quotation marks within one paragraph.

    A quotation left open at the end of the paragraph runs to its end: wire copy leaves a quote
    open when it continues into the next paragraph.
    """
    spans, opened = [], None
    for i in range(start, end):
        if text[i] != '"':
            continue
        if opened is None:
            opened = i + 1
        else:
            spans.append((opened, i))
            opened = None
    if opened is not None and opened < end:
        spans.append((opened, end))
    return spans
