"""The Gradio UI over the shopping assistant (`shopassist ui`, what `make demo` opens; `serve --ui`
mounts it at /ui behind the admin key). It is the staff's page: shoppers use the widget.

Two tabs:

* **Shop** — the chat streams the reply as the agent yields it; the turn's products appear as
  soon as the agent has decided them (its `Products` event), as cards in a responsive grid
  under the chat: thumbnail (or a placeholder with the title's initial), title linking to the
  product page, price as shoppers read it (`price_text`), brand, rating, one reason, and four
  icon buttons (inline SVG, no emoji font needed, each with an aria-label): like, not for me,
  more like this (asks for similar items) and add to cart (a profile event; the page also
  dispatches `shopassist:add-to-cart` on `document`, as the widget does). The cards stay until
  a turn shows other products: an FAQ answer leaves them, so what was just shown can still be
  liked. A side panel edits the shopper's stated preferences (empty fields mean no limit) and
  resets the session. When the agent hands the conversation to a person, a ticket is opened
  (assistant/handoff.py) and the staff's replies appear in the chat as they come (polled).
* **Support** — for staff: the hand-off tickets waiting for an answer; open one to read the
  conversation, answer (the FAQ lookup below helps: each answer can be put into the reply) and
  close it. The FAQ lookup shows a customer's question's top FAQ answers with their scores and
  sources, and a banner when no match is confident. Only in the staff UI (`staff=True`, the
  default of `shopassist ui` and `serve --ui`).

Who the shopper is: the user id typed in the panel, or — without one — `session:<session id>`,
the convention of the HTTP API's feedback endpoint. The chat is run under the same id, so
feedback and preferences given in an anonymous session shape that session's results.

Everything is served from this machine: gradio's own frontend assets, no analytics, no share
link, no CDN. Catalog, FAQ and ticket text is untrusted, and nothing on the page interprets it
as Markdown or HTML:

* the chat renders messages as plain text (`render_markdown=False`, no LaTeX, no custom tags);
  gradio still parses a message as HTML, so every message is put through `_chat_text` at this
  boundary (whatever the agent, the shopper, staff or a catalog title wrote): a `[link](...)`,
  `![img](...)`, bare URL or `<img>` shows as the characters it is, and nothing is fetched;
* every string put into HTML (cards, the feedback line, tickets, the Support lookup headers)
  goes through `_esc` / `_esc_lines` (HTML-escaped, and the characters gradio's HTML templates
  interpret neutralised), into gr.HTML components, never gr.Markdown (which would autolink a
  bare URL); toasts render HTML too, so their text is escaped the same way;
* product images are only ever shown from http(s) URLs on hosts that can resolve (never
  .invalid/.test/.example/.localhost: the demo's point there), as a CSS background over the
  placeholder, so a picture that does not load leaves the placeholder. An image URL written in
  text is never an image.

Shoppers never see internal ids: FAQ entries are named by their question, products by title.
"""

from __future__ import annotations

import html
import re
import time
import urllib.parse
import uuid
from pathlib import Path
from typing import Any, Iterator

from .settings import quiet_offline_environment

quiet_offline_environment()  # before gradio is imported: no analytics, no hub calls

import gradio as gr  # noqa: E402
from pydantic import ValidationError  # noqa: E402

from .agent import MAX_MESSAGE_CHARS, InputError, ShoppingAssistant  # noqa: E402
from .events import Delta, Final, ProductOut, Products, TurnResult  # noqa: E402
from .formatting import money  # noqa: E402
from .handoff import DEFAULT_AUTHOR, Ticket, TicketError, TicketStore, ticket_store  # noqa: E402
from .profile import StatedPreferences, shopper_id  # noqa: E402
from .ui_recs import RECS_CSS, RECS_JS, RecsRows  # noqa: E402

TITLE = "Shop assistant"
API_NAME = "chat"
EXAMPLES = ["running shoes under 100", "what is your return policy?", "a waterproof jacket in blue"]
MIN_CARD_SLOTS = 5
MAX_CARD_SLOTS = 10
MAX_FAQ_RESULTS = 10
DEFAULT_FAQ_RESULTS = 3
HANDOFF_POLL_SECONDS = 4
TICKETS_REFRESH_SECONDS = 15
RECOMMENDED_HEADING = "Matching your request"  # not "for you": that is the recommendation row (ui_recs.py)
ALTERNATIVES_HEADING = "Closest alternatives (not a full match)"
# What the card buttons do: (profile event, visible tooltip, accessible label with the title).
CARD_ACTIONS = {
    "like": ("Like", "Like {title}"),
    "dislike": ("Not for me", "Not for me: {title}"),
    "more_like_this": ("More like this", "More like {title}"),
    "add_to_cart": ("Add to cart", "Add {title} to cart"),
}
FEEDBACK_EVENTS = {event: label for event, (label, _) in CARD_ACTIONS.items()}
PREFERENCE_FIELDS = ("max_budget", "min_budget", "preferred_brands", "avoided_brands", "sizes", "colors")
# Hosts that never resolve (RFC 2606/6761): the demo catalog's images point there.
_UNREACHABLE_HOSTS = (".invalid", ".test", ".example", ".localhost")

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~$])")
_CHAR_REF_START = re.compile(r"&(?=[#A-Za-z])")
# "(Source: FAQ “question” [entry-id])", as older agents wrote it: the id is not for shoppers.
_FAQ_SOURCE_ID = re.compile(r"(\((?:Source: FAQ|From our FAQ:) “[^”\n]*”)\s*\[[^\]\n]*\]\)")

# Icons: Material Design paths (Apache 2.0), drawn inline so no icon font or emoji font is needed.
ICON_PATHS = {
    "like": "M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z",
    "dislike": "M15 3H6c-.83 0-1.54.5-1.84 1.22l-3.02 7.05c-.09.23-.14.47-.14.73v2c0 1.1.9 2 2 2h6.31l-.95 4.57-.03.32c0 .41.17.79.44 1.06L9.83 23l6.59-6.59c.36-.36.58-.86.58-1.41V5c0-1.1-.9-2-2-2zm4 0v12h4V3h-4z",
    "more_like_this": "M15.5 14h-.79l-.28-.27A6.471 6.471 0 0 0 16 9.5 6.5 6.5 0 1 0 9.5 16c1.61 0 3.09-.59 4.23-1.57l.27.28v.79l5 4.99L20.49 19l-4.99-5zm-6 0C7.01 14 5 11.99 5 9.5S7.01 5 9.5 5 14 7.01 14 9.5 11.99 14 9.5 14zm2.5-4h-2v2H9v-2H7V9h2V7h1v2h2v1z",
    "add_to_cart": "M7 18c-1.1 0-1.99.9-1.99 2S5.9 22 7 22s2-.9 2-2-.9-2-2-2zM1 2v2h2l3.6 7.59-1.35 2.45c-.16.28-.25.61-.25.96 0 1.1.9 2 2 2h12v-2H7.42c-.14 0-.25-.11-.25-.25l.03-.12.9-1.63h7.45c.75 0 1.41-.41 1.75-1.03l3.58-6.49A1.003 1.003 0 0 0 20 4H5.21l-.94-2H1zm16 16c-1.1 0-1.99.9-1.99 2s.89 2 1.99 2 2-.9 2-2-.9-2-2-2z",
    "star": "M12 17.27L18.18 21l-1.64-7.03L22 9.24l-7.19-.61L12 2 9.19 8.63 2 9.24l5.46 4.73L5.82 21z",
}


