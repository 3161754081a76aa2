"""The embeddable chat widget (assistant/static/widget.js) in a real browser: Debian's chromium
driven by Playwright, the real HTTP API (assistant.api.create_app) under uvicorn over the real
agent on the demo index, and the example shop page (examples/host-site) served by a plain
http.server from *another* origin, exactly as a shop would embed it. Nothing is mocked.

Needs `pip install playwright` and /usr/bin/chromium (`apt-get install -y chromium`); never
`playwright install`. Screenshots of every test land in artifacts/screenshots/.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request

import pytest

from tests.browser_helpers import (
    CHROMIUM_ARGS,
    RequestLog,
    StaticSite,
    UvicornThread,
    chromium_path,
    host_page,
    screenshot,
    write_site,
)

playwright_sync = pytest.importorskip("playwright.sync_api", reason="pip install playwright (browser tests)")
if chromium_path() is None:
    pytest.skip("chromium not found: apt-get install -y chromium (browser tests)", allow_module_level=True)

pytestmark = pytest.mark.slow

TURN_TIMEOUT_MS = 180_000  # a turn on 2 busy cores; never asserted on, only waited for
SIGNED_IN = "shopper-42"
ADMIN_KEY = "browser-admin-" + "z" * 20
XSS_TITLE = "<img src=x onerror=alert(1)>"
XSS_PRODUCTS = [
    {"id": "XSS-1", "title": XSS_TITLE, "description": "Over-ear wireless headphones with noise cancelling. <script>alert(2)</script>",
     "category": ["Audio", "Headphones"], "brand": "Evilcorp", "price": 99.0, "currency": "USD", "color": "Black",
     "in_stock": True, "url": "javascript:alert(3)", "image_url": "x"},
    {"id": "XSS-2", "title": "Plain Studio Headphones", "description": "Closed-back wired headphones for the studio.",
     "category": ["Audio", "Headphones"], "brand": "Plainsound", "price": 79.0, "currency": "USD", "color": "Black",
     "in_stock": True, "url": "https://shop.example/p/XSS-2"},
    {"id": "XSS-3", "title": "Trail Runner <b>bold</b>", "description": "A trail running shoe.",
     "category": ["Footwear", "Running Shoes"], "brand": "Plainsound", "price": 120.0, "currency": "USD", "color": "Grey",
     "in_stock": True},
]


def _png(width: int = 80, height: int = 50, rgb: tuple[int, int, int] = (47, 91, 234)) -> bytes:
    """A solid-colour PNG (the product pictures of the image catalog)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


class ImageServer:
    """Product pictures on 127.0.0.1 (another origin), recording every request."""

    def __init__(self) -> None:
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        self.requests: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                server.requests.append(self.path)
                body = _png(rgb=(47, 91, 234) if "blue" in self.path else (26, 127, 55))
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "ImageServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def image_products(images: str) -> list[dict]:
    """Rain jackets: two with pictures on the image server, one on a host that cannot resolve,
    one without a picture."""
    base = {"category": ["Outdoor", "Jackets"], "currency": "USD", "in_stock": True, "brand": "Fjellmark"}
    return [
        {"id": "IMG-1", "title": "Fjellmark Storm Rain Jacket", "description": "Waterproof rain jacket with taped seams.",
         "price": 129.0, "color": "Blue", "image_url": f"{images}/blue-jacket.png", "url": "https://shop.example.com/p/IMG-1", **base},
        {"id": "IMG-2", "title": "Fjellmark Drizzle Rain Jacket", "description": "Light waterproof rain jacket.",
         "price": 89.5, "color": "Green", "image_url": f"{images}/green-jacket.png", "url": "https://shop.example.com/p/IMG-2", **base},
        {"id": "IMG-3", "title": "Fjellmark Squall Rain Jacket", "description": "Packable waterproof rain jacket.",
         "price": 99.0, "color": "Red", "image_url": "https://img.shopassist.invalid/red-jacket.png", **base},
        {"id": "IMG-4", "title": "Fjellmark Mist Rain Jacket", "description": "Breathable waterproof rain jacket.",
         "price": 110.0, "color": "Grey", **base},
    ]


def _agent(index, home):
    from assistant.agent import ShoppingAssistant

    return ShoppingAssistant.over_index(index, home)


def _serve_api(index, home, sites_path, log: RequestLog, mount_ui: bool = False):
    from assistant.api import create_app

    agent = _agent(index, home)
    app = create_app(None, agent, sites_path=sites_path, mount_ui=mount_ui, admin_key=ADMIN_KEY if mount_ui else None)
    return UvicornThread(log.wrap(app)), agent


