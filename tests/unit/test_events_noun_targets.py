"""The target of an event noun whose doer is named on it, from the noun's complement (session 26,
branch ``nountargets2``): sentences written for these tests, parsed by the real spaCy pipeline."""

from __future__ import annotations

from spacy.language import Language

from dateline.lang import en


def events(nlp: Language, text: str, trigger: str) -> list[tuple[str | None, str | None, str]]:
    """(source country, target country, target rule) of the events on ``trigger``."""
    doc = nlp(text)
    return [((e["source"] or {}).get("country"), (e["target"] or {}).get("country"), e["evidence"]["rules"]["target"])
            for e in doc._.events if e["trigger"] == trigger]


def test_the_prepositions_are_a_table_by_root() -> None:
    assert "of" in en.OWNED_NOUN_TARGET_PREPOSITIONS["11"]
    assert "over" in en.OWNED_NOUN_TARGET_PREPOSITIONS["15"]
    assert all(len(root) == 2 for root in en.OWNED_NOUN_TARGET_PREPOSITIONS)


def test_a_possessed_criticism_is_aimed_at_its_of_complement(nlp: Language) -> None:
    assert events(nlp, "Germany's criticism of Iran angered Tehran.", "criticism") == [
        ("DEU", "IRN", "owned_complement_targets")]


def test_a_complaint_about_an_actor(nlp: Language) -> None:
    assert events(nlp, "Japan's complaints about China were ignored.", "complaints") == [
        ("JPN", "CHN", "owned_complement_targets")]


def test_the_owner_of_a_complement_that_names_no_actor(nlp: Language) -> None:
    # "criticism of the president's policy": the policy is no actor, its owner is the target
    found = events(nlp, "Germany's criticism of Iran's nuclear program angered Tehran.", "criticism")
    assert [(source, target) for source, target, _ in found] == [("DEU", "IRN")]


def test_a_by_agent_owns_the_noun(nlp: Language) -> None:
    assert events(nlp, "The criticism of Iran by Germany was sharp.", "criticism") == [
        ("DEU", "IRN", "owned_complement_targets")]


def test_a_show_of_force_over_a_country(nlp: Language) -> None:
    assert events(nlp, "North Korea's missile launch over Japan angered Tokyo.", "launch") == [
        ("PRK", "JPN", "owned_complement_targets")]


def test_an_unowned_noun_keeps_its_of_complement_unread(nlp: Language) -> None:
    # with no doer named on the noun, "of" may name the doer: no target from it
    assert all(rule != "owned_complement_targets"
               for _, _, rule in events(nlp, "The criticism of Iran grew in Europe.", "criticism"))


def test_the_existing_prepositions_come_first(nlp: Language) -> None:
    # "sanctions against X" keeps its own target rule
    assert events(nlp, "China's sanctions against American firms took effect on Monday.", "sanctions") == [
        ("CHN", "USA", "_noun_events")]


def test_the_country_that_modifies_an_airstrike_is_the_striker(nlp: Language) -> None:
    # "a US airstrike in Somalia": a strike from the air is a state's; the place struck follows
    found = events(nlp, "A US airstrike in Somalia killed two militants on Monday.", "airstrike")
    assert [(source, target) for source, target, _ in found] == [("USA", "SOM")]


def test_the_city_that_modifies_a_bombing_is_the_place_struck(nlp: Language) -> None:
    # "the London bombing": the place modifier of other violence is its target, as before
    found = events(nlp, "Police made an arrest after the London bombing.", "bombing")
    assert [target for _, target, _ in found] == ["GBR"]


def test_the_striker_that_modifies_an_airstrike_is_not_its_place(nlp: Language) -> None:
    # the country modifying the noun is the event's source: not where it happened
    doc = nlp("A US airstrike killed a commander of Al Shabab on Monday.")
    (event,) = [e for e in doc._.events if e["trigger"] == "airstrike"]
    assert (event["source"] or {}).get("country") == "USA"
    assert (event.get("location") or {}).get("country") != "USA"
    assert (event["target"] or {}).get("country") != "USA"


def test_a_place_modifier_is_still_a_meetings_place(nlp: Language) -> None:
    doc = nlp("The Iranian and Japanese foreign ministers held a Geneva meeting on Monday.")
    assert any((e.get("location") or {}).get("country") == "CHE" for e in doc._.events if e["trigger"] == "meeting")
