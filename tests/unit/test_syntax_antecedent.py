"""The one search for a pronoun's antecedent (dateline.syntax.antecedent), on sentences written for
this test and parsed by the real pipeline; the candidates are what the caller says fits."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Span

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


def test_subject_here_prefers_the_subject_of_its_own_sentence(nlp: Language) -> None:
    doc = nlp("Ana Ruiz told Carla Diaz that she would stay.")
    she = next(t for t in doc if t.lower_ == "she")
    candidates = [(0, 2, "Ruiz"), (3, 5, "Diaz")]
    assert syntax.antecedent(she, candidates, sentences=1) == "Diaz"
    assert syntax.antecedent(she, candidates, sentences=1, subject_here=True) == "Ruiz"


def test_earlier_sentence_first_or_last_and_the_callers_subject(nlp: Language) -> None:
    doc = nlp("The envoy of Juan Perez said Maria Lopez had won. Then she left.")
    she = next(t for t in doc if t.lower_ == "she")
    candidates = [(3, 5, "Perez"), (6, 8, "Lopez")]
    assert syntax.antecedent(she, candidates, sentences=1) == "Lopez"
    assert syntax.antecedent(she, candidates, sentences=1, earlier="first") == "Perez"
    # no candidate is the main verb's subject ("envoy" is): the first; any clause's subject: Lopez
    assert syntax.antecedent(she, candidates, sentences=1, subject_first=True, earlier="first") == "Perez"

    def clause_subject(span: Span) -> bool:
        return span.root.dep_ in ("nsubj", "nsubjpass")

    assert syntax.antecedent(she, candidates, sentences=1, subject_first=True, earlier="first",
                             subject=clause_subject) == "Lopez"


def test_missed_names_only_where_a_sentence_has_none(nlp: Language) -> None:
    doc = nlp("Maria Lopez thanked Juan Perez. Then she left.")
    she = next(t for t in doc if t.lower_ == "she")
    asked: list[str] = []

    def missed(sent: Span) -> list[tuple[int, int, str]]:  # names the caller's mentions missed
        asked.append(sent.text)
        return [(0, 2, "missed Lopez")]

    assert syntax.antecedent(she, [], sentences=1, missed=missed) == "missed Lopez"
    assert syntax.antecedent(she, [(3, 5, "Perez")], sentences=1, missed=missed) == "Perez"
    assert asked == ["Then she left.", "Maria Lopez thanked Juan Perez.", "Then she left."]
