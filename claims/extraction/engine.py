"""From article text to claims, speakers, sides and disputes.

The article is read paragraph by paragraph, in order, so that who has spoken so far can resolve
"he", "the ministry" or a quote that runs on into the next paragraph:

1. Captions, credits and headings are set aside, each with its reason.
2. Quotations that stand on their own ("...," X said) become direct-quote claims.
3. In every other sentence each speech event (a reporting verb, or "according to") gives a claim
   of what was said; a sentence without one is the article's own narration.
4. Each claim is judged for check-worthiness; claims of opposing sides are paired into disputes.
"""
import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from . import checkworthiness, newsroom, page_furniture, text as textlib
from .attribution import LISTENER_VERBS, SpeechEvent, is_speech_verb, speech_events, subject_after_dateline
from .disputes import ClaimForDisputes, find_disputes
from .language import detect_language, not_english_reason
from .loaded import loaded_terms
from .nlp import pipeline
from .spans import TokenIndex
from .speakers import Discourse, Speaker
from .types import Extraction, FoundClaim, FoundDispute, KnownSource, SideCues

MIN_QUOTE_WORDS = 3
_COUNTED = frozenset("CARDINAL MONEY PERCENT QUANTITY".split())
# A line or tail that signs a quotation: a dash, then a short name or description, nothing else.
_SIGNATURE = re.compile(r"[ ,.]*-+ *([A-Z][^\n\"]{1,100}?)[ .]*$")

_UNREAD = object()

log = logging.getLogger(__name__)


@dataclass
class ArticleInput:
    text: str
    sides: tuple[SideCues, ...] = ()
    registry: tuple[KnownSource, ...] = ()
    loaded_lexicon: tuple[str, ...] = ()


@dataclass
class _Unit:
    start: int
    end: int
    kind: str
    speaker: Speaker | None
    set_aside: str = ""  # why a whole paragraph is page furniture (caption, credit, headline)


def extract(
    text: str,
    *,
    sides: tuple[SideCues, ...] = (),
    registry: tuple[KnownSource, ...] = (),
    loaded_lexicon: tuple[str, ...] = (),
) -> Extraction:
    return extract_many([ArticleInput(text, tuple(sides), tuple(registry), tuple(loaded_lexicon))])[0]


def extract_many(articles: Iterable[ArticleInput], batch_size: int = 16) -> list[Extraction]:
    """Extract from many articles, parsing the English ones together with nlp.pipe.

    Every article gets its own Extraction: one the engine cannot read gets one that says so
    (`failure`), and the others of the batch go on.
    """
    articles = list(articles)
    results: list[Extraction | None] = [None] * len(articles)
    english, prepared = [], {}
    for index, article in enumerate(articles):
        try:
            language = detect_language(article.text)
            if language == "en":
                prepared[index] = textlib.prepare_text(article.text)
        except Exception as exc:
            results[index] = _failed(exc)
            continue
        if language != "en":
            results[index] = Extraction(language=language, not_split_reason=not_english_reason(language))
            continue
        english.append(index)
    parsed = 0
    try:
        docs = pipeline().pipe((prepared[i].text for i in english), batch_size=batch_size)
        for index, doc in zip(english, docs):
            results[index] = _analyse_safely(doc, articles[index], prepared[index])
            parsed += 1
    except Exception:
        # The parser itself failed on a text of the batch: parse the rest one at a time, so
        # that only the article it cannot read fails.
        log.exception("Parsing a batch failed; parsing its articles one at a time")
        for index in english[parsed:]:
            try:
                doc = pipeline()(prepared[index].text)
            except Exception as exc:
                results[index] = _failed(exc)
                continue
            results[index] = _analyse_safely(doc, articles[index], prepared[index])
    return results


def _analyse_safely(doc: Doc, article: ArticleInput, prepared: textlib.PreparedText) -> Extraction:
    try:
        return _analyse(doc, article, prepared)
    except Exception as exc:  # one unreadable article must not take its batch down
        log.exception("The extraction engine failed on an article")
        return _failed(exc)


def _failed(exc: Exception) -> Extraction:
    return Extraction(language="en", failure=f"The engine could not split this article: {exc.__class__.__name__}: {exc}")


def _analyse(doc: Doc, article: ArticleInput, prepared: textlib.PreparedText) -> Extraction:
    reader = _Reader(doc, article)
    units = reader.read()
    tokens = [reader.tokens(u.start, u.end) for u in units]
    claims = [_claim(reader, article, prepared, unit, words) for unit, words in zip(units, tokens)]
    disputes = _disputes(reader, claims, [(u.start, u.end) for u in units], article.sides)
    return Extraction(language="en", claims=claims, disputes=disputes)


