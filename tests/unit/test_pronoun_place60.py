"""A subject it/they the actors stage left unlinked does not point back to a place named only as where
something happens (events.sides._no_antecedent, session 60), on sentences written for these tests, parsed
by the real spaCy pipeline."""

from __future__ import annotations

from spacy.language import Language


def sides(nlp: Language, text: str, trigger: str) -> list[tuple[str | None, str | None]]:
    doc = nlp(text)
    return [((e["source"] or {}).get("country"), (e["target"] or {}).get("country"))
            for e in doc._.events if e["trigger"] == trigger]


def test_they_after_a_place_of_gathering_is_the_group_not_the_place(nlp: Language) -> None:
    # "where they": the last actor before the pronoun is the city, a venue; the troops are the doers
    assert sides(nlp, "Kenyan troops gathered in Khartoum, where they attacked a rebel base.", "attacked") == [("KEN", "SDN")]


def test_they_after_a_place_of_arrival_is_the_group_not_the_place(nlp: Language) -> None:
    text = "Kenyan officials arrived in Khartoum on Monday, where they criticized Ethiopia."
    assert sides(nlp, text, "criticized") == [("KEN", "ETH")]


def test_they_still_takes_the_subject_of_the_sentence_before(nlp: Language) -> None:
    # guard: the group is the subject before; the place it was seen in changes nothing
    text = "Protesters gathered in Tehran on Friday. They denounced the Saudi government."
    assert sides(nlp, text, "denounced") == [("IRN", "SAU")]


def test_it_still_takes_a_country_that_acted(nlp: Language) -> None:
    # guard: a country named as the doer before a place of the act stays the antecedent
    text = "Canada condemned the raid in Somalia. It urged Ethiopia to withdraw."
    assert sides(nlp, text, "urged") == [("CAN", "ETH")]
