"""The input rules every text and link the workbench stores must follow, whatever channel it came by.

Stored text ends up in PostgreSQL (which cannot hold NUL), in UTF-8 (which cannot encode half of a
surrogate pair), and in RSS, Atom and sitemaps (XML 1.0, which forbids the other C0 controls and
U+FFFE/U+FFFF), HTML, CSV, JSON and PDF. So no stored text holds a control character other than
tab, line feed and carriage return, nor a lone surrogate, nor U+FFFE/U+FFFF.

Nor does any hold a direction control left open: an embedding, override or isolate
(U+202A-U+202E, U+2066-U+2069) not closed on its own line makes the browser, a spreadsheet or a
terminal draw the words after it backwards, so a reviewer reads a sentence nobody wrote
("Trojan Source"). Closed ones stay: a forwarded message's phone number comes wrapped in an
embedding and its closing PDF, a post's handle in an isolate, and refusing those would refuse
the text a fact-checker is sent every day. Names are stricter (require_plain_name: none at all).

The rule is applied in one of two ways, by who can act on it:

- `require_plain_text` is a validator, for what a person typed or sent (web forms, admin forms, API
  bodies, spreadsheet rows): they are told which character and where, and can fix their copy.
  Model fields (claims.models.fields), the forms' base class, the API's schema base and the import
  jobs' item check all use it.
- `clean_plain_text` is for what a reader took out of a page, a file or a feed for us: there the
  characters carry nothing a reader sees (a stray NUL, a PDF's form feed), and the person who
  imported it could not fix them anyway; breaks become line ends, the rest are dropped, and so
  are direction controls, open or closed (nobody sees them; the letters keep their direction).
"""
import re
import unicodedata
from urllib.parse import quote, urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Characters that separate lines or pages: kept as a line end when text is cleaned.
_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\x85]")
_NAMES = {0x00: "NUL", 0x07: "bell", 0x08: "backspace", 0x0B: "vertical tab", 0x0C: "form feed",
          0x1B: "escape", 0x7F: "delete", 0x85: "next line"}

_C0_AND_SPACE = "".join(map(chr, range(0x21)))  # what a URL parser strips from both ends of a link

HTTP_ONLY = "Enter a web address starting with http:// or https://."
MAX_URL_CHARS = 2000
# The largest number a record's id (or a version) can be: PostgreSQL's bigint; SQLite's INTEGER.
MAX_ID = 2**63 - 1
_ASCII_DIGITS = re.compile(r"[0-9]{1,19}")
# A whole number as a person types one: ASCII digits, a minus in front at most. int() would also
# read "٣" (as 3), "１" (as 1) and "1_0" (as 10); record_number and the forms' RecordNumberField
# hold every id a request sends to this.
WHOLE_NUMBER = re.compile(r"-?[0-9]+")

# Characters a name never needs and that a reader cannot see: bidirectional embeddings, overrides,
# isolates and marks (left open in a name, they make the browser draw the words after it, on the
# same line, backwards), the zero-width space, word joiner, invisible operators, the byte-order
# mark and the soft hyphen (two names that look alike would be two records); and the letters that
# draw nothing, the combining grapheme joiner and the Hangul fillers (U+3164 alone is the "blank
# name" trick of chat apps; NFKC keeps them, so "Fake\u034fnews" would be keyed apart from
# "Fakenews"). The zero-width (non-)joiners stay: Persian, the Indic scripts and emoji need them.
_INVISIBLE_IN_NAMES = re.compile(
    "[\u00ad\u034f\u115f\u1160\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufeff\uffa0]"
)
# What a reader sees of a name: a letter, a digit, a punctuation mark or a symbol. A name of
# joiners, accents on nothing, variation selectors or blank braille cells alone shows nothing.
_SHOWN_CATEGORIES = frozenset("LNPS")
_DRAWS_NOTHING = frozenset("\u2800")  # BRAILLE PATTERN BLANK, a symbol that is an empty cell
_LINE_BREAKS = re.compile("[\r\n\u2028\u2029]")

# Direction controls: what opens a direction and what closes it (Unicode's bidirectional algorithm,
# UAX #9): PDF closes the last embedding or override, PDI the last isolate (and what was opened in it).
_DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_PDF, _PDI = "\u202c", "\u2069"
_OPENS = {"\u202a": _PDF, "\u202b": _PDF, "\u202d": _PDF, "\u202e": _PDF, "\u2066": _PDI, "\u2067": _PDI, "\u2068": _PDI}
_DIRECTION_OR_LINE = re.compile("[\u202a-\u202e\u2066-\u2069\r\n\u2028\u2029]")


def describe(char: str) -> str:
    """A character as an editor can find it: its code point, and its name where it has one."""
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return f"the lone surrogate U+{code:04X} (half of a character whose other half is missing)"
    name = _NAMES.get(code) or unicodedata.name(char, "")
    kind = "control character" if unicodedata.category(char) == "Cc" else "non-character"
    return f"the {kind} U+{code:04X}" + (f" ({name})" if name else "")


