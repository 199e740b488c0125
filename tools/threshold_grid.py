"""Session 45 (prthresh45): the three learned thresholds together, cross-fitted on train.

What is counted is decided partly by three learned components, each with a threshold: the trigger proposer
(``data/triggers/model.json``, 0.8: proposes acts on verbs the lexicon leaves uncoded), the act filter
(``data/acts/model.json``, 0.15: un-counts events whose ``act_p`` is below it) and the confidence
(``data/confidence/model.json``, 0: counts everything). Each tool measures its own threshold alone; this one measures
them together, every component out of sample, by the folds of ``tools/crossfit_train.FOLDS`` (the blind rounds out):

``code``: code train once from the parse cache with each fold's articles proposed by the trigger proposer fitted
without the fold (``tools/learned_triggers.py``'s rows, build/learned_triggers.pkl; threshold 0: every candidate
proposed, its probability logged, as that tool's table does), and keep beside every event the features the act
filter and the confidence read (``acts_model.features``, ``confidence.event_features``, ``learned_features``), so
that both can score it again (build/tg/train_coded.pkl: corpus lemmas, never committed)::

    nice .venv/bin/python tools/threshold_grid.py code

``grid``: for each proposer threshold T, act filter threshold A and confidence threshold C: the proposals below T
removed (an approximation, as in ``learned_triggers.py``'s table), every asserted event's ``act_p`` from the act
filter fitted (shipped settings: target ``keep``, sets conf,mod,stmt, C 0.1) on the other folds' rows of
``tools/learned_acts.py`` (build/learned_acts.pkl), its confidence from the confidence model fitted on the other folds'
cross-fitted rows of ``tools/crossfit_train.py --rows`` (``tools/confidence_folds.lofo``, calibrated on dev as the
installed model is), and ``counted`` decided by ``confidence.is_counted`` at C; then ``newseval.score`` on train
(and its two halves, totals only)::

    nice .venv/bin/python tools/threshold_grid.py grid --rows build/crossfit_rows.pkl --json build/tg/grid.json

Named leaks: the learned side chooser and root correction that coded these rows are the shipped ones (fitted on every
train round), so the confidence's second stage reads in-sample probabilities on them (as ``confidence_folds.py f1``
does); the act filter's rows were coded by them too. Totals only; never codes dev, test or fresh, nor the blind rounds.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

LABELS = ROOT / "eval/news/labels.jsonl"
NEWS = ROOT / "../shared/data/news"
OUT = ROOT / "build" / "tg"
STASH = "tg45"
ACT_SETS = ("conf", "mod", "stmt")
ACT_C = 0.1  # the shipped act filter's C (data/acts/model.json meta.c)
TRIGGERS = (0.4, 0.5, 0.6, 0.7, 0.8)
ACTS = (0.15, 0.2, 0.25, 0.3, 0.35)
CONFS = (0.0, 0.02, 0.05, 0.1)


def _labels(exclude: set[int]) -> Any:
    from dateline.newseval import load_labels

    return load_labels(LABELS).rounds(exclude, keep=False)


def code(exclude: set[int]) -> None:
    import learned_triggers as lt
    from cached_eval import use_parse_cache
    from crossfit_train import FOLDS, parse_folds

    import dateline.confidence as confidence
    from dateline import acts_model
    from dateline.newseval import code_articles, corpus_texts

    data = pickle.loads(lt.CACHE.read_bytes())
    rows, article_ids = data["rows"], data["article_ids"]
    train = [r for r in rows if r["split"] == "train" and r["round"] not in exclude]
    models: dict[str, Any] = {}
    for fold in parse_folds(FOLDS, exclude):
        model = lt.fit([r for r in train if r["round"] not in fold], 0.3, 0.0)
        for r in train:
            if r["round"] in fold:
                models[article_ids[r["article"]]] = model
        print(f"proposer fold {sorted(fold)} fitted", file=sys.stderr)

    original = confidence.score_events

    def score_events(doc: Any, model: Any = None) -> Any:
        out = original(doc, model)
        context = confidence.DocContext.of(doc)
        for event in doc._.events or []:
            evidence = event.get("evidence")
            if not isinstance(evidence, dict):
                continue
            stash = {"f": confidence.event_features(event, doc, context), "l": confidence.learned_features(event)}
            if "act_p" in (evidence.get("learned") or {}):  # the act filter scored it: asserted, not negated, no gate
                stash["a"] = acts_model.features(event, doc, context, ACT_SETS)
            evidence[STASH] = stash
        return out

    confidence.score_events = score_events  # type: ignore[assignment]
    use_parse_cache()
    labels = _labels(exclude)
    part = labels.split("train")
    texts = corpus_texts(part.articles, NEWS)
    log: list[tuple[str, int, str, float]] = []
    with lt.proposing(lambda doc: models.get(doc._.article_id), log):
        coded = code_articles(texts, [a["id"] for a in part.articles])
    probs = {(aid, idx): p for aid, idx, _, p in log}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "train_coded.pkl").write_bytes(pickle.dumps({"coded": coded, "probs": probs, "article_ids": article_ids,
                                                        "exclude": sorted(exclude)}))
    print(f"train: {len(coded)} records, {sum(len(r['events']) for r in coded.values())} events, "
          f"{len(probs)} candidates scored", file=sys.stderr)


def act_probs(coded: dict[str, Any], rounds: dict[str, int], folds: list[set[int]], exclude: set[int]) -> dict[tuple[str, int], float]:
    """(record id, event index) -> P(keep) from the act filter fitted on the other folds' rows."""
    import learned_acts as la

    kept = pickle.loads(la.CACHE.read_bytes())
    if set(kept["excluded"]) != exclude:
        raise SystemExit(f"{la.CACHE} was coded with rounds {kept['excluded']} excluded")
    rows = kept["rows"]
    la.add_covers(rows)
    la.DENSE = None
    train = [r for r in rows if r["split"] == "train" and r["counted"] and r["round"] not in exclude]
    out: dict[tuple[str, int], float] = {}
    for fold in folds:
        model = la.fit([r for r in train if r["round"] not in fold], "keep", ACT_SETS, ACT_C)
        where, feats = [], []
        for rid, record in coded.items():
            if rounds.get(rid) not in fold:
                continue
            for i, event in enumerate(record["events"]):
                stash = (event.get("evidence") or {}).get(STASH) or {}
                if "a" in stash:
                    where.append((rid, i))
                    feats.append(stash["a"])
        if feats:
            for key, p in zip(where, model.predict_proba(feats)[:, 1]):
                out[key] = float(p)
        print(f"act filter fold {sorted(fold)}: {len(feats)} events scored", file=sys.stderr)
    return out


