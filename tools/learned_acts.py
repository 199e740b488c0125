"""Experiment (session 29, actfilter): a LEARNED estimate of P(real asserted act) for each counted event.

A third of the counted events are not real asserted acts (labelled no act, or claimed, hypothetical, intended,
negated). Rule branches on them found a long tail (eval/sessions/26.md "nonacts", "Session 27: nonacts2").
This tool asks whether a model of act-ness alone (root and sides do not matter) can un-count non-acts at little cost
to right events and recall, and whether it does better than cutting on the confidence (P(right)) at the same number
of events dropped.

1. ``--recode`` codes the train (less the blind rounds) and dev articles once from the parse cache and keeps one row
   per judged event in build/learned_acts.pkl: the confidence's first-stage features
   (:func:`dateline.confidence.event_features`), the learned modality experiment's generic features
   (:func:`dateline.modality_model.features`: governing verbs, cues, quotes, conditionals), the statement features
   (:func:`dateline.acts_model.statement_features`: the said clause's tense, where the target is named; session 30),
   the parser's token vectors (:mod:`dateline.dense`, sets vtrig, vsent, vsrc, vtgt, kept as arrays; session 31: in
   a fit they are standardised over the train rows and scaled by ``--dense-weight / sqrt(96)``, and the written model
   stores the means and factors; computed only when ``--features`` names a ``v...`` set or ``--dense`` is given: on
   the cached parse they re-run the parser's tok2vec on every Doc, and the shipped filter reads none of them),
   the learned components'
   probabilities (:func:`dateline.confidence.learned_features`), the shipped confidence, and the label's verdicts.
2. On the counted train events (asserted, not negated, with a label), a logistic regression for the target
   ``real act`` (:func:`dateline.newseval.real_act`) is cross-fitted (``--folds``: by article, 5 groups, or by the
   crossfit rounds folds), so every row's probability comes from a model that did not see its article. The same is
   done for the target ``right`` with the same features (a cross-fitted stand-in for the confidence's first stage;
   the shipped confidence is in sample on train and is reported too).
3. For each threshold t: the events dropped with P(act) < t, how many were right, how many real acts with the
   labelled root (of which how many labelled acts lose their only counted event with that root: recall), how many
   non-acts; then train precision and recall; and the same numbers when the same count is cut on the confidence.

    nice .venv/bin/python tools/learned_acts.py --recode --exclude-rounds 78,79,80,81,82,83,84,85,86,87,88,89,90,91
    nice .venv/bin/python tools/learned_acts.py --exclude-rounds 78,79,80,81,82,83,84,85,86,87,88,89,90,91 --features conf,mod,stmt --json build/learned_acts.json
    nice .venv/bin/python tools/learned_acts.py --recode --target keep --threshold 0.15 \
        --write src/dateline/data/acts/model.json          # the shipped filter (make train-learned)

The parse is read from build/parse_cache (what is missing there is parsed and added). ``--target keep`` (shipped)
also keeps an event that the eval's recall counts as finding a listed act of its root at its trigger, though the
judge matched it to another label of the same trigger (add_covers).

Leak, named: the dense features' Standardiser (means and stds, unsupervised) is fitted on every counted train row
before the cross-fitting, so a held-out fold's rows are in its means; the cross-fitted numbers of a dense set are
slightly optimistic (not refitted per fold: small, and the same for every set compared). The side features (sides present, coded, pronoun ...) come from the shipped side chooser, which was
fitted on every train round; the act target does not depend on the sides' correctness, only on their presence.
Dev (``--split dev`` in cached_eval) is scored with the model fitted on all train rows (totals only). The locked
splits are never coded.
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
sys.path.insert(0, str(ROOT / "tools"))

LABELS = ROOT / "eval/news/labels.jsonl"
NEWS = ROOT / "../shared/data/news"
CACHE = ROOT / "build/learned_acts.pkl"
SPLITS = ("train", "dev")  # never the locked ones
CS = (0.03, 0.1, 0.3, 1.0)
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)


def collect(excluded: set[int], dense_sets: bool = False) -> list[dict[str, Any]]:
    """Code the train and dev articles once; one row per judged event. The dense sets (``v...``: the parser's token
    vectors, :func:`dateline.dense.arrays`) only with ``dense_sets``."""
    from cached_eval import use_parse_cache

    from dateline import acts_model, dense
    from dateline.confidence import learned_features
    from dateline.newseval import coded_root, is_right, load_labels, real_act
    from dateline.nlp import load_nlp
    from dateline.train import judged_events

    use_parse_cache()
    plain = tuple(s for s in acts_model.FEATURE_SETS if not s.startswith(dense.PREFIX))
    acts_model.DISABLED = True  # the rows are the coder's without the filter it is fitted for
    labels = load_labels(LABELS)
    if excluded:  # the blind rounds are never coded
        labels = labels.rounds(excluded, keep=False)
    nlp = load_nlp()
    rows: list[dict[str, Any]] = []
    for split in SPLITS:
        part = labels.split(split)
        rounds = {a["id"]: a.get("round") or 1 for a in part.articles}
        for j in judged_events(labels, split, NEWS, nlp=nlp):
            event, judged = j.event, j.judged
            expected = coded_root(judged)
            cameo = str(event.get("cameo") or "")
            rows.append({
                "split": split, "round": int(rounds.get(j.article) or 1), "article": j.article,
                "recall_article": j.article in part.recall_articles,
                "key": tuple(j.key),
                "cameo": cameo, "counted": bool(event.get("modality") == "asserted" and not event.get("negated")),
                "label_act": bool(judged["act"]), "label_modality": judged.get("modality"),
                "real": real_act(event, judged), "root_right": expected is not None and cameo[:2] == expected,
                "right": is_right(event, judged), "confidence": event.get("confidence"),
                **acts_model.feature_sets(event, j.doc, j.context, plain),  # conf, mod, stmt
                **(packed_dense(event, j.doc) if dense_sets else {}),  # vtrig, vsent, vsrc, vtgt
                "learned": learned_features(event),
            })
        print(f"coded {split}: {len(rows)} judged events so far", file=sys.stderr)
    return rows


#: The dense features' Standardiser of this run (set by main from the train rows; dateline.dense.standardise).
DENSE: Any = None


def packed_dense(event: dict[str, Any], doc: Any) -> dict[str, Any]:
    """The act filter's dense sets of one event (``vtrig`` ...), each the float32 array of dateline.dense.arrays, None
    when the event lacks the block."""
    from dateline import dense

    packed = dense.arrays(event, doc)
    return {f"{dense.PREFIX}{block}": packed.get(block) for block in dense.BLOCKS}


def dense_prefix() -> str:
    from dateline.dense import PREFIX

    return PREFIX


def named_block(row: dict[str, Any], name: str) -> dict[str, float]:
    """The features of the row's packed dense set ``name`` (``vtrig`` ...: dateline.dense.named)."""
    from dateline.dense import named

    block = name[len(dense_prefix()):]
    return named({block: row.get(name)}, (block,))


