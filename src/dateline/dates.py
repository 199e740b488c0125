"""Event dates: temporal expressions found in the text, normalised, and tied to events by the parse.

The ``dateline_dates`` stage finds temporal expressions (spaCy DATE/TIME entities and the strong cues
of :func:`dateline.timexes.find_timexes`), normalises each against ``doc._.published`` in the tense
of its clause ("the next year", "a day later" count from the last absolute expression of the last
few sentences instead: ``+anaphoric`` in the event's rule), and writes them to ``doc._.timexes`` as ``{text, start, end, sentence, value,
granularity, range}``. Then each event in ``doc._.events`` whose date is still empty gets one, from
the first of:

1. ``text``: an expression attached to the trigger or its clause in the parse ("met ... Friday",
   "a visit to Beijing last week", "Before Friday's meeting, X met ..."), never one inside another
   clause or inside what a verb of intention is about ("agreed to a summit in late February" dates
   the summit, not the agreeing);
   An expression in a ``when`` clause of the trigger's verb dates it too ("was captured when his
   plane crashed in December"): the two acts are simultaneous;
   An expression that lies after the publication day ("will meet on May 7", "will visit next
   week") gives the day planned, not the day of the act CAMEO records, which is the intent's
   expression (docs/annotation.md D7c): the act takes the day of the report its sentence is framed
   by ("On Sunday, X said it would ..."), else the publication date (``+planned``). A possessive
   expression ("Wednesday's attack") dates the noun it is the possessor of, not the verb that noun
   hangs on ("are searching for suspects in Wednesday's attack"); an expression in a participle
   adjunct of a past verb ("meeting on Thursday, the ministers condemned") dates the verb too;
1b. ``inherited``: no expression of its own, but the trigger's clause is joined to a verb that has
   one: a conjunct of the same tense ("deployed troops on Tuesday and imposed curfews"), a bare
   participle ("spoke last Tuesday, warning lawmakers") or a clause ordered against a past act
   ("killed on Tuesday after mines blew up a truck"): the date of that verb, up the chain; and a
   present or progressive act a dated past report says holds, whether the report comes first
   ("said Friday the ministry opposes the plan") or after ("the ministry is weighing sanctions,
   officials said Friday"): the day of the report (``+reported`` in the event's rule);
2. ``before_published``: no expression, but the grammar puts the act before the report: a perfect
   ("had failed", "have traveled"), an adverb such as "previously" or "already", a past
   relative clause or participle about an entity ("an American killed fighting in Syria", "a
   mobilized army"), a clause ordered against another act ("after the State Department pulled
   out", "soon after the bombings") or an event noun such as "the previous summit". The day is
   unknown, so no value is claimed (ICEWS and GDELT would give the story date), unless a clause
   above the act's own is dated ("CentCom said Sunday it had launched airstrikes", "the attack two
   years ago on a girl shot by a gunman"): that expression's value, the source still
   ``before_published`` (:func:`_superordinate`);
3. ``context``: the frame of the sentence (an expression tied to its main verb: "On Sunday, the
   ministry said troops had ...", for a past act, or for an intent a past report tells with
   "would", cue ``reported_future``), else of the paragraph, an expression tied to the main verb of
   an earlier sentence in the same paragraph; a frame after the publication day never dates a past
   act; before the paragraph's frame, a past act takes the expression of the nearest clause above its
   own that has one (``inherited``: "called Erdogan on Saturday to discuss the war");
4. ``published``: the publication date (or a date in the dateline).

:func:`date_for` gives the date of any trigger token, so the logic is testable without the coder.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections import deque
from collections.abc import Callable, Collection, Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .doc import doc_ents, doc_text, extension, per_doc, sentence_bounds, sentence_index, sentence_paragraphs, tokens_to_items
from .syntax import CLAUSAL_DEPS, attached_by, governing_verb, search_below
from .timexes import Tense, Timex, anaphoric, find_timexes, normalize
from .lang import en
from .lexicon import cue_words

#: Labels of the entities read as temporal expressions.
TIMEX_LABELS = frozenset({"DATE", "TIME"})
#: ``doc.user_data`` key: start character of a timex -> the rule that resolved it, when not its clause's
#: own tense (the timex dicts are exported as they are, so the name is kept beside them).
TIMEX_RULES = "dateline_timex_rules"
#: Entities a temporal cue must not overlap ("May" the person, "Sunday Times" the paper).
_BLOCKING_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "PRODUCT", "LAW"})


def clause_tense(token: Token) -> Tense | None:
    """The tense of the clause a temporal expression (rooted at ``token``) belongs to.

    past: a past verb or perfect; future: will/would/going to, a modal, a progressive, an
    infinitive or object of a verb of intention, or a noun such as "upcoming"; present otherwise.
    """
    return _clause_tense(token)[0]


def _clause_tense(token: Token) -> tuple[Tense | None, str | None]:
    """:func:`clause_tense`, and the name of the rule that set it when it is not the verb's own tense."""
    if token.dep_ == "pobj" and token.head.text.lower() == "since":
        return "past", None  # "since March" looks back, whatever the verb's tense
    through_noun = False
    current = token
    for _ in range(12):
        head = current.head
        if head == current:
            break
        if head.pos_ in ("NOUN", "PROPN") and any(c.text.lower() in cue_words("future_modifier") for c in head.children):
            return "future", None
        if head.pos_ in ("VERB", "AUX"):
            if through_noun and head.lemma_ in cue_words("prospective"):
                return "future", None
            if _reduced_passive(head):
                return "past", "reduced_passive"  # "a remark made Friday", "the ship seized on Sunday"
            tense = verb_tense(head)
            if through_noun and tense == "future" and _bare_progressive(head):
                # "are searching for suspects in Wednesday's attack": the noun's act is not the
                # progressive's future; the nearer day
                return "present", None
            return tense, None
        through_noun = through_noun or head.pos_ in ("NOUN", "PROPN")
        current = head
    if current.pos_ in ("VERB", "AUX") and current != token:
        return verb_tense(current), None
    return None, None


