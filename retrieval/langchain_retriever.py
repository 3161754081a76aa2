"""LangChain `BaseRetriever` over the hybrid search, for chains that expect one. Hits become
`Document`s whose metadata carries the typed hit (id, kind, ranks, price...)."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from .documents import product_text
from .schemas import SearchFilters, SearchHit
from .search import HybridSearcher, Mode


def hit_to_document(hit: SearchHit) -> Document:
    if hit.product is not None:
        text = product_text(hit.product)
    elif hit.faq is not None:
        text = f"Q: {hit.faq.question}\nA: {hit.faq.answer}"
    else:
        raise ValueError(f"search hit {hit.id!r} holds neither a product nor an FAQ entry")
    return Document(page_content=text, metadata=hit.summary(), id=hit.id)


class ShopRetriever(BaseRetriever):
    """`ShopRetriever(searcher=..., k=5, filters=SearchFilters(kind="product"))`."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    searcher: HybridSearcher
    k: int = 5
    filters: SearchFilters = SearchFilters()
    mode: Mode = "hybrid"

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun, **kwargs: Any) -> list[Document]:
        hits = self.searcher.search(query, k=kwargs.get("k", self.k), filters=kwargs.get("filters", self.filters), mode=self.mode)
        return [hit_to_document(h) for h in hits]
