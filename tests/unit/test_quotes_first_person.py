"""First-person sides inside quotations (session 28, branch quotes2) on sentences written for these
tests, parsed by the real spaCy pipeline: "I", "we", "us" stand for the quotation's speaker."""

from __future__ import annotations

from spacy.language import Language


def sides(nlp: Language, text: str, trigger: str) -> list[tuple[str | None, str | None, str | None, str | None]]:
    doc = nlp(text)
    return [((e["source"] or {}).get("code"), (e["target"] or {}).get("code"),
             e["evidence"]["rules"].get("source"), e["evidence"]["rules"].get("target"))
            for e in doc._.events if e["trigger"] == trigger]


def test_us_as_a_target_is_the_speaker_named_after_the_quotation(nlp: Language) -> None:
    # "us" is left unresolved by the events stage; the quotes stage's speaker fills the target
    # (quotes.sides.first_person_sides)
    text = ('"The rockets keep coming. Hamas attacked us again last night," Prime Minister Benjamin Netanyahu '
            'said in Jerusalem.')
    assert sides(nlp, text, "attacked") == [("PSEREBHMS", "ISRGOV", "_verb_roles", "quote_speaker")]


def test_us_as_a_target_in_a_quotation_of_several_sentences(nlp: Language) -> None:
    text = ('Prime Minister Benjamin Netanyahu spoke in Jerusalem on Sunday. "The rockets keep coming. Hamas fired '
            'at us again last night. Nobody can accept this," he said.')
    assert sides(nlp, text, "fired") == [("PSEREBHMS", "ISRGOV", "_verb_roles", "quote_speaker")]


def test_us_outside_a_quotation_is_left_alone(nlp: Language) -> None:
    text = "Hamas attacked us again last night, the newspaper's editor wrote in Jerusalem."
    # the target is the place's country, not a speaker: the sentence has no quotation
    assert sides(nlp, text, "attacked") == [("PSEREBHMS", "ISR", "_verb_roles", "_act_place")]


def test_we_in_a_quotation_continued_into_a_new_paragraph_is_the_speaker_named_at_its_start(nlp: Language) -> None:
    # "X said: “... .” over three sentences, then a new paragraph re-opening the quotation: the events
    # stage follows the quotation's marks over paragraphs (events.triggers._quoted_speaker)
    text = ('Foreign Minister Sergei Lavrov spoke to reporters in Moscow on Tuesday. He said: "The situation is '
            'difficult. Many people are worried. The talks have been long.\n\n"We condemn the sanctions imposed '
            'by Washington."')
    assert sides(nlp, text, "condemn") == [("RUSGOV", "USA", "_quoted_speaker", "_verb_addressee")]


def test_we_in_a_long_quotation_is_the_speaker_named_after_it(nlp: Language) -> None:
    # five sentences between "We" and the closing mark: the quotation's own span (quotes.marks.scan_quotes)
    # leads to the speaker after it (without it the event has no source and is dropped)
    text = ('"We condemn the sanctions imposed by Washington. They are illegal. The situation is difficult. Many '
            'people are worried. The talks have been long. Nobody is happy," Foreign Minister Sergei Lavrov told '
            'reporters.')
    assert sides(nlp, text, "condemn") == [("RUSGOV", "USA", "_quoted_speaker", "_verb_addressee")]


def test_we_in_a_quotation_whose_paragraphs_were_run_together_is_the_speaker_named_at_its_start(nlp: Language) -> None:
    # the paragraph break of a continued quotation lost in scraping: 'He said: "... . "We ...'; the second
    # opening mark continues the quotation (quotes.marks.scan_quotes) instead of making the first one stray
    text = ('Foreign Minister Sergei Lavrov spoke to reporters in Moscow on Tuesday. He said: "The situation is '
            'difficult. "We condemn the sanctions imposed by Washington."')
    assert sides(nlp, text, "condemn") == [("RUSGOV", "USA", "_quoted_speaker", "_verb_addressee")]
