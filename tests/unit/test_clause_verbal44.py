"""A demand or a disapproval the coder would leave ``reported`` is an act of its own (issue 11, session 44:
modality44): "the diplomat who had condemned the vote", "lawmakers demanding his resignation". A demand or a
criticism the text describes a party by was made (``events.clauses.clause_verbal``, rule ``_clause_verbal`` in
``evidence.rules.modality``; the class ``described`` of ``data/cameo_root_classes.tsv``, roots 10 and 11).
Threats, appeals and rejections so told stay ``reported``. Sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language

from dateline.events.clauses import VERBAL_RULE, clause_verbal
from dateline.lexicon import load_lexicon
from test_custody_passive42 import _on, _verb  # tests/unit is on sys.path (pytest prepend import mode)

from dateline.confidence import CONFIDENT_CLAUSE_RULE


def left_reported(event: dict) -> bool:
    """Left ``reported`` by the events stage (``_subordinate``, no clause rule): so it stays and does not count, unless
    the confidence stage asserts it by its confidence (session 55, ``_confident_clause``)."""
    rule = event["evidence"]["rules"]["modality"]
    if rule == CONFIDENT_CLAUSE_RULE:
        return event["modality"] == "asserted"
    return rule == "_subordinate" and event["modality"] == "reported" and not event["counted"]


def test_a_disapproval_in_a_relative_clause_is_asserted(nlp: Language) -> None:
    (event,) = _on(nlp, "Kenya expelled the diplomat who had condemned its elections.", "condemned")
    assert event["cameo"][:2] == "11" and event["modality"] == "asserted" and event["counted"]
    assert event["evidence"]["rules"]["modality"] == VERBAL_RULE


def test_a_demand_in_a_participle_is_asserted(nlp: Language) -> None:
    text = "Opposition lawmakers demanding the resignation of the Kenyan president marched in Nairobi."
    (event,) = _on(nlp, text, "demanding")
    assert event["cameo"][:2] == "10" and event["modality"] == "asserted" and event["counted"]
    assert event["evidence"]["rules"]["modality"] == VERBAL_RULE


def test_a_threat_or_an_appeal_so_told_stays_reported(nlp: Language) -> None:
    threat_text = "The senator, who threatened Kenya with sanctions, met voters in Nairobi."
    appeal_text = "Protesters urging Kenya to release the prisoners marched in Nairobi."
    (threat,) = _on(nlp, threat_text, "threatened")
    (appeal,) = _on(nlp, appeal_text, "urging")
    for event in (threat, appeal):  # the events stage leaves them reported; the confidence stage may assert them
        assert left_reported(event)


def test_a_rejection_in_a_relative_clause_stays_reported(nlp: Language) -> None:
    (event,) = _on(nlp, "Kenya's president, who rejected the proposal, left for Kampala.", "rejected")
    assert event["cameo"][:2] == "12" and event["modality"] == "reported" and not event["counted"]


def test_a_modal_or_infinitive_clause_is_no_described_act(nlp: Language) -> None:
    # "to condemn" as the complement of a verb in the relative clause reaches the modal-or-"to" test (a "to"
    # infinitive set off as an adjunct, "a diplomat sent to condemn", is left by the adjunct test before it)
    modal_text = "Kenya expelled the diplomat who would condemn its elections."
    to_text = "Kenya expelled the diplomat who wanted to condemn its elections."
    lex = load_lexicon()
    assert not clause_verbal(_verb(nlp, modal_text, "condemn"), "111", lex)
    assert not clause_verbal(_verb(nlp, to_text, "condemn"), "111", lex)
    for text in (modal_text, to_text):
        found = _on(nlp, text, "condemn")
        assert found and not any(e["counted"] for e in found), text


def test_what_is_said_of_a_noun_stays_reported(nlp: Language) -> None:
    # a passive participle on a noun, a relative clause with a subject of its own, a participle on a thing
    for text, trigger in (("Kenya arrested two Ugandans accused by Sudan of spying.", "accused"),
                          ("Kenya hosted refugees whom the Ugandan authorities blame for the clashes.", "blame"),
                          ("The parliament passed a motion condemning Uganda's attack on Kenya.", "condemning")):
        (event,) = _on(nlp, text, trigger)
        assert event["cameo"][:2] == "11" and left_reported(event), text


def test_a_conjunct_is_read_in_the_place_of_its_first_verb(nlp: Language) -> None:
    # session 44 mend: a conjunct of a trailing adjunct trails the act too; one of a relative clause is asserted
    trailing = "Protesters blocked roads in Nairobi, demanding his return and denouncing the government."
    (event,) = _on(nlp, trailing, "denouncing")
    assert event["modality"] == "reported" and not event["counted"]
    assert event["evidence"]["rules"]["modality"] != VERBAL_RULE
    relative = "Kenya expelled the envoy, who had met the rebels and condemned the election."
    (event,) = _on(nlp, relative, "condemned")
    assert event["cameo"][:2] == "11" and event["modality"] == "asserted" and event["counted"]
    assert event["evidence"]["rules"]["modality"] == VERBAL_RULE
