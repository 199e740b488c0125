"""Lexicon entries added for recall (session 25, recall): verbs and event nouns the labelled news lists as
acts that the lexicon coded nothing for. Each is coded with the CAMEO code the codebook gives, and the
sense that is no act stays uncoded. Sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language


def events(nlp: Language, text: str) -> list[tuple[str, str, str | None, str | None]]:
    """(trigger, CAMEO root, source country, target country) of every event of the text."""
    return [(e["trigger"], e["cameo"][:2], (e["source"] or {}).get("country"), (e["target"] or {}).get("country"))
            for e in nlp(text)._.events]


def test_designating_a_group_as_terrorist_is_a_sanction(nlp: Language) -> None:
    found = events(nlp, "The United States designated the Kenyan militia as a terrorist organization on Monday.")
    assert ("designated", "16", "USA", "KEN") in found
    assert not events(nlp, "The Kenyan government designated Monday a public holiday.")


def test_questioning_a_policy_is_criticism_and_questioning_a_person_an_interrogation(nlp: Language) -> None:
    assert ("questioned", "11", "KEN", "UGA") in events(
        nlp, "The Kenyan foreign minister questioned Uganda's decision to close the border.")
    assert ("questioned", "09", "KEN", "UGA") in events(
        nlp, "Kenyan police questioned the Ugandan ambassador on Monday.")


def test_questioning_with_nothing_questioned_is_no_act(nlp: Language) -> None:
    found = events(nlp, "A Kenyan judge ordered the former Ugandan minister to appear on Monday for questioning.")
    assert not [e for e in found if e[0] == "questioning"]
