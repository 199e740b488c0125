"""Can the confidence model rank better, in a way that transfers? An offline experiment (issue 11, part 2).

The shipped model (:mod:`dateline.confidence`, :mod:`dateline.train`) is a logistic regression over
``event_features``. This tool compares, on the same judged events, other learners and feature sets,
each fitted ONLY on the 122 older train articles and measured three ways:

- **cv**: cross-fitted by article on the older train articles (5-fold GroupKFold);
- **round3**: the 60 round-3 train articles (labelled later; never used for fitting here);
- **dev**: TOTALS only (AUC, average precision, calibration error, precision / share kept at 0.5-0.8).

Calibration is isotonic, as in ``dateline train``: for round 3 and dev it is fitted on the cross-fitted
scores of the older train articles (so neither is calibrated on itself), and the dev ECE is also given
with the calibration cross-fitted by dev article (the figure ``dateline train`` reports).

Variants:
- ``lr``: the shipped learner (L2 logistic regression, C by grouped CV log loss);
- ``hgb``: sklearn HistGradientBoostingClassifier on the same features (dense, the features seen
  at least ``MIN_COUNT`` times), a small grid chosen by grouped CV log loss;
- ``+te``: smoothed, cross-fitted per-value priors (target encoding, log-odds with an m-estimate) of
  the trigger lemma, the CAMEO code, each rule in ``evidence.rules`` and the side-choice rules;
- ``+art``: article-level features (events in the article, share of them in quotes, outlet, stratum);
- ``parts``: four models (act real; root right, source right, target right given a real act)
  multiplied.

    .venv/bin/python tools/confidence_models.py collect     # parse train + dev once
    .venv/bin/python tools/confidence_models.py evaluate    # every variant; results.json
    .venv/bin/python tools/confidence_models.py compare     # bootstrap by article of AP differences

The cache (bench/results/confidence_models) holds no corpus text, but is not committed.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news"
LABELS = ROOT / "eval" / "news" / "labels.jsonl"
ARTICLES = ROOT / "eval" / "news" / "articles.jsonl"
OUT = ROOT / "bench" / "results" / "confidence_models"
PARTS = ("act", "root", "src", "tgt")
SIDE_RULES = ("source", "target", "source_country", "target_country")
CUTS = (0.3, 0.5, 0.6, 0.7, 0.8)
MIN_COUNT = 3  # a feature seen fewer times on the fitting rows is dropped for the boosted trees


# --- collect ------------------------------------------------------------------------------------

def collect(out: Path) -> None:
    from dateline.confidence import event_features
    from dateline.newseval import asserted, coded_root, country_level, is_right, load_labels
    from dateline.nlp import load_nlp
    from dateline.train import judged_events

    labels = load_labels(LABELS)
    meta = {a["id"]: a for a in map(json.loads, ARTICLES.open(encoding="utf-8"))}
    rows: list[dict[str, Any]] = []
    nlp = load_nlp()
    for split in ("train", "dev"):
        docs: dict[str, Any] = {}
        for j in judged_events(labels, split, NEWS, nlp=nlp):
            event, judged = j.event, j.judged
            root = coded_root(judged)
            if j.article not in docs:
                events = j.doc._.events or []
                docs[j.article] = {"n": len(events),
                                   "quoted": sum(e.get("quote") is not None for e in events) / max(len(events), 1),
                                   "sentences": j.context.sentences}
            span = event.get("span") or [0, 0]
            trigger = j.doc.char_span(span[0], span[1], alignment_mode="expand")
            evidence = event.get("evidence") if isinstance(event.get("evidence"), dict) else {}
            info = meta.get(j.article, {})
            rows.append({
                "split": split, "round": info.get("round") or 1, "article": j.article,
                "outlet": info.get("outlet") or "?", "stratum": info.get("stratum") or "?",
                "right": bool(is_right(event, judged)), "counted": bool(asserted(event)),
                "act": root is not None, "root": root is not None and str(event.get("cameo") or "")[:2] == root,
                "src": country_level(event.get("source")) == judged["src"],
                "tgt": country_level(event.get("target")) == judged["tgt"],
                "lemma": trigger.root.lemma_.lower() if trigger is not None and len(trigger) else "",
                "cameo": str(event.get("cameo") or ""),
                "rules": {str(k): str(v) for k, v in ((evidence or {}).get("rules") or {}).items()},
                "features": event_features(event, j.doc, j.context), "doc": docs[j.article],
            })
        print(f"coded {split}: {len(rows)} judged events so far", file=sys.stderr)
    out.mkdir(parents=True, exist_ok=True)
    (out / "rows.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def read_rows(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "rows.jsonl").open(encoding="utf-8")]


# --- feature blocks -----------------------------------------------------------------------------

def te_keys(row: dict[str, Any]) -> dict[str, str]:
    """The high-cardinality values that get a smoothed prior: lemma, CAMEO code, each rule, the
    side-choice rules together."""
    keys = {"lemma": row["lemma"], "cameo": row["cameo"]}
    for decision, rule in row["rules"].items():
        keys[f"rule:{decision}"] = rule
    keys["sides"] = "|".join(f"{d}={row['rules'].get(d, '-')}" for d in SIDE_RULES)
    return keys


class TargetEncoder:
    """Per-value log-odds of the target with an m-estimate towards the base rate:
    (right + m * base) / (n + m), as a logit minus the base logit; unseen values give 0."""

    def __init__(self, m: float = 10.0) -> None:
        self.m = m
        self.base = 0.5
        self.stats: dict[str, dict[str, list[float]]] = {}

    def fit(self, rows: list[dict[str, Any]], ys: list[bool]) -> TargetEncoder:
        self.base = min(max(sum(ys) / max(len(ys), 1), 1e-3), 1 - 1e-3)
        stats: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(lambda: [0.0, 0.0]))
        for row, y in zip(rows, ys):
            for name, value in te_keys(row).items():
                cell = stats[name][value]
                cell[0] += y
                cell[1] += 1
        self.stats = {k: dict(v) for k, v in stats.items()}
        return self

    def transform(self, row: dict[str, Any]) -> dict[str, float]:
        logit = lambda p: math.log(p / (1 - p))  # noqa: E731
        out: dict[str, float] = {}
        names = te_keys(row)
        for name in ("lemma", "cameo", "sides", "rule:trigger", "rule:code", "rule:modality"):
            value = names.get(name)
            cell = self.stats.get(name, {}).get(value) if value is not None else None
            if cell is None:
                continue
            p = (cell[0] + self.m * self.base) / (cell[1] + self.m)
            out[f"te:{name}"] = logit(p) - logit(self.base)
        return out


def cross_fitted_te(rows: list[dict[str, Any]], ys: list[bool], folds: int = 5, m: float = 10.0) -> list[dict[str, float]]:
    """Target-encoded features of the fitting rows, each from an encoder fitted on other articles."""
    from sklearn.model_selection import GroupKFold

    out: list[dict[str, float]] = [{} for _ in rows]
    groups = [r["article"] for r in rows]
    for fit, held in GroupKFold(folds).split(rows, ys, groups):
        enc = TargetEncoder(m).fit([rows[i] for i in fit], [ys[i] for i in fit])
        for i in held:
            out[i] = enc.transform(rows[i])
    return out


def article_features(row: dict[str, Any]) -> dict[str, float]:
    doc = row["doc"]
    return {"art_events": min(doc["n"] / 40.0, 3.0), "art_log_events": math.log1p(doc["n"]) / 4.0,
            "art_quoted": doc["quoted"], "art_events_per_sentence": min(doc["n"] / max(doc["sentences"], 1) / 2.0, 3.0),
            f"art_outlet={row['outlet']}": 1.0, f"art_stratum={row['stratum']}": 1.0}


# --- learners -----------------------------------------------------------------------------------

def fit_lr(x: Any, y: Any, groups: list[str], cs: tuple[float, ...] = (0.03, 0.1, 0.3, 1.0)) -> Any:
    from sklearn.linear_model import LogisticRegression
    return grid(lambda c: LogisticRegression(C=c, max_iter=5000), cs, x, y, groups, "C")


HGB_GRID = ({"max_depth": 3, "learning_rate": 0.05, "max_iter": 150, "min_samples_leaf": 20},
            {"max_depth": 2, "learning_rate": 0.1, "max_iter": 150, "min_samples_leaf": 20})


def fit_hgb(x: Any, y: Any, groups: list[str]) -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier
    return grid(lambda p: HistGradientBoostingClassifier(l2_regularization=1.0, random_state=0, early_stopping=False, **p),
                HGB_GRID, x, y, groups, "params")


def grid(make: Any, options: Any, x: Any, y: Any, groups: list[str], name: str) -> Any:
    """Choose among ``options`` by 5-fold log loss grouped by article; return the model refitted on
    everything, its info and the cross-fitted scores of the chosen option."""
    import numpy as np
    from sklearn.metrics import log_loss
    from sklearn.model_selection import GroupKFold

    best, best_loss, best_cv = None, 1e9, None
    for option in options:
        cv = np.zeros(len(y))
        for f, h in GroupKFold(5).split(x, y, groups):
            cv[h] = make(option).fit(x[f], y[f]).predict_proba(x[h])[:, 1]
        loss = log_loss(y, cv, labels=[False, True])
        if loss < best_loss:
            best, best_loss, best_cv = option, loss, cv
    return make(best).fit(x, y), {name: best, "cv_log_loss": round(best_loss, 4)}, best_cv


# --- one variant --------------------------------------------------------------------------------

def design(rows: list[dict[str, Any]], te: list[dict[str, float]] | None, art: bool) -> list[dict[str, float]]:
    out = []
    for i, r in enumerate(rows):
        f = dict(r["features"])
        if te is not None:
            f.update(te[i])
        if art:
            f.update(article_features(r))
        out.append(f)
    return out


def scores_for(target: str, learner: str, te: bool, art: bool, fit_rows: list[dict[str, Any]],
               others: dict[str, list[dict[str, Any]]]) -> tuple[list[float], dict[str, list[float]], dict[str, Any]]:
    """(cross-fitted scores of the fitting rows, scores of every other part, info) for one target."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer

    ys = [bool(r[target]) for r in fit_rows]
    groups = [r["article"] for r in fit_rows]
    te_fit = cross_fitted_te(fit_rows, ys) if te else None
    enc = TargetEncoder().fit(fit_rows, ys) if te else None
    x_dicts = design(fit_rows, te_fit, art)
    o_dicts = {k: design(v, [enc.transform(r) for r in v] if enc else None, art) for k, v in others.items()}

    def matrices(fit_d: list[dict[str, float]], rest: list[list[dict[str, float]]]) -> tuple[Any, list[Any]]:
        vec = DictVectorizer()
        x = vec.fit_transform(fit_d)
        if learner == "hgb":
            keep = np.asarray((x != 0).sum(axis=0)).ravel() >= MIN_COUNT
            return x[:, keep].toarray(), [vec.transform(d)[:, keep].toarray() for d in rest]
        return x, [vec.transform(d) for d in rest]

    y = np.array(ys)
    fitter = fit_hgb if learner == "hgb" else fit_lr
    # cross-fitted scores of the fitting rows: those of the chosen option's folds (the target encoding
    # of each fitting row is itself cross-fitted, so a row's prior never holds its own label)
    x, rest = matrices(x_dicts, list(o_dicts.values()))
    clf, info, cv = fitter(x, y, groups)
    info["features"] = int(x.shape[1])
    return list(cv), {k: list(clf.predict_proba(m)[:, 1]) for k, m in zip(o_dicts, rest)}, info


