"""The small, general word lists the matcher needs: no story's own words are here.

- SYNONYMS: words news copy uses interchangeably for one event ("killed"/"died", "troops"/"forces"),
  each mapped to one canonical word, so a paraphrase scores like the original.
- REPORTING: verbs of saying; who said it is not what is claimed.
- NEGATORS: words that turn a claim into its denial ("not", "denied", "false").
- STANCES: opposite pairs on one axis ("captured" against "still held", "rose" against "fell");
  two claims on the same axis with opposite signs say opposite things.
- ALIASES: the few names written in quite different ways ("US", "America", "American").
"""

_GROUPS = {
    "kill": "kill killed die died dead death deaths fatality fatalities slay slain perish",
    "wound": "wound wounded injure injured injury injuries hurt",
    "attack": "attack strike hit shell shelling bomb bombing bombard bombardment pound target raid assault",
    "capture": "capture seize take overrun occupy conquer",
    "recapture": "recapture retake liberate regain",
    "troop": "troop troops force forces soldier soldiers army military serviceman servicemen fighter fighters unit units",
    "civilian": "civilian civilians resident residents people person inhabitant inhabitants",
    "town": "town city village settlement municipality",
    "destroy": "destroy demolish flatten raze obliterate",
    "damage": "damage",
    "explosion": "explosion blast detonation",
    "earthquake": "earthquake quake tremor",
    "regulator": "regulator watchdog",
    "company": "company firm",
    "theft": "theft heist robbery burglary",
    "south": "south southern", "north": "north northern", "east": "east eastern", "west": "west western",
    "border": "border frontier",
    "electricity": "electricity power",
    "missile": "missile rocket",
    "drone": "drone uav",
    "building": "building block structure",
    "home": "home house apartment flat dwelling household households",
    "child": "child children kid kids",
    "president": "president leader",
    "government": "government administration authorities official officials",
    "launch": "launch fire",
    "arrest": "arrest detain",
    "ban": "ban prohibit forbid outlaw",
    "rise": "rise increase grow surge jump climb soar raise hike",
    "fall": "fall drop decrease decline plunge shrink slump",
    "buy": "buy purchase acquire",
    "begin": "begin start commence",
    "end": "end stop halt cease",
    "evacuate": "evacuate flee",
    "refugee": "refugee refugees displaced",
    "large": "large big huge massive",
    "small": "small little tiny",
    "hospital": "hospital clinic",
    "school": "school",
    "plant": "plant station facility",
    "cut": "cut reduce slash lower",
    "sign": "sign",
    "fund": "fund funding money",
    "draft": "draft conscription mobilisation mobilization",
    "postpone": "postpone delay defer",
    "scrap": "scrap axe shelve abandon",
    "ceasefire": "ceasefire truce armistice",
    "talk": "talk talks negotiation negotiations",
    "agreement": "agreement deal accord pact",
    "investigation": "investigation probe inquiry",
    "investigate": "investigate",
    "worker": "worker workers employee employees staff",
    "wage": "wage wages salary salaries pay",
    "aircraft": "aircraft plane planes airplane jet warplane warplanes",
    "ship": "ship vessel boat",
    "lawmaker": "lawmaker lawmakers legislator legislators mp mps",
    "scientist": "scientist scientists researcher researchers",
    "police": "police policeman policemen officer officers",
    "share": "share shares stock stocks",
    "team": "team club",
    "price": "price prices cost costs",
    "storm": "storm storms hurricane typhoon cyclone",
    "jail": "jail prison",
    "charge": "charge indict",
    "doctor": "doctor doctors physician physicians",
    "drug": "drug drugs medication medications medicine medicines",
    "disease": "disease illness",
    "student": "student students pupil pupils",
    "ruling": "ruling decision judgment judgement",
    "law": "law legislation",
    "protest": "protest demonstration rally demonstrate",
    "protester": "protester protesters demonstrator demonstrators",
    "percent": "percent cent",
    "kilometre": "km kilometre kilometres kilometer kilometers",
    "centimetre": "cm centimetre centimetres centimeter centimeters",
    "kilogram": "kg kilogram kilograms kilo kilos",
    "tonne": "tonne tonnes ton tons",
    "website": "website websites site sites",
    "app": "app apps application applications",
    "dockworker": "dockworker dockworkers docker dockers",
    "refurbishment": "refurbishment revamp renovation overhaul",
    "manufacturer": "manufacturer manufacturers maker makers",
}
SYNONYMS: dict[str, str] = {word: canon for canon, words in _GROUPS.items() for word in words.split()}
# Words that are these synonyms in one part of speech only: "to fire" a missile is to launch it,
# "a fire" is not; "3 million pounds" are money, "to pound" is to attack; "to block" a road is not
# "a block" of flats; "to pay" is not "the pay".
SYNONYM_AS_VERB_ONLY = frozenset("fire pound shell".split())
SYNONYM_AS_NOUN_ONLY = frozenset("block flat house structure plant pay cost share staff power".split())

