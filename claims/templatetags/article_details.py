"""`{% article_details article %}`: the article page's topic notice and its details form, so the
page needs one line for them (claims/views/article_edit.py handles the form)."""
from django import template

from ..forms import ArticleDetailsForm

register = template.Library()


@register.inclusion_tag("claims/article/_details.html", takes_context=True)
def article_details(context, article):
    may_edit = bool(context.get("may_import"))
    form = None
    if may_edit:
        form = ArticleDetailsForm(
            initial={"topic": article.topic_id, "outlet": article.outlet_id, "published_on": article.published_on}
        )
    return {"article": article, "form": form, "may_edit": may_edit, "csrf_token": context.get("csrf_token")}
