"""Quote marks: pure text, no parse. :func:`scan_quotes` pairs opening and closing marks, nested
quotes and the newspaper convention of a quote continued into the next paragraph; :func:`doc_quotes`, the
scan of a Doc's text, once per Doc for the stages that read it (events, quotes)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..doc import doc_text, paragraph_spans, per_doc, sentence_bounds, token_starts, token_texts


OPEN_DOUBLE = "“„«"


CLOSE_DOUBLE = "”»"


OPEN_SINGLE = "‘‚‹"


CLOSE_SINGLE = "’›"


DASHES = "—–"


#: Characters after which a straight quote mark opens a quote.
_OPENING_CONTEXT = " \t\n([{—–-/" + OPEN_DOUBLE + OPEN_SINGLE


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation found by :func:`scan_quotes`: ``text[start:end]`` is inside the marks.

    depth: 0 for a top-level quote, 1 for one nested in it, ...
    closed: False when the closing mark was missing and the quote ends with its paragraph.
    reopened: offsets of the opening marks of continuation paragraphs inside the span.
    """

    start: int
    end: int
    depth: int = 0
    closed: bool = True
    reopened: tuple[int, ...] = ()


def _mark(text: str, i: int, start: int, end: int) -> tuple[str, str] | None:
    """(``double``/``single``, ``open``/``close``/``either``) for a quote mark at ``text[i]``, or None."""
    c = text[i]
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    if c in OPEN_DOUBLE:
        return ("double", "open")
    if c in CLOSE_DOUBLE:
        return ("double", "close")
    if c in OPEN_SINGLE:
        # ‘90s, ‘em: an apostrophe typed as an opening mark.
        return None if nxt.isdigit() else ("single", "open")
    if c in CLOSE_SINGLE or c == "'":
        if prev.isalnum() and nxt.isalnum():
            return None  # don't, Kim’s
        if c == "'" and prev in _OPENING_CONTEXT and not nxt.isspace():
            return ("single", "open")
        if prev.isspace():
            return None
        return ("single", "close")
    if c == '"':
        if prev in _OPENING_CONTEXT and not nxt.isspace():
            return ("double", "open")
        if not prev.isspace() and (nxt.isspace() or not nxt.isalnum()):
            return ("double", "close")
        return ("double", "either")
    return None


_MARK_CHARS = re.compile("[" + re.escape(OPEN_DOUBLE + CLOSE_DOUBLE + OPEN_SINGLE + CLOSE_SINGLE + "'\"") + "]")


def _mark_positions(text: str, start: int, end: int) -> list[int]:
    """The offsets in ``[start, end)`` of the characters :func:`_mark` can read as quote marks."""
    return [m.start() for m in _MARK_CHARS.finditer(text, start, end)]


def _sentence_starts(text: str, i: int, start: int) -> bool:
    """Whether the mark at ``text[i]`` opens a sentence: whitespace, then a sentence's final
    punctuation (or a closing mark after it) before it."""
    j = i - 1
    if j < start or not text[j].isspace():
        return False
    while j >= start and text[j].isspace():
        j -= 1
    while j >= start and text[j] in CLOSE_SINGLE + "'":
        j -= 1
    return j >= start and text[j] in ".?!"


def scan_quotes(text: str) -> list[QuoteSpan]:
    """Pair the quote marks of ``text`` into quotations, sorted by start.

    Never raises: an odd number of marks, a stray closing mark or mixed curly and straight marks
    give the best reading and leave the rest of the text alone. A top-level quote left open at the
    end of a paragraph continues into the next paragraph when that one opens with the same kind of
    mark (the newspaper convention); otherwise it ends with its paragraph (``closed=False``). A
    double mark opening a sentence inside an open top-level double quote continues it too (the same
    convention with the paragraph break lost).
    """
    found: list[QuoteSpan] = []
    paragraphs = paragraph_spans(text)
    stack: list[tuple[str, int, list[int]]] = []  # open quotes: (kind, start of text, reopened marks)
    skip = -1  # the re-opening mark of a continued quote
    for n, (p_start, p_end) in enumerate(paragraphs):
        for i in _mark_positions(text, p_start, p_end):  # _mark is None at every other character
            mark = _mark(text, i, p_start, p_end) if i != skip else None
            if mark is None:
                continue
            kind, role = mark
            open_at = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == kind), None)
            if role == "either":
                role = "close" if open_at is not None else "open"
            if role == "open":
                if kind == "double" and open_at == 0 and _sentence_starts(text, i, p_start):
                    # A second opening double mark at the start of a sentence while a top-level quote is
                    # open: the newspaper convention of a quote continued over paragraphs, with the
                    # paragraphs run together ('He said: "We will. "But not now."'): it goes on.
                    del stack[1:]
                    stack[0][2].append(i)
                    continue
                if kind == "double" and open_at is not None:
                    # A second opening double mark while one is open: the first was stray.
                    del stack[open_at:]
                stack.append((kind, i + 1, []))
            elif open_at is not None:
                # Marks opened inside this quote and never closed are dropped: it closes here.
                _, start, reopened = stack[open_at]
                del stack[open_at:]
                found.append(QuoteSpan(start, i, open_at, True, tuple(reopened)))
            # else: a closing mark with nothing open (or an apostrophe): skipped.
        if not stack:
            continue
        kind, start, reopened = stack[0]
        stack.clear()
        if n + 1 < len(paragraphs):
            nxt, nxt_end = paragraphs[n + 1]
            mark = _mark(text, nxt, nxt, nxt_end)
            if mark is not None and mark[0] == kind and mark[1] in ("open", "either"):
                # The next paragraph opens the same kind of quote again: this one goes on.
                stack.append((kind, start, [*reopened, nxt]))
                skip = nxt
                continue
        found.append(QuoteSpan(start, p_end, 0, False, tuple(reopened)))
    return sorted(found, key=lambda q: (q.start, q.depth))


