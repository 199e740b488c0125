"""Experiment (issue 11): does a LEARNED side chooser (a candidate ranker) transfer to unseen articles?

For each side (source, target) of an event a label judges, the candidate countries are:

* ``sent``: the countries of the actor mentions in the event's sentence (``doc._.actors``);
* ``prev``: those of the previous sentence; ``article``: the dateline's country and the country the
  article names most;
* ``NONE`` (no side), and the country the rules chose (when it is in no pool: ``current``).

1. Oracle: among counted events labelled a real act, how often the labelled country (the label's
   ``src``/``tgt``, at the level the eval judges: :func:`dateline.newseval.country_level`) is among
   the candidates of each pool, and how often the current choice is right.
2. A logistic regression (scikit-learn) scores each candidate from generic features (dependency path
   from the trigger, distance, before/after, same clause, inside a quote, the mention's kind and
   sector, its relation to the trigger, the CAMEO root and PLOVER type, whether and by which rule
   the rules chose it, whether it is the article's country or the other side's). Trained ONLY on the
   older train articles (round absent or 1), measured on the round-3 train articles and on dev
   TOTALS; cross-fitted (5 folds by article) on all train. The ranker replaces the rules' choice only
   where its best candidate beats the rules' one by a probability margin above a threshold.

    nice .venv/bin/python tools/learned_sides.py              # codes the articles once (cache in build/)
    nice .venv/bin/python tools/learned_sides.py --json build/learned_sides.json

Result (eval/README.md, "Learned side choice"): the oracle headroom is large (target right 0.687, label
among the candidates 0.932); with margin 0.1 on both sides the ranker gains +7 right events on round 3,
+5 on dev and +10 cross-fitted on train, but mostly by filling a side the rules left out with the other
side's country, which the guidelines forbid in the tested cases; constrained (as shipped in
dateline.sides_model: ``--write``, ``make train``) +3, +1 and +7.

Session 21: ``--fill named`` (shipped) lets the ranker fill a left-out side with the other side's
country where the sentence names that country apart (another actor, not a venue, not by default);
C and margin are chosen per side by the right events cross-fitted on the fitted rounds; ``--exclude``
drops a blind check's rounds from everything. Cross-fitted train rounds 1+3 +15, dev +7 (eval/sessions/21.md).

    nice .venv/bin/python tools/learned_sides.py --held-out none --exclude 4,6,7 --fill named

Session 22: ``--classes`` breaks the rules' wrong sides on train into what a wider-pool oracle could fix;
``--groups`` picks optional feature groups (dateline.sides_model.GROUPS; default the shipped frame,none,code),
``--seed`` repeats the cross-fitting over other splits of the articles into folds, ``--no-dev`` leaves dev
out while settings are chosen, ``--variant pair`` is a pairwise ranker (not shipped). Cross-fitted train
717 -> 764 right counted events (session-21 features: 751), dev 241 -> 261 (251) (eval/sessions/22.md).

    nice .venv/bin/python tools/learned_sides.py --held-out none --no-dev --seed 1 --groups frame,none,code

Session 42 (sides42): five more optional groups (``attr``: the speaker of an attribution frame, the relation to
the trigger's governing word, the frame by the trigger's kind; ``count``: mentions of the entity in the article and
of the country in the paragraph; ``coord``: coordinated with another country's mention; ``artfam``: the dateline's
and headline's countries by root family; ``sdist``: sentences away by the trigger's kind). All five on held-out
rounds 14-25: +7 right counted events (1610 -> 1617 of 3,197), each alone -5 to +2; the coder with a model fitted
with them lost dev strict F1 and a gold floor, so they stay off (eval/sessions/42.md "sides42").

    nice .venv/bin/python tools/learned_sides.py --held-out 14,15,16,17,18,19,20,21,22,23,24,25 --exclude <blind> \
        --no-dev --fix source=0.3:0,target=0.3:0.16 --sentence-margin target=0.0 --cs 0.3 \
        --groups frame,none,code,attr,count,coord,artfam,sdist

The measure is offline: an event's side is taken as right when the chosen country is the label's;
the event's root and counted status are the coder's. Prints totals only for dev; never runs or reads
the locked splits.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from dateline import sides_model  # noqa: E402
from dateline.kb import CAMEO_TRANSNATIONAL  # noqa: E402
from dateline.newseval import coded_root, counted, country_level, load_labels  # noqa: E402
from dateline.sides_model import actor_country, article_info, candidates  # noqa: E402

LABELS = ROOT / "eval/news/labels.jsonl"
NEWS = ROOT / "../shared/data/news"
CACHE = ROOT / "build/learned_sides.pkl"
SPLITS = ("train", "dev")  # never the locked ones
ROLES = ("source", "target")
def collect(limit: int | None = None) -> list[dict[str, Any]]:
    """Code the train and dev articles once; one row per judged event."""
    from dateline.kb import default_kb
    from dateline.nlp import load_nlp
    from dateline.train import judged_events

    sides_model.DISABLED = True  # the rules' sides: what the ranker is trained to correct
    from dateline import roots_model
    roots_model.DISABLED = True  # the coded roots, as the ranker sees them at run time (before the root model)
    from dateline import modality_model
    modality_model.DISABLED = True  # the rules' modality, as the ranker sees it at run time (before the modality model)
    from dateline import acts_model
    acts_model.DISABLED = True  # `counted` as the rules decide it: the act filter runs after the ranker
    labels = load_labels(LABELS)
    kb = default_kb()
    rows: list[dict[str, Any]] = []
    nlp = load_nlp()
    infos: dict[int, tuple[dict[str, Any], list[Any]]] = {}
    for split in SPLITS:
        # --exclude: a blind check's train rounds are not even coded (their labels are never read into the cache)
        part = labels.rounds(EXCLUDED, keep=False) if split == "train" and EXCLUDED else labels
        rounds = {a["id"]: a.get("round") for a in part.split(split).articles}
        headlines = _headline_countries(part, split, nlp)
        for j in judged_events(part, split, NEWS, nlp=nlp, limit=limit):
            if id(j.doc) not in infos:
                infos.clear()
                infos[id(j.doc)] = (article_info(j.doc, kb), list(j.doc.sents))
            info, sents = infos[id(j.doc)]
            event, judged = j.event, j.judged
            expected = coded_root(judged)
            rows.append({
                "split": split, "round": rounds.get(j.article) or 1, "article": j.article, "span": list(event.get("span") or ()),
                "cameo": str(event.get("cameo") or ""), "counted": counted(event),
                "act": bool(judged["act"]), "modality": judged.get("modality"), "expected": expected,
                "label": {"source": judged.get("src"), "target": judged.get("tgt")},
                "current": {r: country_level(event.get(r)) for r in ROLES},
                "rules": dict((event.get("evidence") or {}).get("rules") or {}),
                # sides a written guideline fixed (sides_model.guideline_country: also a placeless group left IMG)
                "locked": {r: sides_model.guideline_country(dict((event.get("evidence") or {}).get("rules") or {}), r,
                                                            event.get(r)) for r in ROLES},
                "cands": {r: candidates(j.doc, event, r, info, sents, groups=tuple(sides_model.GROUPS)) for r in ROLES},
                "headline": headlines.get(j.article, []), "article_countries": sorted(info["shares"]),
            })
        print(f"coded {split}: {len(rows)} judged events so far", file=sys.stderr)
    return rows


def _headline_countries(labels: Any, split: str, nlp: Any) -> dict[str, list[str]]:
    """The countries of the actors the pipeline finds in each article's headline (the corpus record's
    ``title``; the Doc holds only the body, so this is for the oracle only)."""
    from dateline.newseval import corpus_texts

    part = labels.split(split)
    texts = corpus_texts(part.articles, NEWS)
    out: dict[str, list[str]] = {}
    for a in part.articles:
        title = str(texts[a["id"]].get("title") or "").strip()
        if title:
            doc = nlp(title)
            out[a["id"]] = sorted({c for c in (actor_country(x) for x in doc._.actors or []) if c})
    return out


def error_classes(rows: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Each wrong side of a counted real act (rules' sides) by what an oracle over wider candidate pools
    could fix: the first class that applies, in this order."""
    out: dict[str, dict[str, int]] = {}
    for role in ROLES:
        tally: Counter[str] = Counter()
        for r in rows:
            gold, cur, cands = r["label"][role], r["current"][role], r["cands"][role]
            tally["sides"] += 1
            if gold == cur:
                tally["right"] += 1
                continue
            sent = {c for c, f in cands.items() if "pool=sent" in f}
            pools = {p[5:] for p in cands.get(gold, {}) if p.startswith("pool=")}
            if gold == "NONE":
                cls = "label NONE, a side coded"
            elif gold in CAMEO_TRANSNATIONAL:
                cls = "label transnational, " + ("among candidates" if gold in cands else "not a candidate")
            elif cur == "NONE":
                cls = "coded NONE, label a country " + ("in the sentence" if gold in sent else
                                                        "in the wider pools" if gold in cands else
                                                        "in the headline" if gold in r.get("headline", []) else
                                                        "elsewhere in the article" if gold in r.get("article_countries", [])
                                                        else "not in the article's actors")
            elif gold in sent:
                cls = "label among the sentence's candidates, not chosen"
            elif pools & {"prev", "dateline", "top"}:
                cls = "label only in the previous sentence / dateline / most named (" + "+".join(
                    sorted(pools & {"prev", "dateline", "top"})) + ")"
            elif gold in r.get("headline", []):
                cls = "label only in the headline"
            elif gold in r.get("article_countries", []):
                cls = "label elsewhere in the article"
            else:
                cls = "label not among the article's actors"
            tally[cls] += 1
        out[role] = dict(tally.most_common())
    return out