def metrics(probs: list[float], rows: list[dict[str, Any]], raw: list[float] | None = None) -> dict[str, Any]:
    from sklearn.metrics import average_precision_score, roc_auc_score
    from dateline.train import choose_threshold, reliability

    ys = [r["right"] for r in rows]
    raw = raw if raw is not None else probs
    counted = [(p, r["right"]) for p, r in zip(probs, rows) if r["counted"]]
    out: dict[str, Any] = {"events": len(rows), "right": sum(ys),
                           "auc": round(float(roc_auc_score(ys, raw)), 4),
                           "ap": round(float(average_precision_score(ys, raw)), 4),
                           "ap_counted": round(float(average_precision_score([y for _, y in counted],
                                                                             [p for p, r in zip(raw, rows) if r["counted"]])), 4),
                           "auc_counted": round(float(roc_auc_score([y for _, y in counted],
                                                                    [p for p, r in zip(raw, rows) if r["counted"]])), 4),
                           "ece": round(reliability(probs, ys)[1], 4), "counted": len(counted)}
    for cut in CUTS:
        kept = [y for p, y in counted if p >= cut]
        out[f"at{cut}"] = (round(sum(kept) / len(kept), 3) if kept else None, round(len(kept) / len(counted), 3))
    t, prec, share = choose_threshold([p for p, _ in counted], [y for _, y in counted])
    out["p80"] = {"threshold": round(t, 3), "precision": round(prec, 3), "kept": round(share, 3)}
    # the best precision with at least 10% of the counted events kept, by the raw score (a threshold
    # keeps every event at its value, so ties are never split)
    pairs = sorted(((q, r["right"]) for q, r in zip(raw, rows) if r["counted"]), key=lambda t: -t[0])
    best, right = 0.0, 0
    for k, (q, y) in enumerate(pairs, start=1):
        right += y
        if k >= 0.1 * len(pairs) and (k == len(pairs) or pairs[k][0] != q):
            best = max(best, right / k)
    out["best_precision_at_10pct"] = round(best, 3)
    return out


