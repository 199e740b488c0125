"""Modality and negation: whether an act is asserted, intended, hypothetical, reported or historical,
and whether it is negated, from its own words and from the clause that governs it."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Any

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.tokens import Doc, Token

from .. import syntax
from ..dates import after_publication, directly_timed, doc_timexes, event_tense, possessor_of_other
from ..timexes import WEEKDAY, normalize
from ..doc import extension, per_doc, tokens_to_items
from ..lexicon import Lexicon
from .triggers import (aim_of_intent, finite_past_conjunct, performed_aim, _can_act, _is_act, _measured, _subordinate,
                       _speaking_document, _trailing_adjunct, _verb_entry, _verbal_adjunct, verbal_gerund)
from ..codebook import root_class
from ..lang import en
from ..record import ActorRef, Modality
from .sides import _sides


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


_WEEKDAY = re.compile(WEEKDAY)


_DECADE = re.compile(r"\b(1[89]\d0|20[0-9]0)'?s\b")


#: "18 years ago", "two decades ago", "several years ago" (an unnamed count is taken as two or more).
_YEARS_AGO = re.compile(r"\b(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                        r"several|many|some|few|\w+teen|\w+ty)\s+(years?|decades?|centur(?:y|ies))\s+ago\b")




_WORLD_WAR = re.compile(r"\b(?:world war|ww\s?(?:i|ii|1|2)\b|(?:first|second) world war|napoleonic wars?)\b")


def _note(why: list[str] | None, cue: str) -> None:
    """Name a modality cue rule that decided (``why``: the list :func:`_modality` and :func:`_noun_modality` fill for
    ``evidence.rules.modality_cue``, :data:`dateline.confidence.MODALITY_CUE_KEY`; None: nobody asked)."""
    if why is not None and cue not in why:
        why.append(cue)


def _own_modality(token: Token, lex: Lexicon, doc: Doc, why: list[str] | None = None) -> Modality | None:
    future, possible = lex.cue("future"), lex.cue("possible")
    mode: Modality | None = None
    threat: bool | None = None  # a threat or warning (cue warning_verb, _threat_entry): read once, on an "if" clause
    for child in token.children:
        if child.dep_ == "aux" and child.lower_ in lex.cue("backshifted_future") and not _reported_future(token, lex):
            mode = "hypothetical"  # "would increase spending", "talks that would lead to": a case put, no intent told
        elif child.dep_ == "aux" and child.lower_ in future:
            mode = "intended"
        elif child.dep_ == "aux" and child.lower_ in possible:
            mode = "hypothetical"
        elif child.dep_ == "aux" and child.lower_ in lex.cue("obligation"):
            mode = "intended"  # "Sudan must return": demanded, not done
        elif child.dep_ == "advmod" and child.lower_ in lex.cue("report_adverb"):
            return "reported"
        elif child.dep_ == "mark" and child.lower_ in lex.cue("condition"):
            return "hypothetical"  # "if Iran attacks"
        elif child.dep_ == "advmod" and child.lower_ in lex.cue("indirect_question") and token.dep_ != "advcl" \
                and _modal(token, lex):
            _note(why, "indirect_question")
            return "hypothetical"  # "refused to say how Russia will retaliate": what is still to be decided, asked
        elif child.dep_ == "mark" and child.lower_ in lex.cue("pending") and syntax.present_tense(token):
            return "hypothetical"  # "until their demands are met": not (yet) done
        elif (child.dep_ == "advmod" and child.lower_ in lex.cue("pending_adverb") and child.i == token.left_edge.i
              and syntax.present_tense(token)):
            return "hypothetical"  # "when the leaders press Obama, he will ...": a case put, not a report
        elif child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in lex.cue("condition") for g in child.children):
            if threat is None:
                threat = token.lemma_ in lex.cue("warning_verb") or _threat_entry(token, lex)
            if not (threat and _conditioning(token, child)):
                return "hypothetical"
    if mode is None and token.dep_ == "advcl" and token.head.lower_ in lex.cue("pending") and \
            syntax.present_tense(token):
        _note(why, "pending_clause")
        return "hypothetical"  # "as long as Iran arms the rebels", "as soon as the US withdraws": not (yet) done
    if mode is None and _for_infinitive(token, lex):
        return "hypothetical"  # "pushed for North Korea to attend", "no sense for the Taliban to be rewarded"
    if token.dep_ == "xcomp" and token.head.lemma_ == "go" and any(c.dep_ == "aux" for c in token.head.children):
        mode = "intended"  # "is going to meet"
    if mode is None and _scheduled(token, lex):
        mode = "intended"  # "Trump is to meet Putin on Friday": scheduled, not held
    if mode is None and _present_future(token, lex):
        _note(why, "present_future")
        mode = "intended"  # "the ministers meet in Brussels later this week": a schedule told in the present
    if mode is None and event_tense(token) != "past" and _planned_day(token, doc, lex):
        _note(why, "planned_day")
        mode = "intended"  # "On Wednesday, the envoy meets the minister" in a Monday article: still to come
    if mode is None and _stated_aim(token, lex):
        subject = _be_to_subject(token, lex)
        if subject is not None and _extraposed(subject) and _doer(subject, lex):
            _note(why, "extraposed")  # a doer's "is to" that _scheduled took before session 42
        return "hypothetical"  # "the aim of the policy is to encourage reform": an aim, not an act
    if mode is None and token.dep_ == "ROOT" and syntax.ends_in_question(token):
        return "hypothetical"  # "Will North Korea attack?": asked, not reported
    return mode


def _modal(token: Token, lex: Lexicon) -> bool:
    """Whether a verb has a modal auxiliary of the future or of possibility (cues ``future``, ``possible``,
    ``obligation``): "will", "would", "could", "must"."""
    modals = lex.cue("future") | lex.cue("possible") | lex.cue("obligation")
    return any(c.dep_ == "aux" and c.lower_ in modals for c in token.children)


def _threat_entry(token: Token, lex: Lexicon) -> bool:
    """Whether a verb is coded a threat (CAMEO 13) by its lexicon entry: read by :func:`_own_modality` (a threat
    that states its own condition, :func:`_conditioning`) and :func:`_threatened` (the event noun a threat names)."""
    if token.pos_ != "VERB":
        return False
    entry = _verb_entry(token, lex)
    return entry is not None and entry.code[:2] == "13"


def _conditioning(token: Token, clause: Token) -> bool:
    """Whether a threat or warning (its verb coded 13 by its entry, :func:`_threat_entry`, or of cue
    ``warning_verb``) states its own condition in its "if"/"unless" clause
    ``clause`` ("threatened Europe with refugees if it called the invasion an occupation", "has warned of a strike if
    provoked"): the condition is what the threat says, and the threat is made (docs/annotation.md section 2: a
    threat is coded when announced). Only a clause after the verb, or any clause of a verb not in the present
    tense: a clause put before a present-tense verb puts a case the threat hangs on ("If NATO expands, Russia
    threatens Finland with missiles": hypothetical, session 40 mend)."""
    return clause.i > token.i or not syntax.present_tense(token)


def _reported_future(token: Token, lex: Lexicon) -> bool:
    """Whether a verb with a backshifted future (cue ``backshifted_future``: "would") tells what
    someone said or announced would happen: the clause (or the first of coordinated clauses) is
    the complement of a verb ("said the U.S. would honor its alliance", "announced it would
    pull out"), has a speech verb as its parenthetical ("we would retaliate, he said"), or is the
    content of a statement noun (cue ``statement_noun``: "gave notice that it would fight").
    Elsewhere "would" puts a case ("it would increase spending", "talks that would lead to
    membership"): no intent is reported."""
    token = syntax.first_conjunct(token)
    if any(c.dep_ == "parataxis" and c.lemma_ in lex.cue("speech_verb") for c in token.children):
        return True
    head = token.head
    if head == token:
        return False
    if token.dep_ in ("ccomp", "parataxis") and head.pos_ in ("VERB", "AUX"):
        return True
    return token.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and head.lemma_ in lex.cue("statement_noun")


def _for_infinitive(token: Token, lex: Lexicon) -> bool:
    """Whether a verb is an infinitive whose subject "for" introduces (cue ``irrealis_mark``: "a plea
    for X to surrender", "pushed for North Korea to attend"): English puts a wished, urged or
    judged act so, never one reported as done."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    marks = lex.cue("irrealis_mark")
    if any(c.dep_ == "mark" and c.lower_ in marks for c in token.children):
        return True
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.left_edge.i > 0 and token.doc[subject.left_edge.i - 1].lower_ in marks


def _scheduled(token: Token, lex: Lexicon) -> bool:
    """Whether a verb is scheduled by "be to" ("Trump is to meet Putin"): an infinitive complement
    of "be" whose subject is a doer (a name, a pronoun, an agent noun); not "is to blame" (cue
    ``be_to_idiom``), nor an aim stated by a thing ("its mandate is to fight prices")."""
    subject = _be_to_subject(token, lex)
    if subject is not None and (_extraposed(subject) or any(
            c.dep_ == "mark" and c.lower_ in lex.cue("condition") for c in token.head.children)):
        return False  # "it would be a mistake to fire him"; "if Iran were to attack": a case, not a schedule
    return subject is not None and _doer(subject, lex)


def _extraposed(subject: Token) -> bool:
    """Whether the subject of "be" is the dummy "it" of an extraposed infinitive, "be" having a predicate of its
    own ("it would be a mistake to fire him", "it is important to meet them"): the infinitive is the case judged,
    not an act scheduled (:func:`_scheduled`) or an aim (:func:`_stated_aim`)."""
    return subject.lower_ == "it" and any(c.dep_ in ("attr", "acomp") for c in subject.head.children)


def _be_to_subject(token: Token, lex: Lexicon) -> Token | None:
    """The subject of "be" when ``token`` is its "to" infinitive predicate ("X is to meet Y", "the aim
    is to encourage reform"), else None; None too for an idiom (cue ``be_to_idiom``: "is to blame")."""
    head = token.head
    if token.dep_ != "xcomp" or head.lemma_ != "be" or token.lemma_ in lex.cue("be_to_idiom"):
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return None
    return _be_subject(head, lex)


def _doer(subject: Token, lex: Lexicon) -> bool:
    """Whether a subject can do acts: a name, a pronoun, or an agent noun (not a thing such as "the aim")."""
    return subject.pos_ != "NOUN" or bool(subject.ent_type_) or _can_act(subject, lex)


def _be_subject(head: Token, lex: Lexicon) -> Token | None:
    """The subject of "be" in "X is to ...", a partitive number standing for what its "of" names
    ("one of its greatest successes was to persuade voters": the successes)."""
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.pos_ == "NUM" and subject.lower_ in lex.cue("partitive_noun"):
        counted = next((syntax.pobj(c) for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        return counted if counted is not None else subject
    return subject


def _stated_aim(token: Token, lex: Lexicon) -> bool:
    """Whether a verb is the infinitive predicate of "be" whose subject is a thing, not a doer ("the
    aim of the plan is to encourage reform", "its mandate is to fight prices", "one of its successes
    was to persuade voters"): what the aim or task is, not an act done (:func:`_scheduled` takes
    a doer's "is to meet"). Not "is to blame" (cue ``be_to_idiom``)."""
    subject = _be_to_subject(token, lex)
    return subject is not None and (not _doer(subject, lex) or _extraposed(subject))


def _historical(token: Token, doc: Doc) -> bool:
    """Whether the act's own time phrase puts it in the past before the story, dated or not (:func:`_background`)."""
    return _background(token, doc) is not None


def _background(token: Token, doc: Doc) -> str | None:
    """Whether the act's own time phrase puts it in the past before the story: "dated" when the
    phrase gives its year (a year before last, with a publication date; "N years ago" with N of
    two or more: the dates stage dates it by the text), "undated" when it names only an era (a decade
    that ended before it, "in the 1970s"; a world war, "during World War Two"), else None."""
    starts = _time_starts(doc)
    k = bisect.bisect_left(starts, token.left_edge.i)
    if k == len(starts) or starts[k] > token.right_edge.i:
        return None  # no time phrase opens inside the token's subtree: the walk below finds none
    published = extension(doc, "published")
    found: str | None = None
    for child in token.children:
        if child.dep_ in ("ccomp", "xcomp", "conj", "advcl"):
            continue
        for item in child.subtree:
            if item.ent_type_ not in ("DATE", "EVENT") or item.ent_iob_ != "B" or not _own_time(item, token):
                continue
            end = item.i + 1  # the entity that starts here (without rebuilding doc.ents per token)
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            kind = _past_time(doc[item.i:end].text, published)
            if kind == "dated":
                return kind
            found = found or kind
    return found


def _time_starts(doc: Doc) -> list[int]:
    """The tokens that open a DATE or EVENT entity (``ent_iob_`` "B"), ascending, once per Doc: most acts have
    none in their subtree, which :func:`_background` then need not walk."""
    def build(d: Doc) -> list[int]:
        columns = d.to_array([ENT_IOB, ENT_TYPE])
        labels = [d.vocab.strings[label] for label in ("DATE", "EVENT")]
        return numpy.flatnonzero((columns[:, 0] == 3) & numpy.isin(columns[:, 1], labels)).tolist()  # 3: B
    return per_doc(doc, "modality.time_starts", build)


def _own_time(item: Token, token: Token) -> bool:
    """Whether a time phrase belongs to the act itself: no other verb stands between them (the
    time of "rebels who entered two years ago" is the entering's, not the granting's), nor a noun
    outside the time phrase (the year of "complies with the 2015 accord", "marked the anniversary
    of the 2001 attacks" is the accord's or the attacks', not the act's)."""
    head = item.head
    while head.i != token.i:
        if head.pos_ in ("VERB", "AUX") or head.i == head.head.i:
            return False
        if head.pos_ in ("NOUN", "PROPN") and head.ent_type_ not in ("DATE", "EVENT"):
            return False
        head = head.head
    return True


def _past_time(text: str, published: Any) -> str | None:
    """Whether a DATE or EVENT phrase names a time before the year before publication: "dated"
    (a year, "N years ago"), "undated" (a decade, a world war), else None."""
    lowered = text.lower()
    if _WORLD_WAR.search(lowered):
        return "undated"
    ago = _YEARS_AGO.search(lowered)
    if ago:
        count = ago.group(1)
        number = int(count) if count.isdigit() else en.NUMBER_WORDS.get(count, 2)
        if ago.group(2).startswith("year"):
            if number < 2:
                return None  # "a year ago": last year's act is news
            return "dated" if count.isdigit() or count in en.NUMBER_WORDS else "undated"  # ("several years ago")
        return "undated"  # "a decade ago", "two centuries ago"
    if published is None:
        return None
    decade = _DECADE.search(lowered)
    if decade:
        return "undated" if int(decade.group(1)) + 9 < published.year - 1 else None
    match = _YEAR.search(lowered)
    return "dated" if match and int(match.group(1)) < published.year - 1 else None


def _own_negation(verb: Token, lex: Lexicon, why: list[str] | None = None) -> bool:
    """Whether a verb's own words deny it: "not", "no talks", "nobody has called them", "will no longer"."""
    negated = any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in verb.children)
    negated = negated or any(c.dep_ == "dobj" and any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)
                             for c in verb.children)
    # "nobody has called them", "no one attended": a negative subject denies the act
    # ("neither X nor Y accepted": the negative word opens the coordinated subject)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    negated = negated or any(c.lower_ in lex.cue("negative_subject") or any(
        g.dep_ == "det" and g.lower_ == "no" for g in c.children) for c in subjects)
    if not negated and any(g.dep_ in ("preconj", "det") and g.lower_ in lex.cue("negative_subject")
                           for c in subjects for g in c.children):
        negated = True
        _note(why, "neither_subject")
    # "abstained rather than vetoing it": the verb coordinated by "rather than" is what was not done
    # (the parser hangs "than" on the first verb, as a conjunction before the second)
    if not negated and verb.dep_ == "conj" and any(
            c.dep_ == "cc" and verb.head.i < c.i < verb.i and any(
                f"{g.lower_} {c.lower_}" in lex.cue("negating_phrase") for g in c.children if g.dep_ == "advmod")
            for c in verb.head.children):
        negated = True
        _note(why, "rather_than")
    # "will no longer tolerate": the negation hangs on the adverb, not on the verb
    return negated or any(c.dep_ == "advmod" and any(
        f"{g.lower_} {c.lower_}" in lex.cue("negating_phrase") for g in c.children if g.dep_ == "neg") for c in verb.children)


