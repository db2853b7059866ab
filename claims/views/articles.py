"""Importing articles and looking at them."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from ..forms import ArticleImportForm, ManualClaimForm
from ..models import Article, ArticleState
from ..selectors.article_claims import article_worklist
from ..selectors.claims import article_segments, articles_list
from ..selectors.originals import sanitised_original
from ..selectors.queue import bulk_assignees
from ..services.articles import DuplicateArticle, import_article, retry_split
from ..services.claims import add_claim_by_hand
from .access import editor_required, workbench_required


@workbench_required
def article_list(request):
    page = Paginator(articles_list(), 50).get_page(request.GET.get("page"))
    return render(request, "claims/article_list.html", {"page": page})


@editor_required
def article_import(request):
    form = ArticleImportForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                article = import_article(
                    title=data["title"],
                    raw_text=data["raw_text"],
                    imported_by=request.user,
                    url=data["url"],
                    outlet=data["outlet"],
                    published_on=data["published_on"],
                    topic=data["topic"],
                )
            except DuplicateArticle as dup:
                form.add_error(None, str(dup))
                form.duplicate_of = dup.existing
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _import_message(article))
                return redirect(article)
        status = 400
    return render(request, "claims/article_import.html", {"form": form}, status=status)


def _import_message(article):
    article.refresh_from_db(fields=["state"])
    if article.state == ArticleState.QUEUED:
        return "Article saved. It is queued and will be split into claims shortly."
    return "Article imported."


def _article_context(request, article, manual_form=None):
    claims = list(article.claims.select_related("side"))
    worthy = [c for c in claims if c.check_worthy]
    filters, rows = article_worklist(article, request.GET)
    return {
        "article": article,
        "claims": worthy,
        "set_aside": [c for c in claims if not c.check_worthy],
        "segments": article_segments(article.body, worthy),
        "manual_form": manual_form or ManualClaimForm(article=article),
        "original": sanitised_original(article),
        # The work list: the claims table, its filters and the queue's bulk actions, which
        # bring the reviewer back here, filters and all.
        "filters": filters,
        "rows": rows,
        "return_to": article.get_absolute_url() + (f"?{request.GET.urlencode()}" if request.GET else ""),
        "reviewers": bulk_assignees(request.user),
    }


@workbench_required
def article_detail(request, pk):
    article = get_object_or_404(Article.objects.select_related("outlet", "topic", "imported_by"), pk=pk)
    if request.htmx and request.htmx.target == "article-claims":
        return render(request, "claims/article_detail.html#claims_table", _article_context(request, article))
    context = _article_context(request, article)
    if request.htmx:
        if article.state in (ArticleState.QUEUED, ArticleState.PROCESSING):
            return render(request, "claims/article_detail.html#status", context)
        return HttpResponseClientRefresh()  # splitting finished: reload to show the claims
    return render(request, "claims/article_detail.html", context)


@require_POST
@editor_required
def article_retry(request, pk):
    article = get_object_or_404(Article, pk=pk)
    retry_split(article=article, user=request.user)
    messages.info(request, "Splitting queued again.")
    return redirect(article)


@require_POST
@workbench_required
def article_add_claim(request, pk):
    article = get_object_or_404(Article.objects.select_related("outlet", "topic", "imported_by"), pk=pk)
    form = ManualClaimForm(request.POST, article=article)
    if form.is_valid():
        try:
            claim = add_claim_by_hand(article=article, added_by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error("text", exc)
        else:
            messages.success(request, "Claim added.")
            return redirect(claim)
    return render(request, "claims/article_detail.html", _article_context(request, article, form), status=400)
