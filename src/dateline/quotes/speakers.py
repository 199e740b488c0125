"""Speakers: who said a quote (a cue verb's subject, an "according to" object, a colon or dash
attribution, a heading line, a pronoun's antecedent), linked to its actor."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from .. import syntax
from ..lang import en
from ..actors import actor_ref
from ..actors.coreference import _person_noun
from ..doc import doc_ents, doc_text, extension, paragraph_spans, per_doc, sentences, token_starts
from .cues import Cue, Cues, _SUBJECTS
from .marks import DASHES, OPEN_DOUBLE, OPEN_SINGLE, QuoteSpan, _trimmed
from ..lang import en
from ..lexicon import cue_words
from ..record import ActorRef, Quote


__all__ = ["Cue", "Cues", "QuoteSpan", "find_quotes", "load_cues", "scan_quotes"]






@dataclass
class _Quote:
    """A quote while it is being built; :meth:`to_dict` gives the output shape."""

    start: int
    end: int
    text: str
    kind: str
    depth: int = 0
    sentence: int = 0
    speaker: ActorRef | None = None
    cue: str | None = None
    cue_token: Token | None = None
    medium: str | None = None
    content: Span | None = None  # a reported statement's clause
    pull_quote_text: str | None = None
    events: list[int] = field(default_factory=list)

    def to_dict(self) -> Quote:
        return {"text": self.text, "speaker": self.speaker, "kind": self.kind, "cue": self.cue,
                "medium": self.medium, "sentence": self.sentence, "span": [self.start, self.end],
                "pull_quote": self.pull_quote_text is not None, "pull_quote_text": self.pull_quote_text,
                "events": self.events}


class _Article:
    """What the stage needs to know about one Doc: sentences, paragraphs, quote cover."""

    def __init__(self, doc: Doc, cues: Cues, spans: list[QuoteSpan]) -> None:
        self.doc = doc
        self.text = doc_text(doc)  # doc.text rebuilds the string on every access: read it once
        self.cues = cues
        self.sents = sentences(doc)
        self.sent_starts = [s.start for s in self.sents]
        self.paragraphs = paragraph_spans(self.text)
        self.para_starts = [s for s, _ in self.paragraphs]
        # Character ranges of the top-level quotations WITH their marks (see in_quote: not quotes.marks.in_quotation).
        self.quoted = sorted((q.start - 1, q.end + 1) for q in spans if q.depth == 0)
        self.quoted_starts = [s for s, _ in self.quoted]
        person_names: set[str] = set()
        for actor in extension(doc, "actors") or []:
            if actor.get("label") == "PERSON":
                person_names.update(actor["name"].split())
                person_names.add(actor["name"])
        self.person_names = person_names

    def sentence_of(self, token_i: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, token_i) - 1)

    def paragraph_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, char) - 1)

    def in_quote(self, token: Token, within: tuple[int, int] | None = None) -> bool:
        """Whether ``token`` lies inside quote marks (the top-level ones, or ``within``).

        Not :func:`dateline.quotes.marks.in_quotation`, the one test of "is this word quoted" every other stage
        and learned feature reads, on purpose: here the marks themselves count as inside (the range runs from the
        opening mark to the closing one, both included), because the quotes stage looks for a speaker and its cue
        outside the quotation and its marks, and ends a reported clause with the closing mark
        (``quotes.reported``, which reads :attr:`quoted` for that). Measured with the shared test instead
        (branch mend30): dev and train scores the same, but two train quotes of one article changed speaker:
        "he writes" was resolved to a token that begins with a closing mark glued to the next word ('... for
        all."Romney says'), outside the quotation by the shared test, and the speaker became '"Romney', with no
        code (was 'President Barack Obama', USAGOV). The ranges are not merged: the top-level quotations
        :func:`~dateline.quotes.marks.scan_quotes` pairs never overlap."""
        if within is not None:
            return not (within[0] <= token.idx < within[1])
        k = bisect.bisect_right(self.quoted_starts, token.idx) - 1
        return k >= 0 and token.idx < self.quoted[k][1]

    @cached_property
    def cue_at(self) -> list[Cue | None]:
        """Each token's cue (``cues.get(token)``), read once per Doc: only a token whose lemma, in
        lower case, is a cue lemma or whose lower case is "according" can be one (what ``get``
        tests first), so ``get`` is asked of those alone (a Token object per token cost more)."""
        doc, verbs = self.doc, self.cues.verbs
        strings = doc.vocab.strings
        columns = doc.to_array([LEMMA, LOWER])
        lemmas = numpy.unique(columns[:, 0]).tolist()
        kept = [lemma for lemma in lemmas if strings[lemma].lower() in verbs]
        maybe = numpy.isin(columns[:, 0], kept) | (columns[:, 1] == strings["according"])
        at: list[Cue | None] = [None] * len(doc)
        for i in numpy.flatnonzero(maybe).tolist():
            at[i] = self.cues.get(doc[i])
        return at

    @cached_property
    def quoted_at(self) -> list[bool]:
        """Each token's :meth:`in_quote` (without ``within``; the marks count as inside, as there), from the
        token starts at once."""
        starts = numpy.asarray(token_starts(self.doc), dtype=numpy.int64)
        if not self.quoted:
            return [False] * len(starts)
        k = numpy.searchsorted(numpy.asarray(self.quoted_starts, dtype=numpy.int64), starts, side="right") - 1
        ends = numpy.asarray([end for _, end in self.quoted], dtype=numpy.int64)
        return ((k >= 0) & (starts < ends[numpy.maximum(k, 0)])).tolist()

    def tokens(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    @cached_property
    def mentions(self) -> list[tuple[int, int, int, int, bool]]:
        """Every actor mention, ``(start token, end token, start char, end char, is a person)``, in
        the order of ``doc._.actors`` (named actors by first mention, then nominal ones), each
        actor's mentions in text order; a person is the model's PERSON or a name a PERSON actor
        carries."""
        out: list[tuple[int, int, int, int, bool]] = []
        for actor in extension(self.doc, "actors") or []:
            for m in actor["mentions"]:
                span = self.tokens(m["start"], m["end"])
                if span is not None:
                    is_person = actor.get("label") == "PERSON" or _clean_name(self.text[m["start"]:m["end"]]) in self.person_names
                    out.append((span.start, span.end, m["start"], m["end"], is_person))
        return out


def _quote(art: _Article, span: QuoteSpan) -> _Quote | None:
    text = art.text
    start, end = _trimmed(text, span.start, span.end)
    if end <= start:
        return None
    words = text[start:end]
    for mark in sorted(span.reopened, reverse=True):
        # Drop the re-opening marks of continuation paragraphs from the words (not from the span).
        if start <= mark < end:
            words = words[: mark - start] + words[mark - start + 1:]
    tokens = art.tokens(start, end)
    sentence = art.sentence_of(tokens.start) if tokens is not None and len(tokens) else 0
    quote = _Quote(start, end, words, "direct", span.depth, sentence)
    quote.kind = _kind(art, span, tokens)
    return quote


def _kind(art: _Article, span: QuoteSpan, tokens: Span | None) -> str:
    """``direct`` when the quote stands as a sentence (or more), else ``fragment``.

    Direct: it opens its sentence or paragraph, follows a colon, follows a cue verb and a comma
    ("he said, “..."), or holds more than one sentence. Anything else is quoted inside the writer's
    own sentence ("described the exercises as “war games”").
    """
    if tokens is None or not len(tokens):
        return "fragment"
    text = art.text
    if span.reopened or (not span.closed and len(tokens) > 3):
        return "direct"
    sent = art.sents[art.sentence_of(tokens.start)]
    before = text[sent.start_char: span.start - 1].strip()
    if span.depth:
        before = before[max(before.rfind(c) for c in OPEN_DOUBLE + OPEN_SINGLE + "\"'") + 1:].strip()
    if not before or before[-1] in ":" + DASHES or before.endswith(tuple(OPEN_DOUBLE + OPEN_SINGLE)):
        return "direct"
    if before.endswith(","):
        prev = art.doc.char_span(sent.start_char, span.start - 1, alignment_mode="expand")
        if prev is not None and any(art.cue_at[t.i] for t in prev[-4:]):
            return "direct"
    if art.sentence_of(tokens[-1].i) > art.sentence_of(tokens.start) and len(tokens) > 8:
        return "direct"
    return "fragment"


def _attribute(art: _Article, quote: _Quote, enclosing: _Quote | None) -> None:
    """Find the quote's cue and speaker in its own sentences, or the next or previous one."""
    doc = art.doc
    tokens = art.tokens(quote.start, quote.end)
    if tokens is None or not len(tokens):
        return
    if enclosing is not None:
        # A quote inside a quote: only a cue inside the outer quote can name its speaker.
        scope = art.tokens(enclosing.start, enclosing.end)
        within = (enclosing.start, enclosing.end)
        if scope is not None:
            _attribute_in(art, quote, tokens, scope, within)
        return
    owner = _colon_owner(art, tokens)
    if owner is not None:
        # "Mattis' maxim: “...”": the owner of the words the colon announces is the speaker, not
        # the subject of a verb further back ("he said the president was adhering to ...").
        quote.cue, quote.speaker = ":", _phrase_ref(art, owner)
        if quote.speaker is not None:
            return
        quote.cue = None
    first, last = art.sentence_of(tokens.start), art.sentence_of(tokens[-1].i)
    scope = doc[art.sents[first].start: art.sents[last].end]
    if _attribute_in(art, quote, tokens, scope, None) or quote.kind == "fragment":
        return
    heading = _heading_speaker(art, quote)
    if heading is not None:
        quote.cue, quote.speaker = "—", heading
        return
    # A direct quote without a cue in its sentence: "“...” Smith said." split off by the parser,
    # or a previous sentence that ends with a colon ("Smith said in a statement:").
    para = art.paragraph_of(quote.start)
    if last + 1 < len(art.sents):
        nxt = art.sents[last + 1]
        if art.paragraph_of(nxt.start_char) == para and _attribute_in(
                art, quote, tokens, nxt, None, bare=True):
            return
    if first > 0:
        prev = art.sents[first - 1]
        if prev.text.rstrip().endswith(":"):
            _attribute_in(art, quote, tokens, prev, None, bare=True)


def _colon_owner(art: _Article, tokens: Span) -> Token | None:
    """``X's maxim: “...”``: the possessor of the noun right before the colon that opens the quote."""
    doc = art.doc
    i = tokens.start - 1
    while i >= 0 and doc[i].is_punct and doc[i].text != ":":
        i -= 1  # the opening quote mark
    if i < 1 or doc[i].text != ":" or doc[i - 1].pos_ not in ("NOUN", "PROPN"):
        return None
    noun = doc[i - 1]
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        # "James Mattis’ maxim": the parser may miss a possessive after an s (nmod + a stray mark).
        if child.i + 1 < noun.i and child.pos_ == "PROPN" and doc[child.i + 1].text in ("’", "'", "’s", "'s"):
            return child
    return None


#: Sentences before a pronoun speaker's that :func:`_antecedent` looks back over for its antecedent.
SPEAKER_LOOKBACK = 8
#: The most tokens a heading line ("Ian Dunt, Washington Post") may have.
_HEADING_TOKENS = 8


def _heading_speaker(art: _Article, quote: _Quote) -> ActorRef | None:
    """A quote paragraph under a line that names its author: ``Ian Dunt, Washington Post`` or ``Ian Dunt:``.

    The line is the previous paragraph, short, not a sentence (no final stop), and opens with a
    person's name; the name before the first comma is the speaker.
    """
    para = art.paragraph_of(quote.start)
    p_start = art.paragraphs[para][0]
    if para == 0 or art.text[p_start: max(p_start, quote.start - 1)].strip():
        return None
    h_start, h_end = art.paragraphs[para - 1]
    line = art.text[h_start:h_end].rstrip().rstrip(":").rstrip()
    span = art.tokens(h_start, h_start + len(line))
    if not line or line[-1] in ".!?\"”’'" or span is None or not 0 < len(span) <= _HEADING_TOKENS:
        return None
    first = span[0]
    ent = _entity_at(first)
    if ent is not None and ent.start == first.i and ent.label_ == "PERSON":
        return _speaker_ref(art, ent)
    if ent is None and first.pos_ == "PROPN":
        # The model missed the name: the proper nouns that open the line.
        end = first.i
        while end + 1 < span.end and span.doc[end + 1].pos_ == "PROPN":
            end += 1
        if end > first.i:  # a full name, not a lone capitalised word
            name = span.doc[first.i: end + 1]
            return _speaker_dict(art, actor_ref(art.doc, name.start_char, name.end_char), name.text)
    return None


def _attribute_in(art: _Article, quote: _Quote, tokens: Span, scope: Span,
                  within: tuple[int, int] | None, *, bare: bool = False) -> bool:
    """Set cue, speaker and medium from the cues of ``scope`` that lie outside quote marks.

    bare: the scope is a neighbouring sentence, so its cue must not carry its own statement.
    """
    cue_at, doc = art.cue_at, art.doc
    candidates = [t for t in (doc[i] for i in range(scope.start, scope.end) if cue_at[i] is not None)
                  if not art.in_quote(t, within) and not (tokens.start <= t.i < tokens.end)]
    if bare:
        candidates = [t for t in candidates if not any(c.dep_ in ("ccomp", "xcomp") for c in t.children)]
    dash = _dash_speaker(art, tokens, scope)
    if not candidates and dash is None:
        return False
    if dash is not None and not candidates:
        quote.cue, quote.speaker = "—", _speaker_ref(art, dash)
        return True
    cue = _governing_cue(art, tokens, candidates, strict=quote.kind == "fragment")
    if cue is None:
        return False
    speaker, medium = _speaker_of(art, cue, candidates)
    if speaker is None and dash is not None:
        quote.cue, quote.speaker = "—", _speaker_ref(art, dash)
        return True
    quote.cue_token = cue
    quote.cue = _cue_text(cue)
    quote.speaker = speaker
    quote.medium = medium
    return True


def _cue_text(cue: Token) -> str:
    if cue.lower_ == "according":
        return "according to"
    particles = [c.text for c in cue.children if c.dep_ == "prt"]
    return " ".join([cue.text, *particles])


def _governing_cue(art: _Article, tokens: Span, candidates: list[Token], *, strict: bool = False) -> Token | None:
    """The candidate cue the quote hangs from in the parse, else (unless strict) the nearest one.

    Fragments are strict: a phrase in scare quotes belongs to a speaker only when it hangs from
    the cue ("Pence said the talks were “promising”"), never because a cue is near (nor because the
    stop inside its marks hangs from the sentence's verb, "known as “ballot harvesting.”"); or when a
    cue frames the clause it is in ("according to X", "as X reported": :func:`_framing_cue`).

    "according to" yields to a speech verb in the same sentence: the verb names the speaker, the
    "according to" phrase then names the medium (see :func:`_speaker_of`).
    """
    inside = set(range(tokens.start, tokens.end))
    verbs = [c for c in candidates if c.lower_ != "according"] or candidates
    framing: Token | None = None
    for token in tokens:
        if (token.head.i in inside and token.head != token) or (strict and token.is_punct):
            continue  # (a fragment's stop inside its marks, "known as “ballot harvesting.”", hangs from the root)
        # Walk up from the quote's top tokens to a cue outside the quote.
        head = token.head
        for _ in range(8):
            if head in verbs:
                return head
            framing = framing or _framing_cue(head, candidates)
            if head.head == head:
                break
            head = head.head
    if strict:
        return framing
    roots = {t for t in tokens if t.head.i not in inside or t.head == t}
    for cue in verbs:
        if any(a in roots for a in cue.ancestors):
            return cue

    def distance(cue: Token) -> int:
        return min(abs(cue.i - tokens.start), abs(cue.i - (tokens.end - 1)))

    return min(verbs, key=distance)


def _framing_cue(head: Token, candidates: list[Token]) -> Token | None:
    """A cue that frames the whole clause of ``head``: "according to X" on it, or an "as X reported"
    clause ("As the agency reported, the ban “caused chaos”": the fragment is the agency's)."""
    for child in head.children:
        if child not in candidates:
            continue
        if child.lower_ == "according" or (child.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "as" for m in child.children)):
            return child
    return None


