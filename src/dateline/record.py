"""The output contract: one JSON object per article, documented in ``schema/article.schema.json``.

This is the one place where an (Article, Doc) pair becomes data. ``dateline extract`` prints these
records and :mod:`dateline.store` writes them to tables, so the JSON and the database never drift.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc

from . import __version__
from .ids import event_ids
from .models import Article, Rejection

CODER = f"dateline {__version__}"
SCHEMA_VERSION = "1"


def article_record(article: Article, doc: Doc, *, model: str) -> dict[str, Any]:
    """The output record of one article (see docs/output.md for every field)."""
    parts = article.parts
    events = [dict(event) for event in (doc._.events or [])]
    for event, event_id in zip(events, event_ids(article.id, CODER, events)):
        event["id"] = event_id
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
        "sentences": [
            {"index": i, "start": sent.start_char, "end": sent.end_char}
            for i, sent in enumerate(doc.sents)
        ],
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
