"""Loaded language: partisan terms from the topic's lexicon and words held at arm's length in quotes."""
import re


def loaded_terms(claim_text: str, lexicon: tuple[str, ...]) -> tuple[str, ...]:
    found = []
    lowered = claim_text.lower()
    for term in lexicon:
        if term and re.search(rf"(?<!\w){re.escape(term.lower())}(?!\w)", lowered):
            found.append(term)
    # Scare quotes: one to three words in quotation marks inside a longer claim ("liberated").
    for quoted in re.findall(r'"([^"]{1,40})"', claim_text):
        if 1 <= len(quoted.split()) <= 3 and len(claim_text) > len(quoted) + 10 and quoted not in found:
            found.append(quoted)
    return tuple(found)
