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
    """Every streamed update of one turn, in order: (history, textbox, cards HTML, poll timer)."""
    job = client.submit(message, history or [], user_id, api_name="/chat")
    job.result(timeout=180)
    return list(job.outputs())


def _skipped(value) -> bool:
    """gr.skip(): the output is left as it is."""
    return isinstance(value, dict) and value.get("__type__") == "update" and not value.get("value")


def _split_cards(section: str) -> list[str]:
    return ['<article class="sa-card"' + c.split("</article>")[0] + "</article>" for c in section.split('<article class="sa-card"')[1:]]


def _cards(update: tuple) -> list[str]:
    """The cards of an update of the chat (its cards HTML, when it changed them)."""
    section = update[2] if len(update) > 2 else None
    return _split_cards(section) if isinstance(section, str) else []


def _shown_cards(updates: list[tuple]) -> list[str]:
    """The cards on the page after a turn: the last update that changed them."""
    changed = [u for u in updates if isinstance(u[2], str)]
    return _cards(changed[-1]) if changed else []


def _last(outputs: list[tuple], index: int):
    """What output `index` holds after the handler's updates (gr.skip() leaves it as it was)."""
    value = None
    for out in outputs:
        if not _skipped(out[index]):
            value = out[index]
    return value


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
    assert {"Shop", "Support"} <= labels
    assert config.get("analytics_enabled") is False


def test_streamed_turn_shows_product_cards_within_budget(client):
    updates = _chat(client, "headphones under 150")
    final = updates[-1]
    history = final[0]
    assert _text(history[0]) == "headphones under 150" and history[0]["role"] == "user"
    assert [m["role"] for m in history[1:]] == ["assistant"]

    # The reply grew over several updates, each a prefix of the final reply.
    reply = _text(history[1])
    partials = [_text(u[0][1]) for u in updates if len(u[0]) > 1]
    assert len(set(partials)) >= 2, partials
    assert all(reply.startswith(p.strip()) for p in partials if p.strip())

    # The cards come once, as soon as the agent has decided the products (before the reply ends);
    # their catalog prices respect the budget.
    with_cards = [i for i, u in enumerate(updates) if _cards(u)]
    assert len(with_cards) == 1 and with_cards[0] < len(updates) - 1, with_cards
    section = updates[with_cards[0]][2]
    assert 'class="sa-grid" role="list"' in section and "Matching your request" in section
    cards = _cards(updates[with_cards[0]])
    assert len(cards) >= 3
    prices = [float(p) for card in cards for p in DATA_PRICE.findall(card)]
    assert len(prices) == len(cards) and all(p <= 150 for p in prices), prices
    for card in cards:
        assert re.search(r">&#36;[\d,]+(?:\.\d\d)?</span>", card), card  # "$65.95", its $ made inert
        assert 'class="sa-link" href="https://' in card and 'rel="noopener noreferrer nofollow"' in card
        assert 'class="sa-initial">' in card  # the placeholder; the demo's *.invalid images are not requested
        assert "background-image" not in card and "<img" not in card
        # Four icon buttons, each with its accessible label; no emoji anywhere.
        actions = re.findall(r'<button type="button" class="sa-act[^"]*" data-action="([a-z_]+)" aria-pressed="false" '
                             r'aria-label="([^"]+)"', card)
        assert [a for a, _ in actions] == ["like", "dislike", "more_like_this", "add_to_cart"], card
        assert all(label.strip() for _, label in actions) and card.count('<svg class="sa-icon"') >= 4
        assert not re.search("[\U0001F300-\U0001FAFF\u2705\u26A0]", card)

    # The same browser session continues the conversation: "cheaper" refines the last request.
    follow = _chat(client, "something cheaper", history=history)
    assert len(follow[-1][0]) == len(history) + 2 and _text(follow[-1][0][len(history)]) == "something cheaper"
    cheaper = [float(p) for card in _shown_cards(follow) for p in DATA_PRICE.findall(card)]
    assert cheaper and max(cheaper) < max(prices)

    # An FAQ turn leaves the cards alone: what was just shown can still be liked.
    faq = _chat(client, "what is your return policy?", history=follow[-1][0])
    assert all(not isinstance(u[2], str) for u in faq), "an FAQ turn must not replace the cards"
    assert "[returns-policy]" not in _text(faq[-1][0][-1]) and "return" in _text(faq[-1][0][-1]).lower()
    status = client.predict(0, "like", "", api_name="/card_action")
    assert "Noted" in status


