"""The Gradio UI over the shopping assistant (`shopassist ui`, what `make demo` opens).

Two tabs:

* **Shop** — the chat streams the reply as the agent yields it; the products of the turn follow
  as cards under the chat (image, title, catalog price, one-line reason, link), each with 👍 / 👎
  / "More like this", recorded as profile events. A side panel shows and edits the shopper's
  stated preferences (budget, brands, sizes, colors) and resets the session.
* **Support lookup** — for staff: a customer's question → the top FAQ answers with their scores
  and sources, each answer in a box with a copy button; a banner when no match is confident.

Who the shopper is: the user id typed in the panel, or — without one — `session:<session id>`,
the convention of the HTTP API's feedback endpoint (assistant/api.py). The chat is run under the
same id, so feedback and preferences given in an anonymous session shape that session's results.

Everything is served from this machine: gradio's own frontend assets, no analytics, no share
link, no CDN. Catalog and FAQ text is untrusted, and nothing on the page interprets it as
Markdown or HTML:

* the chat renders messages as plain text (`render_markdown=False`, no LaTeX, no custom tags);
  gradio still parses a message as HTML, so every message is put through `_chat_text` at this
  boundary (whatever the agent, the shopper or a catalog title wrote): a `[link](...)`,
  `![img](...)`, bare URL or `<img>` shows as the characters it is, and nothing is fetched;
* every string put into HTML (cards, the feedback line, the Support lookup headers) goes
  through `_esc` (HTML-escaped, and the characters gradio's HTML templates interpret
  neutralised), into gr.HTML components, never gr.Markdown (which would autolink a bare URL);
  toasts render HTML too, so their text is escaped the same way;
* product images are only ever shown from http(s) URLs, as a CSS background over a placeholder
  with the title's initial, so a picture that does not load (the demo's point at *.invalid)
  leaves the placeholder. An image URL written in text is never an image.
"""

from __future__ import annotations

import html
import re
import urllib.parse
import uuid
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from .settings import quiet_offline_environment

quiet_offline_environment()  # before gradio is imported: no analytics, no hub calls

import gradio as gr  # noqa: E402
from pydantic import ValidationError  # noqa: E402

from .agent import MAX_MESSAGE_CHARS, InputError, ShoppingAssistant  # noqa: E402
from .events import Delta, Final, ProductOut, TurnResult  # noqa: E402
from .formatting import money  # noqa: E402
from .profile import StatedPreferences, shopper_id  # noqa: E402

TITLE = "Shop assistant"
API_NAME = "chat"
EXAMPLES = ["running shoes under 100", "what is your return policy?", "a waterproof jacket in blue"]
MIN_CARD_SLOTS = 5
MAX_CARD_SLOTS = 10
MAX_FAQ_RESULTS = 10
DEFAULT_FAQ_RESULTS = 3
ALTERNATIVES_HEADING = "Closest alternatives (not a full match)"
FEEDBACK_EVENTS = {"like": "👍 Like", "dislike": "👎 Not for me", "more_like_this": "🔎 More like this"}
PREFERENCE_FIELDS = ("max_budget", "min_budget", "preferred_brands", "avoided_brands", "sizes", "colors")
# Hosts that never resolve (RFC 2606/6761): the demo catalog's images point there.
_UNREACHABLE_HOSTS = (".invalid", ".test", ".example", ".localhost")

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~$])")
_CHAR_REF_START = re.compile(r"&(?=[#A-Za-z])")

