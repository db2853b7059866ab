"""Choosing an article's topic from what it says, when nobody gave one.

Without a topic an article is split with no sides and no disputes, the workbench's main feature
switched off. Every import channel goes through `articles.save_articles`, which asks `guess_topic`
when a draft has no topic. The evidence is the registry admins already keep: the names and
aliases of sources tied to a topic's sides, and each side's cue words ("Kremlin", "Kyiv").

A topic is chosen only when it is clear: enough distinct evidence, and well ahead of the next
topic. Otherwise nothing is chosen and the candidates are returned, so the paste form can ask
the editor and the other channels can say plainly that the article has no topic.
"""
import re
import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from ..models import Side, Source, Topic

# A source named in the text ties the article to a story more surely than a cue word, which can
# be a country or a city named in passing.
SOURCE_WEIGHT = 2
CUE_WEIGHT = 1
# Clear means: at least this much evidence, from at least this many different words or names ...
MIN_SCORE = 3
MIN_DISTINCT = 2
# ... and at least this many times the evidence for the next topic.
LEAD_FACTOR = 2
# How many of a topic's words the question names before it says how many more there are.
EVIDENCE_SHOWN = 5

_WORD = re.compile(r"\w+")
_POSSESSIVE = re.compile(r"['’]s\b")
# Characters a reader does not see, which web pages put inside words: the soft hyphen (where a
# line may break), zero-width space, non-joiner and joiner, word joiner, byte-order mark, Mongolian
# vowel separator and combining grapheme joiner. They would part "Kreml\u00adin" into two words.
_INVISIBLE = re.compile("[\u00ad\u034f\u180e\u200b-\u200d\u2060\ufeff]")


def words(text: str) -> tuple[str, ...]:
    """Lower-case words as a reader sees them; "Kremlin's" is "kremlin", and a hyphen parts words
    ("pro-Kremlin"). Invisible characters inside a word are not there, and compatibility forms
    read as what they show (NFKC: full-width "Ｋｒｅｍｌｉｎ", the ligature in "ﬁre")."""
    text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text))
    return tuple(_WORD.findall(_POSSESSIVE.sub("", text.casefold())))


@dataclass(frozen=True)
class TopicTerms:
    """The words and names that point to one topic, each with how much it weighs."""

    topic: Topic
    terms: dict[tuple[str, ...], tuple[str, int]]  # words -> (as written in the registry, weight)


@dataclass(frozen=True)
class TopicCandidate:
    topic: Topic
    score: int
    evidence: tuple[str, ...]  # the registry's words found in the text, as the admins wrote them

    @property
    def evidence_text(self) -> str:
        # A long digest can name hundreds of registered sources: the strongest few say enough.
        shown, more = self.evidence[:EVIDENCE_SHOWN], len(self.evidence) - EVIDENCE_SHOWN
        return ", ".join(shown) + (f" and {more:,} more" if more > 0 else "")


@dataclass(frozen=True)
class TopicGuess:
    topic: Topic | None  # None when the text does not make its topic clear
    candidates: list[TopicCandidate] = field(default_factory=list)  # best first

    @property
    def chosen(self) -> TopicCandidate | None:
        return self.candidates[0] if self.topic is not None else None


class NoTopic:
    """An editor's explicit choice of no topic (no sides, no disputes), as against not choosing."""

    def __bool__(self):
        return False

    def __repr__(self):
        return "NO_TOPIC"


NO_TOPIC = NoTopic()


class TopicUnclear(ValidationError):
    """The text does not make its topic clear and the editor is there to be asked."""

    def __init__(self, guess: TopicGuess):
        self.guess = guess
        named = [f"{c.topic.name} ({c.evidence_text})" for c in guess.candidates[:3]]
        if len(named) > 1:
            said = f"The text does not make its topic clear: it names words of {'; '.join(named)}."
        elif named:
            said = f"The text names too little to be sure of its topic: only {named[0]}."
        else:
            said = "The text names no source or cue word of any topic."
        super().__init__(
            {"topic": f"{said} Choose its topic, or “No topic (no sides, no disputes)”."}, code="topic_unclear"
        )


def load_topic_terms() -> list[TopicTerms]:
    """The registry read once (three queries), for one article or a whole batch."""
    terms: dict[int, dict] = {}
    topics = {t.pk: t for t in Topic.objects.all()}
    for side in Side.objects.all():
        for cue in side.cue_words:
            _add(terms, side.topic_id, cue, CUE_WEIGHT)
    for source in Source.objects.filter(side__isnull=False).select_related("side").only("name", "aliases", "side__topic_id"):
        for name in (source.name, *source.alias_list):
            _add(terms, source.side.topic_id, name, SOURCE_WEIGHT)
    return [TopicTerms(topic, terms.get(pk, {})) for pk, topic in topics.items()]


def _add(terms: dict, topic_id: int, written: str, weight: int) -> None:
    key = words(written)
    if key:
        known = terms.setdefault(topic_id, {}).get(key)
        if known is None or known[1] < weight:  # a name that is also a cue counts as a name
            terms[topic_id][key] = (written, weight)


def guess_topic(text: str, registry: list[TopicTerms] | None = None) -> TopicGuess:
    """The topic the text is clearly about, or None and the topics it might be about.

    `registry` is `load_topic_terms()`, passed in when many texts are guessed at once.
    """
    registry = load_topic_terms() if registry is None else registry
    found = _terms_in(words(text), {key for entry in registry for key in entry.terms})
    candidates = []
    for entry in registry:
        hits = [(written, weight) for key, (written, weight) in entry.terms.items() if key in found]
        if hits:
            hits.sort(key=lambda hit: (-hit[1], hit[0].casefold()))
            candidates.append(
                TopicCandidate(entry.topic, sum(weight for _, weight in hits), tuple(written for written, _ in hits))
            )
    candidates.sort(key=lambda c: (-c.score, -len(c.evidence), c.topic.name))
    return TopicGuess(_clear_winner(candidates), candidates)


def _clear_winner(candidates: list[TopicCandidate]) -> Topic | None:
    if not candidates:
        return None
    best, runner_up = candidates[0], candidates[1].score if len(candidates) > 1 else 0
    enough = best.score >= MIN_SCORE and len(best.evidence) >= MIN_DISTINCT
    return best.topic if enough and best.score >= LEAD_FACTOR * runner_up else None


def _terms_in(text_words: tuple[str, ...], terms: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """The terms that occur in the text. Each word that starts some term is looked up once per
    term length (a handful), so neither a long article nor many aliases starting with "the"
    multiply the work."""
    by_length: dict[int, set[tuple[str, ...]]] = {}
    for term in terms:
        by_length.setdefault(len(term), set()).add(term)
    firsts = {term[0] for term in terms}
    found = set()
    for start, word in enumerate(text_words):
        if word in firsts:
            for length, known in by_length.items():
                if (window := text_words[start : start + length]) in known:
                    found.add(window)
    return found
