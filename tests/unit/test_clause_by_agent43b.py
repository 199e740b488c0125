"""Two constructions that ``_subordinate`` leaves ``reported`` and that are asserted when both their sides are
identified actors (issue 11, recall, session 43: recall43b): a passive participle on a noun with a "by" agent ("the
sanctions imposed by Uganda on Tanzania": ``events.clauses.clause_by_agent``, rule ``_clause_by_agent``) and a present
participle adjunct ("Uganda closed its border accusing Kenya of ...": ``events.clauses.adjunct_both_sides``, rule
``_adjunct_both_sides``), both named in ``evidence.rules.modality``. With no agent, or a side unidentified, they stay
``reported``. Sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language

from dateline.events.clauses import ADJUNCT_SIDES_RULE, BY_AGENT_RULE
from test_custody_passive42 import _on  # tests/unit is on sys.path (pytest prepend import mode)


def test_a_passive_participle_with_a_by_agent_and_both_sides_is_asserted(nlp: Language) -> None:
    (event,) = _on(nlp, "Kenya condemned the sanctions imposed by Uganda on Tanzania last week.", "imposed")
    assert event["cameo"][:2] == "16" and event["modality"] == "asserted" and event["counted"]
    assert event["evidence"]["rules"]["modality"] == BY_AGENT_RULE
    assert (event["source"] or {}).get("country") == "UGA" and (event["target"] or {}).get("country") == "TZA"


def test_a_passive_participle_with_no_agent_stays_reported(nlp: Language) -> None:
    (event,) = _on(nlp, "Kenya condemned the sanctions imposed on Tanzania last week.", "imposed")
    assert event["modality"] == "reported" and not event["counted"]
    assert event["evidence"]["rules"]["modality"] == "_subordinate"


def test_a_participle_adjunct_with_both_sides_is_asserted(nlp: Language) -> None:
    (event,) = _on(nlp, "Uganda closed its border on Monday accusing Kenya of harbouring rebels.", "accusing")
    assert event["cameo"][:2] == "11" and event["modality"] == "asserted" and event["counted"]
    assert event["evidence"]["rules"]["modality"] == ADJUNCT_SIDES_RULE
    assert (event["source"] or {}).get("country") == "UGA" and (event["target"] or {}).get("country") == "KEN"


def test_a_participle_adjunct_with_no_target_stays_reported(nlp: Language) -> None:
    (event,) = _on(nlp, "Uganda closed its border on Monday accusing nobody.", "accusing")
    assert event["modality"] == "reported" and not event["counted"]


def test_a_participle_before_its_clause_is_no_adjunct_of_this_rule(nlp: Language) -> None:
    (event,) = _on(nlp, "Before accusing Kenya of harbouring rebels, Uganda closed its border.", "accusing")
    assert event["modality"] == "reported" and not event["counted"]
