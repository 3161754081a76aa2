"""The catalog and the FAQ: `GET /api/v1/products/{id}`, `GET /api/v1/faq/search`. FAQ search
has budgets of its own (per key and per client), so a burst of chat never blocks the help box
and the other way round."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request

from retrieval.documents import item_from_metadata, product_record_id
from retrieval.schemas import Product

from ..agent import MAX_MESSAGE_CHARS
from .deps import Services, caller_of, services, spend
from .guard import ApiError
from .models import BODY, KEYED, ErrorOut, FaqMatchOut, FaqSearchOut

router = APIRouter()


@router.get("/faq/search", response_model=FaqSearchOut, summary="FAQ answers for a question",
            responses={**KEYED, 422: BODY[422]})
def faq_search(request: Request, q: str = Query(min_length=1, max_length=MAX_MESSAGE_CHARS, description="the question"),
               k: int = Query(3, ge=1, le=20, description="how many entries"), svc: Services = Depends(services)) -> FaqSearchOut:
    if not q.strip():
        raise ApiError(422, "q is empty", "invalid")
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


@router.get("/products/{product_id:path}", response_model=Product, summary="One product of the catalog",
            responses={404: {"model": ErrorOut, "description": "unknown product"}, **KEYED})
def product(request: Request, product_id: str, svc: Services = Depends(services)) -> Product:
    caller = caller_of(request)
    site = caller.site
    spend(svc, [("client", ("client", caller.client), site.client_rate_per_minute), ("key", ("key", site.key), site.rate_per_minute)])
    found = svc.index.metadatas([product_record_id(product_id)])
    if not found:
        raise ApiError(404, f"unknown product {product_id!r}", "product_unknown")
    return item_from_metadata(next(iter(found.values())))
