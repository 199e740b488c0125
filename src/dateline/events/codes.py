"""Derived codes: CAMEO intents (03x) for declared future acts, threats (13x) for hostile ones,
refusals (12x) for announced refusals, and the PLOVER type of a CAMEO code."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from spacy.tokens import Token

from .. import syntax
from ..lang import en
from ..codebook import cameo_to_plover, derived_codes, root_class
from ..doc import per_token
from ..lexicon import Entry, Lexicon, valence
from ..record import EventRules
from .clauses import CLAUSE_LINKS, acted_on_noun
from .sides import Side, _side
from .triggers import _idiom, _match_pattern, military_strike_noun, _noun_entry, _particle, _verb_entry, _verb_row


#: ``plover.event`` of CAMEO 01/02 events, which PLOVER does not code: null (the schema allows
#: it); the CAMEO code is kept and the eval harness leaves such events out.
NO_PLOVER_EVENT: str | None = None






def _intent_code(code: str) -> str:
    """The CAMEO code of declaring the intent to do ``code``: its own threat (table ``threat`` of
    ``data/cameo_derived_codes.tsv``), else the root's intent (table ``intent``); "" when declaring
    it is no separate act."""
    for size in (4, 3):
        if code[:size] in derived_codes("threat"):
            return derived_codes("threat")[code[:size]]
    return derived_codes("intent").get(code[:2], "")


def _intent_of(verb: Token, entry: Entry, complement: Token, lex: Lexicon) -> Entry:
    """An intent verb's code given what is intended: a hostile act turns a promise, plan or
    offer (03x) into a threat (13x), as CAMEO codes "vowed to attack" (PLOVER THREATEN)."""
    if verb.lemma_ not in lex.cue("intent_verb") or entry.code[:2] != "03":
        return entry
    intended = _verb_entry(complement, lex)
    obj = syntax.direct_object(complement)
    if intended is None and obj is not None and complement.lemma_ in lex.cue("light_verb"):
        intended = _noun_entry(obj, lex)  # "plans to impose restrictions": the noun is the act
    if intended is None or intended.code[:2] not in root_class("hostile") or complement.lemma_ in lex.cue("cancelling_verb"):
        # ("agreed to postpone the demonstration" is a concession, not a threat)
        return entry
    return Entry(_intent_code(intended.code) or "130")


def _plover(code: str) -> dict[str, Any]:
    mapped = cameo_to_plover(code)
    if mapped is None:
        return {"event": NO_PLOVER_EVENT, "mode": None, "context": None}
    return {"event": mapped.event, "mode": mapped.mode, "context": mapped.context}




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
        if code[:size] in derived_codes("refusal"):
            return derived_codes("refusal")[code[:size]]
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


def _evaluative(verb: Token, lex: Lexicon) -> Entry | None:
    """The entry of a verb of saying or naming that codes nothing of its own (cue ``evaluative_verb``:
    "added", "described X as", "called X Y", "branded") when what it says or names blames or
    criticises: "called the troops invaders", "described the plan as reckless", "added that Y had
    failed": 112/111 (:func:`_disapproval`, which also reads the object predicate and the "as"
    phrase here); else None: describing, naming and adding are otherwise no act."""
    if verb.pos_ != "VERB" or verb.lemma_ not in lex.cue("evaluative_verb"):
        return None
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None  # "are believed to have agreed": a passive names no one who evaluates
    code = _disapproval(verb, lex, naming=True) or _negative_evaluation(verb, lex, naming=True)
    if code is None:
        judged = naming_judgement(verb, lex)
        code = judged[0] if judged is not None else None
    return Entry(code) if code is not None else None


#: Objects of a naming verb that name no one judged: "calls itself X" is the name it goes by, "what they called X".
_UNJUDGED_OBJECTS = frozenset({"itself", "themselves", "himself", "herself", "it", "this", "that", "what", "which"})

#: The code rule of a name that blames by :func:`naming_judgement` (docs/output.md).
NAMING_BLAME_RULE = "_naming_blame"


def naming_judgement(verb: Token, lex: Lexicon) -> tuple[str, str] | None:
    """(code, code rule) of a naming verb (cue ``naming_verb``: "call", "dub") whose name blames the actor named,
    where :func:`_disapproval` and :func:`_negative_evaluation` find no blame (they skip a word that names an actor
    or an act, "called them terrorists", "called the strikes a crime"): the object predicate, its conjuncts or
    their adjectives ("called the move a rash act"), a word of cue ``blaming_adjective``, of cue ``blaming_name`` (names
    that blame which VADER does not rate: "a traitor", "a puppet", "bogus") or of VADER valence at most
    :data:`NEGATIVE_VALENCE`, is 111 (rule ``_naming_blame``). A compound word classifies the name and
    judges nothing ("a witch hunt"). The one named, the direct object, must be an actor or an actor's act
    (:func:`_about_actor`), not a pronoun of a thing or a reflexive ("calls itself the Islamic State"). A
    negated naming or name, a neutral or unknown name ("what they called a pattern of attacks") and a name that
    praises ("called him a hero": session 53, no label lists these on the naming verb) code nothing. The object of
    the verb's "as" is a name too, for a naming verb and for a describing verb of cue ``evaluative_verb``
    ("labelled the leaders as criminals", "described the rebels as terrorists": session 57, iC). Else None."""
    return per_token(verb, f"naming_judgement:{id(lex)}", lambda v: _find_naming_judgement(v, lex))


def _find_naming_judgement(verb: Token, lex: Lexicon) -> tuple[str, str] | None:
    """:func:`naming_judgement` worked out."""
    described = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and (p := syntax.pobj(c)) is not None]
    if verb.lemma_ not in lex.cue("naming_verb") and not (described and verb.lemma_ in lex.cue("evaluative_verb")):
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    if _disapproval(verb, lex, naming=True) is not None or _negative_evaluation(verb, lex, naming=True) is not None:
        return None  # blamed already by a cue word or VADER: ``_evaluative``
    names = [c for c in verb.children if c.dep_ == "oprd" and c.ent_type_ not in ("DATE", "TIME")]
    names += described  # "labelled the leaders as criminals", "described the gunmen as terrorists" (session 57, iC)
    named = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if named is None:  # "called Norway's envoy reckless", parsed as one phrase: the named hangs on the name
        named = next((c for n in names for c in n.children if c.dep_ in ("compound", "poss")), None)
    if named is None or named.lower_ in _UNJUDGED_OBJECTS or not _about_actor(named, lex):
        return None
    names += [c for n in names for c in n.conjuncts]
    words = [*names, *(c for n in names for c in n.children if c.dep_ in ("amod", "acomp"))]
    blaming = lex.cue("blaming_adjective") | lex.cue("blaming_name")
    for word in words:
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in word.children):
            continue
        forms = (word.lower_, word.lemma_.lower())
        if any(f in blaming for f in forms):
            return "111", NAMING_BLAME_RULE  # "called the envoy foolish"
        if word.pos_ in ("ADJ", "NOUN") and min(valence(f) for f in forms) <= NEGATIVE_VALENCE:
            return "111", NAMING_BLAME_RULE  # "called them terrorists", "a rash act"
    return None


def _content(verb: Token, lex: Lexicon, *, naming: bool = False) -> list[tuple[Token, list[Token]]]:
    """What a verb of saying says, as (the clause's head, its words), for :func:`_disapproval` and
    :func:`_negative_evaluation`: its clauses and object ("said that ...", "expressed impatience with"),
    with ``naming`` also its object predicate and "as" phrase ("called them invaders", "described the
    plan as reckless"); a speech verb (cue ``speech_verb``) with none of these, set beside the quotation
    it attributes ("“..., ” X said", parsed as parataxis of the quotation's verb), says that quotation
    (:func:`_said_clauses`). Worked out once per Doc, verb, lexicon and flag (the list is shared: read it only)."""
    return per_token(verb, f"content:{naming}:{id(lex)}", lambda v: _find_content(v, lex, naming=naming))


def _find_content(verb: Token, lex: Lexicon, *, naming: bool) -> list[tuple[Token, list[Token]]]:
    """:func:`_content` worked out."""
    clauses = [(c, list(c.subtree)) for c in verb.children
               if c.dep_ in ("ccomp", "xcomp", "parataxis", "dobj") or (naming and (
                   c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as")))]
    if clauses or verb.lemma_ not in lex.cue("speech_verb"):
        return clauses
    return _said_clauses(verb)


def _disapproval(verb: Token, lex: Lexicon, *, naming: bool = False, framed: bool = False) -> str | None:
    """The CAMEO code of a statement that blames or criticises ("X said Y was responsible for",
    "X said Y misled Congress": 112, accuse; "X said Y's demands were abusive": 111, criticise): a
    cue word (``accusation_word``, ``criticism_word``) in what was said, not negated; else None.
    What was said is the verb's clause ("said that ..."), or its object with what hangs on it
    ("expressed impatience with", "echoed criticisms of", "issued a statement saying it condemns");
    with ``naming``, also the object predicate ("called them invaders") and the "as" phrase
    ("described the plan as reckless") of a naming or describing verb (:func:`_evaluative`). With
    ``framed`` (a speech verb that attributes a reported act), a cue verb coded on its own is that
    act's, not the speaker's. (A wrong or a judgement said of an identified actor is read first, by
    :func:`accusation_clauses` in ``events.assemble._accusation_in_statement``; this reads the rest.)"""
    found = _disapproval_word(verb, lex, naming=naming, framed=framed)
    return found[0] if found is not None else None


def _disapproval_word(verb: Token, lex: Lexicon, *, naming: bool = False,
                      framed: bool = False) -> tuple[str, Token] | None:
    """:func:`_disapproval`'s code with the cue word that decided it (the first word of accusation, else
    the first of criticism), for :func:`disapproved`; worked out once per Doc, verb, lexicon and flags
    (:func:`_find_disapproval_word`): a statement verb is asked it up to five times (its code, its target,
    its gates)."""
    return per_token(verb, f"disapproval_word:{naming}:{framed}:{id(lex)}",
                     lambda v: _find_disapproval_word(v, lex, naming=naming, framed=framed))


def _find_disapproval_word(verb: Token, lex: Lexicon, *, naming: bool, framed: bool) -> tuple[str, Token] | None:
    """:func:`_disapproval_word` worked out: the words of what was said (:func:`_content`), read in order."""
    accuse, criticise = lex.cue("accusation_word"), lex.cue("criticism_word")
    found: tuple[str, Token] | None = None
    for clause, words in _content(verb, lex, naming=naming):
        for token in words:
            word = token.lemma_.lower()
            if word not in accuse and word not in criticise:
                continue
            if any(c.dep_ == "neg" for c in (*token.children, *token.head.children)) or _denied_by_no(token):
                continue  # "said Y was not responsible", "said there was no collusion": no blame
            if _conditioned(token, clause, lex):
                continue  # "if Tokyo failed to act, ...": a condition blames no one
            if framed and token.pos_ == "VERB" and _verb_entry(token, lex) is not None:
                continue  # "said X, whom authorities blame for ...": the blaming is coded on its own verb
            if word in accuse:
                return "112", token
            found = found or ("111", token)
    return found


#: The VADER valence (``data/lexicon/valence.tsv``) at or below which a word evaluates negatively enough
#: to make a statement a criticism (:func:`_negative_evaluation`).
NEGATIVE_VALENCE = -1.5


def _negative_evaluation(verb: Token, lex: Lexicon, *, naming: bool = False) -> str | None:
    """CAMEO 111 for a statement whose content judges an actor or an actor's act negatively, by a
    general lexicon of negative evaluation (VADER, ``data/lexicon/valence.tsv``, valence at most
    :data:`NEGATIVE_VALENCE`) rather than a word list: an adjective predicated of it or modifying it
    ("said the actions were illegal", "called the plan crazy", "said X's dangerous policy"), a noun
    predicated of it ("said X was a disgrace"), or the speaker's emotion of disapproval as the
    statement's object, felt (cue ``feeling_verb``) or predicated of the speaker ("expressed outrage at X",
    "said it felt indignation at", "said he was horrified by the murder"); else None. Words that code an act of their own ("attack", "war", "killed") or
    name sympathy or fear (cue ``unblaming_emotion``: "saddened", "feared": CAMEO 018 or no act) do not
    count, nor a negated or conditioned word. What was said is read as in :func:`_disapproval`."""
    return "111" if _negative_judgement(verb, lex, naming=naming) is not None else None


def disapproving_statement(verb: Token, code: str, lex: Lexicon) -> bool:
    """Whether a statement (a verb coded ``code``, 01x, not the speaker's own account: :data:`OWN_ACCOUNT_CODES`)
    blames or criticises by what it says: a cue word of accusation or criticism (:func:`_disapproval`) or a
    negative judgement of an actor (:func:`_negative_evaluation`), the first two rules of :func:`root_rule`
    on a statement, which code it 112/111. Read for the statement's target (``events.assemble``:
    ``_disapproved_targets``, and the speaker's own state kept as the target, ``roles._said_about``)."""
    return code[:2] == "01" and code not in OWN_ACCOUNT_CODES and (
        _disapproval(verb, lex) is not None or _negative_evaluation(verb, lex) is not None)


def _negative_judgement(verb: Token, lex: Lexicon, *, naming: bool = False) -> Token | None:
    """What :func:`_negative_evaluation` finds judged negatively (the noun phrase the word is said of), or None;
    worked out once per Doc, verb, lexicon and flag (:func:`_find_negative_judgement`), as :func:`_disapproval_word`."""
    return per_token(verb, f"negative_judgement:{naming}:{id(lex)}",
                     lambda v: _find_negative_judgement(v, lex, naming=naming))


#: Pronouns that point at a thing or a state of affairs, not an actor (the closed-class list of ``lang.en``).
DEMONSTRATIVES = en.DEMONSTRATIVES


def _danger_label(token: Token, lex: Lexicon) -> Token | None:
    """What a word of cue ``danger_label`` ("threat", "menace") calls a danger, when it is predicated of it or
    posed by it: the subject of "is" or the object it names ("X is the greatest threat", "declared X a threat")
    or the subject of "pose" ("X poses a threat"); else None (docs/annotation.md D13c: calling an identified
    actor a threat judges it, 111; "the threat from X" or "threatened to" stay the threat's own)."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in lex.cue("danger_label"):
        return None
    if token.dep_ == "dobj" and token.head.lemma_ == "pose":
        return next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    if token.dep_ in ("attr", "oprd") or (token.dep_ == "pobj" and token.head.lower_ == "as"):
        return _judged(token, lex)  # (also "described X as a threat": :func:`_judged`'s "as" phrase)
    if token.dep_ == "appos" or (token.dep_ == "dobj" and token.head.lemma_ in ("declare", "call", "label", "consider", "brand")):
        return next((c for c in token.head.children if c.dep_ == "dobj" and c != token), None) or (
            token.head if token.dep_ == "appos" else None)
    return None


def _find_negative_judgement(verb: Token, lex: Lexicon, *, naming: bool) -> Token | None:
    """:func:`_negative_judgement` worked out: the words of what was said (:func:`_content`), read in order."""
    unblaming, plight = lex.cue("unblaming_emotion"), lex.cue("plight_word")
    for clause, words in _content(verb, lex, naming=naming):
        for token in words:
            if token.pos_ not in ("ADJ", "NOUN") and not (token.tag_ == "VBN" and any(
                    c.dep_ == "auxpass" for c in token.children)):
                continue  # (a passive participle only as an emotion: "was appalled by")
            word, lemma = token.lower_, token.lemma_.lower()
            if min(valence(word), valence(lemma)) > NEGATIVE_VALENCE or word in unblaming or lemma in unblaming:
                continue
            labelled = _danger_label(token, lex)
            if labelled is not None:
                if _about_actor(labelled, lex) and labelled.lower_ not in DEMONSTRATIVES \
                        and not _negated_in_clause(token, clause) and not _conditioned(token, clause, lex) \
                        and not any(t.dep_ == "mark" and t.lower_ == "whether" for t in clause.subtree):
                    return labelled  # "said X poses a threat", "declared X a threat" (D13c)
                continue
            if _named_act(token, lex) is not None or (token.pos_ == "VERB" and _verb_entry(token, lex) is not None):
                continue  # "said the attack was ...": the act's own word, no judgement
            if _actor_word(token, lex):
                continue  # "terrorist attacks", "a critic of": the word names an actor, judges none
            judged = _judged(token, lex)
            if judged is None or not _about_actor(judged, lex):
                continue
            if judged.lower_ in en.INDEFINITE_PRONOUNS:
                continue  # "said we have done nothing wrong", "said somebody is a warmonger": no identified actor (D1a)
            if judged.lower_ in DEMONSTRATIVES and judged.dep_ in ("nsubj", "nsubjpass") and (word in plight or lemma in plight):
                continue  # "said this is a problem", "said it was troubling": alarm at a state of affairs, 012 (D1a)
            if any(c.dep_ == "neg" for c in (*token.children, *token.head.children)) or _denied_by_no(token):
                continue  # "said the plan was not illegal", "said there was no evidence of wrongdoing"
            if _conditioned(token, clause, lex):
                continue
            return judged
    return None


def _said_clauses(verb: Token) -> list[tuple[Token, list[Token]]]:
    """What a speech verb says, as (the clause's head, its words): each of its clauses ("said that ...",
    "told reporters the talks were ..."), else, for a verb set beside the quotation it attributes
    ("“..., ” X said" parsed as parataxis of the quotation's verb), that verb's words outside the speech verb."""
    clauses = [(c, list(c.subtree)) for c in verb.children if c.dep_ in ("ccomp", "xcomp", "parataxis")]
    if clauses or verb.dep_ not in ("parataxis", "ccomp") or verb.head == verb:
        return clauses
    own = {t.i for t in verb.subtree}
    return [(verb.head, [t for t in verb.head.subtree if t.i not in own])]


def _critical_statement(verb: Token, lex: Lexicon) -> bool:
    """Whether a plain statement criticises (docs/annotation.md D1a: 111) by a noun of strong negative
    evaluation in what it says, wherever it stands ("said Russia treated the incident with contempt",
    "“it is the damndest foolishness on the part of our diplomats,” he said", "has shown complete
    disdain for"): a noun (or a passive participle, "you have been bamboozled") whose VADER valence is
    at most :data:`NEGATIVE_VALENCE` in both its form and its lemma ("weapons" is, "weapon" is not),
    that names no act of the lexicon and no actor, is no unblaming emotion (cue ``unblaming_emotion``),
    does not classify another noun (a compound, "a terror watch list") or sit in a relative clause
    describing one ("a student who died of injuries"), and is not negated or conditioned. The adjectives
    of a judgement are :func:`_negative_evaluation`'s, which also needs the actor judged (counting any
    negative adjective as criticism lost right events: eval/sessions/24.md, "statements by
    content"). What was said is :func:`_said_clauses`."""
    unblaming = lex.cue("unblaming_emotion")
    for top, words in _said_clauses(verb):
        for token in words:
            if token.pos_ != "NOUN" and not (token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children)):
                continue
            word, lemma = token.lower_, token.lemma_.lower()
            if max(valence(word), valence(lemma)) > NEGATIVE_VALENCE or word in unblaming or lemma in unblaming:
                continue
            if token.dep_ == "compound" or _in_relative_clause(token, top):
                continue  # "a terror watch list", "a student who died of injuries": it describes another noun
            if _named_act(token, lex) is not None or (token.pos_ == "VERB" and _verb_entry(token, lex) is not None):
                continue  # "said the attack was ...": the act's own word
            if _actor_word(token, lex):
                continue
            if _negated_in_clause(token, top) or _conditioned(token, top, lex):
                continue  # "said the eurozone is not in danger", "hoped there would be no more unrest"
            return True
    return False


def _clause_verb(token: Token, top: Token) -> Token:
    """The nearest verb or auxiliary at or above a word within ``top`` (``top`` itself when none is nearer)."""
    node = token
    while node != top and node.head != node and node.pos_ not in ("VERB", "AUX"):
        node = node.head
    return node


def _praising_content(verb: Token, lex: Lexicon) -> bool:
    """Whether a statement praises an identified actor by what it says (docs/annotation.md D1a: praise, 051): a
    word of praise (cue ``praise_word``: "sincere", "ally", "friend") predicated of an actor or of an actor's
    act, or naming what it is ("said X is a reliable partner", "said X's efforts were courageous", "said X is
    sincere and committed"), read as :func:`_negative_evaluation` reads its negative words (:func:`_judged`),
    not negated, not conditioned, not in a relative clause, and not said of the speaker ("we", cue
    ``first_person``): a party describing itself is no act (D1e)."""
    praise, modal = lex.cue("praise_word"), lex.cue("future") | {"could", "might", "may"}
    for clause, words in _content(verb, lex):
        for token in words:
            if token.pos_ not in ("ADJ", "NOUN") or token.lower_ not in praise or token.tag_ in ("JJR", "JJS") or any(
                    c.dep_ == "advmod" and c.lower_ in ("more", "less", "most", "least") for c in token.children):
                continue  # (the word's own form: "best", "more effective" compare, they praise no one)
            if token.dep_ == "amod" and token.head.dep_ not in ("attr", "oprd"):
                continue  # "good government", "a great rebuilding": a modifier praises only what is said to be so
            if _in_relative_clause(token, clause) or _negated_in_clause(token, clause) or _conditioned(token, clause, lex):
                continue
            if any(c.dep_ == "aux" and c.lower_ in modal for c in _clause_verb(token, clause).children):
                continue  # "will be a tremendous place": a forecast, optimism (013), no praise
            judged = _judged(token, lex)
            if judged is None or judged.lower_ in lex.cue("first_person") | DEMONSTRATIVES or not _about_actor(judged, lex):
                continue
            return True
    return False


def _denied_by_no(token: Token) -> bool:
    """Whether what a statement says denies that a word's wrong exists, by the determiner "no": the word told as
    what there is none of ("said there was no collusion", "there has been no interference"), or the word in the
    "of" phrase of a noun that "no" determines ("said there was no evidence of any collusion"). Such a word
    blames no one. Not "no" on an object ("showed no remorse" blames)."""
    def no_det(node: Token) -> bool:
        return any(c.dep_ == "det" and c.lower_ == "no" for c in node.children)
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head is not token.head:
        return no_det(token.head.head)  # "no evidence of collusion"
    head = token.head
    return no_det(token) and token.dep_ in ("attr", "nsubj") and head.lemma_ == "be" and any(
        c.dep_ == "expl" for c in head.children)  # "there was no collusion"


def _negated_in_clause(token: Token, top: Token) -> bool:
    """Whether a word is negated: a negation on it, its head or the nearest verb above it within ``top``
    ("is not in danger"), or the determiner "no" ("no more unrest")."""
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in (*token.children, *token.head.children)):
        return True
    node = _clause_verb(token, top)
    return node.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in node.children)


def _judged(token: Token, lex: Lexicon) -> Token | None:
    """What a negative word is said of: the subject of the clause it is predicated in ("the actions
    were illegal", "he was horrified"), the object it is named of ("called the plan crazy"), the noun
    it modifies ("Y's reckless drills"), or what that noun is predicated of ("called Y the worst
    negotiator"); the subject of a feeling verb (cue ``feeling_verb``) for an
    emotion noun that is its object ("expressed outrage", "felt indignation"); what a negative subject
    noun is equated with ("the real scandal is Y's cover-up"); else None."""
    token = syntax.first_conjunct(token)  # "illegal and illegitimate"
    if token.dep_ == "amod" and token.pos_ == "ADJ":
        if token.head.dep_ in ("attr", "oprd") and token.head.head != token.head:
            return _judged(token.head, lex)  # "called X the worst negotiator": said of X
        return token.head
    if token.dep_ == "dobj" and token.pos_ == "NOUN" and token.head.lemma_ in lex.cue("feeling_verb"):
        return next((c for c in token.head.children if c.dep_ == "nsubj"), None)  # "expressed/felt outrage"
    if token.dep_ in ("acomp", "attr"):
        return next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if token.pos_ == "VERB":
        return next((c for c in token.children if c.dep_ == "nsubjpass"), None)  # "he was appalled"
    if token.dep_ == "nsubj" and token.pos_ == "NOUN" and token.head.lemma_ == "be":
        return next((c for c in token.head.children if c.dep_ == "attr"), None)  # "the scandal is Y's effort"
    if token.dep_ == "oprd":
        return next((c for c in token.head.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if token.dep_ == "ccomp" and token.pos_ == "ADJ":
        return next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if token.dep_ == "pobj" and token.head.lower_ == "as" and token.head.dep_ == "prep" \
            and token.head.head.lemma_ in lex.cue("evaluative_verb"):
        # "described Y as a racist", "labelled Y's leaders as criminals": the "as" phrase of a naming or describing
        # verb is said of its object (session 57, iC); not "what X described as a threat", a free relative that
        # names no one
        named = next((c for c in token.head.head.children if c.dep_ in ("dobj", "nsubjpass")), None)
        return None if named is None or named.lower_ == "what" else named
    return None


def _about_actor(token: Token, lex: Lexicon) -> bool:
    """Whether a noun phrase names an actor or an actor's act: an actor word itself, one that owns or
    modifies it ("Russia's actions", "Russian drills", "the actions of Y"), or an act of the lexicon."""
    return _named_act(token, lex) is not None or bool(_blamed(token, lex))


def disapproved(verb: Token, lex: Lexicon) -> tuple[Token | None, list[Token]]:
    """What a statement that disapproves speaks against, as (the phrase its disapproval word is said of, the
    actors that phrase names): the word is :func:`_disapproval`'s cue word of accusation or criticism, else
    :func:`_negative_evaluation`'s word of negative evaluation; the phrase is the clause subject it is
    predicated of, the subject of a cue verb ("said Y misled Congress") or the noun it modifies; the actors are
    that phrase or its owner ("Y's comments were irresponsible", :func:`_blamed`). ``(None, [])`` for a
    statement that disapproves of nothing said. Read by ``events.assemble._disapproved_targets``: the
    statement's target is the one disapproved, whatever its country, not the first foreign actor of what was
    said (docs/annotation.md D1a)."""
    found = _disapproval_word(verb, lex)
    if found is not None:
        word = found[1]
        judged = _judged(word, lex)
        if judged is None and word.pos_ in ("VERB", "AUX"):
            judged = next((c for c in word.children if c.dep_ == "nsubj"), None)  # "said Y misled Congress"
    else:
        judged = _negative_judgement(verb, lex)
    return judged, (_blamed(judged, lex) if judged is not None else [])


def _expressed_intent(verb: Token, lex: Lexicon) -> Entry | None:
    """A statement (01x) whose object is a wish or readiness to act (cue ``intent_noun``) with its
    act as an infinitive ("expressed his eagerness to meet X", "voiced willingness to resume
    talks", "expressed hope to end the war"): the intent to do that act, 03x (13x for a hostile
    act, :func:`_intent_code`; 030 when the act has no code of its own); else None."""
    obj = syntax.direct_object(verb)
    if obj is None or obj.lemma_.lower() not in lex.cue("intent_noun"):
        return None
    for act in obj.children:
        if act.dep_ not in ("acl", "xcomp") or act.pos_ != "VERB":
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in act.children):
            continue
        if any(c.dep_ == "neg" for c in act.children):
            return None  # "willingness not to escalate": no act is intended
        intended = _verb_entry(act, lex)
        return Entry((_intent_code(intended.code) if intended is not None else "") or "030")
    return None


def _obliging_content(verb: Token, lex: Lexicon) -> bool:
    """Whether what a verb says is what someone must or should do ("warned: 'we must not make that
    mistake again'", "warned that the talks should resume"): a clause of its own with an auxiliary
    of obligation (cue ``obligation``, "should") and no condition (a consequence set on a condition
    is a threat)."""
    obliging = lex.cue("obligation") | {"should"}
    for clause in verb.children:
        if clause.dep_ not in ("ccomp", "parataxis"):
            continue
        if _conditioned_clause(clause, lex):
            return False
        if any(c.dep_ == "aux" and c.lower_ in obliging for c in clause.children):
            return True
    return False


def obligation_clauses(verb: Token, lex: Lexicon) -> Iterable[list[Token]]:
    """The subjects of each that-clause of ``verb`` saying what someone must do: a verb clause with an
    auxiliary of obligation (cue ``obligation``: "must", "ought"), not negated. One test for
    ``_demanding_content`` and ``events.assemble._demand_in_statement``. ("has to" is :func:`have_to_clauses`.)"""
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
            continue
        if not any(c.dep_ == "aux" and c.lower_ in lex.cue("obligation") for c in clause.children):
            continue
        if any(c.dep_ == "neg" for c in clause.children):
            continue
        yield [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]


def have_to_clauses(verb: Token, lex: Lexicon, sources: list[Side]) -> Iterable[list[Token]]:
    """The subjects of each that-clause of ``verb`` saying that an actor of another country than the speaker's has
    to act, in the present ("Kerry said Assad has to go": :func:`_present_have_to`): a demand of it, as with "must"
    (:func:`obligation_clauses`). Only subjects of another country: "has to" said of one's own side mostly comments
    on politics at home ("a senator said the president has to explain the plan"); "had to", "has had to", "has yet
    to" and "will have to" tell what someone did, has not done or will need to do, no demand."""
    own = _own_countries(sources)
    if not own:
        return
    for clause in verb.children:
        if clause.dep_ != "ccomp" or not _present_have_to(clause) or any(c.dep_ == "neg" for c in clause.children):
            continue
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any((side := _side(c.doc, c, lex)) is not None and side.get("country") and side.get("country") not in own
               for c in subjects):
            yield subjects


def _present_have_to(clause: Token) -> bool:
    """Whether a clause is "X has to / have to <verb>" in the present: the verb "have" (VBZ or VBP) with no
    auxiliary of its own and an infinitive ("to go") as its complement."""
    if clause.lemma_ != "have" or clause.tag_ not in ("VBZ", "VBP"):
        return False
    if any(c.dep_ in ("aux", "auxpass") or (c.dep_ == "advmod" and c.lower_ == "yet") for c in clause.children):
        return False  # ("has yet to prove": not done so far, no demand)
    if any(c.dep_ == "nsubj" and c.lower_ in en.EMPTY_SUBJECTS for c in clause.children):
        return False  # ("this has to be a political strategy": no actor is told to act)
    after = clause.doc[clause.i + 1] if clause.i + 1 < len(clause.doc) else None
    return after is not None and after.lower_ == "to" and after.head.dep_ == "xcomp" and after.head.head == clause


def appeal_clauses(verb: Token, lex: Lexicon, *, reproach: bool = False) -> Iterable[list[Token]]:
    """The subjects of each that-clause of ``verb`` saying what someone should do (docs/annotation.md
    section 2: an appeal, CAMEO 02): a verb clause with an advisory auxiliary (cue ``advisory``: "said Syria
    should withdraw"), not negated and not a condition ("if Syria should attack"). One test for
    ``_appealing_content`` and ``events.assemble._demand_in_statement``; "must" is a demand
    (:func:`obligation_clauses`). ("needs to", "has to" were measured and not kept: they mostly report
    what someone had to do, eval/sessions/24.md, "statements by content".) An auxiliary before
    the subject is an inverted condition ("should officials decide, ..."), no advice. With ``reproach``,
    the clauses in the perfect instead ("said X should have acted"): what someone failed to do."""
    conditions = lex.cue("condition")
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.dep_ == "neg" for c in clause.children) or any(
                c.dep_ == "mark" and c.lower_ in conditions for c in clause.children):
            continue
        advisory = [c for c in clause.children if c.dep_ == "aux" and c.lower_ in lex.cue("advisory")]
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not advisory or any(s.i > advisory[0].i for s in subjects):
            continue  # "should officials become convinced, ...": an inverted condition
        if reproach != any(c.dep_ == "aux" and c.lemma_ == "have" for c in clause.children):
            continue  # "should have acted": what someone failed to do (``_appealing_content(reproach=True)``)
        yield subjects


def need_clauses(verb: Token, lex: Lexicon) -> Iterable[tuple[Token, list[Token]]]:
    """Each that-clause of ``verb`` whose own verb says what its subject should do (cue ``advisory_verb``, "need"),
    in the present with a to-infinitive ("said Ruritania needs to withdraw its troops"), with its
    subjects: advice, as :func:`appeal_clauses` reads "should"; not in the past ("said Iraq needed more help", "needed
    to weigh a response": what had to be done), negated, under a condition, with a subject after the verb, with an
    object ("needs Britain to stand": the one asked is the object), with a passive infinitive ("concerns need to
    be addressed": no act asked of the subject), nor with a subject that is no proper noun ("the country needs to",
    "the government needs to", "they need to": the side finder guesses who is meant, and on train's read half
    these were mostly wrong or not listed; session 53, hI)."""
    conditions = lex.cue("condition")
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.lemma_.lower() not in lex.cue("advisory_verb") or clause.tag_ not in ("VBZ", "VBP"):
            continue
        kids = list(clause.children)
        if any(c.dep_ == "neg" for c in kids) or any(c.dep_ == "mark" and c.lower_ in conditions for c in kids):
            continue
        if any(c.dep_ == "dobj" for c in kids):
            continue  # "America needs Britain to stand alongside it": the one asked is the object, not the subject
        acts = [c for c in kids if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        if not acts or any(a.dep_ == "auxpass" for c in acts for a in c.children):
            continue  # "concerns need to be addressed": a thing to be done, no act asked of the subject
        subjects = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and all(s.i < clause.i for s in subjects) and all(s.pos_ == "PROPN" for s in subjects):
            yield clause, subjects


def accusation_clauses(verb: Token, lex: Lexicon) -> Iterable[tuple[str, str, list[Token]]]:
    """What a statement says someone did wrong, as (CAMEO code, rule, the ones it blames) for each clause
    of what was said (:func:`_said_clauses`: "said that ...", and the quotation a speech verb is set
    beside) and each verb coordinated with it: a clause whose verb is a wrong done (cue ``wrongdoing_verb``:
    "said Y violated the accord", "Y lied to Parliament", X said; or a verb of the cues ``accusation_word``,
    "misled", 112, or ``criticism_word``, "failed to", 111; not with a particle, "broke off talks") blames its
    subject (``_wrongdoing_in_statement``); one whose predicate (or the object of a light verb, "made a
    mistake") blames or criticises its subject or what its subject names (the same cues: "said Y was
    responsible for", "said Y's comments were irresponsible", ``_judgement_in_statement``). The
    one blamed is the clause's subject, or the actor who owns it when the subject is a thing done ("Y's
    comments", "the measures of Y", :func:`_blamed`). Not a negated or conditioned clause, a to-infinitive,
    one with an auxiliary of obligation or advice (a demand or an appeal, :func:`obligation_clauses`), a wrong
    done under any other modal (a forecast, "said Y will break the ceasefire"; a judgement under one is one,
    "said the plan would be a mistake"), one
    whose subject is the speaker speaking of itself ("we", "I"), nor a clause verb that codes a disapproval
    of its own ("said the U.S. condemns the attack": the subject's act, coded on its verb)."""
    accuse, criticise, wrongs = lex.cue("accusation_word"), lex.cue("criticism_word"), lex.cue("wrongdoing_verb")
    bound, light_verbs = lex.cue("obligation") | lex.cue("advisory"), lex.cue("light_verb")
    speaker_words = lex.cue("first_person") | en.FIRST_PERSON_PRONOUNS
    for top, _ in _said_clauses(verb):
        if top.pos_ not in ("VERB", "AUX") or top is verb:
            continue
        heads = [top, *(c for c in top.conjuncts if c.pos_ in ("VERB", "AUX") and c.i > top.i)]
        shared: list[Token] = []
        for clause in heads:
            kids = list(clause.children)
            own_subjects = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass")]
            if clause is top:
                shared = own_subjects
            if any(c.dep_ == "neg" for c in kids) or _conditioned_clause(clause, lex):
                continue
            if any(c.dep_ in ("aux", "auxpass") and (c.lower_ == "to" or c.lower_ in bound) for c in kids):
                continue
            forecast = any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in kids)
            subjects = [c for c in (own_subjects or shared) if c.dep_ == "nsubj" and c.lower_ not in speaker_words]
            if not subjects:
                continue
            blamed = [t for s in subjects for t in _blamed(s, lex)]
            lemma = clause.lemma_.lower()
            if clause.lower_ in wrongs:
                lemma = clause.lower_  # a form where the lemma is ambiguous: "lied" (deceit), not "lies 50 km away"
            own = _verb_entry(clause, lex) if clause.pos_ == "VERB" and lemma not in wrongs else None
            if own is not None and own.code[:2] == "11":
                continue  # "said the U.S. strongly condemns the attack": the subject's own disapproval, coded on its verb
            if clause.pos_ == "VERB" and (lemma in wrongs or lemma in accuse or lemma in criticise) and not _idiom(clause, lex):
                if not _particle(clause) and not forecast:  # "broke off talks", "talks broke down", "will break": no wrong done
                    yield ("111" if lemma in criticise and lemma not in wrongs else "112"), "_wrongdoing_in_statement", blamed
                continue
            light = lemma in light_verbs
            for pred in (c for c in kids if c.dep_ in ("acomp", "attr") or (c.dep_ == "dobj" and light)):
                word = pred.lemma_.lower()
                if any(c.dep_ == "neg" for c in pred.children):
                    continue  # "would plead not guilty"
                if word in accuse or word in criticise:
                    yield ("112" if word in accuse else "111"), "_judgement_in_statement", blamed
                    break


def _conditioned_clause(clause: Token, lex: Lexicon) -> bool:
    """Whether a clause is a condition or holds one ("if Y fails ...", "unless ...")."""
    conditions = lex.cue("condition")
    return any(t.dep_ == "mark" and t.lower_ in conditions for t in clause.subtree)


def _blamed(subject: Token, lex: Lexicon) -> list[Token]:
    """Who is blamed through a clause's subject: the subject itself when it can name an actor (:func:`_actor_word`),
    else the actor that owns or does the thing it names ("Y's comments", "the U.S. measures", "the
    actions of Y"), else nobody."""
    if _actor_word(subject, lex):
        return [subject]
    return [c for c in subject.children if c.dep_ in ("poss", "compound", "amod") and _actor_word(c, lex)] + [
        p for c in subject.children if c.dep_ == "prep" and c.lower_ in ("of", "by")
        and (p := syntax.pobj(c)) is not None and _actor_word(p, lex)]


def _appealing_content(verb: Token, lex: Lexicon, *, reproach: bool = False) -> bool:
    """Whether what a statement says is what someone else should do ("said Syria should
    be more careful"): an appeal clause (:func:`appeal_clauses`) whose subject is an actor other than the
    speaker (not "we should", cue ``first_person``). The statement is then the appeal (CAMEO 020), aimed
    at what it says; on an attribution frame (a clause whose verb codes an act of its own) the appeal is
    emitted to the clause's subject besides the act (``events.assemble._demand_in_statement``). With
    ``reproach``, what someone else should have done ("said the minister should have resigned"): a
    reproach for what was not done, criticism (CAMEO 111) of the clause's subject."""
    return any(subjects and any(_actor_word(c, lex) for c in subjects) and not any(c.lower_ in lex.cue("first_person") for c in subjects)
               for subjects in appeal_clauses(verb, lex, reproach=reproach))


def _demanding_content(verb: Token, lex: Lexicon, sources: list[Side] | None = None) -> bool:
    """Whether what a statement says is what someone else must do ("said Syria must withdraw",
    "told reporters the rebels ought to disarm"): an obligation clause (``obligation_clauses``) whose
    subject is not the speaker ("we must", cue ``first_person``), or, given the speaker's ``sources``, that an
    actor of another country has to act (:func:`have_to_clauses`). The statement is then the demand
    (CAMEO 10), as on the clause's subject (``events.assemble._demand_in_statement``), not a 010
    comment besides it."""
    return any(subjects and not any(c.lower_ in lex.cue("first_person") for c in subjects)
               for subjects in obligation_clauses(verb, lex)) or (
        sources is not None and any(True for _ in have_to_clauses(verb, lex, sources)))


def _person_object(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb acts on a person: its object (or passive subject) is a named person, a
    personal pronoun, or a common noun that names a person's role in ``agents.tsv``
    ("candidate", "official", "the army commander"), not a thing ("talks", "aid", "exercises") nor a weapon or
    vehicle (cue ``weapon_noun``: agents.tsv lists "missile", "gun", "artillery" as MIL agents, as it does
    "commander" and "soldier")."""
    weapons = lex.cue("weapon_noun")
    for child in verb.children:
        if child.dep_ not in ("dobj", "nsubjpass"):
            continue
        if child.ent_type_ == "PERSON" or child.lower_ in en.PERSONAL_PRONOUNS:
            return True
        if child.pos_ == "NOUN" and (child.lemma_.lower() in lex.agents or child.lower_ in lex.agents) \
                and child.lemma_.lower() not in weapons and child.lower_ not in weapons:
            return True
    return False


def _person_sense_object(verb: Token, entry: Entry, lex: Lexicon) -> bool:
    """Sense condition ``person_object``: the verb acts on a person (:func:`_person_object`: "fired the director",
    "Comey was fired", "fired the army commander", not "fired missiles" nor "fired artillery"); one shot at ("were
    fired on", "fired upon by police": a preposition of :data:`dateline.lang.en.AIMED_FIRE_PREPOSITIONS` on the verb
    with no object of its own, stranded by the passive, which the parser may call a particle: "troops were fired on in
    the chaos") is no one dismissed. A preposition with its object ("fired
    Comey on Tuesday", "fired him at a meeting") says when or where, and does not block the sense."""
    if any(c.dep_ in ("prep", "prt") and c.lower_ in en.AIMED_FIRE_PREPOSITIONS and syntax.pobj(c) is None for c in verb.children):
        return False
    return _person_object(verb, lex)


def _place_object(verb: Token, entry: Entry, lex: Lexicon) -> bool:
    """Sense condition ``place_object``: the verb's direct object (or passive subject) is a place (:func:`_land`):
    "seized Gaza", "seized two provincial capitals", "seized swaths of Iraq", "seized 1,200 square kilometers of the
    Golan", not "seized a tanker", "seized documents" nor "seized half of the shipment"."""
    return any(child.dep_ in ("dobj", "nsubjpass") and _land(child, lex) for child in verb.children)


def _weapon_object(verb: Token, entry: Entry, lex: Lexicon) -> bool:
    """Sense condition ``weapon_object``: the verb's direct object (or passive subject) is a weapon or a military
    vehicle (cue ``weapon_noun``, the MIL agents of agents.tsv, or cue ``arms_noun``, "launcher", "weapon"): "seized
    tanks and rocket launchers", "captured the launcher" take property (CAMEO 171), not the ground or the fighters of a
    battle ("captured the village", "captured soldiers"). Session 42."""
    weapons = lex.cue("weapon_noun") | lex.cue("arms_noun")
    return any(child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in weapons for child in verb.children)


def _land(noun: Token, lex: Lexicon) -> bool:
    """Whether a noun names land: a named country, city or region (GPE, LOC), a noun of a settled place or region
    (:data:`dateline.lang.en.SETTLEMENT_NOUNS`) or of land (cue ``territory_noun``: "land", "peninsula", "base");
    a fraction or measure (cue ``territory_measure``: "third", "half", "swath", "mile") only when its "of" object is
    such a place ("a third of Syria", "swaths of northern Iraq"; not "half of the shipment", "a third of the
    vote")."""
    lemma = noun.lemma_.lower()
    if lemma in lex.cue("territory_measure") or noun.lower_ in lex.cue("territory_measure"):
        return any(_land(p, lex) for p in syntax.prep_objects(noun, "of"))
    land = lex.cue("territory_noun")
    return noun.ent_type_ in ("GPE", "LOC") or lemma in en.SETTLEMENT_NOUNS or lemma in land or noun.lower_ in land


def _land_taken(verb: Token, entry: Entry, lex: Lexicon) -> bool:
    """Sense condition ``land_taken`` ("take"): taken over ("took over Crimea", "took over a third of Syria") or
    taken with no particle and no "to" of its own, a settled place or a stretch of land ("took the town", "took
    swaths of Iraq"): occupation. Not a named country alone ("will take Iran to court", "Britain was taken aback"),
    nor a share of something else ("took a third of the vote")."""
    particle = _particle(verb)
    if particle not in ("", "over"):
        return False  # "taken aback", "took Britain out"
    if particle == "" and any(c.dep_ in ("prep", "dative") and c.lower_ in ("to", "into", "before") for c in verb.children):
        return False  # "take Iran to court", "take the case before a judge"
    for child in verb.children:
        if child.dep_ not in ("dobj", "nsubjpass") or not _land(child, lex):
            continue
        if particle == "over" or child.ent_type_ not in ("GPE", "LOC"):
            return True
    return False


def _criticised_object(verb: Token, entry: Entry, lex: Lexicon) -> bool:
    """Sense condition ``criticised_object`` ("slam"): an actor's verb (its subject names an actor, not a weapon
    nor a storm) whose direct object is an actor or what an actor said, decided or did ("slammed Congress for",
    "slammed the decision", "slammed the strikes"): criticism. Not a crash ("a missile slammed into a building":
    no object; "Hurricane Maria slammed Puerto Rico": no actor as subject)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    weapons = lex.cue("weapon_noun")
    if not subjects or not all(_actor_word(s, lex) and s.ent_type_ not in ("EVENT", "LOC", "FAC")
                               and s.lemma_.lower() not in weapons and s.lower_ not in weapons
                               and not any(c.lower_ in lex.cue("weather_noun") for c in s.subtree)
                               for s in subjects):
        return False
    obj = syntax.direct_object(verb)
    if obj is None or obj.dep_ != "dobj":
        return False
    lemma = obj.lemma_.lower()
    return _actor_word(obj, lex) or lemma in lex.cue("criticised_thing") or lemma in lex.nouns


def _actor_compared(verb: Token, entry: Entry, lex: Lexicon) -> bool:
    """Sense condition ``actor_compared`` ("compare"): an actor or its conduct compared to something ("compared the
    Ugandan president to a colonial governor", "compared him to Hitler", "compared Putin's behavior to that of a
    bored kid"): a direct object that names an actor, or whose possessor or "of" object does, and a "to" phrase. Not a comparison of things ("compared the figures with those of last year") nor one with no object
    ("the economy compared favorably to that of Japan")."""
    obj = syntax.direct_object(verb)
    if obj is None or obj.dep_ != "dobj":
        return False
    owners = [c for c in obj.children if c.dep_ == "poss"]
    owners += syntax.prep_objects(obj, "of")
    if not _actor_word(obj, lex) and not any(_actor_word(o, lex) and o.pos_ != "PRON" for o in owners):
        return False  # "compared the figures", not "compared Putin's behavior"
    return any((c.dep_ == "prep" and c.lower_ == "to" and syntax.pobj(c) is not None)
               or (c.dep_ in ("advcl", "xcomp") and c.pos_ in ("NOUN", "PROPN")
                   and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))  # "to “stormtroopers”" misparsed
               for c in list(verb.children) + list(obj.children))


def _clause_complement(verb: Token, entry: Entry, lex: Lexicon) -> bool:
    """Sense condition ``clause``: the verb has a that-clause ("denied that its troops had entered")
    or a gerund complement ("denied saying it", "denied sending arms")."""
    return any(c.dep_ == "ccomp" or (c.dep_ in ("xcomp", "pcomp") and c.tag_ == "VBG") for c in verb.children)


def _infinitive_complement(verb: Token, entry: Entry, lex: Lexicon) -> bool:
    """Sense condition ``infinitive``: the verb has a to-infinitive complement ("invited Mueller to
    testify") whose own verb codes no act of the entry's root ("invited him to visit" codes 04 as
    the invitation does: no other sense)."""
    for child in verb.children:
        if child.dep_ not in ("xcomp", "ccomp") or child.pos_ != "VERB":
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            continue
        own = _verb_entry(child, lex)
        return own is None or own.code[:2] != entry.code[:2]
    return False


def _subject_infinitive(verb: Token, entry: Entry, lex: Lexicon) -> bool:
    """Sense condition ``subject_infinitive``: the verb has a to-infinitive clause with a subject of its own that
    names an actor ("wants Iran to halt enrichment", "wants Congress to act"; the parser's clausal complement), or
    one opened by "for" ("called for Britain to expel the diplomats": the parser hangs "for" on the clause, not on
    the verb): what another actor is asked to do. Not a to-infinitive with no subject of its own ("wants to
    resume talks": the subject's own wish) nor a finite clause ("wants it known that"), nor a state wished for, a
    clause whose head is the copula ("wants Jerusalem to be its capital", "wanted the UK to be prosperous"), nor an
    outcome no one can be asked to bring about (cue ``unaskable_verb``: "wanted Trump to win the election")."""
    for clause in verb.children:
        if clause.dep_ not in ("ccomp", "advcl") or clause.pos_ != "VERB":
            continue
        kids = list(clause.children)
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in kids):
            continue
        if clause.dep_ == "advcl" and not any(c.dep_ == "mark" and c.lower_ == "for" for c in kids):
            continue
        if clause.lemma_.lower() in lex.cue("unaskable_verb"):
            continue  # "wanted Trump to win the election": an outcome wished for, no act one could be asked to do
        if any(c.dep_ in ("nsubj", "nsubjpass") and _actor_word(c, lex) for c in kids):
            return True
    return False


def _actor_word(token: Token, lex: Lexicon) -> bool:
    """Whether a noun phrase's head can name an actor: a named person, organisation, place or
    nationality, a pronoun, a role noun of ``agents.tsv`` or an agentive noun (cue ``agentive_noun``)."""
    if token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC") or token.pos_ in ("PROPN", "PRON"):
        return True
    lemma = token.lemma_.lower()
    return lemma in lex.agents or token.lower_ in lex.agents or lemma in lex.cue("agentive_noun")


def _thing_object(verb: Token, entry: Entry, lex: Lexicon) -> bool:
    """Sense condition ``thing_object``: the verb's direct object is neither an actor nor a hostile
    event ("fight the subpoena", "fight the attempt"; not "fight the rebels", "fight Iran", "fight
    the war", "fight the insurgency")."""
    obj = syntax.direct_object(verb)
    if obj is None or obj.dep_ != "dobj" or _actor_word(obj, lex):
        return False
    if any(_actor_word(c, lex) for c in obj.children if c.dep_ == "conj"):
        return False  # "fight corruption and the militias"
    event = _noun_entry(obj, lex) or lex.nouns.get(obj.lemma_.lower())
    return event is None or event.code[:2] not in root_class("hostile")


def _with_thing(verb: Token, entry: Entry, lex: Lexicon) -> bool:
    """Sense condition ``with_thing``: the verb has "with" and a thing, no actor ("agreed with the panel's conclusion",
    "agrees with the move"), and no complement of its own, to-infinitive or clause ("agreed with Gabon to reschedule
    the debt", "agreed with Xi that they would ...": a deal with an actor, an intent)."""
    if any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return False
    things = syntax.prep_objects(verb, "with")
    return bool(things) and not any(_names_actor(p, lex) or any(_names_actor(c, lex) for c in p.children if c.dep_ == "conj")
                                    for p in things)


def _names_actor(token: Token, lex: Lexicon) -> bool:
    """Whether a noun phrase names an actor: :func:`_actor_word`, or the side finder (``events.sides._side``)
    resolves it to a mention that holds its head ("his German counterpart"; not "the Ugandan panel's conclusion",
    whose actor is the possessor)."""
    if _actor_word(token, lex):
        return True
    side = _side(token.doc, token, lex)
    return side is not None and token.text in str(side.get("text") or "").split()


def _actor_object(verb: Token, entry: Entry, lex: Lexicon) -> bool:
    """Sense condition ``actor_object``: the verb's direct object (or passive subject) names an actor,
    itself or through "of" ("dispersed the protesters", "dispersed thousands of people"; not
    "dispersed leaflets")."""
    obj = syntax.direct_object(verb)
    if obj is None:
        return False
    if _actor_word(obj, lex) and obj.pos_ != "PRON":
        return True
    return any(_actor_word(p, lex) for p in syntax.prep_objects(obj, "of"))


def _request_object(verb: Token, entry: Entry, lex: Lexicon) -> bool:
    """Sense condition ``request_object``: the verb's direct object is what one asks for: an event noun of an
    appeal or a demand (a noun of the lexicon coded CAMEO 02 or 10: "denied Somalia's request", "denied the
    demand") or a thing granted on request (cue ``granted_thing``: "denied a visa", "denied access")."""
    obj = syntax.direct_object(verb)
    if obj is None or obj.dep_ != "dobj":
        return False
    lemma = obj.lemma_.lower()
    event = lex.nouns.get(lemma)
    return (event is not None and event.code[:2] in ("02", "10")) or lemma in lex.cue("granted_thing")


def _actor_clause(verb: Token, entry: Entry, lex: Lexicon) -> bool:
    """Sense condition ``actor_clause``: the verb has a finite that-clause (not a to-infinitive) whose
    subject names an actor other than the speaker, itself or as the owner of what the clause is about
    ("claimed the rebels had fired first", "claimed Russia's troops were in Ukraine"): what it asserts is
    about another's conduct. A pronoun subject ("claimed they were merely observers") is mostly the
    speaker's own side, and a subject with the speaker's words is the speaker: neither counts."""
    speaker = {t.lower_ for c in verb.children if c.dep_ == "nsubj" for t in c.subtree if t.pos_ in ("PROPN", "NOUN")}
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            continue
        for subj in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
            if subj.pos_ == "PRON" or subj.lower_ in speaker:
                continue
            if _actor_word(subj, lex) or any(
                    c.dep_ in ("poss", "compound", "amod") and c.pos_ != "PRON" and _actor_word(c, lex) for c in subj.children):
                return True
    return False


def _coordinated_actors(verb: Token, entry: Entry, lex: Lexicon) -> bool:
    """Sense condition ``coordinated_actors`` ("talk"): a subject coordinated with another that names an actor, and no
    "to" phrase of the verb's own ("the Kenyan and Ugandan presidents talked", "Kenya and Uganda talked about
    trade"): the parties talked with each other."""
    if syntax.prep_objects(verb, "to"):
        return False
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if _names_actor(subject, lex) and any(c.dep_ == "conj" and _names_actor(c, lex)
                                              and _other_countries(subject, c, lex) for c in subject.children):
            return True
    return False


def _other_countries(one: Token, other: Token, lex: Lexicon) -> bool:
    """Whether two actor phrases belong to two different known countries ("Kenya and Uganda", "the U.S. and Russian
    envoys"; not "Biden and Harris", "the president and his ministers": one side talking among itself or each on
    its own is no consultation between them)."""
    sides = [_side(token.doc, token, lex) for token in (one, other)]
    countries = [side.get("country") if side is not None else None for side in sides]
    return None not in countries and countries[0] != countries[1]


def _plea(verb: Token, entry: Entry, lex: Lexicon) -> bool:
    """Sense condition ``plea`` ("plead"): a plea to a charge, its complement a word of cue ``plea_word`` ("pleaded
    guilty", "pleaded not guilty to all counts"): a statement to a court, not the appeal of "pleaded for help"."""
    return any(c.dep_ in ("acomp", "oprd", "advmod", "dobj") and c.lower_ in lex.cue("plea_word") for c in verb.children)


def _state_subject(verb: Token, entry: Entry, lex: Lexicon) -> bool:
    """Sense condition ``state_subject`` ("protest"): the verb's subject is a named country or a state's
    government (GPE with no sector of its own: "Kenya protested over the ruling"; or a side whose sector is of cue
    ``complaining_sector``, a capital standing for its government included: "the Kenyan government protested to
    Uganda", "Kenyan officials protested", "Moscow protested"): a state's complaint, not a crowd's demonstration
    ("thousands of Kenyans protested": a nationality, no state), nor police or soldiers demonstrating ("Kenyan police
    protested over unpaid wages")."""
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        side = _side(subject.doc, subject, lex)
        if side is None:
            continue
        sector = str(side.get("sector") or "").lower()
        if sector in lex.cue("complaining_sector") or (subject.ent_type_ == "GPE" and not sector):
            return True
    return False


def _for_actor(verb: Token, entry: Entry, lex: Lexicon) -> bool:
    """Sense condition ``for_actor`` ("fight"): the verb has no direct object and a "for" phrase that names an actor
    ("fighters fighting for the Islamic State", "Americans fighting for al-Shabaab", "militias fighting for the
    regime"): combat on that actor's side, not the verbal fight (111) of the physical_conflict block's "for" pattern
    ("attacked the minister for his remarks"); not a cause or a thing ("fighting for his survival", "everything he
    fought for": no actor named)."""
    if syntax.direct_object(verb) is not None:
        return False
    return any(_actor_word(p, lex) for p in syntax.prep_objects(verb, "for"))


def offered_act(head: Token, lex: Lexicon) -> tuple[Entry, list[Token]] | None:
    """What one who is "open to" or "looks forward to" something is ready to do: the object of the head's "to" that
    is an event noun of a cooperative root ("open to talks", "looks forward to the summit") or a gerund whose act is
    ("open to resolving issues", "looks forward to working with X", "open to striking a deal"), as the intent code
    of that act (03x) with the sides it names ("talks with Mexico"); else None ("open to criticism", "open to new
    sanctions", "looks forward to the weekend"). Read by ``events.assemble._stance_events`` (an adjective, session 52,
    hB) and by sense condition ``offered_act`` (a verb, session 57, iC)."""
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    obj = syntax.pobj(prep) if prep is not None else None
    if obj is None:
        return None
    entry: Entry | None = None
    if obj.pos_ == "NOUN":
        entry = lex.nouns.get(obj.lemma_)
    elif obj.pos_ == "VERB" and obj.tag_ == "VBG":
        entry = _verb_entry(obj, lex)
        inner = syntax.direct_object(obj)
        if inner is not None and (entry is None or not entry.code):
            entry = lex.nouns.get(inner.lemma_)  # "open to striking a deal"
    if entry is None or not entry.code or entry.code[:2] not in root_class("cooperative") or not _intent_code(entry.code):
        return None
    parties = [syntax.pobj(c) for c in obj.children if c.dep_ == "prep" and c.lower_ in ("with", "between")]
    return Entry(_intent_code(entry.code)), [t for t in parties if t is not None]


def _offered_object(verb: Token, entry: Entry, lex: Lexicon) -> bool:
    """Sense condition ``offered_act`` ("look"): the object of the verb's "to" is a cooperative act it looks forward
    to (:func:`offered_act`: "looks forward to working with X", "looked forward to his talks with Y"): the intent to
    do it, 03x; "looks forward to the debate", "looked to the courts" stay no act."""
    return offered_act(verb, lex) is not None


#: The test of each ``senses.tsv`` condition (:data:`dateline.lexicon.SENSE_CONDITIONS`).
_SENSE_TESTS = {"clause": _clause_complement, "infinitive": _infinitive_complement, "thing_object": _thing_object,
                "subject_infinitive": _subject_infinitive,
                "actor_object": _actor_object, "actor_clause": _actor_clause, "request_object": _request_object,
                "person_object": _person_sense_object, "place_object": _place_object,
                "with_thing": _with_thing, "land_taken": _land_taken, "criticised_object": _criticised_object,
                "actor_compared": _actor_compared, "coordinated_actors": _coordinated_actors, "plea": _plea, "state_subject": _state_subject,
                "weapon_object": _weapon_object, "for_actor": _for_actor,
                "offered_act": _offered_object}


def _sense(verb: Token, entry: Entry, lex: Lexicon) -> Entry | None:
    """The entry of the first ``senses.tsv`` row of the verb whose condition holds (its code and
    flags replace the lexicon default's), or None: "denied that X" (016, not 120), "invited X to
    testify" (020, not 040), "fight the subpoena" (120, not 190)."""
    if verb.pos_ != "VERB":
        return None
    for condition, sense in lex.senses.get(verb.lemma_, ()):
        if _SENSE_TESTS[condition](verb, entry, lex):
            return sense
    return None


def _conditioned(token: Token, top: Token, lex: Lexicon) -> bool:
    """Whether ``token`` is inside a condition ("if"/"unless" clause: cue ``condition``) below ``top``."""
    conditions = lex.cue("condition")
    node = token
    while node != top and node.head != node:
        if any(c.dep_ == "mark" and c.lower_ in conditions for c in node.children):
            return True
        node = node.head
    return False


def _words_near(trigger: Token) -> Iterable[Token]:
    """The words that say who did an act and how: the trigger's subject, agent and modifiers with
    their own words ("suicide bombers attacked", "a terrorist attack", "an attack by gunmen"); for a
    noun that is a verb's object, that verb's subject too ("gunmen unleashed an attack")."""
    heads = [trigger]
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "dobj":
        heads.append(trigger.head)
    for head in heads:
        for child in head.children:
            if child.dep_ in ("nsubj", "amod", "compound", "agent", "poss"):  # not nsubjpass: the one acted on
                yield from child.subtree
            elif child.dep_ == "prep" and child.lower_ == "by":
                yield from child.subtree


def _armed_or_state(side: Side, lex: Lexicon) -> bool:
    """Whether a side is a state (a country's code with no sector: "US", "French") or one of its
    armed or governing sectors, or an armed group (cue ``armed_sector``: GOV, MIL, REB, INS, ...)."""
    if side is None or not (side.get("code") or side.get("country")):
        return False
    sector = (side.get("sector") or "").lower()
    return not sector or sector in lex.cue("armed_sector")


def _state_force(side: Side, lex: Lexicon) -> bool:
    """Whether a side is a state's government, army, police or intelligence (cue
    ``state_force_sector``): its force on a person stays military force (19x)."""
    return side is not None and (side.get("sector") or "").lower() in lex.cue("state_force_sector")


def _military_strike(trigger: Token, sources: list[Side], lex: Lexicon) -> bool:
    """Whether a "strike" noun coded a labour strike (14x) is a military one: its doer (possessor,
    nationality adjective, compound or "by" phrase, the event's sources) is a state or an armed
    force ("US strikes on Syria", "a strike by American forces": CAMEO 190, 195 when from the air,
    cue ``aerial_weapon``); a strike of workers or unions, or one the words near it call a labour
    strike (cue ``labour_strike``: "a general strike", "a hunger strike", "a strike over pay"), or one whose doer
    is named by a trade (cue ``labour_trade`` in the words that name the doer, :func:`_words_near`: "the seamen's
    strike", "a strike by doctors", not "a strike on a hospital that killed two doctors"), or the set phrase "on
    strike" (:func:`_on_strike`), stays 143."""
    if trigger.pos_ not in ("NOUN", "PROPN") or not military_strike_noun(trigger, lex):
        return False  # no strike, or one its own words call a labour strike ("a general strike")
    if _on_strike(trigger):
        return False  # "went on strike": labour, whoever strikes
    coded = [side for side in sources if side is not None and (side.get("code") or side.get("country"))]
    if not coded or not all(_armed_or_state(side, lex) for side in coded):
        return False
    labour = lex.cue("labour_trade") | lex.cue("labour_strike")
    return not any(t.lemma_.lower() in labour for t in _words_near(trigger))


def _on_strike(trigger: Token) -> bool:
    """Whether a "strike" noun is the set phrase "on strike" ("civil servants went on strike", "nurses are on
    strike"): the bare singular (tag NN, no determiner, possessor, adjective, compound or number: not "reported on
    American strikes", "on the strike") as the object of :data:`dateline.lang.en.STRIKE_STATE_PREPOSITIONS`
    governed by a verb."""
    prep = trigger.head
    return trigger.dep_ == "pobj" and trigger.tag_ == "NN" and prep.lower_ in en.STRIKE_STATE_PREPOSITIONS \
        and prep.head.pos_ in ("VERB", "AUX") and prep.head != prep \
        and not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in trigger.children)


def _crowd_word(text: str | None, lex: Lexicon) -> bool:
    """Whether a side's words name a crowd of protesters (cue ``protest_crowd``: "protesters",
    "the crowds of demonstrators")."""
    crowd = lex.cue("protest_crowd")
    return any(word in crowd or word.rstrip("s") in crowd for word in (text or "").lower().split())


def _crowd_control(trigger: Token, sources: list[Side], targets: list[Side], lex: Lexicon) -> str | None:
    """Force between a state's police or troops and protesters (docs/annotation.md D8k): a state force
    (:func:`_state_force`) using violence (18-20) on a crowd of protesters, by the target's words or
    the trigger's object ("police fired tear gas at protesters", "troops opened fire on the crowd") is
    repression, 175, not fighting; protesters using violence on a state force ("protesters clashed
    with riot police") riot, 145. None otherwise (19 stays for armed opponents)."""
    state = any(_state_force(side, lex) for side in sources)
    objects = [t for c in trigger.children if c.dep_ in ("dobj", "prep", "dative")
               for t in c.subtree if t.pos_ in ("NOUN", "PROPN")]
    if state and (any(side is not None and _crowd_word(side.get("text"), lex) for side in targets)
                  or any(_crowd_word(t.lower_, lex) for t in objects)):
        return "175"
    if any(side is not None and _crowd_word(side.get("text"), lex) for side in sources) and \
            any(_state_force(side, lex) for side in targets):
        return "145"
    return None


def _police_raid(trigger: Token, sources: list[Side], lex: Lexicon) -> bool:
    """Whether a raid coded as military force (19x) is a police or security-service raid (docs/annotation.md
    D22f: CAMEO 170 coercion, not fighting): the trigger is a raid (cue ``raid_word``: the noun or the verb, or
    a verb whose object is one, "carried out raids") and a source is a state's police, prosecutors or
    intelligence (cue ``police_sector``: "the FBI raided his home", "a police raid on the offices"), none of
    them a force whose raid is fighting (cue ``raid_force_sector``: the army, rebels, insurgents, "a raid by Navy
    SEALs" stays 190; a government beside the police does not make it one)."""
    raids = lex.cue("raid_word")
    obj = syntax.direct_object(trigger) if trigger.pos_ == "VERB" else None
    if trigger.lemma_.lower() not in raids and (obj is None or obj.lemma_.lower() not in raids):
        return False
    sectors = [str(side.get("sector") or "").lower() for side in sources if side is not None]
    police = lex.cue("police_sector")
    return any(sector in police for sector in sectors) and not any(sector in lex.cue("raid_force_sector") for sector in sectors)


def _verbal_attack(trigger: Token, sources: list[Side], lex: Lexicon) -> bool:
    """Whether an "attack" (cue ``attack_word``) coded as force (19x) is criticism in words (CAMEO
    111): a modifier or compound calls it verbal ("personal attacks", "social media attacks", cue
    ``verbal_attack``), it is made in a medium of speech ("attacked him in an op-ed", cue
    ``speech_medium``; "on Twitter", cue ``speech_platform``),
    or its doer is the press, a legislature, a party or a court, which have no arms (cue
    ``unarmed_sector``: "magazines attacked him", "critics in Congress renewed their attacks"), or it is aimed at a
    thing said or decided (:func:`_attacks_a_thing_said_or_decided`: "attacks on the legitimacy of the inquiry"). The
    words of cue ``attack_verb`` ("assailed", "blasted", "hammered", "an offensive against") take the same tests."""
    if trigger.lemma_.lower() not in lex.cue("attack_word") | lex.cue("attack_verb"):
        return False
    if _attacks_a_thing_said_or_decided(trigger, lex):
        return True
    verbal = lex.cue("verbal_attack")
    if any(c.dep_ in ("amod", "compound") and any(t.lemma_.lower() in verbal or t.lower_ in verbal for t in c.subtree)
           for c in trigger.children):
        return True
    obj = syntax.direct_object(trigger) if trigger.pos_ == "VERB" else None
    for child in [*trigger.children, *(obj.children if obj is not None else ())]:
        medium = syntax.pobj(child) if child.dep_ == "prep" else None
        if medium is not None and (child.lower_ == "in" and medium.lemma_.lower() in lex.cue("speech_medium")
                                   or child.lower_ == "on" and medium.lemma_.lower() in lex.cue("speech_platform")):
            return True
    unarmed = lex.cue("unarmed_sector")
    return any(side is not None and (side.get("sector") or "").lower() in unarmed for side in sources)


def _attacks_a_thing_said_or_decided(trigger: Token, lex: Lexicon) -> bool:
    """Whether what an attack is aimed at is a policy, a decision, a claim or a standing, that no arms can hit
    (cue ``criticised_thing``): the verb's direct object ("assailed American policies", "attacked the decision") or the
    object of "on" or "against" after the attack ("attacks on the legitimacy of the inquiry", "an attack on the cost
    of the asylum system", "an offensive against the decision")."""
    things = lex.cue("criticised_thing")
    aims = []
    if trigger.pos_ == "VERB" and (obj := syntax.direct_object(trigger)) is not None:
        aims.append(obj)
    aims += syntax.prep_objects(trigger, "on", "against")
    return any(aim.lemma_.lower() in things or aim.lower_ in things for aim in aims)


def _named_act(noun: Token, lex: Lexicon) -> Entry | None:
    """The act a noun names, as an event noun or by its bare lemma in ``nouns.tsv``."""
    return _noun_entry(noun, lex) or lex.nouns.get(noun.lemma_)


#: The statement codes of a speaker's account of its own conduct (015 acknowledge or claim responsibility,
#: 016 deny: docs/annotation.md D1e): the blame their clause names is the one accounted for ("denied that
#: its army was behind the attack", "acknowledged the strike had killed civilians"), not the speaker's
#: criticism, so the content rules of a statement do not re-code them.
OWN_ACCOUNT_CODES = frozenset({"015", "016"})


def _clause_pattern(verb: Token, entry: Entry, lex: Lexicon) -> Entry | None:
    """The coded pattern of the verb's lexicon block whose object is the noun the verb's clause acts on
    (:func:`dateline.events.clauses.acted_on_noun`), for a verb with no object word of its own, or None:
    "the deal Kenya struck with Uganda" is the block's "strike deal" (an agreement, not the 190 of an
    attack), "the tariffs it imposed on Ugandan goods" its "impose tariffs" (163, not the block's 170 coerce).
    Only a pattern keyed by that object and with a code of its own: a clause never makes or unmakes an
    event here, it recodes the verb's (session 42, roots42; session 41's reading of every pattern, null
    rows too, coded 194 more events and was dropped)."""
    if verb.pos_ != "VERB":
        return None
    obj = syntax.direct_object(verb)
    noun = acted_on_noun(verb, obj)
    if noun is None:
        return None
    row = _verb_row(verb, lex)
    if row is None:
        return None
    listed, block, _ = row
    table = lex.patterns.get(block)
    base = _match_pattern(verb, None, listed, table)
    pattern = _match_pattern(verb, noun, listed, table)
    if pattern is base or not pattern.code or pattern.code == entry.code:
        return None
    return pattern


def root_rule(trigger: Token, entry: Entry, rules: EventRules, lex: Lexicon,
              sources: list[Side], targets: list[Side]) -> tuple[Entry, EventRules]:
    """The CAMEO root that the act's words decide over the lexicon's default, with the rule named
    in ``rules["code"]``:

    - ``_clause_pattern``: a verb with no object word of its own in a clause on the noun it acts on takes
      the pattern of its lexicon block for that noun ("the deal Kenya struck with Uganda": 057, not
      190; not where the noun may be another word's, :func:`dateline.events.clauses.acted_on_noun`;
      :func:`_clause_pattern`);
    - ``_sense``: a row of ``senses.tsv`` whose condition on the verb's complements or object holds
      sets the verb's sense (:func:`_sense`; the later rules refine that root);
    - ``_threat_in_statement``: a statement (01x) whose content names, as still to come, a response or hostile act
      of the speaker's own country is a threat (130, :func:`_threatening_content`; docs/annotation.md D1a, D2);
    - ``_disapproval``: a statement (01x) whose content blames or criticises is an accusation or a
      criticism (112/111, :func:`_disapproval`);
    - ``_negative_evaluation``: else a statement (or such a warning) whose content judges an actor or
      its act negatively by the VADER lexicon of negative evaluation is a criticism (111,
      :func:`_negative_evaluation`);
    - ``_demand_content``: a statement that someone else must act ("said Syria must withdraw") is
      the demand (100, :func:`_demanding_content`), as it is on the one who must act;
    - ``_expressed_intent``: a statement of a wish or readiness to act ("expressed eagerness to
      meet X": cue ``intent_noun``) is the intent to do it, 03x (:func:`_expressed_intent`);
    - ``_appeal_content``: a statement that someone else should act ("said Syria should be more careful")
      is an appeal to it (020, :func:`_appealing_content`); ``_reproach_content``: one that someone else
      should have acted ("said Syria should have withdrawn") a criticism of it (111, ``_appealing_content(reproach=True)``);
    - ``_critical_statement``: else a plain statement (010 on a speech verb) with a noun of strong negative
      evaluation anywhere in what it says ("said X treated the agreement with contempt") is a criticism
      (111, :func:`_critical_statement`; docs/annotation.md D1a);
    - ``_intent_of``: promising, planning or preparing a hostile act named by a noun ("promised
      retaliation", "are preparing another attack") is a threat (13x), as with a verb;
    - ``_disapproval`` also for a warning (13x) that only forecasts (:func:`_forecast`) and whose
      content blames or criticises ("warned that X's launch was a reckless provocation"): 111/112;
    - ``_unconventional``: fighting (19x) done by suicide bombers, gunmen or terrorists (cue
      ``unconventional_violence``) is unconventional violence, an assault (18x), not a clash
      between armed forces;
    - ``_assault_on_person``: force (19x) that beats, beheads or stabs a person (cue
      ``physical_assault_verb``) is a physical assault, 182 (CAMEO 18x is violence against
      individuals), unless a state's army or police does it (:func:`_state_force`: stays 19x);
    - ``_declined_comment``: refusing (cue ``refusal_verb``, 12x) to comment, elaborate or discuss (cue ``comment_verb``:
      "declined to comment on the expulsions"), or to say, detail, describe or answer (cue ``disclosure_verb``:
      "refused to say whether"; "say" and "answer" only with no object but questions, :func:`_comment_verb`), or to give
      details or name someone ("declined to give details", "declined to identify the nations": :func:`_gives_details`) is CAMEO
      011, Decline comment (docs/annotation.md D1b);
    - ``_crowd_control``: violence (18-20) by a state's police or troops on protesters is repression,
      175, and by protesters on a state force rioting, 145 (:func:`_crowd_control`; docs/annotation.md D8k);
    - ``_police_raid``: a raid (cue ``raid_word``) by a state's police, prosecutors or intelligence (cue
      ``police_sector``) is coercion, 170, not military force (:func:`_police_raid`; docs/annotation.md D22f);
    - ``_verbal_attack``: an "attack" in words (a verbal, personal or social-media attack, one made
      in an op-ed or on television, or by the press, or one aimed at a policy, decision, claim or standing:
      :func:`_attacks_a_thing_said_or_decided`) is criticism, 111 (:func:`_verbal_attack`);
    - ``_military_strike``: a "strike" (coded a labour strike, 143) whose doer is a state or an
      armed force is military force, 190 or 195 from the air (:func:`_military_strike`);
    - ``_warning_forecast``: a warning that only forecasts (:func:`_forecast`), judges no one and
      states no harm from the warner (:func:`_threatened_harm`) is pessimism, 012 (docs/annotation.md D2);
      ``_warning_judgement`` when what it forecasts is the harm of a measure or act (:func:`_judges_a_measure`:
      "warned that such action would undercut his ability"): a judgement, 111;
    - ``_warning_appeal``: a warning *against* something or *not to* do it ("warned lawmakers
      against a deal", "warned people not to draw conclusions") asks the hearer to refrain: an
      appeal (02x), not a threat (13x), at home or abroad ("lawmakers warned the White House against
      mission creep", "warned the regime against moving into the area"), unless it states harm from
      the warner (:func:`_threatened_harm`: "..., promising a firm response"; docs/annotation.md D2);
      cue ``warning_verb``; so is a warning whose content is what someone must or should do
      ("warned: 'we must not make that mistake again'", :func:`_obliging_content`);
    - ``_warning_threat``: a warning that states harm from the warner (:func:`_threatened_harm`) keeps the
      lexicon's threat (13x), under this rule's name: the threat is what the rules decided by its content
      (docs/annotation.md D2), and the learned root correction re-chooses only the lexicon's own roots
      (``dateline.roots_model.in_domain``);
    - ``_suspended_person``: suspending (cue ``suspension_verb``, 16x) a person ("suspended the
      candidate", "suspended him as a member") is an administrative sanction, 172, not reduced relations."""
    if rules.get("code") == "_verb_entry":
        patterned = _clause_pattern(trigger, entry, lex)
        if patterned is not None:
            entry, rules = patterned, {**rules, "code": "_clause_pattern"}
    sense = _sense(trigger, entry, lex)
    if sense is not None:
        # the sense decided the root, also when it is the entry's own: a content rule's root, which the
        # learned root correction leaves
        entry, rules = sense, {**rules, "code": "_sense"}
    code = entry.code
    if code[:2] == "01" and trigger.pos_ == "VERB" and code not in OWN_ACCOUNT_CODES:
        if _threatening_content(trigger, sources, lex):
            return Entry("130"), {**rules, "code": "_threat_in_statement"}
        disapproval = _disapproval(trigger, lex)
        if disapproval is not None:
            return Entry(disapproval), {**rules, "code": "_disapproval"}
        if _negative_evaluation(trigger, lex) is not None:
            return Entry("111"), {**rules, "code": "_negative_evaluation"}
        declared = _expressed_intent(trigger, lex)
        if declared is not None:
            return declared, {**rules, "code": "_expressed_intent"}
        if _demanding_content(trigger, lex, sources):
            return Entry("100"), {**rules, "code": "_demand_content"}
        if _appealing_content(trigger, lex):
            return Entry("020"), {**rules, "code": "_appeal_content"}
        if _appealing_content(trigger, lex, reproach=True):
            return Entry("111"), {**rules, "code": "_reproach_content"}
        if code == "010" and trigger.lemma_ in lex.cue("speech_verb") and _critical_statement(trigger, lex):
            return Entry("111"), {**rules, "code": "_critical_statement"}
        if _praising_content(trigger, lex):
            return Entry("051"), {**rules, "code": "_praise_in_statement"}
    if code[:2] == "03" and trigger.pos_ == "VERB" and trigger.lemma_ in lex.cue("intent_verb"):
        obj = syntax.direct_object(trigger)
        intended = _named_act(obj, lex) if obj is not None else None
        # (the intent verb governs its object as a light verb would: "promised retaliation")
        if intended is None and obj is not None:
            # an object that is no act measures the act named after "of": "planning a week of strikes",
            # "promised a wave of attacks"
            acts = syntax.prep_objects(obj, "of")
            intended = next((e for p in acts if (e := _named_act(p, lex)) is not None), None)
        if intended is not None and intended.code[:2] in root_class("hostile"):
            return Entry(_intent_code(intended.code) or "130"), {**rules, "code": "_intent_of"}
    if code[:2] == "13" and trigger.pos_ == "VERB" and trigger.lemma_ in lex.cue("warning_verb") and _forecast(trigger, sources, lex):
        disapproval = _disapproval(trigger, lex)
        if disapproval is not None:
            return Entry(disapproval), {**rules, "code": "_disapproval"}
        if _negative_evaluation(trigger, lex) is not None:
            return Entry("111"), {**rules, "code": "_negative_evaluation"}
        if not _threatened_harm(trigger, sources, lex) and not _obliging_content(trigger, lex):
            if _judges_a_measure(trigger, lex) or _warns_of_foreign_act(trigger, sources, lex):
                return Entry("111"), {**rules, "code": "_warning_judgement"}
            return Entry("012"), {**rules, "code": "_warning_forecast"}
    if code[:2] == "19" and any(t.lemma_.lower() in lex.cue("unconventional_violence") for t in _words_near(trigger)):
        return replace(entry, code="180", reciprocal=False), {**rules, "code": "_unconventional"}
    if code[:2] == "19" and trigger.pos_ == "VERB" and trigger.lemma_.lower() in lex.cue("physical_assault_verb") \
            and _person_object(trigger, lex) and not any(_state_force(side, lex) for side in sources):
        return replace(entry, code="182", reciprocal=False), {**rules, "code": "_assault_on_person"}
    if code[:2] == "12" and trigger.pos_ == "VERB" and trigger.lemma_.lower() in lex.cue("refusal_verb") and any(
            c.dep_ == "xcomp" and _comment_verb(c, lex) for c in trigger.children):
        return Entry("011"), {**rules, "code": "_declined_comment"}
    if code[:2] in root_class("violent") and (crowd := _crowd_control(trigger, sources, targets, lex)) is not None:
        return replace(entry, code=crowd, reciprocal=False), {**rules, "code": "_crowd_control"}
    if code[:2] == "19" and _police_raid(trigger, sources, lex):
        return replace(entry, code="170", reciprocal=False), {**rules, "code": "_police_raid"}
    if code[:2] == "19" and _verbal_attack(trigger, sources, lex):
        return replace(entry, code="111", reciprocal=False), {**rules, "code": "_verbal_attack"}
    if code[:2] == "14" and _military_strike(trigger, sources, lex):
        aerial = any(t.lemma_.lower() in lex.cue("aerial_weapon") for t in _words_near(trigger))
        return replace(entry, code="195" if aerial else "190", reciprocal=False), {**rules, "code": "_military_strike"}
    if code[:2] == "16" and trigger.pos_ == "VERB" and trigger.lemma_ in lex.cue("suspension_verb") and _person_object(trigger, lex):
        return replace(entry, code="172", reciprocal=False), {**rules, "code": "_suspended_person"}
    if code[:2] == "13" and trigger.lemma_ in lex.cue("warning_verb") and trigger.pos_ == "VERB" and (
            any(c.dep_ == "prep" and c.lower_ == "against" for c in trigger.children)
            or any(c.dep_ in ("xcomp", "ccomp") and any(g.dep_ == "neg" for g in c.children) and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in trigger.children)
            or _obliging_content(trigger, lex)) and not _threatened_harm(trigger, sources, lex):
        return replace(entry, code="020"), {**rules, "code": "_warning_appeal"}
    if code[:2] == "13" and trigger.pos_ == "VERB" and trigger.lemma_ in lex.cue("warning_verb") \
            and _threatened_harm(trigger, sources, lex):
        return entry, {**rules, "code": "_warning_threat"}  # the threat the rules decided (D2), named as theirs
    return entry, rules


def _threatening_content(verb: Token, sources: list[Side], lex: Lexicon) -> bool:
    """Whether a statement holds out harm from the speaker's own country (docs/annotation.md D2's first row and D1a: a
    threat inside what is said is coded as the threat): what it says names, as what is still to come, a response or a
    hostile act (cue ``harm_word`` or a hostile act of the lexicon) that a word of the speaker's country owns or
    modifies ("said the use of chemical weapons would trigger a Swedish military response", "said Norway could face
    Swedish sanctions", said by Sweden). Not the clause's subject ("said Swedish sanctions would hurt"), not
    negated, and on a verb with a future or modal auxiliary: a response told as done is a fact, no threat (session 60,
    lB)."""
    own = _own_countries(sources)
    if not own:
        return False
    harm, unsure = lex.cue("harm_word"), lex.cue("future") | en.MODALS
    for clause, words in _content(verb, lex):
        for token in words:
            if token.pos_ != "NOUN" or token.dep_ in ("nsubj", "nsubjpass"):
                continue
            if token.lemma_.lower() not in harm:
                act = _named_act(token, lex)
                if act is None or act.code[:2] not in root_class("hostile"):
                    continue
            if not _owned_by(token, own, lex):
                continue
            governor = _clause_verb(token, clause)
            if not any(c.dep_ == "aux" and c.lower_ in unsure for c in governor.children):
                continue
            if _negated_in_clause(token, clause):
                continue
            return True
    return False


def _judges_a_measure(verb: Token, lex: Lexicon) -> bool:
    """Whether what a warning forecasts is the harm of a measure or act (docs/annotation.md D2: "the
    target's act is wrong or dangerous", a judgement, 111): the that-clause's subject, or its passive
    agent, is an act ("any strikes would violate the Constitution"), a measure (cue ``measure_noun``:
    "such action would undercut his ability", "firms could be crippled by the move") or a gerund
    ("binding judges might look like interference")."""
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.lemma_ == "be":
            continue  # (a copula states, it forecasts no harm: "recognizing X is a red line")
        for child in clause.children:
            if child.dep_ == "csubj":
                return True
            heads = [child] if child.dep_ in ("nsubj", "nsubjpass") else [
                p for p in child.children if p.dep_ == "pobj"] if child.dep_ == "agent" else []
            for head in heads:
                if head.pos_ == "NOUN" and (head.lemma_.lower() in lex.cue("measure_noun") or _named_act(head, lex) is not None):
                    return True
    return False


def _warns_of_foreign_act(verb: Token, sources: list[Side], lex: Lexicon) -> bool:
    """Whether a warning tells what another country's actor does or did (docs/annotation.md D13c: "warned of" the
    target's own act is 111, 012 only for a danger no one is blamed for): a that-clause with a verb of its own, no
    copula, no modal or future auxiliary ("warned that Russia had sent troops", "warned that the Russians continue
    their efforts"), whose subject is an identified actor of a country other than the warner's. A forecast
    ("warned that X may have developed", "could escalate") stays pessimism."""
    own = _own_countries(sources)
    if not own:
        return False
    unsure = lex.cue("future") | en.MODALS
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.pos_ != "VERB" or clause.lemma_ == "be":
            continue
        if any(c.dep_ == "aux" and c.lower_ in unsure for c in clause.children):
            continue
        for subject in (c for c in clause.children if c.dep_ == "nsubj"):
            side = _side(subject.doc, subject, lex)
            if side is not None and side.get("country") and side.get("country") not in own:
                return True
    return False


def _in_relative_clause(token: Token, top: Token) -> bool:
    """Whether a token below ``top`` sits in a relative clause or a participle that describes a noun
    ("the Constitution, which grants Congress the power to declare war"): it tells of that noun, not of
    what the clause around it says."""
    while token != top and token.head != token:
        if token.dep_ in CLAUSE_LINKS:
            return True
        token = token.head
    return False


def _threatened_harm(verb: Token, sources: list[Side], lex: Lexicon) -> bool:
    """Whether a warning states harm from the warner (docs/annotation.md D2: a threat, 13x) rather than
    an appeal (02x) or a forecast of a danger it does not cause (012): a word of harm in response
    anywhere in it (cue ``harm_word``: "consequences", "retaliation", "response"); a condition on the
    hearer ("warned that if X ..., ...", "unless"); violence (the root class ``violent``) named in
    what it warns of ("warned of war", "warned a conflict could result"; a "strike" warned of by a state or an
    armed force is a military one, :func:`_military_strike`: "Iran warned of strikes on the bases"); or a clause whose subject is the
    warner ("we", or a pronoun or actor of the warner's country, or a state's force when a state's
    organ warns: "warned that it would respond", "Iran warned that Iran would combat any
    intervention", "warned that police will act") with a verb that is no copula and no obligation
    ("we must not make that mistake": an appeal); or an act announced as no longer done ("warned
    that Cairo will no longer tolerate X"); or an act or measure of the warner's own country named in what it
    warns of, not as its subject (:func:`_own_measure`: "warned that a coup would trigger Swedish sanctions",
    said by Sweden). A condition the warning puts on the warner itself (:func:`_own_condition`: "warned that if
    Sweden does not respond to the attack, it would embolden its enemies", said by Sweden), with the words of harm
    and violence inside it and a demonstrative subject of what follows it, states no harm. A war or conflict (cue ``danger_noun``) or a violent act that is
    the subject of what is warned, and that no word of it ties to the warner, is a danger foreseen, no harm
    from the warner (:func:`_danger_happening`: "warned that war could break out", "warned a major conflict
    could result": 012 by D2)."""
    harm, conditions = lex.cue("harm_word"), lex.cue("condition")
    obliging = lex.cue("obligation") | {"should"}
    own = _own_countries(sources)
    for token in verb.subtree:
        if (token.lemma_.lower() in harm or token.lower_ in harm) and not _in_relative_clause(token, verb):
            if token.head.head == verb and _danger_subject(token, token.head, own, lex):
                continue  # "warned that war could break out": a danger foreseen (012), unless the rest says harm
            if _in_own_condition(token, verb, own, lex):
                continue  # "warned that if Sweden does not respond, ...": the warner's own response, argued for
            return True
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = syntax.pobj(child)
            entry = _named_act(obj, lex) if obj is not None else None
            if entry is not None and entry.code[:2] in root_class("violent"):
                return True
            if obj is not None and _military_strike(obj, sources, lex):
                return True  # the warner's own strikes: military force
            if obj is not None and _own_measure(obj, own, lex):
                return True  # "warned of a cutoff of Ruritanian aid": the warner's own response
        if child.dep_ not in ("ccomp", "xcomp", "advcl"):
            continue
        if any(t.dep_ == "mark" and t.lower_ in conditions and not _own_condition(t.head, own, lex) for t in child.subtree):
            return True
        if _own_measure(child, own, lex):
            return True
        for token in child.subtree:
            if token.pos_ == "NOUN" and (entry := _named_act(token, lex)) is not None and entry.code[:2] in root_class("violent") \
                    and not _danger_happening(token, child, own, lex) and not _in_own_condition(token, verb, own, lex):
                return True
        if child.lemma_ == "be" or any(c.dep_ == "aux" and c.lower_ in obliging for c in child.children):
            continue  # a state ("would be"), or what someone must do ("we must not"): no harm done
        if any(c.dep_ == "neg" or (c.dep_ == "advmod" and any(g.dep_ == "neg" for g in c.children))
               for c in child.children) and any(
                c.dep_ == "aux" and c.lower_ in lex.cue("future") for c in child.children) and _verb_entry(child, lex) is not None:
            return True  # an act announced as no longer done ("will no longer tolerate rallies": _refusal_code)
        for subject in (c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")):
            if subject.lower_ in lex.cue("first_person"):
                return True
            if subject.lower_ in DEMONSTRATIVES and any(
                    c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in conditions for m in c.children)
                    and _own_condition(c, own, lex) for c in child.children):
                continue  # "if Sweden does not respond, it would embolden ...": "it" is what would follow, not the warner
            side = _side(subject.doc, subject, lex)
            if side is None:
                continue
            if side.get("country") and side.get("country") in own:
                return True
            if not side.get("country") and str(side.get("sector") or side.get("code") or "").lower() in lex.cue("state_force_sector") \
                    and any(s is not None and str(s.get("sector") or "").lower() in lex.cue("state_force_sector") for s in sources):
                return True  # "the leader warned that police will take all necessary actions": the state's own force
    return False


def _own_condition(condition: Token, own: set[Any], lex: Lexicon) -> bool:
    """Whether a warning's condition is put on the warner itself: its subject is "we" or a named actor of the warner's
    country, not a third-person pronoun ("warned that if Sweden does not respond, its rivals will be emboldened", said by Sweden). The warner argues
    for its own act; no harm from it awaits a hearer who acts (docs/annotation.md D2's first row), so the condition
    alone makes no threat (session 60, lB)."""
    for subject in (c for c in condition.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject.lower_ in lex.cue("first_person"):
            return True
        if subject.pos_ == "PRON":
            continue  # "if it did so": a third-person pronoun is most often the hearer, whatever it resolves to
        side = _side(subject.doc, subject, lex)
        if side is not None and own and side.get("country") in own:
            return True
    return False


def _in_own_condition(token: Token, verb: Token, own: set[Any], lex: Lexicon) -> bool:
    """Whether a word sits in a condition that a warning puts on the warner itself (:func:`_own_condition`: "warned
    that if Sweden does not respond to the attack, its rivals will be emboldened"): the response or the violence named
    there is what the warner argues about, no harm it holds out (session 60, lB)."""
    node = token
    while node != verb and node.head != node:
        if any(c.dep_ == "mark" and c.lower_ in lex.cue("condition") for c in node.children):
            return _own_condition(node, own, lex)
        node = node.head
    return False


def _own_measure(clause: Token, own: set[Any], lex: Lexicon) -> bool:
    """Whether a warned clause tells, as what follows, an act or measure of the warner's own country: a noun of the
    lexicon's acts or of cue ``measure_noun`` that a word of the warner's country owns or modifies ("warned that a
    coup would trigger Ruritanian sanctions", "warned that the vote could cost it Ruritania's aid"), not the clause's
    subject (what is judged or foreseen, "warned that Ruritania's policy was failing") nor in a relative clause,
    and no act the warner shares with others (a reciprocal act of the lexicon, talks, a treaty: "warned that halting
    aid could affect Ruritania's trade agreement", said by Ruritania, names its stake, no response). The warner
    names its own response: harm from the warner, a threat (docs/annotation.md D2's first row; session 60, lB)."""
    if not own:
        return False
    measures = lex.cue("measure_noun")
    for token in clause.subtree:
        if token.pos_ != "NOUN" or (token.dep_ in ("nsubj", "nsubjpass") and token.head == clause):
            continue
        act = _named_act(token, lex)
        if token.lemma_.lower() not in measures and (act is None or act.reciprocal):
            continue
        if not _in_relative_clause(token, clause) and _owned_by(token, own, lex):
            return True
    return False


def _owned_by(noun: Token, own: set[Any], lex: Lexicon) -> bool:
    """Whether a word of one of the countries ``own`` owns or modifies ``noun`` ("Swedish sanctions", "Sweden's
    aid", "a cutoff of Swedish aid"'s "aid"): the noun is that country's act or measure."""
    for word in noun.children:
        if word.dep_ in ("poss", "compound", "amod", "nmod"):
            side = _side(noun.doc, word, lex)
            if side is not None and side.get("country") in own:
                return True
    return False


def _danger_happening(noun: Token, clause: Token, own: set[Any], lex: Lexicon) -> bool:
    """Whether a violent event noun in a warned clause names a danger that may happen rather than harm from
    the warner (docs/annotation.md D2: a danger not caused by the speaker is 012): it is the subject of the
    clause's own verb ("warned that war could break out", "warned a conflict could result", "warned that a
    wider war was possible") and no word of it names the warner's side ("warned that an Iranian strike
    would follow", said by Iran, stays a threat)."""
    if noun.dep_ not in ("nsubj", "nsubjpass") or noun.head != clause:
        return False
    for word in noun.children:
        if word.dep_ in ("poss", "compound", "amod", "nmod") or (word.dep_ == "prep" and word.lower_ == "by"):
            head = syntax.pobj(word) if word.dep_ == "prep" else word
            side = _side(noun.doc, head, lex) if head is not None else None
            if side is not None and (side.get("country") in own or not own):
                return False
    return True


def _gives_details(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb refused tells what one knows by its object: its direct object (or the object of "into")
    is a detail (cue ``detail_noun``: "give details", "provide specifics", "go into details"), or it names or
    identifies someone (cue ``identifying_verb`` with an object that names an actor, not a new or indefinite one:
    "declined to identify the nations", "refused to name him"; not "refused to name a new ambassador")."""
    if verb.lemma_.lower() in lex.cue("identifying_verb"):
        named = syntax.direct_object(verb)
        # "declined to identify the nations", "refused to name him"; not "refused to name a new ambassador" (an
        # appointment: an indefinite or new office holder) nor "declined to name the date" (no actor)
        return named is not None and _actor_word(named, lex) and not any(
            (c.dep_ == "det" and c.lower_ in ("a", "an")) or (c.dep_ == "amod" and c.lower_ == "new") for c in named.children)
    obj = syntax.direct_object(verb)
    objects = [obj] if obj is not None else []
    objects += syntax.prep_objects(verb, "into")
    return any(o.lemma_.lower() in lex.cue("detail_noun") or o.lower_ in lex.cue("detail_noun") for o in objects)


def _comment_verb(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb refused is a comment or a telling of what one knows, so that refusing it declines comment
    (011, :func:`root_rule` ``_declined_comment``): a verb of cue ``comment_verb`` or ``disclosure_verb``
    ("refused to detail the plans"); one also of cue ``open_disclosure_verb`` ("say", "answer") only with no
    object, a question noun as object (cue ``question_noun``: "refused to answer questions") or a wh- or whether
    clause ("declined to say whether"), not "refused to answer the court's summons" nor "refused to say sorry"."""
    lemma = verb.lemma_.lower()
    if lemma in lex.cue("comment_verb"):
        return True
    if _gives_details(verb, lex):
        return True  # "declined to give details", "refused to go into specifics", "declined to name the countries"
    if lemma not in lex.cue("disclosure_verb"):
        return False
    if lemma not in lex.cue("open_disclosure_verb"):
        return True
    if any(c.dep_ in ("dobj", "attr", "oprd", "acomp", "intj") and c.lemma_.lower() not in lex.cue("question_noun")
           and not _question_clause(c, lex) for c in verb.children):
        return False  # (an object opened by a wh-word, "say precisely what equipment ...", asks as a clause does)
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    # "declined to say whether X would be among the options ... should he become convinced": one question clause
    # suffices (the parser hangs the inverted condition on "say" as a second clause)
    return not clauses or any(_question_clause(c, lex) for c in clauses)


def _question_clause(clause: Token, lex: Lexicon) -> bool:
    """Whether a clause is an indirect question: opened by "whether" or "if" (cue ``question_mark``) or by a
    wh-word ("what", "why", "how", "who"), after any adverb ("say precisely what equipment ...")."""
    if any(c.dep_ == "mark" and c.lower_ in lex.cue("question_mark") for c in clause.children):
        return True
    words = sorted((t for t in clause.subtree if not t.is_punct and t.tag_ not in ("RB", "RBR", "RBS")), key=lambda t: t.i)
    return bool(words) and words[0].tag_ in syntax.WH_TAGS


def _own_countries(sources: list[Side]) -> set[Any]:
    """The countries of an act's sources (the warner's side)."""
    return {side.get("country") for side in sources if side is not None and side.get("country")}


def _danger_subject(noun: Token, clause: Token, own: set[Any], lex: Lexicon) -> bool:
    """Whether a noun is a danger (cue ``danger_noun``: "war", "conflict") that may happen, the subject of a warned
    clause that no word of the warner's side owns (:func:`_danger_happening`): "warned that war could break out",
    not "warned that an Iranian war would follow" said by Iran."""
    return noun.lemma_.lower() in lex.cue("danger_noun") and _danger_happening(noun, clause, own, lex)


def _forecast(verb: Token, sources: list[Side], lex: Lexicon) -> bool:
    """Whether a warning verb only forecasts or reports ("warned that a Leave vote would sink the
    pound", "warned of Y's desire to escalate"): a "that" clause or an "of" object, none of whose
    subjects is the warner speaking of itself ("we", "I": "warned that we will respond" is a
    threat), and whose verb is no hostile act of the lexicon ("warned that police will no longer
    tolerate rallies" keeps the threat) unless its subject is a danger foreseen, not the warner's
    (:func:`_danger_subject`: "warned that war could break out")."""
    own = _own_countries(sources)
    found = False
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            found = True
        elif child.dep_ == "ccomp":
            if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in lex.cue("first_person") for c in child.children):
                return False
            entry = _verb_entry(child, lex)
            if entry is not None and entry.code[:2] in root_class("hostile") and not any(
                    _danger_subject(c, child, own, lex) for c in child.children):
                return False  # (a war that "could break out" is a danger foreseen, not a hostile act told)
            found = True
    return found
