"""Ingest: paths in, :class:`Article` records (or :class:`Rejection` records) out.

Readers are streaming generators. A bad input never stops the batch: it becomes a Rejection with a
code from :mod:`dateline.errors`, naming the file and record and saying what to do.

Inputs: plain text (``.txt`` and anything that decodes as text), HTML pages (``.html``/``.htm`` or
anything starting with ``<!doctype html``/``<html``) through trafilatura, JSON Lines (``.jsonl``:
``id``, ``text`` or ``html``, optional ``title``, ``published``/``date``, ``url``, ``source``; other
fields are kept as metadata), directories (recursively) and globs of these, and ``-`` for stdin.
"""

from __future__ import annotations

import datetime as dt
import glob
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import InputError
from .models import Article, RawDocument, Rejection, content_id
from .structure import structure_text

log = logging.getLogger(__name__)

#: Largest article (or JSON Lines record) accepted, in bytes. A news article is rarely over 100 KB;
#: 5 MB catches a mis-pointed file (a book, a dump) before it costs minutes in the parser.
MAX_BYTES = 5_000_000
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
#: What a directory walk picks up; anything else in a folder is skipped silently (images, .DS_Store).
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
_SNIFF = 8192
_JSONL_KNOWN = {"id", "text", "html", "title", "published", "date", "url", "source"}


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Yield files from paths, directories (recursive, known suffixes, sorted) and globs.

    A path that matches nothing is yielded as is, so that reading it produces E001.
    """
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in KNOWN_SUFFIXES and not child.name.startswith("."):
                    yield str(child)
        elif path.exists():
            yield raw
        elif glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            yield from expand_paths(matches) if matches else [raw]
        else:
            yield raw


def read_raw(paths: Iterable[str], *, max_bytes: int = MAX_BYTES) -> Iterator[RawDocument | Rejection]:
    """Read every input into RawDocument records; failures become Rejections."""
    for source in expand_paths(paths):
        try:
            yield from _read_one(source, max_bytes=max_bytes)
        except InputError as err:
            yield Rejection(source, err.fields.get("record"), err.code, err.detail)


def _read_one(source: str, *, max_bytes: int) -> Iterator[RawDocument | Rejection]:
    if source == "-":
        data = sys.stdin.buffer.read()
        kind = "jsonl" if _looks_jsonl(data) else "auto"
    else:
        path = Path(source)
        if not path.is_file():
            raise InputError("E001", source=source)
        suffix = path.suffix.lower()
        kind = "jsonl" if suffix in JSONL_SUFFIXES else "html" if suffix in HTML_SUFFIXES else "auto"
        size = path.stat().st_size
        if kind != "jsonl" and size > max_bytes:
            raise InputError("E005", source=source, size=size, limit=max_bytes)
        data = path.read_bytes()
    if kind == "jsonl":
        yield from _read_jsonl(source, data, max_bytes=max_bytes)
        return
    text = decode(source, data)
    if kind == "html" or _looks_html(text):
        yield RawDocument(source=source, html=text)
    else:
        yield RawDocument(source=source, text=text)


def decode(source: str, data: bytes, record: int | None = None) -> str:
    """Bytes to text: UTF-8 (with or without BOM), refusing binary and undecodable input."""
    head = data[:_SNIFF]
    if b"\x00" in head:
        raise InputError("E003", source=source, detail="it contains NUL bytes", record=record)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError("E002", source=source, detail=f"byte {err.start}: {err.reason}", record=record) from err
    controls = sum(1 for ch in text[:_SNIFF] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text[:_SNIFF]) // 20):
        raise InputError("E003", source=source, detail=f"{controls} control characters in its first {_SNIFF} bytes", record=record)
    if not text.strip():
        raise InputError("E004", source=source, record=record)
    return text


def _looks_html(text: str) -> bool:
    head = text[:512].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def _looks_jsonl(data: bytes) -> bool:
    return data.lstrip()[:1] == b"{"


def _read_jsonl(source: str, data: bytes, *, max_bytes: int) -> Iterator[RawDocument | Rejection]:
    if b"\x00" in data[:_SNIFF]:
        raise InputError("E003", source=source, detail="it contains NUL bytes")
    if not data.strip():
        raise InputError("E004", source=source)
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield _jsonl_record(source, number, line, max_bytes=max_bytes)
        except InputError as err:
            yield Rejection(source, number, err.code, err.detail, err.fields.get("input_id"))


def _jsonl_record(source: str, number: int, line: bytes, *, max_bytes: int) -> RawDocument:
    if len(line) > max_bytes:
        raise InputError("E005", source=f"{source}:{number}", size=len(line), limit=max_bytes, record=number)
    try:
        obj = json.loads(decode(source, line, record=number))
    except json.JSONDecodeError as err:
        raise InputError("E006", source=source, record=number, detail=err.msg) from err
    if not isinstance(obj, dict):
        raise InputError("E010", source=source, record=number, kind=type(obj).__name__)
    input_id = None if obj.get("id") is None else str(obj["id"])
    text, html = obj.get("text"), obj.get("html")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        raise InputError("E007", source=source, record=number, input_id=input_id)
    published = None
    for key in ("published", "date"):
        if obj.get(key) not in (None, ""):
            try:
                published = parse_date(obj[key], source=source, record=number, field=key)
            except InputError as err:
                err.fields["input_id"] = input_id
                raise
            break
    return RawDocument(
        source=source,
        record=number,
        text=text if isinstance(text, str) and text.strip() else None,
        html=html if isinstance(html, str) and html.strip() else None,
        input_id=input_id,
        title=_str_or_none(obj.get("title")),
        published=published,
        url=_str_or_none(obj.get("url")),
        outlet=_str_or_none(obj.get("source")),
        metadata={k: v for k, v in obj.items() if k not in _JSONL_KNOWN},
    )


def _str_or_none(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def parse_date(value: Any, *, source: str, record: int | None = None, field: str = "published") -> dt.date:
    """``YYYY-MM-DD`` (or an ISO timestamp starting so) to a date; E008 otherwise."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise InputError("E008", source=source, record=record, field=field, value=value)


