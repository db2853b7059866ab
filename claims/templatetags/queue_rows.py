"""The queue's table rows and its filter bar, built in Python.

Fifty rows through the template engine cost more than the database query behind the page at a
million claims (floatformat and truncatechars alone take milliseconds), and so did the loop over
the filter bar's sixteen fields; the hottest markup of the workbench is built here. Every value is
escaped (claims.markup) before it goes in.
"""
from django import template
from django.utils.safestring import mark_safe
from django.utils.dateformat import format as date_format
from django.urls import reverse
from django.utils.timezone import localtime

from ..input_rules import shortened
from ..markup import escaped
from ..presentation import headline_html, side_label

register = template.Library()

ROW = (
    '<tr data-url="{url}" data-take-url="{url}take/">'
    '<td><input type="checkbox" name="ids" value="{pk}" aria-label="Select claim {pk}"></td>'
    '<td data-label="Claim"><a href="{url}">{text}</a>{disputed}{matches}{narrative}{spread}</td>'
    '<td data-label="Speaker">{speaker}</td><td data-label="Side">{side}</td><td data-label="Worthiness">{worthiness}</td>'
    '<td data-label="State"><span class="state state-{state}">{state_label}</span></td>'
    '<td data-label="Assignee">{assignee}</td><td data-label="Article"><a href="{article_url}">{title}</a></td></tr>'
)
DISPUTED = ' <span class="flag" title="The other side contradicts it">disputed</span>'
MATCHES = (
    ' <a class="flag flag-match" href="{url}" title="The same claim has a published verdict (claim {pk})">'
    'matches: {rating}, {day}</a>'
)
NARRATIVE = (
    ' <a class="flag flag-narrative" href="{url}" title="Repeats a known narrative the desk has debunked">'
    # <bdi>: a name stored before the rule for names could hold a direction override left open.
    'narrative: <bdi>{name}</bdi></a>'
)

SPREAD = ' <span class="flag flag-spread" title="Linked as the same claim in other articles">in {n} articles</span>'


def _short(text: str, limit: int) -> str:
    return shortened(text, limit)


def _verdict_match(claim, claim_url: str) -> str:
    """"matches: False, 12 Oct": the rating and day of a published verdict on the same claim."""
    mark = getattr(claim, "verdict_match", None)
    if mark is None:
        return ""
    return MATCHES.format(
        url=escaped(f"{claim_url}{mark.claim_id}/"), pk=mark.claim_id, rating=escaped(mark.rating_label),
        day=escaped(date_format(localtime(mark.published_at), "j M")),
    )


def _narrative(claim) -> str:
    """"narrative: <name>": the claim repeats a known narrative (selectors.narratives)."""
    mark = getattr(claim, "narrative_mark", None)
    if mark is None:
        return ""
    # A reverse() per flagged row only: few rows of a page repeat a narrative.
    return NARRATIVE.format(url=escaped(reverse("claims:narrative", args=[mark.narrative_id])), name=escaped(_short(mark.name, 60)))


FILTER = '<div class="filter filter-{name}"><label for="{id}">{label}</label> {widget}{errors}</div>'


@register.simple_tag
def filter_bar(form):
    """Each field of the queue's filter form with its label and, when it was refused, why: what
    the template's loop over the form wrote, field by field."""
    return mark_safe("\n  ".join(_filter(field) for field in form))


def _filter(field) -> str:
    errors = field.errors
    return FILTER.format(
        name=escaped(field.name), id=escaped(field.auto_id), label=escaped(field.label), widget=field.as_widget(),
        errors=f'<span class="errors">{escaped(" ".join(errors))}</span>' if errors else "",
    )


@register.simple_tag
def queue_rows(claims, claim_url: str, article_url: str):
    """The rows of selectors.queue.QueueRow objects."""
    return mark_safe("".join(_row(claim, claim_url, article_url) for claim in claims))


def _row(claim, claim_url, article_url):
    return ROW.format(
        url=escaped(f"{claim_url}{claim.pk}/"),
        pk=claim.pk,
        # A claim that starts with its reporting verb is shown with its speaker in front.
        text=headline_html(_short(claim.text, 160), claim.speaker),
        disputed=DISPUTED if claim.has_dispute else "",
        matches=_verdict_match(claim, claim_url),
        narrative=_narrative(claim),
        spread=SPREAD.format(n=claim.spread) if claim.spread > 1 else "",
        speaker=escaped(claim.source_name or claim.speaker or "(the article)"),
        side=escaped(side_label(claim.side_name if claim.side_id else None)),
        worthiness=f"{claim.check_worthiness:.2f}",
        state=escaped(claim.state),
        state_label=escaped(claim.state_label),
        assignee=escaped(claim.assignee_name if claim.assignee_id else "–"),
        article_url=escaped(f"{article_url}{claim.article_id}/"),
        title=escaped(_short(claim.article_title, 60)),
    )
