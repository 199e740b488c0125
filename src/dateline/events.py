"""Events: who did what to whom, coded in CAMEO and PLOVER from the dependency parse (issue 4).

For every sentence the coder looks at verbs and event nouns whose lemma is in the lexicon
(:mod:`dateline.lexicon`): a verb's code comes from its most specific pattern (particle, object
head, preposition and its object) or else the verb's own code; an event noun ("a meeting between",
"talks with", "a visit to") has its own code. The source is the subject (the ``by`` agent of a
passive, the controller of an infinitive, the possessor of an event noun), the target the object or
the object of ``with``/``to``/``against``/``on``; conjoined actors give one event each. Actors are
resolved by :func:`dateline.actors.actor_ref`. PLOVER comes from :func:`codebook.cameo_to_plover`.

One event per verb phrase, as PETRARCH codes: what a coded act governs modifies it rather than
being a separate asserted act (:func:`_subordinate`): "agreed to lift embargoes on Iran" is one
AGREE aimed at Iran (the target of the intended act, :func:`_complement_targets`), with the lifting
kept as intended; a promise or plan of a hostile act is a threat (13x). Relative clauses and
participial modifiers are "reported" background. The complement of a speech verb is the event
("Libya has offered ..., a newspaper said"), its pronoun subject the speaker ("Hungary said it
will"); "X said Y must ..." is a request from X to Y, and a demand's target is the subject of
what is demanded. Coordinated modifiers ("Hungarian and Romanian officials") give one event per
actor; with no other target, a named place the act happens in is the target (CAMEO convention).
A target that names no actor is looked through ("fired at targets in Jericho"); a fronted phrase
("With the signing of ..., X agreed") is no target; a threat is aimed at whom its "if/unless"
binds; "A and B agreed" is one event per party (cue ``each_party``) while "A and B met" stays one
reciprocal event; a mediation "between A and B" is aimed at both. A protest with no target is
aimed at the first actor its purpose names ("a hunger strike to demand the resignation of X");
"allowed X to ..." acts on X; a violent act done by a weapon with no named actor ("a roadside
bombing near Samarra killed ...") has the unidentified armed forces of the place as source (UAF);
a later definite mention naming an event's parties ("the talks included X and Y") adds them to
the earlier event, with ``evidence`` pointing at the later sentence.

Every event carries ``negated`` and ``modality`` (asserted, intended, hypothetical, reported,
historical); only asserted, non-negated events are exported and scored by default. A future act
("will visit", "would pursue a summit") is kept as an intended event and also coded, as CAMEO does,
as an asserted intent (03x, or for a hostile act CAMEO's own threat: "will withdraw inspectors" is
136), when someone declares it; a conditional offer ("would meet X if ...") is an intent too, and
an announced refusal ("will not meet", "will no longer tolerate") a rejection (12x) unless a
warning already codes it as a threat.

CAMEO 01 statements and 02 appeals have no PLOVER type: their ``plover.event`` is
:data:`NO_PLOVER_EVENT`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .actors import actor_ref
from .codebook import cameo_to_plover
from .kb import TRANSNATIONAL, split_code
from .lexicon import Entry, Lexicon, load_lexicon
from . import syntax

__all__ = ["NO_PLOVER_EVENT", "code_doc", "make_events"]

#: ``plover.event`` of CAMEO 01/02 events, which PLOVER does not code: null (the schema allows
#: it); the CAMEO code is kept and the eval harness leaves such events out.
NO_PLOVER_EVENT: str | None = None
_TARGET_PREPS = ("with", "to", "against", "on", "toward", "towards", "into", "at", "from", "for", "over", "between",
                 "behind")  # "threw their support behind X", "stood behind X"
_NOUN_TARGET_PREPS = frozenset({"with", "to", "between", "against"})
#: Prepositions inside an object's phrase that name whom the act concerns ("an offer from Kabul").
_OBJECT_PREPS = frozenset({"from", "by", "with", "to", "against", "on", "for"})
#: Prepositions of the place an act happens in ("in Iraq"), a target of last resort.
_PLACE_PREPS = frozenset({"in", "into", "inside", "throughout", "across"})
#: Entity types of named places (a region such as "West Darfur State" or a city the model
#: tags LOC counts as much as a GPE: the actors stage gives it its country).
_PLACE_ENTS = frozenset({"GPE", "LOC"})
#: Prepositions followed below a target candidate that names no actor ("targets in Jericho").
_NESTED_PREPS = _OBJECT_PREPS | _PLACE_PREPS | {"against", "at", "of"}
#: Prepositions naming what a protest is against ("rallies against X", "a strike over a bill").
_PROTEST_PREPS = frozenset({"against", "over"})
#: Determiners of a definite mention ("the talks"), which can point back at an earlier event.
_DEFINITE = frozenset({"the", "these", "those", "that", "this"})
#: How many sentences back a definite mention may point for :func:`_later_participants`.
_LATER_MENTION = 3
#: CAMEO roots of violent acts (18 assault, 19 fight, 20 mass violence): done by a thing with
#: no named actor, their source is the unidentified armed forces of the place (:func:`_unattributed`).
_VIOLENT = frozenset({"18", "19", "20"})
#: Prepositions of where an act happened, for :func:`_unattributed`.
_WHERE_PREPS = frozenset({"in", "near", "outside", "at", "inside", "on"})
#: Entity types that name who did an act ("Israeli shelling"): such a cause is no unattributed attack.
_NAMING = frozenset({"GPE", "NORP", "ORG", "PERSON"})
#: Actor labels of places and nationalities (what :func:`_place_country` reads a country from).
_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})
#: CAMEO roots of hostile acts: intending one is a threat.
_HOSTILE = frozenset({"13", "14", "15", "16", "17", "18", "19", "20"})
#: CAMEO roots of cooperative acts (meet, cooperate, aid, yield): offering one is an intent (03x).
_COOPERATIVE = frozenset({"04", "05", "06", "07", "08"})
#: CAMEO roots of material (06-08: cooperate, aid, yield) and hostile (14-20) acts: they need a
#: political actor on at least one side (:func:`_political`), so "fight rising prices" is none.
_MATERIAL = frozenset({"06", "07", "08", "14", "15", "16", "17", "18", "19", "20"})
#: Intent codes for a future act, by CAMEO root (CAMEO's "will help" -> 033 convention).
_INTENT = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "10": "", "11": "", "12": "",
           "13": "", "14": "133", "15": "138", "16": "131", "17": "137", "18": "138", "19": "138", "20": "138"}
#: CAMEO's own threat for a promised hostile act where it has one (longest prefix first): "will
#: withdraw inspectors" (1662) is 136 Threaten to halt international involvement, "will impose a
#: curfew" (1723) 1323, "will cut aid" (162) 1311; other acts take their root's :data:`_INTENT`.
_THREAT = {"161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136",
           "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
           "191": "1381", "192": "1382", "204": "1385"}
_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "it", "its", "they", "them", "their"})
_PERSONAL = frozenset({"he", "she", "him", "her", "his"})
#: Sentences from which a text counts as a story for :func:`_political_story`.
_STORY_SENTENCES = 5
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DECADE = re.compile(r"\b(1[89]\d0|20[0-9]0)'?s\b")
#: "18 years ago", "two decades ago", "several years ago" (an unnamed count is taken as two or more).
_YEARS_AGO = re.compile(r"\b(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                        r"several|many|some|few|\w+teen|\w+ty)\s+(years?|decades?|centur(?:y|ies))\s+ago\b")
_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_WORLD_WAR = re.compile(r"\b(?:world war|ww\s?(?:i|ii|1|2)\b|(?:first|second) world war|napoleonic wars?)\b")

Side = dict[str, Any] | None


@Language.factory("dateline_events", requires=["doc._.actors"], assigns=["doc._.events"])
def make_events(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The events stage: codes ``doc._.events`` with the shipped lexicon."""
    lexicon = load_lexicon()
    return lambda doc: code_doc(doc, lexicon)


def code_doc(doc: Doc, lexicon: Lexicon | None = None) -> Doc:
    """Find, code and deduplicate the events of ``doc`` and store them in ``doc._.events``."""
    lex = lexicon or load_lexicon()
    events: list[dict[str, Any]] = []
    if lex.story_discards is not None and lex.story_discards.search(doc.text):
        doc._.events = events  # sports, entertainment: not political event data
        return doc
    if not _political_story(doc, lex):
        doc._.events = events  # a story naming no political actor: sports, arts, markets
        return doc
    seen: set[tuple[Any, ...]] = set()
    for index, sent in enumerate(doc.sents):
        if lex.sentence_discards is not None and lex.sentence_discards.search(sent.text):
            continue
        for event in _code_sentence(doc, sent, index, lex):
            key = _key(event)
            if key not in seen:
                seen.add(key)
                events.append(event)
    doc._.events = _later_participants(doc, events, lex)
    return doc


def _political_story(doc: Doc, lex: Lexicon) -> bool:
    """Whether a story can hold political events: a story of at least ``_STORY_SENTENCES``
    sentences must name an actor with a political role (a government, military, party, rebel,
    judiciary, IGO ... code: cue ``political_sector``). Sports, arts and business stories name
    teams, players and firms, whose nationality alone ("Italians", "England") is no state act.
    Shorter texts (a single sentence, a wire brief) are not judged: they carry no story context."""
    if sum(1 for _ in doc.sents) < _STORY_SENTENCES:
        return True
    sectors = lex.cue("political_sector")
    for actor in doc._.actors or []:
        code = actor.get("code") or ""
        if any(code[i:i + 3].lower() in sectors for i in range(0, len(code), 3)):
            return True
    return False


# ---------------------------------------------------------------------------------------------
# Sentences


