"""Lexicon entries that coded non-acts (session 24, lexicon): the sense of a verb or noun that is not
the CAMEO act is no event, while the sense the codebook codes stays coded. Sentences written for these
tests."""

from __future__ import annotations

from spacy.language import Language


def triggers(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    """(CAMEO code, trigger rule) of every event of the text, asserted or not."""
    return [(e["cameo"], e["evidence"]["rules"].get("trigger")) for e in nlp(text)._.events]


def rules(nlp: Language, text: str) -> set[str | None]:
    return {rule for _, rule in triggers(nlp, text)}


def test_failing_is_no_act_of_its_own_but_failing_to_agree_is_a_rejection(nlp: Language) -> None:
    assert "verbs.tsv:fail" not in rules(nlp, "The Kenyan police failed to inform the court about the witness.")
    assert "verbs.tsv:fail" not in rules(nlp, "The Kenyan coalition is failing, the opposition leader said.")
    agreement = triggers(nlp, "Kenya and Uganda failed to reach an agreement on the border on Sunday.")
    assert [code[:2] for code, rule in agreement if rule == "verbs.tsv:fail"][:1] == ["12"]


def test_waiting_and_studying_are_no_acts(nlp: Language) -> None:
    assert "verbs.tsv:await" not in rules(nlp, "The Kenyan opposition leader is awaiting trial in Nairobi.")
    assert "verbs.tsv:study" not in rules(nlp, "The Ugandan minister studied law in London before entering politics.")


def test_come_is_motion_or_an_idiom_but_coming_under_fire_is_criticism(nlp: Language) -> None:
    assert "verbs.tsv:come" not in rules(nlp, "The Kenyan president came to power in 2013.")
    assert "verbs.tsv:come" not in rules(nlp, "Most of the refugees in Uganda came from South Sudan.")
    assert "verbs.tsv:come" not in rules(nlp, "The new Kenyan law comes into effect on Monday.")
    fire = triggers(nlp, "The Kenyan president came under fire from Uganda's foreign minister on Monday.")
    assert ("111", "verbs.tsv:come") in fire


def visits(nlp: Language, text: str) -> list[tuple[str | None, str | None]]:
    return [((e["source"] or {}).get("country"), (e["target"] or {}).get("country"))
            for e in nlp(text)._.events if e["cameo"].startswith(("042", "043"))]


def test_a_visit_inside_one_state_is_domestic_routine(nlp: Language) -> None:
    assert visits(nlp, "The Kenyan president visited Mombasa and Kisumu on Monday.") == []
    assert ("KEN", "UGA") in visits(nlp, "The Kenyan president visited Uganda on Monday.")


def test_domestic_visit_reads_the_chosen_countries() -> None:
    from dateline.actors.countries import domestic_visit

    def event(code: str, src: str | None, tgt: str | None) -> dict[str, object]:
        return {"cameo": code, "source": {"country": src} if src else None, "target": {"country": tgt} if tgt else None}

    assert domestic_visit(event("042", "KEN", "KEN"))
    assert not domestic_visit(event("043", "GBR", "GBR"))  # hosting: left alone
    assert not domestic_visit(event("042", "KEN", "UGA"))
    assert not domestic_visit(event("042", "KEN", None))
    assert not domestic_visit(event("040", "KEN", "KEN"))  # a meeting of two domestic parties is judged elsewhere


def test_a_cabinet_meeting_is_the_government_s_own_session(nlp: Language) -> None:
    assert "nouns.tsv:meeting" not in rules(nlp, "The Kenyan president spoke about Uganda during a cabinet meeting on Monday.")
    assert "nouns.tsv:meeting" in rules(nlp, "The Kenyan president held a meeting with Uganda's president on Monday.")


def test_asked_about_a_topic_is_a_question_not_an_appeal(nlp: Language) -> None:
    assert "verbs.tsv:ask" not in rules(nlp, "The Kenyan president smiled when asked about Uganda's new border policy.")
    assert "verbs.tsv:ask" in rules(nlp, "The Kenyan president asked Uganda to reopen the border.")


def test_departing_promoting_and_delaying_are_no_acts(nlp: Language) -> None:
    assert "verbs.tsv:depart" not in rules(nlp, "The Kenyan president departed on Monday after the ceremony.")
    assert "verbs.tsv:promote" not in rules(nlp, "The Kenyan president promoted his deputy to foreign minister.")
    assert "verbs.tsv:delay" not in rules(nlp, "The Kenyan government had to delay the independence day parade.")


def test_unveiling_a_plan_is_no_act(nlp: Language) -> None:
    assert "verbs.tsv:unveil" not in rules(nlp, "The Kenyan president unveiled his new cabinet on Monday.")
    assert "verbs.tsv:unveil" not in rules(nlp, "A new budget was unveiled by the Ugandan government on Thursday.")
