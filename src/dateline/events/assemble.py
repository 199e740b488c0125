"""The events stage: codes every sentence's verbs and event nouns and builds each event dict
(:func:`make_event`, the one place an event is made; the quotes stage builds verbal events with it)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import chain
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import syntax, trigger_model
from ..codebook import cameo_to_plover, country_side, root_class
from ..confidence import MODALITY_CUE_KEY
from ..record import Event, EventRules, Modality
from ..lexicon import Entry, Lexicon, load_lexicon
from ..doc import definite_heads, doc_text, in_span, pos_indices, sentence_span, sentences, trigger_head
from .clauses import (ALONE_RULE, NAMED_DOER_RULE, ONGOING_RULE, VERBAL_RULE, clause_alone, clause_asserted, clause_done, clause_named_doer,
                      clause_object, clause_ongoing, clause_verbal)
from .codes import offered_act, _actor_word, _blamed, _conditional_offer, _declarer, _demanding_content, disapproving_statement, accusation_clauses, appeal_clauses, need_clauses, obligation_clauses, have_to_clauses, _disapproval, disapproved, OWN_ACCOUNT_CODES, _negative_evaluation, _evaluative, naming_judgement, _intent_code, _intent_of, _plover, _refusal_code, root_rule, _with_thing
from .modality import _aim, _claim, _claimant, _future_time, _historical, _modality, _noun_modality, _own_modality
from .roles import ABROAD, ORGANISATION_MEETING, _organisation_members, SAID_OWN_FIRST, SAID_OWN_RULE, _addressees, _agentless_state, custody_passive, _experiencer, passive_own_subject, _complement, _condition_targets, governing_subject, _governor_targets, reporting_speaker, responsibility_claimant, _host_targets, _hyphen_parties, _moves_a_thing, owned_complement_targets, _place_targets, _protest_targets, _purpose, TargetCase, _unattributed, verb_targets, _verb_roles
from ..actors.identity import same_side, side_key
from ..actors.index import in_window
from .sides import _first_actor_tokens, _identified, _political, Side, _sides
from .triggers import _asks_question, _attribution_frame, frame_verb, _frame_speaker, from_source, _quoted_speaker, _conditional_threat, _demonstration_parties, _imperative, _light_governor, _measured, military_strike_noun, _not_an_act, _noun_entry, _obliged, targeted_noun, unowned_governed, _participants, _subordinate, _topic_of_act, _trigger_lemma, _verb_entry, _violence_parties
from ..lang import en
from ..kb import TRANSNATIONAL
from ..actors.countries import CUSTODY_RULE


__all__ = ["NO_PLOVER_EVENT", "code_doc", "make_event", "make_events"]






#: How many sentences back a definite mention may point for :func:`_later_participants`.
_LATER_MENTION = 3


#: Sentences from which a text counts as a story for :func:`_political_story`.
_STORY_SENTENCES = 5


@Language.factory("dateline_events", requires=["doc._.actors"], assigns=["doc._.events"])
def make_events(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The events stage: codes ``doc._.events`` with the shipped lexicon."""
    lexicon = load_lexicon()
    return lambda doc: code_doc(doc, lexicon)


def code_doc(doc: Doc, lexicon: Lexicon | None = None) -> Doc:
    """Find, code and deduplicate the events of ``doc`` and store them in ``doc._.events``."""
    lex = lexicon or load_lexicon()
    events: list[Event] = []
    if lex.story_discards is not None and lex.story_discards.search(doc_text(doc)):
        doc._.events = events  # sports, entertainment: not political event data
        return doc
    if not _political_story(doc, lex):
        doc._.events = events  # a story naming no political actor: sports, arts, markets
        return doc
    body = doc_text(doc)  # a sentence's text is its slice of the Doc's (sent.text joins its tokens)
    coded = [(sent, index, list(_lexicon_events(doc, sent, index, lex))) for index, sent in enumerate(sentences(doc))
             if lex.sentence_discards is None or not lex.sentence_discards.search(body[sent.start_char:sent.end_char])]
    # the learned proposer's words: not where a lexicon event starts; the whole Doc's candidates scored at once
    proposed = trigger_model.doc_proposals(doc, [(sent, index, {e["span"][0] for e in found})
                                                 for sent, index, found in coded], lex)
    seen: set[tuple[Any, ...]] = set()
    for (_, index, found), words in zip(coded, proposed):
        for event in chain(found, _learned_events(doc, index, lex, words)):
            key = _key(event)
            if key not in seen:
                seen.add(key)
                events.append(event)
    doc._.events = _later_participants(doc, _alone_clauses(doc, events, lex), lex)
    return doc


def _alone_clauses(doc: Doc, events: list[Event], lex: Lexicon) -> list[Event]:
    """Assert the relative-clause acts and the gerunds under a preposition that :func:`.clauses.clause_alone`
    left ``reported`` under ``_clause_alone`` in a sentence with no other asserted event (the clause tells the
    sentence's news: "the rebels who seized the town were ..."), if the act passes the checks every asserted
    act passes (:func:`_assertable`, and no party's claim about its adversary, :func:`_claimed`); the others
    fall back to ``_subordinate``. It sees only the events stage's own events (not the quotes stage's)."""
    told = {e["sentence"] for e in events if e["modality"] == "asserted" and not e["negated"]}
    for event in events:
        rules = event["evidence"]["rules"]
        if rules.get("modality") == ALONE_RULE and event["modality"] == "reported":
            sources, targets = [event["source"]], [event["target"]]
            start, end = event["span"]
            span = doc.char_span(start, end)
            if event["sentence"] in told or not _assertable(event["cameo"], sources, targets, lex) \
                    or (span is not None and _claimed(doc, span[0], event["cameo"], sources, targets, lex)):
                rules["modality"] = "_subordinate"
            else:
                event["modality"] = "asserted"
    return events


def _political_story(doc: Doc, lex: Lexicon) -> bool:
    """Whether a story can hold political events: a story of at least ``_STORY_SENTENCES``
    sentences must name an actor with a political role (a government, military, party, rebel,
    judiciary, IGO ... code: cue ``political_sector``). Sports, arts and business stories name
    teams, players and firms, whose nationality alone ("Italians", "England") is no state act.
    Shorter texts (a single sentence, a wire brief) are not judged: they carry no story context."""
    if len(sentences(doc)) < _STORY_SENTENCES:
        return True
    sectors = lex.cue("political_sector")
    for actor in doc._.actors or []:
        code = actor.get("code") or ""
        if any(code[i:i + 3].lower() in sectors for i in range(0, len(code), 3)):
            return True
    return False


def _lexicon_events(doc: Doc, sent: Span, index: int, lex: Lexicon) -> Iterable[Event]:
    """The events of the sentence's verbs and event nouns that the lexicon codes, in token order."""
    verbs, nouns = lex.verb_lemmas, lex.noun_heads
    for i in in_span(pos_indices(doc, "VERB", "NOUN"), sent):
        token = doc[i]
        pos = token.pos_
        if pos == "VERB" and token.lemma_ in verbs:
            yield from _verb_events(doc, token, index, lex)
        elif pos == "NOUN" and (token.lemma_ in nouns or token.lemma_ in lex.cue("event_frame")):
            yield from _noun_events(doc, token, index, lex)
    critical, readiness = lex.cue("critical_adjective"), lex.cue("readiness_adjective")
    for i in in_span(pos_indices(doc, "ADJ"), sent):
        if f"{doc[i].lemma_} of" in critical:
            yield from _stance_events(doc, doc[i], index, lex)
        elif f"{doc[i].lemma_} to" in readiness:
            yield from _stance_events(doc, doc[i], index, lex, readiness=True)
        else:
            yield from _evaluation_events(doc, doc[i], index, lex)
    objections = lex.cue("overridden_objection")
    for i in in_span(pos_indices(doc, "NOUN"), sent):
        if doc[i].lemma_.lower() in objections:
            yield from _overridden_events(doc, doc[i], index, lex)


