"""A present participle set off after a coded act, of another kind of act than the one it follows, is an act of its
own, as done as that act (``events.triggers._distinct_adjunct``, rule ``_distinct_adjunct``; session 44,
participle44); one of the act's own kind ("attacked ..., killing") stays part of the one act CAMEO and PLOVER code.
Sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language


def events_on(nlp: Language, text: str, trigger: str) -> list[tuple[str, str, str | None]]:
    return [(e["cameo"][:2], e["modality"], e["evidence"]["rules"].get("modality"))
            for e in nlp(text)._.events if e["trigger"] == trigger]


def test_a_participle_of_another_kind_after_a_done_act_is_an_act_of_its_own(nlp: Language) -> None:
    text = "Kenya hosted the Ugandan president on Monday, promising aid to the refugees."
    assert ("03", "asserted", "_distinct_adjunct") in events_on(nlp, text, "promising")


def test_a_participle_of_the_acts_own_kind_stays_part_of_it(nlp: Language) -> None:
    events = events_on(nlp, "Rebels attacked the town of Juba, killing ten soldiers.", "killing")
    assert events and all(modality == "reported" for _, modality, _ in events)


def test_a_participle_of_another_kind_is_as_done_as_the_act_it_follows(nlp: Language) -> None:
    events = events_on(nlp, "Kenya may host the Ugandan president on Monday, promising aid to the refugees.", "promising")
    assert all(modality != "asserted" for _, modality, _ in events)


def test_a_protests_participle_of_another_kind_stays_part_of_the_protest(nlp: Language) -> None:
    # the 12/14 guard (_adjunct_of_its_own) holds for _distinct_adjunct as for _verbal_adjunct
    text = "Kenya rejected the proposal on Monday, promising aid to the refugees instead."
    assert all(rule != "_distinct_adjunct" for *_, rule in events_on(nlp, text, "promising"))
