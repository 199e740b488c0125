"""Session 29 (roots4): the root correction fitted on chosen train rounds, scored offline, and its gold changes.

``fit``: fit the correction (tools/learned_roots.py's multinomial, on every counted real act of the fit rounds,
as ``--fit-domain all``; the lexicon domain corrected, rule margin) on ``FIT`` rounds with given settings, and
score it offline on held-out train rounds and on dev (right counted events and roots right before and after,
from the rows tools/learned_roots.py caches in build/learned_roots.pkl; a root change does not change which
events count, so precision moves with the right events); ``--write`` writes the model file.

``gold``: code the gold sentences (the file `make eval` scores) with each model file in turn, print the three
F1s (the no-event fixture of `make eval` is not coded here), and every record whose events differ from the first file's;
``--probe IDS`` prints, for those records, each model's top roots for every asserted event and the features
that push its best other root over the coded one.

    nice .venv/bin/python tools/roots_rounds.py fit 1-25 26-29 --cross 0.7
    nice .venv/bin/python tools/roots_rounds.py fit 1-29 "" --cross 0.8 --write build/roots_1_29.json
    nice .venv/bin/python tools/roots_rounds.py gold src/dateline/data/roots/model.json build/roots_1_29.json

Never fits on or scores the blind rounds (eval/news/blind_rounds.json) nor the locked splits.
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

GOLD = ROOT / "../shared/data/eventgold/plover_gsr_cameo_manual.jsonl"


def rounds(text: str) -> set[int]:
    """'1-12,14' -> {1, ..., 12, 14}."""
    out: set[int] = set()
    for part in text.split(","):
        if "-" in part:
            a, b = part.split("-")
            out |= set(range(int(a), int(b) + 1))
        elif part.strip():
            out.add(int(part))
    return out


def fit_main(args: argparse.Namespace) -> None:
    import learned_roots as lr
    from dateline.roots_model import LEXICON_CODE_RULES

    blind = set(json.loads((ROOT / "eval/news/blind_rounds.json").read_text())["rounds"])
    fit_rounds, held = rounds(args.fit) - blind, rounds(args.held) - blind
    assert not fit_rounds & held, "a round both fitted on and held out"
    rows = pickle.loads((ROOT / "build/learned_roots.pkl").read_bytes())
    feats = lr.SELECT_VARIANTS[args.variant]
    fit = [r for r in rows if r["split"] == "train" and r["round"] in fit_rounds and r["counted"]]
    fitted = [r for r in fit if lr.is_real(r)]
    vec, clf = lr.fit_multinomial(fitted, feats, args.c)
    classes = list(clf.classes_)
    print(f"fitted on rounds {sorted({r['round'] for r in fit})}: {len(fitted)} real acts; variant {args.variant}, "
          f"C {args.c}, margin {args.margin}, across PLOVER types {args.cross}")
    parts = {f"held-out rounds {args.held}": [r for r in rows if r["split"] == "train" and r["round"] in held
                                              and r["counted"]],
             "dev": [r for r in rows if r["split"] == "dev" and r["counted"]]}
    for name, part in parts.items():
        if not part:
            continue
        probs = clf.predict_proba(vec.transform([feats(r) for r in part]))
        base = lr.score(part, [r["cameo"][:2] for r in part])
        new = lr.score(part, [lr.decide(q, classes, r["cameo"][:2], "margin", args.margin, args.cross)
                              if lr.in_domain(r, LEXICON_CODE_RULES) else r["cameo"][:2] for r, q in zip(part, probs)])
        print(f"  {name}: {len(part)} counted; right {base['counted_right']} -> {new['counted_right']} "
              f"({new['counted_right'] - base['counted_right']:+d}); root right {new['root_right'] - base['root_right']:+d}; "
              f"changed {new['changed']}, fixed/broken/sideways {new['fixed']}/{new['broken']}/{new['sideways']}")
    if args.write:
        best = {"variant": args.variant, "c": args.c, "rule": "margin", "t": args.margin, "cross": args.cross,
                "d_right": None, "d_root": None, "changed": None}
        lr.write_model(Path(args.write), vec, clf, best, len(fitted), len({r["article"] for r in fit}),
                       sorted({int(r["round"]) for r in fit}), LEXICON_CODE_RULES)


def _summary(event: dict[str, Any]) -> tuple[Any, ...]:
    trigger = event.get("trigger")
    return (event.get("cameo"), (event.get("source") or {}).get("code"), (event.get("target") or {}).get("code"),
            trigger.get("text") if isinstance(trigger, dict) else trigger)


def gold_main(args: argparse.Namespace) -> None:
    from dateline import roots_model
    from dateline.confidence import DocContext
    from dateline.evaluate import LEVELS, _matched, _prediction, load_gold, score
    from dateline.pipeline import code_texts
    from dateline.roots_model import RootsModel, in_domain, root_features

    records = load_gold(GOLD)
    models = {p: RootsModel.from_dict(json.loads(Path(p).read_text(encoding="utf-8"))) for p in args.models}
    runs: dict[str, list[list[dict[str, Any]]]] = {}
    for path, model in models.items():
        roots_model.shipped_model = lambda m=model: m  # the correction the pipeline runs
        runs[path] = code_texts([r.text for r in records], dates=[r.date for r in records])
        s = score(records, runs[path])
        print(f"{path}: " + ", ".join(f"{lv} F1 {s.levels[lv].f1:.4f}" for lv in LEVELS)
              + (f"; no-event records with an event {s.no_event.with_events}/{s.no_event.n}" if s.no_event.n else ""))
    first = args.models[0]

    def tps(record: Any, events: list[dict[str, Any]]) -> dict[str, int]:
        preds = [p for p in map(_prediction, events) if p]
        return {lv: _matched(lv, record.expected, preds) for lv in LEVELS}

    for path in args.models[1:]:
        print(f"\n== records whose events differ, {first} -> {path}")
        for i, record in enumerate(records):
            a, b = runs[first][i], runs[path][i]
            if [_summary(e) for e in a] != [_summary(e) for e in b]:
                print(f"{record.id} | {record.text[:160]}")
                print(f"   gold: {[g.code for g in record.expected]}")
                print(f"   before: {[_summary(e) for e in a]} matched {tps(record, a)}")
                print(f"   after:  {[_summary(e) for e in b]} matched {tps(record, b)}")
    if not args.probe:
        return
    wanted = set(args.probe.split(","))
    original = roots_model.correct_roots

    def probe(doc: Any, model: Any = None) -> Any:
        context = DocContext.of(doc)
        for event in doc._.events:
            cameo = str(event.get("cameo") or "")
            if len(cameo) < 2 or event.get("modality") != "asserted" or event.get("negated"):
                continue
            print(f"  event {_summary(event)}, lexicon domain {in_domain(event)}")
            for path, m in models.items():
                feats = root_features(event, doc, context, str(m.meta.get("variant", "all")))
                probs = m.probs(feats)
                top = sorted(probs.items(), key=lambda kv: -kv[1])[:4]
                other = next(c for c, _ in top if c != cameo[:2])
                w = m.weights()
                push = sorted(((w[other].get(k, 0.0) - w.get(cameo[:2], {}).get(k, 0.0)) * v, k) for k, v in feats.items())
                print(f"    {path}: {[(c, round(p, 3)) for c, p in top]}, chosen {m.scored(cameo[:2], feats)[0]}")
                print(f"      for {other} over {cameo[:2]}: {[(k, round(x, 2)) for x, k in push[::-1][:8]]}; "
                      f"against: {[(k, round(x, 2)) for x, k in push[:4]]}")
        return original(doc, model)

    roots_model.correct_roots = probe
    for record in records:
        if record.id in wanted:
            print(f"\n{record.id} | {record.text}")
            code_texts([record.text], dates=[record.date])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    f = sub.add_parser("fit", help="fit on rounds, score held-out rounds and dev offline")
    f.add_argument("fit", help="train rounds fitted on, e.g. 1-25")
    f.add_argument("held", help="train rounds scored, e.g. 26-29 ('' none)")
    f.add_argument("--margin", type=float, default=0.5)
    f.add_argument("--cross", type=float, default=0.7)
    f.add_argument("--c", type=float, default=1.0)
    f.add_argument("--variant", default="all")
    f.add_argument("--write")
    g = sub.add_parser("gold", help="the gold F1s of each model file, and the records that change")
    g.add_argument("models", nargs="+")
    g.add_argument("--probe", help="comma-separated gold record ids: each model's roots for their events")
    args = parser.parse_args()
    fit_main(args) if args.command == "fit" else gold_main(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
