"""dateline.trees: the JSON tree-ensemble walker reproduces scikit-learn's HistGradientBoostingClassifier."""

from __future__ import annotations

import json
import math

import pytest

from dateline.trees import TreeEnsemble, from_sklearn


def _fitted(seed: int, missing: bool = False):
    np = pytest.importorskip("numpy")
    ensemble = pytest.importorskip("sklearn.ensemble")
    rng = np.random.default_rng(seed)
    n, d = 600, 12
    x = rng.normal(size=(n, d))
    x[:, :4] = (x[:, :4] > 0.3).astype(float)  # some binary columns, as the side chooser's features
    if missing:
        x[rng.random(size=(n, d)) < 0.1] = np.nan
    logit = 1.5 * np.nan_to_num(x[:, 0]) - np.nan_to_num(x[:, 5]) * np.nan_to_num(x[:, 1]) + 0.5 * np.nan_to_num(x[:, 7])
    y = rng.random(n) < 1 / (1 + np.exp(-logit))
    clf = ensemble.HistGradientBoostingClassifier(max_iter=40, learning_rate=0.2, max_leaf_nodes=7,
                                                  l2_regularization=0.5, early_stopping=False, random_state=0)
    clf.fit(x, y)
    return clf, x, rng


@pytest.mark.parametrize("missing", [False, True])
def test_the_walker_reproduces_predict_proba_on_random_data(missing):
    clf, x, rng = _fitted(1, missing)
    names = [f"f{k}" for k in range(x.shape[1])]
    model = TreeEnsemble.from_dict(json.loads(json.dumps(from_sklearn(clf, names).to_dict())))
    test = rng.normal(size=(300, x.shape[1]))
    test[:, :4] = (test[:, :4] > 0.3).astype(float)
    if missing:
        test[rng.random(size=test.shape) < 0.1] = float("nan")
    expected = clf.predict_proba(test)[:, 1]
    for row, p in zip(test, expected):
        feats = {n: float(v) for n, v in zip(names, row)}
        assert abs(model.predict(feats) - p) < 1e-9


def test_an_absent_feature_is_a_zero_and_unknown_features_are_ignored():
    clf, x, rng = _fitted(2)
    names = [f"f{k}" for k in range(x.shape[1])]
    model = from_sklearn(clf, names)
    row = {n: 0.0 for n in names}
    row["f2"] = 1.0
    sparse = {"f2": 1.0, "not_a_feature": 5.0}
    assert model.predict(sparse) == model.predict(row)
    assert math.isclose(model.predict(row), clf.predict_proba([[row[n] for n in names]])[0, 1], abs_tol=1e-9)


def test_the_format_is_checked():
    with pytest.raises(ValueError):
        TreeEnsemble.from_dict({"format": "logistic", "features": [], "baseline": 0.0, "trees": []})
    empty = TreeEnsemble.from_dict({"format": "trees", "features": [], "baseline": 0.0, "trees": []})
    assert empty.predict({}) == 0.5
