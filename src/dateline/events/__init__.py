"""Events: who did what to whom, coded in CAMEO and PLOVER from the dependency parse (issue 4).

For every sentence the coder looks at verbs and event nouns whose lemma is in the lexicon
(:mod:`dateline.lexicon`): a verb's code comes from its most specific pattern (particle, object
head, preposition and its object) or else the verb's own code; an event noun ("a meeting between",
"talks with", "a visit to") has its own code. The source is the subject (the ``by`` agent of a
passive, the controller of an infinitive, the possessor of an event noun), the target the object or
the object of ``with``/``to``/``against``/``on``; conjoined actors give one event each. Actors are
resolved by :func:`dateline.actors.actor_ref`. PLOVER comes from :func:`codebook.cameo_to_plover`.

One event per verb phrase, as PETRARCH codes: what a coded act governs modifies it rather than
being a separate asserted act (:func:`_subordinate`): "agreed to lift embargoes on Iran" is one
AGREE aimed at Iran (the target of the intended act, :func:`_complement_targets`), with the lifting
kept as intended; a promise or plan of a hostile act is a threat (13x). Relative clauses and
participial modifiers are "reported" background. The complement of a speech verb is the event
("Libya has offered ..., a newspaper said"), its pronoun subject the speaker ("Hungary said it
will"); "X said Y must ..." is a request from X to Y, and a demand's target is the subject of
what is demanded. Coordinated modifiers ("Hungarian and Romanian officials") give one event per
actor; with no other target, a named place the act happens in is the target (CAMEO convention).
A target that names no actor is looked through ("fired at targets in Jericho"); a fronted phrase
("With the signing of ..., X agreed") is no target; a threat is aimed at whom its "if/unless"
binds; "A and B agreed" is one event per party (cue ``each_party``) while "A and B met" stays one
reciprocal event; a mediation "between A and B" is aimed at both. A protest with no target is
aimed at the first actor its purpose names ("a hunger strike to demand the resignation of X");
"allowed X to ..." acts on X; an appeal for a measure ("called for the expulsion of X's diplomats") is
aimed at whoever would take the measure (its possessor, named modifier, "with"/"from"/"of" party), never
at what it is done to, and by a minister or legislator naming no one, at its own country; the object of
a verb of talks ("discussed X's loan request with Y") is a topic, not a party, when a party is named; a violent act done by a weapon with no named actor ("a roadside
bombing near Samarra killed ...") has the unidentified armed forces of the place as source (UAF);
a later definite mention naming an event's parties ("the talks included X and Y") adds them to
the earlier event, with ``evidence`` pointing at the later sentence.

Every event carries ``negated`` and ``modality`` (asserted, intended, hypothetical, reported,
historical); only asserted, non-negated events are exported and scored by default. A future act
("will visit", "said it would pursue a summit") is kept as an intended event and also coded, as
CAMEO does, as an asserted intent (03x, or for a hostile act CAMEO's own threat: "will withdraw
inspectors" is 136), when a named source declares it (not an agentless passive, "ISIL will be
defeated"); "would" is a future only in reported speech, elsewhere a case put ("it would increase
spending": hypothetical, no intent); a conditional offer ("would meet X if ...") is an intent too, and
an announced refusal ("will not meet", "will no longer tolerate") a rejection (12x) unless a
warning already codes it as a threat.

CAMEO 01 statements and 02 appeals have no PLOVER type: their ``plover.event`` is
:data:`NO_PLOVER_EVENT`.

Layout (each module imports only those above it):

- :mod:`.sides`: the actor an argument token names, and when two sides are the same actor;
- :mod:`.triggers`: is it an act (lexicon entry, light verbs, claims, questions, imperatives);
- :mod:`.roles`: source and target, with the fall-backs tried when the parse names no target;
- :mod:`.modality`: asserted, intended, hypothetical, reported or historical; negation;
- :mod:`.codes`: derived codes (intents, threats, refusals) and the PLOVER type;
- :mod:`.assemble`: the ``dateline_events`` component and ``make_event``, the one place an event dict
  is made (the quotes stage builds its verbal events with it).
"""

from __future__ import annotations

from .triggers import _verb_entry
from .codes import NO_PLOVER_EVENT, _intent_code
from .assemble import code_doc, make_events, _key, make_event

__all__ = ["NO_PLOVER_EVENT", "code_doc", "make_event", "make_events"]
