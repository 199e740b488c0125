"""modality42: acts the text does not assert, by a cue the modality rules lacked (events/modality.py; cue rows in
data/lexicon/cues.tsv). Invented sentences through the real pipeline (model + dateline stages); each positive test
fails on the code before the session, each negative one pins what stays as it was."""

from __future__ import annotations

from spacy.language import Language


def coded(nlp: Language, text: str, trigger: str) -> set[tuple[str, bool]]:
    """(modality, negated) of the events on ``trigger``."""
    return {(e["modality"], e["negated"]) for e in nlp(text)._.events if e["trigger"] == trigger}


def counted(nlp: Language, text: str, trigger: str) -> bool:
    return any(e["counted"] for e in nlp(text)._.events if e["trigger"] == trigger)


# Negation: a phrasal verb of refusal, "resist", "rather than", cancelling verbs, a "neither ... nor" subject.

def test_a_gerund_ruled_out_is_negated(nlp: Language) -> None:
    assert coded(nlp, "Kenya has ruled out sending troops to Somalia.", "sending") == {("asserted", True)}


def test_a_participle_after_a_comma_is_not_what_was_ruled_out(nlp: Language) -> None:
    assert coded(nlp, "All have ruled out joining the strikes on Sudan, while praising Kenya.", "praising") \
        == {("asserted", False)}


def test_a_gerund_resisted_is_negated(nlp: Language) -> None:
    assert coded(nlp, "Kenya has resisted arming the rebels in Sudan.", "arming") == {("asserted", True)}


def test_a_verb_after_rather_than_is_negated(nlp: Language) -> None:
    assert coded(nlp, "Egypt abstained from the vote rather than vetoing the resolution.", "vetoing") \
        == {("asserted", True)}


def test_a_plain_coordination_is_not_negated(nlp: Language) -> None:
    assert coded(nlp, "Egypt criticized Sudan and attacked Libya.", "attacked") == {("asserted", False)}


def test_an_event_missed_or_ruled_out_is_negated(nlp: Language) -> None:
    assert coded(nlp, "Kenya missed the summit with Uganda.", "summit") == {("asserted", True)}
    assert coded(nlp, "Kenya ruled out an invasion of Uganda.", "invasion") == {("asserted", True)}


def test_a_neither_nor_subject_negates_the_act(nlp: Language) -> None:
    assert coded(nlp, "Neither Kenya nor Uganda accepted the proposal from Sudan.", "accepted") \
        == {("asserted", True)}


# Hypothetical: an indirect question with a modal, a present-tense "as long as" clause, a noun of possibility,
# an act asked for or proposed, a clause a negated verb of knowing does not affirm, an extraposed infinitive.

def test_an_act_asked_about_with_how_and_a_modal_is_hypothetical(nlp: Language) -> None:
    assert not counted(nlp, "Kenya refused to say how it will punish Uganda.", "punish")
    assert ("hypothetical", False) in coded(nlp, "Kenya refused to say how it will punish Uganda.", "punish")


def test_an_act_told_with_how_in_the_past_stays_asserted(nlp: Language) -> None:
    assert coded(nlp, "Kenya described how it punished Uganda.", "punished") == {("asserted", False)}


def test_a_present_clause_under_as_long_as_is_hypothetical(nlp: Language) -> None:
    assert coded(nlp, "As long as Uganda arms the rebels, Kenya will close the border.", "arms") \
        == {("hypothetical", False)}
    assert coded(nlp, "Kenya will withdraw its troops as soon as Uganda attacks Sudan.", "attacks") \
        == {("hypothetical", False)}


def test_a_past_clause_under_as_long_as_stays_asserted(nlp: Language) -> None:
    assert coded(nlp, "As long as Uganda armed the rebels, Kenya kept the border closed.", "armed") \
        == {("asserted", False)}


def test_an_event_a_noun_of_possibility_names_is_hypothetical(nlp: Language) -> None:
    assert coded(nlp, "Kenya warned of the risk of an invasion of Uganda.", "invasion") == {("hypothetical", False)}


def test_an_event_called_for_or_proposed_is_hypothetical(nlp: Language) -> None:
    assert coded(nlp, "Kenya called for talks with Uganda.", "talks") == {("hypothetical", False)}
    assert coded(nlp, "The union proposed a general strike against Kenya.", "strike") == {("hypothetical", False)}
    assert coded(nlp, "Kenya suggested inviting Uganda to the summit.", "inviting") == {("hypothetical", False)}


