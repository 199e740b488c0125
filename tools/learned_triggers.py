"""The learned trigger proposer (issue 11, recall): fit and measure ``dateline.trigger_model``, which proposes verbs the lexicon leaves uncoded.

Candidates (``trigger_model.is_candidate``): every verb of a sentence naming at least one actor that no lexicon
rule made a trigger and whose lemma the lexicon does not code (not in it, or its entries code nothing). Class: the
CAMEO root of the listed act at that token (a labelled real act of eval/news/labels.jsonl or a row of
eval/news/missed.jsonl), or "none" (every train article has every act listed). A multinomial logistic regression
over generic features (``trigger_model.features``; session 33 added what the verb governs: its object's or a
preposition's event noun root, its complement's coded root, the object's head, the governing verb, particle+object).

1. ``collect`` (cached parse, ``tools/cached_eval.use_parse_cache``): code train (blind rounds left out) and dev
   with the proposer off and keep every candidate's features and class (build/learned_triggers.pkl: lemmas of
   corpus sentences, not committed; --recode collects again, about 8 minutes).
2. Cross-fit on train by the train folds of ``tools/crossfit_train.FOLDS``: each fold's model codes its held-out
   articles through the real pipeline (every candidate proposed and its probability logged), then the eval is run
   with the proposals below each threshold removed (an approximation: the coder with every candidate proposed
   scores a few right events fewer without them than the coder never proposing). The threshold is chosen on
   cross-fitted train ONLY: the lowest whose added counted events are right at least as often as the coder's
   counted events (strict: an added event with no listed act at its trigger is wrong). Dev TOTALS at it.
3. ``--exact T``: train coded by the fold models and dev by the model fitted on every train row, with only the
   proposals at T, as the shipped hook codes: the numbers the keep rule reads.
4. ``--write FILE``: fit on every train row, prune (:data:`PRUNE`) and write the shipped model (``make train-learned``).

    nice .venv/bin/python tools/learned_triggers.py --json build/learned_triggers.json      # the table
    nice .venv/bin/python tools/learned_triggers.py --exact 0.8 --json build/lt_exact.json  # the keep rule
    nice .venv/bin/python tools/learned_triggers.py --write src/dateline/data/triggers/model.json

``--nouns`` (session 34, nouns34; not shipped): nouns the lexicon leaves uncoded are candidates too
(``trigger_model.is_noun_candidate``, features ``n:``-prefixed; a model fitted on them sets ``meta.nouns``), in their
own cache (build/learned_triggers_nouns.pkl); the collection also counts train's listed missed acts by what their
trigger span holds (the ceiling; ``--ceiling-only`` prints it and stops; "none" there also holds acts whose sentence
the events stage never coded). ``--drop-nouns`` fits the verbs' rows of that collection only (the comparison).

Results: eval/experiments.md "Learned trigger proposer (experiment)" (session 22: nothing earned), "Session 33:
triggers2" (shipped at 0.8) and "Session 34: nouns34" (nouns: not shipped). Never runs or reads the locked splits;
prints totals only for dev.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

from spacy.tokens import Doc  # noqa: E402

from dateline import trigger_model as tm  # noqa: E402
from dateline.newseval import Judge, code_articles, corpus_texts, counted, is_right, load_labels, score  # noqa: E402
from dateline.trigger_model import NONE, TriggerModel  # noqa: E402

LABELS = ROOT / "eval/news/labels.jsonl"
NEWS = ROOT / "../shared/data/news"
CACHE = ROOT / "build/learned_triggers.pkl"
SPLITS = ("train", "dev")  # never the locked ones
#: The shipped threshold: the lowest of THRESHOLDS whose cross-fitted added events were right at least as often as
#: the coder's counted events (session 33, eval/sessions/33.md "triggers2").
SHIPPED_THRESHOLD = 0.8
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


@contextmanager
def proposing(model_for: Callable[[Doc], TriggerModel | None] | None,
              log: list[tuple[str, int, str, float]] | None = None,
              collect: list[tuple[str, int, int, dict[str, float]]] | None = None) -> Iterator[None]:
    """Within the block, the events stage's proposer (:mod:`dateline.trigger_model`) uses ``model_for(doc)``
    in place of the shipped model (None: no proposals), appends every scored candidate's (article id, offset,
    root, probability) to ``log`` and, with ``collect``, every candidate's features there."""
    saved = (tm.MODEL_FOR, tm.LOG, tm.COLLECT)
    tm.MODEL_FOR, tm.LOG, tm.COLLECT = (model_for or (lambda doc: None)), log, collect
    try:
        yield
    finally:
        tm.MODEL_FOR, tm.LOG, tm.COLLECT = saved


