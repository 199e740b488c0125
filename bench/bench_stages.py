"""Time each dateline stage against the spaCy parse, on the same Docs, in one process.

    .venv/bin/python bench/bench_stages.py [--corpus bbc|allsides] [--n 200]

Parses N articles with the model alone (dateline stages disabled), then, Doc by Doc as the
pipeline does, runs each ``dateline_*`` stage in order and builds the output record
(``article_record``), and prints each one's total time as a share of the parse. Times are CPU seconds of this process
(``time.process_time``), which other jobs on a shared machine do not stretch as they do wall time.
The pipeline is warmed first (:func:`dateline.pipeline.warm`), so lazily loaded indexes (gazetteer,
KB) are not charged to the first stage that touches them. A report, not a test: nothing is asserted.

    --profile OUT   also write a cProfile of the stages and records (not of the parse) to OUT
    --docs FILE     keep the parsed Docs in FILE (a spaCy DocBin, under /tmp: it holds the
                    publishers' text): parse and save them the first time, load them after, so
                    that repeated timings of the stages skip the parse (the parse time printed is
                    the one measured when the file was made, kept beside it)
    --rounds N      run the stages N times over fresh copies of the Docs and report each stage's
                    best round (default 1); also prints a digest of all output records, which a
                    behaviour-preserving change must leave the same
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import itertools
import json
import sys
import time
from pathlib import Path

from dateline.ingest import build_article
from dateline.models import RawDocument
from dateline.nlp import load_nlp, make_doc, model_version, set_article
from dateline.pipeline import warm
from dateline.record import article_record

NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news"
FILES = {"bbc": "bbc2225.jsonl", "allsides": "allsides_abp.jsonl"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=sorted(FILES), default="bbc")
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--news-dir", type=Path, default=NEWS)
    parser.add_argument("--profile", type=Path, default=None, help="write a cProfile of the stages here")
    parser.add_argument("--docs", type=Path, default=None, help="parse once into this DocBin, reuse it after")
    parser.add_argument("--rounds", type=int, default=1, help="rounds of the stages; the best is reported")
    args = parser.parse_args()
    path = args.news_dir / FILES[args.corpus]
    if not path.exists():
        print(f"{path} is absent: the news corpora live in ../shared/data/news", file=sys.stderr)
        return 2
    total = sum(1 for _ in path.open(encoding="utf-8"))
    step = max(1, total // args.n)
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in itertools.islice(handle, 0, None, step)][: args.n]
    articles = [build_article(RawDocument(source=str(path), text=r["text"], title=r.get("title"))) for r in records]
    nlp = load_nlp()
    warm(nlp)
    # as dateline's own processes do (dateline.cluster._freeze): the half million loaded objects
    # (model, KB, gazetteer, lexicon) out of the collector's reach; else a full collection over
    # them (about 0.2 s) lands in whichever stage happens to allocate at the time
    gc.freeze()
    stages = [name for name in nlp.pipe_names if name.startswith("dateline_") and name != "dateline_paragraphs"]
    docs, parse = parsed_docs(nlp, articles, stages, args.docs)
    words = sum(len(a.body.split()) for a in articles)
    print(f"{len(docs)} {args.corpus} articles, {words:,} words; parse {parse:.2f} s CPU")
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    components = [(name, nlp.get_pipe(name)) for name in stages]
    model = model_version(nlp)
    best: dict[str, float] = {}
    pristine = [d.copy() for d in docs] if args.rounds > 1 else []
    for round_ in range(max(1, args.rounds)):
        if round_:  # fresh Docs: the stages write their results into the Doc's extensions
            docs = [set_article(d.copy(), a) for d, a in zip(pristine, articles)]
        spent, digest = run_stages(articles, docs, components, model)
        for name, elapsed in spent.items():
            best[name] = min(best.get(name, elapsed), elapsed)
        if args.rounds > 1:
            print(f"  round {round_ + 1}: {sum(spent.values()):.2f} s", file=sys.stderr)
    for name, elapsed in [*best.items(), ("all", sum(best.values()))]:
        print(f"  {name:<20} {elapsed:6.2f} s  {100 * elapsed / parse:5.1f}% of the parse")
    print(f"records digest {digest}")
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(str(args.profile))
    return 0


def parsed_docs(nlp, articles, stages, saved: Path | None):  # type: ignore[no-untyped-def]
    """The articles' Docs parsed by the model alone, and the parse's CPU seconds (see --docs)."""
    from spacy.tokens import DocBin

    if saved is not None and saved.exists():
        docs = list(DocBin().from_disk(saved).get_docs(nlp.vocab))
        parse = float(saved.with_suffix(".parse").read_text())
        if len(docs) == len(articles):
            return [set_article(d, a) for d, a in zip(docs, articles)], parse
    start = time.process_time()
    with nlp.select_pipes(disable=stages):
        docs = list(nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=32))
    parse = time.process_time() - start
    if saved is not None:
        DocBin(store_user_data=False, docs=docs).to_disk(saved)
        saved.with_suffix(".parse").write_text(f"{parse}\n")
    return docs, parse


def run_stages(articles, docs, components, model):  # type: ignore[no-untyped-def]
    """Every stage over one Doc, then the next Doc, as in the pipeline (the per-Doc indexes of
    dateline.doc.per_doc are built once per Doc and shared by the stages that follow): each
    stage's CPU seconds and a digest of the output records."""
    spent = dict.fromkeys([name for name, _ in components] + ["records"], 0.0)
    digest = hashlib.sha256()
    for article, doc in zip(articles, docs):
        for name, component in components:
            start = time.process_time()
            component(doc)
            spent[name] += time.process_time() - start
        start = time.process_time()
        record = article_record(article, doc, model=model)
        spent["records"] += time.process_time() - start
        digest.update(json.dumps(record, sort_keys=True, ensure_ascii=False, default=str).encode())
    return spent, digest.hexdigest()[:16]


if __name__ == "__main__":
    sys.exit(main())
