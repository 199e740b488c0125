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


# appeal_clauses: what another should do is an appeal (020), what it should have done a reproach (111)


def test_what_another_should_do_is_an_appeal(nlp: Language) -> None:
    # one appeal, whichever of the two rules (the statement's content, the clause's subject) emits it
    events = said(nlp, "The Kenyan foreign minister said Uganda should be more careful.")
    assert [e[:3] for e in events] == [("020", "Kenyan foreign minister", "Uganda")]
    assert events[0][3] in ("_appeal_content", "_appeal_in_statement")


def test_what_another_should_do_from_a_frame_is_an_appeal_to_it(nlp: Language) -> None:
    events = said(nlp, "The Kenyan foreign minister said Uganda should withdraw its troops from the border.")
    assert ("020", "Kenyan foreign minister", "Uganda", "_appeal_in_statement") in events


def test_what_another_must_do_stays_a_demand(nlp: Language) -> None:
    assert said(nlp, "The Kenyan foreign minister said Uganda must withdraw its troops from the border.")[0][0] == "100"


def test_what_another_should_have_done_is_criticism(nlp: Language) -> None:
    assert said(nlp, "The Kenyan foreign minister said Uganda should have withdrawn its troops from the border.") == [
        ("111", "Kenyan foreign minister", "Uganda", "_reproach_in_statement")]


def test_an_inverted_condition_is_no_appeal(nlp: Language) -> None:
    events = said(nlp, "Should Uganda withdraw its troops, Kenya would welcome it, the Kenyan foreign minister said.")
    assert not any(code in ("020", "111") for code, *_ in events)


def test_a_thing_that_should_be_done_is_no_appeal_to_anyone(nlp: Language) -> None:
    assert said(nlp, "The Kenyan foreign minister said the issue should be decided in Nairobi.")[0][0] == "010"


# senses.tsv `claim actor_clause`: claiming that another actor did or is something accuses it (112)


