"""Ingest: paths in, :class:`Article` records (or :class:`Rejection` records) out.

Readers are streaming generators. A bad input never stops the batch: it becomes a Rejection with a
code from :mod:`dateline.errors`, naming the file and record and saying what to do.

Inputs: plain text (``.txt`` and anything that decodes as text), HTML pages (``.html``/``.htm`` or
anything starting with ``<!doctype html``/``<html``) through trafilatura, JSON Lines (``.jsonl``:
``id``, ``text`` or ``html``, optional ``title``, ``published``/``date``, ``url``, ``source``; other
fields are kept as metadata), directories (recursively) and globs of these, and ``-`` for stdin.
Files compressed with gzip, bzip2 or xz (``news.jsonl.gz``) are read as the file inside.

Every string that comes in is sanitised at this edge: lone UTF-16 surrogates (``"\\ud800"`` escaped
in JSON, or undecodable bytes in a file name) are replaced by U+FFFD with a warning (W003), so that
nothing downstream (spaCy, hashing, DuckDB) ever sees a string that cannot be encoded as UTF-8.
"""

from __future__ import annotations

import bz2
import datetime as dt
import errno
import glob
import gzip
import io
import json
import logging
import lzma
import os
import re
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import Errors, InputError
from .models import Article, RawDocument, Rejection, content_id
from .structure import compare_form, structure_text

log = logging.getLogger(__name__)

#: Largest article (or JSON Lines record) accepted, in bytes. A news article is rarely over 100 KB;
#: 5 MB catches a mis-pointed file (a book, a dump) before it costs minutes in the parser.
MAX_BYTES = 5_000_000
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
#: What a directory walk picks up; anything else in a folder is skipped silently (images, .DS_Store).
#: Compressed files are read through the stdlib module that opens them (``news.jsonl.gz``).
COMPRESSED: dict[str, Callable[..., Any]] = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
#: Formats recognised by their first bytes; anything compressed but not in COMPRESSED gets E017.
_MAGIC = {b"\x1f\x8b": ".gz", b"BZh": ".bz2", b"\xfd7zXZ\x00": ".xz", b"PK\x03\x04": "zip",
          b"(\xb5/\xfd": "zstd", b"7z\xbc\xaf\x27\x1c": "7z"}
