"""A disapproving statement that names no actor the side finder resolves is aimed at the other country its own
sentence names, else at the speaker's own (session 55, helper hT: ``disapproved_abroad``). Sentences written for
these tests, parsed by the real spaCy pipeline."""

from __future__ import annotations

from spacy.language import Language


def _said(nlp: Language, text: str) -> list[tuple[str | None, str | None, str | None]]:
    doc = nlp(text)
    return [((e["source"] or {}).get("country"), (e["target"] or {}).get("country"), e["evidence"]["rules"].get("target"))
            for e in doc._.events if e["trigger"] == "said" and str(e["cameo"]).startswith("11")]


def test_the_other_country_of_the_sentence_is_the_one_disapproved(nlp: Language) -> None:
    text = "The Canadian foreign minister, again at odds with Brazil over the dam, said the plan was a grave mistake."
    found = _said(nlp, text)
    assert found and found[0][1:] == ("BRA", "disapproved_abroad")


def test_no_other_country_leaves_the_speakers_own(nlp: Language) -> None:
    text = "The Canadian foreign minister said the new tax was a disgrace."
    found = _said(nlp, text)
    assert found and found[0][1:] == ("CAN", "disapproved_home")


def test_a_country_inside_a_relative_clause_is_not_the_one_disapproved(nlp: Language) -> None:
    text = "The Canadian foreign minister said it was a disgrace, blaming a report that praised Brazil."
    assert all(rule != "disapproved_abroad" for _s, _t, rule in _said(nlp, text))
