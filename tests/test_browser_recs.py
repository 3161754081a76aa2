"""The recommendation rows in a real browser (issue 14): the Gradio page (assistant/ui.py +
assistant/ui_recs.py) and the embeddable widget (assistant/static/widget.js over the real API),
both over a real index of 80 demo products and models trained by the real `train recs` code on
a SIMULATED event log (evals/sim_shoppers.py). Debian's chromium through Playwright (never
`playwright install`); nothing is mocked.

Covered: a "For you" row for a known shopper, with reasons; "Not for me" on one of its items is
recorded as a dislike and the row drawn at once without it or its near-duplicates; "Often bought
together" under the cards names the first product and lists its co-bought / co-viewed items."""

from __future__ import annotations

import time

import pytest

from tests.browser_helpers import (
    CHROMIUM_ARGS,
    StaticSite,
    UvicornThread,
    chromium_path,
    host_page,
    screenshot,
    write_site,
)
from tests.conftest import free_port
from tests.recs_helpers import trained_shop

playwright_sync = pytest.importorskip("playwright.sync_api", reason="pip install playwright (browser tests)")
if chromium_path() is None:
    pytest.skip("chromium not found: apt-get install -y chromium (browser tests)", allow_module_level=True)

pytestmark = pytest.mark.slow

N_PRODUCTS = 80
TURN_TIMEOUT_MS = 180_000  # a turn on 2 busy cores; waited for, never asserted on
ROW_TIMEOUT_MS = 60_000


@pytest.fixture(scope="module")
def shop(tmp_path_factory, embedder):
    """A home with the first demo products indexed, a simulated log of 60 shoppers, trained models."""
    shop = trained_shop(tmp_path_factory.mktemp("browser-recs"), embedder, products=N_PRODUCTS, shoppers=60, seed=7)
    return {"home": shop.home, "index": shop.index, "agent": shop.agent, "shoppers": shop.shoppers_by_activity()}


@pytest.fixture(scope="module")
def browser():
    with playwright_sync.sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    yield pg
    try:
        screenshot(pg, request.node.name)
    finally:
        context.close()


def _recommender(shop):
    from assistant.recs.service import recommender_for

    return recommender_for(shop["index"], shop["agent"].profiles)


def _check_dismissed(shop, user: str, dismissed: str, now_shown: list[str]) -> None:
    """The dislike is stored, and nothing now shown is it or one of its near-duplicates."""
    profiles = shop["agent"].profiles
    assert dismissed in [e.product_id for e in profiles.events(user) if e.event == "dislike"]
    rec = _recommender(shop)
    catalog = rec.catalog()
    blocked = rec.blocked(catalog, rec.history(user, catalog))
    assert blocked[catalog.position[dismissed]]
    assert dismissed not in now_shown
    assert not any(blocked[catalog.position[pid]] for pid in now_shown), now_shown


def _check_together(shop, anchor: str, heading: str, ids: list[str], titles: dict[str, str]) -> None:
    """The row names the first card's product and lists what co-occurs with it."""
    assert titles[anchor] in heading
    linked = _recommender(shop).recommend(product_id=anchor, k=50)
    kinds = {r.id: r.reason_kind for r in linked.items}
    assert ids and all(kinds.get(pid) in ("co_bought", "co_viewed") for pid in ids), (ids, kinds)


# --- the Gradio page -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ui(shop):
    from assistant.ui import build_ui

    demo = build_ui(shop["agent"], staff=False)
    _, url, _ = demo.launch(server_name="127.0.0.1", server_port=free_port(), prevent_thread_lock=True, quiet=True,
                            ssr_mode=False)
    try:
        yield url
    finally:
        demo.close()


def _ui_row_ids(page, kind: str) -> list[str]:
    return page.eval_on_selector_all(f"#sa-recs .sa-{kind} .sa-rec", "els => els.map(e => e.getAttribute('data-product-id'))")