def _dash_speaker(art: _Article, tokens: Span, scope: Span) -> Span | None:
    """``“...” — Andrei Lankov``: the name right after a dash that follows the quote; or after a colon
    when the quote opens its paragraph (a heading: ``‘A quiet handover’: Ann Lee, BBC correspondent``)."""
    doc = art.doc
    p_start = art.paragraphs[art.paragraph_of(tokens.start_char)][0]
    marks = DASHES + "-" + (":" if not art.text[p_start: max(p_start, tokens.start_char - 1)].strip() else "")
    i = tokens.end
    while i < len(doc) and i < scope.end + 2 and (doc[i].is_punct and doc[i].text not in marks):
        i += 1
    if i < len(doc) and doc[i].text in marks:
        for ent in doc_ents(doc):
            if ent.start in (i + 1, i + 2) and ent.label_ in syntax.ACTOR_ENTITIES:
                return ent
    return None


def _speaker_of(art: _Article, cue: Token, candidates: list[Token]) -> tuple[ActorRef | None, str | None]:
    """The speaker of ``cue`` and the medium that relayed the statement, if any."""
    medium: str | None = None
    if cue.lower_ == "according":
        head = _according_object(cue)
        return (_phrase_ref(art, head) if head is not None else None), None
    subject = _subject(cue)
    # "according to X" or "X reported" beside a speech verb: X relayed the statement.
    for other in candidates:
        if other is cue:
            continue
        if other.lower_ == "according":
            obj = _according_object(other)
            if obj is not None:
                medium = _name_text(art, obj)
        elif other.lemma_.lower() == "report":
            obj = _subject(other)
            if obj is not None and art.cues.is_medium(_name_text(art, obj)):
                medium = _name_text(art, obj)
    # "X told Reuters", "said in an interview with CNN"
    for child in cue.children:
        target = child if child.dep_ in ("dobj", "dative") else None
        if child.dep_ == "prep":
            target = next((g for g in child.children if g.dep_ == "pobj"), None)
            if target is not None and target.lemma_ in ("interview", "statement", "broadcast"):
                target = next((h for p in target.children if p.dep_ == "prep"
                               for h in p.children if h.dep_ == "pobj"), None)
        if target is not None and medium is None and target.ent_type_ == "ORG" \
                and art.cues.is_medium(_name_text(art, target)):
            medium = _name_text(art, target)
    if subject is None:
        return None, medium
    return _phrase_ref(art, subject), medium


