"""The data path, end to end: inputs -> Articles -> spaCy Docs -> output records, batch by batch.

Front ends (the CLI, the eval harness, the benchmark) call these functions and add nothing to the
coding. Order is kept: each :class:`Batch` lists its output lines in input order, so a JSON Lines
input gives one output line per input line.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language

from .errors import InputError
from .ingest import read_articles
from .models import Article, ArticleParts, OffsetMap, Rejection, content_id
from .nlp import BATCH_SIZE, load_nlp, model_version, parse
from .record import article_record, rejection_record

log = logging.getLogger(__name__)


@dataclass
class Batch:
    """One batch of inputs after coding."""

    records: list[dict[str, Any]] = field(default_factory=list)  # coded articles
    rejections: list[Rejection] = field(default_factory=list)
    skipped: list[Article] = field(default_factory=list)  # already stored, not parsed again
    lines: list[dict[str, Any]] = field(default_factory=list)  # records and rejections, input order

    def __len__(self) -> int:
        return len(self.lines) + len(self.skipped)


def code_items(
    items: Iterable[Article | Rejection],
    *,
    nlp: Language | None = None,
    batch_size: int = BATCH_SIZE,
    skip: Callable[[Sequence[str]], set[str]] | None = None,
) -> Iterator[Batch]:
    """Code Articles in batches; Rejections pass through in place.

    skip: given the ids of a batch, returns those not to parse (already stored).
    """
    nlp = nlp or load_nlp()
    model = model_version(nlp)
    for chunk, to_parse, known in chunks(items, batch_size=batch_size, skip=skip):
        yield assemble(chunk, known, code_batch(to_parse, nlp=nlp, model=model, batch_size=batch_size))


def chunks(
    items: Iterable[Article | Rejection], *, batch_size: int, skip: Callable[[Sequence[str]], set[str]] | None
) -> Iterator[tuple[list[Article | Rejection], list[Article], set[str]]]:
    """(chunk, articles to parse, ids already stored) for each batch of ``batch_size`` inputs."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, batch_size)):
        articles = [item for item in chunk if isinstance(item, Article)]
        known = skip([a.id for a in articles]) if skip and articles else set()
        yield chunk, [a for a in articles if a.id not in known], known


def assemble(
    chunk: Sequence[Article | Rejection], known: set[str], coded: dict[int, dict[str, Any] | Rejection]
) -> Batch:
    """The Batch of one chunk, in input order: ``coded`` maps ``id(article)`` to its record or Rejection."""
    batch = Batch()
    for item in chunk:
        if isinstance(item, Rejection):
            result: dict[str, Any] | Rejection = item
        elif item.id in known:
            batch.skipped.append(item)
            continue
        else:
            result = coded[id(item)]
        if isinstance(result, Rejection):
            batch.rejections.append(result)
            batch.lines.append(rejection_record(result))
        else:
            batch.records.append(result)
            batch.lines.append(result)
    return batch


def code_batch(
    articles: list[Article], *, nlp: Language, model: str, batch_size: int
) -> dict[int, dict[str, Any] | Rejection]:
    """Parse a batch; if the pipeline fails on it, parse one by one so only the culprit is rejected."""
    out: dict[int, dict[str, Any] | Rejection] = {}
    try:
        for article, doc in parse(articles, nlp=nlp, batch_size=batch_size):
            out[id(article)] = article_record(article, doc, model=model)
        return out
    except Exception:  # noqa: BLE001 - isolate the failing article below
        log.warning("pipeline failed on a batch; retrying article by article", exc_info=True)
    for article in articles:
        try:
            for _, doc in parse([article], nlp=nlp):
                out[id(article)] = article_record(article, doc, model=model)
        except Exception as err:  # noqa: BLE001 - one article must never stop a batch
            wrapped = InputError("E012", source=article.where, detail=f"{type(err).__name__}: {err}")
            out[id(article)] = Rejection(article.source, article.record, wrapped.code, wrapped.detail, article.input_id)
    return out


def code_paths(
    paths: Iterable[str],
    *,
    published: dt.date | None = None,
    nlp: Language | None = None,
    batch_size: int = BATCH_SIZE,
    skip: Callable[[Sequence[str]], set[str]] | None = None,
) -> Iterator[Batch]:
    """Read, structure and code every input under ``paths``."""
    return code_items(read_articles(paths, published=published), nlp=nlp, batch_size=batch_size, skip=skip)


def sentence_article(text: str, *, published: dt.date | None = None, source: str = "<text>", record: int | None = None,
                     input_id: str | None = None) -> Article:
    """An Article whose body is ``text`` as given, without structure detection (gold sentences)."""
    parts = ArticleParts(body=text, offsets=OffsetMap())
    parts.offsets.add(0, 0, len(text))
    return Article(id=content_id(text), text=text, parts=parts, source=source, record=record,
                   input_id=input_id, published=published)


def code_texts(
    texts: Sequence[str], *, dates: Sequence[dt.date | None] | None = None, nlp: Language | None = None
) -> list[list[dict[str, Any]]]:
    """Events for each text, in order: the coder as the eval harness sees it."""
    dates = dates or [None] * len(texts)
    articles = [sentence_article(t, published=d, record=i + 1) for i, (t, d) in enumerate(zip(texts, dates))]
    events: list[list[dict[str, Any]]] = []
    for batch in code_items(articles, nlp=nlp):
        events.extend(line.get("events", []) for line in batch.lines)
    return events
