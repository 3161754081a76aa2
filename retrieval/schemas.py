"""Data contracts for everything the index holds and returns.

Every boundary (file rows, CLI output, search results) goes through these pydantic models so
that a bad value is rejected with a message naming the field, instead of surfacing later as a
wrong answer.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

ItemKind = Literal["product", "faq"]


def _clean_text(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    return value


class Product(BaseModel):
    """One sellable item of a shop's catalog."""

    # No inf/nan, even as JSON numbers: they would be served as `Infinity`, which is not JSON.
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    id: str = Field(min_length=1, max_length=256)
    title: str = Field(min_length=1, max_length=1000)
    description: str = Field(default="", max_length=20000)
    category: list[str] = Field(default_factory=list, description="Category path, broadest first.")
    brand: str | None = None
    price: float | None = Field(default=None, ge=0)
    currency: str = "USD"
    color: str | None = None
    sizes: list[str] = Field(default_factory=list)
    product_type: str | None = Field(default=None, description="What the item is (\"Shorts\", \"Cable\"); derived from the title when no column says it.")
    audience: list[str] = Field(default_factory=list, description="Who it is for: men, women, boys, girls, kids, baby, unisex.")
    materials: list[str] = Field(default_factory=list, description="What it is made of (cotton, leather...).")
    rating: float | None = Field(default=None, ge=0, le=5)
    rating_count: int | None = Field(default=None, ge=0)
    in_stock: bool = True
    image_url: str | None = None
    url: str | None = None
    extra: dict[str, str] = Field(default_factory=dict, description="Other attributes, as text.")

    _strip = field_validator("id", "title", "description", "brand", "color", "currency", "product_type", mode="before")(
        _clean_text
    )

    @field_validator("category", "sizes", "audience", "materials", mode="before")
    @classmethod
    def _clean_list(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list):
            return [str(v).strip() for v in value if v is not None and str(v).strip()]
        return value

    @field_validator("brand", "color", "image_url", "url", "product_type", mode="after")
    @classmethod
    def _empty_is_none(cls, value: str | None) -> str | None:
        return value or None

    @field_validator("extra", mode="before")
    @classmethod
    def _extra_as_text(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for k, v in value.items() if v not in (None, "")}
        return value

    def content_hash(self) -> str:
        return content_hash(self)


class FaqEntry(BaseModel):
    """One customer-service answer with the ways shoppers ask for it."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    id: str = Field(min_length=1, max_length=256)
    question: str = Field(min_length=1, max_length=2000)
    answer: str = Field(min_length=1, max_length=20000)
    category: str | None = None
    alternatives: list[str] = Field(default_factory=list, description="Other phrasings of the question.")
    source: str | None = Field(default=None, description="Where the answer comes from (file, URL, policy).")

    _strip = field_validator("id", "question", "answer", "category", "source", mode="before")(_clean_text)

    @field_validator("alternatives", mode="before")
    @classmethod
    def _clean_alternatives(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list):
            seen: set[str] = set()
            out = []
            for v in value:
                text = str(v).strip() if v is not None else ""
                if text and text.lower() not in seen:
                    seen.add(text.lower())
                    out.append(text)
            return out
        return value

    def phrasings(self) -> list[str]:
        """The question first, then every distinct alternative phrasing."""
        seen = {self.question.lower()}
        out = [self.question]
        for alt in self.alternatives:
            if alt.lower() not in seen:
                seen.add(alt.lower())
                out.append(alt)
        return out

    def content_hash(self) -> str:
        return content_hash(self)


def content_hash(item: BaseModel) -> str:
    """Stable hash of an item's content: equal hashes mean nothing to re-embed."""
    canonical = json.dumps(item.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]


class SearchFilters(BaseModel):
    """Hard constraints applied inside the query: an item that fails one is never returned."""

    model_config = ConfigDict(extra="forbid")

    kind: ItemKind | None = None
    min_price: float | None = Field(default=None, ge=0)
    max_price: float | None = Field(default=None, ge=0)
    brands: list[str] = Field(default_factory=list, description="Any of these brands (case-insensitive).")
    exclude_brands: list[str] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list, description="Any of these, at any level of the path.")
    colors: list[str] = Field(default_factory=list)
    exclude_colors: list[str] = Field(default_factory=list)
    exclude_categories: list[str] = Field(default_factory=list, description="None of these, at any level.")
    types: list[str] = Field(default_factory=list, description="Any of these product types (\"shorts\", \"cable\").")
    exclude_types: list[str] = Field(default_factory=list)
    audiences: list[str] = Field(default_factory=list, description="For any of these (men, women, boys, girls, kids, baby, "
                                 "unisex); items that state no audience pass, items for another do not.")
    materials: list[str] = Field(default_factory=list, description="Made of any of these.")
    exclude_materials: list[str] = Field(default_factory=list)
    sizes: list[str] = Field(default_factory=list)
    min_rating: float | None = Field(default=None, ge=0, le=5)
    in_stock_only: bool = False

    def is_empty(self) -> bool:
        return self == SearchFilters(kind=self.kind)


class SearchHit(BaseModel):
    """One result with the evidence for its rank: each signal's rank and score (None = not found by it)."""

    id: str
    kind: ItemKind
    score: float = Field(description="Fused score; higher is better.")
    dense_rank: int | None = None
    dense_score: float | None = None
    lexical_rank: int | None = None
    lexical_score: float | None = None
    product: Product | None = None
    faq: FaqEntry | None = None
    matched_text: str | None = Field(default=None, description="The indexed text that matched (FAQ phrasing).")

    def summary(self) -> dict[str, Any]:
        """The compact JSON shape the CLI prints."""
        out: dict[str, Any] = {"id": self.id, "kind": self.kind, "score": round(self.score, 6)}
        if self.product is not None:
            out |= {"title": self.product.title, "price": self.product.price, "currency": self.product.currency,
                    "brand": self.product.brand}
        if self.faq is not None:
            out |= {"question": self.faq.question, "answer": self.faq.answer, "source": self.faq.source}
        out |= {"dense_rank": self.dense_rank, "lexical_rank": self.lexical_rank}
        return out