def is_real(row: dict[str, Any]) -> bool:
    """The eval's 'counted real act' for a counted event (root as coded)."""
    return bool(row["counted"] and row["act"] and row["expected"] is not None
                and (row["modality"] == "asserted" or row["cameo"][:2] == row["expected"]))


def oracle(rows: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"events": len(rows)}
    for role in ROLES:
        tally: Counter[str] = Counter()
        for r in rows:
            gold, cands = r["label"][role], r["cands"][role]
            tally["current_right"] += r["current"][role] == gold
            sent = {c for c, f in cands.items() if "pool=sent" in f}
            tally["in_sent_or_none"] += gold in sent | {"NONE"}
            wide = sent | {c for c, f in cands.items() if f.keys() & {"pool=prev", "pool=dateline", "pool=top"}}
            tally["in_wide_or_none"] += gold in wide | {"NONE"}
            tally["in_any"] += gold in cands
            tally["gold_none"] += gold == "NONE"
            tally["n_cands"] += len(cands)
        out[role] = {k: round(v / len(rows), 3) for k, v in tally.items()} if rows else {}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--recode", action="store_true", help="re-code the articles (ignore the cache)")
    parser.add_argument("--json", help="write the measured numbers here")
    parser.add_argument("--oracle-only", action="store_true")
    parser.add_argument("--classes", action="store_true", help="print the rules' wrong sides on train by what an "
                        "oracle over wider candidate pools could fix")
    parser.add_argument("--variant", default="lr_cross", choices=("lr", "lr_cross", "gbm", "pair"))
    parser.add_argument("--write", help="write the model (lr_cross, fitted on the older train articles) here")
    parser.add_argument("--self-directed", action="store_true", help="let the ranker fill a side the rules left out with the "
                        "other side's country anywhere (same as --fill any)")
    parser.add_argument("--fill", default="named", choices=("none", "named", "any"),
                        help="when the ranker may fill a side the rules left out with the other side's country: never, "
                        "where the sentence names that country apart from the other side's mention and not as a venue "
                        "(shipped), or always")
    parser.add_argument("--exclude", default="", help="train rounds dropped from everything (neither fitted nor "
                        "measured: a blind check's rounds while settings are chosen)")
    parser.add_argument("--margin", type=float, help="margin of the written model (both sides; default: chosen per "
                        "side with C by the cross-fitted right events on the fitted train rounds)")
    parser.add_argument("--groups", default=",".join(SHIPPED_GROUPS), help="optional feature groups (comma-separated: "
                        + ", ".join(sides_model.GROUPS) + "; default the shipped " + ",".join(SHIPPED_GROUPS)
                        + "; '' for none, the session-21 features)")
    parser.add_argument("--seed", type=int, default=0, help="shuffle the articles into the 5 folds with this seed "
                        "(0: GroupKFold); repeated cross-fitting with several seeds tells a feature set's gain from noise")
    parser.add_argument("--fill-argument", choices=("yes", "no"), default="no", help="fill a left-out side only "
                        "with a sentence candidate that is an argument of the trigger (needs the frame group; not shipped)")
    parser.add_argument("--fill-country", choices=("yes", "no"), default="yes", help="fill a left-out side only "
                        "with a country, not a transnational or sector-only code (needs the code group; shipped: yes)")
    parser.add_argument("--no-dev", action="store_true", help="do not measure dev (while choosing settings on "
                        "cross-fitted train)")
    parser.add_argument("--limit", type=int, help="only the first articles of each split (a quick check; no cache)")
    parser.add_argument("--held-out", default="3", help="train rounds held out of the fit and measured as unseen "
                        "(comma-separated; 'none' fits on every train article)")
    parser.add_argument("--fix", default="", help="a side's C and margin, not chosen (comma-separated "
                        "SIDE=C:MARGIN, e.g. target=0.3:0.1: session 26 ships the target's best cross-fitted setting "
                        "whose margin keeps the written guideline tests, eval/sessions/26.md)")
    parser.add_argument("--sentence-margin", default="", help="a side's margin for a country its sentence names or "
                        "NONE (comma-separated SIDE=MARGIN; shipped since session 40: target=0.0, eval/sessions/40.md "
                        "\"targets40\"), written into the model as margin[SIDE_sentence]")
    parser.add_argument("--cs", default="", help="the L2 strengths C tried (comma-separated; default "
                        + ",".join(map(str, CS)) + "; with --fix one C, e.g. 0.3, is four times faster)")
    parser.add_argument("--cached-parse", action="store_true", help="--recode: read the model's parse from "
                        "build/parse_cache (as tools/cached_eval.py): the same rows in minutes")
    args = parser.parse_args()
    if args.cached_parse:
        sys.path.insert(0, str(ROOT / "tools"))
        from cached_eval import use_parse_cache

        use_parse_cache()
    EXCLUDED.update(int(x) for x in args.exclude.split(",") if x.strip())
    SENTENCE_MARGIN.update(sentence_margins(args.sentence_margin))
    for item in (x for x in args.fix.split(",") if x.strip()):
        side, _, setting = item.partition("=")
        c, _, margin = setting.partition(":")
        FIXED[side.strip()] = (float(c), float(margin))
    if args.limit:
        rows = collect(args.limit)
    elif CACHE.exists() and not args.recode:
        rows = pickle.loads(CACHE.read_bytes())
    else:
        rows = collect()
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        CACHE.write_bytes(pickle.dumps(rows))
    rows = [r for r in rows if not (r["split"] == "train" and r["round"] in EXCLUDED)]
    VARIANT["name"] = args.variant
    global NO_DEV
    NO_DEV = args.no_dev
    SEED["seed"] = args.seed
    USED_GROUPS.update(g for g in args.groups.split(",") if g.strip())
    FILL_ARGUMENT["on"] = args.fill_argument == "yes" and "frame" in USED_GROUPS
    FILL_COUNTRY["on"] = args.fill_country == "yes" and "code" in USED_GROUPS
    unknown = USED_GROUPS - set(sides_model.GROUPS)
    if unknown:
        parser.error(f"unknown --groups {sorted(unknown)}")
    SELF_DIRECTED["allowed"] = "any" if args.self_directed else args.fill
    HELD.clear()
    HELD.update(int(r) for r in args.held_out.split(",") if r.strip() and args.held_out != "none")
    report: dict[str, Any] = {"variant": args.variant, "fill": SELF_DIRECTED["allowed"], "groups": sorted(USED_GROUPS)}
    train_real = [r for r in rows if r["split"] == "train" and is_real(r) and r["round"] not in HELD]
    report["oracle_train"] = oracle(train_real)
    print("oracle (train, counted real acts):", json.dumps(report["oracle_train"], indent=1))
    if args.classes:
        report["error_classes_train"] = error_classes(train_real)
        print("error classes (train, counted real acts, rules' sides):", json.dumps(report["error_classes_train"], indent=1))
    if not args.oracle_only:
        report.update(rank(rows, tuple(float(x) for x in args.cs.split(",") if x.strip()) or CS))
    if args.write:
        write(rows, Path(args.write), args.margin, report)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1))
    return 0