def test_ui_for_you_row_and_not_for_me_takes_effect_at_once(shop, ui, page):
    user = shop["shoppers"][0]
    page.goto(ui, wait_until="domcontentloaded")
    page.locator("#sa-message textarea").first.wait_for(state="visible", timeout=120_000)
    page.locator("#sa-recs .sa-for-you .sa-rec").first.wait_for(timeout=ROW_TIMEOUT_MS)  # anonymous: popular
    assert "Popular right now" in page.locator("#sa-recs .sa-for-you .sa-recs-heading").text_content()
    box = page.locator("#sa-user textarea, #sa-user input").first
    box.fill(user)
    box.press("Tab")
    page.locator("#sa-recs .sa-for-you .sa-recs-heading").get_by_text("For you", exact=True).wait_for(timeout=ROW_TIMEOUT_MS)
    before = _ui_row_ids(page, "for-you")
    assert len(before) >= 3
    reasons = page.eval_on_selector_all("#sa-recs .sa-for-you .sa-rec-reason", "els => els.map(e => e.textContent)")
    assert all(r.strip().endswith(".") for r in reasons), reasons
    first = page.locator(f'#sa-recs .sa-for-you .sa-rec[data-product-id="{before[0]}"]')
    assert first.locator("button").get_attribute("aria-label").startswith("Not for me: ")
    first.locator("button").click()
    page.wait_for_function(f"() => !document.querySelector('#sa-recs .sa-rec[data-product-id=\"{before[0]}\"]')",
                           timeout=ROW_TIMEOUT_MS)
    page.locator("#sa-recs .sa-for-you .sa-rec").first.wait_for(timeout=ROW_TIMEOUT_MS)
    after = _ui_row_ids(page, "for-you")
    _check_dismissed(shop, user, before[0], after)
    assert after
    assert not page.errors


def test_ui_often_bought_together_under_the_cards(shop, ui, page):
    user = shop["shoppers"][1]
    page.goto(ui, wait_until="domcontentloaded")
    page.locator("#sa-message textarea").first.wait_for(state="visible", timeout=120_000)
    box = page.locator("#sa-user textarea, #sa-user input").first
    box.fill(user)
    box.press("Tab")
    message = page.locator("#sa-message textarea").first
    message.fill("running shoes")
    message.press("Enter")
    cards = page.locator("#sa-cards .sa-card")
    cards.first.wait_for(timeout=TURN_TIMEOUT_MS)
    page.locator("#sa-recs .sa-together .sa-rec").first.wait_for(timeout=TURN_TIMEOUT_MS)
    anchor = cards.first.get_attribute("data-product-id")
    heading = page.locator("#sa-recs .sa-together .sa-recs-heading").text_content()
    titles = {anchor: " ".join(cards.first.locator(".sa-title-text").text_content().split())}
    ids = _ui_row_ids(page, "together")
    assert anchor not in ids and heading.startswith("Often bought together with the ")
    _check_together(shop, anchor, heading, ids, titles)
    # the shopper's row is there too, and shows nothing the cards already show
    shown = [c.get_attribute("data-product-id") for c in cards.all()]
    assert not set(_ui_row_ids(page, "for-you")) & set(shown)
    screenshot(page, "test_browser_recs-ui-rows")
    assert not page.errors


# --- the widget over the API ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def widget_site(shop, tmp_path_factory):
    from assistant.api import create_app
    from assistant.sitekeys import add_site, sign_user

    root = tmp_path_factory.mktemp("browser-recs-widget")
    site_dir = root / "site"
    site_dir.mkdir()
    user = shop["shoppers"][2]
    with StaticSite(site_dir) as site:
        registered = add_site(root / "sites.json", "Recs shop", [site.origin], rate_per_minute=1000,
                              session_rate_per_minute=100, client_rate_per_minute=1000, sessions_per_client_per_minute=1000)
        app = create_app(None, shop["agent"], sites_path=root / "sites.json")
        with UvicornThread(app) as api:
            write_site(site_dir, {"index.html": host_page(api.url, registered.key),
                                  "signed-in.html": host_page(api.url, registered.key, user_id=user,
                                                              signature=sign_user(registered.secret, user))})
            yield {"site": site.origin, "user": user}


def _open_widget(page, url: str) -> None:
    page.goto(url, wait_until="load")
    bubble = page.locator("shopassist-widget .sa-bubble")
    bubble.wait_for(state="visible", timeout=30_000)
    bubble.click()
    page.locator("shopassist-widget .sa-panel").wait_for(state="visible")


