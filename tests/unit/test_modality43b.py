"""Done acts in participles (issue 11, acts the text does not assert, session 43: modality43b): a participle
trailing a done main verb ("Rebels attacked the town, killing ten") and a passive participle that names a state as its
doer ("the truce brokered by Egypt") tell done acts of their own (``events.clauses.trailing_done``, rule
``_trailing_done``; ``events.clauses.participle_named_doer``, rule ``_participle_named_doer``). A participle trailing a
modal verb, one under "after", and a passive participle whose agent is a person stay as they were. Sentences written for
these tests."""

from __future__ import annotations

from spacy.language import Language

from dateline.events.clauses import PARTICIPLE_DOER_RULE, TRAILING_DONE_RULE, participle_named_doer, trailing_done
from test_custody_passive42 import _on, _verb  # tests/unit is on sys.path (pytest prepend import mode)


def test_a_participle_trailing_a_done_act_is_done(nlp: Language) -> None:
    text = "Ugandan rebels attacked a Kenyan border post on Monday, killing ten Kenyan soldiers."
    assert trailing_done(_verb(nlp, text, "killing"))
    assert any(e["modality"] == "asserted" and e["counted"] for e in _on(nlp, text, "killing"))


def test_the_second_of_two_trailing_participles_is_done_too(nlp: Language) -> None:
    text = "Ugandan rebels attacked a Kenyan border post on Monday, killing ten soldiers and wounding five."
    wounding = _verb(nlp, text, "wounding")
    assert wounding.dep_ == "conj" and trailing_done(wounding)
    assert any(e["modality"] == "asserted" and e["evidence"]["rules"]["modality"] == TRAILING_DONE_RULE
               for e in _on(nlp, text, "wounding"))


def test_a_participle_trailing_a_modal_act_is_not_done(nlp: Language) -> None:
    text = "Kenya said Ugandan rebels could attack the border post, killing Kenyan soldiers."
    assert not trailing_done(_verb(nlp, text, "killing"))


def test_a_participle_after_a_subordinating_word_is_not_read_so(nlp: Language) -> None:
    text = "Kenya criticised Uganda on Monday after meeting its envoy."
    assert not trailing_done(_verb(nlp, text, "meeting"))


def test_a_passive_participle_with_a_state_as_agent_is_done(nlp: Language) -> None:
    text = "Hamas rejected the truce brokered by Egypt on Monday."
    brokered = _verb(nlp, text, "brokered")
    assert brokered.dep_ == "acl" and participle_named_doer(brokered)
    events = _on(nlp, text, "brokered")
    assert any(e["modality"] == "asserted" and e["evidence"]["rules"]["modality"] == PARTICIPLE_DOER_RULE
               for e in events)


def test_a_passive_participle_with_a_person_as_agent_is_not_read_so(nlp: Language) -> None:
    text = "Kenya's minister spoke at a dinner hosted by John Smith on Monday."
    assert not participle_named_doer(_verb(nlp, text, "hosted"))
