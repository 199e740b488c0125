"""The wrong CAMEO roots of counted real acts on train's `read` half, by the rule that coded them (issue 11; development only).

Reads a ``tools/cached_eval.py --judged`` file (``--all-events`` or not) and keeps only the counted, judged events of
the ``read`` half of train (``newseval.article_half``; an event of the ``unread`` half is never printed: rows of that
half are skipped) whose label is a real act with an asserted root (``newseval.coded_root``). It prints

1. the root accuracy by the rule that set the code (``evidence.rules.code``: the lexicon's ``_verb_entry`` /
   ``_noun_entry``, a sense, a clause pattern, a content rule of ``events.codes.root_rule`` ...) and whether the
   learned root correction replaced that rule's root (``evidence.rules.root == "learned"``);
2. the confusion table, coded root -> labelled root, with each cell's code rules and trigger words;
3. with ``--off`` (a judged file of the same coder run with ``cached_eval.py --roots-off``): the learned
   correction's moves, event by event, against the lexicon root it replaced (new root right, old root right, both
   wrong, no act), by pair of roots. The correction is fitted on all of train, so on train this is in-sample: its
   value out of sample is the dev totals with and without it.

    nice .venv/bin/python tools/cached_eval.py --split train --half read --judged build/j_read.jsonl --all-events
    nice .venv/bin/python tools/cached_eval.py --split train --half read --judged build/off_read.jsonl --all-events --roots-off
    nice .venv/bin/python tools/root_confusion.py build/j_read.jsonl [--off build/off_read.jsonl] [--cells 40]
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from collections.abc import Iterator
from typing import Any

from dateline.newseval import article_half, coded_root


def read_half(path: str) -> Iterator[dict[str, Any]]:
    """The judged events of the file that belong to the ``read`` half (every other row is skipped unread)."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if article_half(row["id"]) == "read":
                yield row


def label_root(row: dict[str, Any]) -> str | None:
    """The root the label asks of a counted event on its trigger (None: no real act with an asserted root)."""
    label = row.get("label") if row.get("judged") else None
    return coded_root(label) if label and label.get("act") else None


def rule_of(row: dict[str, Any]) -> str:
    """The code rule, marked ``+learned`` where the learned correction replaced its root."""
    rules = row.get("rules") or {}
    return str(rules.get("code")) + ("+learned" if rules.get("root") == "learned" else "")


def tables(rows: list[dict[str, Any]], cells: int) -> list[str]:
    real = [(r, root) for r in rows if r.get("counted") and (root := label_root(r)) is not None]
    wrong = [(r, root) for r, root in real if str(r["cameo"])[:2] != root]
    out = [f"counted real acts (read half): {len(real)}, root wrong {len(wrong)}", "",
           "by code rule: counted real / root wrong / root right share"]
    by_rule = collections.Counter(rule_of(r) for r, _ in real)
    wrong_rule = collections.Counter(rule_of(r) for r, _ in wrong)
    for rule, n in by_rule.most_common():
        if n >= 5 or wrong_rule[rule] >= 3:
            out.append(f"  {rule:32s} {n:6d} {wrong_rule[rule]:6d}  {1 - wrong_rule[rule] / n:.3f}")
    out += ["", "coded -> labelled root: n, code rules, trigger words"]
    cell = collections.Counter((str(r["cameo"])[:2], root) for r, root in wrong)
    rules: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    words: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for r, root in wrong:
        key = (str(r["cameo"])[:2], root)
        rules[key][rule_of(r)] += 1
        words[key][str(r.get("trigger", "")).lower()] += 1
    for (coded, labelled), n in cell.most_common(cells):
        key = (coded, labelled)
        out.append(f"  {coded} -> {labelled} {n:5d}  " + ", ".join(f"{k} {v}" for k, v in rules[key].most_common(4))
                   + " | " + ", ".join(f"{k} {v}" for k, v in words[key].most_common(6)))
    return out


def learned_moves(rows: list[dict[str, Any]], off_rows: list[dict[str, Any]]) -> list[str]:
    """The learned correction's moves against the root the same event had with the correction off."""
    def key(r: dict[str, Any]) -> tuple[Any, ...]:
        return (r["id"], r["sentence"], tuple(r["span"]), r.get("src"), r.get("tgt"), (r.get("rules") or {}).get("code"))
    off = {key(r): r for r in off_rows}
    verdicts: collections.Counter[tuple[str, str]] = collections.Counter()
    pairs: collections.Counter[tuple[str, str, str]] = collections.Counter()
    for r in rows:
        if (r.get("rules") or {}).get("root") != "learned":
            continue
        before = off.get(key(r))
        if before is None:
            verdicts[("counted" if r.get("counted") else "not counted", "no match")] += 1
            continue
        root, old, new = label_root(r), str(before["cameo"])[:2], str(r["cameo"])[:2]
        verdict = ("no act or unjudged" if root is None else "new root right" if new == root
                   else "old root right" if old == root else "both wrong")
        verdicts[("counted" if r.get("counted") else "not counted", verdict)] += 1
        if r.get("counted"):
            pairs[(old, new, verdict)] += 1
    out = ["", "learned correction's moves (in-sample on train): counted?, verdict"]
    out += [f"  {n:5d} {state}, {verdict}" for (state, verdict), n in sorted(verdicts.items())]
    out += ["", "by move (counted): lexicon root -> learned root, verdict"]
    out += [f"  {old} -> {new} {n:5d} {verdict}" for (old, new, verdict), n in pairs.most_common(25)]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("judged", help="a cached_eval.py --judged file")
    parser.add_argument("--off", help="the same coder's --judged file with --roots-off")
    parser.add_argument("--cells", type=int, default=40, help="how many cells of the confusion table")
    args = parser.parse_args(argv)
    rows = list(read_half(args.judged))
    lines = tables(rows, args.cells)
    if args.off:
        lines += learned_moves(rows, list(read_half(args.off)))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
