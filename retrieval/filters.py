"""Hard filters, evaluated three ways that must agree: as a Chroma `where` clause (dense
pre-filter), as a numpy mask over the lexical index's metadata table, and as a plain predicate
(the reference, used to verify results before they are shown)."""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from .attributes import AUDIENCES, compatible_audiences, type_key
from .documents import CATEGORY_LEVELS, key
from .schemas import SearchFilters


def chroma_where(filters: SearchFilters) -> dict[str, Any] | None:
    clauses: list[dict[str, Any]] = []
    if filters.kind:
        clauses.append({"kind": filters.kind})
    if filters.min_price is not None:
        clauses.append({"price": {"$gte": float(filters.min_price)}})
    if filters.max_price is not None:
        clauses.append({"price": {"$lte": float(filters.max_price)}})
    if filters.brands:
        clauses.append({"brand": {"$in": [key(b) for b in filters.brands]}})
    if filters.exclude_brands:
        # $nin alone would also drop items without a brand only if the key exists; Chroma's $nin
        # keeps items missing the key, which is what "not X" means.
        clauses.append({"brand": {"$nin": [key(b) for b in filters.exclude_brands]}})
    if filters.categories:
        cats = [key(c) for c in filters.categories]
        clauses.append({"$or": [{f"cat{level}": {"$in": cats}} for level in range(CATEGORY_LEVELS)]})
    if filters.colors:
        clauses.append({"color": {"$in": [key(c) for c in filters.colors]}})
    if filters.exclude_colors:
        clauses.append({"color": {"$nin": [key(c) for c in filters.exclude_colors]}})
    if filters.exclude_categories:
        cats = [key(c) for c in filters.exclude_categories]
        clauses.extend({f"cat{level}": {"$nin": cats}} for level in range(CATEGORY_LEVELS))
    if filters.types:
        clauses.append({"type": {"$in": [type_key(t) for t in filters.types]}})
    if filters.exclude_types:
        clauses.append({"type": {"$nin": [type_key(t) for t in filters.exclude_types]}})
    if filters.audiences:
        allowed = sorted(set().union(*(compatible_audiences(a) for a in filters.audiences)))
        clauses.append({"$or": [{"aud_known": False}] + [{f"aud_{a}": True} for a in allowed]})
    if filters.materials:
        ors = [{"materials": {"$contains": key(m)}} for m in filters.materials]
        clauses.append(ors[0] if len(ors) == 1 else {"$or": ors})
    clauses.extend({"materials": {"$not_contains": key(m)}} for m in filters.exclude_materials)
    if filters.sizes:
        sizes = [key(s) for s in filters.sizes]
        ors = [{"sizes": {"$contains": s}} for s in sizes]
        clauses.append(ors[0] if len(ors) == 1 else {"$or": ors})
    if filters.min_rating is not None:
        clauses.append({"rating": {"$gte": float(filters.min_rating)}})
    if filters.in_stock_only:
        clauses.append({"in_stock": True})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def matches(filters: SearchFilters, meta: dict[str, Any]) -> bool:
    """Reference semantics on one record's metadata (as stored in the index)."""
    if filters.kind and meta.get("kind") != filters.kind:
        return False
    price = meta.get("price")
    if filters.min_price is not None and (price is None or price < filters.min_price):
        return False
    if filters.max_price is not None and (price is None or price > filters.max_price):
        return False
    brand = meta.get("brand")
    if filters.brands and brand not in {key(b) for b in filters.brands}:
        return False
    if filters.exclude_brands and brand in {key(b) for b in filters.exclude_brands}:
        return False
    if filters.categories:
        cats = {key(c) for c in filters.categories}
        if not any(meta.get(f"cat{level}") in cats for level in range(CATEGORY_LEVELS)):
            return False
    if filters.colors and meta.get("color") not in {key(c) for c in filters.colors}:
        return False
    if filters.exclude_colors and meta.get("color") in {key(c) for c in filters.exclude_colors}:
        return False
    if filters.exclude_categories:
        cats = {key(c) for c in filters.exclude_categories}
        if any(meta.get(f"cat{level}") in cats for level in range(CATEGORY_LEVELS)):
            return False
    if filters.types and meta.get("type") not in {type_key(t) for t in filters.types}:
        return False
    if filters.exclude_types and meta.get("type") in {type_key(t) for t in filters.exclude_types}:
        return False
    if filters.audiences and meta.get("aud_known"):
        allowed = set().union(*(compatible_audiences(a) for a in filters.audiences))
        if not any(meta.get(f"aud_{a}") for a in allowed):
            return False
    materials = set(meta.get("materials") or [])
    if filters.materials and not materials & {key(m) for m in filters.materials}:
        return False
    if materials & {key(m) for m in filters.exclude_materials}:
        return False
    if filters.sizes and not set(meta.get("sizes") or []) & {key(s) for s in filters.sizes}:
        return False
    rating = meta.get("rating")
    if filters.min_rating is not None and (rating is None or rating < filters.min_rating):
        return False
    if filters.in_stock_only and meta.get("in_stock") is not True:
        return False
    return True


