"""A verb's object that is an act of the source's own state, named only by a country word before it ("pledged
French support for X", "threatened French sanctions against X"), is the source's own act: the target is the party
that act is for or against, not the source's country (session 52, helper hF). Sentences written for these tests,
parsed by the real spaCy pipeline."""

from __future__ import annotations

from spacy.language import Language


def _sides(nlp: Language, text: str, trigger: str) -> list[tuple[str | None, str | None]]:
    doc = nlp(text)
    return [((e["source"] or {}).get("country"), (e["target"] or {}).get("country"))
            for e in doc._.events if e["trigger"] == trigger]


def test_own_support_is_aimed_at_whom_it_is_for(nlp: Language) -> None:
    assert _sides(nlp, "The French president pledged French support for Mali.", "pledged") == [("FRA", "MLI")]


def test_own_sanctions_are_aimed_at_whom_they_are_against(nlp: Language) -> None:
    assert _sides(nlp, "The French president threatened French sanctions against Italy.", "threatened") == [
        ("FRA", "ITA")]


def test_blaming_the_own_states_policy_is_aimed_at_that_state(nlp: Language) -> None:
    # the guard: disapproval of a state's own act or policy is aimed at that state
    assert _sides(nlp, "The Russian minister blamed Russian policy for the crisis.", "blamed") == [("RUS", "RUS")]
