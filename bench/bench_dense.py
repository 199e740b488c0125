"""CPU of the dense features (dateline.dense, session 31) against the spaCy parse, on N news articles.

    .venv/bin/python bench/bench_dense.py [--corpus bbc] [--n 150] [--blocks trig,sent]

Parses N articles with the model alone, runs dateline's stages, then times :func:`dateline.dense.features` on every
event the act filter scores (asserted, not negated), as a share of the parse's CPU seconds. A report, not a test.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_stages import FILES, NEWS, parsed_docs  # noqa: E402

from dateline import dense  # noqa: E402
from dateline.confidence import is_counted  # noqa: E402
from dateline.ingest import build_article  # noqa: E402
from dateline.models import RawDocument  # noqa: E402
from dateline.nlp import load_nlp  # noqa: E402
from dateline.pipeline import warm  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=sorted(FILES), default="bbc")
    parser.add_argument("--n", type=int, default=150)
    parser.add_argument("--blocks", default="trig,sent")
    args = parser.parse_args()
    path = NEWS / FILES[args.corpus]
    total = sum(1 for _ in path.open(encoding="utf-8"))
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in itertools.islice(handle, 0, None, max(1, total // args.n))][: args.n]
    articles = [build_article(RawDocument(source=str(path), text=r["text"], title=r.get("title"))) for r in records]
    nlp = load_nlp()
    warm(nlp)
    gc.freeze()
    stages = [name for name in nlp.pipe_names if name.startswith("dateline_") and name != "dateline_paragraphs"]
    docs, parse = parsed_docs(nlp, articles, stages, None)
    components = [nlp.get_pipe(name) for name in stages]
    blocks = tuple(args.blocks.split(","))
    spent, events = 0.0, 0
    for doc in docs:
        for component in components:
            component(doc)
        start = time.process_time()
        for event in doc._.events:
            if is_counted(event, 0.0) or (event.get("evidence") or {}).get("act_filter"):
                dense.features(event, doc, blocks)
                events += 1
        spent += time.process_time() - start
    print(f"{len(docs)} {args.corpus} articles; parse {parse:.2f} s CPU; dense features {blocks} of {events} events: "
          f"{spent:.3f} s = {100 * spent / parse:.2f}% of the parse")
    return 0


if __name__ == "__main__":
    sys.exit(main())
