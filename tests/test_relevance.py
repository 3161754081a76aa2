"""The relevance suite: judgment files of the shared layouts (and a shop's own) parse, the vector
cache embeds every text once, the cached index is reused, and the suite scores every ranker end
to end on a small judged set over demo products (cross-validated learned ranker included)."""

from __future__ import annotations

import argparse
import csv
import dataclasses
import math
from pathlib import Path

import numpy as np
import pytest

from evals.suites import relevance as R
from retrieval.ranker_features import FEATURE_GROUPS
from tests.conftest import DEMO


def _write_csv(path: Path, header: list[str], rows: list[list]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def test_home_depot_and_crowdflower_layouts_parse(tmp_path):
    hd = _write_csv(tmp_path / "hd.csv", ["id", "product_uid", "product_title", "search_term", "relevance"],
                    [[1, "100001", "Angle", "angle  bracket", "3"], [2, "100002", "Deck", "angle bracket", "1.33"],
                     [3, "999", "unknown", "x", "2"], [4, "100001", "Angle", "l bracket", "2.5"]])
    hp = _write_csv(tmp_path / "hp.csv", ["product_uid", "product_title"], [["100001", "Simpson Angle"], ["100002", "BEHR DeckOver"]])
    s = R.load_judgments(hd, hp, "home_depot", relevant_at=2.33, lowest=1.0)
    assert [q.text for q in s.queries] == ["angle bracket", "l bracket"]  # whitespace folded, unknown product dropped
    assert s.queries[0].grades == {"100001": 3.0, "100002": 1.33}
    assert [q.text for q in s.rerank_queries()] == ["angle bracket"]
    assert s.relevant(s.queries[0]) == {"100001"} and s.gain(3.0) == 2.0
    cf = _write_csv(tmp_path / "cf.csv", ["id", "query", "product_id", "median_relevance", "relevance_variance"],
                    [[1, "projector", "cf1", 4, 0], [2, "projector", "cf2", 1, 0.5]])
    cp = _write_csv(tmp_path / "cp.csv", ["product_id", "product_title", "product_description"],
                    [["cf1", "Epson projector", "<b>HD</b> 1080p"], ["cf2", "Lamp", ""]])
    c = R.load_judgments(cf, cp)
    assert c.lowest == 1 and c.relevant_at == 4 and c.products[0].description == "<b>HD</b> 1080p"
    assert c.digest() == R.load_judgments(cf, cp).digest() != s.digest()
    with pytest.raises(ValueError, match="no grade column"):
        R.load_judgments(_write_csv(tmp_path / "bad.csv", ["query", "product_id"], [["a", "cf1"]]), cp)


def test_shared_sets_absent_become_a_reason(tmp_path):
    s, why = R.shared_set("home_depot", tmp_path)
    assert s is None and "not found" in why


def test_vector_cache_embeds_each_text_once(tmp_path, embedder):
    cache = R.CachedEmbedder(embedder, R.VectorCache(tmp_path / "v", embedder.dimension))
    a = cache.embed(["red shoe", "blue shoe", "red shoe"])
    assert cache.embedded == 2
    cache.embed(["blue shoe", "green shoe"])
    assert cache.embedded == 3
    cache.flush()
    again = R.CachedEmbedder(embedder, R.VectorCache(tmp_path / "v", embedder.dimension))
    b = again.embed(["red shoe", "blue shoe", "red shoe"])
    assert again.embedded == 0 and np.allclose(a, b)
    assert np.allclose(a, embedder.embed(["red shoe", "blue shoe", "red shoe"]), atol=1e-6)


@pytest.fixture(scope="module")
def small_set(tmp_path_factory):
    """Six queries judged over 60 demo products (grades 1-3 from the product's category)."""
    from retrieval.schemas import Product

    products = [Product.model_validate_json(line) for line in (DEMO / "products.jsonl").read_text("utf-8").splitlines()[:60]]
    queries = []
    for text, word in [("trail running shoes", "run"), ("rain jacket", "jacket"), ("hiking backpack", "pack"),
                       ("coffee", "coffee"), ("shoes for the gym", "shoe"), ("waterproof jacket for hiking", "jacket")]:
        grades = {}
        for p in products[:40]:
            hay = (p.title + " " + " ".join(p.category)).lower()
            grades[p.id] = 3.0 if word in p.title.lower() else 2.0 if word in hay else 1.0
        queries.append(R.JudgedQuery(R.query_id("small", text), text, grades))
    return R.JudgmentSet("small", products, queries, lowest=1.0, relevant_at=3.0, source="test")


def test_suite_scores_every_ranker_and_reuses_its_index(small_set, tmp_path, embedder):
    from assistant.settings import Settings

    settings = Settings(eval_cache=tmp_path / "cache")
    notes: list[str] = []
    out = R.relevance_suite(settings, None, [small_set], embedder=embedder, notes=notes)
    assert set(out) == {f"{c}@small" for c in R.CONFIGS}
    for config, f in out.items():
        assert 0 <= f["rerank_ndcg_at_10"] <= 1 and 0 <= f["recall_at_10"] <= f["recall_at_50"] <= 1, config
        assert f["rerank_queries"] == 6
    # the floor is the floor; search finds what it should
    assert out["random@small"]["recall_at_10"] < out["bm25@small"]["recall_at_10"]
    assert out["hybrid@small"]["rerank_ndcg_at_10"] > out["random@small"]["rerank_ndcg_at_10"]
    assert not math.isnan(out["learned-ranker@small"]["ms_per_query"])
    assert any("learned-ranker@small: the shipped model" in n for n in notes)
    homes = list((tmp_path / "cache").glob("relevance-small-*"))
    assert len(homes) == 1 and (homes[0] / "complete.json").is_file()
    # a second run embeds nothing and builds nothing
    cached = R.cached_embedder(embedder, settings)
    again = R.relevance_suite(settings, ["bm25", "hybrid"], [small_set], embedder=cached)
    assert cached.embedded == 0
    assert again["hybrid@small"]["rerank_ndcg_at_10"] == pytest.approx(out["hybrid@small"]["rerank_ndcg_at_10"])


def test_training_cross_validates_by_query_and_writes_model_and_report(small_set, tmp_path, embedder):
    from assistant.settings import Settings
    from evals import train_ranker as T
    from retrieval.ranker import LearnedRanker

    settings = Settings(eval_cache=tmp_path / "cache")
    report = T.train_ranker([small_set], tmp_path / "model" / "ranker.txt", settings=settings, embedder=embedder, folds=3,
                            rounds=20, ablation=True)
    assert (tmp_path / "model" / "ranker.txt").is_file()
    assert (tmp_path / "model" / "ranker_report.md").read_text("utf-8").startswith("# Learned ranker")
    assert set(report["ablation"]) == set(FEATURE_GROUPS)
    assert report["trained_on"][0]["digest"] == small_set.digest()
    assert T.trained_digests(tmp_path / "model" / "ranker.txt") == {small_set.digest()}
    LearnedRanker.load(tmp_path / "model" / "ranker.txt")
    # folds split by query: every query in exactly one fold, the same whatever the set
    assert {T.fold_of(q.text, 3) for q in small_set.queries} <= {0, 1, 2}
    assert T.fold_of("Rain Jacket", 5) == T.fold_of("rain jacket", 5)
    # the out-of-fold scores of training's cross-validation are kept: the suite reads them back
    assert len(list((tmp_path / "cache").glob("cv-*.npz"))) == 1
    from evals.relevance_index import RelevanceIndex, cached_embedder

    idx = RelevanceIndex(small_set, settings, cached_embedder(embedder, settings))
    try:
        rows = T.rows_for(small_set, idx)
        again = T.CrossValidated.fit([rows], folds=3, rounds=20, cache_dir=tmp_path / "cache")
        fresh = T.CrossValidated.fit([rows], folds=3, rounds=20)
    finally:
        idx.close()
    np.testing.assert_allclose(again.oof["small"], fresh.oof["small"])
    # rows of another index (say int8 vectors) have their own key, and cached scores that do not fit are refitted
    assert rows.key == T.rows_key(small_set, idx) != T.rows_key(small_set, _FakeIndex(idx, "relevance-small-otherruntime"))
    shorter = dataclasses.replace(rows, X=rows.X[:-1], gain=rows.gain[:-1], in_pool=rows.in_pool[:-1],
                                  pool_rank=rows.pool_rank[:-1], items=rows.items[:-1],
                                  groups=np.concatenate([rows.groups[:-1], [rows.groups[-1] - 1]]).astype(np.int32))
    refit = T.CrossValidated.fit([shorter], folds=3, rounds=20, cache_dir=tmp_path / "cache")
    assert len(refit.oof["small"]) == len(shorter.X)


@dataclasses.dataclass
class _FakeIndex:
    """An index seen from rows_for's side with another folder name (another model or runtime)."""

    real: object
    name: str

    def __getattr__(self, attr):
        return getattr(self.real, attr)

    @property
    def home(self):
        return self.real.home.with_name(self.name)


def test_train_ranker_command_joins_the_train_group():
    from assistant import cli

    parser = cli.build_parser()
    args = parser.parse_args(["train", "ranker", "--judgments", "j.csv", "--products", "p.csv", "--no-ablation"])
    assert args.handler.__module__ == "evals.cli" and args.judgments == [Path("j.csv")] and args.no_ablation
    train = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices["train"]
    assert {"ranker"} <= set(next(a for a in train._actions if isinstance(a, argparse._SubParsersAction)).choices)


def test_spelling_recall_compares_search_with_and_without_correction(small_set, tmp_path, embedder):
    from assistant.settings import Settings
    from evals.data_sets.relevance import JudgmentSet
    from evals.relevance_index import RelevanceIndex, cached_embedder
    from evals.spelling_recall import spelling_recall

    typo = R.JudgedQuery(R.query_id("small", "trail runing shoes"), "trail runing shoes", small_set.queries[0].grades)
    jset = JudgmentSet("small", small_set.products, list(small_set.queries) + [typo], lowest=1.0, relevant_at=3.0, source="test")
    settings = Settings(eval_cache=tmp_path / "cache")
    idx = RelevanceIndex(jset, settings, cached_embedder(embedder, settings))
    try:
        out = spelling_recall(jset, idx)
    finally:
        idx.close()
    assert out["changed"] == 1 and out["sample"] == [("trail runing shoes", "trail running shoes")]
    assert out["recall_at_10_with"] >= out["recall_at_10_without"]
