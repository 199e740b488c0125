"""Time each dateline stage on hostile and long inputs at growing sizes, to see that the work is linear.

    .venv/bin/python bench/bench_linear.py                         # all families, default sizes
    .venv/bin/python bench/bench_linear.py --family said --sizes 400,800,1600,3200
    .venv/bin/python bench/bench_linear.py --family long --sizes 50000,100000,200000

Families: ``said`` ("Officials said Minister0 said Minister1 said ... the talks failed.", N speech
verbs), ``paragraphs`` (N one-sentence paragraphs), ``long`` (AllSides articles from
../shared/data/news joined by blank lines until N characters; never copied anywhere). Each input is
coded as one Doc by the model and every ``dateline_*`` stage in order, without the per-article time
budget and the cutting into pieces that ``dateline extract`` applies, so that a stage's own growth
shows. A report, not a test (issue 15): nothing is asserted. The places stage pays the gazetteer's
one-time load on the first input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

from dateline.doc import LIST_EXTENSIONS
from dateline.nlp import load_nlp
from dateline.pipeline import tokenize

NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news"
SIZES = {"said": "400,800,1600", "paragraphs": "500,1000,2000", "long": "50000,100000,200000"}


def said_chain(n: int) -> str:
    return "Officials said " + " ".join(f"Minister{i} said" for i in range(n)) + " the talks failed."


def paragraphs(n: int) -> str:
    return "\n\n".join(f"Smith met Jones in Paris on day {i}." for i in range(n))


def long_text(n: int, news: Path) -> str:
    texts: list[str] = []
    with (news / "allsides_abp.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line).get("text") or ""
            if len(text) > 3000:
                texts.append(text)
            if sum(map(len, texts)) >= n:
                break
    return "\n\n".join(texts)


def run(nlp, text: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Seconds per pipe (model pipes summed as ``parse``) for one text coded as one Doc."""
    doc = tokenize(nlp, text)
    doc._.published = dt.date(2020, 1, 1)
    for name in LIST_EXTENSIONS:
        setattr(doc._, name, [])
    doc._.pull_quotes = []
    times: dict[str, float] = {"parse": 0.0}
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        doc = proc(doc)
        seconds = time.perf_counter() - start
        if name.startswith("dateline_") and name != "dateline_paragraphs":
            times[name.removeprefix("dateline_")] = seconds
        else:
            times["parse"] += seconds
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--family", choices=[*SIZES, "all"], default="all")
    parser.add_argument("--sizes", help="comma-separated sizes (default per family)")
    parser.add_argument("--news-dir", type=Path, default=NEWS)
    args = parser.parse_args()
    nlp = load_nlp()
    nlp.max_length = 10**8  # one Doc per input, however long: the stages are what is measured
    run(nlp, "Warm-up: Smith said Jones met Brown in Paris.")
    families = list(SIZES) if args.family == "all" else [args.family]
    for family in families:
        if family == "long" and not (args.news_dir / "allsides_abp.jsonl").exists():
            print(f"long: {args.news_dir} is absent, skipped", file=sys.stderr)
            continue
        for n in (int(s) for s in (args.sizes or SIZES[family]).split(",")):
            text = {"said": said_chain, "paragraphs": paragraphs}[family](n) if family != "long" \
                else long_text(n, args.news_dir)
            times = run(nlp, text)
            stages = sum(v for k, v in times.items() if k != "parse")
            detail = " ".join(f"{k}={v:.2f}" for k, v in times.items() if k != "parse")
            print(f"{family:10} n={n:<7} chars={len(text):<7} parse={times['parse']:.2f}s "
                  f"stages={stages:.2f}s ({stages / times['parse']:.2f}x parse)  {detail}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
