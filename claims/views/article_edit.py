"""An editor changes an article's topic, outlet and publication date after it was imported.

The form lives on the article page (templates/claims/article/_details.html, put there by the
`article_details` tag); this view also serves it alone, as a page (the "change" link, without
JavaScript) or as the fragment htmx swaps when the form has errors.
"""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods
from django_htmx.http import HttpResponseClientRedirect

from ..forms import ArticleDetailsForm
from ..models import Article
from ..services.articles import ArticleBeingSplit, change_article_details
from .access import editor_required


@require_http_methods(["GET", "HEAD", "POST"])
@editor_required
def article_edit(request, pk):
    article = get_object_or_404(Article.objects.select_related("topic", "outlet"), pk=pk)
    status = 200
    if request.method == "POST":
        form = ArticleDetailsForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                resplit = change_article_details(article=article, user=request.user, **form.cleaned_data)
            except ArticleBeingSplit as exc:
                form.add_error("topic", str(exc))
                status = 409
            except ValidationError as exc:
                # A topic or outlet removed between the form's check and the save: nothing saved.
                form.add_error(None, exc)
            else:
                messages.success(request, "Details saved. The article is split again for its new topic." if resplit else "Details saved.")
                if request.htmx:
                    return HttpResponseClientRedirect(article.get_absolute_url())
                return redirect(article)
    else:
        form = ArticleDetailsForm(
            initial={"topic": article.topic_id, "outlet": article.outlet_id, "published_on": article.published_on}
        )
    context = {"article": article, "form": form, "may_edit": True, "open": True}
    template = "claims/article/_details.html" if request.htmx else "claims/article/edit.html"
    return render(request, template, context, status=status)
