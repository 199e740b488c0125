"""Does corroboration across outlets say a counted event is right? (session 47, corrob47; aggregates only).

Joins the counted events of a ``tools/cached_eval.py --judged`` file (each with its label's verdict) with their
fused event in a database ingested by ``dateline ingest`` from the same corpus with the same coder, by article
(``articles.input_id`` = the label's article id), trigger offsets (``events.start_char``/``end_char`` = the
event's ``span``) and CAMEO code, and prints, for the matched events:

- right / counted by the fused event's ``n_outlets`` (1, 2, 3+), ``n_articles`` and by what the other mentions
  are (none; the same article only; other articles of the same outlet; other outlets), with Wilson 95% intervals;
- the same by ``n_outlets`` inside bins of the event's own ``confidence`` (is corroboration informative beyond
  confidence?);
- average precision (scikit-learn) of ``confidence`` alone, of the fused event's ``confidence_mean`` and
  ``confidence_max``, and of a logistic regression of right on logit(confidence) and log(n_outlets) (log(1 +
  the other outlets)): ``--fit FILE`` fits it on these events and writes its coefficients, ``--model FILE`` scores
  a fit made elsewhere (the read half's, on the unread half, dev or the blind rounds); with a bootstrap over
  articles for the AP gain and the rate difference;
- the session-47 decision rule's two numbers: the rate of n_outlets >= 2 minus the rate of n_outlets = 1 (with
  whether the two Wilson intervals are apart), and the AP gain of the combination over confidence alone.

Right is the strict verdict of the scores (real asserted act, root and countries right); a counted event no label
judges counts as not right, as in ``right / counted``. Nothing but aggregates is printed, so it runs on the
``unread`` half, dev and the blind rounds (the integrator's ``--judged`` file, ``--rounds``).

    nice .venv/bin/dateline ingest build/allsides_nolocked.jsonl --db build/allsides.duckdb --workers 2
    nice .venv/bin/python tools/cached_eval.py --split train --half read --judged build/j_read.jsonl --all-events
    nice .venv/bin/python tools/corroboration.py build/allsides.duckdb build/j_read.jsonl --fit build/corrob_fit.json
    nice .venv/bin/python tools/corroboration.py build/allsides.duckdb build/j_unread.jsonl --model build/corrob_fit.json

The database must hold the judged articles' corpus (AllSides: the other outlets' articles of the same stories)
without the locked test and fresh articles; events of articles it does not hold (BBC, Reuters) are counted as
unmatched and left out of the tables.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import duckdb

ROOT = Path(__file__).resolve().parent.parent
Z = 1.959964  # the normal quantile of a 95% interval
CONFIDENCE_BINS = (0.0, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01)


def wilson(right: int, n: int) -> tuple[float, float]:
    """The Wilson score 95% interval of a proportion ``right / n``."""
    if n == 0:
        return (0.0, 1.0)
    p = right / n
    centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
    half = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / (1 + Z * Z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def features(row: dict[str, Any]) -> list[float]:
    """The combination's inputs: logit(confidence) and log(1 + the other outlets) = log(n_outlets)."""
    return [logit(row["confidence"]), math.log(row["n_outlets"])]


def combined(model: dict[str, Any], row: dict[str, Any]) -> float:
    z = model["intercept"] + sum(c * x for c, x in zip(model["coef"], features(row)))
    return 1 / (1 + math.exp(-z))


def load_judged(path: Path, rounds: set[int] | None, articles: Path) -> list[dict[str, Any]]:
    """The counted events of a --judged file (of the given labelling rounds, if any)."""
    round_of: dict[str, int] = {}
    if rounds:
        with articles.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    row = json.loads(line)
                    round_of[row["id"]] = int(row.get("round") or 1)
    out = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row.get("counted") and (not rounds or round_of.get(row["id"]) in rounds):
                out.append(row)
    return out