def doc_quotes(doc: Doc) -> list[QuoteSpan]:
    """:func:`scan_quotes` of the Doc's text, scanned once per Doc (the events stage's speaker search and
    the quotes stage read the same quotations). Not to be changed by the caller."""
    return per_doc(doc, "scan_quotes", lambda d: scan_quotes(doc_text(d)))


def _quotation_bounds(doc: Doc) -> tuple[list[int], list[int], list[list[QuoteSpan]]]:
    """The starts and ends of the Doc's top-level quotations (:func:`doc_quotes`, depth 0: a nested
    quote lies inside one), sorted and merged where they touch, with the quotations of each merged range:
    the one index of :func:`in_quotation`, :func:`quotation_at` and :func:`quoted_sentences` (read through
    :func:`_bounds`). An empty quotation (two marks side by side, '“”') holds no character and is left out."""
    starts: list[int] = []
    ends: list[int] = []
    members: list[list[QuoteSpan]] = []
    for q in sorted((q for q in doc_quotes(doc) if q.depth == 0 and q.end > q.start), key=lambda q: q.start):
        if starts and q.start <= ends[-1]:
            ends[-1] = max(ends[-1], q.end)
            members[-1].append(q)
        else:
            starts.append(q.start)
            ends.append(q.end)
            members.append([q])
    return starts, ends, members


def _bounds(doc: Doc) -> tuple[list[int], list[int], list[list[QuoteSpan]]]:
    """:func:`_quotation_bounds` of the Doc, computed once per Doc."""
    return per_doc(doc, "quotes.quotation_bounds", _quotation_bounds)


def quotation_at(doc: Doc, char: int) -> QuoteSpan | None:
    """The top-level quotation (:func:`doc_quotes`, depth 0) that holds the character at offset ``char``
    where :func:`in_quotation` says it is quoted, else None: the same test, for a caller that needs the
    quotation itself (its marks, whether it was closed; the events stage's speaker of a first-person word,
    ``events.triggers._quoted_speaker``)."""
    starts, ends, members = _bounds(doc)
    k = bisect.bisect_right(starts, char) - 1
    if k < 0 or char >= ends[k]:
        return None
    return next((q for q in reversed(members[k]) if q.start <= char < q.end), None)


def in_quotation(doc: Doc, char: int) -> bool:
    """Whether the character at offset ``char`` of the Doc's text is inside a quotation as
    :func:`doc_quotes` pairs the marks: between an opening and its closing mark (the first opening and the
    last closing marks themselves are outside), in a sentence of a quotation that runs over several sentences
    or paragraphs, or in a quote left open until its paragraph ends. A quotation continued over paragraphs is
    one span from its first opening mark to its closing one, so the opening marks that start each continuation
    paragraph (:attr:`QuoteSpan.reopened`, also a sentence-opening double mark where the paragraph break was
    lost) and the paragraph breaks between them fall inside. An apostrophe opens nothing. The one test of "is
    this quoted" for every stage and learned feature (the sides', the modality's, the confidence's,
    coreference, the events stage's speaker of a quotation, :func:`quotation_at`); the quotes stage's own
    ``quotes.speakers._Article.in_quote`` differs on the marks (see there)."""
    starts, ends, _ = _bounds(doc)
    k = bisect.bisect_right(starts, char) - 1
    return k >= 0 and char < ends[k]


def token_in_quotation(doc: Doc, i: int) -> bool:
    """:func:`in_quotation` at the start of token ``i``."""
    return in_quotation(doc, token_starts(doc)[i])


def quoted_sentences(doc: Doc) -> frozenset[int]:
    """The start token of every sentence that holds a quotation or sits (in part) inside one: some
    character of the sentence's text is inside a quotation by :func:`in_quotation`. Computed once per Doc."""
    def build(d: Doc) -> frozenset[int]:
        q_starts, q_ends, _ = _bounds(d)
        if not q_starts:
            return frozenset()
        idx = token_starts(d)
        texts = token_texts(d)[0]
        out = set()
        for start, end in zip(*sentence_bounds(d)):
            if end <= start:
                continue
            first, last = idx[start], idx[end - 1] + len(texts[end - 1])  # the sentence's characters [first, last)
            k = bisect.bisect_right(q_starts, first) - 1
            if (k >= 0 and first < q_ends[k]) or (k + 1 < len(q_starts) and q_starts[k + 1] < last):
                out.add(start)
        return frozenset(out)
    return per_doc(doc, "quotes.quoted_sentences", build)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding space and the comma that ends a quote before its attribution."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end