CARD_CSS = """
.sa-heading { font-weight: 600; margin: 4px 0; }
.sa-heading-alt { color: #9a5b00; }
.sa-relaxation { font-weight: 400; font-size: 0.9em; }
.sa-card { display: flex; gap: 12px; align-items: flex-start; padding: 10px; border: 1px solid #d9dce3;
  border-radius: 10px; background: #fff; color: #1f2430; }
.sa-thumb { position: relative; flex: 0 0 88px; width: 88px; height: 88px; border-radius: 8px; overflow: hidden;
  background: #e9ecf2; display: flex; align-items: center; justify-content: center; }
.sa-initial { font-size: 36px; font-weight: 700; color: #8a93a6; font-family: sans-serif; }
.sa-image { position: absolute; inset: 0; background-size: cover; background-position: center; background-repeat: no-repeat; }
.sa-body { flex: 1 1 auto; min-width: 0; }
.sa-title { font-size: 1.02em; font-weight: 600; margin: 0 0 2px 0; overflow-wrap: anywhere; }
.sa-meta { margin: 0 0 4px 0; font-size: 0.92em; color: #4a5163; }
.sa-price { font-weight: 700; color: #1f2430; }
.sa-stock { color: #a33; }
.sa-reason { margin: 0 0 4px 0; font-size: 0.92em; overflow-wrap: anywhere; }
.sa-link { font-size: 0.9em; }
"""


# --- text helpers -----------------------------------------------------------------------------


def _md(text: str) -> str:
    """Text shown literally in Markdown (a title with [brackets] or *stars* stays as is)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _esc(text: Any) -> str:
    """Untrusted text for HTML: escaped, and `$ { } `` ` turned into entities too, so that no
    template gradio's HTML component applies to its value can interpret catalog text."""
    out = html.escape(" ".join(str(text).split()), quote=True)
    return out.replace("$", "&#36;").replace("{", "&#123;").replace("}", "&#125;").replace("`", "&#96;")


def _chat_text(text: Any) -> str:
    """A chat message as gradio must get it to show it literally. The Chatbot is built with
    `render_markdown=False`, so Markdown means nothing, but the frontend still puts the text
    through an HTML parser (innerHTML): `<` becomes `&lt;` so no tag can start, and an `&` that
    could start a character reference becomes `&amp;` so `&lt;` in a title stays visible as
    typed. Nothing else changes (newlines are kept; `>` and a lone `&` are inert as text)."""
    return _CHAR_REF_START.sub("&amp;", str(text)).replace("<", "&lt;")


def format_price(price: float | None, currency: str) -> str:
    return money(price, currency) if price is not None else "price on request"


def safe_http_url(url: str | None) -> str | None:
    """The URL if it is absolute http(s) with a host, else None (no javascript:, data:, relative)."""
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if any(ord(c) < 0x20 or c.isspace() for c in url):
        return None
    return url


def image_url_to_show(url: str | None) -> str | None:
    """An image URL worth asking the browser for: http(s), and not on a host that cannot resolve."""
    url = safe_http_url(url)
    if url is None:
        return None
    host = (urllib.parse.urlsplit(url).hostname or "").lower().rstrip(".")
    if host.endswith(_UNREACHABLE_HOSTS) or host in ("invalid", "test", "example", "localhost"):
        return None
    return url


def _css_url(url: str) -> str:
    """A URL safe inside `url("...")` in a style attribute: quotes, parentheses, backslashes and
    anything else outside the URL alphabet percent-encoded, then HTML-escaped."""
    return _esc(urllib.parse.quote(url, safe=":/?#[]@!&+,;=%~*"))


# --- product cards --------------------------------------------------------------------------


def product_card(n: int, p: ProductOut) -> str:
    """One product as a card of HTML; every catalog string escaped."""
    initial = _esc((p.title.strip()[:1] or "?").upper())
    image = image_url_to_show(p.image_url)
    picture = f'<span class="sa-image" style="background-image: url(&quot;{_css_url(image)}&quot;)"></span>' if image else ""
    meta = [f'<span class="sa-price" data-price="{"" if p.price is None else f"{p.price:.2f}"}">'
            f"{_esc(format_price(p.price, p.currency))}</span>"]
    if p.brand:
        meta.append(f'<span class="sa-brand">{_esc(p.brand)}</span>')
    if p.color:
        meta.append(f'<span class="sa-color">{_esc(p.color)}</span>')
    if p.rating is not None:
        meta.append(f'<span class="sa-rating">★ {p.rating:.1f}</span>')
    if not p.in_stock:
        meta.append('<span class="sa-stock">out of stock</span>')
    link = safe_http_url(p.url)
    parts = [
        f'<article class="sa-card" data-product-id="{_esc(p.id)}" data-n="{n}">',
        f'<div class="sa-thumb" aria-hidden="true"><span class="sa-initial">{initial}</span>{picture}</div>',
        '<div class="sa-body">',
        f'<div class="sa-title"><span class="sa-n">{n}.</span> <span class="sa-title-text">{_esc(p.title)}</span></div>',
        f'<p class="sa-meta">{" · ".join(meta)}</p>',
    ]
    if p.reason:
        parts.append(f'<p class="sa-reason">{_esc(p.reason)}</p>')
    if link:
        parts.append(f'<a class="sa-link" href="{_esc(link)}" target="_blank" rel="noopener noreferrer nofollow">View product ↗</a>')
    parts.append("</div></article>")
    return "".join(parts)


