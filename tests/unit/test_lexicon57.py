"""lexicon57: a lexicon verb with no code of its own in the construction that makes its act (session 57, iC).
Committing to a cooperative act, an event noun or a gerund of roots 04-08 after "to" ("committed to talks with X",
"committed to providing aid to X"), declares the intent to do it, CAMEO 03 (sense condition ``offered_act``, shared
with the "open to" of cue ``readiness_adjective``); committing a crime or committing troops to a war is no intent
to cooperate. A describing or naming verb's "as" phrase is said of its object (``events.codes._judged``): "described
the Ugandan leader as a racist" or "as a threat" judges him, CAMEO 111 (rules ``_evaluative``, ``_negative_evaluation``,
cue ``danger_label``); "what it described as a serious threat" names no one; a name there that is an actor word ("labelled the leaders of
Uganda as criminals") blames as an object predicate does (rule ``_naming_blame``). Invented sentences."""

from __future__ import annotations

from spacy.language import Language

from dateline.lexicon import SENSE_CONDITIONS, load_lexicon


def roots(nlp: Language, text: str, start: str) -> list[str]:
    """The CAMEO roots of the events whose trigger starts with ``start``."""
    return [e["cameo"][:2] for e in nlp(text)._.events if e["trigger"].lower().startswith(start)]


def sensed(nlp: Language, text: str, start: str) -> list[str]:
    """The CAMEO roots of the events whose trigger starts with ``start`` and whose code rule is ``_sense`` (the
    learned trigger proposer may code a bare "committed" 03 too; the sense is the lexicon's own reading)."""
    return [e["cameo"][:2] for e in nlp(text)._.events if e["trigger"].lower().startswith(start)
            and ((e.get("evidence") or {}).get("rules") or {}).get("code") == "_sense"]


def test_offered_act_is_a_sense_condition() -> None:
    assert "offered_act" in SENSE_CONDITIONS
    assert any(condition == "offered_act" for condition, _ in load_lexicon().senses.get("commit", ()))


def test_committing_to_a_cooperative_act_is_an_intent(nlp: Language) -> None:
    assert sensed(nlp, "Kenya has committed to new talks with Uganda on the border.", "commit") == ["03"]
    assert sensed(nlp, "The Kenyan government committed to providing aid to Uganda.", "commit") == ["03"]
    assert sensed(nlp, "Kenya committed to a summit with Uganda next month.", "commit") == ["03"]


def test_committing_to_anything_else_is_no_intent(nlp: Language) -> None:
    assert sensed(nlp, "Kenyan soldiers committed crimes in the Ugandan border town.", "commit") == []
    assert sensed(nlp, "Kenya committed itself to the war against the Ugandan rebels.", "commit") == []
    assert sensed(nlp, "Kenya committed to new sanctions against Uganda.", "commit") == []


def test_open_to_talks_still_declares_an_intent(nlp: Language) -> None:
    assert roots(nlp, "Kenya is open to talks with Uganda on the border.", "open") == ["03"]


def rules(nlp: Language, text: str, start: str) -> list[tuple[str, str | None]]:
    """(CAMEO code, code rule) of the events whose trigger starts with ``start``."""
    return [(e["cameo"], ((e.get("evidence") or {}).get("rules") or {}).get("code"))
            for e in nlp(text)._.events if e["trigger"].lower().startswith(start)]


def test_describing_an_actor_as_a_negative_word_criticises_it(nlp: Language) -> None:
    assert rules(nlp, "The Kenyan president described the Ugandan leader as a racist.", "describ") == [
        ("111", "_evaluative")]
    assert rules(nlp, "The Kenyan foreign minister has described Uganda as a threat to the region.", "describ") == [
        ("111", "_evaluative")]


def test_a_free_relative_described_as_names_no_one(nlp: Language) -> None:
    text = "The Kenyan government closed the border in the face of what it described as a serious threat."
    assert rules(nlp, text, "describ") == []
    assert rules(nlp, "The Kenyan president described the Ugandan leader as a friend.", "describ") == []


def test_labelling_an_actor_as_criminals_blames_it(nlp: Language) -> None:
    assert rules(nlp, "The Kenyan president labeled the leaders of Uganda as criminals.", "label") == [
        ("111", "_naming_blame")]
    assert rules(nlp, "The Kenyan president described the Ugandan rebels as terrorists.", "describ") == [
        ("111", "_naming_blame")]
    assert rules(nlp, "The Kenyan president did not describe the Ugandan rebels as terrorists.", "describ") == []
