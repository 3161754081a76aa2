"""Opens the pieces of retrieval a command needs, from one `Settings` object."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from retrieval.embeddings import Embedder, make_embedder
from retrieval.faq import FaqLookupService
from retrieval.search import HybridSearcher
from retrieval.store import ShopIndex

from .settings import Settings, quiet_offline_environment


@dataclass
class Shop:
    settings: Settings
    embedder: Embedder

    @classmethod
    def open(cls, settings: Settings, embedder: Embedder | None = None) -> "Shop":
        quiet_offline_environment()
        if embedder is None:
            embedder = make_embedder(
                settings.embedding_model,
                openai_model=settings.openai_embedding_model,
                base_url=settings.openai_base_url,
                api_key=settings.openai_api_key,
                batch_size=settings.embedding_batch_size,
            )
        return cls(settings, embedder)

    @cached_property
    def index(self) -> ShopIndex:
        return ShopIndex(self.settings.index_location(), self.embedder)

    @cached_property
    def searcher(self) -> HybridSearcher:
        return HybridSearcher(self.index, candidates=self.settings.search_candidates)

    @cached_property
    def faq(self) -> FaqLookupService:
        return FaqLookupService(self.index, threshold=self.settings.faq_threshold)
