"""Time each dateline stage against the spaCy parse, on the same Docs, in one process.

    .venv/bin/python bench/bench_stages.py [--corpus bbc|allsides] [--n 200]

Parses N articles with the model alone (dateline stages disabled), then runs each ``dateline_*``
stage over those Docs in pipeline order and prints its time as a share of the parse. A report, not
a test: nothing is asserted. The first stage to touch the gazetteer (places) pays its one-time load.
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
from dateline.nlp import load_nlp, make_doc

NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news"
FILES = {"bbc": "bbc2225.jsonl", "allsides": "allsides_abp.jsonl"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=sorted(FILES), default="bbc")
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--news-dir", type=Path, default=NEWS)
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
    stages = [name for name in nlp.pipe_names if name.startswith("dateline_") and name != "dateline_paragraphs"]
    start = time.perf_counter()
    with nlp.select_pipes(disable=stages):
        docs = list(nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=32))
    parse = time.perf_counter() - start
    words = sum(len(a.body.split()) for a in articles)
    print(f"{len(docs)} {args.corpus} articles, {words:,} words; parse {parse:.2f} s")
    for name in stages:
        component = nlp.get_pipe(name)
        start = time.perf_counter()
        for doc in docs:
            component(doc)
        elapsed = time.perf_counter() - start
        print(f"  {name:<18} {elapsed:6.2f} s  {100 * elapsed / parse:5.1f}% of the parse")
    return 0


if __name__ == "__main__":
    sys.exit(main())