def icon_svg(name: str, size: int = 18) -> str:
    """An inline SVG icon; decorative (the button carries the label)."""
    return (f'<svg class="sa-icon" viewBox="0 0 24 24" width="{size}" height="{size}" aria-hidden="true" focusable="false">'
            f'<path fill="currentColor" d="{ICON_PATHS[name]}"></path></svg>')


# gradio's bundled "Source Sans Pro" lacks glyphs its fallback then draws in another face (an "A"
# half the size of its neighbours): the page's own parts name fonts that have every letter.
FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif'

CARD_CSS = """
.sa-results, .sa-empty { font-family: %FONTS%; }
.sa-results { margin: 6px 0 0 0; color: #1f2430; }
.sa-heading { font-weight: 650; font-size: 1.05em; margin: 4px 0 8px 0; }
.sa-heading-alt { color: #8a4b00; }
.sa-relaxation { font-weight: 400; font-size: 0.9em; }
.sa-empty { color: #5b6275; font-size: 0.92em; margin: 6px 0; }
.sa-grid { list-style: none; margin: 0; padding: 0; display: grid; gap: 12px;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 200px), 1fr)); }
.sa-cell { margin: 0; padding: 0; display: flex; }
.sa-card { position: relative; display: flex; flex-direction: column; width: 100%; border: 1px solid #d9dce3;
  border-radius: 12px; background: #fff; color: #1f2430; overflow: hidden; transition: opacity .2s; }
.sa-card.sa-dismissed { opacity: .55; }
.sa-thumb { position: relative; width: 100%; aspect-ratio: 16 / 10; background: #eef1f6; display: flex;
  align-items: center; justify-content: center; overflow: hidden; }
.sa-initial { font-size: 40px; font-weight: 700; color: #9aa3b5; font-family: sans-serif; }
.sa-image { position: absolute; inset: 0; background-size: cover; background-position: center; background-repeat: no-repeat; }
.sa-n { position: absolute; top: 8px; left: 8px; min-width: 24px; height: 24px; padding: 0 6px; border-radius: 12px;
  background: rgba(31,36,48,.78); color: #fff; font-size: 13px; font-weight: 700; line-height: 24px; text-align: center; }
.sa-body { display: flex; flex-direction: column; gap: 4px; padding: 10px 12px 12px 12px; flex: 1 1 auto; min-width: 0; }
.sa-title { font-size: 1em; font-weight: 600; margin: 0; line-height: 1.3; overflow-wrap: anywhere; }
.sa-title a, .sa-title a:visited { color: inherit; text-decoration: none; padding: 0; margin: 0; }
.sa-title a:hover { text-decoration: underline; }
.sa-meta { margin: 0; font-size: 0.9em; color: #4a5163; display: flex; flex-wrap: wrap; gap: 2px 8px; align-items: baseline; }
.sa-price { font-weight: 700; font-size: 1.08em; color: #1f2430; }
.sa-rating { display: inline-flex; align-items: center; gap: 2px; }
.sa-rating .sa-icon { color: #c08a00; }
.sa-stock { color: #a33; }
.sa-reason { margin: 2px 0 0 0; font-size: 0.9em; color: #363c4a; overflow-wrap: anywhere; flex: 1 1 auto; }
.sa-actions { display: flex; gap: 6px; align-items: center; margin-top: 8px; flex-wrap: wrap; }
.sa-act { display: inline-flex; align-items: center; justify-content: center; gap: 6px; min-width: 36px; height: 36px;
  padding: 0 8px; border: 1px solid #cfd4de; border-radius: 8px; background: #f6f7fa; color: #2b3142; cursor: pointer;
  font: inherit; font-size: 0.88em; }
.sa-act:hover { background: #eceff5; }
.sa-act:focus-visible { outline: 3px solid #ffbf47; outline-offset: 1px; }
.sa-act[aria-pressed="true"] { background: #e3f4e8; border-color: #1a7f37; color: #135c28; }
.sa-act.sa-fb-dislike[aria-pressed="true"] { background: #fdecec; border-color: #b42318; color: #8a1c17; }
.sa-act.sa-cart { flex: 1 1 auto; background: #2f5bea; border-color: #2f5bea; color: #fff; font-weight: 600; }
.sa-act.sa-cart:hover { background: #2549c4; }
.sa-act.sa-cart[aria-pressed="true"] { background: #1a7f37; border-color: #1a7f37; color: #fff; }
.sa-icon { display: block; flex: none; }
@media (max-width: 560px) {
  .sa-grid { grid-template-columns: 1fr; gap: 10px; }
  .sa-card { flex-direction: row; align-items: stretch; }
  .sa-thumb { flex: 0 0 96px; width: 96px; aspect-ratio: auto; min-height: 96px; }
  .sa-initial { font-size: 32px; }
  .sa-body { padding: 8px 10px 10px 10px; }
}
.sa-sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0,0,0,0); border: 0; }
""".replace("%FONTS%", FONT_STACK)

STATUS_CSS = """
.sa-status-line { margin: 6px 0; font-size: 0.95em; color: #1f2430; font-family: %FONTS%; }
""".replace("%FONTS%", FONT_STACK)

TICKET_CSS = """
.sa-ticket { color: #1f2430; font-family: %FONTS%; }
.sa-ticket-head { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: baseline; margin-bottom: 8px; }
.sa-ticket-title { font-weight: 700; font-size: 1.05em; }
.sa-badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 0.85em; font-weight: 600; }
.sa-badge-open { background: #fff1d6; color: #7a4b00; }
.sa-badge-answered { background: #e3f4e8; color: #135c28; }
.sa-badge-closed { background: #eceff5; color: #4a5163; }
.sa-ticket-meta { color: #4a5163; font-size: 0.9em; }
.sa-transcript { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px;
  max-height: 420px; overflow-y: auto; }
.sa-line { padding: 8px 10px; border-radius: 10px; max-width: 90%; }
.sa-line-user { align-self: flex-end; background: #2f5bea; color: #fff; }
.sa-line-assistant { align-self: flex-start; background: #f3f5f9; border: 1px solid #dde1ea; }
.sa-line-staff { align-self: flex-start; background: #e3f4e8; border: 1px solid #9fd3ad; }
.sa-who { display: block; font-size: 0.78em; font-weight: 700; opacity: .8; margin-bottom: 2px; }
.sa-line p { margin: 0; overflow-wrap: anywhere; }
.sa-none { color: #5b6275; }
""".replace("%FONTS%", FONT_STACK)

