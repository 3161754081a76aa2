"""The Gradio UI, served for real on 127.0.0.1 over the real agent (no LLM, for speed) on the demo
index, and driven through its own HTTP API with gradio_client; a few handlers are also called
directly as Python functions (same objects the page uses). Nothing is mocked."""

from __future__ import annotations

import html
import json
import re
import urllib.request

import pytest

from tests.conftest import free_port

DATA_PRICE = re.compile(r'class="sa-price" data-price="([\d.]+)"')
CARD_ID = re.compile(r'class="sa-card" data-product-id="([^"]+)"')
XSS_TITLE = "<img src=x onerror=alert(1)>"
XSS_PRODUCTS = [
    {"id": "XSS-1", "title": XSS_TITLE, "description": "Over-ear wireless headphones with noise cancelling.",
     "category": ["Audio", "Headphones"], "brand": "Evil<b>corp</b>", "price": 99.0, "currency": "USD",
     "color": "Black", "in_stock": True, "url": "javascript:alert(3)", "image_url": "x"},
    {"id": "XSS-2", "title": "Studio ${7*7} {{value}} Headphones", "description": "Closed-back wired headphones.",
     "category": ["Audio", "Headphones"], "brand": "Plainsound", "price": 79.0, "currency": "USD", "color": "Black",
     "in_stock": True, "url": "https://shop.example/p/XSS-2\"onmouseover=\"alert(4)",
     "image_url": "https://img.example.com/a.jpg\");background:url(javascript:alert(5)"},
]


def _text(message: dict) -> str:
    """A chat message's text: gradio 6 sends content as a list of {"type": "text", "text"} parts."""
    content = message["content"]
    if isinstance(content, str):
        return content
    return "".join(part.get("text", "") for part in content if isinstance(part, dict))


def _agent(index, home):
    from assistant.agent import ShoppingAssistant

    return ShoppingAssistant.over_index(index, home)


@pytest.fixture(scope="module")
def served_ui(demo_index, tmp_path_factory):
    from assistant.ui import build_ui

    assistant = _agent(demo_index, tmp_path_factory.mktemp("ui-home"))
    demo = build_ui(assistant)
    port = free_port()
    _, url, _ = demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True, ssr_mode=False)
    try:
        yield {"url": url, "assistant": assistant, "demo": demo}
    finally:
        demo.close()


def _client(served_ui):
    """A new client: a new browser session (its own gr.State values)."""
    from gradio_client import Client

    return Client(served_ui["url"], verbose=False)


@pytest.fixture(scope="module")
def client(served_ui):
    return _client(served_ui)


def _chat(client, message: str, history=None, user_id: str = "") -> list[tuple]:
    """Every streamed update of one turn, in order: (history, textbox, heading, *cards)."""
    job = client.submit(message, history or [], user_id, api_name="/chat")
    job.result(timeout=180)
    return list(job.outputs())


def _cards(update: tuple) -> list[str]:
    return [c for c in update[3:] if isinstance(c, str) and c]


def test_page_is_served_from_this_machine(served_ui):
    with urllib.request.urlopen(served_ui["url"], timeout=30) as response:
        assert response.status == 200
        page = response.read().decode()
    assert "window.gradio_config" in page and "Shop assistant" in page  # the title is set by the frontend
    # Scripts and stylesheets the browser loads come from the app itself, not a CDN.
    assets = re.findall(r"<(?:script|link)\b[^>]*\b(?:src|href)=\"([^\"]+)\"", page)
    assert assets, "no assets found in the page"
    assert not [a for a in assets if re.match(r"(https?:)?//", a)], assets
    # Both tabs are there, and the config asks for no analytics.
    config = json.loads(urllib.request.urlopen(served_ui["url"] + "config", timeout=30).read())
    labels = {c.get("props", {}).get("label") for c in config["components"]}
    assert {"Shop", "Support lookup"} <= labels
    assert config.get("analytics_enabled") is False


