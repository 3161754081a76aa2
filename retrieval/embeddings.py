"""Text embeddings: the local all-MiniLM-L6-v2 by default, any local model directory, or an
OpenAI-compatible embeddings endpoint; plus adapters for Chroma and LangChain.

Vectors are L2-normalised float32 so that a dot product is the cosine similarity everywhere
(Chroma's cosine space, exact numpy search, profile blending).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from typing import ClassVar, Literal, Protocol, Sequence

import numpy as np

from .local_model import DEFAULT_MODEL, MeanPooledEmbedder, default_model_path  # noqa: F401 (callers import them from here)


class Embedder(Protocol):
    """Anything that turns texts into normalised vectors."""

    model_id: str
    dimension: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


def normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


@dataclass
class TransformersEmbedder(MeanPooledEmbedder):
    """A sentence-embedding model run locally with `transformers`: mean pooling over tokens,
    then L2 normalisation (how all-MiniLM-L6-v2 was trained to be used)."""

    runtime: ClassVar[str] = "torch"
    tensors: ClassVar[str] = "pt"
    model_path: str = field(default_factory=default_model_path)
    batch_size: int = 32
    max_length: int = 256
    threads: int | None = None
    model_id: str = ""
    dimension: int = 0

    def __post_init__(self) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import torch
        from transformers import AutoModel, AutoTokenizer

        if not os.path.isdir(self.model_path):
            raise ValueError(f"embedding model directory not found: {self.model_path}")
        if self.threads:
            torch.set_num_threads(self.threads)
        self._torch = torch
        self._tokenizer = AutoTokenizer.from_pretrained(self.model_path, local_files_only=True)
        self._model = AutoModel.from_pretrained(self.model_path, local_files_only=True).eval()
        self.dimension = int(self._model.config.hidden_size)
        self._name_model()
        self._lock = threading.Lock()

    def _hidden(self, batch) -> np.ndarray:
        with self._torch.inference_mode():
            return self._model(**batch).last_hidden_state.numpy()


@dataclass
class OpenAIEmbedder:
    """Embeddings from any OpenAI-compatible `/embeddings` endpoint."""

    model: str
    base_url: str | None = None
    api_key: str | None = None
    batch_size: int = 128
    timeout: float = 60.0
    model_id: str = ""
    dimension: int = 0

    def __post_init__(self) -> None:
        from openai import OpenAI

        self._client = OpenAI(base_url=self.base_url, api_key=self.api_key or "not-needed", timeout=self.timeout)
        self.model_id = self.model_id or f"openai:{self.model}"
        if not self.dimension:
            self.dimension = int(self.embed(["dimension probe"]).shape[1])

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        vectors: list[list[float]] = []
        for start in range(0, len(texts), self.batch_size):
            batch = [t or " " for t in texts[start : start + self.batch_size]]
            response = self._client.embeddings.create(model=self.model, input=batch)
            vectors.extend(item.embedding for item in sorted(response.data, key=lambda d: d.index))
        if not vectors:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return normalise(np.asarray(vectors, dtype=np.float32))


class ChromaEmbeddingFunction:
    """Lets Chroma call our embedder, so Chroma never falls back to its downloading default."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def __call__(self, input: Sequence[str]) -> list[np.ndarray]:  # noqa: A002 - Chroma's name
        return list(self.embedder.embed(list(input)))

    def embed_query(self, input: Sequence[str]) -> list[np.ndarray]:  # noqa: A002
        return self(input)

    @staticmethod
    def name() -> str:
        return "shopassist"

    def is_legacy(self) -> bool:
        return False

    def get_config(self) -> dict:
        return {"model_id": self.embedder.model_id}

    def default_space(self) -> str:
        return "cosine"

    def supported_spaces(self) -> list[str]:
        return ["cosine"]


def langchain_embeddings(embedder: Embedder):
    """A LangChain `Embeddings` over the same embedder (for LangChain vector stores and chains)."""
    from langchain_core.embeddings import Embeddings

    class _ShopassistEmbeddings(Embeddings):
        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            return embedder.embed(texts).tolist()

        def embed_query(self, text: str) -> list[float]:
            return embedder.embed([text])[0].tolist()

    return _ShopassistEmbeddings()


Runtime = Literal["torch", "onnx", "onnx-int8"]
RUNTIMES: tuple[Runtime, ...] = ("torch", "onnx", "onnx-int8")


def make_embedder(model: str | None = None, *, openai_model: str | None = None, base_url: str | None = None,
                  api_key: str | None = None, batch_size: int = 32, runtime: Runtime = "torch") -> Embedder:
    """Pick the embedder from configuration: an OpenAI-compatible model when named, else a local
    model directory (default: the shipped all-MiniLM-L6-v2) run by torch, by ONNX Runtime with
    runtime="onnx" (retrieval/onnx_embeddings.py: the same vectors), or by ONNX Runtime over an
    int8-quantized copy with runtime="onnx-int8" (faster, vectors at cosine ~0.99 to torch's,
    its own model id "<model>+int8" so its indexes are never mixed with full-precision ones)."""
    if openai_model:
        return OpenAIEmbedder(model=openai_model, base_url=base_url, api_key=api_key)
    if runtime == "onnx":
        from .onnx_embeddings import OnnxEmbedder

        return OnnxEmbedder(model_path=model or default_model_path(), batch_size=batch_size)
    if runtime == "onnx-int8":
        from .onnx_embeddings import OnnxInt8Embedder

        return OnnxInt8Embedder(model_path=model or default_model_path(), batch_size=batch_size)
    if runtime != "torch":
        raise ValueError(f"embedding runtime must be one of {', '.join(RUNTIMES)}, not {runtime!r}")
    return TransformersEmbedder(model_path=model or default_model_path(), batch_size=batch_size)
