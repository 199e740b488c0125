"""Experiment (issue 11): does a LEARNED modality check transfer to unseen articles?

Every event the coder emits on a labelled article has a label with the modality the text gives the
act (docs/annotation.md section 3). This tool

1. measures the confusion table of the rules' modality (negation first; the coder's ``reported`` as
   ``claimed``) against the labelled modality on train, and the oracle: the right counted events on
   train if every event's modality were the label's;
2. fits a multinomial logistic regression (scikit-learn) predicting the labelled modality from the
   generic features of :func:`dateline.modality_model.features`, cross-fitted by article (5 folds)
   on train; the rules' modality is changed only where it decides whether the event counts and the
   model's most likely modality beats the rules' by a probability margin (one per direction); C and
   the margins are chosen on the cross-fitted train events only, by the right events gained beyond
   what the rules' precision would give the events added (so precision rises), among the settings
   that gain right events; dev is measured (totals only) for that choice;
3. ``--write``: fits on every train article of the fitted rounds and writes the model (not shipped, not in ``make train``:
   eval/experiments.md "Learned modality (experiment)").

    nice .venv/bin/python tools/learned_modality.py --recode    # codes the articles once (cache in build/)
    nice .venv/bin/python tools/learned_modality.py --json build/learned_modality.json

Session 27 (eval/sessions/27.md "modality2"): ``--held-out`` rounds are kept out of the fit and of every
choice and scored (totals) with the model fitted on the other train rounds; ``--exclude-rounds`` rounds are never
coded; ``--directions from`` lets the grid only un-count asserted events (a precision filter); ``--no-lemmas``
fits on features that name no word (:func:`dateline.modality_model.strip_lemmas`, kept in the written model's meta).

    nice .venv/bin/python tools/learned_modality.py --recode --cached-parse --exclude-rounds 78,79,80,81,82,83,84,85,86,87,88,89,90,91 \
        --held-out 14,15,16,17,18,19,20,21,22,23,24,25 --directions from --no-lemmas --json build/lm.json

The measure is offline: an event counts when its modality is asserted and not negated (the shipped
confidence threshold is 0); it is right when the eval's :func:`dateline.newseval.is_right` says so
(root, source and target as coded). Recall is the listed asserted acts (recall articles) with a
counted event of the right root among the judged events at their trigger. Prints totals only for
dev; never runs or reads the locked splits.
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

from dateline import modality_model  # noqa: E402
from dateline.modality_model import CLASSES, coded_class, features, strip_lemmas  # noqa: E402
from dateline.newseval import coded_root, is_right, load_labels  # noqa: E402

LABELS = ROOT / "eval/news/labels.jsonl"
NEWS = ROOT / "../shared/data/news"
CACHE = ROOT / "build/learned_modality.pkl"
SPLITS = ("train", "dev")  # never the locked ones
MARGINS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, None)  # None: that direction never changes
CS = (0.3, 1.0, 3.0)
#: The labels' non-acts are a sixth class the model learns (never chosen, see
#: :func:`dateline.modality_model.choose`); ``--acts-only`` leaves them out of the fit instead.
VARIANT = {"non_act": True}
#: Train rounds collect() leaves out entirely (``--exclude-rounds``): the rounds being labelled blind.
EXCLUDED_ROUNDS: set[int] = set()


def target(row: dict[str, Any]) -> str | None:
    """The modality the model learns: the label's, except that an intent the coder codes as its own
    03/13 event on the intended act's trigger is right to count (the eval's :func:`coded_root`)."""
    if not row["act"]:
        return "non-act" if VARIANT["non_act"] else None
    if row["modality"] not in CLASSES:
        return None
    if row["modality"] == "intended" and row["expected"] is not None and row["cameo"][:2] == row["expected"]:
        return "asserted"
    return row["modality"]


def collect(limit: int | None = None) -> list[dict[str, Any]]:
    """Code the train and dev articles once, with the rules' modality; one row per judged event."""
    from dateline.nlp import load_nlp
    from dateline.train import judged_events

    modality_model.DISABLED = True
    labels = load_labels(LABELS)
    if EXCLUDED_ROUNDS:  # the blind rounds are never coded (their labels never read into the cache)
        labels = labels.rounds(EXCLUDED_ROUNDS, keep=False)
    nlp = load_nlp()
    rows: list[dict[str, Any]] = []
    for split in SPLITS:
        part = labels.split(split)
        rounds = {a["id"]: a.get("round") for a in part.articles}
        for j in judged_events(labels, split, NEWS, nlp=nlp, limit=limit):
            event, judged = j.event, j.judged
            rows.append({
                "split": split, "round": rounds.get(j.article) or 1, "article": j.article,
                "recall_article": j.article in part.recall_articles,
                "gold": (j.article, judged["sentence_ref"]["start"], tuple(judged["trigger_in_sentence"]),
                         judged.get("src"), judged.get("tgt"), judged.get("root")),
                "cameo": str(event.get("cameo") or ""), "coded": coded_class(event),
                "counted": bool(event.get("modality") == "asserted" and not event.get("negated")),
                "act": bool(judged["act"]), "modality": judged.get("modality"), "expected": coded_root(judged),
                "label_root": judged.get("root"), "right": is_right(event, judged),
                "rules": dict((event.get("evidence") or {}).get("rules") or {}),
                "feats": features(j.doc, event),
            })
        print(f"coded {split}: {len(rows)} judged events so far", file=sys.stderr)
    return rows


