"""The cache of built indexes: built once, read back equal, rebuilt when its sources change or it is damaged."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline import datacache, kb, lexicon, places


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(datacache.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_built_once_then_read_back(folder: Path) -> None:
    calls: list[int] = []

    def build() -> dict[str, list[int]]:
        calls.append(1)
        return {"a": [1, 2]}

    assert datacache.cached("thing", ["v1"], build) == {"a": [1, 2]}
    assert datacache.cached("thing", ["v1"], build) == {"a": [1, 2]}
    assert len(calls) == 1
    assert len(list(folder.glob("thing-*.pickle"))) == 1
    # Changed sources: a new file, built again; the old one is never read.
    assert datacache.cached("thing", ["v2"], build) == {"a": [1, 2]}
    assert len(calls) == 2 and len(list(folder.glob("thing-*.pickle"))) == 2


def test_damaged_file_is_rebuilt_and_unwritable_cache_still_builds(folder: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    datacache.cached("thing", ["v"], lambda: [1])
    (path,) = folder.glob("thing-*.pickle")
    path.write_bytes(b"not a pickle")
    assert datacache.cached("thing", ["v"], lambda: [2]) == [2]
    assert datacache.cached("thing", ["v"], lambda: [3]) == [2]  # the rebuilt file is read
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(datacache.CACHE_ENV, str(blocker / "sub"))  # a folder that cannot be made
    assert datacache.cached("thing", ["v"], lambda: [4]) == [4]


def test_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(datacache.CACHE_ENV, "off")
    assert datacache.cache_dir() is None
    assert datacache.cached("thing", ["v"], lambda: 5) == 5


def test_cached_indexes_equal_fresh_builds(folder: Path) -> None:
    """What the stages read from the cache is what building gives: the same KB, gazetteer and lexicon."""
    for name, build, load in [("kb", kb.build_default_kb, kb.default_kb.__wrapped__),
                              ("gazetteer", places.build_gazetteer, places.gazetteer.__wrapped__),
                              ("lexicon", lexicon.build_lexicon, lexicon.load_lexicon.__wrapped__)]:
        first = load()  # builds and writes
        assert len(list(folder.glob(f"{name}-*.pickle"))) == 1, name
        again = load()  # reads
        fresh = build()
        assert again == fresh, name
        assert again is not first
    gaz = places.gazetteer.__wrapped__()
    assert gaz.resolve("Paris") == places.build_gazetteer().resolve("Paris")
    assert gaz.resolve("Paris") is not None and gaz.resolve("Paris").country == "FRA"
