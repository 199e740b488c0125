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

import contextlib
import dataclasses
import datetime as dt
import json
import logging
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import numpy as np

from . import fusion
from .errors import StoreError
from .ids import event_ids
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

#: Stable event-mention ids (dateline.ids); rows stored before it get the same hash computed in SQL.
_V3 = """
ALTER TABLE events ADD COLUMN id VARCHAR;
UPDATE events SET id = left(sha256(concat_ws(chr(30), article_id, coder, start_char::VARCHAR, end_char::VARCHAR,
    coalesce(cameo, ''), coalesce(source_text, '') || chr(31) || coalesce(source_code, ''),
    coalesce(target_text, '') || chr(31) || coalesce(target_code, ''))), 16);
"""

#: Fused events (dateline.fusion): one row per real-world act above the mention-level ``events``, and
#: each counted mention's fused event and block. Filled for stored rows right after migrating (Store.migrate).
_V4_FUSION = """
CREATE TABLE fused_events (
    id VARCHAR PRIMARY KEY, block VARCHAR, representative VARCHAR, cameo VARCHAR, cameo_root VARCHAR,
    quad_class INTEGER, goldstein DOUBLE, plover_event VARCHAR, plover_mode VARCHAR, plover_context VARCHAR,
    source_text VARCHAR, source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR,
    target_text VARCHAR, target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR,
    reciprocal BOOLEAN, date_value VARCHAR, date_granularity VARCHAR, location_name VARCHAR,
    location_country VARCHAR, lat DOUBLE, lon DOUBLE, first_reported DATE, last_reported DATE,
    n_mentions INTEGER, n_articles INTEGER, n_outlets INTEGER
);
CREATE TABLE fused_event_mentions (
    event_id VARCHAR PRIMARY KEY, article_id VARCHAR, fused_id VARCHAR, block VARCHAR
);
"""

#: Confidence (dateline.confidence) and the one definition of a counted event, stored with each event.
_V_CONFIDENCE = """
ALTER TABLE events ADD COLUMN confidence DOUBLE;
ALTER TABLE events ADD COLUMN counted BOOLEAN;
ALTER TABLE fused_events ADD COLUMN confidence_mean DOUBLE;
ALTER TABLE fused_events ADD COLUMN confidence_max DOUBLE;
"""

#: Reviews (issue 12, `dateline serve`): a reviewer's verdict or correction of one event, keyed by the stable
#: event id, kept apart from the coder's rows so that a re-ingest never loses them.
_V4_REVIEWS = """
CREATE TABLE reviews (
    review_id VARCHAR PRIMARY KEY, event_id VARCHAR NOT NULL, article_id VARCHAR, reviewer VARCHAR,
    created_at TIMESTAMP, verdict VARCHAR, cameo VARCHAR, plover_event VARCHAR, source_code VARCHAR,
    target_code VARCHAR, date_value VARCHAR, location_name VARCHAR, note VARCHAR, original JSON,
    source_country VARCHAR, target_country VARCHAR
);
"""

#: Background acts (dateline.events.modality): the act's own time phrase puts it well before the story's news.
#: Rows stored before it have null (not known). Not in the exports, which keep their columns.
_V_BACKGROUND = """
ALTER TABLE events ADD COLUMN background BOOLEAN;
"""

#: Fusion reads the reviewed mentions (a mention marked wrong is not fused, a corrected one is fused as corrected):
#: no table changes; a file with reviews is fused again once when it is opened (Store.migrate).
_V_REVIEWED_FUSION = """
SELECT 'fused_events: from the reviewed mentions' AS migration;
"""

#: What follows from a correction (issue 13, session 46): the PLOVER mode and context of a corrected code, the
#: sector of a corrected actor code, the granularity and range of a corrected date, the country and point of a
#: corrected place; stored with the review (:func:`review_derived`) so that every surface reads the same row.
#: Reviews stored before it get them when the file is opened (Store.migrate), and the file is fused again.
_V_REVIEW_DERIVED = """
ALTER TABLE reviews ADD COLUMN IF NOT EXISTS plover_mode VARCHAR;
ALTER TABLE reviews ADD COLUMN IF NOT EXISTS plover_context VARCHAR;
ALTER TABLE reviews ADD COLUMN IF NOT EXISTS source_sector VARCHAR;
ALTER TABLE reviews ADD COLUMN IF NOT EXISTS target_sector VARCHAR;
ALTER TABLE reviews ADD COLUMN IF NOT EXISTS date_granularity VARCHAR;
ALTER TABLE reviews ADD COLUMN IF NOT EXISTS date_first VARCHAR;
ALTER TABLE reviews ADD COLUMN IF NOT EXISTS date_last VARCHAR;
ALTER TABLE reviews ADD COLUMN IF NOT EXISTS location_country VARCHAR;
ALTER TABLE reviews ADD COLUMN IF NOT EXISTS lat DOUBLE;
ALTER TABLE reviews ADD COLUMN IF NOT EXISTS lon DOUBLE;
"""

