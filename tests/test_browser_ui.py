"""The Gradio page (`shopassist ui`, assistant/ui.py) in a real browser: Debian's chromium through
Playwright, over the real agent (no LLM) on the demo index, served on loopback. The shop tab's
product grid at desktop and phone sizes, the cards' icon buttons (like, not for me, add to cart,
with labels a screen reader reads and the keyboard reaches), the cards across FAQ turns, empty
preference fields, and the hand-off round trip between the shop tab and the Support tab.
Screenshots land in artifacts/screenshots/. Never `playwright install`.
"""

from __future__ import annotations

import re

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

EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u26FF\u2700-\u27BF\uFE0F]")


@pytest.fixture(scope="module")
def served(demo_index, tmp_path_factory):
    from assistant.agent import ShoppingAssistant
    from assistant.ui import build_ui

    home = tmp_path_factory.mktemp("browser-ui")
    assistant = ShoppingAssistant.over_index(demo_index, home)
    demo = build_ui(assistant)
    _, url, _ = demo.launch(server_name="127.0.0.1", server_port=free_port(), prevent_thread_lock=True, quiet=True,
                            ssr_mode=False)
    try:
        yield {"url": url, "assistant": assistant, "home": home}
    finally:
        demo.close()


@pytest.fixture(scope="module")
def browser():
    with playwright_sync.sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


def _page(browser, request, width=1280, height=900):
    context = browser.new_context(viewport={"width": width, "height": height})
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    return context, pg


@pytest.fixture
def page(browser, request):
    context, pg = _page(browser, request)
    yield pg
    try:
        screenshot(pg, request.node.name)
    finally:
        context.close()


def _open(page, served, user: str | None = None):
    page.goto(served["url"], wait_until="domcontentloaded")
    page.locator("#sa-message textarea").first.wait_for(state="visible", timeout=120_000)
    if user:
        box = page.locator("#sa-user textarea, #sa-user input").first
        box.fill(user)
        box.press("Tab")
        page.locator("#sa-prefs-status").get_by_text(re.compile("No preferences|Loaded")).wait_for(timeout=30_000)


def _ask_for_products(page, text: str = "running shoes under 100"):
    send_gradio_message(page, text)
    cards = page.locator("#sa-cards .sa-card")
    cards.nth(2).wait_for(timeout=TURN_TIMEOUT_MS)
    wait_for_bot_messages(page, 1)
    return cards


def _events(served, user: str, event: str) -> list[str]:
    return [e.product_id for e in served["assistant"].profiles.events(user) if e.event == event]


