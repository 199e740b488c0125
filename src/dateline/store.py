"""Store: one DuckDB file (default ``./dateline.duckdb``) with the articles and everything coded from them.

Tables (docs/output.md documents every column): ``meta`` (schema version), ``articles``,
``sentences``, ``actors``, ``mentions``, ``events``, ``quotes`` and ``rejected``.

- **Idempotent**: an article is keyed by its content hash; storing it again changes nothing (pass
  ``replace=True`` to recode it).
- **Transactional per batch**: a batch is written in one transaction; if it fails, it is rolled back
  and written article by article, so one bad article costs only itself and nothing stored is lost.
- **Versioned**: ``meta.schema_version`` and the ordered :data:`MIGRATIONS` bring any older file up
  to date when it is opened; a newer file is refused (E201).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import numpy as np

from .errors import StoreError
from .models import Rejection

log = logging.getLogger(__name__)

DEFAULT_DB = "dateline.duckdb"

_V1 = """
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE articles (
    id VARCHAR PRIMARY KEY, input_id VARCHAR, source VARCHAR, record INTEGER, url VARCHAR, outlet VARCHAR,
    publication VARCHAR, headline VARCHAR, deck VARCHAR, byline VARCHAR, dateline VARCHAR, published DATE,
    body VARCHAR, captions JSON, pull_quotes JSON, removed JSON, metadata JSON, body_offsets JSON,
    coder VARCHAR, model VARCHAR, ingested_at TIMESTAMP
);
CREATE TABLE sentences (
    article_id VARCHAR, idx INTEGER, start_char INTEGER, end_char INTEGER, text VARCHAR,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE actors (
    article_id VARCHAR, idx INTEGER, name VARCHAR, code VARCHAR, country VARCHAR, sector VARCHAR,
    entity_type VARCHAR, n_mentions INTEGER, kb_id VARCHAR, evidence JSON, PRIMARY KEY (article_id, idx)
);
CREATE TABLE mentions (
    article_id VARCHAR, actor_idx INTEGER, idx INTEGER, text VARCHAR, start_char INTEGER, end_char INTEGER,
    sentence INTEGER, PRIMARY KEY (article_id, actor_idx, idx)
);
CREATE TABLE events (
    article_id VARCHAR, idx INTEGER, sentence INTEGER, start_char INTEGER, end_char INTEGER, trigger VARCHAR,
    cameo VARCHAR, plover_event VARCHAR, plover_mode VARCHAR, plover_context VARCHAR,
    source_text VARCHAR, source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR,
    target_text VARCHAR, target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR,
    date_value VARCHAR, date_granularity VARCHAR, date_source VARCHAR,
    location_name VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE,
    negated BOOLEAN, modality VARCHAR, reciprocal BOOLEAN, quote_idx INTEGER, date_text VARCHAR,
    date_first VARCHAR, date_last VARCHAR, coder VARCHAR, PRIMARY KEY (article_id, idx)
);
CREATE TABLE quotes (
    article_id VARCHAR, idx INTEGER, sentence INTEGER, start_char INTEGER, end_char INTEGER, text VARCHAR,
    kind VARCHAR, speaker_text VARCHAR, speaker_code VARCHAR, speaker_country VARCHAR, pull_quote BOOLEAN,
    cue VARCHAR, medium VARCHAR, event_idxs JSON, PRIMARY KEY (article_id, idx)
);
CREATE TABLE rejected (
    location VARCHAR PRIMARY KEY, source VARCHAR, record INTEGER, input_id VARCHAR, code VARCHAR,
    reason VARCHAR, first_seen TIMESTAMP, last_seen TIMESTAMP
);
"""

#: Ordered schema migrations: MIGRATIONS[i] brings version i to version i + 1. Append, never edit.
_V2 = """
ALTER TABLE events ADD COLUMN evidence JSON;
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2)
SCHEMA_VERSION = len(MIGRATIONS)
#: Tables holding one article's coded rows; deleted with the article on ``replace``.
ARTICLE_TABLES = ("sentences", "actors", "mentions", "events", "quotes")
#: What ``dateline events`` exports by default: asserted, non-negated events, as the field counts.
ASSERTED = "NOT negated AND modality = 'asserted'"


