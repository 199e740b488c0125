"""Event sources (issue 11, the sources part) on sentences written for these tests, parsed by the
real spaCy pipeline: the country of a source that has none of its own."""

from __future__ import annotations

from spacy.language import Language


STORY = "Russia and Iran signed an oil deal with China on Monday. The White House said it was studying the deal. "


def source_codes(nlp: Language, text: str, trigger: str) -> list[str | None]:
    doc = nlp(text)
    return [(e["source"] or {}).get("code") for e in doc._.events if e["trigger"] == trigger]


def test_a_domestic_body_acting_on_a_states_organ_may_be_of_that_state(nlp: Language) -> None:
    # "lawmakers urged the White House": no country of their own, none dominating the story; the
    # White House's country is no longer left out of the countries named around them (nearby_country)
    assert source_codes(nlp, STORY + "Lawmakers urged the White House to respond.", "urged") == ["USALEG"]


def test_a_group_of_no_domestic_sector_still_leaves_the_targets_country_out(nlp: Language) -> None:
    # protesters (OPP) are not a domestic body (cue domestic_sector): the country named most around
    # them other than the target's, as before
    assert source_codes(nlp, STORY + "Protesters criticized the White House.", "criticized") == ["CHNOPP"]
