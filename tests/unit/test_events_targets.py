"""Event targets (issue 11, the targets part) on sentences written for these tests, parsed by the
real spaCy pipeline: what a statement, appeal or disapproval is about, the parties of an
agreement, the host of a visit, and a venue that is no target."""

from __future__ import annotations

from spacy.language import Language


def events(nlp: Language, text: str, trigger: str) -> list[tuple[str | None, str | None, str]]:
    """(source country, target country, target rule) of the events on ``trigger``."""
    doc = nlp(text)
    found = [((e["source"] or {}).get("country"), (e["target"] or {}).get("country"), e["evidence"]["rules"]["target"])
             for e in doc._.events if e["trigger"] == trigger]
    assert found, f"no event on {trigger!r} in {text!r}"
    return found


def test_topic_phrase_is_a_statements_target(nlp: Language) -> None:
    # "doubts about X's plan": the statement is about X
    assert events(nlp, "The French president expressed doubts about Iran's plan.", "expressed") == [
        ("FRA", "IRN", "target_of_topic")]


def test_reported_clause_subject_is_a_claims_target(nlp: Language) -> None:
    assert events(nlp, "The German chancellor claimed that Syria had broken the truce.", "claimed") == [
        ("DEU", "SYR", "target_of_topic")]


def test_content_clause_of_the_object_names_the_target(nlp: Language) -> None:
    # "voiced concern that ... in China": the concern is about China
    assert events(nlp, "The Japanese government voiced concern that human rights in China have not improved.",
                  "voiced") == [("JPN", "CHN", "target_of_topic")]


def test_topic_needs_a_named_actor(nlp: Language) -> None:
    # what the statement is about names no country: no target is made up
    found = events(nlp, "The French president expressed doubts about the plan.", "expressed")
    assert found == [("FRA", None, "_verb_roles")]


def test_a_fronted_place_is_a_venue_not_a_target(nlp: Language) -> None:
    # "In Tokyo, X condemned ...": Tokyo is where it was said, not whom it is aimed at
    assert events(nlp, "In Tokyo, the Russian foreign minister condemned the decision.", "condemned") == [
        ("RUS", None, "_verb_roles")]


def test_a_fronted_place_of_an_attack_is_the_country_attacked(nlp: Language) -> None:
    # CAMEO's convention for violence: the place attacked is the target, fronted or not
    found = events(nlp, "In Kabul, Taliban fighters attacked a police station.", "attacked")
    assert [(target, rule) for _, target, rule in found] == [("AFG", "target_of_place")]


def test_hyphenated_parties_of_an_event_noun(nlp: Language) -> None:
    # "the US-China talks": the parties named before the noun, joined by a hyphen
    assert events(nlp, "The US-China trade talks resumed on Monday.", "talks") == [("USA", "CHN", "_hyphen_parties")]


def test_a_hyphenated_modifier_naming_no_actor_is_no_party(nlp: Language) -> None:
    found = events(nlp, "Chinese officials held the long-delayed talks with Japan.", "talks")
    assert [(source, target) for source, target, _ in found] == [("CHN", "JPN")]
    assert "_hyphen_parties" not in {rule for _, _, rule in found}


def test_a_meeting_abroad_of_one_party_is_aimed_at_the_host(nlp: Language) -> None:
    assert events(nlp, "The French foreign minister held talks in Berlin.", "talks") == [
        ("FRA", "DEU", "target_of_host")]


def test_a_visit_in_a_where_clause_is_aimed_at_the_place(nlp: Language) -> None:
    found = events(nlp, "In Japan, where the Russian president was on an official visit, the Kremlin blasted the report.",
                   "visit")
    assert [(target, rule) for _, target, rule in found] == [("JPN", "target_of_host")]


def test_a_meeting_at_home_has_no_host(nlp: Language) -> None:
    # in its own country a place is only the venue
    found = events(nlp, "The French foreign minister held talks in Paris.", "talks")
    assert [target for _, target, _ in found] == [None]


def test_the_place_of_an_attack_noun_is_its_target(nlp: Language) -> None:
    # CAMEO's location convention, for a noun as for a verb: the country attacked
    assert events(nlp, "Iran's offensive in northern Iraq killed dozens.", "offensive") == [
        ("IRN", "IRQ", "_place_targets")]


def test_a_summit_of_hyphenated_parties_abroad_has_no_host_target(nlp: Language) -> None:
    # two parties meet ("Macron-Zhou", one of them unresolved): the place is only the venue
    found = events(nlp, "The French president attended the Macron-Zhou summit in Hanoi.", "summit")
    assert [(source, target) for source, target, _ in found] == [("FRA", None)]
