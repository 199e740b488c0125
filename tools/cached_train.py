"""``dateline train`` with the model's parse read from build/parse_cache (as tools/cached_eval.py), so that
the confidence model can be refitted and compared in minutes; the same model as the command's when the
cache holds the same parse. Writes the model where ``--out`` says (not the package's by default).

    nice .venv/bin/python tools/cached_train.py --out build/confidence_model.json --exclude-rounds 78,79,80,81,82,83,84,85,86,87,88,89,90,91 [--no-learned]

``--rows FILE`` keeps the judged events' features (pickle) on the first run and reads them on the next,
so a refit takes seconds. ``--check`` then tests the second stage (dateline.confidence.Stage) two ways:
a paired bootstrap by dev article (2,000 resamples) of the counted events' average precision, the model
against its first stage alone; and the other way round, the stage fitted on dev (C by grouped CV) and
scored on the train rounds it is fitted on in the product (the model's ``meta.stage.rounds``: those whose rows
the learned components never saw; every round for a cross-fitted model, with tools/crossfit_train.py's rows), with
their first-stage scores cross-fitted by article and the calibration cross-fitted by article there.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cached_eval import use_parse_cache  # noqa: E402

from dateline.train import train  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labels", default="eval/news/labels.jsonl")
    parser.add_argument("--news", default="../shared/data/news")
    parser.add_argument("--out", default="build/confidence_model.json")
    parser.add_argument("--exclude-rounds", default=None,
                        help="train rounds left out (default: eval/news/blind_rounds.json's, '' for none)")
    parser.add_argument("--no-learned", action="store_true")
    parser.add_argument("--rows", help="keep (first run) or read (next runs) the judged events' features here")
    parser.add_argument("--check", action="store_true", help="bootstrap and reverse check of the second stage")
    parser.add_argument("--check-model", help="only --check this model file with the --rows given (e.g. the model and "
                        "rows of tools/crossfit_train.py), training nothing")
    args = parser.parse_args(argv)
    if args.check_model:
        if not args.rows:
            parser.error("--check-model needs --rows")
        check(Path(args.rows), Path(args.check_model))
        return 0
    use_parse_cache()
    if args.rows:
        _keep_rows(Path(args.rows))
    report = train(args.labels, args.news, args.out, learned=not args.no_learned,
                   exclude_rounds=None if args.exclude_rounds is None
                   else tuple(int(r) for r in args.exclude_rounds.split(",") if r.strip()))
    dev = report["dev"]
    print(json.dumps({"labels": report["labels"], "c": report["c"], "cv_log_loss": report["cv_log_loss"],
                      "stage": report["stage"], "threshold": dev["threshold"], "ece_cross_fitted": dev["ece_cross_fitted"],
                      "cross_fitted": dev.get("cross_fitted"), "cross_fitted_first_stage": dev.get("cross_fitted_first_stage")},
                     indent=1))
    if args.check and args.rows:
        check(Path(args.rows), Path(args.out))
    return 0


def _keep_rows(path: Path) -> None:
    """``dateline.train.examples`` read from (or written to) ``path``, by split."""
    import dateline.train as training

    original = training.examples
    kept: dict[str, list[Any]] = pickle.loads(path.read_bytes()) if path.exists() else {}

    def examples(labels: Any, split: str, news_dir: Any, *, limit: int | None = None) -> list[Any]:
        ids = {str(a["id"]) for a in labels.split(split).articles}
        if split in kept:
            return [e for e in kept[split] if e.article in ids]
        kept[split] = original(labels, split, news_dir, limit=limit)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(kept))
        return kept[split]

    training.examples = examples  # type: ignore[assignment]


def check(rows_path: Path, model_path: Path, n: int = 2000) -> None:
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import average_precision_score
    from sklearn.model_selection import GroupKFold

    from dateline.confidence import Model
    from dateline.train import cross_fitted_summary, fit_stage

    rows = pickle.loads(rows_path.read_bytes())
    model = Model.from_dict(json.loads(model_path.read_text(encoding="utf-8")))
    meta = model.meta
    dev = rows["dev"]
    train_rows = [e for e in rows["train"] if e.round not in set(meta["labels"].get("excluded_rounds") or ())]
    first = np.array([model.raw1(e.features) for e in dev])
    final = np.array([model.raw(e.features, e.learned) for e in dev])
    ys = np.array([e.right for e in dev])
    names = sorted({e.article for e in dev})
    by: dict[str, list[int]] = {g: [] for g in names}
    for i, e in enumerate(dev):
        if e.is_counted:
            by[e.article].append(i)
    rng = np.random.default_rng(0)
    diffs = []
    for _ in range(n):
        idx = np.concatenate([by[names[k]] for k in rng.integers(0, len(names), len(names))]).astype(int)
        diffs.append(average_precision_score(ys[idx], final[idx]) - average_precision_score(ys[idx], first[idx]))
    full = np.array([i for i, e in enumerate(dev) if e.is_counted])
    d = average_precision_score(ys[full], final[full]) - average_precision_score(ys[full], first[full])
    print(f"dev counted AP, model - first stage: {d:+.4f} (95% {np.percentile(diffs, 2.5):+.4f} .. "
          f"{np.percentile(diffs, 97.5):+.4f}, P(<=0) {np.mean(np.array(diffs) <= 0):.3f})")
    # the other way round: the stage fitted on dev, scored on the train rounds whose rows were out of sample for
    # the learned components: those the model's second stage was fitted on (meta.stage.rounds; every train round
    # when cross-fitted, tools/crossfit_train.py, whose rows file then must be the cross-fitted one)
    stage_meta = meta.get("stage") or {}
    out_of_sample = set(stage_meta.get("rounds") or ()) if stage_meta.get("fitted") else set()
    if "crossfit" in (stage_meta.get("components_fitted_on_rounds") or {}) and not (rows.get("meta") or {}).get("crossfit"):
        print("reverse: not checked: the model is cross-fitted but these rows were coded with the shipped components "
              "(in sample on every train round); pass the --rows file of tools/crossfit_train.py")
        return
    if not out_of_sample:
        print("reverse: not checked: the model names no train round out of sample for the learned components "
              "(meta.stage.rounds)")
        return
    vec = DictVectorizer()
    x = vec.fit_transform([e.features for e in train_rows])
    y = np.array([e.right for e in train_rows])
    oof = np.zeros(len(train_rows))
    for fit, held in GroupKFold(5).split(x, y, [e.article for e in train_rows]):
        oof[held] = LogisticRegression(C=meta["c"], max_iter=5000).fit(x[fit], y[fit]).predict_proba(x[held])[:, 1]
    late = [i for i, e in enumerate(train_rows) if e.round in out_of_sample]
    stage, c, loss = fit_stage(dev, [float(p) for p in first])
    late_rows = [train_rows[i] for i in late]
    base = [float(oof[i]) for i in late]
    scored = [stage.raw(p, e.learned) for p, e in zip(base, late_rows)]
    print(f"reverse: stage fitted on dev (C {c}), scored on {len(late_rows)} events of train rounds "
          f"{sorted({e.round for e in late_rows})}")
    for name, raw in (("first stage", base), ("with the stage", scored)):
        print(f"  {name}: {json.dumps(cross_fitted_summary(raw, late_rows))}")


if __name__ == "__main__":
    sys.exit(main())
