"""GET /api/v1/products/search, the shop's search box, served for real by uvicorn on
127.0.0.1 over the demo index (httpx; nothing mocked): filters respected (checked with the
reference filter predicate on each product's stored metadata), facet counts that match the
products of the result set, pages that are stable and together complete, sorting, the agent's
understanding with understand=true, and bad parameters answered with the documented 422."""

from __future__ import annotations

import math
from collections import Counter

import httpx
import jsonschema_rs
import pytest

from tests.browser_helpers import UvicornThread

GENEROUS = dict(rate_per_minute=100_000, client_rate_per_minute=100_000)
SEARCH = "/api/v1/products/search"


@pytest.fixture(scope="module")
def api(demo_index, tmp_path_factory):
    from assistant.agent import ShoppingAssistant
    from assistant.api import create_app
    from assistant.sitekeys import add_site

    home = tmp_path_factory.mktemp("search-home")
    sites = home / "sites.json"
    site = add_site(sites, "search shop", ["http://127.0.0.1:8123"], **GENEROUS)
    app = create_app(None, ShoppingAssistant.over_index(demo_index, home), sites_path=sites)
    with UvicornThread(app) as server, httpx.Client(base_url=server.url, timeout=120,
                                                     headers={"X-Site-Key": site.key}) as client:
        yield {"url": server.url, "client": client, "index": demo_index, "sites": sites,
               "doc": client.get("/openapi.json").json()}


def search(api, **params) -> dict:
    r = api["client"].get(SEARCH, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def every_page(api, page_size: int = 50, **params) -> tuple[list[dict], dict]:
    """All products of the result set, page after page, and the first page's answer."""
    first = search(api, page=1, page_size=page_size, **params)
    products = list(first["products"])
    for page in range(2, first["pages"] + 1):
        products += search(api, page=page, page_size=page_size, **params)["products"]
    assert search(api, page=first["pages"] + 1, page_size=page_size, **params)["products"] == []
    return products, first


def stored(api, ids: list[str]) -> dict[str, dict]:
    from retrieval.documents import product_record_id

    found = api["index"].metadatas([product_record_id(i) for i in ids])
    return {i: found[product_record_id(i)] for i in ids}


def recount(products: list[dict]) -> dict[str, Counter]:
    from retrieval.attributes import type_key
    from retrieval.documents import key

    counts = {"brands": Counter(), "categories": Counter(), "colors": Counter(), "types": Counter()}
    for p in products:
        if p["brand"]:
            counts["brands"][key(p["brand"])] += 1
        for c in {key(c) for c in p["category"]}:
            counts["categories"][c] += 1
        if p["color"]:
            counts["colors"][key(p["color"])] += 1
        if p["product_type"]:
            counts["types"][type_key(p["product_type"])] += 1
    return counts


def assert_facets_match(products: list[dict], facets: dict) -> None:
    from retrieval.attributes import type_key
    from retrieval.documents import key

    counts = recount(products)
    for name, counter in counts.items():
        fold = type_key if name == "types" else key
        listed = {fold(f["value"]): f["count"] for f in facets[name]}
        assert len(listed) == len(facets[name]) == min(20, len(counter)), name
        assert all(counter[k] == n for k, n in listed.items()), (name, listed, counter)
        # The most frequent values are the ones listed, in order of count.
        assert [f["count"] for f in facets[name]] == sorted((f["count"] for f in facets[name]), reverse=True)
        assert min(listed.values(), default=0) >= max((n for k, n in counter.items() if k not in listed), default=0)
    priced = [p["price"] for p in products if p["price"] is not None]
    bands = facets["price_bands"]
    assert sum(b["count"] for b in bands) == len(priced)
    for band in bands:
        low, high = band["min"], band["max"]
        assert band["count"] == sum(1 for x in priced if (low is None or x >= low) and (high is None or x < high)), band
        assert band["label"]
    assert [b["min"] for b in bands[1:]] == sorted(b["min"] for b in bands[1:])


# --- filters -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("params", [
    {"brand": "Veloxa"},
    {"brand": ["Veloxa", "Stridewell"], "max_price": 120},
    {"category": "Jackets", "min_price": 100},
    {"color": "Black", "in_stock": "true"},
    {"type": "Running Shoe", "audience": "women"},
    {"q": "running shoes", "min_price": 90, "max_price": 130, "min_rating": 4},
    {"q": "warm jacket", "category": "Jackets", "color": ["Black", "Navy"]},
])
def test_every_product_passes_the_filters(api, params):
    from retrieval.filters import matches
    from retrieval.schemas import SearchFilters

    products, first = every_page(api, **params)
    assert products and first["total"] == len(products)
    applied = first["filters"]
    filters = SearchFilters(kind="product", **applied)
    metas = stored(api, [p["id"] for p in products])
    assert all(matches(filters, metas[p["id"]]) for p in products), applied
    # And the filters are the ones asked for.
    for name, field in (("brand", "brands"), ("category", "categories"), ("color", "colors"), ("type", "types"),
                        ("audience", "audiences")):
        if name in params:
            wanted = params[name] if isinstance(params[name], list) else [params[name]]
            assert applied[field] == wanted
    for name in ("min_price", "max_price", "min_rating"):
        if name in params:
            assert applied[name] == params[name]


