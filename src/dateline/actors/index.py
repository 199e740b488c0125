"""Per-Doc indexes of the actors' mentions, so that the later stages (event sides, their countries,
actors as of a date) look mentions up instead of scanning every mention on each question."""

from __future__ import annotations

import bisect
from typing import Any

from spacy.tokens import Doc

from ..doc import extension, per_doc

#: ``(start, end, order, actor, mention)``: ``order`` is the mention's place in the actors' own
#: order (``doc._.actors``, each actor's mentions in turn).
Entry = tuple[int, int, int, dict[str, Any], dict[str, Any]]


def _held(doc: Doc) -> dict[str, Any] | None:
    """The indexes of the Doc's current actor list (the actors stage assigns the list whole, later
    stages only read it): dropped when another list is assigned."""
    actors = extension(doc, "actors")
    if not actors:
        return None
    held: dict[str, Any] = per_doc(doc, "mention_index", lambda d: {})
    if held.get("actors") is not actors or held.get("count") != len(actors):
        held.clear()
        held.update(actors=actors, count=len(actors))
    return held


def mention_index(doc: Doc) -> tuple[list[int], list[Entry], int, list[Entry]] | None:
    """Every mention of ``doc._.actors`` sorted by start: the starts, the entries, the longest
    mention's length and any mention that ends before it starts; None when there are no actors."""
    held = _held(doc)
    if held is None:
        return None
    if "by_start" not in held:
        entries = [(int(m["start"]), int(m["end"]), order, actor, m) for order, (actor, m) in
                   enumerate((a, m) for a in held["actors"] for m in a.get("mentions") or [])]
        entries.sort(key=lambda e: (e[0], e[2]))
        longest = max((e[1] - e[0] for e in entries), default=0)
        backwards = [e for e in entries if e[1] < e[0]]  # (none from the actors stage)
        held["by_start"] = ([e[0] for e in entries], entries, longest, backwards)
    return held["by_start"]


def in_window(doc: Doc, first: int, last: int,
              index: tuple[list[int], list[Entry], int, list[Entry]] | None = None) -> list[Entry]:
    """The mentions with ``first <= start`` and ``end <= last``, in the actors' order (``index``:
    the Doc's :func:`mention_index`, when the caller holds it already)."""
    index = index or mention_index(doc)
    if index is None:
        return []
    starts, entries, _, backwards = index
    k = bisect.bisect_left(starts, first)
    found = []
    while k < len(starts) and starts[k] <= last:
        if entries[k][1] <= last:
            found.append(entries[k])
        k += 1
    found += [e for e in backwards if e[0] >= first and e[0] > last and e[1] <= last]
    found.sort(key=lambda e: e[2])
    return found


def mentions_by_root(doc: Doc) -> dict[int, list[tuple[int, dict[str, Any], dict[str, Any]]]]:
    """Token index -> the mentions whose span (``doc.char_span``, expanded to tokens) has that
    root, as ``(order, actor, mention)`` in the actors' order."""
    held = _held(doc)
    if held is None:
        return {}
    if "by_root" not in held:
        by_root: dict[int, list[tuple[int, dict[str, Any], dict[str, Any]]]] = {}
        order = 0
        for actor in held["actors"]:
            for mention in actor.get("mentions") or []:
                span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
                if span is not None:
                    by_root.setdefault(span.root.i, []).append((order, actor, mention))
                order += 1
        held["by_root"] = by_root
    return held["by_root"]
