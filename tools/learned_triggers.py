"""Experiment (issue 11, recall): a LEARNED trigger proposer for verbs the lexicon leaves uncoded.

Candidates (:func:`is_candidate`): every verb of a sentence naming at least one actor that no lexicon
rule made a trigger and whose lemma the lexicon does not code (not in it, or its entries code nothing). Class: the CAMEO root of the listed act at that token (a labelled real act of
eval/news/labels.jsonl or a row of eval/news/missed.jsonl), or "none" (every train article has every act
listed: a candidate with no listed act is no act). A multinomial logistic regression over generic
features (features).

1. ``collect``: code train and dev with the proposer off; the candidates' features and classes, and the
   oracle: of the missed asserted acts, how many sit on a candidate verb.
2. Cross-fit by article (5 folds) on train: each fold's model codes its held-out articles through the
   real pipeline (:func:`proposing`; every proposal logged with its probability), then the eval
   (dateline.newseval.score) is run with the proposals below each threshold removed. The threshold is
   chosen on cross-fitted train ONLY: the lowest whose added counted events are right at least as often
   as the coder's counted events (strict: an added event with no listed act at its trigger is wrong).
3. Dev TOTALS at that threshold, with the model fitted on every train article.

    nice .venv/bin/python tools/learned_triggers.py --json build/learned_triggers.json

(it collects the candidates once, about 5 minutes, into build/learned_triggers.pkl, which holds lemmas of
corpus sentences and is not committed; --recode collects again; the cross-fitted coding takes about 3 more.)
Result (eval/README.md, "Learned trigger proposer (experiment)"): no threshold earns; nothing is shipped.

Never runs or reads the locked splits; prints totals only for dev.
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from spacy.tokens import Doc, Span, Token  # noqa: E402

from dateline import syntax  # noqa: E402
from dateline.doc import per_doc  # noqa: E402
from dateline.quotes.marks import in_quotation  # noqa: E402
from dateline.events import assemble  # noqa: E402
from dateline.events.triggers import _particle, _verb_entry  # noqa: E402
from dateline.lexicon import Entry  # noqa: E402
from dateline.newseval import (Judge, code_articles, corpus_texts, counted, find_span, is_right,  # noqa: E402
                               load_labels, score)

LABELS = ROOT / "eval/news/labels.jsonl"
NEWS = ROOT / "../shared/data/news"
CACHE = ROOT / "build/learned_triggers.pkl"
SPLITS = ("train", "dev")  # never the locked ones
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
CS = (0.1, 0.3, 1.0)
NONE = "none"
#: The model for a Doc while :func:`proposing` is on (the fold that left the Doc's article out).
MODEL_FOR: Callable[[Doc], TriggerModel | None] | None = None
#: Receives (article id, token offset, root, probability) of every candidate while :func:`proposing` is on.
LOG: list[tuple[str, int, str, float]] | None = None
ARG_DEPS = {"nsubj": "subj", "nsubjpass": "subj", "agent": "agent", "dobj": "obj", "dative": "obj"}


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def _lexicon_index(lex: Any) -> dict[str, Any]:
    """What the lexicon knows of each lemma: the roots of its verb entries (particles included),
    whether one has patterns, its senses, the root of an event noun of the same lemma."""
    held = getattr(lex, "_trigger_index", None)
    if held is not None:
        return held
    roots: dict[str, set[str]] = {}
    patterned: set[str] = set()
    for (lemma, particle), (entry, block) in lex.verbs.items():
        roots.setdefault(lemma, set()).add((entry.code[:2] or "nocode") + ("+prt" if particle else ""))
        if lex.patterns.get(block):
            patterned.add(lemma)
    nouns = {k: e.code[:2] for k, e in lex.nouns.items() if " " not in k and e.code}
    index = {"roots": roots, "patterned": patterned, "nouns": nouns, "senses": set(lex.senses)}
    try:
        object.__setattr__(lex, "_trigger_index", index)
    except (AttributeError, TypeError):
        pass
    return index


def _token_actors(doc: Doc) -> tuple[dict[int, dict[str, Any]], set[Any]]:
    """Token index -> the actor whose mention covers it; and the sentences that hold a mention. Once per Doc."""
    def build(d: Doc) -> tuple[dict[int, dict[str, Any]], set[Any]]:
        by_token: dict[int, dict[str, Any]] = {}
        sentences: set[Any] = set()
        for actor in d._.actors or []:
            for m in actor.get("mentions") or []:
                sentences.add(m.get("sentence"))
                span = d.char_span(m["start"], m["end"], alignment_mode="expand")
                if span is None:
                    continue
                for t in range(span.start, span.end):
                    by_token.setdefault(t, actor)
        return by_token, sentences
    return per_doc(doc, "learned_triggers.token_actors", build)


def has_actor(doc: Doc, index: int) -> bool:
    """Whether sentence ``index`` names an actor."""
    return index in _token_actors(doc)[1]


def _actor_of(arg: Token, by_token: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
    if arg.i in by_token:
        return by_token[arg.i]
    lo, hi = arg.left_edge.i, min(arg.right_edge.i, arg.left_edge.i + 8)
    return next((by_token[i] for i in range(lo, hi + 1) if i in by_token), None)


def _arg_feats(out: dict[str, float], role: str, arg: Token | None, by_token: dict[int, dict[str, Any]]) -> None:
    if arg is None:
        return
    actor = _actor_of(arg, by_token)
    if actor is None:
        out[f"{role}=thing" if arg.pos_ not in ("PRON",) else f"{role}=pron"] = 1.0
        out[f"{role}_lemma={arg.lemma_.lower()}"] = 1.0
        return
    out[f"{role}=actor"] = 1.0
    out[f"{role}_label={actor.get('label')}"] = 1.0
    out[f"{role}_sector={actor.get('sector')}"] = 1.0
    out[f"{role}_country={bool(actor.get('country'))}"] = 1.0


def features(doc: Doc, token: Token, sent: Span, index: int, lex: Any) -> dict[str, float]:
    """The generic features of one candidate verb."""
    known = _lexicon_index(lex)
    by_token, _ = _token_actors(doc)
    lemma = token.lemma_.lower()
    out: dict[str, float] = {"bias": 1.0, f"lemma={lemma}": 1.0, f"tag={token.tag_}": 1.0,
                             f"dep={token.dep_}": 1.0, f"head_pos={token.head.pos_ if token.head.i != token.i else 'ROOT'}": 1.0}
    roots = known["roots"].get(lemma)
    if roots:
        for r in roots:
            out[f"lex_root={r}"] = 1.0
    else:
        out["lex_absent"] = 1.0
    if lemma in known["patterned"]:
        out["lex_patterns"] = 1.0
    if lemma in known["senses"]:
        out["lex_senses"] = 1.0
    noun_root = known["nouns"].get(lemma)
    if noun_root:
        out[f"noun_root={noun_root}"] = 1.0
    if token.dep_ in ("xcomp", "ccomp", "advcl", "conj", "acl", "relcl", "pcomp"):
        out[f"head_dep={token.dep_}|{token.head.lemma_.lower()}"] = 1.0
        roots_head = known["roots"].get(token.head.lemma_.lower())
        out[f"head_lex={'/'.join(sorted(roots_head)) if roots_head else '-'}"] = 1.0
    subj = None
    for child in token.children:
        dep = child.dep_
        if dep in ARG_DEPS:
            role = ARG_DEPS[dep]
            if role == "subj" and subj is None:
                subj = child
            if role == "agent":
                _arg_feats(out, "agent", syntax.pobj(child), by_token)
            else:
                _arg_feats(out, role, child, by_token)
            if role == "obj":
                out[f"lemma_obj={lemma}|{child.lemma_.lower()}"] = 1.0
        elif dep == "prep":
            prep = child.lower_
            out[f"prep={prep}"] = 1.0
            out[f"lemma_prep={lemma}|{prep}"] = 1.0
            _arg_feats(out, "pobj", syntax.pobj(child), by_token)
        elif dep == "prt":
            out[f"lemma_prt={lemma}|{child.lower_}"] = 1.0
        elif dep in ("aux", "auxpass"):
            out[f"aux={child.lower_ if child.tag_ == 'MD' else child.lemma_.lower()}"] = 1.0
            if dep == "auxpass":
                out["passive"] = 1.0
        elif dep == "neg":
            out["neg"] = 1.0
        elif dep in ("ccomp", "xcomp"):
            out[f"comp={dep}"] = 1.0
    if subj is None:
        inherited = syntax.subject(token)
        if inherited is not None:
            _arg_feats(out, "isubj", inherited, by_token)
        else:
            out["no_subj"] = 1.0
    if in_quotation(doc, token.idx):
        out["in_quote"] = 1.0
    out[f"sent_pos={_bucket(token.i - sent.start, (2, 5, 10, 20))}"] = 1.0
    out[f"sent_index={_bucket(index, (0, 1, 3, 8))}"] = 1.0
    return out


@dataclass
class TriggerModel:
    """A multinomial logistic regression: classes (CAMEO roots and "none"), weights by feature name
    (one per class), intercepts, and the act-probability threshold."""

    classes: list[str]
    weights: dict[str, list[float]]
    intercept: list[float]
    threshold: float
    meta: dict[str, Any] = field(default_factory=dict)

    def predict(self, feats: dict[str, float]) -> tuple[str, float]:
        """(most probable root, probability that the verb is an act)."""
        z = list(self.intercept)
        for name, value in feats.items():
            w = self.weights.get(name)
            if w is not None and value:
                for k, x in enumerate(w):
                    z[k] += x * value
        top = max(z)
        exps = [math.exp(v - top) for v in z]
        total = sum(exps)
        none = self.classes.index(NONE)
        act = 1.0 - exps[none] / total
        best = max((k for k in range(len(z)) if k != none), key=lambda k: z[k])
        return self.classes[best], act

    def to_dict(self) -> dict[str, Any]:
        return {"classes": self.classes, "weights": self.weights, "intercept": self.intercept,
                "threshold": self.threshold, "meta": self.meta}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TriggerModel:
        return cls([str(c) for c in data["classes"]], {str(k): [float(x) for x in v] for k, v in data["weights"].items()},
                   [float(x) for x in data["intercept"]], float(data["threshold"]), dict(data.get("meta", {})))


def is_candidate(token: Token, lex: Any) -> bool:
    """A verb the lexicon leaves uncoded: its lemma is not in the lexicon, or its entries (with its
    particle, else bare, and their patterns) code nothing. A verb the lexicon codes that its gates then
    turned down (an attribution frame, a claim, a naming, an idiom, a light verb) is not one: those
    gates are the guidelines' decisions, not gaps."""
    if token.pos_ != "VERB" or not token.is_alpha or token.lemma_ in ("be", "have", "do"):
        return False
    if token.lemma_ not in lex.verb_lemmas:
        return True
    particle = _particle(token)
    found = (lex.verbs.get((token.lemma_, particle)) if particle else None) or lex.verbs.get((token.lemma_, ""))
    if found is not None and found[0].code:
        return False
    return _verb_entry(token, lex) is None


