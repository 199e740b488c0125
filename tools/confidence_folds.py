"""Session 37 (confidence37): does the confidence's calibration hold on rounds it was not fitted on, and where does
the F1 of precision and recall peak as the threshold rises?

Three steps, each reading what the one before cached under ``build/c37/``:

``code --split S``: code a split's labelled articles (the blind rounds out) with the model's parse cached, keeping
every event's confidence features (``dateline.confidence.event_features``) and learned probabilities beside it, so
that any confidence model can score the events again without coding them again::

    nice .venv/bin/python tools/confidence_folds.py code --split dev
    nice .venv/bin/python tools/confidence_folds.py code --split train

``calib``: leave-one-fold-out over ``tools/crossfit_train.FOLDS`` on the cross-fitted train rows of
``tools/crossfit_train.py --rows`` (the blind rounds out): for each fold the confidence model (first stage with the
installed model's C, second stage with its C by grouped CV, as ``dateline.train``) is fitted on the other folds and
calibrated by each method, and the fold's counted judged events are scored: ECE (10 equal-width bins), average
precision of the confidence, and the precision of the events at >= 0.8. Dev is scored with the model fitted on every
train fold, its calibration cross-fitted by dev article (5 folds) where the method calibrates on dev::

    nice .venv/bin/python tools/confidence_folds.py calib --rows build/crossfit_rows.pkl

``f1``: the F1 of precision and recall (``dateline.newseval.score``) as the threshold rises, on dev (the installed
model's confidences, as the product counts) and on each held-out train fold (its events scored by the model fitted
without the fold, calibrated on dev as the installed model is: Platt where its ``meta.calibration`` says so, else
isotonic). The leave-one-fold-out fits are cached by a hash of the rows file (``build/c37/lofo_*``)::

    nice .venv/bin/python tools/confidence_folds.py f1 --rows build/crossfit_rows.pkl

Session 45 (conf45): ``calib --against MODEL[,MODEL]`` scores fixed model files too (their own weights and stored
calibration, no refit) on the same held-out folds' and dev's counted events, beside the leave-one-fold-out refits: a
model fitted on some of those rounds is in sample there, so its figures flatter it, said in the table's name. The
variant ``drop:PREFIX`` refits without the features whose names start with PREFIX (``drop:doc_``: the model without a
feature group, on the same rows); ``vocab:MODEL`` refits with only the features the model file MODEL weighs (the
shipped model's vocabulary: what weighing the rule names it never saw adds, out of sample on both sides)::

    nice .venv/bin/python tools/confidence_folds.py calib --rows build/crossfit_rows.pkl --variants shipped,drop:doc_ \
        --against src/dateline/data/confidence/model.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import pickle
import sys
from dataclasses import replace
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

import numpy as np  # noqa: E402

from dateline.confidence import Model, logit, sigmoid  # noqa: E402

OUT = ROOT / "build" / "c37"
#: the thresholds the F1 curve is measured at (the brief's 0, 0.05, ... 0.5)
CUTS = tuple(round(0.05 * i, 2) for i in range(11))
#: the later folds, labelled under guidelines v5 like the blind rounds: reported apart
LATE = {38, 39, 40, 41, 42, 43, 44, 45}
STASH = "c37"


# ----------------------------------------------------------------------------------------------------------- code


def code(split: str, labels_path: str, news: str, exclude: str | None) -> None:
    import dateline.confidence as confidence
    from cached_eval import excluded_rounds, use_parse_cache
    from dateline.newseval import code_articles, corpus_texts, load_labels

    original = confidence.score_events

    def score_events(doc: Any, model: Any = None) -> Any:
        out = original(doc, model)
        context = confidence.DocContext.of(doc)
        for event in doc._.events or []:
            if isinstance(event.get("evidence"), dict):
                event["evidence"][STASH] = {"f": confidence.event_features(event, doc, context),
                                            "l": confidence.learned_features(event)}
        return out

    confidence.score_events = score_events  # type: ignore[assignment]
    use_parse_cache()
    labels = load_labels(labels_path)
    labels = labels.rounds(excluded_rounds(exclude, labels_path), keep=False)
    part = labels.split(split)
    texts = corpus_texts(part.articles, news)
    coded = code_articles(texts, [a["id"] for a in part.articles])
    missing = sum(1 for r in coded.values() for e in r["events"] if STASH not in (e.get("evidence") or {}))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{split}_coded.pkl").write_bytes(pickle.dumps(coded))
    print(f"{split}: {len(coded)} records, {sum(len(r['events']) for r in coded.values())} events, "
          f"{missing} without their features", file=sys.stderr)


# ------------------------------------------------------------------------------------------------------ the model


def fit_first(rows: Sequence[Any], c: float, weights: np.ndarray | None = None) -> tuple[dict[str, float], float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([e.features for e in rows])
    y = np.array([e.right for e in rows])
    clf = LogisticRegression(C=c, max_iter=5000).fit(x, y, sample_weight=weights)
    return ({n: float(w) for n, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) > 1e-6},
            float(clf.intercept_[0]))


def fit_model(rows: Sequence[Any], c: float, weights: np.ndarray | None = None) -> Model:
    """dateline.train's two stages on ``rows`` (the first stage's C fixed; its probabilities for the second stage
    cross-fitted by article in 5 folds; the second stage's C by grouped CV, as fit_stage), uncalibrated."""
    from sklearn.model_selection import GroupKFold

    from dateline.train import fit_stage

    first_w, first_b = fit_first(rows, c, weights)
    model = Model(first_w, first_b)
    oof = np.full(len(rows), 0.5)
    groups = [e.article for e in rows]
    idx = np.arange(len(rows))
    for fit, held in GroupKFold(5).split(idx, idx, groups):
        w, b = fit_first([rows[i] for i in fit], c, None if weights is None else weights[fit])
        part = Model(w, b)
        for i in held:
            oof[i] = part.raw1(rows[i].features)
    stage, _, _ = fit_stage(list(rows), [float(p) for p in oof])
    model.stage = stage
    return model


