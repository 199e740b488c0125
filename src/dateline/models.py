"""The data model that travels between stages: inputs, article structure, articles, rejections.

Stages are small and typed: ``ingest`` turns paths into :class:`RawDocument` records, ``structure``
turns raw text into :class:`ArticleParts`, ``ingest`` wraps both into an :class:`Article`. NLP results
live on the spaCy ``Doc`` (``doc._.actors``, ``doc._.events``, ``doc._.quotes``); only ``record`` and
``store`` turn Docs into output rows.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Segment:
    """A run of ``length`` characters copied unchanged from ``original[orig_start:]`` to
    ``body[body_start:]``."""

    body_start: int
    orig_start: int
    length: int


@dataclass
class OffsetMap:
    """Maps character offsets in the cleaned body back to the original text.

    The body is made of paragraphs, each a contiguous slice of the original, joined by
    separators that exist only in the body. An offset inside a separator maps to the end of the
    previous segment.
    """

    segments: list[Segment] = field(default_factory=list)

    def add(self, body_start: int, orig_start: int, length: int) -> None:
        self.segments.append(Segment(body_start, orig_start, length))

    def to_original(self, offset: int) -> int:
        """Original-text offset of body offset ``offset`` (an end offset maps to an end)."""
        if not self.segments:
            return offset
        starts = [s.body_start for s in self.segments]
        i = max(0, bisect.bisect_right(starts, offset) - 1)
        seg = self.segments[i]
        return seg.orig_start + min(max(offset - seg.body_start, 0), seg.length)

    def to_list(self) -> list[list[int]]:
        return [[s.body_start, s.orig_start, s.length] for s in self.segments]


@dataclass
class Caption:
    """A photo caption. ``credit`` is the photographer/agency found between ``??`` markers."""

    text: str
    credit: str | None = None
    start: int = 0  # offsets in the original text
    end: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "credit": self.credit}


@dataclass
class PullQuote:
    """A display quote repeated from the body (``‘...’ —Name, Affiliation``).

    ``body_start``/``body_end`` point at the repeated text in the body, or are None when the
    body does not contain it.
    """

    text: str
    attribution: str | None = None
    start: int = 0  # offsets in the original text
    end: int = 0
    body_start: int | None = None
    body_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "attribution": self.attribution,
            "body_span": None if self.body_start is None else [self.body_start, self.body_end],
        }


@dataclass
class Removed:
    """Something dropped from the body, and why (kind: masthead, footer, caption, ...)."""

    kind: str
    text: str
    reason: str
    start: int = 0  # offsets in the original text
    end: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "reason": self.reason, "span": [self.start, self.end]}


@dataclass
class ArticleParts:
    """The structure of one article: what is body and what is furniture around it."""

    body: str
    offsets: OffsetMap = field(default_factory=OffsetMap)
    publication: str | None = None
    headline: str | None = None
    deck: str | None = None
    byline: str | None = None
    dateline: str | None = None
    captions: list[Caption] = field(default_factory=list)
    pull_quotes: list[PullQuote] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)


def source_where(source: str, record: int | None) -> str:
    """Where an input came from, for messages: ``path``, or ``path:line`` for a record of a JSON Lines file (the
    ``where`` of :class:`RawDocument`, :class:`Article` and :class:`Rejection`)."""
    return source if record is None else f"{source}:{record}"


@dataclass
class RawDocument:
    """One input record before structure: the text (or HTML) and what came with it."""

    source: str  # file path, or "-" for standard input
    record: int | None = None  # 1-based line number in a JSON Lines file
    text: str | None = None
    html: str | None = None
    input_id: str | None = None
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    outlet: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def where(self) -> str:
        return source_where(self.source, self.record)


@dataclass
class Article:
    """A structured article, ready for the NLP pipeline. ``id`` is a content hash."""

    id: str
    text: str  # the original text (for HTML: the extracted main text)
    parts: ArticleParts
    source: str
    record: int | None = None
    input_id: str | None = None
    published: dt.date | None = None
    url: str | None = None
    outlet: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def body(self) -> str:
        return self.parts.body

    @property
    def where(self) -> str:
        return source_where(self.source, self.record)


@dataclass
class Rejection:
    """An input that could not become an article: stored, reported, never fatal to a batch."""

    source: str
    record: int | None
    code: str
    reason: str
    input_id: str | None = None  # the record's own id, when it had one

    @property
    def where(self) -> str:
        return source_where(self.source, self.record)


def content_id(text: str) -> str:
    """Stable article id: the first 16 hex digits of the SHA-256 of the text, newlines normalised.

    The same article read from a .txt file, a JSON Lines record or stdin gets the same id.
    """
    norm = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]
