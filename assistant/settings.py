"""All configuration in one object: environment variables with the SHOPASSIST_ prefix, then
command-line flags on top. Nothing else reads the environment for settings."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SHOPASSIST_", extra="ignore")

    home: Path = Field(default=Path(".shopassist"), description="Folder for the index, profiles and sessions.")
    collection: str = "shopassist"
    chroma_host: str | None = Field(default=None, description="Use a Chroma server at this host instead of the embedded store.")
    chroma_port: int = 8000

    embedding_model: str | None = Field(default=None, description="Local model directory; default: the shipped all-MiniLM-L6-v2.")
    embedding_batch_size: int = 64
    openai_embedding_model: str | None = Field(default=None, description="Use this model of an OpenAI-compatible endpoint for embeddings.")
    openai_base_url: str | None = None
    openai_api_key: str | None = None

    search_candidates: int = Field(default=50, ge=1, le=1000, description="Candidates per signal before fusion.")
    faq_threshold: float | None = Field(default=None, description="Override the calibrated FAQ confidence threshold.")

    def index_location(self):
        from retrieval.store import IndexLocation

        return IndexLocation(home=self.home, collection=self.collection, chroma_host=self.chroma_host, chroma_port=self.chroma_port)


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