def db_events(db: Path, input_ids: list[str]) -> tuple[dict[tuple[Any, ...], list[dict[str, Any]]], set[str], list[str]]:
    """The DB's events of those articles by (input id, start, end, cameo), with their fused events (one trigger can
    make several events: a reciprocal act's pairs, an event noun's two readings); the input ids the DB holds; the
    coders of its events."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        held = {r[0] for r in con.execute("SELECT DISTINCT input_id FROM articles WHERE input_id IN (SELECT unnest(?))",
                                          [input_ids]).fetchall()}
        coders = [r[0] for r in con.execute("SELECT DISTINCT coder FROM events ORDER BY 1").fetchall()]
        rows = con.execute("""
            SELECT a.input_id, e.start_char, e.end_char, e.cameo, e.source_code, e.target_code, e.counted, e.confidence,
                   e.article_id,
                   m.fused_id, f.n_mentions, f.n_articles, f.n_outlets, f.confidence_mean, f.confidence_max
            FROM events e JOIN articles a ON a.id = e.article_id
            LEFT JOIN fused_event_mentions m ON m.event_id = e.id
            LEFT JOIN fused_events f ON f.id = m.fused_id
            WHERE a.input_id IN (SELECT unnest(?))""", [input_ids]).fetchall()
    finally:
        con.close()
    names = ("input_id", "start", "end", "cameo", "src", "tgt", "counted", "confidence", "article_id", "fused_id",
             "n_mentions", "n_articles", "n_outlets", "confidence_mean", "confidence_max")
    keyed: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        d = dict(zip(names, r))
        keyed[(d["input_id"], d["start"], d["end"], d["cameo"])].append(d)
    return dict(keyed), held, coders


def join(judged: list[dict[str, Any]], db: Path) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The judged counted events matched with their DB event and fused event, and the match counts."""
    ids = sorted({row["id"] for row in judged})
    keyed, held, coders = db_events(db, ids)
    stats: dict[str, Any] = defaultdict(int)
    stats["coders"] = coders
    matched = []
    for row in judged:
        stats["counted"] += 1
        if row["id"] not in held:
            stats["article not in db"] += 1
            continue
        stats["article in db"] += 1
        candidates = keyed.get((row["id"], row["span"][0], row["span"][1], row["cameo"]), [])
        if not candidates:
            stats["no event at span+cameo"] += 1
            continue
        stats["matched"] += 1
        # several events at one trigger and code: the one with the same sides' codes (else the nearest confidence)
        same = [c for c in candidates if (c["src"], c["tgt"]) == (row.get("src"), row.get("tgt"))]
        if len(candidates) > 1:
            stats["several events at span+cameo"] += 1
            if not same:
                stats["several, none with the same sides"] += 1
        pool = same or candidates
        hit = min(pool, key=lambda c: abs(float(c["confidence"] or 0) - float(row.get("confidence") or 0)))
        if not hit["counted"]:
            stats["matched, not counted in db"] += 1
            continue
        if row.get("confidence") is not None and hit["confidence"] is not None \
                and abs(float(row["confidence"]) - float(hit["confidence"])) > 1e-3:
            stats["matched, confidence differs"] += 1
        if hit["fused_id"] is None:
            stats["matched, not fused"] += 1
            continue
        matched.append({"id": row["id"], "right": bool(row["right"]), "judged": bool(row["judged"]), "why": why_wrong(row),
                        "confidence": float(row["confidence"]), "n_outlets": int(hit["n_outlets"]),
                        "n_articles": int(hit["n_articles"]), "n_mentions": int(hit["n_mentions"]),
                        "confidence_mean": hit["confidence_mean"], "confidence_max": hit["confidence_max"]})
    stats["used"] = len(matched)
    return matched, dict(stats)


WHY = ("right", "no label", "not an act", "not asserted", "root wrong", "source country wrong", "target country wrong")


