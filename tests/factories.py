"""Factories for the workbench's records. Tests build exactly the data their story needs."""
import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from claims.models import Article, Claim, Evidence, Outlet, Side, Source, Topic, Verdict
from claims.ratings import Rating
from claims.services.articles import content_hash
from claims.workflow import ReviewState


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "pass-for-tests")

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        if extracted:
            user.groups.add(Group.objects.get_or_create(name=extracted)[0])
        user.save()


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["name"]

    name = "Russia-Ukraine war"


class SideFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Side
        django_get_or_create = ["topic", "name"]

    topic = factory.SubFactory(TopicFactory)
    name = "Russia"
    cues = "Russia, Russian, Moscow, Kremlin"


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    name = factory.Sequence(lambda n: f"Source {n}")
    side = factory.SubFactory(SideFactory)


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet

    name = factory.Sequence(lambda n: f"Outlet {n}")
    domain = "outlet.example"


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Article {n}")
    body = factory.Sequence(lambda n: f"Article number {n} says the bridge over the river was destroyed on Monday.")
    raw_input = factory.SelfAttribute("body")
    content_hash = factory.LazyAttribute(lambda a: content_hash(a.body))
    state = "ready"
    outlet = factory.SubFactory(OutletFactory)
    topic = factory.SubFactory(TopicFactory)


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    article = factory.SubFactory(ArticleFactory)
    text = factory.LazyAttribute(lambda c: c.article.body[:40])
    start = 0
    end = factory.LazyAttribute(lambda c: len(c.text))
    speaker = "Regional governor"
    side = factory.SubFactory(SideFactory)
    source = factory.SubFactory(SourceFactory)
    check_worthiness = 0.8
    state = ReviewState.NEW


class VerdictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Verdict

    claim = factory.SubFactory(ClaimFactory, state=ReviewState.AWAITING_APPROVAL)
    rating = Rating.FALSE
    rationale = "Satellite images taken the same day show the bridge intact."
    reviewer = factory.SubFactory(UserFactory, role="Reviewer")


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evidence

    claim = factory.SubFactory(ClaimFactory)
    url = "https://evidence.example/report"
    stance = "refutes"
    added_by = factory.SubFactory(UserFactory, role="Reviewer")
