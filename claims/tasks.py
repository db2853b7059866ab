"""Celery tasks: thin wrappers that load by id and call a service."""
import logging

from celery import shared_task

from .services import feeds, imports
from .services.matching import match_stored_claims
from .services.narrative_matching import match_examples
from .services.splitting import split_waiting_article

log = logging.getLogger(__name__)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def split_article_task(article_id: int) -> int:
    article = split_waiting_article(article_id)
    log.info("Article %s split: %s", article_id, article.state)
    return article_id


@shared_task(acks_late=True, reject_on_worker_lost=True)
def match_claims_task(claim_ids: list[int]) -> int:
    found = match_stored_claims(claim_ids)
    log.info("%s new claims matched: %s pairs", len(claim_ids), found)
    return found


@shared_task(acks_late=True, reject_on_worker_lost=True)
def match_narrative_task(example_ids: list[int]) -> int:
    found = match_examples(example_ids)
    log.info("Narrative examples %s matched: %s claims", example_ids, found)
    return found


@shared_task(acks_late=True, reject_on_worker_lost=True)
def dispatch_job_task(job_id: int) -> int:
    pending = imports.pending_batches(job_id)
    imports.enqueue(pending)
    return sum(map(len, pending))


@shared_task(acks_late=True, reject_on_worker_lost=True)
def process_import_items_task(item_ids: list[int]) -> int:
    imports.process_items(item_ids)
    log.info("Import items %s processed", item_ids)
    return len(item_ids)


@shared_task
def requeue_stalled_task() -> int:
    count = imports.requeue_stalled()
    log.info("Re-enqueued %s stalled imports", count)
    return count


@shared_task
def poll_feeds_task() -> int:
    due = feeds.due_feeds()
    for feed_id in due:
        poll_feed_task.delay(feed_id)
    return len(due)


@shared_task(acks_late=True)
def poll_feed_task(feed_id: int) -> int:
    new = feeds.poll_feed(feed_id)
    log.info("Feed %s: %s new links", feed_id, new)
    return new