def disputes_among(text: str, claims: list[FoundClaim], sides: tuple[SideCues, ...] = ()) -> list[FoundDispute]:
    """The disputes among claims stored before, read as the split reads them but with each claim's
    speaker and side as they stand now (a reviewer corrected one, and "Norland and Sudmark
    disagree" may no longer be so). The claims keep their own spans, whoever drew them (the
    engine, or a reviewer adding, splitting or merging claims); the disputes' indexes point into
    `claims`. An article the engine does not read (another language) has none, as at its split."""
    if not claims or detect_language(text) != "en":
        return []
    order = sorted(range(len(claims)), key=lambda k: (claims[k].start, claims[k].end))
    in_order = [claims[k] for k in order]
    prepared = textlib.prepare_text(text)
    passages = _Passages(pipeline()(prepared.text))
    spans = [prepared.plain_span(c.start, c.end) for c in in_order]
    return [FoundDispute(order[d.first], order[d.second], d.reason) for d in _disputes(passages, in_order, spans, sides)]


def _disputes(
    passages: "_Passages", claims: list[FoundClaim], spans: list[tuple[int, int]], sides: tuple[SideCues, ...]
) -> list[FoundDispute]:
    """Claims of opposing sides paired into disputes; claims and their spans of the plain text in
    the article's order (the pairing reads which claim answers the one just before)."""
    side_words = {w.lower() for side in sides for cue in side.cues for w in cue.split()}
    candidates = [
        ClaimForDisputes(passages.tokens(start, end), c.side, c.speaker, passages.context(start))
        if c.check_worthy else ClaimForDisputes((), None, None)
        for c, (start, end) in zip(claims, spans)
    ]
    return [FoundDispute(i, j, reason) for i, j, reason in find_disputes(candidates, side_words)]


def _claim(reader: "_Reader", article: ArticleInput, prepared: textlib.PreparedText, unit: _Unit, tokens: tuple) -> FoundClaim:
    start, end = prepared.original_span(unit.start, unit.end)
    text = article.text[start:end]
    tokens = list(tokens)
    worthy, score, reason = (False, 0.0, unit.set_aside) if unit.set_aside else checkworthiness.judge(
        tokens, reader.text[unit.start : unit.end], has_speaker=unit.speaker is not None, narration=unit.kind == "narration"
    )
    speaker = unit.speaker
    return FoundClaim(
        text=text,
        start=start,
        end=end,
        speaker=speaker.name if speaker else None,
        side=speaker.side if speaker else None,
        kind=unit.kind,
        check_worthy=worthy,
        score=score,
        source=speaker.entity.name if speaker and speaker.entity and speaker.entity.registry else None,
        loaded_terms=loaded_terms(text, article.loaded_lexicon),
        set_aside_reason=reason,
    )


class _Passages:
    """A parsed article read by character offsets: the words of a span, and what comes before it."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text
        self.index = TokenIndex(doc)
        self.sentences = list(doc.sents)
        self.sentence_starts = [s.start_char for s in self.sentences]

    def tokens(self, start: int, end: int) -> tuple:
        span = self.index.covering(start, end)
        return tuple(span) if span is not None else ()

    def context(self, start: int) -> tuple:
        """The sentence before the claim's own, when it is in the same paragraph ("X rejected
        that account."), and the words of its own sentence before it."""
        here = self.index.covering(start, start + 1)
        k = bisect_right(self.sentence_starts, start) - 1
        if here is None or k < 0:
            return ()
        sentence = self.sentences[k]
        own = tuple(t for t in sentence if t.i < here.start)
        if k == 0:
            return ()
        before = self.sentences[k - 1]
        if "\n" in self.text[before.end_char - 1 : sentence.start_char + 1]:
            return own
        return tuple(before) + own


