"""Triggers: is this verb or noun an act? Its lexicon entry (the most specific pattern of its block),
light verbs and measured nouns, and the tests that make a coded word no act (a claim, a question,
a stated fact, an imperative)."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from spacy.tokens import Doc, Token

from .. import syntax
from ..doc import doc_text, per_doc, per_token, sentence_bounds, sentence_index
from ..codebook import root_class
from ..deferred import deferred_module
from ..lexicon import Entry, Lexicon
from ..record import Modality
from ..lang import en


def _measured(noun: Token) -> Token:
    """The measure that stands in a noun's place ("gave 5 million dollars of aid", "provide
    25,000 tons of food aid": the verb takes the amount, the noun is what is given), else the noun."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ != "of" or head.head == head:
        return noun
    measure = head.head
    counted = measure.ent_type_ in ("MONEY", "QUANTITY") or any(c.dep_ == "nummod" for c in measure.children)
    return measure if measure.pos_ == "NOUN" and counted else noun


def _light_governor(noun: Token, lex: Lexicon) -> Token | None:
    """The light verb whose object the noun is ("staged a hunger strike", "sanctions were
    imposed", "gave 5 million dollars of aid"): the noun is then the event and the verb's subject
    its source; else None."""
    stand = _measured(noun)
    head = stand.head
    if head == stand or head.pos_ not in ("VERB", "AUX") or head.lemma_ not in lex.cue("light_verb"):
        return None
    return head if stand.dep_ in ("dobj", "nsubjpass") else None


def _noun_entry(noun: Token, lex: Lexicon) -> Entry | None:
    """The entry of an event noun: "<light verb> <noun>" ("reach agreement"), then "<modifier>
    <noun>" ("hunger strike"), then the noun; a ``governed`` noun only behind a light verb. Worked out once per
    Doc, noun and lexicon (:func:`_find_noun_entry`)."""
    return per_token(noun, f"noun_entry:{id(lex)}", lambda n: _find_noun_entry(n, lex))


def _find_noun_entry(noun: Token, lex: Lexicon) -> Entry | None:
    """:func:`_noun_entry` worked out."""
    governor = _light_governor(noun, lex)
    if governor is not None:
        found = lex.nouns.get(f"{governor.lemma_} {noun.lemma_}")
        if found is not None:
            return found if found.code else None  # a null key: "filed an appeal" (to a court) is no act
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod"):
            found = lex.nouns.get(f"{child.lower_} {noun.lemma_}")
            if found is not None:
                return found if found.code else None  # a null key: "a cabinet meeting" is no act
    if noun.lemma_ in lex.cue("event_frame"):
        # "a mediation effort", "a bombing campaign": the modifier names the act, the frame
        # noun carries its roles
        for child in noun.children:
            if child.dep_ == "compound" and child.pos_ == "NOUN":
                found = lex.nouns.get(child.lemma_)
                if found is not None:
                    return Entry(found.code, found.reciprocal, found.passive)
    if noun.dep_ == "compound" and noun.head.lemma_ in lex.cue("event_frame"):
        return None  # coded on its frame noun
    entry = lex.nouns.get(noun.lemma_)
    if entry is None or (unowned_governed(noun, entry, governor, lex) and not targeted_noun(noun, lex)):
        return None
    return entry


def unowned_governed(noun: Token, entry: Entry, governor: Token | None, lex: Lexicon) -> bool:
    """Whether a ``governed`` event noun has neither a light verb (``governor``) nor a named owner (:func:`_owned`):
    then it is an act only by a preposition of cue ``targeted_noun`` (:func:`targeted_noun`), else none. One test for
    :func:`_find_noun_entry` and the code rule ``targeted_noun`` of ``events.assemble._noun_events``."""
    return entry.governed and governor is None and not _owned(noun, lex)


def _owned(noun: Token, lex: Lexicon) -> bool:
    """Whether an event noun that is an act only behind a light verb (``governed``: "made a
    demand", "imposed sanctions") names its doer by a name instead (issue 11, recall): a named
    possessor ("Washington's accusations against Pyongyang", "Kim's call to reopen the hotline")
    or a named "by" agent ("an investigation by the Senate"). A pronoun or a common noun does not
    ("its pressure campaign", "the government's demands" stay unread), nor a noun that is only
    what another act is about (:func:`_topic_of_act`: "rejected X's demand"). A noun of cue
    ``from_source_noun`` also names its doer by a named "from" object ("criticism from Beijing",
    "an apology from Tokyo": rule ``from_source``)."""
    if _topic_of_act(noun, lex):
        return False
    for child in noun.children:
        if child.dep_ == "prep" and (child.lower_ == "by" or from_source(noun, child, lex)):
            child = syntax.pobj(child) or child
        elif child.dep_ != "poss":
            continue
        if child.pos_ == "PROPN" and child.ent_type_ in syntax.ACTOR_ENTITIES:
            return True
    return False


def from_source(noun: Token, prep: Token, lex: Lexicon) -> bool:
    """Whether ``prep`` is a "from" on a noun of cue ``from_source_noun`` whose object is the noun's doer
    ("criticism from Beijing", "an apology from Tokyo"), unlike the place left in "a withdrawal from Syria"
    (rule ``from_source``). Not threats, warnings, requests or support: "the threat from ISIL" is a danger,
    and on train's read half those "from" X were mostly no act."""
    return prep.dep_ == "prep" and prep.lower_ == "from" and noun.lemma_ in lex.cue("from_source_noun")


def targeted_noun(noun: Token, lex: Lexicon) -> bool:
    """Whether an event noun names the side it is aimed at by a preposition that makes it an act without a
    light verb or a named owner (cue ``targeted_noun``, "<lemma> <preposition>": "threats against the United
    States", "aid to Egypt"; rule ``targeted_noun``): its doer is then found as for any event noun. Unlike
    "the threat of war" or "the aid budget", which name no act."""
    pairs = lex.cue("targeted_noun")
    return any(c.dep_ == "prep" and f"{noun.lemma_} {c.lower_}" in pairs and syntax.pobj(c) is not None
               for c in noun.children)


def _verb_entry(verb: Token, lex: Lexicon) -> Entry | None:
    """The coded entry of a verb (particle, then bare verb, refined by its patterns), or None; worked out once per
    Doc, verb and lexicon (:func:`_find_verb_entry`): the coder, its gates and the trigger proposer ask it of the
    same verb several times."""
    if verb.pos_ != "VERB" or verb.lemma_ not in lex.verb_lemmas:
        return None
    return per_token(verb, f"verb_entry:{id(lex)}", lambda v: _find_verb_entry(v, lex))