def _stance_events(doc: Doc, adj: Token, index: int, lex: Lexicon, readiness: bool = False) -> Iterable[Event]:
    """An actor's stance told by a predicative adjective and its preposition (session 52, hB): its disapproval of
    another, "X was highly critical of Y", "X has grown critical of Y's plan" criticise Y, CAMEO 111 (cue
    ``critical_adjective``, "critical of"); with ``readiness``, its readiness for a cooperative act, "X is open to
    talks with Y", an intent 03x (cue ``readiness_adjective``, :func:`dateline.events.codes.offered_act`). The one who holds it is the
    subject of the copula or verb the adjective completes ("be", "grow", "remain"; also through a conjoined
    adjective, "impatient and critical of"), or the named person or group it is set beside ("Mulroney, sharply
    critical of ..."); the target is the object of "of", or the parties of the act offered. Not an adjective on a thing ("e-mails critical of Clinton", "an artist critical of X"): no holder. Modality and
    negation are the copula's; trigger ``cues.tsv:<adjective>``, code, source and target rule
    ``_stance_adjective``."""
    if readiness:
        offered = offered_act(adj, lex)
        if offered is None:
            return
        entry, aimed = offered
    else:
        prep = next((c for c in adj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        target = syntax.pobj(prep) if prep is not None else None
        if target is None:
            return
        entry, aimed = Entry("111"), [target]
    first = adj
    while first.dep_ == "conj" and first.head.pos_ == "ADJ":
        first = first.head  # "impatient and critical of the administration"
    head = first.head
    if first.dep_ in ("acomp", "attr") and head.pos_ in ("AUX", "VERB"):
        holder: Token | None = syntax.subject(head)
    elif first.dep_ in ("amod", "appos") and head.pos_ == "PROPN" and head.ent_type_ in syntax.ACTOR_ENTITIES:
        holder = head  # "Mulroney, sharply critical of protectionism"
    else:
        return
    if holder is None:
        return
    sources, targets = _sides(doc, [holder], lex), _sides(doc, aimed, lex)
    source_rule = "_stance_adjective"
    if not any(_identified(side) for side in sources):
        speaker, speaker_rule = _first_person_speaker(doc, holder, adj, lex)  # "“I would be critical of ...”"
        if speaker:
            sources, source_rule = speaker, speaker_rule
    yield from _cue_word_event(doc, adj, index, entry, sources, targets, head, "_stance_adjective", lex,
                               source_rule=source_rule)


def _cue_word_event(doc: Doc, word: Token, index: int, entry: Entry, sources: list[Side], targets: list[Side],
                    clause: Token, rule: str, lex: Lexicon, *, source_rule: str | None = None) -> Iterable[Event]:
    """The event of a cue word that is no lexicon trigger (an adjective of stance or evaluation, an objection
    overridden), coded ``entry`` between ``sources`` and ``targets``: negation and modality are those of the verb
    ``clause`` it is said through (asserted when that is no verb); trigger ``cues.tsv:<lemma>``; code, source and
    target rule ``rule`` (the source's ``source_rule`` when given)."""
    why: list[str] = []
    negated, modality = _modality(clause, lex, doc, why) if clause.pos_ in ("AUX", "VERB") else (False, "asserted")
    rules: EventRules = {"trigger": f"cues.tsv:{word.lemma_}", "code": rule, "source": source_rule or rule,
                         "target": rule, "modality": "_modality"}
    if why:
        rules[MODALITY_CUE_KEY] = "+".join(why)
    yield from _emit(doc, word, index, entry, sources, targets, negated, modality, lex, rules=rules, declare=False)


#: The verbs an adjective of evaluation is predicated through ("X is foolish", "X seems dangerous").
_COPULAS = frozenset({"be", "seem", "remain", "look", "sound", "appear"})


def _blaming_adjective(adj: Token, lex: Lexicon) -> bool:
    """Whether an adjective blames what it is said of: cue ``blaming_adjective`` ("foolish", "wrong"), or an
    adjective of cue ``criticism_word`` or ``accusation_word`` ("reckless", "responsible")."""
    lemma = adj.lemma_.lower()
    return lemma in lex.cue("blaming_adjective") or lemma in lex.cue("criticism_word") or lemma in lex.cue("accusation_word")


def _evaluation_events(doc: Doc, adj: Token, index: int, lex: Lexicon) -> Iterable[Event]:
    """A speaker's criticism of an actor told by an adjective that blames (:func:`_blaming_adjective`) predicated of
    it in what the speaker says: "“I think that Uganda has been foolish,” X said", "X said Uganda was wrong to close
    the border": 111 on the adjective (session 53, hK). The adjective completes a copula (:data:`_COPULAS`), or
    modifies the noun that does ("a foolish government"); the one criticised is the copula's subject or the actor
    that owns it (:func:`.codes._blamed`); the critic is the subject of the speech verb whose clause holds the copula
    (:func:`.triggers._frame_speaker`) or the speaker of the quotation it is in (:func:`.triggers._quoted_speaker`).
    Not the speaker judging itself ("we were wrong"), a subject that names no actor ("it was wrong to ...", "the plan
    was foolish"), an adjective or copula negated, nor a statement whose speech verb already codes the criticism or accusation
    (:func:`.codes.disapproving_statement`, :func:`.codes.accusation_clauses`: the labels put that on the verb).
    Modality is the copula's; trigger ``cues.tsv:<adjective>``, code, source and target rule ``_evaluative_adjective``."""
    if not _blaming_adjective(adj, lex):
        return
    pred = adj.head if adj.dep_ == "amod" and adj.head.dep_ == "attr" and adj.head.pos_ == "NOUN" else adj
    if pred.dep_ not in ("acomp", "attr") or pred.head == pred:
        return
    head = pred.head
    if head.lemma_ not in _COPULAS or head.pos_ not in ("AUX", "VERB"):
        return
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in en.FIRST_PERSON_PRONOUNS:
        return
    if any(c.dep_ == "neg" for c in (*adj.children, *pred.children, *head.children)):
        return  # "said Y was not responsible": no blame
    verb = frame_verb(head, lex)
    if verb is not None and (disapproving_statement(verb, "010", lex) or any(True for _ in accusation_clauses(verb, lex))):
        return  # "X said Y was responsible": the statement is the criticism, coded on its verb
    speaker = _frame_speaker(head, lex) or _quoted_speaker(adj, lex)
    if speaker is None:
        return
    sources = [side for side in _sides(doc, [speaker], lex) if _identified(side) and _speaker(side, lex)]
    targets = [t for t in _sides(doc, _blamed(subject, lex), lex)
               if _identified(t) and not any(same_side(t, s) for s in sources)]
    if not sources or not targets:
        return
    yield from _cue_word_event(doc, adj, index, Entry("111"), sources, targets, head, "_evaluative_adjective", lex)


def _overridden_events(doc: Doc, noun: Token, index: int, lex: Lexicon) -> Iterable[Event]:
    """An actor's objection to another's act told as what the act went ahead against: "over the objections of X, Y
    cut a deal", "Y deployed the system despite objections from X", "despite X's objections, Y voted": X disapproves
    of Y, CAMEO 110, on the noun (cue ``overridden_objection``). The noun is the object of a concessive preposition
    (cue ``concessive_preposition``: "over", "despite") on a verb; its holder is the object of its "of", "from" or
    "by", or its possessor or modifier naming an actor ("US objections"); the one objected to is that verb's
    subject. Modality and negation are the verb's; trigger ``cues.tsv:<noun>``, code, source and target rule
    ``_overridden_objection``."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in lex.cue("concessive_preposition"):
        return
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX"):
        return
    subject = syntax.subject(verb)
    if subject is None:
        return
    holders = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod") and _actor_word(c, lex)] + [
        p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "by")
        and (p := syntax.pobj(c)) is not None]
    if not holders:
        return
    sources = [side for side in _sides(doc, holders, lex) if _identified(side)]
    targets = [t for t in _sides(doc, [subject], lex) if _identified(t) and not any(same_side(t, s) for s in sources)]
    if not sources or not targets:
        return
    yield from _cue_word_event(doc, noun, index, Entry("110"), sources, targets, verb, "_overridden_objection", lex)


def _learned_events(doc: Doc, index: int, lex: Lexicon, proposed: list[trigger_model.Proposal]) -> Iterable[Event]:
    """The events of the words the learned trigger proposer proposes in sentence ``index``
    (:func:`dateline.trigger_model.doc_proposals`: verbs the lexicon leaves uncoded, no event on them yet; nouns
    too for a model fitted on them), each coded by :func:`_verb_events` (a noun by :func:`_noun_events`) with the
    proposed root as its entry, so the same sides, modality and gates apply; their events name ``learned`` as
    trigger. After the sentence's lexicon events (:func:`_lexicon_events`)."""
    for word, root, _ in proposed:
        noun = word.pos_ == "NOUN"  # a proposed noun (session 34) is coded as an event noun
        code = _noun_events if noun else _verb_events
        for event in code(doc, word, index, lex, proposed=Entry(root + "0")):
            rules = event["evidence"]["rules"]
            if rules.get("trigger") == f"{'nouns' if noun else 'verbs'}.tsv:{word.lemma_}":
                rules["trigger"] = "learned"
                if rules.get("code") in ("_verb_entry", "_noun_entry"):
                    rules["code"] = "learned"
            yield event


def joined_group_sides(doc: Doc, event: dict[str, Any]) -> None:
    """Give a fight on a verb whose fighters joined an armed group (:func:`joined_group`: "Americans fighting
    for ISIS") that group as source and no target (rule ``joined_group``, docs/annotation.md D11c). Runs in the
    fallbacks stage (``dateline.actors.resolution.counted_fallbacks``), after the confidence scored the event as the
    rules and the chooser left it, so it changes neither its confidence nor whether it counts."""
    if str(event.get("cameo") or "")[:2] != "19" or not event.get("span"):
        return
    verb = trigger_head(doc, event)
    if verb is None or verb.pos_ != "VERB":
        return
    group = joined_group(doc, verb, load_lexicon())
    if group is None:
        return
    event["source"], event["target"] = group, None
    evidence = event.setdefault("evidence", {})
    rules = {k: v for k, v in (evidence.get("rules") or {}).items() if k not in ("source_country", "target_country")}
    evidence["rules"] = {**rules, "source": JOINED_GROUP_RULE, "target": JOINED_GROUP_RULE}


def _people(code: str) -> bool:
    """Whether a side's code is a country's people with no sector ("Americans" ``USA``) or its civilians (``CVL``): not a
    state's force or organ, nor an armed group ("Kurdish forces fought with the Islamic State" fight it)."""
    return len(code) == 3 and code.isalpha() and code.isupper() and not code.startswith("IMG") or (
        len(code) == 6 and code.endswith("CVL"))


#: ``evidence.rules`` source and target of a fight told of the armed group its fighters joined (:func:`joined_group_sides`).
JOINED_GROUP_RULE = "joined_group"


def joined_group(doc: Doc, verb: Token, lex: Lexicon) -> Side | None:
    """The armed group whose fighters a fight verb (cue ``joined_fight``: "fight", "fought") tells of, with "for" or
    "with" ("Americans fighting for ISIS", "foreigners who fought with al-Shabaab"): the group is the source of the
    fight and no foe is named (docs/annotation.md D11c: a fighter the text makes a member of a group is coded as the
    group). The group is a side coded ``IMG`` or with sector ``REB``; the subject a country's people or civilians
    (:func:`_people`), not a state's force or organ nor a group ("Kurdish forces fought with the Islamic State", "the
    army is fighting with rebels": they fight it)."""
    if verb.lemma_ not in lex.cue("joined_fight") or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    subject = syntax.subject(verb)
    if subject is None and verb.dep_ == "acl":
        subject = verb.head  # "Americans fighting for ISIS"
    if subject is None:
        return None
    people = _sides(doc, [subject], lex)
    if not people or not all(side is not None and _people(str(side.get("code") or "")) for side in people):
        return None
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ not in ("for", "with"):
            continue
        pobj = syntax.pobj(child)
        if pobj is None:
            continue
        for side in _sides(doc, [pobj], lex):
            if side is None:
                continue
            code = str(side.get("code") or "")
            if code.startswith("IMG") or "REB" in code[3:]:
                return side
    return None


def _verb_events(doc: Doc, verb: Token, index: int, lex: Lexicon, proposed: Entry | None = None) -> Iterable[Event]:
    entry = proposed or _verb_entry(verb, lex)
    evaluative = entry is None
    if evaluative:
        entry = _evaluative(verb, lex)  # "added that X had failed", "called the troops invaders"
    if entry is None or _not_an_act(verb, lex):
        return
    obj = syntax.direct_object(verb)
    if _asks_question(verb, obj, lex) or _moves_a_thing(doc, verb, obj, lex):
        return
    speech = verb.lemma_ in lex.cue("speech_verb")
    if speech and entry.code[:2] != "01" and not evaluative:
        speech = False
    patient = clause_object(verb, obj) if not speech else None
    # a statement that blames or criticises is aimed at the speaker's own state when it names that first
    # (:func:`.roles._said_about`, ``keep_own``; docs/annotation.md D1a)
    keep_own = speech and disapproving_statement(verb, entry.code, lex)
    sources, targets = _verb_roles(doc, verb, patient or obj, lex, speech=speech, keep_own=keep_own)
    source_rule = "passive_own_subject" if not entry.passive and passive_own_subject(verb, syntax.subject(verb)) else "_verb_roles"
    felt = _experiencer(verb, lex)  # "I am disappointed by ...": the first person is the one who feels it
    speaker, speaker_rule = _first_person_speaker(doc, felt[0] if felt else syntax.subject(verb), verb, lex,
                                                  felt=felt is not None) \
        if not entry.passive and not any(_identified(side) for side in sources) else ([], "")
    if speaker:
        sources, source_rule = speaker, speaker_rule  # "“We arrested three,” police said"
    if _imperative(verb) and not any(side is not None and side.get("code") for side in (*sources, *targets)):
        return  # boilerplate addressed to the reader: "Enlarge this image"
    if entry.passive:
        sources, targets = targets, sources
    if not sources and entry.code[:2] in root_class("violent"):
        sources = _unattributed(doc, verb, lex)  # "a roadside bombing near Samarra killed ..."
        source_rule = "_unattributed" if sources else source_rule
    why: list[str] = []
    negated, modality = _modality(verb, lex, doc, why)
    if modality == "asserted" and _agentless_state(doc, verb, lex):
        if not custody_passive(verb, entry.code, lex):
            return  # (a pending or reported passive keeps its modality: "until demands are met")
        source_rule = CUSTODY_RULE  # "two men were arrested": a private person, but only a state arrests
    subordinate = _subordinate(verb, lex) if modality == "asserted" and not negated else None
    modality = subordinate or modality
    complement = _complement(verb)
    if complement is None and verb.lemma_ in lex.cue("intent_verb"):
        complement = _purpose(verb)  # "have sworn to fight": the parser hangs the vow's act as advcl
    own_complement = complement if not entry.passive else None
    code_rule = "_evaluative" if evaluative else "_verb_entry"
    if evaluative and (named := naming_judgement(verb, lex)) is not None and named[0] == entry.code:
        code_rule = named[1]  # "called them terrorists": the name blames, ``_naming_blame``
    if own_complement is not None:
        intended = _intent_of(verb, entry, own_complement, lex)
        code_rule = "_intent_of" if intended != entry else code_rule
        entry = intended
    targets, target_rule = verb_targets(TargetCase(doc, verb, lex, sources, entry, own_complement), targets)
    if patient is not None and target_rule == "_verb_roles" and targets and targets[0] is not None \
            and targets[0]["text"] in doc[patient.left_edge.i:patient.i + 1].text:
        target_rule = "_clause_object"
    if any(t is not None and t.get("evidence") == SAID_OWN_FIRST for t in targets):
        target_rule = SAID_OWN_RULE
    if speech and not negated and entry.code[:2] == "01" and entry.code not in OWN_ACCOUNT_CODES:
        targets, target_rule = _disapproved_targets(doc, verb, sources, targets, target_rule, lex)
    rules: EventRules = {"trigger": f"verbs.tsv:{verb.lemma_}", "code": code_rule, "source": source_rule,
                         "target": target_rule, "modality": "_subordinate" if subordinate else "_modality"}
    if why:
        rules[MODALITY_CUE_KEY] = "+".join(why)  # "ruled out sending troops": negating_verb
    if subordinate == "reported" and clause_asserted(verb, entry.code, sources, targets):
        modality, rules["modality"] = "asserted", "_clause_asserted"  # "the troops who shelled Gaza"
    elif subordinate == "reported" and clause_done(verb, entry.code, targets, _governor_sources(doc, verb, lex)):
        modality, rules["modality"] = "asserted", "_clause_done"  # "warned that Russia had sent troops"
    elif subordinate == "reported" and clause_named_doer(verb):
        modality, rules["modality"] = "asserted", NAMED_DOER_RULE  # "the sanctions that Russia imposed"
    elif subordinate == "reported" and clause_verbal(verb, entry.code, lex):
        modality, rules["modality"] = "asserted", VERBAL_RULE  # "the diplomat who had condemned the vote"
    elif subordinate == "reported" and clause_ongoing(verb, entry.code):
        modality, rules["modality"] = "asserted", ONGOING_RULE  # "the rebels who are fighting the army"
    elif subordinate == "reported" and clause_alone(verb, entry.code, lex):
        rules["modality"] = ALONE_RULE  # asserted by _alone_clauses if the sentence tells no other act
    accusation = _party_claim(doc, verb, index, entry, sources, targets, lex) \
        if modality == "asserted" and not negated and not speech else None
    if accusation is not None:
        modality, rules = "reported", {**rules, "modality": "_claim"}
        yield from accusation
    if speech and not negated:
        yield from _demand_in_statement(doc, verb, index, sources, lex)
        accused = list(_accusation_in_statement(doc, verb, index, sources, lex, modality, rules["modality"]))
        if accused:
            yield from accused
            return  # what was said is the accusation: the statement codes no 010 besides it
    if speech and _attribution_frame(verb, lex) and _disapproval(verb, lex, framed=True) is None:
        # "X said Y attacked Z": the attack is the event, the saying only attributes it; unless what
        # was said blames or criticises ("X said Y was responsible for the attacks"): X's accusation
        return
    if speech and not targets:
        return  # "X said the toll rose to 40": a statement about no actor is no act (docs/annotation.md)
    if speech and not any(_speaker(side, lex) for side in sources):
        return  # "witnesses said", "CNN notes that": the press or an unknown speaker only attributes
    if speech and _reports_doer(doc, verb, entry, sources, lex):
        return  # "US officials said US fighters passed through Syria": the speaker relays its own side's doing
    declare = subordinate is None and not _obliged(verb, lex) and not _aim(verb, lex)
    yield from _emit(doc, verb, index, entry, sources, targets, negated, modality, lex, rules=rules, declare=declare)
    if not negated and subordinate is None and _conditional_threat(verb, entry, lex):
        # "will withdraw its force unless X arranges a ceasefire": a hostile act promised on a
        # condition is a threat (CAMEO 13, PLOVER THREATEN) aimed at whom the condition binds
        threat = Entry(_intent_code(entry.code) or "130")
        bound = _condition_targets(doc, verb, lex, sources)
        yield from _emit(doc, verb, index, threat, sources, bound or targets, False, "asserted", lex, declare=False,
                         rules={**rules, "code": "_conditional_threat", "modality": "_conditional_threat",
                                "target": "_condition_targets" if bound else target_rule})


def _disapproved_targets(doc: Doc, verb: Token, sources: list[Side], targets: list[Side], rule: str,
                         lex: Lexicon) -> tuple[list[Side], str]:
    """The target of a statement that disapproves (docs/annotation.md D1a: the labellers code what a
    statement blames or criticises as 11x from the speaker to the one it is about), with its rule:

    - ``disapproved``: the identified actors its disapproval word is said of (:func:`.codes.disapproved`:
      "said Y's remarks were irresponsible", "said Y misled Congress"), not the speaker's own side, whatever
      their country; they replace the first foreign actor of what was said (:func:`.roles._said_about`), and
      give a statement that had no target one;
    - ``disapproved_home``: a statement that blames or criticises by a cue word (:func:`.codes._disapproval`)
      or judges negatively (:func:`.codes._negative_evaluation`) and names no actor that the side finder
      resolves ("the Kenyan president said the decision was irresponsible", "said the new tax was a
      disgrace") is aimed at the speaker's own country, as a domestic criticism is labelled (a transnational
      speaker, IGO or NGO, has none; nor a statement judging "we" or "I", or what is "ours" or "mine": "“We have
      failed the refugees,” the minister said", "“Our failure was a disgrace”" blame no one);

    else the targets and rule as they were (also when the one disapproved is the target already). The caller
    checked a statement (01x, not its own account), not negated."""
    judged, blamed = disapproved(verb, lex)
    named = [t for t in _sides(doc, blamed, lex) if t is not None]
    against: list[Side] = [t for t in named if _identified(t) and not any(same_side(t, s) for s in sources)]
    if against and rule != SAID_OWN_RULE and len(against) == len(targets) and all(
            same_side(a, t) for a, t in zip(against, targets)):
        return targets, rule  # the one disapproved is the target already (by its own rule: "disapproved" over "said_own_first")
    if against:
        return against, "disapproved"
    if targets or (_disapproval(verb, lex) is None and _negative_evaluation(verb, lex) is None):
        return targets, rule
    if judged is not None and _own_judged(judged):
        return targets, rule  # "“We have failed”", "“Our failure was a disgrace,” the minister said": own failing
    homes = [str(side["country"]) for side in sources if side is not None and side.get("country")
             and side["country"] not in TRANSNATIONAL and _speaker(side, lex)]
    if not homes:
        return targets, rule
    return [country_side(homes[0])], "disapproved_home"


def _own_judged(judged: Token) -> bool:
    """Whether what a statement judges is the speaker's own: "we" or "I", or what is "ours" or "mine" (a
    possessor: "our decision was irresponsible"), also as the subject a judging noun or adjective is predicated
    of ("our failure was a disgrace": the judged word is "disgrace")."""
    phrases = [judged]
    if judged.dep_ in ("attr", "acomp") and judged.head != judged:
        phrases += [c for c in judged.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(p.lower_ in en.FIRST_PERSON_PRONOUNS or any(c.dep_ == "poss" and c.lower_ in en.FIRST_PERSON_PRONOUNS
                                                          for c in p.children) for p in phrases)


def _reports_doer(doc: Doc, verb: Token, entry: Entry, sources: list[Side], lex: Lexicon) -> bool:
    """Whether a plain statement (010, nobody addressed) only relays what the speaker's own side
    does: the first actor of what was said, the statement's target (:func:`.roles._verb_roles`), is
    the subject of that clause's own verb, an act stated as a fact (no modal, not "be" or "have"),
    and has the speaker's country ("US officials said US fighters have passed through Syria",
    "the Pentagon said US officials are working with the Turks"). docs/annotation.md: a spokesman
    speaks for its government, and an attribution frame is never itself an event from X to whatever
    its clause mentions. A statement about a foreign actor's doing, one about what someone is or
    has ("X said Y was hopeful") or must, will or could do, and one that blames, criticises or
    demands (:func:`.codes.root_rule`) stay events."""
    if entry.code != "010" or _addressees(verb):
        return False
    said = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None)
    if said is None or said.pos_ != "VERB" or said.lemma_ in ("be", "have"):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in said.children):
        return False  # "X said Y must / will / could ...": what X says of Y, a statement about Y
    if _disapproval(verb, lex) is not None or _demanding_content(verb, lex):
        return False
    first = _first_actor_tokens(doc, said, exclude=syntax.subject(verb))
    if not first:
        return False
    phrase = first[0]
    while phrase.dep_ in ("compound", "amod", "poss", "nmod", "det") and phrase.head != phrase:
        phrase = phrase.head  # "Trump's administration", "U.S. officials": the whole phrase
    if phrase.dep_ not in ("nsubj", "nsubjpass") or phrase.head != said:
        return False
    countries = {side.get("country") for side in sources if side is not None and side.get("country")}
    return any(side is not None and side.get("country") in countries for side in _sides(doc, first, lex))


def _noun_events(doc: Doc, noun: Token, index: int, lex: Lexicon, proposed: Entry | None = None) -> Iterable[Event]:
    if noun.lemma_ == "talk" and noun.tag_ != "NNS":
        return  # "talk" in the singular is speech, not negotiation
    entry = proposed or _noun_entry(noun, lex)
    if entry is None:
        return
    # Hostile acts name their target with "on"/"into" ("sanctions on Iran", "an inquiry into"),
    # attacks also with "of" ("the invasion of Lebanon"); talks "on trade" name a topic.
    preps = set(en.NOUN_TARGET_PREPOSITIONS)
    if entry.code[:2] in root_class("hostile") or entry.code[:2] == "09":
        preps |= {"on", "into"}
    if entry.code[:2] in root_class("violent"):
        preps.add("of")
    sources: list[Token] = []
    targets: list[Token] = []
    from_doer: Token | None = None
    compounds: list[Token] = []
    nationals: list[Token] = []
    for child in noun.children:
        if child.dep_ == "poss":
            sources.append(child)
        elif child.dep_ == "compound" and child.ent_type_ in syntax.ACTOR_ENTITIES:
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
        elif from_source(noun, child, lex) and not sources:
            pobj = syntax.pobj(child)  # "criticism from Beijing of Tokyo's policy"
            if pobj is not None:
                sources.append(pobj)
                from_doer = pobj
    owned_target = False
    if not targets:
        # "Russia's criticism of Ukraine", "Japan's complaints about China": the complement of an
        # owned noun names its target
        targets = owned_complement_targets(doc, noun, entry.code, lex)
        owned_target = bool(targets)
    hyphenated = _hyphen_parties(doc, noun) if not sources and not targets else []
    source_rule = "from_source" if from_doer is not None and sources == [from_doer] else "_noun_events"
    if not sources and not targets and not hyphenated:
        sources, targets = _violence_parties(noun, entry, compounds, nationals, lex)
        source_rule = "_violence_parties" if sources or targets else source_rule
        if not sources and not targets:
            sources = _demonstration_parties(noun, entry, compounds, nationals, lex)  # "Iranian missile tests"
            source_rule = "_demonstration_parties" if sources else source_rule
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
    if not sources and head != noun and source_rule != "_violence_parties":
        governor = _noun_governor(noun)
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
    if not sources and not hyphenated and source_rule != "_violence_parties" \
            and entry.code[:2] in root_class("cooperative"):
        for find, rule in ((governing_subject, "governing_subject"),  # "was locked in talks with X"
                           (reporting_speaker, "reporting_speaker")):  # "X said talks with Y stalled"
            party = find(noun, targets, lex)
            if party is not None and any(_identified(side) and _speaker(side, lex) for side in _sides(doc, [party], lex)):
                sources, source_rule = [party], rule
                break
    if not sources and not hyphenated and entry.code[:2] in root_class("violent"):
        claimant = responsibility_claimant(noun, lex)  # "X claimed responsibility for the bombing"
        if claimant is not None:
            sources, source_rule = [claimant], "responsibility_claimant"
    why: list[str] = []
    negated, modality = _noun_modality(noun, lex, doc, why)
    source_sides, target_sides = _sides(doc, sources, lex), _sides(doc, targets, lex)
    if sources and not any(_identified(side) for side in source_sides):
        speaker, speaker_rule = _first_person_speaker(doc, sources[0], noun, lex)  # "“We made an arrest,” police said"
        if speaker:
            source_sides, source_rule = speaker, speaker_rule
    target_rule = "owned_complement_targets" if owned_target else "_noun_events"
    if hyphenated and not target_sides:
        # "the Trump-Kim summit", "the Russia-Ukraine talks": the first party acts on the others
        source_sides, target_sides, target_rule = hyphenated[:1], hyphenated[1:], "_hyphen_parties"
    if entry.code[:2] == "14" and not target_sides and not (noun.dep_ == "pobj" and head.lower_ == "in"):
        # "began a hunger strike to demand the resignation of X", "a strike in protest of X's
        # refusal": a protest is aimed at whom its purpose names, on the noun or its verb (not
        # "in protest" itself, the manner of another act)
        heads = [noun] if head == noun or head.pos_ not in ("VERB", "AUX") else [noun, head]
        target_sides = _protest_targets(doc, heads, lex, source_sides)
        target_rule = "_protest_targets" if target_sides else target_rule
    if source_sides and not target_sides and entry.code[:2] == "04":
        # "during meetings in Berlin", "on a visit to ...", "in Japan, where X was on a visit": the host
        heads = [noun] + ([light] if light is not None else [])
        members = _organisation_members(doc, heads, lex, source_sides)  # "a NATO summit in Brussels": IGO to IGO
        target_sides = members or _host_targets(doc, heads, lex, source_sides)
        target_rule = (ORGANISATION_MEETING if members else "target_of_host") if target_sides else target_rule
    if light is not None and source_sides and not target_sides and entry.code[:2] not in ("04",):
        # "imposed a curfew in Algiers": the country acted in (CAMEO's convention)
        target_sides = _place_targets(doc, light, lex, source_sides)
        target_rule = "_place_targets" if target_sides else target_rule
    if source_sides and not any(t is not None and t.get("code") for t in target_sides) \
            and entry.code[:2] in root_class("violent"):
        # "Iran's offensive in northeast Iraq", "an offensive against militants in X's tribal areas":
        # the country an attack is done in, named after the noun (CAMEO's convention, as for verbs)
        placed = _place_targets(doc, noun, lex, source_sides)
        target_sides, target_rule = (placed, "_place_targets") if placed else (target_sides, target_rule)
    if not source_sides and not target_sides and entry.code[:2] in root_class("violent") \
            and noun.dep_ not in ("dobj", "nsubjpass") and not _topic_of_act(noun, lex):
        # "an attack in Kabul", "the attacks in Baghdad's Green Zone": the doer unnamed, the country
        # struck is the target (CAMEO's convention of a location as target); not the object of a
        # verb ("reimposed blockades in X": its subject is the doer) nor another act's topic
        target_sides = _place_targets(doc, noun, lex, [])
        target_rule = source_rule = "_noun_place" if target_sides else target_rule
    if not source_sides and not target_sides and entry.code[:2] in root_class("popular") and not _topic_of_act(noun, lex) \
            and not military_strike_noun(noun, lex):
        # "protests across Iran", "the demonstrations in Hong Kong": no doer named, the people of the
        # country they are held in protest (its own government, by countries.home_target); not "strikes in
        # Syria", whose place is the one struck (a general strike in Ecuador stays Ecuador's)
        source_sides = _place_targets(doc, noun, lex, [])
        source_rule = "_protest_place" if source_sides else source_rule
    if not source_sides and not target_sides:
        return
    code_rule = "_noun_entry"
    if proposed is None and unowned_governed(noun, entry, light, lex) and targeted_noun(noun, lex):
        code_rule = "targeted_noun"  # "threats against the United States": an act by its preposition alone
    rules: EventRules = {"trigger": f"nouns.tsv:{noun.lemma_}", "code": code_rule, "source": source_rule,
                         "target": target_rule, "modality": "_noun_modality"}
    if why:
        rules[MODALITY_CUE_KEY] = "+".join(why)  # "the risk of war": possibility_noun
    accusation = _party_claim(doc, noun, index, entry, source_sides, target_sides, lex) \
        if modality == "asserted" and not negated else None
    if accusation is not None:
        modality, rules = "reported", {**rules, "modality": "_claim"}
        yield from accusation
    yield from _emit(doc, noun, index, entry, source_sides, target_sides, negated, modality, lex, rules=rules)


def _later_participants(doc: Doc, events: list[Event], lex: Lexicon) -> list[Event]:
    """Parties named in a later definite mention of an event ("Choe attended talks in Stockholm.
    ... the talks included U.S. envoy Biegun and Swedish Foreign Minister Wallstroem") join the
    earlier event: one reciprocal event between its source and each party, on the earlier
    event's sentence and trigger, with ``evidence`` pointing at the later mention; the earlier
    event with no target, or with only its host as target (``target_of_host``), is then replaced by them."""
    replaced: set[int] = set()
    added: dict[int, list[Event]] = {}
    seen = {_key(e) for e in events}
    determined = definite_heads(doc)
    for later_index, sent in enumerate(sentences(doc)):
        for i in in_span(pos_indices(doc, "NOUN"), sent):
            if i not in determined:
                continue
            noun = doc[i]
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
                       if not any(same_side(p, other) for other in (event["source"], event["target"]))]
            head = noun.head
            clause = doc[min(noun.left_edge.i, head.left_edge.i):max(noun.right_edge.i, head.right_edge.i) + 1]
            evidence: dict[str, Any] = {"kind": "later_mention", "sentence": later_index,
                        "span": [clause.start_char, clause.end_char], "text": clause.text}
            for party in parties:
                joined = event.copy()  # same keys in the same order, then the evidence
                rules = {**event["evidence"]["rules"], "target": "_later_participants"}
                joined["target"], joined["reciprocal"] = party, True
                joined["evidence"] = {**evidence, "rules": rules}
                key = _key(joined)
                if key not in seen:
                    seen.add(key)
                    added.setdefault(position, []).append(joined)
                    if event["target"] is None or event["evidence"]["rules"].get("target") == "target_of_host":
                        replaced.add(position)  # the parties named, not the host, are its targets
    # each joined event right after the one it extends, so sentence order holds
    out: list[Event] = []
    for position, event in enumerate(events):
        if position not in replaced:
            out.append(event)
        out.extend(added.get(position, []))
    return out


