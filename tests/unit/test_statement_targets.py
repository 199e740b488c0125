"""docs/annotation.md D1a: a statement that blames or criticises is the speaker's disapproval (11x) of the one
it is about (events.assemble._disapproved_targets, events.codes.disapproved; eval/sessions/38.md, "Session 38:
stmtroot38"). Sentences written for these tests, parsed by the real pipeline."""

from __future__ import annotations

from spacy.language import Language


def said(nlp: Language, text: str) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
    return [(e["cameo"], (e["source"] or {}).get("text"), (e["target"] or {}).get("code"),
             e["evidence"]["rules"].get("code"), e["evidence"]["rules"].get("target"))
            for e in nlp(text)._.events if e["trigger"] == "said"]


# disapproved: the target is whom the disapproval word is said of, not the first foreign actor of the clause


def test_the_one_judged_is_the_target_not_the_foreign_actor_named_after_it(nlp: Language) -> None:
    assert said(nlp, "The Kenyan foreign minister said the Kenyan opposition's plan for Uganda was cruel.") == [
        ("111", "Kenyan foreign minister", "KENOPP", "_negative_evaluation", "disapproved")]


def test_a_foreign_actor_judged_stays_the_target(nlp: Language) -> None:
    assert said(nlp, "The Kenyan president said Uganda's plan was cruel.") == [
        ("111", "Kenyan president", "UGA", "_negative_evaluation", "_verb_roles")]


# disapproved_home: a disapproval that names no actor is aimed at the speaker's own country


def test_a_criticism_naming_no_actor_is_aimed_at_the_speakers_country(nlp: Language) -> None:
    assert said(nlp, "The Kenyan president said the decision was irresponsible.") == [
        ("111", "Kenyan president", "KEN", "_disapproval", "disapproved_home")]


def test_a_noun_of_criticism_naming_no_actor_is_aimed_at_the_speakers_country(nlp: Language) -> None:
    assert said(nlp, "The Kenyan president said the new tax was a disgrace.") == [
        ("111", "Kenyan president", "KEN", "_disapproval", "disapproved_home")]


def test_a_negated_criticism_is_no_act(nlp: Language) -> None:
    assert said(nlp, "The Kenyan president said the decision was not irresponsible.") == []


def test_a_statement_that_judges_nothing_has_no_home_target(nlp: Language) -> None:
    assert said(nlp, "The Kenyan president said the decision was reasonable.") == []


def test_a_transnational_speaker_has_no_home_country(nlp: Language) -> None:
    assert said(nlp, "Amnesty International said the decision was irresponsible.") == []


def test_the_home_target_is_named_by_its_country(nlp: Language) -> None:
    # a home target names its country, as every side that is a country and nothing more (codebook.country_side)
    events = [e for e in nlp("The Kenyan president said the decision was irresponsible.")._.events
              if e["trigger"] == "said"]
    assert [(e["target"]["text"], e["target"]["code"]) for e in events] == [("Kenya", "KEN")]


def test_a_speaker_judging_we_blames_no_one(nlp: Language) -> None:
    assert said(nlp, "“We were irresponsible,” the Kenyan president said.") == []


def test_a_speaker_judging_what_is_ours_blames_no_one(nlp: Language) -> None:
    # the possessor of the judged phrase, also of the subject a judging noun is predicated of
    assert said(nlp, "“Our failure was a disgrace,” the Kenyan president said.") == []
    assert said(nlp, "The Kenyan president said our decision was irresponsible.") == []


# said_own_first (session 41, targets41b): a statement that blames or criticises keeps the speaker's own state named
# first in what it says as its target, where a plain statement passes over it for the next country named


def test_a_criticism_keeps_the_speakers_own_state_named_first(nlp: Language) -> None:
    assert said(nlp, "The American senator said the Pentagon's plan for Iraq showed a shameful lack of strategy.") == [
        ("111", "American senator", "USAMIL", "_disapproval", "said_own_first")]


def test_a_plain_statement_still_passes_over_the_speakers_own_state(nlp: Language) -> None:
    assert said(nlp, "The American senator said the Pentagon's plan for Iraq was ready.") == [
        ("010", "American senator", "IRQ", "_verb_entry", "_verb_roles")]
