"""The learned ranker: the shipped model loads and ranks deterministically; a missing, corrupt or
mismatched model file (or a scoring error) leaves search in its hybrid order with a warning; the
features are computed the same at training time (evals/train_ranker.py) and at serving time
(HybridSearcher with a ranker); the ONNX Runtime embedder agrees with torch, and so, nearly, does its int8
build (made once and cached, its own model id, chosen by the settings)."""

from __future__ import annotations

import logging

import numpy as np
import pytest

from retrieval.ranker import (
    DEFAULT_RANKER,
    LearnedRanker,
    RankerUnavailable,
    load_ranker,
)
from retrieval.ranker_features import (
    FEATURE_GROUPS,
    FEATURES,
    Candidate,
    QueryInfo,
    TermStats,
    features,
    group_columns,
)
from retrieval.schemas import Product, SearchFilters
from retrieval.search import HybridSearcher

PRODUCTS = SearchFilters(kind="product")
QUERIES = ["waterproof hiking jacket", "running shoes for women", "espresso coffee maker", "black leather backpack under 100"]


@pytest.fixture(scope="module")
def shipped():
    return LearnedRanker.load(DEFAULT_RANKER)


def test_shipped_model_loads_and_is_small(shipped):
    assert list(shipped.booster.feature_name()) == list(FEATURES)
    assert DEFAULT_RANKER.stat().st_size < 600_000
    report = DEFAULT_RANKER.with_name("ranker_report.json")
    assert report.is_file() and DEFAULT_RANKER.with_name("ranker_report.md").is_file()


def test_ranks_deterministically(demo_index, shipped):
    a = HybridSearcher(demo_index, ranker=shipped)
    b = HybridSearcher(demo_index, ranker=LearnedRanker.load(DEFAULT_RANKER))
    for q in QUERIES:
        first = [(h.id, round(h.score, 9)) for h in a.search(q, k=10, filters=PRODUCTS)]
        assert first == [(h.id, round(h.score, 9)) for h in a.search(q, k=10, filters=PRODUCTS)]
        assert first == [(h.id, round(h.score, 9)) for h in b.search(q, k=10, filters=PRODUCTS)]
        scores = [s for _, s in first]
        assert scores == sorted(scores, reverse=True)


def test_ranker_reorders_only_the_fused_pool_and_keeps_filters(demo_index, shipped):
    hybrid = HybridSearcher(demo_index)
    ranked = HybridSearcher(demo_index, ranker=shipped, rerank_depth=50)
    f = SearchFilters(kind="product", max_price=100)
    for q in QUERIES:
        pool = {h.id for h in hybrid.search(q, k=50, filters=f)}
        got = ranked.search(q, k=10, filters=f)
        assert {h.id for h in got} <= pool
        assert all(h.product.price is not None and h.product.price <= 100 for h in got)


def test_without_a_ranker_the_hybrid_order_is_unchanged(demo_index, shipped):
    plain = HybridSearcher(demo_index)
    off = HybridSearcher(demo_index, ranker=None)
    on = HybridSearcher(demo_index, ranker=shipped)
    for q in QUERIES:
        expected = [(h.id, h.score) for h in plain.search(q, k=10, filters=PRODUCTS)]
        assert [(h.id, h.score) for h in off.search(q, k=10, filters=PRODUCTS)] == expected
        assert [(h.id, h.score) for h in on.search(q, k=10, filters=PRODUCTS, rerank=False)] == expected
        # not a product search, or not hybrid: the ranker stays out
        assert [h.id for h in on.search(q, k=10)] == [h.id for h in plain.search(q, k=10)]
        assert [h.id for h in on.search(q, k=10, filters=PRODUCTS, mode="dense")] == \
            [h.id for h in plain.search(q, k=10, filters=PRODUCTS, mode="dense")]


def test_missing_model_degrades_to_hybrid_order_with_a_warning(tmp_path, caplog, demo_index):
    with caplog.at_level(logging.WARNING, logger="retrieval.ranker"):
        ranker = load_ranker(tmp_path / "no-such-model.txt")
    assert ranker is None
    assert "not found" in caplog.text and "hybrid order" in caplog.text
    assert load_ranker(tmp_path / "no-such-model.txt", enabled=False) is None
    searcher = HybridSearcher(demo_index, ranker=ranker)
    assert [h.id for h in searcher.search(QUERIES[0], filters=PRODUCTS)] == \
        [h.id for h in HybridSearcher(demo_index).search(QUERIES[0], filters=PRODUCTS)]