def _first_person_speaker(doc: Doc, subject: Token | None, trigger: Token, lex: Lexicon, *,
                          felt: bool = False) -> tuple[list[Side], str]:
    """The actor a first-person subject or possessor of an act stands for inside a statement, and
    the rule that found it: the speaker of the sentence's frame ("“We have arrested three
    suspects,” Kenyan police said": :func:`.triggers._frame_speaker`), else of the quotation it is
    in, over sentences and paragraphs (:func:`.triggers._quoted_speaker`), when that is an identified actor. A
    passive subject is no doer, except the one who feels a passive of feeling (``felt``: "“I am
    disappointed by the decision,” the minister said", :func:`.roles._experiencer`)."""
    if subject is None or subject.lower_ not in en.FIRST_PERSON_PRONOUNS or (subject.dep_ == "nsubjpass" and not felt):
        return [], ""
    speaker, rule = _frame_speaker(trigger, lex), "_frame_speaker"
    if speaker is None:
        speaker, rule = _quoted_speaker(subject, lex), "_quoted_speaker"
    if speaker is None:
        return [], ""
    return [side for side in _sides(doc, [speaker], lex) if _identified(side)], rule


def _speaker(side: Side | None, lex: Lexicon) -> bool:
    """Whether a statement's source is an actor whose saying is an act: a coded actor, not the
    press (sector cue ``press_sector``: "CNN notes that", "local media said"), which reports."""
    return side is not None and side.get("code") is not None and str(side.get("sector")).lower() not in lex.cue("press_sector")


