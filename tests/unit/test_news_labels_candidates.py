"""tools/news_labels.py extend's candidates: a record whose text is already selected under another id, or repeats
another candidate's text, is no candidate (the corpora repeat some stories under two ids; such a copy is never
scored, newseval.duplicate_texts). Records written for the test; no corpus is read."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
_SPEC = importlib.util.spec_from_file_location("news_labels_candidates", REPO / "tools" / "news_labels.py")
assert _SPEC is not None and _SPEC.loader is not None
nl = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(nl)

POLITICAL = "The minister said the government and the parliament will vote on the treaty with the army and police. "


def record(rid: str, text: str) -> dict[str, Any]:
    return {"id": rid, "title": "Ruritania", "text": text}


@pytest.fixture
def corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [record("r-3", POLITICAL * 3 + "Borduria answered."), record("r-1", POLITICAL * 3 + "Ruritania asked."),
            record("r-2", POLITICAL * 3 + "Ruritania asked."), record("r-4", POLITICAL * 3 + "Syldavia waited.")]
    monkeypatch.setattr(nl, "read", lambda name: iter(rows))


def ids(strata: dict[str, list[dict[str, Any]]]) -> list[str]:
    return sorted(r["id"] for pool in strata.values() for r in pool)


def test_without_texts_every_record_in_range_is_a_candidate(corpus: None) -> None:
    assert ids(nl.candidates("reuters21578", set(), (1, 1000))) == ["r-1", "r-2", "r-3", "r-4"]


def test_a_text_selected_or_repeated_is_no_candidate(corpus: None) -> None:
    selected = {nl.sha1(POLITICAL * 3 + "Syldavia waited.")}
    # r-4's text is selected under another id; r-2 repeats r-1's text (the first by id stays)
    assert ids(nl.candidates("reuters21578", set(), (1, 1000), texts=selected)) == ["r-1", "r-3"]