def _code_sentence(doc: Doc, sent: Span, index: int, lex: Lexicon) -> Iterable[dict[str, Any]]:
    verbs, nouns = lex.verb_lemmas, lex.noun_heads
    for token in sent:
        pos = token.pos_
        if pos == "VERB" and token.lemma_ in verbs:
            yield from _verb_events(doc, token, index, lex)
        elif pos == "NOUN" and (token.lemma_ in nouns or token.lemma_ in lex.cue("event_frame")):
            yield from _noun_events(doc, token, index, lex)


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
    <noun>" ("hunger strike"), then the noun; a ``governed`` noun only behind a light verb."""
    governor = _light_governor(noun, lex)
    if governor is not None:
        found = lex.nouns.get(f"{governor.lemma_} {noun.lemma_}")
        if found is not None:
            return found
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod"):
            found = lex.nouns.get(f"{child.lower_} {noun.lemma_}")
            if found is not None:
                return found
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
    if entry is None or (entry.governed and governor is None):
        return None
    return entry


def _verb_entry(verb: Token, lex: Lexicon) -> Entry | None:
    """The coded entry of a verb (particle, then bare verb, refined by its patterns), or None."""
    if verb.pos_ != "VERB" or verb.lemma_ not in lex.verb_lemmas:
        return None
    particle = _particle(verb)
    found = lex.verbs.get((verb.lemma_, particle)) if particle else None
    phrasal = found is not None
    if found is None:
        found = lex.verbs.get((verb.lemma_, ""))
    if found is None:
        return None
    entry, block = found
    obj = syntax.direct_object(verb)
    if obj is not None and not phrasal and verb.lemma_ in lex.cue("light_verb") and _noun_entry(obj, lex) is not None:
        # "held talks with": the noun is the event; not a phrasal verb ("called off a strike")
        return None
    if not phrasal and _names(verb, lex):
        return None  # "what they called an escalating pattern": naming, not an appeal
    entry = _match_pattern(verb, obj, entry, lex.patterns.get(block))
    if entry.code[:2] in ("02", "10") and _claims(verb, lex):
        return None  # "insisted that Trump would recognize ...": a claim (said so), not a demand
    if entry.code[:2] == "03" and verb.lemma_ in lex.cue("opinion_verb") and _states_fact(verb):
        return None  # "agencies agree Russia was behind the hacks": a shared opinion, no commitment
    if verb.lemma_ in lex.cue("intransitive_act") and any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
        return None  # "demonstrated that through history", "demonstrated its resolve": showing, no protest
    return entry if entry.code else None


def _particle(verb: Token) -> str:
    """The verb's particle: a ``prt`` child, or an adverb the parser hung on the verb right after
    it ("back away from", "back down"), which the lexicon names as a phrasal verb."""
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
    for clause in verb.children:
        if clause.dep_ != "ccomp" or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
            continue
        auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in obliging for a in auxes):
            return False
        if clause.tag_ in ("VBD", "VBZ") or any(a.tag_ in ("VBD", "VBZ", "MD") for a in auxes):
            return True
        if any(t.lemma_ == "be" and t.tag_ == "VBP" for t in (clause, *auxes)):
            return True  # "insists both countries are on the same page": the subjunctive is "be"
    return False


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


def _subordinate(verb: Token, lex: Lexicon) -> str | None:
    """The modality of a verb that is not a separate asserted act, or None for a main act.

    Relative clauses and participial modifiers of nouns ("nationals suspected of blowing up a
    plane") describe, they do not report: "reported". Under a coded act, an infinitival complement
    or purpose ("agreed to lift", "sent troops to help") is "intended"; a clausal complement
    ("demanded that X provide") is intended too for a request, else "reported"; a participial
    adjunct ("..., killing 20") is "reported". Complements of speech verbs ("said it would") and
    adverbial clauses with their own conjunction ("resigned as the opposition threatened") are
    main acts.
    """
    token = verb
    while token.dep_ == "conj" and token.head != token:
        token = token.head  # coordinated verbs share the status of the first
    link, head = token.dep_, token.head
    if head == token:
        return None
    if link in ("relcl", "acl"):
        if any(c.lower_ == "that" and c.dep_ in ("advmod", "mark") for c in token.children):
            return None  # "said at the time that X had canceled": a complement clause parsed as relative
        return "reported"
    if link in ("pcomp", "pobj") and head.pos_ == "ADP" and head.head != head and head.lower_ != "by":
        # ("broke sanctions by allowing rice in": the means is the act itself)
        governor = head.head
        if head.lower_ in ("at", "toward", "towards") and governor.lemma_ in lex.cue("intent_verb"):
            return "intended"  # "talks aimed at ending the war": the aim, not an act of its own
        if governor.pos_ in ("NOUN", "PROPN") or (governor.pos_ == "VERB" and _is_act(governor, lex)):
            return "intended" if head.lower_ in ("to", "for") else "reported"
        return None
    if link not in ("xcomp", "ccomp", "advcl") or not _is_act(head, lex):
        return None
    if link == "advcl" and any(c.dep_ == "mark" and c.lower_ != "to" for c in token.children):
        return None
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    if link == "xcomp" or infinitive:
        return "intended"
    if link == "ccomp":
        entry = _verb_entry(head, lex) if head.pos_ == "VERB" else None
        return "intended" if entry is not None and entry.code[:2] in ("02", "10") else "reported"
    return "reported" if token.tag_ == "VBG" else None


def _conditional_threat(verb: Token, entry: Entry, lex: Lexicon) -> bool:
    """Whether a verb announces a hostile act on a condition: a future or possible act
    ("will boycott", "may halt") of a hostile root (not itself a threat) whose own clause has an
    "if"/"unless" clause, the verb not being inside one."""
    if entry.code[:2] not in _HOSTILE or entry.code[:2] == "13":
        return False
    conditions = lex.cue("condition")
    if any(c.dep_ == "mark" and c.lower_ in conditions for c in verb.children):
        return False  # the condition itself ("if it is attacked")
    if not any(c.dep_ == "aux" and c.lower_ in lex.cue("future") | lex.cue("possible") for c in verb.children):
        return False
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


def _verb_events(doc: Doc, verb: Token, index: int, lex: Lexicon) -> Iterable[dict[str, Any]]:
    entry = _verb_entry(verb, lex)
    if entry is None or _not_an_act(verb, lex):
        return
    obj = syntax.direct_object(verb)
    if _asks_question(verb, obj, lex) or _moves_a_thing(doc, verb, obj, lex):
        return
    speech = verb.lemma_ in lex.cue("speech_verb")
    if speech and entry.code[:2] != "01":
        speech = False
    sources, targets = _verb_roles(doc, verb, obj, lex, speech=speech)
    if _imperative(verb) and not any(side is not None and side.get("code") for side in (*sources, *targets)):
        return  # boilerplate addressed to the reader: "Enlarge this image"
    if entry.passive:
        sources, targets = targets, sources
    if not sources and entry.code[:2] in _VIOLENT:
        sources = _unattributed(doc, verb, lex)  # "a roadside bombing near Samarra killed ..."
    negated, modality = _modality(verb, lex, doc)
    if modality == "asserted" and _agentless_state(doc, verb, lex):
        return  # (a pending or reported passive keeps its modality: "until demands are met")
    subordinate = _subordinate(verb, lex) if modality == "asserted" and not negated else None
    modality = subordinate or modality
    complement = _complement(verb)
    if complement is None and verb.lemma_ in lex.cue("intent_verb"):
        complement = _purpose(verb)  # "have sworn to fight": the parser hangs the vow's act as advcl
    if complement is not None and not entry.passive:
        if not targets:
            targets = _complement_targets(doc, complement, lex, sources)
        entry = _intent_of(verb, entry, complement, lex)
    purpose = _purpose(verb)
    if not targets and purpose is not None and not entry.passive:
        targets = _complement_targets(doc, purpose, lex, sources)  # "struck to protest Sweden's decision"
    if not targets and not entry.passive and entry.code[:2] == "13":
        targets = _condition_targets(doc, verb, lex, sources)  # "threatened to ... unless Baghdad accepted"
    if not targets and not entry.passive and entry.code[:2] == "14":
        targets = _protest_targets(doc, [verb], lex, sources)  # "rioted in protest at X's decision"
    if not any(t is not None and t.get("code") for t in targets) and not entry.passive and not _meets(entry.code):
        # no target, or only an uncoded one ("lifted a state of emergency in West Darfur")
        targets = _place_targets(doc, verb, lex, sources) or targets
    if speech and not negated:
        yield from _demand_in_statement(doc, verb, index, sources, lex)
    declare = subordinate is None and not _obliged(verb, lex) and not _aim(verb, lex)
    yield from _emit(doc, verb, index, entry, sources, targets, negated, modality, lex, declare=declare)
    if not negated and subordinate is None and _conditional_threat(verb, entry, lex):
        # "will withdraw its force unless X arranges a ceasefire": a hostile act promised on a
        # condition is a threat (CAMEO 13, PLOVER THREATEN) aimed at whom the condition binds
        threat = Entry(_intent_code(entry.code) or "130")
        yield from _emit(doc, verb, index, threat, sources, _condition_targets(doc, verb, lex, sources) or targets,
                         False, "asserted", lex, declare=False)


def _meets(code: str) -> bool:
    """Whether a CAMEO code is a meeting between parties (04 but for visits, 042/043): where it is
    held is its venue, not a party ("negotiating in Morocco", "met in Rawalpindi"; CAMEO 044
    'meet at a third location'); a place visited is the host, though ("arrived in Amman")."""
    return code[:2] == "04" and code[:3] not in ("042", "043")