# The cards' buttons: one delegated listener (the cards are re-rendered, the listener stays).
# Like / not for me / add to cart show their state at once; the server records the event.
CARDS_JS = """
element.addEventListener('click', function (event) {
  var button = event.target.closest ? event.target.closest('button[data-action]') : null;
  if (!button || !element.contains(button)) return;
  var card = button.closest('[data-product-id]');
  if (!card) return;
  var action = button.getAttribute('data-action');
  if (action === 'like' || action === 'dislike') {
    card.querySelectorAll('button[data-action="like"], button[data-action="dislike"]').forEach(function (b) {
      b.setAttribute('aria-pressed', b === button ? 'true' : 'false');
    });
    card.classList.toggle('sa-dismissed', action === 'dislike');
  } else if (action === 'add_to_cart') {
    button.setAttribute('aria-pressed', 'true');
    var price = card.querySelector('.sa-price');
    var amount = price ? parseFloat(price.getAttribute('data-price')) : NaN;
    document.dispatchEvent(new CustomEvent('shopassist:add-to-cart', { detail: {
      product_id: card.getAttribute('data-product-id'),
      title: (card.querySelector('.sa-title-text') || {}).textContent || '',
      price: isFinite(amount) ? amount : null,
      currency: card.getAttribute('data-currency') || null
    } }));
  }
  trigger('click', { action: action, slot: Number(card.getAttribute('data-slot')), product_id: card.getAttribute('data-product-id') });
});
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


def _esc_lines(text: Any) -> str:
    """Like `_esc`, keeping line breaks (as <br>): messages and replies of several lines."""
    lines = [_esc(line) for line in str(text).splitlines()]
    return "<br>".join(line for line in lines) if lines else ""


def _chat_text(text: Any) -> str:
    """A chat message as gradio must get it to show it literally. The Chatbot is built with
    `render_markdown=False`, so Markdown means nothing, but the frontend still puts the text
    through an HTML parser (innerHTML): `<` becomes `&lt;` so no tag can start, and an `&` that
    could start a character reference becomes `&amp;` so `&lt;` in a title stays visible as
    typed. Nothing else changes (newlines are kept; `>` and a lone `&` are inert as text)."""
    return _CHAR_REF_START.sub("&amp;", str(text)).replace("<", "&lt;")


def shopper_text(text: str) -> str:
    """The agent's reply as shoppers should read it: an FAQ source names its question, never
    the entry's id."""
    return _FAQ_SOURCE_ID.sub(r"\1)", text)


def format_price(price: float | None, currency: str) -> str:
    return money(price, currency) if price is not None else "price on request"


def price_text(p: ProductOut) -> str:
    return p.price_text or format_price(p.price, p.currency)


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


def _ago(ts: float, now: float | None = None) -> str:
    seconds = max(0, int((now or time.time()) - ts))
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    if seconds < 86400:
        return f"{seconds // 3600} h ago"
    return f"{seconds // 86400} d ago"


# --- product cards --------------------------------------------------------------------------


def product_card(n: int, p: ProductOut, slot: int | None = None) -> str:
    """One product as a card of HTML (a grid cell's content); every catalog string escaped.
    `n` is the number shoppers can refer to ("the second one"); `slot` the card's index."""
    slot = n - 1 if slot is None else slot
    title = " ".join(p.title.split()) or "Product"
    initial = _esc((title[:1] or "?").upper())
    image = image_url_to_show(p.image_url)
    picture = f'<span class="sa-image" style="background-image: url(&quot;{_css_url(image)}&quot;)"></span>' if image else ""
    meta = [f'<span class="sa-price" data-price="{"" if p.price is None else f"{p.price:.2f}"}">{_esc(price_text(p))}</span>']
    if p.brand:
        meta.append(f'<span class="sa-brand">{_esc(p.brand)}</span>')
    if p.color:
        meta.append(f'<span class="sa-color">{_esc(p.color)}</span>')
    if p.rating is not None:
        meta.append(f'<span class="sa-rating">{icon_svg("star", 13)}{p.rating:.1f}<span class="sa-sr"> out of 5</span></span>')
    if not p.in_stock:
        meta.append('<span class="sa-stock">out of stock</span>')
    link = safe_http_url(p.url)
    title_html = f'<span class="sa-title-text">{_esc(title)}</span>'
    if link:
        title_html = (f'<a class="sa-link" href="{_esc(link)}" target="_blank" rel="noopener noreferrer nofollow">{title_html}'
                      f'<span class="sa-sr"> (opens the product page)</span></a>')
    buttons = []
    for action, (tip, label) in CARD_ACTIONS.items():
        cls = "sa-act sa-cart" if action == "add_to_cart" else f"sa-act sa-fb-{action}"
        text = '<span class="sa-act-text">Add to cart</span>' if action == "add_to_cart" else ""
        buttons.append(f'<button type="button" class="{cls}" data-action="{action}" aria-pressed="false" '
                       f'aria-label="{_esc(label.format(title=title))}" title="{_esc(tip)}">{icon_svg(action)}{text}</button>')
    return "".join([
        f'<article class="sa-card" data-product-id="{_esc(p.id)}" data-slot="{slot}" data-n="{n}" '
        f'data-currency="{_esc(p.currency)}" aria-label="{_esc(title)}">',
        f'<div class="sa-thumb" aria-hidden="true"><span class="sa-initial">{initial}</span>{picture}'
        f'<span class="sa-n">{n}</span></div>',
        '<div class="sa-body">',
        f'<h4 class="sa-title">{title_html}</h4>',
        f'<p class="sa-meta">{"".join(meta)}</p>',
        f'<p class="sa-reason">{_esc(p.reason)}</p>' if p.reason else "",
        f'<div class="sa-actions" role="group" aria-label="{_esc("Actions for " + title)}">{"".join(buttons)}</div>',
        "</div></article>",
    ])


