"""Numbers in claim text, brought to one value whatever the spelling.

"three", "3", "1,200", "1.2 million", "a dozen", "5%" and "5 percent" are written many ways; a claim
changed from 3 dead to 30 dead is a different claim, so the matcher must compare values, not
spellings. Years and clock times are not counts: they are left to the time rule.
"""
import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "nil": 0,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "k": 1_000, "million": 1_000_000, "m": 1_000_000,
          "m.": 1_000_000, "mn": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000,
          "trillion": 1_000_000_000_000}
COUNT_WORDS = {"dozen": 12, "pair": 2, "couple": 2}
TIMES = {"once": 1, "twice": 2, "thrice": 3}
# A verb of multiplying says a number too: "doubled" is twice, "halved" half.
FACTORS = {f"{stem}{ending}": value for stem, value in (("doubl", 2), ("tripl", 3), ("quadrupl", 4), ("halv", 0.5))
           for ending in ("e", "ed", "es", "ing")}
FACTORS.update({f"{word}fold": value for word, value in (("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6),
                                                           ("ten", 10), ("twenty", 20), ("hundred", 100))})
# Vague counts stand for a range: "dozens" agrees with 40 but not with 400 or with "hundreds".
VAGUE = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 999_999),
         "millions": (2e6, 999e6), "billions": (2e9, 999e9)}
SUFFIXED = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|bn)$")
DIGITS = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")


def word_value(word: str) -> float | None:
    """The value of one token ("3", "1,200", "three", "twenty-five", "4.5"), or None."""
    w = word.lower().strip()
    suffixed = SUFFIXED.match(w)
    if suffixed:
        return float(suffixed.group(1)) * SCALES[suffixed.group(2)]
    if w in TIMES:
        return float(TIMES[w])
    if w in FACTORS:
        return float(FACTORS[w])
    if DIGITS.match(w):
        return float(w.replace(",", ""))
    if w in UNITS:
        return float(UNITS[w])
    if w in TENS:
        return float(TENS[w])
    if "-" in w:
        tens, _, unit = w.partition("-")
        if tens in TENS and unit in UNITS and UNITS[unit] < 10:
            return float(TENS[tens] + UNITS[unit])
    return None


def numbers_in(words: list[str]) -> list[float]:
    """Values of the number phrases in a run of lower-case words, scales applied.

    "1.2 million" -> 1_200_000; "three hundred and five" -> 305; "a dozen" -> 12.
    """
    return [value for value, _ in number_phrases(words)]


def number_phrases(words: list[str]) -> list[tuple[float, int]]:
    """numbers_in, each value with the index of the word its phrase starts at."""
    values: list[tuple[float, int]] = []
    current: float | None = None
    total = 0.0
    skip = 0
    start = 0
    for i, word in enumerate(words):
        if skip:
            skip -= 1
            continue
        w = word.lower()
        value = word_value(w)
        if value is not None:
            if current is not None and current >= 20 and value < 10 and current % 10 == 0 \
                    and w.isalpha() and (words[i - 1].isalpha() or words[i - 1] == "-" and words[i - 2].isalpha()):
                current += value  # "twenty five", never "30 5" (a score whose hyphen was dropped)
            elif current is not None and current >= 100 and current % 100 == 0 and value < 100 \
                    and i and words[i - 1].lower() == "and":
                current += value  # "a hundred and fifty"
            elif current is not None:
                values.append((total + current, start))
                total, current, start = 0.0, value, i
            else:
                current = value
                if not total:
                    start = i
            continue
        if w in SCALES and current is None and not total and i and words[i - 1].lower() in {"a", "one"} and w not in {"k", "m", "m.", "mn", "bn"}:
            current, start = 1.0, i - 1  # "a hundred", "a million"
            if i >= 2 and words[i - 2].lower() == "half":
                current, start = 0.5, i - 2  # "half a million"
        if w in SCALES and (current is not None or total):
            scale = SCALES[w]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = None
            continue
        if w in COUNT_WORDS and i > 0 and words[i - 1].lower() in {"a", "one"} and current is None:
            current = float(COUNT_WORDS[w])
            start = i - 1
            continue
        following = word_value(words[i + 1]) if i + 1 < len(words) else None
        if w == "-" and current is not None and current >= 20 and current % 10 == 0 and following is not None \
                and following < 10 and words[i - 1].isalpha() and words[i + 1].isalpha():
            continue  # "twenty-four", split at the hyphen by the parser
        if w == "and" and current is not None and [x.lower() for x in words[i + 1:i + 3]] == ["a", "half"]:
            current += 0.5  # "three and a half thousand", "two and a half years"
            skip = 2
            continue
        if w == "and" and current is not None and i + 1 < len(words) and word_value(words[i + 1]) is not None \
                and (current >= 100 or total):
            continue  # "three hundred and five"
        if current is not None or total:
            values.append((total + (current or 0), start))
            total, current = 0.0, None
    if current is not None or total:
        values.append((total + (current or 0), start))
    return values


