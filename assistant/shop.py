"""Opens the pieces of retrieval a command needs, from one `Settings` object."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from retrieval.embeddings import Embedder
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
            embedder = settings.make_embedder()
        return cls(settings, embedder)

    @cached_property
    def index(self) -> ShopIndex:
        return ShopIndex(self.settings.index_location(), self.embedder)

    @cached_property
    def searcher(self) -> HybridSearcher:
        return HybridSearcher(self.index, candidates=self.settings.search_candidates, fusion=self.settings.search_fusion,
                              dense_weight=self.settings.search_dense_weight, ranker=self.settings.make_ranker(),
                              rerank_depth=self.settings.ranker_depth,
                              spelling=self.settings.search_spelling)

    @cached_property
    def faq(self) -> FaqLookupService:
        return FaqLookupService(self.index, threshold=self.settings.faq_threshold)

    @cached_property
    def profiles(self):
        from .profile import ProfileStore

        return ProfileStore(self.settings.home, database=self.settings.database(), recs_home=self.settings.recs_home)

    @cached_property
    def sessions(self):
        from .sessions import SessionStore

        return SessionStore(self.settings.home, database=self.settings.database())

    @cached_property
    def llm(self):
        return make_llm(self.settings)

    def agent_config(self, llm):
        """Agent defaults sized to the LLM, with the ranking overrides of the settings on top."""
        import dataclasses

        from .agent import config_for

        config = config_for(llm)
        overrides = {"rank_cards": self.settings.llm_rank_cards, "rank_picks": self.settings.llm_rank_picks}
        return dataclasses.replace(config, **{k: v for k, v in overrides.items() if v is not None})

    def assistant(self, llm="configured", config=None):
        """The chat agent over this shop; `llm=None` switches the LLM stages off."""
        from .agent import ShoppingAssistant

        llm = self.llm if llm == "configured" else llm
        return ShoppingAssistant(
            index=self.index, searcher=self.searcher, faq=self.faq, sessions=self.sessions,
            llm=llm, profiles=self.profiles, config=config or self.agent_config(llm),
        )


def make_llm(settings: Settings):
    """The configured LLM backend, or None when switched off."""
    if settings.llm_backend == "none":
        return None
    if settings.llm_backend == "openai":
        from .llm import OpenAICompatibleLLM

        if not settings.llm_model:
            raise ValueError("SHOPASSIST_LLM_MODEL must name the model when SHOPASSIST_LLM_BACKEND=openai")
        return OpenAICompatibleLLM(
            model=settings.llm_model, base_url=settings.llm_base_url, api_key=settings.llm_api_key,
            timeout=settings.llm_timeout, context_window=settings.llm_context_window, json_mode=settings.llm_json_mode,
        )
    from .llm import LlamaCppLLM, smollm2_path

    return LlamaCppLLM(model_path=settings.llm_model or smollm2_path(), context_window=settings.llm_context_window,
                       threads=settings.llm_threads, batch_threads=settings.llm_batch_threads, timeout=settings.llm_timeout)
