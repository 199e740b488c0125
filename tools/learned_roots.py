"""Experiment: does a LEARNED correction of the CAMEO root transfer to unseen articles better than rules?

Among counted events whose label says real act, a multinomial logistic regression (scikit-learn)
predicts the labelled root (2 digits) from features available at coding time: the confidence
model's event features (coded CAMEO code and root, trigger lemma, POS, dependency, the rules in
``evidence.rules``, the sides' sectors ...) plus the lemmas of the trigger's children and head, the
negative words of its clause (``data/lexicon/valence.tsv``) and the kinds of evidence behind each side.

It is trained ONLY on the train rounds not in ``--held-out`` (eval/news/articles.jsonl ``round``, absent
= 1; default: rounds 1 and 3), measured 5-fold cross-fitted by article on them and on dev TOTALS; the
held-out rounds are scored (aggregate numbers only) only with ``--blind``. The
correction replaces the coded root only where the model gives another root a probability of at least
``p``; it is measured for several ``p``.

Also the same held-out test for "is it an act": the ranking (AUC) of the shipped confidence model
against a logistic regression on the same features trained on the older train articles only.

``--binary`` (issue 11, session 21): the frequent confusions instead, each a binary "is it X rather than
the coded Y" on generic features that name no word (``generic_features``).

``--select`` (issue 11, session 22): fitted on every train round not held out (``--held-out none``: all),
the feature set (``SELECT_VARIANTS``), C and the rule (``p``: the best root's probability at least p;
``margin``: it beats the coded root's probability by more than the margin) are chosen on the 5-fold
cross-fitted train's right counted events ONLY; dev totals are printed once, for that one choice
(``--no-dev``: not at all). ``--write FILE`` writes the chosen model fitted on all of them as JSON
weights feature by feature (format 2, the layout ``dateline.roots_model`` reads at run time, from
``src/dateline/data/roots/model.json``; ``make train`` writes it). ``--cross-margins``: the margin a change to
another PLOVER type must beat (roots4: the gold floors broke on such changes only).

    nice .venv/bin/python tools/learned_roots.py            # codes the articles once (cache in build/)
    nice .venv/bin/python tools/learned_roots.py --select --held-out none --variants all,sentence --cs 0.3,1,3
    nice .venv/bin/python tools/learned_roots.py --binary --pairs 2 --c 0.3
    nice .venv/bin/python tools/learned_roots.py --json build/learned_roots.json

Prints totals only for dev; never runs or reads the locked splits.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline.confidence import event_features  # noqa: E402
from dateline.roots_model import (ARTICLE_POSITION, LEXICON_CODE_RULES, RootsModel, extra_features,  # noqa: E402
                                  generic_features, plover_type, said_features, shipped_model)
from dateline.newseval import coded_root, counted, country_level, load_labels  # noqa: E402

LABELS = ROOT / "eval/news/labels.jsonl"
NEWS = ROOT / "../shared/data/news"
CACHE = ROOT / "build/learned_roots.pkl"
SPLITS = ("train", "dev")  # never the locked ones


#: Train rounds collect() leaves out entirely (``--exclude-rounds``): the rounds being labelled blind.
EXCLUDED_ROUNDS: set[int] = set()


def collect(dense_blocks: bool = False) -> list[dict[str, Any]]:
    """Code the train and dev articles once; one row per judged event (features, labels, split, round); the parser's
    token vectors (``dense``: dateline.dense.arrays, session 31) only with ``dense_blocks`` (a ``+v`` variant asked:
    on the cached parse they re-run the parser's tok2vec on every Doc, and each row carries ~1.5 KB more)."""
    from dateline import dense, roots_model
    from dateline.nlp import load_nlp
    from dateline.train import judged_events

    roots_model.DISABLED = True  # the coded roots, uncorrected: what the correction learns to correct
    from dateline import modality_model
    modality_model.DISABLED = True  # the rules' modality, as the correction sees it at run time (before the modality model)
    from dateline import acts_model
    acts_model.DISABLED = True  # every asserted event counts in its rows: the correction runs before the act filter
    labels = load_labels(LABELS)
    rows: list[dict[str, Any]] = []
    nlp = load_nlp()
    for split in SPLITS:
        rounds = {a["id"]: a.get("round") for a in labels.split(split).articles}
        for j in judged_events(labels, split, NEWS, nlp=nlp):
            if (rounds.get(j.article) or 1) in EXCLUDED_ROUNDS:
                continue  # rounds being labelled blind: never fitted on nor kept in the cache
            event, judged = j.event, j.judged
            feats = event_features(event, j.doc, j.context)
            feats.update(extra_features(event, j.doc))
            rows.append({
                "split": split, "round": rounds.get(j.article) or 1, "article": j.article,
                "features": feats, "generic": generic_features(event, j.doc), "said": said_features(event, j.doc), "cameo": str(event.get("cameo") or ""),
                **({"dense": dense.arrays(event, j.doc)} if dense_blocks else {}),
                "counted": counted(event), "confidence": event.get("confidence"),
                "act": bool(judged["act"]), "label_modality": judged.get("modality"),
                "expected": coded_root(judged),
                "src_right": country_level(event.get("source")) == judged["src"],
                "tgt_right": country_level(event.get("target")) == judged["tgt"],
            })
        print(f"coded {split}: {len(rows)} judged events so far", file=sys.stderr)
    return rows


#: The dense features' Standardiser (dateline.dense.standardise over the train rows; set by select_main). It is
#: fitted on every train row before the cross-fitting (unsupervised; a held-out fold's rows are in its means and
#: stds, so the cross-fitted numbers of a dense variant are slightly optimistic).
DENSE: dict[str, Any] = {"std": None}


def dense_feats(r: dict[str, Any], blocks: tuple[str, ...]) -> dict[str, float]:
    """The row's dense blocks by feature name (``vtrig:0`` ...: dateline.dense.named), standardised when DENSE is set."""
    from dateline.dense import named

    out = named(r.get("dense", {}), blocks)
    return DENSE["std"].apply(out) if DENSE["std"] is not None else out


#: The mark of a --select variant that reads the dense blocks (``all+vtrig``): run time (dateline.roots_model)
#: computes none, so such a variant is measured only, never written (:func:`shippable`).
DENSE_VARIANT = "+v"


def shippable(variant: str) -> bool:
    """Whether a --select variant can be written as the shipped model: dateline.roots_model computes its features
    at run time (not a dense variant, :data:`DENSE_VARIANT`)."""
    return DENSE_VARIANT not in variant


#: ``--domain``: the code rules whose events the correction is fitted on and re-chooses ("lexicon": the
#: lexicon's entry only, dateline.roots_model.LEXICON_CODE_RULES; "all": every event, as in 0.5.0).
DOMAINS: dict[str, frozenset[str] | None] = {"lexicon": LEXICON_CODE_RULES, "all": None}


def row_code_rule(row: dict[str, Any]) -> str | None:
    """The rule that chose the row's code (the confidence feature ``rule:code=...``)."""
    return next((k.split("=", 1)[1] for k in row["features"] if k.startswith("rule:code=")), None)


def in_domain(row: dict[str, Any], code_rules: frozenset[str] | None) -> bool:
    """Whether the correction may re-choose the row's root (dateline.roots_model.in_domain)."""
    return code_rules is None or row_code_rule(row) in code_rules


def is_real(row: dict[str, Any], root: str | None = None) -> bool:
    """The eval's 'counted real act' (dateline.newseval.score) for a counted event with ``root``."""
    root = root or row["cameo"][:2]
    return bool(row["act"] and row["expected"] is not None
                and (row["label_modality"] == "asserted" or root == row["expected"]))


def auc(scores: list[float], ys: list[bool]) -> float | None:
    from sklearn.metrics import roc_auc_score
    if len(set(ys)) < 2:
        return None
    return float(roc_auc_score(ys, scores))


def score(part: list[dict[str, Any]], roots: list[str]) -> dict[str, int]:
    """Root right among real acts, counted right, and the moves, for ``part`` with roots ``roots``."""
    out = {"changed": 0, "fixed": 0, "broken": 0, "sideways": 0, "root_right": 0, "counted_right": 0}
    for r, new in zip(part, roots):
        coded = r["cameo"][:2]
        real = is_real(r)
        if new != coded:
            out["changed"] += 1
            if real:
                out["fixed"] += new == r["expected"]
                out["broken"] += coded == r["expected"]
                out["sideways"] += new != r["expected"] and coded != r["expected"]
        out["root_right"] += real and new == r["expected"]
        out["counted_right"] += is_real(r, new) and new == r["expected"] and r["src_right"] and r["tgt_right"]
    return out


def binary_main(rows: list[dict[str, Any]], held: set[int], args: argparse.Namespace) -> dict[str, Any]:
    """The frequent confusions, each a binary 'is it X rather than the coded Y' on generic features.

    Fitted on the train rounds not in ``held``; measured 5-fold cross-fitted by article on them, on dev
    totals (fitted on all of them), and on the held rounds only with ``--blind`` (aggregate)."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    fit_part = [r for r in rows if r["split"] == "train" and r["round"] not in held and r["counted"]]
    dev = [r for r in rows if r["split"] == "dev" and r["counted"]]
    real_fit = [r for r in fit_part if is_real(r)]
    pairs = Counter((r["cameo"][:2], r["expected"]) for r in real_fit if r["cameo"][:2] != r["expected"])
    chosen = [(y, x) for (y, x), n in pairs.most_common() if n >= args.min_pair][: args.pairs]
    print(f"binary confusions: fitted on {len(real_fit)} counted real acts of "
          f"{len({r['article'] for r in fit_part})} train articles (rounds not in {sorted(held)}); "
          f"coded root right {sum(r['cameo'][:2] == r['expected'] for r in real_fit)}")
    print("  the frequent (coded -> labelled) confusions on them: " + ", ".join(
        f"{y}->{x} {n} (of {sum(r['cameo'][:2] == y for r in real_fit)} coded {y})" for (y, x), n in pairs.most_common(12)))
    ps = [float(p) for p in args.ps.split(",")]

    def feats(r: dict[str, Any]) -> dict[str, float]:
        if args.features in SELECT_VARIANTS:
            return SELECT_VARIANTS[args.features](r)
        return {**r["generic"], **r["features"]}  # "generic+confidence"

    def fit(train_rows: list[dict[str, Any]]) -> dict[tuple[str, str], Any]:
        models = {}
        for y, x in chosen:
            sub = [r for r in train_rows if is_real(r) and r["cameo"][:2] == y]
            ys = np.array([r["expected"] == x for r in sub])
            if len(set(ys)) < 2:
                continue
            vec = DictVectorizer()
            clf = LogisticRegression(C=args.c, max_iter=3000, class_weight=None).fit(
                vec.fit_transform([feats(r) for r in sub]), ys)
            models[(y, x)] = (vec, clf)
        return models

    def probs(models: dict[tuple[str, str], Any], part: list[dict[str, Any]]) -> list[tuple[str, float]]:
        out = []
        for r in part:
            best = ("", 0.0)
            for (y, x), (vec, clf) in models.items():
                if r["cameo"][:2] == y:
                    q = float(clf.predict_proba(vec.transform([feats(r)]))[0, 1])
                    if q > best[1]:
                        best = (x, q)
            out.append(best)
        return out

    def roots_at(part: list[dict[str, Any]], pr: list[tuple[str, float]], p: float) -> list[str]:
        return [x if x and q >= p else r["cameo"][:2] for r, (x, q) in zip(part, pr)]

    # cross-fitted on the fit rounds (5 folds by article)
    groups = np.array([r["article"] for r in fit_part])
    cross: list[tuple[str, float]] = [("", 0.0)] * len(fit_part)
    for fit_i, held_i in GroupKFold(5).split(fit_part, groups=groups):
        models = fit([fit_part[i] for i in fit_i])
        for i, pq in zip(held_i, probs(models, [fit_part[i] for i in held_i])):
            cross[i] = pq
    models = fit(fit_part)
    parts = {"train cross-fitted": (fit_part, cross)}
    if not args.no_dev:
        parts["dev"] = (dev, probs(models, dev))
    if args.blind:
        blind = [r for r in rows if r["split"] == "train" and r["round"] in held and r["counted"]]
        parts["held-out rounds (blind, aggregate)"] = (blind, probs(models, blind))
    report: dict[str, Any] = {"pairs": [f"{y}->{x}:{pairs[(y, x)]}" for y, x in chosen], "c": args.c,
                              "features": args.features}
    for name, (part, pr) in parts.items():
        base = score(part, [r["cameo"][:2] for r in part])
        real = sum(is_real(r) for r in part)
        print(f"  {name}: {len(part)} counted judged, {real} real; root right {base['root_right']}, "
              f"counted right {base['counted_right']}")
        report[name] = {"counted": len(part), "real": real, "base": base, "by_p": {}}
        for p in ps:
            s = score(part, roots_at(part, pr, p))
            report[name]["by_p"][p] = s
            print(f"    p {p:.2f}: changed {s['changed']:4d}, fixed/broken/sideways {s['fixed']}/{s['broken']}/"
                  f"{s['sideways']}, root right {s['root_right'] - base['root_right']:+d}, "
                  f"counted right {s['counted_right'] - base['counted_right']:+d}")
    return report


#: The feature sets --select tries (names of the rows' feature dicts, merged).
SELECT_VARIANTS = {
    "generic": lambda r: {k: v for k, v in r["generic"].items() if k.startswith("g_")},
    "generic+words": lambda r: r["generic"],
    "all": lambda r: r["features"],
    "all+generic": lambda r: {**r["features"], **r["generic"]},
    # "all" with what a verb of saying says (dateline.roots_model.said_features: session 26)
    "all+said": lambda r: {**r["features"], **r.get("said", {})},
    # "all" without where the sentence is in the article: a root is what the sentence says, and the
    # coder also codes single sentences (the gold set, short texts), where these features mislead
    "sentence": lambda r: {k: v for k, v in r["features"].items() if k not in ARTICLE_POSITION},
    # session 31 (dense): "all" with the parser's token vectors (dateline.dense), standardised
    "all+vtrig": lambda r: {**r["features"], **dense_feats(r, ("trig",))},
    "all+vtrig+vsent": lambda r: {**r["features"], **dense_feats(r, ("trig", "sent"))},
}
#: The confidence features that say where the event's sentence is in the article (dateline.roots_model).


def decide(probs: Any, classes: list[str], coded: str, rule: str, t: float, cross: float | None = None) -> str:
    """The corrected root: the model's best root where it is another root than the coded one and
    its probability is at least ``t`` (rule "p") or beats the coded root's by more than ``t``
    (rule "margin"); else the coded root."""
    import numpy as np
    best = int(np.argmax(probs))
    if classes[best] == coded:
        return coded
    if rule == "p":
        return classes[best] if probs[best] >= t else coded
    own = float(probs[classes.index(coded)]) if coded in classes else 0.0
    if cross is not None and plover_type(classes[best]) != plover_type(coded):
        t = cross  # a change to another PLOVER type must beat the cross-type margin (roots4)
    return classes[best] if probs[best] - own > t else coded


def fit_multinomial(rows: list[dict[str, Any]], feats: Any, c: float) -> tuple[Any, Any]:
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    vec = DictVectorizer()
    x = vec.fit_transform([feats(r) for r in rows])
    return vec, LogisticRegression(C=c, max_iter=5000).fit(x, np.array([r["expected"] for r in rows]))


def select_main(rows: list[dict[str, Any]], held: set[int], args: argparse.Namespace) -> dict[str, Any]:
    """Session 22: the multinomial correction fitted on every train round not in ``held``, cross-fitted
    5-fold by article; the feature set, C and the rule (p or margin) are chosen on the cross-fitted
    train's right counted events ONLY, and dev totals are printed once, for that single choice."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    train = [r for r in rows if r["split"] == "train" and r["round"] not in held and r["counted"]]
    dev = [r for r in rows if r["split"] == "dev" and r["counted"]]
    real = [r for r in train if is_real(r)]
    base = score(train, [r["cameo"][:2] for r in train])
    domain = DOMAINS[args.domain]
    inside = [in_domain(r, domain) for r in train]
    fit_inside = inside if args.fit_domain is None else [in_domain(r, DOMAINS[args.fit_domain]) for r in train]
    print(f"select: {len(train)} counted judged events of {len({r['article'] for r in train})} train articles, "
          f"{len(real)} real acts, coded root right {base['root_right']}, counted right {base['counted_right']}; "
          f"domain {args.domain}: {sum(inside)} counted, {sum(i and is_real(r) for i, r in zip(inside, train))} real")
    pairs = Counter((r["cameo"][:2], r["expected"]) for r in real if r["cameo"][:2] != r["expected"])
    print("  confusions (coded -> labelled): " + ", ".join(f"{y}->{x} {n}" for (y, x), n in pairs.most_common(10)))
    crosses: list[float | None] = [float(x) for x in args.cross_margins.split(",") if x] or [None]
    grid = [("p", float(t), None) for t in args.ps.split(",") if t] + [
        ("margin", float(t), x) for t in args.margins.split(",") if t for x in crosses if x is None or x >= float(t)]
    groups = np.array([r["article"] for r in train])
    folds = list(GroupKFold(5).split(train, groups=groups))
    classes = sorted({r["expected"] for r in real} | {r["cameo"][:2] for r in train})
    if not all(shippable(v) for v in args.variants.split(",")):
        from dateline.dense import BLOCKS, PREFIX, standardise

        DENSE["std"] = standardise([dense_feats(r, BLOCKS) for r in train], PREFIX,
                                   weight=args.dense_weight)
    results: list[dict[str, Any]] = []
    for variant in args.variants.split(","):
        feats = SELECT_VARIANTS[variant]
        for c in args.cs:
            full = np.zeros((len(train), len(classes)))
            for fit_i, held_i in folds:
                vec, clf = fit_multinomial([train[i] for i in fit_i if is_real(train[i]) and fit_inside[i]], feats, c)
                pr = clf.predict_proba(vec.transform([feats(train[i]) for i in held_i]))
                for j, name in enumerate(clf.classes_):
                    full[held_i, classes.index(name)] = pr[:, j]
            argmax_right = sum(classes[int(np.argmax(full[i]))] == r["expected"] for i, r in enumerate(train) if is_real(r))
            print(f"\n  {variant}, C {c}: cross-fitted argmax right on real {argmax_right}/{len(real)} "
                  f"(coded {base['root_right']})")
            for rule, t, cross in grid:
                s = score(train, [decide(full[i], classes, r["cameo"][:2], rule, t, cross) if inside[i] else r["cameo"][:2]
                                  for i, r in enumerate(train)])
                row = {"variant": variant, "c": c, "rule": rule, "t": t, "cross": cross, **s,
                       "d_root": s["root_right"] - base["root_right"], "d_right": s["counted_right"] - base["counted_right"]}
                results.append(row)
                print(f"    {rule} {t:.2f}{'' if cross is None else f' (across PLOVER types {cross:.2f})'}: changed {s['changed']:4d}, fixed/broken/sideways {s['fixed']}/{s['broken']}/"
                      f"{s['sideways']}, root right {row['d_root']:+d}, counted right {row['d_right']:+d}")
    best = max(results, key=lambda r: (r["d_right"], r["d_root"], -r["changed"]))
    print(f"\nchosen on cross-fitted train: {best['variant']}, C {best['c']}, {best['rule']} {best['t']}: "
          f"counted right {best['d_right']:+d}, root right {best['d_root']:+d}, changed {best['changed']}")
    report: dict[str, Any] = {"train": {"counted": len(train), "real": len(real), "base": base}, "domain": args.domain,
                              "cross_fitted": results, "chosen": best}
    feats = SELECT_VARIANTS[best["variant"]]
    fitted = [r for r, i in zip(train, fit_inside) if i and is_real(r)]
    vec, clf = fit_multinomial(fitted, feats, best["c"])
    cls = list(clf.classes_)
    if not args.no_dev:
        pr = clf.predict_proba(vec.transform([feats(r) for r in dev]))
        dbase = score(dev, [r["cameo"][:2] for r in dev])
        s = score(dev, [decide(q, cls, r["cameo"][:2], best["rule"], best["t"], best.get("cross"))
                        if in_domain(r, domain) else r["cameo"][:2] for r, q in zip(dev, pr)])
        print(f"dev totals (once, for the chosen setting): {len(dev)} counted judged; counted right "
              f"{dbase['counted_right']} -> {s['counted_right']} ({s['counted_right'] - dbase['counted_right']:+d}); "
              f"root right {s['root_right'] - dbase['root_right']:+d}; changed {s['changed']}")
        report["dev"] = {"base": dbase, "chosen": s}
    if args.write:
        write_model(Path(args.write), vec, clf, best, len(fitted), len({r["article"] for r in train}),
                    sorted({int(r["round"]) for r in train}), domain)
    return report


def shipped_main(rows: list[dict[str, Any]], held: set[int], args: argparse.Namespace) -> dict[str, Any]:
    """The shipped model's decisions on the coded rows, everywhere and in the lexicon domain only: train
    (the rounds not in ``held``; the model may have been fitted on them: in-sample) and dev totals."""
    model = shipped_model()
    assert model is not None, "no shipped model"
    report: dict[str, Any] = {}
    parts = {"train (not cross-fitted)": [r for r in rows if r["split"] == "train" and r["round"] not in held and r["counted"]]}
    if not args.no_dev:
        parts["dev"] = [r for r in rows if r["split"] == "dev" and r["counted"]]
    for name, part in parts.items():
        base = score(part, [r["cameo"][:2] for r in part])
        report[name] = {"base": base}
        print(f"shipped model, {name}: {len(part)} counted judged; coded counted right {base['counted_right']}, "
              f"root right {base['root_right']}")
        for domain_name, domain in sorted(DOMAINS.items()):
            roots = [model.choose(r["cameo"][:2], r["features"]) if in_domain(r, domain) else r["cameo"][:2]
                     for r in part]
            s = score(part, roots)
            report[name][domain_name] = s
            print(f"  domain {domain_name}: changed {s['changed']}, fixed/broken/sideways {s['fixed']}/{s['broken']}/"
                  f"{s['sideways']}, root right {s['root_right'] - base['root_right']:+d}, counted right "
                  f"{s['counted_right'] - base['counted_right']:+d}")
    return report


PRUNE = 0.01


def write_model(path: Path, vec: Any, clf: Any, best: dict[str, Any], n_real: int, n_articles: int,
                rounds: list[int] | None = None, code_rules: frozenset[str] | None = LEXICON_CODE_RULES) -> None:
    """The fitted model as JSON, weights feature by feature (``RootsModel.to_dict``, format 2: the layout
    dateline.roots_model reads at run time, so that loading it is a plain read). Weights
    below PRUNE are left out: at 0.01 not one decision on train or dev changes (measured 2026-12-03; at
    0.02, 3 of 416), and the file is a third of the size. A dense variant (:func:`shippable`) is refused: run
    time would never compute its features (``--select --write`` and tools/crossfit_train.py's ``fold_roots``)."""
    import numpy as np
    if not shippable(str(best["variant"])):
        raise ValueError(f"variant {best['variant']!r} reads the dense blocks, which dateline.roots_model never "
                         "computes at run time: not written")
    names = vec.get_feature_names_out()
    coef, intercept = clf.coef_, clf.intercept_
    if coef.shape[0] == 1:  # two classes: one logit; as a softmax over two, -z/2 and z/2
        coef, intercept = np.vstack([-coef / 2, coef / 2]), np.array([-intercept[0] / 2, intercept[0] / 2])
    keep = np.where(np.abs(coef).max(axis=0) >= PRUNE)[0]
    weights = {str(cl): {str(names[j]): round(float(coef[k, j]), 4) for j in keep if abs(coef[k, j]) >= PRUNE}
               for k, cl in enumerate(clf.classes_)}
    model = RootsModel.from_weights(
        [str(c) for c in clf.classes_], weights,
        {str(cl): round(float(b), 4) for cl, b in zip(clf.classes_, intercept)}, best["rule"], best["t"],
        {"variant": best["variant"], "c": best["c"], "real_acts": n_real, "articles": n_articles,
         "cross_fitted_counted_right": best["d_right"], "cross_fitted_root_right": best["d_root"],
         "cross_fitted_changed": best["changed"], "tool": "tools/learned_roots.py --select",
         # the train rounds fitted on (tools/crossfit_train.py refits the model on these less each fold's rounds
         # to code the confidence model's cross-fitted rows)
         **({"fitted_rounds": rounds} if rounds is not None else {})},
        best.get("cross"), code_rules)
    path.parent.mkdir(parents=True, exist_ok=True)
    # feature by feature (format 2): the layout the correction reads at run time, so that loading it is a plain read
    path.write_text(json.dumps(model.to_dict(), sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {path} ({len(keep)} features, {len(model.classes)} classes)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--recode", action="store_true", help="re-code the articles (ignore the cache)")
    parser.add_argument("--json", help="write the measured numbers here")
    parser.add_argument("--ps", default="0.5,0.6,0.7,0.8,0.9", help="probability thresholds to report")
    parser.add_argument("--cs", type=lambda s: [float(x) for x in s.split(",")], default=[1.0, 3.0],
                        help="L2 strengths tried by cross-validation")
    parser.add_argument("--variants", default="all,confidence,parse", help="feature sets to try")
    parser.add_argument("--held-out", default="4,6,7",
                        help="train rounds held out of the fit (eval/news/articles.jsonl round, absent = 1)")
    parser.add_argument("--blind", action="store_true",
                        help="also print the held-out rounds' aggregate numbers (otherwise they are never scored)")
    parser.add_argument("--binary", action="store_true",
                        help="the frequent confusions as binary models on generic features (issue 11)")
    parser.add_argument("--pairs", type=int, default=6, help="--binary: how many confusions at most")
    parser.add_argument("--min-pair", type=int, default=15, help="--binary: fewest examples of a confusion")
    parser.add_argument("--c", type=float, default=0.3, help="--binary: L2 strength")
    parser.add_argument("--features", default="generic", help="--binary: generic or generic+confidence")
    parser.add_argument("--dense-weight", type=float, default=1.0, help="the dense blocks' scale after standardising "
                        "(variants all+v...; dateline.dense.standardise)")
    parser.add_argument("--select", action="store_true",
                        help="session 22: choose features, C and p/margin on cross-fitted train, dev totals once")
    parser.add_argument("--margins", default="0.1,0.2,0.3,0.4,0.5", help="--select: margins over the coded root")
    parser.add_argument("--cross-margins", default="",
                        help="--select: margins for a change to another PLOVER type (the gold set scores types)")
    parser.add_argument("--no-dev", action="store_true", help="--select/--binary: do not score dev")
    parser.add_argument("--write", help="--select: write the chosen model (JSON) here")
    parser.add_argument("--domain", choices=sorted(DOMAINS), default="lexicon",
                        help="--select: fit on and correct only the events whose code is the lexicon's entry "
                             "(lexicon, the default) or every event (all, as in 0.5.0)")
    parser.add_argument("--fit-domain", choices=sorted(DOMAINS), default=None,
                        help="--select: the events the model is fitted on, when not those of --domain (which it "
                             "corrects): --fit-domain all --domain lexicon fits on every asserted event, so that "
                             "its probabilities mean something on the roots it leaves (the confidence reads them)")
    parser.add_argument("--shipped", action="store_true",
                        help="score the shipped model (src/dateline/data/roots/model.json) on train (not "
                             "cross-fitted) and dev, with and without the lexicon domain, and stop")
    parser.add_argument("--cached-parse", action="store_true",
                        help="--recode: read the model's parse from build/parse_cache (as tools/cached_eval.py): "
                             "the same rows in minutes")
    parser.add_argument("--exclude-rounds", default="",
                        help="--recode: train rounds left out of the coded rows altogether (the blind rounds)")
    args = parser.parse_args()
    EXCLUDED_ROUNDS.update(int(r) for r in args.exclude_rounds.split(",") if r.strip())
    if args.cached_parse:
        sys.path.insert(0, str(ROOT / "tools"))
        from cached_eval import use_parse_cache

        use_parse_cache()
    held = {int(r) for r in args.held_out.split(",") if r.strip()} if args.held_out != "none" else set()
    need_dense = bool(args.select) and not all(shippable(v) for v in args.variants.split(","))
    if args.write and need_dense:
        parser.error(f"--write: the variants {args.variants} include a dense one ({DENSE_VARIANT}...), whose features "
                     "dateline.roots_model never computes at run time; measure it without --write")
    if CACHE.exists() and not args.recode:
        rows = pickle.loads(CACHE.read_bytes())
        if need_dense and rows and "dense" not in rows[0]:
            raise SystemExit(f"{CACHE} was coded without the dense blocks: pass --recode with a +v variant")
    else:
        rows = collect(need_dense)
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        CACHE.write_bytes(pickle.dumps(rows))
    if args.shipped:
        report = shipped_main(rows, held, args)
        if args.json:
            Path(args.json).write_text(json.dumps(report, indent=1, default=str) + "\n", encoding="utf-8")
        return 0
    if args.binary or args.select:
        report = (select_main if args.select else binary_main)(rows, held, args)
        if args.json:
            Path(args.json).write_text(json.dumps(report, indent=1, default=str) + "\n", encoding="utf-8")
        return 0

    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    # "train_old": the rounds fitted on; "train_round3": the held-out rounds, scored only with --blind
    parts = {"train_old": [r for r in rows if r["split"] == "train" and r["round"] not in held],
             "train_round3": [r for r in rows if r["split"] == "train" and r["round"] in held and args.blind],
             "dev": [r for r in rows if r["split"] == "dev"]}
    report: dict[str, Any] = {"events": {k: len(v) for k, v in parts.items()}}

    # --- root correction -------------------------------------------------------------------------
    def root_rows(part: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [r for r in part if r["counted"] and is_real(r)]

    def keep(features: dict[str, float], variant: str) -> dict[str, float]:
        if variant == "all":
            return features
        if variant == "parse":  # the coded code, the trigger and its parse neighbours, negative words
            return {k: v for k, v in features.items()
                    if k.split("=")[0] in ("root", "cameo", "lemma", "pos", "dep", "tag", "child", "child_dep",
                                           "head", "head_dep", "root_lemma") or k.startswith("clause_negative")}
        return {k: v for k, v in features.items()  # the confidence model's features only
                if not k.startswith(("child", "head", "clause_negative", "root_lemma", "src_ev", "tgt_ev",
                                     "src_code3", "tgt_code3"))}

    def fit(rows_: list[dict[str, Any]], variant: str, c: float) -> tuple[Any, Any]:
        vec = DictVectorizer()
        x = vec.fit_transform([keep(r["features"], variant) for r in rows_])
        return vec, LogisticRegression(C=c, max_iter=3000).fit(x, np.array([r["expected"] for r in rows_]))

    def correct(part: list[dict[str, Any]], probs: Any, classes: list[str], p: float) -> dict[str, Any]:
        changed = fixed = broken = sideways = root_right = right = 0
        for r, prob in zip(part, probs):
            coded = r["cameo"][:2]
            best = int(np.argmax(prob))
            new = classes[best] if classes[best] != coded and prob[best] >= p else coded
            if new != coded:
                changed += 1
                if is_real(r):
                    fixed += new == r["expected"]
                    broken += coded == r["expected"]
                    sideways += new != r["expected"] and coded != r["expected"]
            if is_real(r):  # on the real acts as the eval counts them with the coded root
                root_right += new == r["expected"]
            right += is_real(r, new) and new == r["expected"] and r["src_right"] and r["tgt_right"]
        return {"p": p, "changed": changed, "fixed": fixed, "broken": broken, "sideways": sideways,
                "root_right": root_right, "counted_right": right}

    def show(name: str, part: list[dict[str, Any]], probs: Any, classes: list[str]) -> dict[str, Any]:
        real = [r for r in part if is_real(r)]
        base_root = sum(r["cameo"][:2] == r["expected"] for r in real)
        base_right = sum(is_real(r) and r["cameo"][:2] == r["expected"] and r["src_right"] and r["tgt_right"]
                         for r in part)
        out = {"counted_judged": len(part), "real": len(real), "root_right": base_root,
               "root_accuracy": round(base_root / max(len(real), 1), 4), "counted_right": base_right,
               "precision": round(base_right / max(len(part), 1), 4), "by_p": []}
        print(f"  {name}: {len(part)} counted judged, {len(real)} real acts; coded root right "
              f"{base_root}/{len(real)} = {base_root / max(len(real), 1):.3f}; precision {base_right}/"
              f"{len(part)} = {base_right / max(len(part), 1):.3f}")
        print("     p   changed  on real: fixed/broken/wrong->wrong   root right on real   counted right")
        for p in ps:
            row = correct(part, probs, classes, p)
            row["root_accuracy"] = round(row["root_right"] / max(len(real), 1), 4)
            row["precision"] = round(row["counted_right"] / max(len(part), 1), 4)
            out["by_p"].append(row)
            print(f"    {p:.2f}  {row['changed']:5d}   {row['fixed']:4d} / {row['broken']:4d} / {row['sideways']:4d}"
                  f"            {row['root_right']:4d} ({row['root_right'] - base_root:+d}) = {row['root_accuracy']:.3f}"
                  f"    {row['counted_right']} ({row['counted_right'] - base_right:+d})")
        return out

    ps = [float(p) for p in args.ps.split(",")]
    fit_rows = root_rows(parts["train_old"])
    old_counted = [r for r in parts["train_old"] if r["counted"]]
    report["root"] = {"fit_events": len(fit_rows),
                      "labelled_roots": dict(Counter(r["expected"] for r in fit_rows).most_common()),
                      "coded_accuracy_on_fit": round(sum(r["cameo"][:2] == r["expected"] for r in fit_rows)
                                                     / len(fit_rows), 4), "variants": {}}
    print(f"root model: fitted on {len(fit_rows)} counted real acts of the {len({r['article'] for r in parts['train_old']})}"
          f" older train articles; coded root right on them {report['root']['coded_accuracy_on_fit']:.3f}")
    for variant in args.variants.split(","):
        # C by 5-fold cross-validation by article on the older train only (accuracy of the argmax)
        groups = np.array([r["article"] for r in old_counted])
        oof: dict[float, Any] = {}
        best_c, best_acc = 1.0, -1.0
        for c in args.cs:
            probs = np.zeros((len(old_counted), 0))
            fold_probs: list[tuple[Any, Any, list[str]]] = []
            right = 0
            for fit_i, held_i in GroupKFold(5).split(old_counted, groups=groups):
                fold_fit = [old_counted[i] for i in fit_i if is_real(old_counted[i])]
                vec, clf = fit(fold_fit, variant, c)
                held = [old_counted[i] for i in held_i]
                pr = clf.predict_proba(vec.transform([keep(r["features"], variant) for r in held]))
                fold_probs.append((held_i, pr, list(clf.classes_)))
                right += sum(clf.classes_[int(np.argmax(q))] == r["expected"] for r, q in zip(held, pr) if is_real(r))
            oof[c] = fold_probs
            if right > best_acc:
                best_c, best_acc = c, right
        # out-of-fold correction on the older train at the chosen C (every class in one label space)
        classes = sorted({r["expected"] for r in fit_rows} | {r["cameo"][:2] for r in old_counted})
        full = np.zeros((len(old_counted), len(classes)))
        for held_i, pr, cls in oof[best_c]:
            for j, name in enumerate(cls):
                full[held_i, classes.index(name)] = pr[:, j]
        print(f"\nvariant '{variant}': C={best_c}, out-of-fold argmax right on real {best_acc}/{len(fit_rows)}"
              f" = {best_acc / len(fit_rows):.3f}")
        result: dict[str, Any] = {"c": best_c, "cv_argmax_accuracy": round(best_acc / len(fit_rows), 4)}
        result["train_old_out_of_fold"] = show("train_old (5-fold, out of fold)", old_counted, full, classes)
        vec, clf = fit(fit_rows, variant, best_c)
        for name in ("train_round3", "dev"):
            part = [r for r in parts[name] if r["counted"]]
            if not part:
                continue
            probs = clf.predict_proba(vec.transform([keep(r["features"], variant) for r in part]))
            result[name] = show(name, part, probs, list(clf.classes_))
        report["root"]["variants"][variant] = result

    # --- is it an act? --------------------------------------------------------------------------
    act_fit = [r for r in parts["train_old"] if r["counted"]]
    vec2 = DictVectorizer()
    x2 = vec2.fit_transform([r["features"] for r in act_fit])
    clf2 = LogisticRegression(C=0.3, max_iter=5000).fit(x2, np.array([is_real(r) for r in act_fit]))
    report["act"] = {}
    oof_act = np.zeros(len(act_fit))
    act_groups = np.array([r["article"] for r in act_fit])
    for fit_i, held_i in GroupKFold(5).split(act_fit, groups=act_groups):
        part_clf = LogisticRegression(C=0.3, max_iter=5000).fit(x2[fit_i], np.array([is_real(act_fit[i]) for i in fit_i]))
        oof_act[held_i] = part_clf.predict_proba(x2[held_i])[:, 1]
    ys_old = [is_real(r) for r in act_fit]
    report["act"]["train_old"] = {"events": len(act_fit), "real": sum(ys_old),
                                  "auc_shipped": auc([float(r["confidence"] or 0.0) for r in act_fit], ys_old),
                                  "auc_learned_old_out_of_fold": auc(list(oof_act), ys_old)}
    print("\nis it an act (counted judged events; AUC of the ranking; target: counted real act)")
    print("  part            events  real   shipped confidence   LR on older train (same features + extra)")
    a = report["act"]["train_old"]
    print(f"  train_old      {a['events']:6d} {a['real']:5d}   {a['auc_shipped']:.3f} (fitted on it)   "
          f"{a['auc_learned_old_out_of_fold']:.3f} (5-fold out of fold)")
    for name in ("train_round3", "dev"):
        part = [r for r in parts[name] if r["counted"]]
        if not part:
            continue
        ys = [is_real(r) for r in part]
        shipped = auc([float(r["confidence"] or 0.0) for r in part], ys)
        learned = auc(list(clf2.predict_proba(vec2.transform([r["features"] for r in part]))[:, 1]), ys)
        report["act"][name] = {"events": len(part), "real": sum(ys), "auc_shipped": shipped, "auc_learned_old": learned}
        print(f"  {name:14s} {len(part):6d} {sum(ys):5d}   {shipped:.3f}                {learned:.3f}")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