#: Python's whitespace (``str.isspace``, what ``str.rstrip`` removes) as a regular-expression class (RE2 syntax, as
#: DuckDB's ``regexp_replace`` reads it); tests/unit/test_store.py checks it against Python's definition.
WHITESPACE_CLASS = (r"[\x{9}-\x{d}\x{1c}-\x{20}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}"
                    r"\x{205f}\x{3000}]")

#: A sentence ends at its last non-space character (walk48, ``record.sentence_offsets``): rows stored before kept
#: spaCy's trailing whitespace token, a paragraph break, in ``end_char`` and ``text`` (so in every CSV cell of
#: ``sentence_text``). They are trimmed as the coder now writes them, and the file is fused again (fusion's page
#: furniture patterns read the sentence text).
_V_SENTENCE_ENDS = f"""
UPDATE sentences SET end_char = start_char + length(regexp_replace(text, '{WHITESPACE_CLASS}+$', '')),
                     text = regexp_replace(text, '{WHITESPACE_CLASS}+$', '')
WHERE regexp_matches(text, '{WHITESPACE_CLASS}$');
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4_FUSION, _V4_REVIEWS, _V_CONFIDENCE, _V_BACKGROUND,
                               _V_REVIEWED_FUSION, _V_REVIEW_DERIVED, _V_SENTENCE_ENDS)
SCHEMA_VERSION = len(MIGRATIONS)
#: Tables holding one article's coded rows; deleted with the article on ``replace``.
ARTICLE_TABLES = ("sentences", "actors", "mentions", "events", "quotes")
#: The fused events and their mentions' links (dateline.fusion), filled from the reviewed mentions.
FUSED_TABLES = ("fused_events", "fused_event_mentions")
#: What ``dateline events``, the exports, fusion and the scores count: the coder's ``counted``
#: (dateline.confidence.is_counted: asserted, not negated, not un-counted by the learned act filter nor by a rule
#: gate, confidence at or above the model's threshold); rows stored before
#: confidence existed count when asserted and not negated.
def counted_sql(alias: str = "") -> str:
    """The SQL of a counted event (see :data:`COUNTED`), on the events table's ``alias``."""
    at = f"{alias}." if alias else ""
    return f"coalesce({at}counted, NOT {at}negated AND {at}modality = 'asserted')"


COUNTED = counted_sql()
def event_day_sql(alias: str, reported: str = "first_reported") -> str:
    """The day an event is placed on, as a DATE (SQL over ``alias``): its own day when it is dated to a day, else
    the day it was first reported (``reported``: a fused event's ``first_reported``, a mention's article's
    ``published``; a qualified name, ``a.published``, is taken as it is); null when neither is known. The one
    definition `dateline counts`' day/month/year, the exports' event day (their ``event_day`` column) and the
    server's date filters and charts use."""
    reported = reported if "." in reported else f"{alias}.{reported}"
    return (f"coalesce(CASE WHEN {alias}.date_granularity = 'day' THEN try_cast(left({alias}.date_value, 10) AS DATE) "
            f"END, try_cast({reported} AS DATE))")


#: An article's outlet: the input's ``outlet`` field, else its ``source`` field, else the masthead.
OUTLET_SQL = "coalesce(json_extract_string(a.metadata, '$.outlet'), a.outlet, a.publication)"


def fusion_rows_sql(*, reviewed: bool = True) -> str:
    """The mention rows dateline.fusion reads, as ``e``: counted events (:data:`COUNTED`) with a CAMEO code, from
    :func:`events_table` (with ``reviewed``, each event's latest review applied: a mention marked wrong is not
    fused, a corrected one is fused with its corrected fields). Callers add ``AND`` conditions on ``e``."""
    return f"""
    SELECT e.id, e.article_id, e.idx, e.sentence, e.cameo, e.source_text, e.source_code, e.source_country,
           e.source_sector, e.target_text, e.target_code, e.target_country, e.target_sector, e.reciprocal,
           e.date_value, e.date_granularity, e.date_first, e.date_last, e.location_name, e.location_country,
           e.lat, e.lon, e.confidence, a.published, {OUTLET_SQL} AS outlet, q.text AS quote_text,
           e.date_source, e.trigger, json_extract_string(e.evidence, '$.event.rules.trigger') AS trigger_rule,
           s.text AS sentence_text
    FROM {events_table(reviewed)} e JOIN articles a ON a.id = e.article_id
    LEFT JOIN quotes q ON q.article_id = e.article_id AND q.idx = e.quote_idx
    LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence
    WHERE {counted_sql("e")} AND e.cameo IS NOT NULL"""


