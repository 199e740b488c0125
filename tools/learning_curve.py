"""Session 27 (crossfit): learning curves of the two learned components on the same held-out train rounds.

Each component is fitted, with the settings of ``make train-learned`` (no choice of settings), on a growing
set of train rounds and scored offline on the same held-out rounds, from the rows its tool caches
(build/learned_sides.pkl, build/learned_roots.pkl: run each tool once with ``--recode --cached-parse`` and the
blind rounds excluded first):

* the side chooser (tools/learned_sides.py: source C 0.3 margin 0, target C 0.3 margin 0.1, groups
  frame,none,code, fill named): right counted events (root, source and target right) among the counted real
  acts of the held-out rounds, the rules' sides against the chooser's;
* the root correction (tools/learned_roots.py --select: variant all, C 1, margin 0.5 / 0.7 across PLOVER
  types, fitted on every asserted real act, correcting the lexicon's roots): counted right and root right
  among the held-out rounds' counted events.

The offline measure keeps each event's counted status (neither component changes it), so precision moves
exactly as right events do: counted events are printed with each row.

    nice .venv/bin/python tools/learning_curve.py --held-out 19,20,21,22,23,24,25 \
        --fits "1,3,4,6;1,3,4,6,7,8,10,11,12;1,3,4,6,7,8,10,11,12,14,15,16,17,18"

Never reads a round not named in ``--fits`` or ``--held-out`` (the caches hold no blind round anyway).
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

import learned_roots as lr  # noqa: E402
import learned_sides as ls  # noqa: E402

SIDES_FIXED = {"source": (0.3, 0.0), "target": (0.3, 0.1)}
ROOTS = {"variant": "all", "c": 1.0, "rule": "margin", "t": 0.5, "cross": 0.7}


def _rounds(text: str) -> set[int]:
    return {int(x) for x in text.split(",") if x.strip()}


def sides_curve(fit_rounds: set[int], held: set[int], seeds: tuple[int, ...] = (0,)) -> dict[str, Any]:
    rows = pickle.loads((ROOT / "build/learned_sides.pkl").read_bytes())
    ls.USED_GROUPS.clear()
    ls.USED_GROUPS.update(ls.SHIPPED_GROUPS)
    ls.VARIANT["name"] = "lr_cross"
    ls.SELF_DIRECTED["allowed"] = "named"
    ls.FILL_COUNTRY["on"] = True
    ls.FILL_ARGUMENT["on"] = False
    fit = [r for r in rows if r["split"] == "train" and r["round"] in fit_rounds]
    test = [r for r in rows if r["split"] == "train" and r["round"] in held]
    models = {role: ls.fit(fit, role, SIDES_FIXED[role][0]) for role in ls.ROLES}
    probs = {k: {role: ls.scores(models[role], r, role) for role in ls.ROLES} for k, r in enumerate(test)}
    m = ls.measure_at(test, probs, ls.ROLES, {role: SIDES_FIXED[role][1] for role in ls.ROLES})
    counted = sum(1 for r in test if r["counted"])
    return {"fit_articles": len({r["article"] for r in fit}), "held_articles": len({r["article"] for r in test}),
            "held_counted_judged": counted, **m}


def roots_curve(fit_rounds: set[int], held: set[int]) -> dict[str, Any]:
    rows = pickle.loads((ROOT / "build/learned_roots.pkl").read_bytes())
    feats = lr.SELECT_VARIANTS[ROOTS["variant"]]
    fit = [r for r in rows if r["split"] == "train" and r["round"] in fit_rounds and r["counted"]]
    test = [r for r in rows if r["split"] == "train" and r["round"] in held and r["counted"]]
    fitted = [r for r in fit if lr.is_real(r)]  # every asserted real act (--fit-domain all)
    vec, clf = lr.fit_multinomial(fitted, feats, ROOTS["c"])
    cls = list(clf.classes_)
    pr = clf.predict_proba(vec.transform([feats(r) for r in test]))
    domain = lr.DOMAINS["lexicon"]
    base = lr.score(test, [r["cameo"][:2] for r in test])
    new = lr.score(test, [lr.decide(q, cls, r["cameo"][:2], ROOTS["rule"], ROOTS["t"], ROOTS["cross"])
                          if lr.in_domain(r, domain) else r["cameo"][:2] for r, q in zip(test, pr)])
    return {"fit_articles": len({r["article"] for r in fit}), "fit_real": len(fitted),
            "held_articles": len({r["article"] for r in test}), "held_counted_judged": len(test),
            "right_before": base["counted_right"], "right_after": new["counted_right"],
            "root_right_before": base["root_right"], "root_right_after": new["root_right"],
            "changed": new["changed"], "fixed": new["fixed"], "broken": new["broken"], "sideways": new["sideways"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--held-out", required=True)
    parser.add_argument("--fits", required=True, help="';'-separated round lists, one fit each")
    parser.add_argument("--json")
    args = parser.parse_args()
    held = _rounds(args.held_out)
    out = []
    for text in args.fits.split(";"):
        fit_rounds = _rounds(text)
        assert not fit_rounds & held
        row = {"fit_rounds": sorted(fit_rounds), "sides": sides_curve(fit_rounds, held),
               "roots": roots_curve(fit_rounds, held)}
        print(json.dumps(row))
        out.append(row)
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