def _according_object(cue: Token) -> Token | None:
    to = next((t for t in cue.children if t.lower_ == "to"), None)
    if to is None and cue.i + 1 < len(cue.doc) and cue.nbor(1).lower_ == "to":
        to = cue.nbor(1)
    if to is None:
        return None
    return next((t for t in to.children if t.dep_ == "pobj"), None)


def _subject(verb: Token) -> Token | None:
    """The subject of a cue verb, inherited through coordination and clauses ("X said and added")."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            if subject.lemma_.lower() in cue_words("document_noun"):
                # "a statement from the ministry said", "the ministry's statement said"
                owner = next((g for c in subject.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")
                              for g in c.children if g.dep_ == "pobj"), None)
                owner = owner or next((c for c in subject.children if c.dep_ == "poss"), None)
                return owner or subject
            return subject
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head != verb:
            verb = verb.head
        elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head != verb.head:
            # "X was quoted as saying ...": the subject of the verb the phrase hangs from.
            verb = verb.head.head
        else:
            return None
    return None


def _entity_at(token: Token) -> Span | None:
    # doc.ents builds every entity Span anew: look the token up in an index built once per Doc
    return per_doc(token.doc, "entity_at", _entities_by_token)[token.i]


def _entities_by_token(doc: Doc) -> list[Span | None]:
    """The entity each token of the Doc lies in (None outside entities)."""
    by_token: list[Span | None] = [None] * len(doc)
    for ent in reversed(doc_ents(doc)):  # (entities do not overlap; the first one wins anyway)
        by_token[ent.start:ent.end] = [ent] * len(ent)
    return by_token


def _name_text(art: _Article, head: Token) -> str:
    ent = _entity_at(head)
    if ent is not None:
        return _clean_name(ent.text)
    left = min((t.i for t in head.subtree if t.i <= head.i and t.dep_ in
                ("compound", "amod", "nmod", "poss", "det", "nummod", "case")) or [head.i], default=head.i)
    span = art.doc[left: head.i + 1]
    words = [t for t in span if t.dep_ != "det" or t.i != left]
    return _clean_name(art.text[words[0].idx: head.idx + len(head)] if words else head.text)


def _clean_name(text: str) -> str:
    text = text.strip()
    for article in ("the ", "The "):
        text = text.removeprefix(article)
    return text.removesuffix("’s").removesuffix("'s").strip()


def _phrase_ref(art: _Article, head: Token) -> ActorRef | None:
    """The speaker named by the phrase headed by ``head``, linked to its actor."""
    if head.pos_ == "PRON" or head.lower_ in en.SPEAKER_PRONOUNS:
        return _pronoun_ref(art, head)
    group = syntax.partitive_group(head)
    if group is not None:
        # "one of the pollsters said": the speaker is one of the group, its actor the group's.
        ref = actor_ref(art.doc, group.left_edge.idx, group.idx + len(group))
        return _speaker_dict(art, ref, art.text[head.idx: group.idx + len(group)], keep_text=True)
    name = _apposed_name(head)
    if name is not None:
        # "GE's chief executive Jeff Immelt said", "His pick, Jeff Sessions, said": the role noun's
        # apposed name is the speaker; the role phrase gives its actor when the name has none.
        ref = actor_ref(art.doc, name.start_char, name.end_char)
        if ref is None or not (ref.get("code") or ref.get("country")):
            ref = actor_ref(art.doc, head.left_edge.idx, head.idx + len(head)) or ref
        return _speaker_dict(art, ref, _clean_name(name.text), keep_text=True)
    ent = _entity_at(head)
    if ent is not None:
        ref = actor_ref(art.doc, ent.start_char, ent.end_char)
        return _speaker_dict(art, ref, _clean_name(ent.text))
    text = _name_text(art, head)
    start = head.left_edge.idx
    ref = actor_ref(art.doc, start, head.idx + len(head))
    return _speaker_dict(art, ref, text)


def _apposed_name(head: Token) -> Span | None:
    """The person's name set beside a role noun ("GE's chief executive Jeff Immelt", "the pick, Jeff
    Sessions,"): a PERSON entity, or proper nouns the model missed, in apposition to a common noun, or
    closing the role phrase in apposition to a noun inside it ("his choice for minister, Ann Lee,")."""
    if head.pos_ != "NOUN" or _entity_at(head) is not None:
        return None
    apposed = [c for c in head.children if c.dep_ == "appos"]
    last = head.right_edge
    if last.dep_ == "appos" and last.head.pos_ == "NOUN":
        apposed.append(last)
    for child in apposed:
        ent = _entity_at(child)
        if ent is not None:
            return ent if ent.label_ == "PERSON" else None
        if child.pos_ == "PROPN":
            left = min([child.i] + [c.i for c in child.children if c.dep_ == "compound" and c.pos_ == "PROPN"])
            return head.doc[left: child.i + 1]
    return None


def _speaker_ref(art: _Article, ent: Span) -> ActorRef:
    """The speaker named by an entity span (a dash attribution), linked to its actor."""
    return _speaker_dict(art, actor_ref(art.doc, ent.start_char, ent.end_char), _clean_name(ent.text))


def _speaker_dict(art: _Article, ref: ActorRef | None, text: str, *, keep_text: bool = False) -> ActorRef:
    """``{text, code, country, sector}``: the actor's full name when the mention is a short form
    (``keep_text``: the text as given, the actor only for its code)."""
    if ref is None:
        return {"text": text, "code": None, "country": None, "sector": None}
    if keep_text:
        return {"text": text, "code": ref.get("code"), "country": ref.get("country"), "sector": ref.get("sector")}
    name = text if text.lower() not in en.SPEAKER_PRONOUNS and ref["text"].lower() in en.SPEAKER_PRONOUNS else (
        _actor_name(art, ref["text"]) or text)
    return {"text": name, "code": ref.get("code"), "country": ref.get("country"), "sector": ref.get("sector")}


def _actor_at(art: _Article, start: int, end: int) -> str | None:
    """The name of the actor with a mention at exactly ``start:end``."""
    for actor in extension(art.doc, "actors") or []:
        if any(m["start"] == start and m["end"] == end for m in actor["mentions"]):
            return str(actor["name"])
    return None


def _actor_name(art: _Article, mention_text: str) -> str | None:
    for actor in extension(art.doc, "actors") or []:
        if any(m["text"] == mention_text for m in actor["mentions"]):
            return str(actor["name"])
    return None


def _pronoun_ref(art: _Article, pronoun: Token) -> ActorRef | None:
    """A pronoun speaker: the speaker of the speech verb before it (:func:`_chained_speaker`), else the
    actors stage's coreference, else the nearest fitting name before."""
    chained = _chained_speaker(art, pronoun)
    ref = actor_ref(art.doc, pronoun.idx, pronoun.idx + len(pronoun))
    if chained is not None:
        linked = _actor_at(art, pronoun.idx, pronoun.idx + len(pronoun)) or (ref["text"] if ref is not None else "")
        if ref is not None and (ref.get("code") or ref.get("country")) and not (chained.get("code") or chained.get("country")) \
                and chained["text"].split()[-1] in linked.split():
            return _speaker_dict(art, ref, linked)  # the same person, whom the coreference links to a coded actor
        return chained
    if ref is not None:
        # The actors stage linked the pronoun itself to an actor (coreference): take its name.
        named = _actor_at(art, pronoun.idx, pronoun.idx + len(pronoun))
        if ref["text"].lower() not in en.SPEAKER_PRONOUNS or named is not None:
            return _speaker_dict(art, ref, named or ref["text"])
    antecedent = _antecedent(art, pronoun)
    if antecedent is not None:
        start, end = antecedent
        found = actor_ref(art.doc, start, end)
        return _speaker_dict(art, found, art.text[start:end])
    if ref is not None:
        return _speaker_dict(art, ref, ref["text"])
    return None


