"""Shared fixtures: the real embedding model, a real Chroma server on 127.0.0.1, and indexes on
both backends. Nothing is mocked."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

import pytest

from assistant.settings import quiet_offline_environment
from evals.local_servers import background_server, free_port  # noqa: F401 (tests import them from here)
from evals.local_servers import chroma_server as chroma_server_at
from evals.paths import shared_data_dir

quiet_offline_environment()

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
MAPPINGS = REPO / "examples" / "mappings"
DEMO = REPO / "examples" / "demo"
SHARED_DATA = shared_data_dir()  # $SHOPASSIST_SHARED_DATA or ../shared/data, through Settings


@pytest.fixture(scope="session")
def embedder():
    from retrieval.embeddings import TransformersEmbedder

    return TransformersEmbedder()


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory):
    """A real `chroma run` server on loopback for the whole session."""
    with chroma_server_at(tmp_path_factory.mktemp("chroma-server")) as address:
        yield address


@pytest.fixture(params=["embedded", "server"])
def backend(request):
    return request.param


@pytest.fixture
def make_index(tmp_path, embedder, backend, request):
    """Factory for a fresh, empty ShopIndex on the test's backend."""
    from retrieval.store import IndexLocation, ShopIndex

    def _make(home: Path | None = None, collection: str | None = None) -> ShopIndex:
        home = home or tmp_path / "home"
        name = collection or f"t{uuid.uuid4().hex[:12]}"
        if backend == "server":
            host, port = request.getfixturevalue("chroma_server")
            location = IndexLocation(home=home, collection=name, chroma_host=host, chroma_port=port)
        else:
            location = IndexLocation(home=home, collection=name)
        return ShopIndex(location, embedder)

    return _make


@pytest.fixture(scope="session")
def demo_index(tmp_path_factory, embedder):
    """The demo catalog and FAQ loaded once into an embedded index (read-only tests share it)."""
    from retrieval.ingest import ingest_file
    from retrieval.store import IndexLocation, ShopIndex

    home = tmp_path_factory.mktemp("demo-home")
    index = ShopIndex(IndexLocation(home=home), embedder)
    ingest_file(index, DEMO / "products.jsonl", "product", progress=False)
    ingest_file(index, DEMO / "faq.md", "faq", progress=False)
    return index


def shared_file(folder: str, name_contains: str = "", suffixes: tuple[str, ...] = (".csv", ".json", ".jsonl")) -> Path:
    """A file of the shared real data (`folder` may be a file or a folder), or skip saying what is missing."""
    from evals.data_sets.common import find_data_file

    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared real data not found at {SHARED_DATA} (set SHOPASSIST_SHARED_DATA); skipping real-data test")
    found = find_data_file(SHARED_DATA, folder, name_contains, suffixes)
    if found is None:
        pytest.skip(f"no {'/'.join(suffixes)} file{' named *' + name_contains + '*' if name_contains else ''} under {SHARED_DATA / folder}")
    return found


@pytest.fixture(scope="session")
def embedded_llm():
    from assistant.llm import LlamaCppLLM

    return LlamaCppLLM(timeout=120)


@pytest.fixture(scope="session")
def llama_slots_server(tmp_path_factory):
    """llama.cpp's `llama-server -np 2` serving the shipped SmolLM2 GGUF on loopback: an
    OpenAI-compatible endpoint with two parallel slots (built by `make llama-server`)."""
    from assistant.llm import smollm2_path
    from evals.local_servers import ServerUnavailable, llama_server

    try:
        with llama_server(smollm2_path(), slots=2, folder=tmp_path_factory.mktemp("llama-slots"), threads=1) as url:
            yield url
    except ServerUnavailable as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory):
    """`python -m llama_cpp.server` serving the shipped SmolLM2 GGUF: a real OpenAI-compatible
    endpoint on loopback, for the `openai` code path."""
    from assistant.llm import smollm2_path
    from evals.local_servers import answers

    port = free_port()

    command = [sys.executable, "-m", "llama_cpp.server", "--model", smollm2_path(), "--host", "127.0.0.1",
               "--port", str(port), "--n_threads", "1", "--n_ctx", "2048", "--model_alias", "smollm2"]
    log_path = tmp_path_factory.mktemp("llama-server") / "server.log"
    with background_server(command, log_path, lambda: answers(f"http://127.0.0.1:{port}/v1/models"), "llama_cpp.server", 120):
        yield f"http://127.0.0.1:{port}/v1"
