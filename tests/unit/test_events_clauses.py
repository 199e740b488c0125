"""Acts in relative clauses and participles (issue 11, events/clauses.py) on hand-built parses:
the noun a clause modifies is the act's target when the relative pronoun is its object or passive
subject, or the clause is a passive participle (rule ``_clause_object``); a relative-clause act
that is done or going on (simple past, perfect or passive participle, progressive) and a participle on
a name, each with both sides identified actors, are asserted (rule ``_clause_asserted``, session 37
missed37), the rest stay reported (a simple present or modal clause, a participle on a common noun, an
act with one side only, a statement, intent or threat)."""

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


def coded(vocab: Vocab, rows: list[Row], trigger: str) -> list[dict]:
    doc = code_doc(parsed_doc(vocab, rows, places=("GPE", "NORP")))
    return [e for e in doc._.events if e["trigger"] == trigger]


def sides(event: dict) -> tuple[str | None, str | None]:
    return ((event["source"] or {}).get("text"), (event["target"] or {}).get("text"))


def test_passive_relative_pronoun_stands_for_the_target(vocab: Vocab) -> None:
    # "Iran, which was backed by Russia, attacked Iraq."
    rows = [("Iran", "PROPN", "NNP", "nsubj", 8, "Iran", "B-GPE"),
            (",", "PUNCT", ",", "punct", -1, ",", "O"),
            ("which", "PRON", "WDT", "nsubjpass", 2, "which", "O"),
            ("was", "AUX", "VBD", "auxpass", 1, "be", "O"),
            ("backed", "VERB", "VBN", "relcl", -4, "back", "O"),
            ("by", "ADP", "IN", "agent", -1, "by", "O"),
            ("Russia", "PROPN", "NNP", "pobj", -1, "Russia", "B-GPE"),
            (",", "PUNCT", ",", "punct", -7, ",", "O"),
            ("attacked", "VERB", "VBD", "ROOT", 0, "attack", "O"),
            ("Iraq", "PROPN", "NNP", "dobj", -1, "Iraq", "B-GPE"),
            (".", "PUNCT", ".", "punct", -2, ".", "O")]
    events = coded(vocab, rows, "backed")
    assert [sides(e) for e in events] == [("Russia", "Iran")]
    assert events[0]["evidence"]["rules"]["target"] == "_clause_object"
    # (a passive relative clause tells a done act: asserted, since session 37)
    assert events[0]["modality"] == "asserted"
    assert events[0]["evidence"]["rules"]["modality"] == "_clause_asserted"


def test_object_relative_pronoun_stands_for_the_target(vocab: Vocab) -> None:
    # "Gaza, which Israel shelled, burned."
    rows = [("Gaza", "PROPN", "NNP", "nsubj", 6, "Gaza", "B-GPE"),
            (",", "PUNCT", ",", "punct", -1, ",", "O"),
            ("which", "PRON", "WDT", "dobj", 2, "which", "O"),
            ("Israel", "PROPN", "NNP", "nsubj", 1, "Israel", "B-GPE"),
            ("shelled", "VERB", "VBD", "relcl", -4, "shell", "O"),
            (",", "PUNCT", ",", "punct", -5, ",", "O"),
            ("burned", "VERB", "VBD", "ROOT", 0, "burn", "O"),
            (".", "PUNCT", ".", "punct", -1, ".", "O")]
    events = coded(vocab, rows, "shelled")
    assert [sides(e) for e in events] == [("Israel", "Gaza")]
    assert events[0]["modality"] == "asserted"


