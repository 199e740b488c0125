"""Coded words that are no acts (issue 11, precision), on sentences written for these tests and
parsed by hand: set phrases (cue ``idiom``), participles that describe a state (cue
``degree_adverb``, a bare present passive), and a present-tense clause opened by "when" (cue
``pending_adverb``), which puts a case rather than reports an act."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

import dateline.nlp  # noqa: F401  (registers the Doc extensions)
from dateline.events import code_doc

from handbuilt import Row, parsed_doc


@pytest.fixture(scope="module")
def vocab() -> Vocab:
    return spacy.blank("en").vocab


def build(vocab: Vocab, *sentences: list[Row]) -> Doc:
    return parsed_doc(vocab, *sentences, places=("GPE", "LOC", "NORP"))


def events(doc: Doc) -> list[tuple[str, str, str | None, str | None]]:
    return [(e["trigger"], e["modality"], (e["source"] or {}).get("text"), (e["target"] or {}).get("text"))
            for e in code_doc(doc)._.events if not e["negated"]]


def _met(vocab: Vocab, obj: Row) -> Doc:
    # "Russia met <obj>."
    return build(vocab, [("Russia", "PROPN", "NNP", "nsubj", 1, "Russia", "B-GPE"),
                         ("met", "VERB", "VBD", "ROOT", 0, "meet", "O"),
                         obj,
                         (".", "PUNCT", ".", "punct", -2, ".", "O")])


def test_set_phrase_is_no_act(vocab: Vocab) -> None:
    # "Russia met Iran": a meeting; "Russia met standards": a norm satisfied, no meeting
    assert [e[0] for e in events(_met(vocab, ("Iran", "PROPN", "NNP", "dobj", -1, "Iran", "B-GPE")))] == ["met"]
    assert events(_met(vocab, ("standards", "NOUN", "NNS", "dobj", -1, "standard", "O"))) == []


def test_when_it_comes_to_is_no_arrival(vocab: Vocab) -> None:
    # "Germany is firm when it comes to Iran.": the topic, not a visit to Iran
    doc = build(vocab, [("Germany", "PROPN", "NNP", "nsubj", 1, "Germany", "B-GPE"),
                        ("is", "AUX", "VBZ", "ROOT", 0, "be", "O"),
                        ("firm", "ADJ", "JJ", "acomp", -1, "firm", "O"),
                        ("when", "SCONJ", "WRB", "advmod", 2, "when", "O"),
                        ("it", "PRON", "PRP", "nsubj", 1, "it", "O"),
                        ("comes", "VERB", "VBZ", "advcl", -4, "come", "O"),
                        ("to", "ADP", "IN", "prep", -1, "to", "O"),
                        ("Iran", "PROPN", "NNP", "pobj", -1, "Iran", "B-GPE"),
                        (".", "PUNCT", ".", "punct", -7, ".", "O")])
    assert [e for e in events(doc) if e[0] == "comes" and e[1] == "asserted"] == []


def _guarded(vocab: Vocab, aux: Row, adverb: str) -> Doc:
    # "Iraq <is/was> <adverb> guarded by Iran."
    return build(vocab, [("Iraq", "PROPN", "NNP", "nsubjpass", 3, "Iraq", "B-GPE"),
                         aux,
                         (adverb, "ADV", "RB", "advmod", 1, adverb, "O"),
                         ("attacked", "VERB", "VBN", "ROOT", 0, "attack", "O"),
                         ("by", "ADP", "IN", "agent", -1, "by", "O"),
                         ("Iran", "PROPN", "NNP", "pobj", -1, "Iran", "B-GPE"),
                         (".", "PUNCT", ".", "punct", -3, ".", "O")])


def test_participle_graded_by_degree_is_a_state(vocab: Vocab) -> None:
    was = ("was", "AUX", "VBD", "auxpass", 2, "be", "O")
    is_ = ("is", "AUX", "VBZ", "auxpass", 2, "be", "O")
    # "Iraq was heavily attacked by Iran": the attack is told; "Iraq is heavily attacked": how it stands
    assert [e[:2] for e in events(_guarded(vocab, was, "heavily"))] == [("attacked", "asserted")]
    assert events(_guarded(vocab, is_, "heavily")) == []
    assert [e[:2] for e in events(_guarded(vocab, is_, "again"))] == [("attacked", "asserted")]  # no degree


def _defeated(vocab: Vocab, aux: Row) -> Doc:
    # "Hamas <is/was> defeated in Gaza."
    return build(vocab, [("Hamas", "PROPN", "NNP", "nsubjpass", 2, "Hamas", "B-ORG"),
                         aux,
                         ("defeated", "VERB", "VBN", "ROOT", 0, "defeat", "O"),
                         ("in", "ADP", "IN", "prep", -1, "in", "O"),
                         ("Gaza", "PROPN", "NNP", "pobj", -1, "Gaza", "B-GPE"),
                         (".", "PUNCT", ".", "punct", -3, ".", "O")])


def test_bare_present_passive_is_a_state(vocab: Vocab) -> None:
    told = events(_defeated(vocab, ("was", "AUX", "VBD", "auxpass", 1, "be", "O")))
    assert [e[0] for e in told] == ["defeated"]  # the defeat reported
    assert events(_defeated(vocab, ("is", "AUX", "VBZ", "auxpass", 1, "be", "O"))) == []  # how things stand


def _when(vocab: Vocab, verb: Row) -> Doc:
    # "When Iran <attacks/attacked> Iraq, Syria protests."
    return build(vocab, [("When", "SCONJ", "WRB", "advmod", 2, "when", "O"),
                         ("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"),
                         verb,
                         ("Iraq", "PROPN", "NNP", "dobj", -1, "Iraq", "B-GPE"),
                         (",", "PUNCT", ",", "punct", 3, ",", "O"),
                         ("Syria", "PROPN", "NNP", "nsubj", 1, "Syria", "B-GPE"),
                         ("protests", "VERB", "VBZ", "ROOT", 0, "protest", "O"),
                         (".", "PUNCT", ".", "punct", -1, ".", "O")])


def test_present_when_clause_puts_a_case(vocab: Vocab) -> None:
    past = [e for e in events(_when(vocab, ("attacked", "VERB", "VBD", "advcl", 4, "attack", "O"))) if e[0] == "attacked"]
    assert [e[1] for e in past] == ["asserted"]  # "when Iran attacked Iraq": it did
    present = [e for e in events(_when(vocab, ("attacks", "VERB", "VBZ", "advcl", 4, "attack", "O"))) if e[0] == "attacks"]
    assert present and {e[1] for e in present} == {"hypothetical"}


def _reported(vocab: Vocab, verb: str, lemma: str) -> Doc:
    # "Russia <denied/said> that Iran attacked Iraq."
    return build(vocab, [("Russia", "PROPN", "NNP", "nsubj", 1, "Russia", "B-GPE"),
                         (verb, "VERB", "VBD", "ROOT", 0, lemma, "O"),
                         ("that", "SCONJ", "IN", "mark", 2, "that", "O"),
                         ("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"),
                         ("attacked", "VERB", "VBD", "ccomp", -3, "attack", "O"),
                         ("Iraq", "PROPN", "NNP", "dobj", -1, "Iraq", "B-GPE"),
                         (".", "PUNCT", ".", "punct", -5, ".", "O")])


def test_act_in_a_denied_clause_is_negated(vocab: Vocab) -> None:
    def attacks(doc: Doc) -> list[bool]:
        return [e["negated"] for e in code_doc(doc)._.events if e["trigger"] == "attacked"]
    assert attacks(_reported(vocab, "said", "say")) == [False]
    denied = attacks(_reported(vocab, "denied", "deny"))
    assert denied and all(denied)


def test_act_judged_certain_is_not_asserted(vocab: Vocab) -> None:
    # "Iran is certain to attack Iraq": a forecast, nothing done
    doc = build(vocab, [("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"),
                        ("is", "AUX", "VBZ", "ROOT", 0, "be", "O"),
                        ("certain", "ADJ", "JJ", "acomp", -1, "certain", "O"),
                        ("to", "PART", "TO", "aux", 1, "to", "O"),
                        ("attack", "VERB", "VB", "xcomp", -2, "attack", "O"),
                        ("Iraq", "PROPN", "NNP", "dobj", -1, "Iraq", "B-GPE"),
                        (".", "PUNCT", ".", "punct", -5, ".", "O")])
    attacks = [e for e in code_doc(doc)._.events if e["trigger"] == "attack"]
    assert attacks and {e["modality"] for e in attacks} == {"hypothetical"}


def test_infinitive_with_for_subject_is_hypothetical(vocab: Vocab) -> None:
    # "Russia pushed for Iran to meet Iraq.": the meeting is urged, not held
    doc = build(vocab, [("Russia", "PROPN", "NNP", "nsubj", 1, "Russia", "B-GPE"),
                        ("pushed", "VERB", "VBD", "ROOT", 0, "push", "O"),
                        ("for", "SCONJ", "IN", "mark", 3, "for", "O"),
                        ("Iran", "PROPN", "NNP", "nsubj", 2, "Iran", "B-GPE"),
                        ("to", "PART", "TO", "aux", 1, "to", "O"),
                        ("meet", "VERB", "VB", "advcl", -4, "meet", "O"),
                        ("Iraq", "PROPN", "NNP", "dobj", -1, "Iraq", "B-GPE"),
                        (".", "PUNCT", ".", "punct", -6, ".", "O")])
    meets = [e for e in code_doc(doc)._.events if e["trigger"] == "meet"]
    assert meets and {e["modality"] for e in meets} == {"hypothetical"}


def test_infinitive_another_is_expected_to_do_is_not_asserted(vocab: Vocab) -> None:
    # "Russia expects Iran to meet Iraq.": wanted by Russia, no act of Iran's
    doc = build(vocab, [("Russia", "PROPN", "NNP", "nsubj", 1, "Russia", "B-GPE"),
                        ("expects", "VERB", "VBZ", "ROOT", 0, "expect", "O"),
                        ("Iran", "PROPN", "NNP", "nsubj", 2, "Iran", "B-GPE"),
                        ("to", "PART", "TO", "aux", 1, "to", "O"),
                        ("meet", "VERB", "VB", "ccomp", -3, "meet", "O"),
                        ("Iraq", "PROPN", "NNP", "dobj", -1, "Iraq", "B-GPE"),
                        (".", "PUNCT", ".", "punct", -5, ".", "O")])
    meets = [e for e in code_doc(doc)._.events if e["trigger"] == "meet"]
    assert meets and {e["modality"] for e in meets} == {"hypothetical"}


def _asked(vocab: Vocab, question: bool) -> Doc:
    # '"Why?" Russia asked Iran.' (the parser's split after '?"') or 'Russia asked Iran.'
    opening: list[Row] = [('"', "PUNCT", "``", "punct", 1, '"', "O"),
                          ("Why", "SCONJ", "WRB", "ROOT", 0, "why", "O"),
                          ("?", "PUNCT", ".", "punct", -1, "?", "O"),
                          ('"', "PUNCT", "''", "punct", -2, '"', "O")]
    asking: list[Row] = [("Russia", "PROPN", "NNP", "nsubj", 1, "Russia", "B-GPE"),
                         ("asked", "VERB", "VBD", "ROOT", 0, "ask", "O"),
                         ("Iran", "PROPN", "NNP", "dobj", -1, "Iran", "B-GPE"),
                         (".", "PUNCT", ".", "punct", -2, ".", "O")]
    return build(vocab, opening, asking) if question else build(vocab, asking)


def test_asking_a_quoted_question_is_no_appeal(vocab: Vocab) -> None:
    assert [e[0] for e in events(_asked(vocab, False))] == ["asked"]  # an appeal to Iran
    assert [e for e in events(_asked(vocab, True)) if e[0] == "asked"] == []


def test_opening_passive_participle_names_no_doer(vocab: Vocab) -> None:
    # "Criticized by Iran, Russia left." names its doer; "Criticized at home, Russia left." does not
    def doc(agent: list[Row]) -> Doc:
        return build(vocab, [("Criticized", "VERB", "VBN", "advcl", 3 + len(agent), "criticize", "O"), *agent,
                             (",", "PUNCT", ",", "punct", 2, ",", "O"),
                             ("Russia", "PROPN", "NNP", "nsubj", 1, "Russia", "B-GPE"),
                             ("left", "VERB", "VBD", "ROOT", 0, "leave", "O"),
                             (".", "PUNCT", ".", "punct", -1, ".", "O")])
    named = doc([("by", "ADP", "IN", "agent", -1, "by", "O"), ("Iran", "PROPN", "NNP", "pobj", -1, "Iran", "B-GPE")])
    assert [e[0] for e in events(named)] == ["Criticized"]
    unnamed = doc([("at", "ADP", "IN", "prep", -1, "at", "O"), ("home", "NOUN", "NN", "pobj", -1, "home", "O")])
    assert [e for e in events(unnamed) if e[0] == "Criticized"] == []


def _future_under(vocab: Vocab, verb: str, lemma: str) -> Doc:
    # "Britain <verb> France would attack Iran."
    return build(vocab, [("Britain", "PROPN", "NNP", "nsubj", 1, "Britain", "B-GPE"),
                         (verb, "VERB", "VBD", "ROOT", 0, lemma, "O"),
                         ("France", "PROPN", "NNP", "nsubj", 2, "France", "B-GPE"),
                         ("would", "AUX", "MD", "aux", 1, "would", "O"),
                         ("attack", "VERB", "VB", "ccomp", -3, "attack", "O"),
                         ("Iran", "PROPN", "NNP", "dobj", -1, "Iran", "B-GPE"),
                         (".", "PUNCT", ".", "punct", -5, ".", "O")])


def test_predicted_act_is_no_declared_intent(vocab: Vocab) -> None:
    # "Britain said France would attack Iran": France's intent, reported (an asserted threat, 13x,
    # on "attack"); "Britain expected France would attack Iran": Britain's forecast, hypothetical,
    # and no intent of France's is declared (cue prediction_verb)
    said = [e for e in code_doc(_future_under(vocab, "said", "say"))._.events if e["trigger"] == "attack"]
    assert [e["cameo"][:2] for e in said if e["modality"] == "asserted"] == ["13"]
    expected = [e for e in code_doc(_future_under(vocab, "expected", "expect"))._.events if e["trigger"] == "attack"]
    assert expected, "the attack is still coded"
    assert {e["modality"] for e in expected} == {"hypothetical"}



def test_caused_act_is_as_done_as_its_cause(vocab: Vocab) -> None:
    # "Turkey helped Kurds retake Mosul": the retaking is told as done; "Turkey made efforts to help
    # Kurds retake Mosul": it is sought, intended (cue causative_verb), and no intent of its own is
    # declared by the Kurds
    done = build(vocab, [("Turkey", "PROPN", "NNP", "nsubj", 1, "Turkey", "B-GPE"),
                         ("helped", "VERB", "VBD", "ROOT", 0, "help", "O"),
                         ("Kurds", "PROPN", "NNPS", "nsubj", 1, "Kurds", "B-NORP"),
                         ("retake", "VERB", "VB", "ccomp", -2, "retake", "O"),
                         ("Mosul", "PROPN", "NNP", "dobj", -1, "Mosul", "B-GPE"),
                         (".", "PUNCT", ".", "punct", -4, ".", "O")])
    assert {e["modality"] for e in code_doc(done)._.events if e["trigger"] == "retake"} == {"asserted"}
    sought = build(vocab, [("Turkey", "PROPN", "NNP", "nsubj", 1, "Turkey", "B-GPE"),
                           ("made", "VERB", "VBD", "ROOT", 0, "make", "O"),
                           ("efforts", "NOUN", "NNS", "dobj", -1, "effort", "O"),
                           ("to", "PART", "TO", "aux", 1, "to", "O"),
                           ("help", "VERB", "VB", "acl", -2, "help", "O"),
                           ("Kurds", "PROPN", "NNPS", "nsubj", 1, "Kurds", "B-NORP"),
                           ("retake", "VERB", "VB", "ccomp", -2, "retake", "O"),
                           ("Mosul", "PROPN", "NNP", "dobj", -1, "Mosul", "B-GPE"),
                           (".", "PUNCT", ".", "punct", -7, ".", "O")])
    retake = [e for e in code_doc(sought)._.events if e["trigger"] == "retake"]
    assert retake, "the retaking is still coded"
    assert [e["modality"] for e in retake] == ["intended"]