@pytest.mark.parametrize("content", ["", "garbage\x00not a model", "tree\nversion=v4\nnum_class=1\n"])
def test_corrupt_model_degrades_with_a_warning(tmp_path, caplog, content):
    path = tmp_path / "ranker.txt"
    path.write_text(content, "utf-8")
    with caplog.at_level(logging.WARNING, logger="retrieval.ranker"):
        assert load_ranker(path) is None
    assert "hybrid order" in caplog.text
    with pytest.raises(RankerUnavailable):
        LearnedRanker.load(path)


def test_truncated_shipped_model_degrades(tmp_path, caplog):
    path = tmp_path / "ranker.txt"
    text = DEFAULT_RANKER.read_text("utf-8")
    path.write_text(text[: len(text) // 3], "utf-8")
    with caplog.at_level(logging.WARNING, logger="retrieval.ranker"):
        assert load_ranker(path) is None
    assert "hybrid order" in caplog.text


def test_model_of_other_features_is_refused(tmp_path, caplog):
    import lightgbm as lgb

    rng = np.random.default_rng(1)
    X, y = rng.random((60, 3)), rng.integers(0, 3, 60)
    booster = lgb.train({"objective": "lambdarank", "verbose": -1, "min_data_in_leaf": 2}, lgb.Dataset(X, y, group=[10] * 6),
                        num_boost_round=2)
    path = tmp_path / "other.txt"
    path.write_text(booster.model_to_string(), "utf-8")
    with caplog.at_level(logging.WARNING, logger="retrieval.ranker"):
        assert load_ranker(path) is None
    assert "other features" in caplog.text


def test_scoring_error_keeps_the_hybrid_order_for_that_query(demo_index, shipped, caplog):
    class Broken:
        popularity = None

        def order(self, *args, **kwargs):
            raise RuntimeError("model exploded")

    searcher = HybridSearcher(demo_index, ranker=Broken())
    with caplog.at_level(logging.WARNING, logger="retrieval.search"):
        got = [h.id for h in searcher.search(QUERIES[1], k=10, filters=PRODUCTS)]
    assert got == [h.id for h in HybridSearcher(demo_index).search(QUERIES[1], k=10, filters=PRODUCTS)]
    assert "model exploded" in caplog.text and "hybrid order" in caplog.text


def test_features_are_the_same_at_training_and_serving(demo_index, shipped, monkeypatch):
    """Serving: what the searcher hands the model. Training: evals.train_ranker computes a judged
    product outside the pool from the stored vectors and the index's BM25 (candidates_for); for
    every product of the pool both ways must give the same row."""
    import retrieval.ranker as R
    from retrieval.documents import product_record_id
    from retrieval.ranker import StatsCache, bm25_of, candidates_for, pool_candidates

    captured = {}
    real = R.features

    def spy(info, cands, stats):
        captured["info"], captured["cands"], captured["X"] = info, list(cands), real(info, cands, stats)
        return captured["X"]

    monkeypatch.setattr(R, "features", spy)
    searcher = HybridSearcher(demo_index, ranker=shipped)
    stats = StatsCache().get(demo_index.lexical)
    for q in QUERIES:
        vector = searcher.query_vector(q)
        searcher.search(q, k=10, filters=PRODUCTS, query_vector=vector)
        serving = captured["X"]
        # training's pool path: the same call the trainer makes
        pool = searcher.pool(q, searcher.rerank_depth, PRODUCTS, query_vector=vector)
        hits, info, cands = pool_candidates(demo_index, q, pool.vector, pool.hits, pool.dense_scores, pool.lexical_scores, PRODUCTS)
        assert np.array_equal(features(info, cands, stats), serving, equal_nan=True)
        # training's judged-product path, from stored vectors
        products = [h.product for h in hits]
        rids = [product_record_id(p.id) for p in products]
        vectors = demo_index.vectors(rids)
        judged = candidates_for(products, [float(vectors[r] @ vector) for r in rids], bm25_of(demo_index, q, rids),
                                vectors=[vectors[r] for r in rids], pool_ranks=list(range(len(rids))))
        other = features(info, judged, stats)
        np.testing.assert_allclose(other, serving, rtol=1e-4, atol=1e-5)


def test_served_order_is_the_model_with_the_retrieval_prior_as_in_training(demo_index, shipped, monkeypatch):
    """The searcher ranks by the model's score plus the retrieval prior; the trainer's figures
    (evals.train_ranker.with_prior) add the same prior to the same rows."""
    import retrieval.ranker as R
    from evals.train_ranker import Rows, with_prior

    captured = {}
    real = R.features

    def spy(info, cands, stats):
        captured["X"] = real(info, cands, stats)
        return captured["X"]

    monkeypatch.setattr(R, "features", spy)
    searcher = HybridSearcher(demo_index, ranker=shipped, rerank_depth=50)
    for q in QUERIES:
        served = [h.score for h in searcher.search(q, k=50, filters=PRODUCTS)]
        X = captured["X"]
        expected = R.with_retrieval_prior(shipped.score(X), X, searcher.dense_weight)
        assert served == pytest.approx(sorted(expected.tolist(), reverse=True))
        n = len(X)
        rows = Rows("demo", X, np.full(n, np.nan), np.ones(n, bool), np.arange(n, dtype=np.int32), np.array([str(i) for i in range(n)]),
                    np.array([n]), [q], [q], 1.0, dense_weight=searcher.dense_weight)
        np.testing.assert_allclose(with_prior(rows, shipped.score(X)), expected)


def test_retrieval_prior_standardises_per_query():
    from retrieval.ranker import standardised, with_retrieval_prior

    assert standardised(np.array([2.0, 2.0])).tolist() == [0.0, 0.0]
    z = standardised(np.array([1.0, 2.0, 3.0]))
    assert z.mean() == pytest.approx(0.0) and z.std() == pytest.approx(1.0)
    X = np.zeros((3, len(FEATURES)), dtype=np.float32)
    col = {n: i for i, n in enumerate(FEATURES)}
    X[:, col["cosine"]] = [0.9, 0.1, np.nan]  # an unknown cosine counts as nothing alike
    X[:, col["bm25_index"]] = [5.0, 1.0, 0.0]
    X[:, col["bm25_index_norm"]] = [1.0, 0.2, 0.0]
    model = np.array([0.0, 0.0, 0.0])  # the model has no opinion: the prior decides
    order = np.argsort(-with_retrieval_prior(model, X, dense_weight=0.6))
    assert order.tolist() == [0, 1, 2]
    # with no prior, the model's own order (standardised) is kept
    assert np.argsort(-with_retrieval_prior(np.array([3.0, 1.0, 2.0]), X, 0.6, weights=(0.0, 0.0))).tolist() == [0, 2, 1]


def test_feature_groups_cover_every_feature_once():
    names = [n for g in FEATURE_GROUPS.values() for n in g]
    assert sorted(names) == sorted(FEATURES) and len(set(names)) == len(names)
    assert sorted(group_columns(list(FEATURE_GROUPS))) == list(range(len(FEATURES)))


def test_features_read_attributes_and_commerce():
    stats = TermStats(1000, {"jacket": 30, "black": 100, "women": 50})
    info = QueryInfo("black jacket for women", max_cosine=0.8, max_bm25=10.0, filters=SearchFilters(max_price=200))
    match = Product(id="a", title="Alpine Women's Rain Jacket in Black", color="Black", audience=["women"], price=100.0,
                    rating=4.5, rating_count=99, product_type="Jacket")
    clash = Product(id="b", title="Men's Red Rain Jacket", color="Red", audience=["men"], product_type="Jacket")
    X = features(info, [Candidate(match, 0.7, 8.0, 3.0), Candidate(clash, None, 2.0)], stats)
    col = {n: i for i, n in enumerate(FEATURES)}
    assert X[0, col["color_match"]] == 1 and X[1, col["color_match"]] == -1
    assert X[0, col["audience_match"]] == 1 and X[1, col["audience_match"]] == -1
    assert X[0, col["head_is_type"]] == 1 and X[0, col["coverage_title"]] == 1.0
    assert X[0, col["price_fit"]] == pytest.approx(0.5) and np.isnan(X[1, col["price_fit"]])
    assert X[0, col["cosine"]] == pytest.approx(0.7) and np.isnan(X[1, col["cosine"]])
    assert X[0, col["bm25_index_norm"]] == pytest.approx(0.8)
    assert X[0, col["popularity_log"]] == pytest.approx(np.log1p(3.0)) and np.isnan(X[1, col["popularity_log"]])


def test_onnx_embedder_agrees_with_torch(embedder):
    from retrieval.onnx_embeddings import OnnxEmbedder

    onnx = OnnxEmbedder()
    assert onnx.model_id == embedder.model_id and onnx.dimension == embedder.dimension
    texts = ["Veloxa Tailwind Trail Running Shoe", "how long does shipping take?", "", "a" * 3000,
             "BEHR Premium Textured DeckOver 1-gal. #SC-141 Tugboat Wood and Concrete Coating",
             "Waterproof hiking jacket with taped seams, packable hood and two zip pockets; fits true to size."]
    a, b = embedder.embed(texts), onnx.embed(texts)
    assert b.shape == a.shape and b.dtype == np.float32
    assert float((a * b).sum(1).min()) > 0.999
    np.testing.assert_allclose(np.linalg.norm(b, axis=1), 1.0, atol=1e-5)
    assert onnx.embed([]).shape == (0, embedder.dimension)


# --- the int8 ONNX runtime (retrieval.onnx_embeddings.OnnxInt8Embedder) ----------------------------

INT8_TEXTS = ["Veloxa Tailwind Trail Running Shoe", "how long does shipping take?", "waterproof hiking jacket",
              "BEHR Premium Textured DeckOver 1-gal. #SC-141 Tugboat Wood and Concrete Coating",
              "Waterproof hiking jacket with taped seams, packable hood and two zip pockets; fits true to size.",
              "cordless drill under $100", "Can I return an opened item?", "stainless steel espresso machine with milk frother"]


@pytest.fixture(scope="module")
def int8():
    from retrieval.onnx_embeddings import OnnxInt8Embedder

    return OnnxInt8Embedder()


def test_onnx_int8_embedder_agrees_with_torch_and_names_itself_apart(embedder, int8):
    from retrieval.onnx_embeddings import OnnxEmbedder

    assert int8.runtime == "onnx-int8" and int8.model_file.name.startswith("model-int8-")
    assert int8.model_file.parent == OnnxEmbedder().model_file.parent  # beside the fp32 graph it was made from
    assert int8.model_id == embedder.model_id + "+int8" != OnnxEmbedder().model_id
    assert int8.dimension == embedder.dimension
    a, b = embedder.embed(INT8_TEXTS), int8.embed(INT8_TEXTS)
    assert b.shape == a.shape and b.dtype == np.float32
    cos = (a * b).sum(1)
    assert float(cos.min()) > 0.98 and float(cos.mean()) > 0.985
    assert float(cos.max()) < 0.99999  # really the quantized graph, not the fp32 one
    np.testing.assert_allclose(np.linalg.norm(b, axis=1), 1.0, atol=1e-5)
    # degenerate inputs (empty, one token repeated to the length limit) drift more, but not far
    edge = (embedder.embed(["", "a" * 3000]) * int8.embed(["", "a" * 3000])).sum(1)
    assert float(edge.min()) > 0.95
    assert int8.embed([]).shape == (0, embedder.dimension)


def test_onnx_int8_graph_is_made_once_then_reused(tmp_path, monkeypatch):
    import retrieval.onnx_embeddings as O

    first = O.OnnxInt8Embedder(cache_dir=tmp_path)  # exports the fp32 graph, then quantizes it
    fp32 = first.model_file.with_name("model.onnx")
    assert first.model_file.is_file() and fp32.is_file() and first.model_file.parent.parent == tmp_path
    assert first.model_file.stat().st_size < 0.8 * fp32.stat().st_size
    assert [p.name for p in first.model_file.parent.iterdir() if p.name.startswith(".")] == []  # no temp file left
    stamp = first.model_file.stat().st_mtime_ns

    def refuse(*args, **kwargs):
        raise AssertionError("the cached graph should have been reused")

    monkeypatch.setattr(O, "quantize_onnx", refuse)
    monkeypatch.setattr(O, "export_onnx", refuse)
    second = O.OnnxInt8Embedder(cache_dir=tmp_path)
    assert second.model_file == first.model_file and second.model_file.stat().st_mtime_ns == stamp
    np.testing.assert_allclose(second.embed(INT8_TEXTS[:3]), first.embed(INT8_TEXTS[:3]), atol=1e-6)


def test_onnx_int8_cache_key_covers_the_settings_and_the_quantizer(monkeypatch):
    import onnxruntime

    import retrieval.onnx_embeddings as O

    base = O._quantization_digest()
    assert O._quantization_digest() == base
    monkeypatch.setitem(O.QUANTIZATION, "per_channel", False)
    assert O._quantization_digest() != base
    monkeypatch.setitem(O.QUANTIZATION, "per_channel", True)
    assert O._quantization_digest() == base
    monkeypatch.setattr(onnxruntime, "__version__", "0.0.1")
    assert O._quantization_digest() != base


def test_onnx_int8_runtime_is_selected_by_settings(monkeypatch, int8):
    from typing import get_args

    from pydantic import ValidationError

    from assistant.settings import Settings
    from retrieval.embeddings import RUNTIMES, TransformersEmbedder, make_embedder
    from retrieval.onnx_embeddings import OnnxInt8Embedder

    assert get_args(Settings.model_fields["embedding_runtime"].annotation) == RUNTIMES
    assert Settings().embedding_runtime == "torch"  # full precision stays the default
    monkeypatch.setenv("SHOPASSIST_EMBEDDING_RUNTIME", "onnx-int8")
    chosen = Settings().make_embedder()
    assert isinstance(chosen, OnnxInt8Embedder) and chosen.model_id == int8.model_id
    assert chosen.model_file == int8.model_file
    assert isinstance(Settings(embedding_runtime="torch").make_embedder(), TransformersEmbedder)
    with pytest.raises(ValidationError):
        Settings(embedding_runtime="int8")
    with pytest.raises(ValueError, match="onnx-int8"):
        make_embedder(runtime="fp16")  # type: ignore[arg-type]


def test_an_index_built_with_int8_vectors_refuses_full_precision_ones(tmp_path, embedder, int8):
    from retrieval.store import IndexConfigError, IndexLocation, ShopIndex

    location = IndexLocation(home=tmp_path)
    ShopIndex(location, int8).close()
    with pytest.raises(IndexConfigError, match=r"built with embedding model 'all-MiniLM-L6-v2\+int8'"):
        ShopIndex(location, embedder)
    ShopIndex(location, int8).close()


def test_onnx_int8_threads_default_to_the_usable_cores_without_spinning(int8):
    import os

    from retrieval.onnx_embeddings import OnnxInt8Embedder

    opts = int8._session.get_session_options()
    assert opts.intra_op_num_threads == len(os.sched_getaffinity(0))
    assert opts.get_session_config_entry("session.intra_op.allow_spinning") == "0"
    assert OnnxInt8Embedder(threads=1)._session.get_session_options().intra_op_num_threads == 1


def test_pool_features_compare_each_candidate_with_the_others_never_itself():
    """The odd one out of a pool (another head word, a vector far from the rest) scores low; a
    candidate outside the pool is compared with the whole pool; no vectors, no pool features."""
    stats = TermStats(100, {})
    info = QueryInfo("cordless drill")
    axis = np.eye(4, dtype=np.float32)
    near = (axis[0] + 0.1 * axis[1]) / np.linalg.norm(axis[0] + 0.1 * axis[1])
    titles = ["DeWalt 20V Cordless Drill", "Makita 18V Cordless Drill", "Ryobi Cordless Drill Kit", "Garden Hose Reel"]
    vectors = [axis[0], near, axis[0], axis[2]]
    cands = [Candidate(Product(id=str(i), title=t), vector=v, pool_rank=i) for i, (t, v) in enumerate(zip(titles, vectors))]
    outside = Candidate(Product(id="x", title="Bosch Cordless Drill"), vector=axis[0])
    X = features(info, cands + [outside], stats)
    col = {n: i for i, n in enumerate(FEATURES)}
    centroid, head = X[:, col["pool_centroid_cosine"]], X[:, col["pool_head_share"]]
    assert centroid[3] < 0.1 and centroid[0] > 0.85  # the hose is far from the drills
    assert head[0] == pytest.approx(1 / 3)  # "drill": one of the other three (the kit's head word is "kit")
    assert head[3] == 0.0 and head[4] == pytest.approx(2 / 4)  # outside: against all four
    assert X[4, col["pool_neighbour_cosine"]] == pytest.approx(np.sort(np.stack(vectors) @ axis[0])[-3:].mean())
    bare = features(info, [Candidate(Product(id=str(i), title=t)) for i, t in enumerate(titles)], stats)
    assert np.isnan(bare[:, group_columns(["pool"])]).all()