def test_bad_input_is_shown_in_the_chat(client):
    empty = _chat(client, "   ")[-1][0]
    assert _text(empty[-1]).startswith("Sorry:") and "empty" in _text(empty[-1])

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
    from assistant.ui import _chat_text

    outputs = list(ui.respond("headphones", [], None, ""))
    final = outputs[-1]
    shown, cards = _last(outputs, 3), _split_cards(_last(outputs, 4))
    assert {p["id"] for p in shown} == {"XSS-1", "XSS-2"} and len(cards) == 2
    card = "".join(cards)
    assert "<img" not in card and "<b>" not in card and "onerror=" not in card.replace("onerror=alert(1)&gt;", "")
    assert html.escape(XSS_TITLE) in card  # shown literally
    assert "Evil&lt;b&gt;corp&lt;/b&gt;" in card
    assert 'href="javascript' not in card and 'href="' not in card.split('data-product-id="XSS-1"')[1].split("</article>")[0]
    assert "${" not in card and "{{" not in card and "Studio &#36;&#123;7*7&#125;" in card
    assert 'aria-label="Like &lt;img src=x onerror=alert(1)&gt;"' in card  # labels carry the title escaped too
    assert '"onmouseover' not in card and "&quot;onmouseover" in card  # the quote stays inside href
    # The image URL cannot close the CSS url("...") or the attribute: quotes and parentheses are encoded.
    style = re.search(r'style="([^"]*)"', card).group(1)
    assert style.startswith("background-image: url(&quot;https://img.example.com/a.jpg%22%29")
    assert style.count("&quot;") == 2 and "(" not in style.split("url(", 1)[1]

    # The chat reply may name the titles; what goes to the Chatbot can start no tag.
    reply = _text(final[0][-1])
    assert "<" not in reply and ("&lt;img src=x onerror=alert(1)>" in reply or "Studio ${7*7} {{value}}" in reply), reply
    assert _chat_text("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)>"
    # The feedback line and its toast carry the title escaped, inside our own <strong>.
    from assistant.ui import _esc

    for slot in range(2):
        status, _, _ = ui.feedback(slot, "like", shown, final[2], "")
        assert status.count("<") == 4 and f"<strong>{_esc(shown[slot]['title'])}</strong>" in status
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
    from assistant.ui import cards_html, image_url_to_show, product_card, shopper_text

    card = product_card(1, ProductOut(id="X1", title="shoe [2-pack] *sale*", price=1234.5, currency="EUR",
                                      reason="fits", url="https://shop.example/p/X1", brand="Acme", rating=4.25,
                                      in_stock=False, image_url="https://cdn.shop.example.com/x1.jpg"))
    assert '<span class="sa-title-text">shoe [2-pack] *sale*</span>' in card
    assert '<span class="sa-price" data-price="1234.50">€1,234.50</span>' in card
    assert '<span class="sa-initial">S</span>' in card and "url(&quot;https://cdn.shop.example.com/x1.jpg&quot;)" in card
    assert 'href="https://shop.example/p/X1"' in card and "out of stock" in card and '</svg>4.2<span class="sa-sr"> out of 5</span>' in card
    assert '<span class="sa-n">1</span>' in card and 'data-slot="0"' in card and 'data-currency="EUR"' in card
    for label in ("Like shoe [2-pack] *sale*", "Not for me: shoe [2-pack] *sale*", "More like shoe [2-pack] *sale*",
                  "Add shoe [2-pack] *sale* to cart"):
        assert f'aria-label="{label}"' in card, label
    assert 'role="group" aria-label="Actions for shoe [2-pack] *sale*"' in card
    # The server's price text wins; no price reads as such.
    assert ">₹1,499</span>" in product_card(2, ProductOut(id="X3", title="T", price=1499, currency="INR", price_text="₹1,499", reason=""))
    assert "price on request" in product_card(2, ProductOut(id="X2", title="T", price=None, currency="USD", reason=""))
    # Only images that can load are asked for: http(s), and never hosts that cannot resolve.
    assert image_url_to_show("https://demo.shopassist.invalid/img/1.jpg") is None
    assert image_url_to_show("http://shop.test/a.jpg") is None and image_url_to_show("http://img.localhost/a.jpg") is None
    assert image_url_to_show("data:image/png;base64,AAAA") is None and image_url_to_show("//x.com/a.jpg") is None
    assert image_url_to_show("https://cdn.shop.example.com/x1.jpg") == "https://cdn.shop.example.com/x1.jpg"
    # The grid is an ordered list (screen readers say "2 of 5"); an empty one says what will come.
    grid = cards_html("Matching your request", [ProductOut(id="A", title="a", price=1, currency="USD", reason="")])
    assert '<ol class="sa-grid" role="list"><li class="sa-cell">' in grid and 'aria-labelledby="sa-results-heading"' in grid
    assert "sa-empty" in cards_html("", [])
    # Shoppers never read an FAQ entry's id.
    assert shopper_text("Free returns.\n(Source: FAQ “What is your return policy?” [returns-policy])") == \
        "Free returns.\n(Source: FAQ “What is your return policy?”)"
    assert shopper_text("(From our FAQ: “Q?”)") == "(From our FAQ: “Q?”)"


def test_feedback_buttons_record_profile_events(served_ui):
    profiles = served_ui["assistant"].profiles
    client = _client(served_ui)
    cards = _shown_cards(_chat(client, "running shoes under 100", user_id="ui-shopper-1"))
    ids = [CARD_ID.search(c).group(1) for c in cards]
    titles = [html.unescape(re.search(r'class="sa-title-text">([^<]*)<', c).group(1)) for c in cards]
    assert len(ids) >= 4

    status = client.predict(0, "like", "ui-shopper-1", api_name="/card_action")
    assert "Noted" in status and f"<strong>{html.escape(titles[0])}</strong>" in status  # escaped HTML
    client.predict(1, "dislike", "ui-shopper-1", api_name="/card_action")
    status = client.predict(3, "add_to_cart", "ui-shopper-1", api_name="/card_action")
    assert "Added" in status and "to your cart" in status

    events = [(e.event, e.product_id) for e in profiles.events("ui-shopper-1") if e.event != "view"]
    assert events == [("add_to_cart", ids[3]), ("dislike", ids[1]), ("like", ids[0])]
    session_ids = {e.session_id for e in profiles.events("ui-shopper-1")}
    assert len(session_ids) == 1 and None not in session_ids  # the chat's session, views included

    # "More like this" records the event and asks for similar items as the next message.
    ui = served_ui["demo"].shop_ui
    shown = [{"id": i, "title": t} for i, t in zip(ids, titles)]
    status, follow_up, _ = ui.feedback(2, "more_like_this", shown, "s-more", "ui-shopper-1b")
    assert follow_up == f"Show me more like {titles[2]}" and "Looking for more like" in status
    assert [e.event for e in profiles.events("ui-shopper-1b")] == ["more_like_this"]

    # Without a user id the events are kept under "session:<session id>", like the HTTP API does.
    anonymous = _client(served_ui)
    _chat(anonymous, "headphones under 150")
    before = set(profiles.users())

    def liked_users() -> set[str]:
        return {u for u in profiles.users() if u.startswith("session:") and any(e.event == "like" for e in profiles.events(u))}

    liked_before = liked_users()
    anonymous.predict(0, "like", "", api_name="/card_action")
    liked = sorted(liked_users() - liked_before)
    assert len(liked) == 1 and liked[0] in before  # the same session the chat's views were kept under
    (like,) = [e for e in profiles.events(liked[0]) if e.event == "like"]
    assert liked[0] == f"session:{like.session_id}"

    # A card slot with nothing in it, a card that changed since the click, an unknown action, or
    # a bad user id: an error, nothing recorded.
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="no product"):
        _client(served_ui).predict(0, "like", "", api_name="/card_action")  # a new session: no cards shown yet
    with pytest.raises(AppError, match="user id"):
        client.predict(0, "like", "bad\x00id", api_name="/card_action")
    with pytest.raises(AppError, match="Unknown action"):
        client.predict(0, "purchase", "ui-shopper-1", api_name="/card_action")
    with pytest.raises(gr_error(), match="no product"):
        ui.feedback(0, "like", shown, "s-more", "ui-shopper-1b", product_id="SOMETHING-ELSE")
    assert len([e for e in profiles.events("ui-shopper-1") if e.event != "view"]) == 3


