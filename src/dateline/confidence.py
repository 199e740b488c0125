"""Confidence: how far to trust an event, learned from labelled real news.

``confidence`` is the estimated probability that an event is a real act, asserted by the text, with
the right CAMEO root and the right source and target countries (the labels of ``eval/news``, see
docs/annotation.md). It comes from a logistic regression over features of the event, its trigger's
parse, its sides and its sentence, trained on the train split (``dateline train``) and calibrated on
the dev split (stored as a table of points, interpolated linearly: isotonic steps in the shipped model; Platt
scaling from the next refit, :func:`dateline.train.calibration_table`, session 37, whose model names it in
``meta.calibration``). The model is a small JSON file shipped in the package (``data/confidence/model.json``): weights by feature name, so that running it needs no
machine-learning library, only a dot product.

``counted`` is the one definition of what the default export and the scores count (:func:`is_counted`): asserted,
not negated, not un-counted by the learned act filter (``evidence.act_filter``, :mod:`dateline.acts_model`, run
at the start of this stage) nor by a rule gate (``evidence.rules.gate``, :data:`GATE_KEY`:
:func:`dateline.actors.countries.gate_statements`: ``domestic_statement``, ``unplaced_statement``,
``private_statement``, ``unplaced_intent``, ``domestic_agenda``, ``placeless_journey``, ``unvoiced_question``,
``anonymous_source``,
``electoral_routine``,
``private_cooperation``, ``unarmed_protection``, ``caused_outcome``, ``figurative_violence``, and the page-furniture gates
``headline_line``, ``furniture_label``, ``repeated_sentence``, ``caption_credit``, ``doubled_paragraph``, ``photo_credit``), and confidence at or above the model's threshold (chosen on dev, see eval/README.md).
"""

from __future__ import annotations

import bisect
import json
import math
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Final, Protocol, TypeVar

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from .doc import sentence_bounds, sentence_of, trigger_head
from .kb import CAMEO_TRANSNATIONAL
from .lang.en import SUBJECT_PRONOUNS
from .syntax import is_text_noun

MODEL_RESOURCE = "data/confidence/model.json"


def side_features(name: str, actor: dict[str, Any] | None) -> dict[str, float]:
    if not actor:
        return {f"{name}=none": 1.0}
    out = {f"{name}=some": 1.0}
    code = actor.get("code") or ""
    out[f"{name}_coded={bool(code)}"] = 1.0
    out[f"{name}_country={bool(actor.get('country'))}"] = 1.0
    if actor.get("sector"):
        out[f"{name}_sector={actor['sector']}"] = 1.0
    elif code and len(code) >= 6:
        out[f"{name}_sector={code[3:6]}"] = 1.0
    if code[:3] in CAMEO_TRANSNATIONAL:
        out[f"{name}_transnational"] = 1.0
    if actor.get("evidence"):
        out[f"{name}_by_rule"] = 1.0
    words = str(actor.get("text") or "").split()
    if len(words) == 1 and words[0].lower() in SUBJECT_PRONOUNS:
        out[f"{name}_pronoun"] = 1.0
    return out


@dataclass
class DocContext:
    """What the features need to know about the whole Doc, computed once per Doc."""

    sentences: int
    events_per_sentence: dict[int, int]
    #: The start token of every sentence that holds a quotation or sits inside one (feature ``quote_marks``:
    #: :func:`dateline.quotes.marks.quoted_sentences`, found once per Doc for the root correction and the
    #: confidence stage).
    quoted_sentences: frozenset[int] = frozenset()
    #: When given, each event's :func:`event_features` by the event's ``id`` (with the event, which keeps the id
    #: its own), worked out once: :func:`score_events` keeps them, as its act filter and the confidence read the
    #: features of the same events, which the filter changes in nothing the features read (None: worked out on
    #: every call, for callers that change the events in between)
    features: dict[int, tuple[dict[str, Any], dict[str, float]]] | None = None

    @classmethod
    def of(cls, doc: Doc) -> DocContext:
        per: dict[int, int] = {}
        for event in doc._.events or []:
            index = int(event.get("sentence") or 0)
            per[index] = per.get(index, 0) + 1
        starts, _ = sentence_bounds(doc)
        from .quotes.marks import quoted_sentences  # imported here, as the quotes package imports this one
        return cls(len(starts), per, quoted_sentences(doc))


