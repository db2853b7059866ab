"""Is this span worth a fact-checker's time?

Whole paragraphs of page furniture (captions, credits, headlines) are set aside before this, by
page_furniture. Within the story, some sentences are never claims: questions, calls to action
and advice ("Donate ...", "Residents are urged to ...", "Parents should ..."), newsroom process
("declined to comment", "could not be independently verified", see newsroom), the publication
talking to its readers ("Here's what we know"), insults and pure opinion ("He is a disgrace"),
promises ("we will not accept ..."), and the ways of arguing that rhetoric.py knows (slogans, dares, rebukes,
sweeping charges, motives read from outside). Everything else gets a score in [0, 1] that rises with
what can be checked: numbers, named people and places, dates, concrete events.
"""
import re

from spacy.tokens import Token

from . import rhetoric
from .rhetoric import PLACES_AND_PEOPLE
from .newsroom import is_newsroom_process, is_reader_address, phone_number_tokens

EVALUATIVE = frozenset(
    """good bad great terrible excellent clear honest generous fair unfair wonderful awful proud grateful
    shameful disgraceful outrageous brave heroic cowardly historic tremendous fantastic amazing incredible
    strong weak beautiful horrible disgusting remarkable impressive disappointing unacceptable ridiculous
    absurd best worst happy sad pathetic despicable shocking appalling scandalous stupid foolish corrupt
    dishonest incompetent useless disastrous catastrophic magnificent brilliant superb glorious evil
    vile sick pitiful laughable hypocritical irresponsible reckless cruel inhuman barbaric heartbreaking
    sickening terrific awesome marvellous marvelous delightful lovely nice""".split()
)
# Nouns that judge rather than describe: "He is a disgrace", "They are liars and cowards".
EVALUATIVE_NOUNS = frozenset(
    """disgrace shame liar coward traitor hypocrite idiot fool clown thug joke embarrassment failure hero
    villain monster scandal travesty farce outrage nightmare disaster catastrophe mess insult crook
    bully puppet loser winner genius champion legend sham hoax charade fiasco triumph smear stunt gimmick
    whitewash""".split()
) | {"witch hunt", "power grab"}
LIGHT_VERBS = frozenset("be have give seem remain look feel become get".split())
MODAL_INTENT = frozenset("will would shall 'll wo".split())
MODAL_ADVICE = frozenset("should must ought".split())
HEDGES = frozenset("may might could possibly perhaps reportedly allegedly".split())
EVENT_VERBS = frozenset(
    """kill die injure wound attack strike hit shell bomb capture seize take control liberate destroy damage
    launch fire shoot down recall ban test win lose vote count evacuate flood rise fall raise cut close open
    arrest charge sentence infect vaccinate hack breach leak pay offer strike walk halt stop order approve""".split()
)
# Verbs that open a call to action; the tagger sometimes reads them as nouns at a sentence start.
ACTION_VERBS = frozenset(
    """donate join follow subscribe sign share click read watch visit contact help support call email download
    register refresh scroll tap listen tune stay keep send tell find learn check""".split()
)
# "Residents are urged to boil water", "I ask everyone to stay calm": a request made to the public now.
REQUEST_VERBS = frozenset("ask urge encourage advise request invite remind appeal implore".split())
# Advice an authority gave ("The ministry urged people to stay home"), unlike an order ("told 40 families to leave")
# or a consequence ("the swap encourages others to ...").
ADVICE_VERBS = frozenset("urge encourage advise appeal implore".split())
# "They deserve better", "We owe it to voters to ...": what someone is owed is a judgement, not a fact.
DESERVING_VERBS = frozenset("deserve merit".split())
# "Nobody wins a price war", "Everyone knows ...": a claim about everyone at once, in the present, is a saying.
ANYONE = frozenset("nobody everybody everyone somebody someone anybody anyone".split()) | {"no one"}
# "X called the offer 'an insult'": the narrator reports a label someone stuck on a thing.
# "Striking is not the answer": a course of action judged, never a fact.
REMEDIES = frozenset("answer solution remedy cure way option".split())
LABELLING_VERBS = frozenset("call dub brand label term".split())
QUOTE_MARKS = frozenset('" \u201c \u201d \u00ab \u00bb \u2018 \u2019 \u201e \''.split())
LABELLED_FIGURE = re.compile(r"^[A-Z][a-z]+(?: [a-z]+)?:\s*\d[\d,.]*(?:\s*(?:%|percent|per cent))?\.?$")
BASE_SCORE = 0.45  # a statement with nothing concrete in it: no figure, name or event