class _Reader(_Passages):
    def __init__(self, doc: Doc, article: ArticleInput):
        super().__init__(doc)
        self.discourse = Discourse(article.sides, article.registry)
        self.paragraphs = textlib.paragraphs(self.text)
        if self.paragraphs:
            self.discourse.skip_before = textlib.dateline_end(self.text, self.paragraphs[0][0])
        self.discourse.learn_names(doc)
        self.discourse.learn_places(doc)
        self.discourse.learn_nouns(doc)
        self.discourse.learn_plaintiff(doc)
        self.units: list[_Unit] = []
        self.last_speaker: Speaker | None = None
        self._answering = _UNREAD  # an interview's interviewee, found when its first answer is read

    def read(self) -> list[_Unit]:
        paragraphs = self.paragraphs
        signature_lines = set()  # lines already read as the speaker of the quotation above them
        first_question, answers = newsroom.interview_answers(self.text, paragraphs)
        for k, (start, end) in enumerate(paragraphs):
            if k in signature_lines:
                continue
            quotes = self._quotes(start, end)
            signature = self._signature_after(quotes[-1], end) if quotes else None
            if signature is None:  # a quotation signed by a dash is no headline or caption
                furniture = page_furniture.set_aside(self.doc, self.text, paragraphs, k)
                if furniture == page_furniture.SENDER_BOILERPLATE:
                    self._read_boilerplate(start, end, furniture)
                    continue
                if furniture:
                    self.units.append(_Unit(start, end, "narration", None, furniture))
                    continue
                if quotes and k + 1 < len(paragraphs):
                    signature = self._signature_line(*paragraphs[k + 1])
                    if signature:
                        signature_lines.add(k + 1)
            following = self.text[slice(*paragraphs[k + 1])] if k + 1 < len(paragraphs) else ""
            lead_in = self.text[end - 1] == ":" and following.startswith('"')
            voice = self._interviewee(paragraphs[:first_question]) if k in answers else None
            self._read_paragraph(start, end, quotes, first=k == 0, signature=signature, lead_in=lead_in, voice=voice)
            self._asides_of_speakers(start, end)
        seen, unique = set(), []
        for unit in sorted(self.units, key=lambda u: (u.start, u.end)):
            if (unit.start, unit.end) not in seen and unit.end > unit.start:
                seen.add((unit.start, unit.end))
                unique.append(unit)
        return unique

    def _read_boilerplate(self, start: int, end: int, reason: str) -> None:
        """ "Holm Water is a trusted partner ... Founded in 1990, it employs 600 people. For more, visit ...": what the
        sender says of itself is advertising, but where the paragraph mixes its slogan with figures (its size, its
        founding), a sentence with a figure is a fact about it. A one-line profile is set aside whole."""
        sentences = [s for s in self._sentences_in(start, end) if not s.text.rstrip().endswith(":")]  # not "About X:"
        if len(sentences) < 2:
            self.units.append(_Unit(start, end, "narration", None, reason))
            return
        for sentence in sentences:
            s, e = max(sentence.start_char, start), min(sentence.end_char, end)
            if any(t.like_num and t.ent_type_ not in ("DATE", "TIME") or t.ent_type_ in _COUNTED for t in sentence):
                self._add(s, e, "narration", None)
            else:
                self.units.append(_Unit(s, e, "narration", None, reason))

    def _asides_of_speakers(self, start: int, end: int) -> None:
        """ "Haldane, which employs 230 people, said it would appeal": an aside about the speaker, outside what
        they said, is the writer's own statement; asides inside a claim are split off by _split_asides."""
        covered = [(u.start, u.end) for u in self.units if u.end > start and u.start < end]
        for sentence in self._sentences_in(start, end):
            for token in sentence:
                aside = _aside(token, self.doc)
                if aside is None or not start <= aside[0] < end or any(_overlaps(aside[0], aside[1], c) for c in covered):
                    continue
                if _introduces_a_speaker(token):
                    self.units.append(_Unit(aside[0], aside[1], "narration", None))

    def _sentences_in(self, start: int, end: int) -> list[Span]:
        first = bisect_left(self.sentence_starts, start)
        found = []
        for sentence in self.sentences[max(first - 1, 0) :]:
            if sentence.start_char >= end:
                break
            if sentence.end_char > start:
                found.append(sentence)
        return found

    def _interviewee(self, introduction: list[tuple[int, int]]) -> Speaker | None:
        """Who answers an interview's questions: the first person its introduction names, not the one who
        asked ("She spoke to Ben Okonjo", "interviewed by")."""
        if self._answering is _UNREAD:
            self._answering = self._first_person_named(introduction)
        return self._answering

    def _first_person_named(self, paragraphs: list[tuple[int, int]]) -> Speaker | None:
        for start, end in paragraphs:
            for sentence in self._sentences_in(start, end):
                for ent in sentence.ents:
                    before = self.doc[ent.start - 1].lower_ if ent.start > 0 else ""
                    if ent.label_ == "PERSON" and before not in ("to", "with", "by") and start <= ent.start_char < end:
                        return self.discourse.speaker(ent.root)
        return None

    def _read_paragraph(
        self, start: int, end: int, quotes, *, first: bool, signature=None, lead_in=False, voice: Speaker | None = None
    ) -> None:
        """Read one paragraph. `signature` is a following line that names who spoke the quote
        ('- Lena Brask, port director'); a `lead_in` paragraph ends in a colon and introduces the
        quotation that follows it ('And from the mayor:'); the `voice` of an interview's answer speaks
        every sentence that reports no one else."""
        signed_by = self._signer(*signature) if signature else None
        attributions: list[tuple[SpeechEvent, Speaker | None]] = []
        for sentence in self._sentences_in(start, end):
            if signature and sentence.start_char >= signature[0]:
                continue
            events = [e for e in speech_events(sentence, quotes) if not _inside(e.verb.idx, quotes)]
            if any(e.kind == "reported_speech" and e.has_content for e in events):
                # "X told Y that Z, according to a post": the reporting verb already says who spoke
                events = [e for e in events if e.kind != "according_to"]
            resolved = _nameless_within_another([(e, self._speaker_of(e)) for e in events])
            if voice is not None:  # "I think", "our survey found": in an answer, the one interviewed
                resolved = [(e, voice if _first_person(e.subject) else s) for e, s in resolved]
            self._remember_addressed(resolved)
            self.discourse.learn_media(sentence)
            attributions.extend(resolved)
            claims = [
                (e, s) for e, s in resolved
                if e.has_content and not _mostly_inside(e.start, e.end, quotes) and not _straddles(e.start, e.end, quotes)
            ]
            for event, speaker in claims:
                self._add(event.start, event.end, event.kind, speaker)
            for _, speaker in resolved:
                if speaker:
                    self.last_speaker = speaker  # a quote in the next paragraph may run on from them
            if claims and not any(_overlaps(sentence.start_char, sentence.end_char, q) for q in quotes):
                self._narrate_main_clause(sentence, [e for e, _ in claims], start if first else None)
            if claims or any(_overlaps(sentence.start_char, sentence.end_char, q) for q in quotes):
                continue
            if any(s for _, s in resolved) and not any(_acts_on_something(e.verb) for e, _ in resolved):
                continue  # "Haidai said on Telegram." attributes, claims nothing
            if lead_in:
                # "And from the harbour master, Lena Brask:" names who speaks next; it claims nothing
                self.last_speaker = self._named_in(sentence)
                continue
            self.discourse.mention(sentence.root)
            s, e = sentence.start_char, sentence.end_char
            if first and s == start:
                s = textlib.dateline_end(self.text, s)
            self._add(s, e, "direct_quote" if voice else "narration", voice)
        opens_with_quote = bool(quotes) and quotes[0][0] == start + 1
        for q in quotes:
            speaker = signed_by or self._quote_speaker(q, attributions)
            if speaker is None and opens_with_quote and not attributions:
                speaker = self.last_speaker  # the quote runs on from the previous paragraph
            self._add(q[0], q[1], "direct_quote", speaker)
            if speaker:
                self.last_speaker = speaker

    def _narrate_main_clause(self, sentence: Span, events: list[SpeechEvent], paragraph_start: int | None) -> None:
        """ "A man was shot dead on Fifth Avenue, and his family said the police account was false", "The singer
        has sued her label, saying it underpaid her": the writer states the main clause, the family or the singer
        what follows; each is a claim of its own. A speech clause joined on (or hung on a noun: "issued a statement
        saying") is cut off the writer's part; one buried inside it ("tenants stopped paying in protest at what
        they say is a broken boiler") stays in."""
        root = sentence.root
        if root.pos_ not in ("VERB", "AUX") or is_speech_verb(root) or any(e.verb.i == root.i for e in events):
            return
        if any(e.start <= root.idx < e.end for e in events) or not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
            return  # the main clause is what someone said, or no clause at all
        start, end = sentence.start_char, sentence.end_char
        if paragraph_start == start:
            start = textlib.dateline_end(self.text, start)
        for verb in (e.verb for e in events):
            if verb.i > root.i and verb.dep_ in ("conj", "advcl", "acl"):
                # "..., and his family said", "..., saying", "issued a statement saying": from there on, they speak
                joiners = [c for c in verb.head.children if c.dep_ == "cc" and c.i < verb.left_edge.i]
                end = min(end, joiners[-1].idx if joiners else verb.left_edge.idx)
        self._add(start, end, "narration", None)

    def _remember_addressed(self, resolved) -> None:
        """ "Marchetti accused Abernathy of ignoring the report. She said ...": the person a
        speaker accused or told is the next likeliest "she"; the speaker stays the likeliest."""
        for event, speaker in resolved:
            addressed = [c for c in event.verb.children if c.dep_ == "dobj" and c.ent_type_ == "PERSON"]
            if speaker is None or speaker.entity is None or not addressed:
                continue
            self.discourse.speaker(addressed[0])
            self.discourse.remember(speaker.entity)

    def _quotes(self, start: int, end: int) -> list[tuple[int, int]]:
        return [q for q in textlib.quote_spans(self.text, start, end) if self._stands_alone(start, q)]

    def _signature_after(self, quote: tuple[int, int], end: int) -> tuple[int, int] | None:
        """ '"...," - Lena Brask, port director': a dash after the last quotation signs it."""
        match = _SIGNATURE.match(self.text, quote[1] + 1, end) if quote[1] < end else None
        return (match.start(1), end) if match and self._signs(match.start(1), end) else None

    def _signature_line(self, start: int, end: int) -> tuple[int, int] | None:
        """ '- Lena Brask, port director' on its own line under a quotation signs it."""
        match = _SIGNATURE.match(self.text, start, end)
        return (match.start(1), end) if match and self._signs(match.start(1), end) else None

    def _signs(self, start: int, end: int) -> bool:
        """What follows a signing dash is a short name or description: no verb, a few words."""
        span = self.index.covering(start, end)
        if span is None or len(span) > 12:
            return False
        return not any(t.pos_ in ("VERB", "AUX") for t in span)

    def _signer(self, start: int, end: int) -> Speaker | None:
        span = self.index.covering(start, end)
        if span is None:
            return None
        people = [ent for ent in span.ents if ent.label_ in ("PERSON", "ORG")]
        head = people[0].root if people else span.root
        return self.discourse.speaker(head)

    def _named_in(self, sentence: Span) -> Speaker | None:
        """Who a lead-in names: a person or organisation the recogniser knows, else the first
        proper noun that is no place or date ("And from Kostelic herself, in Altmark:")."""
        # "And from Halvorian Trade Minister Viktor Lund:": a person before an organisation, and
        # either before a nationality
        rank = {"PERSON": 0, "ORG": 1, "NORP": 2}
        named = [ent.root for ent in sorted(sentence.ents, key=lambda e: rank.get(e.label_, 3)) if ent.label_ in rank]
        named = named or [
            t for t in sentence if t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME")
        ]
        return self.discourse.speaker(named[0]) if named else None

    def _speaker_of(self, event: SpeechEvent) -> Speaker | None:
        subject = event.subject
        if subject is None:
            return None
        if subject.idx < self.discourse.skip_before and event.kind != "according_to" and any(
            t.pos_ == "VERB" and t.idx >= self.discourse.skip_before for t in subject.subtree
        ):  # the dateline took a whole clause for its own
            subject = subject_after_dateline(event.verb) or subject
        return self.discourse.speaker(subject, event.verb if event.kind != "according_to" else None)

    def _stands_alone(self, paragraph_start: int, quote: tuple[int, int]) -> bool:
        """A quotation that opens a sentence or follows a comma or colon is someone's speech;
        one inside a sentence ("had "liberated" the region") is part of that sentence."""
        if len(self.text[quote[0] : quote[1]].split()) < MIN_QUOTE_WORDS:
            return False
        before = self.text[paragraph_start : quote[0] - 1].rstrip()
        if before[-2:-1] in (".", "!", "?") and before[-1:] in ("\"", "\u201d", "'", "\u2019", "\u00bb"):
            return True  # '"... history." "Within six hours ...": a second quotation after the first'
        return not before or before[-1] in ".:;,!?("

    def _quote_speaker(self, quote, attributions) -> Speaker | None:
        best, best_distance = None, None
        for event, speaker in attributions:
            if speaker is None:
                continue
            distance = abs(event.verb.idx - quote[1])
            if event.has_content and not _mostly_inside(event.start, event.end, [quote]):
                distance += 10_000  # a speaker with claims of their own comes after one who only attributes
            if best_distance is None or distance < best_distance:
                best, best_distance = speaker, distance
        return best

    def _add(self, start: int, end: int, kind: str, speaker: Speaker | None) -> None:
        start = max(start, self.discourse.skip_before) if start < self.discourse.skip_before < end else start
        start, end = textlib.trim(self.text, start, end, strip=' \n,;:-"')
        if end <= start:
            return
        self.units.append(_Unit(start, end, kind, speaker))
        self._split_asides(start, end, kind)

    def _split_asides(self, start: int, end: int, kind: str) -> None:
        """ ", who tested positive last month": the writer's aside about a person is narration."""
        span = self.index.covering(start, end)
        if span is None:
            return
        parent = self.units[-1]  # the claim just added, before any aside is split off it
        for token in span:
            aside = _aside(token, self.doc, ("who",))
            if aside is None or aside[1] > end:
                continue
            a_start, a_end = aside
            left = token.left_edge.i
            if a_end >= end - 1 and parent.start < self.doc[left - 1].idx:
                parent.end = self.doc[left - 1].idx  # the aside closed the claim: cut it off
            self.units.append(_Unit(a_start, a_end, "narration", None))


