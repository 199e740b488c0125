"""modality57: acts the text tells as done beside an intent, a case or an aim (docs/annotation.md section 3: an act
told as done is asserted; intended and hypothetical acts are those still to come). Two mechanisms in
events/modality.py and events/triggers.py: a verb in the simple past coordinated with an infinitive or a modal verb
keeps its own modality (``finite_past_conjunct``, modality cue ``finite_conjunct``), and an adverbial clause in the
simple past with its own subject and a conjunction of time, cause or concession is told as done (``_past_clause``,
modality cue ``past_clause``). Invented sentences through the real pipeline."""

from __future__ import annotations

from spacy.language import Language
from test_custody_passive42 import _on as events  # tests/unit is on sys.path (pytest prepend import mode)


def _asserted(found: list[dict]) -> bool:
    return bool(found) and all(e["modality"] == "asserted" and not e["negated"] for e in found)


def test_a_past_tense_conjunct_of_an_intent_is_told_as_done(nlp: Language) -> None:
    for text, trigger in (("Kenya vowed to retaliate against any attack and accused Uganda of arming the rebels.",
                           "accused"),
                          ("The Kenyan minister said Kenya would close the border and criticized Uganda.",
                           "criticized")):
        found = events(nlp, text, trigger)
        assert _asserted(found), text
        assert all(e["evidence"]["rules"].get("modality_cue") == "finite_conjunct" for e in found), text


def test_a_bare_conjunct_of_an_intent_stays_intended(nlp: Language) -> None:
    found = events(nlp, "Kenya vowed to retaliate against any attack and to expel Ugandan diplomats.", "expel")
    assert found and all(e["modality"] == "intended" for e in found)


def test_the_conjunct_of_a_negated_verb_is_left_alone(nlp: Language) -> None:
    found = events(nlp, "Kenya would not condemn Uganda but criticized Tanzania.", "criticized")
    assert all(e["evidence"]["rules"].get("modality_cue") != "finite_conjunct" for e in found)


def test_a_past_clause_under_an_intent_is_told_as_done(nlp: Language) -> None:
    found = events(nlp, "Uganda pledged to do more after Kenya threatened sanctions against Ugandan officials.",
                   "threatened")
    assert _asserted(found)
    assert all(e["evidence"]["rules"].get("modality_cue") == "past_clause" for e in found)


def test_a_condition_under_an_intent_stays_a_case(nlp: Language) -> None:
    found = events(nlp, "Uganda pledged to withdraw its troops if Kenya attacked the rebels.", "attacked")
    assert found and all(e["modality"] != "asserted" for e in found)
