"""Roles: the source and the target of a verb or noun event, and the fall-backs tried in order when
the parse names no target (prepositional objects, the object's own phrase, the place of the act,
the purpose of a protest, what a condition binds)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .. import syntax
from ..actors import actor_ref
from ..actors.index import in_window
from ..codebook import country_side, root_class
from ..doc import doc_text, extension, token_texts
from ..kb import split_code
from ..lexicon import Entry, Lexicon
from ..record import ActorRef
from ..actors.identity import same_side
from .sides import _actor_tokens, _partitive_group, _political, Side, _side, _sides
from .triggers import _can_act, _frame_speaker, _meets, _verb_entry
from ..lang import en
from ..places import actor_place_codes, place_country








#: Entity types of named places (a region such as "West Darfur State" or a city the model
#: tags LOC counts as much as a GPE: the actors stage gives it its country).
_PLACE_ENTS = frozenset({"GPE", "LOC"})











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
                if found is not None and found.code[:2] in root_class("violent"):
                    cause = pobj  # "killed in a bombing"
    if cause is None or cause.pos_ != "NOUN" or cause.ent_type_ or cause.lower_ in lex.agents or cause.lemma_ in lex.agents:
        return []
    instruments = lex.violent_instruments
    violent = [t for t in (cause, *(c for c in cause.children if c.dep_ in ("compound", "amod")))
               if t.lemma_ in instruments or t.lower_ in instruments
               or (t.lemma_ in lex.nouns and lex.nouns[t.lemma_].code[:2] in root_class("violent"))]
    if not violent:
        return []  # "trading volume hit a record", "a fire killed": no weapon, no attack
    start, end = syntax.phrase_span(cause)
    named = doc.char_span(start, end, alignment_mode="expand")
    if actor_ref(doc, start, end) is not None or any(
            t.ent_type_ in syntax.ACTOR_ENTITIES or (t != cause and t.lemma_ in lex.agents) for t in named or []):
        return []  # the cause names its actor ("Israeli shelling", "rebel attacks", "coalition airstrikes")
    scopes = [cause, *(c for c in verb.children if c.dep_ == "prep" and c.lower_ in en.WHERE_PREPOSITIONS)]
    for scope in scopes:
        country = _place_country(doc, scope)
        if country is not None:
            code = f"{country}UAF"
            country_code, sector = split_code(code)
            return [{"text": doc_text(doc)[start:end], "code": code, "country": country_code, "sector": sector,
                     "evidence": f"unattributed attack: unidentified armed forces of {country}, "
                                 "where it happened (CAMEO UAF)"}]
    return []


def _place_country(doc: Doc, scope: Token) -> str | None:
    """The country of the place named in the token's phrase (:func:`dateline.places.place_country`
    over the actors stage's places and nationalities: "the Iraqi city of Basra")."""
    found = place_country(scope, actor_place_codes(doc).get)
    return found[0] if found is not None else None


def _moves_a_thing(doc: Doc, verb: Token, obj: Token | None, lex: Lexicon) -> bool:
    """Whether a verb that presses an actor ("pushed Iran to accept talks") or for something
    ("pushed for sanctions") instead moves a thing ("push the dollar one way", "pushed the bill
    through"): its direct object is no actor, so there is no act between actors."""
    if verb.lemma_ not in lex.cue("actor_object") or obj is None or obj.dep_ not in ("dobj", "dative"):
        return False
    side = _side(doc, obj, lex)
    return side is None


