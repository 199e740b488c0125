"""Fusion on real news: AllSides stories covered by several outlets, ingested in halves vs at once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from conftest import NEWS, need_shared
from dateline.pipeline import code_paths
from dateline.fusion import FUSED_COLUMNS
from dateline.store import Store

pytestmark = [pytest.mark.e2e, pytest.mark.shared]

# The six (publication day, AllSides topic) pairs with the most articles: 59 articles, 5-7 outlets
# each, many on the same acts (the Boston bombing, Syria's chemical weapons, the Paris attacks' aftermath).
STORIES = {("2013-09-09", "middle_east"), ("2013-04-19", "terrorism"), ("2013-08-26", "middle_east"),
           ("2013-08-15", "middle_east"), ("2013-04-16", "terrorism"), ("2013-04-22", "terrorism")}


@pytest.fixture(scope="module")
def records(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    corpus = need_shared(NEWS / "allsides_abp.jsonl")
    chosen = [line for line in corpus.read_text(encoding="utf-8").splitlines()
              if (lambda r: (r["date"], r["category"]) in STORIES)(json.loads(line))]
    path = tmp_path_factory.mktemp("fusion") / "stories.jsonl"
    path.write_text("\n".join(chosen) + "\n", encoding="utf-8")
    out = [record for batch in code_paths([str(path)], nlp=nlp) for record in batch.records]
    assert len(out) == 59
    return out


def fused(store: Store) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    events = store.con.execute("SELECT * FROM fused_events ORDER BY id").fetchall()
    links = store.con.execute("SELECT * FROM fused_event_mentions ORDER BY event_id").fetchall()
    return events, links


def test_fusion_corpus_halves_equal_once(records: list[dict[str, Any]], tmp_path: Path) -> None:
    with Store(tmp_path / "once.duckdb") as once:
        once.write(records)
        expected = fused(once)
    with Store(tmp_path / "halves.duckdb") as halves:
        halves.write(records[1::2])  # interleaved, so each story is split across the halves
        halves.write(records[0::2])
        assert fused(halves) == expected
    with Store(tmp_path / "single.duckdb") as single:  # one article a batch, backwards, one recoded
        for record in reversed(records):
            single.write([record])
        single.write([records[3]], replace=True)
        assert fused(single) == expected
        assert single.refuse() == len(expected[0])
        assert fused(single) == expected
    events, links = expected
    n_mentions, n_outlets = FUSED_COLUMNS.index("n_mentions"), FUSED_COLUMNS.index("n_outlets")
    assert len(links) == sum(row[n_mentions] for row in events)  # every counted mention is in one fused event
    multi_outlet = [row for row in events if row[n_outlets] >= 2]
    assert multi_outlet, "the same acts told by several outlets fuse"
    assert len(events) < len(links)