@pytest.fixture(scope="module")
def browser():
    with playwright_sync.sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def stack(demo_index, embedder, tmp_path_factory):
    """API on one port; the shop page on a second origin (allowed); the same page on a third
    origin (not allowed for the key); a page for the XSS catalog on the allowed origin."""
    pytest.importorskip("assistant.api", reason="assistant/api.py (the HTTP API) is not there yet")
    from assistant.sitekeys import add_site, sign_user
    from retrieval.ingest import ingest_file
    from retrieval.store import IndexLocation, ShopIndex

    root = tmp_path_factory.mktemp("browser")
    home, xss_home, img_home = root / "home", root / "xss-home", root / "img-home"
    sites_path = root / "sites.json"
    site_dir, other_dir = root / "site", root / "other-site"
    site_dir.mkdir()
    other_dir.mkdir()

    # A tiny catalog with hostile titles, in its own index and served by its own API.
    xss_index = ShopIndex(IndexLocation(home=xss_home), embedder)
    catalog = root / "xss.jsonl"
    catalog.write_text("".join(json.dumps(p) + "\n" for p in XSS_PRODUCTS), encoding="utf-8")
    report = ingest_file(xss_index, catalog, "product", progress=False)
    assert report.rejected == 0, report.summary()

    with StaticSite(site_dir) as site, StaticSite(other_dir) as other, ImageServer() as images:
        # A catalog whose pictures load (from the image server) or cannot (a host that never resolves).
        img_index = ShopIndex(IndexLocation(home=img_home), embedder)
        img_catalog = root / "images.jsonl"
        img_catalog.write_text("".join(json.dumps(p) + "\n" for p in image_products(images.url)), encoding="utf-8")
        assert ingest_file(img_index, img_catalog, "product", progress=False).rejected == 0

        # Generous budgets: the 20 tests share one key and one client; the limits have tests of their own.
        shop = add_site(sites_path, "Northwind Outfitters", [site.origin], rate_per_minute=1000, session_rate_per_minute=100,
                        client_rate_per_minute=1000, sessions_per_client_per_minute=1000)
        key = shop.key
        log = RequestLog()
        api, agent = _serve_api(demo_index, home, sites_path, log, mount_ui=True)
        xss_api, _ = _serve_api(xss_index, xss_home, sites_path, log)
        img_api, _ = _serve_api(img_index, img_home, sites_path, log)
        with api, xss_api, img_api:
            no_cart = re.sub(r"<script>\s*window\.shopCart.*?</script>", "", host_page(api.url, key), flags=re.S)
            assert "shopassist:add-to-cart" not in no_cart.split("-->", 1)[1]
            write_site(site_dir, {"index.html": host_page(api.url, key), "xss.html": host_page(xss_api.url, key),
                                  "images.html": host_page(img_api.url, key), "no-cart.html": no_cart,
                                  "signed-in.html": host_page(api.url, key, user_id=SIGNED_IN,
                                                              signature=sign_user(shop.secret, SIGNED_IN)),
                                  "forged.html": host_page(api.url, key, user_id=SIGNED_IN, signature="0" * 64),
                                  "unsigned.html": host_page(api.url, key, user_id=SIGNED_IN)})
            write_site(other_dir, {"index.html": host_page(api.url, key)})
            yield {"api": api.url, "xss_api": xss_api.url, "site": site.origin, "other": other.origin, "key": key,
                   "log": log, "agent": agent, "home": home, "images": images}


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    pg = context.new_page()
    pg.dialogs = []
    pg.console_errors = []

    def on_dialog(dialog):
        pg.dialogs.append(dialog.message)
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.on("pageerror", lambda exc: pg.console_errors.append(str(exc)))
    yield pg
    try:
        screenshot(pg, request.node.name)
    finally:
        context.close()


def open_widget(page, url: str):
    page.goto(url, wait_until="load")
    bubble = page.locator("shopassist-widget .sa-bubble")
    bubble.wait_for(state="visible", timeout=30_000)
    bubble.click()
    page.locator("shopassist-widget .sa-panel").wait_for(state="visible")
    return bubble


def ask(page, text: str) -> None:
    box = page.locator("shopassist-widget .sa-input")
    box.fill(text)
    box.press("Enter")


def wait_for_turn(page, n: int = 1) -> None:
    """Until the n-th reply has finished streaming (the final event or an error arrived)."""
    page.wait_for_function(
        """n => {
            const root = document.querySelector('shopassist-widget').shadowRoot;
            const replies = root.querySelectorAll('.sa-msg-user').length;
            const busy = root.querySelector('[aria-busy="true"]');
            return replies >= n && !busy;
        }""",
        arg=n, timeout=TURN_TIMEOUT_MS,
    )


def shadow_active_element(page) -> str | None:
    return page.evaluate(
        "() => { const a = document.querySelector('shopassist-widget').shadowRoot.activeElement; return a ? a.className : null; }"
    )


# --- tests ----------------------------------------------------------------------------------


def test_widget_script_is_served_without_a_key(stack):
    with urllib.request.urlopen(f"{stack['api']}/widget.js", timeout=30) as resp:
        body = resp.read().decode()
        assert resp.status == 200 and "javascript" in resp.headers.get("content-type", "")
    assert "attachShadow" in body and "api/v1/chat" in body


