"""How many turns a worker runs at once follows the LLM endpoint's capacity: SHOPASSIST_LLM_SLOTS
when set, else the parallel slots a llama.cpp server reports (GET /props total_slots, GET
/slots), else 4. `python -m llama_cpp.server` (llama-cpp-python) runs one request at a time and
reports no slots: against it the worker keeps the default. llama.cpp's own `llama-server -np 2`
(built by `make llama-server`) reports two."""

from __future__ import annotations

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


def test_total_slots_of_a_real_llama_server_size_the_worker(llama_slots_server, tmp_path):
    """llama.cpp's `llama-server -np 2` reports total_slots 2 at GET /props."""
    assert endpoint_slots(llama_slots_server) == 2
    settings = Settings(home=tmp_path, llm_backend="openai", llm_base_url=llama_slots_server, llm_model="smollm2")
    slots, source = turn_capacity(settings)
    assert slots == 2 and "total_slots" in source
    assert turn_capacity(settings, no_llm=True)[0] == DEFAULT_MAX_TURNS  # the LLM off: its slots do not matter


def test_two_slots_answer_two_requests_at_once(llama_slots_server):
    from concurrent.futures import ThreadPoolExecutor

    from assistant.llm import OpenAICompatibleLLM

    llm = OpenAICompatibleLLM(model="smollm2", base_url=llama_slots_server, timeout=120)
    messages = [[{"role": "user", "content": f"Name one {thing}."}] for thing in ("colour", "fruit")]
    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(lambda m: "".join(llm.stream(m, max_tokens=16)), messages))
    assert all(a.strip() for a in answers), answers


def test_an_unreachable_endpoint_keeps_the_default(tmp_path):
    assert endpoint_slots("http://127.0.0.1:1/v1", timeout=0.5) is None
