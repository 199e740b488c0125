"""Session 55 (hP): an armed group's common noun whose own phrase names the Islamic State or al-Qaeda as whose
members they are ("militants from the Islamic State", "extremist groups like al-Qaeda") is that movement, IMG
wherever it acts (actors.countries._own_movement in named_group; docs/annotation.md D3d, D11a), not the country
of the place. Sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language


def _sources(nlp: Language, text: str, trigger: str) -> list[tuple[str | None, str | None, str | None]]:
    doc = nlp(text)
    found = [((e["source"] or {}).get("code"), (e["source"] or {}).get("country"),
              e["evidence"]["rules"].get("source_country")) for e in doc._.events if e["trigger"] == trigger]
    assert found, f"no event on {trigger!r}"
    return found


def test_militants_from_the_islamic_state_are_the_movement(nlp: Language) -> None:
    found = _sources(nlp, "Militants from the Islamic State blew up a bridge near the village on Monday.", "blew")
    assert found == [("IMGMUSISI", "IMG", "named_group")]


def test_a_group_like_al_qaeda_is_the_movement(nlp: Language) -> None:
    found = _sources(nlp, "Extremist groups like al-Qaeda attacked French soldiers in Mali on Sunday.", "attacked")
    assert [(code, country) for code, country, _rule in found] == [("IMGMUSALQ", "IMG")]
    found = _sources(nlp, "Militant groups such as the Islamic State have attacked Iraqi police stations.", "attacked")
    assert [(code, country) for code, country, _rule in found] == [("IMGMUSISI", "IMG")]


def test_fighters_against_the_movement_are_not_the_movement(nlp: Language) -> None:
    # "against" is no preposition of membership: the fighters are not the Islamic State
    doc = nlp("Kurdish fighters against the Islamic State attacked a checkpoint near the town on Monday.")
    found = [(e["source"] or {}).get("code") for e in doc._.events if e["trigger"] == "attacked"]
    assert all(not str(code).startswith("IMGMUSISI") for code in found)


def test_a_group_only_linked_to_the_movement_keeps_its_place(nlp: Language) -> None:
    # docs/annotation.md D11a: "a group linked to al-Qaeda" keeps its country
    doc = nlp("An al-Qaeda-linked group of militants attacked a base in Mali on Monday.")
    found = [(e["source"] or {}).get("country") for e in doc._.events if e["trigger"] == "attacked"]
    assert found and all(country != "IMG" for country in found)
