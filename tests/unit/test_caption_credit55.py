"""caption_credit, session 55 (hQ): a caption paragraph whose credit is in parentheses ("(Jane Doe/Reuters)") or puts
the agency before the photographer ("REUTERS/Jane Doe") is page furniture too (docs/annotation.md D36a). Invented
paragraphs through the real pipeline."""

from __future__ import annotations

from spacy.language import Language

CAPTIONS = ("The Kenyan president and the Ugandan president meet at State House in Nairobi, November 9, 2017. "
            "REUTERS/Jane Doe",
            "The Kenyan president meets with the Ugandan president in Nairobi, January 9, 2019. (Jane Doe/Reuters)")


def test_a_caption_with_an_agency_first_or_a_credit_in_parentheses_is_gated(nlp: Language) -> None:
    for text in CAPTIONS:
        found = [e for e in nlp(text)._.events if str(e["cameo"]).startswith("04")]
        assert found and all(e["evidence"]["rules"].get("gate") == "caption_credit" for e in found), text


def test_a_sentence_naming_the_agency_or_a_parenthesis_stays(nlp: Language) -> None:
    for text in ("The Kenyan president met the Ugandan president, a spokesman told Reuters.",
                 "The Kenyan president met the Ugandan president (the talks lasted an hour).",
                 "The Kenyan president met the Ugandan president in Kampala on Monday. Reuters/Ipsos polled 500 people."):
        found = [e for e in nlp(text)._.events if e["trigger"] == "met"]
        assert found and all(e["evidence"]["rules"].get("gate") is None for e in found), text
