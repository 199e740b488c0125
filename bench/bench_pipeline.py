"""How much dateline adds to the spaCy parse: speed and peak memory, as a ratio. A report, never a test.

In one process, over the same N real news articles (from ``../shared/data/news``, never copied here):

- **parse**: the bare model (``importlib.import_module(MODEL_PACKAGE).load()``, no dateline stages)
  over the article bodies with ``nlp.pipe``;
- **pipeline**: RawDocument -> ``build_article`` (structure) -> ``code_items`` (the real nlp with the
  dateline stages) -> ``Store.write`` into a fresh temporary DuckDB file, as ``dateline ingest`` does.

After a warm-up, the two alternate for ``--repeats`` rounds; medians are reported. See bench/README.md.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Any

from spacy.language import Language

from dateline.errors import InputError
from dateline.ingest import build_article, read_raw
from dateline.models import RawDocument
from dateline.nlp import BATCH_SIZE, MODEL_PACKAGE, load_nlp
from dateline.pipeline import code_items
from dateline.store import Store

REPO = Path(__file__).resolve().parents[1]
DEFAULT_NEWS = REPO.parent / "shared" / "data" / "news"
CORPORA = {"bbc": "bbc2225.jsonl", "allsides": "allsides_abp.jsonl", "reuters": "reuters21578.jsonl"}
WARMUP = 8  # articles run through both phases before timing (model loading, caches)


def reset_peak() -> bool:
    """Start a new peak-RSS window (Linux: clear VmHWM). False where only the process peak exists."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def peak_rss_mb() -> float:
    """Peak resident memory in MB: since the last reset_peak() on Linux, else of the whole process."""
    try:
        return int(Path("/proc/self/status").read_text().split("VmHWM:")[1].split()[0]) / 1024
    except (OSError, IndexError, ValueError):
        pass
    try:
        import resource  # macOS and other Unixes: the process peak (ru_maxrss is in bytes on macOS)

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2 ** (20 if sys.platform == "darwin" else 10)
    except ImportError:  # Windows: psutil (the bench extra) has the peak working set
        import psutil  # type: ignore[import-untyped]

        info = psutil.Process().memory_info()
        return float(getattr(info, "peak_wset", info.rss)) / 2**20


def load_raws(news: Path, corpora: Sequence[str], n: int) -> list[RawDocument]:
    """N RawDocuments split evenly across corpora, spread evenly through each file (all categories)."""
    raws: list[RawDocument] = []
    for k, name in enumerate(corpora):
        path = news / CORPORA[name]
        want = n // len(corpora) + (1 if k < n % len(corpora) else 0)
        docs = [d for d in read_raw([str(path)]) if isinstance(d, RawDocument)]
        step = len(docs) / max(want, 1)
        raws.extend(docs[int(i * step)] for i in range(min(want, len(docs))))
    return raws


