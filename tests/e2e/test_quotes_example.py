"""Quotes on real text with the real model: the LA Times example and hand-checked AllSides and BBC quotes."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

import pytest
from spacy.language import Language

from dateline.ingest import build_article
from dateline.models import RawDocument
from dateline.nlp import make_doc
from dateline.pipeline import sentence_article

from conftest import EXAMPLE, fixture_rows, need_shared

FIXTURE = "allsides_quotes.jsonl"
#: Measured on the 60 hand-checked quotes of the fixture (tools/sample_quotes.py, seed 20190119).
#: Measured P=0.783, R=0.692 with the baseline actors stage, P=0.787, R=0.712 with the KB actors
#: stage (issue 3); P=0.811, R=0.827 with colon owners, heading lines, "quoted as saying" and
#: unrecognised-name antecedents (issue 6); floors only rise.
PRECISION_FLOOR = 0.81
RECALL_FLOOR = 0.82
#: The held-out sample of session 46 (tools/sample_quotes.py 100 --seed 4602, AllSides and BBC, the 60 above
#: and the development sample A, seed 4601, left out): labelled by reading before dateline's speakers were
#: seen, scored once after the fixes made on sample A (P=0.844, R=0.739 on the coder before them; 0.883, 0.773 after).
HELDOUT = "news_quotes_heldout.jsonl"
HELDOUT_PRECISION_FLOOR = 0.88
HELDOUT_RECALL_FLOOR = 0.77


@pytest.fixture(scope="module")
def example(nlp: Language) -> tuple[Any, list[dict[str, Any]], list[dict[str, Any]]]:
    example_path = need_shared(EXAMPLE)
    raw = RawDocument(source=str(example_path), text=example_path.read_text(encoding="utf-8"))
    article = build_article(raw, published=dt.date(2019, 1, 19))
    doc = nlp(make_doc(nlp, article))
    return doc, doc._.quotes, doc._.events


def _quote(quotes: list[dict[str, Any]], words: str, kind: str | None = None) -> dict[str, Any]:
    found = [q for q in quotes if words in q["text"] and (kind is None or q["kind"] == kind)]
    assert found, f"no quote with {words!r} among {[q['text'] for q in quotes]}"
    return found[0]


def _speaker(quote: dict[str, Any]) -> str | None:
    return (quote["speaker"] or {}).get("text")


def test_quotes_example_sanders(example: tuple[Any, list, list]) -> None:
    _, quotes, _ = example
    quote = _quote(quotes, "looks forward to meeting with Chairman Kim")
    assert quote["kind"] == "direct"
    assert "Sanders" in (_speaker(quote) or "")
    assert quote["cue"] == "said"


def test_quotes_example_lankov_and_pull_quote(example: tuple[Any, list, list]) -> None:
    doc, quotes, _ = example
    first = _quote(quotes, "believe they can outsmart him")
    second = _quote(quotes, "shower him with flattery")
    assert "Lankov" in (_speaker(first) or "") and "Lankov" in (_speaker(second) or "")
    # The pull quote repeats the body quote: one quote, marked, never two.
    assert [q for q in quotes if "shower him with flattery" in q["text"]] == [second]
    assert second["pull_quote"] is True
    assert second["pull_quote_text"] == doc._.pull_quotes[0]["text"]


def test_quotes_example_pence(example: tuple[Any, list, list]) -> None:
    _, quotes, _ = example
    for words in ("promising", "dismantle the nuclear weapons"):
        quote = _quote(quotes, words, "fragment")
        assert _speaker(quote) == "Mike Pence"
    reported = _quote(quotes, "the talks with North Korea were", "reported")
    assert _speaker(reported) == "Mike Pence" and reported["cue"] == "said"


def test_quotes_example_kim_through_news_agency(example: tuple[Any, list, list]) -> None:
    _, quotes, _ = example
    quote = _quote(quotes, "to achieve results that will be welcomed")
    assert "Kim" in (_speaker(quote) or "")  # "he" -> Kim Jong Un
    assert quote["medium"] == "New China News Agency"


def test_quotes_example_fragments_not_in_the_wrong_mouth(example: tuple[Any, list, list]) -> None:
    _, quotes, _ = example
    war_games = _quote(quotes, "war games")
    assert war_games["kind"] == "fragment"
    assert _speaker(war_games) is None or "Trump" in _speaker(war_games)  # "He described": Trump
    # "denuclearization" is quoted only in the caption, which is not body text.
    assert not [q for q in quotes if q["text"] == "denuclearization"]


def test_quotes_example_links_events_both_ways(example: tuple[Any, list, list]) -> None:
    _, quotes, events = example
    linked = [(qi, ei) for qi, q in enumerate(quotes) for ei in q["events"]]
    assert linked, "no quote is linked to an event"
    for qi, ei in linked:
        assert events[ei]["quote"] is not None
        assert qi in [i for i, q in enumerate(quotes) if ei in q["events"]]
    demanded = _quote(quotes, "end its economic sanctions", "reported")
    assert _speaker(demanded) == "Pyongyang"
    assert [events[ei]["cameo"][:2] for ei in demanded["events"]] == ["10"]
    assert demanded["events"] and all(events[ei]["quote"] == quotes.index(demanded) for ei in demanded["events"])


def _fold(name: str) -> str:
    """Lower case without accents: "François" and "Francois" are the same name."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))