def why_wrong(row: dict[str, Any]) -> str:
    """The first thing wrong with a judged counted event (:data:`WHY`), in the order of ``newseval.is_right``."""
    from dateline.newseval import coded_root

    label = row.get("label")
    if row["right"]:
        return "right"
    if not row.get("judged") or label is None:
        return "no label"
    if not label.get("act"):
        return "not an act"
    root = coded_root(label)
    if root is None:
        return "not asserted"
    if str(row.get("cameo") or "")[:2] != root:
        return "root wrong"
    if row.get("src_level") != label.get("src"):
        return "source country wrong"
    return "target country wrong"


def others(row: dict[str, Any]) -> str:
    """What the fused event's other mentions are."""
    if row["n_mentions"] == 1:
        return "alone"
    if row["n_articles"] == 1:
        return "same article only"
    if row["n_outlets"] == 1:
        return "other articles, same outlet"
    return "other outlets"


def bucket(n: int) -> str:
    return "3+" if n >= 3 else str(n)


def print_table(title: str, rows: list[dict[str, Any]], key: Any, order: list[str]) -> None:
    groups: dict[str, list[bool]] = defaultdict(list)
    for row in rows:
        groups[key(row)].append(row["right"])
    print(f"\n{title}")
    print(f"  {'':<30} {'counted':>8} {'right':>6} {'rate':>6}  Wilson 95%    mean conf")
    conf: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        conf[key(row)].append(row["confidence"])
    for name in order:
        values = groups.get(name, [])
        n, r = len(values), sum(values)
        low, high = wilson(r, n)
        rate = f"{r / n:.3f}" if n else "  -  "
        mean = f"{sum(conf[name]) / n:.3f}" if n else "-"
        print(f"  {name:<30} {n:>8} {r:>6} {rate:>6}  {low:.3f}-{high:.3f}  {mean:>8}")


def rate_gap(rows: list[dict[str, Any]]) -> tuple[float, bool, tuple[float, float], tuple[float, float]]:
    """Rate(n_outlets >= 2) - rate(n_outlets = 1), whether the Wilson intervals are apart, and the two intervals."""
    one = [r["right"] for r in rows if r["n_outlets"] == 1]
    more = [r["right"] for r in rows if r["n_outlets"] >= 2]
    if not one or not more:
        return (float("nan"), False, (0.0, 1.0), (0.0, 1.0))
    a, b = wilson(sum(one), len(one)), wilson(sum(more), len(more))
    gap = sum(more) / len(more) - sum(one) / len(one)
    apart = b[0] > a[1] or a[0] > b[1]
    return (gap, apart, a, b)


def fit(rows: list[dict[str, Any]]) -> dict[str, Any]:
    from sklearn.linear_model import LogisticRegression

    x = [features(r) for r in rows]
    y = [int(r["right"]) for r in rows]
    model = LogisticRegression(C=1e6, max_iter=1000).fit(x, y)
    return {"intercept": float(model.intercept_[0]), "coef": [float(c) for c in model.coef_[0]],
            "features": ["logit(confidence)", "log(n_outlets)"], "n": len(rows), "right": sum(y)}


def average_precision(y: list[int], s: list[float]) -> float:
    from sklearn.metrics import average_precision_score

    return float(average_precision_score(y, s)) if 0 < sum(y) < len(y) else float("nan")