def _verb_row(verb: Token, lex: Lexicon) -> tuple[Entry, str, bool] | None:
    """The verb's row of verbs*.tsv as (entry, pattern block, phrasal): the row of the verb with its particle
    ("call off") when there is one, else the bare verb's; None for a verb the lexicon does not list."""
    particle = _particle(verb)
    found = lex.verbs.get((verb.lemma_, particle)) if particle else None
    phrasal = found is not None
    if found is None:
        found = lex.verbs.get((verb.lemma_, ""))
    return None if found is None else (found[0], found[1], phrasal)


def _find_verb_entry(verb: Token, lex: Lexicon) -> Entry | None:
    """:func:`_verb_entry` worked out: the verb's row of verbs*.tsv, refined by its patterns, and the gates that
    make a coded verb no act (a light verb's event noun, naming, an idiom, a claim, a stated fact ...)."""
    row = _verb_row(verb, lex)
    if row is None:
        return None
    entry, block, phrasal = row
    obj = syntax.direct_object(verb)
    if obj is not None and not phrasal and verb.lemma_ in lex.cue("light_verb") and _noun_entry(obj, lex) is not None:
        # "held talks with": the noun is the event; not a phrasal verb ("called off a strike")
        return None
    if not phrasal and _names(verb, lex):
        return None  # "what they called an escalating pattern": naming, not an appeal
    if _idiom(verb, lex):
        return None  # "fought back tears", "when it comes to": a set phrase, not the verb's act
    entry = _match_pattern(verb, obj, entry, lex.patterns.get(block))
    if not entry.code:
        # a null entry's sense first ("wants Iran to halt enrichment": 020), so the gates below read its code
        sense = _null_sense(verb, entry, lex)
        if sense is None:
            return None  # null entry: no sense holds
        entry = sense
    if entry.code[:2] in ("02", "10") and _claims(verb, lex):
        return None  # "insisted that Trump would recognize ...": a claim (said so), not a demand
    if entry.code[:2] == "03" and verb.lemma_ in lex.cue("opinion_verb") and _states_fact(verb):
        return None  # "agencies agree Russia was behind the hacks": a shared opinion, no commitment
    if verb.lemma_ in lex.cue("intransitive_act") and any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
        return None  # "demonstrated that through history", "demonstrated its resolve": showing, no protest
    if verb.lemma_ in lex.cue("failure_verb") and entry.code[:2] == "12" and not _failed_agreement(verb, lex):
        return None  # "failed to inform the court", "the EU is failing": the failed act is negated, no rejection
    return entry


#: :mod:`dateline.events.codes`, imported at its first use (it reads this module's entries).
_codes = deferred_module("dateline.events.codes")


def _null_sense(verb: Token, entry: Entry, lex: Lexicon) -> Entry | None:
    """The sense of a verb whose lexicon entry codes nothing (a ``---`` row: "want", "call"), when a ``senses.tsv``
    row of its lemma holds (issue 11, recall): "wants Iran to halt enrichment", "called for the UN to investigate"
    ask another actor to act (CAMEO 02), while a bare wish or call ("wants to resume talks", "called him") stays no
    act. The sense is the event's code (``events.codes`` reads it again, rule ``_sense``); else None."""
    sense = _codes()._sense(verb, entry, lex)
    return sense if sense is not None and sense.code else None


def _failed_agreement(verb: Token, lex: Lexicon) -> bool:
    """Whether a failure verb (cue ``failure_verb``) fails to reach an agreement: its to-infinitive
    agrees (an 03 verb, "failed to agree") or reaches a deal (its object an agreement noun of CAMEO
    03 or 05, "failed to reach an agreement"). That is a rejection of each other's terms (CAMEO 12,
    the PLOVER gold's REJECT); failing at anything else is no act of its own (docs/annotation.md)."""
    for child in verb.children:
        if child.dep_ != "xcomp" or child.pos_ != "VERB":
            continue
        own = _verb_entry(child, lex)
        if own is not None and own.code[:2] == "03":
            return True
        obj = syntax.direct_object(child)
        found = lex.nouns.get(obj.lemma_) if obj is not None else None
        if found is not None and found.code[:2] in ("03", "05"):
            return True
    return False


def _idiom(verb: Token, lex: Lexicon) -> bool:
    """Whether a coded verb is part of a set phrase that is no act (cue ``idiom``: the verb's lemma
    and the words that make the phrase, "fight tears", "come it when", "meet standard"): each word
    is the form or lemma of one of the verb's dependents or of the object of one of its
    prepositions ("came to prominence"). "Fought back tears", "captured footage", "when it comes to
    taxes", "met the standards" use the verb in no political sense."""
    rests = _idioms(lex.cue("idiom")).get(verb.lemma_)
    if not rests:
        return False
    words = {verb.lemma_}
    for child in verb.children:
        words.update((child.lower_, child.lemma_.lower()))
        if child.dep_ in ("prep", "agent", "dative"):
            pobj = syntax.pobj(child)
            if pobj is not None:
                words.update((pobj.lower_, pobj.lemma_.lower()))
    return any(rest <= words for rest in rests)


@functools.lru_cache(maxsize=4)
def _idioms(phrases: frozenset[str]) -> dict[str, list[frozenset[str]]]:
    """The idiom cues by the verb lemma they open: the other words of each phrase. Built once per
    cue set (the phrases were split for every coded verb: 5% of the stages' time, issue 14)."""
    index: dict[str, list[frozenset[str]]] = {}
    for phrase in phrases:
        first, *rest = phrase.split()
        index.setdefault(first, []).append(frozenset(rest))
    return index


def _particle(verb: Token) -> str:
    """The verb's particle: a ``prt`` child, or an adverb the parser hung on the verb right after
    it ("back away from", "back down"), which the lexicon names as a phrasal verb. Once per Doc and verb."""
    return per_token(verb, "particle", _find_particle)


def _find_particle(verb: Token) -> str:
    """:func:`_particle` worked out."""
    found = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    if found:
        return found
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is not None and following.head == verb and following.dep_ == "advmod" and following.pos_ == "ADV":
        return following.lower_
    return ""


def _names(verb: Token, lex: Lexicon) -> bool:
    """Whether a naming verb ("call", "dub": cue ``naming_verb``) names rather than acts: it has an
    object predicate ("called him a liar", "what they called a pattern of attacks"); the appeal
    sense ("called on X to", "called for talks") takes none."""
    # (a day is no predicate: "called Thursday on Arabs to unite" is an appeal made on Thursday)
    return verb.lemma_ in lex.cue("naming_verb") and any(
        c.dep_ == "oprd" and c.ent_type_ not in ("DATE", "TIME") for c in verb.children)


