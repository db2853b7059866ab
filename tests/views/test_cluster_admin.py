"""Admins see the same-claim clusters in the Django admin: how many claims each links, and
which; they cannot make or edit membership there, since linking is recorded from the claim page."""
import pytest
from django.urls import reverse

from claims.models import ClaimCluster
from claims.services.clusters import link_as_same_claim

from .test_same_claim import story  # noqa: F401  (the fixture: a repeat of a published claim)


@pytest.fixture
def cluster(story, reviewer):  # noqa: F811
    link_as_same_claim(claim=story["repeat"], other=story["earlier"], user=reviewer)
    return ClaimCluster.objects.get()


@pytest.mark.django_db
def test_admin_lists_clusters_with_their_claim_counts(client, admin_user, cluster):
    client.force_login(admin_user)
    response = client.get(reverse("admin:claims_claimcluster_changelist"))
    assert response.status_code == 200
    assert f"Same claim #{cluster.pk}" in response.text
    assert '<td class="field-members">2</td>' in response.text


@pytest.mark.django_db
def test_admin_cluster_page_shows_its_claims_read_only(client, admin_user, cluster, story):  # noqa: F811
    client.force_login(admin_user)
    response = client.get(reverse("admin:claims_claimcluster_change", args=[cluster.pk]))
    assert response.status_code == 200
    assert story["earlier"].text in response.text and story["repeat"].text in response.text
    assert 'name="members-0-text"' not in response.text  # shown, not editable


@pytest.mark.django_db
def test_clusters_cannot_be_added_in_the_admin(client, admin_user):
    client.force_login(admin_user)
    assert client.get(reverse("admin:claims_claimcluster_add")).status_code == 403


@pytest.mark.django_db
def test_editors_do_not_reach_the_cluster_admin(client, editor, cluster):
    client.force_login(editor)
    response = client.get(reverse("admin:claims_claimcluster_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_an_admin_opens_every_admin_page_of_the_workbench(client, admin_user):
    """The Admin role (not a superuser) reaches every model the workbench registers in the admin,
    those added after the roles were first set up included (feeds, tokens, import jobs, clusters)."""
    from django.contrib import admin

    client.force_login(admin_user)
    refused = []
    for model in admin.site._registry:
        if model._meta.app_label != "claims":
            continue
        url = reverse(f"admin:claims_{model._meta.model_name}_changelist")
        if client.get(url).status_code != 200:
            refused.append(model._meta.model_name)
    assert refused == []
