"""What fusion adds to ingest, and how much it fuses, on AllSides articles (not part of `make test`).

    .venv/bin/python bench/bench_fusion.py [N]     # N dated AllSides articles, default 300

The articles are parsed once (timed); the coded batches are then written to two fresh stores, with
and without fusion (timed). Ingest = parse + write, so the ratio is (parse + write with fusion) /
(parse + write without).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

import dateline.store as store_module
from dateline.nlp import load_nlp
from dateline.pipeline import code_paths
from dateline.store import Store

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "allsides_abp.jsonl"


def main(n: int) -> None:
    lines = [line for line in CORPUS.read_text(encoding="utf-8").splitlines() if json.loads(line)["date"]]
    lines.sort(key=lambda line: (json.loads(line)["date"], json.loads(line)["id"]))  # stories close in time
    chosen = lines[len(lines) // 2: len(lines) // 2 + n]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.jsonl"
        path.write_text("\n".join(chosen) + "\n", encoding="utf-8")
        nlp = load_nlp()
        start = time.perf_counter()
        batches = [batch.records for batch in code_paths([str(path)], nlp=nlp)]
        parse = time.perf_counter() - start
        timings = {}
        for label, fuses in (("without fusion", False), ("with fusion", True)):
            original = store_module._fuses
            store_module._fuses = lambda fuses=fuses: fuses  # type: ignore[assignment]
            try:
                with Store(Path(tmp) / f"{fuses}.duckdb") as store:
                    start = time.perf_counter()
                    for records in batches:
                        store.write(records)
                    timings[label] = time.perf_counter() - start
                    if fuses:
                        stats = store.con.execute(
                            "SELECT (SELECT count(*) FROM fused_event_mentions), count(*),"
                            " count(*) FILTER (n_articles >= 2), count(*) FILTER (n_outlets >= 2),"
                            " (SELECT count(*) FROM articles) FROM fused_events").fetchone()
            finally:
                store_module._fuses = original
    mentions, fused, multi_article, multi_outlet, articles = stats  # type: ignore[misc]
    print(f"articles {articles}; counted mentions {mentions}; fused events {fused} "
          f"({fused / mentions:.3f} per mention); 2+ articles {multi_article}; 2+ outlets {multi_outlet}")
    print(f"parse {parse:.1f} s; write without fusion {timings['without fusion']:.2f} s; "
          f"with fusion {timings['with fusion']:.2f} s")
    ratio = (parse + timings["with fusion"]) / (parse + timings["without fusion"])
    print(f"ingest with / without fusion: {ratio:.3f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
