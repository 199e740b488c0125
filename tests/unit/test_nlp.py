"""Core components on hand-built Docs (no model): paragraph boundaries, actor grouping, the record."""

from __future__ import annotations

import datetime as dt

import jsonschema
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from dateline.actors import group_actors
from dateline.models import Article, ArticleParts, OffsetMap
from dateline.doc import paragraph_boundaries, sentence_index
from dateline.record import article_record, output_schema, rejection_record
from dateline.models import Rejection


def test_nlp_paragraph_boundary_starts_sentence(vocab: Vocab) -> None:
    words = ["Talks", "ended", "\n\n", "Both", "sides", "left"]
    doc = Doc(vocab, words=words, spaces=[True, False, False, True, True, False])
    paragraph_boundaries(doc)
    assert doc[3].is_sent_start is True
    assert doc[1].is_sent_start is None  # inside a paragraph the parser decides


def test_nlp_single_newline_is_not_a_boundary(vocab: Vocab) -> None:
    doc = Doc(vocab, words=["Talks", "ended", "\n", "both", "sides"], spaces=[True, False, False, True, False])
    paragraph_boundaries(doc)
    assert doc[3].is_sent_start is None


def make_doc(vocab: Vocab) -> Doc:
    words = ["Kim", "Jong", "Un", "met", "Trump", ".", "Kim", "left", "Seoul", "."]
    doc = Doc(vocab, words=words, sent_starts=[True, False, False, False, False, False, True, False, False, False])
    doc.ents = [Span(doc, 0, 3, "PERSON"), Span(doc, 4, 5, "PERSON"), Span(doc, 6, 7, "PERSON"),
                Span(doc, 8, 9, "GPE")]
    for name in ("actors", "events", "quotes"):
        setattr(doc._, name, [])
    return doc


def test_nlp_sentence_index(vocab: Vocab) -> None:
    index = sentence_index(make_doc(vocab))
    assert [index(i) for i in (0, 5, 6, 9)] == [0, 0, 1, 1]


def test_actors_short_mention_joins_full_name(vocab: Vocab) -> None:
    doc = group_actors(make_doc(vocab))
    by_name = {a["name"]: a for a in doc._.actors}
    assert set(by_name) == {"Kim Jong Un", "Trump", "Seoul"}
    assert [m["text"] for m in by_name["Kim Jong Un"]["mentions"]] == ["Kim Jong Un", "Kim"]
    assert [m["sentence"] for m in by_name["Kim Jong Un"]["mentions"]] == [0, 1]
    assert by_name["Seoul"]["label"] == "GPE"
    assert all(a["code"] is None for a in doc._.actors)  # group_actors groups with an empty KB: no codes


def test_record_matches_schema(vocab: Vocab) -> None:
    doc = group_actors(make_doc(vocab))
    parts = ArticleParts(body=doc.text, offsets=OffsetMap())
    parts.offsets.add(0, 12, len(doc.text))
    article = Article(id="0123456789abcdef", text="HEADLINE\n\n" + doc.text, parts=parts, source="a.txt",
                      published=dt.date(2019, 1, 19))
    record = article_record(article, doc, model="test 1.0")
    jsonschema.validate(record, output_schema())
    assert record["id"] == "0123456789abcdef"
    assert record["article"]["published"] == "2019-01-19"
    assert [s["index"] for s in record["sentences"]] == [0, 1]
    assert record["provenance"]["body_offsets"] == [[0, 12, len(doc.text)]]


def test_record_rejection_matches_schema() -> None:
    line = rejection_record(Rejection("n.jsonl", 4, "E006", "n.jsonl: line 4 is not valid JSON", "abc"))
    jsonschema.validate(line, output_schema())
    assert line == {"id": "abc", "error": {"code": "E006", "message": "n.jsonl: line 4 is not valid JSON",
                                           "source": "n.jsonl", "record": 4}}


def test_offset_map_round_trip() -> None:
    original = "MASTHEAD\n\nLONDON — First para.\n\n?? junk ??\n\nSecond para."
    first = original.index("First")
    second = original.index("Second")
    body = "First para.\n\nSecond para."
    offsets = OffsetMap()
    offsets.add(0, first, len("First para."))
    offsets.add(body.index("Second"), second, len("Second para."))
    for i, ch in enumerate(body):
        if ch != "\n":
            assert original[offsets.to_original(i)] == ch


def test_nlp_imports_no_stage() -> None:
    # the stages are spaCy entry points: importing nlp (or the shared doc/syntax modules) pulls in none
    import subprocess
    import sys

    code = ("import sys, dateline.nlp, dateline.doc, dateline.syntax; "
            "print(sorted(m for m in sys.modules if m in {'dateline.actors', 'dateline.events', "
            "'dateline.quotes', 'dateline.dates', 'dateline.places'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_nlp_every_default_stage_is_an_entry_point() -> None:
    from importlib.metadata import entry_points

    import spacy
    from spacy.language import Language

    from dateline.nlp import DEFAULT_STAGES

    declared = {ep.name: ep.value for ep in entry_points(group="spacy_factories") if ep.name.startswith("dateline_")}
    assert set(DEFAULT_STAGES) == set(declared)
    spacy.blank("en")  # a new Language imports the modules behind the spacy_factories entry points
    for name in DEFAULT_STAGES:
        assert Language.has_factory(name), name
