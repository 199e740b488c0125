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
    text = "Thousands of Kenyans demonstrated in Nairobi on Sunday demanding that Uganda withdraw its troops."
    assert all(modality != "asserted" for *_, modality in events_on(nlp, text, "demanding"))


def test_a_refusals_counter_proposal_stays_part_of_the_refusal(nlp: Language) -> None:
    text = "Kenya rejected the proposal, urging the counterpart to sign another accord instead."
    assert all(modality != "asserted" for *_, modality in events_on(nlp, text, "urging"))


def test_the_gerunds_of_an_accusation_are_what_it_says(nlp: Language) -> None:
    text = "Kenya accused Uganda of arming the rebels, ignoring the treaty and sending troops."
    assert all(modality != "asserted" for *_, modality in events_on(nlp, text, "ignoring"))
