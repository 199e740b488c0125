"""Session 41 (nonacts41): what un-counting a class of counted events would do to the strict scores, without coding.

Reads the coded records of a ``tools/cached_eval.py --events`` run and scores them as :func:`dateline.newseval.score`
does (strict precision: the unjudged counted events of recall articles are wrong; recall: a listed act found by a
counted event at its trigger with its root), once as they are and once with the events of each class un-counted, so
a rule gate can be measured before it is written. Each class is a Python expression over ``ev`` (the event record),
``rules`` (its ``evidence.rules``), ``src``/``tgt`` (its sides, ``{}`` when none), ``text`` (its sentence) and
``lemma`` (its trigger's lexicon lemma, ``verbs.tsv:say`` -> ``say``). Exact for a gate (the simulated totals of
session 41's gates matched the coded runs to the event); a change to the lexicon, which drops events before the other
stages run, is approximate (a statement frame may come back: eval/sessions/41.md, "nonacts41"). The blind
rounds are left out as in ``cached_eval.py``; ``--check`` also re-scores with ``newseval.score`` itself.
``--split dev`` (session 43) gives each class's totals only (counted, right, recall, strict F1: no verdicts, and
``--show`` is refused, as on the ``unread`` half), from a ``cached_eval.py --split dev --events`` file, so a candidate's dev cost is known before
it is built (the news dev floors allow no listed act lost).

    nice .venv/bin/python tools/cached_eval.py --split train --events build/events.jsonl
    nice .venv/bin/python tools/uncount_sim.py build/events.jsonl --class 'private=ev["cameo"] == "010" and src.get("sector") == "BUS"' [--check] [--show 10]
    nice .venv/bin/python tools/cached_eval.py --split dev --events build/dev_events.jsonl
    nice .venv/bin/python tools/uncount_sim.py build/dev_events.jsonl --split dev --class 'private=...'
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cached_eval import add_half_argument, excluded_rounds  # noqa: E402
from dateline.evaluate import f1_score  # noqa: E402
from dateline.newseval import (Judge, corpus_texts, counted, event_keys, finds, is_right, load_labels,  # noqa: E402
                               real_act, recall_acts, score)


def verdict(event: dict[str, Any], judged: dict[str, Any] | None, recall_article: bool) -> str:
    """right, realwrong (a real act with a root or side wrong), noact, the label's modality (a real act the text does
    not assert), unjudged (wrong under the strict precision) or free (unjudged on an article not listing every act)."""
    if judged is None:
        return "unjudged" if recall_article else "free"
    if not judged["act"]:
        return "noact"
    if not real_act(event, judged):
        return str(judged["modality"])
    return "right" if is_right(event, judged) else "realwrong"


def counted_rows(part: Any, texts: dict[str, Any], coded: dict[str, Any]) -> tuple[list[dict[str, Any]], list[set[int]]]:
    """Each counted event with its verdict, and for each listed act of a recall article the counted events that find
    it with its root (as :func:`dateline.newseval.score` counts recall)."""
    judge = Judge(part.labels, part.missed)
    rows: list[dict[str, Any]] = []
    found: dict[str, list[tuple[Any, str, int]]] = defaultdict(list)
    for article in part.articles:
        record = coded.get(article["id"])
        if record is None:
            continue
        body = record["article"]["body"]
        for index, (event, key) in enumerate(zip(record["events"], event_keys(record, texts[article["id"]]["text"]))):
            if not counted(event):
                continue
            sentence = record["sentences"][event["sentence"]]
            rows.append({"id": article["id"], "index": index, "event": event, "text": body[sentence["start"]:sentence["end"]],
                         "verdict": verdict(event, judge(event, key), article["id"] in part.recall_articles)})
            if key is not None:
                found[article["id"]].append((key, str(event["cameo"])[:2], len(rows) - 1))
    finders = [{n for key, root, n in found.get(act["id"], []) if finds(act, key) and root == act["root"]}
               for act in recall_acts(part, coded)]
    return rows, finders


def totals(rows: list[dict[str, Any]], finders: list[set[int]], dropped: frozenset[int] = frozenset()) -> dict[str, Any]:
    """Counted, right, the strict denominator, recall and strict F1 with the ``dropped`` rows un-counted."""
    kept = [r for n, r in enumerate(rows) if n not in dropped]
    right = sum(r["verdict"] == "right" for r in kept)
    judged = sum(r["verdict"] != "free" for r in kept)
    recall = sum(1 for f in finders if f - dropped)
    p, r = right / judged if judged else 0.0, recall / len(finders) if finders else 0.0
    return {"counted": len(kept), "right": right, "strict_judged": judged, "recall": recall, "acts": len(finders),
            "strict_precision": p, "recall_share": r, "strict_f1": f1_score(p, r)}


def names(event: dict[str, Any], text: str) -> dict[str, Any]:
    rules = ((event.get("evidence") or {}).get("rules") or {}) if isinstance(event.get("evidence"), dict) else {}
    trigger = str(rules.get("trigger") or "")
    return {"ev": event, "rules": rules, "src": event.get("source") or {}, "tgt": event.get("target") or {},
            "text": text, "lemma": trigger.partition(":")[2]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("events", help="the coded records of a cached_eval.py --events run")
    parser.add_argument("--class", dest="classes", action="append", default=[], metavar="NAME=EXPR")
    parser.add_argument("--labels", default="eval/news/labels.jsonl")
    parser.add_argument("--news", default="../shared/data/news")
    parser.add_argument("--split", default="train")
    parser.add_argument("--exclude-rounds", default=None, help="as cached_eval.py (default: the blind rounds)")
    add_half_argument(parser)
    parser.add_argument("--show", type=int, default=0, help="print this many events of each class, drawn at random")
    parser.add_argument("--check", action="store_true", help="also re-score with newseval.score (slower)")
    args = parser.parse_args(argv)
    if args.split not in ("train", "dev"):
        print("train or dev only (the test and fresh splits are locked)", file=sys.stderr)
        return 2
    totals_only = args.split == "dev"  # dev: totals only, no verdicts and no event shown
    if args.show and (totals_only or args.half == "unread"):
        print("--show reads events: train's read half or all of train only (unread half, dev: totals only)", file=sys.stderr)
        return 2
    labels = load_labels(args.labels).rounds(excluded_rounds(args.exclude_rounds, args.labels), keep=False).half(args.half)
    part = labels.split(args.split)
    wanted = {a["id"] for a in part.articles}
    coded = {}
    with open(args.events, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if str(record["id"]) in wanted:
                coded[str(record["id"])] = record
    texts = corpus_texts(part.articles, args.news)
    rows, finders = counted_rows(part, texts, coded)
    base = totals(rows, finders)
    print(f"base: counted {base['counted']}, right {base['right']}/{base['strict_judged']}, recall "
          f"{base['recall']}/{base['acts']}, strict F1 {base['strict_f1']:.5f}")
    union: set[int] = set()
    for spec in args.classes:
        name, _, expr = spec.partition("=")
        dropped = frozenset(n for n, r in enumerate(rows) if eval(expr, {}, names(r["event"], r["text"])))  # noqa: S307
        union |= dropped
        t = totals(rows, finders, dropped)
        tally = "" if totals_only else f" ({dict(Counter(rows[n]['verdict'] for n in dropped).most_common())})"
        print(f"{name}: un-counts {len(dropped)}{tally}; right {t['right']}, recall "
              f"{t['recall']} ({t['recall'] - base['recall']:+d}), strict F1 {t['strict_f1']:.5f} "
              f"({t['strict_f1'] - base['strict_f1']:+.5f})")
        for n in random.Random(1).sample(sorted(dropped), min(args.show, len(dropped))):
            event = rows[n]["event"]
            print(f"   [{rows[n]['verdict']}] {event['cameo']} {(event.get('source') or {}).get('code')} -> "
                  f"{(event.get('target') or {}).get('code')} {event['trigger']!r}: {rows[n]['text'][:160]!r}")
    if len(args.classes) > 1:
        t = totals(rows, finders, frozenset(union))
        print(f"all: un-counts {len(union)}; right {t['right']}, recall {t['recall']}, strict F1 {t['strict_f1']:.5f} "
              f"({t['strict_f1'] - base['strict_f1']:+.5f})")
    if args.check:
        changed = copy.deepcopy(coded)
        for n in union:
            changed[rows[n]["id"]]["events"][rows[n]["index"]]["counted"] = False
        s = score(labels, changed, texts, args.split)
        print(f"newseval.score: counted {s.counted}, right {s.counted_right}, recall {s.gold_found_root}/{s.gold_acts}, "
              f"strict F1 {s.strict_f1:.5f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