def _first_person(subject) -> bool:
    """ "I", "we", "my office", "our survey": the speaker's own voice."""
    return subject is not None and (
        subject.lower_ in ("i", "we") or any(c.dep_ == "poss" and c.lower_ in ("my", "our") for c in subject.children)
    )


def _reported_by_another(event: SpeechEvent, attributions) -> bool:
    return any(
        other is not event and other.has_content and other.start <= event.verb.idx < other.end
        for other, _ in attributions
    )


def _nameless_within_another(resolved: list) -> list:
    """ "The union said the council had been warned in March that X": a speech nobody is named
    for, inside what someone said, is theirs to report."""
    found = []
    for event, speaker in resolved:
        if speaker is None and event.has_content:
            outer = [(e, s) for e, s in resolved if s and e is not event and _reported_by_another(event, [(e, s)])]
            speaker = outer[0][1] if outer else None
        found.append((event, speaker))
    return found


def _aside(token, doc, openers=("who", "which")) -> tuple[int, int] | None:
    """ ", who tested positive last month", ", which employs 230 people": a relative clause set off by a comma
    is the writer's aside about someone. "his agent, who has told two clubs that ..." is an attribution."""
    if token.dep_ != "relcl" or token.left_edge.lower_ not in openers or is_speech_verb(token):
        return None
    left = token.left_edge.i
    if left == 0 or doc[left - 1].text != ",":
        return None
    if sum(1 for t in doc[left : token.right_edge.i + 1] if not t.is_punct) < 4:
        return None
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)