def test_products_stream_in_and_feedback_is_recorded(stack, page):
    open_widget(page, f"{stack['site']}/index.html")
    ask(page, "headphones under 150")
    cards = page.locator("shopassist-widget .sa-card")
    cards.first.wait_for(timeout=TURN_TIMEOUT_MS)
    wait_for_turn(page)

    assert cards.count() >= 1
    assert page.locator("shopassist-widget .sa-cards-alternatives").count() == 0, "expected real matches"
    reply = page.locator("shopassist-widget .sa-msg-assistant").last.text_content()
    assert reply.strip() and "Sorry" not in reply
    prices = page.locator("shopassist-widget .sa-card .sa-price")
    shown = [float(p.get_attribute("data-price")) for p in prices.all()]
    texts = [p.text_content() for p in prices.all()]
    assert len(shown) == cards.count()
    assert all(price <= 150 for price in shown), shown
    from assistant.formatting import money

    for price, text in zip(shown, texts):  # the text shown is the catalog price, as the server formats it
        assert text == money(price, "USD")

    # The server's session id is kept per site (and API) in localStorage.
    stored = page.evaluate("() => Object.entries(localStorage).filter(([k]) => k.startsWith('shopassist:session:'))")
    assert len(stored) == 1 and stack["key"] in stored[0][0]
    session_id = stored[0][1]
    assert session_id

    first = cards.first
    product_id = first.get_attribute("data-product-id")
    like = first.locator(".sa-fb-like")
    like.click()
    page.wait_for_function(
        "() => document.querySelector('shopassist-widget').shadowRoot.querySelector('.sa-card .sa-fb-like').getAttribute('aria-pressed') === 'true'",
        timeout=30_000,
    )
    assert 200 in stack["log"].statuses("/api/v1/feedback", stack["site"])
    from assistant.profile import ProfileStore

    events = [e for e in ProfileStore(stack["home"]).events(feedback_user(session_id))
              if e.event == "like" and e.product_id == product_id]
    assert events and events[0].session_id == session_id
    assert not page.dialogs and not page.console_errors


def feedback_user(session_id: str) -> str:
    """The user id the API files anonymous feedback under (no user id sent): see assistant/api.py."""
    return f"session:{session_id}"


def test_catalog_text_is_never_html(stack, page):
    open_widget(page, f"{stack['site']}/xss.html")
    ask(page, "headphones")
    card = page.locator("shopassist-widget .sa-card[data-product-id='XSS-1']")
    card.wait_for(timeout=TURN_TIMEOUT_MS)
    wait_for_turn(page)
    page.wait_for_timeout(500)  # give a broken image's onerror a chance to fire, if it were ever parsed

    assert page.dialogs == []
    title = card.locator(".sa-card-title")
    assert title.text_content() == XSS_TITLE  # shown literally
    assert card.locator(".sa-card-title img, .sa-card-title a").count() == 0  # javascript: url is not a link
    assert card.locator("img").count() == 0  # image_url "x" is not http(s)
    root_html = page.evaluate("() => document.querySelector('shopassist-widget').shadowRoot.innerHTML")
    assert "<img src=\"x\"" not in root_html and "onerror=" not in root_html.replace("onerror=alert(1)&gt;", "")
    assert page.evaluate("() => document.querySelectorAll('img[src=\"x\"]').length") == 0
    assert not page.console_errors


def test_origin_not_allowed_for_the_key_is_refused(stack, page):
    open_widget(page, f"{stack['other']}/index.html")
    ask(page, "headphones under 150")
    error = page.locator("shopassist-widget .sa-msg-error")
    error.wait_for(timeout=60_000)
    assert "Sorry" in error.text_content()
    assert page.locator("shopassist-widget .sa-card").count() == 0
    statuses = stack["log"].statuses(origin=stack["other"])
    assert statuses and all(s == 403 for s in statuses), statuses
    assert 200 not in statuses

    # The same refusal seen directly: a request claiming that origin gets 403 and no CORS grant.
    req = urllib.request.Request(f"{stack['api']}/api/v1/chat", data=json.dumps({"message": "hi"}).encode(), method="POST",
                                 headers={"Content-Type": "application/json", "X-Site-Key": stack["key"], "Origin": stack["other"]})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(req, timeout=30)
    assert refused.value.code == 403
    assert refused.value.headers.get("Access-Control-Allow-Origin") in (None, "")


def test_host_styles_do_not_leak_into_the_widget(stack, page):
    open_widget(page, f"{stack['site']}/index.html")
    style = page.locator("shopassist-widget .sa-send").evaluate(
        "e => { const s = getComputedStyle(e); return {font: s.fontFamily, color: s.color, bg: s.backgroundColor, size: s.fontSize}; }")
    assert "serif" not in style["font"].replace("sans-serif", ""), style
    assert style["color"] != "rgb(128, 0, 128)" and style["bg"] != "rgb(0, 255, 0)" and style["size"] != "30px", style
    for selector in (".sa-title", ".sa-msg-assistant", ".sa-input"):
        s = page.locator(f"shopassist-widget {selector}").first.evaluate(
            "e => { const s = getComputedStyle(e); return {font: s.fontFamily, color: s.color}; }")
        assert s["color"] != "rgb(255, 0, 0)" and "serif" not in s["font"].replace("sans-serif", ""), (selector, s)
    # ...and the widget's styles do not leak out: the page's own buttons keep their look.
    page_button = page.locator("main button").first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert page_button == "rgb(0, 255, 0)"


