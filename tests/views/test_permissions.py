"""Every page and action, for every role and for anonymous visitors.

Expected answers: anonymous visitors are sent to sign in; a signed-in user without the role gets
403. Where a role is allowed, the request gets past the permission check (any status but 403/302
to the login page; the action itself may still refuse with 409, for example).
"""
import pytest
from django.urls import reverse

from ..factories import ArticleFactory, ClaimFactory, EvidenceFactory, UserFactory, VerdictFactory

ALL = {"Reviewer", "Editor", "Admin"}
EDITORS = {"Editor", "Admin"}

# (url name, method, roles allowed, which object the url needs)
VIEWS = [
    ("claims:queue", "get", ALL, None),
    ("claims:articles", "get", ALL, None),
    ("claims:article_import", "get", EDITORS, None),
    ("claims:article_import", "post", EDITORS, None),
    ("claims:article", "get", ALL, "article"),
    ("claims:article_retry", "post", EDITORS, "article"),
    ("claims:article_add_claim", "post", ALL, "article"),
    ("claims:claim", "get", ALL, "claim"),
    ("claims:claim_start", "post", ALL, "claim"),
    ("claims:claim_evidence", "post", ALL, "claim"),
    ("claims:claim_verdict", "post", ALL, "claim"),
    ("claims:claim_dismiss", "post", ALL, "claim"),
    ("claims:claim_reopen", "post", ALL, "claim"),
    ("claims:claim_correct", "post", ALL, "claim"),
    ("claims:claim_comment", "post", ALL, "claim"),
    ("claims:claim_take", "post", ALL, "claim"),
    ("claims:claim_assign", "post", EDITORS, "claim"),
    ("claims:claim_duplicate", "post", ALL, "claim"),
    ("claims:claim_split", "post", ALL, "claim"),
    ("claims:claim_merge", "post", ALL, "claim"),
    ("claims:claim_link_same", "post", ALL, "claim"),
    ("claims:claim_unlink_same", "post", ALL, "claim"),
    ("claims:claim_take_verdict", "post", ALL, "claim"),
    ("claims:evidence_edit", "get", ALL, "evidence"),
    ("claims:evidence_edit", "post", ALL, "evidence"),
    ("claims:evidence_remove", "post", ALL, "evidence"),
    ("claims:queue_bulk", "post", ALL, None),
    ("claims:claim_approve", "post", EDITORS, "verdict"),
    ("claims:claim_send_back", "post", EDITORS, "verdict"),
    ("claims:imports", "get", EDITORS, None),
    ("claims:import_new", "get", EDITORS, None),
    ("claims:import_new", "post", EDITORS, None),
    ("claims:import_job", "get", EDITORS, "job"),
    ("claims:import_item_retry", "post", EDITORS, "item"),
    ("claims:report", "get", EDITORS, None),
    ("claims:report_pdf", "get", EDITORS, None),
    ("claims:export", "get", EDITORS, "csv"),
    ("claims:export", "get", EDITORS, "json"),
    ("claims:export", "get", EDITORS, "claimreview"),
]


def _url(name, target):
    if target is None:
        return reverse(name)
    if target in ("csv", "json", "claimreview"):
        return reverse(name, args=[target])
    if target == "article":
        return reverse(name, args=[ArticleFactory().pk])
    if target == "claim":
        return reverse(name, args=[ClaimFactory().pk])
    if target in ("job", "item"):
        from claims.models import ImportItem, ImportJob

        job = ImportJob.objects.create(channel="url", label="x", created_by=UserFactory(role="Editor"))
        item = ImportItem.objects.create(job=job, position=1, url="https://news.example/a", state="failed", error="boom")
        return reverse(name, args=[job.pk if target == "job" else item.pk])
    if target == "evidence":
        return reverse(name, args=[EvidenceFactory().pk])
    return reverse(name, args=[VerdictFactory().claim_id])


@pytest.mark.parametrize("name, method, allowed, target", VIEWS, ids=[f"{v[1]} {v[0]} {v[3] or ''}".strip() for v in VIEWS])
@pytest.mark.parametrize("role", ["anonymous", "none", "Reviewer", "Editor", "Admin"])
@pytest.mark.django_db
def test_each_view_answers_each_role(client, name, method, allowed, target, role):
    url = _url(name, target)
    if role != "anonymous":
        client.force_login(UserFactory(role=None if role == "none" else role))
    response = getattr(client, method)(url, {"comment": "Needs a source."} if "send_back" in name else {})
    if role == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    elif role in allowed:
        assert response.status_code not in (403, 500)
    else:
        assert response.status_code == 403


@pytest.mark.django_db
def test_only_admins_reach_the_django_admin(client, editor, admin_user):
    client.force_login(editor)
    assert client.get("/admin/claims/source/").status_code == 302
    client.force_login(admin_user)
    assert client.get("/admin/claims/source/").status_code == 200


@pytest.mark.django_db
def test_reviewer_gets_403_on_another_reviewers_claim(client, reviewer, other_reviewer):
    claim = ClaimFactory(state="in_review", assignee=other_reviewer)
    client.force_login(reviewer)
    response = client.post(reverse("claims:claim_verdict", args=[claim.pk]), {"rating": "true", "rationale": "ok"})
    assert response.status_code == 403
