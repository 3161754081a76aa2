"""The relevance sets' vectors and indexes, cached: every text's vector once per model and
runtime, keyed by the hash of the text (`VectorCache`, `CachedEmbedder`); each set's index
(Chroma + BM25 + the LangChain tutorial store) by the hash of its products, the model, the
runtime and the record layout (`RelevanceIndex`), built in a private folder and renamed into
place. Under the eval cache folder (`SHOPASSIST_EVAL_CACHE`, default
~/.cache/shopassist/eval-indexes). Used by the relevance suite, the ranker's training and
`bench index`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from evals.data_sets.relevance import JudgmentSet


def log(msg: str) -> None:
    print(msg, flush=True)


def cache_root(settings=None) -> Path:
    if settings is not None and getattr(settings, "eval_cache", None):
        return Path(settings.eval_cache)
    env = os.environ.get("SHOPASSIST_EVAL_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "shopassist" / "eval-indexes"


def embedder_key(embedder) -> str:
    return f"{embedder.model_id}-{getattr(embedder, 'runtime', 'other')}".replace("/", "_").replace(":", "_")


class VectorCache:
    """Vectors of texts for one embedder, on disk, keyed by the sha1 of the text: chunk files
    written whole (private name, then renamed), read back at start."""

    FLUSH = 4096

    def __init__(self, directory: Path, dimension: int) -> None:
        self.directory = Path(directory)
        self.dimension = dimension
        self.rows: dict[str, np.ndarray] = {}
        self._pending: dict[str, np.ndarray] = {}
        if self.directory.is_dir():
            for chunk in sorted(self.directory.glob("chunk-*.npz")):
                try:
                    with np.load(chunk) as data:
                        for k, v in zip(data["keys"], data["vectors"]):
                            self.rows[str(k)] = v
                except (OSError, ValueError, KeyError):
                    continue  # a damaged chunk only costs its vectors

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def get(self, text: str) -> np.ndarray | None:
        k = self.key(text)
        return self.rows.get(k)

    def put(self, texts: Sequence[str], vectors: np.ndarray) -> None:
        for t, v in zip(texts, vectors):
            k = self.key(t)
            self.rows[k] = self._pending[k] = np.asarray(v, dtype=np.float32)
        if len(self._pending) >= self.FLUSH:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        keys = np.array(list(self._pending), dtype="U40")
        vectors = np.stack(list(self._pending.values())).astype(np.float32)
        name = f"chunk-{time.time_ns()}-{os.getpid()}"
        tmp = self.directory / f".{name}.tmp.npz"
        np.savez(tmp, keys=keys, vectors=vectors)
        os.replace(tmp, self.directory / f"{name}.npz")
        self._pending.clear()


class CachedEmbedder:
    """An embedder that asks its inner one only for texts the cache does not hold."""

    def __init__(self, inner, cache: VectorCache) -> None:
        self.inner, self.cache = inner, cache
        self.model_id, self.dimension = inner.model_id, inner.dimension
        self.runtime = getattr(inner, "runtime", "other")
        self.embedded = 0  # texts the inner embedder had to embed
        self.seconds = 0.0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        missing: dict[str, list[int]] = {}
        for i, t in enumerate(texts):
            v = self.cache.get(t)
            if v is None:
                missing.setdefault(t, []).append(i)
            else:
                out[i] = v
        if missing:
            todo = list(missing)
            t0 = time.perf_counter()
            vectors = self.inner.embed(todo)
            self.seconds += time.perf_counter() - t0
            self.embedded += len(todo)
            self.cache.put(todo, vectors)
            for t, v in zip(todo, vectors):
                out[missing[t]] = v
        return out

    def flush(self) -> None:
        self.cache.flush()


def cached_embedder(embedder, settings=None) -> CachedEmbedder:
    if isinstance(embedder, CachedEmbedder):
        return embedder
    return CachedEmbedder(embedder, VectorCache(cache_root(settings) / "vectors" / embedder_key(embedder), embedder.dimension))


class RelevanceIndex:
    """A set's catalog in its own cached home: Chroma + BM25 (`index`, `searcher`), the
    LangChain tutorial store over the same texts and vectors (`tutorial()`), the products as
    indexed (attributes derived at ingest) and their vectors (`matrix`, row per `row[id]`)."""

    def __init__(self, jset: JudgmentSet, settings, embedder: CachedEmbedder, cache_dir: Path | None = None) -> None:
        from retrieval.documents import LAYOUT_VERSION
        from retrieval.search import HybridSearcher
        from retrieval.store import IndexLocation, ShopIndex

        self.jset, self.settings, self.embedder = jset, settings, embedder
        h = hashlib.sha256()
        for p in sorted(jset.products, key=lambda p: p.id):
            h.update(p.content_hash().encode())
        h.update(f"|{embedder.model_id}|{embedder.runtime}|{LAYOUT_VERSION}".encode())
        self.home = Path(cache_dir or cache_root(settings)) / f"relevance-{jset.name}-{h.hexdigest()[:16]}"
        if not (self.home / "complete.json").is_file():
            self._build()
        self.index = ShopIndex(IndexLocation(home=self.home, collection="relevance"), embedder)
        self.index.ensure_lexical()
        self.searcher = HybridSearcher(self.index, candidates=settings.search_candidates, fusion=settings.search_fusion,
                                       dense_weight=settings.search_dense_weight, spelling=settings.search_spelling)
        self._load_items()
        self._tutorial = None

    def _build(self) -> None:
        from retrieval.ingest import ingest_file
        from retrieval.store import IndexLocation, ShopIndex

        t = time.perf_counter()
        tmp = self.home.parent / f".{self.home.name}.{os.getpid()}.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        try:
            items = tmp / "products-in.jsonl"
            with items.open("w", encoding="utf-8") as fh:
                for p in self.jset.products:
                    fh.write(json.dumps(p.model_dump(mode="json"), ensure_ascii=False) + "\n")
            index = ShopIndex(IndexLocation(home=tmp, collection="relevance"), self.embedder)
            try:
                ingest_file(index, items, "product", None, progress=False, rejects_path=tmp / "rejects.jsonl")
                self.embedder.flush()
                index.ensure_lexical()
                ids, metas, vectors = [], [], []
                for batch in index.iter_records(where={"kind": "product"}, include=["metadatas", "embeddings"]):
                    ids.extend(batch["ids"])
                    metas.extend(batch["metadatas"])
                    vectors.extend(batch["embeddings"])
            finally:
                index.close()
            items.unlink()
            with (tmp / "products.jsonl").open("w", encoding="utf-8") as fh:
                for m in metas:
                    fh.write(m["payload"] + "\n")
            np.save(tmp / "vectors.npy", np.asarray(vectors, dtype=np.float32))
            self._build_tutorial(tmp, metas, np.asarray(vectors, dtype=np.float32))
            (tmp / "complete.json").write_text(json.dumps({"set": self.jset.name, "products": len(ids),
                                                           "model": self.embedder.model_id, "runtime": self.embedder.runtime}), "utf-8")
            try:
                os.rename(tmp, self.home)
            except OSError:
                if not (self.home / "complete.json").is_file():
                    raise
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        log(f"  relevance: indexed {len(self.jset.products):,} {self.jset.name} products in {time.perf_counter() - t:.0f}s "
            f"({self.embedder.embedded:,} texts embedded, {self.embedder.seconds:.0f}s) -> {self.home}")

    def _build_tutorial(self, home: Path, metas: list[dict], vectors: np.ndarray) -> None:
        """The tutorial's store: LangChain's Chroma over the product texts. Its vectors are the
        ones just computed (the cached embedder answers), so building it embeds nothing."""
        from langchain_chroma import Chroma

        from retrieval.documents import item_from_metadata, product_text
        from retrieval.embeddings import langchain_embeddings
        from retrieval.schemas import Product

        store = Chroma(collection_name="tutorial_product", embedding_function=langchain_embeddings(self.embedder),
                       persist_directory=str(home / "tutorial"), collection_metadata={"hnsw:space": "cosine"})
        items: list[Product] = []
        for m in metas:
            item = item_from_metadata(m)
            if not isinstance(item, Product):  # metas come from a kind=product query
                raise ValueError(f"relevance index: record {item.id} in the product records is not a product")
            items.append(item)
        for start in range(0, len(items), 4000):
            chunk = items[start:start + 4000]
            store.add_texts([product_text(p) for p in chunk], metadatas=[{"item_id": p.id} for p in chunk], ids=[p.id for p in chunk])

    def tutorial(self):
        if self._tutorial is None:
            from langchain_chroma import Chroma

            from retrieval.embeddings import langchain_embeddings

            self._tutorial = Chroma(collection_name="tutorial_product", embedding_function=langchain_embeddings(self.embedder),
                                    persist_directory=str(self.home / "tutorial"), collection_metadata={"hnsw:space": "cosine"})
        return self._tutorial

    def _load_items(self) -> None:
        from retrieval.schemas import Product

        with (self.home / "products.jsonl").open(encoding="utf-8") as fh:
            self.products = [Product.model_validate_json(line) for line in fh]
        self.by_id = {p.id: p for p in self.products}
        self.row = {p.id: i for i, p in enumerate(self.products)}
        self.matrix = np.load(self.home / "vectors.npy")

    def close(self) -> None:
        self.index.close()