def cards_of(result: TurnResult) -> tuple[str, list[ProductOut]]:
    """The heading over the cards and the products to show (matches, else the alternatives)."""
    if result.products:
        return '<div class="sa-heading">Recommended for you</div>', list(result.products)
    if result.alternatives:
        note = f' <span class="sa-relaxation">({_esc(result.relaxation)})</span>' if result.relaxation else ""
        return f'<div class="sa-heading sa-heading-alt">{ALTERNATIVES_HEADING}{note}</div>', list(result.alternatives)
    return "", []


def _as_assistant(target: Any) -> ShoppingAssistant:
    """A ShoppingAssistant as is, or a Shop's assistant with its configured LLM."""
    if hasattr(target, "turn_stream"):
        return target
    if hasattr(target, "assistant"):
        return target.assistant()
    raise TypeError(f"build_ui needs a Shop or a ShoppingAssistant, not {type(target).__name__}")




def _no_limit(value: Any) -> Any:
    """A budget field as stated: empty or 0 mean no limit (gradio shows an empty number as 0)."""
    return None if value is None or value == "" or value == 0 else value


def _validation_message(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        msg = str(err.get("msg", "")).removeprefix("Value error, ")
        where = ".".join(str(x) for x in err.get("loc", ()) if x != "__root__")
        parts.append(f"{where.replace('_', ' ')}: {msg}" if where else msg)
    return "; ".join(parts)


# --- the page -------------------------------------------------------------------------------


@dataclass
class _Slots:
    rows: list
    cards: list
    buttons: dict  # event -> list of buttons, one per slot


class ShopUI:
    """The handlers behind the page, as plain methods (tests may call them directly)."""

    def __init__(self, assistant: ShoppingAssistant, slots: int = MIN_CARD_SLOTS) -> None:
        self.assistant = assistant
        self.profiles = assistant.profiles
        self.n_slots = slots

    # --- chat -------------------------------------------------------------------------------

    def _card_updates(self, heading: str, products: list[ProductOut]) -> list:
        shown = products[: self.n_slots]
        rows = [gr.Row(visible=i < len(shown)) for i in range(self.n_slots)]
        cards = [product_card(i + 1, shown[i]) if i < len(shown) else "" for i in range(self.n_slots)]
        state = [{"id": p.id, "title": p.title} for p in shown]
        return [state, heading, *rows, *cards]

    def _no_card_change(self) -> list:
        return [gr.skip()] * (2 + 2 * self.n_slots)

    def respond(self, message: str, history: list | None, session_id: str | None, user_id: str | None) -> Iterator[tuple]:
        """(message, history, session_id, user_id) → yields (history, textbox, session_id,
        shown products, heading, *slot rows, *slot cards) as the reply grows. The messages it
        adds are `_chat_text`-escaped; those already in `history` came back from the page as
        they were sent, escaped, and are left as they are."""
        history = list(history or [])
        session_id = session_id or uuid.uuid4().hex
        history.append({"role": "user", "content": _chat_text(message or "")})
        reply = {"role": "assistant", "content": ""}
        history.append(reply)
        yield (history, "", session_id, *self._no_card_change())
        try:
            user = shopper_id(user_id, session_id)
        except ValueError as exc:
            reply["content"] = _chat_text(f"⚠️ {exc}")
            yield (history, gr.skip(), session_id, *self._no_card_change())
            return
        try:
            text = ""
            for event in self.assistant.turn_stream(message, session_id, user):
                if isinstance(event, Delta):
                    text += event.text
                    reply["content"] = _chat_text(text.lstrip())
                    yield (history, gr.skip(), session_id, *self._no_card_change())
                elif isinstance(event, Final):
                    result: TurnResult = event.result
                    reply["content"] = _chat_text(result.reply or text.strip() or "(no reply)")
                    yield (history, gr.skip(), session_id, *self._card_updates(*cards_of(result)))
        except InputError as exc:  # the message cannot be processed as sent (empty, too long...)
            reply["content"] = _chat_text(f"⚠️ {exc}")
            yield (history, gr.skip(), session_id, *self._no_card_change())

    def reset(self, session_id: str | None) -> tuple:
        """Forget the conversation (server side too) and start a new session id."""
        if session_id:
            self.assistant.sessions.reset(session_id)
        return ([], "", uuid.uuid4().hex, "Started a new conversation.", *self._card_updates("", []))

    # --- feedback ---------------------------------------------------------------------------

    def feedback(self, slot: int, event: str, shown: list | None, session_id: str | None, user_id: str | None) -> tuple[str, str, str]:
        """Record `event` on the product in card `slot`; returns (status as escaped HTML, chat
        message to send next — "" unless "more like this", session id). Raises gr.Error when it
        cannot."""
        shown = shown or []
        if slot >= len(shown):
            raise gr.Error("There is no product in that card any more.")
        if self.profiles is None:
            raise gr.Error("Feedback is not recorded: profiles are not enabled on this server.")
        session_id = session_id or uuid.uuid4().hex
        product = shown[slot]
        try:
            user = shopper_id(user_id, session_id)
            self.profiles.record(user, event, product_id=product["id"], session_id=session_id)
        except ValueError as exc:
            raise gr.Error(_esc(exc)) from exc  # toasts render HTML
        title = " ".join(str(product["title"]).split())
        before, after = {
            "like": ("👍 Noted: you like ", "."),
            "dislike": ("👎 Noted: you don't like ", "; it won't be suggested again."),
            "more_like_this": ("Looking for more like ", "…"),
        }[event]
        status = f"{html.escape(before)}<strong>{_esc(title)}</strong>{html.escape(after)}"
        gr.Info(_esc(before + title + after))  # gradio renders a toast's message as HTML
        follow_up = f"Show me more like {title[:200]}" if event == "more_like_this" else ""
        return status, follow_up, session_id

    # --- preferences ------------------------------------------------------------------------

    def load_preferences(self, user_id: str | None, session_id: str | None) -> tuple:
        """The stated preferences of the shopper, as the panel's field values and a status line."""
        empty = (None, None, [], [], [], [])
        if self.profiles is None:
            return (*empty, "Preferences are not available: profiles are not enabled on this server.")
        if not (user_id or "").strip() and not session_id:
            return (*empty, "No preferences saved yet.")
        try:
            user = shopper_id(user_id, session_id or "")
            prefs = self.profiles.get_preferences(user)
        except ValueError as exc:
            return (*empty, f"⚠️ {exc}")
        status = "No preferences saved yet." if prefs.is_empty() else f"Loaded the preferences of `{_md(user)}`."
        return (prefs.max_budget, prefs.min_budget, prefs.preferred_brands, prefs.avoided_brands, prefs.sizes,
                prefs.colors, status)

    def save_preferences(self, user_id: str | None, session_id: str | None, max_budget, min_budget, preferred_brands,
                         avoided_brands, sizes, colors) -> tuple:
        """Validate and store; returns (status, session id, *the fields as stored). On a
        validation error the fields are left as typed and the status says what is wrong."""
        keep = (gr.skip(),) * len(PREFERENCE_FIELDS)
        if self.profiles is None:
            return ("⚠️ Preferences cannot be saved: profiles are not enabled on this server.", gr.skip(), *keep)
        session_id = session_id or uuid.uuid4().hex
        try:
            user = shopper_id(user_id, session_id)
            prefs = StatedPreferences.model_validate({
                "max_budget": _no_limit(max_budget), "min_budget": _no_limit(min_budget), "preferred_brands": preferred_brands or [],
                "avoided_brands": avoided_brands or [], "sizes": sizes or [], "colors": colors or [],
            })
            prefs = self.profiles.set_preferences(user, prefs)
        except ValidationError as exc:
            return (f"⚠️ Not saved: {_md(_validation_message(exc))}", session_id, *keep)
        except ValueError as exc:
            return (f"⚠️ Not saved: {_md(str(exc))}", session_id, *keep)
        return (f"✅ Saved the preferences of `{_md(user)}`.", session_id, prefs.max_budget, prefs.min_budget,
                prefs.preferred_brands, prefs.avoided_brands, prefs.sizes, prefs.colors)

    # --- support lookup ---------------------------------------------------------------------

    def support_lookup(self, question: str, k: float | int | None) -> tuple:
        """(question, k) → (banner, *per slot: group visibility, header HTML (FAQ text escaped),
        answer text for a plain Textbox)."""
        k = max(1, min(MAX_FAQ_RESULTS, int(k or DEFAULT_FAQ_RESULTS)))
        question = " ".join((question or "").split())
        hidden = []
        for _ in range(MAX_FAQ_RESULTS):
            hidden += [gr.Group(visible=False), "", ""]
        if not question:
            return ("⚠️ Type the customer's question first.", *hidden)
        if len(question) > MAX_MESSAGE_CHARS:
            return (f"⚠️ The question is {len(question)} characters long; the limit is {MAX_MESSAGE_CHARS}.", *hidden)
        lookup = self.assistant.faq.lookup(question, k=k)
        matches = lookup.matches[:k]
        if not matches:
            return ("⚠️ **No confident match**: the FAQ has no entries.", *hidden)
        best = matches[0].score
        if lookup.confident:
            banner = (f"✅ **Confident match** (best score {best:.3f} ≥ threshold {lookup.threshold:.3f}). "
                      "Copy an answer with the button in its box.")
        else:
            banner = (f"⚠️ **No confident match** (best score {best:.3f} < threshold {lookup.threshold:.3f}): "
                      "none of these is likely to answer the question; check before sending or escalate.")
        out = []
        for i in range(MAX_FAQ_RESULTS):
            if i < len(matches):
                m = matches[i]
                source = m.entry.source or f"FAQ entry {m.entry.id}"
                header = (f'<div class="sa-faq-question"><strong>{i + 1}. {_esc(m.entry.question)}</strong></div>'
                          f'<div class="sa-faq-meta">id <code>{_esc(m.entry.id)}</code> · score <strong>{m.score:.3f}</strong>'
                          f" · source: {_esc(source)}</div>"
                          f'<div class="sa-faq-phrasing">matched phrasing: “{_esc(m.matched_phrasing)}”</div>')
                out += [gr.Group(visible=True), header, m.entry.answer]
            else:
                out += [gr.Group(visible=False), "", ""]
        return (banner, *out)


def _facet_choices(assistant: ShoppingAssistant) -> dict[str, list[str]]:
    """The catalog's brands, sizes and colors for the preference dropdowns (empty if unavailable)."""
    try:
        facets = assistant.facets()
    except Exception:  # noqa: BLE001 - an index without products or a backend hiccup: free text still works
        return {"brands": [], "sizes": [], "colors": []}
    return {
        "brands": sorted(facets.brands.values(), key=str.lower),
        "sizes": sorted(facets.sizes.values(), key=_size_order),
        "colors": sorted(facets.colors.values(), key=str.lower),
    }


def _size_order(size: str) -> tuple:
    """Numeric sizes first, in numeric order, then the others alphabetically."""
    try:
        return (0, float(size), "")
    except ValueError:
        return (1, 0.0, size.lower())


def build_ui(shop_or_assistant: Any, *, title: str = TITLE, concurrency_limit: int | None = 1) -> gr.Blocks:
    """The page. `shop_or_assistant`: a Shop (its configured LLM is used) or a ready
    ShoppingAssistant (e.g. `shop.assistant(llm=None)`). Turns run in gradio's worker threads,
    `concurrency_limit` at a time (the embedded LLM serves one request at a time anyway)."""
    assistant = _as_assistant(shop_or_assistant)
    n_slots = max(MIN_CARD_SLOTS, min(MAX_CARD_SLOTS, getattr(assistant.config, "products_per_reply", MIN_CARD_SLOTS)))
    ui = ShopUI(assistant, slots=n_slots)
    choices = _facet_choices(assistant)

    with gr.Blocks(title=title, analytics_enabled=False) as demo:
        demo.shop_ui = ui  # the handlers, for tests and embedding
        gr.Markdown(f"## {_md(title)}")
        session = gr.State(None)  # one uuid4 per browser session, set on first use
        shown = gr.State([])  # [{"id", "title"}] of the products in the card slots, in order
        with gr.Tabs():
            with gr.Tab("Shop", id="shop"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3, min_width=360):
                        gr.Markdown("Ask for products (\"running shoes under 100\") or about orders, shipping and returns.")
                        # gradio 6: the messages format ({"role", "content"} dicts) is the only one.
                        # Plain text: no Markdown, no LaTeX, no custom tags; `_chat_text` escapes
                        # what the HTML parser would still see (see the module docstring).
                        chatbot = gr.Chatbot(label="Chat", height=420, buttons=["copy"], elem_id="sa-chat",
                                             render_markdown=False, sanitize_html=True, latex_delimiters=[],
                                             allow_tags=False)
                        with gr.Row():
                            message = gr.Textbox(placeholder="Type a message and press Enter", show_label=False,
                                                 scale=5, autofocus=True, elem_id="sa-message")
                            send = gr.Button("Send", variant="primary", scale=1)
                        gr.Examples(EXAMPLES, inputs=message)
                        heading = gr.HTML("", css_template=CARD_CSS, elem_id="sa-cards-heading", js_on_load=None)
                        slots = _Slots(rows=[], cards=[], buttons={e: [] for e in FEEDBACK_EVENTS})
                        for i in range(n_slots):
                            with gr.Row(visible=False, equal_height=True, elem_classes=["sa-slot"],
                                        elem_id=f"sa-slot-{i}") as row:
                                card = gr.HTML("", css_template=CARD_CSS, js_on_load=None, scale=1, min_width=280,
                                               elem_classes=["sa-card-html"])
                                with gr.Column(scale=0, min_width=150):
                                    for event, label in FEEDBACK_EVENTS.items():
                                        slots.buttons[event].append(
                                            gr.Button(label, size="sm", elem_classes=[f"sa-fb-{event}"],
                                                      variant="secondary"))
                            slots.rows.append(row)
                            slots.cards.append(card)
                        feedback_status = gr.HTML("", elem_id="sa-feedback-status", js_on_load=None)
                    with gr.Column(scale=1, min_width=260, elem_id="sa-side"):
                        gr.Markdown("### Your profile")
                        user = gr.Textbox(label="User id (optional)", max_lines=1, elem_id="sa-user",
                                          info="Personalises results and remembers feedback. Without one, "
                                               "this browser session is used.")
                        gr.Markdown("#### Stated preferences")
                        max_budget = gr.Number(label="Max budget per item", value=None, elem_id="sa-max-budget",
                                               info="0 or empty: no limit")
                        min_budget = gr.Number(label="Min budget per item", value=None, elem_id="sa-min-budget",
                                               info="0 or empty: no minimum")
                        dd = dict(multiselect=True, allow_custom_value=True, value=[])
                        preferred = gr.Dropdown(choices["brands"], label="Preferred brands", **dd)
                        avoided = gr.Dropdown(choices["brands"], label="Avoided brands", **dd)
                        sizes = gr.Dropdown(choices["sizes"], label="Sizes", **dd)
                        colors = gr.Dropdown(choices["colors"], label="Colors", **dd)
                        save = gr.Button("Save preferences", variant="primary", elem_id="sa-save-prefs")
                        prefs_status = gr.Markdown("", elem_id="sa-prefs-status")
                        gr.Markdown("#### Session")
                        reset = gr.Button("Reset session", variant="stop", elem_id="sa-reset")
                        session_status = gr.Markdown("")
            with gr.Tab("Support lookup", id="support"):
                gr.Markdown("For staff: type a customer's question to see the best FAQ answers, "
                            "with their scores and sources. Copy one with the button in its box.")
                with gr.Row():
                    question = gr.Textbox(label="Customer's question", scale=4, max_lines=4, elem_id="sa-support-question")
                    k = gr.Slider(1, MAX_FAQ_RESULTS, value=DEFAULT_FAQ_RESULTS, step=1, label="Answers to show", scale=1)
                lookup_button = gr.Button("Look up", variant="primary", elem_id="sa-support-lookup")
                banner = gr.Markdown("", elem_id="sa-support-banner")
                faq_outputs: list = []
                for i in range(MAX_FAQ_RESULTS):
                    with gr.Group(visible=False, elem_classes=["sa-faq-result"]) as group:
                        header = gr.HTML("", padding=True, js_on_load=None, elem_classes=["sa-faq-header"])
                        answer = gr.Textbox(label="Answer", interactive=False, lines=2, max_lines=12, buttons=["copy"],
                                            elem_classes=["sa-faq-answer"])
                    faq_outputs += [group, header, answer]

        pref_fields = [max_budget, min_budget, preferred, avoided, sizes, colors]
        card_outputs = [shown, heading, *slots.rows, *slots.cards]
        chat_outputs = [chatbot, message, session, *card_outputs]
        chat_args = dict(fn=ui.respond, inputs=[message, chatbot, session, user], outputs=chat_outputs,
                         concurrency_limit=concurrency_limit)
        message.submit(api_name=API_NAME, **chat_args)
        send.click(api_visibility="private", **chat_args)

        for event in FEEDBACK_EVENTS:
            for i, button in enumerate(slots.buttons[event]):
                handler = _feedback_handler(ui, i, event)
                listener = button.click(handler, inputs=[shown, session, user],
                                        outputs=[feedback_status, message, session],
                                        api_name=f"{event}_{i}")
                if event == "more_like_this":
                    listener.success(api_visibility="private", **chat_args)

        save.click(ui.save_preferences, inputs=[user, session, *pref_fields],
                   outputs=[prefs_status, session, *pref_fields], api_name="save_preferences")
        user.change(ui.load_preferences, inputs=[user, session], outputs=[*pref_fields, prefs_status],
                    api_name="load_preferences", trigger_mode="always_last")
        reset.click(ui.reset, inputs=[session], outputs=[chatbot, message, session, session_status, *card_outputs],
                    api_name="reset_session").then(
            ui.load_preferences, inputs=[user, session], outputs=[*pref_fields, prefs_status], api_visibility="private")

        lookup_args = dict(fn=ui.support_lookup, inputs=[question, k], outputs=[banner, *faq_outputs])
        lookup_button.click(api_name="support_lookup", **lookup_args)
        question.submit(api_visibility="private", **lookup_args)
    return demo


def _feedback_handler(ui: ShopUI, slot: int, event: str) -> Callable:
    def handler(shown: list | None, session_id: str | None, user_id: str | None) -> tuple[str, str, str]:
        status, follow_up, session_id = ui.feedback(slot, event, shown, session_id, user_id)
        return status, (follow_up if follow_up else gr.skip()), session_id

    handler.__name__ = f"{event}_{slot}"
    return handler


def launch_ui(shop_or_assistant: Any, host: str = "127.0.0.1", port: int = 7860, *, block: bool = True,
              quiet: bool = False) -> gr.Blocks:
    """Serve the UI on host:port (loopback by default; never a public share link). Blocks until
    Ctrl-C unless `block=False`; returns the Blocks (call `.close()` to stop it)."""
    demo = build_ui(shop_or_assistant)
    try:
        _, url, _ = demo.launch(server_name=host, server_port=port, share=False, inbrowser=False, quiet=True,
                                prevent_thread_lock=True, show_error=True, ssr_mode=False)
    except OSError as exc:
        raise ValueError(f"cannot serve the UI on {host}:{port} ({exc}); pass another --port") from exc
    if not quiet:
        print(f"Shop assistant UI: {url}  (Ctrl-C to stop)", flush=True)
    if block:
        try:
            demo.block_thread()
        finally:
            demo.close()
    return demo