def build_article(raw: RawDocument, *, published: dt.date | None = None) -> Article:
    """Structure one RawDocument into an Article. ``published`` overrides the record's date."""
    text, title, date, url, outlet = raw.text, raw.title, raw.published, raw.url, raw.outlet
    metadata = dict(raw.metadata)
    if text is None and raw.html is not None:
        text, meta = extract_html(raw.html, source=raw.where)
        title = title or meta.get("title")
        url = url or meta.get("url")
        outlet = outlet or meta.get("sitename")
        if date is None and meta.get("date"):
            try:
                date = dt.date.fromisoformat(str(meta["date"])[:10])
            except ValueError:
                log.debug("%s: ignoring HTML date %r", raw.where, meta["date"])
        metadata.update({f"html_{k}": v for k, v in meta.items() if k in ("author", "description") and v})
    if text is None or not text.strip():
        raise InputError("E004", source=raw.where, record=raw.record)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = structure_text(text, title=title)
    if not parts.body.strip():
        raise InputError("E004", source=raw.where, record=raw.record)
    return Article(
        id=content_id(text),
        text=text,
        parts=parts,
        source=raw.source,
        record=raw.record,
        input_id=raw.input_id,
        published=published or date,
        url=url,
        outlet=outlet,
        metadata=metadata,
    )


def extract_html(html: str, *, source: str) -> tuple[str, dict[str, Any]]:
    """Main text and metadata of an HTML page, through trafilatura. E009 when it finds none."""
    import trafilatura  # imported here: it takes 0.3 s and plain-text runs do not need it

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_precision=True)
    if result is None:
        raise InputError("E009", source=source)
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = data.get("text") or ""
    if not text.strip():
        raise InputError("E009", source=source)
    meta = {k: data.get(k) for k in ("title", "author", "url", "hostname", "date", "sitename", "description")}
    return text, meta


def read_articles(
    paths: Iterable[str], *, published: dt.date | None = None, max_bytes: int = MAX_BYTES
) -> Iterator[Article | Rejection]:
    """Paths in, Articles and Rejections out, in input order. Never raises for one bad input."""
    for item in read_raw(paths, max_bytes=max_bytes):
        if isinstance(item, Rejection):
            yield item
            continue
        try:
            yield build_article(item, published=published)
        except InputError as err:
            yield Rejection(item.source, item.record, err.code, err.detail, item.input_id)
        except Exception as err:  # noqa: BLE001 - one odd article must never stop a batch
            log.exception("%s: unexpected failure while structuring", item.where)
            wrapped = InputError("E012", source=item.where, detail=f"{type(err).__name__}: {err}")
            yield Rejection(item.source, item.record, wrapped.code, wrapped.detail, item.input_id)
