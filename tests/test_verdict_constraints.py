"""The database keeps every verdict on the rating scale, whoever writes it: a rating off the
scale has no label or ClaimReview number, so no export or public page could show it."""
import pytest
from django.db import IntegrityError, transaction

from claims.models import Verdict
from claims.ratings import Rating

from .factories import VerdictFactory


@pytest.mark.django_db
def test_a_rating_off_the_scale_is_refused_by_the_database():
    verdict = VerdictFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Verdict.objects.filter(pk=verdict.pk).update(rating="pants_on_fire")
    verdict.refresh_from_db()
    assert verdict.rating == Rating.FALSE


@pytest.mark.django_db
@pytest.mark.parametrize("rating", list(Rating))
def test_every_rating_on_the_scale_is_kept(rating):
    verdict = VerdictFactory(rating=rating)
    verdict.refresh_from_db()
    assert verdict.rating == rating