def test_subject_relative_act_is_asserted_but_a_modal_one_is_not(vocab: Vocab) -> None:
    # "Israel, which shelled Gaza, withdrew." / "Israel, which will shell Gaza, withdrew."
    past = [("Israel", "PROPN", "NNP", "nsubj", 5, "Israel", "B-GPE"),
            (",", "PUNCT", ",", "punct", -1, ",", "O"),
            ("which", "PRON", "WDT", "nsubj", 1, "which", "O"),
            ("shelled", "VERB", "VBD", "relcl", -3, "shell", "O"),
            ("Gaza", "PROPN", "NNP", "dobj", -1, "Gaza", "B-GPE"),
            ("withdrew", "VERB", "VBD", "ROOT", 0, "withdraw", "O"),
            (".", "PUNCT", ".", "punct", -1, ".", "O")]
    events = coded(vocab, past, "shelled")
    assert [sides(e) for e in events] == [("Israel", "Gaza")]
    assert events[0]["modality"] == "asserted"
    assert events[0]["evidence"]["rules"]["modality"] == "_clause_asserted"
    future = past[:3] + [("will", "AUX", "MD", "aux", 1, "will", "O"),
                         ("shell", "VERB", "VB", "relcl", -4, "shell", "O"),
                         ("Gaza", "PROPN", "NNP", "dobj", -1, "Gaza", "B-GPE"),
                         ("withdrew", "VERB", "VBD", "ROOT", 0, "withdraw", "O"),
                         (".", "PUNCT", ".", "punct", -1, ".", "O")]
    future[0] = ("Israel", "PROPN", "NNP", "nsubj", 6, "Israel", "B-GPE")
    future[2] = ("which", "PRON", "WDT", "nsubj", 2, "which", "O")
    events = coded(vocab, future, "shell")
    assert ("Israel", "Gaza") in [sides(e) for e in events]
    # (the promise itself may be declared as a threat, the shelling is no asserted act)
    assert "_clause_asserted" not in [e["evidence"]["rules"]["modality"] for e in events]
    assert [e["modality"] for e in events if e["evidence"]["rules"]["modality"] != "_declarer"] == ["intended"]


def test_passive_participle_on_a_name_acts_on_it_and_is_asserted(vocab: Vocab) -> None:
    # "Kurds killed by Turkey were buried.": a participle hanging on a name tells the act
    rows = [("Kurds", "PROPN", "NNPS", "nsubjpass", 5, "Kurds", "B-NORP"),
            ("killed", "VERB", "VBN", "acl", -1, "kill", "O"),
            ("by", "ADP", "IN", "agent", -1, "by", "O"),
            ("Turkey", "PROPN", "NNP", "pobj", -1, "Turkey", "B-GPE"),
            ("were", "AUX", "VBD", "auxpass", 1, "be", "O"),
            ("buried", "VERB", "VBN", "ROOT", 0, "bury", "O"),
            (".", "PUNCT", ".", "punct", -1, ".", "O")]
    events = coded(vocab, rows, "killed")
    assert [sides(e) for e in events] == [("Turkey", "Kurds")]
    assert events[0]["modality"] == "asserted"
    assert events[0]["evidence"]["rules"]["target"] == "_clause_object"


def test_passive_participle_on_a_common_noun_stays_reported(vocab: Vocab) -> None:
    # "Villages shelled by Turkey were empty.": a participle on a common noun describes it
    # (the villages are an actor with a code, so both sides are identified: only the common noun keeps it reported)
    rows = [("Villages", "NOUN", "NNS", "nsubj", 5, "village", "B-ORG"),
            ("shelled", "VERB", "VBN", "acl", -1, "shell", "O"),
            ("by", "ADP", "IN", "agent", -1, "by", "O"),
            ("Turkey", "PROPN", "NNP", "pobj", -1, "Turkey", "B-GPE"),
            ("were", "AUX", "VBD", "ROOT", 1, "be", "O"),
            ("empty", "ADJ", "JJ", "acomp", -1, "empty", "O"),
            (".", "PUNCT", ".", "punct", -2, ".", "O")]
    events = coded(vocab, rows, "shelled")
    assert [sides(e) for e in events] == [("Turkey", "Villages")]
    assert events[0]["target"]["code"] == "VIL"
    assert events and all(e["modality"] != "asserted" for e in events)


def test_restrictive_relative_clause_in_the_past_is_asserted(vocab: Vocab) -> None:
    # "The Israelis who shelled Gaza withdrew.": the clause says which Israelis, and that they shelled Gaza
    rows = [("The", "DET", "DT", "det", 1, "the", "O"),
            ("Israelis", "PROPN", "NNPS", "nsubj", 4, "Israelis", "B-NORP"),
            ("who", "PRON", "WP", "nsubj", 1, "who", "O"),
            ("shelled", "VERB", "VBD", "relcl", -2, "shell", "O"),
            ("Gaza", "PROPN", "NNP", "dobj", -1, "Gaza", "B-GPE"),
            ("withdrew", "VERB", "VBD", "ROOT", 0, "withdraw", "O"),
            (".", "PUNCT", ".", "punct", -1, ".", "O")]
    events = coded(vocab, rows, "shelled")
    assert [sides(e) for e in events] == [("Israelis", "Gaza")]
    assert events[0]["modality"] == "asserted"
    assert events[0]["evidence"]["rules"]["modality"] == "_clause_asserted"


