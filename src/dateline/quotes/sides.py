"""First-person sides inside quotations: an event the events stage left without a source (or target)
because its doer (or the one it is done to) is "I", "we", "our", "my" ("us", "me") inside a quotation takes
the quotation's speaker as the quotes stage found it (a cue in its sentence, the paragraph's or the
next sentence's, a quote continued from the paragraph before, a colon, a heading: :mod:`.speakers`), where
the events stage's own search (:func:`dateline.events.triggers._frame_speaker`, ``_quoted_speaker``: a
speech verb's subject next to the quotation's marks) found none; the events stage
reads no first-person object at all."""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from .. import syntax
from ..actors.identity import same_actor
from ..events.sides import _identified
from ..lang import en
from ..record import ActorRef, Event
from .speakers import _Article, _Quote

#: The rule named in ``evidence.rules`` of a side set here.
RULE = "quote_speaker"


def first_person_sides(art: _Article, quotes: list[_Quote], events: list[Event]) -> None:
    """Fill an event's missing source or target from the speaker of the quotation its first-person
    doer or object is in (the innermost quote holding it, not a reported statement), when the speaker
    is an identified actor (a code or a country) and not, loosely, the event's other side (a speaker acting on
    itself is a misread pronoun or a misattributed quotation)."""
    quoted = sorted((q for q in quotes if q.kind != "reported"), key=lambda q: (q.start, -q.end))
    if not quoted or not events:
        return
    starts = [q.start for q in quoted]
    doc = art.doc
    for event in events:
        if event.get("source") is not None and event.get("target") is not None:
            continue
        span = doc.char_span(event["span"][0], event["span"][1], alignment_mode="expand")
        if span is None or not len(span):
            continue
        trigger = span.root
        for role, token in (("source", _first_person_doer(trigger)), ("target", _first_person_object(trigger))):
            if token is None or event.get(role) is not None:
                continue
            speaker = _speaker_at(quoted, starts, token.idx)
            if speaker is None or not _identified(speaker):
                continue
            other: ActorRef | None = event["target"] if role == "source" else event["source"]
            if other is not None and same_actor(other, speaker):
                continue
            event[role] = {"text": speaker["text"], "code": speaker.get("code"),  # type: ignore[literal-required]
                           "country": speaker.get("country"), "sector": speaker.get("sector")}
            event["evidence"].setdefault("rules", {})[role] = RULE


def _first_person_doer(trigger: Token) -> Token | None:
    """The trigger's first-person doer: an active verb's subject, a noun's possessor ("our support")."""
    if trigger.pos_ in ("VERB", "AUX"):
        doer = syntax.subject(trigger)
        if doer is None or doer.dep_ == "nsubjpass":
            return None
    else:
        doer = next((c for c in trigger.children if c.dep_ == "poss"), None)
    return doer if doer is not None and doer.lower_ in en.FIRST_PERSON_PRONOUNS else None


def _first_person_object(trigger: Token) -> Token | None:
    """The trigger's first-person object: a verb's direct object or the object of one of its
    prepositions ("attacked us", "talk with us")."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return None
    found = [syntax.direct_object(trigger)]
    found += [syntax.pobj(c) for c in trigger.children if c.dep_ == "prep"]
    return next((t for t in found if t is not None and t.text in en.FIRST_PERSON_OBJECTS), None)


def _speaker_at(quoted: list[_Quote], starts: list[int], char: int) -> ActorRef | None:
    """The speaker of the innermost quotation holding ``char`` (None when it has none)."""
    holding = [q for q in quoted[:bisect.bisect_right(starts, char)] if q.start <= char < q.end]
    if not holding:
        return None
    return max(holding, key=lambda q: (q.depth, q.start)).speaker
