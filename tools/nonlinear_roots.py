"""Experiment (session 32, gbacts): non-linear models for the learned root correction, on learned_roots.py's rows.

Reads build/learned_roots.pkl (``tools/learned_roots.py --recode``) and does what ``learned_roots.py --select``
does for the shipped settings (variant ``all``, fitted on the counted real acts of every train round, cross-fitted by
the same 5 GroupKFold article folds, the lexicon domain corrected, rule margin 0.5, across PLOVER types 0.8), with

- ``lr``: the shipped multinomial logistic regression (C 1);
- ``lrx``: the same with second-order crosses (:data:`CROSSES`, as tools/nonlinear_acts.py builds them);
- ``hgb``: a multiclass HistGradientBoostingClassifier on a dense matrix of the features seen in at least k fit rows.

Printed: root right and counted right gained over the coded roots, changes fixed / broken / sideways.

    nice .venv/bin/python tools/learned_roots.py --recode --exclude-rounds=78,79,80,81,82,83,84,85,86,87,88,89,90,91 --select --held-out none ...  # rows
    nice .venv/bin/python tools/nonlinear_roots.py
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

import learned_roots as lr  # noqa: E402
from nonlinear_acts import crossed, dense, fit_hgb, fit_lr  # noqa: E402

from dateline.newseval import blind_rounds  # noqa: E402

CROSSES: dict[str, tuple[tuple[str, ...], ...]] = {
    "root_quote_pos": (("root=", "in_quote", "first_sentence"),),
    "lemma_head": (("lemma=", "head="),),
    "lemma_src": (("lemma=", "src_sector="), ("lemma=", "tgt_sector=")),
    "lemma_neg": (("lemma=", "clause_negative"),),
}


def main(argv: list[str] | None = None) -> int:
    import numpy as np
    from sklearn.model_selection import GroupKFold

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--models", default="lr,lrx", help="lr, lrx, hgb (the multiclass trees did not finish in "
                        "session 32 on 2 cores: hours)")
    parser.add_argument("--crosses", default=",".join(CROSSES))
    parser.add_argument("--hgb", default="100:0.1:15:1.0:10", help="max_iter:learning_rate:max_leaf_nodes:l2:k,...")
    parser.add_argument("--margins", default="0.3,0.4,0.5")
    parser.add_argument("--cross", type=float, default=0.8)
    parser.add_argument("--dev", action="store_true", help="dev totals for each model fitted on every train row")
    args = parser.parse_args(argv)
    rows = pickle.loads(lr.CACHE.read_bytes())
    blind = set(blind_rounds(lr.LABELS))  # a cache coded without --exclude-rounds holds them: never fit or score them
    train = [r for r in rows if r["split"] == "train" and r["counted"] and r["round"] not in blind]
    dev = [r for r in rows if r["split"] == "dev" and r["counted"]]
    real = [r for r in train if lr.is_real(r)]
    domain = lr.DOMAINS["lexicon"]
    inside = [lr.in_domain(r, domain) for r in train]
    base = lr.score(train, [r["cameo"][:2] for r in train])
    print(f"{len(train)} counted judged train, {len(real)} real; coded root right {base['root_right']}, "
          f"counted right {base['counted_right']}; rounds {sorted({r['round'] for r in train})[-4:]}")
    groups = np.array([r["article"] for r in train])
    folds = list(GroupKFold(5).split(train, groups=groups))
    classes = sorted({r["expected"] for r in real} | {r["cameo"][:2] for r in train})
    feats_all = lr.SELECT_VARIANTS["all"]

    def run(name: str, featf: Any, fitter: Any, predict: Any) -> None:
        t0 = time.time()
        xs = [featf(r) for r in train]
        full = np.zeros((len(train), len(classes)))
        for fit_i, held_i in folds:
            fit_rows = [i for i in fit_i if lr.is_real(train[i])]  # fit-domain all
            model, model_classes = fitter([xs[i] for i in fit_rows], [train[i]["expected"] for i in fit_rows])
            pr = predict(model, [xs[i] for i in held_i])
            for j, c in enumerate(model_classes):
                full[held_i, classes.index(c)] = pr[:, j]
        out = []
        for m in (float(x) for x in args.margins.split(",")):
            s = lr.score(train, [lr.decide(full[i], classes, r["cameo"][:2], "margin", m, max(m, args.cross))
                                 if inside[i] else r["cameo"][:2] for i, r in enumerate(train)])
            out.append(f"m {m}: changed {s['changed']} fixed/broken/sideways {s['fixed']}/{s['broken']}/{s['sideways']} "
                       f"root {s['root_right'] - base['root_right']:+d} right {s['counted_right'] - base['counted_right']:+d}")
        print(f"{name} ({time.time() - t0:.0f}s):\n   " + "\n   ".join(out), flush=True)
        if args.dev:
            fit_rows = [r for r in train if lr.is_real(r)]
            model, mc = fitter([featf(r) for r in fit_rows], [r["expected"] for r in fit_rows])
            pr = predict(model, [featf(r) for r in dev])
            dbase = lr.score(dev, [r["cameo"][:2] for r in dev])
            for m in (float(x) for x in args.margins.split(",")):
                s = lr.score(dev, [lr.decide(q, list(mc), r["cameo"][:2], "margin", m, max(m, args.cross))
                                   if lr.in_domain(r, domain) else r["cameo"][:2] for r, q in zip(dev, pr)])
                print(f"   dev m {m}: changed {s['changed']} fixed/broken/sideways {s['fixed']}/{s['broken']}/"
                      f"{s['sideways']} root {s['root_right'] - dbase['root_right']:+d} right "
                      f"{s['counted_right'] - dbase['counted_right']:+d}")

    def lr_fit(c: float) -> Any:
        def f(x: list[dict[str, float]], y: list[str]) -> Any:
            model = fit_lr(x, y, c)
            return model, list(model.classes_)
        return f

    def lr_pred(model: Any, x: list[dict[str, float]]) -> Any:
        return model.predict_proba(x)

    models = args.models.split(",")
    if "lr" in models:
        run("lr C1", feats_all, lr_fit(1.0), lr_pred)
    if "lrx" in models:
        for name in args.crosses.split(","):
            crosses = tuple(c for part in name.split("+") for c in CROSSES[part])
            run(f"lrx {name} C1", lambda r: crossed(feats_all(r), crosses), lr_fit(1.0), lr_pred)
    if "hgb" in models:
        for setting in args.hgb.split(","):
            it, rate, leaves, l2, k = setting.split(":")
            params = {"max_iter": int(it), "learning_rate": float(rate), "max_leaf_nodes": int(leaves),
                      "l2_regularization": float(l2)}

            def hfit(x: list[dict[str, float]], y: list[str]) -> Any:
                clf, names = fit_hgb(x, y, int(k), params)
                return (clf, names), list(clf.classes_)

            def hpred(model: Any, x: list[dict[str, float]]) -> Any:
                clf, names = model
                return clf.predict_proba(dense(x, names))

            run(f"hgb {setting}", feats_all, hfit, hpred)
    return 0


if __name__ == "__main__":
    sys.exit(main())
