"""Verbal acts told in a participle or gerund (issue 11, recall, session 40: recall40): an appeal, demand,
disapproval, rejection or threat said in the same breath as another act ("..., accusing it of"), made by a
text ("a letter urging"), or after "in"/"after" ("joined X in calling for") is done, not a description
(``events.triggers._verbal_adjunct``, ``_speaking_document``, ``_verbal_act``). A protest's demand, a
refusal's counter-proposal and the gerunds of an accusation's "of" stay parts of the one act. Sentences
written for these tests."""

from __future__ import annotations

from spacy.language import Language


def events_on(nlp: Language, text: str, trigger: str) -> list[tuple[str, str | None, str | None, str]]:
    return [(e["cameo"], (e["source"] or {}).get("country"), (e["target"] or {}).get("country"), e["modality"])
            for e in nlp(text)._.events if e["trigger"] == trigger]


def test_an_accusation_after_the_act_it_goes_with_is_made_whoever_it_names(nlp: Language) -> None:
    # a pronoun object names no party itself: _trailing_adjunct alone left it "reported"
    events = events_on(nlp, "Kenya closed its border with Uganda on Monday, accusing it of arming the rebels.", "accusing")
    assert ("112", "KEN", "UGA", "asserted") in events


def test_a_letter_urging_an_actor_is_an_appeal_made(nlp: Language) -> None:
    events = events_on(nlp, "Kenya published a letter urging Uganda to withdraw its troops.", "urging")
    assert ("020", "KEN", "UGA", "asserted") in events


def test_a_statement_accusing_an_actor_is_an_accusation_made(nlp: Language) -> None:
    # "statement" is also a report noun ("Obama's statement that the regime attacked"): a claim there, an act here
    events = events_on(nlp, "Kenya issued a statement accusing Uganda of arming the rebels.", "accusing")
    assert ("112", "KEN", "UGA", "asserted") in events


def test_joining_another_in_calling_for_is_an_appeal_made(nlp: Language) -> None:
    events = events_on(nlp, "Kenya joined Tanzania in calling for Uganda to withdraw its troops.", "calling")
    assert ("020", "KEN", "UGA", "asserted") in events


def test_a_protests_demand_stays_part_of_the_protest(nlp: Language) -> None:
    # the comma sets the participle off after its clause, so only the 12/14 guard of _verbal_adjunct keeps it out
    text = "Thousands of Kenyans demonstrated in Nairobi on Sunday, demanding that Uganda withdraw its troops."
    events = events_on(nlp, text, "demanding")
    assert events and all(modality != "asserted" for *_, modality in events)


def test_a_refusals_counter_proposal_stays_part_of_the_refusal(nlp: Language) -> None:
    text = "Kenya rejected the proposal, urging the counterpart to sign another accord instead."
    assert all(modality != "asserted" for *_, modality in events_on(nlp, text, "urging"))


def test_an_appeal_after_an_accusations_of_is_what_it_says(nlp: Language) -> None:
    # "urging" trails "accused" after a comma and names no party itself ("it"): the guard on a prepositional
    # gerund before it (_verbal_adjunct) keeps it part of the accusation, not an appeal made
    text = "Kenya accused Uganda of violating the treaty, urging it to withdraw its troops."
    events = events_on(nlp, text, "urging")
    assert events and all(modality != "asserted" for *_, modality in events)


def test_a_verbal_gerund_after_since_or_following_is_done(nlp: Language) -> None:
    for text in ("Kenya closed the border with Uganda since accusing it of arming the rebels.",
                 "Kenya closed the border with Uganda following accusing it of arming the rebels."):
        assert ("112", "KEN", "UGA", "asserted") in events_on(nlp, text, "accusing"), text


def test_a_verbal_gerund_is_as_done_as_the_verb_it_is_told_with(nlp: Language) -> None:
    # the gerund takes the governing verb's modality and negation (modality._modality), not "asserted" always
    for text in ("Kenya did not join Tanzania in calling for Uganda to withdraw its troops.",
                 "Kenya could join Tanzania in calling for Uganda to withdraw its troops.",
                 "Kenya has refused to join Tanzania in calling for Uganda to withdraw its troops."):
        events = [e for e in nlp(text)._.events if e["trigger"] == "calling"]
        assert events and not any(e["counted"] for e in events), text
    text = "Kenya could close the border following accusing Uganda of arming the rebels."
    events = events_on(nlp, text, "accusing")
    assert events and all(modality == "hypothetical" for *_, modality in events)
    text = "Kenya will meet Uganda on Friday after demanding talks."
    events = events_on(nlp, text, "demanding")
    assert events and all(modality != "asserted" for *_, modality in events)


def test_a_verbal_gerund_after_a_noun_is_what_the_noun_is_about(nlp: Language) -> None:
    for text in ("Kenya has no interest in threatening Uganda.", "Kenya plays no role in threatening Uganda."):
        events = [e for e in nlp(text)._.events if e["trigger"] == "threatening"]
        assert events and not any(e["counted"] for e in events), text


def test_a_participle_on_a_name_is_done_by_a_person_not_a_place(nlp: Language) -> None:
    # a person's or group's name makes the act (_speaking_document's name branch); a place's name does not:
    # "Kampala urging" falls to the relative-clause rules, not to _speaking_document under _modality
    text = "Museveni urging Kenya to withdraw its troops is a new step."
    events = [e for e in nlp(text)._.events if e["trigger"] == "urging"]
    assert events and all(e["modality"] == "asserted" and e["evidence"]["rules"]["modality"] == "_modality"
                          for e in events)
    text = "Kampala urging Kenya to withdraw its troops is a new step."
    events = [e for e in nlp(text)._.events if e["trigger"] == "urging"]
    assert events and all(e["evidence"]["rules"]["modality"] != "_modality" for e in events)


def test_a_letter_is_as_done_as_the_clause_it_is_sent_in(nlp: Language) -> None:
    events = [e for e in nlp("Kenya denied sending a letter urging Uganda to withdraw.")._.events
              if e["trigger"] == "urging"]
    assert events and not any(e["counted"] for e in events)


def test_a_letter_someone_received_is_not_the_receivers_appeal(nlp: Language) -> None:
    events = [e for e in nlp("Uganda received a letter urging it to withdraw its troops.")._.events
              if e["trigger"] == "urging"]
    assert events and all(e["modality"] == "reported" and not e["counted"] for e in events)


def test_a_letter_from_an_actor_is_its_appeal(nlp: Language) -> None:
    events = events_on(nlp, "Uganda received a letter from Kenya urging it to withdraw.", "urging")
    assert events and all(source == "KEN" and modality == "asserted" for _, source, _, modality in events)
