"""What every stage knows about a Doc: its extensions, its sentences and its paragraphs.

A shared module: it imports no stage, and every stage may import it. It holds the one definition
of a paragraph (:data:`PARAGRAPH_BREAK`: a blank line) in its three forms: character spans
(:func:`paragraph_spans`, for the quotes stage, which works on text), a paragraph number per
sentence (:func:`sentence_paragraphs`, for the dates stage) and the ``dateline_paragraphs``
component, which starts a sentence after every blank-line token so that no sentence spans two
paragraphs.

Doc extensions (registered on import, set on every Doc by :func:`dateline.nlp.make_doc`):

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
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import numpy
from spacy.attrs import DEP, HEAD, IDX, IS_SPACE, LOWER, ORTH, POS, SENT_START, SPACY
from spacy.language import Language
from spacy.symbols import IDS
from spacy.tokens import Doc, Span, Token

from .lang.en import DEFINITE_DETERMINERS

T = TypeVar("T")

#: Extensions that hold a list; :func:`dateline.nlp.make_doc` starts each Doc with empty lists.
LIST_EXTENSIONS = ("actors", "events", "quotes", "pull_quotes", "timexes", "places")
#: A paragraph ends at a blank line (two line breaks with only spaces or tabs between them).
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def register_extensions() -> None:
    """Register the Doc extensions above (idempotent; done on import)."""
    for name in ("article_id", "published", "dateline", "headline", *LIST_EXTENSIONS):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


@Language.component("dateline_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so that no sentence spans two paragraphs.

    All boundaries are set in one ``Doc.from_array``: each ``token.is_sent_start = True`` checks the
    whole Doc for a parse, which made a Doc of many paragraphs quadratic (issue 15).
    """
    breaks = [token.i + 1 for token in doc[:-1] if token.text.isspace() and token.text.count("\n") >= 2]
    if breaks:
        starts = doc.to_array([SENT_START])
        starts[breaks] = 1
        doc.from_array([SENT_START], starts)  # type: ignore[arg-type]  # (to_array's stub says float)
    return doc


_HELD = threading.local()
#: What :func:`per_doc` and :func:`per_token` find for a value not worked out yet (a value may be None).
_MISSING: Any = object()


def per_doc(doc: Doc, key: str, build: Callable[[Doc], T]) -> T:
    """``build(doc)``, computed once per Doc and key: the indexes that turn the stages' per-token
    rescans into lookups (issue 15). Only the last Doc seen in this thread is held; the parse and
    ``doc.ents`` do not change once the model has run, so an index stays valid for the Doc's life.
    The held Doc and its dict are one attribute of the thread's, read once per call, here and in :func:`per_token`
    (not through a helper: the stages ask about 470,000 times per 150 articles)."""
    held = getattr(_HELD, "held", None)
    if held is None or held[0] is not doc:
        held = _HELD.held = (doc, {})
    values: dict[str, Any] = held[1]
    value = values.get(key, _MISSING)
    if value is _MISSING:
        value = values[key] = build(doc)
    return value


def per_token(token: Token, key: str, compute: Callable[[Token], T]) -> T:
    """``compute(token)``, worked out once per Doc, ``key`` and token (:func:`per_doc`): for a question the
    stages ask of the same token several times ("the verb's entry", "its particle")."""
    doc = token.doc
    held = getattr(_HELD, "held", None)
    if held is None or held[0] is not doc:
        held = _HELD.held = (doc, {})
    values: dict[str, Any] = held[1]
    memo: dict[int, Any] | None = values.get(key)
    if memo is None:
        memo = values[key] = {}
    i = token.i
    value = memo.get(i, _MISSING)
    if value is _MISSING:
        value = memo[i] = compute(token)
    return value


def extension(doc: Doc, name: str) -> Any:
    """``doc._.<name>`` for one of the Doc extensions registered above (default None, no getter), read from
    ``doc.user_data`` where spaCy keeps it: the same value, without the ``Underscore`` object spaCy makes on
    each ``doc._`` (a stage that asks once per event or mention asks tens of thousands of times per 150 articles)."""
    user_data: dict[Any, Any] = doc.user_data  # (typed dict[str, Any] in spaCy's stub; its keys are tuples)
    return user_data.get(("._.", name, None, None))


def trigger_head(doc: Doc, event: dict[str, Any]) -> Token | None:
    """The syntactic head of an event's trigger: the root of its ``span`` widened to whole tokens, or
    None when the span covers no token (once per Doc and span)."""
    start, end = event.get("span") or (0, 0)
    # looked up once per Doc and span: the side chooser, the root correction and the confidence stage
    # each ask for every event's
    heads: dict[tuple[int, int], Token | None] = per_doc(doc, "trigger_heads", lambda d: {})
    key = (start, end)
    if key not in heads:
        span = doc.char_span(start, end, alignment_mode="expand")
        heads[key] = span.root if span is not None and len(span) else None
    return heads[key]