def _states_fact(verb: Token) -> bool:
    """Whether a verb has a that-clause (with its own subject) stating a fact: a past or present
    indicative with no modal ("agree Russia was behind the hacks"), not a commitment to a future
    act ("agreed that talks would resume", "agreed that a committee will be formed")."""
    for clause in verb.children:
        if clause.dep_ != "ccomp" or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
            continue
        auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
        if any(a.tag_ == "MD" or a.lower_ == "to" for a in auxes):
            return False
        if clause.tag_ in ("VBD", "VBZ", "VBP") or any(a.tag_ in ("VBD", "VBZ", "VBP") for a in auxes):
            return True
    return False


def _claims(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb that either asserts or demands ("insist", "suggest": cue ``claim_or_demand``)
    asserts: its that-clause is indicative, a verb form the mandative subjunctive never takes (past
    or third-person "-s", or a modal other than one of obligation: "suggested that the attack was
    spontaneous", "insisting that Trump would recognize"), not a bare or "should" form ("insisted
    that he resign", "suggested that Iran should stop"), which is a demand or proposal."""
    if verb.lemma_ not in lex.cue("claim_or_demand"):
        return False
    obliging = lex.cue("obligation") | {"should", "shall"}
    for clause in _said_clauses(verb):
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children) and not _object_as_subject(verb, clause):
            continue
        auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in obliging for a in auxes):
            return False
        if clause.tag_ in ("VBD", "VBZ") or any(a.tag_ in ("VBD", "VBZ", "MD") for a in auxes):
            return True
        if any(t.lemma_ == "be" and t.tag_ == "VBP" for t in (clause, *auxes)):
            return True  # "insists both countries are on the same page": the subjunctive is "be"
    return False


def _said_clauses(verb: Token) -> list[Token]:
    """The that-clauses of a verb of saying: its own ``ccomp`` children, and a ``ccomp`` the parser hung on a
    participle that modifies the object of one of the verb's prepositions ("insisted in an interview aired Tuesday
    that his stance had not softened": the clause is the insisting's, not the airing's; session 59, kD)."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            clauses.extend(c for acl in pobj.children if acl.dep_ == "acl" and acl.tag_ == "VBN"
                           for c in acl.children if c.dep_ == "ccomp" and c.i > acl.i)
    return clauses


def _object_as_subject(verb: Token, clause: Token) -> bool:
    """Whether the parser took a that-clause's subject for the verb's direct object: a noun right after the verb
    and right before the clause, which has no subject of its own ('insisted Kim "wants to get it done"'; session
    59, kD)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or not verb.i < obj.i < clause.i:
        return False
    between = verb.doc[obj.i + 1:clause.left_edge.i]
    return all(t.is_punct for t in between) and clause.tag_ in ("VBD", "VBZ")


def _is_act(token: Token, lex: Lexicon) -> bool:
    """Whether a governing token is itself a coded act (not a plain statement): what it governs
    then modifies it rather than being a separate event (PETRARCH's one event per verb phrase)."""
    if token.pos_ == "VERB":
        entry = _verb_entry(token, lex)
        if entry is not None:
            return entry.code[:2] != "01" or token.lemma_ not in lex.cue("speech_verb")
        obj = syntax.direct_object(token)
        return obj is not None and token.lemma_ in lex.cue("light_verb") and _noun_entry(obj, lex) is not None
    return token.pos_ == "NOUN" and _noun_entry(token, lex) is not None


def _act_below(clause: Token, lex: Lexicon) -> bool:
    """Whether any token of ``clause.subtree`` is an act (:func:`_is_act`), remembered for every
    token of the Doc: nested speech ("X said Y said ...") asked this of ever-larger subtrees, each
    walked again (issue 15)."""
    memo: dict[int, bool] = per_doc(clause.doc, f"act_below:{id(lex)}", lambda _: {})
    stack = [(clause, False)]
    while stack:
        token, ready = stack.pop()
        if token.i in memo:
            continue
        if ready:
            memo[token.i] = _is_act(token, lex) or any(memo[c.i] for c in token.children)
        else:
            stack.append((token, True))
            stack.extend((c, False) for c in token.children if c.i not in memo)
    return memo[clause.i]


def _attribution_frame(verb: Token, lex: Lexicon) -> bool:
    """A speech verb that only attributes a reported act: "X said Y attacked Z", "Y attacked Z,
    X said", "X told reporters that Y would meet Z". The reported act is the event (coded on its own
    trigger, with the modality its clause gives it); the saying is not an event from X to whoever
    the clause mentions. A statement stays an event only when no codable act is inside it."""
    said = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "parataxis")]
    if any(_act_below(clause, lex) for clause in said):  # (the verb is in no child's subtree)
        return True
    head = verb.head
    return verb.dep_ in ("parataxis", "ccomp", "advcl") and head != verb and _is_act(head, lex)


def frame_verb(token: Token, lex: Lexicon) -> Token | None:
    """The speech verb whose clause holds ``token``, found up the clauses (complements, coordinated and
    adverbial clauses) or set on one of them as a parenthetical ("we will retaliate, he said"); else None."""
    speech = lex.cue("speech_verb")
    node = token
    for _ in range(6):
        for child in node.children:
            if child.dep_ == "parataxis" and child.lemma_ in speech and child.pos_ == "VERB":
                return child
        if node is not token and node.lemma_ in speech and node.pos_ == "VERB":
            return node
        if node.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "parataxis", "dobj", "pobj", "prep", "pcomp") or node.head == node:
            return None
        node = node.head
    return None


def _frame_speaker(token: Token, lex: Lexicon) -> Token | None:
    """The speaker of the statement a first-person word is in: the subject of the speech verb whose
    clause holds ``token`` (:func:`frame_verb`: "“We have arrested three suspects,” police said": police; "the
    minister said we will not meet them"). None when no speech verb frames it or its subject is itself a
    pronoun of the speaker."""
    verb = frame_verb(token, lex)
    return _named_subject(verb) if verb is not None else None


