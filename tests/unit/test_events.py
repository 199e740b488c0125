"""The event coder on hand-built parses: roles, codes, negation, modality, precision, one event per act."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc
from spacy.vocab import Vocab

import pytest
import spacy

import dateline.nlp  # noqa: F401  (registers the Doc extensions)
from dateline.events import _key, code_doc

from handbuilt import Row, parsed_doc



@pytest.fixture(scope="module")
def vocab() -> Vocab:
    """An English vocab (a bare Vocab has no lower-case forms, which the coder reads)."""
    return spacy.blank("en").vocab


def build(vocab: Vocab, rows: list[Row], *, published: dt.date | None = None) -> Doc:
    """One parsed sentence; its entities are actors, a GPE its own country."""
    return parsed_doc(vocab, rows, published=published)


def kim_met_pompeo(vocab: Vocab) -> Doc:
    return build(vocab, [("Kim", "PROPN", "NNP", "nsubj", 1, "Kim", "B-PERSON"),
                         ("met", "VERB", "VBD", "ROOT", 0, "meet", "O"),
                         ("Pompeo", "PROPN", "NNP", "dobj", -1, "Pompeo", "B-PERSON"),
                         (".", "PUNCT", ".", "punct", -2, ".", "O")])


def test_events_verb_subject_object_reciprocal(vocab: Vocab) -> None:
    doc = code_doc(kim_met_pompeo(vocab))
    assert len(doc._.events) == 1
    event = doc._.events[0]
    assert (event["cameo"], event["plover"]["event"], event["reciprocal"]) == ("040", "CONSULT", True)
    assert (event["source"]["text"], event["target"]["text"]) == ("Kim", "Pompeo")
    assert event["source"]["code"] == "KIM"  # codes come from actor_ref, not from the coder
    assert event["trigger"] == "met" and doc.text[slice(*event["span"])] == "met"
    assert event["negated"] is False and event["modality"] == "asserted"
    assert event["date"] == {"value": None, "granularity": None, "source": None} and event["location"] is None


def test_events_negation_kept_apart(vocab: Vocab) -> None:
    doc = code_doc(build(vocab, [("Trump", "PROPN", "NNP", "nsubj", 3, "Trump", "B-PERSON"),
                                 ("did", "AUX", "VBD", "aux", 2, "do", "O"),
                                 ("not", "PART", "RB", "neg", 1, "not", "O"),
                                 ("criticize", "VERB", "VB", "ROOT", 0, "criticize", "O"),
                                 ("Kim", "PROPN", "NNP", "dobj", -1, "Kim", "B-PERSON")]))
    assert [(e["cameo"][:2], e["negated"]) for e in doc._.events] == [("11", True)]


def test_events_avoided_act_is_negated(vocab: Vocab) -> None:
    doc = code_doc(build(vocab, [("Trump", "PROPN", "NNP", "nsubj", 1, "Trump", "B-PERSON"),
                                 ("avoided", "VERB", "VBD", "ROOT", 0, "avoid", "O"),
                                 ("criticizing", "VERB", "VBG", "xcomp", -1, "criticize", "O"),
                                 ("Kim", "PROPN", "NNP", "dobj", -1, "Kim", "B-PERSON")]))
    assert doc._.events and all(e["negated"] for e in doc._.events)
    assert doc._.events[0]["source"]["text"] == "Trump"  # inherited through the xcomp


def test_events_future_is_intended_plus_asserted_intent(vocab: Vocab) -> None:
    doc = code_doc(build(vocab, [("Kim", "PROPN", "NNP", "nsubj", 2, "Kim", "B-PERSON"),
                                 ("will", "AUX", "MD", "aux", 1, "will", "O"),
                                 ("visit", "VERB", "VB", "ROOT", 0, "visit", "O"),
                                 ("Beijing", "PROPN", "NNP", "dobj", -1, "Beijing", "B-GPE")]))
    coded = {(e["cameo"], e["modality"]) for e in doc._.events}
    assert coded == {("042", "intended"), ("036", "asserted")}


def test_events_refusal_is_reject_and_embedded_act_not_asserted(vocab: Vocab) -> None:
    doc = code_doc(build(vocab, [("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"),
                                 ("refused", "VERB", "VBD", "ROOT", 0, "refuse", "O"),
                                 ("to", "PART", "TO", "aux", 1, "to", "O"),
                                 ("meet", "VERB", "VB", "xcomp", -2, "meet", "O"),
                                 ("Japan", "PROPN", "NNP", "dobj", -1, "Japan", "B-GPE")]))
    asserted = [e["plover"]["event"] for e in doc._.events if e["modality"] == "asserted" and not e["negated"]]
    assert "REJECT" in asserted and "CONSULT" not in asserted


def test_events_nominal_meeting_between(vocab: Vocab) -> None:
    doc = code_doc(build(vocab, [("a", "DET", "DT", "det", 1, "a", "O"),
                                 ("meeting", "NOUN", "NN", "nsubj", 5, "meeting", "O"),
                                 ("between", "ADP", "IN", "prep", -1, "between", "O"),
                                 ("Kim", "PROPN", "NNP", "pobj", -1, "Kim", "B-PERSON"),
                                 ("and", "CCONJ", "CC", "cc", -1, "and", "O"),
                                 ("Pompeo", "PROPN", "NNP", "conj", -2, "Pompeo", "B-PERSON"),
                                 ("ended", "VERB", "VBD", "ROOT", 0, "end", "O")]))
    meetings = [e for e in doc._.events if e["trigger"] == "meeting"]
    assert len(meetings) == 1 and meetings[0]["reciprocal"]
    assert {meetings[0]["source"]["text"], meetings[0]["target"]["text"]} == {"Kim", "Pompeo"}


def test_events_no_actor_no_event(vocab: Vocab) -> None:
    doc = code_doc(build(vocab, [("The", "DET", "DT", "det", 1, "the", "O"),
                                 ("prices", "NOUN", "NNS", "nsubj", 1, "price", "O"),
                                 ("attacked", "VERB", "VBD", "ROOT", 0, "attack", "O"),
                                 ("records", "NOUN", "NNS", "dobj", -1, "record", "O")]))
    assert doc._.events == []


def test_events_story_discard_codes_nothing(vocab: Vocab) -> None:
    doc = build(vocab, [("Kim", "PROPN", "NNP", "nsubj", 1, "Kim", "B-PERSON"),
                        ("met", "VERB", "VBD", "ROOT", 0, "meet", "O"),
                        ("Pompeo", "PROPN", "NNP", "dobj", -1, "Pompeo", "B-PERSON"),
                        ("at", "ADP", "IN", "prep", -2, "at", "O"),
                        ("the", "DET", "DT", "det", 2, "the", "O"),
                        ("Australian", "ADJ", "JJ", "compound", 1, "australian", "O"),
                        ("Open", "PROPN", "NNP", "pobj", -4, "Open", "O")])
    assert code_doc(doc)._.events == []


def test_events_historical_by_year(vocab: Vocab) -> None:
    doc = code_doc(build(vocab, [("Kim", "PROPN", "NNP", "nsubj", 1, "Kim", "B-PERSON"),
                                 ("met", "VERB", "VBD", "ROOT", 0, "meet", "O"),
                                 ("Pompeo", "PROPN", "NNP", "dobj", -1, "Pompeo", "B-PERSON"),
                                 ("in", "ADP", "IN", "prep", -2, "in", "O"),
                                 ("1998", "NUM", "CD", "pobj", -1, "1998", "B-DATE")], published=dt.date(2019, 1, 19)))
    # a background act the text dates: asserted (counted), flagged as background
    assert [(e["modality"], e["background"]) for e in doc._.events] == [("asserted", True)]


def test_events_reciprocal_key_ignores_direction() -> None:
    def event(source: str, target: str) -> dict:
        return {"sentence": 0, "source": {"text": source, "code": source}, "target": {"text": target, "code": target},
                "cameo": "040", "negated": False, "modality": "asserted", "reciprocal": True}

    assert _key(event("USA", "PRK")) == _key(event("PRK", "USA"))
    one_way = {**event("USA", "PRK"), "reciprocal": False}
    assert _key(one_way) != _key({**event("PRK", "USA"), "reciprocal": False})


def asserted(doc: Doc) -> list[tuple[str, str | None, str | None]]:
    """(PLOVER type, source text, target text) of the asserted, non-negated events."""
    return [(e["plover"]["event"], (e["source"] or {}).get("text"), (e["target"] or {}).get("text"))
            for e in doc._.events if e["modality"] == "asserted" and not e["negated"] and e["plover"]["event"]]


def test_events_infinitive_of_agreement_is_intended_and_gives_the_target(vocab: Vocab) -> None:
    doc = code_doc(build(vocab, [("Congress", "PROPN", "NNP", "nsubj", 1, "Congress", "B-ORG"),
                                 ("agreed", "VERB", "VBD", "ROOT", 0, "agree", "O"),
                                 ("to", "PART", "TO", "aux", 1, "to", "O"),
                                 ("provide", "VERB", "VB", "xcomp", -2, "provide", "O"),
                                 ("aid", "NOUN", "NN", "dobj", -1, "aid", "O"),
                                 ("to", "ADP", "IN", "prep", -2, "to", "O"),
                                 ("Iran", "PROPN", "NNP", "pobj", -1, "Iran", "B-GPE"),
                                 ("and", "CCONJ", "CC", "cc", -1, "and", "O"),
                                 ("Cuba", "PROPN", "NNP", "conj", -2, "Cuba", "B-GPE")]))
    # One AGREE per target of the agreed act; the aid itself is not asserted.
    assert sorted(asserted(doc)) == [("AGREE", "Congress", "Cuba"), ("AGREE", "Congress", "Iran")]
    provided = [e for e in doc._.events if e["trigger"] == "aid"]  # "provide" is a light verb: the aid is the act
    assert provided and all(e["modality"] == "intended" for e in provided)


def test_events_intending_a_hostile_act_is_a_threat(vocab: Vocab) -> None:
    doc = code_doc(build(vocab, [("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"),
                                 ("promised", "VERB", "VBD", "ROOT", 0, "promise", "O"),
                                 ("to", "PART", "TO", "aux", 1, "to", "O"),
                                 ("attack", "VERB", "VB", "xcomp", -2, "attack", "O"),
                                 ("Iraq", "PROPN", "NNP", "dobj", -1, "Iraq", "B-GPE")]))
    assert asserted(doc) == [("THREATEN", "Iran", "Iraq")]


def test_events_relative_clause_is_not_a_separate_act(vocab: Vocab) -> None:
    # a present-tense relative clause describes ("Israel, which attacks Lebanon"); a past one with
    # both sides coded is asserted (tests/unit/test_events_clauses.py, issue 11)
    doc = code_doc(build(vocab, [("Syria", "PROPN", "NNP", "nsubj", 1, "Syria", "B-GPE"),
                                 ("criticized", "VERB", "VBD", "ROOT", 0, "criticize", "O"),
                                 ("Israel", "PROPN", "NNP", "dobj", -1, "Israel", "B-GPE"),
                                 (",", "PUNCT", ",", "punct", -1, ",", "O"),
                                 ("which", "PRON", "WDT", "nsubj", 1, "which", "O"),
                                 ("attacks", "VERB", "VBZ", "relcl", -3, "attack", "O"),
                                 ("Lebanon", "PROPN", "NNP", "dobj", -1, "Lebanon", "B-GPE")]))
    assert [t for t, _, _ in asserted(doc)] == ["ACCUSE"]
    attack = [e for e in doc._.events if e["trigger"] == "attacks"]
    assert attack and attack[0]["modality"] == "reported" and attack[0]["target"]["text"] == "Lebanon"


def test_events_reported_clause_pronoun_is_the_speaker(vocab: Vocab) -> None:
    doc = code_doc(build(vocab, [("Hungary", "PROPN", "NNP", "nsubj", 1, "Hungary", "B-GPE"),
                                 ("said", "VERB", "VBD", "ROOT", 0, "say", "O"),
                                 ("it", "PRON", "PRP", "nsubj", 2, "it", "O"),
                                 ("would", "AUX", "MD", "aux", 1, "would", "O"),
                                 ("attack", "VERB", "VB", "ccomp", -3, "attack", "O"),
                                 ("Serbia", "PROPN", "NNP", "dobj", -1, "Serbia", "B-GPE")]))
    # the future hostile act is intended, its announcement a threat by the speaker's country
    assert asserted(doc) == [("THREATEN", "Hungary", "Serbia")]


def test_events_coordinated_demonyms_give_one_event_each(vocab: Vocab) -> None:
    doc = code_doc(build(vocab, [("Hungarian", "ADJ", "JJ", "amod", 3, "hungarian", "B-NORP"),
                                 ("and", "CCONJ", "CC", "cc", -1, "and", "O"),
                                 ("Romanian", "ADJ", "JJ", "conj", -2, "romanian", "B-NORP"),
                                 ("officials", "NOUN", "NNS", "nsubj", 1, "official", "O"),
                                 ("criticized", "VERB", "VBD", "ROOT", 0, "criticize", "O"),
                                 ("Serbia", "PROPN", "NNP", "dobj", -1, "Serbia", "B-GPE")]))
    assert sorted(asserted(doc)) == [("ACCUSE", "Hungarian", "Serbia"), ("ACCUSE", "Romanian", "Serbia")]


def test_events_saying_another_must_act_is_a_request(vocab: Vocab) -> None:
    doc = code_doc(build(vocab, [("Russia", "PROPN", "NNP", "nsubj", 1, "Russia", "B-GPE"),
                                 ("said", "VERB", "VBD", "ROOT", 0, "say", "O"),
                                 ("Sudan", "PROPN", "NNP", "nsubj", 2, "Sudan", "B-GPE"),
                                 ("must", "AUX", "MD", "aux", 1, "must", "O"),
                                 ("release", "VERB", "VB", "ccomp", -3, "release", "O"),
                                 ("prisoners", "NOUN", "NNS", "dobj", -1, "prisoner", "O")]))
    assert asserted(doc) == [("REQUEST", "Russia", "Sudan")]  # the release is demanded, not done


def test_events_request_targets_the_subject_of_what_is_demanded(vocab: Vocab) -> None:
    doc = code_doc(build(vocab, [("China", "PROPN", "NNP", "nsubj", 1, "China", "B-GPE"),
                                 ("demanded", "VERB", "VBD", "ROOT", 0, "demand", "O"),
                                 ("that", "SCONJ", "IN", "mark", 2, "that", "O"),
                                 ("Japan", "PROPN", "NNP", "nsubj", 1, "Japan", "B-GPE"),
                                 ("release", "VERB", "VB", "ccomp", -3, "release", "O"),
                                 ("prisoners", "NOUN", "NNS", "dobj", -1, "prisoner", "O")]))
    assert asserted(doc) == [("REQUEST", "China", "Japan")]


def test_events_place_is_the_target_of_last_resort(vocab: Vocab) -> None:
    doc = code_doc(build(vocab, [("Turkey", "PROPN", "NNP", "nsubj", 1, "Turkey", "B-GPE"),
                                 ("imposed", "VERB", "VBD", "ROOT", 0, "impose", "O"),
                                 ("a", "DET", "DT", "det", 1, "a", "O"),
                                 ("curfew", "NOUN", "NN", "dobj", -2, "curfew", "O"),
                                 ("in", "ADP", "IN", "prep", -1, "in", "O"),
                                 ("Cizre", "PROPN", "NNP", "pobj", -1, "Cizre", "B-GPE")]))
    assert asserted(doc) == [("COERCE", "Turkey", "Cizre")]


def test_events_light_verb_noun_is_the_event(vocab: Vocab) -> None:
    # "Iran staged a protest against Iraq": the noun decides the code, the light verb's subject acts
    doc = code_doc(build(vocab, [("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"),
                                 ("staged", "VERB", "VBD", "ROOT", 0, "stage", "O"),
                                 ("a", "DET", "DT", "det", 1, "a", "O"),
                                 ("protest", "NOUN", "NN", "dobj", -2, "protest", "O"),
                                 ("against", "ADP", "IN", "prep", -1, "against", "O"),
                                 ("Iraq", "PROPN", "NNP", "pobj", -1, "Iraq", "B-GPE")]))
    assert [(e["cameo"], e["trigger"], e["source"]["text"], e["target"]["text"]) for e in doc._.events] == [
        ("140", "protest", "Iran", "Iraq")]


def test_events_light_verb_target_on_the_verb(vocab: Vocab) -> None:
    # "Canada imposed sanctions on Iran": the target hangs on the light verb
    doc = code_doc(build(vocab, [("Canada", "PROPN", "NNP", "nsubj", 1, "Canada", "B-GPE"),
                                 ("imposed", "VERB", "VBD", "ROOT", 0, "impose", "O"),
                                 ("sanctions", "NOUN", "NNS", "dobj", -1, "sanction", "O"),
                                 ("on", "ADP", "IN", "prep", -2, "on", "O"),
                                 ("Iran", "PROPN", "NNP", "pobj", -1, "Iran", "B-GPE")]))
    assert [(e["cameo"], e["plover"]["event"], e["target"]["text"]) for e in doc._.events] == [("163", "SANCTION", "Iran")]


def test_events_governed_noun_needs_a_light_verb(vocab: Vocab) -> None:
    # "the sanctions on Iran" describes; without a light verb (or a named owner, "Canada's
    # sanctions on Iran": issue 11, recall, tests/e2e/test_recall_nouns.py) a governed noun codes nothing
    doc = code_doc(build(vocab, [("the", "DET", "DT", "det", 1, "the", "O"),
                                 ("sanctions", "NOUN", "NNS", "ROOT", 0, "sanction", "O"),
                                 ("on", "ADP", "IN", "prep", -1, "on", "O"),
                                 ("Iran", "PROPN", "NNP", "pobj", -1, "Iran", "B-GPE")]))
    assert doc._.events == []


def test_events_compound_and_frame_nouns(vocab: Vocab) -> None:
    # "a hunger strike" (modifier + noun key) and "a mediation effort" (the modifier is the act)
    strike = code_doc(build(vocab, [("Kim", "PROPN", "NNP", "nsubj", 1, "Kim", "B-PERSON"),
                                    ("began", "VERB", "VBD", "ROOT", 0, "begin", "O"),
                                    ("a", "DET", "DT", "det", 2, "a", "O"),
                                    ("hunger", "NOUN", "NN", "compound", 1, "hunger", "O"),
                                    ("strike", "NOUN", "NN", "dobj", -3, "strike", "O")]))
    assert [e["cameo"] for e in strike._.events] == ["142"]
    effort = code_doc(build(vocab, [("Qatar", "PROPN", "NNP", "nsubj", 1, "Qatar", "B-GPE"),
                                    ("launched", "VERB", "VBD", "ROOT", 0, "launch", "O"),
                                    ("a", "DET", "DT", "det", 2, "a", "O"),
                                    ("mediation", "NOUN", "NN", "compound", 1, "mediation", "O"),
                                    ("effort", "NOUN", "NN", "dobj", -3, "effort", "O"),
                                    ("between", "ADP", "IN", "prep", -1, "between", "O"),
                                    ("Egypt", "PROPN", "NNP", "pobj", -1, "Egypt", "B-GPE")]))
    # a third party mediates: the launcher acts on the parties "between" names
    assert [(e["cameo"], e["trigger"], e["source"]["text"], e["target"]["text"]) for e in effort._.events] == [
        ("045", "effort", "Qatar", "Egypt")]


def test_events_corrected_verb_default(vocab: Vocab) -> None:
    # Phoenix codes bare "think" as 040 Consult; verbs_extra.tsv nulls it, "sue" is 115 not 173
    think = code_doc(build(vocab, [("Kim", "PROPN", "NNP", "nsubj", 1, "Kim", "B-PERSON"),
                                   ("thought", "VERB", "VBD", "ROOT", 0, "think", "O"),
                                   ("about", "ADP", "IN", "prep", -1, "about", "O"),
                                   ("Trump", "PROPN", "NNP", "pobj", -1, "Trump", "B-PERSON")]))
    assert think._.events == []
    sue = code_doc(build(vocab, [("Kim", "PROPN", "NNP", "nsubj", 1, "Kim", "B-PERSON"),
                                 ("sued", "VERB", "VBD", "ROOT", 0, "sue", "O"),
                                 ("Trump", "PROPN", "NNP", "dobj", -1, "Trump", "B-PERSON")]))
    assert [e["cameo"] for e in sue._.events] == ["115"]


def _story(vocab: Vocab, code: str) -> Doc:
    """Six sentences "Kim met Pompeo." whose actors carry ``code``."""
    rows = [("Kim", "PROPN", "NNP", "nsubj", 1, "Kim", "B-PERSON"), ("met", "VERB", "VBD", "ROOT", 0, "meet", "O"),
            ("Pompeo", "PROPN", "NNP", "dobj", -1, "Pompeo", "B-PERSON"), (".", "PUNCT", ".", "punct", -2, ".", "O")]
    rows = rows * 6
    doc = Doc(vocab, words=[r[0] for r in rows], pos=[r[1] for r in rows], tags=[r[2] for r in rows],
              deps=[r[3] for r in rows], heads=[i + r[4] for i, r in enumerate(rows)], lemmas=[r[5] for r in rows],
              ents=[r[6] for r in rows], sent_starts=[i % 4 == 0 for i in range(len(rows))])
    doc._.published = None
    doc._.actors = [{"name": ent.text, "label": ent.label_, "code": code, "country": None, "sector": None,
                     "mentions": [{"text": ent.text, "start": ent.start_char, "end": ent.end_char, "sentence": 0}]}
                    for ent in doc.ents]
    return doc


def test_events_story_without_political_actor_codes_nothing(vocab: Vocab) -> None:
    assert code_doc(_story(vocab, "GBR"))._.events == []  # a team's nationality is no state act
    assert code_doc(_story(vocab, "GBRGOV"))._.events  # a government actor: a political story
    assert code_doc(kim_met_pompeo(vocab))._.events  # one sentence is not judged as a story


def _pairs(doc: Doc, plover: str) -> list[tuple[str | None, str | None]]:
    return [((e["source"] or {}).get("text"), (e["target"] or {}).get("text"))
            for e in doc._.events if e["plover"]["event"] == plover and e["modality"] == "asserted"]


def test_events_target_found_below_a_non_actor_object(vocab: Vocab) -> None:
    # "Israel fired shells at targets in Jericho": neither shells nor targets are actors
    doc = code_doc(build(vocab, [("Israel", "PROPN", "NNP", "nsubj", 1, "Israel", "B-GPE"),
                                 ("fired", "VERB", "VBD", "ROOT", 0, "fire", "O"),
                                 ("shells", "NOUN", "NNS", "dobj", -1, "shell", "O"),
                                 ("at", "ADP", "IN", "prep", -2, "at", "O"),
                                 ("targets", "NOUN", "NNS", "pobj", -1, "target", "O"),
                                 ("in", "ADP", "IN", "prep", -1, "in", "O"),
                                 ("Jericho", "PROPN", "NNP", "pobj", -1, "Jericho", "B-GPE")]))
    assert doc._.events and {(e["source"]["text"], e["target"]["text"]) for e in doc._.events} == {("Israel", "Jericho")}


def test_events_fronted_phrase_is_no_target(vocab: Vocab) -> None:
    # "With Egypt, Israel agreed.": the fronted phrase sets the scene
    doc = code_doc(build(vocab, [("With", "ADP", "IN", "prep", 3, "with", "O"),
                                 ("Egypt", "PROPN", "NNP", "pobj", -1, "Egypt", "B-GPE"),
                                 (",", "PUNCT", ",", "punct", 1, ",", "O"),
                                 ("Israel", "PROPN", "NNP", "nsubj", 1, "Israel", "B-GPE"),
                                 ("agreed", "VERB", "VBD", "ROOT", 0, "agree", "O")]))
    assert _pairs(doc, "AGREE") == [("Israel", None)]


def test_events_stranded_subject_after_fronted_phrase(vocab: Vocab) -> None:
    # the parser hung the subject as a conjunct of the fronted phrase's object
    doc = code_doc(build(vocab, [("With", "ADP", "IN", "prep", 6, "with", "O"),
                                 ("the", "DET", "DT", "det", 1, "the", "O"),
                                 ("accord", "NOUN", "NN", "pobj", -2, "accord", "O"),
                                 (",", "PUNCT", ",", "punct", -1, ",", "O"),
                                 ("Sudan", "PROPN", "NNP", "conj", -2, "Sudan", "B-GPE"),
                                 ("has", "AUX", "VBZ", "aux", 1, "have", "O"),
                                 ("agreed", "VERB", "VBN", "ROOT", 0, "agree", "O")]))
    assert _pairs(doc, "AGREE") == [("Sudan", None)]


def test_events_compound_subject_agrees_once_each_but_meets_once(vocab: Vocab) -> None:
    def pair(verb: str, lemma: str) -> Doc:
        return code_doc(build(vocab, [("Israel", "PROPN", "NNP", "nsubj", 3, "Israel", "B-GPE"),
                                      ("and", "CCONJ", "CC", "cc", -1, "and", "O"),
                                      ("Egypt", "PROPN", "NNP", "conj", -2, "Egypt", "B-GPE"),
                                      (verb, "VERB", "VBD", "ROOT", 0, lemma, "O")]))
    # one event per party (PLOVER's each_party), each aimed at the other party (docs/annotation.md section 4:
    # for agreements each party is the other's target; session 28, before which each had no target)
    assert sorted(_pairs(pair("agreed", "agree"), "AGREE")) == [("Egypt", "Israel"), ("Israel", "Egypt")]
    met = pair("met", "meet")._.events
    assert len(met) == 1 and met[0]["reciprocal"] and (met[0]["source"]["text"], met[0]["target"]["text"]) == ("Israel", "Egypt")


def test_events_mediation_between_targets_both_parties(vocab: Vocab) -> None:
    doc = code_doc(build(vocab, [("Klibi", "PROPN", "NNP", "nsubj", 1, "Klibi", "B-PERSON"),
                                 ("launched", "VERB", "VBD", "ROOT", 0, "launch", "O"),
                                 ("mediation", "NOUN", "NN", "dobj", -1, "mediation", "O"),
                                 ("between", "ADP", "IN", "prep", -1, "between", "O"),
                                 ("Syria", "PROPN", "NNP", "pobj", -1, "Syria", "B-GPE"),
                                 ("and", "CCONJ", "CC", "cc", -1, "and", "O"),
                                 ("Jordan", "PROPN", "NNP", "conj", -2, "Jordan", "B-GPE")]))
    assert sorted(_pairs(doc, "CONSULT")) == [("Klibi", "Jordan"), ("Klibi", "Syria")]


def test_events_threat_targets_whom_its_condition_binds(vocab: Vocab) -> None:
    # "Russia threatened to leave unless America withdrew"
    doc = code_doc(build(vocab, [("Russia", "PROPN", "NNP", "nsubj", 1, "Russia", "B-GPE"),
                                 ("threatened", "VERB", "VBD", "ROOT", 0, "threaten", "O"),
                                 ("to", "PART", "TO", "aux", 1, "to", "O"),
                                 ("leave", "VERB", "VB", "xcomp", -2, "leave", "O"),
                                 ("unless", "SCONJ", "IN", "mark", 2, "unless", "O"),
                                 ("America", "PROPN", "NNP", "nsubj", 1, "America", "B-GPE"),
                                 ("withdrew", "VERB", "VBD", "advcl", -3, "withdraw", "O")]))
    assert ("Russia", "America") in _pairs(doc, "THREATEN")


def test_events_plan_to_impose_a_hostile_measure_is_a_threat(vocab: Vocab) -> None:
    doc = code_doc(build(vocab, [("Greece", "PROPN", "NNP", "nsubj", 1, "Greece", "B-GPE"),
                                 ("plans", "VERB", "VBZ", "ROOT", 0, "plan", "O"),
                                 ("to", "PART", "TO", "aux", 1, "to", "O"),
                                 ("impose", "VERB", "VB", "xcomp", -2, "impose", "O"),
                                 ("sanctions", "NOUN", "NNS", "dobj", -1, "sanction", "O"),
                                 ("on", "ADP", "IN", "prep", -1, "on", "O"),
                                 ("Turkey", "PROPN", "NNP", "pobj", -1, "Turkey", "B-GPE")]))
    assert ("Greece", "Turkey") in _pairs(doc, "THREATEN")
    assert not _pairs(doc, "AGREE")


@pytest.mark.parametrize(("verb", "lemma", "particle", "noun", "noun_lemma", "plover"), [
    ("called", "call", "off", "strike", "strike", "CONCEDE"),  # a phrasal verb is no light verb
    ("accepted", "accept", "", "demands", "demand", "CONCEDE"),
    ("cancelled", "cancel", "", "visit", "visit", "SANCTION"),
])
def test_events_lexicon_codes_yielding_and_reducing_relations(vocab: Vocab, verb: str, lemma: str, particle: str,
                                                              noun: str, noun_lemma: str, plover: str) -> None:
    rows: list[Row] = [("Sudan", "PROPN", "NNP", "nsubj", 1, "Sudan", "B-GPE"), (verb, "VERB", "VBD", "ROOT", 0, lemma, "O")]
    if particle:
        rows.append((particle, "ADP", "RP", "prt", -1, particle, "O"))
    rows += [(noun, "NOUN", "NNS", "dobj", -len(rows) + 1, noun_lemma, "O"),
             ("to", "ADP", "IN", "prep", -1, "to", "O"),
             ("Chad", "PROPN", "NNP", "pobj", -1, "Chad", "B-GPE")]
    doc = code_doc(build(vocab, rows))
    coded = {e["plover"]["event"] for e in doc._.events if e["modality"] == "asserted" and not e["negated"]}
    assert plover in coded, doc._.events


def _rebels_oppose_until_met(vocab: Vocab, aux: tuple[str, str], by: str | None = None) -> Doc:
    # "Rebels oppose talks until their demands are met" / "... were met" (/ "... by <by>")
    agent = [("by", "ADP", "IN", "agent", -1, "by", "O"), (by, "PROPN", "NNP", "pobj", -1, by, "B-GPE")] if by else []
    return build(vocab, [("Rebels", "PROPN", "NNPS", "nsubj", 1, "Rebels", "B-NORP"),
                         ("oppose", "VERB", "VBP", "ROOT", 0, "oppose", "O"),
                         ("talks", "NOUN", "NNS", "dobj", -1, "talk", "O"),
                         ("until", "SCONJ", "IN", "mark", 4, "until", "O"),
                         ("their", "PRON", "PRP$", "poss", 1, "their", "O"),
                         ("demands", "NOUN", "NNS", "nsubjpass", 2, "demand", "O"),
                         (aux[0], "AUX", aux[1], "auxpass", 1, "be", "O"),
                         ("met", "VERB", "VBN", "advcl", -6, "meet", "O"), *agent])


def test_events_pending_until_clause_is_hypothetical(vocab: Vocab) -> None:
    # (the one who meets the demands named: the rebels, whose demands they are, are no doer of it)
    doc = code_doc(_rebels_oppose_until_met(vocab, ("are", "VBP"), by="Chad"))
    met = [e for e in doc._.events if e["trigger"] == "met"]
    assert met and all(e["modality"] == "hypothetical" for e in met)
    # the main clause stays asserted: "until" binds only its own clause
    assert [e["modality"] for e in doc._.events if e["trigger"] == "oppose"] == ["asserted"]


def test_events_past_until_clause_stays_asserted(vocab: Vocab) -> None:
    doc = code_doc(_rebels_oppose_until_met(vocab, ("were", "VBD")))
    # the past clause adds no hypothetical event ("their demands were met" has no party of its own, so
    # no event at all), and the main clause stays asserted
    assert [(e["trigger"], e["modality"]) for e in doc._.events] == [("oppose", "asserted")]


def test_events_resignation_is_retreat(vocab: Vocab) -> None:
    doc = code_doc(build(vocab, [("Avril", "PROPN", "NNP", "nsubj", 1, "Avril", "B-PERSON"),
                                 ("resigned", "VERB", "VBD", "ROOT", 0, "resign", "O"),
                                 ("in", "ADP", "IN", "prep", -1, "in", "O"),
                                 ("Haiti", "PROPN", "NNP", "pobj", -1, "Haiti", "B-GPE")]))
    assert [(e["cameo"], e["plover"]["event"], e["plover"]["mode"]) for e in doc._.events] == [
        ("0831", "RETREAT", "resign")]


def test_events_blocking_a_road_is_protest(vocab: Vocab) -> None:
    # "Workers blocked the bridge to France": obstructing passage (CAMEO 144), not repression
    doc = code_doc(build(vocab, [("Workers", "NOUN", "NNS", "nsubj", 1, "worker", "O"),
                                 ("blocked", "VERB", "VBD", "ROOT", 0, "block", "O"),
                                 ("the", "DET", "DT", "det", 1, "the", "O"),
                                 ("bridge", "NOUN", "NN", "dobj", -2, "bridge", "O"),
                                 ("to", "ADP", "IN", "prep", -1, "to", "O"),
                                 ("France", "PROPN", "NNP", "pobj", -1, "France", "B-GPE")]))
    assert {(e["cameo"], e["plover"]["event"]) for e in doc._.events} == {("144", "PROTEST")}


def test_events_arrival_in_a_place_is_a_visit(vocab: Vocab) -> None:
    doc = code_doc(build(vocab, [("Saddam", "PROPN", "NNP", "nsubj", 1, "Saddam", "B-PERSON"),
                                 ("arrived", "VERB", "VBD", "ROOT", 0, "arrive", "O"),
                                 ("in", "ADP", "IN", "prep", -1, "in", "O"),
                                 ("Amman", "PROPN", "NNP", "pobj", -1, "Amman", "B-GPE")]))
    assert [(e["cameo"], e["plover"]["event"], e["target"]["text"]) for e in doc._.events] == [
        ("042", "CONSULT", "Amman")]


def test_events_hostile_act_on_a_condition_is_a_threat(vocab: Vocab) -> None:
    # "Nigeria will boycott talks unless Chad agrees": the act is hypothetical, the threat asserted
    rows: list[Row] = [("Nigeria", "PROPN", "NNP", "nsubj", 2, "Nigeria", "B-GPE"),
                       ("will", "AUX", "MD", "aux", 1, "will", "O"),
                       ("boycott", "VERB", "VB", "ROOT", 0, "boycott", "O"),
                       ("talks", "NOUN", "NNS", "dobj", -1, "talk", "O"),
                       ("unless", "SCONJ", "IN", "mark", 2, "unless", "O"),
                       ("Chad", "PROPN", "NNP", "nsubj", 1, "Chad", "B-GPE"),
                       ("agrees", "VERB", "VBZ", "advcl", -4, "agree", "O")]
    doc = code_doc(build(vocab, rows))
    assert ("THREATEN", "Nigeria", "Chad") in asserted(doc)
    # the boycott itself is not done: the threat is its only event
    assert [e["plover"]["event"] for e in doc._.events if e["trigger"] == "boycott"] == ["THREATEN"]
    # without the future the sentence reports a conditional habit, not a threat
    doc = code_doc(build(vocab, [r if r[0] != "will" else ("often", "ADV", "RB", "advmod", 1, "often", "O")
                                 for r in rows]))
    assert doc._.events and all(e["plover"]["event"] != "THREATEN" for e in doc._.events)
    # "Nigeria can boycott talks unless Chad agrees": an ability on a condition is no threat
    doc = code_doc(build(vocab, [r if r[0] != "will" else ("can", "AUX", "MD", "aux", 1, "can", "O") for r in rows]))
    assert doc._.events and all(e["plover"]["event"] != "THREATEN" for e in doc._.events)
    # "talks will be boycotted unless Chad agrees": nobody named threatens
    passive: list[Row] = [("talks", "NOUN", "NNS", "nsubjpass", 3, "talk", "O"),
                          ("will", "AUX", "MD", "aux", 2, "will", "O"),
                          ("be", "AUX", "VB", "auxpass", 1, "be", "O"),
                          ("boycotted", "VERB", "VBN", "ROOT", 0, "boycott", "O"),
                          ("unless", "SCONJ", "IN", "mark", 2, "unless", "O"),
                          ("Chad", "PROPN", "NNP", "nsubj", 1, "Chad", "B-GPE"),
                          ("agrees", "VERB", "VBZ", "advcl", -3, "agree", "O")]
    assert all(e["plover"]["event"] != "THREATEN" for e in code_doc(build(vocab, passive))._.events)


def test_events_measured_aid_hangs_on_the_light_verb(vocab: Vocab) -> None:
    # "Japan gave Chad 5 million dollars of aid": the verb takes the amount, the noun is the act
    doc = code_doc(build(vocab, [("Japan", "PROPN", "NNP", "nsubj", 1, "Japan", "B-GPE"),
                                 ("gave", "VERB", "VBD", "ROOT", 0, "give", "O"),
                                 ("Chad", "PROPN", "NNP", "dative", -1, "Chad", "B-GPE"),
                                 ("5", "NUM", "CD", "nummod", 2, "5", "B-MONEY"),
                                 ("million", "NUM", "CD", "nummod", 1, "million", "I-MONEY"),
                                 ("dollars", "NOUN", "NNS", "dobj", -4, "dollar", "I-MONEY"),
                                 ("of", "ADP", "IN", "prep", -1, "of", "O"),
                                 ("aid", "NOUN", "NN", "pobj", -1, "aid", "O")]))
    assert asserted(doc) == [("AID", "Japan", "Chad")]


def test_events_pattern_reads_the_objects_own_preposition(vocab: Vocab) -> None:
    # "Sudan lifted a state of emergency in Darfur": "of emergency" hangs on the object
    doc = code_doc(build(vocab, [("Sudan", "PROPN", "NNP", "nsubj", 1, "Sudan", "B-GPE"),
                                 ("lifted", "VERB", "VBD", "ROOT", 0, "lift", "O"),
                                 ("a", "DET", "DT", "det", 1, "a", "O"),
                                 ("state", "NOUN", "NN", "dobj", -2, "state", "O"),
                                 ("of", "ADP", "IN", "prep", -1, "of", "O"),
                                 ("emergency", "NOUN", "NN", "pobj", -1, "emergency", "O"),
                                 ("in", "ADP", "IN", "prep", -5, "in", "O"),
                                 ("Darfur", "PROPN", "NNP", "pobj", -1, "Darfur", "B-GPE")]))
    assert [(e["cameo"], e["plover"]["event"]) for e in doc._.events] == [("0814", "CONCEDE")]


def _try_to_attack(vocab: Vocab, tried: list[Row]) -> Doc:
    return build(vocab, [("Iran", "PROPN", "NNP", "nsubj", len(tried), "Iran", "B-GPE"), *tried,
                         ("to", "PART", "TO", "aux", 1, "to", "O"),
                         ("attack", "VERB", "VB", "xcomp", -2, "attack", "O"),
                         ("Iraq", "PROPN", "NNP", "dobj", -1, "Iraq", "B-GPE")])


def test_events_attempt_made_is_the_act(vocab: Vocab) -> None:
    # "Iran tried to attack Iraq": the attempt happened and is coded as the attack
    doc = code_doc(_try_to_attack(vocab, [("tried", "VERB", "VBD", "ROOT", 0, "try", "O")]))
    assert asserted(doc) == [("ASSAULT", "Iran", "Iraq")]
    # "Iran will try to attack Iraq": still an intention (a threat), no attack
    doc = code_doc(_try_to_attack(vocab, [("will", "AUX", "MD", "aux", 1, "will", "O"),
                                          ("try", "VERB", "VB", "ROOT", 0, "try", "O")]))
    assert ("ASSAULT", "Iran", "Iraq") not in asserted(doc)


def test_events_captured_part_of_is_not_taking_part(vocab: Vocab) -> None:
    # the apprehend block's "take part" pattern must not reach "captured part of a stronghold"
    doc = code_doc(build(vocab, [("Burma", "PROPN", "NNP", "nsubj", 1, "Burma", "B-GPE"),
                                 ("captured", "VERB", "VBD", "ROOT", 0, "capture", "O"),
                                 ("part", "NOUN", "NN", "dobj", -1, "part", "O"),
                                 ("of", "ADP", "IN", "prep", -1, "of", "O"),
                                 ("Kawmoora", "PROPN", "NNP", "pobj", -1, "Kawmoora", "B-GPE")]))
    assert [e["plover"]["event"] for e in doc._.events] == ["ASSAULT"]


def test_events_staged_lemmatised_as_stag_is_a_light_verb(vocab: Vocab) -> None:
    # spaCy's small model lemmatises "staged" as "stag"; the protest noun must still be the event
    doc = code_doc(build(vocab, [("Students", "NOUN", "NNS", "nsubj", 1, "student", "B-NORP"),
                                 ("staged", "VERB", "VBD", "ROOT", 0, "stag", "O"),
                                 ("demonstrations", "NOUN", "NNS", "dobj", -1, "demonstration", "O"),
                                 ("against", "ADP", "IN", "prep", -1, "against", "O"),
                                 ("Suharto", "PROPN", "NNP", "pobj", -1, "Suharto", "B-PERSON")]))
    assert asserted(doc) == [("PROTEST", "Students", "Suharto")]


def with_actors(doc: Doc, codes: dict[str, str]) -> Doc:
    """The doc with its actors replaced: one actor per ``codes`` item (word -> CAMEO code), coded
    as the actors stage would code a nominal ("troops" -> MIL) or a name ("Lebanon" -> LBN)."""
    from dateline.kb import split_code
    actors = []
    for token in doc:
        code = codes.get(token.text)
        if code is not None:
            country, sector = split_code(code)
            actors.append({"name": token.text, "label": "NORP", "code": code, "country": country, "sector": sector,
                           "mentions": [{"text": token.text, "start": token.idx, "end": token.idx + len(token),
                                         "sentence": 0}]})
    doc._.actors = actors
    return doc


def test_events_transfer_object_is_the_theme_not_the_target(vocab: Vocab) -> None:
    # "Syria offered Iranian envoys to Lebanon": what is offered is no target, even a coded actor
    doc = code_doc(with_actors(build(vocab, [
        ("Syria", "PROPN", "NNP", "nsubj", 1, "Syria", "B-GPE"),
        ("offered", "VERB", "VBD", "ROOT", 0, "offer", "O"),
        ("Iranian", "ADJ", "JJ", "amod", 1, "iranian", "O"),
        ("envoys", "NOUN", "NNS", "dobj", -2, "envoy", "O"),
        ("to", "ADP", "IN", "prep", -3, "to", "O"),
        ("Lebanon", "PROPN", "NNP", "pobj", -1, "Lebanon", "B-GPE")]), {"Syria": "SYR", "envoys": "IRNGOV", "Lebanon": "LBN"}))
    assert {(e["source"]["code"], e["target"]["code"]) for e in doc._.events} == {("SYR", "LBN")}


def test_events_transfer_dative_or_with_object_is_the_recipient(vocab: Vocab) -> None:
    # "Syria offered Lebanon troops" (dative), "Iran supplied the rebels with arms": the object receives
    dative = code_doc(with_actors(build(vocab, [
        ("Syria", "PROPN", "NNP", "nsubj", 1, "Syria", "B-GPE"),
        ("offered", "VERB", "VBD", "ROOT", 0, "offer", "O"),
        ("Lebanon", "PROPN", "NNP", "dative", -1, "Lebanon", "B-GPE"),
        ("troops", "NOUN", "NNS", "dobj", -2, "troop", "O")]), {"Syria": "SYR", "Lebanon": "LBN", "troops": "MIL"}))
    assert {e["target"]["code"] for e in dative._.events} == {"LBN"}
    supplied = code_doc(with_actors(build(vocab, [
        ("Iran", "PROPN", "NNP", "nsubj", 1, "Iran", "B-GPE"),
        ("supplied", "VERB", "VBD", "ROOT", 0, "supply", "O"),
        ("the", "DET", "DT", "det", 1, "the", "O"),
        ("Syrians", "PROPN", "NNPS", "dobj", -2, "Syrians", "B-NORP"),
        ("with", "ADP", "IN", "prep", -3, "with", "O"),
        ("arms", "NOUN", "NNS", "pobj", -1, "arm", "O")]), {"Iran": "IRN", "Syrians": "SYR"}))
    assert {(e["source"]["code"], e["target"]["code"]) for e in supplied._.events} == {("IRN", "SYR")}


def test_events_what_the_source_owns_is_not_its_target(vocab: Vocab) -> None:
    # "Syria praised its army in Lebanon": its own army is no target; a named possessed actor is
    rows: list[Row] = [("Syria", "PROPN", "NNP", "nsubj", 1, "Syria", "B-GPE"),
                       ("praised", "VERB", "VBD", "ROOT", 0, "praise", "O"),
                       ("its", "PRON", "PRP$", "poss", 1, "its", "O"),
                       ("army", "NOUN", "NN", "dobj", -2, "army", "O"),
                       ("in", "ADP", "IN", "prep", -1, "in", "O"),
                       ("Lebanon", "PROPN", "NNP", "pobj", -1, "Lebanon", "B-GPE")]
    own = code_doc(with_actors(build(vocab, rows), {"Syria": "SYR", "army": "SYRMIL", "Lebanon": "LBN"}))
    assert {e["target"]["code"] for e in own._.events} == {"LBN"}
    named: list[Row] = [*rows[:2], ("its", "PRON", "PRP$", "poss", 2, "its", "O"),
                        ("Iraqi", "PROPN", "NNP", "compound", 1, "Iraqi", "B-NORP"),
                        ("army", "NOUN", "NN", "dobj", -3, "army", "O"), *rows[4:]]
    partner = code_doc(with_actors(build(vocab, named), {"Syria": "SYR", "army": "IRQMIL", "Lebanon": "LBN"}))
    assert {e["target"]["code"] for e in partner._.events} == {"IRQMIL"}


def test_events_country_coded_target_beats_a_sector_only_one(vocab: Vocab) -> None:
    # "France contributed troops to a force in Liberia" shape, with the sector-only actor nearer
    # the verb than the country: "Israel criticized troops in Lebanon" -> LBN, not MIL
    rows: list[Row] = [("Israel", "PROPN", "NNP", "nsubj", 1, "Israel", "B-GPE"),
                       ("criticized", "VERB", "VBD", "ROOT", 0, "criticize", "O"),
                       ("troops", "NOUN", "NNS", "dobj", -1, "troop", "O"),
                       ("in", "ADP", "IN", "prep", -1, "in", "O"),
                       ("Lebanon", "PROPN", "NNP", "pobj", -1, "Lebanon", "B-GPE")]
    doc = code_doc(with_actors(build(vocab, rows), {"Israel": "ISR", "troops": "MIL", "Lebanon": "LBN"}))
    assert {e["target"]["code"] for e in doc._.events} == {"LBN"}
    alone = code_doc(with_actors(build(vocab, rows[:3]), {"Israel": "ISR", "troops": "MIL"}))
    assert {e["target"]["code"] for e in alone._.events} == {"MIL"}  # with no country-coded rival it stays


def test_events_demanded_act_is_intended_not_done(vocab: Vocab) -> None:
    # "Serbia demanded a truce with Bosnia": the truce is asked for, not made
    doc = code_doc(build(vocab, [("Serbia", "PROPN", "NNP", "nsubj", 1, "Serbia", "B-GPE"),
                                 ("demanded", "VERB", "VBD", "ROOT", 0, "demand", "O"),
                                 ("a", "DET", "DT", "det", 1, "a", "O"),
                                 ("truce", "NOUN", "NN", "dobj", -2, "truce", "O"),
                                 ("with", "ADP", "IN", "prep", -1, "with", "O"),
                                 ("Bosnia", "PROPN", "NNP", "pobj", -1, "Bosnia", "B-GPE"),
                                 (".", "PUNCT", ".", "punct", -5, ".", "O")]))
    by_trigger = {e["trigger"]: e for e in doc._.events}
    assert by_trigger["demanded"]["plover"]["event"] == "REQUEST" and by_trigger["demanded"]["modality"] == "asserted"
    assert by_trigger["truce"]["modality"] == "intended"


def test_events_aimed_at_is_the_aim_not_an_act(vocab: Vocab) -> None:
    # "Kenya held talks with Sudan aimed at ending the war": no asserted end, no declared intent
    doc = code_doc(build(vocab, [("Kenya", "PROPN", "NNP", "nsubj", 1, "Kenya", "B-GPE"),
                                 ("held", "VERB", "VBD", "ROOT", 0, "hold", "O"),
                                 ("talks", "NOUN", "NNS", "dobj", -1, "talk", "O"),
                                 ("with", "ADP", "IN", "prep", -1, "with", "O"),
                                 ("Sudan", "PROPN", "NNP", "pobj", -1, "Sudan", "B-GPE"),
                                 ("aimed", "VERB", "VBN", "acl", -3, "aim", "O"),
                                 ("at", "ADP", "IN", "prep", -1, "at", "O"),
                                 ("ending", "VERB", "VBG", "pcomp", -1, "end", "O"),
                                 ("the", "DET", "DT", "det", 1, "the", "O"),
                                 ("war", "NOUN", "NN", "dobj", -2, "war", "O"),
                                 (".", "PUNCT", ".", "punct", -10, ".", "O")]))
    ending = [e for e in doc._.events if e["trigger"] == "ending"]
    assert ending and all(e["modality"] == "intended" for e in ending)
    assert any(e["trigger"] == "talks" and e["modality"] == "asserted" for e in doc._.events)


# --- precision on sentences with no political act (issue #4) -------------------------------


def _counted(doc: Doc) -> list[dict[str, object]]:
    return [e for e in doc._.events if not e["negated"] and e["modality"] == "asserted"]


def test_events_adjectival_participle_is_no_act(vocab: Vocab) -> None:
    # "US firms were worst-hit": "hit" as a predicative adjective (acomp) describes, it does not attack
    rows: list[Row] = [("US", "PROPN", "NNP", "compound", 1, "US", "B-GPE"),
                       ("firms", "NOUN", "NNS", "nsubj", 1, "firm", "O"),
                       ("were", "AUX", "VBD", "ROOT", 0, "be", "O"),
                       ("worst", "ADV", "RBS", "advmod", 1, "worst", "O"),
                       ("hit", "VERB", "VBN", "acomp", -2, "hit", "O"),
                       (".", "PUNCT", ".", "punct", -3, ".", "O")]
    assert not code_doc(build(vocab, rows))._.events
    # the same verb as a verb ("US troops hit Iraq") is an act
    verb = [("US", "PROPN", "NNP", "nsubj", 1, "US", "B-GPE"), ("hit", "VERB", "VBD", "ROOT", 0, "hit", "O"),
            ("Iraq", "PROPN", "NNP", "dobj", -1, "Iraq", "B-GPE"), (".", "PUNCT", ".", "punct", -2, ".", "O")]
    assert [e["trigger"] for e in _counted(code_doc(build(vocab, verb)))] == ["hit"]


def test_events_habitual_present_is_no_act(vocab: Vocab) -> None:
    def meets(adverb: list[Row]) -> Doc:
        return build(vocab, [("France", "PROPN", "NNP", "nsubj", 1 + len(adverb), "France", "B-GPE"), *adverb,
                             ("meets", "VERB", "VBZ", "ROOT", 0, "meet", "O"),
                             ("Iran", "PROPN", "NNP", "dobj", -1, "Iran", "B-GPE"),
                             (".", "PUNCT", ".", "punct", -2, ".", "O")])
    assert _counted(code_doc(meets([])))  # "France meets Iran": an act
    assert not code_doc(meets([("always", "ADV", "RB", "advmod", 1, "always", "O")]))._.events


def test_events_indirect_question_subject_is_no_act(vocab: Vocab) -> None:
    # "How France meets Iran is important": the clause is asked about, not reported
    rows: list[Row] = [("How", "SCONJ", "WRB", "advmod", 2, "how", "O"),
                       ("France", "PROPN", "NNP", "nsubj", 1, "France", "B-GPE"),
                       ("meets", "VERB", "VBZ", "csubj", 2, "meet", "O"),
                       ("Iran", "PROPN", "NNP", "dobj", -1, "Iran", "B-GPE"),
                       ("is", "AUX", "VBZ", "ROOT", 0, "be", "O"),
                       ("important", "ADJ", "JJ", "acomp", -1, "important", "O"),
                       (".", "PUNCT", ".", "punct", -2, ".", "O")]
    assert not code_doc(build(vocab, rows))._.events
    rows[0] = ("That", "SCONJ", "IN", "mark", 2, "that", "O")  # "That France meets Iran is important"
    assert [e["trigger"] for e in code_doc(build(vocab, rows))._.events] == ["meets"]


def test_events_imperative_without_actor_is_no_act(vocab: Vocab) -> None:
    # "Enlarge this caption": boilerplate addressed to the reader
    rows: list[Row] = [("Enlarge", "VERB", "VB", "ROOT", 0, "enlarge", "O"),
                       ("this", "DET", "DT", "det", 1, "this", "O"),
                       ("caption", "NOUN", "NN", "dobj", -2, "caption", "O")]
    assert not code_doc(build(vocab, rows))._.events
    # an imperative naming an actor is still read ("Meet Kim")
    rows = [("Meet", "VERB", "VB", "ROOT", 0, "meet", "O"), ("Kim", "PROPN", "NNP", "dobj", -1, "Kim", "B-PERSON")]
    assert code_doc(build(vocab, rows))._.events


def test_events_agentless_passive_of_a_thing_is_no_act(vocab: Vocab) -> None:
    def passive(subject: Row) -> Doc:
        return build(vocab, [subject,
                             ("was", "AUX", "VBD", "auxpass", 1, "be", "O"),
                             ("stalled", "VERB", "VBN", "ROOT", 0, "stall", "O"),
                             ("over", "ADP", "IN", "prep", -1, "over", "O"),
                             ("Germany", "PROPN", "NNP", "pobj", -1, "Germany", "B-GPE"),
                             (".", "PUNCT", ".", "punct", -3, ".", "O")])
    # "The terminal was stalled over Germany": a thing's state, not an act on Germany
    assert not code_doc(passive(("terminal", "NOUN", "NN", "nsubjpass", 2, "terminal", "O")))._.events
    # "Iran was stalled over Germany": a state acted on, kept (the gold codes the agent as unspecified)
    assert code_doc(passive(("Iran", "PROPN", "NNP", "nsubjpass", 2, "Iran", "B-GPE")))._.events


def test_events_hostile_act_needs_a_political_actor(vocab: Vocab) -> None:
    def fight(code: str, country: str | None) -> Doc:
        doc = build(vocab, [("ECB", "PROPN", "NNP", "nsubj", 1, "ECB", "B-ORG"),
                            ("fought", "VERB", "VBD", "ROOT", 0, "fight", "O"),
                            ("prices", "NOUN", "NNS", "dobj", -1, "price", "O"),
                            (".", "PUNCT", ".", "punct", -2, ".", "O")])
        doc._.actors[0].update(code=code, country=country)
        return code_doc(doc)
    # "The ECB fought prices": a bank with no country or political code is no political actor
    assert not _counted(fight("BUS", None))
    assert _counted(fight("IGOEUREEC", None))  # an IGO is one
    assert _counted(fight("DEUGOV", "DEU"))


def _japan_asked_china(vocab: Vocab, clause: list[Row]) -> Doc:
    """ "Japan asked China <clause>", the clause a ccomp of "asked" (index 1)."""
    return build(vocab, [("Japan", "PROPN", "NNP", "nsubj", 1, "Japan", "B-GPE"),
                         ("asked", "VERB", "VBD", "ROOT", 0, "ask", "O"),
                         ("China", "PROPN", "NNP", "dobj", -1, "China", "B-GPE"), *clause])


def test_events_ask_with_a_question_is_no_appeal(vocab: Vocab) -> None:
    # "asked China to release them" requests an act: CAMEO 020, PLOVER REQUEST (via the override)
    request = code_doc(_japan_asked_china(vocab, [("to", "PART", "TO", "aux", 1, "to", "O"),
                                                  ("release", "VERB", "VB", "xcomp", -3, "release", "O"),
                                                  ("them", "PRON", "PRP", "dobj", -1, "they", "O"),
                                                  (".", "PUNCT", ".", "punct", -5, ".", "O")]))
    asked = [e for e in request._.events if e["trigger"] == "asked"]
    assert [(e["cameo"], e["plover"]["event"], e["target"]["text"]) for e in asked] == [("020", "REQUEST", "China")]
    # "asked China whether it would talk": an indirect yes/no question asks nothing of China
    whether = code_doc(_japan_asked_china(vocab, [("whether", "SCONJ", "IN", "mark", 3, "whether", "O"),
                                                  ("it", "PRON", "PRP", "nsubj", 2, "it", "O"),
                                                  ("would", "AUX", "MD", "aux", 1, "would", "O"),
                                                  ("talk", "VERB", "VB", "ccomp", -5, "talk", "O"),
                                                  (".", "PUNCT", ".", "punct", -6, ".", "O")]))
    assert not [e for e in whether._.events if e["trigger"] == "asked"]
    # a quoted question: "asked China, "Why do you talk?"", the "?" attached to the verb
    quoted = code_doc(_japan_asked_china(vocab, [(",", "PUNCT", ",", "punct", -2, ",", "O"),
                                                 ('"', "PUNCT", "``", "punct", -3, '"', "O"),
                                                 ("Why", "SCONJ", "WRB", "advmod", 3, "why", "O"),
                                                 ("do", "AUX", "VBP", "aux", 2, "do", "O"),
                                                 ("you", "PRON", "PRP", "nsubj", 1, "you", "O"),
                                                 ("talk", "VERB", "VB", "ccomp", -7, "talk", "O"),
                                                 ("?", "PUNCT", ".", "punct", -8, "?", "O"),
                                                 ('"', "PUNCT", "''", "punct", -9, '"', "O")]))
    assert not [e for e in quoted._.events if e["trigger"] == "asked"]


def test_events_push_on_a_thing_is_no_demand(vocab: Vocab) -> None:
    def pushed(obj: Row) -> list[tuple[str, str]]:
        doc = code_doc(build(vocab, [("Japan", "PROPN", "NNP", "nsubj", 1, "Japan", "B-GPE"),
                                     ("pushed", "VERB", "VBD", "ROOT", 0, "push", "O"), obj,
                                     (".", "PUNCT", ".", "punct", -2, ".", "O")]))
        return [(e["cameo"], e["plover"]["event"]) for e in doc._.events]

    # pressing an actor is an appeal (020, docs/annotation.md: "pressed Y to do Z"; PLOVER REQUEST);
    # moving a thing ("pushed the yen", not an appeal for economic aid as the demand
    # block's currency patterns would have it) is no act
    assert pushed(("China", "PROPN", "NNP", "dobj", -1, "China", "B-GPE")) == [("020", "REQUEST")]
    assert pushed(("yen", "NOUN", "NN", "dobj", -1, "yen", "O")) == []


def test_events_negative_subject_negates(vocab: Vocab) -> None:
    doc = code_doc(build(vocab, [("Nobody", "PRON", "NN", "nsubj", 1, "nobody", "O"),
                                 ("criticized", "VERB", "VBD", "ROOT", 0, "criticize", "O"),
                                 ("Kim", "PROPN", "NNP", "dobj", -1, "Kim", "B-PERSON")]))
    assert doc._.events and all(e["negated"] for e in doc._.events)


def test_events_far_from_acting_is_negated(vocab: Vocab) -> None:
    doc = code_doc(build(vocab, [("Trump", "PROPN", "NNP", "nsubj", 1, "Trump", "B-PERSON"),
                                 ("is", "AUX", "VBZ", "ROOT", 0, "be", "O"),
                                 ("far", "ADV", "RB", "advmod", -1, "far", "O"),
                                 ("from", "ADP", "IN", "prep", -1, "from", "O"),
                                 ("criticizing", "VERB", "VBG", "pcomp", -1, "criticize", "O"),
                                 ("Kim", "PROPN", "NNP", "dobj", -1, "Kim", "B-PERSON")]))
    assert doc._.events and all(e["negated"] for e in doc._.events)


def test_events_reluctance_is_hypothetical_without_intent(vocab: Vocab) -> None:
    doc = code_doc(build(vocab, [("Trump", "PROPN", "NNP", "nsubj", 1, "Trump", "B-PERSON"),
                                 ("is", "AUX", "VBZ", "ROOT", 0, "be", "O"),
                                 ("reluctant", "ADJ", "JJ", "acomp", -1, "reluctant", "O"),
                                 ("to", "PART", "TO", "aux", 1, "to", "O"),
                                 ("criticize", "VERB", "VB", "xcomp", -2, "criticize", "O"),
                                 ("Kim", "PROPN", "NNP", "dobj", -1, "Kim", "B-PERSON")]))
    assert doc._.events and all(e["modality"] == "hypothetical" for e in doc._.events)


def _purpose_doc(vocab: Vocab, verb: str, lemma: str) -> Doc:
    return code_doc(build(vocab, [("Trump", "PROPN", "NNP", "nsubj", 1, "Trump", "B-PERSON"),
                                  (verb, "VERB", "VBD", "ROOT", 0, lemma, "O"),
                                  ("to", "PART", "TO", "aux", 1, "to", "O"),
                                  ("criticize", "VERB", "VB", "advcl", -2, "criticize", "O"),
                                  ("Kim", "PROPN", "NNP", "dobj", -1, "Kim", "B-PERSON")]))


def test_events_purpose_under_a_non_act_is_an_aim(vocab: Vocab) -> None:
    doc = _purpose_doc(vocab, "worked", "work")
    events = [e for e in doc._.events if e["trigger"] == "criticize"]
    assert events and all(e["modality"] == "intended" for e in events)
    assert not [e for e in doc._.events if e["modality"] == "asserted"]  # no declared intent either
    called = [e for e in _purpose_doc(vocab, "called", "call")._.events if e["trigger"] == "criticize"]
    assert called and all(e["modality"] == "asserted" for e in called)  # the call performs it


def test_events_evidence_rules_name_every_decision(vocab: Vocab) -> None:
    doc = code_doc(kim_met_pompeo(vocab))
    assert [e["evidence"] for e in doc._.events] == [{"rules": {
        "trigger": "verbs.tsv:meet", "code": "_verb_entry", "source": "_verb_roles", "target": "_verb_roles",
        "modality": "_modality"}}]
    from dateline.dates import date_events

    date_events(doc)  # the dates stage adds how it dated the event
    assert doc._.events[0]["evidence"]["rules"]["date"] == "_date_with:undated"