def cards_html(heading: str, products: list[ProductOut], note: str = "", alternatives: bool = False) -> str:
    """The results section: a heading and the cards in an ordered, responsive grid."""
    if not products:
        return '<p class="sa-empty">Products I suggest will appear here, with buttons to like them or add them to your cart.</p>'
    cls = "sa-heading sa-heading-alt" if alternatives else "sa-heading"
    extra = f' <span class="sa-relaxation">({_esc(note)})</span>' if note else ""
    cells = "".join(f'<li class="sa-cell">{product_card(i + 1, p, i)}</li>' for i, p in enumerate(products))
    return (f'<section class="sa-results" aria-labelledby="sa-results-heading">'
            f'<h3 class="{cls}" id="sa-results-heading">{html.escape(heading)}{extra}</h3>'
            f'<ol class="sa-grid" role="list">{cells}</ol></section>')


def cards_of(result: TurnResult) -> tuple[str, list[ProductOut], str, bool]:
    """(heading, products, note, alternatives?) of a turn: its matches, else its alternatives."""
    if result.products:
        return RECOMMENDED_HEADING, list(result.products), "", False
    if result.alternatives:
        return ALTERNATIVES_HEADING, list(result.alternatives), result.relaxation or "", True
    return "", [], "", False


def _as_assistant(target: Any) -> ShoppingAssistant:
    """A ShoppingAssistant as is, or a Shop's assistant with its configured LLM."""
    if hasattr(target, "turn_stream"):
        return target
    if hasattr(target, "assistant"):
        return target.assistant()
    raise TypeError(f"build_ui needs a Shop or a ShoppingAssistant, not {type(target).__name__}")


def _home_of(assistant: Any) -> Path | None:
    """The home folder the assistant keeps sessions in (where tickets go too)."""
    for owner, attr in ((getattr(assistant, "sessions", None), "path"), (getattr(assistant, "profiles", None), "path")):
        path = getattr(owner, attr, None) if owner is not None else None
        if isinstance(path, Path):
            return path.parent
    return None


_AMOUNT = re.compile(r"^\s*(?:A\$|C\$|[$₹€£¥])?\s*(-?\d[\d,]*(?:\.\d+)?)\s*(?:[A-Za-z]{3})?\s*$")


