"""A small tree-ensemble walker: a gradient-boosted binary classifier read from JSON, no scikit-learn at run time.

The format (:meth:`TreeEnsemble.to_dict`, written by :func:`from_sklearn` from a fitted
``sklearn.ensemble.HistGradientBoostingClassifier``, binary, numeric features only)::

    {"format": "trees", "features": [name, ...], "baseline": float,
     "trees": [{"feature": [int, ...], "threshold": [float, ...], "left": [int, ...], "right": [int, ...],
                "value": [float, ...], "missing_left": [0/1, ...], "leaf": [0/1, ...]}, ...]}

Per tree, node arrays indexed by node (node 0 the root): at an inner node the feature's value goes ``left`` when
it is ``<= threshold`` (a missing value, NaN, goes left when ``missing_left``), else ``right``; a leaf adds its
``value`` (the learning rate already applied, as scikit-learn stores it). The raw score is ``baseline`` plus one
leaf value per tree; the probability its logistic. :meth:`TreeEnsemble.predict` reads a sparse dict of features
by name: a feature absent from the dict is 0.0 (as in the dense matrix the model was fitted on, where an unseen
feature is a zero), a NaN value is missing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

FORMAT = "trees"


@dataclass
class Tree:
    """One regression tree as node arrays; ``names`` is ``feature`` resolved to the ensemble's names."""

    feature: list[int]
    threshold: list[float]
    left: list[int]
    right: list[int]
    value: list[float]
    missing_left: list[bool]
    leaf: list[bool]
    names: list[str] = field(default_factory=list, repr=False)

    def score(self, feats: dict[str, float]) -> float:
        node = 0
        leaf, names, threshold, left, right = self.leaf, self.names, self.threshold, self.left, self.right
        while not leaf[node]:
            x = feats.get(names[node], 0.0)
            if x != x:  # NaN: missing
                node = left[node] if self.missing_left[node] else right[node]
            else:
                node = left[node] if x <= threshold[node] else right[node]
        return self.value[node]

    def to_dict(self) -> dict[str, Any]:
        return {"feature": self.feature, "threshold": self.threshold, "left": self.left, "right": self.right,
                "value": self.value, "missing_left": [int(b) for b in self.missing_left],
                "leaf": [int(b) for b in self.leaf]}


@dataclass
class TreeEnsemble:
    """A binary gradient-boosted ensemble: P(positive) = logistic(baseline + sum of the trees' leaf values)."""

    features: list[str]
    baseline: float
    trees: list[Tree]

    def __post_init__(self) -> None:
        for t in self.trees:
            t.names = [self.features[f] if not leaf and 0 <= f < len(self.features) else "" for f, leaf in
                       zip(t.feature, t.leaf)]

    def raw(self, feats: dict[str, float]) -> float:
        return self.baseline + sum(t.score(feats) for t in self.trees)

    def predict(self, feats: dict[str, float]) -> float:
        """The probability of the positive class for one row given as a sparse dict of features by name."""
        z = self.raw(feats)
        return 1.0 / (1.0 + math.exp(-max(-700.0, min(700.0, z))))

    def to_dict(self) -> dict[str, Any]:
        return {"format": FORMAT, "features": list(self.features), "baseline": self.baseline,
                "trees": [t.to_dict() for t in self.trees]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TreeEnsemble:
        if data.get("format") != FORMAT:
            raise ValueError(f"not a tree ensemble (format {data.get('format')!r})")
        trees = [Tree([int(x) for x in t["feature"]], [float(x) for x in t["threshold"]], [int(x) for x in t["left"]],
                      [int(x) for x in t["right"]], [float(x) for x in t["value"]],
                      [bool(x) for x in t["missing_left"]], [bool(x) for x in t["leaf"]]) for t in data["trees"]]
        return cls([str(n) for n in data["features"]], float(data["baseline"]), trees)


def from_sklearn(clf: Any, features: list[str]) -> TreeEnsemble:
    """The ensemble of a fitted binary ``HistGradientBoostingClassifier`` whose columns are named ``features``
    (numeric features only; a categorical split is refused). Reads scikit-learn's private predictor nodes
    (``_predictors``, ``_baseline_prediction``: stable across 1.x)."""
    if len(getattr(clf, "classes_", ())) != 2:
        raise ValueError("only a binary classifier")
    trees = []
    for per_class in clf._predictors:
        (predictor,) = per_class
        nodes = predictor.nodes
        if "is_categorical" in nodes.dtype.names and nodes["is_categorical"].any():
            raise ValueError("categorical splits are not supported")
        trees.append(Tree([int(x) for x in nodes["feature_idx"]], [float(x) for x in nodes["num_threshold"]],
                          [int(x) for x in nodes["left"]], [int(x) for x in nodes["right"]],
                          [float(x) for x in nodes["value"]], [bool(x) for x in nodes["missing_go_to_left"]],
                          [bool(x) for x in nodes["is_leaf"]]))
    baseline = float(clf._baseline_prediction.ravel()[0])
    return TreeEnsemble(list(features), baseline, trees)