def _is_act(row: dict[str, Any]) -> bool:
    """A labelled real act (any counted status): the ranker's training events."""
    return bool(row["act"] and row["expected"] is not None)


#: Which features and learner ``fit`` uses (set by ``--variant``): "lr" (the candidate features),
#: "lr_cross" (plus each candidate's relation crossed with the rule that chose the current side and
#: with whether the current side is NONE, UNK or a country), "gbm" (gradient boosting over lr_cross).
VARIANT = {"name": "lr_cross"}


#: The articles' split into folds (``--seed``; 0: scikit-learn's GroupKFold).
SEED = {"seed": 0}
#: The optional feature groups of the shipped model (session 22: chosen by the mean right counted events of
#: repeated cross-fitting on train, eval/sessions/22.md), the default of ``--groups`` and so of ``make train``.
SHIPPED_GROUPS = ("frame", "none", "code")
#: A left-out side is filled only with a sentence candidate that is an argument of the trigger
#: (``--fill-argument``; the model's ``meta.fill_argument``).
FILL_ARGUMENT = {"on": False}
#: A left-out side is filled only with a country (not a transnational or sector-only code: ``--fill-country``;
#: the model's ``meta.fill_country``; needs the code group).
FILL_COUNTRY = {"on": True}
#: Leave dev out of the measure (``--no-dev``).
NO_DEV = False
#: The optional feature groups used (``--groups``; :data:`dateline.sides_model.GROUPS`): the cache holds
#: them all, each fit keeps these.
USED_GROUPS: set[str] = set()


