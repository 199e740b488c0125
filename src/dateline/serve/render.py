"""Annotations drawn over text (displaCy-style), always escaped: article text is data, never markup."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    """A span of text to draw: ``kind`` is its CSS class (actor, trigger, source, target, date, place,
    quote), ``label`` a short tag shown after it (a code), ``title`` a tooltip."""

    start: int
    end: int
    kind: str
    label: str | None = None
    title: str | None = None


def find(text: str, needle: str | None, kind: str, *, offset: int = 0, label: str | None = None) -> list[Mark]:
    """A Mark on the first occurrence of ``needle`` in ``text`` (none when absent); offsets + ``offset``."""
    if not needle:
        return []
    at = text.find(needle)
    return [] if at < 0 else [Mark(offset + at, offset + at + len(needle), kind, label)]


def highlight(text: str, marks: list[Mark], *, base: int = 0) -> Markup:
    """``text`` (starting at offset ``base``) as escaped HTML with each Mark wrapped in a span.

    Overlapping marks are drawn by cutting the text at every boundary: each piece carries the classes
    of all marks over it, and a mark's label follows its last piece.
    """
    inside = [m for m in marks if m.start < base + len(text) and m.end > base and m.end > m.start]
    cuts = sorted({base, base + len(text), *(max(base, m.start) for m in inside),
                   *(min(base + len(text), m.end) for m in inside)})
    out: list[str] = []
    for left, right in zip(cuts, cuts[1:]):
        piece = escape(text[left - base:right - base])
        over = [m for m in inside if m.start <= left and right <= m.end]
        if not over:
            out.append(str(piece))
            continue
        classes = " ".join(sorted({f"m-{m.kind}" for m in over}))
        titles = "; ".join(m.title or m.kind for m in over)
        labels = "".join(f'<span class="tag tag-{escape(m.kind)}">{escape(m.label)}</span>'
                         for m in over if m.label and m.end == right)
        out.append(f'<mark class="{classes}" title="{escape(titles)}">{piece}{labels}</mark>')
    return Markup("".join(out))