def test_without_filters_or_text_the_whole_catalog(api):
    products, first = every_page(api)
    assert first["total"] == len(products) == api["index"].count("product") == 352
    assert first["text"] == "" and not first["truncated"]
    assert [p["id"] for p in products] == sorted(p["id"] for p in products)  # id order, the stable default
    assert all(p["score"] is None for p in products)


def test_products_carry_their_price_as_shoppers_read_it(api):
    from assistant.formatting import price
    from retrieval.documents import item_from_metadata

    products = search(api, q="espresso machine", page_size=10)["products"]
    metas = stored(api, [p["id"] for p in products])
    for p in products:
        item = item_from_metadata(metas[p["id"]])
        assert p["price_text"] == price(item) and p["price_text"].startswith("$")
        assert (p["title"], p["price"], p["brand"]) == (item.title, item.price, item.brand)


def test_text_search_lists_matches_not_the_whole_catalog(api):
    found = search(api, q="espresso machine", page_size=50)
    assert 0 < found["total"] < 60
    assert "espresso" in found["products"][0]["title"].lower()
    scores = [p["score"] for p in found["products"]]
    assert scores == sorted(scores, reverse=True)
    assert search(api, q="zzqx vorpal snark")["total"] < 5


# --- facets ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("params", [{}, {"q": "running shoes"}, {"category": "Clothing"}, {"q": "gift for a runner", "max_price": 80}])
def test_facet_counts_match_the_products(api, params):
    products, first = every_page(api, **params)
    assert_facets_match(products, first["facets"])
    # Facets count the whole result set: every page has the same ones.
    if first["pages"] > 1:
        assert search(api, page=2, page_size=50, **params)["facets"] == first["facets"]


def test_filtering_by_a_facet_value_gives_its_count(api):
    facets = search(api)["facets"]
    for name, param in (("brands", "brand"), ("categories", "category"), ("colors", "color"), ("types", "type")):
        for facet in facets[name][:3]:
            assert search(api, **{param: facet["value"]})["total"] == facet["count"], (param, facet)
    band = facets["price_bands"][1]
    within = search(api, min_price=band["min"], max_price=band["max"], page_size=50)
    edge = search(api, min_price=band["max"], max_price=band["max"])["total"]  # max_price is inclusive, a band's max not
    assert within["total"] == band["count"] + edge


# --- pages -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("params", [{}, {"q": "headphones"}, {"q": "shoes", "sort": "price_asc"}, {"sort": "rating"},
                                    {"category": "Footwear", "sort": "price_desc"}])
def test_pages_are_stable_and_complete(api, params):
    big, first = every_page(api, page_size=50, **params)
    small, _ = every_page(api, page_size=7, **params)
    again, _ = every_page(api, page_size=7, **params)
    ids = [p["id"] for p in big]
    assert len(ids) == len(set(ids)) == first["total"]  # every product once
    assert [p["id"] for p in small] == ids == [p["id"] for p in again]  # the same order however it is paged
    assert first["pages"] == math.ceil(first["total"] / 50)


