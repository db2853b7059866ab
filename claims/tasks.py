"""Celery tasks: thin wrappers that load by id and call a service."""
import logging

from celery import shared_task

from .services.articles import split_article

log = logging.getLogger(__name__)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def split_article_task(article_id: int) -> int:
    article = split_article(article_id)
    log.info("Article %s split into %s claims", article_id, article.claims.count())
    return article_id
