"""The actors stage's shortcuts (issue 14) give what the plain searches they replace give.

Each shortcut is checked against the straightforward version on text written here: KB names in
several spellings ("The ...", possessives, accents, underscores, names cut by a sentence end),
and the token texts read once per Doc; and the one "inside a quotation" test (``quotes.marks.in_quotation``,
``quoted_sentences``) against a plain walk over the quotations the quote scan pairs, on random texts of words and
mixed curly and straight marks (the scan itself: tests/unit/test_quoted.py).
"""

from __future__ import annotations

import bisect
import random

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dateline.actors.mentions import MAX_NAME_TOKENS, _agent_spans, _kb_spans, _name_like, _names_a_place, _text
from dateline.doc import doc_text, sentence_bounds, token_starts, token_texts
from dateline.kb import KnowledgeBase, normalise
from dateline.lang import en
from dateline.quotes.marks import doc_quotes, in_quotation, quotation_at, quoted_sentences


def _kb_spans_plain(doc: Doc, kb: KnowledgeBase) -> list[tuple[int, int, object]]:
    """``_kb_spans`` without the pre-filter: every length tried, longest first."""
    spans = []
    sent_starts, sent_ends = sentence_bounds(doc)
    i, n = 0, len(doc)
    while i < n:
        if not doc[i].text[:1].isupper():
            i += 1
            continue
        sent_end = sent_ends[bisect.bisect_right(sent_starts, i) - 1]
        for j in range(min(n, sent_end, i + MAX_NAME_TOKENS), i, -1):
            if doc[j - 1].text in ("'s", "’s") or doc[j - 1].is_space:
                continue
            entries = kb.names.get(normalise(doc[i:j].text))
            if entries and i > 0 and doc[i - 1].lower_ in en.HONORIFICS and _names_a_place(kb, kb.entries[entries[0]]):
                break
            if entries and _name_like(doc, i, j):
                spans.append((i + 1 if doc[i].lower_ == "the" and j - i > 1 else i, j, kb.entries[entries[0]]))
                i = j - 1
                break
        i += 1
    return spans


def _text_with_names(kb: KnowledgeBase, seed: int) -> str:
    rng = random.Random(seed)
    names = rng.sample(sorted(kb.names), 200)
    parts = []
    for name in names:
        words = [w.capitalize() if rng.random() < 0.8 else w for w in name.split()]
        before = rng.choice(["The ", "the ", "Mr ", "", "THE ", "Ms ", "\u201c"])
        after = rng.choice(["'s", " 's", "\u2019s", "_", "' s", "", " said.", " of Paris.", ". ", "\u201d", '"', "\n\n"])
        parts.append(before + " ".join(words) + after)
    return " ".join(parts) + " Our reporter in S\u00e3o Paulo and C\u00f4te d'Ivoire met them."


@pytest.mark.parametrize("seed", [1, 2])
def test_kb_spans_as_the_plain_search(nlp: Language, seed: int) -> None:
    kb = nlp.get_pipe("dateline_actors").kb
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n.startswith("dateline_") and n != "dateline_paragraphs"]):
        doc = nlp(_text_with_names(kb, seed))
    plain = _kb_spans_plain(doc, kb)
    assert len(plain) > 50  # the text does hold names
    assert _kb_spans(doc, kb) == plain


def test_text_as_the_plain_join(nlp: Language) -> None:
    rng = random.Random(4)
    words = ["He", "said", '"', "\u201c", "\u201d", "\u2018", "\u2019", "the", "minister", "left", ".", "and", "Paris"]
    text = " ".join(rng.choice([*words, "\n\n"]) for _ in range(800))
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n.startswith("dateline_") and n != "dateline_paragraphs"]):
        doc = nlp(text)
    for start, end in [(0, 1), (3, 9), (len(doc) - 2, len(doc)), (5, 5), (7, 2), (-3, len(doc)), (0, len(doc) + 4)]:
        assert _text(doc, start, end) == doc[start:end].text
    texts, _, _ = token_texts(doc)
    assert texts == [t.text for t in doc]


