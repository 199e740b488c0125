"""Reported speech: the content clause of a cue verb ("X said that ...") as an indirect quote."""

from __future__ import annotations

import bisect
from itertools import accumulate

import numpy
from spacy.attrs import IS_PUNCT, LOWER
from spacy.tokens import Span, Token

from .marks import CLOSE_DOUBLE, CLOSE_SINGLE, _trimmed
from .speakers import _Article, _cue_text, _Quote, _speaker_of


class _Index:
    """What :func:`_reported` asks of every cue, computed once per Doc: each token's cue and quote
    cover, prefix counts of those, and the cues of each sentence. A flood of speech verbs ("X said
    Y said ...") rescanned the sentence and the clause for every verb (issue 15)."""

    def __init__(self, art: _Article) -> None:
        doc = art.doc
        # (read from the Article's per-token arrays and the token texts: a Token object per token,
        # made again for each list, cost more than the rest of the stage)
        self.cues = art.cue_at
        self.quoted = art.quoted_at
        columns = doc.to_array([IS_PUNCT, LOWER])
        # prefix counts over tokens [0, i): outside quote marks and not punctuation; inside them
        punct = columns[:, 0].tolist()
        self.outside = [0, *accumulate(not q and not p for p, q in zip(punct, self.quoted))]
        self.inside = [0, *accumulate(self.quoted)]
        self.according = numpy.flatnonzero(columns[:, 1] == doc.vocab.strings["according"]).tolist()
        cued = [i for i, cue in enumerate(self.cues) if cue is not None]
        self.cued = cued
        self.saying = [i for i in cued if self.cues[i].role != "source"]  # type: ignore[union-attr]
        # per sentence: its cues outside quote marks, and those _speaker_of reads as a medium
        self.candidates: list[list[Token]] = [[] for _ in art.sents]
        for i in cued:
            if not self.quoted[i]:
                self.candidates[art.sentence_of(i)].append(doc[i])
        self.media = [[t for t in c if t.lower_ == "according" or t.lemma_.lower() == "report"]
                      for c in self.candidates]

    def any_in(self, indexes: list[int], start: int, end: int) -> int | None:
        """The first of the sorted ``indexes`` in ``[start, end)``, or None."""
        k = bisect.bisect_left(indexes, start)
        return indexes[k] if k < len(indexes) and indexes[k] < end else None


def _reported(art: _Article) -> list[_Quote]:
    """Statements reported without quote marks: a cue with a clause ("said that the talks were ...")."""
    found: list[_Quote] = []
    seen: set[int] = set()
    index = _Index(art)
    for token in (art.doc[i] for i in index.cued):
        cue = index.cues[token.i]
        if cue is None or cue.role not in ("speech", "act", "source") or index.quoted[token.i]:
            continue
        content = _content(art, token, index)
        if content is None or content.start in seen:
            continue
        start, end = _trimmed(art.text, content.start_char, content.end_char)
        while end > start and art.text[end - 1] in ".!?":
            end -= 1
        outside = index.outside[content.end] - index.outside[content.start]
        quoted = index.inside[content.end] > index.inside[content.start]
        if end <= start or outside < 1 or (quoted and outside < 4):
            # The clause is (nearly) all in quote marks, its subject aside: that is the quote.
            continue
        seen.add(content.start)
        quote = _Quote(start, end, art.text[start:end], "reported", 0, art.sentence_of(token.i))
        quote.cue_token, quote.cue = token, _cue_text(token)
        # (the sentence's cues, less those _speaker_of skips: it reads only media from the others)
        quote.speaker, quote.medium = _speaker_of(art, token, index.media[quote.sentence])
        quote.content = content
        found.append(quote)
    return found


def _content(art: _Article, cue: Token, index: _Index | None = None) -> Span | None:
    """The clause a cue reports, or None."""
    doc = art.doc
    index = index or _Index(art)
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
        if index.any_in(index.saying, start, end) is not None:
            return None  # the clause has its own speech verb ("he said ..., according to ...")
        return doc[start:end] if end - start >= 3 else None
    clauses = [c for c in cue.children if c.dep_ == "ccomp"]
    entry = art.cue_at[cue.i]
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
    according = index.any_in(index.according, start, end)
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