def _no_limit(value: Any, field: str = "budget") -> float | None:
    """A budget field as typed: empty (or 0) means no limit; "120", "$1,499.50" are amounts.
    Raises ValueError naming the field for anything else."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        amount = float(value)
    else:
        m = _AMOUNT.match(str(value))
        if not m:
            raise ValueError(f"{field}: type a number, e.g. 120 (or leave it empty)")
        amount = float(m.group(1).replace(",", ""))
    return None if amount == 0 else amount


def _budget_text(value: float | None) -> str:
    """A stored budget as the field shows it: "" when unset, "120" or "99.5" otherwise."""
    return "" if value is None else f"{value:g}"


def _validation_message(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        msg = str(err.get("msg", "")).removeprefix("Value error, ")
        where = ".".join(str(x) for x in err.get("loc", ()) if x != "__root__")
        parts.append(f"{where.replace('_', ' ')}: {msg}" if where else msg)
    return "; ".join(parts)


def _status(text_html: str) -> str:
    return f'<p class="sa-status-line" role="status">{text_html}</p>' if text_html else ""


def _shopper_label(ticket_user: str | None, session_id: str) -> str:
    user = ticket_user or ""
    test = session_id.startswith("ui:")
    user = user.removeprefix("ui:")
    who = "anonymous shopper" if not user or user.startswith("session:") else f"shopper {user}"
    return who + (" (staff UI)" if test else "")


def ticket_html(ticket: Ticket | None, now: float | None = None) -> str:
    """One ticket for staff: status, who and when, the conversation and the replies (escaped)."""
    if ticket is None:
        return '<div class="sa-ticket"><p class="sa-none">Choose a ticket to read the conversation and answer it.</p></div>'
    lines = []
    for m in ticket.transcript:
        who, cls = ("Shopper", "sa-line-user") if m.role == "user" else ("Assistant", "sa-line-assistant")
        lines.append(f'<li class="sa-line {cls}"><span class="sa-who">{who}</span><p>{_esc_lines(shopper_text(m.content))}</p></li>')
    for r in ticket.replies:
        lines.append(f'<li class="sa-line sa-line-staff"><span class="sa-who">{_esc(r.author)} (staff) · {_esc(_ago(r.ts, now))}</span>'
                     f"<p>{_esc_lines(r.text)}</p></li>")
    body = "".join(lines) or '<li class="sa-none">The conversation is empty (it may have expired before the hand-off).</li>'
    reason = f" · {_esc(ticket.reason)}" if ticket.reason else ""
    return (f'<div class="sa-ticket" data-ticket-id="{ticket.id}" data-status="{ticket.status}">'
            f'<div class="sa-ticket-head"><span class="sa-ticket-title">Ticket {ticket.id}</span>'
            f'<span class="sa-badge sa-badge-{ticket.status}">{ticket.status}</span>'
            f'<span class="sa-ticket-meta">{_esc(_shopper_label(ticket.user_id, ticket.session_id))} · opened '
            f"{_esc(_ago(ticket.created, now))}{reason}</span></div>"
            f'<ol class="sa-transcript" aria-label="Conversation">{body}</ol></div>')


_ASKS_FOR_PERSON = re.compile(r"\b(?:person|human|someone|somebody|agent|representative|staff|colleague|support|operator)\b", re.I)


def lookup_question(ticket: Ticket) -> str:
    """What to look up for staff: the shopper's last message that is more than a request for a
    person ("can I talk to someone?"), else their last message."""
    said = [m.content.strip() for m in ticket.transcript if m.role == "user" and m.content.strip()]
    for text in reversed(said):
        if not (_ASKS_FOR_PERSON.search(text) and len(text.split()) <= 10):
            return text
    return said[-1] if said else ""


def _ticket_choice(t, now: float | None = None) -> tuple[str, int]:
    said = " ".join(t.last_shopper_message.split())
    said = (said[:60] + "…") if len(said) > 60 else said
    return (f"Ticket {t.id} · {t.status} · {_ago(t.updated, now)} · {_shopper_label(t.user_id, t.session_id)}"
            + (f" · “{said}”" if said else ""), t.id)


# --- the page -------------------------------------------------------------------------------


class ShopUI:
    """The handlers behind the page, as plain methods (tests may call them directly)."""

    def __init__(self, assistant: ShoppingAssistant, slots: int = MIN_CARD_SLOTS, tickets: TicketStore | None = None) -> None:
        self.assistant = assistant
        self.profiles = assistant.profiles
        self.n_slots = slots
        if tickets is None:
            home = _home_of(assistant)
            tickets = ticket_store(home) if home is not None else None
        self.tickets = tickets

    # --- chat -------------------------------------------------------------------------------

    def _cards(self, heading: str, products: list[ProductOut], note: str = "", alternatives: bool = False) -> tuple[list, str]:
        shown = products[: self.n_slots]
        state = [{"id": p.id, "title": p.title, "price": p.price, "currency": p.currency} for p in shown]
        return state, cards_html(heading, shown, note, alternatives)

    def respond(self, message: str, history: list | None, session_id: str | None, user_id: str | None,
                ticket: dict | None = None) -> Iterator[tuple]:
        """(message, history, session_id, user_id[, ticket]) → yields (history, textbox,
        session_id, shown products, cards HTML, ticket, poll timer) as the reply grows. The
        cards change only when the turn shows products (its `Products` event, else its final
        result): an FAQ answer leaves the last products in place. A hand-off opens a ticket and
        starts the poll for the staff's reply. The messages it adds are `_chat_text`-escaped;
        those already in `history` came back from the page as they were sent, and stay."""
        history = list(history or [])
        session_id = session_id or uuid.uuid4().hex
        history.append({"role": "user", "content": _chat_text(message or "")})
        reply = {"role": "assistant", "content": ""}
        history.append(reply)
        keep = (gr.skip(), gr.skip())
        yield (history, "", session_id, *keep, gr.skip(), gr.skip())
        try:
            user = shopper_id(user_id, session_id)
        except ValueError as exc:
            reply["content"] = _chat_text(f"Sorry: {exc}")
            yield (history, gr.skip(), session_id, *keep, gr.skip(), gr.skip())
            return
        try:
            text, cards_shown = "", False
            for event in self.assistant.turn_stream(message, session_id, user):
                if isinstance(event, Delta):
                    text += event.text
                    reply["content"] = _chat_text(shopper_text(text.lstrip()))
                    yield (history, gr.skip(), session_id, *keep, gr.skip(), gr.skip())
                elif isinstance(event, Products):
                    heading = ALTERNATIVES_HEADING if event.alternatives else RECOMMENDED_HEADING
                    cards_shown = bool(event.products)
                    cards = self._cards(heading, list(event.products), alternatives=event.alternatives) if event.products else keep
                    yield (history, gr.skip(), session_id, *cards, gr.skip(), gr.skip())
                elif isinstance(event, Final):
                    result: TurnResult = event.result
                    reply["content"] = _chat_text(shopper_text(result.reply or text.strip() or "(no reply)"))
                    heading, products, note, alternatives = cards_of(result)
                    cards = self._cards(heading, products, note, alternatives) if products and (not cards_shown or note) else keep
                    new_ticket, timer = gr.skip(), gr.skip()
                    if result.handoff:
                        opened = self.open_ticket(result)
                        if opened is not None:
                            seen = (ticket or {}).get("seen", 0) if (ticket or {}).get("id") == opened.id else len(opened.replies)
                            new_ticket, timer = {"id": opened.id, "seen": seen}, gr.Timer(active=True)
                    yield (history, gr.skip(), session_id, *cards, new_ticket, timer)
        except InputError as exc:  # the message cannot be processed as sent (empty, too long...)
            reply["content"] = _chat_text(f"Sorry: {exc}")
            yield (history, gr.skip(), session_id, *keep, gr.skip(), gr.skip())

    def reset(self, session_id: str | None) -> tuple:
        """Forget the conversation (server side too) and start a new session id; any ticket of
        the old conversation stays with staff, but this page stops waiting for it."""
        if session_id:
            self.assistant.sessions.reset(session_id)
        return ([], "", uuid.uuid4().hex, "Started a new conversation.", *self._cards("", []), None, gr.Timer(active=False))

    # --- hand-off -----------------------------------------------------------------------------

    def open_ticket(self, result: TurnResult) -> Ticket | None:
        """A ticket for the turn's conversation, under the id the agent stored it as (the
        mounted staff UI keeps its own conversations under `ui:`), with its transcript."""
        if self.tickets is None:
            return None
        reason = "asked for a person" if result.intent == "human" else "no confident answer in the FAQ"
        return self.tickets.open_ticket(result.session_id, reason=reason)

    def poll_ticket(self, ticket: dict | None, history: list | None) -> tuple:
        """(ticket state, history) → (history, ticket state, timer): the staff's new replies
        appended to the chat; the poll stops once the ticket is closed."""
        if not ticket or self.tickets is None:
            return gr.skip(), gr.skip(), gr.Timer(active=False)
        current = self.tickets.get(int(ticket["id"]))
        if current is None:  # forgotten
            return gr.skip(), None, gr.Timer(active=False)
        seen = int(ticket.get("seen", 0))
        new = [r for r in current.replies if r.n > seen]
        history = list(history or [])
        for r in new:
            who = r.author if r.author != DEFAULT_AUTHOR else "Our support team"
            history.append({"role": "assistant", "content": _chat_text(f"{who} (support team): {r.text}" if r.author != DEFAULT_AUTHOR
                                                                       else f"{who}: {r.text}")})
        closed = current.status == "closed"
        if closed:
            history.append({"role": "assistant", "content": _chat_text(
                "Our support team has closed this conversation. Ask for a person again any time.")})
        if not new and not closed:
            return gr.skip(), gr.skip(), gr.skip()
        state = None if closed else {"id": current.id, "seen": max([seen] + [r.n for r in new])}
        return history, state, (gr.Timer(active=False) if closed else gr.skip())

    # --- feedback ---------------------------------------------------------------------------

    def feedback(self, slot: int, event: str, shown: list | None, session_id: str | None, user_id: str | None,
                 product_id: str | None = None) -> tuple[str, str, str]:
        """Record `event` on the product in card `slot`; returns (status as escaped HTML, chat
        message to send next — "" unless "more like this", session id). Raises gr.Error when it
        cannot (no such card, or the cards changed since the click: `product_id` differs)."""
        shown = shown or []
        if event not in CARD_ACTIONS:
            raise gr.Error("Unknown action.")
        try:
            slot = int(slot)
        except (TypeError, ValueError):
            raise gr.Error("There is no product in that card any more.") from None
        if not 0 <= slot < len(shown) or (product_id and shown[slot]["id"] != product_id):
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
            "like": ("Noted: you like ", "."),
            "dislike": ("Noted: you don't like ", "; it won't be suggested again."),
            "more_like_this": ("Looking for more like ", "…"),
            "add_to_cart": ("Added ", " to your cart."),
        }[event]
        status = f"{html.escape(before)}<strong>{_esc(title)}</strong>{html.escape(after)}"
        gr.Info(_esc(before + title + after))  # gradio renders a toast's message as HTML
        follow_up = f"Show me more like {title[:200]}" if event == "more_like_this" else ""
        return _status(status), follow_up, session_id

    def card_click(self, shown: list | None, session_id: str | None, user_id: str | None, evt: gr.EventData) -> tuple:
        """A click on a card's button in the page (the event carries action, slot, product id)."""
        data = getattr(evt, "_data", None) or {}
        return self.feedback(data.get("slot", -1), str(data.get("action", "")), shown, session_id, user_id,
                             product_id=data.get("product_id"))

    # --- preferences ------------------------------------------------------------------------

    def load_preferences(self, user_id: str | None, session_id: str | None) -> tuple:
        """The stated preferences of the shopper, as the panel's field values and a status line
        (an unset budget is an empty field, not 0)."""
        empty: tuple[str, str, list[str], list[str], list[str], list[str]] = ("", "", [], [], [], [])
        if self.profiles is None:
            return (*empty, "Preferences are not available: profiles are not enabled on this server.")
        if not (user_id or "").strip() and not session_id:
            return (*empty, "No preferences saved yet.")
        try:
            user = shopper_id(user_id, session_id or "")
            prefs = self.profiles.get_preferences(user)
        except ValueError as exc:
            return (*empty, f"Sorry: {_md(str(exc))}")
        status = "No preferences saved yet." if prefs.is_empty() else f"Loaded the preferences of `{_md(user)}`."
        return (_budget_text(prefs.max_budget), _budget_text(prefs.min_budget), prefs.preferred_brands, prefs.avoided_brands,
                prefs.sizes, prefs.colors, status)

    def save_preferences(self, user_id: str | None, session_id: str | None, max_budget, min_budget, preferred_brands,
                         avoided_brands, sizes, colors) -> tuple:
        """Validate and store; returns (status, session id, *the fields as stored). On a
        validation error the fields are left as typed and the status says what is wrong."""
        keep = (gr.skip(),) * len(PREFERENCE_FIELDS)
        if self.profiles is None:
            return ("Not saved: profiles are not enabled on this server.", gr.skip(), *keep)
        session_id = session_id or uuid.uuid4().hex
        try:
            user = shopper_id(user_id, session_id)
            prefs = StatedPreferences.model_validate({
                "max_budget": _no_limit(max_budget, "max budget"), "min_budget": _no_limit(min_budget, "min budget"),
                "preferred_brands": preferred_brands or [],
                "avoided_brands": avoided_brands or [], "sizes": sizes or [], "colors": colors or [],
            })
            prefs = self.profiles.set_preferences(user, prefs)
        except ValidationError as exc:
            return (f"**Not saved:** {_md(_validation_message(exc))}", session_id, *keep)
        except ValueError as exc:
            return (f"**Not saved:** {_md(str(exc))}", session_id, *keep)
        return (f"Saved the preferences of `{_md(user)}`.", session_id, _budget_text(prefs.max_budget),
                _budget_text(prefs.min_budget), prefs.preferred_brands, prefs.avoided_brands, prefs.sizes, prefs.colors)

    # --- support: tickets ---------------------------------------------------------------------

    def list_tickets(self, which: str | None, selected: int | None) -> tuple:
        """(which: "active" | "closed", selected ticket) → (the ticket list, a count line)."""
        if self.tickets is None:
            return gr.Radio(choices=[], value=None), "Tickets are not available: no home folder."
        statuses = ["closed"] if which == "closed" else ["open", "answered"]
        now = time.time()
        tickets = self.tickets.list(statuses)
        choices = [_ticket_choice(t, now) for t in tickets]
        ids = {t.id for t in tickets}
        counts = self.tickets.counts()
        line = (f"**{counts['open']}** waiting for an answer · **{counts['answered']}** answered · "
                f"**{counts['closed']}** closed")
        if not choices:
            line += " — nothing to show here." if which == "closed" else " — no ticket is waiting. New ones appear here by themselves."
        return gr.Radio(choices=choices, value=selected if selected in ids else None), line

    def show_ticket(self, ticket_id: int | None) -> tuple:
        """(ticket) → (its HTML, the lookup question prefilled with the shopper's question, status)."""
        if ticket_id is None or self.tickets is None:
            return ticket_html(None), gr.skip(), ""
        ticket = self.tickets.get(int(ticket_id), refresh=True)
        if ticket is None:
            return ticket_html(None), gr.skip(), "That ticket no longer exists (the shopper's data may have been deleted)."
        question = lookup_question(ticket)
        return ticket_html(ticket), (question if question else gr.skip()), ""

    def refresh_ticket(self, ticket_id: int | None) -> str | Any:
        """The selected ticket's HTML again (what the shopper wrote since); unchanged HTML is not re-rendered."""
        if ticket_id is None or self.tickets is None:
            return gr.skip()
        return ticket_html(self.tickets.get(int(ticket_id), refresh=True))

    def send_reply(self, ticket_id: int | None, text: str | None, author: str | None, which: str | None) -> tuple:
        """→ (ticket HTML, reply box, status, ticket list, count line)."""
        if ticket_id is None or self.tickets is None:
            return (gr.skip(), gr.skip(), "**Choose a ticket first.**", gr.skip(), gr.skip())
        try:
            ticket = self.tickets.reply(int(ticket_id), text or "", author)
        except TicketError as exc:
            return (gr.skip(), gr.skip(), f"**Not sent:** {_md(str(exc))}", gr.skip(), gr.skip())
        listing, line = self.list_tickets(which, ticket.id)
        return (ticket_html(ticket), "", f"Sent to the shopper of ticket {ticket.id}; it shows in their chat within seconds.",
                listing, line)

    def close_ticket(self, ticket_id: int | None, which: str | None) -> tuple:
        """→ (ticket HTML, status, ticket list, count line)."""
        if ticket_id is None or self.tickets is None:
            return (gr.skip(), "**Choose a ticket first.**", gr.skip(), gr.skip())
        try:
            ticket = self.tickets.close(int(ticket_id))
        except TicketError as exc:
            return (gr.skip(), f"**Not closed:** {_md(str(exc))}", gr.skip(), gr.skip())
        listing, line = self.list_tickets(which, ticket.id)
        return (ticket_html(ticket), f"Ticket {ticket.id} is closed.", listing, line)

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
            return ("**Type the customer's question first.**", *hidden)
        if len(question) > MAX_MESSAGE_CHARS:
            return (f"**The question is {len(question)} characters long; the limit is {MAX_MESSAGE_CHARS}.**", *hidden)
        lookup = self.assistant.faq.lookup(question, k=k)
        matches = lookup.matches[:k]
        if not matches:
            return ("**No confident match**: the FAQ has no entries.", *hidden)
        best = matches[0].score
        if lookup.confident:
            banner = (f"**Confident match** (best score {best:.3f} ≥ threshold {lookup.threshold:.3f}). "
                      "Copy an answer with the button in its box, or put it into your reply.")
        else:
            banner = (f"**No confident match** (best score {best:.3f} < threshold {lookup.threshold:.3f}): "
                      "none of these is likely to answer the question; check before sending.")
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

    @staticmethod
    def use_answer(answer: str | None, reply: str | None) -> str:
        """Put an FAQ answer into the staff's reply (after what is already written)."""
        answer, reply = (answer or "").strip(), (reply or "").rstrip()
        if not answer:
            return reply
        return f"{reply}\n\n{answer}" if reply else answer


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


