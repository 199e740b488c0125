"""The learned trigger proposer (session 33, eval/sessions/33.md "triggers2"): a verb no lexicon rule
made a trigger, whose lemma the lexicon does not code, in a sentence naming an actor, is proposed as an act when a
multinomial logistic regression (``data/triggers/model.json``, fitted by ``tools/learned_triggers.py``) gives it
an act probability at or above the model's threshold. The events stage then codes the verb with the proposed
CAMEO root as its entry (``_verb_events``: the same sides, modality and gates as a lexicon verb); its events name
``learned`` as ``evidence.rules.trigger``.

The features are generic: the verb's lemma, what the lexicon knows of it, its syntax, its arguments (actor or
not, kind), and what it governs: the root of its object's event noun, of a preposition's event noun, of its
complement's coded verb ("called for sanctions", "signed a deal"), the object's head, the governing verb.

Nouns (session 34, eval/sessions/34.md "nouns34"; not shipped): a model whose ``meta.nouns`` is set also
proposes nouns the lexicon leaves uncoded (:func:`is_noun_candidate`, :func:`noun_features`, ``n:``-prefixed), coded
by ``_noun_events``; the shipped model has no ``meta.nouns`` and proposes verbs only."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy
from spacy.tokens import Doc, Span, Token

from . import syntax
from .deferred import deferred_module
from .doc import in_span, per_doc, pos_indices
from .events.triggers import _idiom, _names, _noun_entry, _particle, _verb_entry
from .sides_model import bucket

#: The shipped model, under ``dateline/``.
MODEL_RESOURCE = "data/triggers/model.json"
#: Set True to code without proposals (the tools that measure the coder without them).
DISABLED = False
#: A tool's model for a Doc in place of the shipped one (tools/learned_triggers.py: each fold's model).
MODEL_FOR: Callable[[Doc], TriggerModel | None] | None = None
#: While a list, every scored candidate's (article id, offset, root, probability) is appended (tools).
LOG: list[tuple[str, int, str, float]] | None = None
#: While a list, every candidate's (article id, sentence index, offset, features) is appended (tools).
COLLECT: list[tuple[str, int, int, dict[str, float]]] | None = None
NONE = "none"
_ARG_DEPS = {"nsubj": "subj", "nsubjpass": "subj", "agent": "agent", "dobj": "obj", "dative": "obj"}
_LIGHT = ("be", "have", "do")


@dataclass
class TriggerModel:
    """A multinomial logistic regression: classes (CAMEO roots and "none"), weights by feature name
    (one per class), intercepts, and the act-probability threshold."""

    classes: list[str]
    weights: dict[str, list[float]]
    intercept: list[float]
    threshold: float
    meta: dict[str, Any] = field(default_factory=dict)
    _index: dict[str, int] | None = field(default=None, init=False, repr=False, compare=False)
    _matrix: Any = field(default=None, init=False, repr=False, compare=False)
    _none: int = field(default=0, init=False, repr=False, compare=False)

    def predict(self, feats: dict[str, float]) -> tuple[str, float]:
        """(most probable root, probability that the verb is an act)."""
        return self.predict_many([feats])[0]

    def predict_many(self, many: list[dict[str, float]]) -> list[tuple[str, float]]:
        """Each candidate's (most probable root, probability that it is an act), all summed at once: the weight rows
        of every candidate's features (after the intercept's row, each times the feature's value) in one array, one
        sum per candidate's run of rows (numpy's ``add.reduceat``), then the rounded sums' best root per candidate."""
        if not many:
            return []
        index = self._rows()
        intercept = len(index)  # the intercept's row, after the features'
        starts: list[int] = []
        rows: list[int] = []
        values: list[float] = []
        for feats in many:
            starts.append(len(rows))
            rows.append(intercept)
            values.append(1.0)
            for name, value in feats.items():
                row = index.get(name)
                if row is not None and value:
                    rows.append(row)
                    values.append(value)
        weighted = self._matrix[rows] * numpy.array(values, dtype=numpy.float64)[:, None]
        # rounded, so that a tie between roots (the weights are stored rounded) goes to the first class whatever the
        # order of the sum
        z = round9(numpy.add.reduceat(weighted, starts))
        none = self._none
        roots = z.copy()
        roots[:, none] = -math.inf
        out = []
        for sums, top, best in zip(z.tolist(), z.max(axis=1).tolist(), roots.argmax(axis=1).tolist()):
            exps = [math.exp(v - top) for v in sums]
            out.append((self.classes[best], 1.0 - exps[none] / sum(exps)))
        return out

    def _rows(self) -> dict[str, int]:
        """The weights as one matrix (a row per feature, a column per class, the intercept as the last row) and each
        feature's row, built once: a Doc's candidates are then scored in one sum (numpy, which spaCy installs)."""
        index = self._index
        if index is None:
            names = list(self.weights)
            self._matrix = numpy.array([*(self.weights[n] for n in names), self.intercept],
                                       dtype=numpy.float64).reshape(len(names) + 1, len(self.classes))
            self._none = self.classes.index(NONE)
            index = self._index = {n: i for i, n in enumerate(names)}
        return index

    def to_dict(self) -> dict[str, Any]:
        return {"classes": self.classes, "weights": self.weights, "intercept": self.intercept,
                "threshold": self.threshold, "meta": self.meta}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TriggerModel:
        return cls([str(c) for c in data["classes"]], {str(k): [float(x) for x in v] for k, v in data["weights"].items()},
                   [float(x) for x in data["intercept"]], float(data["threshold"]), dict(data.get("meta", {})))