def _root(tokens: list[Token]) -> Token | None:
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head.i == token.i:
            if token.pos_ in ("VERB", "AUX"):
                return token
    verbs = [t for t in tokens if t.pos_ in ("VERB", "AUX")]
    return verbs[0] if verbs else None


def _is_imperative(tokens: list[Token]) -> bool:
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words:
        return False
    first = words[0]
    inside = {t.i for t in tokens}
    if first.lower_ in ("please", "kindly", "let's") or (first.lower_ in ACTION_VERBS and first.text[0].isupper()):
        return True
    if _opens_with_an_order(first):
        return True
    if first.lower_ == "never" or (first.lower_ == "do" and len(words) > 1 and words[1].lower_ in ("not", "n't")):
        return any(t.tag_ == "VB" for t in words[1:4])  # "Do not travel ...", "Don't share ...", "Never leave ..."
    if (first.dep_ == "ROOT" or first.head.i not in inside) and first.pos_ != "VERB" and first.text[0].isupper():
        # "Boil all water, and wash your hands": the tagger takes the opening verb for a noun, not its partner
        if any(c.dep_ == "conj" and c.tag_ == "VB" and not any(g.dep_ == "nsubj" for g in c.children) for c in first.children):
            return True
    root = _root(words)
    if root is None or root.tag_ != "VB":
        return False
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children)
    has_aux = any(c.dep_ in ("aux", "auxpass") for c in root.children)
    condition = _condition_before(root)
    before = [t for t in words if t.i < root.i and t.i not in condition]
    # Only adverbs, interjections or discourse words ("Therefore,") may stand before the verb, or a condition
    # ("If you live near the river, leave now").
    return not has_subject and not has_aux and all(t.pos_ in ("ADV", "INTJ", "CCONJ") for t in before)


def _condition_before(verb: Token) -> set[int]:
    """The words of an "if", "when" or "unless" clause that opens the sentence before its main verb."""
    return {
        t.i for c in verb.children if c.dep_ == "advcl" and c.i < verb.i
        and any(m.dep_ == "mark" and m.lower_ in ("if", "when", "unless", "once", "before") for m in c.children)
        for t in c.subtree
    }


def _opens_with_an_order(first: Token) -> bool:
    """ "Mend the roof and the money is yours": a sentence that opens on a verb in its base form, with an
    object and no subject, gives an order, wherever the parser hangs that verb (it may take "Mend ..." for
    the subject of "is")."""
    if first.tag_ != "VB" or first.pos_ != "VERB" or not first.text[0].isupper() or first.ent_type_:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in first.children):
        return False
    return any(c.dep_ == "dobj" for c in first.children)

def _is_request(root: Token) -> bool:
    """ "Anyone with information is asked to call police", "I urge everyone to stay calm", "The ministry urged
    people to stay home": a request to the public; "were told to leave" is an order given, a fact."""
    lemma = root.lemma_.lower()
    if lemma not in REQUEST_VERBS:
        return False
    if root.tag_ == "VBP" and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in root.children):
        return True  # "I ask every government that can help to send ..."
    if not any(c.dep_ == "xcomp" for c in root.children):
        return False
    present_passive = any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in root.children)
    return present_passive or (lemma in ADVICE_VERBS and root.tag_ == "VBD")


def _speaks_for_itself(root: Token) -> bool:
    """ "We will not accept ...", "his government would support ...": a commitment, not a fact. Told of someone
    else with a date ("Pryce announced that he would run for mayor in November"), it is a scheduled step
    that was announced, which can be checked."""
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            people = [child] + [c for c in child.children if c.dep_ == "poss" and c.pos_ == "PRON"]
            if any(p.lower_ in ("i", "we", "my", "our") for p in people):
                return True
            dated = any(t.ent_type_ in ("DATE", "TIME") for t in root.subtree)
            return not dated and any(p.lower_ in ("he", "she", "they", "his", "her", "their") for p in people)
    return False


def _figures(words: list[Token]) -> bool:
    """Numbers written as such; "first" or "second" counts the order of things, not a figure, "one" standing
    for a thing already named ("if he drove into one") counts nothing, and a telephone number says where to call."""
    phone = phone_number_tokens(words)
    return any(
        (t.pos_ == "NUM" or t.like_num and t.tag_ == "CD") and not _stands_for_a_thing(t) and t.i not in phone for t in words
    )


def _stands_for_a_thing(token: Token) -> bool:
    return token.lower_ == "one" and token.dep_ in ("pobj", "dobj") and not any(c.lower_ == "of" for c in token.children)