def _introduces_a_speaker(aside) -> bool:
    """The aside describes who is about to speak ("Haldane, which employs 230 people, said ..."): the verb it hangs
    under is one of speech, after it. ("Mr Dray, who is to testify, declined to comment" introduces nobody.)"""
    verb = next((t for t in aside.head.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:  # the parser may hang the speaker's verb on the name itself ("Renn, who ..., posted: ...")
        verb = next((c for c in aside.head.children if c.pos_ == "VERB" and c.i > aside.right_edge.i), None)
    if verb is None or verb.i <= aside.right_edge.i:
        return False
    # "Renn, who was sent off, wrote on his blog: '...'": any verb that leads into a quotation speaks
    return is_speech_verb(verb) or any(t.is_quote for t in verb.doc[verb.i : verb.sent.end])


def _acts_on_something(verb) -> bool:
    """ "Regional trains added two carriages": a verb of speech with an object that is no listener
    ("told reporters") is the writer's account of a deed, not an attribution; so is one in the passive
    whose subject is a thing ("The fire was first reported at 10am by a motorist")."""
    if verb.lemma_.lower() not in LISTENER_VERBS and any(c.dep_ == "dobj" for c in verb.children):
        return True
    return any(c.dep_ == "nsubjpass" and c.pos_ in ("NOUN", "PROPN") for c in verb.children)


def _inside(position: int, spans) -> bool:
    return any(s <= position < e for s, e in spans)


def _overlaps(start: int, end: int, span) -> bool:
    return min(end, span[1]) > max(start, span[0])


def _straddles(start: int, end: int, spans) -> bool:
    """A reported clause that opens inside a quotation and runs out of it ('"We will win," Roe told supporters.
    "Our voters'): the parse read across the quotation marks; the quotations are claims of their own. One that
    ends on a quotation ('said the state added 84,000 jobs, "more than ever before."') is the speaker's whole claim."""
    return any(s <= start < e < end for s, e in spans)


def _mostly_inside(start: int, end: int, spans) -> bool:
    length = max(end - start, 1)
    return any(min(end, e) - max(start, s) >= 0.5 * length for s, e in spans)
