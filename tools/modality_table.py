"""Session 43 (modality43): the modality errors of a coder, read from a ``--judged --all-events`` file of
``tools/cached_eval.py`` (development only; the ``read`` half of train by default: rows of the other half are
dropped, never printed).

    nice .venv/bin/python tools/cached_eval.py --split train --half read --judged build/j.jsonl --all-events
    nice .venv/bin/python tools/modality_table.py build/j.jsonl [--base build/base_j.jsonl]

Tables: (1) counted events the labels call a real act the text does not assert (claimed, hypothetical, intended,
negated), by the label's modality and the coder's modality rule (``evidence.rules.modality``), and by its code
rule; (2) events the coder made but did not count because it read them as not asserted or negated, by modality,
rule and session-42/43 cue name (``modality_cue``), with how many would be right if counted (the label's verdict of
the event as coded); (3) with ``--base``, the events counted in one file and not the other, by verdict and cue."""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline.newseval import article_half  # noqa: E402


def load(path: str, half: str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [r for r in rows if article_half(r["id"]) == half]


def verdict(row: dict[str, Any]) -> str:
    """right, unjudged, no act, the label's modality of a real act not asserted, or wrong (a real asserted act with
    a root or side wrong)."""
    label = row.get("label") or {}
    if row.get("right"):
        return "right"
    if not row.get("judged"):
        return "unjudged"
    if not label.get("act"):
        return "no act"
    if label.get("modality") not in (None, "asserted"):
        return str(label["modality"])
    return "wrong"


def table(counter: collections.Counter[tuple[str, ...]], title: str, top: int) -> None:
    print(f"\n{title}")
    for key, n in counter.most_common(top):
        print(f"  {n:5d}  " + " | ".join(key))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("judged")
    parser.add_argument("--base", help="a second judged file (the coder before the change)")
    parser.add_argument("--half", default="read", choices=("read",), help="only the read half is ever tabulated")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args(argv)
    rows = load(args.judged, args.half)
    by_rule: collections.Counter[tuple[str, ...]] = collections.Counter()
    by_code: collections.Counter[tuple[str, ...]] = collections.Counter()
    made: collections.Counter[tuple[str, ...]] = collections.Counter()
    right: collections.Counter[tuple[str, ...]] = collections.Counter()
    for r in rows:
        rules = r.get("rules") or {}
        v = verdict(r)
        if r["counted"] and v in ("claimed", "hypothetical", "intended", "negated"):
            by_rule[(v, str(rules.get("modality")))] += 1
            by_code[(v, str(rules.get("code")))] += 1
        if not r["counted"] and (r["modality"] != "asserted" or r["negated"]):
            key = (r["modality"] + (" negated" if r["negated"] else ""), str(rules.get("modality")),
                   str(rules.get("modality_cue")))
            made[key] += 1
            right[key] += v == "right"
    table(by_rule, "counted, real act not asserted: label modality | modality rule", args.top)
    table(by_code, "counted, real act not asserted: label modality | code rule", args.top)
    print("\nnot counted as not asserted or negated: modality | rule | cue: made, right if counted")
    for key, n in made.most_common(args.top):
        print(f"  {n:5d} {right[key]:4d}  " + " | ".join(key))
    if args.base:
        before = {(r["id"], tuple(r["span"]), r["cameo"], str(r["src"]), str(r["tgt"])): r
                  for r in load(args.base, args.half)}
        after = {(r["id"], tuple(r["span"]), r["cameo"], str(r["src"]), str(r["tgt"])): r for r in rows}
        moved: collections.Counter[tuple[str, ...]] = collections.Counter()
        for key in before.keys() | after.keys():
            old, new = before.get(key), after.get(key)
            was, now = bool(old and old["counted"]), bool(new and new["counted"])
            if was != now:
                row = new or old
                assert row is not None
                moved[("added" if now else "removed", verdict(row), str((row.get("rules") or {}).get("modality_cue")))] += 1
        table(moved, "counted in one file only: added/removed | verdict | cue", args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
