"""The article page as a work list: its claims in a filterable table, the queue's bulk actions
that come back to it, and the queue filtered to one article."""
import pytest
from django.core.cache import cache
from django.urls import reverse

from claims.models import Claim, Dispute

from ..factories import ArticleFactory, ClaimFactory, SideFactory, SourceFactory, TopicFactory, VerdictFactory

HTMX = {"HX-Request": "true"}


@pytest.fixture(autouse=True)
def _fresh_counts():
    cache.clear()


@pytest.fixture
def article(db):
    war = TopicFactory(name="War")
    north, south = SideFactory(topic=war, name="North"), SideFactory(topic=war, name="South")
    ministry = SourceFactory(name="Defence ministry", side=north)
    body = (
        "The defence ministry accused the South of shelling the plant. Southern officials denied it. "
        "The ferry ran twice a day. Observers reported a number of blasts."
    )
    article = ArticleFactory(title="Plant shelled", topic=war, body=body)

    def claim(text, **fields):
        start = body.index(text)
        return ClaimFactory(article=article, text=text, start=start, end=start + len(text), **fields)

    claims = {
        "accused": claim("accused the South of shelling the plant", speaker="the defence ministry", source=ministry, side=north),
        "denied": claim("Southern officials denied it", speaker="Southern officials", source=None, side=south,
                        state="in_review", has_dispute=True),
        "ferry": claim("The ferry ran twice a day", speaker="", source=None, side=None),
        "blasts": claim("reported a number of blasts", speaker="Observers", source=None, side=None, check_worthy=False),
    }
    Dispute.objects.create(first=claims["accused"], second=claims["denied"], reason="a denial of the same shelling")
    claims["accused"].has_dispute = True
    claims["accused"].save()
    VerdictFactory(claim=claims["denied"], rating="misleading")
    article.claims_by_name = claims
    return article


def shown(response, article):
    """Which claims (by fixture name) the work-list table shows."""
    body = response.content.decode()
    table = body[body.index('id="article-claims"'):]
    table = table[: table.index("</table>")] if "</table>" in table else ""
    return {name for name, claim in article.claims_by_name.items() if f'value="{claim.pk}"' in table}


def test_article_page_lists_its_check_worthy_claims_with_speaker_side_state_verdict_and_disputes(reviewer_client, article):
    response = reviewer_client.get(article.get_absolute_url())
    assert shown(response, article) == {"accused", "denied", "ferry"}
    body = response.content.decode()
    assert '<span class="said-by">The defence ministry</span> accused the South of shelling the plant' in body
    assert "Misleading" in body
    assert 'title="a denial of the same shelling"' in body
    assert "In review" in body


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"state": "in_review"}, {"denied"}),
        ({"state": "new"}, {"accused", "ferry"}),
        ({"disputed": "true"}, {"accused", "denied"}),
        ({"disputed": "false"}, {"ferry"}),
        ({"speaker": "ministry"}, {"accused"}),  # the source's name and the speaker as written
        ({"speaker": "southern"}, {"denied"}),
        ({"q": "FERRY"}, {"ferry"}),
    ],
)
def test_article_table_filters(reviewer_client, article, params, expected):
    assert shown(reviewer_client.get(article.get_absolute_url(), params), article) == expected


def test_article_table_filters_by_side(reviewer_client, article):
    south = article.claims_by_name["denied"].side
    assert shown(reviewer_client.get(article.get_absolute_url(), {"side": south.pk}), article) == {"denied"}