def test_keyboard_and_small_screens(stack, page):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{stack['site']}/index.html", wait_until="load")
    bubble = page.locator("shopassist-widget .sa-bubble")
    bubble.wait_for(state="visible", timeout=30_000)
    assert bubble.get_attribute("aria-label") and bubble.evaluate("e => e.tagName") == "BUTTON"
    # Tab through the page until the bubble has focus: it is reachable by keyboard.
    for _ in range(30):
        page.keyboard.press("Tab")
        if shadow_active_element(page) == "sa-bubble":
            break
    assert shadow_active_element(page) == "sa-bubble"
    page.keyboard.press("Enter")
    panel = page.locator("shopassist-widget .sa-panel")
    panel.wait_for(state="visible")
    assert shadow_active_element(page) == "sa-input"  # focus moves to the input on open
    assert bubble.get_attribute("aria-expanded") == "true"
    assert page.locator("shopassist-widget .sa-messages").get_attribute("aria-live") == "polite"
    width = panel.evaluate("e => e.getBoundingClientRect().width")
    assert abs(width - 375) <= 1, width  # full width on a phone
    screenshot(page, "test_keyboard_and_small_screens-open")
    page.keyboard.press("Escape")
    panel.wait_for(state="hidden")
    assert shadow_active_element(page) == "sa-bubble" and bubble.get_attribute("aria-expanded") == "false"


@pytest.mark.parametrize("status, expected", [(429, "a little fast"), (413, "too long"), (500, "something went wrong")])
def test_error_statuses_are_friendly_lines(stack, page, status, expected):
    """What the widget shows for each refusal the API can send (answered here by the browser's
    router with the API's CORS headers, since a real 413 cannot be typed into a 2,000-character box)."""
    def refuse(route):
        route.fulfill(status=status, content_type="application/json", body=json.dumps({"detail": "refused"}),
                      headers={"Access-Control-Allow-Origin": stack["site"], "Retry-After": "3"})

    page.route(re.compile(r".*/api/v1/chat$"), refuse)
    open_widget(page, f"{stack['site']}/index.html")
    ask(page, "headphones")
    error = page.locator("shopassist-widget .sa-msg-error")
    error.wait_for(timeout=30_000)
    assert expected in error.text_content()
    assert page.locator("shopassist-widget .sa-send").is_enabled()  # ready for another try


def test_network_failure_is_a_friendly_line(stack, page):
    page.route(re.compile(r".*/api/v1/chat$"), lambda route: route.abort())
    open_widget(page, f"{stack['site']}/index.html")
    ask(page, "headphones")
    error = page.locator("shopassist-widget .sa-msg-error")
    error.wait_for(timeout=30_000)
    assert "can't reach" in error.text_content()
    assert not page.console_errors


def test_signed_in_shopper_keeps_session_and_feedback(stack, page):
    """data-user-id: feedback is kept under the shop's user id; the session survives a reload."""
    from assistant.profile import ProfileStore

    open_widget(page, f"{stack['site']}/signed-in.html")
    ask(page, "running shoes under 100")
    cards = page.locator("shopassist-widget .sa-card")
    cards.first.wait_for(timeout=TURN_TIMEOUT_MS)
    wait_for_turn(page)
    session_id = page.evaluate("() => Object.entries(localStorage).find(([k]) => k.startsWith('shopassist:session:'))[1]")
    product_id = cards.first.get_attribute("data-product-id")
    title = cards.first.locator(".sa-card-title").text_content()
    # "More like this" records the wish and asks for similar items as the next message.
    cards.first.locator(".sa-fb-more_like_this").click()
    cards.first.locator(".sa-fb-more_like_this[aria-pressed='true']").wait_for(timeout=30_000)
    wait_for_turn(page, 2)
    assert page.locator("shopassist-widget .sa-msg-user").last.text_content() == f"Show me more like {title}"
    events = [e for e in ProfileStore(stack["home"]).events(SIGNED_IN) if e.event == "more_like_this"]
    assert [(e.product_id, e.session_id) for e in events] == [(product_id, session_id)]

    page.reload(wait_until="load")
    page.locator("shopassist-widget .sa-bubble").click()
    ask(page, "what is your return policy?")
    wait_for_turn(page)
    assert page.locator("shopassist-widget .sa-msg-error").count() == 0
    stored = page.evaluate("() => Object.entries(localStorage).find(([k]) => k.startsWith('shopassist:session:'))[1]")
    assert stored == session_id  # the conversation went on in the same session
    _, history, user = stack["agent"].sessions.load(session_id)
    assert user == SIGNED_IN and len(history) == 6


