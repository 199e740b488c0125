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

# (word, pos, tag, dep, head offset, lemma, entity)
Row = tuple[str, str, str, str, int, str, str]


@pytest.fixture(scope="module")
def vocab() -> Vocab:
    """An English vocab (a bare Vocab has no lower-case forms, which the coder reads)."""
    return spacy.blank("en").vocab


def build(vocab: Vocab, rows: list[Row], published: dt.date | None = None) -> Doc:
    """A parsed one-sentence Doc whose PERSON/GPE/ORG entities are actors (a GPE is its own country)."""
    doc = Doc(vocab, words=[r[0] for r in rows], pos=[r[1] for r in rows], tags=[r[2] for r in rows],
              deps=[r[3] for r in rows], heads=[i + r[4] for i, r in enumerate(rows)], lemmas=[r[5] for r in rows],
              ents=[r[6] for r in rows], sent_starts=[True] + [False] * (len(rows) - 1))
    doc._.published = published
    doc._.actors = [{"name": ent.text, "label": ent.label_, "code": ent.text.upper()[:3],
                     "country": ent.text.upper()[:3] if ent.label_ == "GPE" else None, "sector": None,
                     "mentions": [{"text": ent.text, "start": ent.start_char, "end": ent.end_char, "sentence": 0}]}
                    for ent in doc.ents if ent.label_ in ("PERSON", "GPE", "ORG")]
    doc._.events = []
    return doc


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
    # "China would support Taiwan": China declares an intent (032) ...
    rows: list[Row] = [("China", "PROPN", "NNP", "nsubj", 2, "China", "B-GPE"),
                       ("would", "AUX", "MD", "aux", 1, "would", "O"),
                       ("support", "VERB", "VB", "ROOT", 0, "support", "O"),
                       ("Taiwan", "PROPN", "NNP", "dobj", -1, "Taiwan", "B-GPE")]
    assert coded(build(vocab, rows)) == {("050", "intended", False), ("032", "asserted", False)}
    # ... "the deal would support Taiwan" names nobody who declares it: the act stays intended
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


def expelled(vocab: Vocab, when: list[Row], published: dt.date | None = None) -> str:
    """The modality of "Amin expelled Uganda <when>" (the time phrase hangs on the verb)."""
    rows: list[Row] = [("Amin", "PROPN", "NNP", "nsubj", 1, "Amin", "B-PERSON"),
                       ("expelled", "VERB", "VBD", "ROOT", 0, "expel", "O"),
                       ("Uganda", "PROPN", "NNP", "dobj", -1, "Uganda", "B-GPE"), *when]
    events = code_doc(build(vocab, rows, published))._.events
    assert events
    return str(events[0]["modality"])


def test_events_modality_relative_and_era_times_are_historical(vocab: Vocab) -> None:
    ago: list[Row] = [("18", "NUM", "CD", "nummod", 1, "18", "B-DATE"), ("years", "NOUN", "NNS", "npadvmod", 1, "year", "I-DATE"),
                      ("ago", "ADV", "RB", "advmod", -4, "ago", "I-DATE")]
    assert expelled(vocab, ago) == "historical"  # no publication date needed
    year_ago: list[Row] = [("a", "DET", "DT", "det", 1, "a", "B-DATE"), ("year", "NOUN", "NN", "npadvmod", 1, "year", "I-DATE"),
                           ("ago", "ADV", "RB", "advmod", -4, "ago", "I-DATE")]
    assert expelled(vocab, year_ago) == "asserted"  # last year's act is news
    decade: list[Row] = [("in", "ADP", "IN", "prep", -2, "in", "O"), ("the", "DET", "DT", "det", 1, "the", "B-DATE"),
                         ("1970s", "NOUN", "NNS", "pobj", -2, "1970", "I-DATE")]
    assert expelled(vocab, decade, dt.date(2004, 5, 1)) == "historical"
    war: list[Row] = [("during", "ADP", "IN", "prep", -2, "during", "O"), ("World", "PROPN", "NNP", "compound", 1, "World", "B-EVENT"),
                      ("War", "PROPN", "NNP", "pobj", -2, "War", "I-EVENT"), ("II", "PROPN", "NNP", "nummod", -1, "II", "I-EVENT")]
    assert expelled(vocab, war) == "historical"


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
    # "NATO would tighten the blockade of Serbia": the blockade is the act (tighten is a light
    # verb), intended, and announcing it threatens a blockade (CAMEO 1381)
    doc = build(vocab, [("NATO", "PROPN", "NNP", "nsubj", 2, "NATO", "B-ORG"),
                        ("would", "AUX", "MD", "aux", 1, "would", "O"),
                        ("tighten", "VERB", "VB", "ROOT", 0, "tighten", "O"),
                        ("the", "DET", "DT", "det", 1, "the", "O"),
                        ("blockade", "NOUN", "NN", "dobj", -2, "blockade", "O"),
                        ("of", "ADP", "IN", "prep", -1, "of", "O"),
                        ("Serbia", "PROPN", "NNP", "pobj", -1, "Serbia", "B-GPE")])
    assert {(e["cameo"], e["modality"]) for e in code_doc(doc)._.events} == {("191", "intended"), ("1381", "asserted")}


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
