"""The ``dateline_quotes`` stage: finds quotes, attributes them and adds their verbal events."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .cues import Cues, _default_cues, load_cues
from .marks import doc_quotes
from .reported import _reported
from .advice import quoted_appeals
from .judgements import quoted_judgements
from .sides import first_person_sides
from .speakers import _Article, _attribute, _continue_speakers, _pull_quotes, _quote
from .verbal import _verbal_events


@Language.factory("dateline_quotes", default_config={"cues_dir": None},
                  requires=["doc._.actors", "doc._.events"], assigns=["doc._.quotes", "doc._.events"])
def make_quotes(nlp: Language, name: str, cues_dir: str | None) -> Callable[[Doc], Doc]:
    """The quotes stage. cues_dir: a directory with ``cues.tsv``, ``comments.tsv``, ``media.txt``."""
    cues = load_cues(cues_dir)
    return lambda doc: find_quotes(doc, cues=cues)


def find_quotes(doc: Doc, *, cues: Cues | None = None) -> Doc:
    """Find the quotes of ``doc`` with their speakers, and link them to events (``doc._.quotes``)."""
    cues = cues or _default_cues()
    spans = doc_quotes(doc)
    art = _Article(doc, cues, spans)
    quotes = [q for q in (_quote(art, span) for span in spans) if q is not None]
    tops = [q for q in quotes if q.depth == 0]
    for q in quotes:
        enclosing = None if q.depth == 0 else next(
            (t for t in tops if t.start <= q.start and q.end <= t.end), None)
        _attribute(art, q, enclosing)
    _continue_speakers(art, [q for q in quotes if q.depth == 0])
    quotes.extend(_reported(art))
    _pull_quotes(art, quotes)
    quotes.sort(key=lambda q: (q.start, q.depth, q.end))
    events = doc._.events if doc._.events is not None else []
    first_person_sides(art, quotes, events)
    _verbal_events(art, quotes, events)
    quoted_appeals(art, quotes, events)
    quoted_judgements(art, quotes, events)
    doc._.events = events
    doc._.quotes = [q.to_dict() for q in quotes]
    return doc


def iter_speakers(quotes: Iterable[dict[str, Any]]) -> list[str | None]:
    """The speaker names of output quotes, in order (for evaluation scripts)."""
    return [(q.get("speaker") or {}).get("text") for q in quotes]