def bootstrap(rows: list[dict[str, Any]], model: dict[str, Any], times: int, seed: int = 47) -> dict[str, tuple[float, float]]:
    """95% percentile intervals of the AP gain and the rate gap, resampling articles."""
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_article[row["id"]].append(row)
    keys = sorted(by_article)
    rng = random.Random(seed)
    gains, gaps = [], []
    for _ in range(times):
        sample = [row for k in (rng.choice(keys) for _ in keys) for row in by_article[k]]
        y = [int(r["right"]) for r in sample]
        gains.append(average_precision(y, [combined(model, r) for r in sample])
                     - average_precision(y, [r["confidence"] for r in sample]))
        gaps.append(rate_gap(sample)[0])

    def interval(values: list[float]) -> tuple[float, float]:
        values = sorted(v for v in values if not math.isnan(v))
        return (values[int(0.025 * len(values))], values[int(0.975 * len(values)) - 1]) if values else (math.nan, math.nan)

    return {"ap_gain": interval(gains), "rate_gap": interval(gaps)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db", type=Path, help="a database `dateline ingest` wrote from the judged articles' corpus")
    parser.add_argument("judged", type=Path, help="a --judged file of tools/cached_eval.py (same coder)")
    parser.add_argument("--fit", type=Path, help="fit the combination on these events and write it here (JSON)")
    parser.add_argument("--model", type=Path, help="score the combination written by --fit on another set")
    parser.add_argument("--rounds", help="only the articles of these labelling rounds (comma-separated)")
    parser.add_argument("--articles", type=Path, default=ROOT / "eval" / "news" / "articles.jsonl")
    parser.add_argument("--bootstrap", type=int, default=500, help="bootstrap resamples of articles (0: none)")
    parser.add_argument("--json", type=Path, help="write the aggregates as JSON")
    args = parser.parse_args(argv)
    rounds = {int(r) for r in args.rounds.split(",") if r.strip()} if args.rounds else None
    judged = load_judged(args.judged, rounds, args.articles)
    rows, stats = join(judged, args.db)
    from dateline.record import CODER

    print(f"{args.judged.name}: counted events {stats['counted']}; in the database's articles "
          f"{stats.get('article in db', 0)}, matched by article, trigger offsets and CAMEO code "
          f"{stats.get('matched', 0)} ({stats.get('matched', 0) / max(1, stats.get('article in db', 0)):.4f}); "
          f"used (counted and fused in the database) {stats['used']}")
    print(f"  unmatched: {stats.get('no event at span+cameo', 0)}; matched but not counted in the database: "
          f"{stats.get('matched, not counted in db', 0)}; confidence differs by > 0.001: "
          f"{stats.get('matched, confidence differs', 0)}; counted, not fused: {stats.get('matched, not fused', 0)}")
    print(f"  one trigger and code with several events: {stats.get('several events at span+cameo', 0)} (matched by "
          f"the sides' codes; none with the event's sides: {stats.get('several, none with the same sides', 0)})")
    print(f"  database coder(s): {', '.join(map(str, stats['coders']))}; this code's coder: {CODER}")
    if not rows:
        print("no matched events", file=sys.stderr)
        return 1
    print_table("by the fused event's n_outlets", rows, lambda r: bucket(r["n_outlets"]), ["1", "2", "3+"])
    print_table("by the fused event's n_articles", rows, lambda r: bucket(r["n_articles"]), ["1", "2", "3+"])
    print_table("by what the fused event's other mentions are", rows, others,
                ["alone", "same article only", "other articles, same outlet", "other outlets"])
    print("\nwhat is wrong (the first failing check), share of the events of each n_outlets")
    print(f"  {'':<24} " + " ".join(f"{name:>8}" for name in ("1", "2+")))
    for why in WHY:
        cells = []
        for members in ([r for r in rows if r["n_outlets"] == 1], [r for r in rows if r["n_outlets"] >= 2]):
            k = sum(r["why"] == why for r in members)
            cells.append(f"{k / len(members):>8.3f}" if members else f"{'-':>8}")
        print(f"  {why:<24} " + " ".join(cells))
    labels = [f"{lo:.1f}-{hi:.1f}" if hi <= 1 else f">={lo:.1f}" for lo, hi in zip(CONFIDENCE_BINS, CONFIDENCE_BINS[1:])]

    def conf_bin(row: dict[str, Any]) -> str:
        for label, lo, hi in zip(labels, CONFIDENCE_BINS, CONFIDENCE_BINS[1:]):
            if lo <= row["confidence"] < hi:
                return label
        return labels[-1]

    print("\ninside confidence bins: n_outlets 1 vs 2+ (right/counted, rate, Wilson 95%)")
    out_bins = []
    for label in labels:
        cell = [r for r in rows if conf_bin(r) == label]
        parts = []
        entry: dict[str, Any] = {"bin": label}
        for name, members in (("1", [r for r in cell if r["n_outlets"] == 1]), ("2+", [r for r in cell if r["n_outlets"] >= 2])):
            n, k = len(members), sum(r["right"] for r in members)
            low, high = wilson(k, n)
            parts.append(f"{name}: {k}/{n} " + (f"{k / n:.3f} ({low:.3f}-{high:.3f})" if n else "-"))
            entry[name] = [k, n]
        out_bins.append(entry)
        print(f"  conf {label:<8} " + "   ".join(parts))
    y = [int(r["right"]) for r in rows]
    model = None
    if args.fit:
        model = fit(rows)
        model["fitted_on"] = args.judged.name
        args.fit.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"\nfitted on these events: right ~ {model['intercept']:+.3f} {model['coef'][0]:+.3f} logit(confidence) "
              f"{model['coef'][1]:+.3f} log(n_outlets) -> {args.fit}")
    elif args.model:
        model = json.loads(args.model.read_text(encoding="utf-8"))
        print(f"\nthe combination of {args.model} (fitted on {model.get('fitted_on')}): {model['intercept']:+.3f} "
              f"{model['coef'][0]:+.3f} logit(confidence) {model['coef'][1]:+.3f} log(n_outlets)")
    ap: dict[str, float] = {
        "confidence": average_precision(y, [r["confidence"] for r in rows]),
        "fused confidence_mean": average_precision(y, [r["confidence_mean"] or 0.0 for r in rows]),
        "fused confidence_max": average_precision(y, [r["confidence_max"] or 0.0 for r in rows]),
        "n_outlets alone (ties by confidence)": average_precision(y, [r["n_outlets"] + r["confidence"] / 2 for r in rows]),
    }
    if model:
        ap["combination"] = average_precision(y, [combined(model, r) for r in rows])
    print(f"\naverage precision ({len(rows)} events, {sum(y)} right, base rate {sum(y) / len(rows):.3f})")
    for name, value in ap.items():
        print(f"  {name:<40} {value:.4f}")
    corroborated = [r for r in rows if r["n_outlets"] >= 2]
    if corroborated:
        top = sorted(rows, key=lambda r: -r["confidence"])[:len(corroborated)]
        print(f"\nas a filter: n_outlets >= 2 keeps {len(corroborated)} of {len(rows)} events "
              f"({len(corroborated) / len(rows):.3f}), {sum(r['right'] for r in corroborated)} right "
              f"({sum(r['right'] for r in corroborated) / len(corroborated):.3f}); the {len(top)} most confident keep "
              f"{sum(r['right'] for r in top)} right ({sum(r['right'] for r in top) / len(top):.3f}, confidence >= "
              f"{top[-1]['confidence']:.3f})")
    gap, apart, one, more = rate_gap(rows)
    print(f"\nrule numbers: rate(n_outlets >= 2) - rate(n_outlets = 1) = {gap:+.4f} "
          f"(intervals {one[0]:.3f}-{one[1]:.3f} and {more[0]:.3f}-{more[1]:.3f}: {'apart' if apart else 'overlap'})")
    result: dict[str, Any] = {"stats": stats, "rate_gap": gap, "intervals_apart": apart, "ap": ap, "bins": out_bins}
    if model:
        gain = ap["combination"] - ap["confidence"]
        print(f"  AP gain of the combination over confidence alone: {gain:+.4f}")
        result["ap_gain"] = gain
        if args.bootstrap:
            boot = bootstrap(rows, model, args.bootstrap)
            print(f"  bootstrap over articles ({args.bootstrap}): AP gain {boot['ap_gain'][0]:+.4f} to "
                  f"{boot['ap_gain'][1]:+.4f}; rate gap {boot['rate_gap'][0]:+.4f} to {boot['rate_gap'][1]:+.4f}")
            result["bootstrap"] = boot
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