def build_ui(shop_or_assistant: Any, *, title: str = TITLE, concurrency_limit: int | None = 1, staff: bool = True,
             tickets: TicketStore | None = None) -> gr.Blocks:
    """The page. `shop_or_assistant`: a Shop (its configured LLM is used) or a ready
    ShoppingAssistant (e.g. `shop.assistant(llm=None)`). Turns run in gradio's worker threads,
    `concurrency_limit` at a time (the embedded LLM serves one request at a time anyway).
    `staff`: include the Support tab (tickets and FAQ lookup). `tickets`: the ticket store
    (default: the one in the assistant's home folder)."""
    assistant = _as_assistant(shop_or_assistant)
    n_slots = max(MIN_CARD_SLOTS, min(MAX_CARD_SLOTS, getattr(assistant.config, "products_per_reply", MIN_CARD_SLOTS)))
    ui = ShopUI(assistant, slots=n_slots, tickets=tickets)
    choices = _facet_choices(assistant)

    with gr.Blocks(title=title, analytics_enabled=False) as demo:
        demo.shop_ui = ui  # the handlers, for tests and embedding
        gr.Markdown(f"## {_md(title)}")
        session = gr.State(None)  # one uuid4 per browser session, set on first use
        shown = gr.State([])  # [{"id", "title", "price", "currency"}] of the products on the cards, in order
        ticket = gr.State(None)  # {"id", "seen"} of this conversation's hand-off ticket while it is not closed
        follow_up = gr.State("")  # the message "more like this" sends next
        poll = gr.Timer(HANDOFF_POLL_SECONDS, active=False)
        with gr.Tabs():
            with gr.Tab("Shop", id="shop"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3, min_width=320):
                        gr.Markdown("Ask for products (\"running shoes under 100\") or about orders, shipping and returns.")
                        # gradio 6: the messages format ({"role", "content"} dicts) is the only one.
                        # Plain text: no Markdown, no LaTeX, no custom tags; `_chat_text` escapes
                        # what the HTML parser would still see (see the module docstring).
                        chatbot = gr.Chatbot(label="Chat", height=380, buttons=["copy"], elem_id="sa-chat",
                                             render_markdown=False, sanitize_html=True, latex_delimiters=[],
                                             allow_tags=False, group_consecutive_messages=False)  # a staff reply is a message of its own
                        with gr.Row():
                            message = gr.Textbox(placeholder="Type a message and press Enter", show_label=False,
                                                 scale=5, autofocus=True, elem_id="sa-message", max_lines=4)
                            send = gr.Button("Send", variant="primary", scale=1, min_width=80, elem_id="sa-send")
                        gr.Examples(EXAMPLES, inputs=message)
                        cards = gr.HTML(cards_html("", []), css_template=CARD_CSS, js_on_load=CARDS_JS, elem_id="sa-cards")
                        feedback_status = gr.HTML("", css_template=STATUS_CSS, elem_id="sa-feedback-status", js_on_load=None)
                        # issue 14: "Often bought together" with the first card, and "For you" (ui_recs.py)
                        recs_rows = gr.HTML("", css_template=RECS_CSS, js_on_load=RECS_JS, elem_id="sa-recs")
                    with gr.Column(scale=1, min_width=260, elem_id="sa-side"):
                        gr.Markdown("### Your profile")
                        user = gr.Textbox(label="User id (optional)", max_lines=1, elem_id="sa-user",
                                          info="Personalises results and remembers feedback. Without one, "
                                               "this browser session is used.")
                        gr.Markdown("#### Stated preferences")
                        # Text boxes, not gr.Number: an unset budget must read as empty, never "0".
                        max_budget = gr.Textbox(label="Max budget per item", value="", max_lines=1, elem_id="sa-max-budget",
                                                placeholder="No limit", info="A number, e.g. 120; empty: no limit")
                        min_budget = gr.Textbox(label="Min budget per item", value="", max_lines=1, elem_id="sa-min-budget",
                                                placeholder="No minimum", info="A number; empty: no minimum")
                        dd: dict[str, Any] = dict(multiselect=True, allow_custom_value=True, value=[])
                        preferred = gr.Dropdown(choices["brands"], label="Preferred brands", elem_id="sa-preferred", **dd)
                        avoided = gr.Dropdown(choices["brands"], label="Avoided brands", elem_id="sa-avoided", **dd)
                        sizes = gr.Dropdown(choices["sizes"], label="Sizes", elem_id="sa-sizes", **dd)
                        colors = gr.Dropdown(choices["colors"], label="Colors", elem_id="sa-colors", **dd)
                        save = gr.Button("Save preferences", variant="primary", elem_id="sa-save-prefs")
                        prefs_status = gr.Markdown("", elem_id="sa-prefs-status")
                        gr.Markdown("#### Session")
                        reset = gr.Button("Reset session", variant="stop", elem_id="sa-reset")
                        session_status = gr.Markdown("")
                # The card buttons as an API (gradio_client, scripts): slot, action, user id.
                api_slot = gr.Number(visible=False)
                api_action = gr.Textbox(visible=False)
                api_trigger = gr.Button(visible=False)
            if staff:
                with gr.Tab("Support", id="support"):
                    gr.Markdown("### Hand-off tickets\nConversations the assistant handed to a person. Open one, read "
                                "the conversation, answer (the FAQ lookup below helps), and close it when done. "
                                "Replies show in the shopper's chat within seconds.")
                    with gr.Row(equal_height=False):
                        with gr.Column(scale=2, min_width=280):
                            which = gr.Radio([("Waiting and answered", "active"), ("Closed", "closed")], value="active",
                                             label="Show", elem_id="sa-ticket-filter")
                            ticket_list = gr.Radio([], value=None, label="Tickets", elem_id="sa-tickets")
                            ticket_counts = gr.Markdown("", elem_id="sa-ticket-counts")
                            refresh = gr.Button("Refresh", size="sm", elem_id="sa-tickets-refresh")
                        with gr.Column(scale=3, min_width=320):
                            ticket_view = gr.HTML(ticket_html(None), css_template=TICKET_CSS, js_on_load=None,
                                                  elem_id="sa-ticket-view", padding=True)
                            staff_name = gr.Textbox(label="Your name (shown to the shopper)", max_lines=1,
                                                    placeholder=DEFAULT_AUTHOR, elem_id="sa-staff-name")
                            reply_box = gr.Textbox(label="Reply to the shopper", lines=4, max_lines=12, elem_id="sa-reply")
                            with gr.Row():
                                send_reply = gr.Button("Send reply", variant="primary", elem_id="sa-send-reply")
                                close_button = gr.Button("Close ticket", variant="stop", elem_id="sa-close-ticket")
                            reply_status = gr.Markdown("", elem_id="sa-reply-status")
                    tickets_timer = gr.Timer(TICKETS_REFRESH_SECONDS)
                    gr.Markdown("### FAQ lookup\nType a customer's question to see the best FAQ answers, with their "
                                "scores and sources. Copy one, or put it into your reply.")
                    with gr.Row():
                        question = gr.Textbox(label="Customer's question", scale=4, max_lines=4, elem_id="sa-support-question")
                        k = gr.Slider(1, MAX_FAQ_RESULTS, value=DEFAULT_FAQ_RESULTS, step=1, label="Answers to show", scale=1)
                    lookup_button = gr.Button("Look up", variant="primary", elem_id="sa-support-lookup")
                    banner = gr.Markdown("", elem_id="sa-support-banner")
                    faq_outputs: list = []
                    use_buttons: list = []
                    for _ in range(MAX_FAQ_RESULTS):
                        with gr.Group(visible=False, elem_classes=["sa-faq-result"]) as group:
                            header = gr.HTML("", padding=True, js_on_load=None, elem_classes=["sa-faq-header"])
                            answer = gr.Textbox(label="Answer", interactive=False, lines=2, max_lines=12, buttons=["copy"],
                                                elem_classes=["sa-faq-answer"])
                            use = gr.Button("Put this answer in the reply", size="sm", elem_classes=["sa-faq-use"])
                        faq_outputs += [group, header, answer]
                        use_buttons.append((use, answer))

        pref_fields = [max_budget, min_budget, preferred, avoided, sizes, colors]
        card_outputs = [shown, cards]
        chat_outputs = [chatbot, message, session, *card_outputs, ticket, poll]
        # always_last: a message sent while a reply is still streaming is sent once it ends, not dropped.
        chat_args: dict[str, Any] = dict(fn=ui.respond, inputs=[message, chatbot, session, user, ticket], outputs=chat_outputs,
                         concurrency_limit=concurrency_limit, trigger_mode="always_last")
        rows = RecsRows(assistant)
        rows_args: dict[str, Any] = dict(fn=rows.render, inputs=[session, user, shown], outputs=[recs_rows],
                                         api_visibility="private", show_progress="hidden")
        message.submit(api_name=API_NAME, **chat_args).then(**rows_args)
        send.click(api_visibility="private", **chat_args).then(**rows_args)
        recs_rows.click(rows.click, inputs=[session, user, shown], outputs=[recs_rows, session], api_visibility="private",
                        show_progress="hidden")
        demo.load(**rows_args)

        def send_follow_up(pending: str, history, session_id, user_id, ticket_state):
            if not pending:
                yield tuple(gr.skip() for _ in chat_outputs)
                return
            yield from ui.respond(pending, history, session_id, user_id, ticket_state)

        follow_args: dict[str, Any] = dict(fn=send_follow_up, inputs=[follow_up, chatbot, session, user, ticket], outputs=chat_outputs,
                           concurrency_limit=concurrency_limit, api_visibility="private")
        cards.click(ui.card_click, inputs=[shown, session, user], outputs=[feedback_status, follow_up, session],
                    api_visibility="private", show_progress="hidden").success(**follow_args).then(**rows_args)
        api_trigger.click(lambda slot, action, shown_, session_id, user_id: ui.feedback(slot, action, shown_, session_id, user_id),
                          inputs=[api_slot, api_action, shown, session, user], outputs=[feedback_status, follow_up, session],
                          api_name="card_action").success(**follow_args)
        poll.tick(ui.poll_ticket, inputs=[ticket, chatbot], outputs=[chatbot, ticket, poll], api_name="poll_ticket",
                  show_progress="hidden")

        save.click(ui.save_preferences, inputs=[user, session, *pref_fields],
                   outputs=[prefs_status, session, *pref_fields], api_name="save_preferences")
        user.change(ui.load_preferences, inputs=[user, session], outputs=[*pref_fields, prefs_status],
                    api_name="load_preferences", trigger_mode="always_last").then(**rows_args)
        reset.click(ui.reset, inputs=[session], outputs=[chatbot, message, session, session_status, *card_outputs, ticket, poll],
                    api_name="reset_session").then(
            ui.load_preferences, inputs=[user, session], outputs=[*pref_fields, prefs_status], api_visibility="private").then(
            **rows_args)

        if staff:
            list_args: dict[str, Any] = dict(fn=ui.list_tickets, inputs=[which, ticket_list], outputs=[ticket_list, ticket_counts],
                             show_progress="hidden")
            refresh.click(api_name="list_tickets", **list_args)
            demo.load(api_name="list_tickets_on_load", api_visibility="private", **list_args)
            which.change(api_name="list_tickets_on_filter", api_visibility="private", **list_args)
            tickets_timer.tick(api_name="list_tickets_on_timer", api_visibility="private", **list_args).then(
                ui.refresh_ticket, inputs=[ticket_list], outputs=[ticket_view], show_progress="hidden", api_visibility="private")
            ticket_list.input(ui.show_ticket, inputs=[ticket_list], outputs=[ticket_view, question, reply_status],
                              api_name="show_ticket")
            send_reply.click(ui.send_reply, inputs=[ticket_list, reply_box, staff_name, which],
                             outputs=[ticket_view, reply_box, reply_status, ticket_list, ticket_counts], api_name="send_reply")
            close_button.click(ui.close_ticket, inputs=[ticket_list, which],
                               outputs=[ticket_view, reply_status, ticket_list, ticket_counts], api_name="close_ticket")

            lookup_args: dict[str, Any] = dict(fn=ui.support_lookup, inputs=[question, k], outputs=[banner, *faq_outputs])
            lookup_button.click(api_name="support_lookup", **lookup_args)
            question.submit(api_visibility="private", **lookup_args)
            for use, answer in use_buttons:
                use.click(ui.use_answer, inputs=[answer, reply_box], outputs=[reply_box], api_visibility="private")
    return demo


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
