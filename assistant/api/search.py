"""`GET /api/v1/products/search`: the shop's own search box. Query text, filters, facet counts
and pages over one bounded result set.

The result set. With search text: the hybrid searcher (dense + BM25 under the hard filters,
`agent.searcher.search`), best first, keeping the products that share a word with the text or
whose cosine similarity to it is at least the agent's `min_catalog_similarity` (a search box
lists matches, not the whole catalog in order of distance). Without text: every product that
passes the filters, in id order. Either way at most `MAX_RESULTS` products (`truncated` says
when more matched); `sort` reorders the set (ties keep their order, so the order is total and
stable). Pages are slices of that set, so walking `page` = 1..`pages` lists each product of
the set exactly once; the set is cached per index revision, so a catalog that does not change
pages the same way every time.

`understand=true` reads `q` the way the chat assistant reads a message (the dialogue rules,
`assistant.dialogue.update` on a fresh state, never the LLM): "waterproof jackets under 150
not Northpeak" becomes a search text and filters (returned as `understood`); explicit filter
parameters replace what was read for the same facet.

Facets count the whole result set (not just the page): brands, categories (a product counts
once for each category of its path), colours, types, and price bands with "nice" edges drawn
from the prices' quintiles. Each list holds at most `FACET_VALUES` values, most frequent first.

Budgets: a search spends the client's and the key's budget, like a product read.
"""

from __future__ import annotations

import bisect
import math
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass
from typing import Annotated, Literal

import numpy as np
from fastapi import APIRouter, Depends, Query, Request

from retrieval.attributes import AUDIENCES, type_key
from retrieval.documents import item_from_metadata, key
from retrieval.schemas import Product, SearchFilters

from ..dialogue import DialogueState, update
from ..formatting import money, price
from .deps import Services, caller_of, services, spend
from .models import (
    KEYED,
    QUERY,
    FacetCount,
    PriceBand,
    SearchFacets,
    SearchFilterOut,
    SearchOut,
    SearchProduct,
)

router = APIRouter()

MAX_RESULTS = 500
MAX_PAGE_SIZE = 50
FACET_VALUES = 20
MAX_QUERY_CHARS = 500
MAX_FILTER_VALUES = 20
CACHE_ENTRIES = 64
Sort = Literal["relevance", "price_asc", "price_desc", "rating"]
FilterValue = Annotated[str, Query(min_length=1, max_length=200)]
Audience = Literal[AUDIENCES]  # type: ignore[valid-type]


@dataclass(frozen=True)
class ResultSet:
    products: list[Product]
    scores: list[float | None]
    truncated: bool


class _Cache:
    """The last few result sets, by (index revision, text, filters, sort)."""

    def __init__(self, size: int = CACHE_ENTRIES) -> None:
        self.size = size
        self._items: OrderedDict[tuple, ResultSet] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key_: tuple) -> ResultSet | None:
        with self._lock:
            found = self._items.get(key_)
            if found is not None:
                self._items.move_to_end(key_)
            return found

    def put(self, key_: tuple, value: ResultSet) -> None:
        with self._lock:
            self._items[key_] = value
            self._items.move_to_end(key_)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


def _cache(svc: Services) -> _Cache:
    return svc.caches.setdefault("search", _Cache())


# --- the result set --------------------------------------------------------------------------------


def _sort_key(sort: Sort):
    if sort == "price_asc":
        return lambda p: (p.price is None, p.price or 0.0)
    if sort == "price_desc":
        return lambda p: (p.price is None, -(p.price or 0.0))
    if sort == "rating":
        return lambda p: (p.rating is None, -(p.rating or 0.0))
    return None


def result_set(svc: Services, text: str, filters: SearchFilters, sort: Sort) -> ResultSet:
    index = svc.index
    cache_key = (index.revision(), text, filters.model_dump_json(), sort)
    cached = _cache(svc).get(cache_key)
    if cached is not None:
        return cached
    if text:
        found = _by_text(svc, text, filters)
    else:
        found = _by_filters(svc, filters, sort)
    order = _sort_key(sort)
    if order is not None and text:
        pairs = sorted(zip(found.products, found.scores), key=lambda ps: order(ps[0]))
        found = ResultSet([p for p, _ in pairs], [s for _, s in pairs], found.truncated)
    _cache(svc).put(cache_key, found)
    return found


