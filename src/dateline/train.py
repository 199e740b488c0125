"""Training the confidence model (``dateline train``) from the labelled real news.

1. Re-code the labelled articles of the train and dev splits with the current coder and match each
   event to its label (:mod:`dateline.newseval`); events with no label at their trigger are left out.
2. The target is the definition of a right counted event: a real act asserted by the text, with the
   right root and the right source and target countries.
3. Fit a logistic regression on train (scikit-learn; L2 strength chosen by 5-fold cross-validation on
   train), then a calibration on dev (Platt scaling: a logistic regression on the raw score's logit, stored as
   a table of points, :func:`calibration_table`; isotonic until session 37); pick the threshold on dev (the
   lowest confidence at which counted events reach the target precision, where that keeps a usable share of them;
   else, since session 50, the one of :data:`THRESHOLD_GRID` at which the strict F1 of counted precision and recall
   of the listed acts is highest on dev, :func:`threshold_scores`).
4. Write the model as JSON (weights by feature name) with what it was trained on; report the
   reliability table and expected calibration error on dev.

scikit-learn is needed only here (``pip install 'dateline[train]'``); running the model needs none.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Iterator
from typing import Any

from . import __version__
from .models import Article
from .confidence import DocContext, Model, Stage, event_features, is_counted, learned_features, logit, sigmoid
from .newseval import Judge, LabelSet, article_round, blind_rounds, corpus_texts, event_keys, is_right, load_labels
from .record import sentence_offsets

#: Precision of counted events the default threshold must reach on dev (issue 11).
TARGET_PRECISION = 0.80
#: ... while keeping at least this share of the asserted events; else the default threshold is the best of
#: :data:`THRESHOLD_GRID` by dev strict F1 (:func:`default_threshold`; 0 before session 50).
MIN_KEPT = 0.25
#: The default thresholds tried on dev when the target precision is out of reach (:func:`threshold_scores`).
THRESHOLD_GRID = tuple(round(0.05 * i, 2) for i in range(13))  # 0, 0.05 ... 0.6


@dataclass
class Example:
    features: dict[str, float]
    right: bool
    is_counted: bool
    article: str
    #: the learned components' probabilities (:func:`dateline.confidence.learned_features`)
    learned: dict[str, float] = field(default_factory=dict)
    #: the article's labelling round (eval/news/articles.jsonl ``round``, absent = 1)
    round: int = 1


@dataclass
class JudgedEvent:
    """One event the current coder emits on a labelled article, with the label that judges it."""
    article: str
    event: dict[str, Any]
    judged: dict[str, Any]
    doc: Any  # the parsed spaCy Doc the event came from
    context: DocContext
    key: Any = None  # where the event is: (article, sentence start, trigger offset), dateline.newseval.event_keys


@dataclass
class CodedDoc:
    """One labelled article coded as the models see it: the Doc before the fallbacks stage, its events as a light
    record (``id``, ``article.body``, ``events``, ``sentences``: what :func:`dateline.newseval.score` reads) and the
    corpus text the labels point into."""
    article: str
    doc: Any
    record: dict[str, Any]
    context: DocContext
    text: str


def _part(labels: LabelSet, split: str, limit: int | None) -> LabelSet:
    part = labels.split(split)
    if limit is not None:
        part = LabelSet(part.articles[:limit], part.labels, part.missed, part.recall_articles)
    return part


def coded_docs(labels: LabelSet, split: str, news_dir: str | Path, *, limit: int | None = None,
               nlp: Any = None) -> Iterator[CodedDoc]:
    """Re-code a split's labelled articles (its first ``limit`` when given), one :class:`CodedDoc` each. Coded with
    the fallbacks stage disabled (``dateline_fallbacks``, :func:`dateline.actors.resolution.counted_fallbacks`): the
    models score an event before those sources are filled, and are fitted on it so."""
    from .actors.resolution import FALLBACKS_STAGE
    from .ingest import read_articles
    from .nlp import load_nlp, parse

    part = _part(labels, split, limit)
    texts = corpus_texts(part.articles, news_dir)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{split}.jsonl"
        path.write_text("".join(json.dumps(texts[a["id"]], ensure_ascii=False) + "\n" for a in part.articles),
                        encoding="utf-8")
        articles = [a for a in read_articles([str(path)]) if isinstance(a, Article)]
        for article, doc in parse(articles, nlp=nlp or load_nlp(), disable=[FALLBACKS_STAGE]):
            record_id = str(article.input_id)
            # the removed spans too (a link card cut out of a sentence): newseval.sentence_span finds such a
            # sentence in the corpus text through them, as it does on the product's record
            light = {"id": record_id, "article": {"body": doc.text,
                                                 "removed": [item.to_dict() for item in article.parts.removed]},
                     "events": doc._.events or [], "sentences": sentence_offsets(doc)}
            yield CodedDoc(record_id, doc, light, DocContext.of(doc), texts[record_id]["text"])


def judged_events(labels: LabelSet, split: str, news_dir: str | Path, *, limit: int | None = None,
                  nlp: Any = None) -> Iterator[JudgedEvent]:
    """Re-code a split's labelled articles (its first ``limit`` when given, :func:`coded_docs`) and yield every event
    a label judges (events with no label at their trigger are left out). One place for the training data of the
    confidence model and of the experiments under tools/."""
    part = _part(labels, split, limit)
    judge = Judge(part.labels, part.missed)
    for coded in coded_docs(labels, split, news_dir, limit=limit, nlp=nlp):
        for event, key in zip(coded.record["events"], event_keys(coded.record, coded.text)):
            judged = judge(event, key)
            if judged is not None:
                yield JudgedEvent(coded.article, event, judged, coded.doc, coded.context, key)


def threshold_scores(model: Model, labels: LabelSet, news_dir: str | Path, *, split: str = "dev",
                     limit: int | None = None, grid: tuple[float, ...] = THRESHOLD_GRID) -> list[dict[str, Any]]:
    """The split scored as ``dateline eval`` scores it (:func:`dateline.newseval.score`) with ``model``'s confidence
    on every event and ``counted`` decided at each threshold of ``grid``: one row per threshold with the counted
    events, the right ones, strict precision, recall of the listed acts, strict F1, expected kept and forbidden
    dropped. The events are coded before the fallbacks stage (:func:`coded_docs`), scored by ``model`` as the
    confidence stage scores them, and then given their fallback sources, as the pipeline does."""
    from .actors.resolution import FALLBACKS_STAGE
    from .newseval import scores_at_thresholds
    from .nlp import load_nlp

    nlp = load_nlp()
    fallbacks = nlp.get_pipe(FALLBACKS_STAGE)
    coded: dict[str, dict[str, Any]] = {}
    texts: dict[str, dict[str, Any]] = {}
    for item in coded_docs(labels, split, news_dir, limit=limit, nlp=nlp):
        for event in item.doc._.events or []:
            learned = learned_features(event) if model.stage is not None else None
            event["confidence"] = round(model.predict(event_features(event, item.doc, item.context), learned), 4)
        fallbacks(item.doc)
        item.record["events"] = item.doc._.events or []
        coded[item.article], texts[item.article] = item.record, {"text": item.text}
    return [{"min_confidence": threshold, "counted": s.counted, "right": s.counted_right,
             "strict_precision": round(s.strict_precision, 4), "recall": round(s.recall, 4),
             "strict_f1": round(s.strict_f1, 4), "expected_kept": round(s.expected_kept, 4),
             "forbidden_dropped": round(s.forbidden_dropped, 4)}
            for threshold, s in zip(grid, scores_at_thresholds(_part(labels, split, limit), coded, texts, split, grid))]


def default_threshold(target_threshold: float, precision: float, kept: float, rows: list[dict[str, Any]]) -> float:
    """The default threshold of ``counted``: the lowest confidence at which counted dev events reach
    :data:`TARGET_PRECISION` where that keeps at least :data:`MIN_KEPT` of them (issue 11's rule); else the row of
    :func:`threshold_scores` with the highest dev strict F1 (the lowest threshold among equals), 0 without rows.
    Session 50: the fallback was 0 (every asserted event counted) until then; on dev 0.15 raised strict precision
    0.327 -> 0.400 for recall 0.320 -> 0.291, and on the blind rounds strict F1 held (eval/sessions/50.md)."""
    if precision >= TARGET_PRECISION and kept >= MIN_KEPT:
        return round(target_threshold, 4)
    if not rows:
        return 0.0
    best = max(rows, key=lambda r: (r["strict_f1"], -r["min_confidence"]))
    return float(best["min_confidence"])


def examples(labels: LabelSet, split: str, news_dir: str | Path, *, limit: int | None = None) -> list[Example]:
    """Features and targets of every labelled event the current coder emits on a split
    (on its first ``limit`` articles when given)."""
    rounds = {str(a["id"]): article_round(a) for a in labels.articles}
    # counted as the product counts it (dateline.confidence.is_counted: asserted, not negated, not un-counted by the
    # learned act filter nor by a rule gate), before any confidence threshold
    return [Example(event_features(j.event, j.doc, j.context), is_right(j.event, j.judged), is_counted(j.event, 0.0), j.article,
                    learned_features(j.event), rounds.get(j.article, 1))
            for j in judged_events(labels, split, news_dir, limit=limit)]


def fitted_rounds() -> dict[str, set[int] | None]:
    """The train rounds each learned component was fitted on (its model's ``meta.fitted_rounds``; None
    when the model does not say, taken as every round): on the other rounds its probabilities are out of
    sample, as on unseen news."""
    from . import roots_model, sides_model

    out: dict[str, set[int] | None] = {}
    for name, model in (("sides", sides_model.shipped_model()), ("roots", roots_model.shipped_model())):
        if model is None:
            continue
        rounds = model.meta.get("fitted_rounds")
        out[name] = None if rounds is None else {int(r) for r in rounds}
    return out


def reliability(probs: list[float], ys: list[bool], bins: int = 10) -> tuple[list[dict[str, Any]], float]:
    """The reliability table (equal-width bins) and the expected calibration error."""
    table, ece, n = [], 0.0, len(probs)
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        idx = [i for i, p in enumerate(probs) if low <= p < high or (b == bins - 1 and p == 1.0)]
        if not idx:
            continue
        mean_p = sum(probs[i] for i in idx) / len(idx)
        rate = sum(ys[i] for i in idx) / len(idx)
        ece += len(idx) / n * abs(mean_p - rate)
        table.append({"bin": f"{low:.1f}-{high:.1f}", "events": len(idx), "mean_confidence": round(mean_p, 3),
                      "right": round(rate, 3)})
    return table, ece


def choose_threshold(probs: list[float], ys: list[bool], target: float = TARGET_PRECISION) -> tuple[float, float, float]:
    """(threshold, precision, share kept): the lowest threshold whose kept events reach ``target``
    precision; without one, the threshold of the best precision with at least 10% kept."""
    pairs = sorted(zip(probs, ys), reverse=True)
    best: tuple[float, float, float] | None = None
    right = 0
    fallback = (1.0, 0.0, 0.0)
    for k, (p, y) in enumerate(pairs, start=1):
        right += y
        if k < len(pairs) and pairs[k][0] == p:
            continue  # a threshold keeps every event at its value
        precision = right / k
        if precision >= target:
            best = (p, precision, k / len(pairs))
        if k >= 0.1 * len(pairs) and precision > fallback[1]:
            fallback = (p, precision, k / len(pairs))
    return best or fallback


def set_default_threshold(model: Model, counted_dev: list[tuple[float, bool]], labels: LabelSet,
                          news_dir: str | Path, *, limit: int | None = None) -> dict[str, Any]:
    """Set ``model.threshold`` by :func:`default_threshold` from the calibrated confidence of the counted dev events
    (``counted_dev``: (confidence, right) pairs) and, when the target precision is out of reach, the dev rows of
    :func:`threshold_scores`; return what the model's ``meta.dev`` records of the choice."""
    target, precision, kept = choose_threshold([p for p, _ in counted_dev], [y for _, y in counted_dev])
    reached = precision >= TARGET_PRECISION and kept >= MIN_KEPT
    scored = [] if reached else threshold_scores(model, labels, news_dir, limit=limit)
    model.threshold = default_threshold(target, precision, kept, scored)
    return {"threshold": model.threshold, "target_threshold": round(target, 4),
            "precision_at_threshold": round(precision, 4), "counted_kept_at_threshold": round(kept, 4),
            "target_precision": TARGET_PRECISION, "target_reached": precision >= TARGET_PRECISION,
            "threshold_rule": "target precision" if reached else "best dev strict F1 of the grid",
            "by_min_confidence_scored": scored}


def choose_default_threshold(model_path: str | Path, labels_path: str | Path, news_dir: str | Path, *,
                             limit: int | None = None) -> dict[str, Any]:
    """Choose the default threshold of an existing model again on dev (:func:`default_threshold`), without
    refitting it: after the dev labels changed, or the rule did. Writes the threshold and the dev rows behind it
    into the model file (``meta.dev``) and returns ``meta.dev``. ``dateline train --threshold-only``."""
    model = Model.from_dict(json.loads(Path(model_path).read_text(encoding="utf-8")))
    labels = load_labels(labels_path)
    dev_rows = examples(labels, "dev", news_dir, limit=limit)
    counted_dev = [(model.predict(e.features, e.learned if model.stage is not None else None), e.right)
                   for e in dev_rows if e.is_counted]
    dev = dict(model.meta.get("dev") or {})
    dev.update(set_default_threshold(model, counted_dev, labels, news_dir, limit=limit))
    dev["threshold_chosen"] = {"on": dt.date.today().isoformat(), "coder": f"dateline {__version__}",
                               "labels_sha1": hashlib.sha1(Path(labels_path).read_bytes()).hexdigest()[:12]}
    model.meta["dev"] = dev
    Path(model_path).write_text(json.dumps(model.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return dev


#: The raw scores' logits at which the Platt calibration is tabulated (step 0.1 from -10 to 10): linear
#: interpolation between them is within 0.0002 of the sigmoid (checked for slopes 0.5-1.3), and the table rises
#: strictly, so that the calibrated confidence ranks the events as the raw score does (isotonic steps tied them).
CALIBRATION_LOGITS = tuple(round(-10 + 0.1 * i, 1) for i in range(201))


def platt(raw: list[float], ys: list[bool]) -> tuple[float, float] | None:
    """Platt scaling: (slope, intercept) of a logistic regression of the verdicts on logit(raw) (unpenalised);
    None where it cannot calibrate: the verdicts are of one class (no fit), or the slope is not positive (the
    calibration would reverse the raw score's ranking)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    if len(set(bool(y) for y in ys)) < 2:
        return None
    z = np.array([[logit(p)] for p in raw])
    clf = LogisticRegression(C=1e6, max_iter=5000).fit(z, np.array(ys, dtype=bool))
    slope, intercept = float(clf.coef_[0][0]), float(clf.intercept_[0])
    return (slope, intercept) if slope > 0 else None


def calibration_table(raw: list[float], ys: list[bool]) -> tuple[list[float], list[float]]:
    """The calibration of raw scores ``raw`` by their verdicts ``ys`` as the model stores it (``Model.calibration_x``,
    ``calibration_y``, read by ``Model.calibrate``): Platt scaling (:func:`platt`) at the raw scores of
    :data:`CALIBRATION_LOGITS` (y rounded to 9 digits, so that the table keeps rising where the sigmoid
    flattens); the identity where Platt cannot calibrate (one class of verdicts, or a slope not above 0).
    Session 37 (eval/sessions/37.md, "confidence37"): held out fold by fold on train and on dev it is better
    calibrated than the isotonic steps it replaced, and its top events more often right."""
    fitted = platt(raw, ys)
    xs = [round(sigmoid(z), 6) for z in CALIBRATION_LOGITS]
    if fitted is None:
        return xs, list(xs)
    a, b = fitted
    return xs, [round(sigmoid(a * logit(x) + b), 9) for x in xs]


def calibration_kind(raw: list[float], ys: list[bool]) -> str:
    """What :func:`calibration_table` fits on these verdicts: ``platt``, or ``identity`` where it falls back
    (written in the model's ``meta.calibration``)."""
    return "platt" if platt(raw, ys) is not None else "identity"


def _cross_fitted(raw: list[float], ys: list[bool], groups: list[str], folds: int = 5) -> list[float]:
    """Each dev event's probability under the calibration (:func:`calibration_table`) fitted on the other dev
    articles (5 folds by article): the honest figures, where the in-sample ones flatter the model."""
    names = sorted(set(groups))
    calibrated = [0.0] * len(raw)
    for fold in range(folds):
        held = {g for i, g in enumerate(names) if i % folds == fold}
        fit = [i for i, g in enumerate(groups) if g not in held]
        if not fit:
            continue
        probe = Model({}, 0.0, *calibration_table([raw[i] for i in fit], [ys[i] for i in fit]))
        for i, g in enumerate(groups):
            if g in held:
                calibrated[i] = probe.calibrate(raw[i])
    return calibrated


def _cross_fitted_ece(raw: list[float], ys: list[bool], groups: list[str], folds: int = 5) -> float:
    """The calibration error of the calibration fitted on other dev articles than those it is
    scored on (5 folds by article): the honest figure, where the in-sample one is near zero."""
    return reliability(_cross_fitted(raw, ys, groups, folds), ys)[1]


#: The confidences at which the report gives the cross-fitted precision and share of counted dev events.
REPORT_CUTS = (0.3, 0.5, 0.7)


def cross_fitted_summary(raw: list[float], rows: list[Example]) -> dict[str, Any]:
    """A model's dev figures with the calibration cross-fitted by dev article: the average precision of
    the raw scores among counted events, the precision and share of counted events kept at 0.3, 0.5
    and 0.7, the lowest threshold reaching precision 0.80 (or the best with 10% kept) and the ECE."""
    from sklearn.metrics import average_precision_score

    ys = [e.right for e in rows]
    cross = _cross_fitted(raw, ys, [e.article for e in rows])
    counted = [(p, r, y) for p, r, y, e in zip(cross, raw, ys, rows) if e.is_counted]
    out: dict[str, Any] = {
        "counted_ap": round(float(average_precision_score([y for _, _, y in counted], [r for _, r, _ in counted])), 4)
        if any(y for _, _, y in counted) else None,
        "ece": round(reliability(cross, ys)[1], 4)}
    for cut in REPORT_CUTS:
        kept = [y for p, _, y in counted if p >= cut]
        out[f"at_{cut}"] = {"precision": round(sum(kept) / len(kept), 4) if kept else None,
                            "share": round(len(kept) / max(len(counted), 1), 4)}
    threshold, precision, share = choose_threshold([p for p, _, _ in counted], [y for _, _, y in counted])
    out["point_080"] = {"threshold": round(threshold, 4), "precision": round(precision, 4), "share": round(share, 4)}
    return out


#: L2 strengths tried for the second stage (a few weights, fitted on a few hundred articles).
STAGE_CS = (0.01, 0.03, 0.1, 0.3, 1.0)


def fit_stage(rows: list[Example], base: list[float]) -> tuple[Stage, float, float]:
    """The second stage (:class:`dateline.confidence.Stage`) on ``rows``, whose first-stage probabilities
    ``base`` are cross-fitted: a logistic regression over logit(base) and the learned components'
    probabilities, its L2 strength by 5-fold cross-validation grouped by article. Returns it, its C and
    its cross-validated log loss."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss
    from sklearn.model_selection import GroupKFold

    vec = DictVectorizer()
    x = vec.fit_transform([{"base": logit(p), **e.learned} for e, p in zip(rows, base)])
    y = np.array([e.right for e in rows])
    groups = [e.article for e in rows]
    best_c, best_loss = STAGE_CS[0], float("inf")
    for c in STAGE_CS:
        pred = np.zeros(len(rows))
        for fit, held in GroupKFold(5).split(x, y, groups):
            pred[held] = LogisticRegression(C=c, max_iter=5000).fit(x[fit], y[fit]).predict_proba(x[held])[:, 1]
        loss = float(log_loss(y, pred, labels=[False, True]))
        if loss < best_loss:
            best_c, best_loss = c, loss
    clf = LogisticRegression(C=best_c, max_iter=5000).fit(x, y)
    weights = dict(zip(vec.get_feature_names_out(), (float(w) for w in clf.coef_[0])))
    base_w = weights.pop("base", 0.0)
    return Stage(base_w, {k: w for k, w in weights.items() if abs(w) > 1e-6}, float(clf.intercept_[0])), best_c, best_loss


def train(labels_path: str | Path, news_dir: str | Path, out: str | Path, *, limit: int | None = None,
          exclude_rounds: tuple[int, ...] | None = None, learned: bool = True) -> dict[str, Any]:
    """Train, calibrate and write the model; return the report. ``limit``: use only the first
    articles of each split (a quick run for tests). ``exclude_rounds``: train rounds left out (a blind
    set; by default those the labels' ``blind_rounds.json`` names, :func:`dateline.newseval.blind_rounds`;
    ``()`` leaves none out). ``learned``: fit the second stage over the learned components' probabilities (on the train
    rounds neither the side chooser nor the root correction was fitted on, :func:`fitted_rounds`)."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss
    from sklearn.model_selection import GroupKFold

    labels = load_labels(labels_path)
    if exclude_rounds is None:
        exclude_rounds = blind_rounds(labels_path)
    if exclude_rounds:
        labels = labels.rounds(exclude_rounds, keep=False)
    train_rows = examples(labels, "train", news_dir, limit=limit)
    dev_rows = examples(labels, "dev", news_dir, limit=limit)
    vec = DictVectorizer()
    x_train = vec.fit_transform([e.features for e in train_rows])
    y_train = np.array([e.right for e in train_rows])
    groups = [e.article for e in train_rows]
    best_c, best_score = 1.0, -1.0
    oof = np.full(len(train_rows), 0.5)  # each train event scored by the model fitted without its article
    for c in (0.03, 0.1, 0.3, 1.0, 3.0):
        losses = []
        pred = np.full(len(train_rows), 0.5)
        for fit, held in GroupKFold(5).split(x_train, y_train, groups):
            if len(set(y_train[fit])) < 2:
                continue  # a fold with one class cannot be fitted (tiny label sets)
            clf = LogisticRegression(C=c, max_iter=5000).fit(x_train[fit], y_train[fit])
            pred[held] = clf.predict_proba(x_train[held])[:, 1]
            losses.append(log_loss(y_train[held], pred[held], labels=[False, True]))
        score = -sum(losses) / len(losses) if losses else -1e9
        if score > best_score:
            best_c, best_score, oof = c, score, pred
    clf = LogisticRegression(C=best_c, max_iter=5000).fit(x_train, y_train)
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) > 1e-6}
    model = Model(weights, float(clf.intercept_[0]))
    y_dev = [e.right for e in dev_rows]
    first_dev = [model.raw(e.features) for e in dev_rows]
    stage_report: dict[str, Any] = {"fitted": False}
    if learned:
        seen = fitted_rounds()
        if seen and all(r is not None for r in seen.values()):
            fitted = set().union(*seen.values())  # type: ignore[arg-type]
            unseen = [i for i, e in enumerate(train_rows) if e.round not in fitted]
            stage_report.update({"components_fitted_on_rounds": {k: sorted(v or ()) for k, v in seen.items()},
                                 "rounds": sorted({train_rows[i].round for i in unseen}), "events": len(unseen),
                                 "articles": len({train_rows[i].article for i in unseen})})
            if not unseen:
                stage_report["why_not"] = ("every train round was seen by a learned component's fit: no out-of-sample "
                                           "rows (the shipped model's second stage is fitted on cross-fitted rows by "
                                           "`make train`, tools/crossfit_train.py)")
            elif len({train_rows[i].article for i in unseen}) < 5 or len({train_rows[i].right for i in unseen}) < 2:
                stage_report["why_not"] = (f"too few rows unseen by the learned components ({len(unseen)} events of "
                                           f"{stage_report['articles']} articles; at least 5 articles and both "
                                           "verdicts are needed)")
            else:
                stage, c2, loss2 = fit_stage([train_rows[i] for i in unseen], [float(oof[i]) for i in unseen])
                model.stage = stage
                stage_report.update({"fitted": True, "c": c2, "cv_log_loss": round(loss2, 4), "base": round(stage.base, 4),
                                     "weights": {k: round(w, 4) for k, w in sorted(stage.weights.items())}})
        else:
            stage_report["why_not"] = "a learned component's model.json names no meta.fitted_rounds (taken as every round)"
    raw_dev = [model.raw(e.features, e.learned) for e in dev_rows]
    model.calibration_x, model.calibration_y = calibration_table(raw_dev, y_dev)
    dev_probs = [model.predict(e.features, e.learned) for e in dev_rows]
    table, ece = reliability(dev_probs, y_dev)
    raw_table, raw_ece = reliability(raw_dev, y_dev)
    counted_dev = [(p, y) for p, y, e in zip(dev_probs, y_dev, dev_rows) if e.is_counted]
    # The default threshold is the target's only where it keeps a usable share of the counted events; below that,
    # the one of the grid with the best dev strict F1 (users choose another with --min-confidence).
    chosen = set_default_threshold(model, counted_dev, labels, news_dir, limit=limit)
    cross_ece = _cross_fitted_ece(raw_dev, y_dev, [e.article for e in dev_rows])
    coverage = []
    for cut in (0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        kept_rows = [y for p, y in counted_dev if p >= cut]
        coverage.append({"min_confidence": cut, "counted_kept": len(kept_rows),
                         "precision": round(sum(kept_rows) / len(kept_rows), 4) if kept_rows else None})
    digest = hashlib.sha1(Path(labels_path).read_bytes()).hexdigest()[:12]
    report: dict[str, Any] = {
        "trained": dt.date.today().isoformat(), "coder": f"dateline {__version__}",
        "labels": {"file": Path(labels_path).name, "sha1": digest, "train_events": len(train_rows),
                   "train_articles": len(set(groups)), "dev_events": len(dev_rows),
                   "dev_articles": len({e.article for e in dev_rows}),
                   "excluded_rounds": sorted(exclude_rounds)},
        "c": best_c, "cv_log_loss": round(-best_score, 4), "stage": stage_report,
        "dev": {"base_rate": round(sum(y_dev) / max(len(y_dev), 1), 4), "ece": round(ece, 4),
                "ece_uncalibrated": round(raw_ece, 4), "reliability": table,
                "counted": len(counted_dev),
                "counted_precision_without_threshold": round(sum(y for _, y in counted_dev) / max(len(counted_dev), 1), 4),
                "ece_cross_fitted": round(cross_ece, 4), "by_min_confidence": coverage, **chosen},
    }
    if len({e.article for e in dev_rows}) >= 5 and len(set(y_dev)) == 2:
        # the figures to compare models by: the calibration cross-fitted by dev article
        report["dev"]["cross_fitted"] = cross_fitted_summary(raw_dev, dev_rows)
        if model.stage is not None:
            report["dev"]["cross_fitted_first_stage"] = cross_fitted_summary(first_dev, dev_rows)
    report["calibration"] = calibration_kind(raw_dev, y_dev)
    model.meta = report
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text(json.dumps(model.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return report
