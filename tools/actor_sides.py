"""Full actor codes on real news: draw sides of counted events for judging, and score a coder against the judgements.

Every news number checks a side's country only; users count by full codes (``USAGOV`` vs ``USAMIL``
vs ``USAOPP``). This tool measures the rest of the code on the ``read`` half of train (session 47,
eval/sessions/47.md, codebook there). Two commands:

``sample`` draws, with a fixed seed, counted events that the labels say are real asserted acts with
the source's or the target's country right, from a ``--judged`` file of ``tools/cached_eval.py``
(``--split train --half read --judged F --all-events --events E``), and prints each side (source,
target) with its sentence, for judging by hand; articles are split by the seed into a development
and a held-out half. Sides where neither the coder nor the label names an actor are left out.
The printed text is for reading only; the judgements are stored as references (article id, trigger
offsets, side, judged code), never text::

    nice .venv/bin/python tools/actor_sides.py sample build/judged_read.jsonl build/events_read.jsonl > build/sides.txt

``score`` matches stored judgements (JSON Lines: ``id``, ``span``, ``side``, ``gold``; ``gold`` is
the country or prefix plus at most one agent code, ``USAGOV``, ``IGOUNO``, ``PSEREB``, ``NONE`` for no
actor) to the events of an ``--events`` file by article id and trigger offsets, and prints the
exact accuracy (the coder's code cut to its first two parts, six letters), the sector accuracy
among sides whose country is right, and both by the rule that chose the side and the strategy that
gave it its country::

    nice .venv/bin/python tools/actor_sides.py score eval/actors/sides47_dev.jsonl build/events_read.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from dateline.newseval import article_half

SEED = 47
ARTICLES = 120
SIDES = ("source", "target")


def _rows(path: str) -> Iterable[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def cut(code: str | None) -> str:
    """A code cut to its country (or transnational prefix) and at most one agent code: ``USAGOVMIL`` -> ``USAGOV``."""
    return "NONE" if not code else code[:6]


def eligible(row: dict[str, Any]) -> bool:
    """A counted event its label calls a real asserted act, with the source's or the target's country right."""
    label = row.get("label") or {}
    if not (row.get("counted") and row.get("judged") and label.get("act") and label.get("modality") == "asserted"):
        return False
    return ((label.get("src") or None) == row.get("src_level") and row.get("src_level") is not None) or \
        ((label.get("tgt") or None) == row.get("tgt_level") and row.get("tgt_level") is not None)


def draw(judged: str, seed: int = SEED, articles: int = ARTICLES) -> list[tuple[str, dict[str, Any]]]:
    """(half, judged row) of the drawn events: a seeded choice of articles, one or two events each."""
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in _rows(judged):
        if article_half(row["id"]) == "read" and eligible(row):
            by_article[row["id"]].append(row)
    ids = sorted(by_article)
    rng = random.Random(seed)
    rng.shuffle(ids)
    taken = ids[:articles]
    halves = {a: ("dev" if i % 2 == 0 else "heldout") for i, a in enumerate(taken)}
    out = []
    for a in taken:
        local = random.Random(f"{seed}:{a}")
        rows = sorted(by_article[a], key=lambda r: r["span"][0])
        k = min(len(rows), local.choice((1, 1, 2)))
        for row in sorted(local.sample(rows, k), key=lambda r: r["span"][0]):
            out.append((halves[a], row))
    return out


def _events(path: str) -> dict[tuple[str, int, int], tuple[dict[str, Any], dict[str, Any]]]:
    found = {}
    for record in _rows(path):
        for event in record["events"]:
            found[(record["id"], event["span"][0], event["span"][1])] = (event, record)
    return found


def _how(record: dict[str, Any], side: dict[str, Any] | None) -> str:
    """The kinds of evidence of the actor a side names (kb, title, rule ...), '-' when none."""
    if not side or not side.get("code"):
        return "-"
    for actor in record.get("actors", []):
        if actor.get("code") == side.get("code") and any(m["text"] == side.get("text") for m in actor.get("mentions", [])):
            return "+".join(sorted({e["kind"] for e in actor.get("evidence", [])})) or "-"
    return "?"


def sample(args: argparse.Namespace) -> int:
    events = _events(args.events)
    n = 0
    for half, row in draw(args.judged, args.seed, args.articles):
        event, record = events[(row["id"], row["span"][0], row["span"][1])]
        body = record["article"]["body"]
        sents = record["sentences"]
        s = sents[event["sentence"]]
        prev = sents[event["sentence"] - 1] if event["sentence"] > 0 else None
        a, b = event["span"]
        text = body[s["start"]:a] + "[[" + body[a:b] + "]]" + body[b:s["end"]]
        print(f"== {half} {row['id']} {a}-{b} cameo {event['cameo']} label {row['label']['src']}->{row['label']['tgt']}")
        if prev is not None:
            print("   prev: " + " ".join(body[prev["start"]:prev["end"]].split())[:400])
        print("   sent: " + " ".join(text.split()))
        for side in SIDES:
            value = event.get(side)
            rules = event["evidence"]["rules"]
            if not value and not row["label"]["src" if side == "source" else "tgt"]:
                continue
            n += 1
            print(f"   {side}: {None if not value else value.get('code')!s:<12} {(value or {}).get('text')!r} "
                  f"[{rules.get(side)}; {rules.get(side + '_country', '')}; {_how(record, value)}]")
    print(f"{n} sides", file=sys.stderr)
    return 0


def score(args: argparse.Namespace) -> int:
    events = _events(args.events)
    total = right = same_country = sector_right = missing = 0
    by: dict[str, Counter[str]] = defaultdict(Counter)
    misses: list[str] = []
    for ref in _rows(args.judgements):
        total += 1
        hit = events.get((ref["id"], ref["span"][0], ref["span"][1]))
        if hit is None:
            missing += 1
            code = None
            keys = ["(event gone)"]
        else:
            event, record = hit
            value = event.get(ref["side"]) or {}
            code = value.get("code")
            rules = event["evidence"]["rules"]
            keys = [f"side {ref['side']}:{rules.get(ref['side'])}",
                    f"country {rules.get(ref['side'] + '_country') or '(actor)'}",
                    f"actor {_how(record, value)}"]
        got, gold = cut(code), ref["gold"]
        ok = got == gold
        right += ok
        country_ok = got[:3] == gold[:3] and gold != "NONE"
        same_country += country_ok
        sector_right += country_ok and ok
        for key in keys:
            by[key]["n"] += 1
            by[key]["right"] += ok
        if not ok and args.misses:
            misses.append(f"{ref['id']} {ref['span'][0]}-{ref['span'][1]} {ref['side']}: gold {gold} got {got} "
                          f"[{'; '.join(keys)}]")
    print(f"sides judged {total} (events no longer coded: {missing})")
    print(f"full code right (country + one agent code): {right}/{total} = {right / max(total, 1):.3f}")
    print(f"sector right given the country right: {sector_right}/{same_country} = {sector_right / max(same_country, 1):.3f}")
    for key in sorted(by):
        c = by[key]
        print(f"  {key:<48} {c['right']:>4}/{c['n']:<4} {c['right'] / c['n']:.2f}")
    for line in misses:
        print("  miss", line)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample", help="print the drawn sides with their sentences, for judging")
    s.add_argument("judged", help="cached_eval.py --judged file (--all-events) of the read half")
    s.add_argument("events", help="cached_eval.py --events file of the same run")
    s.add_argument("--seed", type=int, default=SEED)
    s.add_argument("--articles", type=int, default=ARTICLES)
    c = sub.add_parser("score", help="score an --events file against stored judgements")
    c.add_argument("judgements")
    c.add_argument("events")
    c.add_argument("--misses", action="store_true", help="list the sides coded wrong (references only)")
    args = parser.parse_args(argv)
    return sample(args) if args.command == "sample" else score(args)


if __name__ == "__main__":
    raise SystemExit(main())
