"""Hand-checked fixtures that point into the news corpora instead of copying them.

The publishers of ../shared/data/news keep their copyright, so a fixture row in tests/fixtures never
holds an article's sentence. It holds where the sentence is, as ``<field>_ref``::

    "sentence_ref": {"corpus": "allsides_abp.jsonl", "id": "abp-...", "start": 120, "end": 262,
                     "sha1": "3f1c2a9b0e4d"}

``start``/``end`` are character offsets into that record's ``text`` (``"spans": [[start, end], ...]``
when the text is paragraphs from several places, joined by blank lines); ``"title": true`` puts the
record's title and a blank line before the slice; ``"within": "text"`` takes the offsets in another
field of the same row once it is resolved. ``sha1`` (the first 12 hex digits of the text's SHA-1)
proves the corpus is the one the fixture was made on. :func:`load_rows` puts each text back under
its field name, and raises :class:`CorpusMissing` where ../shared is absent, so a test can skip.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news"
SUFFIX = "_ref"


class CorpusMissing(FileNotFoundError):
    """The news corpora are not here (they ship only with the development checkout)."""


def digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@cache
def _corpus(path: Path) -> dict[str, dict[str, Any]]:
    records: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                records[str(record["id"])] = record
    return records


def corpus_record(corpus: str, record_id: str, news: Path = NEWS) -> dict[str, Any]:
    path = news / corpus
    if not path.exists():
        raise CorpusMissing(f"{path} is absent: ../shared ships only with the development checkout, not to users")
    try:
        return _corpus(path)[record_id]
    except KeyError:
        raise KeyError(f"{corpus} has no record {record_id!r}") from None


def make_ref(text: str, corpus: str, record_id: str, news: Path = NEWS) -> dict[str, Any]:
    """The reference to ``text`` in a corpus record (its body, or its title + blank line + body slice)."""
    record = corpus_record(corpus, record_id, news)
    body, title = record.get("text") or "", record.get("title") or ""
    ref: dict[str, Any] = {"corpus": corpus, "id": record_id}
    if title and text.startswith(title + "\n\n") and body.find(text) < 0:
        ref["title"] = True
        text_in_body = text[len(title) + 2:]
    else:
        text_in_body = text
    start = body.find(text_in_body)
    if start >= 0:
        ref.update(start=start, end=start + len(text_in_body))
    else:
        # Paragraphs picked from several places of the record, joined by blank lines.
        spans = []
        for piece in text_in_body.split("\n\n"):
            at = body.find(piece)
            if at < 0:
                raise ValueError(f"{corpus} {record_id}: text not found in the record")
            spans.append([at, at + len(piece)])
        ref["spans"] = spans
    ref["sha1"] = digest(text)
    return ref


def _resolve(ref: dict[str, Any], row: dict[str, Any], where: str, news: Path) -> str:
    if "within" in ref:
        text = str(row[ref["within"]])[ref["start"]:ref["end"]]
    else:
        record = corpus_record(ref["corpus"], ref["id"], news)
        body = record.get("text") or ""
        spans = ref.get("spans") or [[ref["start"], ref["end"]]]
        text = "\n\n".join(body[start:end] for start, end in spans)
        if ref.get("title"):
            text = f"{record.get('title') or ''}\n\n{text}"
    if digest(text) != ref["sha1"]:
        raise ValueError(f"{where}: the text at {ref} has changed (sha1 {digest(text)}); re-make the fixture")
    return text


def resolve_row(row: dict[str, Any], where: str = "<row>", news: Path = NEWS) -> dict[str, Any]:
    """The row with every ``<field>_ref`` replaced by ``<field>`` holding the text (corpus refs first)."""
    out = {k: v for k, v in row.items() if not k.endswith(SUFFIX)}
    refs = [(k[: -len(SUFFIX)], v) for k, v in row.items() if k.endswith(SUFFIX)]
    for field, ref in sorted(refs, key=lambda kv: "within" in kv[1]):
        out[field] = _resolve(ref, out, f"{where} field {field!r}", news)
    return out


def load_rows(path: Path, news: Path = NEWS) -> list[dict[str, Any]]:
    """Every row of a fixture, texts put back from the corpora (raises CorpusMissing without them)."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            rows.append(resolve_row(json.loads(line), f"{path.name} line {number}", news))
    return rows


def to_refs(row: dict[str, Any], fields: dict[str, str], id_field: str, news: Path = NEWS) -> dict[str, Any]:
    """A fixture row with its corpus texts replaced by references.

    ``fields`` maps each text field to ``"corpus"`` (find it in the record named by ``row[id_field]``)
    or to the name of another field it lies inside (a quote inside its paragraph).
    """
    record_id = str(row[id_field])
    corpus = corpus_of(record_id, news)
    out: dict[str, Any] = {}
    for key, value in row.items():
        where = fields.get(key)
        if where is None or value is None:
            out[key] = value
        elif where == "corpus":
            out[key + SUFFIX] = make_ref(str(value), corpus, record_id, news)
        else:
            container = str(row[where])
            start = container.find(str(value))
            if start < 0:
                raise ValueError(f"{record_id}: {key!r} is not inside {where!r}")
            out[key + SUFFIX] = {"within": where, "start": start, "end": start + len(str(value)),
                                 "sha1": digest(str(value))}
    return out


def corpus_of(record_id: str, news: Path = NEWS) -> str:
    """The corpus file holding a record id (ids are unique across the corpora)."""
    for path in sorted(news.glob("*.jsonl")):
        if record_id in _corpus(path):
            return path.name
    if not news.exists():
        raise CorpusMissing(f"{news} is absent")
    raise KeyError(f"no corpus under {news} has record {record_id!r}")
