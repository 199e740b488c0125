"""Appeals told inside a quotation as what someone should or must do (quotes/advice.py, rule ``_quoted_appeal``,
session 51, hB), on sentences written for these tests, parsed by the real spaCy pipeline: the quotation's speaker
appeals to the clause's subject, coded 020 on the modal."""

from __future__ import annotations

from spacy.language import Language


def appeals(nlp: Language, text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(e["trigger"].lower(), e["cameo"], (e["source"] or {}).get("code"), (e["target"] or {}).get("code"))
            for e in nlp(text)._.events if e["evidence"]["rules"].get("code") == "_quoted_appeal"]


def test_a_quotation_whose_speaker_is_named_in_the_sentence_before(nlp: Language) -> None:
    text = ('Prime Minister Benjamin Netanyahu spoke to reporters in Jerusalem on Sunday. "Egypt must open the crossing before '
            'the end of the week. The talks have been long," he said.')
    assert appeals(nlp, text) == [("must", "020", "ISRGOV", "EGY")]


def test_a_quotation_in_a_statement_that_hangs_on_a_noun(nlp: Language) -> None:
    # the parse hangs the clause on "statement", not on "said": the events stage's frame does not reach it
    text = ('Benjamin Netanyahu, the Israeli prime minister, said in a statement that "instead of complaining, Egypt '
            'should open the crossing at Rafah."')
    assert appeals(nlp, text) == [("should", "020", "ISRGOV", "EGY")]


def test_a_clause_the_speech_verb_governs_is_left_to_the_events_stage(nlp: Language) -> None:
    # "X said Y should": _appeal_in_statement on "said", no second appeal on the modal
    text = '"Egypt should open the crossing at Rafah," Prime Minister Benjamin Netanyahu said.'
    assert appeals(nlp, text) == []
    assert any(e["evidence"]["rules"].get("code") == "_appeal_in_statement" for e in nlp(text)._.events)


def test_no_appeal_outside_a_quotation(nlp: Language) -> None:
    assert appeals(nlp, "Prime Minister Benjamin Netanyahu spoke on Sunday. Egypt must open the crossing.") == []


def test_a_negated_clause_is_no_appeal(nlp: Language) -> None:
    text = ('Prime Minister Benjamin Netanyahu spoke to reporters in Jerusalem on Sunday. "Egypt should not close the crossing. '
            'The talks have been long," he said.')
    assert appeals(nlp, text) == []


def test_a_state_is_no_act_asked(nlp: Language) -> None:
    text = ('Prime Minister Benjamin Netanyahu spoke to reporters in Jerusalem on Sunday. "Egypt should be proud of its diplomats. '
            'The talks have been long," he said.')
    assert appeals(nlp, text) == []


def test_the_speaker_speaking_of_itself_is_no_appeal(nlp: Language) -> None:
    text = ('Prime Minister Benjamin Netanyahu spoke to reporters in Jerusalem on Sunday. "We must open the crossing soon. '
            'The talks have been long," he said.')
    assert appeals(nlp, text) == []


def test_a_relative_clause_inside_the_quotation_is_no_appeal(nlp: Language) -> None:
    text = ('Prime Minister Benjamin Netanyahu spoke to reporters in Jerusalem on Sunday. "This is a matter which '
            'Egypt must settle with its neighbours. The talks have been long," he said.')
    assert appeals(nlp, text) == []
