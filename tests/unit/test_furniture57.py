"""Page furniture, session 57 (iF): a paragraph scraped twice in a row (``doubled_paragraph``), the bullets of a
labelled block such as "Story highlights" (``furniture_label``) and an "Also on <outlet>:" link line (structure
stage). docs/annotation.md D9b, D19a, D36a/b. Invented paragraphs through the real pipeline."""

from __future__ import annotations

from spacy.language import Language

from dateline.structure import structure_text

BODY = ("The Kenyan president met the Ugandan president in Nairobi on Monday, officials said.\n\n"
        "The two leaders signed a trade agreement after the talks.")
CAPTION = "Jane Doe, left, a lawyer from Kampala, was arrested in 2015. The police accused her of fraud."


def _gates(nlp: Language, text: str, trigger: str) -> list[str | None]:
    return [e["evidence"]["rules"].get("gate") for e in nlp(text)._.events if e["trigger"] == trigger]


def test_both_copies_of_a_doubled_paragraph_are_gated(nlp: Language) -> None:
    text = f"{BODY}\n\n{CAPTION}\n\n{CAPTION}\n\nThe president returned home on Tuesday."
    gates = _gates(nlp, text, "accused")
    assert len(gates) == 2 and set(gates) == {"doubled_paragraph"}
    assert set(_gates(nlp, text, "met")) == {None}


def test_a_paragraph_told_once_or_repeated_further_down_is_no_doubled_paragraph(nlp: Language) -> None:
    assert "doubled_paragraph" not in _gates(nlp, f"{BODY}\n\n{CAPTION}", "accused")
    text = f"{CAPTION}\n\n{BODY}\n\n{CAPTION}"
    gates = _gates(nlp, text, "accused")
    assert gates[0] is None and "doubled_paragraph" not in gates  # the later copy is a repeated_sentence


def test_the_bullets_of_a_highlights_block_are_gated(nlp: Language) -> None:
    text = ("Story highlights The Kenyan president visits Uganda this week\n\n"
            "The president will urge talks between the two rebel groups\n\n"
            "The Ugandan leader has criticized Kenya over the border\n\n"
            f"{BODY}")
    assert set(_gates(nlp, text, "criticized")) == {"furniture_label"}
    assert set(_gates(nlp, text, "met")) == {None}


def test_a_long_or_closed_line_ends_the_block(nlp: Language) -> None:
    long_line = ("The Ugandan leader has criticized Kenya over the border dispute that has dragged on for years, "
                 "and officials on both sides say the talks planned for next month may not take place at all")
    text = f"Story highlights The Kenyan president visits Uganda this week\n\n{long_line}\n\n{BODY}"
    assert set(_gates(nlp, text, "criticized")) == {None}
    text = ("Story highlights The Kenyan president visits Uganda this week\n\n"
            "The Ugandan leader has criticized Kenya over the border.\n\n"
            "The Ugandan army accused Kenya of an incursion\n\n" + BODY)
    assert set(_gates(nlp, text, "accused")) == {None}


def test_an_also_on_outlet_line_is_a_link_line() -> None:
    text = f"{BODY}\n\n( Also on Example News: Minister criticizes the budget)\n\nThe vote is on Friday."
    parts = structure_text(text)
    assert "criticizes" not in parts.body and "The vote is on Friday." in parts.body
    assert [r.kind for r in parts.removed] == ["link_line"]
    kept = structure_text(f"{BODY}\n\nAlso on Monday: The minister met the press.")
    assert "met the press" in kept.body
