"""What every evaluation suite shares: a shop loaded into a temporary home (the demo shop, or a
shared real catalog / FAQ), the LangChain tutorial baseline over the same texts, and constants."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from evals.paths import DEMO

if TYPE_CHECKING:
    from retrieval.ingest import Kind
    from retrieval.search import Mode

K = 10
MODES: dict[str, Mode] = {"bm25": "lexical", "dense": "dense", "hybrid": "hybrid"}
LLM_CONFIGS = ("hybrid+llm", "hybrid+llm-endpoint")
MAX_FAILURES_PER_CONFIG = 15


def log(msg: str) -> None:
    print(msg, flush=True)


class Context:
    """A shop in a temporary home: its index (real Chroma + BM25 sidecar), the items as loaded,
    and lazily built tutorial baselines. `Context(settings)` is the demo shop; `Context.empty`
    plus `load_products` / `load_faq` builds one over other data (the shared real sets)."""

    def __init__(self, settings, embedder=None, llm_turn_limit: int | None = None, *, demo: bool = True, name: str = "demo"):
        from assistant.shop import Shop

        self.name = name
        self.tmp = Path(tempfile.mkdtemp(prefix=f"shopassist-eval-{name}-"))
        self.settings = settings.model_copy(update={"home": self.tmp / "home"})
        self.shop = Shop.open(self.settings, embedder)
        self.llm_turn_limit = llm_turn_limit
        self.query_limit: int | None = None  # retrieval queries scored per configuration (None: all)
        self.products: dict[str, Any] = {}
        self.faq_entries: dict[str, Any] = {}
        self._baseline: dict[str, Any] = {}
        self._llms: dict[str, Any] = {}
        self.load_seconds = 0.0
        if demo:
            self.load_file(DEMO / "products.jsonl", "product")
            self.load_file(DEMO / "faq.md", "faq")

    @classmethod
    def empty(cls, settings, embedder=None, name: str = "shared", llm_turn_limit: int | None = None) -> "Context":
        return cls(settings, embedder, llm_turn_limit, demo=False, name=name)

    def load_file(self, path: Path, kind: Kind, mapping=None) -> None:
        """Ingest a catalog / FAQ file as a shop would (`shopassist ingest`), then re-read the items."""
        from retrieval.ingest import ingest_file

        t = time.perf_counter()
        ingest_file(self.shop.index, Path(path), kind, mapping, progress=False)
        self.load_seconds += time.perf_counter() - t
        self._reload()

    def load_items(self, items: Iterable[Any], kind: Kind) -> None:
        """Index already-parsed products / FAQ entries (a sample of a large catalog, say)."""
        import json

        # Through a JSONL file of the parsed items, so the path is exactly `shopassist ingest`'s.
        path = self.tmp / f"{kind}-items-{len(list(self.tmp.glob(kind + '-items-*')))}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for item in items:
                fh.write(json.dumps(item.model_dump(mode="json"), ensure_ascii=False) + "\n")
        self.load_file(path, kind)

    def _reload(self) -> None:
        from retrieval.documents import item_from_metadata

        index = self.shop.index
        self.products = {m["item_id"]: item_from_metadata(m) for b in index.iter_records(where={"kind": "product"}, include=["metadatas"]) for m in b["metadatas"]}
        self.faq_entries = {m["item_id"]: item_from_metadata(m) for b in index.iter_records(where={"kind": "faq"}, include=["metadatas"]) for m in b["metadatas"]}
        self._baseline.clear()

    def llm_for(self, config: str):
        """The LLM of a configuration, built once per context: None for configs without one, the
        embedded SmolLM2 for hybrid+llm, the configured OpenAI-compatible endpoint for
        hybrid+llm-endpoint."""
        if config not in LLM_CONFIGS:
            return None
        if config not in self._llms:
            from assistant.shop import make_llm

            settings = self.settings
            if config == "hybrid+llm":
                settings = settings.model_copy(update={"llm_backend": "embedded", "llm_model": None})
            self._llms[config] = make_llm(settings)
        return self._llms[config]

    def close(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    def facets(self):
        from retrieval.facets import Facets

        return Facets.from_products(self.products.values())

    def tutorial(self, what: str):
        """LangChain Chroma vector store over product texts (what="product") or FAQ phrasings."""
        if what not in self._baseline:
            from langchain_chroma import Chroma

            from retrieval.documents import faq_records, product_text
            from retrieval.embeddings import langchain_embeddings

            store = Chroma(collection_name=f"tutorial_{what}", embedding_function=langchain_embeddings(self.shop.embedder),
                           persist_directory=str(self.tmp / "tutorial"), collection_metadata={"hnsw:space": "cosine"})
            if what == "product":
                items = sorted(self.products.values(), key=lambda p: p.id)
                store.add_texts([product_text(p) for p in items], metadatas=[{"item_id": p.id} for p in items], ids=[p.id for p in items])
            else:
                recs = [r for e in sorted(self.faq_entries.values(), key=lambda e: e.id) for r in faq_records(e, "")]
                store.add_texts([r.text for r in recs], metadatas=[{"item_id": r.item_id} for r in recs], ids=[r.record_id for r in recs])
            self._baseline[what] = store
        return self._baseline[what]


def retriever_ids(store, query: str, k: int) -> list[str]:
    """The tutorial way: `vectorstore.as_retriever(search_kwargs={"k": k}).invoke(query)`."""
    docs = store.as_retriever(search_kwargs={"k": k}).invoke(query)
    return list(dict.fromkeys(d.metadata["item_id"] for d in docs))
