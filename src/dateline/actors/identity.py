"""Actor identity: when two actor references are the same actor, the one place that says so.

The stages compare actors for different jobs, and the jobs need different answers; each question
is a function here, named for what it asks, and the stages ask this module (pure functions over the
``{text, code, country, sector}`` references of :func:`dateline.actors.actor_ref`; no spaCy):

- :func:`same_code`: both coded, with one code.
- :func:`same_side` (events: the sides of one act): the same words naming the same actor. Strict,
  because it removes a side: a second copy of an actor in a list of sides, a target that repeats
  the source. Two people under one code ("Obama" and "Kerry", both USAGOV) stay two sides.
- :func:`side_key` (events: one event per act): what a side is counted by when two events of one
  sentence are the same act, its code, else its words.
- :func:`same_actor` (quotes: a quote's speaker and an event's source in its sentence): the same
  code, or one's words inside the other's ("Putin" and "Vladimir Putin"). Loose, because it only
  links a quote to an event the events stage already coded; it never removes an actor.
- :func:`short_name_of` (actors/countries ``same_entity``: a side's country from the same actor
  named in full elsewhere): a surname ("Mr Pugh") of a longer name ("Alun Pugh").
- :func:`state_of`: the country a code belongs to (not a transnational prefix, IGO or NGO).

Compared elsewhere, on purpose, in another way (each says why where it stands):

- the actors stage's own linking of names into one actor (:mod:`dateline.actors.stage`: a short
  name joins the fuller name it first met, so Kim Jong Un and Kim Yong Chol stay apart) decides
  what an actor *is*; the functions here compare references to actors already decided;
- :func:`dateline.fusion.same_speaker` compares stored rows across articles (two speakers under
  one code are one only when their capitalised names share a word);
- ``dateline.evaluate._same_actor`` and ``_same_country`` compare a prediction with a gold label
  (a gold ``USA*`` matches any code beginning USA; a missing gold side matches anything).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..kb import TRANSNATIONAL, split_code

#: An actor reference as the stages pass it (``{text, code, country, sector}``), or None.
Ref = Mapping[str, Any] | None


def same_code(a: Ref, b: Ref) -> bool:
    """Whether both references are coded, with the same code."""
    return bool(a and b and a.get("code") and a.get("code") == b.get("code"))


def same_side(a: Ref, b: Ref) -> bool:
    """Whether two sides are the same: the same words, and the same code when both are coded."""
    if a is None or b is None:
        return False
    if a.get("code") and b.get("code"):
        return bool(a["code"] == b["code"] and a["text"] == b["text"])
    return bool(a["text"] == b["text"])


def side_key(side: Ref) -> Any:
    """What a side is counted by when events are told apart: its code, else its words."""
    if side is None:
        return None
    return side.get("code") or side.get("text")


def same_actor(a: Ref, b: Ref) -> bool:
    """Whether two references name one actor, loosely: the same code, or the words of one inside
    the other's, ignoring case ("Putin", "Vladimir Putin")."""
    if not a or not b:
        return False
    if same_code(a, b):
        return True
    ta, tb = str(a.get("text", "")).lower(), str(b.get("text", "")).lower()
    return bool(ta and tb) and (ta in tb or tb in ta)


def short_name_of(text: str, name: str) -> bool:
    """Whether ``text`` names by a short form the actor called ``name`` in full: its last
    capitalised word (a surname, less any "'s") is a word of a name of more than one word."""
    words = [w for w in text.split() if w[:1].isupper()]
    if not words:
        return False
    last = words[-1].removesuffix("'s").removesuffix("’s")
    parts = name.split()
    return len(parts) > 1 and last in parts


def state_of(code: str | None) -> str | None:
    """The state a code belongs to: its country, not a transnational prefix (IGO, NGO, ...)."""
    country = split_code(code)[0]
    return country if country and country not in TRANSNATIONAL else None
