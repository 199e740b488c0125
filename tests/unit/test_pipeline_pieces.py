"""Linear tokenisation of pathological runs, and long articles cut into pieces that join back exactly."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from dateline.pipeline import LONG_RUN, pieces, split_pipeline, tokenize


def test_pipeline_tokenize_long_runs_keeps_text() -> None:
    nlp = spacy.blank("en")
    text = "Talks  ended " + "€" * 5000 + " and\n\n" + "?" * 3000 + "\n" + "x" * (LONG_RUN + 1) + "  "
    doc = tokenize(nlp, text)
    assert doc.text == text
    assert max(len(token) for token in doc) <= LONG_RUN
    assert [t.text for t in doc[:2]] == ["Talks", " "] or [t.text for t in doc[:2]] == ["Talks", "ended"]


def test_pipeline_tokenize_ordinary_text_is_spacys() -> None:
    nlp = spacy.blank("en")
    text = "He said: \"We'll meet at 10 a.m.\" http://example.com/a?b=1 ok."
    assert [t.text for t in tokenize(nlp, text)] == [t.text for t in nlp.make_doc(text)]


def test_pipeline_pieces_cut_at_paragraphs_and_join_back() -> None:
    nlp = spacy.blank("en")
    paragraphs = [f"Paragraph {i} says the talks went on for {i} hours." for i in range(40)]
    text = "\n\n".join(paragraphs)
    doc = nlp.make_doc(text)
    parts = pieces(doc, size=300)
    assert len(parts) > 5
    assert "".join(part.text for part in parts) == text
    assert all(part.text.startswith("Paragraph") for part in parts)  # every cut is after a paragraph break
    assert Doc.from_docs(parts, ensure_whitespace=False).text == text
    assert pieces(doc, size=len(text)) == [doc]


def test_pipeline_pieces_one_huge_paragraph_still_cut() -> None:
    nlp = spacy.blank("en")
    text = "word " * 2000
    parts = pieces(nlp.make_doc(text), size=1000)
    assert len(parts) >= 9 and "".join(p.text for p in parts) == text


def test_pipeline_split_pipeline_stages_after_model() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("dateline_paragraphs")
    head, stages = split_pipeline(nlp)
    assert [name for name, _ in head] == ["sentencizer", "dateline_paragraphs"] and stages == []


def test_pipeline_make_doc_sets_what_nlp_make_doc_sets() -> None:
    import datetime as dt

    from dateline import nlp as nlp_module
    from dateline.models import ArticleParts, PullQuote
    from dateline.pipeline import make_doc, sentence_article

    nlp = spacy.blank("en")
    article = sentence_article("Talks ended in Oslo.", published=dt.date(2024, 5, 1))
    article.parts = ArticleParts(body=article.body, offsets=article.parts.offsets, dateline="OSLO",
                                 pull_quotes=[PullQuote("Talks ended")])
    ours, theirs = make_doc(nlp, article), nlp_module.make_doc(nlp, article)
    assert [t.text for t in ours] == [t.text for t in theirs]
    assert ours.user_data == theirs.user_data and ours._.dateline == "OSLO"
