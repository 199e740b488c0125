"""What `dateline ingest --workers N` gains over one process: a speed ratio. A report, never a test.

In one run, over the same N real news articles (from ``../shared/data/news``, never copied here):

- **serial**: structure -> ``code_items`` (the real pipeline, in this process) -> ``Store.write``;
- **cluster**: the same articles through ``code_items_distributed`` on a local Dask cluster of
  ``--workers`` processes -> ``Store.write`` (the client stays the single writer).

Each writes to a new DuckDB file; both are warmed up first (model loading and cluster start-up are
reported apart and not in the ratio), and they alternate for ``--repeats`` rounds; medians are
reported, with the rows each stored (they must be the same). See bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_pipeline import CORPORA, DEFAULT_NEWS, load_raws  # noqa: E402

from dateline.cluster import code_items_distributed, connect  # noqa: E402
from dateline.ingest import build_article  # noqa: E402
from dateline.models import Article  # noqa: E402
from dateline.nlp import BATCH_SIZE, load_nlp  # noqa: E402
from dateline.pipeline import Batch, code_items  # noqa: E402
from dateline.store import Store  # noqa: E402


def timed_ingest(articles: Sequence[Article], code: Callable[..., Iterator[Batch]]) -> tuple[float, dict[str, int]]:
    """Seconds to code and store ``articles`` into a new DuckDB file, and the rows stored."""
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        start = time.perf_counter()
        store = Store(Path(tmp) / "bench.duckdb")
        for batch in code(articles, skip=store.known_ids):
            store.write(batch.records, batch.rejections)
        seconds = time.perf_counter() - start
        rows = store.counts()
        store.close()
    return seconds, rows


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=200, help="articles (default 200)")
    ap.add_argument("--corpus", default="bbc,allsides", help=f"comma-separated, of {', '.join(CORPORA)}")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="Dask worker processes (default: cores)")
    ap.add_argument("--batch-size", type=int, default=BATCH_SIZE, help=f"articles per batch (default {BATCH_SIZE})")
    ap.add_argument("--repeats", type=int, default=2, help="timed rounds of serial + cluster (default 2)")
    ap.add_argument("--news-dir", type=Path, default=DEFAULT_NEWS, help=f"default {DEFAULT_NEWS}")
    args = ap.parse_args(argv)
    if not args.news_dir.exists():
        print(f"bench: {args.news_dir} is absent: the news corpora ship only with the development checkout",
              file=sys.stderr)
        return 2
    raws = load_raws(args.news_dir, args.corpus.split(","), args.n)
    articles = [build_article(raw) for raw in raws]
    words = sum(len(a.body.split()) for a in articles)

    t0 = time.perf_counter()
    nlp = load_nlp()
    load_s = time.perf_counter() - t0

    def serial(items: Sequence[Article], **kw: Any) -> Iterator[Batch]:
        return code_items(items, nlp=nlp, batch_size=args.batch_size, **kw)

    t0 = time.perf_counter()
    with connect(workers=args.workers) as client:
        client.wait_for_workers(args.workers)
        start_s = time.perf_counter() - t0

        def distributed(items: Sequence[Article], **kw: Any) -> Iterator[Batch]:
            return code_items_distributed(items, client=client, batch_size=args.batch_size, **kw)

        # Warm-up: every worker loads the model (one batch each), and the serial path runs once.
        t0 = time.perf_counter()
        timed_ingest(articles[: args.batch_size * args.workers], distributed)
        warm_s = time.perf_counter() - t0
        timed_ingest(articles[:8], serial)
        times: dict[str, list[float]] = {"serial": [], "cluster": []}
        rows: dict[str, dict[str, int]] = {}
        load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        for r in range(args.repeats):
            for name, code in (("serial", serial), ("cluster", distributed)):
                seconds, rows[name] = timed_ingest(articles, code)
                times[name].append(seconds)
                print(f"round {r + 1}: {name} {seconds:.2f} s", file=sys.stderr)
        load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    med = {name: statistics.median(v) for name, v in times.items()}
    print(f"{len(articles)} articles, {words:,} words ({args.corpus}); {args.workers} worker process(es), "
          f"batch {args.batch_size}, {args.repeats} round(s), {os.cpu_count()} core(s), "
          f"load {load_before:.1f} -> {load_after:.1f}")
    print(f"model load in this process {load_s:.1f} s; cluster start {start_s:.1f} s; "
          f"workers' first batches (model loads) {warm_s:.1f} s: not in the ratio")
    for name in ("serial", "cluster"):
        print(f"{name:8s} {med[name]:7.2f} s  {len(articles) / med[name]:6.1f} articles/s  "
              f"{words / med[name]:8,.0f} words/s  rows {rows[name]}")
    print(f"speed-up cluster / serial: {med['serial'] / med['cluster']:.2f}x")
    if rows["serial"] != rows["cluster"]:
        print("bench: warning: the two runs stored different row counts", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
