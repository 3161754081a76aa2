"""Both LLM backends for real: SmolLM2 in-process (llama.cpp) and the same model behind
`python -m llama_cpp.server` through the `openai` client. A 135M model is weak, so these tests
check the contract (streams, schema-valid output, grounded agent replies), not its taste."""

import dataclasses

import pytest

from assistant.agent import ShoppingAssistant, config_for
from assistant.budget import fit_cards, fit_history, tiktoken_counter, truncate_to_tokens
from assistant.llm import LLMError, OpenAICompatibleLLM
from assistant.ranking import RankAnswer, card, rank_schema
from tests.test_agent import assert_grounded, catalog

MESSAGES = [{"role": "user", "content": "Say hello to a shopper in one short sentence."}]


def _rank_call(llm, demo_index):
    products = [p for p in catalog(demo_index).values() if p.category[-1] == "Headphones"][:5]
    messages = [{"role": "system", "content": "Pick products. Answer with JSON only."},
                {"role": "user", "content": "Shopper wants headphones.\n" + "\n".join(card(p) for p in products) + "\nChoose up to 2."}]
    answer = llm.structured(messages, RankAnswer, max_tokens=200, schema=rank_schema([p.id for p in products], 2))
    assert 1 <= len(answer.picks) <= 2 and all(p.id in {x.id for x in products} for p in answer.picks)


def test_embedded_chat_stream_and_structured(embedded_llm, demo_index):
    chunks = list(embedded_llm.stream(MESSAGES, max_tokens=20))
    assert len(chunks) > 1 and "".join(chunks).strip()
    assert embedded_llm.chat(MESSAGES, max_tokens=10).strip()
    _rank_call(embedded_llm, demo_index)
    assert embedded_llm.count_tokens("hello world") >= 2


def test_openai_path_against_llama_cpp_server(llama_server, demo_index):
    llm = OpenAICompatibleLLM(model="smollm2", base_url=llama_server, timeout=120)
    chunks = list(llm.stream(MESSAGES, max_tokens=20))
    assert len(chunks) > 1 and "".join(chunks).strip()
    _rank_call(llm, demo_index)


def test_unreachable_endpoint_is_an_llm_error():
    from tests.conftest import free_port

    llm = OpenAICompatibleLLM(model="x", base_url=f"http://127.0.0.1:{free_port()}/v1", timeout=2)
    with pytest.raises(LLMError):
        llm.chat(MESSAGES)


@pytest.mark.parametrize("backend", ["embedded", "server"])
def test_agent_turn_with_a_real_llm_is_grounded(backend, demo_index, tmp_path, request):
    if backend == "embedded":
        llm = request.getfixturevalue("embedded_llm")
    else:
        llm = OpenAICompatibleLLM(model="smollm2", base_url=request.getfixturevalue("llama_server"), timeout=120)
    agent = ShoppingAssistant.over_index(demo_index, tmp_path, llm=llm,
                                         config=dataclasses.replace(config_for(llm), llm_understanding="always"))
    first = agent.turn("I need a gift for someone who loves coffee, under 60 dollars", "llm-1")
    assert first.llm_used.get("rank") and first.products
    assert all(p.price <= 60 for p in first.products)
    assert_grounded(first, demo_index)
    second = agent.turn("cheaper ones", "llm-1")
    assert_grounded(second, demo_index)


def test_budget_helpers():
    assert tiktoken_counter("hello world") == 2
    cards = ["card one " * 10, "card two " * 10, "card three " * 10]
    fitted = fit_cards(cards, 45)
    assert fitted == cards[:2]  # whole cards only, in order
    history = [{"role": "user", "content": "word " * 50}, {"role": "assistant", "content": "ok"}, {"role": "user", "content": "hi"}]
    kept, dropped = fit_history(history, 20)
    assert dropped == 1 and kept == history[1:]
    short = truncate_to_tokens("one two three four five six seven", 3)
    assert short.endswith("…") and tiktoken_counter(short) <= 5