_SURROGATE = re.compile("[\ud800-\udfff]")
_SNIFF = 8192
_JSONL_KNOWN = {"id", "text", "html", "title", "published", "date", "url", "source"}


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Yield files from paths, directories (recursive, known suffixes, sorted) and globs.

    A path that matches nothing, and a directory that cannot be listed, are yielded as they are,
    so that reading them produces a coded rejection (E001, E014) instead of silence.
    """
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists() or path.is_symlink():
            yield raw
        elif glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            yield from expand_paths(matches) if matches else [raw]
        else:
            yield raw


def _walk(top: Path) -> Iterator[str]:
    """Files with known suffixes under ``top``, sorted; directories that cannot be listed included."""
    found: list[Path] = []

    def unreadable(err: OSError) -> None:
        found.append(Path(err.filename) if err.filename else top)

    for folder, dirs, files in os.walk(top, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(folder, name) for name in files if not name.startswith(".") and _known(name)]
    if not found:  # read as itself: a coded rejection (E018) instead of a run that codes nothing, silently
        yield str(top)
    for path in sorted(found):
        yield str(path)


def _known(name: str) -> bool:
    suffixes = [s.lower() for s in Path(name).suffixes[-2:]]
    if suffixes and suffixes[-1] in COMPRESSED:
        suffixes.pop()
    return (suffixes[-1] if suffixes else "") in KNOWN_SUFFIXES


def sanitise(value: Any) -> tuple[Any, int]:
    """``value`` with lone surrogates in every string (nested in lists and dicts) replaced by U+FFFD.

    RETURNS (tuple): the clean value and how many characters were replaced.
    """
    if isinstance(value, str):
        return _SURROGATE.subn("\ufffd", value)
    if isinstance(value, list):
        pairs = [sanitise(v) for v in value]
        return [v for v, _ in pairs], sum(n for _, n in pairs)
    if isinstance(value, dict):
        out, count = {}, 0
        for key, item in value.items():
            clean_key, n_key = sanitise(key)
            out[clean_key], n_item = sanitise(item)
            count += n_key + n_item
        return out, count
    return value, 0


def read_raw(paths: Iterable[str], *, max_bytes: int = MAX_BYTES) -> Iterator[RawDocument | Rejection]:
    """Read every input into RawDocument records; failures become Rejections. A record id seen before in
    the run is kept, with a warning (W002)."""
    seen_ids: set[int] = set()  # hashes of the input ids: a million ids cost tens of MB, not hundreds
    for source in expand_paths(paths):
        try:
            for item in _read_one(source, max_bytes=max_bytes):
                if isinstance(item, RawDocument) and item.input_id is not None:
                    key = hash(item.input_id)
                    if key in seen_ids:
                        log.warning("[W002] %s", Errors.W002.format(source=item.source, record=item.record,
                                                                   input_id=item.input_id))
                    seen_ids.add(key)
                yield item
        except InputError as err:
            yield Rejection(sanitise(source)[0], err.fields.get("record"), err.code, err.detail)
        except Exception as err:  # noqa: BLE001 - an input we did not foresee must not stop the run
            log.exception("%s: unexpected failure while reading", sanitise(source)[0])
            wrapped = InputError("E012", source=sanitise(source)[0], detail=f"{type(err).__name__}: {err}")
            yield Rejection(sanitise(source)[0], None, wrapped.code, wrapped.detail)


def _read_one(source: str, *, max_bytes: int) -> Iterator[RawDocument | Rejection]:
    if source == "-":
        data = sys.stdin.buffer.read()
        kind = "jsonl" if _looks_jsonl(data) else "auto"
        if kind == "jsonl":
            yield from _read_jsonl(source, io.BytesIO(data), max_bytes=max_bytes)
            return
    else:
        shown, _ = sanitise(source)
        path = Path(source)
        size = _stat(source, shown)
        suffixes = [s.lower() for s in path.suffixes[-2:]]
        opener = COMPRESSED.get(suffixes[-1]) if suffixes else None
        if opener is not None:
            suffixes.pop()
        suffix = suffixes[-1] if suffixes else ""
        kind = "jsonl" if suffix in JSONL_SUFFIXES else "html" if suffix in HTML_SUFFIXES else "auto"
        if kind != "jsonl" and opener is None and size > max_bytes:
            raise InputError("E005", source=shown, size=size, limit=max_bytes)
        try:
            if opener is None:
                with open(path, "rb") as handle:
                    start = handle.read(8)
                magic = next((name for prefix, name in _MAGIC.items() if start.startswith(prefix)), None)
                if magic in COMPRESSED:  # compressed, whatever its name says
                    opener = COMPRESSED[magic]
                elif magic is not None:
                    raise InputError("E017", source=shown, detail=f"it is a {magic} archive",
                                     hint="extract it and pass the files inside")
            with (opener or open)(path, "rb") as handle:
                head = handle.read(_SNIFF)
                if kind == "jsonl" or (kind == "auto" and _looks_jsonl(head)):
                    if (wide := wide_encoding(head)) is not None:  # its lines cannot be split at b"\n"
                        raise InputError("E002", source=shown, detail=_wide_detail(wide) + "; JSON Lines must be UTF-8")
                    if b"\x00" in head and not _looks_jsonl(head):
                        raise InputError("E003", source=shown, detail="it contains NUL bytes")
                    handle.seek(0)  # stream the lines: a corpus file may be far larger than memory
                    yield from _read_jsonl(shown, handle, max_bytes=max_bytes)
                    return
                data = head + handle.read(max_bytes + 1 - len(head))
        except OSError as err:
            if opener is not None and not isinstance(err, (PermissionError, FileNotFoundError)):
                raise InputError("E017", source=shown, detail=f"{type(err).__name__}: {err}",
                                 hint="check the archive (e.g. `gzip -t FILE`) or decompress it first") from err
            raise _os_error(err, shown) from err
        except (EOFError, lzma.LZMAError, zlib.error) as err:  # a truncated or corrupt archive
            raise InputError("E017", source=shown, detail=f"{type(err).__name__}: {err}",
                             hint="check the archive (e.g. `gzip -t FILE`) or decompress it first") from err
        if len(data) > max_bytes:
            raise InputError("E005", source=shown, size=len(data), limit=max_bytes)
        source = shown
    text = decode(source, data)
    if kind == "html" or _looks_html(text):
        yield RawDocument(source=source, html=text)
    else:
        yield RawDocument(source=source, text=text)


def _stat(source: str, shown: str) -> int:
    """The size of a regular file; a coded rejection for anything that cannot be opened as one."""
    try:
        if os.path.isdir(source):
            # A directory reaches here when it cannot be listed, or holds no input file (see _walk).
            os.listdir(source)
            raise InputError("E018", source=shown, detail=_other_files(source))
        info = os.stat(source)
    except OSError as err:
        raise _os_error(err, shown) from err
    if not stat.S_ISREG(info.st_mode):
        # A FIFO, socket or device: opening or reading it could wait forever.
        raise InputError("E014", source=shown, detail="not a regular file (a pipe, socket or device)")
    return info.st_size


def _other_files(top: str) -> str:
    """What a directory without input files holds instead, for E018: "empty" or "2 other files (.csv, .png)"."""
    names = [name for _, _, files in os.walk(top) for name in files]
    if not names:
        return "it is empty"
    kinds = sorted({Path(name).suffix.lower() or Path(name).name for name in names})
    shown = ", ".join(kinds[:5]) + (", ..." if len(kinds) > 5 else "")
    return f"{len(names):,} other or hidden file(s): {shown}"


def _os_error(err: OSError, shown: str) -> InputError:
    if err.errno == errno.ELOOP:
        return InputError("E015", source=shown)
    if err.errno in (errno.ENOENT, errno.ENOTDIR):
        return InputError("E001", source=shown)
    return InputError("E014", source=shown, detail=err.strerror or type(err).__name__)


def wide_encoding(head: bytes) -> str | None:
    """``utf-16``/``utf-32`` when ``head`` starts with their byte order mark, ``utf-16-le``/``-be`` when
    it looks like UTF-16 without one (every other byte NUL: Latin-script text), else None."""
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = head[:len(head) - len(head) % 2]
    for name, text, zeros in (("utf-16-le", sample[0::2], sample[1::2]), ("utf-16-be", sample[1::2], sample[0::2])):
        if len(sample) >= 8 and b"\x00" not in text and zeros.count(0) >= 0.9 * len(zeros):
            return name
    return None


def decode(source: str, data: bytes, record: int | None = None) -> str:
    """Bytes to text: UTF-8 (with or without BOM), refusing binary and undecodable input. A whole
    file in UTF-16 or UTF-32 (a byte order mark, or every other byte NUL) is decoded as such, with a
    warning (W001); a JSON Lines line (``record``) never is: its file was split at UTF-8 newlines."""
    wide = wide_encoding(data[:_SNIFF])
    if wide is not None:
        if record is not None:
            raise InputError("E002", source=source, record=record, detail=_wide_detail(wide))
        try:
            text = data.decode(wide)
        except UnicodeDecodeError as err:
            raise InputError("E002", source=source, detail=f"{_wide_detail(wide)}, broken at byte {err.start}") from err
        if "\x00" in text:
            raise InputError("E003", source=source, detail=f"a NUL character in its {wide.upper()} text")
        log.warning("[W001] %s", Errors.W001.format(source=source, encoding=wide.upper()))
        return _checked_text(source, text.lstrip("\ufeff"), record)
    nul = data.find(b"\x00")
    if nul >= 0:  # anywhere in the input, not only in its first bytes
        raise InputError("E003", source=source, detail=f"a NUL byte at byte {nul:,}", record=record)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError("E002", source=source, detail=f"byte {err.start:,}: {err.reason}", record=record) from err
    return _checked_text(source, text, record)


def _wide_detail(wide: str) -> str:
    bom = "with a byte order mark" if wide in ("utf-16", "utf-32") else "without a byte order mark"
    return f"it is {wide.upper()} text, {bom}"


def _checked_text(source: str, text: str, record: int | None) -> str:
    """Decoded text that is not mostly control characters and not blank (E003, E004)."""
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
    """Whether input without a JSON Lines suffix is JSON Lines: it starts with "{" and its first line
    is a JSON object (a text that opens with a brace, "{Editor's note} ...", stays a text). A first
    line longer than ``data`` (the sniffed head) cannot be checked and counts as JSON Lines."""
    stripped = data.lstrip()
    if stripped[:1] != b"{":
        return False
    first, newline, _ = stripped.partition(b"\n")
    if not newline and len(data) >= _SNIFF:
        return True
    try:
        return isinstance(json.loads(first.decode("utf-8", "replace")), dict)
    except ValueError:
        return False


def _read_jsonl(source: str, lines: Iterable[bytes], *, max_bytes: int) -> Iterator[RawDocument | Rejection]:
    """One RawDocument or Rejection per non-blank line: a bad line (NUL bytes, broken JSON, too
    large) costs only itself."""
    seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        seen = True
        try:
            yield _jsonl_record(source, number, line.rstrip(b"\r\n"), max_bytes=max_bytes)
        except InputError as err:
            yield Rejection(source, number, err.code, err.detail, err.fields.get("input_id"))
    if not seen:
        raise InputError("E004", source=source)


def _jsonl_record(source: str, number: int, line: bytes, *, max_bytes: int) -> RawDocument:
    if len(line) > max_bytes:
        raise InputError("E005", source=f"{source}:{number}", size=len(line), limit=max_bytes, record=number)
    if b"\x00" in line:
        column = line.index(b"\x00") + 1
        raise InputError("E003", source=f"{source}:{number}", detail=f"a NUL byte at column {column}", record=number)
    try:
        parsed = json.loads(decode(f"{source}:{number}", line, record=number))
    except json.JSONDecodeError as err:
        raise InputError("E006", source=source, record=number, detail=f"{err.msg}: column {err.colno}") from err
    except RecursionError as err:  # '[[[[...' nested deeper than the JSON parser's stack
        raise InputError("E006", source=source, record=number, detail="nested too deeply") from err
    if not isinstance(parsed, dict):
        raise InputError("E010", source=source, record=number, kind=json_kind(parsed))
    obj, replaced = sanitise(parsed)
    if replaced:
        log.warning("[W003] %s", Errors.W003.format(source=source, record=number, count=replaced))
    input_id = None if obj.get("id") is None else str(obj["id"])
    text, html = obj.get("text"), obj.get("html")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        raise InputError("E007", source=source, record=number, input_id=input_id, detail=_why_no_text(obj))
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


def json_kind(value: Any) -> str:
    """The JSON name of a parsed value's type: object, array, string, number, boolean or null."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    kinds: dict[type, str] = {dict: "object", list: "array", str: "string"}
    return kinds.get(type(value), type(value).__name__)


