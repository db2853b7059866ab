"""Public fact-check pages and feeds: no login, published verdicts only.

Every query starts from selectors.verdicts.published_verdicts, so a verdict that is not
published answers 404 here whatever its id, and never reaches a feed.
"""
import json
from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse

from .. import ratings
from ..archives import archived_copy
from ..exports import claim_review
from ..models import Evidence
from ..public_links import fact_check_urls, public_url, site_url
from ..safe_output import PrintableRssFeed
from ..selectors.verdicts import published_verdicts, verdict_rows

FEED_SIZE = 50
PAGE_SIZE = 30


def _ld_json(document: dict) -> str:
    # The JSON goes inside a <script> element: escape what could close it or open markup.
    text = json.dumps(document, ensure_ascii=False, indent=1)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


@dataclass(frozen=True)
class _Listed:
    """A fact-check in the public list: its row and its rating as a reader sees it."""

    row: object
    rating: str
    colour: str


@dataclass(frozen=True)
class _PublicEvidence:
    """A piece of evidence on the public page, with the archived copy of its source (None: none kept)."""

    item: Evidence
    archive: object


def fact_check_list(request):
    page = Paginator(verdict_rows(published_verdicts()), PAGE_SIZE).get_page(request.GET.get("page"))
    listed = [_Listed(row, ratings.label(row.rating), ratings.COLOURS[row.rating]) for row in page.object_list]
    return render(request, "public/fact_check_list.html", {"page": page, "listed": listed, "newsroom": settings.NEWSROOM_NAME})


def fact_check(request, pk: int):
    row = verdict_rows(published_verdicts().filter(pk=pk)).first()
    if row is None:
        raise Http404("No published fact-check has this number.")
    evidence = [
        _PublicEvidence(item, archived_copy(item.archived_url))
        for item in Evidence.objects.filter(claim_id=row.claim_id).order_by("added_at", "id")
    ]
    return render(request, "public/fact_check.html", {
        "row": row,
        "rating": ratings.label(row.rating),
        "rating_colour": ratings.COLOURS[row.rating],
        "evidence": evidence,
        "ld_json": _ld_json(claim_review(row, site_url(request))),
        "newsroom": settings.NEWSROOM_NAME,
    })


def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for whatever a page links: the static file."""
    return redirect(static("favicon.ico"), permanent=True)


@dataclass(frozen=True)
class _Entry:
    """A feed's item: the verdict's row and its public address."""

    row: object
    url: str


def _latest(site: str) -> list[_Entry]:
    url_of = fact_check_urls(site)
    return [_Entry(row, url_of(row.id)) for row in verdict_rows(published_verdicts())[:FEED_SIZE]]


def _title(row) -> str:
    return f"{ratings.label(row.rating)}: {row.claim_text}"


class FactCheckRss(Feed):
    # One instance serves every request: what depends on the request (the public site's address)
    # travels in the feed's object (get_object), never on self.
    feed_type = PrintableRssFeed
    description = "Claims our fact-checkers have reviewed, with their verdicts."

    def get_object(self, request):
        return site_url(request)

    def title(self):
        return f"{settings.NEWSROOM_NAME}: fact-checks"

    def link(self, site):
        return public_url(site, reverse("public:fact_checks"))

    def feed_url(self, site):
        return public_url(site, reverse("public:feed_rss"))

    def items(self, site):
        return _latest(site)

    def item_title(self, entry):
        return _title(entry.row)

    def item_description(self, entry):
        return entry.row.rationale

    def item_link(self, entry):
        return entry.url

    def item_guid(self, entry):
        return entry.url

    def item_pubdate(self, entry):
        return entry.row.published_at


def json_feed(request):
    """The same feed as JSON Feed 1.1 (jsonfeed.org)."""
    site = site_url(request)
    return JsonResponse({
        "version": "https://jsonfeed.org/version/1.1",
        "title": f"{settings.NEWSROOM_NAME}: fact-checks",
        "home_page_url": public_url(site, reverse("public:fact_checks")),
        "feed_url": public_url(site, reverse("public:feed_json")),
        "items": [
            {
                "id": entry.url,
                "url": entry.url,
                "title": _title(entry.row),
                "content_text": entry.row.rationale,
                "date_published": entry.row.published_at.isoformat(),
                "tags": [ratings.label(entry.row.rating)] + ([entry.row.side] if entry.row.side else []),
            }
            for entry in _latest(site)
        ],
    }, json_dumps_params={"ensure_ascii": False}, content_type="application/feed+json")
