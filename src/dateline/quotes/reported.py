"""Reported speech: the content clause of a cue verb ("X said that ...") as an indirect quote."""

from __future__ import annotations

import bisect

from spacy.tokens import Span, Token

from .marks import CLOSE_DOUBLE, CLOSE_SINGLE, _trimmed
from .speakers import _Article, _cue_text, _Quote, _speaker_of


def _reported(art: _Article) -> list[_Quote]:
    """Statements reported without quote marks: a cue with a clause ("said that the talks were ...")."""
    found: list[_Quote] = []
    seen: set[int] = set()
    for token in art.doc:
        cue = art.cues.get(token)
        if cue is None or cue.role not in ("speech", "act", "source") or art.in_quote(token):
            continue
        content = _content(art, token)
        if content is None or content.start in seen:
            continue
        start, end = _trimmed(art.text, content.start_char, content.end_char)
        while end > start and art.text[end - 1] in ".!?":
            end -= 1
        outside = sum(1 for t in content if not art.in_quote(t) and not t.is_punct)
        quoted = any(art.in_quote(t) for t in content)
        if end <= start or outside < 1 or (quoted and outside < 4):
            # The clause is (nearly) all in quote marks, its subject aside: that is the quote.
            continue
        seen.add(content.start)
        quote = _Quote(start, end, art.text[start:end], "reported", 0, art.sentence_of(token.i))
        quote.cue_token, quote.cue = token, _cue_text(token)
        scope = art.sents[quote.sentence]
        candidates = [t for t in scope if art.cues.get(t) is not None and not art.in_quote(t)]
        quote.speaker, quote.medium = _speaker_of(art, token, candidates)
        quote.content = content
        found.append(quote)
    return found


def _content(art: _Article, cue: Token) -> Span | None:
    """The clause a cue reports, or None."""
    doc = art.doc
    if cue.lower_ == "according":
        # "X happened, according to Y": the clause the phrase hangs from, without the phrase.
        head = cue.head if cue.head is not cue else None
        while head is not None and head.dep_ not in ("ROOT", "ccomp") and head.head is not head:
            head = head.head
        if head is None or head.i > cue.i:
            return None
        start = head.left_edge.i
        end = cue.i
        while end > start and doc[end - 1].is_punct:
            end -= 1
        if any(art.cues.get(t) is not None and art.cues.get(t).role != "source" for t in doc[start:end]):  # type: ignore[union-attr]
            return None  # the clause has its own speech verb ("he said ..., according to ...")
        return doc[start:end] if end - start >= 3 else None
    clauses = [c for c in cue.children if c.dep_ == "ccomp"]
    entry = art.cues.get(cue)
    if not clauses and entry is not None and entry.role == "act":
        clauses = [c for c in cue.children if c.dep_ == "xcomp"]
    if not clauses:
        return None
    # "said that A, but that B": the parser makes both clauses complements of the cue (or
    # coordinates them); they are one statement.
    start = min(c.left_edge.i for c in clauses)
    edges = [c.right_edge.i for c in clauses]
    edges += [g.right_edge.i for c in clauses for g in c.children if g.dep_ == "conj"]
    end = max(edges) + 1
    if start < cue.i < end:
        start = cue.i + 1  # the clauses sit on both sides of the cue: keep the part after it
    while start < end and (doc[start].is_punct or (doc[start].lower_ == "that" and doc[start].dep_ == "mark")):
        start += 1
    # "..., according to the news agency": the source phrase is not part of what was said.
    according = next((t.i for t in doc[start:end] if t.lower_ == "according"), None)
    if according is not None:
        end = according
        while end > start and doc[end - 1].is_punct and doc[end - 1].text not in CLOSE_DOUBLE + CLOSE_SINGLE + '"':
            end -= 1
    if end > start:
        # A clause that ends inside quote marks ends with them.
        last = doc[end - 1]
        k = bisect.bisect_right(art.quoted_starts, last.idx) - 1
        if k >= 0 and last.idx < art.quoted[k][1] and art.quoted[k][0] >= doc[start].idx:
            end = art.tokens(doc[start].idx, art.quoted[k][1] - 1).end  # type: ignore[union-attr]
    return doc[start:end] if end > start else None