def _labels(split: str, exclude: set[int]) -> Any:
    labels = load_labels(LABELS)
    if exclude:
        labels = labels.rounds(exclude, keep=False)
    return labels


def _listed(part: Any) -> dict[tuple[str, int], list[tuple[int, int, str | None]]]:
    """(record id, sentence start) -> (trigger start, end, root; None for a labelled non-act)."""
    out: dict[tuple[str, int], list[tuple[int, int, str | None]]] = defaultdict(list)
    for row in part.labels:
        t0, t1 = row["trigger_in_sentence"]
        out[(row["id"], row["sentence_ref"]["start"])].append(
            (t0, max(t1, t0 + 1), row["root"] if row["act"] and row["root"] else None))
    for row in part.missed:
        t0, t1 = row["trigger_in_sentence"]
        out[(row["id"], row["sentence_ref"]["start"])].append((t0, max(t1, t0 + 1), row["root"]))
    return out


@contextmanager
def surveying(seen: list[tuple[str, int, int, str, bool]]) -> Iterator[None]:
    """Within the block, every verb and noun of every sentence the events stage codes is appended to ``seen`` as
    (article id, sentence index, offset, kind, whether the sentence names an actor), kind one of "taken" (an event
    starts on it), "verb" / "noun" (a candidate of the proposer), "noun_lex" (a nouns.tsv head with no event),
    "verb_other" / "noun_other" (the rest: a coded verb its gates turned down, a noun naming an actor ...)."""
    original = tm.doc_proposals

    def recording(doc: Doc, sentences: list[tuple[Any, int, set[int]]], lex: Any) -> Any:
        for sent, index, taken in sentences:
            actor = tm.has_actor(doc, index)
            for token in sent:
                if token.pos_ not in ("VERB", "NOUN"):
                    continue
                if token.idx in taken:
                    kind = "taken"
                elif tm.is_candidate(token, lex):
                    kind = "verb"
                elif tm.is_noun_candidate(doc, token, lex):
                    kind = "noun"
                elif token.pos_ == "NOUN" and token.lemma_ in lex.noun_heads:
                    kind = "noun_lex"
                else:
                    kind = f"{token.pos_.lower()}_other"
                seen.append((doc._.article_id, index, token.idx, kind, actor))
        return original(doc, sentences, lex)
    tm.doc_proposals = recording
    try:
        yield
    finally:
        tm.doc_proposals = original


_ORDER = ("taken", "verb", "noun", "noun_lex", "verb_other", "noun_other")


def ceiling(part: Any, coded: dict[str, Any], texts: Any, seen: list[tuple[str, int, int, str, bool]]) -> dict[str, Any]:
    """The listed missed acts of ``part`` by what their trigger span holds (the first of :data:`_ORDER` among its
    verbs and nouns; "none" when it holds neither), and whether their sentence names an actor: counts only."""
    from dateline.newseval import event_keys
    by_article: dict[str, list[tuple[int, int, str, bool]]] = defaultdict(list)
    for aid, index, idx, kind, actor in seen:
        by_article[aid].append((index, idx, kind, actor))
    at: dict[tuple[str, int], list[tuple[int, str, bool]]] = defaultdict(list)
    for rid, record in coded.items():
        toks = by_article.get(str(record["article"]["id"]), [])
        fake = {**record, "events": [{"sentence": i, "span": [idx, idx + 1]} for i, idx, _, _ in toks]}
        for (_, _, kind, actor), key in zip(toks, event_keys(fake, texts[rid]["text"])):
            if key is not None:
                at[(key[0], key[1])].append((key[2], kind, actor))
    out: Counter[str] = Counter()
    for row in part.missed:
        t0, t1 = row["trigger_in_sentence"]
        here = [(kind, actor) for off, kind, actor in at.get((row["id"], row["sentence_ref"]["start"]), [])
                if t0 <= off < max(t1, t0 + 1)]
        kinds = {k for k, _ in here}
        kind = next((k for k in _ORDER if k in kinds), "none")
        actor = any(a for _, a in here)
        out["listed"] += 1
        out[kind] += 1
        out[f"{kind}, actor sentence"] += actor
    return dict(out)


