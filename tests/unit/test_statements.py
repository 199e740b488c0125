"""docs/annotation.md D1a: a plain statement ("X said <clause>") is coded by what its clause says
(events.codes.root_rule). Sentences written for these tests, parsed by the real pipeline."""

from __future__ import annotations

from spacy.language import Language


def said(nlp: Language, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(e["cameo"], (e["source"] or {}).get("text"), (e["target"] or {}).get("text"),
             e["evidence"]["rules"].get("code")) for e in nlp(text)._.events if e["trigger"] == "said"]


# _critical_statement: a noun of strong negative evaluation anywhere in what was said is criticism, 111


def test_contempt_in_the_clause_is_criticism(nlp: Language) -> None:
    assert said(nlp, "The Kenyan foreign minister said Uganda had treated the agreement with contempt.") == [
        ("111", "Kenyan foreign minister", "Uganda", "_critical_statement")]


def test_disdain_for_a_treaty_is_criticism(nlp: Language) -> None:
    assert said(nlp, "The Kenyan foreign minister said Uganda had shown disdain for the treaty.")[0][0] == "111"


def test_a_quotation_the_speech_verb_is_set_beside_is_what_was_said(nlp: Language) -> None:
    assert said(nlp, "“Uganda has treated its neighbours with contempt,” the Kenyan foreign minister said.") == [
        ("111", "Kenyan foreign minister", "Uganda", "_critical_statement")]


def test_negated_contempt_is_no_criticism(nlp: Language) -> None:
    assert said(nlp, "The Kenyan foreign minister said Uganda would not show contempt for the treaty.")[0][0] == "010"


def test_a_negation_on_the_clause_verb_covers_a_noun_below_it(nlp: Language) -> None:
    assert said(nlp, "The Kenyan foreign minister said Uganda was not in danger.")[0][0] == "010"


def test_a_noun_negative_only_in_one_form_is_no_judgement(nlp: Language) -> None:
    # VADER rates "weapons" but not its lemma "weapon" as strongly negative: a topic, not a judgement
    assert said(nlp, "The Kenyan foreign minister said Uganda's weapons programme was growing.")[0][0] == "010"


def test_a_compound_modifier_classifies_and_judges_nothing(nlp: Language) -> None:
    assert said(nlp, "The Kenyan foreign minister said Uganda's army uses a terror watch list.")[0][0] == "010"