def proposals(doc: Doc, sent: Span, index: int, lex: Any, taken: set[int]) -> list[tuple[Token, str, float]]:
    """The sentence's verbs no lexicon rule made a trigger (offsets in ``taken``) that the model codes:
    (verb, root, probability of an act) at or above the model's threshold; nothing when the
    sentence names no actor or no model is active."""
    model = MODEL_FOR(doc) if MODEL_FOR is not None else None
    if model is None or not has_actor(doc, index):
        return []
    out = []
    for token in sent:
        if token.idx in taken or not is_candidate(token, lex):
            continue
        root, p = model.predict(features(doc, token, sent, index, lex))
        if LOG is not None:
            LOG.append((doc._.article_id, token.idx, root, p))
        if p >= model.threshold:
            out.append((token, root, p))
    return out


def _code_sentence(doc: Doc, sent: Span, index: int, lex: Any) -> Iterator[dict[str, Any]]:
    """The events stage's ``_code_sentence`` (lexicon verbs and nouns), then the proposals: each proposed
    verb coded by ``_verb_events`` with the proposed entry in place of the lexicon's, so it goes through the
    same roles, modality and ``_emit`` gates; its events name ``learned`` as ``trigger`` and ``code``."""
    taken: set[int] = set()
    for event in _ORIGINAL["code_sentence"](doc, sent, index, lex):
        taken.add(event["span"][0])
        yield event
    for verb, root, _ in proposals(doc, sent, index, lex, taken):
        yield from _proposed_events(doc, verb, index, lex, Entry(root + "0"))


