"""A learned modality check (issue 11): re-decides whether an event the rules coded is asserted.

The rules (events/modality.py) give every event its modality and negation. This model, a multinomial
logistic regression trained by ``tools/learned_modality.py`` on the labelled train articles (``make
train``), predicts the modality a labeller gives the event (docs/annotation.md section 3: asserted,
negated, intended, hypothetical, claimed; an intent the coder codes as its own 03/13 event on the
intended act's trigger counts as asserted, as the eval judges it) from generic features: the rules
that decided the event, the cue tables (src/dateline/data/lexicon/cues.tsv) the words around the
trigger belong to, the trigger's tense, aspect and mood (its tag, aux verbs, ``to``-infinitive,
modal verbs, conditional or pending marks, a question), the verbs governing it (their lemma, relation,
cues, negation, modals), negation in the clause, a quote or an attribution frame and whether the
speaker is one of the event's sides, the sentence's position, and the CAMEO root and PLOVER type.

The rules' choice is changed only where it decides whether the event counts (one of the two is
``asserted``) and the model's most likely modality beats the rules' one by more than the model's
margin in probability (one margin for each direction). The event then names ``learned`` in
``evidence.rules`` (``modality``). Running the model needs no scikit-learn: weights by feature name,
read once per process.

**Not shipped** (session 22, eval/experiments.md "Learned modality (experiment)"; refitted on rounds 1-12 with
the v2 labels in session 27, "Session 27: modality2", still not shipped): no model file is
written and :func:`decide_modality` is hooked into no stage. The module holds the features and the
decision rule that ``tools/learned_modality.py`` measures, so that a model it writes runs the same
code (hook: after the side chooser, at the end of ``dateline.actors.resolution.redate_actors``).

Its :func:`features` ARE shipped: the learned act filter (:mod:`dateline.acts_model`, session 29) reads them at
run time (prefixed ``mod:``), so a change to them needs ``data/acts/model.json`` refitted (``make train-learned``).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Doc, Token

from .confidence import packaged_model
from .deferred import deferred_module
from .doc import doc_text, lower_ids, per_doc, sentence_span, sentences, trigger_head
from .newseval import country_level

MODEL_RESOURCE = "data/modality/model.json"
CLASSES = ("asserted", "negated", "intended", "hypothetical", "claimed")
#: Set by tools/learned_modality.py while it codes the training data: the rules' modality, unchanged.
DISABLED = False
#: The relations by which a governing word is followed up from the trigger (as events/modality.py does).
GOVERNING = ("xcomp", "ccomp", "pcomp", "conj", "advcl", "acl", "pobj", "prep", "relcl", "csubj")


def coded_class(event: dict[str, Any]) -> str:
    """The rules' modality in the labels' terms: negated first, the coder's ``reported`` as
    ``claimed``, its ``historical`` (undated background) kept apart."""
    if event.get("negated"):
        return "negated"
    m = str(event.get("modality") or "asserted")
    return {"reported": "claimed"}.get(m, m)


@cache
def _cue_kinds() -> dict[str, tuple[str, ...]]:
    """Word -> the cue kinds it belongs to (lexicon cues.tsv)."""
    from .lexicon import load_lexicon

    kinds: dict[str, list[str]] = defaultdict(list)
    for kind, words in load_lexicon().cues.items():
        for w in words:
            kinds[w].append(kind)
    return {w: tuple(sorted(k)) for w, k in kinds.items()}


def _cues(token: Token) -> set[str]:
    table = _cue_kinds()
    return set(table.get(token.lower_, ())) | set(table.get(token.lemma_.lower(), ()))


def _sentence_info(doc: Doc) -> dict[str, Any]:
    def build(d: Doc) -> dict[str, Any]:
        sents = sentences(d)
        return {"sents": sents, "n": len(sents)}
    return per_doc(doc, "modality_model.sentences", build)


def _by_span(doc: Doc) -> dict[tuple[int, ...], list[dict[str, Any]]]:
    """The Doc's events by trigger span (the other events the rules coded on the same trigger)."""
    def build(d: Doc) -> dict[tuple[int, ...], list[dict[str, Any]]]:
        out: dict[tuple[int, ...], list[dict[str, Any]]] = defaultdict(list)
        for e in d._.events or []:
            out[tuple(e.get("span") or ())].append(e)
        return dict(out)
    return per_doc(doc, "modality_model.by_span", build)


