"""Session 27 (crossfit): learning curves of the two learned components on the same held-out train rounds.

Each component is fitted as a fold of tools/crossfit_train.py (``fold_sides``, ``fold_roots``: the shipped
model's own settings, its ``meta``; no choice of settings) on a growing set of train rounds and scored offline
on the same held-out rounds, from the rows its tool caches (build/learned_sides.pkl, build/learned_roots.pkl:
run each tool once with ``--recode --cached-parse`` and the blind rounds excluded first):

* the side chooser: right counted events (root, source and target right) among the counted real acts of the
  held-out rounds, the rules' sides against the chooser's (with the shipped margins);
* the root correction: counted right and root right among the held-out rounds' counted events, correcting
  the shipped model's domain (its code rules) with its rule and margins.

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

import crossfit_train as cf  # noqa: E402
import learned_roots as lr  # noqa: E402
import learned_sides as ls  # noqa: E402

#: Where the fitted models are written (one pair per fit, overwritten).
WORK = ROOT / "build/learning_curve"


def parse_rounds(text: str) -> set[int]:
    """'1-12,14' -> {1, ..., 12, 14} ('' -> none)."""
    out: set[int] = set()
    for part in text.split(","):
        if "-" in part:
            a, b = part.split("-")
            out |= set(range(int(a), int(b) + 1))
        elif part.strip():
            out.add(int(part))
    return out


def score_roots(model: Any, part: list[dict[str, Any]]) -> dict[str, Any]:
    """A fitted root correction (``dateline.roots_model.RootsModel``: its variant, rule, margins and domain) on
    the rows of ``part`` (tools/learned_roots.py's): right counted events and roots right before and after."""
    feats = lr.SELECT_VARIANTS[model.meta.get("variant", "all")]
    cls = list(model.classes)
    base = lr.score(part, [r["cameo"][:2] for r in part])
    new = lr.score(part, [lr.decide([model.probs(feats(r))[c] for c in cls], cls, r["cameo"][:2], model.rule,
                                    model.threshold, model.cross_threshold)
                          if lr.in_domain(r, model.code_rules) else r["cameo"][:2] for r in part])
    return {"right_before": base["counted_right"], "right_after": new["counted_right"],
            "root_right_before": base["root_right"], "root_right_after": new["root_right"],
            "changed": new["changed"], "fixed": new["fixed"], "broken": new["broken"], "sideways": new["sideways"]}


def sides_curve(fit_rounds: set[int], held: set[int]) -> dict[str, Any]:
    """The side chooser fitted on ``fit_rounds`` as a fold of tools/crossfit_train.py (the shipped model's
    settings), scored on the held-out rounds' rows."""
    from dateline import sides_model

    rows = pickle.loads((ROOT / "build/learned_sides.pkl").read_bytes())
    shipped = sides_model.shipped_model()
    model = cf.fold_sides(rows, fit_rounds, shipped, WORK / "sides.json")
    fit = [r for r in rows if r["split"] == "train" and r["round"] in fit_rounds]
    test = [r for r in rows if r["split"] == "train" and r["round"] in held]
    probs = {k: {role: {c: model.prob(role, f) for c, f in ls.features(r, role).items()} for role in ls.ROLES}
             for k, r in enumerate(test)}
    m = ls.measure_at(test, probs, ls.ROLES, dict(shipped.margin))  # with target_sentence (sides_model.margin_for)
    counted = sum(1 for r in test if r["counted"])
    return {"fit_articles": len({r["article"] for r in fit}), "held_articles": len({r["article"] for r in test}),
            "held_counted_judged": counted, **m}


def roots_curve(fit_rounds: set[int], held: set[int]) -> dict[str, Any]:
    """The root correction fitted on ``fit_rounds`` as a fold of tools/crossfit_train.py (the shipped model's
    settings), scored on the held-out rounds' counted rows in the shipped model's domain."""
    from dateline import roots_model

    rows = pickle.loads((ROOT / "build/learned_roots.pkl").read_bytes())
    shipped = roots_model.shipped_model()
    model = cf.fold_roots(rows, fit_rounds, shipped, WORK / "roots.json")
    fit = [r for r in rows if r["split"] == "train" and r["round"] in fit_rounds and r["counted"]]
    test = [r for r in rows if r["split"] == "train" and r["round"] in held and r["counted"]]
    return {"fit_articles": len({r["article"] for r in fit}), "fit_real": sum(1 for r in fit if lr.is_real(r)),
            "held_articles": len({r["article"] for r in test}), "held_counted_judged": len(test),
            **score_roots(model, test)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--held-out", required=True)
    parser.add_argument("--fits", required=True, help="';'-separated round lists, one fit each")
    parser.add_argument("--json")
    args = parser.parse_args()
    held = parse_rounds(args.held_out)
    out = []
    for text in args.fits.split(";"):
        fit_rounds = parse_rounds(text)
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