class MetadataTable:
    """Columnar copy of the filterable metadata, so the lexical side can pre-filter in numpy."""

    def __init__(self, metadatas: list[dict[str, Any]]) -> None:
        n = len(metadatas)
        self.size = n
        self.kind = np.array([m.get("kind", "") for m in metadatas], dtype=object)
        self.price = np.array([m.get("price", np.nan) for m in metadatas], dtype=np.float64)
        self.rating = np.array([m.get("rating", np.nan) for m in metadatas], dtype=np.float64)
        self.in_stock = np.array([m.get("in_stock") is True for m in metadatas], dtype=bool)
        self.brand = np.array([m.get("brand", "") for m in metadatas], dtype=object)
        self.color = np.array([m.get("color", "") for m in metadatas], dtype=object)
        self.cats = [np.array([m.get(f"cat{level}", "") for m in metadatas], dtype=object) for level in range(CATEGORY_LEVELS)]
        self.sizes = [frozenset(m.get("sizes") or ()) for m in metadatas]
        self.type = np.array([m.get("type", "") for m in metadatas], dtype=object)
        self.aud_known = np.array([bool(m.get("aud_known")) for m in metadatas], dtype=bool)
        self.audience = {a: np.array([bool(m.get(f"aud_{a}")) for m in metadatas], dtype=bool) for a in AUDIENCES}
        self.materials = [frozenset(m.get("materials") or ()) for m in metadatas]
        self._vocabulary: tuple[list[str], list[str]] | None = None  # colours, materials; made on first widen()

    def widen(self, filters: SearchFilters) -> SearchFilters:
        """The filters with every excluded colour or material extended to the values of this
        catalog that name it as a whole word: "not glass" also leaves out "tempered glass",
        "no wood" "solid wood", "not gold" "White Gold", "no black" "Matte Black". A shopper who
        rules out a material or colour rules out its kinds; the catalog's finer values must not
        let them back in."""
        if not (filters.exclude_colors or filters.exclude_materials):
            return filters
        if self._vocabulary is None:
            known_materials: set[str] = set().union(*self.materials) if self.materials else set()
            self._vocabulary = (sorted({str(c) for c in self.color if c}), sorted(known_materials))
        colors, materials = self._vocabulary
        return filters.model_copy(update={
            "exclude_colors": _with_kinds(filters.exclude_colors, colors),
            "exclude_materials": _with_kinds(filters.exclude_materials, materials)})

    def mask(self, filters: SearchFilters) -> np.ndarray:
        mask = np.ones(self.size, dtype=bool)
        if filters.kind:
            mask &= self.kind == filters.kind
        with np.errstate(invalid="ignore"):
            if filters.min_price is not None:
                mask &= self.price >= filters.min_price
            if filters.max_price is not None:
                mask &= self.price <= filters.max_price
            if filters.min_rating is not None:
                mask &= self.rating >= filters.min_rating
        if filters.brands:
            mask &= np.isin(self.brand, [key(b) for b in filters.brands])
        if filters.exclude_brands:
            mask &= ~np.isin(self.brand, [key(b) for b in filters.exclude_brands])
        if filters.categories:
            cats = [key(c) for c in filters.categories]
            any_level = np.zeros(self.size, dtype=bool)
            for column in self.cats:
                any_level |= np.isin(column, cats)
            mask &= any_level
        if filters.colors:
            mask &= np.isin(self.color, [key(c) for c in filters.colors])
        if filters.exclude_colors:
            mask &= ~np.isin(self.color, [key(c) for c in filters.exclude_colors])
        if filters.exclude_categories:
            cats = [key(c) for c in filters.exclude_categories]
            for column in self.cats:
                mask &= ~np.isin(column, cats)
        if filters.types:
            mask &= np.isin(self.type, [type_key(t) for t in filters.types])
        if filters.exclude_types:
            mask &= ~np.isin(self.type, [type_key(t) for t in filters.exclude_types])
        if filters.audiences:
            allowed = set().union(*(compatible_audiences(a) for a in filters.audiences))
            fits = ~self.aud_known
            for a in allowed & set(self.audience):
                fits |= self.audience[a]
            mask &= fits
        if filters.materials or filters.exclude_materials:
            wanted = {key(m) for m in filters.materials}
            unwanted = {key(m) for m in filters.exclude_materials}
            mask &= np.fromiter(((not wanted or bool(m & wanted)) and not m & unwanted for m in self.materials),
                                dtype=bool, count=self.size)
        if filters.sizes:
            wanted = {key(s) for s in filters.sizes}
            mask &= np.fromiter((bool(s & wanted) for s in self.sizes), dtype=bool, count=self.size)
        if filters.in_stock_only:
            mask &= self.in_stock
        return mask


def _with_kinds(excluded: list[str], vocabulary: list[str]) -> list[str]:
    """`excluded` plus the vocabulary keys that contain one of them as a whole word."""
    if not excluded:
        return excluded
    words = [re.compile(rf"(?<![\w-]){re.escape(key(e))}(?![\w-])") for e in excluded]
    more = [v for v in vocabulary if v not in {key(e) for e in excluded} and any(w.search(v) for w in words)]
    return list(excluded) + more