def event_features(event: dict[str, Any], doc: Doc, context: DocContext | None = None) -> dict[str, float]:
    """Sparse features of one event (names -> values), from the event and the parse around it (once per event
    when the context keeps them, :attr:`DocContext.features`: the dict is then shared, read it only)."""
    context = context or DocContext.of(doc)
    if context.features is None:
        return _event_features(event, doc, context)
    held = context.features.get(id(event))
    if held is None or held[0] is not event:
        held = context.features[id(event)] = (event, _event_features(event, doc, context))
    return held[1]


#: Code rules of ``events.codes.root_rule`` that recode a statement by what it says but leave it the statement it is,
#: for the scoring here and for the statement gates (``actors.countries._plain_statement``): praise said in a statement
#: (``_praise_in_statement``, 051; session 53, hO). Its confidence features are those of the plain statement, 010 by
#: the verb's lexicon entry (``_verb_entry``), the learned root correction leaves it the probability and margin of
#: the statement's root (``roots_model.correct_roots``), and a domestic, unplaced or private speaker's praise is gated
#: as its plain statements are: the root changes, whether the statement counts does not (docs/annotation.md D1a, D6).
PLAIN_STATEMENT_RULES: Final = frozenset({"_praise_in_statement"})

#: The confidence at or above which an act the events stage left ``reported`` only because it sits in a clause
#: beside a main act (``evidence.rules.modality`` ``_subordinate``: a relative clause, a participle, a complement) is
#: asserted, rule ``_confident_clause`` (session 55). The confidence is the learned estimate that the event is a real
#: act with the right root and sides, scored with the ``reported`` modality among its features. On train's read half
#: the subordinate acts it rates at 0.4 or more were right 13 times in 15 once counted (the counted events: 0.46); those
#: at 0.35-0.4 about one time in two, all of them 0.13 (eval/sessions/55.md).
CONFIDENT_CLAUSE: Final = 0.4
#: The name in ``evidence.rules.modality`` of an act asserted by :func:`confident_clause`.
CONFIDENT_CLAUSE_RULE: Final = "_confident_clause"


def _event_features(event: dict[str, Any], doc: Doc, context: DocContext) -> dict[str, float]:
    cameo = str(event.get("cameo") or "")
    evidence: dict[str, Any] = event["evidence"] if isinstance(event.get("evidence"), dict) else {}
    rules = dict(evidence.get("rules") or {})
    if rules.get("code") in PLAIN_STATEMENT_RULES:  # scored as the plain statement it is (:data:`PLAIN_STATEMENT_RULES`)
        cameo, rules["code"] = "010", "_verb_entry"
    modality = event.get("modality")
    if rules.get("modality") == CONFIDENT_CLAUSE_RULE:  # scored as the subordinate act it was (:func:`confident_clause`)
        modality, rules["modality"] = "reported", "_subordinate"
    out: dict[str, float] = {f"root={cameo[:2]}": 1.0, f"cameo={cameo}": 1.0,
                             f"modality={modality}": 1.0}
    if event.get("negated"):
        out["negated"] = 1.0
    if event.get("reciprocal"):
        out["reciprocal"] = 1.0
    if event.get("quote") is not None:
        out["in_quote"] = 1.0
    for decision, rule in rules.items():
        if decision != MODALITY_CUE_KEY:  # (an explanation of the modality rule's decision, no feature)
            out[f"rule:{decision}={rule}"] = 1.0  # the rule or lexicon entry behind each decision
    if evidence.get("kind"):
        out[f"completed={evidence['kind']}"] = 1.0
    out[f"date={(event.get('date') or {}).get('source')}"] = 1.0
    out.update(side_features("src", event.get("source")))
    out.update(side_features("tgt", event.get("target")))
    src, tgt = event.get("source") or {}, event.get("target") or {}
    if src.get("country") and src.get("country") == tgt.get("country"):
        out["same_country"] = 1.0
    head = trigger_head(doc, event)
    if head is not None:
        out[f"lemma={head.lemma_.lower()}"] = 1.0
        out[f"pos={head.pos_}"] = 1.0
        out[f"dep={head.dep_}"] = 1.0
        out[f"tag={head.tag_}"] = 1.0
        sent_start, sent_end = sentence_of(doc, head.i)  # (head.sent's bounds, without the Span)
        out["sentence_tokens"] = min((sent_end - sent_start) / 40.0, 3.0)
        out["trigger_at"] = (head.i - sent_start) / max(sent_end - sent_start, 1)
        if sent_start in context.quoted_sentences:
            out["quote_marks"] = 1.0
        if any(t.dep_ == "neg" for t in head.children):
            out["neg_child"] = 1.0
        if any(t.tag_ == "MD" for t in head.children):
            out["modal_child"] = 1.0
        if head.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "acl"):
            out["subordinate"] = 1.0
    index = int(event.get("sentence") or 0)
    out["first_sentence"] = 1.0 if index == 0 else 0.0
    out["sentence_index"] = min(index / 20.0, 3.0)
    out["position"] = index / max(context.sentences, 1)
    out["events_in_sentence"] = min(context.events_per_sentence.get(index, 1) / 4.0, 3.0)
    return {k: v for k, v in out.items() if v}


