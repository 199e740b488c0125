"""The output contract: one JSON object per article, documented in ``schema/article.schema.json``.

This is the one place where an (Article, Doc) pair becomes data. ``dateline extract`` prints these
records and :mod:`dateline.store` writes them to tables, so the JSON and the database never drift.

The typed records (:class:`Event`, :class:`ActorRef`, :class:`Quote`, :data:`Modality`) are the
shapes the stages write on the Doc; tests/unit/test_record.py checks them against the schema. (No
``from __future__ import annotations`` here: TypedDict reads ``NotRequired`` at run time.)
"""

import json
from functools import cache
from importlib import resources
from typing import Any, Literal, NotRequired, TypedDict

from spacy.tokens import Doc

from . import __version__
from .confidence import is_counted
from .doc import sentences
from .ids import event_ids
from .models import Article, Rejection

CODER = f"dateline {__version__}"
SCHEMA_VERSION = "1"

#: How an event is told: done, meant, conditional, background, or long past (docs/output.md).
Modality = Literal["asserted", "intended", "hypothetical", "reported", "historical"]


class ActorRef(TypedDict):
    """An event's source or target, or a quote's speaker: the actor a stretch of text names."""

    text: str
    code: str | None
    country: str | None
    sector: str | None
    #: the rule behind a side not read off the parse ("{country}UAF" for an unattributed bombing)
    evidence: NotRequired[str]
    #: internal to the events stage while it ranks sides (named actors before unnamed groups)
    _named: NotRequired[bool]


class EventDate(TypedDict):
    """An event's date: left empty by the events stage, filled by the dates stage."""

    value: str | None
    granularity: str | None
    source: str | None
    text: NotRequired[str | None]
    range: NotRequired[list[str | None] | None]


class EventRules(TypedDict, total=False):
    """``evidence.rules``: the name of the rule (a function) or lexicon entry (a data row) behind
    each decision on an event (docs/output.md)."""

    trigger: str
    code: str
    source: str
    target: str
    modality: str
    date: str
    #: the strategy that gave a side without a country its country (dateline.actors.countries)
    source_country: str
    target_country: str
    #: "learned": the learned root correction replaced the coded root (dateline.roots_model)
    root: str
    #: the rule gate that un-counts the event once its sides are chosen ("domestic_statement",
    #: "unplaced_statement", "unplaced_intent": dateline.actors.countries.domestic_statement, unplaced_statement,
    #: unplaced_intent)
    gate: str
    #: the session-42 modality cue rules that made the event not asserted or negated, "+"-joined
    #: (dateline.confidence.MODALITY_CUE_KEY; no feature of any model)
    modality_cue: str


class Event(TypedDict):
    """One event in the output shape of ``doc._.events`` (made only by ``events.make_event``)."""

    source: ActorRef | None
    target: ActorRef | None
    cameo: str
    plover: dict[str, str | None]
    date: EventDate
    location: dict[str, Any] | None
    negated: bool
    modality: Modality
    #: the act's own time phrase puts it well before the story's news (a year before last, "18 years
    #: ago", "in the 1970s", "during World War Two"); with a year or "N years ago" it is asserted and
    #: dated by the text, an era alone makes it ``historical`` (not counted)
    background: NotRequired[bool]
    reciprocal: bool
    quote: int | None
    sentence: int
    span: list[int]
    trigger: str
    #: ``rules`` on every event; ``kind``, ``sentence``, ``span``, ``text`` when completed from a later sentence
    evidence: dict[str, Any]
    #: the stable event-mention id (dateline.ids), added when the record is made
    id: NotRequired[str]
    #: the estimated probability that the event is a real act with the right root and countries (dateline.confidence)
    confidence: NotRequired[float]
    #: whether the default export and the scores count it (dateline.confidence.is_counted): asserted, not negated, not
    #: un-counted by the act filter (evidence.act_filter) nor by a rule gate (evidence.rules.gate), confidence at or
    #: above the threshold
    counted: NotRequired[bool]


class Quote(TypedDict):
    """One quote in the output shape of ``doc._.quotes``."""

    text: str
    speaker: ActorRef | None
    kind: str
    cue: str | None
    medium: str | None
    sentence: int
    span: list[int]
    pull_quote: bool
    pull_quote_text: str | None
    events: list[int]


def sentence_offsets(doc: Doc) -> list[dict[str, int]]:
    """The body's sentences as output, ``{index, start, end}``: each ends at its last non-space character. spaCy keeps
    a paragraph break ("\\n\\n") in the sentence before it, as a whitespace token; a sentence's offsets and its text
    in every output (``sentences.text``, the exports' ``sentence_text``) leave it out. The start is spaCy's (the
    labels key on it). A sentence of whitespace only is empty, ``end == start``."""
    text = doc.text
    return [{"index": i, "start": sent.start_char,
             "end": sent.start_char + len(text[sent.start_char:sent.end_char].rstrip())}
            for i, sent in enumerate(sentences(doc))]


def article_record(article: Article, doc: Doc, *, model: str) -> dict[str, Any]:
    """The output record of one article (see docs/output.md for every field)."""
    parts = article.parts
    events = [dict(event) for event in (doc._.events or [])]
    for event, event_id in zip(events, event_ids(article.id, CODER, events)):
        event["id"] = event_id
        if "counted" not in event:  # a pipeline without the confidence stage: the rule without a threshold
            event["counted"] = is_counted(event, 0.0)
    return {
        "id": article.input_id or article.id,
        "article": {
            "id": article.id,
            "publication": parts.publication,
            "headline": parts.headline,
            "deck": parts.deck,
            "byline": parts.byline,
            "dateline": parts.dateline,
            "published": article.published.isoformat() if article.published else None,
            "body": parts.body,
            "captions": [caption.to_dict() for caption in parts.captions],
            "pull_quotes": [quote.to_dict() for quote in parts.pull_quotes],
            "removed": [item.to_dict() for item in parts.removed],
            "url": article.url,
            "outlet": article.outlet,
            "metadata": article.metadata,
        },
        "sentences": sentence_offsets(doc),
        "actors": [
            {
                "name": actor["name"],
                "code": actor.get("code"),
                "country": actor.get("country"),
                "sector": actor.get("sector"),
                "entity_type": actor.get("label"),
                "kb_id": actor.get("kb_id"),
                "evidence": actor.get("evidence", []),
                "mentions": actor.get("mentions", []),
            }
            for actor in (doc._.actors or [])
        ],
        "events": events,
        "quotes": list(doc._.quotes or []),
        "timexes": list(doc._.timexes or []),
        "places": list(doc._.places or []),
        "provenance": {
            "source": article.source,
            "record": article.record,
            "input_id": article.input_id,
            "coder": CODER,
            "model": model,
            "schema": SCHEMA_VERSION,
            "body_offsets": parts.offsets.to_list(),
        },
    }


def rejection_record(rejection: Rejection) -> dict[str, Any]:
    """The output line for an input that was rejected (JSON Lines keeps one line per input line)."""
    return {
        "id": rejection.input_id,
        "error": {
            "code": rejection.code,
            "message": rejection.reason,
            "source": rejection.source,
            "record": rejection.record,
        },
    }


@cache
def output_schema() -> dict[str, Any]:
    """The JSON Schema of :func:`article_record` output, shipped with the package."""
    text = resources.files("dateline").joinpath("schema/article.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