def collect(exclude: set[int], nouns: bool = False) -> dict[str, Any]:
    """Code train and dev (cached parse) with the proposer collecting: one row per candidate verb (and, with
    ``nouns``, candidate noun), and the ceiling (:func:`ceiling`) of train's listed missed acts."""
    from dateline.newseval import article_round, event_keys
    rows: list[dict[str, Any]] = []
    article_ids: dict[str, str] = {}
    rounds: dict[str, int] = {}
    ceilings: dict[str, Any] = {}
    saved, tm.NOUNS = tm.NOUNS, nouns  # restored below: later coding in the process is the shipped model's
    try:
        for split in SPLITS:
            labels = _labels(split, exclude)
            part = labels.split(split)
            texts = corpus_texts(part.articles, NEWS)
            listed = _listed(part)
            got: list[tuple[str, int, int, dict[str, float]]] = []
            seen: list[tuple[str, int, int, str, bool]] = []
            with proposing(None, None, got), surveying(seen):
                coded = code_articles(texts, [a["id"] for a in part.articles])
            if split == "train":  # (dev: no sentence-level look, so no ceiling)
                ceilings[split] = ceiling(part, coded, texts, seen)
                print(f"ceiling {split}:", ceilings[split], file=sys.stderr)
            by_article: dict[str, list[tuple[int, int, dict[str, float]]]] = defaultdict(list)
            for aid, index, idx, feats in got:
                by_article[aid].append((index, idx, feats))
            for a in part.articles:
                rounds[a["id"]] = int(article_round(a))
            for rid, record in coded.items():
                aid = str(record["article"]["id"])
                article_ids[rid] = aid
                cands = by_article.get(aid, [])
                fake = {**record, "events": [{"sentence": i, "span": [idx, idx + 1]} for i, idx, _ in cands]}
                for (index, idx, feats), key in zip(cands, event_keys(fake, texts[rid]["text"])):
                    if key is None:
                        continue
                    here = [root for t0, t1, root in listed.get((key[0], key[1]), []) if t0 <= key[2] < t1]
                    roots = [r for r in here if r]
                    rows.append({"split": split, "article": rid, "round": rounds.get(rid, 0), "idx": idx,
                                 "y": roots[0] if roots else NONE, "labelled": bool(here), "x": feats})
            print(f"collected {split}: {len(rows)} candidates so far", file=sys.stderr)
    finally:
        tm.NOUNS = saved
    return {"rows": rows, "article_ids": article_ids, "oracle": {}, "ceiling": ceilings}


#: The shipped model keeps the features with a weight of at least this size on some class, rounded to 3 decimals
#: (14 MB -> 3.5 MB; on train and dev candidates, in sample, it changes 1 of 138 proposals at 0.8 and no root).
PRUNE = 0.05


def pruned(model: TriggerModel) -> TriggerModel:
    """The model with the features whose weights are all below :data:`PRUNE` dropped, the rest rounded to 3 decimals."""
    weights = {n: [round(x, 3) for x in v] for n, v in model.weights.items() if max(abs(x) for x in v) >= PRUNE}
    return TriggerModel(model.classes, weights, [round(x, 3) for x in model.intercept], model.threshold,
                        {**model.meta, "pruned": PRUNE})


def is_noun_row(row: dict[str, Any]) -> bool:
    """Whether a collected row is a candidate noun's (its features are ``n:``-prefixed, :func:`trigger_model.noun_features`)."""
    return "n:bias" in row["x"]


def fit(rows: list[dict[str, Any]], c: float, threshold: float = 0.5) -> TriggerModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([r["x"] for r in rows])
    ys = [r["y"] for r in rows]
    clf = LogisticRegression(C=c, max_iter=3000).fit(x, ys)
    classes = [str(k) for k in clf.classes_]
    names = vec.get_feature_names_out()
    weights = {}
    for j, name in enumerate(names):
        col = [round(float(clf.coef_[k, j]), 5) for k in range(len(classes))]
        if any(abs(w) > 1e-5 for w in col):
            weights[str(name)] = col
    meta: dict[str, Any] = {"c": c}
    if any(is_noun_row(r) for r in rows):
        meta["nouns"] = True  # candidate nouns too (session 34)
    return TriggerModel(classes, weights, [round(float(b), 5) for b in clf.intercept_], threshold, meta)