def _why_no_text(obj: dict[str, Any]) -> str:
    present = {key: obj[key] for key in ("text", "html") if key in obj}
    if not present:  # name what it has: a corpus's "body" or "content" is then plain to see (walk47)
        keys = [repr(str(key)[:30]) for key in list(obj)[:8]] + (["..."] if len(obj) > 8 else [])
        return "it has no 'text' or 'html' field" + (f" (its fields: {', '.join(keys)})" if keys else " (it is {})")
    return "; ".join(f"'{key}' is " + (repr(value[:20]) if isinstance(value, str) else
                                       "null" if value is None else f"a JSON {json_kind(value)}")
                     for key, value in present.items())


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
    meta: dict[str, Any] = {}
    if text is None and raw.html is not None:
        text, meta = extract_html(raw.html, source=raw.where)
        title = title or meta.get("title")
        url = url or meta.get("url")
        outlet = outlet or meta.get("site") or meta.get("sitename")  # the page's own name, else its host's
        if date is None and meta.get("date"):
            try:
                date = dt.date.fromisoformat(str(meta["date"])[:10])
            except ValueError:
                log.debug("%s: ignoring HTML date %r", raw.where, meta["date"])
        metadata.update({f"html_{k}": v for k, v in meta.items() if k in ("author", "description") and v})
    if text is None or not text.strip():
        raise InputError("E004", source=raw.where, record=raw.record)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    from_html = raw.text is None and raw.html is not None
    parts = structure_text(text, title=title, line_paragraphs=from_html,  # trafilatura: a line per paragraph
                           site=meta.get("site") if from_html else None)
    if from_html and parts.byline is None and metadata.get("html_author"):
        parts.byline = str(metadata["html_author"])  # the page's author when its text has no "By ..." line
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
    meta["site"] = page_site(html, meta)
    return text, meta


