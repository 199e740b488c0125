"""Experiment (session 32, gbacts): non-linear models for the learned act filter, on learned_acts.py's rows.

Reads the rows ``tools/learned_acts.py --recode`` cached (build/learned_acts.pkl) and cross-fits, by the same folds
(5 article groups, ``learned_acts.groups_of``) and on the same counted train rows and features (conf, mod, stmt),

- ``lr``: the shipped logistic regression (C fixed by ``--c``: 0.1, learned_acts.py's choice), always fitted as the
  reference;
- ``hgb``: scikit-learn's HistGradientBoostingClassifier on a dense matrix of the features seen in at least ``k``
  rows of the fold's fit rows (a few settings: max_iter, learning_rate, max_leaf_nodes, l2);
- ``lrx``: the logistic regression with second-order crosses (:data:`CROSSES`: pairs of feature-name prefixes whose
  features present together make one more feature ``x:<a>&<b>``).

Each is compared with the shipped ``lr`` at equal numbers of events dropped (the counts ``lr`` drops at the
thresholds of learned_acts.THRESHOLDS), and at its own thresholds; dev totals from each fitted on every train row.

    nice .venv/bin/python tools/learned_acts.py --recode --exclude-rounds 78,79,80,81,82,83,84,85,86,87,88,89,90,91 --target keep    # the rows
    nice .venv/bin/python tools/nonlinear_acts.py --exclude-rounds 78,79,80,81,82,83,84,85,86,87,88,89,90,91 --models lr,hgb,lrx
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

import learned_acts as la  # noqa: E402
from dateline.newseval import blind_rounds  # noqa: E402

#: Second-order crosses tried by ``lrx``: (prefix a, prefix b); every present feature of a with every present one of b.
CROSSES: dict[str, tuple[tuple[str, ...], ...]] = {
    "root_gov": (("mod:root=", "mod:g1_lemma="),),
    "lemma_gov": (("conf:lemma=", "mod:g1_lemma="),),
    "root_quote_pos": (("mod:root=", "mod:in_quote", "mod:sent_pos="),),
    "root_cue": (("mod:root=", "mod:g1_cue="), ("mod:root=", "mod:g_cue=")),
    "root_stmt": (("mod:root=", "stmt:"),),
}


def crossed(feats: dict[str, float], crosses: tuple[tuple[str, ...], ...]) -> dict[str, float]:
    """``feats`` and, for each cross (prefixes), one feature per combination of present features of its prefixes."""
    out = dict(feats)
    for prefixes in crosses:
        combos = [""]
        for p in prefixes:
            present = [k for k, v in feats.items() if k.startswith(p) and v]
            combos = [f"{c}&{k}" if c else k for c in combos for k in present]
            if not combos:
                break
        for c in combos:
            out[f"x:{c}"] = 1.0
    return out


def vocab(rows_feats: list[dict[str, float]], k: int) -> list[str]:
    n = Counter(f for d in rows_feats for f, v in d.items() if v)
    return sorted(f for f, c in n.items() if c >= k)


def dense(rows_feats: list[dict[str, float]], names: list[str]) -> Any:
    import numpy as np

    index = {f: i for i, f in enumerate(names)}
    x = np.zeros((len(rows_feats), len(names)), dtype=np.float32)
    for r, d in enumerate(rows_feats):
        for f, v in d.items():
            j = index.get(f)
            if j is not None:
                x[r, j] = v
    return x


def fit_hgb(feats: list[dict[str, float]], ys: list[Any], k: int, params: dict[str, Any]) -> tuple[Any, list[str]]:
    """A HistGradientBoostingClassifier on the features present in at least ``k`` rows, and their names."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    names = vocab(feats, k)
    clf = HistGradientBoostingClassifier(early_stopping=False, random_state=0, **params)
    return clf.fit(dense(feats, names), ys), names


