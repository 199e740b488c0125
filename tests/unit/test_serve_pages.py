"""`dateline serve`'s pages on a tiny database (the e2e tests drive the full app over real news)."""

from __future__ import annotations

from pathlib import Path

import asyncio

import httpx

from dateline.serve.app import create_app
from dateline.store import Store
from test_store import make_record


def get(db: str, path: str) -> httpx.Response:
    async def call() -> httpx.Response:
        transport = httpx.ASGITransport(app=create_app(db))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.get(path)
    return asyncio.run(call())


def test_serve_overview_names_an_article_without_headline_by_its_deck(tmp_path: Path) -> None:
    record = make_record("ab" * 8)
    record["article"]["headline"] = None
    record["article"]["deck"] = "Ministers agree to meet again in Oslo."
    db = str(tmp_path / "t.duckdb")
    with Store(db) as store:
        store.write([record])
    page = get(db, "/")
    assert page.status_code == 200
    assert f'<a href="/articles/{"ab" * 8}">Ministers agree to meet again in Oslo.</a>' in page.text
    assert "Counted events only" in page.text
    # the browser asks for no /favicon.ico (a 404 in every page's console otherwise)
    assert '<link rel="icon" href="data:,">' in page.text


def test_api_aggregate_serves_the_numbers_of_dateline_counts(tmp_path: Path) -> None:
    """Issue 13: the web API's aggregate endpoint and `dateline counts` give the same table."""
    from dateline.exports import counts

    db = str(tmp_path / "t.duckdb")
    with Store(db) as store:
        store.write([make_record("cd" * 8)])
        columns, rows = counts(store, ["dyad", "month"], "quadclass")
        _, mention_rows = counts(store, ["country"], "root", mentions=True)
    assert rows, "the record's events are fused and counted"
    got = get(db, "/api/aggregate?by=dyad,month&type=quadclass").json()
    assert got["columns"] == columns
    assert [tuple(r[c] for c in columns) for r in got["rows"]] == [tuple(r) for r in rows]
    got = get(db, "/api/aggregate?by=country&type=root&mentions=true").json()
    assert [tuple(r.values()) for r in got["rows"]] == [tuple(r) for r in mention_rows]
    assert get(db, "/api/aggregate?by=galaxy").status_code == 422