@pytest.fixture
def staff_page(browser, request):
    """A page whose browser gives the admin key when the /ui page asks (HTTP Basic)."""
    context = browser.new_context(viewport={"width": 1280, "height": 860},
                                  http_credentials={"username": "staff", "password": ADMIN_KEY})
    pg = context.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    try:
        screenshot(pg, request.node.name)
    finally:
        context.close()


def test_gradio_ui_needs_the_admin_key(stack, page):
    """Without the admin key the browser gets no page (headless chromium turns the Basic
    challenge it cannot answer into a navigation error)."""
    try:
        response = page.goto(f"{stack['api']}/ui/", wait_until="domcontentloaded")
        assert response.status == 401
    except playwright_sync.Error as exc:
        assert "ERR_INVALID_AUTH_CREDENTIALS" in str(exc)
    assert page.locator("textarea").count() == 0
    assert 401 in stack["log"].statuses("/ui/")


def test_gradio_ui_mounted_on_the_api(stack, staff_page):
    """The Gradio page the API mounts at /ui, in the same browser: ask, see product cards."""
    page = staff_page
    page.goto(f"{stack['api']}/ui/", wait_until="domcontentloaded")
    box = page.locator("textarea").first
    box.wait_for(state="visible", timeout=120_000)
    box.fill("headphones under 150")
    box.press("Enter")
    page.locator(".sa-card .sa-price").get_by_text(re.compile(r"^\$[\d,]+(\.\d\d)?$")).first.wait_for(timeout=TURN_TIMEOUT_MS)
    assert not page.dialogs


def test_gradio_ui_cards_feedback_and_support_lookup(stack, staff_page):
    """The full Gradio page (mounted at /ui): product cards with feedback buttons, a like recorded
    as a profile event (in the UI's `ui:` sandbox), and the staff's Support lookup tab. No
    request leaves this machine."""
    from assistant.profile import ProfileStore

    page = staff_page
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not re.match(r"^(https?|wss?)://127\.0\.0\.1[:/]", r.url)
            and not r.url.startswith(("data:", "blob:")) else None)
    page.goto(f"{stack['api']}/ui/", wait_until="domcontentloaded")
    user = page.locator("#sa-user textarea, #sa-user input").first
    user.wait_for(state="visible", timeout=120_000)
    user.fill("ui-browser-shopper")
    user.press("Tab")
    page.locator("#sa-prefs-status").get_by_text("No preferences saved yet").wait_for(timeout=30_000)

    box = page.locator("#sa-message textarea").first
    box.fill("headphones under 150")
    box.press("Enter")
    cards = page.locator(".sa-card")
    cards.first.wait_for(timeout=TURN_TIMEOUT_MS)
    assert page.locator(".sa-heading").first.text_content() == "Matching your request"
    prices = [float(p.get_attribute("data-price")) for p in page.locator(".sa-card .sa-price").all()]
    assert prices and len(prices) == cards.count() and all(p <= 150 for p in prices), prices
    from assistant.formatting import money

    for price, text in zip(prices, [p.text_content() for p in page.locator(".sa-card .sa-price").all()]):
        assert text == money(price, "USD")
    # Demo images live on *.invalid: the placeholder with the title's initial is shown instead.
    assert cards.first.locator(".sa-initial").text_content().strip()
    assert page.locator(".sa-card img, .sa-card .sa-image").count() == 0
    cards.first.scroll_into_view_if_needed()
    screenshot(page, "test_gradio_ui-cards")

    product_id = cards.first.get_attribute("data-product-id")
    cards.first.locator(".sa-fb-like").click()
    page.locator("#sa-feedback-status").get_by_text("Noted").wait_for(timeout=30_000)
    likes = [e for e in ProfileStore(stack["home"]).events("ui:ui-browser-shopper") if e.event == "like"]
    assert [e.product_id for e in likes] == [product_id] and likes[0].session_id
    assert not ProfileStore(stack["home"]).events("ui-browser-shopper")  # the real shopper's profile is untouched

    page.get_by_role("tab", name="Support").click()
    question = page.locator("#sa-support-question textarea").first
    question.wait_for(state="visible", timeout=30_000)
    question.fill("when will I get my refund")
    page.locator("#sa-support-lookup").click()
    page.locator("#sa-support-banner").get_by_text("Confident match").wait_for(timeout=60_000)
    answer = page.locator(".sa-faq-answer textarea").first
    assert "refund" in answer.input_value().lower()
    assert page.locator(".sa-faq-result").first.get_by_text(re.compile(r"score \d\.\d{3}")).count() == 1
    assert page.locator(".sa-faq-answer button[aria-label*='opy'], .sa-faq-answer button[title*='opy']").count() >= 1
    screenshot(page, "test_gradio_ui-support-lookup")
    assert not page.dialogs and not outside, outside


