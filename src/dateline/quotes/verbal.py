"""Verbal events: a quote's cue verb coded as an event (CAMEO 01-02 statements and appeals,
or the act the cue names), linked to the quote."""

from __future__ import annotations

import bisect
from typing import Any

import numpy
from spacy.attrs import DEP, LOWER
from spacy.tokens import Doc, Token

from ..actors import actor_ref
from ..actors.identity import same_actor
from ..doc import per_doc
from ..events import make_event
from .cues import _SUBJECTS
from .speakers import _Article, _entity_at, _Quote
from ..lexicon import cue_words
from ..record import ActorRef, Event, EventRules, Modality




def _verbal_events(art: _Article, quotes: list[_Quote], events: list[Event]) -> None:
    """Link quotes and events both ways; add an event for a cue that is an act.

    An event the events stage coded on the cue verb, or in the quote's sentence with the same
    source, is linked rather than duplicated. Plain statements ("said": CAMEO 010) get no event.
    """
    by_cue: dict[int, int] = {}
    for qi, quote in enumerate(quotes):
        cue = quote.cue_token
        if cue is None:
            continue
        if cue.i in by_cue:
            _link(events, by_cue[cue.i], quotes, qi)
            continue
        found = _existing_event(art, events, quote, cue)
        code = _act_code(art, quote, cue)
        if found is None and code is None:
            continue
        if found is None:
            event = _new_event(art, quote, cue, code or "010")
            if not any(_known(side) for side in (event["source"], event["target"])):
                continue  # no known actor on either side: the events stage's rule (_emit), no act between actors
            events.append(event)
            found = len(events) - 1
        by_cue[cue.i] = found
        _link(events, found, quotes, qi)


def _known(side: ActorRef | None) -> bool:
    """Whether an event side is a known actor (a code or a country), as the events stage requires
    of at least one side of an asserted act."""
    return bool(side and (side.get("code") or side.get("country")))


def _link(events: list[Event], ei: int, quotes: list[_Quote], qi: int) -> None:
    if events[ei].get("quote") is None:
        events[ei]["quote"] = qi
    if ei not in quotes[qi].events:
        quotes[qi].events.append(ei)


def _existing_event(art: _Article, events: list[Event], quote: _Quote, cue: Token) -> int | None:
    cue_span = [cue.idx, cue.idx + len(cue)]
    for ei, event in enumerate(events):
        if list(event.get("span") or []) == cue_span:
            return ei
    for ei, event in enumerate(events):
        if event.get("sentence") == quote.sentence and same_actor(event.get("source"), quote.speaker):
            return ei
    return None


def _act_code(art: _Article, quote: _Quote, cue: Token) -> str | None:
    """The CAMEO code when the statement is an act: the cue's, or a comment's (013/012) on "said"."""
    entry = art.cue_at[cue.i]
    if entry is None:
        return None
    if entry.role == "act":
        return entry.cameo
    if entry.role != "speech" or quote.kind == "fragment":
        return None
    words = quote.content if quote.content is not None else art.tokens(quote.start, quote.end)
    if not words:
        return None
    # The first comment word of the words, from an index of the Doc's comment words: nested
    # statements ("X said Y said ...") rescanned ever-longer clauses (issue 15).
    found = per_doc(art.doc, f"comment_words:{id(art.cues)}", lambda doc: _comment_words(art, doc))
    k = bisect.bisect_left(found, words.start)
    return art.cues.comments.get(art.doc[found[k]].lower_) if k < len(found) and found[k] < words.end else None


def _comment_words(art: _Article, doc: Doc) -> list[int]:
    """The tokens that are comment words the clause predicates ("the talks were promising")."""
    # (from the arrays of lower cases and dependency labels: a Token object per token cost more)
    strings, comments = doc.vocab.strings, art.cues.comments
    columns = doc.to_array([LOWER, DEP])
    labels = [strings[label] for label in ("acomp", "ccomp", "ROOT", "attr", "xcomp", "conj", "oprd")]
    heads = numpy.flatnonzero(numpy.isin(columns[:, 1], labels)).tolist()
    lowers = columns[:, 0].tolist()
    return [i for i in heads if comments.get(strings[lowers[i]])]


def _target(art: _Article, cue: Token, quote: _Quote) -> ActorRef | None:
    """Whom the act is aimed at: the cue's object, or the subject of what it demands or reports."""
    heads = [c for c in cue.children if c.dep_ in ("dobj", "dative")]
    heads += [g for c in cue.children if c.dep_ == "prep" and c.lower_ in ("on", "at", "against")
              for g in c.children if g.dep_ == "pobj"]
    if quote.content is not None:
        heads += [t for t in quote.content if t.dep_ in _SUBJECTS and t.head.i == quote.content.root.i]
    for head in heads:
        if head.pos_ == "PRON":
            continue
        ent = _entity_at(head)
        start, end = (ent.start_char, ent.end_char) if ent is not None else (head.left_edge.idx, head.right_edge.idx + len(head.right_edge))
        ref = actor_ref(art.doc, start, end)
        if ref is not None:
            return ref
    return None


def _new_event(art: _Article, quote: _Quote, cue: Token, code: str) -> Event:
    source: ActorRef | None = None
    if quote.speaker is not None:
        speaker = quote.speaker
        source = ActorRef(text=speaker["text"], code=speaker.get("code"), country=speaker.get("country"),
                          sector=speaker.get("sector"))
    modality = _modal_modality(cue)
    rules: EventRules = {"trigger": f"quotes/cues.tsv:{cue.lemma_.lower()}", "code": "_act_code",
                         "source": "_speaker_of", "target": "_target",
                         "modality": "_modal_modality" if modality != "asserted" else "_new_event"}
    return make_event(cue, art.sentence_of(cue.i), code, source, _target(art, cue, quote),
                      negated=any(c.dep_ == "neg" for c in cue.children),
                      modality=modality, reciprocal=False, rules=rules)


def _modal_modality(cue: Token) -> Modality:
    """The modality a cue verb's modal gives it, read as the events stage reads modals (lexicon cues
    ``future`` and ``obligation``: intended, "would warn", "must demand"; ``possible``: hypothetical,
    "could call for"). Measured on the labelled train split, "would" marks an intended act more
    often than a hypothetical one (8 to 4 of the events coded intended on it)."""
    for child in cue.children:
        if child.dep_ != "aux":
            continue
        if child.lower_ in cue_words("future") | cue_words("obligation"):
            return "intended"
        if child.lower_ in cue_words("possible"):
            return "hypothetical"
    return "asserted"
