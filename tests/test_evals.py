"""`shopassist eval run`: the metrics against hand-computed cases, report writing / comparing,
and the CI gate: the fast subset (demo data, no LLM) must meet evals/thresholds.toml."""

import json
import math

import pytest

from evals import metrics as M
from evals.report import check_thresholds, compare, run_compare, write_reports
from evals.suites.dialogue import check_expectations, ungrounded_prices

# --- metrics, hand-computed ---------------------------------------------------------------------


def test_ndcg_graded_by_hand():
    grades = {"a": 2, "b": 1, "c": 1}
    # ranked b, x, a: DCG = (2^1-1)/log2(2) + 0 + (2^2-1)/log2(4) = 1 + 1.5 = 2.5
    # ideal a, b, c:  IDCG = 3/1 + 1/log2(3) + 1/log2(4) = 3 + 0.63093 + 0.5 = 4.13093
    assert M.ndcg_at_k(["b", "x", "a"], grades, 10) == pytest.approx(2.5 / (3 + 1 / math.log2(3) + 0.5))
    assert M.ndcg_at_k(["a", "b", "c"], grades, 10) == pytest.approx(1.0)
    # cut at k=1: DCG = 1 (b), IDCG = 3 (a)
    assert M.ndcg_at_k(["b", "a"], grades, 1) == pytest.approx(1 / 3)


def test_ndcg_ties_duplicates_and_empty():
    # two items of the same grade in either order score the same
    grades = {"a": 1, "b": 1}
    assert M.ndcg_at_k(["a", "b"], grades) == M.ndcg_at_k(["b", "a"], grades) == pytest.approx(1.0)
    # repeating an id does not earn its gain twice
    assert M.ndcg_at_k(["a", "a"], {"a": 1, "b": 1}) == pytest.approx(1 / (1 + 1 / math.log2(3)))
    assert M.ndcg_at_k([], {"a": 2}) == 0.0
    assert math.isnan(M.ndcg_at_k(["a"], {}))  # no relevant item: undefined, left out of means
    assert math.isnan(M.ndcg_at_k(["a"], {"a": 0}))


def test_recall_mrr_hit_by_hand():
    grades = {"a": 2, "b": 1, "c": 2}
    assert M.recall_at_k(["a", "x", "b"], grades, k=10) == pytest.approx(2 / 3)
    assert M.recall_at_k(["a", "x", "b"], grades, k=10, min_grade=2) == pytest.approx(1 / 2)
    assert M.recall_at_k(["x", "a"], grades, k=1) == 0.0
    assert math.isnan(M.recall_at_k(["a"], {}))
    assert M.reciprocal_rank(["x", "b", "a"], grades) == pytest.approx(1 / 2)
    assert M.reciprocal_rank(["x", "b", "a"], grades, min_grade=2) == pytest.approx(1 / 3)
    assert M.reciprocal_rank([], grades) == 0.0
    assert M.reciprocal_rank(["x", "x", "a"], grades) == pytest.approx(1 / 2)  # duplicates count once
    assert M.hit_at_k(["x", "y", "a"], {"a"}, k=2) == 0.0
    assert M.hit_at_k(["x", "a"], {"a"}, k=2) == 1.0
    assert M.hit_at_k([], {"a"}) == 0.0


def test_rates_means_percentiles():
    assert M.constraint_precision([True, True, False, True]) == 0.75
    assert math.isnan(M.constraint_precision([]))
    assert M.mean([1.0, float("nan"), 0.0]) == 0.5
    assert math.isnan(M.mean([]))
    assert M.rate([True, False]) == 0.5
    assert M.percentile([1, 2, 3, 4], 50) == 2.5
    assert M.percentile([10], 95) == 10
    assert M.percentile([0, 100], 95) == pytest.approx(95)
    assert math.isnan(M.percentile([], 50))


def test_ungrounded_prices():
    reply = "Here are some options:\n1. Shoe — 147.99 USD: light.\n2. Other — 99.00 USD: only $89.50 today!"
    assert ungrounded_prices(reply, [147.99, 99.0], []) == ["89.50"]
    assert ungrounded_prices("Free over $50. Flat $5.95.\n1. X — 10.00 USD", [10.0], ["Free over $50. Flat $5.95."]) == []
    assert ungrounded_prices("1. X — 1,299.00 USD", [1299.0], []) == []