def _unattributed(doc: Doc, verb: Token, lex: Lexicon) -> list[Side]:
    """The source of a violent act done by a thing, not an actor ("a roadside bombing near
    Samarra killed ...", "killed by an improvised explosive device outside Basra"): CAMEO codes
    the unidentified armed forces (UAF) of the country where it happened. The cause is the
    subject, the passive agent or an attack noun the act happened in ("killed in a bombing");
    the country is that of the first place named in the cause's phrase, else in the verb's own
    prepositions. None when the cause names an actor or no place is named."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    cause: Token | None = None
    if not passive:
        cause = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    else:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        cause = syntax.pobj(agent) if agent is not None else None
        if agent is None:
            for child in verb.children:
                pobj = syntax.pobj(child) if child.dep_ == "prep" and child.lower_ == "in" else None
                found = lex.nouns.get(pobj.lemma_) if pobj is not None else None
                if found is not None and found.code[:2] in _VIOLENT:
                    cause = pobj  # "killed in a bombing"
    if cause is None or cause.pos_ != "NOUN" or cause.ent_type_ or cause.lower_ in lex.agents or cause.lemma_ in lex.agents:
        return []
    instruments = lex.violent_instruments
    violent = [t for t in (cause, *(c for c in cause.children if c.dep_ in ("compound", "amod")))
               if t.lemma_ in instruments or t.lower_ in instruments
               or (t.lemma_ in lex.nouns and lex.nouns[t.lemma_].code[:2] in _VIOLENT)]
    if not violent:
        return []  # "trading volume hit a record", "a fire killed": no weapon, no attack
    start, end = syntax.phrase_span(cause)
    named = doc.char_span(start, end, alignment_mode="expand")
    if actor_ref(doc, start, end) is not None or any(
            t.ent_type_ in _NAMING or (t != cause and t.lemma_ in lex.agents) for t in named or []):
        return []  # the cause names its actor ("Israeli shelling", "rebel attacks", "coalition airstrikes")
    scopes = [cause, *(c for c in verb.children if c.dep_ == "prep" and c.lower_ in _WHERE_PREPS)]
    for scope in scopes:
        country = _place_country(doc, scope)
        if country is not None:
            code = f"{country}UAF"
            country_code, sector = split_code(code)
            return [{"text": doc.text[start:end], "code": code, "country": country_code, "sector": sector,
                     "evidence": f"unattributed attack: unidentified armed forces of {country}, "
                                 "where it happened (CAMEO UAF)"}]
    return []


def _place_country(doc: Doc, scope: Token) -> str | None:
    """The country of the first named place (GPE, LOC, or a nationality: "the Iraqi city of
    Basra") mentioned in the token's subtree, from the actors stage."""
    start = scope.left_edge.idx
    end = scope.right_edge.idx + len(scope.right_edge.text)
    places = sorted((m["start"], actor) for actor in doc._.actors or [] for m in actor.get("mentions") or []
                    if start <= m["start"] and m["end"] <= end and actor.get("label") in _PLACE_LABELS)
    for _, actor in places:
        country, _sector = split_code(actor.get("code"))
        if country is not None and country not in TRANSNATIONAL:
            return country
    return None


def _not_an_act(verb: Token, lex: Lexicon) -> bool:
    """Whether a coded verb describes rather than acts, whatever its arguments: a participle used
    as an adjective ("were worst-hit", "is disappointed" parsed as acomp/amod), a present-tense
    verb with a habitual adverb ("the EU always seeks consensus": a disposition), or a subject
    clause opened by a question word ("How it interacts with the Commons is important")."""
    if verb.tag_ == "VBN" and verb.dep_ in ("acomp", "amod"):
        return True
    if verb.tag_ in ("VBN", "VBD") and any(c.dep_ == "det" for c in verb.children):
        return True  # a participle used as a noun: "evacuated the wounded"
    if verb.tag_ == "VBN" and verb.dep_ == "conj" and verb.head.pos_ == "ADJ":
        return True  # coordinated with an adjective: "once secular and opposed to the settlements"
    if verb.lemma_ in lex.cue("reaction_passive") and any(c.dep_ == "nsubjpass" for c in verb.children) and not any(
            c.dep_ == "agent" for c in verb.children) and any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return True  # "any attack would be met with force": a response, not a meeting
    if verb.lemma_ in lex.cue("arrival_verb") and _troops_subject(verb, lex):
        return True  # "peacekeeping troops arrived in Bosnia": a deployment, not a visit (CAMEO 042)
    if syntax.present_tense(verb) and any(c.dep_ == "advmod" and c.lower_ in lex.cue("habitual") for c in verb.children):
        return True
    return verb.dep_ == "csubj" and any(c.dep_ in ("advmod", "mark") and c.lower_ in lex.cue("indirect_question")
                                        for c in verb.children)


def _troops_subject(verb: Token, lex: Lexicon) -> bool:
    """Whether the verb's subject phrase names armed units ("a first patch of Bangladeshi
    peacekeeping troops", cue ``troop_noun``), not a delegation or an official."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    return any(t.lemma_.lower() in lex.cue("troop_noun") or t.lower_ in lex.cue("troop_noun")
               for t in subject.subtree if t.pos_ == "NOUN")


_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


def _asks_question(verb: Token, obj: Token | None, lex: Lexicon) -> bool:
    """Whether a question verb ("ask", "inquire") asks a question rather than appeals: its object
    is a question noun ("asked questions"), or its clausal complement is a wh-question ("asked
    why ..."), a yes/no question ("asked whether ...") or a quoted question ending in "?".
    Only a request of something ("asked Iran to ...", "asked for aid") is a CAMEO 02 appeal."""
    if verb.lemma_ not in lex.cue("question_verb"):
        return False
    if obj is not None and obj.lemma_ in lex.cue("question_noun"):
        return True
    for clause in verb.children:
        if clause.dep_ not in ("ccomp", "parataxis"):
            continue
        if any(c.dep_ == "mark" and c.lower_ in lex.cue("question_mark") for c in clause.children):
            return True  # "asked whether/if ..."
        words = [t for t in clause.subtree if not t.is_punct]
        if words and words[0].tag_ in _WH_TAGS:
            return True  # "asked what would Reagan do", "asked why ..."
        # a quoted question: its "?" ends the clause, attached to the clause or to the verb
        following = [t for t in verb.doc[clause.right_edge.i + 1:verb.sent.end] if t.text not in ('"', "”", "'", "’")]
        if clause.right_edge.text == "?" or (following and following[0].text == "?"):
            return True
    return False


def _moves_a_thing(doc: Doc, verb: Token, obj: Token | None, lex: Lexicon) -> bool:
    """Whether a verb that presses an actor ("pushed Iran to accept talks") or for something
    ("pushed for sanctions") instead moves a thing ("push the dollar one way", "pushed the bill
    through"): its direct object is no actor, so there is no act between actors."""
    if verb.lemma_ not in lex.cue("actor_object") or obj is None or obj.dep_ not in ("dobj", "dative"):
        return False
    side = _side(doc, obj, lex)
    return side is None


def _imperative(verb: Token) -> bool:
    """Whether the verb is a sentence-initial imperative ("Enlarge this image"): a bare verb
    heading its sentence with no subject or auxiliary, first after any opening punctuation."""
    if verb.dep_ != "ROOT" or verb.tag_ != "VB":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "aux", "auxpass") for c in verb.children):
        return False
    return all(t.is_punct for t in verb.doc[verb.sent.start:verb.i])


def _agentless_state(doc: Doc, verb: Token, lex: Lexicon) -> bool:
    """Whether the verb is a passive with no agent whose subject is no political actor ("the
    terminal had been stalled because of ...", "the waitress is disappointed in the vote"): a
    state of a thing or a private person, not an act between political actors."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or any(c.dep_ == "agent" for c in verb.children):
        return False
    return not any(_political(side, lex) for side in _sides(doc, [subject], lex))


def _identified(side: Side) -> bool:
    """Whether an actor is known to the actors stage: it has a CAMEO code or a country."""
    return side is not None and bool(side.get("code") or side.get("country"))


def _political(side: Side, lex: Lexicon) -> bool:
    """Whether an actor is a political one: it has a country, or an IGO/NGO code (cue
    ``political_actor``) or a political sector ("GOV", "MIL": cue ``political_sector``); not a
    firm, a civilian, a private person or an unresolved name."""
    if side is None:
        return False
    if side.get("country"):
        return True
    code = (side.get("code") or "").lower()
    political = lex.cue("political_actor") | lex.cue("political_sector")
    return any(code[i:i + 3] in political for i in range(0, len(code), 3))


def _noun_events(doc: Doc, noun: Token, index: int, lex: Lexicon) -> Iterable[dict[str, Any]]:
    if noun.lemma_ == "talk" and noun.tag_ != "NNS":
        return  # "talk" in the singular is speech, not negotiation
    entry = _noun_entry(noun, lex)
    if entry is None:
        return
    # Hostile acts name their target with "on"/"into" ("sanctions on Iran", "an inquiry into"),
    # attacks also with "of" ("the invasion of Lebanon"); talks "on trade" name a topic.
    preps = set(_NOUN_TARGET_PREPS)
    if entry.code[:2] in _HOSTILE or entry.code[:2] == "09":
        preps |= {"on", "into"}
    if entry.code[:2] in ("18", "19", "20"):
        preps.add("of")
    sources: list[Token] = []
    targets: list[Token] = []
    compounds: list[Token] = []
    nationals: list[Token] = []
    for child in noun.children:
        if child.dep_ == "poss":
            sources.append(child)
        elif child.dep_ == "compound" and child.ent_type_ in ("PERSON", "GPE", "NORP", "ORG"):
            compounds.append(child)
        elif child.dep_ == "amod" and child.ent_type_ == "NORP" and child.i < noun.i:
            nationals.append(child)
        elif child.dep_ == "prep" and child.lower_ in preps:
            pobj = syntax.pobj(child)
            if pobj is None:
                continue
            if child.lower_ == "between" and not entry.reciprocal:
                # "a mediation effort between A and B": a third party acts on both
                targets.extend([pobj, *pobj.conjuncts])
            elif child.lower_ == "between":
                parts = [pobj, *pobj.conjuncts]
                sources.append(parts[0])
                targets.extend(parts[1:])
            else:
                targets.append(pobj)
        elif child.dep_ == "prep" and child.lower_ == "of" and not targets:
            # "a suspension of air links with Serbia": the target hangs on what is suspended
            pobj = syntax.pobj(child)
            inner = [syntax.pobj(g) for g in pobj.children if g.dep_ == "prep" and g.lower_ in preps] if pobj is not None else []
            targets.extend(t for t in inner[:1] if t is not None)
        elif child.dep_ == "prep" and child.lower_ == "by":
            pobj = syntax.pobj(child)
            if pobj is not None:
                sources.append(pobj)
    if not sources and not targets:
        # "the Trump-Kim summit", "U.S.-China talks"; a lone place ("the Singapore meeting") is where
        sources = [c for c in compounds if c.ent_type_ != "GPE" or len(compounds) > 1]
    elif not sources:
        # "Palestinian riots against Israeli policies": a named modifier other than a place acts on
        # the named target (with no target, "opposed French mediation" names no act between actors)
        sources = [c for c in compounds if c.ent_type_ != "GPE"] + nationals
    head = noun.head
    governing = lex.cue("light_verb") | lex.cue("intent_verb")
    light = _light_governor(noun, lex)
    if not sources and head != noun:
        governor = head.head if noun.dep_ == "pobj" and head.pos_ == "ADP" else head
        parts = _participants(noun, lex)
        if parts:  # "talks including X and Y": the parties meet each other
            sources.append(parts[0])
            targets.extend(parts[1:])
        elif light is not None or (noun.dep_ == "dobj" and head.lemma_ in governing) or (
                noun.dep_ == "pobj" and governor.pos_ in ("VERB", "AUX")
                and (head.lower_ in ("on", "during", "after", "before") or (head.lower_ == "to" and governor.lemma_ in governing))):
            # "held talks with", "sanctions were imposed by", "on a visit to Beijing, he said":
            # the governor's subject (or passive agent) acts
            governor = light or governor
            subject = syntax.subject(governor)
            if subject is not None and subject != noun:
                sources.append(subject)
            if _measured(noun).dep_ in ("dobj", "nsubjpass") and not targets:
                targets.extend(_governor_targets(governor, preps))
    negated, modality = _noun_modality(noun, lex, doc)
    source_sides, target_sides = _sides(doc, sources, lex), _sides(doc, targets, lex)
    if entry.code[:2] == "14" and not target_sides and not (noun.dep_ == "pobj" and head.lower_ == "in"):
        # "began a hunger strike to demand the resignation of X", "a strike in protest of X's
        # refusal": a protest is aimed at whom its purpose names, on the noun or its verb (not
        # "in protest" itself, the manner of another act)
        heads = [noun] if head == noun or head.pos_ not in ("VERB", "AUX") else [noun, head]
        target_sides = _protest_targets(doc, heads, lex, source_sides)
    if light is not None and source_sides and not target_sides and entry.code[:2] not in ("04",):
        # "imposed a curfew in Algiers": the country acted in (CAMEO's convention)
        target_sides = _place_targets(doc, light, lex, source_sides)
    if not source_sides and not target_sides:
        return
    yield from _emit(doc, noun, index, entry, source_sides, target_sides, negated, modality, lex)


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


def _later_participants(doc: Doc, events: list[dict[str, Any]], lex: Lexicon) -> list[dict[str, Any]]:
    """Parties named in a later definite mention of an event ("Choe attended talks in Stockholm.
    ... the talks included U.S. envoy Biegun and Swedish Foreign Minister Wallstroem") join the
    earlier event: one reciprocal event between its source and each party, on the earlier
    event's sentence and trigger, with ``evidence`` pointing at the later mention; the earlier
    event with no target is then replaced by them."""
    replaced: set[int] = set()
    added: dict[int, list[dict[str, Any]]] = {}
    seen = {_key(e) for e in events}
    for later_index, sent in enumerate(doc.sents):
        for noun in sent:
            if noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children):
                continue
            parts = _participants(noun, lex)
            if not parts:
                continue
            earlier = [(i, e) for i, e in enumerate(events)
                       if later_index - _LATER_MENTION <= e["sentence"] < later_index and e["source"] is not None
                       and not e["negated"] and _trigger_lemma(doc, e) == noun.lemma_]
            if not earlier:
                continue
            position, event = earlier[-1]  # the nearest earlier mention
            parties = [p for p in _sides(doc, parts, lex)
                       if not any(_same(p, other) for other in (event["source"], event["target"]))]
            head = noun.head
            clause = doc[min(noun.left_edge.i, head.left_edge.i):max(noun.right_edge.i, head.right_edge.i) + 1]
            evidence = {"kind": "later_mention", "sentence": later_index,
                        "span": [clause.start_char, clause.end_char], "text": clause.text}
            for party in parties:
                joined = {**event, "target": party, "reciprocal": True, "evidence": evidence}
                key = _key(joined)
                if key not in seen:
                    seen.add(key)
                    added.setdefault(position, []).append(joined)
                    if event["target"] is None:
                        replaced.add(position)
    # each joined event right after the one it extends, so sentence order holds
    out: list[dict[str, Any]] = []
    for position, event in enumerate(events):
        if position not in replaced:
            out.append(event)
        out.extend(added.get(position, []))
    return out


def _trigger_lemma(doc: Doc, event: dict[str, Any]) -> str | None:
    """The lemma of an event's trigger (its last token: "talks")."""
    start, end = event["span"]
    span = doc.char_span(start, end, alignment_mode="expand")
    return span[-1].lemma_ if span is not None and len(span) else None


def _governor_targets(governor: Token, preps: set[str]) -> list[Token]:
    """The target of an event noun named on its light verb: "held talks with X", "imposed
    sanctions on X", "gave X aid" (the dative), the first that fits."""
    for child in governor.children:
        if child.dep_ == "dative" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return [child]
    for child in governor.children:
        if child.dep_ in ("prep", "dative") and (child.lower_ in preps or child.lower_ in ("with", "to", "between")):
            pobj = syntax.pobj(child) or _stranded_object(child)
            if pobj is not None:
                return [pobj]
    return []


def _stranded_object(prep: Token) -> Token | None:
    """The object of a preposition the parser left without one because a reduced relative follows
    ("granted asylum to five officers holed up in ...": "officers" parsed as the subject of
    "holed"): the subject of a clause on the same governor that starts right after the preposition."""
    following = prep.i + 1
    for clause in prep.children:
        # "spoke with Merkel to express condolences": the parser made "Merkel to express ..." a
        # clause under the preposition; its subject right after the preposition is the object
        if clause.dep_ == "pcomp" and clause.pos_ in ("VERB", "AUX"):
            for subject in clause.children:
                if subject.dep_ in ("nsubj", "nsubjpass") and subject.left_edge.i == following:
                    return subject
    for clause in prep.head.children:
        if clause.pos_ != "VERB" or clause.i <= prep.i:
            continue
        for subject in clause.children:
            if subject.dep_ in ("nsubj", "nsubjpass") and subject.left_edge.i == following:
                return subject
    return None


# ---------------------------------------------------------------------------------------------
# Roles


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


def _verb_roles(doc: Doc, verb: Token, obj: Token | None, lex: Lexicon, *, speech: bool) -> tuple[list[Side], list[Side]]:
    """Resolved sources and targets of a verb: the subject; the object, else the first
    prepositional object (in :data:`_TARGET_PREPS` order), else an actor inside the object's own
    phrase ("rejected an offer from Kabul"), else for a request the subject of what is requested
    ("demanded that Iraq ..."). A named actor is preferred to an unnamed group ("officials")."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    subject = syntax.subject(verb)
    inverted = _inverted_subject(verb)
    if inverted is not None:
        # "The plan is dead, warned Russia's president": the reporter follows its verb
        subject, obj = inverted, None
    stative = _stative_subject(verb, lex)
    if stative is not None:
        # "Israel is opposed to French mediation": the subject holds the stance, the "to" phrase
        # is what it is aimed at
        passive, subject, obj = False, stative, None
    sources: list[Side] = []
    if subject is not None and not (passive and subject.dep_ == "nsubjpass"):
        sources = _sides(doc, [subject], lex)
    if speech:
        said = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None)
        targets = _sides(doc, _first_actor_tokens(doc, said, exclude=subject), lex) if said is not None else []
        return sources, [t for t in targets if not any(_same(t, s) for s in sources)]
    theme = _moves_theme(verb, obj, lex) or _fires_weapon(verb, obj, lex)
    candidates = _target_candidates(verb, obj, theme=theme)
    candidates.extend(t for t in _controlled_candidates(verb, obj, lex) if t not in candidates)
    entry = _verb_entry(verb, lex)
    if entry is not None and entry.code[:2] == "11":
        candidates = _complained_of(verb, candidates)
    if entry is not None and entry.code[:2] in ("02", "10"):
        for clause in verb.children:
            if clause.dep_ == "ccomp":
                candidates.extend(c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass"))
        # the content clause of a demand noun: "insisted on its demands that Burundi's government
        # grant ...", "renewed its call that Iraq withdraw": who is to act is whom it is aimed at
        for noun in list(candidates):
            for clause in noun.children:
                if clause.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
                    candidates.extend(c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c not in candidates)
    unnamed: list[Side] = []
    sector_only: list[Side] = []
    # Nothing country-coded among the direct arguments: look one or two prepositions deeper
    # ("fired at targets in Jericho", "contribute troops to a force in Liberia", "mobilized
    # reservists for a war against Iraq"), a coded actor there beating an unnamed group nearer
    # the verb, and a country-coded one beating a sector-only one ("troops" -> MIL) nearer it.
    for candidate in [*candidates, *_nested_candidates(candidates)]:
        if _owned_by_source(doc, candidate, sources, lex):
            continue  # "withdrew its troops": what the source owns is not what it acts on
        targets = [t for t in _sides(doc, [candidate], lex) if not any(_same(t, s) for s in sources)]
        if targets and targets[0] is not None and targets[0].get("code") is not None:
            if targets[0].get("country") is not None:
                return sources, targets
            if not sector_only:
                sector_only = targets
        elif targets and not unnamed and candidate in candidates:
            unnamed = targets
    return sources, sector_only or unnamed


#: Prepositions that aim a weapon ("fire against", "rockets at", "bombs on", "shells into").
_AIMING_PREPS = frozenset({"against", "at", "on", "into"})


def _fires_weapon(verb: Token, obj: Token | None, lex: Lexicon) -> bool:
    """Whether the direct object is the weapon used, aimed at someone named by a preposition
    ("launched artillery, mortar and rocket fire against guerrilla camps", "fired rockets at
    X"): each conjunct is (or is modified by) an instrument of CAMEO's violent patterns, and an
    aiming preposition hangs on the verb or the object; the weapon is then no target. Without one
    ("destroyed three Iraqi tanks") the object stays the target."""
    if obj is None or obj.dep_ != "dobj":
        return False
    instruments = lex.violent_instruments
    items = [obj, *obj.conjuncts]
    if not all(t.lemma_ in instruments or t.lower_ in instruments or any(
            c.dep_ == "compound" and (c.lemma_ in instruments or c.lower_ in instruments) for c in t.children)
            for t in items):
        return False
    return any(c.dep_ == "prep" and c.lower_ in _AIMING_PREPS and syntax.pobj(c) is not None
               for t in (verb, *items) for c in t.children)


def _inverted_subject(verb: Token) -> Token | None:
    """The subject of a reporting clause in quotative inversion ("The plan is dead, warned
    Russia's president"; "Those moves, warned the Palestinian leadership, would sink ..."),
    which the parser reads as an object: the verb follows a comma or closing quote, reports an
    unmarked content clause, and either has no subject of its own or has taken the content
    clause's subject (the clause has none). Else None."""
    if verb.i == verb.sent.start or verb.doc[verb.i - 1].text not in (",", '"', "”", "'", "’"):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    content = [c for c in verb.children if c.dep_ == "ccomp" and not any(m.dep_ == "mark" for m in c.children)]
    if obj is None or not content or obj.pos_ not in ("PROPN", "NOUN"):
        return None
    has_subject = any(c.dep_ in syntax.SUBJECTS for c in verb.children)
    if has_subject and all(any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children) for c in content):
        return None  # "Officials, however, warned Iran the deal is off"
    return obj


def _stative_subject(verb: Token, lex: Lexicon) -> Token | None:
    """The subject of an adjectival passive of attitude ("Israel is opposed to X", "is committed
    to", "is determined to"): a participle of the lexicon's ``attitude_participle`` cue after "be"
    with no "by" agent, whose subject holds the stance; else None."""
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in lex.cue("attitude_participle"):
        return None
    if any(c.dep_ == "agent" for c in verb.children):
        return None  # "was opposed by X": a real passive
    if not any(c.dep_ == "auxpass" and c.lemma_ == "be" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _moves_theme(verb: Token, obj: Token | None, lex: Lexicon) -> bool:
    """Whether the verb's direct object is the theme of a transfer or movement ("offered its
    troops to Lebanon", "withdraw troops from Lebanon", cue ``transfer_verb``) rather than whom
    the act is aimed at. A dative object ("offered Iran talks") or a "with" phrase naming the
    theme ("supplied the rebels with arms") leaves the object as the recipient."""
    if obj is None or obj.dep_ != "dobj":
        return False
    cues = lex.cue("transfer_verb")
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    if verb.lemma_.lower() not in cues and (particle is None or f"{verb.lemma_.lower()} {particle}" not in cues):
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "with" and c.i > obj.i for c in verb.children)


def _owned_by_source(doc: Doc, token: Token, sources: list[Side], lex: Lexicon) -> bool:
    """Whether the token is the sources' own unnamed part ("its troops", "Syria's forces"): its
    possessor is a source and the phrase names no entity of its own (unlike "its European
    Community partners", another actor)."""
    poss = next((c for c in token.children if c.dep_ == "poss"), None)
    if poss is None:
        return False
    owner = _side(doc, poss, lex)
    if owner is None or not any(_same(owner, s) for s in sources):
        return False
    start, end = syntax.phrase_span(token)
    own = [t for t in doc.char_span(start, end, alignment_mode="expand") or [] if t not in set(poss.subtree)]
    return not any(t.pos_ == "PROPN" for t in own)


def _target_candidates(verb: Token, obj: Token | None, *, theme: bool = False) -> list[Token]:
    """The verb's possible targets nearest first: the object, the objects of its prepositions (in
    :data:`_TARGET_PREPS` order), then those of prepositions on the object ("an offer from
    Kabul"). A prepositional phrase fronted before the verb ("With the signing of the accord, X
    agreed") sets the scene and names no target. ``theme``: the object is what is moved
    ("sent troops to Liberia"), never the target; only its prepositions are looked at."""
    candidates: list[Token] = []
    recipient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None) if obj is not None and obj.dep_ == "dobj" else None
    if recipient is not None and recipient.pos_ in ("PROPN", "NOUN", "PRON"):
        # a passive with an object left ("Modi will be given a visa"): the subject is the recipient
        candidates.append(recipient)
    if obj is not None and obj.pos_ in ("PROPN", "NOUN", "PRON") and not theme:
        candidates.append(obj)
    preps = [c for c in verb.children if c.dep_ in ("prep", "dative") and c.i > verb.i]
    for name in _TARGET_PREPS:
        for prep in preps:  # every one of a repeated preposition ("for new EU members for two years")
            if prep.lower_ != name:
                continue
            pobj = syntax.pobj(prep)
            if pobj is None or pobj.pos_ in ("VERB", "AUX"):
                pobj = _stranded_object(prep) or pobj
            if pobj is not None and pobj.pos_ in ("PROPN", "NOUN", "PRON"):
                candidates.append(pobj)
    # a weapon object is aimed "at" or "into" its target ("rockets at X"), as well
    object_preps = _OBJECT_PREPS | {"at", "into"} if theme else _OBJECT_PREPS
    if obj is not None and obj.dep_ != "nsubjpass":
        for item in (obj, *obj.conjuncts):
            for child in item.children:
                if child.dep_ == "prep" and child.lower_ in object_preps:
                    pobj = syntax.pobj(child)
                    if pobj is not None and pobj.pos_ in ("PROPN", "NOUN") and pobj not in candidates:
                        candidates.append(pobj)
    return candidates


def _complained_of(verb: Token, candidates: list[Token]) -> list[Token]:
    """For disapproval (CAMEO 11), what it is about comes before whom it is told to: "complained
    to the United Nations over Israeli air raids" is aimed at Israel, the UN being the audience."""
    about = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("over", "about") and c.i > verb.i
             for p in [syntax.pobj(c)] if p is not None and p.pos_ in ("PROPN", "NOUN")]
    told = [c for c in candidates if c.dep_ == "pobj" and c.head.lower_ == "to" and c.head.head == verb]
    if not about or not told:
        return candidates
    return about + [c for c in candidates if c not in about and c not in told] + told


def _controlled_candidates(verb: Token, obj: Token | None, lex: Lexicon) -> list[Token]:
    """Whom a verb acts on through a clause it governs, after its own arguments: the subject of
    an infinitival clause ("allowed opposition leader X to bring out a rally", the parser's
    reading of object control and ECM as a clause with its own subject; "pushing for the US to
    support"), then the object of a participle or infinitive modifying a non-actor object
    ("approved a law recognizing victories by X's coalition": what the law does names whom); not
    the aim of a control noun ("continued their effort to overthrow ...": the subject's own aim)."""
    found: list[Token] = []
    for clause in verb.children:
        if clause.dep_ not in ("ccomp", "xcomp", "advcl") or clause.pos_ not in ("VERB", "AUX") or clause.i < verb.i:
            continue
        infinitive = any((c.dep_ == "aux" and c.lower_ == "to") or (c.dep_ == "mark" and c.lower_ == "for")
                         for c in clause.children)
        if infinitive:
            found.extend(c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("PROPN", "NOUN"))
    if obj is not None and obj.dep_ == "dobj" and obj.ent_type_ == "" and obj.lemma_ not in lex.cue("control_noun"):
        for clause in obj.children:
            if clause.dep_ == "acl" and clause.pos_ == "VERB":
                inner = syntax.direct_object(clause)
                if inner is not None and inner.dep_ == "dobj" and inner.pos_ in ("PROPN", "NOUN"):
                    found.append(inner)
    return found


def _nested_candidates(candidates: list[Token], depth: int = 2) -> list[Token]:
    """Objects of the prepositions hanging on the candidates (and their conjuncts), breadth
    first, ``depth`` levels down; places ("in Liberia") only as named places (GPE)."""
    found: list[Token] = []
    frontier = list(candidates)
    for _ in range(depth):
        following: list[Token] = []
        for candidate in frontier:
            for item in (candidate, *candidate.conjuncts):
                for child in item.children:
                    if child.dep_ != "prep" or child.lower_ not in _NESTED_PREPS:
                        continue
                    pobj = syntax.pobj(child)
                    if pobj is None or pobj.pos_ not in ("PROPN", "NOUN") or pobj in found or pobj in candidates:
                        continue
                    following.append(pobj)
                    if child.lower_ not in _PLACE_PREPS or pobj.ent_type_ in _PLACE_ENTS:
                        found.append(pobj)
        frontier = following
    return found


def _complement(verb: Token) -> Token | None:
    """The verb's infinitival complement ("agreed to lift", "threatened to cut off"), if any."""
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)


