"""Splitting saved articles into claims, a batch at a time.

A worker hands `split_articles` several articles at once: the engine parses them together
(nlp.pipe) and their claims, history rows and disputes are written with one statement each, so
the cost of a split is the engine's, not the database round trips'. Splitting again replaces only
the claims nobody has worked on: a claim a reviewer has started on, one with a verdict, and one a
person added by hand are kept. Running a split twice leaves one set of claims. The new claims'
matches in other articles are found by a task of their own, queued when the split commits
(services.matching says why).
"""
import logging
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .. import extraction
from ..models import Article, ArticleState, Claim, Dispute, Side, Source
from ..workflow import REVIEWED_STATES
from .bulk_insert import insert_new
from .clusters import members_removed
from .disputes import refresh_dispute_flags
from .history_rows import record_additions

log = logging.getLogger(__name__)


class SplitFailed(Exception):
    """Some articles of a batch could not be split; each is FAILED with its error."""

    def __init__(self, failures: dict[int, Exception]):
        self.failures = failures
        super().__init__("; ".join(f"article {pk}: {exc}" for pk, exc in failures.items()))


# An article waits for its split while QUEUED, and while PROCESSING if the worker splitting it died.
AWAITING_SPLIT = (ArticleState.QUEUED, ArticleState.PROCESSING)


def split_waiting_article(article_id: int) -> Article:
    """What a split task does: split the article if it still waits for it. A task delivered again,
    or sent again by the sweep while the first was still in the queue, finds it split and leaves
    it (splitting again would be safe, but it is a whole parse for nothing)."""
    if Article.objects.filter(pk=article_id, state__in=AWAITING_SPLIT).exists():
        return split_article(article_id)
    return Article.objects.get(pk=article_id)


def split_article(article_id: int) -> Article:
    """Split one article. Raises what went wrong after marking the article FAILED."""
    try:
        split_articles([article_id])
    except SplitFailed as failed:
        raise failed.failures[article_id]
    return Article.objects.get(pk=article_id)


def split_articles(article_ids: list[int]) -> None:
    """Split the articles and store their claims. An article that fails is marked FAILED with the
    reason (and SplitFailed is raised once the others are stored); the rest of the batch goes on."""
    articles = list(Article.objects.select_related("topic").filter(pk__in=article_ids).order_by("pk"))
    if not articles:
        return
    Article.objects.filter(pk__in=[a.pk for a in articles]).update(state=ArticleState.PROCESSING, error="")
    results, failures = _extract(articles)
    done = [(article, results[article.pk]) for article in articles if article.pk in results]
    try:
        store_extractions(done)
    except Exception as exc:  # nothing of the batch was stored (one transaction): say so on each
        failures.update({article.pk: exc for article, _ in done})
    for pk, exc in failures.items():
        log.error("Splitting article %s failed: %s", pk, exc, exc_info=exc)
        Article.objects.filter(pk=pk).update(
            state=ArticleState.FAILED, error=f"Splitting failed: {exc.__class__.__name__}: {exc}"[:2000]
        )
    if failures:
        raise SplitFailed(failures)


def _extract(articles: list[Article]) -> tuple[dict[int, extraction.Extraction], dict[int, Exception]]:
    stories = _StoryInputs()
    inputs = [stories.for_article(a) for a in articles]
    try:
        found = extraction.extract_many(inputs)
    except Exception as exc:  # the engine answers for each article; this is a fault of its own
        return {}, {article.pk: exc for article in articles}
    results, failures = {}, {}
    # One article the engine cannot read carries its reason; the rest of the batch goes on.
    for article, result in zip(articles, found):
        if result.failure:
            failures[article.pk] = UnreadableArticle(result.failure)
        else:
            results[article.pk] = result
    return results, failures


class UnreadableArticle(Exception):
    """The extraction engine could not read an article (its message says why)."""


class _StoryInputs:
    """What the engine needs to know about each article's story, read once per topic."""

    def __init__(self):
        self._by_topic = {}

    def for_article(self, article: Article) -> extraction.ArticleInput:
        if article.topic_id not in self._by_topic:
            self._by_topic[article.topic_id] = self._story(article.topic)
        sides, registry, lexicon = self._by_topic[article.topic_id]
        return extraction.ArticleInput(article.body, sides, registry, lexicon)

    @staticmethod
    def _story(topic):
        sides, lexicon = (), ()
        sources = Source.objects.select_related("side")
        if topic is not None:
            sides = tuple(extraction.SideCues(name=s.name, cues=tuple(s.cue_words)) for s in topic.sides.all())
            lexicon = tuple(topic.loaded_lexicon)
            sources = sources.filter(Q(side__topic=topic) | Q(side__isnull=True))
        registry = tuple(
            extraction.KnownSource(name=s.name, side=s.side.name if s.side else None, aliases=tuple(s.alias_list))
            for s in sources
        )
        return sides, registry, lexicon


@dataclass
class _Stored:
    article: Article
    result: extraction.Extraction
    by_index: dict
    kept: dict


