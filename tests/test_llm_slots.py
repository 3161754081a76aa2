"""How many turns a worker runs at once follows the LLM endpoint's capacity: SHOPASSIST_LLM_SLOTS
when set, else the parallel slots a llama.cpp server reports (GET /props total_slots, GET
/slots), else 4. `python -m llama_cpp.server` (llama-cpp-python) runs one request at a time and
reports no slots: against it the worker keeps the default."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant.cli.server import DEFAULT_MAX_TURNS, turn_capacity
from assistant.llm import endpoint_slots
from assistant.settings import Settings


def test_the_setting_wins(tmp_path):
    assert turn_capacity(Settings(home=tmp_path, llm_slots=6))[0] == 6
    assert turn_capacity(Settings(home=tmp_path, llm_backend="none")) == (DEFAULT_MAX_TURNS, "default")


def test_llama_cpp_python_server_reports_no_slots(llama_server, tmp_path):
    assert endpoint_slots(llama_server) is None
    settings = Settings(home=tmp_path, llm_backend="openai", llm_base_url=llama_server, llm_model="smollm2")
    assert turn_capacity(settings) == (DEFAULT_MAX_TURNS, "default")


@pytest.fixture
def props_server():
    """A loopback HTTP server answering GET /props as llama.cpp's llama-server does (its
    `total_slots` field is what `-np N` sets); the llama-server binary is not installed here."""
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            if self.path == "/props":
                body = json.dumps({"total_slots": 3, "default_generation_settings": {"n_ctx": 2048}}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            else:
                self.send_response(404)
                self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


def test_total_slots_at_props_sizes_the_worker(props_server, tmp_path):
    assert endpoint_slots(props_server) == 3
    settings = Settings(home=tmp_path, llm_backend="openai", llm_base_url=props_server, llm_model="m")
    slots, source = turn_capacity(settings)
    assert slots == 3 and "total_slots" in source


def test_an_unreachable_endpoint_keeps_the_default(tmp_path):
    assert endpoint_slots("http://127.0.0.1:1/v1", timeout=0.5) is None
