"""Evaluations listed by the labellers and missed (session 53, hK): an act done "over the objections of" or "despite
the objections of" an actor is that actor's disapproval of the doer (cue overridden_objection, cue
concessive_preposition, ``events.assemble._overridden_events``, 110 on the noun), and an adjective that blames an
actor in what a speaker says is the speaker's criticism (cue blaming_adjective, ``events.assemble._evaluation_events``,
111 on the adjective); each with near misses that stay no such act. On sentences written for these tests and parsed
by the real pipeline."""

from __future__ import annotations

from spacy.language import Language

from tests.unit.test_lexicon_recall52 import events_on


def test_an_act_done_over_objections_is_disapproved_by_the_objector(nlp: Language) -> None:
    # "over the objections of X, Y ...": X disapproves of Y, 110 on the noun
    event = events_on(nlp, "Over the objections of Kenya, Uganda closed the border on Monday.", "objections")[0]
    assert (event["cameo"], event["evidence"]["rules"]["code"]) == ("110", "_overridden_objection")
    assert (event["source"]["country"], event["target"]["country"]) == ("KEN", "UGA")
    # "despite objections from X", after the clause
    event = events_on(nlp, "Uganda deployed troops to the border despite objections from Kenya.", "objections")[0]
    assert (event["source"]["country"], event["target"]["country"]) == ("KEN", "UGA")
    # a possessor or a modifier holds the objection
    event = events_on(nlp, "Uganda signed the deal despite Kenyan objections.", "objections")[0]
    assert (event["source"]["country"], event["target"]["country"]) == ("KEN", "UGA")


def test_objections_not_overridden_are_no_act_here(nlp: Language) -> None:
    # no holder named: no one objects
    assert events_on(nlp, "Uganda closed the border despite objections.", "objections") == []
    # not the object of "over" or "despite": the objection itself is told, no act overridden
    assert events_on(nlp, "Kenya's objections to the Ugandan plan were read out in parliament.", "objections") == []
    # a quarrel "over" a thing is no act done against an objection
    assert events_on(nlp, "Kenya and Uganda argued over the objections.", "objections") == []


def test_an_adjective_that_blames_an_actor_in_a_statement_criticises_it(nlp: Language) -> None:
    # cue blaming_adjective: predicated of an actor in what a speaker says, 111 on the adjective
    event = events_on(nlp, "“I think that Uganda has been foolish,” the Kenyan president said.", "foolish")[0]
    assert (event["cameo"], event["evidence"]["rules"]["code"]) == ("111", "_evaluative_adjective")
    assert (event["source"]["country"], event["target"]["country"]) == ("KEN", "UGA")
    # negated: no blame
    assert events_on(nlp, "“Uganda was not foolish,” the Kenyan president said.", "foolish") == []


def test_an_adjective_that_blames_no_actor_is_no_act(nlp: Language) -> None:
    # the speaker judging itself, or a thing with no owner named
    assert events_on(nlp, "“We were foolish,” the Kenyan president said.", "foolish") == []
    assert events_on(nlp, "“The weather was foolish,” the Kenyan president said.", "foolish") == []
    # no speaker: the writer's own word
    assert events_on(nlp, "Uganda has been foolish.", "foolish") == []
