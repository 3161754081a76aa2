"""The shared real data sets in `shopassist eval run`, proven on fixture trees in the same layout
(tests/fixtures/shared_data: a few rows each, written by us) with the real embedder and real
Chroma: FAQ sets scored, shared catalogs sampled / indexed with their queries, MG-ShopDial routing
and shared-catalog scenarios replayed through the agent (no LLM), malformed files -> notes."""

from __future__ import annotations

import math
import shutil

import pytest

from tests.conftest import FIXTURES

SHARED = FIXTURES / "shared_data"
CONFIGS = ["bm25", "dense", "hybrid", "tutorial-baseline"]


@pytest.fixture(scope="module", autouse=True)
def shared_env():
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SHOPASSIST_SHARED_DATA", str(SHARED))
        yield


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    from assistant.settings import Settings

    return Settings(home=tmp_path_factory.mktemp("shared-eval") / "home", llm_backend="none")


@pytest.fixture(scope="module")
def contexts(settings, embedder, tmp_path_factory):
    from evals.shared_contexts import SharedContexts

    shared = SharedContexts(settings, embedder, queries_dir=tmp_path_factory.mktemp("no-stored-queries"))
    yield shared
    shared.close()


def _sane(value: float) -> bool:
    return not math.isnan(value) and 0.0 <= value <= 1.0


def test_faq_sets_scored_per_config(settings, embedder):
    from evals.suites.faq import shared_faq_suite

    out, failures, notes = {}, [], []
    shared_faq_suite(settings, embedder, CONFIGS, out, failures, notes)
    assert set(out) == {f"{c}@{s}" for c in CONFIGS for s in ("bitext", "ecommerce_faq")}
    assert out["hybrid@bitext"]["questions"] == 14 and out["hybrid@ecommerce_faq"]["questions"] == 6
    for metrics in out.values():
        assert _sane(metrics["accuracy_at_1"]) and _sane(metrics["mrr"]) and metrics["out_of_scope_questions"] == 22
    # the demo set's out-of-scope questions are asked of every FAQ: the calibrated lookup hands them off
    assert out["hybrid@bitext"]["out_of_scope_refused"] >= 0.9 and out["hybrid@ecommerce_faq"]["out_of_scope_refused"] >= 0.9
    # an entry's own question must find it; paraphrases mostly
    assert out["dense@ecommerce_faq"]["accuracy_at_1"] == 1.0
    assert out["dense@bitext"]["mrr"] >= 0.7
    assert any("exact-question" in n for n in notes)


def test_faq_lookup_command_reports_accuracy_and_out_of_scope_refusals(settings, capsys):
    from evals.faq_lookup import run_faq_eval

    assert run_faq_eval(settings, data_dir=SHARED) == 0
    printed = capsys.readouterr().out
    assert "accuracy@1 (right entry and confident)" in printed
    refused = next(line for line in printed.splitlines() if "out-of-scope questions refused (22" in line)
    assert float(refused.split()[-1]) >= 0.9


def test_bitext_limit_is_a_stratified_sample():
    from evals.data_sets.bitext import bitext_faq_set

    faq, why = bitext_faq_set(limit=5)
    assert faq is not None and "stratified" in why
    assert len(faq.rows) == 5 and len({r["expected"] for r in faq.rows}) == 5  # every label once
    again, _ = bitext_faq_set(limit=5)
    assert again.rows == faq.rows


def test_retrieval_sets_sampled_indexed_and_stored(settings, embedder, contexts, tmp_path):
    from evals.data_sets.catalogs import sample_catalog
    from evals.gen_retrieval import main as gen_main
    from evals.shared_contexts import load_shared_catalog, shared_retrieval_sets

    sets, notes = shared_retrieval_sets(settings, embedder, contexts=contexts)
    assert [name for name, _, _ in sets] == ["flipkart", "amazon_in"]
    for name, ctx, queries in sets:
        assert queries and ctx.products
        assert all(set(q["grades"]) <= set(ctx.products) for q in queries), name  # grades name indexed products only
    assert any("gen_retrieval --shared flipkart" in n for n in notes)

    # The stored file records the sample, and the same sample and queries come back from it.
    out = tmp_path / "retrieval_flipkart.jsonl"
    assert gen_main(["--shared", "flipkart", "--out", str(out)]) == 0
    stored, why = load_shared_catalog("flipkart", queries_dir=tmp_path)
    generated, _ = contexts.catalog("flipkart")
    assert stored.stored == out and "stored queries" in why
    assert [p.id for p in stored.products] == [p.id for p in generated.products]
    assert stored.queries == generated.queries and stored.sample["seed"] == 13

    # A small budget keeps the generator's categories whole and fills the rest by leaf.
    sample, meta = sample_catalog(generated.products, max_products=10, max_categories=1)
    leaves = [p.category[-1] for p in sample]
    assert len(sample) == 10 and leaves.count("T-Shirts") == 8 and len(set(leaves)) == 3
    assert meta["ids"] == [p.id for p in sample]


