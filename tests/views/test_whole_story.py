"""The whole path through the web pages: import, split, review, approve, publish, export."""
import csv
import io
import json

import pytest
from django.urls import reverse

from claims.models import Article, Claim, Evidence
from claims.workflow import ReviewState

from ..factories import UserFactory

ARTICLE = (
    "The city water board said on Monday that the reservoir is at 35 percent of capacity.\n\n"
    "Farmers' groups said the board had ignored warnings about the drought for two years."
)


@pytest.mark.django_db
def test_editor_imports_reviewer_checks_editor_publishes_and_exports(client, django_capture_on_commit_callbacks):
    editor, reviewer = UserFactory(username="edith", role="Editor"), UserFactory(username="rita", role="Reviewer")

    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("claims:article_import"), {"title": "Drought", "text": ARTICLE})
    article = Article.objects.get()
    assert article.state == "ready"
    claim = article.claims.order_by("start").first()

    client.force_login(reviewer)
    assert claim.text in client.get(reverse("claims:queue")).content.decode()
    client.post(reverse("claims:claim_start", args=[claim.pk]))
    client.post(
        reverse("claims:claim_evidence", args=[claim.pk]),
        {"url": "https://water.example/levels", "excerpt": "Reservoir level: 61%", "stance": "refutes"},
    )
    client.post(
        reverse("claims:claim_verdict", args=[claim.pk]),
        {"rating": "false", "rationale": "The board's own weekly report puts the level at 61 percent."},
    )
    assert Claim.objects.get(pk=claim.pk).state == ReviewState.AWAITING_APPROVAL

    client.force_login(editor)
    client.post(reverse("claims:claim_approve", args=[claim.pk]))
    assert Claim.objects.get(pk=claim.pk).state == ReviewState.PUBLISHED
    assert Evidence.objects.get().claim_id == claim.pk

    response = client.get(reverse("claims:export", args=["csv"]))
    [row] = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert (row["claim"], row["rating"], row["reviewer"], row["approver"]) == (claim.text, "False", "rita", "edith")
    [review] = json.loads(b"".join(client.get(reverse("claims:export", args=["claimreview"])).streaming_content))
    assert review["claimReviewed"] == claim.text