def shipped_fit(train: list[dict[str, Any]], c: float, threshold: float, exclude: set[int]) -> TriggerModel:
    """The model fitted on every train row, pruned, with what it was fitted on in its meta (the shipped file's)."""
    full = pruned(fit(train, c, threshold))
    full.meta.update({"rows": len(train), "articles": len({r["article"] for r in train}),
                      "fitted_rounds": sorted({r["round"] for r in train}), "excluded_rounds": sorted(exclude)})
    return full


def code_with(models: dict[str, TriggerModel], split: str, exclude: set[int]) -> tuple[dict[str, Any], dict[tuple[str, int], float], Any, Any]:
    """Code a split with each article's model (threshold 0: every candidate proposed, its probability logged)."""
    labels = _labels(split, exclude)
    part = labels.split(split)
    texts = corpus_texts(part.articles, NEWS)
    log: list[tuple[str, int, str, float]] = []
    with proposing(lambda doc: models.get(doc._.article_id), log):
        coded = code_articles(texts, [a["id"] for a in part.articles])
    probs = {(aid, idx): p for aid, idx, _, p in log}
    return coded, probs, labels, texts


def at_threshold(coded: dict[str, Any], probs: dict[tuple[str, int], float], article_ids: dict[str, str],
                 t: float | None) -> dict[str, Any]:
    """The records with the proposals below ``t`` removed (None: every proposal removed)."""
    out = {}
    for rid, record in coded.items():
        aid = article_ids.get(rid)
        keep = [e for e in record["events"]
                if (e.get("evidence") or {}).get("rules", {}).get("trigger") != "learned"
                or (t is not None and probs.get((aid, e["span"][0]), 0.0) >= t)]
        out[rid] = {**record, "events": keep}
    return out


#: (article id, offset) of every candidate noun (``--nouns``): :func:`added` counts their events apart too.
NOUN_IDS: set[tuple[str, int]] = set()


def added(coded: dict[str, Any], labels: Any, texts: Any, split: str) -> Counter[str]:
    """The counted learned events: judged, right, and unjudged (no listed act at the trigger: wrong, strictly);
    ``noun counted`` ... those on candidate nouns (:data:`NOUN_IDS`)."""
    from dateline.newseval import event_keys
    part = labels.split(split)
    judge = Judge(part.labels, part.missed)
    out: Counter[str] = Counter()
    for rid, record in coded.items():
        for event, key in zip(record["events"], event_keys(record, texts[rid]["text"])):
            if not counted(event) or (event.get("evidence") or {}).get("rules", {}).get("trigger") != "learned":
                continue
            noun = (str(record["article"]["id"]), event["span"][0]) in NOUN_IDS
            judged = judge(event, key)
            for prefix in ("", "noun ") if noun else ("",):
                out[prefix + "counted"] += 1
                if judged is None:
                    out[prefix + "unjudged"] += 1
                    continue
                out[prefix + "judged"] += 1
                out[prefix + "right"] += is_right(event, judged)
    return out


def totals(s: Any) -> dict[str, Any]:
    return {"counted_judged": s.counted_judged, "right": s.counted_right, "precision": round(s.precision, 4),
            "gold_acts": s.gold_acts, "found_root": s.gold_found_root, "recall": round(s.recall, 4)}


def token_report(rows: list[dict[str, Any]], probs: dict[str, tuple[str, float]]) -> dict[str, Any]:
    """Cross-fitted token-level counts per threshold: proposed, listed acts among them, right roots."""
    out = {}
    for t in THRESHOLDS:
        prop = [r for r in rows if probs[id_of(r)][1] >= t]
        out[str(t)] = {"proposed": len(prop), "acts": sum(r["y"] != NONE for r in prop),
                       "right_root": sum(r["y"] == probs[id_of(r)][0] for r in prop)}
        nouns = [r for r in prop if is_noun_row(r)]
        if nouns:
            out[str(t)].update({"noun proposed": len(nouns), "noun acts": sum(r["y"] != NONE for r in nouns),
                                "noun right_root": sum(r["y"] == probs[id_of(r)][0] for r in nouns)})
    return out


