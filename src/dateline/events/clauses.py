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
``_clause_asserted``): a done act in a relative clause (simple past, perfect or passive participle,
progressive: "Israel, which shelled Gaza", "the rebels who have seized the town", "the group that is
fighting the army") or a participle hanging on a name ("Iran, backed by Russia, ..."), with both its
sides identified actors and no statement, intent or threat; the rest keep ``reported`` (descriptions,
generic roles: "the man who leads", a present or modal clause, participles on common nouns, an act with
one side only, whose sides are still found here; participial adjuncts, "..., killing 20", are
``triggers._trailing_adjunct``'s). :func:`clause_done` asserts a done act in a finite clause the
coder would otherwise leave reported (rule ``_clause_done``, session 37: the complement of an act,
"warned that Russia had sent artillery", or a simple past the parser hangs on a noun).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from .sides import Side

#: Tags of relative pronouns ("which", "that", "who", "whom").
RELATIVE_TAGS = frozenset({"WDT", "WP"})
#: Dependencies of a noun-modifying clause.
CLAUSE_LINKS = frozenset({"relcl", "acl"})
#: Verb tags of a relative clause that reports a done act: the simple past ("who shelled"), the
#: perfect or passive participle ("which has seized", "who was sanctioned by"), the progressive ("that
#: is fighting"); a simple present one mostly describes ("a firm that plans"), an infinitive or a modal
#: is no act yet. (Session 37, missed37: the participles and the progressive added, and the comma of
#: a non-restrictive clause no longer asked, with both sides identified rather than country-coded:
#: train F1 rises, eval/README.md "Session 37: missed37".)
FINITE_TAGS = frozenset({"VBD", "VBN", "VBG"})
#: Verb tags of a participle that hangs on a name ("Iran, backed by Russia", "Hamas, firing rockets
#: at Israel"): it tells an act of or on that name.
PARTICIPLE_TAGS = frozenset({"VBN", "VBG"})
#: CAMEO roots a clause does not assert: a public statement (01: "who expressed fears", "who declared
#: that" mostly introduces its speaker), an expressed intent (03) or a threat (13) ("Sharon, who has
#: vowed not to return the Golan", "X, which is preparing an offensive": the holder's stance, the act
#: promised not done; on train the intents a clause would assert were right 2 of 17).
UNASSERTED_ROOTS = frozenset({"01", "03", "13"})


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
    """Whether an act in a relative clause or a participle on a name is asserted as an event of its
    own, with both its sides identified actors (a country or an actor code):

    - a relative clause whose verb is done or going on (:data:`FINITE_TAGS`: "Israel, which shelled
      Gaza", "the rebels who have seized the town", "an official who was sanctioned by the Treasury"),
      with no modal or "to";
    - a participle hanging on a proper noun ("Iran, backed by Russia", "Hamas, firing rockets at Israel").

    A statement, an intent or a threat (:data:`UNASSERTED_ROOTS`, by ``code``) stays reported."""
    if code[:2] in UNASSERTED_ROOTS:
        return False
    token = _first(verb)
    if token.dep_ == "relcl":
        if verb.tag_ not in FINITE_TAGS or any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in verb.children):
            return False
    elif token.dep_ != "acl" or token.head.pos_ != "PROPN" or verb.tag_ not in PARTICIPLE_TAGS:
        return False
    return _identified(sources) and _identified(targets)


def clause_done(verb: Token, code: str) -> bool:
    """Whether an act the coder would leave ``reported`` as a subordinate (:func:`.triggers._subordinate`)
    is a finite clause told as done, so asserted (rule ``_clause_done``, session 37): the clausal complement
    of an act ("warned that Russia had sent artillery", "confirmed that troops had entered the town"),
    or a verb in the simple past that the parser hangs on a noun (``acl`` VBD: mostly a main clause
    or a reduced passive it misread). Not an infinitive or bare form nor a modal ("to withdraw",
    "could strike"), nor a statement (CAMEO 01: "who said" introduces a speaker). Relative clauses and
    participles on names are :func:`clause_asserted`'s (both sides identified); those with a side
    missing, participles on common nouns and participial adjuncts stay ``reported``: counted, they
    fired on sentences of the gold set that list only the main act, and its type F1 fell under its
    floor (eval/README.md, "Session 37: modality37" and "Session 37: missed37")."""
    token = _first(verb)
    if code[:2] == STATEMENT_ROOT or token.tag_ in BARE_TAGS:
        return False
    if token.dep_ != "ccomp" and not (token.dep_ == "acl" and token.tag_ == PAST_TAG):
        return False
    return not any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for t in {token, verb} for c in t.children)


#: The simple past, the one tag of a verb hung on a noun (``acl``) that :func:`clause_done` reads as a
#: done act (a participle there describes: "the troops stationed in X").
PAST_TAG = "VBD"
#: The CAMEO root of a public statement: "who said" introduces a speaker.
STATEMENT_ROOT = "01"
#: Tags of an infinitive or bare verb ("a decision to withdraw", "who would strike") and of a modal.
BARE_TAGS = frozenset({"VB", "MD"})


def _identified(sides: Sequence[Side | None]) -> bool:
    """Whether a side is an identified actor: a country, or an actor code (a person or group the
    countries stage may still give one)."""
    return any(side is not None and (side.get("country") or side.get("code")) for side in sides)
