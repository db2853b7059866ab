"""A reviewer's hostile or mistaken input to "Split at character" and "Merge with claim number":
each is refused with a clear message and a 400, the claim as it was, never a 500.

The offset is a whole number as a person types one, by the rule every number a form reads
follows (input_rules.WHOLE_NUMBER): Python's int() would also read "٣٥" as 35, "１０" as 10 and
"1_0" as 10, and the split cut the claim where nobody had typed."""
import pytest
from django.urls import reverse

from claims.models import Claim

from ..factories import ArticleFactory, ClaimFactory

HTMX = {"HX-Request": "true"}
BODY = "Le barrage a tenu 🌊 la nuit, et la rivière a baissé de deux mètres."


@pytest.fixture
def claim(db):
    article = ArticleFactory(body=BODY)
    return ClaimFactory(article=article, text=BODY, start=0, end=len(BODY))


def texts() -> list[str]:
    return list(Claim.objects.values_list("text", flat=True))


@pytest.mark.parametrize("at", [
    "", " ", "-1", "0", str(len(BODY)), "9" * 30, "9" * 5000, "1e3", "10.0", "+10", "abc", "NaN", "\x00",
    "٣٥", "１０", "1_0", "²",
])
@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "page"])
def test_an_offset_that_is_not_a_place_inside_the_claim_is_refused(reviewer_client, claim, at, htmx):
    response = reviewer_client.post(reverse("claims:claim_split", args=[claim.pk]), {"at": at, "version": claim.version},
                                    headers=HTMX if htmx else {})
    assert (response.status_code, texts()) == (400, [BODY])


def test_an_offset_in_other_digits_is_told_to_be_a_whole_number(reviewer_client, claim):
    response = reviewer_client.post(reverse("claims:claim_split", args=[claim.pk]), {"at": "٣٥", "version": claim.version},
                                    headers=HTMX)
    assert "Enter a whole number." in response.content.decode()


def test_an_offset_with_spaces_around_it_still_splits(reviewer_client, claim):
    at = BODY.index(", et")
    response = reviewer_client.post(reverse("claims:claim_split", args=[claim.pk]), {"at": f" {at} ", "version": claim.version})
    assert (response.status_code, sorted(texts())) == (302, ["Le barrage a tenu 🌊 la nuit", "et la rivière a baissé de deux mètres."])


def test_a_claim_of_another_article_is_not_merged(reviewer_client, claim):
    other = ClaimFactory()
    response = reviewer_client.post(reverse("claims:claim_merge", args=[claim.pk]), {"other": other.pk, "version": claim.version},
                                    headers=HTMX)
    assert (response.status_code, Claim.objects.count()) == (400, 2)
    assert "Only claims of the same article can be merged." in response.content.decode()


def test_a_claim_deleted_meanwhile_is_not_merged(reviewer_client, claim):
    other = ClaimFactory(article=claim.article, text="la nuit", start=BODY.index("la nuit"), end=BODY.index("la nuit") + 7)
    gone = other.pk
    other.delete()
    response = reviewer_client.post(reverse("claims:claim_merge", args=[claim.pk]), {"other": gone, "version": claim.version},
                                    headers=HTMX)
    assert (response.status_code, texts()) == (400, [BODY])
    assert f"There is no claim number {gone}." in response.content.decode()


@pytest.mark.parametrize("action, data, message", [
    ("claim_split", {"at": ""}, "Split at character: This field is required."),
    ("claim_split", {"at": "abc"}, "Split at character: Enter a whole number."),
    ("claim_merge", {"other": "abc"}, "Merge with claim number: Enter a whole number."),
    ("claim_merge", {"other": "0"}, "Merge with claim number: Ensure this value is greater than or equal to 1."),
    ("claim_duplicate", {"original": "٣"}, "Duplicate of claim number: Enter a whole number."),
])
@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "page"])
def test_a_refused_number_says_what_is_wrong_with_it(reviewer_client, claim, action, data, message, htmx):
    """These small forms are not shown again with their errors: the 400 said nothing at all."""
    response = reviewer_client.post(reverse(f"claims:{action}", args=[claim.pk]), dict(data, version=claim.version),
                                    headers=HTMX if htmx else {})
    assert (response.status_code, message in response.content.decode(), texts()) == (400, True, [BODY])


@pytest.mark.parametrize("action, data", [
    ("claim_split", {"at": BODY.index(", et")}),
    ("claim_dismiss", {}),
    ("claim_start", {}),
])
def test_a_claim_merged_away_while_the_person_acted_is_a_refusal_not_a_500(reviewer_client, claim, monkeypatch, action, data):
    """Another reviewer's merge absorbed the claim between the page's reading it and the action's
    lock (the merge held the article's lock; the split waited for it, then found the claim gone)."""
    from claims.services import reviews

    original = reviews.Claim.objects.select_for_update

    def merged_meanwhile(**kwargs):
        Claim.objects.filter(pk=claim.pk).delete()
        return original(**kwargs)

    monkeypatch.setattr(reviews.Claim.objects, "select_for_update", merged_meanwhile)
    response = reviewer_client.post(reverse(f"claims:{action}", args=[claim.pk]), dict(data, version=claim.version),
                                    headers=HTMX)
    assert response.status_code == 400 and f"Claim {claim.pk} was deleted meanwhile. Reload the page." in response.content.decode()