def _governor_sources(doc: Doc, verb: Token, lex: Lexicon) -> list[Side]:
    """The sides of the subject of the verb that governs a clausal complement ("China warned that Taiwan has
    provoked Beijing": China), for :func:`.clauses.clause_done`'s check of a party's report of an act against
    it; empty for any other verb."""
    first = syntax.first_conjunct(verb)
    if first.dep_ != "ccomp" or first.head == first:
        return []
    subject = syntax.subject(first.head)
    return _sides(doc, [subject], lex) if subject is not None else []


def _party_claim(doc: Doc, trigger: Token, index: int, entry: Entry, doers: list[Side], aimed: list[Side],
                 lex: Lexicon) -> list[Event] | None:
    """When an asserted act is a party's claim about its adversary (:func:`.modality._claim`), the
    party's accusation (:func:`_accusation`; the act itself is then ``reported``), else None."""
    found = _claimed(doc, trigger, entry.code, doers, aimed, lex)
    if found is None:
        return None
    return list(_accusation(doc, found, index, doers, lex))


def _claimed(doc: Doc, trigger: Token, code: str, doers: list[Side], aimed: list[Side],
             lex: Lexicon) -> tuple[Token, Side] | None:
    """The claimant's frame and side when an act is a party's claim about its adversary
    (:func:`.modality._claim`), else None."""
    found = _claimant(doc, trigger, lex)
    return found if found is not None and _claim(code, doers, aimed, found[1], lex) else None