def round9(values: Any) -> Any:
    """``round(v, 9)`` of every value of a numpy array, the very floats Python's ``round`` gives (the value's exact
    decimal expansion rounded, half to even): numpy's ``rint(v * 1e9) / 1e9``, except where ``v * 1e9`` (itself
    rounded) lies within a thousandth of a half or beyond 2**40, which Python's ``round`` then decides."""
    with numpy.errstate(over="ignore", invalid="ignore"):  # (those beyond are Python's to round)
        scaled = values * 1e9
        out = numpy.rint(scaled) / 1e9
        odd = (numpy.abs(scaled - numpy.floor(scaled) - 0.5) < 1e-3) | ~(numpy.abs(scaled) < 2.0**40)
    if odd.any():
        out[odd] = [round(v, 9) for v in values[odd].tolist()]
    return out


@cache
def shipped_model() -> TriggerModel | None:
    """The model shipped in the package (None when there is none); read once per process."""
    from .confidence import packaged_model

    return packaged_model(MODEL_RESOURCE, TriggerModel)


def active_model(doc: Doc) -> TriggerModel | None:
    """The model that proposes on ``doc``: a tool's (:data:`MODEL_FOR`), else the shipped one unless :data:`DISABLED`."""
    if MODEL_FOR is not None:
        return MODEL_FOR(doc)
    return None if DISABLED else shipped_model()


def _token_actors(doc: Doc) -> tuple[dict[int, dict[str, Any]], set[Any]]:
    """Token index -> the actor whose mention covers it; and the sentences that hold a mention. Once per Doc."""
    def build(d: Doc) -> tuple[dict[int, dict[str, Any]], set[Any]]:
        by_token: dict[int, dict[str, Any]] = {}
        sentences: set[Any] = set()
        for actor in d._.actors or []:
            for m in actor.get("mentions") or []:
                sentences.add(m.get("sentence"))
                span = d.char_span(m["start"], m["end"], alignment_mode="expand")
                if span is None:
                    continue
                for t in range(span.start, span.end):
                    by_token.setdefault(t, actor)
        return by_token, sentences
    return per_doc(doc, "trigger_model.token_actors", build)


def has_actor(doc: Doc, index: int) -> bool:
    """Whether sentence ``index`` names an actor."""
    return index in _token_actors(doc)[1]


