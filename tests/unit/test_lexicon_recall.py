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


def test_crediting_an_actor_is_praise(nlp: Language) -> None:
    assert ("credited", "05", "KEN", "UGA") in events(
        nlp, "The Kenyan president credited Uganda with ending the border dispute.")


def test_labelling_an_actor_is_a_denunciation(nlp: Language) -> None:
    assert ("labeled", "11", "UGA", "KEN") in events(
        nlp, "The Ugandan foreign minister labeled Kenya an aggressor on Monday.")


def test_a_conversation_between_leaders_is_a_consultation(nlp: Language) -> None:
    call = events(nlp, "The Kenyan president held a phone conversation with the Ugandan president on Monday.")
    assert [e for e in call if e[0] == "conversation"] and all(
        e[1:] == ("04", "KEN", "UGA") for e in call if e[0] == "conversation")
    assert ("conversation", "04", "KEN", "UGA") in events(
        nlp, "The Kenyan president's conversation with the Ugandan president focused on trade.")
    codes = [e["cameo"] for e in nlp("The Kenyan president held a phone conversation with the Ugandan president.")._.events
             if e["trigger"] == "conversation"]
    assert codes and all(code == "041" for code in codes)


def test_contact_is_an_act_only_behind_a_light_verb_or_a_named_owner(nlp: Language) -> None:
    assert not [e for e in events(nlp, "Reporters asked about contacts between Kenyan and Ugandan officers.")
                if e[0] == "contacts"]
    assert ("contact", "04", "KEN", "UGA") in events(nlp, "Kenya made contact with Uganda about the border dispute.")


def test_questioning_a_policy_is_criticism_and_questioning_a_person_an_interrogation(nlp: Language) -> None:
    assert ("questioned", "11", "KEN", "UGA") in events(
        nlp, "The Kenyan foreign minister questioned Uganda's decision to close the border.")
    assert ("questioned", "09", "KEN", "UGA") in events(
        nlp, "Kenyan police questioned the Ugandan ambassador on Monday.")


def test_questioning_with_nothing_questioned_is_no_act(nlp: Language) -> None:
    found = events(nlp, "A Kenyan judge ordered the former Ugandan minister to appear on Monday for questioning.")
    assert not [e for e in found if e[0] == "questioning"]
