"""`GET /api/v1/recommendations`: products for a shopper ("for you") or with a product ("often
bought together"), each with the reason the signal behind it gives (assistant/recs/service.py).

    GET /api/v1/recommendations?user=U&user_signature=SIG&k=8             for you (a signed-in shopper)
    GET /api/v1/recommendations?session_id=S&k=8                          for you (an anonymous shopper: session:<S>)
    GET /api/v1/recommendations?product=P&k=4[&user=U&user_signature=SIG] often bought together with P

Identity is checked as for every other route (deps.py): a `user` needs a valid `user_signature`
(401); a `session_id` must be one this server issued to this key and origin, owned by nobody or
by this shopper (404 / 403). With neither, the answer is what everybody did: popular products
(`cold_start` true), or the products that go with `product`. A recommendation spends the client's and the key's budget, like a product read.

The payload (`RecommendationsOut`):

    {"mode": "for_you" | "with_product", "user_id": "U" | "session:S" | null, "product_id": "P" | null,
     "cold_start": false, "sources": ["two_tower", "als", "cooc", "text", "popularity"],
     "model_version": "3f2a..." | null,
     "products": [{"id", "title", "price", "currency", "price_text", "url", "image_url", "brand",
                   "rating", "in_stock", "reason", "reason_kind", "because"}, ...]}

`reason_kind` is one of co_bought, co_viewed, two_tower, similar_taste, text_similar, popular;
`because` is the product id the reason names (the one bought, liked or looked at), if any.
`cold_start` true means no behaviour was usable: the items are popular (or similar to the
product). A dislike recorded through POST /feedback takes effect on the next request.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from retrieval.documents import item_from_metadata, product_record_id
from retrieval.schemas import Product

from ..formatting import price as price_text
from ..sessions import anonymous_user
from .deps import Services, bound_session, caller_of, services, spend
from .guard import ApiError
from .models import IDENTIFIED, KEYED, QUERY, SESSION_ID_PATTERN, SESSIONED, SIGNATURE_PATTERN, USER_ID_PATTERN

router = APIRouter()
MAX_K = 50


class RecommendedProduct(BaseModel):
    id: str
    title: str
    price: float | None
    currency: str
    price_text: str
    url: str | None = None
    image_url: str | None = None
    brand: str | None = None
    rating: float | None = None
    in_stock: bool = True
    reason: str = Field(description="Why, in the shopper's words, from the signal that ranked it.")
    reason_kind: Literal["co_bought", "co_viewed", "two_tower", "similar_taste", "text_similar", "popular"]
    because: str | None = Field(default=None, description="The product id the reason names, if any.")


class RecommendationsOut(BaseModel):
    mode: Literal["for_you", "with_product"]
    user_id: str | None
    product_id: str | None
    cold_start: bool = Field(description="True: no usable behaviour, so popular (or similar) items.")
    sources: list[str]
    model_version: str | None = Field(description="The training the answer came from; null before any `train recs`.")
    products: list[RecommendedProduct]


@router.get("/recommendations", response_model=RecommendationsOut, summary="Products for a shopper or with a product",
            responses={**KEYED, **IDENTIFIED, **SESSIONED, **QUERY,
                       404: {"model": SESSIONED[404]["model"], "description": "unknown product, or unknown / expired session"}})
def recommendations(
    request: Request,
    user: Annotated[str | None, Query(min_length=1, max_length=128, pattern=USER_ID_PATTERN,
                                      description="A signed-in shopper (needs user_signature).")] = None,
    user_signature: Annotated[str | None, Query(min_length=64, max_length=64, pattern=SIGNATURE_PATTERN)] = None,
    session_id: Annotated[str | None, Query(min_length=1, max_length=128, pattern=SESSION_ID_PATTERN,
                                            description="An anonymous shopper's issued session.")] = None,
    product: Annotated[str | None, Query(min_length=1, max_length=256, description="Products that go with this one.")] = None,
    k: Annotated[int, Query(ge=1, le=MAX_K, description="How many products.")] = 8,
    svc: Services = Depends(services),
) -> RecommendationsOut:
    if svc.profiles is None:
        raise ApiError(503, "profiles are not enabled on this server", "unavailable")
    caller = caller_of(request, user, user_signature)
    owner = caller.user
    if session_id is not None:
        bound_session(svc, caller, session_id)  # 404 / 403 unless this caller may act in it
        owner = owner or anonymous_user(session_id)
    site = caller.site
    spend(svc, [("client", ("client", caller.client), site.client_rate_per_minute), ("key", ("key", site.key), site.rate_per_minute)])
    if product is not None and not svc.index.metadatas([product_record_id(product)]):
        raise ApiError(404, f"unknown product {product!r}", "product_unknown")
    from ..recs.service import recommender_for

    recs = recommender_for(svc.index, svc.profiles).recommend(user_id=owner, product_id=product, k=k)
    found = svc.index.metadatas([product_record_id(r.id) for r in recs.items])
    products = []
    for r in recs.items:
        meta = found.get(product_record_id(r.id))
        if meta is None:
            continue
        p = item_from_metadata(meta)
        if not isinstance(p, Product):  # a product record id, so a Product; skip anything else like a missing one
            continue
        products.append(RecommendedProduct(id=p.id, title=p.title, price=p.price, currency=p.currency, price_text=price_text(p),
                                           url=p.url, image_url=p.image_url, brand=p.brand, rating=p.rating, in_stock=p.in_stock,
                                           reason=r.reason, reason_kind=r.reason_kind, because=r.because))
    return RecommendationsOut(mode="with_product" if product is not None else "for_you", user_id=owner, product_id=product,
                              cold_start=recs.cold_start, sources=recs.sources, model_version=recs.model_version,
                              products=products)
