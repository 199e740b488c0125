"""Quote speakers on sentences written for the test (session 46, quotes46): the mechanisms the fresh
AllSides/BBC sample A showed missing, each on text of its own."""

from __future__ import annotations

from spacy.language import Language

from dateline.nlp import make_doc
from dateline.pipeline import sentence_article


def _speakers(nlp: Language, text: str) -> dict[str, str | None]:
    doc = nlp(make_doc(nlp, sentence_article(text, record=1)))
    return {q["text"]: (q["speaker"] or {}).get("text") for q in doc._.quotes if q["kind"] != "reported"}


def test_pronoun_after_a_quote_is_the_speaker_named_before_not_the_quoted_clause_subject(nlp: Language) -> None:
    # "he adds" is the analyst who "says" before, not the leader who is the subject inside the quote
    text = ("Prime Minister Tomas Varga “is selling the story that he alone fixed the economy,” says Helen Marsh, "
            "an economist at the Baltic Policy Institute.\n\n"
            "“Nobody in his cabinet is going to say otherwise,” he adds.")
    assert _speakers(nlp, text)["Nobody in his cabinet is going to say otherwise"] == "Helen Marsh"


def test_pronoun_chain_skips_people_the_speaker_talked_about(nlp: Language) -> None:
    # the names after "said" are objects of what Gorman said: "he" is still Gorman
    text = ("Senator Gorman said he believed Ivanova and her partners, who included former envoy Paul Rendell, "
            "were pressing other senators to drop the tariff.\n\n"
            "“I don’t think this was pushed very hard at all,” he said.")
    assert "Gorman" in _speakers(nlp, text)["I don’t think this was pushed very hard at all"]


def test_pronoun_chain_to_a_role_noun_speaker(nlp: Language) -> None:
    # no name at all: "she" is the spokeswoman who told the paper before
    text = ("“We are not hiding from anyone,” the veteran spokeswoman told the Herald on Monday.\n\n"
            "“The hall is booked for Friday, so we will be there,” she said.")
    assert "spokeswoman" in (_speakers(nlp, text)["The hall is booked for Friday, so we will be there"] or "")


def test_pronoun_chain_stops_at_another_person_who_is_a_subject(nlp: Language) -> None:
    # a person who is the subject of a clause in between is not skipped for the speaker before
    text = ("“We have to be patient,” the coach said on Friday.\n\n"
            "The club has welcomed back striker Leo Brandt, who missed the cup final with a knee injury.\n\n"
            "“I was desperate to play again,” he said.")
    assert _speakers(nlp, text)["I was desperate to play again"] != "coach"


def test_apposed_name_of_a_role_noun_is_the_speaker(nlp: Language) -> None:
    text = "“Our orders are up this year,” said Nortex's chief executive Anna Kowal."
    assert _speakers(nlp, text)["Our orders are up this year"] == "Anna Kowal"


def test_apposed_name_after_a_commas_role_noun_is_the_speaker(nlp: Language) -> None:
    text = "His choice for defence minister, Marco Levi, once said that “soldiers are not policemen.”"
    assert _speakers(nlp, text)["soldiers are not policemen."] == "Marco Levi"


def test_partitive_speaker_keeps_its_group(nlp: Language) -> None:
    text = "“Turnout will decide the race,” one of the university pollsters said."
    assert _speakers(nlp, text)["Turnout will decide the race"] == "one of the university pollsters"


def test_quote_paragraph_after_a_reported_statement_is_its_speaker(nlp: Language) -> None:
    # the fragment's speaker is the company; the quote paragraph after Mr Ferro's reported statement is his
    text = ("The company said it would put its designs into what it called a \"shared library\". "
            "Luca Ferro, the firm's design chief, said the move would help smaller makers. "
            "\"We think sharing these designs will speed everything up.\"")
    assert "Ferro" in (_speakers(nlp, text)["We think sharing these designs will speed everything up."] or "")


def test_fragment_in_a_sentence_framed_by_as_reported(nlp: Language) -> None:
    text = ("As the Daily Ledger reported on Monday, the first version of the order \"caused confusion at every "
            "border crossing\" until a judge blocked it.")
    assert _speakers(nlp, text)["caused confusion at every border crossing"] == "Daily Ledger"


def test_fragment_in_a_sentence_framed_by_according_to(nlp: Language) -> None:
    text = ("The former governor agreed to pay $2 million to keep a witness quiet about \"earlier misconduct\", "
            "according to a state court filing released on Friday.")
    assert "filing" in (_speakers(nlp, text)["earlier misconduct"] or "")


def test_heading_quote_with_a_colon_names_its_author(nlp: Language) -> None:
    text = "The minister is expected to stay on as party leader.\n\n'A quiet handover': Ann Lee, BBC correspondent"
    assert _speakers(nlp, text)["A quiet handover"] == "Ann Lee"


def test_colon_after_a_quote_inside_a_sentence_is_no_attribution(nlp: Language) -> None:
    # only a quote that opens its paragraph is a heading; inside a sentence the colon introduces a list
    text = "The plan had one \"simple rule\": Ann Lee, the treasurer, would sign every payment."
    assert _speakers(nlp, text).get("simple rule") is None