def test_perfect_relative_clause_is_asserted_a_present_one_is_not(vocab: Vocab) -> None:
    # "Ruritania, which has attacked Borduria, withdrew." / "Ruritania, which attacks Borduria, withdrew."
    perfect = [("Ruritania", "PROPN", "NNP", "nsubj", 6, "Ruritania", "B-GPE"),
               (",", "PUNCT", ",", "punct", -1, ",", "O"),
               ("which", "PRON", "WDT", "nsubj", 2, "which", "O"),
               ("has", "AUX", "VBZ", "aux", 1, "have", "O"),
               ("attacked", "VERB", "VBN", "relcl", -4, "attack", "O"),
               ("Borduria", "PROPN", "NNP", "dobj", -1, "Borduria", "B-GPE"),
               ("withdrew", "VERB", "VBD", "ROOT", 0, "withdraw", "O"),
               (".", "PUNCT", ".", "punct", -1, ".", "O")]
    events = coded(vocab, perfect, "attacked")
    assert [sides(e) for e in events] == [("Ruritania", "Borduria")]
    assert events[0]["modality"] == "asserted"
    assert events[0]["evidence"]["rules"]["modality"] == "_clause_asserted"
    present = [("Ruritania", "PROPN", "NNP", "nsubj", 5, "Ruritania", "B-GPE"),
               (",", "PUNCT", ",", "punct", -1, ",", "O"),
               ("which", "PRON", "WDT", "nsubj", 1, "which", "O"),
               ("attacks", "VERB", "VBZ", "relcl", -3, "attack", "O"),
               ("Borduria", "PROPN", "NNP", "dobj", -1, "Borduria", "B-GPE"),
               ("withdrew", "VERB", "VBD", "ROOT", 0, "withdraw", "O"),
               (".", "PUNCT", ".", "punct", -1, ".", "O")]
    events = coded(vocab, present, "attacks")
    assert [sides(e) for e in events] == [("Ruritania", "Borduria")]
    assert events[0]["modality"] == "reported"


def _warned(verb: tuple, *aux: tuple) -> list[Row]:
    # "France warned that Russia [aux] <verb> Ukraine."
    n = len(aux)
    return [("France", "PROPN", "NNP", "nsubj", 1, "France", "B-GPE"),
            ("warned", "VERB", "VBD", "ROOT", 0, "warn", "O"),
            ("that", "SCONJ", "IN", "mark", 2 + n, "that", "O"),
            ("Russia", "PROPN", "NNP", "nsubj", 1 + n, "Russia", "B-GPE"),
            *[(a[0], "AUX", a[1], "aux", n - k, a[2], "O") for k, a in enumerate(aux)],
            (verb[0], "VERB", verb[1], "ccomp", -(3 + n), verb[2], "O"),
            ("Ukraine", "PROPN", "NNP", "dobj", -1, "Ukraine", "B-GPE"),
            (".", "PUNCT", ".", "punct", -(5 + n), ".", "O")]


def test_a_done_act_in_the_complement_of_an_act_is_asserted(vocab: Vocab) -> None:
    # "France warned that Russia attacked Ukraine." (session 37, rule _clause_done): told as done
    events = coded(vocab, _warned(("attacked", "VBD", "attack")), "attacked")
    assert [sides(e) for e in events] == [("Russia", "Ukraine")]
    assert events[0]["modality"] == "asserted" and not events[0]["negated"]
    assert events[0]["evidence"]["rules"]["modality"] == "_clause_done"
    # "France warned that Russia had attacked Ukraine.": the perfect is as done
    events = coded(vocab, _warned(("attacked", "VBN", "attack"), ("had", "VBD", "have")), "attacked")
    assert [e["modality"] for e in events] == ["asserted"]


