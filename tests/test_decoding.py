"""Which encoding a fetched page or an uploaded file is in: the HTML standard's order, then a detector."""
import codecs

import pytest
from hypothesis import given, settings as hypothesis_settings, strategies as st

from claims.decoding import UnknownEncoding, decode_document

FRENCH = "Le ministre a déclaré que les grévistes étaient « 4 200 » à l’aube, selon l’opérateur portuaire."


def test_a_meta_charset_is_followed_when_the_server_names_none():
    page = f'<html><head><meta charset="iso-8859-1"><title>Grève</title></head><body>{FRENCH}</body></html>'
    text = decode_document(page.encode("cp1252"), markup=True)
    assert "<title>Grève</title>" in text and FRENCH in text and "\ufffd" not in text


def test_iso_8859_1_is_read_as_windows_1252_as_browsers_do():
    # The standard makes the label "iso-8859-1" mean windows-1252: byte 0x93 is a curly quote, not a control.
    text = decode_document(b'<meta charset="ISO-8859-1"><p>\x93Yes\x94, she said.</p>', markup=True)
    assert "“Yes”, she said." in text


def test_an_http_equiv_declaration_is_followed():
    page = '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>Министр заявил</p>'
    assert "Министр заявил" in decode_document(page.encode("koi8-r"), markup=True)


def test_the_servers_charset_wins_over_the_pages_own():
    page = '<meta charset="iso-8859-1"><p>Grève générale</p>'.encode()
    assert "Grève générale" in decode_document(page, declared_charset="utf-8", markup=True)


def test_a_byte_order_mark_wins_over_everything():
    page = codecs.BOM_UTF16_LE + '<meta charset="iso-8859-1"><p>Grève</p>'.encode("utf-16-le")
    assert decode_document(page, declared_charset="iso-8859-1", markup=True) == '<meta charset="iso-8859-1"><p>Grève</p>'


def test_an_unknown_charset_label_is_ignored_and_the_page_decides():
    page = '<meta charset="iso-8859-1"><p>Grève</p>'.encode("cp1252")
    assert "Grève" in decode_document(page, declared_charset="no-such-charset", markup=True)


def test_a_meta_claiming_utf_16_in_an_ascii_page_is_read_as_utf_8():
    assert "Grève" in decode_document('<meta charset="utf-16"><p>Grève</p>'.encode(), markup=True)


def test_plain_text_ignores_markup_that_looks_like_a_declaration():
    text = '<meta charset="koi8-r"> Grève'
    assert decode_document(text.encode(), markup=False) == text


RUSSIAN = "Министр заявил, что забастовщиков было не больше тысячи, а профсоюз назвал цифру в четыре тысячи двести."
JAPANESE = "大臣は、ストライキ参加者は千人以下だったと述べたが、組合は四千二百人と発表した。"


@pytest.mark.parametrize(
    "text, encoding",
    [(FRENCH, "cp1252"), (FRENCH, "utf-8"), (RUSSIAN, "cp1251"), (RUSSIAN, "koi8-r"), (JAPANESE, "shift_jis"), (JAPANESE, "euc-jp")],
)
def test_undeclared_text_is_recognised_without_replacement_characters(text, encoding):
    assert decode_document(text.encode(encoding)) == text


def test_bytes_that_are_no_text_at_all_are_refused():
    with pytest.raises(UnknownEncoding, match="could not be recognised"):
        decode_document(bytes(range(256)) * 4)


# A page's label and the encoding the standard means by it (its labels name Microsoft's supersets).
LABELS = [
    ("utf-8", "utf-8"), ("iso-8859-1", "cp1252"), ("iso-8859-2", "iso-8859-2"), ("koi8-r", "koi8-r"),
    ("shift_jis", "cp932"), ("euc-kr", "cp949"), ("gb2312", "gb18030"), ("big5", "big5hkscs"),
    ("windows-1251", "cp1251"), ("iso-8859-7", "iso-8859-7"), ("euc-jp", "euc-jp"),
]


@hypothesis_settings(max_examples=150, deadline=None)
@given(label=st.sampled_from(LABELS), body=st.text(st.characters(exclude_categories=["Cs", "Cc"]), max_size=300))
def test_any_text_in_a_declared_encoding_comes_back_exactly(label, body):
    name, encoding = label
    body = body.encode(encoding, errors="ignore").decode(encoding)  # what this encoding can hold
    page = f'<html><head><meta charset="{name}"></head><body>{body}</body></html>'
    assert decode_document(page.encode(encoding), markup=True) == page


@hypothesis_settings(max_examples=100, deadline=None)
@given(
    bom=st.sampled_from(["utf-8-sig", "utf-16", "utf-32"]),
    # A UTF-16 text that opens with NUL is spelled exactly like UTF-32's byte order mark; the
    # longer mark wins, as in every BOM-sniffing decoder. No written text opens with NUL.
    body=st.text(st.characters(exclude_categories=["Cs"]), max_size=300).filter(lambda t: not t.startswith("\x00")),
)
def test_any_text_behind_a_byte_order_mark_comes_back_exactly(bom, body):
    assert decode_document(body.encode(bom)) == body


@hypothesis_settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=2000), markup=st.booleans(), charset=st.sampled_from([None, "utf-8", "latin1", "bogus", "utf-16"]))
def test_any_bytes_are_decoded_or_refused_with_a_reason(data, markup, charset):
    try:
        assert isinstance(decode_document(data, declared_charset=charset, markup=markup), str)
    except UnknownEncoding as exc:
        assert "could not be recognised" in str(exc)