REPORTING = frozenset(
    "say tell state claim report announce add insist confirm write allege assert declare note stress "
    "argue accord suggest maintain tweet post acknowledge admit quote cite".split()
)
# Verbs and words that deny what follows them.
NEGATING = frozenset("deny refute debunk fail refuse reject false untrue fake baseless unfounded refrain abstain".split())
# Nouns and adjectives that deny what they are said of, in the predicate ("called the report a
# fabrication", "dismissed the claims as propaganda", "the story is a hoax"), not elsewhere.
DENYING_PREDICATES = frozenset(
    "fabrication fabricated lie lies nonsense hoax myth propaganda fiction fictitious groundless bogus "
    "disinformation misinformation invented fantasy".split()
)
# Verbs that deny a claim only when their object is one ("dismissed reports that ..."): "dismissed
# 300 workers" denies nothing.
DENYING_OF_CLAIMS = frozenset("dismiss contradict dispute rebut rebuff contest".split())
CLAIM_NOUNS = frozenset(
    "report claim allegation accusation rumour rumor suggestion assertion statement story speculation "
    "account charge".split()
)
# Verbs that deny only the clause they take ("declined to comment"); alone they mean something else.
NEGATING_WITH_CLAUSE = frozenset("decline".split())
# Phrasal verbs that deny what follows ("ruled out closing the plant").
NEGATING_PHRASES = {("rule", "out")}
# Verbs that deny only when they take a clause or a claim ("refused to sign", "failed to pass",
# "rejected claims that ..."); with a plain object they are the no of a decision ("rejected the
# offer", "refused the bid") and stand on the approval axis, as "blocked" and "voted down" do.
NEGATING_WITH_CLAUSE_OR_CLAIM = frozenset("reject refuse fail".split())
# "no more than 35 dollars" caps a number, it does not deny anything.
NOT_NEGATING_AFTER_NO = frozenset("more less fewer later earlier sooner".split())
NEGATION_WORDS = frozenset("not n't no never nobody none nothing neither nor".split())

