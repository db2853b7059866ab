"""Which language an article is in, so that only English goes through the English pipeline.

Most articles are English and are recognised cheaply by their function words; only the rest are
handed to langdetect, which names the language for the editor's message.
"""
import re

from langdetect import DetectorFactory, LangDetectException, detect

DetectorFactory.seed = 0  # langdetect is random unless seeded

_ENGLISH = frozenset("the of and to in a is that for on was with said as by it at from were has have are be".split())


def detect_language(text: str) -> str:
    words = re.findall(r"[^\W\d_]+", text[:5000].lower())
    if not words:
        return "und"
    if sum(1 for w in words if w in _ENGLISH) / len(words) >= 0.12:
        return "en"
    try:
        return detect(text[:5000])
    except LangDetectException:
        return "und"