# Durations in hours, so "48 hours" and "two days" agree.
DURATIONS = {"minute": 1 / 60, "minutes": 1 / 60, "hour": 1, "hours": 1, "day": 24, "days": 24, "week": 168,
             "weeks": 168, "month": 730, "months": 730, "year": 8760, "years": 8760, "decade": 87600,
             "decades": 87600, "century": 876000, "centuries": 876000}
# Lengths in metres, so "1.5 km" and "1,500 metres" agree; "300m" is metres only before a dimension
# ("300m tall"), since news copy writes "£3m" for millions.
LENGTHS = {"km": 1000, "kilometre": 1000, "kilometres": 1000, "kilometer": 1000, "kilometers": 1000, "metre": 1,
           "metres": 1, "meter": 1, "meters": 1, "cm": 0.01, "centimetre": 0.01, "centimetres": 0.01,
           "centimeter": 0.01, "centimeters": 0.01, "mm": 0.001, "millimetre": 0.001, "millimetres": 0.001}
DIMENSIONS = {"tall", "long", "high", "deep", "wide", "away", "above", "below", "thick"}


# "the day after", "a week later", "for a year": one unit of time said with an article.
ONE_UNIT_BEFORE = {"for", "within", "after"}
ONE_UNIT_AFTER = {"after", "before", "later", "earlier", "ago"}


def _durations(words: list[str]) -> list[str]:
    """"two days" -> "48 hour": a count of a unit of time becomes hours ("7-minute" too)."""
    words = list(words)
    for i, word in enumerate(words[:-1]):
        if word in {"a", "an", "the"} and words[i + 1] in DURATIONS and not words[i + 1].endswith("s") and (
                i + 2 < len(words) and words[i + 2] in ONE_UNIT_AFTER or i and words[i - 1] in ONE_UNIT_BEFORE):
            words[i] = "one"
    out = list(words)
    for i, word in enumerate(words[:-3]):
        # "a quarter of a century", "half an hour": a fraction of one unit.
        if word in FRACTIONS and words[i + 1] == "of" and words[i + 2] in {"a", "an"} and words[i + 3] in DURATIONS:
            words[i:i + 4] = out[i:i + 4] = [f"{DURATIONS[words[i + 3]] / FRACTIONS[word]:.6f}".rstrip("0").rstrip("."),
                                             "", "", "hour"]
            if i and words[i - 1] in {"a", "one"}:
                words[i - 1] = out[i - 1] = ""
    for i, word in enumerate(words[:-1]):
        if word == "half" and words[i + 1] in {"a", "an"} and i + 2 < len(words) and words[i + 2] in DURATIONS:
            words[i:i + 3] = out[i:i + 3] = [f"{DURATIONS[words[i + 2]] / 2:.6f}".rstrip("0").rstrip("."), "", "hour"]
    for i, word in enumerate(words[:-1]):
        j = i + 1
        value = word_value(word)
        if value is not None and words[j:j + 3] == ["and", "a", "half"] and j + 3 < len(words):
            value, j = value + 0.5, j + 3  # "two and a half days"
        if words[j] == "-" and j + 1 < len(words):
            j += 1
        unit = DURATIONS.get(words[j])
        if unit and "old" in words[j + 1:j + 3]:
            continue  # "a 30-year-old": an age, compared as the plain figure
        if unit and value is not None:
            if unit == DURATIONS["day"] and value % 30 == 0 and 0 < value < 365:
                unit = DURATIONS["month"] / 30  # "a 60-day truce" is "a two-month truce": news counts a month as 30 days
            if words[j + 1:j + 4] == ["and", "a", "half"]:  # "a year and a half"
                value += 0.5
                out[j + 1:j + 4] = ["", "", ""]
            out[i:j] = [f"{value * unit:.6f}".rstrip("0").rstrip(".")] + [""] * (j - i - 1)
            out[j] = "hour"
    return out