def gr_error():
    import gradio as gr

    return gr.Error


def test_preferences_round_trip_and_validation(served_ui):
    from assistant.profile import StatedPreferences

    profiles = served_ui["assistant"].profiles
    client = _client(served_ui)
    empty = client.predict("ui-shopper-2", api_name="/load_preferences")
    assert list(empty[:6]) == ["", "", [], [], [], []] and "No preferences" in empty[6]  # empty, never "0"

    saved = client.predict("ui-shopper-2", "120", "", ["Veloxa", "veloxa"], ["Kairo"], ["10"], ["Black"],
                           api_name="/save_preferences")
    assert saved[0].startswith("Saved") and saved[1] == "120" and saved[2] == ""
    assert profiles.get_preferences("ui-shopper-2") == StatedPreferences(
        max_budget=120, preferred_brands=["Veloxa"], avoided_brands=["Kairo"], sizes=["10"], colors=["Black"])
    loaded = client.predict("ui-shopper-2", api_name="/load_preferences")
    assert loaded[0] == "120" and loaded[1] == "" and list(loaded[2:6]) == [["Veloxa"], ["Kairo"], ["10"], ["Black"]]
    assert "Loaded" in loaded[6]

    # Invalid: shown in the status, nothing changed in the store.
    bad = client.predict("ui-shopper-2", "50", "200", [], [], [], [], api_name="/save_preferences")
    assert bad[0].startswith("**Not saved:**") and "above max" in bad[0]
    both = client.predict("ui-shopper-2", "", "", ["Kairo"], ["kairo"], [], [], api_name="/save_preferences")
    assert "both preferred and avoided" in both[0]
    negative = client.predict("ui-shopper-2", "-5", "", [], [], [], [], api_name="/save_preferences")
    assert "max budget" in negative[0] and "greater than or equal to 0" in negative[0]
    words = client.predict("ui-shopper-2", "about a hundred", "", [], [], [], [], api_name="/save_preferences")
    assert "max budget" in words[0] and "type a number" in words[0]
    assert profiles.get_preferences("ui-shopper-2").max_budget == 120
    # Amounts as shoppers type them.
    ui = served_ui["demo"].shop_ui
    out = ui.save_preferences("ui-shopper-2b", None, "$1,499.50", "0", [], [], [], [])
    assert out[0].startswith("Saved") and out[2:4] == ("1499.5", "")

    # The stated preferences shape the shopper's results: a max budget of 120 caps the prices.
    cards = _shown_cards(_chat(client, "running shoes", user_id="ui-shopper-2"))
    prices = [float(p) for card in cards for p in DATA_PRICE.findall(card)]
    assert prices and all(p <= 120 for p in prices), prices