def _proposed_events(doc: Doc, verb: Token, index: int, lex: Any, entry: Any) -> list[dict[str, Any]]:
    original = _ORIGINAL["verb_entry"]
    assemble._verb_entry = lambda v, l: entry if v.i == verb.i else original(v, l)
    try:
        events = list(assemble._verb_events(doc, verb, index, lex))
    finally:
        assemble._verb_entry = original
    for event in events:
        rules = event["evidence"]["rules"]
        if rules.get("trigger") == f"verbs.tsv:{verb.lemma_}":
            rules["trigger"] = "learned"
            if rules.get("code") == "_verb_entry":
                rules["code"] = "learned"
    return events


_ORIGINAL: dict[str, Any] = {"code_sentence": assemble._code_sentence, "verb_entry": assemble._verb_entry}


@contextmanager
def proposing(model_for: Callable[[Doc], TriggerModel | None], log: list[tuple[str, int, str, float]] | None = None) -> Iterator[None]:
    """Within the block, the events stage also codes the proposals of ``model_for(doc)`` (every
    candidate's (article id, offset, root, probability) appended to ``log``)."""
    global MODEL_FOR, LOG
    MODEL_FOR, LOG = model_for, log
    assemble._code_sentence = _code_sentence
    try:
        yield
    finally:
        assemble._code_sentence = _ORIGINAL["code_sentence"]
        MODEL_FOR, LOG = None, None