def _modality(verb: Token, lex: Lexicon, doc: Doc, why: list[str] | None = None) -> tuple[bool, Modality]:
    """(negated, modality) of a verb: its own cues, then those of the verbs governing it. ``why``, when given, gets
    the names of the session-42 cue rules that decided (:func:`_note`; written as ``evidence.rules.modality_cue``)."""
    negation = lex.cue("negation")
    negated = _own_negation(verb, lex, why)
    modality = _own_modality(verb, lex, doc, why)
    if modality is None and verb.dep_ == "csubj" and verb.tag_ == "VBG" and verb.head != verb:
        # "Conceding to protesters may quell the protests": a gerund subject under a modal is an act
        # considered, not one done
        governing = _own_modality(verb.head, lex, doc)
        modality = governing if governing in ("hypothetical", "intended") else None
    if modality is None and _aim(_first_conjunct(verb), lex):
        modality = "intended"  # "to train and assist local forces": the second verb is the same aim
    if modality is None and _background(verb, doc) == "undated":
        modality = "historical"  # background the text dates is asserted (``background`` on the event)
    token = verb
    for _ in range(4):
        if token.dep_ not in ("xcomp", "ccomp", "pcomp", "conj", "advcl", "acl", "pobj") or token.head == token:
            break
        head = token.head
        link = token.dep_
        if (link == "conj" and finite_past_conjunct(token)) or (link == "advcl" and _past_clause(token, lex)):
            # "vowed to retaliate and accused X", "pledged to do more after Trump threatened tariffs": a clause of
            # its own in the past tense, told as done whatever the intent, case or negation of the verb it hangs on
            if why is not None and _modality(head, lex, doc) != (False, "asserted"):
                _note(why, "finite_conjunct" if link == "conj" else "past_clause")
            break
        clause, token = token, head
        if link == "pcomp" and verbal_gerund(clause, lex):
            # "did not join X in calling for", "will meet X after demanding talks" (the preposition an ADP,
            # "since" a SCONJ, "following" a VERB to the parser): the verbal act is as done as the verb it
            # is told with (_subordinate counts it a main act)
            token = head.head
            modality = modality or _own_modality(token, lex, doc, why)
            negated = negated or _own_negation(token, lex, why)
            continue
        if head.pos_ == "ADP":
            if head.lower_ in negation:
                negated = True  # "without meeting"
            if f"{head.head.lower_} {head.lower_}" in lex.cue("negating_phrase"):
                negated = True  # "far from launching an attack", "stopped short of imposing"
            if head.head.pos_ == "VERB" and head.head.lemma_ in lex.cue("negating_verb") and link == "pcomp":
                negated = True  # "refrained from criticizing Russia": as "avoided criticizing"
            aimed = aim_of_intent(head, lex)
            if head.lower_ in lex.cue("means_preposition") and link == "pcomp" and head.head.pos_ in ("VERB", "AUX") \
                    and head.head != head:
                # "the accusation that Russia is playing a role by arming rebels", "will help by sending
                # troops": the means is done as, and only as far as, the act it serves
                token = head.head
                modality = modality or _own_modality(token, lex, doc, why)
                negated = negated or any(c.dep_ == "neg" for c in token.children)
                continue
            if link == "pcomp" and _attributed_act(clause, lex):
                # "Iran is responsible for backing the rebels": the backing as laid on Iran is the speaker's blame
                modality = modality or "reported"
                _note(why, "responsible_for")
                break
            if link == "pcomp" and clause.tag_ == "VBG" and head.lower_ in lex.cue("unrealised_preposition"):
                # "deterred Iran from arming", "capable of hitting", "intent on stepping up", "a call against
                # sending troops", "work towards lifting": the gerund is prevented, possible, sought or talked
                # about, not reported as done
                modality = modality or "hypothetical"
                break
            if (head.lower_ != "to" and not aimed) or head.head == head:
                break  # "after meeting X" says when, not whether ("aimed at ending" says what is sought)
            token = head = head.head  # "looks forward to meeting", "agreed to a summit"
            link = "pcomp"
        if link in ("xcomp", "pcomp", "acl") and _verb_cue(head, lex.cue("negating_verb")):
            if not negated:
                _note(why, "negating_verb")
            negated = True
        elif not negated and link == "advcl" and clause.tag_ == "VBG" and _verb_cue(head, lex.cue("negating_verb"), phrasal_only=True) \
                and head.i < clause.i and not any(t.is_punct and t.text != "-"
                                                  for t in clause.doc[head.i:clause.left_edge.i]):
            # "has ruled out sending troops": the parser hangs the gerund on the phrasal verb (not a participle
            # set off by a comma, "ruled out strikes, while praising the coalition")
            negated = True
            _note(why, "negating_verb")
        if link == "conj":
            negated = negated or any(c.dep_ == "neg" for c in head.children)
        if link in ("xcomp", "pcomp") and head.pos_ == "ADJ" and head.lemma_ in lex.cue("intent_adjective") \
                and not negated and _negated_predicate(head):
            # "is not willing to negotiate", "was not ready to extradite": the readiness is denied, so no intent
            # is declared (the act is intended and negated, as under "refused to")
            negated = True
            _note(why, "negated_intent_adjective")
        if link == "xcomp" and head.lemma_ in lex.cue("attempt_verb") and syntax.past_tense(head):
            pass  # "tried to hack", "attempted to assassinate": an attempt made is the act (CAMEO codes it)
        elif link in ("xcomp", "acl", "pcomp") and head.lemma_ in (lex.cue("intent_verb") | lex.cue("control_noun")
                                                                   | lex.cue("intent_adjective")):
            modality = modality or "intended"
        elif link == "ccomp" and head.lemma_ in lex.cue("intent_verb") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            # "expects the authorities to prosecute": wanted by another, no intent its doer declared
            modality = modality or "hypothetical"
        if link == "xcomp" and head.lemma_ in lex.cue("unrealised_adjective"):
            modality = modality or "hypothetical"  # "is reluctant to impose", "is able to strike"
        if modality is None and link in ("xcomp", "pcomp") and head.pos_ == "ADJ" and head.lemma_ in lex.cue("prospect_adjective"):
            # "is about to strike", "was open to meeting them", "is closer to sending troops": an act in
            # view, not done (the gerund after "to" reaches the adjective by the hop above)
            modality = "hypothetical"
            _note(why, "prospect_adjective")
        if modality is None and link == "xcomp" and clause == syntax.first_conjunct(verb) \
                and head.lemma_ in lex.cue("directive_verb") \
                and any(c.dep_ in ("dobj", "nsubjpass") for c in head.children) \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            # "told Uganda to withdraw", "the troops were instructed to fire": what one is told to do is asked of
            # them, not reported as done
            modality = "hypothetical"
            _note(why, "directive_verb")
        if modality is None and link in ("xcomp", "dobj") and clause.tag_ == "VBG" \
                and head.lemma_ in lex.cue("proposal_verb"):
            modality = "hypothetical"  # "suggested inviting Russia to rejoin": proposed, not done
            _note(why, "proposal_verb")
        if modality is None and link == "ccomp" and head.lemma_ in lex.cue("affirming_verb") and any(
                c.dep_ == "neg" for c in head.children):
            # "did not confirm that X was killed", "the evidence did not establish that X asked": not asserted
            modality = "hypothetical"
            _note(why, "unaffirmed_clause")
        if link == "xcomp" and head.lemma_ in lex.cue("obligation_verb") and clause.tag_ == "VB":
            if any(c.dep_ == "advmod" and c.lower_ in lex.cue("not_yet_adverb") for c in head.children):
                negated = True  # "has yet to reveal", "had yet to issue": not (yet) done
            elif not syntax.past_tense(head):
                # "has to accept", "will have to veto", "having to apologise": owed, not done ("had to
                # suspend payments" reports what was done)
                modality = modality or "hypothetical"
        if link in ("ccomp", "xcomp", "pcomp") and head.lemma_ in lex.cue("report_verb"):
            modality = modality or "reported"
        if link == "acl" and _speaking_document(clause, lex):
            # "a letter urging X", "Kenya denied sending a letter urging X": the text's act is as done
            # as the clause the text is told in (the noun is no report: "a statement accusing X of")
            clause_verb = syntax.governing_verb(head)
            if clause_verb is not None:
                clause_negated, clause_modality = _modality(clause_verb, lex, doc)
                if clause_modality == "asserted" and not clause_negated:
                    clause_modality = _subordinate(clause_verb, lex) or clause_modality
                negated = negated or clause_negated
                if clause_modality != "asserted":
                    modality = modality or clause_modality
            break
        if link == "acl" and head.pos_ == "NOUN" and head.lemma_ in lex.cue("report_verb"):
            modality = modality or "reported"  # "an allegation that X had taken the city"
        if link == "acl" and head.pos_ == "NOUN" and head.lemma_ in lex.cue("report_noun"):
            modality = modality or "reported"  # "reports that Iran intended to", "speculation that X had stolen"
        causing = link == "ccomp" and head.lemma_ in lex.cue("causative_verb") and not any(
            c.dep_ == "mark" for c in clause.children)
        if link in ("conj", "xcomp") or causing:
            # "could decide to lift", "will continue to be denied": an infinitive complement is as
            # done as the verb whose modal governs it
            modality = modality or _own_modality(head, lex, doc, why)
        if link == "advcl" and (_trailing_adjunct(clause) or _verbal_adjunct(clause, lex)):
            # "may shell the town, threatening Lebanon": the adjunct is as done as the act it follows
            modality = modality or _own_modality(head, lex, doc, why)
            negated = negated or any(c.dep_ == "neg" for c in head.children)
        elif link == "advcl" and clause.i == verb.i and performed_aim(clause, lex):
            # "walked out of parliament to protest the law": the protest is as done as the act that performs it
            _note(why, "performed_aim")
            modality = modality or _own_modality(head, lex, doc, why)
            negated = negated or any(c.dep_ == "neg" for c in head.children)
        if link == "ccomp" and modality == "intended" and _predicted(clause, head, lex):
            modality = "hypothetical"  # "he expected most people would obey the law": foreseen, not declared
        if link == "ccomp" and head.lemma_ in lex.cue("speech_verb") and any(c.dep_ == "neg" for c in head.children):
            # "has not said he will abide by it": nothing declared, not even an intent
            modality = "hypothetical" if modality in (None, "intended") else modality
        if link == "ccomp" and head.lemma_ in lex.cue("denial_verb") and any(
                c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
            negated = True  # "officials denied that Russia was sending arms": said not to have happened
        if link in ("ccomp",) and not causing:
            break  # what someone said keeps its own modality
    return negated, modality or "asserted"


def _past_clause(clause: Token, lex: Lexicon) -> bool:
    """Whether an adverbial clause is in the simple past with its own subject and a conjunction of time, cause or
    concession ("after Trump threatened tariffs", "because Iran attacked", "though authorities declined"), not of
    condition or of what is pending (cues ``condition``, ``pending``): the clause tells an act done, whatever the
    intent, case or aim of the verb it hangs on (rule ``past_clause``)."""
    if clause.tag_ != "VBD" or clause.lower_ == clause.lemma_.lower():
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return False
    marks = [c.lower_ for c in clause.children if c.dep_ == "mark"]
    blocked = lex.cue("condition") | lex.cue("pending") | {"whether"}
    return bool(marks) and not any(m in blocked for m in marks)


def _predicted(clause: Token, head: Token, lex: Lexicon) -> bool:
    """Whether a future clause ("will", "would") is what someone expects, believes or learned of
    another's act (cue ``prediction_verb``: "expected most people would obey", "learned the US will
    overtake Russia"): a forecast, not an intent its doer declared (docs/annotation.md: intended is
    what someone "will, plans, promises"; a prediction by another is hypothetical). Not when the
    one who expects is the doer ("we expect we will meet them")."""
    if head.lemma_ not in lex.cue("prediction_verb"):
        return False
    own = syntax.subject(clause)
    believer = syntax.subject(head)
    if own is None:
        return False
    if believer is None:
        return True
    same = own.lower_ == believer.lower_ or (own.lower_ in en.FIRST_PERSON_PRONOUNS
                                             and believer.lower_ in en.FIRST_PERSON_PRONOUNS)
    return not same


def _first_conjunct(verb: Token) -> Token:
    """The first of coordinated verbs that share their subject and auxiliaries ("to degrade and destroy
    ISIL": "degrade"; also with the infinitive "to" repeated, "to support Kuwait and to monitor Iraq"),
    else the verb itself."""
    token = verb
    while token.dep_ == "conj" and token.head != token and token.head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") and not _repeated_to(c, token.head)
            for c in token.children):
        token = token.head
    return token