def _by_text(svc: Services, text: str, filters: SearchFilters) -> ResultSet:
    floor = svc.agent.config.min_catalog_similarity
    hits = svc.agent.searcher.search(text, k=MAX_RESULTS, filters=filters)
    kept = [h for h in hits if h.product is not None
            and (h.lexical_rank is not None or (h.dense_score or 0.0) >= floor)]
    truncated = len(hits) >= MAX_RESULTS and bool(kept) and kept[-1] is hits[-1]
    return ResultSet([h.product for h in kept], [h.score for h in kept], truncated)


def _by_filters(svc: Services, filters: SearchFilters, sort: Sort) -> ResultSet:
    index = svc.index
    index.ensure_lexical()
    lexical = index.lexical
    table = lexical.table
    positions = np.flatnonzero(table.mask(filters))
    record_ids = [lexical.record_ids[i] for i in positions]
    order = sorted(range(len(positions)), key=lambda i: record_ids[i])  # id order: total and stable
    if sort in ("price_asc", "price_desc", "rating"):
        column = table.rating if sort == "rating" else table.price
        values = column[positions]
        sign = 1.0 if sort == "price_asc" else -1.0
        order.sort(key=lambda i: (bool(np.isnan(values[i])), 0.0 if np.isnan(values[i]) else sign * float(values[i])))
    chosen = [record_ids[i] for i in order[:MAX_RESULTS]]
    metas = index.metadatas(chosen)
    products = [p for p in (item_from_metadata(metas[r]) for r in chosen if r in metas) if isinstance(p, Product)]
    return ResultSet(products, [None] * len(products), len(positions) > MAX_RESULTS)


# --- facets ----------------------------------------------------------------------------------------


def _counts(values_per_product: list[list[str]], fold=key) -> list[FacetCount]:
    shown: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for values in values_per_product:
        keys: dict[str, str] = {}
        for v in values:
            if v:
                keys.setdefault(fold(v), v)
        for k, v in keys.items():
            shown.setdefault(k, v)
            counts[k] += 1
    ordered = sorted(counts, key=lambda k: (-counts[k], shown[k].lower(), shown[k]))
    return [FacetCount(value=shown[k], count=counts[k]) for k in ordered[:FACET_VALUES]]


def nice(amount: float) -> float:
    """The round amount nearest to `amount` (1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8 × a power of ten)."""
    if amount <= 0:
        return 0.0
    magnitude = 10.0 ** math.floor(math.log10(amount))
    steps = (1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8, 10)
    best = min(steps, key=lambda s: abs(s * magnitude - amount))
    return float(best * magnitude)


def price_bands(products: list[Product]) -> list[PriceBand]:
    priced = [p for p in products if p.price is not None and math.isfinite(p.price)]
    if not priced:
        return []
    currency = Counter(p.currency for p in priced).most_common(1)[0][0]
    prices = sorted(float(p.price) for p in priced if p.price is not None)
    lo, hi = prices[0], prices[-1]
    edges = sorted({e for e in (nice(float(q)) for q in np.quantile(prices, [0.2, 0.4, 0.6, 0.8])) if lo < e <= hi})
    counts = [0] * (len(edges) + 1)
    for amount in prices:
        counts[bisect.bisect_right(edges, amount)] += 1
    bands = []
    for i, n in enumerate(counts):
        low = edges[i - 1] if i > 0 else None
        high = edges[i] if i < len(edges) else None
        if low is not None and high is not None:
            label = f"{money(low, currency)} – {money(high, currency)}"
        elif high is not None:
            label = f"under {money(high, currency)}"
        elif low is not None:
            label = f"{money(low, currency)} and up"
        else:
            label = money(lo, currency) if lo == hi else f"{money(lo, currency)} – {money(hi, currency)}"
        if n:
            bands.append(PriceBand(min=low, max=high, count=n, label=label))
    return bands


def facets(products: list[Product]) -> SearchFacets:
    return SearchFacets(
        brands=_counts([[p.brand or ""] for p in products]),
        categories=_counts([list(p.category) for p in products]),
        colors=_counts([[p.color or ""] for p in products]),
        types=_counts([[p.product_type or ""] for p in products], fold=type_key),
        price_bands=price_bands(products),
    )