def _widget_ids(page, kind: str) -> list[str]:
    return page.evaluate(
        """kind => Array.from(document.querySelector('shopassist-widget').shadowRoot
                 .querySelectorAll('.sa-recs-' + kind + ' .sa-rec')).map(e => e.getAttribute('data-product-id'))""", kind)


def test_widget_for_you_row_and_not_for_me_takes_effect_at_once(shop, widget_site, page):
    _open_widget(page, f"{widget_site['site']}/signed-in.html")
    row = page.locator("shopassist-widget .sa-recs-for-you")
    row.locator(".sa-rec").first.wait_for(timeout=ROW_TIMEOUT_MS)  # a signed-in shopper the models know
    assert row.locator(".sa-recs-label").text_content() == "For you"
    before = _widget_ids(page, "for-you")
    assert len(before) >= 3
    first = row.locator(f'.sa-rec[data-product-id="{before[0]}"]')
    assert first.locator(".sa-rec-reason").text_content().strip()
    first.locator("button.sa-rec-no").click()
    page.wait_for_function(
        """pid => !document.querySelector('shopassist-widget').shadowRoot
                 .querySelector('.sa-recs-for-you .sa-rec[data-product-id="' + pid + '"]')""",
        arg=before[0], timeout=ROW_TIMEOUT_MS)
    page.locator("shopassist-widget .sa-recs-for-you .sa-rec").first.wait_for(timeout=ROW_TIMEOUT_MS)
    _check_dismissed(shop, widget_site["user"], before[0], _widget_ids(page, "for-you"))
    assert not page.errors


def test_widget_often_bought_together_under_the_cards(shop, widget_site, page):
    _open_widget(page, f"{widget_site['site']}/index.html")  # anonymous: the row comes with the first turn
    box = page.locator("shopassist-widget .sa-input")
    box.fill("running shoes")
    box.press("Enter")
    cards = page.locator("shopassist-widget .sa-cards .sa-card")
    cards.first.wait_for(timeout=TURN_TIMEOUT_MS)
    together = page.locator("shopassist-widget .sa-cards .sa-recs-together")
    together.locator(".sa-rec").first.wait_for(timeout=TURN_TIMEOUT_MS)
    anchor = cards.first.get_attribute("data-product-id")
    titles = {anchor: " ".join(cards.first.locator(".sa-card-title").text_content().split())}
    heading = together.locator(".sa-recs-label").text_content()
    ids = _widget_ids(page, "together")
    assert anchor not in ids and heading.startswith("Often bought together with the ")
    _check_together(shop, anchor, heading, ids, titles)
    # after the turn, the anonymous shopper's row: popular (they did nothing yet but look)
    page.locator("shopassist-widget .sa-recs-for-you .sa-rec").first.wait_for(timeout=ROW_TIMEOUT_MS)
    screenshot(page, "test_browser_recs-widget-rows")
    assert not page.errors


def test_widget_reports_a_clicks_position_and_query_and_the_dwell(shop, widget_site, page):
    """A click on a card's title is a `click` with its position and the message that showed it;
    coming back to the page from the product page it opened is a `dwell` with the time away."""
    _open_widget(page, f"{widget_site['site']}/signed-in.html")
    box = page.locator("shopassist-widget .sa-input")
    box.fill("running shoes")
    box.press("Enter")
    cards = page.locator("shopassist-widget .sa-cards .sa-card")
    cards.nth(1).wait_for(timeout=TURN_TIMEOUT_MS)
    product = cards.nth(1).get_attribute("data-product-id")
    started = time.time()
    with page.context.expect_page() as opened:
        cards.nth(1).locator(".sa-card-title a").click()
    opened.value.close()
    page.wait_for_timeout(1500)
    page.evaluate("() => document.dispatchEvent(new Event('visibilitychange'))")  # this tab is shown again
    user = widget_site["user"]

    def stored():
        events = [e for e in shop["agent"].profiles.events(user) if e.product_id == product and e.ts >= started]
        return {e.event: e for e in events if e.event in ("click", "dwell")}

    for _ in range(300):
        if len(stored()) == 2:
            break
        page.wait_for_timeout(100)
    got = stored()
    assert (got["click"].position, got["click"].query) == (1, "running shoes")
    assert got["dwell"].dwell_seconds is not None and got["dwell"].dwell_seconds >= 1.0
    assert not page.errors
