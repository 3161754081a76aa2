"""The catalog and the FAQ: `GET /api/v1/products/{id}`, `GET /api/v1/faq/search`. FAQ search
has budgets of its own (per key and per client), so a burst of chat never blocks the help box
and the other way round. The search box's `GET /api/v1/products/search` is search.py (its route
is registered first, so "search" is never taken for a product id)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request

from retrieval.documents import item_from_metadata, product_record_id
from retrieval.schemas import Product

from ..agent import MAX_MESSAGE_CHARS
from .deps import Services, caller_of, services, spend
from .guard import ApiError
from .models import KEYED, NOT_BLANK, QUERY, ErrorOut, FaqMatchOut, FaqSearchOut

router = APIRouter()


@router.get("/faq/search", response_model=FaqSearchOut, summary="FAQ answers for a question",
            responses={**KEYED, **QUERY})
def faq_search(request: Request,
               q: str = Query(min_length=1, max_length=MAX_MESSAGE_CHARS, pattern=NOT_BLANK,
                              description=f"The question: 1..{MAX_MESSAGE_CHARS} characters, not only white space."),
               k: int = Query(3, ge=1, le=20, description="how many entries"), svc: Services = Depends(services)) -> FaqSearchOut:
    caller = caller_of(request)
    site = caller.site
    spend(svc, [("client", ("faq-client", caller.client), site.client_rate_per_minute),
                ("faq", ("faq", site.key), site.faq_rate_per_minute)])
    lookup = svc.faq.lookup(q, k)
    return FaqSearchOut(
        confident=lookup.confident, threshold=lookup.threshold,
        matches=[FaqMatchOut(id=m.entry.id, question=m.entry.question, answer=m.entry.answer, score=m.score,
                             source=m.entry.source or m.entry.id) for m in lookup.matches],
    )


ProductId = Annotated[str, Path(min_length=1, max_length=256, description="The product's id in the catalog (it may hold "
                                                                          "slashes). `search` is the search route.",
                               json_schema_extra={"pattern": "^(?!search$)"})]


@router.get("/products/{product_id:path}", response_model=Product, summary="One product of the catalog",
            responses={404: {"model": ErrorOut, "description": "unknown product"}, **KEYED, **QUERY})
def product(request: Request, product_id: ProductId, svc: Services = Depends(services)) -> Product:
    caller = caller_of(request)
    site = caller.site
    spend(svc, [("client", ("client", caller.client), site.client_rate_per_minute), ("key", ("key", site.key), site.rate_per_minute)])
    found = svc.index.metadatas([product_record_id(product_id)])
    item = item_from_metadata(next(iter(found.values()))) if found else None
    if not isinstance(item, Product):
        raise ApiError(404, f"unknown product {product_id!r}", "product_unknown")
    return item