def id_of(row: dict[str, Any]) -> str:
    return f"{row['article']}:{row['idx']}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--recode", action="store_true", help="re-collect the candidates (ignore the cache)")
    parser.add_argument("--json", help="write the measured numbers here")
    parser.add_argument("--c", type=float, default=0.3, help="L2 strength (scikit-learn C)")
    parser.add_argument("--threshold", type=float, help="measure dev at this threshold (default: the one chosen on "
                        "cross-fitted train, if any); skips the cross-fitting")
    parser.add_argument("--no-dev", action="store_true", help="do not look at dev totals")
    parser.add_argument("--no-governed", action="store_true", help="without session 33's governed features")
    parser.add_argument("--tokens-only", action="store_true", help="only the cross-fitted token-level counts")
    parser.add_argument("--exact", type=float, help="code train (fold models) and dev (the full model) with the proposals at "
                        "this threshold only, as the shipped hook would, and score them")
    parser.add_argument("--write", help="fit on every train row (blind rounds left out) and write the model here (JSON); "
                        "its threshold: --threshold, else the shipped one")
    parser.add_argument("--save-model", help="with --exact: write the model fitted on every train row here (JSON)")
    parser.add_argument("--nouns", action="store_true", help="nouns the lexicon leaves uncoded are candidates too "
                        "(session 34; its own cache, build/learned_triggers_nouns.pkl)")
    parser.add_argument("--drop-nouns", action="store_true", help="with --nouns: fit and measure on the verbs' rows only")
    parser.add_argument("--ceiling-only", action="store_true", help="collect (if needed) and print the ceiling only")
    parser.add_argument("--exclude-rounds", default=None, help="train rounds left out (default: the blind rounds)")
    args = parser.parse_args()
    from cached_eval import use_parse_cache
    from crossfit_train import FOLDS, parse_folds
    from dateline.newseval import blind_rounds
    if args.drop_nouns and not args.nouns:
        parser.error("--drop-nouns needs --nouns (it drops the noun rows of the nouns collection)")
    use_parse_cache()
    exclude = (set(blind_rounds(LABELS)) if args.exclude_rounds is None
               else {int(r) for r in args.exclude_rounds.split(",") if r.strip()})
    cache = CACHE.with_name("learned_triggers_nouns.pkl") if args.nouns else CACHE
    if cache.exists() and not args.recode:
        data = pickle.loads(cache.read_bytes())
    else:
        data = collect(exclude, args.nouns)
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps(data))
    rows, article_ids = data["rows"], data["article_ids"]
    if args.drop_nouns:  # the verbs-only comparison on the same collection (a verb's row does not depend on nouns)
        rows = [r for r in rows if not is_noun_row(r)]
    NOUN_IDS.update((article_ids[r["article"]], r["idx"]) for r in rows if is_noun_row(r))
    if data.get("ceiling"):
        print("ceiling (train's listed missed acts by what their trigger holds):", data["ceiling"])
    if args.ceiling_only:
        if not data.get("ceiling"):
            parser.error(f"{cache} holds no ceiling (an older collection): run again with --recode")
        _dump({"ceiling": data.get("ceiling")}, args.json)
        return 0
    if args.no_governed:
        tm.GOVERNED = False
        skip = ("obj_head=", "obj_event", "gov_root=", "obj_root=", "lemma_objroot=", "prt_obj=", "prep_root=",
                "lemma_preproot=", "prep_obj=", "comp_root=", "lemma_comproot=", "governor=", "governor_root=")
        for r in rows:
            r["x"] = {k: v for k, v in r["x"].items() if not k.removeprefix("n:").startswith(skip)}
    report: dict[str, Any] = {"exclude_rounds": sorted(exclude)}
    train = [r for r in rows if r["split"] == "train" and r["round"] not in exclude]
    report["candidates_train"] = dict(Counter("none" if r["y"] == "none" else "act" for r in train))
    print("train candidates:", report["candidates_train"], "by root:",
          dict(Counter(r["y"] for r in train if r["y"] != "none").most_common()))
    threshold = args.threshold
    if args.write:
        full = shipped_fit(train, args.c, SHIPPED_THRESHOLD if threshold is None else threshold, exclude)
        Path(args.write).parent.mkdir(parents=True, exist_ok=True)
        Path(args.write).write_text(json.dumps(full.to_dict(), sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {args.write}: {len(full.weights)} features, threshold {full.threshold}")
        return 0
    if args.exact is not None:
        return exact(train, rows, article_ids, exclude, args)
    if threshold is None:
        folds = parse_folds(FOLDS, exclude)
        models: dict[str, TriggerModel] = {}
        token_probs: dict[str, tuple[str, float]] = {}
        for fold in folds:
            model = fit([r for r in train if r["round"] not in fold], args.c, 0.0)
            held = [r for r in train if r["round"] in fold]
            for r in held:
                models[article_ids[r["article"]]] = model
                token_probs[id_of(r)] = model.predict(r["x"])
            print(f"fold {sorted(fold)}: {len({r['article'] for r in held})} held-out articles", file=sys.stderr)
        report["tokens_train"] = token_report(train, token_probs)
        print("tokens (cross-fitted train):", json.dumps(report["tokens_train"]))
        if args.tokens_only:
            _dump(report, args.json)
            return 0
        coded, probs, labels, texts = code_with(models, "train", exclude)
        base = score(labels, at_threshold(coded, probs, article_ids, None), texts, "train")
        report["train_base"] = totals(base)
        print("train, no proposals:", report["train_base"])
        target = base.precision
        chosen = None
        for t in THRESHOLDS:
            recs = at_threshold(coded, probs, article_ids, t)
            s = score(labels, recs, texts, "train")
            a = added(recs, labels, texts, "train")
            strict = a["right"] / a["counted"] if a["counted"] else 0.0
            report[f"train_crossfit t={t}"] = {**totals(s), "added": dict(a), "added_strict_precision": round(strict, 4)}
            print(f"train cross-fitted t={t}:", report[f"train_crossfit t={t}"])
            if chosen is None and a["counted"] and strict >= target and s.counted_right > base.counted_right:
                chosen = t
        report["chosen"] = chosen
        print("chosen threshold (cross-fitted train, strict added precision >= base precision):", chosen)
        threshold = chosen
    if threshold is not None and not args.no_dev:
        full = fit(train, args.c, 0.0)
        dev_models = {article_ids[a]: full for a in {r["article"] for r in rows if r["split"] == "dev"}}
        coded, probs, labels, texts = code_with(dev_models, "dev", exclude)
        base = score(labels, at_threshold(coded, probs, article_ids, None), texts, "dev")
        after = score(labels, at_threshold(coded, probs, article_ids, threshold), texts, "dev")
        report["dev_base"], report[f"dev t={threshold}"] = totals(base), totals(after)
        print("dev totals, no proposals:", report["dev_base"])
        print(f"dev totals at t={threshold}:", report[f"dev t={threshold}"])
    _dump(report, args.json)
    return 0


def exact(train: list[dict[str, Any]], rows: list[dict[str, Any]], article_ids: dict[str, str], exclude: set[int],
          args: Any) -> int:
    """Code train (each fold's articles with the model fitted without them) and dev (the model fitted on every train
    row) with only the proposals at or above ``args.exact``: the scores the shipped hook gives, no filtering after."""
    from crossfit_train import FOLDS, parse_folds
    t = float(args.exact)
    models: dict[str, TriggerModel] = {}
    for fold in parse_folds(FOLDS, exclude):
        model = pruned(fit([r for r in train if r["round"] not in fold], args.c, t))
        for r in train:
            if r["round"] in fold:
                models[article_ids[r["article"]]] = model
    report: dict[str, Any] = {"threshold": t}
    for split, chosen in (("train", models), ("dev", None)):
        if chosen is None:
            full = shipped_fit(train, args.c, t, exclude)
            if args.save_model:
                Path(args.save_model).write_text(json.dumps(full.to_dict(), sort_keys=True) + "\n", encoding="utf-8")
            chosen = {article_ids[a]: full for a in {r["article"] for r in rows if r["split"] == "dev"}}
        coded, _, labels, texts = code_with(chosen, split, exclude)
        s = score(labels, coded, texts, split)
        a = added(coded, labels, texts, split)
        report[split] = {**totals(s), "added": dict(a), "added_strict_precision": round(a["right"] / a["counted"], 4) if a["counted"] else 0.0}
        print(f"{split} exact t={t}:", report[split])
    _dump(report, args.json)
    return 0


def _dump(report: dict[str, Any], path: str | None) -> None:
    if path:
        Path(path).write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    sys.exit(main())