def dense_asked(sets: tuple[str, ...], dense_flag: bool = False) -> bool:
    """Whether the rows need the dense sets: ``--features`` names one, or ``--dense``."""
    return dense_flag or any(s.startswith(dense_prefix()) for s in sets)


def row_features(row: dict[str, Any], sets: tuple[str, ...]) -> dict[str, float]:
    out: dict[str, float] = {}
    for name in sets:
        if name == "learned":
            out.update({k: v for k, v in row["learned"].items()})
        elif name.startswith(dense_prefix()):
            out.update(named_block(row, name))
        else:
            out.update({f"{name}:{k}": v for k, v in row[name].items()})
    return DENSE.apply(out) if DENSE is not None else out


def fit(rows: list[dict[str, Any]], target: str, sets: tuple[str, ...], c: float) -> Any:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    model = make_pipeline(DictVectorizer(), LogisticRegression(C=c, max_iter=5000))
    return model.fit([row_features(r, sets) for r in rows], [bool(r[target]) for r in rows])


def groups_of(rows: list[dict[str, Any]], folds: str) -> list[int]:
    """A fold index per row: by article (5 groups, hashed) or by the crossfit rounds folds."""
    if folds == "article":
        import zlib

        return [zlib.crc32(r["article"].encode()) % 5 for r in rows]
    by_round = {}
    for k, fold in enumerate(folds.split(";")):
        for r in fold.split(","):
            if r.strip():
                by_round[int(r)] = k
    return [by_round[r["round"]] for r in rows]