def _accusation(doc: Doc, found: tuple[Token, Side], index: int, doers: list[Side], lex: Lexicon) -> Iterable[Event]:
    """A party's claim that its adversary attacked it is the party accusing the adversary (CAMEO 112),
    coded on the speech verb ("Iraq said Iranian forces attacked ...": Iraq accuses Iran)."""
    frame, speaker = found
    targets: list[Side] = [side for side in doers if side is not None and not same_side(side, speaker)]
    if targets:
        yield from _emit(doc, frame, index, Entry("112"), [speaker], targets, False, "asserted", lex, declare=False,
                         rules={"trigger": f"verbs.tsv:{frame.lemma_}", "code": "_claim", "source": "_claimant",
                                "target": "_claim", "modality": "_claim"})


def _demand_in_statement(doc: Doc, verb: Token, index: int, sources: list[Side], lex: Lexicon) -> Iterable[Event]:
    """A statement that someone else must act ("Russia said Sudan must return ...") is a
    request (CAMEO 10) from the speaker to the one who must act; one that someone else should act
    ("said Sudan should return ...", :func:`.codes.appeal_clauses`) an appeal (CAMEO 020) to it; one
    that someone else should have acted ("said Sudan should have returned ...") a criticism (CAMEO 111)
    of what it failed to do. (The appeal from a frame was held back on the stmt branch by one labelled
    non-act on dev; with the lexicon merge it adds right events on train, dev and the blind rounds,
    eval/sessions/24.md, "statements by content".)"""
    if not sources:
        return
    for code, rule, clauses in (("100", "_demand_in_statement", obligation_clauses(verb, lex)),
                                ("100", "_demand_in_statement", have_to_clauses(verb, lex, sources)),
                                ("020", "_appeal_in_statement", appeal_clauses(verb, lex)),
                                ("111", "_reproach_in_statement", appeal_clauses(verb, lex, reproach=True))):
        for subjects in clauses:
            targets = [t for t in _sides(doc, subjects, lex) if not any(same_side(t, s) for s in sources)]
            if targets:
                yield from _emit(doc, verb, index, Entry(code), sources, targets, False, "asserted", lex,
                                 rules={"trigger": f"verbs.tsv:{verb.lemma_}", "code": rule,
                                        "source": "_verb_roles", "target": rule, "modality": rule})
    for clause, subjects in need_clauses(verb, lex):
        targets = [t for t in _sides(doc, subjects, lex) if not any(same_side(t, s) for s in sources)]
        if targets:
            yield from _emit(doc, clause, index, Entry("020"), sources, targets, False, "asserted", lex,
                             rules={"trigger": f"cues.tsv:{clause.lemma_.lower()}", "code": "_need_in_statement",
                                    "source": "_verb_roles", "target": "_need_in_statement",
                                    "modality": "_need_in_statement"})


