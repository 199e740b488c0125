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
``_clause_asserted``): a done act (past tense or passive participle) in a relative clause, with
both its sides country-coded; the rest keep ``reported`` (descriptions, generic roles: "the man
who leads", participial modifiers and adjuncts, whose sides are still found here).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from .sides import Side

#: Tags of relative pronouns ("which", "that", "who", "whom").
RELATIVE_TAGS = frozenset({"WDT", "WP"})
#: Dependencies of a noun-modifying clause.
CLAUSE_LINKS = frozenset({"relcl", "acl"})
#: Verb tags of a relative clause that reports a done act: past or passive participle ("who
#: shelled", "which was backed by"); a present one mostly describes ("a firm that plans", "a
#: group that says"), an infinitive or gerund is no act yet. (With the present tenses too, train
#: gained one more right act but the dev gold set two false events.)
FINITE_TAGS = frozenset({"VBD", "VBN"})


def _first(verb: Token) -> Token:
    token = verb
    while token.dep_ == "conj" and token.head != token:
        token = token.head  # coordinated verbs share the clause of the first
    return token


def relative_pronoun(verb: Token) -> Token | None:
    """The relative pronoun of a relative clause, if it has one."""
    return next((c for c in verb.children if c.tag_ in RELATIVE_TAGS and c.dep_ != "mark"), None)


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


def clause_asserted(verb: Token, sources: Sequence[Side | None], targets: Sequence[Side | None]) -> bool:
    """Whether an act in a relative clause is asserted as an event of its own: its verb is past
    or a passive participle ("who shelled", "which is backed by", "that Russia has seized"), with no
    modal ("who would have attacked"), and both sides are country-coded parties."""
    token = _first(verb)
    if token.dep_ != "relcl" or verb.tag_ not in FINITE_TAGS:
        return False
    if any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in verb.children):
        return False
    return _coded(sources) and _coded(targets)


def _coded(sides: Sequence[Side | None]) -> bool:
    return any(side is not None and side.get("country") for side in sides)
