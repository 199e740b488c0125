"""Pronoun sources (session 27, branch pronouns) on sentences written for these tests, parsed by the
real spaCy pipeline: which actor named before a pronoun subject it stands for."""

from __future__ import annotations

from spacy.language import Language


def sides(nlp: Language, text: str, trigger: str) -> list[tuple[str | None, str | None]]:
    doc = nlp(text)
    return [((e["source"] or {}).get("code"), (e["target"] or {}).get("code"))
            for e in doc._.events if e["trigger"] == trigger]


def test_they_takes_the_subject_of_the_sentence_before_not_the_body_named_last(nlp: Language) -> None:
    # the Security Council is the last actor of the sentence before, but "they" are the states that
    # condemned (events.sides._last_actor_before: the main subject first)
    text = ("Britain, France and Germany condemned North Korea's missile tests at the United Nations "
            "Security Council on Thursday. They urged Pyongyang to stop the tests.")
    assert sides(nlp, text, "urged") == [("GBR", "PRKGOV")]


def test_they_takes_the_subject_not_the_country_its_act_was_about(nlp: Language) -> None:
    text = "Germany and Italy criticized the sanctions against Russia on Monday. They urged Moscow to release the prisoners."
    assert sides(nlp, text, "urged") == [("DEU", "RUSGOV")]


def test_he_takes_the_subject_of_a_reported_clause_before_the_person_named_last(nlp: Language) -> None:
    # the main verb's subject is no person ("a report"): the first subject of any clause, Kerry,
    # not Putin, the object (actors.coreference._antecedent)
    text = "A State Department report said John Kerry had met Vladimir Putin in Geneva. He criticized Iran on Monday."
    assert sides(nlp, text, "criticized") == [("USAGOV", "IRN")]
    text = "The report said Angela Merkel had met Vladimir Putin in Berlin. She criticized Iran on Monday."
    assert sides(nlp, text, "criticized") == [("DEUGOV", "IRN")]


def test_a_quoted_she_looks_two_sentences_back_for_the_person(nlp: Language) -> None:
    # a pronoun inside a quotation is not linked by the actors stage; the events stage now looks
    # back two sentences (as the actors stage does) for the person, not one
    text = ('Prime Minister Theresa May visited Paris on Monday. "The talks were useful," a spokesman said. '
            '"She urged Iran to release the prisoners."')
    assert sides(nlp, text, "urged") == [("GBRGOV", "IRN")]