def test_streamed_turn_ends_with_product_cards_within_budget(client):
    updates = _chat(client, "headphones under 150")
    final = updates[-1]
    history = final[0]
    assert _text(history[0]) == "headphones under 150" and history[0]["role"] == "user"
    assert [m["role"] for m in history[1:]] == ["assistant"]

    # The reply grew over several updates, each a prefix of the final reply.
    reply = _text(history[1])
    partials = [_text(u[0][1]) for u in updates if len(u[0]) > 1]
    assert len(set(partials)) >= 3, partials
    assert all(reply.startswith(p.strip()) for p in partials if p.strip())

    # The cards come with the final update, not before; their catalog prices respect the budget.
    assert all(not _cards(u) for u in updates[:-1])
    cards = _cards(final)
    assert "Recommended for you" in final[2] and len(cards) >= 3
    prices = [float(p) for card in cards for p in DATA_PRICE.findall(card)]
    assert len(prices) == len(cards) and all(p <= 150 for p in prices), prices
    for card in cards:
        assert re.search(r">[\d,]+\.\d\d USD</span>", card), card
        assert 'class="sa-link" href="https://' in card and 'rel="noopener noreferrer nofollow"' in card
        assert 'class="sa-initial">' in card  # the placeholder; the demo's *.invalid images are not requested
        assert "background-image" not in card and "<img" not in card

    # The same browser session continues the conversation: "cheaper" refines the last request.
    follow = _chat(client, "something cheaper", history=history)[-1]
    assert len(follow[0]) == len(history) + 2 and _text(follow[0][len(history)]) == "something cheaper"
    cheaper = [float(p) for card in _cards(follow) for p in DATA_PRICE.findall(card)]
    assert cheaper and max(cheaper) < max(prices)


def test_bad_input_is_shown_in_the_chat(client):
    empty = _chat(client, "   ")[-1][0]
    assert _text(empty[-1]).startswith("⚠️") and "empty" in _text(empty[-1])

    too_long = _chat(client, "x" * 5000)[-1][0]
    assert "limit" in _text(too_long[-1])

    bad_user = _chat(client, "running shoes", user_id="a\x00b")[-1][0]
    assert "user id" in _text(bad_user[-1])


def test_hostile_catalog_text_is_shown_as_text(embedder, tmp_path):
    """A turn over a catalog whose titles, brands and URLs are HTML/template injections: the
    card HTML carries them escaped; unsafe links and images are left out."""
    from assistant.ui import build_ui
    from retrieval.ingest import ingest_file
    from retrieval.store import IndexLocation, ShopIndex

    index = ShopIndex(IndexLocation(home=tmp_path / "xss"), embedder)
    catalog = tmp_path / "xss.jsonl"
    catalog.write_text("".join(json.dumps(p) + "\n" for p in XSS_PRODUCTS), encoding="utf-8")
    assert ingest_file(index, catalog, "product", progress=False).rejected == 0
    ui = build_ui(_agent(index, tmp_path / "home")).shop_ui

    final = list(ui.respond("headphones", [], None, ""))[-1]
    shown, cards = final[3], [c for c in final[5 + ui.n_slots:] if c]
    assert {p["id"] for p in shown} == {"XSS-1", "XSS-2"} and len(cards) == 2
    card = "".join(cards)
    assert "<img" not in card and "<b>" not in card and "onerror=" not in card.replace("onerror=alert(1)&gt;", "")
    assert html.escape(XSS_TITLE) in card  # shown literally
    assert "Evil&lt;b&gt;corp&lt;/b&gt;" in card
    assert 'href="javascript' not in card and 'href="' not in card.split('data-product-id="XSS-1"')[1].split("</article>")[0]
    assert "${" not in card and "{{" not in card and "Studio &#36;&#123;7*7&#125;" in card
    assert '"onmouseover' not in card and "&quot;onmouseover" in card  # the quote stays inside href
    # The image URL cannot close the CSS url("...") or the attribute: quotes and parentheses are encoded.
    style = re.search(r'style="([^"]*)"', card).group(1)
    assert style.startswith("background-image: url(&quot;https://img.example.com/a.jpg%22%29")
    assert style.count("&quot;") == 2 and "(" not in style.split("url(", 1)[1]

    # The chat reply names the titles; what goes to the Chatbot can start no tag.
    reply = _text(final[0][-1])
    assert "<" not in reply and "&lt;img src=x onerror=alert(1)>" in reply and "Studio ${7*7} {{value}}" in reply
    # The feedback line and its toast carry the title escaped, inside our own <strong>.
    from assistant.ui import _esc

    for slot in range(2):
        status, _, _ = ui.feedback(slot, "like", shown, final[2], "")
        assert status.count("<") == 2 and f"<strong>{_esc(shown[slot]['title'])}</strong>" in status
        assert "<img" not in status and "${" not in status and "{{" not in status


