"""Shared syntax over spaCy's dependency parse: one copy of each helper the stages use.

A shared module: it imports no stage. Subjects, direct and prepositional objects, a noun phrase's
character span, the verb governing a noun trigger, and the search for an item (a timex, a place)
tied to a trigger without crossing into another clause.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from typing import Any, Literal, TypeVar

from spacy.tokens import Span, Token

from .doc import sentence_of, sentence_span, token_texts
from .lang import en
from .lexicon import cue_words

T = TypeVar("T")

#: Dependency labels of a token's own noun phrase (what an actor mention may span).
NP_DEPS = frozenset({"compound", "amod", "det", "poss", "nmod", "appos", "flat", "case", "nummod", "punct", "prep",
                     "pobj", "cc", "conj", "quantmod", "advmod"})
#: The subject relations a clause's actor is read from (passive subjects are objects: :func:`direct_object`).
SUBJECTS = frozenset({"nsubj", "csubj"})
#: Relations through which a clause inherits the subject of the clause it hangs from.
INHERIT_SUBJECT = frozenset({"xcomp", "conj", "advcl", "pcomp", "acomp"})
#: Entity types of a name that may be an actor, who does or suffers an act: a person, an organisation, a
#: country or place, a nationality ("Putin", "NATO", "Kenya", "Israeli"). The actors stage makes mentions
#: of these names (``dateline.actors.mentions``); the event rules ask it of a name that may author a text,
#: name a doer ("Israeli shelling") or stand as a party.
ACTOR_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Tags of relative and interrogative pronouns and determiners ("which", "that", "who", "whom", "what"): such a
#: subject or object stands for a noun elsewhere, and a name or title stops before one.
RELATIVE_TAGS = frozenset({"WDT", "WP"})
#: Tags of the wh-words that open a wh-question or wh-clause ("what", "which", "whose", "why", "how", "who").
WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
#: Dependencies that open another clause: a date there belongs to that clause's event.
CLAUSAL_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "csubj", "csubjpass", "parataxis", "conj",
                          "pcomp", "punct", "cc", "mark", "dep"})


def direct_object(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("dobj", "dative"):
            return child
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            return child
    return None


def pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def partitive_group(token: Token) -> Token | None:
    """The group a partitive phrase takes its members from ("one of the bombers" -> "bombers"):
    the object of the "of" on a numeral or a quantity word (:data:`en.PARTITIVE_HEADS`); else None.
    Read by the events sides and the quote speakers ("one of the pollsters said")."""
    if token.pos_ != "NUM" and token.lower_ not in en.PARTITIVE_HEADS:
        return None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            group = pobj(child)
            if group is not None and group.pos_ in ("NOUN", "PROPN"):
                return group
    return None


def prep_objects(token: Token, *preps: str) -> list[Token]:
    """The objects (:func:`pobj`) of the token's prepositions among ``preps`` ("of", "with", ...), in the order of
    its children: "a third of Syria" -> [Syria] for ("of",)."""
    return [p for c in token.children if c.dep_ == "prep" and c.lower_ in preps and (p := pobj(c)) is not None]


def subject(verb: Token, depth: int = 0) -> Token | None:
    """The verb's subject, inherited through xcomp/conj/advcl and relative clauses."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if subjects:
        child = subjects[0]
        if len(subjects) > 1 and any(t.tag_ == ":" or t.text in ("—", "–", "--")
                                     for t in verb.doc[child.i + 1:subjects[1].left_edge.i]):
            # a clause has one subject: the first of two cut off by a dash is a dateline or
            # heading ("Tehran, Iran -- Two rockets struck ..."); set off by commas, the second
            # is an appositive ("Members of X, a body linked to Y, investigated")
            child = subjects[1]
        if child.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
            return verb.head
        return child
    if depth > 3:
        return None
    for child in verb.children:
        if child.dep_ == "agent":
            return pobj(child)
    if verb.dep_ == "ROOT":
        stranded = stranded_subject(verb)
        if stranded is not None:
            return stranded
    head = verb.head
    if head.pos_ == "ADP" and head.head != head:
        return subject(head.head, depth + 1)  # "after meeting X": the subject of what "after" modifies
    if verb.dep_ in INHERIT_SUBJECT and head != verb:
        if verb.dep_ == "xcomp":
            controller = next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if controller is not None and controller.pos_ in ("PROPN", "NOUN", "PRON"):
                # object control, also in the passive: "forced Russia to withdraw" and "Russia was
                # forced (by X) to withdraw" both have Russia withdraw
                return controller
        return subject(head, depth + 1)
    if verb.dep_ == "acl" and head.pos_ == "NOUN":
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ == "NOUN" and is_text_noun(head):
        author = document_author(head)
        if author is not None:
            return author  # "Kenya published a letter urging", "a letter from Kenya urging": its author
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
        return head  # "demonstrators protesting the results": the noun does what its -ing modifier says
    if verb.dep_ == "pcomp" or (verb.dep_ == "pobj" and head.dep_ == "prep"):
        return subject(head.head, depth + 1)
    return None


