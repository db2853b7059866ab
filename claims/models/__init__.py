"""The workbench's data: one module per concept."""
from .articles import Article, ArticleState
from .claims import Claim, ClaimKind, Comment, Dispute
from .sources import Outlet, Reliability, Source, SourceKind
from .topics import Side, Topic
from .verdicts import Evidence, Stance, Verdict

__all__ = [
    "Article",
    "ArticleState",
    "Claim",
    "ClaimKind",
    "Comment",
    "Dispute",
    "Evidence",
    "Outlet",
    "Reliability",
    "Side",
    "Source",
    "SourceKind",
    "Stance",
    "Topic",
    "Verdict",
]
