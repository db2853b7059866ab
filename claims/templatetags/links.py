"""`{% outside_link address text %}`: a link to an address the workbench stored, never a script.

The rule is claims.safe_output.web_href: an http(s) address becomes a link, anything else (an
address kept before the input rule checked it: "javascript:...", "data:...") is shown as text.
"""
from django import template
from django.utils.html import format_html

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