def test_retrieval_suite_scores_shared_catalogs(settings, embedder, contexts):
    """The retrieval suite over the shared catalogs' own indexes: keys "<config>@<catalog>", the
    agent configuration included, constraints kept end to end."""
    from evals.context import Context
    from evals.suites.retrieval import retrieval_suite

    demo = Context(settings, embedder)
    try:
        out, failures, notes = {}, [], []
        retrieval_suite(demo, ["bm25", "hybrid", "hybrid+profile", "tutorial-baseline"], out, failures, notes, fast=False, shared=contexts)
    finally:
        demo.close()
    for catalog in ("flipkart", "amazon_in"):
        for config in ("bm25", "hybrid", "hybrid+profile", "tutorial-baseline"):
            m = out[f"{config}@{catalog}"]
            assert m["queries"] > 0 and _sane(m["ndcg_at_10"]), (config, catalog, m)
        assert out[f"hybrid@{catalog}"]["constraint_precision"] == 1.0
        assert out[f"hybrid+profile@{catalog}"]["constraint_precision"] == 1.0
    assert "hybrid" in out and "hybrid@flipkart" in out


def test_mg_shopdial_and_catalog_scenarios_replayed(contexts):
    from evals.suites.dialogue import catalog_dialogue_suite, mg_shopdial_suite

    ctx, _cat, _why = contexts.context("flipkart")
    out, failures, notes = {}, [], []
    mg_shopdial_suite(ctx, ["hybrid"], out, failures, notes)
    mg = out["hybrid@mg_shopdial"]
    assert mg["turns"] == 10 and mg["hallucinated_product_rate"] == 0.0
    assert {"sane_routing_meta", "sane_routing_qa", "sane_routing_search", "sane_routing_recommendation"} <= set(mg)
    assert all(_sane(v) for k, v in mg.items() if k.startswith("sane_routing"))
    # "hello" / "thanks" / "ok" are small talk for the rules; a miss is listed with what was expected
    assert mg["sane_routing_meta"] >= 0.5
    assert all(f["expected"]["routes"] and f["got"]["route"] not in f["expected"]["routes"]
               for f in failures if f["config"] == "hybrid@mg_shopdial")

    catalog_dialogue_suite(contexts, ["hybrid"], out, failures, notes)
    scen = out["hybrid@flipkart"]
    assert scen["turns"] == 9 and scen["hallucinated_product_rate"] == 0.0 and scen["ungrounded_price_rate"] == 0.0
    assert {"pass_max_price", "pass_color", "pass_brand_not", "pass_routes_to"} <= set(scen)
    assert scen["pass_all"] >= 0.8, [f for f in failures if f["config"] == "hybrid@flipkart"]


def test_malformed_and_absent_data_give_notes(settings, embedder, tmp_path):
    from evals.data_sets.bitext import bitext_faq_set
    from evals.data_sets.ecommerce_faq import ecommerce_faq_set
    from evals.data_sets.mg_shopdial import mg_shopdial_turns
    from evals.shared_contexts import SharedContexts, load_shared_catalog
    from evals.suites.dialogue import catalog_dialogue_suite
    from evals.suites.faq import shared_faq_suite

    bad = tmp_path / "data"
    shutil.copytree(SHARED, bad)
    (bad / "dialogues/mg_shopdial/MGShopDial_like.json").write_text('[{"id": "x", "utterances": [', "utf-8")
    (bad / "faq/ecommerce_faq/ecommerce_faq_like.json").write_text("{not json", "utf-8")
    (bad / "faq/bitext/utterances_8k_like.csv").write_text("words,tags\nhello,x\n", "utf-8")
    (bad / "catalog/flipkart/flipkart_com-ecommerce_sample_like.csv").write_text("foo,bar\n1,2\n", "utf-8")

    dialogues, why = mg_shopdial_turns(bad)
    assert dialogues is None and "not valid JSON" in why
    faq, why = bitext_faq_set(bad)
    assert faq is None and "no text column" in why
    faq, why = ecommerce_faq_set(bad)
    assert faq is None and "ecommerce_faq_like.json" in why
    cat, why = load_shared_catalog("flipkart", bad)
    assert cat is None and "no valid product rows" in why

    # The suites note the broken sets and go on with the rest (amazon_in is intact).
    out, failures, notes = {}, [], []
    shared_faq_suite(settings, embedder, ["hybrid"], out, failures, notes, root=bad)
    assert out == {} and len([n for n in notes if n.startswith("faq: ")]) == 2
    shared = SharedContexts(settings, embedder, root=bad, queries_dir=tmp_path)
    try:
        catalog_dialogue_suite(shared, ["hybrid"], out, failures, notes)
    finally:
        shared.close()
    assert "hybrid@amazon_in" in out and out["hybrid@amazon_in"]["turns"] > 0

    absent = tmp_path / "absent"
    for result, why in (mg_shopdial_turns(absent), bitext_faq_set(absent), load_shared_catalog("amazon_in", absent)):
        assert result is None and "not found" in why
