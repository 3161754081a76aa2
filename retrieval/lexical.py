"""BM25 over the same records as the Chroma collection, persisted beside it.

The sidecar remembers the collection revision it was built from; whenever the collection's
revision differs (a load was interrupted, another process wrote), it is rebuilt from Chroma,
which stays the single source of truth.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from .attributes import AUDIENCES
from .filters import MetadataTable

_TOKEN = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*")
_STOPWORDS = frozenset(
    "a an and are as at be by can do does for from have how i in is it me my of on or our so that the this to was "
    "we what when where which who will with you your".split()
)
# Keep only what the lexical side needs; the payload is fetched from Chroma for the few hits shown.
_TABLE_KEYS = ("kind", "item_id", "price", "rating", "in_stock", "brand", "color", "sizes", "cat0", "cat1", "cat2", "cat3",
               "type", "aud_known", "materials") + tuple(f"aud_{a}" for a in AUDIENCES)


def tokenize(text: str) -> list[str]:
    tokens = []
    for token in _TOKEN.findall(text.lower()):
        if token in _STOPWORDS:
            continue
        # Light plural folding: "shoes"/"shoe", "jackets"/"jacket" should meet; "dress" must stay.
        if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
            token = token[:-1]
        tokens.append(token)
    return tokens


class LexicalIndex:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.revision: str | None = None
        self.record_ids: list[str] = []
        self.table = MetadataTable([])
        self._bm25 = None
        self._positions: dict[str, int] | None = None

    @property
    def size(self) -> int:
        return len(self.record_ids)

    def positions(self) -> dict[str, int]:
        """Record id -> row of the score array (built once per build or load)."""
        positions = self._positions
        if positions is None or len(positions) != len(self.record_ids):
            positions = self._positions = {rid: i for i, rid in enumerate(self.record_ids)}
        return positions

    def build(self, record_ids: list[str], texts: list[str], metadatas: list[dict[str, Any]], revision: str,
              persist: bool = True) -> None:
        import bm25s

        self.record_ids = list(record_ids)
        slim = [{k: m[k] for k in _TABLE_KEYS if k in m} for m in metadatas]
        self.table = MetadataTable(slim)
        self.revision = revision
        self._bm25 = None
        self._positions = None
        if record_ids:
            bm25 = bm25s.BM25()
            bm25.index([tokenize(t) or ["_empty_"] for t in texts], show_progress=False)
            self._bm25 = bm25
        if persist:
            self._save(slim)

    def _save(self, slim: list[dict[str, Any]]) -> None:
        # Write into a temp dir and swap, so a crash never leaves a half-written index behind.
        self.directory.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".lexical-", dir=self.directory.parent))
        if self._bm25 is not None:
            self._bm25.save(str(tmp / "bm25"), show_progress=False)
        (tmp / "records.json").write_text(
            json.dumps({"revision": self.revision, "record_ids": self.record_ids, "metadata": slim}), "utf-8"
        )
        old = self.directory.with_name(self.directory.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if self.directory.exists():
            os.replace(self.directory, old)
        os.replace(tmp, self.directory)
        shutil.rmtree(old, ignore_errors=True)

    def load(self) -> bool:
        """Load from disk; False when there is nothing usable there."""
        import bm25s

        path = self.directory / "records.json"
        if not path.exists():
            return False
        try:
            data = json.loads(path.read_text("utf-8"))
            self.record_ids = data["record_ids"]
            self._positions = None
            self.table = MetadataTable(data["metadata"])
            self.revision = data["revision"]
            self._bm25 = bm25s.BM25.load(str(self.directory / "bm25"), show_progress=False) if self.record_ids else None
            # Parts written by different builds (a crash between files, a hand edit) must not be
            # mixed: the record list, its metadata and BM25's documents have to agree.
            documents = int(getattr(self._bm25, "scores", {}).get("num_docs", len(self.record_ids))) if self._bm25 else 0
            if len(data["metadata"]) != len(self.record_ids) or documents != len(self.record_ids):
                raise ValueError(f"{len(self.record_ids)} records, {len(data['metadata'])} metadata rows, {documents} BM25 documents")
        except (OSError, ValueError, KeyError, TypeError) as exc:
            logging.getLogger(__name__).warning("lexical index unreadable (%s); it will be rebuilt", exc)
            self.revision = None
            self.record_ids, self._positions, self._bm25 = [], None, None
            self.table = MetadataTable([])
            return False
        return True

    def document_frequencies(self) -> dict[str, int]:
        """Each indexed token's number of records (for idf and spelling). bm25s keeps one column
        of precomputed scores per token, whose length is that count."""
        if self._bm25 is None:
            return {}
        counts = np.diff(np.asarray(self._bm25.scores["indptr"]))
        return {token: int(counts[i]) for token, i in self._bm25.vocab_dict.items() if token and 0 <= i < len(counts)}

    @property
    def documents(self) -> int:
        """How many records the BM25 index counted (at least 1, for idf)."""
        counted = self._bm25.scores.get("num_docs", self.size) if self._bm25 is not None else self.size
        return max(1, int(counted))

    def scores(self, query: str) -> np.ndarray:
        tokens = tokenize(query)
        if self._bm25 is None or not tokens:
            return np.zeros(self.size, dtype=np.float32)
        return self._bm25.get_scores(tokens)

    def top(self, query: str, n: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Positions and scores of the n best records with a positive score inside the mask."""
        scores = self.scores(query)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        positive = np.flatnonzero(scores > 0)
        if positive.size == 0:
            return []
        if positive.size > n:
            positive = positive[np.argpartition(-scores[positive], n - 1)[:n]]
        ordered = positive[np.argsort(-scores[positive], kind="stable")]
        return [(int(i), float(scores[i])) for i in ordered]
