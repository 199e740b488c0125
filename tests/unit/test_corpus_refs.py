"""Fixtures point into the corpora instead of copying news text: references made and resolved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus_refs import CorpusMissing, load_rows, resolve_row, to_refs

RECORD = {"id": "n-1", "title": "Talks resume", "text": "First paragraph here.\n\nEnvoys met on Monday. They agreed.\n\nLast one."}


@pytest.fixture
def news(tmp_path: Path) -> Path:
    (tmp_path / "toy.jsonl").write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    return tmp_path


def test_corpus_refs_round_trip_keeps_no_text(news: Path) -> None:
    row = {"article_id": "n-1", "sentence": "Envoys met on Monday.", "quote": "met on Monday", "label": 1}
    ref_row = to_refs(row, {"sentence": "corpus", "quote": "sentence"}, "article_id", news)
    assert "sentence" not in ref_row and "quote" not in ref_row and ref_row["label"] == 1
    assert "Envoys" not in json.dumps(ref_row)
    assert ref_row["sentence_ref"]["corpus"] == "toy.jsonl"
    assert resolve_row(ref_row, news=news) == row


def test_corpus_refs_title_and_scattered_paragraphs(news: Path) -> None:
    text = "Talks resume\n\nFirst paragraph here.\n\nLast one."
    ref_row = to_refs({"id": "n-1", "text": text}, {"text": "corpus"}, "id", news)
    assert ref_row["text_ref"]["title"] is True and len(ref_row["text_ref"]["spans"]) == 2
    assert resolve_row(ref_row, news=news)["text"] == text


def test_corpus_refs_changed_corpus_and_absent_corpus(news: Path, tmp_path: Path) -> None:
    ref_row = to_refs({"id": "n-1", "text": "They agreed."}, {"text": "corpus"}, "id", news)
    changed = dict(RECORD, text=RECORD["text"].replace("They agreed.", "They argued."))
    (news / "toy.jsonl").write_text(json.dumps(changed) + "\n", encoding="utf-8")
    from corpus_refs import _corpus

    _corpus.cache_clear()
    with pytest.raises(ValueError, match="has changed"):
        resolve_row(ref_row, "row 1", news=news)
    fixture = tmp_path / "f.jsonl"
    fixture.write_text(json.dumps(ref_row) + "\n", encoding="utf-8")
    with pytest.raises(CorpusMissing):
        load_rows(fixture, news=tmp_path / "nowhere")


def test_corpus_refs_fixtures_in_repo_hold_no_corpus_sentences() -> None:
    """Every hand-checked fixture stores references: no field named like a copied sentence."""
    paths = sorted((Path(__file__).resolve().parents[1] / "fixtures").glob("*.jsonl"))
    assert len(paths) >= 5
    for path in paths:
        assert path.stat().st_size > 0, path.name
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            row = json.loads(line)
            copied = {"sentence", "text"} & set(row) if "expected_value" not in row else {"sentence"} & set(row)
            assert not copied, f"{path.name} line {number} holds {copied}: run tools/corpus_fixtures.py strip"
