"""What stored text may not carry into an output, one rule per kind of output.

Text reaches the database from many channels (forms, the API, spreadsheets, feeds, the admin) and
an input rule keeps new text clean; but rows stored before that rule, or by a path it does not
cover, must still never break what the workbench writes. Each writer applies the rule of its format
in one place:

- `printable`: documents that draw or parse text: the RSS feed (`PrintableRssFeed`), the charts'
  SVG (claims/charts.py) and the PDF (claims/reports.py, `pdf_of`). XML 1.0 forbids most control
  characters (Django refuses the whole feed, an XML parser the whole file); WeasyPrint has no
  glyph for them and draws a missing-glyph box, after which the PDF's text reads back garbled.
- `spreadsheet_safe_cells`: every cell of every CSV, so a spreadsheet shows text and never runs it.
- `web_href`: every stored address a page links to (an article's original, evidence and its
  archived copy), through the `outside_link` tag (claims/templatetags/links.py). Autoescaping
  keeps an address inside its attribute but not out of a "javascript:" or "data:" scheme, which a
  click runs: only http(s) addresses become links, anything else is shown as text.

JSON needs no rule of its own (json.dumps escapes every control character), and HTML pages have
Django's autoescaping; chart labels also need matplotlib's maths turned off (claims/charts.py).
"""
import re

from django.utils.feedgenerator import Rss201rev2Feed

# Dropped: C0 controls but TAB, LF and CR; DEL and C1 controls; lone surrogates (only reachable
# in memory: neither database stores them); Unicode noncharacters (U+FDD0-U+FDEF and the last two
# code points of every plane). Spaced: the controls and separators that part words, so
# "two\x0cwords" stays two words.
_NONCHARACTERS = "".join(chr(plane << 16 | low) for plane in range(17) for low in (0xFFFE, 0xFFFF))
_DROPPED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef" + _NONCHARACTERS + "]")
_SPACED = re.compile("[\x0b\x0c\x85\u2028\u2029]")


def printable(text: str) -> str:
    """The text with only characters every document format can carry: the rest are dropped,
    the five that separate words (VT, FF, NEL, LINE and PARAGRAPH SEPARATOR) become spaces.
    The result is always valid XML 1.0 character data."""
    return _DROPPED.sub("", _SPACED.sub(" ", text))


# The spreadsheet rule (OWASP, "CSV Injection"; ASVS 5.0 V1.2.10). A cell is written with an
# apostrophe in front, which spreadsheets take as "this is text" and do not show, when
#   1. it begins with TAB, CR, LF or NUL, or
#   2. its first character that is not blank is a formula trigger.
# Formula triggers: = + - @ and every character that Unicode compatibility normalisation (NFKC)
# folds into one of them, since spreadsheets read the full-width forms as the ASCII ones:
#   ＝ ＋ － ＠ (U+FF1D U+FF0B U+FF0D U+FF20, full width)
#   ﹦ ﹢ ﹣ ﹫ (U+FE66 U+FE62 U+FE63 U+FE6B, small forms)
#   ⁼ ⁺ ₌ ₊ (U+207C U+207A U+208C U+208A, superscript and subscript) and ﬩ (U+FB29)
# Blank: Unicode whitespace (Python's str.isspace: TAB LF VT FF CR, U+001C-U+001F, space, U+0085,
# U+00A0 no-break space, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000 ideographic
# space) and the invisible U+200B zero-width space, U+2060 word joiner, U+FEFF byte-order mark and
# NUL, because a spreadsheet may skip them before it looks for a formula.
# Written once: the PostgreSQL form below (spreadsheet_safe_sql) is generated from these lists
# (tests/test_exports.py lists the cases; tests/test_csv_copy.py holds both forms to them).
FORMULA_TRIGGERS = "=+-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b\u207c\u207a\u208c\u208a\ufb29"
BLANK = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\u200b\u2060\ufeff\x00"
)
FIRST_ALONE = "\t\r\n\x00"  # rule 1: what a cell may not begin with