def sentence_margins(text: str) -> dict[str, float]:
    """``--sentence-margin``'s comma-separated SIDE=MARGIN, by side; a side not in :data:`ROLES` is refused."""
    out: dict[str, float] = {}
    for item in (x for x in text.split(",") if x.strip()):
        side, _, value = item.partition("=")
        if side.strip() not in ROLES:
            raise SystemExit(f"--sentence-margin: {side.strip()!r} is not a side ({', '.join(ROLES)})")
        out[side.strip()] = float(value)
    return out


def features(row: dict[str, Any], role: str) -> dict[str, dict[str, float]]:
    """The candidates' features for the current :data:`VARIANT` and :data:`USED_GROUPS`."""
    # a candidate only an unused group's pool found (the headline's: pool=headline) is no candidate
    cands = {c: {k: v for k, v in f.items() if sides_model.in_groups(k, USED_GROUPS)}
             for c, f in row["cands"][role].items()
             if c == row["current"][role] or any(k.startswith("pool=") and sides_model.in_groups(k, USED_GROUPS)
                                                 for k in f)}
    # (the hlfeat group's hlf_* features are in the cached candidates: sides_model.candidates computes them)
    if VARIANT["name"] == "lr":
        return cands
    return sides_model.features(cands, row["current"][role], row["rules"], role, row["cameo"], frozenset(USED_GROUPS))