def word_spans(sent: Span, text: str) -> list[Span]:
    """The places ``text`` is written in the sentence as whole words ("Iran" not inside "Iranian"), each widened to
    whole tokens, in text order (a side's words found again in its event's sentence: the act filter's statement
    target, the dense blocks' side heads)."""
    spans = []
    for match in re.finditer(rf"(?<!\w){re.escape(text)}(?!\w)", sent.text):
        span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(),
                                  alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    return spans


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (the property joins every token's text on each access):
    the same join, of the token texts read once (:func:`token_texts`)."""
    return per_doc(doc, "text", _build_text)


def _build_text(doc: Doc) -> str:
    return "".join(token_texts(doc)[1])


def token_starts(doc: Doc) -> list[int]:
    """The character offset of each token (``token.idx``), ascending, computed once per Doc."""
    return per_doc(doc, "token_starts", _build_token_starts)


def _build_token_starts(doc: Doc) -> list[int]:
    return doc.to_array([IDX]).tolist()


def token_texts(doc: Doc) -> tuple[list[str], list[str], list[bool]]:
    """Each token's ``text``, ``text_with_ws`` and ``is_space``, read once per Doc: a stage that
    looks at many spans joins these instead of asking spaCy for Token objects again.

    Read from ``Doc.to_array`` (a Token object per token cost three times as much): a token's text is
    the string of its ``ORTH``, with a blank after it when ``SPACY`` is set (spaCy's own definitions
    of ``Token.text`` and ``Token.text_with_ws``). The builders of this module's per-Doc values are module
    functions, not closures made again at each of the stages' (tens of thousands of) questions."""
    return per_doc(doc, "token_texts", _build_token_texts)


def _build_token_texts(doc: Doc) -> tuple[list[str], list[str], list[bool]]:
    columns = doc.to_array([ORTH, SPACY, IS_SPACE])
    strings = doc.vocab.strings
    texts = [strings[orth] for orth in columns[:, 0].tolist()]
    with_ws = [text + " " if spacy else text for text, spacy in zip(texts, columns[:, 1].tolist())]
    return texts, with_ws, columns[:, 2].astype(bool).tolist()


def lower_ids(doc: Doc) -> list[int]:
    """Each token's ``LOWER``: the string id of its ``lower_`` (``doc.vocab.strings[word]`` is the id of a word, to
    compare with), read once per Doc from ``Doc.to_array`` (no Token object, no string per token)."""
    return per_doc(doc, "lower_ids", _build_lower_ids)


def _build_lower_ids(doc: Doc) -> list[int]:
    return doc.to_array(LOWER).tolist()


def doc_ents(doc: Doc) -> Sequence[Span]:
    """``doc.ents``, built once per Doc (the property makes a new Span for every entity on each access).
    The Spans are shared: read them only."""
    return per_doc(doc, "ents", _build_ents)


def _build_ents(doc: Doc) -> Sequence[Span]:
    return doc.ents


def sentences(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, built once per Doc. The list and its Spans are shared: read them only."""
    return per_doc(doc, "sentences", _build_sentences)


def _build_sentences(doc: Doc) -> list[Span]:
    return list(doc.sents)


def heads_and_deps(doc: Doc) -> tuple[list[int], list[str]]:
    """Each token's head (``token.head.i``) and dependency label (``token.dep_``), read once per Doc from
    ``Doc.to_array`` (a walk up the tree through ``token.head`` makes a new Token object at each step)."""
    return per_doc(doc, "heads_and_deps", _build_heads_and_deps)


def _build_heads_and_deps(doc: Doc) -> tuple[list[int], list[str]]:
    relative = doc.to_array([HEAD]).astype("int64").tolist()  # HEAD is the offset to the head, stored unsigned
    strings = doc.vocab.strings
    return [i + offset for i, offset in enumerate(relative)], [strings[dep] for dep in doc.to_array([DEP]).tolist()]


def sentence_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """The token starts and ends of the Doc's sentences, computed once per Doc."""
    return per_doc(doc, "sentence_bounds", _build_sentence_bounds)


def _build_sentence_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    return [s.start for s in sentences(doc)], [s.end for s in sentences(doc)]


def sentence_index(doc: Doc) -> Callable[[int], int]:
    """A function from token index to the index of its sentence in the Doc."""
    starts = sentence_bounds(doc)[0]
    return lambda i: _sentence_number(starts, i)


def _sentence_number(starts: list[int], i: int) -> int:
    """The index of the sentence that holds token ``i``, by bisection in the sentences' token starts."""
    return max(0, bisect.bisect_right(starts, i) - 1)


def sentence_of(doc: Doc, i: int) -> tuple[int, int]:
    """The token start and end of the sentence of token ``i`` (``doc[i].sent``'s ``start`` and ``end``), by bisection
    in the sentences read once per Doc: no Span, no walk of ``sent_start`` to the sentence's edges."""
    starts, ends = sentence_bounds(doc)
    k = _sentence_number(starts, i)
    return starts[k], ends[k]


def sentence_span(doc: Doc, i: int) -> Span:
    """``doc[i].sent``: the sentence of token ``i`` among the Spans read once per Doc (:func:`sentences`: the same
    bounds, both read ``sent_start``), found by bisection. The Span is shared: read it only."""
    return sentences(doc)[sentence_index(doc)(i)]


def pos_indices(doc: Doc, *parts: str) -> list[int]:
    """The indices of the Doc's tokens whose part of speech (``token.pos_``) is one of ``parts`` ("VERB", "NOUN"),
    ascending, from one array of the Doc's parts of speech, once per Doc and parts: a stage that looks at a
    sentence's verbs or nouns makes no Token object of its other words."""
    key = _POS_KEYS.get(parts)
    if key is None:
        key = _POS_KEYS[parts] = "pos_indices:" + "|".join(parts)
    return per_doc(doc, key, lambda d: _build_pos_indices(d, parts))


#: :func:`pos_indices`' key for each tuple of parts of speech asked for.
_POS_KEYS: dict[tuple[str, ...], str] = {}


def _build_pos_indices(doc: Doc, parts: tuple[str, ...]) -> list[int]:
    """The indices for :func:`pos_indices`, compared in numpy (a Python loop over every token cost ten times as much)."""
    pos = per_doc(doc, "pos", _build_pos)  # (one array for every tuple of parts asked)
    wanted = numpy.zeros(len(pos), dtype=bool)
    for part in parts:
        wanted |= pos == IDS[part]
    return numpy.flatnonzero(wanted).tolist()


def _build_pos(doc: Doc) -> Any:
    return doc.to_array(POS)


def definite_heads(doc: Doc) -> set[int]:
    """The indices of the tokens that have a definite determiner as a child (a ``det`` whose lower case is one of
    :data:`dateline.lang.en.DEFINITE_DETERMINERS`: "the talks", "these attacks"), once per Doc, from the Doc's
    arrays: no Token object for the nouns that have none."""
    return per_doc(doc, "definite_heads", _build_definite_heads)


def _build_definite_heads(doc: Doc) -> set[int]:
    strings = doc.vocab.strings
    columns = doc.to_array([HEAD, DEP, LOWER])
    lowers = columns[:, 2]
    definite = numpy.zeros(len(lowers), dtype=bool)
    for word in DEFINITE_DETERMINERS:
        definite |= lowers == strings[word]
    found = numpy.flatnonzero((columns[:, 1] == strings["det"]) & definite)
    heads = found + columns[found, 0].astype("int64")  # HEAD is the offset to the head, stored unsigned
    return {head for head, j in zip(heads.tolist(), found.tolist()) if head != j}


def in_span(indices: list[int], span: Span) -> list[int]:
    """Those of the ascending token ``indices`` that fall inside ``span``."""
    return indices[bisect.bisect_left(indices, span.start):bisect.bisect_left(indices, span.end)]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Character ``(start, end)`` of each non-empty paragraph of ``text``, in order."""
    spans, start = [], 0
    for match in PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def paragraph_index(starts: list[int]) -> Callable[[int], int]:
    """A function from a character offset to its paragraph, given the paragraphs' start offsets."""
    return lambda char: max(0, bisect.bisect_right(starts, char) - 1)


def sentence_paragraphs(doc: Doc) -> list[int]:
    """The paragraph number of each sentence of the Doc."""
    of = paragraph_index([start for start, _ in paragraph_spans(doc_text(doc))])
    return [of(sent.start_char) for sent in sentences(doc)]


def tokens_to_items(doc: Doc, items: Iterable[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """Token index -> the item (a dict with character ``start``/``end``) that covers the token."""
    by_token: dict[int, dict[str, Any]] = {}
    for item in items:
        span = doc.char_span(item["start"], item["end"], alignment_mode="expand")
        if span is not None:
            for token in span:
                by_token[token.i] = item
    return by_token
