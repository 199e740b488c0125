"""What fusion adds to ingest, and how much it fuses, on AllSides articles (not part of `make test`).

    .venv/bin/python bench/bench_fusion.py [N]                     # N dated AllSides articles, default 300
    nice -n 19 .venv/bin/python bench/bench_fusion.py --all --workers 2 --keep /tmp/allsides_fusion
    .venv/bin/python bench/bench_fusion.py --replay /tmp/allsides_fusion   # the kept batches, today's fusion

The articles are parsed once (timed); the coded batches are then written to two fresh stores, with
and without fusion (timed), batch by batch as `dateline ingest` writes them (so fusion is incremental).
Ingest = parse + write, so the ratio is (parse + write with fusion) / (parse + write without), in
wall-clock time; the writes' CPU time is printed too (a loaded machine stretches wall-clock times), and,
when the articles are parsed in this process (no ``--workers``), the ratio in CPU time.

``--all`` takes every article of the corpus (5,923, dated or not, in file order as `dateline ingest`
reads them); ``--workers`` parses on a local Dask cluster as `dateline ingest --workers` does.
``--keep DIR`` keeps the coded batches (pickled), the parse time and both stores in DIR; ``--replay DIR``
writes those batches again without parsing (to time the fusion of the current code on the same coder
output; the parse time reported is the kept one).
"""

from __future__ import annotations

import argparse
import json
import pickle
import tempfile
import time
from pathlib import Path
from typing import Any

import dateline.store as store_module
from dateline.pipeline import code_items, read_articles
from dateline.store import Store

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "allsides_abp.jsonl"


def _parse(path: Path, workers: int | None) -> tuple[list[Any], float, float | None]:
    start, cpu = time.perf_counter(), time.process_time()
    if workers:
        from dateline.cluster import code_items_distributed, connect

        with connect(workers=workers) as client:
            batches = [(b.records, b.rejections) for b in code_items_distributed(read_articles([str(path)]),
                                                                                  client=client)]
        return batches, time.perf_counter() - start, None  # parsed in other processes: no CPU time here
    else:
        from dateline.nlp import load_nlp

        batches = [(b.records, b.rejections) for b in code_items(read_articles([str(path)]), nlp=load_nlp())]
    return batches, time.perf_counter() - start, time.process_time() - cpu


def _write(batches: list[Any], db: Path, fuses: bool) -> tuple[float, float, Any]:
    original = store_module._fuses
    store_module._fuses = lambda: fuses  # type: ignore[assignment]
    stats = None
    try:
        db.unlink(missing_ok=True)
        with Store(db) as store:
            start, cpu = time.perf_counter(), time.process_time()
            for records, rejections in batches:
                store.write(records, rejections)
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
            if fuses:
                stats = store.con.execute(
                    "SELECT (SELECT count(*) FROM fused_event_mentions), count(*),"
                    " count(*) FILTER (n_mentions >= 2), count(*) FILTER (n_articles >= 2),"
                    " count(*) FILTER (n_outlets >= 2), (SELECT count(*) FROM articles) FROM fused_events").fetchone()
    finally:
        store_module._fuses = original
    return elapsed, cpu, stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", nargs="?", type=int, default=300, help="dated articles from the middle of the corpus")
    parser.add_argument("--all", action="store_true", help="every article of the corpus, in file order")
    parser.add_argument("--workers", type=int, default=None, help="parse on a local Dask cluster of this many")
    parser.add_argument("--keep", type=Path, default=None, help="keep batches, parse time and stores here")
    parser.add_argument("--replay", type=Path, default=None, help="write the batches kept in this folder again")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.replay or args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        if args.replay:
            batches = pickle.loads((out / "batches.pkl").read_bytes())
            kept = json.loads((out / "parse.json").read_text())
            parse, parse_cpu = kept["parse_seconds"], kept.get("parse_cpu_seconds")
        else:
            if args.all:
                path = CORPUS
            else:
                lines = [line for line in CORPUS.read_text(encoding="utf-8").splitlines() if json.loads(line)["date"]]
                lines.sort(key=lambda line: (json.loads(line)["date"], json.loads(line)["id"]))  # stories close
                path = Path(tmp) / "in.jsonl"
                path.write_text("\n".join(lines[len(lines) // 2: len(lines) // 2 + args.n]) + "\n", encoding="utf-8")
            batches, parse, parse_cpu = _parse(path, args.workers)
            if args.keep:
                (out / "batches.pkl").write_bytes(pickle.dumps(batches))
                (out / "parse.json").write_text(json.dumps({"parse_seconds": parse, "parse_cpu_seconds": parse_cpu,
                                                            "workers": args.workers}))
        without, without_cpu, _ = _write(batches, out / "unfused.duckdb", False)
        with_fusion, with_cpu, stats = _write(batches, out / "fused.duckdb", True)
    mentions, fused, multi, multi_article, multi_outlet, articles = stats
    print(f"articles {articles}; counted mentions {mentions}; fused events {fused} "
          f"({fused / mentions:.3f} per mention); 2+ mentions {multi}; 2+ articles {multi_article}; "
          f"2+ outlets {multi_outlet}")
    print(f"parse {parse:.1f} s{' (kept)' if args.replay else ''}; write without fusion {without:.2f} s; "
          f"with fusion {with_fusion:.2f} s")
    print(f"CPU of this process: write without fusion {without_cpu:.2f} s; with fusion {with_cpu:.2f} s")
    print(f"ingest with / without fusion: {(parse + with_fusion) / (parse + without):.3f} (wall clock)")
    if parse_cpu is not None:  # parsed in this process: the same ratio in CPU time, which load does not stretch
        print(f"CPU: parse {parse_cpu:.1f} s; ingest with / without fusion: "
              f"{(parse_cpu + with_cpu) / (parse_cpu + without_cpu):.3f}")


if __name__ == "__main__":
    main()
