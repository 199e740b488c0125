"""Acts inside relative clauses and participles (issue 11): who does them to whom, and which of
them the text asserts.

A relative clause or participle hangs on a noun, and that noun is one of the act's sides:

- the relative pronoun is the subject ("the troops who shelled Gaza"): the noun acts
  (:func:`dateline.syntax.subject` already answers this);
- the pronoun is the object or passive subject ("an offer that Russia rejected", "the regime,
  which is backed by Iran") or the clause is a passive participle ("protesters killed by
  police"): the noun is acted on, :func:`clause_object` (rule ``_clause_object``);
- a participial adjunct ("police fired on crowds, killing 20") shares the main clause's subject
  (:func:`dateline.syntax.subject` through ``advcl``).

:func:`clause_asserted` decides which such acts the text asserts as events of their own (rule
``_clause_asserted``): a done act (simple past) in a non-restrictive relative clause, with both its
sides country-coded; :func:`clause_done` asserts a done act in a finite clause the coder would otherwise
leave reported (rule ``_clause_done``, session 37: the complement of an act, "warned that Russia had sent
artillery"); the rest keep ``reported`` (descriptions, generic roles, "the man who leads", participial
modifiers and adjuncts), whose sides are still found here.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from .sides import Side

#: Tags of relative pronouns ("which", "that", "who", "whom").
RELATIVE_TAGS = frozenset({"WDT", "WP"})
#: Dependencies of a noun-modifying clause.
CLAUSE_LINKS = frozenset({"relcl", "acl"})
#: Verb tags of a relative clause that reports a done act: the simple past ("who shelled"); a
#: present one mostly describes ("a firm that plans"), an infinitive or gerund is no act yet. (With
#: the passive participle and the present tenses too, train gained right acts but the dev news
#: split and the dev gold set false ones.)
FINITE_TAGS = frozenset({"VBD"})
#: The CAMEO root of a public statement.
STATEMENT_ROOT = "01"


def _first(verb: Token) -> Token:
    token = verb
    while token.dep_ == "conj" and token.head != token:
        token = token.head  # coordinated verbs share the clause of the first
    return token


def clause_object(verb: Token, obj: Token | None) -> Token | None:
    """The noun a clause modifies when the clause's act is done to it, or None.

    "the regime, which is backed by Iran" and "an offer that Democrats refused": the relative
    pronoun stands for the noun; "protesters killed by police", "areas seized by rebels": a passive
    participle with no object of its own acts on its noun.
    """
    if verb.dep_ not in CLAUSE_LINKS or verb.head == verb or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if verb.dep_ == "relcl":
        if obj is not None and obj.tag_ in RELATIVE_TAGS and obj.head == verb:
            return verb.head
        return None
    if verb.tag_ == "VBN" and obj is None and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children):
        return verb.head
    return None


def clause_asserted(verb: Token, code: str, sources: Sequence[Side | None], targets: Sequence[Side | None]) -> bool:
    """Whether an act in a relative clause is asserted as an event of its own: a non-restrictive
    clause (set off by a comma: "Israel, which shelled Gaza, ..."; a restrictive one identifies its
    noun, "the man who led the raid"), its verb in the simple past with no modal, and both sides
    country-coded parties. A statement (CAMEO 01, ``code``: "who expressed fears", "who declared
    that") mostly introduces its speaker: it stays reported."""
    token = _first(verb)
    if token.dep_ != "relcl" or verb.tag_ not in FINITE_TAGS or code[:2] == STATEMENT_ROOT:
        return False
    if any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in verb.children):
        return False
    if not _set_off(token):
        return False
    return _coded(sources) and _coded(targets)


def clause_done(verb: Token, code: str) -> bool:
    """Whether an act the coder would leave ``reported`` as a subordinate (:func:`.triggers._subordinate`)
    is a finite clause told as done, so asserted (rule ``_clause_done``, session 37): the clausal complement
    of an act ("warned that Russia had sent artillery", "confirmed that troops had entered the town"),
    or a verb in the simple past that the parser hangs on a noun (``acl`` VBD: mostly a main clause
    or a reduced passive it misread). Not an infinitive or bare form nor a modal ("to withdraw",
    "could strike"), nor a statement (CAMEO 01: "who said" introduces a speaker). Relative clauses and
    participles (``relcl``, ``acl`` VBN/VBG, a participial adjunct) stay ``reported`` though
    labellers call most of their acts asserted: on train they added F1 (0.3305 -> 0.3406) and
    on dev too, but each fired on sentences of the gold set that list only the main act, and its
    type F1 fell under its floor (eval/README.md, "Session 37: modality37")."""
    token = _first(verb)
    if code[:2] == STATEMENT_ROOT or token.tag_ in BARE_TAGS:
        return False
    if token.dep_ != "ccomp" and not (token.dep_ == "acl" and token.tag_ in FINITE_TAGS):
        return False
    return not any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for t in {token, verb} for c in t.children)


#: Tags of an infinitive or bare verb ("a decision to withdraw", "who would strike") and of a modal.
BARE_TAGS = frozenset({"VB", "MD"})


def _set_off(clause: Token) -> bool:
    """Whether a relative clause is non-restrictive: a comma just before it (or before its pronoun)."""
    doc = clause.doc
    start = clause.left_edge.i
    return any(t.text == "," for t in doc[max(start - 1, 0):start + 1])


def _coded(sides: Sequence[Side | None]) -> bool:
    return any(side is not None and side.get("country") for side in sides)
