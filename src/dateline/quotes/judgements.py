"""Praise and blame told inside a quotation whose speaker another sentence names, coded on the judging word.

The events stage reads a judgement of an actor inside a statement when the sentence has its own speech verb or the
quotation's speaker stands next to its marks: an adjective that blames predicated of an actor ("“Ruritania has been
foolish,” the minister said", :func:`dateline.events.assemble._evaluation_events`, rule ``_evaluative_adjective``),
a word of praise said of one (:func:`dateline.events.codes._praising_content`, rule ``_praise_in_statement``). A
quotation over several sentences names its speaker once (docs/annotation.md D30a): a later sentence of it that
judges an actor it names ("The Borduria government is reckless.") is the speaker's criticism (111) or praise (051)
on the judging word (D13a), the speaker the one the quotes stage found (a cue in a neighbouring sentence, the
paragraph's, a quote continued from the one before, a colon, a heading). Rule ``_quoted_judgement`` (session 60, mA).

Narrow on purpose (session 58, jC: quoted acts in general taking the quotation's speaker were right 2 times in 33):
only the judgement words of the events stage's precise rules (cue ``blaming_adjective`` and the adjectives of
``criticism_word``/``accusation_word``; cue ``praise_word``), predicated through a copula of a subject the sentence
names (a name or a noun phrase that names or owns an actor, no pronoun), in a sentence the quotation tells.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..events import make_event
from ..events.assemble import _COPULAS, _blaming_adjective, _speaker
from ..events.codes import _blamed, _conditioned, _in_relative_clause, _negated_in_clause
from ..events.sides import _identified, _sides
from ..events.triggers import _quoted_speaker, frame_verb
from ..lang import en
from ..lexicon import Lexicon, load_lexicon
from ..record import ActorRef, Event
from .advice import _direct_quotes, _quote_at, _same_person, _told
from .speakers import _Article, _Quote

#: The rule named in ``evidence.rules`` (code, source, target, modality) of an event made here.
RULE = "_quoted_judgement"
#: The roots of a judgement: a sentence with an event of one already has its judgement coded.
JUDGEMENT_ROOTS = frozenset({"05", "11"})


def judging_word(word: Token, lex: Lexicon) -> tuple[str, Token, Token] | None:
    """(code, copula, subject) when ``word`` judges the subject of a copula (``_COPULAS``: "X is reckless", "X has
    been a reliable partner"): an adjective that blames (111), or a word of praise, an adjective or a noun (051),
    as the predicate itself or modifying a noun that is ("a reckless government"); not compared ("best", "more
    reliable"), not negated, not under a modal of forecast ("will be a great partner"), not in a relative clause or
    a condition."""
    lower = word.lower_
    if word.pos_ == "ADJ" and _blaming_adjective(word, lex):
        code = "111"
    elif word.pos_ in ("ADJ", "NOUN") and lower in lex.cue("praise_word"):
        code = "051"
    else:
        return None
    if word.tag_ in ("JJR", "JJS") or any(c.dep_ == "advmod" and c.lower_ in ("more", "less", "most", "least")
                                          for c in word.children):
        return None
    pred = word.head if word.dep_ == "amod" and word.head.dep_ == "attr" and word.head.pos_ == "NOUN" else word
    if pred.dep_ not in ("acomp", "attr") or pred.head == pred:
        return None
    head = pred.head
    if head.lemma_ not in _COPULAS or head.pos_ not in ("AUX", "VERB"):
        return None
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    modal = lex.cue("future") | {"could", "might", "may", "would", "should", "must"}
    if any(c.dep_ == "aux" and c.lower_ in modal for c in head.children):
        return None
    top = head
    while top.head != top:
        top = top.head
    if _negated_in_clause(word, top) or _negated_in_clause(pred, top) or any(c.dep_ == "neg" for c in head.children):
        return None
    if _in_relative_clause(head, top) or _conditioned(head, top, lex):
        return None
    return code, head, subject


def _named(subject: Token, lex: Lexicon) -> list[Token]:
    """The actors a subject names in the sentence itself: the subject or its owner (:func:`_blamed`), never a
    pronoun (inside a quotation it stands for what the quotation names, and the speaker's "we" judges itself)."""
    return [t for t in _blamed(subject, lex) if t.pos_ != "PRON" and t.lower_ not in en.FIRST_PERSON_PRONOUNS]


def _own_side(subject: Token, teller: ActorRef, lex: Lexicon) -> bool:
    """Whether the judged subject is, or holds, the speaker's own side: a first-person word among the subject, its
    conjuncts and their possessors ("our authorities are very good", "they and we are friends"), or a conjunct that
    is the speaker ("America and the EU are friends", said by the EU's president): a party describing itself or
    its own relation is no judgement of another (docs/annotation.md D1e)."""
    first = lex.cue("first_person") | en.FIRST_PERSON_PRONOUNS
    words = [subject, *subject.conjuncts]
    if any(w.lower_ in first or any(c.dep_ == "poss" and c.lower_ in first for c in w.children) for w in words):
        return True
    code = str(teller.get("code") or "")
    for side in _sides(subject.doc, words, lex):
        if side is None:
            continue
        other = str(side.get("code") or "")
        if _same_person(side, teller) or (code and other and (code.startswith(other) or other.startswith(code))):
            return True
    return False


def quoted_judgements(art: _Article, quotes: list[_Quote], events: list[Event], lex: Lexicon | None = None) -> None:
    """Add the speaker's criticism (111) or praise (051), rule :data:`RULE`, on each word of :func:`judging_word`
    inside a direct quotation (not a reported statement) in a sentence the quotation tells (:func:`.advice._told`)
    whose statement the events stage could not read: no speech verb frames it
    (:func:`dateline.events.triggers.frame_verb`) and no speaker stands by its marks
    (:func:`dateline.events.triggers._quoted_speaker`), and the sentence has no event of root 05 or 11 yet. From the
    quotation's speaker as the quotes stage found it, an actor whose saying is an act
    (:func:`dateline.events.assemble._speaker`), to the actor the subject names (:func:`_named`), identified, not
    the speaker."""
    lex = lex or load_lexicon()
    doc = art.doc
    quoted, starts = _direct_quotes(quotes)
    if not quoted:
        return
    judged = {e.get("sentence") for e in events if str(e.get("cameo") or "")[:2] in JUDGEMENT_ROOTS}
    for word in doc:
        if word.pos_ not in ("ADJ", "NOUN"):
            continue
        found = judging_word(word, lex)
        if found is None:
            continue
        code, head, subject = found
        index = art.sentence_of(word.i)
        if index in judged:
            continue
        quote = _quote_at(quoted, starts, word.idx)
        if quote is None or not quote.start <= subject.idx < quote.end or not _told(head, quote, lex):
            continue
        if frame_verb(head, lex) is not None or _quoted_speaker(word, lex) is not None:
            continue  # the events stage reads this statement itself
        teller = quote.speaker
        if teller is None or not _speaker(teller, lex) or not _identified(teller):
            continue
        named = _named(subject, lex)
        if not named or _own_side(subject, teller, lex):
            continue
        for target in _sides(doc, named, lex):
            if target is None or not _identified(target) or _same_person(target, teller):
                continue
            events.append(make_event(word, index, code, ActorRef(**teller), target,
                                     negated=False, modality="asserted", reciprocal=False,
                                     rules={"trigger": f"cues.tsv:{word.lemma_.lower()}", "code": RULE, "source": RULE,
                                            "target": RULE, "modality": RULE}))
            judged.add(index)
