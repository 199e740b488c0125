"""The batch pipeline, the output record and the terminal report on a real (blank) spaCy pipeline,
no model: batches keep input order, one failing article is rejected alone (E012), stored ids are
skipped, records validate against the schema, and the report shows what the store holds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jsonschema
import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dateline.events import make_event
from dateline.models import Rejection
from dateline.pipeline import chunks, code_items, sentence_article
from dateline.record import output_schema
from dateline.report import summary
from dateline.store import Store


@Language.component("test_one_event")
def _one_event(doc: Doc) -> Doc:
    """A stand-in events stage: the first token is an asserted CAMEO 040 with no sides."""
    if "BOOM" in doc.text:
        raise RuntimeError("bad article")
    doc._.events = [make_event(doc[0], 0, "040", None, None, negated=False, modality="asserted", reciprocal=False,
                               rules={"trigger": "test_one_event"})]
    return doc


@pytest.fixture(scope="module")
def blank() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("test_one_event")
    return nlp


def _articles(*texts: str) -> list:
    return [sentence_article(text, published=dt.date(2019, 1, 19), record=i + 1, source="news.jsonl")
            for i, text in enumerate(texts)]


def test_pipeline_batches_keep_input_order_and_isolate_a_failure(blank: Language) -> None:
    items = [*_articles("Meeting held. Talks went on.", "BOOM went the article."),
             Rejection("news.jsonl", 3, "E006", "no text", "x3"), *_articles("Visit planned.")]
    batches = list(code_items(items, nlp=blank, batch_size=2))
    assert [len(b) for b in batches] == [2, 2]
    lines = [line for batch in batches for line in batch.lines]
    assert [line.get("error", {}).get("code") for line in lines] == [None, "E012", "E006", None]
    assert "RuntimeError: bad article" in lines[1]["error"]["message"]
    validator = jsonschema.Draft202012Validator(output_schema())
    for line in (lines[0], lines[3]):
        validator.validate(line)
        assert [e["trigger"] for e in line["events"]] == [line["article"]["body"].split()[0]]
        assert line["article"]["published"] == "2019-01-19" and line["provenance"]["record"] in (1, 4)


def test_pipeline_skips_stored_ids(blank: Language) -> None:
    first, second = _articles("Meeting held.", "Visit planned.")
    batches = list(code_items([first, second], nlp=blank, skip=lambda ids: {first.id} & set(ids)))
    assert [a.id for b in batches for a in b.skipped] == [first.id]
    assert [r["article"]["id"] for b in batches for r in b.records] == [second.id]
    assert [len(chunk) for chunk, _, _ in chunks(iter(_articles("a", "b", "c")), batch_size=2, skip=None)] == [2, 1]


def test_report_summarises_the_stored_articles(blank: Language, tmp_path: Path) -> None:
    db = str(tmp_path / "r.duckdb")
    batches = list(code_items(_articles("Meeting held in Seoul. Talks went on."), nlp=blank))
    with Store(db) as store:
        store.write(batches[0].records)
        text = summary(store, sources=["news.jsonl"], db=db)
    assert "body         37 characters, 2 sentences" in text
    assert "Events (1, 1 counted;" in text and "040   CONSULT" in text
    assert f"The database {db} now holds 1 article(s), 2 sentences, 0 actors, 1 events (1 counted)" in text
    with Store(db) as store:
        assert "Article" not in summary(store, sources=["other.jsonl"], db=db).split("The database")[0]