def test_htmx_filter_swaps_only_the_table(reviewer_client, article):
    response = reviewer_client.get(
        article.get_absolute_url(), {"state": "in_review"}, headers={**HTMX, "HX-Target": "article-claims"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<div id="article-claims"')
    assert "<h1>" not in body and "Add a claim by hand" not in body
    assert shown(response, article) == {"denied"}


def test_status_polling_still_gets_the_status_or_a_refresh(reviewer_client, article):
    response = reviewer_client.get(article.get_absolute_url(), headers={**HTMX, "HX-Target": "article-status"})
    assert response.status_code == 286 or response.headers.get("HX-Refresh") == "true"


@pytest.mark.parametrize(
    "params, field",
    [
        ({"state": "gone"}, "State"),
        ({"side": "999999"}, "Side"),
        ({"side": "abc"}, "Side"),
        ({"side": "9" * 30}, "Side"),
    ],
)
def test_bad_table_filters_are_explained_and_left_out(reviewer_client, article, params, field):
    response = reviewer_client.get(article.get_absolute_url(), params)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Some filters are not valid and were left out" in body and f"{field} (" in body
    assert shown(response, article) == {"accused", "denied", "ferry"}


def test_an_unknown_dispute_choice_is_explained_and_left_out(reviewer_client, article):
    response = reviewer_client.get(article.get_absolute_url(), {"disputed": "perhaps"})
    assert "Has a dispute (Choose yes or no (or true or false, 1 or 0, on or off, in any case).)" in response.content.decode()
    assert shown(response, article) == {"accused", "denied", "ferry"}


@pytest.mark.parametrize("word, expected", [("yes", {"accused", "denied"}), ("N", {"ferry"}), ("1", {"accused", "denied"})])
def test_the_dispute_filter_takes_the_words_the_api_takes(reviewer_client, article, word, expected):
    assert shown(reviewer_client.get(article.get_absolute_url(), {"disputed": word}), article) == expected


def test_side_of_another_topic_is_refused(reviewer_client, article):
    elsewhere = SideFactory(topic=TopicFactory(name="Vote"), name="Blue")
    response = reviewer_client.get(article.get_absolute_url(), {"side": elsewhere.pk})
    assert "Some filters are not valid" in response.content.decode()


def test_overlong_and_odd_text_filters_do_not_fail(reviewer_client, article):
    response = reviewer_client.get(article.get_absolute_url(), {"q": "%_" * 5000, "speaker": "\u202e' OR 1=1 --"})
    assert response.status_code == 200
    assert shown(response, article) == set()


def test_bulk_assign_from_the_article_returns_to_the_filtered_article(reviewer_client, reviewer, article):
    claims = article.claims_by_name
    back = f"{article.get_absolute_url()}?state=new"
    response = reviewer_client.post(
        reverse("claims:queue_bulk"),
        {"action": "take", "ids": [claims["accused"].pk, claims["ferry"].pk], "return_to": back},
    )
    assert response.status_code == 302 and response["Location"] == back
    assert set(Claim.objects.filter(assignee=reviewer).values_list("pk", flat=True)) == {claims["accused"].pk, claims["ferry"].pk}
    page = reviewer_client.get(back)
    assert "2 claims assigned to you." in page.content.decode()


@pytest.mark.parametrize(
    "return_to",
    [
        "https://evil.example/",
        "//evil.example/articles/1/",
        "/\\evil.example/",
        "\\\\evil.example",
        "javascript:alert(1)",
        "/articles/1/\r\nSet-Cookie: x=1",
        "articles/1/",
        "/" + "a" * 3000,
    ],
)
def test_bulk_back_link_to_anywhere_but_a_local_path_goes_to_the_queue(reviewer_client, article, return_to):
    claim = article.claims_by_name["ferry"]
    response = reviewer_client.post(reverse("claims:queue_bulk"), {"action": "take", "ids": [claim.pk], "return_to": return_to})
    assert response.status_code == 302
    assert response["Location"] == reverse("claims:queue")


def test_bulk_error_from_the_article_returns_to_the_article(reviewer_client, article):
    back = article.get_absolute_url()
    response = reviewer_client.post(reverse("claims:queue_bulk"), {"action": "take", "return_to": back}, follow=True)
    assert response.redirect_chain == [(back, 302)]
    assert "Select at least one claim first." in response.content.decode()


def test_editor_may_assign_claims_from_the_article_to_a_reviewer(editor_client, reviewer, article):
    assert 'id="bulk-assignee"' in editor_client.get(article.get_absolute_url()).content.decode()


def test_reviewer_is_offered_only_to_take_claims(reviewer_client, article):
    body = reviewer_client.get(article.get_absolute_url()).content.decode()
    assert 'id="bulk-assignee"' not in body and 'value="take"' in body


def test_article_page_links_to_its_claims_in_the_queue(reviewer_client, article):
    body = reviewer_client.get(article.get_absolute_url()).content.decode()
    assert f'href="{reverse("claims:queue")}?article={article.pk}"' in body


def test_queue_filtered_by_article_shows_only_its_claims(reviewer_client, article):
    ClaimFactory(text="A claim of another article")
    body = reviewer_client.get(reverse("claims:queue"), {"article": article.pk}).content.decode()
    assert "accused the South of shelling the plant" in body and "The ferry ran twice a day" in body
    assert "A claim of another article" not in body


@pytest.mark.parametrize("value", ["999999", "abc", "-1", "1e9", "1 OR 1=1", "9" * 30])
def test_queue_article_filter_with_an_unknown_or_forged_id_is_explained(reviewer_client, article, value):
    response = reviewer_client.get(reverse("claims:queue"), {"article": value})
    assert response.status_code == 200
    assert "Some filters are not valid and were left out: Article number (" in response.content.decode()


def test_queue_shows_a_claim_that_starts_with_its_verb_with_its_speaker(reviewer_client, article):
    body = reviewer_client.get(reverse("claims:queue")).content.decode()
    assert '<span class="said-by">The defence ministry</span> accused the South of shelling the plant' in body
    assert ">Southern officials denied it<" in body


def test_claim_page_heading_names_the_speaker_of_a_claim_that_starts_with_its_verb(reviewer_client, article):
    body = reviewer_client.get(article.claims_by_name["accused"].get_absolute_url()).content.decode()
    assert '<blockquote class="claim-text"><span class="said-by">The defence ministry</span> accused the South' in body


def test_public_list_and_report_name_the_speaker_outside_the_quoted_words(client, editor_client, editor, article):
    from claims.services import reviews

    claim = article.claims_by_name["accused"]
    Claim.objects.filter(pk=claim.pk).update(state="awaiting_approval")
    claim.refresh_from_db()
    VerdictFactory(claim=claim)
    reviews.approve_and_publish(claim=claim, editor=editor)
    public = client.get(reverse("public:fact_checks")).content.decode()
    assert "The defence ministry “accused the South of shelling the plant”" in public
    report = editor_client.get(reverse("claims:report"), {"article": article.pk}).content.decode()
    assert "The defence ministry “accused the South of shelling the plant”" in report


def test_filter_fields_and_manual_claim_fields_have_their_own_ids(reviewer_client, article):
    body = reviewer_client.get(article.get_absolute_url()).content.decode()
    assert body.count('id="id_side"') == 1 and body.count('id="worklist-side"') == 1
    assert 'for="worklist-speaker"' in body


@pytest.mark.django_db
def test_the_article_list_counts_the_claims_the_article_page_lists(reviewer_client):
    article = ArticleFactory(title="Counted article")
    ClaimFactory.create_batch(3, article=article)
    ClaimFactory.create_batch(2, article=article, check_worthy=False)  # set aside by extraction
    page = reviewer_client.get(reverse("claims:articles")).content.decode()
    row = page[page.index("Counted article"):]
    assert '<td data-label="Claims">3</td>' in row[: row.index("</tr>")]
