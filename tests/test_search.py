"""Hybrid search: fusion evidence, hard pre-filters (k hits whenever k match), filter semantics
agreeing across Chroma, numpy and the reference predicate, profile blending, LangChain."""

import json

import numpy as np
import pytest

from retrieval.filters import MetadataTable, chroma_where, matches
from retrieval.ingest import ingest_file
from retrieval.schemas import SearchFilters
from retrieval.search import HybridSearcher, blend
from tests.conftest import DEMO


@pytest.fixture(scope="module")
def searcher(demo_index):
    return HybridSearcher(demo_index)


def all_products(index):
    return [m for b in index.iter_records(where={"kind": "product"}, include=["metadatas"]) for m in b["metadatas"]]


def test_hybrid_hits_are_typed_with_per_signal_ranks(searcher):
    hits = searcher.search("waterproof hiking jacket", k=5, filters=SearchFilters(kind="product"))
    assert len(hits) == 5
    assert all(h.kind == "product" and h.product is not None for h in hits)
    assert any(h.dense_rank and h.lexical_rank for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert any("jacket" in h.product.title.lower() for h in hits[:3])


def test_search_returns_faq_and_products_from_one_index(searcher):
    hits = searcher.search("how long does shipping take", k=5)
    assert hits[0].kind == "faq" and hits[0].faq is not None
    hits = searcher.search("espresso coffee maker", k=5)
    assert hits[0].kind == "product"


FILTER_CASES = [
    SearchFilters(kind="product", max_price=50),
    SearchFilters(kind="product", min_price=100, max_price=200, categories=["Footwear"]),
    SearchFilters(kind="product", brands=["stridewell", "VELOXA"]),
    SearchFilters(kind="product", exclude_brands=["Stridewell"], categories=["running shoes"]),
    SearchFilters(kind="product", colors=["Black"], sizes=["M", "L"]),
    SearchFilters(kind="product", min_rating=4.5, in_stock_only=True),
    SearchFilters(kind="product", categories=["Electronics"], max_price=30, colors=["white"]),
    # attributes read from titles at ingest (retrieval/attributes.py)
    SearchFilters(kind="product", types=["running shoes"], audiences=["women"]),
    SearchFilters(kind="product", audiences=["girls"], exclude_colors=["black", "navy"]),
    SearchFilters(kind="product", exclude_types=["jacket"], exclude_categories=["Footwear"], max_price=80),
    SearchFilters(kind="product", materials=["leather", "cotton"], exclude_materials=["polyester"]),
    SearchFilters(kind="product", exclude_materials=["leather"], types=["shoe"]),
]


@pytest.mark.parametrize("filters", FILTER_CASES, ids=lambda f: json.dumps(f.model_dump(exclude_defaults=True)))
def test_filters_agree_and_return_k_whenever_k_match(searcher, demo_index, filters):
    products = all_products(demo_index)
    expected = {m["item_id"] for m in products if matches(filters, m)}
    # the numpy mask (lexical side) and Chroma's where clause (dense side) agree with the reference
    table = MetadataTable(products)
    assert {products[i]["item_id"] for i in np.flatnonzero(table.mask(filters))} == expected
    got = demo_index.collection.get(where=chroma_where(filters), include=[])["ids"]
    assert {g.split(":", 1)[1] for g in got} == expected
    for mode in ("hybrid", "dense", "lexical"):
        hits = searcher.search("shoes jacket headphones mat", k=10, filters=filters, mode=mode)
        assert all(h.id in expected for h in hits), mode
        if mode != "lexical":  # BM25 only returns items sharing a word with the query
            assert len(hits) == min(10, len(expected)), (mode, len(expected))


def test_selective_filter_still_fills_k(searcher, demo_index):
    products = all_products(demo_index)
    brand = products[0]["brand"]
    filters = SearchFilters(kind="product", brands=[brand])
    n = sum(1 for m in products if m.get("brand") == brand)
    hits = searcher.search("something completely unrelated like a garden hose", k=n + 5, filters=filters)
    assert len(hits) == n and {h.product.brand.lower() for h in hits} == {brand}


def test_profile_vector_moves_results(searcher, demo_index):
    query = "gift ideas"
    base = searcher.search(query, k=10, filters=SearchFilters(kind="product"))
    vectors = demo_index.vectors(["product:SKU-0001"])
    profile = vectors["product:SKU-0001"]
    personal = searcher.search(query, k=10, filters=SearchFilters(kind="product"), profile_vector=profile, profile_weight=0.6)
    assert [h.id for h in personal] != [h.id for h in base]
    assert "SKU-0001" in [h.id for h in personal[:3]]
    assert np.allclose(blend(profile, None, 0.5), profile)
    with pytest.raises(ValueError):
        blend(profile, profile, 1.5)


def test_lexical_sidecar_rebuilds_when_stale(make_index, tmp_path):
    index = make_index()
    ingest_file(index, DEMO / "faq.md", "faq", progress=False)
    index.begin_write()  # as if another writer (or a killed load) changed the collection
    assert index.lexical.revision != index.revision()
    hits = HybridSearcher(index).search("refund", k=3, mode="lexical")
    assert hits and index.lexical.revision == index.revision()


def test_langchain_retriever(searcher):
    from langchain_core.retrievers import BaseRetriever

    from retrieval.langchain_retriever import ShopRetriever

    retriever = ShopRetriever(searcher=searcher, k=3, filters=SearchFilters(kind="product", max_price=40))
    assert isinstance(retriever, BaseRetriever)
    docs = retriever.invoke("yoga mat")
    assert len(docs) == 3 and all(d.metadata["price"] <= 40 for d in docs)
    assert all(d.metadata["kind"] == "product" for d in docs)


def test_embedding_adapters(embedder):
    from retrieval.embeddings import ChromaEmbeddingFunction, langchain_embeddings

    vecs = embedder.embed(["red dress", "blue jeans", ""])
    assert vecs.shape == (3, 384) and np.allclose(np.linalg.norm(vecs, axis=1), 1, atol=1e-5)
    ef = ChromaEmbeddingFunction(embedder)
    assert np.allclose(ef(["red dress"])[0], vecs[0], atol=1e-5)
    lc = langchain_embeddings(embedder)
    assert np.allclose(lc.embed_query("red dress"), vecs[0], atol=1e-5)
    assert len(lc.embed_documents(["a", "b"])) == 2


def test_filtered_hybrid_search_on_both_backends(make_index, tmp_path):
    """The same guarantees against a real Chroma server as against the embedded store."""
    rows = [json.loads(line) for line in (DEMO / "products.jsonl").read_text().splitlines()][:120]
    path = tmp_path / "subset.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows))
    index = make_index()
    ingest_file(index, path, "product", progress=False)
    searcher = HybridSearcher(index)
    filters = SearchFilters(kind="product", max_price=100, categories=["Footwear"])
    expected = {r["id"] for r in rows if r["category"][0] == "Footwear" and r["price"] <= 100}
    hits = searcher.search("comfortable shoes", k=10, filters=filters)
    assert len(hits) == min(10, len(expected)) and {h.id for h in hits} <= expected
    assert all(h.dense_rank or h.lexical_rank for h in hits)


def test_convex_fusion_by_hand(searcher):
    """w·cosine + (1-w)·bm25/max: computed by hand from each hit's own signal scores."""
    filters = SearchFilters(kind="product", categories=["Backpacks"])
    hits = searcher.search("tear-resistant backpacks", k=10, filters=filters)
    max_lex = max(h.lexical_score or 0.0 for h in searcher.search("tear-resistant backpacks", k=50, filters=filters, mode="lexical"))
    for h in hits:
        want = 0.6 * (h.dense_score or 0.0) + 0.4 * (h.lexical_score or 0.0) / max_lex
        assert h.score == pytest.approx(want, abs=1e-6)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_fusion_choices_and_errors(demo_index):
    # one signal alone keeps its own order, whatever the fusion
    for fusion in ("convex", "rrf"):
        s = HybridSearcher(demo_index, fusion=fusion)
        lex = s.search("rolltop backpack", k=5, filters=SearchFilters(kind="product"), mode="lexical")
        assert [h.lexical_rank for h in lex] == [1, 2, 3, 4, 5]
    rrf = HybridSearcher(demo_index, fusion="rrf").search("rolltop backpack", k=5, filters=SearchFilters(kind="product"))
    assert all(h.score == pytest.approx(sum(1 / (60 + r) for r in (h.dense_rank, h.lexical_rank) if r)) for h in rrf)
    with pytest.raises(ValueError, match="fusion"):
        HybridSearcher(demo_index, fusion="max")
    with pytest.raises(ValueError, match="dense_weight"):
        HybridSearcher(demo_index, dense_weight=1.5)


def test_an_exact_rare_word_match_stays_on_top(make_index, tmp_path, backend):
    """BM25 ranks "Bulk item 1234" first; dense search returns fifty look-alikes without it. The
    fused order must still put it on top (its cosine is computed, not taken as 0)."""
    if backend == "server":
        pytest.skip("fusion is the same code on both backends")
    path = tmp_path / "bulk.jsonl"
    with path.open("w") as fh:
        for n in range(1, 1501):
            fh.write(json.dumps({"id": f"B{n}", "title": f"Bulk item {n}", "price": 10 + n % 7}) + "\n")
    index = make_index()
    from retrieval.ingest import ingest_file

    ingest_file(index, path, "product", progress=False)
    searcher = HybridSearcher(index)
    for n in (1234, 77, 1499):
        lexical = searcher.search(f"Bulk item {n}", k=5, mode="lexical")
        assert lexical[0].id == f"B{n}"
        hits = searcher.search(f"Bulk item {n}", k=5)
        assert hits[0].id == f"B{n}", [(h.id, round(h.score, 3), h.dense_rank, h.lexical_rank) for h in hits]


@pytest.mark.parametrize("filters", FILTER_CASES[:6], ids=lambda f: json.dumps(f.model_dump(exclude_defaults=True)))
def test_filtered_dense_paths_agree_with_chromas_filter(demo_index, filters, monkeypatch):
    """The three ways a filtered dense search is answered (exact over cached vectors, a deeper
    unfiltered query kept to what passes, Chroma's own where) give items that pass, in the same
    order as Chroma's filtered query wherever the sets meet (the demo index is small enough for
    HNSW to be exact)."""
    import retrieval.search as S

    vector = demo_index.embedder.embed(["comfortable shoes for the trail"])[0]
    reference = [rid for rid, _, _ in demo_index.dense_query(vector, 20, chroma_where(filters), with_metadata=False)]
    expected = {m["item_id"] for m in all_products(demo_index) if matches(filters, m)}
    for exact_max, overfetch in ((5000, 1000), (0, 1000), (0, 1)):  # exact; deeper query; Chroma's filter
        monkeypatch.setattr(S, "EXACT_MAX", exact_max)
        monkeypatch.setattr(S, "OVERFETCH_MAX", overfetch)
        got = [c.record_id for c in HybridSearcher(demo_index).dense(vector, filters, 20)]
        assert {rid.split(":", 1)[1] for rid in got} <= expected, exact_max
        assert got == reference[: len(got)] and len(got) == min(20, len(expected)), (exact_max, overfetch)


def test_an_excluded_material_or_colour_keeps_out_its_kinds_in_every_search_mode(searcher, demo_index):
    """The demo catalog sells "tempered glass" beside "glass" and "Matte Black" beside "Black":
    ruling out glass or black rules them out too, in dense, lexical and hybrid search."""
    products = all_products(demo_index)
    assert any("tempered glass" in (p.get("materials") or []) for p in products)
    assert any(p.get("color") == "matte black" for p in products)
    filters = SearchFilters(kind="product", exclude_materials=["glass"], exclude_colors=["Black"])
    for mode in ("dense", "lexical", "hybrid"):
        for query in ("tempered glass lid cookware", "matte black bottle"):
            hits = searcher.search(query, k=10, filters=filters, mode=mode)
            assert hits, (mode, query)
            for h in hits:
                assert not any("glass" in m.lower() for m in h.product.materials), (mode, h.product.title)
                assert "black" not in (h.product.color or "").lower(), (mode, h.product.title)


def test_spelling_correction_searches_the_catalog_words(demo_index):
    plain, spelling = HybridSearcher(demo_index), HybridSearcher(demo_index, spelling=True)
    filters = SearchFilters(kind="product")
    right = [h.id for h in plain.search("waterproof hiking jacket", k=5, filters=filters)]
    assert spelling.corrected("waterprof hikng jakcet") == "waterproof hiking jacket"
    assert [h.id for h in spelling.search("waterprof hikng jakcet", k=5, filters=filters)] == right
    # a vector of the typo, passed in, is not used once the words change
    typo_vector = plain.query_vector("waterprof hikng jakcet")
    pool = spelling.pool("waterprof hikng jakcet", 5, filters, query_vector=typo_vector)
    assert pool.query == "waterproof hiking jacket" and [h.id for h in pool.hits] == right
    assert plain.corrected("waterprof hikng jakcet") == "waterprof hikng jakcet"  # off by default
    assert spelling.corrected("something cheaper than that jacket") == "something cheaper than that jacket"
