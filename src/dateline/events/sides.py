"""An event's sides: the actor an argument token names (:func:`_side`), through its phrase, a
pronoun's antecedent or a coordinated modifier (when two sides are the same actor: actors/identity.py)."""

from __future__ import annotations

import bisect

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, HEAD
from spacy.tokens import Doc, Token

from .. import syntax
from ..record import ActorRef
from ..actors import actor_ref
from ..actors.index import in_window, mention_index
# When two sides are the same actor, and what a side is counted by, is decided in actors/identity.py
# (roles and assemble import the two from here).
from ..actors.identity import same_side as _same, side_key as _actor_key
from ..doc import doc_text, extension, per_doc, sentence_of, token_starts
from ..lexicon import Lexicon
from ..lang import en






Side = ActorRef | None


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


def _first_actor_tokens(doc: Doc, head: Token, exclude: Token | None) -> list[Token]:
    """The first actor-like entity in what was said, as a one-token list (or empty).

    "First" in ``head.subtree`` order, looked up in an index of the entity starts of the head's
    tree in that order (:class:`_SubtreeOrder`) instead of walking the subtree of every speech verb
    (issue 15).
    """
    return _actor_tokens(doc, head, exclude, limit=1)


def _actor_tokens(doc: Doc, head: Token, exclude: Token | None, *, limit: int) -> list[Token]:
    """The first ``limit`` actor-like entities (GPE, NORP, ORG, PERSON starts) in the head's
    subtree, in ``head.subtree`` order, but those inside ``exclude``'s phrase before it."""
    found = per_doc(doc, "actor_starts", _SubtreeOrder).tree(head.i)
    if found is None:
        return []
    order, first, last, starts = found
    out: list[Token] = []
    k = bisect.bisect_left(starts, first[head.i])
    while k < len(starts) and starts[k] < last[head.i] and len(out) < limit:
        token = doc[order[starts[k]]]
        k += 1
        if exclude is not None and token.i in range(exclude.left_edge.i, exclude.i + 1):
            continue
        out.append(token)
    return out


class _SubtreeOrder:
    """A Doc's trees in ``Token.subtree`` order (each token's left subtrees, itself, its right
    subtrees), where every subtree is one block, built for a tree when one of its tokens is first
    asked about (a fifth of the sentences hold a speech verb)."""

    def __init__(self, doc: Doc) -> None:
        n = len(doc)
        # read from arrays: creating two Token objects per token cost more than the walks below
        columns = doc.to_array([HEAD, ENT_TYPE, ENT_IOB])
        heads = columns[:, 0].view("int64") + numpy.arange(n)  # HEAD is an offset (uint64)
        roots = heads
        for _ in range(max(1, n).bit_length() + 1):  # each step doubles the reach: every chain's root
            higher = roots[roots]
            if numpy.array_equal(higher, roots):
                break
            roots = higher
        self.heads: list[int] = heads.tolist()
        self.roots = roots
        labels = [doc.vocab.strings[label] for label in syntax.ACTOR_ENTITIES]
        begins = (columns[:, 2] == 3) & numpy.isin(columns[:, 1], labels)  # 3: B
        self.begins = set(numpy.flatnonzero(begins).tolist())
        self.trees: dict[int, tuple[list[int], dict[int, int], dict[int, int], list[int]]] = {}

    def tree(self, i: int) -> tuple[list[int], dict[int, int], dict[int, int], list[int]] | None:
        """The tree holding token ``i``: the token index at each position, the block ``[first,
        last)`` of each token's subtree, and the positions of actor-like entity starts; None when
        ``i`` hangs on no root (a cycle)."""
        root = int(self.roots[i])
        if self.heads[root] != root:
            return None
        if root not in self.trees:
            self.trees[root] = self._walk(root)
        return self.trees[root]

    def _walk(self, root: int) -> tuple[list[int], dict[int, int], dict[int, int], list[int]]:
        heads = self.heads
        children: dict[int, list[int]] = {}
        for j in numpy.flatnonzero(self.roots == root).tolist():
            if heads[j] != j:
                children.setdefault(heads[j], []).append(j)
        order: list[int] = []
        first: dict[int, int] = {}
        last: dict[int, int] = {}
        stack: list[tuple[int, int]] = [(0, root)]  # (0 enter | 1 emit | 2 leave, token)
        while stack:
            step, j = stack.pop()
            if step == 0:
                first[j] = len(order)
                stack.append((2, j))
                below = children.get(j, ())
                stack.extend((0, c) for c in reversed(below) if c > j)
                stack.append((1, j))
                stack.extend((0, c) for c in reversed(below) if c < j)
            elif step == 1:
                order.append(j)
            else:
                last[j] = len(order)
        begins = self.begins
        return order, first, last, [p for p, j in enumerate(order) if j in begins]


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
    if token.lower_ in en.REFERRING_PRONOUNS:
        return _antecedent(doc, token, lex)
    start, end = syntax.phrase_span(token)
    ref = actor_ref(doc, start, end)
    if ref is not None:
        return ref
    if _country_anaphor(token):
        return _last_country_before(doc, token)  # "congratulated the country": the one named before
    group = _partitive_group(token)
    if group is not None:
        return _side(doc, group, lex)  # "one of the suicide bombers", "two of the soldiers"
    if token.pos_ == "PRON" or token.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"):
        return None
    if token.pos_ == "NOUN" and token.lemma_ not in lex.nouns and (token.lower_ in lex.agents or token.lemma_ in lex.agents):
        return {"text": doc_text(doc)[start:end], "code": None, "country": None, "sector": None, "_named": False}
    return None


