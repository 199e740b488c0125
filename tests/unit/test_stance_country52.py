"""A country word joined by a hyphen to a word of stance or backing ("pro-Russian separatists", "Iranian-backed
rebels") names whom a group stands with, not the group's own country (session 52, helper hF). Sentences written
for these tests, parsed by the real spaCy pipeline."""

from __future__ import annotations

from spacy.language import Language


def _codes(nlp: Language, text: str) -> dict[str, str | None]:
    return {actor["name"]: actor["code"] for actor in nlp(text)._.actors}


def _sides(nlp: Language, text: str, trigger: str) -> list[tuple[str | None, str | None]]:
    doc = nlp(text)
    return [((e["source"] or {}).get("country"), (e["target"] or {}).get("country"))
            for e in doc._.events if e["trigger"] == trigger]


def test_a_pro_country_group_takes_the_country_it_acts_in(nlp: Language) -> None:
    text = "Pro-Russian separatists attacked Ukrainian soldiers near the town of Donetsk on Monday."
    assert _codes(nlp, text)["Pro-Russian separatists"] == "REB"  # no country of its own phrase
    assert _sides(nlp, text, "attacked") == [("UKR", "UKR")]


def test_a_backed_group_is_not_its_backers(nlp: Language) -> None:
    codes = _codes(nlp, "Iranian-backed rebels fired missiles at an airport in Yemen.")
    assert not str(codes["Iranian-backed rebels"]).startswith("IRN")


def test_a_plain_demonym_still_gives_the_groups_country(nlp: Language) -> None:
    # the guard: without the hyphenated stance word the demonym is the group's country
    text = "Russian separatists attacked Ukrainian soldiers near the town of Donetsk on Monday."
    assert _sides(nlp, text, "attacked") == [("RUS", "UKR")]