def fit_lr(feats: list[dict[str, float]], ys: list[Any], c: float) -> Any:
    """The logistic regression (a DictVectorizer pipeline) of the shipped learned components, with C ``c``."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    return make_pipeline(DictVectorizer(), LogisticRegression(C=c, max_iter=5000)).fit(feats, ys)


def crossfit_any(feats: list[dict[str, float]], ys: list[bool], groups: list[int], fitter: Any, predict: Any) -> list[float]:
    pred = [0.5] * len(feats)
    for g in sorted(set(groups)):
        fit_i = [i for i, k in enumerate(groups) if k != g]
        held = [i for i, k in enumerate(groups) if k == g]
        model = fitter([feats[i] for i in fit_i], [ys[i] for i in fit_i])
        for i, p in zip(held, predict(model, [feats[i] for i in held])):
            pred[i] = float(p)
    return pred


def at_count(rows: list[dict[str, Any]], scores: list[float], n: int, base_found: set[tuple]) -> dict[str, Any]:
    drop = [False] * len(rows)
    for i in sorted(range(len(rows)), key=lambda i: scores[i])[:n]:
        drop[i] = True
    return la.cut_report(rows, drop, base_found)


def main(argv: list[str] | None = None) -> int:
    from sklearn.metrics import log_loss

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--exclude-rounds", default=None, help="train rounds left out (default: the blind rounds "
                        "eval/news/blind_rounds.json names)")
    parser.add_argument("--features", default="conf,mod,stmt")
    parser.add_argument("--target", default="keep")
    parser.add_argument("--models", default="lr,hgb,lrx", help="lr (always fitted: the reference), hgb, lrx, lrc")
    parser.add_argument("--hgb", default="150:0.1:15:1.0:10",
                        help="settings max_iter:learning_rate:max_leaf_nodes:l2:k, comma-separated (the default is the one "
                        "measured to the end in session 32; a fold set takes minutes per setting on 2 cores)")
    parser.add_argument("--crosses", default=",".join(CROSSES), help="names of CROSSES tried one at a time, '+' joins")
    parser.add_argument("--c", type=float, default=0.1, help="the logistic regression's C (learned_acts.py chooses 0.1)")
    parser.add_argument("--json", help="write the report here")
    args = parser.parse_args(argv)
    excluded = (set(blind_rounds(la.LABELS)) if args.exclude_rounds is None
                else {int(r) for r in args.exclude_rounds.split(",") if r.strip()})
    kept = pickle.loads(la.CACHE.read_bytes())
    assert set(kept["excluded"]) == excluded, kept["excluded"]
    rows = kept["rows"]
    la.add_covers(rows)
    sets = tuple(args.features.split(","))
    train = [r for r in rows if r["split"] == "train" and r["counted"] and r["round"] not in excluded]
    dev = [r for r in rows if r["split"] == "dev" and r["counted"]]
    groups = la.groups_of(train, "article")
    ys = [bool(r[args.target]) for r in train]
    ftrain = [la.row_features(r, sets) for r in train]
    fdev = [la.row_features(r, sets) for r in dev]
    base_found = la.found_acts(train, [True] * len(train))
    dev_found = la.found_acts(dev, [True] * len(dev))
    print(f"train rows {len(train)}, keep {sum(ys)}, right {sum(r['right'] for r in train)}; dev {len(dev)}", file=sys.stderr)

    results: dict[str, dict[str, Any]] = {}
    report: dict[str, Any] = {"rows": len(train), "base": la.cut_report(train, [False] * len(train), base_found),
                              "models": {}}

    def show(name: str, res: dict[str, Any]) -> None:
        ref, ref_dev = results["lr"]["pred"], results["lr"]["dev"]
        counts = [sum(p < t for p in ref) for t in la.THRESHOLDS[:6]]
        report["counts"] = counts
        line = [at_count(train, res["pred"], n, base_found) for n in counts]
        own = [{"t": t, **la.cut_report(train, [p < t for p in res["pred"]], base_found)} for t in la.THRESHOLDS[:6]]
        devs = [{"t": t, **la.cut_report(dev, [p < t for p in res["dev"]], dev_found)} for t in la.THRESHOLDS[:6]]
        dev_counts = [at_count(dev, res["dev"], sum(p < t for p in ref_dev), dev_found) for t in la.THRESHOLDS[:6]]
        report["models"][name] = {k: v for k, v in res.items() if k not in ("pred", "dev")} | {
            "equal_counts": line, "own_thresholds": own, "dev_own": devs, "dev_equal_counts": dev_counts}
        print(f"{name:40s} ll {res['log_loss']} ap {res['ap_act']} | equal counts: " + " | ".join(
            f"{x['dropped']}: {x['dropped_right']}/{x['recall_lost']}/{x['precision']}" for x in line))
        print(f"{'':40s} own t: " + " | ".join(
            f"{x['t']}: {x['dropped']} {x['dropped_right']}/{x['recall_lost']} {x['right']}/{x['counted']}" for x in own))
        print(f"{'':40s} dev own t: " + " | ".join(
            f"{x['t']}: {x['dropped']} {x['dropped_right']}/{x['recall_lost']} {x['right']}/{x['counted']}" for x in devs))
        print(f"{'':40s} dev equal counts: " + " | ".join(
            f"{x['dropped']} {x['dropped_right']}/{x['recall_lost']} {x['right']}/{x['counted']}" for x in dev_counts),
              flush=True)
        if args.json:
            Path(args.json).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")

    def record(name: str, pred: list[float], dev_pred: list[float], secs: float) -> None:
        loss = log_loss(ys, pred, labels=[False, True])
        ap = la.average_precision(pred, [r["real"] for r in train])
        results[name] = {"pred": pred, "dev": dev_pred, "log_loss": round(loss, 4), "ap_act": round(ap, 4),
                         "secs": round(secs, 1)}
        print(f"{name}: log loss {loss:.4f} AP(act) {ap:.4f} ({secs:.0f}s)", file=sys.stderr)
        show(name, results[name])

    models = args.models.split(",")
    prob = lambda m, f: m.predict_proba(f)[:, 1]  # noqa: E731
    # lr, the reference every other model is compared with (show() needs it), is fitted whatever --models says
    t0 = time.time()
    pred = crossfit_any(ftrain, ys, groups, lambda f, y: fit_lr(f, y, args.c), prob)
    record("lr", pred, list(prob(fit_lr(ftrain, ys, args.c), fdev)), time.time() - t0)
    if "lrc" in models:  # the control for lrx's smaller C: no crosses
        t0 = time.time()
        pred = crossfit_any(ftrain, ys, groups, lambda f, y: fit_lr(f, y, args.c / 3), prob)
        record(f"lr:C{args.c / 3:.3g}", pred, list(prob(fit_lr(ftrain, ys, args.c / 3), fdev)), time.time() - t0)
    if "lrx" in models:
        for name in args.crosses.split(","):
            crosses = tuple(c for part in name.split("+") for c in CROSSES[part])
            xt = [crossed(f, crosses) for f in ftrain]
            xd = [crossed(f, crosses) for f in fdev]
            for c in (args.c, args.c / 3):
                t0 = time.time()
                pred = crossfit_any(xt, ys, groups, lambda f, y: fit_lr(f, y, c), prob)
                record(f"lrx:{name}:C{c:.3g}", pred, list(prob(fit_lr(xt, ys, c), xd)), time.time() - t0)
    if "hgb" in models:
        for setting in args.hgb.split(","):
            it, lr_, leaves, l2, k = setting.split(":")
            params = {"max_iter": int(it), "learning_rate": float(lr_), "max_leaf_nodes": int(leaves),
                      "l2_regularization": float(l2)}
            t0 = time.time()

            def fitter(f: list[dict[str, float]], y: list[bool]) -> Any:
                return fit_hgb(f, y, int(k), params)

            def predict(m: Any, f: list[dict[str, float]]) -> Any:
                clf, names = m
                return clf.predict_proba(dense(f, names))[:, 1]

            pred = crossfit_any(ftrain, ys, groups, fitter, predict)
            record(f"hgb:{setting}", pred, list(predict(fitter(ftrain, ys), fdev)), time.time() - t0)

    b = report["base"]
    print(f"base: right {b['right']}/{b['counted']} = {b['precision']}, listed acts found {b['found']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