def run_parse(bare: Language, bodies: Sequence[str], batch_size: int) -> float:
    start = time.perf_counter()
    for _ in bare.pipe(bodies, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def run_pipeline(raws: Sequence[RawDocument], batch_size: int) -> tuple[dict[str, float], dict[str, int]]:
    """Seconds for the whole pipeline and its structure and store parts (into a fresh DuckDB file); rows stored."""
    nlp = load_nlp()
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        start = time.perf_counter()
        articles = [build_article(raw) for raw in raws]
        structure = time.perf_counter() - start
        store = Store(Path(tmp) / "bench.duckdb")
        store_s = time.perf_counter() - start - structure
        for batch in code_items(articles, nlp=nlp, batch_size=batch_size, skip=store.known_ids):
            t0 = time.perf_counter()
            store.write(batch.records, batch.rejections)
            store_s += time.perf_counter() - t0
        counting = time.perf_counter()
        rows = store.counts()  # not timed: a report on what was stored
        t0 = time.perf_counter()
        store.close()  # the checkpoint to disk is part of storing
        store_s += time.perf_counter() - t0
        total = time.perf_counter() - start - (t0 - counting)
    if rows["articles"] != len(raws):
        print(f"bench: warning: stored {rows['articles']} of {len(raws)} articles", file=sys.stderr)
    return {"seconds": total, "structure": structure, "store": store_s}, rows


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300, help="articles in all (default 300)")
    ap.add_argument("--corpus", default="bbc,allsides", help=f"comma-separated, of {', '.join(CORPORA)}")
    ap.add_argument("--batch-size", type=int, default=BATCH_SIZE, help=f"texts per nlp.pipe batch (default {BATCH_SIZE})")
    ap.add_argument("--repeats", type=int, default=2, help="timed rounds of parse + pipeline (default 2)")
    ap.add_argument("--news-dir", type=Path, default=DEFAULT_NEWS, help=f"default {DEFAULT_NEWS}")
    ap.add_argument("--json", type=Path, metavar="OUT", help="also write the numbers as JSON")
    args = ap.parse_args(argv)

    corpora = [c.strip() for c in args.corpus.split(",") if c.strip()]
    if not corpora or (bad := [c for c in corpora if c not in CORPORA]):
        ap.error(f"--corpus: unknown {bad or 'empty'}; choose from {', '.join(CORPORA)}")
    if args.n < 1 or args.repeats < 1 or args.batch_size < 1:
        ap.error("--n, --repeats and --batch-size must be at least 1")
    missing = [str(args.news_dir / CORPORA[c]) for c in corpora if not (args.news_dir / CORPORA[c]).is_file()]
    if missing:
        print(f"bench: news corpus not found: {', '.join(missing)}\n"
              f"  It lives outside the repo (never copied in); pass --news-dir DIR to point at it.", file=sys.stderr)
        return 2

    raws: list[RawDocument] = []
    bodies: list[str] = []  # exactly what the pipeline will parse
    for raw in load_raws(args.news_dir, corpora, args.n):
        try:
            bodies.append(build_article(raw).body)
            raws.append(raw)
        except InputError as err:  # the pipeline would reject it: leave it out of both phases
            print(f"bench: leaving out {raw.where} ({err.code})", file=sys.stderr)
    words = sum(len(body.split()) for body in bodies)
    rss: dict[str, float] = {"loaded": peak_rss_mb()}

    bare = importlib.import_module(MODEL_PACKAGE).load()
    run_parse(bare, bodies[:WARMUP], args.batch_size)  # warm-up; also loads both models
    run_pipeline(raws[:WARMUP], args.batch_size)
    load_start = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    rss["warm"] = peak_rss_mb()

    parse_s: list[float] = []
    pipes: list[dict[str, float]] = []
    windowed = False
    for round_ in range(args.repeats):
        gc.collect()
        windowed = reset_peak()
        parse_s.append(run_parse(bare, bodies, args.batch_size))
        rss["parse"] = max(rss.get("parse", 0.0), peak_rss_mb())
        gc.collect()
        reset_peak()
        timings, rows = run_pipeline(raws, args.batch_size)
        pipes.append(timings)
        rss["pipeline"] = max(rss.get("pipeline", 0.0), peak_rss_mb())
        print(f"round {round_ + 1}/{args.repeats}: parse {parse_s[-1]:.2f} s, pipeline {pipes[-1]['seconds']:.2f} s",
              file=sys.stderr)

    load_end = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    med = {"parse": statistics.median(parse_s)}
    for key in ("seconds", "structure", "store"):
        med[key] = statistics.median(p[key] for p in pipes)
    pipe = med["seconds"]
    coding = pipe - med["structure"] - med["store"]
    result: dict[str, Any] = {
        "articles": len(raws), "words": words, "corpora": corpora, "batch_size": args.batch_size,
        "repeats": args.repeats, "model": f"{MODEL_PACKAGE} {bare.meta.get('version', '?')}",
        "stages": load_nlp().pipe_names, "rows_stored": rows,
        "machine": {"cpus": os.cpu_count(), "load_avg_1min": [load_start, load_end], "platform": platform.platform(),
                    "python": platform.python_version(), "spacy": version("spacy"), "duckdb": version("duckdb")},
        "parse": {"seconds": med["parse"], "articles_per_s": len(raws) / med["parse"], "words_per_s": words / med["parse"],
                  "peak_rss_mb": rss["parse"], "rounds": parse_s},
        "pipeline": {"seconds": pipe, "articles_per_s": len(raws) / pipe, "words_per_s": words / pipe,
                     "peak_rss_mb": rss["pipeline"], "rounds": [p["seconds"] for p in pipes],
                     "structure_seconds": med["structure"], "store_seconds": med["store"], "coding_seconds": coding},
        "ratio": pipe / med["parse"],
        "coding_ratio": coding / med["parse"],
        "structure_share": med["structure"] / pipe,
        "store_share": med["store"] / pipe,
        "peak_rss_mb": rss,
        "peak_rss_per_phase": windowed,  # False: each figure is the process peak so far
    }

    print(f"\n{len(raws)} articles ({', '.join(corpora)}), {words:,} words, batch size {args.batch_size}, "
          f"median of {args.repeats}, {os.cpu_count()} CPUs (load {load_start:.1f} -> {load_end:.1f}), {result['model']}")
    print(f"{'phase':<10}{'articles':>9}{'words':>10}{'seconds':>9}{'art/s':>8}{'words/s':>9}{'peak RSS MB':>13}")
    for name in ("parse", "pipeline"):
        row = result[name]
        print(f"{name:<10}{len(raws):>9}{words:>10,}{row['seconds']:>9.2f}{row['articles_per_s']:>8.1f}"
              f"{row['words_per_s']:>9,.0f}{row['peak_rss_mb']:>13.0f}")
    print(f"\nratio pipeline / parse: {result['ratio']:.2f}  (the pipeline takes {result['ratio'] - 1:+.0%} "
          f"over the bare spaCy parse)")
    print(f"  structure only: {med['structure']:.2f} s = {result['structure_share']:.1%} of the pipeline")
    print(f"  store only:     {med['store']:.2f} s = {result['store_share']:.1%} of the pipeline")
    print(f"  coding (parse + dateline stages + records): {coding:.2f} s = {result['coding_ratio']:.2f} x parse")
    print(f"  stored per run: {', '.join(f'{v:,} {k}' for k, v in rows.items())}")
    print(f"  pipeline: {' > '.join(result['stages'])}")
    scope = "within each phase" if windowed else "of the process so far (cumulative)"
    print(f"  peak RSS {scope}; {rss['loaded']:.0f} MB after loading the data, {rss['warm']:.0f} MB after the warm-up")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