def _agentless_state(doc: Doc, verb: Token, lex: Lexicon) -> bool:
    """Whether the verb is a passive with no agent whose subject is no political actor ("the
    terminal had been stalled because of ...", "the waitress is disappointed in the vote"): a
    state of a thing or a private person, not an act between political actors (but an arrest,
    which the state does to anyone: :func:`custody_passive`)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or any(c.dep_ == "agent" for c in verb.children):
        return False
    return not any(_political(side, lex) for side in _sides(doc, [subject], lex))


def custody_passive(verb: Token, code: str, lex: Lexicon) -> bool:
    """Whether the verb is an arrest, detention or charge (CAMEO codes of the codebook's class
    ``custody``, 173) told in the passive with no "by" doer ("two men were arrested", "she has been
    charged with fraud"): only a state's police, prosecutors or courts do it, so it is the state's
    act whoever it is done to, a private person too; its source is the state where it happened
    (``dateline.actors.countries.agentless_source``), named ``custody_passive`` in
    ``evidence.rules.source``. Only the verbs of cue ``custody_verb`` ("arrest", "detain", "charge",
    "jail" ...): not another verb a pattern codes 173, whose doer need not be a state ("was accused
    of misconduct", "was blamed for the crime", "the rioting was confined to two districts")."""
    return (code[:3] in root_class("custody") and verb.lemma_.lower() in lex.cue("custody_verb")
            and syntax.agentless_passive(verb) and _held_person(verb, lex))


def _held_person(verb: Token, lex: Lexicon) -> bool:
    """Whether the passive subject of a :func:`custody_passive` verb can be a person held or charged: a name, a
    pronoun, a common noun that can act (:func:`dateline.events.triggers._can_act`) or a person noun (cue
    ``person_noun``: "suspect", "detainee"); not a thing ("the phones were charged", "the goods were detained"), or
    no subject of its own (a conjunct's)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.pos_ != "NOUN" or subject.ent_type_:
        return True
    lemma = subject.lemma_.lower()
    return lemma in lex.cue("person_noun") or subject.lower_ in lex.cue("person_noun") or _can_act(subject, lex)


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


def passive_own_subject(verb: Token, subject: Token | None) -> bool:
    """Whether ``subject`` is a doer a passive verb with a subject of its own (its patient) only
    inherits from the clause it hangs from ("Boko Haram killed 10,000 people, and it is blamed
    for the abduction": the one blamed is no blamer; :func:`dateline.syntax.subject` reads no
    passive subject and climbs the conjunction): then it is no source. A "by" agent stays the doer.
    Rule ``passive_own_subject`` (the source left empty)."""
    if subject is None or subject.head == verb or not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    if not any(c.dep_ == "nsubjpass" for c in verb.children):
        return False
    return not any(c.dep_ == "agent" and syntax.pobj(c) == subject for c in verb.children)


def _verb_roles(doc: Doc, verb: Token, obj: Token | None, lex: Lexicon, *, speech: bool, keep_own: bool = False) -> tuple[list[Side], list[Side]]:
    """Resolved sources and targets of a verb: the subject; the object, else the first
    prepositional object (in :data:`en.TARGET_PREPOSITIONS` order), else an actor inside the object's own
    phrase ("rejected an offer from Kabul"), else for a request the subject of what is requested
    ("demanded that Iraq ..."). A named actor is preferred to an unnamed group ("officials")."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    subject = syntax.subject(verb)
    inverted = _inverted_subject(verb)
    if inverted is not None:
        # "The plan is dead, warned Russia's president": the reporter follows its verb
        subject, obj = inverted, None
    felt = _experiencer(verb, lex)
    if felt is not None:
        # "Kerry is disappointed by the junta's decision": the one who feels it voices it (the
        # source), what caused it is aimed at (the target), not the other way round
        passive, (subject, obj) = False, felt
    stative = _stative_subject(verb, lex)
    if stative is not None:
        # "Israel is opposed to French mediation": the subject holds the stance, the "to" phrase
        # is what it is aimed at
        passive, subject, obj = False, stative, None
    if passive_own_subject(verb, subject):
        subject = None  # "Boko Haram killed ..., and it is blamed for ...": no doer named
    sources: list[Side] = []
    if subject is not None and not (passive and subject.dep_ == "nsubjpass"):
        sources = _sides(doc, [subject], lex)
    if speech:
        # the one addressed ("told Lavrov", "said to Putin") is the statement's target, else whom
        # what was said is about (:func:`_said_about`); the press addressed ("told reporters") is no party
        addressed = [t for t in _sides(doc, _addressees(verb), lex) if t is not None and t.get("country")
                     and str(t.get("sector")).lower() not in lex.cue("press_sector")]
        said = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None)
        targets: list[Side] = list(addressed)
        if said is not None and (not addressed or _own_country(addressed, sources)):
            # an audience of the speaker's own country ("told Congress that North Korea ...") yields
            # to another country the statement is about (docs/annotation.md D1a)
            about = _said_about(doc, said, subject, sources, lex, keep_own=keep_own)
            if not addressed or (about and not _own_country(about, sources)):
                targets = about
        return sources, [t for t in targets if not any(same_side(t, s) for s in sources)]
    theme = _moves_theme(verb, obj, lex) or _fires_weapon(verb, obj, lex)
    candidates = _target_candidates(verb, obj, theme=theme)
    candidates.extend(t for t in _controlled_candidates(verb, obj, lex) if t not in candidates)
    if obj is not None and obj.dep_ == "dobj" and verb.lemma_ in lex.cue("topic_object_verb") and any(
            c is not obj for c in candidates):
        # "discussed Argentina's loan request with the World Bank": what is discussed is a topic, the
        # party is the one it is discussed with (docs/annotation.md D10a)
        candidates = [c for c in candidates if c is not obj]
    entry = _verb_entry(verb, lex)
    if entry is not None and entry.code[:2] == "11":
        candidates = _complained_of(verb, candidates)
    if entry is not None and obj is not None and entry.code[:2] in ("11", "12") and _attack_noun(obj, lex):
        # "condemned the attacks on Sony": disapproval of an attack is aimed at whoever did it
        # (its possessor, "by" phrase or named modifier), never at its victim
        candidates = _doers(obj)
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
    if entry is not None and entry.code[:2] in root_class("appeal"):
        candidates = _measure_doers(doc, verb, obj, candidates, lex)
    unnamed: list[Side] = []
    sector_only: list[Side] = []
    # Nothing country-coded among the direct arguments: look one or two prepositions deeper
    # ("fired at targets in Jericho", "contribute troops to a force in Liberia", "mobilized
    # reservists for a war against Iraq"), a coded actor there beating an unnamed group nearer
    # the verb, and a country-coded one beating a sector-only one ("troops" -> MIL) nearer it.
    venue = entry is not None and _meets(entry.code)
    # "blamed U.S. actions", "rejected American policy": disapproval of a state's act or thing is aimed at that state
    disapproval = entry is not None and entry.code[:2] in ("11", "12")
    for candidate in [*candidates, *_nested_candidates(candidates)]:
        if _owned_by_source(doc, candidate, sources, lex):
            continue  # "withdrew its troops": what the source owns is not what it acts on
        if venue and (unnamed or sector_only) and _venue(candidate):
            continue  # "meeting with X in Vienna": where a meeting is held is no party to one named
        targets = [t for t in _sides(doc, [candidate], lex) if not any(same_side(t, s) for s in sources)]
        if targets and not disapproval and _own_state_thing(candidate, targets[0], sources, lex):
            continue  # "pledged French support for X", "threatened French sanctions against X": the source's own act
        if targets and targets[0] is not None and not targets[0].get("country") and candidate in candidates \
                and _named_person(doc, candidate, targets[0]):
            # "praised the plan of Prime Minister Smith for talks with Ruritania": a person named in the verb's own
            # argument is the party, though the actors stage left it no country (a later strategy gives one); an
            # actor deeper down with a country is not preferred to it, as it is to an unnamed group or a sector
            return sources, targets
        if targets and targets[0] is not None and targets[0].get("code") is not None:
            if targets[0].get("country") is not None:
                return sources, targets
            if not sector_only:
                sector_only = targets
        elif targets and not unnamed and candidate in candidates:
            unnamed = targets
    if not (sector_only or unnamed) and entry is not None and entry.code[:2] in root_class("violent"):
        counted = _counted_victims(doc, obj)
        if counted is not None:
            return sources, [counted]
    return sources, sector_only or unnamed


#: How many actors of a statement's content clause :func:`_said_about` reads, first to last.
SAID_LOOKAHEAD = 4
#: The evidence of a target :func:`_said_about` kept of the speaker's own country (``keep_own``) where it would
#: have passed over it for another country's actor, and the target rule ``events.assemble`` names it by.
SAID_OWN_FIRST = "the speaker's own state named first in a statement that disapproves"
SAID_OWN_RULE = "said_own_first"


def _own_country(sides: Sequence[Side], sources: Sequence[Side]) -> bool:
    """Whether every side is of a source's own country (False when no source has a country)."""
    own = {s.get("country") for s in sources if s is not None and s.get("country")}
    return bool(own) and all(t is not None and t.get("country") in own for t in sides)


def _said_about(doc: Doc, said: Token, subject: Token | None, sources: list[Side], lex: Lexicon, *, keep_own: bool = False) -> list[Side]:
    """Whom a statement is about: the first actor of what was said ("said Iraq had ...") that is of
    another country than the speaker's own, among the clause's first :data:`SAID_LOOKAHEAD` actors
    ("Kerry said the U.S. and China's policies had to have teeth" is aimed at China, the speaker's
    own country being what he speaks for, docs/annotation.md D1a); else the clause's first actor.
    The first actor stays the target when it is the speaker itself (dropped by the caller: "X said it
    would ...") or of another country, or when no later actor is of another country. With ``keep_own``
    (a statement that blames or criticises, ``codes.disapproving_statement``) it stays the target also
    when it is of the speaker's own country: criticism by what is said is aimed at whom it names first
    ("Y said the White House's policy on Iran was a failure" is aimed at the United States), marked
    :data:`SAID_OWN_FIRST` where that changes the target (rule ``said_own_first``). Part of
    ``_verb_roles`` (the rule named in ``evidence.rules.target``)."""
    first: list[Side] = []
    for token in _actor_tokens(doc, said, exclude=subject, limit=SAID_LOOKAHEAD):
        sides: list[Side] = [t for t in _sides(doc, [token], lex) if t is not None]
        if not sides:
            continue  # a name no actor resolves ("the" opening "the European Union"): the next one
        if not first:
            first = sides
            others: list[Side] = [t for t in sides if not any(same_side(t, s) for s in sources)]
            if not others or not _own_country(others, sources):
                return first  # the speaker itself ("X said it would ..."), or another country's actor
            continue
        other: list[Side] = [t for t in sides if t is not None and (t.get("country") or split_code(t.get("code"))[0])
                 and not _own_country([t], sources) and not any(same_side(t, s) for s in sources)]
        if other:
            return [{**t, "evidence": SAID_OWN_FIRST} for t in first if t is not None] if keep_own else other
    return first


def governing_subject(noun: Token, targets: list[Token], lex: Lexicon) -> Token | None:
    """Who does a joint act (CAMEO 04-08: talks, a visit, aid) whose noun names no doer: the
    subject of the clause the noun is the object of ("faced meetings with X", "winding up a visit
    to X": a participle's subject is its clause's) or a prepositional object of (cue
    ``engaged_preposition``: "was locked in talks with X", "walked away from negotiations with X").
    Not when that clause is itself an act on the noun ("welcomed the talks", "cancelled the visit":
    the governor has a verb entry), nor through a clause that only governs the noun's clause
    ("accused X of restoring the blackmail in the negotiations"), and never one of the noun's own
    targets. The caller has checked that the noun's entry is such an act. Rule ``governing_subject``."""
    head = noun.head
    if noun.dep_ == "dobj" and head.pos_ == "VERB":
        governor = head
    elif noun.dep_ == "pobj" and head.pos_ == "ADP" and head.lower_ in lex.cue("engaged_preposition") \
            and head.dep_ == "prep":
        governor = head.head
        if governor.dep_ in ("advmod", "prt") and governor.pos_ in ("ADV", "ADP"):
            governor = governor.head  # "walk away from talks with X": the phrase hangs on the adverb
        if governor.pos_ not in ("VERB", "AUX"):
            return None
    else:
        return None
    if _verb_entry(governor, lex) is not None:
        return None
    clause, subject = governor, None
    for _ in range(3):
        # its own subject, also in the passive ("was locked in talks"), else that of the clause a
        # participle or coordinated verb hangs from
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or clause.dep_ not in ("advcl", "conj") or clause.head == clause:
            break
        clause = clause.head
    if subject is None or subject.tag_ in syntax.RELATIVE_TAGS or subject in targets \
            or subject.i in range(noun.left_edge.i, noun.right_edge.i + 1):
        return None
    return subject


def responsibility_claimant(noun: Token, lex: Lexicon) -> Token | None:
    """Who did an attack whose noun names no doer, when someone claims responsibility for it ("X
    claimed responsibility for the bombing", "X claimed responsibility for an attack on Y and
    another assault on Z"): the subject of the verb the lexicon codes 015 (CAMEO "Acknowledge or
    claim responsibility") that the noun's "for" phrase hangs on, or on whose object it hangs. The
    caller has checked that the noun's entry is a violent act. Rule ``responsibility_claimant``."""
    noun = syntax.first_conjunct(noun)  # "an attack on X and another assault on Y": both were claimed
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.pos_ == "NOUN" and verb.dep_ == "dobj":
        verb = verb.head  # "claimed responsibility for ...": the phrase on the object
    if verb.pos_ != "VERB":
        return None
    entry = _verb_entry(verb, lex)
    if entry is None or entry.code != "015":
        return None
    subject = syntax.subject(verb)
    if subject is None or subject.dep_ == "nsubjpass" or subject.tag_ in syntax.RELATIVE_TAGS:
        return None
    return subject


def reporting_speaker(noun: Token, targets: list[Token], lex: Lexicon) -> Token | None:
    """Who does a joint act (CAMEO 04-08) whose noun names no doer but its counterpart, when the
    noun is what a statement reports with no other party ("the minister said talks with X had
    stalled", "X said progress was made in talks with Y"): the speaker (:func:`.triggers._frame_speaker`).
    Only when the reported clause has no subject but the noun itself or a thing ("progress"), so not
    "X said Y cancelled a visit to Z". The caller has checked that the noun's entry is such an act.
    Rule ``reporting_speaker``."""
    if not targets:
        return None
    clause = noun.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head != clause:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.lemma_ not in lex.cue("speech_verb"):
        return None
    for child in clause.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child != noun and (
                child.pos_ in ("PROPN", "PRON") or child.ent_type_ or child.lower_ in lex.agents or child.lemma_ in lex.agents):
            return None
    speaker = _frame_speaker(noun, lex)
    return speaker if speaker is not None and speaker not in targets else None


def _counted_victims(doc: Doc, obj: Token | None) -> Side:
    """The people a violent act counts without naming ("killed four", "wounded 12"): a bare numeral
    object, an unnamed group whose country is where it happened (:mod:`dateline.actors.countries`)."""
    if obj is None or obj.dep_ not in ("dobj", "nsubjpass") or obj.pos_ != "NUM" or any(
            c.dep_ in ("prep", "pobj", "compound") for c in obj.children):
        return None
    start, end = syntax.phrase_span(obj)
    return {"text": doc_text(doc)[start:end], "code": None, "country": None, "sector": None}




def _attack_noun(obj: Token | None, lex: Lexicon) -> bool:
    """Whether the direct object is an attack noun (a violent CAMEO root in the noun lexicon, or a
    one-word compound ending in one)."""
    if obj is None or obj.dep_ != "dobj" or obj.pos_ != "NOUN":
        return False
    violent = root_class("violent")
    found = lex.nouns.get(obj.lemma_)
    if found is not None:
        return found.code[:2] in violent
    # a compound written as one word ("cyberattacks", "counterattack") ends in an attack noun
    return any(obj.lemma_.endswith(noun) and lex.nouns[noun].code[:2] in violent
               for noun in ("attack", "strike", "bombing", "assault", "raid"))


def _doers(noun: Token) -> list[Token]:
    """Who did what an event noun names: its possessor, the object of its "by", a named modifier
    ("Israeli raids", "Taliban attacks"), in that order."""
    found = [c for c in noun.children if c.dep_ == "poss"]
    found += [p for c in noun.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
              for p in [syntax.pobj(c)] if p is not None]
    found += [c for c in noun.children if c.dep_ in ("compound", "amod") and c.ent_type_ in syntax.ACTOR_ENTITIES]
    return found


def _measure(doc: Doc, verb: Token, token: Token, lex: Lexicon) -> bool:
    """Whether the token is a measure an appeal or demand asks for ("called for the expulsion of X's
    diplomats", "urged sanctions against X"): the verb's direct object or the object of its "for", a
    common noun that is no actor itself (no actor mention holds it, not an unnamed group)."""
    if token.pos_ != "NOUN" or token.lower_ in lex.agents or token.lemma_ in lex.agents:
        return False
    after = token.doc[token.right_edge.i + 1] if token.right_edge.i + 1 < len(token.doc) else None
    if token.lemma_ in en.COUNTRY_NOUNS or (after is not None and after.lower_ == "to" and after.head.pos_ in ("VERB", "AUX")):
        return False  # "called for each member nation to accept refugees": who is to act, no measure
    if not (token.dep_ == "pobj" and token.head.lower_ == "for" and token.head.head == verb):
        return False
    return actor_ref(doc, token.idx, token.idx + len(token.text)) is None


def _measure_doers(doc: Doc, verb: Token, obj: Token | None, candidates: list[Token], lex: Lexicon) -> list[Token]:
    """An appeal's candidates with each measure it asks for (:func:`_measure`) replaced by whoever
    would take the measure: its possessor, named modifier or "by" object (:func:`_doers`), or the
    party of its "with" or "from" ("called for Russia's intervention", "appealed for more U.S.
    investment", "called for talks with X", "demanded an apology from X"). What the measure is done
    to or where ("the expulsion of X's diplomats", "sanctions against X", "a no-fly zone in X") is not
    whom the appeal is made to: docs/annotation.md, the open questions of version 2 (the appeal's
    target is the one appealed to; the measure's target only on the measure's own trigger)."""
    found: list[Token] = []
    for candidate in candidates:
        if not _measure(doc, verb, candidate, lex):
            found.append(candidate)
            continue
        found.extend(d for d in _measure_parties(candidate, lex) if d not in found)
    return found


def _measure_parties(measure: Token, lex: Lexicon) -> list[Token]:
    """Whoever would take a measure: its possessor, "by" object or named modifier (:func:`_doers`),
    the party of its "with", "from" or "of" (:data:`en.MEASURE_PARTY_PREPOSITIONS`: "a session of the
    Council", "the withdrawal of X's troops"), except the "of" of a noun of a measure done to someone
    (cue ``done_to_noun``: "the expulsion of X's diplomats")."""
    preps = en.MEASURE_PARTY_PREPOSITIONS - {"of"} if measure.lemma_ in lex.cue("done_to_noun") else en.MEASURE_PARTY_PREPOSITIONS
    parties = _doers(measure)
    parties += [p for c in measure.children if c.dep_ == "prep" and c.lower_ in preps
                for p in [syntax.pobj(c)] if p is not None and p.pos_ in ("PROPN", "NOUN")]
    return parties


def _measure_aimed(doc: Doc, verb: Token, lex: Lexicon) -> bool:
    """Whether an appeal asks for a measure (:func:`_measure`) aimed at a named actor, one that is not
    whoever would take it ("called for the expulsion of X's diplomats", "urged sanctions against X")."""
    measures = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" and c.i > verb.i
                 for p in [syntax.pobj(c)] if p is not None and _measure(doc, verb, p, lex)]
    for measure in measures:
        if _measure_parties(measure, lex):
            return False  # "asked for Western intervention against X": who would take it is named
        start, end = measure.left_edge.idx, measure.right_edge.idx + len(measure.right_edge.text)
        if any(actor.get("code") for _, _, _, actor, _ in in_window(doc, start, end)):
            return True
    return False