def test_expectations():
    from assistant.dialogue import Constraints
    from assistant.events import ProductOut, TurnResult
    from retrieval.schemas import Product

    catalog = {"p1": Product(id="p1", title="A", price=90, brand="Veloxa", color="Blue")}
    result = TurnResult(session_id="s", reply="", intent="product", constraints=Constraints(),
                        products=[ProductOut(id="p1", title="A", price=90, currency="USD", reason="r", brand="Veloxa", color="Blue")])
    got = check_expectations(result, {"max_price": 100, "brand_not": "veloxa", "color": "blue", "routes_to": "product",
                                      "hands_off": False}, catalog)
    assert got == {"max_price": True, "brand_not": False, "color": True, "routes_to": True, "hands_off": True}
    empty = result.model_copy(update={"products": []})
    assert check_expectations(empty, {"max_price": 100}, catalog) == {"max_price": False}  # nothing shown fails


# --- reports ----------------------------------------------------------------------------------


def _report(**suites):
    return {"schema": 1, "created": "now", "machine": {}, "configs": [], "suites": suites, "failures": [], "latency": {}, "notes": []}


def test_compare_flags_regressions_beyond_tolerance(tmp_path, capsys):
    a = _report(retrieval={"hybrid": {"ndcg_at_10": 0.80, "queries": 75}}, dialogue={"hybrid": {"hallucinated_product_rate": 0.0}},
                latency={"hybrid": {"total_p50_ms": 100.0}})
    b = _report(retrieval={"hybrid": {"ndcg_at_10": 0.79, "queries": 80}}, dialogue={"hybrid": {"hallucinated_product_rate": 0.05}},
                latency={"hybrid": {"total_p50_ms": 900.0}})
    _lines, regressions = compare(a, b, 0.02)
    assert regressions == ["dialogue/hybrid/hallucinated_product_rate: 0.000 -> 0.050 (+0.050)"]
    _lines, regressions = compare(a, _report(retrieval={"hybrid": {"ndcg_at_10": 0.70}}), 0.02)
    assert len(regressions) == 1 and "ndcg_at_10" in regressions[0]
    write_reports(a, tmp_path / "a")
    write_reports(b, tmp_path / "b")
    assert run_compare(tmp_path / "a" / "report.json", tmp_path / "a" / "report.json") == 0
    assert run_compare(tmp_path / "a" / "report.json", tmp_path / "b" / "report.json") == 1
    assert "REGRESSION" in capsys.readouterr().out