def is_text_noun(noun: Token) -> bool:
    """Whether a noun names a written or spoken text (cues ``document_noun``, ``speech_medium``: a letter,
    statement, op-ed, tweet, speech)."""
    return noun.lemma_.lower() in cue_words("document_noun") | cue_words("speech_medium")


def document_author(noun: Token) -> Token | None:
    """The author of a text (:func:`is_text_noun`): its possessor ("Kenya's letter"), a name before it ("a
    Putin op-ed", "a Kenyan statement"), its "from" or "by" phrase ("a letter from Kenya"; also on the verb
    it is the object of, "received a letter from Kenya"), else the subject of an issuing verb it is the
    object of (cue ``issuing_verb``: "Kenya published a letter", "issued a statement"); else None: the one
    who holds or receives a text did not write it ("Uganda received a letter urging it to withdraw")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ in ("compound", "amod") and child.i < noun.i and child.ent_type_ in ACTOR_ENTITIES:
            return child
    head = noun.head
    holders = [noun] + ([head] if noun.dep_ == "dobj" and head.pos_ == "VERB" else [])
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("prep", "agent") and child.lower_ in ("from", "by"):
                found = pobj(child)
                if found is not None:
                    return found
    if noun.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_ in cue_words("issuing_verb"):
        return subject(head)
    return None


def stranded_subject(verb: Token) -> Token | None:
    """The subject of a subjectless main verb that the parser hung as a conjunct on a fronted
    phrase ("With the signing of a memorandum, the government and SPLM/A have agreed"): the noun
    right before the verb (past auxiliaries), climbed up its conjuncts to the first after a comma."""
    i = verb.i - 1
    doc = verb.doc
    while i >= 0 and doc[i].dep_ in ("aux", "auxpass", "neg", "advmod"):
        i -= 1
    if i < 0 or doc[i].dep_ != "conj" or doc[i].pos_ not in ("NOUN", "PROPN"):
        return None
    token = doc[i]
    for _ in range(6):
        head = token.head
        if head.i >= token.i:
            return None
        if any(t.text == "," for t in doc[head.i + 1:token.left_edge.i]):
            return token if head.i < verb.i and verb.is_ancestor(head) else None
        if head.dep_ != "conj":
            return None
        token = head
    return None


def phrase_span(token: Token) -> tuple[int, int]:
    """Character range of the token's own noun phrase (no relative clauses, no conjuncts)."""
    start = end = token.i
    stack = [token]
    while stack:
        item = stack.pop()
        for child in item.children:
            if child.dep_ in ("conj", "cc", "relcl", "acl") or (item == token and child.dep_ == "prep" and child.lower_ != "of"):
                continue
            if child.dep_ in NP_DEPS:
                start, end = min(start, child.i), max(end, child.i)
                stack.append(child)
    doc = token.doc
    return doc[start].idx, doc[end].idx + len(doc[end].text)


def attached_by(token: Token, items: dict[int, dict[str, Any]], *,
                accept: Callable[[Token, dict[str, Any]], bool],
                direct: Callable[[Token], bool]) -> dict[str, Any] | None:
    """The item (a timex, a place) tied to ``token`` (an event trigger) in the parse, nearest first.

    Searches the trigger's own phrase, then the clause of the verb that governs it, breadth first
    through non-clausal dependencies only. ``items`` maps token indices to items; ``accept`` says
    whether an item reached at a token counts. Below a verb of intention only children for which
    ``direct`` holds are followed: what is inside its object belongs to the intended event.
    """
    for root in (token, governing_verb(token)):
        if root is None:
            continue
        found = search_below(root, items, accept=accept, direct=direct, skip=token if root != token else None)
        if found is not None:
            return found
    return None


def governing_verb(token: Token) -> Token | None:
    """The verb whose clause a (noun or gerund) trigger sits in, or None for a verb trigger."""
    if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("pcomp", "amod"):
        return None
    current = token
    for _ in range(8):
        if current.head == current:
            return None
        if current.dep_ in ("relcl", "acl", "ccomp", "advcl", "parataxis"):
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def search_below(root: Token, items: dict[int, dict[str, Any]], *, accept: Callable[[Token, dict[str, Any]], bool],
            direct: Callable[[Token], bool], skip: Token | None) -> dict[str, Any] | None:
    """Breadth-first search below ``root`` for an accepted item, not crossing into other clauses. (Tokens of
    one Doc compared by index: spaCy's ``==`` compares their Doc and character offset, the same answer.)"""
    prospective = cue_words("prospective")
    top = root.i
    avoid = skip.i if skip is not None else -1
    queue: deque[Token] = deque([root])
    seen = {top}
    while queue:
        node = queue.popleft()
        at = node.i
        if at != top and at in items:
            if accept(node, items[at]):
                return items[at]
            continue
        intention = node.lemma_ in prospective and node.pos_ in ("VERB", "NOUN")
        for child in node.children:
            i = child.i
            if i in seen or i == avoid:
                continue
            dep = child.dep_
            if dep in CLAUSAL_DEPS and not (dep == "pcomp" and at == top):
                continue
            if intention and not direct(child):
                continue
            seen.add(i)
            queue.append(child)
    return None


