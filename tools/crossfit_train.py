"""Session 27 (crossfit): the confidence model trained on train articles each coded with learned components
fitted WITHOUT them (cross-fitting), so that the shipped side chooser and root correction can be fitted on
every train round while the confidence's second stage still reads out-of-sample probabilities.

For each fold of train rounds (``--folds``), the side chooser and the root correction are each refitted on the
rounds it is shipped fitted on (its ``meta.fitted_rounds``) less the fold's, with the shipped models' own settings (their ``meta``: C, margins, fill, groups; the root
correction's variant, C, rule, margins and domain), from the rows their tools cached (build/learned_sides.pkl,
build/learned_roots.pkl, written by ``make train-learned``); the fold's articles are then coded with those
fold models. The confidence model (``dateline.train.train``) is then fitted on those rows: the first stage on
all of them (its C by 5-fold CV grouped by article, as always) and the second stage on all of them too, since
no train article was coded by a component fitted on it; dev is coded with the shipped components (never
fitted on dev) and calibrates, as before.

    nice .venv/bin/python tools/crossfit_train.py --cached-parse \
        --out src/dateline/data/confidence/model.json --rows build/crossfit_rows.pkl

``--rows FILE`` keeps the coded rows (train cross-fitted, dev) so that a rerun takes seconds; ``tools/cached_train.py
--rows FILE --check-model MODEL`` then checks this model with them (the reverse check on every train round, all
out of sample for the fold components). The fold models are written
under build/crossfit/. One leak is left and named: the root correction's cached rows were coded with the
shipped side chooser (as ``make train-learned`` codes them), which saw every fold; it touches only the side
features of the rows the fold's root correction is fitted on.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

#: The default folds: train rounds 1-25 in five groups of about 240-360 articles, in labelling order, rounds 26-27
#: in a sixth (120 articles), 28-29 in a seventh (113), 30-31 in an eighth (96), 32-33 in a ninth (74), 34-35 in a
#: tenth (52), 36-37 in an eleventh (48), 38-41 in a twelfth (90), 42-43 in a thirteenth (44), 44-45 in a
#: fourteenth (36), 46-47 in a fifteenth (36), 48-49 in a sixteenth (33), 50-51, 52-53 and 54-55 in three more (32
#: each), 56-61 (92), 62-67 (96), 68-73 (96) and 74-77 (62) in four more (session 47, refit47: released into the fits
#: for that run with --exclude-rounds 78-85), the blind rounds 78-115 and 122-133 in one more, and 116-121 (session 57: train rounds of
#: long AllSides articles, 1401-2000 words, read as any train round) in the last. The blind rounds are taken out of
#: every fold at run time; a fold left empty is dropped. A new labelling round must be added here (the run says so).
FOLDS = "1,3,4;6,7,8,10;11,12,14,15;16,17,18,19;20,21,22,23,24,25;26,27;28,29;30,31;32,33;34,35;36,37;38,39,40,41;42,43;44,45;46,47;48,49;50,51;52,53;54,55;56,57,58,59,60,61;62,63,64,65,66,67;68,69,70,71,72,73;74,75,76,77;78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100,101,102,103,104,105,106,107,108,109,110,111,112,113,114,115,122,123,124,125,126,127,128,129,130,131,132,133;116,117,118,119,120,121"


def parse_folds(text: str, excluded: set[int]) -> list[set[int]]:
    """The folds of ``text`` (:data:`FOLDS`' format: ';'-separated lists of rounds) less the ``excluded`` rounds;
    a fold left empty is dropped."""
    folds = [{int(r) for r in f.split(",") if r.strip()} - excluded for f in text.split(";") if f.strip()]
    return [fold for fold in folds if fold]


def fold_sides(rows: list[dict[str, Any]], fit_rounds: set[int], shipped: Any, out: Path) -> Any:
    """The side chooser with the shipped model's settings, fitted on the train rows of ``fit_rounds``."""
    import learned_sides as ls
    from dateline import sides_model

    meta = shipped.meta
    ls.USED_GROUPS.clear()
    ls.USED_GROUPS.update(meta.get("groups") or ls.SHIPPED_GROUPS)
    ls.VARIANT["name"] = "lr_cross"
    ls.SELF_DIRECTED["allowed"] = meta.get("fill", "named")
    ls.FILL_COUNTRY["on"] = bool(meta.get("fill_country", True))
    ls.FILL_ARGUMENT["on"] = bool(meta.get("fill_argument", False))
    fit = [r for r in rows if r["split"] == "train" and r["round"] in fit_rounds]
    weights, intercept = {}, {}
    for role in ls.ROLES:
        vec, clf = ls.fit(fit, role, float(meta["c"][role]))
        weights[role] = {name: round(float(w), 6) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0])
                         if abs(w) > 1e-6}
        intercept[role] = round(float(clf.intercept_[0]), 6)
    model = sides_model.SidesModel(weights, intercept, dict(shipped.margin), {
        **{k: v for k, v in meta.items() if k not in ("measured", "data")},
        "articles": len({r["article"] for r in fit}), "fitted_rounds": sorted(fit_rounds)})
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model.to_dict(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return model


def fold_roots(rows: list[dict[str, Any]], fit_rounds: set[int], shipped: Any, out: Path,
               settings: dict[str, Any] | None = None) -> Any:
    """The root correction with the shipped model's settings (or ``settings``: any of ``variant``, ``c``, ``rule``,
    ``t``, ``cross``), fitted on the counted real acts of ``fit_rounds`` (every asserted real act, as
    ``--fit-domain all``; the domain it corrects is the shipped model's), written to ``out`` and read back."""
    import learned_roots as lr
    from dateline.roots_model import RootsModel

    meta = shipped.meta
    best = {"variant": meta.get("variant", "all"), "c": meta["c"], "rule": shipped.rule, "t": shipped.threshold,
            "cross": shipped.cross_threshold, **(settings or {}), "d_right": None, "d_root": None, "changed": None}
    if not lr.shippable(str(best["variant"])):  # dense blocks: run time computes none, and DENSE is unset here
        raise SystemExit(f"fold_roots: variant {best['variant']!r} reads the dense blocks, which dateline.roots_model "
                         "never computes: refused")
    feats = lr.SELECT_VARIANTS[best["variant"]]
    fit = [r for r in rows if r["split"] == "train" and r["round"] in fit_rounds and r["counted"]]
    fitted = [r for r in fit if lr.is_real(r)]
    vec, clf = lr.fit_multinomial(fitted, feats, float(best["c"]))
    lr.write_model(out, vec, clf, best, len(fitted), len({r["article"] for r in fit}), sorted(fit_rounds),
                   shipped.code_rules)
    return RootsModel.from_dict(json.loads(out.read_text(encoding="utf-8")))


def crossfit_rows(labels_path: str, news: str, folds: list[set[int]], excluded: set[int], work: Path) -> list[Any]:
    """The train examples (dateline.train.Example), each fold's articles coded with components fitted on the
    other folds."""
    from dateline import roots_model, sides_model
    from dateline import train as training
    from dateline.newseval import load_labels

    caches = [ROOT / "build/learned_sides.pkl", ROOT / "build/learned_roots.pkl"]
    for cache in caches:
        if not cache.exists():
            raise SystemExit(f"{cache} is missing: run `make train-learned` (or tools/learned_sides.py and "
                             "tools/learned_roots.py with --recode) first; the fold models are fitted on its rows")
    sides_rows, roots_rows = (pickle.loads(cache.read_bytes()) for cache in caches)
    shipped_sides, shipped_roots = sides_model.shipped_model(), roots_model.shipped_model()
    labels = load_labels(labels_path)
    every = set().union(*folds)
    # each fold's components are fitted on the cached rows of their fit rounds: every one must be there
    for cache, cached, shipped in zip(caches, (sides_rows, roots_rows), (shipped_sides, shipped_roots)):
        have = {int(r["round"]) for r in cached if r["split"] == "train"}
        for fold in folds:
            lacking = set(shipped.meta.get("fitted_rounds") or every) - fold - have
            if lacking:
                raise SystemExit(f"{cache} holds no train row of rounds {sorted(lacking)}, which the fold {sorted(fold)} "
                                 "components are fitted on: rerun `make train-learned` (or its tool with --recode)")
    out: list[Any] = []
    saved = (sides_model.shipped_model, roots_model.shipped_model)
    try:
        for k, fold in enumerate(folds):
            # each component refitted on the rounds it is shipped fitted on, less the fold's
            fit_sides = set(shipped_sides.meta.get("fitted_rounds") or every) - fold
            fit_roots = set(shipped_roots.meta.get("fitted_rounds") or every) - fold
            sides = fold_sides(sides_rows, fit_sides, shipped_sides, work / f"fold{k}" / "sides.json")
            roots = fold_roots(roots_rows, fit_roots, shipped_roots, work / f"fold{k}" / "roots.json")
            sides_model.shipped_model = lambda m=sides: m  # type: ignore[assignment]
            roots_model.shipped_model = lambda m=roots: m  # type: ignore[assignment]
            part = labels.rounds(fold - excluded)
            rows = training.examples(part, "train", news)
            print(f"fold {k}: rounds {sorted(fold)} coded with a side chooser fitted on {sorted(fit_sides)} and a "
                  f"root correction on {sorted(fit_roots)}: "
                  f"{len(rows)} judged events of {len({e.article for e in rows})} articles", file=sys.stderr)
            out.extend(rows)
    finally:
        sides_model.shipped_model, roots_model.shipped_model = saved  # type: ignore[assignment]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labels", default="eval/news/labels.jsonl")
    parser.add_argument("--news", default="../shared/data/news")
    parser.add_argument("--out", default="build/confidence_crossfit.json")
    parser.add_argument("--folds", default=FOLDS, help="';'-separated lists of train rounds, one fold each")
    parser.add_argument("--exclude-rounds", default=None, help="train rounds left out of everything (the blind rounds; "
                        "default: those eval/news/blind_rounds.json names, '' for none)")
    parser.add_argument("--rows", help="keep (first run) or read (next runs) the coded rows here")
    parser.add_argument("--cached-parse", action="store_true", help="read the model's parse from build/parse_cache")
    parser.add_argument("--work", default="build/crossfit", help="where the fold models are written")
    args = parser.parse_args(argv)
    if args.cached_parse:
        from cached_eval import use_parse_cache

        use_parse_cache()
    import dateline.train as training
    from dateline.newseval import blind_rounds, load_labels

    excluded = (set(blind_rounds(args.labels)) if args.exclude_rounds is None
                else {int(r) for r in args.exclude_rounds.split(",") if r.strip()})
    folds = parse_folds(args.folds, excluded)
    labels = load_labels(args.labels)
    if excluded:
        labels = labels.rounds(excluded, keep=False)
    present = {int(a.get("round") or 1) for a in labels.split("train").articles}
    missing = present - set().union(*folds)
    if missing:
        parser.error(f"train rounds in no fold (and not excluded): {sorted(missing)}")
    kept: dict[str, Any] = {}
    rows_path = Path(args.rows) if args.rows else None
    # what the rows were coded from: a rows file made from other labels, folds or rounds is refused
    made_from = {"crossfit": True, "labels_sha1": hashlib.sha1(Path(args.labels).read_bytes()).hexdigest(),
                 "folds": [sorted(f) for f in folds], "excluded_rounds": sorted(excluded), "news": args.news,
                 "cached_parse": bool(args.cached_parse)}
    if rows_path and rows_path.exists():
        kept = pickle.loads(rows_path.read_bytes())
        if kept.get("meta") != made_from:
            stored = kept.get("meta") or {}
            differ = sorted(k for k in made_from.keys() | stored.keys() if made_from.get(k) != stored.get(k))
            raise SystemExit(f"{rows_path} was coded from other arguments or labels ({', '.join(differ)} differ"
                             f"{'' if stored else ': an older rows file names none'}): delete it or pass another --rows")
    kept["meta"] = made_from
    if "train" not in kept:
        kept["train"] = crossfit_rows(args.labels, args.news, folds, excluded, Path(args.work))
    original = training.examples

    def examples(labels: Any, split: str, news_dir: Any, *, limit: int | None = None) -> list[Any]:
        ids = {str(a["id"]) for a in labels.split(split).articles}
        if split not in kept:
            kept[split] = original(labels, split, news_dir, limit=limit)
        return [e for e in kept[split] if e.article in ids]

    training.examples = examples  # type: ignore[assignment]
    # every train article was coded by components fitted without it: the second stage may read them all
    training.fitted_rounds = lambda: {"sides": set(), "roots": set()}  # type: ignore[assignment]
    report = training.train(args.labels, args.news, args.out,
                            exclude_rounds=tuple(sorted(excluded)))
    if rows_path:
        rows_path.parent.mkdir(parents=True, exist_ok=True)
        rows_path.write_bytes(pickle.dumps(kept))
    # say how the stage's rows were made, in the model's meta
    model = json.loads(Path(args.out).read_text(encoding="utf-8"))
    model["meta"]["stage"]["components_fitted_on_rounds"] = {
        "crossfit": "each fold's train articles coded with a side chooser and a root correction each refitted "
                    "on the rounds it is shipped fitted on less the fold's (tools/crossfit_train.py)", "folds": [sorted(f) for f in folds]}
    Path(args.out).write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    dev = report["dev"]
    print(json.dumps({"labels": report["labels"], "c": report["c"], "cv_log_loss": report["cv_log_loss"],
                      "stage": {k: v for k, v in report["stage"].items() if k != "components_fitted_on_rounds"},
                      "threshold": dev["threshold"], "ece_cross_fitted": dev["ece_cross_fitted"],
                      "cross_fitted": dev.get("cross_fitted"),
                      "cross_fitted_first_stage": dev.get("cross_fitted_first_stage")}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
