"""Speakers and their sides, followed through an article.

`Discourse` remembers who has spoken so far, so that "he", "it", "the ministry", "the governor"
or "the post" can be resolved to the entity they point back to. A speaker's side comes, in this
order, from the registry, from the entity it refers back to, from side cue words in the speaker's
own description ("Ukrainian authorities", "Russia's defense minister") or a US party label, from
what the sentence says of the speaker outside that description (`sides`: "who chairs the Yes
campaign", "filed by the prosecution"), from the owner of a possessive ("Its president"), from
places and nouns the article tied to a side before ("the governor of Kursk", "the memo"), and
last, for a bare job title ("chief operating officer"), from the organisation that spoke just
before. Never from what the claim itself says.
"""
import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from . import sides as stated
from .names import (
    ABBREVIATED_TITLES,
    ORG_NOUNS,
    ORG_SUFFIXES,
    TITLES,
    clean_name,
    describes_a_company,
    is_anaphoric,
    name_in_apposition,
    person_name,
    phrase_of,
    norm,
    surname,
)
from .attribution import EVIDENCE, RESEARCHERS, document_read_as_noun
from .gender import can_refer_to, gender_of
from .types import KnownSource, SideCues

PERSONAL = {"he": "person", "she": "person", "him": "person", "her": "person", "his": "person"}
NEUTER = {"it": "organisation", "its": "organisation"}
PLURAL = {"they": "group", "them": "group", "their": "group", "we": "group", "our": "group"}
MEDIA = frozenset("post statement letter message video report release tweet note communique bulletin".split())
# What someone issues and nobody else could have: "the statement said" is whoever spoke last. A
# report, by contrast, is a source of its own when no owner is named.
UTTERANCES = MEDIA - {"report", "video"}
# Words for someone who speaks for an organisation without naming it ("chief operating officer").
ROLE_WORDS = frozenset(
    "spokesman spokeswoman spokesperson executive officer director chairman chairwoman chair manager head".split()
)
# Nouns that may stand for whichever organisation the article quoted last ("Brightway said ... the
# company said"). A court, a commission, an agency or an observer group is only the one the article
# named as such: it must not inherit the side of the campaign quoted before it.
STAND_IN_NOUNS = frozenset("company firm group organisation organization business club team union party".split())
# Verbs by which someone makes a document public: "images released by the firm Orbis".
PUBLISHING_VERBS = frozenset("release publish issue conduct compile produce prepare".split())
# Documents whose respondents speak through them: "Nine percent said they were undecided."
SURVEYS = frozenset("poll survey".split())
# Who publishes: "a note from the journal" is the journal's.
PUBLICATIONS = frozenset("journal newspaper magazine paper broadcaster network newsletter publisher".split())
LAWSUITS = frozenset("lawsuit suit complaint".split())
SPOKESPEOPLE = frozenset("spokesman spokeswoman spokesperson".split())
# The people a story may call "the family".
KIN = frozenset(
    """mother father sister brother son daughter wife husband widow widower parent sibling cousin aunt uncle
    niece nephew grandmother grandfather grandson granddaughter""".split()
)
PLACE_NOUNS = frozenset("town city village region province oblast district state county port capital area".split())


def _contains(haystack: str, needle: str) -> bool:
    return bool(needle) and re.search(rf"(?<![\w-]){re.escape(needle)}(?![\w-])", haystack) is not None


@dataclass
class Entity:
    name: str
    kind: str  # person | organisation | group
    side: str | None
    words: set[str] = field(default_factory=set)
    registry: bool = False

    @property
    def gender(self) -> str | None:
        return gender_of(self.name, self.words) if self.kind == "person" else None


@dataclass
class Speaker:
    name: str
    side: str | None
    entity: Entity | None
    as_written: str