def _actor_of(arg: Token, by_token: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
    if arg.i in by_token:
        return by_token[arg.i]
    lo, hi = arg.left_edge.i, min(arg.right_edge.i, arg.left_edge.i + 8)
    return next((by_token[i] for i in range(lo, hi + 1) if i in by_token), None)


def _arg_feats(out: dict[str, float], role: str, arg: Token | None, by_token: dict[int, dict[str, Any]]) -> None:
    if arg is None:
        return
    actor = _actor_of(arg, by_token)
    if actor is None:
        out[f"{role}=thing" if arg.pos_ not in ("PRON",) else f"{role}=pron"] = 1.0
        out[f"{role}_lemma={arg.lemma_.lower()}"] = 1.0
        return
    out[f"{role}=actor"] = 1.0
    out[f"{role}_label={actor.get('label')}"] = 1.0
    out[f"{role}_sector={actor.get('sector')}"] = 1.0
    out[f"{role}_country={bool(actor.get('country'))}"] = 1.0


def _event_root(token: Token | None, lex: Any) -> str | None:
    """The lexicon root of a governed word: an event noun's (nouns.tsv) or a coded verb's."""
    if token is None:
        return None
    if token.pos_ in ("NOUN", "PROPN"):
        entry = _noun_entry(token, lex)
    elif token.pos_ == "VERB":
        entry = _verb_entry(token, lex)
    else:
        return None
    return entry.code[:2] if entry is not None and entry.code else None


def _governed_feats(out: dict[str, float], token: Token, lemma: str, lex: Any) -> None:
    """The root of what the candidate governs (its object's event noun, a preposition's event noun,
    its complement's coded verb: "called for sanctions", "signed a deal", "moved to impose"), the
    object's head lemma and whether it is an event noun, the governing verb, particle+object."""
    particle = _particle(token)
    for child in token.children:
        dep = child.dep_
        if dep in ("dobj", "dative", "nsubjpass", "attr", "oprd"):
            root = _event_root(child, lex)
            out[f"obj_head={child.lemma_.lower()}"] = 1.0
            if root:
                out["obj_event"] = 1.0
                out[f"gov_root={root}"] = 1.0
                out[f"obj_root={root}"] = 1.0
                out[f"lemma_objroot={lemma}|{root}"] = 1.0
            if particle:
                out[f"prt_obj={lemma}|{particle}|{child.lemma_.lower()}"] = 1.0
        elif dep in ("prep", "agent"):
            inner = syntax.pobj(child) or next((g for g in child.children if g.dep_ == "pcomp"), None)
            root = _event_root(inner, lex)
            if root:
                out[f"gov_root={root}"] = 1.0
                out[f"prep_root={child.lower_}|{root}"] = 1.0
                out[f"lemma_preproot={lemma}|{child.lower_}|{root}"] = 1.0
            if inner is not None:
                out[f"prep_obj={child.lower_}|{inner.lemma_.lower()}"] = 1.0
        elif dep in ("xcomp", "ccomp") and child.pos_ == "VERB":
            root = _event_root(child, lex)
            if root:
                out[f"gov_root={root}"] = 1.0
                out[f"comp_root={dep}|{root}"] = 1.0
                out[f"lemma_comproot={lemma}|{root}"] = 1.0
    head = token.head
    if head.i != token.i and head.pos_ in ("VERB", "NOUN"):
        out[f"governor={token.dep_}|{head.lemma_.lower()}"] = 1.0
        root = _event_root(head, lex)
        if root:
            out[f"governor_root={root}"] = 1.0


#: Whether a tool collecting with no model (:data:`COLLECT`) takes nouns as candidates too (session 34,
#: :func:`is_noun_candidate`); with a model, its ``meta["nouns"]`` decides.
NOUNS = False
#: Whether :func:`features` adds what the verb governs (``tools/learned_triggers.py --no-governed`` turns it off).
GOVERNED = True


#: :mod:`dateline.quotes.marks`, imported at its first use (the quotes stage imports the events stage, which imports
#: this module).
_marks = deferred_module("dateline.quotes.marks")


def features(doc: Doc, token: Token, sent: Span, index: int, lex: Any) -> dict[str, float]:
    """The generic features of one candidate verb."""
    known = lex.lemma_knowledge
    by_token, _ = _token_actors(doc)
    lemma = token.lemma_.lower()
    relation, head = token.dep_, token.head
    out: dict[str, float] = {"bias": 1.0, f"lemma={lemma}": 1.0, f"tag={token.tag_}": 1.0,
                             f"dep={relation}": 1.0, f"head_pos={head.pos_ if head.i != token.i else 'ROOT'}": 1.0}
    roots = known["roots"].get(lemma)
    if roots:
        for r in roots:
            out[f"lex_root={r}"] = 1.0
    else:
        out["lex_absent"] = 1.0
    if lemma in known["patterned"]:
        out["lex_patterns"] = 1.0
    if lemma in known["senses"]:
        out["lex_senses"] = 1.0
    noun_root = known["nouns"].get(lemma)
    if noun_root:
        out[f"noun_root={noun_root}"] = 1.0
    if relation in ("xcomp", "ccomp", "advcl", "conj", "acl", "relcl", "pcomp"):
        head_lemma = head.lemma_.lower()
        out[f"head_dep={relation}|{head_lemma}"] = 1.0
        roots_head = known["roots"].get(head_lemma)
        out[f"head_lex={'/'.join(sorted(roots_head)) if roots_head else '-'}"] = 1.0
    subj = None
    for child in token.children:
        dep = child.dep_
        if dep in _ARG_DEPS:
            role = _ARG_DEPS[dep]
            if role == "subj" and subj is None:
                subj = child
            if role == "agent":
                _arg_feats(out, "agent", syntax.pobj(child), by_token)
            else:
                _arg_feats(out, role, child, by_token)
            if role == "obj":
                out[f"lemma_obj={lemma}|{child.lemma_.lower()}"] = 1.0
        elif dep == "prep":
            prep = child.lower_
            out[f"prep={prep}"] = 1.0
            out[f"lemma_prep={lemma}|{prep}"] = 1.0
            _arg_feats(out, "pobj", syntax.pobj(child), by_token)
        elif dep == "prt":
            out[f"lemma_prt={lemma}|{child.lower_}"] = 1.0
        elif dep in ("aux", "auxpass"):
            out[f"aux={child.lower_ if child.tag_ == 'MD' else child.lemma_.lower()}"] = 1.0
            if dep == "auxpass":
                out["passive"] = 1.0
        elif dep == "neg":
            out["neg"] = 1.0
        elif dep in ("ccomp", "xcomp"):
            out[f"comp={dep}"] = 1.0
    if subj is None:
        inherited = syntax.subject(token)
        if inherited is not None:
            _arg_feats(out, "isubj", inherited, by_token)
        else:
            out["no_subj"] = 1.0
    if GOVERNED:
        _governed_feats(out, token, lemma, lex)
    if _marks().in_quotation(doc, token.idx):
        out["in_quote"] = 1.0
    out[f"sent_pos={bucket(token.i - sent.start, (2, 5, 10, 20))}"] = 1.0
    out[f"sent_index={bucket(index, (0, 1, 3, 8))}"] = 1.0
    return out


def is_candidate(token: Token, lex: Any) -> bool:
    """A verb the lexicon leaves uncoded: its lemma is not in the lexicon, or its entries (with its
    particle, else bare, and their patterns) code nothing. A verb the lexicon codes that its gates then
    turned down (an attribution frame, a claim, a naming, an idiom, a light verb) is not one: those
    gates are the guidelines' decisions, not gaps."""
    lemma = token.lemma_
    if token.pos_ != "VERB" or not token.is_alpha or lemma in _LIGHT:
        return False
    if lemma not in lex.verb_lemmas:
        return True
    if lemma in lex.cue("naming_verb") or _names(token, lex) or _idiom(token, lex):
        # the lexicon's gates decide: a naming verb ("called the envoy a friend", "the chief negotiator": an act
        # only when what it names the actor blames it, ``_evaluative``), a set phrase
        return False
    particle = _particle(token)
    found = (lex.verbs.get((lemma, particle)) if particle else None) or lex.verbs.get((lemma, ""))
    if found is not None and found[0].code:
        return False
    return _verb_entry(token, lex) is None


def is_noun_candidate(doc: Doc, token: Token, lex: Any) -> bool:
    """A noun the lexicon leaves uncoded (session 34): not the head of any nouns.tsv key, not an event frame
    ("effort", "campaign": the lexicon codes its modifier) nor the modifier of one, not an unnamed actor's head
    noun ("police"), and not inside an actor's mention."""
    lemma = token.lemma_
    if token.pos_ != "NOUN" or not token.is_alpha or len(lemma) < 3 or lemma in lex.noun_heads:
        return False
    frames = lex.cue("event_frame")
    if lemma in frames or lemma in lex.agents or (token.dep_ == "compound" and token.head.lemma_ in frames):
        return False
    return token.i not in _token_actors(doc)[0]


def noun_features(doc: Doc, token: Token, sent: Span, index: int, lex: Any) -> dict[str, float]:
    """The generic features of one candidate noun: :func:`features` (its lemma, what the lexicon knows of it, its
    relation, arguments and prepositions' objects, what governs it), then its possessor, compound and adjective
    (an actor or not, kind: "X's incursion", "the Turkish offensive"), the preposition it is the object of with
    that preposition's head, its last four letters; every name prefixed ``n:`` so that nouns weigh apart from verbs."""
    out = features(doc, token, sent, index, lex)
    by_token, _ = _token_actors(doc)
    for child in token.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            role = "poss" if child.dep_ == "poss" else "mod"
            if _actor_of(child, by_token) is not None:
                _arg_feats(out, role, child, by_token)
            else:
                out[f"{role}_lemma={child.lemma_.lower()}"] = 1.0
    head = token.head
    if token.dep_ == "pobj" and head.head.i != head.i:
        out[f"pobj_of={head.lower_}|{head.head.lemma_.lower()}"] = 1.0
    out[f"suffix={token.lemma_.lower()[-4:]}"] = 1.0
    return {f"n:{k}": v for k, v in out.items()}


#: A proposal: the candidate word, the CAMEO root proposed, the probability of an act.
Proposal = tuple[Token, str, float]


def proposals(doc: Doc, sent: Span, index: int, lex: Any, taken: set[int]) -> list[Proposal]:
    """The proposals of one sentence (:func:`doc_proposals` of that sentence alone)."""
    return doc_proposals(doc, [(sent, index, taken)], lex)[0]


def doc_proposals(doc: Doc, sentences: list[tuple[Span, int, set[int]]], lex: Any) -> list[list[Proposal]]:
    """For each (sentence, its index in the Doc, offsets an event already starts on): its candidate verbs
    (:func:`is_candidate`), and nouns (:func:`is_noun_candidate`) for a model whose ``meta.nouns`` is set, on none
    of those offsets, that the active model (:func:`active_model`) codes as acts: (token, root, probability of an
    act) at or above its threshold; nothing in a sentence that names no actor, nor when no model is active. Only
    the verbs (and nouns) are tested, and the candidates of all the sentences are scored in one batch
    (:meth:`TriggerModel.predict_many`)."""
    out: list[list[Proposal]] = [[] for _ in sentences]
    model = active_model(doc)
    if model is None and COLLECT is None:
        return out
    nouns = NOUNS if model is None else bool(model.meta.get("nouns"))
    words = pos_indices(doc, "VERB", "NOUN") if nouns else pos_indices(doc, "VERB")
    candidates: list[tuple[int, Token, dict[str, float]]] = []
    for k, (sent, index, taken) in enumerate(sentences):
        if not has_actor(doc, index):
            continue
        for i in in_span(words, sent):
            token = doc[i]
            if token.idx in taken:
                continue
            if is_candidate(token, lex):
                feats = features(doc, token, sent, index, lex)
            elif nouns and is_noun_candidate(doc, token, lex):
                feats = noun_features(doc, token, sent, index, lex)
            else:
                continue
            if COLLECT is not None:
                COLLECT.append((doc._.article_id, index, token.idx, feats))
            candidates.append((k, token, feats))
    if model is None:
        return out
    for (k, token, _), (root, p) in zip(candidates, model.predict_many([feats for *_, feats in candidates])):
        if LOG is not None:
            LOG.append((doc._.article_id, token.idx, root, p))
        if p >= model.threshold:
            out[k].append((token, root, p))
    return out
