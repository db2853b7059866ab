"""Admins read the suggestions reviewers turned down in the Django admin, and only read them:
turning down and restoring happen on the claim page, which also asks the matcher again and keeps
the queue's marks."""
import pytest
from django.urls import reverse

from claims.models import MatchRejection
from claims.services import rejections

from ..services.test_rejected_suggestions import wrong_match  # noqa: F401  (a published claim and its wrong match)


@pytest.fixture
def turned_down(wrong_match, reviewer):  # noqa: F811
    earlier, repeat = wrong_match
    return rejections.reject_match(claim=repeat, other=earlier, user=reviewer, reason="Another city's capture.")


@pytest.mark.django_db
def test_an_admin_reads_who_turned_a_match_down_and_why(client, admin_user, turned_down):
    client.force_login(admin_user)
    response = client.get(reverse("admin:claims_matchrejection_changelist"))
    assert response.status_code == 200
    assert "Another city&#x27;s capture." in response.text and turned_down.rejected_by.get_username() in response.text


@pytest.mark.django_db
def test_a_turned_down_match_cannot_be_added_edited_or_deleted_in_the_admin(client, admin_user, turned_down):
    client.force_login(admin_user)
    change = reverse("admin:claims_matchrejection_change", args=[turned_down.pk])
    assert client.get(reverse("admin:claims_matchrejection_add")).status_code == 403
    assert client.post(change, {"reason": "edited"}).status_code == 403
    assert client.post(reverse("admin:claims_matchrejection_delete", args=[turned_down.pk]), {"post": "yes"}).status_code == 403
    assert MatchRejection.objects.get().reason == "Another city's capture."


@pytest.mark.django_db
def test_narrative_rejections_are_listed_for_admins(client, admin_user):
    client.force_login(admin_user)
    assert client.get(reverse("admin:claims_narrativerejection_changelist")).status_code == 200


@pytest.mark.django_db
def test_the_admin_names_turned_down_suggestions_in_good_english(client, admin_user):
    client.force_login(admin_user)
    index = client.get(reverse("admin:index")).text
    assert "Turned-down matches" in index and "Turned-down narrative flags" in index
    assert "matchs" not in index
