"""Stable, content-derived ids for what the coder finds in an article.

An article's id is the hash of its text (:func:`dateline.models.content_id`). An event mention's id is
the hash of that article id, the coder version and what identifies the mention inside the article:
the trigger's offsets, the CAMEO code and both sides (text and code). It is the same on every re-run
of the same coder over the same article, on any machine or Dask worker, and does not depend on the
order in which events were found. Two mentions that agree on all of these (rare: one trigger coded twice with
the same code and sides) get ``-2``, ``-3`` ... suffixes in the order the coder emitted them
(:data:`EVENT_ID_PATTERN`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

#: Hex digits kept from the SHA-256: 16 (64 bits) as for article ids.
ID_LENGTH = 16
#: An event mention's id, with its suffix when it has one (the JSON Schema's pattern; `dateline serve` checks ids
#: against it).
EVENT_ID_PATTERN = r"^[0-9a-f]{16}(-[0-9]+)?$"


def _side(actor: Any) -> str:
    if not isinstance(actor, Mapping):
        actor = {}
    return f"{actor.get('text') or ''}\x1f{actor.get('code') or ''}"


def event_key(article_id: str, coder: str, event: Mapping[str, Any]) -> str:
    """The text hashed into an event mention's id (see module docstring)."""
    span = event.get("span") or [None, None]
    return "\x1e".join([
        article_id, coder, str(span[0]), str(span[1]), str(event.get("cameo") or ""),
        _side(event.get("source")), _side(event.get("target")),
    ])


def event_ids(article_id: str, coder: str, events: Iterable[Mapping[str, Any]]) -> list[str]:
    """One stable id per event mention of an article, in the order given."""
    out: list[str] = []
    seen: dict[str, int] = {}
    for event in events:
        digest = hashlib.sha256(event_key(article_id, coder, event).encode("utf-8", "surrogatepass")).hexdigest()
        base = digest[:ID_LENGTH]
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return out