def _acts_by_sentence(part: Any) -> dict[tuple[str, int], list[tuple[int, int, str | None, dict[str, Any]]]]:
    """(article, sentence start) -> (trigger start, end, root or None for a labelled non-act, row)."""
    out: dict[tuple[str, int], list[tuple[int, int, str | None, dict[str, Any]]]] = defaultdict(list)
    for row in part.labels:
        t0, t1 = row["trigger_in_sentence"]
        out[(row["id"], row["sentence_ref"]["start"])].append(
            (t0, max(t1, t0 + 1), row["root"] if row["act"] and row["root"] else None, row))
    for row in part.missed:
        t0, t1 = row["trigger_in_sentence"]
        out[(row["id"], row["sentence_ref"]["start"])].append((t0, max(t1, t0 + 1), row["root"], row))
    return out


def collect(lex: Any) -> dict[str, Any]:
    """Code train and dev with the proposer off: one row per candidate verb; and the oracle."""
    from dateline.ingest import Article, read_articles
    from dateline.nlp import load_nlp, parse
    import tempfile

    labels = load_labels(LABELS)
    nlp = load_nlp()
    rows: list[dict[str, Any]] = []
    article_ids: dict[str, str] = {}
    oracle: Counter[str] = Counter()
    for split in SPLITS:
        part = labels.split(split)
        texts = corpus_texts(part.articles, NEWS)
        acts = _acts_by_sentence(part)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"{split}.jsonl"
            path.write_text("".join(json.dumps(texts[a["id"]], ensure_ascii=False) + "\n" for a in part.articles),
                            encoding="utf-8")
            articles = [a for a in read_articles([str(path)]) if isinstance(a, Article)]
            for article, doc in parse(articles, nlp=nlp):
                record_id = str(article.input_id)
                article_ids[record_id] = doc._.article_id
                text = texts[record_id]["text"]
                taken = {e["span"][0] for e in doc._.events or []}
                counted_at = {(e["span"][0], str(e["cameo"])[:2]) for e in doc._.events or [] if counted(e)}
                for index, sent in enumerate(doc.sents):
                    piece = doc.text[sent.start_char:sent.end_char]
                    found = find_span(text, piece.strip())
                    if not found:
                        continue
                    lead = len(piece) - len(piece.lstrip())
                    listed = acts.get((record_id, found[0]), [])
                    actor = has_actor(doc, index)
                    if split == "train":
                        for t0, t1, root, row in listed:
                            if root is None or row.get("modality") != "asserted":
                                continue
                            on = [t for t in sent if t0 <= t.idx - sent.start_char - lead < t1]
                            if any((t.idx, root) in counted_at for t in on):
                                continue
                            oracle["missed asserted"] += 1
                            verbs = [t for t in on if t.pos_ == "VERB"]
                            nouns = [t for t in on if t.pos_ == "NOUN"]
                            kind = "verb" if verbs else "noun" if nouns else "other"
                            oracle[f"missed on a {kind}"] += 1
                            if kind != "other":
                                sides = {row.get("src"), row.get("tgt")} - {"NONE", None}
                                named = {str(a.get("country") or (a.get("code") or "")[:3]) for a in doc._.actors or []
                                         if any(m.get("sentence") == index for m in a.get("mentions") or [])}
                                oracle[f"{kind}: a labelled side's country named in the sentence"] += bool(sides & named)
                                oracle[f"{kind}: sentence names an actor"] += actor
                                if kind == "verb" and any(t.idx in taken for t in verbs):
                                    oracle["verb: already a trigger (other root or not counted)"] += 1
                    if not actor:
                        continue
                    for token in sent:
                        if token.idx in taken or not is_candidate(token, lex):
                            continue
                        at = token.idx - sent.start_char - lead
                        here = [(root, row) for t0, t1, root, row in listed if t0 <= at < t1]
                        roots = [r for r, _ in here if r]
                        label = roots[0] if roots else "none"
                        rows.append({"split": split, "article": record_id, "idx": token.idx,
                                     "y": label, "labelled": bool(here),
                                     "x": features(doc, token, sent, index, lex)})
        print(f"collected {split}: {len(rows)} candidates so far", file=sys.stderr)
    return {"rows": rows, "article_ids": article_ids, "oracle": dict(oracle)}


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
    return TriggerModel(classes, weights, [round(float(b), 5) for b in clf.intercept_], threshold,
                                      {"c": c})


