"""Direction controls (U+202A-U+202E, U+2066-U+2069) in what people type: one left open makes the
words after it read backwards, so every free-text field refuses it (claims.input_rules), saying
which and where, with a 400 and nothing saved; closed ones, as a forwarded message wraps a phone
number, are kept. Narrative names refuse them all, as before. Text read by a parser drops them."""
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from claims.input_rules import clean_plain_text, require_plain_text
from claims.models import Article, Comment, Evidence, Narrative, NarrativeExample, Verdict
from claims.services import narratives

from .factories import ClaimFactory

RLO, PDF, RLI, PDI, LRE = "\u202e", "\u202c", "\u2067", "\u2069", "\u202a"
OPEN = [
    (f"Masts {RLO}kcis nerdlihc", "U+202E (right-to-left override) at character 7"),
    (f"Masts {RLI}make children sick", "U+2067 (right-to-left isolate) at character 7"),
    (f"Masts make{PDF} children sick", "U+202C (pop directional formatting) at character 11"),
    (f"Masts {RLI}make\nchildren{PDI} sick", "U+2067 (right-to-left isolate) at line 1, column 7"),
]
CLOSED = [
    f"Forwarded from {LRE}+380 44 555 0100{PDF}: masts make children sick.",
    f"Posted by {RLI}@مراسل{PDI}: masts make children sick.",
    "Arabic and Hebrew need none: الأبراج تمرض الأطفال, and a mark \u200f stays.",
]
GOOD = "The port authority said 300 containers were stuck at the terminal on Friday after the strike began."


@pytest.mark.parametrize("text, says", OPEN)
def test_the_rule_refuses_a_direction_control_left_open_saying_which_and_where(text, says):
    with pytest.raises(ValidationError, match=says.replace("(", r"\(").replace(")", r"\)").replace("+", r"\+")) as caught:
        require_plain_text(text)
    assert caught.value.code == "direction_control"


@pytest.mark.parametrize("text", CLOSED)
def test_the_rule_keeps_direction_controls_closed_on_their_line(text):
    require_plain_text(text)


def test_text_read_by_a_parser_loses_its_direction_controls():
    assert clean_plain_text(f"Masts {RLO}kcis{PDF} {RLI}x") == "Masts kcis x"


# --- Narratives: the summary and the examples, as every free-text field -----------------------
@pytest.mark.django_db
@pytest.mark.parametrize("text, says", OPEN)
def test_a_narrative_summary_with_an_open_direction_control_is_a_400(editor_client, text, says):
    response = editor_client.post(reverse("claims:narrative_new"), {"name": "Masts", "summary": text})
    assert (response.status_code, says in response.content.decode(), Narrative.objects.count()) == (400, True, 0)


@pytest.mark.django_db
@pytest.mark.parametrize("text, says", OPEN)
def test_an_example_with_an_open_direction_control_is_a_400(editor_client, editor, text, says):
    narrative = narratives.record_narrative(name="Masts", summary="No.", user=editor)
    response = editor_client.post(reverse("claims:narrative_example_add", args=[narrative.pk]), {"text": text},
                                  headers={"HX-Request": "true"})
    assert (response.status_code, says in response.content.decode(), NarrativeExample.objects.count()) == (400, True, 0)


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["summary", "example"])
def test_the_services_refuse_it_whatever_called_them(editor, field):
    with pytest.raises(ValidationError, match="U\\+202E"):
        if field == "summary":
            narratives.record_narrative(name="Masts", summary=OPEN[0][0], user=editor)
        else:
            narratives.add_example(narrative=narratives.record_narrative(name="Masts", summary="No.", user=editor),
                                   user=editor, text=OPEN[0][0])
    assert NarrativeExample.objects.count() == 0


@pytest.mark.django_db
def test_an_example_with_a_closed_phone_number_is_kept(editor):
    narrative = narratives.record_narrative(name="Masts", summary="No.", user=editor)
    example = narratives.add_example(narrative=narrative, user=editor, text=CLOSED[0])
    assert example.text == CLOSED[0]


@pytest.mark.django_db
def test_the_admin_refuses_a_summary_with_one_left_open(client, admin_user):
    client.force_login(admin_user)
    response = client.post(reverse("admin:claims_narrative_add"), {
        "name": "Masts", "summary": OPEN[0][0], "topic": "", "archived_at_0": "", "archived_at_1": "",
        "examples-TOTAL_FORMS": "0", "examples-INITIAL_FORMS": "0", "examples-MIN_NUM_FORMS": "0", "examples-MAX_NUM_FORMS": "1000",
        "debunks-TOTAL_FORMS": "0", "debunks-INITIAL_FORMS": "0", "debunks-MIN_NUM_FORMS": "0", "debunks-MAX_NUM_FORMS": "1000",
    })
    assert (response.status_code, "U+202E" in response.content.decode(), Narrative.objects.count()) == (200, True, 0)


# --- Every other free-text form, by the same rule ----------------------------------------------
@pytest.fixture
def claim(db):
    return ClaimFactory()


