"""The queue's filter menus are kept between requests (selectors.menus) and are right after every
change: a record added, renamed, deactivated or removed shows in the next page, in every menu."""
import re

import pytest
from django.contrib.auth.signals import user_logged_in
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import Outlet
from claims.selectors.menus import VERSION_KEY, queue_menus
from claims.services import narratives

from ..factories import ClaimFactory, OutletFactory, SideFactory, SourceFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db


def _menu(client, name: str) -> str:
    """The <select> of one filter, as the reviewer's page shows it."""
    body = client.get(reverse("claims:queue")).content.decode()
    start = body.index(f'<select name="{name}"')
    return body[start : body.index("</select>", start)]


def test_an_outlet_added_in_the_admin_is_in_the_queue_menu_at_once(client, admin_user, reviewer):
    client.force_login(reviewer)
    assert "Kyiv Independent" not in _menu(client, "outlet")  # the menus are read and kept
    client.force_login(admin_user)
    form = client.get(reverse("admin:claims_outlet_add")).content.decode()
    feeds = re.search(r'name="([\w-]+)-TOTAL_FORMS"', form).group(1)  # the outlet's feeds, none added here
    response = client.post(reverse("admin:claims_outlet_add"), {
        "name": "Kyiv Independent", "domain": "kyivindependent.com", "reliability": "unrated",
        f"{feeds}-TOTAL_FORMS": "0", f"{feeds}-INITIAL_FORMS": "0",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    client.force_login(reviewer)
    outlet = Outlet.objects.get(name="Kyiv Independent")
    assert f'<option value="{outlet.pk}">Kyiv Independent</option>' in _menu(client, "outlet")


def test_a_renamed_source_shows_its_new_name_in_the_menu_and_in_the_rows(reviewer_client):
    source = SourceFactory(name="Ministry of Defence")
    ClaimFactory(source=source)
    assert "Ministry of Defence" in _menu(reviewer_client, "source")
    source.name = "Defence Ministry"
    source.save()
    body = reviewer_client.get(reverse("claims:queue")).content.decode()
    assert "Ministry of Defence" not in body
    assert f'<option value="{source.pk}">Defence Ministry</option>' in _menu(reviewer_client, "source")
    assert '<td data-label="Speaker">Defence Ministry</td>' in body


def test_a_deactivated_reviewer_leaves_the_menu_and_a_removed_topic_too(reviewer_client):
    leaving = UserFactory(username="lena", role="Reviewer")
    topic = TopicFactory(name="Sudan")
    assert "lena" in _menu(reviewer_client, "reviewer") and "Sudan" in _menu(reviewer_client, "topic")
    leaving.is_active = False
    leaving.save()
    topic.delete()
    assert "lena" not in _menu(reviewer_client, "reviewer")
    assert "Sudan" not in _menu(reviewer_client, "topic")


def test_an_archived_narrative_leaves_the_menu_and_its_filter_is_refused(reviewer_client, editor):
    narrative = narratives.record_narrative(name="Masts", summary="Invented.", user=editor)
    assert f'<option value="{narrative.pk}">Masts</option>' in _menu(reviewer_client, "narrative")
    narratives.archive_narrative(narrative=narrative, user=editor)
    assert "Masts" not in _menu(reviewer_client, "narrative")
    response = reviewer_client.get(reverse("claims:queue"), {"narrative": narrative.pk})
    assert "narrative" in response.context["filters"].form.errors


def test_a_record_added_while_the_menus_are_kept_filters_at_once(reviewer_client):
    side = SideFactory(name="North")
    claim = ClaimFactory(side=side)
    queue_menus()  # kept as they are now
    newcomer = SideFactory(topic=side.topic, name="South")
    other = ClaimFactory(side=newcomer, article=claim.article)
    response = reviewer_client.get(reverse("claims:queue"), {"side": newcomer.pk})
    assert not response.context["filters"].form.errors
    assert [row.pk for row in response.context["page"].claims] == [other.pk]


def test_a_forged_or_removed_record_is_a_filter_error_not_a_500(reviewer_client):
    outlet = OutletFactory()
    gone = outlet.pk
    outlet.delete()
    for value in (str(gone), "99999999999999999999", "1e3", "٣", "-1", "1\x00"):
        response = reviewer_client.get(reverse("claims:queue"), {"outlet": value})
        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode(), value


def test_the_menus_are_read_once_until_a_record_changes(reviewer_client):
    OutletFactory(name="Meduza")
    reviewer_client.get(reverse("claims:queue"))

    def menu_reads():
        with CaptureQueriesContext(connection) as ctx:
            reviewer_client.get(reverse("claims:queue"))
        return sum("UNION ALL" in query["sql"] for query in ctx.captured_queries)

    assert menu_reads() == 0
    OutletFactory(name="Novaya Gazeta", domain="novayagazeta.eu")
    assert menu_reads() == 1
    assert menu_reads() == 0


def test_a_deactivated_assignee_is_still_named_on_the_claims_row(reviewer_client):
    gone = UserFactory(username="former", role="Reviewer")
    ClaimFactory(assignee=gone, state="in_review")
    gone.is_active = False
    gone.save()
    body = reviewer_client.get(reverse("claims:queue")).content.decode()
    assert '<td data-label="Assignee">former</td>' in body and "former</option>" not in body


def test_signing_in_does_not_make_every_process_read_the_menus_again(client, reviewer):
    queue_menus()
    before = cache.get(VERSION_KEY)
    user_logged_in.send(sender=type(reviewer), request=None, user=reviewer)  # stamps last_login
    assert cache.get(VERSION_KEY) == before