#: Paragraphs before a pronoun speaker's that :func:`_chained_speaker` looks back over for a speech verb.
CHAIN_PARAGRAPHS = 1
#: Dependencies of a speech verb in a sentence's main clauses (the verbs :func:`_chained_speaker` chains to).
_MAIN_CLAUSE = frozenset({"ROOT", "conj", "parataxis"})


def _chained_speaker(art: _Article, pronoun: Token) -> ActorRef | None:
    """"X said ... “...,” he added": a he/she subject of a speech verb is the speaker of the speech verb
    of a main clause before it (in its paragraph or the one before, outside quote marks), a person, when
    no person is the subject of a clause (or in apposition to one) between that speaker and the pronoun. The nearest name is often someone
    the speaker talked about ("Smith said Jones had ... He said"), and the actors stage's coreference
    ranks the first subject of the sentence before, which may be the subject of the quoted clause
    ("X “is pushing ...,” says Smith. ... he adds")."""
    doc, cue_at = art.doc, art.cue_at
    own = cue_at[pronoun.head.i] if pronoun.dep_ in _SUBJECTS else None
    if pronoun.lower_ not in en.PERSON_SPEAKER_PRONOUNS or pronoun.lower_ == "i" or own is None or own.role != "speech":
        return None  # (only the subject of a speech verb: "had he denied the charge" is no one's statement)
    first_para = max(0, art.paragraph_of(pronoun.idx) - CHAIN_PARAGRAPHS)
    k = art.sentence_of(pronoun.i)
    for sent in reversed(art.sents[max(0, k - SPEAKER_LOOKBACK): k + 1]):
        if art.paragraph_of(sent.start_char) < first_para:
            return None
        # (a speech verb of the sentence's main clauses: "X refused ... after he said ..." is not X's)
        cues = [doc[i] for i in range(sent.start, min(sent.end, pronoun.i))
                if cue_at[i] is not None and cue_at[i].role == "speech" and not art.quoted_at[i]  # type: ignore[union-attr]
                and doc[i].lower_ != "according" and doc[i].dep_ in _MAIN_CLAUSE]
        for cue in reversed(cues):
            subject = _subject(cue)
            if subject is None or subject.i >= pronoun.i or art.quoted_at[subject.i] or not _a_person(art, subject):
                continue
            if _person_subject_between(art, subject.i, pronoun.i):
                return None
            return _phrase_ref(art, subject)
    return None