def test_a_rationale_with_one_left_open_is_a_400_and_no_verdict(reviewer_client, claim):
    response = reviewer_client.post(reverse("claims:claim_verdict", args=[claim.pk]),
                                    {"rating": "false", "rationale": f"The records show {RLO}esiwrehto."})
    assert (response.status_code, "U+202E (right-to-left override) at character 18" in response.content.decode(),
            Verdict.objects.exists()) == (400, True, False)


@pytest.mark.parametrize("name, data", [
    ("claims:claim_comment", {"body": f"See page {RLI}4"}),
    ("claims:claim_evidence", {"url": "https://records.example/a", "note": f"Turnout {RLO}was 61%", "stance": "refutes"}),
    ("claims:claim_correct", {"speaker": f"The {RLO}minister", "kind": "narration"}),
])
def test_a_comment_evidence_note_or_speaker_with_one_left_open_is_a_400(reviewer_client, claim, name, data):
    response = reviewer_client.post(reverse(name, args=[claim.pk]), data)
    assert (response.status_code, "Remove the direction control" in response.content.decode()) == (400, True)
    assert (Comment.objects.exists(), Evidence.objects.exists(), type(claim).objects.get(pk=claim.pk).speaker) == (
        False, False, claim.speaker
    )


def test_an_article_pasted_with_one_left_open_is_a_400(editor_client):
    response = editor_client.post(reverse("claims:article_import"), {"title": "", "text": f"{GOOD} {RLO}Then nothing."})
    assert (response.status_code, "U+202E" in response.content.decode(), Article.objects.exists()) == (400, True, False)


def test_an_article_pasted_from_a_forwarded_message_keeps_its_closed_number(editor_client):
    text = f"{GOOD}\n\n{CLOSED[0]}"
    response = editor_client.post(reverse("claims:article_import"), {"title": "", "text": text})
    assert (response.status_code, Article.objects.count()) == (302, 1)


@pytest.mark.django_db
def test_a_system_sending_one_left_open_through_the_api_is_told_which_and_where(client, editor):
    from claims.services.tokens import create_token

    headers = {"Authorization": f"Bearer {create_token(user=editor, name='wire bot')[1]}"}
    response = client.post("/api/articles", {"title": f"Ships {RLO}", "text": GOOD}, content_type="application/json",
                           headers=headers)
    [problem] = response.json()["detail"]
    assert (response.status_code, problem["loc"][-1], "U+202E (right-to-left override) at character 7" in problem["msg"],
            Article.objects.exists()) == (422, "title", True, False)


# --- Shortened for a page: a cut must not leave open what the stored text closed ------------------
# A long claim whose forwarded part (a number and an Arabic note) is wrapped in an isolate: the
# pages list it cut to 80, 120, 160 or 200 characters, each cut inside the isolate.
FORWARDED = ("Three people were killed in the strike on Kharkiv on Monday, said a message forwarded with "
             f"{RLI}+380 44 555 0100 — رسالة من المكتب الإعلامي للإدارة العسكرية في منطقة خاركيف إلى عائلات الضحايا والجرحى وسكان الأحياء المتضررة{PDI}"
             " to the newsroom's tip line on Tuesday.")


def test_the_forwarded_claim_is_cut_inside_its_isolate_on_every_page_limit():
    start, end = FORWARDED.index(RLI), FORWARDED.index(PDI)
    assert all(start < limit - 1 < end for limit in (120, 160, 200))


@pytest.mark.parametrize("limit", [40, 80, 120, 160, 200, 300])
def test_a_text_shortened_for_a_page_keeps_its_direction_controls_closed(limit):
    from claims.input_rules import shortened

    short = shortened(FORWARDED, limit)
    require_plain_text(short)  # nothing left open
    assert len(short) <= limit + 1 and short.startswith(FORWARDED[:30])


def test_a_text_without_direction_controls_is_shortened_as_before():
    from claims.input_rules import shortened

    assert (shortened(GOOD, 40), shortened(GOOD, 1000)) == (GOOD[:39].rstrip() + "…", GOOD)


@pytest.mark.django_db
def test_the_claim_page_lists_a_match_cut_inside_its_isolate_with_the_isolate_closed(reviewer_client):
    from claims.services.matching import find_matches

    from .services.test_same_claim import repeated

    earlier, repeat = repeated(FORWARDED), repeated(FORWARDED)
    find_matches([repeat])
    body = reviewer_client.get(repeat.get_absolute_url()).content.decode()
    section = body[body.index('<section class="checked-before"'):]
    section = section[: section.index("</section>")]
    assert f"/claims/{earlier.pk}/" in section
    for line in section.splitlines():
        require_plain_text(line)  # every cut claim closes what it opened, on its line


@pytest.mark.django_db
def test_the_history_notes_a_rejected_match_cut_inside_its_isolate_with_the_isolate_closed(reviewer):
    from claims.selectors.history import claim_history
    from claims.services import rejections
    from claims.services.matching import find_matches

    from .services.test_same_claim import repeated

    earlier, repeat = repeated(FORWARDED), repeated(FORWARDED)
    find_matches([repeat])
    rejections.reject_match(claim=repeat, other=earlier, user=reviewer)
    for event in claim_history(repeat):
        require_plain_text(event.note)
