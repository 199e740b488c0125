"""Appeals told inside a quotation as what someone should or must do, coded on the modal itself.

CAMEO codes "X said Y should do Z" as X's appeal to Y (020). The events stage codes that on a speech verb's
that-clause in its own sentence (:func:`dateline.events.assemble._demand_in_statement`, on the speech verb). A
quotation tells it where no such frame holds the clause: the quotation's speaker is named in another sentence
("“... The government must act with urgency,” said in the sentence before), the speech verb hangs on a noun ("said
in a statement that “China should address ...”"), or the parse sets the speech verb apart. docs/annotation.md D13a
codes such a quotation's appeal from the speaker the quotes stage found, with the trigger on the word that carries
it, the modal (*must* of an appeal): rule ``_quoted_appeal`` (session 51, hB).
"""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from ..actors.identity import same_side
from ..events import make_event
from ..events.assemble import _speaker
from ..events.sides import _identified, _sides
from ..lang import en
from ..lexicon import Lexicon, load_lexicon
from ..record import ActorRef, Event
from .speakers import _Article, _Quote

#: The rule named in ``evidence.rules`` (code, source, target, modality) of an event made here.
RULE = "_quoted_appeal"
#: The code: "should" (cue ``advisory``) and "must" (cue ``obligation``) alike, an appeal, as docs/annotation.md D13a
#: labels "*must* of an appeal" (measured on train's read half: of the quoted "must" clauses labelled at the modal,
#: five times as many 02 as 10).
CODE = "020"
#: The code rules of the events stage that code such a clause on its speech verb already.
STATEMENT_RULES = frozenset({"_demand_in_statement", "_appeal_in_statement", "_reproach_in_statement"})
#: Subject pronouns not read as the one appealed to: inside a quotation "they" and "it" stand for what the quotation
#: names, which the antecedent search outside it does not see (the actors stage links no pronoun of a quotation).
#: "He" and "she" are kept: a person the article names, the speaker itself left out by :func:`_same_person`.
UNREAD_PRONOUNS = en.REFERRING_PRONOUNS - en.PERSONAL_PRONOUNS


def modal_clause(modal: Token, lex: Lexicon) -> tuple[Token, list[Token]] | None:
    """The clause verb and its subjects when ``modal`` tells what someone should or must do (an auxiliary of cue
    ``advisory`` or ``obligation``), with the gates of :func:`dateline.events.codes.appeal_clauses`: not negated
    (measured: "should not" in a quotation added more unlisted than listed acts), not under a conjunction other than
    "that" (a condition or comparison: "if Syria should attack", "than it should be"), not inverted ("should officials
    decide, ..."), not in the perfect ("should have acted": a reproach), a subject that is not the speaker ("we must",
    cue ``first_person``) nor a pronoun of :data:`UNREAD_PRONOUNS`, and a clause that asks an act (:func:`_state`)."""
    if modal.dep_ != "aux" or modal.head.pos_ not in ("VERB", "AUX"):
        return None
    if modal.lower_ not in lex.cue("advisory") | lex.cue("obligation"):
        return None
    clause = modal.head
    kids = list(clause.children)
    if any(c.dep_ == "mark" and c.lower_ != "that" for c in kids) or any(c.dep_ == "neg" for c in kids):
        return None
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids) or _state(clause):
        return None
    subjects = [c for c in kids if c.dep_ == "nsubj"]
    if not subjects or any(s.i > modal.i for s in subjects):
        return None
    unread = lex.cue("first_person") | en.FIRST_PERSON_PRONOUNS | UNREAD_PRONOUNS
    if any(s.lower_ in unread for s in subjects):
        return None
    return clause, subjects


def _state(clause: Token) -> bool:
    """Whether a clause tells a state or a possession, not an act its subject is asked to do: a verb of
    :data:`dateline.lang.en.STATE_VERBS` with a predicate ("must be bad for the system", "should feel secure"), or
    "have" with an object ("should have the right to disapprove")."""
    kids = list(clause.children)
    lemma = clause.lemma_.lower()
    if lemma in en.STATE_VERBS and any(c.dep_ in ("acomp", "attr") for c in kids):
        return True
    return lemma == "have" and any(c.dep_ == "dobj" for c in kids)