def _repeated_to(child: Token, head: Token) -> bool:
    """Whether ``child`` is an infinitive "to" (tag TO) repeated from the verb ``head`` it is coordinated
    with ("to support ... and to monitor"): the same infinitive, not an auxiliary of its own."""
    return child.dep_ == "aux" and child.tag_ == "TO" and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in head.children)


def _aim(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb is a bare infinitive of purpose under a verb that is no act ("working on a
    resolution to enforce the deal", "can be invoked to approve a war"): an aim, not an act."""
    if verb.dep_ != "advcl" or verb.head.pos_ not in ("VERB", "AUX") or _is_act(verb.head, lex):
        return False
    if verb.head.lemma_ in lex.cue("contact_verb") or performed_aim(verb, lex):
        return False  # "called Modi to congratulate him", "gathered to protest": the act it serves performs it
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        return False  # "so that they meet", "after he met": a clause of its own
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _requests(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb is coded as a request or demand (CAMEO 10): its object is what is asked for."""
    entry = _verb_entry(verb, lex) if verb.pos_ == "VERB" else None
    return entry is not None and entry.code[:2] == "10"


def _negated_predicate(adjective: Token) -> bool:
    """Whether a predicate adjective is negated: its own "not" ("not ready"), or its copula's ("is not willing",
    "was never prepared")."""
    if any(c.dep_ == "neg" for c in adjective.children):
        return True
    return adjective.dep_ == "acomp" and any(c.dep_ == "neg" for c in adjective.head.children)


def _future_time(noun: Token, lex: Lexicon) -> bool:
    """Whether an event noun's own time phrase is still to come: a DATE modifier of the noun with a
    ``future_modifier`` word, "tomorrow" or "later this" ("next week's visit", "talks next month", "the coming summit",
    "talks tomorrow"; :func:`_future_date_word`)."""
    for child in noun.children:
        if child.dep_ not in ("poss", "npadvmod", "amod", "compound", "nmod"):
            continue
        if any(_future_date_word(t, lex) for t in child.subtree):
            return True
    return False


def _future_date_word(token: Token, lex: Lexicon) -> bool:
    """Whether a word of a DATE phrase puts it still to come: ``future_modifier`` ("next week"), "tomorrow", or
    "later" before "this" ("later this week"; not "two days later")."""
    if token.ent_type_ != "DATE":
        return False
    word = token.lower_
    if word in lex.cue("future_modifier") or word == "tomorrow":
        return True
    return word == "later" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "this"


def _present_future(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb in the present tense (simple or progressive: "meets", "is travelling") has a time phrase of its
    own that is still to come ("meet tomorrow", "is travelling to America next week", "meets his counterparts later
    this week"): the present tells a schedule, an intent (docs/annotation.md section 3, "is scheduled"). The time
    phrase is the verb's adverbial (npadvmod, advmod, tmod) or the object of its preposition ("on", "in", "at", "for")."""
    if verb.pos_ not in ("VERB", "AUX") or not syntax.present_tense(verb) or verb.tag_ == "VBN":
        return False
    for child in verb.children:
        if child.dep_ in ("npadvmod", "advmod", "tmod"):
            phrase = list(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in ("on", "in", "at", "for"):
            phrase = [t for c in child.children if c.dep_ == "pobj" for t in c.subtree]
        else:
            continue
        if any(t.lower_ in ("today", "tonight") for t in phrase):
            continue  # not "are meeting today and tomorrow": under way
        if any(_future_date_word(t, lex) for t in phrase):
            return True
    return False


def _planned_day(token: Token, doc: Doc, lex: Lexicon) -> bool:
    """Whether the act's own time expression, as the dates stage resolves it, is a day after the publication day
    ("meets the minister on Wednesday" in a Monday article, "visits Uganda on January 20" in a January 14 one;
    ``dates.after_publication``): the act is still to come at the report, a plan (docs/annotation.md section 3, D5),
    which the dates stage dates the day it was told (its rule ``planned``, D7c); cue ``planned_day``, read by
    :func:`_own_modality` on a verb that is not past (``dates.event_tense``), and by an event noun through its verb
    ("will attend the conference on Friday"). The expression is the act's own (:func:`_own_timex`), and a single day
    (a weekday, a month and day, "tomorrow"): a month, a season or a weekend ("a July visit", "this summer", "this
    weekend") is resolved against the clause's tense too loosely to say the act is still to come. The day must lie
    after the publication day read with no tense too (the nearer of the two days a weekday or a month and day names:
    the clause's tense misleads when it is not the act's, "will have to testify about the Sept. 11 attack" in
    December), and a weekday must not be the day after publication (a stored publication date a day early makes the
    news's own day look still to come, D16b, D25c). Not a verb of intent or prospect itself (cue ``prospective``:
    "prepare for talks on Nov. 20", the preparing is under way; the day is the talks'). False without a publication
    day. Session 60 (lA): the dates stage kept the later day (rule ``planned``) but the modality never read it."""
    published = extension(doc, "published")
    if published is None or token.lemma_ in lex.cue("prospective"):
        return False
    by_token = per_doc(doc, "modality.timexes", lambda d: tokens_to_items(d, doc_timexes(d)))
    own = _own_timex(token, by_token)
    if own is None or own.get("granularity") != "day" or own.get("range") or not after_publication(own, published):
        return False
    nearest = normalize(own["text"], published)  # read with no tense: the nearer day ("the Sept. 11 attack" in December)
    if nearest is None or nearest.granularity != "day" or nearest.value is None or nearest.value <= published.isoformat():
        return False
    return not (_WEEKDAY.search(own["text"]) and own["value"] == (published + dt.timedelta(days=1)).isoformat())


def _own_timex(token: Token, by_token: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
    """The time expression of the act itself: one of the trigger's own time phrases (``dates.directly_timed``: "meets X
    on Wednesday", "visits Y on January 20"; a possessive or modifier of a noun, "Monday's meeting"), not one deeper in
    its phrase ("prepare for talks on Nov. 20": the talks' day) nor its governing verb's, nor a possessive of another
    noun (``dates.possessor_of_other``)."""
    for child in token.children:
        if child.dep_ == "poss" or directly_timed(child, by_token):
            found = next((by_token[t.i] for t in child.subtree if t.i in by_token), None)
            if found is not None and found["value"] is not None and not possessor_of_other(child, token):
                return found
    return None


def _scheduled_noun(noun: Token, lex: Lexicon) -> bool:
    """Whether an event noun is told as scheduled: modified by a participle of a verb of schedule (cue
    ``schedule_verb``: schedule, slate, set, plan) with no particle ("talks scheduled for later this week", "the
    summit set for June"; not "talks set up by Norway", held), or the object of such a verb ("have scheduled separate
    meetings with X", "the meeting was scheduled for Monday"). A schedule is an intent: the event is still to come."""
    words = lex.cue("schedule_verb")
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_ in words \
                and not any(c.dep_ in ("prt", "neg") for c in child.children):
            return True
    head = noun.head
    return noun.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB" and head.lemma_ in words \
        and not any(c.dep_ in ("prt", "xcomp") for c in head.children)  # "drills scheduled to end": the end


def _owned_object(noun: Token, head: Token, lex: Lexicon, modality: Modality | None) -> bool:
    """Whether an event noun with an owner (a possessive: "Monday's meeting", "Russia's incursion") is the object of its
    verb, whose future or case it then does not take ("would use Monday's meeting to press him"): an owned act is
    presupposed made. Not a noun whose own rules gave a modality, nor a decision, plan or intent noun (cues
    ``decision_noun``, ``control_noun``, ``intent_noun``: "will announce its decision to expel", the decision not yet
    taken), nor the object of a verb whose complement is a later event (cue ``prospective``: announce, await)."""
    if modality is not None or noun.dep_ not in ("dobj", "pobj") or not any(c.dep_ == "poss" for c in noun.children):
        return False
    lemma = noun.lemma_.lower()
    if lemma in lex.cue("decision_noun") | lex.cue("control_noun") | lex.cue("intent_noun"):
        return False
    return head.lemma_ not in lex.cue("prospective")


def _purpose_subject(noun: Token, head: Token, lex: Lexicon) -> bool:
    """Whether an event noun is the passive subject of a verb of purpose (cue ``purpose_verb``: design, mean, intend,
    aim) with its own infinitive ("the trip is designed to demonstrate the bond", "the visit was meant to reassure
    allies"): what is intended is the infinitive's act, the trip itself is told as made. Not a verb of expectation
    or plan ("the talks are expected to last two days": still to come)."""
    return noun.dep_ == "nsubjpass" and head.lemma_ in lex.cue("purpose_verb") \
        and any(c.dep_ == "xcomp" for c in head.children)


def _modal_chain(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb, or a verb whose infinitive or conjunct it is ("will try to convince"), has a modal auxiliary
    of the future or of possibility (:func:`_modal`), not the backshifted "would" of a reported clause ("promised
    that the U.S. would stay silent during the negotiations": the negotiations go on)."""
    token = verb
    for _ in range(4):
        if _modal(token, lex) and not any(c.dep_ == "aux" and c.lower_ == "would" for c in token.children):
            return True
        if token.dep_ not in ("xcomp", "conj") or token.head == token:
            return False
        token = token.head
    return False


def _attributed_act(act: Token, lex: Lexicon) -> bool:
    """Whether an act (an event noun or a gerund) is the object of "for" after a predicate of blame (cue
    ``attribution_adjective``: "Iran is responsible for the attack", "was believed to be responsible for planning the
    attacks"): whose act it is, is the blame of whoever says so, a claim (docs/annotation.md D14c, D31a). Not an
    attributive adjective ("the gunman responsible for the shooting": the act is told, asserted), nor a pronoun's
    responsibility ("it was responsible for the attack": a group's claim of its own act, D4)."""
    while act.dep_ == "conj" and act.head != act:
        act = act.head
    head = act.head
    if act.dep_ not in ("pobj", "pcomp") or head.lower_ != "for" or head.head == head:
        return False
    adjective = head.head
    if adjective.dep_ != "acomp" or adjective.lemma_.lower() not in lex.cue("attribution_adjective"):
        return False
    subject = syntax.subject(adjective.head)
    return subject is None or subject.pos_ != "PRON"


def _threatened(noun: Token, lex: Lexicon) -> bool:
    """Whether an event noun is what a threat or warning names ("warned of strikes", "threatened
    with sanctions"): a threat (CAMEO 13) announces the act, it does not make it."""
    head = noun.head
    if noun.dep_ == "pobj" and head.pos_ == "ADP" and head.lower_ in ("of", "with"):
        head = head.head
    elif noun.dep_ != "dobj":
        return False
    return _threat_entry(head, lex)


def _possible_event(noun: Token, lex: Lexicon) -> bool:
    """Whether an event noun is what a noun of possibility names with "of" (cue ``possibility_noun``: "the
    possibility of strikes", "the risk of war", "fears of an invasion", "the prospect of talks"): a case
    foreseen or feared, not an act reported."""
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ == "of" and head.head != head and \
        head.head.pos_ == "NOUN" and head.head.lemma_.lower() in lex.cue("possibility_noun")


def _proposed_event(noun: Token, lex: Lexicon) -> bool:
    """Whether an event noun is what is asked or proposed: the object of "for" after a word of request (cue
    ``request_word``: "called for talks", "a push for a military strike", "their request for a meeting") or the
    object of a verb of proposal (cue ``proposal_verb``: "proposed a general strike"). The act is asked for, not
    reported (the request itself is coded on its own word)."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head != head:
        return head.head.lemma_.lower() in lex.cue("request_word")
    return noun.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_ in lex.cue("proposal_verb")


def _presupposed(noun: Token, head: Token, lex: Lexicon) -> bool:
    """Whether an event noun is told as done whatever its negated governing verb denies: a noun owned by its
    doer (a possessive: "refused to reinstate Trump's ban", "did not accept Syria's denials", "won't stop its
    offensive") or the subject of a verb that says something of the act other than that it happened ("the talks
    have not cost anything", "negotiations would not end next week", "the talks did not reach an agreement"). The
    negation denies the verb's own act, not the noun's. Left negated: the subject of a verb of occurrence ("the
    meeting did not take place", "the talks did not begin": :func:`_occurring`), and an object a light verb makes
    the event of ("did not hold talks", "did not launch its attack": cue ``light_verb``) or a verb of getting makes
    the thing not got ("did not get his meeting with Putin", "did not secure his meeting": cue ``getting_verb``).
    A light verb makes its object the event, not its subject ("the talks did not reach an agreement" is told as
    held, as "did not produce an agreement" is)."""
    if noun.dep_ == "nsubj":
        return not _occurring(head, lex)
    if head.lemma_ in lex.cue("light_verb") or head.lemma_ in lex.cue("getting_verb"):
        return False
    return any(c.dep_ == "poss" for c in noun.children)


def _occurring(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb says its subject event happened or not (cue ``occurrence_verb``: happen, occur, begin, come
    ...), a row of two words counting only with its object or particle ("take place", not "did not take long"; "go
    ahead", not "did not go well")."""
    return _verb_cue(verb, lex.cue("occurrence_verb"))


def _verb_cue(verb: Token, cues: frozenset[str], phrasal_only: bool = False) -> bool:
    """Whether a verb is a row of a cue's words ``cues``: its lemma, or a row of two words with its object, particle
    or adverb ("take place", "rule out"); with ``phrasal_only`` only such a row of two words."""
    if not phrasal_only and verb.lemma_ in cues:
        return True
    return any(f"{verb.lemma_} {c.lower_}" in cues for c in verb.children if c.dep_ in ("dobj", "prt", "advmod"))


def _noun_modality(noun: Token, lex: Lexicon, doc: Doc, why: list[str] | None = None) -> tuple[bool, Modality]:
    """(negated, modality) of an event noun; ``why`` as for :func:`_modality`."""
    negated = any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
    modality: Modality | None = "intended" if any(c.lower_ in lex.cue("intent_modifier") for c in noun.children if c.dep_ == "amod") else None
    noun = _measured(noun)  # "will provide 25,000 tons of aid": the amount hangs on the verb
    head = noun.head
    if modality is None and noun.dep_ == "pobj" and f"{head.head.lower_} {head.lower_}" in en.PROSPECTIVE_PREPOSITIONS:
        modality = "intended"  # "ahead of the Trump-Putin meeting": still to come
    if modality is None and _future_time(noun, lex):
        modality = "intended"  # "next week's talks", "talks next month": still to come
    if modality is None and any(c.dep_ == "det" and c.lower_ in en.NONSPECIFIC_DETERMINERS for c in noun.children):
        modality = "hypothetical"  # "may affect any Trump-Xi summit": no particular summit, a case put
        _note(why, "nonspecific_event")
    if modality is None and _scheduled_noun(noun, lex):
        modality = "intended"  # "talks scheduled for later this week", "scheduled separate meetings with X"
        _note(why, "scheduled_event")
    if modality is None and _threatened(noun, lex):
        modality = "hypothetical"  # "warned of strikes against X": the strikes are threatened, not made
    if modality is None and _possible_event(noun, lex):
        modality = "hypothetical"  # "the risk of war", "the prospect of talks": what may happen, not what did
        _note(why, "possibility_noun")
    if modality is None and _proposed_event(noun, lex):
        modality = "hypothetical"  # "called for talks", "proposed a general strike": asked for, not (yet) done
        _note(why, "proposed_event")
    if modality is None and _attributed_act(noun, lex):
        modality = "reported"  # "Y was responsible for the attack": whose act it is is the speaker's blame
        _note(why, "responsible_for")
    span_of_time = noun.dep_ == "pobj" and head.lower_ in en.DURATION_PREPOSITIONS
    if noun.dep_ == "pobj" and head.pos_ == "ADP":
        head = head.head
    if span_of_time and modality is None and not negated and head.pos_ in ("VERB", "AUX") and _modal_chain(head, lex):
        # "will press him during their meeting", "could walk away during a meeting with X": the verb's future or
        # possible act times the event, which is still to come as well (not a plan of another act set in its span:
        # "protests scheduled throughout Trump's visit" keeps the visit's own modality)
        head_modality = _modality(head, lex, doc)[1]
        if head_modality in ("intended", "hypothetical"):
            modality = head_modality
            _note(why, "modal_span")
    if head != noun and head.pos_ in ("VERB", "AUX") and not span_of_time:
        # ("protests scheduled throughout Trump's visit": the visit is when, it is not planned)
        cancelling = _verb_cue(head, lex.cue("cancelling_verb")) and (
            head.lemma_ != "call" or any(c.dep_ == "prt" and c.lower_ == "off" for c in head.children))
        if cancelling and noun.dep_ in ("dobj", "nsubjpass"):
            if not negated:
                _note(why, "cancelling_verb")
            negated = True
        elif (head.lemma_ in lex.cue("intent_verb") and not _purpose_subject(noun, head, lex)) \
                or (noun.dep_ == "dobj" and _requests(head, lex)):
            # "plans a visit"; "demanded a truce": the act asked for is not (yet) done
            modality = modality or "intended"
        if noun.dep_ != "nsubjpass" or not negated:
            head_why: list[str] = []
            head_negated, head_modality = _modality(head, lex, doc, head_why)
            if head_why == ["unaffirmed_clause"] and noun.dep_ in ("nsubj", "nsubjpass") and noun.head == head:
                # "did not think the attack was justified": the clause's subject is presupposed, only what is
                # said of it is not affirmed (its own modality then comes from the rules below)
                head_modality = "asserted"
            before = (negated, modality)
            negated = negated or (head_negated and not _presupposed(noun, head, lex))
            if head_modality != "asserted" and not _owned_object(noun, head, lex, modality):
                modality = modality or head_modality
            if (negated, modality) != before:
                for cue in head_why:  # the noun takes its verb's negation or modality, and the cues behind it
                    _note(why, cue)
            if modality is None and not negated and head.pos_ == "VERB" and _subordinate(head, lex) == "intended":
                # "urged X to attend the session", "agreed to hold talks": the event its verb
                # is asked or promised to do is not (yet) held
                modality = "intended"
    if modality is None and _background(noun, doc) == "undated":
        modality = "historical"
    return negated, modality or "asserted"


def _claim_frame(trigger: Token, lex: Lexicon) -> Token | None:
    """The speech verb whose complement reports the act ("Iraq said Iranian forces attacked ...",
    "Iranian forces attacked ..., Iraq said", "Iraq said its forces crushed an Iranian attack"; the means of a
    reported act too, cue ``means_preposition``: "Iraq said Iran broke the truce by shelling Basra"), or None."""
    token = trigger
    if token.pos_ == "NOUN":  # an event noun: from the verb whose argument it is
        for _ in range(3):
            if token.head == token or token.pos_ in ("VERB", "AUX"):
                break
            token = token.head
    speech = lex.cue("speech_verb")
    for _ in range(4):
        for child in token.children:  # "Y attacked Z, X said": the saying hangs on the act
            if child.dep_ == "parataxis" and child.lemma_ in speech:
                return child
        if token.head == token:
            return None
        if token.dep_ == "ccomp" and token.head.lemma_ in speech:
            return token.head
        if token.dep_ == "pcomp" and token.head.pos_ == "ADP" and token.head.head != token.head \
                and token.head.lower_ in lex.cue("means_preposition") and token.head.head.pos_ in ("VERB", "AUX"):
            token = token.head.head  # "Y broke the truce by shelling Z, X said": the means is told in the same claim
            continue
        if token.dep_ not in ("conj", "xcomp", "ccomp"):
            return None
        token = token.head
    return None


def _claim(entry_code: str, sources: list[ActorRef | None], targets: list[ActorRef | None], speaker: ActorRef | None,
           lex: Lexicon) -> bool:
    """Whether a hostile act (CAMEO 13-20) reported by ``speaker`` is a party's claim about its
    adversary (docs/annotation.md: ``claimed``): the speaker has a country that is not the doer's, and
    the act is aimed at the speaker's own country ("Iraq said Iranian forces attacked Iraqi border
    posts"; with no named target, "the Pentagon said Turkey closed its airspace", the speaker may
    be a bystander: asserted). A neutral reporter (cue ``neutral_sector``: police, medics, the
    press, courts) or a third country ("the UN said Russia shelled Ukraine") asserts the act."""
    if entry_code[:2] not in root_class("hostile") or speaker is None or not speaker.get("country"):
        return False
    sector = str(speaker.get("sector") or "").lower()
    if sector in lex.cue("neutral_sector") | lex.cue("press_sector"):
        return False
    country = speaker["country"]
    doers = {side.get("country") for side in sources if side is not None and side.get("country")}
    if not doers or country in doers:
        return False
    aimed = {side.get("country") for side in targets if side is not None and side.get("country")}
    return aimed == {country}


def _claimant(doc: Doc, trigger: Token, lex: Lexicon) -> tuple[Token, ActorRef | None] | None:
    """The speech verb that frames the act (:func:`_claim_frame`) and its speaker's side, or None."""
    frame = _claim_frame(trigger, lex)
    if frame is None:
        return None
    subject = syntax.subject(frame)
    sides = _sides(doc, [subject], lex) if subject is not None else []
    return frame, next((side for side in sides if side is not None), None)
