"""A learned act filter (issue 11, session 29): P(the event is a real act the text asserts).

A third of the counted events are not real asserted acts by the labels of ``eval/news`` (no act, or claimed,
hypothetical, intended, negated). This model estimates, for each asserted, not negated event, the probability
that it is a real act told as done (``dateline.newseval.real_act``; root and sides do not matter), from the
confidence model's event features (:func:`dateline.confidence.event_features`, prefixed ``conf:``) and the
learned modality experiment's generic features (:func:`dateline.modality_model.features`: the governing words
and their cues, quotation, conditionals; prefixed ``mod:``). An event below the model's ``threshold`` is not
counted (:func:`dateline.confidence.is_counted`): it stays in the output, with ``evidence.act_filter``
``{"p": ..., "threshold": ...}`` saying why. Every scored event keeps its probability in ``evidence.learned.act_p``.

It is fitted by ``tools/learned_acts.py --write`` (``make train-learned``) on the counted train events of every
labelled train round but the blind ones; the threshold is chosen on cross-fitted train (eval/README.md "Session
29: actfilter"). Running it needs no scikit-learn: a dot product over the stored weights.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Doc

from .confidence import ACT_FILTER_KEY, DocContext, event_features, is_counted, leave_learned, packaged_model, sigmoid

MODEL_RESOURCE = "data/acts/model.json"
#: Set by tools/learned_acts.py while it codes its training data: no event is filtered.
DISABLED = False
#: The key of ``evidence`` on an event the filter un-counts (defined with the rule that reads it).
EVIDENCE_KEY = ACT_FILTER_KEY


def features(event: dict[str, Any], doc: Doc, context: DocContext | None = None) -> dict[str, float]:
    """The model's features of one event: the confidence's (``conf:``) and the modality features (``mod:``)."""
    from . import modality_model

    out = {f"conf:{k}": v for k, v in event_features(event, doc, context).items()}
    out.update({f"mod:{k}": v for k, v in modality_model.features(doc, event).items()})
    return out


@dataclass
class ActsModel:
    """Logistic regression weights by feature name, and the threshold below which an event is not counted."""

    weights: dict[str, float]
    intercept: float
    threshold: float
    meta: dict[str, Any] = field(default_factory=dict)

    def prob(self, feats: dict[str, float]) -> float:
        w = self.weights
        return sigmoid(self.intercept + sum([w[k] * v for k, v in feats.items() if k in w]))

    def to_dict(self) -> dict[str, Any]:
        return {"format": 1, "meta": self.meta, "intercept": self.intercept, "threshold": self.threshold,
                "weights": dict(sorted(self.weights.items()))}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ActsModel:
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data["intercept"]),
                   float(data.get("threshold", 0.0)), dict(data.get("meta", {})))


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
        p = model.prob(features(event, doc, context))
        leave_learned(event, {"act_p": p})
        if p < model.threshold:
            # rounded down, so the shown p stays below the threshold it was cut at
            event.setdefault("evidence", {})[EVIDENCE_KEY] = {"p": math.floor(p * 1e4) / 1e4, "threshold": model.threshold}
    return doc