def _country_anaphor(token: Token) -> bool:
    """Whether the token is "the country" or "this nation" standing alone (:data:`en.COUNTRY_NOUNS`):
    a definite or demonstrative determiner and no other modifier ("the country's leaders" is the
    possessor's phrase; "the whole country", "a country" are not)."""
    if token.lemma_ not in en.COUNTRY_NOUNS or token.tag_ != "NN":
        return False
    dets = [c for c in token.children if c.dep_ == "det"]
    return len(dets) == 1 and dets[0].lower_ in ("the", "this", "that") and len(list(token.children)) == 1


def _last_country_before(doc: Doc, token: Token) -> Side:
    """The last country (a GPE actor with a country code) mentioned before the token in its sentence
    or the two before it; None when there is none."""
    start = token.sent.start
    for _ in range(2):
        if start > 0:
            start = doc[start - 1].sent.start
    lower, upper = doc[start].idx, token.idx
    best: tuple[int, int] | None = None
    for actor in extension(doc, "actors") or []:
        if actor.get("label") != "GPE" or not actor.get("code"):
            continue
        for mention in actor.get("mentions") or []:
            if lower <= mention["start"] and mention["end"] <= upper and (best is None or mention["start"] > best[0]):
                best = (mention["start"], mention["end"])
    if best is None:
        return None
    ref = actor_ref(doc, *best)
    return ref if ref is not None and ref.get("country") else None


_partitive_group = syntax.partitive_group  # (events.roles imports it from here)


def _antecedent(doc: Doc, pronoun: Token, lex: Lexicon) -> Side:
    """A pronoun's actor: the one the actors stage linked it to; for the subject of a reported
    clause, the subject of the clause that reports it ("Hungary said it will ..."); else
    (:func:`_last_actor_before`) the last actor named before it in its sentence, else the main subject
    of a sentence before, main subject first, over the two sentences before for he/she (a person) and
    the one before for it/they (:data:`PRONOUN_LOOKBACK`)."""
    ref = actor_ref(doc, pronoun.idx, pronoun.idx + len(pronoun.text))
    if ref is not None:
        return _named_mention(doc, pronoun) or ref
    personal = pronoun.lower_ in en.PERSONAL_PRONOUNS
    if pronoun.dep_ in ("nsubj", "nsubjpass"):
        clause = pronoun.head
        for _ in range(4):
            if clause.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or clause.head == clause:
                break
            clause = clause.head
            subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.lower_ not in en.REFERRING_PRONOUNS:
                side = _side(doc, subject, lex)
                if side is not None:
                    return side
    return _last_actor_before(doc, pronoun, personal)