def test_a_modal_or_infinitive_act_in_the_complement_of_an_act_is_not(vocab: Vocab) -> None:
    # "France warned that Russia could attack Ukraine.": possible, not done
    events = coded(vocab, _warned(("attack", "VB", "attack"), ("could", "MD", "could")), "attack")
    assert "_clause_done" not in [e["evidence"]["rules"]["modality"] for e in events]
    assert "asserted" not in [e["modality"] for e in events if e["evidence"]["rules"]["modality"] != "_declarer"]


def test_relative_clause_act_with_one_side_stays_reported(vocab: Vocab) -> None:
    # "Ruritania, which shelled the hills, withdrew.": no identified target
    rows = [("Ruritania", "PROPN", "NNP", "nsubj", 6, "Ruritania", "B-GPE"),
            (",", "PUNCT", ",", "punct", -1, ",", "O"),
            ("which", "PRON", "WDT", "nsubj", 1, "which", "O"),
            ("shelled", "VERB", "VBD", "relcl", -3, "shell", "O"),
            ("the", "DET", "DT", "det", 1, "the", "O"),
            ("hills", "NOUN", "NNS", "dobj", -2, "hill", "O"),
            ("withdrew", "VERB", "VBD", "ROOT", 0, "withdraw", "O"),
            (".", "PUNCT", ".", "punct", -1, ".", "O")]
    events = coded(vocab, rows, "shelled")
    assert events and all(e["evidence"]["rules"]["modality"] != "_clause_asserted" for e in events)


def test_intent_in_a_relative_clause_stays_reported(vocab: Vocab) -> None:
    # "Ruritania, which has vowed to help Borduria, withdrew.": a stance, the help not given
    rows = [("Ruritania", "PROPN", "NNP", "nsubj", 8, "Ruritania", "B-GPE"),
            (",", "PUNCT", ",", "punct", -1, ",", "O"),
            ("which", "PRON", "WDT", "nsubj", 2, "which", "O"),
            ("has", "AUX", "VBZ", "aux", 1, "have", "O"),
            ("vowed", "VERB", "VBN", "relcl", -4, "vow", "O"),
            ("to", "PART", "TO", "aux", 1, "to", "O"),
            ("help", "VERB", "VB", "xcomp", -2, "help", "O"),
            ("Borduria", "PROPN", "NNP", "dobj", -1, "Borduria", "B-GPE"),
            ("withdrew", "VERB", "VBD", "ROOT", 0, "withdraw", "O"),
            (".", "PUNCT", ".", "punct", -1, ".", "O")]
    doc = code_doc(parsed_doc(vocab, rows, places=("GPE", "NORP")))
    mine = [e for e in doc._.events if e["trigger"] in ("vowed", "help")]
    assert mine and all(e["modality"] != "asserted" for e in mine)


def test_a_threat_in_the_complement_of_an_act_stays_reported(vocab: Vocab) -> None:
    # "Germany complained that Russia threatened Poland." (session 37 mend): a threat told as done is the
    # holder's stance, reported (UNASSERTED_ROOTS, as in a relative clause)
    rows = [("Germany", "PROPN", "NNP", "nsubj", 1, "Germany", "B-GPE"),
            ("complained", "VERB", "VBD", "ROOT", 0, "complain", "O"),
            ("that", "SCONJ", "IN", "mark", 2, "that", "O"),
            ("Russia", "PROPN", "NNP", "nsubj", 1, "Russia", "B-GPE"),
            ("threatened", "VERB", "VBD", "ccomp", -3, "threaten", "O"),
            ("Poland", "PROPN", "NNP", "dobj", -1, "Poland", "B-GPE"),
            (".", "PUNCT", ".", "punct", -5, ".", "O")]
    events = [e for e in coded(vocab, rows, "threatened") if e["evidence"]["rules"]["modality"] != "_declarer"]
    assert [sides(e) for e in events] == [("Russia", "Poland")]
    assert events[0]["cameo"].startswith("13")
    assert events[0]["modality"] != "asserted"
    assert events[0]["evidence"]["rules"]["modality"] != "_clause_done"