def test_chat_messages_are_plain_text(served_ui):
    """The Chatbot renders no Markdown, LaTeX or custom tags; `_chat_text` escapes what its HTML
    parser would still read, and nothing else."""
    from assistant.ui import _chat_text

    config = json.loads(urllib.request.urlopen(served_ui["url"] + "config", timeout=30).read())
    (chat,) = [c["props"] for c in config["components"] if c.get("type") == "chatbot"]
    assert chat["render_markdown"] is False and chat["sanitize_html"] is True
    assert chat["latex_delimiters"] == [] and chat["allow_tags"] is False

    assert _chat_text('<img src="http://127.0.0.1:9/p.gif">') == '&lt;img src="http://127.0.0.1:9/p.gif">'
    assert _chat_text("</span><a href=x>") == "&lt;/span>&lt;a href=x>"
    # A character reference in catalog text stays visible as typed; a lone & is left alone.
    assert _chat_text("Black & Decker, R&D, &lt;b&gt; &#60;") == "Black & Decker, R&amp;D, &amp;lt;b&amp;gt; &amp;#60;"
    # Markdown is just characters now: unchanged, newlines kept.
    text = "1. [Click for a refund](https://evil.example/phish) ![x](http://127.0.0.1:9/p.gif)\n2. **b** `c` $$x$$"
    assert _chat_text(text) == text


def test_product_card_fields():
    from assistant.events import ProductOut
    from assistant.ui import image_url_to_show, product_card

    card = product_card(1, ProductOut(id="X1", title="shoe [2-pack] *sale*", price=1234.5, currency="EUR",
                                      reason="fits", url="https://shop.example/p/X1", brand="Acme", rating=4.25,
                                      in_stock=False, image_url="https://cdn.shop.example.com/x1.jpg"))
    assert '<span class="sa-title-text">shoe [2-pack] *sale*</span>' in card
    assert '<span class="sa-price" data-price="1234.50">1,234.50 EUR</span>' in card
    assert '<span class="sa-initial">S</span>' in card and "url(&quot;https://cdn.shop.example.com/x1.jpg&quot;)" in card
    assert 'href="https://shop.example/p/X1"' in card and "out of stock" in card and "★ 4.2" in card
    assert "price n/a" in product_card(2, ProductOut(id="X2", title="T", price=None, currency="USD", reason=""))
    assert image_url_to_show("https://demo.shopassist.invalid/img/1.jpg") is None
    assert image_url_to_show("data:image/png;base64,AAAA") is None and image_url_to_show("//x.com/a.jpg") is None


def test_feedback_buttons_record_profile_events(served_ui):
    profiles = served_ui["assistant"].profiles
    client = _client(served_ui)
    final = _chat(client, "running shoes under 100", user_id="ui-shopper-1")[-1]
    ids = [CARD_ID.search(c).group(1) for c in _cards(final)]
    titles = [html.unescape(re.search(r'class="sa-title-text">([^<]*)<', c).group(1)) for c in _cards(final)]
    assert len(ids) >= 3

    status, message = client.predict("ui-shopper-1", api_name="/like_0")
    assert "Noted" in status and f"<strong>{html.escape(titles[0])}</strong>" in status  # escaped HTML
    client.predict("ui-shopper-1", api_name="/dislike_1")
    status, message = client.predict("ui-shopper-1", api_name="/more_like_this_2")
    assert message == f"Show me more like {titles[2]}"  # what the page then sends as the next chat turn

    events = [(e.event, e.product_id) for e in profiles.events("ui-shopper-1") if e.event != "view"]
    assert events == [("more_like_this", ids[2]), ("dislike", ids[1]), ("like", ids[0])]
    session_ids = {e.session_id for e in profiles.events("ui-shopper-1")}
    assert len(session_ids) == 1 and None not in session_ids  # the chat's session, views included

    # Without a user id the events are kept under "session:<session id>", like the HTTP API does.
    anonymous = _client(served_ui)
    _chat(anonymous, "headphones under 150")
    before = set(profiles.users())
    anonymous.predict("", api_name="/like_0")
    users = [u for u in profiles.users() if u.startswith("session:")]
    liked = [u for u in users if any(e.event == "like" for e in profiles.events(u))]
    assert len(liked) == 1 and liked[0] in before  # the same session the chat's views were kept under
    (like,) = [e for e in profiles.events(liked[0]) if e.event == "like"]
    assert liked[0] == f"session:{like.session_id}"

    # A card slot with nothing in it, or a bad user id: an error, nothing recorded.
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="no product"):
        _client(served_ui).predict("", api_name="/like_0")  # a new session: no cards shown yet
    with pytest.raises(AppError, match="user id"):
        client.predict("bad\x00id", api_name="/like_0")
    assert len([e for e in profiles.events("ui-shopper-1") if e.event != "view"]) == 3