def _under_a_rule(root: Token) -> bool:
    """ "Under the new law, the council must publish its accounts": what a rule requires, a checkable fact."""
    return any(c.dep_ == "prep" and c.lower_ == "under" for c in root.children)


def _is_saying(root: Token, aux: set[str]) -> bool:
    """ "You can't starve an agency and then blame it": "you" meaning anyone, with "can": a maxim."""
    return bool(aux & {"can", "ca", "cannot"}) and any(c.dep_ == "nsubj" and c.lower_ == "you" for c in root.children)


def _is_opinion(words: list[Token], root: Token) -> bool:
    """A judgement with nothing to check: an evaluative word as what the subject is or seems
    ("The response has been remarkable", "He is a disgrace"), and no figure or name beyond the subject."""
    if root.lemma_.lower() not in LIGHT_VERBS:
        return False
    subject = {t.i for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl") for t in c.subtree}
    rest = [t for t in words if t.i not in subject]
    if any(t.like_num or t.pos_ == "NUM" or t.ent_type_ in PLACES_AND_PEOPLE or t.ent_type_ == "DATE" for t in rest):
        return False
    return any(
        t.pos_ == "ADJ" and t.lemma_.lower() in EVALUATIVE
        or t.pos_ == "NOUN" and (t.lemma_.lower() in EVALUATIVE_NOUNS or _compound_name(t) in EVALUATIVE_NOUNS)
        for t in rest
    )


def _compound_name(noun: Token) -> str:
    """ "witch hunt", "power grab": the noun with the nouns compounded before it."""
    return " ".join(t.lemma_.lower() for t in noun.children if t.dep_ == "compound" and t.i < noun.i) + " " + noun.lemma_.lower()


def _is_thanks(root: Token) -> bool:
    """ "I want to thank every volunteer", "We would like to thank the crews": a courtesy, nothing to check."""
    if root.lemma_.lower() == "thank" and root.tag_ in ("VBP", "VB"):
        return True
    return root.lemma_.lower() in ("want", "like", "wish") and any(
        c.dep_ == "xcomp" and c.lemma_.lower() == "thank" for c in root.children
    )


def _here_to(root: Token) -> bool:
    """ "I am not here to pick fights", "We are here to listen": a speaker saying why they came."""
    if root.lemma_.lower() != "be" or not any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in root.children):
        return False
    return any(c.lower_ == "here" for c in root.children) and any(
        c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB" for c in root.children
    )


def _acts_for_others(root: Token) -> bool:
    """ "I am doing this for every nurse who was never paid": a speaker giving the motive for what they do."""
    if root.lemma_.lower() != "do" or not any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in root.children):
        return False
    return any(c.dep_ == "dobj" and c.lower_ in ("this", "it", "that") for c in root.children) and any(
        c.dep_ == "prep" and c.lower_ == "for" for c in root.children
    )


def _rejects_a_remedy(root: Token) -> bool:
    """ "Striking is not the answer", "A ferry is not the solution": a course of action judged."""
    if root.lemma_.lower() != "be" or not any(c.dep_ == "neg" for c in root.children):
        return False
    return any(c.dep_ == "attr" and c.lemma_.lower() in REMEDIES for c in root.children)


def _what_is_owed(root: Token) -> bool:
    """ "Tenants deserve a landlord who answers", "We owe it to members to ...": what is owed to someone."""
    lemma = root.lemma_.lower()
    if lemma in DESERVING_VERBS:
        return True
    return lemma == "owe" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in root.children)


def _what_is_needed(words: list[Token], root: Token) -> bool:
    """ "Somebody needs to sit them down", "Voters do not need sermons from X", "What the town needs is a clinic":
    in the present, what someone needs (or does not) is advice, as "should" is. "The school needed repairs"
    (the past) and "The ward needs 12 more nurses" (a figure) state facts."""
    needs = [root] + [c for c in root.children if c.dep_ == "csubj"]  # "What the town needs ... is"
    for verb in needs:
        if verb.lemma_.lower() not in ("need", "have") or not _present(verb):
            continue
        obliged = any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children)
        if obliged or verb.lemma_.lower() == "need" and (verb is not root or any(c.dep_ == "neg" for c in verb.children)):
            return True
    return False


def _present(verb: Token) -> bool:
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _is_a_saying_about_everyone(root: Token) -> bool:
    """ "Nobody wins a price war", "Everyone knows the council is broke": everyone at once, in the simple
    present, is a maxim; "Nobody was hurt" (the past) tells what happened."""
    if root.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in root.children):
        return False
    return any(c.dep_ == "nsubj" and _anyone(c) for c in root.children)