def crossfit(rows: list[dict[str, Any]], target: str, sets: tuple[str, ...], folds: str,
             cs: tuple[float, ...] = CS) -> tuple[list[float], float]:
    """Cross-fitted P(target) for every row, C chosen by the cross-fitted log loss."""
    from sklearn.metrics import log_loss

    groups = groups_of(rows, folds)
    best: tuple[float, list[float], float] | None = None
    for c in cs:
        pred = [0.5] * len(rows)
        for g in sorted(set(groups)):
            fit_rows = [r for r, k in zip(rows, groups) if k != g]
            model = fit(fit_rows, target, sets, c)
            held = [i for i, k in enumerate(groups) if k == g]
            probs = model.predict_proba([row_features(rows[i], sets) for i in held])[:, 1]
            for i, p in zip(held, probs):
                pred[i] = float(p)
        loss = log_loss([bool(r[target]) for r in rows], pred, labels=[False, True])
        print(f"  {target} {'+'.join(sets)} C {c}: cross-fitted log loss {loss:.4f}", file=sys.stderr)
        if best is None or loss < best[0]:
            best = (loss, pred, c)
    assert best is not None
    return best[1], best[2]


def average_precision(scores: list[float], ys: list[bool]) -> float:
    from sklearn.metrics import average_precision_score

    return float(average_precision_score(ys, scores))