def claimed(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    return [(e["cameo"], e["evidence"]["rules"].get("code")) for e in nlp(text)._.events
            if e["trigger"] in ("claimed", "claims")]


def test_a_claim_about_another_actor_accuses_it(nlp: Language) -> None:
    assert claimed(nlp, "The Kenyan government claimed Ugandan soldiers had crossed the border.") == [("112", "_sense")]


def test_a_claim_about_a_named_state_accuses_it(nlp: Language) -> None:
    assert claimed(nlp, "Kenya claims that Uganda has broken the ceasefire.") == [("112", "_sense")]


def test_a_claim_about_oneself_is_a_statement(nlp: Language) -> None:
    assert [c for c, _ in claimed(nlp, "The Kenyan government claimed it had acted within the law.")] != ["112"]


def test_a_claim_to_have_done_is_no_accusation(nlp: Language) -> None:
    assert [c for c, _ in claimed(nlp, "The rebel group claimed to have shot down a Kenyan helicopter.")] != ["112"]


# OWN_ACCOUNT_CODES: an acknowledgement (015) or a denial (016) names the blame it accounts for: no criticism


def codes_of(nlp: Language, text: str, trigger: str) -> list[str]:
    return [e["cameo"] for e in nlp(text)._.events if e["trigger"] == trigger]


def test_an_acknowledged_mistake_stays_an_acknowledgement(nlp: Language) -> None:
    assert codes_of(nlp, "The Kenyan army acknowledged that the strike on the Ugandan village had been a mistake.",
                    "acknowledged") == ["015"]


def test_a_denied_blame_stays_a_denial(nlp: Language) -> None:
    assert codes_of(nlp, "The Kenyan government denied that its soldiers had fomented the unrest in Uganda.",
                    "denied") == ["016"]


# cues accusation_word / criticism_word (session 26 said11): deceit, neglect and illegitimacy said of another are 11x


def test_calling_another_untruthful_accuses_it(nlp: Language) -> None:
    # one accusation, whichever of the two rules (the statement's content, the clause's predicate) emits it
    events = said(nlp, "The Kenyan foreign minister said Uganda had been untruthful about its troops.")
    assert [e[:3] for e in events] == [("112", "Kenyan foreign minister", "Uganda")]
    assert events[0][3] in ("_disapproval", "_judgement_in_statement")


def test_denying_another_was_untruthful_is_a_statement(nlp: Language) -> None:
    assert said(nlp, "The Kenyan foreign minister said Uganda was not untruthful about its troops.")[0][0] == "010"


def test_slander_in_a_quotation_accuses(nlp: Language) -> None:
    assert said(nlp, "“Uganda has run a campaign of slander against our country,” the Kenyan foreign minister said.")[0][0] \
        == "112"


def test_what_another_lacked_or_forgot_is_criticism(nlp: Language) -> None:
    assert said(nlp, "The Kenyan foreign minister said Uganda lacked a strategy for the talks.")[0][0] == "111"
    assert said(nlp, "The Kenyan foreign minister said Uganda had forgotten its promises to the refugees.")[0][0] == "111"


def test_what_another_has_not_forgotten_is_no_criticism(nlp: Language) -> None:
    assert said(nlp, "The Kenyan foreign minister said Uganda had not forgotten its promises to the refugees.")[0][0] == "010"


def test_an_illegitimate_election_is_criticism(nlp: Language) -> None:
    assert said(nlp, "The Kenyan foreign minister said the Ugandan election was illegitimate.")[0][0] == "111"


# accusation_clauses (session 35 said35): a clause that says another did wrong is the speaker's accusation (112) or
# criticism (111) of it, coded on the speech verb also when the clause's own verb codes an act (an attribution frame)


def test_a_violation_said_of_another_accuses_it(nlp: Language) -> None:
    assert said(nlp, "The Kenyan foreign minister said Uganda had violated the border accord.") == [
        ("112", "Kenyan foreign minister", "Uganda", "_wrongdoing_in_statement")]


def test_a_lie_in_a_quotation_accuses(nlp: Language) -> None:
    assert said(nlp, "“Uganda lied to the United Nations,” the Kenyan foreign minister said.") == [
        ("112", "Kenyan foreign minister", "Uganda", "_wrongdoing_in_statement")]


def test_a_failure_said_of_another_is_criticism(nlp: Language) -> None:
    assert said(nlp, "The Kenyan foreign minister said Uganda had failed to protect the refugees.") == [
        ("111", "Kenyan foreign minister", "Uganda", "_wrongdoing_in_statement")]


def test_a_wrong_in_a_coordinated_clause_accuses(nlp: Language) -> None:
    assert ("112", "Kenyan foreign minister", "Uganda", "_wrongdoing_in_statement") in said(
        nlp, "The Kenyan foreign minister said Uganda signed the accord and then violated it.")


def test_judging_what_another_said_criticises_its_owner(nlp: Language) -> None:
    assert said(nlp, "The Kenyan foreign minister said Uganda's remarks were irresponsible.") == [
        ("111", "Kenyan foreign minister", "Uganda", "_judgement_in_statement")]


def test_a_mistake_another_made_is_criticism(nlp: Language) -> None:
    assert said(nlp, "The Kenyan foreign minister said Uganda had made a serious mistake.") == [
        ("111", "Kenyan foreign minister", "Uganda", "_judgement_in_statement")]


def test_a_negated_violation_accuses_no_one(nlp: Language) -> None:
    assert said(nlp, "The Kenyan foreign minister said Uganda had not violated the accord.") == [
        ("010", "Kenyan foreign minister", "Uganda", "_verb_entry")]


def test_a_violation_under_a_condition_accuses_no_one(nlp: Language) -> None:
    # the condition is the clause itself (its verb is the wrong): "unless" / "if" on the head
    for text in ("The Kenyan foreign minister said Kenya would respond if Uganda violated the accord.",
                 "The Kenyan foreign minister said that if Uganda violated the accord, Kenya would respond.",
                 "The Kenyan foreign minister said Uganda violated the accord only if its troops crossed."):
        events = said(nlp, text)
        assert not any(rule in ("_wrongdoing_in_statement", "_judgement_in_statement") for *_, rule in events), text


def test_a_forecast_wrong_accuses_no_one(nlp: Language) -> None:
    # a modal clause forecasts (or threatens): no wrong is said to have been done
    events = said(nlp, "The Kenyan foreign minister said Uganda will break the ceasefire.")
    assert not any(rule in ("_wrongdoing_in_statement", "_judgement_in_statement") for *_, rule in events)


def test_a_phrasal_break_is_no_wrong(nlp: Language) -> None:
    for text in ("The Kenyan foreign minister said Uganda broke off the talks.",
                 "The Kenyan foreign minister said the talks with Uganda broke down."):
        events = said(nlp, text)
        assert not any(rule == "_wrongdoing_in_statement" for *_, rule in events), text
    # the verb with no particle still is one
    assert ("112", "Kenyan foreign minister", "Uganda", "_wrongdoing_in_statement") in said(
        nlp, "The Kenyan foreign minister said Uganda broke the ceasefire.")


def test_an_object_is_a_judgement_only_behind_a_light_verb(nlp: Language) -> None:
    assert not any(rule == "_judgement_in_statement" for *_, rule in said(
        nlp, "The Kenyan foreign minister said Uganda rejected the criticism."))


def test_an_accusation_keeps_the_statement_s_modality(nlp: Language) -> None:
    doc = nlp("The Kenyan foreign minister may say Uganda violated the accord.")
    found = [(e["cameo"], e["modality"]) for e in doc._.events
             if e["evidence"]["rules"]["code"] == "_wrongdoing_in_statement"]
    assert found and all(modality != "asserted" for _, modality in found)


def test_lies_of_place_accuse_no_one(nlp: Language) -> None:
    # the cue is the form "lied": "lies 50 kilometres from" is where a place is
    events = said(nlp, "The Ugandan foreign minister said Kenya lies about 50 kilometres from the border.")
    assert not any(code[:2] == "11" for code, *_ in events)


def test_breaking_a_silence_accuses_no_one(nlp: Language) -> None:
    # cue idiom "break silence": speaking at last is no broken accord
    events = said(nlp, "The Kenyan foreign minister said Uganda's president had broken his silence on the raid.")
    assert not any(rule == "_wrongdoing_in_statement" for *_, rule in events)


def test_a_disapproval_the_subject_voices_is_its_own_act(nlp: Language) -> None:
    # "Kenya condemns the raid" is Kenya's criticism, coded on "condemns", not the speaker's of Kenya
    text = "The Ugandan foreign minister said Kenya strongly condemns the raid."
    events = said(nlp, text)
    assert not any(rule == "_wrongdoing_in_statement" for *_, rule in events)
    # and Kenya's own criticism is coded (else nothing above says whose act it is)
    assert [(e["cameo"], (e["source"] or {}).get("code")) for e in nlp(text)._.events
            if e["trigger"] == "condemns"] == [("111", "KEN")]


def test_the_speakers_own_failure_accuses_no_one(nlp: Language) -> None:
    assert said(nlp, "“We have failed the refugees,” the Kenyan foreign minister said.") == []


def test_a_speaker_that_is_no_actor_accuses_no_one(nlp: Language) -> None:
    assert said(nlp, "Witnesses said Uganda had violated the accord.") == []


def test_a_judgement_under_a_modal_is_still_one(nlp: Language) -> None:
    # a wrong forecast is no wrong done, but a plan judged ("would be a mistake") is criticism of its owner
    assert said(nlp, "The Kenyan foreign minister said Uganda's decision would be irresponsible.") == [
        ("111", "Kenyan foreign minister", "Uganda", "_judgement_in_statement")]


# need_clauses: what another needs to do, in the present, is advice: an appeal (020) on "need" (session 53, hI)


def need(nlp: Language, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(e["cameo"], (e["source"] or {}).get("text"), (e["target"] or {}).get("text"),
             e["evidence"]["rules"].get("code")) for e in nlp(text)._.events if e["trigger"].lower().startswith("need")]


def test_what_another_needs_to_do_is_an_appeal_on_need(nlp: Language) -> None:
    events = need(nlp, "The Kenyan foreign minister said Uganda needs to withdraw its troops from the border.")
    assert [e[0] for e in events] == ["020"] and events[0][2] == "Uganda" and events[0][3] == "_need_in_statement"
    assert "Kenyan foreign minister" in str(events[0][1])


def test_what_another_needed_to_do_is_no_appeal(nlp: Language) -> None:
    assert not any(e[3] == "_need_in_statement"
                   for e in need(nlp, "The Kenyan foreign minister said Uganda needed to withdraw its troops from the border."))


def test_a_negated_need_is_no_appeal(nlp: Language) -> None:
    assert not any(e[3] == "_need_in_statement"
                   for e in need(nlp, "The Kenyan foreign minister said Uganda does not need to withdraw its troops."))


def test_a_thing_that_needs_to_be_done_is_no_appeal(nlp: Language) -> None:
    assert not any(e[3] == "_need_in_statement"
                   for e in need(nlp, "The Kenyan foreign minister said Uganda's concerns need to be addressed quickly."))


def test_a_common_noun_subject_of_need_is_no_appeal(nlp: Language) -> None:
    # the side finder guesses who "the government" is; only a named subject is read as the one advised
    assert not any(e[3] == "_need_in_statement"
                   for e in need(nlp, "The Kenyan foreign minister said the government needs to act on the border."))
