"""Each request reads the signed-in user with their roles in one query (claims.auth_backend), and
a role given or taken away counts from the next request on."""
import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_reviewer_whose_role_is_taken_away_is_refused_at_the_next_request(client):
    rita = UserFactory(username="rita", role="Reviewer")
    client.force_login(rita)
    assert client.get(reverse("claims:queue")).status_code == 200
    rita.groups.remove(Group.objects.get(name="Reviewer"))
    assert client.get(reverse("claims:queue")).status_code == 403


def test_a_role_given_counts_at_the_next_request(client):
    newcomer = UserFactory(username="nina")
    client.force_login(newcomer)
    assert client.get(reverse("claims:queue")).status_code == 403
    newcomer.groups.add(Group.objects.get_or_create(name="Editor")[0])
    page = client.get(reverse("claims:queue"))
    assert page.status_code == 200 and page.context["may_export"]


def test_the_user_and_their_roles_are_one_query(client):
    client.force_login(UserFactory(username="rita", role="Reviewer"))
    client.get(reverse("claims:queue"))
    with CaptureQueriesContext(connection) as ctx:
        client.get(reverse("claims:queue"))
    assert len([q for q in ctx.captured_queries if "auth_group" in q["sql"] or '"auth_user"' in q["sql"]]) == 1


def test_a_deactivated_user_is_signed_out(client):
    gone = UserFactory(username="gone", role="Reviewer")
    client.force_login(gone)
    gone.is_active = False
    gone.save()
    assert client.get(reverse("claims:queue")).status_code == 302