#: Words, sentence ends, paragraph breaks and every kind of quote mark, curly and straight, mixed.
_QUOTE_WORDS = ["He", "said", "the", "minister", "left", "Paris", "and", "we", "will", "not", ".", ".", ",", ":",
                '"', '"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "\u00ab", "\u00bb", "\u201e", "it's", "\n\n"]


def _quoted_text(seed: int) -> str:
    rng = random.Random(seed)
    out = []
    for _ in range(rng.randrange(50, 400)):
        word = rng.choice(_QUOTE_WORDS)
        glue = "" if word in '"\u201c\u2018\u00ab\u201e' and rng.random() < 0.5 else " "  # a mark against the word
        out.append(word + glue)
    return "".join(out)


@pytest.mark.parametrize("seed", range(12))
def test_in_quotation_as_the_plain_walk_over_the_scan(nlp: Language, seed: int) -> None:
    # The shortcuts of quotes.marks (the merged, bisected bounds of in_quotation; quoted_sentences' range test)
    # against the plain reading of the quote scan: a character is quoted when a top-level quotation holds it
    # (quotation_at names that one); a sentence is quoted when one of its characters is.
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n.startswith("dateline_") and n != "dateline_paragraphs"]):
        doc = nlp(_quoted_text(seed))
    top = [q for q in doc_quotes(doc) if q.depth == 0]
    text = doc_text(doc)
    inside = 0
    for c in range(len(text) + 2):
        plain = [q for q in top if q.start <= c < q.end]
        assert in_quotation(doc, c) == bool(plain), (c, text[max(0, c - 20):c + 20])
        assert quotation_at(doc, c) == (plain[0] if plain else None)
        inside += bool(plain)
    starts, ends = sentence_bounds(doc)
    plain_sentences = {start for start, end in zip(starts, ends) if end > start and any(
        in_quotation(doc, c) for c in range(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)))}
    assert quoted_sentences(doc) == plain_sentences
    if seed == 0:  # the texts do hold quotations, and text outside them
        assert 0 < inside < len(text)
def _agent_spans_plain(doc: Doc, kb: KnowledgeBase) -> list[tuple[int, int, str, bool]]:
    """``_agent_spans`` without its shortcuts: every token, every length up to five, longest first."""
    found: list[tuple[int, int, str, bool]] = []
    lowers = [t.lower_ for t in doc]
    lemmas = [t.lemma_.lower() if t.tag_ in ("NNS", "NNPS") and t.lemma_ else t.lower_ for t in doc]
    i, n = 0, len(doc)
    while i < n:
        if not doc[i].is_alpha:
            i += 1
            continue
        for j in range(min(n, i + 5), i, -1):
            hit = kb.agents.get(" ".join(lowers[i:j]))
            if hit is None and j - i > 2 and "-" in lowers[i + 1:j - 1]:
                hit = kb.agents.get(doc[i:j].text.lower())
            if hit is None and lemmas[j - 1] != lowers[j - 1]:
                hit = kb.agents.get(" ".join(lowers[i:j - 1] + [lemmas[j - 1]]))
            if hit:
                found.append((i, j, hit[0], hit[1]))
                i = j - 1
                break
        i += 1
    return found