#: Sentences before a pronoun side that :func:`_last_actor_before` looks back over: two for he/she
#: (as the actors stage's coreference), one for it/they (two there added events mostly wrong).
PRONOUN_LOOKBACK = {True: 2, False: 1}


def _last_actor_before(doc: Doc, pronoun: Token, personal: bool) -> Side:
    """The actor a pronoun the actors stage left unlinked points back to (:func:`dateline.syntax.antecedent`):
    the last named before it in its sentence, else the main subject of a sentence before (its last
    actor when no subject is one), over :data:`PRONOUN_LOOKBACK` sentences: a person for he/she, any
    other actor for it/they. "Britain, France and Germany condemned the tests. They urged ...":
    Britain, not the Security Council named last (nearest first, it/they took the topic). A subject
    it/they never points back to a place named only as where something is or comes from
    (:func:`_no_antecedent`, session 60)."""
    starts = token_starts(doc)
    back = PRONOUN_LOOKBACK[personal]
    first = pronoun.sent.start
    for _ in range(back):
        if first > 0:
            first = sentence_of(doc, first - 1)[0]
    lower, upper = doc[first].idx, pronoun.idx
    candidates: list[tuple[int, int, tuple[int, int]]] = []
    for _, _, _, actor, mention in in_window(doc, lower, upper):  # (by bisection, not every mention)
        if (actor.get("label") in (None, "PERSON")) != personal:
            continue
        start = bisect.bisect_right(starts, mention["start"]) - 1
        end = bisect.bisect_left(starts, mention["end"])
        if not personal and pronoun.dep_ == "nsubj" and _no_antecedent(doc[start:end].root):
            continue
        candidates.append((start, end, (mention["start"], mention["end"])))
    candidates.sort()
    best = syntax.antecedent(pronoun, candidates, sentences=back, subject_first=True)
    return actor_ref(doc, *best) if best else None


def _no_antecedent(head: Token) -> bool:
    """Whether a mention (by its head token) cannot be what a later subject it/they stands for
    (:func:`_last_actor_before`; no rule name of its own): a named place (GPE, LOC, FAC) told only
    as where something happens, the object of a preposition that puts an event somewhere
    (:data:`en.LOCATIVE_PREPOSITIONS`: "the ministers met in Syldavia, where they signed ...",
    "after the raid on Borduria, they fled ..."), no party acting there."""
    return (head.dep_ == "pobj" and head.ent_type_ in ("GPE", "LOC", "FAC")
            and head.head.lower_ in en.LOCATIVE_PREPOSITIONS)


def _named_mention(doc: Doc, pronoun: Token) -> Side:
    """The actor a linked pronoun stands for, named by its last mention before the pronoun that
    is not a pronoun (so the event says "Kim", not "he")."""
    start = pronoun.idx
    index = mention_index(doc)
    if index is None:
        return None
    # the actors with a mention that holds the pronoun's start: such a mention starts at most the
    # longest mention's length before it (found by bisection, not by every actor's every mention)
    starts, entries, longest, _ = index
    holding = {id(e[3]) for e in entries[bisect.bisect_left(starts, start - longest):bisect.bisect_right(starts, start)]
               if e[0] <= start < e[1]}
    for actor in extension(doc, "actors") or []:
        if id(actor) not in holding:
            continue
        mentions = actor.get("mentions") or []
        named = [m for m in mentions if m["end"] <= start and m["text"].lower() not in en.REFERRING_PRONOUNS]
        if named:
            last = max(named, key=lambda m: m["start"])
            return actor_ref(doc, last["start"], last["end"])
    return None
