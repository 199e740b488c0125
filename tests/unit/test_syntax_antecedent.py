"""The one search for a pronoun's antecedent (dateline.syntax.antecedent), on sentences written for
this test and parsed by the real pipeline; the candidates are what the caller says fits."""

from __future__ import annotations

from spacy.language import Language

from dateline import syntax


def test_last_candidate_in_its_own_sentence_first(nlp: Language) -> None:
    doc = nlp("Maria Lopez met Juan Perez before she left.")
    she = next(t for t in doc if t.lower_ == "she")
    candidates = [(0, 2, "Lopez"), (3, 5, "Perez")]
    assert syntax.antecedent(she, candidates, sentences=1) == "Perez"


def test_previous_sentence_subject_first_or_last(nlp: Language) -> None:
    doc = nlp("Maria Lopez thanked Juan Perez. Then she left.")
    she = next(t for t in doc if t.lower_ == "she")
    candidates = [(0, 2, "Lopez"), (3, 5, "Perez")]
    assert syntax.antecedent(she, candidates, sentences=1, subject_first=True) == "Lopez"
    assert syntax.antecedent(she, candidates, sentences=1) == "Perez"
    assert syntax.antecedent(she, candidates, sentences=0) is None
    assert syntax.antecedent(she, [], sentences=2) is None