def _anyone(subject: Token) -> bool:
    if subject.lower_ in ANYONE:
        return True
    return subject.lower_ == "one" and any(c.lower_ == "no" for c in subject.children)


def _a_label_quoted(words: list[Token], root: Token) -> bool:
    """ 'The league called the ruling "a gift to the rich clubs"': the narrator reports a name someone
    gave a thing; the label is an opinion however it is quoted. "The union has called a strike" labels nothing."""
    objects = [c for c in root.children if c.dep_ == "dobj"]
    if root.lemma_.lower() not in LABELLING_VERBS or not objects:
        return False
    quoted = [t.i for t in words if t.i > root.i and t.text in QUOTE_MARKS]
    if any(c.dep_ == "oprd" for c in root.children) and quoted:
        return True
    return any(o.i + 1 in quoted for o in objects)  # the label opens right after the thing (parsed as its apposition)


def _hypothetical(root: Token, aux: set[str]) -> bool:
    """ "He wouldn't recognise a depot if he drove into one": an unreal condition (would ... if, in the past
    tense) tells what is not the case; it is a jibe or a guess, not a fact."""
    if not aux & {"would", "wo", "'d"}:
        return False
    return any(
        c.dep_ == "advcl" and c.tag_ in ("VBD", "VBN") and any(m.dep_ == "mark" and m.lower_ == "if" for m in c.children)
        for c in root.children
    )


def _judged_in_a_clause_of_its_own(words: list[Token], root: Token) -> bool:
    """ "Our nurses are blamed for the board's mistakes, and that is shameful", "This firm put profit first,
    and it should be ashamed": a judgement joined on as a clause of its own colours the whole sentence. With a
    figure, a name or a date, the first clause still states something checkable and the sentence stays."""
    concrete = any(t.like_num or t.pos_ == "NUM" or t.ent_type_ in PLACES_AND_PEOPLE or t.ent_type_ == "DATE" for t in words)
    if concrete and not _says_nothing_itself(root):
        return False
    for clause in root.children:
        if clause.dep_ != "conj" or clause.pos_ not in ("VERB", "AUX"):
            continue
        if rhetoric.reads_minds(clause):
            return True
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            continue
        clause_words = [t for t in clause.subtree if not t.is_punct]
        if any(c.dep_ == "aux" and c.lower_ in MODAL_ADVICE for c in clause.children) or _is_opinion(clause_words, clause):
            return True
    return False


def _says_nothing_itself(root: Token) -> bool:
    """ "It is, the council says, but owners should bring a crate": a first clause cut down to its verb ("It is",
    "They do") answers a question; what follows it carries the sentence."""
    return root.lemma_.lower() in ("be", "do", "have") and not any(
        c.dep_ not in ("nsubj", "nsubjpass", "expl", "punct", "cc", "conj", "parataxis", "neg", "advmod") for c in root.children
    )


def _labelled_figure(text: str, words: list[Token]) -> bool:
    """ "Attendance: 18,412.", "Turnout: 64 percent.": a statistic under a one- or two-word label, the way match
    reports and results pages close. A time under a label ("Updated: 10:42") is page furniture."""
    if not LABELLED_FIGURE.match(text):
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") for t in words)


def _is_exclamation(words: list[Token], text: str) -> bool:
    """ "What a shameful display this was", "How dare they": an exclamation, never a statement of fact."""
    opening = " ".join(t.lower_ for t in words[:2])
    return opening in ("what a", "what an", "how dare")


def judge(tokens: list[Token], text: str, *, has_speaker: bool, narration: bool = False) -> tuple[bool, float, str]:
    """(check_worthy, score, reason when not check-worthy). Narration is the article's own voice.
    A span of several sentences (a quote running on) is worth checking when one of its sentences states
    something concrete (a figure, a name, an event): "He is under contract until 2027. Why would we sell him?"
    states a fact before it asks; "They should resign. People deserve better." is opinion throughout."""
    sentences: list[list[Token]] = []
    for token in tokens:
        if not sentences or token.is_sent_start:  # (Token.sent walks the document on each call)
            sentences.append([])
        sentences[-1].append(token)
    if len(sentences) < 2:
        return _judge_sentence(tokens, text, has_speaker=has_speaker, narration=narration)
    offset = tokens[0].idx
    verdicts = [
        _judge_sentence(s, text[s[0].idx - offset : s[-1].idx + len(s[-1]) - offset], has_speaker=has_speaker, narration=narration)
        for s in sentences
    ]
    concrete = [v for v in verdicts if v[0] and v[1] >= BASE_SCORE + 0.1]
    if concrete:
        return max(concrete, key=lambda v: v[1])
    # "It's a terrible decision. He never touched him.": a judgement, then what happened; the account is checkable
    told = [v for v in verdicts[1:] if v[0]]
    return told[0] if told and not verdicts[0][0] else verdicts[0]