@pytest.mark.parametrize("sort, field, reverse", [("price_asc", "price", False), ("price_desc", "price", True),
                                                  ("rating", "rating", True)])
def test_sorting(api, sort, field, reverse):
    for params in ({}, {"q": "backpack"}):
        products, first = every_page(api, sort=sort, **params)
        assert first["sort"] == sort
        values = [p[field] for p in products if p[field] is not None]
        assert values == sorted(values, reverse=reverse)
        assert all(p[field] is None for p in products[len(values):])  # products without one come last


# --- understanding -----------------------------------------------------------------------------------


def test_understand_reads_the_query_like_the_assistant(api):
    found = search(api, q="waterproof jackets under 150 not Northpeak", understand="true", page_size=50)
    understood = found["understood"]
    assert understood["max_price"] == 150 and understood["exclude_brands"] == ["Northpeak"]
    assert understood["categories"] == ["Jackets"] and found["filters"]["max_price"] == 150
    assert found["text"] and "150" not in found["text"]
    assert found["products"] and all(p["price"] <= 150 and p["brand"] != "Northpeak" and "Jackets" in p["category"]
                                     for p in found["products"])
    # Explicit parameters replace what was read for the same facet.
    cheaper = search(api, q="waterproof jackets under 150 not Northpeak", understand="true", max_price=100, page_size=50)
    assert cheaper["filters"]["max_price"] == 100 and cheaper["filters"]["exclude_brands"] == ["Northpeak"]
    assert cheaper["products"] and all(p["price"] <= 100 for p in cheaper["products"])
    # Without understand the words are only search text.
    plain = search(api, q="waterproof jackets under 150 not Northpeak")
    assert plain["understood"] is None and plain["filters"]["max_price"] is None
    # An order the shopper asks for is the default sort.
    cheapest = search(api, q="cheapest headphones", understand="true")
    assert cheapest["sort"] == "price_asc" and cheapest["understood"]["categories"] == ["Headphones"]


# --- bad parameters ----------------------------------------------------------------------------------


@pytest.mark.parametrize("params, name", [
    ({"page": 0}, "page"), ({"page": "two"}, "page"), ({"page_size": 51}, "page_size"), ({"page_size": 0}, "page_size"),
    ({"min_price": -1}, "min_price"), ({"max_price": "cheap"}, "max_price"), ({"min_price": "inf"}, "min_price"),
    ({"min_rating": 6}, "min_rating"), ({"sort": "newest"}, "sort"), ({"audience": "aliens"}, "audience"),
    ({"brand": ""}, "brand"), ({"q": "x" * 501}, "q"), ({"understand": "perhaps"}, "understand"),
    ({"in_stock": "2"}, "in_stock"), ({"brand": [f"b{n}" for n in range(21)]}, "brand"),
])
def test_bad_parameters_are_the_documented_422(api, params, name):
    r = api["client"].get(SEARCH, params=params)
    assert r.status_code == 422, r.text
    body = r.json()
    error = {"$ref": "#/components/schemas/ErrorOut", "components": api["doc"]["components"]}
    jsonschema_rs.Draft202012Validator(error).validate(body)
    assert body["code"] == "invalid" and name in body["detail"]
    assert any(e["loc"][:2] == ["query", name] for e in body["errors"])
    responses = api["doc"]["paths"][SEARCH]["get"]["responses"]
    assert responses["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorOut")


def test_search_needs_a_site_key_and_spends_its_budget(api):
    from assistant.sitekeys import add_site

    r = httpx.get(api["url"] + SEARCH, params={"q": "shoes"})
    assert r.status_code == 403 and r.json()["code"] == "site_key"
    tiny = add_site(api["sites"], "tiny search", [], rate_per_minute=2).key
    codes = [httpx.get(api["url"] + SEARCH, params={"q": "shoes"}, headers={"X-Site-Key": tiny}).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
