"""A junk batch, killed and resumed: no crash, every good article stored once, every bad input coded.

A report, never a test (issue 15). In a temporary folder (nothing is written to the repository):

- **good**: N real news articles from ``../shared/data/news`` (BBC, AllSides, Reuters, spread
  through each file), written as JSON Lines files of 200 records, every third file gzip-compressed;
- **junk**, 5% as many inputs: binary files, empty files, a 20 MB file, bad UTF-8, JSON Lines lines
  with NUL bytes, broken JSON, records without text, HTML soup with no article, pathological runs
  ("?" x 50,000 and "X said Y said" x 3,000 with their article's budget), symbolic link loops,
  dangling links, FIFOs and (when not run as root, who reads everything) unreadable files and
  directories. Lines with lone surrogates are counted as *repaired*: they must be stored (U+FFFD).

Then ``dateline ingest FOLDER --workers 2`` runs in its own process group, is killed with SIGKILL
(the CLI and its Dask workers) at a random moment, and is run again to the end. Checked: both
runs' exit codes (0 or 3, never a crash), every good and repaired article stored exactly once
(by content id), every junk input in ``rejected`` with a code, nothing else rejected. Reported:
wall time of each run, peak RSS of the process tree (sampled every 0.2 s), codes seen.

    .venv/bin/python bench/bench_junk.py --n 10000             # the issue's size (hours on 2 shared cores)
    .venv/bin/python bench/bench_junk.py --n 600 --seed 1      # what bench/README.md reports
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb
import psutil

from dateline.ingest import build_article, parse_date, sanitise
from dateline.models import RawDocument, content_id

DEFAULT_NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news"
CORPORA = ("bbc2225.jsonl", "allsides_abp.jsonl", "reuters21578.jsonl")
PER_FILE = 200


def good_records(news: Path, n: int) -> list[dict[str, Any]]:
    """n records spread evenly through the corpora, each one ingest would accept."""
    out: list[dict[str, Any]] = []
    per = -(-n // len(CORPORA))
    for name in CORPORA:
        lines = (news / name).read_bytes().splitlines()
        step = max(1, len(lines) // (per * 2))
        taken = 0
        for line in lines[::step]:
            record = json.loads(line)
            text = record.get("text")
            if not isinstance(text, str) or len(text.strip()) < 200 or len(text) > 200_000:
                continue
            try:
                build_article(RawDocument(source=name, text=text))
            except ValueError:
                continue
            good = {"id": f"{name}:{record.get('id', taken)}", "text": text}
            try:
                good["published"] = parse_date(record.get("published"), source=name).isoformat()
            except ValueError:
                pass  # no usable date: leave it out rather than have the record rejected (E008)
            out.append(good)
            taken += 1
            if taken == per:
                break
    return out[:n]


def expected_id(text: str) -> str:
    """The content id ingest gives a JSON Lines text (surrogates replaced, newlines normalised)."""
    clean = str(sanitise(text)[0]).replace("\r\n", "\n").replace("\r", "\n")
    return content_id(clean)


def build(folder: Path, goods: list[dict[str, Any]], *, rng: random.Random) -> tuple[set[str], dict[str, str]]:
    """Write the batch. RETURNS (content ids that must be stored, {location: why it must be rejected})."""
    must_store: set[str] = set()
    must_reject: dict[str, str] = {}
    junk_lines: list[tuple[str, str]] = []  # (line, why): NUL, broken JSON, no text
    n_junk = max(14, len(goods) // 20)
    repaired = goods[: max(1, n_junk // 10)]
    for record in repaired:  # a lone surrogate in title and text: repaired, stored
        record["title"] = "Talks \ud800"
        record["text"] = record["text"] + " \udc00"
    for record in goods:
        must_store.add(expected_id(record["text"]))
    kinds = ["nul", "broken", "notext"]
    for i in range(n_junk // 3):
        kind = kinds[i % 3]
        line = {"nul": '{"id": "nul%d", "text": "a\x00b"}' % i, "broken": '{"id": "b%d", "text": "unterminated' % i,
                "notext": json.dumps({"id": f"n{i}", "text": i})}[kind]
        junk_lines.append((line, kind))
    lines: list[tuple[str, str | None]] = [(json.dumps(r, ensure_ascii=True), None) for r in goods]
    lines += junk_lines
    rng.shuffle(lines)
    (folder / "news").mkdir()
    for f, start in enumerate(range(0, len(lines), PER_FILE)):
        chunk = lines[start:start + PER_FILE]
        name = f"news/part{f:04d}.jsonl" + (".gz" if f % 3 == 2 else "")
        data = ("\n".join(line for line, _ in chunk) + "\n").encode("utf-8")
        (folder / name).write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
        for number, (_, why) in enumerate(chunk, start=1):
            if why:
                must_reject[f"{folder / name}:{number}"] = why
    junk = folder / "junk"
    junk.mkdir()
    files: dict[str, bytes | None] = {
        "binary{}.txt": bytes(range(256)) * 8,
        "empty{}.txt": b"",
        "blank{}.txt": b"  \n\n\t ",
        "latin1-{}.txt": "Café au lait, señor, ".encode("latin-1") * 20 + b"\xff\xfe",
        "soup{}.html": b"<html><body>" + b"<div><span></span></div>" * 200 + b"</body></html>",
        "broken{}.jsonl.gz": b"\x1f\x8b\x08\x00not really gzip",
        "archive{}.txt": b"PK\x03\x04" + bytes(200),
        "bomb{}.txt.bz2": bz2.compress(b"a " * 3_000_000),  # 6 MB inside: over the limit once read
    }
    for i in range(max(1, (n_junk - len(junk_lines)) // (len(files) + 5))):
        for pattern, data in files.items():
            path = junk / pattern.format(i)
            path.write_bytes(data or b"")
            must_reject[str(path)] = pattern.split("{")[0]
        loop = junk / f"loop{i}.txt"
        loop.symlink_to(loop.name)
        must_reject[str(loop)] = "symlink loop"
        dangling = junk / f"dangling{i}.txt"
        dangling.symlink_to(f"nowhere{i}.txt")
        must_reject[str(dangling)] = "dangling link"
        os.mkfifo(junk / f"fifo{i}.txt")
        must_reject[str(junk / f"fifo{i}.txt")] = "fifo"
        if os.geteuid() != 0:
            locked = junk / f"locked{i}.txt"
            locked.write_text("Ministers met.\n")
            locked.chmod(0)
            must_reject[str(locked)] = "unreadable"
    big = junk / "big.txt"
    big.write_bytes(b"word " * 4_000_000)  # 20 MB
    must_reject[str(big)] = "20 MB"
    slow = junk / "slow.jsonl"
    slow.write_text(json.dumps({"id": "said", "text": "X said Y said " * 3000}) + "\n" +
                    json.dumps({"id": "runs", "text": "?" * 50_000 + " THE END " + "€" * 50_000}) + "\n")
    # Pathological: rejected for their budget (E016) or coded within it; either way answered.
    return must_store, must_reject


def ingest(folder: Path, db: Path, *, kill_after: float | None) -> dict[str, Any]:
    """Run the CLI in its own process group; SIGKILL the whole group after ``kill_after`` seconds."""
    cmd = [str(Path(sys.executable).with_name("dateline")), "ingest", str(folder), "--db", str(db), "--workers", "2"]
    start = time.perf_counter()
    # Output to files, not pipes: a run's rejection messages overflow a pipe nobody reads yet.
    log = db.with_suffix(f".{int(start)}.log")
    with open(log, "w", encoding="utf-8") as handle:
        proc = subprocess.Popen(cmd, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)
        return _watch(proc, start, log, kill_after)


def _watch(proc: subprocess.Popen[bytes], start: float, log: Path, kill_after: float | None) -> dict[str, Any]:
    peak = 0
    killed = False
    root = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        if kill_after is not None and time.perf_counter() - start > kill_after and not killed:
            os.killpg(proc.pid, signal.SIGKILL)
            killed = True
        time.sleep(0.2)
    proc.wait()
    output = log.read_text(encoding="utf-8", errors="replace").splitlines()
    summary = [line for line in output if ": stored " in line and "already stored" in line]
    return {"seconds": round(time.perf_counter() - start, 1), "exit": proc.returncode, "killed": killed,
            "peak_rss_mb": round(peak / 2**20), "summary": summary[-1] if summary else None,
            "tracebacks": sum(1 for line in output if line.startswith("Traceback")), "tail": output[-2:]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=10_000, help="good articles (default 10,000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kill-at", type=float, default=None, help="seconds before the kill (default: random)")
    ap.add_argument("--news-dir", type=Path, default=DEFAULT_NEWS)
    ap.add_argument("--json", type=Path, help="write every number here")
    args = ap.parse_args(argv)
    if not args.news_dir.exists():
        print(f"{args.news_dir} is absent: the corpora ship only with the development checkout", file=sys.stderr)
        return 1
    rng = random.Random(args.seed)
    goods = good_records(args.news_dir, args.n)
    with tempfile.TemporaryDirectory(prefix="dateline-junk-") as tmp:
        folder, db = Path(tmp) / "in", Path(tmp) / "junk.duckdb"
        folder.mkdir()
        must_store, must_reject = build(folder, goods, rng=rng)
        # kill somewhere in the first 10-50% of an estimated run (about 0.25 s per article on 2 workers)
        kill_at = args.kill_at if args.kill_at is not None else rng.uniform(0.1, 0.5) * (30 + 0.25 * len(goods))
        print(f"{len(goods)} good articles ({len(must_store)} distinct), {len(must_reject)} junk inputs; "
              f"kill after {kill_at:.0f} s", file=sys.stderr)
        first = ingest(folder, db, kill_after=kill_at)
        print(f"first run: {first}", file=sys.stderr)
        second = ingest(folder, db, kill_after=None)
        print(f"second run: {second}", file=sys.stderr)
        con = duckdb.connect(str(db), read_only=True)
        stored_ids = [row[0] for row in con.execute("SELECT id FROM articles").fetchall()]
        rejected = {row[0]: row[1] for row in con.execute("SELECT location, code FROM rejected").fetchall()}
        con.close()
    stored = set(stored_ids)
    slow_codes = {loc: code for loc, code in rejected.items() if "slow.jsonl" in loc}
    report = {
        "good_articles": len(goods), "distinct_good": len(must_store), "junk_inputs": len(must_reject),
        "kill_after_s": round(kill_at, 1), "first_run": first, "second_run": second,
        "good_stored": len(must_store & stored), "good_missing": len(must_store - stored),
        "stored_twice": len(stored_ids) - len(stored),
        "junk_rejected_with_code": sum(1 for loc in must_reject if rejected.get(loc)),
        "junk_missing": sorted(loc for loc in must_reject if loc not in rejected)[:10],
        "unexpected_rejections": sorted((loc, code) for loc, code in rejected.items()
                                        if loc not in must_reject and "slow.jsonl" not in loc)[:10],
        "pathological": slow_codes,
        "codes": dict(Counter(rejected.values())),
    }
    print(json.dumps(report, indent=1, default=str))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
    crashed = any(run["exit"] not in (0, 3) for run in (second,)) or (not first["killed"] and first["exit"] not in (0, 3))
    ok = not crashed and not report["good_missing"] and not report["stored_twice"] and not report["junk_missing"] \
        and not report["unexpected_rejections"]
    print("OK" if ok else "FAILED", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
