"""Date errors on the train split, by the rule that dated the event (issue 11).

Re-codes the labelled train articles and, for each counted real act whose label gives a date (as
``dateline eval`` scores it: the event's value must start with the label's), tallies right and wrong
by ``evidence.rules.date`` and by what the label wanted against what was given: an earlier or a
later day, another year, a coarser value (a year, a month), a value where none was given. Acts
labelled ``unknown`` are tallied apart (not scored: what the coder gave them). ``-v`` prints each
wrong date with its sentence, trigger and the timex used.

Train only: the dev split is read by its totals, never its errors.

    .venv/bin/python tools/date_errors.py [-v] [--rule SUBSTRING] [--all] [--exclude-rounds 78,79,80,81,82,83,84,85,86,87,88,89,90,91]

(Faster, on the cached parse: ``tools/cached_eval.py --judged F --all-events`` rows carry the event's and the
label's date.)
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline.newseval import counted, load_labels, real_act  # noqa: E402

LABELS = ROOT / "eval/news/labels.jsonl"
NEWS = ROOT / "../shared/data/news"


def relation(value: str | None, label: str, published: str | None) -> str:
    """What the label wanted against the value given: ``right`` or a kind of error."""
    if value and value.startswith(label):
        return "right"
    if not value:
        return "no value"
    if len(label) < len(value) and value[:4] != label[:4]:
        return f"other year (label {len(label) == 4 and 'YYYY' or 'YYYY-MM'})"
    if len(label) < len(value):
        return "other month"
    if len(value) < len(label):
        return "coarser value" if label.startswith(value) else "coarser, other"
    if value[:4] != label[:4]:
        return "other year"
    side = "earlier" if label < value else "later"
    if len(label) == 10 and len(value) == 10:
        gap = abs((_day(label) - _day(value)).days)
        span = "1 day" if gap == 1 else "2-7 days" if gap <= 7 else "8+ days"
        return f"label {side} day ({span})" + (" [value=published]" if value == published else "")
    return f"label {side} month"


def _day(iso: str) -> Any:
    import datetime as dt
    return dt.date.fromisoformat(iso)


def _rule(event: dict[str, Any]) -> str:
    rules = (event.get("evidence") or {}).get("rules") or {}
    return str(rules.get("date") or "-")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print each wrong date with its sentence")
    parser.add_argument("--rule", default="", help="only events whose date rule contains this")
    parser.add_argument("--all", action="store_true", help="every judged real act, not only the counted ones")
    parser.add_argument("--exclude-rounds", default="",
                        help="comma-separated labelling rounds left out (a blind set kept for the integrator)")
    args = parser.parse_args()

    from dateline.train import judged_events

    labels = load_labels(LABELS)
    if args.exclude_rounds:
        labels = labels.rounds({int(r) for r in args.exclude_rounds.split(",")}, keep=False)
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    unknown: Counter[str] = Counter()
    wrong: list[tuple[str, str, str, str | None, str, str, str]] = []
    for j in judged_events(labels, "train", NEWS):
        event, judged = j.event, j.judged
        if not (args.all or counted(event)) or not real_act(event, judged):
            continue  # as dateline eval: not an act, or the text gives it another modality
        rule = _rule(event)
        if args.rule not in rule:
            continue
        date = event.get("date") or {}
        value = date.get("value")
        label = judged.get("date")
        if label in (None, ""):
            continue
        if label == "unknown":
            unknown[f"{rule}: {'value' if value else 'no value'}"] += 1
            continue
        published = j.doc._.published.isoformat() if j.doc._.published else None
        kind = relation(value, str(label), published)
        by_rule[rule][kind] += 1
        if kind != "right":
            span = event.get("span") or [0, 0]
            sentence = next((s for s in j.doc.sents if s.start_char <= span[0] < s.end_char), None)
            wrong.append((rule, kind, str(label), value, str(date.get("text")), published or "-",
                          f"[{j.doc.text[span[0]:span[1]]}] {sentence.text.strip() if sentence is not None else ''}"))

    total = Counter[str]()
    for counts in by_rule.values():
        total.update(counts)
    n = sum(total.values())
    print(f"date right: {total['right']}/{n} = {total['right'] / max(n, 1):.3f}")
    print("\nerrors by kind:")
    for kind, count in total.most_common():
        if kind != "right":
            print(f"  {count:4d}  {kind}")
    print("\nby rule (right/dated, then the errors):")
    for rule, counts in sorted(by_rule.items(), key=lambda item: -sum(item[1].values())):
        dated = sum(counts.values())
        errs = ", ".join(f"{k} {c}" for k, c in counts.most_common() if k != "right")
        print(f"  {counts['right']:4d}/{dated:<4d} {rule}: {errs}")
    print("\nlabelled unknown (not scored):")
    for key, count in sorted(unknown.items(), key=lambda item: -item[1]):
        print(f"  {count:4d}  {key}")
    if args.verbose:
        print("\nwrong dates:")
        for rule, kind, label, value, text, published, sentence in sorted(wrong):
            print(f"- {rule} | {kind} | label {label} value {value} timex {text!r} published {published}\n    {sentence[:300]}")


if __name__ == "__main__":
    main()
