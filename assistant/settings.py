"""All configuration in one object: environment variables with the SHOPASSIST_ prefix, then
command-line flags on top. Nothing else reads the environment for settings. The README's table
of settings is `settings_table()` (`python -m assistant.settings` prints it)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SHOPASSIST_", extra="ignore")

    home: Path = Field(default=Path(".shopassist"), description="Folder for the index, profiles and sessions.")
    collection: str = Field(default="shopassist", description="Chroma collection holding the shop's products and FAQ.")
    chroma_host: str | None = Field(default=None, description="Use a Chroma server at this host instead of the embedded store.")
    chroma_port: int = Field(default=8000, description="Port of the Chroma server (with `chroma_host`).")
    database_url: str | None = Field(
        default=None, repr=False,
        description="PostgreSQL (postgresql://user:password@host:5432/db) for sessions, tickets, site keys and rate limits "
                    "shared by several workers; default: SQLite files in the home folder.")
    recs_home: Path | None = Field(
        default=None,
        description="Folder of the trained recommenders, shared by several workers (`train recs` writes it, every worker "
                    "reads it, every forget cleans it); default: `recs` in the home folder.")

    embedding_model: str | None = Field(default=None, description="Local model directory; default: the shipped all-MiniLM-L6-v2.")
    embedding_batch_size: int = Field(default=32, ge=1, description="Texts per embedding batch (16-32 measured fastest on 2 cores).")
    embedding_runtime: Literal["torch", "onnx", "onnx-int8"] = Field(
        default="torch",
        description="torch: the model as shipped (full precision); onnx: the same model exported once to ONNX Runtime "
                    "(same vectors); onnx-int8: that export with int8 MatMul weights, quantized once (faster, vectors "
                    "at cosine ~0.99 to torch's; its own model id, `<model>+int8`, so an index built with it is rebuilt to "
                    "switch to or from it).")
    openai_embedding_model: str | None = Field(default=None, description="Use this model of an OpenAI-compatible endpoint for embeddings.")
    openai_base_url: str | None = Field(default=None, description="Base URL of the OpenAI-compatible embeddings endpoint.")
    openai_api_key: str | None = Field(default=None, repr=False, description="API key of the embeddings endpoint.")

    llm_backend: Literal["embedded", "openai", "none"] = Field(
        default="embedded", description="embedded: SmolLM2 in-process; openai: any OpenAI-compatible endpoint; none: no LLM stage."
    )
    llm_model: str | None = Field(default=None, description="Model name at the endpoint, or a local GGUF path for embedded.")
    llm_base_url: str | None = Field(default=None, description="e.g. http://127.0.0.1:8001/v1 (vLLM, Ollama, llama.cpp server).")
    llm_api_key: str | None = Field(default=None, repr=False, description="API key of the LLM endpoint.")
    llm_slots: int | None = Field(
        default=None, ge=1, le=256,
        description="Chat turns run at once (the LLM endpoint's parallel slots); default: the endpoint's total_slots "
                    "(llama.cpp server /props) when it says, else 4.")
    llm_timeout: float = Field(default=20.0, gt=0, description="Seconds any LLM call may take; a timeout never fails the turn.")
    llm_context_window: int = Field(default=2048, ge=512, description="The model's window in tokens (sizes the prompt budgets).")
    llm_json_mode: Literal["json_object", "json_schema"] = Field(
        default="json_object", description="json_schema: OpenAI's strict structured outputs; json_object: llama.cpp, vLLM, Ollama.")
    # 1 by default: llama.cpp threads spin-wait, and with two threads on two cores any other load
    # (the embedder, a test runner) stalls them; measured 72 tok/s with 1 thread vs 6 with 2 under load.
    llm_threads: int = Field(default=1, ge=1, description="llama.cpp generation threads (embedded backend).")
    # Prompt processing is batched work that does use both cores (86 -> 153 tokens/s measured).
    llm_batch_threads: int = Field(default=2, ge=1, description="llama.cpp prompt-processing threads (embedded backend).")
    # How much of the ranking the LLM gets. Default: sized to the backend (assistant.agent.config_for:
    # the embedded 135M model sees 4 cards and picks 3, an endpoint sees 8 and picks 5). A small model
    # behind an endpoint ranks worse with more cards (evals/results/llm-endpoint): measure, then set.
    llm_rank_cards: int | None = Field(default=None, ge=1, le=50, description="Candidate cards shown to the LLM for ranking.")
    llm_rank_picks: int | None = Field(default=None, ge=1, le=20, description="How many of them the LLM picks and orders.")

    search_candidates: int = Field(default=50, ge=1, le=1000, description="Candidates per signal before fusion.")
    search_fusion: Literal["convex", "rrf"] = Field(default="convex", description="How dense and BM25 scores are fused (retrieval/search.py).")
    search_dense_weight: float = Field(default=0.6, ge=0, le=1, description="Weight of the dense score in convex fusion; BM25 gets the rest.")
    search_spelling: bool = Field(default=False, description="Correct query words the catalog lacks to its nearest words (retrieval/spelling.py).")
    ranker: bool = Field(default=False, description="Reorder hybrid product results with the learned ranker (retrieval/ranker.py).")
    ranker_path: Path | None = Field(default=None, description="LightGBM ranker model file; default: the shipped retrieval/models/ranker.txt.")
    ranker_depth: int = Field(default=50, ge=1, le=500, description="Fused candidates the learned ranker reorders.")
    faq_threshold: float | None = Field(default=None, description="Override the calibrated FAQ confidence threshold.")
    admin_key: str | None = Field(default=None, repr=False,
                                  description="Unlocks the staff UI that `serve --ui` mounts at /ui (the HTTP Basic password).")
    shared_data: Path | None = Field(default=None, description="The shared real data sets for evals and tests (default: ../shared/data).")
    eval_cache: Path | None = Field(default=None, description="Where evals keep indexes between runs (default: ~/.cache/shopassist/eval-indexes).")

    def make_embedder(self):
        """The configured embedder: an OpenAI-compatible model when named, else a local model."""
        from retrieval.embeddings import make_embedder

        return make_embedder(self.embedding_model, openai_model=self.openai_embedding_model, base_url=self.openai_base_url,
                             api_key=self.openai_api_key, batch_size=self.embedding_batch_size, runtime=self.embedding_runtime)

    def database(self):
        """The shared PostgreSQL database when `database_url` is set (one pool per URL in a
        process), else None: every store keeps its SQLite file in the home folder."""
        if not self.database_url:
            return None
        from assistant.db import postgres_database

        return postgres_database(self.database_url)

    def make_ranker(self):
        """The learned ranker to hand to `HybridSearcher(ranker=...)`, or None: switched off, or
        its file missing or unreadable (then with a warning, and search keeps the hybrid order)."""
        from retrieval.ranker import load_ranker

        return load_ranker(self.ranker_path, enabled=self.ranker)

    def index_location(self):
        from retrieval.store import IndexLocation

        return IndexLocation(home=self.home, collection=self.collection, chroma_host=self.chroma_host, chroma_port=self.chroma_port)


def settings_table() -> str:
    """The README's configuration table, from the fields themselves (tests/fast checks they agree)."""
    rows = ["| variable | default | what |", "| --- | --- | --- |"]
    for name, info in Settings.model_fields.items():
        default = info.default
        shown = "" if default is None else f"`{default}`"
        rows.append(f"| `SHOPASSIST_{name.upper()}` | {shown} | {(info.description or '').replace('|', '/')} |")
    return "\n".join(rows)


def quiet_offline_environment() -> None:
    """Everything runs offline: make libraries fail fast instead of phoning home or printing noise."""
    for name, value in {
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "HF_HUB_DISABLE_TELEMETRY": "1",
        "ANONYMIZED_TELEMETRY": "False",
        "GRADIO_ANALYTICS_ENABLED": "False",
        "TOKENIZERS_PARALLELISM": "false",
        "TRANSFORMERS_VERBOSITY": "error",
        "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    }.items():
        os.environ.setdefault(name, value)


if __name__ == "__main__":
    print(settings_table())