def ends_in_question(token: Token) -> bool:
    """Whether a sentence's root verb is asked about: its sentence ends in "?" (before any
    closing quote). Read from the sentence's end in the token texts of the Doc (no Token per word)."""
    texts, _, spaces = token_texts(token.doc)
    sent_start, sent_end = sentence_of(token.doc, token.i)
    for i in range(sent_end - 1, sent_start - 1, -1):  # the last word that is no blank and no quote mark
        if not spaces[i] and texts[i] not in _QUOTE_MARKS:
            return texts[i] == "?"
    return False


#: The quote marks :func:`ends_in_question` reads past.
_QUOTE_MARKS = ('"', "'", "”", "’", "“", "‘")


def agentless_passive(verb: Token) -> bool:
    """Whether a verb is a passive participle with no "by" doer ("was arrested in Moscow", "have been
    charged"): a VBN with a passive auxiliary or subject and no ``agent`` child."""
    return (verb.pos_ == "VERB" and verb.tag_ == "VBN" and not any(c.dep_ == "agent" for c in verb.children)
            and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children))


def first_conjunct(token: Token) -> Token:
    """The first of coordinated tokens ("imposed sanctions and expelled diplomats": imposed; "an attack on X and
    another assault on Y": attack), whose clause, link and governor the later conjuncts share."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


def present_tense(token: Token) -> bool:
    """Whether a verb is in the present tense (its own tag or its auxiliary's): a past-tense
    "until" clause ("fought until they were killed") reports what happened."""
    if token.tag_ in ("VBP", "VBZ"):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBP", "VBZ") for c in token.children)


def past_tense(token: Token) -> bool:
    """Whether a verb reports a past act: simple past, or a participle with "have"."""
    if token.tag_ == "VBD":
        return True
    return token.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children)


def main_subject(token: Token) -> bool:
    """Whether the token is the subject of its sentence's main verb."""
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT"


def antecedent(pronoun: Token, candidates: Sequence[tuple[int, int, T]], *, sentences: int,
               subject_first: bool = False, subject_here: bool = False,
               earlier: Literal["last", "first"] = "last",
               subject: Callable[[Span], bool] | None = None,
               missed: Callable[[Span], Sequence[tuple[int, int, T]]] | None = None) -> T | None:
    """The one copy of the search for what a pronoun (or a definite description) points back to.

    ``candidates`` are the mentions that fit it, ``(start token, end token, item)``, in text order
    (so the last is the nearest) unless the caller ranks them otherwise (the caller decides what
    fits: a person for "he", a body or country for "it"). The antecedent
    is the last candidate before the pronoun in its own sentence (its last subject first when
    ``subject_here``); else, in each of the ``sentences`` sentences before, nearest first, the first
    subject among the sentence's candidates when ``subject_first``, else the
    sentence's last candidate (``earlier="last"``: nearest the pronoun) or first (``"first"``).

    ``subject`` says whether a candidate's tokens are a subject (default: one of them is the subject
    of its sentence's main verb, :func:`main_subject`). ``missed`` gives the candidates of a sentence
    that has none (names the caller's mentions missed), as the same tuples.

    The callers: actors coreference (he/she: two sentences back, the first subject of any clause
    first; "the official": the latest), events sides (a pronoun side the actors stage left unlinked:
    two sentences back for he/she, one for it/they, the main subject first) and quotes speakers (a pronoun
    speaker: eight sentences back, any clause's subject first in every sentence, mentions ranked
    by the actor list; a proper-noun subject of a cue verb where the model found no name).
    """
    doc = pronoun.doc

    def is_subject(c: tuple[int, int, T]) -> bool:
        span = doc[c[0]:c[1]]
        return subject(span) if subject is not None else any(main_subject(t) for t in span)

    sent = sentence_span(doc, pronoun.i)
    before = [c for c in candidates if sent.start <= c[0] and c[1] <= pronoun.i]
    if not before and missed is not None:
        before = [c for c in missed(sent) if sent.start <= c[0] and c[1] <= pronoun.i]
    if before:
        subjects = [c for c in before if is_subject(c)] if subject_here else []
        return (subjects or before)[-1][2]
    start = sent.start
    for _ in range(sentences):
        if start <= 0:
            break
        previous = sentence_span(doc, start - 1)
        inside = [c for c in candidates if previous.start <= c[0] and c[1] <= previous.end]
        if not inside and missed is not None:
            inside = [c for c in missed(previous) if previous.start <= c[0] and c[1] <= previous.end]
        if subject_first:
            subjects = [c for c in inside if is_subject(c)]
            if subjects:
                return subjects[0][2]
        if inside:
            return inside[-1 if earlier == "last" else 0][2]
        start = previous.start
    return None
