"""claimed56: acts a speaker lays on another by blame, acts plotted, and the means of a claimed act
(docs/annotation.md section 3, D14c, D31a: a party's report of its adversary's act is `claimed`; D4: a group's claim
of its own act is asserted). Cue rows `attribution_adjective` (responsible) and `intent_verb` (plot, conspire) in
data/lexicon/cues.tsv; events/modality.py `_attributed_act` (modality cue `responsible_for`) and `_claim_frame`
(the means preposition). Invented sentences through the real pipeline."""

from __future__ import annotations

from spacy.language import Language
from test_custody_passive42 import _on as events  # tests/unit is on sys.path (pytest prepend import mode)

from dateline.confidence import is_counted


def test_an_act_a_speaker_says_another_is_responsible_for_is_claimed(nlp: Language) -> None:
    for text, trigger in (("The Kenyan minister said Uganda was responsible for the attack on Nairobi.", "attack"),
                          ("The Kenyan minister said Uganda was responsible for backing the rebels.", "backing")):
        found = events(nlp, text, trigger)
        assert found and all(e["modality"] == "reported" and not is_counted(e, 0.0) for e in found), text
        assert {e["evidence"]["rules"].get("modality_cue") for e in found} == {"responsible_for"}, text


def test_the_blame_itself_stays_an_accusation(nlp: Language) -> None:
    # the speaker's accusation (112 on "said") is made; only the act laid on Uganda is claimed
    said = events(nlp, "The Kenyan minister said Uganda was responsible for the attack on Nairobi.", "said")
    assert any(str(e["cameo"]).startswith("11") and e["modality"] == "asserted" for e in said)


def test_a_group_owning_its_act_and_an_attributive_responsible_leave_the_act_alone(nlp: Language) -> None:
    for text, trigger in (("The rebels said they were responsible for the attack on the Kenyan army.", "attack"),
                          ("The gunman responsible for the attack on the Kenyan embassy was killed by Kenyan police.",
                           "attack")):
        found = events(nlp, text, trigger)
        assert found and all(e["evidence"]["rules"].get("modality_cue") != "responsible_for" for e in found), text


def test_an_act_plotted_is_intended(nlp: Language) -> None:
    for text, trigger in (("Four Ugandan men were arrested plotting to kill Kenyan officials.", "kill"),
                          ("The rebels had plotted to attack the Kenyan embassy in Kampala.", "attack")):
        found = events(nlp, text, trigger)
        assert found and all(e["modality"] == "intended" and not is_counted(e, 0.0) for e in found), text


def test_the_means_of_an_adversary_s_claimed_act_is_claimed(nlp: Language) -> None:
    text = "Kenyan officials said Uganda broke the truce by shelling Kenyan border posts."
    found = events(nlp, text, "shelling")
    assert found and all(e["modality"] == "reported" and e["evidence"]["rules"]["modality"] == "_claim"
                         for e in found)


def test_the_means_of_an_act_told_by_the_narrator_stays_asserted(nlp: Language) -> None:
    found = events(nlp, "Uganda broke the truce by shelling Kenyan border posts on Monday.", "shelling")
    assert found and all(e["modality"] == "asserted" for e in found)