def isotonic(fit_raw: list[float], fit_y: list[bool]) -> Any:
    from sklearn.isotonic import IsotonicRegression
    return IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(fit_raw, fit_y)


def dev_cross_ece(raw: list[float], rows: list[dict[str, Any]]) -> float:
    from dateline.train import _cross_fitted_ece
    return _cross_fitted_ece(raw, [r["right"] for r in rows], [r["article"] for r in rows])


def dev_cross_calibrated(raw: list[float], rows: list[dict[str, Any]], folds: int = 5) -> list[float]:
    names = sorted({r["article"] for r in rows})
    out = [0.0] * len(raw)
    for fold in range(folds):
        held = {g for i, g in enumerate(names) if i % folds == fold}
        fit = [i for i, r in enumerate(rows) if r["article"] not in held]
        iso = isotonic([raw[i] for i in fit], [rows[i]["right"] for i in fit])
        for i, r in enumerate(rows):
            if r["article"] in held:
                out[i] = float(iso.predict([raw[i]])[0])
    return out


def run_variant(name: str, learner: str, te: bool, art: bool, parts: bool,
                parts_rows: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    fit_rows = parts_rows["old"]
    others = {"round3": parts_rows["round3"], "dev": parts_rows["dev"]}
    info: dict[str, Any] = {}
    if not parts:
        cv, rest, info = scores_for("right", learner, te, art, fit_rows, others)
    else:
        # P(act) * P(root | act) * P(src | act) * P(tgt | act): the last three fitted on real acts only,
        # cross-fitted scores of non-acts come from the models of their fold (fitted on the fold's acts)
        cv_act, rest_act, info["act"] = scores_for("act", learner, te, art, fit_rows, others)
        cv, rest = list(cv_act), {k: list(v) for k, v in rest_act.items()}
        acts = [r for r in fit_rows if r["act"]]
        for part in ("root", "src", "tgt"):
            cv_p, rest_p, info[part] = scores_for(part, learner, te, art, acts, {**others, "fit": fit_rows})
            # non-act fitting rows: the full model's score (they carry no part label, so no leakage)
            by_id = {id(r): s for r, s in zip(acts, cv_p)}
            cv = [c * by_id.get(id(r), f) for c, r, f in zip(cv, fit_rows, rest_p["fit"])]
            for k in others:
                rest[k] = [a * b for a, b in zip(rest[k], rest_p[k])]
    iso = isotonic(cv, [r["right"] for r in fit_rows])
    result = {"variant": name, "info": info,
              "cv": metrics(list(iso.predict(cv)), fit_rows, raw=cv)}
    for k in others:
        raw = rest[k]
        result[k] = metrics([float(p) for p in iso.predict(raw)], others[k], raw=raw)
    result["dev"]["ece_dev_cross_fitted"] = round(dev_cross_ece(rest["dev"], others["dev"]), 4)
    result["scores"] = {"cv": [round(float(v), 5) for v in cv], **{k: [round(float(v), 5) for v in rest[k]] for k in others}}
    result["dev_selfcal"] = metrics(dev_cross_calibrated(rest["dev"], others["dev"]), others["dev"], raw=rest["dev"])
    return result


VARIANTS = {
    "lr": ("lr", False, False, False),
    "hgb": ("hgb", False, False, False),
    "lr+te": ("lr", True, False, False),
    "hgb+te": ("hgb", True, False, False),
    "lr+art": ("lr", False, True, False),
    "hgb+art": ("hgb", False, True, False),
    "lr+te+art": ("lr", True, True, False),
    "lr parts": ("lr", False, False, True),
    "hgb parts": ("hgb", False, False, True),
}


def evaluate(out: Path, names: list[str]) -> None:
    rows = read_rows(out)
    parts_rows = {"old": [r for r in rows if r["split"] == "train" and r["round"] != 3],
                  "round3": [r for r in rows if r["split"] == "train" and r["round"] == 3],
                  "dev": [r for r in rows if r["split"] == "dev"]}
    for k, v in parts_rows.items():
        print(f"{k}: {len(v)} events, {sum(r['right'] for r in v)} right, {len({r['article'] for r in v})} articles",
              file=sys.stderr)
    results = []
    path = out / "results.json"
    done = json.loads(path.read_text()) if path.exists() else []
    for name in names:
        res = run_variant(name, *VARIANTS[name], parts_rows)
        results.append(res)
        print(table_row(res), flush=True)
        done = [d for d in done if d["variant"] != name] + [res]
        path.write_text(json.dumps(done, indent=1))


def table_row(res: dict[str, Any]) -> str:
    def cell(m: dict[str, Any]) -> str:
        return (f"AUC {m['auc']:.3f}/{m['auc_counted']:.3f} AP {m['ap']:.3f}/{m['ap_counted']:.3f} ECE {m['ece']:.3f} "
                + " ".join(f"{c}:{m[f'at{c}'][0]}/{m[f'at{c}'][1]}" for c in CUTS)
                + f" best@10% {m['best_precision_at_10pct']}")
    d = res["dev"]
    return (f"== {res['variant']}\n  cv     {cell(res['cv'])}\n  round3 {cell(res['round3'])}\n"
            f"  dev    {cell(d)} ECE(dev xfit) {d['ece_dev_cross_fitted']}\n  devcal {cell(res['dev_selfcal'])}")


def compare(out: Path, base: str = "lr", n: int = 1000) -> None:
    """Paired bootstrap by article of each variant's AP minus the base's, on round 3 and dev: the
    noise level the differences are read against."""
    import random

    from sklearn.metrics import average_precision_score

    rows = read_rows(out)
    results = {d["variant"]: d for d in json.loads((out / "results.json").read_text())}
    parts = {"round3": [r for r in rows if r["split"] == "train" and r["round"] == 3],
             "dev": [r for r in rows if r["split"] == "dev"]}
    rng = random.Random(0)
    for part, prow in parts.items():
        by_article: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(prow):
            by_article[r["article"]].append(i)
        names = sorted(by_article)
        samples = [[i for a in (rng.choice(names) for _ in names) for i in by_article[a]] for _ in range(n)]
        ys = [r["right"] for r in prow]
        b = results[base]["scores"][part]
        for name, res in results.items():
            if name == base:
                continue
            v = res["scores"][part]
            diffs = sorted(average_precision_score([ys[i] for i in s], [v[i] for i in s])
                           - average_precision_score([ys[i] for i in s], [b[i] for i in s]) for s in samples)
            point = average_precision_score(ys, v) - average_precision_score(ys, b)
            print(f"{part:7s} {name:10s} AP - {base}: {point:+.3f} (95% {diffs[int(0.025 * n)]:+.3f} .. {diffs[int(0.975 * n)]:+.3f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("collect", "evaluate", "compare"))
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--variants", default=",".join(VARIANTS))
    args = parser.parse_args()
    if args.command == "collect":
        collect(args.out)
    elif args.command == "compare":
        compare(args.out)
    else:
        evaluate(args.out, args.variants.split(","))
    return 0


if __name__ == "__main__":
    sys.exit(main())