# A hedged figure stands for the values it is true of, not one value: "nearly 500" is said of 497,
# "about 1,000" of 1,040, "more than 4 million" of 4.1 million. How far each hedge reaches, as a
# share of the figure below and above it, is a plain reading of news usage, kept narrow so that a
# rounded figure agrees with the exact one but "nearly 500" never agrees with 300.
HEDGES = {
    ("nearly",): (0.1, 0), ("almost",): (0.1, 0), ("just", "under"): (0.1, 0), ("just", "below"): (0.1, 0),
    ("about",): (0.1, 0.1), ("around",): (0.1, 0.1), ("roughly",): (0.1, 0.1), ("approximately",): (0.1, 0.1),
    ("some",): (0.1, 0.1), ("an", "estimated"): (0.1, 0.1), ("close", "to"): (0.1, 0),
    ("more", "than"): (0, 0.1), ("over",): (0, 0.1), ("just", "over"): (0, 0.1), ("at", "least"): (0, 0.1),
}


CURRENCY = {"£", "$", "€", "¥", "us$"}


def _hedge(words: list[str], start: int) -> tuple[float, float] | None:
    while start and words[start - 1] in CURRENCY:
        start -= 1  # "nearly £350,000": the hedge is said of the sum
    for hedge, reach in HEDGES.items():
        if tuple(words[max(0, start - len(hedge)):start]) == hedge:
            return reach
    return None


# Shares said as fractions: "half of", "two-thirds of", "a quarter of", "three in four", "one out of
# five" (a share of ten or fewer parts; "1 in 10,000" is a rate, kept as its figures). News copy gives a
# share either way, so a fraction stands for the percentage it rounds to,
# give or take the point a reporter rounds by ("two-thirds" is "66 percent" and "67 percent").
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
             "fifths": 5, "tenth": 10, "tenths": 10}
SHARE_OF = {"of", "the", "its", "their", "his", "her", "our", "all"}
ROUNDED = 1.0  # percentage points


def _fractions(words: list[str]) -> tuple[list[str], set[tuple[float, float]]]:
    """Fractions as percentage ranges, and the words with the fractions taken out."""
    words = list(words)
    found = set()
    for i, word in enumerate(words):
        # "cut the risk by a fifth", "up by almost a quarter": a change by a share, as "by 20%".
        by_share = word in FRACTIONS and "by" in words[max(0, i - 4):i] and words[i + 1:i + 2] not in (["point"], ["of"]) \
            and not (i + 1 < len(words) and words[i + 1] in {"percentage", "points"})
        if by_share and (i == 0 or words[i - 1] in {"a", "one"} or word_value(words[i - 1]) is not None
                         or words[i - 1] == "-"):
            first = next(k for k in range(max(0, i - 4), i) if words[k] == "by") + 1
            count = word_value(words[i - 2]) if words[i - 1] == "-" else word_value(words[i - 1]) if words[i - 1] not in {"a", "one"} else 1.0
            if count is not None and count < FRACTIONS[word]:
                found.add(_share(100 * count / FRACTIONS[word], _hedge(words, i - 1 if words[i - 1] != "-" else i - 2)))
                for k in range(first, i + 1):
                    words[k] = ""
                continue
        if word in FRACTIONS and i + 1 < len(words) and words[i + 1] in SHARE_OF:
            j = i - 1 if i and words[i - 1] == "-" else i
            before = words[j - 1] if j else ""
            count = 1.0 if before in {"a", "one", ""} or word == "half" else word_value(before)
            if count is None or count >= FRACTIONS[word]:
                continue
            first = max(j - 1, 0) if before and word_value(before) is not None or before in {"a", "one"} else i
            if words[i + 1] == "of" and words[i + 2:i + 3] in (["a"], ["an"]):
                # "a quarter of a million", "a quarter of a percentage point": a value, not a share.
                if words[i + 3:i + 4] and words[i + 3] in DURATIONS:
                    continue  # "a quarter of a century": the durations' own rule
                for k in range(first, i + 2):
                    words[k] = ""
                words[i + 2] = f"{count / FRACTIONS[word]:.6f}".rstrip("0").rstrip(".")
                continue
            found.add(_share(100 * count / FRACTIONS[word], _hedge(words, first)))
            for k in range(first, i + 1):
                words[k] = ""
        elif word in {"in", "out"} and 0 < i:
            j = i + 2 if word == "out" and words[i + 1:i + 2] == ["of"] else i + 1
            part, whole = word_value(words[i - 1]), word_value(words[j]) if j < len(words) else None
            if part is None or whole is None or not 0 < part < whole <= 10 or words[i - 1].isdigit() != words[j].isdigit():
                continue
            found.add(_share(100 * part / whole, _hedge(words, i - 1)))
            for k in range(i - 1, j + 1):
                words[k] = ""
    return words, found


