"""The Gradio chat UI, served for real on 127.0.0.1 over the real agent (no LLM, for speed) on
the demo index, and driven through its own HTTP API with gradio_client. Nothing is mocked."""

from __future__ import annotations

import re
import urllib.request

import pytest

from tests.conftest import free_port

PRICE = re.compile(r"^\*\*\d+\. .+\*\* — ([\d,]+\.\d\d) USD", re.M)


def _text(message: dict) -> str:
    """A chat message's text: gradio 6 sends content as a list of {"type": "text", "text"} parts."""
    content = message["content"]
    if isinstance(content, str):
        return content
    return "".join(part.get("text", "") for part in content if isinstance(part, dict))


@pytest.fixture(scope="module")
def served_ui(demo_index, tmp_path_factory):
    from assistant.agent import ShoppingAssistant
    from assistant.profile import ProfileStore
    from assistant.sessions import SessionStore
    from assistant.ui import build_ui
    from retrieval.faq import FaqLookupService
    from retrieval.search import HybridSearcher

    home = tmp_path_factory.mktemp("ui-home")
    assistant = ShoppingAssistant(
        index=demo_index, searcher=HybridSearcher(demo_index), faq=FaqLookupService(demo_index),
        sessions=SessionStore(home), profiles=ProfileStore(home), llm=None,
    )
    demo = build_ui(assistant)
    port = free_port()
    _, url, _ = demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True, ssr_mode=False)
    try:
        yield url
    finally:
        demo.close()


@pytest.fixture(scope="module")
def client(served_ui):
    from gradio_client import Client

    return Client(served_ui, verbose=False)


def _chat(client, message: str, history=None, user_id: str = "") -> list[list[dict]]:
    """Every streamed chat-history update of one turn, in order."""
    job = client.submit(message, history or [], user_id, api_name="/chat")
    job.result(timeout=180)
    return [out[0] for out in job.outputs()]


def test_page_is_served_from_this_machine(served_ui):
    with urllib.request.urlopen(served_ui, timeout=30) as response:
        assert response.status == 200
        html = response.read().decode()
    assert "window.gradio_config" in html and "Shop assistant" in html  # the title is set by the frontend
    # Scripts and stylesheets the browser loads come from the app itself, not a CDN.
    assets = re.findall(r"<(?:script|link)\b[^>]*\b(?:src|href)=\"([^\"]+)\"", html)
    assert assets, "no assets found in the page"
    assert not [a for a in assets if re.match(r"(https?:)?//", a)], assets


def test_streamed_turn_ends_with_products_within_budget(client):
    updates = _chat(client, "running shoes under 100")
    final = updates[-1]
    assert _text(final[0]) == "running shoes under 100" and final[0]["role"] == "user"
    assert all(m["role"] == "assistant" for m in final[1:])

    # The reply grew over several updates, each a prefix of the final reply.
    reply = _text(final[1])
    partials = [_text(u[1]) for u in updates if len(u) > 1]
    assert len(set(partials)) >= 3, partials
    assert all(reply.startswith(p.strip()) for p in partials if p.strip())

    # The turn ends with product cards whose catalog prices respect the budget.
    cards = _text(final[-1])
    prices = [float(p.replace(",", "")) for p in PRICE.findall(cards)]
    assert prices and all(p <= 100 for p in prices), cards
    assert "[View product](https://" in cards

    # The same browser session continues the conversation: "cheaper" refines the last request.
    follow = _chat(client, "something cheaper", history=final)[-1]
    assert len(follow) > len(final)
    assert _text(follow[len(final)]) == "something cheaper"


def test_bad_input_is_shown_in_the_chat(client):
    empty = _chat(client, "   ")[-1]
    assert _text(empty[-1]).startswith("⚠️") and "empty" in _text(empty[-1])

    too_long = _chat(client, "x" * 5000)[-1]
    assert "limit" in _text(too_long[-1])

    bad_user = _chat(client, "running shoes", user_id="a\x00b")[-1]
    assert "user id" in _text(bad_user[-1])


def test_product_cards_show_catalog_text_literally():
    from assistant.agent import ProductOut
    from assistant.ui import product_card

    card = product_card(1, ProductOut(id="X1", title="Shoe [2-pack] *sale*", price=1234.5, currency="EUR",
                                      reason="fits", url="https://shop.example/p/X1"))
    assert card.startswith(r"**1. Shoe \[2-pack\] \*sale\*** — 1,234.50 EUR")
    assert "[View product](https://shop.example/p/X1)" in card
    assert "price n/a" in product_card(2, ProductOut(id="X2", title="T", price=None, currency="USD", reason=""))
