"""Template filters for how a listed claim reads; the rule itself is in claims.presentation."""
from django import template
from django.utils.safestring import mark_safe

from .. import presentation
from ..input_rules import shortened

register = template.Library()


@register.filter
def headline(text, speaker):
    """`{{ claim.text|headline:claim.speaker }}`: the speaker in front of a text that starts with
    its reporting verb, escaped."""
    return mark_safe(presentation.headline_html(str(text or ""), str(speaker or "")))


@register.filter
def said_by(text, speaker):
    """`{{ row.claim_text|said_by:row.speaker }}“{{ row.claim_text }}”`: only the name to put in
    front (with a space), for pages that set the article's words in quotation marks."""
    who = presentation.said_by(str(text or ""), str(speaker or ""))
    return f"{who} " if who else ""


@register.filter
def side_label(side):
    """`{{ claim.side|side_label }}`: the side's name, or the one wording for none (presentation.NO_SIDE)."""
    return presentation.side_label(side)


@register.filter
def shorten(text, limit):
    """`{{ claim.text|shorten:120 }}`: Django's truncatechars, but a direction control the cut
    leaves open is closed after it (input_rules.shortened), so the words after it read forwards."""
    return shortened(str(text or ""), int(limit))
