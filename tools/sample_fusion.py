"""Draw fused events and near-miss pairs from a dateline database, for judging fusion by hand.

    .venv/bin/python tools/sample_fusion.py DB --groups 100 --pairs 100 --seed 13 [--show]

Prints one JSON line per item: references only (article id, trigger offsets), never the article text,
so the output can be kept as a labels file (add "label": "one act" / "not one act" / "same act" /
"different acts" by hand, and for groups "same_referent": whether all mentions point at one act even
when the coder got one of them wrong; see eval/experiments.md, "Event fusion on real news: the judged rounds", for the rule).
--show also prints each mention's sentence to the terminal for reading.

- groups: fused events of two or more mentions (were they one real act?)
- pairs: two mentions in different fused events with the same CAMEO root and dyad (both sides'
  country or code) whose dates are within 3 days (should they have been fused?)
"""

from __future__ import annotations

import argparse
import json
import random
import sys

import duckdb

_MENTION = """SELECT e.id, e.article_id, e.start_char, e.end_char, e.cameo, e.source_code, e.target_code,
                     e.date_value, m.fused_id, m.block, s.text
              FROM fused_event_mentions m JOIN events e ON e.id = m.event_id
              LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db")
    parser.add_argument("--groups", type=int, default=100)
    parser.add_argument("--pairs", type=int, default=100)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--show", action="store_true", help="print the sentences to stderr for reading")
    args = parser.parse_args()
    con = duckdb.connect(args.db, read_only=True)
    rng = random.Random(args.seed)
    rows = con.execute(_MENTION).fetchall()
    by_fused: dict[str, list[tuple]] = {}
    for row in rows:
        by_fused.setdefault(row[8], []).append(row)
    multi = sorted(fid for fid, members in by_fused.items() if len(members) > 1)
    for fid in rng.sample(multi, min(args.groups, len(multi))):
        members = sorted(by_fused[fid])
        print(json.dumps({"kind": "group", "fused_id": fid, "block": members[0][9],
                          "mentions": [[m[1], m[2], m[3], m[4], m[7]] for m in members], "label": None}))
        if args.show:
            print(f"\n== group {fid} {members[0][9]}", file=sys.stderr)
            for m in members:
                print(f"  [{m[4]} {m[5]}->{m[6]} {m[7]}] {m[10]}", file=sys.stderr)
    pairs = con.execute("""
        WITH x AS (""" + _MENTION + """), d AS (
            SELECT *, coalesce(try_cast(left(date_value, 10) AS DATE), NULL) AS day FROM x)
        SELECT a.id, b.id FROM d a JOIN d b ON a.block = b.block AND a.id < b.id AND a.fused_id <> b.fused_id
        WHERE a.day IS NOT NULL AND b.day IS NOT NULL AND abs(a.day - b.day) <= 3
          AND a.article_id <> b.article_id AND a.block NOT LIKE '%@%'
        ORDER BY a.id, b.id""").fetchall()
    index = {row[0]: row for row in rows}
    for a, b in rng.sample(pairs, min(args.pairs, len(pairs))):
        ma, mb = index[a], index[b]
        print(json.dumps({"kind": "pair", "block": ma[9], "mentions": [[m[1], m[2], m[3], m[4], m[7]] for m in (ma, mb)],
                          "label": None}))
        if args.show:
            print(f"\n== pair {ma[9]}", file=sys.stderr)
            for m in (ma, mb):
                print(f"  [{m[4]} {m[5]}->{m[6]} {m[7]}] {m[10]}", file=sys.stderr)
    print(f"{len(multi)} fused events of 2+ mentions, {len(pairs)} unfused same-block pairs within 3 days",
          file=sys.stderr)


if __name__ == "__main__":
    main()