def add_covers(rows: list[dict[str, Any]]) -> None:
    """Each row's ``covers``: the listed asserted acts (labels and missed acts of recall articles) of the event's root
    that the event finds as the eval's recall does (:func:`dateline.newseval.finds`: the event starts inside the act's
    trigger; a trigger may carry two labels, "will not take part" labelled negated 03 and asserted 12), and ``keep``:
    a real act by its label or one that covers a listed act. (The eval also leaves out acts in captions and other
    text that is not the article's, which these rows cannot see: a handful.)"""
    from collections import defaultdict

    from dateline.newseval import finds

    listed: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    for path in (LABELS, LABELS.parent / "missed.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            x = json.loads(line) if line.strip() else None
            if x and x.get("act", True) and x.get("modality") == "asserted":
                listed[(x["id"], x["sentence_ref"]["start"])].append(x)
    for r in rows:
        article, start, _ = key = r["key"]
        covers = set()
        if r["recall_article"]:
            for x in listed[(article, start)]:
                if x["root"] == r["cameo"][:2] and finds(x, key):
                    xa, xb = x["trigger_in_sentence"]
                    covers.add((article, start, xa, xb, x["root"], bool(x.get("missed"))))
        r["covers"] = covers
        r["keep"] = bool(r["real"] or covers)


def found_acts(rows: list[dict[str, Any]], kept: list[bool]) -> set[tuple]:
    """The listed acts (recall articles) with a counted event of their root at their trigger (:func:`add_covers`)."""
    return set().union(*(r["covers"] for r, k in zip(rows, kept) if k))


def cut_report(rows: list[dict[str, Any]], drop: list[bool], base_found: set[tuple]) -> dict[str, Any]:
    """What dropping the rows flagged in ``drop`` (counted rows only) does."""
    kept = [r["counted"] and not d for r, d in zip(rows, drop)]
    dropped = [r for r, d in zip(rows, drop) if r["counted"] and d]
    counted = sum(kept)
    right = sum(1 for r, k in zip(rows, kept) if k and r["right"])
    found = found_acts(rows, kept)
    return {"dropped": len(dropped), "dropped_right": sum(r["right"] for r in dropped),
            "dropped_real_root": sum(r["real"] and r["root_right"] for r in dropped),
            "dropped_real": sum(r["real"] for r in dropped),
            "dropped_non_act": sum(not r["label_act"] for r in dropped),
            "dropped_not_asserted": sum(r["label_act"] and not r["real"] for r in dropped),
            "recall_lost": len(base_found - found), "right": right, "counted": counted,
            "precision": round(right / counted, 4) if counted else None, "found": len(found)}


def main(argv: list[str] | None = None) -> int:
    from dateline import acts_model

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--recode", action="store_true", help="code the articles again (else read build/learned_acts.pkl)")
    parser.add_argument("--exclude-rounds", default=None, help="train rounds never coded (default: the blind rounds "
                        "eval/news/blind_rounds.json names)")
    parser.add_argument("--features", default=",".join(acts_model.DEFAULT_SETS),
                        help="comma-separated sets: those of dateline.acts_model.FEATURE_SETS (conf, mod, stmt; the dense "
                        "vtrig, vsent, vsrc, vtgt, which --recode then computes), learned")
    parser.add_argument("--dense", action="store_true", help="--recode: also code the dense sets (the parser's token "
                        "vectors) into the cache when --features names none, for later runs that do")
    parser.add_argument("--target", default="real", choices=("real", "keep"), help="real: the judged label's real act; "
                        "keep: that, or an event that finds a listed act of its root at its trigger (add_covers)")
    parser.add_argument("--folds", default="article", help="'article' (5 groups) or 'rounds' (the crossfit folds)")
    parser.add_argument("--json", help="write the report here")
    parser.add_argument("--write", help="fit on every counted train row (the cross-fitted C) and write the model here")
    parser.add_argument("--threshold", type=float, default=0.15, help="the written model's threshold (session 29: "
                        "the largest of THRESHOLDS whose cross-fitted train recall loss is under 0.1%% of the listed acts)")
    parser.add_argument("--prune", type=float, default=0.005, help="weights below this (absolute) are not written")
    parser.add_argument("--cs", default="", help="the L2 strengths tried (comma-separated; default: CS)")
    parser.add_argument("--dense-weight", type=float, default=1.0, help="the dense blocks' scale after standardising "
                        "(each feature divided by std * sqrt(block size), times this; dateline.dense.standardise)")
    args = parser.parse_args(argv)
    if args.write and not set(args.features.split(",")) <= set(acts_model.FEATURE_SETS):
        # dateline.acts_model.features computes its FEATURE_SETS only: other weights would never be read
        parser.error(f"--write needs --features among {','.join(acts_model.FEATURE_SETS)} (the features "
                     "dateline.acts_model computes at run time)")
    from dateline.newseval import blind_rounds

    excluded = (set(blind_rounds(LABELS)) if args.exclude_rounds is None
                else {int(r) for r in args.exclude_rounds.split(",") if r.strip()})
    sets = tuple(s for s in args.features.split(",") if s)
    need_dense = dense_asked(sets, args.dense)
    if args.recode or not CACHE.exists():
        rows = collect(excluded, need_dense)
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        CACHE.write_bytes(pickle.dumps({"excluded": sorted(excluded), "rows": rows}))
    else:
        kept = pickle.loads(CACHE.read_bytes())
        if set(kept["excluded"]) != excluded:
            raise SystemExit(f"{CACHE} was coded with rounds {kept['excluded']} excluded: pass --recode")
        if kept["rows"] and "key" not in kept["rows"][0]:
            raise SystemExit(f"{CACHE} was coded by an older version of this tool: pass --recode")
        if need_dense and kept["rows"] and "vtrig" not in kept["rows"][0]:
            raise SystemExit(f"{CACHE} was coded without the dense sets: pass --recode")
        rows = kept["rows"]
    add_covers(rows)
    from crossfit_train import FOLDS

    global DENSE
    DENSE = None
    if dense_asked(sets):
        from dateline.dense import standardise

        fit_rows = [r for r in rows if r["split"] == "train" and r["counted"] and r["round"] not in excluded]
        DENSE = standardise([row_features(r, sets) for r in fit_rows],
                            tuple(f"{s}:" for s in sets if s.startswith(dense_prefix())), weight=args.dense_weight)

    folds = "article" if args.folds == "article" else FOLDS
    train = [r for r in rows if r["split"] == "train" and r["counted"] and r["round"] not in excluded]
    dev = [r for r in rows if r["split"] == "dev" and r["counted"]]
    print(f"train counted judged rows {len(train)}: real acts {sum(r['real'] for r in train)}, "
          f"right {sum(r['right'] for r in train)}; dev {len(dev)}", file=sys.stderr)
    cs = tuple(float(c) for c in args.cs.split(",")) if args.cs else CS
    p_act, c_act = crossfit(train, args.target, sets, folds, cs)
    p_right, c_right = crossfit(train, "right", sets, folds, cs)
    conf = [float(r["confidence"]) if r["confidence"] is not None else 0.0 for r in train]
    ys_act = [r["real"] for r in train]
    ys_right = [r["right"] for r in train]
    report: dict[str, Any] = {
        "features": sets, "folds": args.folds, "target": args.target, "c_act": c_act, "c_right": c_right, "rows": len(train),
        "ap_act": {"act_model": round(average_precision(p_act, ys_act), 4),
                   "right_model": round(average_precision(p_right, ys_act), 4),
                   "confidence_in_sample": round(average_precision(conf, ys_act), 4)},
        "ap_right": {"act_model": round(average_precision(p_act, ys_right), 4),
                     "right_model": round(average_precision(p_right, ys_right), 4),
                     "confidence_in_sample": round(average_precision(conf, ys_right), 4)},
    }
    base_found = found_acts(train, [r["counted"] for r in train])
    report["base"] = cut_report(train, [False] * len(train), base_found)
    table = []
    for t in THRESHOLDS:
        drop = [p < t for p in p_act]
        n = sum(drop)
        line = {"t": t, "act_model": cut_report(train, drop, base_found)}
        for name, scores in (("right_model", p_right), ("confidence", conf)):
            order = sorted(range(len(train)), key=lambda i: scores[i])[:n]
            same = [False] * len(train)
            for i in order:
                same[i] = True
            line[name] = cut_report(train, same, base_found)
        table.append(line)
    report["table"] = table
    # dev: the model fitted on every train row, dev totals only
    model = fit(train, args.target, sets, c_act)
    p_dev = model.predict_proba([row_features(r, sets) for r in dev])[:, 1]
    dev_found = found_acts(dev, [True] * len(dev))
    report["dev_ap_act"] = round(average_precision(list(p_dev), [r["real"] for r in dev]), 4)
    report["dev"] = [{"t": t, **cut_report(dev, [p < t for p in p_dev], dev_found)} for t in THRESHOLDS]
    conf_dev = [float(r["confidence"]) if r["confidence"] is not None else 0.0 for r in dev]
    for line in report["dev"]:  # the confidence cut at the same count (the shipped confidence is out of sample on dev)
        same = [False] * len(dev)
        for i in sorted(range(len(dev)), key=lambda i: conf_dev[i])[:line["dropped"]]:
            same[i] = True
        line["confidence"] = cut_report(dev, same, dev_found)
    print(json.dumps({k: v for k, v in report.items() if k not in ("table", "dev")}, indent=1))
    head = ("t", "dropped", "right", "real(root)", "non-act", "not-asserted", "recall lost", "precision",
            "| conf: right", "recall lost", "prec", "| right-model: right", "recall lost", "prec")
    print(" ".join(head))
    for line in table:
        a, c, m = line["act_model"], line["confidence"], line["right_model"]
        print(f"{line['t']:.2f} {a['dropped']} {a['dropped_right']} {a['dropped_real_root']} {a['dropped_non_act']} "
              f"{a['dropped_not_asserted']} {a['recall_lost']} {a['right']}/{a['counted']}={a['precision']} | "
              f"{c['dropped_right']} {c['recall_lost']} {c['precision']} | {m['dropped_right']} {m['recall_lost']} "
              f"{m['precision']}")
    print("dev (model fitted on all train rows): AP(act)", report["dev_ap_act"], "base",
          cut_report(dev, [False] * len(dev), dev_found))
    for line in report["dev"]:
        print(f"{line['t']:.2f} dropped {line['dropped']} right {line['dropped_right']} real(root) "
              f"{line['dropped_real_root']} non-act {line['dropped_non_act']} recall lost {line['recall_lost']} "
              f"-> {line['right']}/{line['counted']} = {line['precision']} | confidence at the same count: right "
              f"{line['confidence']['dropped_right']} recall lost {line['confidence']['recall_lost']}")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    if args.write:
        write(model, Path(args.write), args, sets, c_act, train, excluded, report)
    return 0


def write(model: Any, out: Path, args: Any, sets: tuple[str, ...], c: float, train: list[dict[str, Any]],
          excluded: set[int], report: dict[str, Any]) -> None:
    """The model fitted on every counted train row, as JSON (dateline.acts_model.ActsModel)."""
    from dateline.acts_model import ActsModel

    vec, clf = model.steps[0][1], model.steps[1][1]
    weights = {name: round(float(w), 5) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0])
               if abs(w) >= args.prune}
    line = next((x for x in report["table"] if abs(x["t"] - args.threshold) < 1e-9), None)
    if line is None:
        print(f"threshold {args.threshold} is not one of {THRESHOLDS}: no cross-fitted numbers in the meta", file=sys.stderr)
    meta = {"target": {"real": "real act (dateline.newseval.real_act) of a counted event",
                       "keep": "real act, or an event that finds a listed asserted act of its root at its trigger"}[args.target], "features": list(sets), "c": c,
            "prune": args.prune, "events": len(train), "articles": len({r["article"] for r in train}),
            "fitted_rounds": sorted({r["round"] for r in train}), "excluded_rounds": sorted(excluded),
            "threshold_chosen_on": "cross-fitted train (tools/learned_acts.py, eval/sessions/29.md 'actfilter')",
            "cross_fitted_at_threshold": line and line["act_model"], "ap_act_cross_fitted": report["ap_act"]["act_model"]}
    from dateline.dense import Standardiser

    if DENSE is not None:
        meta["dense_weight"] = args.dense_weight
    used = {k: v for k, v in (DENSE.params if DENSE is not None else {}).items() if k in weights}
    acts = ActsModel(weights, round(float(clf.intercept_[0]), 5), args.threshold, meta, Standardiser(used))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(acts.to_dict(), indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(weights)} weights, threshold {args.threshold}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
