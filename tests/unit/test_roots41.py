"""Roots of real acts set by a lexicon entry or a verb's complements (session 41, roots41): calling off a summit
reduces relations, leaving a deal breaks it, approving sanctions or funding imposes or gives them, targeting a
country's exports sanctions them, challenging someone to act demands it, raising concerns disapproves, two actors
who talked consulted each other, pleading guilty is a statement and a state protesting complains;
on sentences written for these tests and parsed by the real pipeline."""

from __future__ import annotations

from spacy.language import Language

from tests.unit.test_events_roots_objects import by_trigger as _by_trigger


def test_calling_off_a_summit_reduces_relations_refusing_to_meet_stays_a_rejection(nlp: Language) -> None:
    # patterns_extra.tsv cancel meeting/summit/session 160 (docs/annotation.md D38a); the cancel block holds "call off"
    assert _by_trigger(nlp, "The Kenyan president canceled his summit with the Ugandan president.",
                       "canceled")[0] == "160"
    assert _by_trigger(nlp, "The Kenyan president called off his meeting with the Ugandan president.",
                       "called")[0] == "160"
    # talks called off keep CAMEO 125 (suspended talks are labelled rejections)
    assert _by_trigger(nlp, "The Kenyan government suspended its talks with Uganda.", "suspended")[0] == "125"


def test_leaving_a_deal_reduces_relations(nlp: Language) -> None:
    # patterns_extra.tsv retreat from deal / convention 161 (D22c); withdrawing troops stays a retreat
    assert _by_trigger(nlp, "Kenya withdrew from the deal with Uganda.", "withdrew")[0] == "161"
    assert _by_trigger(nlp, "Kenya withdrew its troops from Uganda.", "withdrew")[0][:2] == "08"


def test_approving_sanctions_imposes_them_approving_funding_gives_aid(nlp: Language) -> None:
    # patterns_extra.tsv allow sanction(s) 163, allow funding 071 (the allow block: approve, authorize)
    assert _by_trigger(nlp, "The Kenyan parliament approved sanctions against Uganda.", "approved")[0] == "163"
    assert _by_trigger(nlp, "The Kenyan parliament approved the funding for Uganda.", "approved")[0] == "071"
    assert _by_trigger(nlp, "The Kenyan parliament approved the Ugandan request.", "approved")[0] not in ("163", "071")


def test_targeting_a_countrys_exports_is_a_sanction_targeting_a_base_is_force(nlp: Language) -> None:
    # patterns_extra.tsv target product(s), export(s), import(s), goods 163
    assert _by_trigger(nlp, "Kenya imposed tariffs targeting Ugandan exports.", "targeting")[0] == "163"
    assert _by_trigger(nlp, "Kenyan jets targeted a Ugandan base.", "targeted")[0][:2] == "19"


def test_challenging_someone_to_act_demands_it(nlp: Language) -> None:
    # senses.tsv challenge infinitive 100; a bare challenge stays the 110 of disapproval
    assert _by_trigger(nlp, "The Kenyan opposition challenged the Ugandan government to publish the report.",
                       "challenged") == ("100", "_sense")
    assert _by_trigger(nlp, "Kenya challenged the Ugandan claim.", "challenged")[0] == "110"


def test_raising_concerns_disapproves(nlp: Language) -> None:
    # patterns_extra.tsv raise concern(s) 110, not Phoenix's 040
    assert _by_trigger(nlp, "The Kenyan envoy raised concerns about the Ugandan elections.", "raised")[0] == "110"


def test_two_actors_who_talked_consulted_each_other_one_talking_about_a_topic_did_not(nlp: Language) -> None:
    # senses.tsv talk coordinated_actors 040 (reciprocal)
    assert _by_trigger(nlp, "The Kenyan president and the Ugandan president talked about the border on Monday.",
                       "talked") == ("040", "_sense")
    assert _by_trigger(nlp, "The Kenyan president talked about the Ugandan border on Monday.", "talked")[0] == "010"
    assert _by_trigger(nlp, "The Kenyan president talked to reporters on Monday.", "talked")[0] == "010"
    # two actors of one country each talking, or one side talking among itself, consulted no other (session 41 mend)
    assert _by_trigger(nlp, "Biden and Harris talked about immigration at separate rallies.", "talked")[0] != "040"
    assert _by_trigger(nlp, "The Kenyan president and his ministers talked about the budget.", "talked")[0] != "040"


def test_pleading_guilty_is_a_statement_pleading_for_help_an_appeal(nlp: Language) -> None:
    # senses.tsv plead plea 010 (cue plea_word)
    assert _by_trigger(nlp, "The Kenyan minister has pleaded not guilty to all counts.", "pleaded") == ("010", "_sense")
    assert _by_trigger(nlp, "Kenya pleaded for help from Uganda.", "pleaded")[0][:2] == "02"


def test_a_state_protesting_complains_a_crowd_demonstrates(nlp: Language) -> None:
    # senses.tsv protest state_subject 114
    assert _by_trigger(nlp, "Kenya protested over the Ugandan decision.", "protested") == ("114", "_sense")
    assert _by_trigger(nlp, "The Kenyan government protested to the Ugandan government.",
                       "protested") == ("114", "_sense")
    assert _by_trigger(nlp, "Thousands of Kenyans protested against the Ugandan decision.", "protested")[0] == "140"
    # police or soldiers who protest demonstrate: no state's complaint (session 41 mend)
    assert _by_trigger(nlp, "Kenyan police protested over unpaid wages.", "protested")[0] == "140"
    assert _by_trigger(nlp, "Kenyan soldiers protested over the Ugandan decision.", "protested")[0] == "140"