def _accusation_in_statement(doc: Doc, verb: Token, index: int, sources: list[Side], lex: Lexicon,
                             modality: Modality = "asserted", modality_rule: str = "_modality") -> Iterable[Event]:
    """A statement that someone else did wrong ("Turkey said the Russian plane violated its airspace",
    "X said Y lied") or whose conduct it judges ("said Y's comments were irresponsible") is the
    speaker's accusation (CAMEO 112) or criticism (111) of that actor (:func:`.codes.accusation_clauses`),
    coded on the speech verb whether or not the clause's own verb codes an act (the attribution frame)
    and whether or not the statement is about any other actor: the one blamed is its target. The accusation
    has the statement's own modality ("may say Y violated ...": hypothetical; "the minister, who said ...":
    reported). A speaker that is no actor (:func:`_speaker`) makes no event, nor a target that is the
    speaker itself (:func:`dateline.actors.identity.same_side`; an accusation of the speaker's own country, "a senator said
    the administration violated the law", is one)."""
    speakers = [side for side in sources if _speaker(side, lex)]
    if not speakers:
        return
    for code, rule, blamed in accusation_clauses(verb, lex):
        targets = [t for t in _sides(doc, blamed, lex)
                   if _identified(t) and not any(same_side(t, s) for s in speakers)]
        if targets:
            yield from _emit(doc, verb, index, Entry(code), speakers, targets, False, modality, lex, declare=False,
                             rules={"trigger": f"verbs.tsv:{verb.lemma_}", "code": rule,
                                    "source": "_verb_roles", "target": rule,
                                    "modality": rule if modality_rule == "_modality" else modality_rule})