def _a_person(art: _Article, token: Token) -> bool:
    """Whether a speaker phrase's head names a person: he/she, a person's name (or a proper noun the
    model tagged as no name), or a role noun that names a person (cue ``person_noun``: "the spokeswoman")."""
    if token.lower_ in en.PERSON_SPEAKER_PRONOUNS:
        return True
    ent = _entity_at(token)
    if ent is not None:
        return ent.label_ == "PERSON" or _clean_name(ent.text) in art.person_names
    return token.pos_ == "PROPN" or _person_noun(token)


def _person_subject_between(art: _Article, start: int, end: int) -> bool:
    """Whether a person's name, outside quote marks, is the subject of a clause between tokens ``start`` and ``end``."""
    def subject(root: Token) -> bool:  # a subject, or a name in apposition to one ("her killer, John Doe, pleaded")
        return root.dep_ in _SUBJECTS or (root.dep_ == "appos" and root.head.dep_ in _SUBJECTS)

    return any(start < s < end and is_person and not art.quoted_at[s] and subject(art.doc[s:e].root)
               and art.doc[s:e].root.lower_ not in en.SPEAKER_PRONOUNS
               for s, e, _, _, is_person in art.mentions)


def _antecedent(art: _Article, pronoun: Token) -> tuple[int, int] | None:
    """The actor mention before ``pronoun`` that fits it, as ``(start, end)`` characters:
    :func:`dateline.syntax.antecedent` over its sentence and the :data:`SPEAKER_LOOKBACK` before.

    he/she: a person; they/it: an organisation, country or group. Mentions inside quote marks are
    skipped. In every sentence a subject (of any clause) wins. A sentence's mentions are ranked in
    the order of the actor list (:attr:`_Article.mentions`), not in text order: the first of them
    in a sentence before, the last in the pronoun's own sentence (ranked in text order instead, 3
    speakers of 150 BBC articles changed, none for the better). Where a sentence has no mention
    of a person, a proper-noun subject of a cue verb is a speaker anyway ("Bae said ... He
    said ..."): the model missed the name.
    """
    personal = pronoun.lower_ in en.PERSON_SPEAKER_PRONOUNS
    candidates = [(start, end, (start_char, end_char))
                  for start, end, start_char, end_char, is_person in art.mentions
                  if is_person == personal and not art.quoted_at[start]]

    def missed(sent: Span) -> list[tuple[int, int, tuple[int, int]]]:
        if not personal:
            return []
        return [(t.left_edge.i, t.i + 1, (t.left_edge.idx, t.idx + len(t))) for t in sent
                if t.pos_ == "PROPN" and t.dep_ in _SUBJECTS and t.idx < pronoun.idx
                and not t.ent_type_ and art.cue_at[t.head.i] is not None and not art.quoted_at[t.i]]

    return syntax.antecedent(pronoun, candidates, sentences=SPEAKER_LOOKBACK, subject_here=True,
                             subject_first=True, earlier="first", subject=lambda span: span.root.dep_ in _SUBJECTS,
                             missed=missed)


