"""The original of an imported web page, made safe to look at.

Imported HTML is never rendered as it came: nh3 (the Ammonia sanitiser) keeps text structure
and plain links and drops scripts, styles, event handlers, frames and javascript: links.
"""
import nh3

from ..models import Article

TAGS = {"p", "br", "h1", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "em", "strong", "b", "i", "a", "figure",
        "figcaption", "table", "thead", "tbody", "tr", "td", "th"}


def sanitised_original(article: Article) -> str:
    """The fetched page as safe HTML, or "" when the article was not a web page."""
    raw = article.raw_input or ""
    if not article.url or "<" not in raw:
        return ""
    return nh3.clean(
        raw, tags=TAGS, attributes={"a": {"href"}}, url_schemes={"http", "https"},
        link_rel="noopener noreferrer nofollow", strip_comments=True,
    )