def _wait_until(page, check, timeout_ms: int = 30_000):
    for _ in range(timeout_ms // 100):
        value = check()
        if value:
            return value
        page.wait_for_timeout(100)
    return check()


@pytest.mark.parametrize("size", [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_shop_tab_grid_at_desktop_and_phone_sizes(browser, request, served, size):
    width, height = size
    context, page = _page(browser, request, width, height)
    try:
        _open(page, served)
        # Preference fields are empty, not "0".
        for field in ("#sa-max-budget", "#sa-min-budget"):
            assert page.locator(f"{field} textarea, {field} input").first.input_value() == ""
        cards = _ask_for_products(page)
        boxes = [c.bounding_box() for c in cards.all()]
        columns = sorted({round(b["x"]) for b in boxes})
        if width >= 1000:
            assert len(columns) >= 3, boxes  # a grid, several cards a row
            assert all(b["height"] > b["width"] * 0.9 for b in boxes)  # picture on top, then the text
        else:
            assert len(columns) == 1 and all(b["width"] <= width for b in boxes), boxes  # one column on a phone
            assert all(b["width"] > b["height"] for b in boxes)  # picture beside the text
        first = cards.first
        assert first.locator(".sa-n").text_content() == "1" and first.locator(".sa-initial").text_content().strip()
        assert re.fullmatch(r"\$[\d,]+(\.\d\d)?", first.locator(".sa-price").text_content())
        assert first.locator(".sa-reason").text_content().strip()
        title = first.locator(".sa-title-text").text_content()
        labels = [b.get_attribute("aria-label") for b in first.locator(".sa-actions button").all()]
        assert labels == [f"Like {title}", f"Not for me: {title}", f"More like {title}", f"Add {title} to cart"]
        assert first.locator(".sa-actions button svg[aria-hidden='true']").count() == 4
        # No emoji anywhere on the page: nothing renders as an empty box without an emoji font.
        assert not EMOJI.findall(page.evaluate("() => document.body.innerText"))
        first.scroll_into_view_if_needed()
        screenshot(page, f"test_browser_ui-grid-{'phone' if width < 600 else 'desktop'}")
        assert not page.errors
    finally:
        context.close()


def test_card_buttons_like_dislike_and_add_to_cart(served, page):
    user = "browser-ui-1"
    _open(page, served, user)
    page.evaluate("() => { window.cartEvents = []; document.addEventListener('shopassist:add-to-cart', e => window.cartEvents.push(e.detail)); }")
    cards = _ask_for_products(page)
    ids = [c.get_attribute("data-product-id") for c in cards.all()]

    cards.nth(0).locator(".sa-fb-like").click()
    page.locator("#sa-feedback-status").get_by_text("Noted: you like").wait_for(timeout=30_000)
    assert cards.nth(0).locator(".sa-fb-like").get_attribute("aria-pressed") == "true"
    assert _wait_until(page, lambda: _events(served, user, "like")) == [ids[0]]

    cards.nth(1).locator(".sa-fb-dislike").click()
    page.locator("#sa-feedback-status").get_by_text("won't be suggested again").wait_for(timeout=30_000)
    assert "sa-dismissed" in cards.nth(1).get_attribute("class")
    assert _wait_until(page, lambda: _events(served, user, "dislike")) == [ids[1]]

    # Keyboard: Tab from the title link reaches the buttons in order; Enter presses one.
    cards.nth(2).locator(".sa-link").focus()
    for _ in range(4):
        page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.getAttribute('data-action')") == "add_to_cart"
    page.keyboard.press("Enter")
    page.locator("#sa-feedback-status").get_by_text("to your cart").wait_for(timeout=30_000)
    assert cards.nth(2).locator(".sa-cart").get_attribute("aria-pressed") == "true"
    assert _wait_until(page, lambda: _events(served, user, "add_to_cart")) == [ids[2]]
    (detail,) = page.evaluate("() => window.cartEvents")
    price = float(cards.nth(2).locator(".sa-price").get_attribute("data-price"))
    assert detail == {"product_id": ids[2], "title": cards.nth(2).locator(".sa-title-text").text_content(),
                      "price": price, "currency": "USD"}
    screenshot(page, "test_browser_ui-feedback")
    assert not page.errors


def test_cards_stay_across_faq_turns(served, page):
    user = "browser-ui-2"
    _open(page, served, user)
    cards = _ask_for_products(page)
    ids = [c.get_attribute("data-product-id") for c in cards.all()]
    send_gradio_message(page, "what is your return policy?")
    wait_for_bot_messages(page, 2)
    # The answer's bubble can exist before its text streams in: wait for text and for the turn to end.
    page.wait_for_function("() => { const bot = [...document.querySelectorAll('[data-testid=\"bot\"]')].pop();"
                           " return bot && bot.innerText.trim().length > 0"
                           " && !document.querySelector('#sa-chat .pending, #sa-chat [aria-busy=\"true\"]'); }", timeout=TURN_TIMEOUT_MS)
    reply = page.locator('[data-testid="bot"]').last.inner_text()
    assert "return" in reply.lower() and "returns-policy" not in reply and "[" not in reply
    assert [c.get_attribute("data-product-id") for c in cards.all()] == ids  # the same cards, still there
    cards.nth(3).locator(".sa-fb-like").click()
    page.locator("#sa-feedback-status").get_by_text("Noted: you like").wait_for(timeout=30_000)
    assert _wait_until(page, lambda: _events(served, user, "like")) == [ids[3]]
    # A new product turn replaces them.
    send_gradio_message(page, "a waterproof jacket in blue")
    page.wait_for_function(f"() => document.querySelector('#sa-cards .sa-card').getAttribute('data-product-id') !== '{ids[0]}'",
                           timeout=TURN_TIMEOUT_MS)
    assert "jacket" in page.locator("#sa-cards .sa-title-text").first.text_content().lower()
    screenshot(page, "test_browser_ui-after-faq")
    assert not page.errors


def test_handoff_round_trip_between_shop_and_support_tabs(browser, request, served, page):
    """The shopper asks for a person in the shop tab; staff (another browser) read the
    conversation in the Support tab and answer; the shop tab shows the answer, then the close."""
    _open(page, served, "browser-ui-3")
    _ask_for_products(page, "headphones under 150")
    send_gradio_message(page, "can I talk to a human?")
    wait_for_bot_messages(page, 2)
    page.get_by_text("colleague").first.wait_for(timeout=TURN_TIMEOUT_MS)

    context, staff = _page(browser, request)
    try:
        staff.goto(served["url"], wait_until="domcontentloaded")
        staff.get_by_role("tab", name="Support").click()
        staff.locator("#sa-tickets-refresh").click()
        choice = staff.locator("#sa-tickets label").filter(has_text="can I talk to a human?")
        choice.wait_for(timeout=30_000)
        choice.click()
        staff.locator("#sa-ticket-view").get_by_text("headphones under 150").wait_for(timeout=30_000)
        assert staff.locator("#sa-support-question textarea").first.input_value() == "headphones under 150"
        staff.locator("#sa-staff-name input, #sa-staff-name textarea").first.fill("Sam")
        staff.locator("#sa-reply textarea").first.fill("Hi, Sam here: the Auralis pair folds flat for travel.")
        staff.locator("#sa-send-reply").click()
        staff.locator("#sa-reply-status").get_by_text("Sent to the shopper").wait_for(timeout=30_000)
        staff.locator("#sa-ticket-view .sa-badge").get_by_text("answered").wait_for(timeout=30_000)
        screenshot(staff, "test_browser_ui-support-tab")

        # The shop tab shows the reply within a few seconds (it polls while the ticket is open).
        page.get_by_text("Sam (support team): Hi, Sam here: the Auralis pair folds flat for travel.").wait_for(timeout=30_000)
        screenshot(page, "test_browser_ui-shopper-answered")

        staff.locator("#sa-close-ticket").click()
        staff.locator("#sa-reply-status").get_by_text("is closed").wait_for(timeout=30_000)
        page.get_by_text("closed this conversation").wait_for(timeout=30_000)
        assert not page.errors and not staff.errors
    finally:
        context.close()