def fit(rows: list[dict[str, Any]], role: str, c: float) -> Any:
    """A logistic regression over the candidates of the real acts in ``rows`` (target: the label's country)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    xs, ys = [], []
    events: list[tuple[int, int, int]] = []
    for r in rows:
        cands = features(r, role) if _is_act(r) else {}
        if r["label"][role] not in cands:
            continue
        start = len(xs)
        for country, feats in cands.items():
            if country == r["label"][role]:
                gold = len(xs)
            xs.append(feats)
            ys.append(country == r["label"][role])
        events.append((start, len(xs), gold))
    vec = DictVectorizer()
    x = vec.fit_transform(xs)
    if VARIANT["name"] == "pair":
        return vec, _fit_pairs(x, events, c)
    if VARIANT["name"] == "gbm":
        from sklearn.ensemble import HistGradientBoostingClassifier
        clf = HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05, max_leaf_nodes=15,
                                             l2_regularization=1.0 / c, random_state=0).fit(x.toarray(), ys)
        return vec, clf
    clf = LogisticRegression(C=c, max_iter=5000).fit(x, ys)
    return vec, clf


def _fit_pairs(x: Any, events: list[tuple[int, int, int]], c: float) -> Any:
    """A pairwise logistic regression (no intercept) on the differences between each event's labelled
    candidate and each other candidate, both ways round (``events``: each event's rows [start, end) and
    its labelled row): a ranker whose scores are compared within an event (``SidesModel`` with
    ``meta.scale`` "softmax")."""
    import numpy as np
    import scipy.sparse as sp
    from sklearn.linear_model import LogisticRegression

    rows_pos = [gold for start, end, gold in events for i in range(start, end) if i != gold]
    rows_neg = [i for start, end, gold in events for i in range(start, end) if i != gold]
    diff = x[rows_pos] - x[rows_neg]
    data = sp.vstack([diff, -diff]).tocsr()
    target = np.r_[np.ones(diff.shape[0]), np.zeros(diff.shape[0])]
    return LogisticRegression(C=c, max_iter=5000, fit_intercept=False).fit(data, target)


def scores(model: Any, row: dict[str, Any], role: str) -> dict[str, float]:
    vec, clf = model
    cands = features(row, role)
    names = list(cands)
    x = vec.transform([cands[n] for n in names])
    if VARIANT["name"] == "pair":
        import numpy as np
        z = x @ clf.coef_[0]
        e = np.exp(z - z.max())
        return dict(zip(names, (float(p) for p in e / e.sum())))
    probs = clf.predict_proba(x.toarray() if VARIANT["name"] == "gbm" else x)[:, 1]
    return dict(zip(names, (float(p) for p in probs)))


def choose(row: dict[str, Any], role: str, probs: dict[str, float], margins: dict[str, float]) -> str:
    """The ranker's country where it beats the rules' choice by more than its margin, else the rules'; never
    on a side whose country a written guideline gave (the row's rules, ``sides_model.guideline_country``):
    the shipped chooser's rule, ``sides_model.pick``. ``margins``: a model's margins dict (``<role>``, and
    ``<role>_sentence`` for a candidate ``sides_model.inside`` the sentence; :func:`with_sentence` adds
    ``--sentence-margin``'s)."""
    current = row["current"][role]
    cands = row["cands"][role]
    fill = SELF_DIRECTED["allowed"]
    if fill != "any":
        probs = {c: p for c, p in probs.items()
                 if c == current or current != "NONE"
                 or sides_model.may_fill(cands[c], fill, FILL_ARGUMENT["on"], FILL_COUNTRY["on"])}
    locked = (row.get("locked") or {}).get(role)  # rows coded before session 31's mend: the rules only
    # session 40: the target rules a guideline writes down are locked too (rows cached before it lack them)
    locked = bool(locked) or sides_model.guideline_country(row["rules"], role)
    return sides_model.pick(probs, current, with_sentence(margins), role, locked, sides_model.inside(cands))


def with_sentence(margins: dict[str, float]) -> dict[str, float]:
    """``margins`` with ``--sentence-margin``'s ``<side>_sentence`` keys (:data:`SENTENCE_MARGIN`) where it has
    none of its own (a shipped model's margins dict keeps its own)."""
    return {**{f"{role}_sentence": value for role, value in SENTENCE_MARGIN.items()}, **margins}


def measure(rows: list[dict[str, Any]], probs: dict[int, dict[str, dict[str, float]]], roles: tuple[str, ...],
            margin: float) -> dict[str, int]:
    """Right counted events (root, source and target right) among counted real acts, with the ranker
    applied to ``roles`` at ``margin``, and how many sides it changed to right or to wrong."""
    out = Counter()
    for k, r in enumerate(rows):
        if not is_real(r):
            continue
        root = r["cameo"][:2] == r["expected"]
        sides = {}
        for role in ("source", "target"):
            sides[role] = choose(r, role, probs[k][role], {role: margin}) if role in roles else r["current"][role]
            if sides[role] != r["current"][role]:
                out["changed"] += 1
                out["to_right"] += sides[role] == r["label"][role]
                out["from_right"] += r["current"][role] == r["label"][role]
            out[f"{role}_right"] += sides[role] == r["label"][role]
        out["real"] += 1
        out["right_before"] += root and all(r["current"][x] == r["label"][x] for x in ("source", "target"))
        out["right_after"] += root and all(sides[x] == r["label"][x] for x in ("source", "target"))
    return dict(out)


#: When the ranker may fill a side the rules left out (NONE) with the other side's country
#: (``--fill``): "none", "named" (the sentence names it apart from the other side's mention and not as
#: a venue: ``SidesModel.choose``, shipped) or "any".
SELF_DIRECTED = {"allowed": "named"}

MARGINS = (0.0, 0.05, 0.1, 0.2, 0.3, 0.5)
#: L2 strengths tried (scikit-learn's C: larger is weaker).
CS = (0.03, 0.1, 0.3, 1.0)
#: The train rounds held out of the fit and measured as unseen (``--held-out``; eval/news/articles.jsonl
#: ``round``, absent = 1). Empty: fit on every train article (the shipped model, once a held-out
#: measurement has chosen the settings).
HELD: set[int] = {3}
#: A side's margin for a country its event's sentence names, or NONE (``--sentence-margin``, session 40): the
#: model's ``margin["<side>_sentence"]``; the side's margin (chosen or ``--fix``) then holds for the others.
SENTENCE_MARGIN: dict[str, float] = {}
#: Sides whose C and margin are given, not chosen (``--fix``): side -> (C, margin).
FIXED: dict[str, tuple[float, float]] = {}
#: Train rounds dropped from everything (``--exclude``).
EXCLUDED: set[int] = set()


def rank(rows: list[dict[str, Any]], cs: tuple[float, ...] = CS) -> dict[str, Any]:
    """Choose each side's L2 strength C and margin by the right counted events cross-fitted (5 folds by
    article) on the fitted train rounds; measure the chosen settings there, on dev (totals) and on the
    held-out rounds (``--held-out``: printed as "held ..." lines)."""
    from sklearn.model_selection import GroupKFold

    old = [r for r in rows if r["split"] == "train" and r["round"] not in HELD]
    new = [r for r in rows if r["split"] == "train" and r["round"] in HELD]
    dev = [r for r in rows if r["split"] == "dev" and not NO_DEV]
    report: dict[str, Any] = {}
    groups = [r["article"] for r in old]
    if SEED["seed"]:  # another split of the articles into the 5 folds (repeated cross-fitting)
        import random
        articles = sorted(set(groups))
        random.Random(SEED["seed"]).shuffle(articles)
        fold_of = {a: k % 5 for k, a in enumerate(articles)}
        folds = [([i for i, g in enumerate(groups) if fold_of[g] != f], [i for i, g in enumerate(groups) if fold_of[g] == f])
                 for f in range(5)]
    else:
        folds = list(GroupKFold(5).split(old, groups=groups))
    cross: dict[float, dict[int, dict[str, dict[str, float]]]] = {}
    for c in cs:
        cross[c] = {k: {} for k in range(len(old))}
        for fit_idx, held in folds:
            for role in ROLES:
                model = fit([old[i] for i in fit_idx], role, c)
                for i in held:
                    cross[c][i][role] = scores(model, old[i], role)
    best: dict[str, tuple[float, float]] = {}
    for role in ROLES:
        tried = {}
        for c in cs:
            for margin in MARGINS:
                m = measure(old, cross[c], (role,), margin)
                tried[f"C {c} margin {margin}"] = (m["right_after"] - m["right_before"], margin, -c)
        key = max(tried, key=lambda k: tried[k])
        best[role] = FIXED.get(role) or (-tried[key][2], tried[key][1])
        report[f"c_{role}"] = {"tried": {k: v[0] for k, v in tried.items()}, "chosen": best[role][0],
                               "margin": best[role][1]}
        print(f"train_crossfit {role} only, right events gained by C and margin:",
              {k: v[0] for k, v in tried.items()}, "chosen", best[role])
    models = {role: fit(old, role, best[role][0]) for role in ROLES}

    def apply(part: list[dict[str, Any]]) -> dict[int, dict[str, dict[str, float]]]:
        return {k: {role: scores(models[role], r, role) for role in ROLES} for k, r in enumerate(part)}

    mixed = {k: {role: cross[best[role][0]][k][role] for role in ROLES} for k in range(len(old))}
    parts = {"train_crossfit": (old, mixed), "dev": (dev, apply(dev)), "held": (new, apply(new) if new else {})}
    for name, (part, probs) in parts.items():
        if not part:
            continue
        for roles in (("target",), ("source",), ("source", "target")):
            m = measure_at(part, probs, roles, {role: best[role][1] for role in ROLES})
            if name == "dev":  # totals only
                m = {k: m[k] for k in ("real", "right_before", "right_after")}
            key = f"{name} {'+'.join(roles)} chosen"
            report[key] = m
            print(key, m)
    return report


def measure_at(rows: list[dict[str, Any]], probs: dict[int, dict[str, dict[str, float]]], roles: tuple[str, ...],
               margins: dict[str, float]) -> dict[str, int]:
    """:func:`measure` with a margin per side (a model's margins dict: ``<role>``, optional ``<role>_sentence``)."""
    out: Counter[str] = Counter()
    for k, r in enumerate(rows):
        if not is_real(r):
            continue
        root = r["cameo"][:2] == r["expected"]
        sides = {}
        for role in ROLES:
            sides[role] = choose(r, role, probs[k][role], margins) if role in roles else r["current"][role]
            if sides[role] != r["current"][role]:
                out["changed"] += 1
                out["to_right"] += sides[role] == r["label"][role]
                out["from_right"] += r["current"][role] == r["label"][role]
        out["real"] += 1
        out["right_before"] += root and all(r["current"][x] == r["label"][x] for x in ROLES)
        out["right_after"] += root and all(sides[x] == r["label"][x] for x in ROLES)
    return dict(out)


def write(rows: list[dict[str, Any]], out: Path, margin: float | None, report: dict[str, Any]) -> None:
    """Fit one model per side on the older train articles and write it as JSON (weights by name)."""
    import datetime as dt
    from dateline import __version__

    VARIANT["name"] = "lr_cross"
    old = [r for r in rows if r["split"] == "train" and r["round"] not in HELD]
    weights, intercept = {}, {}
    for role in ROLES:
        c = (report.get(f"c_{role}") or {}).get("chosen", 0.3)
        vec, clf = fit(old, role, c)
        weights[role] = {name: round(float(w), 6) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0])
                         if abs(w) > 1e-6}
        intercept[role] = round(float(clf.intercept_[0]), 6)
    margins = {role: margin if margin is not None else (report.get(f"c_{role}") or {}).get("margin", 0.1)
               for role in ROLES}
    margins = with_sentence(margins)
    model = sides_model.SidesModel(weights, intercept, margins, {
        "fill": SELF_DIRECTED["allowed"], "fill_argument": FILL_ARGUMENT["on"], "fill_country": FILL_COUNTRY["on"], "groups": sorted(USED_GROUPS), "c": {role: (report.get(f"c_{role}") or {}).get("chosen") for role in ROLES},
        "trained": dt.date.today().isoformat(), "coder": f"dateline {__version__}",
        "articles": len({r["article"] for r in old}),
        # the train rounds fitted on (every train round since session 27: the confidence model's second stage is
        # fitted on cross-fitted rows, tools/crossfit_train.py, which refits this model on each fold's others)
        "fitted_rounds": sorted({int(r["round"]) for r in old}), "data": "train articles" + (f" (rounds {sorted(HELD | EXCLUDED)} left out)" if HELD | EXCLUDED else ", every round"),
        "measured": {k: v for k, v in report.items() if k.endswith("source+target chosen")}})
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model.to_dict(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