@transaction.atomic
def store_extractions(pairs: list[tuple[Article, extraction.Extraction]]) -> None:
    """Replace each article's unreviewed claims with the engine's, keeping every reviewed one and
    every claim a person added by hand.

    A claim a reviewer has started on (or given a verdict) stays as it is; when the engine finds
    the same span again, that claim stands in for it in the new disputes.
    """
    if not pairs:
        return
    ids = [article.pk for article, _ in pairs]
    list(Article.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk"))
    kept_by_article = _keep_reviewed_claims(ids)
    topics = {article.topic_id for article, _ in pairs if article.topic_id}
    sides = {(s.topic_id, s.name): s for s in Side.objects.filter(topic__in=topics)}
    names = {c.source for _, result in pairs for c in result.claims if c.source}
    sources = {s.name: s for s in Source.objects.filter(name__in=names)} if names else {}

    stored, new_claims = [], []
    for article, result in pairs:
        kept = kept_by_article.get(article.pk, {})
        by_index = {}
        for index, found in enumerate(result.claims):
            if (found.start, found.end) in kept:
                by_index[index] = kept[(found.start, found.end)]
                _side_of_the_new_topic(by_index[index], article, sides.get((article.topic_id, found.side)))
                continue
            claim = _claim(article, found, sources.get(found.source), sides.get((article.topic_id, found.side)))
            by_index[index] = claim
            new_claims.append(claim)
        for dispute in result.disputes:
            by_index[dispute.first].has_dispute = by_index[dispute.second].has_dispute = True
        found_spans = {(found.start, found.end) for found in result.claims}
        for span, claim in kept.items():
            if span not in found_spans:  # added by hand, or no longer found: only an old topic's side goes
                _side_of_the_new_topic(claim, article, None)
        stored.append(_Stored(article, result, by_index, kept))

    insert_new(Claim, new_claims)
    record_additions(Claim, [c.pk for c in new_claims])
    _queue_matching(new_claims)
    Dispute.objects.bulk_create(
        [
            Dispute(first=s.by_index[d.first], second=s.by_index[d.second], reason=d.reason[:300])
            for s in stored
            for d in s.result.disputes
        ],
        batch_size=2000,
        ignore_conflicts=True,
    )
    outcomes = {}  # articles that end the same way are marked with one statement
    for s in stored:
        if s.kept:
            refresh_dispute_flags(s.article.pk)  # kept claims may have gained or lost their disputes
        state = ArticleState.NOT_SPLIT if s.result.not_split_reason else ArticleState.READY
        outcomes.setdefault((state, s.result.not_split_reason, s.result.language), []).append(s.article.pk)
    now = timezone.now()
    for (state, reason, language), ids in outcomes.items():
        Article.objects.filter(pk__in=ids).update(state=state, error=reason, language=language, processed_at=now)


def _queue_matching(claims: list[Claim]) -> None:
    """Have the new claims matched by a task of its own once the split is committed (see
    services.matching for why not here). A broker that refuses costs the matches, not the split:
    the claims are stored without them, the log says so, and `manage.py match_claims` finds them."""
    from ..tasks import match_claims_task

    ids = [claim.pk for claim in claims if claim.check_worthy]
    if not ids:
        return

    def send():
        try:
            match_claims_task.delay(ids)
        except Exception:
            log.exception("Could not queue matching of %s new claims; they are stored without matches", len(ids))

    transaction.on_commit(send)


def _side_of_the_new_topic(claim: Claim, article: Article, found_side: Side | None) -> None:
    """A kept claim whose side belongs to the topic the article had before (an editor changed it)
    takes the side the engine now finds for its span, or none: a side of another story would put it
    in the wrong queue filters and reports. A side of the article's own topic is the reviewer's."""
    if claim.side_id is None or claim.side.topic_id == article.topic_id:
        return
    claim.side = found_side
    claim.version += 1  # a page showing the old side must not save over this one
    claim.save(update_fields=["side", "version"])


def _keep_reviewed_claims(article_ids: list[int]) -> dict[int, dict[tuple[int, int], Claim]]:
    """Delete the claims nobody has worked on; return the others by article and span."""
    existing = Claim.objects.filter(article_id__in=article_ids)
    if not existing.exists():  # a first split has nothing to replace: skip the cascade's queries
        return {}
    reviewed = existing.filter(
        Q(state__in=REVIEWED_STATES) | Q(verdict__isnull=False) | Q(added_by__isnull=False)
    ).select_related("side")
    kept = {}
    for claim in reviewed:
        kept.setdefault(claim.article_id, {})[(claim.start, claim.end)] = claim
    dropped = existing.exclude(pk__in=[c.pk for spans in kept.values() for c in spans.values()])
    linked = set(dropped.filter(cluster__isnull=False).values_list("cluster_id", flat=True))
    dropped.delete()
    members_removed(linked)  # the spread of the clusters they were linked in
    return kept


def _claim(article: Article, found, source, side) -> Claim:
    return Claim(
        article=article,
        text=found.text,
        start=found.start,
        end=found.end,
        speaker=(found.speaker or "")[:300],
        source=source,
        side=side,
        kind=found.kind,
        check_worthiness=min(max(found.score, 0.0), 1.0),
        check_worthy=found.check_worthy,
        set_aside_reason=found.set_aside_reason[:100],
        loaded_terms=list(found.loaded_terms),
    )
