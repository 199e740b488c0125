"""Parsed Docs built by hand for the event coder's unit tests: no model, exactly the parse we mean."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc
from spacy.vocab import Vocab

import dateline.nlp  # noqa: F401  (registers the Doc extensions)

# (word, pos, tag, dep, head offset within its sentence, lemma, entity in BILUO/IOB form)
Row = tuple[str, str, str, str, int, str, str]


def parsed_doc(vocab: Vocab, *sentences: list[Row], published: dt.date | None = None,
               labels: Iterable[str] | None = None, places: Iterable[str] = ("GPE",)) -> Doc:
    """A Doc of the given sentences with their parse, and its entities as actors.

    Each actor's code is the first three letters of its text, upper-cased; entities labelled one of
    ``places`` are their own country (as the actors stage resolves states). ``labels``: the entity
    labels that become actors (default: all).
    """
    rows = [row for sentence in sentences for row in sentence]
    heads: list[int] = []
    starts: list[bool | int | None] = []
    offset = 0
    for sentence in sentences:
        heads += [offset + i + row[4] for i, row in enumerate(sentence)]
        starts += [True] + [False] * (len(sentence) - 1)
        offset += len(sentence)
    doc = Doc(vocab, words=[r[0] for r in rows], pos=[r[1] for r in rows], tags=[r[2] for r in rows],
              deps=[r[3] for r in rows], heads=heads, lemmas=[r[5] for r in rows], ents=[r[6] for r in rows],
              sent_starts=starts)
    wanted, countries = (set(labels) if labels is not None else None), set(places)
    doc._.published = published
    doc._.actors = [{"name": ent.text, "label": ent.label_, "code": ent.text.upper()[:3],
                     "country": ent.text.upper()[:3] if ent.label_ in countries else None, "sector": None,
                     "mentions": [{"text": ent.text, "start": ent.start_char, "end": ent.end_char, "sentence": 0}]}
                    for ent in doc.ents if wanted is None or ent.label_ in wanted]
    doc._.events = []
    return doc


def gate_event(code: str, src: str | None, tgt: str | None, *, rule: str, lemma: str, table: str = "verbs.tsv",
               strategy: str | None = None) -> dict[str, Any]:
    """An asserted event record as the rule gates of dateline.actors.countries read it: its CAMEO code, sides
    (``<country>GOV`` source), trigger and code rule, and the strategy that gave the source its country."""
    rules = {"trigger": f"{table}:{lemma}", "code": rule}
    if strategy:
        rules["source_country"] = strategy
    return {"cameo": code, "modality": "asserted", "negated": False, "confidence": 0.9,
            "source": {"code": src + "GOV", "country": src} if src else None,
            "target": {"code": tgt, "country": tgt} if tgt else None,
            "evidence": {"rules": rules}}
