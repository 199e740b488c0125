"""tools/news_labels.py recall-more / recall-more-add: a round's thin missed-act lists completed. The task shows the
acts already listed (real-act labels and missed acts, not the non-acts); the add step appends only acts not listed
at the same trigger. Sentences are written for the test; the coder's run is replaced by a hand-made record."""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
_SPEC = importlib.util.spec_from_file_location("news_labels_recallmore", REPO / "tools" / "news_labels.py")
assert _SPEC is not None and _SPEC.loader is not None
nl = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(nl)

TEXT = "Ruritania shelled the border town. Borduria protested to the envoy and recalled its ambassador."
SECOND = TEXT.index("Borduria")


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _record() -> dict[str, Any]:
    return {"id": "a1", "article": {"body": TEXT}, "events": [], "sentences": [
        {"index": 0, "start": 0, "end": SECOND - 1}, {"index": 1, "start": SECOND, "end": len(TEXT)}]}


@pytest.fixture()
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    out, news, build = tmp_path / "eval" / "news", tmp_path / "news", tmp_path / "build"
    out.mkdir(parents=True)
    news.mkdir()
    (news / "mini.jsonl").write_text(json.dumps({"id": "a1", "title": "A test", "date": "2020-01-02",
                                                 "text": TEXT}) + "\n", encoding="utf-8")
    (out / "articles.jsonl").write_text(json.dumps({"corpus": "mini.jsonl", "id": "a1", "split": "train",
                                                    "sha1": _sha(TEXT), "round": 128}) + "\n", encoding="utf-8")
    first = {"start": 0, "end": SECOND - 1, "sha1": _sha(TEXT[:SECOND - 1])}
    second = {"start": SECOND, "end": len(TEXT), "sha1": _sha(TEXT[SECOND:])}
    labels = [{"corpus": "mini.jsonl", "id": "a1", "split": "train", "sentence": 0, "sentence_ref": first,
               "trigger_in_sentence": [10, 17], "trigger": "shelled", "act": True, "root": "19", "src": "RUR",
               "tgt": "BOR", "modality": "asserted"},
              {"corpus": "mini.jsonl", "id": "a1", "split": "train", "sentence": 1, "sentence_ref": second,
               "trigger_in_sentence": [9, 18], "trigger": "protested", "act": False, "root": None, "src": None,
               "tgt": None, "modality": None}]
    (out / "labels.jsonl").write_text("".join(json.dumps(r) + "\n" for r in labels), encoding="utf-8")
    (out / "missed.jsonl").write_text(json.dumps({"corpus": "mini.jsonl", "id": "a1", "split": "train",
                                                  "missed": True, "sentence": 1, "sentence_ref": second,
                                                  "trigger_in_sentence": [36, 44], "trigger": "recalled",
                                                  "root": "16", "src": "BOR", "tgt": "RUR",
                                                  "modality": "asserted"}) + "\n", encoding="utf-8")
    monkeypatch.setattr(nl, "OUT", out)
    monkeypatch.setattr(nl, "NEWS", news)
    monkeypatch.setattr(nl, "BUILD", build)
    monkeypatch.setattr(nl, "code_articles", lambda texts, order: {"a1": _record()})
    return tmp_path


def test_the_task_lists_the_real_acts_already_labelled_and_missed(corpus: Path) -> None:
    nl.recall_more(argparse.Namespace(rounds="128", labellers="D01", guidelines=6))
    task = (corpus / "build" / "recallmore" / "r128" / "tasks" / "D01_01.md").read_text(encoding="utf-8")
    assert "[S1] Borduria protested to the envoy and recalled its ambassador." in task
    assert "### Acts already listed (2)" in task
    assert '- S0 | trigger "shelled" | root 19 | RUR -> BOR | asserted' in task
    assert '- S1 | trigger "recalled" | root 16 | BOR -> RUR | asserted' in task
    assert '"protested"' not in task  # labelled not an act: not listed as covered


def test_add_appends_new_acts_and_skips_those_listed(corpus: Path) -> None:
    nl.recall_more(argparse.Namespace(rounds="128", labellers="D01", guidelines=6))
    out = corpus / "build" / "recallmore" / "r128" / "out" / "D01_01.jsonl"
    lines = [{"missed": True, "article": "a1", "s": 1, "trigger": "protested", "root": "11", "src": "BOR",
              "tgt": "RUR", "modality": "asserted"},
             {"missed": True, "article": "a1", "s": 1, "trigger": "recalled its ambassador", "root": "16",
              "src": "BOR", "tgt": "RUR", "modality": "asserted"},
             {"missed": True, "article": "a1", "s": 0, "trigger": "not there", "root": "19", "src": "RUR",
              "tgt": "BOR", "modality": "asserted"},
             {"article": "a1", "recall_done": True}]
    out.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    assert nl.recall_more_add(argparse.Namespace(files=[str(out)], guidelines=6)) == 1  # one line left out
    rows = [json.loads(x) for x in (corpus / "eval" / "news" / "missed.jsonl").read_text().splitlines()]
    assert [r["trigger"] for r in rows] == ["recalled", "protested"]
    added = rows[-1]
    assert added["labeller"] == "D01" and added["guidelines"] == 6 and added["root"] == "11"
    assert added["trigger_in_sentence"] == [9, 18] and added["sentence_ref"]["start"] == SECOND
    assert added["note"].startswith("recall completion pass")


def test_no_article_in_the_rounds_is_an_error(corpus: Path) -> None:
    with pytest.raises(SystemExit, match="no article in rounds"):
        nl.recall_more(argparse.Namespace(rounds="999", labellers="D01", guidelines=6))