def _formula_pattern(character_class) -> str:
    # The rule as a regular expression matched at the start of a cell, in any dialect:
    # character_class writes a set of characters in it.
    return f"{character_class(FIRST_ALONE)}|{character_class(BLANK)}*{character_class(FORMULA_TRIGGERS)}"


_FORMULA = re.compile(_formula_pattern(lambda characters: f"[{re.escape(characters)}]"))
# Most cells start with none of these and are passed without running the pattern (an export of
# 100,000 verdicts writes 1.7 million cells).
_MAY_START_A_FORMULA = frozenset(FIRST_ALONE + BLANK + FORMULA_TRIGGERS)


def spreadsheet_safe_cells(cells: list[str]) -> list[str]:
    """The cells, each with an apostrophe in front if a spreadsheet would run it (the rule above)."""
    return ["'" + cell if cell[:1] in _MAY_START_A_FORMULA and _FORMULA.match(cell) else cell for cell in cells]


def _postgresql_class(characters: str) -> str:
    # Every character as a PostgreSQL regular-expression escape (\UXXXXXXXX), so that none can
    # mean anything inside the brackets. NUL is left out: PostgreSQL text cannot hold it.
    return "[" + "".join(f"\\U{ord(c):08x}" for c in characters if c != "\x00") + "]"


# The same rule, written for PostgreSQL from the same lists: the CSV export the database writes
# itself (claims/csv_copy.py).
_POSTGRESQL_FORMULA = f"^({_formula_pattern(_postgresql_class)})"
_POSTGRESQL_FIRST_CHARACTERS = ",".join(str(ord(c)) for c in sorted(_MAY_START_A_FORMULA) if c != "\x00")


def spreadsheet_safe_sql(cell: str, params=()) -> tuple[str, list]:
    """The spreadsheet rule as a PostgreSQL expression over cell, a text expression the caller
    wrote (never data; its own %s parameters in params): the cell with an apostrophe in front if
    a spreadsheet would run it, NULL for NULL. Returns the SQL, with %s placeholders, and all its
    parameters in order.

    As in spreadsheet_safe_cells the pattern runs only on a cell whose first character may start
    a formula: ascii() is the code point of a text's first character, and PostgreSQL looks it up in
    a constant array by hash."""
    sql = (
        f"CASE WHEN ascii({cell}) = ANY('{{{_POSTGRESQL_FIRST_CHARACTERS}}}'::int[]) AND {cell} ~ %s "
        f"THEN '''' || {cell} ELSE {cell} END"
    )
    return sql, [*params, *params, _POSTGRESQL_FORMULA, *params, *params]


class PrintableRssFeed(Rss201rev2Feed):
    """RSS 2.0 whose every piece of text (titles, descriptions, links, categories, of the channel
    and of each item) goes through `printable` as the feed is written. Django's writer refuses a
    control character with an error, which took the whole public feed down for as long as one
    verdict's rationale held a form feed."""

    def write(self, outfile, encoding):
        self.feed = {name: _printable_value(value) for name, value in self.feed.items()}
        self.items = [{name: _printable_value(value) for name, value in item.items()} for item in self.items]
        super().write(outfile, encoding)


def _printable_value(value):
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, (list, tuple)):
        return type(value)(_printable_value(part) for part in value)
    return value


# Only an address that starts, exactly, with one of these is a link. A browser strips spaces and
# C0 controls at the ends and tabs and line ends anywhere before it reads the scheme
# (" java\nscript:" is javascript:), so the test is on the address as stored, with nothing taken out.
_WEB = re.compile(r"https?://", re.IGNORECASE)


def web_href(address) -> str:
    """The address, when a page may link to it (http or https); "" when it may only show it."""
    address = str(address or "")
    return address if _WEB.match(address) else ""
