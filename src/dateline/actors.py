"""Actors: who takes part, grouped per article, in the output shape ``name, code, country, sector, mentions``.

This is the baseline stage: it groups the named entities that can be political actors (PERSON,
ORG, GPE, NORP) by name, so that a short mention ("Kim", "Pompeo") counts towards the longest name
in the article that ends with it. It does not code them: ``code``, ``country`` and ``sector`` stay
null until the actor knowledge base (issue 3) resolves them. Each mention is kept with its offsets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .nlp import sentence_index

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _name(ent: Span) -> str:
    text = ent.text.strip()
    for prefix in ("the ", "The "):
        if text.startswith(prefix) and ent.label_ in ("ORG", "GPE"):
            text = text[len(prefix):]
    return text.removesuffix("’s").removesuffix("'s").strip()


@Language.factory("dateline_actors", default_config={"user_actors": None}, requires=["doc.ents"],
                  assigns=["doc._.actors"])
def make_actors(nlp: Language, name: str, user_actors: str | None) -> Callable[[Doc], Doc]:
    """The actors stage. user_actors: a CSV/JSON file of actors (used by the KB stage of issue 3)."""
    return group_actors


def group_actors(doc: Doc) -> Doc:
    """Group actor-like entities by name; a one-word PERSON mention joins the full name it ends."""
    sentence_of = sentence_index(doc)
    groups: dict[tuple[str, str], dict] = {}
    full_names: dict[str, tuple[str, str]] = {}
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        name = _name(ent)
        if not name:
            continue
        key = (name, ent.label_)
        if ent.label_ == "PERSON" and " " not in name and name in full_names:
            key = full_names[name]
        group = groups.setdefault(key, {"name": key[0], "label": key[1], "code": None, "country": None,
                                        "sector": None, "mentions": []})
        group["mentions"].append({"text": ent.text, "start": ent.start_char, "end": ent.end_char,
                                  "sentence": sentence_of(ent.start)})
        if ent.label_ == "PERSON" and " " in name:
            for part in (name.split()[0], name.split()[-1]):
                full_names.setdefault(part, key)
    doc._.actors = list(groups.values())
    return doc




def actor_ref(doc: Doc, start_char: int, end_char: int) -> dict[str, Any] | None:
    """The actor mentioned in ``doc.text[start_char:end_char]``, as an event's source/target/speaker.

    Returns ``{"text", "code", "country", "sector"}`` for the mention that lies inside the range
    (the longest if several), or None when no actor is mentioned there.
    """
    best: tuple[int, dict[str, Any], dict[str, Any]] | None = None
    for actor in doc._.actors or []:
        for mention in actor["mentions"]:
            if mention["start"] >= start_char and mention["end"] <= end_char:
                size = mention["end"] - mention["start"]
                if best is None or size > best[0]:
                    best = (size, actor, mention)
    if best is None:
        return None
    _, actor, mention = best
    return {"text": mention["text"], "code": actor.get("code"), "country": actor.get("country"),
            "sector": actor.get("sector")}