def test_a_present_or_progressive_act_in_the_complement_of_an_act_is_not_done(vocab: Vocab) -> None:
    # "France warned that Russia attacks Ukraine." / "... is attacking Ukraine.": no done act (session 37 mend)
    for rows, trigger in ((_warned(("attacks", "VBZ", "attack")), "attacks"),
                          (_warned(("attacking", "VBG", "attack"), ("is", "VBZ", "be")), "attacking")):
        events = coded(vocab, rows, trigger)
        assert [sides(e) for e in events] == [("Russia", "Ukraine")]
        assert events[0]["evidence"]["rules"]["modality"] != "_clause_done"
        assert events[0]["modality"] != "asserted"


def test_a_modal_perfect_in_the_complement_of_an_act_is_not_done(vocab: Vocab) -> None:
    # "France warned that Russia could have attacked Ukraine.": a participle after "have", but possible only
    events = coded(vocab, _warned(("attacked", "VBN", "attack"), ("could", "MD", "could"), ("have", "VB", "have")),
                   "attacked")
    assert [sides(e) for e in events] == [("Russia", "Ukraine")]
    assert events[0]["evidence"]["rules"]["modality"] != "_clause_done"
    assert events[0]["modality"] != "asserted"


def test_a_party_s_report_of_an_act_against_itself_is_its_claim(vocab: Vocab) -> None:
    # "China warned that Taiwan attacked China.": the target is the warner's own country (D14c: claimed)
    rows = [("China", "PROPN", "NNP", "nsubj", 1, "China", "B-GPE"),
            ("warned", "VERB", "VBD", "ROOT", 0, "warn", "O"),
            ("that", "SCONJ", "IN", "mark", 2, "that", "O"),
            ("Taiwan", "PROPN", "NNP", "nsubj", 1, "Taiwan", "B-GPE"),
            ("attacked", "VERB", "VBD", "ccomp", -3, "attack", "O"),
            ("China", "PROPN", "NNP", "dobj", -1, "China", "B-GPE"),
            (".", "PUNCT", ".", "punct", -5, ".", "O")]
    events = coded(vocab, rows, "attacked")
    assert [sides(e) for e in events] == [("Taiwan", "China")]
    assert events[0]["modality"] != "asserted"
    assert events[0]["evidence"]["rules"]["modality"] != "_clause_done"


def _report(verb: tuple, *aux: tuple) -> list[Row]:
    # "A week Russia [aux] <verb> Ukraine ended.": the parser hangs the clause on the noun (acl)
    n = len(aux)
    return [("A", "DET", "DT", "det", 1, "a", "O"),
            ("week", "NOUN", "NN", "nsubj", 5 + n, "week", "O"),
            ("Russia", "PROPN", "NNP", "nsubj", 1 + n, "Russia", "B-GPE"),
            *[(a[0], "AUX", a[1], "aux", n - k, a[2], "O") for k, a in enumerate(aux)],
            (verb[0], "VERB", verb[1], "acl", -(2 + n), verb[2], "O"),
            ("Ukraine", "PROPN", "NNP", "dobj", -1, "Ukraine", "B-GPE"),
            ("ended", "VERB", "VBD", "ROOT", 0, "end", "O"),
            (".", "PUNCT", ".", "punct", -1, ".", "O")]


def test_a_simple_past_hung_on_a_noun_is_done_a_participle_there_is_not(vocab: Vocab) -> None:
    # "A week Russia attacked Ukraine ended.": acl VBD, a misread clause told as done
    events = coded(vocab, _report(("attacked", "VBD", "attack")), "attacked")
    assert [sides(e) for e in events] == [("Russia", "Ukraine")]
    assert events[0]["modality"] == "asserted"
    assert events[0]["evidence"]["rules"]["modality"] == "_clause_done"
    # "A week Russia had attacked Ukraine ended.": a participle on a noun describes
    events = coded(vocab, _report(("attacked", "VBN", "attack"), ("had", "VBD", "have")), "attacked")
    assert events and events[0]["evidence"]["rules"]["modality"] not in ("_clause_done", "_clause_asserted")


