"""A learned act filter (issue 11, session 29): P(the event is a real act the text asserts).

A third of the counted events are not real asserted acts by the labels of ``eval/news`` (no act, or claimed,
hypothetical, intended, negated). This model estimates, for each asserted, not negated event, the probability
that it is a real act told as done (``dateline.newseval.real_act``; root and sides do not matter), from the
confidence model's event features (:func:`dateline.confidence.event_features`, prefixed ``conf:``) and the
learned modality experiment's generic features (:func:`dateline.modality_model.features`: the governing words
and their cues, quotation, conditionals; prefixed ``mod:``) and, on a statement, what was said and where its target
is named in it (:func:`statement_features`, prefixed ``stmt:``; session 30) and the parser's token vectors
(:mod:`dateline.dense`: the trigger's, the sentence mean, the source's and target's heads; ``vtrig:`` ``vsent:``
``vsrc:`` ``vtgt:``; session 31), standardised by the means and factors the model file stores (``dense``, format 2);
the sets a model reads are its ``meta.features`` (an older model: :data:`DEFAULT_SETS`). An event below the model's ``threshold`` is not
counted (:func:`dateline.confidence.is_counted`): it stays in the output, with ``evidence.act_filter``
``{"p": ..., "threshold": ...}`` saying why. Every scored event keeps its probability in ``evidence.learned.act_p``.

It is fitted by ``tools/learned_acts.py --write`` (``make train-learned``) on the counted train events of every
labelled train round but the blind ones; the threshold is chosen on cross-fitted train (eval/sessions/29.md "Session
29: actfilter"). Running it needs no scikit-learn: a dot product over the stored weights.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

from . import modality_model
from .dense import Standardiser
from .doc import trigger_head
from .events.codes import _actor_word
from .errors import ModelError
from .lexicon import load_lexicon
from .confidence import ACT_FILTER_KEY, DocContext, event_features, is_counted, leave_learned, packaged_model, sigmoid

MODEL_RESOURCE = "data/acts/model.json"
#: Set by tools/learned_acts.py while it codes its training data: no event is filtered.
DISABLED = False
#: The key of ``evidence`` on an event the filter un-counts (defined with the rule that reads it).
EVIDENCE_KEY = ACT_FILTER_KEY


def _modality_features(event: dict[str, Any], doc: Doc, context: DocContext | None = None) -> dict[str, float]:
    return modality_model.features(doc, event)


def _statement_features(event: dict[str, Any], doc: Doc, context: DocContext | None = None) -> dict[str, float]:
    return statement_features(event, doc)


def _dense(block: str) -> Callable[[dict[str, Any], Doc, DocContext | None], dict[str, float]]:
    def compute(event: dict[str, Any], doc: Doc, context: DocContext | None = None) -> dict[str, float]:
        from . import dense

        # unprefixed here (features() prefixes the set's name, v<block>, as dense.named does)
        return {k.split(":", 1)[1]: v for k, v in dense.named(dense.arrays(event, doc, (block,))).items()}
    return compute


#: The act filter's feature sets, by the name that prefixes each set's features (``conf:...``) in :func:`features`,
#: in the order they are joined: the confidence's event features, the modality experiment's, and (on a statement
#: only) :func:`statement_features`. The one definition of what the sets are: ``tools/learned_acts.py`` codes its
#: rows (:func:`feature_sets`) and checks ``--features`` by these names.
FEATURE_SETS: dict[str, Callable[[dict[str, Any], Doc, DocContext | None], dict[str, float]]] = {
    "conf": event_features, "mod": _modality_features, "stmt": _statement_features,
    # session 31 (dense): the parser's token vectors (dateline.dense), raw; the model standardises them
    **{f"v{block}": _dense(block) for block in ("trig", "sent", "src", "tgt")}}
#: The sets a model without ``meta.features`` reads (every model written before session 31).
DEFAULT_SETS: tuple[str, ...] = ("conf", "mod", "stmt")


def check_sets(sets: tuple[str, ...]) -> tuple[str, ...]:
    """``sets``, or a :class:`~dateline.errors.ModelError` naming a set that :data:`FEATURE_SETS` does not
    compute (a model file from a newer tool would otherwise score without those weights)."""
    unknown = [s for s in sets if s not in FEATURE_SETS]
    if unknown:
        raise ModelError("E313", path=MODEL_RESOURCE,
                         detail=f"sets {', '.join(unknown)} unknown (known: {', '.join(FEATURE_SETS)})")
    return sets


def feature_sets(event: dict[str, Any], doc: Doc, context: DocContext | None,
                 sets: tuple[str, ...]) -> dict[str, dict[str, float]]:
    """Each set of ``sets`` (names of :data:`FEATURE_SETS`) of one event, unprefixed, by the set's name. Named
    explicitly by every caller: a dense set (``v...``) recomputes the parser's tensor on a cached Doc."""
    return {name: FEATURE_SETS[name](event, doc, context) for name in sets}