def test_reset_session_clears_the_conversation(served_ui):
    assistant = served_ui["assistant"]
    ui = served_ui["demo"].shop_ui
    final = list(ui.respond("running shoes under 100", [], None, "ui-shopper-3"))[-1]
    session_id = final[2]
    assert assistant.sessions.load(session_id)[1]  # the turn was kept
    out = ui.reset(session_id)
    history, box, new_session, status, shown, cards, ticket = out[:7]
    assert history == [] and box == "" and shown == [] and new_session != session_id and "new conversation" in status
    assert assistant.sessions.load(session_id) == assistant.sessions.load("never-used")  # forgotten server side
    assert "sa-card" not in cards and ticket is None  # the cards emptied, no ticket awaited

    # Through the client too: the chat comes back empty.
    client = _client(served_ui)
    _chat(client, "hello")
    result = client.predict(api_name="/reset_session")
    assert result[0] == [] and "new conversation" in result[2] and "sa-card" not in result[3]


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


# --- hand-off: the shop tab opens a ticket and shows the staff's replies; the Support tab answers ---


def test_handoff_ticket_round_trip_in_the_ui(served_ui):
    from assistant.handoff import ticket_store

    ui = served_ui["demo"].shop_ui
    outputs = list(ui.respond("running shoes under 100", [], None, "ui-shopper-4"))
    session_id, history = outputs[-1][2], outputs[-1][0]
    outputs = list(ui.respond("I want to talk to a person", history, session_id, "ui-shopper-4"))
    final = outputs[-1]
    ticket, timer = final[5], final[6]
    assert ticket["seen"] == 0 and timer.active is True  # the page starts polling for the staff's reply
    store = ticket_store(served_ui["assistant"].sessions.path.parent)
    stored = store.get(ticket["id"])
    assert stored.session_id == session_id and stored.user_id == "ui-shopper-4" and stored.status == "open"
    assert [m.content for m in stored.transcript if m.role == "user"] == ["running shoes under 100", "I want to talk to a person"]
    history = final[0]

    # Nothing yet: the poll changes nothing.
    assert all(_skipped(x) for x in ui.poll_ticket(ticket, history)[:2])

    # Staff: the ticket is listed, opened (the lookup question prefilled), answered.
    listing, counts = ui.list_tickets("active", None)
    assert ticket["id"] in [value for _, value in listing.choices] and "waiting for an answer" in counts
    view, question, _ = ui.show_ticket(ticket["id"])
    assert "Ticket " in view and "running shoes under 100" in view
    assert question == "running shoes under 100"  # the shopper's question, not the request for a person
    sent = ui.send_reply(ticket["id"], "Hi, <b>Dana</b> here: which size do you need?", "Dana", "active")
    assert "Sent" in sent[2] and sent[1] == "" and "&lt;b&gt;Dana&lt;/b&gt;" in sent[0]
    assert "**Not sent:**" in ui.send_reply(ticket["id"], "   ", "Dana", "active")[2]

    # The shopper's page shows the reply once, as text.
    history, ticket, timer = ui.poll_ticket(ticket, history)
    assert _text(history[-1]) == "Dana (support team): Hi, &lt;b>Dana&lt;/b> here: which size do you need?"
    assert ticket["seen"] == 1 and _skipped(timer)
    assert all(_skipped(x) for x in ui.poll_ticket(ticket, history)[:2])

    # Closed: the page says so and stops polling; the Support tab lists it under closed.
    closed = ui.close_ticket(ticket["id"], "active")
    assert "is closed" in closed[1] and ticket["id"] not in [v for _, v in closed[2].choices]
    history, ticket_after, timer = ui.poll_ticket(ticket, history)
    assert "closed this conversation" in _text(history[-1]) and ticket_after is None and timer.active is False
    assert ticket["id"] in [v for _, v in ui.list_tickets("closed", None)[0].choices]