def _continue_speakers(art: _Article, tops: list[_Quote]) -> None:
    """A direct quote with no cue continues the previous quote's speaker (same or previous paragraph).

    The newspaper convention: a paragraph that is all quote, right after a quote with a speaker,
    is the same person talking.
    """
    previous: _Quote | None = None
    for quote in tops:
        if quote.speaker is None and quote.cue is None and quote.kind == "direct" and previous is not None:
            para, prev_para = art.paragraph_of(quote.start), art.paragraph_of(previous.start)
            p_start = art.paragraphs[para][0]
            opens_paragraph = not art.text[p_start: quote.start - 1].strip()
            if para == prev_para or (para == prev_para + 1 and opens_paragraph):
                quote.speaker, quote.medium = previous.speaker, previous.medium
                quote.cue = previous.cue
                between = _speech_between(art, previous.end, quote.start)
                if between is not None:
                    # "“...” said Smith. Jones said the plan ... “...”": the speaker who spoke last.
                    quote.speaker, quote.medium, quote.cue = between
                quote.cue_token = None  # the cue is the previous quote's: no second event
        if quote.speaker is not None:
            previous = quote


def _speech_between(art: _Article, start: int, end: int) -> tuple[ActorRef, str | None, str] | None:
    """The speaker, medium and cue of the last speech verb between characters ``start`` and ``end``,
    outside quote marks, whose subject names a speaker; None when there is none."""
    span = art.doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return None
    for token in reversed(span):
        cue = art.cue_at[token.i]
        if cue is None or cue.role != "speech" or art.quoted_at[token.i] or token.lower_ == "according":
            continue
        if _subject(token) is None:
            continue
        speaker, medium = _speaker_of(art, token, [])
        if speaker is not None:
            return speaker, medium, _cue_text(token)
    return None


