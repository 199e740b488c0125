"""Praise and blame told inside a quotation whose speaker another sentence names (quotes/judgements.py, rule
``_quoted_judgement``, session 60, mA), on sentences written for these tests, parsed by the real spaCy pipeline: the
quotation's speaker criticises (111) or praises (051) the actor the quoted sentence names, on the judging word."""

from __future__ import annotations

from spacy.language import Language


def judgements(nlp: Language, text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(e["trigger"].lower(), e["cameo"], (e["source"] or {}).get("code"), (e["target"] or {}).get("code"))
            for e in nlp(text)._.events if e["evidence"]["rules"].get("code") == "_quoted_judgement"]


def test_praise_in_a_later_sentence_of_a_quotation(nlp: Language) -> None:
    text = ('"We have waited for months," said German Chancellor Angela Merkel. '
            '"France is a reliable partner and a true friend."')
    assert judgements(nlp, text) == [("reliable", "051", "DEUGOV", "FRA")]


def test_blame_in_a_later_sentence_of_a_quotation(nlp: Language) -> None:
    text = ('"We have waited for months," said German Chancellor Angela Merkel. '
            '"The Ukrainian government has been reckless."')
    assert judgements(nlp, text) == [("reckless", "111", "DEUGOV", "UKRGOV")]


def test_a_sentence_with_its_own_speech_verb_is_left_to_the_events_stage(nlp: Language) -> None:
    text = '"France is a reliable partner," German Chancellor Angela Merkel said.'
    assert judgements(nlp, text) == []


def test_a_pronoun_subject_names_no_one(nlp: Language) -> None:
    text = ('"We have waited for months," said German Chancellor Angela Merkel. '
            '"They are a reliable partner and a true friend."')
    assert judgements(nlp, text) == []


def test_a_negated_or_forecast_judgement_is_none(nlp: Language) -> None:
    text = ('"We have waited for months," said German Chancellor Angela Merkel. '
            '"France is not a reliable partner. Italy will be a true friend."')
    assert judgements(nlp, text) == []


def test_no_judgement_outside_a_quotation(nlp: Language) -> None:
    text = 'German Chancellor Angela Merkel spoke on Monday. France is a reliable partner.'
    assert judgements(nlp, text) == []


def test_the_speakers_own_side_is_no_judgement(nlp: Language) -> None:
    text = ('"We have waited for months," said German Chancellor Angela Merkel. '
            '"France and Germany are true friends. Our soldiers are courageous."')
    assert judgements(nlp, text) == []
