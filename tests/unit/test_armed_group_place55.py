"""Session 55 (hP): a state's fighting whose only target is the place it is done in ("airstrikes in Syria",
"dropped bombs inside Iraq") is aimed at the placeless armed group named around it, as one with no target named
(actors.countries.armed_group_target, ARMED_GROUP_PLACES; docs/annotation.md D3d, D11a). Sentences written for
these tests."""

from __future__ import annotations

from spacy.language import Language


def _targets(nlp: Language, text: str, trigger: str) -> list[tuple[str | None, str | None]]:
    doc = nlp(text)
    found = [((e["target"] or {}).get("code"), e["evidence"]["rules"].get("target"))
             for e in doc._.events if e["trigger"] == trigger]
    assert found, f"no event on {trigger!r}"
    return found


def test_airstrikes_in_a_country_are_aimed_at_the_group_named_before(nlp: Language) -> None:
    # "_place_targets": the named place after the noun; the group holds it
    found = _targets(nlp, "Islamic State fighters still hold the border towns. American jets carried out airstrikes "
                          "in Syria on Monday.", "airstrikes")
    assert found == [("IMGMUSISI", "armed_group_target")]


def test_bombs_dropped_inside_a_country_are_aimed_at_the_group_named_before(nlp: Language) -> None:
    # "target_of_place": the verb's place phrase
    found = _targets(nlp, "The Islamic State seized the dam in June. British warplanes dropped bombs inside Iraq on "
                          "Friday.", "dropped")
    assert found == [("IMGMUSISI", "armed_group_target")]


def test_airstrikes_in_a_country_keep_the_place_with_no_group_named(nlp: Language) -> None:
    found = _targets(nlp, "Local rebels held the valley for a year. American warplanes carried out airstrikes in "
                          "Syria on Tuesday.", "airstrikes")
    assert all(code == "SYR" for code, _rule in found)


def test_a_police_raid_in_a_city_keeps_the_place(nlp: Language) -> None:
    # not a state's armed forces' fighting: police (COP) and an arrest keep the place
    doc = nlp("The Islamic State claimed the bombing. Belgian police arrested four men in Brussels on Sunday.")
    found = [(e["target"] or {}).get("country") for e in doc._.events if e["trigger"] == "arrested"]
    assert found and all(t != "IMG" for t in found)
