"""Turning the bytes of a fetched page or an uploaded text file into text: the one place that decides
which encoding a document is in.

It follows the order the HTML standard's encoding sniffing uses (and browsers with it):
1. a byte order mark;
2. the charset the server declared in its Content-Type header;
3. for markup only, the charset the document declares in its first bytes (`<meta charset>`,
   `<meta http-equiv="Content-Type">`, an XML declaration), found by w3lib (Scrapy's maintained
   implementation of these rules, with the standard's label aliases: "iso-8859-1" means windows-1252);
4. nothing declared: UTF-8 when the bytes are valid UTF-8, else what charset-normalizer detects.
A document declared in one encoding and holding a stray invalid byte shows U+FFFD for that byte, as
in a browser; a document declaring nothing whose encoding cannot be recognised at all (binary data
under a text name, usually) is refused rather than imported as garbage.
"""
import codecs

from w3lib.encoding import html_body_declared_encoding, read_bom, resolve_encoding, to_unicode


class UnknownEncoding(ValueError):
    """Nothing declares the document's encoding and it could not be recognised."""


def decode_document(data: bytes, *, declared_charset: str | None = None, markup: bool = False) -> str:
    encoding, bom = read_bom(data)
    if encoding:
        return to_unicode(data[len(bom):], encoding)
    encoding = _known(declared_charset)
    if encoding is None and markup:
        encoding = html_body_declared_encoding(data)
        # A declaration read as ASCII cannot be in UTF-16/32: the standard takes such a label as UTF-8.
        if encoding and codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
            encoding = "utf-8"
    if encoding is None:
        encoding = detect_encoding(data)
    return to_unicode(data, encoding)


def detect_encoding(data: bytes) -> str:
    """The encoding of bytes that declare none; raises UnknownEncoding when nothing fits."""
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise UnknownEncoding("Its text encoding could not be recognised; save it as UTF-8 and try again.")
    # Western European text reads equally cleanly as windows-1250, -1252 or -1257 to the detector
    # (it ranks them in a tie); the standard's fallback for undeclared legacy pages is windows-1252,
    # so a tie goes to it: "à" stays "à" rather than becoming the Polish "ŕ".
    for match in matches:
        if match.encoding == "cp1252" and (match.chaos, match.coherence) == (best.chaos, best.coherence):
            return "cp1252"
    return best.encoding


def _known(label: str | None) -> str | None:
    if not label:
        return None
    encoding = resolve_encoding(label)
    if encoding is None:
        return None  # an unknown label is ignored, as the standard says, and the next rule decides
    name = codecs.lookup(encoding).name
    # Without a byte order mark the standard reads "utf-16" as little-endian (Python's codec would
    # take the machine's order).
    return {"utf-16": "utf-16-le", "utf-32": "utf-32-le"}.get(name, encoding)