def test_identity_cannot_be_claimed_from_the_page(stack, page):
    """A page that names a user id without the shop's signature (or with a forged one) gets no
    turn as that user; and a signed-in shopper's conversation left in localStorage is not
    continued by the next, anonymous visitor of the same browser: the widget starts anew."""
    from assistant.profile import ProfileStore

    before = len(ProfileStore(stack["home"]).events(SIGNED_IN))
    for name in ("unsigned.html", "forged.html"):
        page.goto("about:blank")
        page.evaluate("() => 0")
        open_widget(page, f"{stack['site']}/{name}")
        ask(page, "running shoes under 100")
        error = page.locator("shopassist-widget .sa-msg-error")
        error.wait_for(timeout=60_000)
        assert "signed in" in error.text_content(), name
        assert page.locator("shopassist-widget .sa-card").count() == 0
    assert 401 in stack["log"].statuses("/api/v1/sessions", stack["site"])
    assert len(ProfileStore(stack["home"]).events(SIGNED_IN)) == before

    # The signed-in shopper chats; then, in the same browser, somebody without the sign-in does.
    page.evaluate("() => localStorage.clear()")
    open_widget(page, f"{stack['site']}/signed-in.html")
    ask(page, "waterproof jacket")
    wait_for_turn(page)
    owned = page.evaluate("() => Object.entries(localStorage).find(([k]) => k.startsWith('shopassist:session:'))[1]")
    _, history, user = stack["agent"].sessions.load(owned)
    assert user == SIGNED_IN and len(history) == 2
    open_widget(page, f"{stack['site']}/index.html")
    ask(page, "what did I ask before?")
    wait_for_turn(page)
    assert page.locator("shopassist-widget .sa-msg-error").count() == 0
    assert "jacket" not in page.locator("shopassist-widget .sa-messages").text_content().lower().replace("waterproof jacket", "")
    fresh = page.evaluate("() => Object.entries(localStorage).find(([k]) => k.startsWith('shopassist:session:'))[1]")
    assert fresh != owned
    assert stack["agent"].sessions.load(owned)[1] == history  # the shopper's conversation is as they left it
    assert stack["agent"].sessions.binding(fresh).user_id == f"session:{fresh}"
    assert 403 in stack["log"].statuses("/api/v1/chat", stack["site"])  # refused, then a new session
    assert not page.console_errors


# --- the cards: grid, thumbnails, feedback, add to cart, across FAQ turns ------------------------


