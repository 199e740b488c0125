"""Draw same-story mention pairs across articles from a dateline database, for judging fusion's recall by hand.

    .venv/bin/python tools/story_pairs.py DB --stories build/f47/stories.json --half heldout \
        --pairs 60,50,50 --seed 47 [--show] [--judged FILE]

The population is every pair of counted mentions (the rows fusion reads: ``store.fusion_rows_sql``) in two
different articles of one story (``tools/story_clusters.py``'s ``stories.json``) that share the CAMEO root
family or the dyad (both sides' countries, in either order): drawn whatever fusion did with them, so the
share of the same-act pairs that fusion fused is a recall. Same acts are rare among such pairs and gather
where the two sentences share words, so the draw is stratified by the share of the smaller sentence's
content words found in the other (fusion's stems of the whole sentences, sides and trigger included):
``high`` (at least 0.5), ``mid`` (0.25-0.5), ``low`` (below 0.25); ``--pairs`` gives each stratum's draw.
Prints one JSON line per drawn pair, references
only (the input's article id, trigger offsets, code, date) and whether the two are in one fused event now (``fused``),
so the output can be kept as a labels file (add ``"label": "same act"`` / ``"different acts"`` by hand).
``--show`` prints the two sentences to stderr for reading.

``--judged FILE`` instead reads a judged file and reports (leaving out, and counting, the pairs with an article the
database does not hold: a story set rebuilt without the blind rounds' articles, ``story_clusters.py --halves``), for the database's current fusion, how many
same-act pairs are fused (with a Wilson 95% interval) and how many different-act pairs are, in each
stratum and in all (a judged mention is found by its trigger span and its code as judged, else by the span alone,
since the coder may have re-coded it); and the recall over the whole population, each stratum weighted by its size (its
interval from the strata's Wilson bounds: the fused same-act pairs at their lower bound and the unfused
ones at their upper bound, and the reverse).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

import duckdb

from dateline.fusion import _stems
from dateline.store import fusion_rows_sql

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corroboration import wilson  # noqa: E402  (the Wilson interval, one copy among the tools)

STRATA = (("high", 0.5), ("mid", 0.25), ("low", 0.0))

_ROWS = f"""SELECT e.id, coalesce(a2.input_id, e.article_id), ev.start_char, ev.end_char, e.cameo, e.source_code, e.target_code,
                  e.source_country, e.target_country, e.date_value, m.fused_id, m.block, e.sentence_text,
                  e.source_text, e.target_text, e.trigger, e.date_source, e.confidence
           FROM ({fusion_rows_sql()}) e JOIN events ev ON ev.id = e.id JOIN articles a2 ON a2.id = e.article_id
           LEFT JOIN fused_event_mentions m ON m.event_id = e.id"""


def _ref(row: tuple) -> list:
    return [row[1], row[2], row[3], row[4], row[9]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db")
    parser.add_argument("--stories", default="build/f47/stories.json")
    parser.add_argument("--half", default="heldout")
    parser.add_argument("--pairs", default="60,50,50", help="pairs drawn from the high, mid and low strata")
    parser.add_argument("--seed", type=int, default=47)
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--judged")
    args = parser.parse_args()
    con = duckdb.connect(args.db, read_only=True)
    rows = con.execute(_ROWS).fetchall()
    if args.judged:
        report(rows, args.judged)
        return
    story_of: dict[str, int] = {}
    for s in json.load(open(args.stories, encoding="utf-8")):
        if s["half"] == args.half:
            for a in s["articles"]:
                story_of[a] = s["story"]
    by_story: dict[int, list[tuple]] = {}
    for r in rows:
        if r[1] in story_of:
            by_story.setdefault(story_of[r[1]], []).append(r)
    population = _population(by_story)
    rng = random.Random(args.seed)
    sizes = dict(zip((name for name, _ in STRATA), (int(x) for x in args.pairs.split(","))))
    n = 0
    for name, _ in STRATA:
        members = [p for p in population if p[0] == name]
        for story, a, b in [p[1:] for p in rng.sample(members, min(sizes.get(name, 0), len(members)))]:
            fused = bool(a[10] and a[10] == b[10])
            print(json.dumps({"kind": "story pair", "stratum": name, "stratum_size": len(members), "story": story,
                              "mentions": [_ref(a), _ref(b)], "fused": fused, "label": None}))
            if args.show:
                print(f"\n== {n} {name} story {story} fused={fused}", file=sys.stderr)
                for m in (a, b):
                    print(f"  [{m[4]} {m[13]!r}:{m[5]} -> {m[14]!r}:{m[6]} trig={m[15]!r} {m[9]} ({m[16]}) "
                          f"c={m[17]} {m[11]}]\n     {m[12]}", file=sys.stderr)
            n += 1
    for name, _ in STRATA:
        members = [p for p in population if p[0] == name]
        print(f"{name}: {len(members)} same-story cross-article pairs sharing a root family or a dyad, "
              f"{sum(1 for p in members if p[2][10] and p[2][10] == p[3][10])} fused", file=sys.stderr)


def _population(by_story: dict[int, list[tuple]]) -> list[tuple]:
    stems: dict[str, frozenset[str]] = {}
    out = []
    for story, members in sorted(by_story.items()):
        members.sort(key=lambda r: r[0])
        for x, a in enumerate(members):
            for b in members[x + 1:]:
                if a[1] == b[1]:
                    continue
                root = str(a[4])[:2] == str(b[4])[:2]
                da, db = {a[7], a[8]}, {b[7], b[8]}
                if not (root or (None not in da and da == db)):
                    continue
                sa = stems.setdefault(a[0], _stems(a[12]))
                sb = stems.setdefault(b[0], _stems(b[12]))
                share = len(sa & sb) / max(1, min(len(sa), len(sb)))
                name = next(n for n, low in STRATA if share >= low)
                out.append((name, story, a, b))
    return out


def report(rows: list[tuple], judged: str) -> None:
    """Same-act pairs fused, by stratum and over the population (see the module's docstring)."""
    # a judged mention is a trigger span of an article: found by its code as judged, else (the coder has re-coded
    # the span since: "036" now "042") by the span alone; a pair is fused when any event found for one shares a
    # fused event with any found for the other
    by_code: dict[tuple, set[str]] = {}
    by_span: dict[tuple, set[str]] = {}
    for r in rows:
        if r[10]:
            by_code.setdefault((r[1], r[2], r[3], r[4]), set()).add(r[10])
            by_span.setdefault((r[1], r[2], r[3]), set()).add(r[10])

    def fused_of(ref: list) -> set[str]:
        return by_code.get(tuple(ref[:4])) or by_span.get(tuple(ref[:3])) or set()

    articles = {r[1] for r in rows}
    strata: dict[str, dict[str, Any]] = {}
    absent = 0
    for line in open(judged, encoding="utf-8"):
        item = json.loads(line)
        if item.get("label") not in ("same act", "different acts"):
            continue
        if any(m[0] not in articles for m in item["mentions"]):
            absent += 1  # an article the database does not hold (left out of the story set since): not judged here
            continue
        a, b = (fused_of(m) for m in item["mentions"])
        fused = bool(a & b)
        s = strata.setdefault(item.get("stratum", "all"), {"size": item.get("stratum_size", 0), "n": 0,
                                                           "same": 0, "same_fused": 0, "diff_fused": 0})
        s["n"] += 1
        if item["label"] == "same act":
            s["same"] += 1
            s["same_fused"] += fused
        else:
            s["diff_fused"] += fused
    if absent:
        print(f"{absent} judged pairs left out: an article of theirs is not in the database")
    total = {k: sum(s[k] for s in strata.values()) for k in ("n", "same", "same_fused", "diff_fused")}
    for name, s in [*strata.items(), ("all judged", total)]:
        lo, hi = wilson(s["same_fused"], s["same"])
        print(f"{name}: {s['n']} pairs judged, {s['same']} same act, of which fused {s['same_fused']} "
              f"({s['same_fused'] / max(s['same'], 1):.2f}, Wilson 95% {lo:.2f}-{hi:.2f}); "
              f"different acts fused: {s['diff_fused']} / {s['n'] - s['same']}")
    est = {"fused": 0.0, "unfused": 0.0, "fused_lo": 0.0, "fused_hi": 0.0, "unfused_lo": 0.0, "unfused_hi": 0.0}
    for s in strata.values():
        f, u = s["same_fused"], s["same"] - s["same_fused"]
        est["fused"] += s["size"] * f / s["n"]
        est["unfused"] += s["size"] * u / s["n"]
        (flo, fhi), (ulo, uhi) = wilson(f, s["n"]), wilson(u, s["n"])
        est["fused_lo"] += s["size"] * flo
        est["fused_hi"] += s["size"] * fhi
        est["unfused_lo"] += s["size"] * ulo
        est["unfused_hi"] += s["size"] * uhi
    if est["fused"] + est["unfused"]:
        recall = est["fused"] / (est["fused"] + est["unfused"])
        lo = est["fused_lo"] / max(est["fused_lo"] + est["unfused_hi"], 1e-9)
        hi = est["fused_hi"] / max(est["fused_hi"] + est["unfused_lo"], 1e-9)
        print(f"population (strata weighted by size): about {est['fused']:.0f} same-act pairs fused, "
              f"{est['unfused']:.0f} not: recall {recall:.2f} ({lo:.2f}-{hi:.2f})")

if __name__ == "__main__":
    main()