def _venue(token: Token) -> bool:
    """Whether the token is a named place in a phrase of where something is held ("in Vienna",
    "at Panmunjom"): the object of a place preposition or "at", itself a place (GPE, LOC)."""
    return token.dep_ == "pobj" and token.ent_type_ in _PLACE_ENTS and (
        token.head.lower_ in en.PLACE_TARGET_PREPOSITIONS or token.head.lower_ == "at")


def _addressees(verb: Token) -> list[Token]:
    """Whom a speech verb addresses: its object or dative ("told Lavrov", "assured Kiev"), or the
    object of its "to" ("said to Putin", "spoke to Merkel")."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.pos_ in ("PROPN", "NOUN")]
    for child in verb.children:
        if child.dep_ in ("prep", "dative") and child.lower_ == "to":
            pobj = syntax.pobj(child)
            if pobj is not None:
                found.append(pobj)
    return found


def _fires_weapon(verb: Token, obj: Token | None, lex: Lexicon) -> bool:
    """Whether the direct object is the weapon used, aimed at someone named by a preposition
    ("launched artillery, mortar and rocket fire against guerrilla camps", "fired rockets at
    X"): each conjunct is (or is modified by) an instrument of CAMEO's violent patterns, and an
    aiming preposition hangs on the verb or the object; the weapon is then no target. Without one
    ("destroyed three Iraqi tanks") the object stays the target, unless the verb is one of firing or
    launching it (cue ``weapon_launch_verb``: "North Korea fired a missile", "test-launched two
    rockets"): the weapon fired is never whom it is aimed at."""
    if obj is None or obj.dep_ != "dobj":
        return False
    instruments = lex.violent_instruments
    items = [obj, *obj.conjuncts]
    if not all(t.lemma_ in instruments or t.lower_ in instruments or any(
            c.dep_ == "compound" and (c.lemma_ in instruments or c.lower_ in instruments) for c in t.children)
            for t in items):
        return False
    if verb.lemma_.lower() in lex.cue("weapon_launch_verb"):
        return True
    return any(c.dep_ == "prep" and c.lower_ in en.AIMING_PREPOSITIONS and syntax.pobj(c) is not None
               for t in (verb, *items) for c in t.children)


def _inverted_subject(verb: Token) -> Token | None:
    """The subject of a reporting clause in quotative inversion ("The plan is dead, warned
    Russia's president"; "Those moves, warned the Palestinian leadership, would sink ..."),
    which the parser reads as an object: the verb follows a comma or closing quote, reports an
    unmarked content clause, and either has no subject of its own or has taken the content
    clause's subject (the clause has none). Else None."""
    if verb.i == 0 or verb.is_sent_start or verb.doc[verb.i - 1].text not in (",", '"', "”", "'", "’"):
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


def _experiencer(verb: Token, lex: Lexicon) -> tuple[Token, Token] | None:
    """(who feels it, what caused it) of a passive of feeling with its cause ("X is concerned by
    Y's tests", "X was disappointed by the decision"): a participle of the lexicon's
    ``experiencer_participle`` cue with a passive subject and a "by" agent. The passive subject says
    the concern or disappointment, so it is the source, and the agent is its target; a plain passive
    reading makes the cause the source. Verbs whose lexicon entry is already ``passive`` (the
    experiencer as object: "shock", "outrage") are swapped there, not here. Else None."""
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in lex.cue("experiencer_participle"):
        return None
    felt = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    cause = syntax.pobj(agent) if agent is not None else None
    if felt is None or cause is None or cause.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return felt, cause


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
    if owner is None or not any(same_side(owner, s) for s in sources):
        return False
    start, end = syntax.phrase_span(token)
    own = [t for t in doc.char_span(start, end, alignment_mode="expand") or [] if t not in set(poss.subtree)]
    return not any(t.pos_ == "PROPN" for t in own)


def _own_state_thing(candidate: Token, side: Side, sources: list[Side], lex: Lexicon) -> bool:
    """Whether a candidate target is an act of the source's own state, named only by a modifier: an event noun of
    the lexicon that names no actor ("support", "sanctions", "airstrikes", "intervention"; not "officials") whose
    one actor is the bare state of a source's own country in a name or nationality word before it ("pledged French
    support for X", "threatened French sanctions against X", "considering U.S. airstrikes against X"). It is the
    source's own act, not what the verb is aimed at: the next candidate is read (the "for" or "against" phrase).
    Not for disapproval or rejection (11, 12: "blamed Russian policy" is aimed at Russia)."""
    if side is None or candidate.pos_ != "NOUN" or side.get("sector") or not side.get("country"):
        return False
    if candidate.lemma_ not in lex.nouns or candidate.lower_ in lex.agents or candidate.lemma_ in lex.agents:
        return False  # an act of its own ("support", "airstrikes", "intervention"), not an actor noun
    if not any(s is not None and s.get("country") == side.get("country") for s in sources):
        return False
    return any(c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < candidate.i and c.ent_type_ in ("GPE", "NORP")
               for c in candidate.children)


def _target_candidates(verb: Token, obj: Token | None, *, theme: bool = False) -> list[Token]:
    """The verb's possible targets nearest first: the object, the objects of its prepositions (in
    :data:`en.TARGET_PREPOSITIONS` order), then those of prepositions on the object ("an offer from
    Kabul"). A prepositional phrase fronted before the verb ("With the signing of the accord, X
    agreed") sets the scene and names no target. ``theme``: the object is what is moved
    ("sent troops to Liberia"), never the target; only its prepositions are looked at."""
    candidates: list[Token] = []
    recipient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None) if obj is not None and obj.dep_ == "dobj" else None
    if recipient is not None and recipient.pos_ in ("PROPN", "NOUN", "PRON"):
        # a passive with an object left ("Modi will be given a visa"): the subject is the recipient
        candidates.append(recipient)
    if obj is not None and (obj.pos_ in ("PROPN", "NOUN", "PRON") or _partitive_group(obj) is not None) and not theme:
        candidates.append(obj)  # "killed two of the protesters": the group the numeral counts
    preps = [c for c in verb.children if c.dep_ in ("prep", "dative") and c.i > verb.i]
    for name in en.TARGET_PREPOSITIONS:
        for prep in preps:  # every one of a repeated preposition ("for new EU members for two years")
            if prep.lower_ != name:
                continue
            pobj = syntax.pobj(prep)
            if pobj is None or pobj.pos_ in ("VERB", "AUX"):
                pobj = _stranded_object(prep) or pobj
            if pobj is not None and pobj.pos_ in ("PROPN", "NOUN", "PRON"):
                candidates.append(pobj)
    # a weapon object is aimed "at" or "into" its target ("rockets at X") or flies "over" it ("a
    # missile over Japan"), as well
    object_preps = en.OBJECT_PHRASE_PREPOSITIONS | {"at", "into", "over"} if theme else en.OBJECT_PHRASE_PREPOSITIONS
    if obj is not None and obj.dep_ != "nsubjpass":
        for item in (obj, *obj.conjuncts):
            for child in item.children:
                if child.dep_ == "prep" and child.lower_ in object_preps:
                    pobj = syntax.pobj(child)
                    if pobj is not None and pobj.pos_ in ("PROPN", "NOUN") and pobj not in candidates:
                        candidates.append(pobj)
    return candidates


def _named_person(doc: Doc, candidate: Token, side: Side) -> bool:
    """Whether the side a direct argument of a verb gives is a person named by name in that argument's own phrase (a
    ``PERSON`` entity whose words are in the side's text): "met Mr. Smith", "the plan of Prime Minister Smith"."""
    if side is None or not side.get("text"):
        return False
    start, end = syntax.phrase_span(candidate)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    text = str(side["text"])
    return any(ent.label_ == "PERSON" and ent.text in text for ent in span.ents)


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
                    if child.dep_ != "prep" or child.lower_ not in en.NESTED_PREPOSITIONS:
                        continue
                    pobj = syntax.pobj(child)
                    if pobj is None or pobj.pos_ not in ("PROPN", "NOUN") or pobj in found or pobj in candidates:
                        continue
                    following.append(pobj)
                    if child.lower_ not in en.PLACE_TARGET_PREPOSITIONS or pobj.ent_type_ in _PLACE_ENTS:
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
    places (GPE, LOC) in the verb's, its object's or its complement's own prepositions count,
    after the verb: a place fronted before it ("In Tokyo, the minister condemned ...") is only
    where it happened, a venue, but for violence ("In Kabul, a bomber attacked ...": the country
    attacked)."""
    violent = (entry := _verb_entry(verb, lex)) is not None and entry.code[:2] in root_class("violent")
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
            if child.dep_ == "prep" and child.lower_ in en.PLACE_TARGET_PREPOSITIONS and (child.i > verb.i or violent):
                pobj = syntax.pobj(child)
                if pobj is None:
                    continue
                # "in the capital city of Algiers", "at this jail in northern Israel"
                # "in Montenegro province": the named place modifying a common noun
                places = [pobj] if pobj.ent_type_ in _PLACE_ENTS else [
                    c for c in pobj.children if c.dep_ == "compound" and c.ent_type_ in _PLACE_ENTS] + [
                    g for g in _nested_candidates([pobj], depth=1) if g.ent_type_ in _PLACE_ENTS]
                for place in places:
                    targets = [t for t in _sides(doc, [place], lex) if not any(same_side(t, s) for s in sources)]
                    if targets and targets[0] is not None and targets[0].get("code"):
                        return targets
                phrased = _phrase_place(doc, pobj)
                if phrased:
                    return phrased
    return []


def _phrase_place(doc: Doc, pobj: Token) -> list[Side]:
    """The country of a place phrase whose own words name no coded actor ("in Kobane, the Syrian
    Kurdish town", "in Pakistan's remote tribal areas"): :func:`_place_country` over the phrase,
    when its head is a named place (GPE, LOC), a common noun a named place modifies, or a name with
    a settlement noun in apposition (:data:`en.SETTLEMENT_NOUNS`). Else []."""
    phrase = doc[pobj.left_edge.i:pobj.right_edge.i + 1]
    if pobj.ent_type_ not in _PLACE_ENTS and not (pobj.pos_ == "NOUN" and not pobj.ent_type_ and any(
            c.dep_ in ("poss", "compound") and c.ent_type_ in _PLACE_ENTS for c in pobj.children)) and not (
            pobj.pos_ == "PROPN" and any(c.dep_ == "appos" and c.lemma_ in en.SETTLEMENT_NOUNS for c in pobj.children)):
        return []  # the place itself, a region of it ("Pakistan's tribal areas"), a town in apposition
    country = _place_country(doc, pobj)
    if country is None:
        return []
    return [{"text": phrase.text, "code": country, "country": country, "sector": None}]


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
            elif child.dep_ == "prep" and child.lower_ in en.PROTEST_PREPOSITIONS:
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


def _hyphen_named(noun: Token) -> bool:
    """Whether names joined by a hyphen modify the noun ("the Trump-Kim summit"), resolved or not."""
    return any(t.text == "-" and 0 < t.i and t.nbor(-1).pos_ == "PROPN" and t.nbor(1).pos_ == "PROPN"
               for t in noun.doc[noun.left_edge.i:noun.i])


def _hyphen_parties(doc: Doc, noun: Token) -> list[Side]:
    """The parties joined by a hyphen in an event noun's modifiers ("the Trump-Kim summit", "US-China
    trade talks", "the Russia-Ukraine talks"): the actors mentioned right before and right after
    each hyphen, in order, when they are at least two; else []. The Doc's mentions are listed only when a
    hyphen is there (most event nouns have none)."""
    left = noun.left_edge.i
    if "-" not in token_texts(doc)[0][left:noun.i]:
        return []
    mentions = [(m["start"], m["end"]) for actor in extension(doc, "actors") or [] for m in actor.get("mentions") or []]
    parties: list[Side] = []
    for hyphen in doc[left:noun.i]:
        if hyphen.text != "-":
            continue
        before = next((m for m in mentions if m[1] == hyphen.idx), None)
        after = next((m for m in mentions if m[0] == hyphen.idx + 1), None)
        if before is None or after is None:
            continue
        for begin, finish in (before, after):
            ref = actor_ref(doc, begin, finish)
            if ref is not None and ref.get("code") and not any(same_side(ref, p) for p in parties):
                parties.append(ref)
    return parties if len(parties) >= 2 else []


def _first_actor(doc: Doc, scope: Token, sources: list[Side], *, named: bool = False) -> list[Side]:
    """The first coded actor mentioned in the token's subtree that is not a source, as a list;
    ``named``: only one with a country (not "protesters", "judges")."""
    start = scope.left_edge.idx
    end = scope.right_edge.idx + len(scope.right_edge.text)
    mentions = sorted((m["start"], m["end"]) for actor in extension(doc, "actors") or [] for m in actor.get("mentions") or []
                      if start <= m["start"] and m["end"] <= end and m["text"].lower() not in en.REFERRING_PRONOUNS)
    for begin, finish in mentions:
        ref = actor_ref(doc, begin, finish)
        if ref is not None and ref.get("code") and not any(same_side(ref, s) for s in sources) and (
                ref.get("country") or not named):
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
        targets = [t for t in targets if not any(same_side(t, s) for s in sources)]
        if targets and _own_country(targets, sources):
            targets = _abroad(doc, verb, sources, lex) or targets
        if targets:
            return targets
    return []


#: Suffix of the target rule (``evidence.rules.target``, e.g. ``target_of_topic_abroad``) whose target
#: :func:`_abroad` moved from the sources' own country to another one the phrase names.
ABROAD = "_abroad"
ABROAD_EVIDENCE = "the speaker's own country named first; another country its phrase names"


def _abroad(doc: Doc, head: Token, sources: list[Side], lex: Lexicon) -> list[Side]:
    """For a target found first of the sources' own country, an actor of another country among the first
    actors of the head's phrase (:func:`_said_about`): what a speaker announces, vows or claims of its own
    state ("Iran warned that Tehran would retaliate against Israel", "threatened to pull U.S. troops out
    of South Korea") is aimed at the other country it names (docs/annotation.md D1a). Each side found
    carries ``evidence``; :func:`verb_targets` adds :data:`ABROAD` to the rule's name."""
    return [{**t, "evidence": ABROAD_EVIDENCE}
            for t in _said_about(doc, head, None, sources, lex)
            if t is not None and not _own_country([t], sources) and not any(same_side(t, s) for s in sources)]


def _condition_targets(doc: Doc, verb: Token, lex: Lexicon, sources: list[Side]) -> list[Side]:
    """The target of a threat is whom its condition binds: the subject of an "if"/"unless"
    clause in the threat's own phrase ("threatened to stop the talks if the United States goes
    ahead"), nearest first."""
    conditions = lex.cue("condition")
    for token in verb.subtree:
        if token.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in conditions for c in token.children):
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        targets = [t for t in _sides(doc, subjects, lex) if not any(same_side(t, s) for s in sources)]
        if targets and targets[0] is not None and targets[0].get("code"):
            return targets
    return []


# -- a verb's target when the parse names none: an ordered chain of strategies ----------------------


@dataclass(frozen=True)
class TargetCase:
    """What the target strategies of a verb event read. ``complement``: the act the verb governs
    ("agreed to lift embargoes on Iran"), None when it has none or the verb is passive."""

    doc: Doc
    verb: Token
    lex: Lexicon
    sources: list[Side]
    entry: Entry
    complement: Token | None


def target_of_complement(case: TargetCase) -> list[Side]:
    """The target of the act the verb governs: "agreed to lift embargoes on Iran" is aimed at Iran."""
    if case.complement is None:
        return []
    return _complement_targets(case.doc, case.complement, case.lex, case.sources)


def target_of_purpose(case: TargetCase) -> list[Side]:
    """The target of the verb's purpose clause: "struck to protest Sweden's decision"."""
    purpose = _purpose(case.verb)
    if purpose is None or case.entry.passive:
        return []
    return _complement_targets(case.doc, purpose, case.lex, case.sources)


def target_of_condition(case: TargetCase) -> list[Side]:
    """A threat's target is whom its condition binds: "threatened to ... unless Baghdad accepted"."""
    if case.entry.passive or case.entry.code[:2] != "13":
        return []
    return _condition_targets(case.doc, case.verb, case.lex, case.sources)


def target_of_protest(case: TargetCase) -> list[Side]:
    """A protest's target is what it protests: "rioted in protest at X's decision"."""
    if case.entry.passive or case.entry.code[:2] != "14":
        return []
    return _protest_targets(case.doc, [case.verb], case.lex, case.sources)


def target_of_topic(case: TargetCase) -> list[Side]:
    """A statement, appeal, intent, demand, disapproval, rejection or threat (root class
    ``topical``) that addresses no one is aimed at the actor it is about: the first coded actor
    of a topic phrase on the verb or its object ("expressed doubts about X's overtures", "warned
    of X's plans", "promised retaliation against X"), of its object ("rejected X's findings"),
    else of the clause it reports or its object's content clause ("claimed that X is ...",
    "voiced concern that rights in X ..."). Phrases before the verb set the scene."""
    if case.entry.passive or case.entry.code[:2] not in root_class("topical"):
        return []
    verb = case.verb
    if verb.lemma_ in case.lex.cue("speech_verb") or not any(s is not None and s.get("code") for s in case.sources):
        return []  # a speech verb's target is what was said (``_verb_roles``); no speaker, no statement
    obj = syntax.direct_object(verb)
    if case.entry.code[:2] in ("11", "12") and _attack_noun(obj, case.lex):
        return []  # "condemned the attacks on X": its doers were the only candidates (_verb_roles)
    heads = [verb] + ([obj] if obj is not None and obj.dep_ == "dobj" else [])
    scopes: list[Token] = [c for head in heads for c in head.children
                           if c.dep_ == "prep" and c.lower_ in en.TOPIC_PREPOSITIONS and c.i > verb.i]
    if obj is not None and obj.dep_ == "dobj":
        scopes.extend(c for c in obj.children if c.dep_ == "poss")
    scopes.extend(c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i)
    if obj is not None and obj.dep_ == "dobj":
        scopes.extend(c for c in obj.children if c.dep_ in ("acl", "ccomp")
                      and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))
    for scope in scopes:
        found = _first_actor(case.doc, scope, case.sources, named=True)
        if found and _own_country(found, case.sources):
            found = _abroad(case.doc, scope, case.sources, case.lex) or found
        if found:
            return found
    return []


def _host_targets(doc: Doc, heads: list[Token], lex: Lexicon, sources: list[Side]) -> list[Side]:
    """The host of a meeting or visit by one party abroad ("Kerry said during meetings in Berlin",
    "In Japan, where Putin was on a visit, ..."): the country of the place it is held in, named
    after one of the heads or as the antecedent of a "where" clause holding it, when that country
    is not the sources' own (at home a place is only a venue; with two parties named they are each
    other's targets, docs/annotation.md section 2)."""
    countries = {s.get("country") for s in sources if s is not None}
    if len(countries) != 1 or None in countries:
        return []
    if any(_hyphen_named(head) for head in heads):
        return []  # "the Trump-Kim summit in Hanoi": two parties meet, the place is a third country's
    for head in heads:
        found = _place_targets(doc, head, lex, sources)
        clause = next((a for a in head.ancestors if a.dep_ == "relcl"), None)
        if not found and clause is not None and any(c.lower_ == "where" for c in clause.children):
            place = clause.head  # "in Japan, where Putin was on an official visit"
            if place.ent_type_ in _PLACE_ENTS:
                found = [t for t in _sides(doc, [place], lex) if t is not None and t.get("code")]
        found = [t for t in found if t is not None and t.get("country") and t.get("country") not in countries]
        if found:
            return found
    return []


#: The ``evidence.rules.target`` of :func:`_organisation_members`.
ORGANISATION_MEETING = "organisation_meeting"
#: The country-level code of an organisation's member states acting among themselves (docs/annotation.md D32a).
ORGANISATION_CODE = "IGO"


def _organisation_members(doc: Doc, heads: list[Token], lex: Lexicon, sources: list[Side]) -> list[Side]:
    """A gathering of an international organisation (every source an ``IGO`` actor) held abroad, which
    :func:`_host_targets` would aim at its host ("a NATO summit in Brussels", "EU finance ministers meet in
    Luxembourg"): its member states meet among themselves, so it is aimed at the organisation, ``IGO`` to ``IGO``
    (docs/annotation.md D32a; a host that only hosts is no party, section 2). Only a word of gathering (cue
    ``assembly_word``: summit, conference, meet ...), not a journey ("an IMF mission arrived in Lusaka" is aimed at
    its host). The target is the organisation's members ("members of NATO"), coded ``IGO`` (evidence rule
    ``organisation_meeting``)."""
    if not sources or any(s is None or s.get("country") != ORGANISATION_CODE for s in sources):
        return []
    if not any(head.lemma_.lower() in lex.cue("assembly_word") for head in heads):
        return []
    if not _host_targets(doc, heads, lex, sources):
        return []
    # the members, named apart from the source's own words (the side chooser reads the other side's words), at the
    # country level of an organisation (IGO)
    source = sources[0]
    assert source is not None  # every source is an IGO actor: checked above
    name = str(source.get("text") or "the organisation")
    members: ActorRef = {"text": f"members of {name}", "code": ORGANISATION_CODE, "country": ORGANISATION_CODE,
                         "sector": None}
    return [members]


def organisation_meeting(case: TargetCase) -> list[Side]:
    """A gathering of an organisation's members abroad is aimed at the organisation: :func:`_organisation_members`."""
    if case.entry.passive or case.entry.code[:2] != "04":
        return []
    return _organisation_members(case.doc, [case.verb], case.lex, case.sources)


def target_of_host(case: TargetCase) -> list[Side]:
    """A meeting or visit by one party abroad is aimed at its host: :func:`_host_targets`."""
    if case.entry.passive or case.entry.code[:2] != "04":
        return []
    return _host_targets(case.doc, [case.verb], case.lex, case.sources)


def target_of_measure(case: TargetCase) -> list[Side]:
    """An appeal or demand by a domestic part of a state (a source with a sector: a minister, a
    legislator, a ministry) for a measure aimed at someone, naming no one appealed to and no one who
    would take it ("Senator X called for sanctions against Y", "the foreign minister called for the
    expulsion of Y's diplomats"), is aimed at the source's own country: its government, which would
    take the measure (:func:`_measure_doers`)."""
    if case.entry.passive or case.entry.code[:2] not in root_class("appeal"):
        return []
    homes = {s.get("country") for s in case.sources if s is not None and split_code(s.get("code"))[1]}
    if len(homes) != 1 or None in homes or not _measure_aimed(case.doc, case.verb, case.lex):
        return []
    home = str(next(iter(homes)))
    return [country_side(home)]


#: Where a verb event's target comes from when the parse (:func:`_verb_roles`) names none, tried in
#: order; the first strategy that finds one wins. Then, if no target is a coded actor,
#: :func:`target_of_place` may still name the country the act is done in.
VERB_TARGET_STRATEGIES: tuple[Callable[[TargetCase], list[Side]], ...] = (
    target_of_complement, target_of_purpose, target_of_condition, target_of_protest, organisation_meeting, target_of_host,
    target_of_topic,
    target_of_measure)


def target_of_place(case: TargetCase) -> list[Side]:
    """With no target, or only an uncoded one ("lifted a state of emergency in West Darfur"), the
    place the act is done in (CAMEO's convention); never for a meeting, a statement or a passive."""
    if case.entry.passive or _meets(case.entry.code) or case.entry.code[:2] == "01":
        return []  # where a statement is made ("said in New York") is its venue
    return _place_targets(case.doc, case.verb, case.lex, case.sources)


def verb_targets(case: TargetCase, targets: list[Side]) -> tuple[list[Side], str]:
    """A verb event's targets and the name of the rule that found them: those of the parse
    (``_verb_roles``), else the first of :data:`VERB_TARGET_STRATEGIES` that finds one; then
    :func:`target_of_place` where no target is a coded actor."""
    rule = "_verb_roles"
    for strategy in VERB_TARGET_STRATEGIES:
        if targets:
            break
        targets = strategy(case)
        rule = strategy.__name__ if targets else rule
        if any(t is not None and t.get("evidence") == ABROAD_EVIDENCE for t in targets):
            rule += ABROAD
    if not any(t is not None and t.get("code") for t in targets):
        place = target_of_place(case)
        targets, rule = (place, "target_of_place") if place else (targets, rule)
    return targets, rule


def _owned_noun(noun: Token) -> bool:
    """Whether an event noun names its doer on itself: a possessor ("Russia's criticism"), a
    nationality adjective before it ("Russian criticism") or a "by" agent ("criticism by Russia")."""
    return any(c.dep_ == "poss" or (c.dep_ == "amod" and c.ent_type_ == "NORP" and c.i < noun.i)
               or (c.dep_ == "prep" and c.lower_ == "by") for c in noun.children)


def owned_complement_targets(doc: Doc, noun: Token, code: str, lex: Lexicon) -> list[Token]:
    """The target of an event noun whose doer is named on it, from its complement
    (:data:`en.OWNED_NOUN_TARGET_PREPOSITIONS`, by CAMEO root): "Russia's criticism of Ukraine",
    "Japan's complaints about China". When the complement names no actor, its own owner is the
    target ("Germany's rejection of Poland's proposal", "criticism of the president's policy",
    "criticism of American sanctions"). Only on an owned noun (:func:`_owned_noun`): with no doer
    named, "the criticism of the opposition" may name the doer."""
    preps = en.OWNED_NOUN_TARGET_PREPOSITIONS.get(code[:2])
    if not preps or not _owned_noun(noun):
        return []
    for child in noun.children:
        if child.dep_ != "prep" or child.lower_ not in preps:
            continue
        pobj = syntax.pobj(child)
        if pobj is None:
            continue
        named = [pobj, *pobj.conjuncts]
        if any(side is not None and side.get("code") for side in _sides(doc, named, lex)):
            return named
        owners = [c for c in pobj.children if c.dep_ == "poss"
                  or (c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in syntax.ACTOR_ENTITIES)]
        if owners and any(side is not None and side.get("code") for side in _sides(doc, owners, lex)):
            return owners
    return []