def _out(p: Product, score: float | None) -> SearchProduct:
    return SearchProduct(id=p.id, title=p.title, price=p.price, currency=p.currency, price_text=price(p), brand=p.brand,
                         color=p.color, category=list(p.category), product_type=p.product_type, audience=list(p.audience),
                         rating=p.rating, rating_count=p.rating_count, in_stock=p.in_stock, url=p.url, image_url=p.image_url,
                         score=score)


# --- the route -------------------------------------------------------------------------------------


@router.get(
    "/products/search", response_model=SearchOut, summary="Search the catalog (the shop's search box)",
    description=__doc__.split("\n\n", 1)[1],
    responses={**KEYED, **QUERY},
    openapi_extra={"responses": {"200": {"links": {
        "GetFirstProduct": {"operationId": "product_api_v1_products__product_id__get",
                            "parameters": {"product_id": "$response.body#/products/0/id"},
                            "description": "The first product found, as stored in the catalog."},
    }}}},
)
def search(
    request: Request,
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS, description="Search text (empty or blank: filters only).")] = "",
    understand: Annotated[bool, Query(description="Read `q` as the assistant reads a message: filters from its words.")] = False,
    min_price: Annotated[float | None, Query(ge=0, allow_inf_nan=False, description="Lowest price (inclusive).")] = None,
    max_price: Annotated[float | None, Query(ge=0, allow_inf_nan=False, description="Highest price (inclusive).")] = None,
    brand: Annotated[list[FilterValue], Query(max_length=MAX_FILTER_VALUES, description="Any of these brands (repeat the parameter).")] = [],  # noqa: B006
    category: Annotated[list[FilterValue], Query(max_length=MAX_FILTER_VALUES, description="Any of these categories, at any level of the path.")] = [],  # noqa: B006
    color: Annotated[list[FilterValue], Query(max_length=MAX_FILTER_VALUES, description="Any of these colours.")] = [],  # noqa: B006
    type: Annotated[list[FilterValue], Query(max_length=MAX_FILTER_VALUES, description="Any of these product types.")] = [],  # noqa: B006
    audience: Annotated[list[Audience], Query(max_length=len(AUDIENCES), description="For any of these; products that state no audience pass.")] = [],  # noqa: B006
    in_stock: Annotated[bool, Query(description="In-stock products only.")] = False,
    min_rating: Annotated[float | None, Query(ge=0, le=5, allow_inf_nan=False, description="Lowest rating (0..5).")] = None,
    sort: Annotated[Sort | None, Query(description="relevance (by text; without text: id order), price_asc, price_desc, "
                                                   "rating. Default: what `understand` read, else relevance.")] = None,
    page: Annotated[int, Query(ge=1, le=MAX_RESULTS, description="1-based page.")] = 1,
    page_size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"Products per page (at most {MAX_PAGE_SIZE}).")] = 20,
    svc: Services = Depends(services),
) -> SearchOut:
    caller = caller_of(request)
    site = caller.site
    spend(svc, [("client", ("client", caller.client), site.client_rate_per_minute), ("key", ("key", site.key), site.rate_per_minute)])
    text = " ".join(q.split())
    understood = None
    filters = SearchFilters(kind="product")
    if understand and text:
        state = update(DialogueState(), text, svc.agent.facets()).state
        understood = state.public()
        filters = understood.filters()
        text = state.search_text() or text
        if sort is None and understood.sort != "relevance":
            sort = understood.sort
    explicit = {"min_price": min_price, "max_price": max_price, "min_rating": min_rating, "brands": brand,
                "categories": category, "colors": color, "types": type, "audiences": list(audience)}
    filters = filters.model_copy(update={k: v for k, v in explicit.items() if v not in (None, [])}
                                 | ({"in_stock_only": True} if in_stock else {}))
    sort = sort or "relevance"
    found = result_set(svc, text, filters, sort)
    total = len(found.products)
    start = (page - 1) * page_size
    return SearchOut(
        q=q, text=text, understood=understood, filters=SearchFilterOut(**filters.model_dump(include=set(SearchFilterOut.model_fields))),
        sort=sort, page=page, page_size=page_size, total=total, pages=math.ceil(total / page_size), truncated=found.truncated,
        max_results=MAX_RESULTS,
        products=[_out(p, s) for p, s in zip(found.products[start:start + page_size], found.scores[start:start + page_size])],
        facets=facets(found.products),
    )