def where(text: str, index: int) -> str:
    if "\n" not in text:
        return f"at character {index + 1}"
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"at line {line}, column {column}"


def require_plain_text(value) -> None:
    """Validator: refuse text holding a character no stored text may hold, or a direction control
    left open, saying which and where."""
    if not isinstance(value, str):
        return
    _require_text_characters(value)
    _require_closed_directions(value)


def _require_text_characters(value: str) -> None:
    found = NOT_TEXT.search(value)
    if found is None:
        return
    count = len(NOT_TEXT.findall(value))
    others = f" ({count - 1:,} more after it)" if count > 1 else ""
    raise ValidationError(
        "Remove %(what)s %(where)s%(others)s: text cannot hold it (binary data or a copy-and-paste accident?).",
        code="control_character",
        params={"what": describe(found.group()), "where": where(value, found.start()), "others": others},
    )


def _open_direction(text: str) -> int | None:
    """Where the first direction control that is left open (or closes nothing) stands, or None
    when each one opened is closed, in order, on its own line."""
    if _DIRECTION_CONTROLS.search(text) is None:
        return None
    waiting: list[tuple[str, int]] = []  # (the closer it waits for, where it opened)
    for found in _DIRECTION_OR_LINE.finditer(text):
        char, at = found.group(), found.start()
        if char in _OPENS:
            waiting.append((_OPENS[char], at))
        elif char == _PDF:
            if not waiting or waiting[-1][0] != _PDF:
                return at
            waiting.pop()
        elif char == _PDI:
            if all(closer != _PDI for closer, _ in waiting):
                return at
            while waiting.pop()[0] != _PDI:
                pass
        elif waiting:  # a line ends with a direction still open
            return waiting[-1][1]
    return waiting[-1][1] if waiting else None


def _require_closed_directions(value: str) -> None:
    at = _open_direction(value)
    if at is None:
        return
    char = value[at]
    closer = _OPENS.get(char)
    if closer:
        why = (f", or close it on its line with U+{ord(closer):04X} ({unicodedata.name(closer).lower()}): "
               "left open, it makes the words after it read backwards")
    else:
        why = ": it closes nothing opened before it on its line, and would close what the text beside it opened"
    raise ValidationError(
        "Remove the direction control U+%(code)s (%(name)s) %(where)s%(why)s.",
        code="direction_control",
        params={"code": f"{ord(char):04X}", "name": unicodedata.name(char).lower(), "where": where(value, at), "why": why},
    )


def shortened(text: str, limit: int) -> str:
    """The text cut for a page, a list or a history to at most `limit` characters (an ellipsis
    last) with the direction controls the cut left open closed after it: a stored text closes
    each one it opens (the rule above), but a cut between an isolate and its PDI left the rest of
    the line (a reviewer's name, a date, the next claim) drawn backwards. Every shortening for
    display goes through here (templates: the `shorten` filter)."""
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 0)].rstrip() + "…"
    return cut + _closers(cut)


def _closers(text: str) -> str:
    """What closes, innermost first, the direction controls still open at the end of the text."""
    if _DIRECTION_CONTROLS.search(text) is None:
        return ""
    waiting: list[str] = []
    for found in _DIRECTION_CONTROLS.finditer(text):
        char = found.group()
        if char in _OPENS:
            waiting.append(_OPENS[char])
        elif char == _PDF and waiting and waiting[-1] == _PDF:
            waiting.pop()
        elif char == _PDI and _PDI in waiting:
            while waiting.pop() != _PDI:
                pass
    return "".join(reversed(waiting))


def clean_plain_text(value: str) -> str:
    """Text read for us by a parser, with what no stored text may hold taken out (see the module)."""
    if not value or (NOT_TEXT.search(value) is None and _DIRECTION_CONTROLS.search(value) is None):
        return value
    return _DIRECTION_CONTROLS.sub("", NOT_TEXT.sub("", _BREAKS.sub("\n", value)))


def clean_link(value: str) -> str:
    """A link read for us (a feed's entry), with control characters percent-encoded as a browser's
    URL parser does (WHATWG URL: C0 controls in a path are percent-encoded); lone surrogates, which
    have no bytes to encode, are dropped. The link still leads where it led."""
    if not value or NOT_TEXT.search(value) is None:
        return value

    def encode(found):
        char = found.group()
        return "" if 0xD800 <= ord(char) <= 0xDFFF else quote(char, safe="")

    return NOT_TEXT.sub(encode, value.strip(_C0_AND_SPACE))