@dataclass
class WriteResult:
    """What one call to :meth:`Store.write` did."""

    stored: int = 0
    skipped: int = 0  # already in the store
    rejected: int = 0


class Store:
    """A dateline database file. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False, must_exist: bool = False,
                 wait: float = 0.0) -> None:
        self.path = str(path)
        self.wait = wait
        if (read_only or must_exist) and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError("E203", db=self.path)
        try:
            self.con = connect(self.path, read_only=read_only, wait=wait)
        except duckdb.Error as err:
            raise open_error(self.path, err) from err
        if read_only:
            if 0 < self._check_version() < SCHEMA_VERSION and self.path != ":memory:":
                self._migrate_first()
        else:
            self.migrate()

    def _migrate_first(self) -> None:
        """Bring an older file up to date through a short writable connection before reading it, so that every
        reader sees the columns the queries name (a file that may not be written is read as it is)."""
        self.con.close()
        try:
            Store(self.path, wait=self.wait).close()
        except StoreError as err:
            log.warning("%s: read at an older schema version without migrating it (%s)", self.path, err.code)
        self.con = connect(self.path, read_only=True, wait=self.wait)

    @classmethod
    def over(cls, con: duckdb.DuckDBPyConnection) -> Store:
        """A Store on a connection already open (the server's), which it neither migrates nor closes."""
        store = cls.__new__(cls)
        store.path, store.wait, store.con = ":connection:", 0.0, con
        return store

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
        fuse = False
        for version in range(found, SCHEMA_VERSION):
            self.con.execute("BEGIN TRANSACTION")
            self.con.execute(MIGRATIONS[version])
            reviewed = MIGRATIONS[version] in (_V_REVIEWED_FUSION, _V_REVIEW_DERIVED) and _count(self.con, "reviews") > 0
            if found > 0 and reviewed and MIGRATIONS[version] is _V_REVIEW_DERIVED:
                _derive_stored_reviews(self.con)
            fuse = fuse or (found > 0 and (MIGRATIONS[version] in (_V4_FUSION, _V_SENTENCE_ENDS) or reviewed))
            self.con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version + 1)]
            )
            self.con.execute("COMMIT")
            log.info("%s: migrated to schema version %d", self.path, version + 1)
        if fuse:  # rows stored before fusion (or before it read reviews) get their fused events (every column there)
            self.con.execute("BEGIN TRANSACTION")
            self.refuse()
            self.con.execute("COMMIT")

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
        self._fuse_articles(sorted(seen))
        locations = [_location(r["provenance"]) for r in records if r["article"]["id"] in seen]
        if locations:
            self.con.execute("DELETE FROM rejected WHERE list_contains(?, location)", [locations])
        self._write_rejections(rejections)
        result.rejected += len(rejections)

    def delete_article(self, article_id: str) -> None:
        """Delete an article and its rows; the fused events its mentions were in are re-fused without them."""
        if _fuses():
            blocks = [row[0] for row in self.con.execute(
                "SELECT DISTINCT block FROM fused_event_mentions WHERE article_id = ?", [article_id]).fetchall()]
            self.con.execute("DELETE FROM fused_event_mentions WHERE article_id = ?", [article_id])
            self._refuse_blocks(blocks, [])
        for table in ARTICLE_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        self.con.execute("DELETE FROM articles WHERE id = ?", [article_id])

    def _bulk_insert(self, table: str, rows: list[list[Any]]) -> None:
        """Insert rows column-wise through a registered dict of NumPy arrays.

        DuckDB's ``executemany`` costs about a millisecond a row; scanning column arrays costs
        microseconds (measured in bench/README.md). A column that is null in every row is inserted as
        ``NULL`` instead of an array: DuckDB 1.4 cannot scan an object array of 2,000 or more ``None``
        (its type sniffing fails), which cost a whole batch its transaction, and an article with that
        many quotes or events its place in the store (session 45).
        """
        if not rows:
            return
        columns: dict[str, Any] = {}
        selected = []
        for i, column in enumerate(zip(*rows)):
            if i and all(value is None for value in column):  # the first column (an id) keeps a row count
                selected.append(f"NULL AS c{i}")
            else:
                columns[f"c{i}"] = np.array(column, dtype=object)
                selected.append(f"c{i}")
        self.con.register("_dateline_rows", columns)
        try:
            self.con.execute(f"INSERT INTO {table} SELECT {', '.join(selected)} FROM _dateline_rows")
        finally:
            self.con.unregister("_dateline_rows")

    # -- fusion (dateline.fusion) -----------------------------------------------------------------

    def _fusion_rows(self, where: str, params: list[Any], *, reviewed: bool = True) -> list[dict[str, Any]]:
        """The mentions to fuse (:func:`fusion_rows_sql`, reviews applied unless not ``reviewed``) where ``where``."""
        reviewed = reviewed and has_table(self.con, "reviews")
        cur = self.con.execute(f"{fusion_rows_sql(reviewed=reviewed)} AND {where}", params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def _fuse_articles(self, article_ids: list[str]) -> None:
        """Fuse newly stored articles' mentions: only the blocks they fall in are re-fused."""
        if not article_ids or not _fuses():
            return
        new = self._fusion_rows("list_contains(?, e.article_id)", [article_ids])
        self._refuse_blocks(sorted({fusion.block_key(row) for row in new}), new)

    def _refuse_blocks(self, blocks: list[str], new: list[dict[str, Any]]) -> None:
        """Fuse again every mention of ``blocks`` (those stored, plus ``new`` ones not yet fused)."""
        if not blocks:
            return
        stored = self._fusion_rows(
            "e.id IN (SELECT event_id FROM fused_event_mentions WHERE list_contains(?, block))", [blocks])
        fused = fusion.fuse([*stored, *new])
        # Most fused events of a block stay as they were (a batch adds a few mentions to a block of
        # thousands): those whose row and mentions are unchanged are kept, the others deleted and
        # written again. The rows left are the same as deleting and writing the whole blocks.
        columns = ", ".join(fusion.FUSED_COLUMNS)
        before = {row[0]: row for row in self.con.execute(
            f"SELECT {columns} FROM fused_events WHERE list_contains(?, block)", [blocks]).fetchall()}
        links: dict[str, set[tuple[str, str]]] = {}
        for fused_id, event_id, article_id in self.con.execute(
                "SELECT fused_id, event_id, article_id FROM fused_event_mentions WHERE list_contains(?, block)",
                [blocks]).fetchall():
            links.setdefault(fused_id, set()).add((event_id, article_id))
        kept = {f.row["id"] for f in fused
                if before.get(f.row["id"]) == tuple(f.row[c] for c in fusion.FUSED_COLUMNS)
                and links.get(f.row["id"]) == set(zip(f.mention_ids, f.article_ids))}
        gone = sorted((before.keys() | links.keys()) - kept)
        if gone:
            self.con.execute("DELETE FROM fused_events WHERE list_contains(?, id)", [gone])
            self.con.execute("DELETE FROM fused_event_mentions WHERE list_contains(?, fused_id)", [gone])
        self._write_fused([f for f in fused if f.row["id"] not in kept])

    def _write_fused(self, fused: list[fusion.Fused], tables: tuple[str, str] = FUSED_TABLES) -> None:
        self._bulk_insert(tables[0], [[f.row[c] for c in fusion.FUSED_COLUMNS] for f in fused])
        self._bulk_insert(tables[1], [
            [mention_id, mention_id_article, f.row["id"], f.row["block"]]
            for f in fused for mention_id, mention_id_article in zip(f.mention_ids, f.article_ids)
        ])

    def merge_from(self, shard: str | Path) -> int:
        """Add another dateline file's articles (and their rows, rejections and reviews) to this one,
        skipping articles already here, then fuse everything again (one transaction per shard).
        The shards of a parallel ingest (docs/scale.md) become one file. RETURNS articles added."""
        Store(shard, must_exist=True).close()  # a dateline file, migrated to this schema like any file we open
        quoted = str(shard).replace("'", "''")
        before = self.counts()["articles"]
        self.con.execute(f"ATTACH '{quoted}' AS shard (READ_ONLY)")
        try:
            self.con.execute("BEGIN TRANSACTION")
            self.con.execute("INSERT INTO articles SELECT * FROM shard.articles WHERE id NOT IN (SELECT id FROM articles)")
            for table in ARTICLE_TABLES:
                self.con.execute(f"INSERT INTO {table} SELECT * FROM shard.{table} "
                                 f"WHERE article_id NOT IN (SELECT article_id FROM {table})")
            self.con.execute("INSERT INTO rejected SELECT * FROM shard.rejected "
                             "WHERE location NOT IN (SELECT location FROM rejected)")
            if has_table(self.con, "reviews"):
                self.con.execute("INSERT INTO reviews SELECT * FROM shard.reviews "
                                 "WHERE review_id NOT IN (SELECT review_id FROM reviews)")
            if _V4_FUSION in MIGRATIONS:
                self.refuse()
            self.con.execute("COMMIT")
        except duckdb.Error:
            self.con.execute("ROLLBACK")
            raise
        finally:
            self.con.execute("DETACH shard")
        return self.counts()["articles"] - before

    def refuse(self) -> int:
        """Fuse every stored mention from scratch (what incremental fusion must equal), reviews applied.
        RETURNS fused events."""
        self.con.execute("DELETE FROM fused_events")
        self.con.execute("DELETE FROM fused_event_mentions")
        fused = fusion.fuse(self._fusion_rows("TRUE", []))
        self._write_fused(fused)
        return len(fused)

    def _refuse_event(self, event_id: str) -> None:
        """Re-fuse the blocks one mention was in and is in now, after a review of it (a mention marked wrong
        leaves its fused event; a corrected side or code moves it to its corrected block)."""
        if not _fuses():
            return
        before = [row[0] for row in self.con.execute(
            "SELECT block FROM fused_event_mentions WHERE event_id = ?", [event_id]).fetchall()]
        now = self._fusion_rows("e.id = ?", [event_id])
        blocks = sorted({*before, *(fusion.block_key(row) for row in now)})
        self._refuse_blocks(blocks, [] if before else now)  # a mention fused before is read back as stored

    def fused_tables(self, *, reviewed: bool = True, min_confidence: float | None = None) -> dict[str, str]:
        """Where the exports and counts read fused events: ``fused`` (fused_events), ``links`` (their mentions,
        fused_event_mentions) and ``events`` (the mention rows, :func:`events_table`). Reviewed: the stored
        fusion, reviews applied; else the coder's rows as stored, fused again into temporary tables.
        min_confidence: only the mentions at or above it (those `dateline events --min-confidence` gives; none
        without a confidence), fused again into temporary tables, so that a fused event's counts are of those."""
        reviewed = reviewed and has_table(self.con, "reviews")
        if min_confidence is None and (reviewed or not _count(self.con, "reviews")):
            return {"fused": FUSED_TABLES[0], "links": FUSED_TABLES[1], "events": events_table(reviewed)}
        temp = ("selected_fused_events", "selected_fused_event_mentions")
        for table, like in zip(temp, FUSED_TABLES):
            self.con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT * FROM {like} LIMIT 0")
        where, params = ("TRUE", []) if min_confidence is None else ("e.confidence >= ?", [float(min_confidence)])
        self._write_fused(fusion.fuse(self._fusion_rows(where, params, reviewed=reviewed)), temp)
        return {"fused": temp[0], "links": temp[1], "events": events_table(reviewed)}

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
        row = self.con.execute(f"SELECT count(*) FROM events WHERE {COUNTED}").fetchone()
        out["events_counted"] = int(row[0]) if row else 0
        return out

    def events_query(self, *, include_all: bool = False, reviewed: bool = True,
                     min_confidence: float | None = None) -> str:
        """SQL for the events export: one row per event with its article's provenance.

        reviewed: apply the reviews (see :func:`events_sql`); False gives the coder's rows as stored.
        min_confidence: keep only events whose confidence is at least this.
        """
        return events_sql(include_all=include_all, reviewed=reviewed and has_table(self.con, "reviews"),
                          min_confidence=min_confidence)

    def export_events(self, out: str, fmt: str, *, include_all: bool = False, reviewed: bool = True,
                      min_confidence: float | None = None, raw_csv: bool = False) -> int:
        """Write the events export to ``out`` as csv, parquet or jsonl. RETURNS the number of rows.

        CSV cells that a spreadsheet would run as formulas are neutralised (see
        :mod:`dateline.csvsafe`) unless ``raw_csv``; JSON Lines and Parquet are written as stored.
        """
        query = self.events_query(include_all=include_all, reviewed=reviewed, min_confidence=min_confidence)
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

    def events(self, *, include_all: bool = False, reviewed: bool = True,
               min_confidence: float | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Column names and rows of the events export, for printing."""
        cur = self.con.execute(self.events_query(include_all=include_all, reviewed=reviewed,
                                                 min_confidence=min_confidence))
        return [d[0] for d in cur.description], cur.fetchall()

    # -- reviews (issue 12) -----------------------------------------------------------------------

    def add_review(self, event_id: str, *, verdict: str, reviewer: str | None = None, note: str | None = None,
                   corrections: dict[str, str | None] | None = None) -> dict[str, Any]:
        """Store one review of event ``event_id`` and re-fuse its blocks (one transaction); the coder's row is
        never changed. RETURNS the review."""
        return add_review(self.con, event_id, verdict=verdict, reviewer=reviewer, note=note,
                          corrections=corrections)


# -- reviews (issue 12): one place for how a review changes an exported event --------------------

#: What a review may correct, as columns of the events export.
REVIEW_FIELDS = ("cameo", "source_code", "target_code", "date_value", "location_name")
#: right: the coder got it right; wrong: no such event (dropped from reviewed exports); corrected: see the fields.
REVIEW_VERDICTS = ("right", "wrong", "corrected")
#: The latest review of each event wins.
LATEST_REVIEWS = """SELECT * FROM reviews
    QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY created_at DESC, review_id DESC) = 1"""


def has_table(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    row = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [table]).fetchone()
    return bool(row and row[0])


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    """Rows of ``table``; 0 when there is no such table."""
    if not has_table(con, table):
        return 0
    row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(row[0]) if row else 0


#: The columns that follow each corrected field (:func:`review_derived` works them out when the review is saved): a
#: corrected CAMEO code brings its PLOVER coding, an actor code its country and sector, a date its granularity and
#: range, a place its country and point (null when the offline gazetteer does not know the name).
DERIVED_COLUMNS: dict[str, tuple[str, ...]] = {
    "cameo": ("plover_event", "plover_mode", "plover_context"),
    "source_code": ("source_country", "source_sector"),
    "target_code": ("target_country", "target_sector"),
    "date_value": ("date_granularity", "date_first", "date_last"),
    "location_name": ("location_country", "lat", "lon"),
}
#: The columns a review changes: the corrected fields, and the columns that follow them.
REVIEWED_COLUMNS = (*REVIEW_FIELDS, *(c for field in REVIEW_FIELDS for c in DERIVED_COLUMNS[field]))


def review_derived(fixes: dict[str, str | None]) -> dict[str, Any]:
    """The columns that follow a review's corrected fields (:data:`DERIVED_COLUMNS`), each None where its field
    was not corrected: what the coder would have written for that code, date or place."""
    from .codebook import cameo_to_plover
    from .kb import split_code

    out: dict[str, Any] = {c: None for cols in DERIVED_COLUMNS.values() for c in cols}
    if fixes.get("cameo"):
        plover = cameo_to_plover(str(fixes["cameo"]))
        if plover is not None:
            out.update(plover_event=plover.event, plover_mode=plover.mode, plover_context=plover.context)
    for side in ("source", "target"):
        country, sector = split_code(fixes.get(f"{side}_code"))
        out.update({f"{side}_country": country, f"{side}_sector": sector})
    if fixes.get("date_value"):
        with contextlib.suppress(ValueError):  # add_review refuses such a date; one stored before is left as is
            out.update(zip(("date_granularity", "date_first", "date_last"), _date_range(str(fixes["date_value"]))))
    if fixes.get("location_name"):
        from .places import gazetteer

        place = gazetteer().resolve(str(fixes["location_name"]))
        if place is not None:
            out.update(location_country=place.country, lat=place.lat, lon=place.lon)
    return out


def _date_range(value: str) -> tuple[str | None, str | None, str | None]:
    """(granularity, first day, last day) of a corrected date ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, as the coder
    writes them: a day has no range. ValueError for anything else."""
    import calendar

    parts = value.split("-")
    if len(parts) == 1 and len(value) == 4 and value.isdigit():
        return "year", f"{value}-01-01", f"{value}-12-31"
    if len(parts) == 2 and len(value) == 7:
        last = calendar.monthrange(int(parts[0]), int(parts[1]))[1]  # ValueError for month 13
        return "month", f"{value}-01", f"{value}-{last:02d}"
    if len(parts) == 3 and len(value) == 10:
        dt.date.fromisoformat(value)
        return "day", None, None
    raise ValueError(f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")


def _derive_stored_reviews(con: duckdb.DuckDBPyConnection) -> None:
    """Fill the derived columns (:func:`review_derived`) of reviews stored before they existed."""
    cur = con.execute(f"SELECT review_id, {', '.join(REVIEW_FIELDS)} FROM reviews")
    for review_id, *values in cur.fetchall():
        derived = review_derived(dict(zip(REVIEW_FIELDS, values)))
        con.execute(f"UPDATE reviews SET {', '.join(f'{c} = ?' for c in derived)} WHERE review_id = ?",
                    [*derived.values(), review_id])


def events_table(reviewed: bool) -> str:
    """The events table, SQL to alias: with ``reviewed``, each event's latest review applied (an event marked
    wrong is left out, a correction replaces the coder's value, and the columns that follow it,
    :data:`DERIVED_COLUMNS`, take the review's); else the coder's rows as stored. The one definition of a reviewed
    event: the events export, fusion (so the exports and counts) and the server read it."""
    if not reviewed:
        return "events"
    replaced = ", ".join([f"coalesce(r.{c}, e.{c}) AS {c}" for c in REVIEW_FIELDS] + [
        f"CASE WHEN r.{field} IS NOT NULL THEN r.{c} ELSE e.{c} END AS {c}"
        for field in REVIEW_FIELDS for c in DERIVED_COLUMNS[field]])
    return f"""(SELECT e.* REPLACE ({replaced}) FROM events e LEFT JOIN ({LATEST_REVIEWS}) r ON r.event_id = e.id
               WHERE coalesce(r.verdict, '') <> 'wrong')"""


def events_sql(*, include_all: bool = False, reviewed: bool = False, ordered: bool = True, extra: str = "",
               min_confidence: float | None = None) -> str:
    """The events export as SQL. With ``reviewed``, each event's latest review applies: an event
    marked wrong is left out and a correction replaces the coder's value (the PLOVER type and the
    countries follow a corrected code); the columns are the same either way.

    ordered: sort as the export does (callers that sort or aggregate themselves pass False);
    extra: more columns after ``sentence_text`` (SQL over ``e``, ``a`` the article, ``s`` the sentence).
    """
    where = [] if include_all else [counted_sql("e")]
    if min_confidence is not None:  # a float from the command line, never text: safe to inline
        where.append(f"e.confidence >= {float(min_confidence)!r}")
    return f"""
            SELECT e.article_id, a.input_id, a.published, a.source, e.* EXCLUDE (article_id, background),
                   s.text AS sentence_text{extra}
            FROM {events_table(reviewed)} e
            JOIN articles a ON a.id = e.article_id
            LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence
            {"WHERE " + " AND ".join(where) if where else ""}
            {"ORDER BY a.published NULLS LAST, e.article_id, e.idx" if ordered else ""}"""


def add_review(con: duckdb.DuckDBPyConnection, event_id: str, *, verdict: str, reviewer: str | None = None,
               note: str | None = None, corrections: dict[str, str | None] | None = None) -> dict[str, Any]:
    """Insert one review; raises StoreError E205 for an unknown event or verdict/field."""
    import uuid

    from .codebook import cameo_to_plover

    if verdict not in REVIEW_VERDICTS:
        raise StoreError("E205", event_id=event_id, detail=f"verdict {verdict!r} is not one of {REVIEW_VERDICTS}")
    fixes = {k: (v.strip() or None) if isinstance(v, str) else None for k, v in (corrections or {}).items()}
    unknown = set(fixes) - set(REVIEW_FIELDS)
    if unknown:
        raise StoreError("E205", event_id=event_id, detail=f"cannot correct {sorted(unknown)}")
    fixes = {k: v for k, v in fixes.items() if v is not None}
    if verdict == "corrected" and not fixes:
        raise StoreError("E205", event_id=event_id, detail="a correction needs at least one corrected field")
    if (day := fixes.get("date_value")) is not None:
        from .kb import parse_date

        try:
            if not re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", day):
                raise ValueError
            parse_date(day)
        except ValueError as err:  # (KBError is a ValueError)
            raise StoreError("E205", event_id=event_id, detail=f"date_value {day!r} is not a date "
                                                               "(YYYY-MM-DD, YYYY-MM or YYYY)") from err
    cur = con.execute("SELECT * FROM events WHERE id = ? LIMIT 1", [event_id])
    names = [d[0] for d in cur.description]
    row = cur.fetchone()
    if row is None:
        raise StoreError("E205", event_id=event_id, detail="no event has this id")
    original = dict(zip(names, row))
    new_cameo = fixes.get("cameo")
    if new_cameo and cameo_to_plover(new_cameo) is None and not new_cameo.isdigit():
        raise StoreError("E205", event_id=event_id, detail=f"{new_cameo!r} is not a CAMEO code")
    if fixes.get("date_value"):
        try:
            _date_range(str(fixes["date_value"]))
        except ValueError as err:
            raise StoreError("E205", event_id=event_id, detail=f"date_value: {err}") from err
    review = {
        "review_id": uuid.uuid4().hex, "event_id": event_id, "article_id": original["article_id"],
        "reviewer": reviewer, "created_at": dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
        "verdict": verdict, **{k: fixes.get(k) for k in REVIEW_FIELDS}, "note": note or None,
        "original": _json({k: original.get(k) for k in (*REVIEW_FIELDS, "plover_event", "coder")}),
        **review_derived(fixes),
    }
    cols = list(review)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"INSERT INTO reviews ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                    [review[c] for c in cols])
        Store.over(con)._refuse_event(event_id)  # fusion reads the reviewed mentions: the exports and counts follow
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return review


class SharedStore(Store):
    """A Store that holds the file only while it writes a batch (issue 12).

    DuckDB lets one process write a file and no other process open it meanwhile. ``dateline ingest``
    uses this Store so that between batches the file is free: ``dateline serve`` (short read-only
    connections) answers while an ingest runs. Each open waits up to ``wait`` seconds for a reader
    to let go.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, *, wait: float = 120.0) -> None:
        super().__init__(path, wait=wait)  # creates or migrates the file, then lets it go
        self.con.close()
        self._depth = 0

    @contextlib.contextmanager
    def _held(self) -> Iterator[None]:
        if self._depth == 0:
            try:
                self.con = connect(self.path, read_only=False, wait=self.wait, announce=True)
            except duckdb.Error as err:
                raise open_error(self.path, err) from err
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                self.con.close()

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        with self._held():
            return super().known_ids(ids)

    def write(self, records: Sequence[dict[str, Any]], rejections: Sequence[Rejection] = (), *,
              replace: bool = False) -> WriteResult:
        with self._held():
            return super().write(records, rejections, replace=replace)

    def close(self) -> None:
        """Nothing is held between batches."""


