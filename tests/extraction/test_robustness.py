"""Every text that reaches the engine gives an Extraction: never an exception, never a lost article.

Text arrives damaged in every way a newsroom's inputs can damage it: mojibake from a wrong
decoding, symbols where a name should be, invisible and control characters, quotation marks of
every style left open, tokens thousands of characters long. The engine must read what it can and
say what it cannot, one article at a time.
"""
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st

from claims import extraction
from claims.extraction import ArticleInput, extract, extract_many

from .conftest import NORTH_SOUTH

POLNEAR = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "polnear" / "data"


@pytest.mark.parametrize(
    "sentence",
    [
        "Chef Andr\u00c3\u00a9s and a second tenant backed out of the lease after the remarks.",
        "\u00a9 and a second tenant backed out.",
        "\u00a9 said the lease was void.",
        "\u2122 told reporters that 40 flats were empty.",
        "\ufffd\ufffd said 12 ships sank.",
    ],
    ids=["mojibake name", "lone symbol", "symbol speaks", "trademark tells", "replacement characters"],
)
def test_a_name_that_is_only_symbols_or_mojibake_does_not_break_the_split(sentence):
    result = extract(sentence, sides=NORTH_SOUTH)
    assert result.failure == ""
    assert all(sentence[c.start : c.end] == c.text for c in result.claims)


def test_an_article_the_engine_cannot_read_fails_alone_and_says_why(monkeypatch):
    real = extraction.engine._analyse

    def fragile(doc, article, prepared):
        if "poison" in article.text:
            raise IndexError("list index out of range")
        return real(doc, article, prepared)

    monkeypatch.setattr(extraction.engine, "_analyse", fragile)
    first, broken, last = extract_many(
        [ArticleInput("The mayor said 40 buses ran on Sunday."), ArticleInput("The poison report said 9 wells closed."),
         ArticleInput("The council said 7 bridges reopened.")]
    )
    assert broken.failure == "The engine could not split this article: IndexError: list index out of range"
    assert broken.claims == []
    assert first.failure == last.failure == "" and first.claims and last.claims


def test_a_parser_that_fails_on_one_text_of_a_batch_loses_only_that_article(monkeypatch):
    real = extraction.engine.pipeline()

    class Fragile:
        def pipe(self, texts, batch_size=16):
            for text in texts:
                if "poison" in text:
                    raise ValueError("cannot parse")
                yield real(text)

        def __call__(self, text):
            if "poison" in text:
                raise ValueError("cannot parse")
            return real(text)

    monkeypatch.setattr(extraction.engine, "pipeline", Fragile)
    results = extract_many(
        [ArticleInput("The mayor said 40 buses ran."), ArticleInput("A poison pill said 9 wells closed."),
         ArticleInput("The council said 7 bridges reopened.")]
    )
    assert [bool(r.failure) for r in results] == [False, True, False]
    assert "ValueError: cannot parse" in results[1].failure
    assert results[2].claims


# --- random damaged text ----------------------------------------------------------------------------
NAMES = ["Lena Brask", "Aron Hale", "Dr. Ines Varga", "Sen. Paul Ortez", "the ministry", "Nordby officials",
         "Andr\u00c3\u00a9s", "\u00a9", "O'Neil", "Jean-Marc", "X \u00c6 A-12", "\u00bd", "\u2014", "'", "Mr."]
QUOTES = list('"\'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u2018\u2019\u201a\u300c\u300d\u300e\u300f') + ["''", "``"]
ODD = list("\u200b\u200c\u200d\u200e\u200f\u00ad\ufeff\u2028\u2029\u0085\x00\x07\x0b\x0c\x1b\x7f\u202e\u2066"
           "\ufffd\ud800\u00a0\u3000\t\r") + ["\u00c3\u00a9", "\u00e2\u20ac\u2122", "\u00c2\u00a0"]
WORDS = ["said", "told", "according to", "warned", "denied", "who", "he", "she", "it", "they", "that", "the",
         "ferry", "carried", "300", "percent", "Photo:", "By", "(pictured)", "-", ":", ",", ".", "?", "\n", "\n\n"]

pieces = st.one_of(
    st.sampled_from(NAMES), st.sampled_from(QUOTES), st.sampled_from(ODD), st.sampled_from(WORDS),
    st.text(max_size=12),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC", min_size=300, max_size=3000),  # very long tokens
)
damaged_text = st.lists(pieces, max_size=60).map(" ".join)


@hypothesis_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=damaged_text)
def test_damaged_text_always_gives_an_extraction_whose_claims_point_into_it(text):
    [result] = extract_many([ArticleInput(text, sides=NORTH_SOUTH)])
    assert result.failure == ""
    for claim in result.claims:
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text
    for dispute in result.disputes:
        assert 0 <= dispute.first < len(result.claims) and 0 <= dispute.second < len(result.claims)


# --- real news ------------------------------------------------------------------------------------
@pytest.mark.skipif(not POLNEAR.is_dir(), reason=f"the real-news corpus is not beside the project ({POLNEAR})")
def test_every_real_news_article_of_the_corpus_is_split_without_a_failure():
    texts = sorted((POLNEAR / "train" / "text").glob("*.txt")) + sorted((POLNEAR / "dev" / "text").glob("*.txt"))
    assert len(texts) > 900
    results = extract_many([ArticleInput(path.read_text()) for path in texts], batch_size=32)
    failed = [(path.name, r.failure) for path, r in zip(texts, results) if r.failure]
    assert failed == []
    assert sum(len(r.claims) for r in results) > 20 * len(texts)
