"""Page furniture, session 58 (jB): a paragraph that holds a photo credit inside it, not only at its close
(``photo_credit``): a caption whose credit runs on into "Story Highlights" bullets or into the headline of another
story, or a credit :func:`caption_credit` does not read ("| Jane Doe/AP Photo", "(Photo: Jane Doe, Example Agency)");
and a teaser link whose label is glued to its colon ("Border talks:Everything you should know ...", structure stage,
``link_line``). docs/annotation.md D9b, D36a. Invented paragraphs through the real pipeline, and invented strings."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dateline.actors.countries import holds_photo_credit
from dateline.structure import structure_text

BODY = ("The Kenyan president met the Ugandan president in Nairobi on Monday, officials said.\n\n"
        "The two leaders signed a trade agreement after the talks.")


def _gates(nlp: Language, text: str, trigger: str) -> list[str | None]:
    return [e["evidence"]["rules"].get("gate") for e in nlp(text)._.events if e["trigger"] == trigger]


@pytest.mark.parametrize("paragraph", [
    "Ruritanian troops clash with protesters in the capital on May 3, 2015. (Photo: Jane Doe, Example Agency)",
    "Ruritanian troops clash with protesters. (Photo: Jane Doe, AP) Story Highlights The minister resigned",
    "The assembly meets in the capital. (UN Photo/Jane Doe)",
    "Protesters gather in the square. (Photo by Jane Doe / Example Images) \u00a9 Example via AP Images",
    "The minister criticized the plan as reckless. | Jane Doe/AP Photo",
    "The minister spoke on Monday. | AP Photo Minister urges calm ahead of the vote",
    "The minister spoke on Monday. | Jane Doe/AFP/Getty Images Foreign Policy Minister prepares a budget",
])
def test_a_photo_credit_inside_a_paragraph(paragraph: str) -> None:
    assert holds_photo_credit(paragraph)


@pytest.mark.parametrize("paragraph", [
    "An AP photo showed the minister shaking hands with the Ugandan president.",
    "The image of the protests (Image credit aside) was shared widely online.",
    "He said the photo was taken in 2015 by a reporter for Reuters.",
    "The ministers met in Nairobi, a spokesman told Reuters | the talks went well.",
    "Officials said (photo: none) nothing about it.",
])
def test_a_photo_word_in_a_sentence_is_no_credit(paragraph: str) -> None:
    assert not holds_photo_credit(paragraph)


def test_a_caption_whose_credit_runs_on_into_highlights_is_gated(nlp: Language) -> None:
    caption = ("The Kenyan president meets with the Ugandan president in Nairobi on May 3, 2015. "
               "(Photo: Jane Doe, Example Agency) Story Highlights Kenya and Uganda will hold talks on the border")
    text = f"{caption}\n\n{BODY}"
    assert set(_gates(nlp, text, "meets")) == {"photo_credit"}
    assert set(_gates(nlp, text, "met")) == {None}


def test_a_caption_closed_by_a_bar_and_an_agency_photo_credit_is_gated(nlp: Language) -> None:
    text = f"{BODY}\n\nThe Kenyan president criticized Uganda over the border dispute. | Jane Doe/AP Photo\n\n" \
           "The talks resume next week."
    assert set(_gates(nlp, text, "criticized")) == {"photo_credit"}
    plain = f"{BODY}\n\nThe Kenyan president criticized Uganda over the border dispute, a spokesman told the AP."
    assert "photo_credit" not in _gates(nlp, plain, "criticized")


@pytest.mark.parametrize("line", [
    "Border talks:Everything you should know about the Kenya-Uganda summit",
    "Earlier:Kenyan president calls Ugandan leader to thank him",
    "'No deal':Minister says Kenya is ready to walk away",
    "ANALYSIS:A 'dangerous' moment for the talks",
])
def test_a_teaser_link_with_its_label_glued_to_the_colon_is_a_link_line(line: str) -> None:
    parts = structure_text(f"{BODY}\n\n{line}\n\nThe talks resume next week.")
    assert [r.kind for r in parts.removed] == ["link_line"] and line not in parts.body


@pytest.mark.parametrize("line", [
    "NAIROBI:The Kenyan president met the Ugandan president on Monday.",  # a dateline glued to its paragraph
    "Brent crude UK:BRNX19 jumped $8.80 to trade at $69.02 a barrel",
    "At 8:40 p.m. the Kenyan army launched an attack on the rebel camp",
    "Update: The Kenyan president met the Ugandan president",
])
def test_a_glued_dateline_a_code_or_a_time_is_no_teaser_link(line: str) -> None:
    parts = structure_text(f"{BODY}\n\n{line}\n\nThe talks resume next week.")
    assert "link_line" not in [r.kind for r in parts.removed] and line in parts.body