#: The probabilities the learned side chooser and root correction leave in ``evidence.learned``
#: (:func:`dateline.sides_model.rank_sides`, :func:`dateline.roots_model.correct_roots`).
LEARNED_KEYS = ("source_p", "source_margin", "target_p", "target_margin", "root_p", "root_margin")


def logit(p: float) -> float:
    """log(p / (1 - p)), with p kept inside [1e-6, 1 - 1e-6]."""
    p = min(max(float(p), 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def sigmoid(z: float) -> float:
    """The logistic function, with z kept inside [-40, 40]."""
    return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


def chosen_margin(probs: dict[str, float], chosen: str) -> tuple[float, float]:
    """A learned component's probability of what it chose and its margin over the best other choice
    (the probability itself when there is none)."""
    mine = probs.get(chosen, 0.0)
    return mine, mine - max((p for c, p in probs.items() if c != chosen), default=0.0)


def leave_learned(event: dict[str, Any], values: dict[str, float]) -> None:
    """Add a learned component's probabilities to the event's ``evidence.learned``, rounded to 4 places: the
    keys of :data:`LEARNED_KEYS` are what :func:`learned_features` reads; the act filter's ``act_p``
    (:mod:`dateline.acts_model`) is shown there too but is no feature of the confidence."""
    if values and isinstance(event.get("evidence", {}), dict):
        evidence = event.setdefault("evidence", {})
        evidence["learned"] = {**evidence.get("learned", {}), **{k: round(v, 4) for k, v in values.items()}}


def learned_features(event: dict[str, Any]) -> dict[str, float]:
    """The learned components' own probabilities for what they chose and their margins over the best
    alternative (``evidence.learned``), as features of the model's second stage (``learned:<key>``);
    absent where the component did not run on the event (the root correction runs only on asserted,
    not negated events)."""
    evidence = event.get("evidence")
    learned = evidence.get("learned") if isinstance(evidence, dict) else None
    if not isinstance(learned, dict):
        return {}
    return {f"learned:{k}": float(learned[k]) for k in LEARNED_KEYS if isinstance(learned.get(k), (int, float))}


@dataclass
class Stage:
    """The second stage: a logistic regression over logit(the first stage's probability) and the learned
    components' probabilities (:func:`learned_features`), fitted on train articles those components were
    not fitted on (dateline.train)."""

    base: float
    weights: dict[str, float]
    intercept: float

    def raw(self, p: float, learned: dict[str, float]) -> float:
        w = self.weights
        return sigmoid(self.intercept + self.base * logit(p) + sum([w[k] * v for k, v in learned.items() if k in w]))


@dataclass
class Model:
    """A trained confidence model: logistic regression weights and a calibration table (points of raw and
    calibrated probability, interpolated linearly: isotonic steps in the shipped model, Platt scaling from the next
    refit, whose ``meta.calibration`` says "platt")."""

    weights: dict[str, float]
    intercept: float
    calibration_x: list[float] = field(default_factory=list)  # raw probabilities, ascending
    calibration_y: list[float] = field(default_factory=list)  # calibrated probabilities
    threshold: float = 0.0
    meta: dict[str, Any] = field(default_factory=dict)
    #: The second stage over the learned components' margins (None: the first stage alone is calibrated).
    stage: Stage | None = None

    def raw(self, features: dict[str, float], learned: dict[str, float] | None = None) -> float:
        """The uncalibrated probability: the first stage's, then the second stage's when there is one."""
        p = self.raw1(features)
        return p if self.stage is None else self.stage.raw(p, learned or {})

    def raw1(self, features: dict[str, float]) -> float:
        w = self.weights
        # the features with a weight, in the features' order (one without adds 0.0, which changes no sum)
        return sigmoid(self.intercept + sum([w[k] * v for k, v in features.items() if k in w]))

    def calibrate(self, p: float) -> float:
        xs, ys = self.calibration_x, self.calibration_y
        if not xs:
            return p
        i = bisect.bisect_right(xs, p)
        if i == 0:
            return ys[0]
        if i == len(xs):
            return ys[-1]
        x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
        return y0 if x1 == x0 else y0 + (y1 - y0) * (p - x0) / (x1 - x0)

    def predict(self, features: dict[str, float], learned: dict[str, float] | None = None) -> float:
        return self.calibrate(self.raw(features, learned))

    def to_dict(self) -> dict[str, Any]:
        out = {"format": 1, "meta": self.meta, "intercept": self.intercept, "threshold": self.threshold,
               "calibration": {"x": self.calibration_x, "y": self.calibration_y},
               "weights": dict(sorted(self.weights.items()))}
        if self.stage is not None:
            out["stage"] = {"base": self.stage.base, "intercept": self.stage.intercept,
                            "weights": dict(sorted(self.stage.weights.items()))}
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Model:
        cal = data.get("calibration") or {}
        stage = data.get("stage")
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data["intercept"]),
                   [float(x) for x in cal.get("x", [])], [float(y) for y in cal.get("y", [])],
                   float(data.get("threshold", 0.0)), dict(data.get("meta", {})),
                   None if not stage else Stage(float(stage["base"]), {str(k): float(v) for k, v in stage["weights"].items()},
                                                float(stage["intercept"])))


