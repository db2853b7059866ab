"""The workbench's data: one module per concept."""
from .articles import Article, ArticleState
from .claims import Claim, ClaimCluster, ClaimKind, Comment, Dispute
from .feeds import Feed, FeedEntry
from .imports import ImportChannel, ImportItem, ImportJob, ItemState
from .matches import ClaimMatch, ClaimSignature
from .narratives import Narrative, NarrativeDebunk, NarrativeExample, NarrativeMatch
from .rejections import MatchRejection, NarrativeRejection, wording_key
from .tokens import ApiToken
from .sources import Outlet, Reliability, Source, SourceKind
from .topics import Side, Topic
from .verdicts import Evidence, Stance, Verdict

__all__ = [
    "ApiToken",
    "Article",
    "ArticleState",
    "Claim",
    "ClaimCluster",
    "ClaimKind",
    "ClaimMatch",
    "ClaimSignature",
    "Comment",
    "Dispute",
    "Evidence",
    "Feed",
    "FeedEntry",
    "ImportChannel",
    "ImportItem",
    "ImportJob",
    "ItemState",
    "MatchRejection",
    "Narrative",
    "NarrativeDebunk",
    "NarrativeExample",
    "NarrativeMatch",
    "NarrativeRejection",
    "Outlet",
    "Reliability",
    "Side",
    "Source",
    "SourceKind",
    "Stance",
    "Topic",
    "Verdict",
    "wording_key",
]
