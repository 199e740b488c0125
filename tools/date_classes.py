"""Wrong dates on train by rule and by what the label wanted, from ``cached_eval.py`` output (issue 11).

Reads a ``tools/cached_eval.py --judged F --all-events`` file and the ``--events E`` records of the same run
(the article's expressions and publication day) and tallies, over the counted real acts whose label gives a
date (``dateline eval``'s "date X/Y": the event's value starting with the label's), the wrong dates by
``evidence.rules.date`` and by the class of what the label wanted:

- ``publication day``: the label is the article's publication day;
- ``weekday wrong week``: a weekday resolved a whole number of weeks from the label's day;
- ``year/month named, not used (where)``: a background act dated by a year or month an expression of the
  article names (where the nearest such expression is: the act's own sentence, the previous one, 2-3 or 4+
  sentences before, only after it); ``... not named``: no expression names it;
- ``day of another clause (own/prev sentence)``: the label's day is named in the act's sentence or the one
  before, by an expression the coder tied to another clause;
- ``day before/past week, ...``: a day of the week before publication (the story's day), named earlier, only
  after the act, or nowhere;
- ``other day, ...``.

Acts labelled ``unknown`` (the text does not date them) are tallied apart by rule and by whether the coder gave
a value. ``--base J`` compares another ``--judged`` file of the same articles: for each pair of date rules, the
dates made right and made wrong (the rule's precision), and the ``unknown`` labels given a changed value.
``-v CLASS`` prints the wrong dates whose rule or class contains CLASS, with their sentence.

Train only: the dev split is read by its totals, never its errors. Seconds, not minutes (no parse).

    nice .venv/bin/python tools/cached_eval.py --split train --judged build/j.jsonl --all-events --events build/e.jsonl
    .venv/bin/python tools/date_classes.py build/j.jsonl build/e.jsonl [--base build/base_j.jsonl] [-v "published|publication day"]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline.newseval import real_act  # noqa: E402

_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


def _day(iso: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso or "")
    except ValueError:
        return None


def _where(label: str, row: dict[str, Any], record: dict[str, Any]) -> str:
    """Where an expression whose value is the label's lies, against the act's sentence."""
    named = [t for t in record["timexes"] if t.get("value") == label]
    if not named:
        return "nowhere"
    sentence = row["sentence"]
    if any(t["sentence"] == sentence for t in named):
        return "own sentence"
    before = [t["sentence"] for t in named if t["start"] <= row["span"][0]]
    if not before:
        return "only after"
    gap = sentence - max(before)
    return "prev sentence" if gap == 1 else "2-3 before" if gap <= 3 else "4+ before"


def label_class(row: dict[str, Any], record: dict[str, Any]) -> str:
    """What the label of a wrongly dated act wanted (the classes of the module's docstring)."""
    label = str(row["label"]["date"])
    date = row.get("date") or {}
    value, text = date.get("value") or "", date.get("text") or ""
    published = record["article"].get("published")
    where = _where(label, row, record)
    if len(label) == 10 and label == published:
        return "publication day"
    if len(label) == 10 and len(value) == 10 and _WEEKDAY.search(text):
        ours, theirs = _day(value), _day(label)
        if ours and theirs and (ours - theirs).days % 7 == 0:
            return "weekday wrong week"
    if len(label) < 10:
        unit = "year" if len(label) == 4 else "month"
        return f"{unit} named, not used ({where})" if where != "nowhere" else f"{unit} not named"
    if where in ("own sentence", "prev sentence"):
        return f"day of another clause ({where})"
    day, pub = _day(label), _day(published)
    if day and pub and 0 < (pub - day).days <= 7:
        return "day before/past week, " + ("named earlier" if where not in ("nowhere", "only after") else where)
    return f"other day, {where}"


def _scored(path: str) -> dict[tuple[str, tuple[int, int], str, int], dict[str, Any]]:
    """The counted real acts of a ``--judged`` file whose label gives a date (or ``unknown``), by key: the
    article, the trigger's span, the code and the event's rank among those (a trigger may hold two events)."""
    out = {}
    seen: Counter[tuple[str, tuple[int, int], str]] = Counter()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if not (row["counted"] and row["judged"] and row["label"]) or row["label"].get("date") in (None, ""):
                continue
            if real_act({"cameo": row["cameo"]}, row["label"]):
                key = (row["id"], tuple(row["span"]), str(row["cameo"]))
                out[(*key, seen[key])] = row
                seen[key] += 1
    return out


def _right(row: dict[str, Any]) -> bool:
    value = (row.get("date") or {}).get("value") or ""
    return bool(value) and value.startswith(str(row["label"]["date"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("judged", help="tools/cached_eval.py --judged F --all-events output")
    parser.add_argument("events", help="tools/cached_eval.py --events E output of the same run")
    parser.add_argument("--base", help="another --judged file: dates made right / wrong by rule change")
    parser.add_argument("-v", "--verbose", default="", help="print the wrong dates whose 'rule|class' contains this")
    args = parser.parse_args()

    records = {}
    with open(args.events, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            records[record["id"]] = record
    rows = _scored(args.judged)
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    total: Counter[str] = Counter()
    unknown: Counter[tuple[str, bool]] = Counter()
    shown = []
    for row in rows.values():
        rule = str(row["rules"].get("date") or "-")
        if row["label"]["date"] == "unknown":
            unknown[(rule, bool((row.get("date") or {}).get("value")))] += 1
            continue
        kind = "right" if _right(row) else label_class(row, records[row["id"]])
        by_rule[rule][kind] += 1
        total[kind] += 1
        if kind != "right" and args.verbose and args.verbose in f"{rule}|{kind}":
            shown.append((rule, kind, row))
    dated = sum(total.values())
    print(f"date right {total['right']}/{dated} = {total['right'] / max(dated, 1):.4f}\n\nwrong, by what the label wanted:")
    for kind, count in total.most_common():
        if kind != "right":
            print(f"  {count:5d}  {kind}")
    print("\nby rule (dated, right, wrong: the classes):")
    for rule, counts in sorted(by_rule.items(), key=lambda item: -sum(item[1].values())):
        n = sum(counts.values())
        classes = ", ".join(f"{k} {c}" for k, c in counts.most_common() if k != "right")
        print(f"  {rule}: {n}, {counts['right']}, {n - counts['right']}: {classes}")
    print("\nlabelled unknown (not scored), by rule and whether a value was given:")
    for (rule, valued), count in unknown.most_common():
        print(f"  {count:5d}  {rule} {'value' if valued else 'no value'}")
    if args.base:
        base = _scored(args.base)
        change: Counter[tuple[str, str, str]] = Counter()
        for key, row in rows.items():
            old = base.get(key)
            if old is None or (old.get("date") or {}).get("value") == (row.get("date") or {}).get("value"):
                continue
            if row["label"]["date"] == "unknown":
                kind = "unknown given a changed value"
            else:
                was, now = _right(old), _right(row)
                kind = "made right" if now and not was else "made wrong" if was and not now else "wrong to wrong" if not now else "right to right"
            change[(kind, str(old["rules"].get("date")), str(row["rules"].get("date")))] += 1
        print(f"\nagainst {args.base} (counted real acts whose date value changed):")
        for kind in ("made right", "made wrong", "wrong to wrong", "right to right", "unknown given a changed value"):
            print(f"  {kind}: {sum(c for (k, _, _), c in change.items() if k == kind)}")
        for (kind, old_rule, new_rule), count in change.most_common():
            print(f"  {count:5d}  {kind}: {old_rule} -> {new_rule}")
    for rule, kind, row in shown:
        record = records[row["id"]]
        bounds = record["sentences"][row["sentence"]]
        sentence = record["article"]["body"][bounds["start"]:bounds["end"]].strip().replace("\n", " ")
        date = row.get("date") or {}
        print(f"- {rule} | {kind} | label {row['label']['date']} value {date.get('value')} timex {date.get('text')!r} "
              f"published {record['article'].get('published')} [{row['trigger']}]\n    {sentence[:300]}")


if __name__ == "__main__":
    main()
