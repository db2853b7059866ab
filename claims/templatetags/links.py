"""Links in what the workbench shows.

`{% outside_link address text %}`: a link to an address the workbench stored, never a script.
The rule is claims.safe_output.web_href: an http(s) address becomes a link, anything else (an
address kept before the input rule checked it: "javascript:...", "data:...") is shown as text.

`{{ comment.body|comment_text }}`: a comment as reviewers write it, "claim 42" a link to that claim.
"""
import re

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from ..safe_output import web_href

register = template.Library()

REL = "nofollow noopener noreferrer"


@register.simple_tag
def outside_link(address, text=None):
    """The link, its words `text` (the address itself when none is given); plain text when the
    address is not a web address."""
    words = address if text is None else text
    href = web_href(address)
    if not href:
        return format_html("{}", words)
    return format_html('<a href="{}" rel="{}">{}</a>', href, REL, words)


# "claim 42", "Claim #42": how reviewers (and the note of a verdict taken over) name a claim.
CLAIM_MENTION = re.compile(r"\b(claim #?)([1-9][0-9]{0,11})\b", re.IGNORECASE)


@register.filter
def comment_text(body) -> str:
    """The comment escaped, its line breaks kept, each mention of a claim by number a link to it."""
    claim_url = reverse("claims:claim", args=[1]).removesuffix("1/")
    escaped = str(conditional_escape(body or ""))
    linked = CLAIM_MENTION.sub(lambda m: f'<a href="{claim_url}{m[2]}/">{m[0]}</a>', escaped)
    return mark_safe(linked.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>"))
