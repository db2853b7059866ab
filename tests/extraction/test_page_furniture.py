"""Page furniture (captions, credits, headlines, live-blog labels) is set aside whole, with its reason;
story text that merely mentions a picture stays."""
import pytest

from .conftest import claim_with, claims_of, worthy

STORY = "The fire destroyed 12 lorries at the Holm depot, the fire service said."


def set_aside_reason(paragraph):
    """The reason the engine gives for a paragraph placed between two ordinary story paragraphs."""
    claims = claims_of(f"{STORY}\n\n{paragraph}\n\nThe depot reopened on Friday.")
    [found] = [c for c in claims if c.text == paragraph]
    assert not found.check_worthy
    return found.set_aside_reason


@pytest.mark.parametrize(
    "caption",
    [
        "Firefighters spray water on a burning warehouse in Dorval on Tuesday.",
        "A man walks past a shuttered bakery in Holm, Norland, May 2, 2024.",
        "Two nurses carry supplies into the field hospital outside Sudstad on March 3.",
        "Mayor Ida Tamm is seen at the town hall in Holm on Monday.",
    ],
)
def test_a_present_tense_picture_line_without_a_credit_is_a_caption(caption):
    assert set_aside_reason(caption) == "photo caption"


@pytest.mark.parametrize(
    "caption",
    [
        "Smoke rises over the port of Holm. Photo: Jan Berg",
        "Smoke rises over the port of Holm on May 2. Jan Berg/Getty Images",
        "Smoke rises over the port of Holm on May 2. AFP via Getty Images",
        "Smoke rises over the port of Holm on May 2. Jan Berg / AP",
        "Smoke rises over the port of Holm on May 2. (Reuters)",
        "Smoke rises over the port of Holm on May 2 (AP Photo/Jan Berg)",
        "Smoke rises over the port of Holm. Credit: Jan Berg for The Holm Post",
        "FILE PHOTO: Smoke rises over the port of Holm, Norland, May 2, 2024.",
    ],
)
def test_a_line_closed_by_a_credit_is_a_caption(caption):
    assert set_aside_reason(caption) in ("photo caption", "byline or credit")


def test_a_credit_alone_on_its_line_is_a_credit():
    assert set_aside_reason("Photo: Reuters") == "byline or credit"


def test_the_title_line_above_a_caption_is_set_aside():
    text = f"{STORY}\n\nNight of fire in the old harbour district of Holm after the storm\nSmoke rises over Holm on May 2. Jan Berg/Getty Images"
    title = claim_with("Night of fire", claims_of(text))
    assert (title.check_worthy, title.set_aside_reason) == (False, "caption title")


def test_an_aside_pointing_at_a_picture_keeps_the_paragraph():
    text = f"{STORY}\n\nMayor Ida Tamm (pictured) said the depot would reopen on Friday after 40 workers cleared the site."
    assert claim_with("the depot would reopen on Friday", worthy(text)).speaker == "Ida Tamm"


@pytest.mark.parametrize(
    "paragraph",
    [
        "The council leader (left) and the fire chief met 30 families at the depot on Monday.",
        "The video showed 12 soldiers crossing the bridge at Holm.",
        "The photo, taken on May 2, showed smoke over 3 warehouses.",
        "The company employs 4,000 people in Dorval.",
        "The trial begins in Holm on Monday.",
        "Police are investigating the cause of the fire in Holm.",
        "Norland holds elections in May every four years.",
        "Norland wins the vote in the Holm council on Monday by 14 votes to 9.",
        "The strike closed 40 schools on Monday, the union said.",
    ],
)
def test_story_text_that_mentions_a_picture_or_the_present_stays_a_claim(paragraph):
    text = f"{STORY}\n\n{paragraph}"
    # Kept as a claim: as narration, or as what the video or figures show.
    assert any(c.text in paragraph for c in worthy(text))


@pytest.mark.parametrize(
    "credit",
    [
        "By Jane Doe and Ali Khan, Reuters",
        "By Jane Doe in Holm",
        "Jane Doe is a senior reporter at the Holm Post.",
        "Editing by Karl Oster",
        "(Reporting by Mia Lund; Writing by Karl Oster)",
        "Additional reporting by Ali Khan in Dorval; Editing by Mia Lund",
        "Ali Khan contributed reporting.",
        "Ali Khan reported from Dorval.",
    ],
)
def test_bylines_and_credits_are_set_aside(credit):
    assert set_aside_reason(credit) == "byline or credit"