def _reduced_passive(verb: Token) -> bool:
    """A bare past participle describing a noun ("the call made Friday"): a done act, so past."""
    return (verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl", "amod") and verb.head.pos_ in ("NOUN", "PROPN")
            and not any(child.dep_ in ("aux", "auxpass") for child in verb.children))


def _bare_progressive(verb: Token) -> bool:
    """A progressive without a future or modal auxiliary ("are searching", not "will be meeting")."""
    auxes = {child.text.lower() for child in verb.children if child.dep_ in ("aux", "auxpass")}
    return verb.tag_ == "VBG" and not auxes & (en.FUTURE_AUXILIARIES | en.MODALS)


def verb_tense(verb: Token) -> Tense:
    """past, present or future, from the verb's tag and auxiliaries (and its governor, for infinitives)."""
    auxes = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {aux.text.lower() for aux in auxes}
    if words & en.FUTURE_AUXILIARIES or words & en.MODALS:
        return "future"
    if "to" in words:
        governor = verb.head
        if governor.lemma_ in cue_words("prospective") or governor.text.lower() == "going":
            return "future"
        return verb_tense(governor) if governor != verb and governor.pos_ in ("VERB", "AUX") else "present"
    if verb.tag_ == "VBD" or any(aux.tag_ == "VBD" for aux in auxes):
        return "past"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        # a bare participle joined to a verb shares its auxiliaries ("has met X and signed"), or is
        # a simple past the tagger took for one ("deployed troops and imposed curfews")
        return verb_tense(verb.head)
    if verb.tag_ == "VBN" and words & {"has", "have", "'s", "’s", "had"}:
        return "past"
    if verb.tag_ == "VBG" and words & {"is", "are", "'s", "’s", "'re", "’re", "am"}:
        return "future"
    return "present"


def event_tense(token: Token) -> Tense | None:
    """The tense of an event trigger: its own (a verb) or its governing verb's (a noun)."""
    if token.pos_ in ("VERB", "AUX"):
        governor = _participle_governor(token)
        return event_tense(governor) if governor is not None else verb_tense(token)
    verb = governing_verb(token)
    return verb_tense(verb) if verb is not None else None


#: Dependencies of a bare participle or gerund whose time is its governor's: a complement ("began
#: supporting"), an adjunct ("spoke Tuesday, warning") or a participle on a noun ("a statement condemning").
PARTICIPLE_DEPS = frozenset({"xcomp", "advcl", "acl"})


def _participle_governor(verb: Token) -> Token | None:
    """The verb a bare present participle or gerund takes its tense from, when it has no tense of its own:
    no auxiliary, no marker ("while", "after") and no subject, hung on a verb ("began supporting rebels",
    "spoke Tuesday, warning lawmakers") or on a noun a verb governs ("issued a statement condemning the
    attack"): that verb. None for a finite verb or another participle."""
    if verb.tag_ != "VBG" or verb.dep_ not in PARTICIPLE_DEPS or verb.head == verb:
        return None
    if any(child.dep_ in ("aux", "auxpass", "mark", "nsubj", "nsubjpass") for child in verb.children):
        return None
    head = verb.head
    if head.pos_ in ("VERB", "AUX"):
        return head
    if head.pos_ in ("NOUN", "PROPN") and verb.dep_ == "acl":
        return governing_verb(head)
    return None


def _candidate_spans(doc: Doc) -> list[tuple[int, int, bool]]:
    """(start, end, from_ner) of temporal expressions: DATE/TIME entities and strong cues, merged."""
    spans: list[tuple[int, int, bool]] = [(ent.start_char, ent.end_char, True) for ent in doc_ents(doc)
                                          if ent.label_ in TIMEX_LABELS]
    blocked = sorted((ent.start_char, ent.end_char) for ent in doc_ents(doc) if ent.label_ in _BLOCKING_LABELS)
    # a cue overlaps a blocking entity when one of those starting before its end ends after its start:
    # the furthest end of the entities starting before each point, by bisection
    blocked_starts = [s for s, _ in blocked]
    furthest = list(itertools.accumulate((e for _, e in blocked), max))
    for start, end in find_timexes(doc_text(doc)):
        k = bisect.bisect_left(blocked_starts, end)
        if k and furthest[k - 1] > start:
            continue
        spans.append((start, end, False))
    spans.sort(key=lambda item: (item[0], -item[1]))
    merged: list[tuple[int, int, bool]] = []
    for start, end, ner in spans:
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2] or ner)
        else:
            merged.append((start, end, ner))
    return merged