def _judge_sentence(tokens: list[Token], text: str, *, has_speaker: bool, narration: bool) -> tuple[bool, float, str]:
    stripped = text.strip().strip('"').strip()
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if _labelled_figure(stripped, words):
        return True, BASE_SCORE + 0.2, ""
    if len(words) < 3:
        return False, 0.1, "too short"
    if stripped.endswith("?"):
        return False, 0.05, "question"
    if is_newsroom_process(tokens, text):
        return False, 0.05, "newsroom process"
    if narration and is_reader_address(words, text):
        return False, 0.05, "the newsroom addressing its readers"
    if _is_imperative(tokens):
        return False, 0.05, "call to action"
    root = _root(words)
    if root is None:
        return False, 0.1, "no verb: a fragment"
    aux = {c.lower_ for c in root.children if c.dep_ in ("aux", "auxpass")}
    numbers = _figures(words)
    if _is_request(root) and not numbers:
        return False, 0.05, "call to action"
    if _is_thanks(root):
        return False, 0.1, "thanks: a courtesy"
    if _here_to(root):
        return False, 0.15, "why the speaker is there: nothing to check"
    if aux & MODAL_ADVICE and not _under_a_rule(root):
        return False, 0.1, "advice"
    if (aux & MODAL_INTENT or rhetoric.going_to(root)) and not numbers and _speaks_for_itself(root):
        return False, 0.15, "promise or intention"
    if _is_exclamation(words, stripped) and not numbers:
        return False, 0.1, "exclamation: opinion"
    if _is_opinion(words, root):
        return False, 0.15, "opinion"
    if _acts_for_others(root):
        return False, 0.15, "why the speaker acts: nothing to check"
    if (_rejects_a_remedy(root) or rhetoric.judges_a_course_of_action(words, root)) and not numbers:
        return False, 0.15, "opinion: a course of action judged"
    if rhetoric.would_have_you_believe(root):
        return False, 0.15, "rhetoric: what someone would have you believe"
    if rhetoric.sweeping(words, root) and not numbers:
        return False, 0.15, "a sweeping generalisation: opinion"
    if rhetoric.hard_not_to_feel(root):
        return False, 0.15, "the writer's impression: opinion"
    if rhetoric.reads_minds(root) and not numbers:
        return False, 0.15, "opinion: what someone else knows or cares about"
    if rhetoric.tautology(root):
        return False, 0.1, "a slogan: it says nothing to check"
    if rhetoric.said_to_you(words, root) and not numbers:
        return False, 0.15, "said to 'you': a saying or a rebuke, nothing to check"
    if rhetoric.is_welcome_to(root):
        return False, 0.15, "a challenge to someone: nothing to check"
    if rhetoric.what_we_are_saying(root):
        return False, 0.1, "advice: what the speaker urges"
    if _what_is_owed(root) and not numbers:
        return False, 0.15, "opinion: what someone deserves"
    if _what_is_needed(words, root) and not numbers:
        return False, 0.1, "advice: what someone needs"
    if _is_a_saying_about_everyone(root) and not numbers and not any(t.ent_type_ in PLACES_AND_PEOPLE for t in words):
        return False, 0.15, "a saying: opinion"
    if _a_label_quoted(tokens, root) and not numbers:
        return False, 0.15, "a label quoted: opinion"
    if _hypothetical(root, aux) and not numbers:
        return False, 0.15, "a hypothetical: what would be, not what is"
    if _judged_in_a_clause_of_its_own(words, root):
        return False, 0.15, "opinion joined to a statement"
    if _is_saying(root, aux) and not numbers and not any(t.ent_type_ in PLACES_AND_PEOPLE for t in words):
        return False, 0.15, "a saying: opinion"
    named = any(t.ent_type_ in ("GPE", "ORG", "PERSON", "LOC", "FAC", "DATE", "TIME") for t in words)
    score = BASE_SCORE
    score += 0.2 if numbers else 0.0
    score += 0.1 if named else 0.0
    score += 0.1 if any(t.lemma_.lower() in EVENT_VERBS for t in words) else 0.0
    score += 0.05 if has_speaker else 0.0
    score -= 0.15 if any(t.lower_ in HEDGES for t in words) else 0.0
    return True, round(min(max(score, 0.0), 1.0), 3), ""