def test_a_sentence_opening_with_by_is_not_a_byline():
    assert worthy(f"{STORY}\n\nBy Tuesday, the water had receded from 300 homes in Kolmar.")[-1].text.startswith("By Tuesday")


def test_a_person_who_is_a_reporter_in_a_longer_paragraph_stays_a_claim():
    text = f"{STORY}\n\nJane Doe, who is a reporter at the Holm Post, was arrested in Dorval on May 3 and held for 9 days."
    assert claim_with("was arrested", worthy(text))


@pytest.mark.parametrize("stamp", ["10:42 GMT", "Updated 3 hours ago", "6:01 p.m.", "Tue 12 Mar 2024 10.42 GMT"])
def test_a_live_blog_timestamp_is_set_aside(stamp):
    assert set_aside_reason(stamp) == "timestamp"


@pytest.mark.parametrize("label", ["Key events", "Show key events only", "Read more:", "Related: Floods force 300 from homes in Kolmar"])
def test_live_blog_labels_and_links_are_set_aside(label):
    assert set_aside_reason(label) == "headline or page label"


def test_a_lead_in_that_names_a_speaker_is_not_a_page_label():
    claims = claims_of('And from Mayor Ida Tamm:\n\n"We lost 40 homes in one night."')
    assert not any(c.set_aside_reason == "headline or page label" for c in claims)


def test_a_news_flash_after_a_label_stays_a_claim():
    assert worthy(f"{STORY}\n\nUpdate: The dam at Kolmar burst on Monday, flooding 300 homes.")[-1].text.endswith("300 homes.")


def test_a_picture_line_above_a_credit_on_its_own_line_is_a_caption():
    text = f"{STORY}\n\nResidents carry sandbags along the river wall in Kolmar.\nStaff photo: Ida Holm\n\nThe river fell overnight."
    assert claim_with("Residents carry sandbags", claims_of(text)).set_aside_reason == "photo caption"


def test_a_story_paragraph_above_a_stray_credit_stays_a_claim():
    text = "The fire destroyed 12 lorries at the depot.\nPhoto: Reuters\nThe depot reopened on Friday."
    assert claim_with("The fire destroyed 12 lorries", worthy(text))


@pytest.mark.parametrize(
    "line",
    ["Copyright 2024 Holm Post. All rights reserved.", "Jane Doe can be reached at jdoe@holmpost.example or 555-0100."],
)
def test_copyright_and_contact_lines_are_credits(line):
    assert set_aside_reason(line) == "byline or credit"


def test_a_caption_credited_as_a_staff_photo_is_set_aside():
    assert set_aside_reason("Volunteers sort donated clothes in the Holm sports hall. Staff photo") == "photo caption"


@pytest.mark.parametrize(
    "paragraph",
    [
        "The count moves next to Sudstad, which holds its own vote next Saturday.",
        "Last year's police figures show that burglaries in Holm doubled.",
        "The 82-year-old mayor wins praise from residents of Holm for the new bridge.",
    ],
)
def test_present_tense_news_without_the_day_of_a_picture_stays_a_claim(paragraph):
    assert worthy(f"{STORY}\n\n{paragraph}")[-1].text in paragraph


def test_a_press_release_paragraph_about_its_sender_is_boilerplate():
    paragraph = "About Holm Water: Holm Water serves 40,000 homes and is run by a board of seven."
    assert set_aside_reason(paragraph) == "press-release boilerplate: the sender describing itself"


def test_the_paragraph_under_an_about_label_is_boilerplate():
    text = "The port closed for 2 days in May.\n\nAbout the Port of Holm\n\nThe Port of Holm handles 3 million tonnes of cargo a year."
    assert [c.text for c in worthy(text)] == ["The port closed for 2 days in May."]


def test_a_sentence_opening_with_about_and_a_figure_stays_a_claim():
    assert worthy("About 300 people marched through Holm on Sunday.") != []
