"""Public fact-check pages and feeds: no login, published verdicts only.

Every query starts from selectors.verdicts.published_verdicts, so a verdict that is not
published answers 404 here whatever its id, and never reaches a feed.
"""
import json

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed

from .. import ratings
from ..exports import claim_review, fact_check_url
from ..models import Evidence
from ..selectors.verdicts import published_verdicts, verdict_rows

FEED_SIZE = 50
PAGE_SIZE = 30


def _ld_json(document: dict) -> str:
    # The JSON goes inside a <script> element: escape what could close it or open markup.
    text = json.dumps(document, ensure_ascii=False, indent=1)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def fact_check_list(request):
    page = Paginator(verdict_rows(published_verdicts()), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "public/fact_check_list.html", {"page": page, "newsroom": settings.NEWSROOM_NAME})


def fact_check(request, pk: int):
    row = verdict_rows(published_verdicts().filter(pk=pk)).first()
    if row is None:
        raise Http404("No published fact-check has this number.")
    evidence = Evidence.objects.filter(claim_id=row.claim_id).order_by("added_at", "id")
    return render(request, "public/fact_check.html", {
        "row": row,
        "rating": ratings.label(row.rating),
        "rating_colour": ratings.COLOURS[row.rating],
        "evidence": evidence,
        "ld_json": _ld_json(claim_review(row)),
        "newsroom": settings.NEWSROOM_NAME,
    })


def _latest():
    return list(verdict_rows(published_verdicts())[:FEED_SIZE])


def _title(row) -> str:
    return f"{ratings.label(row.rating)}: {row.claim_text}"


class FactCheckRss(Feed):
    feed_type = Rss201rev2Feed
    description = "Claims our fact-checkers have reviewed, with their verdicts."

    def title(self):
        return f"{settings.NEWSROOM_NAME}: fact-checks"

    def link(self):
        return reverse("public:fact_checks")

    def items(self):
        return _latest()

    def item_title(self, row):
        return _title(row)

    def item_description(self, row):
        return row.rationale

    def item_link(self, row):
        return fact_check_url(row.id)

    def item_guid(self, row):
        return fact_check_url(row.id)

    def item_pubdate(self, row):
        return row.published_at


def json_feed(request):
    """The same feed as JSON Feed 1.1 (jsonfeed.org)."""
    home = request.build_absolute_uri(reverse("public:fact_checks"))
    return JsonResponse({
        "version": "https://jsonfeed.org/version/1.1",
        "title": f"{settings.NEWSROOM_NAME}: fact-checks",
        "home_page_url": home,
        "feed_url": request.build_absolute_uri(),
        "items": [
            {
                "id": fact_check_url(row.id),
                "url": fact_check_url(row.id),
                "title": _title(row),
                "content_text": row.rationale,
                "date_published": row.published_at.isoformat(),
                "tags": [ratings.label(row.rating)] + ([row.side] if row.side else []),
            }
            for row in _latest()
        ],
    }, json_dumps_params={"ensure_ascii": False}, content_type="application/feed+json")
