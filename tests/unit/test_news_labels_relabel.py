"""tools/news_labels.py batch-add --relabel: a labelled split's articles labelled again replace the stored labels,
which are kept in *_v{N-1}.jsonl, and the agreement of old and new labels is written. Sentences are written for the
test; the batch folder is made by hand (no coder run)."""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
_SPEC = importlib.util.spec_from_file_location("news_labels_relabel", REPO / "tools" / "news_labels.py")
assert _SPEC is not None and _SPEC.loader is not None
nl = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(nl)

TEXT = "Ruritania shelled the border town. Borduria protested to the envoy."


def ref(eid: str, start: int, end: int, at: int, trigger: str, cameo: str, src: str, tgt: str | None) -> dict:
    return {"corpus": "mini.jsonl", "id": "a1", "split": "dev", "event_id": eid, "sentence": 0 if start == 0 else 1,
            "sentence_ref": {"start": start, "end": end, "sha1": "x"}, "trigger_in_sentence": [at, at + len(trigger)],
            "trigger": trigger, "coded": {"cameo": cameo, "plover": None, "source": {"code": src, "country": src},
                                          "target": None if tgt is None else {"code": tgt, "country": tgt},
                                          "modality": "asserted", "negated": False, "date": "2020-01-02",
                                          "date_source": "published"}}


@pytest.fixture()
def batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    out, news, build = tmp_path / "eval" / "news", tmp_path / "news", tmp_path / "build"
    out.mkdir(parents=True)
    news.mkdir()
    (news / "mini.jsonl").write_text(json.dumps({"id": "a1", "title": "A test", "date": "2020-01-02",
                                                 "text": TEXT}) + "\n", encoding="utf-8")
    sha = hashlib.sha1(TEXT.encode("utf-8")).hexdigest()[:12]
    (out / "articles.jsonl").write_text(json.dumps({"corpus": "mini.jsonl", "id": "a1", "split": "dev",
                                                    "sha1": sha, "outlet": "T"}) + "\n", encoding="utf-8")
    second = TEXT.index("Borduria")
    shelled = ref("e1", 0, second - 1, 10, "shelled", "195", "RUR", None)
    protested = ref("e2", second, len(TEXT), 9, "protested", "111", "BOR", "RUR")
    # the stored (version 1) labels: the shelling a real act with no target, the protest not an act
    old = [{**shelled, "act": True, "modality": "asserted", "background": False, "root": "19", "src": "RUR",
            "tgt": "NONE", "date": "2020-01-02", "verdict": None, "note": "", "labeller": "A", "guidelines": 1},
           {**protested, "act": False, "modality": None, "background": False, "root": None, "src": None, "tgt": None,
            "date": None, "verdict": None, "note": "", "labeller": "A"}]
    (out / "labels.jsonl").write_text("".join(json.dumps(r) + "\n" for r in old), encoding="utf-8")
    (out / "missed.jsonl").write_text(json.dumps({"corpus": "mini.jsonl", "id": "a1", "split": "dev", "missed": True,
                                                  "sentence": 1, "trigger": "envoy", "guidelines": 2}) + "\n",
                                      encoding="utf-8")
    for name in ("complete.json", "recall.json"):
        (out / name).write_text('["a1"]\n', encoding="utf-8")
    folder = build / "relabel" / "dev"
    (folder / "out").mkdir(parents=True)
    (folder / "events.jsonl").write_text(json.dumps(shelled) + "\n" + json.dumps(protested) + "\n", encoding="utf-8")
    record = {"id": "a1", "article": {"body": TEXT}, "events": [], "sentences": [
        {"index": 0, "start": 0, "end": second - 1}, {"index": 1, "start": second, "end": len(TEXT)}]}
    (folder / "coded.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    lines = [{"e": "e1", "act": "yes", "modality": "asserted", "root": "OK", "src": "OK", "tgt": "NONE", "date": "OK"},
             {"e": "e2", "act": "yes", "modality": "asserted", "root": "OK", "src": "OK", "tgt": "OK", "date": "OK"},
             {"missed": True, "article": "a1", "s": 0, "trigger": "border", "root": "19", "src": "RUR", "tgt": "BOR",
              "modality": "asserted"},
             {"article": "a1", "recall_done": True}]
    (folder / "out" / "R1_01.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    monkeypatch.setattr(nl, "OUT", out)
    monkeypatch.setattr(nl, "NEWS", news)
    monkeypatch.setattr(nl, "BUILD", build)
    return tmp_path


def test_relabel_replaces_the_stored_labels_and_keeps_them(batch: Path) -> None:
    args = argparse.Namespace(split="dev", relabel=True, guidelines=6, second=None,
                              files=[str(batch / "build" / "relabel" / "dev" / "out" / "R1_01.jsonl")])
    assert nl.batch_add(args) == 0
    news = batch / "eval" / "news"
    rows = [json.loads(line) for line in (news / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["event_id"], r["act"], r["guidelines"], r["labeller"]) for r in rows] == [("e1", True, 6, "R1"),
                                                                                        ("e2", True, 6, "R1")]
    kept = [json.loads(line) for line in (news / "labels_v5.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["event_id"], r["labeller"]) for r in kept] == [("e1", "A"), ("e2", "A")]
    assert json.loads((news / "missed_v5.jsonl").read_text(encoding="utf-8"))["trigger"] == "envoy"
    assert json.loads((news / "missed.jsonl").read_text(encoding="utf-8"))["trigger"] == "border"
    drift = json.loads((news / "agreement_relabel_dev_v6.json").read_text(encoding="utf-8"))
    assert drift["events"] == 2 and drift["act"]["agree"] == 0.5
    assert drift["old_guidelines"] == {"1": 2}
    assert drift["acts_listed"] == {"old": 2, "new": 3}


def test_a_locked_split_is_relabelled_only_when_asked(batch: Path) -> None:
    with pytest.raises(SystemExit, match="--locked"):
        nl.batch_tasks(argparse.Namespace(split="test", relabel=True, labellers="R1", guidelines=6))
    # asked for, it gets past the lock (and stops here only because the test corpus has no test article)
    with pytest.raises(SystemExit, match="no labelled article"):
        nl.batch_tasks(argparse.Namespace(split="test", relabel=True, locked=True, labellers="R1", guidelines=6))


def test_a_relabelling_in_parts_names_its_rounds_and_never_a_blind_one(batch: Path) -> None:
    (batch / "eval" / "news" / "blind_rounds.json").write_text('{"rounds": [9]}\n', encoding="utf-8")
    assert nl._batch_dir("train", True, "1,3,4").name == "train-r1-4"
    assert nl._batch_dir("train", False, "1,3,4").name == "train"
    with pytest.raises(SystemExit, match="blind"):
        nl.batch_tasks(argparse.Namespace(split="train", relabel=True, rounds="8,9", labellers="R1", guidelines=6))
    with pytest.raises(SystemExit, match="with --relabel"):
        nl.batch_tasks(argparse.Namespace(split="train", relabel=False, rounds="8", labellers="R1", guidelines=6))