class Discourse:
    def __init__(self, sides: tuple[SideCues, ...], registry: tuple[KnownSource, ...]):
        self.sides = sides
        self.registry = registry
        self.entities: list[Entity] = []
        self.places: dict[str, str] = {}
        self.media: dict[str, Entity] = {}
        self.plaintiff_side: str | None = None
        self.documents: dict[str, Entity] = {}  # "figures": whose figures the article cited last
        self._registry_forms = [
            (norm(form), source) for source in registry for form in (source.name, *source.aliases) if norm(form)
        ]
        self._registry_forms.sort(key=lambda pair: -len(pair[0]))
        self._cues = [(stated.cue_words(cue), side.name) for side in sides for cue in side.cues if stated.cue_words(cue)]
        members = [(stated.one_of(cue), side.name) for side in sides for cue in side.cues]
        self._cues += [(stated.cue_words(one), side) for one, side in members if one]
        # "Mayor Delgado": a cue that names a person by title and surname also fits "Mayor Ana Delgado"
        self._titled_cues = [
            (set(stated.cue_words(cue).split()), side.name) for side in sides for cue in side.cues
            if len(cue.split()) == 2 and all(w[:1].isupper() for w in cue.split())
        ]
        self.parties = stated.parties_of(sides)
        # One pattern for all cues, tried at every word start, in the order the sides list them.
        self._cue_side: dict[str, str] = {}
        for cue, side in self._cues:
            self._cue_side.setdefault(cue, side)
        alternatives = "|".join(re.escape(cue) for cue in self._cue_side)
        self._cue_pattern = re.compile(rf"(?<![\w-])(?=((?:{alternatives})(?![\w-])))") if self._cue_side else None
        self.topic: dict[str, int] = {}  # how often the article uses each noun
        self.described: dict[str, list[tuple[int, str]]] = {}  # "memo": where it was called "a Halvard memo"
        self._cue_names = _cue_names(sides)
        self.skip_before = 0  # the dateline is nobody's name
        self.registry_labels: dict[str, str | None] = {}
        self.full_names: list[tuple[int, str]] = []  # (where, "Ada Roe") for every person named in full

    # --- what the article says about places --------------------------------------------------
    def learn_names(self, doc) -> None:
        """Which registry names and aliases the article itself treats as organisations: the
        entity recogniser labels the full name ("Brightway Electronics") better than a short form."""
        entities = doc.ents  # (built from the whole article on each access)
        labels = {norm(ent.text): ent.label_ for ent in entities}
        for ent in entities:
            words = [t.text for t in ent if norm(t.text) not in TITLES]
            if ent.label_ == "PERSON" and len(words) >= 2 and surname(words[-1]):
                self.full_names.append((ent.start_char, " ".join(words)))
            elif ent.label_ == "ORG" and person_name(list(ent)) == ent.text:
                self.full_names.append((ent.start_char, ent.text))  # "Renata Vickery" taken for a firm
        for source in self.registry:
            label = labels.get(norm(source.name))
            last = norm(source.name).split()[-1:]
            if last and (last[0] in ORG_SUFFIXES or last[0] in ORG_NOUNS or last[0].rstrip("s") in ORG_NOUNS):
                label = "ORG"
            for form in (source.name, *source.aliases):
                self.registry_labels[norm(form)] = label

    def learn_places(self, doc) -> None:
        """Tie place names to sides from the article's own wording.

        "the Arvanian border town of Marsk", "MARSK, Arvane, May 21", "Belgorod Governor X" where X
        is a registry source: each ties a place to a side. Places listed together with a known one
        ("Kursk and Belgorod") are taken to be on the same side. The entity recogniser's labels
        for small places are unreliable, so proper nouns are read by their position instead.
        """
        for ent in doc.ents:
            if ent.label_ not in ("GPE", "LOC", "FAC", "NORP", "ORG", "PRODUCT", "PERSON"):
                continue
            name = norm(ent.text)
            if not name or self.side_in(ent.text):
                continue
            side = self._side_of_place_phrase(ent)
            if side:
                self.places.setdefault(name, side)
        surnames = {surname(s.name): s.side for s in self.registry if s.side and surname(s.name)}
        for token in doc[:-2]:
            # "Belgorod Governor Vyacheslav Gladkov": the place in a registry person's title
            if token.pos_ != "PROPN" or norm(doc[token.i + 1].text) not in TITLES or self.side_in(token.text):
                continue
            following = [norm(t.text) for t in doc[token.i + 2 : token.i + 6]]
            side = next((surnames[w] for w in following if w in surnames), None)
            if side:
                self.places.setdefault(norm(token.text), side)
        for token in doc:
            if token.pos_ == "PROPN" and token.dep_ == "conj" and token.head.pos_ == "PROPN":
                a, b = norm(token.text), norm(token.head.text)
                if a in self.places and b not in self.places and not self.side_in(token.head.text):
                    self.places[b] = self.places[a]
                elif b in self.places and a not in self.places and not self.side_in(token.text):
                    self.places[a] = self.places[b]

    def _side_of_place_phrase(self, ent: Span) -> str | None:
        root = ent.root
        # "the Arvanian border town of Marsk": place <- of <- town (with a side cue before it)
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PLACE_NOUNS:
            noun = root.head.head
            return self.side_in(" ".join(t.text for t in noun.lefts))
        # "MARSK, Arvane": place followed by an appositive naming a side
        for child in root.children:
            if child.dep_ == "appos":
                side = self.side_in(child.text)
                if side:
                    return side
        # "Lysychansk, Ukraine." or "MARSK, Arvane, May 21": a country closed off by punctuation
        doc = ent.doc
        if ent.end + 2 < len(doc) and doc[ent.end].text == "," and doc[ent.end + 2].is_punct:
            return self.side_in(doc[ent.end + 1].text)
        return None

    def learn_plaintiff(self, doc) -> None:
        """ "Pop singer Ada Roe has sued her former label": the lawsuit speaks for whoever sued."""
        for token in doc:
            if token.lemma_.lower() != "sue" or token.pos_ != "VERB":
                continue
            plaintiff = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if plaintiff is not None and plaintiff.pos_ in ("NOUN", "PROPN"):
                self.plaintiff_side = self._stated_side(" ".join(t.text for t in phrase_of(plaintiff)))
                return

    def learn_nouns(self, doc) -> None:
        """Count the article's nouns (a qualifier the story keeps using is its subject), and
        remember which of them its modifiers tie to a side: after "an internal Halvard memo" or
        "the Sarvenian port of Velna", "the memo" and "a port official" speak for that side."""
        for token in doc:
            if token.pos_ != "NOUN":
                continue
            lemma = token.lemma_.lower()
            self.topic[lemma] = self.topic.get(lemma, 0) + 1
            modifiers = [t for c in token.lefts if c.dep_ in ("amod", "compound", "poss", "nmod") for t in c.subtree]
            side = self.side_in(" ".join(t.text for t in modifiers)) if modifiers else None
            if modifiers and side is None and self.side_in(token.text) is None:
                # "the council's minority caucus" is the side of the cue "minority caucus"
                side = self.side_in(" ".join(t.text for t in sorted([*modifiers, token], key=lambda t: t.i)))
            if side:
                self.described.setdefault(lemma, []).append((token.idx, side))

    def _described_side(self, phrase: list[Token], subject: Token) -> str | None:
        """ "The memo", "a port official": a definite head noun or a modifying noun the article
        tied to one side before, and never to another."""
        nouns = [c for c in subject.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        if phrase and phrase[0].lower_ in ("the", "this", "that"):
            nouns.append(subject)
        for noun in nouns:
            lemma = noun.lemma_.lower()
            if lemma in TITLES or lemma in ROLE_WORDS:
                continue
            sides = {side for at, side in self.described.get(lemma, ()) if at < subject.idx}
            if len(sides) == 1:
                return sides.pop()
        return None

    # --- sides --------------------------------------------------------------------------------
    def side_in(self, description: str) -> str | None:
        """The side whose cue word stands last in the description (nearest its head noun)."""
        return self._cue_in(description)[0]

    def _cue_in(self, description: str) -> tuple[str | None, str | None]:
        last = None
        for last in self._cue_pattern.finditer(stated.cue_words(description)) if self._cue_pattern else ():
            pass
        return (self._cue_side[last.group(1)], last.group(1)) if last else (None, None)

    def _stated_side(self, description: str) -> str | None:
        """The side a description names by a cue word, a registry source or a US party."""
        if not description:
            return None
        source = self.registry_match(stated.cue_words(description), None)
        return (
            self.side_in(description)
            or (source.side if source else None)
            or self.parties.get(stated.party_in(description) or "")
        )

    def place_side_in(self, description: str) -> str | None:
        text = stated.cue_words(description)
        for place, side in self.places.items():
            if _contains(text, place):
                return side
        return None

    # --- the registry ---------------------------------------------------------------------------
    def registry_match(self, description: str, person: str | None) -> KnownSource | None:
        text = norm(description)
        for form, source in self._registry_forms:
            if _contains(text, form):
                return source
        # A surname alone names a registry person ("Falk" is Petra Falk); the last word of an
        # organisation ("Ukraine's Agriculture Ministry") is no surname, and a description that
        # names another side is somebody else.
        surname = norm(person or description).split()[-1:] if (person or description) else []
        if surname and len(surname[0]) > 3:
            stated_side = self.side_in(description)
            for source in self.registry:
                if norm(source.name).split()[-1:] != surname or self._looks_like_organisation(source.name):
                    continue
                if stated_side is None or source.side in (None, stated_side):
                    return source
        return None

    def _registry_head_match(self, head: str) -> KnownSource | None:
        found = [s for s in self.registry if norm(s.name).split()[-1:] == [head]]
        return found[0] if len(found) == 1 else None

    # --- entities -----------------------------------------------------------------------------
    def remember(self, entity: Entity) -> Entity:
        for known in self.entities:
            if known.name == entity.name:
                known.words |= entity.words
                if known.side is None:
                    known.side = entity.side
                self.entities.remove(known)
                self.entities.append(known)
                return known
        self.entities.append(entity)
        return entity

    def recent(self, kinds: tuple[str, ...], named: bool = False) -> Entity | None:
        """The latest entity of these kinds; `named`, only one the article called by its proper name."""
        for entity in reversed(self.entities):
            if entity.kind in kinds and (not named or entity.name[:1].isupper()):
                return entity
        return None

    def by_word(self, word: str, kinds: tuple[str, ...]) -> Entity | None:
        """The latest entity named with this word, else the latest described with it."""
        candidates = [e for e in reversed(self.entities) if e.kind in kinds]
        for entity in candidates:
            if word in norm(entity.name).split():
                return entity
        for entity in candidates:
            if word in entity.words:
                return entity
        return None

    def learn_media(self, sentence: Span) -> None:
        """ "a post on the ministry's Telegram channel": later, "the post said" means the ministry."""
        for token in sentence:
            if token.lemma_.lower() not in MEDIA or token.pos_ != "NOUN":
                continue
            for inner in token.subtree:
                if inner.dep_ == "poss" and inner.pos_ in ("NOUN", "PROPN"):
                    owner = self.resolve_nominal(inner)
                    if owner:
                        self.media[token.lemma_.lower()] = owner
                        break

    def resolve_nominal(self, head: Token, bare: bool = True) -> Entity | None:
        """ "the ministry", "the governor": the latest entity the word names or describes.
        A bare "the company" may also mean the organisation that spoke last."""
        word = head.lemma_.lower()
        kinds = ("person",) if word in TITLES else ("organisation", "group")
        # "the observer group" is not the "Harlow Labour Group" quoted before: a noun that
        # qualifies the head must be one of the entity's own words.
        qualifiers = {c.lemma_.lower() for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN"}
        entity = self.by_word(word, kinds) or self.by_word(head.lower_, kinds)
        if entity and qualifiers <= entity.words | set(norm(entity.name).split()):
            return entity
        source = self._registry_head_match(word)
        if source and qualifiers <= set(norm(source.name).split()):
            return self.remember(self._entity_from_source(source, "organisation", {word}))
        if word in self._cue_names and qualifiers <= set(norm(self._cue_names[word][0]).split()):
            # "the team" after the side named "Team Vireo": the side's own organisation
            name, side = self._cue_names[word]
            return self.remember(Entity(name, "organisation", side, set(norm(name).split())))
        if word in STAND_IN_NOUNS and bare:
            # ... unless the noun itself names another side ("the company" in a story whose
            # company is one side cannot be the regulator that spoke last).
            recent = self.recent(("organisation",), named=True)  # "the company" is no "analyst" quoted last
            named_side = self.side_in(word)
            if recent is not None and (named_side is None or recent.side in (None, named_side)):
                return recent
        return None

    def _entity_from_source(self, source: KnownSource, kind: str, words: set[str]) -> Entity:
        return Entity(source.name, kind, source.side, set(norm(source.name).split()) | words, registry=True)

    # --- the speaker of an event ----------------------------------------------------------------
    def mention(self, root: Token) -> None:
        """Remember a named subject of narration ("Brightway called the recall disproportionate")
        so that "the company" in the next sentence can point back to it."""
        for child in root.children:
            # "Greyfen's founder, Simone Achterberg, was unmoved": the name in apposition is who "she" is next
            named = child.pos_ == "PROPN" or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in child.children)
            if child.dep_ in ("nsubj", "nsubjpass") and named:
                self.speaker(child)

    def speaker(self, subject: Token, verb: Token | None = None, alone: bool = False) -> Speaker | None:
        """Who the subject phrase names. `alone`: one member of a pair, without the others."""
        if verb is not None and verb.pos_ == "NOUN":
            return self._author_of_misread_document(subject, verb)
        pair = [c for c in subject.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
        if pair and not alone and subject.pos_ in ("PROPN", "NOUN"):
            return self._pair(subject, pair, verb)
        named = name_in_apposition(subject)
        if named is not None:
            return self._with_kind_side(self.speaker(named, verb, alone), subject)
        lower = subject.lower_
        if lower in PERSONAL or lower in NEUTER or lower in PLURAL:
            entity = (self._subject_before(subject) if lower in NEUTER else None) or self._resolve_pronoun(lower)
            if entity is None:
                return None
            return Speaker(entity.name, entity.side, self.remember(entity), subject.text)
        phrase = phrase_of(subject, self.skip_before, alone)
        if not phrase:
            return None
        written = " ".join(t.text for t in phrase).replace(" 's", "'s")
        if subject.lemma_.lower() in MEDIA and subject.pos_ == "NOUN":
            # "the post said", "according to a statement on the ministry's site": whoever posted it
            entity = self._media_owner(subject) or self._author(subject)  # "a note from the journal"
            if entity is None and phrase[0].lower_ == "the" and self.entities and subject.lemma_.lower() in UTTERANCES:
                entity = self.entities[-1]
            if entity is not None:
                return Speaker(entity.name, entity.side, self.remember(entity), written)
            # "A news report published Wednesday said": the report itself is the source
        if subject.lemma_.lower() in EVIDENCE and subject.pos_ == "NOUN":
            # "its storage records showed", "the ministry's figures show", "a report by the city
            # auditor found": the owner's or the author's finding
            owner = self._possessor(subject) or self._author(subject) or self._cited_before(subject, phrase)
            cited = self.documents.get(subject.lemma_.lower())
            if owner is not None and subject.lemma_.lower() in SURVEYS and owner is not cited:
                owner = self._pollster_s(subject, owner)
            if owner is not None:
                self.documents[subject.lemma_.lower()] = owner
                return Speaker(owner.name, owner.side, self.remember(owner), written)
        respondents = self._respondents(subject, written)
        if respondents is not None:
            return respondents
        if is_anaphoric(phrase, subject):
            entity = self.resolve_nominal(subject, bare=len(phrase) == 2)
            if entity:
                return Speaker(entity.name, entity.side, self.remember(entity), written)
            holder = self._abbreviated_title_holder(subject.lemma_.lower()) if len(phrase) == 2 else None
            if holder:
                # "Sen. Ada Roe ... the senator said": said as written, for the senator's side
                return Speaker(clean_name(phrase), holder.side, self.remember(holder), written)
        if describes_a_company(phrase, subject):
            company = self.recent(("organisation",), named=True)
            if company:
                return Speaker(company.name, company.side, self.remember(company), written)
        words = {norm(t.text) for t in phrase if t.pos_ in ("NOUN", "PROPN", "ADJ")}
        person = person_name(phrase)
        if person and not surname(person):
            person = None  # "©", "Ã©": nothing left of it is a name
        if person and len(person.split()) == 1 and not self._known_person(person):
            # "Mr. Morrison", "Ortez": the person the article named in full before
            person = self._full_name(person, subject.idx) or person
        if person and len(person.split()) == 1 and self._looks_like_organisation(person):
            person = None  # "Brightway": a company the entity recogniser took for a person
        if person is None and (subject.pos_ == "PROPN" or subject.pos_ == "ADV" and subject.text.istitle()):
            # A surname on its own ("Oster", "Brun", "Kiely" taken for an adverb) names someone introduced earlier.
            known = self._known_person(subject.text)
            source = None
            if not known and subject.ent_type_ not in ("ORG", "GPE", "NORP"):
                source = self._registry_person(subject.text, surname_only=True)
            if known or source:
                person = known.name if known else source.name
            elif subject.ent_type_ == "PERSON":
                person = self._full_name(subject.text, subject.idx)  # "said Ada Kiely": the name the parser split
        if person:
            source = self._registry_person(person)
            if source:
                entity = self.remember(self._entity_from_source(source, "person", words))
                return Speaker(source.name, source.side, entity, written)
            known = self._known_person(person)
            if known:
                known.words |= words
                if known.side is None:  # a later description may be the first to name the side
                    known.side = self._side_for(phrase, written, subject, verb, "person")
                return Speaker(known.name, known.side, self.remember(known), written)
            side = self._side_for(phrase, written, subject, verb, "person")
            entity = self.remember(Entity(person, "person", side, words))
            return Speaker(person, side, entity, written)
        spoken_for = self._spoken_for(subject, phrase)
        if spoken_for is not None:
            return spoken_for
        source = self.registry_match(written, None)
        kind = "group" if subject.tag_ == "NNS" else "person" if subject.lemma_.lower() in TITLES else "organisation"
        if source:
            entity = self.remember(self._entity_from_source(source, kind, words))
            return Speaker(source.name, source.side, entity, written)
        name = clean_name(_without_topic(phrase, subject))
        if not norm(name):
            return None
        known = next((e for e in reversed(self.entities) if e.name == name), None)
        side = known.side if known else self._side_for(phrase, written, subject, verb, kind)
        entity = self.remember(Entity(name, kind, side, words))
        if subject.lemma_.lower() in EVIDENCE and subject.pos_ == "NOUN":
            self.documents[subject.lemma_.lower()] = entity  # "A Tellbridge poll put Roe at 44 percent"
        return Speaker(entity.name, entity.side, entity, written)

    def _pair(self, first: Token, others: list[Token], verb: Token | None) -> Speaker | None:
        """ "Mr. Grassley and Mr. Leahy said", "Clinton and the State Department have asserted":
        both speak; the pair is named as written, each member by the name the article gave them,
        and has a side only when its members share it."""
        members = [self.speaker(token, verb, alone=True) for token in (first, *others)]
        members = [m for m in members if m is not None]
        if len(members) < 2:
            return members[0] if members else None
        name = " and ".join(m.name for m in members)
        sides = {m.side for m in members}
        side = sides.pop() if len(sides) == 1 else None
        words = {w for m in members if m.entity for w in m.entity.words}
        entity = self.remember(Entity(name, "group", side, words))
        written = " ".join(t.text for t in phrase_of(first, self.skip_before))
        return Speaker(name, side, entity, written)

    def _author(self, document: Token) -> Entity | None:
        """ "a report by the city auditor", "figures from the labor department", "images released
        by the firm Orbis": who made the document."""
        for child in document.children:
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                authors = [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ == "acl" and child.lemma_.lower() in PUBLISHING_VERBS:
                authors = [p for c in child.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            else:
                continue
            for author in authors:
                if _can_author(author):
                    found = self.speaker(author)
                    if found is not None and found.entity is not None:
                        return found.entity
        return None

    def _pollster_s(self, poll: Token, pollster: Entity) -> Entity:
        """ "An exit poll by Meridia Research": a poll goes by its pollster's name, "the Meridia
        Research exit poll"."""
        if surname(pollster.name) in SURVEYS:
            return pollster
        kind = " ".join(t.text for t in poll.lefts if t.dep_ == "compound") + " " + poll.text
        return self.remember(Entity(f"{pollster.name} {kind.strip()}", "document", pollster.side, {poll.lemma_.lower()}))

    def _cited_before(self, document: Token, phrase: list[Token]) -> Entity | None:
        """ "The same figures put ...", "the memo warned": a document the article cited before."""
        if not is_anaphoric(phrase, document):
            return None  # "the FBI data" are the FBI's, whoever was cited before
        return self.documents.get(document.lemma_.lower())

    def _author_of_misread_document(self, author: Token, misread: Token) -> Speaker | None:
        """The author of "Records from Dunmere council show that ...", where the parser took "show"
        for a noun; the documents are remembered as theirs."""
        found = self.speaker(author)
        document = document_read_as_noun(misread)
        if found is not None and found.entity is not None and document is not None:
            self.documents[document.lemma_.lower()] = found.entity
        return found

    def _respondents(self, subject: Token, written: str) -> Speaker | None:
        """ "Nine percent said they were undecided", "six in 10 voters said": the people a poll
        asked speak through it, and are named as the share of it they are."""
        share = subject.lemma_.lower() in ("percent", "%") or (
            subject.like_num and any(c.dep_ == "prep" and c.lower_ == "in" for c in subject.children)
        )
        poll = next((self.documents[kind] for kind in SURVEYS if kind in self.documents), None) if share else None
        if poll is None:
            return None
        return Speaker(f"{written} in the {poll.name}", poll.side, self.remember(poll), written)

    def _looks_like_organisation(self, name: str) -> bool:
        return self.registry_labels.get(norm(name)) not in (None, "PERSON")

    def _named_as_person(self, name: str) -> bool:
        return self.registry_labels.get(norm(name)) == "PERSON"

    def _registry_person(self, person: str, surname_only: bool = False) -> KnownSource | None:
        name, last = norm(person), surname(person)
        if not last:
            return None
        for source in self.registry:
            forms = [norm(f) for f in (source.name, *source.aliases)]
            if name in forms and not surname_only:
                return source
        for source in self.registry:
            if self._looks_like_organisation(source.name) or (surname_only and not self._named_as_person(source.name)):
                continue
            if len(last) > 3 and surname(source.name) == last:
                return source
        return None

    def _known_person(self, person: str) -> Entity | None:
        last = surname(person)
        for entity in reversed(self.entities):
            if last and entity.kind == "person" and surname(entity.name) == last:
                return entity
        return None

    def _possessor(self, noun: Token) -> Entity | None:
        for child in noun.children:
            if child.dep_ != "poss":
                continue
            if child.lower_ in NEUTER or child.lower_ in PERSONAL or child.lower_ in PLURAL:
                bound = _bound_owner(child)  # "The company ... according to its annual report"
                owner = self.speaker(bound) if bound is not None else None
                return owner.entity if owner else self._resolve_pronoun(child.lower_)
            if child.pos_ in ("NOUN", "PROPN"):
                owner = self.speaker(child)
                return owner.entity if owner else None
        return None

    def _media_owner(self, subject: Token) -> Entity | None:
        for inner in subject.subtree:
            if inner.dep_ == "poss" and inner.i != subject.i and inner.pos_ in ("NOUN", "PROPN"):
                owner = self.resolve_nominal(inner)
                if owner:
                    return owner
        return self.media.get(subject.lemma_.lower())

    def _full_name(self, name: str, before: int) -> str | None:
        last = surname(name)
        found = [full for at, full in self.full_names if at < before and surname(full) == last]
        return found[-1] if found else None

    def _resolve_pronoun(self, lower: str) -> Entity | None:
        if lower in PERSONAL:
            # "he" or "she": the latest person the pronoun can stand for
            return next((e for e in reversed(self.entities) if e.kind == "person" and can_refer_to(lower, e.gender)), None)
        if lower in NEUTER:
            return self.recent(("organisation",))
        return self.recent(("group", "organisation"))

    def _side_for(self, phrase, written: str, subject: Token, verb: Token | None, kind: str) -> str | None:
        side, cue = self._cue_in(written)
        if side and not stated.qualified_otherwise(subject, cue, self.topic):
            return side
        affiliation = self.registry_match(stated.cue_words(written), None)
        if affiliation and affiliation.side:
            return affiliation.side  # "General staff spokesman X": the organisation's side
        words = set(stated.cue_words(written).split())
        side = next((side for cue, side in self._titled_cues if cue <= words), None) if kind == "person" else None
        if side:
            return side
        side = self.parties.get(stated.party_in(written) or "")
        if side:
            return side  # "Sen. Ann Roe (D-Mass.)", "the Republican senator"
        # What the sentence says of the speaker outside the phrase: "who chairs the Yes campaign",
        # "documents filed by the prosecution", a description the parser cut off before the name.
        around = (*stated.affiliations(subject), *stated.authors(subject), stated.description_before(phrase, TITLES | ROLE_WORDS))
        side = next((s for s in map(self._stated_side, around) if s), None)
        if side:
            return side
        for token in phrase:
            if token.dep_ == "poss" and token.lower_ in {**NEUTER, **PERSONAL, **PLURAL}:
                bound = _bound_owner(token)
                owner = self._side_of_noun(bound) if bound is not None else self._side_of(self._resolve_pronoun(token.lower_))
                if owner:
                    return owner
            elif token.dep_ == "poss" and token.pos_ == "NOUN":
                owner = self.resolve_nominal(token)
                if owner and owner.side:
                    return owner.side
        side = self.place_side_in(written) or self._described_side(phrase, subject)
        if side:
            return side
        if verb is not None:
            fronted = [c for c in verb.lefts if c.dep_ == "prep" and c.i < subject.left_edge.i]
            for prep in fronted:
                text = " ".join(t.text for t in prep.subtree)
                side = self.side_in(text) or self.place_side_in(text)
                if side:
                    return side
        side = self._kin_or_cabinet_side(subject, words) if kind == "person" else None
        if side:
            return side
        if stated.not_involved(subject):
            # "an epidemiologist who was not involved in the study": an independent expert
            side = next((side for cue, side in self._cues if "independent" in cue.split()), None)
            if side:
                return side
        if subject.lemma_.lower() in LAWSUITS and self.plaintiff_side:
            return self.plaintiff_side  # "the complaint says": whoever sued
        if (
            kind == "person" and any(norm(t.text) in ROLE_WORDS for t in phrase)
            and not stated.names_own_organisation(phrase, ORG_NOUNS)
        ):
            organisation = self.recent(("organisation",))
            if organisation:
                return organisation.side
        return None

    def _spoken_for(self, subject: Token, phrase: list[Token]) -> Speaker | None:
        """ "A spokeswoman for the agency said", "a spokesman said" after the returning office
        spoke: an unnamed spokesperson is the organisation's voice, and is named for it."""
        if subject.lemma_.lower() not in SPOKESPEOPLE or subject.pos_ != "NOUN":
            return None
        written = " ".join(t.text for t in phrase)
        represented = [
            p for c in subject.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children if p.dep_ == "pobj"
        ]
        if represented:
            found = self.speaker(represented[0])
            organisation = found.entity if found is not None else None
            name = f"{organisation.name} {subject.text}" if organisation else None  # as news names them later
        elif len(phrase) == 2 and phrase[0].lower_ in ("a", "an", "the"):
            organisation = self.recent(("organisation",))
            name = f"{organisation.name} {subject.text}" if organisation else None
        else:
            return None
        if organisation is None:
            return None
        entity = self.remember(Entity(name, "person", organisation.side, {subject.lemma_.lower()}))
        return Speaker(name, organisation.side, entity, written)

    def _subject_before(self, pronoun: Token) -> Entity | None:
        """ "The Yes campaign disputes the figure. It says ...": "it" opening a sentence is the
        subject of the sentence before, in the same paragraph, when that subject is a body that
        can speak (a name, an organisation, a document, or one the sides name)."""
        sentence = pronoun.sent
        if sentence.start == 0 or pronoun.dep_ != "nsubj" or pronoun.head.dep_ != "ROOT":
            return None
        doc = pronoun.doc
        before = doc[sentence.start - 1].sent
        if "\n" in doc[before.end - 1 : sentence.start + 1].text_with_ws.strip():
            return None
        subject = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.tag_ not in ("NN", "NNP") or subject.ent_type_ == "PERSON":
            return None
        lemma = subject.lemma_.lower()
        words = " ".join(t.text for t in phrase_of(subject))
        if not (subject.ent_type_ == "ORG" or lemma in ORG_NOUNS | EVIDENCE | LAWSUITS or self._stated_side(words)):
            return None
        found = self.speaker(subject)
        return found.entity if found is not None else None

    def _abbreviated_title_holder(self, title: str) -> Entity | None:
        """ "Sen. Ada Roe" before "the senator": the person named with the title abbreviated."""
        short = {k for k, v in ABBREVIATED_TITLES.items() if v == title}
        if not short:
            return None
        return next((e for e in reversed(self.entities) if e.kind == "person" and e.words & short), None)

    def _with_kind_side(self, found: Speaker | None, kind: Token) -> Speaker | None:
        """ "The medical charity Vida Sana": the kind of organisation may be what names the side."""
        if found is None or found.side is not None or found.entity is None:
            return found
        side = self._stated_side(" ".join(t.text for t in phrase_of(kind, self.skip_before)))
        if side is None:
            return found
        found.entity.side = side
        return Speaker(found.name, side, found.entity, found.as_written)

    def _kin_or_cabinet_side(self, subject: Token, words: set[str]) -> str | None:
        """ "Ada Roe's sister, Mia Roe" speaks for the side the story calls the family; "Interior
        Minister Tor Lund" for the side it calls the government."""
        # the speaker's own phrase, or the one it stands in apposition to; never the claim
        own = phrase_of(subject.head if subject.dep_ == "appos" else subject)
        if (words | {t.lemma_.lower() for t in own}) & KIN:
            return self.side_in("family") or self.side_in("relatives")
        if "minister" in words:
            return self.side_in("government")
        return None

    @staticmethod
    def _side_of(entity: Entity | None) -> str | None:
        return entity.side if entity else None

    def _side_of_noun(self, subject: Token) -> str | None:
        """The side of a noun phrase met in passing: its words, else whom it points back to."""
        side = self._stated_side(" ".join(t.text for t in phrase_of(subject)))
        if side or subject.pos_ != "NOUN":
            return side
        return self._side_of(self.resolve_nominal(subject, bare=False))


def _can_author(author: Token) -> bool:
    """Who can make a document: a name, an organisation or an office, not "the primary" or
    "Monday night"."""
    name = [author, *(c for c in author.children if c.dep_ == "compound")]
    if any(t.ent_type_ in ("DATE", "TIME", "CARDINAL") for t in name):
        return False
    lemma = author.lemma_.lower()
    return (
        author.pos_ == "PROPN" or author.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")
        or lemma in ORG_NOUNS or lemma in TITLES or lemma in ROLE_WORDS or lemma in RESEARCHERS or lemma in PUBLICATIONS
    )


def _without_topic(phrase: list[Token], subject: Token) -> list[Token]:
    """ "A study of 9,400 adults", "a review of 27 studies": what a document is about is no part
    of its name."""
    if subject.lemma_.lower() not in EVIDENCE:
        return phrase
    topic = {t for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree}
    return [t for t in phrase if t not in topic] or phrase


def _cue_names(sides: tuple[SideCues, ...]) -> dict[str, tuple[str, str]]:
    """Each word of a side's name-like cue ("Team Vireo", "Transit Workers Guild") that no other
    side's cue uses, with the longest such cue and its side."""
    found: dict[str, dict[str, str]] = {}
    for side in sides:
        for cue in side.cues:
            words = stated.cue_words(cue).split()
            if len(words) < 2:
                continue
            for word in words:
                best = found.setdefault(word, {}).get(side.name, "")
                if len(cue) > len(best):
                    found[word][side.name] = cue
    return {word: (cue, side) for word, by_side in found.items() if len(by_side) == 1 for side, cue in by_side.items()}


def _bound_owner(pronoun: Token) -> Token | None:
    """ "The company employs 1,800 people, according to its annual report": a possessive pronoun
    in the attribution points to the subject of its own clause when that subject is a noun of the
    pronoun's kind."""
    person = pronoun.lower_ in PERSONAL
    for subject in pronoun.sent.root.children:
        if subject.dep_ in ("nsubj", "nsubjpass") and subject.i < pronoun.i and subject.pos_ in ("NOUN", "PROPN"):
            if (subject.ent_type_ == "PERSON" or subject.lemma_.lower() in TITLES) == person:
                return subject
    return None
