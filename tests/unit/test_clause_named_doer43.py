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
    present_text = "Kenya sent aid to the town where Ugandan soldiers fight every week."
    modal_text = "Kenya sent aid to the town where Ugandan soldiers might fight soon."
    (present,) = _on(nlp, present_text, "fight")
    (modal,) = _on(nlp, modal_text, "fight")
    assert present["modality"] == "reported" and not present["counted"]
    assert modal["modality"] != "asserted" and not modal["counted"]
    assert not clause_named_doer(_verb(nlp, present_text, "fight"))
    assert not clause_named_doer(_verb(nlp, modal_text, "fight"))


def test_a_clause_that_frames_what_it_says_is_no_named_doers_act(nlp: Language) -> None:
    text = "Kenya rejected the plan, which the Ugandan president said would raise taxes."
    said = _verb(nlp, text, "said")
    assert said.dep_ == "relcl" and any(c.dep_ == "ccomp" for c in said.children)
    assert not clause_named_doer(said)
    assert not any(e["modality"] == "asserted" for e in _on(nlp, text, "said"))


def test_a_frame_whose_clause_the_parser_hung_elsewhere_is_no_named_doers_act(nlp: Language) -> None:
    # the parse gives "claimed" no clause of its own: "had killed" follows it, under another verb (review of recall43)
    text = "Uganda denied the raid Kenya claimed had killed ten rebels."
    claimed = _verb(nlp, text, "claimed")
    assert claimed.dep_ == "relcl" and not any(c.dep_ == "ccomp" for c in claimed.children)
    assert not clause_named_doer(claimed)
    (event,) = _on(nlp, text, "claimed")
    assert event["modality"] == "reported" and not event["counted"]


def test_a_negated_clause_is_not_asserted(nlp: Language) -> None:
    (event,) = _on(nlp, "The village that the rebels never attacked received aid from Kenya.", "attacked")
    assert event["negated"] and not event["counted"]
    assert event["evidence"]["rules"].get("modality") != NAMED_DOER_RULE


def test_a_clause_whose_pronoun_is_the_subject_is_not_read_so(nlp: Language) -> None:
    text = "Kenya sent aid to the town, which fought rebels on Monday."
    assert not clause_named_doer(_verb(nlp, text, "fought"))
    (event,) = _on(nlp, text, "fought")
    assert event["modality"] == "reported" and event["evidence"]["rules"].get("modality") != NAMED_DOER_RULE
