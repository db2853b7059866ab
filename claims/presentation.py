"""How a claim reads when it is listed: the one place that decides it.

The engine keeps a claim's text as the article wrote it (`article[start:end]`). When the claim is
the act of speaking itself ("accused Ukraine of shelling the plant", "reported a number of
blasts"), that text starts with the reporting verb and reads as a fragment in a list. Listed,
such a claim is shown with its speaker in front ("The defence ministry accused Ukraine of ..."),
so a reviewer sees what was said and who said it in one line. Everything else is left as written:
a claim that is a sentence of its own must not be given a speaker it does not name.

The queue rows, the article's table, the claim page, the report and the public list all ask here
(directly, or through the `headline` and `said_by` template filters in claims/templatetags).

The days and times that services and selectors write into text (a note, a history line, a
refusal) are printed here too, as the templates print them.
"""
import re
from datetime import date, datetime

from django.utils.dateformat import format as date_format
from django.utils.timezone import is_aware, localtime

from .markup import escaped

# Surface forms of the verbs a claim can start with when the engine kept the act of speaking as
# the claim (see claims/extraction/attribution.py: SPEECH_VERBS and ACT_VERBS), written out so
# that this module needs no parser: it runs for fifty queue rows per page.
REPORTING_VERBS = frozenset(
    """said says told tells added adds stated states claimed claims announced announces reported reports
    warned warns accused accuses denied denies insisted insists wrote writes posted posts confirmed confirms
    alleged alleges argued argues declared declares asserted asserts maintained maintains acknowledged
    acknowledges admitted admits rejected rejects disputed disputes estimated estimates noted notes
    explained explains stressed stresses reiterated reiterates testified testifies tweeted tweets
    countered counters responded responds replied replies blamed blames predicted predicts conceded
    concedes contended contends complained complains cautioned cautions charged charges lamented laments
    proclaimed proclaims found finds showed shows revealed reveals suggested suggests indicated indicates
    issued issues vowed vows promised promises pledged pledges urged urges called calls described
    describes dismissed dismisses refuted refutes rebutted rebuts""".split()
)
# What may stand between the start of the text and the verb: "also said", "has repeatedly denied",
# "had earlier reported".
_AUXILIARIES = "has|have|had|was|were|is|are|would|will|did|does|do"
_ADVERBS = (
    "also|later|earlier|again|previously|repeatedly|then|separately|publicly|recently|flatly|strongly|"
    "first|further|subsequently|initially|once|already|immediately|quickly|falsely|wrongly"
)
_START = re.compile(
    rf"^(?:(?:{_ADVERBS})\s+)*(?:(?:{_AUXILIARIES})\s+(?:(?:{_ADVERBS})\s+)*)?(?P<verb>[a-z]+)\b"
)


def starts_with_reporting_verb(text: str) -> bool:
    """Whether the text opens with a lower-case reporting verb phrase ("accused ...", "has also said ...")."""
    match = _START.match(text.lstrip())
    return bool(match) and match.group("verb") in REPORTING_VERBS


# Explicit bidirectional formatting (embeddings, overrides, isolates and the LRM/RLM marks). A
# name set in front of the claim shares its line: an override left open in the name ("Port
# \u202eauthority") would make the browser draw the claim's own words backwards, so the reader
# sees a sentence the article never wrote. A name needs none of them: Arabic or Hebrew letters
# are still drawn right to left by the Unicode bidirectional algorithm.
_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def said_by(text: str, speaker: str) -> str:
    """Who to name in front of the text when it is listed ("The defence ministry"), or "" when the
    text reads on its own or nobody is named."""
    speaker = " ".join(_BIDI_CONTROLS.sub("", speaker or "").split())
    if not speaker or not starts_with_reporting_verb(text):
        return ""
    return speaker[0].upper() + speaker[1:]


def headline(text: str, speaker: str) -> str:
    """The claim as one plain line: the speaker in front of a text that starts with its verb."""
    who = said_by(text, speaker)
    return f"{who} {text.lstrip()}" if who else text


def headline_html(text: str, speaker: str) -> str:
    """headline() as escaped markup, the speaker in its own span so it can be told apart from
    the article's words. The caller marks the whole safe."""
    who = said_by(text, speaker)
    if not who:
        return escaped(text)
    return f'<span class="said-by">{escaped(who)}</span> {escaped(text.lstrip())}'


# As the templates write them: {{ value|date:"j M Y" }} and {{ value|date:"j M Y H:i" }}.
DAY = "j M Y"  # "1 Dec 2026"
MOMENT = "j M Y H:i"  # "1 Dec 2026 15:40"


def _local(value: date | datetime) -> date | datetime:
    # The `date` filter shows a stored (UTC) time in the newsroom's time zone; so does text.
    return localtime(value) if isinstance(value, datetime) and is_aware(value) else value


def day(value: date | datetime) -> str:
    """The day as every page writes it ("1 Dec 2026", not "01 Dec 2026"), in the newsroom's time zone."""
    return date_format(_local(value), DAY)


def moment(value: datetime) -> str:
    """A time as every page writes it ("1 Dec 2026 15:40"), in the newsroom's time zone."""
    return date_format(_local(value), MOMENT)


# A claim whose side nobody set (no topic, or the engine could not tell): written one way on every
# page, list, report and chart, in a cell, a legend or the middle of a line.
NO_SIDE = "No side"


def side_label(side) -> str:
    """A claim's side as the pages write it: a Side or its name, or NO_SIDE when there is none."""
    return getattr(side, "name", side) or NO_SIDE