def _share(percent: float, reach) -> tuple[float, float]:
    """A share as the percentages it rounds to, widened by a hedge ("nearly a third", "more than half")."""
    low, high = reach or (0, 0)
    return percent * (1 - low) - ROUNDED, percent * (1 + high) + ROUNDED


def _thousands(words: list[str]) -> list[str]:
    """"40 000" is forty thousand: a space between groups of three digits, as much of Europe writes it."""
    out: list[str] = []
    for word in words:
        if out and re.fullmatch(r"\d{3}", word) and re.fullmatch(r"\d{1,3}( \d{3})*", out[-1]):
            out[-1] = f"{out[-1]} {word}"
        else:
            out.append(word)
    return [w.replace(" ", "") if re.fullmatch(r"\d{1,3}( \d{3})+", w) else w for w in out]


def _lengths(words: list[str]) -> list[str]:
    """"1.5 km" -> "1500 metre"."""
    out = list(words)
    for i, word in enumerate(words[:-1]):
        value, unit = word_value(word), words[i + 1]
        if unit == "m" and i + 2 < len(words) and words[i + 2] in DIMENSIONS:
            unit = "metre"
        if value is not None and unit in LENGTHS:
            out[i], out[i + 1] = f"{value * LENGTHS[unit]:.6f}".rstrip("0").rstrip("."), "metre"
    return out


def _spoken_decimals(words: list[str]) -> list[str]:
    """"four point nine" -> "4.9", as a figure read out is written."""
    out: list[str] = []
    i = 0
    while i < len(words):
        whole = word_value(words[i])
        digits = []
        j = i + 2
        if whole is not None and float(whole).is_integer() and i + 1 < len(words) and words[i + 1] == "point":
            while j < len(words) and words[j].isalpha() and (digit := word_value(words[j])) is not None and digit < 10:
                digits.append(str(int(digit)))
                j += 1
        if digits:
            out.append(f"{int(whole)}.{''.join(digits)}")
            i = j
        else:
            out.append(words[i])
            i += 1
    return out


def ranges_in(words: list[str]) -> list[tuple[float, float]]:
    """Numbers as (low, high) ranges: exact values are (x, x), hedged ones a narrow span, vague counts a wide one."""
    words, found = _fractions(_lengths(_thousands(_spoken_decimals(words))))
    words = _durations(words)
    for value, start in number_phrases(words):
        reach = _hedge(words, start)
        found.add((value * (1 - reach[0]), value * (1 + reach[1])) if reach else (value, value))
    found.update(VAGUE[w] for w in words if w in VAGUE)
    return sorted(found)


PERCENT_WORDS = {"%", "percent", "pc"}
NUMBER_GLUE = {"-", "and", "a", "half"}


def percents_in(words: list[str]) -> list[tuple[float, float]]:
    """Figures said as percentages ("to 4%", "4.25 per cent"), kept apart from the claim's other
    figures: "rates cut to 4% in a five-to-four vote" holds a 4 that is no percentage."""
    found = set()
    words = _spoken_decimals(words)
    for value, start in number_phrases(words):
        end = start
        while end < len(words) and (word_value(words[end]) is not None or words[end] in SCALES or words[end] in NUMBER_GLUE):
            end += 1
        if end < len(words) and (words[end] in PERCENT_WORDS or words[end:end + 2] == ["per", "cent"]):
            reach = _hedge(words, start)
            found.add((value * (1 - reach[0]), value * (1 + reach[1])) if reach else (value, value))
    return sorted(found)


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    slack = 1e-9 * max(1.0, abs(a[1]), abs(b[1]))
    return a[0] <= b[1] + slack and b[0] <= a[1] + slack