def _quoted_speaker(token: Token, lex: Lexicon) -> Token | None:
    """The speaker of the quotation a word is in, when its own sentence names none: the subject of a
    speech verb after the quotation's closing mark in that sentence ("“We have been striking when we
    can. ... ,” the general said": the general), else before its opening mark in that sentence, else in
    the sentence before it when that one ends with a colon ("The minister said: “... . We will not meet
    them.”"). The quotation is the one :func:`dateline.quotes.marks.scan_quotes` pairs: one sentence or
    many, continued over paragraphs, each opening with a mark, or with the paragraph break lost."""
    from ..quotes.marks import quotation_at  # imported here, as the quotes package imports events
    doc = token.doc
    span = quotation_at(doc, token.idx)  # the one "inside a quotation" test, quotes.marks.in_quotation
    if span is None:
        return None
    speech = lex.cue("speech_verb")

    def speaker_between(start: int, end: int, last: bool) -> Token | None:
        verbs = [t for t in doc[start:end] if t.lemma_ in speech and t.pos_ == "VERB"]
        for verb in (reversed(verbs) if last else verbs):
            subject = _named_subject(verb)
            if subject is not None:
                return subject
        return None

    first, ends = sentence_bounds(doc)
    index = sentence_index(doc)
    opened, closed = doc.char_span(span.start - 1, span.start, alignment_mode="expand"), None
    if span.closed and span.end < len(doc_text(doc)):
        closed = doc.char_span(span.end, span.end + 1, alignment_mode="expand")
    if closed is not None and len(closed):
        found = speaker_between(closed[-1].i + 1, ends[index(closed[-1].i)], False)
        if found is not None:
            return found
    if opened is None or not len(opened):
        return None
    here = index(opened[0].i)
    found = speaker_between(first[here], opened[0].i, True)
    if found is None and here > 0 and first[here] == opened[0].i and doc[opened[0].i - 1].text == ":":
        found = speaker_between(first[here - 1], opened[0].i, True)
    return found


def _named_subject(verb: Token) -> Token | None:
    """A speech verb's subject unless it is a first-person word too (the speaker unnamed)."""
    subject = syntax.subject(verb)
    return None if subject is None or subject.lower_ in en.FIRST_PERSON_PRONOUNS else subject


def aim_of_intent(prep: Token, lex: Lexicon) -> bool:
    """Whether a preposition gives the aim of an intent verb (cue ``intent_verb``), its object an act aimed at,
    not done ("talks aimed at ending the war", ``en.AIM_PREPOSITIONS``): the one test of :func:`_subordinate`
    and :func:`.modality._modality`."""
    return prep.lower_ in en.AIM_PREPOSITIONS and prep.head.lemma_ in lex.cue("intent_verb")


def finite_past_conjunct(verb: Token) -> bool:
    """Whether a verb in the simple past is coordinated with a bare verb (an infinitive, or a verb under a modal)
    that is not negated and has no "do" of its own ("vowed to retaliate and accused the US of ...", "said the
    council would withdraw the bill and lamented the violence", "used water cannons to disperse the crowd and
    arrested 300"): the past tense tells an act done, so the verb is a clause of its own, coordinated with the verb
    that governs the infinitive, not the infinitive's aim, intent or case (rule ``finite_conjunct``). Not a form the
    past shares with the bare verb ("should enliven the talks and set a deadline": the tagger's past may be the bare
    verb), nor the conjunct of a negated or "do" verb ("did not identify it but said ...")."""
    head = verb.head
    if verb.dep_ != "conj" or head == verb or verb.tag_ != "VBD" or head.tag_ != "VB":
        return False
    if verb.lower_ == verb.lemma_.lower():
        return False
    return not any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lemma_ == "do") for c in head.children)


def _subordinate(verb: Token, lex: Lexicon) -> Modality | None:
    """The modality of a verb that is not a separate asserted act, or None for a main act.

    Relative clauses and participial modifiers of nouns ("nationals suspected of blowing up a
    plane") describe, they do not report: "reported". Under a coded act, an infinitival complement
    or purpose ("agreed to lift", "sent troops to help") is "intended"; a clausal complement
    ("demanded that X provide") is intended too for a request, else "reported"; a participial
    adjunct ("..., killing 20") is "reported". Complements of speech verbs ("said it would") and
    adverbial clauses with their own conjunction ("resigned as the opposition threatened") are
    main acts.
    """
    if finite_past_conjunct(verb):
        return None  # "vowed to retaliate and accused X": the past-tense conjunct is a main act
    token = syntax.first_conjunct(verb)  # coordinated verbs share the status of the first
    link, head = token.dep_, token.head
    if head == token:
        return None
    if link in ("relcl", "acl"):
        if any(c.lower_ == "that" and c.dep_ in ("advmod", "mark") for c in token.children):
            return None  # "said at the time that X had canceled": a complement clause parsed as relative
        if link == "acl" and _speaking_document(token, lex):
            return None  # "a Putin op-ed criticizing the United States": the text says what it says
        return "reported"
    if verbal_gerund(token, lex):
        return None  # "joined Graham in calling for an inquiry", "after denouncing Soleimani": as done as its verb
    if link in ("pcomp", "pobj") and head.pos_ == "ADP" and head.head != head and head.lower_ != "by":
        # ("broke sanctions by allowing rice in": the means is the act itself)
        governor = head.head
        if aim_of_intent(head, lex):
            return "intended"  # "talks aimed at ending the war": the aim, not an act of its own
        if governor.pos_ in ("NOUN", "PROPN") or (governor.pos_ == "VERB" and _is_act(governor, lex)):
            return "intended" if head.lower_ in ("to", "for") else "reported"
        return None
    if link not in ("xcomp", "ccomp", "advcl") or not _is_act(head, lex):
        return None
    if link == "advcl" and any(c.dep_ == "mark" and c.lower_ != "to" for c in token.children):
        return None
    if link == "advcl" and token.i == verb.i and performed_aim(verb, lex):
        return None  # "walked out of parliament to protest the law": the protest is made in walking out, as done as it
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    if link == "xcomp" or infinitive:
        return "intended"
    if link == "ccomp":
        entry = _verb_entry(head, lex) if head.pos_ == "VERB" else None
        return "intended" if entry is not None and entry.code[:2] in ("02", "10") else "reported"
    if token.tag_ == "VBG" and (_trailing_adjunct(token) or _verbal_adjunct(token, lex)):
        return None  # "X shelled the town, killing 20": told as the act it follows is
    return "reported" if token.tag_ == "VBG" else None