def test_talks_held_for_a_purpose_stay_asserted(nlp: Language) -> None:
    assert coded(nlp, "Kenya held talks with Uganda for two days.", "talks") == {("asserted", False)}


def test_a_clause_not_confirmed_is_hypothetical(nlp: Language) -> None:
    assert coded(nlp, "Kenya did not confirm that Uganda attacked Sudan.", "attacked") == {("hypothetical", False)}


def test_a_clause_confirmed_is_asserted(nlp: Language) -> None:
    assert coded(nlp, "Kenya confirmed that Uganda attacked Sudan.", "attacked") == {("asserted", False)}


def test_an_infinitive_extraposed_or_under_if_is_no_schedule(nlp: Language) -> None:
    assert not counted(nlp, "Kenya said it would be a mistake to attack Uganda.", "attack")
    assert not counted(nlp, "It would be war if Kenya were to attack Uganda.", "attack")


def test_a_doer_scheduled_by_be_to_keeps_its_intent(nlp: Language) -> None:
    # "Kenya is to meet Uganda on Friday": scheduled, the intent (036) is coded and counted
    events = [e for e in nlp("Kenya is to meet Uganda on Friday.")._.events if e["trigger"] == "meet"]
    assert any(e["cameo"] == "036" and e["counted"] for e in events)


# Mend (review of modality42): the subject of a clause a negated verb of knowing does not affirm is presupposed;
# each cue rule names itself in evidence.rules.modality_cue, which no model reads.

def test_the_subject_of_a_clause_not_believed_stays_asserted(nlp: Language) -> None:
    assert coded(nlp, "Kenya did not think the talks with Uganda were useful.", "talks") == {("asserted", False)}


def test_an_event_object_in_a_clause_not_confirmed_is_hypothetical(nlp: Language) -> None:
    assert coded(nlp, "Kenya did not confirm that Uganda launched an attack on Sudan.", "attack") \
        == {("hypothetical", False)}


def cues(nlp: Language, text: str, trigger: str) -> set[str | None]:
    return {e["evidence"]["rules"].get("modality_cue") for e in nlp(text)._.events if e["trigger"] == trigger}


def test_each_cue_rule_names_itself(nlp: Language) -> None:
    assert cues(nlp, "Kenya has ruled out sending troops to Somalia.", "sending") == {"negating_verb"}
    assert cues(nlp, "Kenya missed the summit with Uganda.", "summit") == {"cancelling_verb"}
    assert cues(nlp, "Neither Kenya nor Uganda accepted the proposal from Sudan.", "accepted") == {"neither_subject"}
    assert cues(nlp, "Kenya refused to say how it will punish Uganda.", "punish") == {"indirect_question"}
    assert cues(nlp, "As long as Uganda arms the rebels, Kenya will close the border.", "arms") == {"pending_clause"}
    assert cues(nlp, "Kenya warned of the risk of an invasion of Uganda.", "invasion") == {"possibility_noun"}
    assert cues(nlp, "Kenya called for talks with Uganda.", "talks") == {"proposed_event"}
    assert cues(nlp, "Kenya suggested inviting Uganda to the summit.", "inviting") == {"proposal_verb"}
    assert cues(nlp, "Kenya did not confirm that Uganda attacked Sudan.", "attacked") == {"unaffirmed_clause"}
    assert cues(nlp, "It is important to meet Uganda, Kenya said.", "meet") == {"extraposed"}


def test_an_asserted_act_names_no_cue(nlp: Language) -> None:
    assert cues(nlp, "Kenya confirmed that Uganda attacked Sudan.", "attacked") == {None}


def test_the_cue_name_is_no_feature_of_the_models(nlp: Language) -> None:
    from dateline.confidence import MODALITY_CUE_KEY, event_features

    doc = nlp("Kenya missed the summit with Uganda.")
    event = next(e for e in doc._.events if e["trigger"] == "summit")
    assert event["evidence"]["rules"][MODALITY_CUE_KEY] == "cancelling_verb"
    plain = {**event, "evidence": {**event["evidence"], "rules": {
        k: v for k, v in event["evidence"]["rules"].items() if k != MODALITY_CUE_KEY}}}
    assert event_features(event, doc) == event_features(plain, doc)
