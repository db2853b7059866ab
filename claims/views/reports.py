"""Verdict reports (HTML and PDF) and exports of the same selection (CSV, JSON, ClaimReview)."""
from django.conf import settings
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.text import slugify

from ..exports import FORMATS, export_chunks
from ..public_links import site_url
from ..reports import build_report, pdf_of
from ..selectors.verdicts import VerdictSelection
from .access import export_required


def _selection_or_400(request):
    selection = VerdictSelection(request.GET or None)
    if selection.is_bound and not selection.is_valid():
        return selection, render(request, "claims/report/invalid.html", {"selection": selection}, status=400)
    return selection, None


@export_required
def report(request):
    selection, invalid = _selection_or_400(request)
    if invalid:
        return invalid
    context = {"selection": selection, "report": build_report(selection), "query": request.GET.urlencode()}
    template = "claims/report/_body.html" if request.htmx else "claims/report.html"
    return render(request, template, context)


@export_required
def report_pdf(request):
    selection, invalid = _selection_or_400(request)
    if invalid:
        return invalid
    report = build_report(selection)
    context = {"report": report, "selection": selection, "newsroom": settings.NEWSROOM_NAME, "document": True}
    html = render_to_string("claims/report/document.html", context, request=request)
    response = HttpResponse(pdf_of(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(report.title)}.pdf"'
    return response


@export_required
def export(request, fmt: str):
    if fmt not in FORMATS:
        return HttpResponse(f"Unknown format {fmt!r}: choose csv, json or claimreview.", status=404, content_type="text/plain")
    selection = VerdictSelection(request.GET or None)
    if selection.is_bound and not selection.is_valid():
        return HttpResponse(f"The selection is not valid. {selection.problems()}", status=400, content_type="text/plain")
    content_type, extension = FORMATS[fmt]
    response = StreamingHttpResponse(export_chunks(fmt, selection.qs, site=site_url(request)), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{_filename(selection.describe())}.{extension}"'
    return response


def _filename(title: str) -> str:
    return "verdicts-" + (slugify(title)[:80] or "all")