def test_thresholds_report_metric_value_threshold(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text('[[check]]\nsuite="faq"\nconfig="hybrid"\nmetric="accuracy_at_1"\nmin=0.8\n'
                    '[[check]]\nsuite="dialogue"\nconfig="hybrid"\nmetric="hallucinated_product_rate"\nmax=0.0\n')
    r = _report(faq={"hybrid": {"accuracy_at_1": 0.5}}, dialogue={"hybrid": {"hallucinated_product_rate": 0.0}})
    assert check_thresholds(r, path) == ["faq/hybrid/accuracy_at_1, 0.5000, >= 0.8"]
    assert check_thresholds(_report(), path)[0].startswith("faq/hybrid/accuracy_at_1, missing")


# --- the CI gate: fast subset on the demo shop --------------------------------------------------


@pytest.fixture(scope="module")
def fast_report(tmp_path_factory):
    from assistant.settings import Settings
    from evals.run import run_eval
    from retrieval.embeddings import TransformersEmbedder

    folder = tmp_path_factory.mktemp("eval-report")
    report = run_eval(Settings(home=folder / "home", llm_backend="none"), fast=True, report_dir=folder / "report",
                      embedder=TransformersEmbedder())
    return report, folder / "report"


@pytest.mark.slow
def test_fast_subset_meets_thresholds(fast_report):
    report, _ = fast_report
    problems = check_thresholds(report)
    assert not problems, "metric, value, threshold:\n" + "\n".join(problems)


@pytest.mark.slow
def test_fast_report_files(fast_report):
    report, folder = fast_report
    data = json.loads((folder / "report.json").read_text())
    assert data["schema"] == 1 and {"created", "machine", "suites", "failures", "latency"} <= set(data)
    assert set(data["suites"]) == {"retrieval", "faq", "dialogue", "personalization", "latency", "reply-quality"}
    assert not any(c.startswith("hybrid+llm") for s in data["suites"].values() for c in s)
    assert set(data["suites"]["retrieval"]) >= {"bm25", "dense", "hybrid"}
    md = (folder / "report.md").read_text()
    for suite, by_config in data["suites"].items():
        assert f"## {suite}" in md
        for metric in next(iter(by_config.values())):
            assert f"| {metric} |" in md
    html = (folder / "report.html").read_text()
    assert "data:image/png;base64," in html and "<script" not in html
    # personalization: the profile must help once the shopper has history (cold start is equal)
    p = data["suites"]["personalization"]
    assert p["hybrid+profile"]["ndcg_at_10_cold"] == pytest.approx(p["hybrid"]["ndcg_at_10_cold"])
    assert p["hybrid+profile"]["hit_rate_at_5"] >= p["hybrid"]["hit_rate_at_5"]


def test_shared_catalog_loader_skips_clearly(monkeypatch, tmp_path):
    from evals.shared_contexts import load_shared_catalog

    monkeypatch.setenv("SHOPASSIST_SHARED_DATA", str(tmp_path / "absent"))
    catalog, why = load_shared_catalog("flipkart")
    assert catalog is None and "not found" in why


def test_generator_is_deterministic_and_matches_stored_set(tmp_path):
    from evals.data_sets.common import write_jsonl
    from evals.gen_retrieval import DEMO_CATALOG, DEMO_QUERIES, generate, load_catalog

    rows = generate(load_catalog(DEMO_CATALOG))
    write_jsonl(rows, tmp_path / "q.jsonl")
    assert (tmp_path / "q.jsonl").read_text() == DEMO_QUERIES.read_text()
    assert len(rows) >= 60 and all(any(g == 2 for g in r["grades"].values()) for r in rows)


def test_faq_set_size():
    from evals.data_sets.common import read_jsonl
    from evals.paths import DATA

    rows = read_jsonl(DATA / "faq_demo.jsonl")
    assert sum(r["expected"] is not None for r in rows) >= 60
    assert sum(r["expected"] is None for r in rows) >= 20


def test_shopper_wording_twins_keep_labels_and_avoid_catalog_words():
    from evals.data_sets.common import read_jsonl
    from evals.gen_retrieval import DEMO_QUERIES, shopper_words, tokens

    rows = read_jsonl(DEMO_QUERIES)
    by_id = {r["id"]: r for r in rows}
    words = shopper_words()
    twins = [r for r in rows if r["style"] == "shopper"]
    assert len(twins) >= 30 and sum(r["style"] == "catalog" for r in rows) >= 60
    for t in twins:
        base = by_id[t["id"].removesuffix("-shopper")]
        assert base["style"] == "catalog" and t["grades"] == base["grades"] and t["constraints"] == base["constraints"]
        said = tokens(t["query"])
        for attribute in t["soft"]:
            if attribute in words:  # said the shopper's way: none of the catalog attribute's words
                assert not set(tokens(attribute)) & set(said) - set(tokens(" ".join(words[attribute]))), (attribute, t["query"])


@pytest.mark.slow
def test_llm_endpoint_configuration_end_to_end(llama_server, tmp_path):
    """hybrid+llm-endpoint: the agent ranking through a real OpenAI-compatible server (llama.cpp
    serving SmolLM2 on loopback) in the retrieval and dialogue suites, grounded like the others."""
    from assistant.settings import Settings
    from evals.run import run_eval
    from retrieval.embeddings import TransformersEmbedder

    settings = Settings(home=tmp_path / "home", llm_backend="openai", llm_base_url=llama_server, llm_model="smollm2", llm_timeout=120)
    report = run_eval(settings, suites=["retrieval", "dialogue", "latency"], configs=["hybrid+llm-endpoint"],
                      report_dir=tmp_path / "report", embedder=TransformersEmbedder(), llm_turn_limit=2, query_limit=2)
    assert report["configs"] == ["hybrid+llm-endpoint"]
    r = report["suites"]["retrieval"]["hybrid+llm-endpoint"]
    assert r["queries"] == 2 and r["constraint_precision"] == 1.0 and r["ndcg_at_10"] > 0
    d = report["suites"]["dialogue"]["hybrid+llm-endpoint"]
    assert d["turns"] == 2 and d["hallucinated_product_rate"] == 0 and d["ungrounded_price_rate"] == 0
    assert "total_p50_ms" in report["suites"]["latency"]["hybrid+llm-endpoint"]
    assert any("2 of 134 queries" in n for n in report["notes"])


def test_targets_met_not_met_and_not_measured(tmp_path):
    from evals.report import targets

    r = _report(
        retrieval={"bm25": {"ndcg_at_10": 0.95}, "dense": {"ndcg_at_10": 0.90}, "hybrid": {"ndcg_at_10": 0.96},
                   "hybrid+profile": {"ndcg_at_10": 0.95, "constraint_precision": 1.0},
                   "hybrid+llm": {"ndcg_at_10": 0.90, "constraint_precision": 1.0},
                   "tutorial-baseline": {"ndcg_at_10": 0.78, "constraint_precision": 0.6},
                   "bm25@flipkart": {"ndcg_at_10": 0.9}, "dense@flipkart": {"ndcg_at_10": 0.92}, "hybrid@flipkart": {"ndcg_at_10": 0.91}},
        personalization={"hybrid": {"ndcg_at_10": 0.45}, "hybrid+profile": {"ndcg_at_10": 0.60}},
        dialogue={"hybrid+llm": {"hallucinated_product_rate": 0.0}, "hybrid@mg_shopdial": {"hallucinated_product_rate": 0.1}})
    got = {t["target"]: t["status"] for t in targets(r)}
    assert got["retrieval (demo): hybrid beats BM25 and dense on NDCG@10"] == "met"
    assert got["retrieval (flipkart): hybrid beats BM25 and dense on NDCG@10"] == "not met"  # dense 0.92 > hybrid 0.91
    assert got["retrieval (demo): hybrid+profile beats the tutorial baseline by >= 0.15 NDCG@10, constraint precision 1.00"] == "met"
    assert got["retrieval (demo): hybrid+llm beats the tutorial baseline by >= 0.15 NDCG@10, constraint precision 1.00"] == "not met"  # +0.12
    assert got["retrieval (demo): hybrid+llm-endpoint beats the tutorial baseline by >= 0.15 NDCG@10, constraint precision 1.00"] == "not measured"
    assert got["personalization: hybrid + profile beats hybrid (NDCG@10 after the sessions)"] == "met"
    assert got["dialogue (hybrid+llm): hallucinated-product rate 0"] == "met"
    assert got["dialogue (hybrid@mg_shopdial): hallucinated-product rate 0"] == "not met"
    assert got["faq: accuracy@1 >= 0.97 on the Bitext phrasings (hybrid)"] == "not measured"
    write_reports(r, tmp_path)
    assert "## Targets" in (tmp_path / "report.md").read_text() and "<h2>Targets</h2>" in (tmp_path / "report.html").read_text()
    assert len(json.loads((tmp_path / "report.json").read_text())["targets"]) == len(got)


def test_spread_subset_is_even_and_stable():
    from evals.suites.retrieval import spread

    rows = [{"id": i} for i in range(10)]
    assert [r["id"] for r in spread(rows, 3)] == [0, 3, 6]
    assert spread(rows, None) == rows and spread(rows, 50) == rows


def test_llm_configurations_see_every_held_turn_and_a_spread_of_dev_turns():
    from evals.suites.dialogue_state import llm_subset

    rows = [{"id": i, "split": "held" if i % 4 == 0 else "dev"} for i in range(40)]
    chosen = llm_subset(rows, 5)
    assert [r["id"] for r in chosen if r["split"] == "held"] == list(range(0, 40, 4))  # all ten, in order
    assert len([r for r in chosen if r["split"] == "dev"]) == 5
    assert len(llm_subset(rows, None)) == 40  # no bound: the whole bank, once each