def test_a_modal_perfect_relative_clause_is_not_asserted(vocab: Vocab) -> None:
    # "Israel, which could have shelled Gaza, withdrew.": VBN, but the modal makes it possible only
    rows = [("Israel", "PROPN", "NNP", "nsubj", 7, "Israel", "B-GPE"),
            (",", "PUNCT", ",", "punct", -1, ",", "O"),
            ("which", "PRON", "WDT", "nsubj", 3, "which", "O"),
            ("could", "AUX", "MD", "aux", 2, "could", "O"),
            ("have", "AUX", "VB", "aux", 1, "have", "O"),
            ("shelled", "VERB", "VBN", "relcl", -5, "shell", "O"),
            ("Gaza", "PROPN", "NNP", "dobj", -1, "Gaza", "B-GPE"),
            ("withdrew", "VERB", "VBD", "ROOT", 0, "withdraw", "O"),
            (".", "PUNCT", ".", "punct", -1, ".", "O")]
    events = coded(vocab, rows, "shelled")
    assert [sides(e) for e in events] == [("Israel", "Gaza")]
    assert events[0]["evidence"]["rules"]["modality"] != "_clause_asserted"
    assert events[0]["modality"] != "asserted"



def _alone_rows(verb: str, lemma: str, main: list[Row], perfect: bool = True) -> list[Row]:
    # "Ruritania, which has <verb> the hills, <main>" (or "which <verb>"): the clause's target is no identified actor
    aux = [("has", "AUX", "VBZ", "aux", 1, "have", "O")] if perfect else []
    return [("Ruritania", "PROPN", "NNP", "nsubj", 7 + len(aux), "Ruritania", "B-GPE"),
            (",", "PUNCT", ",", "punct", -1, ",", "O"),
            ("which", "PRON", "WDT", "nsubj", 1 + len(aux), "which", "O"), *aux,
            (verb, "VERB", "VBN" if perfect else "VBD", "relcl", -3 - len(aux), lemma, "O"),
            ("the", "DET", "DT", "det", 1, "the", "O"),
            ("hills", "NOUN", "NNS", "dobj", -2, "hill", "O"),
            (",", "PUNCT", ",", "punct", 1, ",", "O"), *main]


_SILENT: list[Row] = [("was", "AUX", "VBD", "ROOT", 0, "be", "O"), ("silent", "ADJ", "JJ", "acomp", -1, "silent", "O"),
                      (".", "PUNCT", ".", "punct", -2, ".", "O")]


def test_a_perfect_relative_clause_act_in_a_sentence_with_no_other_act_is_asserted(vocab: Vocab) -> None:
    # "Ruritania, which has shelled the hills, was silent.": the clause tells the sentence's news (session 38)
    events = coded(vocab, _alone_rows("shelled", "shell", _SILENT), "shelled")
    assert events and all(e["modality"] == "asserted" for e in events)
    assert all(e["evidence"]["rules"]["modality"] == "_clause_alone" for e in events)


def test_a_relative_clause_act_beside_a_main_act_stays_reported(vocab: Vocab) -> None:
    # "Ruritania, which has shelled the hills, attacked Borduria.": the main act is the news, the clause its background
    rows = _alone_rows("shelled", "shell", [("attacked", "VERB", "VBD", "ROOT", 0, "attack", "O"),
                                            ("Borduria", "PROPN", "NNP", "dobj", -1, "Borduria", "B-GPE"),
                                            (".", "PUNCT", ".", "punct", -2, ".", "O")])
    doc = code_doc(parsed_doc(vocab, rows, places=("GPE", "NORP")))
    assert any(e["trigger"] == "attacked" and e["modality"] == "asserted" for e in doc._.events)
    events = [e for e in doc._.events if e["trigger"] == "shelled"]
    assert events and all(e["modality"] == "reported" for e in events)
    assert all(e["evidence"]["rules"]["modality"] == "_subordinate" for e in events)


