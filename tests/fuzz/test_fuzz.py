"""Fuzzing with Hypothesis (issue 15): no input can crash, stall or poison a batch.

Properties, on generated hostile inputs (strategies.py):

- the structure detector, the quote scanner and the timex rules never raise, and what they return
  points inside the text (the structure's offsets map the body back to the text exactly);
- the whole pipeline, on text files, HTML pages and JSON Lines files with any fields: no
  exception escapes, no E012 ("please report"), every input (every non-blank JSON Lines line) is
  answered exactly once, every coded record matches the published JSON Schema, and no article
  takes longer than its time budget without being rejected for it (E016).

``make test`` runs a bounded number of examples (profile ``ci``); ``make fuzz`` 10,000+.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from dateline.budget import Budget
from dateline.ingest import sanitise
from dateline.pipeline import code_paths
from dateline.quotes import scan_quotes
from dateline.record import output_schema
from dateline.structure import structure_text
from dateline.timexes import find_timexes, normalize

from strategies import html_files, jsonl_files, tally, text_files, texts

pytestmark = [pytest.mark.fuzz, pytest.mark.issue(15)]

#: Slack on top of an article's budget for what the budget does not cover (reading, structure).
SLACK_SECONDS = 5.0
BUDGET = Budget()


def _clean(text: str) -> str:
    """What ingest hands to the stages: surrogates replaced, newlines normalised."""
    return str(sanitise(text)[0]).replace("\r\n", "\n").replace("\r", "\n")


@given(text=texts, title=st.one_of(st.none(), texts))
def test_fuzz_structure_offsets_map_back(text: str, title: str | None) -> None:
    text = _clean(text)
    parts = structure_text(text, title=_clean(title) if title is not None else None)
    for seg in parts.offsets.segments:
        assert parts.body[seg.body_start:seg.body_start + seg.length] == text[seg.orig_start:seg.orig_start + seg.length]
    tally(structure_inputs=1)


@given(text=texts)
def test_fuzz_quote_scanner_spans_inside_text(text: str) -> None:
    text = _clean(text)
    for span in scan_quotes(text):
        assert 0 <= span.start <= span.end <= len(text) and span.depth >= 0
    tally(quote_inputs=1)


@given(text=texts, published=st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1))))
def test_fuzz_timex_rules_never_raise(text: str, published: dt.date | None) -> None:
    text = _clean(text)
    for start, end in find_timexes(text):
        assert 0 <= start < end <= len(text)
        normalize(text[start:end], published)
    normalize(text, published)
    tally(timex_inputs=1)


def _run(nlp: Language, name: str, data: bytes) -> None:
    """Code one generated file and check every property of the whole pipeline on it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        # JSON Lines lines end at "\n" only (a lone "\r" is inside a line, as for json and editors' ndjson)
        lines = {n for n, line in enumerate(data.split(b"\n"), start=1) if line.strip()}
        answered: list[int | None] = []
        batches = code_paths([str(path)], nlp=nlp, batch_size=1, budget=BUDGET)
        while True:
            started = time.perf_counter()
            batch = next(batches, None)
            elapsed = time.perf_counter() - started
            if batch is None:
                break
            for line in batch.lines:
                error = line.get("error")
                code = error["code"] if error else None
                assert code != "E012", error
                if error:
                    answered.append(error["record"])
                    tally(**{f"rejected_{code}": 1})
                else:
                    jsonschema.validate(line, output_schema())
                    answered.append(line["provenance"]["record"])
                    body = line["article"]["body"]
                    assert elapsed <= BUDGET.seconds(len(body)) + SLACK_SECONDS, (elapsed, len(body))
                    tally(coded=1, max_seconds_per_article=round(elapsed, 2))
    if name.endswith(".jsonl") and answered != [None]:
        assert sorted(answered) == sorted(lines) and len(set(answered)) == len(answered)  # type: ignore[type-var]
    else:
        assert len(answered) == 1
    tally(pipeline_files=1, pipeline_inputs=len(answered))


@given(data=text_files)
def test_fuzz_pipeline_text_files(nlp: Language, data: bytes) -> None:
    _run(nlp, "article.txt", data)


@given(data=html_files)
def test_fuzz_pipeline_html_pages(nlp: Language, data: bytes) -> None:
    _run(nlp, "page.html", data)


@given(data=jsonl_files)
def test_fuzz_pipeline_jsonl_fields(nlp: Language, data: bytes) -> None:
    _run(nlp, "news.jsonl", data)
