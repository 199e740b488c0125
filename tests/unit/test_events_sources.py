"""Event sources (issue 11, the sources part) on sentences written for these tests, parsed by the
real spaCy pipeline: who did an act an event noun names."""

from __future__ import annotations

from spacy.language import Language


def sources(nlp: Language, text: str, trigger: str) -> list[str | None]:
    """The source country of each event on ``trigger``."""
    doc = nlp(text)
    found = [(e["source"] or {}).get("country") for e in doc._.events if e["trigger"] == trigger]
    return found


def test_an_attack_that_dates_the_clause_is_not_done_by_its_subject(nlp: Language) -> None:
    # "after the attack, X called Y": X reacts to the attack, X did not do it (cue sequence_preposition)
    assert "DEU" not in sources(nlp, "After the attack on the embassy, the German chancellor called the Afghan president.",
                                "attack")
    assert "EGY" not in sources(nlp, "Before the bombing in Kabul, the Egyptian president had warned Israel.", "bombing")


def test_a_visit_in_a_fronted_phrase_is_still_its_subjects(nlp: Language) -> None:
    # the rule is for violence only: "on a visit to X, Y signed ...": Y is the visitor
    assert sources(nlp, "On a visit to Beijing, the French president signed a trade agreement.", "visit") == ["FRA"]


def test_an_attack_during_which_the_subject_acts_keeps_its_doer(nlp: Language) -> None:
    # "during the attack, soldiers fired": the clause's subject is one of the attackers
    assert sources(nlp, "During the attack on the town, Syrian soldiers fired on civilians.", "attack") == ["SYR"]


STORY = "Russia and Iran signed an oil deal with China on Monday. The White House said it was studying the deal. "


def source_codes(nlp: Language, text: str, trigger: str) -> list[str | None]:
    doc = nlp(text)
    return [(e["source"] or {}).get("code") for e in doc._.events if e["trigger"] == trigger]


def test_a_domestic_body_acting_on_a_states_organ_may_be_of_that_state(nlp: Language) -> None:
    # "lawmakers urged the White House": no country of their own, none dominating the story; the
    # White House's country is no longer left out of the countries named around them (nearby_country)
    assert source_codes(nlp, STORY + "Lawmakers urged the White House to respond.", "urged") == ["USALEG"]


def test_a_group_of_no_domestic_sector_still_leaves_the_targets_country_out(nlp: Language) -> None:
    # protesters (OPP) are not a domestic body (cue domestic_sector): the country named most around
    # them other than the target's, as before
    assert source_codes(nlp, STORY + "Protesters criticized the White House.", "criticized") == ["CHNOPP"]