def test_preferences_round_trip_and_validation(served_ui):
    from assistant.profile import StatedPreferences

    profiles = served_ui["assistant"].profiles
    client = _client(served_ui)
    empty = client.predict("ui-shopper-2", api_name="/load_preferences")
    assert list(empty[:6]) in ([None, None, [], [], [], []], [0, 0, [], [], [], []]) and "No preferences" in empty[6]

    saved = client.predict("ui-shopper-2", 120, 0, ["Veloxa", "veloxa"], ["Kairo"], ["10"], ["Black"],
                           api_name="/save_preferences")
    assert saved[0].startswith("✅ Saved")
    assert profiles.get_preferences("ui-shopper-2") == StatedPreferences(
        max_budget=120, preferred_brands=["Veloxa"], avoided_brands=["Kairo"], sizes=["10"], colors=["Black"])
    loaded = client.predict("ui-shopper-2", api_name="/load_preferences")
    assert loaded[0] == 120 and loaded[1] in (None, 0) and list(loaded[2:6]) == [["Veloxa"], ["Kairo"], ["10"], ["Black"]]
    assert "Loaded" in loaded[6]

    # Invalid: shown in the status, nothing changed in the store.
    bad = client.predict("ui-shopper-2", 50, 200, [], [], [], [], api_name="/save_preferences")
    assert bad[0].startswith("⚠️ Not saved") and "above max" in bad[0]
    both = client.predict("ui-shopper-2", None, None, ["Kairo"], ["kairo"], [], [], api_name="/save_preferences")
    assert "both preferred and avoided" in both[0]
    negative = client.predict("ui-shopper-2", -5, None, [], [], [], [], api_name="/save_preferences")
    assert "max budget" in negative[0] and "greater than or equal to 0" in negative[0]
    assert profiles.get_preferences("ui-shopper-2").max_budget == 120

    # The stated preferences shape the shopper's results: a max budget of 120 caps the prices.
    final = _chat(client, "running shoes", user_id="ui-shopper-2")[-1]
    prices = [float(p) for card in _cards(final) for p in DATA_PRICE.findall(card)]
    assert prices and all(p <= 120 for p in prices), prices


def test_reset_session_clears_the_conversation(served_ui):
    assistant = served_ui["assistant"]
    ui = served_ui["demo"].shop_ui
    final = list(ui.respond("running shoes under 100", [], None, "ui-shopper-3"))[-1]
    session_id = final[2]
    assert assistant.sessions.load(session_id)[1]  # the turn was kept
    out = ui.reset(session_id)
    history, box, new_session, status, shown = out[:5]
    assert history == [] and box == "" and shown == [] and new_session != session_id and "new conversation" in status
    assert assistant.sessions.load(session_id) == assistant.sessions.load("never-used")  # forgotten server side
    assert not any(out[6 + ui.n_slots:])  # every card emptied

    # Through the client too: the chat comes back empty.
    client = _client(served_ui)
    _chat(client, "hello")
    result = client.predict(api_name="/reset_session")
    assert result[0] == [] and "new conversation" in result[2]


@pytest.mark.parametrize("question, confident", [("when will I get my refund", True), ("what is the capital of france", False)])
def test_support_lookup(client, question, confident):
    out = client.predict(question, 3, api_name="/support_lookup")
    banner, rest = out[0], out[1:]
    headers, answers = rest[0::2], rest[1::2]
    shown = [(h, a) for h, a in zip(headers, answers) if h]
    assert len(shown) == 3  # k answers, each with its id, score and source
    for header, answer in shown:
        assert re.search(r"id <code>[^<]+</code> · score <strong>\d\.\d{3}</strong> · source: ", header) and answer.strip()
    if confident:
        assert "Confident match" in banner and "No confident" not in banner
        assert "refund" in shown[0][0].lower() and "refund" in shown[0][1].lower()
    else:
        assert "No confident match" in banner


def test_support_lookup_input_checks(client):
    assert "Type the customer's question" in client.predict("   ", 3, api_name="/support_lookup")[0]
    assert "limit" in client.predict("x" * 5000, 3, api_name="/support_lookup")[0]
    out = client.predict("how long does shipping take", 10, api_name="/support_lookup")
    assert sum(1 for h in out[1::2] if h) >= 5