# axis -> (words for +, words for -)
_STANCES = {
    "control": (
        "capture seize take overrun occupy conquer fall enter recapture retake liberate",  # of a named place
        "hold retain repel repulse defend withstand remain",
    ),
    "amount": (
        "rise increase grow surge jump climb soar double triple gain raise hike more most higher highest up "
        "larger largest bigger biggest greater greatest expand widen",
        "fall drop decrease decline plunge shrink slump cut reduce halve lower lowest less least fewer fewest down "
        "smaller smallest sink tumble slide dip narrow",
    ),
    "change": ("change rise increase fall drop raise hike cut lower reduce", "remain unchanged stable steady freeze hold keep uphold"),
    "sequence": ("before earlier prior", "after later"),
    "position": ("inside indoors", "outside outdoors"),
    "fill": ("full", "empty"),
    "build": ("build construct rebuild erect", "destroy demolish raze flatten"),
    "intent": ("deliberate deliberately intentional intentionally", "accident accidental accidentally"),
    "trade": ("buy sign acquire purchase import", "sell export"),
    "membership": ("join rejoin sign", "leave exit withdraw quit"),
    "praise": ("praise welcome hail applaud commend", "criticise criticize condemn slam denounce"),
    "balance": ("surplus profit", "deficit loss"),
    "staff": ("hire recruit", "sack"),
    "calm": ("peaceful calm", "violent violence riot clash"),
    "frequency": ("common frequent widespread", "rare uncommon"),
    "level": ("above", "below"),
    "heat": ("hot warm warmer warmest hottest heatwave", "cold cool colder coldest"),
    "severity": ("severe serious major", "mild minor slight"),
    "ruling": ("uphold confirm maintain", "overturn quash reverse annul revoke invalidate"),
    "result": ("win victory", "lose defeat loss"),
    "approval": (
        "approve pass accept adopt endorse ratify allow permit authorize authorise grant clear agree sign let",
        "block veto forbid ban prohibit reject refuse bar",
    ),
    "open": (
        "open reopen resume start begin launch restart operate operational proceed",
        "close closed shut halt suspend stop end cancel scrap axe ax ditch shelve postpone ground grounded",
    ),
    "custody": ("arrest detain jail imprison convict sentence remand", "release free acquit clear"),
    "alive": ("kill die dead death", "survive alive unharmed rescue"),
    "hit": ("hit strike destroy damage", "intercept intact undamaged miss spare foil thwart avert"),
    "outcome": (
        "safe safely success successful succeed pass meet afloat progress breakthrough",
        "crash fail failure sink capsize miss danger dangerous",
    ),
    "restriction": ("impose introduce tighten", "lift ease repeal relax loosen"),
    "guilt": ("guilty convict", "innocent acquit clear exonerate"),
    "charge": ("charge indict prosecute", ""),  # dropped: the phrases below
    "support": ("support back favour favor", "oppose against"),
    "legal": ("legal lawful legally lawfully", "illegal unlawful illegally unlawfully"),
    "true": ("true accurate correct confirm", "false inaccurate wrong"),  # "confirmed reports" against "called them false"
    "integrity": ("hold withstand intact", "collapse burst breach breached crumble"),
    "tenure": ("stay continue extend", "resign quit retire stop halt cease end oust remove"),
    "presence": ("present return", "missing absent"),
    "fairness": ("fair", "rigged fraudulent unfair"),  # "the election was fair" against "rigged"
    # A delivery that got there: "the convoy reached Ostby" against "was turned back" or "blocked".
    "delivery": ("arrive reach deliver", ""),
    # A disease, a fire, a spill: "has spread to" against "has been contained".
    "spread": ("spread", "contain"),
    # Whether there is enough of something: "has enough beds" against "is short of beds".
    "sufficiency": ("enough sufficient adequate ample plenty", "short shortage lack lacking insufficient inadequate scarce"),
    # Taking part or not: "will play on Sunday" against "will miss Sunday's match".
    "attendance": ("attend participate play appear", "miss skip boycott absent"),
}
# Words whose verb says the opposite of their noun: "India defeated Spain" is a win, "a defeat" a loss.
STANCE_VERBS = {"defeat": ("result", 1), "beat": ("result", 1)}
# "against" takes a side only after these ("is against", "voted against"), not in "the final against Spain".
OPPOSING_HEADS = frozenset("be vote campaign speak argue rule come turn protest".split())
# Two-word verbs on an axis: (verb, the particle or object that makes the phrase) -> (axis, sign).
# "The levee gave way" against "the levee held"; "stepped down" against "will stay on".
STANCE_PHRASES = {
    ("give", "way"): ("integrity", -1),
    ("hold", "firm"): ("integrity", 1),
    ("step", "down"): ("tenure", -1),
    ("stand", "down"): ("tenure", -1),
    ("stay", "on"): ("tenure", 1),
    ("keep", "in"): ("tenure", 1),  # "kept the mayor in office" against "removed her from office"
    ("keep", "xcomp"): ("tenure", 1),  # "will keep playing", "kept working": carries on
    ("turn", "down"): ("approval", -1),  # "turned down the offer" is "rejected the offer"
    ("vote", "down"): ("approval", -1),
    ("vote", "xcomp"): ("approval", 1),  # "voted to lower the age" against "rejected a bill to lower it"
    ("throw", "out"): ("approval", -1),
    ("turn", "back"): ("delivery", -1),
    ("take", "part"): ("attendance", 1),  # "took part in the vote" against "was absent from it"
    ("go", "ahead"): ("open", 1),  # "the strike went ahead" against "was called off"
    ("call", "off"): ("open", -1),  # "called off the festival" is "cancelled the festival"
    ("shoot", "down"): ("hit", -1),  # "shot down" is "intercepted", not an amount going down
    ("take", "place"): ("open", 1),  # "the vote took place" against "was postponed"
    # "Still" running or standing: nothing changed, against "shut down", "collapsed".
    ("run", "still"): ("open", 1),
    ("work", "still"): ("open", 1),
    ("function", "still"): ("open", 1),
    ("stand", "still"): ("integrity", 1),
    ("run", "normally"): ("open", 1),
    ("fall", "short"): ("outcome", -1),  # "fell short of a majority" against "passed"
    ("break", "down"): ("outcome", -1),  # "the talks broke down" against "made progress"
    # Charges brought against charges dropped; the word "charges" itself then stands on no axis.
    ("drop", "charges"): ("charge", -1),
    ("drop", "charge"): ("charge", -1),
    ("withdraw", "charges"): ("charge", -1),
    ("lay", "off"): ("staff", -1),
    ("fall", "back"): ("control", -1),  # "fell back from the town" against "took the town"
    ("push", "back"): ("control", -1),  # "were pushed back out of it"
    ("drive", "back"): ("control", -1),
    ("pull", "out"): ("membership", -1),  # "pulled out of the deal" against "signed the deal"
    ("back", "out"): ("membership", -1),
    ("decline", "dobj"): ("approval", -1),  # "declined the offer", not a decline in numbers
    # "Voted for the bill" against "voted against it" ("against" stands on the axis by itself).
    ("vote", "for"): ("support", 1),
    ("campaign", "for"): ("support", 1),
    ("argue", "for"): ("support", 1),
}
STANCES: dict[str, list[tuple[str, int]]] = {}
for _axis, (_plus, _minus) in _STANCES.items():
    for _word in _plus.split():
        STANCES.setdefault(_word, []).append((_axis, 1))
    for _word in _minus.split():
        STANCES.setdefault(_word, []).append((_axis, -1))