def test_a_simple_past_modal_or_threatening_relative_clause_alone_stays_reported(vocab: Vocab) -> None:
    # "Ruritania, which shelled the hills, was silent.": a simple past on a name describes it (no event noun)
    events = coded(vocab, _alone_rows("shelled", "shell", _SILENT, perfect=False), "shelled")
    assert events and all(e["modality"] != "asserted" for e in events)
    # "Ruritania, which could shell the hills, was silent."
    modal = [("Ruritania", "PROPN", "NNP", "nsubj", 8, "Ruritania", "B-GPE"),
             (",", "PUNCT", ",", "punct", -1, ",", "O"),
             ("which", "PRON", "WDT", "nsubj", 2, "which", "O"),
             ("could", "AUX", "MD", "aux", 1, "could", "O"),
             ("shell", "VERB", "VB", "relcl", -4, "shell", "O"),
             ("the", "DET", "DT", "det", 1, "the", "O"),
             ("hills", "NOUN", "NNS", "dobj", -2, "hill", "O"),
             (",", "PUNCT", ",", "punct", 1, ",", "O"), *_SILENT]
    assert all(e["modality"] != "asserted" for e in coded(vocab, modal, "shell"))
    # "Ruritania, which has threatened the hills, was silent.": a threat (13) is the holder's stance
    assert all(e["modality"] != "asserted" for e in coded(vocab, _alone_rows("threatened", "threaten", _SILENT), "threatened"))


def test_a_gerund_under_a_preposition_in_a_sentence_with_no_other_act_is_asserted(vocab: Vocab) -> None:
    # "Troops withdrew after shelling Borduria.": the withdrawal names no known party (no event), the gerund's act
    # under its temporal preposition is the sentence's news (session 38)
    rows = [("Troops", "NOUN", "NNS", "nsubj", 1, "troop", "O"),
            ("withdrew", "VERB", "VBD", "ROOT", 0, "withdraw", "O"),
            ("after", "ADP", "IN", "prep", -1, "after", "O"),
            ("shelling", "VERB", "VBG", "pcomp", -1, "shell", "O"),
            ("Borduria", "PROPN", "NNP", "dobj", -1, "Borduria", "B-GPE"),
            (".", "PUNCT", ".", "punct", -4, ".", "O")]
    events = coded(vocab, rows, "shelling")
    assert events and all(e["modality"] == "asserted" for e in events)
    assert all(e["evidence"]["rules"]["modality"] == "_clause_alone" for e in events)


def test_a_gerund_that_is_the_topic_of_a_noun_stays_reported(vocab: Vocab) -> None:
    # "The debate over shelling Borduria continues.": the gerund is what the debate is about, no act told
    rows = [("The", "DET", "DT", "det", 1, "the", "O"),
            ("debate", "NOUN", "NN", "nsubj", 4, "debate", "O"),
            ("over", "ADP", "IN", "prep", -1, "over", "O"),
            ("shelling", "VERB", "VBG", "pcomp", -1, "shell", "O"),
            ("Borduria", "PROPN", "NNP", "dobj", -1, "Borduria", "B-GPE"),
            ("continues", "VERB", "VBZ", "ROOT", 0, "continue", "O"),
            (".", "PUNCT", ".", "punct", -1, ".", "O")]
    events = coded(vocab, rows, "shelling")
    assert events and all(e["modality"] != "asserted" for e in events)


def test_a_relative_clause_act_alone_with_no_identified_party_stays_reported(vocab: Vocab) -> None:
    # "Rigby's family, who have visited the scene, are angry.": a visit (042) with no known party on either
    # side fails the check every asserted act passes (events/assemble.py _assertable): not asserted alone
    rows = [("Rigby", "PROPN", "NNP", "poss", 2, "Rigby", "O"),
            ("'s", "PART", "POS", "case", -1, "'s", "O"),
            ("family", "NOUN", "NN", "nsubj", 8, "family", "O"),
            (",", "PUNCT", ",", "punct", -1, ",", "O"),
            ("who", "PRON", "WP", "nsubj", 2, "who", "O"),
            ("have", "AUX", "VBP", "aux", 1, "have", "O"),
            ("visited", "VERB", "VBN", "relcl", -4, "visit", "O"),
            ("the", "DET", "DT", "det", 1, "the", "O"),
            ("scene", "NOUN", "NN", "dobj", -2, "scene", "O"),
            (",", "PUNCT", ",", "punct", -7, ",", "O"),
            ("are", "AUX", "VBP", "ROOT", 0, "be", "O"),
            ("angry", "ADJ", "JJ", "acomp", -1, "angry", "O"),
            (".", "PUNCT", ".", "punct", -2, ".", "O")]
    events = coded(vocab, rows, "visited")
    assert events and all(e["modality"] != "asserted" for e in events)
    assert all(e["evidence"]["rules"]["modality"] == "_subordinate" for e in events)