def conf_probs(coded: dict[str, Any], rounds: dict[str, int], rows_path: Path) -> dict[tuple[str, int], float]:
    """(record id, event index) -> the confidence from the model fitted on the other folds, calibrated on dev as the
    installed model is (``confidence_folds.f1``'s scoring)."""
    import confidence_folds as cf

    import dateline.confidence as confidence

    shipped = confidence.shipped_model()
    c = float(shipped.meta["c"]) if shipped is not None else 0.3
    cf.OUT.mkdir(parents=True, exist_ok=True)
    train_rows, dev_rows, folds = cf.load_rows(rows_path, str(LABELS))
    scores = cf.lofo(train_rows, dev_rows, folds, c, "shipped", cf.rows_key(rows_path, c))
    dev_y = [e.right for e in dev_rows]
    calibrate = cf.platt if shipped is not None and shipped.meta.get("calibration") == "platt" else cf.iso
    out: dict[tuple[str, int], float] = {}
    for f in scores["folds"]:
        model, cal, fold = f["model"], calibrate(list(f["dev"]), dev_y), set(f["rounds"])
        where, raw = [], []
        for rid, record in coded.items():
            if rounds.get(rid) not in fold:
                continue
            for i, event in enumerate(record["events"]):
                stash = (event.get("evidence") or {}).get(STASH)
                if stash is not None:
                    where.append((rid, i))
                    raw.append(model.raw(stash["f"], stash["l"]))
        if raw:
            for key, p in zip(where, cal(raw)):
                out[key] = round(float(p), 4)
    return out


def decided(coded: dict[str, Any], probs: dict[tuple[str, int], float], article_ids: dict[str, str],
            act_p: dict[tuple[str, int], float], conf: dict[tuple[str, int], float] | None,
            t: float, a: float, c: float, act_roots: dict[str, float] | None = None) -> dict[str, Any]:
    """The records with the proposals below ``t`` removed, the act filter re-decided at ``a`` on the cross-fitted
    ``act_p`` (at ``act_roots``' threshold for an event of that CAMEO root, if lower than ``a``: session 39's
    exemption of the yields, root 08) and ``counted`` at confidence ``c`` (the cross-fitted confidence where given,
    else the coded one)."""
    from dateline.confidence import ACT_FILTER_KEY, is_counted

    out = {}
    for rid, record in coded.items():
        aid = article_ids.get(rid)
        events = []
        for i, event in enumerate(record["events"]):
            evidence = event.get("evidence") or {}
            if (isinstance(evidence, dict) and (evidence.get("rules") or {}).get("trigger") == "learned"
                    and probs.get((aid, event["span"][0]), 0.0) < t):
                continue
            e = dict(event)
            if isinstance(evidence, dict):
                ev = {k: v for k, v in evidence.items() if k not in (ACT_FILTER_KEY, STASH)}
                p = act_p.get((rid, i))
                cut = min(a, (act_roots or {}).get(str(event.get("cameo") or "")[:2], a))
                if p is not None and p < cut:
                    ev[ACT_FILTER_KEY] = {"p": p, "threshold": cut}
                e["evidence"] = ev
            if conf is not None and (rid, i) in conf:
                e["confidence"] = conf[(rid, i)]
            e["counted"] = is_counted(e, c)
            events.append(e)
        out[rid] = {**record, "events": events}
    return out