def find_doc_timexes(doc: Doc) -> list[dict[str, Any]]:
    """The temporal expressions of the Doc in the ``doc._.timexes`` shape, normalised in their tense."""
    published: dt.date | None = extension(doc, "published")
    sentence_of = sentence_index(doc)
    found: list[dict[str, Any]] = []
    rules: dict[int, str] = doc.user_data.setdefault(TIMEX_RULES, {})
    rules.clear()
    body = doc_text(doc)  # doc.text rebuilds the string on every access
    anchor: tuple[int, Timex] | None = None  # the last absolute expression: (sentence, timex)
    for start, end, _ in _candidate_spans(doc):
        text = body[start:end]
        counted = _anaphoric(doc, start, end, anchor, sentence_of)
        if counted is not None:
            phrase, shifted = counted
            rules[phrase.start_char] = "anaphoric"
            found.append(_timex_dict(phrase, shifted, sentence_of(phrase.start)))
            anchor = (sentence_of(phrase.start), shifted)
            continue
        probe = normalize(text, published)
        if probe is None:
            # Only keep what we understand, plus NER dates we cannot place ("a later date").
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not _has_date_entity(doc, span):
                continue
            found.append(_timex_dict(span, Timex(None, None), sentence_of(span.start)))
            continue
        span = doc.char_span(start + probe.start, start + probe.end, alignment_mode="expand")
        if span is None:
            continue
        tense, rule = _clause_tense(span.root)
        timex = normalize(span.text, published, tense) or probe
        if rule is not None and timex != (normalize(span.text, published, "present") or probe):
            rules[span.start_char] = rule  # the rule changed the value: name it on the events it dates
        elif timex.rule is not None:
            rules[span.start_char] = timex.rule
        before = doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.text.lower() in en.INDEFINITE_DETERMINERS and before.head in span:
            # "on a Saturday morning", "every March": no particular day.
            timex = Timex(None, None, relative=timex.relative)
        found.append(_timex_dict(span, timex, sentence_of(span.start)))
        if timex.value is not None and not timex.relative:
            anchor = (sentence_of(span.start), timex)
    return found


#: How many sentences back the expression "the next year" may count from.
ANAPHORIC_SENTENCES = 3


def _anaphoric(doc: Doc, start: int, end: int, anchor: tuple[int, Timex] | None,
               sentence_of: Callable[[int], int]) -> tuple[Span, Timex] | None:
    """"the next year", "a day later" counted from the last absolute expression of the last few
    sentences ("stripped of his citizenship in 2011 ... killed the next year": 2012), with the span."""
    if anchor is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    if span.start > 0 and doc[span.start - 1].text.lower() == "the" and span[0].text.lower() != "the":
        span = doc[span.start - 1:span.end]
    if sentence_of(span.start) - anchor[0] > ANAPHORIC_SENTENCES:
        return None
    timex = anaphoric(span.text, anchor[1])
    return (span, timex) if timex is not None else None


def _has_date_entity(doc: Doc, span: Span) -> bool:
    """``any(ent.label_ == "DATE" for ent in span.ents)`` from an index of the Doc's entities:
    ``span.ents`` goes through every entity of the Doc on each call (issue 15)."""
    starts, ends, labels = per_doc(doc, "entity_bounds", _entity_bounds)
    k = bisect.bisect_left(starts, span.start)
    while k < len(starts) and ends[k] <= span.end:
        if labels[k] == "DATE":
            return True
        k += 1
    return False


def _entity_bounds(doc: Doc) -> tuple[list[int], list[int], list[str]]:
    ents = doc_ents(doc)
    return [e.start for e in ents], [e.end for e in ents], [e.label_ for e in ents]


def _timex_dict(span: Span, timex: Timex, sentence: int) -> dict[str, Any]:
    return {"text": span.text, "start": span.start_char, "end": span.end_char, "sentence": sentence,
            **timex.to_dict()}