ALIASES = {
    "us": "usa", "u.s.": "usa", "u.s": "usa", "america": "usa", "american": "usa", "americans": "usa",
    "washington": "usa", "uk": "britain", "u.k.": "britain", "british": "britain", "briton": "britain",
    "kiev": "kyiv", "kremlin": "russi",
    # Demonyms whose first five letters are not the country's: "Thai army" is Thailand's army.
    "thai": "thail", "polish": "polan", "chinese": "china", "french": "franc", "dutch": "nethe", "spanish": "spain",
    "swiss": "switz", "greek": "greec", "turkish": "turke", "danish": "denma", "swedish": "swede", "finnish": "finla",
    "iraqi": "iraq", "gazan": "gaza", "filipino": "phili", "welsh": "wales", "scottish": "scotl", "irish": "irela",
    "congolese": "congo", "peruvian": "peru", "cuban": "cuba", "chilean": "chile", "iranian": "iran",
    "norwegian": "norwa", "emirati": "uae", "qatari": "qatar", "omani": "oman", "malian": "mali",
}
# Multi-word names whose parts mean nothing alone.
NAME_PHRASES = {"united states": "usa", "united kingdom": "britain", "white house": "usa", "united nations": "un"}

# Words too common to carry meaning, beyond spaCy's stop words.
EXTRA_STOP = frozenset(
    "also reportedly allegedly report reports according accord be have do get make would could may might "
    "will shall must said says".split()
)

# A capital speaks for its government: "Moscow says" is "Russia says" (speakers only, not places).
CAPITALS = {
    "mosco": "russi", "kremlin": "russi", "kyiv": "ukrai", "kiev": "ukrai", "beiji": "china", "washi": "usa",
    "londo": "britain", "paris": "franc", "berli": "germa", "tehra": "iran", "jerus": "israe", "ankar": "turke",
    "tokyo": "japan", "delhi": "india", "pyong": "north",
    "islam": "pakis", "baku": "azerb", "bangk": "thail", "kabul": "afgha", "baghd": "iraq", "damas": "syria",
    "beiru": "leban", "cairo": "egypt", "riyad": "saudi", "warsa": "polan", "rome": "italy", "madri": "spain",
    "ottaw": "canad", "canbe": "austr", "nairo": "kenya", "khart": "sudan", "kinsh": "congo", "tbili": "georg",
    "yerev": "armen", "minsk": "belar", "budap": "hunga", "athen": "greec", "lisbo": "portu", "dubli": "irela",
    "carac": "venez", "havan": "cuba", "hanoi": "vietn", "manil": "phili", "jakar": "indon", "taipe": "taiwa",
    "sanaa": "yemen", "tripo": "libya", "amman": "jorda", "doha": "qatar", "phnom": "cambo",
}

# Nouns that refer back to an organisation named earlier in the sentence ("..., the group said").
REFERRING_SPEAKERS = frozenset(
    "group company firm organisation organization movement militia agency party body club union".split()
)

# Pronouns by which whoever says a claim names itself as the one who acts: "we did not strike",
# "our troops took the bridge", "(the ministry said) it had not targeted", "its forces". News copy
# leaves the name to the attribution, so the claim's speaker stands in for them (signature.py).
# "I" is the speaker in person; "we" its organisation or side; "it" only ever an organisation.
SELF_PERSON = frozenset("i me my".split())
SELF_GROUP = frozenset("we us our".split())
SELF_IT = frozenset("it its".split())
# The head of a description that makes a speaker a person, who is "he" or "she", never "it";
# "we" said by one is their organisation, not them.
PERSON_WORDS = frozenset(
    """president minister governor mayor spokesman spokeswoman spokesperson secretary chairman chairwoman
    chair director chief executive officer head leader colonel general commander premier deputy senator
    judge lawyer ambassador envoy official adviser advisor manager chancellor commissioner prosecutor
    representative lawmaker diplomat soldier witness resident doctor analyst expert member""".split()
)
# Titles that name one post, so two of them are two people: "the founder was arrested" is not
# "the chief executive was arrested". Vague descriptions ("boss", "head", "official", "leader")
# and posts one person often holds at once ("manager" and "coach") stay out: they may be either.
POSTS = frozenset(
    """founder pilot copilot captain goalkeeper striker driver mayor governor minister president treasurer
    chairman chairwoman chancellor judge prosecutor senator ambassador teacher headteacher nurse surgeon
    executive secretary commissioner accountant auditor editor bishop priest referee""".split()
)