def _token_feats(out: dict[str, float], prefix: str, token: Token) -> None:
    """A token's own modality words: aux and modal verbs, marks, negation, adverbs with a cue."""
    for child in token.children:
        dep = child.dep_
        if dep in ("aux", "auxpass"):
            out[f"{prefix}aux={child.lower_}"] = 1.0
            if child.tag_ == "MD":
                out[f"{prefix}modal"] = 1.0
        elif dep == "neg" or (dep == "det" and child.lower_ == "no"):
            out[f"{prefix}neg"] = 1.0
        elif dep == "mark":
            out[f"{prefix}mark={child.lower_}"] = 1.0
        elif dep == "advmod" and _cues(child):
            out[f"{prefix}advmod={child.lower_}"] = 1.0
        elif dep in ("nsubj", "nsubjpass") and any(g.dep_ == "det" and g.lower_ == "no" for g in child.children):
            out[f"{prefix}neg_subject"] = 1.0
        if dep in ("aux", "auxpass", "mark", "advmod", "neg"):
            for kind in _cues(child):
                out[f"{prefix}cue_child={kind}"] = 1.0
    out[f"{prefix}tag={token.tag_}"] = 1.0


def _speaker_side(doc: Doc, verb: Token, event: dict[str, Any]) -> str:
    """Whether the subject of an attribution verb is one of the event's sides (its country)."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return "none"
    at = subject.idx
    sides = {role: country_level(event.get(role)) for role in ("source", "target")}
    for actor in doc._.actors or []:
        for m in actor.get("mentions") or []:
            if m["start"] <= at < m["end"]:
                country = country_level(actor)
                for role, side in sides.items():
                    if side not in ("NONE", "UNK") and country == side:
                        return role
                return "other"
    return "unknown"


#: :mod:`dateline.quotes.marks`, imported at its first use (the quotes package imports this module).
_marks = deferred_module("dateline.quotes.marks")


def features(doc: Doc, event: dict[str, Any]) -> dict[str, float]:
    """The features of one event (computed on the rules' modality, as in training)."""
    out: dict[str, float] = {}
    rules = ((event.get("evidence") or {}).get("rules") or {})
    for key in ("modality", "code", "trigger"):
        if key in rules:
            out[f"rule_{key}={rules[key]}"] = 1.0
    coded = coded_class(event)
    out[f"coded={coded}"] = 1.0
    cameo = str(event.get("cameo") or "")
    out[f"root={cameo[:2]}"] = 1.0
    out[f"plover={(event.get('plover') or {}).get('event')}"] = 1.0
    out[f"coded_root={coded}:{cameo[:2]}"] = 1.0
    for role in ("source", "target"):
        out[f"{role}={'none' if not event.get(role) else 'set'}"] = 1.0
    if event.get("background"):
        out["background"] = 1.0
    info = _sentence_info(doc)
    s = event.get("sentence")
    if isinstance(s, int):
        out[f"sent_pos={min(s, 5) if s < 5 else ('mid' if s < info['n'] - 3 else 'end')}"] = 1.0
    siblings = [e for e in _by_span(doc).get(tuple(event.get("span") or ()), []) if e is not event]
    for e in siblings:
        out[f"sibling={coded_class(e)}:{str(e.get('cameo') or '')[:2] == cameo[:2]}"] = 1.0
    trigger = trigger_head(doc, event)
    if trigger is None:
        out["no_trigger"] = 1.0
        return out
    out[f"pos={trigger.pos_}"] = 1.0
    out[f"dep={trigger.dep_}"] = 1.0
    _token_feats(out, "t_", trigger)
    sent = sentence_span(doc, trigger.i)  # (trigger.sent, without walking to its edges)
    text = doc_text(doc)[sent.start_char:sent.end_char]  # sent.text, not joined from its tokens again
    if text.rstrip().endswith("?"):
        out["question"] = 1.0
    marks = _marks()
    if marks.in_quotation(doc, trigger.idx):
        out["in_quote"] = 1.0  # the trigger is inside a quotation
    elif sent.start in marks.quoted_sentences(doc):
        out["quote_in_sentence"] = 1.0  # its sentence holds a quotation, the trigger is outside it
    # the words' lower cases as string ids, read once per Doc (no Token per word)
    lowers, strings = lower_ids(doc), doc.vocab.strings
    if strings["according"] in lowers[sent.start:sent.end]:
        out["according_to"] = 1.0
    conditions = {strings[word]: word for word in ("if", "unless")}
    for lower in lowers[sent.start:trigger.i]:
        if lower in conditions:
            out[f"cond_before={conditions[lower]}"] = 1.0
    token = trigger
    for depth in range(1, 4):
        if token.dep_ not in GOVERNING or token.head.i == token.i:
            if depth == 1:
                out[f"g1_none_dep={token.dep_}"] = 1.0
            break
        head = token.head
        out[f"g{depth}_dep={token.dep_}"] = 1.0
        out[f"g{depth}_lemma={head.lemma_.lower()}"] = 1.0
        out[f"g{depth}_pos={head.pos_}"] = 1.0
        for kind in _cues(head):
            out[f"g{depth}_cue={kind}"] = 1.0
            out[f"g_cue={kind}:{token.dep_}"] = 1.0
        _token_feats(out, f"g{min(depth, 2)}_", head)
        if head.pos_ in ("VERB", "AUX") and _cues(head) & {"report_verb", "speech_verb", "denial_verb"}:
            out[f"speaker={_speaker_side(doc, head, event)}"] = 1.0
            out[f"frame_lemma={head.lemma_.lower()}"] = 1.0
        token = head
    return out


#: The features that name a word (a model written with ``meta.no_lemmas`` has none of them: :func:`strip_lemmas`).
LEMMA_KEYS = ("g1_lemma=", "g2_lemma=", "g3_lemma=", "frame_lemma=")


def strip_lemmas(feats: dict[str, float]) -> dict[str, float]:
    """The features with no word named: the governing and frame lemmas dropped, the trigger's lexicon
    entry kept as its table only (``rule_trigger=verbs.tsv:strike`` becomes ``rule_trigger=verbs.tsv``),
    so that a model cannot learn one word's news away."""
    out = {}
    for k, v in feats.items():
        if k.startswith(LEMMA_KEYS):
            continue
        if k.startswith("rule_trigger="):
            k = k.split(":", 1)[0]
        out[k] = v
    return out


@dataclass
class ModalityModel:
    """A multinomial logistic regression: weights by class and feature name, intercepts, margins."""

    weights: dict[str, dict[str, float]]
    intercept: dict[str, float]
    margin: dict[str, float]  # "to_asserted", "from_asserted"
    meta: dict[str, Any] = field(default_factory=dict)

    def probs(self, feats: dict[str, float]) -> dict[str, float]:
        z = {c: self.intercept[c] + sum(w.get(k, 0.0) * v for k, v in feats.items()) for c, w in self.weights.items()}
        top = max(z.values())
        e = {c: math.exp(v - top) for c, v in z.items()}
        total = sum(e.values())
        return {c: v / total for c, v in e.items()}

    def choose(self, feats: dict[str, float], coded: str) -> str:
        if self.meta.get("no_lemmas"):
            feats = strip_lemmas(feats)
        return choose(self.probs(feats), coded, self.margin)

    def may_change(self, coded: str) -> bool:
        """Whether :func:`choose` can change an event the rules coded ``coded`` (its features are
        computed only then)."""
        return ("from_asserted" in self.margin) if coded == "asserted" else ("to_asserted" in self.margin)

    def to_dict(self) -> dict[str, Any]:
        return {"weights": self.weights, "intercept": self.intercept, "margin": self.margin, "meta": self.meta}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ModalityModel:
        return cls({c: {str(k): float(v) for k, v in w.items()} for c, w in data["weights"].items()},
                   {c: float(v) for c, v in data["intercept"].items()},
                   {k: float(v) for k, v in data["margin"].items()}, dict(data.get("meta", {})))


def choose(probs: dict[str, float], coded: str, margin: dict[str, float]) -> str:
    """The model's modality where it decides whether the event counts (asserted on one side only) and
    beats the rules' by more than that direction's margin; else the rules' ``coded``. A model may also
    know the class ``non-act`` (the labels' events that are no act): it takes probability from the others
    and is never chosen."""
    best = max(probs, key=lambda c: probs[c])
    if best == coded or best not in CLASSES or (best != "asserted" and coded != "asserted"):
        return coded
    key = "to_asserted" if best == "asserted" else "from_asserted"
    if key not in margin:
        return coded
    return best if probs[best] - probs.get(coded, 0.0) > margin[key] else coded


@cache
def shipped_model() -> ModalityModel | None:
    """The model shipped in the package (None when there is none)."""
    return packaged_model(MODEL_RESOURCE, ModalityModel)


def set_modality(event: dict[str, Any], chosen: str) -> None:
    """Give the event the model's modality and name the model in ``evidence.rules``."""
    if chosen == "negated":
        event["negated"] = True
    else:
        event["negated"] = False
        event["modality"] = {"claimed": "reported"}.get(chosen, chosen)
    evidence = event.setdefault("evidence", {})
    evidence["rules"] = {**evidence.get("rules", {}), "modality": "learned"}


def decide_modality(doc: Doc, model: ModalityModel | None = None) -> Doc:
    """Re-decide, with the model, whether each event of the Doc is asserted (:func:`choose`)."""
    model = model or (None if DISABLED else shipped_model())
    if model is None or not doc._.events:
        return doc
    coded = [coded_class(event) for event in doc._.events]
    chosen = [model.choose(features(doc, event), c) if model.may_change(c) else c
              for event, c in zip(doc._.events, coded)]
    for event, old, new in zip(doc._.events, coded, chosen):  # every event's features on the rules' modality first
        if new != old:
            set_modality(event, new)
    return doc