class _FromDict(Protocol):
    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Any: ...


_M = TypeVar("_M", bound=_FromDict)


def packaged_model(resource: str, kind: type[_M]) -> _M | None:
    """A learned component's model as shipped in the package: ``kind.from_dict`` of the JSON file at
    ``resource`` (under ``dateline/``), or None when the package has none. The one loader of the
    confidence, side chooser, root correction, act filter and modality models (each caches its own)."""
    file = resources.files("dateline").joinpath(resource)
    if not file.is_file():
        return None
    return kind.from_dict(json.loads(file.read_text(encoding="utf-8")))


@cache
def shipped_model() -> Model | None:
    """The model shipped in the package (None before one is trained)."""
    return packaged_model(MODEL_RESOURCE, Model)


#: The key of ``evidence`` on an event the learned act filter un-counts (:mod:`dateline.acts_model` writes it).
ACT_FILTER_KEY = "act_filter"

#: The key of ``evidence.rules`` naming the modality cue rules (session 42: ``negating_verb``, ``cancelling_verb``,
#: ``rather_than``, ``neither_subject``, ``indirect_question``, ``pending_clause``, ``possibility_noun``,
#: ``proposed_event``, ``proposal_verb``, ``unaffirmed_clause``, ``extraposed``; session 44: ``prospect_adjective``,
#: ``directive_verb``; joined by "+") inside ``_modality`` or ``_noun_modality`` that made the event not asserted or
#: negated (``events.modality._note``). An explanation only: :func:`event_features` skips it, so the confidence, the
#: act filter and the root correction read what they read.
MODALITY_CUE_KEY: Final = "modality_cue"

#: The key of ``evidence.rules`` naming the rule gate that un-counts an event after its sides are chosen
#: (``domestic_statement``, ``unplaced_statement``, ``unplaced_intent``:
#: :func:`dateline.actors.countries.gate_statements`).
GATE_KEY = "gate"


def uncounted_by(event: dict[str, Any], threshold: float | None = None) -> str | None:
    """What keeps an event out of the count, checked in this order: ``not asserted``, ``negated``, ``act filter``
    (``evidence.act_filter``), ``gate <name>`` (``evidence.rules.gate``), ``confidence`` (below ``threshold``); None
    when it is counted. With no ``threshold`` (the pages and the report, on a stored row already known not counted)
    what is left is its confidence."""
    stored = event.get("evidence")
    evidence: dict[str, Any] = stored if isinstance(stored, dict) else {}
    gate = (evidence.get("rules") or {}).get(GATE_KEY)
    confidence = event.get("confidence")
    if event.get("modality") != "asserted":
        return "not asserted"
    if event.get("negated"):
        return "negated"
    if evidence.get(ACT_FILTER_KEY):
        return "act filter"
    if gate:
        return f"gate {gate}"
    if threshold is None or (confidence is not None and confidence < threshold):
        return "confidence"
    return None