def make_event(trigger: Token, index: int, code: str, source: Side, target: Side, *, negated: bool,
               modality: Modality, reciprocal: bool, rules: EventRules) -> Event:
    """An event dict in the output shape: the one place one is made (the events stage and the
    quotes stage's verbal events). The dates and places stages fill ``date`` and ``location``."""
    return {
        "source": source,
        "target": target,
        "cameo": code,
        "plover": _plover(code),
        "date": {"value": None, "granularity": None, "source": None},
        "location": None,
        "negated": negated,
        "modality": modality,
        "background": _historical(trigger, trigger.doc),
        "reciprocal": reciprocal,
        "quote": None,
        "sentence": index,
        "span": [trigger.idx, trigger.idx + len(trigger.text)],
        "trigger": trigger.text,
        "evidence": {"rules": dict(rules)},
    }


#: Target rules that name where an act is done, not whom it is done to (``evidence.rules.target``).
PLACE_TARGET_RULES = frozenset({"_place_targets", "target_of_place", "target_of_host", "_noun_place"})
#: Target rules that name what an act is about or for (its topic, purpose or announced act): for a meeting of two
#: coordinated parties of two countries no party to it (rule ``reciprocal_topic``, :func:`_emit`).
TOPIC_TARGET_RULES = frozenset({"target_of_topic", "target_of_purpose", "target_of_complement"})
RECIPROCAL_TOPIC = "reciprocal_topic"


def _coordinated_countries(sides: list[Side]) -> set[str]:
    """The two countries of two coordinated sources of different countries ("the US and Mexico"),
    else the empty set (more parties than two are often a list the act is aimed from, not a pact)."""
    countries = {str(s.get("country")) for s in sides if s is not None and s.get("country")}
    return countries if len(sides) == 2 and len(countries) == 2 else set()


def _third_country_named(doc: Doc, trigger: Token, parties: set[str]) -> bool:
    """Whether the trigger's sentence names an actor of a country other than ``parties``."""
    sentence = sentence_span(doc, trigger.i)
    return any((actor.get("country") or None) not in (None, *parties)
               for _, _, _, actor, _ in in_window(doc, sentence.start_char, sentence.end_char))


def _assertable(code: str, source_sides: list[Side], target_sides: list[Side], lex: Lexicon) -> bool:
    """Whether an act of CAMEO ``code`` between these sides may be asserted: a hostile or material act needs a
    political actor ("fight rising prices" is none), and any act but a statement an identified party (no code,
    no country: "Rigby's family visited the scene", "Democrats have raised money" with the party unresolved
    say nothing of who acted on whom). The one test of :func:`_emit` (for an act asserted where it is read) and
    :func:`_alone_clauses` (for a relative clause asserted once its whole sentence is read); :func:`_emit` alone
    lets through an arrest in the passive with no doer and no source (:func:`roles.custody_passive`, session 42)."""
    sides = (*source_sides, *target_sides)
    if code[:2] in root_class("material") and not any(_political(side, lex) for side in sides):
        return False
    return code[:2] == "01" or any(_identified(side) for side in sides)