def test_ticket_text_is_shown_as_text(tmp_path):
    from assistant.handoff import TicketStore
    from assistant.sessions import ChatMessage, SessionState, SessionStore
    from assistant.ui import ticket_html

    sessions = SessionStore(tmp_path)
    hostile = "<img src=x onerror=alert(1)> ${7*7} {{x}} [a](https://evil.example)\nsecond line"
    sessions.save_turn("h1", None, SessionState(), [ChatMessage(role="user", content=hostile),
                                                    ChatMessage(role="assistant", content="(Source: FAQ “Q?” [faq-id])")])
    store = TicketStore(tmp_path, sessions)
    ticket = store.reply(store.open_ticket("h1").id, "<script>alert(2)</script>", author="<b>Eve</b>")
    out = ticket_html(ticket)
    assert "<img" not in out and "<script" not in out and "<b>Eve" not in out and "${" not in out and "{{" not in out
    assert "&lt;img src=x onerror=alert(1)&gt; &#36;&#123;7*7&#125;" in out and "<br>second line" in out
    assert "[faq-id]" not in out and "anonymous shopper" in out


def test_the_support_tab_is_for_staff_only(served_ui):
    from assistant.ui import build_ui

    shopper_page = build_ui(served_ui["assistant"], staff=False)
    labels = {getattr(b, "label", None) for b in shopper_page.blocks.values()}
    assert "Shop" in labels and "Support" not in labels and "Reply to the shopper" not in labels


def test_mounted_staff_ui_files_its_own_tickets_under_ui(demo_index, tmp_path):
    """The page `serve --ui` mounts keeps its conversations under `ui:`; its tickets say so, and
    the transcript is found under that id."""
    from assistant.api.ui_mount import SandboxedAssistant
    from assistant.handoff import ticket_store
    from assistant.ui import build_ui

    agent = _agent(demo_index, tmp_path)
    ui = build_ui(SandboxedAssistant(agent)).shop_ui
    final = list(ui.respond("can I talk to a human?", [], None, "staff-tester"))[-1]
    ticket = ticket_store(tmp_path).get(final[5]["id"])
    assert ticket.session_id == f"ui:{final[2]}" and ticket.user_id == "ui:staff-tester"
    assert [m.content for m in ticket.transcript][:1] == ["can I talk to a human?"]
    assert "(staff UI)" in ui.list_tickets("active", None)[0].choices[0][0]
