"""Catalog and FAQ retrieval: schemas, embeddings, ingestion, one Chroma index, hybrid search
and FAQ lookup. Knows nothing about chat; `assistant` composes it."""

from .schemas import FaqEntry, Product, SearchFilters, SearchHit

__all__ = ["FaqEntry", "Product", "SearchFilters", "SearchHit"]
