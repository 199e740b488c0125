"""The server's side of the DuckDB file: short connections, retried while an ingest writes a batch."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb

from ..errors import StoreError
from ..store import SCHEMA_VERSION, Store, connect, has_table, is_lock_error, writer_waiting

#: How long a request waits for an ingest to finish writing its batch before answering 503 (E806).
LOCK_WAIT = 15.0
#: How long a request holds back while an ingest waits for the file.
WRITER_GAP = 2.0


class Busy(Exception):
    """The file stayed locked by another process for LOCK_WAIT seconds."""


class Gone(Exception):
    """The file cannot be read any more (deleted, moved or replaced since the server started): ``detail`` says how."""

    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__(detail)


class Database:
    """One dateline store, opened per request: read-only unless reviews may be written.

    Nothing is loaded into memory at start: DuckDB reads the pages a query needs. Connections in one
    process share DuckDB's database instance, so concurrent requests cost one open file.
    """

    def __init__(self, path: str | Path, *, writable: bool = False) -> None:
        self.path = str(path)
        self.writable = writable
        if not Path(self.path).exists():
            raise StoreError("E203", db=self.path)
        if writable:
            Store(self.path, wait=LOCK_WAIT).close()  # migrate: the reviews table must exist to write reviews
        else:
            Store(self.path, read_only=True, wait=LOCK_WAIT).close()  # refuses a newer or foreign file
        # DuckDB shares one database instance between the open connections of a process; keeping one
        # open between requests would keep the file locked against an ingest, so none is kept.
        with self.read() as con:
            self.event_columns = [r[0] for r in con.execute("DESCRIBE events").fetchall()]
            self.has_reviews = has_table(con, "reviews")
            row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            self.schema_version = int(row[0]) if row else SCHEMA_VERSION

    def has(self, column: str) -> bool:
        """Whether the events table has ``column`` (confidence, quadclass, goldstein come with later schemas)."""
        return column in self.event_columns

    def _let_writer_in(self) -> None:
        """While an ingest waits for the file (its marker is fresh), hold new connections back for up
        to WRITER_GAP seconds, so that the requests in flight finish and the ingest gets its turn."""
        marker = writer_waiting(self.path)
        deadline = time.monotonic() + WRITER_GAP
        while time.monotonic() < deadline:
            try:
                if time.time() - marker.stat().st_mtime > 5:
                    return  # stale: the writer is gone
            except OSError:
                return
            time.sleep(0.02)

    @contextlib.contextmanager
    def read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for one request, closed after it (the file is free for an ingest in between)."""
        self._let_writer_in()
        if not Path(self.path).is_file():  # never let a writable connect create an empty file in its place
            raise Gone("no such file")
        try:
            con = connect(self.path, read_only=not self.writable, wait=LOCK_WAIT)
        except duckdb.IOException as err:
            if is_lock_error(err):
                raise Busy(self.path) from err
            raise Gone(str(err).splitlines()[0].replace(self.path, Path(self.path).name)[:200]) from err
        try:
            yield con
        finally:
            con.close()
