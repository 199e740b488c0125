"""Acts inside relative clauses and participles (issue 11): who does them to whom, and which of
them the text asserts.

A relative clause or participle hangs on a noun, and that noun is one of the act's sides:

- the relative pronoun is the subject ("the troops who shelled Gaza"): the noun acts
  (:func:`dateline.syntax.subject` already answers this);
- the pronoun is the object or passive subject ("an offer that Russia rejected", "the regime,
  which is backed by Iran") or the clause is a passive participle ("protesters killed by
  police"): the noun is acted on, :func:`clause_object` (rule ``_clause_object``);
- a participial adjunct ("police fired on crowds, killing 20") shares the main clause's subject
  (:func:`dateline.syntax.subject` through ``advcl``).

:func:`clause_asserted` decides which such acts the text asserts as events of their own (rule
``_clause_asserted``): a done act in a relative clause (simple past, perfect or passive participle,
progressive: "Israel, which shelled Gaza", "the rebels who have seized the town", "the group that is
fighting the army") or a participle hanging on a name ("Iran, backed by Russia, ..."), with both its
sides identified actors and no statement, intent or threat; the rest keep ``reported`` (descriptions,
generic roles: "the man who leads", a present or modal clause, participles on common nouns, an act with
one side only, whose sides are still found here; participial adjuncts, "..., killing 20", are
``triggers._trailing_adjunct``'s). :func:`clause_done` asserts a done act the coder would otherwise leave
reported (rule ``_clause_done``, session 37): the complement of an act in the simple past or the perfect,
"warned that Russia had sent artillery", or a simple past the parser hangs on a noun; no statement, intent
or threat, and not a party's report of an act against its own country. :func:`clause_alone` (rule
``_clause_alone``, session 38) asserts a perfect or passive relative clause, or a simple past one on an event
noun, that :func:`clause_asserted` leaves for a side not identified, or a gerund under a preposition, when the
sentence asserts no other act. :func:`clause_named_doer` (rule ``_clause_named_doer``, session 43) asserts a done
relative clause that names its own doer as subject and acts on the noun it hangs on ("the sanctions that Russia
imposed", "the deal Kenya signed with Uganda", "the summit at which Kenya rejected the plan"), beside a main act or not.
:func:`clause_verbal` (rule ``_clause_verbal``, session 44) asserts a demand or a disapproval the coder would leave
reported ("the senator, who accused Iran of", "protesters demanding his resignation").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from .. import syntax
from ..codebook import root_class
from ..lexicon import Lexicon
from ..syntax import first_conjunct, RELATIVE_TAGS
from .sides import Side, _identified as _identified_side
from .triggers import _can_act, _noun_entry

#: Dependencies of a noun-modifying clause.
CLAUSE_LINKS = frozenset({"relcl", "acl"})
#: Verb tags of a relative clause that reports a done act or one going on: the simple past ("who
#: shelled"), the perfect or passive participle ("which has seized", "who was sanctioned by"), the
#: progressive ("that is fighting"); a simple present one mostly describes ("a firm that plans"), an
#: infinitive or a modal is no act yet. (Session 37, missed37: the participles and the progressive
#: added, and the comma of a non-restrictive clause no longer asked, with both sides identified rather
#: than country-coded: train F1 rises, eval/sessions/37.md "missed37". Named FINITE_TAGS until
#: the session 37 mend: VBN and VBG are not finite.)
DONE_TAGS = frozenset({"VBD", "VBN", "VBG"})
#: Verb tags of a participle that hangs on a name ("Iran, backed by Russia", "Hamas, firing rockets
#: at Israel"): it tells an act of or on that name.
PARTICIPLE_TAGS = frozenset({"VBN", "VBG"})
#: The simple past, the one tag of a verb hung on a noun (``acl``) that :func:`clause_done` reads as a
#: done act (a participle there describes: "the troops stationed in X"), and the done form of a finite
#: complement (with :data:`PERFECT_TAG` after "have").
PAST_TAG = "VBD"
#: The past participle: a done act in a complement after "have" ("warned that Russia had sent artillery").
PERFECT_TAG = "VBN"
#: Tags of an infinitive or bare verb ("a decision to withdraw", "who would strike") and of a modal.
BARE_TAGS = frozenset({"VB", "MD"})
#: CAMEO roots a clause does not assert: a public statement (01: "who expressed fears", "who declared
#: that" mostly introduces its speaker), an expressed intent (03) or a threat (13) ("Sharon, who has
#: vowed not to return the Golan", "X, which is preparing an offensive", "complained that Russia has been
#: threatening Poland": the holder's stance, the act promised not done; on train the intents a clause
#: would assert were right 2 of 17).
UNASSERTED_ROOTS = frozenset({"01", "03", "13"})


def _modal_or_to(*verbs: Token) -> bool:
    """Whether one of the verbs has a modal or "to" among its auxiliaries ("could strike", "to withdraw",
    "could have attacked"): no act yet."""
    return any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for verb in set(verbs) for c in verb.children)


def _perfect(*verbs: Token) -> bool:
    """Whether one of the verbs has "have" among its auxiliaries ("had sent", "has seized")."""
    return any(c.dep_ == "aux" and c.lemma_ == "have" for verb in set(verbs) for c in verb.children)


def clause_object(verb: Token, obj: Token | None) -> Token | None:
    """The noun a clause modifies when the clause's act is done to it, or None.

    "the regime, which is backed by Iran" and "an offer that Democrats refused": the relative
    pronoun stands for the noun; "protesters killed by police", "areas seized by rebels": a passive
    participle with no object of its own acts on its noun.
    """
    if verb.dep_ not in CLAUSE_LINKS or verb.head == verb or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    if verb.dep_ == "relcl":
        if obj is not None and obj.tag_ in RELATIVE_TAGS and obj.head == verb:
            return verb.head
        return None
    if verb.tag_ == "VBN" and obj is None and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children):
        return verb.head
    return None


def _gap_elsewhere(verb: Token) -> bool:
    """Whether the noun a clause hangs on may be what another word of the clause takes rather than the verb's
    object: a preposition of the verb with no object of its own, stranded ("the attack Kenya warned about", "the
    sanctions Kenya retaliated against"), or a clausal or infinitive complement of the verb, whose own gap the noun
    may fill ("the attack Kenya said had killed ten", "the aid Kenya promised to send"). Session 42 mend."""
    return any((c.dep_ == "prep" and syntax.pobj(c) is None) or (c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX"))
               for c in verb.children)


def acted_on_noun(verb: Token, obj: Token | None) -> Token | None:
    """The noun a clause's verb acts on when the verb has no object word of its own, or None: the noun of
    :func:`clause_object` ("an offer that Democrats refused", "a deal already struck with Uganda"), the noun of
    a relative clause whose pronoun is left out ("the deal Kenya struck with Uganda", "the tariffs it
    imposed on Japan": a subject, no object and no relative word between the noun and the verb), or that of a
    passive relative clause ("the sanctions that were imposed"). Session 42 (roots42): the lexicon's
    patterns read it as the verb's object (``events.codes._clause_pattern``). Not with no relative pronoun
    as object when the noun's gap may lie elsewhere (:func:`_gap_elsewhere`: "the attack Kenya warned
    about", "the aid Kenya promised to send"), nor when a verb not the noun's own follows the clause
    (:func:`_verb_after`: "the attack Kenya claimed had killed ten"; session 42 mend)."""
    if obj is not None and obj.tag_ not in RELATIVE_TAGS:
        return None
    if obj is None and _gap_elsewhere(verb):
        return None
    found = clause_object(verb, obj)
    if found is not None or verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN") or verb.head.i > verb.i:
        return found
    if any(c.dep_ == "nsubjpass" and c.tag_ in RELATIVE_TAGS for c in verb.children):
        return verb.head
    between = verb.doc[verb.head.i + 1:verb.i]
    if obj is None and any(c.dep_ == "nsubj" for c in verb.children) \
            and not any(t.tag_ in RELATIVE_TAGS or t.tag_ == "WRB" for t in between) \
            and not _verb_after(verb):
        return verb.head
    return None


def _verb_after(verb: Token) -> bool:
    """Whether a verb or auxiliary that is not the noun's own follows the clause right away: the noun is that
    verb's subject, which the parser hung elsewhere ("denied the attack Kenya claimed had killed ten": "had killed"
    under "denied"), not the clause verb's object ("the deal Kenya struck was bad": "was" is the noun's own).
    Session 42 mend."""
    after = verb.right_edge.i + 1
    if after >= len(verb.doc):
        return False
    token = verb.doc[after]
    own = verb.head.head
    return token.pos_ in ("VERB", "AUX") and token != own and token.head != own


def clause_asserted(verb: Token, code: str, sources: Sequence[Side | None], targets: Sequence[Side | None]) -> bool:
    """Whether an act in a relative clause or a participle on a name is asserted as an event of its
    own, with both its sides identified actors (a country or an actor code):

    - a relative clause whose verb is done or going on (:data:`DONE_TAGS`: "Israel, which shelled
      Gaza", "the rebels who have seized the town", "an official who was sanctioned by the Treasury"),
      with no modal or "to";
    - a participle hanging on a proper noun ("Iran, backed by Russia", "Hamas, firing rockets at Israel").

    A statement, an intent or a threat (:data:`UNASSERTED_ROOTS`, by ``code``) stays reported."""
    if code[:2] in UNASSERTED_ROOTS:
        return False
    first = first_conjunct(verb)
    if first.dep_ == "relcl":
        if verb.tag_ not in DONE_TAGS or _modal_or_to(verb):
            return False
    elif first.dep_ != "acl" or first.head.pos_ != "PROPN" or verb.tag_ not in PARTICIPLE_TAGS:
        return False
    return _identified(sources) and _identified(targets)


def clause_done(verb: Token, code: str, targets: Sequence[Side | None] = (),
                governor_sources: Sequence[Side | None] = ()) -> bool:
    """Whether an act the coder would leave ``reported`` as a subordinate (:func:`.triggers._subordinate`)
    is a clause told as done, so asserted (rule ``_clause_done``, session 37): the clausal complement of an
    act in the simple past or the perfect ("warned that Russia attacked Ukraine", "confirmed that troops had
    entered the town"; not a present or progressive one, "warned that Russia attacks Ukraine every week",
    since the session 37 mend), or a verb in the simple past that the parser hangs on a noun (``acl`` VBD:
    mostly a main clause or a reduced passive it misread). Not an infinitive or bare form nor a modal ("to
    withdraw", "could strike", "could have attacked"), nor a statement, an intent or a threat
    (:data:`UNASSERTED_ROOTS`: "who said" introduces a speaker, "complained that Russia has been threatening
    Poland" reports a threat), nor a party's report of an act against itself (the act's target country is the
    source country of the governing verb, ``governor_sources``: "China warned that Taiwan has provoked
    Beijing" is China's claim, docs/annotation.md D14c). Relative clauses and participles on names are
    :func:`clause_asserted`'s (both sides identified); those with a side missing, participles on common
    nouns and participial adjuncts stay ``reported``: counted, they fired on sentences of the gold set that
    list only the main act, and its type F1 fell under its floor (eval/sessions/37.md, "modality37"
    and "Session 37: missed37"). An ``acl`` VBD is not held to :func:`clause_asserted`'s checks (a proper
    noun head, both sides identified): it is mostly a misparsed main clause, not a clause on a name, and
    those checks cost train F1 0.3392 -> 0.3389 (22 fewer counted, 7 right) and dev 0.3080 -> 0.3071 (eval/sessions/37.md,
    "Mend (review of session 37)").

    ``first`` is the first of coordinated verbs (:func:`dateline.syntax.first_conjunct`), whose link (``ccomp``, ``acl``), form and
    auxiliaries the others share; a complement's done form is read on ``verb``'s own tag, so that "warned that Russia
    attacked X and is shelling Y" asserts the attack only. (Reading every tag on ``verb``, or every tag on ``first``,
    lost a right dev event or a recalled one: eval/sessions/37.md, the same section.)"""
    first = first_conjunct(verb)
    if code[:2] in UNASSERTED_ROOTS or first.tag_ in BARE_TAGS or _modal_or_to(first, verb):
        return False
    if first.dep_ == "ccomp":
        if not (verb.tag_ == PAST_TAG or (verb.tag_ == PERFECT_TAG and _perfect(first, verb))):
            return False
    elif not (first.dep_ == "acl" and first.tag_ == PAST_TAG):
        return False
    return not _against_speaker(targets, governor_sources)


def _against_speaker(targets: Sequence[Side | None], governor_sources: Sequence[Side | None]) -> bool:
    """Whether the clause's act is aimed at the country of the one who reports it (D14c: a party's report of
    its adversary's act against it is its claim)."""
    home = {side.get("country") for side in governor_sources if side is not None and side.get("country")}
    return any(side is not None and side.get("country") in home for side in targets)


def _identified(sides: Sequence[Side | None]) -> bool:
    """Whether one of the sides is an identified actor (:func:`.sides._identified`: a country, or an actor code,
    a person or group the countries stage may still give one)."""
    return any(_identified_side(side) for side in sides)


#: The rule of a relative-clause act asserted because its sentence tells no other act (:func:`clause_alone`,
#: session 38): until the events stage has read the whole sentence the act stays ``reported`` under this rule
#: name, and falls back to ``_subordinate`` if another act is told there
#: (:func:`dateline.events.assemble._alone_clauses`).
ALONE_RULE = "_clause_alone"
#: The verb tag of a relative clause :func:`clause_alone` reads as done whatever its noun: the perfect or passive
#: participle ("a helicopter that was seized by X", "the rebels who have seized the town"); the simple past only
#: on an event noun (:func:`_event_noun`: "the attacks that killed 20"), where it tells that event's act rather
#: than describe a party ("Iran, which invaded Iraq in 1980, ...": background, right 0.14 on train).
ALONE_TAG = "VBN"
#: The prepositions that place a gerund or participle :func:`clause_alone` reads as done, when they modify a verb
#: ("were silent after shelling the hills", "was arrested while attacking a convoy"): the act's time against
#: another's. The topic of a noun ("the debate over attacking Iran") or a preposition of aim or manner is no act.
ALONE_PREPOSITIONS = frozenset({"after", "before", "since", "while", "upon", "on", "following", "during"})


def clause_alone(verb: Token, code: str, lex: Lexicon) -> bool:
    """Whether an act in a relative clause that :func:`clause_asserted` leaves reported (a side not identified)
    may be asserted when nothing else in its sentence is (rule ``_clause_alone``, session 38, relcl38): a
    perfect or passive participle (:data:`ALONE_TAG`: "a convoy that was attacked near X", "the militants who
    have seized the town"), or a simple past on an event noun ("the raids that killed 20"), or a gerund or
    participle under a temporal preposition of a verb (``pcomp``, :data:`ALONE_PREPOSITIONS`: "fled after attacking the
    convoy"; not a noun's topic, "the debate over attacking Iran"), with no modal or "to", and not a
    statement, an intent or a threat (:data:`UNASSERTED_ROOTS`). The events stage asserts it only if the sentence
    has no other asserted act (:func:`dateline.events.assemble._alone_clauses`): then the clause tells the
    sentence's news. Beside a main act ("Russia demanded the return of a helicopter that was
    captured by Sudan") the clause is its background: every relative clause and participle counted there
    (modality37's wide rule) fired on sentences of the gold set that list only the main act, under its floors;
    a simple past on a common noun or a name, or a progressive, lowered dev F1 (eval/sessions/38.md, "Session 38:
    relcl38")."""
    if code[:2] in UNASSERTED_ROOTS:
        return False
    first = first_conjunct(verb)
    if first.dep_ == "pcomp":  # "fled after attacking the convoy", with nothing else asserted in the sentence
        prep = first.head
        return verb.tag_ in PARTICIPLE_TAGS and prep.lower_ in ALONE_PREPOSITIONS \
            and prep.head.pos_ in ("VERB", "AUX") and not _modal_or_to(first, verb)
    if first.dep_ != "relcl" or _modal_or_to(verb):
        return False
    return verb.tag_ == ALONE_TAG or (verb.tag_ == PAST_TAG and _event_noun(first.head, lex))


#: The rule of a relative-clause act asserted because the clause names its own doer (:func:`clause_named_doer`,
#: session 43).
NAMED_DOER_RULE = "_clause_named_doer"
#: The verb tags of a relative clause :func:`clause_named_doer` reads as done: the simple past ("the sanctions that
#: Russia imposed") and the perfect's participle ("the deal Kenya has signed"; a passive has no subject of its own).
NAMED_DOER_TAGS = frozenset({"VBD", "VBN"})


def clause_named_doer(verb: Token) -> bool:
    """Whether an act in a relative clause that the coder would leave ``reported`` (a side not identified, or
    beside a main act) is told as done by a doer the clause names (rule ``_clause_named_doer``, session 43,
    recall43): the clause's verb is in the simple past or the perfect (:data:`NAMED_DOER_TAGS`), with no modal or
    "to", and its subject is a word of its own, not the relative pronoun ("the sanctions that Russia imposed on
    Kenya", "the deal Kenya signed", "the summit at which Kenya rejected the plan", "the town where rebels fought"):
    the noun the clause hangs on is what was done or where, and the clause tells who did it, a past act of its
    own. Not a clause whose verb frames a clause of its own ("the plan, which they said would raise taxes", "the
    raid Kenya said had failed"), also where the parser hung what it frames under another verb
    (:func:`_verb_after`: "the raid Kenya claimed had killed ten"; session 43 mend): what it frames is the act, as
    for a statement's attribution frame. A clause whose pronoun is the subject ("Iran, which invaded Iraq")
    describes the noun's party and stays as :func:`clause_asserted` and :func:`clause_alone` leave it. On train's
    read half the rule counts 70 more events, 25 right, and finds 40 more listed acts; counted alike, the clauses
    whose pronoun is the subject were right 29 times in 193 (eval/sessions/43.md, "recall43")."""
    if verb.dep_ != "relcl" or verb.tag_ not in NAMED_DOER_TAGS or _modal_or_to(verb):
        return False
    if any(c.dep_ == "ccomp" for c in verb.children) or _verb_after(verb):
        return False  # "the plan, which they said would raise taxes": a frame of what it says, not an act;
        # also when the parser hung what it frames elsewhere ("the raid Kenya claimed had killed ten")
    return _own_subject(verb)


def _own_subject(verb: Token) -> bool:
    """Whether a clause's verb has a subject that is a word of its own, not the relative pronoun ("the sanctions
    that Russia imposed", "refugees whom the authorities blame"; not "Iran, which invaded Iraq")."""
    return any(c.dep_ == "nsubj" and c.tag_ not in RELATIVE_TAGS and c.lower_ != "that" for c in verb.children)


ONGOING_RULE = "_clause_ongoing"
"""The rule that asserts an act going on told in a relative clause in the progressive (:func:`clause_ongoing`)."""

#: The present participle: the tag of a relative clause in the progressive ("the rebels who are fighting the army").
PROGRESSIVE_TAG = "VBG"


def clause_ongoing(verb: Token, code: str) -> bool:
    """Whether an act the coder would leave ``reported`` is told in a relative clause in the progressive, or in a
    relative clause or a participle on a noun in the passive progressive, an act going on at the time of the story
    ("the rebels who are fighting the army", "the prosecutor who is investigating the minister", "two men being
    detained by police"): asserted (rule ``_clause_ongoing``, session 52), whether or not its sides are identified
    actors (:func:`clause_asserted` asks both for every relative clause). On train's read half the rule counts 26
    events, 23 labelled asserted, 16 right; every other kind of relative clause or participle so counted is right
    0.20-0.36 of the time, under the coder's precision (eval/sessions/52.md, hA). The
    clause's first conjunct and the verb itself must both be the progressive, with no modal or "to" ("who are
    preparing to strike" is the aim's, "who would be fighting" a case put); not a statement, an intent or a threat
    (:data:`UNASSERTED_ROOTS`: "who are preparing an offensive" tells an intent, not an act)."""
    first = first_conjunct(verb)
    # "two suspects being held without trial", "journalists who are being detained": going on, done to them
    done_to = _passive_progressive(first) and _passive_progressive(verb) and first.dep_ in CLAUSE_LINKS
    doing = first.dep_ == "relcl" and first.tag_ == PROGRESSIVE_TAG and verb.tag_ == PROGRESSIVE_TAG
    return (done_to or doing) and code[:2] not in UNASSERTED_ROOTS and not _modal_or_to(first, verb)


def _passive_progressive(verb: Token) -> bool:
    """Whether a verb is a passive participle with "being" ("being held", "are being investigated")."""
    return verb.tag_ == PERFECT_TAG and any(c.dep_ == "auxpass" and c.lower_ == "being" for c in verb.children)


VERBAL_RULE = "_clause_verbal"
"""The rule that asserts a demand or a disapproval told in a clause the coder would leave reported
(:func:`clause_verbal`)."""


def clause_verbal(verb: Token, code: str, lex: Lexicon) -> bool:
    """Whether a verbal act the coder would leave ``reported`` (a relative clause, a participle on a noun, a complement
    or an adjunct: :func:`.triggers._subordinate`) is a demand or a disapproval (its code's root in the class
    ``described`` of ``data/cameo_root_classes.tsv``: "the senator, who accused Iran of arming the rebels", "protesters
    demanding his resignation", "Kenya, which condemned the attack"): a demand or a criticism that the text describes a
    party by was made, and is an act of its own (rule ``_clause_verbal``, session 44), in whatever tense the clause
    tells it; not one under a modal or "to". The simple present is read too: it also tells stances held, not acts made
    ("a group that opposes the Ugandan government"), but leaving it out lost as many right events as no-acts on train
    and put dev precision under its floor (session 44 mend, eval/sessions/44.md). A conjunct is read in the place of the
    first verb of its coordination, as :func:`.triggers._subordinate` reads it ("..., demanding his return and
    denouncing the government": both trail the act). Not a passive participle on a noun ("two nationals suspected of the
    bombing", "the waters disputed by Kenya and Uganda", "refugees whom the authorities blame for the clashes": what is
    said of the noun describes it; a past clause with its own doer is :func:`clause_named_doer`'s), nor a participle or
    clause adjunct to another act ("refused to help, citing the opposition", "blocked roads demanding his return": part
    of the act it trails, which the gold codes as one event; :func:`.triggers._verbal_adjunct` decides those), nor a
    participle on a text ("a letter urging Kenya to"): whether its author is named decides
    (:func:`.triggers._speaking_document`), nor a participle on a noun that names no party ("a vote condemning the
    strike", "a petition demanding his release": who made it is not the noun). Appeals, rejections and threats so told
    are not: measured on train's read half they were right too seldom, or did not carry over to its unread half
    (eval/sessions/44.md, "modality44")."""
    clause = first_conjunct(verb)  # a conjunct has the place of the first: "..., demanding his return and
    # denouncing the government" trails the act as "demanding" does (session 44 mend)
    if clause.dep_ == "advcl" or (clause.dep_ == "acl" and PERFECT_TAG in (clause.tag_, verb.tag_)):
        return False  # "..., citing the opposition": part of the act it trails; "nationals suspected of": the noun's
        # description, what is said of it
    if clause.dep_ == "relcl" and (_own_subject(clause) or _own_subject(verb)):
        return False  # "refugees, whom the authorities blame for": what others say of the noun (a past one with
        # its own doer is clause_named_doer's)
    if clause.dep_ == "acl" and (syntax.is_text_noun(clause.head) or not _party_noun(clause.head, lex)):
        return False  # "received a letter urging it to": a text's participle is triggers._speaking_document's;
        # "a vote condemning the strike": a participle on a thing tells what the thing says, not who made it
    return code[:2] in root_class("described") and not _modal_or_to(verb, clause)


def _party_noun(noun: Token, lex: Lexicon) -> bool:
    """Whether a noun a participle hangs on names a party that can make the participle's act: a name, a pronoun
    or a common noun that stands for a doer (:func:`.triggers._can_act`)."""
    return noun.pos_ in ("PROPN", "PRON") or (noun.pos_ == "NOUN" and _can_act(noun, lex))


def _event_noun(noun: Token, lex: Lexicon) -> bool:
    """Whether a noun names an event: one the lexicon codes (:func:`.triggers._noun_entry`) or an event frame
    ("the incident that", cue ``event_frame``)."""
    return noun.pos_ == "NOUN" and (_noun_entry(noun, lex) is not None or noun.lemma_ in lex.cue("event_frame"))
