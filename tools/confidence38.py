"""Session 38 (confidence38): which calibration holds on the held-out folds nearest the blind rounds (guidelines
v5), does its error come from drift between early and recent rounds, does a per-source calibration help, and do
the features session 37's rules added (``rule:gate=...``, ``rule:modality=_clause_done``,
``rule:modality=_clause_asserted``) help the model.

Reads the cross-fitted rows of ``tools/crossfit_train.py --rows`` (blind rounds out, checked by
``confidence_folds.load_rows``) and the leave-one-fold-out machinery of ``tools/confidence_folds.py``::

    nice .venv/bin/python tools/crossfit_train.py --cached-parse --out build/confidence_crossfit.json --rows build/crossfit_rows.pkl
    nice .venv/bin/python tools/confidence38.py [--variants all,no37] > build/c38/report.md

Every calibration is fitted without the held-out fold's rows (dev, or the other folds' held-out scores; the other
folds' held-out scores come from models that saw the held-out fold, a leak confidence37 named too) and scored on
the fold's counted judged events: ECE (10 equal-width bins), AP of the confidence, and the >= 0.8 bucket. Dev (totals)
is scored with the model fitted on every fold, a dev-fitted calibration cross-fitted by dev article (5 folds).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

import numpy as np  # noqa: E402

import confidence_folds as cf  # noqa: E402
from dateline.confidence import logit, sigmoid  # noqa: E402
from dateline.train import reliability  # noqa: E402

OUT = ROOT / "build" / "c38"
#: guidelines v5: rounds 38 on (the last four fold groups: 38-41, 42-43, 44-45, 46-47)
V5 = 38
#: the features session 37's rules added that the shipped model was never fitted with
NEW37 = ("rule:gate=", "rule:modality=_clause_done", "rule:modality=_clause_asserted")
SOURCES = ("allsides", "bbc", "reuters")


def source_of(article: str, corpus: dict[str, str]) -> str:
    name = corpus.get(article, "")
    return "bbc" if name.startswith("bbc") else "reuters" if name.startswith("reuters") else "allsides"


def corpora(labels_path: str) -> dict[str, str]:
    """article id -> corpus file, of train and dev articles only (the corpus field, nothing else read)."""
    out: dict[str, str] = {}
    with open(labels_path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d.get("split") in ("train", "dev"):
                out[str(d.get("id") or d.get("article"))] = str(d.get("corpus") or "")
    return out


# ----------------------------------------------------------------------------------------------- the fits


def variant_rows(rows: list[Any], variant: str) -> list[Any]:
    variant = variant.split("@")[0]  # "<features>@v5": only the v5 folds held out (and dev)
    if variant == "all":
        return rows
    if variant == "no37":
        return [replace(e, features={k: v for k, v in e.features.items() if not k.startswith(NEW37)}) for e in rows]
    raise SystemExit(f"unknown variant {variant}")


def lofo(train: list[Any], dev: list[Any], folds: list[set[int]], c: float, variant: str, key: str) -> dict[str, Any]:
    cache = OUT / f"lofo_{variant}_{key}.pkl"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    train, dev = variant_rows(train, variant), variant_rows(dev, variant)
    out: dict[str, Any] = {"folds": []}
    for k, fold in enumerate(folds):
        if variant.endswith("@v5") and min(fold) < V5:
            continue
        fit = [e for e in train if e.round not in fold]
        held = [e for e in train if e.round in fold]
        model = cf.fit_model(fit, c)
        out["folds"].append({"rounds": sorted(fold), "held": np.array([model.raw(e.features, e.learned) for e in held]),
                             "held_y": [e.right for e in held], "held_counted": [e.is_counted for e in held],
                             "held_article": [e.article for e in held], "held_round": [e.round for e in held],
                             "dev": np.array([model.raw(e.features, e.learned) for e in dev])})
        print(f"  {variant}: fold {k} {sorted(fold)} done", file=sys.stderr, flush=True)
    model = cf.fit_model(train, c)
    out["all"] = {"dev": np.array([model.raw(e.features, e.learned) for e in dev])}
    out["uses37"] = {k: v for k, v in model.weights.items() if k.startswith(NEW37)}
    cache.write_bytes(pickle.dumps(out))
    return out


# ------------------------------------------------------------------------------------------------ calibrators
# each: fit(raw, ys, meta) -> apply(raw, meta); meta: one (source, round) per row


def platt_w(raw: Sequence[float], ys: Sequence[bool], weights: Sequence[float] | None = None) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    z = np.array([[logit(p)] for p in raw])
    clf = LogisticRegression(C=1e6, max_iter=5000).fit(z, np.array(ys, dtype=bool), sample_weight=weights)
    return float(clf.coef_[0][0]), float(clf.intercept_[0])


def plain(fit1: Callable[..., Any]) -> Callable[..., Any]:
    def fit(raw: Sequence[float], ys: Sequence[bool], meta: Sequence[tuple[str, int]]) -> Callable[..., np.ndarray]:
        cal = fit1(raw, ys)
        return lambda r, m: cal(np.asarray(r))
    return fit


def per_source(raw: Sequence[float], ys: Sequence[bool], meta: Sequence[tuple[str, int]]) -> Callable[..., np.ndarray]:
    """Platt with a slope (temperature) and an intercept per article source (AllSides, BBC, Reuters); a source
    with too few rows (< 30 or one class) takes the pooled fit."""
    pooled = platt_w(raw, ys)
    fits = {}
    for s in SOURCES:
        idx = [i for i, m in enumerate(meta) if m[0] == s]
        sub_y = [ys[i] for i in idx]
        fits[s] = platt_w([raw[i] for i in idx], sub_y) if len(idx) >= 30 and 0 < sum(sub_y) < len(sub_y) else pooled

    def apply(r: Sequence[float], m: Sequence[tuple[str, int]]) -> np.ndarray:
        return np.array([sigmoid(fits[s][0] * logit(p) + fits[s][1]) for p, (s, _) in zip(r, m)])
    return apply


def weighted(weight_of: Callable[[int], float]) -> Callable[..., Any]:
    def fit(raw: Sequence[float], ys: Sequence[bool], meta: Sequence[tuple[str, int]]) -> Callable[..., np.ndarray]:
        a, b = platt_w(raw, ys, [weight_of(rnd) for _, rnd in meta])
        return lambda r, m: np.array([sigmoid(a * logit(p) + b) for p in r])
    return fit


def recent_only(raw: Sequence[float], ys: Sequence[bool], meta: Sequence[tuple[str, int]]) -> Callable[..., np.ndarray]:
    idx = [i for i, (_, rnd) in enumerate(meta) if rnd >= V5 or rnd == 0]
    a, b = platt_w([raw[i] for i in idx], [ys[i] for i in idx])
    return lambda r, m: np.array([sigmoid(a * logit(p) + b) for p in r])


#: dev rows carry round 0 (dev is drawn with the recent rounds' guidelines in force: judged under v5)
DEV_ROUND = 0

#: name -> (fit, rows it is fitted on): "dev"; "oof" the other folds' held-out scores; "both" the two; "oof v5 + dev"
#: is "both" with only the v5 folds' rows
METHODS: dict[str, tuple[Callable[..., Any], str]] = {
    "isotonic, dev": (plain(cf.iso), "dev"),
    "Platt, dev (shipped default)": (plain(cf.platt), "dev"),
    "Platt per source, dev": (per_source, "dev"),
    "Platt, train held-out (every fold)": (plain(cf.platt), "oof"),
    "Platt, train held-out + dev": (plain(cf.platt), "both"),
    "Platt per source, train held-out + dev": (per_source, "both"),
    "Platt, v5 held-out + dev (recent only)": (recent_only, "both"),
    "Platt, held-out + dev, by round (v5 and dev x1, older x0.25)": (
        weighted(lambda r: 1.0 if r >= V5 or r == DEV_ROUND else 0.25), "both"),
    "Platt, held-out + dev, by round (half-life 10 rounds)": (
        weighted(lambda r: 1.0 if r == DEV_ROUND else 0.5 ** max(0, (47 - r) / 10)), "both"),
}


def calib(train: list[Any], dev: list[Any], folds: list[set[int]], c: float, variant: str, key: str,
          corpus: dict[str, str]) -> dict[str, Any]:
    scores = lofo(train, dev, folds, c, variant, key)
    dev_y = [e.right for e in dev]
    dev_counted = [e.is_counted for e in dev]
    dev_groups = [e.article for e in dev]
    dev_meta = [(source_of(e.article, corpus), DEV_ROUND) for e in dev]
    report: dict[str, Any] = {"uses37": scores.get("uses37")}
    fmeta = [[(source_of(a, corpus), r) for a, r in zip(f["held_article"], f["held_round"])] for f in scores["folds"]]
    for name, (fit, on) in METHODS.items():
        if variant.endswith("@v5") and on != "dev":
            continue  # the other folds' held-out scores are not there
        per_fold: list[dict[str, Any]] = []
        pooled: list[list[Any]] = [[], []]
        for k, f in enumerate(scores["folds"]):
            others = [j for j in range(len(scores["folds"])) if j != k]
            o_raw = [p for j in others for p in scores["folds"][j]["held"]]
            o_y = [y for j in others for y in scores["folds"][j]["held_y"]]
            o_meta = [m for j in others for m in fmeta[j]]
            if on == "dev":
                cal = fit(list(f["dev"]), dev_y, dev_meta)
            elif on == "oof":
                cal = fit(o_raw, o_y, o_meta)
            else:
                cal = fit(o_raw + list(f["dev"]), o_y + dev_y, o_meta + dev_meta)
            probs = cal(f["held"], fmeta[k])
            sel = [i for i, cc in enumerate(f["held_counted"]) if cc]
            p, y = [float(probs[i]) for i in sel], [f["held_y"][i] for i in sel]
            # the ECE a model calibrated exactly would show on the fold by chance: verdicts drawn from its own
            # confidences 200 times (mean and 90th percentile)
            rng = np.random.default_rng(0)
            chance = [cf.ece(p, list(rng.random(len(p)) < np.array(p))) for _ in range(200)]
            per_fold.append({"rounds": f["rounds"], **cf.metrics(p, y), "mean_p": float(np.mean(p)),
                             "rate": float(np.mean(y)), "chance": (float(np.mean(chance)), float(np.percentile(chance, 90))),
                             "by_source": {s: (float(np.mean([p[j] for j, i in enumerate(sel) if fmeta[k][i][0] == s] or [0])),
                                               float(np.mean([y[j] for j, i in enumerate(sel) if fmeta[k][i][0] == s] or [0])),
                                               sum(1 for i in sel if fmeta[k][i][0] == s)) for s in SOURCES}})
            pooled[0] += p
            pooled[1] += y
        raw = scores["all"]["dev"]
        if on == "dev":
            dev_probs = np.zeros(len(raw))
            for tr, te in cf.article_folds(dev_groups):
                cal = fit([raw[i] for i in tr], [dev_y[i] for i in tr], [dev_meta[i] for i in tr])
                dev_probs[te] = cal(raw[te], [dev_meta[i] for i in te])
        else:
            all_raw = [p for g in scores["folds"] for p in g["held"]]
            all_y = [y for g in scores["folds"] for y in g["held_y"]]
            all_meta = [m for fm in fmeta for m in fm]
            if on == "oof":
                dev_probs = fit(all_raw, all_y, all_meta)(raw, dev_meta)
            else:
                dev_probs = np.zeros(len(raw))
                for tr, te in cf.article_folds(dev_groups):
                    cal = fit(all_raw + [raw[i] for i in tr], all_y + [dev_y[i] for i in tr],
                              all_meta + [dev_meta[i] for i in tr])
                    dev_probs[te] = cal(raw[te], [dev_meta[i] for i in te])
        sel = [i for i, cc in enumerate(dev_counted) if cc]
        dp, dy = [float(dev_probs[i]) for i in sel], [dev_y[i] for i in sel]
        late = [f for f in per_fold if f["rounds"][0] >= V5]
        report[name] = {"folds": per_fold, "pooled": cf.metrics(*pooled), "dev": cf.metrics(dp, dy),
                        "dev_table": reliability(dp, dy)[0],
                        "mean_fold_ece": float(np.mean([f["ece"] for f in per_fold])),
                        "mean_fold_ap": float(np.mean([f["ap"] for f in per_fold])),
                        "mean_late_ece": float(np.mean([f["ece"] for f in late])),
                        "mean_late_ap": float(np.mean([f["ap"] for f in late])), "late_folds": late}
    return report


def show(reports: dict[str, dict[str, Any]]) -> str:
    lines = ["| features, calibration | mean fold ECE · AP | mean v5-fold ECE (4) · AP | pooled folds ECE · AP · >= 0.8 | "
             "dev ECE · AP · >= 0.8 |", "|---|---|---|---|---|"]
    for variant, report in reports.items():
        for name, r in report.items():
            if name == "uses37":
                continue
            p, d = r["pooled"], r["dev"]
            lines.append(f"| {variant}, {name} | {r['mean_fold_ece']:.4f} · {r['mean_fold_ap']:.4f} | "
                         f"{r['mean_late_ece']:.4f} · {r['mean_late_ap']:.4f} | {p['ece']:.4f} · {p['ap']:.4f} · {cf.top(p)} | "
                         f"{d['ece']:.4f} · {d['ap']:.4f} · {cf.top(d)} |")
    lines += ["", "The v5 folds apart (ECE · AP · >= 0.8 right):", ""]
    first = next(iter(reports.values()))
    late_names = [",".join(map(str, f["rounds"])) for f in next(v for k, v in first.items() if k != "uses37")["late_folds"]]
    lines.append("| features, calibration | " + " | ".join(f"rounds {n}" for n in late_names) + " |")
    lines.append("|---|" + "---|" * len(late_names))
    for variant, report in reports.items():
        for name, r in report.items():
            if name == "uses37":
                continue
            lines.append(f"| {variant}, {name} | " + " | ".join(
                f"{f['ece']:.3f} · {f['ap']:.3f} · {cf.top(f)}" for f in r["late_folds"]) + " |")
    lines += ["", "Drift: mean confidence against rate right per fold (counted events; Platt on dev), and by source:", ""]
    for variant, report in reports.items():
        r = report["Platt, dev (shipped default)"]
        lines.append(f"| {variant}: rounds | events | mean confidence | right | AllSides p/rate (n) | BBC | Reuters | ECE | "
                     "ECE of a calibrated model by chance (mean, 90th pct.) |")
        lines.append("|---|---|---|---|---|---|---|---|---|")
        for f in r["folds"]:
            bs = f["by_source"]
            lines.append(f"| {','.join(map(str, f['rounds']))} | {f['n']} | {f['mean_p']:.3f} | {f['rate']:.3f} | " + " | ".join(
                f"{bs[s][0]:.3f}/{bs[s][1]:.3f} ({bs[s][2]})" for s in SOURCES)
                         + f" | {f['ece']:.3f} | {f['chance'][0]:.3f}, {f['chance'][1]:.3f} |")
        lines.append("")
        lines.append(f"{variant}: the weights of session 37's features in the model fitted on every fold: {report['uses37']}")
        lines.append("")
    lines.append("Dev reliability (counted events; bin: events, mean confidence, right):")
    lines.append("")
    for variant, report in reports.items():
        for name in ("isotonic, dev", "Platt, dev (shipped default)"):
            lines.append(f"- {variant}, {name}: " + "; ".join(
                f"{b['bin']}: {b['events']}, {b['mean_confidence']:.3f}, {b['right']:.3f}" for b in report[name]["dev_table"]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labels", default="eval/news/labels.jsonl")
    parser.add_argument("--rows", type=Path, default=ROOT / "build" / "crossfit_rows.pkl")
    parser.add_argument("--model", type=Path, default=ROOT / "build" / "confidence_crossfit.json",
                        help="the crossfit's model, whose first-stage C is used")
    parser.add_argument("--variants", default="all,no37")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    c = float(json.loads(args.model.read_text(encoding="utf-8"))["meta"].get("c", 0.3))
    train, dev, folds = cf.load_rows(args.rows, args.labels)
    key = cf.rows_key(args.rows, c)
    corpus = corpora(args.labels)
    reports = {}
    for variant in [v.strip() for v in args.variants.split(",") if v.strip()]:
        reports[variant] = calib(train, dev, folds, c, variant, key, corpus)
    (OUT / "report.pkl").write_bytes(pickle.dumps(reports))
    print(show(reports))
    return 0


if __name__ == "__main__":
    sys.exit(main())