def _emit(doc: Doc, trigger: Token, index: int, entry: Entry, source_sides: list[Side], target_sides: list[Side],
          negated: bool, modality: Modality, lex: Lexicon, *, rules: EventRules, declare: bool = True) -> Iterable[Event]:
    """Events for every source-target pair. ``declare``: an intended act the sentence announces
    ("will visit") is also an asserted intent (03x/13x); not one that only modifies another act."""
    if not source_sides and not target_sides:
        return  # no act between actors: description or opinion
    if modality == "asserted" and not _assertable(entry.code, source_sides, target_sides, lex):
        if any(side is not None for side in source_sides) or not custody_passive(trigger, entry.code, lex):
            return  # an intended act keeps its modality for the act that governs it ("talks aimed at ending the war")
        # "two men were arrested": no doer named and no party identified, but only a state arrests; its source
        # is the state where it happened (dateline.actors.countries.agentless_source)
        rules = {**rules, "source": CUSTODY_RULE}
    entry, rules = root_rule(trigger, entry, rules, lex, source_sides, target_sides)  # the root the act's parties and cues decide
    plover = cameo_to_plover(entry.code)
    reciprocal = entry.reciprocal or entry.code[:2] == "04" and entry.code != "042"
    each_party = plover is not None and plover.event.lower() in lex.cue("each_party")
    if each_party and rules.get("code") == "_sense" and trigger.pos_ == "VERB" and _with_thing(trigger, entry, lex):
        # "the United States and Iran agreed with the proposal": each endorses the thing, not the other party
        each_party = False
    pairs: list[tuple[Side | None, Side | None]]
    coordinated = _coordinated_countries(source_sides)
    parties = coordinated if trigger.pos_ == "VERB" else set()
    venues: set[str] = set()
    if coordinated and (reciprocal or each_party) and target_sides and rules.get("target") in PLACE_TARGET_RULES:
        # "the agreement was announced in Geneva by Kerry and Lavrov": where two parties of two countries
        # meet or agree is no party to it (docs/annotation.md section 2: a summit in a third country)
        venues = {str(t.get("country")) for t in target_sides if t is not None and t.get("country")}
        parties, target_sides = coordinated, []
    topic = str(rules.get("target") or "").removesuffix(ABROAD)
    if coordinated and reciprocal and not each_party and target_sides and topic in TOPIC_TARGET_RULES:
        # "Trump and Putin met at the G20 to discuss Syria", "the U.S. and Japan will talk at the Security Council":
        # what two parties of two countries meet about or for is a topic, each party is the other's target
        # (docs/annotation.md section 4); rule reciprocal_topic
        parties, target_sides = coordinated, []
        rules = {**rules, "target": RECIPROCAL_TOPIC}
    if parties and (reciprocal or each_party) and target_sides and all(
            t is not None and t.get("country") in parties for t in target_sides):
        # "the United States and Iran settled a dispute over Iranian assets": with the parties of two
        # countries coordinated, a target of one party's own country is a topic, not a third party
        target_sides = []
    if parties and each_party and not target_sides and not _third_country_named(doc, trigger, parties | venues):
        # "Washington and Beijing agreed to ...": one event per party (PLOVER), each aimed at the
        # other (docs/annotation.md section 4: each party is the other's target), unless the
        # sentence names a third country the act may be aimed at ("X and Y vowed to punish Z")
        pairs = [(a, b) for a in source_sides for b in source_sides if a is not b and not same_side(a, b)]
        rules = {**rules, "target": "coordinated_parties"}
    elif reciprocal and not target_sides and len(source_sides) > 1 and not each_party:
        # "A, B and C met", "A and B clashed": the coordinated parties are each other's targets,
        # one reciprocal event per pair; "A and B agreed": one event each
        pairs = [(a, b) for i, a in enumerate(source_sides) for b in source_sides[i + 1:] if not same_side(a, b)]
        rules = {**rules, "target": RECIPROCAL_TOPIC if rules.get("target") == RECIPROCAL_TOPIC else "reciprocal"}
    else:
        if not target_sides and plover is not None and plover.event.lower() in lex.cue("needs_target"):
            return  # PLOVER requires a recipient for this type
        pairs = [(s, t) for s in (source_sides or [None]) for t in (target_sides or [None]) if not same_side(s, t)]
    intent, decided = "", False
    # "will impose a curfew"; "Iran's planned visit to Iraq" (_planned_meeting)
    announced = trigger.pos_ == "VERB" or _light_governor(trigger, lex) is not None or _planned_meeting(trigger, entry, lex)
    named = any(side is not None for side in source_sides)  # an agentless passive ("ISIL will be defeated")
    # names nobody who declares: the act stays intended, with no 03x/13x of its own
    if declare and modality == "intended" and not negated and announced and named and _declarer(trigger, source_sides):
        intent = _intent_code(entry.code)
        # "aims to tighten sanctions and impose a blockade": the first conjunct's governor
        verb = syntax.first_conjunct(trigger if trigger.pos_ == "VERB" else trigger.head)
        governor = verb.head.head if verb.dep_ == "pcomp" and verb.head.pos_ == "ADP" else verb.head
        if verb.dep_ in ("xcomp", "acl", "pcomp") and governor.pos_ == "VERB" and (
                governor.lemma_ in lex.verb_lemmas or governor.lemma_ in lex.cue("intent_verb")):
            intent = ""  # the governing verb ("agreed to meet", "aimed at ending") says it, not this one
        if verb.dep_ == "ccomp" and governor.lemma_ in lex.cue("causative_verb") and _own_modality(verb, lex, doc) is None:
            intent = ""  # "trying to get the court to prosecute X": intended only as what its governor seeks
        if verb.dep_ == "advcl" and _own_modality(verb, lex, doc) is None:
            intent = ""  # "to amend the constitution so that X is banned": intended only as its governor's aim
        if verb.dep_ in ("acl", "xcomp") and governor.pos_ == "NOUN" and governor.lemma_ in lex.cue("attempt_verb"):
            intent = ""  # "their effort to overthrow the government": an attempt under way, no declaration
        if intent and _decided_measure(trigger, verb, governor, entry, lex):
            intent, decided = "", True  # "the council's decision to revoke the licence": the measure itself
    if declare and modality == "hypothetical" and not negated and trigger.pos_ == "VERB" and entry.code[:2] in root_class("cooperative") \
            and _declarer(trigger, source_sides) and _conditional_offer(trigger, lex):
        intent = _intent_code(entry.code)  # "would meet the mediator if he gave them a veto": a conditional offer
    refusal = ""
    if declare and modality == "intended" and negated and trigger.pos_ == "VERB" and _declarer(trigger, source_sides):
        refusal = _refusal_code(trigger, entry.code, lex)
    if decided:
        modality, rules = "asserted", {**rules, "code": "_decided_measure", "modality": "_decided_measure"}
    for source, target in pairs[:6]:
        yield make_event(trigger, index, entry.code, source, target, negated=negated, modality=modality,
                         reciprocal=reciprocal and target is not None, rules=rules)
        if intent:
            yield make_event(trigger, index, intent, source, target, negated=False, modality="asserted",
                             reciprocal=reciprocal and target is not None,
                             rules={**rules, "code": "_intent_code", "modality": "_declarer"})
        if refusal:
            yield make_event(trigger, index, refusal, source, target, negated=False, modality="asserted",
                             reciprocal=False, rules={**rules, "code": "_refusal_code", "modality": "_declarer"})


def _decided_measure(trigger: Token, verb: Token, governor: Token, entry: Entry, lex: Lexicon) -> bool:
    """Whether an act told as intended, whose doer would declare it (``_intent_code``'s 03x/13x), is a measure its
    doer took by deciding it: the verb (or its first conjunct, ``verb``) is the infinitive clause (``acl``) of a noun
    of cue ``decision_noun`` (``governor``) that a possessor or "the" marks as a decision taken ("the council's
    decision to revoke the licence", "its decision to close the border", "the decision to freeze the accounts"). The
    measure is then coded once, with its own root, ``asserted`` (docs/annotation.md D5: an act that happened is
    asserted with its own root, not coded as an intent), rule ``_decided_measure`` for its code and modality. Not a
    consultation (CAMEO 04: "her decision to meet the envoy" still needs the envoy, and keeps its 036), an event
    noun, a decision still to be taken ("a decision to close the border is expected": no possessor, no "the") nor a
    noun of plans or efforts (cues ``control_noun``, ``attempt_verb``: intended or attempted). The decision noun must
    itself be told as taken, by its own modality (``modality._noun_modality``: not "Kenya's decision to expel the
    envoy is expected next week", "will announce its decision to", "has not made the decision to", "could make the
    decision to"), the infinitive no open question ("its decision whether to expel": a ``mark``) and the measure
    no time still to come of its own (``modality._future_time``: "its decision to send troops next year"); session
    43 mend. Session 43 (roots43): on train's read half, 15 such intents, 12 labelled the measure asserted."""
    if verb.dep_ != "acl" or governor.pos_ != "NOUN" or governor.lemma_.lower() not in lex.cue("decision_noun"):
        return False
    if entry.code[:2] == "04" or trigger.pos_ != "VERB":
        return False
    if not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in governor.children):
        return False
    if any(c.dep_ == "mark" for c in verb.children) or _future_time(trigger, lex):
        return False
    return _noun_modality(governor, lex, trigger.doc) == (False, "asserted")


def _planned_meeting(trigger: Token, entry: Entry, lex: Lexicon) -> bool:
    """Whether an event noun of consultation (CAMEO 04: a meeting, talks, a visit, a summit, a trip) can announce
    its parties' intent to meet (036), as "X will meet Y" does, when it is told as still to come ("Iran's planned
    visit to Iraq", "ahead of next week's talks with China", "the upcoming summit between X and Y"): the caller
    tests that (the event's modality ``intended``); docs/annotation.md section 2 (a scheduled or planned meeting is
    an act, `intended`; the intent is what is asserted, ``newseval.coded_root``). Not when the noun hangs on a verb
    of intent (:func:`_noun_governor`: "agreed to US mediation", "plans talks with Y"): that verb's own 03x declares
    it. Only consultations: other event nouns still to come ("the planned strikes", "a proposed deal") do not say
    that their doer declared them (train, rounds 44-47 out: of the nouns told as still to come and given no intent,
    the label is an intended act with these sides for 75 of 198 consultations, 7 of 86 attacks; eval/sessions/36.md,
    "noacts36")."""
    if trigger.pos_ != "NOUN" or entry.code[:2] != "04":
        return False
    head = _noun_governor(trigger)
    return not (head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in lex.cue("intent_verb"))


def _noun_governor(noun: Token) -> Token:
    """The word an event noun hangs on: its head, or the head of its preposition ("agreed to talks": "agreed";
    "held talks": "held")."""
    head = noun.head
    return head.head if noun.dep_ == "pobj" and head.pos_ == "ADP" else head


def _key(event: Event) -> tuple[Any, ...]:
    """One event per act: (sentence, source, target, code), a reciprocal pair in either order."""
    pair: tuple[Any, ...] = (side_key(event["source"]), side_key(event["target"]))
    if event["reciprocal"]:
        pair = tuple(sorted(pair, key=str))
    return (event["sentence"], *pair, event["cameo"], event["negated"], event["modality"])
