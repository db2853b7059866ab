"""An article's claims as a work list: the table on the article page and its filters.

An article holds tens of claims, rarely a few hundred, so the table shows them all in the order
the article makes them, without pages. Filters live in the URL like the queue's (and share its
names where they mean the same: state, side, disputed, q), so a filtered table can be bookmarked
and shared. Whatever the number of claims, the table costs the same few queries: the claims with
their side, source, assignee and verdict, and the disputes of the whole article at once.
"""
import django_filters
from django.db.models import Q, QuerySet

from ..models import Article, Claim, Dispute, Side
from ..widgets import FastInput, FastSelect
from ..workflow import ReviewState
from .yes_or_no import YesOrNoFilter


class ArticleClaimFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(choices=ReviewState.choices, empty_label="Any state", widget=FastSelect)
    side = django_filters.ModelChoiceFilter(
        queryset=Side.objects.none(), widget=FastSelect(label_field="name"), empty_label="Any side"
    )
    speaker = django_filters.CharFilter(label="Speaker or source", method="by_speaker", widget=FastInput(input_type="search"))
    disputed = YesOrNoFilter(label="Has a dispute", field_name="has_dispute")
    q = django_filters.CharFilter(label="Text", method="by_text", widget=FastInput(input_type="search"))

    def __init__(self, data=None, *args, article: Article, **kwargs):
        super().__init__(data, *args, **kwargs)
        # The page also holds the manual claim form, with its own "side" and "speaker" fields.
        self.form.auto_id = "worklist-%s"
        # The sides this article can have: its topic's, and any a reviewer gave one of its claims.
        # A side id from elsewhere is refused like a forged one.
        self.form.fields["side"].queryset = Side.objects.filter(
            Q(topic_id=article.topic_id) | Q(claims__article=article)
        ).distinct()

    def by_speaker(self, queryset, name, value):
        value = value.strip()[:200]
        if not value:
            return queryset
        return queryset.filter(Q(speaker__icontains=value) | Q(source__name__icontains=value))

    def by_text(self, queryset, name, value):
        # An article's claims are few: a plain substring match finds what the reviewer sees.
        value = value.strip()[:200]
        return queryset.filter(text__icontains=value) if value else queryset


def article_worklist(article: Article, data=None) -> tuple[ArticleClaimFilter, list[Claim]]:
    """The article's check-worthy claims that match the filters in `data` (a QueryDict), each with
    `disputed_by`: the claims that contradict it, with the engine's reason. An invalid filter (a
    forged id, an unknown state) is left out and its error is on the filter's form."""
    filters = ArticleClaimFilter(data or None, queryset=_worklist_claims(article), article=article)
    claims = list(filters.qs.select_related("side", "source", "assignee", "verdict").order_by("start", "id"))
    others = _disputes_by_claim(article)
    for claim in claims:
        claim.disputed_by = others.get(claim.pk, [])
    return filters, claims


def _worklist_claims(article: Article) -> QuerySet[Claim]:
    return Claim.objects.filter(article=article, check_worthy=True)


def _disputes_by_claim(article: Article) -> dict[int, list[dict]]:
    """Every dispute that involves one of the article's claims, read once, keyed by that claim."""
    rows = (
        Dispute.objects.filter(Q(first__article=article) | Q(second__article=article))
        .select_related("first", "second")
        .only("reason", "first__id", "first__text", "first__speaker", "first__article_id",
              "second__id", "second__text", "second__speaker", "second__article_id")
        .order_by("id")
    )
    others: dict[int, list[dict]] = {}
    for row in rows:
        for mine, other in ((row.first, row.second), (row.second, row.first)):
            if mine.article_id == article.pk:
                others.setdefault(mine.pk, []).append({"claim": other, "reason": row.reason})
    return others
