"""Reading article files in the evaluation format (title, text, sides, registry; gold is ignored)."""
import json
from pathlib import Path

from .engine import ArticleInput
from .types import KnownSource, SideCues


class ArticleFileError(ValueError):
    pass


def read_article_file(path: str | Path) -> tuple[str, ArticleInput]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ArticleFileError(f"{path}: cannot read article file: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise ArticleFileError(f"{path}: an article file is a JSON object with a 'text' string")
    try:
        sides = tuple(SideCues(str(s["name"]), tuple(str(c) for c in s.get("cues", []))) for s in data.get("sides", []))
        registry = tuple(
            KnownSource(str(r["name"]), r.get("side"), tuple(str(a) for a in r.get("aliases", [])))
            for r in data.get("registry", [])
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ArticleFileError(f"{path}: malformed 'sides' or 'registry': {exc}") from exc
    article_id = str(data.get("id") or Path(path).stem)
    return article_id, ArticleInput(text=data["text"], sides=sides, registry=registry)


def as_output(article_id: str, extraction) -> dict:
    return {
        "id": article_id,
        "language": extraction.language,
        "claims": [claim.as_json() for claim in extraction.claims],
        "disputes": [[d.first, d.second] for d in extraction.disputes],
        "dispute_reasons": [d.reason for d in extraction.disputes],
        "not_split_reason": extraction.not_split_reason,
        "failure": extraction.failure,
    }
