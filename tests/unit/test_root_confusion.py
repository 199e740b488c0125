"""tools/root_confusion.py (the wrong roots of train's read half by code rule) and cached_eval.py --roots-domain."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from dateline import roots_model
from dateline.newseval import article_half

_TOOLS = Path(__file__).resolve().parents[2] / "tools"
sys.path.insert(0, str(_TOOLS))


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, _TOOLS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


rc = _load("root_confusion")


def _article(half: str) -> str:
    return next(f"art-{i}" for i in range(100) if article_half(f"art-{i}") == half)


def _row(article: str, cameo: str, label_root: str | None, code: str = "_verb_entry", learned: bool = False,
         span: tuple[int, int] = (0, 4)) -> dict:
    rules = {"code": code, **({"root": "learned"} if learned else {})}
    label = {"act": label_root is not None, "modality": "asserted" if label_root else None, "root": label_root,
             "src": "USA", "tgt": "CHN", "date": None}
    return {"counted": True, "judged": True, "right": cameo[:2] == label_root, "id": article, "sentence": 0,
            "span": list(span), "trigger": "said", "cameo": cameo, "src": "USA", "tgt": "CHN", "rules": rules,
            "label": label}


def test_only_the_read_half_is_read(tmp_path: Path) -> None:
    read, unread = _article("read"), _article("unread")
    path = tmp_path / "j.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [_row(read, "010", "11"), _row(unread, "010", "11")]) + "\n")
    rows = list(rc.read_half(str(path)))
    assert [r["id"] for r in rows] == [read]


def test_confusion_counts_wrong_roots_by_rule() -> None:
    read = _article("read")
    rows = [_row(read, "010", "11"), _row(read, "010", "01", span=(5, 9)),
            _row(read, "111", "01", code="_disapproval", span=(10, 14)), _row(read, "190", None, span=(15, 19))]
    text = "\n".join(rc.tables(rows, 10))
    assert "counted real acts (read half): 3, root wrong 2" in text
    assert "01 -> 11     1  _verb_entry 1" in text
    assert "11 -> 01     1  _disapproval 1" in text


def test_learned_moves_compare_the_root_the_correction_replaced() -> None:
    read = _article("read")
    on = [_row(read, "180", "18", learned=True), _row(read, "110", "01", learned=True, span=(5, 9))]
    off = [_row(read, "190", "18"), _row(read, "010", "01", span=(5, 9))]
    text = "\n".join(rc.learned_moves(on, off))
    assert "1 counted, new root right" in text and "1 counted, old root right" in text
    assert "19 -> 18     1 new root right" in text


def test_roots_domain_widens_the_shipped_correction(monkeypatch) -> None:
    monkeypatch.setattr(roots_model, "shipped_model", roots_model.shipped_model)  # restored after the test
    ce = _load("cached_eval")
    if roots_model.shipped_model() is None:
        return
    ce.widen_roots_domain("_warning_threat, _act_code")
    assert roots_model.shipped_model().code_rules == roots_model.LEXICON_CODE_RULES | {"_warning_threat", "_act_code"}
    ce.widen_roots_domain("all")
    assert roots_model.shipped_model().code_rules is None