def _pull_quotes(art: _Article, quotes: list[_Quote]) -> None:
    """Mark the body quote each pull quote repeats; one quote, never two."""
    for pull in art.doc._.pull_quotes or []:
        body_span = pull.get("body_span")
        if not body_span:
            continue
        start, end = body_span
        best = max((q for q in quotes if q.kind != "reported" and q.start < end and start < q.end),
                   key=lambda q: min(q.end, end) - max(q.start, start), default=None)
        if best is None:
            # The body says the words without quote marks: the pull quote shows they are a quote.
            s, e = _trimmed(art.text, start, end)
            tokens = art.tokens(s, e)
            best = _Quote(s, e, art.text[s:e], "direct", 0,
                          art.sentence_of(tokens.start) if tokens is not None and len(tokens) else 0)
            quotes.append(best)
        best.pull_quote_text = pull.get("text")
        if best.speaker is None and pull.get("attribution"):
            best.speaker = _attributed(art, str(pull["attribution"]))
            best.cue = best.cue or "—"


def _attributed(art: _Article, attribution: str) -> ActorRef:
    """The speaker a pull quote's attribution names ("Andrei Lankov, Kookmin University")."""
    name = attribution.split(",")[0].strip()
    for actor in extension(art.doc, "actors") or []:
        if actor["name"] == name or actor["name"].endswith(" " + name) or name.endswith(" " + actor["name"]):
            mention = actor["mentions"][0]
            ref = actor_ref(art.doc, mention["start"], mention["end"])
            return _speaker_dict(art, ref, name)
    return {"text": name, "code": None, "country": None, "sector": None}