def _text_with_roles(kb: KnowledgeBase, seed: int) -> str:
    rng = random.Random(seed)
    phrases = rng.sample(sorted(kb.agents), 300)
    parts = []
    for phrase in phrases:
        words = phrase.split()
        if rng.random() < 0.3:
            words[-1] += "s"  # a plural the dictionaries list in the singular
        if rng.random() < 0.3:
            words = [w.capitalize() for w in words]
        if len(words) > 1 and rng.random() < 0.2:
            words = ["-".join(words[:2]), *words[2:]]  # "Vice-President", "secretary-general"
        if rng.random() < 0.3:
            words = words[:-1] or words  # a phrase cut short
        before = rng.choice(["the ", "a ", "former ", "Deputy ", "", "chief ", "head of the "])
        after = rng.choice([" said.", " of Kenya met", "'s aide", ", who", " and deputy", " - general", ". "])
        parts.append(before + " ".join(words) + after)
    return " ".join(parts)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_agent_spans_as_the_plain_search(nlp: Language, seed: int) -> None:
    kb = nlp.get_pipe("dateline_actors").kb
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n.startswith("dateline_") and n != "dateline_paragraphs"]):
        doc = nlp(_text_with_roles(kb, seed))
    plain = _agent_spans_plain(doc, kb)
    assert len(plain) > 100  # the text does hold role phrases
    assert any(e - s > 2 for s, e, _, _ in plain)  # and phrases of three words and more
    assert _agent_spans(doc, kb) == plain


def test_token_arrays_as_spacy_reads_them(nlp: Language) -> None:
    """The per-Doc token texts, text and starts (read from ``Doc.to_array``) are spaCy's own."""
    text = "Le Drian\u2019s  visit\u00a0to C\u00f4te d'Ivoire \u2014 \u201cno\u201d,\tsaid  the\n\nU.N. envoy \U0001F600 ok "
    docs = [nlp.make_doc(text), nlp.make_doc(""), nlp.make_doc("   "), nlp.make_doc(text * 3)]
    for doc in docs:
        texts, with_ws, spaces = token_texts(doc)
        assert texts == [t.text for t in doc]
        assert with_ws == [t.text_with_ws for t in doc]
        assert spaces == [t.is_space for t in doc] and all(type(s) is bool for s in spaces)
        assert doc_text(doc) == doc.text
        assert token_starts(doc) == [t.idx for t in doc]
    assert sum(token_texts(docs[0])[2]) >= 2  # the text does hold whitespace tokens


def _name_like_tokens(doc: Doc, start: int, end: int) -> bool:
    """``_name_like`` over Token objects, as it was written before it read the per-Doc arrays."""
    words = [t for t in doc[start:end] if not t.is_punct or t.text not in (".", "-")]
    if not words or not doc[start].text[:1].isupper() or doc[end - 1].lower_ in en.NAME_CONNECTORS:
        return False
    if any(not (t.text[:1].isupper() or t.lower_ in en.NAME_CONNECTORS or t.text in (".", "-")
                or (len(t.text) > 2 and t.text[0].islower() and t.text[1] in "'\u2019" and t.text[2].isupper()))
           for t in doc[start:end]):
        return False
    if end - start == 1 and (doc[start].is_stop or doc[start].lower_ in ("us", "who", "is", "it")):
        word = doc[start].text
        if not word.isupper() or len(word) > 5:
            return False
        words = [t for t in doc[start].sent if t.is_alpha and len(t) > 1]
        return word not in ("US", "IT") or not sum(t.text.isupper() for t in words) * 2 > len(words)
    return True


def test_name_like_as_over_tokens(nlp: Language) -> None:
    text = ("The US and IT firms of C\u00f4te d'Ivoire met Who officials. TELL US WHY, said Le Drian of "
            "the U.S. - Korea Forum and al-Qaeda. Mr Houston, who is it? It is d\u2019Alema of the EU in "
            "Sao Tome and Principe. WHO and the UN. Van der Bellen . - Bosnia-Herzegovina .")
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n.startswith("dateline_") and n != "dateline_paragraphs"]):
        doc = nlp(text)
    named = 0
    for start in range(len(doc)):
        for end in range(start + 1, min(len(doc), start + MAX_NAME_TOKENS) + 1):
            assert _name_like(doc, start, end) == _name_like_tokens(doc, start, end), doc[start:end].text
            named += _name_like(doc, start, end)
    assert named > 20
    assert not _name_like(doc, 3, 3) and not _name_like(doc, 0, len(doc) + 1)
