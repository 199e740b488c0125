"""The quotes stage on hand-written text and hand-built Docs (no model)."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc
from spacy.vocab import Vocab

import dateline.nlp  # noqa: F401  (registers the Doc extensions)
from dateline.quotes import QuoteDataError, find_quotes, load_cues, scan_quotes


@pytest.fixture(scope="module")
def vocab() -> Vocab:
    """An English vocab (lower-case forms, punctuation flags), without any model."""
    return English().vocab


def _texts(text: str) -> list[str]:
    return [text[q.start:q.end] for q in scan_quotes(text)]


def test_quotes_scan_curly_straight_single_nested() -> None:
    text = 'He said “we won ‘fair and square’ today,” and she said "no." Then \'maybe\' came.'
    assert _texts(text) == ["we won ‘fair and square’ today,", "fair and square", "no.", "maybe"]
    assert [q.depth for q in scan_quotes(text)] == [0, 1, 0, 0]


def test_quotes_scan_apostrophes_are_not_marks() -> None:
    assert _texts("Kim’s allies’ view isn't the ’90s view, don't ‘90s") == []


def test_quotes_scan_paragraph_continues_quote() -> None:
    text = "“First paragraph goes on.\n\n“Second one closes,” he said.\n\nAfter."
    (quote,) = scan_quotes(text)
    assert text[quote.start:quote.end] == "First paragraph goes on.\n\n“Second one closes,"
    assert quote.reopened == (text.index("“Second"),) and quote.closed


def test_quotes_scan_paragraphs_run_together_continue_the_quote() -> None:
    # a continued quotation whose paragraph break was lost: the mark re-opening a sentence goes on with it
    text = 'He said: "We will act. "But not now," he added. Then "a" and "b".'
    quote = scan_quotes(text)[0]
    assert text[quote.start:quote.end] == 'We will act. "But not now,'
    assert quote.reopened == (text.index('"But'),) and quote.closed
    assert _texts(text)[1:] == ["a", "b"]


def test_quotes_scan_a_quote_left_open_before_a_new_sentence_runs_on() -> None:
    # the cost of the convention above: a quotation that really lacked its closing mark is read as going on
    # into the next quotation that opens a sentence (before session 29 its mark was dropped as stray)
    assert _texts('A "stray mark. "A quote" here.') == ['stray mark. "A quote']
    # a second opening mark that does not open a sentence still makes the first one stray
    assert _texts('A "stray mark "a quote" here.') == ["a quote"]


@pytest.mark.parametrize("text, expected", [
    ('a "b" c "d', ["b", "d"]),                       # odd number of marks: the last runs to its end
    ("x ” y “z” w", ["z"]),                          # a stray closing mark is skipped
    ("“a “b” c", ["b"]),                             # a stray opening mark is dropped
    ('“mixed marks" here', ["mixed marks"]),          # curly open, straight close
    ("“unclosed\n\nNext paragraph.", ["unclosed"]),   # an open quote ends with its paragraph
])
def test_quotes_scan_robust_best_reading(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_quotes_scan_long_quote() -> None:
    words = " ".join(["word"] * 5000)
    text = f"Intro. “{words}.” Outro “b”."
    assert _texts(text) == [words + ".", "b"]


def _doc(vocab: Vocab, words: list[str], *, heads: list[int], deps: list[str], pos: list[str],
         lemmas: list[str] | None = None, ents: list[str] | None = None, spaces: list[bool] | None = None,
         events: list[dict[str, Any]] | None = None, codes: dict[str, str] | None = None) -> Doc:
    doc = Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos,
              lemmas=lemmas or [w.lower() for w in words], ents=ents or ["O"] * len(words))
    doc._.events, doc._.quotes, doc._.pull_quotes = events or [], [], []
    # Actors by hand, in the actors stage's output shape: one per named entity.
    codes = codes or {}
    doc._.actors = [{"name": ent.text, "label": ent.label_, "code": codes.get(ent.text),
                     "country": codes.get(ent.text), "sector": None,
                     "mentions": [{"text": ent.text, "start": ent.start_char, "end": ent.end_char, "sentence": 0}]}
                    for ent in doc.ents]
    return doc


def _said_doc(vocab: Vocab) -> Doc:
    # “We will win,” Smith said.
    words = ["“", "We", "will", "win", ",", "”", "Smith", "said", "."]
    return _doc(vocab, words, spaces=[False, True, True, False, False, True, True, False, False],
                heads=[3, 3, 3, 7, 7, 7, 7, 7, 7],
                deps=["punct", "nsubj", "aux", "ccomp", "punct", "punct", "nsubj", "ROOT", "punct"],
                pos=["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT"],
                lemmas=["“", "we", "will", "win", ",", "”", "Smith", "say", "."],
                ents=["O", "O", "O", "O", "O", "O", "B-PERSON", "O", "O"])


def test_quotes_direct_quote_speaker_and_cue(vocab: Vocab) -> None:
    doc = find_quotes(_said_doc(vocab))
    (quote,) = doc._.quotes
    assert quote["text"] == "We will win" and quote["kind"] == "direct"
    assert quote["speaker"]["text"] == "Smith" and quote["cue"] == "said"
    assert doc.text[slice(*quote["span"])] == "We will win"
    assert doc._.events == [] and quote["events"] == []  # "said" is no act: no event


def _demand_doc(vocab: Vocab, events: list[dict[str, Any]] | None = None,
                codes: dict[str, str] | None = None) -> Doc:
    # Pyongyang demanded that Washington end sanctions.
    words = ["Pyongyang", "demanded", "that", "Washington", "end", "sanctions", "."]
    return _doc(vocab, words, heads=[1, 1, 4, 4, 1, 4, 1],
                deps=["nsubj", "ROOT", "mark", "nsubj", "ccomp", "dobj", "punct"],
                pos=["PROPN", "VERB", "SCONJ", "PROPN", "VERB", "NOUN", "PUNCT"],
                lemmas=["Pyongyang", "demand", "that", "Washington", "end", "sanction", "."],
                ents=["B-GPE", "O", "O", "B-GPE", "O", "O", "O"],
                spaces=[True, True, True, True, True, False, False], events=events,
                codes={"Pyongyang": "PRK", "Washington": "USA"} if codes is None else codes)


def test_quotes_reported_act_becomes_linked_event(vocab: Vocab) -> None:
    doc = find_quotes(_demand_doc(vocab))
    (quote,) = doc._.quotes
    assert quote["kind"] == "reported" and quote["text"] == "Washington end sanctions"
    assert quote["speaker"]["text"] == "Pyongyang" and quote["cue"] == "demanded"
    (event,) = doc._.events
    assert event["cameo"] == "100" and event["plover"]["event"] == "REQUEST"
    assert event["source"]["text"] == "Pyongyang" and event["target"]["text"] == "Washington"
    assert event["quote"] == 0 and quote["events"] == [0]
    assert event["trigger"] == "demanded" and doc.text[slice(*event["span"])] == "demanded"


def test_quotes_reported_act_between_no_known_actors_is_no_event(vocab: Vocab) -> None:
    # the same cue with neither side a known actor (no code, no country): as the events stage
    # rules (an asserted act needs a known actor on one side), no event is added
    doc = find_quotes(_demand_doc(vocab, codes={}))
    (quote,) = doc._.quotes
    assert quote["cue"] == "demanded" and quote["speaker"]["text"] == "Pyongyang"
    assert doc._.events == [] and quote["events"] == []


def test_quotes_existing_event_on_cue_is_linked_not_duplicated(vocab: Vocab) -> None:
    coded = {"source": None, "target": None, "cameo": "104", "span": [10, 18], "sentence": 0, "quote": None}
    doc = find_quotes(_demand_doc(vocab, events=[coded]))
    assert len(doc._.events) == 1
    assert doc._.events[0]["quote"] == 0 and doc._.quotes[0]["events"] == [0]


def test_quotes_no_cue_keeps_quote_without_speaker(vocab: Vocab) -> None:
    words = ["“", "Nothing", "is", "decided", ".", "”"]
    doc = _doc(vocab, words, spaces=[False, True, True, False, False, False], heads=[3, 3, 3, 3, 3, 3],
               deps=["punct", "nsubj", "aux", "ROOT", "punct", "punct"],
               pos=["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT"])
    (quote,) = find_quotes(doc)._.quotes
    assert quote["text"] == "Nothing is decided." and quote["speaker"] is None and quote["cue"] is None


def test_quotes_odd_marks_long_quote_no_crash(vocab: Vocab) -> None:
    words = ["“"] + ["word"] * 5000 + ["”", "Smith", "said", "“", "more"]
    n = len(words)
    doc = _doc(vocab, words, heads=list(range(n)), deps=["ROOT"] * n, pos=["X"] * n)
    quotes = find_quotes(doc)._.quotes
    assert [len(q["text"].split()) for q in quotes] == [5000, 1]
    assert doc.text.rstrip().endswith("Smith said “ more")  # nothing else lost


def test_quotes_pull_quote_marks_one_body_quote(vocab: Vocab) -> None:
    doc = _said_doc(vocab)
    doc._.pull_quotes = [{"text": "We will win.", "attribution": "Smith", "body_span": [1, 12]}]
    quotes = find_quotes(doc)._.quotes
    assert len(quotes) == 1 and quotes[0]["pull_quote"] is True
    assert quotes[0]["pull_quote_text"] == "We will win."


def test_quotes_cue_data_errors_are_coded(tmp_path: Any) -> None:
    (tmp_path / "cues.tsv").write_text("lemma\trole\tcameo\nsay\tspeech\t\n", encoding="utf-8")
    (tmp_path / "comments.tsv").write_text("word\tcameo\n", encoding="utf-8")
    (tmp_path / "media.txt").write_text("agency\n", encoding="utf-8")
    with pytest.raises(QuoteDataError, match="E701"):
        load_cues(str(tmp_path))
    assert load_cues().verbs["accuse"].cameo == "112"


def test_quotes_colon_owner_is_speaker(vocab: Vocab) -> None:
    # Smith’s motto: “Win!” — the owner of the announced words speaks, no cue verb needed.
    words = ["Smith", "’s", "motto", ":", "“", "Win", "!", "”"]
    doc = _doc(vocab, words, spaces=[False, True, False, True, False, False, False, False],
               heads=[2, 0, 2, 2, 2, 2, 5, 2], deps=["poss", "case", "ROOT", "punct", "punct", "appos", "punct", "punct"],
               pos=["PROPN", "PART", "NOUN", "PUNCT", "PUNCT", "VERB", "PUNCT", "PUNCT"],
               ents=["B-PERSON", "O", "O", "O", "O", "O", "O", "O"])
    (quote,) = find_quotes(doc)._.quotes
    assert quote["speaker"]["text"] == "Smith" and quote["cue"] == ":"


def test_quotes_quoted_as_saying_takes_passive_subject(vocab: Vocab) -> None:
    # Lee was quoted as saying “we wait”.
    words = ["Lee", "was", "quoted", "as", "saying", "“", "we", "wait", "”", "."]
    doc = _doc(vocab, words, spaces=[True, True, True, True, True, False, True, False, False, False],
               heads=[2, 2, 2, 2, 3, 7, 7, 4, 7, 2],
               deps=["nsubjpass", "auxpass", "ROOT", "prep", "pcomp", "punct", "nsubj", "ccomp", "punct", "punct"],
               pos=["PROPN", "AUX", "VERB", "ADP", "VERB", "PUNCT", "PRON", "VERB", "PUNCT", "PUNCT"],
               lemmas=["Lee", "be", "quote", "as", "say", "“", "we", "wait", "”", "."],
               ents=["B-PERSON"] + ["O"] * 9)
    (quote,) = find_quotes(doc)._.quotes
    assert quote["text"] == "we wait" and quote["speaker"]["text"] == "Lee" and quote["cue"] == "saying"


def test_quotes_heading_line_names_the_speaker(vocab: Vocab) -> None:
    # Ann Lee, Daily Post ¶ “We wait.”
    words = ["Ann", "Lee", ",", "Daily", "Post", "\n\n", "“", "We", "wait", ".", "”"]
    doc = _doc(vocab, words, spaces=[True, False, True, True, False, False, False, True, False, False, False],
               heads=[1, 1, 1, 4, 1, 4, 8, 8, 8, 8, 8],
               deps=["compound", "ROOT", "punct", "compound", "appos", "dep", "punct", "nsubj", "ROOT", "punct", "punct"],
               pos=["PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "SPACE", "PUNCT", "PRON", "VERB", "PUNCT", "PUNCT"],
               ents=["B-PERSON", "I-PERSON", "O", "B-ORG", "I-ORG", "O", "O", "O", "O", "O", "O"])
    (quote,) = find_quotes(doc)._.quotes
    assert quote["text"] == "We wait." and quote["speaker"]["text"] == "Ann Lee"


def test_quotes_pronoun_finds_unrecognised_name_subject(vocab: Vocab) -> None:
    # Bae said so. As he states, “We wait.”  (no entity for Bae; "states" tagged as a noun)
    words = ["Bae", "said", "so", ".", "As", "he", "states", ",", "“", "We", "wait", ".", "”"]
    doc = _doc(vocab, words, spaces=[True, True, False, True, True, True, False, True, False, True, False, False, False],
               heads=[1, 1, 1, 1, 6, 6, 10, 6, 10, 10, 10, 10, 10],
               deps=["nsubj", "ROOT", "advmod", "punct", "mark", "nsubj", "advcl", "punct", "punct", "nsubj", "ROOT",
                     "punct", "punct"],
               pos=["PROPN", "VERB", "ADV", "PUNCT", "SCONJ", "PRON", "NOUN", "PUNCT", "PUNCT", "PRON", "VERB",
                    "PUNCT", "PUNCT"],
               lemmas=["Bae", "say", "so", ".", "as", "he", "state", ",", "“", "we", "wait", ".", "”"])
    (quote,) = find_quotes(doc)._.quotes
    assert quote["kind"] == "direct" and quote["cue"] == "states"
    assert quote["speaker"]["text"] == "Bae"