def totals(s: Any) -> dict[str, Any]:
    return {"counted": s.counted, "judged": s.counted_judged, "right": s.counted_right, "found": s.gold_found_root,
            "gold": s.gold_acts, "strict_precision": round(s.strict_precision, 4), "recall": round(s.recall, 4),
            "strict_f1": round(s.strict_f1, 5)}


def grid(exclude: set[int], rows_path: Path | None, triggers: list[float], acts: list[float], confs: list[float],
         halves: bool, act_roots: dict[str, float] | None = None) -> dict[str, Any]:
    from crossfit_train import FOLDS, parse_folds

    from dateline.newseval import article_round, corpus_texts, score

    kept = pickle.loads((OUT / "train_coded.pkl").read_bytes())
    if set(kept["exclude"]) != exclude:
        raise SystemExit("build/tg/train_coded.pkl was coded with other rounds excluded: code again")
    coded, probs, article_ids = kept["coded"], kept["probs"], kept["article_ids"]
    labels = _labels(exclude)
    part = labels.split("train")
    rounds = {a["id"]: article_round(a) for a in part.articles}
    texts = corpus_texts(part.articles, NEWS)
    folds = parse_folds(FOLDS, exclude)
    cache = OUT / "probs.pkl"  # the cross-fitted act_p and confidences of train_coded.pkl (rewritten by `code`)
    act_p, conf = (pickle.loads(cache.read_bytes())
                   if cache.exists() and cache.stat().st_mtime > (OUT / "train_coded.pkl").stat().st_mtime
                   else (act_probs(coded, rounds, folds, exclude), None))
    if conf is None and rows_path is not None:
        conf = conf_probs(coded, rounds, rows_path)
    cache.write_bytes(pickle.dumps((act_p, conf)))
    if conf is None and any(c > 0 for c in confs):
        raise SystemExit("a confidence threshold above 0 needs --rows (the cross-fitted confidence)")
    parts = [("train", labels)] + ([("read", labels.half("read")), ("unread", labels.half("unread"))] if halves else [])
    report: dict[str, Any] = {"exclude": sorted(exclude), "cells": []}
    for t in triggers:
        for a in acts:
            for c in confs:
                recs = decided(coded, probs, article_ids, act_p, conf, t, a, c, act_roots)
                cell: dict[str, Any] = {"trigger": t, "act": a, "conf": c}
                for name, lab in parts:
                    ids = {x["id"] for x in lab.split("train").articles}
                    cell[name] = totals(score(lab, {k: v for k, v in recs.items() if k in ids}, texts, "train"))
                report["cells"].append(cell)
                s = cell["train"]
                print(f"T {t:.2f} A {a:.2f} C {c:.2f}: right {s['right']}/{s['counted']} = {s['strict_precision']:.4f}, "
                      f"recall {s['found']}/{s['gold']} = {s['recall']:.4f}, strict F1 {s['strict_f1']:.5f}"
                      + "".join(f" | {n} {cell[n]['strict_f1']:.5f} ({cell[n]['found']})" for n, _ in parts[1:]),
                      flush=True)
    return report


def main(argv: list[str] | None = None) -> int:
    from dateline.newseval import blind_rounds

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("step", choices=("code", "grid"))
    parser.add_argument("--rows", type=Path, default=None, help="tools/crossfit_train.py's rows (the confidence)")
    parser.add_argument("--triggers", default=",".join(map(str, TRIGGERS)))
    parser.add_argument("--acts", default=",".join(map(str, ACTS)))
    parser.add_argument("--confs", default=",".join(map(str, CONFS)))
    parser.add_argument("--act-roots", default="", help="per-root act filter thresholds, e.g. 08=0.15 (used where "
                        "below the grid's)")
    parser.add_argument("--halves", action="store_true", help="also the read and unread halves (totals)")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    exclude = set(blind_rounds(LABELS))
    if args.step == "code":
        code(exclude)
        return 0
    floats = lambda text: [float(x) for x in text.split(",") if x.strip()]  # noqa: E731
    roots = {k: float(v) for k, v in (x.split("=") for x in args.act_roots.split(",") if x.strip())}
    report = grid(exclude, args.rows, floats(args.triggers), floats(args.acts), floats(args.confs), args.halves, roots)
    report["act_roots"] = roots
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