def open_error(path: str, err: duckdb.Error) -> StoreError:
    """The coded error for a database that would not open: E206 when the file or its folder may not be
    written (permissions, a read-only file system, no such folder), E202 otherwise (another process holds it)."""
    detail = str(err).splitlines()[0]
    if any(cue in detail.lower() for cue in ("permission denied", "read-only file system", "no such file or directory")):
        return StoreError("E206", db=path, detail=detail)
    return StoreError("E202", db=path, detail=detail)


#: A writer that waits this long or longer for another process's lock says so when the wait begins.
ANNOUNCE_WAIT = 60.0


def is_lock_error(err: BaseException) -> bool:
    """True for DuckDB's 'another process holds this file' error."""
    return isinstance(err, duckdb.IOException) and "lock" in str(err).lower()


def writer_waiting(path: str) -> Path:
    """The marker file a writer keeps while it waits for readers to let go of ``path``; readers that
    open the file per request (``dateline serve``) hold back new connections while it exists."""
    return Path(f"{path}.writer-waiting")


def connect(path: str, *, read_only: bool = False, wait: float = 0.0,
            announce: bool = False) -> duckdb.DuckDBPyConnection:
    """``duckdb.connect``, retried for up to ``wait`` seconds while another process holds the file.

    announce: while waiting, keep the :func:`writer_waiting` marker, so that a busy server lets us in.
    """
    deadline = time.monotonic() + wait
    delay = 0.01
    marker = writer_waiting(path) if announce and not read_only and path != ":memory:" else None
    try:
        while True:
            try:
                return duckdb.connect(path, read_only=read_only)
            except duckdb.IOException as err:
                if not is_lock_error(err) or time.monotonic() >= deadline:
                    raise
                if delay == 0.01 and not read_only and wait >= ANNOUNCE_WAIT:
                    log.warning("%s: another process holds the database; waiting up to %.0f s for it to let go (%s)",
                                path, wait, str(err).splitlines()[0])
                if marker is not None:
                    with contextlib.suppress(OSError):
                        marker.touch()
                time.sleep(delay)
                delay = min(delay * 2, 0.2)
    finally:
        if marker is not None:
            with contextlib.suppress(OSError):
                marker.unlink(missing_ok=True)


