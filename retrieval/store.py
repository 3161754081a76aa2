"""The one index: a Chroma collection holding products and FAQ phrasings (metadata `kind`),
plus the BM25 sidecar kept in step with it.

Embedded `PersistentClient` under the home folder by default; a Chroma server over HTTP when a
host is given. Writes move a revision stored in the collection's metadata before they start and
again when they end, so any reader can tell when its lexical copy is stale, even after a load
was killed mid-way. Embedded Chroma does not see another process's writes, so an embedded index
is written only by a process that has it to itself (retrieval/index_lock.py); with a Chroma
server any number of processes read while one writes.
"""

from __future__ import annotations

import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

import numpy as np

from .embeddings import Embedder
from .errors import IndexBusy, IndexConfigError, IndexUnavailable
from .index_lock import IndexLock
from .lexical import LexicalIndex

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
log = logging.getLogger(__name__)

DEFAULT_COLLECTION = "shopassist"
HNSW = {"space": "cosine", "ef_construction": 200, "ef_search": 200, "max_neighbors": 32}
_PAGE = 2000
WRITING = "writing-"
__all__ = ["IndexBusy", "IndexConfigError", "IndexLocation", "IndexUnavailable", "ShopIndex", "make_client"]




@dataclass(frozen=True)
class IndexLocation:
    home: Path
    collection: str = DEFAULT_COLLECTION
    chroma_host: str | None = None
    chroma_port: int = 8000

    def __post_init__(self) -> None:
        object.__setattr__(self, "home", Path(self.home))

    def describe(self) -> str:
        where = f"chroma server {self.chroma_host}:{self.chroma_port}" if self.chroma_host else f"{self.home / 'chroma'}"
        return f"{where} (collection {self.collection})"


def make_client(location: IndexLocation):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if location.chroma_host:
        try:
            return chromadb.HttpClient(host=location.chroma_host, port=location.chroma_port, settings=chroma_settings)
        except Exception as exc:  # chromadb raises plain ValueError/ConnectionError here
            raise IndexConfigError(f"cannot reach Chroma server at {location.chroma_host}:{location.chroma_port}: {exc}") from exc
    # The home holds conversations and profiles too: readable by its owner only when we create it.
    location.home.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = location.home / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


