"""The hard filters' three evaluators agree (Chroma's where clause is checked against real Chroma
in tests/test_search.py); here the reference predicate and the numpy mask, on many records."""

import itertools
import random

import numpy as np

from retrieval.documents import product_record
from retrieval.filters import MetadataTable, chroma_where, matches
from retrieval.schemas import Product, SearchFilters


def catalog(n=300, seed=3):
    rng = random.Random(seed)
    out = []
    for i in range(n):
        out.append(Product(
            id=f"p{i}", title=f"item {i}", price=rng.choice([None, 10, 25.5, 99, 150]), brand=rng.choice([None, "Veloxa", "Puma"]),
            color=rng.choice([None, "Black", "Blue"]), product_type=rng.choice([None, "Shorts", "Top", "Cycling Shorts"]),
            audience=rng.choice([[], ["women"], ["men"], ["girls"], ["kids"], ["boys", "men"]]),
            materials=rng.choice([[], ["cotton"], ["leather"], ["cotton", "polyester"]]),
            category=rng.choice([[], ["Clothing", "Shorts"], ["Clothing", "Tops"]]), sizes=rng.choice([[], ["M"], ["S", "L"]]),
            rating=rng.choice([None, 3.5, 4.6]), in_stock=rng.random() > 0.2,
        ))
    return out


FILTERS = [
    SearchFilters(kind="product", types=["shorts"], audiences=["girls"]),
    SearchFilters(kind="product", audiences=["men"], exclude_colors=["black"]),
    SearchFilters(kind="product", exclude_types=["top"], exclude_categories=["Tops"], max_price=100),
    SearchFilters(kind="product", materials=["cotton"], exclude_materials=["polyester"], brands=["veloxa"]),
    SearchFilters(kind="product", exclude_brands=["Puma"], sizes=["L"], min_rating=4, in_stock_only=True),
    SearchFilters(kind="product", audiences=["kids"], colors=["Blue"], min_price=20),
]


def test_reference_and_numpy_mask_agree():
    metas = [product_record(p, "").metadata for p in catalog()]
    table = MetadataTable(metas)
    for filters in FILTERS:
        expected = {i for i, m in enumerate(metas) if matches(filters, m)}
        assert set(np.flatnonzero(table.mask(filters))) == expected, filters
        assert chroma_where(filters) is not None


def test_audience_semantics():
    girls = SearchFilters(kind="product", audiences=["girls"])
    meta = lambda audience: product_record(Product(id="x", title="t", audience=audience), "").metadata  # noqa: E731
    assert matches(girls, meta([]))  # says nothing: no contradiction
    assert matches(girls, meta(["kids"])) and matches(girls, meta(["girls"]))
    assert not matches(girls, meta(["women"])) and not matches(girls, meta(["boys"]))
    assert all(matches(SearchFilters(kind="product", audiences=[a]), meta(["unisex"])) for a in ("men", "women"))


def test_every_filter_combination_builds_a_where_clause():
    keys = ["types", "exclude_types", "audiences", "materials", "exclude_materials", "exclude_colors", "exclude_categories"]
    values = {"types": ["shorts"], "exclude_types": ["top"], "audiences": ["men"], "materials": ["cotton"],
              "exclude_materials": ["leather"], "exclude_colors": ["red"], "exclude_categories": ["Tops"]}
    for r in range(1, 4):
        for combo in itertools.combinations(keys, r):
            where = chroma_where(SearchFilters(kind="product", **{k: values[k] for k in combo}))
            assert "$and" in where


def test_an_excluded_colour_or_material_also_rules_out_the_catalogs_kinds_of_it():
    """"not glass" leaves out "tempered glass", "no wood" "solid wood", "not gold" "White Gold";
    "Off-White" is another colour than White, and "golden" is not gold."""
    from retrieval.filters import MetadataTable
    from retrieval.schemas import SearchFilters

    table = MetadataTable([{"color": "white gold", "materials": ["tempered glass"]}, {"color": "gold", "materials": ["solid wood"]},
                           {"color": "matte black"}, {"color": "golden"}, {"color": "off-white"}, {"color": "blue", "materials": ["steel"]}])
    widened = table.widen(SearchFilters(exclude_colors=["Gold", "White", "Black"], exclude_materials=["glass", "wood"]))
    assert set(widened.exclude_colors) == {"Gold", "White", "Black", "white gold", "matte black"}
    assert set(widened.exclude_materials) == {"glass", "wood", "tempered glass", "solid wood"}
    assert list(table.mask(widened)) == [False, False, False, True, True, True]
    assert table.widen(SearchFilters(colors=["Gold"])) == SearchFilters(colors=["Gold"])  # inclusions are left as they are
