"""tools/lexicon_audit.py counts each lexicon entry's events, applies the session 46 audit rule and compares two
judged files, on the read half only (made-up judged records, no corpus text)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from dateline.newseval import article_half

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import lexicon_audit  # noqa: E402


def _ids(half: str, n: int) -> list[str]:
    return [i for i in (f"made-up-{k}" for k in range(200)) if article_half(i) == half][:n]


def _event(article: str, span: int, trigger: str, cameo: str, *, right: bool = False, act: bool | None = True,
           root: str | None = None, rule: str = "_verb_entry") -> dict[str, Any]:
    label = None if act is None else {"act": act, "modality": "asserted" if act else None,
                                      "root": (root or cameo[:2]) if act else None, "src": "KEN", "tgt": "UGA"}
    return {"counted": True, "id": article, "sentence": 0, "span": [span, span + 4], "cameo": cameo,
            "rules": {"trigger": trigger, "code": rule}, "judged": label is not None, "right": right, "label": label,
            "src_text": "Kenya", "tgt_text": "Uganda"}


def _write(path: Path, events: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    return path


def test_rows_count_right_non_acts_and_wrong_roots(tmp_path: Path) -> None:
    a, = _ids("read", 1)
    events = [_event(a, 0, "verbs.tsv:meet", "040", right=True),
              _event(a, 10, "verbs.tsv:meet", "040", act=False),
              _event(a, 20, "verbs.tsv:meet", "040", root="03"),
              _event(a, 30, "verbs.tsv:meet", "040", act=None)]
    row, = lexicon_audit.audit(_write(tmp_path / "j.jsonl", events))
    assert (row["trigger"], row["bare_code"], row["counted"], row["right"], row["no_act"], row["unjudged"]) == \
        ("verbs.tsv:meet", "040", 4, 1, 1, 1)
    assert (row["real"], row["root_wrong"], row["label_roots"]["03"], row["own"]) == (2, 1, 1, 4)


def test_rule_nulls_an_entry_with_no_right_events_and_reroots_one_labelled_another_root(tmp_path: Path) -> None:
    a, = _ids("read", 1)
    wrong = [_event(a, k, "verbs.tsv:meet", "040", act=False) for k in range(8)]
    rerooted = [_event(a, 100 + k, "verbs.tsv:meet", "040", root="03") for k in range(6)]
    rows = lexicon_audit.audit(_write(tmp_path / "j.jsonl", wrong))
    null, = lexicon_audit.proposals(rows, 8, 0.25, 8, 0.6)
    assert (null["change"], null["to"]) == ("null", "---")
    rows = lexicon_audit.audit(_write(tmp_path / "k.jsonl", rerooted))
    assert lexicon_audit.proposals(rows, 8, 0.25, 8, 0.6) == []  # 6 real acts: fewer than M
    reroot, = lexicon_audit.proposals(rows, 8, 0.25, 6, 0.6)
    assert (reroot["change"], reroot["to"]) == ("re-root", "030")
    # six real acts, none right: by the share of right events (setting D) it is nulled instead
    assert lexicon_audit.proposals(rows, 6, 0.1, 8, 0.6, "right")[0]["change"] == "null"


def test_diff_counts_removed_added_and_changed_verdicts(tmp_path: Path) -> None:
    a, = _ids("read", 1)
    base = [_event(a, 0, "verbs.tsv:meet", "040", right=True), _event(a, 10, "verbs.tsv:meet", "040"),
            _event(a, 20, "verbs.tsv:meet", "040")]
    new = [_event(a, 10, "verbs.tsv:meet", "040", right=True), _event(a, 20, "verbs.tsv:meet", "040"),
           _event(a, 30, "nouns.tsv:meeting", "040")]
    rows = {r["trigger"]: r for r in lexicon_audit.diff(_write(tmp_path / "b.jsonl", base),
                                                         _write(tmp_path / "n.jsonl", new))}
    meet, meeting = rows["verbs.tsv:meet"], rows["nouns.tsv:meeting"]
    assert (meet["removed"], meet["removed_right"], meet["gained_right"], meet["net_right"]) == (1, 1, 1, 0)
    assert (meeting["added"], meeting["net_counted"]) == (1, 1)


def test_an_event_of_the_unread_half_is_refused(tmp_path: Path) -> None:
    b, = _ids("unread", 1)
    with pytest.raises(SystemExit):
        lexicon_audit.audit(_write(tmp_path / "j.jsonl", [_event(b, 0, "verbs.tsv:meet", "040")]))