def measure(rows: list[dict[str, Any]], counted: list[bool]) -> dict[str, Any]:
    """Right and judged counted events, precision, and recall hits, with ``counted`` per row."""
    right = sum(r["right"] and c for r, c in zip(rows, counted))
    judged = sum(counted)
    hits = {r["gold"] for r, c in zip(rows, counted)
            if c and r["recall_article"] and r["act"] and r["modality"] == "asserted" and r["cameo"][:2] == r["label_root"]}
    return {"right": right, "judged": judged, "precision": round(right / judged, 4) if judged else 0.0,
            "recall_hits": len(hits)}


def confusion(rows: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    table: dict[str, Counter[str]] = {}
    for r in rows:
        label = r["modality"] if r["act"] else "non-act"
        table.setdefault(r["coded"], Counter())[label] += 1
    return {k: dict(v) for k, v in sorted(table.items())}


def fit(rows: list[dict[str, Any]], c: float) -> Any:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    train = [r for r in rows if target(r) is not None]
    vec = DictVectorizer()
    x = vec.fit_transform([r["feats"] for r in train])
    clf = LogisticRegression(C=c, max_iter=5000).fit(x, [target(r) for r in train])
    return vec, clf


def predict(model: Any, rows: list[dict[str, Any]]) -> list[dict[str, float]]:
    vec, clf = model
    if not rows:
        return []
    p = clf.predict_proba(vec.transform([r["feats"] for r in rows]))
    return [{str(c): float(v) for c, v in zip(clf.classes_, row)} for row in p]


def decide(rows: list[dict[str, Any]], probs: list[dict[str, float]], margin: dict[str, float]) -> list[bool]:
    return [modality_model.choose(p, r["coded"], margin) == "asserted" for r, p in zip(rows, probs)]


def margins_dict(to: float | None, away: float | None) -> dict[str, float]:
    out = {}
    if to is not None:
        out["to_asserted"] = to
    if away is not None:
        out["from_asserted"] = away
    return out


def crossfit(rows: list[dict[str, Any]], c: float) -> list[dict[str, float]]:
    from sklearn.model_selection import GroupKFold

    out: list[dict[str, float]] = [{} for _ in rows]
    for fit_idx, held in GroupKFold(5).split(rows, groups=[r["article"] for r in rows]):
        model = fit([rows[i] for i in fit_idx], c)
        for i, p in zip(held, predict(model, [rows[i] for i in held])):
            out[i] = p
    return out


def _margin(text: str) -> tuple[float | None]:
    """A margin on the command line: a number, or 'none' (that direction never changes)."""
    return (None,) if text.lower() == "none" else (float(text),)


def grid_table(rows: list[dict[str, Any]], probs: list[dict[str, float]], tos: tuple, froms: tuple) -> dict[str, Any]:
    return {f"to {to} from {away}": measure(rows, decide(rows, probs, margins_dict(to, away))) for to in tos for away in froms}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--recode", action="store_true", help="re-code the articles (ignore the cache)")
    parser.add_argument("--limit", type=int, help="only the first articles of each split (a quick check; no cache)")
    parser.add_argument("--json", help="write the measured numbers here")
    parser.add_argument("--write", help="fit on the fitted rounds and write the model here")
    parser.add_argument("--to-asserted", type=_margin, help="margin of the written model for events the rules left "
                        "unasserted ('none': never changed; default: the chosen one)")
    parser.add_argument("--from-asserted", type=_margin, help="margin of the written model for asserted events "
                        "('none': never changed; default: the chosen one)")
    parser.add_argument("--acts-only", action="store_true", help="fit on the labelled acts only (no non-act class)")
    parser.add_argument("--no-dev", action="store_true", help="do not measure dev")
    parser.add_argument("--cached-parse", action="store_true",
                        help="--recode: read the model's parse from build/parse_cache (as tools/cached_eval.py)")
    parser.add_argument("--exclude-rounds", default="",
                        help="--recode: train rounds left out of the coded rows altogether (the blind rounds)")
    parser.add_argument("--held-out", default="none",
                        help="train rounds kept out of the fit and of every choice, scored (totals) with the model "
                             "fitted on the other rounds ('none': fit on every train round)")
    parser.add_argument("--directions", choices=("both", "from", "to"), default="both",
                        help="the directions the grid may change: 'from' = only asserted events un-counted "
                             "(a precision filter), 'to' = only unasserted events counted")
    parser.add_argument("--no-lemmas", action="store_true", help="features that name no word (strip_lemmas)")
    parser.add_argument("--cs", default=",".join(str(c) for c in CS), help="the C values tried")
    parser.add_argument("--prune", type=float, default=0.0, help="--write: weights below this (absolute) dropped")
    args = parser.parse_args()
    EXCLUDED_ROUNDS.update(int(r) for r in args.exclude_rounds.split(",") if r.strip())
    if args.cached_parse:
        sys.path.insert(0, str(ROOT / "tools"))
        from cached_eval import use_parse_cache

        use_parse_cache()
    if args.limit:
        rows = collect(args.limit)
    elif CACHE.exists() and not args.recode:
        rows = pickle.loads(CACHE.read_bytes())
    else:
        rows = collect()
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        CACHE.write_bytes(pickle.dumps(rows))
    rows = [r for r in rows if r["split"] != "train" or r["round"] not in EXCLUDED_ROUNDS]
    if args.no_lemmas:
        rows = [{**r, "feats": strip_lemmas(r["feats"])} for r in rows]
    VARIANT["non_act"] = not args.acts_only
    held_rounds = set() if args.held_out == "none" else {int(x) for x in args.held_out.split(",") if x.strip()}
    train = [r for r in rows if r["split"] == "train" and r["round"] not in held_rounds]
    held = [r for r in rows if r["split"] == "train" and r["round"] in held_rounds]
    dev = [r for r in rows if r["split"] == "dev"]
    tos = MARGINS if args.directions in ("both", "to") else (None,)
    froms = MARGINS if args.directions in ("both", "from") else (None,)
    report: dict[str, Any] = {"fitted_rounds": sorted({r["round"] for r in train}), "held_out_rounds": sorted(held_rounds),
                              "train_events": len(train), "train_articles": len({r["article"] for r in train}),
                              "train_labelled_acts": sum(target(r) in CLASSES for r in train),
                              "held_events": len(held), "held_articles": len({r["article"] for r in held}),
                              "variant": {"directions": args.directions, "no_lemmas": args.no_lemmas,
                                          "acts_only": args.acts_only}}
    print({k: v for k, v in report.items()})
    for name, part in (("fitted rounds", train), ("held-out rounds", held)):
        if not part:
            continue
        table = confusion(part)
        report[f"confusion {name}"] = table
        print(f"confusion (rows: coded, columns: labelled) on train {name}:")
        for coded, row in table.items():
            print(f"  {coded:>12}: {row}")
    before = measure(train, [r["counted"] for r in train])
    oracle = measure(train, [(target(r) == "asserted") if target(r) in CLASSES else r["counted"] for r in train])
    report.update(train_before=before, train_oracle=oracle)
    print("fitted rounds, rules:", before)
    print("fitted rounds, oracle (every labelled act's modality the label's):", oracle)
    tried: dict[str, Any] = {}
    best: tuple[Any, ...] | None = None
    rules_acc = sum(r["coded"] == target(r) for r in train if target(r) in CLASSES)
    for c in (float(x) for x in args.cs.split(",")):
        probs = crossfit(train, c)
        acc = sum(max(p, key=lambda k: p[k]) == target(r) for r, p in zip(train, probs) if target(r) in CLASSES)
        print(f"C {c}: cross-fitted accuracy {acc} vs rules {rules_acc} of {report['train_labelled_acts']}")
        report[f"accuracy C {c}"] = {"model": acc, "rules": rules_acc}
        for key, m in grid_table(train, probs, tos, froms).items():
            tried[f"C {c} {key}"] = m
            to, away = key.split(" from ")
            to, away = _margin(to[3:])[0], _margin(away)[0]
            # right events gained beyond what the rules' precision would give the events added:
            # positive exactly when precision rises; only settings that gain right events (or, for a
            # precision filter that adds none, keep them) qualify
            gained = m["right"] - before["right"]
            excess = gained - before["precision"] * (m["judged"] - before["judged"])
            ok = gained > 0 if args.directions != "from" else gained >= 0
            score = (ok, round(excess, 6), gained)
            if best is None or score > best[0]:
                best = (score, c, to, away, m)
    report["tried_train_crossfit"] = tried
    assert best is not None
    _, c, to, away, m = best
    report["chosen"] = {"C": c, "to_asserted": to, "from_asserted": away, "train_crossfit": m}
    print("fitted rounds cross-fitted, by margin (C, to-asserted, from-asserted): right judged precision recall_hits")
    for key, v in tried.items():
        if key.startswith(f"C {c} "):
            print(f"  {key}: {v['right']} {v['judged']} {v['precision']} {v['recall_hits']}")
    print("chosen:", report["chosen"])
    model = fit(train, c)
    if held:
        probs = predict(model, held)
        report["held_before"] = measure(held, [r["counted"] for r in held])
        report["held_grid"] = grid_table(held, probs, tos, froms)
        report["held_chosen"] = report["held_grid"][f"to {to} from {away}"]
        print("held-out rounds, rules:", report["held_before"])
        for key, v in report["held_grid"].items():
            print(f"  held {key}: {v['right']} {v['judged']} {v['precision']} {v['recall_hits']}")
        print("held-out rounds, chosen:", report["held_chosen"])
    if not args.no_dev and dev:
        probs = predict(model, dev)
        dev_before = measure(dev, [r["counted"] for r in dev])
        dev_after = measure(dev, decide(dev, probs, margins_dict(to, away)))
        report.update(dev_before=dev_before, dev_after=dev_after)  # totals only
        print("dev totals before:", dev_before, "after:", dev_after)
    if args.write:
        write(train, Path(args.write), c, to if args.to_asserted is None else args.to_asserted[0],
              away if args.from_asserted is None else args.from_asserted[0], report, args)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1))
    return 0


def write(train: list[dict[str, Any]], out: Path, c: float, to: float | None, away: float | None,
          report: dict[str, Any], args: Any) -> None:
    import datetime as dt
    from dateline import __version__

    vec, clf = fit(train, c)
    names = vec.get_feature_names_out()
    floor = max(args.prune, 1e-6)
    weights = {str(cls): {n: round(float(w), 4) for n, w in zip(names, clf.coef_[k]) if abs(w) > floor}
               for k, cls in enumerate(clf.classes_)}
    intercept = {str(cls): round(float(clf.intercept_[k]), 6) for k, cls in enumerate(clf.classes_)}
    model = modality_model.ModalityModel(weights, intercept, margins_dict(to, away), {
        "c": c, "trained": dt.date.today().isoformat(), "coder": f"dateline {__version__}",
        "articles": len({r["article"] for r in train}), "data": "train articles of the fitted rounds",
        "fitted_rounds": sorted({int(r["round"]) for r in train}), "no_lemmas": bool(args.no_lemmas),
        "prune": args.prune,
        "measured": {k: report[k] for k in ("train_before", "chosen", "held_before", "held_chosen", "dev_before",
                                            "dev_after") if k in report}})
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model.to_dict(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