def _fuses() -> bool:
    """Whether the schema has the fusion tables (always, but for tests that simulate an older file)."""
    return _V4_FUSION in MIGRATIONS


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
    # records from dateline.record carry each event's id; others get the same hash here
    ids = event_ids(aid, prov["coder"], record["events"])
    rows["events"] += [_event_row(aid, i, dict(e, id=e.get("id") or ids[i]), prov["coder"])
                       for i, e in enumerate(record["events"])]
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
        _event_evidence(event), event.get("id"), event.get("confidence"), event.get("counted"),
        event.get("background"),
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


def stored_event_evidence(stored: str | dict[str, Any] | None) -> dict[str, Any]:
    """The event's own ``evidence`` back from an events row's ``evidence`` column (JSON text, or already read),
    which :func:`_event_evidence` stored under ``event`` beside its sides'; empty when there is none."""
    found = json.loads(stored) if isinstance(stored, str) else stored or {}
    return found.get("event") or {}


def _quote_row(aid: str, i: int, quote: dict[str, Any]) -> list[Any]:
    speaker = quote.get("speaker") or {}
    span = quote.get("span") or [None, None]
    return [
        aid, i, quote.get("sentence"), span[0], span[1], quote.get("text"), quote.get("kind"),
        speaker.get("text"), speaker.get("code"), speaker.get("country"), bool(quote.get("pull_quote", False)),
        quote.get("cue"), quote.get("medium"), _json(quote.get("events", [])),
    ]


def review_labels(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """The latest review of each event as a training label: 1 right, 0 wrong or corrected, with the
    event as coded (its export columns) and the corrections. Empty when no review was recorded."""
    if not has_table(con, "reviews"):
        return []
    cur = con.execute(f"""
        SELECT r.event_id, CASE WHEN r.verdict = 'right' THEN 1 ELSE 0 END AS label, r.verdict, r.reviewer,
               r.created_at, r.note, {", ".join(f"r.{c} AS corrected_{c}" for c in REVIEW_FIELDS)}, ev.*
        FROM ({LATEST_REVIEWS}) r
        JOIN ({events_sql(include_all=True)}) ev ON ev.id = r.event_id
        ORDER BY r.created_at, r.event_id""")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]