#: The marks between a page title's headline and its site name that :func:`page_site` reads ("Headline | Site",
#: "Headline - Site", an en or em dash). trafilatura's split of the title (``metadata.HTMLTITLE_REGEX``) also cuts
#: at ":", "·", "»" and others, which set off a section or a topic as often as a site.
TITLE_SITE_MARKS = frozenset("|-\u2013\u2014")
#: The longest site name read off a title, in words.
TITLE_SITE_WORDS = 6


def page_site(html: str, meta: dict[str, Any]) -> str | None:
    """The name an HTML page gives its own site (the article's publication when its text names none; walk48):
    trafilatura's ``sitename`` (``og:site_name``, ``article:publisher``, a publisher or application-name meta tag,
    ``twitter:site``, JSON-LD's ``publisher``, a part of the ``<title>`` with a dot in it when that part is a host
    name, "lakeside-courier.example"), unless trafilatura took it from the URL's host, its last resort; else the part
    of the ``<title>`` after the headline ("Kenya and Uganda sign an accord | The Lakeside Courier"), as trafilatura
    splits the title, when the part before it is the headline that the page also gives in an ``h1``/``h2`` or a
    title meta tag (``og:title``, ``twitter:title``), or that headline's first words, and the part is in none of
    them, the mark between them is one of :data:`TITLE_SITE_MARKS`, and the part is a name: at most
    :data:`TITLE_SITE_WORDS` words, one with a capital, no closing stop."""
    from trafilatura.metadata import META_URL, examine_title_element
    from trafilatura.utils import load_html

    tree = load_html(html)
    title, headline, site = examine_title_element(tree) if tree is not None else ("", None, None)
    sitename = str(meta.get("sitename") or "").strip()
    host = META_URL.match(str(meta.get("url") or ""))
    if sitename and not (host and sitename == host[1]):
        if sitename not in (headline, site) or re.fullmatch(r"\S+\.\w+", sitename):
            return sitename  # (a title part trafilatura took for its dot must be a host name, not a sentence)
    if tree is None or not headline or not site:
        return None
    mark = title[len(headline):len(title) - len(site)].strip()
    words = site.split()
    if mark not in TITLE_SITE_MARKS or not 0 < len(words) <= TITLE_SITE_WORDS or site.rstrip()[-1] in ".?!" \
            or not any(w[:1].isupper() for w in words) or compare_form(site) == compare_form(headline):
        return None
    given = [compare_form(h.text_content()) for h in tree.iter("h1", "h2")]
    given += [compare_form(t) for t in
              tree.xpath("//head/meta[@property='og:title' or @name='twitter:title' or @name='title']/@content")]
    shown, name = compare_form(headline), compare_form(site)
    # the headline shown, or its start ("... border accord" of "... border accord after weeks of tension"), and the
    # part after the mark none of the headline's own words ("Kenya - Uganda border accord signed")
    if any(g == shown or g.startswith(shown + " ") for g in given) and not any(name in g for g in given):
        return site.strip()
    return None


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
