"""Turning article text into check-worthy claims, speakers, sides and disputes.

Pure Python: text and plain descriptions of the story's sides and known sources go in, plain
records come out. Nothing here touches the database, so the engine can be tested, benchmarked
and run by the `extract_claims` command on files alone.
"""
from .engine import ArticleInput, disputes_among, extract, extract_many
from .types import Extraction, FoundClaim, FoundDispute, KnownSource, SideCues

__all__ = [
    "ArticleInput",
    "Extraction",
    "FoundClaim",
    "FoundDispute",
    "KnownSource",
    "SideCues",
    "disputes_among",
    "extract",
    "extract_many",
]
