"""The parser's token vectors as features (dateline.dense, session 31): the same from a fresh parse and from a Doc
read back from a DocBin (the parse cache), the pieces of a long article, standardising, and the act filter's model
file with and without a dense block."""

from __future__ import annotations

import json

import numpy as np
import pytest
from spacy.tokens import Doc, DocBin

from dateline import dense
from dateline.acts_model import DEFAULT_SETS, ActsModel, features
from dateline.confidence import DocContext

TEXT = ("The coastguard rescued forty fishermen off the northern coast on Tuesday. "
        "Officials said the storm had damaged three harbours.")


def _event(doc: Doc, trigger: str, source: str | None, target: str | None) -> dict:
    token = next(t for t in doc if t.text == trigger)
    return {"cameo": "074", "modality": "asserted", "span": [token.idx, token.idx + len(token)], "sentence": 0,
            "source": {"text": source} if source else None, "target": {"text": target} if target else None,
            "evidence": {}}


@pytest.fixture(scope="module")
def parsed(nlp) -> Doc:  # type: ignore[no-untyped-def]
    return _model_parse(nlp, TEXT)


def _model_parse(nlp, text: str) -> Doc:  # type: ignore[no-untyped-def]
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if not name.startswith("dateline_") or name == "dateline_paragraphs":
            doc = proc(doc)
    return doc


def _from_cache(nlp, doc: Doc) -> Doc:  # type: ignore[no-untyped-def]
    binned = DocBin(store_user_data=False)
    binned.add(doc)
    return next(iter(DocBin().from_bytes(binned.to_bytes()).get_docs(nlp.vocab)))


def test_the_model_leaves_a_vector_per_token(parsed: Doc) -> None:
    assert parsed.tensor.shape == (len(parsed), 96)


def test_the_features_are_the_same_from_a_fresh_parse_and_from_the_cache(nlp, parsed: Doc) -> None:  # type: ignore[no-untyped-def]
    cached = _from_cache(nlp, parsed)
    assert cached.tensor.size == 0  # a DocBin keeps no tensor: dense recomputes it with the model's tok2vec
    fresh_event = _event(parsed, "rescued", "coastguard", "fishermen")
    cached_event = _event(cached, "rescued", "coastguard", "fishermen")
    fresh = dense.features(fresh_event, parsed)
    again = dense.features(cached_event, cached)
    assert set(fresh) == set(again) and len(fresh) == 4 * 96
    assert max(abs(fresh[k] - again[k]) for k in fresh) < 1e-5


def test_a_side_not_named_in_the_sentence_has_no_block(parsed: Doc) -> None:
    feats = dense.features(_event(parsed, "rescued", "coastguard", "navy"), parsed)
    assert any(k.startswith("vsrc:") for k in feats) and not any(k.startswith("vtgt:") for k in feats)


def test_the_side_block_is_its_head_tokens_vector(parsed: Doc) -> None:
    feats = dense.features(_event(parsed, "rescued", "The coastguard", None), parsed, ("src", "trig"))
    head = next(t for t in parsed if t.text == "coastguard")
    assert feats["vsrc:0"] == pytest.approx(float(parsed.tensor[head.i][0]))
    assert feats["vtrig:5"] == pytest.approx(float(parsed.tensor[next(t.i for t in parsed if t.text == "rescued")][5]))


def test_the_packed_blocks_name_the_features_and_take_the_tensors_width(parsed: Doc) -> None:
    event = _event(parsed, "rescued", "coastguard", "navy")
    packed = dense.arrays(event, parsed)
    assert set(packed) == {"trig", "sent", "src"}  # the target's words are not in the sentence
    assert all(v.dtype == np.float32 and v.shape == (parsed.tensor.shape[1],) for v in packed.values())
    assert dense.named(packed) == dense.features(event, parsed)
    assert set(dense.named({"trig": packed["trig"], "tgt": None}, ("trig", "tgt", "sent"))) == {
        f"vtrig:{i}" for i in range(parsed.tensor.shape[1])}


def test_the_pieces_of_a_long_article_keep_their_vectors(nlp) -> None:  # type: ignore[no-untyped-def]
    first, second = _model_parse(nlp, "Police arrested two men. "), _model_parse(nlp, "The court freed them.")
    joined = Doc.from_docs([first, second])
    assert joined.tensor.shape == (len(joined), 96)
    assert np.allclose(dense.ensure_tensor(joined), np.vstack([first.tensor, second.tensor]))


def test_standardise_centres_and_scales_each_block() -> None:
    rows = [{"v:0": 1.0, "v:1": 10.0, "other": 1.0}, {"v:0": 3.0, "v:1": 30.0}]
    std = dense.standardise(rows, "v:", weight=2.0)
    assert set(std.params) == {"v:0", "v:1"}
    out = std.apply(rows[0])
    # mean 2 and 20, std 1 and 10, block of 2: factor 2 / (std * sqrt(2))
    assert out["v:0"] == pytest.approx(-2 / np.sqrt(2)) and out["v:1"] == pytest.approx(-2 / np.sqrt(2))
    assert out["other"] == 1.0
    again = dense.Standardiser.from_dict(json.loads(json.dumps(std.to_dict()))).params
    assert {k: list(v) for k, v in again.items()} == {k: pytest.approx(list(v), rel=1e-5) for k, v in std.params.items()}


def test_an_acts_model_without_a_dense_block_loads_and_reads_the_old_sets() -> None:
    model = ActsModel.from_dict({"format": 1, "meta": {}, "intercept": 0.5, "threshold": 0.15,
                                 "weights": {"conf:root=16": 1.0}})
    assert model.sets == DEFAULT_SETS and not model.dense.params
    assert model.to_dict()["format"] == 1 and "dense" not in model.to_dict()


def test_an_acts_model_with_a_dense_block_round_trips_and_standardises(parsed: Doc) -> None:
    std = dense.Standardiser({"vtrig:0": (0.5, 2.0)})
    model = ActsModel({"vtrig:0": 1.0}, 0.0, 0.15, {"features": ["conf", "vtrig"]}, std)
    data = json.loads(json.dumps(model.to_dict()))
    assert data["format"] == 2 and data["dense"] == {"vtrig:0": [0.5, 2.0]}
    again = ActsModel.from_dict(data)
    assert again.sets == ("conf", "vtrig")
    event = _event(parsed, "rescued", "coastguard", "fishermen")
    feats = features(event, parsed, DocContext.of(parsed), again.sets)
    assert any(k.startswith("conf:") for k in feats) and not any(k.startswith(("mod:", "vsent:")) for k in feats)
    x = feats["vtrig:0"]
    assert again.prob(feats) == pytest.approx(1 / (1 + np.exp(-(x - 0.5) * 2.0)))
