"""Whether "he" or "she" can point back to a person, from what the article says about them.

A pronoun goes to the latest person it can stand for: "For her part, the senator ... she said" is
the senator, not the man named just before her. The evidence, strongest first: a title (Mr, Mrs,
Ms), a gendered noun in the person's description (spokeswoman, congressman, mother), the first name
in a first-name dictionary (gender-guesser, its data inside the package). Anything unsure gives
None, and an unknown person can be pointed to by either pronoun.
"""
from functools import lru_cache

import gender_guesser.detector

FEMALE_WORDS = frozenset(
    """mrs ms miss madam lady queen princess duchess countess dame sister mother daughter wife widow woman
    girl grandmother aunt niece spokeswoman chairwoman congresswoman businesswoman councilwoman
    sportswoman actress waitress heiress""".split()
)
MALE_WORDS = frozenset(
    """mr sir lord king prince duke count brother father son husband widower man boy grandfather uncle
    nephew spokesman congressman businessman councilman sportsman actor""".split()
)
PRONOUN_GENDER = {"she": "female", "her": "female", "hers": "female", "he": "male", "him": "male", "his": "male"}


@lru_cache(maxsize=1)
def _detector() -> gender_guesser.detector.Detector:
    return gender_guesser.detector.Detector(case_sensitive=False)


def gender_of(name: str, description: set[str] = frozenset()) -> str | None:
    """ "female", "male" or None, from a person's name and the words that describe them."""
    words = {w.lower().rstrip(".") for w in description} | {w.lower().rstrip(".") for w in name.split()[:1]}
    female, male = bool(words & FEMALE_WORDS), bool(words & MALE_WORDS)
    if female != male:
        return "female" if female else "male"
    first = name.split()[0] if name.split() else ""
    if len(name.split()) < 2 or not first.isalpha():
        return None  # a surname alone says nothing
    guess = _detector().get_gender(first)
    return guess if guess in ("female", "male") else None


def can_refer_to(pronoun: str, gender: str | None) -> bool:
    wanted = PRONOUN_GENDER.get(pronoun)
    return wanted is None or gender is None or gender == wanted


def is_first_name(word: str) -> bool:
    """Whether the first-name dictionary knows the word as a woman's or a man's name."""
    return word.isalpha() and word[:1].isupper() and _detector().get_gender(word) in ("female", "male")