def require_web_address(value: str) -> None:
    """Validator: a link the workbench may fetch or show: http(s), well formed, at most 2,000 characters."""
    require_plain_text(value)
    if len(value) > MAX_URL_CHARS:
        raise ValidationError(f"The web address is {len(value):,} characters long; the limit is {MAX_URL_CHARS:,}.",
                              code="too_long")
    URLValidator(schemes=["http", "https"], message=HTTP_ONLY)(value)
    try:  # URLValidator lets through addresses that urlsplit cannot take apart (a port past 65535)
        parts = urlsplit(value)
        parts.hostname, parts.port
    except ValueError:
        raise ValidationError(HTTP_ONLY, code="invalid") from None


def normal_name(value: str) -> str:
    """A name as it is stored and compared: Unicode compatibility form (NFKC, as Django stores
    usernames), so that full-width "Ｆａｋｅ" is "Fake", a ligature is its letters and an accent
    typed as a combining mark is the accented letter; and its spaces, of any kind, one apart.
    Names that read the same to the desk are then the same text, which a unique constraint on the
    name can hold, whoever saves at the same moment."""
    return " ".join(unicodedata.normalize("NFKC", value).split())


# The dot above that case folding leaves on an "i": "İ" (U+0130, Turkish and Azeri) folds to "i"
# and U+0307. No other letter's folding leaves a mark that NFKC does not put back on its letter.
_DOT_ABOVE_I = re.compile("i\u0307")


def folded(text: str) -> str:
    """Text as two spellings of the same words compare, the one rule for narrative names
    (name_key) and claim words (models.wording_key): compatibility forms (NFKC: full width,
    ligatures, an accent typed apart), Unicode's full case folding ("Straße" is "STRASSE", which
    lower() keeps apart, as it keeps "ǅ" from "ǆ"), the dot above left by folding "İ" dropped
    ("İstanbul" is "Istanbul", whose capital has no dot: the desk types either), NFKC again (case
    folding can undo it, and dropping the dot can leave a mark to join) and spaces one apart. The
    dotless "ı" stays a letter of its own."""
    text = _DOT_ABOVE_I.sub("i", unicodedata.normalize("NFKC", text).casefold())
    return " ".join(unicodedata.normalize("NFKC", text).split())


def name_key(value: str) -> str:
    """What two names are compared by: the folded name (above). A name's key is stored beside it,
    so a unique constraint on the key holds the rule in the database too; PostgreSQL's and
    SQLite's lower() know no full case folding."""
    return folded(value)


def require_plain_name(value) -> None:
    """Validator for a name (one line, shown as typed beside other text): the input rule, and
    no line break nor any of the invisible characters above (direction controls, closed or not,
    among them), saying which and where; and something a reader can see (a blank name is left to
    the field's "required")."""
    if not isinstance(value, str):
        return
    _require_text_characters(value)
    found = _INVISIBLE_IN_NAMES.search(value) or _LINE_BREAKS.search(value)
    if found is None:
        if value.strip() and not any(unicodedata.category(c)[0] in _SHOWN_CATEGORIES and c not in _DRAWS_NOTHING for c in value):
            raise ValidationError(
                "A name must show something: this one shows no letter, digit or sign (only joiners, accents "
                "on nothing or blank characters), so nobody could read or pick it.", code="invisible_name",
            )
        return
    char = found.group()
    if _LINE_BREAKS.match(char):
        what = f"the line break U+{ord(char):04X}"
    else:
        what = f"the invisible character U+{ord(char):04X} ({unicodedata.name(char).lower()})"
    raise ValidationError(
        "Remove %(what)s %(where)s: a name is one line of visible letters "
        "(it could turn the text beside it backwards, or make two names look alike).",
        code="invisible_character", params={"what": what, "where": where(value, found.start())},
    )


def record_number(value, minimum: int = 1) -> int | None:
    """A record's number (an id, a version) as a form sent it by hand, or None when it is none.

    Only ASCII digits, from `minimum` (ids start at 1) to MAX_ID: str.isdigit() also takes "²"
    (which int() refuses) and "٣" (which int() reads as 3), and a longer number overflows the
    database's integer (a 500 either way). Django's form fields and the API's schema check their
    own; this is for numbers a view reads from the request itself."""
    if not isinstance(value, str) or not _ASCII_DIGITS.fullmatch(value):
        return None  # the same digits as WHOLE_NUMBER, and no more of them than MAX_ID has
    number = int(value)
    return number if minimum <= number <= MAX_ID else None


# The words a request may say yes or no with, in any case: what the API's first yes-or-no filter
# (pydantic's bool, `disputed`) took from the start, so no client that used it is refused now.
_YES = frozenset({"true", "1", "yes", "y", "t", "on"})
_NO = frozenset({"false", "0", "no", "n", "f", "off"})


def yes_or_no(value) -> bool | None:
    """A yes-or-no a request sent as a word ("true", "FALSE", "1", "off"), or None when it is none."""
    if not isinstance(value, str) or len(value) > 5:
        return None
    word = value.lower()
    return True if word in _YES else False if word in _NO else None

