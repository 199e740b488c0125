"""The coding stages grow linearly on hostile input (issue 15): work is counted, never timed.

Each test builds a pathological article at N and 2N (a flood of speech verbs, many paragraphs),
counts the calls of the function that used to rescan, and checks that doubling the input at most
doubles the count (with slack for the fixed part); or checks that a per-Doc index is built once and
gives what the old rescan gave.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dateline import dates
from dateline import doc as doc_module
from dateline.events import sides, triggers
from dateline.lexicon import load_lexicon
from dateline.pipeline import code_items, sentence_article
from dateline.quotes import reported, speakers
from dateline.quotes.cues import Cues

pytestmark = [pytest.mark.e2e, pytest.mark.issue(15)]

#: Doubling the input may at most double the work, plus this much for what does not grow.
SLACK = 1.25


def said_chain(n: int) -> str:
    """ "Officials said X0 said X1 said ... the talks failed.": each speech verb reports the next."""
    return "Officials said " + " ".join(f"Minister{i} said" for i in range(n)) + " the talks failed."


def paragraphs(n: int) -> str:
    return "\n\n".join(f"Smith met Jones in Paris on day {i}." for i in range(n))


def counting(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[int]:
    """Wrap ``module.name`` so that each call adds one to the returned counter."""
    calls = [0]
    original: Callable[..., Any] = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def code(nlp: Language, text: str) -> None:
    (batch,) = code_items([sentence_article(text, published=dt.date(2020, 1, 1))], nlp=nlp)
    assert not batch.rejections


def test_linear_events_attribution_frame_on_speech_flood(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    counts = []
    for n in (40, 80):
        calls = counting(monkeypatch, triggers, "_is_act")
        code(nlp, said_chain(n))
        counts.append(calls[0])
        monkeypatch.undo()
    assert counts[0] > 40  # the stage did ask about the nested clauses
    assert counts[1] <= 2 * SLACK * counts[0], counts  # was quadratic: every verb walked the rest


def test_linear_events_act_below_matches_subtree_walk(nlp: Language) -> None:
    doc = nlp(said_chain(30) + " Russia attacked Ukraine, officials said, and Kim vowed to meet Moon.")
    lex = load_lexicon()
    for token in doc:
        assert triggers._act_below(token, lex) == any(triggers._is_act(t, lex) for t in token.subtree)


def test_linear_events_first_actor_tokens_match_subtree_walk(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = nlp("Officials in Moscow said Germany told France that NATO and Kim Jong Un would meet. "
              + said_chain(20))
    doc_module.per_doc(nlp.make_doc("Another Doc."), "evict", len)  # the stages' indexes are let go
    walks = counting(monkeypatch, sides._SubtreeOrder, "_walk")
    builds = counting(monkeypatch, sides, "_SubtreeOrder")

    def walked(head: Any, exclude: Any) -> list[Any]:
        for token in head.subtree:
            if token.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") and token.ent_iob_ == "B":
                if exclude is not None and token.i in range(exclude.left_edge.i, exclude.i + 1):
                    continue
                return [token]
        return []

    found = 0
    for head in doc:
        for exclude in (None, *head.children):
            got = sides._first_actor_tokens(doc, head, exclude)
            assert got == walked(head, exclude)
            found += bool(got)
    assert found > 20
    assert builds[0] == 1  # one index for the Doc, then lookups
    assert walks[0] == len({token.sent.root.i for token in doc})  # each tree walked once


def test_linear_quotes_reported_on_speech_flood(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    # the per-token questions: is it a cue (each token's cue is now read once per Doc, asked of the
    # cue lemmas only), and where are the clauses (one _content per cue)
    counts = []
    for n in (40, 80):
        cue_calls = counting(monkeypatch, Cues, "get")
        clause_calls = counting(monkeypatch, reported, "_content")
        code(nlp, said_chain(n) + ' Then he said: "We will stay."')
        counts.append(cue_calls[0] + clause_calls[0])
        monkeypatch.undo()
    assert counts[0] > 40
    assert counts[1] <= 2 * SLACK * counts[0], counts  # was quadratic: each cue rescanned its clause


def test_linear_quotes_entity_lookup_built_once(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    builds = counting(monkeypatch, speakers, "_entities_by_token")
    lookups = counting(monkeypatch, speakers, "_entity_at")
    code(nlp, said_chain(30))
    assert lookups[0] > 30
    assert builds[0] == 1


def test_linear_paragraph_boundaries_match_one_by_one(nlp: Language) -> None:
    text = paragraphs(300)
    doc = nlp.make_doc(text)
    doc_module.paragraph_boundaries(doc)
    expected = nlp.make_doc(text)
    for token in expected[:-1]:
        if token.text.isspace() and token.text.count("\n") >= 2:
            expected[token.i + 1].is_sent_start = True
    assert [t.is_sent_start for t in doc] == [t.is_sent_start for t in expected]
    assert sum(bool(t.is_sent_start) for t in doc) >= 300


def test_linear_sentence_index_built_once_per_doc(nlp: Language) -> None:
    first: Doc = nlp(paragraphs(20))
    second: Doc = nlp(paragraphs(3))
    bounds = doc_module.sentence_bounds(first)
    assert doc_module.sentence_bounds(first) is bounds  # the same index, not rebuilt
    assert bounds == ([s.start for s in first.sents], [s.end for s in first.sents])
    assert len(doc_module.sentence_bounds(second)[0]) == len(list(second.sents)) < len(bounds[0])
    of = doc_module.sentence_index(first)
    assert [of(t.i) for t in first] == [k for k, s in enumerate(first.sents) for _ in s]



def test_linear_dates_entity_check_matches_span_ents(nlp: Language) -> None:
    doc = nlp("On Monday, Smith met Jones in Paris. " * 4 + "The talks of last week ended on 3 May 2019 in Berlin.")
    answers = []
    for start in range(len(doc)):
        for end in range(start, min(len(doc), start + 10) + 1):
            span = doc[start:end]
            answers.append(dates._has_date_entity(doc, span))
            assert answers[-1] == any(ent.label_ == "DATE" for ent in span.ents)
    assert any(answers) and not all(answers)


def test_linear_token_starts_find_a_mentions_tokens(nlp: Language) -> None:
    doc = nlp("The rebels in Darfur said the Albanians of Serbia met U.S. officials.")
    starts = doc_module.token_starts(doc)
    for begin in range(0, len(doc.text) + 1, 3):
        for stop in range(begin, len(doc.text) + 1, 5):
            naive = {i for i in range(len(doc)) if begin <= doc[i].idx < stop}
            assert naive == set(range(bisect.bisect_left(starts, begin), bisect.bisect_left(starts, stop)))
    assert doc_module.doc_text(doc) == doc.text and doc_module.doc_text(doc) is doc_module.doc_text(doc)