def _purpose(verb: Token) -> Token | None:
    """The verb's infinitival purpose clause ("began a hunger strike to protest ..."), if any."""
    return next((c for c in verb.children if c.dep_ == "advcl" and c.pos_ == "VERB"
                 and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)


def _place_targets(doc: Doc, verb: Token, lex: Lexicon, sources: list[Side]) -> list[Side]:
    """For an act with no other target, the country acted in ("imposed a curfew in Algiers",
    "deploy peacekeepers in Iraq"): CAMEO's convention of a location as target. Only named
    places (GPE, LOC) in the verb's, its object's or its complement's own prepositions count."""
    heads = [verb]
    obj = syntax.direct_object(verb)
    if obj is not None and obj.dep_ != "nsubjpass":
        heads.append(obj)
    complement = _complement(verb)
    if complement is not None:
        heads.append(complement)
        inner = syntax.direct_object(complement)
        if inner is not None and inner.dep_ != "nsubjpass":
            heads.append(inner)
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
                pobj = syntax.pobj(child)
                if pobj is None:
                    continue
                # "in the capital city of Algiers", "at this jail in northern Israel"
                # "in Montenegro province": the named place modifying a common noun
                places = [pobj] if pobj.ent_type_ in _PLACE_ENTS else [
                    c for c in pobj.children if c.dep_ == "compound" and c.ent_type_ in _PLACE_ENTS] + [
                    g for g in _nested_candidates([pobj], depth=1) if g.ent_type_ in _PLACE_ENTS]
                for place in places:
                    targets = [t for t in _sides(doc, [place], lex) if not any(_same(t, s) for s in sources)]
                    if targets and targets[0] is not None and targets[0].get("code"):
                        return targets
    return []


def _protest_targets(doc: Doc, heads: list[Token], lex: Lexicon, sources: list[Side]) -> list[Side]:
    """Whom a protest (CAMEO 14, PLOVER PROTEST) with no target is aimed at: the first coded actor
    named in a purpose clause of the act ("began a hunger strike to demand the resignation of X",
    "to protest X's failure") or in a phrase of protest ("in protest of X's refusal", "a strike
    over a bill signed by X", "rallies against X"), possessors of nominalised objects included."""
    for head in heads:
        for child in head.children:
            if child.i < head.i:
                continue  # a fronted phrase sets the scene
            scope: Token | None = None
            if child.dep_ == "advcl" and child.pos_ == "VERB" and any(
                    g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
                scope = child
            elif child.dep_ == "prep" and child.lower_ in _PROTEST_PREPS:
                scope = child
            elif child.dep_ == "prep" and child.lower_ == "in":
                pobj = syntax.pobj(child)
                entry = lex.nouns.get(pobj.lemma_) if pobj is not None else None
                if entry is not None and entry.code[:2] == "14":
                    scope = pobj  # "in protest of/at/against"
            if scope is not None:
                found = _first_actor(doc, scope, sources)
                if found:
                    return found
    return []


def _first_actor(doc: Doc, scope: Token, sources: list[Side]) -> list[Side]:
    """The first coded actor mentioned in the token's subtree that is not a source, as a list."""
    start = scope.left_edge.idx
    end = scope.right_edge.idx + len(scope.right_edge.text)
    mentions = sorted((m["start"], m["end"]) for actor in doc._.actors or [] for m in actor.get("mentions") or []
                      if start <= m["start"] and m["end"] <= end and m["text"].lower() not in _PRONOUNS)
    for begin, finish in mentions:
        ref = actor_ref(doc, begin, finish)
        if ref is not None and ref.get("code") and not any(_same(ref, s) for s in sources):
            return [ref]
    return []


def _complement_targets(doc: Doc, complement: Token, lex: Lexicon, sources: list[Side]) -> list[Side]:
    """Targets of an intended act, for the verb that announces it: "promised to continue aid to
    Mozambique" is aimed at Mozambique; the first of the complement and its conjuncts with one."""
    chain = [complement, *complement.conjuncts]
    # a verb split at its hyphen ("re-open" as "re", "-", "open") leaves sibling complements
    chain += [c for c in complement.head.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and c not in chain]
    nested = _complement(complement)
    if nested is not None:
        chain.append(nested)  # "threatened to try to ..."
    for verb in chain:
        _, targets = _verb_roles(doc, verb, syntax.direct_object(verb), lex, speech=False)
        targets = [t for t in targets if not any(_same(t, s) for s in sources)]
        if targets:
            return targets
    return []


def _condition_targets(doc: Doc, verb: Token, lex: Lexicon, sources: list[Side]) -> list[Side]:
    """The target of a threat is whom its condition binds: the subject of an "if"/"unless"
    clause in the threat's own phrase ("threatened to stop the talks if the United States goes
    ahead"), nearest first."""
    conditions = lex.cue("condition")
    for token in verb.subtree:
        if token.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in conditions for c in token.children):
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        targets = [t for t in _sides(doc, subjects, lex) if not any(_same(t, s) for s in sources)]
        if targets and targets[0] is not None and targets[0].get("code"):
            return targets
    return []


def _intent_code(code: str) -> str:
    """The CAMEO code of declaring the intent to do ``code``: its own threat (:data:`_THREAT`),
    else the root's intent (:data:`_INTENT`); "" when declaring it is no separate act."""
    for size in (4, 3):
        if code[:size] in _THREAT:
            return _THREAT[code[:size]]
    return _INTENT.get(code[:2], "")


def _intent_of(verb: Token, entry: Entry, complement: Token, lex: Lexicon) -> Entry:
    """An intent verb's code given what is intended: a hostile act turns a promise, plan or
    offer (03x) into a threat (13x), as CAMEO codes "vowed to attack" (PLOVER THREATEN)."""
    if verb.lemma_ not in lex.cue("intent_verb") or entry.code[:2] != "03":
        return entry
    intended = _verb_entry(complement, lex)
    obj = syntax.direct_object(complement)
    if intended is None and obj is not None and complement.lemma_ in lex.cue("light_verb"):
        intended = _noun_entry(obj, lex)  # "plans to impose restrictions": the noun is the act
    if intended is None or intended.code[:2] not in _HOSTILE or complement.lemma_ in lex.cue("cancelling_verb"):
        # ("agreed to postpone the demonstration" is a concession, not a threat)
        return entry
    return Entry(_intent_code(intended.code) or "130")


def _demand_in_statement(doc: Doc, verb: Token, index: int, sources: list[Side], lex: Lexicon) -> Iterable[dict[str, Any]]:
    """A statement that someone else must act ("Russia said Sudan must return ...") is a
    request (CAMEO 10) from the speaker to the one who must act."""
    if not sources:
        return
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
            continue
        if not any(c.dep_ == "aux" and c.lower_ in lex.cue("obligation") for c in clause.children):
            continue
        if any(c.dep_ == "neg" for c in clause.children):
            continue
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        targets = [t for t in _sides(doc, subjects, lex) if not any(_same(t, s) for s in sources)]
        if targets:
            yield from _emit(doc, verb, index, Entry("100"), sources, targets, False, "asserted", lex)


def _first_actor_tokens(doc: Doc, head: Token, exclude: Token | None) -> list[Token]:
    """The first actor-like entity in what was said, as a one-token list (or empty)."""
    for token in head.subtree:
        if token.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") and token.ent_iob_ == "B":
            if exclude is not None and token.i in range(exclude.left_edge.i, exclude.i + 1):
                continue
            return [token]
    return []


def _expand(tokens: list[Token]) -> list[Token]:
    """The tokens and their conjuncts ("X and Y" -> X, Y), in order, without repeats; also the
    conjuncts of a partitive "of" ("scores of Sierra Leonean and Liberian refugees", "the leaders
    of Iran and Iraq"), whose first member the token's own phrase already names."""
    out: list[Token] = []
    for token in tokens:
        # only conjuncts after the token: a stranded subject's conjuncts include the fronted
        # phrase the parser hung it on
        members = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj" for g in p.conjuncts if g.i > p.i]
        for item in (token, *[c for c in token.conjuncts if c.i > token.i], *members):
            if item not in out and item.pos_ in ("PROPN", "NOUN", "PRON", "ADJ") or item.ent_type_:
                if item not in out:
                    out.append(item)
    return out


def _sides(doc: Doc, tokens: list[Token], lex: Lexicon) -> list[Side]:
    """The actors named by the tokens and their conjuncts; unnamed groups ("officials") only
    when no conjunct names an actor (so "Kim's right-hand man and top spy chief" is Kim).
    Coordinated modifiers give one actor each ("Hungarian and Romanian officials")."""
    named: list[Side] = []
    unnamed: list[Side] = []
    for token in _expand(tokens):
        parts = _coordinated_modifiers(doc, token)
        for side in parts or [_side(doc, token, lex)]:
            if side is None:
                continue
            target = named if side.get("_named", True) else unnamed
            side.pop("_named", None)
            if not any(_same(side, other) for other in target):
                target.append(side)
    return named or unnamed


def _coordinated_modifiers(doc: Doc, token: Token) -> list[Side]:
    """The actors of coordinated modifiers of a noun ("U.S. and Russian negotiators"), when
    there are at least two; else an empty list (the phrase is one actor)."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return []
    for child in token.children:
        if child.dep_ not in ("amod", "compound", "nmod") or not any(c.dep_ == "conj" for c in child.children):
            continue
        refs: list[Side] = []
        for part in (child, *child.conjuncts):
            ref = actor_ref(doc, *syntax.phrase_span(part))
            if ref is not None and not any(_same(ref, other) for other in refs):
                refs.append(ref)
        if len(refs) > 1:
            return refs
    return []


def _side(doc: Doc, token: Token, lex: Lexicon) -> Side:
    """The actor for an argument token: ``actor_ref`` over its phrase, a pronoun's antecedent,
    or (unresolved) the phrase itself when it names a group or office."""
    if token.lower_ in _PRONOUNS:
        return _antecedent(doc, token, lex)
    start, end = syntax.phrase_span(token)
    ref = actor_ref(doc, start, end)
    if ref is not None:
        return ref
    if token.pos_ == "PRON" or token.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"):
        return None
    if token.pos_ == "NOUN" and token.lemma_ not in lex.nouns and (token.lower_ in lex.agents or token.lemma_ in lex.agents):
        return {"text": doc.text[start:end], "code": None, "country": None, "sector": None, "_named": False}
    return None


def _antecedent(doc: Doc, pronoun: Token, lex: Lexicon) -> Side:
    """A pronoun's actor: the one the actors stage linked it to; for the subject of a reported
    clause, the subject of the clause that reports it ("Hungary said it will ..."); else the
    last actor named before it in this or the previous sentence (a person for he/she)."""
    ref = actor_ref(doc, pronoun.idx, pronoun.idx + len(pronoun.text))
    if ref is not None:
        return _named_mention(doc, pronoun) or ref
    personal = pronoun.lower_ in _PERSONAL
    if pronoun.dep_ in ("nsubj", "nsubjpass"):
        clause = pronoun.head
        for _ in range(4):
            if clause.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or clause.head == clause:
                break
            clause = clause.head
            subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.lower_ not in _PRONOUNS:
                side = _side(doc, subject, lex)
                if side is not None:
                    return side
    sent_start = pronoun.sent.start
    previous = doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
    lower = doc[previous].idx
    best: tuple[int, int] | None = None
    for actor in doc._.actors or []:
        if (actor.get("label") in (None, "PERSON")) != personal:
            continue
        for mention in actor["mentions"]:
            if lower <= mention["start"] and mention["end"] <= pronoun.idx:
                if best is None or mention["start"] > best[0]:
                    best = (mention["start"], mention["end"])
    return actor_ref(doc, *best) if best else None


def _named_mention(doc: Doc, pronoun: Token) -> Side:
    """The actor a linked pronoun stands for, named by its last mention before the pronoun that
    is not a pronoun (so the event says "Kim", not "he")."""
    start = pronoun.idx
    for actor in doc._.actors or []:
        mentions = actor.get("mentions") or []
        if not any(m["start"] <= start < m["end"] for m in mentions):
            continue
        named = [m for m in mentions if m["end"] <= start and m["text"].lower() not in _PRONOUNS]
        if named:
            last = max(named, key=lambda m: m["start"])
            return actor_ref(doc, last["start"], last["end"])
    return None


# ---------------------------------------------------------------------------------------------
# Negation and modality


def _own_modality(token: Token, lex: Lexicon, doc: Doc) -> str | None:
    future, possible = lex.cue("future"), lex.cue("possible")
    mode: str | None = None
    for child in token.children:
        if child.dep_ == "aux" and child.lower_ in future:
            mode = "intended"
        elif child.dep_ == "aux" and child.lower_ in possible:
            mode = "hypothetical"
        elif child.dep_ == "aux" and child.lower_ in lex.cue("obligation"):
            mode = "intended"  # "Sudan must return": demanded, not done
        elif child.dep_ == "advmod" and child.lower_ in lex.cue("report_adverb"):
            return "reported"
        elif child.dep_ == "mark" and child.lower_ in lex.cue("condition"):
            return "hypothetical"
        elif child.dep_ == "mark" and child.lower_ in lex.cue("pending") and syntax.present_tense(token):
            return "hypothetical"  # "until their demands are met": not (yet) done
        elif child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in lex.cue("condition") for g in child.children):
            return "hypothetical"
    if token.dep_ == "xcomp" and token.head.lemma_ == "go" and any(c.dep_ == "aux" for c in token.head.children):
        mode = "intended"  # "is going to meet"
    if mode is None and token.dep_ == "ROOT" and syntax.ends_in_question(token):
        return "hypothetical"  # "Will North Korea attack?": asked, not reported
    return mode


def _historical(token: Token, doc: Doc) -> bool:
    """Whether the act's own time phrase puts it in the past before the story: a year before last
    (with a publication date), a decade that ended before it ("in the 1970s"), "N years ago" with
    N of two or more, or a world war ("during World War Two"): relative and era expressions need
    no publication date."""
    published = doc._.published
    for child in token.children:
        if child.dep_ in ("ccomp", "xcomp", "conj", "advcl"):
            continue
        for item in child.subtree:
            if item.ent_type_ not in ("DATE", "EVENT") or item.ent_iob_ != "B" or not _own_time(item, token):
                continue
            span = next((ent for ent in doc.ents if ent.start == item.i), None)
            if span is not None and _past_time(span.text, published):
                return True
    return False


def _own_time(item: Token, token: Token) -> bool:
    """Whether a time phrase belongs to the act itself: no other verb stands between them (the
    time of "rebels who entered two years ago" is the entering's, not the granting's)."""
    head = item.head
    while head.i != token.i:
        if head.pos_ in ("VERB", "AUX") or head.i == head.head.i:
            return False
        head = head.head
    return True


def _past_time(text: str, published: Any) -> bool:
    """Whether a DATE or EVENT phrase names a time before the year before publication."""
    lowered = text.lower()
    if _WORLD_WAR.search(lowered):
        return True
    ago = _YEARS_AGO.search(lowered)
    if ago:
        count = ago.group(1)
        number = int(count) if count.isdigit() else _NUMBER_WORDS.get(count, 2)
        return not ago.group(2).startswith("year") or number >= 2  # "a decade ago"; not "a year ago"
    if published is None:
        return False
    decade = _DECADE.search(lowered)
    if decade:
        return int(decade.group(1)) + 9 < published.year - 1
    match = _YEAR.search(lowered)
    return bool(match and int(match.group(1)) < published.year - 1)


def _modality(verb: Token, lex: Lexicon, doc: Doc) -> tuple[bool, str]:
    """(negated, modality) of a verb: its own cues, then those of the verbs governing it."""
    negation = lex.cue("negation")
    negated = any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in verb.children)
    negated = negated or any(c.dep_ == "dobj" and any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)
                             for c in verb.children)
    # "nobody has called them", "no one attended": a negative subject denies the act
    negated = negated or any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in lex.cue("negative_subject") or any(
        g.dep_ == "det" and g.lower_ == "no" for g in c.children)) for c in verb.children)
    # "will no longer tolerate": the negation hangs on the adverb, not on the verb
    negated = negated or any(c.dep_ == "advmod" and any(
        f"{g.lower_} {c.lower_}" in lex.cue("negating_phrase") for g in c.children if g.dep_ == "neg") for c in verb.children)
    modality = _own_modality(verb, lex, doc)
    if modality is None and verb.dep_ == "csubj" and verb.tag_ == "VBG" and verb.head != verb:
        # "Conceding to protesters may quell the protests": a gerund subject under a modal is an act
        # considered, not one done
        governing = _own_modality(verb.head, lex, doc)
        modality = governing if governing in ("hypothetical", "intended") else None
    if modality is None and _aim(verb, lex):
        modality = "intended"
    if modality is None and _historical(verb, doc):
        modality = "historical"
    token = verb
    for _ in range(4):
        if token.dep_ not in ("xcomp", "ccomp", "pcomp", "conj", "advcl", "acl", "pobj") or token.head == token:
            break
        head = token.head
        link = token.dep_
        token = head
        if head.pos_ == "ADP":
            if head.lower_ in negation:
                negated = True  # "without meeting"
            if f"{head.head.lower_} {head.lower_}" in lex.cue("negating_phrase"):
                negated = True  # "far from launching an attack", "stopped short of imposing"
            if head.head.pos_ == "VERB" and head.head.lemma_ in lex.cue("negating_verb") and link == "pcomp":
                negated = True  # "refrained from criticizing Russia": as "avoided criticizing"
            aimed = head.lower_ in ("at", "toward", "towards") and head.head.lemma_ in lex.cue("intent_verb")
            if (head.lower_ != "to" and not aimed) or head.head == head:
                break  # "after meeting X" says when, not whether ("aimed at ending" says what is sought)
            token = head = head.head  # "looks forward to meeting", "agreed to a summit"
            link = "pcomp"
        if link in ("xcomp", "pcomp", "acl") and head.lemma_ in lex.cue("negating_verb"):
            negated = True
        if link == "conj":
            negated = negated or any(c.dep_ == "neg" for c in head.children)
        if link == "xcomp" and head.lemma_ in lex.cue("attempt_verb") and syntax.past_tense(head):
            pass  # "tried to hack", "attempted to assassinate": an attempt made is the act (CAMEO codes it)
        elif link in ("xcomp", "acl", "pcomp") and head.lemma_ in (lex.cue("intent_verb") | lex.cue("control_noun")
                                                                   | lex.cue("intent_adjective")):
            modality = modality or "intended"
        if link == "xcomp" and head.lemma_ in lex.cue("unrealised_adjective"):
            modality = modality or "hypothetical"  # "is reluctant to impose", "is able to strike"
        if link in ("ccomp", "xcomp", "pcomp") and head.lemma_ in lex.cue("report_verb"):
            modality = modality or "reported"
        if link == "acl" and head.pos_ == "NOUN" and head.lemma_ in lex.cue("report_verb"):
            modality = modality or "reported"  # "an allegation that X had taken the city"
        if link == "conj":
            modality = modality or _own_modality(head, lex, doc)
        if link == "ccomp" and head.lemma_ in lex.cue("speech_verb") and any(c.dep_ == "neg" for c in head.children):
            # "has not said he will abide by it": nothing declared, not even an intent
            modality = "hypothetical" if modality in (None, "intended") else modality
        if link in ("ccomp",):
            break  # what someone said keeps its own modality
    return negated, modality or "asserted"


def _aim(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb is a bare infinitive of purpose under a verb that is no act ("working on a
    resolution to enforce the deal", "can be invoked to approve a war"): an aim, not an act."""
    if verb.dep_ != "advcl" or verb.head.pos_ not in ("VERB", "AUX") or _is_act(verb.head, lex):
        return False
    if verb.head.lemma_ in lex.cue("contact_verb"):
        return False  # "called Modi to congratulate him": the call performs the act
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        return False  # "so that they meet", "after he met": a clause of its own
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _requests(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb is coded as a request or demand (CAMEO 10): its object is what is asked for."""
    entry = _verb_entry(verb, lex) if verb.pos_ == "VERB" else None
    return entry is not None and entry.code[:2] == "10"


def _noun_modality(noun: Token, lex: Lexicon, doc: Doc) -> tuple[bool, str]:
    negated = any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
    modality = "intended" if any(c.lower_ in lex.cue("intent_modifier") for c in noun.children if c.dep_ == "amod") else None
    noun = _measured(noun)  # "will provide 25,000 tons of aid": the amount hangs on the verb
    head = noun.head
    if noun.dep_ == "pobj" and head.pos_ == "ADP":
        head = head.head
    if head != noun and head.pos_ in ("VERB", "AUX"):
        cancelling = head.lemma_ in lex.cue("cancelling_verb") and (
            head.lemma_ != "call" or any(c.dep_ == "prt" and c.lower_ == "off" for c in head.children))
        if cancelling and noun.dep_ in ("dobj", "nsubjpass"):
            negated = True
        elif head.lemma_ in lex.cue("intent_verb") or (noun.dep_ == "dobj" and _requests(head, lex)):
            # "plans a visit"; "demanded a truce": the act asked for is not (yet) done
            modality = modality or "intended"
        if noun.dep_ != "nsubjpass" or not negated:
            head_negated, head_modality = _modality(head, lex, doc)
            negated = negated or head_negated
            if head_modality != "asserted" and head.lemma_ not in lex.cue("light_verb") | {"lead", "yield"}:
                modality = modality or head_modality
            elif head_modality != "asserted":
                modality = modality or head_modality
            if modality is None and not negated and head.pos_ == "VERB" and _subordinate(head, lex) == "intended":
                # "urged X to attend the session", "agreed to hold talks": the event its verb
                # is asked or promised to do is not (yet) held
                modality = "intended"
    if modality is None and _historical(noun, doc):
        modality = "historical"
    return negated, modality or "asserted"


# ---------------------------------------------------------------------------------------------
# Output


def _plover(code: str) -> dict[str, Any]:
    mapped = cameo_to_plover(code)
    if mapped is None:
        return {"event": NO_PLOVER_EVENT, "mode": None, "context": None}
    return {"event": mapped.event, "mode": mapped.mode, "context": mapped.context}


def _event(trigger: Token, index: int, code: str, source: Side, target: Side, *, negated: bool,
           modality: str, reciprocal: bool) -> dict[str, Any]:
    return {
        "source": source,
        "target": target,
        "cameo": code,
        "plover": _plover(code),
        "date": {"value": None, "granularity": None, "source": None},
        "location": None,
        "negated": negated,
        "modality": modality,
        "reciprocal": reciprocal,
        "quote": None,
        "sentence": index,
        "span": [trigger.idx, trigger.idx + len(trigger.text)],
        "trigger": trigger.text,
    }


def _same(a: Side, b: Side) -> bool:
    if a is None or b is None:
        return False
    if a.get("code") and b.get("code"):
        return bool(a["code"] == b["code"] and a["text"] == b["text"])
    return bool(a["text"] == b["text"])


def _emit(doc: Doc, trigger: Token, index: int, entry: Entry, source_sides: list[Side], target_sides: list[Side],
          negated: bool, modality: str, lex: Lexicon, *, declare: bool = True) -> Iterable[dict[str, Any]]:
    """Events for every source-target pair. ``declare``: an intended act the sentence announces
    ("will visit") is also an asserted intent (03x/13x); not one that only modifies another act."""
    if not source_sides and not target_sides:
        return  # no act between actors: description or opinion
    if modality == "asserted" and entry.code[:2] in _MATERIAL and not any(
            _political(side, lex) for side in (*source_sides, *target_sides)):
        # a hostile or material act with no political actor: "fight rising prices"; an intended
        # one keeps its modality for the act that governs it ("talks aimed at ending the war")
        return
    if modality == "asserted" and entry.code[:2] != "01" and not any(
            _identified(side) for side in (*source_sides, *target_sides)):
        # no party is a known actor (no code, no country): "Rigby's family visited the scene",
        # "Democrats have raised money" with the party unresolved say nothing of who acted on whom
        return
    plover = cameo_to_plover(entry.code)
    if not target_sides and plover is not None and plover.event.lower() in lex.cue("needs_target"):
        return  # PLOVER requires a recipient for this type
    reciprocal = entry.reciprocal or entry.code[:2] == "04" and entry.code != "042"
    each_party = plover is not None and plover.event.lower() in lex.cue("each_party")
    if reciprocal and not target_sides and len(source_sides) > 1 and not each_party:
        # "A and B met": one reciprocal event between them; "A and B agreed": one event each
        target_sides = source_sides[1:]
        source_sides = source_sides[:1]
    pairs = [(s, t) for s in (source_sides or [None]) for t in (target_sides or [None]) if not _same(s, t)]
    intent = ""
    announced = trigger.pos_ == "VERB" or _light_governor(trigger, lex) is not None  # "will impose a curfew"
    if declare and modality == "intended" and not negated and announced and _declarer(trigger, source_sides):
        intent = _intent_code(entry.code)
        verb = trigger if trigger.pos_ == "VERB" else trigger.head
        while verb.dep_ == "conj" and verb.head != verb:
            verb = verb.head  # "aims to tighten sanctions and impose a blockade": the first conjunct's governor
        governor = verb.head.head if verb.dep_ == "pcomp" and verb.head.pos_ == "ADP" else verb.head
        if verb.dep_ in ("xcomp", "acl", "pcomp") and governor.pos_ == "VERB" and (
                governor.lemma_ in lex.verb_lemmas or governor.lemma_ in lex.cue("intent_verb")):
            intent = ""  # the governing verb ("agreed to meet", "aimed at ending") says it, not this one
        if verb.dep_ == "advcl" and _own_modality(verb, lex, doc) is None:
            intent = ""  # "to amend the constitution so that X is banned": intended only as its governor's aim
        if verb.dep_ in ("acl", "xcomp") and governor.pos_ == "NOUN" and governor.lemma_ in lex.cue("attempt_verb"):
            intent = ""  # "their effort to overthrow the government": an attempt under way, no declaration
    if declare and modality == "hypothetical" and not negated and trigger.pos_ == "VERB" and entry.code[:2] in _COOPERATIVE \
            and _declarer(trigger, source_sides) and _conditional_offer(trigger, lex):
        intent = _intent_code(entry.code)  # "would meet the mediator if he gave them a veto": a conditional offer
    refusal = ""
    if declare and modality == "intended" and negated and trigger.pos_ == "VERB" and _declarer(trigger, source_sides):
        refusal = _refusal_code(trigger, entry.code, lex)
    for source, target in pairs[:6]:
        yield _event(trigger, index, entry.code, source, target, negated=negated, modality=modality,
                     reciprocal=reciprocal and target is not None)
        if intent:
            yield _event(trigger, index, intent, source, target, negated=False, modality="asserted",
                         reciprocal=reciprocal and target is not None)
        if refusal:
            yield _event(trigger, index, refusal, source, target, negated=False, modality="asserted",
                         reciprocal=False)


#: CAMEO's refusal of a cooperative act, longest prefix first: "will not meet" 125, "will not
#: release" 1243, "will not ease sanctions" 1244, "will not allow inspectors" 1245, "will not
#: withdraw" 1246, other concessions 124, material cooperation or aid 121, the rest 120.
_REFUSAL = {"04": "125", "06": "121", "07": "121", "08": "124", "081": "1241", "083": "123", "084": "1243",
            "085": "1244", "086": "1245", "087": "1246", "03": "120", "05": "120"}


def _refusal_code(verb: Token, code: str, lex: Lexicon) -> str:
    """The CAMEO 12x of announcing that a cooperative act will not be done ("said it would not
    meet the demands", "will not release the prisoners"), or "" when the verb's own future is not
    what is negated: a complement ("refused to meet" codes the refusal on "refused") or a
    negation under a warning ("warned that police will no longer tolerate rallies": the warning
    codes the threat)."""
    if verb.dep_ not in ("ROOT", "ccomp", "conj") or not any(
            c.dep_ == "aux" and c.lower_ in lex.cue("future") for c in verb.children):
        return ""
    head = verb.head
    if verb.dep_ == "ccomp" and head.pos_ == "VERB":
        entry = _verb_entry(head, lex)
        if entry is not None and entry.code[:2] == "13":
            return ""
    for size in (3, 2):
        if code[:size] in _REFUSAL:
            return _REFUSAL[code[:size]]
    return ""


def _conditional_offer(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb promises a cooperative act on a condition ("they would meet Cordovez if he
    gave them a veto"): its own future auxiliary and an "if"/"unless" clause of its own, the verb
    not being inside a condition. CAMEO codes such an offer as an intent (03x), as it codes a
    conditional hostile act as a threat (:func:`_conditional_threat`)."""
    conditions = lex.cue("condition")
    if any(c.dep_ == "mark" and c.lower_ in conditions for c in verb.children):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in lex.cue("future") for c in verb.children):
        return False
    return any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in conditions for g in c.children)
               for c in verb.children)


def _declarer(trigger: Token, source_sides: list[Side]) -> bool:
    """Whether an intended act has someone who declares the intent: a source actor, or an
    agentless passive whose doer is left unsaid ("Modi will be given a visa"). "An attempt to
    assassinate X" or "that would reward the regime" name no declarer: no 03x/13x is coded."""
    if any(side is not None for side in source_sides):
        return True
    return trigger.pos_ == "VERB" and any(c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children)


def _actor_key(side: Side) -> Any:
    if side is None:
        return None
    return side.get("code") or side.get("text")


def _key(event: dict[str, Any]) -> tuple[Any, ...]:
    """One event per act: (sentence, source, target, code), a reciprocal pair in either order."""
    pair: tuple[Any, ...] = (_actor_key(event["source"]), _actor_key(event["target"]))
    if event["reciprocal"]:
        pair = tuple(sorted(pair, key=str))
    return (event["sentence"], *pair, event["cameo"], event["negated"], event["modality"])
