"""Catalog and FAQ text in the Gradio page is inert text: a title or answer written as Markdown
or HTML (a phishing link, an image that would be a tracking pixel) shows literally in the chat,
the cards, the feedback notices and the Support lookup tab, and the browser fetches nothing it
names. Real pieces only: an index over a hostile catalog and FAQ, the agent, the Gradio UI served
on loopback, Debian's chromium through Playwright, and a tracking-pixel server on loopback that
counts every request it gets.

Needs `pip install playwright` and /usr/bin/chromium; never `playwright install`.
"""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.browser_helpers import (
    CHROMIUM_ARGS,
    TURN_TIMEOUT_MS,
    chromium_path,
    screenshot,
    send_gradio_message,
    wait_for_bot_messages,
)
from tests.conftest import free_port

playwright_sync = pytest.importorskip("playwright.sync_api", reason="pip install playwright (browser tests)")
if chromium_path() is None:
    pytest.skip("chromium not found: apt-get install -y chromium (browser tests)", allow_module_level=True)

pytestmark = pytest.mark.slow

GIF = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")


class PixelServer:
    """A tracking-pixel endpoint on 127.0.0.1: answers every GET with a 1x1 GIF and records it."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                server.requests.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/gif")
                self.send_header("Content-Length", str(len(GIF)))
                self.end_headers()
                self.wfile.write(GIF)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def hostile_catalog(pixel: str) -> tuple[list[dict], list[dict]]:
    """Products and FAQ entries whose text is Markdown / HTML pointing at evil.example and at
    the pixel server. No image_url: a product's own picture is meant to be fetched; these
    tests are about text."""
    base = {"category": ["Audio", "Headphones"], "currency": "USD", "color": "Black", "in_stock": True}
    products = [
        {"id": "H-1", "title": "[Click for a refund](https://evil.example/phish) Wireless Headphones",
         "description": "Over-ear wireless headphones. [Claim your prize](https://evil.example/prize)",
         "brand": "Plainsound", "price": 149.0, **base},
        {"id": "H-2", "title": f"![x]({pixel}/md-title.gif) Studio Headphones",
         "description": f"Closed-back studio headphones. ![p]({pixel}/md-desc.gif)", "brand": "Plainsound",
         "price": 79.0, **base},
        {"id": "H-3", "title": f"<img src={pixel}/html-title.gif> Travel Headphones",
         "description": "Foldable travel headphones.", "brand": f"Pix<img src={pixel}/brand.gif>el", "price": 59.0, **base},
        {"id": "H-4", "title": '<a href="https://evil.example/a">Refund desk</a> Bass Headphones',
         "description": "Bass-heavy headphones.", "brand": "Plainsound", "price": 99.0, **base},
        {"id": "H-5", "title": f"Budget Headphones, see {pixel}/autolink.gif or www.evil.example",
         "description": "Light on-ear headphones.", "brand": "Plainsound", "price": 29.0, **base},
    ]
    faq = [
        {"id": "refund-time", "question": "How long do refunds take? [Refund form](https://evil.example/faq-q)",
         "answer": (f"Refunds reach your card within 5 business days. <img src={pixel}/faq-html.gif> "
                    f"![p]({pixel}/faq-md.gif) [Claim here](https://evil.example/claim) www.evil.example/faq"),
         "alternatives": ["When will I get my refund?", "How many days until my refund arrives?"],
         "source": f"https://evil.example/policy <img src={pixel}/faq-source.gif>"},
        {"id": "shipping-time", "question": "How long does shipping take?",
         "answer": "Standard shipping takes 3 to 5 business days.",
         "alternatives": ["When will my order arrive?"], "source": "policies/shipping.md"},
    ]
    return products, faq


@pytest.fixture(scope="module")
def pixel():
    server = PixelServer()
    yield server
    server.close()


@pytest.fixture(scope="module")
def hostile_ui(pixel, embedder, tmp_path_factory):
    from assistant.agent import ShoppingAssistant
    from assistant.ui import build_ui
    from retrieval.ingest import ingest_file
    from retrieval.store import IndexLocation, ShopIndex

    root = tmp_path_factory.mktemp("markup")
    index = ShopIndex(IndexLocation(home=root / "index"), embedder)
    products, faq = hostile_catalog(pixel.url)
    (root / "products.jsonl").write_text("".join(json.dumps(p) + "\n" for p in products), encoding="utf-8")
    (root / "faq.jsonl").write_text("".join(json.dumps(f) + "\n" for f in faq), encoding="utf-8")
    assert ingest_file(index, root / "products.jsonl", "product", progress=False).rejected == 0
    assert ingest_file(index, root / "faq.jsonl", "faq", progress=False).rejected == 0
    assistant = ShoppingAssistant.over_index(index, root / "home")
    demo = build_ui(assistant)
    port = free_port()
    _, url, _ = demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True, ssr_mode=False)
    try:
        yield {"url": url, "products": products, "faq": faq, "assistant": assistant}
    finally:
        demo.close()


@pytest.fixture
def page(request):
    with playwright_sync.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 1400})
        pg = context.new_page()
        pg.seen = []  # every URL the page asked for
        pg.dialogs = []
        pg.on("request", lambda r: pg.seen.append(r.url))
        pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
        try:
            yield pg
        finally:
            try:
                screenshot(pg, request.node.name)
            finally:
                browser.close()


def _chat_text(page) -> str:
    return "\n".join(m.inner_text() for m in page.locator('[data-testid="bot"], [data-testid="user"]').all())


def _assert_inert(page, pixel: PixelServer) -> None:
    """Nothing from catalog or FAQ text became a link or an image, and nothing was fetched."""
    page.wait_for_timeout(1500)  # give any image the page would load the time to be requested
    in_chat = page.locator('[data-testid="bot"] a, [data-testid="bot"] img, [data-testid="user"] a, [data-testid="user"] img')
    assert in_chat.count() == 0, [e.evaluate("e => e.outerHTML") for e in in_chat.all()]
    links = page.locator('a[href*="evil.example"]')
    assert links.count() == 0, [e.evaluate("e => e.outerHTML") for e in links.all()]
    images = page.locator(f'img[src*="{pixel.port}"], img[src*="evil.example"]')
    assert images.count() == 0, [e.evaluate("e => e.outerHTML") for e in images.all()]
    asked = [u for u in page.seen if f":{pixel.port}" in u or "evil.example" in u]
    assert not asked and not pixel.requests, (asked, pixel.requests)
    assert not page.dialogs


def test_catalog_and_faq_text_in_the_chat_is_inert(hostile_ui, pixel, page):
    pixel.requests.clear()
    page.goto(hostile_ui["url"], wait_until="domcontentloaded")
    page.locator("#sa-message textarea").first.wait_for(state="visible", timeout=120_000)

    send_gradio_message(page, "headphones")
    page.locator(".sa-card").nth(4).wait_for(timeout=TURN_TIMEOUT_MS)
    wait_for_bot_messages(page, 1)
    _assert_inert(page, pixel)
    # The reply summarises (titles it names are there, character for character); the cards
    # show every title literally, in text and in their buttons' labels.
    reply = _chat_text(page)
    named = [p["title"] for p in hostile_ui["products"] if p["title"] in reply]
    assert named, reply
    titles = [t.text_content() for t in page.locator(".sa-card .sa-title-text").all()]
    assert sorted(titles) == sorted(p["title"] for p in hostile_ui["products"])
    labels = [b.get_attribute("aria-label") for b in page.locator(".sa-card .sa-fb-like").all()]
    assert sorted(labels) == sorted(f"Like {p['title']}" for p in hostile_ui["products"])
    _assert_inert(page, pixel)

    # An FAQ answer in the chat, with its question as the source line (and never the entry's id).
    send_gradio_message(page, "When will I get my refund?")
    wait_for_bot_messages(page, 2)
    page.get_by_text("From our FAQ").first.wait_for(timeout=TURN_TIMEOUT_MS)
    chat = _chat_text(page)
    refund = hostile_ui["faq"][0]
    assert refund["answer"] in chat and refund["question"] in chat, chat
    assert "[refund-time]" not in chat
    assert page.locator(".sa-card").count() == 5  # the cards stay across the FAQ turn
    screenshot(page, "test_browser_markup-chat")
    _assert_inert(page, pixel)


def test_feedback_notices_and_more_like_this_are_inert(hostile_ui, pixel, page):
    pixel.requests.clear()
    page.goto(hostile_ui["url"], wait_until="domcontentloaded")
    page.locator("#sa-message textarea").first.wait_for(state="visible", timeout=120_000)
    send_gradio_message(page, "headphones")
    page.locator(".sa-card").nth(4).wait_for(timeout=TURN_TIMEOUT_MS)
    titles = [page.locator(f".sa-card[data-slot='{i}'] .sa-title-text").text_content() for i in range(5)]

    # Like on every card: the status line and the toast carry each title as text.
    for i in range(5):
        page.locator(f".sa-card[data-slot='{i}'] .sa-fb-like").click()
        page.locator("#sa-feedback-status").get_by_text(titles[i], exact=False).wait_for(timeout=30_000)
        status = page.locator("#sa-feedback-status").inner_text()
        assert "Noted" in status and titles[i] in status, (titles[i], status)
    toasts = page.locator('[data-testid="toast-body"]')
    toasts.first.wait_for(timeout=30_000)
    toast_text = " ".join(t.inner_text() for t in toasts.all())
    assert any(t in toast_text for t in titles), toast_text
    assert page.locator('[data-testid="toast-body"] img, [data-testid="toast-body"] a').count() == 0
    _assert_inert(page, pixel)

    # "More like this" sends the title as the shopper's next message: shown literally too.
    page.locator(".sa-card[data-slot='0'] .sa-fb-more_like_this").click()
    page.wait_for_function("() => document.querySelectorAll('[data-testid=\"user\"]').length >= 2", timeout=TURN_TIMEOUT_MS)
    page.wait_for_function("() => document.querySelectorAll('[data-testid=\"bot\"]').length >= 2", timeout=TURN_TIMEOUT_MS)
    users = [m.inner_text() for m in page.locator('[data-testid="user"]').all()]
    assert f"Show me more like {titles[0]}" in users[-1], users
    _assert_inert(page, pixel)


def test_support_lookup_shows_faq_text_inert(hostile_ui, pixel, page):
    pixel.requests.clear()
    page.goto(hostile_ui["url"], wait_until="domcontentloaded")
    page.get_by_role("tab", name="Support").click()
    question = page.locator("#sa-support-question textarea").first
    question.wait_for(state="visible", timeout=120_000)
    question.fill("When will I get my refund?")
    page.locator("#sa-support-lookup").click()
    page.locator("#sa-support-banner").get_by_text("Confident match").wait_for(timeout=60_000)
    refund = hostile_ui["faq"][0]
    first = page.locator(".sa-faq-result").first
    header = first.inner_text()
    assert refund["question"] in header and refund["source"] in header, header
    assert re.search(r"score \d\.\d{3}", header)
    assert page.locator(".sa-faq-answer textarea").first.input_value() == refund["answer"]
    assert page.locator(".sa-faq-result a, .sa-faq-result img").count() == 0
    screenshot(page, "test_browser_markup-support")
    _assert_inert(page, pixel)


def test_hand_off_tickets_show_shopper_text_inert(hostile_ui, pixel, page):
    """What a shopper typed (and the agent said about hostile products) before asking for a
    person is shown to staff as text: in the ticket list and the conversation."""
    pixel.requests.clear()
    page.goto(hostile_ui["url"], wait_until="domcontentloaded")
    page.locator("#sa-message textarea").first.wait_for(state="visible", timeout=120_000)
    hostile = f"is <img src={pixel.url}/ticket.gif> [this](https://evil.example/t) one waterproof?"
    send_gradio_message(page, hostile)
    wait_for_bot_messages(page, 1)
    send_gradio_message(page, "I want to talk to a person")
    wait_for_bot_messages(page, 2)
    page.get_by_role("tab", name="Support").click()
    page.locator("#sa-tickets-refresh").click()
    choice = page.locator("#sa-tickets label").first
    choice.wait_for(timeout=30_000)
    choice.click()
    view = page.locator("#sa-ticket-view")
    view.get_by_text(hostile).wait_for(timeout=30_000)
    assert view.locator("img, a").count() == 0
    screenshot(page, "test_browser_markup-ticket")
    _assert_inert(page, pixel)