@dataclass
class WriteResult:
    """What one call to :meth:`Store.write` did."""

    stored: int = 0
    skipped: int = 0  # already in the store
    rejected: int = 0


class Store:
    """A dateline database file. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False, must_exist: bool = False) -> None:
        self.path = str(path)
        if (read_only or must_exist) and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError("E203", db=self.path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as err:
            raise StoreError("E202", db=self.path, detail=str(err).splitlines()[0]) from err
        if read_only:
            self._check_version()
        else:
            self.migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- schema ---------------------------------------------------------------------------------

    def schema_version(self) -> int:
        has_meta = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
        ).fetchone()
        if not has_meta or not has_meta[0]:
            tables = self.con.execute("SELECT count(*) FROM information_schema.tables").fetchone()
            if tables and tables[0]:
                raise StoreError("E204", db=self.path)
            return 0
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _check_version(self) -> int:
        found = self.schema_version()
        if found > SCHEMA_VERSION:
            raise StoreError("E201", db=self.path, found=found, supported=SCHEMA_VERSION)
        return found

    def migrate(self) -> None:
        """Bring the file to :data:`SCHEMA_VERSION`, one transaction per migration."""
        found = self._check_version()
        for version in range(found, SCHEMA_VERSION):
            self.con.execute("BEGIN TRANSACTION")
            self.con.execute(MIGRATIONS[version])
            self.con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version + 1)]
            )
            self.con.execute("COMMIT")
            log.info("%s: migrated to schema version %d", self.path, version + 1)

    # -- writing --------------------------------------------------------------------------------

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are already stored."""
        wanted = list(set(ids))
        if not wanted:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE list_contains(?, id)", [wanted]).fetchall()
        return {row[0] for row in rows}

    def write(
        self, records: Sequence[dict[str, Any]], rejections: Sequence[Rejection] = (), *, replace: bool = False
    ) -> WriteResult:
        """Store a batch of output records and rejections in one transaction.

        If the batch fails, it is rolled back and retried one record at a time; a record that still
        fails is stored as a rejection (E012) and the others land.
        """
        records, rejections = _storable(records), _storable(rejections)
        result = WriteResult()
        try:
            self.con.execute("BEGIN TRANSACTION")
            self._write(records, rejections, replace=replace, result=result)
            self.con.execute("COMMIT")
            return result
        except duckdb.Error:
            self.con.execute("ROLLBACK")
            log.warning("%s: batch write failed; retrying one article at a time", self.path, exc_info=True)
        result = WriteResult()
        for record in records:
            single = WriteResult()
            try:
                self.con.execute("BEGIN TRANSACTION")
                self._write([record], (), replace=replace, result=single)
                self.con.execute("COMMIT")
                result.stored += single.stored
                result.skipped += single.skipped
            except duckdb.Error as err:
                self.con.execute("ROLLBACK")
                prov = record["provenance"]
                failed = Rejection(prov["source"], prov["record"], "E012",
                                   f"{prov['source']}: could not be stored ({err}).", prov["input_id"])
                self._write_rejections([failed])
                result.rejected += 1
        self.con.execute("BEGIN TRANSACTION")
        self._write_rejections(rejections)
        self.con.execute("COMMIT")
        result.rejected += len(rejections)
        return result

    def _write(
        self, records: Sequence[dict[str, Any]], rejections: Sequence[Rejection], *, replace: bool, result: WriteResult
    ) -> None:
        known = self.known_ids(r["article"]["id"] for r in records)
        seen: set[str] = set()
        rows: dict[str, list[list[Any]]] = {table: [] for table in ("articles", *ARTICLE_TABLES)}
        for record in records:
            article_id = record["article"]["id"]
            if article_id in seen or (article_id in known and not replace):
                result.skipped += 1
                continue
            if article_id in known:
                self.delete_article(article_id)
            seen.add(article_id)
            _collect_rows(record, rows)
            result.stored += 1
        for table, table_rows in rows.items():
            self._bulk_insert(table, table_rows)
        locations = [_location(r["provenance"]) for r in records if r["article"]["id"] in seen]
        if locations:
            self.con.execute("DELETE FROM rejected WHERE list_contains(?, location)", [locations])
        self._write_rejections(rejections)
        result.rejected += len(rejections)

    def delete_article(self, article_id: str) -> None:
        for table in ARTICLE_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        self.con.execute("DELETE FROM articles WHERE id = ?", [article_id])

    def _bulk_insert(self, table: str, rows: list[list[Any]]) -> None:
        """Insert rows column-wise through a registered dict of NumPy arrays.

        DuckDB's ``executemany`` costs about a millisecond a row; scanning column arrays costs
        microseconds (measured in bench/README.md).
        """
        if not rows:
            return
        columns = {f"c{i}": np.array(column, dtype=object) for i, column in enumerate(zip(*rows))}
        self.con.register("_dateline_rows", columns)
        try:
            self.con.execute(f"INSERT INTO {table} SELECT * FROM _dateline_rows")
        finally:
            self.con.unregister("_dateline_rows")

    def _write_rejections(self, rejections: Sequence[Rejection]) -> None:
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        for rej in rejections:
            self.con.execute(
                """INSERT INTO rejected VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (location) DO UPDATE SET code = excluded.code, reason = excluded.reason,
                   input_id = excluded.input_id, last_seen = excluded.last_seen""",
                [rej.where, rej.source, rej.record, rej.input_id, rej.code, rej.reason, now, now],
            )

    # -- reading --------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table (events split into asserted and all)."""
        out: dict[str, int] = {}
        for table in ("articles", "sentences", "actors", "mentions", "events", "quotes", "rejected"):
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        row = self.con.execute(f"SELECT count(*) FROM events WHERE {ASSERTED}").fetchone()
        out["events_asserted"] = int(row[0]) if row else 0
        return out

    def events_query(self, *, include_all: bool = False) -> str:
        """SQL for the events export: one row per event with its article's provenance."""
        where = "" if include_all else f"WHERE {ASSERTED}"
        return f"""
            SELECT e.article_id, a.input_id, a.published, a.source, e.* EXCLUDE (article_id),
                   s.text AS sentence_text
            FROM events e
            JOIN articles a ON a.id = e.article_id
            LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence
            {where}
            ORDER BY a.published NULLS LAST, e.article_id, e.idx"""

    def export_events(self, out: str, fmt: str, *, include_all: bool = False, raw_csv: bool = False) -> int:
        """Write the events export to ``out`` as csv, parquet or jsonl. RETURNS the number of rows.

        CSV cells that a spreadsheet would run as formulas are neutralised (see
        :mod:`dateline.csvsafe`) unless ``raw_csv``; JSON Lines and Parquet are written as stored.
        """
        query = self.events_query(include_all=include_all)
        if fmt == "csv":
            return self._export_csv(out, query, raw=raw_csv)
        options = {"parquet": "FORMAT parquet", "jsonl": "FORMAT json"}[fmt]
        quoted = out.replace("'", "''")
        self.con.execute(f"COPY ({query}) TO '{quoted}' ({options})")
        row = self.con.execute(f"SELECT count(*) FROM ({query})").fetchone()
        return int(row[0]) if row else 0

    def _export_csv(self, out: str, query: str, *, raw: bool) -> int:
        import csv

        from .csvsafe import csv_rows

        cur = self.con.execute(query)
        count = 0
        with open(out, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow([d[0] for d in cur.description])
            while rows := cur.fetchmany(10_000):
                writer.writerows(csv_rows(rows, raw=raw))
                count += len(rows)
        return count

    def events(self, *, include_all: bool = False) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Column names and rows of the events export, for printing."""
        cur = self.con.execute(self.events_query(include_all=include_all))
        return [d[0] for d in cur.description], cur.fetchall()


def _storable(items: Sequence[Any]) -> list[Any]:
    """Records and rejections whose strings DuckDB can take: a lone UTF-16 surrogate in any string
    makes DuckDB fail inside the transaction in a way its rollback cannot recover (issue 15), and
    so it is replaced by U+FFFD here, the last edge before the database, whatever produced it."""
    from .ingest import sanitise  # the one sanitiser; ingest applies it first, at the input edge

    out = []
    for item in items:
        data = dataclasses.asdict(item) if isinstance(item, Rejection) else item
        try:
            json.dumps(data, ensure_ascii=False, default=str).encode("utf-8")
        except UnicodeEncodeError:
            clean, count = sanitise(data)
            log.warning("%s: replaced %d lone surrogate(s) before storing", _describe(clean), count)
            item = Rejection(**clean) if isinstance(item, Rejection) else clean
        out.append(item)
    return out


def _describe(item: dict[str, Any]) -> str:
    prov = item.get("provenance")
    return _location(prov) if prov else f"{item.get('source')}:{item.get('record')}"


def _location(prov: dict[str, Any]) -> str:
    return prov["source"] if prov["record"] is None else f"{prov['source']}:{prov['record']}"


def _collect_rows(record: dict[str, Any], rows: dict[str, list[list[Any]]]) -> None:
    """Append one record's rows, per table, in each table's column order."""
    art, prov = record["article"], record["provenance"]
    aid = art["id"]
    rows["articles"].append([
        aid, prov["input_id"], prov["source"], prov["record"], art.get("url"), art.get("outlet"),
        art["publication"], art["headline"], art["deck"], art["byline"], art["dateline"], art["published"],
        art["body"], _json(art["captions"]), _json(art["pull_quotes"]), _json(art["removed"]),
        _json(art.get("metadata", {})), _json(prov["body_offsets"]), prov["coder"], prov["model"],
        dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
    ])
    body = art["body"]
    rows["sentences"] += [[aid, s["index"], s["start"], s["end"], body[s["start"]:s["end"]]]
                          for s in record["sentences"]]
    rows["actors"] += [[aid, i, a["name"], a["code"], a["country"], a["sector"], a.get("entity_type"),
                        len(a["mentions"]), a.get("kb_id"), _json(a.get("evidence", []))]
                       for i, a in enumerate(record["actors"])]
    rows["mentions"] += [[aid, i, j, m["text"], m["start"], m["end"], m["sentence"]]
                         for i, a in enumerate(record["actors"]) for j, m in enumerate(a["mentions"])]
    rows["events"] += [_event_row(aid, i, e, prov["coder"]) for i, e in enumerate(record["events"])]
    rows["quotes"] += [_quote_row(aid, i, q) for i, q in enumerate(record["quotes"])]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _actor_cols(actor: dict[str, Any] | None) -> list[Any]:
    if not actor:
        return [None, None, None, None]
    return [actor.get("text"), actor.get("code"), actor.get("country"), actor.get("sector")]


def _event_row(aid: str, i: int, event: dict[str, Any], coder: str) -> list[Any]:
    plover = event.get("plover") or {}
    date = event.get("date") or {}
    loc = event.get("location") or {}
    span = event.get("span") or [None, None]
    return [
        aid, i, event.get("sentence"), span[0], span[1], event.get("trigger"), event.get("cameo"),
        plover.get("event"), plover.get("mode"), plover.get("context"),
        *_actor_cols(event.get("source")), *_actor_cols(event.get("target")),
        date.get("value"), date.get("granularity"), date.get("source"),
        loc.get("name"), loc.get("country"), loc.get("lat"), loc.get("lon"),
        bool(event.get("negated", False)), event.get("modality", "asserted"), bool(event.get("reciprocal", False)),
        event.get("quote"), date.get("text"), *(date.get("range") or [None, None]), coder,
        _event_evidence(event),
    ]


def _event_evidence(event: dict[str, Any]) -> str | None:
    """Why the event or its sides were found beyond the sentence's parse, as JSON; None when nothing extra."""
    found: dict[str, Any] = {}
    if event.get("evidence"):
        found["event"] = event["evidence"]
    for side in ("source", "target"):
        actor = event.get(side)
        if isinstance(actor, dict) and actor.get("evidence"):
            found[side] = actor["evidence"]
    return _json(found) if found else None


def _quote_row(aid: str, i: int, quote: dict[str, Any]) -> list[Any]:
    speaker = quote.get("speaker") or {}
    span = quote.get("span") or [None, None]
    return [
        aid, i, quote.get("sentence"), span[0], span[1], quote.get("text"), quote.get("kind"),
        speaker.get("text"), speaker.get("code"), speaker.get("country"), bool(quote.get("pull_quote", False)),
        quote.get("cue"), quote.get("medium"), _json(quote.get("events", [])),
    ]
