"""Session 29 (roots4): the root correction fitted on chosen train rounds, scored offline, and its gold changes.

``fit``: fit the correction on ``FIT`` rounds with given settings as a fold of tools/crossfit_train.py
(``fold_roots``: tools/learned_roots.py's multinomial on every counted real act of the fit rounds, as
``--fit-domain all``; the shipped model's domain corrected, rule margin), and score the model as written (what
the pipeline runs; ``learning_curve.score_roots``) offline on held-out train rounds and on dev: right counted
events and roots right before and after, from the rows tools/learned_roots.py caches in build/learned_roots.pkl
(a root change does not change which events count, so precision moves with the right events); the model file
goes to ``--write``, else build/roots_rounds.json.

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


def fit_main(args: argparse.Namespace) -> None:
    import crossfit_train as cf
    from learning_curve import parse_rounds, score_roots

    import learned_roots as lr
    from dateline import roots_model
    from dateline.newseval import blind_rounds

    blind = set(blind_rounds(ROOT / "eval/news/labels.jsonl"))
    fit_rounds, held = parse_rounds(args.fit) - blind, parse_rounds(args.held) - blind
    assert not fit_rounds & held, "a round both fitted on and held out"
    rows = pickle.loads((ROOT / "build/learned_roots.pkl").read_bytes())
    fit = [r for r in rows if r["split"] == "train" and r["round"] in fit_rounds and r["counted"]]
    out = Path(args.write) if args.write else ROOT / "build/roots_rounds.json"
    # the shipped model's domain (its code rules), with the settings asked for
    model = cf.fold_roots(rows, {int(r["round"]) for r in fit}, roots_model.shipped_model(), out,
                          {"variant": args.variant, "c": args.c, "rule": "margin", "t": args.margin, "cross": args.cross})
    print(f"fitted on rounds {sorted({r['round'] for r in fit})}: {sum(1 for r in fit if lr.is_real(r))} real acts; "
          f"variant {args.variant}, C {args.c}, margin {args.margin}, across PLOVER types {args.cross}")
    parts = {f"held-out rounds {args.held}": [r for r in rows if r["split"] == "train" and r["round"] in held
                                              and r["counted"]],
             "dev": [r for r in rows if r["split"] == "dev" and r["counted"]]}
    for name, part in parts.items():
        if not part:
            continue
        m = score_roots(model, part)
        print(f"  {name}: {len(part)} counted; right {m['right_before']} -> {m['right_after']} "
              f"({m['right_after'] - m['right_before']:+d}); root right {m['root_right_after'] - m['root_right_before']:+d}; "
              f"changed {m['changed']}, fixed/broken/sideways {m['fixed']}/{m['broken']}/{m['sideways']}")


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
    f.add_argument("--cross", type=float, default=0.8)
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