def attached(token: Token, by_token: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
    """The temporal expression tied to ``token`` (an event trigger) in the parse, nearest first."""
    return attached_by(token, by_token,
                       accept=lambda found, timex: timex["value"] is not None and not possessor_of_other(found, token),
                       direct=lambda child: directly_timed(child, by_token))


def possessor_of_other(found: Token, owner: Token) -> bool:
    """A possessive expression of another noun than ``owner`` ("Wednesday's attack", "last week's
    report"): it dates that noun, not the verb the noun hangs on, unless a preposition places the
    act against that noun ("before Friday's meeting", "during Sunday's fighting")."""
    possessive = found if found.dep_ == "poss" else found.head if found.head.dep_ == "poss" else None
    if possessive is None:
        return False
    noun = possessive.head
    placing = noun.dep_ == "pobj" and noun.head.text.lower() in en.PLACING_PREPOSITIONS
    return noun != owner and noun.pos_ in ("NOUN", "PROPN") and possessive.i < noun.i and not placing


def directly_timed(child: Token, by_token: dict[int, dict[str, Any]]) -> bool:
    """A child that is a date ("agreed Friday", "Friday afternoon") or a preposition with one ("on Friday")."""
    if child.dep_ in ("npadvmod", "tmod", "advmod", "nmod", "obl"):
        return _timed_phrase(child, by_token)
    return child.dep_ == "prep" and any(grand.dep_ == "pobj" and _timed_phrase(grand, by_token)
                                        for grand in child.children)


def _timed_phrase(token: Token, by_token: dict[int, dict[str, Any]]) -> bool:
    """The token is part of a timex, or heads one of its modifiers ("Friday afternoon")."""
    return token.i in by_token or any(child.i in by_token for child in token.children
                                      if child.dep_ in ("compound", "nmod", "amod", "npadvmod"))


def _framing(token: Token, timex: dict[str, Any]) -> bool:
    """A timex that places a whole clause: a value, and not a bound ("since 1973", "until June")."""
    bounding = token.dep_ == "pobj" and token.head.text.lower() in en.BOUNDING_PREPOSITIONS
    return timex["value"] is not None and not bounding


class _SentenceFrames:
    """For each sentence, the timex tied to its main verb (the frame later sentences may inherit),
    looked for when first asked: most events are dated without the frames of earlier sentences."""

    def __init__(self, doc: Doc, by_token: dict[int, dict[str, Any]]) -> None:
        self.doc, self.by_token = doc, by_token
        self.starts, self.ends = sentence_bounds(doc)
        self.found: dict[int, dict[str, Any] | None] = {}

    def __getitem__(self, sentence: int) -> dict[str, Any] | None:
        if sentence not in self.found:
            by_token = self.by_token
            root = self.doc[self.starts[sentence]:self.ends[sentence]].root
            self.found[sentence] = search_below(root, by_token, accept=_framing,
                                                direct=lambda child: directly_timed(child, by_token), skip=None)
        return self.found[sentence]


def _sentence_frames(doc: Doc, by_token: dict[int, dict[str, Any]]) -> _SentenceFrames:
    """For each sentence, the timex tied to its main verb (the frame later sentences may inherit)."""
    return _SentenceFrames(doc, by_token)


def _joined(verb: Token) -> bool:
    """The verb's clause shares the time of the verb it hangs on: a conjunct ("deployed troops
    Tuesday and imposed curfews"), a bare participle ("spoke last Tuesday, warning lawmakers") or
    a clause ordered against it ("killed in 1989 after troops opened fire")."""
    head = verb.head
    if head == verb or head.pos_ not in ("VERB", "AUX"):
        return False
    if verb.dep_ == "conj":
        return verb_tense(verb) == verb_tense(head)
    if verb.dep_ == "ccomp":
        # what a dated past report says holds ("said Friday it opposes the plan"): the same day
        return _holding(verb) and verb_tense(head) == "past"
    if verb.dep_ != "advcl":
        return False
    marks = [child.text.lower() for child in verb.children if child.dep_ in ("mark", "advmod") and child.i < verb.i]
    if verb.tag_ == "VBG" and not marks:
        return verb_tense(head) != "future"
    return any(mark in en.SEQUENCE_WORDS for mark in marks) and verb_tense(head) == "past"


def _holding(verb: Token) -> bool:
    """A state or act going on when it is reported: a simple present ("opposes") or a progressive
    ("is considering", "was preparing" under a past report), not a perfect, a modal or a future."""
    auxes = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {aux.text.lower() for aux in auxes}
    if words & (en.FUTURE_AUXILIARIES | en.MODALS) or "to" in words or is_perfect(verb):
        return False
    if verb.tag_ in ("VBP", "VBZ"):
        return not auxes
    return verb.tag_ == "VBG" and any(aux.lemma_ == "be" for aux in auxes)


def _reported(token: Token, by_token: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
    """The date of the report a present statement hangs on when the report comes after it
    ("the ministry is weighing sanctions, officials said Friday"): a dated past verb of saying, a
    ``parataxis`` or ``ccomp`` child of the trigger's verb."""
    verb = token if token.pos_ in ("VERB", "AUX") else governing_verb(token)
    if verb is None or not _holding(verb):
        return None
    for child in verb.children:
        if (child.dep_ in ("parataxis", "ccomp") and child.i > verb.i and child.lemma_ in cue_words("speech_verb")
                and verb_tense(child) == "past"):
            found = search_below(child, by_token, accept=_framing,
                                 direct=lambda grand: directly_timed(grand, by_token), skip=None)
            if found is not None:
                return found
    return None


def _inherited(token: Token, by_token: dict[int, dict[str, Any]]) -> tuple[dict[str, Any], bool] | None:
    """The date of the verb the trigger's clause is joined to (see :func:`_joined`), up the chain,
    and whether the chain went through what a report says (a ``ccomp``: the ``reported`` rule)."""
    verb = token if token.pos_ in ("VERB", "AUX") else governing_verb(token)
    reported = False
    for _ in range(4):
        if verb is None or is_perfect(verb) or not _joined(verb):
            return None
        reported = reported or verb.dep_ == "ccomp"
        verb = verb.head
        found = search_below(verb, by_token, accept=_framing, direct=lambda child: directly_timed(child, by_token),
                             skip=None)
        if found is not None:
            return found, reported
    return None


def _day_bound(timex: dict[str, Any], end: int) -> str | None:
    """The first (``end`` 0) or last (1) ISO day an expression may stand for (None: no value, or no
    day known)."""
    if timex.get("value") is None:
        return None
    bound = timex["range"][end] if timex.get("range") else timex["value"]
    return bound if len(bound) == 10 else None


def after_publication(timex: dict[str, Any], published: dt.date | None) -> bool:
    """The expression lies wholly after the publication day ("next week", "on May 7" in April)."""
    first = _day_bound(timex, 0)
    return published is not None and first is not None and first > published.isoformat()


def _by_publication(timex: dict[str, Any], published: dt.date | None) -> bool:
    """The expression lies wholly on or before the publication day ("on Sunday", not "this year")."""
    last = _day_bound(timex, 1)
    return published is not None and last is not None and last <= published.isoformat()


def _reported_future(token: Token) -> bool:
    """The act's clause is a future told from the past ("said it would impose"): cue ``reported_future``."""
    verb = token if token.pos_ in ("VERB", "AUX") else governing_verb(token)
    return verb is not None and any(child.dep_ == "aux" and child.text.lower() in cue_words("reported_future")
                                    for child in verb.children)


def is_perfect(verb: Token) -> bool:
    """A present or past perfect ("has met", "had been killed"), not a modal one ("would have met")."""
    auxes = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {aux.text.lower() for aux in auxes}
    if words & en.FUTURE_AUXILIARIES or words & en.MODALS or "to" in words:
        return False
    participle = verb.tag_ == "VBN" or any(aux.tag_ == "VBN" for aux in auxes)
    return participle and any(aux.text.lower() in en.PERFECT_AUXILIARIES and aux.dep_ == "aux" for aux in auxes)


def _ordering(verb: Token, words: Collection[str], nouns: bool = False) -> tuple[Token, Token] | None:
    """The word of ``words`` that orders the clause of ``verb`` against another act, and that act's word:
    a subordinator ("fired after protesters threw": "after", "fired") or the preposition a gerund is the
    object of ("After meeting the envoy, the minister spoke": "After", "spoke"); with ``nouns``, also one an
    event noun is the object of ("four days after the bombings")."""
    if verb.dep_ == "advcl":
        word = next((child for child in verb.children if child.dep_ == "mark" and child.text.lower() in words), None)
        return (word, verb.head) if word is not None else None
    if (verb.dep_ == "pcomp" or nouns and verb.dep_ == "pobj") and verb.head.text.lower() in words:
        return verb.head, verb.head.head
    return None


def _sequenced(verb: Token) -> bool:
    """The verb's clause is ordered against another act: "after X pulled out", "before offering"."""
    return _ordering(verb, en.SEQUENCE_WORDS) is not None


def _measure_unit(word: Token) -> Token | None:
    """The unit of a measure just before an ordering word ("two days after", "just a week before", "more
    than two years after"), past the hedges between them (``en.MEASURE_HEDGES``): a noun of cue
    ``time_unit``, else None."""
    doc = word.doc
    i = word.i - 1
    while i > 0 and doc[i].text.lower() in en.MEASURE_HEDGES:
        i -= 1
    return doc[i] if i >= 0 and doc[i].lemma_ in cue_words("time_unit") else None


def _anchored_to_event(verb: Token, by_token: dict[int, dict[str, Any]]) -> bool:
    """The verb is placed by another act, not a date: "shot soon after the bombings"."""
    preps = [child for child in verb.children if child.dep_ == "prep"]
    # "in the months following the strikes", "days after the vote": a stretch measured from an act.
    spans = [grand for prep in preps for grand in prep.children if grand.dep_ == "pobj"]
    spans += [child for child in verb.children if child.dep_ == "npadvmod"]
    preps += [grand for span in spans if span.lemma_ in cue_words("time_unit") for grand in span.children
              if grand.dep_ in ("prep", "acl")]
    for child in preps:
        if child.text.lower() in en.SEQUENCE_WORDS:
            objects = [grand for grand in child.children if grand.dep_ in ("pobj", "dobj")]
            if objects and not any(_timed_phrase(obj, by_token) or obj.ent_type_ in TIMEX_LABELS for obj in objects):
                return True
    return False


def _purpose(token: Token, verb: Token) -> bool:
    """A noun the act is for ("flying to Hanoi for a meeting"): a later act, whatever the verb's tense."""
    current = token
    while current != verb and current.head != current:
        if current.dep_ == "pobj" and current.head.text.lower() in en.PURPOSE_PREPOSITIONS:
            return True
        current = current.head
    return False


def earlier_than_report(token: Token, by_token: dict[int, dict[str, Any]]) -> bool:
    """Whether the grammar puts the act of trigger ``token`` before the report, without a date.

    Perfects, "previously"-style adverbs, past relative clauses and participles describing an
    entity, clauses ordered against another act in the past, and nouns such as "the previous
    summit". Only called when no expression dates the act.
    """
    if token.pos_ in ("NOUN", "PROPN") and any(child.dep_ == "amod" and child.text.lower() in cue_words("earlier_modifier")
                                               for child in token.children):
        return True
    verb = token if token.pos_ in ("VERB", "AUX") else governing_verb(token)
    if verb is None or _purpose(token, verb):
        return False
    if token.dep_ == "pobj" and token.head.text.lower() in en.ANCHOR_PREPOSITIONS and token.head.head == verb:
        # "After their Singapore meeting, Trump stunned allies": the meeting came first.
        return verb_tense(verb) == "past" or is_perfect(verb)
    if is_perfect(verb):
        return True
    if any(child.dep_ == "advmod" and child.text.lower() in cue_words("earlier_adverb") for child in verb.children):
        return True
    tense = verb_tense(verb)
    if verb.dep_ in ("relcl", "acl", "amod") and verb.tag_ in ("VBD", "VBN") and tense != "future":
        # A past act told about an entity ("the American killed in Syria"), not the news act.
        return verb.head.pos_ in ("NOUN", "PROPN", "PRON")
    past = tense == "past" or verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if _sequenced(verb) and verb.head.text.lower() == "after" and verb.head.head.lemma_ in cue_words("time_unit"):
        return True  # "three years after supporting rebels": measured back from a later act
    ordering = _ordering(verb, en.SEQUENCE_WORDS)
    if ordering is not None:
        superordinate = ordering[1]
        return verb.tag_ == "VBD" or (superordinate.pos_ in ("VERB", "AUX") and verb_tense(superordinate) == "past")
    return past and _anchored_to_event(verb, by_token)


def _simultaneous(token: Token, by_token: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
    """A date in a "when" clause of the trigger's verb: the two acts happen together."""
    verb = token if token.pos_ in ("VERB", "AUX") else governing_verb(token)
    if verb is None:
        return None
    for child in verb.children:
        if child.dep_ == "advcl" and any(grand.dep_ in ("mark", "advmod") and grand.text.lower() in en.SIMULTANEOUS_MARKS
                                         and grand.i < child.i for grand in child.children):
            found = attached(child, by_token)
            if found is not None:
                return found
    if verb_tense(verb) == "past":
        # a bare participle adjunct happens with the verb: "Kerry, speaking Tuesday at a news
        # conference, said", "Meeting on Thursday, the ministers condemned"
        subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
        adjuncts = [child for child in verb.children if child.dep_ == "advcl"]
        adjuncts += [child for subject in subjects for child in subject.children if child.dep_ == "acl"]
        for child in adjuncts:
            if child.tag_ == "VBG" and not any(grand.dep_ in ("mark", "aux", "auxpass") for grand in child.children):
                found = search_below(child, by_token,
                                     accept=lambda found, timex: _framing(found, timex) and not possessor_of_other(found, child),
                                     direct=lambda grand: directly_timed(grand, by_token), skip=None)
                if found is not None:
                    return found
    return None


def _day_measure(verb: Token) -> tuple[int, Token] | None:
    """For a clause (or an event noun) ordered a counted number of days from the act it hangs on ("a day after the army
    fired", "two days after declaring", "just one day before the vote was held"): the days from that
    act to the clause's (negative: earlier) and that act's word. Read from the words before the ordering
    word, whatever the parse hung the measure on."""
    # "a day after barring entry", "four days after the bombings"
    ordering = _ordering(verb, en.MEASURED_ORDER, nouns=True)
    if ordering is None:
        return None
    word, anchor = ordering
    if anchor.lemma_ == "day" and anchor.i < word.i:
        anchor = anchor.head  # the measure's own noun ("a day after X": "after" hung on "day")
    if word.i < 2 or anchor == verb or anchor.pos_ not in ("VERB", "AUX"):
        return None
    unit = _measure_unit(word)
    if unit is None or unit.lemma_ != "day" or unit.i < 1:
        return None
    count = verb.doc[unit.i - 1].text.lower()
    if not (count in en.NUMBER_WORDS or count == "an" or count.isdigit()):
        return None
    days = int(count) if count.isdigit() else en.NUMBER_WORDS.get(count, 1)
    return en.MEASURED_ORDER[word.text.lower()] * days, anchor


def _measured(doc: Doc, token: Token, by_token: dict[int, dict[str, Any]], frames: _SentenceFrames,
              paragraphs: list[int]) -> dict[str, Any] | None:
    """The date of an act whose clause is ordered a counted number of days from a dated act: "Kim spoke
    on Saturday, a day after the country fired a missile" (Friday), "The vote comes a day after the
    army fired a missile" (the day before publication: a present report is the day's news). The act it
    hangs on must be dated to a day by the text (or, a present act, by the publication day), on or before
    the publication day, and so must the day counted from it ("two days before the vote is held" after a
    report of today is a planned day: none); the source is ``inherited`` and the rule names ``measured``."""
    measure = _day_measure(token) if token.pos_ in ("VERB", "AUX", "NOUN") else None
    if measure is None:
        return None
    days, anchor = measure
    published: dt.date | None = extension(doc, "published")
    date = _date_with(doc, anchor, by_token, frames, paragraphs)
    source, value = date.get("source"), date.get("value")
    if source == "published" and (event_tense(anchor) != "present" or date.get("_rule")):
        return None  # a past or planned act the text does not date
    if source not in ("text", "inherited", "frame", "published") or date.get("granularity") != "day" or not value:
        return None
    if published is not None and value > published.isoformat():
        return None
    day = (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()
    if published is not None and day > published.isoformat():
        return None  # "spoke Friday, two days before the election is held": a planned day, not the act's
    return {"value": day, "granularity": "day", "source": "inherited", "text": date.get("text"),
            "range": [day, day], "_timex": date.get("_timex"), "_rule": "measured"}


#: How many heads below an occasion noun (:func:`_occasion`) its expression may lie: the noun's own
#: modifiers and the verb of a clause describing it ("an interview that aired Sunday").
OCCASION_DEPTH = 3


def _occasion(token: Token, by_token: dict[int, dict[str, Any]], published: dt.date | None) -> dict[str, Any] | None:
    """The date of an occasion the act is done in: a noun of an occasion (cue ``occasion_noun``: an
    interview, a statement, a briefing, a meeting, a visit) after "in", "at" or "during" on the act's verb
    (``en.OCCASION_PREPOSITIONS``) whose phrase, or a clause describing it, holds an expression on or before
    the publication day ("In an interview that aired Friday, the minister vowed", "said in a statement
    released Thursday night", "during last week's talks"); the rule names ``occasion``. Not a place, a
    person or a thing ("arrested him at a house he bought last year"), not an expression of another noun in
    that phrase ("at a meeting that reviews the 2015 accord", :func:`_of_other_noun`); none without a
    publication day."""
    verb = token if token.pos_ in ("VERB", "AUX") else governing_verb(token)
    if verb is None:
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.text.lower() not in en.OCCASION_PREPOSITIONS:
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.pos_ != "NOUN" or noun.lemma_.lower() not in cue_words("occasion_noun"):
                continue
            level: list[Token] = [noun]
            for _ in range(OCCASION_DEPTH):
                level = [child for node in level for child in node.children if child.dep_ != "prep"]
                for node in level:
                    timex = by_token.get(node.i)
                    if (timex is not None and _framing(node, timex) and _by_publication(timex, published)
                            and not _of_other_noun(node, noun, by_token)):
                        return timex
    return None


def _of_other_noun(found: Token, noun: Token, by_token: dict[int, dict[str, Any]]) -> bool:
    """An expression that modifies another noun than ``noun`` ("the 2015 accord", "last week's vote"): it
    dates that noun, not ``noun``. Read at the expression's top word."""
    top = found
    while top.head != top and top.head.i in by_token:
        top = top.head
    return top.head != noun and top.head.pos_ in ("NOUN", "PROPN")


def before_published(doc: Doc, bound: dict[str, Any] | None = None) -> dict[str, Any]:
    """The date of an act the text puts before the report without saying when: no value claimed,
    only that it is no later than the publication day (present perfects in leads are often that day).

    With ``bound``, the expression of a clause the act's clause hangs on (:func:`_superordinate`: "reported
    Sunday that airstrikes had hit", "in 2014, after Moscow had annexed Crimea", "the attack two years
    ago on a girl shot by a gunman"), that expression's value: the time the text places the act in. The
    act is known only to be no later than that expression's last day, so the ``range`` is open at its
    start, ``[None, last day of the expression]`` ("Uganda has attacked our border," Kenya said on Friday:
    no later than Friday, not [Friday, Friday]). The source stays ``before_published`` (the learned
    confidence reads it; the ``text`` says which expression)."""
    if bound is not None:
        last = _day_bound(bound, 1)
        return {"value": bound["value"], "granularity": bound["granularity"], "source": "before_published",
                "text": bound["text"], "range": [None, last] if last else None}
    published = extension(doc, "published")
    last = published.isoformat() if published is not None else None
    return {"value": None, "granularity": None, "source": "before_published", "text": None,
            "range": [None, last] if last else None}


#: How many heads up (each a verb, noun or preposition the walk passes) :func:`_superordinate` looks for a
#: dated clause.
SUPERORDINATE_LEVELS = 4


def _superordinate(token: Token, by_token: dict[int, dict[str, Any]], published: dt.date | None) -> dict[str, Any] | None:
    """For an act the grammar puts before the report with no date of its own: the expression of the nearest
    clause above its own that has one, on or before the publication day (:func:`_by_publication`: none
    without a publication day). Up the heads from the act's verb: a verb whose clause holds the expression
    ("CentCom said Sunday it had launched airstrikes", "flooded the station Thursday after police lifted a
    blockade", not a possessive date of another noun), or a noun the act's clause describes ("the attack two
    years ago on a girl shot by a gunman", "tension last summer when the leaders exchanged threats"). Once the
    walk reaches a noun it searches only that noun phrase (the nouns and prepositions above it) and stops
    before the noun's own verb: "The rebel who had attacked Kenya was arrested on Monday" is not dated by the
    arrest."""
    verb = token if token.pos_ in ("VERB", "AUX") else governing_verb(token)
    if verb is None:
        return None
    current = verb
    nominal = False

    def accept(found: Token, timex: dict[str, Any]) -> bool:
        if not (_framing(found, timex) and _by_publication(timex, published)):
            return False
        return current.pos_ not in ("VERB", "AUX") or not possessor_of_other(found, current)

    for _ in range(SUPERORDINATE_LEVELS):
        if current.head == current:
            return None
        if nominal and current.head.pos_ in ("VERB", "AUX") and not _dated_noun(current):
            return None  # the noun's own verb: another act's clause, not the one the act describes
        current = current.head
        nominal = nominal or current.pos_ in ("NOUN", "PROPN", "PRON")
        found = search_below(current, by_token, accept=accept, direct=lambda child: directly_timed(child, by_token),
                             skip=None)
        if found is not None:
            return found
    return None


#: Rules (``_rule``) whose date is not the day of the act it is given to (a planned day's statement, a report's
#: day, a day counted from another act): an act ordered before that act takes no bound from it.
UNBOUNDING_RULES = frozenset({"planned", "reported", "measured"})


def _ordered_against(doc: Doc, token: Token, by_token: dict[int, dict[str, Any]], frames: _SentenceFrames,
                     paragraphs: list[int]) -> dict[str, Any] | None:
    """For an act the text orders before another ("police fired tear gas after protesters threw bottles",
    "After meeting the envoy, the minister spoke") and no clause above dates: the date of that other act, whatever
    dates it (its expression, its sentence's or paragraph's frame, or the publication day for the day's news),
    as the act's bound (:func:`before_published`: no later than it).
    Only "after" and "following" (``en.ORDERED_AFTER``): an act "before" another is not bounded by it. None
    when that act is itself told as earlier than the report, dated by a rule of :data:`UNBOUNDING_RULES`
    (planned, reported, measured), or undated, and when a measure of a day or more separates the two ("a week
    after", "two years after": ``en.SAME_DAY_UNITS`` aside, "hours after")."""
    verb = token if token.pos_ in ("VERB", "AUX") else governing_verb(token)
    if verb is None:
        return None
    ordering = _ordering(verb, en.ORDERED_AFTER) if not is_perfect(verb) else None
    if ordering is None:
        return None
    # "After meeting the envoy, the minister spoke", "fired tear gas after protesters threw bottles"
    word, anchor = ordering
    unit = _measure_unit(word)
    if unit is not None and unit.lemma_ not in en.SAME_DAY_UNITS:
        return None  # "two years after troops entered": measured back, the other act's day is not its bound
    if anchor.pos_ not in ("VERB", "AUX") or earlier_than_report(anchor, by_token):
        return None
    date = _date_with(doc, anchor, by_token, frames, paragraphs)
    if (date.get("value") is None or date.get("_rule") in UNBOUNDING_RULES
            or date.get("source") == "before_published"):
        return None
    return {"value": date["value"], "granularity": date["granularity"], "text": date.get("text"),
            "range": date.get("range")}


def _dated_noun(noun: Token) -> bool:
    """Whether a noun is the subject of a copula that dates it ("the last time the U.S. expelled diplomats
    on this scale was in 2001"): the clause says when the noun was, not another act."""
    head = noun.head
    return noun.dep_ == "nsubj" and head.lemma_ == "be" and not any(c.dep_ in ("acomp", "attr") for c in head.children)


def published_date(doc: Doc) -> dict[str, Any]:
    """The fallback date: the publication date (or a date in the dateline), else no value."""
    published: dt.date | None = extension(doc, "published")
    dateline: str | None = extension(doc, "dateline")
    if dateline:
        timex = normalize(dateline, published, "past")
        if timex is not None and timex.value is not None and timex.granularity == "day":
            return {"value": timex.value, "granularity": "day", "source": "published", "text": None, "range": None}
    if published is None:
        return {"value": None, "granularity": None, "source": None, "text": None, "range": None}
    return {"value": published.isoformat(), "granularity": "day", "source": "published", "text": None, "range": None}


def _event_date(timex: dict[str, Any], source: str) -> dict[str, Any]:
    """The event's date from a timex; ``_timex`` (the timex itself) is popped by the callers of ``_date_with``."""
    return {"value": timex["value"], "granularity": timex["granularity"], "source": source,
            "text": timex["text"], "range": timex["range"], "_timex": timex}


def date_for(doc: Doc, token: Token) -> dict[str, Any]:
    """The date of the event whose trigger is ``token``: ``{value, granularity, source, text, range}``."""
    timexes = extension(doc, "timexes") or find_doc_timexes(doc)
    by_token = tokens_to_items(doc, timexes)
    date = _date_with(doc, token, by_token, _sentence_frames(doc, by_token), sentence_paragraphs(doc))
    date.pop("_timex", None)
    date.pop("_rule", None)
    return date


def _date_with(doc: Doc, token: Token, by_token: dict[int, dict[str, Any]],
               frames: _SentenceFrames, paragraphs: list[int]) -> dict[str, Any]:
    published: dt.date | None = extension(doc, "published")
    sentence = sentence_index(doc)(token.i)
    own = attached(token, by_token) or _simultaneous(token, by_token)
    occasion = _occasion(token, by_token, published) if own is None else None
    own = own or occasion
    if own is not None:
        if after_publication(own, published):
            # a planned day: the act CAMEO records is the intent's expression, dated the day it was
            # stated (docs/annotation.md D7c), the report its sentence is framed by, else publication
            # (a past act is not after the report either: its expression was misread or misattached)
            frame = frames[sentence]
            if frame is not None and frame is not own and _by_publication(frame, published):
                date = _event_date(frame, "frame")
            else:
                date = published_date(doc)
            date["_rule"] = "planned"
            return date
        date = _event_date(own, "text")
        if occasion is not None:
            date["_rule"] = "occasion"
        return date
    measured = _measured(doc, token, by_token, frames, paragraphs)
    if measured is not None:
        return measured
    shared = _inherited(token, by_token)
    if shared is None:
        report = _reported(token, by_token)
        shared = (report, True) if report is not None else None
    if shared is not None:
        date = _event_date(shared[0], "inherited")
        if shared[1]:
            date["_rule"] = "reported"
        return date
    if earlier_than_report(token, by_token):
        bound = _superordinate(token, by_token, published)
        if bound is None:
            ordered = _ordered_against(doc, token, by_token, frames, paragraphs)
            if ordered is not None:
                date = before_published(doc, ordered)
                date["_rule"] = "ordered"
                return date
        return before_published(doc, bound)
    past = event_tense(token) == "past"
    # a bare participle or gerund past only by its governor's tense ("In 2014, X began supporting"): named
    participle = "participle" if past and token.pos_ in ("VERB", "AUX") and verb_tense(token) != "past" else None
    frame = frames[sentence]
    above = _superordinate(token, by_token, published) if past else None
    if above is not None and above is not frame:
        # "the raid in 2012 on a village rebels seized", "said on Sunday troops crossed on Thursday to
        # discuss": the nearest clause above the act's own that is dated, before the sentence's frame (when
        # that nearest clause is the frame's own, the act is dated by the frame, below)
        return _named(_event_date(above, "inherited"), participle)
    if frame is not None and not after_publication(frame, published) and (past or _reported_future(token)):
        # the sentence's own frame: "On Sunday, the ministry said troops had ...", "said Friday it
        # would impose" (the intent is dated the day it was stated, D7c)
        return _named(_event_date(frame, "frame"), participle)
    if not past:
        # A frame dates what happened then; a future or present event is not in it.
        return published_date(doc)
    for earlier in range(sentence - 1, -1, -1):
        if paragraphs[earlier] != paragraphs[sentence]:
            break
        frame = frames[earlier]
        if frame is not None and not after_publication(frame, published):
            return _named(_event_date(frame, "context"), participle)
    return published_date(doc)


def _named(date: dict[str, Any], rule: str | None) -> dict[str, Any]:
    """``date`` with the rule that reached it (``_rule``, joined to ``evidence.rules.date`` by
    :func:`date_events`), when one is given."""
    if rule is not None:
        date["_rule"] = rule
    return date


@Language.factory("dateline_dates", requires=["doc._.events"], assigns=["doc._.timexes", "doc._.events"])
def make_dates(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The dates stage (actors are re-dated after it by ``dateline_actor_dates``)."""
    return date_events


def doc_timexes(doc: Doc) -> list[dict[str, Any]]:
    """:func:`find_doc_timexes`, worked out once per Doc (:func:`dateline.doc.per_doc`): the modality stage reads
    the acts' own days before this stage runs (``modality._planned_day``), and this stage keeps the same list."""
    return per_doc(doc, "timexes", find_doc_timexes)


def date_events(doc: Doc) -> Doc:
    """Find and normalise temporal expressions; date every event that has no date yet."""
    doc._.timexes = doc_timexes(doc)
    events = doc._.events or []
    if not events:
        return doc
    by_token = tokens_to_items(doc, doc._.timexes)
    frames = _sentence_frames(doc, by_token)
    paragraphs = sentence_paragraphs(doc)
    timex_rules: dict[int, str] = doc.user_data.get(TIMEX_RULES, {})
    for event in events:
        date = event.get("date") or {}
        if date.get("value") is not None:
            continue
        span = doc.char_span(event["span"][0], event["span"][1], alignment_mode="expand") if event.get("span") else None
        if span is None:
            event["date"] = published_date(doc)
            _name_date_rule(event, "published_date")
            continue
        event["date"] = _date_with(doc, span.root, by_token, frames, paragraphs)
        rule = f"_date_with:{event['date'].get('source') or 'undated'}"
        timex = event["date"].pop("_timex", None)
        how = event["date"].pop("_rule", None)  # how an inherited date was reached ("reported")
        resolved = timex_rules.get(timex["start"]) if timex is not None else None
        _name_date_rule(event, "+".join(part for part in (rule, how, resolved) if part))
    return doc


def _name_date_rule(event: dict[str, Any], rule: str) -> None:
    """``evidence.rules.date``: how the event was dated (the function, and the date's ``source``)."""
    rules = (event.get("evidence") or {}).get("rules")
    if isinstance(rules, dict):
        rules["date"] = rule
