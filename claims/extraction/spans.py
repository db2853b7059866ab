"""Finding the tokens under a stretch of characters, fast.

`Doc.char_span` walks the document on every call; the engine asks for thousands of spans per
article, so it looks tokens up by their offsets with a binary search instead.
"""
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span


class TokenIndex:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.starts = [token.idx for token in doc]

    def covering(self, start: int, end: int) -> Span | None:
        """The tokens that overlap [start, end), like char_span(..., alignment_mode="expand")."""
        if end <= start:
            return None
        first = bisect_right(self.starts, start) - 1
        if first < 0:
            first = 0
        elif self.starts[first] + len(self.doc[first]) <= start:
            first += 1  # start falls in the space after a token
        last = bisect_left(self.starts, end)
        return self.doc[first:last] if first < last else None
