"""How catalog items become index records: the text that is embedded and matched, and the flat
metadata that filters run on. One place, so dense, lexical and filters all see the same item."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .attributes import AUDIENCES, type_key
from .schemas import FaqEntry, Product

# Bump when the text or metadata layout changes: every item then counts as changed and is re-embedded.
LAYOUT_VERSION = "3"
CATEGORY_LEVELS = 4


@dataclass(frozen=True)
class IndexRecord:
    record_id: str
    item_id: str
    kind: str
    text: str
    metadata: dict[str, Any]


def key(value: str) -> str:
    """Case- and space-insensitive form used for filtering on brands, colours, sizes, categories."""
    return " ".join(value.lower().split())


def product_record_id(product_id: str) -> str:
    return f"product:{product_id}"


def product_text(product: Product, max_chars: int = 1200) -> str:
    parts = [product.title]
    if product.brand and product.brand.lower() not in product.title.lower():
        parts.append(f"Brand: {product.brand}")
    if product.category:
        parts.append("Category: " + " > ".join(product.category))
    if product.color:
        parts.append(f"Color: {product.color}")
    if product.description:
        parts.append(product.description[:max_chars])
    return "\n".join(parts)


def product_record(product: Product, content_hash: str) -> IndexRecord:
    meta: dict[str, Any] = {
        "kind": "product",
        "item_id": product.id,
        "content_hash": content_hash,
        "payload": json.dumps(product.model_dump(mode="json"), ensure_ascii=False),
        "in_stock": product.in_stock,
        "title": product.title[:200],
    }
    if product.price is not None:
        meta["price"] = float(product.price)
    if product.brand:
        meta["brand"] = key(product.brand)
    if product.color:
        meta["color"] = key(product.color)
    if product.sizes:
        meta["sizes"] = [key(s) for s in product.sizes]
    if product.rating is not None:
        meta["rating"] = float(product.rating)
    for level, name in enumerate(product.category[:CATEGORY_LEVELS]):
        meta[f"cat{level}"] = key(name)
    if product.category:
        meta["category"] = " > ".join(product.category)
    if product.product_type:
        meta["type"] = type_key(product.product_type)
    # One flag per audience, plus whether any is known: an item that says nothing about its
    # audience does not contradict "for girls", one that says "Men's" does.
    meta["aud_known"] = bool(product.audience)
    for audience in product.audience:
        if audience in AUDIENCES:
            meta[f"aud_{audience}"] = True
    if product.materials:
        meta["materials"] = [key(m) for m in product.materials]
    return IndexRecord(product_record_id(product.id), product.id, "product", product_text(product), meta)


def faq_record_id(entry_id: str, phrasing_no: int | str) -> str:
    return f"faq:{entry_id}:{phrasing_no}"


def faq_answer_record_id(entry_id: str) -> str:
    return faq_record_id(entry_id, "answer")


def faq_records(entry: FaqEntry, content_hash: str) -> list[IndexRecord]:
    """One record per phrasing, so a question matches whichever way the shopper words it, plus
    one for the answer (questions often use the answer's words: "do you take paypal")."""
    payload = json.dumps(entry.model_dump(mode="json"), ensure_ascii=False)
    records = []
    for n, phrasing in enumerate(entry.phrasings()):
        meta: dict[str, Any] = {
            "kind": "faq",
            "item_id": entry.id,
            "content_hash": content_hash,
            "phrasing_no": n,
            "payload": payload,
        }
        if entry.category:
            meta["faq_category"] = key(entry.category)
        records.append(IndexRecord(faq_record_id(entry.id, n), entry.id, "faq", phrasing, meta))
    answer_meta = dict(records[0].metadata, phrasing_no=-1)
    records.append(IndexRecord(faq_answer_record_id(entry.id), entry.id, "faq", entry.answer, answer_meta))
    return records


def item_from_metadata(meta: dict[str, Any]) -> Product | FaqEntry:
    payload = json.loads(meta["payload"])
    return Product.model_validate(payload) if meta["kind"] == "product" else FaqEntry.model_validate(payload)