class ShopIndex:
    """Products and FAQ entries in one Chroma collection, with BM25 beside it."""

    def __init__(self, location: IndexLocation, embedder: Embedder) -> None:
        self.location = location
        self.embedder = embedder
        # Embedded Chroma serves one process at a time for writes (retrieval/index_lock.py).
        self._lock = None if location.chroma_host else IndexLock(location.home / "chroma")
        if self._lock is not None:
            self._lock.acquire()
        self._write_revision: str | None = None
        try:
            self.client = make_client(location)
            self.collection = self._open_collection()
        except BaseException:
            self.close()
            raise
        self.lexical = LexicalIndex(self.sidecar_dir("lexical"))
        self.lexical.load()

    def close(self) -> None:
        """Let go of the index: the Chroma client and, for an embedded one, this process's
        hold on the folder (another process may then write it). Idempotent."""
        client = getattr(self, "client", None)
        if client is not None and hasattr(client, "close"):
            try:
                client.close()
            except Exception as exc:  # closing must never mask what the caller was doing
                log.debug("closing the Chroma client failed: %s", exc)
        self.client = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> "ShopIndex":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def sidecar_dir(self, what: str) -> Path:
        """This collection's folder for a derived artefact `what` (BM25, the FAQ classifier):
        under the shop's home, named after the collection (and the server, for a Chroma server)."""
        if self.location.chroma_host:
            name = f"{self.location.chroma_host}_{self.location.chroma_port}_{self.location.collection}"
        else:
            name = self.location.collection
        return self.location.home / what / name

    def _open_collection(self):
        meta = {"embedding_model": self.embedder.model_id, "dimension": int(self.embedder.dimension)}
        collection = self.client.get_or_create_collection(
            self.location.collection,
            configuration={"hnsw": HNSW},
            metadata=meta | {"revision": "empty"},
            # We always pass vectors ourselves; None keeps Chroma from loading (downloading) its default model.
            embedding_function=None,
        )
        existing = collection.metadata or {}
        if existing.get("embedding_model") not in (None, self.embedder.model_id) or int(
            existing.get("dimension") or self.embedder.dimension
        ) != int(self.embedder.dimension):
            raise IndexConfigError(
                f"index {self.location.describe()} was built with embedding model "
                f"{existing.get('embedding_model')!r}, not {self.embedder.model_id!r}: use that model, "
                f"or rebuild with `shopassist reset` and ingest again"
            )
        return collection

    # --- revision bookkeeping -------------------------------------------------------------

    # A write moves the revision twice: to "writing-<id>" before its first change and to a new
    # id after its last. A reader that rebuilt BM25 mid-load therefore always sees the revision
    # move again when the load ends, and catches up (with one revision per write, it kept the
    # three records it saw for good). A load that was killed leaves "writing-..." behind: every
    # reader still rebuilds from what Chroma holds, and the next load completes it.

    def metadata(self) -> dict[str, Any]:
        fresh = self.client.get_collection(self.location.collection, embedding_function=None)
        return dict(fresh.metadata or {})

    def set_metadata(self, **changes: Any) -> None:
        """Change some metadata keys, keeping the others as they are now (not as they were
        when this process opened the collection: another process may have set them since)."""
        self.collection.modify(metadata=self.metadata() | changes)

    def revision(self) -> str:
        return str(self.metadata().get("revision", "empty"))

    def begin_write(self) -> str:
        """Mark the index as being written (readers' BM25 copies become stale). For an embedded
        index this also takes the folder exclusively, or raises IndexBusy before any change."""
        if self._write_revision is None:
            if self._lock is not None:
                self._lock.begin_write()
            self._write_revision = f"{WRITING}{uuid.uuid4().hex}"
            self.set_metadata(revision=self._write_revision)
        return self._write_revision

    def finish_write(self) -> str | None:
        """The write is complete: a new final revision, and the embedded folder shared again."""
        if self._write_revision is None:
            return None
        revision = uuid.uuid4().hex
        self.set_metadata(revision=revision)
        self._write_revision = None
        if self._lock is not None:
            self._lock.end_write()
        return revision

    def ensure_lexical(self) -> None:
        """Rebuild the BM25 sidecar if it does not match the collection's current revision."""
        revision = self.revision()
        if self.lexical.revision != revision:
            if not self.lexical.load() or self.lexical.revision != revision:
                self.rebuild_lexical(revision)

    def rebuild_lexical(self, revision: str | None = None) -> None:
        """Rebuild BM25 from Chroma. Called without a revision by the writer at the end of its
        load, it first finishes the write, so the sidecar carries the final revision."""
        if revision is None:
            self.finish_write()
        revision = revision or self.revision()
        ids, texts, metas = [], [], []
        for batch in self.iter_records(include=["documents", "metadatas"]):
            ids.extend(batch["ids"])
            texts.extend(batch["documents"])
            metas.extend(batch["metadatas"])
        # A copy built mid-load is only for this process; the one on disk is always complete.
        self.lexical.build(ids, texts, metas, revision, persist=not revision.startswith(WRITING))

    # --- reads ------------------------------------------------------------------------------

    def check_readable(self) -> None:
        """A real read through every path a chat turn uses (a one-result vector query and a
        fetch of what it found), raising `IndexUnavailable` with Chroma's message when any fails.
        A count alone succeeds on an index whose vector segment no longer matches its records."""
        try:
            if self.collection.count() == 0:
                return
            probe = np.zeros(int(self.embedder.dimension), dtype=np.float32)
            probe[0] = 1.0
            hits = self.dense_query(probe, 1, None, with_metadata=False)
            if hits:
                self.collection.get(ids=[hits[0][0]], include=["metadatas"])
        except Exception as exc:  # chromadb raises its own InternalError, ValueError, httpx errors...
            raise IndexUnavailable(f"index {self.location.describe()} cannot be read: {exc}") from exc

    def count(self, kind: str | None = None) -> int:
        if kind is None:
            return self.collection.count()
        return sum(len(b["ids"]) for b in self.iter_records(where={"kind": kind}, include=[]))

    def iter_records(self, where: dict | None = None, include: list[str] | None = None) -> Iterator[dict[str, Any]]:
        offset = 0
        while True:
            batch = self.collection.get(where=where, include=include or [], limit=_PAGE, offset=offset)
            if not batch["ids"]:
                return
            yield batch
            offset += len(batch["ids"])

    def stored_hashes(self, record_ids: list[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for start in range(0, len(record_ids), _PAGE):
            got = self.collection.get(ids=record_ids[start : start + _PAGE], include=["metadatas"])
            for rid, meta in zip(got["ids"], got["metadatas"]):
                out[rid] = str((meta or {}).get("content_hash", ""))
        return out

    def item_ids(self, kind: str) -> set[str]:
        ids: set[str] = set()
        for batch in self.iter_records(where={"kind": kind}, include=["metadatas"]):
            ids.update(m["item_id"] for m in batch["metadatas"])
        return ids

    @staticmethod
    def parse_record_id(record_id: str) -> tuple[str, str]:
        """(kind, item id) from a record id: `product:ID` or `faq:ID:N`."""
        kind, _, rest = record_id.partition(":")
        return kind, (rest.rsplit(":", 1)[0] if kind == "faq" else rest)

    def metadatas(self, record_ids: list[str]) -> dict[str, dict[str, Any]]:
        if not record_ids:
            return {}
        got = self.collection.get(ids=record_ids, include=["metadatas", "documents"])
        return {rid: meta | {"_document": doc} for rid, meta, doc in zip(got["ids"], got["metadatas"], got["documents"])}

    def vectors(self, record_ids: list[str]) -> dict[str, np.ndarray]:
        if not record_ids:
            return {}
        got = self.collection.get(ids=record_ids, include=["embeddings"])
        return {rid: np.asarray(v, dtype=np.float32) for rid, v in zip(got["ids"], got["embeddings"])}

    def dense_query(
        self, vector: np.ndarray, n: int, where: dict | None, *, with_metadata: bool = True
    ) -> list[tuple[str, float, dict[str, Any] | None]]:
        """Nearest records as (record id, cosine similarity, metadata or None), best first.
        Without metadata the query is much cheaper; callers fetch it for the few hits they show."""
        if n <= 0:
            return []
        include = ["distances", "metadatas", "documents"] if with_metadata else ["distances"]
        result = self.collection.query(
            query_embeddings=[np.asarray(vector, dtype=np.float32)], n_results=n, where=where, include=include
        )
        ids, distances = result["ids"][0], result["distances"][0]
        if not with_metadata:
            return [(rid, 1.0 - float(dist), None) for rid, dist in zip(ids, distances)]
        return [
            (rid, 1.0 - float(dist), meta | {"_document": doc})
            for rid, dist, meta, doc in zip(ids, distances, result["metadatas"][0], result["documents"][0])
        ]

    # --- writes -----------------------------------------------------------------------------

    def upsert(self, ids: list[str], texts: list[str], metadatas: list[dict[str, Any]], vectors: np.ndarray) -> None:
        self.begin_write()
        self.collection.upsert(ids=ids, documents=texts, metadatas=metadatas, embeddings=np.asarray(vectors, dtype=np.float32))

    def delete_items(self, kind: str, item_ids: Iterable[str]) -> None:
        item_ids = list(item_ids)
        if item_ids:
            self.begin_write()
        for start in range(0, len(item_ids), 500):
            chunk = item_ids[start : start + 500]
            self.collection.delete(where={"$and": [{"kind": kind}, {"item_id": {"$in": chunk}}]})

    def reset(self) -> None:
        if self._lock is not None:
            self._lock.begin_write()  # nobody else may have it open while it disappears
        try:
            self.client.delete_collection(self.location.collection)
            self.collection = self._open_collection()
            self._write_revision = None
            self.lexical.build([], [], [], self.revision())
        finally:
            if self._lock is not None:
                self._lock.end_write()
