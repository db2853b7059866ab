"""One story for the dispute tests: an article of our own on a border war between Norland and
Sudmark, split by the engine under a topic whose two sides it knows by their cue words."""
from claims.models import ArticleState
from claims.services.splitting import split_article

from .factories import ArticleFactory, SideFactory, TopicFactory


def split_border_war_article(body: str):
    """The article, stored and split into claims with their speakers, sides and disputes."""
    topic = TopicFactory(name="Border war")
    SideFactory(topic=topic, name="Norland", cues="Norland, Norlandic")
    SideFactory(topic=topic, name="Sudmark", cues="Sudmark, Sudmarkian")
    article = ArticleFactory(topic=topic, body=body, state=ArticleState.QUEUED)
    split_article(article.pk)
    return article
