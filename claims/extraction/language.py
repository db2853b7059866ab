"""Which language an article is in, so that only English goes through the English pipeline.

Most articles are English and are recognised cheaply by their function words; only the rest are
handed to langdetect, which names the language for the editor's message. `language_name` is the
one place that turns its codes into the names a reviewer reads ("German", not 'de').
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


# Every code langdetect's profiles can answer; detect_language's "und" (no letters to go on) has no name.
LANGUAGE_NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan", "cs": "Czech",
    "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek", "en": "English", "es": "Spanish",
    "et": "Estonian", "fa": "Persian", "fi": "Finnish", "fr": "French", "gu": "Gujarati", "he": "Hebrew",
    "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "ja": "Japanese",
    "kn": "Kannada", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian", "ml": "Malayalam",
    "mr": "Marathi", "ne": "Nepali", "nl": "Dutch", "no": "Norwegian", "pa": "Punjabi", "pl": "Polish",
    "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "so": "Somali",
    "sq": "Albanian", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "te": "Telugu", "th": "Thai",
    "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
    "zh-cn": "Chinese (simplified)", "zh-tw": "Chinese (traditional)",
}


def language_name(code: str) -> str | None:
    """The language's name in English, or None for "und" and any code not in the table."""
    return LANGUAGE_NAMES.get(code.lower())


def not_english_reason(code: str) -> str:
    """Why an article was not split, and what the reviewer can do instead, in words."""
    name = language_name(code)
    what = f"This article is in {name}" if name else "The engine could not tell which language this article is in"
    return (
        f"Not split: {what}, and the engine splits English articles only. Add its claims by hand "
        "(select the words in the article below), or import an English version of the article."
    )