def performed_aim(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb is an infinitive of purpose (``advcl`` with "to", no subject or conjunction of its own) whose act
    the act it serves performs (cue ``performed_aim``: protest): "walked out of parliament to protest the law",
    "gathered in the square to protest", "withdrew from the assembly to protest the draft" (not "staged a sit-in to
    protest": a sit-in is a protest itself, :func:`_protest_told`). A protest is made in doing what is done for
    it, so it is as done as that act (its modality and negation are read through it, :func:`.modality._modality`: "will
    gather to protest" stays intended, "did not march to protest" negated), not an aim still to come (``intended``,
    :func:`_subordinate`, :func:`.modality._aim`); as a purpose clause under a contact verb ("called Modi to
    congratulate him", cue ``contact_verb``) is performed by the contact. Session 59 (kB): on train's read half the
    protests told so were labelled asserted 11 times in 14 (one hypothetical, two no act)."""
    if verb.dep_ != "advcl" or verb.head == verb or verb.lemma_ not in lex.cue("performed_aim"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        return False  # "so that they protest": a clause of its own
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return not _protest_told(verb.head, lex)


def _protest_told(act: Token, lex: Lexicon) -> bool:
    """Whether the act a :func:`performed_aim` serves is itself coded a protest (CAMEO 14: its verb's entry, or the entry
    of its object's event noun): "began a hunger strike to protest", "staged a sit-in to protest", "boycotted the vote
    to protest". The protest is then told once, on that act, and its aim stays an aim (the gold codes the one act)."""
    entries = [_verb_entry(act, lex)] if act.pos_ == "VERB" else []
    entries += [_noun_entry(c, lex) for c in act.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    return any(entry is not None and entry.code[:2] == "14" for entry in entries)


def _trailing_adjunct(participle: Token) -> bool:
    """Whether a present participle is an adjunct that follows its clause's act, set off by a
    comma, with no subject of its own, and with a party named in its object or its prepositional
    phrases ("Syria shelled the town, threatening Lebanon", "..., accusing Washington of", "...,
    killing two Hezbollah commanders in Syria"): it tells a further act of the same doer in the same
    breath, as done as the act it follows (its modality is read through that act,
    :func:`.modality._modality`). A participle before its clause ("Citing security, X cancelled"),
    with no comma ("left Paris saying ..."), or done only to people counted or to things ("...,
    killing 20 people", "..., setting fire to mattresses") stays a described circumstance."""
    if not _set_off_after(participle):
        return False
    return any(t.ent_type_ in syntax.ACTOR_ENTITIES for c in participle.children if c.dep_ in ("dobj", "dative", "prep")
               for t in c.subtree)


def _set_off_after(participle: Token) -> bool:
    """Whether a participle is an adjunct (``advcl``) after the act it goes with, set off by a comma, with no
    subject or conjunction of its own: what :func:`_trailing_adjunct` and :func:`_verbal_adjunct` both ask."""
    head = participle.head
    if participle.dep_ != "advcl" or head == participle or participle.i < head.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in participle.children):
        return False
    start = participle.left_edge.i
    return start > 0 and participle.doc[start - 1].text == ","


def _verbal_adjunct(participle: Token, lex: Lexicon) -> bool:
    """Whether a present participle set off after its clause as :func:`_trailing_adjunct` asks (``advcl``,
    after the act it follows and a comma, no subject or conjunction of its own) is a verbal act addressed to
    someone (:func:`_verbal_act`: an appeal, demand, disapproval, rejection or threat, not a plain statement)
    with an object, a clause or a phrase of what it says ("..., accusing it of backing the rebels", "...,
    urging them to withdraw", "..., warning that X would retaliate"): what the doer says in the same breath
    as the act it follows is said, as done as that act, whoever it names (a pronoun stands for a party named
    before; the sides stage finds it), where :func:`_trailing_adjunct` asks any act for a named party. Not
    the further gerunds of an accusation's "of" ("accused X of violating rights, ignoring the law"), nor a
    protest's demand or a refusal's reason or counter-proposal, which CAMEO codes as one act with them."""
    head = participle.head
    if participle.tag_ != "VBG" or not _set_off_after(participle):
        return False  # before its clause or with no comma: a circumstance, as for any act (_trailing_adjunct)
    if head.dep_ in ("pcomp", "pobj", "acl", "relcl"):
        return False  # "accused X of violating rights, ignoring the law": part of what the accusation says
    if any(c.dep_ == "prep" and c.i < participle.i and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
           for c in head.children):
        return False  # "accused the US of violating rights, ignoring the law": the gerunds after "of" go on
    governing = _verb_entry(head, lex) if head.pos_ == "VERB" else None
    if governing is not None and governing.code[:2] in root_class("encompassing"):
        # "demonstrated in Kirkuk calling for independence", "rejected the proposal, urging the counterpart
        # to sign another", "refused, citing domestic opposition": a protest's demand, a refusal's reason or
        # counter-proposal, which CAMEO codes with the protest or refusal as one act (its 14x, 12x)
        return False
    if not _verbal_act(participle, lex):
        return False  # ("..., citing security concerns", "..., saying ...": the reason or words of the act it goes with)
    return any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp", "prep", "oprd") for c in participle.children)


def _verbal_act(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb's entry is a verbal act addressed to someone, not a plain statement: CAMEO roots of
    the class ``verbal`` (``data/cameo_root_classes.tsv``: the class ``addressed`` but 01; an appeal, demand,
    disapproval, rejection or threat)."""
    entry = _verb_entry(verb, lex)
    return entry is not None and entry.code[:2] in root_class("verbal")


def verbal_gerund(gerund: Token, lex: Lexicon) -> bool:
    """Whether a gerund after "in", "after", "since" or "following" (``lang/en.py``
    ``VERBAL_GERUND_PREPOSITIONS``) of a verb is a verbal act (:func:`_verbal_act`): "joined Graham in calling
    for an inquiry", "after denouncing Soleimani". It is as done as that verb (:func:`.modality._modality`
    gives it the verb's modality and negation: "did not join X in calling for", "will meet X after
    demanding"); after a noun it is what the noun is about ("no interest in threatening X": ``reported``)."""
    head = gerund.head
    return (gerund.dep_ == "pcomp" and head.lower_ in en.VERBAL_GERUND_PREPOSITIONS and head.head != head
            and head.head.pos_ == "VERB" and _verbal_act(gerund, lex))


#: Entity types of a name a verbal act's participle may hang on as the one who makes it ("Republicans
#: urging the president to act"); not a place ("protesters in Kampala demanding").
_SPEAKING_NAMES = frozenset({"PERSON", "ORG", "NORP"})


def _speaking_document(participle: Token, lex: Lexicon) -> bool:
    """Whether a present participle hung on a written or spoken text (cues ``document_noun``,
    ``speech_medium``: a statement, letter, op-ed, tweet, speech) whose author the text names
    (:func:`.syntax.document_author`: a possessor or name before it, a "from"/"by" phrase, or the subject
    of an issuing verb, cue ``issuing_verb``) or on a name of a person, organisation or group
    (``_SPEAKING_NAMES``: "Republicans urging the president to act", not a place) is a verbal act addressed
    to someone (:func:`_verbal_act`, not a plain statement) that the author or the named party makes ("a
    Putin op-ed criticizing the United States", "Kenya issued a statement accusing Iran of"): the act is
    done as far as the noun's clause is (:func:`.modality._modality`: "denied sending a letter urging"),
    not a description of the noun ("reported", as relative clauses and other participles on nouns are,
    :func:`_subordinate`; so is a text no author is named for, "received a letter urging it to")."""
    head = participle.head
    if participle.tag_ != "VBG" or participle.dep_ != "acl" or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if head.pos_ == "PROPN" and head.ent_type_ not in _SPEAKING_NAMES:
        return False
    if head.pos_ == "NOUN" and (not syntax.is_text_noun(head) or syntax.document_author(head) is None):
        return False
    return _verbal_act(participle, lex)


def _conditional_threat(verb: Token, entry: Entry, lex: Lexicon) -> bool:
    """Whether a verb announces a hostile act on a condition: a future or possible act
    ("will boycott", "may halt"; not "can", cue ``ability_modal``) of a hostile root (not itself a
    threat) whose own clause has an "if"/"unless" clause, the verb not being inside one, and whose
    doer is not left unsaid by an agentless passive."""
    if entry.code[:2] not in root_class("hostile") or entry.code[:2] == "13":
        return False
    conditions = lex.cue("condition")
    if any(c.dep_ == "mark" and c.lower_ in conditions for c in verb.children):
        return False  # the condition itself ("if it is attacked")
    if not any(c.dep_ == "aux" and c.lower_ in (lex.cue("future") | lex.cue("possible")) - lex.cue("ability_modal")
               for c in verb.children):
        return False  # ("if it can detect them, it can suspend them": an ability, no threat)
    if any(c.dep_ == "nsubjpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children):
        return False  # "if he says yes, she should be fired": nobody named threatens
    return any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in conditions for g in c.children)
               for c in verb.children)


def _obliged(verb: Token, lex: Lexicon) -> bool:
    """Whether the act is demanded of its subject ("Sudan must return", "must be ready to
    mediate"): then it is intended by someone else, not a declared intent of its own."""
    token = verb
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in lex.cue("obligation") for c in token.children):
            return True
        if token.dep_ not in ("xcomp", "acomp", "conj") or token.head == token:
            return False
        token = token.head
    return False


def _meets(code: str) -> bool:
    """Whether a CAMEO code is a meeting between parties (04 but for visits, 042/043): where it is
    held is its venue, not a party ("negotiating in Morocco", "met in Rawalpindi"; CAMEO 044
    'meet at a third location'); a place visited is the host, though ("arrived in Amman")."""
    return code[:2] == "04" and code[:3] not in ("042", "043")


#: The dependencies that give a verb of cue ``object_act`` what it acts on: a direct object, a passive subject,
#: a clause ("questioned whether ...").
_OBJECT_DEPS = ("dobj", "nsubjpass", "ccomp", "dative")


def _not_an_act(verb: Token, lex: Lexicon) -> bool:
    """Whether a coded verb describes rather than acts, whatever its arguments: a participle used
    as an adjective ("were worst-hit", "is disappointed" parsed as acomp/amod), a present-tense
    verb with a habitual adverb ("the EU always seeks consensus": a disposition), or a subject
    clause opened by a question word ("How it interacts with the Commons is important"), or a verb of
    cue ``object_act`` with nothing it acts on ("appear for questioning")."""
    if verb.tag_ == "VBN" and verb.dep_ in ("acomp", "amod"):
        return True
    if verb.tag_ in ("VBN", "VBD") and any(c.dep_ == "det" for c in verb.children):
        return True  # a participle used as a noun: "evacuated the wounded"
    if _opening_participle(verb):
        return True  # "Pressed for an explanation, Obama said ...": done to Obama by no one named
    if _graded_state(verb, lex) or _present_state(verb, lex):
        return True  # "is largely defeated", "heavily guarded", "are connected to the grid"
    if verb.tag_ == "VBN" and verb.dep_ == "conj" and verb.head.pos_ == "ADJ":
        return True  # coordinated with an adjective: "once secular and opposed to the settlements"
    if verb.lemma_ in lex.cue("reaction_passive") and any(c.dep_ == "nsubjpass" for c in verb.children) and not any(
            c.dep_ == "agent" for c in verb.children) and any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return True  # "any attack would be met with force": a response, not a meeting
    if verb.lemma_ in lex.cue("object_act") and not any(c.dep_ in _OBJECT_DEPS for c in verb.children):
        return True  # "ordered him to appear for questioning": an act only on someone or something questioned
    if verb.lemma_ in lex.cue("arrival_verb") and _troops_subject(verb, lex):
        return True  # "peacekeeping troops arrived in Bosnia": a deployment, not a visit (CAMEO 042)
    if syntax.present_tense(verb) and any(c.dep_ == "advmod" and c.lower_ in lex.cue("habitual") for c in verb.children):
        return True
    if verb.lemma_ not in lex.cue("speech_verb") and _thing_subject(verb, lex):
        return True  # "an earthquake struck Nepal", "the rescue package allowed Greece to avoid default"
    return verb.dep_ == "csubj" and any(c.dep_ in ("advmod", "mark") and c.lower_ in lex.cue("indirect_question")
                                        for c in verb.children)


def _opening_participle(verb: Token) -> bool:
    """Whether a verb is a passive participle opening its sentence as an adverbial clause with no
    agent ("Pressed for an explanation, Obama said", "Asked about the talks, the minister ...",
    "Founded in 1990, the group ..."): the main clause's subject is who it was done to, and the
    doer is not named, so there is no act to code between actors."""
    if verb.tag_ != "VBN" or verb.dep_ != "advcl":
        return False
    if any(c.dep_ in ("agent", "aux", "auxpass", "nsubj", "nsubjpass", "mark") for c in verb.children):
        return False
    first = next((t for t in verb.sent if not t.is_punct), None)
    return first is not None and first.i == verb.i


def _graded_state(verb: Token, lex: Lexicon) -> bool:
    """Whether a participle graded by a degree adverb (cue ``degree_adverb``) describes a state its
    subject is in ("is largely defeated", "is heavily guarded", "will be better protected"), not
    an act done to it; in the past the act is told ("was heavily shelled", "has been largely
    destroyed")."""
    if verb.tag_ != "VBN" or not any(c.dep_ == "advmod" and c.lower_ in lex.cue("degree_adverb") for c in verb.children):
        return False
    return not any(c.dep_ in ("aux", "auxpass") and (c.tag_ == "VBD" or c.lemma_ == "have") for c in verb.children)


def _present_state(verb: Token, lex: Lexicon) -> bool:
    """Whether a bare present passive with no agent and no other auxiliary describes how things
    stand ("ISIS is defeated", "40% are connected to the grid", "is involved in the effort"),
    not an act done: news tells an act in the past or the perfect ("was defeated", "has been
    attacked") or with its doer ("is guarded by troops"). Not a stance (cue ``attitude_participle``,
    "is opposed to", "is committed to"), nor a clause of condition or time. Accusations (CAMEO 11, "is blamed for",
    "is accused of") are acts however told, and so are arrests and charges (the codebook's class ``custody``, 173:
    "is charged with murder", "is detained in Cairo": the act of the state's police or courts, session 52)."""
    if verb.tag_ != "VBN" or verb.lemma_ in lex.cue("attitude_participle"):
        return False  # ("Israel is opposed to French mediation": a stance taken, the subject's act)
    passive = [c for c in verb.children if c.dep_ == "auxpass"]
    if not passive or any(c.dep_ in ("aux", "agent", "mark") for c in verb.children):
        return False  # (a clause of condition or time keeps its modality: "until demands are met")
    if not all(b.lemma_ == "be" and b.tag_ in ("VBZ", "VBP") for b in passive):
        return False
    entry = _verb_entry(verb, lex)
    return entry is not None and entry.code[:2] != "11" and entry.code[:3] not in root_class("custody")


def _thing_subject(verb: Token, lex: Lexicon) -> bool:
    """Whether the verb's subject is a thing that cannot act (a selectional check on the doer):
    a common noun that is no agent noun (``agents.tsv``: "police", "government"), no armed unit
    (cue ``troop_noun``), no weapon the violent patterns name ("a missile hit"), no event noun
    ("the attack killed 20": the act is on the noun), no document ("the resolution condemned": its
    author acts) and no name or nationality, nor one of the cue ``agentive_noun`` ("country", "side").
    "An earthquake struck Nepal", "cameras captured footage", "the deal's terms would allow it to
    enrich", "commodity prices dealt a blow": the verb is not used in its political sense."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or subject.ent_type_ or not subject.text[:1].islower():
        return False  # (a name the tagger took for a common noun: "Trump drew fire")
    return not _can_act(subject, lex)


def _can_act(noun: Token, lex: Lexicon) -> bool:
    """Whether a common noun can stand for a doer (:func:`_thing_subject`); a partitive head (cue
    ``partitive_noun``) stands for what it counts ("a first patch of Bangladeshi troops", "dozens of
    protesters"), no other head for what its "of" names ("the terms of the Iran deal", "a photo of
    the police station")."""
    lemma = noun.lemma_.lower()
    if (lemma in lex.agents or noun.lower_ in lex.agents or lemma in lex.noun_heads
            or lemma in lex.cue("event_frame") or lemma in lex.violent_instruments
            or lemma in lex.cue("troop_noun") or lemma in lex.cue("document_noun")
            or lemma in lex.cue("agentive_noun")):
        return True
    if lemma not in lex.cue("partitive_noun"):
        return False
    counted = [syntax.pobj(c) for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
    return any(c is not None and (c.ent_type_ or c.pos_ == "PROPN" or (c.pos_ == "NOUN" and _can_act(c, lex)))
               for c in counted)


def _troops_subject(verb: Token, lex: Lexicon) -> bool:
    """Whether the verb's subject phrase names armed units ("a first patch of Bangladeshi
    peacekeeping troops", cue ``troop_noun``), not a delegation or an official."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    return any(t.lemma_.lower() in lex.cue("troop_noun") or t.lower_ in lex.cue("troop_noun")
               for t in subject.subtree if t.pos_ == "NOUN")


def _asks_question(verb: Token, obj: Token | None, lex: Lexicon) -> bool:
    """Whether a question verb ("ask", "inquire") asks a question rather than appeals: its object
    is a question noun ("asked questions"), it asks about a topic with no act asked for (cue
    ``question_preposition``: "when asked about the talks"), or its clausal complement is a wh-question ("asked
    why ..."), a yes/no question ("asked whether ...") or a quoted question ending in "?".
    Only a request of something ("asked Iran to ...", "asked for aid") is a CAMEO 02 appeal."""
    if verb.lemma_ not in lex.cue("question_verb"):
        return False
    if obj is not None and obj.lemma_ in lex.cue("question_noun"):
        return True
    if any(c.dep_ == "prep" and c.lower_ in lex.cue("question_preposition") for c in verb.children) and not any(
            c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return True  # "when asked about the talks", "asked the minister about Iran": a question on a topic
    if _after_question(verb):
        return True  # '"Why now?" she asked.': the quoted question before it is what was asked
    for clause in verb.children:
        if clause.dep_ not in ("ccomp", "parataxis"):
            continue
        if any(c.dep_ == "mark" and c.lower_ in lex.cue("question_mark") for c in clause.children):
            return True  # "asked whether/if ..."
        words = [t for t in clause.subtree if not t.is_punct]
        if words and words[0].tag_ in syntax.WH_TAGS:
            return True  # "asked what would Reagan do", "asked why ..."
        # a quoted question: its "?" ends the clause, attached to the clause or to the verb
        following = [t for t in verb.doc[clause.right_edge.i + 1:verb.sent.end] if t.text not in ('"', "”", "'", "’")]
        if clause.right_edge.text == "?" or (following and following[0].text == "?"):
            return True
    return False


def _after_question(verb: Token) -> bool:
    """Whether a verb with no clause or preposition after it ("she asked", "asked the minister") closes a
    quoted question ('"Will they strike?" she asked'): between the "?" and the verb stand only
    quotes, commas and the asker's name, in its own sentence or across the parser's split at '?"'."""
    if any(c.dep_ in ("ccomp", "xcomp", "prep", "parataxis") and c.i > verb.i for c in verb.children):
        return False
    quoting = ('"', "”", "“", "'", "’", ",")
    i = verb.i - 1
    while i >= 0 and i >= verb.sent.start - 3:
        token = verb.doc[i]
        if token.text == "?":
            return True
        if token.text not in quoting and not (i >= verb.sent.start and token.pos_ in ("PRON", "PROPN", "NOUN", "DET", "ADJ")):
            return False
        i -= 1
    return False


def _imperative(verb: Token) -> bool:
    """Whether the verb is a sentence-initial imperative ("Enlarge this image"): a bare verb
    heading its sentence with no subject or auxiliary, first after any opening punctuation."""
    if verb.dep_ != "ROOT" or verb.tag_ != "VB":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "aux", "auxpass") for c in verb.children):
        return False
    return all(t.is_punct for t in verb.doc[verb.sent.start:verb.i])


def _participants(noun: Token, lex: Lexicon) -> list[Token]:
    """The parties an event noun is said to include ("the talks included X and Y", "involved",
    "brought together"; "were attended by X and Y"): the object (or passive agent) and its
    conjuncts, including those the parser hung inside the first party's own phrase ("U.S. envoy
    for North Korea Stephen Biegun and Swedish Foreign Minister Margot Wallstroem")."""
    head = noun.head
    if head == noun or head.pos_ != "VERB":
        return []
    if noun.dep_ == "nsubj" and (head.lemma_ in lex.cue("participation_verb") or (
            head.lemma_ in lex.cue("gathering_verb") and any(c.lower_ == "together" for c in head.children))):
        first = next((c for c in head.children if c.dep_ == "dobj"), None)
    elif noun.dep_ == "nsubjpass" and head.lemma_ == "attend":
        agent = next((c for c in head.children if c.dep_ == "agent"), None)
        first = syntax.pobj(agent) if agent is not None else None
    else:
        return []
    if first is None:
        return []
    parts = [first, *first.conjuncts]
    parts += [t for t in first.subtree if t.dep_ == "conj" and t.pos_ in ("PROPN", "NOUN") and t not in parts]
    return parts


def _trigger_lemma(doc: Doc, event: Mapping[str, Any]) -> str | None:
    """The lemma of an event's trigger (its last token: "talks")."""
    start, end = event["span"]
    span = doc.char_span(start, end, alignment_mode="expand")
    return span[-1].lemma_ if span is not None and len(span) else None


def _match_pattern(verb: Token, obj: Token | None, entry: Entry, table: dict[tuple[str, str, str], Entry] | None) -> Entry:
    """The most specific pattern of the verb's block that fits its object and prepositions; the
    object's own prepositions ("lifted a state of emergency") only together with the object."""
    if not table:
        return entry
    objects = [""] if obj is None else [obj.lower_, obj.lemma_, ""]
    own = _prep_keys(verb)
    inner = _prep_keys(obj) if obj is not None else []
    best: tuple[int, Entry] | None = None
    for o in objects:
        for p, po in [*own, *(inner if o else ()), ("", "")]:
            found = table.get((o, p, po))
            if found is not None:
                rank = bool(o) * 2 + bool(p) + bool(po)
                if best is None or rank > best[0]:
                    best = (rank, found)
    return best[1] if best else entry


def _prep_keys(token: Token) -> list[tuple[str, str]]:
    """(preposition, its object's form or lemma or "") for each preposition on ``token``."""
    preps: list[tuple[str, str]] = []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.pos_ == "ADP":
            pobj = syntax.pobj(child)
            preps.append((child.lower_, ""))
            if pobj is not None:
                preps[-1:] = [(child.lower_, pobj.lower_), (child.lower_, pobj.lemma_), (child.lower_, "")]
    return preps


def _topic_of_act(noun: Token, lex: Lexicon) -> bool:
    """Whether an event noun is only what a coded act is about: its object or the object of its
    preposition ("rejected X's demand", "an investigation into an allegation by X", "complained
    over two Israeli air raids"). That act is the event; the noun is its topic, not reported anew."""
    head = noun.head
    if head == noun or noun.dep_ not in ("dobj", "pobj"):
        return False  # ("an attack in Kabul killed 20": the subject of "killed" is its doer's act)
    if noun.dep_ == "pobj" and head.lower_ in en.SEQUENCE_WORDS | {"during", "amid"}:
        return False  # when another act happened ("searched homes after the attacks"), not its topic
    governor = head.head if noun.dep_ == "pobj" and head.pos_ == "ADP" and head.head != head else head
    return governor != noun and governor.pos_ in ("VERB", "NOUN") and _is_act(governor, lex)


def _violence_parties(noun: Token, entry: Entry, compounds: list[Token], nationals: list[Token],
                      lex: Lexicon) -> tuple[list[Token], list[Token]]:
    """The parties of a violent event noun (CAMEO 18-20) that names no possessor, no "by" agent and no
    target (issue 11, recall): its nationality adjective is the source ("Iranian shelling", "the
    Libyan assassinations"), and a place that modifies it alone is where the violence struck, its
    target ("the Paris attacks", "a London subway bombing"), not a venue as for a meeting. Else
    nothing: the caller then looks for the place named after the noun ("an attack in Kabul"). Not
    for the topic of another act (:func:`_topic_of_act`)."""
    if entry.code[:2] not in root_class("violent") or _topic_of_act(noun, lex):
        return [], []
    places = [c for c in compounds if c.ent_type_ == "GPE"]
    if nationals:
        return list(nationals), []
    if len(places) == 1 and len(compounds) == 1:
        if entry.code.startswith("195") or noun.lemma_ in lex.cue("strike_noun"):
            # "U.S. airstrikes", "a US missile strike": a strike from the air is a state's, the
            # country that modifies it is the striker (a place struck is named after the noun)
            return places, []
        return [], places
    return [], []


def military_strike_noun(noun: Token, lex: Lexicon) -> bool:
    """Whether a "strike" noun (cue ``strike_noun``, root class 14 like a protest) may be a military strike, so that
    the place that modifies it or that it is in is the one struck, not its doer ("The Syria strikes killed dozens",
    "Strikes in Syria killed 20 civilians"): any strike its own words do not call a labour strike (cue
    ``labour_strike`` in its subtree: "a general strike in Ecuador", whose people strike)."""
    return noun.lemma_.lower() in lex.cue("strike_noun") and not any(
        t.lemma_.lower() in lex.cue("labour_strike") for t in noun.subtree)


def _demonstration_parties(noun: Token, entry: Entry, compounds: list[Token], nationals: list[Token],
                           lex: Lexicon) -> list[Token]:
    """The doer of a protest or a show of force (the roots of class ``demonstrative``: CAMEO 14, 15) that
    names no possessor, no "by" agent and no target (issue 11, recall): its nationality adjective ("Iranian
    missile tests", "Chinese military exercises") or the one named place that modifies it ("the Hong Kong
    protests": the people of the place protest, docs/annotation.md section 4), not a name after "anti-"
    ("anti-China riots": what they are against, :data:`en.AGAINST_PREFIXES`), nor the place of a "strike" (cue
    ``strike_noun``: "the Syria strikes" are strikes on Syria, not by it; :func:`military_strike_noun`). Not for the topic of another
    act (:func:`_topic_of_act`)."""
    if entry.code[:2] not in root_class("demonstrative") or _topic_of_act(noun, lex):
        return []
    doc = noun.doc

    def against(token: Token) -> bool:
        before = doc[max(token.left_edge.i - 2, 0):token.left_edge.i]
        return any(t.lower_ in en.AGAINST_PREFIXES for t in before)

    if nationals:
        return [t for t in nationals if not against(t)]
    if military_strike_noun(noun, lex):
        return []  # "the Syria strikes": the place is the one struck, not the striker (a strike is also class 14)
    places = [c for c in compounds if c.ent_type_ == "GPE"]
    if len(places) == 1 and len(compounds) == 1 and not against(places[0]):
        return places
    return []
