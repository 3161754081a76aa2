"""The shipped mapping files load the shared real catalogs and FAQ sets unchanged.
Skipped, with the reason, when ../shared/data is absent."""

import pytest

from retrieval.ingest import ingest_file, parse_file
from retrieval.mapping import Mapping
from retrieval.schemas import SearchFilters
from retrieval.search import HybridSearcher
from tests.conftest import MAPPINGS, shared_file


@pytest.mark.parametrize("folder,mapping", [("catalog/flipkart", "flipkart.toml"), ("catalog/amazon_in", "amazon_in.toml")])
def test_shared_catalog_loads_with_its_mapping(folder, mapping, make_index, backend):
    if backend == "server":
        pytest.skip("the server backend is covered by the other ingestion tests")
    path = shared_file(folder, suffixes=(".csv",))
    parsed = parse_file(path, "product", Mapping.load(MAPPINGS / mapping))
    total = len(parsed.items) + len(parsed.rejects) + parsed.duplicates
    assert len(parsed.items) >= 0.9 * total, [(r.line, r.reason) for r in parsed.rejects[:20]]
    priced = [p for _, p in parsed.items if p.price is not None]
    assert len(priced) >= 0.9 * len(parsed.items)
    assert sum(1 for _, p in parsed.items if p.category) >= 0.9 * len(parsed.items)
    index = make_index()
    report = ingest_file(index, path, "product", Mapping.load(MAPPINGS / mapping), progress=False)
    assert report.added == len(parsed.items)
    cheap = HybridSearcher(index).search("phone charger cable", k=10, filters=SearchFilters(kind="product", max_price=500))
    assert all(h.product.price <= 500 for h in cheap)


def test_shared_bitext_loads_one_entry_per_intent():
    path = shared_file("faq/bitext", name_contains="qa", suffixes=(".csv",))
    parsed = parse_file(path, "faq", Mapping.load(MAPPINGS / "bitext_faq.toml"))
    assert 10 <= len(parsed.items) <= 100  # Bitext has a few dozen intents
    assert all(len(e.alternatives) >= 5 for _, e in parsed.items)


def test_shared_ecommerce_faq_loads():
    path = shared_file("faq/ecommerce", suffixes=(".json", ".csv", ".jsonl"))
    mapping = MAPPINGS / "ecommerce_faq.toml"
    parsed = parse_file(path, "faq", Mapping.load(mapping))
    assert len(parsed.items) >= 20 and len(parsed.rejects) <= 0.05 * len(parsed.items)


def test_multi_turn_scenario_on_a_shared_catalog(tmp_path, embedder):
    """The agent over a real catalog: constraints carried over five turns, every product shown
    grounded and within the constraints."""
    from assistant.agent import ShoppingAssistant
    from retrieval.store import IndexLocation, ShopIndex
    from tests.test_agent import assert_grounded

    path = shared_file("catalog/amazon_in", suffixes=(".csv",))
    index = ShopIndex(IndexLocation(home=tmp_path), embedder)
    ingest_file(index, path, "product", Mapping.load(MAPPINGS / "amazon_in.toml"), progress=False)
    agent = ShoppingAssistant.over_index(index, tmp_path)
    first = agent.turn("usb c charging cable under 500", "real")
    assert first.products and all(p.price <= 500 for p in first.products)
    assert_grounded(first, index)
    brand = first.products[0].brand
    for message in ("cheaper ones", f"not {brand}", "show me something else", "under 300"):
        result = agent.turn(message, "real")
        assert_grounded(result, index)
        assert result.constraints.max_price is not None and result.constraints.max_price <= 500
    assert brand in result.constraints.exclude_brands
    assert all(p.brand != brand and p.price <= 300 for p in result.products)
