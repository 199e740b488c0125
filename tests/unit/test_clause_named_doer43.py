"""A done act in a relative clause that names its own doer as subject (issue 11, recall, session 43: recall43):
"the town that rebels attacked", "the town where Ugandan soldiers fought", "the summit at which Kenya rejected the plan".
The noun the clause hangs on is what was done or where, and the clause tells who did it: a past act of its own,
asserted whatever else the sentence tells (``events.clauses.clause_named_doer``, rule ``_clause_named_doer`` in
``evidence.rules.modality``). A present or modal clause, a clause whose verb frames a clause of its own ("which the
president said would ..."), and a clause whose relative pronoun is the subject stay as they were. Sentences written
for these tests."""

from __future__ import annotations

from spacy.language import Language

from dateline.events.clauses import NAMED_DOER_RULE, clause_named_doer
from test_custody_passive42 import _on, _verb  # tests/unit is on sys.path (pytest prepend import mode)


def test_a_past_clause_with_its_own_doer_beside_a_main_act_is_asserted(nlp: Language) -> None:
    (event,) = _on(nlp, "Kenya sent aid to the town where Ugandan soldiers fought on Monday.", "fought")
    assert event["cameo"][:2] == "19" and event["modality"] == "asserted" and event["counted"]
    assert event["evidence"]["rules"]["modality"] == NAMED_DOER_RULE
    assert (event["source"] or {}).get("country") == "UGA"


def test_a_perfect_clause_with_its_own_doer_is_asserted(nlp: Language) -> None:
    (event,) = _on(nlp, "Kenya sent aid to the town that rebels have attacked twice.", "attacked")
    assert event["modality"] == "asserted" and event["evidence"]["rules"]["modality"] == NAMED_DOER_RULE


def test_a_present_or_modal_clause_is_not_asserted(nlp: Language) -> None:
    present = _on(nlp, "Kenya sent aid to the town where Ugandan soldiers fight every week.", "fight")
    modal = _on(nlp, "Kenya sent aid to the town where Ugandan soldiers might fight soon.", "fight")
    assert not any(e["modality"] == "asserted" for e in present + modal)
    assert not clause_named_doer(_verb(nlp, "Kenya sent aid to the town where Ugandan soldiers fight every week.", "fight"))
    assert not clause_named_doer(_verb(nlp, "Kenya sent aid to the town where Ugandan soldiers might fight soon.", "fight"))


def test_a_clause_that_frames_what_it_says_is_no_named_doers_act(nlp: Language) -> None:
    text = "Kenya rejected the plan, which the Ugandan president said would raise taxes."
    assert not clause_named_doer(_verb(nlp, text, "said"))
    assert not any(e["modality"] == "asserted" for e in _on(nlp, text, "said"))


def test_a_clause_whose_pronoun_is_the_subject_is_not_read_so(nlp: Language) -> None:
    text = "Kenya sent aid to the town, which fought rebels on Monday."
    assert not clause_named_doer(_verb(nlp, text, "fought"))
    assert not any(e["evidence"]["rules"].get("modality") == NAMED_DOER_RULE for e in _on(nlp, text, "fought"))
