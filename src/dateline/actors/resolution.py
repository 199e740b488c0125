"""Resolution: the actor behind a stretch of text (:func:`actor_ref`), re-coded as of a date
(:func:`resolve_as_of`), and the ``dateline_actor_dates`` stage that re-codes every event's
actors as of its date."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..doc import extension, token_starts
from ..kb import KnowledgeBase, load_kb, split_code
from ..record import ActorRef
from .countries import armed_group_target, condemned_attack_target, disapproved_abroad, domestic_visit, gate_statements, \
    home_target, infer_side_countries, subjectless_source, unclaimed_attack_source
from .index import in_window, mention_index


#: kb key -> KB, so resolve_as_of finds the KB a Doc was coded with (``doc.user_data`` keeps the key).
_REGISTRY: dict[str, KnowledgeBase] = {}


KB_KEY = "dateline.kb"


def _doc_kb(doc: Doc) -> KnowledgeBase:
    """The KB ``doc`` was coded with (:data:`_REGISTRY` by ``doc.user_data``'s key), else the packaged one."""
    return _REGISTRY.get(doc.user_data.get(KB_KEY, "")) or load_kb(None)


def _ref(actor: Mapping[str, Any], text: str, code: str | None) -> ActorRef:
    country, sector = split_code(code)
    return {"text": text, "code": code, "country": country, "sector": sector}


def _governed(doc: Doc, mention: dict[str, Any], others: list[dict[str, Any]], start_char: int, end_char: int) -> bool:
    """Whether the mention hangs, inside the range, on the tokens of another mention there (the place
    in "rebels in Darfur", the country in "the Albanians of Serbia"): then it is not the phrase's actor."""
    span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    starts = token_starts(doc)  # the tokens that start in each other mention, found by bisection
    owned = {i for o in others if o is not mention
             for i in range(bisect.bisect_left(starts, o["start"]), bisect.bisect_left(starts, o["end"]))
             } if others else set()
    while token.head.i != token.i and start_char <= token.head.idx < end_char:
        token = token.head
        if token.i in owned:
            return True
    return False


def _find(doc: Doc, start_char: int, end_char: int) -> tuple[dict[str, Any], dict[str, Any]] | None:
    index = mention_index(doc)
    if index is None:
        return None
    starts, entries, longest, _ = index
    best: tuple[int, dict[str, Any], dict[str, Any]] | None = None
    inside = [(e[3], e[4]) for e in in_window(doc, start_char, end_char, index)]  # found by bisection
    if len(inside) > 1:
        # the phrase's own actor, not one named in a modifier of it: "rebels in Darfur" are rebels
        mentions = [m for _, m in inside]
        heads = [(a, m) for a, m in inside if not _governed(doc, m, mentions, start_char, end_char)]
        inside = [(a, m) for a, m in heads if a.get("code")] or inside  # an uncoded head: its modifier
    for actor, mention in inside:
        size = mention["end"] - mention["start"]
        if best is None or size > best[0]:
            best = (size, actor, mention)
    if best is None and start_char < end_char:
        # a stretch inside a mention is its actor: "Israeli" of "Israeli troops", the name or the
        # title of "British Defence Secretary Tom King" (the mentions that hold it start at most
        # the longest mention's length before its end)
        lo = bisect.bisect_left(starts, end_char - longest)
        hi = bisect.bisect_right(starts, start_char)
        for start, end, _, actor, mention in sorted(entries[lo:hi], key=lambda e: e[2]):
            if end_char <= end:
                size = end - start
                if best is None or size < best[0]:
                    best = (size, actor, mention)
    return (best[1], best[2]) if best else None


def actor_ref(doc: Doc, start_char: int, end_char: int) -> ActorRef | None:
    """The actor mentioned in ``doc.text[start_char:end_char]``, as an event's source/target/speaker.

    Returns ``{"text", "code", "country", "sector"}`` for the mention that lies inside the range
    (the longest if several; names, nominal phrases like "Israeli troops", and "he"/"the official"
    linked to an actor); if none does, the smallest mention that holds the range ("Israeli" of
    "Israeli troops", "Tom King" of "British Defence Secretary Tom King"); else None.
    """
    found = _find(doc, start_char, end_char)
    if found is None:
        return None
    actor, mention = found
    return _ref(actor, mention["text"], actor.get("code"))


def resolve_as_of(doc: Doc, actor_or_mention: Mapping[str, Any], date: dt.date | None) -> ActorRef | None:
    """The ref of an actor (a ``doc._.actors`` item) or a mention/ref (``start``/``end`` or ``span``)
    re-coded for ``date``, e.g. an event's date rather than publication.

    KB-coded actors take the role held on ``date``; actors coded from their title keep that code.
    """
    actor = actor_or_mention if "mentions" in actor_or_mention else None
    text = actor_or_mention.get("text") or (actor or {}).get("name") or ""
    if actor is None:
        start, end = actor_or_mention.get("start"), actor_or_mention.get("end")
        if start is None and actor_or_mention.get("span"):
            start, end = actor_or_mention["span"]
        if start is None or end is None:
            return None
        found = _find(doc, int(start), int(end))
        if found is None:
            return None
        actor, mention = found
        text = mention["text"]
    kb = _doc_kb(doc)
    entry = kb.entries.get(actor.get("kb_id") or "")
    if entry is None:
        return _ref(actor, text, actor.get("code"))
    role = entry.role_at(date)
    code = role.code if role else None
    titled = [e for e in actor.get("evidence", []) if e.get("kind") == "title"]
    if (code is None or not split_code(code)[1]) and titled:
        code = actor.get("code")  # outside its KB roles the text's own title still speaks
    elif code and actor.get("code") and actor["code"] == split_code(actor["code"])[0] and code[:3] == actor["code"]:
        code = code  # a seat used as a place stays a place whatever the date
    if actor.get("code") and len(actor["code"]) == 3 and entry.kind == "seat":
        code = actor["code"]
    return _ref(actor, text, code)


def _as_of(value: str, granularity: str | None, date_range: list[str] | None) -> dt.date:
    """A day standing for a date value (the first day of its range; an open start, ``[None, last]``, of a
    ``before_published`` act dated by the clause above: the value's own first day)."""
    return dt.date.fromisoformat(date_range[0] if date_range and date_range[0] else value if granularity == "day" else
                                 (value + "-01-01")[:10] if len(value) == 4 else value + "-01")


def redate_event_actors(doc: Doc, event: dict[str, Any]) -> None:
    """Re-code an event's source and target as of its date, when that falls in another year than
    publication (issue 3: Trump is ``USAGOV`` in 2019, not in 2015)."""
    date = event.get("date") or {}
    published: dt.date | None = extension(doc, "published")
    if not date.get("value") or published is None or date["value"][:4] == str(published.year):
        return
    day = _as_of(date["value"], date.get("granularity"), date.get("range"))
    for role in ("source", "target"):
        if event.get(role):
            resolved = resolve_as_of(doc, event[role], day)
            if resolved is not None:
                event[role] = resolved


@Language.factory("dateline_actor_dates", requires=["doc._.actors", "doc._.events"],
                  assigns=["doc._.events"])
def make_actor_dates(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Actors as of the event's date: runs after ``dateline_dates`` has dated every event."""
    return redate_actors


#: The name of the fallbacks stage (:func:`make_fallbacks`), which the models' training data is coded without.
FALLBACKS_STAGE = "dateline_fallbacks"


def counted_fallbacks(doc: Doc) -> Doc:
    """The fallback sides filled after the act filter and the confidence have scored every event (the
    ``dateline_fallbacks`` stage, after ``dateline_confidence``), so they change no event's confidence nor whether it
    counts: the models were fitted on the sides as the rules and the chooser leave them. An active verb, or an event
    noun not of violence, with no doer takes the article's country
    (:func:`dateline.actors.countries.subjectless_source`); an attack noun that names no doer, only the place it struck,
    takes that place's country (:func:`dateline.actors.countries.unclaimed_attack_source`), or the Islamic State or
    al-Qaeda where its sentence or the two before name one (:func:`dateline.actors.countries.attack_group`, session
    58); people fighting for an armed
    group are that group, with no target (:func:`dateline.events.assemble.joined_group_sides`).
    ``dateline.train.judged_events`` codes the models'
    training data with this stage disabled, so that they are fitted on the sides they score in the product."""
    from ..events.assemble import joined_group_sides  # the events stage imports this package
    kb = _doc_kb(doc)
    for event in doc._.events or []:
        subjectless_source(doc, kb, event)
        unclaimed_attack_source(doc, event)
        joined_group_sides(doc, event)  # "Americans fighting for ISIS": the group fights
    return doc


@Language.factory(FALLBACKS_STAGE, requires=["doc._.events"], assigns=["doc._.events"])
def make_fallbacks(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The fallback sides, once every event is scored (:func:`counted_fallbacks`): runs after ``dateline_confidence``."""
    return counted_fallbacks


def redate_actors(doc: Doc) -> Doc:
    """Re-code every dated event's actors as of its date (:func:`redate_event_actors`)."""
    kb = _doc_kb(doc)
    for event in doc._.events or []:
        redate_event_actors(doc, event)
        infer_side_countries(doc, kb, event)
    from ..roots_model import correct_roots  # the learned root correction, on the chosen sides
    from ..sides_model import rank_sides  # the learned side chooser, on the rules' sides
    doc = correct_roots(rank_sides(doc, kb))
    for event in doc._.events or []:
        armed_group_target(doc, kb, event)  # a state's fighting aimed at its place: the armed group named around it
        condemned_attack_target(doc, kb, event)  # a condemned attack: the armed group named around it
        disapproved_abroad(doc, kb, event)  # a disapproval named no one: the other country its sentence names
        home_target(doc, kb, event)  # a domestic act the rules and the chooser left with no target
    # a visit inside one state (countries now chosen) is domestic routine, no act (D6)
    doc._.events = [event for event in doc._.events or [] if not domestic_visit(event)]
    for event in doc._.events:
        # not counted: a plain statement inside one state (domestic_statement) or by a speaker placed only by its
        # surroundings (unplaced_statement), D1a, D1d, D6; a cooperative intent aimed at nobody or by a declarer
        # placed only by its surroundings (unplaced_intent), D34; an intent to meet or visit inside one state
        # (domestic_agenda: the intent half of domestic_visit above), D6; a plain statement by a private speaker
        # (private_statement), D1a, D10b; a journey the text places nowhere (placeless_journey), D6; a vote or a
        # campaign (electoral_routine), D6; an intent or consultation of private sides among themselves or with
        # nobody (private_cooperation), D6, D10b; military protection by no fighting or police force
        # (unarmed_protection); "led to" an outcome (caused_outcome), read on the parse; force told in general by a
        # civilian organ to another at home or to its own state guessed (figurative_violence), D6, read on the parse
        gate_statements(event, doc)
    return doc
