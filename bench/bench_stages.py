"""Time each dateline stage against the spaCy parse, on the same Docs, in one process.

    .venv/bin/python bench/bench_stages.py [--corpus bbc|allsides] [--n 200]

Parses N articles with the model alone (dateline stages disabled), then, Doc by Doc as the
pipeline does, runs each ``dateline_*`` stage in order and builds the output record
(``article_record``), and prints each one's total time as a share of the parse. Times are CPU seconds of this process
(``time.process_time``), which other jobs on a shared machine do not stretch as they do wall time.
The pipeline is warmed first (:func:`dateline.pipeline.warm`), so lazily loaded indexes (gazetteer,
KB) are not charged to the first stage that touches them. A report, not a test: nothing is asserted.

    --profile OUT   also write a cProfile of the stages and records (not of the parse) to OUT
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

from dateline.ingest import build_article
from dateline.models import RawDocument
from dateline.nlp import load_nlp, make_doc, model_version
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
    stages = [name for name in nlp.pipe_names if name.startswith("dateline_") and name != "dateline_paragraphs"]
    start = time.process_time()
    with nlp.select_pipes(disable=stages):
        docs = list(nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=32))
    parse = time.process_time() - start
    words = sum(len(a.body.split()) for a in articles)
    print(f"{len(docs)} {args.corpus} articles, {words:,} words; parse {parse:.2f} s CPU")
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    # As in the pipeline: every stage over one Doc, then the next Doc (the per-Doc indexes of
    # dateline.doc.per_doc are built once per Doc and shared by the stages that follow).
    spent = dict.fromkeys([*stages, "records"], 0.0)
    components = [(name, nlp.get_pipe(name)) for name in stages]
    model = model_version(nlp)
    for article, doc in zip(articles, docs):
        for name, component in components:
            start = time.process_time()
            component(doc)
            spent[name] += time.process_time() - start
        start = time.process_time()
        article_record(article, doc, model=model)
        spent["records"] += time.process_time() - start
    for name, elapsed in [*spent.items(), ("all", sum(spent.values()))]:
        print(f"  {name:<20} {elapsed:6.2f} s  {100 * elapsed / parse:5.1f}% of the parse")
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(str(args.profile))
    return 0


if __name__ == "__main__":
    sys.exit(main())