def quoted_appeals(art: _Article, quotes: list[_Quote], events: list[Event], lex: Lexicon | None = None) -> None:
    """Add an appeal (:data:`CODE`, rule :data:`RULE`) on each modal of :func:`modal_clause` inside a quotation
    (not a reported statement: "X said that Y should", coded on the speech verb) that the quotation tells
    (:func:`_told`), from the quotation's speaker, an actor whose saying is an act (a coded actor, not the press:
    :func:`dateline.events.assemble._speaker`; a private sector's too, "the employers' federation said: “The government
    must act”", whose plain statement counts for nothing), to the clause's subject, an identified actor other than the
    speaker. Not in a sentence where the events stage coded the statement by what it says (:data:`STATEMENT_RULES`)."""
    lex = lex or load_lexicon()
    doc = art.doc
    quoted, starts = _direct_quotes(quotes)
    if not quoted:
        return
    coded = {e.get("sentence") for e in events if (e.get("evidence") or {}).get("rules", {}).get("code") in STATEMENT_RULES}
    for modal in doc:
        if modal.tag_ != "MD":
            continue
        found = modal_clause(modal, lex)
        if found is None:
            continue
        clause, subjects = found
        index = art.sentence_of(modal.i)
        if index in coded:
            continue
        quote = _quote_at(quoted, starts, modal.idx)
        if quote is None or not _told(clause, quote, lex):
            continue
        teller = quote.speaker
        if teller is None or not _speaker(teller, lex):
            continue
        for target in _sides(doc, subjects, lex):
            if target is None or not _identified(target) or _same_person(target, teller):
                continue
            events.append(make_event(modal, index, CODE, ActorRef(**teller), target,
                                     negated=False, modality="asserted", reciprocal=False,
                                     rules={"trigger": f"cues.tsv:{modal.lower_}", "code": RULE, "source": RULE,
                                            "target": RULE, "modality": RULE}))


def _told(clause: Token, quote: _Quote, lex: Lexicon) -> bool:
    """Whether ``clause`` is what the quotation tells, not a clause inside something it tells: the head of a
    sentence of the quotation (or a conjunct of one), a clause of the quotation's own frame outside its marks
    ("said in a statement that “China should ...”"), or the complement of a speech verb or a verb of opinion (cue
    ``advice_frame``) whose subject is the speaker ("I think they should drop it"); not a relative or adverbial
    clause ("which Iran must recognize"), nor a belief the speaker ascribes to another ("Americans believe the
    U.S. should ...")."""
    top = clause
    while top.dep_ == "conj" and top.head is not top:
        top = top.head
    if top.dep_ in ("ROOT", "parataxis"):
        return True
    head = top.head
    if top.dep_ in ("ccomp", "acl") and ((quote.cue_token is not None and head.i == quote.cue_token.i)
                                         or not quote.start <= head.idx < quote.end):
        return True
    if top.dep_ != "ccomp" or head.lemma_.lower() not in lex.cue("speech_verb") | lex.cue("advice_frame"):
        return False
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is None or subject.lower_ in lex.cue("first_person") | en.FIRST_PERSON_PRONOUNS


def _direct_quotes(quotes: list[_Quote]) -> tuple[list[_Quote], list[int]]:
    """The direct quotations (not reported statements), ordered for :func:`_quote_at`, and their start offsets."""
    quoted = sorted((q for q in quotes if q.kind != "reported"), key=lambda q: (q.start, -q.end))
    return quoted, [q.start for q in quoted]


def _quote_at(quoted: list[_Quote], starts: list[int], char: int) -> _Quote | None:
    """The innermost quotation holding ``char``."""
    holding = [q for q in quoted[:bisect.bisect_right(starts, char)] if q.start <= char < q.end]
    if not holding:
        return None
    return max(holding, key=lambda q: (q.depth, q.start))


def _same_person(a: ActorRef, b: ActorRef) -> bool:
    """Whether two sides are one actor by their words (:func:`same_side`, or one's words inside the other's:
    "Sanders", "Sarah Huckabee Sanders"): a speaker telling itself what to do is a misread pronoun."""
    ta, tb = str(a.get("text", "")).lower(), str(b.get("text", "")).lower()
    return same_side(a, b) or (bool(ta and tb) and (ta in tb or tb in ta))