def _card_boxes(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelector('shopassist-widget').shadowRoot.querySelectorAll('.sa-card')]
        .map(c => { const r = c.getBoundingClientRect(); return {x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width)}; })""")


@pytest.mark.parametrize("size", [(1280, 860), (390, 844)], ids=["desktop", "phone"])
def test_widget_cards_grid_with_thumbnails(stack, page, size):
    """A grid of cards (two columns in the panel, the panel full screen on a phone); pictures from
    hosts that resolve, placeholders for the others; a host that cannot resolve is never asked."""
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    seen = []
    page.on("request", lambda r: seen.append(r.url))
    stack["images"].requests.clear()
    open_widget(page, f"{stack['site']}/images.html")
    ask(page, "rain jacket")
    cards = page.locator("shopassist-widget .sa-card")
    cards.first.wait_for(timeout=TURN_TIMEOUT_MS)
    wait_for_turn(page)
    page.wait_for_timeout(500)
    assert cards.count() == 4
    boxes = _card_boxes(page)
    columns = sorted({b["x"] for b in boxes})
    assert len(columns) == 2 and len({b["w"] for b in boxes}) == 1, boxes  # a grid of equal cells
    panel = page.locator("shopassist-widget .sa-panel").evaluate("e => e.getBoundingClientRect().width")
    if width < 480:
        assert abs(panel - width) <= 1
    # Numbers to refer to ("the second one"), prices as the server formats them, one reason each.
    assert [c.locator(".sa-n").text_content() for c in cards.all()] == ["1", "2", "3", "4"]
    assert all(c.locator(".sa-price").text_content().startswith("$") for c in cards.all())

    pictures = {c.get_attribute("data-product-id"): c.locator(".sa-thumb img") for c in cards.all()}
    for product_id in ("IMG-1", "IMG-2"):
        img = pictures[product_id]
        assert img.count() == 1 and img.get_attribute("alt") == ""
        img.evaluate("e => e.decode ? e.decode().catch(() => null) : null")
        assert img.evaluate("e => e.complete && e.naturalWidth") == 80  # really loaded, from the image server
    for product_id in ("IMG-3", "IMG-4"):  # *.invalid and no picture: the placeholder with the initial
        assert pictures[product_id].count() == 0
        card = page.locator(f"shopassist-widget .sa-card[data-product-id='{product_id}']")
        assert card.locator(".sa-initial").text_content() == "F"
    assert sorted(stack["images"].requests) == ["/blue-jacket.png", "/green-jacket.png"]
    assert not [u for u in seen if ".invalid" in u]

    # Every button has a label a screen reader reads, and keyboard focus goes title, then buttons.
    first = cards.first
    title = first.locator(".sa-card-title").text_content()
    labels = [b.get_attribute("aria-label") for b in first.locator(".sa-actions button").all()]
    assert labels == [f"Like {title}", f"Not for me: {title}", f"More like {title}", f"Add {title} to cart"]
    assert first.locator(".sa-actions").get_attribute("role") == "group"
    first.locator(".sa-card-title a").focus()
    order = []
    for _ in range(4):
        page.keyboard.press("Tab")
        order.append(page.evaluate("() => document.querySelector('shopassist-widget').shadowRoot.activeElement.getAttribute('aria-label')"))
    assert order == labels
    page.locator("shopassist-widget .sa-msg-assistant").last.scroll_into_view_if_needed()
    screenshot(page, f"test_widget_cards_grid-{'phone' if width < 480 else 'desktop'}")
    assert not page.console_errors


def test_add_to_cart_reaches_the_host_page(stack, page):
    """The cart button raises `shopassist:add-to-cart` with the product; the host page's own
    cart takes it (examples/host-site/index.html) and the widget says so; the click is also
    recorded as add_to_cart feedback."""
    from assistant.profile import ProfileStore

    open_widget(page, f"{stack['site']}/index.html")
    ask(page, "headphones under 150")
    cards = page.locator("shopassist-widget .sa-card")
    cards.first.wait_for(timeout=TURN_TIMEOUT_MS)
    wait_for_turn(page)
    second = cards.nth(1)
    product_id, title = second.get_attribute("data-product-id"), second.locator(".sa-card-title").text_content()
    price = float(second.locator(".sa-price").get_attribute("data-price"))
    second.locator(".sa-cart").click()
    second.locator(".sa-cart[aria-pressed='true']").wait_for(timeout=10_000)
    assert second.locator(".sa-ack").text_content() == "Added to your cart."
    cart = page.evaluate("() => window.shopCart")
    assert len(cart) == 1
    item = cart[0]
    assert item["product_id"] == product_id and item["title"] == title and item["price"] == price
    assert item["currency"] == "USD" and item["quantity"] == 1 and item["price_text"] == second.locator(".sa-price").text_content()
    assert page.locator("#cart-count").text_content() == "1" and title in page.locator("#cart-last").text_content()
    session_id = page.evaluate("() => Object.entries(localStorage).find(([k]) => k.startsWith('shopassist:session:'))[1]")
    page.wait_for_function("() => true")
    events = []
    for _ in range(50):
        events = [e for e in ProfileStore(stack["home"]).events(feedback_user(session_id)) if e.event == "add_to_cart"]
        if events:
            break
        page.wait_for_timeout(100)
    assert [e.product_id for e in events] == [product_id]
    screenshot(page, "test_add_to_cart-host-page")

    # A page that does not handle the event: the widget points to the product page instead.
    page.evaluate("() => localStorage.clear()")
    open_widget(page, f"{stack['site']}/no-cart.html")
    ask(page, "headphones under 150")
    cards.first.wait_for(timeout=TURN_TIMEOUT_MS)
    wait_for_turn(page)
    cards.first.locator(".sa-cart").click()
    ack = cards.first.locator(".sa-ack")
    ack.get_by_text("product page").wait_for(timeout=10_000)
    assert ack.locator("a").get_attribute("href").startswith("https://")
    assert cards.first.locator(".sa-cart").get_attribute("aria-pressed") == "false"
    assert not page.console_errors


def test_cards_stay_usable_across_faq_turns(stack, page):
    """An FAQ answer does not take the products away: the cards of the last product turn are
    still there, and liking one still works. Shoppers never see an FAQ entry's id."""
    from assistant.profile import ProfileStore

    open_widget(page, f"{stack['site']}/index.html")
    ask(page, "running shoes under 100")
    cards = page.locator("shopassist-widget .sa-card")
    cards.first.wait_for(timeout=TURN_TIMEOUT_MS)
    wait_for_turn(page)
    shown = [c.get_attribute("data-product-id") for c in cards.all()]
    ask(page, "what is your return policy?")
    wait_for_turn(page, 2)
    assert [c.get_attribute("data-product-id") for c in cards.all()] == shown
    faq_reply = page.locator("shopassist-widget .sa-msg-assistant").last.text_content()
    assert "return" in faq_reply.lower() and "[returns-policy]" not in faq_reply and "returns-policy" not in faq_reply
    assert "returns-policy" not in page.locator("shopassist-widget .sa-messages").text_content()

    third = cards.nth(2)
    third.locator(".sa-fb-like").click()
    third.locator(".sa-fb-like[aria-pressed='true']").wait_for(timeout=30_000)
    session_id = page.evaluate("() => Object.entries(localStorage).find(([k]) => k.startsWith('shopassist:session:'))[1]")
    likes = [e.product_id for e in ProfileStore(stack["home"]).events(feedback_user(session_id)) if e.event == "like"]
    assert likes == [shown[2]]
    # "Not for me" undoes the like's pressed state and dims the card.
    third.locator(".sa-fb-dislike").click()
    third.locator(".sa-fb-dislike[aria-pressed='true']").wait_for(timeout=30_000)
    assert third.locator(".sa-fb-like").get_attribute("aria-pressed") == "false"
    assert "sa-dismissed" in third.get_attribute("class")
    screenshot(page, "test_cards_stay_across_faq_turns")
    assert not page.console_errors


