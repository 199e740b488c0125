"""Which coded acts count, and the code of a declared intent: modality cues and CAMEO's threats,
on hand-built parses (no model)."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

import dateline.nlp  # noqa: F401  (registers the Doc extensions)
from dateline.events import _intent_code, code_doc

from handbuilt import Row, parsed_doc



@pytest.fixture(scope="module")
def vocab() -> Vocab:
    """An English vocab (a bare Vocab has no lower-case forms, which the coder reads)."""
    return spacy.blank("en").vocab


def build(vocab: Vocab, rows: list[Row], published: dt.date | None = None) -> Doc:
    """One parsed sentence whose PERSON/GPE/ORG entities are actors (a GPE is its own country)."""
    return parsed_doc(vocab, rows, published=published, labels=("PERSON", "GPE", "ORG"))


def coded(doc: Doc) -> set[tuple[str, str, bool]]:
    return {(e["cameo"], e["modality"], e["negated"]) for e in code_doc(doc)._.events}


def test_events_modality_present_clause_under_before_is_not_done(vocab: Vocab) -> None:
    # "Kagame must agree before rebels demobilize": the demobilizing is still to come
    rows: list[Row] = [("Kagame", "PROPN", "NNP", "nsubj", 2, "Kagame", "B-PERSON"),
                       ("must", "AUX", "MD", "aux", 1, "must", "O"),
                       ("agree", "VERB", "VB", "ROOT", 0, "agree", "O"),
                       ("before", "SCONJ", "IN", "mark", 2, "before", "O"),
                       ("Rwanda", "PROPN", "NNP", "nsubj", 1, "Rwanda", "B-GPE"),
                       ("demobilizes", "VERB", "VBZ", "advcl", -3, "demobilize", "O")]
    demobilized = [e for e in code_doc(build(vocab, rows))._.events if e["trigger"] == "demobilizes"]
    assert demobilized and all(e["modality"] == "hypothetical" for e in demobilized)
    # a past act under "before" happened ("before police shot the assailants"): kept asserted
    past = [*rows[:5], ("demobilized", "VERB", "VBD", "advcl", -3, "demobilize", "O")]
    done = [e for e in code_doc(build(vocab, past))._.events if e["trigger"] == "demobilized"]
    assert done and all(e["modality"] == "asserted" for e in done)


def test_events_modality_no_longer_negates(vocab: Vocab) -> None:
    rows: list[Row] = [("Egypt", "PROPN", "NNP", "nsubj", 4, "Egypt", "B-GPE"),
                       ("will", "AUX", "MD", "aux", 3, "will", "O"),
                       ("no", "ADV", "RB", "neg", 1, "no", "O"),
                       ("longer", "ADV", "RBR", "advmod", 1, "long", "O"),
                       ("tolerate", "VERB", "VB", "ROOT", 0, "tolerate", "O"),
                       ("Israel", "PROPN", "NNP", "dobj", -1, "Israel", "B-GPE")]
    # the concession is negated; announcing it is a refusal to yield (124), not a promise (035)
    assert coded(build(vocab, rows)) == {("080", "intended", True), ("124", "asserted", False)}
    # the same without "no" is a promised concession: intended, with its asserted intent (035)
    plain = coded(build(vocab, [("Egypt", "PROPN", "NNP", "nsubj", 2, "Egypt", "B-GPE"),
                                ("will", "AUX", "MD", "aux", 1, "will", "O"),
                                ("tolerate", "VERB", "VB", "ROOT", 0, "tolerate", "O"),
                                ("Israel", "PROPN", "NNP", "dobj", -1, "Israel", "B-GPE")]))
    assert ("035", "asserted", False) in plain


@pytest.mark.parametrize(("intended", "declared"), [
    ("1662", "136"),  # withdraw inspectors -> threaten to halt international involvement
    ("1723", "1323"),  # impose a curfew -> threaten to impose a curfew
    ("162", "1311"),  # cut aid -> threaten to reduce or stop aid
    ("191", "1381"),  # blockade -> threaten blockade
    ("190", "138"),  # attack -> threaten with military force (the root's threat)
    ("042", "036"),  # visit -> express intent to meet
    ("120", ""),  # declaring a rejection is no separate act
])
def test_events_modality_intent_code_follows_cameo(intended: str, declared: str) -> None:
    assert _intent_code(intended) == declared


def test_events_modality_withdrawing_inspectors_is_a_threat(vocab: Vocab) -> None:
    doc = build(vocab, [("Annan", "PROPN", "NNP", "nsubj", 2, "Annan", "B-PERSON"),
                        ("will", "AUX", "MD", "aux", 1, "will", "O"),
                        ("withdraw", "VERB", "VB", "ROOT", 0, "withdraw", "O"),
                        ("inspectors", "NOUN", "NNS", "dobj", -1, "inspector", "O"),
                        ("from", "ADP", "IN", "prep", -2, "from", "O"),
                        ("Iraq", "PROPN", "NNP", "pobj", -1, "Iraq", "B-GPE")])
    events = {(e["cameo"], e["plover"]["event"], e["modality"]) for e in code_doc(doc)._.events}
    assert events == {("1662", "SANCTION", "intended"), ("136", "THREATEN", "asserted")}


def test_events_modality_intent_needs_a_declarer(vocab: Vocab) -> None:
    # "China will support Taiwan": China declares an intent (032) ...
    rows: list[Row] = [("China", "PROPN", "NNP", "nsubj", 2, "China", "B-GPE"),
                       ("will", "AUX", "MD", "aux", 1, "will", "O"),
                       ("support", "VERB", "VB", "ROOT", 0, "support", "O"),
                       ("Taiwan", "PROPN", "NNP", "dobj", -1, "Taiwan", "B-GPE")]
    assert coded(build(vocab, rows)) == {("050", "intended", False), ("032", "asserted", False)}
    # ... "the deal will support Taiwan" names nobody who declares it: the act stays intended
    nobody = [("the", "DET", "DT", "det", 1, "the", "O"), ("deal", "NOUN", "NN", "nsubj", 2, "deal", "O"), *rows[1:]]
    assert coded(build(vocab, nobody)) == {("050", "intended", False)}


def test_events_modality_conjoined_complement_declares_no_second_intent(vocab: Vocab) -> None:
    # "Iran agreed to meet Iraq and visit Syria": the agreement is the declared act; the visit,
    # conjoined to the agreed meeting, is intended like it, with no 036 of its own
    doc = build(vocab, [("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"),
                        ("agreed", "VERB", "VBD", "ROOT", 0, "agree", "O"),
                        ("to", "PART", "TO", "aux", 1, "to", "O"),
                        ("meet", "VERB", "VB", "xcomp", -2, "meet", "O"),
                        ("Iraq", "PROPN", "NNP", "dobj", -1, "Iraq", "B-GPE"),
                        ("and", "CCONJ", "CC", "cc", -2, "and", "O"),
                        ("visit", "VERB", "VB", "conj", -3, "visit", "O"),
                        ("Syria", "PROPN", "NNP", "dobj", -1, "Syria", "B-GPE")])
    events = code_doc(doc)._.events
    assert [e["modality"] for e in events if e["trigger"] == "visit"] == ["intended"]
    assert not any(e["cameo"] == "036" for e in events)


def expelled(vocab: Vocab, when: list[Row], published: dt.date | None = None) -> tuple[str, bool]:
    """(modality, background) of "Amin expelled Uganda <when>" (the time phrase hangs on the verb)."""
    rows: list[Row] = [("Amin", "PROPN", "NNP", "nsubj", 1, "Amin", "B-PERSON"),
                       ("expelled", "VERB", "VBD", "ROOT", 0, "expel", "O"),
                       ("Uganda", "PROPN", "NNP", "dobj", -1, "Uganda", "B-GPE"), *when]
    events = code_doc(build(vocab, rows, published))._.events
    assert events
    return str(events[0]["modality"]), bool(events[0]["background"])


def test_events_modality_dated_background_is_asserted_undated_is_historical(vocab: Vocab) -> None:
    # background the text dates is a real act, asserted and counted with ``background``; an era alone
    # ("in the 1970s", "during World War II", "several years ago") stays historical, not counted
    ago: list[Row] = [("18", "NUM", "CD", "nummod", 1, "18", "B-DATE"), ("years", "NOUN", "NNS", "npadvmod", 1, "year", "I-DATE"),
                      ("ago", "ADV", "RB", "advmod", -4, "ago", "I-DATE")]
    assert expelled(vocab, ago) == ("asserted", True)  # no publication date needed
    several: list[Row] = [("several", "ADJ", "JJ", "amod", 1, "several", "B-DATE"),
                          ("years", "NOUN", "NNS", "npadvmod", 1, "year", "I-DATE"),
                          ("ago", "ADV", "RB", "advmod", -4, "ago", "I-DATE")]
    assert expelled(vocab, several) == ("historical", True)
    year_ago: list[Row] = [("a", "DET", "DT", "det", 1, "a", "B-DATE"), ("year", "NOUN", "NN", "npadvmod", 1, "year", "I-DATE"),
                           ("ago", "ADV", "RB", "advmod", -4, "ago", "I-DATE")]
    assert expelled(vocab, year_ago) == ("asserted", False)  # last year's act is news
    decade: list[Row] = [("in", "ADP", "IN", "prep", -2, "in", "O"), ("the", "DET", "DT", "det", 1, "the", "B-DATE"),
                         ("1970s", "NOUN", "NNS", "pobj", -2, "1970", "I-DATE")]
    assert expelled(vocab, decade, dt.date(2004, 5, 1)) == ("historical", True)
    war: list[Row] = [("during", "ADP", "IN", "prep", -2, "during", "O"), ("World", "PROPN", "NNP", "compound", 1, "World", "B-EVENT"),
                      ("War", "PROPN", "NNP", "pobj", -2, "War", "I-EVENT"), ("II", "PROPN", "NNP", "nummod", -1, "II", "I-EVENT")]
    assert expelled(vocab, war) == ("historical", True)


def test_events_modality_time_of_a_relative_clause_is_its_own(vocab: Vocab) -> None:
    # "Uganda granted asylum to rebels who entered two years ago": the granting is news
    doc = build(vocab, [("Uganda", "PROPN", "NNP", "nsubj", 1, "Uganda", "B-GPE"),
                        ("granted", "VERB", "VBD", "ROOT", 0, "grant", "O"),
                        ("asylum", "NOUN", "NN", "dobj", -1, "asylum", "O"),
                        ("to", "ADP", "IN", "prep", -2, "to", "O"),
                        ("Rwanda", "PROPN", "NNP", "pobj", -1, "Rwanda", "B-GPE"),
                        ("who", "PRON", "WP", "nsubj", 1, "who", "O"),
                        ("entered", "VERB", "VBD", "relcl", -2, "enter", "O"),
                        ("two", "NUM", "CD", "nummod", 1, "two", "B-DATE"),
                        ("years", "NOUN", "NNS", "npadvmod", 1, "year", "I-DATE"),
                        ("ago", "ADV", "RB", "advmod", -3, "ago", "I-DATE")])
    asylum = [e for e in code_doc(doc)._.events if e["trigger"] == "asylum"]
    assert asylum and all(e["modality"] == "asserted" for e in asylum)


def test_events_modality_participle_with_determiner_is_a_noun(vocab: Vocab) -> None:
    # "UN helicopters evacuated the wounded": "wounded" names people, it is no assault
    doc = build(vocab, [("UN", "PROPN", "NNP", "nsubj", 1, "UN", "B-ORG"),
                        ("evacuated", "VERB", "VBD", "ROOT", 0, "evacuate", "O"),
                        ("the", "DET", "DT", "det", 1, "the", "O"),
                        ("wounded", "VERB", "VBN", "dobj", -2, "wound", "O"),
                        ("from", "ADP", "IN", "prep", -1, "from", "O"),
                        ("Bosnia", "PROPN", "NNP", "pobj", -1, "Bosnia", "B-GPE")])
    assert not [e for e in code_doc(doc)._.events if e["trigger"] == "wounded"]


@pytest.mark.parametrize(("subject", "visit"), [("troops", False), ("minister", True)])
def test_events_modality_arriving_troops_make_no_visit(vocab: Vocab, subject: str, visit: bool) -> None:
    doc = build(vocab, [("Bangladeshi", "ADJ", "JJ", "amod", 1, "bangladeshi", "O"),
                        (subject, "NOUN", "NNS", "nsubj", 1, subject, "O"),
                        ("arrived", "VERB", "VBD", "ROOT", 0, "arrive", "O"),
                        ("in", "ADP", "IN", "prep", -1, "in", "O"),
                        ("Bosnia", "PROPN", "NNP", "pobj", -1, "Bosnia", "B-GPE")])
    doc._.actors.append({"name": "Bangladeshi", "label": "NORP", "code": "BGD", "country": "BGD", "sector": None,
                         "mentions": [{"text": "Bangladeshi", "start": 0, "end": 11, "sentence": 0}]})
    assert any(e["trigger"] == "arrived" for e in code_doc(doc)._.events) is visit


def test_events_modality_effort_declares_no_intent(vocab: Vocab) -> None:
    # "Liberia continued its effort to overthrow Gbagbo": an attempt under way, no threat (13x)
    doc = build(vocab, [("Liberia", "PROPN", "NNP", "nsubj", 1, "Liberia", "B-GPE"),
                        ("continued", "VERB", "VBD", "ROOT", 0, "continue", "O"),
                        ("its", "PRON", "PRP$", "poss", 1, "its", "O"),
                        ("effort", "NOUN", "NN", "dobj", -2, "effort", "O"),
                        ("to", "PART", "TO", "aux", 1, "to", "O"),
                        ("overthrow", "VERB", "VB", "acl", -2, "overthrow", "O"),
                        ("Gbagbo", "PROPN", "NNP", "dobj", -1, "Gbagbo", "B-PERSON")])
    events = code_doc(doc)._.events
    assert [e["modality"] for e in events if e["trigger"] == "overthrow"] == ["intended"]
    assert not any(e["cameo"].startswith("13") for e in events)


def test_events_modality_announced_refusal_is_a_rejection(vocab: Vocab) -> None:
    # "Iran will not meet Japan": the meeting is negated, announcing it is CAMEO 125 (REJECT)
    rows: list[Row] = [("Iran", "PROPN", "NNP", "nsubj", 3, "Iran", "B-GPE"),
                       ("will", "AUX", "MD", "aux", 2, "will", "O"),
                       ("not", "PART", "RB", "neg", 1, "not", "O"),
                       ("meet", "VERB", "VB", "ROOT", 0, "meet", "O"),
                       ("Japan", "PROPN", "NNP", "dobj", -1, "Japan", "B-GPE")]
    assert coded(build(vocab, rows)) == {("040", "intended", True), ("125", "asserted", False)}
    # a past negation is no announcement: "Iran did not meet Japan" codes no rejection
    past = [rows[0], ("did", "AUX", "VBD", "aux", 2, "do", "O"), *rows[2:]]
    assert coded(build(vocab, past)) == {("040", "asserted", True)}


def test_events_modality_refusal_under_a_warning_is_the_warning(vocab: Vocab) -> None:
    # "Egypt warned that Cairo will no longer tolerate Israel": the warning is the threat (13x)
    doc = build(vocab, [("Egypt", "PROPN", "NNP", "nsubj", 1, "Egypt", "B-GPE"),
                        ("warned", "VERB", "VBD", "ROOT", 0, "warn", "O"),
                        ("that", "SCONJ", "IN", "mark", 5, "that", "O"),
                        ("Cairo", "PROPN", "NNP", "nsubj", 4, "Cairo", "B-GPE"),
                        ("will", "AUX", "MD", "aux", 3, "will", "O"),
                        ("no", "ADV", "RB", "neg", 1, "no", "O"),
                        ("longer", "ADV", "RBR", "advmod", 1, "long", "O"),
                        ("tolerate", "VERB", "VB", "ccomp", -6, "tolerate", "O"),
                        ("Israel", "PROPN", "NNP", "dobj", -1, "Israel", "B-GPE")])
    asserted = {e["cameo"][:2] for e in code_doc(doc)._.events if e["modality"] == "asserted" and not e["negated"]}
    assert asserted == {"13"}


def test_events_modality_tightening_a_blockade_is_threatened(vocab: Vocab) -> None:
    # "NATO will tighten the blockade of Serbia": the blockade is the act (tighten is a light
    # verb), intended, and announcing it threatens a blockade (CAMEO 1381)
    doc = build(vocab, [("NATO", "PROPN", "NNP", "nsubj", 2, "NATO", "B-ORG"),
                        ("will", "AUX", "MD", "aux", 1, "will", "O"),
                        ("tighten", "VERB", "VB", "ROOT", 0, "tighten", "O"),
                        ("the", "DET", "DT", "det", 1, "the", "O"),
                        ("blockade", "NOUN", "NN", "dobj", -2, "blockade", "O"),
                        ("of", "ADP", "IN", "prep", -1, "of", "O"),
                        ("Serbia", "PROPN", "NNP", "pobj", -1, "Serbia", "B-GPE")])
    assert {(e["cameo"], e["modality"]) for e in code_doc(doc)._.events} == {("191", "intended"), ("1381", "asserted")}


def test_events_modality_would_is_an_intent_only_in_reported_speech(vocab: Vocab) -> None:
    # "Chile said it would support Peru": the backshifted future of what Chile said, an intent (032)
    said: list[Row] = [("Chile", "PROPN", "NNP", "nsubj", 1, "Chile", "B-GPE"),
                       ("said", "VERB", "VBD", "ROOT", 0, "say", "O"),
                       ("it", "PRON", "PRP", "nsubj", 2, "it", "O"),
                       ("would", "AUX", "MD", "aux", 1, "would", "O"),
                       ("support", "VERB", "VB", "ccomp", -3, "support", "O"),
                       ("Peru", "PROPN", "NNP", "dobj", -1, "Peru", "B-GPE")]
    assert ("032", "asserted", False) in coded(build(vocab, said))
    # "Chile would support Peru, he said": the parenthetical frame reports it too
    framed: list[Row] = [("Chile", "PROPN", "NNP", "nsubj", 2, "Chile", "B-GPE"),
                         ("would", "AUX", "MD", "aux", 1, "would", "O"),
                         ("support", "VERB", "VB", "ROOT", 0, "support", "O"),
                         ("Peru", "PROPN", "NNP", "dobj", -1, "Peru", "B-GPE"),
                         (",", "PUNCT", ",", "punct", -2, ",", "O"),
                         ("he", "PRON", "PRP", "nsubj", 1, "he", "O"),
                         ("said", "VERB", "VBD", "parataxis", -4, "say", "O")]
    assert ("032", "asserted", False) in coded(build(vocab, framed))
    # "Chile would support Peru" on its own puts a case: no intent declared, the support hypothetical
    alone = framed[:4]
    assert coded(build(vocab, alone)) == {("050", "hypothetical", False)}
    # "talks that would lead to a visit": a relative clause with "would" is no announced intent
    relative: list[Row] = [("Chile", "PROPN", "NNP", "nsubj", 1, "Chile", "B-GPE"),
                           ("held", "VERB", "VBD", "ROOT", 0, "hold", "O"),
                           ("talks", "NOUN", "NNS", "dobj", -1, "talk", "O"),
                           ("that", "PRON", "WDT", "nsubj", 2, "that", "O"),
                           ("would", "AUX", "MD", "aux", 1, "would", "O"),
                           ("support", "VERB", "VB", "relcl", -3, "support", "O"),
                           ("Peru", "PROPN", "NNP", "dobj", -1, "Peru", "B-GPE")]
    assert not any(code.startswith("03") for code, _, _ in coded(build(vocab, relative)))


def test_events_modality_conditional_offer_is_an_intent(vocab: Vocab) -> None:
    # "Iran would meet Iraq if Iraq withdrew": the meeting is hypothetical, the offer an intent (036)
    doc = build(vocab, [("Iran", "PROPN", "NNP", "nsubj", 2, "Iran", "B-GPE"),
                        ("would", "AUX", "MD", "aux", 1, "would", "O"),
                        ("meet", "VERB", "VB", "ROOT", 0, "meet", "O"),
                        ("Iraq", "PROPN", "NNP", "dobj", -1, "Iraq", "B-GPE"),
                        ("if", "SCONJ", "IN", "mark", 2, "if", "O"),
                        ("Iraq", "PROPN", "NNP", "nsubj", 1, "Iraq", "B-GPE"),
                        ("withdrew", "VERB", "VBD", "advcl", -4, "withdraw", "O")])
    meet = {(e["cameo"], e["modality"]) for e in code_doc(doc)._.events if e["trigger"] == "meet"}
    assert meet == {("040", "hypothetical"), ("036", "asserted")}


def test_events_modality_clause_of_a_report_noun_is_reported(vocab: Vocab) -> None:
    # "Nigeria rejected an allegation that Liberia attacked Ghana": the attack is only claimed
    doc = build(vocab, [("Nigeria", "PROPN", "NNP", "nsubj", 1, "Nigeria", "B-GPE"),
                        ("rejected", "VERB", "VBD", "ROOT", 0, "reject", "O"),
                        ("an", "DET", "DT", "det", 1, "an", "O"),
                        ("allegation", "NOUN", "NN", "dobj", -2, "allegation", "O"),
                        ("that", "SCONJ", "IN", "mark", 2, "that", "O"),
                        ("Liberia", "PROPN", "NNP", "nsubj", 1, "Liberia", "B-GPE"),
                        ("attacked", "VERB", "VBD", "acl", -3, "attack", "O"),
                        ("Ghana", "PROPN", "NNP", "dobj", -1, "Ghana", "B-GPE")])
    attack = [e for e in code_doc(doc)._.events if e["trigger"] == "attacked"]
    assert attack and all(e["modality"] == "reported" for e in attack)


def _insisted(vocab: Vocab, clause: list[Row]) -> set[str]:
    """Codes on "insisted" in "Iran insisted that Israel <clause>"."""
    rows: list[Row] = [("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"),
                       ("insisted", "VERB", "VBD", "ROOT", 0, "insist", "O"),
                       ("that", "SCONJ", "IN", "mark", len(clause) + 1, "that", "O"),
                       ("Israel", "PROPN", "NNP", "nsubj", len(clause), "Israel", "B-GPE"), *clause]
    return {e["cameo"] for e in code_doc(build(vocab, rows))._.events if e["trigger"] == "insisted"}


def test_events_modality_indicative_clause_of_insist_is_a_claim(vocab: Vocab) -> None:
    # "insisted that Israel would withdraw" asserts (a modal); "... had withdrawn" too (past)
    would = [("would", "AUX", "MD", "aux", 1, "would", "O"), ("withdraw", "VERB", "VB", "ccomp", -4, "withdraw", "O")]
    assert _insisted(vocab, would) == set()
    had = [("had", "AUX", "VBD", "aux", 1, "have", "O"), ("withdrawn", "VERB", "VBN", "ccomp", -4, "withdraw", "O")]
    assert _insisted(vocab, had) == set()
    # the mandative subjunctive ("insisted that Israel withdraw") or "should" demands: CAMEO 10
    bare = [("withdraw", "VERB", "VB", "ccomp", -3, "withdraw", "O")]
    assert _insisted(vocab, bare) == {"100"}
    should = [("should", "AUX", "MD", "aux", 1, "should", "O"), ("withdraw", "VERB", "VB", "ccomp", -4, "withdraw", "O")]
    assert _insisted(vocab, should) == {"100"}


def _insisted_in_interview(vocab: Vocab, clause: list[Row]) -> set[str]:
    """Codes on "insisted" in "Iran insisted in an interview aired Tuesday that Israel <clause>", the that-clause
    hung by the parser on the participle "aired"."""
    rows: list[Row] = [("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"),
                       ("insisted", "VERB", "VBD", "ROOT", 0, "insist", "O"),
                       ("in", "ADP", "IN", "prep", -1, "in", "O"),
                       ("an", "DET", "DT", "det", 1, "an", "O"),
                       ("interview", "NOUN", "NN", "pobj", -2, "interview", "O"),
                       ("aired", "VERB", "VBN", "acl", -1, "air", "O"),
                       ("Tuesday", "PROPN", "NNP", "npadvmod", -1, "Tuesday", "B-DATE"),
                       ("that", "SCONJ", "IN", "mark", len(clause) + 1, "that", "O"),
                       ("Israel", "PROPN", "NNP", "nsubj", len(clause), "Israel", "B-GPE"), *clause]
    return {e["cameo"] for e in code_doc(build(vocab, rows))._.events if e["trigger"] == "insisted"}


def test_events_modality_claim_clause_hung_on_a_participle(vocab: Vocab) -> None:
    # session 59 (kD): "insisted in an interview aired Tuesday that Israel had withdrawn": the parser hangs the
    # clause on "aired"; it is still the insisting's, indicative, a claim (no CAMEO 10)
    had = [("had", "AUX", "VBD", "aux", 1, "have", "O"), ("withdrawn", "VERB", "VBN", "ccomp", -5, "withdraw", "O")]
    assert _insisted_in_interview(vocab, had) == set()
    # the mandative subjunctive there stays a demand
    bare = [("withdraw", "VERB", "VB", "ccomp", -4, "withdraw", "O")]
    assert _insisted_in_interview(vocab, bare) == {"100"}


def test_events_modality_claim_clause_subject_taken_for_object(vocab: Vocab) -> None:
    # session 59 (kD): 'Iran insisted Israel "wants peace"': the parser takes Israel for the object of "insisted"
    # and leaves the finite clause with no subject; the clause is indicative, a claim (no CAMEO 10)
    rows: list[Row] = [("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"),
                       ("insisted", "VERB", "VBD", "ROOT", 0, "insist", "O"),
                       ("Israel", "PROPN", "NNP", "dobj", -1, "Israel", "B-GPE"),
                       ("\"", "PUNCT", "``", "punct", 1, "\"", "O"),
                       ("wants", "VERB", "VBZ", "ccomp", -3, "want", "O"),
                       ("peace", "NOUN", "NN", "dobj", -1, "peace", "O")]
    assert {e["cameo"] for e in code_doc(build(vocab, rows))._.events if e["trigger"] == "insisted"} == set()
    # with a bare (mandative) verb the clause is a demand: "insisted Israel withdraw"
    rows[4] = ("withdraw", "VERB", "VB", "ccomp", -3, "withdraw", "O")
    rows[5] = ("troops", "NOUN", "NNS", "dobj", -1, "troop", "O")
    assert "100" in {e["cameo"] for e in code_doc(build(vocab, rows))._.events if e["trigger"] == "insisted"}


def test_events_modality_call_with_object_predicate_names(vocab: Vocab) -> None:
    # "Iran called it a provocation on Israel": naming, no appeal ("call on" codes 020 otherwise);
    # naming with a disapproving predicate is criticism (codes._evaluative: 111)
    naming = build(vocab, [("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"),
                           ("called", "VERB", "VBD", "ROOT", 0, "call", "O"),
                           ("it", "PRON", "PRP", "dobj", -1, "it", "O"),
                           ("a", "DET", "DT", "det", 1, "a", "O"),
                           ("provocation", "NOUN", "NN", "oprd", -3, "provocation", "O"),
                           ("on", "ADP", "IN", "prep", -4, "on", "O"),
                           ("Israel", "PROPN", "NNP", "pobj", -1, "Israel", "B-GPE")])
    assert [e["cameo"] for e in code_doc(naming)._.events if e["trigger"] == "called"] == ["111"]
    appeal = build(vocab, [("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"),
                           ("called", "VERB", "VBD", "ROOT", 0, "call", "O"),
                           ("on", "ADP", "IN", "prep", -1, "on", "O"),
                           ("Israel", "PROPN", "NNP", "pobj", -1, "Israel", "B-GPE")])
    assert {e["cameo"][:2] for e in code_doc(appeal)._.events if e["trigger"] == "called"} == {"02"}


def test_events_modality_event_noun_under_an_urged_act_is_intended(vocab: Vocab) -> None:
    # "Iran urged Iraq to attend the talks": the talks are asked for, not held
    doc = build(vocab, [("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"),
                        ("urged", "VERB", "VBD", "ROOT", 0, "urge", "O"),
                        ("Iraq", "PROPN", "NNP", "nsubj", 2, "Iraq", "B-GPE"),
                        ("to", "PART", "TO", "aux", 1, "to", "O"),
                        ("attend", "VERB", "VB", "xcomp", -3, "attend", "O"),
                        ("the", "DET", "DT", "det", 1, "the", "O"),
                        ("talks", "NOUN", "NNS", "dobj", -2, "talks", "O")])
    talks = [e for e in code_doc(doc)._.events if e["trigger"] == "talks"]
    assert talks and all(e["modality"] == "intended" for e in talks)


def test_events_modality_act_between_unidentified_parties_is_no_event(vocab: Vocab) -> None:
    # "The family visited the scene": no party is a known actor, no event data
    rows: list[Row] = [("The", "DET", "DT", "det", 1, "the", "O"),
                       ("family", "NOUN", "NN", "nsubj", 1, "family", "O"),
                       ("visited", "VERB", "VBD", "ROOT", 0, "visit", "O"),
                       ("the", "DET", "DT", "det", 1, "the", "O"),
                       ("scene", "NOUN", "NN", "dobj", -2, "scene", "O")]
    assert not code_doc(build(vocab, rows))._.events
    # a known party keeps it: "The family visited Iran"
    known = [*rows[:3], ("Iran", "PROPN", "NNP", "dobj", -1, "Iran", "B-GPE")]
    assert {e["cameo"] for e in code_doc(build(vocab, known))._.events} == {"042"}


def test_events_modality_purpose_clause_declares_no_intent(vocab: Vocab) -> None:
    # "Iran plans to amend laws so that Israel is banned": the ban is the amendment's aim, no threat
    doc = build(vocab, [("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"),
                        ("plans", "VERB", "VBZ", "ROOT", 0, "plan", "O"),
                        ("to", "PART", "TO", "aux", 1, "to", "O"),
                        ("amend", "VERB", "VB", "xcomp", -2, "amend", "O"),
                        ("laws", "NOUN", "NNS", "dobj", -1, "law", "O"),
                        ("so", "SCONJ", "IN", "mark", 4, "so", "O"),
                        ("that", "SCONJ", "IN", "mark", 3, "that", "O"),
                        ("Israel", "PROPN", "NNP", "nsubjpass", 2, "Israel", "B-GPE"),
                        ("is", "AUX", "VBZ", "auxpass", 1, "be", "O"),
                        ("banned", "VERB", "VBN", "advcl", -6, "ban", "O")])
    banned = {(e["cameo"], e["modality"]) for e in code_doc(doc)._.events if e["trigger"] == "banned"}
    assert banned == {("172", "intended")}  # no asserted 13x threat on it


def test_events_modality_persuading_to_act_is_not_the_act(vocab: Vocab) -> None:
    # "Iran convinced Iraq to withdraw": the withdrawal is sought, not done
    doc = build(vocab, [("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"),
                        ("convinced", "VERB", "VBD", "ROOT", 0, "convince", "O"),
                        ("Iraq", "PROPN", "NNP", "dobj", -1, "Iraq", "B-GPE"),
                        ("to", "PART", "TO", "aux", 1, "to", "O"),
                        ("withdraw", "VERB", "VB", "xcomp", -3, "withdraw", "O")])
    withdraw = [e for e in code_doc(doc)._.events if e["trigger"] == "withdraw"]
    assert withdraw and all(e["modality"] != "asserted" for e in withdraw)


def test_events_modality_attempt_noun_declares_no_intent(vocab: Vocab) -> None:
    # "Iran prepared to resume as attempts to aid Iraq ...": the infinitive of an attempt noun (parsed
    # as its xcomp) is an attempt under way, no declared intent (no 031)
    doc = build(vocab, [("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"),
                        ("prepared", "VERB", "VBD", "ROOT", 0, "prepare", "O"),
                        ("to", "PART", "TO", "aux", 1, "to", "O"),
                        ("resume", "VERB", "VB", "xcomp", -2, "resume", "O"),
                        ("as", "SCONJ", "IN", "mark", 1, "as", "O"),
                        ("attempts", "NOUN", "NNS", "advcl", -2, "attempt", "O"),
                        ("to", "PART", "TO", "aux", 1, "to", "O"),
                        ("aid", "VERB", "VB", "xcomp", -2, "aid", "O"),
                        ("Iraq", "PROPN", "NNP", "dobj", -1, "Iraq", "B-GPE")])
    aid = {(e["cameo"], e["modality"]) for e in code_doc(doc)._.events if e["trigger"] == "aid"}
    assert aid == {("060", "intended")}


def test_events_modality_refrained_from_negates(vocab: Vocab) -> None:
    # "Iran refrained from criticizing Israel": as "avoided criticizing", the act is denied
    doc = build(vocab, [("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"),
                        ("refrained", "VERB", "VBD", "ROOT", 0, "refrain", "O"),
                        ("from", "ADP", "IN", "prep", -1, "from", "O"),
                        ("criticizing", "VERB", "VBG", "pcomp", -1, "criticize", "O"),
                        ("Israel", "PROPN", "NNP", "dobj", -1, "Israel", "B-GPE")])
    criticized = [e for e in code_doc(doc)._.events if e["trigger"] == "criticizing"]
    assert criticized and all(e["negated"] for e in criticized)


def test_events_modality_what_was_not_said_is_not_declared(vocab: Vocab) -> None:
    # "Iran has not said it will meet Iraq": no meeting declared, so no 036 either
    doc = build(vocab, [("Iran", "PROPN", "NNP", "nsubj", 3, "Iran", "B-GPE"),
                        ("has", "AUX", "VBZ", "aux", 2, "have", "O"),
                        ("not", "PART", "RB", "neg", 1, "not", "O"),
                        ("said", "VERB", "VBN", "ROOT", 0, "say", "O"),
                        ("Iran", "PROPN", "NNP", "nsubj", 2, "Iran", "B-GPE"),
                        ("will", "AUX", "MD", "aux", 1, "will", "O"),
                        ("meet", "VERB", "VB", "ccomp", -3, "meet", "O"),
                        ("Iraq", "PROPN", "NNP", "dobj", -1, "Iraq", "B-GPE")])
    meet = {(e["cameo"], e["modality"]) for e in code_doc(doc)._.events if e["trigger"] == "meet"}
    assert meet == {("040", "hypothetical")}  # and no asserted 036
    # said (not negated): the declared intent is coded
    said = build(vocab, [("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"),
                         ("said", "VERB", "VBD", "ROOT", 0, "say", "O"),
                         ("Iran", "PROPN", "NNP", "nsubj", 2, "Iran", "B-GPE"),
                         ("will", "AUX", "MD", "aux", 1, "will", "O"),
                         ("meet", "VERB", "VB", "ccomp", -3, "meet", "O"),
                         ("Iraq", "PROPN", "NNP", "dobj", -1, "Iraq", "B-GPE")])
    assert ("036", "asserted") in {(e["cameo"], e["modality"]) for e in code_doc(said)._.events if e["trigger"] == "meet"}


def test_events_modality_gerund_subject_under_a_modal_is_not_done(vocab: Vocab) -> None:
    # "Attacking Iraq may end the war": an act considered, not one done
    rows: list[Row] = [("Attacking", "VERB", "VBG", "csubj", 3, "attack", "O"),
                       ("Iraq", "PROPN", "NNP", "dobj", -1, "Iraq", "B-GPE"),
                       ("may", "AUX", "MD", "aux", 1, "may", "O"),
                       ("end", "VERB", "VB", "ROOT", 0, "end", "O"),
                       ("wars", "NOUN", "NNS", "dobj", -1, "war", "O")]
    attack = [e for e in code_doc(build(vocab, rows))._.events if e["trigger"] == "Attacking"]
    assert attack and all(e["modality"] == "hypothetical" for e in attack)


def test_events_modality_agreeing_on_a_fact_is_no_agreement(vocab: Vocab) -> None:
    def agreed(clause: list[Row]) -> set[str]:
        rows: list[Row] = [("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"),
                           ("agreed", "VERB", "VBD", "ROOT", 0, "agree", "O"),
                           ("Iraq", "PROPN", "NNP", "nsubj", len(clause), "Iraq", "B-GPE"), *clause]
        return {e["cameo"] for e in code_doc(build(vocab, rows))._.events if e["trigger"] == "agreed"}

    # "Iran agreed Iraq was behind the attack": an opinion shared
    assert agreed([("was", "AUX", "VBD", "ccomp", -2, "be", "O")]) == set()
    # "Iran agreed Iraq would withdraw": a commitment (CAMEO 03)
    would = [("would", "AUX", "MD", "aux", 1, "would", "O"), ("withdraw", "VERB", "VB", "ccomp", -3, "withdraw", "O")]
    assert agreed(would) == {"030"}


def test_events_modality_demonstrate_with_an_object_shows(vocab: Vocab) -> None:
    # "Iranians demonstrated their resolve": showing; "Iranians demonstrated against Iraq": a protest
    showing = build(vocab, [("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"),
                            ("demonstrated", "VERB", "VBD", "ROOT", 0, "demonstrate", "O"),
                            ("its", "PRON", "PRP$", "poss", 1, "its", "O"),
                            ("resolve", "NOUN", "NN", "dobj", -2, "resolve", "O")])
    assert not code_doc(showing)._.events
    protest = build(vocab, [("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"),
                            ("demonstrated", "VERB", "VBD", "ROOT", 0, "demonstrate", "O"),
                            ("against", "ADP", "IN", "prep", -1, "against", "O"),
                            ("Iraq", "PROPN", "NNP", "pobj", -1, "Iraq", "B-GPE")])
    assert {e["cameo"] for e in code_doc(protest)._.events} == {"141"}


def test_events_modality_participle_coordinated_with_adjective_is_no_act(vocab: Vocab) -> None:
    # "Israel, once secular and opposed to Iran, ...": a description, no 12x/11x act
    doc = build(vocab, [("Israel", "PROPN", "NNP", "nsubj", 1, "Israel", "B-GPE"),
                        ("was", "AUX", "VBD", "ROOT", 0, "be", "O"),
                        ("secular", "ADJ", "JJ", "acomp", -1, "secular", "O"),
                        ("and", "CCONJ", "CC", "cc", -1, "and", "O"),
                        ("opposed", "VERB", "VBN", "conj", -2, "oppose", "O"),
                        ("to", "ADP", "IN", "prep", -1, "to", "O"),
                        ("Iran", "PROPN", "NNP", "pobj", -1, "Iran", "B-GPE")])
    assert not [e for e in code_doc(doc)._.events if e["trigger"] == "opposed"]


def test_events_modality_what_is_risked_has_not_happened(vocab: Vocab) -> None:
    # "Iran risked being attacked by Iraq"
    doc = build(vocab, [("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"),
                        ("risked", "VERB", "VBD", "ROOT", 0, "risk", "O"),
                        ("being", "AUX", "VBG", "auxpass", 1, "be", "O"),
                        ("attacked", "VERB", "VBN", "xcomp", -2, "attack", "O"),
                        ("by", "ADP", "IN", "agent", -1, "by", "O"),
                        ("Iraq", "PROPN", "NNP", "pobj", -1, "Iraq", "B-GPE")])
    attacked = [e for e in code_doc(doc)._.events if e["trigger"] == "attacked"]
    assert attacked and all(e["modality"] == "hypothetical" for e in attacked)


def test_events_modality_reiterating_that_another_must_act_is_a_demand(vocab: Vocab) -> None:
    # "Britain reiterated that Libya must hand over the suspects": a verb of saying like "say"
    doc = build(vocab, [("Britain", "PROPN", "NNP", "nsubj", 1, "Britain", "B-GPE"),
                        ("reiterated", "VERB", "VBD", "ROOT", 0, "reiterate", "O"),
                        ("that", "SCONJ", "IN", "mark", 3, "that", "O"),
                        ("Libya", "PROPN", "NNP", "nsubj", 2, "Libya", "B-GPE"),
                        ("must", "AUX", "MD", "aux", 1, "must", "O"),
                        ("surrender", "VERB", "VB", "ccomp", -4, "surrender", "O"),
                        ("suspects", "NOUN", "NNS", "dobj", -1, "suspect", "O")])
    demands = [(e["source"]["code"], e["target"]["code"]) for e in code_doc(doc)._.events
               if e["trigger"] == "reiterated" and e["cameo"] == "100"]
    assert demands == [("BRI", "LIB")]


def test_events_modality_question_is_not_reported(vocab: Vocab) -> None:
    # "Will Iran attack Iraq?": asked, not reported; the statement is asserted
    rows: list[Row] = [("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"),
                       ("attacked", "VERB", "VBD", "ROOT", 0, "attack", "O"),
                       ("Iraq", "PROPN", "NNP", "dobj", -1, "Iraq", "B-GPE")]
    asked = build(vocab, [*rows, ("?", "PUNCT", ".", "punct", -2, "?", "O")])
    assert {e["modality"] for e in code_doc(asked)._.events} == {"hypothetical"}
    told = build(vocab, [*rows, (".", "PUNCT", ".", "punct", -2, ".", "O")])
    assert {e["modality"] for e in code_doc(told)._.events} == {"asserted"}


def test_events_modality_met_with_a_response_is_no_meeting(vocab: Vocab) -> None:
    # "Iran was met with force": a response; "Iran was met by Iraq": an encounter (CAMEO 04)
    def met(prep: str, dep: str) -> set[str]:
        doc = build(vocab, [("Iran", "PROPN", "NNP", "nsubjpass", 2, "Iran", "B-GPE"),
                            ("was", "AUX", "VBD", "auxpass", 1, "be", "O"),
                            ("met", "VERB", "VBN", "ROOT", 0, "meet", "O"),
                            (prep, "ADP", "IN", dep, -1, prep, "O"),
                            ("Iraq", "PROPN", "NNP", "pobj", -1, "Iraq", "B-GPE")])
        return {e["cameo"][:2] for e in code_doc(doc)._.events}

    assert met("with", "prep") == set()
    assert met("by", "agent") == {"04"}


def test_events_modality_vow_with_act_parsed_as_purpose_is_a_threat(vocab: Vocab) -> None:
    # "Rebels have sworn to fight Serbia": the parser often hangs "fight" as an advcl (purpose);
    # a vow to fight is a threat (CAMEO 13x), not an agreement (03x)
    rows: list[Row] = [("Kosovo", "PROPN", "NNP", "nsubj", 3, "Kosovo", "B-GPE"),
                       ("have", "AUX", "VBP", "aux", 2, "have", "O"),
                       ("sworn", "VERB", "VBN", "ROOT", 0, "swear", "O"),
                       ("to", "PART", "TO", "aux", 1, "to", "O"),
                       ("fight", "VERB", "VB", "advcl", -2, "fight", "O"),
                       ("Serbia", "PROPN", "NNP", "dobj", -1, "Serbia", "B-GPE")]
    codes = {(e["cameo"][:2], e["modality"]) for e in code_doc(build(vocab, rows))._.events}
    assert ("13", "asserted") in codes and not any(c == "03" for c, _ in codes)


def test_events_modality_what_is_needed_is_not_done(vocab: Vocab) -> None:
    # "Chile needs to support Peru": a need, not an act
    rows: list[Row] = [("Chile", "PROPN", "NNP", "nsubj", 1, "Chile", "B-GPE"),
                       ("needs", "VERB", "VBZ", "ROOT", 0, "need", "O"),
                       ("to", "PART", "TO", "aux", 1, "to", "O"),
                       ("support", "VERB", "VB", "xcomp", -2, "support", "O"),
                       ("Peru", "PROPN", "NNP", "dobj", -1, "Peru", "B-GPE")]
    events = code_doc(build(vocab, rows))._.events
    assert [e["modality"] for e in events if e["trigger"] == "support"] == ["hypothetical"]


def test_events_modality_an_aim_stated_is_no_act(vocab: Vocab) -> None:
    # "The goal is to support Peru": the subject is a thing, the infinitive its content (an aim)
    rows: list[Row] = [("The", "DET", "DT", "det", 1, "the", "O"),
                       ("goal", "NOUN", "NN", "nsubj", 1, "goal", "O"),
                       ("is", "AUX", "VBZ", "ROOT", 0, "be", "O"),
                       ("to", "PART", "TO", "aux", 1, "to", "O"),
                       ("support", "VERB", "VB", "xcomp", -2, "support", "O"),
                       ("Peru", "PROPN", "NNP", "dobj", -1, "Peru", "B-GPE")]
    events = code_doc(build(vocab, rows))._.events
    assert [e["modality"] for e in events if e["trigger"] == "support"] == ["hypothetical"]


def test_events_modality_means_take_the_modality_of_the_act_they_serve(vocab: Vocab) -> None:
    # "Peru will respond by attacking Bolivia": the attack is as intended as the response
    rows: list[Row] = [("Peru", "PROPN", "NNP", "nsubj", 2, "Peru", "B-GPE"),
                       ("will", "AUX", "MD", "aux", 1, "will", "O"),
                       ("respond", "VERB", "VB", "ROOT", 0, "respond", "O"),
                       ("by", "ADP", "IN", "prep", -1, "by", "O"),
                       ("attacking", "VERB", "VBG", "pcomp", -1, "attack", "O"),
                       ("Bolivia", "PROPN", "NNP", "dobj", -1, "Bolivia", "B-GPE")]
    events = code_doc(build(vocab, rows))._.events
    attacking = [e["modality"] for e in events if e["trigger"] == "attacking"]
    assert attacking and "asserted" not in attacking


def test_events_modality_a_refusal_negates_what_it_refuses(vocab: Vocab) -> None:
    # "Peru announced its refusal to send aid to Bolivia": the aid is not sent, and no intent (03x) is declared
    rows: list[Row] = [("Peru", "PROPN", "NNP", "nsubj", 1, "Peru", "B-GPE"),
                       ("announced", "VERB", "VBD", "ROOT", 0, "announce", "O"),
                       ("its", "PRON", "PRP$", "poss", 1, "its", "O"),
                       ("refusal", "NOUN", "NN", "dobj", -2, "refusal", "O"),
                       ("to", "PART", "TO", "aux", 1, "to", "O"),
                       ("send", "VERB", "VB", "acl", -2, "send", "O"),
                       ("aid", "NOUN", "NN", "dobj", -1, "aid", "O"),
                       ("to", "ADP", "IN", "prep", -2, "to", "O"),
                       ("Bolivia", "PROPN", "NNP", "pobj", -1, "Bolivia", "B-GPE")]
    events = code_doc(build(vocab, rows))._.events
    assert not any(e["cameo"].startswith("03") for e in events)
    assert not any(e["trigger"] in ("send", "aid") and e["modality"] == "asserted" and not e["negated"] for e in events)


def test_events_modality_agentless_passive_declares_no_intent(vocab: Vocab) -> None:
    # "Hamas will be defeated": the defeat is intended, but nobody named declares it: no threat (13x)
    rows: list[Row] = [("Hamas", "PROPN", "NNP", "nsubjpass", 3, "Hamas", "B-ORG"),
                       ("will", "AUX", "MD", "aux", 2, "will", "O"),
                       ("be", "AUX", "VB", "auxpass", 1, "be", "O"),
                       ("defeated", "VERB", "VBN", "ROOT", 0, "defeat", "O")]
    events = code_doc(build(vocab, rows))._.events
    assert [e["modality"] for e in events] == ["intended"]
    # "Israel will defeat Hamas" names the declarer: the threat is coded
    active: list[Row] = [("Israel", "PROPN", "NNP", "nsubj", 2, "Israel", "B-GPE"),
                         ("will", "AUX", "MD", "aux", 1, "will", "O"),
                         ("defeat", "VERB", "VB", "ROOT", 0, "defeat", "O"),
                         ("Hamas", "PROPN", "NNP", "dobj", -1, "Hamas", "B-ORG")]
    assert any(e["cameo"].startswith("13") for e in code_doc(build(vocab, active))._.events)


def test_events_modality_what_is_considered_is_not_done(vocab: Vocab) -> None:
    # "Chile is considering supporting Peru": weighed, not done
    considering: list[Row] = [("Chile", "PROPN", "NNP", "nsubj", 2, "Chile", "B-GPE"),
                              ("is", "AUX", "VBZ", "aux", 1, "be", "O"),
                              ("considering", "VERB", "VBG", "ROOT", 0, "consider", "O"),
                              ("supporting", "VERB", "VBG", "xcomp", -1, "support", "O"),
                              ("Peru", "PROPN", "NNP", "dobj", -1, "Peru", "B-GPE")]
    events = code_doc(build(vocab, considering))._.events
    assert [e["modality"] for e in events if e["trigger"] == "supporting"] == ["hypothetical"]


def test_events_modality_one_of_its_aims_is_no_doer(vocab: Vocab) -> None:
    # "One of the goals was to support Peru": the subject counts goals, an aim is stated
    rows: list[Row] = [("One", "NUM", "CD", "nsubj", 4, "one", "O"),
                       ("of", "ADP", "IN", "prep", -1, "of", "O"),
                       ("the", "DET", "DT", "det", 1, "the", "O"),
                       ("goals", "NOUN", "NNS", "pobj", -2, "goal", "O"),
                       ("was", "AUX", "VBD", "ROOT", 0, "be", "O"),
                       ("to", "PART", "TO", "aux", 1, "to", "O"),
                       ("support", "VERB", "VB", "xcomp", -2, "support", "O"),
                       ("Peru", "PROPN", "NNP", "dobj", -1, "Peru", "B-GPE")]
    events = code_doc(build(vocab, rows))._.events
    assert [e["modality"] for e in events if e["trigger"] == "support"] == ["hypothetical"]


def test_events_modality_hoped_for_act_is_intended_under_the_parsers_lemma(vocab: Vocab) -> None:
    # "Chile hopes to support Peru": the parser lemmatises "hopes"/"hoped"/"hoping" as "hop"
    rows: list[Row] = [("Chile", "PROPN", "NNP", "nsubj", 1, "Chile", "B-GPE"),
                       ("hopes", "VERB", "VBZ", "ROOT", 0, "hop", "O"),
                       ("to", "PART", "TO", "aux", 1, "to", "O"),
                       ("support", "VERB", "VB", "xcomp", -2, "support", "O"),
                       ("Peru", "PROPN", "NNP", "dobj", -1, "Peru", "B-GPE")]
    events = code_doc(build(vocab, rows))._.events
    assert [e["modality"] for e in events if e["trigger"] == "support"] == ["intended"]


def test_events_modality_act_in_a_statements_clause_is_reported(vocab: Vocab) -> None:
    # "Chile rejected the statement that Bolivia attacked Peru": the attack is what was stated, not established
    rows: list[Row] = [("Chile", "PROPN", "NNP", "nsubj", 1, "Chile", "B-GPE"),
                       ("rejected", "VERB", "VBD", "ROOT", 0, "reject", "O"),
                       ("the", "DET", "DT", "det", 1, "the", "O"),
                       ("statement", "NOUN", "NN", "dobj", -2, "statement", "O"),
                       ("that", "SCONJ", "IN", "mark", 2, "that", "O"),
                       ("Bolivia", "PROPN", "NNP", "nsubj", 1, "Bolivia", "B-GPE"),
                       ("attacked", "VERB", "VBD", "acl", -3, "attack", "O"),
                       ("Peru", "PROPN", "NNP", "dobj", -1, "Peru", "B-GPE")]
    events = code_doc(build(vocab, rows))._.events
    attacked = [e["modality"] for e in events if e["trigger"] == "attacked"]
    assert attacked and "asserted" not in attacked


def test_events_modality_infinitive_complement_takes_its_governors_modal(vocab: Vocab) -> None:
    # "Chile could decide to attack Peru": the attack is as hypothetical as the decision
    rows: list[Row] = [("Chile", "PROPN", "NNP", "nsubj", 2, "Chile", "B-GPE"),
                       ("could", "AUX", "MD", "aux", 1, "could", "O"),
                       ("decide", "VERB", "VB", "ROOT", 0, "decide", "O"),
                       ("to", "PART", "TO", "aux", 1, "to", "O"),
                       ("attack", "VERB", "VB", "xcomp", -2, "attack", "O"),
                       ("Peru", "PROPN", "NNP", "dobj", -1, "Peru", "B-GPE")]
    events = code_doc(build(vocab, rows))._.events
    assert [e["modality"] for e in events if e["trigger"] == "attack"] == ["hypothetical"]
    # "Chile decided to attack Peru": the act decided on and told as done stays asserted
    past: list[Row] = [("Chile", "PROPN", "NNP", "nsubj", 1, "Chile", "B-GPE"),
                       ("decided", "VERB", "VBD", "ROOT", 0, "decide", "O"), *rows[3:]]
    events = code_doc(build(vocab, past))._.events
    assert [e["modality"] for e in events if e["trigger"] == "attack"] == ["asserted"]


def _modalities(doc: Doc, trigger: str) -> set[tuple[str, bool]]:
    return {(e["modality"], e["negated"]) for e in doc._.events if e["trigger"] == trigger}


def test_events_modality_gerund_prevented_or_spoken_of_is_not_done(vocab: Vocab) -> None:
    # "Germany deterred Iran from arming Hezbollah": the arming is prevented, not reported as done
    rows: list[Row] = [("Germany", "PROPN", "NNP", "nsubj", 1, "Germany", "B-GPE"),
                       ("deterred", "VERB", "VBD", "ROOT", 0, "deter", "O"),
                       ("Iran", "PROPN", "NNP", "dobj", -1, "Iran", "B-GPE"),
                       ("from", "ADP", "IN", "prep", -2, "from", "O"),
                       ("arming", "VERB", "VBG", "pcomp", -1, "arm", "O"),
                       ("Hezbollah", "PROPN", "NNP", "dobj", -1, "Hezbollah", "B-ORG")]
    arming = _modalities(code_doc(build(vocab, rows)), "arming")
    assert arming and all(mode != "asserted" for mode, _ in arming)
    # "... Iran for arming Hezbollah": what it is punished or blamed for stays as the text tells it
    blamed = [*rows[:3], ("for", "ADP", "IN", "prep", -2, "for", "O"), *rows[4:]]
    arming = _modalities(code_doc(build(vocab, blamed)), "arming")
    assert arming and all(mode == "asserted" for mode, _ in arming)


def test_events_modality_has_to_is_owed_and_has_yet_to_is_not_done(vocab: Vocab) -> None:
    # "France has to condemn Russia": owed, not done
    rows: list[Row] = [("France", "PROPN", "NNP", "nsubj", 1, "France", "B-GPE"),
                       ("has", "VERB", "VBZ", "ROOT", 0, "have", "O"),
                       ("to", "PART", "TO", "aux", 1, "to", "O"),
                       ("condemn", "VERB", "VB", "xcomp", -2, "condemn", "O"),
                       ("Russia", "PROPN", "NNP", "dobj", -1, "Russia", "B-GPE")]
    owed = _modalities(code_doc(build(vocab, rows)), "condemn")
    assert owed and all(mode == "hypothetical" for mode, _ in owed)
    # "France had to condemn Russia": done
    past = [rows[0], ("had", "VERB", "VBD", "ROOT", 0, "have", "O"), *rows[2:]]
    done = _modalities(code_doc(build(vocab, past)), "condemn")
    assert done == {("asserted", False)}
    # "France has yet to condemn Russia": not (yet) done
    pending = [*rows[:2], ("yet", "ADV", "RB", "advmod", -1, "yet", "O"), ("to", "PART", "TO", "aux", 1, "to", "O"),
               ("condemn", "VERB", "VB", "xcomp", -3, "condemn", "O"), rows[4]]
    not_yet = _modalities(code_doc(build(vocab, pending)), "condemn")
    assert not_yet and all(negated for _, negated in not_yet)


def test_events_modality_clause_of_a_report_noun_is_relayed(vocab: Vocab) -> None:
    # "Iran denied reports that Iraq attacked Kuwait": the attack is what the reports say, not asserted
    rows: list[Row] = [("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"),
                       ("denied", "VERB", "VBD", "ROOT", 0, "deny", "O"),
                       ("reports", "NOUN", "NNS", "dobj", -1, "report", "O"),
                       ("that", "SCONJ", "IN", "mark", 2, "that", "O"),
                       ("Iraq", "PROPN", "NNP", "nsubj", 1, "Iraq", "B-GPE"),
                       ("attacked", "VERB", "VBD", "acl", -3, "attack", "O"),
                       ("Kuwait", "PROPN", "NNP", "dobj", -1, "Kuwait", "B-GPE")]
    relayed = _modalities(code_doc(build(vocab, rows)), "attacked")
    assert relayed and all(mode != "asserted" for mode, _ in relayed)
    # the same clause of a noun that reports nothing ("the fact that Iraq attacked Kuwait") is told as done
    fact = [*rows[:2], ("the", "DET", "DT", "det", 1, "the", "O"), ("fact", "NOUN", "NN", "dobj", -2, "fact", "O"),
            ("that", "SCONJ", "IN", "mark", 2, "that", "O"), ("Iraq", "PROPN", "NNP", "nsubj", 1, "Iraq", "B-GPE"),
            ("attacked", "VERB", "VBD", "acl", -3, "attack", "O"), rows[6]]
    told = _modalities(code_doc(build(vocab, fact)), "attacked")
    assert told and all(mode == "asserted" for mode, _ in told)


def test_events_modality_second_verb_of_an_aim_is_the_same_aim(vocab: Vocab) -> None:
    # "Britain has troops to support Kuwait and monitor Iraq": "to support ... and monitor"
    # is one aim; the second verb is as little done as the first
    rows: list[Row] = [("Britain", "PROPN", "NNP", "nsubj", 1, "Britain", "B-GPE"),
                       ("has", "VERB", "VBZ", "ROOT", 0, "have", "O"),
                       ("troops", "NOUN", "NNS", "dobj", -1, "troop", "O"),
                       ("to", "PART", "TO", "aux", 1, "to", "O"),
                       ("support", "VERB", "VB", "advcl", -3, "support", "O"),
                       ("Kuwait", "PROPN", "NNP", "dobj", -1, "Kuwait", "B-GPE"),
                       ("and", "CCONJ", "CC", "cc", -2, "and", "O"),
                       ("monitor", "VERB", "VB", "conj", -3, "monitor", "O"),
                       ("Iraq", "PROPN", "NNP", "dobj", -1, "Iraq", "B-GPE")]
    events = code_doc(build(vocab, rows))._.events
    by_trigger = {e["trigger"]: e["modality"] for e in events if e["trigger"] in ("support", "monitor")}
    assert by_trigger.get("support") == "intended"
    assert by_trigger.get("monitor") == "intended"
    # with the infinitive repeated: "to support Kuwait and to monitor Iraq"
    repeated = [*rows[:7], ("to", "PART", "TO", "aux", 1, "to", "O"), ("monitor", "VERB", "VB", "conj", -4, "monitor", "O"),
                ("Iraq", "PROPN", "NNP", "dobj", -1, "Iraq", "B-GPE")]
    events = code_doc(build(vocab, repeated))._.events
    by_trigger = {e["trigger"]: e["modality"] for e in events if e["trigger"] in ("support", "monitor")}
    assert by_trigger.get("support") == "intended"
    assert by_trigger.get("monitor") == "intended"


def test_events_modality_a_planned_meeting_noun_is_its_parties_intent(vocab: Vocab) -> None:
    # "Japan's planned visit to China is next.": the visit is intended, and scheduling it is Japan's
    # declared intent to meet (036), as "Japan will visit China" is
    rows: list[Row] = [("Japan", "PROPN", "NNP", "poss", 3, "Japan", "B-GPE"),
                       ("'s", "PART", "POS", "case", -1, "'s", "O"),
                       ("planned", "VERB", "VBN", "amod", 1, "plan", "O"),
                       ("visit", "NOUN", "NN", "nsubj", 3, "visit", "O"),
                       ("to", "ADP", "IN", "prep", -1, "to", "O"),
                       ("China", "PROPN", "NNP", "pobj", -1, "China", "B-GPE"),
                       ("is", "AUX", "VBZ", "ROOT", 0, "be", "O"),
                       ("next", "ADV", "RB", "advmod", -1, "next", "O"),
                       (".", "PUNCT", ".", "punct", -2, ".", "O")]
    events = code_doc(build(vocab, rows))._.events
    visit = {(e["cameo"], e["modality"]) for e in events if e["trigger"] == "visit"}
    assert visit == {("042", "intended"), ("036", "asserted")}
    assert {((e["source"] or {}).get("country"), (e["target"] or {}).get("country")) for e in events if e["cameo"] == "036"} == {("JAP", "CHI")}
    # a planned attack names no declared threat: the strike stays intended, with no 13x of its own
    strike = [*rows[:3], ("attack", "NOUN", "NN", "nsubj", 3, "attack", "O"), ("on", "ADP", "IN", "prep", -1, "on", "O"), *rows[5:]]
    planned = {(e["cameo"][:2], e["modality"]) for e in code_doc(build(vocab, strike))._.events}
    assert planned and all(modality == "intended" and root != "13" for root, modality in planned)


def test_events_modality_a_meeting_agreed_to_declares_no_second_intent(vocab: Vocab) -> None:
    # "Japan agreed to a visit to China.": the agreement (03x on "agreed") declares it; the visit,
    # intended, codes no 036 of its own
    rows: list[Row] = [("Japan", "PROPN", "NNP", "nsubj", 1, "Japan", "B-GPE"),
                       ("agreed", "VERB", "VBD", "ROOT", 0, "agree", "O"),
                       ("to", "ADP", "IN", "prep", -1, "to", "O"),
                       ("a", "DET", "DT", "det", 1, "a", "O"),
                       ("visit", "NOUN", "NN", "pobj", -2, "visit", "O"),
                       ("to", "ADP", "IN", "prep", -1, "to", "O"),
                       ("China", "PROPN", "NNP", "pobj", -1, "China", "B-GPE"),
                       (".", "PUNCT", ".", "punct", -6, ".", "O")]
    visit = {(e["cameo"], e["modality"]) for e in code_doc(build(vocab, rows))._.events if e["trigger"] == "visit"}
    assert visit == {("042", "intended")}


def test_events_modality_talks_sought_declare_no_intent_whatever_the_lemma_case(vocab: Vocab) -> None:
    # review of session 36, finding 14: the governor of a consultation noun (assemble._noun_governor) is compared
    # lower-cased: "Japan will Seek talks with China." with a capitalised lemma ("Seek", as a tagger may give a
    # headline's word) still hangs the talks on a verb of intent, so the talks declare no 036 of their own
    rows: list[Row] = [("Japan", "PROPN", "NNP", "nsubj", 2, "Japan", "B-GPE"),
                       ("will", "AUX", "MD", "aux", 1, "will", "O"),
                       ("Seek", "VERB", "VB", "ROOT", 0, "Seek", "O"),
                       ("talks", "NOUN", "NNS", "dobj", -1, "talk", "O"),
                       ("with", "ADP", "IN", "prep", -1, "with", "O"),
                       ("China", "PROPN", "NNP", "pobj", -1, "China", "B-GPE"),
                       (".", "PUNCT", ".", "punct", -4, ".", "O")]
    talks = {(e["cameo"], e["modality"]) for e in code_doc(build(vocab, rows))._.events if e["trigger"] == "talks"}
    assert talks == {("046", "intended")}


def test_events_modality_denied_readiness_declares_no_intent(vocab: Vocab) -> None:
    # "Kenya is willing to meet Uganda": the meeting is intended and Kenya declares it (036); "Kenya is not willing
    # to meet Uganda": the readiness is denied, the meeting intended and negated, and no intent is declared
    rows: list[Row] = [("Kenya", "PROPN", "NNP", "nsubj", 1, "Kenya", "B-GPE"),
                       ("is", "AUX", "VBZ", "ROOT", 0, "be", "O"),
                       ("not", "PART", "RB", "neg", -1, "not", "O"),
                       ("willing", "ADJ", "JJ", "acomp", -2, "willing", "O"),
                       ("to", "PART", "TO", "aux", 1, "to", "O"),
                       ("meet", "VERB", "VB", "xcomp", -2, "meet", "O"),
                       ("Uganda", "PROPN", "NNP", "dobj", -1, "Uganda", "B-GPE")]
    assert coded(build(vocab, rows)) == {("040", "intended", True)}
    willing = [rows[0], rows[1], *rows[3:]]
    willing[2] = ("willing", "ADJ", "JJ", "acomp", -1, "willing", "O")
    assert coded(build(vocab, willing)) == {("040", "intended", False), ("036", "asserted", False)}