def features(event: dict[str, Any], doc: Doc, context: DocContext | None, sets: tuple[str, ...]) -> dict[str, float]:
    """The model's features of one event for the sets it reads (``model.sets``): the confidence's (``conf:``), the
    modality features (``mod:``) and, on a statement, the statement features (``stmt:``), and any dense block named
    in ``sets`` (``vtrig:`` ...): :data:`FEATURE_SETS`, each feature prefixed by its set's name."""
    out: dict[str, float] = {}
    for name, values in feature_sets(event, doc, context, sets).items():
        out.update({f"{name}:{k}": v for k, v in values.items()})
    return out


#: Auxiliaries of the said clause read as its tense (:func:`statement_features`).
_PERFECT = frozenset({"had", "has", "have", "'d", "’d"})
_MODAL_FUTURE = frozenset({"will", "would", "'ll", "’ll", "shall"})


def statement_features(event: dict[str, Any], doc: Doc) -> dict[str, float]:
    """What a statement says and whom it is aimed at, for the act filter (session 30, branch ``stmt3``): most
    counted statements the labels call no act relay a fact (docs/annotation.md D1a: "the minister said 40 people
    had died"), are made by a speaker who is no political actor (D1d, D10b), or are aimed at an actor that is only
    a topic of what was said (D10a: "said the talks would help Canadian workers").

    Applies to an event whose trigger's head is a verb (``pos_`` VERB) that is a speech verb (cue
    ``speech_verb``, whatever its code) or is coded a statement (CAMEO 01x, whatever the verb); empty (``{}``)
    for every other event, nouns included. The said clause is the verb's clausal complement (``ccomp``,
    ``xcomp``), else, on a speech verb that is itself a ``parataxis`` ("“...,” he said"), the verb it hangs from.
    The features (each 1.0):

    * ``statement``: on every statement;
    * ``tense=<t>``: the said clause's tense by its auxiliaries and tag, the first that holds: ``passive`` (an
      ``auxpass``), ``future`` (will, would, 'll, shall), ``modal`` (another modal), ``perfect_past`` (had or 'd
      with a past participle), ``perfect`` (has or have with one), ``past`` (VBD), ``present`` (anything else);
      ``none`` when there is no said clause;
    * ``said_lemma=<lemma>`` (lower case) and ``said_negated`` (a ``neg`` on it): only with a said clause;
    * ``tgt=<place>``: where the target's words are, found by its text in the trigger's sentence: ``none`` (the
      event has no target text), ``outside`` (not in the sentence, or not in the said clause), ``addressee``
      (the speech verb's object or dative), ``speaker_side`` (another dependant of the speech verb itself, e.g.
      its subject or a prepositional phrase), ``clause_subject`` (the said clause's subject), ``modifier_actor``
      / ``modifier_thing`` (a word modifying a noun, ``amod``/``compound``/``poss``/``nmod``, that can / cannot
      name an actor, ``events.codes._actor_word``), ``pobj:<preposition>``, ``object`` (a ``dobj`` or
      ``attr`` in the clause), ``other`` (any other place inside the clause);
    * ``speaker_named=True`` / ``speaker_named=False``: whether the speech verb's subject phrase holds a PERSON
      or ORG entity; absent when the verb has no subject.

    Read by the act filter as ``stmt:<feature>`` (:func:`features`, feature set ``stmt``); the shipped filter is
    fitted with them (``make train-learned``), so a change here needs ``data/acts/model.json`` refitted."""
    lex = load_lexicon()
    trigger = trigger_head(doc, event)
    cameo = str(event.get("cameo") or "")
    if trigger is None or trigger.pos_ != "VERB" or (trigger.lemma_ not in lex.cue("speech_verb") and cameo[:2] != "01"):
        return {}
    out: dict[str, float] = {"statement": 1.0}
    said = next((c for c in trigger.children if c.dep_ in ("ccomp", "xcomp")), None)
    if said is None and trigger.dep_ == "parataxis" and trigger.head != trigger:
        said = trigger.head  # "“...,” he said": the quotation's verb governs the speech verb
    if said is None:
        out["tense=none"] = 1.0
    else:
        aux = {c.text.lower() for c in said.children if c.dep_ in ("aux", "auxpass")}
        if any(c.dep_ == "auxpass" for c in said.children):
            tense = "passive"
        elif aux & _MODAL_FUTURE:
            tense = "future"
        elif any(c.dep_ == "aux" and c.tag_ == "MD" for c in said.children):
            tense = "modal"
        elif aux & _PERFECT and said.tag_ == "VBN":
            tense = "perfect_past" if aux & {"had", "'d", "’d"} else "perfect"
        elif said.tag_ == "VBD":
            tense = "past"
        else:
            tense = "present"
        out[f"tense={tense}"] = 1.0
        out[f"said_lemma={said.lemma_.lower()}"] = 1.0
        if any(c.dep_ == "neg" for c in said.children):
            out["said_negated"] = 1.0
    out[f"tgt={_target_place(event, trigger, said, lex, _actor_word)}"] = 1.0
    subject = next((c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None:
        named = any(t.ent_type_ in ("PERSON", "ORG") for t in subject.subtree)
        out[f"speaker_named={named}"] = 1.0
    return out


def _target_place(event: dict[str, Any], trigger: Any, said: Any, lex: Any, actor_word: Any) -> str:
    """Where a statement's target is named (:func:`statement_features`), found by its words in the sentence."""
    text = str((event.get("target") or {}).get("text") or "")
    if not text:
        return "none"
    token = _target_token(text, trigger, said)
    if token is None:
        return "outside"
    if token.head == trigger:
        return "addressee" if token.dep_ in ("dobj", "dative") else "speaker_side"
    if said is None or not (said.left_edge.i <= token.i <= said.right_edge.i):
        return "outside"
    if token.dep_ in ("nsubj", "nsubjpass") and token.head == said:
        return "clause_subject"
    head = token
    while head.dep_ in ("amod", "compound", "poss", "nmod") and head.head != head:
        head = head.head
    if head is not token:
        return "modifier_actor" if actor_word(head, lex) else "modifier_thing"
    if token.dep_ == "pobj" and token.head.pos_ == "ADP":
        return f"pobj:{token.head.text.lower()}"
    return "object" if token.dep_ in ("dobj", "attr") else "other"


def _target_token(text: str, trigger: Any, said: Any) -> Any:
    """The root token of the target's words in the trigger's sentence: whole words only ("Iran" is not found in
    "Iranian"), the mention inside the said clause first, then one after the trigger, then the first; None when the
    sentence does not name it in those words (a side filled in from elsewhere)."""
    from .doc import word_spans

    spans = word_spans(trigger.sent, text)
    if not spans:
        return None
    if said is not None:
        inside = [span for span in spans if said.left_edge.i <= span.root.i <= said.right_edge.i]
        if inside:
            return inside[0].root
    after = [span for span in spans if span.start > trigger.i]
    return (after or spans)[0].root


@dataclass
class ActsModel:
    """Logistic regression weights by feature name, and the threshold below which an event is not counted."""

    weights: dict[str, float]
    intercept: float
    threshold: float
    meta: dict[str, Any] = field(default_factory=dict)
    #: The dense features' train means and factors (session 31; empty: the model reads no dense block).
    dense: Standardiser = field(default_factory=lambda: Standardiser({}))

    @property
    def sets(self) -> tuple[str, ...]:
        """The feature sets the model reads (``meta.features``; :data:`DEFAULT_SETS` for an older model)."""
        return tuple(self.meta.get("features") or DEFAULT_SETS)

    def prob(self, feats: dict[str, float]) -> float:
        w = self.weights
        if self.dense.params:
            feats = self.dense.apply(feats)
        return sigmoid(self.intercept + sum([w[k] * v for k, v in feats.items() if k in w]))

    def to_dict(self) -> dict[str, Any]:
        out = {"format": 2 if self.dense.params else 1, "meta": self.meta, "intercept": self.intercept,
               "threshold": self.threshold, "weights": dict(sorted(self.weights.items()))}
        if self.dense.params:  # format 2: per dense feature [train mean, factor] (dateline.dense.Standardiser)
            out["dense"] = self.dense.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ActsModel:
        meta = dict(data.get("meta", {}))
        check_sets(tuple(meta.get("features") or DEFAULT_SETS))  # a set run time does not compute: refuse the file
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data["intercept"]),
                   float(data.get("threshold", 0.0)), meta, Standardiser.from_dict(data.get("dense")))


@cache
def shipped_model() -> ActsModel | None:
    """The model shipped in the package (None when there is none)."""
    return packaged_model(MODEL_RESOURCE, ActsModel)


def filter_acts(doc: Doc, model: ActsModel | None = None, context: DocContext | None = None) -> Doc:
    """Score every asserted, not negated event of the Doc (``evidence.learned.act_p``) and mark those below the
    model's threshold (``evidence.act_filter``), which :func:`dateline.confidence.is_counted` then does not count."""
    model = model or (None if DISABLED else shipped_model())
    if model is None or not doc._.events:
        return doc
    context = context or DocContext.of(doc)
    for event in doc._.events:
        if not is_counted(event, 0.0) or not isinstance(event.get("evidence", {}), dict):
            continue  # only what would count: asserted, not negated (the filter runs before the confidence)
        p = model.prob(features(event, doc, context, model.sets))
        leave_learned(event, {"act_p": p})
        if p < model.threshold:
            # rounded down, so the shown p stays below the threshold it was cut at
            event.setdefault("evidence", {})[EVIDENCE_KEY] = {"p": math.floor(p * 1e4) / 1e4, "threshold": model.threshold}
    return doc