def _same_speaker(expected: str, predicted: str | None) -> bool:
    if predicted is None:
        return False
    a, b = _fold(expected), _fold(predicted)
    return a in b or b in a


_MARKS = re.compile("[\"\u201c\u201d]")


def _words(text: str) -> str:
    """A quote's words to compare: no double quote marks (a paragraph's re-opening mark, which the
    sampled text keeps and dateline drops, "... Liverpool. \"It doesn't ..."), spaces collapsed."""
    return " ".join(_MARKS.sub(" ", text).split()).strip(" ,")


def sampled_quote(quotes: list[dict[str, Any]], quote: str) -> dict[str, Any] | None:
    """The quote of ``quotes`` (not a reported one) that is the sampled quote: the same words, else the
    longest that holds them or that they hold (so a one-word quote inside it does not stand for it)."""
    target = _words(quote)
    found = [q for q in quotes if q["kind"] != "reported" and (_words(q["text"]) in target or target in _words(q["text"]))]
    same = [q for q in found if _words(q["text"]) == target]
    return (same or sorted(found, key=lambda q: -len(q["text"])) or [None])[0]


def score_speakers(nlp: Language, rows: list[dict[str, Any]]) -> tuple[float, float, list[str]]:
    """Precision and recall of speaker attribution on hand-checked quotes, and the misses."""
    predicted = correct = expected = 0
    misses: list[str] = []
    articles = [sentence_article(row["text"], record=i + 1) for i, row in enumerate(rows)]
    docs = nlp.pipe(make_doc(nlp, article) for article in articles)
    for row, doc in zip(rows, docs):
        found = sampled_quote(doc._.quotes, row["quote"])
        speaker = _speaker(found) if found else None
        expected += row["speaker"] is not None
        predicted += speaker is not None
        if row["speaker"] is not None and _same_speaker(row["speaker"], speaker):
            correct += 1
        elif row["speaker"] is not None or speaker is not None:
            misses.append(f"{row['id']}: expected {row['speaker']!r}, got {speaker!r}")
    return correct / max(predicted, 1), correct / max(expected, 1), misses


def test_quotes_speaker_precision_recall_floors(nlp: Language) -> None:
    rows = fixture_rows(FIXTURE, gate=True)  # a quality gate: floors
    assert len(rows) >= 50
    precision, recall, misses = score_speakers(nlp, rows)
    print(f"speaker attribution on {len(rows)} quotes: P={precision:.3f} R={recall:.3f}")
    print("\n".join(misses))
    assert precision >= PRECISION_FLOOR and recall >= RECALL_FLOOR, misses


def test_quotes_speaker_floors_on_the_held_out_sample(nlp: Language) -> None:
    rows = fixture_rows(HELDOUT, gate=True)
    assert len(rows) == 100
    precision, recall, misses = score_speakers(nlp, rows)
    print(f"speaker attribution on {len(rows)} held-out quotes: P={precision:.3f} R={recall:.3f}")
    print("\n".join(misses))
    assert precision >= HELDOUT_PRECISION_FLOOR and recall >= HELDOUT_RECALL_FLOOR, misses