# --- the hand-off round trip: the shopper asks in the widget, staff answer in the Support tab -----


def test_handoff_round_trip(stack, page, staff_page):
    from assistant.handoff import ticket_store

    open_widget(page, f"{stack['site']}/index.html")
    ask(page, "running shoes under 100")
    wait_for_turn(page)
    ask(page, "I'd like to talk to a person please")
    wait_for_turn(page, 2)
    note = page.locator("shopassist-widget .sa-msg-note").get_by_text("Our support team has your conversation")
    note.wait_for(timeout=TURN_TIMEOUT_MS)
    session_id = page.evaluate("() => Object.entries(localStorage).find(([k]) => k.startsWith('shopassist:session:'))[1]")
    ticket = ticket_store(stack["home"]).for_session(session_id)
    assert ticket is not None and ticket.status == "open"
    assert [m.content for m in ticket.transcript if m.role == "user"] == ["running shoes under 100",
                                                                        "I'd like to talk to a person please"]
    assert 200 in stack["log"].statuses("/api/v1/handoff", stack["site"])
    screenshot(page, "test_handoff-shopper-waiting")

    # Staff: the Support tab of the staff UI lists the ticket; they read the conversation.
    staff = staff_page
    staff.goto(f"{stack['api']}/ui/", wait_until="domcontentloaded")
    staff.get_by_role("tab", name="Support").click()
    staff.locator("#sa-tickets-refresh").click()
    choice = staff.locator("#sa-tickets label").filter(has_text=f"Ticket {ticket.id} ")
    choice.wait_for(timeout=TURN_TIMEOUT_MS)
    assert "talk to a person" in choice.text_content()
    choice.click()
    view = staff.locator("#sa-ticket-view")
    view.get_by_text("running shoes under 100").wait_for(timeout=TURN_TIMEOUT_MS)
    assert view.get_by_text("I'd like to talk to a person please").count() == 1
    assert staff.locator("#sa-support-question textarea").first.input_value() == "running shoes under 100"
    # The FAQ lookup helps: look up the shopper's real question and put the answer into the reply.
    staff.locator("#sa-support-question textarea").first.fill("how long does shipping take")
    staff.locator("#sa-support-lookup").click()
    staff.locator("#sa-support-banner").get_by_text("match").first.wait_for(timeout=60_000)
    staff.locator(".sa-faq-use").first.click()
    reply = staff.locator("#sa-reply textarea").first
    staff.wait_for_function("() => document.querySelector('#sa-reply textarea').value.length > 10", timeout=TURN_TIMEOUT_MS)
    faq_answer = reply.input_value()
    reply.fill("Hi, Dana from the shop here. The Runwright Sprintra 5 runs half a size small. " + faq_answer)
    staff.locator("#sa-staff-name input, #sa-staff-name textarea").first.fill("Dana")
    staff.locator("#sa-send-reply").click()
    staff.locator("#sa-reply-status").get_by_text("Sent to the shopper").wait_for(timeout=TURN_TIMEOUT_MS)
    screenshot(staff, "test_handoff-support-tab")

    # The shopper's widget shows it within a few seconds, as text, from "Dana".
    staff_message = page.locator("shopassist-widget .sa-msg-staff")
    staff_message.first.wait_for(timeout=TURN_TIMEOUT_MS)
    assert "runs half a size small" in staff_message.first.text_content()
    assert "Dana" in staff_message.first.locator(".sa-who").text_content()
    assert ticket_store(stack["home"]).get(ticket.id).status == "answered"
    screenshot(page, "test_handoff-shopper-answered")

    # After a reload the reply is still there (the widget asks for the open ticket on load).
    page.reload(wait_until="load")
    page.locator("shopassist-widget .sa-bubble").click()
    staff_message.first.wait_for(timeout=TURN_TIMEOUT_MS)
    assert staff_message.count() == 1

    # Staff close it: the widget says so and stops asking.
    staff.locator("#sa-close-ticket").click()
    staff.locator("#sa-reply-status").get_by_text("is closed").wait_for(timeout=TURN_TIMEOUT_MS)
    page.locator("shopassist-widget .sa-msg-note").get_by_text("closed this conversation").wait_for(timeout=TURN_TIMEOUT_MS)
    polls = len(stack["log"].statuses("/api/v1/handoff", stack["site"]))
    page.wait_for_timeout(9_000)
    assert len(stack["log"].statuses("/api/v1/handoff", stack["site"])) == polls  # no more polling
    assert not page.console_errors and not staff.dialogs
