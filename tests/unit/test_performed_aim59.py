"""Session 59 (kB): a protest told as the aim of a done act is that act's protest, done as far as the act is (modality
cue ``performed_aim``, ``events.triggers.performed_aim``): "walked out of parliament to protest the law" tells a
protest made, not one still to come. Left an aim when the act is itself coded a protest ("began a hunger strike to
protest": the protest is told once, on that act). Invented sentences through the real pipeline."""

from __future__ import annotations

from spacy.language import Language
from test_custody_passive42 import _on as events  # tests/unit is on sys.path (pytest prepend import mode)


def test_a_protest_done_by_walking_out_is_asserted(nlp: Language) -> None:
    for text in ("Kenyan opposition lawmakers walked out of parliament on Tuesday to protest the new Ugandan border law.",
                 "Kenyan opposition lawmakers gathered in Nairobi on Tuesday to protest against Uganda's decision."):
        found = events(nlp, text, "protest")
        assert found and all(e["modality"] == "asserted" and not e["negated"] for e in found), text
        assert all(e["evidence"]["rules"].get("modality_cue") == "performed_aim" for e in found), text


def test_the_protest_takes_the_modality_of_the_act_that_performs_it(nlp: Language) -> None:
    found = events(nlp, "Kenyan opposition lawmakers will walk out of parliament on Tuesday to protest the new Ugandan "
                        "border law.", "protest")
    assert found and all(e["modality"] == "intended" for e in found)
    found = events(nlp, "Kenyan opposition lawmakers did not walk out of parliament to protest the Ugandan border law.",
                   "protest")
    assert found and all(e["negated"] and not e["counted"] for e in found)


def test_a_protest_already_told_by_the_act_stays_its_aim(nlp: Language) -> None:
    text = "Kenyan opposition lawmakers began a hunger strike on Tuesday to protest the Ugandan border law."
    assert any(e["cameo"].startswith("14") and e["counted"] for e in events(nlp, text, "strike"))
    found = events(nlp, text, "protest")
    assert all(e["modality"] != "asserted" and not e["counted"] for e in found)
    assert all(e["evidence"]["rules"].get("modality_cue") != "performed_aim" for e in found)


def test_an_aim_of_another_kind_stays_intended(nlp: Language) -> None:
    found = events(nlp, "Kenyan lawmakers travelled to Kampala on Tuesday to criticize the Ugandan border law.",
                   "criticize")
    assert all(e["modality"] == "intended" for e in found)