def is_counted(event: dict[str, Any], threshold: float) -> bool:
    """The one definition of a counted event (:func:`uncounted_by` finds nothing): asserted, not negated, not
    un-counted by the learned act filter (``evidence.act_filter``, :mod:`dateline.acts_model`) nor by a rule gate
    (``evidence.rules.gate``: :func:`dateline.actors.countries.gate_statements`), confidence at or above
    ``threshold``."""
    return uncounted_by(event, threshold) is None


def apply_min_confidence(record: dict[str, Any], threshold: float | None, *, drop: bool) -> dict[str, Any]:
    """A coded record under a user's ``--min-confidence``: every event's ``counted`` is decided at
    ``threshold`` instead of the model's; with ``drop`` (extract's output) events below it are left
    out, without it (ingest) they are kept with ``counted: false``, so nothing is lost from the store.
    Returns the record (changed in place); a rejection line or ``threshold`` None is returned as is."""
    events = record.get("events")
    if threshold is None or not isinstance(events, list):
        return record
    for event in events:
        event["counted"] = is_counted(event, threshold)
    if drop:
        record["events"] = [e for e in events
                            if e.get("confidence") is None or float(e["confidence"]) >= threshold]
    return record


def confident_clause(event: dict[str, Any], doc: Doc) -> bool:
    """Whether ``event`` is a subordinate act (``reported`` under ``_subordinate``, not negated) whose confidence
    reaches :data:`CONFIDENT_CLAUSE`: the confidence stage then asserts it (``_confident_clause``). Not a participle
    or gerund adjunct of a verb (``advcl``: "opened fire, killing one and arresting 12"), which tells the manner of the
    main act, nor a verb coordinated with one: the gold codes the main act alone there (docs/annotation.md D14). Nor a
    relative clause or a participle on a written or spoken text ("a film criticising the president"): the events
    stage decides whose act that is (``events.triggers._speaking_document``)."""
    stored = event.get("evidence")
    rules = (stored.get("rules") if isinstance(stored, dict) else None) or {}
    confidence = event.get("confidence")
    if not (event.get("modality") == "reported" and not event.get("negated")
            and rules.get("modality") == "_subordinate" and confidence is not None
            and float(confidence) >= CONFIDENT_CLAUSE):
        return False
    head = trigger_head(doc, event)
    while head is not None and head.dep_ == "conj" and head.head is not head:  # "killing one and arresting 12"
        head = head.head
    if head is None:
        return True
    if head.dep_ == "advcl" and head.tag_ in ("VBG", "VBN"):
        return False
    # a clause on a written or spoken text: whose act it is, the events stage decides (events.triggers._speaking_document)
    return not (head.dep_ in ("acl", "relcl") and is_text_noun(head.head))


def score_events(doc: Doc, model: Model | None = None) -> Doc:
    """Set ``confidence`` and ``counted`` on every event of the Doc (after the learned act filter, which
    :func:`is_counted` reads)."""
    from .acts_model import filter_acts

    model = model or shipped_model()
    context = DocContext.of(doc) if doc._.events else None
    if context is not None:
        context.features = {}  # the filter's and the confidence's features of an event: worked out once
    filter_acts(doc, context=context)  # the learned act filter: evidence.act_filter on the events it un-counts
    for event in doc._.events or []:
        if model is not None:
            learned = learned_features(event) if model.stage is not None else None
            event["confidence"] = round(model.predict(event_features(event, doc, context), learned), 4)
            if confident_clause(event, doc):
                event["modality"] = "asserted"
                event["evidence"]["rules"]["modality"] = CONFIDENT_CLAUSE_RULE
        event["counted"] = is_counted(event, model.threshold if model else 0.0)
    return doc


@Language.factory("dateline_confidence", requires=["doc._.events"], assigns=["doc._.events"])
def make_confidence(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The confidence stage: ``confidence`` and ``counted`` on every event, with the shipped model (the fallback
    sides are filled after it, by ``dateline_fallbacks``: :func:`dateline.actors.resolution.counted_fallbacks`)."""
    model = shipped_model()
    return lambda doc: score_events(doc, model)