def code_with(models: dict[str, TriggerModel], split: str) -> tuple[dict[str, Any], dict[tuple[str, int], float], Any, Any]:
    """Code a split with each article's model (threshold 0: every candidate proposed, its probability logged)."""
    labels = load_labels(LABELS)
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


def added(coded: dict[str, Any], labels: Any, texts: Any, split: str) -> Counter[str]:
    """The counted learned events: judged, right, and unjudged (no listed act at the trigger: wrong, strictly)."""
    from dateline.newseval import event_keys
    part = labels.split(split)
    judge = Judge(part.labels, part.missed)
    out: Counter[str] = Counter()
    for rid, record in coded.items():
        for event, key in zip(record["events"], event_keys(record, texts[rid]["text"])):
            if not counted(event) or (event.get("evidence") or {}).get("rules", {}).get("trigger") != "learned":
                continue
            out["counted"] += 1
            judged = judge(event, key)
            if judged is None:
                out["unjudged"] += 1
                continue
            out["judged"] += 1
            out["right"] += is_right(event, judged)
    return out


def totals(s: Any) -> dict[str, Any]:
    return {"counted_judged": s.counted_judged, "right": s.counted_right, "precision": round(s.precision, 4),
            "gold_acts": s.gold_acts, "found_root": s.gold_found_root, "recall": round(s.recall, 4)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--recode", action="store_true", help="re-collect the candidates (ignore the cache)")
    parser.add_argument("--json", help="write the measured numbers here")
    parser.add_argument("--oracle-only", action="store_true")
    parser.add_argument("--c", type=float, default=0.3, help="L2 strength (scikit-learn C)")
    parser.add_argument("--threshold", type=float, help="measure dev at this threshold (default: the one chosen on "
                        "cross-fitted train, if any); skips the cross-fitting")
    parser.add_argument("--no-dev", action="store_true", help="do not look at dev totals")
    parser.add_argument("--keep", help="pickle the cross-fitted train records and probabilities here (for reading train errors)")
    args = parser.parse_args()
    from dateline.lexicon import load_lexicon
    lex = load_lexicon()
    if CACHE.exists() and not args.recode:
        data = pickle.loads(CACHE.read_bytes())
    else:
        data = collect(lex)
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        CACHE.write_bytes(pickle.dumps(data))
    rows, article_ids = data["rows"], data["article_ids"]
    report: dict[str, Any] = {"oracle_train": data["oracle"]}
    train = [r for r in rows if r["split"] == "train"]
    report["candidates_train"] = dict(Counter("none" if r["y"] == "none" else "act" for r in train))
    print("oracle (train):", json.dumps(data["oracle"], indent=1))
    print("train candidates:", report["candidates_train"], "by root:",
          dict(Counter(r["y"] for r in train if r["y"] != "none").most_common()))
    if args.oracle_only:
        _dump(report, args.json)
        return 0
    threshold = args.threshold
    if threshold is None:
        from sklearn.model_selection import GroupKFold
        arts = sorted({r["article"] for r in train})
        folds = list(GroupKFold(5).split(arts, groups=arts))
        models: dict[str, TriggerModel] = {}
        for fit_idx, held in folds:
            fit_articles = {arts[i] for i in fit_idx}
            model = fit([r for r in train if r["article"] in fit_articles], args.c, 0.0)
            for i in held:
                models[article_ids[arts[i]]] = model
        coded, probs, labels, texts = code_with(models, "train")
        if args.keep:
            Path(args.keep).write_bytes(pickle.dumps({"coded": coded, "probs": probs}))
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
        threshold = threshold if threshold is not None else chosen
    if threshold is not None and not args.no_dev:
        full = fit(train, args.c, 0.0)
        dev_models = {article_ids[a]: full for a in {r["article"] for r in rows if r["split"] == "dev"}}
        coded, probs, labels, texts = code_with(dev_models, "dev")
        base = score(labels, at_threshold(coded, probs, article_ids, None), texts, "dev")
        after = score(labels, at_threshold(coded, probs, article_ids, threshold), texts, "dev")
        report["dev_base"], report[f"dev t={threshold}"] = totals(base), totals(after)
        print("dev totals, no proposals:", report["dev_base"])
        print(f"dev totals at t={threshold}:", report[f"dev t={threshold}"])
    _dump(report, args.json)
    return 0


def _dump(report: dict[str, Any], path: str | None) -> None:
    if path:
        Path(path).write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    sys.exit(main())
