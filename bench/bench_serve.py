"""Load test of `dateline serve` (issue 12): C concurrent clients for S seconds on the events and
aggregate endpoints of a database of about 100,000 events. A report, not a test; local only.

    python bench/bench_serve.py                       # build build/bench_serve.duckdb, 50 clients x 60 s
    python bench/bench_serve.py --clients 10 --seconds 10

The database is built from a real ingest (the bundled sample, plus --news N records of
../shared/data/news when present), then duplicated with new article and event ids (and publication
days shifted by the copy number, so the timeline spreads) until it holds --events events: ingesting
100,000 events' worth of news would take hours on this machine, and the server's work depends on row
counts, not on how the rows were made. The server is a real `dateline serve` subprocess on
127.0.0.1; the clients are httpx.AsyncClient coroutines in this process.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from importlib import resources
from pathlib import Path

import duckdb
import httpx

REPO = Path(__file__).resolve().parents[1]
NEWS = REPO.parent / "shared" / "data" / "news" / "allsides_abp.jsonl"
DATELINE = str(Path(sys.executable).with_name("dateline"))
#: The URLs each client cycles through: events pages with filters, sorts and cursors, and aggregates.
URLS = [
    "/api/events?limit=50",
    "/api/events?limit=50&plover_event=CONSULT",
    "/api/events?limit=50&cameo_root=04&sort=-published",
    "/api/events?limit=50&source_country=USA&asserted=true",
    "/api/events?limit=50&q=talks",
    "/api/events?limit=50&date_from=2020-01-01&date_to=2020-12-31",
    "/api/counts?by=month&stack=plover_event",
    "/api/counts?by=week&cameo_root=04",
    "/api/counts?by=dyad",
    "/api/counts?by=place&precision=1",
]


def build(db: Path, *, events: int, news: int) -> None:
    """A real ingest, duplicated with new ids until it has ``events`` events."""
    work = db.with_suffix(".seed.duckdb")
    for path in (db, work):
        path.unlink(missing_ok=True)
    subprocess.run([DATELINE, "demo", "--db", str(work)], check=True, capture_output=True)
    if news and NEWS.exists():
        seed = db.with_suffix(".seed.jsonl")
        with NEWS.open(encoding="utf-8") as fh:
            seed.write_text("".join(line for _, line in zip(range(news), fh)), encoding="utf-8")
        subprocess.run([DATELINE, "ingest", str(seed), "--db", str(work)], check=True, capture_output=True)
        seed.unlink()
    shutil.copy(work, db)
    work.unlink()
    con = duckdb.connect(str(db))
    base = con.execute("SELECT count(*) FROM events").fetchone()[0]
    copies = -(-events // base) - 1
    new = "left(sha256(concat({col}, '#', r.k)), 16)"
    con.execute("CREATE TEMP TABLE k AS SELECT range AS k FROM range(1, ?)", [copies + 1])
    for table, key in (("articles", "id"), ("sentences", "article_id"), ("actors", "article_id"),
                       ("mentions", "article_id"), ("quotes", "article_id"), ("events", "article_id")):
        replace = [f"{new.format(col=key)} AS {key}"]
        if table == "events":
            replace.append(f"{new.format(col='id')} AS id")
        if table == "articles":
            replace.append("published + CAST(r.k AS INTEGER) AS published")
        con.execute(f"INSERT INTO {table} SELECT t.* REPLACE ({', '.join(replace)}) FROM {table} t, k r")
    # event dates move with their article's copy, so that counts spread over the years
    con.execute("""UPDATE events SET date_value = strftime(a.published, '%Y-%m-%d')
                   FROM articles a WHERE a.id = events.article_id AND events.date_granularity = 'day'""")
    con.execute("CHECKPOINT")
    n = con.execute("SELECT count(*) FROM events").fetchone()[0]
    arts = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    print(f"{db}: {n} events in {arts} articles (seed {base} events x {copies + 1})", file=sys.stderr)


async def client(http: httpx.AsyncClient, until: float, seed: int, lat: list[float], errors: list[str]) -> None:
    rng = random.Random(seed)
    while time.monotonic() < until:
        url = rng.choice(URLS)
        t0 = time.perf_counter()
        try:
            resp = await http.get(url)
            ok = resp.status_code == 200
        except httpx.HTTPError as err:
            ok = False
            errors.append(f"{url}: {type(err).__name__} {err!r} {err.__context__!r} after {time.perf_counter() - t0:.1f} s")
        else:
            if not ok:
                errors.append(f"{url}: HTTP {resp.status_code}")
        lat.append(time.perf_counter() - t0)


async def load(url: str, *, clients: int, seconds: float) -> dict[str, object]:
    lat: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as http:
        until = time.monotonic() + seconds
        t0 = time.perf_counter()
        await asyncio.gather(*(client(http, until, i, lat, errors) for i in range(clients)))
        wall = time.perf_counter() - t0
    lat.sort()
    q = statistics.quantiles(lat, n=100) if len(lat) > 1 else [lat[0]] * 99
    return {"requests": len(lat), "errors": len(errors), "first_errors": errors[:5], "seconds": round(wall, 1),
            "requests_per_s": round(len(lat) / wall, 1), "p50_ms": round(q[49] * 1000, 1),
            "p95_ms": round(q[94] * 1000, 1), "p99_ms": round(q[98] * 1000, 1), "max_ms": round(lat[-1] * 1000, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=REPO / "build" / "bench_serve.duckdb")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--news", type=int, default=40, help="real news records in the seed ingest")
    parser.add_argument("--rebuild", action="store_true", help="build the database even if it exists")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--ingest", type=int, default=0, metavar="N",
                        help="meanwhile, ingest N more real news records into a copy of the database (needs ../shared)")
    args = parser.parse_args()
    if args.clients > 200 or args.seconds > 600:
        parser.error("bounded: at most 200 clients for 600 s")
    args.db.parent.mkdir(parents=True, exist_ok=True)
    if args.rebuild or not args.db.exists():
        build(args.db, events=args.events, news=args.news)
    db = args.db
    if args.ingest:
        db = args.db.with_suffix(".ingest.duckdb")
        shutil.copy(args.db, db)
    t0 = time.perf_counter()
    proc = subprocess.Popen([DATELINE, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", "0"],
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
        if not match:
            raise SystemExit(f"dateline serve did not start: {line}{proc.stderr.read()}")
        url = match.group(1)
        server_log: list[str] = []
        drain = threading.Thread(target=lambda: server_log.extend(proc.stderr), daemon=True)  # type: ignore[arg-type]
        drain.start()
        first = httpx.get(url + "/api/events?limit=1", timeout=60)
        startup = time.perf_counter() - t0
        n_events = first.json()["count"]
        import psutil

        rss_idle = psutil.Process(proc.pid).memory_info().rss
        ingest = None
        if args.ingest:
            if not NEWS.exists():
                raise SystemExit(f"--ingest needs {NEWS}")
            more = db.with_suffix(".more.jsonl")
            with NEWS.open(encoding="utf-8") as fh:
                lines = [line for _, line in zip(range(args.news + args.ingest), fh)][args.news:]
            more.write_text("".join(lines), encoding="utf-8")
            ingest = subprocess.Popen([DATELINE, "ingest", str(more), "--db", str(db)], stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True)
        t_ingest = time.perf_counter()
        result = asyncio.run(load(url, clients=args.clients, seconds=args.seconds))
        rss_after = psutil.Process(proc.pid).memory_info().rss
        if ingest is not None:
            out, err = ingest.communicate(timeout=600)
            result["ingest"] = {"exit": ingest.returncode, "output": (out or err).strip()[-200:],
                                "seconds_from_load_start": round(time.perf_counter() - t_ingest, 1)}
            after = httpx.get(url + "/api/articles?limit=1", timeout=60).json()["count"]
            result["articles_served_after_ingest"] = after
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    report = {"events": n_events, "db_mb": round(db.stat().st_size / 2**20, 1),
              "startup_to_first_answer_s": round(startup, 2), "server_rss_mb_idle": round(rss_idle / 2**20),
              "server_rss_mb_after": round(rss_after / 2**20), "clients": args.clients, **result,
              "server_log": [line.rstrip() for line in server_log][:10]}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