# ------------------------------------------------------------------------------------------------- calibrators


def iso(raw: Sequence[float], ys: Sequence[bool]) -> Callable[[np.ndarray], np.ndarray]:
    from sklearn.isotonic import IsotonicRegression

    fitted = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(list(raw), list(ys))
    xs, vals = list(fitted.X_thresholds_), list(fitted.y_thresholds_)
    probe = Model({}, 0.0, [round(float(x), 6) for x in xs], [round(float(v), 6) for v in vals])
    return lambda r: np.array([probe.calibrate(float(p)) for p in r])


def platt(raw: Sequence[float], ys: Sequence[bool]) -> Callable[[np.ndarray], np.ndarray]:
    """The calibration ``dateline train`` fits (:func:`dateline.train.calibration_table`: Platt scaling, tabulated)."""
    from dateline.train import calibration_table

    probe = Model({}, 0.0, *calibration_table([float(p) for p in raw], list(ys)))
    return lambda r: np.array([probe.calibrate(float(p)) for p in r])


def temperature(raw: Sequence[float], ys: Sequence[bool]) -> Callable[[np.ndarray], np.ndarray]:
    """One scale of the logit, no shift (a temperature), by log loss."""
    z = np.array([logit(p) for p in raw])
    y = np.array(ys, dtype=float)
    best, best_loss = 1.0, float("inf")
    for a in np.arange(0.5, 1.51, 0.01):
        p = np.clip(1 / (1 + np.exp(-a * z)), 1e-6, 1 - 1e-6)
        loss = -float(np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
        if loss < best_loss:
            best, best_loss = float(a), loss
    return lambda r: np.array([sigmoid(best * logit(p)) for p in r])


def ident(raw: Sequence[float], ys: Sequence[bool]) -> Callable[[np.ndarray], np.ndarray]:
    return lambda r: np.asarray(r, dtype=float)


#: method -> (calibrator, fitted on): "dev" the dev split (as `dateline train` does), "oof" the train rows' held-out scores of
#: the other folds, "both" the two together
METHODS: dict[str, tuple[Callable[..., Any], str]] = {
    "isotonic, dev": (iso, "dev"), "Platt, dev": (platt, "dev"), "temperature, dev": (temperature, "dev"),
    "isotonic, train held-out": (iso, "oof"), "Platt, train held-out": (platt, "oof"),
    "temperature, train held-out": (temperature, "oof"), "isotonic, train held-out + dev": (iso, "both"),
    "Platt, train held-out + dev": (platt, "both"), "none (raw)": (ident, "dev"),
}


# ------------------------------------------------------------------------------------------------------ metrics


def ece(probs: Sequence[float], ys: Sequence[bool], bins: int = 10) -> float:
    from dateline.train import reliability

    return reliability(list(probs), list(ys), bins)[1]


def metrics(probs: Sequence[float], ys: Sequence[bool]) -> dict[str, Any]:
    from sklearn.metrics import average_precision_score

    top = [y for p, y in zip(probs, ys) if p >= 0.8]
    seven = [y for p, y in zip(probs, ys) if p >= 0.7]
    half = [y for p, y in zip(probs, ys) if p >= 0.5]
    return {"n": len(ys), "right": int(sum(ys)), "ece": ece(probs, ys),
            "ap": float(average_precision_score(list(ys), list(probs))) if 0 < sum(ys) < len(ys) else float("nan"),
            "top": (int(sum(top)), len(top)), "seven": (int(sum(seven)), len(seven)),
            "half": (int(sum(half)), len(half))}


def article_folds(groups: Sequence[str], folds: int = 5) -> Iterator[tuple[list[int], list[int]]]:
    """(fit rows, held rows) of each of ``folds`` folds by article (``groups``: each row's article, the articles
    sorted and dealt in turn, as dateline.train)."""
    names = sorted(set(groups))
    for fold in range(folds):
        held = {g for i, g in enumerate(names) if i % folds == fold}
        yield [i for i, g in enumerate(groups) if g not in held], [i for i, g in enumerate(groups) if g in held]


def cross_fitted(fit: Callable[..., Any], raw: np.ndarray, ys: Sequence[bool], groups: Sequence[str],
                 folds: int = 5) -> np.ndarray:
    """Each dev event calibrated by ``fit`` on the other dev articles (5 folds by article, as dateline.train)."""
    out = np.zeros(len(raw))
    for tr, te in article_folds(groups, folds):
        cal = fit([raw[i] for i in tr], [ys[i] for i in tr])
        out[te] = cal(raw[te])
    return out


# ------------------------------------------------------------------------------------------------------- calib


def load_rows(path: Path, labels_path: str) -> tuple[list[Any], list[Any], list[set[int]]]:
    from crossfit_train import FOLDS, parse_folds
    from dateline.newseval import blind_rounds

    kept = pickle.loads(path.read_bytes())
    excluded = set(blind_rounds(labels_path))
    if excluded & {e.round for e in kept["train"]}:
        raise SystemExit(f"{path} holds rows of blind rounds {sorted(excluded & {e.round for e in kept['train']})}")
    return kept["train"], kept["dev"], parse_folds(FOLDS, excluded)


def rows_key(rows_path: Path, c: float) -> str:
    """The key of the lofo cache: a hash of the rows file and the first stage's C, so that new rows refit."""
    return hashlib.sha1(rows_path.read_bytes() + repr(c).encode()).hexdigest()[:12]


def lofo(train: list[Any], dev: list[Any], folds: list[set[int]], c: float, variant: str, key: str) -> dict[str, Any]:
    """Leave-one-fold-out raw scores: each fold's rows and dev under the model fitted on the other folds; and dev
    under the model fitted on every fold (cached under ``key``, :func:`rows_key`)."""
    cache = OUT / f"lofo_{variant.replace('/', 'div').replace(' ', '_').replace(':', '-')}_{key}.pkl"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    train, dev = variant_rows(train, variant), variant_rows(dev, variant)
    out: dict[str, Any] = {"folds": []}
    for k, fold in enumerate(folds):
        fit = [e for e in train if e.round not in fold]
        held = [e for e in train if e.round in fold]
        model = fit_model(fit, *variant_args(variant, fit, c))
        out["folds"].append({"rounds": sorted(fold), "held": np.array([model.raw(e.features, e.learned) for e in held]),
                             "held_y": [e.right for e in held], "held_counted": [e.is_counted for e in held],
                             "dev": np.array([model.raw(e.features, e.learned) for e in dev]), "model": model})
        print(f"  {variant}: fold {k} {sorted(fold)} done", file=sys.stderr)
    model = fit_model(train, *variant_args(variant, train, c))
    out["all"] = {"dev": np.array([model.raw(e.features, e.learned) for e in dev]), "model": model}
    cache.write_bytes(pickle.dumps(out))
    return out


def variant_rows(rows: list[Any], variant: str) -> list[Any]:
    """The rows a variant is fitted and scored on: "drop:PREFIX" leaves out the features whose names start with
    PREFIX (a feature group, session 45); "vocab:MODEL" keeps only the features the model file MODEL weighs (the
    shipped model's vocabulary: the refit without the rule names it never saw); every other variant the rows as they
    are."""
    if variant.startswith("vocab:"):  # only the features a model file weighs (its vocabulary, e.g. an older model's)
        known = set(json.loads(Path(variant[len("vocab:"):]).read_text(encoding="utf-8"))["weights"])
        return [replace(e, features={k: v for k, v in e.features.items() if k in known}) for e in rows]
    if not variant.startswith("drop:"):
        return rows
    prefix = variant[len("drop:"):]
    return [replace(e, features={k: v for k, v in e.features.items() if not k.startswith(prefix)}) for e in rows]


def variant_args(variant: str, rows: Sequence[Any], c: float) -> tuple[float, np.ndarray | None]:
    """(C, sample weights) of a variant of the first stage: "shipped" (and "drop:PREFIX", whose rows differ, not its
    fit); "c/3" (three times the L2); "late x3" (the rounds of guidelines v5, 38 on, weighted three times)."""
    if variant == "shipped" or variant.startswith(("drop:", "vocab:")):
        return c, None
    if variant == "c/3":
        return c / 3, None
    if variant == "late x3":
        return c, np.array([3.0 if e.round in LATE else 1.0 for e in rows])
    raise SystemExit(f"unknown variant {variant}")


def fixed(train: list[Any], dev: list[Any], folds: list[set[int]], path: Path) -> dict[str, Any]:
    """A model file scored as it is (its weights, second stage and stored calibration; no refit) on each fold's
    counted judged rows and on dev's: the report of :func:`calib`'s shape."""
    model = Model.from_dict(json.loads(path.read_text(encoding="utf-8")))
    per_fold, pooled, late = [], ([], []), ([], [])
    for fold in folds:
        held = [e for e in train if e.round in fold and e.is_counted]
        p, y = [model.predict(e.features, e.learned) for e in held], [e.right for e in held]
        per_fold.append({"rounds": sorted(fold), **metrics(p, y)})
        pooled[0].extend(p)
        pooled[1].extend(y)
        if fold & LATE:
            late[0].extend(p)
            late[1].extend(y)
    counted = [e for e in dev if e.is_counted]
    return {"folds": per_fold, "pooled": metrics(*pooled), "late": metrics(*late),
            "dev": metrics([model.predict(e.features, e.learned) for e in counted], [e.right for e in counted]),
            "mean_fold_ece": float(np.mean([f["ece"] for f in per_fold])),
            "late_folds": [f for f in per_fold if set(f["rounds"]) & LATE]}


def calib(rows_path: Path, labels_path: str, c: float, variants: Sequence[str],
          against: Sequence[Path] = ()) -> dict[str, Any]:
    train, dev, folds = load_rows(rows_path, labels_path)
    report: dict[str, Any] = {}
    for path in against:
        fitted = json.loads(path.read_text(encoding="utf-8")).get("meta", {}).get("labels", {})
        report[f"model {path} as it is (fitted on the rounds but {fitted.get('excluded_rounds')}: in sample there)"] = \
            fixed(train, dev, folds, path)
    dev_y = [e.right for e in dev]
    dev_counted = [e.is_counted for e in dev]
    dev_groups = [e.article for e in dev]
    for variant in variants:
        scores = lofo(train, dev, folds, c, variant, rows_key(rows_path, c))
        for name, (fit, on) in METHODS.items():
            if variant != "shipped" and on != "dev" and name != "isotonic, train held-out":
                continue
            pooled: dict[str, list[Any]] = {"all": [[], []], "late": [[], []]}
            per_fold = []
            for k, f in enumerate(scores["folds"]):
                others = [g for j, g in enumerate(scores["folds"]) if j != k]
                oof_raw = [p for g in others for p in g["held"]]
                oof_y = [y for g in others for y in g["held_y"]]
                if on == "dev":
                    cal = fit(list(f["dev"]), dev_y)
                elif on == "oof":
                    cal = fit(oof_raw, oof_y)
                else:
                    cal = fit(oof_raw + list(f["dev"]), oof_y + dev_y)
                probs = cal(f["held"])
                sel = [i for i, cc in enumerate(f["held_counted"]) if cc]
                p, y = [float(probs[i]) for i in sel], [f["held_y"][i] for i in sel]
                per_fold.append({"rounds": f["rounds"], **metrics(p, y)})
                pooled["all"][0] += p
                pooled["all"][1] += y
                if set(f["rounds"]) & LATE:
                    pooled["late"][0] += p
                    pooled["late"][1] += y
            raw = scores["all"]["dev"]
            if on == "dev":
                dev_probs = cross_fitted(fit, raw, dev_y, dev_groups)
            else:
                all_raw = [p for g in scores["folds"] for p in g["held"]]
                all_y = [y for g in scores["folds"] for y in g["held_y"]]
                if on == "oof":
                    dev_probs = fit(all_raw, all_y)(raw)
                else:  # the dev part cross-fitted by article
                    dev_probs = np.zeros(len(raw))
                    for tr, te in article_folds(dev_groups):
                        cal = fit(all_raw + [raw[i] for i in tr], all_y + [dev_y[i] for i in tr])
                        dev_probs[te] = cal(raw[te])
            sel = [i for i, cc in enumerate(dev_counted) if cc]
            report[f"{variant} | {name}"] = {
                "folds": per_fold, "pooled": metrics(*pooled["all"]), "late": metrics(*pooled["late"]),
                "dev": metrics([float(dev_probs[i]) for i in sel], [dev_y[i] for i in sel]),
                "mean_fold_ece": float(np.mean([f["ece"] for f in per_fold])),
                "late_folds": [f for f in per_fold if set(f["rounds"]) & LATE]}
    return report


def top(m: dict[str, Any]) -> str:
    """A report cell: the right / kept events at confidence >= 0.8 (``metrics``' ``top``) and their share."""
    r, n = m["top"]
    return f"{r}/{n} = {r / n:.3f}" if n else "0/0"


def show(report: dict[str, Any]) -> str:
    lines = ["| variant, calibration | held-out folds ECE · AP · >= 0.8 | folds 38-45 ECE · AP · >= 0.8 | mean fold ECE | "
             "dev ECE · AP · >= 0.8 |", "|---|---|---|---|---|"]
    for name, r in report.items():
        p, late, d = r["pooled"], r["late"], r["dev"]
        lines.append(f"| {name} | {p['ece']:.4f} · {p['ap']:.4f} · {top(p)} | {late['ece']:.4f} · {late['ap']:.4f} · "
                     f"{top(late)} | {r['mean_fold_ece']:.4f} | {d['ece']:.4f} · {d['ap']:.4f} · {top(d)} |")
    lines.append("")
    lines.append("| variant, calibration | " + " | ".join(
        "rounds " + ",".join(map(str, f["rounds"])) for f in next(iter(report.values()))["late_folds"]) + " |")
    lines.append("|---|" + "---|" * len(next(iter(report.values()))["late_folds"]))
    for name, r in report.items():
        lines.append(f"| {name} | " + " | ".join(f"{f['ece']:.3f} · {f['ap']:.3f} · {top(f)}" for f in r["late_folds"])
                     + " |")

    def share(m: dict[str, Any], key: str) -> str:
        r, n = m.get(key, (0, 0))
        return f"{r}/{n}" + (f" = {r / n:.3f}" if n else "")

    lines += ["", "| variant, calibration | held-out folds: events, >= 0.5, >= 0.8 | folds 38-45 | dev |", "|---|---|---|---|"]
    for name, r in report.items():
        lines.append(f"| {name} | " + " | ".join(f"{r[part]['n']}, {share(r[part], 'half')}, {share(r[part], 'top')}"
                                                  for part in ("pooled", "late", "dev")) + " |")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------------------- f1


def rescored(coded: dict[str, Any], confidence_of: Callable[[dict[str, Any]], float | None], cut: float) -> dict[str, Any]:
    """The records with every event's confidence from ``confidence_of`` and ``counted`` at ``cut``."""
    from dateline.confidence import is_counted

    out = {}
    for rid, record in coded.items():
        events = []
        for event in record["events"]:
            e = dict(event)
            value = confidence_of(event)
            if value is not None:
                e["confidence"] = value
            e["counted"] = is_counted(e, cut)
            events.append(e)
        out[rid] = {**record, "events": events}
    return out


def curve(labels: Any, coded: dict[str, Any], texts: dict[str, Any], split: str,
          confidence_of: Callable[[dict[str, Any]], float | None]) -> list[dict[str, Any]]:
    from dateline.newseval import score

    rows = []
    for cut in CUTS:
        s = score(labels, rescored(coded, confidence_of, cut), texts, split)
        rows.append({"cut": cut, "counted": s.counted, "judged": s.counted_judged, "right": s.counted_right,
                     "found": s.gold_found_root, "gold": s.gold_acts, "precision": s.precision, "recall": s.recall,
                     "f1": s.f1})
    return rows


def f1(rows_path: Path, labels_path: str, news: str, c: float) -> dict[str, Any]:
    import dateline.confidence as confidence
    from dateline.newseval import corpus_texts, load_labels

    from cached_eval import excluded_rounds

    labels = load_labels(labels_path)
    labels = labels.rounds(excluded_rounds(None, labels_path), keep=False)
    train_rows, dev_rows, folds = load_rows(rows_path, labels_path)
    scores = lofo(train_rows, dev_rows, folds, c, "shipped", rows_key(rows_path, c))
    report: dict[str, Any] = {}
    dev_coded = pickle.loads((OUT / "dev_coded.pkl").read_bytes())
    dev_texts = corpus_texts(labels.split("dev").articles, news)
    report["dev (installed model)"] = curve(labels, dev_coded, dev_texts, "dev", lambda e: None)
    train_coded = pickle.loads((OUT / "train_coded.pkl").read_bytes())
    train_texts = corpus_texts(labels.split("train").articles, news)
    dev_y = [e.right for e in dev_rows]
    installed = confidence.shipped_model()
    # calibrated as the installed model is: Platt where its meta says so (dateline.train), else isotonic
    calibrate = platt if installed is not None and installed.meta.get("calibration") == "platt" else iso
    for f in scores["folds"]:
        model: Model = f["model"]
        cal = calibrate(list(f["dev"]), dev_y)
        part = labels.rounds(set(f["rounds"]))
        ids = {a["id"] for a in part.articles}
        coded = {k: v for k, v in train_coded.items() if k in ids}

        def confidence_of(event: dict[str, Any], model: Model = model, cal: Any = cal) -> float | None:
            stash = (event.get("evidence") or {}).get(STASH)
            if stash is None:
                return None
            return round(float(cal([model.raw(stash["f"], stash["l"])])[0]), 4)

        report["train " + ",".join(map(str, f["rounds"]))] = curve(part, coded, train_texts, "train", confidence_of)
        print(f"  f1: fold {f['rounds']} done", file=sys.stderr)
    return report


def show_f1(report: dict[str, Any]) -> str:
    lines = ["| rows | " + " | ".join(f"{c:.2f}" for c in CUTS) + " | F1-best |", "|---|" + "---|" * (len(CUTS) + 1)]
    for name, rows in report.items():
        best = max(rows, key=lambda r: r["f1"])
        lines.append(f"| {name} | " + " | ".join(f"{r['f1']:.3f}" for r in rows) + f" | {best['cut']:.2f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("step", choices=("code", "calib", "f1"))
    parser.add_argument("--split", default="dev")
    parser.add_argument("--labels", default="eval/news/labels.jsonl")
    parser.add_argument("--news", default="../shared/data/news")
    parser.add_argument("--exclude-rounds", default=None)
    parser.add_argument("--rows", type=Path, default=ROOT / "build" / "crossfit_rows.pkl")
    parser.add_argument("--model", type=Path, default=ROOT / "build" / "confidence_crossfit.json",
                        help="the crossfit's model, whose meta gives the first stage's C")
    parser.add_argument("--variants", default="shipped", help="comma-separated: shipped, c/3, late x3, drop:PREFIX, "
                        "vocab:MODEL")
    parser.add_argument("--against", default="", help="calib: comma-separated model files scored as they are (no "
                        "refit) on the same rows, beside the refits")
    args = parser.parse_args(argv)
    if args.step == "code":
        code(args.split, args.labels, args.news, args.exclude_rounds)
        return 0
    c = float(json.loads(args.model.read_text(encoding="utf-8"))["meta"]["c"])
    OUT.mkdir(parents=True, exist_ok=True)
    if args.step == "calib":
        report = calib(args.rows, args.labels, c, [v.strip() for v in args.variants.split(",") if v.strip()],
                       [Path(p) for p in args.against.split(",") if p.strip()])
        (OUT / "calib.json").write_text(json.dumps(report, indent=1, default=str) + "\n", encoding="utf-8")
        print(show(report))
    else:
        report = f1(args.rows, args.labels, args.news, c)
        (OUT / "f1.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
        print(show_f1(report))
        for name, rows in report.items():
            print(name)
            for r in rows:
                print(f"  >= {r['cut']:.2f}: counted {r['counted']}, right {r['right']}/{r['judged']} = "
                      f"{r['precision']:.4f}, recall {r['found']}/{r['gold']} = {r['recall']:.4f}, F1 {r['f1']:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
